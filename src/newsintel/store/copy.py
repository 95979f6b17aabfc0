"""`newsintel copy`: a whole store moved between backends (SQLite -> PostgreSQL, PostgreSQL -> SQLite, SQLite ->
SQLite), table by table, streamed.

Both stores are opened (and migrated) by this newsintel, so they have the same tables and columns; the tables and
columns to copy are read from the target's catalogue (never from input), and a table added by a later migration is
copied without a change here. Rows are read from one consistent snapshot of the source (one read transaction) in
batches of `BATCH` and written in one target transaction per batch, parents before children (foreign keys), each
table in its source's row order, so ids (events, mentions, stories, judgements, ...) and the order of rows that the
code reads in insertion order (documents, entities, entity links) are kept. Columns the target computes itself are
not copied: PostgreSQL's `rowid` and `search` columns, which it fills in that same order. On PostgreSQL the
sequences of copied ids are reset past the largest id, so the next ingest or judgement gets a fresh id.

A target that holds any row is refused with one line (a copy never merges stores). A copy stopped half-way (a
fault, ^C) leaves a partial target that the next attempt refuses: delete it (or drop the database) and run again.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from newsintel.store.db import StoreError, connect, is_postgresql
from newsintel.store.gateway import POSTGRESQL, Database, wrap, write_transaction

BATCH = 2000  # rows per target transaction: bounded memory, few commits
SKIPPED_COLUMNS = {"rowid", "search"}  # filled by the target itself, in the order rows arrive
SKIPPED_TABLES = {"schema_version"}  # each store keeps its own


class CopyError(StoreError):
    """The copy cannot start or could not finish; the message says why."""


@dataclass
class CopyReport:
    rows: dict[str, int] = field(default_factory=dict)  # table -> rows copied

    @property
    def documents(self) -> int:
        return self.rows.get("documents", 0)


def _quote(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


def _sqlite_tables(db: Database) -> dict[str, bool]:
    """Ordinary tables -> whether they have a rowid (full-text tables and their shadow tables left out)."""
    rows = db.execute("SELECT name, sql FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'"
                      ).fetchall()
    virtual = [r[0] for r in rows if re.match(r"\s*CREATE\s+VIRTUAL", r[1] or "", re.I)]
    return {r[0]: not re.search(r"WITHOUT\s+ROWID\s*;?\s*$", r[1] or "", re.I) for r in rows
            if r[0] not in virtual and not any(r[0].startswith(v + "_") for v in virtual)}


def _pg_tables(db: Database) -> list[str]:
    return [r[0] for r in db.execute("SELECT table_name FROM information_schema.tables WHERE table_schema ="
                                     " current_schema() AND table_type = 'BASE TABLE'")]


def tables(db: Database) -> list[str]:
    found = _pg_tables(db) if db.dialect == POSTGRESQL else list(_sqlite_tables(db))
    return sorted(t for t in found if t not in SKIPPED_TABLES)


def columns(db: Database, table: str) -> list[str]:
    """The table's columns in order, without those the store fills itself."""
    if db.dialect == POSTGRESQL:
        names = [r[0] for r in db.execute("SELECT column_name FROM information_schema.columns WHERE table_schema ="
                                          " current_schema() AND table_name = ? ORDER BY ordinal_position",
                                          (table,))]
    else:
        names = [r[1] for r in db.execute(f"PRAGMA table_info({_quote(table)})")]
    return [n for n in names if n not in SKIPPED_COLUMNS]


def _parents(db: Database) -> dict[str, set[str]]:
    """Table -> the tables its foreign keys reference."""
    out: dict[str, set[str]] = {}
    if db.dialect == POSTGRESQL:
        for child, parent in db.execute("SELECT conrelid::regclass::text, confrelid::regclass::text FROM"
                                        " pg_constraint WHERE contype = 'f'"):
            out.setdefault(child.strip('"'), set()).add(parent.strip('"'))
    else:
        for table in _sqlite_tables(db):
            for row in db.execute(f"PRAGMA foreign_key_list({_quote(table)})"):
                out.setdefault(table, set()).add(row[2])
    return out


def in_dependency_order(db: Database, names: Sequence[str]) -> list[str]:
    """`names` with every table after the tables it references (alphabetical among equals: deterministic)."""
    parents, done, order = _parents(db), set(), []
    todo = sorted(names)
    while todo:
        ready = [t for t in todo if not (parents.get(t, set()) - {t}) & set(todo)]
        if not ready:
            raise CopyError(f"foreign keys form a cycle among {', '.join(todo)}")
        for table in ready:
            order.append(table)
            done.add(table)
        todo = [t for t in todo if t not in done]
    return order


def _order_by(db: Database, table: str) -> str:
    """The source's insertion order, where the code reads rows in it (rowid) or ids were handed out (id)."""
    if db.dialect == POSTGRESQL:
        present = {r[0] for r in db.execute("SELECT column_name FROM information_schema.columns WHERE table_schema ="
                                            " current_schema() AND table_name = ?", (table,))}
        return " ORDER BY rowid" if "rowid" in present else " ORDER BY id" if "id" in present else ""
    return " ORDER BY rowid" if _sqlite_tables(db).get(table) else ""


