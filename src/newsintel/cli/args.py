"""Argument checks shared by every command: counts are checked by argparse (a usage error, exit 2), names and
search text by `too_long` before any query (a long name makes sqlite's LIKE refuse the pattern)."""

from __future__ import annotations

import argparse
from collections.abc import Callable

MAX_COUNT = 1_000_000_000  # above this a limit means nothing, and sqlite integers overflow further up
MAX_WORKERS = 64  # each worker is a process with its own copy of the model's working memory
MAX_NAME = 500  # characters in a name, id or pattern given on the command line
MAX_QUERY = 2_000  # characters in a full-text search query


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


positive = count(1)
workers = count(1, MAX_WORKERS)


def too_long(value: str | None, what: str, limit: int = MAX_NAME) -> str | None:
    """The error message for a name or query over `limit` characters, or None when it is fine."""
    if value is not None and len(value) > limit:
        return f"{what} is {len(value):,} characters long; at most {limit:,} are accepted"
    return None
