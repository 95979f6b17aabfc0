"""Every read command gives the same answer on PostgreSQL as on SQLite.

The same five short reports (people, a group, movements with places, claims, two reports of one bombing that
disagree on the toll) are stored in a SQLite file and in a fresh PostgreSQL database; then each view's `--json`
output is compared, view by view. Search ranks by each backend's own relevance measure (FTS5's bm25, ts_rank) and
its snippets are cut by each backend, so for search the hits (ids and titles) are compared as sets. `newsintel
check` passes on both, and readers answer while a PostgreSQL ingest holds its transaction open.
"""

from __future__ import annotations

import contextlib
import io
import json

import pytest

from newsintel.cli.main import main
from newsintel.store import connect, save_record

REPORTS = [
    ("r1.txt", "Valmira Bekteshi returns to Pristina", "2025-03-02", "Adriatic Wire",
     "Valmira Bekteshi, a Kosovar nurse, travelled from Vienna to Pristina on Saturday, her lawyer said. "
     "Bekteshi had left Kosovo for Raqqa in 2014 with her husband Agon Rexhepi, a member of the Drina Brigade. "
     "Police in Pristina detained her at the airport."),
    ("r2.txt", "Drina Brigade commander arrested in Sarajevo", "2025-03-05", "Balkan Monitor",
     "Bosnian police arrested Agon Rexhepi in Sarajevo on Tuesday. Rexhepi, who led the Drina Brigade, "
     "had crossed into Syria from Turkey in 2014, prosecutors said. "
     "The Drina Brigade said it would send fighters back to Bosnia."),
    ("r3.txt", "Bus bombing in Tuzla kills 14", "2025-04-10", "Adriatic Wire",
     "A bomb on a bus killed 14 people in Tuzla on Wednesday, police said. "
     "The Drina Brigade claimed responsibility for the attack. "
     "Interior minister Selma Hadzic said the attackers had come from Zenica."),
    ("r4.txt", "Tuzla bus bombing death toll disputed", "2025-04-10", "Balkan Monitor",
     "A bomb on a bus killed 22 people in Tuzla on Wednesday, hospital officials said. "
     "Interior minister Selma Hadzic said the Drina Brigade planned more attacks. "
     "Selma Hadzic said 300 police officers were sent to Tuzla."),
    ("r5.txt", "Families flee Zenica", "2025-04-12", "Sava Daily",
     "Dozens of families fled Zenica for Mostar after the bombing, a local official said. "
     "Agon Rexhepi will appear in court in Sarajevo next month, his lawyer said."),
]
LATE_REPORT = ("r6.txt", "Drina Brigade recruiter seen in Bihac", "2025-05-01", "Sava Daily",
               "A recruiter for the Drina Brigade travelled from Zenica to Bihac last week, police said.")

VIEWS = [
    ["stats"], ["entities"], ["identities", "--top", "100"], ["stories", "--min-size", "1"],
    ["events", "--limit", "500"], ["events", "--entity", "drina brigade"], ["claims", "--limit", "500"],
    ["claims", "--speaker", "SELMA"], ["movements"], ["conflicts"], ["actors"],
    ["profile", "Agon Rexhepi"], ["profile", "Drina Brigade"], ["profile", "Valmira Bekteshi"],
    ["profile", "Selma Hadzic"], ["profile", "Tuzla"],
    ["timeline", "Agon Rexhepi"], ["timeline", "Drina Brigade"], ["timeline", "Sarajevo"],
    ["timeline", "Valmira Bekteshi"],
]
SEARCHES = ["Drina", '"Drina Brigade" Tuzla', "police Sarajevo", "bus or bomb", "bus-bombing Tuzla", "Hadžić"]


def _records(reports):
    from newsintel.annotate import annotate
    from newsintel.clean import clean
    from newsintel.model import RawDocument

    raws = [clean(RawDocument(name, "txt", "h-" + name, text=text, title=title, published=day, source=source))
            for name, title, day, source, text in reports]
    return list(annotate(raws))


@pytest.fixture(scope="module")
def records():
    return _records([*REPORTS, LATE_REPORT])


def run(db: str, *argv: str) -> tuple[int, str]:
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        code = main([*argv, "--db", db])
    return code, out.getvalue()


