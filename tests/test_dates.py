"""Publication dates: plausible dates normalised, anything else dropped with a warning — never invented."""

import subprocess
import sys
from datetime import UTC, datetime, timedelta

import pytest

from newsintel.clean import clean, normalise_date
from newsintel.clean.dates import DateProblem, date_warning, parse_published
from newsintel.model import RawDocument

TEXT = "Border guards stopped a lorry carrying eleven people near Edirne, the governor's office said."


@pytest.mark.parametrize(("value", "expected"), [
    ("2024-05-22", "2024-05-22"),
    ("2024-05-22T10:15:00Z", "2024-05-22T10:15:00+00:00"),
    ("20240522", "2024-05-22"),
    ("Wed, 22 May 2024 10:15:00 +0200", "2024-05-22T10:15:00+02:00"),  # RFC 2822 keeps its offset
    ("Wed, 22 May 2024 10:15:00 GMT", "2024-05-22T10:15:00+00:00"),
    ("May 22, 2024", "2024-05-22"),
    ("  3 March 2025 ", "2025-03-03"),
    ("1717000000", "2024-05-29T16:26:40+00:00"),  # epoch seconds, as a string or a JSON number
    (1717000000, "2024-05-29T16:26:40+00:00"),
    (1717000000123, "2024-05-29T16:26:40+00:00"),  # epoch milliseconds
    (None, None),
    ("", None),
    ("   ", None),
])
def test_plausible_dates_are_normalised(value, expected):
    assert parse_published(value) == expected


def test_a_date_in_the_documents_own_language_is_read():
    assert parse_published("22 mai 2024", "fr") == "2024-05-22"
    assert parse_published("22. Mai 2024, 10:15", "de") == "2024-05-22T10:15:00"
    assert parse_published("May 22, 2024", "de") == "2024-05-22"  # English is always tried
    for language in ("en", "pcm", None):  # not guessed among all dateparser's languages; codes it lacks are fine
        with pytest.raises(DateProblem):
            parse_published("22 mai 2024", language)


def _in_years(years: int) -> str:
    return f"{datetime.now(UTC).year + years}-06-01"


@pytest.mark.parametrize("value", [
    "-1", "0", "12", "2024",                         # numbers that are not dates
    "the day after tomorrow next year", "yesterday", "in 2 days", "Tuesday",  # relative: not a publication date
    "May 2024",                                      # no day: not filled in
    "9999-99-99", "2024-02-30", "not a date at all",
    "0001-01-01", "1850-07-04",                      # before 1900
    "9999-12-31T23:59:59-05:00",
    -1, 0, 10**40, float("nan"), True, [2024, 5, 22], {"date": "2024-05-22"},
])
def test_implausible_values_are_refused(value):
    with pytest.raises(DateProblem):
        parse_published(value)
    assert normalise_date(value) is None


def test_future_dates_are_refused_but_today_and_tomorrow_pass():
    with pytest.raises(DateProblem, match="future"):
        parse_published(_in_years(2))
    today = datetime.now(UTC).date()
    assert parse_published(today.isoformat()) == today.isoformat()
    tomorrow = today + timedelta(days=1)
    assert parse_published(tomorrow.isoformat()) == tomorrow.isoformat()


def test_cleaning_drops_a_bad_date_with_one_short_warning():
    doc = clean(RawDocument(origin="feed.jsonl#3", format="json", raw_hash="h", text=TEXT, published="-1"))
    assert doc.published is None
    assert doc.warnings == ["published date '-1' is not a plausible date (a number, not a date); "
                            "stored without a date"]
    good = clean(RawDocument(origin="feed.jsonl#4", format="json", raw_hash="i", text=TEXT, published="May 22, 2024"))
    assert good.published == "2024-05-22" and good.warnings == []


def test_warning_quotes_a_long_or_odd_value_short_and_on_one_line():
    value = "7 juillet\n" + "x" * 5000
    with pytest.raises(DateProblem) as problem:
        parse_published(value)
    line = date_warning(value, problem.value)
    assert "\n" not in line and len(line) < 200
    assert "5,010 characters" in line and "\\n" in line
    huge = 10**5000  # str() of it raises in Python 3.11; the warning must not
    with pytest.raises(DateProblem) as problem:
        parse_published(huge)
    assert "published date is not a plausible date" in date_warning(huge, problem.value)


def test_a_megabyte_date_is_refused_quickly():
    """Guard against a hang (the old parser ran for minutes): a subprocess with a generous timeout."""
    code = ("from newsintel.clean import clean; from newsintel.model import RawDocument\n"
            f"d = clean(RawDocument(origin='a', format='json', raw_hash='h', text={TEXT!r}, published='1 '*500_000))\n"
            "assert d.published is None and len(d.warnings) == 1, d.warnings\n")
    subprocess.run([sys.executable, "-c", code], check=True, timeout=60)
