"""The batched write path stores and reads what the row-by-row one did, on both backends: multi-row inserts keep their
rows, order, ids and conflict rules; blocking-key and story-key lookups read ahead in one statement answer as the
one-by-one lookups do (ties broken the same way on both backends); the identity rows and links an index remembers
stay what the store holds after every kind of write."""

import pytest

from newsintel.store import connect, gateway
from newsintel.store.gateway import POSTGRESQL, wrap
from newsintel.store.identity_index import SqlIdentityIndex
from newsintel.store.story_index import SqlStoryIndex

STAMP = "2026-01-01T00:00:00+00:00"


class NoStore:
    """Stands in for the connection once lookups should be answered from what was read ahead."""

    dialect = POSTGRESQL

    def execute(self, *args, **kwargs):
        raise AssertionError("a lookup went to the store although it was read ahead")


@pytest.fixture
def db(store_db):
    conn = wrap(connect(store_db))
    yield conn
    conn.close()


def add_documents(db, *ids):
    db.executemany("INSERT INTO documents(id, origin, format, text, ingested_at) VALUES (?, 'test', 'txt', ?, ?)",
                   [(i, f"text of {i}", STAMP) for i in ids])


def test_multi_row_insert_keeps_order_ids_and_conflict_rules(db, monkeypatch):
    monkeypatch.setattr(gateway, "MULTI_ROW_PARAMS", 10)  # two rows of five per statement: several statements
    with db.transaction():
        db.insert_rows("INSERT INTO stories(size, first_day, last_day, created_at, updated_at) VALUES (?, ?, ?, ?, ?)",
                       [(0, day, day, STAMP, STAMP) for day in (14, 12, 10, 13, 11)])
    assert [tuple(r) for r in db.execute("SELECT id, first_day FROM stories ORDER BY id")] == [
        (1, 14), (2, 12), (3, 10), (4, 13), (5, 11)]

    upsert = "INSERT INTO story_df(key, df) VALUES (?, 1) ON CONFLICT(key) DO UPDATE SET df = story_df.df + 1"
    with db.transaction():
        db.insert_rows(upsert, [("a",), ("b",), ("a",)])  # a key twice in one batch: row by row
        db.insert_rows(upsert, [("b",), ("c",), ("d",)])
    assert [tuple(r) for r in db.execute("SELECT key, df FROM story_df ORDER BY key")] == [
        ("a", 2), ("b", 2), ("c", 1), ("d", 1)]

    with db.transaction():
        db.execute("INSERT INTO identities(id, kind, type, name) VALUES ('I1', 'person', 'PERSON', 'A')")
        ignore = "INSERT OR IGNORE INTO identity_keys(key, identity_id, rank) VALUES (?, ?, ?)"
        db.insert_rows(ignore, [("p:a", "I1", 1), ("p:b", "I1", 2), ("p:a", "I1", 3)])
        db.insert_rows(ignore, [("p:b", "I1", 4), ("p:c", "I1", 5)])
    assert [tuple(r) for r in db.execute("SELECT key, rank FROM identity_keys ORDER BY key")] == [
        ("p:a", 1), ("p:b", 2), ("p:c", 5)]


def add_keyed_identities(db):
    """Six identities under one key, three tied at rank 2, stored out of id order (and one re-ranked), so neither
    insertion nor physical order gives the id order the lookups promise."""
    ranks = {"I6": 1, "I3": 5, "I2": 2, "I5": 2, "I1": 2, "I4": 0}
    with db.transaction():
        for identity_id, rank in ranks.items():
            db.execute("INSERT INTO identities(id, kind, type, name) VALUES (?, 'person', 'PERSON', ?)",
                       (identity_id, identity_id))
            db.execute("INSERT INTO identity_keys(key, identity_id, rank) VALUES ('p:x', ?, ?)", (identity_id, rank))
        db.execute("INSERT INTO identity_keys(key, identity_id, rank) VALUES ('p:y', 'I4', 1)")
        db.execute("UPDATE identity_keys SET rank = 2 WHERE identity_id = 'I6'")


KEY_ANSWERS = {("p:x", 3): ["I3", "I1", "I2"], ("p:x", 10): ["I3", "I1", "I2", "I5", "I6", "I4"],
               ("p:y", 3): ["I4"], ("p:none", 3): []}


