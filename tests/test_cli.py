"""The command line end to end: ingest (idempotent, failures reported, --strict), extract --json, stats, entities,
show, search, the store's all-or-nothing writes, and bad arguments (counts, long names, wildcards, output paths)."""

import json
import sqlite3
from pathlib import Path

import pytest

from newsintel.cli.main import main
from newsintel.store import connect, save_record
from newsintel.store.db import migrations, schema_version

GOOD = ("Three men crossed into Turkey near Akcakale on Tuesday, police said.\n\n"
        "Driton Haliti, 34, was detained in Gaziantep. Haliti denied the charges.")


@pytest.fixture
def corpus(tmp_path):
    folder = tmp_path / "in"
    (folder / "sub").mkdir(parents=True)
    (folder / "a.txt").write_text("Smugglers held near Skopje\n\n" + GOOD)
    (folder / "sub" / "b.jsonl").write_text(
        json.dumps({"title": "Feed item",
                    "text": "Kosovo police arrested two men in Pristina on Monday, officials said.",
                    "url": "https://x.example/1", "published": "2025-02-03", "source": "Feed"}) + "\n{broken\n")
    (folder / "empty.txt").write_text("")
    return folder


def run(capsys, *argv):
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_ingest_reports_failures_goes_on_and_is_idempotent(tmp_path, corpus, capsys):
    db = str(tmp_path / "s.db")
    code, out, err = run(capsys, "ingest", str(corpus), "--db", db, "--workers", "1")
    assert code == 1
    assert "ingested 2, unchanged 0, failed 2" in out
    assert f"error: {corpus / 'empty.txt'}: empty file" in err.splitlines()
    assert any(line.startswith(f"error: {corpus / 'sub' / 'b.jsonl'}:2: malformed JSON") for line in err.splitlines())
    code, out, _ = run(capsys, "ingest", str(corpus), "--db", db, "--workers", "2")
    assert "ingested 0, unchanged 2, failed 2" in out
    code, out, _ = run(capsys, "stats", "--db", db, "--json")
    stats = json.loads(out)
    assert stats["documents"] == 2 and stats["sentences"] >= 4 and stats["mentions"] >= stats["entities"] > 3


def test_strict_stops_at_first_failure(tmp_path, corpus, capsys):
    code, _, err = run(capsys, "ingest", str(corpus), "--db", str(tmp_path / "s.db"), "--strict", "--workers", "1")
    assert code == 1 and "stopped at the first failure" in err
    assert err.count("error: ") == 1


def test_missing_path_and_usage_errors(tmp_path, capsys):
    code, _, err = run(capsys, "ingest", str(tmp_path / "nope"), "--db", str(tmp_path / "s.db"), "--workers", "1")
    assert code == 1 and "no such file or directory" in err
    with pytest.raises(SystemExit) as exc:
        main(["ingest"])
    assert exc.value.code == 2
    code, _, err = run(capsys, "stats", "--db", str(tmp_path / "absent.db"))
    assert code == 1 and "no such store" in err


def test_same_text_from_two_files_is_one_document(tmp_path, capsys):
    (tmp_path / "x.txt").write_text(GOOD)
    (tmp_path / "y.json").write_text(json.dumps({"text": GOOD}))
    db = str(tmp_path / "s.db")
    code, out, _ = run(capsys, "ingest", str(tmp_path / "x.txt"), str(tmp_path / "y.json"), "--db", db,
                       "--workers", "1")
    assert code == 0 and "ingested 1, unchanged 1" in out


