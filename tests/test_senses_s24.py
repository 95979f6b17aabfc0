"""Movement and attack senses that are no event for an analyst (session 24): movers that are no people (weather,
spacecraft, companies, vehicles on their own), local movement at a scene, "turned in" a direction, an executed
will, deaths in an accident, a tip to the reader, and teaser lines of other stories."""

from helpers import events_of

from newsintel.clean.text import clean_text


def test_a_storm_or_a_rocket_makes_no_journey():
    assert not events_of("Tropical Storm Maria is heading toward Puerto Rico and could strengthen.", "TRAVEL")
    assert not events_of("Typhoon Haima was moving towards Hong Kong on Friday.", "TRAVEL")
    assert not events_of("The mission succeeds only if both boosters manage a safe return.", "RETURN")
    assert not events_of("The test counts as a success only if all four components manage a safe return.", "RETURN")
    assert events_of("The minister returned to Kabul on Monday.", "RETURN")


def test_a_company_moved_is_no_journey_but_its_staff_moved_is():
    assert not events_of(
        "The founder announced plans to move the software company back to Britain from Dublin.", "TRAVEL"
    )
    assert events_of("The firm moved its staff to Dubai.", "TRAVEL")
    assert events_of("The company flew 200 workers back to Manila.", "RETURN")


def test_a_vehicle_arriving_on_its_own_is_no_journey():
    assert not events_of("Strong winds delayed the plane's arrival in Lima.", "TRAVEL")
    assert events_of("Police blocked their return to Aleppo.", "RETURN")


def test_local_movement_at_a_scene_is_no_journey():
    assert not events_of("She did not return to the game, though her trainer said she could play.", "RETURN")
    assert not events_of("After a long delay, the players came back on for the ninth inning.", "RETURN")
    assert not events_of("As the band played, the singer made his way into the stands.", "TRAVEL")
    assert not events_of("Hundreds of fans left the stadium in Paris after the match.", "TRAVEL")
    assert events_of("The families made their way to the frontier town of Akcakale.", "TRAVEL")
    assert events_of("He left Syria in 2015.", "TRAVEL")


def test_a_crowd_leaving_a_show_is_no_journey_but_the_vehicle_attack_stays():
    text = "The lorry ploughed into a crowd leaving a carnival parade in the seaside town of Brest."
    assert not events_of(text, "TRAVEL")
    assert events_of(text, "ATTACK")


def test_turning_in_a_direction_is_no_surrender():
    assert not events_of("Many more cameras turned in his direction.", "SURRENDER")
    assert events_of("The gunman turned himself in to police in Leeds.", "SURRENDER")
    assert events_of("The suspect was turned in by his brother.", "SURRENDER")


def test_an_executed_will_is_no_killing():
    assert not events_of(
        "Although she had drafted a will, it was never signed or executed, so it had no legal force.", "ATTACK"
    )
    assert events_of("Militants executed the hostage and posted the video.", "ATTACK")


def test_deaths_in_an_accident_are_no_attack():
    text = (
        "The carrier said it would not name those killed until families were informed, and gave"
        " no cause for the crash."
    )
    assert not events_of(text, "ATTACK")
    assert events_of("Police said the names of those killed in the attack would be released.", "ATTACK")


def test_a_tip_to_the_reader_is_no_visit_but_a_quoted_order_is_intended():
    assert not events_of("VISIT the county fair, Aug. 3-9, in Lancaster, PA.", "TRAVEL")
    assert events_of('"Leave the city now," the commander told them.', "TRAVEL")


def test_teasers_of_other_stories_are_furniture():
    text = (
        "Troops fired on the marchers near the plant.\n\nAlso on example.com Ministers threatened with arrest as the"
        " purge widens\n\nWitnesses said the shooting lasted an hour."
    )
    cleaned = clean_text(text)
    assert "Ministers threatened" not in cleaned and "Witnesses said" in cleaned
    assert "Also on U.S. soil" in clean_text("Also on U.S. soil, troops landed near the port.")
    body = " ".join(f"Paragraph {n} of the report tells what the army did in the valley that week." for n in range(6))
    scraped = f"{body}\nRelated Stories 'NO DEAL' Rebels reject offer TRUCE TALKS Envoys arrive in the capital\n{body}"
    assert "Envoys arrive" not in clean_text(scraped, scraped=True)
    assert "Envoys arrive" in clean_text(scraped)  # HTML text keeps its lines as the publisher marks them
