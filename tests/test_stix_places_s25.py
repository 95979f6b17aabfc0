"""Issue 14 round trip, session 25: places in what our export sends. A place the report makes an actor is a sighting
of the location, a relation may end at a place, and a place no gazetteer entry stands for goes as words at its
position; our import reads all three back, and only from objects our extension describes. Invented names only."""

import json

import pytest

from newsintel.cli.main import main
from newsintel.store import connect, save_record
from newsintel.store.sharing import Handling
from tests.test_stix import validate

REPORTS = [
    ("Lakeside Post", "Kivi handed over", "Estonia handed Marten Kivi over to Finland on Monday, officials said.\n"),
    ("Lakeside Post", "Kivi's journey",
     "Marten Kivi travelled from the Valgeranna camp in Estonia to Helsinki on Monday, police said.\n"),
    ("Bay Courier", "Talks to resume",
     "Kaarel Mets, a spokesman for Estonia, said the talks would resume. Mets spoke in Tallinn on Friday.\n"),
]


@pytest.fixture(scope="module")
def stores(tmp_path_factory) -> tuple[str, str, dict]:
    """Store A from REPORTS; its bundle with every fact (threshold 0, so the test does not hang on a score);
    store B the bundle imported."""
    from newsintel.annotate import annotate
    from newsintel.clean import clean
    from newsintel.exports.stix import Selection, StixExporter
    from newsintel.model import RawDocument

    work = tmp_path_factory.mktemp("places")
    raws = [clean(RawDocument(f"q{i}.txt", "txt", f"qh{i}", text=text, title=title, source=publisher,
                              published=f"2025-07-0{i + 1}")) for i, (publisher, title, text) in enumerate(REPORTS)]
    a, b = str(work / "a.db"), str(work / "b.db")
    conn = connect(a)
    for (publisher, _title, _text), record in zip(REPORTS, annotate(raws), strict=True):
        save_record(conn, record, record.document.raw_hash, Handling(tlp="clear", source=publisher))
    exporter = StixExporter(conn, Selection(tlp_max="red"))
    exporter.min_confidence = 0.0
    text = exporter.bundle_json()
    conn.close()
    (work / "bundle.json").write_text(text, encoding="utf-8")
    assert main(["import", str(work / "bundle.json"), "--db", b, "--source", "Bay Partner"]) == 0
    return a, b, json.loads(text)


def profile(capsys, db: str, name: str) -> dict:
    capsys.readouterr()
    assert main(["profile", name, "--db", db, "--json", "--min-confidence", "0"]) == 0
    return json.loads(capsys.readouterr()[0])


def lines(p: dict) -> list[str]:
    where = [[w["place"], w["event"], w["status"], w["date"], w["credibility"]] for w in p["where"]]
    heading = [[f["type"], [a.get("name") or a.get("text") for a in f["origin"]],
                [a.get("name") or a.get("text") for a in f["destination"]], f["credibility"]] for f in p["heading"]]
    relations = [[r["type"], r.get("name") or r["other"]["name"], r.get("role"), r.get("credibility")]
                 for r in p["associates"] if r["kind"] == "relation"]
    return sorted(json.dumps(x) for x in where + heading + relations)


def test_the_bundle_with_places_taking_part_is_valid(stores) -> None:
    _a, _b, bundle = stores
    errors, _warnings = validate(json.dumps(bundle))
    assert errors == []
    objects = bundle["objects"]
    assert any(o["type"] == "sighting" and o["sighting_of_ref"].startswith("location--") for o in objects)
    assert any(o["type"] == "relationship" and o["target_ref"].startswith("location--") for o in objects)
    unplaced = [u for o in objects if o["type"] == "sighting" for ext in o["extensions"].values()
                for u in ext.get("unplaced") or []]
    assert {"role": "origin", "text": "Valgeranna camp", "at": 0} in unplaced


@pytest.mark.parametrize("name", ["Estonia", "Marten Kivi", "Kaarel Mets"])
def test_places_taking_part_come_back_the_same(stores, capsys, name) -> None:
    a, b, _bundle = stores
    in_a, in_b = profile(capsys, a, name), profile(capsys, b, name)
    assert lines(in_a), name  # something to compare
    assert lines(in_b) == lines(in_a), name


def test_another_partners_sighting_of_a_place_stays_refused(tmp_path, capsys) -> None:
    """Without our extension a sighting of a location says nothing about who was where: skipped, as before."""
    import stix2

    town = stix2.Location(name="Narva", latitude=59.3772, longitude=28.1903, country="EE")
    river = stix2.Location(name="Tartu", latitude=58.3806, longitude=26.7251, country="EE")
    seen = stix2.Sighting(sighting_of_ref=town.id, where_sighted_refs=[river.id], confidence=70)
    path = tmp_path / "foreign.json"
    path.write_text(stix2.Bundle(town, river, seen).serialize(), encoding="utf-8")
    capsys.readouterr()
    assert main(["import", str(path), "--db", str(tmp_path / "f.db"), "--json", "--source", "Far Partner"]) == 0
    summary = json.loads(capsys.readouterr()[0])
    assert summary["documents"] == 0
    assert any("wrong kind" in reason for reason in summary["skipped"])


def test_a_location_carries_its_geonames_id(stores) -> None:
    a, _b, bundle = stores
    conn = connect(a, readonly=True)
    helsinki = {r[0] for r in conn.execute("SELECT geonameid FROM entities WHERE name = 'Helsinki'")}
    conn.close()
    assert len(helsinki) == 1 and None not in helsinki
    refs = [o.get("external_references") for o in bundle["objects"]
            if o["type"] == "location" and o["name"] == "Helsinki"]
    assert refs == [[{"source_name": "geonames", "external_id": str(helsinki.pop())}]]


def given_id_bundle(path, geonameid: int) -> None:
    """A partner's location whose name no gazetteer entry has, at Tallinn's point, with a GeoNames id."""
    import stix2

    place = stix2.Location(name="Kalda Yard", latitude=59.437, longitude=24.7536, country="EE",
                           external_references=[{"source_name": "GeoNames", "external_id": str(geonameid)}])
    man = stix2.Identity(name="Rasmus Ilves", identity_class="individual")
    seen = stix2.Sighting(sighting_of_ref=man.id, where_sighted_refs=[place.id], confidence=70)
    path.write_text(stix2.Bundle(place, man, seen).serialize(), encoding="utf-8")


def test_the_import_takes_a_partners_geonames_id_only_where_the_gazetteer_has_it(tmp_path) -> None:
    from newsintel.nlp.gazetteer import load_gazetteer

    def stored_id(geonameid: int) -> int | None:
        db = tmp_path / f"{geonameid}.db"
        given_id_bundle(tmp_path / "given.json", geonameid)
        assert main(["import", str(tmp_path / "given.json"), "--db", str(db), "--source", "Yard Partner"]) == 0
        conn = connect(db, readonly=True)
        row = conn.execute("SELECT geonameid FROM entities WHERE name = 'Kalda Yard'").fetchone()
        conn.close()
        return row[0]

    tallinn = next(p for p in load_gazetteer().lookup("Tallinn") if p.country == "EE")
    helsinki = next(p for p in load_gazetteer().lookup("Helsinki") if p.country == "FI")
    assert stored_id(tallinn.geonameid) == tallinn.geonameid  # the given id, at the partner's point
    assert stored_id(helsinki.geonameid) is None  # another country, 80 km off: not that place
