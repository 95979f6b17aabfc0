"""Issue 14 round trip, session 25: what the export used to leave out comes back the same in a partner's store.
Denied and conditional movements (a denied one is a sighting seen no time), a group named with its report's country,
and the views' story corroboration counted only among the documents an export may use. Invented names only."""

import json
from collections import Counter

import pytest
from helpers import export_stix, handled_store

from newsintel.cli.main import main
from newsintel.exports.stix_objects import Node
from newsintel.store import connect
from tests.test_stix import records, store, validate  # noqa: F401  (fixtures: the annotated reports, their store)

REPORTS = [
    ("clear", "Lakeside Post", "Kivi stays home",
     "Marten Kivi did not travel to Helsinki on Friday, his lawyer said. Kivi stayed in Tallinn.\n"),
    ("clear", "Lakeside Post", "Warning to Kivi",
     "If Marten Kivi travels to Helsinki, he will be arrested, police said.\n"),
    ("amber", "Harbour desk", "Amber: Lind",
     "Oskari Lind did not travel to Riga on Sunday, a liaison officer said.\n"),
]
WITHHELD = ["Oskari", "Lind", "Riga", "Harbour desk", "Amber: Lind"]


@pytest.fixture(scope="module")
def store_a(tmp_path_factory) -> str:
    return handled_store(tmp_path_factory.mktemp("modal") / "a.db", REPORTS, "k")


export = export_stix


def profile(capsys, db: str, name: str) -> dict:
    capsys.readouterr()
    assert main(["profile", name, "--db", db, "--json"]) == 0
    return json.loads(capsys.readouterr()[0])


def lines(p: dict) -> list[str]:
    where = [[w["place"], w["date"], w["event"], w["status"], w["credibility"], w["tlp"]] for w in p["where"]]
    heading = [[f["type"], f["status"], [a["name"] for a in f["destination"]], f["credibility"]] for f in p["heading"]]
    return sorted(json.dumps(x) for x in where + heading)


def test_denied_and_conditional_movements_go_out_valid_and_come_back(store_a, tmp_path, capsys) -> None:
    text = export(store_a, tmp_path / "b.json", "red")
    errors, _warnings = validate(text)
    assert errors == []
    sightings = [o for o in json.loads(text)["objects"] if o["type"] == "sighting"]
    by_modality = {next(iter(o["extensions"].values()))["modality"]: o for o in sightings}
    assert by_modality["negated"]["count"] == 0  # a reader without our extension sees it sighted no time
    assert "confidence" not in by_modality["conditional"]  # cannot be judged
    assert "count" not in by_modality["conditional"]
    assert main(["import", str(tmp_path / "b.json"), "--db", str(tmp_path / "b.db"), "--source", "North"]) == 0
    a, b = profile(capsys, store_a, "Marten Kivi"), profile(capsys, str(tmp_path / "b.db"), "Marten Kivi")
    statuses = Counter(f["status"] for f in a["heading"])
    assert statuses["denied"] and statuses["conditional"]  # the case is there to compare
    assert lines(b) == lines(a)


def test_a_denied_movement_above_the_ceiling_stays_home(store_a, tmp_path) -> None:
    text = export(store_a, tmp_path / "g.json", "green")
    assert [s for s in WITHHELD if s.lower() in text.lower()] == []
    assert "Marten Kivi" in text
    assert "Oskari Lind" in export(store_a, tmp_path / "r.json", "red")


def test_a_group_keeps_its_country_only_when_the_exported_reports_place_it() -> None:
    node = Node(kind="org", stored="Interior Ministry (Estonia)", names=Counter({"Interior Ministry": 2}))
    assert node.name() == "Interior Ministry"  # nothing exported is in Estonia: the country may come from elsewhere
    node.context = {"Estonia", "Finland"}
    assert node.name() == "Interior Ministry (Estonia)"
    other = Node(kind="org", stored="Interior Ministry (Estonia)", names=Counter({"Home Office": 1}),
                 context={"Estonia"})
    assert other.name() == "Home Office"  # the store's spelling is not theirs
    person = Node(kind="person", stored="Jaan Tamm (Estonia)", names=Counter({"Jaan Tamm": 1}), context={"Estonia"})
    assert person.name() == "Jaan Tamm"


def test_story_corroboration_counts_only_documents_the_export_may_use(store) -> None:
    from newsintel.store import stix_reads

    conn = connect(store)
    docs = {r["title"]: r["id"] for r in conn.execute("SELECT id, title FROM documents")}
    first = docs["Tallinn arrest after harbour robbery"]
    row = conn.execute("SELECT data FROM events WHERE document_id = ? AND type = 'ARREST'", (first,)).fetchone()
    event = json.loads(row["data"])
    asks = [(first, "ARREST", [a["entity"] for r in ("actors", "targets") for a in event[r] if a.get("entity")])]
    clear = {docs["Tallinn arrest after harbour robbery"], docs["Suspect held in Tallinn"]}
    everything = set(docs.values())
    assert stix_reads.story_corroboration(conn, asks, clear) == [1]  # the other clear report
    assert stix_reads.story_corroboration(conn, asks, everything) == [2]  # and the red one
    assert stix_reads.story_corroboration(conn, asks, {first}) == [0]
    conn.close()
