"""Every fact view takes --min-confidence and says how many facts it left out (issue 12, item 1): events, claims,
movements, described actors and a group's profile, not only the profile and timeline."""

from __future__ import annotations

import json

import pytest
from helpers import ingest_reports

from newsintel.cli.main import main

REPORTS = [
    ("Arrest in Antwerp", "2025-04-02",
     "Police arrested Omar Saleh in Antwerp on Friday, prosecutors said. Omar Saleh had travelled to Raqqa in 2014, "
     "according to the charge sheet. The arrest came after a long inquiry.\n\n\"It was a long wait,\" a neighbour "
     "said."),
    ("Fighters on the move", "2025-04-03",
     "Two Belgian fighters of Islamic State crossed into Turkey near Kilis on Tuesday, border officials said. If "
     "the fighters went to Gaziantep, they would be arrested, a Turkish official said."),
]


@pytest.fixture(scope="module")
def store(tmp_path_factory):
    folder = tmp_path_factory.mktemp("confident")
    return str(ingest_reports(folder, [{"title": t, "published": p, "text": x} for t, p, x in REPORTS]))


def _run(capsys, *argv) -> tuple[str, str]:
    capsys.readouterr()
    assert main(list(argv)) == 0
    out = capsys.readouterr()
    return out.out, out.err


def _facts(capsys, store, command, threshold, *extra) -> tuple[list, str]:
    out, err = _run(capsys, command, *extra, "--db", store, "--json", "--min-confidence", threshold)
    return json.loads(out), err


@pytest.mark.parametrize("command", ["events", "claims"])
def test_lists_leave_out_weak_facts_and_say_how_many(store, capsys, command):
    everything, quiet = _facts(capsys, store, command, "0")
    scores = sorted(f["confidence"] for f in everything)
    assert quiet == "" and len(set(scores)) > 1, "the reports must give facts of different strength"
    cut = f"{scores[-1]:.3f}"  # only the strongest stay
    strong, note = _facts(capsys, store, command, cut)
    assert 0 < len(strong) < len(everything)
    assert all(f["confidence"] >= float(cut) for f in strong)
    hidden = len(everything) - len(strong)
    assert f"{hidden} {command} under confidence" in note  # JSON stays a list; the note goes to stderr
    text, _ = _run(capsys, command, "--db", store, "--min-confidence", cut)
    assert f"{hidden} {command} under confidence" in text


def test_the_default_threshold_is_the_views_one(store, capsys):
    from newsintel.views.confidence import default_min_confidence

    default, _ = _run(capsys, "events", "--db", store, "--json")
    assert all(f["confidence"] >= default_min_confidence() for f in json.loads(default))


def test_conditional_movements_leave_the_flows_at_a_high_threshold(store, capsys):
    flows, _ = _facts(capsys, store, "movements", "0")
    routes = {" → ".join(f["path"]) for f in flows}
    assert any("Gaziantep" in r for r in routes), routes  # the conditional trip, weak but stored
    strict, note = _facts(capsys, store, "movements", "0.7")
    assert not any("Gaziantep" in " → ".join(f["path"]) for f in strict)
    assert "movement events under confidence" in note


def test_described_actors_keep_only_confident_events(store, capsys):
    everything, _ = _facts(capsys, store, "actors", "0")
    strict, _ = _facts(capsys, store, "actors", "0.99")
    assert any(a["events"] for a in everything)
    assert all(e["confidence"] >= 0.99 for a in strict for e in a["events"])
    assert all(a["events"] for a in strict)  # an actor with no event left is not listed


def test_a_groups_profile_counts_what_it_hides(store, capsys):
    out, _ = _run(capsys, "profile", "Islamic State", "--db", store, "--json", "--min-confidence", "0.99")
    strict = json.loads(out)
    out, _ = _run(capsys, "profile", "Islamic State", "--db", store, "--json", "--min-confidence", "0")
    everything = json.loads(out)
    assert everything["hidden"] == 0 and strict["hidden"] > 0
    assert strict["min_confidence"] == 0.99
    members = [f for group in strict["who"]["members"]["described"] for a in group["actors"] for f in a["did"]]
    assert not members or len(members) < len(
        [f for group in everything["who"]["members"]["described"] for a in group["actors"] for f in a["did"]])


def test_a_headline_fact_shows_the_headline_as_its_source(tmp_path, capsys):
    db = str(ingest_reports(tmp_path, [{
        "title": "Smuggler may have fled to Greece, police say", "published": "2025-05-02",
        "text": "Police in Izmir said on Friday they were looking for a man who ran a smuggling network from the "
                "port.\n\nThe network moved hundreds of people, the police said."}]))
    events, _ = _facts(capsys, db, "events", "0")
    headline = [e for e in events if e.get("section") == "headline"]
    assert headline, "the hedged headline gives a fact of its own"
    assert headline[0]["source"]["sentence_text"] == "Smuggler may have fled to Greece, police say"
    text, _ = _run(capsys, "events", "--db", db, "--min-confidence", "0")
    assert "headline): Smuggler may have fled" in " ".join(text.split())


def test_conflicts_leave_out_weak_figures(tmp_path, capsys):
    db = str(ingest_reports(tmp_path, [
        {"title": "Bus bomb in Kandahar", "published": "2025-06-02",
         "text": "A bomb on a bus killed 14 people in Kandahar on Monday, police said."},
        {"title": "Kandahar bus attack toll", "published": "2025-06-02",
         "text": "A bomb on a bus killed 19 people in Kandahar on Monday, hospital officials said."}]))
    groups, quiet = _facts(capsys, db, "conflicts", "0")
    assert groups and quiet == ""
    values = [v for g in groups for v in g["values"]]
    cut = f"{max(v['confidence'] for v in values) + 0.01:.2f}"
    none, note = _facts(capsys, db, "conflicts", cut)
    assert none == [] and "figures under confidence" in note
