"""Analyst judgements on identities: merge, split, not-same, retype, suppress. They always win over automatic
resolution.

A judgement is stored with the entity refs ("<document id>:<kind>:<name form>") of both sides at the time it was
made, not with identity ids, so it still means the same after re-ingest, reprocess or a full rebuild: merges are
re-applied, and split/not-same act as constraints the linker never crosses. Retype and suppress name one side (the
identity's refs) and are re-applied to every identity that those refs make up at least half of.
"""

from __future__ import annotations

import json
import sqlite3
from dataclasses import dataclass

from newsintel.resolve.keys import new_identity_id
from newsintel.resolve.profiles import refresh_identity
from newsintel.resolve.types import KIND_OF_TYPE, set_suppressed, set_type
from newsintel.store.db import now, transaction


class JudgementError(Exception):
    """The judgement cannot be made; the message says why."""


@dataclass(slots=True)
class Judgement:
    id: int
    kind: str
    left: list[str]
    right: list[str]
    note: str | None
    made_at: str
    value: str | None = None  # the type a retype gives


def find_identity(conn: sqlite3.Connection, ident: str) -> sqlite3.Row:
    """An identity by id or unique id prefix."""
    prefix = ident.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"  # wildcards literal
    rows = conn.execute("SELECT * FROM identities WHERE id = ? OR id LIKE ? ESCAPE '\\' LIMIT 2",
                        (ident, prefix)).fetchall()
    exact = [r for r in rows if r["id"] == ident]
    if exact:
        return exact[0]
    if len(rows) != 1:
        raise JudgementError(f"no identity {ident!r}" if not rows else f"identity prefix {ident!r} is ambiguous")
    return rows[0]


def refs_of(conn: sqlite3.Connection, identity_id: str) -> list[str]:
    return sorted({r[0] for r in conn.execute("SELECT ref FROM entity_links WHERE identity_id = ?", (identity_id,))})


def _identity_of_refs(conn: sqlite3.Connection, refs: list[str]) -> list[str]:
    if not refs:
        return []
    marks = ",".join("?" * len(refs))
    return [r[0] for r in conn.execute(
        f"SELECT identity_id, count(*) AS n FROM entity_links WHERE ref IN ({marks}) GROUP BY identity_id"
        " ORDER BY n DESC", tuple(refs))]


def _record(conn: sqlite3.Connection, kind: str, left: list[str], right: list[str], note: str | None,
            value: str | None = None) -> int:
    cur = conn.execute("INSERT INTO judgements(kind, left_refs, right_refs, note, made_at, value)"
                       " VALUES (?, ?, ?, ?, ?, ?)", (kind, json.dumps(left), json.dumps(right), note, now(), value))
    return int(cur.lastrowid or 0)


def merge_identities(conn: sqlite3.Connection, keep: str, gone: str, method: str = "judgement") -> None:
    """Move every link of `gone` to `keep` (marked with `method`) and recompute both profiles."""
    conn.execute("UPDATE entity_links SET identity_id = ?, method = ? WHERE identity_id = ?", (keep, method, gone))
    refresh_identity(conn, gone)
    refresh_identity(conn, keep)


def blocked(conn: sqlite3.Connection, a: str, b: str) -> int | None:
    """The id of a split/not-same judgement separating identities a and b, if any."""
    ra, rb = set(refs_of(conn, a)), set(refs_of(conn, b))
    for j in load(conn, ("split", "not-same")):
        left, right = set(j.left), set(j.right)
        if (left & ra and right & rb) or (left & rb and right & ra):
            return j.id
    return None


def _two(conn: sqlite3.Connection, a: str, b: str, same_message: str) -> tuple[str, str]:
    ia, ib = find_identity(conn, a)["id"], find_identity(conn, b)["id"]
    if ia == ib:
        raise JudgementError(same_message.format(a=a, b=b, id=ia))
    return ia, ib


def merge(conn: sqlite3.Connection, a: str, b: str, note: str | None = None) -> str:
    with transaction(conn):
        ia, ib = _two(conn, a, b, "{a} and {b} are already one identity ({id})")
        blocking = blocked(conn, ia, ib)
        if blocking is not None:
            raise JudgementError(f"{ia} and {ib} were judged different (judgement #{blocking}); undo it first")
        _record(conn, "merge", refs_of(conn, ia), refs_of(conn, ib), note)
        merge_identities(conn, ia, ib)
    return ia


def split(conn: sqlite3.Connection, ident: str, mention_id: int, note: str | None = None) -> str:
    """Move the entity holding mention `mention_id` out of identity `ident` into an identity of its own."""

    with transaction(conn):
        identity = find_identity(conn, ident)
        row = conn.execute("SELECT l.entity_id, l.ref FROM mentions m JOIN entity_links l ON l.entity_id = m.entity_id"
                           " WHERE m.id = ?", (mention_id,)).fetchone()
        if row is None:
            raise JudgementError(f"no mention {mention_id} linked to any identity")
        members = refs_of(conn, identity["id"])
        if row["ref"] not in members:
            raise JudgementError(f"mention {mention_id} is not part of identity {identity['id']}")
        rest = [r for r in members if r != row["ref"]]
        if not rest:
            raise JudgementError(f"identity {identity['id']} has nothing left to split from")
        _record(conn, "split", [row["ref"]], rest, note)
        new_id = new_identity_id(conn, row["ref"])
        conn.execute("INSERT INTO identities(id, kind, type, name) SELECT ?, kind, type, name FROM identities"
                     " WHERE id = ?", (new_id, identity["id"]))
        conn.execute("UPDATE entity_links SET identity_id = ?, method = 'judgement' WHERE ref = ? AND identity_id = ?",
                     (new_id, row["ref"], identity["id"]))
        refresh_identity(conn, new_id)
        refresh_identity(conn, identity["id"])
    return new_id


