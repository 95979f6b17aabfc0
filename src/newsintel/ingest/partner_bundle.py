"""Reading a partner's STIX 2.1 bundle for `newsintel import` (issue 14 item 3): checks before anything is stored.

Pure and SQL-free. `read_bundle` refuses, with one line naming the file and the reason, what cannot be a bundle to
import: a file over the size bound (checked before a byte is parsed, so a 100 MB file costs nothing), a file that is
not JSON, JSON that is not a bundle, a STIX 2.0 bundle (its `spec_version` on the bundle, or no STIX 2.1 object in
it). Objects it cannot use are counted by reason and left out, never an error: an unknown type, an object that is
not STIX 2.1, one without a valid id. What the objects mean is read in ingest/partner_records.py.

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

from newsintel.ingest.discover import display_path

DEFAULT_MAX_BYTES = 50 * 1024 * 1024
KNOWN_TYPES = ("identity", "threat-actor", "intrusion-set", "location", "relationship", "sighting", "note", "report",
               "grouping", "marking-definition", "extension-definition")
_ID = re.compile(r"^([a-z][a-z0-9-]*)--[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$")


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
