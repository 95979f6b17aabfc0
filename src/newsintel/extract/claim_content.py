"""What a reported statement says: the words of a reporting verb's clause, quotation or object.

"police said he fled" says "he fled"; '"...," police said' the words before; "urged the residents to leave" who is
urged too; "called for an end to the fighting" its prepositional phrase; "claimed responsibility" its object. The
writer's words that run on after the statement ("..., as rival gangs celebrated online", "... — and he is right")
and the speaker's own title are left out.
"""

from __future__ import annotations

from spacy.tokens import Token

from newsintel.extract.attribution import is_addressee, is_reporting, mis_coordinated, speaker_of
from newsintel.extract.lexicon import lexicon
from newsintel.extract.parse import ParsedSentence
from newsintel.extract.speaker_order import inverted_speaker as _inverted_speaker
from newsintel.resources import load_yaml

QUOTES = "\"“”«»‘’'"  # double and single marks (British papers quote with single ones)
DASHES = {"—", "–", "--"}
OPENING_QUOTES = {"“", '"'}
CLOSING_QUOTES = {"”", '"'}
FINITE = ("VBD", "VBZ", "VBP", "MD")  # a lead-in with one of these is a clause of its own, maybe the speaker's
MAX_ANTECEDENT = 8  # words of the noun phrase a relative pronoun stands for, at most, to be put in its place


def claim_cue(verb: Token) -> bool:
    """A verb that reports a statement in this use only (`cue_verbs` in data/claim_content.yaml): "concluded
    that ...", "pointed out that ...", "blamed the delay on ..."."""
    ways = load_yaml("claim_content.yaml")["cue_verbs"].get(verb.lemma_.lower()) if verb.pos_ == "VERB" else None
    return bool(ways) and any(all(_governs(verb, need) for need in way.split()) for way in ways)


def _governs(verb: Token, need: str) -> bool:
    dep, _, word = need.partition(":")
    return any(c.dep_ == dep and (not word or c.lower_ == word) for c in _dependents(verb, dep))


def _dependents(verb: Token, dep: str) -> list[Token]:
    """The verb's children, and for a preposition also those the parse hung inside its object ("blamed the strike
    and the weak pound on price rises": "on" under "pound")."""
    obj = next((c for c in verb.children if c.dep_ == "dobj"), None)
    inside = [t for t in obj.subtree if t.dep_ == "prep"] if obj is not None and dep == "prep" else []
    return [*verb.children, *inside]


def _cue_object_content(ps: ParsedSentence, verb: Token) -> tuple[str, Token | None]:
    """What a `cue_verbs` verb with no clause reports: its object, up to the phrase of its listed preposition
    ("the delay on the storm"), or that phrase alone ("a move it blames on costs": "on costs")."""
    ways = load_yaml("claim_content.yaml")["cue_verbs"][verb.lemma_.lower()]
    preps = {need.partition(":")[2] for way in ways for need in way.split() if need.startswith("prep:")}
    obj = next((c for c in verb.children if c.dep_ == "dobj"), None)
    prep = next((c for c in _dependents(verb, "prep") if c.dep_ == "prep" and c.lower_ in preps), None)
    if obj is not None and obj.pos_ == "PRON" and obj.lower_ not in ("it", "this", "that"):
        return "", None  # "blamed himself", "demanded them": no statement of its own
    first = obj if obj is not None else prep
    if first is None:
        return "", None
    end = max(t.right_edge.i for t in (obj, prep) if t is not None)
    return ps.doc[first.left_edge.i: end + 1].text.strip(" ,." + QUOTES), first


