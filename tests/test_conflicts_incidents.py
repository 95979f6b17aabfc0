"""Conflicting figures are anchored to one incident: its stories and its date. One incident's tolls told
differently by different reports ("five died", "killing seven", "the death toll rose to nine") are found, even
below the usual size of a figure worth showing; the same city's toll from a year earlier is never beside them.
Reports written for this test."""

import contextlib
import io
import json

import pytest
from helpers import ingest_reports

from newsintel.cli.main import main
from newsintel.views.figures import toll_class

REPORTS = [
    # one bus crash, three reports over three days, three tolls phrased differently
    ("cusco-a", "2025-03-09", "Bus plunges into ravine in southern Peru",
     "Five people died when a bus plunged into a ravine near Cusco in southern Peru on Sunday, police said. The "
     "bus was carrying farm workers to a market, a police spokesman said."),
    ("cusco-b", "2025-03-10", "Seven killed as bus falls into gorge near Cusco",
     "A bus fell into a gorge near Cusco in southern Peru on Sunday, killing seven people, regional officials "
     "said. Rescuers worked through the night to reach the wreck, the officials said."),
    ("cusco-c", "2025-03-11", "Death toll in Cusco bus crash rises to nine",
     "The death toll from Sunday's bus crash near Cusco in southern Peru rose to nine, Peruvian health officials "
     "said. Most of the passengers were farm workers travelling to a market."),
    # another bus crash near the same city a year earlier
    ("cusco-2024", "2024-03-12", "Bus plunges into ravine in southern Peru",
     "Twelve people died when a bus plunged into a ravine near Cusco in southern Peru, police said. The bus was "
     "carrying tourists to the ruins of Machu Picchu, a police spokesman said."),
    # one market attack, two reports; the same market's attack a year earlier
    ("maiduguri-a", "2025-04-04", "Gunmen kill five at Maiduguri market",
     "Gunmen killed five people in an attack on a market in Maiduguri on Friday, police in northeastern Nigeria "
     "said. The attackers fled on motorcycles, a police spokesman said."),
    ("maiduguri-b", "2025-04-05", "Seven dead in Maiduguri market attack",
     "Seven people were killed when gunmen attacked a market in Maiduguri on Friday, a local official said. The "
     "gunmen escaped on motorcycles, the official said."),
    ("maiduguri-2024", "2024-04-06", "Twenty dead in Maiduguri market attack",
     "Twenty people were killed when gunmen attacked a market in Maiduguri, a local official said. The gunmen "
     "escaped on motorcycles, the official said."),
]


@pytest.fixture(scope="module")
def conflicts(tmp_path_factory):
    reports = [{"title": title, "text": text, "published": published, "url": f"https://wire.example/{name}"}
               for name, published, title, text in REPORTS]
    db = str(ingest_reports(tmp_path_factory.mktemp("tolls"), reports))
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        assert main(["conflicts", "--db", db, "--json"]) == 0
    return json.loads(out.getvalue())


def _groups_with(conflicts, word):
    return [g for g in conflicts if any(word in v["source"]["sentence_text"] for v in g["values"])]


def _published(group):
    return {v["source"]["published"][:4] for v in group["values"]}


def test_one_crash_told_three_ways_is_one_conflict(conflicts):
    groups = _groups_with(conflicts, "Cusco")
    assert groups, conflicts
    values = {v["range"][0] for g in groups for v in g["values"]}
    assert {5, 7} <= values  # "Five people died", "killing seven people"
    assert 9 in values  # "the death toll ... rose to nine": a toll with nothing counted by name
    assert all(v["range"][0] != 12 for g in groups for v in g["values"])  # the crash a year earlier


def test_one_attack_told_two_ways_is_one_conflict(conflicts):
    groups = _groups_with(conflicts, "Maiduguri")
    assert len(groups) == 1, conflicts
    assert sorted(v["range"][0] for v in groups[0]["values"]) == [5, 7]


def test_a_toll_from_a_year_earlier_is_never_beside_this_one(conflicts):
    assert conflicts, "the positive cases above give conflicts"
    assert all(len(_published(g)) == 1 for g in conflicts), conflicts


@pytest.mark.parametrize(("sentence", "number", "expected"), [
    ("Five dead, 12 injured as gunmen attack market", "Five", "people"),
    ("Five dead, 12 injured as gunmen attack market", "12", "people"),
    ("The death toll from the crash rose to nine, officials said.", "nine", "people"),
    ("The bus carried 40 passengers.", "40", None),  # counted by name elsewhere, not a toll
    ("The crash happened at 9 in the morning.", "9", None),
])
def test_uncounted_tolls(sentence, number, expected):
    start = sentence.index(number)
    assert toll_class(sentence, start, start + len(number)) == expected
