"""In-document entity grouping: the mentions of one person, group or place become one `Entity`.

- Places group by gazetteer id when they have one ("Raqqa", "ar-Raqqah"), else by folded name.
- Organisations group by the alias table in `data/org_aliases.yaml` ("ISIS", "Daesh", "the Islamic State"),
  by acronym ("Kosovo Liberation Army" ... "KLA"), else by folded name.
- People: a shorter name joins the one longer name whose words contain it ("Baghdadi", "al-Baghdadi" join
  "Abu Bakr al-Baghdadi"); a short name that fits two people ("Mohammed") stays on its own rather than guess,
  except a surname two relatives share ("Zuma" after "Jacob Zuma ... Khulubuse Zuma"): it is the one named in
  full most recently before it. A lone surname used before the one person it fits is named, when that person is
  then introduced as someone's relative ("Roe says ... her father, Tom Roe, ..."), is someone else (the one the
  report is about, named in full only in its headline): it stays on its own, and so do its later lone uses.
  A lone surname the NER model tagged ORG/NORP/GPE joins the person it names; so does a lone given name tagged
  ORG ("Dale" in a report naming "Dale Roe": the model reads a first name alone as a group), unless it is a kept
  organisation's name or follows a determiner ("its Patriot missiles"). A one-word ORG introduced as someone's
  kin ("her brother Dale", "Dale's wife") is a person too.
"""

from __future__ import annotations

import functools
import re
from collections import Counter
from dataclasses import dataclass, field

from newsintel.model import Entity, Mention
from newsintel.nlp.gazetteer import fold, load_gazetteer, place_key
from newsintel.resources import load_yaml

PLACE_TYPES = {"GPE", "LOC", "FAC"}
ACRONYM_STOPWORDS = {"of", "the", "and", "for", "in", "al", "el", "de", "la"}


@dataclass(slots=True)
class RawMention:
    text: str
    start: int
    end: int
    sentence: int
    label: str
    kb_id: str = ""


@dataclass(slots=True)
class _Group:
    type: str
    key: str
    words: tuple[str, ...] = ()
    canonical: str | None = None
    mentions: list[RawMention] = field(default_factory=list)


@functools.cache
def entity_types() -> dict[str, str]:
    return dict(load_yaml("entity_types.yaml"))


@functools.cache
def org_aliases() -> dict[str, str]:
    """Folded alias -> canonical organisation name."""
    table: dict[str, str] = {}
    for canonical, aliases in load_yaml("org_aliases.yaml").items():
        for alias in [canonical, *aliases]:
            table[_org_key(alias)] = canonical
    return table


def _org_key(text: str) -> str:
    words = fold(text).split()
    if words and words[0] == "the":
        words = words[1:]
    return " ".join(words)


@functools.cache
def _name_noise() -> frozenset[str]:
    parts = load_yaml("name_parts.yaml")
    return frozenset(parts["titles"]) | frozenset(parts["articles"])


@functools.cache
def _org_name_words() -> tuple[frozenset[str], frozenset[str]]:
    data = load_yaml("org_names.yaml")
    return frozenset(data["first_words"]), frozenset(data["last_words"])


def org_first_words() -> frozenset[str]:
    return _org_name_words()[0]


def corrected_label(text: str, label: str) -> str:
    """PERSON/NORP names headed like an organisation ("Liwa ...", "... Brigade") are organisations; so is a
    "place" opening with an armed group's word ("Liwa al-Muhajirin" tagged GPE) that the gazetteer does not know."""
    if label not in ("PERSON", "NORP", *PLACE_TYPES):
        return label
    words = [w.rstrip(".,") for w in strip_the(text).lower().replace("-", " ").split()]  # "Inc." -> "inc"
    first, last = _org_name_words()
    if len(words) < 2:
        return label
    if label in PLACE_TYPES:
        return "ORG" if words[0] in first and not load_gazetteer().lookup(text) else label
    if words[0] in first or words[-1] in last:
        return "ORG"
    return label


@functools.cache
def _particles() -> frozenset[str]:
    return frozenset(p for p in load_yaml("name_variants.yaml")["joined_particles"] if len(p) > 1)


