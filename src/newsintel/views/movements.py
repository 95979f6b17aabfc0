"""Movement flows: origin → via → destination of every movement event, aggregated over the store.

A flow counts its events by status (done, attempted, intended, hedged, ...) and keeps every source, oldest first
with its date and that date's precision (the event's own, "2013" for "in 2013", else the report's day), so "12
reports of people heading Gaziantep → Istanbul" can be read back sentence by sentence; `first` and `last` are the
dates of its oldest and latest source. Places are named by their
resolved identity, so "Raqqa" and "ar-Raqqah" are one end of a flow. GeoJSON output opens in QGIS/geojson.io.
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Iterator
from typing import Any

from newsintel.store import fact_reads
from newsintel.store.fact_reads import identity_of_entities
from newsintel.store.gateway import Database, wrap
from newsintel.views.common import (
    MOVEMENT_TYPES,
    NOT_STOPPED,
    Sources,
    date_fields,
    date_order,
    said_by,
    status_of,
)
from newsintel.views.confidence import confident, default_min_confidence


def _names(args: list[dict[str, Any]], linked: dict[str, tuple[str, str, str]]) -> list[str]:
    """Places by their identity's name; vague words ("the border", "home", "camps") are left out."""
    return [linked[a["entity"]][1] for a in args if a.get("entity") in linked and linked[a["entity"]][2] == "place"]


def flows(conn: Database, limit: int = 100, min_confidence: float | None = None) -> list[dict[str, Any]]:
    """The flows, most events first, from movement events scored at least `min_confidence` (default:
    `views.min_confidence`)."""
    return confident_flows(conn, limit, min_confidence)[0]


PAGE = 2000  # movement events read at a time: the store is walked twice, in bounded memory


def confident_flows(conn: Database, limit: int = 100, min_confidence: float | None = None,
                    ceiling: Any = None) -> tuple[list[dict[str, Any]], int]:
    """`flows` and how many movement events with a place were left out under the threshold. `ceiling` (an
    export's TLP ceiling, exports/base.Ceiling): only the documents it admits, places and people named as they
    name them.

    Two walks over the movement events, a page at a time: the first counts the events of every flow (route,
    statuses, types, and where its places were geocoded), the second keeps the events of the `limit` flows with
    most events only, whose sources are then read. Memory grows with the number of distinct routes and places and
    with the shown flows' events, not with the store."""
    threshold = default_min_confidence() if min_confidence is None else min_confidence
    conn = wrap(conn)
    names = _Namer(conn, ceiling)
    grouped: dict[tuple[str, ...], dict[str, Any]] = {}
    points: dict[str, tuple[str, list[float]]] = {}  # place name -> (entity id, [lon, lat]) of its last geocoding
    hidden = 0
    for page in _pages(conn):
        facts, left_out = _kept(page, threshold, ceiling)
        hidden += left_out
        places = [a.get("entity") for _order, f in facts for role in ("origin", "via", "destination") for a in f[role]]
        linked = names(places)
        for r in fact_reads.place_rows(conn, [e for e in places if e in linked]):
            name = linked[r[0]][1]
            if name not in points or points[name][0] < r[0]:
                points[name] = (r[0], [round(r[2], 5), round(r[1], 5)])
        for _order, fact in facts:
            route = _route(fact, linked)
            if route is None:
                continue
            path, origin, via, destination = route
            flow = grouped.setdefault(path, {"path": list(path), "origin": origin, "via": via,
                                             "destination": destination, "count": 0, "status": Counter(),
                                             "types": Counter(), "sources": []})
            flow["count"] += 1
            flow["status"][status_of(fact)] += 1  # "prevented from crossing": attempted
            flow["types"][fact["type"]] += 1
    out = sorted(grouped.values(), key=lambda f: (-f["count"], f["path"]))[:limit]
    del grouped
    shown = {tuple(flow["path"]): flow for flow in out}
    for flow in out:
        flow["points"] = {n: points[n][1] for n in [*flow["origin"], *flow["via"], *flow["destination"]]
                          if n in points}
    for page in _pages(conn):  # the second walk: the events of the flows shown
        facts, _ = _kept(page, threshold, ceiling)
        linked = names([a.get("entity") for _o, f in facts for role in ("origin", "via", "destination")
                        for a in f[role]])
        for order, fact in facts:
            route = _route(fact, linked)
            if route is not None and route[0] in shown:
                shown[route[0]]["sources"].append((order, fact))
    movers = names([a.get("entity") for flow in out for _o, f in flow["sources"] for a in f["actors"]])
    sources = Sources(conn)
    sources.prefetch([f["document_id"] for flow in out for _o, f in flow["sources"]])
    for flow in out:
        flow["sources"] = [_source(fact, sources.source(fact["document_id"], fact["sentence"]), movers)
                           for _order, fact in sorted(flow["sources"], key=lambda t: t[0])]
        flow["status"], flow["types"] = dict(flow["status"]), dict(flow["types"])
        flow["sources"].sort(key=date_order)
        flow["first"], flow["last"] = _date_of(flow["sources"][0]), _date_of(flow["sources"][-1])
    return out, hidden