def test_extract_json_contract(tmp_path, capsys):
    path = tmp_path / "a.txt"
    path.write_text("Smugglers held near Skopje\n\n" + GOOD)
    code, out, _ = run(capsys, "extract", str(path), "--json")
    assert code == 0
    record = json.loads(out)
    assert set(record) >= {"document", "entities", "events", "quantities", "claims", "relations"}
    assert set(record["document"]) == {"id", "title", "source", "url", "published", "language", "text"}
    assert record["document"]["title"] == "Smugglers held near Skopje"
    text = record["document"]["text"]
    assert text == GOOD
    for entity in record["entities"]:
        assert set(entity) == {"id", "name", "type", "aliases", "mentions", "attributes", "geo"}
        for m in entity["mentions"]:
            assert set(m) == {"text", "start", "end", "sentence"}
            assert text[m["start"]:m["end"]] == m["text"]
    haliti = next(e for e in record["entities"] if e["name"] == "Driton Haliti")
    assert haliti["type"] == "PERSON" and [m["text"] for m in haliti["mentions"]] == ["Driton Haliti", "Haliti"]
    assert {"Akcakale", "Gaziantep", "Turkey"} <= {e["name"] for e in record["entities"] if e["type"] == "GPE"}


def test_show_search_entities(tmp_path, corpus, capsys):
    db = str(tmp_path / "s.db")
    run(capsys, "ingest", str(corpus), "--db", db, "--workers", "1")
    code, out, _ = run(capsys, "search", "Akcakale police", "--db", db, "--json")
    hits = json.loads(out)
    assert code == 0 and len(hits) == 1 and "[Akcakale]" in hits[0]["snippet"]
    for hostile in ['"unbalanced', "AND OR NOT", "a* NEAR(", "'; DROP TABLE documents; --"]:
        assert main(["search", hostile, "--db", db, "--json"]) == 0
    capsys.readouterr()
    code, out, _ = run(capsys, "show", hits[0]["id"][:8], "--db", db, "--json")
    detail = json.loads(out)
    assert detail["document"]["id"] == hits[0]["id"] and detail["entities"]
    code, out, _ = run(capsys, "entities", "--type", "GPE", "--top", "3", "--db", db, "--json")
    rows = json.loads(out)
    assert len(rows) == 3 and all(r["type"] == "GPE" for r in rows)
    code, _, err = run(capsys, "show", "ffffffffffff", "--db", db)
    assert code == 1 and "no document" in err


def test_db_from_environment(tmp_path, corpus, capsys, monkeypatch):
    monkeypatch.setenv("NEWSINTEL_DB", str(tmp_path / "env.db"))
    run(capsys, "ingest", str(corpus / "a.txt"), "--workers", "1")
    assert (tmp_path / "env.db").exists()


def test_a_failing_write_leaves_nothing_half_stored(tmp_path, monkeypatch):
    from newsintel.annotate import annotate
    from newsintel.clean import clean
    from newsintel.model import RawDocument

    record = next(annotate([clean(RawDocument("a.txt", "txt", "h1", text=GOOD))]))
    record.entities[-1].mentions[0].start = None  # violates NOT NULL on the last insert of the transaction
    conn = connect(tmp_path / "s.db")
    with pytest.raises(sqlite3.IntegrityError):
        save_record(conn, record, "h1")
    for table in ("documents", "inputs", "sentences", "entities", "mentions", "documents_fts"):
        assert conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0] == 0, table


def test_schema_is_versioned_and_migrations_apply_once(tmp_path):
    conn = connect(tmp_path / "s.db")
    latest = migrations()[-1][0]
    assert schema_version(conn) == latest
    conn.close()
    conn = connect(tmp_path / "s.db")  # reopening does not re-run anything
    assert schema_version(conn) == latest
    assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert conn.execute("PRAGMA foreign_keys").fetchone()[0] == 1


FACTS = ("Kosovo police arrested Driton Haliti in Pristina on Tuesday, a spokesman said.\n\n"
         "Haliti had fled Raqqa and slipped into Turkey, according to prosecutors. Officials believe he may "
         "have travelled to Vienna.")


