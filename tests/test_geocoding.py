"""Geocoding: transliteration-aware lookup, context disambiguation, adjectival and metonymic toponyms, unsure names
left unresolved, the geoparse command and the `geo` object of extract --json. Sentences written for these tests."""

import json
import sqlite3

import pytest

from newsintel.cli.main import main
from newsintel.nlp.geocode import load_resolver
from newsintel.store import connect, save_record


def resolve(text: str, *names: str, label: str = "GPE"):
    """Resolve each name (its first occurrence after the previous one) within `text`."""
    spans, at = [], 0
    for name in names:
        start = text.index(name, at)
        spans.append((start, start + len(name), label))
        at = start + len(name)
    return load_resolver().resolve(text, spans)


def only(text: str, name: str, label: str = "GPE"):
    return resolve(text, name, label=label)[0]


@pytest.mark.parametrize("name", ["Raqqa", "Raqqah", "Ar Raqqah", "ar-Raqqah", "al-Raqqa", "Al Raqqah"])
def test_raqqa_spellings_are_one_place(name):
    place = only(f"The convoy reached {name} at dawn.", name)
    assert place is not None and place.country == "SY" and place.kind == "city"
    assert place.geonameid == only("The convoy reached Raqqa at dawn.", "Raqqa").geonameid


def test_kobani_is_ayn_al_arab():
    kobani = only("Fighters held Kobani for months.", "Kobani")
    ayn = only("Fighters held Ayn al-Arab for months.", "Ayn al-Arab")
    assert kobani is not None and kobani.geonameid == ayn.geonameid and kobani.country == "SY"


def test_diacritics_and_apostrophes_fold():
    assert only("Families fled to Şanlıurfa.", "Şanlıurfa").geonameid == only("Families fled to Sanliurfa.",
                                                                                  "Sanliurfa").geonameid
    assert only("The militia entered Tall ‘Afar.", "Tall ‘Afar").country == "IQ"


def test_spelling_tolerant_key_needs_the_country_named():
    text = "In eastern Syria, the army shelled Dayr az-Zawr and its airport."
    place = resolve(text, "Syria", "Dayr az-Zawr")[1]
    assert place is not None and place.country == "SY"


def test_paris_texas_versus_paris():
    texan = resolve("She grew up in Paris, Texas, before moving to Dallas.", "Paris", "Texas", "Dallas")
    assert (texan[0].country, texan[0].admin1) == ("US", "TX")
    french = resolve("She grew up in Paris before moving to Lyon.", "Paris", "Lyon")
    assert french[0].country == "FR"


def test_state_abbreviation_qualifier():
    place = only("Police in Springfield, Ill., made two arrests.", "Springfield")
    assert (place.country, place.admin1) == ("US", "IL")
    place = only("Police in Springfield, Mass., made two arrests.", "Springfield")
    assert (place.country, place.admin1) == ("US", "MA")


def test_syrian_document_picks_the_syrian_namesake():
    # "Palmira" is also a large Colombian city; "Nabk" is also a Saudi town's alternate name.
    syrian = resolve("Government troops retook Palmira in central Syria after shelling Nabk near Damascus.",
                     "Palmira", "Syria", "Nabk", "Damascus")
    assert syrian[0].country == "SY" and syrian[2].country == "SY"
    colombian = only("Coffee growers gathered in Palmira on Sunday.", "Palmira")
    assert colombian.country == "CO"


def test_other_places_of_the_document_decide_georgia():
    caucasus = resolve("Russian tanks moved from South Ossetia into Georgia, and Tbilisi protested.",
                       "Georgia", "Tbilisi")
    assert caucasus[0].kind == "country" and caucasus[0].country == "GE"
    american = resolve("The company moved from Atlanta to Savannah, Georgia.", "Atlanta", "Savannah", "Georgia")
    assert american[2].kind == "state" and american[2].admin1 == "GA"


def test_adjectives_and_metonyms_are_toponyms():
    assert only("French officials denied the report.", "French", label="NORP").country == "FR"
    assert only("Two Syrians were detained at the border.", "Syrians", label="NORP").country == "SY"
    assert only("The Iraqi army advanced.", "Iraqi", label="NORP").country == "IQ"
    ankara = only("Ankara said the border would stay closed.", "Ankara")
    assert ankara.country == "TR" and ankara.kind == "city"
    assert only("Muslim leaders met on Friday.", "Muslim", label="NORP") is None


def test_admin_regions_and_places_from_the_data_file():
    assert only("Aid reached Idlib province.", "Idlib province").kind == "province"
    assert only("She was held in al-Hol camp.", "al-Hol camp").kind == "camp"
    county = resolve("Deputies of the Rapides Parish sheriff patrolled Alexandria.", "Rapides Parish", "Alexandria")
    assert county[0].kind == "county" and county[1].admin1 == "LA"


def test_unknown_and_unsure_names_stay_unresolved():
    assert only("They met in Blorfington Heath.", "Blorfington Heath") is None
    # Several Springfields of similar size and nothing else to go on: no guess.
    assert only("The meeting was held in Springfield.", "Springfield") is None


