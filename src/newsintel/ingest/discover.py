"""Walk the paths the user named, recursively and in a stable order."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

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


def discover(paths: list[str]) -> Iterator[Path | Failure]:
    """Yield input files under `paths`; unreadable or missing ones come out as `Failure`s.

    Files named directly are always tried (so a wrong suffix gets a clear error); inside directories only
    supported suffixes are taken and hidden files are skipped.
    """
    for name in paths:
        path = Path(name)
        if path.is_dir():
            yield from _walk(path)
        elif path.exists():
            if is_supported(path):
                yield path
            else:
                yield Failure(str(path), f"unsupported file type {''.join(path.suffixes) or '(none)'}")
        else:
            yield Failure(str(path), "no such file or directory")


def _walk(root: Path) -> Iterator[Path | Failure]:
    def on_error(err: OSError) -> None:
        failures.append(Failure(err.filename or str(root), f"cannot read directory: {err.strerror}"))

    failures: list[Failure] = []
    for dirpath, dirnames, filenames in os.walk(root, onerror=on_error):
        dirnames[:] = sorted(d for d in dirnames if not d.startswith("."))
        yield from failures
        failures.clear()
        for filename in sorted(filenames):
            path = Path(dirpath) / filename
            if not filename.startswith(".") and is_supported(path):
                yield path
    yield from failures
