"""`newsintel import` of bad partner input: a one-line error with nothing stored, or a counted skip; never a
half-imported bundle (one transaction, on both backends)."""

import json
import uuid

import pytest

from newsintel.cli.main import main
from newsintel.store import connect

NOW = "2025-06-01T00:00:00.000Z"
GREEN = "marking-definition--bab4a63c-aed9-4cf5-a766-dfca5abac2bb"


def sid(kind: str) -> str:
    return f"{kind}--{uuid.uuid4()}"


def obj(kind: str, **fields) -> dict:
    return {"type": kind, "spec_version": "2.1", "id": sid(kind), "created": NOW, "modified": NOW,
            "object_marking_refs": [GREEN], **fields}


def person(name: str) -> dict:
    return obj("identity", name=name, identity_class="individual")


def place(name: str, lat: float, lon: float, country: str) -> dict:
    return obj("location", name=name, latitude=lat, longitude=lon, country=country)


def sighting(who: dict, where: dict) -> dict:
    return obj("sighting", sighting_of_ref=who["id"], where_sighted_refs=[where["id"]], confidence=50,
               first_seen="2025-05-30T00:00:00.000Z")


def write(tmp_path, objects: list, name: str = "b.json", **bundle) -> str:
    path = tmp_path / name
    path.write_text(json.dumps({"type": "bundle", "id": sid("bundle"), "objects": objects, **bundle}),
                    encoding="utf-8")
    return str(path)


def run(capsys, *argv: str) -> tuple[int, str, str]:
    capsys.readouterr()
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def refused(capsys, tmp_path, path: str, *options: str) -> str:
    db = tmp_path / "refused.db"
    code, out, err = run(capsys, "import", path, "--db", str(db), *options)
    assert code == 1 and out == "" and len(err.strip().splitlines()) == 1, err
    assert not db.exists()  # refused before the store was opened
    return err.strip()


def test_malformed_json_is_one_line_naming_the_file(tmp_path, capsys) -> None:
    path = tmp_path / "broken.json"
    path.write_text('{"type": "bundle", "objects": [{"type": "identity",', encoding="utf-8")
    line = refused(capsys, tmp_path, str(path))
    assert line.startswith("error: ") and "broken.json" in line and "not JSON" in line


def test_json_that_is_no_bundle_is_refused(tmp_path, capsys) -> None:
    path = tmp_path / "list.json"
    path.write_text("[1, 2]", encoding="utf-8")
    assert "not a STIX bundle" in refused(capsys, tmp_path, str(path))


def test_a_stix_20_bundle_is_refused(tmp_path, capsys) -> None:
    old = [{k: v for k, v in person("Ivo Saar").items() if k != "spec_version"}]
    line = refused(capsys, tmp_path, write(tmp_path, old, spec_version="2.0"))
    assert "STIX 2.0 bundle" in line and "2.1" in line
    # no spec_version on the bundle, none on the objects either: still STIX 2.0
    line = refused(capsys, tmp_path, write(tmp_path, old, name="c.json"))
    assert "no STIX 2.1 object" in line


def test_a_bundle_over_the_size_bound_is_refused_before_it_is_read(tmp_path, capsys) -> None:
    path = tmp_path / "huge.json"
    with open(path, "wb") as f:  # 100 MB of nothing (sparse): refused by its size alone, never parsed
        f.truncate(100 * 1024 * 1024)
    line = refused(capsys, tmp_path, str(path))
    assert "huge.json" in line and "104,857,600 bytes" in line and "94,371,840-byte limit" in line
    small = write(tmp_path, [person("Ivo Saar")])
    assert "limit" in refused(capsys, tmp_path, small, "--max-bytes", "100")
    ours = tmp_path / "ours.json"  # the size of our own 10k-document export (81 MB): read, not refused by size
    with open(ours, "wb") as f:
        f.truncate(85 * 1000 * 1000)
    line = refused(capsys, tmp_path, str(ours))
    assert "ours.json" in line and "limit" not in line and "not JSON" in line


def summary(capsys, db: str, path: str) -> dict:
    code, out, err = run(capsys, "import", path, "--db", db, "--json", "--source", "Partner South")
    assert code == 0, err
    return json.loads(out)


def test_unknown_types_and_dangling_references_are_counted_skips(tmp_path, capsys) -> None:
    ivo, narva = person("Ivo Saar"), place("Narva", 59.3772, 28.1903, "EE")
    ghost = sid("identity")
    objects = [ivo, narva, sighting(ivo, narva),
               obj("indicator", pattern="[ipv4-addr:value = '203.0.113.5']", pattern_type="stix",
                   valid_from=NOW),
               obj("relationship", relationship_type="associated-with", source_ref=ivo["id"], target_ref=ghost),
               obj("sighting", sighting_of_ref=ghost, where_sighted_refs=[narva["id"]]),
               obj("relationship", relationship_type="uses", source_ref=ivo["id"], target_ref=ivo["id"]),
               {"type": "identity", "id": "identity--not-a-uuid", "spec_version": "2.1"},
               "not an object"]
    result = summary(capsys, str(tmp_path / "s.db"), write(tmp_path, objects))
    assert result["read"] == 9 and result["documents"] == 1
    dangling = "dangling reference (an object neither in the bundle nor imported before)"
    assert result["skipped"] == {"type indicator not imported": 1, f"relationship: {dangling}": 1,
                                 f"sighting: {dangling}": 1, "relationship uses not imported": 1,
                                 "malformed id": 1, "malformed object (no type or id)": 1}


