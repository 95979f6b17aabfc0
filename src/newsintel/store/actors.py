"""Described actors in the store: the unnamed participants of reports ("three Belgian fighters"), with their events
and sources, for `newsintel actors`."""

from __future__ import annotations

import json
import sqlite3
from typing import Any

from newsintel.extract.describe import canonical_group
from newsintel.store.queries import _like, _sentence_text

PLACE_ROLES = ("location", "origin", "destination", "via")


def list_actors(conn: sqlite3.Connection, group: str | None = None, nationality: str | None = None,
                role: str | None = None, limit: int = 50) -> list[dict[str, Any]]:
    """Described actors that take part in events, latest documents first. `group` matches the group's text, its
    in-document entity's name or aliases, or the name of the identity that entity is resolved to; `nationality` is
    an ISO 3166 code; `role` a role of data/actors.yaml."""
    where, params = ["EXISTS (SELECT 1 FROM event_args x WHERE x.actor_id = a.id)"], []
    if nationality:
        where.append("a.nationality = ?")
        params.append(nationality.upper())
    if role:
        where.append("a.role = ?")
        params.append(role.lower())
    if group:
        names = {group, canonical_group(group) or group}  # "ISIS" finds "Islamic State" (data/org_aliases.yaml)
        tests = []
        for like in map(_like, sorted(names)):
            tests.append(
                "a.group_text LIKE ? ESCAPE '\\' OR a.group_entity IN (SELECT e.id FROM entities e"
                " LEFT JOIN entity_links l ON l.entity_id = e.id LEFT JOIN identities i ON i.id = l.identity_id"
                " WHERE e.name LIKE ? ESCAPE '\\' OR e.aliases LIKE ? ESCAPE '\\' OR i.name LIKE ? ESCAPE '\\')")
            params += [like, like, like, like]
        where.append("(" + " OR ".join(tests) + ")")
    rows = conn.execute(
        "SELECT a.id, a.document_id, a.data, d.title, d.published, d.source AS publisher FROM actors a"
        " JOIN documents d ON d.id = a.document_id WHERE " + " AND ".join(where)
        + " ORDER BY d.published DESC, a.document_id, a.rowid LIMIT ?", (*params, limit)).fetchall()
    cache: dict = {}
    out = []
    for row in rows:
        actor = json.loads(row["data"])
        actor["source"] = {"document": row["document_id"], "title": row["title"], "published": row["published"],
                           "publisher": row["publisher"]}
        actor["events"] = actor_events(conn, row["id"], row["document_id"], cache)
        whole = conn.execute("SELECT text FROM actors WHERE id = ?", (actor["part_of"],)).fetchone() \
            if actor["part_of"] else None
        actor["part_of_text"] = whole[0] if whole else None
        out.append(actor)
    return out


def actor_events(conn: sqlite3.Connection, actor_id: str, doc_id: str, cache: dict) -> list[dict[str, Any]]:
    """The events an actor takes part in: type, modality, its part (actors/targets), places, time, speaker and the
    sentence they are read from."""
    out = []
    for row in conn.execute(
            "SELECT DISTINCT e.id, e.data, e.sentence, x.role FROM event_args x JOIN events e ON e.id = x.event_id"
            " WHERE x.actor_id = ? ORDER BY e.start", (actor_id,)):
        event = json.loads(row["data"])
        out.append({
            "type": event["type"], "trigger": event["trigger"], "modality": event["modality"], "as": row["role"],
            "places": {r: [p["text"] for p in event[r]] for r in PLACE_ROLES if event.get(r)},
            "time": (event.get("time") or {}).get("value"),
            "speaker": ((event.get("attribution") or {}).get("speaker") or {}).get("text"),
            "sentence": event["sentence"], "start": event["start"], "end": event["end"],
            "sentence_text": _sentence_text(conn, cache, doc_id, row["sentence"]),
        })
    return out