def test_facts_are_stored_queried_and_reprocessed_idempotently(tmp_path, capsys):
    (tmp_path / "a.json").write_text(json.dumps({"text": FACTS, "title": "Haliti held", "published": "2025-06-12"}))
    db = str(tmp_path / "s.db")
    assert main(["ingest", str(tmp_path / "a.json"), "--db", db, "--workers", "1"]) == 0
    capsys.readouterr()
    code, out, _ = run(capsys, "events", "--db", db, "--entity", "haliti", "--json")
    events = json.loads(out)
    types = {e["type"] for e in events}
    assert {"ARREST", "FLEE", "CROSS_BORDER"} <= types
    arrest = next(e for e in events if e["type"] == "ARREST")
    assert arrest["time"]["value"] == "2025-06-10"
    assert arrest["attribution"]["cue"] == "said"
    assert arrest["source"]["title"] == "Haliti held" and "arrested Driton Haliti" in arrest["source"]["sentence_text"]
    code, out, _ = run(capsys, "events", "--db", db, "--modality", "hedged", "--json")
    assert [e["type"] for e in json.loads(out)] == ["TRAVEL"]
    code, out, _ = run(capsys, "claims", "--db", db, "--speaker", "prosecutors", "--json")
    assert len(json.loads(out)) == 1
    code, out, _ = run(capsys, "stats", "--db", db, "--json")
    before = json.loads(out)
    code, out, _ = run(capsys, "reprocess", "--db", db, "--workers", "1")
    assert code == 0 and "reprocessed 1, failed 0" in out
    code, out, _ = run(capsys, "stats", "--db", db, "--json")
    assert json.loads(out) == before
    code, out, _ = run(capsys, "show", arrest["source"]["document"], "--db", db)
    assert "ARREST" in out and "[hedged]" in out


def test_data_files_have_no_yaml_surprises():
    """YAML reads bare no/on/yes as booleans: every word list must hold strings."""
    from importlib import resources

    import yaml

    def walk(value, where):
        assert not isinstance(value, bool), f"boolean in {where}: quote the word"
        if isinstance(value, dict):
            for k, v in value.items():
                walk(k, where)
                walk(v, where)
        elif isinstance(value, list):
            for v in value:
                walk(v, where)

    for entry in resources.files("newsintel").joinpath("data").iterdir():
        if entry.name.endswith(".yaml"):
            walk(yaml.safe_load(entry.read_text(encoding="utf-8")), entry.name)


def _strict_folder(tmp_path, n_files, bad):
    """`n_files` distinct good reports; the ones at the indexes of `bad` replaced by failing inputs (an empty file
    fails while reading, an HTML page with no article text while cleaning)."""
    from helpers import synthetic_article

    folder = tmp_path / "in"
    folder.mkdir()
    for n in range(n_files):
        if bad.get(n) == "read":
            (folder / f"{n:02d}.txt").write_text("")
        elif bad.get(n) == "clean":
            (folder / f"{n:02d}.html").write_text("<html><body><script>var x = 1;</script></body></html>")
        else:
            (folder / f"{n:02d}.txt").write_text(synthetic_article(n, seed=5))
    return folder


def _stored_origins(db) -> list[str]:
    with sqlite3.connect(db) as conn:
        return sorted(Path(r[0]).name for r in conn.execute("SELECT origin FROM documents"))


@pytest.mark.parametrize("workers", ["1", "2"])
@pytest.mark.parametrize("kind", ["read", "clean"])
def test_strict_stores_everything_before_the_first_failure(tmp_path, capsys, workers, kind):
    """Documents read ahead of the failure (up to several chunks with worker processes) are not stored; every one
    before it is."""
    folder = _strict_folder(tmp_path, 20, {10: kind})
    db = tmp_path / "s.db"
    code, out, err = run(capsys, "ingest", str(folder), "--db", str(db), "--strict", "--workers", workers)
    bad = next(p for p in folder.iterdir() if p.name.startswith("10."))
    assert code == 1
    assert _stored_origins(db) == [f"{n:02d}.txt" for n in range(10)]
    lines = err.splitlines()
    assert [line for line in lines if line.startswith("error: ")] == [
        next(line for line in lines if line.startswith(f"error: {bad}: "))]
    assert f"stopped at the first failure (--strict): {bad}; 10 documents stored before it" in lines
    assert "ingested 10, unchanged 0, failed 1" in out


