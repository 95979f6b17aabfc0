"""An analyst's judgements, a rebuild and a reprocess give the same store on PostgreSQL as on SQLite.

The write commands other than ingest (merge, resolve, not-same, retype, suppress, reprocess) run one after
another on a SQLite file and on a fresh PostgreSQL database holding the same reports; after each step the
identities and the profiles they change must read the same on both, and each step must change something.
"""

from __future__ import annotations

import pytest

from newsintel.store import connect, save_record
from tests.test_postgres_views import REPORTS, _records, run, view

NAMES = ("Agon Rexhepi", "Selma Hadzic", "Drina Brigade", "Valmira Bekteshi")


@pytest.fixture(scope="module")
def records():
    return _records(REPORTS)


@pytest.fixture
def stores(records, tmp_path, postgres_db):
    lite = str(tmp_path / "judged.db")
    for target in (lite, postgres_db):
        conn = connect(target)
        for record in records:
            assert save_record(conn, record, "raw-" + record.document.id) == "ingested"
        conn.close()
    return lite, postgres_db


def identity_of(db: str, name: str) -> dict:
    return next(i for i in view(db, "identities", "--top", "200") if i["name"] == name)


def same_on_both(lite: str, pg: str) -> list:
    """The identities and the watched profiles, asserted equal on both backends; returned for change checks."""
    state = [view(lite, "identities", "--top", "200")]
    assert view(pg, "identities", "--top", "200") == state[0]
    for name in NAMES:
        code, _ = run(lite, "profile", name, "--json")
        if code == 0:
            state.append(view(lite, "profile", name))
            assert view(pg, "profile", name) == state[-1], name
    return state


def step(lite: str, pg: str, *argv: str) -> None:
    for target in (lite, pg):
        code, out = run(target, *argv)
        assert code == 0, (target, argv, out)


def test_judgements_rebuild_and_reprocess_agree_on_both_backends(stores) -> None:
    lite, pg = stores
    before = same_on_both(lite, pg)
    rexhepi, hadzic = identity_of(lite, "Agon Rexhepi"), identity_of(lite, "Selma Hadzic")
    assert identity_of(pg, "Agon Rexhepi")["id"] == rexhepi["id"]

    step(lite, pg, "merge", str(rexhepi["id"]), str(hadzic["id"]), "--note", "test: one person")
    merged = same_on_both(lite, pg)
    assert len(merged[0]) == len(before[0]) - 1

    step(lite, pg, "resolve")
    rebuilt = same_on_both(lite, pg)
    assert len(rebuilt[0]) == len(merged[0])  # the merge is a judgement: a rebuild from scratch keeps it

    brigade = identity_of(lite, "Drina Brigade")
    step(lite, pg, "not-same", str(brigade["id"]), str(identity_of(lite, "Valmira Bekteshi")["id"]))
    step(lite, pg, "retype", str(brigade["id"]), "PERSON")
    retyped = same_on_both(lite, pg)
    assert identity_of(lite, "Drina Brigade")["type"] != brigade["type"] and retyped != rebuilt

    bekteshi = identity_of(lite, "Valmira Bekteshi")
    step(lite, pg, "suppress", str(bekteshi["id"]))
    suppressed = same_on_both(lite, pg)
    assert all(i["name"] != "Valmira Bekteshi" for i in suppressed[0])

    step(lite, pg, "reprocess")
    reprocessed = same_on_both(lite, pg)[0]  # judgements survive re-extraction of every document:
    assert len(reprocessed) == len(suppressed[0])
    assert identity_of(lite, "Drina Brigade")["type"] == "PERSON"
    assert "Selma Hadzic" in identity_of(lite, "Agon Rexhepi")["names"]
    assert all(i["name"] != "Valmira Bekteshi" for i in reprocessed)