def not_same(conn: sqlite3.Connection, a: str, b: str, note: str | None = None) -> int:
    with transaction(conn):
        ia, ib = _two(conn, a, b, "{a} and {b} are one identity: use `split` to separate a mention")
        return _record(conn, "not-same", refs_of(conn, ia), refs_of(conn, ib), note)


def load(conn: sqlite3.Connection, kinds: tuple[str, ...] = ("merge", "split", "not-same")) -> list[Judgement]:
    marks = ",".join("?" * len(kinds))
    return [Judgement(r["id"], r["kind"], json.loads(r["left_refs"]), json.loads(r["right_refs"]), r["note"],
                      r["made_at"],
                      r["value"])
            for r in conn.execute(f"SELECT * FROM judgements WHERE kind IN ({marks}) ORDER BY id", kinds)]


def _apply_merge(conn: sqlite3.Connection, j: Judgement) -> None:
    ids = _identity_of_refs(conn, j.left + j.right)
    keep = (_identity_of_refs(conn, j.left) or ids or [None])[0]
    for other in ids:
        if keep is not None and other != keep and blocked(conn, keep, other) is None:
            merge_identities(conn, keep, other)


def apply_merges_for(conn: sqlite3.Connection, document_id: str) -> None:
    """Re-apply the merge, retype and suppress judgements naming an entity of this document (it may have started
    a separate identity, or joined one again)."""
    pattern = f'%"{document_id}:%'
    rows = conn.execute("SELECT id FROM judgements WHERE kind IN ('merge', 'retype', 'suppress')"
                        " AND (left_refs LIKE ? OR right_refs LIKE ?)", (pattern, pattern)).fetchall()
    wanted = {r[0] for r in rows}
    if not wanted:
        return
    for j in load(conn, ("merge",)):
        if j.id in wanted:
            _apply_merge(conn, j)
    for j in load(conn, TYPE_JUDGEMENTS):
        if j.id in wanted:
            _apply_type_judgement(conn, j)


def replay_merges(conn: sqlite3.Connection) -> None:
    """Re-apply every merge, then every retype and suppress, in the order they were made (after a rebuild)."""
    for j in load(conn, ("merge",)):
        _apply_merge(conn, j)
    for j in load(conn, TYPE_JUDGEMENTS):
        _apply_type_judgement(conn, j)


TYPE_JUDGEMENTS = ("retype", "suppress")


def _held_by(conn: sqlite3.Connection, refs: list[str]) -> list[str]:
    """The identities that these refs make up at least half of: the ones a retype or suppress still means."""
    held = []
    for identity_id in _identity_of_refs(conn, refs):
        mine = set(refs_of(conn, identity_id))
        if 2 * len(mine & set(refs)) >= len(mine):
            held.append(identity_id)
    return held


def _apply_type_judgement(conn: sqlite3.Connection, j: Judgement) -> None:
    for identity_id in _held_by(conn, j.left):
        if j.kind == "suppress":
            set_suppressed(conn, identity_id)
        elif j.value:
            row = conn.execute("SELECT retyped, kind FROM identities WHERE id = ?", (identity_id,)).fetchone()
            if row["retyped"] != j.value or row["kind"] != KIND_OF_TYPE[j.value]:
                set_type(conn, identity_id, j.value)
                refresh_identity(conn, identity_id)  # names compared and keyed as the new kind


def retype(conn: sqlite3.Connection, ident: str, type_: str, note: str | None = None) -> str:
    """Judge an identity to be of type `type_` (PERSON, ORG, GPE, LOC, FAC): its members' votes no longer change
    it, and it is compared with other names as that kind from now on."""
    wanted = type_.upper()
    if wanted not in KIND_OF_TYPE:
        raise JudgementError(f"unknown type {type_!r}: one of {', '.join(KIND_OF_TYPE)}")
    with transaction(conn):
        identity = find_identity(conn, ident)
        refs = refs_of(conn, identity["id"])
        if not refs:
            raise JudgementError(f"identity {identity['id']} has no entities to judge")
        _record(conn, "retype", refs, [], note, wanted)
        set_type(conn, identity["id"], wanted)
        refresh_identity(conn, identity["id"])
    return str(identity["id"])


def suppress(conn: sqlite3.Connection, ident: str, note: str | None = None) -> str:
    """Judge an identity to be junk (page furniture, a headline fragment): it is kept out of every view."""
    with transaction(conn):
        identity = find_identity(conn, ident)
        refs = refs_of(conn, identity["id"])
        if not refs:
            raise JudgementError(f"identity {identity['id']} has no entities to judge")
        _record(conn, "suppress", refs, [], note)
        set_suppressed(conn, identity["id"])
    return str(identity["id"])
