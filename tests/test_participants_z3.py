"""Event participants (issue 12, session 26, Z3): who was asked to act, who underwent a participle's act, which
share of a group a fine fell on, where a town before an event noun puts it, who pays a visit. Sentences written for
these tests."""

from helpers import events_of, texts


def test_the_one_called_on_to_act_is_the_doer_not_the_caller():
    (release,) = events_of("The council called on the militia to free the two engineers.", "RELEASE")
    assert texts(release["actors"]) == "militia"
    assert texts(release["targets"]) == "two engineers"
    (flight,) = events_of("The mayor appealed to residents to flee the valley before the storm.", "FLEE")
    assert texts(flight["actors"]) == "residents"


def test_pressure_on_a_body_to_act_makes_it_the_doer():
    (arrest,) = events_of("The riots increased pressure on the ministry to arrest the organisers.", "ARREST")
    assert texts(arrest["actors"]) == "ministry"


def test_a_caller_with_no_one_addressed_stays_the_doer():
    (release,) = events_of("The union called for the release of the two engineers.", "RELEASE")
    assert "union" not in texts(release["targets"])
    (flight,) = events_of("The governor urged residents to flee the valley.", "FLEE")
    assert texts(flight["actors"]) == "residents"


def test_victims_of_an_absolute_participle_are_no_attackers():
    text = "Hundreds of fans were hurt across the city, with more than 70 supporters attacked near the stadium."
    attack = next(e for e in events_of(text, "ATTACK") if e["trigger"] == "attacked")
    assert texts(attack["actors"]) == ""
    assert texts(attack["targets"]) == "70 supporters"
    text = "Many shops were looted last night, with dozens of residents attacked in Leeds."
    attack = next(e for e in events_of(text, "ATTACK") if e["trigger"] == "attacked")
    assert texts(attack["actors"]) == ""
    assert texts(attack["targets"]) == "dozens of residents"


def test_a_share_of_a_group_set_off_by_dashes_is_the_one_jailed():
    text = "The court tried 12 men, four of whom -- including the baker Omar Said -- were jailed for life."
    (jailed,) = events_of(text, "CHARGE")
    assert texts(jailed["targets"]) == "four of the 12 men"


def test_a_share_named_by_a_relative_pronoun_reads_as_a_share_of_the_group():
    (release,) = events_of("Police detained 40 farmers, three of whom were later released.", "RELEASE")
    assert texts(release["targets"]) == "three of the 40 farmers"


def test_a_participle_after_an_object_describes_the_object_not_the_subject():
    text = "The militia has had difficulty keeping villages once liberated from insurgent control."
    (fight,) = events_of(text, "FIGHT")
    assert texts(fight["targets"]) == "villages"
    text = "The government has had trouble holding districts once liberated from militant control."
    (fight,) = events_of(text, "FIGHT")
    assert texts(fight["targets"]) == "districts"


def test_a_participle_opened_by_when_stays_with_the_subject():
    text = "The column called for reinforcements when surrounded by rebel fighters."
    (fight,) = events_of(text, "FIGHT")
    assert texts(fight["targets"]) == "column"
    assert texts(fight["actors"]) == "rebel fighters"


def test_a_town_the_model_took_for_a_person_is_where_the_event_was():
    (attack,) = events_of("Detectives are still investigating the Kano bombing.", "ATTACK")
    assert texts(attack["actors"]) == ""
    assert texts(attack["location"]) == "Kano"


def test_who_pays_a_visit_makes_the_journey():
    (visit,) = events_of("The foreign minister paid a visit to Kabul on Monday.", "TRAVEL")
    assert texts(visit["actors"]) == "foreign minister"
    assert texts(visit["destination"]) == "Kabul"


def test_a_thing_after_with_on_an_attack_noun_is_no_target():
    (attack,) = events_of("Police describe it as a killing with links to organised crime.", "ATTACK")
    assert texts(attack["targets"]) == ""
    (fight,) = events_of("The clashes with police lasted for hours.", "FIGHT")
    assert texts(fight["targets"]) == "police"


def test_a_visit_in_a_phrase_of_the_clause_is_its_subjects_journey():
    (visit,) = events_of("The minister was heckled during a visit to Leeds.", "TRAVEL")
    assert texts(visit["actors"]) == "minister"
    (visit,) = events_of("Protests erupted during a visit to Leeds.", "TRAVEL")
    assert texts(visit["actors"]) == ""
    (visit,) = events_of("The minister reported on a visit to the camp.", "TRAVEL")
    assert texts(visit["actors"]) == ""


def test_a_gerund_clause_as_subject_is_no_attacker():
    text = "She feared that driving a truck into the crowd would lead to chaos, possibly killing children."
    attack = next(e for e in events_of(text, "ATTACK") if e["trigger"] == "killing")
    assert texts(attack["actors"]) == ""
    assert texts(attack["targets"]) == "children"


def test_an_emphatic_reflexive_stands_for_the_noun_before_its_comma():
    text = "The judge was arrested in the bribery case that toppled the mayor, himself awaiting trial."
    (trial,) = events_of(text, "CHARGE")
    assert texts(trial["targets"]) == "mayor"