def content_of(ps: ParsedSentence, verb: Token) -> tuple[str, Token | None]:
    """The reported statement: the complement clause, or the quotation, or the rest of the sentence."""
    att, lemma = lexicon().attribution, verb.lemma_.lower()
    if not is_reporting(verb) and not any(c.dep_ == "ccomp" for c in verb.children):
        return _cue_object_content(ps, verb)  # a `cue_verbs` verb: "blamed the delay on the storm"
    inverted = inverted_speaker(verb)
    if inverted is not None:  # "The prefecture called it an attack, reported French media"
        return ps.doc[: verb.i - 1].text.strip(" ,." + QUOTES), verb.head
    gerund = next((c for c in verb.children if c.dep_ == "xcomp" and c.tag_ == "VBG"), None)
    if gerund is not None and lemma in att["addressee_verbs"]:  # "told visiting officials they would ...": the
        return _told_clause(ps, gerund)  # parse took the addressee's "visiting" for what was told
    after = any(c.dep_ == "ccomp" and c.i > verb.i and any(g.dep_ in ("nsubj", "nsubjpass") for g in c.children)
                for c in verb.children)
    for child in verb.children:
        if child.i < verb.i and any(t.text in DASHES for t in ps.doc[child.right_edge.i + 1: verb.i]):
            continue  # "... would be worried -- the papers reveal a trail": the writer's words lead up to it
        if child.i < verb.i and after and not any(t.tag_ in ("``", "''") for t in ps.doc[child.left_edge.i:verb.i]):
            continue  # "Democrats accused him of meddling, Clinton said she found it troubling": her words follow
        if child.dep_ in ("ccomp", "xcomp") and child.i != verb.i:
            obj = next((c for c in verb.children if c.dep_ == "dobj" and c.i < child.i), None)
            subject = any(c.dep_ in ("nsubj", "nsubjpass", "expl", "csubj") for c in child.children)
            start = obj.left_edge.i if obj is not None and (child.dep_ == "xcomp" or not subject) \
                else child.left_edge.i  # "urged the residents to leave", "announced work ... was underway"
            if obj is not None and start == obj.left_edge.i and child.dep_ == "ccomp" and lemma in att[
                    "addressee_verbs"]:  # "told relatives that the concert ... was", "that" misparsed
                start = next((t.i for t in obj.subtree if t.lower_ == "that" and t.dep_ != "nsubj"
                              and t.head.dep_ == "relcl" and t.i == t.head.left_edge.i), start)
            mark = next((c for c in child.children if c.dep_ == "mark" and c.lower_ == "that" and start < c.i), None)
            if child.dep_ == "ccomp" and child.i > verb.i and mark is not None and ps.doc[mark.i - 1].tag_ not in (
                    "RB", "IN") and not any(t.text in QUOTES for t in ps.doc[verb.i + 1:mark.i]):  # not "Now that"
                start = mark.i  # "announced this fall that work ... was underway": the time is the announcing's
            elif child.dep_ == "ccomp" and child.i > verb.i and mark is None:
                start = _after_saying_adjuncts(child, start)  # "said on Monday the bridge would reopen"
            if child.i < verb.i:
                start = max(start, _label_end(ps))  # "Translation: the car will ..., said X": the writer's label
            last = max((c for c in verb.children if c.dep_ == "ccomp" and child.i < c.i < verb.i and not any(
                t.tag_ == "''" for t in ps.doc[child.i:c.left_edge.i])), key=lambda c: c.i, default=child)
            # '..., but no one was freed, a source said': both clauses; not past a closing quotation mark
            end = _quotation_end(ps, start, _content_end(ps, last, last.right_edge.i))
            speaker = closing_subject(verb) or speaker_of(verb) if child.i < verb.i else None
            if speaker is not None and start < speaker.i <= end:  # the parse put the speaker into the quotation
                end = max((t.i - 1 for t in ps.doc[start + 1: speaker.i] if t.tag_ == "''"), default=end)
            if speaker is not None and end < speaker.left_edge.i:  # '..., PETA Vice President X said'
                end = min(end, speaker_phrase_start(ps, speaker.left_edge.i) - 1)
            if verb.dep_ == "relcl" and child.dep_ == "ccomp" and (start < verb.i <= end or not subject):
                return _relative_content(ps, verb, child, start, end), child  # "an order which she said would"
            span = ps.doc[start: end + 1]  # "urged the residents to leave": who is urged too
            rest = _resumed_quotation(ps, verb, speaker, child) if child.i < verb.i else ""
            return span.text.strip(" ,." + QUOTES) + (", " + rest if rest else ""), child
    closing = closing_subject(verb)
    if closing is not None:  # "The convoy left at dawn, near the border, an official said"
        first = next(c for c in verb.children if c.dep_ == "nsubj")
        clause = next((c for c in first.children if c.dep_ in ("acl", "relcl") and c.pos_ == "VERB"), first)
        return ps.doc[: speaker_phrase_start(ps, closing.left_edge.i)].text.strip(" ,." + QUOTES), clause
    closing = _coordinated_closing_speaker(verb)
    if closing is not None:  # "The 12 were moved to Arlit, near the border, a source said": "said" coordinated
        return ps.doc[: speaker_phrase_start(ps, closing.left_edge.i)].text.strip(" ,." + QUOTES), verb.head
    if lemma in att["clause_only_verbs"]:
        return "", None
    for child in verb.children:  # "called for an end to", "apologized to the players", "warned of"
        if child.dep_ == "prep" and child.lower_ in att["prep_contents"].get(lemma, ()) and not any(
                c.dep_ == "dobj" for c in verb.children):
            return ps.doc[child.i: child.right_edge.i + 1].text.strip(" ,." + QUOTES), child
    head = verb.head if verb.dep_ in ("parataxis", "ccomp", "advcl") else None
    if (head is not None and any(c.dep_ == "mark" or (c.dep_ == "dobj" and not is_addressee(verb, c))
                                 for c in verb.children)) or verb.tag_ == "VBG":
        head = None  # "while the police deny accusations", "as many claimed", ", adding": no quotation before it
    if head is not None and verb.left_edge.i > 0 and ps.doc[verb.left_edge.i - 1].text in DASHES:
        head = None  # "... would be worried -- the papers reveal a trail": the writer's words lead up to it
    if head is not None and verb.i + 1 < len(ps.doc) and ps.doc[verb.i + 1].text == ":":
        head = None  # 'Explaining the change, the statement said: "..."': the quotation after the colon
    if head is not None and head.i != verb.i and verb.left_edge.i > 0:  # '"...," police said'
        left = ps.doc[_label_end(ps): speaker_phrase_start(ps, verb.left_edge.i)].text.strip(" ,." + QUOTES)
        end = verb.right_edge.i
        if ps.doc[end].text in OPENING_QUOTES and ps.doc[end - 1].text == ",":
            end -= 1  # the quotation's opening mark hung on the verb
        comma = end if ps.doc[end].text == "," else end + 1
        if comma < len(ps.doc) - 1 and ps.doc[comma].text == ",":  # "Already, she said, they are leaving"
            right = ps.doc[comma + 1:].text.strip(" ,." + QUOTES)
            if right and ps.doc[comma + 1].text in OPENING_QUOTES and not any(
                    t.text in QUOTES or t.tag_ in FINITE for t in ps.doc[:verb.left_edge.i]):
                return right, head  # 'Of the delay, she said, "We ..."': the writer's lead-in, then her words
            return (left + ", " + right if right else left), head
        return left, head
    if lemma == "tell":  # "told the guards we had no papers", parsed as a relative clause of "guards"
        told = _told_clause(ps, verb)
        if told[1] is not None:
            return told
    for child in verb.children:  # "described him as experienced", "accused them of theft"
        complement = next((c for c in verb.children if c.dep_ == "prep" and c.i > child.i
                           and _complements_object(lemma, c.lower_)), None) if child.dep_ == "dobj" else None
        if complement is None and child.dep_ == "dobj":  # "described the move as a drill": the parse may hang
            complement = max((c for c in child.subtree if c.dep_ == "prep" and c.lower_ == "as"  # "as" on it
                              and _complements_object(lemma, "as")), key=lambda c: c.i, default=None)
        if complement is not None and child.tag_ not in ("WP", "WDT") and not child.lower_.endswith(("self", "selves")):
            return ps.doc[child.left_edge.i: complement.right_edge.i + 1].text.strip(" ,." + QUOTES), child
    if not any(c.dep_ == "dobj" for c in verb.children):  # "a move fans have described as 'stupid'"
        complement = next((c for c in verb.children if c.dep_ == "prep" and c.lower_ == "as" and c.i > verb.i
                           and _complements_object(lemma, "as")), None)
        if complement is not None:
            return ps.doc[complement.i: complement.right_edge.i + 1].text.strip(" ,." + QUOTES), complement
    for child in verb.children:  # "claimed responsibility for the attack", "denied all charges", "warned of X"
        if child.dep_ == "dobj" and child.pos_ == "PRON" and (child.tag_ in ("WP", "WDT") or not any(
                c.dep_ in ("oprd", "attr", "xcomp", "ccomp") and c.i > child.i for c in verb.children)):
            break  # "she believed me", "told him", "in what officials called a blow": no statement of its own
            # ("called it a raid" is one)
        if (child.dep_ == "dobj" and _states_by_object(verb, child) and child.ent_type_ not in ("PERSON", "ORG")) or (
                child.dep_ == "prep" and child.lower_ == "of" and verb.lemma_.lower() == "warn"):
            end = max([child.right_edge.i] + [c.right_edge.i for c in verb.children  # "called it a reprisal"
                                              if c.dep_ in ("oprd", "attr", "xcomp", "ccomp") and c.i > child.i])
            span = ps.doc[child.left_edge.i: end + 1]
            return span.text.strip(" ,." + QUOTES), child
    return "", None


