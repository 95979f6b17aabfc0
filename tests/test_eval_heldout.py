"""The extraction scorer's exact-argument event match and its handling of the frozen held-out subset.

Texts here are written for these tests; no held-out gold is read except to check that it loads and validates.
"""

import json

import pytest

from evaluation import extraction as ex

TEXT = "Border guards detained two smugglers near Edirne on Friday. The pair had driven from Sofia."
SENTENCES = [{"index": 0, "start": 0, "end": 59}, {"index": 1, "start": 60, "end": len(TEXT)}]


def gold_event(**kw):
    event = {"type": "ARREST", "trigger": "detained", "sentence_quote": "Border guards detained two smugglers",
             "actors": ["Border guards"], "targets": ["smugglers"], "location": ["Edirne"], "origin": [],
             "destination": [], "via": [], "time": "Friday", "modality": "asserted", "attribution": None}
    event.update(kw)
    return event


def arg(text, entity=None):
    return {"text": text, "entity": entity}


def pred_event(**kw):
    start = TEXT.index("detained")
    event = {"type": "ARREST", "trigger": "detained", "actors": [arg("Border guards")],
             "targets": [arg("two smugglers")], "location": [arg("Edirne")], "origin": [], "destination": [],
             "via": [], "time": None, "modality": "asserted", "attribution": None, "sentence": 0,
             "start": start, "end": start + 8}
    event.update(kw)
    return event


def score(gold_events, pred_events):
    record = {"document": {"text": TEXT}, "events": pred_events, "sentences": SENTENCES}
    events = ex.score_document({"events": gold_events}, record, TEXT).events
    return {name: events.total(**kw).prf()["tp"]
            for name, kw in (("strict", {}), ("exact", {"exact": True}), ("lenient", {"lenient": True}))}


def test_exact_argument_match_when_every_argument_agrees():
    assert score([gold_event()], [pred_event()]) == {"strict": 1, "exact": 1, "lenient": 1}


def test_a_wrong_extra_actor_fails_only_the_exact_match():
    extra = pred_event(actors=[arg("Border guards"), arg("reporters")])
    assert score([gold_event()], [extra]) == {"strict": 1, "exact": 0, "lenient": 1}


def test_a_wrong_extra_place_or_a_place_where_gold_has_none_fails_exact():
    assert score([gold_event()], [pred_event(destination=[arg("Sofia")])])["exact"] == 0
    no_place = gold_event(location=[])
    assert score([no_place], [pred_event()]) == {"strict": 1, "exact": 0, "lenient": 1}


def test_targets_count_in_the_exact_match_only():
    assert score([gold_event()], [pred_event(targets=[])]) == {"strict": 1, "exact": 0, "lenient": 1}
    assert score([gold_event()], [pred_event(targets=[arg("Friday")])])["exact"] == 0


def test_an_exact_miss_is_a_miss_and_a_false_alarm():
    record = {"document": {"text": TEXT}, "events": [pred_event(targets=[])], "sentences": SENTENCES}
    m = ex.score_document({"events": [gold_event()]}, record, TEXT).events.total(exact=True).prf()
    assert (m["tp"], m["fp"], m["fn"]) == (0, 1, 1)


def _doc(name, subset):
    gold = {"events": [gold_event()], "quantities": [], "claims": [], "relations": []}
    return ex.GoldDoc(name, subset, TEXT, None, "2026-01-02", None, gold)


def test_heldout_is_scored_apart_and_only_in_aggregate():
    docs = [_doc("w-dev", "written"), _doc("r-dev", "real"), _doc("h-secret-name", ex.HELDOUT)]
    results = ex.evaluate(docs, lambda text, title, published: {
        "document": {"text": text}, "events": [pred_event()], "sentences": SENTENCES})
    assert results["subsets"]["all"]["events_overall"]["gold"] == 2  # development subsets only
    assert results["subsets"][ex.HELDOUT]["events_exact_overall"]["tp"] == 1
    assert [d["subset"] for d in results["documents"]] == ["written", "real"]
    report = ex.format_report(results)
    assert "Held-out" in report and "h-secret-name" not in report
    assert "events exact-arg" in report


def test_two_heldout_sets_are_scored_apart_and_together():
    docs = [_doc("r-dev", "real"), _doc("h-a", ex.HELDOUT), _doc("h-b", ex.HELDOUT_B), _doc("h-b2", ex.HELDOUT_B)]
    results = ex.evaluate(docs, lambda text, title, published: {
        "document": {"text": text}, "events": [pred_event()], "sentences": SENTENCES})
    res = results["subsets"]
    assert res[ex.HELDOUT]["events_overall"]["gold"] == 1 and res[ex.HELDOUT_B]["events_overall"]["gold"] == 2
    assert res[ex.HELDOUT_ALL]["events_overall"]["gold"] == 3
    assert "all" not in res  # one development subset: nothing to combine, and held-out never joins it
    report = ex.format_report(results)
    assert "set A" in report and "set B" in report and "A and B together (3 documents" in report
    assert "h-b" not in report


def test_heldout_extractor_errors_name_no_document():
    def broken(text, title, published):
        raise ValueError("boom at some sentence")

    results = ex.evaluate([_doc("h-secret-name", ex.HELDOUT)], broken)
    assert results["errors"] and all("h-secret-name" not in e and "sentence" not in e for e in results["errors"])


def test_heldout_validation_problems_hide_gold_strings(tmp_path):
    shared = tmp_path / "shared"
    data = shared / "bench" / "5w1h" / "data"
    data.mkdir(parents=True)
    (data / "a.json").write_text(json.dumps({"text": TEXT, "title": "t"}), encoding="utf-8")
    root = tmp_path / "repo" / "tests" / "gold"
    (root / ex.HELDOUT).mkdir(parents=True)
    bad = gold_event(actors=["Coastguard Zeta"])
    gold = {"source": {"path": "../shared/bench/5w1h/data/a.json", "field": "text"}, "published": "2026-01-02",
            "annotated_chars": None, "events": [bad], "quantities": [], "claims": [], "relations": []}
    (root / ex.HELDOUT / "h99_x.json").write_text(json.dumps(gold), encoding="utf-8")
    with pytest.raises(AssertionError) as err:
        ex.validate_gold(root, shared)
    assert "does not occur" in str(err.value) and "Zeta" not in str(err.value)


def test_the_heldout_gold_loads_and_validates():
    if not (ex.shared_dir() / "bench").is_dir() or not any((ex.gold_root() / ex.HELDOUT).glob("*.json")):
        pytest.skip("shared bench data or held-out gold not available")
    summary = ex.validate_gold()
    assert not summary["skipped"]
    docs, messages = ex.load_gold(subsets=[ex.HELDOUT])
    assert not messages and len(docs) >= 15
    docs_b, messages = ex.load_gold(subsets=[ex.HELDOUT_B])
    assert not messages and len(docs_b) >= 15
