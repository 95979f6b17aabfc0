"""The toponyms of a document: place mentions, place adjectives, and place names inside organisation names.

"Gainesville Police Department", "the University of Kentucky" and "Avoyelles Parish Sheriff's Office" are
organisations, and stay organisations among the entities; but each also names a place, which geoparsing reports and
which helps resolve the document's other places ("Hall County" beside "Gainesville police" is in Georgia).
A name tagged as an organisation as a whole ("Ohio", "Kentucky") is a toponym when it is a state, province or
country, or a city of at least `min_population_whole_org`. A one-word place mention that is a word of a person's
name in the same document ("Clinton" beside "Bill Clinton", "Kristina" beside "Kristina Ivanova") is not a toponym,
unless the document uses the word for a place more often (`_is_person_word`); words before a role word
("Milford Fire Chief Dana Porter") are not the person's name. Place names that
NER misses are added from layout and wording cues (datelines, "D-S.C.", county lists: `nlp/toponym_cues.py`).
"""

from __future__ import annotations

import functools
import itertools
import re
from collections import Counter
from dataclasses import dataclass

from newsintel.nlp.facility_places import host_place, is_facility
from newsintel.nlp.focus import Focus, publisher_focus
from newsintel.nlp.gazetteer import Place, fold, place_key
from newsintel.nlp.geocode import ADJECTIVE_LABELS, PLACE_LABELS, Resolver, load_resolver
from newsintel.nlp.grouping import RawMention
from newsintel.nlp.toponym_cues import adjective_spans, cue_spans, listed_with_places, mistyped_place, place_cue
from newsintel.resources import load_yaml

# A facility (FAC: "Wichita Drive") is a toponym itself; a "person" can host a place when NER mis-typed a body
# ("Springdale Fire Station", "Dover Parks and Recreation").
HOST_LABELS = frozenset({"ORG", "PERSON"})
AREA_KINDS = frozenset({"country", "continent", "state", "province", "county", "region"})
_WORD = re.compile(r"[A-Z][\w'’.]*|\b(?:of|in)\b")  # hyphenated names are words joined by "-"
_POSSESSIVE = re.compile(r"['’]s$")
MAX_WORDS = 4


@dataclass(slots=True)
class Toponym:
    text: str
    start: int
    end: int
    place: Place | None
    embedded: bool = False  # found inside an organisation or facility name

    def as_json(self) -> dict:
        geo = self.place.as_geo() if self.place else {}
        out = {"text": self.text, "start": self.start, "end": self.end, "name": geo.get("name"),
               "lat": geo.get("lat"), "lon": geo.get("lon"), "geonameid": geo.get("geonameid"),
               "country": geo.get("country")}
        if geo.get("extent_km"):
            out["extent_km"] = geo["extent_km"]  # an area: the point stands for this radius around it
        return out


@functools.cache
def _settings() -> tuple[frozenset[str], int, int]:
    cfg = load_yaml("places.yaml")
    return frozenset(cfg["stoplist"]), cfg["min_population_to_detect"], cfg["min_population_whole_org"]


def _is_place_name(text: str, whole: bool, any_town: bool = False) -> bool:
    """A state, county, country..., or a town big enough to be trusted here (any town when `any_town`)."""
    stoplist, min_pop, min_whole = _settings()
    key = place_key(text)
    if not key or (key in stoplist and not _country_code(text)):
        return False  # "US" in "the US Centers for Disease Control" is the country, "us" no place
    least = 0 if any_town else (min_whole if whole else min_pop)
    resolver = load_resolver()
    for place in resolver.gazetteer.by_key(key):
        if place.kind != "city" or place.population >= least:  # an area, sea, union, river...: "Indian Ocean"
            return True
    # before an office, a county may go without its noun ("Cuyahoga Sheriff")
    return any_town and any(resolver.gazetteer.contains_key(place_key(f"{key} {noun}"))
                            for noun in resolver.cfg["implied_region_nouns"])


