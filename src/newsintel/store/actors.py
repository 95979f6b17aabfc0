"""Described actors in the store: the unnamed participants of reports ("three Belgian fighters"), with their events
and sources, for `newsintel actors`."""

from __future__ import annotations

import json
from typing import Any

from newsintel.extract.describe import canonical_group
from newsintel.store.gateway import Database, wrap
from newsintel.store.queries import _like, _sentence_text, confident_sql, json_field, like_sql

PLACE_ROLES = ("location", "origin", "destination", "via")


def list_actors(conn: Database, group: str | None = None, nationality: str | None = None,
                role: str | None = None, limit: int = 50, min_confidence: float = 0.0) -> list[dict[str, Any]]:
    """Described actors that take part in events scored at least `min_confidence`, latest documents first. `group`
    matches the group's text, its in-document entity's name or aliases, or the name of the identity that entity is
    resolved to; `nationality` is an ISO 3166 code; `role` a role of data/actors.yaml."""
    conn = wrap(conn)
    where = ["EXISTS (SELECT 1 FROM event_args x JOIN events e ON e.id = x.event_id WHERE x.actor_id = a.id"
             f" AND {confident_sql('e', conn.dialect)})"]
    params: list[Any] = [min_confidence]
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
                f"{like_sql('a.group_text')} OR a.group_entity IN (SELECT e.id FROM entities e"
                " LEFT JOIN entity_links l ON l.entity_id = e.id LEFT JOIN identities i ON i.id = l.identity_id"
                f" WHERE {like_sql('e.name')} OR {like_sql('e.aliases')} OR {like_sql('i.name')})")
            params += [like, like, like, like]
        where.append("(" + " OR ".join(tests) + ")")
    rows = conn.execute(
        "SELECT a.id, a.document_id, a.data, d.title, d.published, d.source AS publisher FROM actors a"
        " JOIN documents d ON d.id = a.document_id WHERE " + " AND ".join(where)
        + " ORDER BY d.published DESC NULLS LAST, a.document_id, a.rowid LIMIT ?", (*params, limit)).fetchall()
    cache: dict = {}
    out = []
    for row in rows:
        actor = json.loads(row["data"])
        actor["source"] = {"document": row["document_id"], "title": row["title"], "published": row["published"],
                           "publisher": row["publisher"]}
        actor["events"] = actor_events(conn, row["id"], row["document_id"], cache, min_confidence)
        for key in ("part_of", "with"):  # the set it is one of, or is with ("a woman travelling with them")
            other = conn.execute("SELECT text FROM actors WHERE id = ?", (actor[key],)).fetchone() \
                if actor.get(key) else None
            actor[f"{key}_text"] = other[0] if other else None
        out.append(actor)
    return out


def actor_events(conn: Database, actor_id: str, doc_id: str, cache: dict,
                 min_confidence: float = 0.0) -> list[dict[str, Any]]:
    """The events an actor takes part in (scored at least `min_confidence`): type, modality, its part
    (actors/targets), places, time, speaker, confidence and the sentence they are read from."""
    out = []
    conn = wrap(conn)
    for row in conn.execute(
            "SELECT DISTINCT e.id, e.data, e.sentence, x.role, e.start FROM event_args x JOIN events e"
            f" ON e.id = x.event_id WHERE x.actor_id = ? AND {confident_sql('e', conn.dialect)}"
            " ORDER BY e.start, e.id, x.role", (actor_id, min_confidence)):
        event = json.loads(row["data"])
        out.append({
            "type": event["type"], "trigger": event["trigger"], "modality": event["modality"], "as": row["role"],
            "places": {r: [p["text"] for p in event[r]] for r in PLACE_ROLES if event.get(r)},
            "time": (event.get("time") or {}).get("value"),
            "speaker": ((event.get("attribution") or {}).get("speaker") or {}).get("text"),
            "confidence": event.get("confidence"),
            "sentence": event["sentence"], "start": event["start"], "end": event["end"],
            "sentence_text": _sentence_text(conn, cache, doc_id, row["sentence"]),
        })
    return out


