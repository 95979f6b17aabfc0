import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))


@pytest.fixture(autouse=True)
def _fresh_source_focus():
    """Each test starts with no publisher focus installed (nlp/focus.py)."""
    from newsintel.nlp.focus import install

    install(None)
    yield


@pytest.fixture(scope="session")
def postgres_url():
    """A throwaway PostgreSQL server for this test session (tools/local_postgres.py), stopped at the end.

    No server binaries is a failure, not a skip: the PostgreSQL tests must not pass by not running."""
    from tools.local_postgres import LocalPostgres, PostgresUnavailable

    try:
        server = LocalPostgres().start()
    except PostgresUnavailable as err:
        pytest.fail(f"PostgreSQL tests cannot run: {err}", pytrace=False)
    try:
        yield server.url
    finally:
        server.stop()


@pytest.fixture
def postgres_db(postgres_url):
    """A fresh, empty database on the session's PostgreSQL server (its URL), dropped after the test."""
    import uuid

    import psycopg

    name = "t" + uuid.uuid4().hex[:12]
    with psycopg.connect(postgres_url, autocommit=True) as admin:
        admin.execute(f"CREATE DATABASE {name}")
    try:
        yield postgres_url.rsplit("/", 1)[0] + "/" + name
    finally:
        with psycopg.connect(postgres_url, autocommit=True) as admin:
            admin.execute(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")


@pytest.fixture(params=["sqlite", "postgresql"])
def store_db(request, tmp_path):
    """A new store on each backend in turn, as a `--db` value: a SQLite file, then a fresh database on the
    session's PostgreSQL server. Tests of the store interface take it to run against both."""
    if request.param == "sqlite":
        return str(tmp_path / "s.db")
    return request.getfixturevalue("postgres_db")
