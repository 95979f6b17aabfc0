"""Trigger senses where nobody acts on anybody (issue 12, "wrong sense"): movers that are no people, a post taken up
again, a sports body's fine, a condition lived under, a kind of deed in a list, a weapons test, a vehicle used as a
weapon, a substance given off. Each with the event sense kept beside it."""

from helpers import events_of, texts


def test_planets_and_rocket_parts_are_no_movers():
    assert not events_of("Saturn returns to the evening sky in late August.", "RETURN")
    assert not events_of("The planet returns to view just before dawn next month.", "RETURN")
    assert not events_of("Three of the reusable boosters will return to Earth on barges off the coast.", "RETURN")
    assert events_of("Three of the detained sailors will return to Manila on Friday.", "RETURN")
    assert events_of("A convoy of buses left Homs for Idlib on Sunday night.", "TRAVEL")  # people aboard
    assert events_of("Venus Williams returned to Melbourne on Tuesday.", "RETURN")


def test_a_post_taken_up_again_is_no_journey():
    assert not events_of("Ortega will not return as manager, the club said.", "RETURN")
    assert not events_of("The banker returned to the board of the insurer in May.", "RETURN")
    assert not events_of("Hansen came back as chief executive two years later.", "RETURN")
    assert not events_of("The former manager is set to return to the Lisbon job he left in 2016.", "RETURN")
    assert events_of("The fighter returned to Raqqa as a commander in 2016.", "RETURN")


def test_a_sports_body_fining_a_player_is_no_sentence():
    assert not events_of("The league will fine the linebacker for his part in the brawl.", "CHARGE")
    assert not events_of("The striker was fined by the FA for his celebration.", "CHARGE")
    assert events_of("A court in Lyon fined the mayor 5,000 euros for fraud.", "CHARGE")


def test_a_condition_lived_under_is_no_threat_nor_attack():
    assert not events_of("Hundreds of tenants now live under threat of eviction.", "THREATEN")
    assert not events_of("Aid workers in the valley are at constant risk of attack.", "ATTACK")
    assert not events_of("The fear of attack kept the market closed for a week.", "ATTACK")
    assert events_of("The militia made a threat against the mayor of the town on Monday.", "THREATEN")
    assert events_of("Two aid workers were injured in an attack on the valley road.", "ATTACK")
    assert events_of("Officials warned of a risk of attacks on the valley road.", "ATTACK")  # aimed: hedged


def test_a_deed_named_in_a_list_of_kinds_is_no_event():
    assert not events_of("The decree called for a campaign against extremism, infiltration and sabotage.",
                         "CROSS_BORDER")
    assert not events_of("The ring was linked to crimes such as fraud, kidnapping and extortion.", "ARREST")
    assert events_of("Troops blocked the infiltration of fifty militants across the border.", "CROSS_BORDER")
    assert events_of("The arrest, trial and jailing of the two editors drew protests.", "ARREST")


def test_a_weapons_test_detonation_is_no_attack():
    assert not events_of("The regime detonated a hydrogen bomb at its mountain site on Sunday.", "ATTACK")
    assert not events_of("Engineers detonated the warhead in an underground test last week.", "ATTACK")
    assert events_of("The bomber detonated his vest at the checkpoint, killing four guards.", "ATTACK")


def test_a_vehicle_used_as_a_weapon_is_no_journey():
    assert not events_of("The group urged supporters to use trucks as weapons.", "TRAVEL")
    assert not events_of("The driver used his lorry to ram the crowd of shoppers.", "TRAVEL")
    assert events_of("The family used a boat to reach Lesbos from the Turkish coast.", "TRAVEL")


def test_a_substance_given_off_is_no_one_freed():
    assert not events_of("In the lung, the protein speeds up the release of IL-33.", "RELEASE")
    assert not events_of("Fat cells release leptin into the blood after a meal.", "RELEASE")
    freed = events_of("Kidnappers released the three engineers near Kaduna on Sunday.", "RELEASE")
    assert freed and "engineers" in texts(freed[0]["targets"])


def test_a_review_of_a_game_speaks_of_play():
    assert not events_of("Its combat system rewards patience, and you can fight the same enemy for minutes.", "FIGHT")


def test_leaving_a_meeting_is_no_journey():
    assert not events_of("The envoy was mocked for his sudden departure from a summit in Vienna last June.",
                         "TRAVEL")
    assert events_of("The envoy's departure for Vienna was delayed by a day.", "TRAVEL")


def test_football_and_curses_are_no_arrest_nor_fight():
    assert not events_of("Dawson was intercepted at the 10-yard line late in the game.", "ARREST")
    assert not events_of("The club battled a curse for almost a century.", "FIGHT")
    assert events_of("Coastguards intercepted forty migrants off Lesbos on Sunday.", "ARREST")


def test_stories_put_out_as_a_series_are_no_one_freed():
    assert not events_of("The label released them as a five-part series last spring.", "RELEASE")
    assert events_of("The two reporters were released on Sunday after a month in custody.", "RELEASE")


def test_a_named_flight_is_no_traveller():
    assert not events_of("Flight #QX318 will land in Darwin shortly after midnight.", "TRAVEL")
    assert events_of("The minister will land in Darwin shortly after midnight.", "TRAVEL")


def test_a_comeback_in_a_game_and_a_stop_in_the_pits_are_no_returns():
    assert not events_of("The Royals came back in the seventh inning to win 6-5.", "RETURN")
    assert not events_of("All cars were ordered to return to the pits after the crash.", "RETURN")
    assert not events_of("The fund generated a steady return for its shareholders.", "RETURN")
    assert events_of("He returned to Mosul in the second half of 2016.", "RETURN")


def test_deeds_listed_in_an_accusation_stay_deeds():
    assert events_of("The caretaker was charged with fraud, assault and burglary on Friday.", "ATTACK")
    assert not events_of("The ring was linked to crimes such as fraud, assault and extortion.", "ATTACK")
