"""Normalised date values (an ISO day, or a "start/end" range of days) and their precision.

Every date newsintel derives keeps how precise it is: "in 2013" is the year 2013, shown as "2013", never as
2013-01-01. The precision is read off the value's shape, so values stored before it was recorded get the same one.
Views show a value with `label` and sort values of mixed precision with `order_key`.
"""

from __future__ import annotations

import calendar
from datetime import date

SEASONS = {"spring": (3, 5), "summer": (6, 8), "autumn": (9, 11), "fall": (9, 11)}  # northern-hemisphere months
PRECISIONS = ("day", "week", "month", "season", "year", "decade", "range")


def _bounds(value: str) -> tuple[date, date] | None:
    first, _, last = value.partition("/")
    try:
        start = date.fromisoformat(first[:10])
        end = date.fromisoformat(last[:10]) if last else start
    except ValueError:
        return None
    return (start, end) if start <= end else None


def _whole_months(start: date, end: date) -> bool:
    return start.day == 1 and end.day == calendar.monthrange(end.year, end.month)[1]


def precision_of(value: str | None) -> str | None:
    """How precise a normalised value is, from its shape: `day` ("2013-05-03", or a date and time), `week` (a
    Monday-Sunday range), `month`, `season` (three whole months of one season), `year`, `decade` ("the 2010s"),
    else `range`; None for no (or no valid) value."""
    if not value:
        return None
    bounds = _bounds(value)
    if bounds is None:
        return None
    start, end = bounds
    if start == end:
        return "day"
    if (end - start).days == 6 and start.weekday() == 0:
        return "week"
    if _whole_months(start, end):
        months = (end.year - start.year) * 12 + end.month - start.month + 1
        if months == 1:
            return "month"
        if months == 3 and (start.month, end.month) in SEASONS.values():
            return "season"
        if start.month == 1 and end.month == 12:
            years = end.year - start.year + 1
            if years == 1:
                return "year"
            if years == 10 and start.year % 10 == 0:
                return "decade"
    return "range"


_SEASON_NAMES = {months: name for name, months in SEASONS.items() if name != "fall"}


def label(value: str | None, precision: str | None = None) -> str | None:
    """A value as shown to a person, no more precise than it is: "2013-05-03", "2013-05", "summer 2013", "2013",
    "2010s", "2011/2013" (years), "2013-03/2013-05" (months), else the ISO day range."""
    bounds = _bounds(value) if value else None
    if bounds is None:
        return value or None
    precision = precision or precision_of(value)
    start, end = bounds
    if precision == "day":
        return value if "T" in value else start.isoformat()
    if precision == "month":
        return start.isoformat()[:7]
    if precision == "season":
        return f"{_SEASON_NAMES[(start.month, end.month)]} {start.year}"
    if precision == "year":
        return str(start.year)
    if precision == "decade":
        return f"{start.year}s"
    if _whole_months(start, end):
        if start.month == 1 and end.month == 12:
            return f"{start.year}/{end.year}"
        return f"{start.isoformat()[:7]}/{end.isoformat()[:7]}"
    return f"{start.isoformat()}/{end.isoformat()}"


def order_key(value: str | None) -> tuple[str, int]:
    """Sort key for dates of mixed precision: by the first day a value covers, and among values that start on the
    same day the wider first ("2013" before "2013-01" before "2013-01-01"), as a heading before what it holds.
    Latest-first lists use the same key reversed. A missing or unreadable value sorts first ("")."""
    bounds = _bounds(value) if value else None
    if bounds is None:
        return ("", 0)
    start, end = bounds
    return (start.isoformat(), -(end - start).days)
