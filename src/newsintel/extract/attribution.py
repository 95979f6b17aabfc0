"""Who says so: the speaker behind an event or figure, and every reported statement as a claim.

A statement is attributed to the subject of the nearest reporting verb that governs it ("police said he fled"),
to the subject of a reporting verb beside it ("He fled, police said"), or to X in "according to X". Unnamed
speakers count ("sources said"). `None` means the reporter states it. A pronoun speaker is resolved in its own
sentence here, else once the whole document is read (`speakers.py`); quotations are attributed in `quoted.py`.
A claim keeps the modality of its reporting verb as well as its content's ("if he says ...", "did not say").
"""

from __future__ import annotations

from typing import Any

from spacy.tokens import Token

from newsintel.extract.args import MentionIndex, make_arg, noun_phrase
from newsintel.extract.describe import describe
from newsintel.extract.lexicon import lexicon
from newsintel.extract.modality import PRECEDENCE, modality_of, statement_modality
from newsintel.extract.parse import ParsedSentence

MAX_STEPS = 8
PEOPLE_PRONOUNS = {"he", "she", "they", "i", "we"}
QUOTES = "\"“”«»"
DASHES = {"—", "–", "--"}


def _reporting(token: Token) -> bool:
    return token.lemma_.lower() in lexicon().attribution["verbs"] and token.pos_ in ("VERB", "AUX")


def _speaker(verb: Token) -> Token | None:
    for child in verb.children:
        if child.i < verb.i and any(t.tag_ == "''" for t in verb.doc[child.i + 1:verb.i]):
            continue  # '"... from politicians, officials, ...," the newspaper wrote': quoted, not speaking
        if child.dep_ == "csubj" and child.tag_ == "VBG":
            continue  # "Citing the treaty, ..., he said, 'I can say ...'": a participle clause speaks for no one
        if child.dep_ in ("nsubj", "csubj") and (child.lower_ not in lexicon().attribution["not_speaker_words"]
                                                 or (verb.dep_ == "relcl" and child.tag_ == "WDT")):
            return child  # not "it", "that", "let's say": no one speaks; but "the group, which said"
        if child.dep_ == "agent":
            return next((g for g in child.children if g.dep_ == "pobj"), None)
    return _trailing_speaker(verb) or _shared_subject(verb)


def _shared_subject(verb: Token) -> Token | None:
    """The subject a reporting verb shares with the verb it hangs off: a participle ("Kim said ..., adding that",
    "she posted a photo, writing ...") or a coordinated verb ("condemned the attack and called for calm")."""
    head = _mis_coordinated(verb) or verb
    for _ in range(3):  # "struck a note, expressing X, urging Y": up to the verb with a subject
        participle = head.tag_ == "VBG" and head.dep_ in ("advcl", "xcomp") and not any(
            c.dep_ in ("nsubj", "nsubjpass", "aux", "auxpass") for c in head.children)
        if not (participle or (head.dep_ == "conj" and head.head.pos_ in ("VERB", "AUX"))):
            break
        head = head.head
        if participle and head.dep_ == "ccomp" and _reporting(head.head) and not any(
                c.dep_ == "nsubj" and (c.ent_type_ == "PERSON" or c.lower_ in PEOPLE_PRONOUNS) for c in head.children):
            head = head.head  # "conceded its strikes resulted in deaths, pledging ...": the one who conceded
        subject = next((c for c in head.children if c.dep_ == "nsubj"), None)
        if subject is not None:
            return subject if subject.lower_ not in lexicon().attribution["not_speaker_words"] else None
    return None


def _mis_coordinated(verb: Token) -> Token | None:
    """"saying the report had nothing to do with him and suggesting it was a smear": the parse coordinates the second
    participle with the verb inside the first one's statement; it goes with the first participle ("saying")."""
    clause = verb.head
    if verb.tag_ == "VBG" and verb.dep_ == "conj" and clause.tag_ != "VBG" and clause.dep_ == "ccomp" and \
            clause.head.tag_ == "VBG" and _reporting(clause.head) and _reporting(verb):
        return clause.head
    return None


