"""Stories: copies and reports of one event join one story, other events stay apart, the order of arrival does not
matter here, reruns and reprocessing keep exactly one story row per document, and the command prints its JSON."""

import json

import pytest

from newsintel.cli.main import main
from newsintel.model import Failure, RawDocument
from newsintel.pipeline import process_batch
from newsintel.resolve.story_features import from_record
from newsintel.store import connect, save_record

FLOOD_1 = ("Floodwaters from the Danube and Inn rivers forced the evacuation of about 2,000 residents from the old "
           "town of Passau on Monday, the Bavarian interior ministry said.\n\nMayor Juergen Dupper said the water "
           "level reached 11.8 metres, the highest since 2013. Firefighters used boats to reach people trapped in "
           "their homes in Passau. The German Weather Service warned of more rain across southern Bavaria.")
FLOOD_2 = ("Around 2,000 people had to leave their homes in Passau after the Danube and the Inn burst their banks, "
           "officials in Bavaria said.\n\nPassau mayor Jürgen Dupper told reporters the river peaked near 11.8 "
           "metres. Rescue teams in boats evacuated residents of the flooded old town, and forecasters expect "
           "further heavy rain.")
COURT_1 = ("A court in Sarajevo on Thursday sentenced Senad Kovac, 41, to six years in prison for smuggling "
           "migrants across the Drina river from Serbia, prosecutors said.\n\nKovac was arrested in Zvornik last "
           "year with 23 people hidden in a lorry. His lawyer said he would appeal the verdict.")
COURT_2 = ("Bosnian judges jailed people smuggler Senad Kovac for six years, the State Court in Sarajevo announced."
           "\n\nProsecutors said Kovac moved migrants over the Drina from Serbia and was caught near Zvornik with 23 "
           "people in a lorry. The defence plans an appeal.")
LAUNCH = ("A Norwegian start-up launched its first rocket from the Andoya spaceport on Wednesday, the company "
          "said.\n\nThe small launcher carried a weather satellite built by students in Trondheim. Engineers at "
          "Andoya Space said the flight reached orbit after nine minutes.")
OTHER_TRIAL = ("The State Court in Sarajevo acquitted former finance minister Amra Hadzic of corruption on Friday, "
               "ending a three-year trial over the sale of a steel mill in Zenica.\n\nHadzic said the ruling cleared "
               "her name. The prosecution has not decided whether to appeal.")

ARTICLES = [
    ("flood-1", "Floods force evacuation of Passau old town", FLOOD_1, "2025-06-02", "Bavaria Daily"),
    ("court-1", "Sarajevo court jails migrant smuggler", COURT_1, "2025-06-05", "Balkan Wire"),
    ("flood-2", "Thousands leave homes as Danube floods Passau", FLOOD_2, "2025-06-02", "Euro News Desk"),
    ("launch", "Norwegian start-up reaches orbit from Andoya", LAUNCH, "2025-06-04", "Nordic Tech"),
    ("flood-copy", "Passau evacuated as rivers rise", FLOOD_1 + "\n\nReporting by the newsroom.", "2025-06-03",
     "Syndicated"),
    ("court-2", "Smuggler Kovac jailed for six years", COURT_2, "2025-06-06", "Sarajevo Times"),
    ("other-trial", "Sarajevo court acquits former minister Hadzic", OTHER_TRIAL, "2025-06-06", "Balkan Wire"),
]
EVENT = {"flood-1": "flood", "flood-2": "flood", "flood-copy": "flood", "court-1": "court", "court-2": "court",
         "launch": "launch", "other-trial": "acquittal"}


@pytest.fixture(scope="module")
def records():
    raws = [RawDocument(origin=name, format="json", raw_hash=name, text=text, title=title, published=date,
                        source=source) for name, title, text, date, source in ARTICLES]
    out = dict(zip((a[0] for a in ARTICLES), process_batch(raws), strict=True))
    assert not any(isinstance(r, Failure) for r in out.values())
    return out


def store_in_order(tmp_path, records, order, name="s.db"):
    """`records` stored in `order` into a new SQLite file under `tmp_path`, or into the store `tmp_path` names
    (a `--db` value: `store_db`)."""
    conn = connect(tmp_path if isinstance(tmp_path, str) else tmp_path / name)
    for key in order:
        save_record(conn, records[key], records[key].document.raw_hash)
    return conn


def partition(conn, records):
    story = dict(conn.execute("SELECT document_id, story_id FROM story_docs").fetchall())
    groups = {}
    for key, record in records.items():
        groups.setdefault(story[record.document.id], set()).add(key)
    return sorted(sorted(g) for g in groups.values())


def check_consistent(conn):
    """One story row per document, no empty stories, sizes and spans that match the members."""
    docs = conn.execute("SELECT count(*) FROM documents").fetchone()[0]
    assert conn.execute("SELECT count(*) FROM story_docs").fetchone()[0] == docs
    rows = conn.execute("SELECT s.id, s.size, count(d.document_id) FROM stories s"
                        " LEFT JOIN story_docs d ON d.story_id = s.id GROUP BY s.id").fetchall()
    assert all(size == members > 0 for _, size, members in rows)
    assert sum(size for _, size, _ in rows) == docs
    assert conn.execute("SELECT df FROM story_df WHERE key = ''").fetchone()[0] == docs


def test_copies_and_reports_of_one_event_join_other_events_stay_apart(store_db, records):
    conn = store_in_order(store_db, records, [a[0] for a in ARTICLES])
    assert partition(conn, records) == [["court-1", "court-2"], ["flood-1", "flood-2", "flood-copy"], ["launch"],
                                        ["other-trial"]]
    joined = conn.execute("SELECT joined_by FROM story_docs WHERE document_id = ?",
                          (records["flood-copy"].document.id,)).fetchone()[0]
    assert joined == "duplicate"
    check_consistent(conn)


