"""Walk the paths the user named, recursively and in a stable order."""

from __future__ import annotations

import os
import unicodedata
from collections.abc import Iterator
from pathlib import Path

from newsintel.ingest.streams import not_regular
from newsintel.model import Failure

SUPPORTED = (".txt", ".text", ".html", ".htm", ".json", ".jsonl", ".ndjson", ".warc", ".arc")


def base_suffix(path: Path) -> str:
    """The format suffix, looking through a trailing `.gz` (`a.warc.gz` -> `.warc`)."""
    suffixes = [s.lower() for s in path.suffixes]
    if suffixes and suffixes[-1] == ".gz":
        suffixes = suffixes[:-1]
    return suffixes[-1] if suffixes else ""


def is_supported(path: Path) -> bool:
    return base_suffix(path) in SUPPORTED


def _escape(char: str) -> str:
    code = ord(char)
    if 0xDC80 <= code <= 0xDCFF:  # a byte that was not UTF-8 (surrogateescape): shown as the byte
        return f"\\x{code - 0xDC00:02x}"
    if unicodedata.category(char) in ("Cc", "Cf", "Cs", "Zl", "Zp") or char == "\\":
        return ascii(char)[1:-1] if char != "\\" else "\\\\"
    return char


def display_path(path: str | Path) -> str:
    """`path` as one printable line of valid UTF-8: bytes that are not UTF-8 as `\\xNN`, control and format
    characters (newlines, bidi overrides) as backslash escapes. Used for every origin a reader reports."""
    text = os.fspath(path)
    if isinstance(text, bytes):
        text = os.fsdecode(text)
    if text.isprintable() and text.isascii() and "\\" not in text:
        return text
    return "".join(_escape(c) for c in text)


def discover(paths: list[str]) -> Iterator[Path | Failure]:
    """Yield input files under `paths`; unreadable, missing or special ones come out as `Failure`s.

    Files named directly are always tried (so a wrong suffix gets a clear error); inside directories only
    supported suffixes are taken and hidden files are skipped. FIFOs, devices and sockets are refused by type,
    before anything opens them.
    """
    for name in paths:
        path = Path(name)
        if path.is_dir():
            yield from _walk(path)
        elif not os.path.lexists(path):
            yield Failure(display_path(path), "no such file or directory")
        elif not is_supported(path):
            suffixes = display_path("".join(path.suffixes)) or "(none)"
            yield Failure(display_path(path), f"unsupported file type {suffixes}")
        elif reason := not_regular(path):
            yield Failure(display_path(path), reason)
        else:
            yield path


def _walk(root: Path) -> Iterator[Path | Failure]:
    def on_error(err: OSError) -> None:
        failures.append(Failure(display_path(err.filename or root), f"cannot read directory: {err.strerror}"))

    failures: list[Failure] = []
    for dirpath, dirnames, filenames in os.walk(root, onerror=on_error):
        dirnames[:] = sorted(d for d in dirnames if not d.startswith("."))
        yield from failures
        failures.clear()
        for filename in sorted(filenames):
            path = Path(dirpath) / filename
            if filename.startswith(".") or not is_supported(path):
                continue
            reason = not_regular(path)
            yield Failure(display_path(path), reason) if reason else path
    yield from failures