def _content_end(ps: ParsedSentence, clause: Token, end: int) -> int:
    """Where a reported clause ends before the writer's words run on: a participle reporting again ("... and
    suggesting it was ...", its own claim), a dash before a coordinated clause ("... — and he is right": the
    writer's aside) or a comma and "as" ("..., as rival gangs celebrated online")."""
    for child in clause.children:
        if child.dep_ == "conj" and _mis_coordinated(child) is not None:
            cc = next((c for c in clause.children if c.dep_ == "cc" and c.i < child.i), None)
            end = min(end, (cc.i if cc is not None else child.i) - 1)
        elif child.dep_ == "conj" and child.i > clause.i and (dashes := [
                t.i for t in ps.doc[clause.i + 1:child.left_edge.i] if t.text in DASHES]):
            end = min(end, dashes[-1] - 1)  # "his approach has created leverage — and in some cases, he is right"
        elif child.dep_ == "advcl" and child.i > clause.i and child.left_edge.i > 0 and \
                child.left_edge.lower_ in lexicon().attribution["narration_marks"] and \
                ps.doc[child.left_edge.i - 1].text == ",":
            end = min(end, child.left_edge.i - 2)
    return end


def _trailing_speaker(verb: Token) -> Token | None:
    """"..., the Danish Security and Intelligence Service (PET) said on Wednesday.": when the parser lost the
    subject of a closing reporting verb, the speaker is the head (last noun) of the phrase between the comma and
    the verb, parentheses left out."""
    if not _reporting(verb) or any(c.i > verb.i and (c.dep_ in ("ccomp", "xcomp") or (
            c.dep_ == "dobj" and not _addressee(verb, c))) for c in verb.children):  # a quotation before it is fine
        return None
    words = []
    end = verb.i - 1 if verb.i > 0 and verb.doc[verb.i - 1].text == "," else verb.i  # "a member, Eric Ciotti, told"
    for t in reversed(verb.doc[max(0, end - 12):end]):
        if t.text == ",":
            break
        words.append(t)
    else:
        return None
    depth, heads = 0, []
    for t in reversed(words):
        depth += 1 if t.text == "(" else -1 if t.text == ")" else 0
        if depth == 0 and t.text != ")" and t.pos_ in ("NOUN", "PROPN"):
            heads.append(t)
        if t.pos_ in ("VERB", "AUX"):
            return None  # a clause, not a noun phrase
    if end < verb.i and not all(t.pos_ == "PROPN" or t.text in "-'’." for t in words):
        return None  # between commas only a name is the speaker: "a member, Eric Ciotti, told"; not "of Nice,"
    return heads[-1] if heads else None


def _addressee(verb: Token, obj: Token) -> bool:
    """The object of "told France Info", "assured reporters": who is spoken to, not what is said."""
    return verb.lemma_.lower() in lexicon().attribution["addressee_verbs"] and (
        obj.ent_type_ in ("ORG", "PERSON", "NORP", "GPE") or obj.pos_ in ("PROPN", "PRON")
        or obj.lemma_.lower() in lexicon().attribution["media_nouns"] or obj.lower_ in ("reporters", "journalists"))


def according_to(ps: ParsedSentence) -> tuple[Token, Token] | None:
    """("according", speaker head) for "according to X" in the sentence."""
    for token in ps.doc:
        if token.lower_ == "according" and token.i + 1 < len(ps.doc) and ps.doc[token.i + 1].lower_ == "to":
            objects = [g for g in ps.doc[token.i + 1].children if g.dep_ == "pobj"]
            if objects and objects[0].lemma_.lower() not in lexicon().attribution["according_to_no_source"]:
                return token, objects[0]  # not "according to plan": a plan says nothing
        if token.lower_ in ("citing", "quoting"):
            obj = next((c for c in token.children if c.dep_ in ("dobj", "pobj")), None)
            if obj is not None and _source(obj):
                return token, obj  # not "citing business issues": a reason given, no one vouching
    return None


