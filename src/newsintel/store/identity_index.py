"""Entity resolution's reads and writes in SQL (`IdentityIndex` of `resolve/identity_index.py`; the judgement tables
in `store/judgement_sql.py`), and the entry points the writer, the views and the analyst commands call: resolve a
stored document, refresh an identity, look identities up by key, the analyst's judgements (each its own transaction)
and a full rebuild."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterable, Sequence
from dataclasses import replace
from typing import Any

from newsintel.resolve import judgements, keys, linker, profiles
from newsintel.resolve import rebuild as rebuilding
from newsintel.resolve.identity_index import EntityRow, IdentityRow, MemberEntity
from newsintel.resolve.names import ORG, PERSON, PLACE
from newsintel.resolve.names import blocking_keys as name_keys
from newsintel.resolve.place_names import place_ref
from newsintel.resolve.units import name_form, settings
from newsintel.store.gateway import POSTGRESQL, wrap, write_transaction
from newsintel.store.judgement_sql import SqlJudgements

_IDENTITY_COLUMNS = "id, kind, type, name, documents, profile, suppressed, retyped"
KEY_CACHE_SIZE = 20_000  # key lookups remembered by one index
KEY_BATCH = 1_000  # keys per prefetch statement


def _identity(row: sqlite3.Row | tuple) -> IdentityRow:
    return IdentityRow(row[0], row[1], row[2], row[3], row[4], row[5], bool(row[6]), row[7])


class SqlIdentityIndex(SqlJudgements):
    """`IdentityIndex` on one connection; every call runs in the caller's transaction."""

    def __init__(self, conn: sqlite3.Connection) -> None:
        self.conn = conn
        # Key lookups already made through this index (one document's resolution): resolution looks the same key
        # up again for the next name of the report and in its fuzzy pass (46 % of lookups on real articles), and
        # on PostgreSQL each lookup is a round trip. Kept exact: every write to identity_keys below drops what it
        # may change.
        self._keyed: dict[tuple[str, int], list[str]] = {}
        # Identity rows read or written through this index (None: known absent), kept exact by every write below:
        # linking a name reads its identity's profile, kind and retype right after scoring it as a candidate.
        self._rows: dict[str, IdentityRow | None] = {}
        # document id -> {entity id: identity id} of its links, read once per document and kept by link_entities.
        self._links: dict[str, dict[str, str]] = {}
        self._entities: tuple[str, list[EntityRow]] | None = None

    def _remember(self, row: IdentityRow | None, identity_id: str) -> None:
        if len(self._rows) >= KEY_CACHE_SIZE:  # a rebuild touches every identity: bounded memory
            self._rows.clear()
        self._rows[identity_id] = row

    def _cached_row(self, identity_id: str) -> IdentityRow | None:
        if identity_id not in self._rows:
            self.identities([identity_id])
            self._rows.setdefault(identity_id, None)
        return self._rows[identity_id]

    def _update_row(self, identity_id: str, **changes: Any) -> None:
        row = self._rows.get(identity_id)
        if row is not None:
            self._rows[identity_id] = replace(row, **changes)
        else:
            self._rows.pop(identity_id, None)  # not read yet (or absent): the next read asks the store

    # documents and their entities
    def published_of(self, document_id: str) -> str | None:
        row = self.conn.execute("SELECT published FROM documents WHERE id = ?", (document_id,)).fetchone()
        return row[0] if row else None

    def document_text(self, document_id: str) -> str | None:
        row = self.conn.execute("SELECT text FROM documents WHERE id = ?", (document_id,)).fetchone()
        return row[0] if row else None

    def document_ids(self) -> list[str]:
        return [r[0] for r in self.conn.execute("SELECT id FROM documents ORDER BY rowid").fetchall()]

    def document_entities(self, document_id: str) -> list[EntityRow]:
        """Entities of a document (read once per index: resolution never changes them)."""
        if self._entities is None or self._entities[0] != document_id:
            self._entities = (document_id, [
                EntityRow(r[0], r[1], r[2], json.loads(r[3]), json.loads(r[4]), r[5], r[6], r[7])
                for r in self.conn.execute("SELECT id, name, type, aliases, attributes, geonameid, lat, lon"
                                           " FROM entities WHERE document_id = ?", (document_id,)).fetchall()])
        return list(self._entities[1])

    def alias_pairs(self, document_id: str, max_span: int) -> list[tuple[str, str]]:
        return [(r[0], r[1]) for r in self.conn.execute(
            'SELECT subject_entity, object_entity, "end" - start, data FROM relations WHERE document_id = ?'
            " AND type = 'ALIAS' AND subject_entity IS NOT NULL AND object_entity IS NOT NULL", (document_id,))
            if r[2] <= max_span or json.loads(r[3]).get("checked") == 1]  # in Python: no JSON in portable SQL

    def mention_texts(self, document_id: str) -> list[tuple[str, str]]:
        return [(r[0], r[1]) for r in self.conn.execute(
            "SELECT entity_id, text FROM mentions WHERE document_id = ?", (document_id,))]

    def mention_spans(self, document_id: str) -> list[tuple[str, int, int]]:
        return [(r[0], r[1], r[2]) for r in self.conn.execute(
            'SELECT entity_id, start, "end" FROM mentions WHERE document_id = ?', (document_id,))]

    def org_mention_spans(self, document_id: str) -> list[tuple[int, int, str]]:
        return [(r[0], r[1], r[2]) for r in self.conn.execute(
            'SELECT m.start, m."end", m.entity_id FROM mentions m JOIN entities e ON e.id = m.entity_id'
            ' WHERE m.document_id = ? AND e.type = \'ORG\' ORDER BY m."end"', (document_id,)).fetchall()]

    # identities and their blocking keys
    def key_identities(self, key: str, limit: int) -> list[str]:
        found = self._keyed.get((key, limit))
        if found is None:
            if len(self._keyed) >= KEY_CACHE_SIZE:  # a rebuild reads every key once: bounded memory
                self._keyed.clear()
            found = self._keyed[(key, limit)] = [r[0] for r in self.conn.execute(
                "SELECT identity_id FROM identity_keys WHERE key = ? ORDER BY rank DESC, identity_id LIMIT ?",
                (key, limit))]
        return list(found)

    def prefetch_keys(self, wanted: Iterable[str], limit: int) -> None:
        """Look up many keys at once, as `key_identities` would one by one (same rows, same order), so that
        resolution's lookups find them here: on PostgreSQL a round trip per key was a third of a document's
        write time. Ties in rank go by identity id on both backends (SQLite's (key, rank DESC) index of this
        WITHOUT ROWID table ends in identity_id; PostgreSQL's gets it from migration 0015)."""
        todo = sorted({k for k in wanted if (k, limit) not in self._keyed})
        if not todo or wrap(self.conn).dialect != POSTGRESQL:  # in-process SQLite: a lookup costs microseconds
            return
        if len(self._keyed) + len(todo) >= KEY_CACHE_SIZE:
            self._keyed.clear()
        found: dict[str, list[tuple[int, str]]] = {k: [] for k in todo}
        columns = ", ".join("d." + c for c in _IDENTITY_COLUMNS.split(", "))
        for start in range(0, len(todo), KEY_BATCH):
            for row in wrap(self.conn).execute(
                    f"SELECT w.key, k.rank, {columns} FROM unnest(CAST(? AS TEXT[])) AS w(key) CROSS JOIN LATERAL"
                    " (SELECT identity_id, rank FROM identity_keys i WHERE i.key = w.key"
                    " ORDER BY rank DESC, identity_id LIMIT ?) AS k JOIN identities d ON d.id = k.identity_id",
                    (todo[start:start + KEY_BATCH], limit)):
                found[row[0]].append((-row[1], row[2]))
                if row[2] not in self._rows:  # the candidates' rows, which resolution reads next
                    self._remember(_identity(row[2:]), row[2])
        for key, rows in found.items():
            self._keyed[(key, limit)] = [identity_id for _, identity_id in sorted(rows)]

    def _forget_keys(self, keys: Iterable[str]) -> None:
        """New rows under these keys: their lookups read again."""
        gone = set(keys)
        for cached in [c for c in self._keyed if c[0] in gone]:
            del self._keyed[cached]

    def _forget_identity(self, identity_id: str, may_enter: bool) -> None:
        """The identity's key rows changed rank (`may_enter`) or went: lookups holding it read again, and after a
        rank change so do those cut off at their limit, which it may now enter. A lookup that returned fewer than
        its limit without it shows the identity has no row under that key."""
        for cached in [c for c, ids in self._keyed.items()
                       if identity_id in ids or (may_enter and len(ids) >= c[1])]:
            del self._keyed[cached]

    def identity_rows(self, ids: Sequence[str]) -> list[sqlite3.Row]:
        """Whole rows (for the views), in the order of `ids`, missing ones left out."""
        if not ids:
            return []
        rows = {r["id"]: r for r in self.conn.execute(
            f"SELECT * FROM identities WHERE id IN ({','.join('?' * len(ids))})", tuple(ids))}
        return [rows[i] for i in ids if i in rows]

    def identities(self, ids: Sequence[str]) -> list[IdentityRow]:
        missing = sorted({i for i in ids if i not in self._rows})
        if missing:
            for r in self.conn.execute(
                    f"SELECT {_IDENTITY_COLUMNS} FROM identities WHERE id IN ({','.join('?' * len(missing))})",
                    tuple(missing)):
                self._remember(_identity(r), r[0])
        return [row for row in (self._rows.get(i) for i in ids) if row is not None]

    def identity(self, identity_id: str) -> IdentityRow | None:
        return self._cached_row(identity_id)

    def identities_by_id_or_prefix(self, ident: str) -> list[IdentityRow]:
        prefix = ident.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"  # wildcards literal
        return [_identity(r) for r in self.conn.execute(
            f"SELECT {_IDENTITY_COLUMNS} FROM identities WHERE id = ? OR id LIKE ? ESCAPE '\\' LIMIT 2",
            (ident, prefix)).fetchall()]

    def identity_exists(self, identity_id: str) -> bool:
        return self._cached_row(identity_id) is not None

    def kind_of(self, identity_id: str) -> str | None:
        row = self._cached_row(identity_id)
        return None if row is None else str(row.kind)

    def retyped_type(self, identity_id: str) -> str | None:
        row = self._cached_row(identity_id)
        return None if row is None else row.retyped

    def profile_and_documents(self, identity_id: str) -> tuple[dict[str, Any], int]:
        row = self._cached_row(identity_id)
        if row is None:
            raise KeyError(identity_id)
        return json.loads(row.profile_json), int(row.documents)

    def document_counts(self, ids: Iterable[str]) -> list[int]:
        ids = tuple(ids)
        marks = ",".join("?" * len(ids))
        return [r[0] for r in self.conn.execute(f"SELECT documents FROM identities WHERE id IN ({marks})", ids)]

    def identity_count(self) -> int:
        return int(self.conn.execute("SELECT count(*) FROM identities").fetchone()[0])

    def new_identity(self, identity_id: str, kind: str, type_: str, name: str) -> None:
        self.conn.execute("INSERT INTO identities(id, kind, type, name) VALUES (?, ?, ?, ?)",
                          (identity_id, kind, type_, name))
        # the row as the store now holds it (the columns' defaults: migrations 0003, 0009)
        self._remember(IdentityRow(identity_id, kind, type_, name, 0, "{}", False, None), identity_id)

    def save_profile(self, identity_id: str, profile: dict[str, Any], name: str, type_: str,
                     documents: int) -> None:
        profile_json = json.dumps(profile, ensure_ascii=False, sort_keys=True)
        self.conn.execute("UPDATE identities SET profile = ?, name = ?, type = ?, documents = ? WHERE id = ?",
                          (profile_json, name, type_, documents, identity_id))
        self._update_row(identity_id, profile_json=profile_json, name=name, type=type_, documents=documents)

    def set_kind(self, identity_id: str, kind: str, type_: str) -> None:
        self.conn.execute("UPDATE identities SET kind = ?, type = ? WHERE id = ?", (kind, type_, identity_id))
        self._update_row(identity_id, kind=kind, type=type_)

    def set_type(self, identity_id: str, type_: str, kind: str) -> None:
        self.conn.execute("UPDATE identities SET retyped = ?, type = ?, kind = ? WHERE id = ?",
                          (type_, type_, kind, identity_id))
        self._update_row(identity_id, retyped=type_, type=type_, kind=kind)

    def suppress(self, identity_id: str) -> None:
        self.conn.execute("UPDATE identities SET suppressed = 1 WHERE id = ?", (identity_id,))
        self._update_row(identity_id, suppressed=True)

    def new_identity_like(self, identity_id: str, template_id: str) -> None:
        self._rows.pop(identity_id, None)
        super().new_identity_like(identity_id, template_id)

    def delete_identity(self, identity_id: str) -> None:
        self._forget_identity(identity_id, may_enter=False)
        self._rows[identity_id] = None
        self._links.clear()
        self.conn.execute("DELETE FROM identity_keys WHERE identity_id = ?", (identity_id,))
        self.conn.execute("DELETE FROM identities WHERE id = ?", (identity_id,))

    def add_keys(self, identity_id: str, keys: Iterable[str], rank: int) -> None:
        keys = list(keys)
        self._forget_keys(keys)
        wrap(self.conn).insert_rows("INSERT OR IGNORE INTO identity_keys(key, identity_id, rank) VALUES (?, ?, ?)",
                                    [(k, identity_id, rank) for k in keys])

    def set_key_rank(self, identity_id: str, rank: int) -> None:
        self._forget_identity(identity_id, may_enter=True)
        self.conn.execute("UPDATE identity_keys SET rank = ? WHERE identity_id = ?", (rank, identity_id))

    def clear_keys(self, identity_id: str) -> None:
        self._forget_identity(identity_id, may_enter=False)
        self.conn.execute("DELETE FROM identity_keys WHERE identity_id = ?", (identity_id,))

    def clear_resolution(self) -> None:
        self._keyed.clear()
        self._rows.clear()
        self._links.clear()
        for table in ("entity_links", "identity_keys", "identities"):
            self.conn.execute(f"DELETE FROM {table}")

    # links of entities to identities
    def _document_links(self, document_id: str) -> dict[str, str]:
        links = self._links.get(document_id)
        if links is None:
            if len(self._links) >= 64:  # a rebuild walks every document: keep the latest few
                self._links.clear()
            links = self._links[document_id] = {r[0]: r[1] for r in self.conn.execute(
                "SELECT entity_id, identity_id FROM entity_links WHERE document_id = ?", (document_id,))}
        return links

    def has_document(self, identity_id: str, document_id: str) -> bool:
        return identity_id in self._document_links(document_id).values()

    def link_entities(self, identity_id: str, document_id: str, entity_refs: Sequence[tuple[str, str]],
                      score: float, method: str) -> None:
        """An entity's link replaces any it had, and is the newest (highest rowid): SQLite's INSERT OR REPLACE,
        said portably (the last of repeated refs wins). A link's document is its entity's (written only here,
        never changed), so the document's links say which entities have one to delete: a new report's have none."""
        refs = dict(entity_refs)
        links = self._document_links(document_id)
        linked = [(e,) for e in refs if e in links]
        links.update(dict.fromkeys(refs, identity_id))
        self.conn.executemany("DELETE FROM entity_links WHERE entity_id = ?", linked)
        wrap(self.conn).insert_rows(
            "INSERT INTO entity_links(entity_id, identity_id, document_id, ref, score, method)"
            " VALUES (?, ?, ?, ?, ?, ?)",
            [(e, identity_id, document_id, ref, score, method) for e, ref in refs.items()])

    def merge_links(self, keep: str, gone: str, method: str) -> None:
        self._links.clear()
        super().merge_links(keep, gone, method)

    def move_ref(self, ref: str, from_identity: str, to_identity: str) -> None:
        self._links.clear()
        super().move_ref(ref, from_identity, to_identity)

    def members(self, identity_id: str) -> list[MemberEntity]:
        return [MemberEntity(r[0], r[1], json.loads(r[2]), json.loads(r[3]), r[4], r[5], r[6], r[7])
                for r in self.conn.execute(
                    "SELECT e.name, e.type, e.aliases, e.attributes, e.geonameid, e.lat, e.lon, d.published"
                    " FROM entity_links l JOIN entities e ON e.id = l.entity_id JOIN documents d"
                    " ON d.id = e.document_id WHERE l.identity_id = ?", (identity_id,)).fetchall()]

    def member_documents(self, identity_id: str) -> int:
        return int(self.conn.execute("SELECT count(DISTINCT document_id) FROM entity_links WHERE identity_id = ?",
                                     (identity_id,)).fetchone()[0])

    def co_mentioned(self, identity_id: str, documents: int) -> set[str]:
        return {r[0] for r in self.conn.execute(
            "SELECT DISTINCT b.identity_id FROM (SELECT document_id FROM entity_links WHERE identity_id = ?"
            " GROUP BY document_id ORDER BY max(rowid) DESC LIMIT ?) d"
            " JOIN entity_links b ON b.document_id = d.document_id WHERE b.identity_id != ?",
            (identity_id, documents, identity_id))}