def test_key_lookups_one_by_one_and_read_ahead_agree(db):
    add_keyed_identities(db)
    with db.transaction():
        single = SqlIdentityIndex(db)
        assert {ask: single.key_identities(*ask) for ask in KEY_ANSWERS} == KEY_ANSWERS
        ahead = SqlIdentityIndex(db)
        for limit in (3, 10):
            ahead.prefetch_keys([key for key, n in KEY_ANSWERS if n == limit], limit)
        if db.dialect == POSTGRESQL:  # answered from what was read ahead, candidates' rows included
            ahead.conn = NoStore()
            assert [r.id for r in ahead.identities(["I3", "I1"])] == ["I3", "I1"]
        assert {ask: ahead.key_identities(*ask) for ask in KEY_ANSWERS} == KEY_ANSWERS


def test_story_key_windows_one_by_one_and_read_ahead_agree(db):
    days = {"d1": 100, "d2": 100, "d3": 101, "d4": 99, "d5": 0, "d6": 0, "d7": 105, "d8": 90}
    add_documents(db, *days)
    with db.transaction():
        db.executemany("INSERT INTO story_keys(key, day, document_id) VALUES ('k', ?, ?)",
                       [(day, doc) for doc, day in days.items()])
    answers = {
        ("k", 0, 0, False, 5): ["d5", "d6"],  # undated reports
        ("k", 95, 100, True, 3): ["d2", "d1", "d4"],  # nearest before the day: latest first, ties by id
        ("k", 101, 110, False, 5): ["d3", "d7"],  # after it: earliest first
        ("k", 1, None, True, 2): ["d7", "d3"],  # an undated report's latest dated ones
        ("other", 95, 100, True, 3): [],
    }
    with db.transaction():
        single = SqlStoryIndex(db)
        assert {ask: single.key_documents(*ask) for ask in answers} == answers
        ahead = SqlStoryIndex(db)
        ahead.prefetch_key_documents(list(answers))
        if db.dialect == POSTGRESQL:
            ahead.conn = NoStore()
        assert {ask: ahead.key_documents(*ask) for ask in answers} == answers


def test_remembered_identities_and_links_follow_every_write(db):
    add_keyed_identities(db)
    add_documents(db, "d1")
    with db.transaction():
        db.executemany("INSERT INTO entities(id, document_id, name, type) VALUES (?, 'd1', ?, 'PERSON')",
                       [("e1", "A"), ("e2", "B")])
    ids = ["I1", "I2", "I3", "I4", "I5", "I6", "I9"]

    def same_as_store(index):
        fresh = SqlIdentityIndex(index.conn)
        assert index.identities(ids) == fresh.identities(ids)
        for identity_id in ids:
            assert index.identity(identity_id) == fresh.identity(identity_id)
            assert index.identity_exists(identity_id) == fresh.identity_exists(identity_id)
            assert index.kind_of(identity_id) == fresh.kind_of(identity_id)
            assert index.retyped_type(identity_id) == fresh.retyped_type(identity_id)
            assert index.has_document(identity_id, "d1") == fresh.has_document(identity_id, "d1")

    with db.transaction():
        index = SqlIdentityIndex(db)
        same_as_store(index)  # everything read (and remembered) once
        index.save_profile("I1", {"names": {"A": 2}}, "A", "PERSON", 2)
        index.set_kind("I2", "org", "ORG")
        index.set_type("I3", "ORG", "org")
        index.suppress("I4")
        index.new_identity("I9", "place", "GPE", "Somewhere")
        index.link_entities("I1", "d1", [("e1", "d1:a"), ("e2", "d1:b")], 0.9, "name")
        same_as_store(index)
        assert index.profile_and_documents("I1") == ({"names": {"A": 2}}, 2)
        index.link_entities("I5", "d1", [("e1", "d1:a")], 0.8, "name")  # e1 moves on: I1 keeps e2 only
        index.link_entities("I6", "d1", [("e2", "d1:b")], 0.8, "name")  # ... and now nothing
        same_as_store(index)
        index.merge_links("I6", "I5", "judgement")
        index.delete_identity("I5")
        same_as_store(index)
