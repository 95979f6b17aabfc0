"""Arguments: from a head token of a parsed sentence to `{"text", "entity"}`, linked to the document's entities.

A head inside an entity mention links to that entity; a pronoun stands for the noun of a governing clause that
agrees with it (`antecedents.py`), else "he"/"she" for the first person named in the nearest sentence before, "it"
for a group named shortly before; a relative pronoun ("who") stands for the noun its clause describes, and a
common noun with a name beside it ("his sister, Anna Lindqvist") for the name.
"""

from __future__ import annotations

import functools
from bisect import bisect_right
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from spacy.tokens import Token

from newsintel.extract.antecedents import (
    GROUP_PRONOUNS,
    PERSON_PRONOUNS,
    PLURAL_PRONOUNS,
    RELATIVE_PRONOUNS,
    given_name_gender,
    named_apposition,
    syntactic_antecedent,
)
from newsintel.extract.describe import actor_words, describe
from newsintel.extract.lexicon import lexicon
from newsintel.extract.parse import ParsedSentence
from newsintel.extract.partitives import share_text, share_whole
from newsintel.extract.reflexives import emphatic_owner
from newsintel.extract.role_words import kin_word, name_first_place_head, origin_phrase, site_whole
from newsintel.extract.subjects import stray_subject_noun
from newsintel.model import Entity

NP_LEFT_DEPS = {"det", "amod", "compound", "nummod", "poss", "nmod", "quantmod", "case", "predet", "nn"}
__all__ = [
    "PLURAL_PRONOUNS",
    "MentionIndex",
    "is_country",
    "is_named_place",
    "is_place",
    "make_arg",
    "noun_phrase",
    "pronoun_gender",
    "pronoun_tokens",
    "with_conjuncts",
]
GROUP_TYPES = {"ORG", "NORP"}
PRONOUN_REACH = 400  # characters back to look for the antecedent of a pronoun
PLACE_TYPES = {"GPE", "LOC", "FAC"}
PLACE_NOUNS = {"border", "camp", "city", "town", "village", "country", "province", "region", "area", "capital",
               "home", "abroad", "frontier", "prison", "jail", "airport", "port", "crossing", "district", "territory",
               "countryside", "mountains", "desert", "coast", "europe", "north", "south", "east", "west"}

NAMED_PLACE_HEADS = {"post", "checkpoint", "river", "sea", "strait", "lake", "valley", "base", "airbase", "bridge",
                     "gate", "harbour", "harbor", "station", "square", "street", "avenue", "road", "mountain",
                     "province", "governorate", "mosque", "hotel", "market", "consulate", "embassy"}


