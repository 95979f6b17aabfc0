"""Conflicting figures: which figures are taken to be about the same thing, on short reports written for these
tests (each pair of reports uses its own places, so the pairs do not meet) and on hand-made figures."""

import contextlib
import io
import json

import pytest

from newsintel.cli.main import main
from newsintel.store import connect
from newsintel.views.conflicts import _pairs, about_same, disagree
from newsintel.views.figures import Figure, all_figures, counted_class, value_range

REPORTS = {
    # the same convoy, two spellings of the town, two outlets
    "raqqa-a": ("Convoy leaves Raqqa", "About 300 fighters left Raqqa on Sunday night, officials said."),
    "raqqa-b": ("Raqqah deal questioned", "Up to 5,000 people left ar-Raqqah under the deal, a commander said."),
    # one story: the second report only says "the city"
    "kobani-a": ("Night convoy leaves Kobani with fighters under tribal deal",
                 "A convoy of buses left Kobani on Sunday night under a deal brokered by tribal elders. "
                 "There were about 300 fighters on the buses, officials said."),
    "kobani-b": ("Kobani convoy under tribal deal carried thousands, commander says",
                 "Kobani residents said the convoy of buses left the city on Sunday night under the deal brokered "
                 "by tribal elders. Up to 5,000 people were on the buses, a commander said."),
    # different counted classes about one town
    "homs-a": ("Fighters leave Homs", "About 300 fighters left Homs on Monday, officials said."),
    "homs-b": ("Homs smugglers", "Families who left Homs paid up to 5,000 dollars each, a smuggler said."),
    # different nationalities
    "idlib-a": ("Belgians in Idlib", "About 300 Belgian fighters travelled to Idlib in 2019, officials said."),
    "idlib-b": ("Syrians in Idlib", "Up to 5,000 Syrian fighters travelled to Idlib in 2019, a monitor said."),
    # whose figure: different countries of origin, the same destination
    "mosul-a": ("Bosnians in Mosul", "Bosnia saw about 300 citizens travel to Mosul, officials said."),
    "mosul-b": ("Albanians in Mosul", "Albania saw up to 5,000 citizens travel to Mosul, officials said."),
    # one attack, the killed and the injured
    "valletta-a": ("Truck attack in Valletta", "About 80 people were killed when a truck hit a crowd in Valletta on "
                   "Friday, officials said."),
    "valletta-b": ("Valletta attack toll", "About 200 people were wounded in the truck attack in Valletta on "
                   "Friday, officials said."),
    # the same town, going there and leaving it
    "hama-a": ("Fighters reach Hama", "About 300 fighters travelled to Hama last week, officials said."),
    "hama-b": ("Exodus from Hama", "Up to 5,000 people fled from Hama last week, a monitor said."),
}


@pytest.fixture(scope="module")
def store(tmp_path_factory):
    folder = tmp_path_factory.mktemp("figures")
    files = []
    for day, (name, (title, body)) in enumerate(REPORTS.items(), start=1):
        path = folder / f"{name}.json"
        path.write_text(json.dumps({"title": title, "text": body, "published": f"2025-05-{day:02d}",
                                    "url": f"https://news.example/{name}"}), encoding="utf-8")
        files.append(str(path))
    db = folder / "store.db"
    assert main(["ingest", "--quiet", "--workers", "1", "--db", str(db), *files]) == 0
    return db


@pytest.fixture(scope="module")
def conflicts(store):
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        assert main(["conflicts", "--db", str(store), "--json"]) == 0
    return json.loads(out.getvalue())


def test_every_report_gives_an_anchored_figure(store):
    """The negative cases below are not empty: each report's figure is found, with the event it is about."""
    conn = connect(store)
    titles = dict(conn.execute("SELECT id, title FROM documents"))
    found = {titles[f.document] for f in all_figures(conn) if f.events}
    assert found == {title for title, _ in REPORTS.values()}


def _groups_with(conflicts, word):
    return [g for g in conflicts if any(word in v["source"]["sentence_text"] for v in g["values"])]


def test_same_convoy_spelled_differently_is_a_conflict(conflicts):
    groups = _groups_with(conflicts, "Raqq")
    assert len(groups) == 1, conflicts
    assert {v["text"] for v in groups[0]["values"]} == {"About 300", "Up to 5,000"}
    assert groups[0]["event_type"] == "leaving" and groups[0]["documents"] == 2


def test_same_story_pairs_a_figure_whose_report_only_says_the_city(conflicts):
    groups = _groups_with(conflicts, "buses")
    assert len(groups) == 1, conflicts
    assert {v["text"] for v in groups[0]["values"]} == {"about 300", "Up to 5,000"}
    assert groups[0]["role"] == "story" and groups[0]["event_type"] == "leaving"


