"""A parsed JSON record to a `RawDocument`: field names mapped (data/input_fields.yaml) and field types checked.

`text`/`html` must be strings: anything else is an error naming the field, since storing `[1, 2]` as "1, 2" would
put junk in the store. Metadata (title, url, published, source, author) must be strings; `published` may also be a
number (a timestamp) and `author` a list of strings (joined with ", "). A metadata value of another type, or
longer than `MAX_FIELD_CHARS`, is dropped with a warning: the article is still worth having.
"""

from __future__ import annotations

import hashlib
import math
import re
from typing import Any

from newsintel.ingest.limits import MAX_DOCUMENT_BYTES, MAX_FIELD_CHARS, mb
from newsintel.model import Failure, RawDocument
from newsintel.resources import load_yaml

METADATA = ("title", "url", "published", "source", "author")
_SURROGATE = re.compile("[\ud800-\udfff]")


def sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


_TYPE_NAMES = {dict: "object", list: "list", bool: "boolean", int: "number", float: "number", str: "string",
               type(None): "null"}


def _type_name(value: Any) -> str:
    return _TYPE_NAMES.get(type(value), type(value).__name__)


def _lookup(obj: dict[str, Any], name: str) -> tuple[str, Any] | None:
    """(key, value) of the first key that `name` maps to with a non-empty value."""
    for key in load_yaml("input_fields.yaml")[name]:
        value = obj.get(key)
        if not (value is None or value == "" or value == []):
            return key, value
    return None


def _no_nuls(value: str, key: str, warnings: list[str]) -> str:
    """NULs removed and lone surrogates (from JSON `\\ud800` escapes, not encodable) replaced, with a warning."""
    if "\x00" in value:
        warnings.append(f"field '{key}': {value.count(chr(0))} NUL characters removed")
        value = value.replace("\x00", "")
    if value.isascii():
        return value
    fixed, count = _SURROGATE.subn("\ufffd", value)
    if count:
        warnings.append(f"field '{key}': {count} unpaired surrogate escapes replaced with U+FFFD")
    return fixed


def _metadata(obj: dict[str, Any], name: str, warnings: list[str]) -> str | None:
    found = _lookup(obj, name)
    if found is None:
        return None
    key, value = found
    if name == "author" and isinstance(value, list) and all(isinstance(v, str) for v in value):
        value = ", ".join(v.strip() for v in value if v.strip())
    elif name == "published" and isinstance(value, int | float) and not isinstance(value, bool):
        if not math.isfinite(value):
            warnings.append(f"field '{key}' ignored: not a finite number")
            return None
        value = str(value)
    if not isinstance(value, str):
        expected = "a string or a number" if name == "published" else (
            "a string or a list of strings" if name == "author" else "a string")
        warnings.append(f"field '{key}' ignored: expected {expected}, got {_type_name(value)}")
        return None
    if len(value) > MAX_FIELD_CHARS:
        warnings.append(f"field '{key}' ignored: {len(value):,} characters (limit {MAX_FIELD_CHARS:,})")
        return None
    return _no_nuls(value, key, warnings) or None


def record_from_object(obj: Any, origin: str, raw: bytes) -> RawDocument | Failure:
    """A JSON object with `text` or `html` (see data/input_fields.yaml) as a document, or the reason it is not."""
    if not isinstance(obj, dict):
        return Failure(origin, f"expected a JSON object, got {_type_name(obj)}")
    if len(raw) > MAX_DOCUMENT_BYTES:
        return Failure(origin, f"too large: {mb(len(raw))} (limit {mb(MAX_DOCUMENT_BYTES)} per document)")
    body: dict[str, str] = {}
    for name in ("text", "html"):
        found = _lookup(obj, name)
        if found is None:
            continue
        key, value = found
        if not isinstance(value, str):
            return Failure(origin, f"field '{key}' must be a string, got {_type_name(value)}")
        body[name] = value
    if not body:
        return Failure(origin, "record has no 'text' or 'html' string")
    warnings: list[str] = []
    text = _no_nuls(body["text"], "text", warnings) if "text" in body else None
    html = _no_nuls(body["html"], "html", warnings) if text is None else None
    meta = {name: _metadata(obj, name, warnings) for name in METADATA}
    return RawDocument(origin=origin, format="json", raw_hash=sha256(raw), text=text, html=html,
                       warnings=warnings, **meta)
