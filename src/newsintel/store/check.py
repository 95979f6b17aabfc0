"""`newsintel check`: the store's integrity checks, run on demand.

SQLite's own checks (pages and indexes, foreign keys), the full-text index against the documents, the schema
version against the migrations this newsintel knows, and cheap consistency checks of what newsintel itself
promises: every offset inside its document's text, every input pointing at a stored document, every identity
with members, every document in one story. Each check reads the store once; nothing is changed.

On PostgreSQL the server keeps pages, indexes and foreign keys sound itself and the full-text column is generated
from the text, so the schema and the consistency checks run (the same portable SQL as on SQLite).
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Iterator
from dataclasses import dataclass

from newsintel.store.db import latest_version, pg_schema_version, schema_version
from newsintel.store.gateway import POSTGRESQL, Database, wrap

MAX_PER_CHECK = 50  # problems listed per check; a badly damaged store would otherwise print millions of lines

RESOLVED_TYPES = ("PERSON", "ORG", "GPE", "LOC", "FAC")
FACT_TABLES = ("events", "claims", "quantities", "relations")


@dataclass(slots=True)
class Problem:
    check: str
    message: str

    def line(self) -> str:
        return f"{self.check}: {self.message}"


@dataclass(slots=True)
class Report:
    schema: int | None
    checks: list[str]  # the checks that ran
    problems: list[Problem]
    notes: list[str]  # checks that could not run for a reason that is not a fault (a read-only store)

    @property
    def ok(self) -> bool:
        return not self.problems


def _errors() -> tuple[type[Exception], ...]:
    """The errors a store can raise while a check runs (psycopg's only when it is loaded: a PostgreSQL store)."""
    import sys

    psycopg = sys.modules.get("psycopg")
    return (sqlite3.DatabaseError, psycopg.Error) if psycopg else (sqlite3.DatabaseError,)


def check_store(conn: Database | sqlite3.Connection) -> Report:
    """Run every check on an open store (not migrated: the schema is checked as found)."""
    db = wrap(conn)
    report = Report(schema=None, checks=[], problems=[], notes=[])
    try:
        report.schema = pg_schema_version(db) if db.dialect == POSTGRESQL else schema_version(db)
    except _errors() as err:
        report.problems.append(Problem("store", " ".join(str(err).split())))
        return report  # not a database at all: nothing else can run
    latest = latest_version()
    _run(report, "schema", lambda: _schema(report.schema or 0, latest))
    if db.dialect != POSTGRESQL:
        _run(report, "integrity", lambda: _integrity(db.conn))
        _run(report, "foreign keys", lambda: _foreign_keys(db.conn))
        _run(report, "full-text index", lambda: _fts(db.conn, report))
    if report.schema == latest:  # the consistency queries name this version's tables and columns
        for name, check in CONSISTENCY:
            _run(report, name, lambda check=check: check(db))
    return report


def _run(report: Report, name: str, check: Callable[[], Iterator[str]]) -> None:
    report.checks.append(name)
    found = 0
    try:
        for message in check():
            found += 1
            if found <= MAX_PER_CHECK:
                report.problems.append(Problem(name, message))
    except _errors() as err:
        report.problems.append(Problem(name, f"could not run: {' '.join(str(err).split())}"))
    if found > MAX_PER_CHECK:
        report.problems.append(Problem(name, f"... and {found - MAX_PER_CHECK} more problems of this kind"))


def _schema(version: int, latest: int) -> Iterator[str]:
    if version > latest:
        yield (f"store was written by a newer newsintel (schema {version}, this version knows up to {latest}); "
               "its tables were not checked")
    elif version < latest:
        yield (f"schema {version} is older than this version's {latest} (any newsintel command upgrades it); "
               "its tables were not checked")


def _integrity(conn: sqlite3.Connection) -> Iterator[str]:
    for (message,) in conn.execute(f"PRAGMA integrity_check({MAX_PER_CHECK + 1})"):
        if message != "ok":
            yield message


def _foreign_keys(conn: sqlite3.Connection) -> Iterator[str]:
    for table, rowid, parent, _fk in conn.execute("PRAGMA foreign_key_check"):
        yield f"{table} row {rowid} refers to a missing {parent} row"


def _fts(conn: sqlite3.Connection, report: Report) -> Iterator[str]:
    """FTS5's own check, comparing the index with the documents it indexes (rank 1: the external content too).
    It is issued as an INSERT, so it runs in a transaction that is rolled back."""
    tables = [r[0] for r in conn.execute(
        "SELECT name FROM sqlite_master WHERE type = 'table' AND sql LIKE 'CREATE VIRTUAL TABLE%USING fts5%'")]
    for table in tables:
        try:
            conn.execute("BEGIN")
            conn.execute(f'INSERT INTO "{table}"("{table}", rank) VALUES (\'integrity-check\', 1)')
        except sqlite3.OperationalError as err:
            if "readonly" not in str(err).lower():
                raise
            report.notes.append(f"full-text index {table} not checked: the store is read-only")
        except sqlite3.DatabaseError as err:
            yield f"{table}: {err}"
        finally:
            if conn.in_transaction:
                conn.execute("ROLLBACK")


# sqlite's text functions stop at a NUL: such texts are checked apart. PostgreSQL text holds no NUL.
NO_NUL = {"sqlite": "instr(CAST(d.text AS BLOB), x'00') = 0", POSTGRESQL: "TRUE"}
DIFFERS = {"sqlite": "IS NOT", POSTGRESQL: "IS DISTINCT FROM"}


def _offsets(conn: Database) -> Iterator[str]:
    """Every mention's offsets inside its document's text, and the text there the mention's own; sentences and
    facts inside the text."""
    no_nul = NO_NUL[conn.dialect]
    for mid, doc_id, start, end in conn.execute(
            'SELECT m.id, m.document_id, m.start, m."end" FROM mentions m JOIN documents d ON d.id = m.document_id'
            ' WHERE m.start < 0 OR m."end" < m.start'
            f' OR ({no_nul} AND CASE WHEN m."end" >= m.start THEN substr(d.text, m.start + 1, m."end" - m.start) END'
            f" {DIFFERS[conn.dialect]} m.text)"
            " ORDER BY m.id"):
        yield _mention_problem(mid, doc_id, start, end)
    spans = [("sentences", "sentence", "s.idx"), *((t, f"{t} row", "s.id") for t in FACT_TABLES)]
    for table, what, key in spans:
        for doc_id, ident, start, end in conn.execute(
                f'SELECT s.document_id, {key}, s.start, s."end" FROM {table} s JOIN documents d'
                f' ON d.id = s.document_id WHERE s.start < 0 OR s."end" < s.start'
                f' OR ({no_nul} AND s."end" > length(d.text)) ORDER BY s.document_id, {key}'):
            yield _span_problem(what, ident, doc_id, start, end)
    for doc_id, text in conn.execute(f"SELECT id, text FROM documents d WHERE NOT {no_nul} ORDER BY id"):
        yield from _offsets_of_text(conn, doc_id, text)


def _mention_problem(mid: int, doc_id: str, start: int, end: int) -> str:
    return f"mention {mid} ({start}-{end}) does not match the text of document {doc_id}"


def _span_problem(what: str, ident: object, doc_id: str, start: int, end: int) -> str:
    return f"{what} {ident} of document {doc_id} ({start}-{end}) is outside its text"


def _offsets_of_text(conn: Database, doc_id: str, text: str) -> Iterator[str]:
    """The same checks in Python, for a text holding a NUL."""
    for mid, start, end, mention in conn.execute(
            'SELECT id, start, "end", text FROM mentions WHERE document_id = ?', (doc_id,)):
        if not 0 <= start <= end or text[start:end] != mention:
            yield _mention_problem(mid, doc_id, start, end)
    for table, what, key in [("sentences", "sentence", "idx"), *((t, f"{t} row", "id") for t in FACT_TABLES)]:
        for ident, start, end in conn.execute(f'SELECT {key}, start, "end" FROM {table} WHERE document_id = ?',
                                              (doc_id,)):
            if not 0 <= start <= end <= len(text):
                yield _span_problem(what, ident, doc_id, start, end)


def _documents(conn: Database) -> Iterator[str]:
    """Inputs point at stored documents; mentions and links sit in their entity's document; one story each."""
    for raw_hash, doc_id in conn.execute(
            "SELECT raw_hash, document_id FROM inputs i WHERE NOT EXISTS"
            " (SELECT 1 FROM documents d WHERE d.id = i.document_id)"):
        yield f"input {raw_hash[:16]} points at document {doc_id}, which is not stored"
    for mid, doc_id in conn.execute(
            "SELECT m.id, m.document_id FROM mentions m JOIN entities e ON e.id = m.entity_id"
            " WHERE e.document_id != m.document_id"):
        yield f"mention {mid} is in document {doc_id} but its entity is not"
    for (doc_id,) in conn.execute(
            "SELECT id FROM documents d WHERE NOT EXISTS (SELECT 1 FROM story_docs s WHERE s.document_id = d.id)"):
        yield f"document {doc_id} is in no story"
    for story, size, members in conn.execute(
            "SELECT id, size, members FROM (SELECT s.id, s.size,"
            " (SELECT count(*) FROM story_docs d WHERE d.story_id = s.id) AS members FROM stories s) t"
            " WHERE size != members OR size = 0 ORDER BY id"):
        yield f"story {story} says {size} articles but has {members}"


def _identities(conn: Database) -> Iterator[str]:
    """Every identity has member entities, and every person, group or place entity is linked to one."""
    for identity, name in conn.execute(
            "SELECT id, name FROM identities i WHERE NOT EXISTS"
            " (SELECT 1 FROM entity_links l WHERE l.identity_id = i.id)"):
        yield f"identity {identity} ({name}) has no members"
    marks = ",".join("?" * len(RESOLVED_TYPES))
    for entity, type_ in conn.execute(
            f"SELECT e.id, e.type FROM entities e WHERE e.type IN ({marks}) AND NOT EXISTS"
            " (SELECT 1 FROM entity_links l WHERE l.entity_id = e.id)", RESOLVED_TYPES):
        yield f"entity {entity} ({type_}) is linked to no identity"
    for entity, link_doc in conn.execute(
            "SELECT l.entity_id, l.document_id FROM entity_links l JOIN entities e ON e.id = l.entity_id"
            " WHERE e.document_id != l.document_id"):
        yield f"link of entity {entity} names document {link_doc}, not the entity's own"


CONSISTENCY: tuple[tuple[str, Callable[[Database], Iterator[str]]], ...] = (
    ("offsets", _offsets),
    ("documents", _documents),
    ("identities", _identities),
)
