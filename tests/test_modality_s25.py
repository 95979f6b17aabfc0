"""Modality from the round-12 and round-13 judging (issue 12, wrong modality): what happened, what was only wanted,
what did not happen. A past journey under way that nothing cut short is told as done; "would have", "would" on a verb
of enabling and "would" on an indefinite event noun are hypotheses (conditional), and so is a clause opened by
"otherwise"; a governor inside a "whether" question leaves the event open (hedged), as an existential's modal does for
a relative clause on what it says there is; a past "did ... have to" is no obligation still to meet; an event said to
stay out of reach did not happen; pressure on someone to do a thing is wanted, not done; an attempted killing is an
assault that took place; a claim that says what must be done or is wished is intended; a fall in numbers and a
ruling are no denials. Each rule next to the case that must not change. Sentences written for these tests."""

import pytest
from helpers import modality_of, record


@pytest.mark.parametrize(
    ("text", "type_", "trigger", "expected"),
    [
        # a past journey under way, nothing cut it short: done; cut short: tried; a present one: still meant
        ("Ms Okafor said she was travelling to Kisumu and then heard the sirens.", "TRAVEL", "travelling",
         "asserted"),
        ("The fishermen were sailing to Zanzibar when the coastguard seized their boat.", "TRAVEL", "sailing",
         "attempted"),
        ("The governor is flying to Dodoma on Thursday, her office said.", "TRAVEL", "flying", "intended"),
        # "would have": counterfactual; "would" on a verb of enabling: a hypothesis; "will allow": still to come
        ("Without the storm, Juma Odhiambo would have fled to Uganda.", "FLEE", "fled", "conditional"),
        ("A truce would allow the refugees to return to Juba.", "RETURN", "return", "conditional"),
        ("A truce would lead to the release of the hostages.", "RELEASE", "release", "conditional"),
        ("The new truce will allow the refugees to return to Juba.", "RETURN", "return", "future"),
        ("The truce allowed the refugees to return to Juba.", "RETURN", "return", "asserted"),
        ("The police said the refugees would return to Juba.", "RETURN", "return", "future"),
        # "otherwise" opening a clause after another: conditional; inside a phrase: no condition
        ("The mayor must pay the fine; otherwise the bailiffs could arrest him.", "ARREST", "arrest", "conditional"),
        ("An otherwise calm market day ended when police arrested four traders.", "ARREST", "arrested",
         "asserted"),
        # a governor in a "whether" question: open; the event's own "whether" under a decision stays intended
        ("Nobody knows whether the colonel really wants a ceasefire.", "AGREE", "ceasefire", "hedged"),
        ("It remains unclear whether the gunmen tried to attack the depot.", "ATTACK", "attack", "hedged"),
        ("The board will decide whether the two clerks are released.", "RELEASE", "released", "intended"),
        # a past obligation asked about tells what was done; a present one is still to meet
        ("Why did the old bear have to be shot?", "ATTACK", "shot", "asserted"),
        ("Residents have to flee the valley before Sunday.", "FLEE", "flee", "intended"),
        # out of reach: not reached
        ("A trade deal between the two ports has stayed out of reach for a year.", "AGREE", "deal", "negated"),
        ("Progress on the peace deal remained elusive on Monday.", "AGREE", "deal", "negated"),
        ("The ceasefire has remained in force since March.", "AGREE", "ceasefire", "asserted"),
        ("Fighters in the attack remained out of reach of the police.", "ATTACK", "attack", "asserted"),
        # an indefinite event said to "would" do something is a hypothesis; a definite one is known
        ("An attack on the dam would flood the whole valley.", "ATTACK", "attack", "conditional"),
        ("The attack on the dam would have flooded the valley without the new sluices.", "ATTACK", "attack",
         "asserted"),
        # a relative clause on what an existential says there is: as sure as the existential
        ("Witnesses said there may have been another gunman in the car, who later fled on foot.", "FLEE", "fled",
         "hedged"),
        # an attempted killing is an assault that took place; an attempted bombing was only tried
        ("Detectives opened an inquiry into an attempted murder at the harbour.", "ATTACK", "murder", "asserted"),
        ("Police foiled an attempted bombing of the station.", "ATTACK", "bombing", "negated"),
        # pressure on someone to do it: wanted of them, not done
        ("There is growing pressure on the navy to fight the pirates.", "FIGHT", "fight", "intended"),
        ("The raids raised pressure on the navy to fight the pirates.", "FIGHT", "fight", "intended"),
        ("The navy fought the pirates off the cape on Monday.", "FIGHT", "fought", "asserted"),
    ],
)
def test_modality_s25(text: str, type_: str, trigger: str, expected: str) -> None:
    assert modality_of(text, type_, trigger) == expected


def _claim(text: str) -> dict:
    (claim,) = [c for c in record(text)["claims"]]
    return claim


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a fall in numbers is no denial; a refusal is
        ("Cattle herds in the northern district have declined by a third since 2010, according to the ministry.",
         "asserted"),
        ("The ministry declined to give figures for the northern district, according to the herders' union.",
         "negated"),
        # a ruling is no denial; ruling out is
        ("The tribunal ruled that the eviction was unlawful, the union said.", "asserted"),
        # what a claim says is an obligation or a wish: not done
        ('"They need to leave the camp as soon as possible," says the mayor.', "intended"),
        ("The mayor said the refugees have to leave the camp.", "intended"),
        ('"We really hope the two sides will sign the treaty soon," the envoy told reporters.', "intended"),
        ('"We had to leave the camp in the night," says the mayor.', "asserted"),
        ("The survey plane has a laser to measure the height of the ice, according to the agency.", "asserted"),
        # counterfactual, not future; a past journey told as done
        ("'My aunt would have enjoyed the parade,' said Kofi Mensah.", "conditional"),
        ("The two fishermen were sailing to Lamu but had no licence, two coastguard officers told the paper.",
         "asserted"),
    ],
)
def test_claim_modality_s25(text: str, expected: str) -> None:
    assert _claim(text)["modality"] == expected


def test_attempted_stays_on_its_own_conjunct() -> None:
    # "attempted" on one of two coordinated charges does not reach the other; an attempted arrest stays attempted
    events = [e for e in record("Prosecutors opened a case of murder and attempted murder against the guard.")["events"]
              if e["type"] == "ATTACK"]
    assert [e["modality"] for e in events] == ["asserted", "asserted"]
    assert modality_of("Two officers were hurt in an attempted arrest of the smuggler.", "ARREST", "arrest") == \
        "attempted"