def inverted_speaker(verb: Token) -> Token | None:
    """The speaker named right after a closing reporting verb ("..., reported French media"): the events' reading
    (`speaker_order.inverted_speaker`, never an addressee: "..., told Reuters"), the statement before the verb
    allowed; and only a name or a source noun (`inverted_speaker_nouns`), as claims always read it ("..., claim
    relatives" in a headline is no source)."""
    found = _inverted_speaker(verb, statement_before=True)
    nouns = load_yaml("claim_content.yaml")["inverted_speaker_nouns"]
    return found if found is not None and (found.pos_ == "PROPN" or found.ent_type_ in ("ORG", "PERSON") or (
        found.lemma_.lower() in nouns or found.lower_ in nouns)) else None  # "media": the lemmatiser's "medium"


def closing_subject(verb: Token) -> Token | None:
    """The speaker of a closing reporting verb the parse gave two subjects, the report's own and the speaker's
    ("The convoy left at dawn, near the border, a local official said"): the subject after the last comma."""
    if verb.dep_ != "ROOT" or any(c.i > verb.i and c.dep_ in ("ccomp", "xcomp", "dobj") for c in verb.children):
        return None
    subjects = [c for c in verb.children if c.dep_ == "nsubj" and c.i < verb.i]
    if len(subjects) < 2 or subjects[-1].left_edge.i == 0:
        return None
    last = subjects[-1]
    return last if verb.doc[last.left_edge.i - 1].text == "," else None


