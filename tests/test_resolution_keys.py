"""Blocking-key lookups stay bounded and specific however common a name grows (issue 5, resolution at scale)."""

import sqlite3

from newsintel.resolve import linker
from newsintel.resolve.names import blocking_keys, person_form
from newsintel.store import connect, save_record
from newsintel.store.db import _statements, migrations
from newsintel.store.identity_index import identities_for_keys
from tests.test_resolution import _record

OTHER_HALITIS = ["Arben", "Besim", "Blerim", "Dardan", "Fatos", "Gezim", "Ilir", "Kujtim"]


def _identity(conn, doc_id: str, name: str) -> str:
    return conn.execute("SELECT l.identity_id FROM entities e JOIN entity_links l ON l.entity_id = e.id"
                        " WHERE e.document_id = ? AND e.name = ?", (doc_id, name)).fetchone()[0]


def test_exact_name_is_found_behind_a_crowd_of_better_known_namesakes(store_db, monkeypatch):
    cfg = dict(linker.settings(), max_candidates=5)
    monkeypatch.setattr(linker, "settings", lambda: cfg)
    conn = connect(store_db)
    save_record(conn, _record("z" * 16, "2025-01-01", ["Zamir Haliti"]))
    for i, given in enumerate(OTHER_HALITIS):  # each better known than Zamir: two reports apiece
        for j in range(2):
            save_record(conn, _record(f"{i}{j}".ljust(16, "x"), "2025-02-01", [f"{given} Haliti"]))
    save_record(conn, _record("y" * 16, "2025-03-01", ["Zamir Haliti"]))
    assert _identity(conn, "y" * 16, "Zamir Haliti") == _identity(conn, "z" * 16, "Zamir Haliti")
    halitis = conn.execute("SELECT count(*) FROM identities WHERE name LIKE '% Haliti'").fetchone()[0]
    assert halitis == len(OTHER_HALITIS) + 1


def test_lookup_reads_specific_keys_first_and_stops_at_the_limit(store_db):
    conn = connect(store_db)
    conn.executemany("INSERT INTO identities(id, kind, type, name, documents) VALUES (?, 'person', 'PERSON', ?, ?)",
                     [(f"I{i:03d}", f"P{i}", i) for i in range(100)])
    conn.executemany("INSERT INTO identity_keys(key, identity_id, rank) VALUES ('p:last:haliti', ?, ?)",
                     [(f"I{i:03d}", i) for i in range(100)])
    conn.execute("INSERT INTO identity_keys(key, identity_id, rank) VALUES ('p:zamir haliti', 'I003', 3)")
    rows = identities_for_keys(conn, {"p:last:haliti", "p:zamir haliti"}, 5)
    assert [r["id"] for r in rows] == ["I003", "I099", "I098", "I097", "I096"]


def test_key_rank_follows_the_document_count_as_it_doubles(store_db):
    conn = connect(store_db)
    for i in range(5):
        save_record(conn, _record(f"d{i}".ljust(16, "x"), f"2025-01-0{i + 1}", ["Zamir Haliti"]))
    identity = _identity(conn, "d0".ljust(16, "x"), "Zamir Haliti")
    ranks = {r[0] for r in conn.execute("SELECT rank FROM identity_keys WHERE identity_id = ?", (identity,))}
    assert ranks == {4}  # refreshed at 1, 2 and 4 documents, not at every document


def test_migration_ranks_old_keys_and_derives_first_initial_keys(tmp_path):
    path = tmp_path / "old.db"
    raw = sqlite3.connect(path, isolation_level=None)
    for version, _name, sql in migrations():
        if version <= 5:
            for statement in _statements(sql):
                raw.execute(statement)
    raw.execute("PRAGMA user_version = 5")
    raw.execute("INSERT INTO identities(id, kind, type, name, documents) VALUES ('I1', 'person', 'PERSON', 'x', 7)")
    old_keys = blocking_keys(person_form("Zamir Haliti")) - {k for k in blocking_keys(person_form("Zamir Haliti"))
                                                           if k.startswith("p:fl:")}
    raw.executemany("INSERT INTO identity_keys(key, identity_id) VALUES (?, 'I1')", [(k,) for k in old_keys])
    raw.close()
    conn = connect(path)
    stored = dict(conn.execute("SELECT key, rank FROM identity_keys WHERE identity_id = 'I1'").fetchall())
    assert set(stored) == blocking_keys(person_form("Zamir Haliti"))
    assert set(stored.values()) == {7}


def test_remembered_key_lookups_follow_every_change_of_the_keys(store_db):
    """One index remembers its lookups (store/identity_index.py); each write to the keys is seen by the next
    lookup as if it read the table again."""
    from newsintel.store.identity_index import SqlIdentityIndex

    conn = connect(store_db)
    index = SqlIdentityIndex(conn)
    for i in range(4):
        index.new_identity(f"I00{i}", "person", "PERSON", f"P{i}")
    index.add_keys("I000", ["p:last:haliti"], 5)
    index.add_keys("I001", ["p:last:haliti"], 3)
    index.add_keys("I002", ["p:last:haliti", "p:zamir haliti"], 1)
    assert index.key_identities("p:last:haliti", 2) == ["I000", "I001"]
    assert index.key_identities("p:zamir haliti", 2) == ["I002"]
    index.set_key_rank("I002", 9)  # climbs past the limit's cut
    assert index.key_identities("p:last:haliti", 2) == ["I002", "I000"]
    index.add_keys("I003", ["p:zamir haliti"], 4)  # a new row under a remembered key
    assert index.key_identities("p:zamir haliti", 2) == ["I002", "I003"]
    index.clear_keys("I002")
    assert index.key_identities("p:last:haliti", 2) == ["I000", "I001"]
    assert index.key_identities("p:zamir haliti", 2) == ["I003"]
    index.delete_identity("I003")
    assert index.key_identities("p:zamir haliti", 2) == []
    index.clear_resolution()
    assert index.key_identities("p:last:haliti", 2) == []
