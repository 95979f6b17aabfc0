"""`newsintel movements --geojson FILE --tlp-max LEVEL`: the exports' TLP ceiling on the movement flows the view
shows and writes (issue 14). The store is the STIX leak test's (tests/test_stix.py): clear reports of a trip
Tallinn -> Helsinki, an amber one of a trip Riga -> Vilnius, a red one of a crossing into Pskov."""

from __future__ import annotations

import json

from newsintel.cli.main import main
from tests.test_stix import SECRETS, records, store  # noqa: F401  (fixtures: the annotated reports, their store)


def movements(store, tmp_path, capsys, *options: str) -> tuple[str, list, str]:
    """(the GeoJSON file's text, the --json flows, stderr)."""
    out = tmp_path / "flows.geojson"
    capsys.readouterr()
    assert main(["movements", "--db", str(store), "--json", "--geojson", str(out), *options]) == 0
    captured = capsys.readouterr()
    return out.read_text(encoding="utf-8"), json.loads(captured.out), captured.err


def routes(flows: list) -> set[str]:
    return {" -> ".join(f["path"]) for f in flows}


def test_nothing_above_tlp_max_leaves_in_the_geojson(store, tmp_path, capsys) -> None:
    text, flows, err = movements(store, tmp_path, capsys, "--tlp-max", "green")
    assert [s for s in SECRETS if s.lower() in text.lower()] == []
    assert [s for s in SECRETS if s.lower() in json.dumps(flows).lower()] == []  # nor in what is shown
    assert "Tallinn" in text and "Helsinki" in text
    assert "documents above it left out" in err
    everything, all_flows, _ = movements(store, tmp_path, capsys, "--tlp-max", "red")
    assert "Vilnius" in everything and "Vilnius" in json.dumps(all_flows)  # the test can fail: the trip is there
    assert routes(flows) < routes(all_flows)


def test_amber_lets_the_amber_trip_out_but_not_the_red_report(store, tmp_path, capsys) -> None:
    text, _flows, _err = movements(store, tmp_path, capsys, "--tlp-max", "amber")
    assert "Vilnius" in text
    assert not any(s in text for s in ("Saarepera", "Pskov", "Nightjar", "Red channel"))


def test_a_geojson_file_without_tlp_max_is_clear_as_every_export(store, tmp_path, capsys) -> None:
    default, _flows, _err = movements(store, tmp_path, capsys)
    clear, _flows, _err = movements(store, tmp_path, capsys, "--tlp-max", "clear")
    assert default == clear
    exported = tmp_path / "export.geojson"
    assert main(["export", "geojson", "--db", str(store), "--out", str(exported)]) == 0
    assert json.loads(exported.read_text(encoding="utf-8")) == json.loads(default)


def test_the_view_alone_shows_every_document(store, capsys) -> None:
    """Without --geojson and --tlp-max nothing leaves the store: the analyst's view counts every report."""
    capsys.readouterr()
    assert main(["movements", "--db", str(store), "--json"]) == 0
    assert "Vilnius" in capsys.readouterr().out
