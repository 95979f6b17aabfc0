"""A profile's reads rank an identity's facts on indexes and read only the rows shown (store/fact_reads.py, issue 13):
each read must still return exactly the rows, in the order, that a plain read of every matching row sorted the same
way gives, on SQLite and on a PostgreSQL copy; and a copy leaves PostgreSQL vacuumed (statistics, commit marks and
the visibility map that index-only scans need) before its first reader."""

from __future__ import annotations

import pytest

from newsintel.store import connect, fact_reads, save_record
from newsintel.store.copy import copy_store
from newsintel.store.db import open_database

LIMIT = 3  # small, so that every ranked read cuts


@pytest.fixture(scope="module")
def sqlite_store(tmp_path_factory) -> str:
    from benchmarks.export_bench import enrich  # a claim and a membership per event
    from benchmarks.synthetic import Generator

    path = str(tmp_path_factory.mktemp("reads") / "s.db")
    conn = connect(path)
    for record in Generator(people=12, seed=11).records(0, 90):
        save_record(conn, enrich(record))
    conn.close()
    return path


@pytest.fixture(scope="module")
def stores(sqlite_store, postgres_url) -> dict[str, str]:
    import uuid

    import psycopg

    name = "t" + uuid.uuid4().hex[:12]
    with psycopg.connect(postgres_url, autocommit=True) as admin:
        admin.execute(f"CREATE DATABASE {name}")
    url = postgres_url.rsplit("/", 1)[0] + "/" + name
    copy_store(sqlite_store, url)
    yield {"sqlite": sqlite_store, "postgresql": url}
    with psycopg.connect(postgres_url, autocommit=True) as admin:
        admin.execute(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")


def _published_first(rows: list, key) -> list:
    """Latest report first, undated last, then `key` (the reads' order, written out in Python)."""
    dated = sorted((r for r in rows if r["published"] is not None), key=key)
    dated = sorted(dated, key=lambda r: r["published"], reverse=True)
    return dated + sorted((r for r in rows if r["published"] is None), key=key)


def _plain(db, sql: str, ids: list[str]) -> list:
    """`sql` with each {marks} standing for the list `ids`."""
    return db.execute(sql.format(marks=",".join("?" * len(ids))), ids * sql.count("{marks}")).fetchall()


def _identities(db) -> list:
    return db.execute("SELECT * FROM identities WHERE kind != 'place' ORDER BY documents DESC, id LIMIT 6").fetchall()


@pytest.mark.parametrize("backend", ["sqlite", "postgresql"])
def test_ranked_reads_return_what_a_plain_read_sorted_gives(stores, backend) -> None:
    db = open_database(stores[backend], readonly=True)
    try:
        cut: dict[str, int] = {}
        for identity in _identities(db):
            members = fact_reads.latest_members(db, identity["id"])
            ids = sorted({e for e, _ in members})
            by = _plain(db, "SELECT c.id, c.document_id, c.data, d.published FROM claims c JOIN documents d"
                            " ON d.id = c.document_id WHERE c.speaker_entity IN ({marks})", ids)
            want = [(r["document_id"], r["data"]) for r in _published_first(by, lambda r: r["id"])[:LIMIT]]
            assert [(r["document_id"], r["data"]) for r in fact_reads.claim_rows_by(db, members, LIMIT)] == want
            attrs = _plain(db, "SELECT e.document_id, e.attributes, e.rowid AS n, d.published FROM entities e"
                               " JOIN documents d ON d.id = e.document_id WHERE e.attributes != '{{}}'"
                               " AND e.id IN ({marks})", ids)
            want = [(r["document_id"], r["attributes"]) for r in _published_first(attrs, lambda r: -r["n"])[:LIMIT]]
            assert [tuple(r) for r in fact_reads.attribute_rows(db, members, LIMIT)] == want
            rel = _plain(db, "SELECT id, document_id, data, subject_entity, object_entity FROM relations"
                             " WHERE subject_entity IN ({marks}) OR object_entity IN ({marks})", ids)
            mine = sorted(((r["id"], r[end], r) for r in rel for end in ("subject_entity", "object_entity")
                           if r[end] in ids), key=lambda t: (-t[0], t[1]))[:LIMIT]
            got = fact_reads.relation_rows(db, members, ("MEMBER",), LIMIT, as_object_too=True)
            assert [(r["document_id"], r["data"], r["mine"]) for r in got] == [(r[2]["document_id"], r[2]["data"], r[1])
                                                                                for r in mine]
            events = _plain(db, "SELECT DISTINCT e.id, e.document_id, e.data, d.published, a.role FROM events e"
                                " JOIN documents d ON d.id = e.document_id JOIN event_args a ON a.event_id = e.id"
                                " WHERE a.entity_id IN ({marks})", ids)
            limits = {"actors": LIMIT, "origin": LIMIT + 1}
            got_roles = fact_reads.identity_event_rows_by_role(db, members, limits)
            for role, limit in limits.items():
                want = [r["id"] for r in _published_first([r for r in events if r["role"] == role],
                                                          lambda r: r["id"])][:limit]
                assert [r["id"] for r in got_roles[role]] == want
                assert want == [r["id"] for r in fact_reads.identity_event_rows(db, members, (role,), limit)]
            for name, rows in (("by", by), ("attributes", attrs), ("relations", rel), ("events", events)):
                cut[name] = cut.get(name, 0) + (len(rows) > LIMIT + 1)
        assert min(cut.values()) >= 1, cut  # every cut was exercised, not only lists shorter than the limit
    finally:
        db.close()


def test_claims_about_are_the_same_rows_on_both_backends(stores) -> None:
    got = {}
    for backend, target in stores.items():
        db = open_database(target, readonly=True)
        got[backend] = [[(r["id"], r["document_id"], r["data"]) for r in
                         fact_reads.claim_rows_about(db, fact_reads.latest_members(db, i["id"]), LIMIT)]
                        for i in _identities(db)]
        db.close()
    assert got["sqlite"] == got["postgresql"]
    assert any(len(rows) == LIMIT for rows in got["sqlite"])


def test_a_copy_to_postgresql_is_vacuumed_before_its_first_read(stores) -> None:
    """Statistics, and the visibility map: without it every index-only scan of a fresh copy reads the table too."""
    db = open_database(stores["postgresql"], readonly=True)
    try:
        for table in ("events", "claims", "relations", "mentions", "entities"):
            pages, visible = db.execute("SELECT relpages, relallvisible FROM pg_class WHERE relname = ?",
                                        (table,)).fetchone()
            assert pages > 0 and visible == pages, table
            assert db.execute("SELECT last_vacuum IS NOT NULL AND last_analyze IS NOT NULL FROM pg_stat_user_tables"
                              " WHERE relname = ?", (table,)).fetchone()[0], table
    finally:
        db.close()


@pytest.mark.parametrize("backend", ["sqlite", "postgresql"])
def test_reads_fetched_together_are_the_reads_run_alone(stores, backend) -> None:
    """`Database.fetch_all` (one pipeline on PostgreSQL) returns each read's rows as running it alone does."""
    db = open_database(stores[backend], readonly=True)
    try:
        reads = [("SELECT id, name FROM identities ORDER BY documents DESC, id LIMIT ?", (4,)),
                 ("SELECT id FROM documents WHERE id = ?", ("no such report",)),
                 ("SELECT count(*) FROM events WHERE type IN (?, ?)", ("MOVE", "ATTACK"))]
        together = [[tuple(r) for r in rows] for rows in db.fetch_all(reads)]
        assert together == [[tuple(r) for r in db.execute(sql, params).fetchall()] for sql, params in reads]
        assert len(together[0]) == 4 and together[1] == []
    finally:
        db.close()