def _source(token: Token) -> bool:
    """Can what "citing X" names vouch for a statement? A name, or a noun of who or what speaks ("citing
    officials", "citing a police report"); not a reason given ("citing health reasons", "citing rising costs")."""
    att = lexicon().attribution
    nouns = {*att["anonymous_speakers"], *att["authored_nouns"], *att["media_nouns"], *att["statement_nouns"],
             *att["evidence_nouns"], *att["cited_source_nouns"]}
    return token.ent_type_ in ("ORG", "PERSON", "NORP", "GPE") or token.pos_ == "PROPN" or \
        token.lemma_.lower() in nouns or token.lower_ in nouns


def _shows(verb: Token, speaker: Token | None) -> bool:
    """Is "X shows ..." a statement? Only when X is evidence ("figures show", "records show") or a name; a
    caption's noun ("the parade show Fireworks ...") or footage showing a scene states nothing."""
    if speaker is None or verb.lemma_.lower() not in lexicon().attribution["evidence_verbs"]:
        return True
    return speaker.ent_type_ in ("ORG", "PERSON") or speaker.lemma_.lower() in lexicon().attribution["evidence_nouns"]


def _reports(verb: Token, via: Token) -> bool:
    """Does `verb` report what hangs off it through its child `via`? Not its own subject ("Amrani, who was
    arrested in Antwerp, denied..."), nor the infinitive of a promise or threat ("threatened to attack" is an
    intention, not a report)."""
    att, lemma = lexicon().attribution, verb.lemma_.lower()
    if via.dep_ in ("nsubj", "nsubjpass", "csubj"):
        return False
    if via.dep_ in ("dobj", "prep", "pobj") and lemma in att["presupposing_verbs"]:
        return False  # "condemned the attack": the attack is no one's report
    if lemma in att["clause_only_verbs"] and via.dep_ not in ("ccomp", "xcomp"):
        return False  # "the video shows police arresting him": no statement
    return not (via.dep_ == "xcomp" and lemma in att["commissive_verbs"])


def reporting_verb_for(token: Token) -> Token | None:
    """The reporting verb whose statement contains `token`, if any."""
    current, child = token, token
    for _ in range(MAX_STEPS):
        if current.i != token.i and _reporting(current) and _speaker(current) is not None \
                and _reports(current, child):
            return current
        if current.head.i == current.i:
            break
        current, child = current.head, current
    root = current
    for child in root.children:  # "He fled, police said": the reporting verb hangs off the root
        if (child.dep_ in ("parataxis", "ccomp", "advcl") or (child.dep_ == "conj" and _trailing_speaker(child)))\
                and _reporting(child) and _speaker(child) is not None and child.i > token.i:
            return child
    return None


def speaker_arg(ps: ParsedSentence, token: Token, mentions: MentionIndex) -> dict[str, Any]:
    """The speaker argument at `token`. A pronoun resolved in its own sentence keeps that antecedent; one guessed
    across sentences (the last person named, whoever it was) is left as the pronoun for `speakers.py`, which reads
    the whole document. `_at`: the speaker's offsets."""
    token = _issuer(ps, token, mentions) or _titled_name(ps, token, mentions) or token
    arg = make_arg(ps, token, mentions, speaker=True)
    if arg.get("_across"):
        start, end = noun_phrase(token)
        arg = {"text": token.text, "entity": None,
               "_d": describe(ps, token, start, end, lambda t: mentions.at(*ps.char_span(t.i, t.i + 1)))}
    arg["_at"] = ps.char_span(token.i, token.i + 1)
    return arg


