"""A speaker shown as fully as its sentence names it, so an analyst can tell who speaks.

The minimal noun phrase cuts off what tells a described speaker apart: a body's portfolio ("the ministry of foreign
affairs", not "ministry"), a participle restricting the noun ("a group representing farmers", "letters found in his
house"), the owner of the place a post is on ("a post on the group's page"). And a nationality in apposition to a
person noun ("one witness, an American") is what the person is, not the speaker: the country's people did not
speak. Word lists are data (`data/claim_bounds.yaml`).
"""

from __future__ import annotations

from typing import Any

from spacy.tokens import Token

from newsintel.extract.args import MentionIndex, noun_phrase
from newsintel.extract.describe import actor_words, describe
from newsintel.extract.lexicon import lexicon
from newsintel.extract.parse import ParsedSentence
from newsintel.resources import load_yaml


def _words() -> dict[str, Any]:
    return load_yaml("claim_bounds.yaml")["speaker_phrases"]


def fuller_speaker(ps: ParsedSentence, token: Token, arg: dict[str, Any], mentions: MentionIndex) -> dict[str, Any]:
    """The speaker argument `arg` (made at `token`) with the words that tell who it is, else `arg` unchanged."""
    if not (token.pos_ == "NOUN" or (token.pos_ == "PROPN" and mentions.at(*ps.char_span(token.i, token.i + 1))
                                     is None)) or arg.get("mention") or arg.get("unresolved"):
        return arg  # a title the tagger made a name ("the US Ambassador", "ministry") is a noun here
    apposed = _demonym_apposition(ps, token, arg, mentions)
    if apposed is not None:
        return apposed
    start, end = noun_phrase(token)
    if arg.get("entity") is not None or "_core" in arg or arg["text"] != ps.doc[start:end].text:
        return arg
    stop = _portfolio_end(token) or _participle_end(token, end) or _medium_place_end(token) or \
        _posting_end(ps, token, mentions)
    if stop is None:
        return arg
    return {**arg, "text": ps.doc[start:stop].text, "_core": arg["text"]}


def _demonym_apposition(ps: ParsedSentence, token: Token, arg: dict[str, Any],
                        mentions: MentionIndex) -> dict[str, Any] | None:
    """"One witness, an American who ..., said": the speaker is the witness (shown with the apposition), not the
    nationality the parse named in its place."""
    entity = mentions.at(*ps.char_span(token.i, token.i + 1)) if arg.get("entity") is not None else None
    if arg.get("entity") is None or entity is not None:
        return None
    appos = next((c for c in token.children if c.dep_ == "appos" and c.pos_ == "PROPN"), None)
    appos_entity = mentions.at(*ps.char_span(appos.i, appos.i + 1)) if appos is not None else None
    if appos is None or appos_entity is None or appos_entity.id != arg["entity"] or not (
            appos_entity.type == "NORP" or (appos_entity.type != "PERSON" and len(appos_entity.name.split()) == 1
                                            and any(c.dep_ == "det" and c.lower_ in ("a", "an")
                                                    for c in appos.children))):
        return None  # "a Briton", "an American": a nationality; "his sister, Jo Roe" is who she is
    start, end = noun_phrase(token)
    stop = noun_phrase(appos)[1]
    between = ps.doc[end:appos.i]
    if any(t.is_punct and t.text != "," for t in between) or len(between) > 3:
        return None
    return {"text": ps.doc[start:stop].text, "entity": None, "_at": arg.get("_at"),
            "_d": describe(ps, token, start, end, lambda t: mentions.at(*ps.char_span(t.i, t.i + 1)))}


def _portfolio_end(token: Token) -> int | None:
    """"the ministry of foreign affairs", "the department of public health": a body whose "of" phrase is its
    portfolio (common nouns, no article but "the"), part of its name; the index after it, else None."""
    words = _words()
    if token.lemma_.lower() not in words["portfolio_bodies"]:
        return None
    prep = next((c for c in token.rights if c.dep_ == "prep" and c.lower_ == "of"), None)
    obj = next((g for g in prep.children if g.dep_ == "pobj"), None) if prep is not None else None
    if obj is None or obj.ent_type_ or obj.pos_ not in ("NOUN", "PROPN", "ADJ"):
        return None
    phrase = prep.doc[prep.i + 1:prep.right_edge.i + 1]
    if len(phrase) > words["longest_portfolio_words"] or any(
            t.is_punct or t.pos_ in ("VERB", "AUX", "PRON", "NUM") or t.ent_type_ for t in phrase) or any(
            t.dep_ in ("det", "poss") and t.lower_ != "the" for t in phrase):
        return None
    return prep.right_edge.i + 1


