"""Who says so: the reporting verb and the speaker behind an event, a figure or a claim.

A statement is attributed to the subject of the nearest reporting verb that governs it ("police said he fled"),
to the subject of a reporting verb beside it ("He fled, police said"), or to X in "according to X". Unnamed
speakers count ("sources said"). `None` means the reporter states it. A pronoun speaker is resolved in its own
sentence here, else once the whole document is read (`speakers.py`); quotations in `quoted.py`, claims in `claims.py`.
"""

from __future__ import annotations

from typing import Any

from spacy.tokens import Token

from newsintel.extract.antecedents import person_nouns
from newsintel.extract.args import MentionIndex, make_arg, noun_phrase
from newsintel.extract.describe import describe
from newsintel.extract.lexicon import lexicon
from newsintel.extract.parse import ParsedSentence
from newsintel.extract.speaker_conjuncts import conjoined
from newsintel.extract.speaker_order import allegation_speaker, inverted_speaker, own_statement
from newsintel.extract.speaker_phrases import unnamed_owner
from newsintel.extract.speaker_scene import impersonal, not_reported, says_its_own

MAX_STEPS = 8
PEOPLE_PRONOUNS = {"he", "she", "they", "i", "we"}


def is_reporting(token: Token) -> bool:
    """A verb of saying (`verbs` in data/attribution.yaml)."""
    return token.lemma_.lower() in lexicon().attribution["verbs"] and token.pos_ in ("VERB", "AUX")


def speaker_of(verb: Token) -> Token | None:
    """Who speaks through a reporting verb: its subject or agent, else a closing or shared subject."""
    for child in verb.children:
        if child.i < verb.i and any(t.tag_ == "''" for t in verb.doc[child.i + 1:verb.i]):
            continue  # '"... from politicians, officials, ...," the newspaper wrote': quoted, not speaking
        if child.dep_ == "csubj" and child.tag_ == "VBG":
            continue  # "Citing the treaty, ..., he said, 'I can say ...'": a participle clause speaks for no one
        if child.dep_ in ("nsubj", "csubj") and (child.lower_ not in lexicon().attribution["not_speaker_words"]
                                                 or (verb.dep_ == "relcl" and child.tag_ == "WDT")):
            return _phrase_end(verb, child)  # not "it", "that", "let's say": no one speaks; but "the group, which"
        if child.dep_ == "agent":
            return next((g for g in child.children if g.dep_ == "pobj"), None)
    inverted = inverted_speaker(verb) if is_reporting(verb) else None
    shared = None if impersonal(verb) else _shared_subject(verb)  # "it is feared that ...": no one speaks
    return inverted or _trailing_speaker(verb) or shared or _subject_in_opening(verb)


def _subject_in_opening(verb: Token) -> Token | None:
    """"In Tampa, Florida, Rabbi Jo Roe said ...": the parse coordinates the name with the places of the opening
    phrase and leaves the verb without a subject; a name (a person or a body) closing that phrase right before the
    verb, after a comma, is who speaks."""
    doc = verb.doc
    for opening in (c for c in verb.children if c.dep_ == "prep" and c.i < verb.i and c.right_edge.i == verb.i - 1):
        for name in opening.subtree:
            if name.dep_ == "conj" and name.pos_ == "PROPN" and name.ent_type_ in ("PERSON", "ORG") and \
                    name.right_edge.i == verb.i - 1 and name.left_edge.i > 0 and doc[name.left_edge.i - 1].text == ",":
                return name
    return None


def _phrase_end(verb: Token, subject: Token) -> Token:
    """"said study co-author Jo Roe": a hyphenated title split by the parser gives the verb two subjects in a row,
    "co" and "Roe"; the phrase's head is its last one."""
    for child in verb.children:
        if child.i > subject.i and child.dep_ == "nsubj" and child.pos_ == "PROPN" and child.left_edge.i == \
                subject.right_edge.i + 1 and all(t.is_punct for t in subject.doc[subject.i + 1:child.left_edge.i]):
            return _phrase_end(verb, child)  # not "one victim who spoke with channel n-tv accused"
    return subject


