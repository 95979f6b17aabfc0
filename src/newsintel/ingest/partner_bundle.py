"""Reading a partner's STIX 2.1 bundle for `newsintel import` (issue 14 item 3): checks before anything is stored.

Pure and SQL-free. `read_bundle` refuses, with one line naming the file and the reason, what cannot be a bundle to
import: a file over the size bound (checked before a byte is parsed, so a 100 MB file costs nothing), a file that is
not JSON, JSON that is not a bundle, a STIX 2.0 bundle (its `spec_version` on the bundle, or no STIX 2.1 object in
it). Objects it cannot use are counted by reason and left out, never an error: an unknown type, an object that is
not STIX 2.1, one without a valid id. Also here: the TLP a marking stands for (TLP 2.0 and 1.0), the references a
bundle makes to objects it does not hold, who made it, and the values objects carry (a STIX timestamp as a day, a
sighting's time, `confidence` as a credibility grade). What the objects mean: ingest/partner_records.py.

Plain JSON and our own checks rather than `stix2.parse`: stix2 refuses a whole bundle for one bad object (a partner's
bundle would then import nothing where one object could be skipped), and builds an object per STIX object.
"""

from __future__ import annotations

import json
import re
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from newsintel import datevalues
from newsintel.ingest.discover import display_path
from newsintel.resources import load_yaml

DEFAULT_MAX_BYTES = 50 * 1024 * 1024
KNOWN_TYPES = ("identity", "threat-actor", "intrusion-set", "location", "relationship", "sighting", "note", "report",
               "grouping", "marking-definition", "extension-definition")
_ID = re.compile(r"^([a-z][a-z0-9-]*)--[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$")

TLP_ORDER = ("clear", "green", "amber", "amber+strict", "red")  # as store/sharing.TLP_LEVELS (a test checks)
TLP_MARKING_IDS = {  # OASIS TLP 2.0 and STIX 2.1's TLP 1.0 marking definitions (fixed, published ids)
    "marking-definition--94868c89-83c2-464b-929b-a1a8aa3c8487": "clear",
    "marking-definition--bab4a63c-aed9-4cf5-a766-dfca5abac2bb": "green",
    "marking-definition--55d920b0-5e8b-4f79-9ee9-91f868d9b421": "amber",
    "marking-definition--939a9414-2ddd-4d32-a0cd-375ea402b003": "amber+strict",
    "marking-definition--e828b379-4e03-4974-9ac4-e53a884c97c1": "red",
    "marking-definition--613f2e26-407d-48c7-9eca-b8e91df99dc9": "clear",  # TLP 1.0 white
    "marking-definition--34098fce-860f-48ae-8e50-ebd3cc5e41da": "green",
    "marking-definition--f88d31f6-486f-44da-b317-01333bde0b82": "amber",
    "marking-definition--5e57c739-391a-4eb3-b6be-7d15ca92d5ed": "red",
}
NODE_TYPES = ("identity", "threat-actor", "intrusion-set", "location")  # people, groups, places


class BundleError(Exception):
    """A file that cannot be imported at all; the message is one line naming the file and why."""


@dataclass
class Bundle:
    """The usable STIX 2.1 objects of one bundle, by id in file order, and what was left out and why."""

    path: str
    objects: dict[str, dict[str, Any]] = field(default_factory=dict)
    read: int = 0  # objects in the file
    skipped: Counter = field(default_factory=Counter)

    def of_type(self, *types: str) -> list[dict[str, Any]]:
        return [o for o in self.objects.values() if o["type"] in types]


def read_bundle(path: str | Path, max_bytes: int = DEFAULT_MAX_BYTES) -> Bundle:
    """The bundle at `path`, checked; `BundleError` (one line) when it cannot be imported."""
    path = Path(path)
    shown = display_path(path)
    try:
        info = path.stat()
    except OSError as err:
        raise BundleError(f"{shown}: cannot read the bundle ({err.strerror or err})") from None
    if not path.is_file():
        raise BundleError(f"{shown}: not a regular file, so not a bundle")
    if info.st_size > max_bytes:
        raise BundleError(f"{shown}: bundle is {info.st_size:,} bytes, over the {max_bytes:,}-byte limit "
                          "(--max-bytes); nothing imported")
    try:
        data = json.loads(path.read_bytes().decode("utf-8"))
    except UnicodeDecodeError as err:
        raise BundleError(f"{shown}: not UTF-8 text (byte {err.start}); nothing imported") from None
    except json.JSONDecodeError as err:
        raise BundleError(f"{shown}: not JSON ({err.msg} at line {err.lineno} column {err.colno}); "
                          "nothing imported") from None
    except OSError as err:
        raise BundleError(f"{shown}: cannot read the bundle ({err.strerror or err})") from None
    return check_bundle(data, shown)


