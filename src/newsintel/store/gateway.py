"""One database gateway for both backends: SQL in store/ is written once, in a portable form, and run here.

`Database` wraps a sqlite3 connection or a psycopg 3 connection. Portable SQL uses `?` placeholders, quotes the
column `end` (reserved in PostgreSQL; "end" works in SQLite too), compares integer flags explicitly (`dated = 1`)
and avoids SQLite-only functions (iif, instr). For PostgreSQL `translate` rewrites only what must differ:
`?` outside string literals becomes `%s`, every literal `%` is doubled (psycopg reads `%` as a placeholder mark),
and `INSERT OR IGNORE` becomes `INSERT ... ON CONFLICT DO NOTHING`. Rows answer both `row[0]` and `row["name"]`
on either backend (sqlite3.Row; `Row` below for psycopg), so reading code does not care which one it got.
"""

from __future__ import annotations

import functools
import re
import sqlite3
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from typing import Any

SQLITE, POSTGRESQL = "sqlite", "postgresql"

_TOKENS = re.compile(r"'(?:[^']|'')*'|\"(?:[^\"]|\"\")*\"|\?|%")  # string literal, quoted name, ?, %
_OR_IGNORE = re.compile(r"^\s*INSERT\s+OR\s+IGNORE\s+INTO\b", re.IGNORECASE)


@functools.lru_cache(maxsize=4096)  # the same few hundred statements, run for every document
def translate(sql: str) -> str:
    """Portable SQL as psycopg wants it for PostgreSQL (see the module docstring for what changes)."""
    ignore = _OR_IGNORE.match(sql)
    if ignore:
        sql = "INSERT INTO" + sql[ignore.end():]

    def swap(match: re.Match) -> str:
        token = match[0]
        if token == "?":
            return "%s"
        if token == "%":
            return "%%"
        return token.replace("%", "%%")  # a literal: its `?` stays, its `%` is doubled

    out = _TOKENS.sub(swap, sql)
    if ignore:
        out = out.rstrip().rstrip(";") + " ON CONFLICT DO NOTHING"
    return out


class Row(tuple):
    """A result row read by position or by column name, like sqlite3.Row."""

    _names: dict[str, int]

    def __new__(cls, values: Sequence[Any], names: dict[str, int]) -> Row:
        row = super().__new__(cls, values)
        row._names = names
        return row

    def __getitem__(self, key):  # type: ignore[override]
        if isinstance(key, str):
            return tuple.__getitem__(self, self._names[key])
        return tuple.__getitem__(self, key)

    def keys(self) -> list[str]:
        return list(self._names)


def row_factory(cursor: Any):
    """psycopg row factory making `Row`s."""
    names = {column.name: i for i, column in enumerate(cursor.description or ())}
    return lambda values: Row(values, names)


