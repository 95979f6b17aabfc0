"""The objects one exported document gives (exports/stix.py writes them in its second pass, a document at a time):
one `sighting` per participant of an event with a place (a person, a group, or a place the report makes an actor or
target: `sighting_of_ref` may be any SDO), a `note` per claim, and the document's `report`. A place the report
names that no location stands for (no gazetteer entry: "Idlib province") goes as words only (`unplaced`: role,
text, position among the role's places); an event whose places are all such words is a sighting with no
`where_sighted_refs` (STIX 2.1 makes them optional), so "crossed into Idlib province" still reaches the partner's
heading lines.

Each is graded as `profile` grades what it shows, so a partner's store shows the same: a sighting's credibility
counts the other publishers reporting that participant in the same kind of event (a where line's grade), only
among the documents the export may use. A denied event is a sighting with `count` 0 (sighted no time), a
conditional one has the grade that cannot be judged (no `confidence`): a reader without our extension never takes
either for a sighting that happened, and ours reads the modality back.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from newsintel import datevalues
from newsintel.exports.stix_objects import (
    EPOCH,
    EXTENSION,
    PRODUCER,
    Behind,
    finish,
    publisher_id,
    publisher_of,
    stix_id,
    timestamp,
)
from newsintel.facts import ClaimRecord, EventRecord
from newsintel.store.sharing import credibility, independent_confirmations, stix_confidence

SIGHTED_MODALITIES = ("asserted", "attempted", "hedged", "intended", "future", "negated", "conditional")
UNSEEN_MODALITIES = ("negated",)  # the report denies it: `count` 0, the modality kept in our extension
PLACE_ROLES = ("location", "origin", "destination", "via")
LEAD_WORDS = 2  # words before a trigger that go with it: an auxiliary and one word between ("was still heading")


def lead_words(text: str, sentence_start: int, trigger_start: int) -> str | None:
    """The report's words just before an event's trigger in its sentence ("was travelling", "were still heading"):
    the views read from them whether a movement was under way (its destination not reached), so a partner's store
    that writes them before the trigger reads the movement as ours does."""
    words = text[sentence_start:trigger_start].split()[-LEAD_WORDS:] if 0 <= sentence_start <= trigger_start else []
    return " ".join(words) or None


class DocumentObjects:
    """Sightings, notes and reports of the documents an export may use (`may_use`); `contradicted`: (document,
    sentence) of figures another report disagrees with."""

    def __init__(self, conn: Any, may_use: set[str], contradicted: set[tuple[str, int]],
                 with_peers: set[str] | None = None) -> None:
        self.conn = conn
        self.may_use = may_use
        self.contradicted = contradicted
        self.with_peers = with_peers  # documents whose story holds another one it may use (None: not known)

    def grades(self, doc: dict[str, Any], modality: str | None, sentence: int | None, entities: list[str],
               event_type: str | None = None) -> dict[str, Any]:
        """Credibility (confirmed by other publishers of the story reporting `entities` in an event of
        `event_type`, among the exported documents), the document's source reliability, and STIX confidence."""
        alone = self.with_peers is not None and doc["id"] not in self.with_peers  # no one else could confirm it
        confirmations = (independent_confirmations(self.conn, doc["id"], event_type, entities, self.may_use)
                         if event_type and entities and not alone else 0)
        grade = credibility(modality, confirmations, (doc["id"], sentence) in self.contradicted)
        return {"credibility": grade, "source_reliability": doc["reliability"], "confidence": stix_confidence(grade)}

    @staticmethod
    def when(fact: EventRecord, doc: dict[str, Any]) -> dict[str, Any]:
        """When the event was, as the views date it: its own time, else the report's day, unless it is undated."""
        time = fact.get("time") or {}
        value = time.get("value") if time.get("value") and datevalues.precision_of(time.get("value")) else None
        by = "event" if value else "report"
        if value is None and not time.get("undated"):
            value = (doc["published"] or "")[:10] or None
        first, _, last = (value or "").partition("/")
        undated = "undated" if time.get("undated") else None  # our import keeps it undated (not the report's day)
        return {"text": time.get("text"), "value": value, "dated_by": by if value else undated,
                "precision": (time.get("precision") or datevalues.precision_of(value)) if value else None,
                "first": first[:10] or None, "last": (last or first)[:10] or None}

    def sightings(self, doc: dict[str, Any], fact: EventRecord, entity_ref: dict[str, str],
                  lead: str | None = None) -> Iterator[dict[str, Any]]:
        """One sighting per participant of an event with a place, where and when, graded for that participant;
        `lead`: the report's words before the trigger (`lead_words`)."""
        modality = fact.get("modality") or "asserted"
        if modality not in SIGHTED_MODALITIES:
            return
        places = [(role, entity_ref[a["entity"]], a.get("text")) for role in PLACE_ROLES
                  for a in fact.get(role) or [] if a.get("entity") in entity_ref
                  and entity_ref[a["entity"]].startswith("location--")]
        unplaced = [{"role": role, "text": a["text"], "at": at} for role in PLACE_ROLES
                    for at, a in enumerate(fact.get(role) or []) if a.get("text")
                    and not entity_ref.get(a.get("entity") or "", "").startswith("location--")]
        if not (places or unplaced):  # placed nowhere: no where or heading line shows it
            return
        when = self.when(fact, doc)
        said = ((fact.get("attribution") or {}).get("speaker") or {}).get("text")
        for role in ("actors", "targets"):
            for arg in fact.get(role) or []:
                ref = entity_ref.get(arg.get("entity") or "")  # a place taking part too ("Kosovo repatriated ...")
                if ref is None:
                    continue
                key = f"{doc['id']}:{fact['start']}:{fact['end']}:{fact['type']}:{ref}:{role}"
                grades = self.grades(doc, modality, fact.get("sentence"), [arg["entity"]], fact["type"])
                obj: dict[str, Any] = {
                    "type": "sighting", "id": stix_id("sighting", key), "created_by_ref": PRODUCER,
                    "sighting_of_ref": ref, "where_sighted_refs": sorted({p[1] for p in places}),
                    "description": f"{fact['type']} ({modality}): {fact.get('trigger')}",
                    "extensions": {EXTENSION: {
                        "extension_type": "property-extension", "event_type": fact["type"],
                        "trigger": fact.get("trigger"), "modality": modality, "role": role.rstrip("s"),
                        "places": [{"role": r, "location_ref": p, "text": t} for r, p, t in places],
                        "unplaced": unplaced,
                        "when": {k: v for k, v in when.items() if k in ("text", "value", "precision", "dated_by")},
                        "said_by": said, "lead": lead, "credibility": grades["credibility"],
                        "source_reliability": grades["source_reliability"]}}}
                if modality in UNSEEN_MODALITIES:
                    obj["count"] = 0
                if when["first"]:
                    obj["first_seen"] = when["first"] + "T00:00:00.000Z"
                    obj["last_seen"] = (when["last"] or when["first"]) + "T23:59:59.999Z"
                if grades["confidence"] is not None:
                    obj["confidence"] = grades["confidence"]
                yield finish(obj, Behind.of(doc))

    def note(self, doc: dict[str, Any], fact: ClaimRecord, entity_ref: dict[str, str]) -> dict[str, Any]:
        """A claim: its words, its speaker (the person or group when resolved), cue, medium and grades."""
        speaker = fact.get("speaker") or {}
        grades = self.grades(doc, fact.get("modality"), fact.get("sentence"), [])
        refs = {stix_id("report", doc["id"])}
        if speaker.get("entity") in entity_ref:
            refs.add(entity_ref[speaker["entity"]])
        obj: dict[str, Any] = {
            "type": "note", "id": stix_id("note", f"{doc['id']}:{fact['start']}:{fact['end']}"),
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
        return finish(obj, Behind.of(doc))

    def report(self, doc: dict[str, Any], refs: set[str]) -> dict[str, Any]:
        """The document's `report`: its title, publisher, date and URL, naming everything that came from it."""
        publisher = publisher_of(doc)
        author = publisher_id(publisher)
        reference: dict[str, Any] = {"source_name": publisher, "external_id": doc["id"]}
        if doc["url"]:
            reference["url"] = doc["url"]
        return finish({
            "type": "report", "id": stix_id("report", doc["id"]), "created_by_ref": author,
            "name": doc["title"] or f"Report {doc['id']}",
            "published": timestamp(doc["published"]) or timestamp(doc["ingested_at"]) or EPOCH,
            "report_types": ["threat-report"], "object_refs": sorted(refs) or [author],
            "external_references": [reference],
            "extensions": {EXTENSION: {"extension_type": "property-extension", "source": doc["handling_source"],
                                       "source_reliability": doc["reliability"],
                                       "unnamed_publisher": True if not doc["source"] else None,
                                       "undated_report": True if not doc["published"] else None}}}, Behind.of(doc))
