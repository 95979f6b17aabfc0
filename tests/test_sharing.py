"""Handling and grading (issue 14): the source registry, each document's TLP at ingest, the stricter of document and
source, the in-place migration of older stores, and the grades every --json view shows."""

import json
import sqlite3

import pytest

from newsintel.store import connect, save_record
from newsintel.store.sharing import (
    Handling,
    credibility,
    handling_of,
    list_sources,
    set_source,
    stix_confidence,
    strictest,
    tlp_level,
)

TEXTS = {
    "a.txt": "Police in Tallinn arrested Jaan Tamm on Monday after a robbery near the harbour, officers said. "
             "Inspector Maret Kask said Tamm had fled in a stolen van.\n",
    "b.txt": "Maret Kask told reporters on Tuesday that Jaan Tamm, arrested in Tallinn, may appear in court soon.\n",
}


@pytest.fixture(scope="module")
def records():
    from newsintel.annotate import annotate
    from newsintel.clean import clean
    from newsintel.model import RawDocument

    raws = [clean(RawDocument(name, "txt", "h-" + name, text=text, source=f"Paper {name[0].upper()}"))
            for name, text in TEXTS.items()]
    return list(annotate(raws))


def test_tlp_levels_are_read_as_people_type_them() -> None:
    assert tlp_level("TLP:AMBER+STRICT") == "amber+strict"
    assert tlp_level(" Red ") == "red"
    assert tlp_level("white") == "clear"  # TLP 1.0's name for clear
    assert tlp_level("orange") is None
    assert strictest(["clear", "amber", "green"]) == "amber"
    assert strictest([]) == "clear"


def test_credibility_follows_the_evidence() -> None:
    assert credibility("asserted") == 3  # a single report
    assert credibility("asserted", confirmations=1) == 2
    assert credibility("asserted", confirmations=4) == 1
    assert credibility("hedged") == 4
    assert credibility("hedged", confirmations=2) == 3  # repeated, still not stated as fact
    assert credibility("intended", confirmations=3) == 4  # a plan is not confirmed by others repeating it
    assert credibility("asserted", confirmations=3, contradicted=True) == 5
    assert credibility("conditional") == 6
    assert credibility(None) == 6
    assert [stix_confidence(g) for g in range(1, 7)] == [90, 70, 50, 30, 10, None]


def test_ingest_marks_documents_and_the_stricter_level_wins(records, tmp_path) -> None:
    conn = connect(tmp_path / "s.db")
    set_source(conn, "Partner", "B", "green")
    save_record(conn, records[0], "r0", Handling(tlp="amber", source="Partner"))
    save_record(conn, records[1], "r1")  # no flag: its publisher, unregistered: clear
    marks = handling_of(conn, [r.document.id for r in records])
    first, second = (marks[r.document.id] for r in records)
    assert (first.source, first.tlp, first.reliability) == ("Partner", "amber", "B")
    assert (second.source, second.tlp, second.reliability) == ("Paper B", "clear", "F")
    set_source(conn, "Paper B", None, "red")  # a source marked red later makes its documents red
    assert handling_of(conn, [records[1].document.id])[records[1].document.id].tlp == "red"
    save_record(conn, records[0], "r0-again", Handling(tlp="green"))  # never less strict by itself
    assert handling_of(conn, [records[0].document.id])[records[0].document.id].tlp == "amber"
    save_record(conn, records[0], "r0-red", Handling(tlp="red"))  # an explicit stricter level wins
    assert handling_of(conn, [records[0].document.id])[records[0].document.id].tlp == "red"
    rows = {r["name"]: r for r in list_sources(conn)}
    assert rows["Partner"]["registered"] and rows["Partner"]["reliability"] == "B"
    assert rows["Paper B"]["by_tlp"] == {"red": 1}