def view(db: str, *argv: str):
    code, out = run(db, *argv, "--json")
    assert code == 0, (argv, out)
    return json.loads(out)


@pytest.fixture
def stores(records, tmp_path, postgres_db):
    """(SQLite path, PostgreSQL URL), each holding the five reports."""
    lite = str(tmp_path / "views.db")
    for target in (lite, postgres_db):
        conn = connect(target)
        for record in records[:len(REPORTS)]:
            assert save_record(conn, record, "raw-" + record.document.id) == "ingested"
        conn.close()
    return lite, postgres_db


def test_every_view_reads_the_same_on_postgresql_as_on_sqlite(stores) -> None:
    lite, pg = stores
    compared = 0
    for argv in VIEWS:
        expected = view(lite, *argv)
        assert view(pg, *argv) == expected, argv
        compared += bool(expected)
    assert compared == len(VIEWS)  # every view had something to show
    doc_ids = [d["id"] for story in view(lite, "stories", "--min-size", "1") for d in story["documents"]]
    assert len(doc_ids) == len(REPORTS)
    for doc_id in doc_ids:  # each document with its sentences, entities, mentions and facts
        assert view(pg, "show", doc_id) == view(lite, "show", doc_id), doc_id


def test_search_finds_the_same_reports_on_both(stores) -> None:
    lite, pg = stores
    found_any = False
    for query in SEARCHES:
        hits = {(h["id"], h["title"]) for h in view(lite, "search", query)}
        assert {(h["id"], h["title"]) for h in view(pg, "search", query)} == hits, query
        found_any |= bool(hits)
    assert found_any
    snippet = view(pg, "search", "Hadzic")[0]["snippet"]
    assert "[Hadzic]" in snippet  # hits are marked as FTS5's snippet marks them


def test_the_profile_sections_are_filled_on_postgresql(stores) -> None:
    """The comparison above compares something: the group's profile has places, movements and claims."""
    _, pg = stores
    profile = view(pg, "profile", "Agon Rexhepi")
    assert profile["where"] or profile["heading"]
    assert view(pg, "conflicts"), "the two tolls of the Tuzla bombing disagree"
    assert view(pg, "movements")
    code, text = run(pg, "summary", "--query", "Tuzla bus")
    assert code == 0 and "[Tuzla]" in text  # the text overview too, with a search hit marked


def test_store_check_passes_on_both(stores) -> None:
    lite, pg = stores
    for target in (lite, pg):
        report = view(target, "check")
        assert report["ok"], report["problems"]
        assert {"offsets", "documents", "identities"} <= set(report["checks"])
    assert run(pg, "check")[1].startswith("ok: ")


def test_store_check_finds_a_damaged_postgresql_store(stores) -> None:
    """The checks really run on PostgreSQL: a mention whose offsets no longer match its text, and a story whose
    size is wrong, are each reported, as on SQLite."""
    lite, pg = stores
    for target in (lite, pg):
        conn = connect(target)
        conn.execute("UPDATE mentions SET start = start + 1 WHERE id = (SELECT min(id) FROM mentions)")
        conn.execute("UPDATE stories SET size = size + 1 WHERE id = (SELECT min(id) FROM stories)")
        if target == lite:
            conn.commit()
        conn.close()
        code, out = run(target, "check", "--json")
        report = json.loads(out)
        assert code == 1 and not report["ok"]
        assert {p["check"] for p in report["problems"]} == {"offsets", "documents"}, report["problems"]


def test_readers_answer_while_a_postgresql_ingest_holds_its_transaction(stores, records) -> None:
    """An ingest's transaction (document, facts, resolution, story) left open: every reader answers from what is
    committed, at once (a reader waiting on a lock would fail after store.db.READ_LOCK_WAIT_S, not hang)."""
    _, pg = stores
    before = {tuple(argv): view(pg, *argv) for argv in VIEWS}
    writer = connect(pg)
    with writer.transaction():
        assert save_record(writer, records[-1], "raw-late") == "ingested"
        for argv in VIEWS:
            assert view(pg, *argv) == before[tuple(argv)], argv
        assert not view(pg, "search", "Bihac")
    writer.close()
    assert [h["title"] for h in view(pg, "search", "Bihac")] == [LATE_REPORT[1]]
