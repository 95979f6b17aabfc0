"""Store connection and schema migrations, for SQLite (the default) and PostgreSQL.

The schema version is SQLite's `user_version` (PostgreSQL: the one-row table `schema_version`); the dialect's
`NNNN_*.sql` files (migrations/ for SQLite, migrations_postgresql/ with the same numbers) apply in order, each in
its own transaction, so a store opened by a newer newsintel is upgraded in place and never half-migrated.
A `--db` or $NEWSINTEL_DB of the form `postgresql://USER@HOST:PORT/DB` selects PostgreSQL (`connect_postgresql`).
"""

from __future__ import annotations

import os
import re
import sqlite3
import time
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from importlib import resources
from pathlib import Path
from urllib.parse import quote

from newsintel.ingest.discover import display_path as shown  # escaped, one line
from newsintel.store.gateway import POSTGRESQL, WRITE_LOCK, Database, row_factory, statements, wrap

DEFAULT_DB = "newsintel.db"
BUSY_WAIT_S = 30  # how long a SQLite statement waits for another process's lock before failing
ENV_DB = "NEWSINTEL_DB"


class StoreError(Exception):
    """The store cannot be opened or used; the message says why."""


def db_path(cli_value: str | None) -> str:
    """`--db` wins, then $NEWSINTEL_DB, then ./newsintel.db; a `postgresql://USER@HOST:PORT/DB` value names a
    PostgreSQL database instead of a file."""
    return cli_value or os.environ.get(ENV_DB) or DEFAULT_DB


def is_postgresql(target: str | Path) -> bool:
    """Whether a `--db` value names a PostgreSQL database rather than a SQLite file."""
    return isinstance(target, str) and target.startswith(("postgresql://", "postgres://"))


def migrations(dialect: str = "sqlite") -> list[tuple[int, str, str]]:
    """(version, name, sql) for every migration file of `dialect` ("sqlite" or "postgresql"), in order."""
    folder = resources.files("newsintel.store").joinpath("migrations" if dialect == "sqlite"
                                                         else "migrations_postgresql")
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


_statements = statements


def latest_version() -> int:
    """The schema version this newsintel writes: its last migration's number."""
    return migrations()[-1][0]


def _writable(path: Path) -> bool:
    """Whether sqlite can write the store: the file (if it exists) and its folder, which holds the WAL files."""
    folder = path.parent
    return os.access(folder, os.W_OK) and (not path.exists() or os.access(path, os.W_OK))


def _check_path(path: Path, must_exist: bool) -> None:
    if path.is_dir():
        raise StoreError(f"{shown(path)}: is a directory, not a store file (give a file name with --db)")
    if path.exists():
        if not path.is_file():  # a FIFO would block forever, a device read as a store
            raise StoreError(f"{shown(path)}: not a regular file, so not a store")
        return
    if must_exist:
        raise StoreError(f"{shown(path)}: no such store (run `newsintel ingest` first)")
    if not path.parent.is_dir():
        raise StoreError(f"{shown(path)}: cannot create the store: folder {shown(path.parent)} does not exist")


def describe(path: str | Path, err: sqlite3.Error) -> str:
    """One line naming the store and what is wrong with it, for an error sqlite raised while using it."""
    message = str(err)
    lowered = message.lower()
    if "file is not a database" in lowered:
        return f"{shown(path)}: not a newsintel store ({message})"
    if "malformed" in lowered or "corrupt" in lowered:
        return f"{shown(path)}: store is damaged ({message}); `newsintel check` lists what is wrong"
    if "readonly" in lowered or "read-only" in lowered:
        return f"{shown(path)}: store is read-only ({message})"
    if "locked" in lowered or "busy" in lowered:
        return f"{shown(path)}: store is busy ({message}); another process holds it, try again"
    if "disk is full" in lowered or "disk i/o" in lowered:
        return f"{shown(path)}: cannot write the store ({message})"
    return f"{shown(path)}: store error: {message}"


def open_connection(path: str | Path, readonly: bool = False, *, as_found: bool = False) -> sqlite3.Connection:
    """A connection to an existing or new store, without checking or migrating its schema.

    `readonly` opens a store that cannot be written (a read-only file or folder) with sqlite's read-only mode;
    a store that can be written is opened as usual either way, so readers and writers share the WAL. `as_found`
    reads nothing while opening (no journal mode set), so a damaged store can still be checked."""
    path = Path(path)
    _check_path(path, must_exist=readonly)
    try:
        if readonly and not _writable(path):
            conn = _open_readonly(path)
        else:
            conn = sqlite3.connect(path, isolation_level=None, timeout=BUSY_WAIT_S)
            if not as_found:
                _use_wal(conn)
                conn.execute("PRAGMA synchronous = NORMAL")
        conn.row_factory = sqlite3.Row
        conn.execute("PRAGMA foreign_keys = ON")
    except sqlite3.Error as err:
        raise StoreError(describe(path, err)) from None
    return conn


