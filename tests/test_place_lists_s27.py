"""A name the model tagged over several gazetteer words is split into places only when they form a list: "from
Skopje to Pristina", never "Bank of America" (a bank, not Bank and America). Sentences written for these tests."""

from newsintel.nlp.pipeline import load_nlp


def ents(text: str) -> list[tuple[str, str]]:
    return [(e.text, e.label_) for e in load_nlp()(text).ents]


def test_an_institution_named_of_a_place_stays_one_name():
    for text in ("Bank of America said on Tuesday that it would close two branches.",
                 "Bank of Utah said the loans were repaid."):
        names = ents(text)
        assert ("America", "GPE") not in names and ("Utah", "GPE") not in names, names
        assert ("Bank", "GPE") not in names, names


def test_a_route_tagged_as_one_name_is_still_two_places():
    names = ents("He drove the last leg from Skopje to Pristina himself.")
    assert ("Skopje", "GPE") in names and ("Pristina", "GPE") in names


def test_places_of_the_returnee_routes_carry_a_point_and_a_country():
    from helpers import record
    for text, country in (("He was captured in Baghuz in March.", "SY"),
                          ("She flew from Schiphol to Istanbul.", "NL"),
                          ("They crossed at Kapitan Andreevo into Turkey.", "BG")):
        geo = record(text)["entities"][0].get("geo") or {}
        assert geo.get("country") == country and geo.get("lat") is not None, (text, geo)
