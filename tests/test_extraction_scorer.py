"""The extraction scorer (evaluation/extraction.py) on tiny hand-made records, and the gold files' integrity."""

import pytest

from evaluation import extraction as ex

TEXT = "Police arrested Ali Demir in Gaziantep on Monday. He had fled Raqqa and crossed into Turkey."
SENTENCES = [{"index": 0, "start": 0, "end": 49}, {"index": 1, "start": 50, "end": len(TEXT)}]


def gold_event(**kw):
    event = {"type": "ARREST", "trigger": "arrested", "sentence_quote": "Police arrested Ali Demir",
             "actors": ["Police"], "targets": ["Ali Demir"], "location": ["Gaziantep"], "origin": [],
             "destination": [], "via": [], "time": "Monday", "modality": "asserted", "attribution": None}
    event.update(kw)
    return event


def arg(text, entity=None):
    return {"text": text, "entity": entity}


def pred_event(**kw):
    start = TEXT.index("arrested")
    event = {"type": "ARREST", "plover": None, "trigger": "arrested", "actors": [arg("Police")],
             "targets": [arg("Ali Demir", "d-e1")], "location": [arg("Gaziantep")], "origin": [],
             "destination": [], "via": [], "time": {"text": "Monday", "start": 41, "end": 47},
             "modality": "asserted", "attribution": None, "sentence": 0, "start": start, "end": start + 8}
    event.update(kw)
    return event


def record(events=(), quantities=(), claims=(), relations=()):
    return {"document": {"id": "d", "text": TEXT},
            "entities": [{"id": "d-e1", "name": "Ali Demir", "type": "PERSON", "aliases": ["Abu Ali"],
                          "mentions": [{"text": "Ali Demir", "start": 16, "end": 25, "sentence": 0}],
                          "attributes": {}}],
            "events": list(events), "quantities": list(quantities), "claims": list(claims),
            "relations": list(relations), "sentences": SENTENCES}


def events_overall(gold_events, pred_events, lenient=False):
    res = ex.score_document({"events": gold_events}, record(pred_events), TEXT)
    return res.events.total(lenient=lenient).prf(), res


def test_perfect_event_match():
    m, res = events_overall([gold_event()], [pred_event()])
    assert (m["tp"], m["fp"], m["fn"]) == (1, 0, 0)
    assert m["f1"] == 1.0
    assert res.events.modality.value() == 1.0
    assert res.events.attribution.value() == 1.0


def test_trigger_matches_by_sentence_and_token_without_offsets():
    p = pred_event(trigger="arrest", start=None, end=None)
    m, _ = events_overall([gold_event()], [p])
    assert m["tp"] == 1


def test_missing_actor_fails_strict_but_not_lenient():
    p = pred_event(actors=[])
    m, _ = events_overall([gold_event()], [p])
    assert (m["tp"], m["fp"], m["fn"]) == (0, 1, 1)
    lenient, _ = events_overall([gold_event()], [p], lenient=True)
    assert lenient["tp"] == 1


def test_wrong_actor_and_missing_place_fail():
    assert events_overall([gold_event()], [pred_event(actors=[arg("Soldiers")])])[0]["tp"] == 0
    assert events_overall([gold_event()], [pred_event(location=[])])[0]["tp"] == 0
    # a place predicted under another role still counts (roles are pooled)
    moved = pred_event(location=[], destination=[arg("Gaziantep province")])
    assert events_overall([gold_event()], [moved])[0]["tp"] == 1


def test_actor_matched_through_linked_entity():
    gold = gold_event(trigger="fled", sentence_quote="He had fled Raqqa", type="FLEE", actors=["Ali Demir"],
                      targets=[], location=[], origin=["Raqqa"], time=None)
    start = TEXT.index("fled")
    p = pred_event(type="FLEE", trigger="fled", actors=[arg("He", "d-e1")], targets=[], location=[],
                   origin=[arg("Raqqa")], sentence=1, start=start, end=start + 4, time=None)
    assert events_overall([gold], [p])[0]["tp"] == 1
    unlinked = dict(p, actors=[arg("He")])
    assert events_overall([gold], [unlinked])[0]["tp"] == 0


def test_wrong_type_is_a_false_positive_and_a_miss():
    m, res = events_overall([gold_event()], [pred_event(type="CHARGE")])
    assert (m["tp"], m["fp"], m["fn"]) == (0, 1, 1)
    assert res.events.by_type["ARREST"].fn == 1
    assert res.events.by_type["CHARGE"].fp == 1


def test_duplicate_predictions_count_once():
    m, _ = events_overall([gold_event()], [pred_event(), pred_event(), pred_event(modality="hedged")])
    assert (m["tp"], m["fp"], m["fn"]) == (1, 0, 0)
    m, _ = events_overall([], [pred_event(), pred_event()])
    assert m["fp"] == 1


def test_greedy_one_to_one():
    second = gold_event(trigger="crossed", sentence_quote="crossed into Turkey", type="CROSS_BORDER",
                        actors=[], targets=[], location=[], destination=["Turkey"], time=None)
    start = TEXT.index("crossed")
    p = pred_event(type="CROSS_BORDER", trigger="crossed", actors=[], targets=[], location=[],
                   destination=[arg("Turkey")], sentence=1, start=start, end=start + 7)
    m, _ = events_overall([gold_event(), second], [pred_event(), p])
    assert (m["tp"], m["fp"], m["fn"]) == (2, 0, 0)
    m, _ = events_overall([gold_event(), gold_event()], [pred_event()])
    assert (m["tp"], m["fn"]) == (1, 1)


