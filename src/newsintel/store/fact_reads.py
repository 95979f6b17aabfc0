"""Reads behind the analyst views (views/common.py, profile.py, movements.py): identities by id or name, what an
identity's in-document entities take part in, where places were geocoded, and the sentence a fact comes from.

Every function takes an open store (a gateway `Database`; a bare sqlite3 connection is wrapped) and runs portable
SQL, so the same view reads SQLite and PostgreSQL alike. Each list has a full order (ties broken by an id), so both
backends return the same rows in the same order. Suppressed identities (`newsintel suppress`) are never returned.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

from newsintel.store.gateway import Database, wrap
from newsintel.store.queries import escape_like

# An identity's latest in-document entities (rowid order = ingest order; PostgreSQL has an explicit `rowid`): what
# every profile section reads (`latest_members`), so a group named in 50,000 reports costs no more than one named
# in 1,000.
LATEST_MEMBERS_MAX = 1000
LATEST_DOCUMENTS = 200  # reports read for an identity's co-mentioned identities, latest first


def _marks(values: Sequence[Any]) -> str:
    return ",".join("?" * len(values))


def identities_by_id(conn: Database, query: str) -> list[Any]:
    """At most two identities whose id is `query` or (for 5+ characters) starts with it."""
    if len(query) >= 5:
        sql = "SELECT * FROM identities WHERE (id = ? OR id LIKE ? ESCAPE '\\') AND suppressed = 0 ORDER BY id LIMIT 2"
        return wrap(conn).execute(sql, (query, escape_like(query) + "%")).fetchall()
    return wrap(conn).execute("SELECT * FROM identities WHERE id = ? AND suppressed = 0 LIMIT 2", (query,)).fetchall()


def identities_named(conn: Database, name: str, limit: int) -> list[Any]:
    """Identities whose shown name is exactly `name`, the best known first."""
    return wrap(conn).execute("SELECT * FROM identities WHERE name = ? AND suppressed = 0"
                              " ORDER BY documents DESC, id LIMIT ?", (name, limit)).fetchall()


def identity_of_entities(conn: Database, entity_ids: Iterable[str | None]) -> dict[str, tuple[str, str, str]]:
    """entity id -> (identity id, identity name, identity kind)."""
    return {r[0]: (r[1], r[2], r[3]) for r in _run(wrap(conn), _identity_of_read(entity_ids))}


BATCH = 500  # ids per IN (...) list


def document_rows(conn: Database, doc_ids: Sequence[str]) -> list[Any]:
    """id, title, published, source and text of the stored documents among `doc_ids`."""
    if not doc_ids:
        return []
    return wrap(conn).execute(f"SELECT id, title, published, source, text FROM documents WHERE id IN"
                              f" ({_marks(doc_ids)}) ORDER BY id", tuple(doc_ids)).fetchall()


def sentence_spans(conn: Database, doc_ids: Sequence[str]) -> list[tuple[str, int, int, int]]:
    """(document id, sentence index, start, end) of every sentence of the documents."""
    if not doc_ids:
        return []
    return [tuple(r) for r in wrap(conn).execute(
        f'SELECT document_id, idx, start, "end" FROM sentences WHERE document_id IN ({_marks(doc_ids)})'
        " ORDER BY document_id, idx", tuple(doc_ids))]


def latest_members(conn: Database, identity_id: str) -> list[tuple[str, str]]:
    """(entity id, document id) of the identity's latest in-document entities, latest first (at most
    LATEST_MEMBERS_MAX): read once per profile and handed to every section's read, which then looks its rows up by
    entity id. Each section used to re-read them in a subquery, and PostgreSQL planned those joins as scans of the
    whole fact table (measured on a 10k store: a seq scan of 225k mentions for one profile's "claims about")."""
    return [(r[0], r[1]) for r in wrap(conn).execute(
        "SELECT entity_id, document_id FROM entity_links WHERE identity_id = ? ORDER BY rowid DESC LIMIT ?",
        (identity_id, LATEST_MEMBERS_MAX))]


def _ids(members: Sequence[tuple[str, str]]) -> list[str]:
    return sorted({entity for entity, _ in members})


Read = tuple[str, tuple[Any, ...]] | None  # one read's SQL and parameters; None: nothing to read (no members)


def _run(db: Database, read: Read) -> list[Any]:
    return db.execute(*read).fetchall() if read else []


def profile_section_rows(conn: Database, identity_id: str, members: Sequence[tuple[str, str]],
                         event_limits: dict[str, int], limit: int, role_relations: Sequence[str],
                         typed_relations: Sequence[str]) -> dict[str, Any]:
    """Every read of a profile's sections at once (one round trip on PostgreSQL, `Database.fetch_all`), each as its
    own function here returns it: events (by role), attributes, roles (`role_relations` of which a member is the
    subject), relations (`typed_relations`, either end), co_mentioned, claims_by, claims_about."""
    db = wrap(conn)
    reads = {"events": _events_by_role_read(db, members, event_limits),
             "attributes": _attributes_read(db, members, limit),
             "roles": _relations_read(db, members, role_relations, limit, False),
             "relations": _relations_read(db, members, typed_relations, limit, True),
             "co_mentioned": _co_mentioned_read(db, identity_id, members),
             "claims_by": _claims_by_read(db, members, limit),
             "claims_about": _claims_about_read(db, members, limit)}
    asked = [name for name, read in reads.items() if read]
    rows = dict(zip(asked, db.fetch_all([reads[name] for name in asked]), strict=True))
    out = {name: rows.get(name, []) for name in reads}
    out["events"] = _by_role(out["events"], event_limits)
    return out


def identity_event_rows(conn: Database, members: Sequence[tuple[str, str]], roles: Sequence[str],
                        limit: int) -> list[Any]:
    """Events in which one of the `members` has one of `roles`, latest reports first: id, document_id, data,
    published."""
    db, ids = wrap(conn), _ids(members)
    if not ids:
        return []
    among, params = db.any_of("a.entity_id", ids)
    return db.execute(  # each event once: by id (a semi-join), not DISTINCT over its JSON
        "SELECT e.id, e.document_id, e.data, d.published FROM events e JOIN documents d ON d.id = e.document_id"
        f" WHERE e.id IN (SELECT a.event_id FROM event_args a WHERE {among} AND a.role IN ({_marks(roles)}))"
        " ORDER BY d.published DESC NULLS LAST, e.id LIMIT ?", (*params, *roles, limit)).fetchall()


def identity_event_rows_by_role(conn: Database, members: Sequence[tuple[str, str]],
                                limits: dict[str, int]) -> dict[str, list[Any]]:
    """For each role of `limits`, `identity_event_rows(conn, members, (role,), limits[role])`, in one read: one
    look-up of the members' event arguments instead of one per role (each a probe of 1,000 entity ids), the latest
    of each role kept by a window over the role."""
    db = wrap(conn)
    return _by_role(_run(db, _events_by_role_read(db, members, limits)), limits)


def _events_by_role_read(db: Database, members: Sequence[tuple[str, str]], limits: dict[str, int]) -> Read:
    ids, roles = _ids(members), sorted(limits)
    if not ids or not roles:
        return None
    among, params = db.any_of("a.entity_id", ids)
    keep = " ".join("WHEN ? THEN ?" for _ in roles)
    return (  # each (event, role) once, so an event of two roles is in both lists, as with two reads
        "SELECT role, id, document_id, data, published FROM (SELECT r.role, e.id, e.document_id, e.data,"
        " d.published, ROW_NUMBER() OVER (PARTITION BY r.role ORDER BY d.published DESC NULLS LAST, e.id) AS n"
        f" FROM (SELECT DISTINCT a.event_id, a.role FROM event_args a WHERE {among} AND a.role IN ({_marks(roles)}))"
        " r JOIN events e ON e.id = r.event_id JOIN documents d ON d.id = e.document_id) w"
        f" WHERE n <= CASE role {keep} END ORDER BY role, n",
        (*params, *roles, *(v for role in roles for v in (role, limits[role]))))


def _by_role(rows: list[Any], limits: dict[str, int]) -> dict[str, list[Any]]:
    out: dict[str, list[Any]] = {role: [] for role in sorted(limits)}
    for row in rows:
        out[row["role"]].append(row)
    return out


def attribute_rows(conn: Database, members: Sequence[tuple[str, str]], limit: int) -> list[Any]:
    """(document_id, attributes JSON) of the `members` that have attributes, latest reports first."""
    db = wrap(conn)
    return _run(db, _attributes_read(db, members, limit))


def _attributes_read(db: Database, members: Sequence[tuple[str, str]], limit: int) -> Read:
    ids = _ids(members)
    if not ids:
        return None
    among, params = db.any_of("a.id", ids)
    return (  # ranked on the index of entities with attributes; the `limit` shown read from the table
        "SELECT e.document_id, e.attributes FROM (SELECT a.id, a.rowid AS n, d.published FROM entities a"
        f" JOIN documents d ON d.id = a.document_id WHERE {among} AND a.attributes != '{{}}'"
        " ORDER BY d.published DESC NULLS LAST, a.rowid DESC LIMIT ?) t JOIN entities e ON e.id = t.id"
        " ORDER BY t.published DESC NULLS LAST, t.n DESC", (*params, limit))


def relation_rows(conn: Database, members: Sequence[tuple[str, str]], types: Sequence[str], limit: int,
                  as_object_too: bool = False) -> list[Any]:
    """Relations of `types` whose subject (or, with `as_object_too`, object) is one of the `members`, latest first:
    document_id, data, subject_entity, object_entity, mine (the member's entity)."""
    db = wrap(conn)
    return _run(db, _relations_read(db, members, types, limit, as_object_too))


def _relations_read(db: Database, members: Sequence[tuple[str, str]], types: Sequence[str], limit: int,
                    as_object_too: bool) -> Read:
    ids = _ids(members)
    if not ids:
        return None
    branches, params = [], []
    for end in ("subject_entity", "object_entity") if as_object_too else ("subject_entity",):
        among, values = db.any_of(f"b.{end}", ids)
        branches.append(f"SELECT b.id, b.{end} AS mine FROM relations b WHERE {among} AND b.type IN ({_marks(types)})")
        params += [*values, *types]
    # one branch per end, each answered by its index alone; UNION keeps a relation to itself once; only the `limit`
    # relations shown are read from the table. `id + 0`: the matched ids sorted, never a backward walk of the whole
    # table by primary key in the hope of meeting `limit` matches early (PostgreSQL's plan for one branch: 45k rows
    # read on a 10k store, none kept)
    return (
        "SELECT r.document_id, r.data, r.subject_entity, r.object_entity, t.mine FROM (SELECT id, mine FROM ("
        + " UNION ".join(branches) + ") u ORDER BY id + 0 DESC, mine LIMIT ?) t JOIN relations r ON r.id = t.id"
        " ORDER BY t.id DESC, t.mine", (*params, limit))


def co_mentioned_rows(conn: Database, identity_id: str, members: Sequence[tuple[str, str]]) -> list[Any]:
    """People and groups named in the identity's latest reports (the LATEST_DOCUMENTS latest documents of its
    `members`): id, name, type, documents, shared (reports). Counts are grouped by identity before identities are
    joined, so only the identities found are read."""
    db = wrap(conn)
    return _run(db, _co_mentioned_read(db, identity_id, members))


def _co_mentioned_read(db: Database, identity_id: str, members: Sequence[tuple[str, str]]) -> Read:
    documents = list(dict.fromkeys(document for _, document in members))[:LATEST_DOCUMENTS]
    if not documents:
        return None
    among, params = db.any_of("b.document_id", documents)
    # (identity, document) pairs made distinct first: PostgreSQL then hashes them and looks each identity up by
    # key; count(DISTINCT) made it sort, then merge with every identity (10k store, largest group: 54 -> 20 ms)
    return (
        "SELECT i.id, i.name, i.type, i.documents, s.shared FROM"
        " (SELECT p.identity_id, count(*) AS shared FROM"
        "  (SELECT DISTINCT b.identity_id, b.document_id FROM entity_links b"
        f"   WHERE {among} AND b.identity_id != ?) p GROUP BY p.identity_id) s"
        " JOIN identities i ON i.id = s.identity_id WHERE i.kind != 'place' AND i.suppressed = 0"
        " ORDER BY i.id", (*params, identity_id))


def claim_rows_by(conn: Database, members: Sequence[tuple[str, str]], limit: int) -> list[Any]:
    """Claims whose speaker is one of the `members`, latest reports first: document_id, data."""
    db = wrap(conn)
    return _run(db, _claims_by_read(db, members, limit))


def _claims_by_read(db: Database, members: Sequence[tuple[str, str]], limit: int) -> Read:
    ids = _ids(members)
    if not ids:
        return None
    among, params = db.any_of("k.speaker_entity", ids)
    return (  # ranked on the speaker index; only the `limit` claims shown are read from the table
        "SELECT c.document_id, c.data FROM (SELECT k.id, d.published FROM claims k JOIN documents d"
        f" ON d.id = k.document_id WHERE {among} ORDER BY d.published DESC NULLS LAST, k.id LIMIT ?) t"
        " JOIN claims c ON c.id = t.id ORDER BY t.published DESC NULLS LAST, t.id", (*params, limit))


def claim_rows_about(conn: Database, members: Sequence[tuple[str, str]], limit: int) -> list[Any]:
    """Claims by others whose content names one of the `members`, latest reports first."""
    db = wrap(conn)
    return _run(db, _claims_about_read(db, members, limit))


def _claims_about_read(db: Database, members: Sequence[tuple[str, str]], limit: int) -> Read:
    ids = _ids(members)
    if not ids:
        return None
    among, params = db.any_of("m.entity_id", ids)
    # each claim once (DISTINCT over its id and report, not over its JSON), found and ranked on the mention and
    # claim indexes alone; only the `limit` claims shown are read from the table
    return (
        "SELECT c.id, c.document_id, c.data, t.published FROM (SELECT h.id, d.published FROM"
        " (SELECT DISTINCT k.id, k.document_id FROM mentions m"
        ' JOIN claims k ON k.document_id = m.document_id AND m.start >= k.start AND m."end" <= k."end"'
        f" AND (k.speaker_entity IS NULL OR k.speaker_entity != m.entity_id) WHERE {among}) h"
        " JOIN documents d ON d.id = h.document_id ORDER BY d.published DESC NULLS LAST, h.id LIMIT ?) t"
        " JOIN claims c ON c.id = t.id ORDER BY t.published DESC NULLS LAST, t.id", (*params, limit))


def names_and_places(conn: Database, entity_ids: Iterable[str | None],
                     place_ids: Iterable[str | None]) -> tuple[dict[str, tuple[str, str, str]], list[Any]]:
    """`identity_of_entities(entity_ids)` and `place_rows(place_ids)` in one round trip (`Database.fetch_all`)."""
    db = wrap(conn)
    reads = [_identity_of_read(entity_ids), _places_read(place_ids)]
    rows = iter(db.fetch_all([r for r in reads if r]))
    names, places = (next(rows) if read else [] for read in reads)
    return {r[0]: (r[1], r[2], r[3]) for r in names}, places


def _identity_of_read(entity_ids: Iterable[str | None]) -> Read:
    ids = sorted({e for e in entity_ids if e})
    if not ids:
        return None
    return ("SELECT l.entity_id, i.id, i.name, i.kind FROM entity_links l JOIN identities i ON i.id = l.identity_id"
            f" WHERE l.entity_id IN ({_marks(ids)}) AND i.suppressed = 0", tuple(ids))


def _places_read(entity_ids: Iterable[str | None]) -> Read:
    ids = sorted({e for e in entity_ids if e})
    if not ids:
        return None
    return (f"SELECT id, lat, lon, geonameid, country FROM entities WHERE id IN ({_marks(ids)})"
            " AND lat IS NOT NULL ORDER BY id", tuple(ids))


def place_rows(conn: Database, entity_ids: Iterable[str | None]) -> list[Any]:
    """id, lat, lon, geonameid, country of the entities the geocoder placed."""
    return _run(wrap(conn), _places_read(entity_ids))


def events_of_types(conn: Database, types: Sequence[str]) -> list[Any]:
    """document_id, data of every event of `types`, by type, modality and store order."""
    return wrap(conn).execute(f"SELECT document_id, data FROM events WHERE type IN ({_marks(types)})"
                              " ORDER BY type, modality, id", tuple(types)).fetchall()


def events_of_types_page(conn: Database, types: Sequence[str], after_id: int, limit: int) -> list[Any]:
    """`events_of_types` a page at a time, for walks over the whole store in bounded memory: id, document_id,
    type, modality, data of at most `limit` events of `types` with an id above `after_id`, by id."""
    return wrap(conn).execute(f"SELECT id, document_id, type, modality, data FROM events WHERE type IN"
                              f" ({_marks(types)}) AND id > ? ORDER BY id LIMIT ?",
                              (*types, after_id, limit)).fetchall()
