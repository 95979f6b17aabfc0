"""Event roles, session 24 (issue 12, wrong / missing agent and target): the group allegiance is pledged to, things
and landmarks that are no participants, shots fired into a crowd, and a possessor who was the victim. Each rule has
a near case it must leave alone."""

from helpers import events_of, texts


def test_the_group_allegiance_is_pledged_to_is_the_target():
    (event,) = events_of("The teenager pledged allegiance to the militant group in a video.", "RECRUIT")
    assert "militant group" in texts(event["targets"]) and "teenager" in texts(event["actors"])


def test_a_place_after_to_stays_a_place_not_a_side():
    (event,) = events_of("The deserters fled to Turkey on foot.", "FLEE")
    assert texts(event["targets"]) == "" and "Turkey" in texts(event.get("destination") or [])


def test_help_and_belongings_do_not_move_with_the_movers():
    (event,) = events_of("Three prisoners escaped with the help of a guard.", "FLEE")
    assert "help" not in texts(event["actors"]) and "prisoners" in texts(event["actors"])
    (event,) = events_of("The family fled with their belongings to the coast.", "FLEE")
    assert "belongings" not in texts(event["actors"])


def test_people_moving_along_still_move():
    (event,) = events_of("The refugees fled with their children to Turkey.", "FLEE")
    assert "children" in texts(event["actors"])


def test_a_landmark_after_by_is_no_attacker():
    (event,) = events_of("The women were attacked in the square by the fountain.", "ATTACK")
    assert "fountain" not in texts(event["actors"]) and "women" in texts(event["targets"])
    (event,) = events_of("The women were attacked in the square by three masked men.", "ATTACK")
    assert "masked men" in texts(event["actors"])


def test_shots_fired_into_a_crowd_hit_the_crowd_but_not_into_the_air():
    (event,) = events_of("A gunman fired into the crowd outside the bar.", "ATTACK")
    assert "crowd" in texts(event["targets"])
    for event in events_of("The gunman fired into the air outside the bar.", "ATTACK"):
        assert "air" not in texts(event["targets"])


def test_a_possessor_of_an_assassination_by_someone_is_the_victim():
    (event,) = events_of("The ambassador's assassination by a police officer shocked the city.", "ATTACK")
    assert "ambassador" in texts(event["targets"]) and "ambassador" not in texts(event["actors"])
    assert "police officer" in texts(event["actors"])


def test_the_person_whose_murder_is_unsolved_is_the_victim():
    (event,) = events_of("Mr Okafor's murder remains unsolved, detectives said.", "ATTACK")
    assert "Okafor" in texts(event["targets"]) and texts(event["actors"]) == ""


def test_who_commits_a_murder_or_whose_group_attacks_still_acts():
    (event,) = events_of("Greta Lind committed her first murder at nineteen, the court heard.", "ATTACK")
    assert texts(event["targets"]) == ""
    attack = next(
        e
        for e in events_of("The militia's attack on the convoy killed five drivers.", "ATTACK")
        if e["trigger"] == "attack"
    )
    assert "militia" in texts(attack["actors"])


def test_who_was_sent_back_or_repatriated_is_the_target():
    (event,) = events_of("The migrants were sent back to Libya by the coast guard.", "RETURN")
    assert "migrants" in texts(event["targets"]) and "coast guard" in texts(event["actors"])
    (event,) = events_of("The detainees were repatriated to Tunisia on Monday.", "RETURN")
    assert "detainees" in texts(event["targets"]) and texts(event["actors"]) == ""


def test_who_returned_of_their_own_accord_still_returns():
    (event,) = events_of("Fighters returned from Syria were arrested in Paris.", "RETURN")
    assert "Fighters" in texts(event["actors"]) and texts(event["targets"]) == ""


def test_weapons_after_with_are_no_targets_but_opponents_are():
    (event,) = events_of("Three men planned to attack the parade with knives and a van.", "ATTACK")
    assert "van" not in texts(event["targets"]) and "knives" not in texts(event["targets"])
    assert "parade" in texts(event["targets"])
    (event,) = events_of("Rebels clashed with soldiers near the airport.", "FIGHT")
    assert "soldiers" in texts(event["targets"])


