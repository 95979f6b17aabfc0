"""The `newsintel` command line. Exit status: 0 all good, 1 something failed, 2 usage error."""

from __future__ import annotations

import argparse
import json
import os
import sqlite3
import sys
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING

from newsintel import __version__
from newsintel.cli import render
from newsintel.cli.args import MAX_QUERY, engine, min_confidence, positive, text_problem
from newsintel.cli.common import (
    EXIT_FAILED,
    EXIT_OK,
    EXIT_USAGE,
    emit,
    error,
    open_store,
    refuse_bad_text,
    threshold,
)
from newsintel.cli.render_facts import print_document_facts
from newsintel.store import StoreError, connect, db_path

if TYPE_CHECKING:
    from newsintel.model import Failure, Record, RecordJSON
    from newsintel.pipeline import Processor

STORELESS = {"extract", "geoparse"}  # commands that never open the store


def cmd_ingest(args: argparse.Namespace) -> int:
    if args.scheduler and args.engine != "dask":
        error("--scheduler needs --engine dask")
        return EXIT_USAGE
    connect(db_path(args.db)).close()  # a store fault is told at once, before the model loads
    from newsintel.cli.progress import run_ingest

    return run_ingest(args)


def cmd_extract(args: argparse.Namespace) -> int:
    """Records are printed as they are made (a large JSONL is never held whole); a file with one document prints
    it indented, one with several prints one compact JSON object a line. --check: model.check_record, as errors."""
    from newsintel.model import Failure, Notice, check_record
    from newsintel.pipeline import Processor

    path = Path(args.file)
    if not path.exists():
        error(f"{path}: no such file")
        return EXIT_FAILED
    if path.is_dir():
        error(f"{path}: is a directory")
        return EXIT_FAILED
    failed = False
    pending: list[RecordJSON] = []  # one record held back until we know whether the file holds more
    shown = 0

    def show(record: RecordJSON, indent: int | None) -> None:
        if args.json:
            print(json.dumps(record, ensure_ascii=False, indent=indent))
        else:
            render.print_record_summary(record)

    with Processor(workers=1) as processor:
        for result in _extract_results(path, processor):
            if isinstance(result, Failure):
                print(render.safe(result.line()), file=sys.stderr)
                failed = True
                continue
            for warning in result.document.warnings:
                print(render.safe(Notice(result.document.origin or result.document.id, warning).line()),
                      file=sys.stderr)
            for problem in check_record(result) if args.check else ():
                print(render.safe(Failure(result.document.origin or result.document.id,
                                          f"fact shape: {problem}").line()), file=sys.stderr)
                failed = True
            pending.append(result.to_json())
            if len(pending) == 2:
                show(pending.pop(0), None)
                shown += 1
    if pending:
        show(pending[0], None if shown else 2)
    return EXIT_FAILED if failed else EXIT_OK


def _extract_results(path: Path, processor: Processor) -> Iterator[Record | Failure]:
    """Read and process `path` in small batches, keeping input order; failures come out where they occur."""
    from newsintel.ingest import read_path
    from newsintel.model import Failure

    batch: list = []
    for item in read_path(path):
        if isinstance(item, Failure):
            yield from processor.run(batch)
            batch = []
            yield item
            continue
        batch.append(item)
        if len(batch) >= 8:
            yield from processor.run(batch)
            batch = []
    yield from processor.run(batch)


def cmd_stats(args: argparse.Namespace) -> int:
    from newsintel.store.queries import stats

    result = stats(open_store(args))
    return emit(args, result, lambda: render.print_stats(result))


def cmd_entities(args: argparse.Namespace) -> int:
    from newsintel.store.queries import top_entities

    rows = top_entities(open_store(args), args.type, args.top)
    return emit(args, rows, lambda: render.print_entities(rows))


def cmd_show(args: argparse.Namespace) -> int:
    from newsintel.store.queries import document_detail

    if refuse_bad_text((args.doc_id, "DOC_ID")):
        return EXIT_FAILED
    detail = document_detail(open_store(args), args.doc_id)
    if detail is None:
        error(f"no document {args.doc_id!r} (give its id or an unambiguous prefix)")
        return EXIT_FAILED

    def show() -> None:
        render.print_document(detail)
        print_document_facts(detail)

    return emit(args, detail, show)


def cmd_search(args: argparse.Namespace) -> int:
    from newsintel.store.queries import search

    if refuse_bad_text((args.query, "QUERY", MAX_QUERY)):
        return EXIT_FAILED
    rows = search(open_store(args), args.query, args.limit)
    return emit(args, rows, lambda: render.print_search(rows, args.query))


def emit_confident(args: argparse.Namespace, rows: list, hidden: int, what: str,
                   show: Callable[[list], None]) -> int:
    """Like `emit`, and says how many facts the threshold left out (on stderr with --json, so JSON stays a list)."""
    from newsintel.cli.render_facts import hidden_note, print_hidden

    if args.json:
        if note := hidden_note(hidden, threshold(args), what):
            print(f"newsintel: {note}", file=sys.stderr)
        return emit(args, rows, lambda: None)
    show(rows)
    print_hidden(hidden, threshold(args), what)
    return EXIT_OK


