"""Trigger words in product, technology, sport, business and figurative senses, and events on lines of page
furniture (data/senses.yaml, extract/senses.py), each beside the real event the same word reports. Categories of
the judged dev audit; sentences written for these tests."""

from helpers import events_of, texts


def test_video_captures_and_market_shares_are_no_capture():
    assert not events_of("It is fun to watch the console capture run at a smooth 60fps on a big screen.", "ARREST")
    assert not events_of("Last week's handheld captures look sharper than the desktop ones.", "ARREST")
    assert not events_of("Their phones captured about 30 percent of the market last year.", "ARREST")
    assert events_of("Soldiers captured the rebel commander near Goma on Tuesday.", "ARREST")
    assert events_of("Villagers celebrated his capture after months on the run.", "ARREST")


def test_bargains_and_quantities_are_no_agreement():
    assert not events_of("Shoppers hunted for Cyber Monday laptop deals all night.", "AGREE")
    assert not events_of("These are the hottest deals we have found on headphones this week.", "AGREE")
    assert not events_of("She read a great deal of poetry during the winter.", "AGREE")
    assert not events_of("Dealers arranged huge drug deals through the app.", "AGREE")
    assert events_of("The two unions signed a deal with the railway operator on Friday.", "AGREE")


def test_sport_and_engines_firing_are_no_shooting():
    assert not events_of("The shortstop scooped up a grounder that he fired to second base.", "ATTACK")
    assert not events_of("The rocket's three engines will fire for six minutes during the test.", "ATTACK")
    assert not events_of("The crew will continue firing its engines until the stage separates.", "ATTACK")
    assert events_of("Gunmen fired on a bus near Quetta on Sunday.", "ATTACK")
    assert events_of("The soldiers fired at the crowd outside the station.", "ATTACK")


def test_figurative_blows_comparisons_and_impressions_are_no_attack_or_threat():
    assert not events_of("The ruling will strike a blow to the smugglers' business, the minister said.", "ATTACK")
    assert not events_of("“It's like he stabbed us,” the coach's sister said.", "ATTACK")
    assert not events_of("“I never felt threatened there,” the teacher recalls.", "THREATEN")
    assert not events_of("The envoy did not want to appear threatening, aides said.", "THREATEN")
    assert events_of("Rebels struck a convoy near Gao on Monday.", "ATTACK")
    assert events_of("The militia threatened to shell the port.", "THREATEN")


def test_animals_are_no_targets_of_attacks():
    assert not events_of("A bear was shot by rangers after it wandered into the campsite.", "ATTACK")
    assert not events_of("Poachers killed three elephants in the reserve last month.", "ATTACK")
    assert events_of("A ranger was shot by poachers in the reserve last month.", "ATTACK")


def test_measures_and_plans_target_no_one():
    assert not events_of("New sanctions targeting Minsk were announced on Monday.", "ATTACK")
    assert not events_of("The agency is targeting a higher orbit for the probe.", "ATTACK")
    assert not events_of("The other launches are targeted for late in the year.", "ATTACK")
    assert events_of("Militants targeted a convoy near Kidal on Monday.", "ATTACK")


def test_devices_and_products_are_not_charged_or_released():
    assert not events_of("The stand lets you charge a watch while charging a MacBook Air.", "CHARGE")
    assert not events_of("Samsung released the Galaxy Tab in March.", "RELEASE")
    assert not events_of("The dead sailors' names were released on Monday evening.", "RELEASE")
    (event,) = events_of("The rebels released the hostages near Goma on Friday.", "RELEASE")
    assert "hostages" in texts(event["targets"])
    assert events_of("The names of three prisoners were read out before the prisoners were freed.", "RELEASE")


def test_escaping_a_burden_or_a_state_is_no_flight():
    assert not events_of("Savers are using gold to escape inflation in Turkey.", "FLEE")
    assert not events_of("Offshore firms have escaped more than $2 billion in taxes.", "FLEE")
    assert not events_of("Small publishers cannot escape the industry's problems.", "FLEE")
    assert events_of("Two inmates escaped from the prison in Kaduna on Sunday.", "FLEE")
    assert events_of("Thousands escaped the fighting in Khartoum last week.", "FLEE")


