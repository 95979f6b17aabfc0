"""A publisher's focus is deterministic (nlp/focus.py, store/focus.py): a document's places are the same whether
it is ingested alone, in a batch, in reverse order or by two workers; `reprocess` takes the stored focus at a stable
point, so a local paper's "Athens" becomes its own state's then, the same with one worker or two. Reports written
for these tests."""

import json
import sqlite3

from newsintel.cli.main import main
from newsintel.nlp.focus import FocusTable, install, publisher_focus

LOCAL = "valley-ledger.example"
TEXTS = [
    (LOCAL, "Tennessee lawmakers met in Nashville on Monday to discuss school funding."),
    (LOCAL, "Storms crossed Tennessee overnight, and crews in Knoxville cleared fallen trees."),
    (LOCAL, "Athens police arrested a man after a break-in at a hardware store on Main Street."),
    (LOCAL, "The Athens city council voted to repave two roads next spring."),
    ("world-wire.example", "Talks in Washington stalled while Paris and Beijing issued statements on trade."),
    ("world-wire.example", "Ministers from Mexico, China and Japan met in Geneva to discuss tariffs."),
    (None, "Athens firefighters put out a blaze at a warehouse near the port early on Sunday."),
    (None, "Floods in Hubei and Sichuan forced thousands from their homes, state media said."),
    (LOCAL, "Memphis and Chattanooga reported record turnout in the Tennessee primary."),
    (LOCAL, "A new clinic opened in Athens, where the county health board had asked for one."),
]


def write_inputs(folder):
    paths = []
    for i, (source, text) in enumerate(TEXTS):
        path = folder / f"{i:02d}.jsonl"
        record = {"text": text, **({"source": source} if source else {})}
        path.write_text(json.dumps(record) + "\n", encoding="utf-8")
        paths.append(path)
    return paths


def places(db) -> dict[str, list[tuple]]:
    """Document text -> its geocoded place entities (name, rounded point)."""
    conn = sqlite3.connect(db)
    rows = conn.execute("SELECT d.text, e.name, round(e.lat, 2), round(e.lon, 2) FROM entities e"
                        " JOIN documents d ON d.id = e.document_id WHERE e.lat IS NOT NULL ORDER BY d.text, e.name")
    out: dict[str, list[tuple]] = {}
    for text, *place in rows:
        out.setdefault(text, []).append(tuple(place))
    conn.close()
    return out


def ingest(db, paths, workers: int = 1) -> dict[str, list[tuple]]:
    assert main(["ingest", "--quiet", "--workers", str(workers), "--db", str(db), *map(str, paths)]) == 0
    return places(db)


def test_places_do_not_depend_on_batch_order_or_workers(tmp_path):
    paths = write_inputs(tmp_path)
    alone: dict[str, list[tuple]] = {}
    for i, path in enumerate(paths):
        alone |= ingest(tmp_path / f"alone{i}.db", [path])
    batch = ingest(tmp_path / "batch.db", paths)
    assert batch == alone
    assert ingest(tmp_path / "reversed.db", paths[::-1]) == batch
    assert ingest(tmp_path / "two.db", paths, workers=2) == batch
    washington = next(p for text, found in batch.items() if text.startswith("Talks") for p in found
                      if p[0] == "Washington")
    assert abs(washington[1] - 38.9) < 0.5  # the capital, not the state


def test_reprocess_takes_the_stored_focus_at_a_stable_point(tmp_path):
    paths = write_inputs(tmp_path)
    before = ingest(tmp_path / "one.db", paths)
    ingest(tmp_path / "two.db", paths)
    assert main(["reprocess", "--workers", "1", "--db", str(tmp_path / "one.db")]) == 0
    assert main(["reprocess", "--workers", "2", "--db", str(tmp_path / "two.db")]) == 0
    after = places(tmp_path / "one.db")
    assert after == places(tmp_path / "two.db")
    local_athens = [p for text, found in after.items() if text.startswith("Athens police") for p in found
                    if p[0] == "Athens"]
    assert local_athens and all(abs(lon + 84.6) < 1.0 for _, _, lon in local_athens)  # Athens, Tennessee
    no_publisher = [text for source, text in TEXTS if source is None]
    assert all(after.get(text) == before.get(text) for text in no_publisher)  # no publisher, no focus
    conn = sqlite3.connect(tmp_path / "one.db")
    rows = dict(((s, c, a), n) for s, c, a, n in conn.execute("SELECT * FROM publisher_focus"))
    conn.close()
    assert rows[(LOCAL, "", "")] == 6 and rows[(LOCAL, "US", "TN")] >= 3


def test_focus_table_is_only_read_while_geocoding():
    table = FocusTable(min_share=0.3, min_documents=2)
    table.record("paper.example", {("US", None), ("US", "GA")})
    table.record("paper.example", {("US", None)})
    install(table)
    assert publisher_focus("paper.example") == {("US", None): 1.0, ("US", "GA"): 0.5}
    assert publisher_focus(None) == {} and publisher_focus("other.example") == {}
    install(None)
    assert publisher_focus("paper.example") == {}
