"""Argument completion (extract/completion.py): roles an event still lacks, filled from its own sentence, each with
a near case that must stay empty."""

from helpers import events_of, texts


def _event(text: str, type_: str, trigger: str) -> dict:
    return next(e for e in events_of(text, type_) if e["trigger"] == trigger)


def test_the_accused_does_every_deed_of_a_coordination():
    event = _event("The clerk has been accused of fraud, assault and theft by her landlord.", "ATTACK", "assault")
    assert texts(event["actors"]) == "clerk"


def test_the_passive_subject_of_charged_with_is_the_doer():
    event = _event("Two porters were charged with robbery and assault after the brawl.", "ATTACK", "assault")
    assert texts(event["actors"]) == "Two porters"


def test_the_accuser_is_no_doer():
    event = _event("The landlord accused the clerk of assault in a letter.", "ATTACK", "assault")
    assert texts(event["actors"]) == "clerk"
    event = _event("The union complained about the assault on the clerk.", "ATTACK", "assault")
    assert "union" not in texts(event["actors"])


def test_coordinated_event_nouns_share_what_is_said_of_both():
    events = events_of("The bombing and the assault on the army depot near Goma were condemned.", "ATTACK")
    bombing = next(e for e in events if e["trigger"] == "bombing")
    assert "army depot" in texts(bombing["targets"]) and "Goma" in texts(bombing["location"])


def test_a_when_clause_happened_where_its_main_clause_did():
    event = _event("A wedding party was shattered on Friday in the northern town of Kirkuk when a gunman opened "
                   "fire on the guests.", "ATTACK", "opened fire")
    assert texts(event["location"]) == "Kirkuk"


def test_a_when_clause_with_its_own_place_keeps_it():
    event = _event("The minister was in Oslo when gunmen attacked a convoy in Herat.", "ATTACK", "attacked")
    assert texts(event["location"]) == "Herat"


def test_a_place_of_another_clause_is_not_the_scene():
    event = _event("The minister, who was born in Oslo, said gunmen attacked a convoy.", "ATTACK", "attacked")
    assert texts(event["location"]) == ""


def test_a_relative_clause_of_an_event_noun_happened_at_its_place():
    event = _event("Mourners gathered after a bombing in Quetta, Pakistan, which killed dozens of worshippers.",
                   "ATTACK", "killed")
    assert texts(event["location"]) == "Quetta | Pakistan" and "Quetta" not in texts(event["actors"])


def test_a_place_possessing_a_site_places_the_event():
    event = _event("Three people were stabbed at Lyon's annual festival.", "ATTACK", "stabbed")
    assert texts(event["location"]) == "Lyon"


def test_a_place_possessing_a_person_does_not():
    event = _event("Masked men attacked Norway's ambassador during a visit.", "ATTACK", "attacked")
    assert "Norway" not in texts(event["location"])


def test_a_verb_killing_in_an_attack_by_someone_takes_its_doer():
    event = _event("Two guards were killed in an attack by rebels near the mine.", "ATTACK", "killed")
    assert texts(event["actors"]) == "rebels"


def test_a_building_an_attack_struck_at_is_its_target():
    (event,) = events_of("A lorry bombing at the Danish embassy in Nairobi wounded nobody.", "ATTACK")[:1]
    assert texts(event["targets"]) == "Danish embassy" and texts(event["location"]) == "Nairobi"


def test_a_building_where_someone_was_hit_stays_where():
    (event,) = events_of("A sniper shot two porters at the Grand Hotel in Nairobi.", "ATTACK")
    assert texts(event["targets"]) == "two porters"


def test_a_threat_aimed_at_a_place_threatens_it():
    (event,) = events_of("The president had threatened to use the missiles on Tallinn.", "THREATEN")
    assert texts(event["targets"]) == "Tallinn" and texts(event["location"]) == ""


def test_a_threatened_act_somewhere_is_no_aim():
    (event,) = events_of("The mayor threatened to hold the summit in Oslo.", "THREATEN")
    assert texts(event["targets"]) == ""


def test_an_attack_noun_takes_the_doer_the_parser_gave_its_verb():
    event = _event("Six porters were killed in an airstrike by the navy.", "ATTACK", "airstrike")
    assert texts(event["actors"]) == "navy"


def test_a_fight_is_not_the_killing_s_doer():
    event = _event("Two guards were killed by rebels in a shootout.", "FIGHT", "shootout")
    assert texts(event["actors"]) == ""
