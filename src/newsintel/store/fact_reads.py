"""Reads behind the analyst views (views/common.py, profile.py, movements.py): identities by id or name, what an
identity's in-document entities take part in, where places were geocoded, and the sentence a fact comes from.

Every function takes an open store (a gateway `Database`; a bare sqlite3 connection is wrapped) and runs portable
SQL, so the same view reads SQLite and PostgreSQL alike. Each list has a full order (ties broken by an id), so both
backends return the same rows in the same order. Suppressed identities (`newsintel suppress`) are never returned.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

from newsintel.store.gateway import Database, wrap
from newsintel.store.queries import escape_like

# An identity's latest in-document entities (rowid order = ingest order; PostgreSQL has an explicit `rowid`): what
# every profile section reads, so a group named in 50,000 reports costs no more than one named in 1,000.
LATEST_MEMBERS = "(SELECT entity_id FROM entity_links WHERE identity_id = ? ORDER BY rowid DESC LIMIT 1000)"
LATEST_DOCUMENTS = 200  # reports read for an identity's co-mentioned identities, latest first


def _marks(values: Sequence[Any]) -> str:
    return ",".join("?" * len(values))


def identities_by_id(conn: Database, query: str) -> list[Any]:
    """At most two identities whose id is `query` or (for 5+ characters) starts with it."""
    if len(query) >= 5:
        sql = "SELECT * FROM identities WHERE (id = ? OR id LIKE ? ESCAPE '\\') AND suppressed = 0 ORDER BY id LIMIT 2"
        return wrap(conn).execute(sql, (query, escape_like(query) + "%")).fetchall()
    return wrap(conn).execute("SELECT * FROM identities WHERE id = ? AND suppressed = 0 LIMIT 2", (query,)).fetchall()


def identities_named(conn: Database, name: str, limit: int) -> list[Any]:
    """Identities whose shown name is exactly `name`, the best known first."""
    return wrap(conn).execute("SELECT * FROM identities WHERE name = ? AND suppressed = 0"
                              " ORDER BY documents DESC, id LIMIT ?", (name, limit)).fetchall()


def identity_of_entities(conn: Database, entity_ids: Iterable[str | None]) -> dict[str, tuple[str, str, str]]:
    """entity id -> (identity id, identity name, identity kind)."""
    ids = sorted({e for e in entity_ids if e})
    if not ids:
        return {}
    return {r[0]: (r[1], r[2], r[3]) for r in wrap(conn).execute(
        "SELECT l.entity_id, i.id, i.name, i.kind FROM entity_links l JOIN identities i ON i.id = l.identity_id"
        f" WHERE l.entity_id IN ({_marks(ids)}) AND i.suppressed = 0", ids)}


BATCH = 500  # ids per IN (...) list


def document_rows(conn: Database, doc_ids: Sequence[str]) -> list[Any]:
    """id, title, published, source and text of the stored documents among `doc_ids`."""
    if not doc_ids:
        return []
    return wrap(conn).execute(f"SELECT id, title, published, source, text FROM documents WHERE id IN"
                              f" ({_marks(doc_ids)}) ORDER BY id", tuple(doc_ids)).fetchall()


def sentence_spans(conn: Database, doc_ids: Sequence[str]) -> list[tuple[str, int, int, int]]:
    """(document id, sentence index, start, end) of every sentence of the documents."""
    if not doc_ids:
        return []
    return [tuple(r) for r in wrap(conn).execute(
        f'SELECT document_id, idx, start, "end" FROM sentences WHERE document_id IN ({_marks(doc_ids)})'
        " ORDER BY document_id, idx", tuple(doc_ids))]


def identity_event_rows(conn: Database, identity_id: str, roles: Sequence[str], limit: int) -> list[Any]:
    """Events in which one of the identity's latest entities has one of `roles`, latest reports first: id,
    document_id, data, published."""
    return wrap(conn).execute(  # each event once: by id (a semi-join), not DISTINCT over its JSON
        "SELECT e.id, e.document_id, e.data, d.published FROM events e JOIN documents d ON d.id = e.document_id"
        " WHERE e.id IN (SELECT a.event_id FROM " + LATEST_MEMBERS + " l JOIN event_args a"
        f" ON a.entity_id = l.entity_id WHERE a.role IN ({_marks(roles)}))"
        " ORDER BY d.published DESC NULLS LAST, e.id LIMIT ?", (identity_id, *roles, limit)).fetchall()


def attribute_rows(conn: Database, identity_id: str, limit: int) -> list[Any]:
    """(document_id, attributes JSON) of the identity's latest entities that have attributes, latest reports first."""
    return wrap(conn).execute(
        "SELECT e.document_id, e.attributes FROM " + LATEST_MEMBERS + " l JOIN entities e ON e.id = l.entity_id"
        " JOIN documents d ON d.id = e.document_id WHERE e.attributes != '{}'"
        " ORDER BY d.published DESC NULLS LAST, e.rowid DESC LIMIT ?", (identity_id, limit)).fetchall()