def _country_code(text: str) -> bool:
    """An all-capitals short name of a country ("US", "UK")."""
    text = re.sub(r"^[Tt]he\s+", "", text)
    return text.isupper() and any(p.kind == "country" for p in load_resolver().gazetteer.lookup(text))


def embedded_spans(mention: RawMention, next_word: str = "") -> list[tuple[int, int]]:
    """Place names inside an organisation/facility name: the longest at its start, and the one after "of" or "in".
    Before a word naming a local body or office ("Dover Police", "Milford First Selectman", "Cuyahoga
    Sheriff": `next_word` is the word after the mention) any town of the gazetteer counts, else only larger ones."""
    words = [(m.start(), m.end()) for m in _WORD.finditer(mention.text)]
    text = mention.text
    if not words:
        return []
    local = _local_body_words()
    if mention.label != "PERSON" and _is_place_name(text, whole=True, any_town=fold(next_word) in local):
        return [(mention.start, mention.end)]
    spans: list[tuple[int, int]] = []
    starts = [0]
    if mention.label == "ORG" and len(words) > 1 and text[words[0][0]:words[0][1]].isupper():
        starts.append(1)  # a broadcaster's or agency's local office: "CBC Toronto", "CTV Edmonton"
    starts += [i + 1 for i, (s, e) in enumerate(words) if text[s:e] in ("of", "in") and i + 1 < len(words)]
    for first in starts:
        if text[words[first][0]:words[first][1]] in ("of", "in"):
            continue
        for last in range(min(len(words), first + MAX_WORDS) - 1, first - 1, -1):
            if first == 0 and last == len(words) - 1:
                continue  # the whole name is the organisation
            chunk = text[words[first][0]:words[last][1]]
            if " of" in chunk or " in " in chunk or not _contiguous(text, words, first, last):
                continue
            chunk = _POSSESSIVE.sub("", chunk)  # "Dover’s Board of Finance"
            after = fold(text[words[last + 1][0]:words[last + 1][1]]) if last + 1 < len(words) else ""
            if mention.label == "PERSON" and not (first == 0 and after in local):
                continue  # a "person" is a mis-typed body only when named like one ("Springdale Fire")
            if _is_place_name(chunk, whole=False, any_town=first == 0 and after in local):
                start = mention.start + words[first][0]
                spans.append(_strip_article(mention.text, start, start + len(chunk), mention.start))
                break
    return spans


@functools.cache
def _local_body_words() -> frozenset[str]:
    """Words after a town's name that make the name a place: residents, officials, councils."""
    cues = load_yaml("places.yaml")["toponym_cues"]
    return _place_words("resident_nouns") | frozenset(cues["role_words"]) | frozenset(cues["local_bodies"])


def _contiguous(text: str, words: list[tuple[int, int]], first: int, last: int) -> bool:
    """Only spaces or hyphens between the words: "Avoyelles Parish", not "Smith, Jones"."""
    return all(text[words[i][1]:words[i + 1][0]] in (" ", "-") for i in range(first, last))


def _person_words(mentions: list[RawMention]) -> Counter[str]:
    """Words of the names of people named in full in the document, with how many person mentions use each: a
    one-word "place" among them may be a person ("Clinton said" beside "Bill Clinton"). Words before a role word
    are not the name ("Brookfield Mayor", "Milford Fire Chief Dana Porter"); a "person" whose name ends in a
    place or resident noun ("Greer Station", "Dover Girls"), starts with a direction word ("Historic Dover")
    or holds a local body's word ("Springdale Fire Station 2") is a mis-tagged place and does not count."""
    not_names = _place_words("place_nouns") | _place_words("resident_nouns")
    bodies = frozenset(load_yaml("places.yaml")["toponym_cues"]["local_bodies"])
    roles = _place_words("toponym_cues", "role_words")
    full: set[str] = set()
    for m in mentions:
        parts = fold(m.text).split()
        after_role = [i for i, w in enumerate(parts) if w in roles]
        name = parts[after_role[-1] + 1:] if after_role else parts
        if (m.label == "PERSON" and len(parts) > 1 and name and name[-1] not in not_names
                and name[0] not in _direction_words() and not any(w in bodies for w in name)):
            full.update(name)
    uses: Counter[str] = Counter()
    for m in mentions:
        if m.label == "PERSON":
            parts = fold(m.text).split()
            uses.update(w for w in set(parts) if w in full)
            if len(parts) > 1 and parts[-1] in full:
                uses[SURNAME + parts[-1]] += 1
    return uses


