"""Alerts on import (issue 14 items 3 and 5): facts a partner's bundle brings about a watched identity become alerts
as an ingested report's do, each with the imported document as its source; re-importing the same bundle makes none;
an identity nobody watches gets none. Store B knows Jaan Tamm from one clear report; the bundle is exported from
store A, which holds the STIX tests' four reports (tests/test_stix.py)."""

from __future__ import annotations

import json

from newsintel.store import connect, save_record
from newsintel.store.sharing import Handling
from tests.test_import import bundle, records, run, store_a  # noqa: F401  (store A's four reports, its bundle)
from tests.test_stix import REPORTS

PARTNER = "Partner East"


def store_b(db: str, records) -> None:
    """Store B: the second clear report only (Jaan Tamm arrested in Tallinn), so his identity exists to watch."""
    conn = connect(db)
    record = records[1]
    save_record(conn, record, record.document.raw_hash, Handling(tlp="clear", source=REPORTS[1][1]))
    conn.close()


def alerts(capsys, db: str) -> list[dict]:
    code, out, _err = run(capsys, "alerts", "--db", db, "--json")
    assert code == 0
    return json.loads(out)


def imported_documents(db: str) -> set[str]:
    conn = connect(db, readonly=True)
    rows = conn.execute("SELECT document_id FROM document_handling WHERE source = ?", (PARTNER,)).fetchall()
    conn.close()
    return {r[0] for r in rows}


def test_an_imported_report_about_a_watched_person_is_an_alert(records, bundle, store_db, capsys) -> None:
    store_b(store_db, records)
    assert run(capsys, "watch", "add", "Jaan Tamm", "--note", "harbour case", "--db", store_db)[0] == 0
    assert alerts(capsys, store_db) == []
    code, out, err = run(capsys, "import", str(bundle), "--db", store_db, "--source", PARTNER, "--json")
    assert code == 0, err
    summary = json.loads(out)
    made = alerts(capsys, store_db)
    assert summary["alerts"] == len(made) > 0 and summary["alerted_identities"] == 1
    assert {a["watch"] for a in made} == {"Jaan Tamm"}
    partner_docs = imported_documents(store_db)
    assert {a["source"]["document"] for a in made} <= partner_docs  # each from an imported document
    assert {a["source"]["publisher"] for a in made} <= {r[1] for r in REPORTS}  # titled and published as sent
    kinds = {a["kind"] for a in made}
    assert "report" in kinds and kinds & {"place", "movement"}, kinds
    titles = {a["source"]["title"] for a in made}
    assert "Red channel: Saarepera" in titles  # the red report names him too: it may alert (nothing leaves here)
    assert "Amber note on Vilmsaar" not in titles  # it does not name him
    # the same bundle again: nothing new is stored, so no alert either
    code, out, _err = run(capsys, "import", str(bundle), "--db", store_db, "--source", PARTNER, "--json")
    assert code == 0 and json.loads(out)["alerts"] == 0
    assert len(alerts(capsys, store_db)) == len(made)


def test_the_summary_line_names_the_alerts(records, bundle, tmp_path, capsys) -> None:
    db = str(tmp_path / "b.db")
    store_b(db, records)
    assert run(capsys, "watch", "add", "Jaan Tamm", "--db", db)[0] == 0
    code, _out, err = run(capsys, "import", str(bundle), "--db", db, "--source", PARTNER)
    assert code == 0
    assert "for 1 watched identity: newsintel alerts" in err


def test_no_watch_no_alert(records, bundle, tmp_path, capsys) -> None:
    db = str(tmp_path / "b.db")
    store_b(db, records)
    code, out, _err = run(capsys, "import", str(bundle), "--db", db, "--source", PARTNER, "--json")
    assert code == 0 and json.loads(out)["alerts"] == 0
    assert alerts(capsys, db) == []
