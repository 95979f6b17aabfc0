"""The gateway's SQL translation for PostgreSQL (no server needed): only what must differ changes."""

import sqlite3

from newsintel.store.gateway import Database, Row, translate


def test_placeholders_become_percent_s_outside_string_literals() -> None:
    sql = "SELECT id FROM documents WHERE title = ? AND text LIKE '%why?%' AND source = ?"
    assert translate(sql) == "SELECT id FROM documents WHERE title = %s AND text LIKE '%%why?%%' AND source = %s"


def test_a_percent_outside_a_literal_is_doubled_and_quoted_names_are_kept() -> None:
    assert translate('SELECT "end" % 7, \'it\'\'s ?\' FROM t WHERE a = ?') == \
        'SELECT "end" %% 7, \'it\'\'s ?\' FROM t WHERE a = %s'


def test_insert_or_ignore_becomes_on_conflict_do_nothing() -> None:
    sql = "INSERT OR IGNORE INTO story_bands(band, document_id) VALUES (?, ?)"
    assert translate(sql) == "INSERT INTO story_bands(band, document_id) VALUES (%s, %s) ON CONFLICT DO NOTHING"
    assert translate("insert or ignore into k(a) SELECT a FROM b;") == \
        "INSERT INTO k(a) SELECT a FROM b ON CONFLICT DO NOTHING"


def test_other_statements_pass_unchanged_but_for_placeholders() -> None:
    sql = "UPDATE stories SET size = size + 1 WHERE id = ?"
    assert translate(sql) == "UPDATE stories SET size = size + 1 WHERE id = %s"


def test_rows_read_by_position_and_by_name() -> None:
    row = Row((3, "Oslo"), {"id": 0, "name": 1})
    assert row[0] == 3 and row["name"] == "Oslo" and tuple(row) == (3, "Oslo") and row.keys() == ["id", "name"]


def test_a_sqlite_database_runs_portable_sql_as_it_is() -> None:
    conn = sqlite3.connect(":memory:", isolation_level=None)
    conn.row_factory = sqlite3.Row
    db = Database(conn)
    assert db.dialect == "sqlite"
    db.execute('CREATE TABLE t (id INTEGER PRIMARY KEY, "end" INTEGER UNIQUE)')
    with db.transaction():
        assert db.insert('INSERT INTO t("end") VALUES (?)', (5,)) == 1
        db.executemany('INSERT OR IGNORE INTO t("end") VALUES (?)', [(5,), (6,)])
    assert [tuple(r) for r in db.execute('SELECT id, "end" FROM t ORDER BY id')] == [(1, 5), (2, 6)]
