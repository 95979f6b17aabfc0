"""Readers: one function per input format, each yielding `RawDocument`s or `Failure`s.

Readers never raise for bad input: a file-level problem becomes one `Failure` for the file, a record-level problem
(one bad JSONL line, one broken WARC record) a `Failure` for that record while the rest of the file goes on.
"""

from __future__ import annotations

import gzip
import hashlib
import json
import re
import zlib
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import IO, Any

from newsintel.ingest.decode import InputError, decode_text
from newsintel.ingest.discover import base_suffix
from newsintel.model import Failure, RawDocument
from newsintel.resources import load_yaml

MAX_DOCUMENT_BYTES = 5 * 1024 * 1024
"""Largest single document (a .txt/.html file, a JSON record, a WARC payload) accepted; bigger is refused."""

MAX_JSON_FILE_BYTES = 200 * 1024 * 1024
GZIP_MAGIC = b"\x1f\x8b"

Item = RawDocument | Failure


def sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def _mb(n: int) -> str:
    return f"{n / 1024 / 1024:.1f} MB"


def open_binary(path: Path) -> IO[bytes]:
    """Open a file for reading, transparently gunzipping `.gz` files and gzip data under other names."""
    raw = path.open("rb")
    if raw.read(2) == GZIP_MAGIC:
        raw.seek(0)
        return gzip.GzipFile(fileobj=raw)  # type: ignore[return-value]
    raw.seek(0)
    return raw


def read_bounded(stream: IO[bytes], limit: int) -> bytes:
    data = stream.read(limit + 1)
    if len(data) > limit:
        raise InputError(f"too large: over {_mb(limit)} (limit per document)")
    return data


def read_path(path: Path, max_bytes: int = MAX_DOCUMENT_BYTES) -> Iterator[Item]:
    """Read every document in `path`, whatever its format."""
    reader = READERS.get(base_suffix(path))
    if reader is None:
        yield Failure(str(path), f"unsupported file type {''.join(path.suffixes)}")
        return
    try:
        yield from reader(path, max_bytes)
    except InputError as err:
        yield Failure(str(path), str(err))
    except (EOFError, gzip.BadGzipFile, zlib.error) as err:
        yield Failure(str(path), f"truncated or corrupt compressed data ({err})")
    except PermissionError:
        yield Failure(str(path), "permission denied")
    except OSError as err:
        yield Failure(str(path), f"cannot read: {err.strerror or err}")


_DATED_NAME = re.compile(r"^(\d{4}-\d{2}-\d{2})(?:[_\-. ]|$)")


def read_txt(path: Path, max_bytes: int) -> Iterator[Item]:
    """Plain text; a file name starting with an ISO date ("2024-05-22_hamburg-arrest.txt", the usual way wire
    copy is archived) gives the publication date, as plain text carries no metadata."""
    with open_binary(path) as f:
        data = read_bounded(f, max_bytes)
    dated = _DATED_NAME.match(path.name)
    yield RawDocument(origin=str(path), format="txt", raw_hash=sha256(data), text=decode_text(data),
                      published=dated[1] if dated else None)


def read_html(path: Path, max_bytes: int) -> Iterator[Item]:
    with open_binary(path) as f:
        data = read_bounded(f, max_bytes)
    yield RawDocument(origin=str(path), format="html", raw_hash=sha256(data), html=decode_text(data))


def _field(obj: dict[str, Any], name: str) -> Any:
    for key in load_yaml("input_fields.yaml")[name]:
        value = obj.get(key)
        if value not in (None, "", []):
            return ", ".join(map(str, value)) if isinstance(value, list) else value
    return None


