"""Modality of events that did not happen, from the round-3 "wrong modality" audit categories (issue 12): hoped,
sought or demanded events, feared or threatened ones, declined or thwarted ones, events that depend on a condition
(an inverted "should", a "were to" hypothesis, "depend on"), capabilities ("can reach", "long enough to reach",
"able to"), open questions ("whether") and "either ... or" alternatives, and modal adjectives ("possible",
"planned", "attempted"). Each cue is tested next to a sentence where the event did happen."""

import pytest
from helpers import modality_of


@pytest.mark.parametrize(("text", "type_", "trigger", "expected"), [
    # a condition: an inverted "should", a "were to" hypothesis, a dependence
    ("Three magistrates are to preside over a trial should the assembly vote to impeach the mayor.",
     "CHARGE", "trial", "conditional"),
    ("Guam would be the first target of an attack should war break out, analysts said.",
     "ATTACK", "attack", "conditional"),
    ("If the colonel were to try a coup, to attack the palace, his men would desert.",
     "ATTACK", "attack", "conditional"),
    ("A trial would depend on a vote in the Senate.", "CHARGE", "trial", "conditional"),
    ("Pyongyang attacked Seoul with artillery on Monday.", "ATTACK", "attacked", "asserted"),
    # hoped for, sought, demanded
    ("The union hopes for a deal with the company.", "AGREE", "deal", "intended"),
    ("Authorities called for the arrest of the suspect.", "ARREST", "arrest", "intended"),
    ("Police arrested the suspect on Friday.", "ARREST", "arrested", "asserted"),
    # the ground laid for a deal is no deal; a deal's terms acted on are one
    ("The ministry said the move undermined the legal basis for a peace deal between the two sides.",
     "AGREE", "deal", "intended"),
    ("The two sides reached a peace deal in Doha, and on the basis of the deal the prisoners were freed.",
     "RELEASE", "freed", "asserted"),
    # finding out that events took place presupposes them
    ("Reporters asked why the inspectors needed a week to figure out that there had been attacks on the depot.",
     "ATTACK", "attacks", "asserted"),
    ("The talks on a ceasefire resumed in Geneva.", "AGREE", "ceasefire", "intended"),
    ("The two sides agreed a ceasefire in Geneva.", "AGREE", "agreed", "asserted"),
    ("Efforts to free the hostages have stalled.", "RELEASE", "free", "attempted"),
    # declined, unable, thwarted
    ("The prosecutor declined to file an indictment against the minister.", "CHARGE", "indictment", "negated"),
    ("The rebels were unable to reach the capital.", "TRAVEL", "reach", "negated"),
    ("Police thwarted an attack on the embassy.", "ATTACK", "attack", "negated"),
    ("The prosecutor filed an indictment against the minister on Tuesday.", "CHARGE", "indictment", "asserted"),
    # feared, threatened, at risk, possible
    ("Officials worry that a repeat of the attacks could help the far right.", "ATTACK", "attacks", "hedged"),
    ("There is a risk of attacks on the embassy, police said.", "ATTACK", "attacks", "hedged"),
    ("Medics stood by to help possible victims of assault at the concert.", "ATTACK", "assault", "hedged"),
    ("Security forces are bracing for possible attacks over the holiday.", "ATTACK", "attacks", "hedged"),
    ("Medics treated victims of the assault at the concert.", "ATTACK", "assault", "asserted"),
    # a capability is not the event
    ("The missile has a range long enough to reach bases in the Pacific.", "TRAVEL", "reach", "hedged"),
    ("The rebels are able to strike the capital.", "ATTACK", "strike", "hedged"),
    ("The evidence is not strong enough to file an indictment against the minister.",
     "CHARGE", "indictment", "hedged"),
    ("The rebels reached the capital on Monday.", "TRAVEL", "reached", "asserted"),
    # an open question and one of two alternatives
    ("It was unclear whether the gunman started shooting before the police arrived.", "ATTACK", "shooting", "hedged"),
    ("The gunman started shooting before the police arrived.", "ATTACK", "shooting", "asserted"),
    ("They were deported for either overstaying their visas or illegally entering the country.",
     "CROSS_BORDER", "entering", "hedged"),
    ("They were deported for illegally entering the country.", "CROSS_BORDER", "entering", "asserted"),
    # planned and attempted, on the noun or through "for"
    ("The governor's planned trip to Florida was cancelled.", "TRAVEL", "trip", "intended"),
    ("She kept her plans for traveling to Oslo for a trade fair.", "TRAVEL", "traveling", "intended"),
    ("The governor's trip to Florida lasted three days.", "TRAVEL", "trip", "asserted"),
])
def test_unrealised_events(text: str, type_: str, trigger: str, expected: str) -> None:
    assert modality_of(text, type_, trigger) == expected


@pytest.mark.parametrize(("text", "type_", "trigger", "expected"), [
    # the content of denied evidence did not happen as far as the report knows (audit round 4: wrong modality)
    ("There was no sign that the driver had pledged allegiance to the militia.", "RECRUIT", "pledged allegiance",
     "negated"),
    ("Detectives found no evidence that the brothers had attacked the guard.", "ATTACK", "attacked", "negated"),
    ("There is no indication the banker travelled to Cyprus.", "TRAVEL", "travelled", "negated"),
    ("There had not been any sign that the driver, a cook from Lyon, had pledged allegiance to the militia.",
     "RECRUIT", "pledged allegiance", "negated"),
    ("Detectives did not find evidence that the brothers attacked the guard.", "ATTACK", "attacked", "negated"),
    # evidence given, or a doubt denied, leaves the event asserted
    ("Detectives found evidence that the brothers had attacked the guard.", "ATTACK", "attacked", "asserted"),
    ("There is no doubt that the army attacked the village.", "ATTACK", "attacked", "asserted"),
])
def test_denied_evidence(text: str, type_: str, trigger: str, expected: str) -> None:
    assert modality_of(text, type_, trigger) == expected


@pytest.mark.parametrize(("text", "type_", "trigger", "expected"), [
    # a present-tense time clause of a will-statement has not happened yet (audit round 4: wrong modality)
    ("The army will keep a depot on the coast after its troops leave the region.", "TRAVEL", "leave", "future"),
    ("The envoy will stay in Paris until the troops have left Mali.", "TRAVEL", "left", "future"),
    # a past time clause, or one of a statement that is not future, tells what happened
    ("Police arrested the clerk after he returned to Leeds.", "RETURN", "returned", "asserted"),
    ("Police arrest smugglers when they return from Libya.", "RETURN", "return", "asserted"),
])
def test_time_clause_of_a_future_statement(text: str, type_: str, trigger: str, expected: str) -> None:
    assert modality_of(text, type_, trigger) == expected