def _titled_name(ps: ParsedSentence, token: Token, mentions: MentionIndex) -> Token | None:
    """"Early retiree and self-made millionaire Jo Roe suggests": two titles of one person, parsed as a coordination
    of a bare singular noun (no article: a title, not someone else) and the name; the named person speaks."""
    if token.tag_ != "NN" or any(c.dep_ in ("det", "poss", "nummod") for c in token.children):
        return None
    name = next((c for c in token.children if c.dep_ == "conj"), None)
    if name is None or name.pos_ != "PROPN" or not any(c.dep_ == "cc" and c.lower_ == "and" for c in token.children):
        return None
    entity = mentions.at(*ps.char_span(name.i, name.i + 1))
    return name if entity is not None and entity.type == "PERSON" else None


def _issuer(ps: ParsedSentence, token: Token, mentions: MentionIndex) -> Token | None:
    """"A news release from the zoo said", "a message from the government": the one who issued the document speaks,
    shown as described when no entity is named there (a name is linked by `speaker_descriptions.py` instead)."""
    att = lexicon().attribution
    if token.lemma_.lower() not in {*att["authored_nouns"], *att["media_nouns"]} or mentions.at(
            *ps.char_span(token.i, token.i + 1)) is not None:
        return None
    for prep in (c for c in token.children if c.dep_ == "prep" and c.lower_ == "from"):
        issuer = next((g for g in prep.children if g.dep_ == "pobj"), None)
        if issuer is not None and issuer.pos_ == "NOUN" and any(d.lower_ == "the" for d in issuer.children) and \
                mentions.at(*ps.char_span(issuer.left_edge.i, issuer.right_edge.i + 1)) is None:
            return issuer
    return None


def attribution_for(ps: ParsedSentence, token: Token, mentions: MentionIndex) -> dict[str, Any] | None:
    verb = reporting_verb_for(token)
    if verb is not None:
        speaker = _speaker(verb)
        if speaker is not None:
            return {"speaker": speaker_arg(ps, speaker, mentions), "cue": verb.text}
    found = according_to(ps)
    if found is not None:
        cue, speaker = found
        cue_text = "according to" if cue.lower_ == "according" else cue.text
        return {"speaker": speaker_arg(ps, speaker, mentions), "cue": cue_text}
    return None


def _medium(ps: ParsedSentence, verb: Token, mentions: MentionIndex) -> str | None:
    att = lexicon().attribution
    for child in verb.children:
        if child.dep_ in ("dobj", "dative") and verb.lemma_.lower() == "tell" and child.ent_type_ in ("ORG", "GPE"):
            return make_arg(ps, child, mentions)["text"]
        if child.dep_ == "prep" and child.lower_ in att["media_preps"]:
            for obj in child.children:
                if obj.dep_ == "pobj" and (obj.lemma_.lower() in att["media_nouns"] or obj.ent_type_ == "ORG"):
                    return make_arg(ps, obj, mentions)["text"]
    return None


