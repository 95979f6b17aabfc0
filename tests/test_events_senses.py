"""Trigger words in their non-event senses (data/senses.yaml, data/events.yaml), each on a sentence of its own:
precision on general news."""


from helpers import events_of


def test_settlements_as_places_are_no_agreements_but_a_reached_settlement_is():
    assert not events_of("The new settlements near Hebron were built in the 1980s.", "AGREE")
    assert events_of("The bank reached a settlement with the regulator on Tuesday.", "AGREE")


def test_agreeing_as_an_opinion_is_no_agreement():
    assert not events_of("Not everyone agreed, and the debate went on.", "AGREE")
    assert not events_of("You agree to receive our newsletter by signing up.", "AGREE")
    assert events_of("The two ministers agreed to open the crossing.", "AGREE")


def test_suicide_is_no_attack_but_the_shooting_before_it_is():
    (event,) = events_of("A gunman shot six guards at the depot before killing himself.", "ATTACK")
    assert event["trigger"].startswith("shot")


def test_a_missile_test_is_no_attack_and_shots_are_no_target():
    assert not events_of("The navy fired a cruise missile into the Baltic Sea during the drill.", "ATTACK")
    (event,) = events_of("Rebels fired rockets at Sderot on Monday.", "ATTACK")
    assert all(a["text"] != "rockets" for a in event["targets"])


def test_nouns_that_need_a_participant():
    assert not events_of("The threat from rising seas has grown in recent years.", "THREATEN")
    assert not events_of("The charity works against human trafficking.", "SMUGGLE")
    assert events_of("The militia's threat to shell the port worried residents.", "THREATEN")


def test_states_and_things_are_no_events():
    assert not events_of("Four suspects remain in detention in Tallinn.", "ARREST")
    assert not events_of("The club said in a press release that the match was off.", "RELEASE")
    assert not events_of("The rule led firms to bring back $40 billion from abroad.", "RETURN")
    assert not events_of("A crowd went on the rampage in the centre of Lyon.", "TRAVEL")


def test_possessives_are_not_part_of_an_argument():
    (event,) = events_of("The committee's decision followed the militia's attack on the depot.", "ATTACK")
    assert [a["text"] for a in event["actors"]] == ["militia"]


def test_accidental_deaths_are_no_attacks():
    assert not events_of("Four hikers were killed in the avalanche near Chamonix.", "ATTACK")
    assert not events_of("A bus crashed near Girona on Friday, killing six passengers.", "ATTACK")
    assert events_of("Six guards were killed after a gunman stormed the depot.", "ATTACK")


def test_generic_nominal_triggers_are_no_events_unless_negated():
    assert not events_of("Any deal would need the approval of parliament.", "AGREE")
    (event,) = events_of("The army said there had not been any attack on the depot.", "ATTACK")
    assert event["modality"] == "negated"


def test_words_that_only_look_like_court_or_return_events():
    assert not events_of("The navy answered with weapons trials of its own.", "CHARGE")
    assert not events_of("Ministers rallied to condemn the decree on Friday.", "CHARGE")
    assert not events_of("The union asked for higher pay in return.", "RETURN")


def test_ships_and_cargo_are_not_people():
    assert not events_of("The tanker was seized off the coast after it allegedly ferried fuel.", "ARREST")
    assert not events_of("The tanker was seized off the coast after it allegedly ferried fuel.", "SMUGGLE")


def test_figurative_indictments_and_threats():
    assert not events_of("The senator called the escape a damning indictment of the system.", "CHARGE")
    assert not events_of("Untreated, the condition can be life threatening.", "THREATEN")
    assert not events_of("The company will test the engine in a static fire trial in May.", "CHARGE")
