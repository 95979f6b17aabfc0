"""Reads of one stored document's facts for the views that compare reports (figures and conflicts): its
sentences, entities with what they resolved to, events, quantities and mentions by sentence."""

from __future__ import annotations

import json
from typing import Any

from newsintel.store.gateway import Database, wrap


def entity_links(conn: Database, doc_id: str) -> list[dict[str, Any]]:
    """Each entity of the document with its place columns and identity: id, type, geonameid, lat, lon, country,
    geo_kind, identity_id, kind (the identity's kind; None when unresolved)."""
    return [dict(r) for r in wrap(conn).execute(
        "SELECT e.id, e.type, e.geonameid, e.lat, e.lon, e.country, e.geo_kind, l.identity_id, i.kind"
        " FROM entities e LEFT JOIN entity_links l ON l.entity_id = e.id LEFT JOIN identities i ON i.id = l.identity_id"
        " WHERE e.document_id = ? ORDER BY e.rowid", (doc_id,))]


def events(conn: Database, doc_id: str, dated_only: bool = False) -> list[tuple[int, dict, str | None]]:
    """(sentence, event, stated time value) of the document's events; `dated_only`: those with a stated time."""
    sql = "SELECT sentence, data, time_value FROM events WHERE document_id = ?"
    if dated_only:
        sql += " AND time_value IS NOT NULL"
    sql += " ORDER BY id"
    return [(s, json.loads(d), v) for s, d, v in wrap(conn).execute(sql, (doc_id,))]


def quantities(conn: Database, doc_id: str) -> list[tuple[int, dict]]:
    """(sentence, quantity) of the document's quantities."""
    return [(s, json.loads(d)) for s, d in wrap(conn).execute(
        "SELECT sentence, data FROM quantities WHERE document_id = ? ORDER BY id", (doc_id,))]


def published(conn: Database, doc_id: str) -> str | None:
    row = wrap(conn).execute("SELECT published FROM documents WHERE id = ?", (doc_id,)).fetchone()
    return row[0] if row else None


def sentence_texts(conn: Database, doc_id: str) -> dict[int, tuple[int, str]]:
    """Sentence index -> (start offset, text)."""
    (text,) = wrap(conn).execute("SELECT text FROM documents WHERE id = ?", (doc_id,)).fetchone()
    return {idx: (start, text[start:end]) for idx, start, end in wrap(conn).execute(
        'SELECT idx, start, "end" FROM sentences WHERE document_id = ?', (doc_id,))}


def entities_mentioned(conn: Database, doc_id: str, sentence: int | None = None,
                       before: int | None = None) -> set[str]:
    """Ids of the entities mentioned in one sentence, or in the sentences before index `before`."""
    if sentence is not None:
        rows = wrap(conn).execute("SELECT DISTINCT entity_id FROM mentions WHERE document_id = ? AND sentence = ?",
                            (doc_id, sentence))
    else:
        rows = wrap(conn).execute("SELECT DISTINCT entity_id FROM mentions WHERE document_id = ? AND sentence < ?",
                            (doc_id, before))
    return {r[0] for r in rows}


def documents_with_quantities(conn: Database) -> list[str]:
    return [r[0] for r in wrap(conn).execute("SELECT DISTINCT document_id FROM quantities ORDER BY document_id")]


def shared_story_of(conn: Database) -> dict[str, int]:
    """Document id -> its story, for documents in a story of more than one member."""
    return dict(wrap(conn).execute("SELECT s.document_id, s.story_id FROM story_docs s JOIN stories t"
                             " ON t.id = s.story_id WHERE t.size > 1"))


def place_identity_name(conn: Database, place: str) -> str | None:
    """The name of the best-ranked identity of a gazetteer place ref, if one was resolved."""
    row = wrap(conn).execute("SELECT i.name FROM identity_keys k JOIN identities i ON i.id = k.identity_id"
                       " WHERE k.key = ? ORDER BY k.rank DESC LIMIT 1", ("g:id:" + place,)).fetchone()
    return row[0] if row else None


def identity_name(conn: Database, identity_id: str) -> str | None:
    row = wrap(conn).execute("SELECT name FROM identities WHERE id = ?", (identity_id,)).fetchone()
    return row[0] if row else None