def check_bundle(data: Any, shown: str) -> Bundle:
    """The usable objects of parsed JSON `data` (see the module docstring for what is refused or skipped)."""
    if not isinstance(data, dict) or data.get("type") != "bundle" or not isinstance(data.get("objects", []), list):
        raise BundleError(f"{shown}: not a STIX bundle (a JSON object with \"type\": \"bundle\" and a list of "
                          "\"objects\"); nothing imported")
    if "spec_version" in data:  # STIX 2.0 put the version on the bundle; 2.1 puts it on every object
        raise BundleError(f"{shown}: a STIX {str(data['spec_version'])[:10]} bundle; newsintel imports STIX 2.1 "
                          "only; nothing imported")
    bundle = Bundle(shown)
    for obj in data.get("objects") or []:
        bundle.read += 1
        reason = _unusable(obj)
        if reason:
            bundle.skipped[reason] += 1
            continue
        earlier = bundle.objects.get(obj["id"])
        if earlier is not None:  # the same object twice: the later version wins
            bundle.skipped["older version of an object in the bundle"] += 1
            if str(earlier.get("modified", "")) > str(obj.get("modified", "")):
                continue
        bundle.objects[obj["id"]] = obj
    if not bundle.objects and bundle.skipped.get("not STIX 2.1 (no spec_version 2.1)"):
        raise BundleError(f"{shown}: no STIX 2.1 object (a STIX 2.0 bundle?); newsintel imports STIX 2.1 only; "
                          "nothing imported")
    return bundle


def _unusable(obj: Any) -> str | None:
    """Why an object is left out, or None when it can be read."""
    if not isinstance(obj, dict) or not isinstance(obj.get("type"), str) or not isinstance(obj.get("id"), str):
        return "malformed object (no type or id)"
    match = _ID.match(obj["id"])
    if not match or match[1] != obj["type"]:
        return "malformed id"
    if obj.get("spec_version") != "2.1":
        return "not STIX 2.1 (no spec_version 2.1)"
    if obj["type"] not in KNOWN_TYPES:
        return f"type {obj['type'][:40]} not imported"
    return None


def tlp_strictest(levels: list[str]) -> str:
    return max(levels, key=TLP_ORDER.index, default="clear")


def marking_level(marking: dict[str, Any]) -> str | None:
    for ext in (marking.get("extensions") or {}).values():
        if isinstance(ext, dict) and ext.get("tlp_2_0") in TLP_ORDER:
            return ext["tlp_2_0"]
    if marking.get("definition_type") == "tlp":
        level = str((marking.get("definition") or {}).get("tlp", "")).lower()
        return "clear" if level == "white" else level if level in TLP_ORDER else None
    return None


def missing_references(bundle: Bundle) -> set[str]:
    """Ids of people, groups and places the bundle's facts refer to but do not hold (maybe sent earlier)."""
    refs: set[str] = set()
    for obj in bundle.of_type("sighting", "relationship", "note", "report"):
        refs.update(r for r in (obj.get("sighting_of_ref"), obj.get("source_ref"), obj.get("target_ref"))
                    if isinstance(r, str))
        for key in ("where_sighted_refs", "object_refs"):
            refs.update(r for r in obj.get(key) or [] if isinstance(r, str))
        for ext in (obj.get("extensions") or {}).values():
            if isinstance(ext, dict):
                refs.update(p["location_ref"] for p in ext.get("places") or []
                            if isinstance(p, dict) and isinstance(p.get("location_ref"), str))
    return {r for r in refs if r.split("--")[0] in NODE_TYPES and r not in bundle.objects}


def bundle_creator(bundle: Bundle) -> str | None:
    """The name of the identity that created most of the bundle's objects (the partner, when it says so)."""
    made = Counter(o.get("created_by_ref") for o in bundle.objects.values() if o.get("created_by_ref"))
    for ref, _n in made.most_common():
        name = one_line((bundle.objects.get(ref) or {}).get("name"))
        if name:
            return name
    return None


def one_line(value: Any) -> str:
    """Untrusted text as one line ("" when not text): stored and shown as data, never run."""
    return " ".join(value.split()) if isinstance(value, str) else ""


def credibility_of_confidence(confidence: Any) -> int:
    """The Admiralty credibility a STIX `confidence` (0-100) stands for: the best grade whose confidence
    (data/credibility.yaml `stix_confidence`) it reaches; none given: cannot be judged."""
    rules = load_yaml("credibility.yaml")
    if not isinstance(confidence, int) or isinstance(confidence, bool):
        return int(rules["unknown"])
    reached = [int(g) for g, v in rules["stix_confidence"].items() if v is not None and confidence >= int(v)]
    return min(reached) if reached else int(rules["unknown"])


def stix_day(value: Any) -> str | None:
    """A STIX timestamp as the store keeps publication dates: the day alone when it is midnight UTC."""
    if not isinstance(value, str) or len(value) < 10:
        return None
    if value[10:].rstrip("Z").rstrip("0").rstrip(".") in ("", "T00:00:00"):
        return value[:10]
    return value.rstrip("Z")


def event_time(when: Any, obj: dict[str, Any]) -> dict[str, Any] | None:
    """The event's own time: our extension's (None when the report's date stood for it), else first/last seen."""
    if isinstance(when, dict):
        if when.get("dated_by") != "event" or not when.get("value"):
            return None
        value = str(when["value"])
        return {"text": one_line(when.get("text")) or None, "value": value,
                "precision": when.get("precision") or datevalues.precision_of(value)}
    first, last = stix_day(obj.get("first_seen")), stix_day(obj.get("last_seen"))
    if not first:
        return None
    value = first[:10] if not last or last[:10] == first[:10] else f"{first[:10]}/{last[:10]}"
    return {"text": None, "value": value, "precision": datevalues.precision_of(value)}
