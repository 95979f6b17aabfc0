"""A figure with no time of its own in a report that recalls a past incident is not dated by the report's
publication day: two reports written on different days that retell one past attack with different tolls are one
conflict, while two attacks of the same kind at the same place a year apart are never grouped. Reports written
for this test (fictional incidents)."""

import contextlib
import io
import json
from pathlib import Path

import pytest
from helpers import ingest_reports

from newsintel.cli.main import main
from newsintel.store import connect
from newsintel.views.conflicts import about_same
from newsintel.views.figures import Figure, all_figures

REPORTS = [
    # one attack of 2016, retold in 2025 by a trial report (toll with no date) and by survivors (toll dated)
    ("mopti-trial", "2025-03-03", "Trial over Mopti cattle market attack opens in Bamako",
     "The trial of three men accused of the attack on the cattle market in Mopti in March 2016 opened in Bamako on "
     "Monday. Gunmen killed 23 people at the market in Mopti, the prosecutor told the court. The three men deny "
     "the charges."),
    ("mopti-survivors", "2025-03-12", "Survivors of Mopti cattle market attack say toll was higher",
     "Survivors of the attack on the cattle market in Mopti said the official toll had always been too low. Gunmen "
     "killed at least 31 people at the market in Mopti on 12 March 2016, the survivors' association said."),
    # two attacks on one bus station a year apart, each reported the next day; the later report recalls the first
    ("gao-2024", "2024-04-08", "Gunmen kill 14 at Gao bus station",
     "Gunmen attacked the bus station in Gao on Sunday, killing 14 people, officials in northern Mali said. "
     "Rescuers searched the station through the night."),
    ("gao-2025", "2025-04-14", "Gunmen kill 30 at Gao bus station",
     "Gunmen attacked the bus station in Gao on Sunday, officials in northern Mali said. The gunmen killed 30 "
     "people, officials said. An attack on the same station in April 2024 had killed 14."),
]


@pytest.fixture(scope="module")
def store(tmp_path_factory):
    reports = [{"title": title, "text": text, "published": published, "url": f"https://wire.example/{name}"}
               for name, published, title, text in REPORTS]
    db = str(ingest_reports(tmp_path_factory.mktemp("recalled"), reports))
    return db


@pytest.fixture(scope="module")
def conflicts(store):
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        assert main(["conflicts", "--db", store, "--json"]) == 0
    return json.loads(out.getvalue())


def _groups_with(conflicts, word):
    return [g for g in conflicts if any(word in v["source"]["sentence_text"] for v in g["values"])]


def test_the_figures_are_found_with_their_dates(store):
    """The cases below are not empty: each toll is a figure; the trial report's has no time of its own and its
    report dates the attack in 2016, so its date is unknown; the survivors' toll keeps its stated day."""
    conn = connect(store)
    titles = dict(conn.execute("SELECT id, title FROM documents"))
    found = {(titles[f.document].split()[-1], f.range[0]): f for f in all_figures(conn)}
    assert {("Bamako", 23), ("higher", 31), ("station", 14), ("station", 30)} <= set(found), sorted(found)
    assert found["Bamako", 23].when is None and found["Bamako", 23].undated
    assert found["higher", 31].when == ("2016-03-12", "2016-03-12") and not found["higher", 31].undated
    assert not found["station", 30].undated  # the report dates an attack on Sunday too: today's news


def test_one_past_attack_retold_on_different_days_is_one_conflict(conflicts):
    groups = _groups_with(conflicts, "Mopti")
    assert len(groups) == 1, conflicts
    assert sorted(v["range"][0] for v in groups[0]["values"]) == [23, 31]
    assert groups[0]["documents"] == 2


def test_two_attacks_a_year_apart_are_not_joined(conflicts):
    assert _groups_with(conflicts, "Gao") == [], conflicts


