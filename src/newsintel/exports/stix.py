"""`newsintel export stix`: a STIX 2.1 bundle for partners, marked with OASIS TLP 2.0 and graded (issue 14).

What goes in, from the documents at or under the TLP ceiling only (store/stix_reads.py reads nothing else):
- people and groups as `identity` (a group that is the actor of a stated attack as `threat-actor`), named by the
  spelling those documents use most; places as `location` with coordinates and country;
- membership and association relations as `relationship` (member-of, associated-with, related-to);
- located and moving events (a place resolved, not denied or conditional) as one `sighting` per participant, where
  and when, with modality, role, places and grades in a property extension that an `extension-definition` defines;
- claims as `note`s with their speaker; each document as a `report` (title, publisher, date, URL, what came from
  it) created by an `identity` of its publisher; stories as `grouping`s of their reports.
Every object carries the TLP 2.0 marking of the strictest document behind it; Admiralty credibility maps onto
`confidence` (data/credibility.yaml). Facts under the views' default confidence are left out (precision first).
Ids are UUIDv5 over stable keys (store identity ids, document ids, offsets), so the same store gives the same ids
and a partner can re-import an update; `created`/`modified` are the first and last ingest time behind an object.
"""

from __future__ import annotations

import json
import uuid
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

from newsintel import datevalues
from newsintel.resources import load_yaml
from newsintel.store import stix_reads as reads
from newsintel.store.sharing import credibility, independent_confirmations, stix_confidence, strictest

NAMESPACE = uuid.UUID("6f1c3b52-1d2e-5a8e-9b0a-6e657773696e")  # newsintel's own: ids are uuid5(NAMESPACE, key)
TLP2_EXTENSION = "extension-definition--60a3c5c5-0d10-413e-aab3-9e08dde9e88d"  # OASIS TLP 2.0 (cti-stix-common-objects)
TLP2_MARKINGS = {
    "clear": "marking-definition--94868c89-83c2-464b-929b-a1a8aa3c8487",
    "green": "marking-definition--bab4a63c-aed9-4cf5-a766-dfca5abac2bb",
    "amber": "marking-definition--55d920b0-5e8b-4f79-9ee9-91f868d9b421",
    "amber+strict": "marking-definition--939a9414-2ddd-4d32-a0cd-375ea402b003",
    "red": "marking-definition--e828b379-4e03-4974-9ac4-e53a884c97c1",
}
EPOCH = "2024-01-01T00:00:00.000Z"  # created/modified of the fixed objects (producer, extension definition)
SIGHTED_MODALITIES = ("asserted", "attempted", "hedged", "intended", "future")  # never denied or conditional
PLACE_ROLES = ("location", "origin", "destination", "via")
RELATIONSHIPS = {"MEMBER": "member-of", "POSITION": "member-of", "ASSOCIATE": "associated-with",
                 "FAMILY": "related-to", "SPOUSE": "related-to"}
THREAT_EVENTS = ("ATTACK",)  # a group that is the stated actor of one of these is a threat-actor


def stix_id(kind: str, key: str) -> str:
    return f"{kind}--{uuid.uuid5(NAMESPACE, f'{kind}:{key}')}"


PRODUCER = stix_id("identity", "producer:newsintel")
EXTENSION = stix_id("extension-definition", "newsintel-fact-grading-1")


def timestamp(value: str | None) -> str | None:
    """A stored ISO date or date-time as a STIX timestamp (UTC, milliseconds), or None."""
    if not value:
        return None
    try:
        moment = datetime.fromisoformat(value)
    except ValueError:
        return None
    if moment.tzinfo is not None:
        moment = moment.astimezone(UTC)
    return moment.strftime("%Y-%m-%dT%H:%M:%S.") + f"{moment.microsecond // 1000:03d}Z"


