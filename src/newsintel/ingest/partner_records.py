"""What a partner's STIX 2.1 objects mean to newsintel: the typed records (`model.Record`) `newsintel import` stores.

Pure and SQL-free. Each `report` becomes one stored document (title, publisher, date and URL of the report) holding
what it references; a fact no report references becomes a document of its own. A document's text is written here,
one line per fact in the partner's words and names ("Jaan Tamm — travelled (TRAVEL, asserted) — origin: Tallinn;
destination: Helsinki"), so every fact keeps a sentence, offsets and mentions like an ingested one, and resolution
links its names exactly as it links a report's.
- identity (individual: person; organization, group: group), threat-actor (resource level individual: person; else
  group), intrusion-set (group) -> entities; location -> a place entity with its coordinates and country;
- sighting -> an event of the person or group at the sighted places: type, trigger, modality, role, places by role,
  time and speaker from our extension (exports/stix.py) when present; else a SIGHTED event, `asserted`, at the
  sighted locations, dated by first_seen/last_seen;
- relationship member-of / associated-with (related-to only when its description says family or spouse) between
  people or groups -> a MEMBER / ASSOCIATE / FAMILY relation;
- note -> a claim: its content, said by its author (our extension's speaker, cue, medium, modality).
Every fact carries `reported_by`: the partner, the object's STIX id and the partner's grades (our extension's
credibility, else one read from the object's `confidence` through data/credibility.yaml), which views show instead
of grading it again. A fact whose person, group or place is neither in the bundle nor sent earlier is left out and
counted ("dangling reference"); groupings are counted and left out (stories are found again from the documents).
"""

from __future__ import annotations

import uuid
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from typing import Any

from newsintel.ingest.partner_bundle import (
    NODE_TYPES,
    TLP_MARKING_IDS,
    TLP_ORDER,
    Bundle,
    credibility_of_confidence,
    event_time,
    marking_level,
    stix_day,
    tlp_strictest,
)
from newsintel.ingest.partner_bundle import one_line as _text
from newsintel.model import DocumentInfo, Entity, Mention, Record, Sentence
from newsintel.resources import load_yaml

OUR_EXTENSION_NAME = "newsintel fact grading"  # the extension-definition exports/stix.py writes
OUR_EXTENSION = "extension-definition--17cfd253-3846-55db-b698-3b804b601d51"  # its id (a test checks)
RELATION_OF = {"member-of": "MEMBER", "associated-with": "ASSOCIATE"}
RELATION_WORDS = {"member": "MEMBER", "position": "POSITION", "associate": "ASSOCIATE", "family": "FAMILY",
                  "spouse": "SPOUSE"}
ROLE_OF = {"actor": "actors", "target": "targets"}
DOC_NAMESPACE = uuid.UUID("0b5a1f0e-58a4-5c57-9f3e-706172746e72")  # stored document ids: uuid5 of the STIX id


@dataclass
class Node:
    """A person, group or place of the bundle (or sent in an earlier bundle)."""

    stix_id: str
    kind: str  # person, org, place
    name: str
    geo: dict[str, Any] | None = None
    described: bool = False  # a relationship's end a report describes ("police"): words, never an entity

    @property
    def entity_type(self) -> str:
        return {"person": "PERSON", "org": "ORG", "place": "GPE"}[self.kind]


@dataclass
class PartnerDocument:
    """One document to store: its record, TLP, and the STIX ids of the report and facts that went into it."""

    record: Record
    tlp: str
    object_ids: list[str] = field(default_factory=list)


def node_of(obj: dict[str, Any]) -> Node | None:
    """The person, group or place an object names, or None (an identity of a system, a place with no name)."""
    kind: str | None
    if obj["type"] == "location":
        name = obj.get("name") or obj.get("city") or obj.get("region") or obj.get("country")
        lat, lon = obj.get("latitude"), obj.get("longitude")
        if not _text(name):
            return None
        point = isinstance(lat, int | float) and isinstance(lon, int | float)
        geo = {"name": _text(name), "lat": float(lat) if point else None, "lon": float(lon) if point else None,
               "geonameid": None, "country": _text(obj.get("country")) or None, "kind": None}
        return Node(obj["id"], "place", _text(name), geo)
    if obj["type"] == "identity":
        kind = {"individual": "person", "organization": "org", "group": "org"}.get(obj.get("identity_class") or "")
    elif obj["type"] == "threat-actor":
        kind = "person" if obj.get("resource_level") == "individual" else "org"
    else:
        kind = "org"
    name = _text(obj.get("name"))
    return Node(obj["id"], kind, name) if kind and name else None


