"""Event participants (issue 12, session 25): the sentence's agent and patient, not a bystander's. What is thrown is
no target; a "whose" phrase names its owner; a gerund of manner hung on a controlled verb is the controller's deed;
an "against" phrase split from its attack noun by a time phrase; the parties of brokered talks; the one met at a
meeting a traveller left is no traveller; a charge listing a deed gives it to the accused. Sentences written for
these tests."""

from helpers import events_of, texts


def test_what_is_thrown_is_no_target_the_one_aimed_at_is():
    (attack,) = events_of("Masked youths hurled bricks and bottles at riot police on Saturday.", "ATTACK")
    assert texts(attack["targets"]) == "riot police"
    assert texts(attack["actors"]) == "Masked youths"


def test_a_thrown_weapon_without_an_aim_is_still_no_target():
    (attack,) = events_of("A man threw a grenade into the crowded market in the evening.", "ATTACK")
    assert "grenade" not in texts(attack["targets"])


def test_whose_phrase_names_its_owner_not_the_relative_word():
    (arrest,) = events_of("Jonas Berg, a farmer whose brother was kidnapped in May, spoke to reporters.", "ARREST")
    assert texts(arrest["targets"]) == "Jonas Berg's brother"


def test_whose_phrase_on_a_common_noun():
    (arrest,) = events_of("Police questioned a teacher whose two sons were arrested last week.", "ARREST")
    assert "whose" not in texts(arrest["targets"])
    assert texts(arrest["targets"]).endswith("two sons")


def test_a_gerund_of_manner_on_a_controlled_verb_is_the_controllers_deed():
    text = "Police found the boy in a shed where the man forced him to stay while threatening to burn his house."
    (threat,) = events_of(text, "THREATEN")
    assert texts(threat["actors"]) == "man"


def test_object_control_still_gives_the_controlled_verb_its_doer():
    (travel,) = events_of("The gang persuaded the boys to travel to Turkey.", "TRAVEL")
    assert texts(travel["actors"]) == "boys"


def test_against_split_from_its_attack_noun_by_a_time_phrase():
    (attack,) = events_of("Nine people died in attacks in March against a school and a church in Lagos.", "ATTACK")
    assert texts(attack["targets"]) == "school | church"
    assert texts(attack["location"]) == "Lagos"


def test_the_parties_of_brokered_talks_are_sides_besides_the_broker():
    text = "The prisoners were freed after talks between the rebels and the government brokered by Norway."
    (deal,) = events_of(text, "AGREE")
    actors = texts(deal["actors"])
    for side in ("rebels", "government", "Norway"):
        assert side in actors


def test_the_one_met_at_talks_left_is_no_traveller():
    (back,) = events_of("She returned from talks in Oslo with the rebel commander on Tuesday.", "RETURN")
    assert texts(back["actors"]) == "She"


def test_a_fellow_traveller_with_stays():
    (back,) = events_of("She returned from Oslo with the rebel commander on Tuesday.", "RETURN")
    assert "rebel commander" in texts(back["actors"])
    (flee,) = events_of("The teacher fled the city with her two children on Monday.", "FLEE")
    assert "her two children" in texts(flee["actors"])


def test_a_charge_listing_a_deed_gives_it_to_the_accused():
    (attack,) = events_of("The charges against Lena Holt included throwing rocks at officers.", "ATTACK")
    assert texts(attack["actors"]) == "Lena Holt"
    assert texts(attack["targets"]) == "officers"
    assert attack["modality"] == "hedged"


def test_against_after_the_deed_of_a_count_is_the_deeds_target_not_the_accused():
    text = "The indictment, seen by AFP, included counts of assault against a guard."
    for attack in events_of(text, "ATTACK"):
        assert "guard" not in texts(attack["actors"])