def test_a_response_does_not_kill():
    text = "The rebels said the raid was a response to government air strikes last week which killed 12 villagers."
    (event,) = [e for e in events_of(text, "ATTACK") if e["trigger"] == "killed"]
    assert "response" not in texts(event["actors"]) and "villagers" in texts(event["targets"])


def test_a_misparsed_object_of_a_suspected_deed_is_not_its_doer():
    """The parser sometimes reads "on suspicion of people smuggling" as people who smuggle; the suspects smuggle."""
    import spacy
    from spacy.tokens import Doc

    from newsintel.extract.subjects import subject_of

    words = ["Two", "men", "were", "held", "on", "suspicion", "of", "people", "smuggling", "."]
    heads = [1, 3, 3, 3, 3, 4, 5, 6, 7, 3]
    deps = ["nummod", "nsubjpass", "auxpass", "ROOT", "prep", "pobj", "prep", "pobj", "acl", "punct"]
    tags = ["CD", "NNS", "VBD", "VBN", "IN", "NN", "IN", "NNS", "VBG", "."]
    pos = ["NUM", "NOUN", "AUX", "VERB", "ADP", "NOUN", "ADP", "NOUN", "VERB", "PUNCT"]
    lemmas = ["two", "man", "be", "detain", "on", "suspicion", "of", "people", "smuggle", "."]
    vocab = spacy.blank("en").vocab  # with its lower-case forms
    doc = Doc(vocab, words=words, heads=heads, deps=deps, tags=tags, pos=pos, lemmas=lemmas)
    subject, passive = subject_of(doc[8])
    assert subject is not None and subject.text == "men" and not passive
    fleeing = Doc(
        vocab,
        words=["thousands", "of", "people", "fleeing", "the", "war"],
        heads=[0, 0, 1, 2, 5, 3],
        deps=["ROOT", "prep", "pobj", "acl", "det", "dobj"],
        tags=["NNS", "IN", "NNS", "VBG", "DT", "NN"],
        pos=["NOUN", "ADP", "NOUN", "VERB", "DET", "NOUN"],
        lemmas=["thousand", "of", "people", "flee", "the", "war"],
    )
    subject, _ = subject_of(fleeing[3])
    assert subject is not None and subject.text == "people"


def test_a_question_word_names_no_one_but_a_relative_one_does():
    (event,) = events_of("The hospital gave no word about who was shot.", "ATTACK")
    assert texts(event["targets"]) == ""
    (event,) = events_of("Police arrested the man who shot two guards.", "ATTACK")
    assert "man" in texts(event["actors"])


def test_a_traveller_moves_no_thing():
    (event,) = events_of("The fans then flew first class to Denver.", "TRAVEL")
    assert texts(event["targets"]) == "" and "fans" in texts(event["actors"])


def test_who_files_or_brings_charges_is_their_actor():
    (event,) = events_of("She had filed charges against her former partner for stalking.", "CHARGE")
    assert "She" in texts(event["actors"]) and "partner" in texts(event["targets"])
    (event,) = events_of("Prosecutors brought charges against the mayor last week.", "CHARGE")
    assert "Prosecutors" in texts(event["actors"])


def test_a_street_named_after_its_place_word_is_where_not_whom():
    (event,) = events_of("A woman stands near the site of the attack on the Boulevard Saint-Martin.", "ATTACK")
    assert texts(event["targets"]) == "" and "Boulevard Saint-Martin" in texts(event.get("location") or [])


def test_a_clause_with_its_own_subject_is_not_a_passive():
    text = "There had been no sign that the attacker, Omar Kell, a 30-year-old driver, had pledged allegiance to ISIS."
    (event,) = events_of(text, "RECRUIT")
    assert "Omar Kell" in texts(event["actors"]) and "Omar Kell" not in texts(event["targets"])
