"""Analyst commands: profile, timeline, movements, conflicts, identities, and the judgements merge / split /
not-same / retype / suppress / resolve. Registered on the main parser by `add_commands`."""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable
from pathlib import Path

from newsintel.cli import render_views
from newsintel.cli.args import count, min_confidence, positive
from newsintel.cli.common import EXIT_FAILED, EXIT_OK, error, refuse_bad_text, threshold
from newsintel.exports.base import unwritable
from newsintel.store import connect, db_path
from newsintel.store.db import open_database


def _conn(args: argparse.Namespace, readonly: bool = True):
    """The store of --db: read-only for the views (either backend, as a gateway Database), writable for judgements."""
    if readonly:
        return open_database(db_path(args.db), readonly=True, create=False)
    return connect(db_path(args.db), readonly=False, create=False)


def _emit(args: argparse.Namespace, data: object, show: Callable[[], None]) -> int:
    from newsintel.cli.grades import graded

    graded(args, data)  # tlp, source_reliability, credibility on every sourced fact
    if args.json:
        print(json.dumps(data, ensure_ascii=False, indent=2))
    else:
        show()
    return EXIT_OK


def _identity(args: argparse.Namespace, conn):
    from newsintel.views.common import find_identities

    found = find_identities(conn, args.name)
    if not found:
        error(f"no person, group or place matching {args.name!r} (try `newsintel identities`)")
    return found


def _for_identity(args: argparse.Namespace, view: Callable) -> int:
    """Find the identity named on the command line, then print `view(conn, found)` (data, show) or an error."""

    if refuse_bad_text((args.name, "NAME")):
        return EXIT_FAILED
    conn = _conn(args)
    found = _identity(args, conn)
    if not found:
        return EXIT_FAILED
    data, show = view(conn, found)
    return _emit(args, data, show)


def cmd_profile(args: argparse.Namespace) -> int:
    from newsintel.cli import render_group
    from newsintel.views.common import find_identities
    from newsintel.views.group_profile import build_group_profile, build_set_profile, described_set_query
    from newsintel.views.profile import build_profile

    def view(conn, found):
        group = found[0]["type"] == "ORG"
        profile = (build_group_profile(conn, found[0], args.limit, args.min_confidence) if group
                   else build_profile(conn, found[0], args.limit, args.min_confidence))
        others = [{"id": r["id"], "name": r["name"], "documents": r["documents"]} for r in found[1:]]

        def show() -> None:
            render_views.print_profile(profile, others)
            if group:
                render_group.print_group(profile)
        return {**profile, "other_matches": others}, show

    if refuse_bad_text((args.name, "NAME")):
        return EXIT_FAILED
    described = described_set_query(args.name)
    if described is not None:  # "Belgian fighters": a described set, when no identity has that name
        conn = _conn(args)
        if not find_identities(conn, args.name):
            profile = build_set_profile(conn, args.name, *described, limit=args.limit,
                                        min_confidence=args.min_confidence)
            return _emit(args, profile, lambda: render_group.print_set_profile(profile))
    return _for_identity(args, view)


def cmd_timeline(args: argparse.Namespace) -> int:
    from newsintel.views.profile import timeline

    def view(conn, found):
        facts = timeline(conn, found[0], args.limit, args.min_confidence)
        return facts, lambda: render_views.print_timeline(found[0]["name"], facts)

    return _for_identity(args, view)


def cmd_movements(args: argparse.Namespace) -> int:
    from newsintel.cli.render_facts import hidden_note, print_hidden
    from newsintel.exports.geojson import GeojsonExporter
    from newsintel.ingest.discover import display_path
    from newsintel.views.movements import confident_flows

    target = Path(args.geojson) if args.geojson else None
    problem = target and unwritable(target)
    if problem:
        error(f"{display_path(args.geojson)}: cannot write the GeoJSON file: {problem}")
        return EXIT_FAILED
    conn = _conn(args)
    ceiling = _movements_ceiling(args, conn)
    result, hidden = confident_flows(conn, args.limit, args.min_confidence, ceiling)
    if ceiling is not None and ceiling.withheld:
        print(f"newsintel: TLP {ceiling.tlp_max} or below: {len(ceiling.withheld):,} documents above it left out",
              file=sys.stderr)
    if target:
        try:
            GeojsonExporter(result, ceiling).write_file(target)  # streamed into a file renamed over FILE at the end
        except OSError as err:
            error(f"{display_path(args.geojson)}: cannot write the GeoJSON file: {err.strerror or err}")
            return EXIT_FAILED
    if args.json and (note := hidden_note(hidden, threshold(args), "movement events")):
        print(f"newsintel: {note}", file=sys.stderr)
    return _emit(args, result, lambda: (render_views.print_flows(result),
                                        print_hidden(hidden, threshold(args), "movement events")))


def _movements_ceiling(args: argparse.Namespace, conn):
    """`movements --tlp-max LEVEL`: the exports' TLP ceiling (exports/base.Ceiling) over the flows shown and
    written; with --geojson and no --tlp-max it is clear, as for every export (the file leaves the store)."""
    from newsintel.exports.base import Ceiling

    level = args.tlp_max or ("clear" if args.geojson else None)
    return Ceiling(conn, level) if level else None


def write_atomically(path: Path, text: str) -> None:
    """Write `text` to a temporary file beside `path`, then rename it over: a failed write leaves no half file."""
    import os
    import tempfile

    fd, temp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as out:
            out.write(text)
        os.replace(temp, path)
    except BaseException:
        Path(temp).unlink(missing_ok=True)
        raise


