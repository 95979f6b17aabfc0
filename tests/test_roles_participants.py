"""Event participants in the right role (dev audit categories: thing as agent or target, wrong or missing
agent and target); each rule on sentences of its own, with a near case it must leave alone."""

from helpers import events_of, texts


def test_a_thing_is_no_agent_of_an_arrest():
    (event,) = events_of("The undercover operation arrested 12 men and two women in Leeds.", "ARREST")
    assert texts(event["actors"]) == "" and "12 men" in texts(event["targets"])


def test_bodies_of_people_and_pronouns_stay_agents_of_an_arrest():
    (event,) = events_of("The company freed the two hostages on Friday.", "RELEASE")
    assert "company" in texts(event["actors"])
    (event,) = events_of("The deputies detained the men near the depot.", "ARREST")
    assert "deputies" in texts(event["actors"])


def test_a_thing_is_no_one_recruited():
    (event,) = events_of("The brigade recruited two new drone designs and a local guide.", "RECRUIT")
    assert "designs" not in texts(event["targets"])


def test_a_coordinated_verb_object_pronoun_is_not_the_shared_subject():
    (event,) = events_of("The youths hurled bottles at the guards, threatened them and fled.", "THREATEN")
    assert "youths" not in texts(event["targets"]) and "bottles" not in texts(event["targets"])


def test_a_coordinated_verb_object_pronoun_is_the_earlier_object():
    (event,) = events_of("Officers stopped the two drivers and detained them overnight.", "ARREST")
    assert "drivers" in texts(event["targets"])


def test_a_passive_verb_shares_no_object_with_its_conjunct():
    (event,) = events_of("The senator could be indicted and lose her seat.", "CHARGE")
    assert "seat" not in texts(event["targets"]) and "senator" in texts(event["targets"])


def test_on_after_a_killing_verb_is_where_not_whom():
    (event,) = events_of("Four people were killed on Harbour Road late on Friday.", "ATTACK")
    assert "Harbour Road" not in texts(event["targets"]) and "Four people" in texts(event["targets"])


def test_on_after_firing_is_whom():
    (event,) = events_of("Soldiers opened fire on the marchers outside the stadium.", "ATTACK")
    assert "marchers" in texts(event["targets"])


def test_what_is_fired_is_no_target_but_what_it_is_fired_at_is():
    (event,) = events_of("The guards fired volley after volley of pepper spray at the strikers.", "ATTACK")
    assert texts(event["targets"]) == "strikers"


def test_who_claims_responsibility_for_a_deed_did_it():
    (event,) = events_of("The insurgents claimed responsibility for shooting down an army helicopter.", "ATTACK")
    assert "insurgents" in texts(event["actors"]) and "helicopter" in texts(event["targets"])


def test_along_with_shares_the_object_role():
    (event,) = events_of("A tribunal sentenced the former governor to six years along with 11 other officials.",
                         "CHARGE")
    assert "former governor" in texts(event["targets"]) and "11 other officials" in texts(event["targets"])


def test_along_with_shares_the_subject_role_without_an_object():
    (event,) = events_of("Haddad fled to Jordan along with his brother.", "FLEE")
    assert "Haddad" in texts(event["actors"]) and "brother" in texts(event["actors"])


def test_names_listed_beside_a_plural_noun_are_all_participants():
    (event,) = events_of("Two local men, Omar Haddad and teacher Yusuf Berg, were also killed, police said.", "ATTACK")
    assert "Omar Haddad" in texts(event["targets"]) and "Yusuf Berg" in texts(event["targets"])


def test_the_person_a_threatened_act_would_hit_is_threatened():
    (event,) = events_of("The police threatened to arrest the protesters outside.", "THREATEN")
    assert "protesters" in texts(event["targets"])


def test_a_headline_threatened_with_is_passive():
    (event,) = events_of("Montenegro threatened with a naval blockade", "THREATEN")
    assert texts(event["actors"]) == "" and "Montenegro" in texts(event["targets"])
    (event,) = events_of("The minister threatened the union with fines.", "THREATEN")
    assert "minister" in texts(event["actors"]) and "union" in texts(event["targets"])


def test_at_inside_the_agent_phrase_is_no_aim():
    for event in events_of("Gunmen fired shots, the police said, after officers at the gate arrived.", "ATTACK"):
        assert "gate" not in texts(event["targets"])
    for event in events_of("Warning shots were fired by sailors at the port of Aden.", "ATTACK"):
        assert "port" not in texts(event["targets"])