def stored_id(stix_id: str) -> str:
    return uuid.uuid5(DOC_NAMESPACE, stix_id).hex[:16]


class _Text:
    """A document's text built one line (sentence) at a time, with the spans of the names it places."""

    def __init__(self, doc_id: str) -> None:
        self.doc_id = doc_id
        self.parts: list[str] = []
        self.length = 0
        self.sentences: list[Sentence] = []
        self.entities: dict[str, Entity] = {}

    def entity(self, node: Node) -> Entity:
        if node.stix_id not in self.entities:
            self.entities[node.stix_id] = Entity(f"{self.doc_id}-e{len(self.entities) + 1}", node.name,
                                                 node.entity_type, geo=dict(node.geo) if node.geo else None)
        return self.entities[node.stix_id]

    def line(self, pieces: list[str | Node]) -> tuple[int, int, int, list[tuple[int, int]]]:
        """Add a sentence; (its index, start, end, the span of each piece)."""
        index, start = len(self.sentences), self.length
        spans = []
        for piece in pieces:
            text = piece.name if isinstance(piece, Node) else piece
            begin = self.length
            self.parts.append(text)
            self.length += len(text)
            spans.append((begin, self.length))
            if isinstance(piece, Node):
                self.entity(piece).mentions.append(Mention(text, begin, self.length, index))
        self.sentences.append(Sentence(index, start, self.length))
        self.parts.append("\n")
        self.length += 1
        return index, start, self.length - 1, spans

    def text(self) -> str:
        return "".join(self.parts)


