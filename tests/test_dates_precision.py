"""Dates keep their precision everywhere: a year stays a year ("2013", never 2013-01-01), a season a season, in
extraction, the views and their JSON and text output. Sentences written for these tests."""

import json

import pytest

from newsintel.cli.main import main
from newsintel.datevalues import label, order_key, precision_of
from newsintel.extract.timex import normalise, time_value
from tests.helpers import ingest_reports

PUBLISHED = "2025-06-12"  # a Thursday


@pytest.mark.parametrize(("text", "value", "precision", "shown"), [
    ("on Tuesday", "2025-06-10", "day", "2025-06-10"),
    ("3 March 2016", "2016-03-03", "day", "2016-03-03"),
    ("last week", "2025-06-02/2025-06-08", "week", "2025-06-02/2025-06-08"),
    ("in May 2013", "2013-05-01/2013-05-31", "month", "2013-05"),
    ("last month", "2025-05-01/2025-05-31", "month", "2025-05"),
    ("the summer of 2013", "2013-06-01/2013-08-31", "season", "summer 2013"),
    ("autumn 2019", "2019-09-01/2019-11-30", "season", "autumn 2019"),
    ("in 2013", "2013-01-01/2013-12-31", "year", "2013"),
    ("last year", "2024-01-01/2024-12-31", "year", "2024"),
    ("winter 2013", "2013-01-01/2013-12-31", "year", "2013"),  # a winter spans two years: kept as the year
    ("in the 1990s", "1990-01-01/1999-12-31", "decade", "1990s"),
    ("between 2011 and 2013", "2011-01-01/2013-12-31", "range", "2011/2013"),
    ("2014-2016", "2014-01-01/2016-12-31", "range", "2014/2016"),
])
def test_time_expressions_keep_their_precision(text, value, precision, shown):
    assert time_value(text, PUBLISHED) == {"value": value, "precision": precision}
    assert label(value) == shown


def test_a_season_word_is_a_season_only_right_before_its_year():
    assert normalise("after the fall of Mosul in 2014", PUBLISHED) == "2014-01-01/2014-12-31"
    assert normalise("since the fall of the city", PUBLISHED) is None


def test_precision_is_read_off_stored_values_without_one():
    assert precision_of("2013-01-01/2013-12-31") == "year"
    assert precision_of("2013-02-01/2013-02-28") == "month"
    assert precision_of("2013-02-03/2013-02-20") == "range"
    assert label("2013-02-03/2013-02-20") == "2013-02-03/2013-02-20"
    assert precision_of("not a date") is None and precision_of(None) is None


def test_mixed_precisions_sort_by_first_day_wider_first():
    values = ["2013-03-04", "2013-06-01/2013-08-31", "2013-01-01/2013-12-31", "2012-12-31", "2013-01-01",
              "2013-06-20", "2013-01-01/2013-01-31"]
    shown = [label(v) for v in sorted(values, key=order_key)]
    assert shown == ["2012-12-31", "2013", "2013-01", "2013-01-01", "2013-03-04", "summer 2013", "2013-06-20"]


REPORTS = [
    {"title": "Smuggler's past", "published": "2025-03-20",
     "text": "Police said Tarek Vossberg crossed into Bulgaria in 2013 with a forged passport.\n\n"
             "Vossberg was arrested in Sofia on 4 March 2013, prosecutors said."},
    {"title": "Smuggler's summer", "published": "2025-03-22",
     "text": "Tarek Vossberg travelled to Vienna in the summer of 2013, court papers show.\n\n"
             "He was detained in Vienna on 20 June 2013, the court heard."},
]


@pytest.fixture(scope="module")
def store(tmp_path_factory):
    return ingest_reports(tmp_path_factory.mktemp("dates"), REPORTS)


def _run(capsys, *argv):
    assert main(list(argv)) == 0
    return capsys.readouterr().out


def test_timeline_json_keeps_precision_and_sorts_wider_first(store, capsys):
    facts = json.loads(_run(capsys, "timeline", "Tarek Vossberg", "--db", str(store), "--json"))
    dated = [(f["date"], f["date_precision"], f["dated_by"]) for f in facts]
    assert ("2013", "year", "event") in dated and ("summer 2013", "season", "event") in dated, dated
    assert all(not (f["date"] or "").endswith("-01-01") for f in facts), dated
    year = next(f for f in facts if f["date"] == "2013")
    assert year["date_range"] == ["2013-01-01", "2013-12-31"] and year["time"]["precision"] == "year"
    firsts = [f["date_range"][0] for f in facts]
    assert firsts == sorted(firsts)
    assert [f["date"] for f in facts].index("summer 2013") < [f["date"] for f in facts].index("2013-06-20")


def test_timeline_and_profile_text_show_a_year_as_a_year(store, capsys):
    out = _run(capsys, "timeline", "Tarek Vossberg", "--db", str(store))
    assert "2013 (year)" in out and "summer 2013" in out and "2013-01-01" not in out
    out = _run(capsys, "profile", "Tarek Vossberg", "--db", str(store))
    assert "2013-01-01" not in out and "2013-06-01" not in out


def test_profile_json_where_and_heading_keep_precision(store, capsys):
    profile = json.loads(_run(capsys, "profile", "Tarek Vossberg", "--db", str(store), "--json"))
    heading = {(f["trigger"], f["date"], f["date_precision"]) for f in profile["heading"]}
    assert any(d == "2013" and p == "year" for _, d, p in heading), heading
    for item in profile["where"] + profile["heading"]:
        assert item["date_precision"] in ("day", "week", "month", "season", "year", "decade", "range"), item


def test_movements_sources_keep_precision(store, capsys):
    flows = json.loads(_run(capsys, "movements", "--db", str(store), "--json"))
    dates = {(s["date"], s["date_precision"]) for f in flows for s in f["sources"]}
    assert ("2013", "year") in dates or ("summer 2013", "season") in dates, flows
    out = _run(capsys, "movements", "--db", str(store))
    assert "2013-01-01" not in out and "2013-06-01" not in out


def test_extract_json_time_carries_precision(tmp_path, capsys):
    path = tmp_path / "r.json"
    path.write_text(json.dumps({"text": "Nadia Ferreau flew to Tunis in the 1990s, her lawyer said.",
                                "published": PUBLISHED}), encoding="utf-8")
    record = json.loads(_run(capsys, "extract", str(path), "--json"))
    times = [e["time"] for e in record["events"] if e.get("time")]
    assert times and times[0]["value"] == "1990-01-01/1999-12-31" and times[0]["precision"] == "decade"


def test_an_undated_event_takes_no_report_day():
    """extract/event_time.py marks a background event, or one whose own time cannot be placed, `undated`: no date
    is shown rather than its report's day; an event with no time at all is still dated by its report."""
    from newsintel.views.common import date_fields

    source = {"published": "2025-06-12T08:00:00"}
    undated = date_fields({"time": {"text": "nearly two decades ago", "value": None, "undated": True},
                           "source": source})
    assert (undated["date"], undated["dated_by"]) == (None, None)
    plain = date_fields({"time": None, "source": source})
    assert (plain["date"], plain["dated_by"]) == ("2025-06-12", "report")
