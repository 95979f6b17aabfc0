"""`newsintel import`: a partner's STIX 2.1 bundle into the store, on both backends. The round trip of issue 14
(export from store A, import into an empty store B: the same where / heading / associates with their grades, the
partner as source), a bundle made by hand with `stix2`, resolution against what the store holds, re-import."""

import json

import pytest

from newsintel.cli.main import main
from newsintel.store import connect, save_record
from newsintel.store.sharing import Handling
from tests.test_stix import REPORTS, annotated_reports  # our own short reports: clear, amber and red

PARTNER = "Partner North"


@pytest.fixture(scope="module")
def records():
    return annotated_reports()


def fill(db: str, records) -> None:
    conn = connect(db)
    for (tlp, publisher, _title, _text), record in zip(REPORTS, records, strict=True):
        save_record(conn, record, record.document.raw_hash, Handling(tlp=tlp, source=publisher))
    conn.close()


@pytest.fixture(scope="module")
def store_a(tmp_path_factory, records):
    path = str(tmp_path_factory.mktemp("a") / "a.db")
    fill(path, records)
    return path


@pytest.fixture(scope="module")
def bundle(store_a, tmp_path_factory):
    out = tmp_path_factory.mktemp("bundle") / "bundle.json"
    assert main(["export", "stix", "--out", str(out), "--db", store_a, "--tlp-max", "red"]) == 0
    return out


def run(capsys, *argv: str) -> tuple[int, str, str]:
    capsys.readouterr()
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def profile(capsys, db: str, name: str) -> dict:
    code, out, _err = run(capsys, "profile", name, "--db", db, "--json")
    assert code == 0
    return json.loads(out)


def where_lines(p: dict) -> list[str]:
    return sorted(json.dumps([w["place"], w["date"], w["event"], w["status"], w["said_by"], w["source"]["title"],
                              w["source"]["publisher"], w["tlp"], w["source_reliability"], w["credibility"]])
                  for w in p["where"])


def heading_lines(p: dict) -> list[str]:
    return sorted(json.dumps([f["type"], f["trigger"], f["status"], f["date"], [a["name"] for a in f["origin"]],
                              [a["name"] for a in f["destination"]], f["source"]["title"], f["tlp"],
                              f["source_reliability"], f["credibility"]]) for f in p["heading"])


def associate_lines(p: dict) -> list[str]:
    return sorted(json.dumps([a["kind"], a.get("type"), a.get("name") or a["other"]["name"], a.get("role"),
                              a.get("tlp"), a.get("credibility")]) for a in p["associates"])


def summary(capsys, db: str, path, *options: str) -> dict:
    code, out, err = run(capsys, "import", str(path), "--db", db, "--json", *options)
    assert code == 0, err
    return json.loads(out)


def test_round_trip_export_import_gives_the_same_profile(store_a, bundle, store_db, capsys) -> None:
    result = summary(capsys, store_db, bundle, "--source", PARTNER)
    assert result["partner"] == PARTNER and result["documents"] == 4 and result["new"] == 4
    for name in ("Jaan Tamm", "Kuldar Saarepera", "Oskar Vilmsaar"):
        a, b = profile(capsys, store_a, name), profile(capsys, store_db, name)
        assert a["where"] or a["heading"] or a["associates"], name  # something to compare
        assert where_lines(b) == where_lines(a), name
        assert heading_lines(b) == heading_lines(a), name
        assert associate_lines(b) == associate_lines(a), name
        sourced = [w["source"] for w in b["where"]] + [f["source"] for f in b["heading"]] + \
            [r["source"] for r in b["associates"] if r["kind"] == "relation"]
        assert sourced and all(s["reported_by"]["partner"] == PARTNER for s in sourced), name
    code, out, _err = run(capsys, "profile", "Jaan Tamm", "--db", store_db)
    assert code == 0 and f"partner {PARTNER} reports: Suspect held in Tallinn" in " ".join(out.split())
    code, out, _err = run(capsys, "sources", "--db", store_db, "--json")
    rows = {r["name"]: r for r in json.loads(out)}
    assert rows[PARTNER]["by_tlp"] == {"clear": 2, "amber": 1, "red": 1}  # each report's own marking


