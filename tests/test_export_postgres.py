"""The exports read PostgreSQL as they read SQLite: the same records stored in both give byte-identical CSV,
mentions, GraphML and FollowTheMoney files (store/export_pages.py is portable SQL through the gateway)."""

from __future__ import annotations

import io

from newsintel.exports.csv_export import CsvExporter
from newsintel.exports.ftm import FtmExporter
from newsintel.exports.graphml import GraphmlExporter
from newsintel.exports.mentions import MentionsExporter
from newsintel.store import connect, save_record
from tests.test_export_records import hand_records


def exported(conn) -> dict[str, str]:
    out = {}
    for name, exporter in (("events", CsvExporter(conn, "events")), ("claims", CsvExporter(conn, "claims")),
                           ("identities", CsvExporter(conn, "identities")), ("mentions", MentionsExporter(conn)),
                           ("graphml", GraphmlExporter(conn, 1)), ("ftm", FtmExporter(conn))):
        buffer = io.StringIO()
        exporter.write(buffer)
        out[name] = buffer.getvalue()
    return out


def test_exports_are_the_same_on_postgresql_and_sqlite(tmp_path, postgres_db):
    lite, pg = connect(tmp_path / "s.db"), connect(postgres_db)
    try:
        for record in hand_records():
            save_record(lite, record)
        for record in hand_records():
            save_record(pg, record)
        here, there = exported(lite), exported(pg)
    finally:
        lite.close()
        pg.close()
    assert here["events"].count("\n") == 4  # header and three events
    for name in here:
        assert there[name] == here[name], name
