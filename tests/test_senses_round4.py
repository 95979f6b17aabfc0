"""Round-4 non-event senses (data/senses.yaml): products, statements and data released; pictures shot with a
device; fights against a social ill or a legal process; companies battling over money; claims that clash;
slipping into a state; disasters that strike in a relative clause; signs warning of a hazard. Each with the event
sense kept beside it."""

from helpers import events_of


def test_a_statement_a_launch_or_data_released_is_no_freeing():
    assert not events_of("The chief executive said in the earnings release that sales had slowed.", "RELEASE")
    assert not events_of("Only one headset supports the new format at release, the firm said.", "RELEASE")
    assert not events_of("The full release may bring a dark mode and faster downloads.", "RELEASE")
    assert not events_of("The researchers plan to publish and release all of the survey's data next year.",
                         "RELEASE")
    assert events_of("Rebels announced the release of twelve hostages on Tuesday.", "RELEASE")
    assert events_of("After his release from prison the activist left for Berlin.", "RELEASE")
    assert events_of("The prisoner release was agreed by both sides last week.", "RELEASE")
    assert events_of("The militia released all of the hostages on Friday.", "RELEASE")


def test_pictures_shot_with_a_device_are_no_shooting():
    assert not events_of("The photos shot with the new handset look sharper than last year's.", "ATTACK")
    assert not events_of("She shot the images on a cheap compact camera in 2015.", "ATTACK")
    assert events_of("A gunman shot two guards with a rifle outside the bank.", "ATTACK")


def test_battling_a_social_ill_or_a_legal_process_is_no_fighting():
    assert not events_of("The minister promised to battle corruption in the ports.", "FIGHT")
    assert not events_of("The publisher is battling extradition to Sweden over the charges.", "FIGHT")
    assert events_of("Government troops battled rebels near the border on Monday.", "FIGHT")


def test_companies_battling_or_fighting_over_money_are_no_fighting():
    assert not events_of("The two firms have been battling over how much the carrier owes in royalties.", "FIGHT")
    assert not events_of("The companies fought for months over the licensing fees.", "FIGHT")
    assert events_of("Two militias fought over the oil terminal for a week.", "FIGHT")


def test_a_claim_that_clashes_with_another_is_no_fight():
    assert not events_of("That report clashes with earlier rumours posted by a leaker.", "FIGHT")
    assert not events_of("His account clashed with the findings of the inquiry.", "FIGHT")
    assert events_of("Protesters clashed with riot police in the capital on Sunday.", "FIGHT")


def test_slipping_into_a_coma_or_a_recession_is_no_crossing():
    assert not events_of("The injured singer slipped into a coma after the fall.", "CROSS_BORDER")
    assert not events_of("The economy slipped into recession in the third quarter.", "CROSS_BORDER")
    assert events_of("Four migrants slipped into Hungary from Serbia at night.", "CROSS_BORDER")


def test_a_disaster_that_struck_in_a_relative_clause_is_no_attack():
    assert not events_of("Families recalled the storm, which struck the island in August.", "ATTACK")
    assert not events_of("Relief reached the towns that an earthquake struck last spring.", "ATTACK")
    assert events_of("Residents recalled the militia, which struck the village in August.", "ATTACK")


def test_signs_warning_of_a_hazard_are_no_threat():
    assert not events_of("The town erected notices to warn of the possible danger beside the harbour wall.", "THREATEN")
    assert not events_of("Officials warned of falling ice and long delays on the bridge.", "THREATEN")
    assert events_of("The general warned of retaliation if the shelling continued.", "THREATEN")


def test_a_freeing_named_or_misspelt_stays_an_event():
    assert events_of("The agency welcomed the released of forty fishermen held by pirates since May.", "RELEASE")
    assert events_of('"It was a release, the fruit of long talks with the captors," the envoy said.', "RELEASE")
    assert events_of("They were the first of the sixty captives to be released after the talks.", "RELEASE")
    assert events_of("Officials called Sunday's release of the aid workers a breakthrough.", "RELEASE")
    assert events_of("Calling Sunday's release a breakthrough, officials said more captives would follow.", "RELEASE")