def cmd_events(args: argparse.Namespace) -> int:
    from newsintel.cli.render_facts import print_events
    from newsintel.store.queries import confident_events

    if refuse_bad_text((args.entity, "--entity"), (args.type, "--type"), (args.modality, "--modality")):
        return EXIT_FAILED
    rows, hidden = confident_events(open_store(args), args.type, args.entity, args.modality, args.limit,
                                    threshold(args))
    return emit_confident(args, rows, hidden, "events", print_events)


def cmd_claims(args: argparse.Namespace) -> int:
    from newsintel.cli.render_facts import print_claims
    from newsintel.store.queries import confident_claims

    if refuse_bad_text((args.speaker, "--speaker")):
        return EXIT_FAILED
    rows, hidden = confident_claims(open_store(args), args.speaker, args.limit, threshold(args))
    return emit_confident(args, rows, hidden, "claims", print_claims)


def cmd_check(args: argparse.Namespace) -> int:
    """The store's integrity checks: one line per problem (exit 1), or one `ok` line."""
    from newsintel.ingest.discover import display_path
    from newsintel.store.check import check_store
    from newsintel.store.db import latest_version, open_as_found

    path = db_path(args.db)
    conn = open_as_found(path)  # not migrated: an unknown schema is reported
    try:
        report = check_store(conn)
    finally:
        conn.close()
    if args.json:
        print(json.dumps({"store": path, "ok": report.ok, "schema": report.schema, "latest_schema": latest_version(),
                          "checks": report.checks, "notes": report.notes,
                          "problems": [{"check": p.check, "message": p.message} for p in report.problems]},
                         ensure_ascii=False, indent=2))
    else:
        for note in report.notes:
            print(render.safe(f"warning: {display_path(path)}: {note}"), file=sys.stderr)
        for problem in report.problems:
            print(render.safe(problem.line()))
        if report.ok:
            print(render.safe(f"ok: {display_path(path)} (schema {report.schema}; checked {', '.join(report.checks)})"))
    return EXIT_OK if report.ok else EXIT_FAILED


def cmd_reprocess(args: argparse.Namespace) -> int:
    if args.scheduler and args.engine != "dask":
        error("--scheduler needs --engine dask")
        return EXIT_USAGE
    connect(db_path(args.db), create=False).close()  # a missing or faulty store is told before the model loads
    from newsintel.cli.progress import run_reprocess

    return run_reprocess(args)


def cmd_summary(args: argparse.Namespace) -> int:
    """The demo's closing summary: counts, top people/organisations/places, events by type and modality, the
    hedged and intended movements, and a sample search."""
    from newsintel.cli.render_facts import print_events
    from newsintel.store.queries import event_counts, list_events, search, stats, top_entities
    from newsintel.views.confidence import default_min_confidence

    if refuse_bad_text((args.query, "--query", MAX_QUERY)):
        return EXIT_FAILED
    conn = open_store(args)
    render.print_stats(stats(conn))
    for type_, title in (("PERSON", "Top people"), ("ORG", "Top organisations"), ("GPE", "Top places")):
        render.console.print()
        render.print_entities(top_entities(conn, type_, args.top), title)
    render.console.print()
    render.print_event_counts(event_counts(conn))
    for modality in ("intended", "hedged"):
        render.console.print()
        render.console.print(f"Sample {modality} events (not facts: each line says who claims it)")
        print_events(list_events(conn, modality=modality, limit=3, min_confidence=default_min_confidence()))
    render.console.print()
    render.console.print(f"Search: {args.query!r}")
    render.print_search(search(conn, args.query, 5), args.query)
    return EXIT_OK


