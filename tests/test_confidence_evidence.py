"""Which evidence lowers confidence (issue 12 item 1, "precision first, with confidence"): the error categories the
judged audits found, as generic evidence on the fact and its sentence (`extract/confidence.py`)."""

from __future__ import annotations

import pytest

from newsintel.extract.confidence import (
    ReportContext,
    TriggerEvidence,
    claim_weaknesses,
    event_weaknesses,
    score_claim,
    score_event,
    settings,
)
from newsintel.views.confidence import default_min_confidence

TEXT = ("Soldiers detained Amir Haddad in Mosul on Monday. Photos of the week\n"
        "We crossed the river at night, one of them said. The police later released the papers.")


def _context(text: str = TEXT, places: dict[int, tuple[str, ...]] | None = None) -> ReportContext:
    ends, start = [], 0
    for part in text.replace("\n", ". ").split(". "):
        index = text.index(part, start)
        ends.append((index, index + len(part) + (1 if text[index + len(part):index + len(part) + 1] == "." else 0)))
        start = index + len(part)
    return ReportContext(text, tuple(ends), places if places is not None else {0: ("Mosul",)})


def _arg(text: str, kind: str, entity: str | None = None) -> dict:
    return {"text": text, "kind": kind, "entity": entity}


def _event(kind: str = "ARREST", actors=(), targets=(), location=(), sentence: int = 0) -> dict:
    return {"type": kind, "trigger": "detained", "actors": list(actors), "targets": list(targets),
            "location": list(location), "origin": [], "destination": [], "via": [], "modality": "asserted",
            "attribution": None, "sentence": sentence, "start": 9, "end": 17,
            "time": {"text": "Monday", "value": "2026-11-30", "precision": "day"}}


def _scored(event: dict, context: ReportContext | None = None, nominal: bool = False) -> dict:
    score_event(event, TriggerEvidence("detain", nominal, 8), context if context is not None else _context())
    return event


def _weak(fact: dict) -> set[str]:
    return {reason[1:].split(":")[0] for reason in fact["why"] if reason.startswith("-")}


def _found(event: dict, context: ReportContext | None = None) -> set[str]:
    """Every weakness the scorer finds, whatever its factor in the data file."""
    _, weak = event_weaknesses(event, TriggerEvidence("detain", False, 8),
                               context if context is not None else _context())
    return {name for name, _ in weak}


def _factor(kind: str, name: str) -> float:
    return float(settings()[kind]["factors"][name])


def test_a_fully_evidenced_event_outranks_each_weakness():
    best = _scored(_event(actors=[_arg("Soldiers", "described")], targets=[_arg("Amir Haddad", "named", "e1")],
                          location=[_arg("Mosul", "named", "e2")]))
    assert _weak(best) == set()
    weaker = {
        "thing_actor": _event(actors=[_arg("the drone footage", "other")], targets=[_arg("Amir Haddad", "named")],
                              location=[_arg("Mosul", "named")]),
        "thing_target": _event(actors=[_arg("Soldiers", "described")], targets=[_arg("the papers", "other")],
                               location=[_arg("Mosul", "named")]),
        "place_not_held": _event(actors=[_arg("Soldiers", "described")], targets=[_arg("Amir Haddad", "named")]),
        "fragment": _event(actors=[_arg("Soldiers", "described")], targets=[_arg("Amir Haddad", "named")],
                           location=[_arg("Mosul", "named")], sentence=1),
        "personal_voice": _event(actors=[_arg("Soldiers", "described")], targets=[_arg("Amir Haddad", "named")],
                                 location=[_arg("Mosul", "named")], sentence=2),
    }
    for reason, event in weaker.items():
        context = _context(places={}) if reason != "place_not_held" else None
        assert reason in _found(dict(event), context), reason
        scored = _scored(event, context)
        if _factor("events", reason) < 1.0:
            assert reason in _weak(scored), reason
            assert scored["confidence"] < best["confidence"], reason
        else:  # switched off by the fit: no weakness shown, no lower score
            assert reason not in _weak(scored) and scored["confidence"] == best["confidence"], reason


def test_a_count_of_people_is_no_thing():
    counted = _scored(_event("RELEASE", targets=[_arg("the 21", "other")], location=[_arg("Mosul", "named")]))
    assert "thing_target" not in _weak(counted)
    doer = _scored(_event("RETURN", actors=[_arg("21", "other")], location=[_arg("Mosul", "named")]))
    assert "thing_actor" not in _weak(doer)


@pytest.mark.parametrize("kind", ["ATTACK", "SMUGGLE"])
def test_things_are_fitting_targets_of_other_event_types(kind):
    event = _scored(_event(kind, actors=[_arg("Rebels", "described")], targets=[_arg("the convoy", "other")],
                           location=[_arg("Mosul", "named")]))
    assert "thing_target" not in _weak(event)


def test_a_place_held_as_participant_is_held():
    event = _scored(_event("ATTACK", actors=[_arg("Mosul", "named", "e2")], targets=[_arg("the town", "other")]))
    assert "place_not_held" not in _weak(event)


def test_one_unpunctuated_sentence_alone_is_no_fragment():
    alone = ReportContext("Police arrest two men in Leeds", ((0, 30),), {})
    event = _scored(_event(actors=[_arg("Police", "described")], targets=[_arg("two men", "described")]), alone)
    assert "fragment" not in _weak(event)


