"""Trigger senses of session 26 (issue 12, audit "wrong sense", "figurative trigger", "local movement", "wrong
modality"): play in a game of sport, an attack that is no blow, movers that are the sea or a launch, the wounded
carried from a scene, a wish said with "would". Each with the event sense kept beside it."""

from helpers import events_of, modality_of


def test_a_shot_or_a_comeback_in_a_game_of_sport_is_play():
    assert not events_of("Lindqvist fired a wrist shot past the goalie late in the third period.", "ATTACK")
    assert not events_of("Trailing in the best-of-five semifinal, the Hawks came back to win it in the ninth.",
                         "RETURN")
    assert not events_of("The visitors battled back from a three-run deficit in the ninth inning.", "FIGHT")
    # a weapon or a killing in the sentence, or a named place travelled to, keeps the event
    assert events_of("A gunman fired at supporters leaving the stadium after the playoff game.", "ATTACK")
    assert events_of("The goalie was shot dead outside his home in Cali on Sunday.", "ATTACK")
    assert events_of("Okafor returned from Lagos in time for the playoff opener.", "RETURN")
    assert events_of("Lindqvist fired a rifle at the border guards late on Friday.", "ATTACK")


def test_an_attack_by_words_or_on_computers_is_no_blow():
    assert not events_of("The ministry warned of a coordinated press attack on the governor.", "ATTACK")
    assert not events_of("The bank said two computer attacks had exposed the data of its clients.", "ATTACK")
    assert events_of("Gunmen carried out an attack on media workers in the port city.", "ATTACK")
    assert events_of("The bank said two attacks on its branches had left a guard wounded.", "ATTACK")


def test_the_sea_and_a_launch_are_no_movers():
    assert not events_of("The warm eddies travel west across the basin in about a year.", "TRAVEL")
    assert not events_of("Scientists say a pair of whirlpools moved east along the shelf.", "TRAVEL")
    assert not events_of("That launch was the third this year to fly over the archipelago.", "TRAVEL")
    assert events_of("The delegation was the third to fly to Tallinn this year.", "TRAVEL")
    assert events_of("A pair of brothers moved to Izmir with their mother in 2015.", "TRAVEL")


def test_the_wounded_carried_from_a_scene_are_no_evacuation():
    assert not events_of("Injured passengers were evacuated from the scene by paramedics.", "EVACUATE")
    assert events_of("Injured passengers were evacuated from Kherson by train.", "EVACUATE")


def test_a_wish_said_with_would_is_intended():
    assert modality_of("Several envoys would love to see the two factions agree on a ceasefire.", "AGREE",
                       "agree") == "intended"
    assert modality_of("\"I'd love to see our navy strike back at them,\" the veteran said.", "ATTACK", "strike") \
        == "intended"
    assert modality_of("The junta will agree to a ceasefire next week, the envoys said.", "AGREE", "agree") == \
        "future"


def test_what_is_justified_or_avenged_was_done():
    assert modality_of("Critics say the police planted the leaflets so as to justify his detention.", "ARREST",
                       "detention") == "asserted"
    assert modality_of("The clan vowed to avenge the killing of its elder.", "ATTACK", "killing") == "asserted"
    assert modality_of("The clan vowed to kill the elder's rivals.", "ATTACK", "kill") == "intended"


def test_a_campaign_to_do_it_is_its_purpose():
    assert modality_of("The army chief announced a campaign to fight the rebels in the north.", "FIGHT",
                       "fight") == "intended"
    assert modality_of("The junta began a campaign of shelling against the hill towns.", "ATTACK",
                       "shelling") == "asserted"


def test_a_pronoun_mover_is_what_it_stands_for():
    assert not events_of("Researchers say the whirlpools merge so that they travel east across the Coral Sea.",
                         "TRAVEL")
    assert events_of("The fighters regrouped after they returned to Raqqa.", "RETURN")


def test_back_on_board_with_nothing_after_it_is_local_movement():
    assert not events_of("The two mechanics came back on board, and the inspection resumed.", "RETURN")
    assert events_of("The crew came back on board the ferry in Piraeus.", "RETURN")
    assert events_of("Two tourists returned on board a cruise ship.", "RETURN")


def test_more_play_business_and_criticism():
    assert not events_of("Two homers in the seventh inning helped them kill off the Pirates.", "ATTACK")
    assert not events_of("Several stranded travellers walked back to the gate for news of a later connection.",
                         "TRAVEL")
    assert not events_of("Shareholders backed the board against the threat of a hostile bid.", "THREATEN")
    assert not events_of("The union went to court, attacking the airline's hiring practices.", "ATTACK")
    assert events_of("The militia made a threat against the mayor.", "THREATEN")
    assert events_of("Two men attacked the guards at the gate of the prison.", "ATTACK")


def test_what_is_suggested_is_hedged():
    assert modality_of("Leaked notes suggested the envoy had been kidnapped near the border.", "ARREST",
                       "kidnapped") == "hedged"
    assert modality_of("Her guards murdered her, the court found.", "ATTACK", "murdered") == "asserted"
    assert modality_of("Leaked notes show the envoy was kidnapped near the border.", "ARREST", "kidnapped") == \
        "asserted"
