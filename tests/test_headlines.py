"""Headline facts (issue 12, item 2): the title read as its own short text, with headline conventions, merged with
the body. Headlines and bodies here are written for these tests."""

from __future__ import annotations

import pytest

from newsintel.pipeline import extract_text

# A body that names the man but reports none of the headlines' events below.
BODY = ("Karim Haddad, a former commander of the Tal Brigade, was last seen in Gaziantep in March, his family said. "
        "Relatives have not heard from him since.\n\nThe brigade lost many of its members last year.")
# A body that reports the arrest the headline carries.
ARREST_BODY = ("Police arrested Karim Haddad in Gaziantep on Monday, a spokesman said. He had been sought since March."
               "\n\nHaddad commanded the Tal Brigade for two years.")


def _record(title: str, body: str = BODY) -> dict:
    return extract_text(body, title=title, published="2024-05-22")


def _headline_events(record: dict) -> list[dict]:
    return [e for e in record["events"] if e.get("section") == "headline"]


def _haddad(record: dict) -> str:
    return next(e["id"] for e in record["entities"] if e["name"] == "Karim Haddad")


def _only(title: str, body: str = BODY) -> tuple[dict, dict]:
    record = _record(title, body)
    events = _headline_events(record)
    assert len(events) == 1, events
    return record, events[0]


def test_hedged_headline_is_a_hedged_fact_with_title_provenance():
    title = "Haddad may have fled to Turkey"
    record, event = _only(title)
    assert (event["type"], event["modality"]) == ("FLEE", "hedged")
    assert event["sentence"] == -1
    assert title[event["start"]:event["end"]] == event["trigger"] == "fled"
    assert [a["entity"] for a in event["actors"]] == [_haddad(record)]  # the surname is the body's Karim Haddad
    assert [a["text"] for a in event["destination"]] == ["Turkey"]
    assert "-headline_only" in event["why"]
    assert event["confidence"] < 0.9  # never above a plain body fact's base


def test_to_infinitive_headline_is_future():
    _, event = _only("Haddad to return to Syria")
    assert (event["type"], event["modality"]) == ("RETURN", "future")


def test_present_tense_headline_reports_a_past_event():
    record, event = _only("Police arrest Haddad in Istanbul")
    assert (event["type"], event["modality"]) == ("ARREST", "asserted")
    assert [a["entity"] for a in event["targets"]] == [_haddad(record)]
    assert event["time"] is None  # dated by the report, not read as a future


def test_question_headline_is_hedged():
    _, event = _only("Did Haddad cross into Syria?")
    assert (event["type"], event["modality"]) == ("CROSS_BORDER", "hedged")


def test_label_prefix_is_no_fact_and_no_speaker():
    _, event = _only("WATCH: Haddad flees to Turkey")
    assert event["type"] == "FLEE"
    assert event["attribution"] is None
    assert all("WATCH" not in a["text"] for a in event["actors"])


def test_opinion_label_reads_nothing():
    assert _headline_events(_record("Opinion: Haddad fled to Turkey")) == []


@pytest.mark.parametrize("title", ["Police: Haddad smuggled fighters into Turkey",
                                   "Haddad smuggled fighters into Turkey: police"])
def test_attributed_headline_names_its_speaker(title):
    _, event = _only(title)
    assert event["type"] == "SMUGGLE"
    assert event["attribution"]["speaker"]["text"].lower() == "police"
    assert event["attribution"]["cue"] == ":"
    assert event["modality"] == "asserted"


def test_topic_prefix_is_no_speaker():
    _, event = _only("Syria: Haddad flees to Turkey")
    assert event["attribution"] is None


def test_headline_event_merges_with_the_body_event():
    record = _record("Police arrest Haddad in Gaziantep", ARREST_BODY)
    assert _headline_events(record) == []
    arrests = [e for e in record["events"] if e["type"] == "ARREST"]
    assert len(arrests) == 1
    assert arrests[0]["headline"] is True
    assert arrests[0]["headline_modality"] == "asserted"
    assert arrests[0]["sentence"] == 0


def test_hedged_headline_of_a_body_event_records_its_modality():
    record = _record("Haddad may have been arrested in Gaziantep", ARREST_BODY)
    assert _headline_events(record) == []
    arrest = next(e for e in record["events"] if e["type"] == "ARREST")
    assert (arrest["modality"], arrest["headline_modality"]) == ("asserted", "hedged")