# Entry points: the writer's (inside its transaction), the views' lookup, and the analyst's (their own transaction).

def resolve_document(conn: sqlite3.Connection, document_id: str) -> None:
    """Link every person, organisation and place entity of a stored document, inside the caller's transaction."""
    index = SqlIdentityIndex(conn)
    if wrap(conn).dialect == POSTGRESQL:  # in-process SQLite gains nothing from reading ahead
        index.prefetch_keys(likely_keys(index.document_entities(document_id)), settings()["max_candidates"])
    linker.resolve_document(index, document_id)


def likely_keys(entities: Iterable[EntityRow]) -> set[str]:
    """The blocking keys resolution may look up for these entities: every key of each name and alias read as a
    person, an organisation and a place, and each gazetteer entry. A superset guessed cheaply; a key resolution
    asks for beyond it is simply read on its own."""
    out: set[str] = set()
    for entity in entities:
        for name in (entity.name, *entity.aliases):
            for kind in (PERSON, ORG, PLACE):
                form = name_form(kind, name)
                if form is not None:
                    out |= name_keys(form)
        if entity.lat is not None and (ref := place_ref(entity.geonameid, entity.lat, entity.lon)):
            out.add("g:id:" + ref)
    return out


def refresh_identity(conn: sqlite3.Connection, identity_id: str) -> bool:
    """Recompute an identity from its members, inside the caller's transaction; False when it was empty (deleted)."""
    return profiles.refresh_identity(SqlIdentityIndex(conn), identity_id)


