"""Where a reporting verb's speaker and scope lie when the parse misplaces them: a speaker after its verb taken
for the object ("..., reported state television"), and a reporting clause beside the main one that reports only its
own statement ("..., although the coach said he was fit"); and who asserts an event named inside an allegation
("her allegation of assault"). Used by `attribution.py`."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from spacy.tokens import Token

from newsintel.extract.lexicon import lexicon
from newsintel.extract.parse import ParsedSentence
from newsintel.resources import load_yaml

# "her allegation": the speaker is who "she" is, resolved across sentences by `quoted.py` (never in the sentence
# itself, where the nearest person is usually the one answering the allegation)
POSSESSIVE_SUBJECT = {"his": "he", "her": "she", "their": "they"}


def own_statement(verb: Token) -> bool:
    """Does a reporting verb beside the main clause report only its own clause? "He stayed out, although the coach
    said he was fit", "they attacked after the minister said ...": a clause opening with a mark of time, cause or
    contrast (`own_clause_marks`), or one with its own complement, is another statement, not a source of the
    main clause."""
    marks = lexicon().attribution["own_clause_marks"]
    return any(c.dep_ == "mark" and c.lower_ in marks for c in verb.children) or any(
        c.dep_ in ("ccomp", "xcomp") and c.i > verb.i for c in verb.children)


def inverted_speaker(verb: Token, statement_before: bool = False) -> Token | None:
    """"..., reported state television, adding that ...": a reporting verb (the caller checks it is one) after a
    comma whose speaker follows it; the parse takes the speaker (a name, an outlet, a body) for its object. Not an
    addressee ("..., told Reuters"). Nouns shared with the claims' own reading (claim_content.yaml
    inverted_speaker_nouns). With `statement_before` (claims), a clause the parse hung under the verb before it is
    the statement it closes ("X was known for it, said a witness"), no reason to refuse. None otherwise."""
    doc, att = verb.doc, lexicon().attribution
    if verb.i == 0 or verb.lemma_.lower() in att["addressee_verbs"] or doc[verb.i - 1].text != "," or any(
            c.dep_ in ("nsubj", "nsubjpass")
            or (c.dep_ in ("ccomp", "xcomp") and (c.i > verb.i or not statement_before)) for c in verb.children):
        return None
    obj = next((c for c in verb.children if c.dep_ == "dobj" and c.i > verb.i), None)
    nouns = {*load_yaml("claim_content.yaml")["inverted_speaker_nouns"], *att["anonymous_speakers"]}
    if obj is None or not (obj.ent_type_ in ("ORG", "PERSON", "NORP") or obj.pos_ == "PROPN"
                           or obj.lemma_.lower() in nouns or obj.lower_ in nouns):  # "media": lemma "medium"
        return None
    end = obj.right_edge.i + 1
    return obj if end >= len(doc) or doc[end].is_punct else None


def allegation_owner(token: Token, max_steps: int = 6) -> Token | None:
    """Whose allegation an event named inside it is ("her allegation of assault", "Roe's accusation that he struck
    her", "claims by two guards that ..."): the possessor or the "by" agent of the nearest allegation noun
    (`allegation_nouns`) above the event, before any verb; one who answers it ("a spokesman said he was saddened by
    her allegation ...") only reports that it was made. None when there is no such owner."""
    nouns = lexicon().attribution["allegation_nouns"]
    current = token
    for _ in range(max_steps):
        head = current.head
        if head.i == current.i or (head.pos_ in ("VERB", "AUX") and current.dep_ not in ("acl", "relcl")):
            return None
        if head.pos_ == "NOUN" and head.lemma_.lower() in nouns and current.dep_ in ("prep", "acl", "ccomp"):
            owner = next((c for c in head.children if c.dep_ == "poss"), None)
            by = next((c for c in head.children if c.dep_ == "prep" and c.lower_ == "by"), None)
            agent = next((g for g in by.children if g.dep_ == "pobj"), None) if by is not None else None
            found = owner if owner is not None else agent
            if found is not None and found.lower_ not in lexicon().attribution["not_speaker_words"]:
                return found
            return None
        current = head
    return None


def allegation_speaker(ps: ParsedSentence, token: Token,
                       make: Callable[[Token], dict[str, Any]]) -> dict[str, Any] | None:
    """The attribution of an event named inside someone's allegation: the owner as a speaker argument (`make`), a
    possessive pronoun left bare for the document's speakers pass; None when `allegation_owner` finds no one."""
    owner = allegation_owner(token)
    if owner is None or (owner.tag_ == "PRP$" and owner.lower_ not in POSSESSIVE_SUBJECT):
        return None  # "its claim": an organisation's, left to the reporting verbs
    if owner.tag_ == "PRP$":
        named = _named_before(owner)
        speaker = make(named) if named is not None else {
            "text": POSSESSIVE_SUBJECT[owner.lower_], "entity": None, "_at": ps.char_span(owner.i, owner.i + 1)}
    else:
        speaker = make(owner)
    return {"speaker": speaker, "cue": owner.head.text}


def _named_before(pronoun: Token) -> Token | None:
    """The one person named before a possessive pronoun in its sentence who is not the subject of a clause above
    it ("asked about the accusations by Roe, a spokesman said ... her allegation": Roe, not the spokesman who
    answers); None when there is not exactly one."""
    answering = {t.i for a in pronoun.ancestors for c in a.children if c.dep_ in ("nsubj", "nsubjpass")
                 for t in c.subtree}
    doc = pronoun.doc
    names = [t for t in doc[:pronoun.i] if t.ent_type_ == "PERSON" and t.i not in answering and (
        t.i + 1 >= len(doc) or doc[t.i + 1].ent_iob_ != "I")]  # a name's last word
    return names[0] if len(names) == 1 else None
