"""`newsintel export FORMAT`: the command group and its formats, on our own short reports through the real pipeline
(FollowTheMoney lines still build without a dropped value) and on hand-written records (movement GeoJSON with
real properties, the output file written whole or not at all)."""

from __future__ import annotations

import argparse
import json

import pytest

from newsintel.cli import exports
from newsintel.store import connect, save_record
from tests.test_export_records import REPORTS, hand_records, pipeline_records


def run(argv: list[str]) -> int:
    """Parse and run `newsintel export ...` with a parser holding only the export command."""
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument("--db")
    parser = argparse.ArgumentParser(prog="newsintel")
    exports.add_parser(parser.add_subparsers(dest="command"), common)
    args = parser.parse_args(["export", *argv])
    return args.func(args)


@pytest.fixture(scope="module")
def hand_store(tmp_path_factory):
    path = tmp_path_factory.mktemp("cli") / "hand.db"
    conn = connect(path)
    for record in hand_records():
        save_record(conn, record)
    conn.close()
    return path


@pytest.fixture(scope="module")
def report_store(tmp_path_factory):
    path = tmp_path_factory.mktemp("cli") / "reports.db"
    conn = connect(path)
    for record in pipeline_records():
        save_record(conn, record)
    conn.close()
    return path


def test_every_format_is_a_sub_command():
    parser = argparse.ArgumentParser()
    exports.add_parser(parser.add_subparsers(dest="command"), argparse.ArgumentParser(add_help=False))
    assert {"csv", "graphml", "geojson", "mentions", "ftm"} <= set(exports.FORMATS)
    exports.register("test-format", "a format registered after the parser was built",
                     lambda p: exports.out_option(p, "test"), lambda args: 7)
    try:
        args = parser.parse_args(["export", "test-format", "--out", "x"])
        assert args.func(args) == 7
    finally:
        exports.FORMATS.pop("test-format")


def test_ftm_of_real_reports_builds_without_dropped_values(report_store, tmp_path, capsys):
    from followthemoney import model

    out = tmp_path / "entities.jsonl"
    assert run(["ftm", "--db", str(report_store), "--out", str(out)]) == 0
    assert "dropped 0" in capsys.readouterr().err
    lines = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    for line in lines:
        built = model.get_proxy(line, cleaned=False).to_dict()
        assert {k: sorted(v) for k, v in built["properties"].items()} == \
               {k: sorted(v) for k, v in line["properties"].items()}
    schemas = [line["schema"] for line in lines]
    assert schemas.count("Article") == len(REPORTS)
    assert "Person" in schemas and "Documentation" in schemas and "Event" in schemas
    people = {n for line in lines if line["schema"] == "Person" for n in line["properties"]["name"]}
    assert "Kastriot Lleshi" in people


def test_csv_of_real_reports_points_at_the_sentence(report_store, tmp_path):
    import csv

    out = tmp_path / "events.csv"
    assert run(["csv", "--what", "events", "--db", str(report_store), "--out", str(out)]) == 0
    with out.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    assert rows
    for row in rows:
        assert row["document"] and row["sentence_text"] and row["modality"]
        assert row["trigger"].split()[0] in row["sentence_text"]


def test_geojson_properties_are_values_not_json_text(hand_store, tmp_path):
    out = tmp_path / "flows.geojson"
    assert run(["geojson", "--db", str(hand_store), "--out", str(out)]) == 0
    collection = json.loads(out.read_text(encoding="utf-8"))
    line = next(f for f in collection["features"] if f["geometry"]["type"] == "LineString")
    props = line["properties"]
    assert props["origin"] == ["Prizren, Kosovo"] or props["origin"][0].startswith("Prizren")
    assert props["status"] == {"hedged": 1} and props["hedged"] == 1 and props["done"] == 0
    assert props["first_date"] == "2024-05" and props["first_date_precision"] == "month"
    source = props["sources"][0]
    assert isinstance(source, dict) and source["modality"] == "hedged" and source["document"]
    assert source["status"] == "hedged"  # each source's own status, as the flow counts it
    assert not any(isinstance(v, str) and v.lstrip().startswith(("{", "[")) for v in props.values())
    assert line["geometry"]["coordinates"][0] == pytest.approx([20.73972, 42.21389])
    points = {f["properties"]["name"] for f in collection["features"] if f["geometry"]["type"] == "Point"}
    assert len(points) == 2


def test_an_unwritable_output_is_refused_before_any_work(hand_store, tmp_path, capsys):
    assert run(["mentions", "--db", str(hand_store), "--out", str(tmp_path)]) == 1
    assert "is a directory" in capsys.readouterr().err
    assert run(["mentions", "--db", str(hand_store), "--out", str(tmp_path / "no" / "x.jsonl")]) == 1


def test_a_failed_export_leaves_no_file(hand_store, tmp_path, monkeypatch):
    from newsintel.exports.mentions import MentionsExporter

    def broken(self, out):
        out.write("half")
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(MentionsExporter, "write", broken)
    out = tmp_path / "m.jsonl"
    assert run(["mentions", "--db", str(hand_store), "--out", str(out)]) == 1
    assert list(tmp_path.iterdir()) == []


def test_out_dash_writes_to_standard_output(hand_store, capsys):
    assert run(["mentions", "--db", str(hand_store), "--out", "-"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines and all(json.loads(line)["document"] for line in lines)


def test_movements_geojson_names_who_moved(hand_store, tmp_path, capsys):
    from newsintel.cli.main import main

    out = tmp_path / "flows.geojson"
    assert main(["movements", "--db", str(hand_store), "--json", "--geojson", str(out)]) == 0
    flows = json.loads(capsys.readouterr().out)
    assert [a["name"] for s in flows[0]["sources"] for a in s["actors"]] == ["Ardian Berisha"]
    line = next(f for f in json.loads(out.read_text(encoding="utf-8"))["features"]
                if f["geometry"]["type"] == "LineString")
    (actor,) = line["properties"]["actors"]
    assert actor["name"] == "Ardian Berisha" and actor["identity"].startswith("I") and actor["reports"] == 1
    assert line["properties"]["status"] == {"hedged": 1}  # an object, not the JSON text of one


def test_the_output_file_has_ordinary_permissions(hand_store, tmp_path):
    import os

    out = tmp_path / "m.jsonl"
    assert run(["mentions", "--db", str(hand_store), "--out", str(out)]) == 0
    mask = os.umask(0)
    os.umask(mask)
    assert out.stat().st_mode & 0o777 == 0o666 & ~mask


def test_newsintel_export_runs_from_the_main_command(hand_store, tmp_path, capsys):
    from newsintel.cli.main import main

    out = tmp_path / "identities.csv"
    assert main(["export", "csv", "--what", "identities", "--db", str(hand_store), "--out", str(out)]) == 0
    assert "exported identities" in capsys.readouterr().err
    assert out.read_text(encoding="utf-8").startswith("identity,kind,type,name,")
    with pytest.raises(SystemExit):  # a format it does not know is a usage error
        main(["export", "xlsx", "--db", str(hand_store), "--out", str(out)])