def test_strict_names_the_first_failure_in_input_order(tmp_path, capsys):
    """A page that fails in cleaning comes before an empty file that fails while reading: the page is where the
    run stops, the empty file is never reported."""
    folder = _strict_folder(tmp_path, 8, {5: "clean", 6: "read"})
    db = tmp_path / "s.db"
    code, _, err = run(capsys, "ingest", str(folder), "--db", str(db), "--strict", "--workers", "1")
    assert code == 1 and _stored_origins(db) == [f"{n:02d}.txt" for n in range(5)]
    errors = [line for line in err.splitlines() if line.startswith("error: ")]
    assert len(errors) == 1 and errors[0].startswith(f"error: {folder / '05.html'}: ")
    code, out, _ = run(capsys, "ingest", str(folder), "--db", str(db), "--workers", "1")  # without --strict
    assert code == 1 and "ingested 1, unchanged 5, failed 2" in out


@pytest.mark.parametrize("argv", [
    ["ingest", "x", "--workers", "0"], ["ingest", "x", "--workers", "-3"], ["ingest", "x", "--workers", "two"],
    ["ingest", "x", "--workers", "100000"], ["reprocess", "--workers", "0"], ["entities", "--top", "0"],
    ["search", "police", "--limit", "-1"], ["events", "--limit", "0"], ["claims", "--limit", "99999999999999999999"],
    ["summary", "--top", "-2"], ["profile", "X", "--limit", "0"], ["timeline", "X", "--limit", "-5"],
    ["movements", "--limit", "0"], ["conflicts", "--limit", "0"], ["identities", "--top", "0"],
    ["stories", "--min-size", "0"], ["stories", "--limit", "-1"], ["split", "I1", "--mention", "-4"],
])
def test_counts_out_of_range_are_usage_errors(argv, capsys):
    with pytest.raises(SystemExit) as exc:
        main(argv)
    _, err = capsys.readouterr()
    assert exc.value.code == 2
    assert err.startswith("usage: ") and "Traceback" not in err
    assert len([line for line in err.splitlines() if line.startswith("newsintel ")]) == 1  # argparse's one error


@pytest.fixture
def facts_store(tmp_path, capsys):
    (tmp_path / "a.json").write_text(json.dumps({"text": FACTS, "title": "Haliti held", "published": "2025-06-12"}))
    db = str(tmp_path / "s.db")
    assert main(["ingest", str(tmp_path / "a.json"), "--db", db, "--workers", "1"]) == 0
    capsys.readouterr()
    return db


def test_names_are_bounded_and_taken_literally(facts_store, capsys):
    db = facts_store
    huge = "Haliti " * 7_143  # 50,001 characters: sqlite refuses such a LIKE pattern
    for argv in (["profile", huge], ["timeline", huge], ["events", "--entity", huge], ["claims", "--speaker", huge],
                 ["show", "a" * 50_000], ["merge", huge, "I1"], ["split", huge, "--mention", "1"],
                 ["search", huge]):
        code, out, err = run(capsys, *argv, "--db", db)
        assert code == 1 and out == "", argv
        lines = err.splitlines()
        assert len(lines) == 1 and lines[0].startswith("error: ") and "characters long" in lines[0], argv
    code, out, _ = run(capsys, "events", "--entity", "Haliti " * 70, "--db", db, "--json")  # 490: accepted
    assert code == 0 and json.loads(out) == []
    code, out, _ = run(capsys, "events", "--db", db, "--json")
    assert json.loads(out)  # there are events, but wildcards given by the user match nothing
    for wild in ("%", "_", "%_%", "\\"):
        code, out, _ = run(capsys, "events", "--entity", wild, "--db", db, "--json")
        assert code == 0 and json.loads(out) == [], wild
        code, out, _ = run(capsys, "claims", "--speaker", wild, "--db", db, "--json")
        assert code == 0 and json.loads(out) == [], wild
    for hostile in ['"unbalanced', "NEAR(a b", "* OR *", "x" * 1_999, "\x00\u202e'; --"]:
        code, out, err = run(capsys, "search", hostile, "--db", db, "--json")
        assert code == 0 and isinstance(json.loads(out), list) and err == "", hostile


