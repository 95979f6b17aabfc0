"""Modality follow-ups from the round-11 judging (issue 12, wrong modality): a journey under way is attempted only
when the sentence says it was cut short (else a past one is told as done: tests/test_modality_s25.py); "no need to
X" negates X; an event blocked as a noun object, or by a blocking that is only meant, is negated and not shown as
tried. Each rule next to the case that must not change. Sentences written for these tests."""

import pytest
from helpers import events_of, modality_of

from newsintel.views.common import status_of


def _event(text: str, type_: str, trigger: str) -> dict:
    return next(e for e in events_of(text, type_) if e["trigger"].startswith(trigger))


@pytest.mark.parametrize(
    ("text", "type_", "trigger", "expected"),
    [
        # under way in the past and nothing stops it: told as done (round 12 judged "intended" wrong too), neither
        # meant nor tried
        ("The two nurses were travelling to Nairobi but sat in different carriages.", "TRAVEL", "travelling",
         "asserted"),
        ("The Mensah sisters were heading towards Kumasi and then they met their uncle.", "TRAVEL", "heading",
         "asserted"),
        # cut short by a coordinated verb of stopping or by a "when" clause: tried
        ("The smugglers were driving to the port but were stopped at a checkpoint.", "SMUGGLE", "driving",
         "attempted"),
        ("The refugees were travelling to Vidin when the police intercepted their van.", "TRAVEL", "travelling",
         "attempted"),
        # "home" alone, nothing cut short: nothing says it was not done
        ("The Okonkwo boys were returning home and then they visited a cousin.", "RETURN", "returning", "asserted"),
        # "no need to X": X is negated; a need without "no" is not done either
        ("The garrison commander saw no need to attack the guards.", "ATTACK", "attack", "negated"),
        ("There is no need to evacuate the district, the mayor of Lindow said.", "EVACUATE", "evacuate", "negated"),
        ("The mayor of Lindow spoke of a need to evacuate the district.", "EVACUATE", "evacuate", "intended"),
    ],
)
def test_modality2_s24(text: str, type_: str, trigger: str, expected: str) -> None:
    assert modality_of(text, type_, trigger) == expected


def test_a_prevented_event_noun_is_negated_not_attempted() -> None:
    # "prevent the evacuation of X": nothing says anyone tried to evacuate
    for text, type_, trigger in [
        ("The militia tried to prevent the evacuation of the villagers from the valley.", "EVACUATE", "evacuation"),
        ("The checkpoints blocked the return of the displaced families.", "RETURN", "return"),
    ]:
        event = _event(text, type_, trigger)
        assert event["modality"] == "negated" and "blocked_by" not in event
        assert status_of(event) != "done" and status_of(event) != "attempted"


def test_a_blocking_that_happened_still_shows_the_attempt() -> None:
    event = _event("Rebels stopped the villagers from fleeing on Monday.", "FLEE", "fleeing")
    assert event["modality"] == "negated" and event["blocked_by"]["text"] == "stopped"
    assert status_of(event) == "attempted"
    event = _event("The army is not preventing civilians from leaving the town.", "TRAVEL", "leaving")
    assert event["blocked_by"]["negated"] and status_of(event) not in ("done", "attempted")
