"""Non-specific statements (extract/generic.py, data/generic.yaml): what happens in general, a law, a capacity, a
kind of event, a question, a plot. Such events are kept with a `generic` mark and a confidence under the views'
default threshold; the same words telling of one occasion are not marked."""

import pytest
from helpers import events_of

from newsintel.views.confidence import default_min_confidence


def _one(text: str, type_: str) -> dict:
    found = events_of(text, type_)
    assert found, f"no {type_} event kept in {text!r}"
    return found[0]


def _marked(text: str, type_: str, rule: str) -> None:
    """Every event of the type is marked and hidden by default; one of them by `rule`."""
    _one(text, type_)
    events = events_of(text, type_)
    assert rule in {e.get("generic", {}).get("rule") for e in events}, [e.get("generic") for e in events]
    for event in events:
        assert event.get("generic"), event["trigger"]
        assert event["confidence"] < default_min_confidence()
        assert any(w.startswith("-generic") for w in event["why"])


def _specific(text: str, type_: str) -> None:
    event = _one(text, type_)
    assert "generic" not in event, event["generic"]


@pytest.mark.parametrize("text, type_", [
    ("Armed gangs in the hills often kidnap lorry drivers.", "ARREST"),
    ("Raids like these kill dozens of villagers every year.", "ATTACK"),
])
def test_habitual_statements_are_marked(text, type_):
    _marked(text, type_, "habitual")


def test_one_occasion_in_the_same_words_is_not_marked():
    _specific("Armed men kidnapped two lorry drivers in the hills on Tuesday.", "ARREST")
    _specific("The raid killed a dozen villagers near the river.", "ATTACK")


def test_a_kind_as_subject_is_marked_but_a_known_group_is_not():
    _marked("Such networks recruit teenagers through gaming chat rooms.", "RECRUIT", "generic subject")
    _specific("The network recruited four teenagers through a gaming chat room last spring.", "RECRUIT")


def test_a_general_condition_is_marked():
    _marked("\"The bears do not attack unless they feel cornered,\" the ranger said.", "ATTACK", "general condition")


def test_the_generic_you_is_marked():
    _marked("When you are fighting guerrillas in a jungle, supply lines matter most.", "FIGHT", "generic subject")


def test_what_a_law_allows_is_marked_and_what_the_police_did_is_not():
    _marked("The amended statute permits officers to detain suspects for a fortnight.", "ARREST", "policy")
    _specific("Officers detained three suspects at the harbour on Friday.", "ARREST")


def test_a_capacity_is_marked():
    _marked("The new border unit has the authority to detain migrants without a warrant.", "ARREST", "capability")
    _marked("Refugees have the right to return to their homes.", "RETURN", "capability")


def test_a_kind_of_event_is_marked_but_a_dated_assault_is_not():
    _marked("The transit board hired more wardens to prevent assaults.", "ATTACK", "kind of event")
    _specific("Two wardens were hurt in an assault on a night bus on Saturday.", "ATTACK")


def test_a_yes_no_question_is_marked_but_a_why_question_is_not():
    _marked("Will the militia attack the harbour again?", "ATTACK", "question")
    _specific("Why did the militia attack the harbour again?", "ATTACK")


def test_future_of_one_group_is_left_to_modality():
    _specific("Deserters who stay behind will surrender to the army.", "SURRENDER")


def test_a_standing_arrangement_is_marked_but_a_deal_reached_is_not():
    _marked("The two ferry companies have a revenue-sharing agreement with the port.", "AGREE", "standing")
    _specific("The two ferry companies reached an agreement with the port on Monday.", "AGREE")


def test_a_caption_in_the_present_passive_is_not_marked():
    _specific("Injured passengers are evacuated from the station after the blast.", "EVACUATE")


def test_how_to_is_a_way_not_a_deed():
    _marked("Officials met to discuss how to evacuate the residents of the island.", "EVACUATE", "question")
    _marked("Instructors showed the recruits how to ambush a convoy.", "ATTACK", "question")


def test_a_kind_of_event_in_a_habit_and_a_concession_are_marked():
    _marked("It usually takes the movement a day to claim attacks abroad.", "ATTACK", "habitual")
    _marked("No matter how much the rebels want to attack the capital, they lack the men.", "ATTACK",
            "general condition")
