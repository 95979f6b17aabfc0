"""The analysts' exports (issue 14, items 4 and 6) on a store of hand-written records: CSV with provenance and no
formula a spreadsheet would run, GraphML that parses back with typed, weighted edges, FollowTheMoney lines that
build with followthemoney's model without a dropped value, one mention a line, and movement GeoJSON whose
properties are values, not JSON text."""

from __future__ import annotations

import csv
import io
import json
import xml.etree.ElementTree as ET

import pytest

from newsintel.exports.csv_export import CsvExporter, safe_cell
from newsintel.exports.ftm import FtmExporter
from newsintel.exports.graphml import GraphmlExporter
from newsintel.exports.mentions import MentionsExporter
from newsintel.store import connect, save_record
from newsintel.store.sharing import Handling
from tests.test_export_records import HOSTILE_PERSON, HOSTILE_TITLE, hand_records

G = "{http://graphml.graphdrawing.org/xmlns}"
ALL = "red"  # every document (the ceilings themselves: tests/test_export_tlp.py)


@pytest.fixture(scope="module")
def store(tmp_path_factory):
    path = tmp_path_factory.mktemp("exports") / "hand.db"
    conn = connect(path)
    for record in hand_records():  # the attack report is marked TLP:AMBER
        amber = record.document.title.startswith("Brigade blamed")
        save_record(conn, record, handling=Handling(tlp="amber") if amber else None)
    yield conn
    conn.close()


def written(exporter) -> str:
    out = io.StringIO()
    exporter.write(out)
    return out.getvalue()


def csv_rows(conn, what: str) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(written(CsvExporter(conn, what, ALL)), newline="")))


def test_safe_cell_prefixes_what_a_spreadsheet_evaluates():
    for hostile in ("=1+2", "+1", "-2+3", "@SUM(A1)", "\tx", "\rx", "  =cmd", "＝1"):
        assert safe_cell(hostile) == "'" + hostile
    assert safe_cell("Ardian Berisha") == "Ardian Berisha"
    assert safe_cell(-1) == -1 and safe_cell(0.5) == 0.5 and safe_cell(None) == ""


def test_csv_events_carry_provenance_and_dates(store):
    rows = csv_rows(store, "events")
    travel = next(r for r in rows if r["type"] == "TRAVEL")
    assert travel["modality"] == "hedged"
    assert travel["origin"] == "Prizren" and travel["destination"] == "Gaziantep"
    assert travel["actors"] == "Ardian Berisha" and travel["actors_identities"].startswith("I")
    assert (travel["date"], travel["date_precision"], travel["date_start"], travel["date_end"],
            travel["dated_by"]) == ("2024-05", "month", "2024-05-01", "2024-05-31", "event")
    assert travel["sentence_text"].startswith("Ardian Berisha reportedly travelled")
    assert int(travel["start"]) < int(travel["end"]) and travel["confidence"] == "0.8"
    assert travel["url"] == "https://news.example.org/d2" and travel["input"] == "hand/d2.txt"
    arrest = next(r for r in rows if r["type"] == "ARREST")
    assert arrest["speaker"] == "prosecutors" and arrest["cue"] == "said"
    assert arrest["dated_by"] == "report" and arrest["date"] == "2024-03-04"  # no date of its own


def test_csv_hostile_text_is_never_a_formula(store):
    for what in ("events", "claims", "identities"):
        for row in csv.reader(io.StringIO(written(CsvExporter(store, what, ALL)), newline="")):
            for cell in row:
                assert not cell.startswith(("=", "+", "-", "@", "\t", "\r")), (what, cell)
    events = csv_rows(store, "events")
    arrest = next(r for r in events if r["type"] == "ARREST")
    assert arrest["title"] == "'" + HOSTILE_TITLE  # kept whole, only prefixed
    assert HOSTILE_PERSON in arrest["targets"]
    claim = csv_rows(store, "claims")[0]
    assert claim["content"].startswith("'-1+2 men") and claim["speaker"] == "Mira Sokoli"
    assert claim["speaker_identity"].startswith("I")
    names = {r["name"] for r in csv_rows(store, "identities")}
    assert "'" + HOSTILE_PERSON in names and "Ardian Berisha" in names


