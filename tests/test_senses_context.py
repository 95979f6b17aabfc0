"""Non-event senses read off the clause around a trigger (extract/sense_context.py, data/senses.yaml): what it is
done for, what it hangs on, how it is written; each with the event sense kept beside it."""

from helpers import events_of, texts


def test_striving_is_no_fighting_but_fighting_to_take_a_town_is():
    assert not events_of("For years the widow fought to obtain the police files on the case.", "FIGHT")
    assert not events_of("The family battled to stay in the country after the ruling.", "FIGHT")
    assert events_of("Rebel units fought to retake the airport on Sunday.", "FIGHT")


def test_a_role_or_an_interview_agreed_to_is_no_accord():
    assert not events_of("The singer had agreed to play the lead in the new musical.", "AGREE")
    assert not events_of("One official agreed to speak on condition of anonymity.", "AGREE")
    assert events_of("The two governments agreed to reopen the border crossing.", "AGREE")


def test_deaths_in_a_crash_of_a_plane_or_a_tram_are_no_attack():
    assert not events_of("A small plane crashed into a hillside near the lake, killing all six on board.", "ATTACK")
    assert not events_of("Eleven passengers were killed after a tram derailed in the suburbs on Friday.", "ATTACK")
    assert not events_of("Police named the two women killed when a crowded night ferry capsized.", "ATTACK")
    assert not events_of("Detectives identified four riders killed when an overcrowded city tram derailed.", "ATTACK")
    assert events_of("Gunmen killed eleven passengers after the bus stopped at a checkpoint.", "ATTACK")
    assert events_of("Eleven passengers were killed by gunmen after their bus crashed into a barrier.", "ATTACK")


def test_a_trigger_word_written_as_a_name_is_no_event():
    assert not events_of("The figures were first reported by The Real Deal, a property weekly.", "AGREE")
    assert not events_of("Subscribers can now stream Attack on Titan and several other series.", "ATTACK")
    assert not events_of("New this month: Halo Wars, Attack on Titan: Last Stand 3, Far Cry 5 and Grid.", "ATTACK")
    assert events_of("The attack on the depot was reported by local radio.", "ATTACK")


def test_a_title_case_line_is_not_read_as_names():
    assert events_of("Police Arrest Two After Attack on Market", "ATTACK")
    assert events_of("Update: Attack on a market leaves three people injured in Mosul.", "ATTACK")


def test_a_forced_door_and_an_inquiry_surrounding_a_thing_are_no_violence():
    assert not events_of("Armed officers rammed the door of the flat and led the man out.", "ATTACK")
    assert not events_of("We published our notes surrounding the grant last year.", "FIGHT")
    assert events_of("Militia fighters surrounded the village before dawn.", "FIGHT")


def test_a_figurative_attack_or_a_film_shoot_is_no_attack():
    assert not events_of("The ministry said a foreign information attack against the country was under way.",
                         "ATTACK")
    assert not events_of("After six months of shooting the sprawling saga, the crew went home.", "ATTACK")


def test_an_animal_set_free_is_no_release_but_people_set_free_are():
    assert not events_of("The owl was caught in the hangar and set free by staff.", "RELEASE")
    (event,) = events_of("The fishermen were detained and set free by the coast guard.", "RELEASE")
    assert "fishermen" in texts(event["targets"])


def test_joining_a_march_is_no_recruitment_but_joining_an_armed_group_is():
    assert not events_of("On their day off the cast went to join the Climate March in Dublin.", "RECRUIT")
    assert events_of("Two brothers from Leeds joined the Islamic State in 2015.", "RECRUIT")


def test_a_clash_in_a_debate_is_words_but_a_clash_with_police_is_fighting():
    assert not events_of("The two candidates clashed during the campaign about tax policy.", "FIGHT")
    assert events_of("Protesters clashed with police in the square on Saturday.", "FIGHT")


def test_sport_and_products_in_trigger_words_are_no_events():
    assert not events_of("The rider was struck on the helmet by a loose wheel in the first lap.", "ATTACK")
    assert events_of("Two guards were struck by a roadside bomb near the depot.", "ATTACK")
    assert not events_of("The winger battled back to fourth after a slow start.", "FIGHT")
    assert not events_of("Pictures of the firm's next big handset release appeared online.", "RELEASE")
    assert not events_of("The catcher fired across the diamond to second.", "ATTACK")
    assert not events_of("Their meeting was a clash of egos, one aide said.", "FIGHT")
    assert not events_of("In the end the two friends agreed to disagree.", "AGREE")
