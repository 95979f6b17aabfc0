"""Sharing commands (issue 14): `sources` (the source registry), `export stix`, the `ingest --tlp/--source`
options, and the grades (`tlp`, `source_reliability`, `credibility`) added to every fact a view prints."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from newsintel.cli import render
from newsintel.cli.common import EXIT_FAILED, EXIT_OK, EXIT_USAGE, emit, error, open_store
from newsintel.store.sharing import RELIABILITY, TLP_LEVELS, Handling, tlp_level


def tlp_arg(text: str) -> str:
    """An argparse type: a TLP 2.0 level (clear, green, amber, amber+strict, red; "TLP:" and case ignored)."""
    level = tlp_level(text)
    if level is None:
        raise argparse.ArgumentTypeError(f"not a TLP 2.0 level: {text[:40]!r} (one of {', '.join(TLP_LEVELS)})")
    return level


def reliability_arg(text: str) -> str:
    value = text.strip().upper()
    if value not in RELIABILITY:
        raise argparse.ArgumentTypeError(f"not an Admiralty source reliability: {text[:40]!r} (A to F)")
    return value


def ingest_options(parser: argparse.ArgumentParser) -> None:
    """`ingest --tlp LEVEL --source NAME`: how the stored documents are marked (README "Sharing")."""
    parser.add_argument("--tlp", type=tlp_arg, default=None, metavar="LEVEL",
                        help="TLP 2.0 level of these documents: clear, green, amber, amber+strict, red "
                             "(default: the source's, else clear)")
    parser.add_argument("--source", default=None, metavar="NAME",
                        help="the source these documents come from (default: each document's publisher)")


def handling(args: argparse.Namespace) -> Handling | None:
    tlp, source = getattr(args, "tlp", None), getattr(args, "source", None)
    return Handling(tlp, source) if tlp or source else None


def cmd_sources(args: argparse.Namespace) -> int:
    from newsintel.store.sharing import list_sources, set_source

    if args.action is None:
        if args.source or args.reliability or args.tlp:
            error("to grade a source: newsintel sources set SOURCE --reliability A..F --tlp LEVEL")
            return EXIT_USAGE
        rows = list_sources(open_store(args))
        return emit(args, rows, lambda: _print_sources(rows))
    if not args.source or not (args.reliability or args.tlp):
        error("sources set needs a SOURCE and --reliability and/or --tlp")
        return EXIT_USAGE
    row = set_source(open_store(args, readonly=False), args.source, args.reliability, args.tlp)
    return emit(args, row, lambda: print(render.safe(f"{row['name']}: reliability {row['reliability']}, "
                                                     f"TLP:{row['tlp'].upper()}")))


def _print_sources(rows: list[dict[str, Any]]) -> None:
    from rich.table import Table

    table = Table(title="Sources")
    for column in ("source", "reliability", "TLP", "documents", "by TLP"):
        table.add_column(column)
    for r in rows:
        by = ", ".join(f"{k} {v}" for k, v in sorted(r["by_tlp"].items()))
        table.add_row(render.safe(r["name"], 60), r["reliability"] + ("" if r["registered"] else " (not graded)"),
                      (r["tlp"] or "-"), str(r["documents"]), by)
    render.console.print(table)


def cmd_export(args: argparse.Namespace) -> int:
    from newsintel.exports.base import unwritable
    from newsintel.exports.stix import Selection, StixExporter
    from newsintel.ingest.discover import display_path
    from newsintel.views.grading import contradicted

    target = Path(args.out)
    problem = unwritable(target)
    if problem:
        error(f"{display_path(args.out)}: cannot write the bundle: {problem}")
        return EXIT_FAILED
    if args.name and args.story is not None:
        error("give --name or --story, not both")
        return EXIT_USAGE
    conn = open_store(args)
    identity = None
    if args.name:
        from newsintel.views.common import find_identities

        found = find_identities(conn, args.name)
        if not found:
            error(f"no person, group or place matching {args.name!r} (try `newsintel identities`)")
            return EXIT_FAILED
        identity = found[0]["id"]
    selection = Selection(tlp_max=args.tlp_max, identity=identity, story=args.story, since=args.since)
    exporter = StixExporter(conn, selection)
    exporter.contradicted = contradicted(conn, may_use=set(exporter.documents()))
    try:
        exporter.write_file(target)  # streamed, object by object, into a file renamed over FILE when complete
    except OSError as err:
        error(f"{display_path(args.out)}: cannot write the bundle: {err.strerror or err}")
        return EXIT_FAILED
    counts = exporter.counts
    print(render.safe(f"exported {sum(counts.values())} STIX objects from {len(exporter.documents())} documents "
                      f"(TLP {args.tlp_max} or below) to {display_path(args.out)}: "
                      + ", ".join(f"{k} {v}" for k, v in sorted(counts.items()))), file=sys.stderr)
    return EXIT_OK


def _date(text: str) -> str:
    from datetime import date

    try:
        return date.fromisoformat(text[:10]).isoformat()
    except ValueError:
        raise argparse.ArgumentTypeError(f"not an ISO date (YYYY-MM-DD): {text[:40]!r}") from None


def add_commands(add: Any, json_flag: argparse.ArgumentParser) -> None:
    """`sources`, and `stix` in the `export` command's formats (cli/exports.py)."""
    p = add("sources", cmd_sources, "the source registry: Admiralty reliability and default TLP of each source",
            json_flag)
    p.add_argument("action", nargs="?", choices=("set",), help="set: grade a source")
    p.add_argument("source", nargs="?", metavar="SOURCE")
    p.add_argument("--reliability", type=reliability_arg, metavar="A..F",
                   help="A reliable ... E unreliable, F cannot be judged")
    p.add_argument("--tlp", type=tlp_arg, metavar="LEVEL", help="clear, green, amber, amber+strict, red")

    from newsintel.cli import exports

    exports.register("stix", "a STIX 2.1 bundle for partners: TLP 2.0 marked, Admiralty graded, nothing above "
                     "--tlp-max", stix_arguments, cmd_export)


def stix_arguments(p: argparse.ArgumentParser) -> None:
    """The options of `newsintel export stix`."""
    from newsintel.cli.args import positive

    p.add_argument("--out", required=True, metavar="FILE", help="the bundle file to write (JSON)")
    p.add_argument("--tlp-max", type=tlp_arg, default="clear", metavar="LEVEL",
                   help="the strictest TLP that may leave (default clear): nothing stricter is exported")
    p.add_argument("--name", metavar="NAME", help="only documents about this person, group or place")
    p.add_argument("--story", type=positive, metavar="ID", help="only the documents of this story")
    p.add_argument("--since", type=_date, metavar="DATE", help="only documents published on or after DATE")
