"""SQLite connection and schema migrations.

The schema version is SQLite's `user_version`; `migrations/NNNN_*.sql` files apply in order, each in its own
transaction, so a store opened by a newer newsintel is upgraded in place and never half-migrated.
"""

from __future__ import annotations

import os
import re
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from importlib import resources
from pathlib import Path

DEFAULT_DB = "newsintel.db"
ENV_DB = "NEWSINTEL_DB"


class StoreError(Exception):
    """The store cannot be opened or used; the message says why."""


def db_path(cli_value: str | None) -> str:
    """`--db` wins, then $NEWSINTEL_DB, then ./newsintel.db."""
    return cli_value or os.environ.get(ENV_DB) or DEFAULT_DB


def migrations() -> list[tuple[int, str, str]]:
    """(version, name, sql) for every migration file, in order."""
    folder = resources.files("newsintel.store").joinpath("migrations")
    found = []
    for entry in folder.iterdir():
        match = re.match(r"(\d{4})_(\w+)\.sql$", entry.name)
        if match:
            found.append((int(match[1]), match[2], entry.read_text(encoding="utf-8")))
    return sorted(found)


def schema_version(conn: sqlite3.Connection) -> int:
    return conn.execute("PRAGMA user_version").fetchone()[0]


def migrate(conn: sqlite3.Connection) -> None:
    current = schema_version(conn)
    for version, _name, sql in migrations():
        if version <= current:
            continue
        conn.execute("BEGIN IMMEDIATE")
        try:
            if schema_version(conn) < version:  # another process may have migrated meanwhile
                for statement in _statements(sql):
                    conn.execute(statement)
                conn.execute(f"PRAGMA user_version = {version:d}")
            conn.execute("COMMIT")
        except BaseException:
            conn.execute("ROLLBACK")
            raise


def _statements(sql: str) -> list[str]:
    """Split a migration into statements (triggers contain semicolons, so use sqlite's own test)."""
    out, buf = [], ""
    for line in sql.splitlines(keepends=True):
        buf += line
        if sqlite3.complete_statement(buf):
            out.append(buf.strip())
            buf = ""
    if buf.strip():
        out.append(buf.strip())
    return out


def connect(path: str | Path, readonly: bool = False) -> sqlite3.Connection:
    """Open (creating and migrating if needed) the store at `path`."""
    path = Path(path)
    if readonly and not path.exists():
        raise StoreError(f"{path}: no such store (run `newsintel ingest` first)")
    try:
        conn = sqlite3.connect(path, isolation_level=None, timeout=30)
        conn.row_factory = sqlite3.Row
        conn.execute("PRAGMA journal_mode = WAL")
        conn.execute("PRAGMA synchronous = NORMAL")
        conn.execute("PRAGMA foreign_keys = ON")
        migrate(conn)
    except sqlite3.DatabaseError as err:
        raise StoreError(f"{path}: {err}") from None
    return conn


def now() -> str:
    return datetime.now(UTC).replace(microsecond=0).isoformat()


@contextmanager
def transaction(conn: sqlite3.Connection) -> Iterator[sqlite3.Connection]:
    conn.execute("BEGIN IMMEDIATE")
    try:
        yield conn
    except BaseException:
        conn.execute("ROLLBACK")
        raise
    conn.execute("COMMIT")
