"""The analyst's profile of one person or group: who, where, heading where, intending what, with whom, and what
is said about it. Every item carries its modality, who said it, and its sources; nothing hedged is flattened
into a plain fact. Sections are bounded (latest first) so a profile of a group in 10,000 reports stays fast.
"""

from __future__ import annotations

import json
import math
import sqlite3
from collections import Counter, defaultdict
from typing import Any

from newsintel.views.common import (
    Sources,
    date_fields,
    date_order,
    heads_somewhere,
    identity_of_entities,
    said_by,
    status_of,
    through_unsure_pronoun,
    where_places,
)
from newsintel.views.confidence import confident, corroborate, default_min_confidence

INTENT_MODALITIES = ("intended", "future")
TYPED_RELATIONS = ("FAMILY", "SPOUSE", "ASSOCIATE", "OPPOSES", "MEMBER", "POSITION")
# An identity's latest in-document entities (rowid order = ingest order): what every section reads, so a group
# named in 50,000 reports costs no more than one named in 1,000.
LATEST_MEMBERS = "(SELECT entity_id FROM entity_links WHERE identity_id = ? ORDER BY rowid DESC LIMIT 1000)"


def _events(conn: sqlite3.Connection, identity_id: str, roles: tuple[str, ...], limit: int) -> list[sqlite3.Row]:
    marks = ",".join("?" * len(roles))
    return conn.execute(
        "SELECT DISTINCT e.id, e.document_id, e.data, d.published FROM " + LATEST_MEMBERS + " l"
        " JOIN event_args a ON a.entity_id = l.entity_id JOIN events e ON e.id = a.event_id"
        f" JOIN documents d ON d.id = e.document_id WHERE a.role IN ({marks})"
        " ORDER BY d.published DESC, e.id LIMIT ?", (identity_id, *roles, limit)).fetchall()


def _line(sources: Sources, row: sqlite3.Row, arg_names: dict[str, tuple[str, str, str]],
          role: str | None) -> dict[str, Any]:
    fact = sources.fact(row["document_id"], row["data"])
    for arg_role in ("actors", "targets", "location", "origin", "destination", "via"):
        for arg in fact.get(arg_role, []):
            if arg.get("entity") in arg_names:
                arg["identity"], arg["name"], arg["kind"] = arg_names[arg["entity"]]
    if role is not None:
        fact["as"] = role  # how the profiled entity takes part: its status and places are read in that role
    fact["status"] = status_of(fact, role)
    fact["said_by"] = said_by(fact)
    fact.update(date_fields(fact))
    return fact


def _facts(conn: sqlite3.Connection, sources: Sources, rows: list[sqlite3.Row],
           role: str | None = None) -> list[dict[str, Any]]:
    """The events of `rows` as lines, their status seen from the participant in `role` (None: any role)."""
    entity_ids = []
    for row in rows:
        data = json.loads(row["data"])
        entity_ids += [a.get("entity") for arg_role in ("actors", "targets", "location", "origin", "destination",
                                                         "via") for a in data.get(arg_role, [])]
    names = identity_of_entities(conn, entity_ids)
    return [_line(sources, row, names, role) for row in rows]


def _who(conn: sqlite3.Connection, identity: sqlite3.Row, sources: Sources, limit: int) -> dict[str, Any]:
    profile = json.loads(identity["profile"])
    attributes: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for row in conn.execute(
            "SELECT e.document_id, e.attributes FROM " + LATEST_MEMBERS + " l JOIN entities e ON e.id = l.entity_id"
            " JOIN documents d ON d.id = e.document_id WHERE e.attributes != '{}'"
            " ORDER BY d.published DESC LIMIT ?", (identity["id"], limit)):
        for ev in json.loads(row["attributes"]).get("evidence", []):
            attributes[ev["attribute"]].append(
                {"value": ev["value"], "source": sources.source(row["document_id"], ev["sentence"])})
    roles = []
    for row in conn.execute(
            "SELECT r.document_id, r.data FROM " + LATEST_MEMBERS
            + " l JOIN relations r ON r.subject_entity = l.entity_id"
            " WHERE r.type IN ('POSITION', 'MEMBER', 'ALIAS') ORDER BY r.id DESC LIMIT ?",
            (identity["id"], limit)):
        roles.append(sources.fact(row["document_id"], row["data"]))
    names = Counter(profile.get("names", {}))
    return {"id": identity["id"], "name": identity["name"], "type": identity["type"],
            "documents": identity["documents"], "names": [{"name": n, "mentions": c} for n, c in names.most_common()],
            "attributes": dict(attributes), "roles": roles}


