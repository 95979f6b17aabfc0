"""Missing arguments (issue 12, session 28): coordinated passives share their "by" phrase, a part of a building
is shown with the building, an attack noun takes whom its relative clause says it killed. Sentences written for
these tests."""

from helpers import events_of, texts


def _event(text: str, type_: str, trigger: str) -> dict:
    return next(e for e in events_of(text, type_) if e["trigger"] == trigger)


def test_coordinated_passives_share_the_by_phrase_and_scene_after_the_last():
    text = "Three cyclists were assaulted, robbed and threatened by a gang during a street fair in Utrecht."
    assault = _event(text, "ATTACK", "assaulted")
    assert texts(assault["actors"]) == "gang"
    assert texts(assault["location"]) == "Utrecht"
    attack = _event("Two cameramen were attacked and injured by masked men outside the stadium.", "ATTACK", "attacked")
    assert texts(attack["actors"]) == "masked men"


def test_a_rescue_after_the_harm_gives_its_by_phrase_to_no_harm():
    kidnap = _event("Two engineers were kidnapped and later freed by soldiers.", "ARREST", "kidnapped")
    assert texts(kidnap["actors"]) == ""


def test_a_verb_with_phrases_of_its_own_keeps_no_later_by_phrase():
    text = "The courier was stabbed in Ghent and robbed by two teenagers in Antwerp."
    assert texts(_event(text, "ATTACK", "stabbed")["actors"]) == ""


def test_a_part_of_a_building_is_shown_with_the_building():
    text = "Rebels fired mortars at the wall of the Swedish embassy in Kabul."
    assert texts(_event(text, "ATTACK", "fired")["targets"]) == "wall of the Swedish embassy"
    text = "Gunmen attacked the main gate of Tora prison at dawn."
    assert texts(_event(text, "ATTACK", "attacked")["targets"]) == "main gate of Tora prison"


def test_a_part_of_no_building_stays_as_it_was():
    text = "The militia attacked the gate of heaven, a shrine in the valley."
    assert "heaven" not in texts(_event(text, "ATTACK", "attacked")["targets"])


def test_an_attack_noun_takes_whom_its_relative_clause_killed():
    text = "A shooting that killed a night porter unsettled the neighbourhood."
    assert texts(_event(text, "ATTACK", "shooting")["targets"]) == "night porter"
    assert texts(_event(text, "ATTACK", "killed")["targets"]) == "night porter"


def test_coordinated_passives_share_a_scene_said_after_the_last():
    text = "Several pensioners said they were threatened or robbed during a flea market in Aarhus."
    assert texts(_event(text, "THREATEN", "threatened")["location"]) == "Aarhus"


def test_a_plural_possessor_before_a_curly_apostrophe_is_the_one_released():
    release = _event("The captives’ release was welcomed by the government.", "RELEASE", "release")
    assert texts(release["targets"]) == "captives"


def test_everyone_on_board_is_the_phrase_not_its_preposition():
    attack = _event("All on board were killed, the coastguard said.", "ATTACK", "killed")
    assert texts(attack["targets"]) == "All on board"


def test_the_place_of_a_verb_of_undergoing_is_the_event_nouns():
    charges = _event("What charges does Ilse Novak face in Austria?", "CHARGE", "charges")
    assert texts(charges["targets"]) == "Ilse Novak"
    assert texts(charges["location"]) == "Austria"


def test_an_attack_noun_takes_the_place_of_the_killing_told_in_it():
    text = "Six people were killed in attacks in May 2019 against a post office and a bakery in Namur."
    attacks = _event(text, "ATTACK", "attacks")
    assert texts(attacks["location"]) == "Namur"
    assert texts(_event(text, "ATTACK", "killed")["location"]) == "Namur"
