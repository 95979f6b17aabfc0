"""Places, session 28 (issue 12, wrong and namesake places): a facility named with two nouns joined by "and" is one
facility, not a facility and a town named like its second noun (nlp/place_ruler.py); a compass or feature word alone
("the North", "the Cape") is no hamlet of that name (nlp/toponyms.py); a place read from a word of a facility's name
in a country no other place of the report is in is a namesake (nlp/toponyms.py); a town before a named resort
("X' Y resort") places it (nlp/facility_places.py); a country named with "and" that NER cut in two is one name
(nlp/place_ruler.py); a name with an Arabic article means a reading with one (nlp/geo_candidates.py). Sentences
written for these tests."""

from helpers import events_of, record


def geo_of(text: str, name: str) -> dict | None:
    """The `geo` of the first entity one of whose mentions is `name` (after an article), None when it has none."""
    for entity in record(text)["entities"]:
        if any(m["text"].removeprefix("the ") == name for m in entity["mentions"]):
            return entity.get("geo") or None
    raise AssertionError(f"no entity {name!r} in {text!r}")


def place_texts(event: dict) -> set[str]:
    return {a["text"].removeprefix("the ") for role in ("location", "origin", "destination", "via")
            for a in event[role]}


def test_a_facility_with_two_joined_nouns_is_one_facility_placed_by_its_town():
    text = "Two guards were shot near the Coral Bay Resort and Casino in Reno on Friday."
    geo = geo_of(text, "Coral Bay Resort and Casino")
    assert geo is not None and geo["country"] == "US", geo
    assert not any(m["text"] == "Casino" for e in record(text)["entities"] for m in e["mentions"])
    (event,) = events_of(text, "ATTACK")
    assert "Casino" not in place_texts(event) and "Reno" in place_texts(event)


def test_the_second_noun_of_a_joined_facility_is_no_town_abroad():
    text = "Gunmen attacked the Sunset Harbour Hotel & Spa in Miami on Tuesday."
    countries = {(e.get("geo") or {}).get("country") for e in record(text)["entities"]}
    assert countries - {None} == {"US"}, countries


def test_places_joined_by_and_stay_two_places():
    text = "Storms hit Lyon and Nantes on Sunday."
    assert geo_of(text, "Lyon")["country"] == "FR" and geo_of(text, "Nantes")["country"] == "FR"


def test_a_compass_or_feature_word_alone_is_no_hamlet():
    text = ("North Korea fired a rocket from a site near Pyongyang. Officials in Seoul and Washington said the North "
            "would fire again soon.")
    assert geo_of(text, "North Korea")["country"] == "KP"
    assert geo_of(text, "North") is None
    text = "Ships sheltered in the Bay during the storm, officials in San Francisco said."
    assert geo_of(text, "San Francisco")["country"] == "US"
    assert geo_of(text, "Bay") is None


def test_a_word_of_a_resorts_name_is_no_place_abroad():
    text = "A man fired shots near the Mandalay Bay Resort on Sunday night, Las Vegas police said."
    geo = geo_of(text, "Mandalay Bay Resort")
    assert geo is None or geo["country"] == "US", geo


def test_a_facility_named_after_its_town_keeps_the_town():
    text = "The concert at the Denver Arena was cancelled on Friday."
    assert geo_of(text, "Denver Arena")["country"] == "US"


def test_a_country_named_with_and_is_one_place():
    text = "She flew from Trinidad and Tobago to Miami on Monday."
    geo = geo_of(text, "Trinidad and Tobago")
    assert geo is not None and geo["country"] == "TT", geo
    names = [m["text"] for e in record(text)["entities"] for m in e["mentions"]]
    assert "Trinidad" not in names and "Tobago" not in names, names


def test_a_bodys_name_cut_before_the_second_half_of_its_country_is_whole():
    text = "Police detained two men in Mostar, the Prosecutor's Office of Bosnia and Herzegovina said on Friday."
    names = {m["text"] for e in record(text)["entities"] for m in e["mentions"]}
    assert "Herzegovina" not in names, names
    assert any(n.endswith("of Bosnia and Herzegovina") for n in names), names


def test_a_name_with_an_arabic_article_means_the_reading_with_the_article():
    text = ("A woman brought back from al-Hol camp testified by video from Pristina, Kosovo, the court in Prizren "
            "said.")
    geo = geo_of(text, "al-Hol")
    assert geo is not None and geo["country"] == "SY", geo


def test_a_town_owning_a_named_resort_places_it():
    text = "Guests fled when shots rang out at Memphis' Mandalay Bay resort on Friday."
    geo = geo_of(text, "Mandalay Bay")
    assert geo is not None and geo["country"] == "US", geo
    assert geo_of("Kabul airport was closed on Friday, the Pentagon said.", "Kabul")["country"] == "AF"
