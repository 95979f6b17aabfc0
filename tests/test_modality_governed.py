"""Modality governed from outside the event's own clause (round-8 audit, "wrong modality", issue 12): a nominal event
under a modal word (an indefinite subject of a modal verb, an example of a possible threat, "open to", an infinitive
of a noun of ability or commitment, "would-be", "eventual", "anticipated"), imperatives, claims called untrue, a
present-tense "until" clause, the curly "’ll" and "didn’t", and the opposite errors: the first of a set "to be
released" was released, an attack nobody has claimed happened. An event noun as the subject of "begin" takes its
modality. Each rule next to the case that must not change. Sentences written for these tests."""

import pytest
from helpers import modality_of


@pytest.mark.parametrize(("text", "type_", "trigger", "expected"), [
    # an indefinite event noun as the subject of a modal verb is hypothetical; a definite one is a known event
    ("A merger deal could ease the feud between the two carmakers, bankers say.", "AGREE", "deal", "hedged"),
    # ("would": a hypothesis, conditional as the dev gold has it, not what is still to come: test_modality_s25.py)
    ("An air strike on the dam would flood three villages, engineers warned.", "ATTACK", "strike", "conditional"),
    ("The air strike on the dam could have been avoided, engineers said.", "ATTACK", "strike", "asserted"),
    ("An air strike may have killed ten fighters near Idlib on Monday.", "ATTACK", "strike", "asserted"),
    # examples of a possible threat share its modality
    ("The minister warned of possible new threats, like drone attacks on the oil fields.", "ATTACK", "attacks",
     "hedged"),
    ("The rebels launched attacks like the one on the oil fields in May.", "ATTACK", "attacks", "asserted"),
    # "open to", "liable to": what may befall someone
    ("The governor is now open to prosecution over the land sales.", "CHARGE", "prosecution", "hedged"),
    ("The governor faced prosecution over the land sales last year.", "CHARGE", "prosecution", "asserted"),
    # an infinitive of a noun of commitment or ability states what is meant or possible
    ("The accord includes a commitment from Paris to withdraw its soldiers from Mali.", "EVACUATE", "withdraw",
     "intended"),
    ("Her stance has hurt her ability to get a trade deal with Ottawa.", "AGREE", "deal", "hedged"),
    ("Ottawa and Canberra signed a trade deal on Friday.", "AGREE", "deal", "asserted"),
    # modal adjectives
    ("Talks on a would-be merger deal between the two banks stalled in June.", "AGREE", "deal", "intended"),
    ("The envoy called the truce a step towards the eventual release of all the hostages.", "RELEASE", "release",
     "hedged"),
    ("Relatives had anticipated his trial on bribery charges for months.", "CHARGE", "trial", "future"),
])
def test_governed_noun(text: str, type_: str, trigger: str, expected: str) -> None:
    assert modality_of(text, type_, trigger) == expected


@pytest.mark.parametrize(("text", "type_", "trigger", "expected"), [
    # imperatives someone says, advice and exhortation are what is wanted, not what was done (a listing's tip in the
    # writer's own voice is no event at all: tests/test_senses_s24.py)
    ("\"Visit the fair in Columbus before it closes,\" the mayor urged residents.", "TRAVEL", "Visit", "intended"),
    ("\"Kill them wherever you find them,\" the recording urged.", "ATTACK", "Kill", "intended"),
    ("Please travel to Geneva for the talks, the minister told him.", "TRAVEL", "travel", "intended"),
    ("Let us go to Paris and fight them there, the preacher said.", "FIGHT", "fight", "intended"),
    ("Obey your commanders, then go to the front and fight the enemy.", "FIGHT", "fight", "intended"),
    ("He stayed in Paris for a week and then went to Lyon.", "TRAVEL", "went", "asserted"),
    # ... an exhortation under a condition is conditional (the first in the precedence)
    ("If you meet a soldier, then be brave and attack him without mercy.", "ATTACK", "attack", "conditional"),
    # ... a bare verb after another verb opens no clause; a question is asked, not ordered
    ("Volunteers helped evacuate the patients from the clinic on Sunday.", "EVACUATE", "evacuate", "asserted"),
    ("The envoys went to Oslo and signed the accord on Monday.", "TRAVEL", "went", "asserted"),
])
def test_imperative(text: str, type_: str, trigger: str, expected: str) -> None:
    assert modality_of(text, type_, trigger) == expected


