"""Storing a partner's bundle (`newsintel import`, issue 14 item 3): all of it in one transaction, or nothing.

The documents ingest/partner_records.py made from the bundle are stored like ingested ones (store/writer.py's own
inserts, then resolution, so a name and type already in the store link to the same identity, and story
assignment), under the partner as their source (`document_handling`) at the TLP their objects were marked with.
`partner_objects` (migration 0014) keeps every object imported, by STIX id: importing the same bundle again replaces
what its documents hold instead of adding them twice, and a later bundle may refer to a person, group or place an
earlier one sent. A document's TLP never becomes less strict by a re-import (as store/sharing.mark_document).
Places keep the partner's point; the GeoNames id the partner gave, when the gazetteer has it there, else the gazetteer
entry of the same name at that point (or, with no point, the only one of that name in that country) gives them the
GeoNames id resolution links places by.
"""

from __future__ import annotations

import hashlib
import json
import math
from collections import Counter
from collections.abc import Iterable
from typing import Any

from newsintel.ingest.partner_bundle import one_line
from newsintel.ingest.partner_records import OUR_EXTENSION, PartnerDocument
from newsintel.model import Entity
from newsintel.nlp.gazetteer import load_gazetteer
from newsintel.resolve.place_names import place_of
from newsintel.store.db import now
from newsintel.store.gateway import wrap, write_transaction
from newsintel.store.identity_index import resolve_document
from newsintel.store.partner_identities import Pins, entity_stix_ids
from newsintel.store.sharing import strictest
from newsintel.store.writer import _insert, _stories, swap_derived

NEAR_KM = 25.0  # a gazetteer entry this close to the partner's point, with the same name, is that place


def known_objects(conn: Any, stix_ids: Iterable[str]) -> dict[str, dict[str, Any]]:
    """Objects imported before (people, groups, places), by STIX id, as they were received."""
    ids = sorted(set(stix_ids))
    out: dict[str, dict[str, Any]] = {}
    db = wrap(conn)
    for start in range(0, len(ids), 500):
        chunk = ids[start:start + 500]
        for r in db.execute(f"SELECT stix_id, data FROM partner_objects WHERE stix_id IN ({','.join('?' * len(chunk))})"
                            " AND document_id IS NULL", chunk):
            out[r["stix_id"]] = json.loads(r["data"])
    return out


def import_documents(conn: Any, docs: list[PartnerDocument], partner: str,
                     nodes: dict[str, dict[str, Any]], changed: list[str] | None = None,
                     objects: dict[str, dict[str, Any]] | None = None, known: dict[str, dict[str, Any]] | None = None,
                     own: dict[str, str] | None = None) -> Counter:
    """Store `docs` under `partner` and remember `nodes` (the people, groups and places they name), in one write
    transaction; returns how many documents were new, updated, and unchanged (the same document as stored: left as
    it is, so re-importing a bundle rewrites only what changed). `changed` receives the ids of the new and updated
    documents, in bundle order (their watchlist alerts are made once the transaction is committed). `objects`: the
    bundle's objects by id, `known`: people, groups and places imported before, `own`: our own export's STIX ids ->
    identities; with them each person and group is linked by its STIX id first (store/partner_identities.py)."""
    counts: Counter = Counter()
    stored: list[str] = []
    for doc in docs:
        for entity in doc.record.entities:
            _place_in_gazetteer(entity)
        if objects is not None:
            _as_exported(doc, objects)
    stamp = now()
    named = {**(known or {}), **nodes}
    with write_transaction(conn):
        pins = Pins(conn, own)
        for stix_id, obj in nodes.items():  # first: the documents' people and groups are pinned to these rows
            _remember(conn, stix_id, partner, None, obj, stamp)
        for doc in docs:
            digest = hashlib.sha256(json.dumps(doc.record.to_json(), sort_keys=True).encode()).hexdigest()
            head = doc.object_ids[0]  # the report, or the one fact no report covers
            outcome = "unchanged" if _stored_digest(conn, head) == digest else _store(conn, doc, stamp)
            if outcome != "unchanged" and objects is not None:
                pins.pin(doc.record.document.id, entity_stix_ids(doc, objects, named))
            counts[outcome] += 1
            if outcome != "unchanged":
                stored.append(doc.record.document.id)
            _handling(conn, doc, partner)
            for stix_id in doc.object_ids:
                _remember(conn, stix_id, partner, doc.record.document.id,
                          {"digest": digest} if stix_id == head else None, stamp)
    counts["pinned"], counts["kept_apart"] = pins.pinned, pins.apart
    if changed is not None:  # committed: only now
        changed.extend(stored)
    return counts


