"""Conflicting figures: the same thing counted differently by different sources ("about 300 fighters" left Raqqa
says one, "up to 5,000 people" says another).

Two figures are about the same thing when they count the same class (people, money, ...), share no contradicting
qualifier (nationality, whose place) and either
- share an anchor: the same event family, in the same role, at the same resolved place or group ("leaving from
  Ar Raqqah" whether the report wrote Raqqa, Raqqah or ar-Raqqa), or
- belong to the same story (articles about one event) and have events of the same family near them, only one of
  them with a resolved place, which the other's report names in its lead ("left the city" in a report that opens
  on Raqqah, "left Raqqah" in the other).
A conflict is two such figures from different documents whose ranges do not overlap (a lower bound, "at least 59",
is open above; vague plurals, "dozens", are not figures), with the figures about the same thing as both through
the same anchor, unless all of them are shown in a larger conflict. Figures whose events are dated more than
`apart_days` apart are about different things; a story pairs no figure whose event is dated that long before its
report (a past attack the report recalls), and a figure with no date of its own in a report recalling a past
incident (`Figure.undated`: its date is unknown, which keeps it from no figure of its story) is paired through a
shared anchor only, never through the story's lead (a list of past shootings under a report on today's), as
is one outside its report's head that the report may date so (`_may_be_past`). Each
value keeps its modality, who gave it, its source and its date with that date's precision (its events' stated time,
"2017-10" for "in October 2017", else the report's day): the analyst decides, newsintel only shows the
disagreement. Anchoring: `figures.py`; lexicons: `data/conflicts.yaml`.
"""

from __future__ import annotations

import math
from datetime import date
from typing import Any

from newsintel.resolve.place_names import country_name, display_name
from newsintel.resolve.story_incidents import days_apart
from newsintel.store import document_reads as reads
from newsintel.store.gateway import Database
from newsintel.views.common import Sources, said_by, when_fields
from newsintel.views.confidence import default_min_confidence
from newsintel.views.figures import WHO, Anchor, Figure, all_figures, config

PLACE_ROLES = ("from", "to", "at")
INCIDENT = "incident"  # the family of a story's head figures: what its reports open on


def disagree(a: tuple[float, float], b: tuple[float, float], outcome: str | None = None) -> bool:
    cfg = config()
    (lo, hi), (lo2, _hi2) = sorted([a, b])
    least = float(cfg["min_value_with_outcome" if outcome else "min_value"])
    return hi < lo2 and lo2 >= max(hi, 1.0) * float(cfg["min_ratio"]) and max(hi, lo) >= least


def same_qualifiers(a: Figure, b: Figure, family: str) -> bool:
    """Same nationality/place qualifiers once the places of their shared `family` of events are taken out ("400
    left Belgium to fight in Syria", compared on fighting, is qualified by Belgium, not Syria), or a shared one;
    a figure with none is only compared with another with none (rather show too few conflicts than invent them)."""
    where = {k for f in (a, b) for role, keys in f.events.get(family, {}).items() if role in PLACE_ROLES
             for k in keys}
    qa, qb = a.qualifiers - where, b.qualifiers - where
    return qa == qb or bool(qa & qb)


def _places_agree(a: Figure, b: Figure, family: str) -> bool:
    """No place role that both name with different places (left Raqqa vs left Mosul), and not only different
    people doing it or having it done to them (an attack by one man, an attack by another)."""
    ra, rb = a.events.get(family, {}), b.events.get(family, {})
    return all(not (ra.get(r) and rb.get(r)) or bool(ra[r] & rb[r]) for r in (*PLACE_ROLES, WHO))


def _places(f: Figure, family: str) -> set[str]:
    return {k for r in PLACE_ROLES for k in f.events.get(family, {}).get(r, ())}


def _story_family(a: Figure, b: Figure) -> tuple[str, str] | None:
    """(family, place key) of events near both figures of one story when only one side resolved the place
    ("left Raqqah" / "left the city") and the other's report names that place in its first sentences (what the
    report is about, not a past attack it recalls), each with an event in its own sentences (not only the lead's).
    Both resolved: only a
    shared anchor pairs them; neither: too vague to pair."""
    found = []
    for family in a.events.keys() & b.events.keys():
        pa, pb = _places(a, family), _places(b, family)
        if bool(pa) == bool(pb) or not same_qualifiers(a, b, family) or not _places_agree(a, b, family):
            continue
        named = (pa & b.lead) if pa else (pb & a.lead)
        if named:
            found.append((family, min(named)))
    return min(found) if found else None