@dataclass(slots=True)
class MentionIndex:
    """Entity mentions of one document, sorted by start offset, for linking spans to entities."""

    starts: list[int]
    spans: list[tuple[int, int, Entity]]
    sentences: list[int]  # sentence index of each span
    # (offset, sentence, gender) of people introduced by a common noun as a subject (`anaphors.mark_genders`)
    described_subjects: list[tuple[int, int, str | None]] = field(default_factory=list)

    @classmethod
    def build(cls, entities: list[Entity]) -> MentionIndex:
        spans = sorted(((m.start, m.end, e, m.sentence) for e in entities for m in e.mentions), key=lambda s: s[0])
        return cls([s[0] for s in spans], [s[:3] for s in spans], [s[3] for s in spans])

    def type_at(self, ps: ParsedSentence, token: Token) -> str | None:
        start, end = ps.char_span(token.i, token.i + 1)
        entity = self.at(start, end)
        return entity.type if entity is not None else None

    def recent_person(self, offset: int, sentence: int, exclude: frozenset[str] = frozenset(),
                      reach: int = 2, gender: str | None = None) -> Entity | None:
        """The antecedent of "he"/"she" across sentences: the first person named in the nearest sentence (the
        pronoun's own, before it, or up to `reach` sentences back) that names one; subjects come first in English
        news sentences, and a new sentence about someone usually continues from the last one that named them."""
        i = bisect_right(self.starts, offset) - 1
        best: tuple[int, int, Entity] | None = None
        while i >= 0 and self.sentences[i] >= sentence - reach:
            start, end, entity = self.spans[i]
            if entity.type == "PERSON" and end <= offset and entity.id not in exclude and _gender_ok(entity, gender):
                key = (self.sentences[i], -start)
                if best is None or key >= best[:2]:
                    best = (*key, entity)
            i -= 1
        return best[2] if best is not None else None

    def unnamed_between(self, entity: Entity, offset: int, sentence: int, gender: str | None) -> bool:
        """Whether a person introduced by a common noun as a subject, of a gender the pronoun allows, comes in a
        sentence after the last one naming `entity` before `offset`, at most two before the pronoun's own sentence
        ("President Dupont spoke. A witness described the scene. He ran away": he may be the witness)."""
        named = max((self.sentences[i] for i, (s, _, e) in enumerate(self.spans) if e is entity and s < offset),
                    default=None)
        return named is not None and any(max(named, sentence - 3) < index < sentence and (
            gender is None or g is None or g == gender) for _, index, g in self.described_subjects)

    def at(self, start: int, end: int) -> Entity | None:
        """The entity whose mention overlaps [start, end)."""
        i = bisect_right(self.starts, end - 1) - 1
        while i >= 0 and self.spans[i][1] > start - 200:
            s, e, entity = self.spans[i]
            if s < end and start < e:
                return entity
            i -= 1
        return None

    def salient_before(self, offset: int, types: set[str], reach: int = 600,
                       exclude: frozenset[str] = frozenset(), gender: str | None = None) -> Entity | None:
        """The antecedent of "he"/"she": among the people named in the last `reach` characters, the one the
        document mentions most (news stories keep returning to their protagonist), the latest on a tie."""
        i = bisect_right(self.starts, offset) - 1
        seen: dict[str, tuple[Entity, int]] = {}
        while i >= 0 and self.spans[i][0] >= offset - reach:
            start, end, entity = self.spans[i]
            if entity.type in types and end <= offset and entity.id not in seen and entity.id not in exclude \
                    and _gender_ok(entity, gender):
                seen[entity.id] = (entity, start)
            i -= 1
        if not seen:  # the last person named before, unless the pronoun rules them out (no one further back)
            last = None if exclude else self.last_before(offset, types)
            return last if last is not None and _gender_ok(last, gender) else None
        return max(seen.values(), key=lambda c: (len(c[0].mentions), c[1]))[0]

    def last_before(self, offset: int, types: set[str], reach: int | None = None,
                    skip: Callable[[Entity], bool] | None = None) -> Entity | None:
        i = bisect_right(self.starts, offset) - 1
        while i >= 0:
            start, end, entity = self.spans[i]
            if reach is not None and start < offset - reach:
                return None
            if entity.type in types and end <= offset and not (skip is not None and skip(entity)):
                return entity
            i -= 1
        return None


def _modifier_start(adjective: Token) -> int:
    """Where an adjective modifier begins with its own name-like modifiers: "Costa Rican", "South African" (the
    parser hangs "Costa" on "Rican"), not its adverbs ("very")."""
    start = adjective.i
    while True:
        left = next((c for c in adjective.lefts if c.i == start - 1 and c.dep_ in ("amod", "compound")
                     and c.pos_ in ("PROPN", "ADJ")), None)
        if left is None:
            return start
        start = left.i


def noun_phrase(token: Token) -> tuple[int, int]:
    """Token range [start, end) of the minimal noun phrase headed by `token` (left modifiers, flat names);
    a collective head takes its "of" phrase along ("a group of Uzbek volunteers", "dozens of fighters")."""
    if token.pos_ == "ADP" and token.dep_ in ("nsubj", "nsubjpass"):  # "All on board were killed"
        return token.left_edge.i, token.right_edge.i + 1
    start = token.i
    for child in token.lefts:
        if child.dep_ in NP_LEFT_DEPS or (child.dep_ == "punct" and child.text == "-"):
            start = min(start, child.left_edge.i if child.dep_ in ("compound", "poss", "nmod") else
                        _modifier_start(child) if child.dep_ == "amod" else child.i)
    end = token.i + 1
    for child in token.rights:
        if child.dep_ in ("compound", "flat", "nummod"):  # not a possessive "'s" (GUIDELINES.md: without them)
            end = max(end, child.right_edge.i + 1)
        else:
            break
    if token.lemma_.lower() in lexicon().collectives or token.lower_ in lexicon().collectives or token.like_num:
        of = next((c for c in token.rights if c.lower_ == "of" and c.dep_ == "prep"), None)
        pobj = next((g for g in of.children if g.dep_ == "pobj"), None) if of is not None else None
        if pobj is not None:
            end = max(end, noun_phrase(pobj)[1])
    if (whole := site_whole(token)) is not None:  # "the wall of the German consulate", not a bare "wall"
        end = max(end, noun_phrase(whole)[1])
    while start < token.i and token.doc[start].dep_ == "det" and token.doc[start].lower_ in ("the", "a", "an"):
        start += 1
    close = max((t.i for t in token.doc[start:token.i] if t.text == ")"), default=None)
    if close is not None and not any(t.text == "(" for t in token.doc[start + 1:close]):
        start = close + 1  # "(CNN) Boko Haram militants": a dateline's credit before the phrase, not of it
    return start, end