def _as_exported(doc: PartnerDocument, objects: dict[str, dict[str, Any]]) -> None:
    """What our own export's extension says beyond what the document was read as (so our bundle imported into
    another store shows what ours does): an event its report left undated stays undated, rather than dated by the
    report's day; a report that named no publisher or date has none (STIX wants an author and a `published`: the
    handling source and the ingest time stood in for them)."""
    def ours(obj: dict[str, Any] | None) -> dict[str, Any]:
        ext = ((obj or {}).get("extensions") or {}).get(OUR_EXTENSION)
        return ext if isinstance(ext, dict) else {}

    head = objects.get(doc.object_ids[0]) if doc.object_ids else None
    if head and head.get("type") == "report":
        if ours(head).get("unnamed_publisher") is True:
            doc.record.document.source = None
        if ours(head).get("undated_report") is True:
            doc.record.document.published = None
    for event in doc.record.events:
        when = ours(objects.get((event.get("reported_by") or {}).get("stix_id") or "")).get("when")
        if isinstance(when, dict) and when.get("dated_by") == "undated":
            event["time"] = {"text": one_line(when.get("text")) or None, "value": None, "precision": None,
                             "undated": True}


def _store(conn: Any, doc: PartnerDocument, stamp: str) -> str:
    record = doc.record
    info = record.document
    if conn.execute("SELECT 1 FROM documents WHERE id = ?", (info.id,)).fetchone() is None:
        _insert(conn, record, stamp)
        resolve_document(conn, info.id)
        _stories().assign_story(conn, record)
        return "new"
    conn.execute("DELETE FROM partner_objects WHERE document_id = ?", (info.id,))  # what it holds now: re-added
    conn.execute("UPDATE documents SET title = ?, source = ?, url = ?, published = ?, text = ? WHERE id = ?",
                 (info.title, info.source, info.url, info.published, info.text, info.id))
    swap_derived(conn, record)
    return "updated"


def _stored_digest(conn: Any, stix_id: str) -> str | None:
    row = conn.execute("SELECT data FROM partner_objects WHERE stix_id = ? AND document_id IS NOT NULL",
                       (stix_id,)).fetchone()
    return json.loads(row["data"]).get("digest") if row else None


def _handling(conn: Any, doc: PartnerDocument, partner: str) -> None:
    doc_id = doc.record.document.id
    row = conn.execute("SELECT tlp FROM document_handling WHERE document_id = ?", (doc_id,)).fetchone()
    if row is None:
        conn.execute("INSERT INTO document_handling(document_id, source, tlp) VALUES (?, ?, ?)",
                     (doc_id, partner, doc.tlp))
    else:
        conn.execute("UPDATE document_handling SET source = ?, tlp = ? WHERE document_id = ?",
                     (partner, strictest([row["tlp"], doc.tlp]), doc_id))


def _remember(conn: Any, stix_id: str, partner: str, doc_id: str | None, obj: dict[str, Any] | None,
              stamp: str) -> None:
    data = json.dumps(obj or {}, ensure_ascii=False, sort_keys=True)
    modified = (obj or {}).get("modified") if doc_id is None else None
    if conn.execute("SELECT 1 FROM partner_objects WHERE stix_id = ?", (stix_id,)).fetchone() is None:
        conn.execute("INSERT INTO partner_objects(stix_id, type, partner, document_id, modified, data, imported_at)"
                     " VALUES (?, ?, ?, ?, ?, ?, ?)", (stix_id, stix_id.split("--")[0], partner, doc_id, modified,
                                                       data, stamp))
    else:
        conn.execute("UPDATE partner_objects SET partner = ?, document_id = ?, modified = ?, data = ?,"
                     " imported_at = ? WHERE stix_id = ?", (partner, doc_id, modified, data, stamp, stix_id))


def _place_in_gazetteer(entity: Entity) -> None:
    """Give a partner's place the GeoNames id (and kind) of the gazetteer entry it is, when that is clear: the id the
    partner gave (ingest/partner_places.py), when the gazetteer has it in the partner's country and within
    `NEAR_KM` of their point; else the entry of that name there."""
    geo = entity.geo
    if not geo:
        return
    given = place_of(str(geo["geonameid"])) if geo.get("geonameid") else None
    geo["geonameid"] = None
    if given is not None and (not geo.get("country") or given.country == geo["country"]) and (
            geo.get("lat") is None or _km(geo["lat"], geo["lon"], given.lat, given.lon) <= NEAR_KM):
        geo.update(geonameid=given.geonameid, kind=given.kind, country=geo.get("country") or given.country)
        if geo.get("lat") is None:
            geo.update(lat=round(given.lat, 5), lon=round(given.lon, 5))
        return
    candidates = [p for p in load_gazetteer().lookup(entity.name)
                  if not geo.get("country") or p.country == geo["country"]]
    if geo.get("lat") is not None:
        near = sorted((_km(geo["lat"], geo["lon"], p.lat, p.lon), p.population * -1, i, p)
                      for i, p in enumerate(candidates))
        near = [t for t in near if t[0] <= NEAR_KM]
        if near:
            place = near[0][3]
            geo.update(geonameid=place.geonameid, kind=place.kind, country=geo.get("country") or place.country)
        return
    if len(candidates) == 1:
        place = candidates[0]
        geo.update(geonameid=place.geonameid, kind=place.kind, lat=round(place.lat, 5), lon=round(place.lon, 5),
                   country=place.country)


def _km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    p1, p2 = math.radians(lat1), math.radians(lat2)
    a = math.sin((p2 - p1) / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(math.radians(lon2 - lon1) / 2) ** 2
    return 6371.0 * 2 * math.asin(math.sqrt(min(1.0, a)))
