"""Provinces and former provinces that world news names (data/well_known_places.yaml), and English spellings of
first-level regions GeoNames writes otherwise (its `region_aliases`). Sentences written for these tests."""

from newsintel.nlp.geocode import load_resolver


def resolve(text: str, *names: str):
    mentions, at = [], 0
    for name in names:
        start = text.index(name, at)
        mentions.append((start, start + len(name), "GPE"))
        at = start + len(name)
    return load_resolver().resolve(text, mentions)


def test_an_english_spelling_names_an_egyptian_governorate():
    text = "Two poultry workers from Menoufia and one from Dakahlia were taken to hospital."
    places = resolve(text, "Menoufia", "Dakahlia")
    assert [(p.kind, p.country) for p in places] == [("province", "EG"), ("province", "EG")]


def test_a_philippine_province_beats_towns_of_its_name_abroad():
    text = "Inspectors culled pigs on farms in Laguna and Nueva Ecija after tests came back positive."
    places = resolve(text, "Laguna", "Nueva Ecija")
    assert [(p.kind, p.country) for p in places] == [("province", "PH"), ("province", "PH")]


def test_former_provinces_of_kenya():
    text = "Violence spread from Nyanza to the Rift Valley after the vote."
    places = resolve(text, "Nyanza", "Rift Valley")
    assert [p.country for p in places] == ["KE", "KE"]


def test_a_qualified_town_keeps_its_country():
    text = "The genocide memorial in Nyanza, Rwanda, drew thousands of visitors."
    assert resolve(text, "Nyanza", "Rwanda")[0].country == "RW"


def test_a_former_province_of_the_congo_by_its_english_name():
    text = "Aid reached Western Kasai and Orientale, where the outbreak began."
    places = resolve(text, "Western Kasai", "Orientale")
    assert [(p.kind, p.country) for p in places] == [("province", "CD"), ("province", "CD")]