def person_words(text: str) -> tuple[str, ...]:
    """The words that identify a person: folded, without titles, honorifics or Arabic articles, particles glued
    to the next word as the resolver does ("Ben-Ali" = "Ben Ali" = "Benali")."""
    noise, particles = _name_noise(), _particles()
    words: list[str] = []
    for word in fold(text).split():
        if word in noise:
            continue
        if words and words[-1] in particles:
            words[-1] += word
        else:
            words.append(word)
    if words and words[-1] in ("s",):  # possessive "Haliti's" folds to "haliti s"
        words = words[:-1]
    return tuple(words)


def acronym(text: str) -> str:
    return "".join(w[0] for w in fold(text).split() if w not in ACRONYM_STOPWORDS)


def _best_name(group: _Group) -> str:
    if group.canonical:
        return group.canonical
    counts = Counter(strip_the(m.text) for m in group.mentions)

    def preference(text: str) -> tuple[bool, int, int, int, int]:
        words = len(person_words(text)) if group.type == "PERSON" else 0
        spelled_out = int(group.type == "ORG" and not text.isupper())
        return not text.startswith("@"), words, spelled_out, counts[text], len(text)  # a handle names no one

    return max(counts, key=preference)


def strip_the(text: str) -> str:
    """"the Kosovo" -> "Kosovo": NER spans often take the article."""
    return text[4:] if text[:4].lower() == "the " else text


def _initialled(words: tuple[str, ...], full: tuple[str, ...]) -> bool:
    """"M. Benali" for "Muhammad Benali": the same surname, the given names shortened to their initials."""
    return len(words) == len(full) > 1 and words[-1] == full[-1] and words != full and all(
        a == b or (len(a) == 1 and b.startswith(a)) for a, b in zip(words[:-1], full[:-1], strict=True))


@dataclass(slots=True)
class _People:
    """The person groups, indexed by their words, so that attaching a name looks only at groups sharing its last
    word (both a containing name and an initialled one do) and a long document's cost stays linear."""

    by_words: dict[tuple[str, ...], _Group] = field(default_factory=dict)
    by_word: dict[str, list[_Group]] = field(default_factory=dict)

    def add(self, groups: list[_Group], group: _Group) -> None:
        groups.append(group)
        self.by_words.setdefault(group.words, group)
        for word in dict.fromkeys(group.words):
            self.by_word.setdefault(word, []).append(group)


@functools.cache
def _relative_before() -> re.Pattern[str]:
    """"her father, ", "his younger brother ", "Roe's wife, ": what introduces a name as someone's relative
    (`family_nouns`, `spouse_nouns` in data/relations.yaml)."""
    data = load_yaml("relations.yaml")
    nouns = "|".join(sorted((re.escape(n) for n in (*data["family_nouns"], *data["spouse_nouns"])), key=len,
                            reverse=True))
    return re.compile(rf"(?:\b(?:his|her|their)|['’]s)\s+(?:[\w-]+\s+)?(?:{nouns}),?\s+$", re.I)


def _introduced_later_as_relative(group: _Group, lone: list[RawMention], text: str) -> bool:
    """Is `group` first named as someone's relative after the surname alone was used in two sentences before?
    (Used once, the surname may be the relative's own first mention: "X visited Roe. Her cousin, Tom Roe, ...")"""
    first = min(m.start for m in group.mentions)
    return len({m.sentence for m in lone if m.start < first}) > 1 and \
        _relative_before().search(text[max(0, first - 40):first]) is not None


def _attach_person(groups: list[_Group], people: _People, mention: RawMention, words: tuple[str, ...],
                   text: str = "", lone: list[RawMention] | None = None) -> None:
    same = people.by_words.get(words)
    if same is not None:
        same.mentions.append(mention)
        return
    fits = [g for g in people.by_word.get(words[-1], ()) if set(words) < set(g.words) or _initialled(words, g.words)]
    if len(words) == 1 and text and lone:  # "Roe says ... her father, Tom Roe": the surname is not the father's
        fits = [g for g in fits if not _introduced_later_as_relative(g, lone, text)]
    if len(fits) > 1 and len(words) == 1 and all(g.words[-1] == words[0] for g in fits):  # a shared surname
        fits = _last_named(fits, mention.start)
    if len(fits) == 1:
        fits[0].mentions.append(mention)
    else:
        people.add(groups, _Group("PERSON", " ".join(words), words, mentions=[mention]))


def _last_named(fits: list[_Group], start: int) -> list[_Group]:
    """Of the people a lone name fits ("Zuma" after "Jacob Zuma ... his nephew Khulubuse Zuma"), the one named in
    full most recently before it, as a reader takes it; none named before it, it stays on its own."""
    latest = [(max((m.start for m in g.mentions if m.start < start), default=-1), i) for i, g in enumerate(fits)]
    if not latest:
        return fits
    best, index = max(latest)
    return [fits[index]] if best >= 0 and sum(1 for b, _ in latest if b == best) == 1 else fits


