"""What every command shares: exit codes, the one-line error, checks on names given by the user, opening the
store, printing JSON or the human rendering, and the confidence threshold. Commands import these from here, never
from `main`, which only builds the parser and dispatches."""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable

from newsintel.cli import render
from newsintel.cli.args import bad_text
from newsintel.store import db_path
from newsintel.store.db import open_database

EXIT_OK, EXIT_FAILED, EXIT_USAGE = 0, 1, 2


def error(message: str) -> None:
    print(f"error: {render.safe(message)}", file=sys.stderr, flush=True)


def refuse_bad_text(*checks: tuple[str | None, str] | tuple[str | None, str, int]) -> bool:
    """Print one error line and return True when a name (value, what[, limit]) given by the user is too long or
    not text."""
    for check in checks:
        message = bad_text(*check)
        if message:
            error(message)
            return True
    return False


def open_store(args: argparse.Namespace, readonly: bool = True):
    """The store named by --db (or NEWSINTEL_DB: a SQLite file or a postgresql:// URL), read-only unless asked."""
    return open_database(db_path(args.db), readonly=readonly)


def emit(args: argparse.Namespace, data: object, show: Callable[[], None]) -> int:
    """Print `data` as JSON with --json, else the human rendering."""
    from newsintel.cli.grades import graded

    graded(args, data)  # tlp, source_reliability, credibility on every sourced fact
    if args.json:
        print(json.dumps(data, ensure_ascii=False, indent=2 if isinstance(data, dict) else None))
    else:
        show()
    return EXIT_OK


def threshold(args: argparse.Namespace) -> float:
    """The --min-confidence asked for, else the views' default (data/confidence.yaml)."""
    from newsintel.views.confidence import default_min_confidence

    return default_min_confidence() if args.min_confidence is None else args.min_confidence