def test_a_store_of_schema_10_migrates_in_place_as_clear_public_news(tmp_path) -> None:
    from newsintel.store.db import migrations

    path = tmp_path / "old.db"
    raw = sqlite3.connect(path, isolation_level=None)
    for version, _name, sql in migrations():
        if version <= 10:
            raw.executescript(sql)
    raw.execute("PRAGMA user_version = 10")
    raw.execute("INSERT INTO documents(id, title, source, origin, format, text, ingested_at)"
                " VALUES ('d1', 'T', 'Old Paper', 'x.txt', 'txt', 'Some text.', '2026-01-01T00:00:00+00:00')")
    raw.close()
    conn = connect(path)
    assert handling_of(conn, ["d1"])["d1"].tlp == "clear"
    assert [(r["name"], r["documents"]) for r in list_sources(conn)] == [("Old Paper", 1)]


def test_postgresql_keeps_the_same_registry_and_marks(records, postgres_db) -> None:
    db = connect(postgres_db)
    set_source(db, "Partner", "A", "amber+strict")
    save_record(db, records[0], "r0", Handling(source="Partner"))  # the source's registered level
    mark = handling_of(db, [records[0].document.id])[records[0].document.id]
    assert (mark.source, mark.tlp, mark.reliability) == ("Partner", "amber+strict", "A")
    assert [r["name"] for r in list_sources(db)] == ["Partner"]
    db.close()


def test_cli_sources_and_graded_json_views(records, tmp_path, capsys) -> None:
    from newsintel.cli.main import main

    db = tmp_path / "s.db"
    conn = connect(db)
    save_record(conn, records[0], "r0", Handling(tlp="green"))
    save_record(conn, records[1], "r1")
    conn.close()
    assert main(["sources", "set", "Paper A", "--reliability", "c", "--tlp", "TLP:GREEN", "--db", str(db)]) == 0
    assert main(["sources", "--json", "--db", str(db)]) == 0
    listed = json.loads(capsys.readouterr().out.splitlines()[-1])
    assert {r["name"]: r["reliability"] for r in listed} == {"Paper A": "C", "Paper B": "F"}
    assert main(["events", "--json", "--min-confidence", "0", "--db", str(db)]) == 0
    events = json.loads(capsys.readouterr().out)
    assert events and all({"tlp", "source_reliability", "credibility"} <= e.keys() for e in events)
    by_doc = {e["source"]["document"]: e for e in events}
    assert by_doc[records[0].document.id]["tlp"] == "green"
    assert by_doc[records[0].document.id]["source_reliability"] == "C"
    assert main(["profile", "Jaan Tamm", "--json", "--min-confidence", "0", "--db", str(db)]) == 0
    profile = json.loads(capsys.readouterr().out)
    lines = profile["where"] + profile["heading"]
    assert lines and all(1 <= line["credibility"] <= 6 for line in lines)
    assert main(["show", records[0].document.id, "--json", "--db", str(db)]) == 0
    shown = json.loads(capsys.readouterr().out)["document"]
    assert (shown["tlp"], shown["handling_source"], shown["source_reliability"]) == ("green", "Paper A", "C")
    with pytest.raises(SystemExit) as usage:
        main(["sources", "set", "Paper A", "--tlp", "orange", "--db", str(db)])
    assert usage.value.code == 2


def test_ingest_flags_mark_what_is_stored(tmp_path) -> None:
    from newsintel.cli.main import main

    report = tmp_path / "2025-03-02_note.txt"
    report.write_text("Border guards near Narva stopped Priit Lepik on Sunday, the agency said.\n", encoding="utf-8")
    db = tmp_path / "s.db"
    assert main(["ingest", "--quiet", "--workers", "1", "--tlp", "amber", "--source", "Liaison desk", "--db", str(db),
                 str(report)]) == 0
    conn = connect(db)
    doc_id = conn.execute("SELECT id FROM documents").fetchone()[0]
    assert handling_of(conn, [doc_id])[doc_id].tlp == "amber"
    assert handling_of(conn, [doc_id])[doc_id].source == "Liaison desk"