def _content(ps: ParsedSentence, verb: Token) -> tuple[str, Token | None]:
    """The reported statement: the complement clause, or the quotation, or the rest of the sentence."""
    att, lemma = lexicon().attribution, verb.lemma_.lower()
    gerund = next((c for c in verb.children if c.dep_ == "xcomp" and c.tag_ == "VBG"), None)
    if gerund is not None and lemma in att["addressee_verbs"]:  # "told visiting officials they would ...": the
        return _told_clause(ps, gerund)  # parse took the addressee's "visiting" for what was told
    for child in verb.children:
        if child.dep_ in ("ccomp", "xcomp") and child.i != verb.i:
            obj = next((c for c in verb.children if c.dep_ == "dobj" and c.i < child.i), None)
            subject = any(c.dep_ in ("nsubj", "nsubjpass", "expl", "csubj") for c in child.children)
            start = obj.left_edge.i if obj is not None and (child.dep_ == "xcomp" or not subject) \
                else child.left_edge.i  # "urged the residents to leave", "announced work ... was underway"
            end = _content_end(ps, child, child.right_edge.i)
            speaker = _speaker(verb) if child.i < verb.i else None
            if speaker is not None and start < speaker.i <= end:  # the parse put the speaker into the quotation
                end = max((t.i - 1 for t in ps.doc[start + 1: speaker.i] if t.tag_ == "''"), default=end)
            if speaker is not None and end < speaker.left_edge.i:  # '..., PETA Vice President X said'
                end = min(end, _speaker_phrase_start(ps, speaker.left_edge.i) - 1)
            span = ps.doc[start: end + 1]  # "urged the residents to leave": who is urged too
            return span.text.strip(" ,." + QUOTES), child
    if lemma in att["clause_only_verbs"]:
        return "", None
    for child in verb.children:  # "called for an end to", "apologized to the players", "warned of"
        if child.dep_ == "prep" and child.lower_ in att["prep_contents"].get(lemma, ()) and not any(
                c.dep_ == "dobj" for c in verb.children):
            return ps.doc[child.i: child.right_edge.i + 1].text.strip(" ,." + QUOTES), child
    head = verb.head if verb.dep_ in ("parataxis", "ccomp", "advcl") else None
    if (head is not None and any(c.dep_ == "mark" or (c.dep_ == "dobj" and not _addressee(verb, c))
                                 for c in verb.children)) or verb.tag_ == "VBG":
        head = None  # "while the police deny accusations", "as many claimed", ", adding": no quotation before it
    if head is not None and head.i != verb.i and verb.left_edge.i > 0:  # '"...," police said'
        left = ps.doc[: _speaker_phrase_start(ps, verb.left_edge.i)].text.strip(" ,." + QUOTES)
        end = verb.right_edge.i
        comma = end if ps.doc[end].text == "," else end + 1
        if comma < len(ps.doc) - 1 and ps.doc[comma].text == ",":  # "Already, she said, they are leaving"
            right = ps.doc[comma + 1:].text.strip(" ,." + QUOTES)
            return (left + ", " + right if right else left), head
        return left, head
    if lemma == "tell":  # "told the guards we had no papers", parsed as a relative clause of "guards"
        told = _told_clause(ps, verb)
        if told[1] is not None:
            return told
    for child in verb.children:  # "described him as experienced", "accused them of theft"
        complement = next((c for c in verb.children if c.dep_ == "prep" and c.i > child.i
                           and _complements_object(lemma, c.lower_)), None) if child.dep_ == "dobj" else None
        if complement is not None and child.tag_ not in ("WP", "WDT") and not child.lower_.endswith(("self", "selves")):
            return ps.doc[child.left_edge.i: complement.right_edge.i + 1].text.strip(" ,." + QUOTES), child
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


def _told_clause(ps: ParsedSentence, verb: Token) -> tuple[str, Token | None]:
    """What was told when the parse made it a relative clause of the addressee ("told the guards we had no papers");
    ("", None) when there is none: the addressee alone is not what was said."""
    for child in verb.children:
        clause = next((c for c in child.children if c.dep_ == "relcl" and c.left_edge.tag_ not in ("WDT", "WP")),
                      None) if child.dep_ in ("dobj", "dative") else None
        if clause is not None:
            return ps.doc[clause.left_edge.i: clause.right_edge.i + 1].text.strip(" ,." + QUOTES), clause
    return "", None


def _speaker_phrase_start(ps: ParsedSentence, start: int) -> int:
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


