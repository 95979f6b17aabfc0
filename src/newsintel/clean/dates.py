"""Publication dates: a plausible calendar date in ISO 8601, or nothing with the reason why — never a guess.

Feeds put anything in a date field: epoch numbers, RFC 2822, "May 22, 2024", "-1", "9999-99-99", "yesterday",
a megabyte of junk. Relative phrases are not publication dates (they would be read against today's clock),
a date needs a day, month and year, and it must fall between `earliest_year` and a day from now
(data/dates.yaml). Parsing time is bounded by refusing long values before any parser sees them, and by letting
dateparser try only the document's own language and English (all its ~200 languages: ~150 ms a junk value, seconds
for the first one; two: ~2 ms).
"""

from __future__ import annotations

import calendar
import math
import re
from datetime import UTC, date, datetime, timedelta

from newsintel.resources import load_yaml

# Only absolute dates with all three parts: no 'relative-time' ("in 2 days"), no 'timestamp' (handled here,
# with a range check), and a missing day or year is not filled in from today.
_DATEPARSER_SETTINGS = {"PARSERS": ["absolute-time"], "REQUIRE_PARTS": ["day", "month", "year"]}
_NUMBER = re.compile(r"[+-]?\d+(?:\.\d+)?")
_TIME_OF_DAY = re.compile(r"\d:\d\d")
_NOT_A_DATE = "not a calendar date with day, month and year"


class DateProblem(ValueError):
    """Why a value is not stored as a publication date (one short phrase)."""


def config() -> dict:
    return load_yaml("dates.yaml")


def quote(value: str) -> str:
    """A bad value as a short, escaped, one-line quotation for a warning."""
    limit = config()["quote_chars"]
    return repr(value[:limit]) + ("…" if len(value) > limit else "")


def parse_published(value: object, language: str | None = None) -> str | None:
    """ISO 8601 date (or date and time with its offset, when a time is given) for a publication date value written
    in English or `language` (the document's); None when there is none; raises `DateProblem` when the value is not
    a plausible date."""
    if value is None or value == "":
        return None
    if isinstance(value, bool) or not isinstance(value, str | int | float):
        kind = {"dict": "an object", "list": "a list"}.get(type(value).__name__, f"a {type(value).__name__}")
        raise DateProblem(f"{kind}, not a date")
    if isinstance(value, int | float):
        return _from_epoch(value)
    text = value.strip()
    if not text:
        return None
    if len(text) > config()["max_chars"]:
        raise DateProblem(f"{len(text):,} characters long")
    if _NUMBER.fullmatch(text) and len(text.split(".")[0]) != 8:  # 20240522 is a basic ISO date, not seconds
        return _from_epoch(float(text))
    parsed = _parse_text(text, language)
    _check_range(parsed)
    if not _TIME_OF_DAY.search(text):  # no time of day given: a date
        return parsed.date().isoformat()
    return parsed.replace(microsecond=0).isoformat()


def _parse_text(text: str, language: str | None) -> datetime:
    try:
        return datetime.fromisoformat(text)
    except ValueError:
        pass
    if not any(c.isdigit() for c in text):  # a date needs a day number; saves dateparser the work
        raise DateProblem(_NOT_A_DATE)
    import dateparser  # slow to import; only needed for non-ISO dates

    try:
        parsed = dateparser.parse(text, settings=_DATEPARSER_SETTINGS, languages=_languages(language))
    except (ValueError, OverflowError):  # dateparser's own limits on odd values
        parsed = None
    if parsed is None:
        raise DateProblem(_NOT_A_DATE)
    return parsed


def _languages(language: str | None) -> list[str]:
    from dateparser.data.languages_info import language_order

    return ["en", language] if language and language != "en" and language in language_order else ["en"]


def _from_epoch(number: int | float) -> str:
    """Seconds since 1970 (or milliseconds, when too large to be seconds) as a UTC date and time."""
    if (isinstance(number, int) and number.bit_length() > 64) or not math.isfinite(number):
        raise DateProblem("a number out of range")
    seconds = number / 1000 if abs(number) >= 1e11 else number
    if seconds < 1e8:  # "-1", "0", "12": placeholders and counters; 1e8 s is March 1973
        raise DateProblem("a number, not a date")
    try:
        parsed = datetime.fromtimestamp(seconds, UTC)
    except (OverflowError, OSError, ValueError):
        raise DateProblem("a number out of range") from None
    _check_range(parsed)
    return parsed.replace(microsecond=0).isoformat()


