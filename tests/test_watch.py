"""Watchlists and alerts (issue 14 item 5): a watched person moved by a new report gives one movement alert with its
source; a rerun adds nothing; a person nobody watches gives none; `alerts --since` filters by the time made; the
same on PostgreSQL. Reports are written for these tests."""

from __future__ import annotations

import json
from pathlib import Path

from newsintel.cli.main import main

FIRST = {"title": "Recruiter questioned in Skopje", "published": "2025-06-01",
         "text": "Police in Skopje questioned Valmir Gashi about a recruitment network on Monday. "
                 "Ardian Berisha, a local imam, denied any link to the network."}
MOVED = {"title": "Gashi leaves for Vienna", "published": "2025-06-03",
         "text": "Valmir Gashi travelled from Skopje to Vienna on Tuesday, police said."}
OTHER = {"title": "Imam travels to Tirana", "published": "2025-06-04",
         "text": "Ardian Berisha travelled from Skopje to Tirana on Wednesday, his lawyer said."}


def _write(folder: Path, name: str, report: dict) -> str:
    path = folder / name
    path.write_text(json.dumps(report), encoding="utf-8")
    return str(path)


def _run(capsys, *argv: str) -> tuple[int, str, str]:
    capsys.readouterr()
    code = main(list(argv))
    out = capsys.readouterr()
    return code, out.out, out.err


def _alerts(capsys, db: str, *extra: str) -> list[dict]:
    code, out, _ = _run(capsys, "alerts", "--db", db, "--json", *extra)
    assert code == 0
    return json.loads(out)


def _scenario(tmp_path: Path, capsys, db: str) -> None:
    first, moved, other = (_write(tmp_path, n, r) for n, r in (("a.json", FIRST), ("b.json", MOVED),
                                                               ("c.json", OTHER)))
    assert _run(capsys, "ingest", "--quiet", "--workers", "1", "--db", db, first)[0] == 0
    code, out, err = _run(capsys, "watch", "add", "Valmir Gashi", "--note", "recruiter", "--db", db)
    assert code == 0, err
    assert out.startswith("watching Valmir Gashi")
    assert _alerts(capsys, db) == []  # adding a watch makes no alert for reports already stored

    code, out, _ = _run(capsys, "ingest", "--workers", "1", "--db", db, moved)
    assert code == 0
    assert "alerts for 1 watched identity: newsintel alerts" in out
    alerts = _alerts(capsys, db)
    kinds = sorted(a["kind"] for a in alerts)
    assert kinds.count("movement") == 1 and kinds.count("report") == 1
    movement = next(a for a in alerts if a["kind"] == "movement")
    assert movement["watch"] == "Valmir Gashi"
    assert "Vienna" in movement["summary"] and "travel" in movement["summary"].lower()
    assert movement["source"]["title"] == MOVED["title"] and movement["source"]["sentence"] == 0
    assert {a["source"]["title"] for a in alerts} == {MOVED["title"]}

    code, out, _ = _run(capsys, "ingest", "--workers", "1", "--db", db, moved, other)  # rerun, and an unwatched man
    assert code == 0 and "alert" not in out
    assert len(_alerts(capsys, db)) == len(alerts)

    assert _alerts(capsys, db, "--since", "2999-01-01") == []
    assert len(_alerts(capsys, db, "--since", "2000-01-01")) == len(alerts)

    code, out, _ = _run(capsys, "watch", "list", "--db", db, "--json")
    watches = json.loads(out)
    assert [(w["name"], w["note"], w["alerts"]) for w in watches] == [("Valmir Gashi", "recruiter", len(alerts))]
    assert _run(capsys, "watch", "remove", "Valmir Gashi", "--db", db)[0] == 0
    assert _alerts(capsys, db) == []


def test_watch_and_alerts_on_sqlite(tmp_path: Path, capsys) -> None:
    _scenario(tmp_path, capsys, str(tmp_path / "s.db"))


def test_alerts_are_not_made_twice(tmp_path: Path, capsys) -> None:
    from newsintel.store import connect
    from newsintel.views.alerts import alerts_for_document

    db = str(tmp_path / "s.db")
    first, moved = _write(tmp_path, "a.json", FIRST), _write(tmp_path, "b.json", MOVED)
    assert _run(capsys, "ingest", "--quiet", "--workers", "1", "--db", db, first)[0] == 0
    assert _run(capsys, "watch", "add", "Valmir Gashi", "--db", db)[0] == 0
    assert _run(capsys, "ingest", "--quiet", "--workers", "1", "--db", db, moved)[0] == 0
    made = _alerts(capsys, db)
    conn = connect(db)
    doc = made[0]["source"]["document"]
    assert alerts_for_document(conn, doc) == 0  # the same facts again: nothing new
    conn.close()
    assert len(_alerts(capsys, db)) == len(made)


def test_unknown_name_is_refused(tmp_path: Path, capsys) -> None:
    db = str(tmp_path / "s.db")
    assert _run(capsys, "ingest", "--quiet", "--workers", "1", "--db", db, _write(tmp_path, "a.json", FIRST))[0] == 0
    code, _, err = _run(capsys, "watch", "add", "Zoran Petrovski", "--db", db)
    assert code == 1 and "no person, group or place matching 'Zoran Petrovski'" in err
    assert json.loads(_run(capsys, "watch", "list", "--db", db, "--json")[1]) == []


def test_watch_and_alerts_on_postgresql(tmp_path: Path, capsys, postgres_db: str) -> None:
    _scenario(tmp_path, capsys, postgres_db)


def test_a_relative_is_an_associate_alert_and_a_title_is_not(tmp_path: Path, capsys) -> None:
    db = str(tmp_path / "s.db")
    family = {"title": "Brother joins the Drina Brigade", "published": "2025-06-05",
              "text": "Valmir Gashi's brother Ilir Gashi joined the Drina Brigade in 2015, prosecutors said. "
                      "Kosovo Deputy Minister Valmir Gashi spoke in Ohio."}  # a POSITION relation: a title
    assert _run(capsys, "ingest", "--quiet", "--workers", "1", "--db", db, _write(tmp_path, "a.json", FIRST))[0] == 0
    assert _run(capsys, "watch", "add", "Valmir Gashi", "--db", db)[0] == 0
    assert _run(capsys, "ingest", "--quiet", "--workers", "1", "--db", db, _write(tmp_path, "d.json", family))[0] == 0
    associates = [a["summary"] for a in _alerts(capsys, db) if a["kind"] == "associate"]
    assert associates == ["family Ilir Gashi"]
