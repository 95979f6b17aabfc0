"""Cross-document resolution, judgements and the analyst views, on short reports written for these tests."""

import json
import sqlite3

import pytest

from newsintel.cli.main import main
from newsintel.resolve.names import person_form, similarity
from newsintel.store import connect
from newsintel.views.common import find_identities
from tests.helpers import ingest_reports

REPORTS = {
    "a.txt": "Belgian recruiter arrested\n\nMohammed Benali, 34, a Belgian national, was arrested in Sofia on "
             "Friday, Bulgarian police said. Benali had travelled from Istanbul with Karim Ouali.\n",
    "b.txt": "Recruiter extradited\n\nMohamed Ben Ali, a Belgian national, was handed to Belgium on Monday. "
             "Prosecutors said he may be planning to return to Syria. Karim Ouali was also questioned.\n",
    "c.txt": "Cup final\n\nMohammed Benali, 19, a Moroccan midfielder, scored twice for Raja Casablanca in "
             "Rabat on Sunday, his coach Youssef Amrani said.\n",
    "d.txt": "Convoy figures\n\nAbout 300 fighters left Raqqa for Deir ez-Zor in the convoy, officials said.\n",
    "e.txt": "Convoy questions\n\nUp to 5,000 people left Raqqa for Deir ez-Zor in the convoy, a commander said.\n",
}


@pytest.mark.parametrize(("a", "b", "same"), [
    ("Mohammed Benali", "Muhammad Ben Ali", True),
    ("Fjolla Zeqiri", "Fjolla Zekiri", True),
    ("Abu Hamza al-Kosovi", "Abu Hamzah al-Kosowi", True),
    ("Dennis Köhler", "Dennis Koehler", True),
    ("Мухаммед Бенали", "Mohammed Benali", True),
    ("Abu Hamza al-Kosovi", "Abu Talha al-Kosovi", False),
    ("Fjolla Zeqiri", "Arsim Zeqiri", False),
    ("John Smith", "Jane Smith", False),
])
def test_name_variants(a, b, same):
    score = similarity(person_form(a), person_form(b))
    assert (score >= 0.9) is same, score


@pytest.fixture(scope="module")
def store(tmp_path_factory):
    folder = tmp_path_factory.mktemp("reports")
    for day, (name, text) in enumerate(REPORTS.items(), start=10):
        title, body = text.split("\n\n", 1)
        record = {"title": title, "text": body, "published": f"2025-03-{day}", "url": f"https://news.example/{name}"}
        (folder / name.replace(".txt", ".json")).write_text(json.dumps(record), encoding="utf-8")
    db = folder / "store.db"
    files = [str(folder / n.replace(".txt", ".json")) for n in REPORTS]
    assert main(["ingest", "--quiet", "--workers", "1", "--db", str(db), *files]) == 0
    return db


def _identity_of(conn, doc_name, entity_name):
    row = conn.execute(
        "SELECT l.identity_id FROM entities e JOIN documents d ON d.id = e.document_id"
        " JOIN entity_links l ON l.entity_id = e.id WHERE d.origin LIKE ? AND e.name = ?",
        ("%" + doc_name.replace(".txt", ".json"), entity_name)).fetchone()
    assert row is not None, (doc_name, entity_name)
    return row[0]


def test_variants_join_and_namesake_stays_apart(store):
    conn = connect(store)
    benali = _identity_of(conn, "a.txt", "Mohammed Benali")
    assert _identity_of(conn, "b.txt", "Mohamed Ben Ali") == benali
    assert _identity_of(conn, "c.txt", "Mohammed Benali") != benali  # Moroccan, 19: a namesake