def cmd_conflicts(args: argparse.Namespace) -> int:
    from newsintel.cli.render_facts import hidden_note, print_hidden
    from newsintel.views.conflicts import confident_conflicts

    groups, hidden = confident_conflicts(_conn(args), args.limit, args.min_confidence)
    if args.json and (note := hidden_note(hidden, threshold(args), "figures")):
        print(f"newsintel: {note}", file=sys.stderr)
    return _emit(args, groups, lambda: (render_views.print_conflicts(groups),
                                        print_hidden(hidden, threshold(args), "figures")))


def cmd_identities(args: argparse.Namespace) -> int:
    from newsintel.store.queries import identity_list

    rows = identity_list(_conn(args), args.type, args.top)
    return _emit(args, rows, lambda: render_views.print_identities(rows))


def _judge(action: Callable[[], object], done: str, *ids: str) -> int:
    from newsintel.resolve.judgements import JudgementError

    if refuse_bad_text(*((i, "ID") for i in ids)):
        return EXIT_FAILED
    try:
        result = action()
    except JudgementError as err:
        error(str(err))
        return EXIT_FAILED
    print(done.format(result=result))
    return EXIT_OK


def cmd_merge(args: argparse.Namespace) -> int:
    from newsintel.store.identity_index import merge

    conn = _conn(args, readonly=False)
    return _judge(lambda: merge(conn, args.a, args.b, args.note), "merged into {result}", args.a, args.b)


def cmd_split(args: argparse.Namespace) -> int:
    from newsintel.store.identity_index import split

    conn = _conn(args, readonly=False)
    return _judge(lambda: split(conn, args.identity, args.mention, args.note), "split off as {result}", args.identity)


def cmd_not_same(args: argparse.Namespace) -> int:
    from newsintel.store.identity_index import not_same

    conn = _conn(args, readonly=False)
    return _judge(lambda: not_same(conn, args.a, args.b, args.note), "recorded as judgement #{result}", args.a, args.b)


def cmd_retype(args: argparse.Namespace) -> int:
    from newsintel.store.identity_index import retype

    conn = _conn(args, readonly=False)
    return _judge(lambda: retype(conn, args.identity, args.type, args.note), "{result} retyped (judgement kept)",
                  args.identity, args.type)


def cmd_suppress(args: argparse.Namespace) -> int:
    from newsintel.store.identity_index import suppress

    conn = _conn(args, readonly=False)
    return _judge(lambda: suppress(conn, args.identity, args.note), "{result} suppressed: out of every view",
                  args.identity)


def cmd_resolve(args: argparse.Namespace) -> int:
    from newsintel.store.identity_index import rebuild

    count = rebuild(_conn(args, readonly=False))
    print(f"resolved again: {count} identities (analyst judgements re-applied)")
    return EXIT_OK


def _tlp_arg(text: str) -> str:
    from newsintel.cli.sharing import tlp_arg

    return tlp_arg(text)


def add_commands(add: Callable[..., argparse.ArgumentParser], json_flag: argparse.ArgumentParser) -> None:
    p = add("profile", cmd_profile, "who / where / heading / intent / associates / what is said, with sources",
            json_flag)
    p.add_argument("name", metavar="NAME", help="a name in any spelling, or an identity id")
    p.add_argument("--limit", type=positive, default=20, help="items per section (latest first)")
    min_confidence(p)
    p = add("timeline", cmd_timeline, "dated events of a person, group or place, oldest first, with sources",
            json_flag)
    p.add_argument("name", metavar="NAME")
    p.add_argument("--limit", type=positive, default=200)
    min_confidence(p)
    p = add("movements", cmd_movements, "origin → via → destination flows with counts, status and sources",
            json_flag)
    p.add_argument("--geojson", metavar="FILE", help="also write the flows as GeoJSON (QGIS, geojson.io)")
    p.add_argument("--tlp-max", type=_tlp_arg, metavar="LEVEL",
                   help="only documents at or under this TLP count, and names as they give them (as the exports;"
                        " default: all documents, or clear with --geojson, whose file leaves the store)")
    p.add_argument("--limit", type=positive, default=100)
    min_confidence(p, "movement events")
    p = add("conflicts", cmd_conflicts, "figures that disagree about the same thing, with each source", json_flag)
    p.add_argument("--limit", type=positive, default=50)
    min_confidence(p, "figures")
    p = add("identities", cmd_identities, "people, groups and places across documents", json_flag)
    p.add_argument("--type", metavar="T")
    p.add_argument("--top", type=positive, default=30)
    for name, func, help_ in (("merge", cmd_merge, "judge two identities to be one (always wins)"),
                              ("not-same", cmd_not_same, "judge two identities never to be merged")):
        p = add(name, func, help_)
        p.add_argument("a", metavar="ID")
        p.add_argument("b", metavar="ID")
        p.add_argument("--note", help="why (kept with the judgement)")
    p = add("split", cmd_split, "move the entity of one mention out of an identity (always wins)")
    p.add_argument("identity", metavar="ID")
    p.add_argument("--mention", type=count(1, 2**63 - 1), required=True, metavar="M",
                   help="mention id (see `show --json`)")
    p.add_argument("--note")
    p = add("retype", cmd_retype, "judge an identity to be of another type (always wins, survives rebuilds)")
    p.add_argument("identity", metavar="ID")
    p.add_argument("type", metavar="TYPE", help="PERSON, ORG, GPE, LOC or FAC")
    p.add_argument("--note", help="why (kept with the judgement)")
    p = add("suppress", cmd_suppress, "judge an identity to be junk: kept out of every view (survives rebuilds)")
    p.add_argument("identity", metavar="ID")
    p.add_argument("--note", help="why (kept with the judgement)")
    add("resolve", cmd_resolve, "rebuild cross-document identities from scratch, re-applying judgements")
