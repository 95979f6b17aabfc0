"""Geocoding rules added for local news: GeoNames' own state points, source focus, county lists, St./Mt. keys,
well-known non-city places, dateline / party-home / dotted-state cues, role words in person names, places after
"in" inside organisation names. Sentences written for these tests."""

from newsintel.nlp.focus import FocusTable
from newsintel.nlp.gazetteer import place_key
from newsintel.nlp.geocode import distance_km, load_resolver
from newsintel.nlp.grouping import RawMention
from newsintel.nlp.toponym_cues import cue_spans, region_list_spans, region_noun_after
from newsintel.nlp.toponym_spans import embedded_spans
from newsintel.nlp.toponyms import _person_words, document_toponyms


def spans(text: str, *names: str) -> list[tuple[int, int, str]]:
    out, at = [], 0
    for name in names:
        start = text.index(name, at)
        out.append((start, start + len(name), "GPE"))
        at = start + len(name)
    return out


def test_state_takes_the_geonames_point_and_id():
    virginia = next(p for p in load_resolver().gazetteer.lookup("Virginia") if p.kind == "state")
    assert virginia.geonameid == 6254928 and not virginia.approximate
    richmond = next(p for p in load_resolver().gazetteer.lookup("Richmond") if p.admin1 == "VA" and p.kind == "city")
    assert distance_km(virginia, richmond) < 10  # GeoNames puts Virginia at its capital


def test_source_focus_needs_enough_documents_and_share():
    memory = FocusTable(min_share=0.5, min_documents=2)
    memory.record("daily.example", {("US", None), ("US", "GA")})
    assert memory.focus("daily.example") == {}  # one document is not enough
    memory.record("daily.example", {("US", None), ("US", "TX")})
    memory.record("daily.example", {("US", None), ("US", "GA")})
    focus = memory.focus("daily.example")
    assert focus[("US", "GA")] == 2 / 3 and ("US", "TX") not in focus and focus[("US", None)] == 1.0
    assert memory.focus(None) == {} and memory.focus("other.example") == {}


def test_source_focus_picks_the_local_namesake():
    text = "Athens council meets Tuesday to discuss the budget."
    resolver = load_resolver()
    plain = resolver.resolve(text, spans(text, "Athens"))[0]
    local = resolver.resolve(text, spans(text, "Athens"), focus={("US", None): 1.0, ("US", "TN"): 0.8})[0]
    assert plain.country == "GR"
    assert (local.country, local.admin1) == ("US", "TN")


def test_evidence_names_only_unambiguous_regions():
    text = "Floods hit Tennessee and Paris overnight."
    _, evidence = load_resolver().resolve_with_evidence(text, spans(text, "Tennessee", "Paris"))
    assert ("US", "TN") in evidence and ("FR", None) not in evidence


def test_county_list_resolves_bare_names_to_counties():
    text = "Warnings cover Polk, Story and Boone counties tonight."
    assert [text[s:e] for s, e, _ in region_list_spans(text)] == ["Polk", "Story", "Boone"]
    assert region_noun_after(text, text.index("Story") + 5) == "County"
    assert region_noun_after("He met Clay and Jones yesterday.", 11) is None
    places = load_resolver().resolve(text, spans(text, "Polk", "Story", "Boone"))
    assert all(p is not None and p.kind == "county" and p.admin1 == "IA" for p in places)


def test_saint_and_mount_abbreviations_are_written_out():
    assert place_key("St. Paris") == place_key("Saint Paris") == "saint paris"
    assert place_key("Mt. Vernon") == place_key("Mount Vernon")
    assert place_key("Main St") == "main st"  # only before another word


def test_well_known_places():
    text = "Barges on the Ohio River were delayed, and the EU sent aid."
    river, union = load_resolver().resolve(text, spans(text, "Ohio River", "EU"))
    assert river is not None and river.kind == "river" and river.country == "US"
    assert union is not None and union.geonameid == 6695072


def test_adjective_of_a_province():
    text = "Ontarians will vote in June."
    place = load_resolver().resolve(text, [(0, 9, "NORP")])[0]
    assert place is not None and place.kind == "province" and place.country == "CA"


def test_cues_find_datelines_party_homes_and_dotted_states():
    text = ("Bridge closed. COLUMBUS (AP) -- Rep. Ann Roe, D-Lakewood, and Sen. Bo Lee (R-S.C.) toured it. "
            "The N.J. Turnpike reopened. UPDATE -- none.")
    found = [text[s:e] for s, e in cue_spans(text, load_resolver())]
    assert found == ["COLUMBUS", "Lakewood", "S.C.", "N.J."]


