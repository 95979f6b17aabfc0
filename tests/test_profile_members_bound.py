"""A profile reads an identity's latest in-document entities only (`fact_reads.latest_members`), read once and
shared by every section: a group named in 50,000 reports costs what one named in 1,000 does. The bound is made
tiny here so a handful of reports crosses it."""

from __future__ import annotations

import pytest

from newsintel.store import connect, fact_reads, save_record
from newsintel.views.profile import build_profile
from tests.test_postgres_views import LATE_REPORT, REPORTS, _records


@pytest.fixture(scope="module")
def store(tmp_path_factory):
    path = str(tmp_path_factory.mktemp("bound") / "s.db")
    conn = connect(path)
    for record in _records([*REPORTS, LATE_REPORT]):
        save_record(conn, record, "raw-" + record.document.id)
    yield conn
    conn.close()


def _brigade(conn):
    return conn.execute("SELECT * FROM identities WHERE name = 'Drina Brigade'").fetchone()


def _documents(profile: dict) -> set[str]:
    """Every report a line of the profile cites."""
    lines = [*profile["where"], *profile["heading"], *profile["said"]["by"], *profile["said"]["about"],
             *(a for a in profile["associates"] if a["kind"] == "relation")]
    return {line["source"]["document"] for line in lines}


def test_latest_members_are_the_last_stored_first_and_bounded(store, monkeypatch) -> None:
    brigade = _brigade(store)
    every = fact_reads.latest_members(store, brigade["id"])
    assert len({document for _, document in every}) >= 4  # named in most reports
    monkeypatch.setattr(fact_reads, "LATEST_MEMBERS_MAX", 2)
    latest = fact_reads.latest_members(store, brigade["id"])
    assert latest == every[:2]
    assert latest[0][1] == store.execute("SELECT id FROM documents WHERE title = ?", (LATE_REPORT[1],)).fetchone()[0]


def test_a_profile_over_the_bound_cites_only_the_latest_members_reports(store, monkeypatch) -> None:
    brigade = _brigade(store)
    whole = build_profile(store, brigade)
    monkeypatch.setattr(fact_reads, "LATEST_MEMBERS_MAX", 2)
    kept = {document for _, document in fact_reads.latest_members(store, brigade["id"])}
    bounded = build_profile(store, brigade)
    assert _documents(bounded) <= kept
    assert _documents(whole) - kept  # without the bound, older reports are cited too
    co = {a["identity"] for a in bounded["associates"] if a["kind"] == "co-mentioned"}
    assert co < {a["identity"] for a in whole["associates"] if a["kind"] == "co-mentioned"}