def test_later_sentences_are_told_from_the_lead():
    context = ReportContext("A. B. C. D. Soldiers detained him.", ((0, 2), (3, 5), (6, 8), (9, 11), (12, 34)), {})
    assert "past_lead" not in _found(_event(actors=[_arg("Soldiers", "described")], sentence=0), context)
    assert "past_lead" in _found(_event(actors=[_arg("Soldiers", "described")], sentence=4), context)


def _claim(speaker: dict | None, content: str = "the border crossing will reopen next week", cue: str = "said",
           sentence: int = 0) -> dict:
    claim = {"speaker": speaker, "cue": cue, "content": content, "modality": "asserted", "sentence": sentence}
    score_claim(claim, ReportContext("One. Two.", ((0, 4), (5, 9)), {}))
    return claim


def test_claims_rank_named_speakers_over_common_nouns_and_pronouns():
    named = _claim(_arg("Lina Haddad", "named", "e1"))
    described = _claim(_arg("the minister", "described"))
    common = _claim(_arg("the report", "other"))
    pronoun = _claim({"text": "she", "kind": "pronoun", "entity": None})
    assert named["confidence"] > common["confidence"] > pronoun["confidence"]
    assert described["confidence"] > common["confidence"]
    assert "common_noun_speaker" in _weak(common)
    assert pronoun["confidence"] < default_min_confidence()  # an unknown speaker is not shown by default


def test_claim_weaknesses_from_the_cue_and_the_content():
    context = ReportContext("One. Two.", ((0, 4), (5, 9)), {})

    def found(claim: dict) -> set[str]:
        return {name for name, _ in claim_weaknesses(claim, context)[1]}

    named = _arg("Lina Haddad", "named", "e1")
    plain = {"speaker": named, "cue": "said", "content": "the border crossing will reopen next week", "sentence": 0}
    assert "ambiguous_cue" in found({**plain, "cue": "called", "content": "him the best coach in the league"})
    assert "first_person_content" in found({**plain, "content": "we will reopen the crossing next week"})
    assert "short_content" in found({**plain, "content": "no"})
    assert not {"ambiguous_cue", "first_person_content", "short_content"} & found(plain)
    for name, content, cue in (("ambiguous_cue", "him the best coach in the league", "called"),
                               ("first_person_content", "we will reopen the crossing next week", "said"),
                               ("short_content", "no", "said")):
        scored = _claim(named, content=content, cue=cue)
        shown = name in _weak(scored)
        assert shown == (_factor("claims", name) < 1.0), name
        assert (scored["confidence"] < _claim(named)["confidence"]) == shown, name


def _report(sentences: int, event_types: list[str]) -> ReportContext:
    text = " ".join(f"Sentence {i} ends here." for i in range(sentences))
    spans, start = [], 0
    for i in range(sentences):
        part = f"Sentence {i} ends here."
        spans.append((start, start + len(part)))
        start += len(part) + 1
    return ReportContext(text, tuple(spans), {}, {}, {"e1": "GPE", "e2": "PERSON"}, tuple(event_types))


def test_a_long_report_with_few_events_is_seldom_about_them():
    event = _event("ARREST", actors=[_arg("Police", "described")], targets=[_arg("two men", "described")])
    assert "sparse_events" in _found(dict(event), _report(20, ["ARREST", "ATTACK"]))
    assert "sparse_events" not in _found(dict(event), _report(5, ["ARREST", "ARREST", "ATTACK"]))
    assert "sparse_events" not in _found(dict(event), _report(1, ["ARREST"]))  # a title read alone


def test_the_kind_of_doer_is_evidence():
    report = _report(4, ["ATTACK", "ATTACK"])
    country = _event("ATTACK", actors=[_arg("Moscow", "named", "e1")], targets=[_arg("the convoy", "other")])
    person = _event("ATTACK", actors=[_arg("Omar Saleh", "named", "e2")], targets=[_arg("the convoy", "other")])
    gunmen = _event("ATTACK", actors=[_arg("gunmen", "described")], targets=[_arg("the convoy", "other")])
    assert "state_actor" in _found(country, report)
    assert "state_actor" not in _found(person, report) | _found(gunmen, report)
    no_target = _event("ATTACK", actors=[_arg("gunmen", "described")])
    assert "no_target" in _found(no_target, report)


def test_a_word_of_doubt_in_an_asserted_sentence_and_not_a_month():
    text = "Soldiers may have detained Amir Haddad. Soldiers detained Amir Haddad in May."
    context = ReportContext(text, ((0, 39), (40, len(text))), {}, {}, {}, ("ARREST", "ARREST"))
    assert "doubt_word" in _found(_event(actors=[_arg("Soldiers", "described")], sentence=0), context)
    assert "doubt_word" not in _found(_event(actors=[_arg("Soldiers", "described")], sentence=1), context)
    hedged = {**_event(actors=[_arg("Soldiers", "described")], sentence=0), "modality": "hedged"}
    assert "doubt_word" not in _found(hedged, context)  # the modality already says it


def test_event_types_with_other_senses_score_lower_as_data():
    types = settings()["events"]["type_factors"]
    weak_type = min(types, key=types.get)
    report = _report(4, [weak_type, weak_type, "ARREST", "ARREST"])
    args = {"actors": [_arg("Soldiers", "described")], "targets": [_arg("Amir Haddad", "named", "e2")]}
    listed = _scored(_event(weak_type, **args), report)
    unlisted = _scored(_event("ARREST", **args), report)
    assert f"-type:{weak_type}" in listed["why"] and "type" not in _weak(unlisted)
    assert listed["confidence"] < unlisted["confidence"]