def test_reimporting_the_same_bundle_adds_nothing_and_an_update_replaces(bundle, store_db, tmp_path,
                                                                         capsys) -> None:
    first = summary(capsys, store_db, bundle, "--source", PARTNER)
    conn = connect(store_db)
    counts = {t: conn.execute(f"SELECT count(*) FROM {t}").fetchone()[0]
              for t in ("documents", "events", "claims", "relations", "identities", "entities", "partner_objects")}
    conn.close()
    again = summary(capsys, store_db, bundle, "--source", PARTNER)
    assert (first["new"], first["updated"], first["unchanged"]) == (4, 0, 0)
    assert (again["new"], again["updated"], again["unchanged"]) == (0, 0, 4)
    # the partner corrects a report's title and drops one of its sightings: that document is replaced
    data = json.loads(bundle.read_text(encoding="utf-8"))
    report = next(o for o in data["objects"] if o["type"] == "report" and o["name"] == "Suspect held in Tallinn")
    report["name"] = "Suspect held in Tallinn (corrected)"
    dropped = next(r for r in report["object_refs"] if r.startswith("sighting--"))
    report["object_refs"].remove(dropped)
    data["objects"] = [o for o in data["objects"] if o["id"] != dropped]
    update = tmp_path / "update.json"
    update.write_text(json.dumps(data), encoding="utf-8")
    third = summary(capsys, store_db, update, "--source", PARTNER)
    assert (third["new"], third["updated"], third["unchanged"]) == (0, 1, 3)
    conn = connect(store_db)
    after = {t: conn.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in counts}
    titles = {r[0] for r in conn.execute("SELECT title FROM documents")}
    conn.close()
    assert after == {**counts, "events": counts["events"] - 1, "partner_objects": counts["partner_objects"] - 1}
    assert "Suspect held in Tallinn (corrected)" in titles and "Suspect held in Tallinn" not in titles
    code, _out, _err = run(capsys, "check", "--db", store_db)
    assert code == 0


def hand_made_bundle(path, person: str = "Jaan Tamm", marked: bool = True) -> None:
    """A partner's bundle made with stix2 by hand: a person, a group, a place, a sighting and a membership."""
    import stix2

    marks = {"object_marking_refs": [stix2.TLP_GREEN]} if marked else {}
    crew = stix2.ThreatActor(name="Harbour Rats", threat_actor_types=["criminal"], **marks)
    man = stix2.Identity(name=person, identity_class="individual", **marks)
    place = stix2.Location(name="Narva", latitude=59.3772, longitude=28.1903, country="EE", **marks)
    seen = stix2.Sighting(sighting_of_ref=man.id, where_sighted_refs=[place.id], confidence=70,
                          first_seen="2025-06-03T00:00:00Z", last_seen="2025-06-03T23:00:00Z", **marks)
    member = stix2.Relationship(man, "member-of", crew, confidence=70)  # unmarked
    path.write_text(stix2.Bundle(crew, man, place, seen, member).serialize(), encoding="utf-8")


def test_a_hand_made_bundle_imports_and_resolves_against_the_store(records, store_db, tmp_path, capsys) -> None:
    fill(store_db, records)
    before = profile(capsys, store_db, "Jaan Tamm")
    path = tmp_path / "hand.json"
    hand_made_bundle(path)
    result = summary(capsys, store_db, path, "--source", "Coastguard East")
    assert result["skipped"] == {} and result["documents"] == 2  # the sighting and the membership
    after = profile(capsys, store_db, "Jaan Tamm")
    assert after["who"]["id"] == before["who"]["id"]  # the same identity: same name, same type
    assert after["who"]["documents"] == before["who"]["documents"] + 2
    narva = [w for w in after["where"] if w["place"].startswith("Narva")]
    assert len(narva) == 1
    line = narva[0]
    assert (line["event"], line["status"], line["date"], line["tlp"], line["credibility"]) == \
        ("SIGHTED", "done", "2025-06-03", "green", 2)  # confidence 70 -> credibility 2 (credibility.yaml)
    assert line["source"]["reported_by"]["partner"] == "Coastguard East"
    assert line["geo"]["geonameid"]  # the partner's point found in the gazetteer
    crew = [a for a in after["associates"] if a["kind"] == "relation" and a["type"] == "MEMBER"]
    assert [a["other"]["name"] for a in crew] == ["Harbour Rats"]
    assert crew[0]["tlp"] == "amber"  # the unmarked relationship: amber, as nothing else was said


def test_unmarked_objects_take_tlp_option_then_registered_tlp_then_amber(tmp_path, capsys) -> None:
    path = tmp_path / "unmarked.json"
    hand_made_bundle(path, "Ivo Saar", marked=False)
    for options, registered, expected in (((), None, "amber"), (("--tlp", "green"), None, "green"),
                                          ((), "red", "red")):
        db = str(tmp_path / f"s-{expected}.db")
        if registered:
            assert run(capsys, "sources", "set", "Coastguard East", "--tlp", registered, "--db", db)[0] == 0
        result = summary(capsys, db, path, "--source", "Coastguard East", *options)
        assert result["unmarked_tlp"] == expected
        _code, out, _err = run(capsys, "sources", "--db", db, "--json")
        rows = {r["name"]: r for r in json.loads(out)}
        assert rows["Coastguard East"]["by_tlp"] == {expected: 2}


def test_tlp_option_never_relaxes_a_marking(tmp_path, capsys) -> None:
    path = tmp_path / "green.json"
    hand_made_bundle(path, "Ivo Saar")
    db = str(tmp_path / "s.db")
    summary(capsys, db, path, "--source", "Coastguard East", "--tlp", "clear")
    _code, out, _err = run(capsys, "sources", "--db", db, "--json")
    by_tlp = {r["name"]: r for r in json.loads(out)}["Coastguard East"]["by_tlp"]
    # the marked sighting stays green; the unmarked membership names green-marked people, so it is green too
    assert by_tlp == {"green": 2}