def _coordinated_closing_speaker(verb: Token) -> Token | None:
    """The speaker of a closing reporting verb the parse coordinated with the verb of the report and whose subject
    it hung elsewhere ("..., near the border with Niger, a source said", "source" an apposition of "Niger"): a
    speaker named after a comma, between the report and the verb, with nothing reported after the verb."""
    if verb.dep_ != "conj" or verb.head.i > verb.i or any(
            c.dep_ in ("nsubj", "nsubjpass", "ccomp", "xcomp", "dobj") for c in verb.children):
        return None
    speaker = speaker_of(verb)
    if speaker is None or speaker.head.i == verb.i or not verb.head.i < speaker.left_edge.i < speaker.i < verb.i:
        return None
    return speaker if verb.doc[speaker.left_edge.i - 1].text == "," else None


def _relative_content(ps: ParsedSentence, verb: Token, clause: Token, start: int, end: int) -> str:
    """What a reporting verb inside a relative clause reports: the words after it, with the noun the relative
    pronoun stands for when that is the subject ("an order which she said would release funds": "an order would
    release funds"; "the man, who police said fled": "the man fled"); never the cue and its speaker themselves."""
    words = ps.doc[max(start, verb.i + 1): end + 1].text.strip(" ,." + QUOTES)
    pronoun = next((t for t in (*clause.children, *verb.children) if t.tag_ in ("WDT", "WP") and t.i < verb.i
                    and t.dep_ in ("nsubj", "nsubjpass")), None)
    noun = verb.head
    if pronoun is not None and noun.pos_ in ("NOUN", "PROPN") and 0 < pronoun.i - noun.left_edge.i <= MAX_ANTECEDENT:
        return f"{ps.doc[noun.left_edge.i: pronoun.i].text.strip(' ,')} {words}"
    return words