@pytest.mark.parametrize("word", ["Homs", "Idlib", "Mosul", "Hama", "Valletta"])
def test_figures_about_different_things_are_not_paired(conflicts, word):
    assert _groups_with(conflicts, word) == [], conflicts


def _figure(doc, low, high=None, kind="people", anchors=(), events=None, story=None, qualifiers=(), lead=(),
            published="2025-05-01"):
    return Figure(doc, 0, kind, (low, high if high is not None else low), {}, story, set(anchors),
                  events if events is not None else {}, frozenset(qualifiers), frozenset(lead), published=published)


def test_story_pairs_figures_whose_places_do_not_contradict():
    leaving_from_x = {"leaving": {"from": {"g:1"}}}
    leaving_city = {"leaving": {}}  # "left the city": no resolved place
    a = _figure("d1", 300, anchors=[("leaving", "from", "g:1")], events=leaving_from_x, story=7)
    b = _figure("d2", 5000, events=leaving_city, story=7, lead=["g:1"])
    assert about_same(a, b) == ("leaving", "story", "7:g:1")
    assert about_same(a, _figure("d2", 5000, events=leaving_city, story=7)) is None  # its report does not open on g:1
    assert about_same(a, _figure("d2", 5000, events=leaving_city, story=8, lead=["g:1"])) is None  # another story
    elsewhere = _figure("d2", 5000, anchors=[("leaving", "from", "g:2")], events={"leaving": {"from": {"g:2"}}},
                        story=7)
    assert about_same(a, elsewhere) is None  # same story, but it left another town


def test_qualifiers_keep_apart_but_event_places_do_not():
    events = {"leaving": {"to": {"g:9"}}}
    anchors = [("leaving", "to", "g:9")]
    plain = _figure("d1", 300, anchors=anchors, events=events, qualifiers=["g:9"])
    assert about_same(plain, _figure("d2", 5000, anchors=anchors, events=events)) is not None
    belgian = _figure("d1", 300, anchors=anchors, events=events, qualifiers=["c:BE"])
    syrian = _figure("d2", 5000, anchors=anchors, events=events, qualifiers=["c:SY"])
    assert about_same(belgian, syrian) is None
    assert about_same(belgian, _figure("d2", 5000, anchors=anchors, events=events, qualifiers=["c:BE"])) is not None
    assert about_same(belgian, plain) is None  # one says whose, the other does not
    assert about_same(_figure("d1", 300, kind="euros", anchors=anchors, events=events),
                      _figure("d2", 5000, anchors=anchors, events=events)) is None


def test_outcome_and_dates_keep_apart():
    events = {"ATTACK": {"at": {"g:5"}}}
    anchors = [("ATTACK", "at", "g:5")]
    killed = _figure("d1", 80, anchors=anchors, events=events)
    killed.outcome = "killed"
    injured = _figure("d2", 200, anchors=anchors, events=events)
    injured.outcome = "injured"
    assert about_same(killed, injured) is None
    injured.outcome = "killed"
    assert about_same(killed, injured) is not None
    killed.when, injured.when = ("2016-07-14", "2016-07-14"), ("2015-11-13", "2015-11-13")  # another attack
    assert about_same(killed, injured) is None


def test_only_reports_near_in_time_are_compared():
    anchors = [("leaving", "from", "g:1")]
    figures = [_figure(f"d{i}", 300, anchors=anchors) for i in range(3)]
    figures[0].published, figures[1].published, figures[2].published = "2025-01-01", "2025-03-01", "2029-01-01"
    assert _pairs(figures) == {(0, 1)}
    figures[2].published = None  # undated: compared with all
    assert _pairs(figures) == {(0, 1), (0, 2), (1, 2)}


def test_ranges_of_bounds_and_vague_plurals():
    assert value_range({"value": 300, "low": 300, "high": None}) == (300, float("inf"))  # "at least 300"
    assert value_range({"value": 5000, "low": None, "high": 5000}) == (5000, 5000)  # "up to 5,000"
    assert value_range({"value": None, "low": 24, "high": None}) is None  # "dozens"
    assert not disagree(value_range({"value": 300, "low": 300}), (5000, 5000))


def test_counted_class_and_disagreement():
    assert counted_class("300 fighters") == counted_class("5,000 people") == "people"
    assert counted_class("5,000 euros") == "euros" and counted_class("several kilometres") is None
    assert counted_class("10 children") != counted_class("84 people")  # a part, not another count
    assert disagree((300, 300), (5000, 5000))
    assert not disagree((300, 300), (310, 310))  # within the ratio
    assert not disagree((200, 400), (300, 300))  # overlapping ranges
    assert not disagree((2, 2), (6, 6))  # too small to matter
