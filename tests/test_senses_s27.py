"""Wrong type, wrong sense, figures of speech and trends (issue 12, session 27): a missile fired with no target is a
weapons test, a thing released is no one freed, "go to prison" is no trip, a demand "slapped" on someone is no
blow, a trend fought by policy is no battle, an impeachment inquiry is no prosecution, a comparative crowd on the
move is a trend. Each with the event sense kept beside it."""

from helpers import events_of, record, texts


def test_a_missile_fired_with_no_target_is_a_weapons_test():
    assert not events_of("The regime fired a medium-range missile over the islands into the sea on Sunday.", "ATTACK")
    assert not events_of("Officials said the army fired an intercontinental missile from a site near the coast.",
                         "ATTACK")
    assert not events_of("A ballistic missile was fired eastwards from the capital late on Tuesday.", "ATTACK")
    assert events_of("Rebels fired a missile at a government airbase near Hama on Sunday.", "ATTACK")
    assert events_of("The militia fired a missile into the town, killing six civilians.", "ATTACK")
    assert events_of("Gunmen fired rockets at the police station in the night.", "ATTACK")


def test_a_thing_released_is_no_one_freed():
    assert not events_of('On Monday the singer released "Cold Harbour," her fourth album in six years.', "RELEASE")
    assert not events_of("The agency is drafting a new rule that will be released next spring.", "RELEASE")
    freed = events_of("The two nurses, who were released by the kidnappers on Friday, flew home.", "RELEASE")
    assert freed and "nurses" in texts(freed[0]["targets"])
    assert events_of("The rebels released the hostages, two engineers from Kiev, on Sunday.", "RELEASE")


def test_going_to_prison_is_no_journey():
    assert not events_of("If convicted, the bankers could go to prison for a decade.", "TRAVEL")
    assert not events_of("The two states went to war over the river in 1969.", "TRAVEL")
    assert events_of("The minister will go to Kabul next week for talks.", "TRAVEL")


def test_a_demand_slapped_on_someone_is_no_blow():
    assert not events_of("The pensioner was slapped with an invoice for $3,000 after the error.", "ATTACK")
    assert not events_of("The landlord was slapped with a court order on Monday.", "ATTACK")
    assert events_of("The guard slapped the prisoner twice in the face.", "ATTACK")


def test_a_trend_fought_by_policy_is_no_battle():
    assert not events_of("The province is trying to battle a sharp rise in overdoses.", "FIGHT")
    assert not events_of("The city set up a task force to fight the surge in car thefts.", "FIGHT")
    assert events_of("Government troops battled the rebels near the dam on Saturday.", "FIGHT")


def test_an_impeachment_inquiry_is_no_prosecution():
    assert not events_of("The committee held a second day of hearings in the impeachment proceedings against the "
                         "governor.", "CHARGE")
    assert events_of("Prosecutors opened proceedings against the former mayor in May.", "CHARGE")


def _generic_rules(text: str, type_: str) -> list[str | None]:
    return [(e.get("generic") or {}).get("rule") for e in events_of(text, type_)]


def test_a_comparative_crowd_on_the_move_is_a_trend():
    assert _generic_rules("With more families moving to the coastal towns, rents keep rising.", "TRAVEL") == ["trend"]
    assert _generic_rules("Fewer students travelled to Britain after the visa rules changed.", "TRAVEL") == ["trend"]
    counted = events_of("More than 30 villagers fled to the hills on Monday.", "FLEE")
    assert counted and not counted[0].get("generic")
    assert record("Twelve fishermen travelled to Dakar on Monday.")["events"][0].get("generic") is None


def test_a_patient_let_go_by_a_hospital_is_no_one_freed():
    assert not events_of("Hospital staff would not say whether the injured boy had been released yet.", "RELEASE")
    assert not events_of("The senator was released from the clinic on Tuesday after minor surgery.", "RELEASE")
    assert events_of("The three hostages were released on Sunday and taken to a hospital in Kabul.", "RELEASE")
    assert events_of("The police released the two protesters on Monday.", "RELEASE")
    assert events_of("A baby thought by medical staff to be a year old was also released by the gang.", "RELEASE")


def test_a_company_moving_its_seat_is_no_journey():
    assert not events_of("Lumentis Holdings moved from Texas to Ireland in 2019 after a merger with a rival.", "TRAVEL")
    assert not events_of("The chipmaker Veridion moved to Singapore to cut its taxes.", "TRAVEL")
    assert events_of("The militia moved from the old town to the northern hills last week.", "TRAVEL")
    assert events_of("Okafor moved from Lagos to London in 2012.", "TRAVEL")


def test_a_craft_bound_for_another_world_is_no_traveller():
    assert not events_of("Kestrel is due to reach Titan in 2034, the agency said.", "TRAVEL")
    assert events_of("The crew will travel to Mars in the 2030s, the agency said.", "TRAVEL")
    assert events_of("The envoy is due to reach Tehran on Sunday.", "TRAVEL")


def test_an_attackers_vehicle_is_no_journey():
    assert not events_of("The assailant used a rented van to reach the square, police said.", "TRAVEL")
    assert events_of("The family used a small boat to reach Lesbos from the Turkish coast.", "TRAVEL")
