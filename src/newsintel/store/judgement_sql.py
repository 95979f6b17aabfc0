"""The SQL of analyst judgements and of the link moves they make (part of `SqlIdentityIndex`, see
`store/identity_index.py`): judgements are stored with entity refs, never identity ids, so they outlive a rebuild."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterable, Sequence

from newsintel.resolve.identity_index import Judgement
from newsintel.store.db import now
from newsintel.store.gateway import wrap


def _judgement(row: sqlite3.Row) -> Judgement:
    return Judgement(row["id"], row["kind"], json.loads(row["left_refs"]), json.loads(row["right_refs"]),
                     row["note"], row["made_at"], row["value"])


class SqlJudgements:
    """Judgements and the links they read and move, on one connection, in the caller's transaction."""

    conn: sqlite3.Connection

    def has_constraints(self) -> bool:
        return self.conn.execute("SELECT 1 FROM judgements WHERE kind != 'merge' LIMIT 1").fetchone() is not None

    def judgements(self, kinds: Sequence[str]) -> list[Judgement]:
        marks = ",".join("?" * len(kinds))
        return [_judgement(r) for r in self.conn.execute(
            f"SELECT * FROM judgements WHERE kind IN ({marks}) ORDER BY id", tuple(kinds))]

    def judgements_with_ref(self, ref: str, kinds: Sequence[str]) -> list[Judgement]:
        """Judgements of these kinds naming `ref` on either side (a LIKE on the JSON lists: the caller checks)."""
        marks = ",".join("?" * len(kinds))
        return [_judgement(r) for r in self.conn.execute(
            f"SELECT * FROM judgements WHERE kind IN ({marks}) AND (left_refs LIKE ? OR right_refs LIKE ?)",
            (*kinds, f'%"{ref}"%', f'%"{ref}"%'))]

    def judgement_ids_for_document(self, document_id: str, kinds: Sequence[str]) -> set[int]:
        marks = ",".join("?" * len(kinds))
        pattern = f'%"{document_id}:%'
        return {r[0] for r in self.conn.execute(
            f"SELECT id FROM judgements WHERE kind IN ({marks}) AND (left_refs LIKE ? OR right_refs LIKE ?)",
            (*kinds, pattern, pattern))}

    def record_judgement(self, kind: str, left: list[str], right: list[str], note: str | None,
                         value: str | None) -> int:
        return wrap(self.conn).insert("INSERT INTO judgements(kind, left_refs, right_refs, note, made_at, value)"
                                      " VALUES (?, ?, ?, ?, ?, ?)",
                                      (kind, json.dumps(left), json.dumps(right), note, now(), value))

    def refs_of(self, identity_id: str) -> list[str]:
        return sorted({r[0] for r in self.conn.execute("SELECT ref FROM entity_links WHERE identity_id = ?",
                                                       (identity_id,))})

    def holds_any_ref(self, identity_id: str, refs: Iterable[str]) -> bool:
        refs = tuple(refs)
        marks = ",".join("?" * len(refs))
        return self.conn.execute(f"SELECT 1 FROM entity_links WHERE identity_id = ? AND ref IN ({marks}) LIMIT 1",
                                 (identity_id, *refs)).fetchone() is not None

    def identities_of_refs(self, refs: Sequence[str]) -> list[str]:
        if not refs:
            return []
        marks = ",".join("?" * len(refs))
        return [r[0] for r in self.conn.execute(
            f"SELECT identity_id, count(*) AS n FROM entity_links WHERE ref IN ({marks}) GROUP BY identity_id"
            " ORDER BY n DESC", tuple(refs))]

    def merge_links(self, keep: str, gone: str, method: str) -> None:
        self.conn.execute("UPDATE entity_links SET identity_id = ?, method = ? WHERE identity_id = ?",
                          (keep, method, gone))

    def move_ref(self, ref: str, from_identity: str, to_identity: str) -> None:
        self.conn.execute("UPDATE entity_links SET identity_id = ?, method = 'judgement' WHERE ref = ?"
                          " AND identity_id = ?", (to_identity, ref, from_identity))

    def linked_mention(self, mention_id: int) -> tuple[str, str] | None:
        row = self.conn.execute("SELECT l.entity_id, l.ref FROM mentions m JOIN entity_links l"
                                " ON l.entity_id = m.entity_id WHERE m.id = ?", (mention_id,)).fetchone()
        return None if row is None else (row[0], row[1])

    def new_identity_like(self, identity_id: str, template_id: str) -> None:
        self.conn.execute("INSERT INTO identities(id, kind, type, name) SELECT ?, kind, type, name FROM identities"
                          " WHERE id = ?", (identity_id, template_id))