def build_parser() -> argparse.ArgumentParser:
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument("--db", metavar="FILE",
                        help=f"store file (default: ${'NEWSINTEL_DB'} or ./newsintel.db; now {db_path(None)})")
    json_flag = argparse.ArgumentParser(add_help=False)
    json_flag.add_argument("--json", action="store_true", help="print JSON instead of a table")

    parser = argparse.ArgumentParser(prog="newsintel", description=__doc__)
    parser.add_argument("--version", action="version", version=f"newsintel {__version__}")
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    def add(name: str, func: Callable[[argparse.Namespace], int], help_: str, *parents: argparse.ArgumentParser):
        p = sub.add_parser(name, help=help_, description=help_, parents=[common, *parents])
        p.set_defaults(func=func)
        return p

    p = add("ingest", cmd_ingest, "read files and directories of news into the store")
    p.add_argument("paths", nargs="+", metavar="PATH")
    p.add_argument("--strict", action="store_true", help="stop at the first failure")
    p.add_argument("--quiet", action="store_true", help="no progress bar and no summary; errors still print")
    engine(p)
    from newsintel.cli.sharing import ingest_options

    ingest_options(p)

    p = add("extract", cmd_extract, "print what newsintel extracts from one file (nothing is stored)", json_flag)
    p.add_argument("file", metavar="FILE")
    p.add_argument("--check", action="store_true", help="check each fact against its shape (newsintel/facts.py)")

    add("stats", cmd_stats, "count documents, sentences, entities and mentions", json_flag)

    p = add("entities", cmd_entities, "list entities by the number of documents mentioning them", json_flag)
    p.add_argument("--type", metavar="T", help="PERSON, ORG, GPE, LOC, NORP, FAC, ...")
    p.add_argument("--top", metavar="N", type=positive, default=20)

    p = add("show", cmd_show, "show one document with its sentences and entities", json_flag)
    p.add_argument("doc_id", metavar="DOC_ID")

    p = add("search", cmd_search, "full-text search with snippets", json_flag)
    p.add_argument("query", metavar="QUERY")
    p.add_argument("--limit", type=positive, default=20)

    p = add("events", cmd_events, "list extracted events with modality, attribution and sources", json_flag)
    p.add_argument("--type", metavar="T", help="TRAVEL, CROSS_BORDER, FLEE, RETURN, ARREST, ATTACK, ...")
    p.add_argument("--entity", metavar="NAME", help="events with this person, group or place as an argument")
    p.add_argument("--modality", metavar="M", help="asserted, hedged, intended, attempted, future, conditional, "
                                                   "negated")
    p.add_argument("--limit", type=positive, default=50)
    min_confidence(p, "events")

    p = add("claims", cmd_claims, "list reported statements: who said what, where", json_flag)
    p.add_argument("--speaker", metavar="NAME")
    p.add_argument("--limit", type=positive, default=50)
    min_confidence(p, "claims")

    add("check", cmd_check, "check the store: sqlite integrity, foreign keys, full-text index, schema, offsets",
        json_flag)

    p = add("reprocess", cmd_reprocess, "re-run NLP and extraction on stored documents (after an upgrade)")
    engine(p)

    from newsintel.cli.analyst import add_commands

    add_commands(add, json_flag)

    p = add("summary", cmd_summary, "a readable overview of the store (used by `make demo`)")
    p.add_argument("--top", type=positive, default=8)
    p.add_argument("--query", default="border crossing")

    from newsintel.cli import geo
    geo.add_parser(sub, common, json_flag)
    from newsintel.cli.stories import add_parser as add_stories

    add_stories(add, json_flag)
    from newsintel.cli.actors import add_parser as add_actors

    add_actors(add, json_flag)
    from newsintel.cli.copy import add_parser as add_copy

    add_copy(sub)
    from newsintel.cli.sharing import add_commands as add_sharing

    add_sharing(add, json_flag)
    from newsintel.cli.watch import add_commands as add_watch

    add_watch(add, json_flag)
    from newsintel.cli.importer import add_command as add_import

    add_import(add, json_flag)
    from newsintel.cli import exports

    exports.add_parser(sub, common)
    return parser


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    problem = text_problem(args)
    if problem:
        error(problem)
        return EXIT_FAILED
    try:
        return args.func(args)
    except StoreError as err:
        error(str(err))
    except KeyboardInterrupt:
        error("interrupted")
        return 130
    except BrokenPipeError:
        sys.stderr.close()
        return EXIT_OK
    except (sqlite3.ProgrammingError, sqlite3.InterfaceError) as err:  # a bug in newsintel, not a store fault
        return internal_error(err)
    except sqlite3.DatabaseError as err:  # the store failed while a command was using it (damaged, read-only, ...)
        from newsintel.store.db import describe

        if args.command in STORELESS:  # not the store's fault: the packaged gazetteer, say
            return internal_error(err)
        error(describe(db_path(getattr(args, "db", None)), err))
    except OSError as err:
        from newsintel.ingest.discover import display_path

        name = err.filename
        shown = display_path(name) if isinstance(name, str | bytes | os.PathLike) else str(name)
        error(f"{shown}: {err.strerror or err}" if name is not None else str(err))
    except Exception as err:
        if _postgresql_fault(err):  # the PostgreSQL store failed (server gone, lock wait over, ...)
            error(f"store error: {' '.join(str(err).split())}")
            return EXIT_FAILED
        return internal_error(err)
    return EXIT_FAILED


def _postgresql_fault(err: Exception) -> bool:
    """A psycopg error that is the store's fault, not a bug in newsintel's SQL."""
    psycopg = sys.modules.get("psycopg")
    return bool(psycopg) and isinstance(err, psycopg.Error) and not isinstance(
        err, psycopg.errors.ProgrammingError | psycopg.errors.DataError | psycopg.InterfaceError)


def internal_error(err: Exception) -> int:
    """Last resort: one line instead of a traceback (NEWSINTEL_DEBUG=1 shows the traceback)."""
    if os.environ.get("NEWSINTEL_DEBUG"):
        raise err
    error(f"internal error: {type(err).__name__}: {render.safe(err, 300)} (please report; NEWSINTEL_DEBUG=1 "
          "shows where)")
    return EXIT_FAILED


if __name__ == "__main__":
    sys.exit(main())