def test_an_entity_counts_by_its_identity_as_well_as_its_spelling(store_db, records):
    conn = store_in_order(store_db, records, [a[0] for a in ARTICLES])
    profiles = {key: json.loads(conn.execute("SELECT profile FROM story_docs WHERE document_id = ?",
                                             (records[key].document.id,)).fetchone()[0]) for key in records}
    # flood-2 writes "Jürgen Dupper": its own spelling, and the identity it resolved to, which flood-1 names
    assert "e:jurgen dupper" in profiles["flood-2"] and "e:juergen dupper" in profiles["flood-2"]
    assert "e:jurgen dupper" not in profiles["flood-1"] and "e:juergen dupper" in profiles["flood-1"]
    built = from_record(records["flood-2"])  # without the store: by spelling only
    assert "e:jurgen dupper" in built.profile and "e:juergen dupper" not in built.profile


def test_order_of_arrival_does_not_change_the_stories(tmp_path, records):
    forward = store_in_order(tmp_path, records, [a[0] for a in ARTICLES], "a.db")
    backward = store_in_order(tmp_path, records, [a[0] for a in reversed(ARTICLES)], "b.db")
    assert partition(forward, records) == partition(backward, records)


def test_candidates_are_found_by_index_not_by_scan(tmp_path, records):
    conn = store_in_order(tmp_path, records, ["flood-1"])
    for sql, params in [
        ("SELECT document_id FROM story_keys WHERE key = ? AND day BETWEEN ? AND ? ORDER BY day DESC LIMIT 5",
         ("p:passau", 1, 2)),
        ("SELECT document_id FROM story_bands WHERE band = ? LIMIT 5", (1,)),
    ]:
        plan = " ".join(r[3] for r in conn.execute("EXPLAIN QUERY PLAN " + sql, params))
        assert "SEARCH" in plan and "SCAN" not in plan, plan


def write_feed(folder, articles):
    folder.mkdir(exist_ok=True)
    lines = [json.dumps({"title": t, "text": x, "published": d, "source": s}) for _, t, x, d, s in articles]
    (folder / "feed.jsonl").write_text("\n".join(lines) + "\n")


def test_rerun_reprocess_and_backfill_keep_one_story_per_document(tmp_path, capsys):
    folder, db = tmp_path / "in", str(tmp_path / "s.db")
    write_feed(folder, ARTICLES)
    assert main(["ingest", str(folder), "--db", db, "--workers", "1", "--quiet"]) == 0
    conn = connect(db)
    before = conn.execute("SELECT document_id, story_id FROM story_docs ORDER BY 1").fetchall()
    stories = conn.execute("SELECT count(*) FROM stories").fetchone()[0]
    assert stories == 4
    assert main(["ingest", str(folder), "--db", db, "--workers", "1", "--quiet"]) == 0
    assert conn.execute("SELECT document_id, story_id FROM story_docs ORDER BY 1").fetchall() == before
    assert conn.execute("SELECT count(*) FROM stories").fetchone()[0] == stories
    assert main(["reprocess", "--db", db, "--workers", "1"]) == 0
    check_consistent(conn)
    assert conn.execute("SELECT count(*) FROM stories").fetchone()[0] == stories
    # A store written before stories existed: the next ingest places its documents first.
    for table in ("story_bands", "story_keys", "story_df", "story_docs", "stories"):
        conn.execute(f"DELETE FROM {table}")
    assert main(["ingest", str(folder), "--db", db, "--workers", "1", "--quiet"]) == 0
    check_consistent(conn)
    assert conn.execute("SELECT count(*) FROM stories").fetchone()[0] == stories
    capsys.readouterr()


def test_stories_command_json(tmp_path, capsys):
    folder, db = tmp_path / "in", str(tmp_path / "s.db")
    write_feed(folder, ARTICLES)
    assert main(["ingest", str(folder), "--db", db, "--workers", "1", "--quiet"]) == 0
    capsys.readouterr()
    assert main(["stories", "--db", db, "--json"]) == 0
    stories = json.loads(capsys.readouterr().out)
    assert [s["size"] for s in stories] == [3, 2]  # largest first; the lone launch report needs --min-size 1
    flood = stories[0]
    assert set(flood) == {"id", "size", "first_date", "last_date", "key_entities", "documents"}
    assert (flood["first_date"], flood["last_date"]) == ("2025-06-02", "2025-06-03")
    key = {e["name"]: e for e in flood["key_entities"]}
    assert {"Passau, Germany", "Juergen Dupper"} <= set(key)  # identities: the gazetteer's name of a place
    assert key["Juergen Dupper"]["documents"] == 3  # "Jürgen Dupper" in one of them is the same identity
    assert all(set(e) == {"name", "type", "documents", "identity"} for e in flood["key_entities"])
    assert {d["title"] for d in flood["documents"]} == {a[1] for a in ARTICLES if EVENT[a[0]] == "flood"}
    assert set(flood["documents"][0]) == {"id", "title", "published", "source", "joined_by"}
    assert main(["stories", "--db", db, "--json", "--min-size", "1", "--limit", "10"]) == 0
    assert len(json.loads(capsys.readouterr().out)) == 4
    assert main(["show", flood["documents"][0]["id"], "--db", db, "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["document"]["story"] == flood["id"]
    assert main(["stories", "--db", db]) == 0
    out = capsys.readouterr().out
    assert "3 articles" in out and "Floods force evacuation of Passau old town" in out