SURNAME = "\0"  # marks surname entries in the person-word counts


def _is_person_word(mention: RawMention, text: str, person: Counter[str], place: Counter[str]) -> bool:
    """A place mention that is a word of a person's name is a person, unless a word that goes with places only
    ("in", "from"; not "to" or "for") comes before it, or the document uses the word for places more often and
    never as a surname ("Brookfield" beside "Brookfield Estates")."""
    word = fold(mention.text)
    if word not in person:
        return False
    before = fold(text[max(0, mention.start - 20):mention.start]).split()
    if before and before[-1] in _place_words("toponym_cues", "place_not_person_cues"):
        return False
    return SURNAME + word in person or person[word] >= place[word]


def _next_word(text: str, end: int) -> str:
    match = re.match(r"[\s’']*(\w+)", text[end:end + 40])
    return match.group(1) if match else ""


@functools.cache
def _place_words(*path: str) -> frozenset[str]:
    """A word list of `places.yaml`, by its keys ("toponym_cues", "role_words")."""
    data = load_yaml("places.yaml")
    for key in path:
        data = data[key]
    return frozenset(data)


_COMPOUND = re.compile(r"[^\W\d_][\w.’']*")


def compound_parts(mention: RawMention) -> list[tuple[int, int]]:
    """The places of a hyphenated compound: "Turkish-Russian" (relations), "German-Iraqi" (a boy), "U.S.-led" (a
    campaign): each part before the hyphens that names a place or is a place adjective, when the mention as a
    whole is no place and every part is one, or the last part is a word such as "led" or "based"."""
    if "-" not in mention.text or mention.label not in PLACE_LABELS | ADJECTIVE_LABELS | HOST_LABELS:
        return []
    resolver = load_resolver()
    if resolver.gazetteer.lookup(mention.text):
        return []
    pieces = [(m.start(), m.end()) for m in _COMPOUND.finditer(mention.text)]
    words = [mention.text[s:e].rstrip("’'") for s, e in pieces]
    if len(pieces) < 2 or any(mention.text[e:s2] != "-" for (_, e), (s2, _) in itertools.pairwise(pieces)):
        return []
    named = [bool(resolver.adjective_place(w) or any(p.kind in AREA_KINDS for p in resolver.gazetteer.lookup(w)))
             for w in words]
    if words[-1].lower() in _compound_words():
        named, pieces = named[:-1], pieces[:-1]
    if not named or not all(named):
        return []
    return [(mention.start + s, mention.start + e) for s, e in pieces]


@functools.cache
def _compound_words() -> frozenset[str]:
    return frozenset(load_yaml("places.yaml")["toponym_cues"]["compound_words"])


