"""The test session's own PostgreSQL server: it starts from this machine's binaries, serves full-text search the
PostgreSQL backend will use, accepts concurrent connections, and is gone when stopped."""

import psycopg
import pytest

from tools.local_postgres import LocalPostgres, PostgresUnavailable, wait_until_closed


def test_session_server_answers_with_full_text_search(postgres_url: str) -> None:
    with psycopg.connect(postgres_url, autocommit=True) as conn:
        assert conn.execute("SHOW server_version_num").fetchone()[0] >= "150000"
        conn.execute("CREATE TEMP TABLE notes (body text, doc tsvector GENERATED ALWAYS AS"
                     " (to_tsvector('english', body)) STORED)")
        conn.execute("CREATE INDEX ON notes USING gin (doc)")
        conn.cursor().executemany("INSERT INTO notes (body) VALUES (%s)",
                                  [("Two men were detained at the crossing",),
                                   ("The ferry left the harbour at dawn",)])
        hits = conn.execute("SELECT body FROM notes WHERE doc @@ websearch_to_tsquery('english', %s)",
                            ("detain -ferry",)).fetchall()
    assert hits == [("Two men were detained at the crossing",)]


def test_two_connections_see_each_others_commits(postgres_url: str) -> None:
    with psycopg.connect(postgres_url) as writer, psycopg.connect(postgres_url) as reader:
        writer.execute("CREATE TABLE IF NOT EXISTS seen (n int)")
        writer.execute("INSERT INTO seen VALUES (7)")
        assert reader.execute("SELECT to_regclass('seen')").fetchone()[0] is None  # not yet committed
        writer.commit()
        reader.rollback()
        assert reader.execute("SELECT n FROM seen").fetchall() == [(7,)]
        reader.rollback()  # else its read lock holds the DROP below
        writer.execute("DROP TABLE seen")
        writer.commit()


def test_a_stopped_server_leaves_nothing_behind() -> None:
    server = LocalPostgres().start()
    port, root = server.port, server.root
    server.stop()
    assert wait_until_closed(port)
    assert root is not None and not root.exists()


def test_missing_binaries_are_an_error_naming_where_it_looked(tmp_path) -> None:
    with pytest.raises(PostgresUnavailable, match="no PostgreSQL server binaries"):
        LocalPostgres(bindir=tmp_path)


def test_a_server_left_by_a_killed_session_is_reaped_by_the_next_start() -> None:
    orphan = LocalPostgres().start()
    (orphan.root / "owner.pid").write_text("999999999")  # an owner that no longer exists
    port, root = orphan.port, orphan.root
    with LocalPostgres():
        assert wait_until_closed(port)
        assert not root.exists()
