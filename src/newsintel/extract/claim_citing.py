"""A source cited beside a reporting verb ("the paper reported that troops crossed, citing officials"; "the daily,
quoting sources, said ..."): the cited source vouches for what the verb reports, not for the reporting itself, and
the citation is no part of the reporter's statement. Also "according to X, a man posted: ...", whose source
phrase reaches only the subject of another reporting verb: nothing of X's own to show."""

from __future__ import annotations

from typing import Any

from spacy.tokens import Token

from newsintel.extract.lexicon import lexicon
from newsintel.extract.parse import ParsedSentence

CITING = ("citing", "quoting")


def citation_phrase(ps: ParsedSentence, cue: Token, source: Token) -> str:
    """The words "citing officials in the capital" as written."""
    return ps.doc[cue.i: max(source.right_edge.i, cue.i) + 1].text


def citations(ps: ParsedSentence, cue: Token, source: Token) -> list[str]:
    """The phrases of the sentence citing a source: the one found (`cue`, `source`) and any other "citing X" with a
    name or a source noun ("..., according to RTL, citing the prosecutor's office")."""
    att = lexicon().attribution
    nouns = {*att["anonymous_speakers"], *att["cited_source_nouns"], *att["authored_nouns"], *att["media_nouns"]}
    found = [citation_phrase(ps, cue, source)] if cue.lower_ in CITING else []
    for t in ps.doc:
        obj = next((c for c in t.children if c.dep_ in ("dobj", "pobj")), None) if t.lower_ in CITING else None
        if obj is not None and t.i != cue.i and (obj.pos_ == "PROPN" or obj.ent_type_ in ("ORG", "PERSON") or
                                                 obj.lemma_.lower() in nouns or obj.lower_ in nouns):
            found.append(citation_phrase(ps, t, obj))
    return found


def without_citation(content: str, phrase: str) -> str:
    """`content` without the citation phrase ("troops crossed, citing officials" -> "troops crossed"; "the daily,
    quoting sources, said" -> "the daily said")."""
    at = content.find(phrase)
    if not phrase or at < 0:
        return content
    before, after = content[:at].rstrip(" ,"), content[at + len(phrase):].lstrip(" ,")
    return f"{before} {after}".strip() if before and after else (before or after)


def relayed(cue: Token, cues: list[Token], claims: list[dict[str, Any]]) -> dict[str, Any] | None:
    """The claim whose reporting verb the citing participle hangs on ("reported ..., citing X", "X, quoting Y,
    reported that ..."): what Y vouches for is that claim's content. None for "according to", whose source
    may vouch for a saying itself ("according to police, he told officers ...")."""
    if cue.lower_ not in CITING:
        return None
    ancestors = {t.i for t in cue.ancestors}
    found = next((c for v, c in zip(cues, claims, strict=True) if v.i in ancestors and c["content"]), None)
    return found or next((c for v, c in zip(cues, claims, strict=True) if c["content"] and v.head.i == cue.head.i
                          and v.i > cue.i and v.dep_ == "conj"), None)  # "X, quoting Y, reported": the parse
    # may set both beside the main verb


def only_subject_of(ps: ParsedSentence, rest: str, stop: int | None) -> bool:
    """Is what "according to X" was left with only the subject of the reporting verb after it ("According to X,
    a resident of the town, a teacher, posted: ...")? The statement is that verb's; X's content would be a name."""
    if stop is None or not rest:
        return False
    subject = next((c for c in ps.doc[stop].children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if subject is None:
        return False
    return rest in ps.doc[subject.left_edge.i: subject.right_edge.i + 1].text
