"""Writing records: each document with everything derived from it in one transaction, or not at all."""

from __future__ import annotations

import json
import sqlite3

from newsintel.extract.events import ROLES
from newsintel.facts import AttributionRecord, CountRecord, Fact
from newsintel.model import Record
from newsintel.store.db import now
from newsintel.store.gateway import pipelined, wrap, write_transaction
from newsintel.store.identity_index import refresh_identity, resolve_document
from newsintel.store.sharing import Handling, mark_document


def _stories():
    """Story grouping, imported at the first write: read-only commands never pay for MinHash and its kin."""
    from newsintel.store import story_index

    return story_index


def has_input(conn: sqlite3.Connection, raw_hash: str) -> bool:
    return conn.execute("SELECT 1 FROM inputs WHERE raw_hash = ?", (raw_hash,)).fetchone() is not None


def save_record(conn: sqlite3.Connection, record: Record, raw_hash: str | None = None,
                handling: Handling | None = None) -> str:
    """Store `record`; returns "ingested", or "unchanged" when a document with the same text is stored.
    `handling`: the TLP and source to mark it with (store/sharing.py; default: its source's, else clear)."""
    doc = record.document
    stamp = now()
    with write_transaction(conn), pipelined(conn):
        exists = conn.execute("SELECT 1 FROM documents WHERE id = ?", (doc.id,)).fetchone()
        if not exists:
            _insert(conn, record, stamp)
            resolve_document(conn, doc.id)
            _stories().assign_story(conn, record)
        mark_document(conn, doc, handling)
        if raw_hash:
            conn.execute(
                "INSERT OR IGNORE INTO inputs(raw_hash, document_id, origin, seen_at) VALUES (?, ?, ?, ?)",
                (raw_hash, doc.id, doc.origin or "", stamp),
            )
    return "unchanged" if exists else "ingested"


def _insert(conn: sqlite3.Connection, record: Record, stamp: str) -> None:
    doc = record.document
    conn.execute(
        "INSERT INTO documents(id, title, source, url, published, author, origin, format, text, ingested_at,"
        " language) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        (doc.id, doc.title, doc.source, doc.url, doc.published, doc.author, doc.origin or "",
         doc.format or "", doc.text, stamp, doc.language),
    )
    _insert_derived(conn, record)


def _insert_derived(conn: sqlite3.Connection, record: Record) -> None:
    """Sentences, entities, mentions and facts of a stored document."""
    doc = record.document
    wrap(conn).insert_rows(
        'INSERT INTO sentences(document_id, idx, start, "end") VALUES (?, ?, ?, ?)',
        [(doc.id, s.index, s.start, s.end) for s in record.sentences],
    )
    wrap(conn).insert_rows(
        "INSERT INTO entities(id, document_id, name, type, aliases, attributes, geonameid, lat, lon, country,"
        " geo_kind) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        [(e.id, doc.id, e.name, e.type, json.dumps(e.aliases, ensure_ascii=False),
          json.dumps(e.attributes, ensure_ascii=False), *_geo_columns(e.geo)) for e in record.entities],
    )
    wrap(conn).insert_rows(
        'INSERT INTO mentions(entity_id, document_id, sentence, start, "end", text, label)'
        " VALUES (?, ?, ?, ?, ?, ?, ?)",
        [(e.id, doc.id, m.sentence, m.start, m.end, m.text, m.label) for e in record.entities for m in e.mentions],
    )
    _insert_facts(conn, record)


def _geo_columns(geo: dict | None) -> tuple:
    if not geo:
        return None, None, None, None, None
    return geo["geonameid"], geo["lat"], geo["lon"], geo["country"], geo["kind"]


def _dump(fact: Fact) -> str:
    return json.dumps(fact, ensure_ascii=False)


def _count_columns(count: CountRecord | None) -> tuple:
    count = count or {}
    return count.get("value"), count.get("min"), count.get("max"), count.get("vague")


def _speaker(att: AttributionRecord | None) -> tuple[str | None, str | None, str | None]:
    if not att:
        return None, None, None
    return att["speaker"]["text"], att["speaker"]["entity"], att["cue"]


