"""`newsintel export stix`: a STIX 2.1 bundle for partners, marked with OASIS TLP 2.0 and graded (issue 14).

What goes in, from the documents at or under the TLP ceiling only (store/stix_reads.py reads nothing else):
- people and groups as `identity` (a group that is the actor of a stated attack as `threat-actor`), named by the
  spelling those documents use most (or the store's country-qualified name: stix_objects.Node.name); places as
  `location` with coordinates, country and GeoNames id (an external reference); STIX wants a region, a country or
  coordinates, so a place with none of them stays out;
- membership and association relations as `relationship` (member-of, associated-with, related-to), a place at
  either end too, and an end no identity stands for ("spokesman for the police") as an `identity` of class
  `unspecified` named by the report's words and marked `described` in our extension (one per other end and words);
- events with a place (a location, or only words no location stands for) as one `sighting` per participant, where
  and when, with modality, role, places and grades in a property extension that an `extension-definition` defines;
  a denied event has `count` 0 (sighted no time) and a conditional one the grade that cannot be judged (6, no
  `confidence`), so a reader without our extension never takes either for a sighting that happened;
- claims as `note`s with their speaker; each document as a `report` (title, publisher, date, URL, what came from
  it) created by an `identity` of its publisher; stories as `grouping`s of their reports.
Every object carries the TLP 2.0 marking of the strictest document behind it; Admiralty credibility maps onto
`confidence` (data/credibility.yaml). Facts under the views' default confidence are left out (precision first),
after the views' story corroboration counted among the exported documents only (store/stix_reads.py). Sightings,
notes and reports: exports/stix_facts.py.
Ids are UUIDv5 over stable keys (exports/stix_objects.py), so the same store gives the same ids and a partner can
re-import an update; `created`/`modified` are the first and last ingest time behind an object.

Streamed, in bounded memory: a first pass over the documents, a page at a time, gathers only what spans documents
(each person, group and place, relationship, publisher and story: names, TLP and times); the second pass writes
those, then each document's sightings, notes and report as it reads them, then the groupings. The order is fixed
(markings, fixed objects, then each kind by id, documents in ingest order), and the bundle id, written last, is a
hash of every object id in that order: the same store gives the same file, byte for byte.
"""

from __future__ import annotations

import hashlib
import io
import json
import sys
from collections import Counter, defaultdict
from collections.abc import Iterator
from pathlib import Path
from typing import Any, TextIO

from newsintel.exports.base import atomic_output
from newsintel.exports.stix_facts import DocumentObjects, lead_words
from newsintel.exports.stix_objects import (
    EXTENSION,
    PRODUCER,
    TLP2_MARKINGS,
    Behind,
    Link,
    Node,
    Selection,
    Story,
    described_key,
    described_object,
    finish,
    fixed_objects,
    is_described,
    publisher_id,
    publisher_of,
    stix_id,
    tlp_marking,
)
from newsintel.extract.confidence import corroborated
from newsintel.facts import EventRecord, Fact, RelationRecord
from newsintel.resolve.place_names import country_name
from newsintel.resources import load_yaml
from newsintel.store import fact_reads
from newsintel.store import stix_reads as reads
from newsintel.store.sharing import credibility, stix_confidence

RELATIONSHIPS = {"MEMBER": "member-of", "POSITION": "member-of", "ASSOCIATE": "associated-with",
                 "FAMILY": "related-to", "SPOUSE": "related-to"}
GEONAMES = "geonames"  # a location's external reference to its GeoNames id (ingest/partner_places.py reads it)
THREAT_EVENTS = ("ATTACK",)  # a group that is the stated actor of one of these is a threat-actor