def test_csv_identities_have_reports_and_places_have_points(store):
    rows = {r["name"]: r for r in csv_rows(store, "identities")}
    berisha = rows["Ardian Berisha"]
    assert berisha["kind"] == "person" and berisha["documents"] == "3"
    assert berisha["first_published"] == "2024-03-04" and berisha["last_published"] == "2024-07-01"
    prizren = next(r for n, r in rows.items() if n.startswith("Prizren"))
    assert prizren["kind"] == "place" and prizren["country"] == "XK" and float(prizren["lat"]) == pytest.approx(42.21,
                                                                                                              abs=0.01)


def test_graphml_parses_back_with_typed_weighted_edges(store):
    text = written(GraphmlExporter(store, min_co_mentions=1, tlp_max=ALL))
    root = ET.fromstring(text)
    keys = {k.get("id"): k.get("attr.name") for k in root.iter(G + "key")}
    nodes = {n.get("id"): {keys[d.get("key")]: d.text for d in n.iter(G + "data")} for n in root.iter(G + "node")}
    edges = [(e.get("source"), e.get("target"), e.get("directed"),
              {keys[d.get("key")]: d.text for d in e.iter(G + "data")}) for e in root.iter(G + "edge")]
    by_name = {v["label"]: k for k, v in nodes.items()}
    assert nodes[by_name["Ardian Berisha"]]["type"] == "PERSON"
    assert nodes[by_name["Black Lake Brigade"]]["kind"] == "org"
    assert HOSTILE_PERSON in by_name  # escaped, parsed back whole
    assert not any(v["kind"] == "place" for v in nodes.values())
    member = [e for e in edges if e[3]["relation"] == "MEMBER"]
    assert [(m[0], m[1]) for m in member] == [(by_name["Ardian Berisha"], by_name["Black Lake Brigade"])]
    attack = [e for e in edges if e[3]["relation"] == "ATTACK"]
    assert {(e[0], e[1]) for e in attack} == {(by_name["Black Lake Brigade"], by_name["Veldor Police"]),
                                              (by_name["Ardian Berisha"], by_name["Veldor Police"])}
    co = next(e for e in edges if e[3]["evidence"] == "co-mention" and {e[0], e[1]} == {
        by_name["Ardian Berisha"], by_name["Veldor Police"]})
    assert co[0] < co[1] and co[3]["reports"] == "2" and float(co[3]["weight"]) == 2.0
    assert all(e[0] in nodes and e[1] in nodes for e in edges)


def test_graphml_reads_in_networkx(store):
    nx = pytest.importorskip("networkx")
    graph = nx.read_graphml(io.BytesIO(written(GraphmlExporter(store, tlp_max=ALL)).encode("utf-8")))
    assert graph.number_of_nodes() >= 3 and graph.number_of_edges() >= 3
    assert all("relation" in data and data["weight"] >= 1 for *_, data in graph.edges(data=True))


def test_graphml_drops_characters_xml_cannot_hold(store):
    from newsintel.exports.graphml import xml_text

    assert xml_text("a\x07b & <c>") == "ab &amp; &lt;c&gt;"


def ftm_lines(conn) -> list[dict]:
    return [json.loads(line) for line in written(FtmExporter(conn, ALL)).splitlines()]