# The reads of a group's profile (views/group_profile.py): its described members, its named members, and their events.
# The group's latest in-document entities (as views/profile.py reads an identity), so a group named in 50,000 reports
# costs no more than one named in 1,000.
_GROUP_ENTITIES = "(SELECT entity_id FROM entity_links WHERE identity_id = ? ORDER BY rowid DESC LIMIT 1000)"
# "a woman travelling with them": the set she is with (same document)
_WITH = {dialect: json_field(dialect, "p.data", "with") for dialect in ("sqlite", "postgresql")}


def group_actor_rows(conn: Database, identity_id: str, limit: int) -> list[Any]:
    """Described actors whose group is an in-document entity resolved to the identity, and the parts of those sets
    ("one of them"), latest documents first. An actor with no group is never read here."""
    conn = wrap(conn)
    return conn.execute(
        "SELECT a.id, a.document_id, a.data, d.published FROM actors a JOIN documents d ON d.id = a.document_id"
        f" WHERE a.id IN (SELECT id FROM actors WHERE group_entity IN {_GROUP_ENTITIES}"
        " UNION SELECT p.id FROM actors b JOIN actors p ON p.document_id = b.document_id"
        f" AND (p.part_of = b.id OR {_WITH[conn.dialect]} = b.id) WHERE b.group_entity IN {_GROUP_ENTITIES})"
        " ORDER BY d.published DESC NULLS LAST, a.document_id, a.rowid LIMIT ?",
        (identity_id, identity_id, limit)).fetchall()


def described_set_rows(conn: Database, role: str, nationality: str | None,
                       limit: int) -> list[Any]:
    """Described actors of one role (and nationality, when given) across documents, and those said to be with them
    ("a woman travelling with them"), latest first."""
    where, params = "b.role = ?", [role]
    if nationality:
        where += " AND b.nationality = ?"
        params.append(nationality)
    conn = wrap(conn)
    return conn.execute(
        "SELECT a.id, a.document_id, a.data, d.published FROM actors a JOIN documents d ON d.id = a.document_id"
        f" WHERE a.id IN (SELECT b.id FROM actors b WHERE {where} UNION SELECT p.id FROM actors b JOIN actors p"
        f" ON p.document_id = b.document_id AND {_WITH[conn.dialect]} = b.id WHERE {where})"
        " ORDER BY d.published DESC NULLS LAST, a.document_id, a.rowid LIMIT ?", (*params, *params, limit)).fetchall()


def actor_event_rows(conn: Database, actor_ids: list[str]) -> list[Any]:
    """The events the actors take part in, with the actor and its part (actors / targets), latest first."""
    if not actor_ids:
        return []
    marks = ",".join("?" * len(actor_ids))
    return wrap(conn).execute(
        "SELECT DISTINCT x.actor_id, x.role, e.id, e.document_id, e.data, d.published FROM event_args x"
        f" JOIN events e ON e.id = x.event_id JOIN documents d ON d.id = e.document_id WHERE x.actor_id IN ({marks})"
        " ORDER BY d.published DESC NULLS LAST, e.id, x.actor_id, x.role", actor_ids).fetchall()


def named_member_rows(conn: Database, identity_id: str, limit: int) -> list[Any]:
    """MEMBER / POSITION relations whose object is resolved to the identity, with the member's identity and, for a
    membership read off a joining event ("planned to join"), that event's modality."""
    return wrap(conn).execute(
        "SELECT r.document_id, r.data, r.subject_entity, i.id AS member_id, i.name AS member_name,"
        " (SELECT ev.modality FROM events ev WHERE ev.document_id = r.document_id AND ev.type = 'RECRUIT'"
        ' AND ev.start = r.start AND ev."end" = r."end" ORDER BY ev.id LIMIT 1) AS joining FROM relations r'
        " JOIN entity_links l ON l.entity_id = r.subject_entity JOIN identities i ON i.id = l.identity_id"
        f" WHERE r.type IN ('MEMBER', 'POSITION') AND r.object_entity IN {_GROUP_ENTITIES} AND i.suppressed = 0"
        " AND i.id != ? ORDER BY r.id DESC LIMIT ?", (identity_id, identity_id, limit)).fetchall()