def relation_rows(conn: Database, identity_id: str, types: Sequence[str], limit: int,
                  as_object_too: bool = False) -> list[Any]:
    """Relations of `types` whose subject (or, with `as_object_too`, object) is one of the identity's latest
    entities, latest first: document_id, data, subject_entity, object_entity, mine (the identity's entity)."""
    ends = "(r.subject_entity = l.entity_id OR r.object_entity = l.entity_id)" if as_object_too \
        else "r.subject_entity = l.entity_id"
    return wrap(conn).execute(
        "SELECT r.document_id, r.data, r.subject_entity, r.object_entity, l.entity_id AS mine FROM "
        + LATEST_MEMBERS + f" l JOIN relations r ON {ends} WHERE r.type IN ({_marks(types)})"
        " ORDER BY r.id DESC, mine LIMIT ?", (identity_id, *types, limit)).fetchall()


def co_mentioned_rows(conn: Database, identity_id: str) -> list[Any]:
    """People and groups named in the identity's latest reports: id, name, type, documents, shared (reports).

    The latest reports are found among the identity's latest in-document entities (LATEST_MEMBERS' bound, read
    backwards on the (identity_id, rowid) index) rather than by grouping every link it has: a group named in
    10,000 reports no longer aggregates 10,000 links for its 200 latest reports. Counts are grouped by identity
    before identities are joined, so only the identities found are read."""
    return wrap(conn).execute(
        "SELECT i.id, i.name, i.type, i.documents, s.shared FROM"
        " (SELECT b.identity_id, count(DISTINCT b.document_id) AS shared FROM"
        "  (SELECT document_id FROM (SELECT document_id, rowid FROM entity_links WHERE identity_id = ?"
        "    ORDER BY rowid DESC LIMIT 1000) x GROUP BY document_id ORDER BY max(rowid) DESC LIMIT ?) d"
        "  JOIN entity_links b ON b.document_id = d.document_id WHERE b.identity_id != ? GROUP BY b.identity_id) s"
        " JOIN identities i ON i.id = s.identity_id WHERE i.kind != 'place' AND i.suppressed = 0"
        " ORDER BY i.id", (identity_id, LATEST_DOCUMENTS, identity_id)).fetchall()


def claim_rows_by(conn: Database, identity_id: str, limit: int) -> list[Any]:
    """Claims whose speaker is one of the identity's latest entities, latest reports first: document_id, data."""
    return wrap(conn).execute(
        "SELECT c.document_id, c.data FROM " + LATEST_MEMBERS + " l JOIN claims c ON c.speaker_entity = l.entity_id"
        " JOIN documents d ON d.id = c.document_id ORDER BY d.published DESC NULLS LAST, c.id LIMIT ?",
        (identity_id, limit)).fetchall()


def claim_rows_about(conn: Database, identity_id: str, limit: int) -> list[Any]:
    """Claims by others whose content names one of the identity's latest entities, latest reports first."""
    return wrap(conn).execute(  # each claim once: by id (a semi-join), not DISTINCT over its JSON
        "SELECT c.id, c.document_id, c.data, d.published FROM claims c JOIN documents d ON d.id = c.document_id"
        " WHERE c.id IN (SELECT k.id FROM " + LATEST_MEMBERS + " l JOIN mentions m ON m.entity_id = l.entity_id"
        ' JOIN claims k ON k.document_id = m.document_id AND m.start >= k.start AND m."end" <= k."end"'
        " AND (k.speaker_entity IS NULL OR k.speaker_entity != l.entity_id))"
        " ORDER BY d.published DESC NULLS LAST, c.id LIMIT ?", (identity_id, limit)).fetchall()


def place_rows(conn: Database, entity_ids: Iterable[str | None]) -> list[Any]:
    """id, lat, lon, geonameid, country of the entities the geocoder placed."""
    ids = sorted({e for e in entity_ids if e})
    if not ids:
        return []
    return wrap(conn).execute(f"SELECT id, lat, lon, geonameid, country FROM entities WHERE id IN ({_marks(ids)})"
                              " AND lat IS NOT NULL ORDER BY id", ids).fetchall()


def events_of_types(conn: Database, types: Sequence[str]) -> list[Any]:
    """document_id, data of every event of `types`, by type, modality and store order."""
    return wrap(conn).execute(f"SELECT document_id, data FROM events WHERE type IN ({_marks(types)})"
                              " ORDER BY type, modality, id", tuple(types)).fetchall()


def events_of_types_page(conn: Database, types: Sequence[str], after_id: int, limit: int) -> list[Any]:
    """`events_of_types` a page at a time, for walks over the whole store in bounded memory: id, document_id,
    type, modality, data of at most `limit` events of `types` with an id above `after_id`, by id."""
    return wrap(conn).execute(f"SELECT id, document_id, type, modality, data FROM events WHERE type IN"
                              f" ({_marks(types)}) AND id > ? ORDER BY id LIMIT ?",
                              (*types, after_id, limit)).fetchall()
