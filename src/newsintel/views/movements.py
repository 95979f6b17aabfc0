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


def confident_flows(conn: Database, limit: int = 100, min_confidence: float | None = None,
                    ceiling: Any = None) -> tuple[list[dict[str, Any]], int]:
    """`flows` and how many movement events with a place were left out under the threshold. `ceiling` (an
    export's TLP ceiling, exports/base.Ceiling): only the documents it admits, places and people named as they
    name them."""
    threshold = default_min_confidence() if min_confidence is None else min_confidence
    conn = wrap(conn)
    rows = fact_reads.events_of_types(conn, MOVEMENT_TYPES)
    sources = Sources(conn)
    facts = [json.loads(r["data"]) | {"document_id": r["document_id"]} for r in rows]
    # "the army is not preventing them from leaving": no one is said to have moved
    facts = [f for f in facts if status_of(f) != NOT_STOPPED]
    if ceiling is not None:
        admitted = ceiling.admitted({f["document_id"] for f in facts})
        facts = [f for f in facts if f["document_id"] in admitted]
    facts, hidden = confident([f for f in facts if f["destination"] or f["origin"] or f["via"]], threshold)
    linked = identity_of_entities(conn, [a.get("entity") for f in facts for role in ("origin", "via", "destination")
                                         for a in f[role]])
    if ceiling is not None:
        linked = ceiling.renamed(linked)
    points = _entity_points(conn, [a.get("entity") for f in facts for role in ("origin", "via", "destination")
                                   for a in f[role]], linked)
    movers = identity_of_entities(conn, [a.get("entity") for f in facts for a in f["actors"]])
    if ceiling is not None:
        movers = ceiling.renamed(movers)
    grouped: dict[tuple[str, ...], dict[str, Any]] = {}
    for fact in facts:
        origin = _names(fact["origin"], linked)
        via = _names(fact["via"], linked)
        destination = _names(fact["destination"], linked)
        if not (origin or via or destination):
            continue
        path = tuple(p for p in (" / ".join(origin) or "?", *via, " / ".join(destination) or "?"))
        flow = grouped.setdefault(path, {"path": list(path), "origin": origin, "via": via,
                                         "destination": destination,
                                         "points": {n: points[n] for n in [*origin, *via, *destination]
                                                    if n in points},
                                         "count": 0, "status": Counter(),
                                         "types": Counter(), "sources": []})
        flow["count"] += 1
        flow["status"][status_of(fact)] += 1  # "prevented from crossing": attempted
        flow["types"][fact["type"]] += 1
        flow["sources"].append(fact)  # its source is read only if the flow is shown
    out = sorted(grouped.values(), key=lambda f: (-f["count"], f["path"]))[:limit]
    sources.prefetch([f["document_id"] for flow in out for f in flow["sources"]])
    for flow in out:
        flow["sources"] = [_source(fact, sources.source(fact["document_id"], fact["sentence"]), movers)
                           for fact in flow["sources"]]
        flow["status"], flow["types"] = dict(flow["status"]), dict(flow["types"])
        flow["sources"].sort(key=date_order)
        flow["first"], flow["last"] = _date_of(flow["sources"][0]), _date_of(flow["sources"][-1])
    return out, hidden


def _source(fact: dict[str, Any], source: dict[str, Any],
            movers: dict[str, tuple[str, str, str]]) -> dict[str, Any]:
    return {**source, "trigger": fact["trigger"], "modality": fact["modality"], "said_by": said_by(fact),
            "actors": _movers(fact["actors"], movers), **date_fields(fact | {"source": source})}


def _movers(args: list[dict[str, Any]], linked: dict[str, tuple[str, str, str]]) -> list[dict[str, Any]]:
    """The event's actors as named: the identity's name and id when resolved, else the text ("three men")."""
    return [{"name": linked[a["entity"]][1], "identity": linked[a["entity"]][0]} if a.get("entity") in linked
            else {"name": a["text"], "identity": None} for a in args]


def _date_of(source: dict[str, Any]) -> dict[str, Any]:
    return {k: source[k] for k in ("date", "date_precision", "dated_by")}


def _entity_points(conn: Database, entity_ids: list[str | None],
                   linked: dict[str, tuple[str, str, str]]) -> dict[str, list[float]]:
    """Place name (as shown in flows) -> [lon, lat] where the geocoder put it in the report."""
    return {linked[r[0]][1]: [round(r[2], 5), round(r[1], 5)]
            for r in fact_reads.place_rows(conn, [e for e in entity_ids if e in linked])}