def _figure(doc, low, story, when=None, undated=False, published="2025-03-01"):
    anchors = {("ATTACK", "at", "g:1")}
    f = Figure(doc, 0, "people", (low, low), {}, story, set(anchors), {"ATTACK": {"at": {"g:1"}}}, frozenset(),
               frozenset(), published=published, outcome="killed", when=when)
    f.undated = undated
    return f


def test_an_unknown_date_joins_only_within_its_story():
    past = _figure("d1", 23, story=4, when=("2016-03-12", "2016-03-12"))
    recalled = _figure("d2", 31, story=4, undated=True)
    assert about_same(past, recalled) is not None  # one story, nothing tells them apart
    assert about_same(past, _figure("d2", 31, story=4)) is None  # dated by its report: nine years apart
    assert about_same(past, _figure("d2", 31, story=5, undated=True)) is None  # another story: no date, no pair
    assert about_same(_figure("d1", 23, story=None, undated=True), _figure("d2", 31, story=None, undated=True)) is None


def test_different_people_keep_undated_figures_apart():
    """Nothing but the date is unknown: the attack by one named man is not the attack by another."""
    past = _figure("d1", 23, story=4, when=("2016-03-12", "2016-03-12"))
    recalled = _figure("d2", 31, story=4, undated=True)
    past.events["ATTACK"]["who"], recalled.events["ATTACK"]["who"] = {"i:I1"}, {"i:I2"}
    assert about_same(past, recalled) is None
    recalled.events["ATTACK"]["who"] = {"i:I1", "i:I3"}
    assert about_same(past, recalled) is not None


LIST_REPORTS = [
    # today's attack, and a report on it that lists earlier attacks, each toll's line naming no place
    ("mombasa-a", "2025-08-04", "Gunmen kill 18 at Mombasa ferry terminal",
     "Gunmen opened fire at the ferry terminal in Mombasa on Sunday, killing 18 people, police said. The attackers "
     "escaped in a minibus, police said."),
    ("mombasa-b", "2025-08-05", "Mombasa ferry terminal attack follows years of deadly raids",
     "Gunmen attacked the ferry terminal in Mombasa on Sunday, police said. The attackers escaped in a minibus. "
     "Here are some of the deadliest earlier attacks on the coast. Beach hotel: 40 killed. Gunmen stormed a hotel "
     "in Lamu in March 2019 and opened fire on guests. Night bus: 25 killed. Gunmen ambushed a bus near Malindi "
     "in June 2021."),
]


def test_a_list_of_earlier_tolls_is_not_beside_todays(tmp_path):
    lines = [json.dumps({"title": title, "text": text, "published": published, "url": f"https://wire.example/{name}"})
             for name, published, title, text in LIST_REPORTS]
    (tmp_path / "feed.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    db = str(tmp_path / "store.db")
    assert main(["ingest", "--quiet", "--workers", "1", "--db", db, str(tmp_path / "feed.jsonl")]) == 0
    conn = connect(db)
    values = {f.range[0] for f in all_figures(conn)}
    assert {18, 40, 25} <= values, values  # the figures are there
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        assert main(["conflicts", "--db", db, "--json"]) == 0
    assert json.loads(out.getvalue()) == []


DEMO = Path(__file__).resolve().parents[1] / "examples" / "corpus" / "web"


def test_the_demo_convoy_tolls_are_one_conflict(tmp_path):
    """`make demo`: a 2025 trial report whose convoy toll has no date of its own and a 2025 investigation dating
    the convoy in October 2017 disagree about one incident."""
    files = [str(DEMO / name) for name in ("capitalcourier_ben-ali-trial-opens.html",
                                           "emmonitor_raqqa-convoy-investigation.html")]
    db = str(tmp_path / "store.db")
    assert main(["ingest", "--quiet", "--workers", "1", "--db", db, *files]) == 0
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        assert main(["conflicts", "--db", db, "--json"]) == 0
    groups = json.loads(out.getvalue())
    assert len(groups) == 1 and groups[0]["documents"] == 2, groups
    assert {"about 300", "up to 5,000"} <= {v["text"] for v in groups[0]["values"]}
