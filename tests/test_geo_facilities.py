"""Facilities placed by the town beside them, hamlets inside facility names, qualifiers read as areas. Sentences
written for these tests."""

from newsintel.nlp.geocode import load_resolver
from newsintel.nlp.grouping import RawMention
from newsintel.nlp.toponyms import document_toponyms


def mention(text: str, name: str, label: str, at: int = 0) -> RawMention:
    start = text.index(name, at)
    return RawMention(name, start, start + len(name), 0, label)


def toponyms(text: str, *named: tuple[str, str]):
    mentions = [mention(text, name, label) for name, label in named]
    return {t.text: t.place for t in document_toponyms(text, mentions, focus={})[1]}


def test_a_possessive_town_places_the_facility_named_after_it():
    text = "Flights were grounded at Leeds's Harewood Airport for hours, and the club moved to Whittier's Penn Park."
    found = toponyms(text, ("Leeds", "GPE"), ("Harewood Airport", "FAC"), ("Whittier", "GPE"), ("Penn Park", "FAC"))
    assert found["Harewood Airport"].name == "Leeds"
    assert (found["Penn Park"].name, found["Penn Park"].admin1) == ("Whittier", "CA")


def test_a_facility_in_a_town_is_in_that_town():
    text = "She walked out of the Abbey of Gethsemani in Kentucky and drove south."
    found = toponyms(text, ("the Abbey of Gethsemani", "FAC"), ("Kentucky", "GPE"))
    assert found["Abbey of Gethsemani"].name == "Kentucky"


def test_a_hamlet_named_like_a_later_word_or_an_adjective_is_no_facility_place():
    # "Day" (Florida), "German" (Pennsylvania) and "Abbey" (Australia) are hamlets; none says where these are
    text = "Crowds gathered for Bastille Day, and guards stood outside the German Consulate and the Abbey of Orval."
    found = toponyms(text, ("Bastille Day", "FAC"), ("the German Consulate", "FAC"), ("the Abbey of Orval", "FAC"))
    assert all(place is None or place.country not in ("US", "AU") for place in found.values())


def test_a_town_heading_a_facility_name_still_counts():
    text = "Crews left the Cottonport Fire Station at dawn."
    found = toponyms(text, ("the Cottonport Fire Station", "FAC"))
    assert found["Cottonport"].admin1 == "LA"


def test_the_name_qualifying_a_town_is_the_state():
    text = "He trained at a clinic in Bronx, New York, before moving west."
    start = text.index("New York")
    places = load_resolver().resolve(text, [(text.index("Bronx"), text.index("Bronx") + 5, "GPE"),
                                            (start, start + len("New York"), "GPE")])
    assert places[1].kind == "state"


def test_a_province_abbreviation_after_a_town_is_the_province():
    text = "A family from Melville, Sask. adopted the cat, and a girl born in Churchill, Man. met them."
    found = toponyms(text, ("Melville", "LOC"), ("Churchill", "GPE"), ("Man", "GPE"))
    assert found["Sask."].name == "Saskatchewan"
    assert found["Man"].name == "Manitoba"
    assert (found["Churchill"].country, found["Churchill"].admin1) == ("CA", "03")


def test_an_abbreviation_tagged_with_the_next_word_is_cut_back():
    text = "Police drove to Greenville, Ala. Officers there found the car."
    found = toponyms(text, ("Greenville", "GPE"), ("Ala. Officers", "GPE"))
    assert found["Ala."].name == "Alabama"
    assert found["Greenville"].admin1 == "AL"


def test_man_is_no_province_without_a_town_before_it():
    text = "The ferry sailed for the Isle of Man. Man was never its port."
    found = toponyms(text, ("the Isle of Man", "LOC"), ("Man", "GPE"))
    assert found["Man"] is None or found["Man"].name != "Manitoba"


def test_a_name_listed_among_states_is_the_state_even_beside_its_namesakes_state():
    # Wyoming is also a town of 75,000 in Michigan
    text = "Cases were confirmed in Michigan, Grand Rapids, Ohio, West Virginia and Wyoming."
    names = ["Michigan", "Grand Rapids", "Ohio", "West Virginia", "Wyoming"]
    found = toponyms(text, *((name, "GPE") for name in names))
    assert found["Wyoming"].kind == "state"


def test_a_hamlet_abroad_with_no_context_is_left_unresolved_in_a_report_naming_other_countries():
    # Petrova is a village in Romania; here it is a name the tagger took for a place
    text = "Brazil and Peru asked Petrova to lead the inquiry."
    mentions = [mention(text, name, "GPE") for name in ("Brazil", "Peru", "Petrova")]
    places = load_resolver().resolve(text, [(m.start, m.end, m.label) for m in mentions])
    assert [p.country for p in places[:2]] == ["BR", "PE"] and places[2] is None
    alone = "The old bridge in Petrova, Romania, was closed."
    start = alone.index("Petrova")
    assert load_resolver().resolve(alone, [(start, start + 7, "GPE")])[0].country == "RO"  # qualified
