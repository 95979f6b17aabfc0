"""Movement flows as GeoJSON for QGIS or geojson.io (`newsintel export geojson`, `newsintel movements --geojson`).

The flows come from the movements view (views/movements.py, passed in by the command line: exports and views are
siblings). Every property is a real JSON value, never JSON text inside a string: a flow's LineString carries its
route, ends and stops as lists, its event count, its statuses as an object and as flat counts (`done`,
`attempted`, `intended`, `hedged`, ... for styling), event types, first and last dates with their precision, the
people and groups who moved (`actors`: name and identity) and its `sources` (document, title, publication date,
publisher, sentence, trigger, modality, status, speaker, date and precision, actors). Each place is a Point with the
number of flows and events through it. A place is placed where the geocoder put it in a report, else at the most
populous gazetteer place of its name; a flow with fewer than two placed stops has no line. `newsintel export
geojson` asks the view for flows under its TLP ceiling (`--tlp-max`, default clear: exports/base.Ceiling), so
events of documents above it are not counted and places and people are named as admitted documents name them.
"""

from __future__ import annotations

import json
from collections import Counter
from typing import Any, TextIO

from newsintel.exports.base import Ceiling, Exporter
from newsintel.nlp.gazetteer import load_gazetteer

STATUSES = ("done", "attempted", "intended", "hedged", "conditional", "denied")
SOURCE_KEYS = ("document", "title", "published", "publisher", "sentence", "sentence_text", "trigger", "modality",
               "status", "said_by", "date", "date_precision", "date_range", "dated_by", "actors")


def _point(name: str, known: dict[str, list[float]]) -> list[float] | None:
    """[lon, lat] where the geocoder placed it, else the most populous gazetteer place of that name, or None."""
    if name in known:
        return known[name]
    places = load_gazetteer().lookup(name) or load_gazetteer().lookup(name.split(",")[0])  # "Ar Raqqah, Syria"
    return [round(places[0].lon, 5), round(places[0].lat, 5)] if places else None


def _actors(sources: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Who moved, over a flow's sources, most reports first: {"name", "identity", "reports"}."""
    seen: Counter = Counter()
    for source in sources:
        for actor in {(a.get("name") or a.get("text"), a.get("identity")) for a in source.get("actors") or []}:
            seen[actor] += 1
    return [{"name": n, "identity": i, "reports": c} for (n, i), c in sorted(seen.items(),
                                                                            key=lambda t: (-t[1], str(t[0])))]


def flow_feature(flow: dict[str, Any], coords: list[list[float]]) -> dict[str, Any]:
    status = dict(flow["status"])
    first, last = flow.get("first") or {}, flow.get("last") or {}
    properties = {"route": " → ".join(flow["path"]), "origin": flow["origin"], "via": flow["via"],
                  "destination": flow["destination"], "events": flow["count"],
                  "documents": len({s["document"] for s in flow["sources"]}), "status": status,
                  **{s: status.get(s, 0) for s in STATUSES}, "types": dict(flow["types"]),
                  "first_date": first.get("date"), "first_date_precision": first.get("date_precision"),
                  "last_date": last.get("date"), "last_date_precision": last.get("date_precision"),
                  "actors": _actors(flow["sources"]),
                  "sources": [{k: s.get(k) for k in SOURCE_KEYS if k in s} for s in flow["sources"]]}
    return {"type": "Feature", "geometry": {"type": "LineString", "coordinates": coords}, "properties": properties}


class GeojsonExporter(Exporter):
    """A FeatureCollection of LineStrings (one per placeable flow) and Points (the places)."""

    name = "geojson"

    def __init__(self, flows: list[dict[str, Any]], ceiling: Ceiling | None = None) -> None:
        self.flows = flows  # from views.movements (under `ceiling`, when given): this exporter reads no store
        self.ceiling = ceiling

    def features(self):
        known = {n: p for flow in self.flows for n, p in flow["points"].items()}
        for flow in self.flows:
            stops = [*(flow["origin"][:1]), *flow["via"], *(flow["destination"][:1])]
            coords = [c for c in (_point(s, flow["points"]) for s in stops) if c is not None]
            if len(coords) >= 2:
                yield flow_feature(flow, coords)
        flows_at: Counter = Counter()
        events_at: Counter = Counter()
        for flow in self.flows:
            for name in sorted({*flow["origin"], *flow["via"], *flow["destination"]}):  # the same order each run
                flows_at[name] += 1
                events_at[name] += flow["count"]
        for name, count in flows_at.items():
            point = _point(name, known)
            if point is not None:
                yield {"type": "Feature", "geometry": {"type": "Point", "coordinates": point},
                       "properties": {"name": name, "flows": count, "events": events_at[name]}}

    def collection(self) -> dict[str, Any]:
        return {"type": "FeatureCollection", "features": list(self.features())}

    def write(self, out: TextIO) -> dict[str, int]:
        out.write('{"type": "FeatureCollection", "features": [')
        counts = {"flows": 0, "places": 0}
        for n, feature in enumerate(self.features()):
            out.write(("\n" if n == 0 else ",\n") + json.dumps(feature, ensure_ascii=False))
            counts["flows" if feature["geometry"]["type"] == "LineString" else "places"] += 1
        out.write("\n]}\n")
        return counts
