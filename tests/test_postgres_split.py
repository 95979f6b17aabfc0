"""`split` on a PostgreSQL store (the judgement the step-by-step comparison in test_postgres_judgements.py does not
take): a merge then a split by one mention win over the resolver and survive `resolve` and `reprocess`, as on SQLite.
The store is the resolution tests' five reports, copied to a fresh PostgreSQL database."""

from __future__ import annotations

import pytest

from newsintel.cli.main import main
from newsintel.store import connect
from newsintel.store.gateway import wrap
from tests.test_resolution import store  # noqa: F401  (the module fixture: five short reports in SQLite)


def _identity_of(db: str, doc_name: str, entity_name: str) -> str:
    conn = wrap(connect(db, readonly=True))
    try:
        row = conn.execute(
            "SELECT l.identity_id FROM entities e JOIN documents d ON d.id = e.document_id"
            " JOIN entity_links l ON l.entity_id = e.id WHERE d.origin LIKE ? AND e.name = ?",
            ("%" + doc_name.replace(".txt", ".json"), entity_name)).fetchone()
    finally:
        conn.close()
    assert row is not None, (doc_name, entity_name)
    return row[0]


@pytest.mark.slow
def test_merge_then_split_win_and_survive_rebuild_on_postgresql(store, postgres_db, capsys):
    db = postgres_db
    assert main(["copy", "--quiet", "--from", str(store), "--to", db]) == 0
    benali, namesake = _identity_of(db, "a.txt", "Mohammed Benali"), _identity_of(db, "c.txt", "Mohammed Benali")
    assert benali != namesake  # the resolver keeps the Moroccan footballer apart
    assert main(["merge", benali, namesake, "--db", db, "--note", "an analyst's call"]) == 0
    assert main(["resolve", "--db", db]) == 0
    assert _identity_of(db, "a.txt", "Mohammed Benali") == _identity_of(db, "c.txt", "Mohammed Benali")
    assert main(["reprocess", "--workers", "1", "--db", db]) == 0
    merged = _identity_of(db, "a.txt", "Mohammed Benali")
    assert merged == _identity_of(db, "c.txt", "Mohammed Benali")

    conn = wrap(connect(db, readonly=True))
    mention = conn.execute(
        "SELECT m.id FROM mentions m JOIN documents d ON d.id = m.document_id WHERE d.origin LIKE '%c.json'"
        " AND m.text = 'Mohammed Benali'").fetchone()[0]
    conn.close()
    assert main(["split", merged, "--mention", str(mention), "--db", db]) == 0
    assert main(["resolve", "--db", db]) == 0
    assert _identity_of(db, "a.txt", "Mohammed Benali") != _identity_of(db, "c.txt", "Mohammed Benali")
    assert _identity_of(db, "a.txt", "Mohammed Benali") == _identity_of(db, "b.txt", "Mohamed Ben Ali")

    karim_a, karim_b = _identity_of(db, "a.txt", "Karim Ouali"), _identity_of(db, "b.txt", "Karim Ouali")
    assert karim_a == karim_b
    assert main(["not-same", karim_a, karim_a, "--db", db]) == 1  # one identity: split is the tool for that
    assert "use `split`" in capsys.readouterr().err
    conn = wrap(connect(db, readonly=True))
    try:
        kinds = [r[0] for r in conn.execute("SELECT kind FROM judgements ORDER BY id")]
    finally:
        conn.close()
    assert kinds == ["merge", "split"]
    assert main(["check", "--db", db]) == 0
