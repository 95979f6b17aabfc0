"""World-news geocoding: prominent places before small namesakes, the capital before a state of its name, lists of
countries, celestial bodies, hyphenated compounds, world regions with an extent, province short forms. Sentences
written for these tests."""

from newsintel.nlp.geocode import load_resolver
from newsintel.nlp.grouping import RawMention
from newsintel.nlp.toponyms import compound_parts, document_toponyms


def spans(text: str, *names: str) -> list[tuple[int, int, str]]:
    out, at = [], 0
    for name in names:
        start = text.index(name, at)
        out.append((start, start + len(name), "GPE"))
        at = start + len(name)
    return out


def resolve(text: str, *names: str, focus=None):
    return load_resolver().resolve(text, spans(text, *names), focus)


def test_countries_beat_small_namesakes_that_share_a_state():
    # China, Mexico and Norway are all towns in Maine: that is no reason to read them so
    text = "Health officials in the United States, Norway, Mexico and China reported new cases."
    places = resolve(text, "United States", "Norway", "Mexico", "China")
    assert [p.kind for p in places] == ["country"] * 4
    assert [p.country for p in places] == ["US", "NO", "MX", "CN"]


def test_a_list_of_countries_is_no_qualifier():
    text = "Exports went to Mexico, China, Japan and Brazil."
    places = resolve(text, "Mexico", "China", "Japan")
    assert [p.country for p in places] == ["MX", "CN", "JP"]


def test_world_city_before_namesake_unless_local_context():
    text = "The mayor flew to Paris on Monday, U.S. officials said."
    assert resolve(text, "Paris", "U.S.")[0].country == "FR"
    local = "Schools in Paris and Henry County reopened; Clarksville and Nashville stayed shut."
    assert resolve(local, "Paris", "Henry County", "Clarksville", "Nashville")[0].admin1 == "TN"
    qualified = "A storm hit Paris, Texas, overnight."
    assert resolve(qualified, "Paris")[0].admin1 == "TX"


def test_publisher_focus_on_the_namesakes_state_is_local_context():
    text = "Alexandria police arrested two men downtown."
    assert resolve(text, "Alexandria")[0].country == "EG"
    focused = resolve(text, "Alexandria", focus={("US", None): 1.0, ("US", "LA"): 0.8})[0]
    assert (focused.country, focused.admin1) == ("US", "LA")


def test_washington_is_the_capital_unless_the_state_is_meant():
    text = "Talks in Washington stalled as senators left for the holidays."
    assert resolve(text, "Washington")[0].kind == "city"
    local = "Rain fell across Washington, from Seattle and Tacoma to Spokane."
    assert resolve(local, "Washington", "Seattle", "Tacoma", "Spokane")[0].kind == "state"


def test_celestial_bodies_are_no_places_but_a_qualified_town_is():
    text = "The probe left Earth for Mars and will pass Jupiter."
    assert resolve(text, "Earth", "Mars", "Jupiter") == [None, None, None]
    town = "The fire in Mars, Pa., was put out."
    place = resolve(town, "Mars")[0]
    assert place is not None and place.admin1 == "PA"
    said = "The probe will not hit Mars, Okonkwo said. Our duty is the care of the Earth, Lindqvist added."
    assert resolve(said, "Mars", "Earth") == [None, None]  # a speaker after the comma is no qualifier


def test_world_regions_have_a_point_and_an_extent():
    text = "Refugees from North Africa and the Middle East reached the Balkans."
    places = resolve(text, "North Africa", "Middle East", "Balkans")
    assert all(p is not None and p.kind == "region" and p.extent_km > 100 for p in places)
    assert places[1].as_geo()["extent_km"] == places[1].extent_km
    country = resolve("Troops left Chad.", "Chad")[0]
    assert country.kind == "country" and country.extent_km > 300


def test_provinces_of_china_and_a_state_short_name():
    text = "Floods in Hubei and Sichuan; fires in NSW."
    hubei, sichuan, nsw = resolve(text, "Hubei", "Sichuan", "NSW")
    assert (hubei.kind, hubei.country) == ("province", "CN") and (sichuan.kind, sichuan.country) == ("province", "CN")
    assert (nsw.kind, nsw.country) == ("province", "AU")


def test_abbreviation_tagged_without_its_period():
    text = "She grew up in Red Deer, Alta. and moved away."
    start = text.index("Alta")
    place = load_resolver().resolve(text, [(start, start + 4, "GPE")])[0]
    assert place is not None and (place.kind, place.country) == ("province", "CA")


def test_hyphenated_compounds_name_each_place():
    def mention(text: str, label: str) -> RawMention:
        return RawMention(text, 10, 10 + len(text), 0, label)

    text = "Tensions over Turkish-Russian relations rose."
    parts = compound_parts(mention("Turkish-Russian", "NORP"))
    assert [("Turkish-Russian")[s - 10:e - 10] for s, e in parts] == ["Turkish", "Russian"]
    led = compound_parts(mention("U.S.-led", "ORG"))
    assert [("U.S.-led")[s - 10:e - 10] for s, e in led] == ["U.S."]
    assert compound_parts(mention("pro-Russian", "NORP")) == []
    assert compound_parts(mention("Guinea-Bissau", "GPE")) == []  # a place as a whole
    start = text.index("Turkish-Russian")
    _, toponyms = document_toponyms(text, [RawMention("Turkish-Russian", start, start + 15, 0, "NORP")])
    assert [(t.text, t.place.country) for t in toponyms] == [("Turkish", "TR"), ("Russian", "RU")]