@pytest.fixture
def article(tmp_path):
    path = tmp_path / "report.txt"
    path.write_text("Border report\n\nSmugglers moved families from Raqqa to Kobani, Syria, in March.\n"
                    "Turkish officials said Ankara would close the crossing at Akcakale.\n", encoding="utf-8")
    return path


def test_geoparse_json_shape_and_offsets(article, tmp_path, capsys):
    bad = tmp_path / "empty.txt"
    bad.write_text("")
    code = main(["geoparse", str(bad), str(article), str(tmp_path / "missing.txt"), "--json"])
    out, err = capsys.readouterr()
    assert code == 1
    assert f"error: {bad}: empty file" in err.splitlines()
    assert f"error: {tmp_path / 'missing.txt'}: no such file or directory" in err.splitlines()
    lines = out.splitlines()
    assert len(lines) == 1
    result = json.loads(lines[0])
    assert result["file"] == str(article)
    text = article.read_text(encoding="utf-8")  # a plain .txt: offsets into the file's own text
    names = {}
    for t in result["toponyms"]:
        assert set(t) - {"extent_km"} == {"text", "start", "end", "name", "lat", "lon", "geonameid", "country"}
        assert text[t["start"]:t["end"]] == t["text"]
        names[t["text"]] = t
    assert names["Raqqa"]["country"] == "SY" and names["Kobani"]["country"] == "SY"
    assert names["Turkish"]["country"] == "TR" and names["Ankara"]["country"] == "TR"
    assert names["Turkish"]["extent_km"] > 300 and "extent_km" not in names["Ankara"]  # an area has an extent


def test_extract_json_geo_and_store_columns(article, tmp_path, capsys):
    assert main(["extract", str(article), "--json"]) == 0
    record = json.loads(capsys.readouterr().out)
    by_name = {e["name"]: e for e in record["entities"]}
    assert by_name["Raqqa"]["geo"]["country"] == "SY" and by_name["Raqqa"]["geo"]["geonameid"] == 172955
    assert set(by_name["Raqqa"]["geo"]) == {"name", "lat", "lon", "geonameid", "country", "kind"}
    people_and_groups = [e for e in record["entities"] if e["type"] in ("PERSON", "ORG")]
    assert all(e["geo"] is None for e in people_and_groups)

    db = str(tmp_path / "s.db")
    assert main(["ingest", str(article), "--db", db, "--workers", "1", "--quiet"]) == 0
    conn = sqlite3.connect(db)
    rows = conn.execute("SELECT name, geonameid, lat, lon, country, geo_kind FROM entities"
                        " WHERE geonameid IS NOT NULL").fetchall()
    by_row = {r[0]: r for r in rows}
    assert by_row["Raqqa"][1] == 172955 and by_row["Raqqa"][4] == "SY" and by_row["Raqqa"][5] == "city"
    assert abs(by_row["Raqqa"][2] - 35.95) < 0.1


def test_migration_adds_nullable_geo_columns(tmp_path):
    conn = connect(str(tmp_path / "m.db"), readonly=False)
    columns = {row[1] for row in conn.execute("PRAGMA table_info(entities)")}
    assert {"geonameid", "lat", "lon", "country", "geo_kind"} <= columns
    assert callable(save_record)


def test_toponyms_in_datelines_organisations_and_resident_phrases():
    from newsintel.cli.geo import geoparse_text

    text = ("KILIS — A Gaziantep man was detained on Monday, the Gaziantep Police Department said. "
            "Bill Clinton did not comment, and Clinton aides declined to speak.")
    found = {(t["text"], t["country"]) for t in geoparse_text(text)}
    assert ("KILIS", "TR") in found
    assert ("Gaziantep", "TR") in found
    assert all(name != "Clinton" for name, _ in found)
    for t in geoparse_text(text):
        assert text[t["start"]:t["end"]] == t["text"]


def test_place_cues_after_the_name():
    from newsintel.cli.geo import geoparse_text

    text = ("Omar Demir, 41, of Nizip was charged. The suspect lived in Gainesville, Ga., until May. "
            "Volunteers came from Kilis, Nizip and Islahiye.")
    found = {t["text"]: t for t in geoparse_text(text)}
    assert found["Nizip"]["country"] == "TR"
    assert found["Gainesville"]["country"] == "US"
    assert abs(found["Gainesville"]["lat"] - 34.3) < 0.5  # Gainesville, Georgia, not Florida


def test_organisation_whose_words_are_places_is_not_split():
    from newsintel.cli.geo import geoparse_text

    names = {t["text"] for t in geoparse_text("Students of Concordia College and the Police Union met on Monday.")}
    assert "Police" not in names and "Union" not in names and "College" not in names


def test_country_named_like_a_small_town_in_it_is_the_country():
    text = "Officers from Pristina, Podujevo, Gjilan and Ferizaj said the two men had returned to Kosovo."
    places = resolve(text, "Pristina", "Podujevo", "Gjilan", "Ferizaj", "Kosovo")
    assert places[0].country == "XK" and places[0].kind == "city"
    assert places[-1].kind == "country" and places[-1].country == "XK"
