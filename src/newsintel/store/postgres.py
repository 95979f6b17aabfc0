"""Opening and migrating a PostgreSQL store (psycopg 3), behind the same `connect()` as SQLite.

The schema version lives in the one-row table `schema_version` (SQLite keeps it in PRAGMA user_version); each
migration of migrations_postgresql/ runs in its own transaction, which first locks that table, so two processes
opening a new database at once migrate it once.
"""

from __future__ import annotations

from newsintel.store.db import StoreError, latest_version, migrations
from newsintel.store.gateway import POSTGRESQL, Database, row_factory

CONNECT_TIMEOUT_S = 10


def _shown(url: str) -> str:
    """The URL without a password, for messages."""
    scheme, _, rest = url.partition("://")
    credentials, at, place = rest.rpartition("@")
    return f"{scheme}://{credentials.split(':')[0]}@{place}" if at else url


def connect_postgresql(url: str) -> Database:
    """A migrated PostgreSQL store; StoreError (one line) when the server cannot be reached or used."""
    import psycopg

    try:
        conn = psycopg.connect(url, autocommit=True, row_factory=row_factory, connect_timeout=CONNECT_TIMEOUT_S)
    except psycopg.Error as err:
        reason = " ".join(str(err).split()) or type(err).__name__
        raise StoreError(f"{_shown(url)}: cannot reach the PostgreSQL store ({reason})") from None
    db = Database(conn)
    try:
        version, latest = schema_version(db), latest_version()
        if version > latest:
            raise StoreError(f"{_shown(url)}: store was written by a newer newsintel (schema {version}, this version"
                             f" knows up to {latest}); upgrade newsintel to use it")
        if version < latest:
            migrate(db)
    except psycopg.Error as err:
        db.close()
        raise StoreError(f"{_shown(url)}: store error: {' '.join(str(err).split())}") from None
    except StoreError:
        db.close()
        raise
    return db


def schema_version(db: Database) -> int:
    row = db.execute("SELECT to_regclass('schema_version') IS NOT NULL").fetchone()
    if not row[0]:
        return 0
    row = db.execute("SELECT version FROM schema_version").fetchone()
    return int(row[0]) if row else 0


def migrate(db: Database) -> None:
    assert db.dialect == POSTGRESQL
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
