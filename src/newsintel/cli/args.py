"""Argument checks shared by every command: counts are checked by argparse (a usage error, exit 2), names and
search text by `bad_text` before any query (a long name makes sqlite's LIKE refuse the pattern; bytes that are
not UTF-8 cannot be looked up at all)."""

from __future__ import annotations

import argparse
from collections.abc import Callable

MAX_COUNT = 1_000_000_000  # above this a limit means nothing, and sqlite integers overflow further up
MAX_WORKERS = 64  # each worker is a process with its own copy of the model's working memory
MAX_NAME = 500  # characters in a name, id or pattern given on the command line
MAX_QUERY = 2_000  # characters in a full-text search query
MAX_TEXT = 10_000  # characters in any other text argument (a judgement's --note)
PATH_ARGUMENTS = {"db", "paths", "file", "files", "geojson"}  # file names: any bytes the file system allows


def count(minimum: int = 1, maximum: int = MAX_COUNT) -> Callable[[str], int]:
    """An argparse type: an integer from `minimum` to `maximum`."""

    def parse(text: str) -> int:
        try:
            value = int(text)
        except ValueError:
            raise argparse.ArgumentTypeError(f"not a whole number: {text[:40]!r}") from None
        if value < minimum:
            raise argparse.ArgumentTypeError(f"must be at least {minimum}, got {value}")
        if value > maximum:
            raise argparse.ArgumentTypeError(f"must be at most {maximum}, got {value}")
        return value

    parse.__name__ = "count"  # argparse names the type in its messages
    return parse


def text_problem(args: argparse.Namespace) -> str | None:
    """The first text argument (not a file name) that is too long or not UTF-8, as an error message."""
    for key, value in vars(args).items():
        if key not in PATH_ARGUMENTS and isinstance(value, str):
            message = bad_text(value, key.upper() if key in ("name", "query", "doc_id") else f"--{key}", MAX_TEXT)
            if message:
                return message
    return None


positive = count(1)
workers = count(1, MAX_WORKERS)


def engine(parser: argparse.ArgumentParser) -> None:
    """Where the work runs: worker processes here (`--workers`), or a Dask cluster (README "Distributed ingest")."""
    parser.add_argument("--workers", type=workers, default=None,
                        help="worker processes, or local Dask workers (default: one per core)")
    parser.add_argument("--engine", choices=("local", "dask"), default="local",
                        help="local worker processes (default) or Dask workers")
    parser.add_argument("--scheduler", metavar="ADDRESS", default=None,
                        help="with --engine dask: a running scheduler (tcp://HOST:8786); default a local cluster")


def min_confidence(parser: argparse.ArgumentParser, what: str = "events") -> None:
    """The --min-confidence option every fact view takes (default: `views.min_confidence` in confidence.yaml)."""
    from newsintel.views.confidence import default_min_confidence

    parser.add_argument("--min-confidence", type=share, default=None, metavar="C",
                        help=f"hide {what} scored under C, 0 to 1 (default {default_min_confidence()}; 0 shows all)")


def share(text: str) -> float:
    """An argparse type: a number from 0 to 1 (a confidence threshold)."""
    try:
        value = float(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a number: {text[:40]!r}") from None
    if not 0.0 <= value <= 1.0:  # also refuses nan
        raise argparse.ArgumentTypeError(f"must be from 0 to 1, got {text[:40]}")
    return value


def bad_text(value: str | None, what: str, limit: int = MAX_NAME) -> str | None:
    """The error message for a name or query over `limit` characters or holding bytes that are not UTF-8 (the
    shell passes them through as lone surrogates), or None when it is fine."""
    if value is None:
        return None
    if len(value) > limit:
        return f"{what} is {len(value):,} characters long; at most {limit:,} are accepted"
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:
        return f"{what} holds bytes that are not UTF-8 text"
    return None
