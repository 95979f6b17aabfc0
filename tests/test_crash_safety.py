"""kill -9 in the middle of a long ingest, then the same command again: every document stored exactly once."""

import os
import signal
import sqlite3
import subprocess
import sys
import time

import pytest
from helpers import synthetic_article

N_DOCS = 400


def count(db) -> int:
    try:
        with sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=5) as conn:
            return conn.execute("SELECT count(*) FROM documents").fetchone()[0]
    except sqlite3.OperationalError:
        return 0


def ingest(folder, db, **kw):
    cmd = [sys.executable, "-m", "newsintel", "ingest", str(folder), "--db", str(db), "--workers", "2"]
    return subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                            start_new_session=True, **kw)


@pytest.mark.slow
def test_kill_mid_ingest_then_rerun_stores_each_document_once(tmp_path, capsys):
    folder = tmp_path / "in"
    folder.mkdir()
    for n in range(N_DOCS):
        (folder / f"{n:04d}.txt").write_text(synthetic_article(n))
    db = tmp_path / "s.db"

    proc = ingest(folder, db)
    deadline = time.monotonic() + 120
    while count(db) < 40 and time.monotonic() < deadline and proc.poll() is None:
        time.sleep(0.05)
    os.killpg(proc.pid, signal.SIGKILL)  # the main process and its workers, mid-run
    proc.wait()
    stored_at_kill = count(db)
    assert 40 <= stored_at_kill < N_DOCS, "the kill must land in the middle of the run"

    proc = ingest(folder, db)
    out, err = proc.communicate(timeout=300)
    assert proc.returncode == 0, err
    assert f"ingested {N_DOCS - stored_at_kill}, unchanged {stored_at_kill}, failed 0" in out

    with sqlite3.connect(db) as conn:
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        assert conn.execute("SELECT count(*), count(DISTINCT id) FROM documents").fetchone() == (N_DOCS, N_DOCS)
        assert conn.execute("SELECT count(*) FROM inputs").fetchone()[0] == N_DOCS
        # nothing half-stored: every document has its sentences and entities, every mention its entity
        assert conn.execute("SELECT count(*) FROM documents d WHERE NOT EXISTS"
                            " (SELECT 1 FROM sentences s WHERE s.document_id = d.id)").fetchone()[0] == 0
        assert conn.execute("SELECT count(*) FROM documents d WHERE NOT EXISTS"
                            " (SELECT 1 FROM entities e WHERE e.document_id = d.id)").fetchone()[0] == 0
        assert conn.execute("PRAGMA foreign_key_check").fetchall() == []
        # every person, group and place entity is linked to an identity, and every identity has members
        assert conn.execute("SELECT count(*) FROM entities e WHERE e.type IN ('PERSON', 'ORG', 'GPE', 'LOC', 'FAC')"
                            " AND NOT EXISTS (SELECT 1 FROM entity_links l WHERE l.entity_id = e.id)"
                            ).fetchone()[0] == 0
        assert conn.execute("SELECT count(*) FROM identities i WHERE NOT EXISTS"
                            " (SELECT 1 FROM entity_links l WHERE l.identity_id = i.id)").fetchone()[0] == 0
        assert conn.execute("SELECT count(*) FROM documents_fts WHERE documents_fts MATCH 'officials'"
                            ).fetchone()[0] == N_DOCS
        # every document in exactly one story, story sizes matching their members
        assert conn.execute("SELECT count(*), count(DISTINCT document_id) FROM story_docs").fetchone() == (N_DOCS,
                                                                                                          N_DOCS)
        assert conn.execute("SELECT count(*) FROM stories s WHERE size != (SELECT count(*) FROM story_docs d"
                            " WHERE d.story_id = s.id) OR size = 0").fetchone()[0] == 0

    # `newsintel check` runs the same kind of checks, and more (offsets, FTS index against the texts): all clean
    from newsintel.cli.main import main

    assert main(["check", "--db", str(db)]) == 0
    assert capsys.readouterr().out.startswith(f"ok: {db} ")

    proc = ingest(folder, db)
    out, _ = proc.communicate(timeout=300)
    assert f"ingested 0, unchanged {N_DOCS}, failed 0" in out