def _pages(conn: Database) -> Iterator[list[tuple[tuple[str, str, int], dict[str, Any]]]]:
    """Movement events a page at a time: ((type, modality, id): the order the sources are listed in, fact)."""
    after = 0
    while True:
        rows = fact_reads.events_of_types_page(conn, MOVEMENT_TYPES, after, PAGE)
        yield [((r["type"], r["modality"], int(r["id"])), json.loads(r["data"]) | {"document_id": r["document_id"]})
               for r in rows]
        if len(rows) < PAGE:
            return
        after = int(rows[-1]["id"])


def _kept(page: list[tuple[Any, dict[str, Any]]], threshold: float,
          ceiling: Any) -> tuple[list[tuple[Any, dict[str, Any]]], int]:
    """The page's events that may make a flow, and how many with a place were under the threshold."""
    # "the army is not preventing them from leaving": no one is said to have moved
    facts = [(o, f) for o, f in page if status_of(f) != NOT_STOPPED]
    if ceiling is not None:
        admitted = ceiling.admitted({f["document_id"] for _o, f in facts})
        facts = [(o, f) for o, f in facts if f["document_id"] in admitted]
    placed = [(o, f) for o, f in facts if f["destination"] or f["origin"] or f["via"]]
    kept, hidden = confident([f for _o, f in placed], threshold)
    ids = {id(f) for f in kept}
    return [(o, f) for o, f in placed if id(f) in ids], hidden


def _route(fact: dict[str, Any], linked: dict[str, tuple[str, str, str]]) -> tuple[tuple[str, ...], list[str],
                                                                                  list[str], list[str]] | None:
    """(path, origin, via, destination) of a movement event by its places' names; None when none is named."""
    origin = _names(fact["origin"], linked)
    via = _names(fact["via"], linked)
    destination = _names(fact["destination"], linked)
    if not (origin or via or destination):
        return None
    return (" / ".join(origin) or "?", *via, " / ".join(destination) or "?"), origin, via, destination


class _Namer:
    """entity id -> (identity id, name, kind), as store/fact_reads.identity_of_entities gives it; under a TLP
    ceiling each identity named as the admitted documents name it (those they do not name left out), worked out
    once per identity however many pages name it."""

    def __init__(self, conn: Database, ceiling: Any) -> None:
        self.conn, self.ceiling = conn, ceiling
        self.admitted_name: dict[str, str | None] = {}

    def __call__(self, entity_ids: list[str | None]) -> dict[str, tuple[str, str, str]]:
        ids = sorted({e for e in entity_ids if e})
        linked: dict[str, tuple[str, str, str]] = {}
        for start in range(0, len(ids), fact_reads.BATCH):
            linked |= identity_of_entities(self.conn, ids[start:start + fact_reads.BATCH])
        if self.ceiling is None:
            return linked
        new = {e: v for e, v in linked.items() if v[0] not in self.admitted_name}
        if new:
            renamed = self.ceiling.renamed(new)
            for e, v in new.items():
                self.admitted_name[v[0]] = renamed[e][1] if e in renamed else None
        return {e: (v[0], name, v[2]) for e, v in linked.items()
                if (name := self.admitted_name[v[0]]) is not None}


def _source(fact: dict[str, Any], source: dict[str, Any],
            movers: dict[str, tuple[str, str, str]]) -> dict[str, Any]:
    return {**source, "trigger": fact["trigger"], "modality": fact["modality"], "status": status_of(fact),
            "said_by": said_by(fact),
            "actors": _movers(fact["actors"], movers), **date_fields(fact | {"source": source})}


def _movers(args: list[dict[str, Any]], linked: dict[str, tuple[str, str, str]]) -> list[dict[str, Any]]:
    """The event's actors as named: the identity's name and id when resolved, else the text ("three men")."""
    return [{"name": linked[a["entity"]][1], "identity": linked[a["entity"]][0]} if a.get("entity") in linked
            else {"name": a["text"], "identity": None} for a in args]


def _date_of(source: dict[str, Any]) -> dict[str, Any]:
    return {k: source[k] for k in ("date", "date_precision", "dated_by")}
