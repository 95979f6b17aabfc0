"""Figurative senses, confidence and "why" on every fact, and the views' threshold (issue 12, item 1)."""

from __future__ import annotations

import json

import pytest

from newsintel.extract.confidence import corroborated
from newsintel.pipeline import extract_text


def _events(text: str) -> list[dict]:
    return extract_text(text)["events"]


@pytest.mark.parametrize("text", [
    "The finance minister struck a conciliatory note at the summit on Tuesday.",
    "The burglar was caught red-handed by the shop owner.",
    "The singer shot to fame with her second album.",
    "The football club fired its manager after the defeat.",
    "He surrendered his passport to the magistrates.",
    "The driver escaped injury when the lorry overturned.",
    "Critics attacked the budget as unfair to pensioners.",
])
def test_figurative_and_other_senses_are_no_events(text):
    assert _events(text) == []


@pytest.mark.parametrize(("text", "kind"), [
    ("Gunmen struck a police checkpoint outside Kandahar on Monday.", "ATTACK"),
    ("The patrol was fired upon near the border crossing.", "ATTACK"),
    ("Forty militants surrendered to Kurdish forces in Hajin.", "SURRENDER"),
    ("The prisoners escaped from the jail in Kabul.", "FLEE"),
    ("Rebels attacked the convoy outside Aleppo.", "ATTACK"),
])
def test_event_senses_stay(text, kind):
    assert kind in [e["type"] for e in _events(text)]


def test_every_fact_has_a_confidence_and_the_evidence_for_it():
    record = extract_text(
        "Two Dutch fighters crossed into Turkey near Kilis on Monday, police said. \"We will go home,\" one of them "
        "told reporters. Officials said 14 people were arrested. Karim Haddad, a commander of the brigade, met them.")
    facts = record["events"] + record["claims"] + record["quantities"] + record["relations"]
    assert record["events"] and record["claims"] and record["quantities"]
    for fact in facts:
        assert 0.0 <= fact["confidence"] <= 1.0
        assert fact["why"] and all(isinstance(reason, str) for reason in fact["why"])
    crossing = next(e for e in record["events"] if e["type"] == "CROSS_BORDER")
    assert any("trigger" in reason for reason in crossing["why"])


def test_weaker_evidence_scores_lower():
    named = next(e for e in _events("Police arrested Omar Saleh in Antwerp on Friday.") if e["type"] == "ARREST")
    bare = next(e for e in _events("The arrest came after a long inquiry.") if e["type"] == "ARREST")
    assert bare["confidence"] < named["confidence"]
    assert "-no_participant" in bare["why"]
    asserted = next(e for e in _events("Omar Saleh travelled to Raqqa in May.") if e["type"] == "TRAVEL")
    conditional = next(e for e in _events("If Omar Saleh travelled to Raqqa, he would be arrested.")
                       if e["type"] == "TRAVEL")
    assert conditional["modality"] == "conditional" and conditional["confidence"] < asserted["confidence"]


def test_corroboration_halves_the_doubt_per_report_up_to_a_bound():
    assert corroborated(0.6, 0) == 0.6
    assert corroborated(0.6, 1) == 0.8
    assert corroborated(0.6, 2) == 0.9
    assert corroborated(0.6, 10) == corroborated(0.6, 3) < 1.0


def _store(tmp_path, texts):
    from newsintel.cli.main import main

    folder = tmp_path / "in"
    folder.mkdir()
    for i, text in enumerate(texts):
        (folder / f"r{i}.txt").write_text(text, encoding="utf-8")
    db = str(tmp_path / "s.db")
    assert main(["ingest", str(folder), "--db", db, "--quiet"]) == 0
    return db


def _profile(capsys, db, name, *extra):
    from newsintel.cli.main import main

    capsys.readouterr()
    assert main(["profile", name, "--db", db, "--json", *extra]) == 0
    return json.loads(capsys.readouterr().out)


def test_profile_hides_weak_events_and_says_how_many(tmp_path, capsys):
    db = _store(tmp_path, [
        "Police arrested Omar Saleh in Antwerp on Friday, prosecutors said.\n\nThe arrest of Omar Saleh came after "
        "a long inquiry. Omar Saleh had travelled to Raqqa in 2014.\n"])
    shown = _profile(capsys, db, "Omar Saleh", "--min-confidence", "0.7")
    everything = _profile(capsys, db, "Omar Saleh", "--min-confidence", "0")
    assert everything["hidden"] == 0 and shown["hidden"] > 0
    assert all(f["confidence"] >= 0.7 for f in shown["heading"])
    from newsintel.cli.main import main

    def timeline(threshold):
        capsys.readouterr()
        assert main(["timeline", "Omar Saleh", "--db", db, "--json", "--min-confidence", threshold]) == 0
        return {f["trigger"] for f in json.loads(capsys.readouterr().out)}

    # the arrests carry one weakness more than the dated journey (no time of their own): a threshold between them
    # hides the arrests and keeps the journey
    assert "arrested" in timeline("0") and "arrested" not in timeline("0.7")
    assert "travelled" in timeline("0.7")


def test_where_never_comes_from_conditional_or_denied_events(tmp_path, capsys):
    db = _store(tmp_path, [
        "Omar Saleh did not travel to Mosul last year, his lawyer said. If Omar Saleh were to go to Raqqa, he "
        "would be arrested. Omar Saleh was arrested in Antwerp on Friday.\n"])
    profile = _profile(capsys, db, "Omar Saleh", "--min-confidence", "0")
    places = {w["place"] for w in profile["where"]}
    assert not any("Mosul" in p or "Raqqa" in p for p in places)
    assert any("Antwerp" in p for p in places)
