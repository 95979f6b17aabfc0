"""`newsintel export stix`: a valid STIX 2.1 bundle (stix2-validator, stix2), TLP 2.0 markings on every object,
nothing from a document above --tlp-max (not a name, title, fact or reference), the same ids on every export."""

import json
import re

import pytest

from newsintel.store import connect, save_record
from newsintel.store.sharing import Handling

# Our own short reports. Names, places and titles that only the red or the amber report has must never leave at
# green; Jaan Tamm is named in the clear report too, so he may.
REPORTS = [
    ("clear", "Harbour Gazette", "Tallinn arrest after harbour robbery",
     "Jaan Tamm was arrested in Tallinn on Monday after a robbery near the harbour, officers said. "
     "Tamm travelled from Tallinn to Helsinki last week, according to the police.\n"),
    ("clear", "Coast Radio", "Suspect held in Tallinn",
     "Jaan Tamm was arrested in Tallinn on Monday, police said. He had travelled from Tallinn to Helsinki.\n"),
    ("amber", "Liaison desk", "Amber note on Vilmsaar",
     "Oskar Vilmsaar travelled from Riga to Vilnius on Friday, the liaison officer said. "
     "Vilmsaar is a member of the Blackwater Reef Crew.\n"),
    ("red", "Source Nightjar", "Red channel: Saarepera",
     "Jaan Tamm was arrested in Tallinn on Monday. Kuldar Saarepera met Tamm in Tartu on Saturday. "
     "Saarepera crossed into Pskov by car.\n"),
]
SECRETS = ["Vilmsaar", "Blackwater", "Reef Crew", "Riga", "Vilnius", "Amber note", "Liaison", "Saarepera",
           "Kuldar", "Tartu", "Pskov", "Nightjar", "Red channel"]


def annotated_reports() -> list:
    """REPORTS cleaned and annotated as ingest would (shared with the import tests)."""
    from newsintel.annotate import annotate
    from newsintel.clean import clean
    from newsintel.model import RawDocument

    raws = [clean(RawDocument(f"r{i}.txt", "txt", f"h{i}", text=text, title=title, source=publisher,
                              published=f"2025-05-0{i + 1}", url=f"https://example.org/r{i}"))
            for i, (_tlp, publisher, title, text) in enumerate(REPORTS)]
    return list(annotate(raws))


@pytest.fixture(scope="module")
def records():
    return annotated_reports()


def fill(conn, records) -> None:
    for (tlp, publisher, _title, _text), record in zip(REPORTS, records, strict=True):
        save_record(conn, record, record.document.raw_hash, Handling(tlp=tlp, source=publisher))


@pytest.fixture(scope="module")
def store(tmp_path_factory, records):
    path = tmp_path_factory.mktemp("stix") / "s.db"
    conn = connect(path)
    fill(conn, records)
    conn.close()
    return path


def export(store, tmp_path, *options: str) -> str:
    from newsintel.cli.main import main

    out = tmp_path / "bundle.json"
    assert main(["export", "stix", "--out", str(out), "--db", str(store), *options]) == 0
    return out.read_text(encoding="utf-8")


def validate(text: str) -> tuple[list[str], list[str]]:
    """stix2-validator's errors and warnings: its bundled STIX 2.1 JSON schemas and its own MUST and SHOULD checks
    (3.2.0 is pinned: the 3.3.1 wheel ships without the schemas, oasis-open/cti-stix-validator#248)."""
    from stix2validator import ValidationOptions, validate_string

    result = validate_string(text, ValidationOptions(version="2.1", strict=False)).as_dict()
    return ([e["message"] for e in result.get("errors") or []],
            [w["message"] for w in result.get("warnings") or []])


STIX_ID = re.compile(r"[a-z][a-z0-9-]*--[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")


def refs_of(obj) -> set[str]:
    """Every STIX id an object names anywhere (its own id, and extension keys, left out)."""
    text = json.dumps({k: v for k, v in obj.items() if k != "id"} | {"extensions": list(
        (obj.get("extensions") or {}).values())})
    return set(STIX_ID.findall(text))


