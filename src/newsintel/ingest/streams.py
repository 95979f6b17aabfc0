"""Opening inputs safely: regular files only, gzip looked through, every byte counted against a limit.

A FIFO, a device or a socket is refused by type before it is opened (opening a FIFO blocks; reading /dev/zero
never ends), and decompressed bytes are counted as they come out, so a gzip bomb is stopped early.
"""

from __future__ import annotations

import gzip
import os
import re
import stat
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import BinaryIO

from newsintel.ingest.decode import InputError
from newsintel.ingest.limits import MAX_COMPRESSION_RATIO, RATIO_CHECK_AFTER, READ_CHUNK, mb

GZIP_MAGIC = b"\x1f\x8b"

_KINDS = ((stat.S_ISDIR, "a directory"), (stat.S_ISFIFO, "a FIFO (named pipe)"),
          (stat.S_ISCHR, "a character device"), (stat.S_ISBLK, "a block device"), (stat.S_ISSOCK, "a socket"))


def _kind(mode: int) -> str:
    return next((name for test, name in _KINDS if test(mode)), "a special file")


def not_regular(path: str | Path) -> str | None:
    """Why `path` cannot be read as an input, or None for a regular file (links followed; nothing is opened)."""
    try:
        mode = os.stat(path).st_mode
    except FileNotFoundError:
        return "broken symbolic link" if os.path.islink(path) else "no such file or directory"
    except PermissionError:
        return "permission denied"
    except (OSError, ValueError) as err:
        return f"cannot read: {getattr(err, 'strerror', None) or err}"
    return None if stat.S_ISREG(mode) else f"not a regular file: {_kind(mode)}"


class BoundedReader:
    """The bytes of an open file, gunzipped when they are gzip data, refusing to give more than `limit`.

    `what` names the limit in the message ("per document", "per file"). For gzip data the decompressed size is
    also held to `MAX_COMPRESSION_RATIO` times the compressed bytes read, once past `RATIO_CHECK_AFTER`.
    """

    def __init__(self, raw: BinaryIO, limit: int, what: str, whole: bool = False) -> None:
        self._raw = raw
        self.limit, self.what, self.count = limit, what, 0
        self._error = ""
        self.compressed = raw.read(2) == GZIP_MAGIC
        raw.seek(0)
        self._stream: BinaryIO = gzip.GzipFile(fileobj=raw) if self.compressed else raw  # type: ignore[assignment]
        if whole and not self.compressed and os.fstat(raw.fileno()).st_size > limit:
            raise InputError(f"too large: over {mb(limit)} (limit {what})")  # known before reading a byte

    def read(self, n: int = READ_CHUNK) -> bytes:
        """Up to `n` bytes (fewer is not the end; b"" is). A limit crossed stops the stream: the bytes within it
        are returned, the `InputError` comes on the next call, so whole records before it are still read."""
        if self._error:
            raise InputError(self._error)
        size = max(1, min(n, self.limit - self.count + 1))
        # read1 on gzip data: what was decompressed before a cut is returned, the EOFError comes on the next call
        data = self._stream.read1(size) if self.compressed else self._stream.read(size)
        self.count += len(data)
        if self.count > self.limit:
            self._error = f"too large: over {mb(self.limit)} (limit {self.what})"
            data = data[: len(data) - (self.count - self.limit)]
            if not data:  # b"" would read as the end of the file
                raise InputError(self._error)
        elif (self.compressed and self.count > RATIO_CHECK_AFTER
                and self.count > MAX_COMPRESSION_RATIO * max(1, self._raw.tell())):
            self._error = (f"refused as a decompression bomb: {mb(self._raw.tell())} of gzip data expand to "
                           f"over {mb(self.count)} (more than {MAX_COMPRESSION_RATIO}x)")
        return data

    def read_all(self) -> bytes:
        """Everything left, within the limit."""
        parts = []
        while chunk := self.read(READ_CHUNK):
            parts.append(chunk)
        return b"".join(parts)


@contextmanager
def open_input(path: str | Path, limit: int, what: str, whole: bool = False) -> Iterator[BoundedReader]:
    """Open a regular file for bounded reading; anything else is refused with an `InputError` before opening.

    `whole`: the file is only useful whole (one document, one JSON value), so one over the limit is refused
    before reading; a stream of records (JSONL, WARC) is read up to the limit, keeping the records before it."""
    reason = not_regular(path)
    if reason:
        raise InputError(reason)
    # O_NONBLOCK: should the path have been swapped for a FIFO since the check, opening it still cannot hang.
    fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_NOCTTY", 0))
    with os.fdopen(fd, "rb") as raw:
        mode = os.fstat(fd).st_mode
        if not stat.S_ISREG(mode):
            raise InputError(f"not a regular file: {_kind(mode)}")
        os.set_blocking(fd, True)
        yield BoundedReader(raw, limit, what, whole)


_BLANK = re.compile(rb"[ \t\r\n\f\v]*")


def iter_lines(reader: BoundedReader, max_line: int) -> Iterator[tuple[int, bytes | None]]:
    """(line number, bytes) for each non-blank line; a line over `max_line` bytes comes as (number, None).

    Reads in bounded pieces: the rest of a too-long line is read and thrown away, never held; runs of blank
    lines are skipped a block at a time, so a file of a million empty lines costs no more than its bytes.
    """
    lineno, pending, skipping = 1, bytearray(), False
    while block := reader.read(READ_CHUNK):
        pos, size = 0, len(block)
        while pos < size:
            if not pending and not skipping:
                end = _BLANK.match(block, pos).end()  # type: ignore[union-attr]
                lineno += block.count(b"\n", pos, end)
                pos = end
                if pos == size:
                    break
            nl = block.find(b"\n", pos)
            stop = size if nl < 0 else nl
            if not skipping:
                if len(pending) + stop - pos > max_line:
                    pending.clear()
                    skipping = True
                    yield lineno, None
                else:
                    pending += block[pos:stop]
            if nl < 0:
                break
            if not skipping:
                yield lineno, bytes(pending)
            pending.clear()
            skipping = False
            lineno += 1
            pos = nl + 1
    if pending and not skipping:
        yield lineno, bytes(pending)