def _use_wal(conn: sqlite3.Connection) -> None:
    """Put the store in WAL mode, waiting for other processes as every other statement does.

    Switching a new file to WAL needs its exclusive lock, and sqlite answers "database is locked" at once, without
    the busy timeout, when another process is opening the same new file (seen in CI: two ingests started together
    on one new store, one of them failed). So retry until the same deadline a write would wait for."""
    deadline = time.monotonic() + BUSY_WAIT_S
    pause = 0.01
    while True:
        try:
            conn.execute("PRAGMA journal_mode = WAL")
            return
        except sqlite3.OperationalError as err:
            if "locked" not in str(err).lower() or time.monotonic() + pause > deadline:
                raise
        time.sleep(pause)
        pause = min(pause * 2, 0.5)


def _open_readonly(path: Path) -> sqlite3.Connection:
    uri = "file:" + quote(os.fsencode(path.resolve())) + "?mode=ro"
    conn = sqlite3.connect(uri, uri=True, isolation_level=None, timeout=BUSY_WAIT_S)
    try:
        conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
    except sqlite3.OperationalError:
        # A WAL store in a folder that cannot be written: sqlite cannot create its shared-memory file, so read
        # the file as it is (nothing else can be writing it there either).
        conn.close()
        conn = sqlite3.connect(uri + "&immutable=1", uri=True, isolation_level=None, timeout=BUSY_WAIT_S)
    return conn


def newer_schema(path: str | Path, version: int) -> str:
    return (f"{shown(path)}: store was written by a newer newsintel (schema {version}, this version knows up to "
            f"{latest_version()}); upgrade newsintel to use it")


def connect(path: str | Path, readonly: bool = False, *, create: bool = True):
    """Open the store at `path`, creating (unless not `create`) and migrating it if needed; any fault is a
    `StoreError` saying why.

    `readonly` is for commands that only read: the store must exist, and one that cannot be written is still
    read. A store written by a newer newsintel (a schema this version does not know) is refused. A
    `postgresql://` URL opens a PostgreSQL store as a gateway `Database` (a SQLite store stays a sqlite3
    connection)."""
    if is_postgresql(path):
        return connect_postgresql(str(path))
    path = Path(path)
    _check_path(path, must_exist=readonly or not create)
    if not readonly and not _writable(path):
        if path.exists():
            raise StoreError(f"{shown(path)}: store is read-only (no permission to write the file or its folder)")
        raise StoreError(f"{shown(path)}: cannot create the store: no permission to write folder {shown(path.parent)}")
    conn = open_connection(path, readonly)
    version = latest = latest_version()
    try:
        version = schema_version(conn)
        if version > latest:
            conn.close()
            raise StoreError(newer_schema(path, version))
        if version < latest:
            migrate(conn)
    except sqlite3.Error as err:
        conn.close()
        if version < latest and "readonly" in str(err).lower():
            raise StoreError(f"{shown(path)}: store has schema {version} and needs an upgrade to {latest}, which needs "
                             "write access") from None
        raise StoreError(describe(path, err)) from None
    return conn


def open_database(target: str | Path, *, readonly: bool = False, create: bool = True) -> Database:
    """The one way to open a store on either backend: a checked, migrated store as a gateway `Database` (what
    views and store/ reads take). `readonly`: for commands that only read (the store must exist; on PostgreSQL the
    session is read-only and waits at most READ_LOCK_WAIT_S for a lock, so a reader never hangs behind an ingest).
    Faults are `StoreError`s saying why."""
    db = wrap(connect(target, readonly, create=create))
    if readonly and db.dialect == POSTGRESQL:
        _read_only_session(db)
    return db


def open_as_found(target: str | Path) -> Database:
    """A store opened without creating, migrating or writing anything, for `newsintel check` (an unknown schema
    is reported rather than refused)."""
    if is_postgresql(target):
        db = _reach_postgresql(str(target))
        _read_only_session(db)
        return db
    return Database(open_connection(target, readonly=True, as_found=True))