def first_rows(db: Database) -> list[str]:
    """The tables of a store that hold rows (empty: the store is empty)."""
    return [t for t in tables(db) if db.execute(f"SELECT 1 FROM {_quote(t)} LIMIT 1").fetchone() is not None]


@contextmanager
def _snapshot(db: Database) -> Iterator[None]:
    """One read transaction over the whole copy: what is copied is the source at one moment, whatever writes
    meanwhile (WAL on SQLite; REPEATABLE READ on PostgreSQL)."""
    if db.dialect == POSTGRESQL:
        with db.conn.transaction():
            db.conn.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY")
            yield
        return
    db.conn.execute("BEGIN")
    try:
        yield
    finally:
        db.conn.execute("COMMIT")


def _batches(db: Database, sql: str) -> Iterator[list[tuple]]:
    """The rows of a query in lists of at most BATCH, never all at once (a server-side cursor on PostgreSQL)."""
    if db.dialect == POSTGRESQL:
        with db.conn.cursor(name="newsintel_copy") as cursor:
            cursor.itersize = BATCH
            cursor.execute(sql)
            while rows := cursor.fetchmany(BATCH):
                yield [tuple(bytes(v) if isinstance(v, memoryview) else v for v in row) for row in rows]
        return
    cursor = db.conn.execute(sql)
    while rows := cursor.fetchmany(BATCH):
        yield [tuple(row) for row in rows]


def reset_sequences(db: Database) -> None:
    """PostgreSQL: every identity column's sequence continues after the largest value copied."""
    for table, column in db.execute("SELECT table_name, column_name FROM information_schema.columns WHERE"
                                    " table_schema = current_schema() AND is_identity = 'YES'").fetchall():
        sequence = db.execute("SELECT pg_get_serial_sequence(?, ?)", (_quote(table), column)).fetchone()[0]
        top = db.execute(f"SELECT max({_quote(column)}) FROM {_quote(table)}").fetchone()[0]
        if sequence and top is not None:
            db.execute("SELECT setval(?, ?, true)", (sequence, int(top)))


def _same_store(source: str, target: str) -> bool:
    if is_postgresql(source) or is_postgresql(target):
        return source.rstrip("/") == target.rstrip("/")
    return Path(source).resolve() == Path(target).resolve()


def copy_store(source: str, target: str, progress=None) -> CopyReport:
    """Copy the store `source` into the empty store `target` (created if it does not exist); `progress(table,
    rows)` is called after each batch. Raises CopyError (or StoreError) with a one-line reason."""
    if _same_store(source, target):
        raise CopyError("--from and --to name the same store")
    src = wrap(connect(source, readonly=True))
    try:
        dst = wrap(connect(target))
        try:
            return _copy(src, dst, target, progress)
        finally:
            dst.close()
    finally:
        src.close()


def _copy(src: Database, dst: Database, target: str, progress) -> CopyReport:
    filled = first_rows(dst)
    if filled:
        raise CopyError(f"{_shown(target)}: the target store is not empty ({', '.join(filled[:3])}"
                        f"{', ...' if len(filled) > 3 else ''} hold rows); copy needs an empty store")
    names = tables(dst)
    missing = sorted(set(names) ^ set(tables(src)))
    if missing:
        raise CopyError(f"the stores' tables differ ({', '.join(missing)}): open both with this newsintel first")
    report = CopyReport()
    with _snapshot(src):
        for table in in_dependency_order(dst, names):
            wanted = columns(dst, table)
            if set(wanted) - set(columns(src, table)):
                raise CopyError(f"table {table}: the stores' columns differ; open both with this newsintel first")
            listed = ", ".join(_quote(c) for c in wanted)
            insert = f"INSERT INTO {_quote(table)} ({listed}) VALUES ({', '.join('?' * len(wanted))})"
            report.rows[table] = 0
            for rows in _batches(src, f"SELECT {listed} FROM {_quote(table)}{_order_by(src, table)}"):
                with write_transaction(dst):
                    dst.executemany(insert, rows)
                report.rows[table] += len(rows)
                if progress:
                    progress(table, report.rows[table])
    if dst.dialect == POSTGRESQL:
        with write_transaction(dst):
            reset_sequences(dst)
        # VACUUM (outside any transaction) before the first reader comes: the planner's statistics (ANALYZE; a bulk
        # load leaves them empty until autovacuum comes round, and until then profile reads on a fresh copy take
        # plans meant for empty tables: p50 66 ms instead of ~10 on 1k reports), every row's commit marked on its
        # page (else the first read of each row looks its transaction up and writes the page back) and the
        # visibility map, without which no index-only scan skips the table
        dst.execute("VACUUM (ANALYZE)")
    return report


def _shown(target: str) -> str:
    from newsintel.ingest.discover import display_path

    if is_postgresql(target):
        scheme, _, rest = target.partition("://")
        credentials, at, place = rest.rpartition("@")
        return f"{scheme}://{credentials.split(':')[0]}@{place}" if at else target
    return display_path(target)


def row_counts(db: Any) -> dict[str, int]:
    """Rows per table of a store (for tests and the command's summary)."""
    db = wrap(db)
    return {t: int(db.execute(f"SELECT count(*) FROM {_quote(t)}").fetchone()[0]) for t in tables(db)}