def _shared_subject(verb: Token) -> Token | None:
    """The subject a reporting verb shares with the verb it hangs off: a participle ("Kim said ..., adding that",
    "she posted a photo, writing ...") or a coordinated verb ("condemned the attack and called for calm")."""
    head = mis_coordinated(verb) or verb
    for _ in range(3):  # "struck a note, expressing X, urging Y": up to the verb with a subject
        participle = head.tag_ == "VBG" and head.dep_ in ("advcl", "xcomp") and not any(
            c.dep_ in ("nsubj", "nsubjpass", "aux", "auxpass") for c in head.children)
        if not (participle or (head.dep_ == "conj" and head.head.pos_ in ("VERB", "AUX"))):
            break
        head = head.head
        if participle and head.dep_ == "ccomp" and is_reporting(head.head) and not any(
                c.dep_ == "nsubj" and (c.ent_type_ == "PERSON" or c.lower_ in PEOPLE_PRONOUNS) for c in head.children):
            head = head.head  # "conceded its strikes resulted in deaths, pledging ...": the one who conceded
        if is_reporting(head) and (inverted := inverted_speaker(head)) is not None:
            return inverted  # "..., reported state television, adding that": the outlet adds
        subject = next((c for c in head.children if c.dep_ == "nsubj"), None)
        if subject is not None:
            return subject if subject.lower_ not in lexicon().attribution["not_speaker_words"] else None
    return None


def mis_coordinated(verb: Token) -> Token | None:
    """"saying the report had nothing to do with him and suggesting it was a smear": the parse coordinates the second
    participle with the verb inside the first one's statement; it goes with the first participle ("saying")."""
    clause = verb.head
    if verb.tag_ == "VBG" and verb.dep_ == "conj" and clause.tag_ != "VBG" and clause.dep_ == "ccomp" and \
            clause.head.tag_ == "VBG" and is_reporting(clause.head) and is_reporting(verb):
        return clause.head
    return None


def _trailing_speaker(verb: Token) -> Token | None:
    """"..., the Danish Security Service (PET) said on Wednesday.": when the parser lost the subject of a closing
    reporting verb, the speaker is the head (last noun) of the phrase between the comma and the verb (no brackets)."""
    if not is_reporting(verb) or any(c.i > verb.i and (c.dep_ in ("ccomp", "xcomp") or (
            c.dep_ == "dobj" and not is_addressee(verb, c))) for c in verb.children):  # a quotation before it is fine
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
    # not a noun inside a prepositional phrase of it: "a source close to the talks", "officials in Kabul"
    outer = [t for t in heads if not (t.dep_ == "pobj" and any(t.head.i == w.i for w in words))]
    return (outer or heads)[-1] if heads else None


def is_addressee(verb: Token, obj: Token) -> bool:
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


def shows_statement(verb: Token, speaker: Token | None) -> bool:
    """Is "X shows ..." a statement? Only when X is evidence ("figures show", "records show") or a name; a
    caption's noun ("the parade show Fireworks ...") or footage showing a scene states nothing."""
    if speaker is None or verb.lemma_.lower() not in lexicon().attribution["evidence_verbs"]:
        return True
    return speaker.ent_type_ in ("ORG", "PERSON") or speaker.lemma_.lower() in lexicon().attribution["evidence_nouns"]


def reports_through(verb: Token, via: Token) -> bool:
    """Does `verb` report what hangs off it through its child `via`? Not its own subject ("Amrani, who was arrested
    in Antwerp, denied..."), nor the infinitive of a promise or threat ("threatened to attack": an intention)."""
    att, lemma = lexicon().attribution, verb.lemma_.lower()
    if via.dep_ in ("nsubj", "nsubjpass", "csubj", "conj"):
        return False  # "apologized and they later flew ...": a coordinated clause is told, not reported
    if via.dep_ in ("dobj", "prep", "pobj") and lemma in att["presupposing_verbs"]:
        return False  # "condemned the attack": the attack is no one's report
    if lemma in att["clause_only_verbs"] and via.dep_ not in ("ccomp", "xcomp"):
        return False  # "the video shows police arresting him": no statement
    return not (via.dep_ == "xcomp" and lemma in att["commissive_verbs"])


