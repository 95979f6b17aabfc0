"""Place identities and namesakes on where/heading lines (issue 12, session 27): an unplaced place word never joins
a geocoded namesake's identity (nor the other way), two geocoded mentions join at the same entry or a few
kilometres apart; city abbreviations and publishers named like towns. Sentences written for these tests."""

import json

from helpers import hand_record, identity_links

from newsintel.store import connect, save_record

# points without a GeoNames id (gazetteer additions), so that the resolver keys them by their coordinates
VALLEY = {"name": "Corvath", "lat": 34.5, "lon": 69.1, "geonameid": None, "country": "AF", "kind": "city"}
DISTRICT = {"name": "Corvath", "lat": 34.55, "lon": 69.15, "geonameid": None, "country": "AF", "kind": "region"}
FAR = {"name": "Corvath", "lat": 45.0, "lon": 10.0, "geonameid": None, "country": "IT", "kind": "city"}


def _places_of(conn, identity: str) -> dict:
    (profile,) = conn.execute("SELECT profile FROM identities WHERE id = ?", (identity,)).fetchone()
    return json.loads(profile).get("place", {})


def test_an_unplaced_word_does_not_join_a_geocoded_namesake(tmp_path):
    conn = connect(tmp_path / "s.db")
    save_record(conn, hand_record("a" * 16, "Gunmen attacked a checkpoint near Corvath on Sunday.",
                                  [("Corvath", "GPE")], geo={"Corvath": VALLEY}))
    save_record(conn, hand_record("b" * 16, "The probe will reach Corvath, a frozen moon, in 2040.",
                                  [("Corvath", "LOC")]))
    link = identity_links(conn)
    assert link[("a", "Corvath")] != link[("b", "Corvath")]
    assert _places_of(conn, link[("b", "Corvath")]) == {}


def test_a_geocoded_mention_does_not_give_its_point_to_an_unplaced_identity(tmp_path):
    conn = connect(tmp_path / "s.db")
    save_record(conn, hand_record("a" * 16, "The probe will reach Corvath, a frozen moon, in 2040.",
                                  [("Corvath", "LOC")]))
    save_record(conn, hand_record("b" * 16, "Gunmen attacked a checkpoint near Corvath on Sunday.",
                                  [("Corvath", "GPE")], geo={"Corvath": VALLEY}))
    link = identity_links(conn)
    assert link[("a", "Corvath")] != link[("b", "Corvath")]
    assert _places_of(conn, link[("a", "Corvath")]) == {}


def test_two_unplaced_mentions_of_one_name_still_join(tmp_path):
    conn = connect(tmp_path / "s.db")
    save_record(conn, hand_record("a" * 16, "The probe will reach Corvath, a frozen moon, in 2040.",
                                  [("Corvath", "LOC")]))
    save_record(conn, hand_record("b" * 16, "Scientists mapped the dunes of Corvath last year.", [("Corvath", "LOC")]))
    link = identity_links(conn)
    assert link[("a", "Corvath")] == link[("b", "Corvath")]


def test_geocoded_mentions_join_at_a_near_entry_but_not_a_far_one(tmp_path):
    conn = connect(tmp_path / "s.db")
    save_record(conn, hand_record("a" * 16, "Gunmen attacked a checkpoint near Corvath on Sunday.",
                                  [("Corvath", "GPE")], geo={"Corvath": VALLEY}))
    save_record(conn, hand_record("b" * 16, "Floods cut the main road through Corvath on Monday.",
                                  [("Corvath", "GPE")], geo={"Corvath": DISTRICT}))
    save_record(conn, hand_record("c" * 16, "A festival opened in Corvath on Tuesday.",
                                  [("Corvath", "GPE")], geo={"Corvath": FAR}))
    link = identity_links(conn)
    assert link[("a", "Corvath")] == link[("b", "Corvath")] != link[("c", "Corvath")]


def test_the_mentions_own_entry_beats_a_near_one(tmp_path):
    conn = connect(tmp_path / "s.db")
    save_record(conn, hand_record("a" * 16, "Gunmen attacked a checkpoint near Corvath on Sunday.",
                                  [("Corvath", "GPE")], geo={"Corvath": VALLEY}))
    save_record(conn, hand_record("b" * 16, "Floods hit Corvath District, and Corvath itself, on Monday.",
                                  [("Corvath District", "GPE")], geo={"Corvath District": DISTRICT}))
    save_record(conn, hand_record("c" * 16, "Floods cut the main road through Corvath on Monday.",
                                  [("Corvath", "GPE")], geo={"Corvath": DISTRICT}))
    link = identity_links(conn)
    assert link[("c", "Corvath")] == link[("b", "Corvath District")] != link[("a", "Corvath")]


# -- city abbreviations and bodies named like towns (geocoder, with hand-made mentions) -------------------------

def _toponyms(text: str, *named: tuple[str, str]) -> dict:
    from newsintel.nlp.grouping import RawMention
    from newsintel.nlp.toponyms import document_toponyms

    mentions, searched = [], 0
    for name, label in named:
        start = text.index(name, searched)
        searched = start + len(name)
        mentions.append(RawMention(name, start, start + len(name), 0, label))
    found, _ = document_toponyms(text, mentions, focus={})
    return {m.text: found.get(i) for i, m in enumerate(mentions) if m.label != "ORG"}


def test_a_city_abbreviation_alone_is_the_city():
    text = "After two days in Denver the band flew on to LA, then to NOLA for the last show."
    found = _toponyms(text, ("Denver", "GPE"), ("LA", "GPE"), ("NOLA", "GPE"))
    assert (found["LA"].name, found["LA"].kind) == ("Los Angeles", "city")
    assert (found["NOLA"].name, found["NOLA"].country) == ("New Orleans", "US")


def test_a_postal_code_after_a_town_is_still_the_state():
    text = "The levee failed near Lafayette, LA, on Sunday."
    found = _toponyms(text, ("Lafayette", "GPE"), ("LA", "GPE"))
    assert (found["LA"].name, found["LA"].kind) == ("Louisiana", "state")


def test_a_publisher_named_like_a_town_is_not_geocoded():
    text = "Her first novel was published by Harper, and she later became an editor at Tor."
    found = _toponyms(text, ("Harper", "GPE"), ("Tor", "GPE"))
    assert found["Harper"] is None and found["Tor"] is None


def test_a_name_the_report_calls_a_publisher_is_not_geocoded_elsewhere_in_it():
    text = "The publisher Tor announced three new titles. Her agent met them at Tor in the spring."
    found = _toponyms(text, ("Tor", "ORG"), ("Tor", "GPE"))
    assert found["Tor"] is None


def test_a_small_town_the_model_also_types_as_an_organisation_stays_a_place():
    text = "Chiefland police said the fight began late. Two men from Chiefland were hurt."
    found = _toponyms(text, ("Chiefland", "ORG"), ("Chiefland", "GPE"))
    assert found["Chiefland"] is not None and found["Chiefland"].admin1 == "FL"


def test_a_country_or_big_city_after_a_body_cue_stays_a_place():
    text = "The treaty was signed with Norway in May, and the memoir was published by Chicago's oldest press."
    found = _toponyms(text, ("Norway", "GPE"), ("Chicago", "GPE"))
    assert found["Norway"].kind == "country" and found["Chicago"].name == "Chicago"


def test_a_short_alias_counts_only_in_capitals():
    text = "The film La Rosa opened in Madrid; critics in La Paz loved La Rosa too."
    found = _toponyms(text, ("Madrid", "GPE"), ("La", "GPE"))
    assert found["La"] is None or found["La"].name != "Los Angeles"
