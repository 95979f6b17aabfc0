"""Time expressions normalised against the publication date: an ISO date, or a range "start/end", and its precision.

"on Tuesday" is the Tuesday on or before publication (after it, for future events), "last week" the previous
Monday-Sunday, "in 2014" the year 2014-01-01/2014-12-31, "March 3" March 3 of the publication year, "the summer of
2013" June-August 2013 (northern seasons; a winter spans two years, so "winter 2013" is kept as the year), "between
2011 and 2013" 2011-01-01/2013-12-31. What cannot be resolved ("since the fall of the city") keeps its text and gets no
value.

A value's precision (`day`, `week`, `month`, `season`, `year`, `decade` or `range`) is read off its shape
(`newsintel.datevalues.precision_of`), so a value stored before precisions were recorded gets the same one.
"""

from __future__ import annotations

import calendar
import re
from datetime import date, timedelta

from newsintel.datevalues import SEASONS, precision_of
from newsintel.resources import load_yaml

WEEKDAYS = {name.lower(): i for i, name in enumerate(calendar.day_name)}
MONTHS = {name.lower(): i for i, name in enumerate(calendar.month_name) if name}
MONTHS.update({name.lower(): i for i, name in enumerate(calendar.month_abbr) if name})
MONTHS["sept"] = 9
_YEAR = re.compile(r"\b(1[89]\d\d|20\d\d)\b")
_DECADE = re.compile(r"\b(1[89]\d|20\d)0s\b")
_YEARS = re.compile(r"\b(?:(?:between|from)\s+)?(1[89]\d\d|20\d\d)\s*(?:and|to|until|through|-|–|—)\s*"
                    r"(1[89]\d\d|20\d\d)\b")
# "the 1950-53 war", "in 2015–16": a range whose end year is written with two digits (not an ISO date "2019-11-20")
_SHORT_YEARS = re.compile(r"\b(1[89]\d\d|20\d\d)\s*[-–—]\s*(\d\d)\b(?!\s*[-–—]\s*\d)")
# "the summer of 2013", "summer 2013": the season word right before the year ("the fall of Mosul in 2014" is no season)
_SEASON = re.compile(r"\b(spring|summer|autumn|fall)\s+(?:of\s+)?(1[89]\d\d|20\d\d)\b")


# a report's day may be a day off the writer's (time zones): a past date up to this far after it is still this year's
SLACK_DAYS = 1


def _day_range(start: date, end: date) -> str:
    return f"{start.isoformat()}/{end.isoformat()}"


def _month_range(year: int, month: int) -> str:
    return _day_range(date(year, month, 1), date(year, month, calendar.monthrange(year, month)[1]))


_UNITS_AGO = re.compile(r"^(?:(a|an|one|two|three|four|five|six|seven|eight|nine|ten|\d{1,2})\s+)"
                        r"(days?|weeks?|months?|years?)\s+ago$")