@pytest.mark.parametrize("title", ["Haddad Crosses The Line On Brigade Funds",
                                   "Storm Ali Batters Coast As Brigade Takes The Plunge"])
def test_title_case_pun_yields_nothing(title):
    record = _record(title)
    assert _headline_events(record) == []
    assert [c for c in record["claims"] if c.get("section")] == []
    assert {e["name"] for e in record["entities"]} == {e["name"] for e in _record("")["entities"]}


def test_title_case_headline_keeps_its_places_and_links_its_names():
    record, event = _only("Haddad Flees To Turkey")
    assert event["trigger"] == "Flees"  # the title's own spelling
    assert [a["entity"] for a in event["actors"]] == [_haddad(record)]
    assert [a["text"] for a in event["destination"]] == ["Turkey"]


def test_title_copying_the_first_sentence_is_not_read_twice():
    body = "Police arrested Karim Haddad in Gaziantep on Monday.\n\nHe had been sought since March."
    record = _record("Police arrested Karim Haddad in Gaziantep on Monday", body)
    assert _headline_events(record) == []
    assert not any(e.get("headline") for e in record["events"])


def test_body_offsets_do_not_move():
    plain, titled = _record(""), _record("Haddad may have fled to Turkey")
    assert plain["sentences"] == titled["sentences"]
    assert plain["entities"] == titled["entities"]
    body_events = [e for e in titled["events"] if e.get("section") != "headline"]
    assert body_events == plain["events"]


def test_headline_only_participle_is_no_speaker():
    record = _record("Spain arrests Moroccan accused of helping fighters")
    assert [c for c in record["claims"] if c.get("section")] == []
    assert all(e["attribution"] is None for e in _headline_events(record))


def test_scorer_leaves_headline_facts_out():
    from evaluation.extraction import score_document

    record = _record("Haddad may have fled to Turkey")
    assert _headline_events(record)
    result = score_document({"events": [], "claims": []}, record)
    assert result.events.total().fp == 0


def test_stored_headline_fact_passes_the_store_checks(tmp_path):
    from newsintel.store.check import check_store
    from newsintel.store.db import connect
    from tests.helpers import ingest_reports

    db = ingest_reports(tmp_path, [{"title": "Haddad may have fled to Turkey", "published": "2024-05-22",
                                    "text": BODY}])
    conn = connect(db)
    report = check_store(conn)
    assert report.ok, [p.line() for p in report.problems]
    rows = conn.execute("SELECT modality, sentence, data FROM events WHERE type = 'FLEE'").fetchall()
    assert [(r[0], r[1]) for r in rows] == [("hedged", -1)]
    assert '"section": "headline"' in rows[0][2]


def test_profile_shows_a_headline_fact_with_the_title_as_its_sentence(tmp_path, capsys):
    import json

    from newsintel.cli.main import main
    from tests.helpers import ingest_reports

    db = ingest_reports(tmp_path, [{"title": "Haddad may have fled to Turkey", "published": "2024-05-22",
                                    "text": BODY}])
    capsys.readouterr()
    assert main(["profile", "Karim Haddad", "--db", str(db), "--json", "--min-confidence", "0"]) == 0
    shown = json.dumps(json.loads(capsys.readouterr().out))
    assert '"sentence_text": "Haddad may have fled to Turkey"' in shown


def test_hedge_inside_a_quoted_prefix_is_the_quoted_speakers():
    record = _record("‘It could have been worse’: Police arrest Haddad in Gaziantep", ARREST_BODY)
    arrest = next(e for e in record["events"] if e["type"] == "ARREST")
    assert arrest["headline_modality"] == "asserted"


def test_speaker_after_the_cue_that_was_not_found_makes_no_claim():
    record = _record("Haddad 'fled' in car that carried four fighters, claim relatives")
    assert [c for c in record["claims"] if c.get("section")] == []


@pytest.mark.parametrize("title", ["Haddad may have fled to Turkey | Daily Courier",
                                   "Haddad may have fled to Turkey - Daily Courier"])
def test_site_name_after_the_headline_is_left_out(title):
    _, event = _only(title)
    assert (event["type"], event["modality"]) == ("FLEE", "hedged")
    assert [a["text"] for a in event["destination"]] == ["Turkey"]
