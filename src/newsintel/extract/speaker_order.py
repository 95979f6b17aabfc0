"""Where a reporting verb's speaker and scope lie when the parse misplaces them: a speaker after its verb taken
for the object ("..., reported state television"), and a reporting clause beside the main one that reports only its
own statement ("..., although the coach said he was fit"). Used by `attribution.py`."""

from __future__ import annotations

from spacy.tokens import Token

from newsintel.extract.lexicon import lexicon


def own_statement(verb: Token) -> bool:
    """Does a reporting verb beside the main clause report only its own clause? "He stayed out, although the coach
    said he was fit", "they attacked after the minister said ...": a clause opening with a mark of time, cause or
    contrast (`own_clause_marks`), or one with its own complement, is another statement, not a source of the
    main clause."""
    marks = lexicon().attribution["own_clause_marks"]
    return any(c.dep_ == "mark" and c.lower_ in marks for c in verb.children) or any(
        c.dep_ in ("ccomp", "xcomp") and c.i > verb.i for c in verb.children)


def inverted_speaker(verb: Token) -> Token | None:
    """"..., reported state television, adding that ...": a reporting verb (the caller checks it is one) after a
    comma whose speaker follows it; the parse takes the speaker (a name, an outlet, a body) for its object. Not an
    addressee ("..., told Reuters"). None otherwise."""
    doc, att = verb.doc, lexicon().attribution
    if verb.i == 0 or verb.lemma_.lower() in att["addressee_verbs"] or doc[verb.i - 1].text != "," or any(
            c.dep_ in ("nsubj", "nsubjpass", "ccomp", "xcomp") for c in verb.children):
        return None
    obj = next((c for c in verb.children if c.dep_ == "dobj" and c.i > verb.i), None)
    nouns = {*att["outlet_nouns"], *att["anonymous_speakers"]}
    if obj is None or not (obj.ent_type_ in ("ORG", "PERSON", "NORP") or obj.pos_ == "PROPN"
                           or obj.lemma_.lower() in nouns):
        return None
    end = obj.right_edge.i + 1
    return obj if end >= len(doc) or doc[end].is_punct else None