def _role(fact: dict[str, Any]) -> str:
    """How the profiled entity (or the group's member) takes part in the event."""
    return fact.get("as") or (fact.get("member") or {}).get("as") or "actors"


def _where(conn: sqlite3.Connection, events: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Places the identity was reported at, latest first: the places its part in each event puts it at
    (`common.where_places`: event locations, where movements ended; nothing from a threat, a plan, a denial or a
    remote strike); each with the point the geocoder gave it in that report."""
    ids = sorted({p["entity"] for f in events for p in f["location"] + f["destination"] if p.get("entity")})
    marks = ",".join("?" * len(ids))
    geo = {r[0]: {"lat": r[1], "lon": r[2], "geonameid": r[3], "country": r[4]} for r in conn.execute(
        f"SELECT id, lat, lon, geonameid, country FROM entities WHERE id IN ({marks}) AND lat IS NOT NULL", ids)}
    out = []
    for fact in events:
        for place in where_places(fact, _role(fact)):
            if place.get("kind") != "place" or place.get("entity") not in geo:
                continue  # "in absentia": not a place the geocoder could put on the map
            out.append({"place": place.get("name") or place["text"], "identity": place.get("identity"),
                        "geo": geo.get(place["entity"]),
                        **date_fields(fact),
                        "event": fact["type"], "trigger": fact["trigger"],
                        "status": fact["status"], "said_by": fact["said_by"], "source": fact["source"]})
    return sorted(out, key=date_order, reverse=True)


def _associates(conn: sqlite3.Connection, identity_id: str, sources: Sources, limit: int) -> list[dict[str, Any]]:
    """Typed relations first (each with its source), then identities co-mentioned in the same reports."""
    typed = []
    marks = ",".join("?" * len(TYPED_RELATIONS))
    for row in conn.execute(
            "SELECT r.document_id, r.data, r.subject_entity, r.object_entity, l.entity_id AS mine FROM "
            + LATEST_MEMBERS + " l"
            " JOIN relations r ON (r.subject_entity = l.entity_id OR r.object_entity = l.entity_id)"
            f" WHERE r.type IN ({marks}) ORDER BY r.id DESC LIMIT ?",
            (identity_id, *TYPED_RELATIONS, limit)):
        other = row["object_entity"] if row["subject_entity"] == row["mine"] else row["subject_entity"]
        fact = sources.fact(row["document_id"], row["data"])
        linked = identity_of_entities(conn, [other]) if other else {}
        fact["other"] = ({"identity": linked[other][0], "name": linked[other][1]} if other in linked
                         else {"identity": None, "name": fact["object"]["text"]})
        typed.append(fact)
    co = conn.execute(
        "SELECT i.id, i.name, i.type, i.documents, count(DISTINCT b.document_id) AS shared FROM"
        " (SELECT DISTINCT document_id FROM entity_links WHERE identity_id = ? ORDER BY rowid DESC LIMIT 200) d"
        " JOIN entity_links b ON b.document_id = d.document_id JOIN identities i ON i.id = b.identity_id"
        " WHERE i.id != ? AND i.kind != 'place' AND NOT i.suppressed GROUP BY i.id",
        (identity_id, identity_id)).fetchall()
    co = sorted(co, key=lambda r: (-r["shared"] / (1 + math.log1p(r["documents"])), -r["shared"], r["name"]))[:limit]
    return [*({"kind": "relation", **f} for f in typed),
            *({"kind": "co-mentioned", "identity": r["id"], "name": r["name"], "type": r["type"],
               "shared_documents": r["shared"]} for r in co)]


def _claims(conn: sqlite3.Connection, identity_id: str, sources: Sources, limit: int) -> dict[str, list]:
    by = conn.execute(
        "SELECT c.document_id, c.data FROM " + LATEST_MEMBERS + " l JOIN claims c ON c.speaker_entity = l.entity_id"
        " JOIN documents d ON d.id = c.document_id ORDER BY d.published DESC LIMIT ?",
        (identity_id, limit)).fetchall()
    about = conn.execute(
        "SELECT DISTINCT c.id, c.document_id, c.data, d.published FROM " + LATEST_MEMBERS + " l"
        " JOIN mentions m ON m.entity_id = l.entity_id"
        " JOIN claims c ON c.document_id = m.document_id AND m.start >= c.start AND m.end <= c.end"
        " JOIN documents d ON d.id = c.document_id"
        " AND (c.speaker_entity IS NULL OR c.speaker_entity != l.entity_id) ORDER BY d.published DESC LIMIT ?",
        (identity_id, limit)).fetchall()
    return {"by": [sources.fact(r["document_id"], r["data"]) for r in by],
            "about": [sources.fact(r["document_id"], r["data"]) for r in about]}


def build_profile(conn: sqlite3.Connection, identity: sqlite3.Row, limit: int = 20,
                  min_confidence: float | None = None) -> dict[str, Any]:
    """`min_confidence`: hide events scored under it (default: `views.min_confidence` in confidence.yaml)."""
    sources = Sources(conn)
    threshold = default_min_confidence() if min_confidence is None else min_confidence
    as_actor = _facts(conn, sources, _events(conn, identity["id"], ("actors",), 4 * limit), "actors")
    as_target = _facts(conn, sources, _events(conn, identity["id"], ("targets",), 2 * limit), "targets")
    corroborate(conn, as_actor + as_target)
    as_actor, hidden_actor = confident(as_actor, threshold)
    as_target, hidden_target = confident(as_target, threshold)
    # which roles and types put it at a place: common.where_places; never an "it" read from another sentence
    involved = [f for f in as_actor + as_target if not through_unsure_pronoun(f, f["as"], identity["id"])]
    movements = [f for f in involved if heads_somewhere(f, f["as"])]
    intent = [f for f in as_actor if f["modality"] in INTENT_MODALITIES or f["type"] == "THREATEN"]
    claims = _claims(conn, identity["id"], sources, limit)
    intent_claims = [c for c in claims["by"] + claims["about"] if c["modality"] in INTENT_MODALITIES]
    return {
        "who": _who(conn, identity, sources, limit),
        "where": _where(conn, involved)[:limit],
        "heading": sorted(movements, key=date_order, reverse=True)[:limit],
        "intent": {"events": intent[:limit], "claims": intent_claims[:limit]},
        "associates": _associates(conn, identity["id"], sources, limit),
        "said": claims,
        "min_confidence": threshold,
        "hidden": hidden_actor + hidden_target,
    }


def timeline(conn: sqlite3.Connection, identity: sqlite3.Row, limit: int = 200,
             min_confidence: float | None = None) -> list[dict[str, Any]]:
    """Dated events the identity takes part in (any role), oldest first: by the first day each date covers, a
    wider date before a narrower one that starts on the same day ("2013" before "2013-01-05", "summer 2013"
    before "2013-06-14"); see `common.date_order`. Events under `min_confidence` are hidden."""
    sources = Sources(conn)
    roles = ("actors", "targets", "location", "origin", "destination", "via")
    facts = _facts(conn, sources, _events(conn, identity["id"], roles, limit))
    corroborate(conn, facts)
    facts, _ = confident(facts, default_min_confidence() if min_confidence is None else min_confidence)
    return sorted(facts, key=lambda f: (date_order(f), f["source"]["document"], f["start"]))