class Database:
    """A connection to either backend with one interface: `execute`, `executemany`, `insert`, `transaction`."""

    def __init__(self, conn: Any) -> None:
        self.conn = conn
        self.dialect = SQLITE if isinstance(conn, sqlite3.Connection) else POSTGRESQL

    def sql(self, portable: str) -> str:
        return portable if self.dialect == SQLITE else translate(portable)

    def any_of(self, column: str, values: Sequence[Any]) -> tuple[str, tuple[Any, ...]]:
        """A condition "`column` is one of `values`" and its parameters: one array parameter on PostgreSQL (one
        statement text whatever the count, so it is parsed and planned like any other, and binds in half the time
        of a 1,000-item IN list), `IN (?, ...)` on SQLite, which has no arrays."""
        if self.dialect == SQLITE:
            return f"{column} IN ({','.join('?' * len(values))})", tuple(values)
        return f"{column} = ANY(?)", (list(values),)

    def execute(self, sql: str, params: Sequence[Any] = ()) -> Any:
        """Run one statement; the cursor returned fetches `Row`s (sqlite3.Row on SQLite)."""
        return self.conn.execute(self.sql(sql), tuple(params))

    def fetch_all(self, statements: Sequence[tuple[str, Sequence[Any]]]) -> list[list[Any]]:
        """The rows of several independent reads. PostgreSQL: sent in one pipeline, so they cost one round trip
        (one wake-up of the server process: on a loaded machine each round trip waits for a core, 5-40 ms) instead
        of one each; SQLite: run in turn."""
        if self.dialect == SQLITE:
            return [self.conn.execute(sql, tuple(params)).fetchall() for sql, params in statements]
        with self.conn.pipeline():
            cursors = [self.conn.execute(self.sql(sql), tuple(params)) for sql, params in statements]
        return [cursor.fetchall() for cursor in cursors]

    def executemany(self, sql: str, rows: Iterable[Sequence[Any]]) -> None:
        rows = [tuple(r) for r in rows]
        if not rows:
            return
        if self.dialect == SQLITE:
            self.conn.executemany(sql, rows)
        else:
            with self.conn.cursor() as cur:
                cur.executemany(self.sql(sql), rows)

    def insert_rows(self, sql: str, rows: Iterable[Sequence[Any]]) -> None:
        """`executemany` for one `INSERT ... VALUES (...)` statement: on PostgreSQL the rows go as multi-row
        VALUES lists (one statement per MULTI_ROW_PARAMS parameters), which the server runs as one statement each
        instead of one per row; rows keep their order, so ids drawn from an identity column follow it as before.
        An `ON CONFLICT ... DO UPDATE` may not meet one key twice in a statement: when the first column (its
        conflict key, by this method's contract) repeats, the batch runs row by row."""
        rows = [tuple(r) for r in rows]
        if self.dialect == SQLITE or len(rows) < 2:
            self.executemany(sql, rows)
            return
        head, group, tail = _values_group(sql)
        if " DO UPDATE " in tail.upper() and len({r[0] for r in rows}) < len(rows):
            self.executemany(sql, rows)
            return
        per = max(1, MULTI_ROW_PARAMS // max(1, len(rows[0])))
        for start in range(0, len(rows), per):
            part = rows[start:start + per]
            self.conn.execute(self.sql(head + ", ".join([group] * len(part)) + tail),
                              [v for row in part for v in row])

    def insert(self, sql: str, params: Sequence[Any] = ()) -> int:
        """Run an INSERT into a table with an integer `id` and return the new row's id."""
        if self.dialect == SQLITE:
            return int(self.conn.execute(sql, tuple(params)).lastrowid or 0)
        return int(self.conn.execute(self.sql(sql) + " RETURNING id", tuple(params)).fetchone()[0])

    def executescript(self, sql: str) -> None:
        """Several statements without parameters (a migration); the caller holds the transaction."""
        if self.dialect == SQLITE:
            for statement in statements(sql):
                self.conn.execute(statement)
        else:
            self.conn.execute(sql)

    @contextmanager
    def transaction(self) -> Iterator[Database]:
        """All or nothing: committed when the block ends, rolled back when it raises."""
        if self.dialect == SQLITE:
            self.conn.execute("BEGIN IMMEDIATE")
            try:
                yield self
            except BaseException:
                self.conn.execute("ROLLBACK")
                raise
            self.conn.execute("COMMIT")
        else:
            with self.conn.transaction():
                yield self

    def close(self) -> None:
        self.conn.close()


MULTI_ROW_PARAMS = 4_000  # parameters per multi-row INSERT (PostgreSQL allows 65,535)
_VALUES = re.compile(r"\bVALUES\s*(\([^()]*\))", re.IGNORECASE)


def _values_group(sql: str) -> tuple[str, str, str]:
    """(text before the VALUES group, the group "(?, ?, 1)", text after it) of a one-row INSERT."""
    match = _VALUES.search(sql)
    if match is None:
        raise ValueError("not an INSERT ... VALUES (...) statement")
    return sql[:match.start(1)], match[1], sql[match.end(1):]


def statements(sql: str) -> list[str]:
    """Split a SQLite migration into statements (triggers contain semicolons, so use sqlite's own test)."""
    out, buf = [], ""
    for line in sql.splitlines(keepends=True):
        buf += line
        if sqlite3.complete_statement(buf):
            out.append(buf.strip())
            buf = ""
    if buf.strip():
        out.append(buf.strip())
    return out


WRITE_LOCK = 0x6E657773  # the advisory lock key ("news") every newsintel writer of a PostgreSQL store takes


@contextmanager
def write_transaction(conn: Any) -> Iterator[Any]:
    """One writer at a time, on either backend: the transaction of a document (or of a judgement, a rebuild, a
    story backfill), yielding `conn` itself.

    SQLite: `BEGIN IMMEDIATE` takes the file's write lock at once (waiting up to the connection's busy timeout,
    30 s), so two ingests into one file queue instead of failing or interleaving.

    PostgreSQL: the transaction is READ COMMITTED and takes the transaction-level advisory lock `WRITE_LOCK`
    first, so every newsintel write transaction on a database runs alone, like SQLite's; readers are never
    blocked. Why a lock and not SERIALIZABLE with retry: storing a document is a read-modify-write of shared state
    (is this text stored? which identity has this name? its profile JSON and key ranks, the nearest story, the
    document frequencies, whose key '' every document increments), so any two concurrent document transactions
    conflict and SERIALIZABLE would abort one of almost every pair, redoing resolution. With the lock, the check
    "document stored?" and resolution read everything committed before it (READ COMMITTED takes a fresh snapshot
    per statement, and the lock is the first statement; under REPEATABLE READ the snapshot would predate the lock,
    hence the explicit level). What runs in parallel is the expensive part, cleaning and NLP, outside any
    transaction. Measured (benchmarks/postgres_bench.py, 40 real articles, 2 shared cores under heavy load): a
    document's write transaction ran ~920 statements on PostgreSQL, each a round trip; read-ahead of key lookups,
    remembered identity rows, multi-row inserts and `pipelined` writes cut that to ~195 server statements, and
    save_record p50 from 10-20x SQLite's to ~3x (406 ms against 127 ms, same run), against ~4-5 s of NLP per
    document. So the lock costs little until writers spend more time in it than in NLP (at most 1 / write time
    documents per second in all); fewer round trips per document is the way past that, not finer locks. A lock
    is released by commit, rollback, or the server when the client dies (`kill -9`), so a killed ingest never
    blocks the others; one lock, taken first: writers cannot deadlock on each other."""
    db = wrap(conn)
    if db.dialect == SQLITE:
        with db.transaction():
            yield conn
        return
    with db.conn.transaction():
        db.conn.execute("SET TRANSACTION ISOLATION LEVEL READ COMMITTED")
        db.conn.execute("SELECT pg_advisory_xact_lock(%s)", (WRITE_LOCK,))
        yield conn


@contextmanager
def pipelined(conn: Any) -> Iterator[Any]:
    """Statements whose results nobody reads go to PostgreSQL without waiting for each answer (psycopg's pipeline
    mode): the server runs everything in order, and a read waits only for what was sent before it. So the writes of
    a document (inserts, profile updates, links) stop costing a round trip each. Errors surface at the next read or
    at the block's end, inside the caller's transaction, which then rolls back as before. SQLite: nothing changes.
    Use inside `write_transaction`; code that catches a statement's error where it runs must not run in here."""
    db = wrap(conn)
    if db.dialect == SQLITE:
        yield conn
        return
    with db.conn.pipeline():
        yield conn


def wrap(conn: Any) -> Database:
    """`conn` as a Database (itself when it already is one)."""
    return conn if isinstance(conn, Database) else Database(conn)
