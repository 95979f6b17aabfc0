"""What tells two similar reports apart as two incidents: when, where and who, read off the report's head (its
title and first sentences), compared pairwise when a new article is scored against a stored one.

Two earthquakes in one country a year apart, two arrests of different people in one city, two tram crashes in two
cities share most words and places; what differs is the discriminating evidence:
- **when**: the incident's date, with its precision (`datevalues`): the publication day, or for a report with no
  publication date the first date its head states ("in March 2024", "on 6 February 2023"); a report with neither
  has an unknown date, never "the same" one. Dates far apart make one incident unlikely.
- **where**: the places the head of a report on a located incident (a crash, a quake, a shooting, an arrest: its
  words in the data file) names at one granularity (towns, or provinces and states), far apart and none of them
  named anywhere in the other report. A retirement or a policy is not told apart by the towns its reports name.
- **who**: the named people an event of the head is done to or by (the man arrested, the official charged), none
  of them named anywhere in the other report (a name the tagger took for an organisation counts too: one is
  rarely arrested).
The evidence is kept in the article's stored profile under its own key prefixes (never counted as similarity
evidence); rules and factors are data (`incidents` in `data/stories.yaml`).
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable
from datetime import date
from typing import Any

from newsintel.extract.timex import find_phrases, normalise
from newsintel.model import Record
from newsintel.nlp.gazetteer import fold
from newsintel.nlp.grouping import person_words
from newsintel.resolve.story_keys import entity_key

WHEN_PREFIX = "w:"  # w:<normalised date value> of a report with no publication date
WHERE_PREFIX = "h:"  # h:<granularity>:<place key>@<lat>,<lon> of a place its head names
WHO_PREFIX = "k:"  # k:<event family>:<surname> of a person a head event is done to or by
MARK_PREFIXES = (WHEN_PREFIX, WHERE_PREFIX, WHO_PREFIX)

_WORD = re.compile(r"[a-z]+")
_MONTH = (r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?")
_ORD = r"\d{1,2}(?:st|nd|rd|th)?"
# "6 February 2023", "February 6, 2023", "March 2024": dates that need no publication date to resolve
_FULL_DATE = re.compile(rf"\b(?:{_ORD}\s+)?{_MONTH}(?:\s+{_ORD})?,?\s+(?:19|20)\d\d\b", re.IGNORECASE)


def is_mark(key: str) -> bool:
    return key.startswith(MARK_PREFIXES)


def _head_end(record: Record, sentences: int) -> tuple[int, bool]:
    """(end offset of the head's body sentences, whether the text opens with the title)."""
    doc = record.document
    opens_with_title = bool(doc.title) and doc.text.startswith(doc.title or "")
    last = (1 if opens_with_title else 0) + sentences - 1
    if not record.sentences:
        return 0, opens_with_title
    return record.sentences[min(last, len(record.sentences) - 1)].end, opens_with_title


def stated_date(text: str) -> str | None:
    """The first date in `text` that resolves without a publication date ("in 2023", "6 February 2023"); relative
    ones ("on Tuesday", "last March") do not."""
    spans = sorted({m.span() for m in _FULL_DATE.finditer(text)} | set(find_phrases(text)))
    taken = -1
    for start, end in spans:
        if start < taken:
            continue  # inside a longer date already tried
        taken = end
        value = normalise(text[start:end], None)
        if value:
            return value
    return None


def marks(record: Record, cfg: dict[str, Any]) -> dict[str, float]:
    """The when/where/who marks of one report (see the module docstring)."""

    doc = record.document
    end, opens_with_title = _head_end(record, cfg["head_sentences"])
    head_text = doc.text[:end] if opens_with_title else f"{doc.title or ''}\n{doc.text[:end]}"
    title = f" {fold(doc.title or '')} "
    out: dict[str, float] = {}
    if not doc.published:
        value = stated_date(head_text)
        if value:
            out[WHEN_PREFIX + value] = 1.0
    located = bool(set(_WORD.findall(fold(head_text))) & set(cfg["located_incident_words"]))
    granularity = {kind: name for name, kinds in cfg["place_granularity"].items() for kind in kinds}
    people: dict[str, tuple[str, str]] = {}
    for entity in record.entities:
        in_head = any(m.start < end for m in entity.mentions) or f" {fold(entity.name)} " in title
        geo = entity.geo or {}
        level = granularity.get(geo.get("kind") or "")
        if located and in_head and level and entity.type in ("GPE", "LOC", "FAC") and geo.get("lat") is not None:
            key = entity_key(entity.name, entity.type)
            if key:
                out[f"{WHERE_PREFIX}{level}:{key}@{geo['lat']:.3f},{geo['lon']:.3f}"] = 1.0
        if entity.type in cfg["participant_types"]:
            key = participant_key(entity.name, entity.type)
            if key:
                people[entity.id] = (key, entity.type)
    family_of = {t: family for family, types in cfg["participant_events"].items() for t in types}
    for event in record.events:
        family = family_of.get(event.get("type") or "")
        if family is None or event.get("start", end) >= end:
            continue
        if event.get("modality") not in (None, "asserted"):
            continue
        for role, types in cfg["participant_roles"].items():
            for arg in event.get(role) or []:
                key, type_ = people.get(arg.get("entity") or "", ("", ""))
                if key and type_ in types:
                    out[f"{WHO_PREFIX}{family}:{key}"] = 1.0
    return out


def participant_key(name: str, type_: str) -> str:
    """A person by surname (as story evidence counts one alone, "e:<surname>"), anything else by its name key."""

    if type_ == "PERSON":
        words = person_words(name)
        return words[-1] if words else ""
    return entity_key(name, type_)


def _interval(value: str) -> tuple[int, int] | None:
    first, _, last = value.partition("/")
    try:
        return date.fromisoformat(first[:10]).toordinal(), date.fromisoformat((last or first)[:10]).toordinal()
    except ValueError:
        return None


def when(profile: dict[str, float], day: int, dated: bool) -> tuple[int, int] | None:
    """The incident's first and last possible day: the publication day, else the stated date, else unknown."""
    if dated:
        return day, day
    for key in profile:
        if key.startswith(WHEN_PREFIX):
            return _interval(key[len(WHEN_PREFIX):])
    return None


def days_apart(a: tuple[int, int], b: tuple[int, int]) -> float:
    """0 when the two spans overlap ("2023" holds "2023-03-05"); else the gap, and for a coarse span at least half
    its width (two different years are some months apart, whatever their nearest days)."""
    if a[0] <= b[1] and b[0] <= a[1]:
        return 0.0
    gap = max(b[0] - a[1], a[0] - b[1])
    return max(float(gap), max(a[1] - a[0], b[1] - b[0]) / 2)


def date_factor(a: tuple[int, int] | None, b: tuple[int, int] | None, cfg: dict[str, Any]) -> float:
    if a is None or b is None:
        return float(cfg["undated"])
    apart = days_apart(a, b)
    if apart > cfg["far_days"]:
        return float(cfg["far"])
    return cfg["floor"] + (1 - cfg["floor"]) * math.exp(-apart / cfg["tau_days"])


def _km(a: tuple[float, float], b: tuple[float, float]) -> float:
    la1, lo1, la2, lo2 = map(math.radians, (*a, *b))
    h = math.sin((la2 - la1) / 2) ** 2 + math.cos(la1) * math.cos(la2) * math.sin((lo2 - lo1) / 2) ** 2
    return 12742.0 * math.asin(math.sqrt(min(1.0, h)))


def _head_places(profile: Iterable[str]) -> dict[str, dict[str, tuple[float, float]]]:
    out: dict[str, dict[str, tuple[float, float]]] = {}
    for key in profile:
        if key.startswith(WHERE_PREFIX):
            level, _, rest = key[len(WHERE_PREFIX):].partition(":")
            name, _, point = rest.rpartition("@")
            lat, _, lon = point.partition(",")
            out.setdefault(level, {})[name] = (float(lat), float(lon))
    return out


def different_places(a: dict[str, float], b: dict[str, float], cfg: dict[str, Any]) -> bool:
    """Both heads name places at one granularity, none shared or near, none named anywhere in the other report."""
    pa, pb = _head_places(a), _head_places(b)
    for level in pa.keys() & pb.keys():
        if any(f"p:{k}" in b for k in pa[level]) or any(f"p:{k}" in a for k in pb[level]):
            continue
        near = cfg["same_place_km"][level]
        if all(_km(x, y) > near for x in pa[level].values() for y in pb[level].values()):
            return True
    return False


def _participants(profile: Iterable[str]) -> dict[str, set[str]]:
    out: dict[str, set[str]] = {}
    for key in profile:
        if key.startswith(WHO_PREFIX):
            type_, _, surname = key[len(WHO_PREFIX):].partition(":")
            out.setdefault(type_, set()).add(surname)
    return out


def different_participants(a: dict[str, float], b: dict[str, float]) -> bool:
    """Both heads have an event of one family (an arrest, a sentence, an acquittal are all "justice") done to or
    by named people, none of them named in the other report."""
    wa, wb = _participants(a), _participants(b)
    return any(not any(f"e:{p}" in b for p in wa[t]) and not any(f"e:{p}" in a for p in wb[t])
               for t in wa.keys() & wb.keys())


def incident_factor(a: dict[str, float], a_when: tuple[int, int] | None, b: dict[str, float],
                    b_when: tuple[int, int] | None, cfg: dict[str, Any]) -> tuple[float, bool]:
    """(how much the when/where/who evidence leaves of two reports' similarity, whether it tells them apart as two
    incidents: far-apart dates, different places or different people). Two incidents are never copies of one
    report, however alike their wording (wire copy is written to a template)."""
    factor = date_factor(a_when, b_when, cfg["date"])
    apart = a_when is not None and b_when is not None and days_apart(a_when, b_when) > cfg["date"]["far_days"]
    if different_places(a, b, cfg):
        factor *= cfg["different_places"]
        apart = True
    if different_participants(a, b):
        factor *= cfg["different_participants"]
        apart = True
    return factor, apart
