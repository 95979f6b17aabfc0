"""Readers: one function per input format, each yielding `RawDocument`s or `Failure`s.

Readers never raise for bad input: a file-level problem becomes one `Failure` for the file, a record-level problem
(one bad JSONL line, one broken WARC record) a `Failure` for that record while the rest of the file goes on. Every
read is bounded (see `limits`): special files are refused before opening, sizes are checked while decompressing and
while reading a line, JSON depth and number length are checked, and a file with no documents says so.
"""

from __future__ import annotations

import codecs
import gzip
import re
import zlib
from collections.abc import Callable, Iterator
from pathlib import Path

from newsintel.ingest import jsonsafe
from newsintel.ingest.decode import InputError, decode_text
from newsintel.ingest.discover import base_suffix, display_path
from newsintel.ingest.fields import record_from_object, sha256
from newsintel.ingest.limits import MAX_DOCUMENT_BYTES, MAX_FILE_BYTES, MAX_JSON_FILE_BYTES, mb
from newsintel.ingest.streams import iter_lines, open_input
from newsintel.ingest.warc import read_warc
from newsintel.model import Failure, RawDocument

MAX_BAD_LINES_IN_A_ROW = 1000
"""Bad JSONL lines in a row (no good record between them) after which the file is taken for something else."""

Item = RawDocument | Failure
Reader = Callable[[Path, str, int], Iterator[Item]]


def read_path(path: Path | str, max_bytes: int = MAX_DOCUMENT_BYTES) -> Iterator[Item]:
    """Read every document in `path`, whatever its format; yields only `RawDocument`s and `Failure`s, never raises.

    Origins are `display_path(path)`, `...#N` for the N-th record of a JSON list or WARC, `...:LINE` for JSONL.
    """
    path = Path(path)
    shown = display_path(path)
    reader = READERS.get(base_suffix(path))
    if reader is None:
        yield Failure(shown, f"unsupported file type {display_path(''.join(path.suffixes)) or '(none)'}")
        return
    count = 0
    try:
        for item in reader(path, shown, max_bytes):
            count += 1
            yield item
    except Exception as err:  # every reason is one line; even a bug costs one file, not the batch
        yield Failure(shown, _why(err))
        return
    if count == 0:
        yield Failure(shown, "no documents in file")


def _why(err: Exception) -> str:
    """The one-line reason for an error that ended the reading of a file."""
    if isinstance(err, InputError):
        return str(err)
    if isinstance(err, EOFError | gzip.BadGzipFile | zlib.error):
        return f"truncated or corrupt compressed data ({err})"
    if isinstance(err, PermissionError):
        return "permission denied"
    if isinstance(err, OSError):
        return f"cannot read: {err.strerror or err}"
    if isinstance(err, MemoryError | RecursionError):
        return f"refused: {type(err).__name__} while reading"
    return f"reading failed: {type(err).__name__}: {' '.join(str(err).split())[:200]}"


_DATED_NAME = re.compile(r"^(\d{4}-\d{2}-\d{2})(?:[_\-. ]|$)")


def _read_document(path: Path, max_bytes: int) -> bytes:
    with open_input(path, max_bytes, "per document", whole=True) as reader:
        return reader.read_all()


def read_txt(path: Path, shown: str, max_bytes: int) -> Iterator[Item]:
    """Plain text; a file name starting with an ISO date ("2024-05-22_hamburg-arrest.txt", the usual way wire
    copy is archived) gives the publication date, as plain text carries no metadata."""
    data = _read_document(path, max_bytes)
    dated = _DATED_NAME.match(path.name)
    yield RawDocument(origin=shown, format="txt", raw_hash=sha256(data), text=decode_text(data),
                      published=dated[1] if dated else None)


def read_html(path: Path, shown: str, max_bytes: int) -> Iterator[Item]:
    data = _read_document(path, max_bytes)
    yield RawDocument(origin=shown, format="html", raw_hash=sha256(data), html=decode_text(data))


def read_json(path: Path, shown: str, max_bytes: int) -> Iterator[Item]:
    """One object, or a list of objects (each a record `PATH#N`)."""
    with open_input(path, MAX_JSON_FILE_BYTES, "per .json file; use .jsonl for more", whole=True) as reader:
        data = reader.read_all()
    obj = jsonsafe.loads(decode_text(data))
    if isinstance(obj, list):
        if not obj:
            yield Failure(shown, "no documents in file: an empty JSON list")
        for n, item in enumerate(obj, 1):
            yield record_from_object(item, f"{shown}#{n}", jsonsafe.dumps_canonical(item))
    else:
        yield record_from_object(obj, shown, data)


def read_jsonl(path: Path, shown: str, max_bytes: int) -> Iterator[Item]:
    """One JSON object per line, UTF-8; a bad line is a failure `PATH:LINE` and the next line is read."""
    bad_in_a_row, first = 0, True
    with open_input(path, MAX_FILE_BYTES, "per file") as reader:
        for lineno, data in iter_lines(reader, max_bytes):
            if first and data is not None:
                if data.startswith(_WIDE_BOMS):
                    raise InputError("JSONL must be UTF-8; this file is UTF-16 or UTF-32")
                data, first = data.removeprefix(codecs.BOM_UTF8), False
            item = _jsonl_item(data, f"{shown}:{lineno}", max_bytes)
            yield item
            bad_in_a_row = bad_in_a_row + 1 if isinstance(item, Failure) else 0
            if bad_in_a_row >= MAX_BAD_LINES_IN_A_ROW:
                yield Failure(shown, f"{MAX_BAD_LINES_IN_A_ROW} bad lines in a row: rest of file skipped")
                return


_WIDE_BOMS = (codecs.BOM_UTF32_LE, codecs.BOM_UTF32_BE, codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)


def _jsonl_item(data: bytes | None, origin: str, max_bytes: int) -> Item:
    if data is None:
        return Failure(origin, f"line too long: over {mb(max_bytes)} (limit per document); skipped to the next line")
    data = data.rstrip()
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as err:
        return Failure(origin, f"line is not valid UTF-8 (at byte {err.start + 1})")
    try:
        obj = jsonsafe.loads(text)
    except InputError as err:
        return Failure(origin, str(err))
    return record_from_object(obj, origin, data)


READERS: dict[str, Reader] = {
    ".txt": read_txt, ".text": read_txt,
    ".html": read_html, ".htm": read_html,
    ".json": read_json,
    ".jsonl": read_jsonl, ".ndjson": read_jsonl,
    ".warc": read_warc, ".arc": read_warc,
}

__all__ = ["MAX_DOCUMENT_BYTES", "MAX_FILE_BYTES", "read_path"]