def reporting_verb_for(token: Token) -> Token | None:
    """The reporting verb whose statement contains `token`, if any."""
    current, child = token, token
    for _ in range(MAX_STEPS):
        if current.i != token.i and is_reporting(current) and speaker_of(current) is not None \
                and reports_through(current, child) and not not_reported(current, child, token, is_addressee):
            return current
        if current.head.i == current.i:
            break
        current, child = current.head, current
    root = current
    for child in root.children:  # "He fled, police said": the reporting verb hangs off the root
        if (child.dep_ in ("parataxis", "ccomp", "advcl") or (child.dep_ == "conj" and (
                _trailing_speaker(child) or inverted_speaker(child)))) and is_reporting(child) \
                and speaker_of(child) is not None and child.i > token.i and not own_statement(child) \
                and not says_its_own(child, is_addressee):
            return child
    return None


def speaker_arg(ps: ParsedSentence, token: Token, mentions: MentionIndex) -> dict[str, Any]:
    """The speaker argument at `token`. A pronoun resolved in its own sentence keeps that antecedent; one guessed
    across sentences (the last person named, whoever it was) is left as the pronoun for `speakers.py`, which reads
    the whole document. `_at`: the speaker's offsets."""
    titled = _name_after_title(ps, token, mentions)
    affiliate = _affiliate_apposition(ps, token, mentions)
    token = _issuer(ps, token, mentions) or _titled_name(ps, token, mentions) or titled or \
        _closing_apposition(ps, token, mentions) or affiliate or token
    arg = make_arg(ps, token, mentions, speaker=True)
    if affiliate is not None and token.i == affiliate.i:
        arg["_person"] = True  # a person's role names them, whatever type the tagger gave the name
    if titled is not None and arg.get("entity") is not None:  # "Jo Roe", not "Water Office Jo Roe"
        arg["text"] = ps.doc[_name_start(ps, titled, mentions):titled.i + 1].text
    if arg.get("_across"):
        start, end = noun_phrase(token)
        arg = {"text": token.text, "entity": None,
               "_d": describe(ps, token, start, end, lambda t: mentions.at(*ps.char_span(t.i, t.i + 1)))}
    whose = _whose_end(ps, token, mentions, arg.get("_d") or {}) if arg.get("entity") is None and \
        "mention" not in arg else None
    if whose is not None and arg["text"] == ps.doc[noun_phrase(token)[0]:min(whose, noun_phrase(token)[1])].text:
        arg["_core"] = arg["text"]  # the role or document as written, for `speaker_descriptions.py`
        arg["text"] = ps.doc[noun_phrase(token)[0]:whose].text
    arg = conjoined(ps, token, arg, mentions)  # "Officials and witnesses said": both, not the first alone
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


def _name_after_title(ps: ParsedSentence, token: Token, mentions: MentionIndex) -> Token | None:
    """"Vice Director of the Water Office Jo Roe said", "Berlin's ambassador to the United Nations Jo Roe, speaking
    ..., said": the parse hangs the name on the body's name (the body a compound of "Roe", the object of "of"), so
    the title heads the subject; the named person speaks. Only a title (capitalised, or a person's role noun), and
    only when an organisation's name runs right into the person's ("the wife of Jo Roe", "an adviser to Prime
    Minister Jo Roe": the wife and the adviser speak)."""
    att = lexicon().attribution
    if not (token.tag_ == "NNP" or token.lemma_.lower() in {*att["definite_person_nouns"], *att["leader_nouns"]}) \
            or mentions.at(*ps.char_span(token.i, token.i + 1)) is not None:
        return None
    for prep in (c for c in token.children if c.dep_ == "prep" and c.lower_ in ("of", "to", "at", "for")):
        name = next((g for g in prep.children if g.dep_ == "pobj"), None)
        person = mentions.at(*ps.char_span(name.i, name.i + 1)) if name is not None else None
        if name is None or person is None or person.type != "PERSON":
            continue
        first = _name_start(ps, name, mentions)
        body = mentions.at(*ps.char_span(first - 1, first)) if first > prep.i + 1 else None
        if body is not None and body.type == "ORG" and ps.doc[first - 1].dep_ == "compound":
            return name
    return None


