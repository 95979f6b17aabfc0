"""Missing arguments (issue 12, session 27): an event noun takes whom it hit or tried from the clause around it.
Sentences written for these tests."""

from helpers import events_of, texts


def _noun_event(text: str, type_: str, trigger: str) -> dict:
    return next(e for e in events_of(text, type_) if e["trigger"] == trigger)


def test_a_relative_clause_says_whom_an_attack_noun_hit():
    attack = _noun_event("Officials said the airstrike that hit the clinic was an error.", "ATTACK", "airstrike")
    assert texts(attack["targets"]) == "clinic"
    raids = _noun_event("Raids that wounded two nurses have doubled this year.", "ATTACK", "Raids")
    assert texts(raids["targets"]) == "two nurses"


def test_the_clause_a_relative_pronoun_does_not_open_gives_no_target():
    attack = _noun_event("The attack the militia planned for weeks shocked the region.", "ATTACK", "attack")
    assert texts(attack["targets"]) == ""


def test_those_wounded_or_killed_in_an_attack_noun_are_its_targets():
    ambush = _noun_event("Four police officers were wounded in an ambush near the border.", "ATTACK", "ambush")
    assert texts(ambush["targets"]) == "Four police officers"
    shelling = _noun_event("A shepherd died in the shelling on Tuesday, the mayor said.", "ATTACK", "shelling")
    assert "shepherd" in texts(shelling["targets"])


def test_victims_named_by_a_killing_verb_stay_on_its_own_event():
    text = "Three guards were killed in an ambush near the border."
    assert texts(_noun_event(text, "ATTACK", "ambush")["targets"]) == ""
    assert texts(_noun_event(text, "ATTACK", "killed")["targets"]) == "Three guards"


def test_an_attacker_dying_in_the_attack_is_not_its_target():
    attack = _noun_event("The bomber died in the attack outside the stadium.", "ATTACK", "attack")
    assert "bomber" not in texts(attack["targets"])


def test_a_trial_tried_whom_the_verdict_of_its_phrase_names():
    text = "Olga Petrenko was convicted of fraud in a second trial last year."
    assert texts(_noun_event(text, "CHARGE", "trial")["targets"]) == "Olga Petrenko"
    text = "After a two-week trial, a jury in Leeds took three hours to acquit Daniel Whitmore of manslaughter."
    assert texts(_noun_event(text, "CHARGE", "trial")["targets"]) == "Daniel Whitmore"


def test_a_trial_beside_a_verb_of_no_verdict_keeps_no_defendant():
    text = "Olga Petrenko testified in the trial last year."
    assert texts(_noun_event(text, "CHARGE", "trial")["targets"]) == ""


def test_a_participle_recording_an_event_noun_says_where():
    assaults = _noun_event("Burglaries and assaults recorded in Norway fell by a fifth.", "ATTACK", "assaults")
    assert texts(assaults["location"]) == "Norway"


def test_the_places_a_wave_of_events_swept_through_are_where():
    text = "A wave of violent assaults swept through several Dutch towns, including Breda, Venlo and Assen."
    assaults = _noun_event(text, "ATTACK", "assaults")
    assert texts(assaults["location"]) == "Breda | Venlo | Assen"


def test_a_participle_naming_a_paper_gives_no_place():
    assaults = _noun_event("Assaults reported by the Daily Courier fell by a fifth.", "ATTACK", "Assaults")
    assert texts(assaults["location"]) == ""


def test_whoever_sets_off_for_a_visit_makes_it():
    text = "Foreign Minister Lotte Vink boarded a jet for an official visit to Chile."
    assert texts(_noun_event(text, "TRAVEL", "visit")["actors"]) == "Foreign Minister Lotte Vink"
    text = "Foreign Minister Lotte Vink left for a two-day visit to Chile on Friday."
    assert texts(_noun_event(text, "TRAVEL", "visit")["actors"]) == "Foreign Minister Lotte Vink"


def test_calling_for_a_visit_is_not_making_it():
    visits = events_of("Senator Lotte Vink called for a visit to the detention camp by inspectors.", "TRAVEL")
    assert "Lotte Vink" not in " ".join(texts(v["actors"]) for v in visits)
