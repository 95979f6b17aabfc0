"""Story grouping's reads and writes in SQL (`StoryIndex` of `resolve/story_index.py`), and the entry points the
writer and batch call: place a new document, place a re-extracted one again, place those stored before stories."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterable, Sequence

import numpy as np

from newsintel.model import DocumentInfo, Entity, Mention, Record, Sentence
from newsintel.resolve import stories
from newsintel.resolve.story_features import StoryDoc, from_record
from newsintel.resolve.story_features import settings as story_settings
from newsintel.resolve.story_index import UNDATED_DAY, Candidate, EntityLink, NewMember
from newsintel.store.db import now
from newsintel.store.gateway import SQLITE, wrap, write_transaction

SQL_CHUNK = 500  # ids per IN (...) list: well under SQLite's variable limit


class SqlStoryIndex:
    """`StoryIndex` on one connection; every call runs in the caller's transaction."""

    def __init__(self, conn: sqlite3.Connection) -> None:
        self.conn = conn
        # key_documents answers read ahead in one statement (`prefetch_key_documents`), by their arguments;
        # dropped by every write to story_keys, so they stay what the store holds.
        self._key_docs: dict[tuple[str, int, int | None, bool, int], list[str]] = {}

    def band_documents(self, bands: Sequence[int], limit: int) -> list[str]:
        marks = ",".join("?" * len(bands))
        return [r[0] for r in self.conn.execute(
            f"SELECT document_id FROM story_bands WHERE band IN ({marks}) LIMIT ?", (*bands, limit))]

    def key_documents(self, key: str, first_day: int, last_day: int | None, newest_first: bool,
                      limit: int) -> list[str]:
        """Documents under `key` on days first_day..last_day (None: no end), nearest the window's start first
        (`newest_first`: its end), ties by document id: the order of the (key, day, document_id) primary key,
        which SQLite always read in and PostgreSQL now does too, so both pick the same documents."""
        ahead = self._key_docs.get((key, first_day, last_day, newest_first, limit))
        if ahead is not None:
            return list(ahead)
        if last_day == first_day:
            sql = "SELECT document_id FROM story_keys WHERE key = ? AND day = ? ORDER BY document_id LIMIT ?"
            args: tuple = (key, first_day, limit)
        else:
            span = "day >= ?" if last_day is None else "day BETWEEN ? AND ?"
            bounds = (first_day,) if last_day is None else (first_day, last_day)
            order = "day DESC, document_id DESC" if newest_first else "day, document_id"
            sql = f"SELECT document_id FROM story_keys WHERE key = ? AND {span} ORDER BY {order} LIMIT ?"
            args = (key, *bounds, limit)
        return [r[0] for r in self.conn.execute(sql, args)]

    def prefetch_key_documents(self, asks: Sequence[tuple[str, int, int | None, bool, int]]) -> None:
        """Answer many `key_documents` calls (their argument tuples) in two statements on PostgreSQL, where a
        story's candidates cost a round trip per key and window; SQLite reads them one by one in-process."""
        if wrap(self.conn).dialect == SQLITE:
            return
        for newest_first in (False, True):
            todo = sorted({a for a in asks if a[3] == newest_first and a not in self._key_docs},
                          key=lambda a: (a[0], a[1], -1 if a[2] is None else a[2], a[4]))
            order = "s.day DESC, s.document_id DESC" if newest_first else "s.day, s.document_id"
            for start in range(0, len(todo), SQL_CHUNK):
                part = todo[start:start + SQL_CHUNK]
                found: list[list[str]] = [[] for _ in part]
                for n, document_id in self.conn.execute(
                        "SELECT w.n, k.document_id FROM unnest(CAST(? AS TEXT[]), CAST(? AS INTEGER[]),"
                        " CAST(? AS INTEGER[]), CAST(? AS INTEGER[])) WITH ORDINALITY AS w(key, lo, hi, lim, n)"
                        " CROSS JOIN LATERAL (SELECT s.document_id, s.day FROM story_keys s WHERE s.key = w.key"
                        f" AND s.day >= w.lo AND (w.hi IS NULL OR s.day <= w.hi) ORDER BY {order} LIMIT w.lim) AS k"
                        f" ORDER BY w.n, {order.replace('s.', 'k.')}",
                        ([a[0] for a in part], [a[1] for a in part], [a[2] for a in part], [a[4] for a in part])):
                    found[n - 1].append(document_id)
                self._key_docs.update(zip(part, found, strict=True))

    def candidates(self, document_ids: Sequence[str]) -> list[Candidate]:
        out = []
        for part in _chunks(document_ids):
            marks = ",".join("?" * len(part))
            for row in self.conn.execute(
                    f"SELECT document_id, story_id, day, dated, signature, profile, embedding FROM story_docs"
                    f" WHERE document_id IN ({marks})", part):
                emb = np.frombuffer(row[6], dtype=np.float32) if row[6] else None
                out.append(Candidate(row[0], row[1], row[2], bool(row[3]), np.frombuffer(row[4], dtype=np.uint32),
                                     json.loads(row[5]), emb))
        return out

    def document_frequencies(self, keys: Iterable[str]) -> dict[str, int]:
        df: dict[str, int] = {}
        for part in _chunks(list(keys)):
            marks = ",".join("?" * len(part))
            df.update(self.conn.execute(f"SELECT key, df FROM story_df WHERE key IN ({marks})", part).fetchall())
        return df

    def entity_links(self, document_id: str) -> list[EntityLink]:
        return [EntityLink(*row) for row in self.conn.execute(
            "SELECT e.id, e.type, i.name, i.kind, e.geonameid, e.lat, e.lon FROM entities e LEFT JOIN entity_links l"
            " ON l.entity_id = e.id LEFT JOIN identities i ON i.id = l.identity_id WHERE e.document_id = ?",
            (document_id,))]

    def new_story(self, day: int, story_id: int | None = None) -> int:
        stamp = now()
        if story_id is None:  # a new id from the table (PostgreSQL refuses an explicit NULL for an identity)
            return wrap(self.conn).insert("INSERT INTO stories(size, first_day, last_day, created_at, updated_at)"
                                          " VALUES (0, ?, ?, ?, ?)", (day, day, stamp, stamp))
        self.conn.execute("INSERT INTO stories(id, size, first_day, last_day, created_at, updated_at)"
                          " VALUES (?, 0, ?, ?, ?, ?)", (story_id, day, day, stamp, stamp))
        return story_id

    def story_exists(self, story_id: int) -> bool:
        return self.conn.execute("SELECT 1 FROM stories WHERE id = ?", (story_id,)).fetchone() is not None

    def story_size(self, story_id: int) -> int:
        return self.conn.execute("SELECT size FROM stories WHERE id = ?", (story_id,)).fetchone()[0]

    def move_members(self, from_story: int, to_story: int) -> None:
        self.conn.execute("UPDATE story_docs SET story_id = ?, joined_by = 'merged' WHERE story_id = ?",
                          (to_story, from_story))
        self.conn.execute("DELETE FROM stories WHERE id = ?", (from_story,))

    def add_member(self, member: NewMember) -> None:
        emb = member.embedding.astype(np.float32).tobytes() if member.embedding is not None else None
        self.conn.execute(
            "INSERT INTO story_docs(document_id, story_id, day, dated, signature, profile, embedding, joined_by,"
            " score, assigned_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (member.id, member.story, member.day, int(member.dated), member.signature.astype(np.uint32).tobytes(),
             json.dumps(member.profile, ensure_ascii=False), emb, member.joined_by, member.score, now()))
        self._key_docs.clear()
        wrap(self.conn).insert_rows("INSERT OR IGNORE INTO story_bands(band, document_id) VALUES (?, ?)",
                              [(b, member.id) for b in member.bands])
        day = member.day if member.dated else UNDATED_DAY
        wrap(self.conn).insert_rows("INSERT OR IGNORE INTO story_keys(key, day, document_id) VALUES (?, ?, ?)",
                              [(k, day, member.id) for k in member.retrieval])
        wrap(self.conn).insert_rows(
            "INSERT INTO story_df(key, df) VALUES (?, 1) ON CONFLICT(key) DO UPDATE SET df = story_df.df + 1",
            [(k,) for k in member.counted_keys])

    def member_profile(self, document_id: str) -> tuple[int, dict[str, float]] | None:
        row = self.conn.execute("SELECT story_id, profile FROM story_docs WHERE document_id = ?",
                                (document_id,)).fetchone()
        return None if row is None else (int(row[0]), json.loads(row[1]))

    def remove_member(self, document_id: str, counted_keys: Sequence[str]) -> None:
        self._key_docs.clear()
        self.conn.execute("DELETE FROM story_bands WHERE document_id = ?", (document_id,))
        self.conn.execute("DELETE FROM story_keys WHERE document_id = ?", (document_id,))
        keys = [(k,) for k in counted_keys]
        self.conn.executemany("UPDATE story_df SET df = df - 1 WHERE key = ?", keys)
        self.conn.executemany("DELETE FROM story_df WHERE key = ? AND df <= 0", keys)
        self.conn.execute("DELETE FROM story_docs WHERE document_id = ?", (document_id,))

    def refresh_story(self, story_id: int) -> None:
        """Size and date span from the members; an empty story is deleted."""
        size, first, last = self.conn.execute(
            "SELECT count(*), min(CASE WHEN dated = 1 THEN day END), max(CASE WHEN dated = 1 THEN day END)"
            " FROM story_docs WHERE story_id = ?", (story_id,)).fetchone()
        if size == 0:
            self.conn.execute("DELETE FROM stories WHERE id = ?", (story_id,))
        else:
            self.conn.execute("UPDATE stories SET size = ?, first_day = ?, last_day = ?, updated_at = ? WHERE id = ?",
                              (size, first, last, now(), story_id))

    def stored_record(self, document_id: str) -> Record:
        """As much of a stored document's `Record` as story grouping reads: text, sentences, entities with their
        mentions and places, events."""
        conn = self.conn
        title, text, published = conn.execute("SELECT title, text, published FROM documents WHERE id = ?",
                                              (document_id,)).fetchone()
        record = Record(DocumentInfo(document_id, title, None, None, published, text))
        record.sentences = [Sentence(*r) for r in conn.execute(
            'SELECT idx, start, "end" FROM sentences WHERE document_id = ? ORDER BY idx', (document_id,))]
        by_id: dict[str, Entity] = {}
        for entity_id, name, type_, lat, lon, kind in conn.execute(
                "SELECT id, name, type, lat, lon, geo_kind FROM entities WHERE document_id = ? ORDER BY rowid",
                (document_id,)):
            geo = {"lat": lat, "lon": lon, "kind": kind} if lat is not None else None
            by_id[entity_id] = Entity(entity_id, name, type_, geo=geo)
        for entity_id, text_, start, end, sentence in conn.execute(
                'SELECT entity_id, text, start, "end", sentence FROM mentions WHERE document_id = ? ORDER BY id',
                (document_id,)):
            if entity_id in by_id:
                by_id[entity_id].mentions.append(Mention(text_, start, end, sentence))
        record.entities = list(by_id.values())
        record.events = [json.loads(r[0]) for r in conn.execute(
            "SELECT data FROM events WHERE document_id = ? ORDER BY id", (document_id,))]
        return record


