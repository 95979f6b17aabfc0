"""`newsintel export FORMAT --out FILE ...`: one `export` command with one sub-command per format.

Formats live in a registry, `FORMATS`: name -> (help, add_arguments, run). This module registers the analysts'
formats (csv, graphml, geojson, mentions, ftm); another module adds its own with `register(name, help,
add_arguments, run)` (cli/sharing.py registers `stix`), at import or while the parser is being built, in any order:
`add_parser` adds every format registered so far, and a format registered later during the same build is added at
once. `add_arguments(parser)` adds the format's options (`--db` is already there; `out_option` adds the usual
`--out FILE` and `--tlp-max LEVEL`); `run(args)` returns the exit status. Every format here streams from the store
into a temporary file that replaces FILE only when the export is complete (`-` writes to standard output), and
leaves out everything from documents above its TLP ceiling (default clear, as `export stix`).
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from newsintel.cli import render
from newsintel.cli.args import count, min_confidence, positive
from newsintel.cli.common import EXIT_FAILED, EXIT_OK, error, open_store


@dataclass(frozen=True, slots=True)
class Format:
    help: str
    add_arguments: Callable[[argparse.ArgumentParser], None]
    run: Callable[[argparse.Namespace], int]


FORMATS: dict[str, Format] = {}
_building: dict[str, Any] = {}  # the `export` sub-commands action and the common parent of the parser being built


def register(name: str, help_: str, add_arguments: Callable[[argparse.ArgumentParser], None],
             run: Callable[[argparse.Namespace], int]) -> None:
    """Make `newsintel export NAME` run `run(args)`."""
    FORMATS[name] = Format(help_, add_arguments, run)
    if _building:
        _add_format(name)


def add_parser(sub: Any, common: argparse.ArgumentParser) -> None:
    """Add the `export` command (with every format registered so far) to the main parser's sub-commands. While
    another module still adds an `export` command of its own, that one is kept and this adds nothing (two commands
    of one name would stop every command)."""
    if "export" in sub.choices:
        _building.clear()
        return
    p = sub.add_parser("export", help="export the store to files other tools open (CSV, GraphML, GeoJSON, ...)",
                       description=__doc__.split("\n\n")[0])
    _building.update(group=p.add_subparsers(dest="format", required=True, metavar="FORMAT"), common=common)
    for name in FORMATS:
        _add_format(name)


def _add_format(name: str) -> None:
    group, fmt = _building["group"], FORMATS[name]
    if name in group.choices:
        return
    p = group.add_parser(name, help=fmt.help, description=fmt.help, parents=[_building["common"]])
    fmt.add_arguments(p)
    p.set_defaults(func=fmt.run)


def out_option(parser: argparse.ArgumentParser, what: str) -> None:
    """`--out FILE` and `--tlp-max LEVEL`."""
    parser.add_argument("--out", required=True, metavar="FILE", help=f"the {what} file to write ('-': stdout)")
    parser.add_argument("--tlp-max", type=_tlp, default="clear", metavar="LEVEL",
                        help="the strictest TLP that may leave (default clear, as export stix): facts, names, "
                             "mentions and titles of documents marked above it are left out")


def _tlp(text: str) -> str:
    from newsintel.store.sharing import tlp_level

    level = tlp_level(text)
    if level is None:
        raise argparse.ArgumentTypeError("a TLP level: clear, green, amber, amber+strict, red")
    return level


def _export(args: argparse.Namespace, make: Callable[[Any], Any], what: str) -> int:
    """Check the output file, open the store read-only, stream the export, say what was written."""
    from newsintel.exports.base import unwritable
    from newsintel.ingest.discover import display_path

    target = Path(args.out)
    problem = unwritable(target)
    if problem:
        error(f"{display_path(args.out)}: cannot write the {what} file: {problem}")
        return EXIT_FAILED
    exporter = make(open_store(args))
    try:
        counts = exporter.write_file(target)
    except OSError as err:
        error(f"{display_path(args.out)}: cannot write the {what} file: {err.strerror or err}")
        return EXIT_FAILED
    shown = ", ".join(f"{k} {v:,}" for k, v in counts.items())
    withheld = len(exporter.ceiling.withheld) if exporter.ceiling is not None else 0
    above = f" (TLP {args.tlp_max} or below; {withheld:,} documents above it left out)" if withheld else \
        f" (TLP {args.tlp_max} or below)"
    print(render.safe(f"exported {shown} to {display_path(args.out)}{above}"), file=sys.stderr)
    return EXIT_OK


def _csv_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("--what", required=True, choices=("events", "claims", "identities"),
                   help="one row per event, per claim, or per identity")
    out_option(p, "CSV")


def _run_csv(args: argparse.Namespace) -> int:
    from newsintel.exports.csv_export import CsvExporter

    return _export(args, lambda conn: CsvExporter(conn, args.what, args.tlp_max), "CSV")


def _graphml_arguments(p: argparse.ArgumentParser) -> None:
    out_option(p, "GraphML")
    p.add_argument("--min-co-mentions", type=count(0), default=2, metavar="N",
                   help="link two people or groups named together in at least N reports (default 2; 0: no "
                        "co-mention edges, only relations and events)")


def _run_graphml(args: argparse.Namespace) -> int:
    from newsintel.exports.graphml import GraphmlExporter

    return _export(args, lambda conn: GraphmlExporter(conn, args.min_co_mentions, args.tlp_max), "GraphML")


def _run_mentions(args: argparse.Namespace) -> int:
    from newsintel.exports.mentions import MentionsExporter

    return _export(args, lambda conn: MentionsExporter(conn, args.tlp_max), "mentions")


def _run_ftm(args: argparse.Namespace) -> int:
    from newsintel.exports.ftm import FtmExporter

    try:
        import followthemoney  # noqa: F401  (the `sharing` extra)
    except ImportError:
        error("the FollowTheMoney export needs the followthemoney package: pip install 'newsintel[sharing]'")
        return EXIT_FAILED
    return _export(args, lambda conn: FtmExporter(conn, args.tlp_max), "FollowTheMoney")


def _geojson_arguments(p: argparse.ArgumentParser) -> None:
    out_option(p, "GeoJSON")
    p.add_argument("--limit", type=positive, default=100, help="flows with most events first (default 100)")
    min_confidence(p, "movement events")


def _run_geojson(args: argparse.Namespace) -> int:
    from newsintel.exports.base import Ceiling
    from newsintel.exports.geojson import GeojsonExporter
    from newsintel.store.gateway import wrap
    from newsintel.views.movements import confident_flows

    def make(conn: Any) -> GeojsonExporter:
        ceiling = Ceiling(wrap(conn), args.tlp_max)
        return GeojsonExporter(confident_flows(conn, args.limit, args.min_confidence, ceiling)[0], ceiling)

    return _export(args, make, "GeoJSON")


register("csv", "events, claims or identities as CSV, one row each with its provenance", _csv_arguments, _run_csv)
register("graphml", "the associates network of people and groups as GraphML (Gephi), typed and weighted edges",
         _graphml_arguments, _run_graphml)
register("geojson", "movement flows as GeoJSON with actors, dates, statuses and sources as properties (QGIS)",
         _geojson_arguments, _run_geojson)
register("mentions", "one JSON line per mention: document, origin, offsets, text, type, entity, identity",
         lambda p: out_option(p, "JSON lines"), _run_mentions)
register("ftm", "FollowTheMoney entities, one JSON object a line, to load into Aleph",
         lambda p: out_option(p, "JSON lines"), _run_ftm)