def _content_end(ps: ParsedSentence, clause: Token, end: int) -> int:
    """Where a reported clause ends before the writer's words run on: a participle reporting again ("... and
    suggesting it was ...", its own claim), a dash before a coordinated clause ("... — and he is right": the
    writer's aside), a comma and "as" ("..., as rival gangs celebrated online") or a closing "according to"."""
    for child in clause.children:
        if child.dep_ == "conj" and child.i > clause.i and (is_reporting(child) or claim_cue(child)) and any(
                c.dep_ == "nsubj" for c in child.children):  # "... was clear, and he described it as X": a report
            cc = next((c for c in clause.children if c.dep_ == "cc" and clause.i < c.i < child.i), None)
            end = min(end, (cc.i if cc is not None else child.left_edge.i) - 1)  # of its own
        elif child.dep_ == "conj" and mis_coordinated(child) is not None:
            cc = next((c for c in clause.children if c.dep_ == "cc" and c.i < child.i), None)
            end = min(end, (cc.i if cc is not None else child.i) - 1)
        elif child.dep_ == "conj" and child.i > clause.i and (dashes := [
                t.i for t in ps.doc[clause.i + 1:child.left_edge.i] if t.text in DASHES]):
            end = min(end, dashes[-1] - 1)  # "his approach has created leverage — and in some cases, he is right"
        elif child.dep_ == "advcl" and child.i > clause.i and child.left_edge.i > 0 and \
                child.left_edge.lower_ in lexicon().attribution["narration_marks"] and \
                ps.doc[child.left_edge.i - 1].text == ",":
            end = min(end, child.left_edge.i - 2)
    marks = set(lexicon().attribution["other_claim_marks"])
    for other in clause.subtree:  # "..., while a spokesman for X said ...": another speaker's claim
        if other.dep_ == "advcl" and other.i > clause.i and is_reporting(other) and any(
                c.dep_ == "nsubj" for c in other.children) and any(
                c.dep_ == "mark" and c.lower_ in marks for c in other.children):
            end = min(end, other.left_edge.i - (2 if ps.doc[other.left_edge.i - 1].text == "," else 1))
    for t in ps.doc[clause.left_edge.i + 1: end]:  # "..., according to a post on its website": the writer's
        if t.lower_ == "according" and ps.doc[t.i + 1].lower_ == "to" and ps.doc[t.i - 1].text == "," \
                and t.right_edge.i >= end - 1:  # note of where the words are from, no part of them
            return t.i - 2
    return end


def _after_saying_adjuncts(clause: Token, start: int) -> int:
    """Where a reported clause with no "that" starts when the parse hung the saying's time or medium on it: "said on
    Monday the bridge would reopen", "said last month she was aiming for June", "said in a statement the plant
    was safe" (the day and the statement are the saying's); only phrases between the verb and the clause's
    subject, each holding a date or time or naming a medium."""
    subject = next((c for c in clause.children if c.dep_ in ("nsubj", "nsubjpass", "expl")), None)
    if subject is None or subject.left_edge.i <= start:
        return start
    leading = [c for c in clause.children if c.left_edge.i >= start and c.right_edge.i < subject.left_edge.i]
    covered = sorted(t.i for c in leading for t in c.subtree)
    if not leading or covered != list(range(start, subject.left_edge.i)) or not all(
            _saying_adjunct(c) for c in leading):
        return start
    return subject.left_edge.i


def _saying_adjunct(phrase: Token) -> bool:
    """A time phrase ("on Monday", "earlier this month", "last week") or a medium ("in a statement")."""
    att = lexicon().attribution
    if phrase.dep_ not in ("prep", "npadvmod", "advmod"):
        return False
    if any(t.ent_type_ in ("DATE", "TIME") for t in phrase.subtree):
        return True
    return phrase.dep_ == "prep" and phrase.lower_ in att["media_preps"] and any(
        g.dep_ == "pobj" and g.lemma_.lower() in att["media_nouns"] for g in phrase.children)


def _resumed_quotation(ps: ParsedSentence, verb: Token, speaker: Token | None, clause: Token) -> str:
    """The rest of a quotation the attribution interrupts: '"We are staying," she said, "because it is home."' —
    her words go on after ', "' to the closing mark; without it the content stops mid-statement."""
    attribution_end = max(verb.i, speaker.right_edge.i if speaker is not None else verb.i)
    k = attribution_end + 1
    if k + 2 >= len(ps.doc) or ps.doc[k].text != "," or ps.doc[k + 1].text not in OPENING_QUOTES:
        return ""
    if not any(t.text in CLOSING_QUOTES for t in ps.doc[clause.i:min(verb.i, speaker.i if speaker else verb.i)]):
        return ""  # the first part was not quoted: no quotation to resume
    closing = next((t.i for t in ps.doc[k + 2:] if t.text in CLOSING_QUOTES), len(ps.doc))
    return ps.doc[k + 2:closing].text.strip(" ,." + QUOTES)


