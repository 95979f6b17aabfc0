"""Writing records: each document with everything derived from it in one transaction, or not at all."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime

from newsintel.model import Record


def now() -> str:
    return datetime.now(UTC).replace(microsecond=0).isoformat()


@contextmanager
def transaction(conn: sqlite3.Connection) -> Iterator[sqlite3.Connection]:
    conn.execute("BEGIN IMMEDIATE")
    try:
        yield conn
    except BaseException:
        conn.execute("ROLLBACK")
        raise
    conn.execute("COMMIT")


def has_input(conn: sqlite3.Connection, raw_hash: str) -> bool:
    return conn.execute("SELECT 1 FROM inputs WHERE raw_hash = ?", (raw_hash,)).fetchone() is not None


def save_record(conn: sqlite3.Connection, record: Record, raw_hash: str | None = None) -> str:
    """Store `record`; returns "ingested", or "unchanged" when a document with the same text is stored."""
    doc = record.document
    stamp = now()
    with transaction(conn):
        exists = conn.execute("SELECT 1 FROM documents WHERE id = ?", (doc.id,)).fetchone()
        if not exists:
            _insert(conn, record, stamp)
        if raw_hash:
            conn.execute(
                "INSERT OR IGNORE INTO inputs(raw_hash, document_id, origin, seen_at) VALUES (?, ?, ?, ?)",
                (raw_hash, doc.id, doc.origin or "", stamp),
            )
    return "unchanged" if exists else "ingested"


def _insert(conn: sqlite3.Connection, record: Record, stamp: str) -> None:
    doc = record.document
    conn.execute(
        "INSERT INTO documents(id, title, source, url, published, author, origin, format, text, ingested_at)"
        " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        (doc.id, doc.title, doc.source, doc.url, doc.published, doc.author, doc.origin or "",
         doc.format or "", doc.text, stamp),
    )
    conn.executemany(
        "INSERT INTO sentences(document_id, idx, start, end) VALUES (?, ?, ?, ?)",
        [(doc.id, s.index, s.start, s.end) for s in record.sentences],
    )
    conn.executemany(
        "INSERT INTO entities(id, document_id, name, type, aliases, attributes) VALUES (?, ?, ?, ?, ?, ?)",
        [(e.id, doc.id, e.name, e.type, json.dumps(e.aliases, ensure_ascii=False),
          json.dumps(e.attributes, ensure_ascii=False)) for e in record.entities],
    )
    conn.executemany(
        "INSERT INTO mentions(entity_id, document_id, sentence, start, end, text, label)"
        " VALUES (?, ?, ?, ?, ?, ?, ?)",
        [(e.id, doc.id, m.sentence, m.start, m.end, m.text, m.label) for e in record.entities for m in e.mentions],
    )