def test_judgements_win_and_survive_rebuild(store, tmp_path, capsys):
    db = tmp_path / "copy.db"
    target = sqlite3.connect(db)
    connect(store).backup(target)  # the store is in WAL mode: copy it through SQLite, not as bytes
    target.close()
    conn = connect(db)
    benali = _identity_of(conn, "a.txt", "Mohammed Benali")
    namesake = _identity_of(conn, "c.txt", "Mohammed Benali")
    assert main(["merge", benali, namesake, "--db", str(db), "--note", "test"]) == 0
    assert main(["resolve", "--db", str(db)]) == 0
    conn = connect(db)
    assert _identity_of(conn, "a.txt", "Mohammed Benali") == _identity_of(conn, "c.txt", "Mohammed Benali")
    assert main(["reprocess", "--workers", "1", "--db", str(db)]) == 0  # re-extraction keeps the judgement too
    conn = connect(db)
    assert _identity_of(conn, "a.txt", "Mohammed Benali") == _identity_of(conn, "c.txt", "Mohammed Benali")
    # split the footballer off again by one of his mentions; that too survives a rebuild
    merged = _identity_of(conn, "a.txt", "Mohammed Benali")
    mention = conn.execute(
        "SELECT m.id FROM mentions m JOIN documents d ON d.id = m.document_id WHERE d.origin LIKE '%c.json'"
        " AND m.text = 'Mohammed Benali'").fetchone()[0]
    assert main(["split", merged, "--mention", str(mention), "--db", str(db)]) == 0
    assert main(["resolve", "--db", str(db)]) == 0
    conn = connect(db)
    assert _identity_of(conn, "a.txt", "Mohammed Benali") != _identity_of(conn, "c.txt", "Mohammed Benali")
    assert _identity_of(conn, "a.txt", "Mohammed Benali") == _identity_of(conn, "b.txt", "Mohamed Ben Ali")
    # not-same between the two Karim Ouali mentions keeps them apart after a rebuild
    karim_a, karim_b = _identity_of(conn, "a.txt", "Karim Ouali"), _identity_of(conn, "b.txt", "Karim Ouali")
    assert karim_a == karim_b
    assert main(["not-same", karim_a, karim_a, "--db", str(db)]) == 1  # one identity: must use split
    assert "use `split`" in capsys.readouterr().err
    assert conn.execute("SELECT count(*) FROM judgements").fetchone()[0] == 2


def test_profile_keeps_modality_and_sources(store, capsys):
    assert main(["profile", "Muhammad Benali", "--db", str(store), "--json"]) == 0
    profile = json.loads(capsys.readouterr().out)
    assert profile["who"]["name"] in ("Mohammed Benali", "Mohamed Ben Ali")
    assert {"Mohammed Benali", "Mohamed Ben Ali"} <= {n["name"] for n in profile["who"]["names"]}
    assert profile["who"]["attributes"]["nationality"][0]["value"] == "Belgian"
    heading = profile["heading"]
    assert heading, "the hedged return to Syria is a movement"
    assert all(f["source"]["sentence_text"] and f["source"]["document"] for f in heading)
    assert any(f["status"] == "hedged" and any(d["text"] == "Syria" for d in f["destination"]) for f in heading)
    assert not any(f["status"] == "done" and any(d["text"] == "Syria" for d in f["destination"]) for f in heading)
    assert any(a["kind"] == "co-mentioned" and a["name"] == "Karim Ouali" for a in profile["associates"])


def test_find_identity_by_other_spelling(store):
    conn = connect(store)
    assert find_identities(conn, "Mohamed Benali")[0]["name"] in ("Mohammed Benali", "Mohamed Ben Ali")
    assert find_identities(conn, "Nobody Atall") == []


def test_conflicting_figures_are_grouped(store, capsys):
    assert main(["conflicts", "--db", str(store), "--json"]) == 0
    groups = json.loads(capsys.readouterr().out)
    convoy = [g for g in groups if "Raqqa" in g["about"] or "Deir ez-Zor" in g["about"]]
    assert convoy, groups
    texts = {v["text"] for v in convoy[0]["values"]}
    assert {"About 300", "Up to 5,000"} <= texts
    assert {v["said_by"] for v in convoy[0]["values"]} == {"officials", "commander"}


def test_place_identity_shows_the_reports_spelling_with_its_country(store):
    conn = connect(store)
    raqqa = find_identities(conn, "Raqqa")[0]
    assert raqqa["name"] == "Raqqa, Syria"  # the reports' spelling, with the gazetteer entry's country
    assert "Raqqa" in json.loads(raqqa["profile"])["names"]
    assert find_identities(conn, "Raqqa, Syria")[0]["id"] == raqqa["id"]  # the name shown finds it
    assert find_identities(conn, "Ar Raqqah")[0]["id"] == raqqa["id"]  # so does GeoNames' name, never reported
    assert find_identities(conn, "Karim Ouali")[0]["name"] == "Karim Ouali"  # people keep their reported name