def test_a_reference_to_an_object_of_an_earlier_bundle_is_resolved(tmp_path, capsys) -> None:
    ivo, narva = person("Ivo Saar"), place("Narva", 59.3772, 28.1903, "EE")
    db = str(tmp_path / "s.db")
    summary(capsys, db, write(tmp_path, [ivo, narva, sighting(ivo, narva)]))
    later = summary(capsys, db, write(tmp_path, [sighting(ivo, narva)], name="later.json"))
    assert later["skipped"] == {} and later["new"] == 1
    code, out, _err = run(capsys, "profile", "Ivo Saar", "--db", db, "--json")
    assert code == 0 and len(json.loads(out)["where"]) == 2


def counts(db: str) -> dict:
    conn = connect(db)
    tables = ("documents", "document_handling", "events", "entities", "mentions", "identities", "entity_links",
              "story_docs", "partner_objects")
    out = {t: conn.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in tables}
    conn.close()
    return out


def test_a_write_failing_midway_leaves_the_store_unchanged(store_db, tmp_path, capsys, monkeypatch) -> None:
    from newsintel.store import partner_import

    ivo, narva = person("Ivo Saar"), place("Narva", 59.3772, 28.1903, "EE")
    summary(capsys, store_db, write(tmp_path, [ivo, narva, sighting(ivo, narva)], name="first.json"))
    before = counts(store_db)
    mart, tartu = person("Mart Kask"), place("Tartu", 58.38062, 26.72509, "EE")
    late = [mart, tartu, sighting(mart, tartu), sighting(ivo, tartu), sighting(mart, narva)]
    stored = []
    real = partner_import._handling

    def fail_on_third(conn, doc, partner):  # the third document's write fails, after two were written
        if len(stored) == 2:
            raise RuntimeError("disk gone")
        stored.append(doc)
        real(conn, doc, partner)

    monkeypatch.setattr(partner_import, "_handling", fail_on_third)
    code, _out, err = run(capsys, "import", write(tmp_path, late, name="late.json"), "--db", store_db)
    assert code == 1 and "disk gone" in err and len(stored) == 2
    assert counts(store_db) == before
    monkeypatch.setattr(partner_import, "_handling", real)
    assert summary(capsys, store_db, write(tmp_path, late, name="again.json"))["new"] == 3


def test_constants_match_the_exporter_and_the_registry() -> None:
    from newsintel.exports import stix
    from newsintel.ingest import partner_bundle, partner_records
    from newsintel.store.sharing import TLP_LEVELS

    assert partner_bundle.TLP_ORDER == TLP_LEVELS
    assert partner_records.OUR_EXTENSION == stix.EXTENSION
    assert {v: k for k, v in stix.TLP2_MARKINGS.items()}.items() <= partner_bundle.TLP_MARKING_IDS.items()


@pytest.mark.parametrize("level", ["white", "amber"])
def test_tlp_10_markings_of_stix2_are_read(level, tmp_path, capsys) -> None:
    import stix2

    marking = {"white": stix2.TLP_WHITE, "amber": stix2.TLP_AMBER}[level]
    ivo = stix2.Identity(name="Ivo Saar", identity_class="individual", object_marking_refs=[marking])
    narva = stix2.Location(name="Narva", latitude=59.3772, longitude=28.1903, object_marking_refs=[marking])
    seen = stix2.Sighting(sighting_of_ref=ivo.id, where_sighted_refs=[narva.id], object_marking_refs=[marking])
    path = tmp_path / "b.json"
    path.write_text(stix2.Bundle(ivo, narva, seen).serialize(), encoding="utf-8")
    db = str(tmp_path / "s.db")
    summary(capsys, db, str(path))
    _code, out, _err = run(capsys, "sources", "--db", db, "--json")
    assert {r["name"]: r for r in json.loads(out)}["Partner South"]["by_tlp"] == \
        {"clear" if level == "white" else "amber": 1}


RED = "marking-definition--e828b379-4e03-4974-9ac4-e53a884c97c1"
CLEAR = "marking-definition--94868c89-83c2-464b-929b-a1a8aa3c8487"


def report(name: str, marking: str, refs: list[dict]) -> dict:
    return obj("report", name=name, published=NOW, report_types=["threat-report"],
               object_refs=[r["id"] for r in refs], object_marking_refs=[marking])


def levels(objects: list) -> dict[str, str]:
    from newsintel.ingest.partner_bundle import check_bundle
    from newsintel.ingest.partner_records import Mapper

    bundle = check_bundle({"type": "bundle", "id": sid("bundle"), "objects": objects}, "b.json")
    return {d.record.document.title: d.tlp for d in Mapper(bundle, "P", "amber").documents()}


def test_a_relationship_two_reports_state_is_as_each_report_says_it() -> None:
    ivo, crew = person("Ivo Saar"), obj("threat-actor", name="Harbour Rats", object_marking_refs=[CLEAR])
    ivo["object_marking_refs"] = [CLEAR]
    member = obj("relationship", relationship_type="member-of", source_ref=ivo["id"], target_ref=crew["id"],
                 object_marking_refs=[RED])  # red: the strictest of the reports behind it
    objects = [ivo, crew, member, report("open", CLEAR, [ivo, crew, member]), report("closed", RED, [member])]
    assert levels(objects) == {"open": "clear", "closed": "red"}
    # stricter than every report stating it: its own marking holds
    objects = [ivo, crew, member, report("open", CLEAR, [ivo, crew, member])]
    assert levels(objects) == {"open": "red"}
