"""`newsintel copy --from DB --to DB`: move a whole store to another backend (store/copy.py says how)."""

from __future__ import annotations

import argparse

from newsintel.cli.common import EXIT_FAILED, EXIT_OK, error


def cmd_copy(args: argparse.Namespace) -> int:
    from newsintel.store.copy import CopyError, copy_store

    try:
        report = copy_store(args.source, args.target)
    except CopyError as err:
        error(str(err))
        return EXIT_FAILED
    if not args.quiet:
        rows = sum(report.rows.values())
        print(f"copied {report.documents} documents ({rows} rows in {len(report.rows)} tables)")
    return EXIT_OK


def add_parser(sub) -> None:
    """Register `copy` on the main parser's subcommands."""
    help_ = ("copy a whole store into an empty one, between SQLite files and PostgreSQL databases "
             "(ids and judgements kept)")
    p = sub.add_parser("copy", help=help_, description=help_)
    p.add_argument("--from", dest="source", required=True, metavar="DB",
                   help="the store to copy: a SQLite file or postgresql://USER@HOST:PORT/DB")
    p.add_argument("--to", dest="target", required=True, metavar="DB",
                   help="an empty or new store: a SQLite file or postgresql://USER@HOST:PORT/DB")
    p.add_argument("--quiet", action="store_true", help="no summary line")
    p.set_defaults(func=cmd_copy)