def test_movements_and_geojson(store, tmp_path, capsys):
    out = tmp_path / "flows.geojson"
    assert main(["movements", "--db", str(store), "--json", "--geojson", str(out)]) == 0
    flows = json.loads(capsys.readouterr().out)
    assert any(f["origin"] == ["Raqqa, Syria"] and f["destination"] == ["Deir ez-Zor, Syria"]
               and f["count"] == 2 for f in flows), flows
    geo = json.loads(out.read_text())
    lines = [f for f in geo["features"] if f["geometry"]["type"] == "LineString"]
    assert lines and all(len(f["geometry"]["coordinates"]) >= 2 for f in lines)


def test_timeline_is_ordered(store, capsys):
    assert main(["timeline", "Benali", "--db", str(store), "--json"]) == 0
    facts = json.loads(capsys.readouterr().out)
    dates = [f["date"] or "" for f in facts]
    assert facts and dates == sorted(dates)


def test_rebuild_is_stable_and_judgements_keep_their_note(store, tmp_path):
    db = tmp_path / "copy.db"
    target = sqlite3.connect(db)
    connect(store).backup(target)
    target.close()
    conn = connect(db)
    before = conn.execute("SELECT id, name FROM identities ORDER BY id").fetchall()
    assert main(["resolve", "--db", str(db)]) == 0
    conn = connect(db)
    assert conn.execute("SELECT id, name FROM identities ORDER BY id").fetchall() == before
    ids = [r[0] for r in conn.execute("SELECT id FROM identities WHERE kind = 'place' LIMIT 2")]
    assert main(["not-same", *ids, "--db", str(db), "--note", "two different towns"]) == 0
    row = conn.execute("SELECT kind, note, made_at FROM judgements").fetchone()
    assert row[0] == "not-same" and row[1] == "two different towns" and row[2][:2] == "20"
    assert main(["merge", *ids, "--db", str(db)]) == 1  # a merge cannot silently undo a not-same


REAL = "../shared/bench/story-clustering/data/"
MORSI_REPORTS = ("40d513a79bad99d885c408f0f28ca125f028c282b127b234b1845bc5.json",
                 "181393e15a9f62f190149b03d9f3f5c094a4bb117392279921b89110.json")


def test_real_reports_spelled_differently_resolve_to_one_person(tmp_path, capsys):
    """Two real agency reports on one trial: 'Mohamed Morsi' in one, 'Mohammed Morsi' in the other."""
    from pathlib import Path

    root = Path(__file__).resolve().parent.parent
    paths = [root / REAL / name for name in MORSI_REPORTS]
    if not all(p.exists() for p in paths):
        pytest.skip("../shared/bench/story-clustering is not available")
    db = tmp_path / "real.db"
    assert main(["ingest", "--quiet", "--workers", "1", "--db", str(db), *map(str, paths)]) == 0
    capsys.readouterr()
    assert main(["profile", "Mohammed Morsi", "--db", str(db), "--json"]) == 0
    profile = json.loads(capsys.readouterr().out)
    assert profile["who"]["documents"] == 2
    assert {"Mohamed Morsi", "Mohammed Morsi"} <= {n["name"] for n in profile["who"]["names"]}


def test_lone_surname_is_read_against_the_people_of_its_own_report(tmp_path):
    reports = [
        {"title": "Police chief named", "published": "2025-01-05",
         "text": "Blerim Haliti was named police commander in Gjilan on Monday. Haliti said crime had fallen."},
        {"title": "Student questioned", "published": "2025-02-07",
         "text": "Arben Haliti, a student, and his father Besim Haliti were questioned at Pristina airport on "
                 "Friday. Haliti said the family would complain."},
    ]
    db = ingest_reports(tmp_path, reports)
    conn = connect(db)
    rows = conn.execute("SELECT m.text, d.title, l.identity_id FROM mentions m JOIN documents d ON d.id = m.document_id"
                        " JOIN entity_links l ON l.entity_id = m.entity_id WHERE m.text LIKE '%Haliti'").fetchall()
    ids: dict[tuple[str, str], set[str]] = {}
    for text, title, identity in rows:
        ids.setdefault((text, title), set()).add(identity)
    student = "Student questioned"
    others = (ids[("Blerim Haliti", "Police chief named")] | ids[("Arben Haliti", student)]
              | ids[("Besim Haliti", student)])
    assert len(others) == 3
    # the report's lone "Haliti" is one of its own Halitis or nobody; never the police chief of another report
    assert not ids.get(("Haliti", student), set()) & ids[("Blerim Haliti", "Police chief named")]