def test_identity_wildcards_match_nothing(tmp_path, capsys):
    """With one identity in the store, an id "prefix" of wildcards must not find it."""
    from newsintel.resolve.judgements import JudgementError
    from newsintel.store.identity_index import find_identity
    from newsintel.views.common import find_identities

    conn = connect(tmp_path / "s.db")
    conn.execute("INSERT INTO identities(id, kind, type, name) VALUES ('Iabc123def456', 'person', 'PERSON', 'Q')")
    assert [r["id"] for r in find_identities(conn, "Iabc1")] == ["Iabc123def456"]
    assert find_identities(conn, "I%%%%") == [] and find_identities(conn, "I____") == []
    assert find_identity(conn, "Iabc").id == "Iabc123def456"
    for wild in ("%", "I%", "_abc%"):
        with pytest.raises(JudgementError):
            find_identity(conn, wild)


def test_movements_geojson_target_checked_and_written_whole(facts_store, tmp_path, capsys):
    db = facts_store
    for target, why in ((tmp_path, "it is a directory"), (tmp_path / "nope" / "f.geojson", "does not exist")):
        code, out, err = run(capsys, "movements", "--geojson", str(target), "--db", db)
        assert code == 1 and out == ""
        assert err.splitlines() == [next(line for line in err.splitlines() if line.startswith("error: "))]
        assert str(target) in err and why in err
    target = tmp_path / "flows.geojson"
    target.write_text("old")
    code, _, _ = run(capsys, "movements", "--geojson", str(target), "--db", db, "--json")
    assert code == 0 and json.loads(target.read_text())["type"] == "FeatureCollection"
    assert sorted(p.name for p in tmp_path.iterdir() if "geojson" in p.name) == ["flows.geojson"]


def test_an_error_about_a_file_name_with_a_newline_is_one_line(tmp_path, capsys):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "bad\nname.txt").write_text("")
    (folder / "good.txt").write_text(GOOD)
    code, out, err = run(capsys, "ingest", str(folder), "--db", str(tmp_path / "s.db"), "--workers", "1")
    assert code == 1 and "ingested 1, unchanged 0, failed 1" in out
    lines = err.splitlines()
    assert len(lines) == 1 and lines[0].startswith("error: ") and "name.txt" in lines[0]


def test_text_arguments_that_are_not_utf8_are_one_line(facts_store, tmp_path, capsys):
    """Bytes that are not UTF-8 reach Python as lone surrogates; sqlite cannot bind them."""
    db = facts_store
    for argv in (["profile", "Hal\udcffiti"], ["timeline", "\udcfe"], ["events", "--entity", "a\udcff"],
                 ["claims", "--speaker", "\udcff"], ["entities", "--type", "\udcff"], ["search", "\udcff"],
                 ["merge", "Ia", "Ib", "--note", "why \udcff"], ["show", "\udcff"]):
        code, out, err = run(capsys, *argv, "--db", db)
        assert code == 1 and out == "", argv
        assert err.splitlines() == [next(line for line in err.splitlines() if "not UTF-8" in line)], argv
    code, _, err = run(capsys, "stats", "--db", str(tmp_path / "x\udcff.db"))
    assert code == 1 and err.splitlines() == [f"error: {tmp_path}/x\\xff.db: no such store (run `newsintel ingest`"
                                              " first)"]