def record_from_object(obj: Any, origin: str, raw: bytes) -> Item:
    """A JSON object with `text` or `html` (see data/input_fields.yaml) as a document."""
    if not isinstance(obj, dict):
        return Failure(origin, f"expected a JSON object, got {type(obj).__name__}")
    text, html = _field(obj, "text"), _field(obj, "html")
    if not isinstance(text, str) and not isinstance(html, str):
        return Failure(origin, "record has no 'text' or 'html' string")
    if len(raw) > MAX_DOCUMENT_BYTES:
        return Failure(origin, f"too large: {_mb(len(raw))} (limit {_mb(MAX_DOCUMENT_BYTES)} per document)")
    meta = {name: _field(obj, name) for name in ("title", "url", "published", "source", "author")}
    return RawDocument(
        origin=origin, format="json", raw_hash=sha256(raw),
        text=text if isinstance(text, str) else None,
        html=html if isinstance(html, str) and not isinstance(text, str) else None,
        **{k: (str(v) if v is not None else None) for k, v in meta.items()},
    )


def read_json(path: Path, max_bytes: int) -> Iterator[Item]:
    with open_binary(path) as f:
        data = read_bounded(f, MAX_JSON_FILE_BYTES)
    try:
        obj = json.loads(decode_text(data))
    except json.JSONDecodeError as err:
        raise InputError(f"malformed JSON: {err}") from None
    if isinstance(obj, list):
        for n, item in enumerate(obj, 1):
            yield record_from_object(item, f"{path}#{n}", json.dumps(item, sort_keys=True).encode())
    else:
        yield record_from_object(obj, str(path), data)


def read_jsonl(path: Path, max_bytes: int) -> Iterator[Item]:
    with open_binary(path) as f:
        for lineno, line in enumerate(f, 1):
            if not line.strip():
                continue
            origin = f"{path}:{lineno}"
            try:
                obj = json.loads(line)
            except UnicodeDecodeError:
                yield Failure(origin, "line is not valid UTF-8")
                continue
            except json.JSONDecodeError as err:
                yield Failure(origin, f"malformed JSON line: {err.msg} at column {err.colno}")
                continue
            yield record_from_object(obj, origin, line.strip())


def read_warc(path: Path, max_bytes: int) -> Iterator[Item]:
    """Each HTML response record becomes a document carrying its target URI and WARC date."""
    from warcio.archiveiterator import ArchiveIterator
    from warcio.exceptions import ArchiveLoadFailed

    with path.open("rb") as raw:
        n = 0
        try:
            for record in ArchiveIterator(raw, arc2warc=True):
                if record.rec_type != "response":
                    continue
                n += 1
                origin = f"{path}#{n}"
                ctype = (record.http_headers.get_header("Content-Type") if record.http_headers else "") or ""
                if "html" not in ctype.lower():
                    continue
                item = _warc_document(record, origin, ctype, max_bytes)
                if item is not None:
                    yield item
        except (ArchiveLoadFailed, EOFError, zlib.error, ValueError) as err:
            yield Failure(str(path), f"truncated or corrupt WARC after {n} response records ({err})")


def _warc_document(record: Any, origin: str, ctype: str, max_bytes: int) -> Item | None:
    payload = record.content_stream().read(max_bytes + 1)
    if len(payload) > max_bytes:
        return Failure(origin, f"record too large: over {_mb(max_bytes)}")
    if getattr(record.raw_stream, "limit", 0) > 0:  # fewer bytes than the record's Content-Length
        return Failure(origin, "truncated or corrupt WARC record (file ends inside it)")
    charset = None
    if "charset=" in ctype.lower():
        charset = ctype.lower().split("charset=", 1)[1].split(";")[0].strip() or None
    url = record.rec_headers.get_header("WARC-Target-URI")
    try:
        html = decode_text(payload, charset)
    except InputError as err:
        return Failure(origin, str(err))
    return RawDocument(
        origin=origin, format="warc", raw_hash=sha256((url or "").encode() + b"\n" + payload),
        html=html, url=url, published=record.rec_headers.get_header("WARC-Date"),
    )


READERS: dict[str, Callable[[Path, int], Iterator[Item]]] = {
    ".txt": read_txt, ".text": read_txt,
    ".html": read_html, ".htm": read_html,
    ".json": read_json,
    ".jsonl": read_jsonl, ".ndjson": read_jsonl,
    ".warc": read_warc, ".arc": read_warc,
}

__all__ = ["MAX_DOCUMENT_BYTES", "read_path"]
