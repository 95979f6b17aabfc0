"""PostgreSQL migrations build the schema SQLite's do: the same tables, columns and indexes, the same version.

The known, intended differences are listed here and nowhere else: full-text search is a generated column
`documents.search` with a GIN index (SQLite: the FTS5 table documents_fts and its shadow tables), and tables the
code reads in rowid order carry an explicit `rowid` column (SQLite's is implicit)."""

import sqlite3
from pathlib import Path

import pytest

from newsintel.store import StoreError, connect
from newsintel.store.db import latest_version, migrations

EXPLICIT_ROWID = {"entities", "entity_links", "actors"}  # documents declares its rowid in both


def sqlite_schema(tmp_path: Path) -> tuple[dict[str, set[str]], set[str]]:
    conn = connect(tmp_path / "s.db")
    tables = [r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'"
                                         " AND name NOT LIKE 'sqlite_%' AND name NOT LIKE 'documents_fts%'")]
    columns = {t: {r["name"] for r in conn.execute(f"PRAGMA table_info({t})")} for t in tables}
    indexes = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'index'"
                                          " AND name NOT LIKE 'sqlite_autoindex%'")}
    conn.close()
    return columns, indexes


def postgres_schema(url: str) -> tuple[dict[str, set[str]], set[str]]:
    db = connect(url)
    columns: dict[str, set[str]] = {}
    for table, column in db.execute("SELECT table_name, column_name FROM information_schema.columns"
                                    " WHERE table_schema = 'public' AND table_name <> 'schema_version'"):
        columns.setdefault(table, set()).add(column)
    indexes = {r[0] for r in db.execute("SELECT indexname FROM pg_indexes WHERE schemaname = 'public'"
                                        " AND indexname NOT LIKE '%\\_pkey' AND indexname NOT LIKE '%\\_key'")}
    db.close()
    return columns, indexes


def test_every_sqlite_migration_has_a_postgresql_twin() -> None:
    assert [(v, n) for v, n, _ in migrations("postgresql")] == [(v, n) for v, n, _ in migrations("sqlite")]


def test_postgresql_schema_equals_sqlite_schema(tmp_path: Path, postgres_db: str) -> None:
    sqlite_columns, sqlite_indexes = sqlite_schema(tmp_path)
    pg_columns, pg_indexes = postgres_schema(postgres_db)
    for table in EXPLICIT_ROWID:
        pg_columns[table].discard("rowid")
    pg_columns["documents"].discard("search")
    assert pg_columns == sqlite_columns
    assert pg_indexes - {"documents_search"} == sqlite_indexes


def test_postgresql_store_is_at_the_latest_version_and_reopens(postgres_db: str) -> None:
    first = connect(postgres_db)
    assert first.dialect == "postgresql"
    first.close()
    again = connect(postgres_db)  # migrated already: nothing applies twice
    assert again.execute("SELECT version FROM schema_version").fetchone()["version"] == latest_version()
    again.close()


def test_key_rank_data_migration_derives_the_same_keys_on_both(tmp_path: Path, postgres_db: str) -> None:
    """0006's data migration run on the same rows in both dialects (instr/substr(-n) vs strpos/right)."""
    rows = [("I1", "p:anna maria kovacs"), ("I1", "p:last:kovacs"), ("I2", "p:kovacs"), ("I2", "p:last:kovacs"),
            ("I3", "p:del:jan de vries"), ("I3", "p:last:vries"), ("I4", "p:jan de vries"), ("I4", "p:last:vries")]
    results = []
    for dialect, target in (("sqlite", None), ("postgresql", postgres_db)):
        sql = dict((v, s) for v, _, s in migrations(dialect))[6].split("CREATE INDEX", 1)[1].split(";", 1)[1]
        if target is None:
            conn = sqlite3.connect(":memory:")
            conn.execute("CREATE TABLE identity_keys (key TEXT, identity_id TEXT, rank INTEGER,"
                         " PRIMARY KEY (key, identity_id))")
            conn.executemany("INSERT INTO identity_keys VALUES (?, ?, 1)", [(k, i) for i, k in rows])
            conn.executescript(sql)
            found = conn.execute("SELECT key, identity_id FROM identity_keys WHERE key LIKE 'p:fl:%'").fetchall()
        else:
            import psycopg

            with psycopg.connect(target, autocommit=True) as conn:
                conn.execute("CREATE TABLE identity_keys (key TEXT, identity_id TEXT, rank INTEGER,"
                             " PRIMARY KEY (key, identity_id))")
                with conn.cursor() as cur:
                    cur.executemany("INSERT INTO identity_keys VALUES (%s, %s, 1)", [(k, i) for i, k in rows])
                conn.execute(sql)
                found = conn.execute("SELECT key, identity_id FROM identity_keys WHERE key LIKE 'p:fl:%'").fetchall()
        results.append(sorted(tuple(r) for r in found))
    assert results[0] == results[1] == [("p:fl:a kovacs", "I1"), ("p:fl:j vries", "I4")]


def test_an_unreachable_server_is_one_clear_line() -> None:
    with pytest.raises(StoreError) as err:
        connect("postgresql://nobody@127.0.0.1:1/nothing")
    message = str(err.value)
    assert "\n" not in message and message.startswith("postgresql://nobody@127.0.0.1:1/nothing: cannot reach")