def resolve_relative(token: Token) -> Token:
    """"who" in "the man, who fled" stands for "man"."""
    if token.lower_ in RELATIVE_PRONOUNS or token.lower_ == "where":  # "Gaziantep, from where smugglers..."
        head = token.head
        while head.dep_ not in ("relcl", "acl") and head.head.i != head.i:
            if head.dep_ in ("ROOT",):
                return token
            head = head.head
        if head.dep_ in ("relcl", "acl"):
            return _person_for_who(token, head.head)
    return token


def _person_for_who(who: Token, noun: Token) -> Token:
    """"the driver of the truck, who mowed them down": "who" stands for a person, so when the parse hangs the
    clause on a thing inside an "of" phrase, it is the person the phrase belongs to."""
    if who.lower_ not in ("who", "whom") or noun.pos_ != "NOUN" or noun.dep_ != "pobj" or noun.head.lower_ != "of":
        return noun
    owner = noun.head.head
    return owner if owner.pos_ in ("NOUN", "PROPN") and _a_person_word(owner) and not _a_person_word(noun) else noun


def _kin_owner(ps: ParsedSentence, noun: Token, mentions: MentionIndex) -> bool:
    """Someone who can have a cousin or a wife: a person's name, or a common noun for a person; not the place in
    "a native of Chibok", "a farmer from Tikrit", whatever type the NER model gave it."""
    if noun.dep_ == "pobj" and origin_phrase(noun.head):
        return False
    if noun.pos_ == "PROPN":
        return mentions.type_at(ps, noun) == "PERSON" or (mentions.type_at(ps, noun) is None and noun.ent_type_ ==
                                                           "PERSON")
    return noun.pos_ == "NOUN" and not is_place(ps, noun, mentions) and _a_person_word(noun)


def _a_person_word(token: Token) -> bool:
    words = actor_words()
    lemma = token.lemma_.lower()
    return token.pos_ == "PROPN" or lemma in words.role_of or lemma in words.person_nouns or \
        lemma in words.group_nouns or lemma in words.collective_nouns


def _named_place(token: Token) -> Token:
    """"the town of Kacanik" is Kacanik."""
    if token.lemma_.lower() in PLACE_NOUNS:
        of = next((c for c in token.children if c.dep_ == "prep" and c.lower_ == "of"), None)
        name = next((g for g in of.children if g.dep_ == "pobj" and g.pos_ == "PROPN"), None) if of else None
        if name is not None:
            return name
    return token


def pronoun_tokens(ps: ParsedSentence, token: Token, mentions: MentionIndex) -> list[Token]:
    """The tokens an argument head stands for in its sentence: a pronoun's antecedent with its conjuncts
    ("Karim Saleh and his wife Noor decided they had to leave": both), the names listed beside a common noun,
    else the token itself."""
    head = resolve_relative(emphatic_owner(token) or token)  # "the mayor, himself awaiting trial": the mayor
    name = named_apposition(head, lambda t: mentions.type_at(ps, t))
    if name is not None and any(c.dep_ == "conj" for c in name.children):
        return with_conjuncts(name)  # "two men, Ali Haddad and teacher Omar Said, were killed": both names
    if head.lower_ in PERSON_PRONOUNS | GROUP_PRONOUNS | PLURAL_PRONOUNS:
        antecedent = syntactic_antecedent(head, lambda t: mentions.type_at(ps, t))
        if antecedent is not None and antecedent.pos_ != "PRON":
            return with_conjuncts(resolve_relative(antecedent)) if head.lower_ in PLURAL_PRONOUNS else [antecedent]
    return [token]


