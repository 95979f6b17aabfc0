"""WARC and ARC archives: each HTML response record becomes a document carrying its target URI and capture date.

The archive is gunzipped here, within the per-file limits, and fed to warcio as plain bytes (so a gzip bomb or a
single-member gzip WARC is handled like any gzip input). A record warcio cannot parse ends the file with a failure
naming that record, keeping the records before it; warcio's own stderr warnings and log lines become our failures
and warnings. Records are numbered from 1 in file order, whatever their type: `PATH#N` is the N-th record.
"""

from __future__ import annotations

import logging
import zlib
from collections.abc import Generator, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from warcio.archiveiterator import ArchiveIterator

from newsintel.ingest.decode import InputError, decode_text
from newsintel.ingest.fields import sha256
from newsintel.ingest.limits import MAX_FILE_BYTES, MAX_WARC_LINE_BYTES, READ_CHUNK, mb
from newsintel.ingest.streams import BoundedReader, open_input
from newsintel.model import Failure, RawDocument

Item = RawDocument | Failure
_SIGNATURES = (b"WARC/", b"filedesc://")  # a WARC record's version line; an ARC file's first record


class _Feed:
    """The bytes warcio reads: a peeked head given back first, and no run of bytes without a line break longer
    than `MAX_WARC_LINE_BYTES` (warcio reads header lines whole, so that run is what it would hold in memory)."""

    def __init__(self, reader: BoundedReader, head: bytes) -> None:
        self._reader, self._head, self._run = reader, head, 0

    def read(self, n: int = READ_CHUNK) -> bytes:
        if self._head:
            data, self._head = self._head[:n], self._head[n:]
        else:
            data = self._reader.read(n if n and n > 0 else READ_CHUNK)
        newline = data.rfind(b"\n")
        self._run = self._run + len(data) if newline < 0 else len(data) - newline - 1
        if self._run > MAX_WARC_LINE_BYTES:
            raise InputError(f"no line break in over {mb(MAX_WARC_LINE_BYTES)}: corrupt archive")
        return data


class _Archive(ArchiveIterator):
    """warcio's iterator with its "record not followed by newline" warning collected instead of printed."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        self.framing: list[str] = []
        super().__init__(*args, **kwargs)

    def _consume_blanklines(self) -> tuple[bytes | None, int]:  # warcio 1.8.1's, reporting to self.framing
        empty_size, first_line = 0, True
        while True:
            line = self.reader.readline()
            if not line:
                return None, empty_size
            if not line.rstrip() or first_line:
                empty_size += len(line)
                if line.rstrip():
                    self.framing.append("record not followed by a blank line (its Content-Length may be wrong); "
                                        "the bytes after it were skipped")
                first_line = False
                continue
            return line, empty_size


class _Collect(logging.Handler):
    def __init__(self) -> None:
        super().__init__(logging.INFO)
        self.messages: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.messages.append(record.getMessage().splitlines()[0] if record.getMessage() else record.levelname)


@contextmanager
def _warcio_log() -> Iterator[_Collect]:
    """warcio's log lines, kept for us to report instead of going to stderr."""
    logger, handler = logging.getLogger("warcio"), _Collect()
    logger.addHandler(handler)
    propagate, logger.propagate = logger.propagate, False
    try:
        yield handler
    finally:
        logger.removeHandler(handler)
        logger.propagate = propagate


def read_warc(path: Path, shown: str, max_bytes: int) -> Iterator[Item]:
    """Documents from the archive at `path` (`shown` is its printable name for origins); an archive that gives
    neither a document nor an error says why it has none."""
    said, records = 0, _records(path, shown, max_bytes)
    while True:
        try:
            item = next(records)
        except StopIteration as end:
            count = end.value
            break
        said += 1
        yield item
    if not said:
        yield Failure(shown, "no documents in file: " + ("no complete WARC record" if not count else
                                                         f"none of its {count} records is an HTML response"))


