"""Reads behind the analysts' exports (exports/ csv, graphml, mentions, ftm, geojson): the whole store, a page at a
time, on SQLite and PostgreSQL alike.

An export walks every document, mention or identity, so nothing here returns a whole table: each walk reads pages
of `PAGE` rows by key (`WHERE key > ? ORDER BY key LIMIT ?`), which keeps memory bounded on both backends (a
psycopg cursor holds its whole result in memory; a page is small) and keeps no cursor open between pages. The
per-document reads are small and indexed. Portable SQL through the gateway `Database`; table and column names are
constants of this module, never taken from input. (STIX's reads are in stix_reads.py.)

TLP ceilings: every document row carries its handling (`tlp`: the document's own level, `source_tlp`: its source's
registered level, `reliability`; the same rule as store/sharing.handling_of), so an export decides per row what may
leave without another query; the aggregated edge reads take the admitted levels and count only documents whose
own and source levels are both among them.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from newsintel.store.gateway import Database, wrap
from newsintel.store.sharing import UNKNOWN_SOURCE

PAGE = 500
FACT_TABLES = ("events", "claims", "relations")
_SOURCE = "coalesce(h.source, nullif(d.source, ''), ?)"  # a document's source, as store/sharing.py names it
_HANDLING = (f" LEFT JOIN document_handling h ON h.document_id = d.id LEFT JOIN sources s ON s.name = {_SOURCE}")
_HANDLING_COLUMNS = "coalesce(h.tlp, 'clear') AS tlp, s.tlp AS source_tlp, s.reliability AS reliability"


def admitted_documents(levels: tuple[str, ...]) -> tuple[str, tuple[str, ...]]:
    """SQL `(SELECT id ...)` of the documents whose own and source TLP are both among `levels`, and its
    parameters (to follow `IN`)."""
    marks = ",".join("?" * len(levels))
    return (f"(SELECT d.id FROM documents d{_HANDLING} WHERE coalesce(h.tlp, 'clear') IN ({marks})"
            f" AND coalesce(s.tlp, 'clear') IN ({marks}))", (UNKNOWN_SOURCE, *levels, *levels))


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
    """Every document in ingest order: rowid, id, title, source, url, published, author, origin, language, text,
    and its handling (tlp, source_tlp, reliability)."""
    return _pages(wrap(conn), "SELECT d.rowid, d.id, d.title, d.source, d.url, d.published, d.author, d.origin,"
                  f" d.language, d.text, {_HANDLING_COLUMNS} FROM documents d{_HANDLING}"
                  " WHERE d.rowid > ? ORDER BY d.rowid LIMIT ?", (UNKNOWN_SOURCE,), "rowid", 0, page)


def _marks(ids: list[str]) -> str:
    return ",".join("?" * len(ids))


def sentence_spans(conn: Any, doc_ids: list[str]) -> dict[str, dict[int, tuple[int, int]]]:
    """Document id -> sentence index -> (start, end) offsets into its text, for a page of documents."""
    out: dict[str, dict[int, tuple[int, int]]] = {d: {} for d in doc_ids}
    if doc_ids:
        for r in wrap(conn).execute('SELECT document_id, idx, start, "end" FROM sentences'
                                    f" WHERE document_id IN ({_marks(doc_ids)})", tuple(doc_ids)):
            out[r[0]][r[1]] = (r[2], r[3])
    return out


def entities(conn: Any, doc_ids: list[str]) -> dict[str, dict[str, Any]]:
    """Document id -> entity id -> row of its entities with what they resolved to: id, name, type, lat, lon,
    country, identity, identity_name, identity_type, identity_kind (the identity columns NULL when unresolved or
    suppressed), for a page of documents."""
    out: dict[str, dict[str, Any]] = {d: {} for d in doc_ids}
    if doc_ids:
        for r in wrap(conn).execute(
                "SELECT e.document_id, e.id, e.name, e.type, e.lat, e.lon, e.country, i.id AS identity,"
                " i.name AS identity_name, i.type AS identity_type, i.kind AS identity_kind FROM entities e"
                " LEFT JOIN entity_links l ON l.entity_id = e.id"
                " LEFT JOIN identities i ON i.id = l.identity_id AND i.suppressed = 0"
                f" WHERE e.document_id IN ({_marks(doc_ids)}) ORDER BY e.document_id, e.id", tuple(doc_ids)):
            out[r["document_id"]][r["id"]] = r
    return out


def facts(conn: Any, doc_ids: list[str], table: str) -> dict[str, list[Any]]:
    """Document id -> its events, claims or relations in text order (rows of id, data with `data` the fact's
    JSON), for a page of documents."""
    if table not in FACT_TABLES:
        raise ValueError(f"not a fact table: {table!r}")
    out: dict[str, list[Any]] = {d: [] for d in doc_ids}
    if doc_ids:
        for r in wrap(conn).execute(f"SELECT document_id, id, data FROM {table}"
                                    f" WHERE document_id IN ({_marks(doc_ids)}) ORDER BY document_id, start, id",
                                    tuple(doc_ids)):
            out[r["document_id"]].append(r)
    return out


def identities(conn: Any, kinds: tuple[str, ...] = ("person", "org", "place"), page: int = PAGE) -> Iterator[Any]:
    """Every identity of these kinds (suppressed ones left out), by id: id, kind, type, name, documents, profile."""
    marks = ",".join("?" * len(kinds))
    return _pages(wrap(conn), "SELECT id, kind, type, name, documents, profile FROM identities"
                  f" WHERE suppressed = 0 AND kind IN ({marks}) AND id > ? ORDER BY id LIMIT ?", kinds, "id", "",
                  page)


def identity_links(conn: Any, ids: list[str]) -> list[Any]:
    """Every entity linked to these identities, with its document's date, ingest position and handling:
    identity_id, entity_id, name, aliases, attributes, lat, lon, country, document_id, rowid, published, tlp,
    source_tlp (by identity, then entity id)."""
    if not ids:
        return []
    marks = ",".join("?" * len(ids))
    return wrap(conn).execute(
        "SELECT l.identity_id, e.id AS entity_id, e.name, e.aliases, e.attributes, e.lat, e.lon, e.country,"
        " d.id AS document_id, d.rowid, d.published, coalesce(h.tlp, 'clear') AS tlp, s.tlp AS source_tlp"
        " FROM entity_links l JOIN entities e ON e.id = l.entity_id JOIN documents d ON d.id = l.document_id"
        f"{_HANDLING} WHERE l.identity_id IN ({marks}) ORDER BY l.identity_id, e.id",
        (UNKNOWN_SOURCE, *ids)).fetchall()


def mentions(conn: Any, page: int = PAGE) -> Iterator[Any]:
    """Every mention by id: id, document_id, origin (the input it was read from), sentence, start, end, text,
    label (the NER label), type (its entity's), entity_id, identity (NULL when unresolved or suppressed), and its
    document's handling (tlp, source_tlp)."""
    return _pages(wrap(conn),
                  'SELECT m.id, m.document_id, d.origin, m.sentence, m.start, m."end", m.text, m.label, e.type,'
                  f" m.entity_id, i.id AS identity, {_HANDLING_COLUMNS} FROM mentions m"
                  f" JOIN documents d ON d.id = m.document_id{_HANDLING}"
                  " JOIN entities e ON e.id = m.entity_id LEFT JOIN entity_links l ON l.entity_id = m.entity_id"
                  " LEFT JOIN identities i ON i.id = l.identity_id AND i.suppressed = 0"
                  " WHERE m.id > ? ORDER BY m.id LIMIT ?", (UNKNOWN_SOURCE,), "id", 0, page)


_ACTIVE_PAIR = ("JOIN identities a ON a.id = la.identity_id AND a.suppressed = 0 AND a.kind IN ('person', 'org')"
                " JOIN identities b ON b.id = lb.identity_id AND b.suppressed = 0 AND b.kind IN ('person', 'org')")


def relation_edges(conn: Any, types: tuple[str, ...], levels: tuple[str, ...]) -> Iterator[Any]:
    """(source, target, type, reports): typed relations between people and groups, subject -> object, with the
    number of distinct reports (of TLP `levels`) stating each; a relation of an identity to itself is left out.
    Aggregated by the database: one row per pair and type, read as the cursor gives them (SQLite streams)."""
    marks = ",".join("?" * len(types))
    admitted, params = admitted_documents(levels)
    return wrap(conn).execute(
        "SELECT a.id AS source, b.id AS target, r.type, count(DISTINCT r.document_id) AS reports FROM relations r"
        " JOIN entity_links la ON la.entity_id = r.subject_entity JOIN entity_links lb ON lb.entity_id ="
        f" r.object_entity {_ACTIVE_PAIR} WHERE r.type IN ({marks}) AND a.id != b.id"
        f" AND r.document_id IN {admitted} GROUP BY a.id, b.id, r.type ORDER BY a.id, b.id, r.type",
        (*types, *params))


def event_edges(conn: Any, modalities: tuple[str, ...], levels: tuple[str, ...]) -> Iterator[Any]:
    """(source, target, type, reports): an event's actor -> its target (people and groups), by event type, with the
    number of distinct reports (of TLP `levels`); only events of these modalities."""
    marks = ",".join("?" * len(modalities))
    admitted, params = admitted_documents(levels)
    return wrap(conn).execute(
        "SELECT a.id AS source, b.id AS target, e.type, count(DISTINCT e.document_id) AS reports FROM events e"
        " JOIN event_args xa ON xa.event_id = e.id AND xa.role = 'actors'"
        " JOIN event_args xb ON xb.event_id = e.id AND xb.role = 'targets'"
        " JOIN entity_links la ON la.entity_id = xa.entity_id JOIN entity_links lb ON lb.entity_id = xb.entity_id"
        f" {_ACTIVE_PAIR} WHERE e.modality IN ({marks}) AND a.id != b.id AND e.document_id IN {admitted}"
        " GROUP BY a.id, b.id, e.type ORDER BY a.id, b.id, e.type", (*modalities, *params))


def co_mention_edges(conn: Any, min_reports: int, levels: tuple[str, ...]) -> Iterator[Any]:
    """(source, target, reports): people and groups named in the same reports (of TLP `levels`), in at least
    `min_reports` of them (source < target: one undirected edge per pair)."""
    admitted, params = admitted_documents(levels)
    return wrap(conn).execute(
        "SELECT a.id AS source, b.id AS target, count(DISTINCT la.document_id) AS reports FROM entity_links la"
        " JOIN entity_links lb ON lb.document_id = la.document_id AND lb.identity_id > la.identity_id"
        f" {_ACTIVE_PAIR} WHERE la.document_id IN {admitted}"
        " GROUP BY a.id, b.id HAVING count(DISTINCT la.document_id) >= ?"
        " ORDER BY a.id, b.id", (*params, min_reports))
