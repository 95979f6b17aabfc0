"""Reads behind `newsintel export stix` (issue 14): the documents an export may share and what was derived from them.

Everything is read per document, so an exporter that asks only for the documents at or under its TLP ceiling never
receives a row, a name or a text of any other document. Portable SQL (store/gateway.py).
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

from newsintel.store.gateway import wrap
from newsintel.store.sharing import allowed, handling_of

CHUNK = 500


def _chunks(ids: list[str]) -> Iterator[tuple[list[str], str]]:
    for start in range(0, len(ids), CHUNK):
        chunk = ids[start:start + CHUNK]
        yield chunk, ",".join("?" * len(chunk))


def export_documents(conn: Any, tlp_max: str, identity: str | None = None, story: int | None = None,
                     since: str | None = None) -> list[dict[str, Any]]:
    """The documents at or under `tlp_max` (optionally: naming `identity`, in `story`, published on or after
    `since`), in ingest order, each with its handling (`tlp`, `handling_source`, `reliability`)."""
    return [d for page in document_pages(conn, tlp_max, identity, story, since) for d in page]


def document_pages(conn: Any, tlp_max: str, identity: str | None = None, story: int | None = None,
                   since: str | None = None, page: int = CHUNK) -> Iterator[list[dict[str, Any]]]:
    """`export_documents` a page at a time (keyset on the ingest position, so memory stays bounded on both
    backends): lists of at most `page` documents read, each list holding those of them at or under `tlp_max`."""
    db = wrap(conn)
    where, params = [], []
    if identity:
        where.append("d.id IN (SELECT document_id FROM entity_links WHERE identity_id = ?)")
        params.append(identity)
    if story is not None:
        where.append("d.id IN (SELECT document_id FROM story_docs WHERE story_id = ?)")
        params.append(story)
    if since:
        where.append("d.published >= ?")
        params.append(since)
    where.append("d.rowid > ?")
    sql = ("SELECT d.rowid AS position, d.id, d.title, d.source, d.url, d.published, d.ingested_at FROM documents d"
           " WHERE " + " AND ".join(where) + " ORDER BY d.rowid LIMIT ?")
    last = 0
    while True:
        rows = db.execute(sql, (*params, last, page)).fetchall()
        if not rows:
            return
        handling = handling_of(db, [r["id"] for r in rows])
        out = []
        for r in rows:
            h = handling.get(r["id"])
            if h is not None and allowed(h.tlp, tlp_max):
                row = dict(zip(r.keys(), tuple(r), strict=True))
                del row["position"]
                out.append({**row, "tlp": h.tlp, "handling_source": h.source, "reliability": h.reliability})
        yield out
        if len(rows) < page:
            return
        last = rows[-1]["position"]


def linked_entities(conn: Any, doc_ids: list[str]) -> list[dict[str, Any]]:
    """Entities of these documents resolved to an identity that is not suppressed: entity id, document, the
    entity's own name and type, its point and country, and the identity's id, kind, type and stored name."""
    db = wrap(conn)
    out = []
    for chunk, marks in _chunks(sorted(doc_ids)):
        for r in db.execute(
                "SELECT e.id, e.document_id, e.name, e.type, e.geonameid, e.lat, e.lon, e.country,"
                " i.id AS identity, i.kind, i.type AS identity_type, i.name AS identity_name FROM entities e"
                " JOIN entity_links l ON l.entity_id = e.id JOIN identities i ON i.id = l.identity_id"
                f" WHERE e.document_id IN ({marks}) AND i.suppressed = 0 ORDER BY e.document_id, e.id", chunk):
            out.append(dict(zip(r.keys(), tuple(r), strict=True)))
    return out


def facts_of(conn: Any, table: str, doc_ids: list[str]) -> list[tuple[str, dict[str, Any]]]:
    """(document id, fact as extracted) of `table` (events, claims or relations) for these documents."""
    if table not in ("events", "claims", "relations"):  # a table name is never taken from input
        raise ValueError(table)
    db = wrap(conn)
    out = []
    for chunk, marks in _chunks(sorted(doc_ids)):
        for r in db.execute(f"SELECT document_id, data FROM {table} WHERE document_id IN ({marks})"
                            " ORDER BY document_id, start, id", chunk):
            out.append((r["document_id"], json.loads(r["data"])))
    return out


def stories_of(conn: Any, doc_ids: list[str]) -> dict[str, int]:
    """Document id -> story id, for these documents."""
    db = wrap(conn)
    out: dict[str, int] = {}
    for chunk, marks in _chunks(sorted(doc_ids)):
        out.update({r[0]: int(r[1]) for r in db.execute(
            f"SELECT document_id, story_id FROM story_docs WHERE document_id IN ({marks})", chunk)})
    return out


def story_corroboration(conn: Any, asks: list[tuple[str, str, list[str]]], may_use: set[str]) -> list[int]:
    """As store/queries.story_reports_with_events (the views' corroboration), counting only the documents an
    export may use: for each (document id, event type, entity ids), how many other reports of its story in
    `may_use` have an event of that type whose actor or target is resolved to the identity of one of the entities.
    A withheld report raises nothing, so whether an event is exported never tells that one exists."""
    db = wrap(conn)
    entity_ids = sorted({e for _, _, entities in asks for e in entities if e})
    identity: dict[str, str] = {}
    for chunk, marks in _chunks(entity_ids):
        identity.update({r[0]: r[1] for r in db.execute(
            f"SELECT entity_id, identity_id FROM entity_links WHERE entity_id IN ({marks})", chunk)})
    others: dict[tuple[str, str, str], set[str]] = {}
    docs = sorted({doc for doc, _, entities in asks if any(e in identity for e in entities)})
    types = sorted({type_ for _, type_, _ in asks})
    identities = sorted(set(identity.values()))
    type_marks, identity_marks = ",".join("?" * len(types)), ",".join("?" * len(identities))
    for chunk, marks in _chunks(docs):
        for doc, type_, identity_id, other in db.execute(
                "SELECT s1.document_id, e2.type, l2.identity_id, e2.document_id FROM story_docs s1"
                " JOIN story_docs s2 ON s2.story_id = s1.story_id AND s2.document_id != s1.document_id"
                " JOIN events e2 ON e2.document_id = s2.document_id"
                " JOIN event_args a2 ON a2.event_id = e2.id AND a2.role IN ('actors', 'targets')"
                " JOIN entity_links l2 ON l2.entity_id = a2.entity_id"
                f" WHERE s1.document_id IN ({marks}) AND e2.type IN ({type_marks})"
                f" AND l2.identity_id IN ({identity_marks})", (*chunk, *types, *identities)):
            if other in may_use:
                others.setdefault((doc, type_, identity_id), set()).add(other)
    return [len(set().union(*(others.get((doc, type_, identity[e]), set()) for e in entities if e in identity)))
            for doc, type_, entities in asks]
