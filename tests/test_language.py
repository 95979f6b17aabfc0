"""Language identification: every document's language stored; one with no pipeline is searchable but gets no
facts, with one warning naming its language; `stats` counts languages; `reprocess` keeps the skip."""

import json
import sqlite3

from newsintel.clean import language
from newsintel.cli.main import main
from newsintel.model import RawDocument, Record
from newsintel.pipeline import process_batch
from newsintel.store.db import migrations

ENGLISH = ("Border police in Edirne detained two men on Tuesday as they tried to cross into Bulgaria, the provincial "
           "governor's office said. The men, who carried forged passports, told officers they had travelled from "
           "Gaziantep by bus. Prosecutors in Istanbul opened an investigation into a smuggling network.")
FRENCH = ("La police des frontières a interpellé mardi deux hommes qui tentaient de passer en Bulgarie près d'Edirne, "
          "a indiqué la préfecture. Les deux hommes, porteurs de faux passeports, ont déclaré être venus de "
          "Gaziantep en autocar. Le parquet d'Istanbul a ouvert une enquête sur un réseau de passeurs.")
GERMAN = ("Die Grenzpolizei hat am Dienstag in der Nähe von Edirne zwei Männer festgenommen, die nach Bulgarien "
          "einreisen wollten, teilte das Gouverneursamt mit. Die beiden Männer trugen gefälschte Pässe bei sich und "
          "gaben an, mit dem Bus aus Gaziantep gekommen zu sein. Die Staatsanwaltschaft ermittelt.")


def test_paragraphs_are_identified():
    assert language.identify(ENGLISH) == "en"
    assert language.identify(FRENCH) == "fr"
    assert language.identify(GERMAN) == "de"


def test_too_short_to_tell_is_not_identified_and_still_processed():
    assert language.identify("Raqqa, Syria. 2017") is None
    assert language.is_supported(None)
    assert not language.is_supported("fr")


def test_english_reports_with_foreign_names_stay_english():
    """The model ranks Nigerian Pidgin first for some English news about Nigeria; English in reach wins."""
    report = "Abuja — Gunmen kidnapped 12 people in Kaduna on Sunday, police said."
    top, _ = language.identifier().rank(report)[0]
    assert top != "en"  # the case the supported-language floor exists for
    assert language.identify(report) == "en"


def _raw(name: str, text: str) -> RawDocument:
    return RawDocument(origin=name, format="json", raw_hash=name, text=text)


def test_a_document_without_a_pipeline_gets_no_facts_and_one_warning():
    english, french = process_batch([_raw("en.json", ENGLISH), _raw("fr.json", FRENCH)])
    assert isinstance(english, Record) and isinstance(french, Record)
    assert english.document.language == "en" and english.entities and not english.document.warnings
    assert french.document.language == "fr"
    assert not (french.entities or french.events or french.claims or french.quantities or french.relations)
    assert french.document.warnings == [
        "language is French (fr); stored and searchable, no facts extracted (no French pipeline)"]


def run(capsys, *argv):
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_cli_stores_searches_counts_and_reprocesses_by_language(tmp_path, capsys):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "english.txt").write_text("Two men held at the border\n\n" + ENGLISH, encoding="utf-8")
    (folder / "french.txt").write_text("Deux hommes interpellés à la frontière\n\n" + FRENCH, encoding="utf-8")
    db = str(tmp_path / "s.db")

    code, out, err = run(capsys, "ingest", str(folder), "--db", db, "--workers", "1")
    assert code == 0, err  # a warning is not a failure
    warnings = [line for line in err.splitlines() if line.startswith("warning:")]
    assert len(warnings) == 1 and "french.txt" in warnings[0] and "French (fr)" in warnings[0]
    assert "ingested 2" in out

    code, out, _ = run(capsys, "stats", "--db", db, "--json")
    assert code == 0 and json.loads(out)["languages"] == {"en": 1, "fr": 1}

    code, out, _ = run(capsys, "search", "passeurs", "--db", db, "--json")
    hits = json.loads(out)
    assert code == 0 and len(hits) == 1
    code, out, _ = run(capsys, "show", hits[0]["id"], "--db", db, "--json")
    detail = json.loads(out)
    assert code == 0 and detail["entities"] == [] and "passeurs" in detail["document"]["text"]

    code, out, err = run(capsys, "reprocess", "--db", db, "--workers", "1")
    assert code == 0 and "French (fr)" in err
    conn = sqlite3.connect(db)
    by_language = dict(conn.execute("SELECT d.language, count(e.id) FROM documents d"
                                    " LEFT JOIN entities e ON e.document_id = d.id GROUP BY d.language"))
    assert by_language["fr"] == 0 and by_language["en"] > 0


def test_an_older_store_migrates_and_reprocess_identifies_its_documents(tmp_path, capsys):
    db = tmp_path / "old.db"
    conn = sqlite3.connect(db, isolation_level=None)
    for version, _name, sql in migrations():
        if version < 7:
            conn.executescript(sql)
            conn.execute(f"PRAGMA user_version = {version}")
    conn.execute("INSERT INTO documents(id, title, source, url, published, author, origin, format, text, ingested_at)"
                 " VALUES ('00aa11bb22cc33dd', 'Old', NULL, NULL, NULL, NULL, 'old.txt', 'txt', ?, '2025-01-01')",
                 (GERMAN,))
    conn.close()

    code, out, _ = run(capsys, "stats", "--db", str(db), "--json")
    assert code == 0 and json.loads(out)["languages"] == {"und": 1}  # stored before identification existed
    code, _, err = run(capsys, "reprocess", "--db", str(db), "--workers", "1")
    assert code == 0 and "German (de)" in err
    code, out, _ = run(capsys, "stats", "--db", str(db), "--json")
    assert json.loads(out)["languages"] == {"de": 1}