# Readers on PostgreSQL never block writers nor are blocked by them (MVCC); only a schema change (a migration) takes
# a lock a reader must wait for. Bounded, so a reader fails with a message instead of hanging.
READ_LOCK_WAIT_S = 10


def _read_only_session(db: Database) -> None:
    db.execute("SET default_transaction_read_only = on")
    db.execute(f"SET lock_timeout = '{READ_LOCK_WAIT_S:d}s'")
    # A profile joins an identity's latest 1000 entities to mentions, events, claims, relations: with the default
    # random_page_cost (4, spinning disks) the planner reads those whole tables instead of 1000 index probes. Our
    # working set is cached (or on SSD), which PostgreSQL's manual models with 1.1: profile p95 on a 6.7k-report
    # store 2.3 s -> 0.9 s under load (benchmarks/postgres_bench.py). Session-wide, readers only.
    db.execute("SET random_page_cost = 1.1")


def now() -> str:
    return datetime.now(UTC).replace(microsecond=0).isoformat()


@contextmanager
def transaction(conn: sqlite3.Connection) -> Iterator[sqlite3.Connection]:
    if not isinstance(conn, sqlite3.Connection):  # a gateway Database (PostgreSQL)
        with conn.transaction():
            yield conn
        return
    conn.execute("BEGIN IMMEDIATE")
    try:
        yield conn
    except BaseException:
        conn.execute("ROLLBACK")
        raise
    conn.execute("COMMIT")


# PostgreSQL: the schema version lives in the one-row table `schema_version`; each migration of
# migrations_postgresql/ runs in its own transaction, which first locks that row, so two processes opening a new
# database at once migrate it once.
CONNECT_TIMEOUT_S = 10


def _shown(url: str) -> str:
    """The URL without a password, for messages."""
    scheme, _, rest = url.partition("://")
    credentials, at, place = rest.rpartition("@")
    return f"{scheme}://{credentials.split(':')[0]}@{place}" if at else url


def _reach_postgresql(url: str) -> Database:
    """A connection to the PostgreSQL store at `url`; StoreError (one line, password hidden) when unreachable."""
    import psycopg

    try:
        conn = psycopg.connect(url, autocommit=True, row_factory=row_factory, connect_timeout=CONNECT_TIMEOUT_S)
    except psycopg.Error as err:
        reason = " ".join(str(err).split()) or type(err).__name__
        raise StoreError(f"{_shown(url)}: cannot reach the PostgreSQL store ({reason})") from None
    return Database(conn)


def connect_postgresql(url: str) -> Database:
    """A migrated PostgreSQL store; StoreError (one line) when the server cannot be reached or used."""
    import psycopg

    db = _reach_postgresql(url)
    try:
        version, latest = pg_schema_version(db), latest_version()
        if version > latest:
            raise StoreError(f"{_shown(url)}: store was written by a newer newsintel (schema {version}, this version"
                             f" knows up to {latest}); upgrade newsintel to use it")
        if version < latest:
            pg_migrate(db)
    except psycopg.Error as err:
        db.close()
        raise StoreError(f"{_shown(url)}: store error: {' '.join(str(err).split())}") from None
    except StoreError:
        db.close()
        raise
    return db


def pg_schema_version(db: Database) -> int:
    row = db.execute("SELECT to_regclass('schema_version') IS NOT NULL").fetchone()
    if not row[0]:
        return 0
    row = db.execute("SELECT version FROM schema_version").fetchone()
    return int(row[0]) if row else 0


def pg_migrate(db: Database) -> None:
    assert db.dialect == POSTGRESQL
    with db.transaction():  # one at a time: two CREATE TABLE IF NOT EXISTS at once collide in the catalogue
        db.execute("SELECT pg_advisory_xact_lock(?)", (WRITE_LOCK,))
        db.execute("CREATE TABLE IF NOT EXISTS schema_version (one INTEGER PRIMARY KEY DEFAULT 1 CHECK (one = 1),"
                   " version INTEGER NOT NULL)")
        db.execute("INSERT INTO schema_version(one, version) VALUES (1, 0) ON CONFLICT DO NOTHING")
    for version, _name, sql in migrations(POSTGRESQL):
        with db.transaction():
            current = db.execute("SELECT version FROM schema_version FOR UPDATE").fetchone()[0]
            if current >= version:  # another process migrated meanwhile
                continue
            db.executescript(sql)
            db.execute("UPDATE schema_version SET version = ?", (version,))