def _chunks(items: Sequence[str]) -> list[Sequence[str]]:
    return [items[i:i + SQL_CHUNK] for i in range(0, len(items), SQL_CHUNK)]


def assign_story(conn: sqlite3.Connection, record: Record) -> int:
    """Put a newly stored and resolved document into a story, inside the caller's transaction: as
    `stories.assign_story`, with the candidates' key lookups read ahead."""
    index = SqlStoryIndex(conn)
    doc = from_record(record, index.entity_links(record.document.id))
    if wrap(conn).dialect != SQLITE:
        index.prefetch_key_documents(candidate_lookups(doc))
    return stories.place(index, doc)


def candidate_lookups(doc: StoryDoc) -> list[tuple[str, int, int | None, bool, int]]:
    """The `key_documents` calls story placement makes for `doc` (resolve/stories.py `_candidates`): per retrieval
    key, its undated reports and the nearest reports on each side of its day (undated: the latest dated ones). A
    call not foreseen here is simply read on its own."""
    cand = story_settings()["candidates"]
    per_key, window = cand["per_key"], cand["window_days"]
    asks = []
    for key in doc.retrieval:
        asks.append((key, UNDATED_DAY, UNDATED_DAY, False, per_key))
        if doc.dated:
            asks += [(key, doc.day - window, doc.day, True, per_key), (key, doc.day + 1, doc.day + window, False,
                                                                         per_key)]
        else:
            asks.append((key, UNDATED_DAY + 1, None, True, per_key))
    return asks


def reassign_story(conn: sqlite3.Connection, record: Record) -> int:
    """Place a re-extracted document again, inside the caller's transaction."""
    return stories.reassign_story(SqlStoryIndex(conn), record)


def backfill_stories(conn: sqlite3.Connection) -> int:
    """Place every stored document that has no story yet (stores from before stories, or written by another
    version), oldest publication first, one transaction each; returns how many were placed."""
    index = SqlStoryIndex(conn)
    missing = [r[0] for r in conn.execute(
        "SELECT d.id FROM documents d WHERE NOT EXISTS (SELECT 1 FROM story_docs s WHERE s.document_id = d.id)"
        " ORDER BY d.published, d.rowid")]
    placed = 0
    for doc_id in missing:
        with write_transaction(conn):
            if index.member_profile(doc_id) is None:
                record = index.stored_record(doc_id)
                stories.place(index, from_record(record, index.entity_links(doc_id)))
                placed += 1
    return placed
