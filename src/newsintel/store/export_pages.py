"""Reads behind the analysts' exports (exports/ csv, graphml, mentions, ftm): the whole store, a page at a time,
on SQLite and PostgreSQL alike.

An export walks every document, mention or identity, so nothing here returns a whole table: each walk reads pages
of `PAGE` rows by key (`WHERE key > ? ORDER BY key LIMIT ?`), which keeps memory bounded on both backends (a
psycopg cursor holds its whole result in memory; a page is small) and keeps no cursor open between pages. The
per-document reads are small and indexed. Portable SQL through the gateway `Database`; table and column names are
constants of this module, never taken from input. (STIX's reads, which select documents by TLP, are in
export_reads.py.)
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from newsintel.store.gateway import Database, wrap

PAGE = 500
FACT_TABLES = ("events", "claims", "relations")


def _pages(db: Database, sql: str, params: tuple[Any, ...], key: str, start: Any, page: int) -> Iterator[Any]:
    """Rows of `sql` (which ends in `WHERE ... key > ? ORDER BY key LIMIT ?`), page by page from above `start`
    (a value below every key: "" for text ids, 0 for integer keys, which start at 1)."""
    last = start
    while True:
        rows = db.execute(sql, (*params, last, page)).fetchall()
        yield from rows
        if len(rows) < page:
            return
        last = rows[-1][key]


def documents(conn: Any, page: int = PAGE) -> Iterator[Any]:
    """Every document in ingest order: rowid, id, title, source, url, published, author, origin, language, text."""
    return _pages(wrap(conn), "SELECT rowid, id, title, source, url, published, author, origin, language, text"
                  " FROM documents WHERE rowid > ? ORDER BY rowid LIMIT ?", (), "rowid", 0, page)


def sentence_spans(conn: Any, doc_id: str) -> dict[int, tuple[int, int]]:
    """Sentence index -> (start, end) offsets into the document's text."""
    return {r[0]: (r[1], r[2]) for r in wrap(conn).execute(
        'SELECT idx, start, "end" FROM sentences WHERE document_id = ?', (doc_id,))}


def entities(conn: Any, doc_id: str) -> dict[str, Any]:
    """Entity id -> row of the document's entities with what they resolved to: id, name, type, lat, lon, country,
    identity, identity_name, identity_type, identity_kind (the identity columns NULL when unresolved or
    suppressed)."""
    return {r["id"]: r for r in wrap(conn).execute(
        "SELECT e.id, e.name, e.type, e.lat, e.lon, e.country, i.id AS identity, i.name AS identity_name,"
        " i.type AS identity_type, i.kind AS identity_kind FROM entities e"
        " LEFT JOIN entity_links l ON l.entity_id = e.id"
        " LEFT JOIN identities i ON i.id = l.identity_id AND i.suppressed = 0"
        " WHERE e.document_id = ? ORDER BY e.id", (doc_id,))}


def facts(conn: Any, doc_id: str, table: str) -> list[Any]:
    """The document's events, claims or relations in text order: rows of (id, data) with `data` the fact's JSON."""
    if table not in FACT_TABLES:
        raise ValueError(f"not a fact table: {table!r}")
    return wrap(conn).execute(f"SELECT id, data FROM {table} WHERE document_id = ? ORDER BY start, id",
                              (doc_id,)).fetchall()


def identities(conn: Any, kinds: tuple[str, ...] = ("person", "org", "place"), page: int = PAGE) -> Iterator[Any]:
    """Every identity of these kinds (suppressed ones left out), by id: id, kind, type, name, documents, profile."""
    marks = ",".join("?" * len(kinds))
    return _pages(wrap(conn), "SELECT id, kind, type, name, documents, profile FROM identities"
                  f" WHERE suppressed = 0 AND kind IN ({marks}) AND id > ? ORDER BY id LIMIT ?", kinds, "id", "",
                  page)