def identities_for_keys(conn: sqlite3.Connection, wanted: set[str], limit: int) -> list[sqlite3.Row]:
    """At most `limit` whole identity rows stored under any of `wanted` keys, in resolution's order
    (`resolve.keys.identity_ids_for_keys`)."""
    index = SqlIdentityIndex(conn)
    return index.identity_rows(keys.identity_ids_for_keys(index, wanted, limit))


def find_identity(conn: sqlite3.Connection, ident: str) -> IdentityRow:
    """An identity by id or unique id prefix (`JudgementError` when none or several)."""
    return judgements.find_identity(SqlIdentityIndex(conn), ident)


def merge(conn: sqlite3.Connection, a: str, b: str, note: str | None = None) -> str:
    with write_transaction(conn):
        return judgements.merge(SqlIdentityIndex(conn), a, b, note)


def split(conn: sqlite3.Connection, ident: str, mention_id: int, note: str | None = None) -> str:
    with write_transaction(conn):
        return judgements.split(SqlIdentityIndex(conn), ident, mention_id, note)


def not_same(conn: sqlite3.Connection, a: str, b: str, note: str | None = None) -> int:
    with write_transaction(conn):
        return judgements.not_same(SqlIdentityIndex(conn), a, b, note)


def retype(conn: sqlite3.Connection, ident: str, type_: str, note: str | None = None) -> str:
    with write_transaction(conn):
        return judgements.retype(SqlIdentityIndex(conn), ident, type_, note)


def suppress(conn: sqlite3.Connection, ident: str, note: str | None = None) -> str:
    with write_transaction(conn):
        return judgements.suppress(SqlIdentityIndex(conn), ident, note)


def rebuild(conn: sqlite3.Connection) -> int:
    """Resolve the whole store again in one transaction, keeping the judgements; returns the number of identities."""
    index = SqlIdentityIndex(conn)
    with write_transaction(conn):
        rebuilding.rebuild(index)
    return index.identity_count()
