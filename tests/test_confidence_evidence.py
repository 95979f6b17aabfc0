"""Which evidence lowers confidence (issue 12 item 1, "precision first, with confidence"): the error categories the
judged audits found, as generic evidence on the fact and its sentence (`extract/confidence.py`)."""

from __future__ import annotations

import pytest

from newsintel.extract.confidence import ReportContext, TriggerEvidence, score_claim, score_event
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
            "attribution": None, "sentence": sentence, "start": 9, "end": 17}


def _scored(event: dict, context: ReportContext | None = None, nominal: bool = False) -> dict:
    score_event(event, TriggerEvidence("detain", nominal, 8), context if context is not None else _context())
    return event


def _weak(fact: dict) -> set[str]:
    return {reason[1:].split(":")[0] for reason in fact["why"] if reason.startswith("-")}


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
                           sentence=1),
        "personal_voice": _event(actors=[_arg("Soldiers", "described")], targets=[_arg("Amir Haddad", "named")],
                                 sentence=2),
    }
    for reason, event in weaker.items():
        scored = _scored(event, _context(places={}) if reason != "place_not_held" else None)
        assert reason in _weak(scored), reason
        assert scored["confidence"] < best["confidence"], reason


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


def test_later_sentences_score_a_little_lower_than_the_lead():
    context = ReportContext("A. B. C. D. Soldiers detained him.", ((0, 2), (3, 5), (6, 8), (9, 11), (12, 34)), {})
    lead = _scored(_event(actors=[_arg("Soldiers", "described")], sentence=0), context)
    later = _scored(_event(actors=[_arg("Soldiers", "described")], sentence=4), context)
    assert "past_lead" in _weak(later) and later["confidence"] < lead["confidence"]


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
    plain = _claim(_arg("Lina Haddad", "named", "e1"))
    other_sense = _claim(_arg("Lina Haddad", "named", "e1"), content="him the best coach in the league", cue="called")
    own_words = _claim(_arg("Lina Haddad", "named", "e1"), content="we will reopen the crossing next week")
    assert "ambiguous_cue" in _weak(other_sense) and other_sense["confidence"] < plain["confidence"]
    assert "first_person_content" in _weak(own_words) and own_words["confidence"] < plain["confidence"]
