"""Issue 14 round trip, session 27: what the export used to leave out comes back the same in a partner's store.
A relation's end a report describes instead of naming ("spokesman for the police", "father of a student") travels
as an identity our extension marks `described` and comes back as words, never as a named person or group; a
movement whose only place no location stands for travels as a sighting with no location; a movement the report tells
as under way ("was flying to") keeps the words before its trigger, so the partner's store does not place the mover at
a destination not reached. Invented names only."""

import json

import pytest
from helpers import export_stix, handled_store

from benchmarks.round_trip import ITSELF, UNPLACED, compare, profiles
from newsintel.cli.main import main
from newsintel.store import connect
from tests.test_stix import validate

REPORTS = [
    ("clear", "Lakeside Post", "Checkpoint closed",
     "Police spokesman Jaan Tamm said the checkpoint was closed on Monday. Tamm told reporters that the lorry "
     "driver had been detained.\n"),
    ("clear", "Lakeside Post", "Kivi heads south",
     "Marten Kivi crossed into Idlib province on 3 June 2025, his brother told the Lakeside Post. Kivi had flown "
     "to Gaziantep in May.\n"),
    ("clear", "Lakeside Post", "Father of a student",
     "Toomas Saar, the father of a student held in Tartu, said he had not seen his son since May.\n"),
    ("clear", "Lakeside Post", "Kask on his way", "Rein Kask was flying to Riga on Friday, his lawyer said.\n"),
    ("amber", "Harbour desk", "Amber: Lind",
     "Police spokeswoman Oskari Lind said the ferry was searched on Sunday.\n"),
]
WITHHELD = ["Oskari", "Lind", "Harbour desk", "Amber: Lind", "ferry"]


@pytest.fixture(scope="module")
def store_a(tmp_path_factory) -> str:
    return handled_store(tmp_path_factory.mktemp("described") / "a.db", REPORTS, "d")


export = export_stix


def described(objects: list[dict]) -> list[dict]:
    return [o for o in objects if o["type"] == "identity"
            and any(e.get("described") for e in (o.get("extensions") or {}).values())]


def test_described_ends_go_out_valid_as_described_identities(store_a, tmp_path) -> None:
    text = export(store_a, tmp_path / "b.json", "red")
    assert validate(text) == ([], [])
    objects = json.loads(text)["objects"]
    ends = described(objects)
    assert sorted(o["name"] for o in ends) == ["Police", "Police", "student"]  # one per person: not one police
    assert {o["identity_class"] for o in ends} == {"unspecified"}
    refs = {o["id"] for o in ends}
    named = {o["id"] for o in objects if o["type"] == "identity" and o.get("identity_class") == "individual"}
    links = [o for o in objects if o["type"] == "relationship" and o["target_ref"] in refs]
    assert len(links) == 3 and all(o["source_ref"] in named for o in links)
    assert export(store_a, tmp_path / "again.json", "red") == text  # ids and order stay deterministic


def test_the_round_trip_leaves_no_difference_unexplained(store_a, tmp_path) -> None:
    export(store_a, tmp_path / "b.json", "red")
    assert main(["import", str(tmp_path / "b.json"), "--db", str(tmp_path / "b.db"), "--source", "North"]) == 0
    a, b = profiles(store_a), profiles(str(tmp_path / "b.db"))
    result = compare(a, b)
    assert [d for d in result["differences"] if not d["cause"]] == []
    tamm = next(p for p in b if p["name"] == "Jaan Tamm")
    assert any('"Police", "spokesman"' in line for line in tamm["associates"])
    kivi = next(p for p in b if p["name"] == "Marten Kivi")
    assert any('["Idlib province"]' in line for line in kivi["heading"])  # the words, with no location
    kask = [next(p for p in rows if p["name"] == "Rein Kask") for rows in (a, b)]
    assert all(any("Riga" in line for line in k["heading"]) for k in kask)  # the movement travels
    assert not any("Riga" in line for k in kask for line in k["where"])  # under way: nobody puts him there
    conn = connect(str(tmp_path / "b.db"))
    try:  # a description never becomes a person or group of the partner's store
        assert conn.execute("SELECT name FROM identities WHERE lower(name) IN ('police', 'student')").fetchall() == []
        ends = [json.loads(r[0])["object"] for r in conn.execute("SELECT data FROM relations").fetchall()]
        assert {(e["text"], e["entity"]) for e in ends} == {("Police", None), ("student", None)}
    finally:
        conn.close()


def test_without_our_extension_a_description_or_a_placeless_sighting_means_nothing(store_a, tmp_path) -> None:
    bundle = json.loads(export(store_a, tmp_path / "b.json", "red"))
    for obj in bundle["objects"]:
        if obj["type"] in ("identity", "relationship", "sighting"):
            obj.pop("extensions", None)
    (tmp_path / "theirs.json").write_text(json.dumps(bundle), encoding="utf-8")
    assert main(["import", str(tmp_path / "theirs.json"), "--db", str(tmp_path / "t.db"), "--source", "South"]) == 0
    conn = connect(str(tmp_path / "t.db"))
    try:
        assert conn.execute("SELECT count(*) FROM relations").fetchone()[0] == 0  # its ends are no person or group
        assert conn.execute("SELECT count(*) FROM events WHERE type = 'CROSS_BORDER'").fetchone()[0] == 0
        assert conn.execute("SELECT name FROM identities WHERE lower(name) IN ('police', 'student')").fetchall() == []
    finally:
        conn.close()


def test_a_withheld_report_sends_no_description(store_a, tmp_path) -> None:
    text = export(store_a, tmp_path / "g.json", "green")
    assert [s for s in WITHHELD if s.lower() in text.lower()] == []
    assert sorted(o["name"] for o in described(json.loads(text)["objects"])) == ["Police", "student"]
    assert validate(text)[0] == []


def _row(name: str, kind_type: str, ident: str, lines: list[str], unplaced: bool = False,
         itself: list[str] | None = None) -> dict:
    return {"id": ident, "name": name, "type": kind_type, "unplaced": unplaced, "itself": itself or [],
            "where": [], "heading": [], "associates": lines}


def test_the_measure_pairs_same_types_first_and_names_documented_causes() -> None:
    a = [_row("Norrby", "GPE", "A1", ["x"], unplaced=True), _row("Norrby", "PERSON", "A2", ["y"]),
         _row("Ann Berg", "PERSON", "A3", ["z", "self"], itself=["self"]), _row("Ivo Kask", "PERSON", "A4", ["w"])]
    b = [_row("Norrby", "PERSON", "B2", ["y"]), _row("Ann Berg", "PERSON", "B3", ["z"]),
         _row("Ivo Kask", "PERSON", "B4", ["v"])]
    result = compare(a, b)  # the GPE comes first, yet the PERSON of B is the PERSON's
    assert result["counts"]["associates"] == {"identities": 4, "equal": 1}
    causes = {d["a"]: d["cause"] for d in result["differences"]}
    assert causes == {"A1": UNPLACED, "A3": ITSELF, "A4": None}