def identity_details(conn: Any, ids: list[str]) -> dict[str, dict[str, Any]]:
    """Identity id -> `first` and `last` publication date of its reports, `first_document` (the first stored
    report naming it) and `point` (lat, lon, country) where the geocoder placed one of its mentions, or None."""
    if not ids:
        return {}
    db, marks = wrap(conn), ",".join("?" * len(ids))
    out: dict[str, dict[str, Any]] = {i: {"first": None, "last": None, "first_document": None, "point": None}
                                      for i in ids}
    first_rowid: dict[str, int] = {}
    for r in db.execute("SELECT l.identity_id, min(d.published) AS first, max(d.published) AS last,"
                        " min(d.rowid) AS first_rowid FROM entity_links l JOIN documents d ON d.id = l.document_id"
                        f" WHERE l.identity_id IN ({marks}) GROUP BY l.identity_id", tuple(ids)):
        out[r[0]].update(first=r["first"], last=r["last"])
        first_rowid[r[0]] = r["first_rowid"]
    rowids = sorted(set(first_rowid.values()))
    if rowids:
        names = {r[0]: r[1] for r in db.execute(
            f"SELECT rowid, id FROM documents WHERE rowid IN ({','.join('?' * len(rowids))})", tuple(rowids))}
        for identity, rowid in first_rowid.items():
            out[identity]["first_document"] = names.get(rowid)
    for r in db.execute("SELECT l.identity_id, e.lat, e.lon, e.country FROM entity_links l"
                        f" JOIN entities e ON e.id = l.entity_id WHERE l.identity_id IN ({marks})"
                        " AND e.lat IS NOT NULL ORDER BY l.identity_id, e.id", tuple(ids)):
        if out[r[0]]["point"] is None:
            out[r[0]]["point"] = (r[1], r[2], r[3])
    return out


def mentions(conn: Any, page: int = PAGE) -> Iterator[Any]:
    """Every mention by id: id, document_id, origin (the input it was read from), sentence, start, end, text,
    label (the NER label), type (its entity's), entity_id, identity (NULL when unresolved or suppressed)."""
    return _pages(wrap(conn),
                  'SELECT m.id, m.document_id, d.origin, m.sentence, m.start, m."end", m.text, m.label, e.type,'
                  " m.entity_id, i.id AS identity FROM mentions m JOIN documents d ON d.id = m.document_id"
                  " JOIN entities e ON e.id = m.entity_id LEFT JOIN entity_links l ON l.entity_id = m.entity_id"
                  " LEFT JOIN identities i ON i.id = l.identity_id AND i.suppressed = 0"
                  " WHERE m.id > ? ORDER BY m.id LIMIT ?", (), "id", 0, page)


_ACTIVE_PAIR = ("JOIN identities a ON a.id = la.identity_id AND a.suppressed = 0 AND a.kind IN ('person', 'org')"
                " JOIN identities b ON b.id = lb.identity_id AND b.suppressed = 0 AND b.kind IN ('person', 'org')")


def relation_edges(conn: Any, types: tuple[str, ...]) -> list[Any]:
    """(source, target, type, reports): typed relations between people and groups, subject -> object, with the
    number of distinct reports stating each; a relation of an identity to itself is left out. Aggregated by the
    database: one row per pair and type."""
    marks = ",".join("?" * len(types))
    return wrap(conn).execute(
        "SELECT a.id AS source, b.id AS target, r.type, count(DISTINCT r.document_id) AS reports FROM relations r"
        " JOIN entity_links la ON la.entity_id = r.subject_entity JOIN entity_links lb ON lb.entity_id ="
        f" r.object_entity {_ACTIVE_PAIR} WHERE r.type IN ({marks}) AND a.id != b.id"
        " GROUP BY a.id, b.id, r.type ORDER BY a.id, b.id, r.type", types).fetchall()


def event_edges(conn: Any, modalities: tuple[str, ...]) -> list[Any]:
    """(source, target, type, reports): an event's actor -> its target (people and groups), by event type, with the
    number of distinct reports; only events of these modalities."""
    marks = ",".join("?" * len(modalities))
    return wrap(conn).execute(
        "SELECT a.id AS source, b.id AS target, e.type, count(DISTINCT e.document_id) AS reports FROM events e"
        " JOIN event_args xa ON xa.event_id = e.id AND xa.role = 'actors'"
        " JOIN event_args xb ON xb.event_id = e.id AND xb.role = 'targets'"
        " JOIN entity_links la ON la.entity_id = xa.entity_id JOIN entity_links lb ON lb.entity_id = xb.entity_id"
        f" {_ACTIVE_PAIR} WHERE e.modality IN ({marks}) AND a.id != b.id"
        " GROUP BY a.id, b.id, e.type ORDER BY a.id, b.id, e.type", modalities).fetchall()


def co_mention_edges(conn: Any, min_reports: int) -> list[Any]:
    """(source, target, reports): people and groups named in the same reports, in at least `min_reports` of them
    (source < target: one undirected edge per pair)."""
    return wrap(conn).execute(
        "SELECT a.id AS source, b.id AS target, count(DISTINCT la.document_id) AS reports FROM entity_links la"
        " JOIN entity_links lb ON lb.document_id = la.document_id AND lb.identity_id > la.identity_id"
        f" {_ACTIVE_PAIR} GROUP BY a.id, b.id HAVING count(DISTINCT la.document_id) >= ?"
        " ORDER BY a.id, b.id", (min_reports,)).fetchall()