def tlp_marking(level: str) -> dict[str, Any]:
    """The OASIS TLP 2.0 marking definition of `level` (stix2 3.0.2 ships only TLP 1.0)."""
    return {"type": "marking-definition", "spec_version": "2.1", "id": TLP2_MARKINGS[level],
            "created": "2022-10-01T00:00:00.000Z", "name": f"TLP:{level.upper()}",
            "extensions": {TLP2_EXTENSION: {"extension_type": "property-extension", "tlp_2_0": level}}}


def without_nulls(value: Any) -> Any:
    """STIX forbids null properties (the 2.1 schemas reject them), so an unknown value is left out, at any depth."""
    if isinstance(value, dict):
        return {k: without_nulls(v) for k, v in value.items() if v is not None}
    if isinstance(value, list):
        return [without_nulls(v) for v in value if v is not None]
    return value


@dataclass
class Selection:
    tlp_max: str = "clear"
    identity: str | None = None  # only documents naming this identity (cli resolves --name)
    story: int | None = None
    since: str | None = None


@dataclass
class _Node:
    """A person, group or place of the bundle, gathered from the entities of the exported documents."""

    kind: str
    names: Counter = field(default_factory=Counter)
    documents: set[str] = field(default_factory=set)
    point: tuple[float, float] | None = None
    country: str | None = None