class StixExporter:
    """One bundle from the store, streamed: `write(out)` / `write_file(path)`; set `contradicted` first."""

    def __init__(self, conn: Any, selection: Selection) -> None:
        self.conn = conn
        self.selection = selection
        self.contradicted: set[tuple[str, int]] = set()
        self.counts: Counter = Counter()
        self._ids: list[str] | None = None
        self.min_confidence = float(load_yaml("confidence.yaml")["views"]["min_confidence"])  # the views' default

    def documents(self) -> list[str]:
        """The ids of the documents the export may use, in ingest order."""
        if self._ids is None:
            self._ids = [d["id"] for page in self._pages() for d in page]
        return self._ids

    def _pages(self) -> Iterator[list[dict[str, Any]]]:
        s = self.selection
        for page in reads.document_pages(self.conn, s.tlp_max, s.identity, s.story, s.since):
            if page:
                yield page

    # --- writing --------------------------------------------------------------------------------------------

    def write_file(self, target: str | Path) -> Counter:
        """Write the bundle to `target` ("-": standard output), whole or not at all (a temporary file renamed
        over it)."""
        if str(target) == "-":
            return self.write(sys.stdout)
        with atomic_output(Path(target)) as out:
            return self.write(out)

    def bundle_json(self) -> str:
        out = io.StringIO()
        self.write(out)
        return out.getvalue()

    def bundle(self) -> dict[str, Any]:
        """The bundle as one dict (tests, small stores; `write` streams)."""
        return json.loads(self.bundle_json())

    def write(self, out: TextIO) -> Counter:
        """The bundle, one object a line, in the fixed order; returns the objects written by type."""
        self.may_use = set(self.documents())
        self.counts = Counter()
        self._out, self._digest, self._first = out, hashlib.sha256(), True
        out.write('{\n "type": "bundle",\n "objects": [\n')
        self._gather()
        for level in sorted(self.levels, key=lambda v: TLP2_MARKINGS[v]):
            self._emit(tlp_marking(level))
        for obj in fixed_objects():
            self._emit(obj)
        for ref, identity in sorted((ref, i) for i, ref in self.refs.items() if i in self.nodes):
            self._emit(self._node_object(identity, ref))
        for publisher, behind in sorted(self.publishers.items(), key=lambda t: publisher_id(t[0])):
            self._emit(finish({"type": "identity", "id": publisher_id(publisher), "name": publisher,
                                     "identity_class": "organization", "created_by_ref": PRODUCER}, behind))
        self.link_refs = self._relationships()
        for page in self._pages():
            self._documents_of(page)
        self._groupings()
        out.write(f'\n ],\n "id": "{stix_id("bundle", self._digest.hexdigest())}"\n}}\n')
        return self.counts

    def _emit(self, obj: dict[str, Any]) -> None:
        self._out.write(("  " if self._first else ",\n  ") + json.dumps(obj, ensure_ascii=False, sort_keys=True))
        self._first = False
        self._digest.update(obj["id"].encode() + b"\n")
        self.counts[obj["type"]] += 1

    # --- the first pass: what spans documents ---------------------------------------------------------------

    def _gather(self) -> None:
        self.nodes: dict[str, Node] = {}
        self.links: dict[tuple[str, str, str], Link] = {}
        self.described: dict[str, Behind] = {}  # described_key -> the documents describing that end
        self.publishers: dict[str, Behind] = defaultdict(Behind)
        self.stories: dict[int, Story] = defaultdict(Story)
        self.levels = {"clear"}  # the fixed objects' marking
        threat: set[str] = set()
        for page in self._pages():
            docs = {d["id"]: d for d in page}
            entity_node = self._gather_nodes(docs)
            for _doc_id, fact in reads.facts_of(self.conn, "events", list(docs)):
                if fact["type"] in THREAT_EVENTS and fact.get("modality") == "asserted" and self._confident(fact):
                    threat |= {entity_node[a["entity"]] for a in fact.get("actors", [])
                               if a.get("entity") in entity_node}
            for doc_id, fact in reads.facts_of(self.conn, "relations", list(docs)):
                key = self._link_key(fact, entity_node)
                if key is not None:
                    self._gather_link(key, fact, docs[doc_id])
            for doc_id, story in reads.stories_of(self.conn, list(docs)).items():
                self.stories[story].documents.append(doc_id)
                self.stories[story].add(docs[doc_id])
            for doc in page:
                self.publishers[publisher_of(doc)].add(doc)
                self.levels.add(doc["tlp"])
        self.refs = {identity: ref for identity, node in self.nodes.items()
                     if (ref := self._node_ref(identity, node, threat)) is not None}
        self.refs |= {key: stix_id("identity", key) for key in self.described}
        # documents another exported report of their story could confirm (grading asks the store only for these)
        self.with_peers = {d for story in self.stories.values() if len(story.documents) > 1 for d in story.documents}

    def _gather_nodes(self, docs: dict[str, dict[str, Any]]) -> dict[str, str]:
        """Fold the page's linked entities into their nodes; returns entity id -> identity id."""
        entity_node: dict[str, str] = {}
        entities = reads.linked_entities(self.conn, list(docs))
        countries: dict[str, set[str]] = defaultdict(set)  # document -> names of the countries it places
        for e in entities:
            if e["kind"] == "place" and e["country"] and (name := country_name(e["country"])):
                countries[e["document_id"]].add(name)
        for e in entities:
            node = self.nodes.setdefault(e["identity"], Node(kind=e["kind"], stored=e["identity_name"]))
            node.names[e["name"]] += 1
            node.add(docs[e["document_id"]])
            node.context |= countries[e["document_id"]]
            if node.point is None and e["lat"] is not None:
                node.point, node.country = (float(e["lat"]), float(e["lon"])), e["country"]
                node.geonameid = int(e["geonameid"]) if e["geonameid"] else None
            entity_node[e["id"]] = e["identity"]
        return entity_node

    def _node_ref(self, identity: str, node: Node, threat: set[str]) -> str | None:
        if node.kind == "place":
            return stix_id("location", identity) if node.point or node.country else None  # else STIX cannot hold it
        if node.kind == "org" and identity in threat:
            return stix_id("threat-actor", identity)
        return stix_id("identity", identity)

    def _node_object(self, identity: str, ref: str) -> dict[str, Any]:
        node = self.nodes[identity]
        name = node.name()
        obj: dict[str, Any] = {"type": ref.split("--")[0], "id": ref, "name": name, "created_by_ref": PRODUCER}
        if node.kind == "place":
            if node.point:
                obj |= {"latitude": round(node.point[0], 5), "longitude": round(node.point[1], 5)}
            if node.country:
                obj["country"] = node.country
            if node.geonameid:  # the gazetteer entry, which a name alone may not find again ("Chaussée de Gand")
                obj["external_references"] = [{"source_name": GEONAMES, "external_id": str(node.geonameid)}]
        elif obj["type"] == "identity":
            obj["identity_class"] = "individual" if node.kind == "person" else "organization"
        return finish(obj, node)

    def _link_key(self, fact: RelationRecord, entity_node: dict[str, str]) -> tuple[str, str, str] | None:
        """(relationship type, subject, object) of a relation fact that may become one. An end no identity stands
        for ("spokesman for the police", "father of a student") is its description (stix_objects.described_key),
        which goes out as a described identity the import reads back as words, never as a named one."""
        kind = RELATIONSHIPS.get(fact.get("type") or "")
        ends = [fact.get("subject") or {}, fact.get("object") or {}]
        src, dst = (entity_node.get(e.get("entity") or "") for e in ends)
        if not kind or not (src or dst) or src == dst or not self._confident(fact):
            return None
        if src and dst:
            return kind, src, dst
        named = src or dst or ""
        words = " ".join(str(ends[1 if src else 0].get("text") or "").split())
        if not words:
            return None
        described = described_key(named, words)
        return (kind, src, described) if src else (kind, described, named)

    def _gather_link(self, key: tuple[str, str, str], fact: RelationRecord, doc: dict[str, Any]) -> None:
        link = self.links.setdefault(key, Link())
        if link.add(doc):  # a new report stating it
            link.reports += 1
            link.publishers.add(doc["handling_source"])
            link.reliability = min(link.reliability, doc["reliability"])
        for end in key[1:]:
            if is_described(end):
                self.described.setdefault(end, Behind()).add(doc)
        link.types.add(fact["type"].lower())
        link.grades.add(self._relation_grade(fact, doc))
        if fact.get("role"):
            link.roles.add(fact["role"])

    def _link_ref(self, key: tuple[str, str, str]) -> str | None:
        """The relationship's id, when both ends are exported (people, groups, or places: "spokesman of Kosovo")."""
        kind, src, dst = key
        if src not in self.refs or dst not in self.refs:
            return None
        return stix_id("relationship", f"{kind}:{self.refs[src]}:{self.refs[dst]}")

    def _relation_grade(self, fact: RelationRecord, doc: dict[str, Any]) -> int:
        """As the views grade a relation in its report (no event confirms it), so a partner sees the same grade."""
        contradicted = (doc["id"], fact.get("sentence")) in self.contradicted
        return credibility(fact.get("modality") or "asserted", 0, contradicted)

    def _corroborate(self, events: list[tuple[str, EventRecord]]) -> None:
        """Raise the confidence of events under the views' default as the views do (views/confidence.py: other
        reports of the story with the same kind of event about the same people), counting only the documents this
        export may use, so a partner receives what `profile` shows from them."""
        under = [(d, f) for d, f in events if not self._confident(f)]
        asks = [(d, f["type"], [a["entity"] for r in ("actors", "targets") for a in f.get(r) or [] if a.get("entity")])
                for d, f in under]
        for (_doc, fact), others in zip(under, reads.story_corroboration(self.conn, asks, self.may_use), strict=True):
            if others:
                fact["confidence"] = corroborated(fact["confidence"], others)

    def _confident(self, fact: Fact) -> bool:
        return fact.get("confidence") is None or fact["confidence"] >= self.min_confidence

    # --- the second pass: what spans documents is written; then each document's objects, as they are read ------

    def _relationships(self) -> dict[tuple[str, str, str], str]:
        """Write the relationships; returns key -> id of those written (the reports stating them name them)."""
        written: dict[tuple[str, str, str], str] = {}
        keyed = sorted(((key[0], self.refs.get(key[1], ""), self.refs.get(key[2], "")), key) for key in self.links)
        keyed = [(key, ref) for _order, key in keyed if (ref := self._link_ref(key)) is not None]
        ends = {end for key, _ref in keyed for end in key[1:] if end in self.described}
        for end in sorted(ends, key=lambda e: self.refs[e]):  # only those a written relationship names
            self._emit(described_object(end, self.refs[end], self.described[end]))
        for key, ref in keyed:
            link, (kind, src, dst) = self.links[key], key
            grade = max(link.grades)  # the weakest of its reports' grades: never more than a report says
            obj: dict[str, Any] = {
                "type": "relationship", "id": ref, "created_by_ref": PRODUCER, "relationship_type": kind,
                "source_ref": self.refs[src], "target_ref": self.refs[dst],
                "description": ", ".join(sorted(link.types | link.roles)),
                "extensions": {EXTENSION: {"extension_type": "property-extension", "credibility": grade,
                                           "source_reliability": link.reliability, "reports": link.reports,
                                           "relations": sorted(link.types), "roles": sorted(link.roles)}}}
            if stix_confidence(grade) is not None:
                obj["confidence"] = stix_confidence(grade)
            self._emit(finish(obj, link))
            written[key] = ref
        return written

    def _documents_of(self, page: list[dict[str, Any]]) -> None:
        """Each document of a page: its sightings and notes, then its report naming everything that came from it."""
        ids = [d["id"] for d in page]
        entity_node: dict[str, str] = {}
        named: dict[str, set[str]] = defaultdict(set)
        for e in reads.linked_entities(self.conn, ids):
            entity_node[e["id"]] = e["identity"]
            if e["identity"] in self.refs:
                named[e["document_id"]].add(self.refs[e["identity"]])
        entity_ref = {e: self.refs[i] for e, i in entity_node.items() if i in self.refs}
        facts_of = DocumentObjects(self.conn, self.may_use, self.contradicted, self.with_peers)
        facts: dict[str, dict[str, list[dict[str, Any]]]] = defaultdict(lambda: defaultdict(list))
        for table in ("events", "claims", "relations"):
            for doc_id, fact in reads.facts_of(self.conn, table, ids):
                facts[doc_id][table].append(fact)
        self._corroborate([(d, f) for d, by_table in facts.items() for f in by_table["events"]])
        texts = {r["id"]: r["text"] for r in fact_reads.document_rows(self.conn, ids)}
        sentence_at = {(d, i): start for d, i, start, _end in fact_reads.sentence_spans(self.conn, ids)}
        for doc in page:
            mine = facts.pop(doc["id"], {})
            objects: dict[str, dict[str, Any]] = {}  # this document's, by id (a repeated fact once)
            for fact in mine.get("events", []):
                if self._confident(fact):
                    lead = lead_words(texts.get(doc["id"]) or "",
                                      sentence_at.get((doc["id"], fact.get("sentence")), fact["start"]), fact["start"])
                    objects |= {o["id"]: o for o in facts_of.sightings(doc, fact, entity_ref, lead)}
            for fact in mine.get("claims", []):
                if self._confident(fact) and fact.get("content"):
                    note = facts_of.note(doc, fact, entity_ref)
                    objects[note["id"]] = note
            links = {self.link_refs[k] for f in mine.get("relations", [])
                     if (k := self._link_key(f, entity_node)) in self.link_refs}
            for obj in objects.values():
                self._emit(obj)
            self._emit(facts_of.report(doc, named[doc["id"]] | set(objects) | links))

    def _groupings(self) -> None:
        for story, members in sorted(self.stories.items()):
            if len(members.documents) < 2 and self.selection.story is None:
                continue
            self._emit(finish({
                "type": "grouping", "id": stix_id("grouping", f"story:{story}"), "created_by_ref": PRODUCER,
                "name": f"Story {story}", "context": "unspecified",
                "object_refs": sorted(stix_id("report", d) for d in members.documents)}, members))