def _days(a: str, b: str) -> int:
    try:
        return abs((date.fromisoformat(a) - date.fromisoformat(b)).days)
    except ValueError:
        return 0


def _span(f: Figure) -> tuple[int, int] | None:
    """First and last day (ordinals) of the figure's date: its events' stated time, else its report's publication
    day, else unknown (no report date, or a report recalling a past incident: `Figure.undated`)."""
    if f.when is None and f.undated:
        return None
    first, last = f.when or (f.published, f.published)
    try:
        return date.fromisoformat(first or "").toordinal(), date.fromisoformat(last or "").toordinal()
    except ValueError:
        return None


def _days_apart(a: Figure, b: Figure) -> float | None:
    """Days between the two figures' dates with their precision (`story_incidents.days_apart`: 0 when the spans
    overlap, "2023" against a day in 2024 at least half a year); None when either is unknown."""
    sa, sb = _span(a), _span(b)
    return None if sa is None or sb is None else days_apart(sa, sb)


def _apart(a: Figure, b: Figure) -> bool:
    """Their dates are known and further apart than `apart_days` (one story), `cross_story_days` (two stories, or
    none), or one of them is unknown and they are not of one story."""
    one_story = a.story is not None and a.story == b.story
    apart = _days_apart(a, b)
    if apart is None:
        return not one_story
    return apart > config()["apart_days" if one_story else "cross_story_days"]


def _recalled(f: Figure) -> bool:
    """Its event is dated well before its report was published: background, not the story's event."""
    return bool(f.when and f.published and f.when[1] < f.published
                and _days(f.when[1], f.published) > config()["apart_days"])


def _may_be_past(f: Figure) -> bool:
    """Its date is unknown (`Figure.undated`), or it has none of its own outside its report's head and its report
    dates events of its kind long before (a list of past shootings under a report on today's)."""
    return f.undated or (f.recalls and not f.head)


def about_same(a: Figure, b: Figure) -> Anchor | None:
    """What two figures are both about, or None when they may be about different things."""
    if a.kind != b.kind or a.outcome != b.outcome or _apart(a, b):
        return None
    shared = sorted((x for x in a.anchors & b.anchors if _places_agree(a, b, x[0]) and same_qualifiers(a, b, x[0])),
                    key=lambda x: (x[1] not in PLACE_ROLES, x))
    if shared:
        return shared[0]
    if a.story is None or a.story != b.story or _recalled(a) or _recalled(b) or _may_be_past(a) or _may_be_past(b):
        return None  # the story's lead is what its reports are on, not the past incidents one of them recalls
    if not (a.from_lead or b.from_lead):
        found = _story_family(a, b)
        if found:
            return found[0], "story", f"{a.story}:{found[1]}"
    if a.head and b.head and a.outcome and same_qualifiers(a, b, ""):
        return INCIDENT, "story", str(a.story)
    return None


def _name(conn: Database, anchor: Anchor) -> str:
    family, role, key = anchor
    if family == INCIDENT:
        return f"story {key}"
    if role == "story":
        story, place = key.split(":", 1)
        return f"{_name(conn, ('', '', place))} (story {story})"
    if key.startswith("c:"):
        return country_name(key[2:]) or key[2:]
    if key.startswith("g:"):  # the place identity's name ("Raqqa, Syria"), else the gazetteer's
        return reads.place_identity_name(conn, key[2:]) or display_name(key[2:]) or key[2:]
    return reads.identity_name(conn, key[2:]) or key


def _groups(figures: list[Figure], reasons: dict[tuple[int, int], Anchor]) -> list[tuple[list[int], Anchor]]:
    """For each disagreeing pair (figures from different documents), the figures about the same thing as both
    through the same anchor (no chains: A like B and B like C does not put A with C); a group whose figures all
    sit in a larger group is left out."""
    linked: dict[tuple[int, Anchor], set[int]] = {}
    for (i, j), anchor in reasons.items():
        linked.setdefault((i, anchor), set()).add(j)
        linked.setdefault((j, anchor), set()).add(i)
    found = []
    for (i, j), anchor in reasons.items():
        if figures[i].document != figures[j].document and disagree(figures[i].range, figures[j].range,
                                                                    figures[i].outcome):
            found.append((sorted({i, j} | (linked[(i, anchor)] & linked[(j, anchor)])), anchor))
    found.sort(key=lambda g: (-len(g[0]), g[1][1] not in PLACE_ROLES, g[1], g[0]))
    kept: list[tuple[list[int], Anchor]] = []
    for group, anchor in found:
        if not any(set(group) <= set(other) for other, _ in kept):
            kept.append((group, anchor))
    return kept