def extract_claims(ps: ParsedSentence, mentions: MentionIndex) -> list[dict[str, Any]]:
    claims = []
    for token in ps.doc:
        if not _reporting(token):
            continue
        if any(c.dep_ == "aux" and c.lower_ in lexicon().attribution["obligation_auxiliaries"] for c in token.children):
            continue  # "China must indicate its opposition": asked of someone, not said by them
        if token.lemma_.lower() in lexicon().attribution["belief_verbs"] and any(
                c.dep_ == "aux" and c.lower_ in lexicon().attribution["guess_auxiliaries"] for c in token.children):
            continue  # "its leaders may still believe ...": the writer's guess at a belief, no one's statement
        if token.dep_ == "xcomp" and token.head.lemma_.lower() in lexicon().attribution["unsaid_governors"]:
            continue  # "a deal that would allow leaders to claim victory": nothing said yet
        if any(c.dep_ == "dobj" and (c.ent_type_ in ("PERCENT", "MONEY", "QUANTITY", "CARDINAL") or c.lemma_.lower()
                                     in lexicon().attribution["not_statement_objects"]) for c in token.children):
            continue  # "the stock added 2%", "claimed 20 lives", "welcomed a baby boy": nothing stated
        speaker = _speaker(token)
        if not _shows(token, speaker):
            continue  # "the video shows a crowd", a caption's "... show Fireworks light up ...": nothing stated
        if speaker is not None and speaker.lower_ in lexicon().attribution["indefinite_speakers"] and not any(
                c.lower_ == "of" for c in speaker.children):
            continue  # "many claimed", "others warned", "some insist": no one in particular (not "some of the men")
        content, head = _content(ps, token)
        if speaker is None or (head is not None and head.head.i == token.i and not _reports(token, head)
                               and token.lemma_.lower() in lexicon().attribution["threat_verbs"]):
            # no speaker: a claim without content may still own an adjacent quotation (see attribute_quotations);
            # "threatened to attack" is an event, not a claim ("pledged to hire" is one)
            continue
        start, end = ps.char_span(token.i, token.i + 1)
        claims.append({
            "speaker": speaker_arg(ps, speaker, mentions), "cue": token.text, "content": content,
            "medium": _medium(ps, token, mentions), "sentence": ps.index, "start": start, "end": end,
            "modality": claim_modality(token, head),
        })
    found = according_to(ps)
    if found is not None:
        cue, speaker = found
        rest, scope = _according_content(ps, cue, speaker)
        start, end = ps.char_span(cue.i, cue.i + 2)
        claims.append({"speaker": speaker_arg(ps, speaker, mentions), "cue": "according to", "content": rest,
                       "medium": None, "modality": modality_of(scope) if scope is not None else "asserted",
                       "sentence": ps.index, "start": start, "end": end})
    return claims


def _according_content(ps: ParsedSentence, cue: Token, speaker: Token) -> tuple[str, Token | None]:
    """What "according to X" vouches for: the sentence without the phrase, or, when the phrase opens the second of
    two coordinated clauses ("It looks green - but, according to X, it is clear"), that clause alone: the first is
    the writer's. Also the clause whose verb carries the content's modality."""
    scope = cue.head if cue.lower_ == "according" else None
    root = next((t for t in ps.doc if t.dep_ == "ROOT"), None)
    if scope is None or scope.dep_ != "conj" or scope.pos_ not in ("VERB", "AUX") or not any(
            c.dep_ == "cc" and scope.head.i < c.i < cue.i < scope.i for c in scope.head.children):
        scope, low, high = root, 0, len(ps.doc)  # no "but, according to X, ..." (a parse may coordinate anything)
    else:
        low, high = min(scope.left_edge.i, cue.i), scope.right_edge.i + 1
    parts = (ps.doc[low:cue.i].text, ps.doc[speaker.right_edge.i + 1:high].text)
    return " ".join(p.strip(" ,.") for p in parts if p.strip(" ,.")), scope


def claim_modality(verb: Token, content: Token | None) -> str:
    """The statement's modality: its content's ("said he may have fled": hedged), unless the reporting itself is
    not asserted ("if he says", "did not say", "may have told", "reportedly said"); the first in the order of
    `modality.PRECEDENCE` wins. A denial's own verb does not negate the report: its content is negated."""
    labels = {modality_of(content) if content is not None else "asserted"}
    if verb.lemma_.lower() not in lexicon().modality["negated"]["governors"]:
        labels.add(statement_modality(verb))
    directive = lexicon().attribution["directive_verbs"].get(verb.lemma_.lower(), False)
    if directive == [] or (directive and content is not None and content.lower_ in directive):
        labels.add("intended")  # "urged people to avoid travel", "called for an end to": wanted, not yet done
    return next((label for label in PRECEDENCE if label in labels), "asserted")
