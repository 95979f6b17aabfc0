"""Modality from the round-3 "wrong modality", "negation missed" and "negation scope" audit categories (issue 12):
a contracted negation with a curly apostrophe, a subject that excludes every member ("neither ... nor"), "without"
and "instead of", offers, pledges and adjectives of will ("eager to"), the purpose of a move ("crossed the border to
reach"), "should" and "must", and an inverted "should" the parser hangs on the main verb. Each cue is tested next to
a sentence where the event did happen."""

import pytest
from helpers import events_of, modality_of


@pytest.mark.parametrize(("text", "type_", "trigger", "expected"), [
    # a curly "n’t" is a negation whatever the parser tags it as
    ("“The convoy wasn’t under attack at any point,” the colonel said.", "ATTACK", "attack", "negated"),
    ("The sheriff didn’t arrest anyone in Tulsa.", "ARREST", "arrest", "negated"),
    ("The sheriff arrested two men in Tulsa.", "ARREST", "arrested", "asserted"),
    # offered, pledged, eager, ready: not yet done
    ("The mayor has been eager to withdraw the guards from the port.", "EVACUATE", "withdraw", "intended"),
    ("The minister pledged to free the hostages by Friday.", "RELEASE", "free", "intended"),
    ("The rebels are ready to attack the barracks.", "ATTACK", "attack", "intended"),
    ("The mayor withdrew the guards from the port.", "EVACUATE", "withdrew", "asserted"),
    ("The two brothers were unwilling to return to Aleppo.", "RETURN", "return", "negated"),
    # what a move was for has not happened yet
    ("Forty migrants were detained for crossing the border to sneak into Slovakia.", "CROSS_BORDER", "sneak",
     "intended"),
    ("Forty migrants were detained for crossing the border to sneak into Slovakia.", "CROSS_BORDER", "crossing",
     "asserted"),
    # should and must: not done; with a perfect, an inference or what did not happen
    ("The council said the troops should withdraw from the valley.", "EVACUATE", "withdraw", "intended"),
    ("The suspect must have fled to Albania, police said.", "FLEE", "fled", "hedged"),
    ("The families have to leave the camp by Friday.", "TRAVEL", "leave", "intended"),
    ("The families had to flee the camp in March.", "FLEE", "flee", "asserted"),
    ("The suspect fled to Albania, police said.", "FLEE", "fled", "asserted"),
    # done without, or the alternative not taken
    ("The two smugglers crossed into Hungary without being arrested.", "ARREST", "arrested", "negated"),
    ("The two smugglers crossed into Hungary and were arrested.", "ARREST", "arrested", "asserted"),
    ("The gang flew to Lisbon instead of attacking the bank.", "ATTACK", "attacking", "negated"),
    ("Rather than fleeing, the sniper stayed in the tower.", "FLEE", "fleeing", "negated"),
    ("The sniper fled the tower before dawn.", "FLEE", "fled", "asserted"),
    # answering for an event presupposes it
    ("It is usual for the militia to claim responsibility for attacks days later.", "ATTACK", "attacks", "asserted"),
    # an inverted "should" after the main clause is a condition of it
    ("Police will arrest the two men should they return to Hamburg.", "RETURN", "return", "conditional"),
    ("Police arrested the two men when they returned to Hamburg.", "RETURN", "returned", "asserted"),
    ("Police said the two men had returned to Hamburg before the raid.", "RETURN", "returned", "asserted"),
])
def test_scope_categories(text: str, type_: str, trigger: str, expected: str) -> None:
    assert modality_of(text, type_, trigger) == expected


@pytest.mark.parametrize(("text", "negated_block"), [
    ("“Neither the army nor the militias are stopping families from leaving the camp,” the envoy said.", True),
    ("“Not the army nor any of the militias are stopping families from leaving the camp,” the envoy said.", True),
    ("“The militias are stopping families from leaving the camp,” the envoy said.", False),
])
def test_nobody_stops_them(text: str, negated_block: bool) -> None:
    """When no one stops an event, the stopping is denied (views show the leaving as not stopped); when someone does,
    the leaving was only attempted."""
    event = next(e for e in events_of(text, "TRAVEL") if e["trigger"] == "leaving")
    assert event["blocked_by"]["negated"] is negated_block


@pytest.mark.parametrize(("text", "speaker"), [
    ("Nine hostages were freed near Kufra before dawn, a source close to the talks said on condition of anonymity.",
     "source"),
    ("Nine hostages were freed near Kufra before dawn, the Libyan National Army said on Tuesday.",
     "the Libyan National Army"),
])
def test_trailing_speaker_is_the_phrase_head(text: str, speaker: str) -> None:
    """The speaker of an event (its `said_by`) from a closing "..., X said" whose subject the parser lost is the head
    of X, not a noun inside a phrase of it ("the talks")."""
    event = next(e for e in events_of(text, "RELEASE") if e["trigger"] == "freed")
    assert event["attribution"]["speaker"]["text"] == speaker
