"""Store faults give one `error:` line naming the store and exit 1, never a traceback: a damaged or foreign file,
a schema from a newer newsintel, a read-only store, a --db that is a folder or has no folder; and `newsintel
check` finds what is wrong inside a store that still opens."""

import json
import os
import random
import shutil
import sqlite3
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest

from newsintel.cli.main import main
from newsintel.store.db import latest_version

REPORTS = [
    ("Haliti held in Pristina", "Kosovo police arrested Driton Haliti in Pristina on Tuesday, a spokesman said. "
                                "Haliti had crossed into Turkey near Akcakale."),
    ("Benali seen in Gaziantep", "Mohammed Benali was seen in Gaziantep last week, officials said. He may have "
                                 "travelled on to Istanbul."),
    ("Two held near Skopje", "Macedonian police detained two men near Skopje on Monday, the ministry said."),
]

READ_COMMANDS = [["stats"], ["search", "police"], ["entities"], ["events"], ["claims"], ["profile", "Haliti"],
                 ["timeline", "Haliti"], ["movements"], ["conflicts"], ["identities"], ["stories"], ["summary"]]


@pytest.fixture(scope="module")
def store(tmp_path_factory) -> Path:
    """A small store built once; each test works on its own copy."""
    folder = tmp_path_factory.mktemp("faults")
    files = []
    for i, (title, text) in enumerate(REPORTS):
        files.append(folder / f"r{i}.json")
        files[-1].write_text(json.dumps({"title": title, "text": text, "published": f"2025-06-1{i}"}))
    db = folder / "s.db"
    assert main(["ingest", "--quiet", "--workers", "1", "--db", str(db), *map(str, files)]) == 0
    with sqlite3.connect(db) as conn:
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")  # everything in the main file, so a copy is whole
    return db


@pytest.fixture
def copy(store, tmp_path) -> Path:
    target = tmp_path / "copy.db"
    shutil.copyfile(store, target)
    return target


def run(capsys, *argv):
    code = main([str(a) for a in argv])
    out, err = capsys.readouterr()
    return code, out, err


def one_error_line(err: str) -> str:
    lines = err.splitlines()
    assert len(lines) == 1 and lines[0].startswith("error: "), err
    assert "Traceback" not in err
    return lines[0]


def test_a_file_that_is_not_a_store_is_one_line_for_every_command(tmp_path, capsys):
    rng = random.Random(7)
    noise = tmp_path / "noise.db"
    noise.write_bytes(bytes(rng.randrange(256) for _ in range(8192)))
    text = tmp_path / "notes.txt"
    text.write_text("these are my notes, not a store\n" * 50)
    for db in (noise, text):
        before = db.read_bytes()
        for argv in [*READ_COMMANDS, ["ingest", str(text), "--workers", "1"], ["resolve"], ["check"]]:
            code, _, err = run(capsys, *argv, "--db", db)
            line = one_error_line(err) if argv[0] != "check" else err or "error: "
            assert code == 1, (argv, err)
            if argv[0] != "check":
                assert str(db) in line and "not a newsintel store" in line, line
        assert db.read_bytes() == before  # nothing written into someone else's file


