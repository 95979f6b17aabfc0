"""`newsintel copy --from DB --to DB` moves a whole store between backends: every row, ids and judgements kept,
the copy passes `check`, a round trip SQLite -> PostgreSQL -> SQLite gives the same views, a store that holds
anything is refused as a target, and PostgreSQL's id sequences continue after the copied ids."""

from __future__ import annotations

import pytest

from newsintel.cli.main import main
from newsintel.store import connect, save_record
from newsintel.store.copy import BATCH, columns, row_counts, tables
from newsintel.store.gateway import wrap
from tests.test_postgres_concurrency import write_corpus


def run(capsys, *argv) -> tuple[int, str, str]:
    code = main([str(a) for a in argv])
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture(scope="module")
def store(tmp_path_factory) -> str:
    """Eight reports of two incidents, and two analyst judgements."""
    folder = tmp_path_factory.mktemp("copy")
    files = write_corpus(folder / "in")[:8]
    db = str(folder / "s.db")
    assert main(["ingest", "--quiet", "--workers", "1", "--db", db, *map(str, files)]) == 0
    conn = connect(db)
    people = dict(conn.execute("SELECT name, id FROM identities WHERE type = 'PERSON'").fetchall())
    conn.close()
    assert main(["suppress", people["Piotr Nowicki"], "--note", "a test judgement", "--db", db]) == 0
    assert main(["not-same", people["Kaspar Lindqvist"], people["Maarja Tamm"], "--db", db]) == 0
    return db


def table_rows(db: str) -> dict[str, list[tuple]]:
    """Every row of every table, in a stable order (PostgreSQL's own rowid and search columns left out)."""
    conn = wrap(connect(db, readonly=True))
    try:
        out = {}
        for table in tables(conn):
            listed = ", ".join(f'"{c}"' for c in columns(conn, table))
            rows = [tuple(bytes(v) if isinstance(v, memoryview) else v for v in r)
                    for r in conn.execute(f'SELECT {listed} FROM "{table}"')]
            out[table] = sorted(rows, key=repr)
        return out
    finally:
        conn.close()


def views(capsys, db: str) -> list[str]:
    outputs = []
    for argv in (["profile", "Kaspar Lindqvist"], ["profile", "Zofia Wronska"], ["identities", "--top", "50"],
                 ["stories"], ["events", "--min-confidence", "0"], ["stats"]):
        code, out, err = run(capsys, *argv, "--json", "--db", db)
        assert code == 0, (argv, err)
        outputs.append(out)
    return outputs


@pytest.mark.slow
def test_round_trip_sqlite_postgresql_sqlite_keeps_every_row_and_view(store, postgres_db, tmp_path, capsys):
    back = str(tmp_path / "back.db")
    code, out, err = run(capsys, "copy", "--from", store, "--to", postgres_db)
    assert code == 0 and err == "" and out.startswith("copied 8 documents ("), err
    code, out, err = run(capsys, "copy", "--from", postgres_db, "--to", back)
    assert code == 0 and out.startswith("copied 8 documents ("), err
    original = table_rows(store)
    assert original["judgements"] and original["entity_links"] and original["story_docs"]  # something compared
    assert table_rows(postgres_db) == original
    assert table_rows(back) == original
    assert views(capsys, back) == views(capsys, store)
    for copied in (postgres_db, back):
        code, out, err = run(capsys, "check", "--db", copied)
        assert code == 0 and out.startswith("ok: "), out + err


@pytest.mark.slow
def test_a_postgresql_copy_keeps_ids_and_continues_its_sequences(store, postgres_db):
    assert main(["copy", "--quiet", "--from", store, "--to", postgres_db]) == 0
    lite, pg = wrap(connect(store)), wrap(connect(postgres_db))
    try:
        analysed = {r[0] for r in pg.execute("SELECT relname FROM pg_stat_user_tables WHERE last_analyze IS NOT NULL")}
        assert {"documents", "entity_links", "events", "claims"} <= analysed  # planner statistics right after a copy
        for table in ("events", "mentions", "claims", "stories", "judgements"):
            assert pg.execute(f"SELECT max(id) FROM {table}").fetchone()[0] == lite.execute(
                f"SELECT max(id) FROM {table}").fetchone()[0], table
        top = pg.execute("SELECT max(id) FROM judgements").fetchone()[0]
        new = pg.insert("INSERT INTO judgements(kind, left_refs, right_refs, note, made_at) VALUES"
                        " ('merge', '[]', '[]', NULL, '2025-01-01')")
        assert new == top + 1  # the next id comes after the copied ones, not a collision with them
        from tests.test_resolution import _record

        mentions_before = pg.execute("SELECT max(id) FROM mentions").fetchone()[0]
        assert save_record(pg, _record("f" * 16, "2025-09-01", ["Kaspar Lindqvist"])) == "ingested"
        assert pg.execute("SELECT min(id) FROM mentions WHERE document_id = ?", ("f" * 16,)).fetchone()[0] > \
            mentions_before
    finally:
        pg.close()
        lite.close()


def test_sqlite_to_sqlite_keeps_rowid_order_and_refuses_a_store_that_holds_anything(store, tmp_path, capsys):
    target = str(tmp_path / "c.db")
    assert main(["copy", "--quiet", "--from", store, "--to", target]) == 0
    assert table_rows(target) == table_rows(store)
    a, b = connect(store), connect(target)
    for table in ("documents", "entities", "entity_links"):  # the order the code reads rows in
        assert [tuple(r) for r in b.execute(f"SELECT * FROM {table} ORDER BY rowid")] == \
               [tuple(r) for r in a.execute(f"SELECT * FROM {table} ORDER BY rowid")], table
    a.close()
    b.close()
    before = row_counts(connect(target))
    code, out, err = run(capsys, "copy", "--from", store, "--to", target)
    assert code == 1 and out == "" and err.count("\n") == 1
    assert err.startswith(f"error: {target}: the target store is not empty (") and "copy needs an empty store" in err
    assert row_counts(connect(target)) == before
    code, _, err = run(capsys, "copy", "--from", store, "--to", store)
    assert code == 1 and err == "error: --from and --to name the same store\n"
    code, _, err = run(capsys, "copy", "--from", str(tmp_path / "none.db"), "--to", str(tmp_path / "d.db"))
    assert code == 1 and "no such store" in err and err.count("\n") == 1
    assert not (tmp_path / "d.db").exists()


def test_copy_streams_in_batches(store, tmp_path, monkeypatch):
    """More rows than a batch in a table: copied in several transactions, none lost or doubled."""
    import newsintel.store.copy as copying

    monkeypatch.setattr(copying, "BATCH", 7)
    seen: list[tuple[str, int]] = []
    report = copying.copy_store(store, str(tmp_path / "c.db"), lambda table, rows: seen.append((table, rows)))
    mentions = [rows for table, rows in seen if table == "mentions"]
    assert len(mentions) > 2 and mentions[:-1] == [7 * (i + 1) for i in range(len(mentions) - 1)]
    assert mentions[-1] == report.rows["mentions"] and BATCH > 7
    assert report.rows == row_counts(connect(store))
    assert table_rows(str(tmp_path / "c.db")) == table_rows(store)