def test_the_bundle_is_valid_stix_and_parses_back(store, tmp_path) -> None:
    import stix2

    text = export(store, tmp_path, "--tlp-max", "red")
    errors, warnings = validate(text)
    print("validator warnings:", warnings)
    assert errors == []
    bundle = stix2.parse(text, allow_custom=False)
    types = {o.type for o in bundle.objects}
    assert {"identity", "location", "sighting", "note", "report", "marking-definition",
            "extension-definition"} <= types
    data = json.loads(text)
    ids = {o["id"] for o in data["objects"]}
    for obj in data["objects"]:
        if obj["type"] != "marking-definition":
            assert len(obj["object_marking_refs"]) == 1, obj["id"]
        assert refs_of(obj) <= ids, obj["id"]
    reports = {o["name"]: o for o in data["objects"] if o["type"] == "report"}
    assert reports["Tallinn arrest after harbour robbery"]["external_references"][0]["url"] == "https://example.org/r0"
    sightings = [o for o in data["objects"] if o["type"] == "sighting"]
    assert all(1 <= next(iter(o["extensions"].values()))["credibility"] <= 6 for o in sightings)


def test_nothing_above_tlp_max_leaves(store, tmp_path) -> None:
    text = export(store, tmp_path, "--tlp-max", "green")
    leaked = [s for s in SECRETS if s.lower() in text.lower()]
    assert leaked == []
    assert "Jaan Tamm" in text and "Tallinn" in text  # the clear reports are there
    marks = {m["name"] for m in json.loads(text)["objects"] if m["type"] == "marking-definition"}
    assert marks == {"TLP:CLEAR"}
    everything = export(store, tmp_path, "--tlp-max", "red")
    assert all(s.lower() in everything.lower() for s in ("Vilmsaar", "Saarepera", "Red channel"))


def arrest_grades(text: str) -> set[int]:
    return {ext["credibility"] for o in json.loads(text)["objects"] if o["type"] == "sighting"
            for ext in o["extensions"].values() if ext["event_type"] == "ARREST"}


def test_corroboration_counts_only_what_may_leave(store, tmp_path) -> None:
    """Two clear publishers report the arrest: probably true (2). The red source confirms it too, which makes it
    confirmed (1) only in an export that may hold the red report."""
    assert arrest_grades(export(store, tmp_path, "--tlp-max", "clear")) == {2}
    assert arrest_grades(export(store, tmp_path, "--tlp-max", "red")) == {1}


def test_same_store_same_ids(store, tmp_path) -> None:
    first = export(store, tmp_path, "--tlp-max", "amber")
    second = export(store, tmp_path, "--tlp-max", "amber")
    assert first == second
    assert [o["id"] for o in json.loads(first)["objects"]] == [o["id"] for o in json.loads(second)["objects"]]


def test_postgresql_exports_the_same_objects(store, records, postgres_db) -> None:
    from newsintel.exports.stix import Selection, StixExporter

    def objects(conn) -> list[tuple[str, str]]:
        exporter = StixExporter(conn, Selection(tlp_max="amber"))
        return sorted((o["id"], o.get("name") or o.get("content") or "") for o in exporter.bundle()["objects"])

    db = connect(postgres_db)
    fill(db, records)
    assert objects(db) == objects(connect(store, readonly=True))
    db.close()


def test_a_node_is_named_as_the_store_names_it_when_the_exported_reports_do() -> None:
    """A person named "Driton Haliti" as often as by his nom de guerre keeps the store's name, so a partner's
    profile finds him under it; a stored name that only a withheld report gives is never used."""
    from collections import Counter

    from newsintel.exports.stix_objects import Node

    both = Node(kind="person", stored="Driton Haliti", names=Counter({"Abu Hamza al-Kosovi": 3, "Driton Haliti": 3}))
    assert both.name() == "Driton Haliti"
    withheld = Node(kind="person", stored="Kuldar Saarepera", names=Counter({"K. S.": 1, "the driver": 2}))
    assert withheld.name() == "the driver"
    place = Node(kind="place", stored="Tallinn, Estonia", names=Counter({"Tallinn": 1, "Reval": 1}))
    assert place.name() == "Tallinn"


def test_no_empty_list_or_null_reaches_the_bundle() -> None:
    """STIX 2.1 forbids both (stix2-validator: "empty arrays are not allowed", as a relationship with no roles
    once gave)."""
    from newsintel.exports.stix_objects import without_nulls

    assert without_nulls({"roles": [], "role": None, "ext": {"roles": [], "relations": ["member"]}}) == {
        "ext": {"relations": ["member"]}}


def test_out_dash_writes_the_bundle_to_standard_output(store, tmp_path, capsys, monkeypatch) -> None:
    from newsintel.cli.main import main

    monkeypatch.chdir(tmp_path)
    capsys.readouterr()
    assert main(["export", "stix", "--out", "-", "--db", str(store), "--tlp-max", "amber"]) == 0
    streamed = capsys.readouterr().out
    assert json.loads(streamed)["type"] == "bundle"
    assert streamed == export(store, tmp_path, "--tlp-max", "amber")
    assert not (tmp_path / "-").exists()