def test_role_words_end_the_place_part_of_a_person_name():
    mentions = [RawMention("Milford Fire Chief Dana Porter", 0, 30, 0, "PERSON", ""),
                RawMention("Bill Clinton", 40, 52, 0, "PERSON", "")]
    words = _person_words(mentions)
    assert "milford" not in words and "porter" in words and "clinton" in words
    assert "dover" not in _person_words([RawMention("Historic Dover", 0, 14, 0, "PERSON", "")])


def test_place_after_in_inside_an_organisation_name():
    text = "Grace Lutheran School in Springfield"
    found = embedded_spans(RawMention(text, 0, len(text), 0, "ORG", ""))
    assert [text[s:e] for s, e in found] == ["Springfield"]


def test_place_word_in_a_person_name():
    from newsintel.nlp.toponyms import document_toponyms

    def found(text: str, mentions: list[tuple[str, str]]) -> list[str]:
        raw, at = [], 0
        for name, label in mentions:
            start = text.index(name, at)
            raw.append(RawMention(name, start, start + len(name), 0, label, ""))
            at = start + len(name)
        return [t.text for t in document_toponyms(text, raw)[1] if not t.embedded]

    clinton = "Bill Clinton spoke. Clinton said more."
    assert found(clinton, [("Bill Clinton", "PERSON"), ("Clinton", "GPE")]) == []
    cue = "Bill Clinton spoke in Clinton today."
    assert found(cue, [("Bill Clinton", "PERSON"), ("Clinton", "GPE")]) == ["Clinton"]
    letter = "Bill Clinton spoke. A letter went to Clinton."  # "to" goes with people too
    assert found(letter, [("Bill Clinton", "PERSON"), ("Clinton", "GPE")]) == []
    estates = "Brookfield Estates grew. Brookfield paved roads. Brookfield hired staff."
    assert found(estates, [("Brookfield Estates", "PERSON"), ("Brookfield", "GPE"), ("Brookfield", "GPE")]) == [
        "Brookfield", "Brookfield"]


def test_state_names_count_as_evidence_unless_a_big_town_shares_them():
    resolver = load_resolver()
    text = "Storms crossed Ohio overnight; New York stayed dry."
    _, evidence = resolver.resolve_with_evidence(text, spans(text, "Ohio", "New York"))
    assert ("US", "OH") in evidence and ("US", "NY") not in evidence
    listed = "Storms crossed Ohio and New York overnight."  # listed among states, it is the state
    _, evidence = resolver.resolve_with_evidence(listed, spans(listed, "Ohio", "New York"))
    assert ("US", "NY") in evidence


def test_places_inside_mis_typed_names():
    def inside(text: str, label: str, next_word: str = "") -> list[str]:
        return [text[s:e] for s, e in embedded_spans(RawMention(text, 0, len(text), 0, label, ""), next_word)]

    assert inside("Springdale Fire Station 2", "PERSON") == ["Springdale"]
    assert inside("Paris Hilton", "PERSON") == []  # a person's name stays a person's
    assert inside("Springfield-Central", "ORG") == ["Springfield"]
    assert inside("Dover’s Board of Finance", "ORG") == ["Dover"]
    assert inside("Cuyahoga", "ORG", "Sheriff") == ["Cuyahoga"]  # a county named before an office
    assert inside("Cuyahoga", "ORG", "said") == []


def test_party_home_of_a_politician():
    text = "Both senators, D-W. Va., agreed; Sen. Al Doe, D-Pa. , did not."
    assert [text[s:e] for s, e in cue_spans(text, load_resolver())] == ["W. Va.", "Pa."]


def test_place_mentions_grow_to_a_known_name_or_shrink_to_the_place_inside():
    from newsintel.nlp.toponym_spans import refine_span

    resolver = load_resolver()

    def refine(text: str, name: str, label: str = "GPE") -> str:
        start = text.index(name)
        s, e = refine_span(text, start, start + len(name), label, resolver)
        return text[s:e]

    assert refine("Storms hit Elk Grove overnight.", "Grove") == "Elk Grove"
    assert refine("ST. LOUIS (AP) -- Rain.", "LOUIS") == "ST. LOUIS"
    assert refine("He was held at the Warren County Jail.", "the Warren County Jail", "FAC") == "Warren County"
    assert refine("Rain fell across North Texas.", "North Texas", "LOC") == "Texas"
    assert refine("Mass at Grace Church in Lexington.", "Grace Church in Lexington", "FAC") == "Lexington"
    assert refine("She flew to Dallas on Monday.", "Dallas") == "Dallas"
    assert refine("The party United Ohio lost.", "United Ohio") == "Ohio"  # the state, not a hamlet called United


def test_direction_word_before_a_place_name():
    text = "Rain soaked South Cincinnati and Northern Kentucky."
    city, state = load_resolver().resolve(text, spans(text, "South Cincinnati", "Northern Kentucky"))
    assert city is not None and city.name == "Cincinnati" and city.admin1 == "OH"
    assert state is not None and state.kind == "state" and state.admin1 == "KY"