def _closing_apposition(ps: ParsedSentence, token: Token, mentions: MentionIndex) -> Token | None:
    """"The woman who built the first rail link to Brazil, former minister Jo Roe, argued": the parse hangs the
    closing name on the last noun of the relative clause, a place or an organisation, which no person is in
    apposition with; the name right before the reporting verb is the speaker's. So too after a noun of no person
    ("The victim, whom the channel named only by first name, Michelle, said"), the clause's "whom" parsed as an
    apposition; not after a person's noun ("the man who shot the mayor, Jo Roe, said": Jo Roe is the mayor)."""
    verb = token.head
    if token.dep_ != "nsubj" or token.pos_ != "NOUN" or not any(
            c.dep_ == "relcl" or (c.dep_ == "appos" and c.tag_ == "WP") for c in token.children):
        return None
    people = person_nouns() | set(lexicon().attribution["definite_person_nouns"])
    for name in token.subtree:
        if name.dep_ != "appos" or name.pos_ != "PROPN" or name.i > verb.i:
            continue
        after = [t for t in ps.doc[name.right_edge.i + 1:verb.i] if t.text != ","]
        person, owner = (mentions.at(*ps.char_span(t.i, t.i + 1)) for t in (name, name.head))
        thing = owner is None and name.head.pos_ == "NOUN" and name.head.lemma_.lower() not in people
        body = owner is not None and owner.type in ("GPE", "LOC", "FAC", "ORG", "NORP")
        if not after and person is not None and person.type == "PERSON" and (thing or body):
            return name
    return None


def _affiliate_apposition(ps: ParsedSentence, token: Token, mentions: MentionIndex) -> Token | None:
    """"A spokesman for the Coast Guard, Commander Jo Roe, said", "an aide to Senator Al Poe, Jo Roe, said": the
    parse hangs the name on the owner (the object of "for"/"of"/"to"/"at"), whom no other name restates; the person
    named right before the reporting verb speaks. Not after an owner named by a noun only ("a spokesman for the
    mayor, Jo Roe": the mayor may be Jo Roe)."""
    verb = token.head
    if token.dep_ != "nsubj" or token.pos_ != "NOUN" or verb.i < token.i:
        return None
    for prep in (c for c in token.rights if c.dep_ == "prep" and c.lower_ in ("for", "of", "to", "at", "with")):
        for obj in (g for g in prep.children if g.dep_ == "pobj"):
            owner = mentions.at(*ps.char_span(obj.i, obj.i + 1))
            for name in (c for c in obj.children if c.dep_ == "appos" and c.pos_ == "PROPN"):
                person = mentions.at(*ps.char_span(name.i, name.i + 1))
                between = [t.text for t in ps.doc[name.right_edge.i + 1:verb.i]]
                if person is not None and owner is not None and person is not owner and _named_person(
                        token, person) and owner.type in ("ORG", "GPE", "NORP", "FAC", "PERSON") and between in (
                        [], [","]) and ps.doc[name.left_edge.i - 1].text == "," and ps.doc[name.left_edge.i].pos_ \
                        == "PROPN":
                    return name
    return None


def _named_person(role: Token, entity: Any) -> bool:
    """Is the name apposed to a role's owner a person? Typed so, or, after a role only a person holds ("a
    spokesperson for X, Jo Roe"), a name the tagger typed an organisation that holds no word of a body's name."""
    if entity.type == "PERSON":
        return True
    att = lexicon().attribution
    body_words = {w for words in att["org_kind_name_words"].values() for w in words}
    return entity.type == "ORG" and role.lemma_.lower() in att["definite_person_nouns"] and not any(
        w.lower().strip(".,") in body_words for w in entity.name.split())