_NUMBER_WORDS = {w: i for i, w in enumerate(
    ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten"])} | {"a": 1, "an": 1}
# parts of the report's own day ("this morning", "earlier in the day"): the publication day
_SAME_DAY = re.compile(r"\b(?:this|early this|earlier this|late this)\s+(?:morning|afternoon|evening)\b"
                       r"|\bearlier (?:today|in the day)\b|\blater (?:today|in the day)\b")


def _ago(text: str, base: date) -> str | None:
    """"three days ago" (that day), "two weeks ago" (that Monday-Sunday week), "two months ago" (that month),
    "four years ago" (that year); a hedged count ("nearly two decades ago", "about five years ago") stays
    unresolved rather than shown more precise than it is."""
    match = _UNITS_AGO.match(text)
    if not match:
        return None
    count = _NUMBER_WORDS[match.group(1)] if match.group(1) in _NUMBER_WORDS else int(match.group(1))
    unit = match.group(2).rstrip("s")
    if unit == "day":
        return (base - timedelta(days=count)).isoformat()
    if unit == "week":
        monday = base - timedelta(days=base.weekday() + 7 * count)
        return _day_range(monday, monday + timedelta(days=6))
    if unit == "month":
        year, month = divmod(base.year * 12 + base.month - 1 - count, 12)
        return _month_range(year, month + 1)
    return _day_range(date(base.year - count, 1, 1), date(base.year - count, 12, 31))


def _weekend(words: list[str], base: date, future: bool) -> str | None:
    """"this weekend", "over the weekend", "last weekend": the Saturday-Sunday on or before the report (the
    coming one for a future event or "next weekend")."""
    if "weekend" not in words:
        return None
    saturday = base - timedelta(days=(base.weekday() - 5) % 7)
    if "last" in words and base.weekday() >= 5:
        saturday -= timedelta(days=7)
    if "next" in words or (future and base.weekday() < 5):
        saturday = base + timedelta(days=(5 - base.weekday()) % 7 or 7)
    return _day_range(saturday, saturday + timedelta(days=1))


def _relative(words: list[str], base: date, future: bool) -> str | None:
    text = " ".join(words)
    if _SAME_DAY.search(text):
        return base.isoformat()
    if (ago := _ago(text, base)) is not None:
        return ago
    if (weekend := _weekend(words, base, future)) is not None:
        return weekend
    if re.search(r"\blast night\b", text):
        return (base - timedelta(days=1)).isoformat()
    simple = {"today": 0, "tonight": 0, "yesterday": -1, "tomorrow": 1}
    for word, delta in simple.items():
        if word in words:
            return (base + timedelta(days=delta)).isoformat()
    for word, weekday in WEEKDAYS.items():
        if word in words:
            if future or "next" in words:
                delta = (weekday - base.weekday()) % 7 or 7
                return (base + timedelta(days=delta)).isoformat()
            delta = (base.weekday() - weekday) % 7
            if "last" in words and delta == 0:
                delta = 7
            return (base - timedelta(days=delta)).isoformat()
    monday = base - timedelta(days=base.weekday())
    if re.search(r"\blast week\b", text):
        return _day_range(monday - timedelta(days=7), monday - timedelta(days=1))
    if re.search(r"\b(this|earlier this) week\b", text):
        return _day_range(monday, monday + timedelta(days=6))
    if re.search(r"\bnext week\b", text):
        return _day_range(monday + timedelta(days=7), monday + timedelta(days=13))
    if re.search(r"\blast month\b", text):
        last = base.replace(day=1) - timedelta(days=1)
        return _month_range(last.year, last.month)
    if re.search(r"\b(this|earlier this) month\b", text):
        return _month_range(base.year, base.month)
    if re.search(r"\blast year\b", text):
        return _day_range(date(base.year - 1, 1, 1), date(base.year - 1, 12, 31))
    if re.search(r"\b(this|earlier this) year\b", text):
        return _day_range(date(base.year, 1, 1), date(base.year, 12, 31))
    return None


def _calendar(words: list[str], base: date | None, future: bool, may_is_month: bool = False) -> str | None:
    """Explicit calendar expressions: years, decades, months, day-month(-year). "may" is the month only with a
    day or year beside it, or when written "May" in a date expression ("in May", "early May")."""
    text = " ".join(words)
    decade = _DECADE.search(text)
    if decade:
        start = int(decade.group(1)) * 10
        return _day_range(date(start, 1, 1), date(start + 9, 12, 31))
    season = _SEASON.search(text)
    if season:
        first, last = SEASONS[season.group(1)]
        year = int(season.group(2))
        return _day_range(date(year, first, 1), date(year, last, calendar.monthrange(year, last)[1]))
    years = _YEARS.search(text)
    if years and int(years.group(1)) < int(years.group(2)):
        return _day_range(date(int(years.group(1)), 1, 1), date(int(years.group(2)), 12, 31))
    if (short := _SHORT_YEARS.search(text)) and not any(w.rstrip(".") in MONTHS for w in words):
        first = int(short.group(1))
        last = first // 100 * 100 + int(short.group(2))
        if first < last <= first + 30:
            return _day_range(date(first, 1, 1), date(last, 12, 31))
    year_match = _YEAR.search(text)
    year = int(year_match.group(1)) if year_match else None
    month = next((MONTHS[w.rstrip(".")] for w in words if (w.rstrip(".") in MONTHS and w not in ("may",)) or
                  (w == "may" and (year or may_is_month or any(x.isdigit() for x in words)))), None)
    day = next((int(w.rstrip("thndrs,.")) for w in words if re.fullmatch(r"\d{1,2}(st|nd|rd|th)?[,.]?", w)
                and 1 <= int(re.sub(r"\D", "", w)) <= 31), None)
    if month and day:
        if year is None:
            if base is None:
                return None
            year = base.year - 1 if "last year" in text else base.year  # "on June 12 last year"
            candidate = date(year, month, min(day, calendar.monthrange(year, month)[1]))
            if not future and candidate > base + timedelta(days=SLACK_DAYS):
                year -= 1  # a past "December 31" in a report of December 29 is last year's
            elif future and candidate < base - timedelta(days=2) and "last year" not in text:
                year += 1  # "will be sentenced on March 3", said in November: next March
        return date(year, month, min(day, calendar.monthrange(year, month)[1])).isoformat()
    if month and year:
        return _month_range(year, month)
    if month and base is not None:
        if "last year" in text or "next year" in text:  # "in June last year", "by March next year"
            year = base.year + (1 if "next year" in text else -1)
        elif future:  # "the trial is set for March", said in November: next March
            year = base.year if month >= base.month else base.year + 1
        else:
            year = base.year if month <= base.month else base.year - 1
        return _month_range(year, month)
    if year:
        return _day_range(date(year, 1, 1), date(year, 12, 31))
    return None


def holiday_of(text: str) -> tuple[int, int] | None:
    """(month, day) of a fixed-date holiday the text names (data/dates.yaml `holidays`), longest name first."""
    flat = " ".join(text.replace("’", "'").split())
    holidays = load_yaml("dates.yaml").get("holidays") or {}
    for name in sorted(holidays, key=len, reverse=True):
        if re.search(holiday_pattern(name), flat, re.I):
            month, day = holidays[name]
            return int(month), int(day)
    return None


def holiday_pattern(name: str) -> str:
    """A holiday's name as a regular expression: the apostrophe optional ("New Years Eve"), and not the first
    words of another name ("the Christmas Market attack": a market's name, not December 25)."""
    return (r"\b" + re.escape(name).replace("'", "['’]?") + r"(?![\w'’])"
            + r"(?!\s+(?-i:[A-Z][a-z]))")


# "two years after the 2015 attacks", "three days after Christmas", "weeks before the vote": an offset from another date
_OFFSET = re.compile(r"\b(?:(a|an|one|two|three|four|five|six|seven|eight|nine|ten|\d{1,2}|some|several|few|many)\s+)?"
                     r"(days?|weeks?|months?|years?|decades?)\s+(after|before|later than|earlier than)\b")
# the unit of an offset that can be counted from an anchor of that precision
_OFFSET_PRECISION = {"day": "day", "week": "day", "month": "month", "year": "year"}


def _offset(text: str, value: str | None) -> str | None:
    """The date an offset phrase names, counted from its anchor at the anchor's precision ("two years after the 2015
    attacks": 2017; "three days after Christmas": December 28); an offset that cannot be counted so ("months after
    the 2019 vote", "weeks before the election") is not placed (None) rather than read as the anchor's date."""
    match = _OFFSET.search(text)
    if match is None or value is None:
        return value
    word, unit = match.group(1), match.group(2).rstrip("s")
    count = _NUMBER_WORDS.get(word or "") or (int(word) if word and word.isdigit() else None)
    if count is None or _OFFSET_PRECISION.get(unit) != precision_of(value):
        return None
    sign = 1 if match.group(3) in ("after", "later than") else -1
    start = date.fromisoformat(value[:10])
    if unit in ("day", "week"):
        return (start + timedelta(days=sign * count * (7 if unit == "week" else 1))).isoformat()
    if unit == "month":
        year, month = divmod(start.year * 12 + start.month - 1 + sign * count, 12)
        return _month_range(year, month + 1)
    return _day_range(date(start.year + sign * count, 1, 1), date(start.year + sign * count, 12, 31))


def without_offset(text: str) -> str:
    """The anchor of an offset phrase ("the 2015" of "two years after the 2015"), or the text itself."""
    match = _OFFSET.search(text.lower())
    return text[match.end():].strip() if match else text


def normalise(text: str, published: str | None, future: bool = False) -> str | None:
    """ISO date or "start/end" range for a time expression, or None when it cannot be resolved."""
    base = None
    if published:
        try:
            base = date.fromisoformat(published[:10])
        except ValueError:
            base = None
    words = re.findall(r"[a-z]+\.?|\d{3}0s\b|\d+(?:st|nd|rd|th)?[,.]?|[-–—]", text.lower())
    if (holiday := holiday_of(text)) is not None:  # "New Year's Eve": as if "December 31" were written
        words += [calendar.month_name[holiday[0]].lower(), str(holiday[1])]
    value = _calendar(words, base, future, may_is_month=re.search(r"\bMay\b", text) is not None)
    if value is None and base is not None:
        value = _relative(words, base, future)
    return _offset(" ".join(text.lower().split()), value)


_PHRASE = re.compile(
    r"\b(?:(?:last|this|next|earlier this|late|early)\s+(?:week|month|year|weekend)|yesterday|today|tonight|tomorrow"
    r"|(?:on\s+|last\s+|next\s+)?(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)"
    r"|(?:in\s+)?(?:19|20)\d\d)\b", re.IGNORECASE)


def find_phrases(text: str) -> list[tuple[int, int]]:
    """(start, end) of simple time phrases the NER model missed ("last week", "on Tuesday", "in 2014")."""
    return [m.span() for m in _PHRASE.finditer(text)]



def time_value(text: str, published: str | None, future: bool = False) -> dict[str, str | None]:
    """`{"value", "precision"}` of a time expression (both None when it cannot be resolved)."""
    value = normalise(text, published, future)
    return {"value": value, "precision": precision_of(value)}