def toponym_inputs(text: str, mentions: list[RawMention],
                   ) -> tuple[list[int], list[tuple[int, int, str]], list[tuple[int, int]]]:
    """What to resolve: the chosen mention indexes, the resolver's inputs `(start, end, label)` (the chosen
    mentions' refined spans, then the embedded and cue spans), and the embedded and cue spans."""
    resolver = load_resolver()
    person = _person_words(mentions)
    place = Counter(fold(m.text) for m in mentions if m.label in PLACE_LABELS)
    parts = {i: found for i, m in enumerate(mentions) if (found := compound_parts(m))}
    chosen = [i for i, m in enumerate(mentions) if (m.label in PLACE_LABELS or m.label in ADJECTIVE_LABELS)
              and i not in parts and not _is_person_word(m, text, person, place)]
    spans = {i: _refine_span(text, mentions[i].start, mentions[i].end, mentions[i].label, resolver) for i in chosen}
    adjectives = {span for found in parts.values() for span in found
                  if resolver.adjective_place(text[span[0]:span[1]])}
    hosts = [i for i, m in enumerate(mentions) if i not in parts and (m.label in ADJECTIVE_HOSTS or (
        m.label == "FAC" and i in spans and not resolver.candidates(text[slice(*spans[i])], m.label)))]
    inside = {i: found for i in hosts if (found := adjective_spans(mentions[i].text, mentions[i].start, resolver))}
    chosen = [i for i in chosen if not (mentions[i].label == "FAC" and i in inside)]  # "the Turkish Embassy"
    adjectives.update(span for found in inside.values() for span in found)
    embedded = [span for i, m in enumerate(mentions) if i not in parts and m.label in HOST_LABELS | {"EVENT"}
                for span in embedded_spans(m, _next_word(text, m.end))]
    embedded += [span for found in parts.values() for span in found]
    embedded += [span for found in inside.values() for span in found if not any(
        span[0] < e and s < span[1] for s, e in embedded)]
    cued = frozenset(place_key(m.text) for m in mentions if m.label in MISTYPABLE | PLACE_LABELS
                     and place_cue(text, *_strip_article(text, m.start, m.end)))
    listed = listed_with_places(text, mentions, frozenset(chosen))
    mistyped = {i for i, m in enumerate(mentions)
                if i not in parts and _mistyped(m, text, person, cued, i in listed)}
    chosen = [i for i in chosen if i not in mistyped]
    embedded += [_strip_article(text, mentions[i].start, mentions[i].end) for i in sorted(mistyped)]
    taken = [(mentions[i].start, mentions[i].end) for i in chosen] + embedded
    embedded += [(s, e) for s, e in cue_spans(text, resolver) if not any(s < te and ts < e for ts, te in taken)]
    inputs = [(*spans[i], mentions[i].label) for i in chosen]
    inputs += [(s, e, "NORP" if (s, e) in adjectives else "GPE") for s, e in embedded]
    return chosen, inputs, embedded


# Names that may be a mistyped place; names that may open with a place adjective (not a person's: "Philip English").
ADJECTIVE_HOSTS = frozenset({"ORG", "EVENT", "LAW"})
MISTYPABLE = frozenset({"PERSON", "ORG", "PRODUCT", "NORP", "WORK_OF_ART", "EVENT", "DATE", "CARDINAL"})


def _strip_article(text: str, start: int, end: int, offset: int = 0) -> tuple[int, int]:
    """The span without a leading "the" (`text` begins at `offset` of the document)."""
    return (start + 4, end) if text[start - offset:start - offset + 4].lower() == "the " else (start, end)


def _mistyped(mention: RawMention, text: str, person: Counter[str], cued: frozenset[str], listed: bool) -> bool:
    """A name typed as something else that is a place by its context (`toponym_cues.mistyped_place`); never a
    word of the name of a person the document names in full."""
    if mention.label not in MISTYPABLE or not mention.text[:1].isupper():
        return False
    if mention.label == "NORP" and load_resolver().adjective_place(mention.text):
        return False
    start, end = _strip_article(text, mention.start, mention.end)
    if not mistyped_place(text, start, end, mention.label, load_resolver(), cued, listed):
        return False
    return mention.label != "PERSON" or fold(mention.text) not in person  # "Lucy" beside "Lucy Lau"


def document_evidence(text: str, mentions: list[RawMention]) -> set[tuple[str, str | None]]:
    """The regions a document names without doubt, from the same toponyms it is geocoded with: what its
    publisher's focus counts (`nlp/focus.py`)."""
    return load_resolver().evidence(text, toponym_inputs(text, mentions)[1])