@pytest.mark.parametrize(("text", "type_", "trigger", "expected"), [
    # a claim's content is alleged; called untrue or denied, it is negated
    ("\"Her claims about being beaten by the guards are untrue,\" the prison said.", "ATTACK", "beaten", "negated"),
    ("Reports that the militia attacked the convoy near Gao are false, the army said.", "ATTACK", "attacked",
     "negated"),
    ("The coach dismissed claims that his staff had assaulted the players.", "ATTACK", "assaulted", "negated"),
    ("The ombudsman investigated her claims that the guards had attacked her in Lyon.", "ATTACK", "attacked",
     "hedged"),
    ("Reports that the militia attacked the convoy near Gao came in overnight.", "ATTACK", "attacked", "hedged"),
    ("Police received reports of a shooting near the stadium in Leeds.", "ATTACK", "shooting", "hedged"),
    ("There were reports that two men tied to the bombings in Marseille had planned an assault on the fair.", "ATTACK",
     "bombings", "asserted"),
    ("After reports that the raids were carried out by the militia, the army sealed the town.", "ATTACK", "raids",
     "hedged"),
    ("The UN report on the attack on the convoy near Gao was published on Monday.", "ATTACK", "attack", "asserted"),
])
def test_claimed(text: str, type_: str, trigger: str, expected: str) -> None:
    assert modality_of(text, type_, trigger) == expected


@pytest.mark.parametrize(("text", "type_", "trigger", "expected"), [
    # one of a ranked set "to be released" was released; an infinitive of purpose is still intended
    ("They are the first of the 80 fishermen seized off Somalia in May to be released after the talks.", "RELEASE",
     "released", "asserted"),
    ("They are the first of the 80 fishermen seized off Somalia in May to be freed.", "RELEASE", "freed",
     "asserted"),
    ("The men flew to Istanbul to join the militia.", "RECRUIT", "join", "intended"),
    # a present-tense "until" clause is still to come; a past one happened
    ("The rebels refuse to talk until a deal that frees the prisoners is signed.", "AGREE", "deal", "future"),
    ("The rebels waited until the deal was signed in Doha.", "AGREE", "deal", "asserted"),
    # curly contractions
    ("Nobody knows when he’ll return to Kabul.", "RETURN", "return", "future"),
    ("The envoy hurt his leg in Herat and didn’t return to Kabul.", "RETURN", "return", "negated"),
])
def test_relative_time_and_contractions(text: str, type_: str, trigger: str, expected: str) -> None:
    assert modality_of(text, type_, trigger) == expected


@pytest.mark.parametrize(("text", "type_", "trigger", "expected"), [
    # owning up to an event presupposes it: nobody's admitting or claiming it does not deny it
    ("No group has claimed the bombing of the bus station in Quetta.", "ATTACK", "bombing", "asserted"),
    ("No faction has so far admitted staging the bombing of the market in Kandahar.", "ATTACK", "bombing",
     "asserted"),
    ("The rebels claimed that the army had shelled the bus station in Quetta.", "ATTACK", "shelled", "asserted"),
    ("The army denied that it had shelled the bus station in Quetta.", "ATTACK", "shelled", "negated"),
    # an event noun as the subject of its beginning: the verb's modality is the event's
    ("The evacuation of the old town could begin as early as Tuesday.", "EVACUATE", "evacuation", "hedged"),
    ("The trial of the two smugglers will start in March in Palermo.", "CHARGE", "trial", "future"),
    ("The siege of the old town began at dawn on Monday.", "FIGHT", "siege", "asserted"),
])
def test_owned_and_begun(text: str, type_: str, trigger: str, expected: str) -> None:
    assert modality_of(text, type_, trigger) == expected
