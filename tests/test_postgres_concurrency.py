"""Several `newsintel ingest` processes writing to one store at once lose and duplicate nothing (issue 13).

Real processes on a fresh PostgreSQL database (`postgres_db`) and on one SQLite file: two concurrent ingests of
disjoint halves of a corpus store exactly what one ingest of the whole stores (documents and facts exactly;
identities and stories as the same groups of entities and documents, ids aside); overlapping inputs (the same
file given to both, the same article in another file) are stored once; `kill -9` of an ingest mid-run keeps what
it committed and a rerun finishes the job. The corpus is our own: five incidents, four reports each.
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from newsintel.store import connect

INCIDENTS = [  # person, official, city, agency, suspected of, had done, abroad, month
    ("Kaspar Lindqvist", "Maarja Tamm", "Tartu", "Estonian police", "arson", "set fire to two warehouses",
     "Latvia", 2),
    ("Zofia Wronska", "Piotr Nowicki", "Gdansk", "Polish border guards", "smuggling cigarettes",
     "hidden cigarettes in a lorry", "Germany", 4),
    ("Rui Carvalhal", "Ines Sobral", "Braga", "Portuguese police", "fraud", "forged invoices for a year",
     "Brazil", 6),
    ("Oleg Vasilenko", "Darius Petrauskas", "Kaunas", "Lithuanian police", "a bank robbery",
     "robbed a bank branch with two others", "Belarus", 8),
    ("Tomaz Hribernik", "Vesna Kranjc", "Maribor", "Slovenian police", "extortion",
     "threatened three shop owners", "Croatia", 10),
]

TEMPLATES = [
    "{agency} arrested {person} in {city} on Monday, officials said. {surname} is suspected of {crime}. "
    "{official}, a police spokeswoman, said the arrest followed a long investigation.\n",
    "{person}, who was detained in {city} this week, will appear before a judge on Friday, {official} told "
    "reporters. Investigators believe {surname} {done}.\n",
    "A court in {city} ordered {person} held for thirty days on Wednesday. Prosecutors said {surname} had {done} "
    "and had tried to leave for {abroad}.\n",
    "Lawyers for {person} said on Thursday that their client denies {crime}. {surname} was arrested in {city} by "
    "{agency} earlier this week, {official} said.\n",
]


def write_corpus(folder: Path) -> list[Path]:
    """Twenty `.txt` reports, each named by its publication date (the date is read from the name)."""
    folder.mkdir(parents=True, exist_ok=True)
    files = []
    for n, (person, official, city, agency, crime, done, abroad, month) in enumerate(INCIDENTS):
        for day, template in enumerate(TEMPLATES, start=10):
            text = template.format(person=person, surname=person.split()[-1], official=official, city=city,
                                   agency=agency, crime=crime, done=done, abroad=abroad)
            files.append(folder / f"2025-{month:02d}-{day}_incident{n}-{day}.txt")
            files[-1].write_text(text, encoding="utf-8")
    return files


def newsintel(db: str | Path, *argv: str | Path) -> subprocess.Popen:
    cmd = [sys.executable, "-m", "newsintel", "ingest", "--quiet", "--workers", "1", "--db", str(db), *map(str, argv)]
    return subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, start_new_session=True)


def finish(*procs: subprocess.Popen) -> None:
    for proc in procs:
        _, err = proc.communicate(timeout=600)
        assert proc.returncode == 0, err


def _rows(conn, sql: str) -> list[tuple]:
    return [tuple(bytes(v) if isinstance(v, memoryview) else v for v in row) for row in conn.execute(sql)]


def snapshot(db: str | Path) -> dict:
    """What a store holds, ids that depend on write order left out: documents, their derived rows and facts
    exactly, identities as groups of entity ids with their names, stories as groups of document ids."""
    conn = connect(db)
    try:
        out: dict = {
            "documents": _rows(conn, "SELECT id, title, published, text, language FROM documents ORDER BY id"),
            "inputs": _rows(conn, "SELECT raw_hash, document_id FROM inputs ORDER BY raw_hash"),
            "sentences": _rows(conn, 'SELECT document_id, idx, start, "end" FROM sentences ORDER BY 1, 2'),
            "entities": _rows(conn, "SELECT id, name, type, aliases, attributes, geonameid FROM entities ORDER BY id"),
            "mentions": _rows(conn, 'SELECT entity_id, start, "end", text FROM mentions ORDER BY 1, 2'),
            "actors": _rows(conn, "SELECT id, data FROM actors ORDER BY id"),
        }
        for table in ("events", "claims", "quantities", "relations"):
            out[table] = sorted(_rows(conn, f"SELECT document_id, start, data FROM {table}"))
        out["event_args"] = sorted(_rows(conn, "SELECT e.document_id, e.start, a.role, a.text, a.entity_id FROM"
                                               " event_args a JOIN events e ON e.id = a.event_id"))
        groups: dict[str, set] = {}
        for entity_id, identity_id in conn.execute("SELECT entity_id, identity_id FROM entity_links"):
            groups.setdefault(identity_id, set()).add(entity_id)
        names = dict(_rows(conn, "SELECT id, name FROM identities"))
        documents = dict(_rows(conn, "SELECT id, documents FROM identities"))
        out["identities"] = sorted((sorted(members), names[i], documents[i]) for i, members in groups.items())
        out["identity_count"] = len(names)
        stories: dict[int, set] = {}
        for doc_id, story_id in conn.execute("SELECT document_id, story_id FROM story_docs"):
            stories.setdefault(story_id, set()).add(doc_id)
        sizes = dict(_rows(conn, "SELECT id, size FROM stories"))
        out["stories"] = sorted(sorted(members) for members in stories.values())
        assert sorted(sizes.values()) == sorted(len(m) for m in stories.values())  # sizes match their members
        out["story_df"] = _rows(conn, "SELECT key, df FROM story_df ORDER BY key")
        return out
    finally:
        conn.close()


def count_documents(db: str | Path, files: list[Path] | None = None) -> int:
    """Documents stored (from `files` only, when given)."""
    conn = connect(db)
    try:
        if files is None:
            return int(conn.execute("SELECT count(*) FROM documents").fetchone()[0])
        marks = ",".join("?" * len(files))
        return int(conn.execute(f"SELECT count(*) FROM documents WHERE origin IN ({marks})",
                                tuple(map(str, files))).fetchone()[0])
    finally:
        conn.close()


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> list[Path]:
    return write_corpus(tmp_path_factory.mktemp("corpus"))


@pytest.fixture(scope="module")
def whole(corpus, tmp_path_factory) -> dict:
    """The reference: one ingest of the whole corpus into a SQLite store (the backends store the same rows)."""
    from newsintel.cli.main import main

    db = tmp_path_factory.mktemp("whole") / "s.db"
    assert main(["ingest", "--quiet", "--workers", "1", "--db", str(db), *map(str, corpus)]) == 0
    snap = snapshot(db)
    assert len(snap["documents"]) == len(corpus)
    assert len(snap["stories"]) == len(INCIDENTS)  # the corpus is what it means to be: five incidents
    return snap


def interleaved_halves(corpus: list[Path]) -> tuple[list[Path], list[Path]]:
    """Every other report, so both processes write reports of every incident (and its people) at once."""
    return corpus[0::2], corpus[1::2]


@pytest.mark.slow
def test_two_concurrent_ingests_of_disjoint_halves_store_the_whole_on_postgresql(corpus, whole, postgres_db):
    first, second = interleaved_halves(corpus)
    finish(newsintel(postgres_db, *first), newsintel(postgres_db, *second))
    assert snapshot(postgres_db) == whole


@pytest.mark.slow
def test_overlapping_concurrent_ingests_store_each_document_once_on_postgresql(corpus, whole, postgres_db,
                                                                               tmp_path):
    """Both processes get the same six files, and each a copy of one report in another format (same text,
    other bytes): found by its content hash."""
    first, second = corpus[:13], corpus[7:]
    again = tmp_path / "again.jsonl"
    again.write_text(json.dumps({"text": corpus[0].read_text(encoding="utf-8"), "published": "2025-02-10"}) + "\n")
    finish(newsintel(postgres_db, *first, again), newsintel(postgres_db, again, *second))
    snap = snapshot(postgres_db)
    assert len(snap["inputs"]) == len(whole["inputs"]) + 1  # the copy's bytes are remembered too, once
    snap["inputs"] = [r for r in snap["inputs"] if r[0] in {h for h, _ in whole["inputs"]}]
    assert snap == whole


@pytest.mark.slow
def test_kill_9_of_one_of_two_ingests_keeps_committed_work_and_a_rerun_resumes_on_postgresql(corpus, whole,
                                                                                           postgres_db):
    """One of two concurrent ingests killed mid-run (perhaps holding the write lock): the other finishes, what the
    killed one committed stays, and its command run again completes the store."""
    first, second = interleaved_halves(corpus)
    killed, other = newsintel(postgres_db, *first), newsintel(postgres_db, *second)
    deadline = time.monotonic() + 300
    while count_documents(postgres_db, first) < 2 and time.monotonic() < deadline and killed.poll() is None:
        time.sleep(0.05)
    os.killpg(killed.pid, signal.SIGKILL)
    killed.wait()
    finish(other)  # not blocked by a lock the killed process held
    assert 2 <= count_documents(postgres_db, first) < len(first), "the kill must land in the middle of the run"
    stored = count_documents(postgres_db)
    partial = snapshot(postgres_db)  # consistent as it stands: every document with its identities and story
    assert sum(len(s) for s in partial["stories"]) == stored
    assert {d for members, _, _ in partial["identities"] for d in (m.split("-")[0] for m in members)} <= {
        r[0] for r in partial["documents"]}
    finish(newsintel(postgres_db, *first))
    assert snapshot(postgres_db) == whole


@pytest.mark.slow
def test_two_concurrent_ingests_into_one_sqlite_file(corpus, whole, tmp_path):
    db = tmp_path / "s.db"
    first, second = interleaved_halves(corpus)
    finish(newsintel(db, *first, *second[:2]), newsintel(db, *second))
    assert snapshot(db) == whole
    conn = connect(db)
    try:
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        assert conn.execute("PRAGMA foreign_key_check").fetchall() == []
    finally:
        conn.close()


def test_processes_opening_a_new_postgresql_database_at_once_migrate_it_once(postgres_db):
    """Ingests started together on a new database all create and migrate it at the same moment."""
    from concurrent.futures import ThreadPoolExecutor
    from threading import Barrier

    from newsintel.store.db import latest_version

    barrier = Barrier(6)

    def open_it(_: int) -> int:
        barrier.wait()
        db = connect(postgres_db)
        try:
            return int(db.execute("SELECT version FROM schema_version").fetchone()[0])
        finally:
            db.close()

    with ThreadPoolExecutor(6) as pool:
        assert list(pool.map(open_it, range(6))) == [latest_version()] * 6
