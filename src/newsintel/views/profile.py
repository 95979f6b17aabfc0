"""The analyst's profile of one person or group: who, where, heading where, intending what, with whom, and what
is said about it. Every item carries its modality, who said it, and its sources; nothing hedged is flattened
into a plain fact. Sections are bounded (latest first) so a profile of a group in 10,000 reports stays fast.
"""

from __future__ import annotations

import json
import math
from collections import Counter, defaultdict
from typing import Any

from newsintel.store import fact_reads
from newsintel.store.fact_reads import identity_of_entities
from newsintel.store.gateway import Database
from newsintel.views.common import (
    Sources,
    date_fields,
    date_order,
    heads_somewhere,
    said_by,
    status_of,
    through_unsure_pronoun,
    where_places,
)
from newsintel.views.confidence import confident, corroborate, default_min_confidence

INTENT_MODALITIES = ("intended", "future")
TYPED_RELATIONS = ("FAMILY", "SPOUSE", "ASSOCIATE", "OPPOSES", "MEMBER", "POSITION")
ROLE_RELATIONS = ("POSITION", "MEMBER", "ALIAS")
# Every section reads the identity's latest in-document entities only (`fact_reads.latest_members`, read once per
# profile), so a group named in 50,000 reports costs no more than one named in 1,000.
Members = list[tuple[str, str]]


def _events(conn: Database, members: Members, roles: tuple[str, ...], limit: int) -> list[Any]:
    return fact_reads.identity_event_rows(conn, members, roles, limit)


ARG_ROLES = ("actors", "targets", "location", "origin", "destination", "via")


def _line(sources: Sources, document_id: str, data: dict[str, Any], arg_names: dict[str, tuple[str, str, str]],
          role: str | None) -> dict[str, Any]:
    fact = sources.fact(document_id, data)
    for arg_role in ARG_ROLES:
        for arg in fact.get(arg_role, []):
            if arg.get("entity") in arg_names:
                arg["identity"], arg["name"], arg["kind"] = arg_names[arg["entity"]]
    if role is not None:
        fact["as"] = role  # how the profiled entity takes part: its status and places are read in that role
    fact["status"] = status_of(fact, role)
    fact["said_by"] = said_by(fact)
    fact.update(date_fields(fact))
    return fact


def _arg_entities(data: list[dict[str, Any]], roles: tuple[str, ...] = ARG_ROLES) -> list[str | None]:
    return [a.get("entity") for d in data for arg_role in roles for a in d.get(arg_role, [])]


def _facts(conn: Database, sources: Sources, rows: list[Any], role: str | None = None,
           names: dict[str, tuple[str, str, str]] | None = None,
           decoded: list[dict[str, Any]] | None = None) -> list[dict[str, Any]]:
    """The events of `rows` as lines, their status seen from the participant in `role` (None: any role). `names`
    and `decoded` (each row's JSON): already read for the whole profile (its documents prefetched), else read here."""
    decoded = [json.loads(row["data"]) for row in rows] if decoded is None else decoded
    if names is None:
        names = identity_of_entities(conn, _arg_entities(decoded))
        sources.prefetch([row["document_id"] for row in rows])
    return [_line(sources, row["document_id"], data, names, role) for row, data in zip(rows, decoded, strict=True)]


def _who(identity: Any, rows: list[Any], role_rows: list[Any], sources: Sources) -> dict[str, Any]:
    """`rows`: the members' attributes; `role_rows`: their roles (relations of ROLE_RELATIONS)."""
    profile = json.loads(identity["profile"])
    attributes: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for row in rows:
        for ev in json.loads(row["attributes"]).get("evidence", []):
            attributes[ev["attribute"]].append(
                {"value": ev["value"], "source": sources.source(row["document_id"], ev["sentence"])})
    roles = []
    for row in role_rows:
        roles.append(sources.fact(row["document_id"], row["data"]))
    names = Counter(profile.get("names", {}))
    return {"id": identity["id"], "name": identity["name"], "type": identity["type"],
            "documents": identity["documents"], "names": [{"name": n, "mentions": c} for n, c in names.most_common()],
            "attributes": dict(attributes), "roles": roles}


def _role(fact: dict[str, Any]) -> str:
    """How the profiled entity (or the group's member) takes part in the event."""
    return fact.get("as") or (fact.get("member") or {}).get("as") or "actors"


def _where(conn: Database, events: list[dict[str, Any]], places: list[Any] | None = None) -> list[dict[str, Any]]:
    """Places the identity was reported at, latest first: the places its part in each event puts it at
    (`common.where_places`: event locations, where movements ended; nothing from a threat, a plan, a denial or a
    remote strike); each with the point the geocoder gave it in that report (`places`: `fact_reads.place_rows` of
    the events' locations and destinations, read here when not given)."""
    if places is None:
        places = fact_reads.place_rows(conn, [p.get("entity") for f in events
                                              for p in f["location"] + f["destination"]])
    geo = {r[0]: {"lat": r[1], "lon": r[2], "geonameid": r[3], "country": r[4]} for r in places}
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