class StixExporter:
    """One bundle from the store; read `bundle()` or `bundle_json()` once the `contradicted` figures are set."""

    def __init__(self, conn: Any, selection: Selection) -> None:
        self.conn = conn
        self.selection = selection
        self.contradicted: set[tuple[str, int]] = set()
        self.counts: Counter = Counter()
        self._docs: list[dict[str, Any]] | None = None
        self.min_confidence = float(load_yaml("confidence.yaml")["views"]["min_confidence"])  # the views' default

    def documents(self) -> list[str]:
        return [d["id"] for d in self._documents()]

    def _documents(self) -> list[dict[str, Any]]:
        if self._docs is None:
            s = self.selection
            self._docs = reads.export_documents(self.conn, s.tlp_max, s.identity, s.story, s.since)
        return self._docs

    # --- building -------------------------------------------------------------------------------------------

    def bundle(self) -> dict[str, Any]:
        docs = {d["id"]: d for d in self._documents()}
        self.may_use = set(docs)
        self.docs = docs
        self.objects: dict[str, dict[str, Any]] = {}
        self.report_refs: dict[str, set[str]] = defaultdict(set)
        nodes, entity_node = self._nodes()
        events = [(d, f) for d, f in reads.facts_of(self.conn, "events", list(docs)) if self._confident(f)]
        threat = {entity_node[a["entity"]] for d, f in events if f["type"] in THREAT_EVENTS
                  and f.get("modality") == "asserted" for a in f.get("actors", []) if a.get("entity") in entity_node}
        self.refs = self._add_nodes(nodes, threat)
        self.entity_ref = {e: self.refs[i] for e, i in entity_node.items() if i in self.refs}
        for doc_id, fact in events:
            self._sightings(doc_id, fact)
        for doc_id, fact in reads.facts_of(self.conn, "claims", list(docs)):
            if self._confident(fact):
                self._note(doc_id, fact)
        self._relationships(reads.facts_of(self.conn, "relations", list(docs)))
        for doc in docs.values():
            self._report(doc)
        self._groupings(reads.stories_of(self.conn, list(docs)))
        self._fixed()
        objects = sorted(self.objects.values(), key=lambda o: (o["type"] != "marking-definition", o["type"], o["id"]))
        self.counts = Counter(o["type"] for o in objects)
        return {"type": "bundle", "id": stix_id("bundle", "|".join(sorted(self.objects))), "objects": objects}

    def bundle_json(self) -> str:
        return json.dumps(self.bundle(), ensure_ascii=False, indent=1, sort_keys=True) + "\n"

    def _confident(self, fact: dict[str, Any]) -> bool:
        return fact.get("confidence") is None or fact["confidence"] >= self.min_confidence

    def _put(self, obj: dict[str, Any], doc_ids: set[str] | list[str]) -> str:
        """Add an object marked with the strictest TLP of `doc_ids`, created/modified at their ingest times."""
        times = sorted(timestamp(self.docs[d]["ingested_at"]) or EPOCH for d in doc_ids) or [EPOCH]
        level = strictest(self.docs[d]["tlp"] for d in doc_ids)
        obj = {"spec_version": "2.1", "created": times[0], "modified": times[-1], **without_nulls(obj),
               "object_marking_refs": [TLP2_MARKINGS[level]]}
        self.objects[obj["id"]] = obj
        self._marking(level)
        return obj["id"]

    def _marking(self, level: str) -> None:
        self.objects.setdefault(TLP2_MARKINGS[level], tlp_marking(level))

    def _nodes(self) -> tuple[dict[str, _Node], dict[str, str]]:
        nodes: dict[str, _Node] = {}
        entity_node: dict[str, str] = {}
        for e in reads.linked_entities(self.conn, list(self.docs)):
            node = nodes.setdefault(e["identity"], _Node(e["kind"]))
            node.names[e["name"]] += 1
            node.documents.add(e["document_id"])
            if node.point is None and e["lat"] is not None:
                node.point, node.country = (float(e["lat"]), float(e["lon"])), e["country"]
            entity_node[e["id"]] = e["identity"]
        return nodes, entity_node

    def _add_nodes(self, nodes: dict[str, _Node], threat: set[str]) -> dict[str, str]:
        refs = {}
        for identity, node in nodes.items():
            name = min(node.names, key=lambda n: (-node.names[n], n))  # the exported documents' usual spelling
            if node.kind == "place":
                obj: dict[str, Any] = {"type": "location", "id": stix_id("location", identity), "name": name}
                if node.point:
                    obj |= {"latitude": round(node.point[0], 5), "longitude": round(node.point[1], 5)}
                if node.country:
                    obj["country"] = node.country
                if "latitude" not in obj and "country" not in obj:
                    continue  # a place STIX cannot hold (no point, no country)
            elif node.kind == "org" and identity in threat:
                obj = {"type": "threat-actor", "id": stix_id("threat-actor", identity), "name": name}
            else:
                obj = {"type": "identity", "id": stix_id("identity", identity), "name": name,
                       "identity_class": "individual" if node.kind == "person" else "organization"}
            refs[identity] = self._put({**obj, "created_by_ref": PRODUCER}, node.documents)
            for doc in node.documents:
                self.report_refs[doc].add(refs[identity])
        return refs

    def _grades(self, doc_id: str, modality: str | None, sentence: int | None, entities: list[str],
                event_type: str | None = None) -> dict[str, Any]:
        confirmations = (independent_confirmations(self.conn, doc_id, event_type, entities, self.may_use)
                         if event_type and entities else 0)
        grade = credibility(modality, confirmations, (doc_id, sentence) in self.contradicted)
        return {"credibility": grade, "source_reliability": self.docs[doc_id]["reliability"],
                "confidence": stix_confidence(grade)}

    def _when(self, fact: dict[str, Any], doc_id: str) -> dict[str, Any]:
        time = fact.get("time") or {}
        value = time.get("value") if time.get("value") and datevalues.precision_of(time.get("value")) else None
        by = "event" if value else "report"
        if value is None and not time.get("undated"):
            value = (self.docs[doc_id]["published"] or "")[:10] or None
        first, _, last = (value or "").partition("/")
        return {"text": time.get("text"), "value": value, "dated_by": by if value else None,
                "precision": (time.get("precision") or datevalues.precision_of(value)) if value else None,
                "first": first[:10] or None, "last": (last or first)[:10] or None}

    def _sightings(self, doc_id: str, fact: dict[str, Any]) -> None:
        modality = fact.get("modality") or "asserted"
        if modality not in SIGHTED_MODALITIES:
            return
        places = [(role, self.entity_ref[a["entity"]], a.get("text")) for role in PLACE_ROLES
                  for a in fact.get(role) or [] if a.get("entity") in self.entity_ref
                  and self.entity_ref[a["entity"]].startswith("location--")]
        if not places:
            return
        entities = [a["entity"] for r in ("actors", "targets") for a in fact.get(r) or [] if a.get("entity")]
        grades = self._grades(doc_id, modality, fact.get("sentence"), entities, fact["type"])
        when = self._when(fact, doc_id)
        said = ((fact.get("attribution") or {}).get("speaker") or {}).get("text")
        for role in ("actors", "targets"):
            for arg in fact.get(role) or []:
                ref = self.entity_ref.get(arg.get("entity") or "")
                if ref is None or ref.startswith("location--"):
                    continue
                key = f"{doc_id}:{fact['start']}:{fact['end']}:{fact['type']}:{ref}:{role}"
                obj: dict[str, Any] = {
                    "type": "sighting", "id": stix_id("sighting", key), "created_by_ref": PRODUCER,
                    "sighting_of_ref": ref, "where_sighted_refs": sorted({p[1] for p in places}),
                    "description": f"{fact['type']} ({modality}): {fact.get('trigger')}",
                    "extensions": {EXTENSION: {
                        "extension_type": "property-extension", "event_type": fact["type"],
                        "trigger": fact.get("trigger"), "modality": modality, "role": role.rstrip("s"),
                        "places": [{"role": r, "location_ref": p, "text": t} for r, p, t in places],
                        "when": {k: v for k, v in when.items() if k in ("text", "value", "precision", "dated_by")},
                        "said_by": said, "credibility": grades["credibility"],
                        "source_reliability": grades["source_reliability"]}}}
                if when["first"]:
                    obj["first_seen"] = when["first"] + "T00:00:00.000Z"
                    obj["last_seen"] = (when["last"] or when["first"]) + "T23:59:59.999Z"
                if grades["confidence"] is not None:
                    obj["confidence"] = grades["confidence"]
                self.report_refs[doc_id].add(self._put(obj, {doc_id}))

    def _note(self, doc_id: str, fact: dict[str, Any]) -> None:
        speaker = fact.get("speaker") or {}
        if not fact.get("content"):
            return
        grades = self._grades(doc_id, fact.get("modality"), fact.get("sentence"), [])
        refs = {stix_id("report", doc_id)}
        if speaker.get("entity") in self.entity_ref:
            refs.add(self.entity_ref[speaker["entity"]])
        obj: dict[str, Any] = {
            "type": "note", "id": stix_id("note", f"{doc_id}:{fact['start']}:{fact['end']}"),
            "created_by_ref": PRODUCER, "content": fact["content"], "object_refs": sorted(refs),
            "extensions": {EXTENSION: {"extension_type": "property-extension", "cue": fact.get("cue"),
                                       "medium": fact.get("medium"), "modality": fact.get("modality"),
                                       "said_by": speaker.get("text"), "credibility": grades["credibility"],
                                       "source_reliability": grades["source_reliability"]}}}
        if speaker.get("text"):
            obj["authors"] = [speaker["text"]]
            obj["abstract"] = f"{speaker['text']} {fact.get('cue') or 'said'}"
        if grades["confidence"] is not None:
            obj["confidence"] = grades["confidence"]
        self.report_refs[doc_id].add(self._put(obj, {doc_id}))

    def _relationships(self, relations: list[tuple[str, dict[str, Any]]]) -> None:
        found: dict[tuple[str, str, str], dict[str, Any]] = {}
        for doc_id, fact in relations:
            kind = RELATIONSHIPS.get(fact.get("type") or "")
            src = self.entity_ref.get((fact.get("subject") or {}).get("entity") or "")
            dst = self.entity_ref.get((fact.get("object") or {}).get("entity") or "")
            if not (kind and src and dst) or src == dst or not self._confident(fact) \
                    or "location--" in src + dst:
                continue
            entry = found.setdefault((kind, src, dst), {"docs": set(), "roles": set(), "types": set()})
            entry["docs"].add(doc_id)
            entry["types"].add(fact["type"].lower())
            if fact.get("role"):
                entry["roles"].add(fact["role"])
        for (kind, src, dst), entry in sorted(found.items()):
            publishers = {self.docs[d]["handling_source"] for d in entry["docs"]}
            grade = credibility("asserted", len(publishers) - 1)
            reliability = min(self.docs[d]["reliability"] for d in entry["docs"])
            obj: dict[str, Any] = {
                "type": "relationship", "id": stix_id("relationship", f"{kind}:{src}:{dst}"),
                "created_by_ref": PRODUCER, "relationship_type": kind, "source_ref": src, "target_ref": dst,
                "description": ", ".join(sorted(entry["types"] | entry["roles"])),
                "extensions": {EXTENSION: {"extension_type": "property-extension", "credibility": grade,
                                           "source_reliability": reliability, "reports": len(entry["docs"]),
                                           "relations": sorted(entry["types"]), "roles": sorted(entry["roles"])}}}
            if stix_confidence(grade) is not None:
                obj["confidence"] = stix_confidence(grade)
            ref = self._put(obj, entry["docs"])
            for doc in entry["docs"]:
                self.report_refs[doc].add(ref)

    def _report(self, doc: dict[str, Any]) -> None:
        publisher = doc["source"] or doc["handling_source"]
        author = self._put({"type": "identity", "id": stix_id("identity", f"publisher:{publisher}"),
                            "name": publisher, "identity_class": "organization", "created_by_ref": PRODUCER},
                           {doc["id"]})
        reference: dict[str, Any] = {"source_name": publisher, "external_id": doc["id"]}
        if doc["url"]:
            reference["url"] = doc["url"]
        self._put({"type": "report", "id": stix_id("report", doc["id"]), "created_by_ref": author,
                   "name": doc["title"] or f"Report {doc['id']}",
                   "published": timestamp(doc["published"]) or timestamp(doc["ingested_at"]) or EPOCH,
                   "report_types": ["threat-report"], "object_refs": sorted(self.report_refs[doc["id"]]) or [author],
                   "external_references": [reference],
                   "extensions": {EXTENSION: {"extension_type": "property-extension", "source": doc["handling_source"],
                                              "source_reliability": doc["reliability"]}}},
                  {doc["id"]})

    def _groupings(self, stories: dict[str, int]) -> None:
        members: dict[int, set[str]] = defaultdict(set)
        for doc, story in stories.items():
            members[story].add(doc)
        for story, docs in sorted(members.items()):
            if len(docs) < 2 and self.selection.story is None:
                continue
            self._put({"type": "grouping", "id": stix_id("grouping", f"story:{story}"), "created_by_ref": PRODUCER,
                       "name": f"Story {story}", "context": "unspecified",
                       "object_refs": sorted(stix_id("report", d) for d in docs)}, docs)

    def _fixed(self) -> None:
        """The producer identity and the extension definition, marked clear."""
        self._marking("clear")
        marks = [TLP2_MARKINGS["clear"]]
        self.objects[PRODUCER] = {"type": "identity", "spec_version": "2.1", "id": PRODUCER, "created": EPOCH,
                                  "modified": EPOCH, "name": "newsintel", "identity_class": "system",
                                  "object_marking_refs": marks}
        self.objects[EXTENSION] = {
            "type": "extension-definition", "spec_version": "2.1", "id": EXTENSION, "created": EPOCH,
            "modified": EPOCH, "created_by_ref": PRODUCER, "name": "newsintel fact grading",
            "description": "How newsintel read a fact from its report: event type, trigger, modality (asserted, "
                           "hedged, attempted, intended, future, negated, conditional), the participant's role, "
                           "its places by role, when, who said it, and the Admiralty grades: information "
                           "credibility 1-6 and source reliability A-F.",
            "schema": "event_type, trigger, modality, role, places [{role, location_ref, text}], when {text, value, "
                      "precision, dated_by}, said_by, cue, medium, source, reports, relations [], roles []: "
                      "strings/integers as named; "
                      "credibility: integer 1-6; source_reliability: one of A-F (newsintel data/credibility.yaml)",
            "version": "1.0.0", "extension_types": ["property-extension"], "object_marking_refs": marks}