def _insert_facts(conn: sqlite3.Connection, record: Record) -> None:
    doc_id = record.document.id
    conn.execute("DELETE FROM actors WHERE document_id = ?", (doc_id,))  # re-extraction replaces them (mentions too)
    wrap(conn).insert_rows(
        "INSERT INTO actors(id, document_id, text, role, nationality, group_text, group_entity, count_value,"
        " count_min, count_max, count_vague, part_of, data) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        [(actor["id"], doc_id, actor["text"], actor["role"], actor["nationality"], (actor["group"] or {}).get("text"),
          (actor["group"] or {}).get("entity"), *_count_columns(actor["count"]), actor["part_of"], _dump(actor))
         for actor in record.actors],
    )
    wrap(conn).insert_rows(
        'INSERT INTO actor_mentions(actor_id, document_id, sentence, start, "end", text) VALUES (?, ?, ?, ?, ?, ?)',
        [(actor["id"], doc_id, m["sentence"], m["start"], m["end"], m["text"]) for actor in record.actors
         for m in actor["mentions"]],
    )
    for event in record.events:
        time = event["time"] or {}
        event_id = wrap(conn).insert(
            'INSERT INTO events(document_id, type, plover, trigger, modality, sentence, start, "end", time_text,'
            " time_value, speaker, speaker_entity, cue, data) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (doc_id, event["type"], event["plover"], event["trigger"], event["modality"], event["sentence"],
             event["start"], event["end"], time.get("text"), time.get("value"), *_speaker(event["attribution"]),
             _dump(event)),
        )
        wrap(conn).insert_rows(
            "INSERT INTO event_args(event_id, role, text, entity_id, actor_id) VALUES (?, ?, ?, ?, ?)",
            [(event_id, role, arg["text"], arg["entity"], arg.get("actor")) for role in ROLES
             for arg in event[role]],
        )
    wrap(conn).insert_rows(
        'INSERT INTO claims(document_id, sentence, start, "end", speaker, speaker_entity, cue, medium, modality,'
        " content, data) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        [(doc_id, c["sentence"], c["start"], c["end"], c["speaker"]["text"], c["speaker"]["entity"], c["cue"],
          c["medium"], c["modality"], c["content"], _dump(c)) for c in record.claims],
    )
    wrap(conn).insert_rows(
        'INSERT INTO quantities(document_id, sentence, start, "end", text, value, low, high, approximate, counted,'
        " counted_entity, speaker, data) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        [(doc_id, q["sentence"], q["start"], q["end"], q["text"], q["value"], q["low"], q["high"],
          int(q["approximate"]), (q["counted"] or {}).get("text"), (q["counted"] or {}).get("entity"),
          _speaker(q["attribution"])[0], _dump(q)) for q in record.quantities],
    )
    wrap(conn).insert_rows(
        "INSERT INTO relations(document_id, type, subject, subject_entity, object, object_entity, role, sentence,"
        ' start, "end", data) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)',
        [(doc_id, r["type"], r["subject"]["text"], r["subject"]["entity"], r["object"]["text"],
          r["object"]["entity"], r["role"], r["sentence"], r["start"], r["end"], _dump(r)) for r in record.relations],
    )


DERIVED_TABLES = ("event_args", "events", "claims", "quantities", "relations", "mentions", "entities", "sentences")


def replace_derived(conn: sqlite3.Connection, record: Record) -> None:
    """Re-extraction: swap everything derived from a stored document for `record`, in one transaction."""
    with write_transaction(conn), pipelined(conn):
        swap_derived(conn, record)


def swap_derived(conn: sqlite3.Connection, record: Record) -> None:
    """The body of `replace_derived` inside the caller's transaction (partner re-import swaps several documents in
    one): derived rows deleted and rewritten, identities re-resolved and refreshed, the story reassigned."""
    doc = record.document
    before = [r[0] for r in conn.execute("SELECT DISTINCT identity_id FROM entity_links WHERE document_id = ?",
                                         (doc.id,))]
    conn.execute("DELETE FROM event_args WHERE event_id IN (SELECT id FROM events WHERE document_id = ?)", (doc.id,))
    for table in DERIVED_TABLES[1:]:
        conn.execute(f"DELETE FROM {table} WHERE document_id = ?", (doc.id,))  # table names: a fixed tuple
    conn.execute("UPDATE documents SET language = ? WHERE id = ?", (doc.language, doc.id))
    _insert_derived(conn, record)
    resolve_document(conn, doc.id)
    for identity_id in before:
        refresh_identity(conn, identity_id)
    _stories().reassign_story(conn, record)
