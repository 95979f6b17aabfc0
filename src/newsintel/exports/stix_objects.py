"""The fixed parts of newsintel's STIX 2.1 bundles (exports/stix.py): ids, timestamps, the OASIS TLP 2.0 marking
definitions, newsintel's producer identity and its grading extension definition.

Ids are UUIDv5 over stable keys in newsintel's own namespace, so the same store gives the same ids and a partner
can re-import an update (ingest/partner_records.py recognises our extension by its id).
"""

from __future__ import annotations

import uuid
from collections import Counter
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

from newsintel.store.sharing import strictest

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
EXTENSION_MODIFIED = "2026-12-07T19:00:00.000Z"  # version 1.2.0 of the extension definition: `described`, `lead` added
DESCRIBED = "described:"  # the key of a relation's end that a report describes instead of naming


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
    """STIX forbids null properties and empty lists (the 2.1 schemas reject them: a relationship with no roles
    failed stix2-validator), so an unknown value or an empty list is left out, at any depth."""
    if isinstance(value, dict):
        return {k: without_nulls(v) for k, v in value.items() if v is not None and v != []}
    if isinstance(value, list):
        return [without_nulls(v) for v in value if v is not None]
    return value


def described_key(named: str, words: str) -> str:
    """The key of a relation's end no identity stands for: its words, kept apart per identity at the other end (the
    police one spokesman serves is not said to be another's)."""
    return f"{DESCRIBED}{named}:{words}"


def is_described(key: str) -> bool:
    return key.startswith(DESCRIBED)


def described_object(key: str, ref: str, behind: Behind) -> dict[str, Any]:
    """A described end as STIX: an identity of class `unspecified` (a description says nothing of what it is),
    named by the report's words and marked `described` in our extension, so our import keeps it words; a reader
    without the extension reads its description."""
    words = key.split(":", 2)[2]
    return finish({"type": "identity", "id": ref, "name": words, "identity_class": "unspecified",
                   "created_by_ref": PRODUCER,
                   "description": "Not a named identity: the words a report describes this end of a relationship "
                                  "with.",
                   "extensions": {EXTENSION: {"extension_type": "property-extension", "described": True}}}, behind)


def publisher_of(doc: dict[str, Any]) -> str:
    """Who published an exported document: its own publisher, else the source it came from."""
    return doc["source"] or doc["handling_source"]


def publisher_id(publisher: str) -> str:
    return stix_id("identity", f"publisher:{publisher}")


@dataclass
class Selection:
    """What `newsintel export stix` exports (exports/stix.py)."""

    tlp_max: str = "clear"
    identity: str | None = None  # only documents naming this identity (cli resolves --name)
    story: int | None = None
    since: str | None = None


@dataclass
class Behind:
    """What an object of the bundle takes from the documents behind it: their strictest TLP, first and last
    ingest time."""

    level: str = "clear"
    first: str | None = None
    last: str | None = None
    last_doc: str = ""

    @classmethod
    def of(cls, doc: dict[str, Any]) -> Behind:
        """What one document's own objects (its sightings, notes, report) take from it."""
        behind = cls()
        behind.add(doc)
        return behind

    def add(self, doc: dict[str, Any]) -> bool:
        """Count `doc` in; False when it was the last one counted (facts of a document are read together)."""
        if doc["id"] == self.last_doc:
            return False
        self.last_doc = doc["id"]
        self.level = strictest([self.level, doc["tlp"]])
        moment = timestamp(doc["ingested_at"]) or EPOCH
        self.first = moment if self.first is None else min(self.first, moment)
        self.last = moment if self.last is None else max(self.last, moment)
        return True


@dataclass
class Node(Behind):
    """A person, group or place of the bundle, gathered from the entities of the exported documents."""

    kind: str = ""
    names: Counter = field(default_factory=Counter)
    point: tuple[float, float] | None = None
    country: str | None = None
    geonameid: int | None = None  # of the entity that gave the point
    stored: str = ""  # the identity's name in the store
    context: set[str] = field(default_factory=set)  # names of the countries the exported documents naming it place

    def name(self) -> str:
        """The store's name when the exported documents use that spelling (so a partner's profile finds it under
        the same name), else the spelling they use most; never a name only a withheld document gives. A group
        the store names with its report's country ("Interior Ministry (Austria)", resolve/org_context.py) keeps
        that name when the documents spell the rest and place something in that country: a partner's store
        cannot read the country again from the exported facts, and without it two countries' bodies become one."""
        stored = self.stored.split(", ")[0]  # a place's stored name carries its country ("Raqqa, Syria")
        if stored in self.names:
            return stored
        spelled, _, country = self.stored.partition(" (")
        if self.kind == "org" and country.endswith(")") and spelled in self.names and country[:-1] in self.context:
            return self.stored
        return min(self.names, key=lambda n: (-self.names[n], n))


@dataclass
class Link(Behind):
    """A relationship between two nodes, gathered from every relation fact stating it."""

    reports: int = 0
    publishers: set[str] = field(default_factory=set)
    reliability: str = "F"
    types: set[str] = field(default_factory=set)
    roles: set[str] = field(default_factory=set)
    grades: set[int] = field(default_factory=set)  # each stating fact's credibility, as the views grade it


@dataclass
class Story(Behind):
    documents: list[str] = field(default_factory=list)


def fixed_objects() -> list[dict[str, Any]]:
    """The extension definition and the producer identity, marked clear (their marking is written first)."""
    marks = [TLP2_MARKINGS["clear"]]
    extension = {
        "type": "extension-definition", "spec_version": "2.1", "id": EXTENSION, "created": EPOCH,
        "modified": EXTENSION_MODIFIED, "created_by_ref": PRODUCER, "name": "newsintel fact grading",
        "description": "How newsintel read a fact from its report: event type, trigger, modality (asserted, "
                       "hedged, attempted, intended, future, negated, conditional), the participant's role, "
                       "its places by role, when, who said it, and the Admiralty grades: information "
                       "credibility 1-6 and source reliability A-F.",
        "schema": "event_type, trigger, modality, role, places [{role, location_ref, text}], unplaced [{role, text, "
                  "at}] (a place named that no location stands for, at its position among the role's places), "
                  "when {text, value, "
                  "precision, dated_by}, said_by, lead (the report's words before the trigger), cue, medium, source, "
                  "reports, relations [], roles []: "
                  "strings/integers as named; described: true on an identity that is a report's description of "
                  "a relationship's end, not a named person or group; "
                  "credibility: integer 1-6; source_reliability: one of A-F (newsintel data/credibility.yaml)",
        "version": "1.2.0", "extension_types": ["property-extension"], "object_marking_refs": marks}
    producer = {"type": "identity", "spec_version": "2.1", "id": PRODUCER, "created": EPOCH, "modified": EPOCH,
                "name": "newsintel", "identity_class": "system", "object_marking_refs": marks}
    return [extension, producer]


def finish(obj: dict[str, Any], behind: Behind) -> dict[str, Any]:
    """`obj` marked with the strictest TLP of the documents behind it, created/modified at their ingest times."""
    return {"spec_version": "2.1", "created": behind.first or EPOCH, "modified": behind.last or EPOCH,
            **without_nulls(obj), "object_marking_refs": [TLP2_MARKINGS[behind.level]]}