def document_toponyms(text: str, mentions: list[RawMention], source: str | None = None,
                      focus: Focus | None = None) -> tuple[dict[int, Place | None], list[Toponym]]:
    """Resolve the place mentions, place adjectives and embedded place names of a document together.

    `focus` is what the document's publisher usually writes about; by default the installed focus of `source`
    (`nlp/focus.py`), which geocoding only reads, so a document resolves the same way in any batch or order.
    Returns mention index -> place (None when unresolved) for the mentions that are toponyms (place mentions get
    the place's key as `kb_id`, so they group by the place they resolve to), and all toponyms in text order."""
    chosen, inputs, embedded = toponym_inputs(text, mentions)
    if focus is None:
        focus = publisher_focus(source)
    places = load_resolver().resolve(text, inputs, focus)
    out: dict[int, Place | None] = {}
    toponyms: list[Toponym] = []
    placed = [(s, e, p) for (s, e, _), p in zip(inputs, places, strict=True)]
    for i, (s, e, _), place in zip(chosen, inputs, places, strict=False):
        m = mentions[i]
        if m.label in PLACE_LABELS and is_facility(m.label, m.text) and (
                host := host_place(text, m.start, m.end, placed)) is not None:
            (s, e), place = _strip_article(text, m.start, m.end), host  # "Whittier's Penn Park" is in Whittier
        if m.label in PLACE_LABELS:  # a mention naming a place inside it ("the Warren County Jail") is not it
            inside = m.start <= s and e <= m.end and (s, e) != (m.start, m.end)
            m.kb_id = place.key if place and not inside else ""
        if m.label in PLACE_LABELS or place is not None:
            out[i] = place
            toponyms.append(Toponym(text[s:e], s, e, place))
    for (s, e), place in zip(embedded, places[len(chosen):], strict=True):
        toponyms.append(Toponym(text[s:e], s, e, place, embedded=True))
    toponyms.sort(key=lambda t: t.start)
    return out, toponyms


_LEFT_WORD = re.compile(r"([A-Z][\w.'’]*)[ \t]+$")
_RIGHT_WORD = re.compile(r"[ \t]+([A-Z][\w'’]*)")
_ABBREVIATION_HEAD = re.compile(r"(?:[A-Z][a-z]{1,4}|[A-Z]\.\s?[A-Z])\.(?=\s)")


def _refine_span(text: str, start: int, end: int, label: str, resolver: Resolver) -> tuple[int, int]:
    """The place name a place mention stands for. A neighbouring capitalised word joins it when the two make a
    known place ("Elk" + "Grove", "ST." + "LOUIS"); a mention that names no place as a whole ("the Warren
    County Jail", "North Texas", "Tulsa Airport") shrinks to the place name after "in", at its start (after
    a direction word), or after "of"."""
    if label not in PLACE_LABELS:
        return start, end
    words = fold(text[start:end]).split()
    institutions = _place_words("toponym_cues", "institution_nouns")
    if len(words) > 1 and words[0] in ("st", "saint") and words[-1] in institutions:
        return start, end  # "St. Michael's Hospital" is named after a saint, not a town
    gazetteer = resolver.gazetteer
    head = _ABBREVIATION_HEAD.match(text, start, end)
    if head and resolver.town_qualifier(text, start, head.end()):
        return start, head.end()  # "Monroeville, Ala. An Amber Alert" tagged "Ala. An"
    left = _LEFT_WORD.search(text, max(0, start - 30), start)
    if left and gazetteer.contains_key(place_key(text[left.start(1):end])):
        return left.start(1), end
    right = _RIGHT_WORD.match(text, end, end + 30)
    if right and gazetteer.contains_key(place_key(text[start:right.end(1)])):
        return start, right.end(1)
    if gazetteer.lookup(text[start:end]):
        return start, end  # a place as a whole, "North Carolina" too
    first = re.match(r"(\S+)\s+", text[start:end])
    if (first and fold(first.group(1)) in _direction_words() - {"the"}
            and resolver.candidates(text[start + first.end():end], label)):
        return start + first.end(), end  # "North Texas" is Texas, and says so
    if resolver.candidates(text[start:end], label):
        return start, end
    core = _core_span(text, start, end, towns_of_any_size=label != "FAC")
    if core and fold(text[start:end]).split()[-1] in _place_words("toponym_cues", "street_nouns") and not any(
            p.kind in AREA_KINDS for p in gazetteer.lookup(text[core[0]:core[1]])):
        return start, end  # "Main Street" is no town called Main; "Douglas County Road" is in the county
    if core and _names_a_feature(text, start, end, core):
        return start, end  # "Lake Vermont" is not the state
    return core or (start, end)