def test_giving_up_on_things_and_hiring_are_no_surrender_or_recruitment():
    assert not events_of("Many families had to give up on holidays abroad this year.", "SURRENDER")
    assert events_of("The gunman gave up after a six-hour siege in Lyon.", "SURRENDER")
    assert not events_of("The singer is recruiting fans to join her campaign online.", "RECRUIT")
    assert not events_of("The clinic recruited patients for the new study.", "RECRUIT")
    assert events_of("The cell recruited young men to join the militia.", "RECRUIT")


def test_things_and_contests_do_not_move_or_withdraw():
    assert not events_of("When will this arrive in Manila, buyers asked.", "TRAVEL")
    assert not events_of("The missiles that flew over the island fell into the sea.", "TRAVEL")
    assert not events_of("Chaos broke out in the square after the blast.", "FLEE")
    assert not events_of("The senator withdrew from the race on Monday.", "EVACUATE")
    assert not events_of("The bill was withdrawn after weeks of protests.", "EVACUATE")
    assert not events_of("The minister tried to reach out to the opposition.", "TRAVEL")
    assert events_of("Three prisoners broke out of the jail in Kano.", "FLEE")
    assert events_of("The army withdrew its troops from Kidal.", "EVACUATE")
    assert events_of("The delegation arrived in Manila on Monday.", "TRAVEL")


def test_coming_back_to_a_task_is_no_return_but_coming_home_is():
    assert not events_of("The striker returns from injury next week.", "RETURN")
    assert not events_of("The committee returned to the issue in the afternoon.", "RETURN")
    assert events_of("The minister returned to Lyon from Nice for an urgent cabinet meeting.", "RETURN")


def test_events_in_a_list_of_other_headlines_are_page_furniture():
    furniture = ("MOST READ IN NEWS SHOCK CLAIM Singer reveals secret wedding TRAGIC END Robbers storm a jewellery "
                 "shop in Leeds and flee with £2m CHEAP EATS The best new cafés")
    assert not events_of(furniture, "FIGHT")
    assert not events_of("12/20 A boy stands where gunmen attacked the school in 2010.", "ATTACK")
    assert events_of("Robbers stormed a jewellery shop in Leeds and fled with £2m.", "FIGHT")
    assert events_of("9/11 hijackers attacked the towers in 2001.", "ATTACK")


def test_stances_and_capabilities_are_no_events():
    assert not events_of("After the pause, the party will go on the offensive again.", "FIGHT")
    assert not events_of("Engineers built a rocket capable of reaching the island of Guam.", "TRAVEL")
    assert not events_of("The app makes it easy to shoot and share short videos.", "ATTACK")
    assert events_of("The army launched an offensive on the town of Tal Afar.", "FIGHT")
    events = events_of("Police shot and killed the driver near the square.", "ATTACK")
    assert any(e["trigger"] == "shot" and "driver" in texts(e["targets"]) for e in events)
    assert events_of("The allies agreed on a joint offensive against the militia.", "FIGHT")


def test_words_and_kinds_of_things_are_no_attacks():
    assert not events_of("The senator attacked the governor on Twitter over the budget.", "ATTACK")
    assert not events_of("She faced personal attacks during the campaign.", "ATTACK")
    assert not events_of("The army bought six attack helicopters last year.", "ATTACK")
    assert not events_of("Police found two assault rifles in the car.", "ATTACK")
    assert events_of("Gunmen attacked the governor's convoy on the highway.", "ATTACK")
    assert events_of("Militants attacked a police post near Kirkuk.", "ATTACK")
    assert events_of("The helicopter attack killed four fighters.", "ATTACK")


def test_an_object_of_the_next_verb_is_not_shared_after_other_words():
    assert events_of("The envoy returned to Paris and released a statement.", "RETURN")