def make_arg(ps: ParsedSentence, token: Token, mentions: MentionIndex, speaker: bool = False,
             _depth: int = 0) -> dict[str, Any]:
    """`speaker`: "he said" usually means the person just introduced, so take the latest, not the most salient."""
    token = resolve_relative(emphatic_owner(token) or token)
    types = functools.partial(mentions.type_at, ps)
    if token.lower_ in PERSON_PRONOUNS | GROUP_PRONOUNS | PLURAL_PRONOUNS and _depth < 3:
        antecedent = syntactic_antecedent(token, types)
        if antecedent is not None:
            arg = make_arg(ps, antecedent, mentions, speaker, _depth + 1)
            return {**arg, "mention": token.text, "_pron": ps.char_span(token.i, token.i + 1)}
    token = _named_place(named_apposition(token, types) or token)
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
    if entity is None and (whole := share_whole(token)) is not None:  # "five of whom": five of the 25 defendants
        text = share_text(token, noun_phrase(whole), start)
    if entity is None and start < token.i and ps.doc[start].lower_ == "whose" and ps.doc[start].dep_ == "poss":
        # "a farmer whose brother was kidnapped": the farmer's brother, not "whose brother"
        owner, rest = _whose_owner(ps, token, start, mentions), ps.doc.text[
            ps.char_span(start + 1, end)[0] - ps.offset : char_end - ps.offset]
        text = f"{owner}'s {rest}" if owner is not None else rest
    if entity is None and token.lower_ in PERSON_PRONOUNS | GROUP_PRONOUNS:
        if token.lower_ in PERSON_PRONOUNS:
            gender = pronoun_gender(token.lower_)
            entity = (mentions.last_before(head_start, {"PERSON"}) if speaker
                      else mentions.recent_person(head_start, ps.index, gender=gender)
                      or mentions.salient_before(head_start, {"PERSON"}, gender=gender))
            if entity is not None and not speaker and mentions.unnamed_between(entity, head_start, ps.index, gender):
                entity = None  # "A witness described the scene. He ran away": not the president named before
        else:  # "it"/"they" for a group named shortly before ("The Taliban ... they"), not the outlet reporting
            entity = mentions.last_before(head_start, GROUP_TYPES, reach=PRONOUN_REACH,
                                          skip=None if speaker else news_outlet)
        if entity is not None:  # name the antecedent; the pronoun stays visible as the mention
            return {"text": entity.name, "entity": entity.id, "mention": text, "_pron": (head_start, head_end),
                    "_across": True}
    arg: dict[str, Any] = {"text": text, "entity": entity.id if entity else None}
    if entity is None:  # what the words say about an unnamed participant, for `actors.py` (removed before output)
        arg["_d"] = describe(ps, token, start, end, lambda t: mentions.at(*ps.char_span(t.i, t.i + 1)))
    return arg


def _whose_owner(ps: ParsedSentence, token: Token, start: int, mentions: MentionIndex) -> str | None:
    """The words for the owner of the "whose" that opens a phrase at `start` ("Anna Berg, a nurse whose husband was
    held": Anna Berg), when the relative clause hangs on a noun (a person, for a word of kin); None otherwise."""
    noun = resolve_relative(token.doc[start])
    if noun.i == start or noun.pos_ not in ("NOUN", "PROPN"):
        return None
    if kin_word(token) and not _kin_owner(ps, noun, mentions):
        # "a native of Mosul whose uncle was seized": the native's uncle, not Mosul's (kin belong to people)
        noun = noun.head.head if noun.dep_ == "pobj" and noun.head.dep_ == "prep" else noun
        if not _kin_owner(ps, noun, mentions):
            return None
    noun = named_apposition(noun, functools.partial(mentions.type_at, ps)) or noun
    if noun.dep_ == "appos" and noun.head.pos_ == "PROPN":  # "Jonas Berg, a farmer whose ...": Jonas Berg
        noun = noun.head
    entity = mentions.at(*ps.char_span(noun.i, noun.i + 1))
    if entity is not None:
        return entity.name
    n_start, n_end = noun_phrase(noun)
    return ps.doc.text[ps.char_span(n_start, n_end)[0] - ps.offset : ps.char_span(n_start, n_end)[1] - ps.offset]