def group_mentions(mentions: list[RawMention], doc_id: str, text: str = "") -> list[Entity]:
    """Group NER mentions into entities; entity ids are `<doc_id>-e<n>` in order of first mention. `text`: the
    document's text, which tells a relative introduced by a name from the person a lone surname stands for."""
    types = entity_types()
    aliases = org_aliases()
    groups: list[_Group] = []
    index = _People()
    people: list[tuple[RawMention, tuple[str, ...]]] = []
    others: list[RawMention] = []
    for m in mentions:
        m.label = corrected_label(m.text, m.label)
        kind = types.get(m.label)
        if kind is None:
            continue
        if kind == "PERSON":  # kb_id: the name a handle stands for ("@elonmusk": "Elon Musk"), nlp/name_echoes.py
            words = person_words(m.kb_id or m.text)
            if words:
                people.append((m, words))
        else:
            others.append(m)
    # Longest names first, so short forms find the full name they belong to.
    lone: dict[str, list[RawMention]] = {}  # a one-word name -> its mentions
    for m, words in people:
        if len(words) == 1:
            lone.setdefault(words[0], []).append(m)
    for m, words in sorted(people, key=lambda p: (-len(p[1]), p[0].start)):
        _attach_person(groups, index, m, words, text, lone.get(words[-1]) if len(words) == 1 else None)
    owners = Counter(g.words[-1] for g in groups if len(g.words) > 1)  # two people share it: it names neither
    surnames = {g.words[-1]: g for g in groups if len(g.words) > 1 and owners[g.words[-1]] == 1}
    given = _given_names(groups)
    kin = {person_words(m.text)[0] for m in others if _one_word_org(m) and _kin_named(text, m.start, m.end)}
    by_key: dict[tuple[str, str], _Group] = {}
    for m in others:
        kind = types[m.label]
        org_key = _org_key(m.kb_id if kind == "ORG" and m.kb_id else m.text)  # a handle: its organisation
        if org_key in aliases:
            key, kind, canonical = ("ORG", aliases[org_key]), "ORG", aliases[org_key]
        elif kind in PLACE_TYPES:
            key, canonical = ("PLACE", m.kb_id or place_key(m.text)), None
        else:
            words = person_words(m.text)
            if m.kb_id == "" and len(words) == 1 and words[0] in surnames:
                alone = index.by_words.get(words)  # "Roe" kept apart from the relative "Tom Roe": it joins that one
                (alone or surnames[words[0]]).mentions.append(m)
                continue
            if _one_word_org(m) and not _after_determiner(text, m.start):
                if words[0] in given:  # "Dale" in a report naming "Dale Roe"
                    m.label = "PERSON"
                    given[words[0]].mentions.append(m)
                    continue
                if words[0] in kin:  # "her brother Dale ... Dale said": a person the report names no further
                    _lone_person(index, groups, words, m)
                    continue
            if m.kb_id == "" and len(words) == 1 and owners[words[0]] > 1:  # a person, but which one is unsaid
                _lone_person(index, groups, words, m)
                continue
            key, canonical = (kind, org_key), None
        group = by_key.get(key)
        if group is None:
            group = by_key[key] = _Group(kind, key[1], canonical=canonical)
            groups.append(group)
        group.mentions.append(m)
    _merge_acronyms(groups)
    _merge_nicknames(groups)
    groups = [g for g in groups if g.mentions]
    groups.sort(key=lambda g: min(m.start for m in g.mentions))
    return [_to_entity(g, f"{doc_id}-e{n}") for n, g in enumerate(groups, 1)]


def _lone_person(people: _People, groups: list[_Group], words: tuple[str, ...], mention: RawMention) -> None:
    """A one-word name read as a person the report names no further: one group per such name."""
    mention.label = "PERSON"
    alone = people.by_words.get(words)
    if alone is None:
        alone = _Group("PERSON", words[0], words)
        people.add(groups, alone)
    alone.mentions.append(mention)