def test_a_name_among_states_or_before_its_kind_noun_is_of_that_kind():
    text = "Cases were found in Oregon, Washington and Idaho."
    assert resolve(text, "Oregon", "Washington", "Idaho")[1].kind == "state"
    noun = "A cow from a Washington state farm fell ill."
    assert resolve(noun, "Washington")[0].kind == "state"
    capital = "Ministers met in Washington and London."
    assert resolve(capital, "Washington", "London")[0].kind == "city"


def test_oceans_by_their_bare_names_and_a_continent_after_a_direction_word():
    text = "Storms over the Pacific moved east."
    assert resolve(text, "Pacific")[0].kind == "sea"
    start = "Bats of Central and South America".index("Central")
    mention = RawMention("Central and South America", start, start + 25, 0, "LOC")
    _, toponyms = document_toponyms("Bats of Central and South America", [mention])
    assert [(t.text, t.place.kind) for t in toponyms] == [("South America", "continent")]


def test_facility_and_broadcaster_names():
    def toponyms(text: str, name: str, label: str):
        start = text.index(name)
        return document_toponyms(text, [RawMention(name, start, start + len(name), 0, label)])[1]

    assert [(t.text, t.place) for t in toponyms("She was taken to St. Michael's Hospital at noon.",
                                                "St. Michael's Hospital", "FAC")] == [("St. Michael's Hospital", None)]
    station = toponyms("He told CBC Toronto on Friday that he was fine.", "CBC Toronto", "ORG")
    assert [(t.text, t.place.country) for t in station] == [("Toronto", "CA")]
    pair = toponyms("A German-Iraqi boy was detained.", "German-Iraqi", "NORP")
    assert [(t.text, t.place.kind, t.place.country) for t in pair] == [("German", "country", "DE"),
                                                                       ("Iraqi", "country", "IQ")]


def test_wire_datelines():
    from newsintel.nlp.toponym_cues import cue_spans

    for text, name, country in (("NEW YORK (Reuters) - Stocks fell on Monday.", "NEW YORK", "US"),
                                ("KABUL, Afghanistan — A bomb exploded near the ministry.", "KABUL", "AF"),
                                ("VICTORIA - A British Columbia family lost its home.", "VICTORIA", "CA")):
        found = cue_spans(text, load_resolver())
        assert [text[s:e] for s, e in found] == [name]
        context = spans(text, "British Columbia") if "British" in text else []
        place = load_resolver().resolve(text, [(*found[0], "GPE"), *context])[0]
        assert place is not None and place.country == country and place.kind == "city"
    assert cue_spans("MARCH - Sales rose.", load_resolver()) == []


def test_a_name_listed_among_countries_is_a_country():
    # Benin City and Niger State are in Nigeria, which the list names too: still the countries are meant
    text = "Aid reached Benin, Ghana, Niger, Nigeria and Togo last month."
    places = resolve(text, "Benin", "Ghana", "Niger", "Nigeria", "Togo")
    assert [(p.kind, p.country) for p in places] == [("country", c) for c in ("BJ", "GH", "NE", "NG", "TG")]


def test_a_state_in_a_list_of_states_is_no_qualified_town():
    text = "Recalls reached stores in Oregon, Washington, Pennsylvania and Ohio."
    places = resolve(text, "Oregon", "Washington", "Pennsylvania", "Ohio")
    assert [p.kind for p in places] == ["state"] * 4
    town = "The plant in Washington, Pa., closed; Ohio crews helped."
    assert resolve(town, "Washington", "Pa.", "Ohio")[0].admin1 == "PA"


def test_a_lake_named_after_a_state_is_not_the_state():
    text = "Anglers gathered at Lake Vermont near the county road."
    found = [t for t in document_toponyms(text, [RawMention("Lake Vermont", 19, 31, 0, "GPE", "")])[1]]
    assert all(t.place is None or t.place.kind != "state" for t in found)


def test_a_world_city_whose_country_is_named_beats_local_context():
    text = "A Lexington family from Kentucky is on holiday in France; shops in Paris closed early."
    focus = {("US", None): 1.0, ("US", "KY"): 1.0}  # a Kentucky paper, which has its own Paris
    places = resolve(text, "Lexington", "Kentucky", "France", "Paris", focus=focus)
    assert places[3].country == "FR"
    local = "A Lexington family from Kentucky shopped in Paris on Saturday."
    assert resolve(local, "Lexington", "Kentucky", "Paris", focus=focus)[2].admin1 == "KY"


def test_a_big_namesake_takes_support_from_its_country():
    text = "Hundreds marched through London on Saturday, thanking Canada for taking in refugees."
    assert resolve(text, "London", "Canada")[0].country == "CA"
    assert resolve("Hundreds marched through London on Saturday.", "London")[0].country == "GB"


def test_far_north_is_a_direction_word():
    text = "Youth crime rose in Far North Queensland this year."
    found = document_toponyms(text, [RawMention("Far North Queensland", 20, 40, 0, "LOC", "")])[1]
    assert [t.place.name for t in found if t.place] == ["Queensland"]


def test_a_town_only_by_another_of_its_names_needs_context():
    # "Major" is an old name of a Romanian village, "Guns" the German name of Kőszeg: words, not places, here
    text = "Fans of Major and Guns queued outside the arena in Chicago on Friday."
    places = resolve(text, "Major", "Guns", "Chicago")
    assert places[0] is None and places[1] is None
    assert places[2].country == "US"
    # another spelling of a town is read as the town where its country is named
    text = "Gunmen attacked a consulate in Mazar-i-Sharif, in northern Afghanistan."
    assert resolve(text, "Mazar-i-Sharif", "Afghanistan")[0].country == "AF"
