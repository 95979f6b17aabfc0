"""Batch ingest: paths -> raw documents -> records -> store, with a running summary.

Each document is committed on its own, so killing the process loses at most the documents in flight, and a
rerun skips everything already stored (by input hash before any work, by content hash after cleaning).

`strict` stops at the first failure in input order, after storing every document that comes before it: a
failure found while reading ends the reading, and the documents already read are still processed and stored;
a document that fails in cleaning or NLP (results come back in input order) ends the storing there.
"""

from __future__ import annotations

import sqlite3
import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from newsintel.ingest import discover, read_path
from newsintel.model import Failure, Notice, RawDocument
from newsintel.pipeline import Processor
from newsintel.store import has_input, save_record
from newsintel.store.sharing import Handling
from newsintel.store.story_index import backfill_stories
from newsintel.views.alerts import after_store  # watchlists: alerts once a document is committed


@dataclass(slots=True)
class Summary:
    files: int = 0
    ingested: int = 0
    unchanged: int = 0
    failed: int = 0
    failures: list[Failure] = field(default_factory=list)
    seconds: float = 0.0
    words: int = 0
    stopped_at: Failure | None = None  # `--strict`: the first failure in input order, where the run stopped

    def line(self) -> str:
        rate = self.ingested / self.seconds if self.seconds else 0.0
        return (f"ingested {self.ingested}, unchanged {self.unchanged}, failed {self.failed} "
                f"({self.files} files, {self.seconds:.1f}s, {rate:.1f} docs/s)")


Reporter = Callable[[str, object], None]
"""Called with ("total", number of files) once, ("file", Path) when a file is started, ("failure", Failure),
("warning", Notice) and ("stored", status)."""


def _quiet(kind: str, item: object) -> None:
    pass


def list_inputs(paths: list[str]) -> tuple[list[Path], list[Failure]]:
    files: list[Path] = []
    failures: list[Failure] = []
    for item in discover(paths):
        (failures if isinstance(item, Failure) else files).append(item)  # type: ignore[arg-type]
    return files, failures


def ingest(
    paths: list[str], conn: sqlite3.Connection, processor: Processor, *, strict: bool = False,
    report: Reporter = _quiet, handling: Handling | None = None,
) -> Summary:
    started = time.perf_counter()
    backfill_stories(conn)  # documents stored before stories existed, or by an older version
    inputs = list(discover(paths))  # in input order: files and the failures of paths that cannot be read
    summary = Summary(files=sum(1 for item in inputs if not isinstance(item, Failure)))
    report("total", summary.files)
    read_stop: list[Failure] = []  # strict: a failure met while reading, reported once what precedes it is stored

    def fail(failure: Failure) -> None:
        summary.failed += 1
        summary.failures.append(failure)
        report("failure", failure)

    def new_documents() -> Iterator[RawDocument]:
        for entry in inputs:
            items: Iterable[RawDocument | Failure] = [entry] if isinstance(entry, Failure) else read_path(entry)
            if not isinstance(entry, Failure):
                report("file", entry)
            for item in items:
                if isinstance(item, Failure):
                    if strict:
                        read_stop.append(item)
                        return
                    fail(item)
                elif has_input(conn, item.raw_hash):
                    summary.unchanged += 1
                    report("stored", "unchanged")
                else:
                    yield item

    try:
        for result in processor.run(new_documents()):
            if isinstance(result, Failure):
                fail(result)
                if strict:
                    summary.stopped_at = result
                    break
                continue
            status = save_record(conn, result, result.document.raw_hash, handling)
            for warning in result.document.warnings:
                report("warning", Notice(result.document.origin or result.document.id, warning))
            if status == "ingested":
                after_store(conn, result.document.id, result.document.origin or result.document.id, report)
                summary.ingested += 1
                summary.words += len(result.document.text.split())
            else:
                summary.unchanged += 1
            report("stored", status)
        else:
            if read_stop:
                fail(read_stop[0])
                summary.stopped_at = read_stop[0]
    finally:
        summary.seconds = time.perf_counter() - started
    return summary