def _given_names(groups: list[_Group]) -> dict[str, _Group]:
    """First word of a full person's name -> that person, when one person of the report has it and it is no
    other person's last word (then the surname rules decide)."""
    full = [g for g in groups if len(g.words) > 1]
    firsts = Counter(g.words[0] for g in full)
    lasts = {g.words[-1] for g in full}
    return {g.words[0]: g for g in full if firsts[g.words[0]] == 1 and g.words[0] not in lasts}


_DETERMINERS = frozenset({"the", "a", "an", "its", "their", "our", "his", "her", "my", "your", "this", "that"})


def _after_determiner(text: str, start: int) -> bool:
    """Whether a determiner stands right before the name ("its Patriot missiles"): a modifier, not a name alone."""
    before = text[max(0, start - 12):start].split()
    return bool(before) and before[-1].lower() in _DETERMINERS


@functools.cache
def _kin_after() -> re.Pattern[str]:
    """"'s wife", "'s younger brother": after a name, what makes it someone with kin (no "partner": companies
    have partners)."""
    data = load_yaml("relations.yaml")
    nouns = "|".join(sorted((re.escape(n) for n in (*data["family_nouns"], *data["spouse_nouns"])
                             if n not in _NOT_KIN), key=len, reverse=True))
    return re.compile(rf"^['’]s\s+(?:[a-z-]+\s+)?(?:{nouns})\b")


_NOT_KIN = frozenset({"partner", "relative", "child", "children"})


def _kin_named(text: str, start: int, end: int) -> bool:
    """Whether the name is introduced as a relative ("her brother, Dale") or has one ("Dale's mother")."""
    if not text:
        return False
    before = _relative_before().search(text[max(0, start - 40):start])
    if before is not None and not re.search(r"\bpartner,?\s+$", before.group(0), re.I):
        return True
    return _kin_after().match(text[end:end + 40]) is not None


def _one_word_org(m: RawMention) -> bool:
    """A one-word name tagged ORG that is no kept organisation's name nor a handle's: maybe a person's name."""
    from newsintel.nlp.type_fixes import kept_type

    return m.label == "ORG" and m.kb_id == "" and len(person_words(m.text)) == 1 and kept_type(m.text) is None


def _merge_acronyms(groups: list[_Group]) -> None:
    """"KLA" joins "Kosovo Liberation Army" when that is the only organisation it abbreviates."""
    orgs = [g for g in groups if g.type == "ORG" and g.mentions]
    by_acronym: dict[str, list[_Group]] = {}  # acronym -> the groups with a mention it abbreviates

    def index(group: _Group, mentions: list[RawMention]) -> None:
        for short_form in {acronym(m.text) for m in mentions}:
            holders = by_acronym.setdefault(short_form, [])
            if not any(g is group for g in holders):
                holders.append(group)

    for group in orgs:
        index(group, group.mentions)
    for short in orgs:
        text = short.mentions[0].text
        if not (text.isupper() and 2 <= len(text) <= 6) or short.canonical:
            continue
        targets = [g for g in by_acronym.get(text.lower(), ()) if g is not short and g.mentions]
        if len(targets) == 1:
            targets[0].mentions.extend(short.mentions)
            index(targets[0], short.mentions)
            short.mentions = []


def _merge_nicknames(groups: list[_Group]) -> None:
    """"Texans" tagged NORP in a report naming the "Houston Texans" is the team: a one-word NORP group joins the
    one kept organisation of the report (`data/kept_names.yaml`) whose name ends in that word."""
    from newsintel.nlp.type_fixes import kept_type

    orgs = [g for g in groups if g.type == "ORG" and g.mentions and len(g.key.split()) > 1
            and kept_type(g.mentions[0].text) == "ORG"]
    for group in groups:
        if group.type != "NORP" or not group.mentions or len(group.key.split()) != 1:
            continue
        targets = [g for g in orgs if g.key.split()[-1] == group.key]
        if len(targets) == 1:
            targets[0].mentions.extend(group.mentions)
            group.mentions = []


def _to_entity(group: _Group, entity_id: str) -> Entity:
    mentions = sorted(group.mentions, key=lambda m: m.start)
    name = _best_name(group)
    labels = Counter(m.label for m in mentions if entity_types().get(m.label) == group.type)
    kind = group.type if group.type in ("PERSON", "ORG") or not labels else entity_types()[labels.most_common(1)[0][0]]
    aliases = sorted({m.text for m in mentions} - {name})
    return Entity(
        id=entity_id, name=name, type=kind, aliases=aliases,
        mentions=[Mention(m.text, m.start, m.end, m.sentence, m.label) for m in mentions],
    )