def _pairs(figures: list[Figure]) -> set[tuple[int, int]]:
    """Pairs worth comparing: same class, a shared anchor or story, reports published at most
    `report_window_days` apart, each figure with at most `max_compared` earlier ones of its block (blocking and a
    bound, so the cost grows with the figures, not with their square)."""
    blocks: dict[tuple[str, ...], list[int]] = {}
    for i, f in enumerate(figures):
        keys: set[tuple[str, ...]] = {(f.kind, *a) for a in f.anchors}
        if f.story is not None:
            keys |= {(f.kind, family, "story", str(f.story)) for family in f.events}
            if f.head and f.outcome:
                keys.add((f.kind, INCIDENT, "story", str(f.story), f.outcome))
        for key in keys:
            blocks.setdefault(key, []).append(i)
    out: set[tuple[int, int]] = set()
    window, most = config()["report_window_days"], config()["max_compared"]
    for members in blocks.values():
        dated = sorted((date.fromisoformat(figures[i].published).toordinal(), i) for i in members
                       if _iso_day(figures[i].published))
        undated = [i for i in members if not _iso_day(figures[i].published)]
        out |= {(min(i, j), max(i, j)) for i in undated for j in members if i != j}
        start = 0
        for end, (day, j) in enumerate(dated):  # a sliding window: the nearest reports in time, a bounded number
            while dated[start][0] < day - window or end - start > most:
                start += 1
            out |= {(min(i, j), max(i, j)) for _, i in dated[start:end]}
    return out


def _span_value(when: tuple[str, str] | None) -> str | None:
    """A figure's events' time span as a normalised value ("2017-10-01/2017-10-31" is the month October 2017)."""
    if when is None:
        return None
    return when[0] if when[0] == when[1] else f"{when[0]}/{when[1]}"


def _iso_day(value: str | None) -> bool:
    try:
        date.fromisoformat(value or "")
    except ValueError:
        return False
    return True


def find_conflicts(conn: Database, limit: int = 50,
                   min_confidence: float | None = None) -> list[dict[str, Any]]:
    """Groups of figures about one incident that disagree, from figures scored at least `min_confidence`
    (default: `views.min_confidence`)."""
    return confident_conflicts(conn, limit, min_confidence)[0]


def confident_conflicts(conn: Database, limit: int = 50,
                        min_confidence: float | None = None) -> tuple[list[dict[str, Any]], int]:
    """`find_conflicts` and how many figures were left out under the threshold."""
    threshold = default_min_confidence() if min_confidence is None else min_confidence
    every = all_figures(conn)
    figures = [f for f in every if f.fact.get("confidence") is None or f.fact["confidence"] >= threshold]
    reasons: dict[tuple[int, int], Anchor] = {}
    for i, j in _pairs(figures):
        anchor = about_same(figures[i], figures[j])
        if anchor is not None:
            reasons[(i, j)] = anchor
    sources = Sources(conn)
    out = []
    for group, anchor in _groups(figures, reasons):
        family, role, _ = anchor
        values = []
        for i in group:
            f = figures[i]
            values.append({**f.fact, "range": [f.range[0], None if math.isinf(f.range[1]) else f.range[1]],
                           "said_by": said_by(f.fact),
                           "modality": f.fact.get("modality") or "asserted",
                           "source": sources.source(f.document, f.sentence), "qualifiers": sorted(f.qualifiers),
                           **when_fields(_span_value(f.when), f.published)})
        values.sort(key=lambda v: (v["range"][0], v["range"][1] is None, v["range"][1] or 0.0,
                                   v["source"]["published"] or ""))
        kind = figures[group[0]].kind
        about = f"{kind} — {family.lower().replace('_', ' ')} — {_name(conn, anchor)}"
        out.append({"about": about, "class": kind, "event_type": family, "role": role, "anchor": anchor[2],
                    "story": figures[group[0]].story,
                    "documents": len({v["source"]["document"] for v in values}), "values": values})
    out.sort(key=lambda g: (-g["documents"], g["about"]))
    return out[:limit], len(every) - len(figures)