def _records(path: Path, shown: str, max_bytes: int) -> Generator[Item, None, int]:
    with open_input(path, MAX_FILE_BYTES, "per file") as reader, _warcio_log() as log:
        head = b""
        while len(head) < 64 and (more := reader.read(READ_CHUNK)):
            head += more
        if not head.strip():
            return 0
        if not head.lstrip().startswith(_SIGNATURES):
            yield Failure(shown, "not a WARC file: it does not begin with a WARC/ (or ARC) record header")
            return 0
        archive = _Archive(_Feed(reader, head), arc2warc=True, block_size=READ_CHUNK)
        records = iter(archive)
        n = 0
        while True:
            n += 1
            log.messages.clear()
            try:
                record = next(records)
            except StopIteration:
                if archive.next_line:  # warcio read the start of another record, then met the end of the file
                    yield from _framing(archive, shown, n - 1)
                    yield Failure(f"{shown}#{n}", "truncated or corrupt WARC record (the file ends inside its header)")
                    return n
                break
            except InputError as err:
                raise InputError(f"{err} (in WARC record {n})") from None
            except Exception:  # warcio raises many kinds (AttributeError, ValueError, ...) on a cut or garbled header
                yield from _framing(archive, shown, n - 1)
                yield Failure(f"{shown}#{n}", "truncated or corrupt WARC record (its header cannot be parsed); "
                                              "rest of file skipped")
                return n
            yield from _framing(archive, shown, n - 1)
            if record.length is None:  # no (valid) Content-Length: a header cut short, or garbage
                yield Failure(f"{shown}#{n}", "truncated or corrupt WARC record header (no Content-Length); "
                                              "rest of file skipped")
                return n
            try:
                item = _document(record, f"{shown}#{n}", max_bytes)
            except InputError:
                raise
            except (EOFError, OSError, zlib.error) as err:  # the archive itself ends or breaks inside this record
                yield _cut(f"{shown}#{n}", err)
                return n
            except Exception as err:  # this record's HTTP body cannot be read (chunking, encoding); the next may be
                item = Failure(f"{shown}#{n}", f"unreadable WARC record ({_reason(err)})")
            if isinstance(item, RawDocument):
                item.warnings.extend(f"WARC: {m}" for m in log.messages)
            if item is not None:
                yield item
        yield from _framing(archive, shown, n - 1)
    return n - 1


def _reason(err: Exception) -> str:
    text = " ".join(str(err).split())
    return f"{type(err).__name__}: {text[:200]}" if text else type(err).__name__


def _cut(origin: str, err: Exception) -> Failure:
    return Failure(origin, f"truncated or corrupt WARC record ({_reason(err)}); rest of file skipped")


def _framing(archive: _Archive, shown: str, n: int) -> Iterator[Failure]:
    for message in archive.framing:
        yield Failure(f"{shown}#{n}", message)
    archive.framing.clear()


def _document(record: Any, origin: str, max_bytes: int) -> Item | None:
    """The document in one record: None for records that hold none (requests, metadata, images, scripts)."""
    if record.rec_type != "response":
        return None
    uri = record.rec_headers.get_header("WARC-Target-URI") or ""
    if not uri.startswith(("http:", "https:")):
        return None  # dns:, whois: and other non-HTTP captures
    if record.http_headers is None or not str(record.http_headers.protocol).upper().startswith("HTTP/"):
        return Failure(origin, "WARC response record has no HTTP status line")
    ctype = record.http_headers.get_header("Content-Type") or ""
    if "html" not in ctype.lower():
        return None
    payload = record.content_stream().read(max_bytes + 1)
    if len(payload) > max_bytes:
        return Failure(origin, f"record too large: over {mb(max_bytes)} (limit per document)")
    if getattr(record.raw_stream, "limit", 0) > 0:  # fewer bytes than the record's Content-Length
        return Failure(origin, "truncated or corrupt WARC record (file ends inside it)")
    charset = None
    if "charset=" in ctype.lower():
        charset = ctype.lower().split("charset=", 1)[1].split(";")[0].strip().strip("\"'") or None
    try:
        html = decode_text(payload, charset)
    except InputError as err:
        return Failure(origin, str(err))
    key = uri.encode("utf-8", "surrogatepass") + b"\n" + payload
    return RawDocument(origin=origin, format="warc", raw_hash=sha256(key), html=html, url=uri or None,
                       published=record.rec_headers.get_header("WARC-Date"))