def _record(doc_id: str, published: str, names: list[str]):
    from newsintel.model import DocumentInfo, Entity, Mention, Record, Sentence

    text = ". ".join(names) + "."
    entities, offset = [], 0
    for i, name in enumerate(names):
        entities.append(Entity(id=f"{doc_id}-e{i}", name=name, type="PERSON",
                               mentions=[Mention(name, offset, offset + len(name), 0, "PERSON")]))
        offset += len(name) + 2
    info = DocumentInfo(id=doc_id, title=doc_id, source=None, url=None, published=published, text=text,
                        origin=doc_id, format="test")
    return Record(document=info, sentences=[Sentence(0, 0, len(text))], entities=entities)


def test_resolver_reads_a_lone_surname_against_its_own_report(store_db):
    from newsintel.store import save_record

    conn = connect(store_db)
    save_record(conn, _record("a" * 16, "2025-01-05", ["Blerim Haliti", "Gjilan Police"]))
    save_record(conn, _record("b" * 16, "2025-02-07", ["Arben Haliti", "Besim Haliti", "Haliti"]))
    save_record(conn, _record("c" * 16, "2025-03-01", ["Arben Haliti", "Haliti"]))
    link = {(r[0][:1], r[1]): r[2] for r in conn.execute(
        "SELECT e.document_id, e.name, l.identity_id FROM entities e JOIN entity_links l ON l.entity_id = e.id")}
    people = {link[("a", "Blerim Haliti")], link[("b", "Arben Haliti")], link[("b", "Besim Haliti")]}
    assert len(people) == 3
    assert link[("b", "Haliti")] not in people  # two Halitis in the report: neither, and not the third
    assert link[("c", "Haliti")] == link[("c", "Arben Haliti")] == link[("b", "Arben Haliti")]


def test_place_spellings_on_one_gazetteer_entry_are_one_place(tmp_path):
    reports = [{"title": "Convoy", "published": "2025-04-01", "text": "The convoy left Raqqah for the east on Monday."},
               {"title": "Return", "published": "2025-04-09", "text": "Two men returned to ar-Raqqa on Friday."}]
    db = ingest_reports(tmp_path, reports)
    rows = connect(db).execute("SELECT e.geonameid, l.identity_id FROM entities e JOIN entity_links l"
                               " ON l.entity_id = e.id WHERE e.name LIKE '%Raqqa%'").fetchall()
    assert len(rows) == 2 and rows[0][0] == rows[1][0] is not None
    assert rows[0][1] == rows[1][1]


def test_initials_are_read_against_the_full_names_of_their_own_report(store_db):
    from newsintel.store import save_record

    conn = connect(store_db)
    save_record(conn, _record("a" * 16, "2025-01-05", ["Dardan Krasniqi", "Gjilan Police"]))
    save_record(conn, _record("b" * 16, "2025-02-07", ["Dardan Krasniqi", "D.K."]))
    save_record(conn, _record("c" * 16, "2025-03-01", ["Dardan Krasniqi", "Dea Krasniqi", "D. Krasniqi", "D.K."]))
    link = {(r[0][:1], r[1]): r[2] for r in conn.execute(
        "SELECT e.document_id, e.name, l.identity_id FROM entities e JOIN entity_links l ON l.entity_id = e.id")}
    assert link[("b", "D.K.")] == link[("b", "Dardan Krasniqi")]  # the one full name of the report it fits
    fits_two = {link[("c", "Dardan Krasniqi")], link[("c", "Dea Krasniqi")]}
    assert link[("c", "D. Krasniqi")] not in fits_two and link[("c", "D.K.")] not in fits_two
