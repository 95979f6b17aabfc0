"""A group's profile covers its members (issue 11) with the same where/heading rules as a person's (issue 12):
members stopped at a border tried to cross, members struck from the air were where they were struck, a threat of
the group puts it nowhere. Written reports about an invented group, ingested into a fresh store."""

import json

import pytest
from helpers import ingest_reports

from newsintel.cli.main import main

REPORTS = [
    ("Stopped at the border", "2025-06-01",
     "Greek border guards prevented three Belgian fighters of the Sham Brigade from crossing into Greece near "
     "Kipoi on Monday, police said."),
    ("Strike near Mayadin", "2025-06-02",
     "Coalition warplanes struck fighters of the Sham Brigade near Mayadin on Sunday, officials said."),
    ("Threat", "2025-06-03",
     "Fighters of the Sham Brigade threatened to attack Vienna, police said."),
    ("Convoy", "2025-06-04",
     "Dozens of fighters of the Sham Brigade left Raqqa on Saturday, residents said."),
]


@pytest.fixture(scope="module")
def profile(tmp_path_factory):
    folder = tmp_path_factory.mktemp("group_where")
    store = ingest_reports(folder, [{"title": t, "published": p, "text": x} for t, p, x in REPORTS])
    return store


def _group(store, capsys) -> dict:
    capsys.readouterr()
    assert main(["profile", "Sham Brigade", "--db", str(store), "--json", "--min-confidence", "0"]) == 0
    return json.loads(capsys.readouterr().out)


def test_members_stopped_at_the_border_tried_to_cross(profile, capsys):
    heading = _group(profile, capsys)["members"]["heading"]
    assert [f["trigger"] for f in heading.get("attempted", [])] == ["crossing into"]
    assert "denied" not in heading
    assert [f["trigger"] for f in heading.get("done", [])] == ["left"]


def test_members_were_where_they_were_struck_but_not_where_they_threatened(profile, capsys):
    where = {w["place"].split(",")[0] for w in _group(profile, capsys)["members"]["where"]}
    assert "Mayadin" in where
    assert "Vienna" not in where and "Greece" not in where