def _whose_end(ps: ParsedSentence, token: Token, mentions: MentionIndex, described: dict[str, Any]) -> int | None:
    """Where a speaker phrase named only by a role or a document ends once it runs on over whose it is ("a
    spokesperson for Acme's Jo Roe", "the family of Jo Roe", "a memo by the water board", "a report issued by X";
    `whose_preps`): the index after the owner's phrase, else None. "Of"/"for" a name (or "for" a noun) only after
    someone (`described`): "a biography of Jo Roe" is about her, not by her; "the head of" anything."""
    att = lexicon().attribution
    if token.pos_ != "NOUN" or mentions.at(*ps.char_span(token.i, token.i + 1)) is not None:
        return None
    words = {token.lemma_.lower(), token.lower_}
    document = bool(words & {*att["authored_nouns"], *att["evidence_nouns"], *att["media_nouns"]})
    leader = bool(words & set(att.get("leader_nouns", ())))
    someone = leader or bool(described.get("person") or described.get("group_noun")) or bool(words & {
        *att["definite_person_nouns"], *att["anonymous_speakers"], *att.get("authored_by_of", ()),
        *att.get("owned_people_nouns", ()),
        *(n for nouns in att.get("definite_org_nouns", {}).values() for n in nouns)})
    for child in token.rights:
        prep, by_agent = child, False
        if child.dep_ == "acl" and child.tag_ == "VBN" and child.lemma_.lower() in att.get("whose_participles", ()):
            prep, by_agent = next((g for g in child.children if g.dep_ == "agent"), child), True
        if prep.dep_ not in ("prep", "agent") or prep.lower_ not in att.get("whose_preps", ()):
            continue
        obj = next((g for g in prep.children if g.dep_ == "pobj"), None)
        if obj is None:
            return None
        name = next((c for c in obj.rights if c.dep_ == "appos" and c.pos_ == "PROPN" and c.left_edge.i == obj.i + 1),
                    None)  # "the family of the late singer Jo Roe"
        owner = mentions.at(*ps.char_span(obj.i, obj.i + 1))
        named = name is not None or obj.pos_ == "PROPN" or owner is not None or unnamed_owner(prep, obj, someone)
        if prep.lower_ in ("of", "for") and not by_agent and not (someone and (named or leader)):
            return None  # "a study of 500 patients", "a biography of Jo Roe"
        if not (named or leader or (document and (by_agent or prep.lower_ in ("by", "from")))):
            return None  # "a study by the team" but not "a picture of the team": a role of no one named
        end = name.right_edge.i + 1 if name is not None else noun_phrase(obj)[1]
        while owner is not None and end < len(ps.doc) and mentions.at(*ps.char_span(end, end + 1)) is owner:
            end += 1  # the whole name: "the Organization of Road Safety Officers"
        words = ps.doc[noun_phrase(token)[0]:end]
        if len(words) > att.get("longest_whose_words", 10) or any(t.is_punct and t.text not in "-'’." for t in words):
            return None
        return end
    return None


def _name_start(ps: ParsedSentence, name: Token, mentions: MentionIndex) -> int:
    """The first token of the entity mention `name` ends."""
    entity, first = mentions.at(*ps.char_span(name.i, name.i + 1)), name.i
    while first > 0 and mentions.at(*ps.char_span(first - 1, first)) is entity:
        first -= 1
    return first


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
    if (alleged := allegation_speaker(ps, token, lambda t: speaker_arg(ps, t, mentions))) is not None:
        return alleged  # "her allegation of assault": hers, not the one's who answers it
    verb = reporting_verb_for(token)
    if verb is not None:
        speaker = speaker_of(verb)
        if speaker is not None:
            return {"speaker": speaker_arg(ps, speaker, mentions), "cue": verb.text}
    found = according_to(ps)
    if found is not None:
        cue, speaker = found
        cue_text = "according to" if cue.lower_ == "according" else cue.text
        return {"speaker": speaker_arg(ps, speaker, mentions), "cue": cue_text}
    return None