def test_a_truncated_store_is_one_line_naming_it(copy, capsys):
    data = copy.read_bytes()
    copy.write_bytes(data[: len(data) // 3])
    for argv in READ_COMMANDS:
        code, _, err = run(capsys, *argv, "--db", copy)
        line = one_error_line(err)
        assert code == 1 and str(copy) in line and ("damaged" in line or "not a newsintel store" in line), line
    code, out, err = run(capsys, "check", "--db", copy)
    assert code == 1 and out.strip() and "Traceback" not in err


def test_check_finds_damaged_pages(copy, capsys):
    """Pages in the middle overwritten: the store still opens, `check` names the damage, one line each."""
    data = bytearray(copy.read_bytes())
    page = 4096
    rng = random.Random(3)
    for n in range(3, len(data) // page, 3):
        data[n * page + 100: n * page + 600] = bytes(rng.randrange(256) for _ in range(500))
    copy.write_bytes(bytes(data))
    code, out, err = run(capsys, "check", "--db", copy)
    assert code == 1 and "Traceback" not in err
    lines = out.splitlines()
    assert lines and all(": " in line for line in lines)
    assert not any(line.startswith("ok:") for line in lines)
    for argv in READ_COMMANDS:  # every command either works or says so in one line
        code, _, err = run(capsys, *argv, "--db", copy)
        assert code in (0, 1) and "Traceback" not in err
        if code == 1:
            one_error_line(err)


def test_a_newer_schema_is_refused_and_left_untouched(copy, capsys):
    newer = latest_version() + 3
    with sqlite3.connect(copy) as conn:
        conn.execute(f"PRAGMA user_version = {newer}")
    conn.close()
    before = copy.read_bytes()
    (copy.parent / "new.txt").write_text("Police in Vienna arrested a man on Friday, officials said.")
    for argv in [["stats"], ["search", "police"], ["profile", "Haliti"],
                 ["ingest", copy.parent / "new.txt", "--workers", "1"], ["merge", "Ia", "Ib"], ["resolve"]]:
        code, _, err = run(capsys, *argv, "--db", copy)
        line = one_error_line(err)
        assert code == 1 and f"newer newsintel (schema {newer}, this version knows up to {latest_version()})" in line
    assert copy.read_bytes() == before
    code, out, _ = run(capsys, "check", "--db", copy, "--json")
    report = json.loads(out)
    assert code == 1 and not report["ok"] and report["schema"] == newer
    assert [p["check"] for p in report["problems"]] == ["schema"]


@pytest.mark.parametrize("where", ["folder", "no-parent", "missing"])
def test_wrong_db_paths(tmp_path, capsys, where):
    db = {"folder": tmp_path, "no-parent": tmp_path / "nope" / "s.db", "missing": tmp_path / "absent.db"}[where]
    (tmp_path / "a.txt").write_text("Police in Vienna arrested a man on Friday, officials said.")
    for argv in [["stats"], ["profile", "Haliti"], ["stories"], ["check"], ["reprocess", "--workers", "1"],
                 ["resolve"], ["merge", "Ia", "Ib"], ["ingest", tmp_path / "a.txt", "--workers", "1"]]:
        if where == "missing" and argv[0] == "ingest":
            continue  # ingest creates it
        code, _, err = run(capsys, *argv, "--db", db)
        line = one_error_line(err)
        assert code == 1 and str(db) in line
        expected = {"folder": "is a directory", "no-parent": "does not exist" if argv[0] == "ingest" else
                    "no such store", "missing": "no such store"}[where]
        assert expected in line, line
    assert not (tmp_path / "nope").exists() and not (tmp_path / "absent.db").exists()


def test_a_store_that_cannot_be_written_is_still_read(copy, capsys, monkeypatch):
    """Simulated: newsintel is told the file cannot be written (as root, permissions do not stop writes); reads
    go through sqlite's read-only mode, writes are refused before any work."""
    import newsintel.store.db as db

    monkeypatch.setattr(db, "_writable", lambda path: False)
    code, out, _ = run(capsys, "stats", "--db", copy, "--json")
    assert code == 0 and json.loads(out)["documents"] == len(REPORTS)
    code, out, _ = run(capsys, "search", "Skopje", "--db", copy, "--json")
    assert code == 0 and len(json.loads(out)) == 1
    code, out, err = run(capsys, "check", "--db", copy)
    assert code == 0 and out.startswith("ok:") and "not checked: the store is read-only" in err
    (copy.parent / "new.txt").write_text("Police in Vienna arrested a man on Friday, officials said.")
    for argv in [["ingest", copy.parent / "new.txt", "--workers", "1"], ["resolve"], ["merge", "Ia", "Ib"]]:
        code, _, err = run(capsys, *argv, "--db", copy)
        line = one_error_line(err)
        assert code == 1 and "read-only" in line and str(copy) in line


def _as_other_user() -> list[str] | None:
    """A command prefix that runs as a user who cannot write root's files ([] when not root), or None."""
    if os.geteuid() != 0:
        return []
    setpriv = shutil.which("setpriv")
    return [setpriv, "--reuid=65534", "--regid=65534", "--clear-groups"] if setpriv else None


@pytest.mark.slow
def test_a_really_read_only_store(store):
    """For real: the store and its folder not writable by the user running newsintel (as root, the commands run
    as `nobody`; otherwise the permissions are taken away)."""
    how = _as_other_user()
    if how is None:
        pytest.skip("cannot run as another user here")
    folder = Path(tempfile.mkdtemp(prefix="newsintel-ro-"))  # not under pytest's private folder: `nobody` reads it
    try:
        db = folder / "s.db"
        shutil.copyfile(store, db)
        (folder / "new.txt").write_text("Police in Vienna arrested a man on Friday, officials said.")
        os.chmod(db, 0o444)
        os.chmod(folder / "new.txt", 0o444)
        os.chmod(folder, 0o555)

        def newsintel(*argv):
            return subprocess.run([*how, sys.executable, "-m", "newsintel", *map(str, argv), "--db", str(db)],
                                  capture_output=True, text=True, timeout=120, cwd=folder)

        importable = subprocess.run([*how, sys.executable, "-c", "import newsintel"], cwd=folder, capture_output=True)
        if importable.returncode != 0:  # the checkout lies in a folder the other user cannot read (a private tmp)
            pytest.skip("the other user cannot read this checkout")
        probe = subprocess.run([*how, sys.executable, "-c", "open('probe', 'w')"], cwd=folder, capture_output=True)
        if probe.returncode == 0 or b"PermissionError" not in probe.stderr:
            pytest.skip("cannot take write permission away here")
        result = newsintel("stats", "--json")
        assert result.returncode == 0, result.stderr
        assert json.loads(result.stdout)["documents"] == len(REPORTS)
        result = newsintel("ingest", folder / "new.txt", "--workers", "1")
        assert result.returncode == 1 and one_error_line(result.stderr).endswith(
            "store is read-only (no permission to write the file or its folder)")
        assert sorted(p.name for p in folder.iterdir()) == ["new.txt", "s.db"]
    finally:
        os.chmod(folder, 0o755)
        shutil.rmtree(folder)


def test_sqlite_errors_inside_a_command_are_one_line(copy, capsys, monkeypatch):
    """An sqlite error raised while a command runs names the store; a bug is one `internal error` line."""
    from newsintel.store import queries

    def locked(*args, **kwargs):
        raise sqlite3.OperationalError("database is locked")

    monkeypatch.setattr(queries, "top_entities", locked)
    code, _, err = run(capsys, "entities", "--db", copy)
    line = one_error_line(err)
    assert code == 1 and str(copy) in line and "store is busy" in line

    def bug(*args, **kwargs):
        raise KeyError("surprise")

    monkeypatch.setattr(queries, "top_entities", bug)
    code, _, err = run(capsys, "entities", "--db", copy)
    assert code == 1 and one_error_line(err).startswith("error: internal error: KeyError: 'surprise' (please report")

    def misuse(*args, **kwargs):
        raise sqlite3.ProgrammingError("Incorrect number of bindings supplied")

    monkeypatch.setattr(queries, "top_entities", misuse)
    code, _, err = run(capsys, "entities", "--db", copy)
    assert code == 1 and "internal error: ProgrammingError" in one_error_line(err)


def test_check_is_clean_on_a_good_store(copy, capsys):
    code, out, err = run(capsys, "check", "--db", copy)
    assert code == 0 and err == ""
    assert out.startswith(f"ok: {copy} (schema {latest_version()};") and len(out.splitlines()) == 1
    code, out, _ = run(capsys, "check", "--db", copy, "--json")
    report = json.loads(out)
    assert code == 0 and report["ok"] and report["problems"] == []
    assert {"integrity", "foreign keys", "full-text index", "offsets", "identities"} <= set(report["checks"])


def test_check_reports_each_inconsistency_on_one_line(copy, capsys):
    with sqlite3.connect(copy) as conn:
        doc_id = conn.execute("SELECT id FROM documents ORDER BY rowid LIMIT 1").fetchone()[0]
        mention = conn.execute("SELECT id FROM mentions WHERE document_id = ? LIMIT 1", (doc_id,)).fetchone()[0]
        conn.execute("UPDATE mentions SET start = start + 2 WHERE id = ?", (mention,))
        conn.execute("UPDATE sentences SET end = 10 * (end + 100) WHERE document_id = ? AND idx = 0", (doc_id,))
        conn.execute("INSERT INTO identities(id, kind, type, name) VALUES ('I000000000000', 'person', 'PERSON',"
                     " 'Nobody At All')")
        conn.execute("INSERT INTO inputs VALUES ('feedface', 'no-such-document', 'x.txt', '2025-01-01')")
        conn.execute("DROP TRIGGER documents_fts_update")  # the full-text index no longer follows the text
        conn.execute("UPDATE documents SET text = replace(text, 'police', 'gendarmes') WHERE id = ?", (doc_id,))
    conn.close()
    code, out, err = run(capsys, "check", "--db", copy)
    assert code == 1 and "Traceback" not in err
    lines = out.splitlines()
    checks = {line.split(":")[0] for line in lines}
    assert {"foreign keys", "offsets", "documents", "identities", "full-text index"} <= checks, out
    assert any(f"mention {mention} " in line for line in lines)
    assert any("identity I000000000000 (Nobody At All) has no members" in line for line in lines)
    assert any("input feedface points at document no-such-document" in line for line in lines)
    assert any(line.startswith(f"offsets: sentence 0 of document {doc_id}") for line in lines)
    assert not any(line.startswith("ok:") for line in lines)
    code, out, _ = run(capsys, "check", "--db", copy, "--json")
    report = json.loads(out)
    assert code == 1 and not report["ok"] and len(report["problems"]) == len(lines)


def test_a_file_system_error_inside_a_command_is_one_line(copy, capsys, monkeypatch):
    from newsintel.store import queries

    def denied(*args, **kwargs):
        raise PermissionError(13, "Permission denied", "/some/where\nelse")

    monkeypatch.setattr(queries, "top_entities", denied)
    code, _, err = run(capsys, "entities", "--db", copy)
    assert code == 1 and one_error_line(err) == "error: /some/where\\nelse: Permission denied"


def test_a_db_that_is_a_fifo_or_a_device_is_refused_without_opening_it(tmp_path, capsys):
    fifo = tmp_path / "store.db"
    os.mkfifo(fifo)
    result = subprocess.run([sys.executable, "-m", "newsintel", "stats", "--db", str(fifo)],
                            capture_output=True, text=True, timeout=120)  # opening a FIFO would block: a guard
    assert result.returncode == 1
    assert one_error_line(result.stderr) == f"error: {fifo}: not a regular file, so not a store"
    (tmp_path / "a.txt").write_text("Police in Vienna arrested a man on Friday, officials said.")
    for argv in (["stats"], ["check"], ["ingest", tmp_path / "a.txt", "--workers", "1"]):
        code, _, err = run(capsys, *argv, "--db", os.devnull)
        assert code == 1 and one_error_line(err) == f"error: {os.devnull}: not a regular file, so not a store"


def test_postgresql_faults_are_one_line_too(postgres_db, tmp_path, capsys):
    """The faults that exist on a server store: a schema from a newer newsintel (refused, left as it is) and a
    server that cannot be reached, for read, write and judgement commands alike."""
    from newsintel.store import connect

    newer = latest_version() + 3
    db = connect(postgres_db)
    db.execute("UPDATE schema_version SET version = ?", (newer,))
    db.close()
    (tmp_path / "new.txt").write_text("Police in Vienna arrested a man on Friday, officials said.")
    unreachable = "postgresql://nobody@127.0.0.1:1/nothing"
    for argv in [["stats"], ["ingest", tmp_path / "new.txt", "--workers", "1"], ["merge", "Ia", "Ib"], ["resolve"]]:
        code, _, err = run(capsys, *argv, "--db", postgres_db)
        line = one_error_line(err)
        assert code == 1 and f"newer newsintel (schema {newer}, this version knows up to {latest_version()})" in line
        code, _, err = run(capsys, *argv, "--db", unreachable)
        assert code == 1 and one_error_line(err).startswith(f"error: {unreachable}: cannot reach the PostgreSQL store")
    import psycopg

    with psycopg.connect(postgres_db) as raw:
        assert raw.execute("SELECT version FROM schema_version").fetchone()[0] == newer
        assert raw.execute("SELECT count(*) FROM documents").fetchone()[0] == 0
