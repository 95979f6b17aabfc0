"""Which identity an imported person or group is (issue 14 item 3): by its STIX id first, by name and type after.

Resolution links an imported document's names as it links a report's, by name and type. That alone merges two
people a bundle keeps apart (namesakes: one name and type, two STIX ids) and may give a later object of a known id
to another identity. So, once a partner's document is resolved, each of its people and groups is pinned:
1. a STIX id imported before is linked to the identity it became (partner_objects.identity_id, migration 0016), and
   an id of our own export (`own`: our STIX id -> identity, when this store's bundle comes back) to that identity;
2. else it keeps what resolution found, unless that identity already stands for another STIX id (of this bundle or
   an earlier one): then it becomes an identity of its own, as the partner keeps the two apart;
and the id is remembered for the next bundle. Places are left to resolution (their gazetteer id links them).
A full `rebuild` resolves by name again (the pins stay recorded and hold for the next import).
"""

from __future__ import annotations

from typing import Any

from newsintel.ingest.partner_bundle import NODE_TYPES
from newsintel.ingest.partner_records import PartnerDocument, node_of
from newsintel.resolve.keys import new_identity_id
from newsintel.store.identity_index import SqlIdentityIndex, refresh_identity

ENTITY_TYPES = {"person": "PERSON", "org": "ORG"}


def entity_stix_ids(
    doc: PartnerDocument, objects: dict[str, dict[str, Any]], nodes: dict[str, dict[str, Any]]
) -> dict[str, str]:
    """Entity id -> STIX id of the person or group it stands for, for the entities of one imported document: read
    from the facts (who was sighted, the ends of a relationship, a note's speaker), then, for names only mentioned
    (a note's content, a report's "Also named"), the unread objects its report or note refers to, by name and type
    in their order."""

    def kind_of(ref: Any) -> str | None:
        obj = nodes.get(ref) if isinstance(ref, str) else None
        node = node_of(obj) if obj is not None and obj.get("type") in NODE_TYPES else None
        return ENTITY_TYPES.get(node.kind) if node else None

    out: dict[str, str] = {}

    def put(arg: Any, ref: Any) -> None:
        entity = (arg or {}).get("entity") if isinstance(arg, dict) else None
        if entity and kind_of(ref) and entity not in out:
            out[entity] = ref

    record = doc.record
    for event in record.events:
        obj = objects.get((event.get("reported_by") or {}).get("stix_id") or "") or {}
        for role in ("actors", "targets"):
            for arg in event.get(role) or []:
                put(arg, obj.get("sighting_of_ref"))
    for relation in record.relations:
        obj = objects.get((relation.get("reported_by") or {}).get("stix_id") or "") or {}
        put(relation.get("subject"), obj.get("source_ref"))
        put(relation.get("object"), obj.get("target_ref"))
    referring = [objects[i] for i in doc.object_ids if i in objects]
    for claim in record.claims:
        speaker = claim.get("speaker") or {}
        obj = objects.get((claim.get("reported_by") or {}).get("stix_id") or "") or {}
        for ref in obj.get("object_refs") or []:
            if kind_of(ref) and (nodes[ref].get("name") or "").casefold() == (speaker.get("text") or "").casefold():
                put(speaker, ref)
                break
    taken = set(out.values())
    for entity in record.entities:  # in the order the document named them
        if entity.id in out or entity.type not in ENTITY_TYPES.values():
            continue
        for obj in referring:
            ref = next(
                (
                    r
                    for r in obj.get("object_refs") or []
                    if r not in taken
                    and kind_of(r) == entity.type
                    and " ".join(str(nodes[r].get("name") or "").split()) == entity.name
                ),
                None,
            )
            if ref is not None:
                out[entity.id] = ref
                taken.add(ref)
                break
    return out


class Pins:
    """STIX id -> identity of the people and groups imported into this store, read and written in the caller's
    transaction. `own`: ids of this store's own export -> their identities."""

    def __init__(self, conn: Any, own: dict[str, str] | None = None) -> None:
        self.conn = conn
        self.own = own or {}
        self.own_of = {identity: stix_id for stix_id, identity in self.own.items()}
        self.pinned = 0  # entities moved off the identity resolution gave them
        self.apart = 0  # of which to an identity of their own (a namesake kept apart)

    def _exists(self, identity: str | None) -> bool:
        return (
            identity is not None
            and self.conn.execute("SELECT 1 FROM identities WHERE id = ?", (identity,)).fetchone() is not None
        )

    def bound(self, stix_id: str) -> str | None:
        row = self.conn.execute("SELECT identity_id FROM partner_objects WHERE stix_id = ?", (stix_id,)).fetchone()
        if row is not None and self._exists(row[0]):
            return str(row[0])
        own = self.own.get(stix_id)
        return own if self._exists(own) else None

    def claimed(self, identity: str, stix_id: str) -> bool:
        """True when `identity` stands for another STIX id already."""
        if self.own_of.get(identity, stix_id) != stix_id:
            return True
        return (
            self.conn.execute(
                "SELECT 1 FROM partner_objects WHERE identity_id = ? AND stix_id <> ?", (identity, stix_id)
            ).fetchone()
            is not None
        )

    def bind(self, stix_id: str, identity: str) -> None:
        self.conn.execute("UPDATE partner_objects SET identity_id = ? WHERE stix_id = ?", (identity, stix_id))

    def pin(self, doc_id: str, refs: dict[str, str]) -> None:
        """Link the document's entities in `refs` (entity id -> STIX id) as the module docstring says."""
        links = {
            r[0]: (r[1], r[2])
            for r in self.conn.execute(
                "SELECT entity_id, identity_id, ref FROM entity_links WHERE document_id = ?", (doc_id,)
            )
        }
        touched: set[str] = set()
        for entity_id, stix_id in refs.items():
            if entity_id not in links:
                continue
            current, ref = links[entity_id]
            target = self.bound(stix_id)
            if target is None and not self.claimed(current, stix_id):
                target = current
            if target != current:
                if target is None:
                    index = SqlIdentityIndex(self.conn)
                    target = new_identity_id(index, ref)
                    index.new_identity_like(target, current)
                    self.apart += 1
                self.conn.execute(
                    "UPDATE entity_links SET identity_id = ?, method = 'stix-id' WHERE entity_id = ?",
                    (target, entity_id),
                )
                touched |= {current, target}
                self.pinned += 1
            self.bind(stix_id, target)
        for identity in sorted(touched):
            refresh_identity(self.conn, identity)
