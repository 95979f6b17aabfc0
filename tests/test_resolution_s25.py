"""In-report resolution of namesakes (task X7): a lone surname or "Ms. X" in a report that names two people of
that surname, and identities that must never hold a person and a place, or places of two countries. Sentences
written for these tests; records built by hand so that the NER model's choices do not enter."""

import json

from helpers import hand_record, identity_links

from newsintel.store import connect, save_record

P = "PERSON"


def test_a_lone_surname_named_before_the_reports_only_full_name_is_not_that_person(tmp_path):
    conn = connect(tmp_path / "s.db")
    text = ("Varela says Lumen Studios never paid her. Varela left the set in tears. Her father, Tomas Varela, "
            "teaches chemistry in Porto. Varela said she would sue.")
    names = [("Varela", P), ("Lumen Studios", "ORG"), ("Varela", P), ("Tomas Varela", P), ("Varela", P)]
    save_record(conn, hand_record("a" * 16, text, names))
    earlier = "The actress Mira Varela signed with Lumen Studios on Monday."
    save_record(conn, hand_record("b" * 16, earlier, [("Mira Varela", P), ("Lumen Studios", "ORG")]))
    save_record(conn, hand_record("c" * 16, text, names))
    link = identity_links(conn)
    assert link[("a", "Varela")] != link[("a", "Tomas Varela")]
    # once the store knows another Varela the report's context points to, the lone surname is that one
    assert link[("c", "Varela")] == link[("b", "Mira Varela")] != link[("c", "Tomas Varela")]


def test_the_reports_only_full_name_not_written_as_kin_is_the_lone_surnames_person(tmp_path):
    conn = connect(tmp_path / "s.db")
    text = "Tomas Varela teaches chemistry in Porto. Varela said the lab would close. Varela left at noon."
    save_record(conn, hand_record("a" * 16, text, [("Tomas Varela", P), ("Varela", P), ("Varela", P)]))
    late = "Varela said the lab would close. Varela left at noon. -- Prof. Tomas Varela (@tvarela), 3 May"
    save_record(conn, hand_record("b" * 16, late, [("Varela", P), ("Varela", P), ("Tomas Varela", P)]))
    link = identity_links(conn)
    assert link[("a", "Varela")] == link[("a", "Tomas Varela")]
    assert link[("b", "Varela")] == link[("b", "Tomas Varela")]  # the full name only at the end, as a signature


def test_a_stated_gender_picks_the_namesake_or_none(tmp_path):
    conn = connect(tmp_path / "s.db")
    both = "James Okoro and his daughter Helen Okoro ran the farm. Ms. Okoro said the rains came late."
    save_record(conn, hand_record("a" * 16, both, [("James Okoro", P), ("Helen Okoro", P), ("Okoro", P)],
                              attributes={"Okoro": {"gender": "female"}}))
    one = "James Okoro ran the farm for years. Ms. Okoro said the rains came late."
    save_record(conn, hand_record("b" * 16, one, [("James Okoro", P), ("Okoro", P)],
                              attributes={"Okoro": {"gender": "female"}}))
    link = identity_links(conn)
    assert link[("a", "Okoro")] == link[("a", "Helen Okoro")]
    assert link[("b", "Okoro")] != link[("b", "James Okoro")]  # the report's only Okoro is a man: not him


def test_a_lone_surname_is_the_one_bearer_named_before_it(tmp_path):
    conn = connect(tmp_path / "s.db")
    first = ("Dario Brennan opened the bakery in March. Brennan said sales doubled. In May his brother Luca "
             "Brennan joined him.")
    save_record(conn, hand_record("a" * 16, first, [("Dario Brennan", P), ("Brennan", P), ("Luca Brennan", P)]))
    after_both = "Dario Brennan and Luca Brennan opened the bakery. Brennan said sales doubled."
    save_record(conn, hand_record("b" * 16, after_both, [("Dario Brennan", P), ("Luca Brennan", P), ("Brennan", P)]))
    link = identity_links(conn)
    assert link[("a", "Brennan")] == link[("a", "Dario Brennan")] != link[("a", "Luca Brennan")]
    assert link[("b", "Brennan")] not in {link[("b", "Dario Brennan")], link[("b", "Luca Brennan")]}


def test_a_name_read_as_an_organisation_keeps_no_place_of_its_own(tmp_path):
    conn = connect(tmp_path / "s.db")
    town = {"name": "White House", "lat": 31.5, "lon": -7.9, "geonameid": 9990001, "country": "MA", "kind": "city"}
    save_record(conn, hand_record("a" * 16, "The White House said the talks would go on.", [("White House", "ORG")]))
    save_record(conn, hand_record("b" * 16, "A spokesman at the White House denied it.", [("White House", "GPE")],
                              geo={"White House": town}))
    link = identity_links(conn)
    identity = link[("b", "White House")]
    kind, profile = conn.execute("SELECT kind, profile FROM identities WHERE id = ?", (identity,)).fetchone()
    assert kind == "org" and identity == link[("a", "White House")]
    assert "place" not in json.loads(profile)
    keys = [k for (k,) in conn.execute("SELECT key FROM identity_keys WHERE identity_id = ?", (identity,))]
    assert not [k for k in keys if k.startswith("g:id:")]


def test_identity_invariants_flag_mixed_countries_and_people_with_places():
    from evaluation.identity_invariants import Member, breaches

    members = [
        Member("I1", "place", "Korea", "GPE", "KP"), Member("I1", "place", "Korea", "GPE", "KR"),
        Member("I2", "place", "Lisbon", "GPE", "PT"), Member("I2", "place", "Lisboa", "GPE", "PT"),
        Member("I3", "person", "Obama", "GPE", "JP", profile_places=1),
        Member("I4", "person", "Varela", "GPE", None), Member("I4", "person", "Tomas Varela", "PERSON", None),
        Member("I5", "place", "Dario", "PERSON", None), Member("I5", "place", "Dario", "GPE", "IT"),
    ]
    found = {(b.identity, b.rule) for b in breaches(members)}
    assert found == {("I1", "countries"), ("I3", "person+place"), ("I5", "person+place")}
