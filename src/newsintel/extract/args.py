"""Arguments: from a head token of a parsed sentence to `{"text", "entity"}`, linked to the document's entities.

A head inside an entity mention links to that entity; "he"/"she" link to the nearest person named before; a
relative pronoun ("who") stands for the noun its clause describes.
"""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass
from typing import Any

from spacy.tokens import Token

from newsintel.extract.lexicon import lexicon
from newsintel.extract.parse import ParsedSentence
from newsintel.model import Entity

NP_LEFT_DEPS = {"det", "amod", "compound", "nummod", "poss", "nmod", "quantmod", "case", "predet", "nn"}
PERSON_PRONOUNS = {"he", "she", "him", "her", "his", "hers", "himself", "herself"}
GROUP_PRONOUNS = {"it", "its"}
PLURAL_PRONOUNS = {"they", "them", "their", "themselves"}
GROUP_TYPES = {"ORG", "NORP"}
PRONOUN_REACH = 400  # characters back to look for the antecedent of a pronoun
RELATIVE_PRONOUNS = {"who", "whom", "which", "that", "whose"}
PLACE_TYPES = {"GPE", "LOC", "FAC"}
PLACE_NOUNS = {"border", "camp", "city", "town", "village", "country", "province", "region", "area", "capital",
               "home", "abroad", "frontier", "prison", "jail", "airport", "port", "crossing", "district", "territory",
               "countryside", "mountains", "desert", "coast", "europe", "north", "south", "east", "west"}


@dataclass(slots=True)
class MentionIndex:
    """Entity mentions of one document, sorted by start offset, for linking spans to entities."""

    starts: list[int]
    spans: list[tuple[int, int, Entity]]

    @classmethod
    def build(cls, entities: list[Entity]) -> MentionIndex:
        spans = sorted(((m.start, m.end, e) for e in entities for m in e.mentions), key=lambda s: s[0])
        return cls([s[0] for s in spans], spans)

    def at(self, start: int, end: int) -> Entity | None:
        """The entity whose mention overlaps [start, end)."""
        i = bisect_right(self.starts, end - 1) - 1
        while i >= 0 and self.spans[i][1] > start - 200:
            s, e, entity = self.spans[i]
            if s < end and start < e:
                return entity
            i -= 1
        return None

    def salient_before(self, offset: int, types: set[str], reach: int = 600) -> Entity | None:
        """The antecedent of "he"/"she": among the people named in the last `reach` characters, the one the
        document mentions most (news stories keep returning to their protagonist), the latest on a tie."""
        i = bisect_right(self.starts, offset) - 1
        seen: dict[str, tuple[Entity, int]] = {}
        while i >= 0 and self.spans[i][0] >= offset - reach:
            start, end, entity = self.spans[i]
            if entity.type in types and end <= offset and entity.id not in seen:
                seen[entity.id] = (entity, start)
            i -= 1
        if not seen:
            return self.last_before(offset, types)
        return max(seen.values(), key=lambda c: (len(c[0].mentions), c[1]))[0]

    def last_before(self, offset: int, types: set[str], reach: int | None = None) -> Entity | None:
        i = bisect_right(self.starts, offset) - 1
        while i >= 0:
            start, end, entity = self.spans[i]
            if reach is not None and start < offset - reach:
                return None
            if entity.type in types and end <= offset:
                return entity
            i -= 1
        return None


def noun_phrase(token: Token) -> tuple[int, int]:
    """Token range [start, end) of the minimal noun phrase headed by `token` (left modifiers, flat names);
    a collective head takes its "of" phrase along ("a group of Uzbek volunteers", "dozens of fighters")."""
    start = token.i
    for child in token.lefts:
        if child.dep_ in NP_LEFT_DEPS or (child.dep_ == "punct" and child.text == "-"):
            start = min(start, child.left_edge.i if child.dep_ in ("compound", "poss", "nmod") else child.i)
    end = token.i + 1
    for child in token.rights:
        if child.dep_ in ("compound", "flat", "nummod") or (child.dep_ == "case" and child.text in ("'s", "’s")):
            end = max(end, child.right_edge.i + 1)
        else:
            break
    if token.lemma_.lower() in lexicon().collectives or token.lower_ in lexicon().collectives:
        of = next((c for c in token.rights if c.lower_ == "of" and c.dep_ == "prep"), None)
        pobj = next((g for g in of.children if g.dep_ == "pobj"), None) if of is not None else None
        if pobj is not None:
            end = max(end, noun_phrase(pobj)[1])
    while start < token.i and token.doc[start].dep_ == "det" and token.doc[start].lower_ in ("the", "a", "an"):
        start += 1
    return start, end


def resolve_relative(token: Token) -> Token:
    """"who" in "the man, who fled" stands for "man"."""
    if token.lower_ in RELATIVE_PRONOUNS:
        head = token.head
        while head.dep_ not in ("relcl", "acl") and head.head is not head:
            if head.dep_ in ("ROOT",):
                return token
            head = head.head
        if head.dep_ in ("relcl", "acl"):
            return head.head
    return token


def _named_place(token: Token) -> Token:
    """"the town of Kacanik" is Kacanik."""
    if token.lemma_.lower() in PLACE_NOUNS:
        of = next((c for c in token.children if c.dep_ == "prep" and c.lower_ == "of"), None)
        name = next((g for g in of.children if g.dep_ == "pobj" and g.pos_ == "PROPN"), None) if of else None
        if name is not None:
            return name
    return token


def make_arg(ps: ParsedSentence, token: Token, mentions: MentionIndex, speaker: bool = False) -> dict[str, Any]:
    """`speaker`: "he said" usually means the person just introduced, so take the latest, not the most salient."""
    token = _named_place(resolve_relative(token))
    start, end = noun_phrase(token)
    char_start, char_end = ps.char_span(start, end)
    head_start, head_end = ps.char_span(token.i, token.i + 1)
    entity = mentions.at(head_start, head_end)
    if entity is not None:
        for s, e, ent in mentions.spans:
            if ent is entity and s < head_end and head_start < e:
                char_start, char_end = min(char_start, s), max(char_end, e)
                break
    text = ps.doc.text[char_start - ps.offset : char_end - ps.offset]
    if entity is None and token.lower_ in PERSON_PRONOUNS | GROUP_PRONOUNS:
        if token.lower_ in PERSON_PRONOUNS:
            entity = (mentions.last_before(head_start, {"PERSON"}) if speaker
                      else mentions.salient_before(head_start, {"PERSON"}))
        else:  # "it"/"they" for a group named shortly before ("The Taliban ... they")
            entity = mentions.last_before(head_start, GROUP_TYPES, reach=PRONOUN_REACH)
        if entity is not None:  # name the antecedent; the pronoun stays visible as the mention
            return {"text": entity.name, "entity": entity.id, "mention": text}
    return {"text": text, "entity": entity.id if entity else None}


def with_conjuncts(token: Token) -> list[Token]:
    """A token and the tokens coordinated with it ("Haliti and Benali")."""
    out, stack = [], [token]
    while stack:
        t = stack.pop()
        out.append(t)
        stack.extend(c for c in t.children if c.dep_ == "conj")
    return sorted(out, key=lambda t: t.i)


def is_place(ps: ParsedSentence, token: Token, mentions: MentionIndex) -> bool:
    start, end = ps.char_span(token.i, token.i + 1)
    entity = mentions.at(start, end)
    if entity is not None:
        return entity.type in PLACE_TYPES
    return token.lemma_.lower() in PLACE_NOUNS or token.ent_type_ in PLACE_TYPES
