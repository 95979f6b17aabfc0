"""Modality from the round-6 audit ("wrong modality", issue 12): an event noun that is the subject of its own verb of
happening takes that verb's modality; a past ability is an achievement; a negated denial denies nothing. Each rule
next to the case that must not change. Sentences written for these tests."""

import pytest
from helpers import modality_of


@pytest.mark.parametrize(("text", "type_", "trigger", "expected"), [
    # the verb of happening decides whether the event noun came about
    ("An attack on the embassy did not happen, the ministry said.", "ATTACK", "attack", "negated"),
    ("The attack on the embassy happened at noon, the ministry said.", "ATTACK", "attack", "asserted"),
    ("The ceasefire agreement may be signed next week in Doha.", "AGREE", "agreement", "hedged"),
    ("The ceasefire agreement was signed last week in Doha.", "AGREE", "agreement", "asserted"),
    ("The attack would take place at dawn, the plotters agreed.", "ATTACK", "attack", "intended"),
    ("The attack took place near the market on Tuesday.", "ATTACK", "attack", "asserted"),
    ("Officials vowed that attacks like those on the market would never happen again.", "ATTACK", "attacks",
     "asserted"),
    # ... but a verb saying something else about the event leaves it as it was
    ("The attack on the embassy would be condemned by every party.", "ATTACK", "attack", "asserted"),
    # a past ability is an achievement, a present or conditional one a capability
    ("Karim Nassar was able to escape through a window of the villa.", "FLEE", "escape", "asserted"),
    ("Karim Nassar had been able to flee before the police came.", "FLEE", "flee", "asserted"),
    ("Karim Nassar was not able to escape through the window.", "FLEE", "escape", "negated"),
    ("Karim Nassar would be able to escape through the window.", "FLEE", "escape", "hedged"),
    ("Karim Nassar is able to travel to Vienna without a visa.", "TRAVEL", "travel", "hedged"),
    # a denial that cannot be made affirms; one not made leaves the event open; one made denies it
    ("They could not deny that they had attacked the convoy.", "ATTACK", "attacked", "asserted"),
    ("The commander did not deny that his men attacked the convoy.", "ATTACK", "attacked", "hedged"),
    ("The commander denied that his men attacked the convoy.", "ATTACK", "attacked", "negated"),
])
def test_modality_round6(text: str, type_: str, trigger: str, expected: str) -> None:
    assert modality_of(text, type_, trigger) == expected
