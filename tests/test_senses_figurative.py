"""Figurative and other non-event senses (data/senses.yaml, extract/senses.py and the sense modules): a player back
from an injury, patients discharged from hospital, a picture captured, a figure likened to a deed, a trigger that
only modifies a noun, a contest of skill, a crowd around a building to protest. Each pairs with the event sense the
same word keeps."""

from helpers import events_of


def test_coming_back_from_an_injury_is_no_return_trip():
    assert not events_of("The striker should come back from his ankle injury next week, the coach said.", "RETURN")
    assert not events_of("The winger returned from a hamstring strain to score twice against Leeds.", "RETURN")
    assert events_of("The engineer came back from Kabul last week, his family said.", "RETURN")


def test_a_role_or_a_microphone_returned_to_is_no_journey():
    assert not events_of("The actress says she is returning to the franchise for a third film.", "RETURN")
    assert not events_of("The pilot came back on the intercom to say the flight was delayed.", "RETURN")


def test_discharged_from_hospital_is_no_release_from_custody():
    assert not events_of("Doctors released two burn victims from hospital on Friday, police said.", "RELEASE")
    assert events_of("Two activists were released from prison on Friday, their lawyer said.", "RELEASE")


def test_a_picture_captured_is_no_arrest():
    assert not events_of("The photographer captured a striking shot of the glacier from a helicopter.", "ARREST")
    assert not events_of("The sunrise was captured by a drone above the bay.", "ARREST")
    assert events_of("Soldiers captured two rebel commanders near the bridge on Monday.", "ARREST")


def test_a_deed_something_is_likened_to_is_a_figure():
    assert not events_of("Her remarks were tantamount to a declaration of war, the minister said.", "ATTACK") + \
        events_of("The senator said the leaked memo was akin to a self-indictment.", "CHARGE")
    assert events_of("The raid was similar to the attack on the depot last year, police said.", "ATTACK")


def test_a_trigger_joined_to_a_noun_modifier_modifies_the_noun():
    assert not events_of("The migrants were held at a processing and detention centre near the border.", "ARREST")
    assert not events_of("The firm hid the money in offshore and shell firms.", "ATTACK")
    assert events_of("Police announced the arrest and detention of two smugglers near the border.", "ARREST")


def test_shopping_and_importance_are_no_agreements():
    assert not events_of("A sponsored deal on headphones runs until midnight.", "AGREE")
    assert not events_of("For the club the new stadium is more than a very big deal.", "AGREE")
    assert events_of("The rebels and the army reached a deal on Sunday to open the road.", "AGREE")


def test_agreeing_to_an_interview_is_no_accord():
    assert not events_of("The two brothers agreed to an interview on condition that it was done by email.", "AGREE")
    assert events_of("The two parties agreed to a ceasefire on condition that it was monitored.", "AGREE")


def test_disease_kills_no_one_by_intent():
    assert not events_of("Scientists traced the plague that killed millions of people across Europe.", "ATTACK")
    assert events_of("Scientists traced the gunmen who killed six people at the market.", "ATTACK")


def test_a_crowd_surrounding_a_building_to_protest_is_no_siege():
    assert not events_of("Thousands of nurses surrounded the parliament building to call for higher wages.", "FIGHT")
    assert events_of("Rebel fighters surrounded the army base and cut its supply lines.", "FIGHT")


def test_contests_of_skill_and_sport_are_no_fighting():
    assert not events_of("The Rangers fought back into the match in the third period.", "FIGHT")
    assert not events_of("Two comedians meet in a rap battle in the new advert.", "FIGHT")
    assert events_of("The rebels fought their way into the town on Tuesday.", "FIGHT")


def test_journeys_of_a_life_are_no_trips():
    assert not events_of("The film follows her journey from poverty to stardom.", "TRAVEL")
    assert not events_of("Listeners were taken on a trip back in time to the 1960s.", "TRAVEL")


def test_messages_fired_off_are_no_shots():
    assert not events_of("Dozens of messages were fired off by staff hoping to hide the losses.", "ATTACK")
    assert events_of("Militants fired off several rockets at the town overnight.", "ATTACK")


def test_a_product_goal_or_a_software_trial_is_no_event():
    assert not events_of("The company is targeting 20 hours of battery life for the new headset.", "ATTACK")
    assert not events_of("The store hides trials, demos and betas from your library.", "CHARGE")


def test_infiltrating_a_meeting_is_no_border_crossing():
    assert not events_of("Undercover detectives managed to infiltrate the meetings and film them.", "CROSS_BORDER")


def test_a_quoted_one_word_title_is_released_no_one_is_freed():
    assert not events_of("Ticket sales grew after the release of \" Silverfish ,\" which followed a ferry crew.",
                         "RELEASE")


def test_a_phrase_with_another_sense_is_no_event_of_its_bare_verb_either():
    assert not events_of("Before going back to the script, he watched the whole first season of the show.", "TRAVEL")
    assert events_of("After the talks he is going back to Kabul on Friday.", "RETURN")


def test_a_thing_whose_return_or_release_it_is_moves_no_people():
    assert not events_of("Passengers groaned when the pilot spoke of the bird's return to the cabin.", "RETURN")
    assert not events_of("Fans queued for hours before the album's release on Friday.", "RELEASE")
    assert events_of("Relatives gathered to celebrate the hostage's return to Manila.", "RETURN")
    assert events_of("Crowds cheered the journalist's release from prison on Friday.", "RELEASE")


def test_going_back_to_doing_something_is_no_return_trip():
    assert not events_of("After the alarm I could not go back to sleep.", "RETURN")
    assert events_of("The refugees will go back to Aleppo on Monday.", "RETURN")



def test_a_quality_destroyed_is_no_attack():
    assert not events_of("Critics said the smaller bars destroyed the look of the famous chocolate.", "ATTACK")
    assert events_of("Militants destroyed the bridge near the village on Sunday.", "ATTACK")
