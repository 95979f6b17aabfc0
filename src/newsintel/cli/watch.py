"""`newsintel watch add|list|remove` and `newsintel alerts`: follow identities and read what new reports say.

A watch is resolved to one identity when it is added, as `profile` finds one: an identity id (or unique prefix),
its shown name, or a spelling the resolver knows. An unknown name is refused (nothing is stored under a name that
names no one yet: ingest a report naming them first); an ambiguous one is refused with its candidates listed, so
the analyst picks by id. Alerts are made while ingesting (views/alerts.py).
"""

from __future__ import annotations

import argparse
from collections.abc import Callable

from newsintel.cli import render
from newsintel.cli.common import EXIT_FAILED, EXIT_OK, EXIT_USAGE, emit, error, open_store, refuse_bad_text

MAX_NOTE = 1000


def _fold(text: str) -> str:
    return " ".join(text.split()).casefold()


def pick_identity(conn, name: str) -> tuple[object | None, str | None]:
    """(the identity `name` designates, None) or (None, why not: unknown, or ambiguous with its candidates)."""
    from newsintel.views.common import find_identities

    found = find_identities(conn, name)
    if not found:
        return None, (f"no person, group or place matching {name!r}: ingest a report naming them first "
                      "(`newsintel identities` lists who is known)")
    exact = [r for r in found if _fold(r["name"]) == _fold(name) or r["id"] == name]
    if len(found) == 1 or len(exact) == 1:
        return (exact or found)[0], None
    listed = "; ".join(f"{r['id']} {r['name']} ({r['documents']} reports)" for r in found)
    return None, f"{name!r} matches several identities: {listed}; give one id: newsintel watch add ID"


def cmd_watch_add(args: argparse.Namespace) -> int:
    from newsintel.store.watch import add_watch

    if refuse_bad_text((args.name, "NAME"), (args.note, "--note", MAX_NOTE)):
        return EXIT_FAILED
    conn = open_store(args, readonly=False)
    identity, problem = pick_identity(conn, args.name)
    if identity is None:
        error(problem or "")
        return EXIT_FAILED
    given = " ".join(args.name.split())
    shown = identity["name"] if identity["id"].startswith(given) else given  # an id: keep the readable name
    added = add_watch(conn, shown, identity["id"], args.note)
    verb = "watching" if added else "already watching (updated)"
    print(render.safe(f"{verb} {identity['name']} ({identity['id']}, {identity['documents']} reports)"))
    return EXIT_OK


def cmd_watch_remove(args: argparse.Namespace) -> int:
    from newsintel.store.watch import remove_watch

    if refuse_bad_text((args.name, "NAME")):
        return EXIT_FAILED
    removed = remove_watch(open_store(args, readonly=False), " ".join(args.name.split()))
    if not removed:
        error(f"no watch named {args.name!r} (`newsintel watch list` shows them)")
        return EXIT_FAILED
    print(render.safe(f"stopped watching {args.name}"))
    return EXIT_OK


def cmd_watch_list(args: argparse.Namespace) -> int:
    from newsintel.store.watch import list_watches

    rows = list_watches(open_store(args))

    def show() -> None:
        if not rows:
            print("no watches (add one: newsintel watch add NAME)")
        for r in rows:
            now_named = r["identity_name"] or "identity gone (merged or rebuilt): remove and add again"
            note = f" — {r['note']}" if r["note"] else ""
            print(render.safe(f"{r['name']}: {now_named} [{r['identity']}], {r['alerts']} alerts, since "
                              f"{r['created_at']}{note}", 400))

    return emit(args, rows, show)


def cmd_alerts(args: argparse.Namespace) -> int:
    from newsintel.store.watch import list_alerts

    if refuse_bad_text((args.since, "--since")):
        return EXIT_FAILED
    rows = list_alerts(open_store(args), args.since, args.limit)

    def show() -> None:
        if not rows:
            print("no alerts" + (f" since {args.since}" if args.since else ""))
        for r in rows:
            src = r["source"]
            where = f"{src['title'] or src['document']}" + (f", {src['publisher']}" if src["publisher"] else "")
            print(render.safe(f"{r['created_at']}  {r['watch']}: {r['kind']}: {r['summary']}  [{where}, "
                              f"sentence {src['sentence']}]", 500))

    return emit(args, rows, show)


def _since(value: str) -> str:
    """An ISO date or date-time (`2026-12-07`, `2026-12-07T10:00`): compared with the alerts' UTC timestamps."""
    from datetime import datetime

    try:
        datetime.fromisoformat(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not an ISO date: {value!r} (e.g. 2026-12-07)") from None
    return value


def add_commands(add: Callable, json_flag: argparse.ArgumentParser) -> None:
    """Register `watch` (with its actions) and `alerts` through main's `add`. `--db` goes before or after the
    action (`watch --db F list`, `watch list --db F`): the action's own `--db` has no default, so it never
    overwrites the one given before it."""
    from newsintel.cli.args import positive

    sub_common = argparse.ArgumentParser(add_help=False)
    sub_common.add_argument("--db", metavar="FILE", default=argparse.SUPPRESS,
                            help="store file or postgresql:// URL, as for every command")

    p = add("watch", _usage, "follow a person, group or place: alerts when new reports name it")
    actions = p.add_subparsers(dest="action", metavar="ACTION")
    a = actions.add_parser("add", help="watch an identity (a name as `profile` takes it, or an id)",
                           parents=[sub_common])
    a.add_argument("name", metavar="NAME")
    a.add_argument("--note", metavar="TEXT", help="why it is watched (shown by `watch list`)")
    a.set_defaults(func=cmd_watch_add)
    r = actions.add_parser("remove", help="stop watching (the name as added, or the identity id)",
                           parents=[sub_common])
    r.add_argument("name", metavar="NAME")
    r.set_defaults(func=cmd_watch_remove)
    lst = actions.add_parser("list", help="the watches with their alert counts", parents=[sub_common, json_flag])
    lst.set_defaults(func=cmd_watch_list)

    p = add("alerts", cmd_alerts, "alerts made while ingesting: new facts about watched identities", json_flag)
    p.add_argument("--since", metavar="DATE", type=_since, help="only alerts made at or after this ISO date/time")
    p.add_argument("--limit", type=positive, default=200)


def _usage(args: argparse.Namespace) -> int:
    error("give an action: newsintel watch add NAME | list | remove NAME")
    return EXIT_USAGE


def last_alert_mark(target: str) -> int:
    """Before an ingest: the last alert id, so the run can count the alerts it made."""
    from newsintel.store import connect
    from newsintel.store.watch import last_alert_id

    conn = connect(target)
    try:
        return last_alert_id(conn)
    finally:
        conn.close()


def print_alert_line(target: str, before: int) -> None:
    """After an ingest: one line when it made alerts ("3 alerts for 2 watched identities: newsintel alerts")."""
    from newsintel.store import connect
    from newsintel.store.watch import alert_counts_after

    conn = connect(target)
    try:
        made, identities = alert_counts_after(conn, before)
    finally:
        conn.close()
    if made:
        print(f"{made} alert{'s' if made != 1 else ''} for {identities} watched identit"
              f"{'ies' if identities != 1 else 'y'}: newsintel alerts")