def _quotation_end(ps: ParsedSentence, start: int, end: int) -> int:
    """A reported clause that opens on a quotation ends with it when a clause of the writer's follows the closing
    mark: 'declared "we have heard the message" after the launch', '"something has to give" as tensions rose' (not
    'said "there is an effort to bring down" the government': the writer completes the quotation)."""
    opening = start if ps.doc[start].text in OPENING_QUOTES else start - 1
    if opening < 0 or ps.doc[opening].text not in OPENING_QUOTES:
        return end
    depth, closing = 0, None
    for t in ps.doc[opening:end + 1]:  # curly marks nest: 'as “honest broker”, facilitator'
        depth += 1 if t.text == "“" or (t.text == '"' and depth == 0) else -1 if t.text in CLOSING_QUOTES else 0
        if depth == 0:
            closing = t.i
            break
    after = next((t for t in ps.doc[closing + 1:end + 1] if not t.is_punct), None) if closing is not None else None
    if after is None or after.dep_ != "mark" or not any(c.dep_ in ("nsubj", "nsubjpass") for c in after.head.children):
        return end
    return closing - 1


def _told_clause(ps: ParsedSentence, verb: Token) -> tuple[str, Token | None]:
    """What was told when the parse made it a relative clause of the addressee ("told the guards we had no papers");
    ("", None) when there is none: the addressee alone is not what was said."""
    for child in verb.children:
        clause = next((c for c in child.children if c.dep_ == "relcl" and c.left_edge.tag_ not in ("WDT", "WP")),
                      None) if child.dep_ in ("dobj", "dative") else None
        if clause is not None:
            return ps.doc[clause.left_edge.i: clause.right_edge.i + 1].text.strip(" ,." + QUOTES), clause
    return "", None


def _label_end(ps: ParsedSentence) -> int:
    """Where the writer's label opening a sentence ends ("Translation: ...", "In short: ..."): a colon among the
    first four words, after words only (no verb, no quotation mark), which the statement closed by a reporting verb
    does not hold; else 0."""
    for t in ps.doc[:4]:
        if t.text == ":" and t.i > 0:
            before = ps.doc[:t.i]
            return t.i + 1 if all(w.is_alpha and w.pos_ not in ("VERB", "AUX") for w in before) else 0
    return 0


def speaker_phrase_start(ps: ParsedSentence, start: int) -> int:
    """Where the speaker's phrase of '..., PETA Vice President Jane Roe said' starts: names the parse left out of it
    (up to three, right after the comma) belong to the speaker's title, not to what was said."""
    k = start
    while k > 0 and start - k < 3 and ps.doc[k - 1].text[:1].isupper():  # the parse may call "PETA" a verb
        k -= 1
    return k if k < start and k > 0 and ps.doc[k - 1].text == "," else start


def _complements_object(lemma: str, prep: str) -> bool:
    """Is "<verb> <object> <prep> ..." one statement? `object_complement_preps`: a preposition with no verbs
    listed complements any reporting verb's object ("as"), else only the listed verbs' ("accused them of")."""
    verbs = lexicon().attribution["object_complement_preps"].get(prep)
    return verbs is not None and (not verbs or lemma in verbs)


def _states_by_object(verb: Token, obj: Token) -> bool:
    """Is the verb's noun object what is stated? "claimed responsibility", "denied the charges", "called the raid a
    crime" (any verb, with a complement after the object); not "posted three photos", "explained the hostility",
    "called a meeting", "maintains a posture": `noun_object_verbs` in data/attribution.yaml."""
    att, lemma = lexicon().attribution, verb.lemma_.lower()
    if any(c.dep_ in ("oprd", "attr", "xcomp", "ccomp") and c.i > obj.i for c in verb.children):
        return lemma != "tell"
    if lemma in att["statement_object_verbs"]:
        return obj.lower_ in att["statement_nouns"]  # "rejected the accusations", not "rejected the offer"
    if lemma in att["gist_object_verbs"]:  # "expressed concern that ...", not "expressed his condolences"
        return obj.lemma_.lower() in att["stance_nouns"] or any(t.pos_ in ("VERB", "AUX") for t in obj.subtree
                                                                 if t.i != obj.i)
    return lemma in att["noun_object_verbs"]