def _check_range(parsed: datetime) -> None:
    cfg = config()
    latest = datetime.now(UTC) + timedelta(days=cfg["future_days"])
    if parsed.year < cfg["earliest_year"]:
        raise DateProblem(f"before {cfg['earliest_year']}")
    if parsed.year > latest.year or (parsed.astimezone(UTC) if parsed.tzinfo else parsed.replace(tzinfo=UTC)) > latest:
        raise DateProblem("in the future")


def date_warning(value: object, problem: DateProblem) -> str:
    """The warning line's reason for a dropped date."""
    if isinstance(value, str):
        shown = " " + quote(value)
    elif isinstance(value, int | float) and not isinstance(value, bool) and abs(value) < 1e15:
        shown = f" {value!r}"
    else:
        shown = ""
    return f"published date{shown} is not a plausible date ({problem}); stored without a date"


_MONTH = r"(?P<month>[A-Za-z]{3,9})\.?"
_DAY_FIRST = rf"(?P<day>\d{{1,2}})(?:st|nd|rd|th)?\s+{_MONTH},?\s+(?P<year>(?:19|20)\d\d)"
_MONTH_FIRST = rf"{_MONTH}\s+(?P<day>\d{{1,2}})(?:st|nd|rd|th)?,?\s+(?P<year>(?:19|20)\d\d)"
# an edition stamp: a full date set off at the start or the end of a title ("Evening Brief -- May 3, 2021",
# "3 May 2021: what we know"), not a date inside its words ("Ten years after May 3, 2011, the town remembers")
_TITLE_STAMPS = [re.compile(rf"^\s*(?:{d})\s*[-–—:|]", re.I) for d in (_DAY_FIRST, _MONTH_FIRST)] + [
    re.compile(rf"[-–—:|]\s*(?:{d})\s*$", re.I) for d in (_DAY_FIRST, _MONTH_FIRST)]
# a dated path of the article's address ("/2021/05/03/"): where the site filed it
_URL_DATE = re.compile(r"/(?P<year>(?:19|20)\d\d)/(?P<month>\d\d)/(?P<day>\d\d)/")
_MONTH_NUMBERS = {name.lower(): i for i, name in enumerate(calendar.month_name) if name} | {
    name.lower(): i for i, name in enumerate(calendar.month_abbr) if name} | {"sept": 9}


def _stamp_of(title: str | None, url: str | None) -> date | None:
    """The day the page itself is stamped with: an edition date set off in its title, else a dated address path."""
    for pattern in _TITLE_STAMPS:
        if title and (match := pattern.search(title)):
            month = _MONTH_NUMBERS.get(match.group("month").lower())
            if month:
                return _day(int(match.group("year")), month, int(match.group("day")))
    if url and (match := _URL_DATE.search(url)):
        return _day(int(match.group("year")), int(match.group("month")), int(match.group("day")))
    return None


def _day(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None


def stamped_published(published: str | None, title: str | None, url: str | None) -> str | None:
    """The publication date, or the page's own stamp when the metadata's date lies days after it.

    Why: some feeds re-stamp their pages when they are crawled or moved, so a report about a Sunday night is dated
    weeks later and its "on Sunday" lands on the wrong day (issue 12, audit "wrong time"). A page's title edition
    stamp ("Evening Brief -- May 3, 2021") or dated address ("/2021/05/03/") says when it was written; a date in the
    metadata more than `stamp_slack_days` after that is not the report's day. A metadata date before the stamp (or
    within the slack: time zones, late filing) is kept: a page cannot be stamped before it is written."""
    stamp = _stamp_of(title, url)
    if stamp is None or not published:
        return published
    try:
        given = date.fromisoformat(published[:10])
    except ValueError:
        return published
    if (given - stamp).days > config()["stamp_slack_days"]:
        return stamp.isoformat()
    return published