def _others(rows: list[Any]) -> list[str | None]:
    """The other end of each relation of `rows` (`mine`: the member's end)."""
    return [row["object_entity"] if row["subject_entity"] == row["mine"] else row["subject_entity"] for row in rows]


def _associates(rows: list[Any], co: list[Any], linked: dict[str, tuple[str, str, str]], sources: Sources,
                limit: int) -> list[dict[str, Any]]:
    """Typed relations first (each with its source), then identities co-mentioned in the same reports. `rows`:
    relations of TYPED_RELATIONS; `co`: `fact_reads.co_mentioned_rows`; `linked`: identities of their other ends."""
    typed = []
    for row, other in zip(rows, _others(rows), strict=True):
        fact = sources.fact(row["document_id"], row["data"])
        fact["other"] = ({"identity": linked[other][0], "name": linked[other][1]} if other in linked
                         else {"identity": None, "name": fact["object"]["text"]})
        typed.append(fact)
    co = sorted(co, key=lambda r: (-r["shared"] / (1 + math.log1p(r["documents"])), -r["shared"], r["name"],
                                   r["id"]))[:limit]
    return [*({"kind": "relation", **f} for f in typed),
            *({"kind": "co-mentioned", "identity": r["id"], "name": r["name"], "type": r["type"],
               "shared_documents": r["shared"]} for r in co)]


def _claims(by: list[Any], about: list[Any], sources: Sources) -> dict[str, list]:
    return {"by": [sources.fact(r["document_id"], r["data"]) for r in by],
            "about": [sources.fact(r["document_id"], r["data"]) for r in about]}


def build_profile(conn: Database, identity: Any, limit: int = 20,
                  min_confidence: float | None = None) -> dict[str, Any]:
    """`min_confidence`: hide events scored under it (default: `views.min_confidence` in confidence.yaml)."""
    sources = Sources(conn)
    threshold = default_min_confidence() if min_confidence is None else min_confidence
    members = fact_reads.latest_members(conn, identity["id"])
    # every section's rows in one batch, then every report they cite, then the identities and places they name
    # (three round trips on PostgreSQL, whatever the sections; each used to make its own, about twenty in all)
    rows = fact_reads.profile_section_rows(conn, identity["id"], members, {"actors": 4 * limit, "targets": 2 * limit},
                                           limit, ROLE_RELATIONS, TYPED_RELATIONS)
    actors, targets = rows["events"]["actors"], rows["events"]["targets"]
    decoded = {role: [json.loads(r["data"]) for r in rows["events"][role]] for role in ("actors", "targets")}
    sources.prefetch([r["document_id"] for name in ("attributes", "roles", "relations", "claims_by", "claims_about")
                      for r in rows[name]] + [r["document_id"] for r in actors + targets])
    events = decoded["actors"] + decoded["targets"]
    names, places = fact_reads.names_and_places(conn, _arg_entities(events) + _others(rows["relations"]),
                                                _arg_entities(events, ("location", "destination")))
    as_actor = _facts(conn, sources, actors, "actors", names, decoded["actors"])
    as_target = _facts(conn, sources, targets, "targets", names, decoded["targets"])
    corroborate(conn, as_actor + as_target)
    as_actor, hidden_actor = confident(as_actor, threshold)
    as_target, hidden_target = confident(as_target, threshold)
    # which roles and types put it at a place: common.where_places; never an "it" read from another sentence
    involved = [f for f in as_actor + as_target if not through_unsure_pronoun(f, f["as"], identity["id"])]
    movements = [f for f in involved if heads_somewhere(f, f["as"])]
    intent = [f for f in as_actor if f["modality"] in INTENT_MODALITIES or f["type"] == "THREATEN"]
    claims = _claims(rows["claims_by"], rows["claims_about"], sources)
    intent_claims = [c for c in claims["by"] + claims["about"] if c["modality"] in INTENT_MODALITIES]
    return {
        "who": _who(identity, rows["attributes"], rows["roles"], sources),
        "where": _where(conn, involved, places)[:limit],
        "heading": sorted(movements, key=date_order, reverse=True)[:limit],
        "intent": {"events": intent[:limit], "claims": intent_claims[:limit]},
        "associates": _associates(rows["relations"], rows["co_mentioned"], names, sources, limit),
        "said": claims,
        "min_confidence": threshold,
        "hidden": hidden_actor + hidden_target,
    }


def timeline(conn: Database, identity: Any, limit: int = 200,
             min_confidence: float | None = None) -> list[dict[str, Any]]:
    """Dated events the identity takes part in (any role), oldest first: by the first day each date covers, a
    wider date before a narrower one that starts on the same day ("2013" before "2013-01-05", "summer 2013"
    before "2013-06-14"); see `common.date_order`. Events under `min_confidence` are hidden."""
    sources = Sources(conn)
    roles = ("actors", "targets", "location", "origin", "destination", "via")
    facts = _facts(conn, sources, _events(conn, fact_reads.latest_members(conn, identity["id"]), roles, limit))
    corroborate(conn, facts)
    facts, _ = confident(facts, default_min_confidence() if min_confidence is None else min_confidence)
    return sorted(facts, key=lambda f: (date_order(f), f["source"]["document"], f["start"]))