def test_modality_and_attribution_accuracy():
    golds = [gold_event(), gold_event(trigger="crossed", sentence_quote="crossed into Turkey", type="CROSS_BORDER",
                                      actors=[], targets=[], location=[], destination=["Turkey"], time=None,
                                      modality="hedged", attribution={"speaker": "officials", "cue": "said"})]
    start = TEXT.index("crossed")
    preds = [pred_event(modality="negated"),
             pred_event(type="CROSS_BORDER", trigger="crossed", actors=[], targets=[], location=[],
                        destination=[arg("Turkey")], sentence=1, start=start, end=start + 7, modality="hedged",
                        attribution={"speaker": arg("Turkish officials"), "cue": "said"})]
    _, res = events_overall(golds, preds)
    assert res.events.modality.correct == 1 and res.events.modality.total == 2
    assert res.events.attribution.value() == 1.0
    _, res = events_overall(golds[:1], [pred_event(attribution={"speaker": arg("police"), "cue": "said"})])
    assert res.events.attribution.value() == 0.0


def test_empty_predictions_score_zero():
    gold = {"events": [gold_event()], "quantities": [{"text": "about 300", "value": 300, "low": None, "high": None,
                                                      "approximate": True, "counted": "fighters"}],
            "claims": [], "relations": []}
    res = ex.score_document(gold, {}, TEXT)
    assert res.events.total().prf()["f1"] == 0.0
    assert (res.quantities.tp, res.quantities.fn) == (0, 1)


def test_quantities_claims_relations():
    gold = {"events": [],
            "quantities": [{"text": "about 300", "value": 300, "low": None, "high": None, "approximate": True,
                            "counted": "fighters"},
                           {"text": "scores of", "value": None, "low": 40, "high": None, "approximate": True,
                            "counted": "militants"}],
            "claims": [{"speaker": "police", "cue": "said", "content_quote": "arrested Ali Demir in Gaziantep",
                        "medium": None, "modality": "asserted"}],
            "relations": [{"type": "ALIAS", "subject": "Ali Demir", "object": "Abu Ali", "role": None},
                          {"type": "MEMBER", "subject": "Ali Demir", "object": "Islamic State", "role": None}]}
    preds = record(
        quantities=[{"text": "some 300", "value": 300, "low": None, "high": None, "approximate": True,
                     "counted": arg("fighters")},
                    {"text": "scores of", "value": None, "low": 40, "high": None, "approximate": True,
                     "counted": arg("civilians")},
                    {"text": "about 300", "value": 300, "counted": arg("fighters")}],
        claims=[{"speaker": arg("Turkish police"), "cue": "said", "content": "Police arrested Ali Demir in Gaziantep",
                 "medium": None, "modality": "asserted"}],
        relations=[{"type": "ALIAS", "subject": arg("Abu Ali"), "object": arg("Demir", "d-e1"), "role": None},
                   {"type": "MEMBER", "subject": arg("Ali Demir"), "object": arg("Hamas"), "role": None}])
    res = ex.score_document(gold, preds, TEXT)
    assert (res.quantities.tp, res.quantities.fp, res.quantities.fn) == (1, 2, 1)  # wrong counted -> no match
    assert (res.claims.tp, res.claims.fp, res.claims.fn) == (1, 0, 0)
    assert (res.relations.tp, res.relations.fp, res.relations.fn) == (1, 1, 1)  # ALIAS symmetric, MEMBER wrong


def test_annotated_chars_ignores_predictions_after_the_cutoff():
    start = TEXT.index("crossed")
    late = pred_event(type="CROSS_BORDER", trigger="crossed", sentence=1, start=start, end=start + 7)
    res = ex.score_document({"events": [gold_event()]}, record([pred_event(), late]), TEXT, annotated_chars=49)
    assert res.events.total().prf()["fp"] == 0


def test_text_helpers():
    assert ex.find_span("a  b\nc", "b c") == (3, 6)
    assert ex.tokens("the US-led air strikes") == {"us", "led", "air", "strike"}
    assert ex.arg_match("Mazar-i-Sharif", {"text": "Mazar-e-Sharif"})
    assert not ex.arg_match("Idlib province", {"text": "Kunduz province"})
    assert ex.number_tokens("up to 5,000") == {"5000"}
    assert ex.prf(0, 0, 0)["f1"] == 0.0


def test_evaluate_runs_with_an_empty_extractor():
    docs, _ = ex.load_gold(subsets=["written"])
    assert docs
    results = ex.evaluate(docs[:2], lambda text, title, published: {"document": {"text": text}})
    overall = results["subsets"]["written"]["events_overall"]
    assert overall["tp"] == 0 and overall["gold"] > 0
    assert "overall" in ex.format_report(results)


def test_written_gold_is_valid():
    summary = ex.validate_gold(include_real=False)
    assert summary["documents"] >= 15


def test_real_gold_is_valid():
    if not (ex.shared_dir() / "bench" / "5w1h" / "data").is_dir():
        pytest.skip("shared 5W1H data not available")
    summary = ex.validate_gold()
    assert summary["documents"] >= 25 and not summary["skipped"]
