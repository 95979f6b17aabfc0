"""Resolve the whole store again from scratch, keeping analyst judgements."""

from __future__ import annotations

import sqlite3

from newsintel.resolve.judgements import replay_merges
from newsintel.resolve.linker import resolve_document
from newsintel.store.db import transaction


def rebuild(conn: sqlite3.Connection) -> int:
    """Forget every automatic link and resolve all documents again in ingest order; judgements are kept: split
    and not-same constrain the linker, merges are re-applied. Returns the number of identities."""
    with transaction(conn):
        for table in ("entity_links", "identity_keys", "identities"):
            conn.execute(f"DELETE FROM {table}")
        for (doc_id,) in conn.execute("SELECT id FROM documents ORDER BY rowid").fetchall():
            resolve_document(conn, doc_id)
        replay_merges(conn)
    return conn.execute("SELECT count(*) FROM identities").fetchone()[0]
