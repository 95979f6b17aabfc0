"""`newsintel ingest`: the batch run with a progress bar on a terminal and a summary at the end."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

from newsintel.batch import Summary, ingest
from newsintel.cli.render import safe
from newsintel.cli.sharing import handling
from newsintel.cli.watch import last_alert_mark, print_alert_line
from newsintel.model import Failure, Notice
from newsintel.pipeline import Processor, default_workers
from newsintel.store import connect, db_path
from newsintel.store.focus import install_stored_focus

if TYPE_CHECKING:
    from newsintel.dask_engine import DaskProcessor


def processor_for(args: argparse.Namespace) -> Processor | DaskProcessor:
    """The engine asked for: worker processes here, or Dask workers (local cluster or `--scheduler`)."""
    workers = args.workers or default_workers()
    if args.engine == "dask":
        from newsintel.dask_engine import DaskProcessor

        return DaskProcessor(workers, args.scheduler)
    return Processor(workers)


def run_ingest(args: argparse.Namespace) -> int:
    show_progress = not args.quiet and sys.stderr.isatty()
    stderr = Console(stderr=True, highlight=False)
    summary = Summary()
    interrupted = False
    install_stored_focus(db_path(args.db))  # publishers' focus as stored, read-only in this run
    alerts_before = last_alert_mark(db_path(args.db))
    with processor_for(args) as processor:
        conn = connect(db_path(args.db))  # opened after the workers fork: no connection crosses a fork
        progress = Progress(
            TextColumn("{task.description}"), BarColumn(bar_width=20), MofNCompleteColumn(), TimeElapsedColumn(),
            TextColumn("{task.fields[counts]}"), console=stderr, disable=not show_progress, transient=True,
        )
        counts = {"ingested": 0, "unchanged": 0, "failed": 0}
        with progress:
            task = progress.add_task("ingest", total=None, counts="")

            def report(kind: str, item: object) -> None:
                if kind == "total":
                    progress.update(task, total=item)
                    return
                if kind == "file":
                    progress.update(task, description=safe(Path(str(item)).name, 24))
                    progress.advance(task)
                elif kind == "failure":
                    counts["failed"] += 1
                    print(safe(item.line() if isinstance(item, Failure) else item), file=sys.stderr, flush=True)
                elif kind == "warning":
                    print(safe(item.line() if isinstance(item, Notice) else item), file=sys.stderr, flush=True)
                elif kind == "stored":
                    counts[str(item)] += 1
                progress.update(task, counts=" ".join(f"{k} {v}" for k, v in counts.items()))

            try:
                summary = ingest(args.paths, conn, processor, strict=args.strict, report=report,
                                 handling=handling(args))
            except KeyboardInterrupt:
                interrupted = True
                summary.ingested, summary.unchanged = counts["ingested"], counts["unchanged"]
                summary.failed = counts["failed"]
        if summary.stopped_at is not None:
            processor.close(terminate=True)  # documents read ahead past the failure are not wanted
            print(safe(_stop_line(summary)), file=sys.stderr, flush=True)
    if not args.quiet:
        print(("interrupted: " if interrupted else "") + summary.line())
        print_alert_line(db_path(args.db), alerts_before)  # "3 alerts for 2 watched identities: newsintel alerts"
    if interrupted:
        return 130
    return 1 if summary.failed else 0


def _stop_line(summary: Summary) -> str:
    stored = f"{summary.ingested} document{'s' if summary.ingested != 1 else ''} stored before it"
    return f"stopped at the first failure (--strict): {summary.stopped_at.origin}; {stored}"


def run_reprocess(args: argparse.Namespace) -> int:
    """Re-extract every stored document; each is replaced in one transaction, so an interrupted run is safe."""
    from newsintel.pipeline import annotate_batch
    from newsintel.store.queries import stored_documents
    from newsintel.store.writer import replace_derived

    done = failed = 0
    install_stored_focus(db_path(args.db), rebuild=True)  # a stable point: the focus of every stored document
    with processor_for(args) as processor:
        conn = connect(db_path(args.db), create=False)
        for result in processor.run(stored_documents(conn), annotate_batch):
            if isinstance(result, Failure):
                failed += 1
                print(safe(result.line()), file=sys.stderr, flush=True)
                continue
            replace_derived(conn, result)
            for warning in result.document.warnings:  # e.g. a language with no pipeline: its facts are dropped
                print(safe(Notice(result.document.origin or result.document.id, warning).line()), file=sys.stderr,
                      flush=True)
            done += 1
    print(f"reprocessed {done}, failed {failed}")
    return 1 if failed else 0