def _participle_end(token: Token, end: int) -> int | None:
    """"a group representing farmers in Oregon", "letters found in his house": a participle right after the noun
    that restricts it (`restricting_participles`, lemmas); the index after its phrase, else None. A long or
    punctuated phrase (a parse running on into the sentence) is left out."""
    words = _words()
    acl = next((c for c in token.rights if c.dep_ == "acl" and c.tag_ in ("VBG", "VBN") and c.i == end), None)
    if acl is None or acl.lemma_.lower() not in words["restricting_participles"]:
        return None
    if acl.tag_ == "VBN" and _someone(token):
        return None  # "the agency released on Monday": a body is not what is released; the parse misread a clause
    phrase = token.doc[acl.i:acl.right_edge.i + 1]
    if len(phrase) > words["longest_participle_words"] or any(
            t.is_punct or t.dep_ in ("relcl", "ccomp", "advcl") or t.tag_ == "WDT" for t in phrase):
        return None
    return acl.right_edge.i + 1


def _medium_place_end(token: Token) -> int | None:
    """"a message on the club's Telegram channel said": a medium speaks for whoever owns the place it is on; the
    phrase shows whose ("message on the club's Telegram channel", not "message"). The index after the place, else
    None."""
    att = lexicon().attribution
    if token.lemma_.lower() not in att["media_nouns"]:
        return None
    prep = next((c for c in token.rights if c.dep_ == "prep" and c.lower_ in ("on", "in")), None)
    place = next((g for g in prep.children if g.dep_ == "pobj"), None) if prep is not None else None
    if place is None or place.lemma_.lower() not in load_yaml("claim_content.yaml")["medium_places"] or not any(
            c.dep_ == "poss" for c in place.children):
        return None
    phrase = token.doc[prep.i:prep.right_edge.i + 1]
    if len(phrase) > _words()["longest_participle_words"] or any(t.is_punct and t.text not in "'’" for t in phrase):
        return None
    return prep.right_edge.i + 1


def _someone(token: Token) -> bool:
    """Does the noun name a person, a group or a body (who acts, not a thing found or published)?"""
    att, actors = lexicon().attribution, actor_words()
    lemma = token.lemma_.lower()
    return lemma in actors.person_nouns or lemma in actors.group_nouns or lemma in actors.role_of or lemma in {
        *att["definite_person_nouns"], *att["anonymous_speakers"], *att.get("owned_people_nouns", ()),
        *(n for nouns in att["definite_org_nouns"].values() for n in nouns)}


def _posting_end(ps: ParsedSentence, token: Token, mentions: MentionIndex) -> int | None:
    """"Chile's envoy to the OSCE", "the tribunal in Bremen", "police in Lyon": an envoy and where it is
    sent, a body and where it sits, when that is a name (`posting_preps`: the noun's lemma -> prepositions); the
    index after the name, else None."""
    preps = _words()["posting_preps"]
    allowed = preps.get(token.lemma_.lower()) or (preps["bodies"] if token.lemma_.lower() in _bodies() else ())
    prep = next((c for c in token.rights if c.dep_ == "prep" and c.lower_ in allowed), None)
    obj = next((g for g in prep.children if g.dep_ == "pobj"), None) if prep is not None else None
    entity = mentions.at(*ps.char_span(obj.i, obj.i + 1)) if obj is not None else None
    if entity is None or entity.type not in ("GPE", "ORG", "LOC", "FAC", "NORP"):
        return None
    end = noun_phrase(obj)[1]
    while end < len(ps.doc) and mentions.at(*ps.char_span(end, end + 1)) is entity:
        end += 1  # the whole name
    if end - prep.i > _words()["longest_portfolio_words"] or any(t.is_punct for t in ps.doc[prep.i:end]):
        return None
    return end


def _bodies() -> set[str]:
    att = lexicon().attribution
    return {*(n for nouns in att["definite_org_nouns"].values() for n in nouns), *att["anonymous_speakers"]}


def unnamed_owner(prep: Token, obj: Token, someone: bool) -> bool:
    """"A spokesman for the fire service", "a lawyer for the family": a person, group or body (`someone`) "for" a
    common noun is that owner's, named or not, and shown with it (`unnamed_owner_preps`, attribution.yaml); not when
    a name stands beside the owner ("a spokesman for the mayor, Jo Roe": whose name it is stays open)."""
    return someone and obj.pos_ == "NOUN" and prep.lower_ in lexicon().attribution.get("unnamed_owner_preps", ()) \
        and not any(c.dep_ == "appos" for c in obj.children) and not (
            obj.i + 1 < len(obj.doc) and obj.doc[obj.i + 1].text == "," and obj.i + 2 < len(obj.doc)
            and obj.doc[obj.i + 2].pos_ == "PROPN")