def test_ftm_lines_build_without_dropped_values(store):
    from followthemoney import model

    lines = ftm_lines(store)
    ids = {line["id"]: line["schema"] for line in lines}
    assert len(ids) == len(lines)  # no id twice
    for line in lines:
        proxy = model.get_proxy(line, cleaned=False)  # cleans every value as Aleph would on load
        out = proxy.to_dict()
        assert out["schema"] == line["schema"] and out["id"] == line["id"]
        assert {k: sorted(v) for k, v in out["properties"].items()} == \
               {k: sorted(v) for k, v in line["properties"].items()}, line
        for prop in proxy.schema.properties.values():  # every reference names an entity of the right schema
            if prop.type.name == "entity":
                for ref in line["properties"].get(prop.name, []):
                    assert ref in ids, (line["schema"], prop.name, ref)
                    assert model.get(ids[ref]).is_a(prop.range), (line["schema"], prop.name, ids[ref])
    schemas = set(ids.values())
    assert {"Person", "Organization", "Membership", "Address", "Event", "Article", "Documentation",
            "Family"} <= schemas


def test_ftm_entities_say_what_the_reports_say(store):
    lines = ftm_lines(store)
    by_schema: dict[str, list[dict]] = {}
    for line in lines:
        by_schema.setdefault(line["schema"], []).append(line["properties"])
    travel = next(p for p in by_schema["Event"] if p["name"][0].startswith("TRAVEL"))
    assert travel["name"] == ["TRAVEL (hedged): travelled"]  # the modality is in what Aleph shows
    assert travel["date"] == ["2024-05"] and travel["location"] == ["Prizren", "Gaziantep"]
    assert "modality: hedged" in travel["description"][0]
    arrest = next(p for p in by_schema["Event"] if p["name"][0].startswith("ARREST"))
    assert "date" not in arrest  # no date of its own: the report's day is the Article's, not the event's
    membership = by_schema["Membership"][0]
    assert membership["role"] == ["member"] and membership["summary"][0].startswith("Ardian Berisha is a member")
    article = next(p for p in by_schema["Article"] if p["title"] == ["Suspect left Prizren, court hears"])
    assert article["publishedAt"] == ["2024-06-10T07:30:00"]  # 09:30+02:00 in UTC, as FtM keeps dates
    assert article["language"] == ["eng"]
    address = next(p for p in by_schema["Address"] if p["name"][0].startswith("Prizren"))
    assert address["country"] == ["xk"] and address["latitude"] == ["42.21389"]


def test_ftm_ids_are_the_same_on_every_export(store):
    assert [line["id"] for line in ftm_lines(store)] == [line["id"] for line in ftm_lines(store)]


def test_mentions_one_line_each_with_offsets_into_the_text(store):
    lines = [json.loads(line) for line in written(MentionsExporter(store, ALL)).splitlines()]
    assert len(lines) == store.execute("SELECT count(*) FROM mentions").fetchone()[0]
    texts = {r[0]: r[1] for r in store.execute("SELECT id, text FROM documents")}
    for line in lines:
        assert texts[line["document"]][line["start"]:line["end"]] == line["text"]
        assert line["origin"].startswith("hand/") and line["entity"].startswith(line["document"])
    berisha = [m for m in lines if m["text"] == "Ardian Berisha"]
    assert len({m["identity"] for m in berisha}) == 1 and berisha[0]["identity"] and berisha[0]["type"] == "PERSON"


def test_export_pages_read_every_row_across_pages(store):
    from newsintel.store import export_pages

    assert [r["id"] for r in export_pages.mentions(store, page=2)] == \
        [r["id"] for r in export_pages.mentions(store, page=1000)]
    assert len(list(export_pages.documents(store, page=1))) == 3
    assert len(list(export_pages.identities(store, page=1))) == len(list(export_pages.identities(store)))


def test_rows_and_mentions_carry_their_document_tlp(store):
    tlp = {r["type"]: (r["tlp"], r["source_reliability"]) for r in csv_rows(store, "events")}
    assert tlp["ATTACK"] == ("amber", "F") and tlp["TRAVEL"] == ("clear", "F")  # F: an ungraded source
    amber = store.execute("SELECT id FROM documents WHERE title LIKE 'Brigade blamed%'").fetchone()[0]
    for line in map(json.loads, written(MentionsExporter(store, ALL)).splitlines()):
        assert line["tlp"] == ("amber" if line["document"] == amber else "clear")