def with_conjuncts(token: Token) -> list[Token]:
    """A token and the tokens coordinated with it ("Haliti and Benali")."""
    out, stack = [], [token]
    while stack:
        t = stack.pop()
        out.append(t)
        stack.extend(c for c in t.children if c.dep_ == "conj" and not stray_subject_noun(c))
    return sorted(out, key=lambda t: t.i)


def is_place(ps: ParsedSentence, token: Token, mentions: MentionIndex) -> bool:
    start, end = ps.char_span(token.i, token.i + 1)
    entity = mentions.at(start, end)
    if entity is not None:
        return entity.type in PLACE_TYPES
    opening = next((c for c in token.lefts if c.dep_ != "det"), token)  # "Promenade" in "the Promenade des Anglais"
    if token.pos_ == "PROPN" and opening.pos_ == "PROPN" and name_first_place_head(opening):
        return True  # "the Promenade des Anglais", "Boulevard Voltaire": the place word opens the name
    if token.lemma_.lower() in NAMED_PLACE_HEADS:  # "the Ras Jedir border post", "the Evros river"
        return any(c.dep_ == "compound" and c.pos_ == "PROPN" for c in token.children)
    return token.lemma_.lower() in PLACE_NOUNS or token.ent_type_ in PLACE_TYPES


def is_named_place(ps: ParsedSentence, token: Token, mentions: MentionIndex) -> bool:
    """A place a reader can find on a map (GUIDELINES.md: named places only): a place entity or a proper noun, also
    as the name in "the town of Kacanik" or "the Jaber border post"; "the border", "home", "prison", "the area",
    "Greek territory" are not. Such words still decide an event's route (`prep_roles.py`), but are no argument."""
    token = _named_place(token)
    start, end = ps.char_span(token.i, token.i + 1)
    entity = mentions.at(start, end)
    if entity is not None and entity.type in PLACE_TYPES:
        return True  # the route rules chose the token: a name the NER model typed otherwise ("from Arsal") stays
    if token.pos_ == "PROPN" and token.text.islower():  # a word tagged as a name: "go from west to east"
        return False
    return token.pos_ == "PROPN" or any(c.dep_ == "compound" and c.pos_ == "PROPN" for c in token.children)


def is_country(ps: ParsedSentence, token: Token, mentions: MentionIndex) -> bool:
    """Whether the place named at `token` is a country (its gazetteer entry, or its entity's name)."""
    from newsintel.nlp.gazetteer import load_gazetteer  # here: newsintel.nlp imports this package

    start, end = ps.char_span(token.i, token.i + 1)
    entity = mentions.at(start, end)
    name = entity.name if entity is not None else token.text
    places = load_gazetteer().lookup(name) or load_gazetteer().lookup(token.text)
    return bool(places) and places[0].kind == "country"


def news_outlet(entity: Entity) -> bool:
    """A news outlet or wire ("Reuters", "CNN", "the Daily Mail": a word of its name is in
    `org_kind_name_words.media`, data/attribution.yaml): it reports what a group did, so a report's "it" that acts
    ("when it kidnapped hundreds", "as it shelled the town") is not the outlet named in "Reuters reported" before it;
    an outlet stays a speaker ("the paper said it had seen the letter" is read with `speaker`)."""
    words = {w.strip(".,()'’").lower() for w in entity.name.split()}
    media = set(lexicon().attribution.get("org_kind_name_words", {}).get("media", ()))
    return bool(words & media)


def pronoun_gender(word: str) -> str | None:
    """"male" for he/him/his, "female" for she/her, else None (the relation word lists say which is which)."""
    for gender, words in lexicon().relations["gender_words"].items():
        if word.lower() in words:
            return gender
    return None


def _gender_ok(entity: Entity, gender: str | None) -> bool:
    """A person whose stated gender ("her husband, X") or given name ("Laura ...", data/given_names.yaml: names
    given to both men and women are not listed) contradicts the pronoun cannot be its antecedent."""
    known = entity.attributes.get("gender") if entity.attributes else None
    if known is None and gender is not None:
        words = entity.name.split()
        given = given_name_gender(words[0]) if len(words) > 1 else None
        known = {"m": "male", "f": "female"}.get(given or "")
    return gender is None or known is None or known == gender
