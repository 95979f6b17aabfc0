"""The sampled precision audit (evaluation/audit.py): seeded drawing, complete judging sheets, honest counting."""

import json
import random
from collections import Counter

import pytest

from evaluation.audit import draw_lines, sample, score
from tests.helpers import ingest_reports

REPORTS = [
    {"title": "Smuggler held at the border", "published": "2025-03-02",
     "text": "Police arrested Marek Dolan in Edirne on Monday. Dolan had travelled from Sofia to Edirne with two "
             "companions, officials said. \"He will face charges next week,\" the prosecutor Ana Rusu said. "
             "Rusu added that the men crossed into Turkey at night."},
    {"title": "Fighters return", "published": "2025-04-11",
     "text": "Three Belgian fighters returned to Brussels from Raqqa in April, according to the interior ministry. "
             "Minister Pieter Claes said the men were detained at the airport. \"We are watching them closely,\" "
             "Claes told reporters. Marek Dolan was released in Edirne on Thursday, his lawyer said."},
    {"title": "Storm closes port", "published": "2025-05-20",
     "text": "A storm closed the port of Varna on Tuesday. Harbour master Ivo Petrov said the ships would sail to "
             "Burgas. \"Nobody was hurt,\" Petrov said. The mayor of Varna, Elena Ivanova, visited the harbour."},
]
COUNTS = {"events": 3, "claims": 2, "lines": 2}


@pytest.fixture(scope="module")
def store(tmp_path_factory):
    return ingest_reports(tmp_path_factory.mktemp("audit"), REPORTS)


def _sheets(folder):
    return {kind: [json.loads(x) for x in (folder / f"{kind}.jsonl").read_text(encoding="utf-8").splitlines()]
            for kind in COUNTS}


def test_sampling_is_deterministic_for_a_seed(store, tmp_path):
    first = sample(store, 7, tmp_path / "a", COUNTS)
    again = sample(store, 7, tmp_path / "b", COUNTS)
    assert first["seed"] == 7 and {k: v for k, v in first.items() if k != "db"} == \
        {k: v for k, v in again.items() if k != "db"}
    for kind in COUNTS:
        assert (tmp_path / "a" / f"{kind}.jsonl").read_bytes() == (tmp_path / "b" / f"{kind}.jsonl").read_bytes()


def test_sheets_hold_what_a_judge_needs(store, tmp_path):
    meta = sample(store, 3, tmp_path, COUNTS)
    sheets = _sheets(tmp_path)
    from newsintel.views.confidence import default_min_confidence

    threshold = default_min_confidence()
    assert meta["min_confidence"] == threshold  # what the views show by default, and only that, is sampled
    assert meta["events"]["drawn"] == len(sheets["events"]) == min(3, meta["events"]["shown"]) > 0
    assert meta["claims"]["drawn"] == len(sheets["claims"]) > 0
    assert meta["lines"]["drawn"] == len(sheets["lines"]) > 0
    common = {"item", "sentence", "previous", "next", "document", "judgement", "category", "note"}
    for kind, items in sheets.items():
        for item in items:
            assert common <= set(item), kind
            assert item["judgement"] == "" and item["document"]["title"]
            assert item["sentence"]
    for event in sheets["events"]:
        assert {"type", "trigger", "actors", "targets", "location", "time", "modality", "said_by",
                "confidence"} <= set(event)
        assert event["confidence"] >= threshold
        assert {"shown", "precision"} <= set(event["time"])
    for claim in sheets["claims"]:
        assert {"speaker", "content", "cue", "modality"} <= set(claim) and "text" in claim["speaker"]
    for line in sheets["lines"]:
        assert line["entity"] and line["section"].startswith(("where", "heading")) and line["status"]


def test_lines_are_drawn_by_entity_weight_and_distinct():
    lines = {"A": [{"section": "where", "place": f"p{i}", "source": {"document": "d", "sentence": i}}
                   for i in range(9)],
             "B": [{"section": "where", "place": "q", "source": {"document": "e", "sentence": 0}}]}
    picked = draw_lines(random.Random(1), lines, 5)
    assert picked == draw_lines(random.Random(1), lines, 5)
    assert len({(e, ln["place"]) for e, ln in picked}) == 5
    assert len(draw_lines(random.Random(2), lines, 50)) == 10  # no more than there are
    many = Counter(draw_lines(random.Random(s), lines, 1)[0][0] for s in range(300))
    assert many["A"] > 5 * many["B"] > 0  # weight = number of lines


def test_score_counts_judgements_and_categories(tmp_path):
    (tmp_path / "meta.json").write_text(json.dumps({"seed": 5, "commit": "abc", "min_confidence": 0.5}))
    judged = [("right", ""), ("partly", "wrong agent"), ("wrong", "figurative trigger; wrong agent"), ("", "")]
    (tmp_path / "events.jsonl").write_text("".join(
        json.dumps({"item": i, "judgement": j, "category": c, "note": ""}) + "\n" for i, (j, c) in enumerate(judged)))
    result = score(tmp_path)
    events = result["kinds"]["events"]
    assert (result["seed"], result["commit"]) == (5, "abc")
    assert (events["items"], events["judged"], events["right"], events["partly"], events["wrong"],
            events["unjudged"]) == (4, 3, 1, 1, 1, 1)
    assert events["right_share"] == pytest.approx(1 / 3)
    assert events["categories"] == [("wrong agent", 2), ("figurative trigger", 1)]
    assert "claims" not in result["kinds"]
