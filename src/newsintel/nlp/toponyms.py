"""The toponyms of a document: place mentions, place adjectives, and place names inside organisation names.

"Gainesville Police Department", "the University of Kentucky" and "Avoyelles Parish Sheriff's Office" are
organisations, and stay organisations among the entities; but each also names a place, which geoparsing reports and
which helps resolve the document's other places ("Hall County" beside "Gainesville police" is in Georgia).
A name tagged as an organisation as a whole ("Ohio", "Kentucky") is a toponym when it is a state, province or
country, or a city of at least `min_population_whole_org`. A one-word place mention that is a word of a person's
name in the same document ("Clinton" beside "Bill Clinton", "Kristina" beside "Kristina Ivanova") is not a toponym,
unless the document uses the word for a place more often (`_is_person_word`); words before a role word
("Milford Fire Chief Dana Porter") are not the person's name. A town read from a word inside a facility's name
("Naval" of "the Naval Observatory") in a country no other place of the report is in is no place of the report
(`_stray_facility_word`). A compass or feature word alone ("the North", "the Bay") is no toponym
(`_bare_common_word`). Place names that NER misses are added from layout and wording cues (datelines,
"D-S.C.", county lists: `nlp/toponym_cues.py`).
Which words of a mention or name are the place name: `nlp/toponym_spans.py`.
"""

from __future__ import annotations

import functools
import itertools
import re
from collections import Counter
from dataclasses import dataclass

from newsintel.nlp.body_names import body_named
from newsintel.nlp.facility_places import host_place, is_facility, noun_after
from newsintel.nlp.focus import Focus, publisher_focus
from newsintel.nlp.gazetteer import Place, fold, place_key
from newsintel.nlp.geocode import ADJECTIVE_LABELS, PLACE_LABELS, load_resolver
from newsintel.nlp.grouping import RawMention
from newsintel.nlp.toponym_cues import adjective_spans, cue_spans, listed_with_places, mistyped_place, place_cue
from newsintel.nlp.toponym_spans import (
    AREA_KINDS,
    area_end,
    city_area,
    direction_words,
    embedded_spans,
    place_words,
    refine_span,
    strip_article,
)
from newsintel.resources import load_yaml

# A facility (FAC: "Wichita Drive") is a toponym itself; a "person" can host a place when NER mis-typed a body
# ("Springdale Fire Station", "Dover Parks and Recreation").
HOST_LABELS = frozenset({"ORG", "PERSON"})


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




def _person_words(mentions: list[RawMention]) -> Counter[str]:
    """Words of the names of people named in full in the document, with how many person mentions use each: a
    one-word "place" among them may be a person ("Clinton said" beside "Bill Clinton"). Words before a role word
    are not the name ("Brookfield Mayor", "Milford Fire Chief Dana Porter"); a "person" whose name ends in a
    place or resident noun ("Greer Station", "Dover Girls"), starts with a direction word ("Historic Dover")
    or holds a local body's word ("Springdale Fire Station 2") is a mis-tagged place and does not count."""
    not_names = place_words("place_nouns") | place_words("resident_nouns")
    bodies = frozenset(load_yaml("places.yaml")["toponym_cues"]["local_bodies"])
    roles = place_words("toponym_cues", "role_words")
    full: set[str] = set()
    for m in mentions:
        parts = fold(m.text).split()
        after_role = [i for i, w in enumerate(parts) if w in roles]
        name = parts[after_role[-1] + 1:] if after_role else parts
        if (m.label == "PERSON" and len(parts) > 1 and name and name[-1] not in not_names
                and name[0] not in direction_words() and not any(w in bodies for w in name)):
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
    if before and before[-1] in place_words("toponym_cues", "place_not_person_cues"):
        return False
    return SURNAME + word in person or person[word] >= place[word]


def _bare_common_word(name: str) -> bool:
    """"the North", "the Cape", "the Bay": a compass or feature word alone stands for a region or feature the
    report named in full ("North Korea", "Cape Canaveral"), not for a hamlet of that name elsewhere."""
    words = [w for w in fold(name).split() if w != "the"]
    return len(words) == 1 and words[0] in direction_words() | place_words("toponym_cues", "feature_nouns")