def test_canadian_province_abbreviations():
    resolver = load_resolver()
    text = "He grew up in London, Ont., then moved to Victoria, B.C., for work."
    london, victoria = resolver.resolve(text, spans(text, "London", "Victoria"))
    assert (london.country, london.admin1) == ("CA", "08") and (victoria.country, victoria.admin1) == ("CA", "02")
    assert cue_spans("The N.B. and 300 B.C. notes.", resolver) == []  # initials alone are not taken for provinces


def test_a_facility_holding_a_place_is_not_grouped_with_it():
    from newsintel.nlp.toponyms import document_toponyms

    text = "Deputies took him to the Cuyahoga County Jail. Cuyahoga County voters met."
    j, c = text.index("the Cuyahoga"), text.index("Cuyahoga County voters")
    jail, county = (RawMention("the Cuyahoga County Jail", j, j + 24, 0, "FAC", ""),
                    RawMention("Cuyahoga County", c, c + 15, 1, "GPE", ""))
    resolved, toponyms = document_toponyms(text, [jail, county])
    assert [t.text for t in toponyms] == ["Cuyahoga County", "Cuyahoga County"]
    assert resolved[0] is not None and resolved[0] == resolved[1]  # the jail lies in the county...
    assert jail.kb_id == "" and county.kb_id != ""  # ...but is not the county


def test_a_country_with_its_article_keeps_its_span():
    from newsintel.nlp.toponym_spans import refine_span

    text = "Aid came from the United States and the Netherlands."
    for name in ("the United States", "the Netherlands"):
        start = text.index(name)
        assert refine_span(text, start, start + len(name), "GPE", load_resolver()) == (start, start + len(name))
    for name in ("North Carolina", "West Virginia"):  # a direction word that is part of the name stays
        text = f"Storms reached {name} today."
        start = text.index(name)
        assert refine_span(text, start, start + len(name), "GPE", load_resolver()) == (start, start + len(name))


def test_mistyped_names_are_places_by_their_cue():
    def found(text: str, names: list[tuple[str, str]]) -> list[str]:
        raw, at = [], 0
        for name, label in names:
            start = text.index(name, at)
            raw.append(RawMention(name, start, start + len(name), 0, label, ""))
            at = start + len(name)
        return [t.text for t in document_toponyms(text, raw)[1]]

    island = "Floods reached the island of Java and the town of Churchill overnight."
    assert found(island, [("Java", "PERSON"), ("Churchill", "ORG")]) == ["Java", "Churchill"]
    person = "Aid came from Welch after the storm; Welch said little."  # "from" goes with people too
    assert found(person, [("Welch", "PERSON"), ("Welch", "PERSON")]) == []
    month = "The council meets in May in the town hall."
    assert found(month, [("May", "DATE")]) == []
    lucy = "Lucy Moreau was born in Ottawa. Doctors put a tube into Lucy's throat."
    assert found(lucy, [("Lucy Moreau", "PERSON"), ("Ottawa", "GPE"), ("Lucy", "PERSON")]) == ["Ottawa"]


def test_place_adjectives_opening_an_organisation_name():
    def adjectives(text: str, label: str = "ORG") -> list[str]:
        raw = [RawMention(text, 0, len(text), 0, label, "")]
        return [t.text for t in document_toponyms(text, raw)[1] if t.place is not None]

    assert adjectives("The British Council") == ["British"]
    assert adjectives("United Front of Sri Lankan Workers") == ["Sri Lankan"]
    assert adjectives("Garlic Malaysian Restaurant") == []
    assert adjectives("Philip English", "PERSON") == []


def test_a_country_code_inside_an_organisation_name():
    def inside(text: str) -> list[str]:
        return [text[s:e] for s, e in embedded_spans(RawMention(text, 0, len(text), 0, "ORG", ""))]

    assert inside("The US Agency for Trade Statistics") == ["US"]
    assert inside("Friends of Us") == []


def test_mistyped_names_listed_with_places():
    def found(text: str, names: list[tuple[str, str]]) -> list[str]:
        raw, at = [], 0
        for name, label in names:
            start = text.index(name, at)
            raw.append(RawMention(name, start, start + len(name), 0, label, ""))
            at = start + len(name)
        return [t.text for t in document_toponyms(text, raw)[1]]

    listed = "Police in Devon and Cornwall closed roads."
    assert found(listed, [("Devon", "PERSON"), ("Cornwall", "GPE")]) == ["Devon", "Cornwall"]
    comma = "Cases rose in Texas, Devon said."
    assert found(comma, [("Texas", "GPE"), ("Devon", "PERSON")]) == ["Texas"]
