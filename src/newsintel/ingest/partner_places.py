"""Places that take part in what newsintel's own export sends (issue 14 item 3), read back by `newsintel import`.

Our reports make a place an actor or a target ("Kosovo repatriated 11 citizens", "Bulgaria handed him over") and
an end of a relation ("spokesman of Kosovo"); exports/stix_facts.py sends those as a sighting of the location and
exports/stix.py as a relationship to it, with our extension saying the role. `PartnerMapper` reads them so, and
only from objects that carry our extension: another partner's sighting of a location or membership in one keeps
meaning nothing to us (ingest/partner_records.py refuses it as "an object of the wrong kind").
A place our report named that no location stands for comes as words only (our extension's `unplaced`: role, text,
position among the role's places) and goes back into the event at its position, so the heading reads as ours.
An event whose places are all such words comes as a sighting with no location and is read so, from us only.
A location's GeoNames id (an external reference, from any partner: a street the reports placed at its town is found
again that way, not by its name) is kept for store/partner_import.py to check against the gazetteer.
A relationship's end our report described instead of naming ("spokesman for the police") comes as an identity our
extension marks `described`; it goes back as the relation's words with no entity, so no profile ever shows a
description as a named person or group, and nothing but our own relationship may refer to it.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from newsintel.ingest.partner_bundle import Bundle, one_line
from newsintel.ingest.partner_records import Mapper, Node

PARTICIPANT_KINDS = ("person", "org")
PLACE_ROLES = ("location", "origin", "destination", "via")
GEONAMES = "geonames"  # exports/stix.py: a location's external reference to its GeoNames id


class PartnerMapper(Mapper):
    """`Mapper`, with a place accepted where a person or group is, in objects our extension describes, and a
    location's GeoNames id (an external reference, any partner's) kept for store/partner_import.py to check."""

    _places_take_part = False
    _ends_described = False

    def __init__(self, bundle: Bundle, partner: str, unmarked_tlp: str, floor_tlp: str | None = None,
                 known: dict[str, dict[str, Any]] | None = None) -> None:
        super().__init__(bundle, partner, unmarked_tlp, floor_tlp, known)
        for obj in [*(known or {}).values(), *bundle.of_type("location")]:
            node = self.nodes.get(obj.get("id"))
            if node is not None and node.geo is not None and (geonameid := geonames_id(obj)):
                node.geo["geonameid"] = geonameid
        self.described = {obj["id"]: Node(obj["id"], "described", one_line(obj.get("name")), described=True)
                          for obj in bundle.of_type("identity")
                          if self.extension(obj).get("described") is True and one_line(obj.get("name"))}
        for stix_id in self.described:  # never an entity, whatever class it claims
            self.nodes.pop(stix_id, None)

    def _node(self, ref: Any, kinds: tuple[str, ...]) -> Node | str:
        if self._ends_described and isinstance(ref, str) and ref in self.described:
            return self.described[ref]
        if self._places_take_part and kinds == PARTICIPANT_KINDS:
            kinds = (*PARTICIPANT_KINDS, "place")
        return super()._node(ref, kinds)

    def _ours(self, add: Callable[..., str | None], text: Any, record: Any, obj: dict[str, Any]) -> str | None:
        self._places_take_part = bool(self.extension(obj))
        try:
            return add(text, record, obj)
        finally:
            self._places_take_part = False

    def _sighting(self, text: Any, record: Any, obj: dict[str, Any]) -> str | None:
        reason = self._ours(super()._sighting, text, record, obj)
        unplaced = self.extension(obj).get("unplaced")
        if reason is None and isinstance(unplaced, list):
            _insert_unplaced(record.events[-1], unplaced)
        return reason

    def _words_only(self, obj: dict[str, Any]) -> bool:
        unplaced = self.extension(obj).get("unplaced")
        return isinstance(unplaced, list) and any(
            isinstance(u, dict) and u.get("role") in PLACE_ROLES and one_line(u.get("text")) for u in unplaced)

    def _relation(self, text: Any, record: Any, obj: dict[str, Any]) -> str | None:
        if all(isinstance(obj.get(end), str) and obj[end] in self.described for end in ("source_ref", "target_ref")):
            return "relationship: between two descriptions"
        self._ends_described = bool(self.extension(obj))
        try:
            return self._ours(super()._relation, text, record, obj)
        finally:
            self._ends_described = False


def _insert_unplaced(event: dict[str, Any], unplaced: list[Any]) -> None:
    """Each well-formed `unplaced` entry into the event's place role at its position (in order, so the located
    places keep theirs); a text only, as the report's words."""
    for item in sorted((u for u in unplaced if isinstance(u, dict)), key=lambda u: (
            str(u.get("role")), u.get("at") if isinstance(u.get("at"), int) else 1 << 30)):
        words = one_line(item.get("text"))
        if item.get("role") not in PLACE_ROLES or not words:
            continue
        at = item.get("at") if isinstance(item.get("at"), int) and item["at"] >= 0 else len(event[item["role"]])
        event[item["role"]].insert(at, {"text": words, "entity": None})


def geonames_id(obj: dict[str, Any]) -> int | None:
    """The GeoNames id a location's external references give, if one well-formed one does."""
    refs = obj.get("external_references")
    for ref in refs if isinstance(refs, list) else []:
        if isinstance(ref, dict) and one_line(ref.get("source_name")).casefold() == GEONAMES:
            value = one_line(ref.get("external_id"))
            if value.isdigit() and 0 < len(value) <= 12:
                return int(value)
    return None