def _next_word(text: str, end: int) -> str:
    match = re.match(r"[\s’']*(\w+)", text[end:end + 40])
    return match.group(1) if match else ""



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
              and i not in parts and not _is_person_word(m, text, person, place) and not _bare_common_word(m.text)
              and not body_named(text, mentions, i)]  # "an editor at Tor": a publisher, not a town
    spans = {i: refine_span(text, mentions[i].start, mentions[i].end, mentions[i].label, resolver) for i in chosen}
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
                     and place_cue(text, *strip_article(text, m.start, m.end)))
    listed = listed_with_places(text, mentions, frozenset(chosen))
    mistyped = {i for i, m in enumerate(mentions)
                if i not in parts and _mistyped(m, text, person, cued, i in listed)}
    chosen = [i for i in chosen if i not in mistyped]
    embedded += [strip_article(text, mentions[i].start, mentions[i].end) for i in sorted(mistyped)]
    taken = [(mentions[i].start, mentions[i].end) for i in chosen] + embedded
    embedded += [(s, e) for s, e in cue_spans(text, resolver) if not any(s < te and ts < e for ts, te in taken)]
    inputs = [(*spans[i], mentions[i].label) for i in chosen]
    inputs += [(s, e, "NORP" if (s, e) in adjectives else "GPE") for s, e in embedded]
    return chosen, inputs, embedded


# Names that may be a mistyped place; names that may open with a place adjective (not a person's: "Philip English").
ADJECTIVE_HOSTS = frozenset({"ORG", "EVENT", "LAW"})
MISTYPABLE = frozenset({"PERSON", "ORG", "PRODUCT", "NORP", "WORK_OF_ART", "EVENT", "DATE", "CARDINAL"})



def _mistyped(mention: RawMention, text: str, person: Counter[str], cued: frozenset[str], listed: bool) -> bool:
    """A name typed as something else that is a place by its context (`toponym_cues.mistyped_place`); never a
    word of the name of a person the document names in full."""
    if mention.label not in MISTYPABLE or not mention.text[:1].isupper():
        return False
    if mention.label == "NORP" and load_resolver().adjective_place(mention.text):
        return False
    start, end = strip_article(text, mention.start, mention.end)
    if not mistyped_place(text, start, end, mention.label, load_resolver(), cued, listed):
        return False
    return mention.label != "PERSON" or fold(mention.text) not in person  # "Lucy" beside "Lucy Lau"


def _stray_facility_word(start: int, end: int, span: tuple[int, int], place: Place,
                         placed: list[tuple[int, int, Place | None]]) -> bool:
    """A place read from a word inside the name of a facility or body at start:end ("Naval" of "Naval
    Observatory", "Islita" of "Punta Islita Airport", a province "Bay" of "the Coral Bay Resort") in a country no
    other place of the report lies in, while the report names places elsewhere: a word of the name, or a
    namesake, more likely than the facility's place. A country is not doubted so."""
    if span == (start, end) or place.kind == "country":
        return False  # "the Panama Canal", "the Kenya National Stadium": a country in a name is mostly where it is
    others = [p for s, e, p in placed if p is not None and p.key != place.key  # "U.S." inside the name counts
              and (p.kind != "city" or not (start <= s and e <= end))]
    return bool(others) and not any(p.country == place.country for p in others)


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
        if place is not None and is_facility(m.label, m.text) and _stray_facility_word(
                m.start, m.end, (s, e), place, placed):
            place = None  # "the U.S. Naval Observatory": no town "Naval" abroad
        if m.label in PLACE_LABELS and is_facility(m.label, m.text) and (
                host := host_place(text, m.start, m.end, placed)) is not None:
            (s, e), place = strip_article(text, m.start, m.end), host  # "Whittier's Penn Park" is in Whittier
        elif m.label in PLACE_LABELS and (noun := noun_after(text, m.end)) > m.end and (
                host := host_place(text, m.start, noun, placed)) is not None and host.kind == "city":
            (s, e), place = strip_article(text, m.start, m.end), host  # "Las Vegas' Mandalay Bay resort"
        area = city_area(text, m.start, area_end(text, m.end), (s, e), place) if m.label in PLACE_LABELS else None
        if area is not None:  # "the San Francisco Bay Area", "the Paris region": the area, not the city; the
            place = area  # toponym stays the city's name, which the area is named by
        if m.label in PLACE_LABELS:  # a mention naming a place inside it ("the Warren County Jail") is not it
            inside = area is None and m.start <= s and e <= m.end and (s, e) != (m.start, m.end)
            m.kb_id = place.key if place and not inside else ""
        if m.label in PLACE_LABELS or place is not None:
            out[i] = place
            toponyms.append(Toponym(text[s:e], s, e, place))
    hosts = [(m.start, m.end) for m in mentions if is_facility(m.label, m.text)]  # not bodies: "X Police"
    for (s, e), place in zip(embedded, places[len(chosen):], strict=True):
        host = next(((a, b) for a, b in hosts if a <= s and e <= b and (a, b) != (s, e)), None)
        if place is not None and host is not None and _stray_facility_word(*host, (s, e), place, placed):
            place = None
        toponyms.append(Toponym(text[s:e], s, e, place, embedded=True))
    toponyms.sort(key=lambda t: t.start)
    return out, toponyms