def _names_a_feature(text: str, start: int, end: int, core: tuple[int, int]) -> bool:
    """A lake or mountain named with its noun before a place name ("Lake Vermont", "Lake Robinson") is the
    feature, which lies elsewhere than the state or town of that name; with the noun after the name ("Catawba
    River", "Las Vegas Valley") the feature is usually by the place, which stands for it."""
    before = fold(text[start:core[0]]).split()
    return bool(before and before[-1] in _place_words("toponym_cues", "feature_nouns"))


def _whole(sub: str, start: int, end: int) -> bool:
    """The chunk is the whole mention (but for a leading "the"), which named no place as a whole: "the Indian
    Ocean coast" holds "Indian Ocean", but "the Ural Mountains" is not itself a part of it."""
    return end == len(sub) and sub[:start].strip().lower() in ("", "the")


def _core_span(text: str, start: int, end: int, towns_of_any_size: bool = True) -> tuple[int, int] | None:
    """The place name inside a longer place mention. In a facility's name (`towns_of_any_size` False) a town
    too small to be trusted without context counts only as the name's head ("Cottonport Fire Station"), never as
    a later word ("Bastille Day"), a place adjective ("the German Consulate") or a noun before "of" ("the Abbey
    of Gethsemani"): a hamlet named like such a word is no evidence of where the facility is."""
    sub = text[start:end]
    words = [(m.start(), m.end()) for m in _WORD.finditer(sub)]
    skip = _direction_words()
    first = 0
    while first < len(words) - 1 and fold(sub[words[first][0]:words[first][1]]) in skip:
        first += 1
    after = {w: [i + 1 for i, (s, e) in enumerate(words) if sub[s:e] == w and i + 1 < len(words)] for w in ("of", "in")}
    # "Church in Lexington" first; a direction word starts a name when the two make one ("Central and South America")
    starts = [*after["in"], *range(first), first, *range(first + 1, len(words)), *after["of"]]
    head = first
    for any_town in (False, True):  # "United Ohio": the state before a hamlet called United
        for first in dict.fromkeys(starts):
            for last in range(min(len(words), first + MAX_WORDS) - 1, first - 1, -1):
                chunk = sub[words[first][0]:words[last][1]]
                if _whole(sub, words[first][0], words[last][1]) or chunk in ("of", "in") or " of" in chunk or \
                        " in " in chunk or not _contiguous(sub, words, first, last):
                    continue
                chunk = _POSSESSIVE.sub("", chunk)
                if any_town and not towns_of_any_size and not _heads_facility(sub, words, first, last, head):
                    continue
                if _is_place_name(chunk, whole=False, any_town=any_town):
                    return start + words[first][0], start + words[first][0] + len(chunk)
    return None


def _heads_facility(sub: str, words: list[tuple[int, int]], first: int, last: int, head: int) -> bool:
    """The words first..last open the facility's name, are no place adjective and come before no "of"."""
    chunk = sub[words[first][0]:words[last][1]]
    followed_by_of = last + 1 < len(words) and sub[words[last + 1][0]:words[last + 1][1]] == "of"
    return first == head and not followed_by_of and load_resolver().gazetteer.adjective(chunk) is None


@functools.cache
def _direction_words() -> frozenset[str]:
    return frozenset(load_yaml("places.yaml")["toponym_cues"]["direction_words"])
