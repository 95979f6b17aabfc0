"""Speakers who say something together: "Officials and witnesses said", "Jo Roe and Al Poe told reporters".

The parse makes the first noun the reporting verb's subject and hangs the others on it as conjuncts; shown alone,
the first would be taken for the only speaker (or, in "Jo and Al Roe said", be cut to a first name). The speaker
shown is the whole coordination as written; it stays linked to the first conjunct's entity only when that is a
full name or a body (a lone given name sharing the family name named after it is no one's full name).
"""

from __future__ import annotations

from typing import Any

from spacy.tokens import Token

from newsintel.extract.args import MentionIndex, noun_phrase, with_conjuncts
from newsintel.extract.describe import describe
from newsintel.extract.parse import ParsedSentence

LONGEST = 12  # tokens: a longer run is a list the parse joined, not a phrase naming who speaks


def conjoined(ps: ParsedSentence, token: Token, arg: dict[str, Any], mentions: MentionIndex) -> dict[str, Any]:
    """`arg` (the speaker at `token`) widened over the nouns coordinated with `token` by "and"; else `arg`."""
    if "mention" in arg or token.pos_ not in ("NOUN", "PROPN"):
        return arg  # a pronoun ("he and his lawyer"): left to the pronoun's resolution
    others = [t for t in with_conjuncts(token) if t.i != token.i]
    if not others or any(t.pos_ not in ("NOUN", "PROPN") or t.i < token.i for t in others):
        return arg
    if not any(c.dep_ == "cc" and c.lower_ == "and" for t in (token, *others) for c in t.children):
        return arg  # "police or witnesses": either, not both
    verb = token.head
    if token.dep_ in ("nsubj", "nsubjpass") and any(t.i > verb.i for t in others):
        return arg
    first, end = _start(ps, token, mentions), _end(ps, others[-1], mentions)
    words = ps.doc[first:end]
    if len(words) > LONGEST or any(t.pos_ in ("VERB", "AUX") or t.text in '()"“”;:' for t in words):
        return arg
    if arg["text"] not in ps.doc[min(first, noun_phrase(token)[0]) : end].text:
        return arg  # shown otherwise already ("spokesman for X" run on, a title cut off)
    out = {**arg, "text": words.text}
    entity = mentions.at(*ps.char_span(token.i, token.i + 1))
    following = mentions.at(*ps.char_span(others[0].i, others[0].i + 1))
    if (
        entity is not None
        and entity.type == "PERSON"
        and len(entity.name.split()) < 2
        and not any(c.i < token.i for c in token.children)
        and following is not None
        and len(following.name.split()) > 1
    ):
        out["entity"] = None  # "John and Mary Smith": not someone called "John" ("Mr Roe and Jo Poe" is Mr Roe)
    if out.get("entity") is None:
        d = dict(arg.get("_d") or describe(ps, token, first, end, lambda t: mentions.at(*ps.char_span(t.i, t.i + 1))))
        d["plural"] = True
        out["_d"] = d
    return out


def _start(ps: ParsedSentence, token: Token, mentions: MentionIndex) -> int:
    first = noun_phrase(token)[0]
    while first < token.i and (token.doc[first].dep_ == "preconj" or token.doc[first].lower_ in ("both", "either")):
        first += 1  # "Both Jo Roe and Al Poe": who, not how many
    entity = mentions.at(*ps.char_span(token.i, token.i + 1))
    while entity is not None and first > 0 and mentions.at(*ps.char_span(first - 1, first)) is entity:
        first -= 1
    return first


def _end(ps: ParsedSentence, token: Token, mentions: MentionIndex) -> int:
    end = noun_phrase(token)[1]
    entity = mentions.at(*ps.char_span(token.i, token.i + 1))
    while entity is not None and end < len(ps.doc) and mentions.at(*ps.char_span(end, end + 1)) is entity:
        end += 1
    return end