class Mapper:
    """The documents of one bundle from one partner. `known`: objects sent in earlier bundles, by STIX id (people,
    groups and places a fact here may refer to). `unmarked_tlp`: the TLP of an object with no TLP marking;
    `floor_tlp`: a level every object gets at least (the analyst's `--tlp`)."""

    def __init__(self, bundle: Bundle, partner: str, unmarked_tlp: str, floor_tlp: str | None = None,
                 known: dict[str, dict[str, Any]] | None = None) -> None:
        self.bundle, self.partner = bundle, partner
        self.unmarked_tlp, self.floor_tlp = unmarked_tlp, floor_tlp
        self.skipped: Counter = Counter()
        self.markings = dict(TLP_MARKING_IDS)
        for m in bundle.of_type("marking-definition"):
            level = marking_level(m)
            if level:
                self.markings[m["id"]] = level
        self.ours = {OUR_EXTENSION} | {d["id"] for d in bundle.of_type("extension-definition")
                                       if d.get("name") == OUR_EXTENSION_NAME}
        self.nodes: dict[str, Node] = {}
        for obj in [*(known or {}).values(), *bundle.of_type(*NODE_TYPES)]:
            node = node_of(obj)
            if node:
                self.nodes[obj["id"]] = node
        self.creators = {o.get("created_by_ref") for o in bundle.objects.values()}
        self.used_nodes: set[str] = set()
        self.in_report: dict[str, list[dict[str, Any]]] = defaultdict(list)  # fact id -> the reports stating it

    # --- grades and handling -------------------------------------------------------------------------------------

    def tlp(self, obj: dict[str, Any]) -> str:
        levels = [self.markings[r] for r in obj.get("object_marking_refs") or [] if r in self.markings]
        level = tlp_strictest(levels) if levels else self.unmarked_tlp
        return tlp_strictest([level, self.floor_tlp]) if self.floor_tlp else level

    def fact_tlp(self, fact: dict[str, Any], report: dict[str, Any] | None) -> str:
        """A fact's TLP in a report's document. A fact several reports state (a relationship) is marked with the
        strictest of them; in each report it is as that report says it, unless it is stricter than every report
        stating it (then its own marking holds: nothing is ever made less strict than the partner marked it)."""
        own = self.tlp(fact)
        stating = [self.tlp(r) for r in self.in_report.get(fact["id"], [])]
        if report is not None and stating and TLP_ORDER.index(own) <= TLP_ORDER.index(tlp_strictest(stating)):
            return self.tlp(report)
        return own

    def extension(self, obj: dict[str, Any]) -> dict[str, Any]:
        for key, value in (obj.get("extensions") or {}).items():
            if key in self.ours and isinstance(value, dict):
                return value
        return {}

    def reported_by(self, obj: dict[str, Any], ext: dict[str, Any]) -> dict[str, Any]:
        grade = ext.get("credibility")
        if not (isinstance(grade, int) and 1 <= grade <= 6):
            grade = credibility_of_confidence(obj.get("confidence"))
        out = {"partner": self.partner, "stix_id": obj["id"], "credibility": grade}
        if isinstance(obj.get("confidence"), int):
            out["confidence"] = obj["confidence"]
        if ext.get("source_reliability") in ("A", "B", "C", "D", "E", "F"):
            out["their_source_reliability"] = ext["source_reliability"]
        return out

    # --- documents -----------------------------------------------------------------------------------------------

    def documents(self) -> list[PartnerDocument]:
        """One document per report, in the order the partner created them (so "latest first" stays so), then one
        per fact no report covers."""
        reports = sorted(self.bundle.of_type("report"), key=lambda r: (str(r.get("created", "")),
                                                                        str(r.get("published", "")), r["id"]))
        for report in reports:
            for ref in report.get("object_refs") or []:
                self.in_report[ref].append(report)
        self.skipped["grouping (stories are found again)"] += len(self.bundle.of_type("grouping"))
        docs = []
        for report in reports:
            facts = [self.bundle.objects[r] for r in report.get("object_refs") or [] if r in self.bundle.objects
                     and self.bundle.objects[r]["type"] in ("sighting", "note", "relationship")]
            names = [self.nodes[r] for r in report.get("object_refs") or [] if r in self.nodes
                     and r not in self.creators]
            docs.append(self._document(report, facts, names))
        for obj in self.bundle.of_type("sighting", "note", "relationship"):
            if obj["id"] not in self.in_report:
                docs.append(self._document(None, [obj], []))
        return [d for d in docs if d is not None]

    def _document(self, report: dict[str, Any] | None, facts: list[dict[str, Any]],
                  names: list[Node]) -> PartnerDocument | None:
        head = report or facts[0]
        doc_id = stored_id(head["id"])
        text = _Text(doc_id)
        record = Record(DocumentInfo(doc_id, None, None, None, None, ""))
        kept = []
        for fact in facts:
            add = {"sighting": self._sighting, "note": self._note, "relationship": self._relation}[fact["type"]]
            reason = add(text, record, fact)
            if reason:
                self.skipped[reason] += 1
            else:
                kept.append(fact)
        if report is None and not kept:
            return None
        named = [n for n in names if n.stix_id not in text.entities]
        if named:
            pieces: list[str | Node] = ["Also named: "]
            for i, node in enumerate(named):
                pieces += [node] if i == 0 else ["; ", node]
            text.line(pieces)
        self.used_nodes |= set(text.entities)
        record.document = self._info(doc_id, head, report, text.text())
        record.sentences = text.sentences
        record.entities = list(text.entities.values())
        levels = [self.tlp(report)] if report else []
        levels += [self.fact_tlp(f, report) for f in kept]
        if report is None:  # no report marks what it names: the marks of the people, groups and places count too
            levels += [self.tlp(self.bundle.objects[i]) for i in text.entities if i in self.bundle.objects]
        return PartnerDocument(record, tlp_strictest(levels), [o["id"] for o in ([report] if report else []) + kept])

    def _info(self, doc_id: str, head: dict[str, Any], report: dict[str, Any] | None, text: str) -> DocumentInfo:
        refs = [r for r in (head.get("external_references") or []) if isinstance(r, dict)]
        url = next((_text(r.get("url")) for r in refs if _text(r.get("url"))), None)
        creator = self.bundle.objects.get(head.get("created_by_ref") or "")
        publisher = (_text(creator.get("name")) if report and creator else "") or \
            next((_text(r.get("source_name")) for r in refs if _text(r.get("source_name"))), "") or self.partner
        if report:
            title = _text(report.get("name")) or None
            published = stix_day(report.get("published"))
        else:
            title = f"{self.partner}: {head['type']}"
            published = stix_day(head.get("first_seen") or head.get("created"))
        return DocumentInfo(doc_id, title, publisher, url, published, text, origin=f"{self.bundle.path}#{head['id']}",
                            format="stix")

    def _node(self, ref: Any, kinds: tuple[str, ...]) -> Node | str:
        """The node `ref` names, or why not."""
        node = self.nodes.get(ref) if isinstance(ref, str) else None
        if node is None:
            return "dangling reference (an object neither in the bundle nor imported before)"
        if node.kind not in kinds:
            return "reference to an object of the wrong kind"
        return node

    def _words_only(self, obj: dict[str, Any]) -> bool:  # a sighting with no location (partner_places.py)
        return False

    def _sighting(self, text: _Text, record: Record, obj: dict[str, Any]) -> str | None:
        ext = self.extension(obj)
        who = self._node(obj.get("sighting_of_ref"), ("person", "org"))
        if isinstance(who, str):
            return f"sighting: {who}"
        places: list[tuple[str, Node, str | None]] = []
        for p in ext.get("places") or [{"role": "location", "location_ref": r} for r in
                                      obj.get("where_sighted_refs") or [] if r.startswith("location--")]:
            place = self._node(p.get("location_ref"), ("place",)) if isinstance(p, dict) else "malformed place"
            if isinstance(place, str):
                return f"sighting: {place}"
            if p.get("role") in ("location", "origin", "destination", "via"):
                places.append((p["role"], place, _text(p.get("text")) or None))
        if not places and not self._words_only(obj):
            return "sighting: no place"
        event_type = _text(ext.get("event_type")) or "SIGHTED"
        modality = ext.get("modality") if ext.get("modality") in MODALITIES else "asserted"
        trigger = _text(ext.get("trigger")) or "sighted"
        lead = _text(ext.get("lead"))  # our report's words before the trigger: "was travelling" is under way
        pieces: list[str | Node] = [who, f" — {lead} " if lead else " — ", trigger, f" ({event_type}, {modality})"]
        for i, (role, place, _said) in enumerate(places):
            pieces += [" — " if i == 0 else "; ", f"{role}: ", place]
        index, _start, _end, spans = text.line(pieces)
        role = ROLE_OF.get(ext.get("role") or "actor", "actors")
        args: dict[str, list[dict[str, Any]]] = {r: [] for r in ("actors", "targets", "location", "origin",
                                                                  "destination", "via")}
        args[role].append({"text": who.name, "entity": text.entity(who).id, "kind": "named"})
        for role_name, place, said in places:
            args[role_name].append({"text": said or place.name, "entity": text.entity(place).id})
        said_by = _text(ext.get("said_by"))
        record.events.append({
            "type": event_type, "plover": _plover(event_type), "trigger": trigger, **args,
            "time": event_time(ext.get("when"), obj), "modality": modality,
            "attribution": {"speaker": {"text": said_by, "entity": None, "kind": "described"}, "cue": None}
            if said_by else None,
            "sentence": index, "start": spans[2][0], "end": spans[2][1], "confidence": 1.0,
            "why": [f"reported by partner {self.partner} ({obj['id']})"],
            "reported_by": self.reported_by(obj, ext)})
        return None

    def _note(self, text: _Text, record: Record, obj: dict[str, Any]) -> str | None:
        content = _text(obj.get("content"))
        if not content:
            return "note without content"
        ext = self.extension(obj)
        authors = obj.get("authors") if isinstance(obj.get("authors"), list) else []
        speaker = _text(ext.get("said_by")) or (_text(authors[0]) if authors else "") or self.partner
        about = [self.nodes[r] for r in obj.get("object_refs") or [] if r in self.nodes]
        spoke = next((n for n in about if n.kind != "place" and n.name.casefold() == speaker.casefold()), None)
        cue = _text(ext.get("cue")) or "said"
        head: list[str | Node] = [spoke if spoke else speaker, f" ({cue}): "]
        pieces = head + _named_in(content, [n for n in about if n is not spoke])
        index, _start, end, spans = text.line(pieces)
        modality = ext.get("modality") if ext.get("modality") in MODALITIES else "asserted"
        record.claims.append({
            "speaker": {"text": speaker, "entity": text.entity(spoke).id if spoke else None,
                        "kind": "named" if spoke else "described"},
            "cue": cue, "content": content, "medium": _text(ext.get("medium")) or None, "sentence": index,
            "start": spans[2][0], "end": end, "modality": modality, "confidence": 1.0,
            "why": [f"reported by partner {self.partner} ({obj['id']})"], "reported_by": self.reported_by(obj, ext)})
        return None

    def _relation(self, text: _Text, record: Record, obj: dict[str, Any]) -> str | None:
        ext = self.extension(obj)
        words = [w.strip() for w in _text(obj.get("description")).lower().split(",") if w.strip()]
        named = [w for w in ext.get("relations") or [] if isinstance(w, str)] or words  # ours names the types
        typed = next((RELATION_WORDS[w] for w in named if w in RELATION_WORDS), None)
        kind = RELATION_OF.get(obj.get("relationship_type") or "")
        if obj.get("relationship_type") == "related-to" and typed in ("FAMILY", "SPOUSE"):
            kind = typed
        if kind is None:
            return f"relationship {str(obj.get('relationship_type'))[:30]} not imported"
        if typed and (kind == "MEMBER") == (typed in ("MEMBER", "POSITION")):
            kind = typed
        subject = self._node(obj.get("source_ref"), ("person", "org"))
        target = self._node(obj.get("target_ref"), ("person", "org"))
        for end_ in (subject, target):
            if isinstance(end_, str):
                return f"relationship: {end_}"
        assert isinstance(subject, Node) and isinstance(target, Node)
        roles = [r for r in ext.get("roles") or [] if isinstance(r, str)] if "roles" in ext else \
            [w for w in words if w not in RELATION_WORDS]  # our extension names the roles; else the description
        role = _text(roles[0]) if len(roles) == 1 else None
        index, start, end, _spans = text.line([subject.name if subject.described else subject,
                                               f" — {obj['relationship_type']} — ",
                                               target.name if target.described else target])
        record.relations.append({
            "type": kind, "subject": _end(text, subject), "object": _end(text, target), "role": role,
            "sentence": index, "start": start, "end": end, "confidence": 1.0,
            "why": [f"reported by partner {self.partner} ({obj['id']})"], "reported_by": self.reported_by(obj, ext)})
        return None


def _end(text: _Text, node: Node) -> dict[str, Any]:
    """A relation's end: the entity a node becomes, or a described end's words alone."""
    return {"text": node.name, "entity": None if node.described else text.entity(node).id}


MODALITIES = ("asserted", "attempted", "hedged", "intended", "future", "negated", "conditional")


def _named_in(content: str, nodes: list[Node]) -> list[str | Node]:
    """`content` as pieces, each first occurrence of a node's name a Node (so the claim mentions it)."""
    found = sorted((content.find(n.name), n) for n in nodes if n.name and content.find(n.name) >= 0)
    pieces: list[str | Node] = []
    at = 0
    for pos, node in found:
        if pos < at:
            continue
        pieces += [content[at:pos], node]
        at = pos + len(node.name)
    pieces.append(content[at:])
    return [p for p in pieces if p != ""]


def _plover(event_type: str) -> str:
    spec = load_yaml("events.yaml").get(event_type)
    return str(spec.get("plover", "OTHER")) if isinstance(spec, dict) else "OTHER"
