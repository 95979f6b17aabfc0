"""Place identities and namesakes on where/heading lines (issue 12, session 27): an unplaced place word never joins
a geocoded namesake's identity (nor the other way), two geocoded mentions join at the same entry or a few
kilometres apart. Sentences written for these tests."""

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

