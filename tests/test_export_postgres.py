"""The exports read PostgreSQL as they read SQLite: the same records stored in both give byte-identical CSV,
mentions, GraphML and FollowTheMoney files (store/export_pages.py is portable SQL through the gateway), under a
TLP ceiling that leaves one of them out."""

from __future__ import annotations

import io

from newsintel.exports.csv_export import CsvExporter
from newsintel.exports.ftm import FtmExporter
from newsintel.exports.graphml import GraphmlExporter
from newsintel.exports.mentions import MentionsExporter
from newsintel.store import connect, save_record
from newsintel.store.sharing import Handling
from tests.test_export_records import hand_records


def exported(conn, tlp_max: str) -> dict[str, str]:
    out = {}
    for name, exporter in (("events", CsvExporter(conn, "events", tlp_max)),
                           ("claims", CsvExporter(conn, "claims", tlp_max)),
                           ("identities", CsvExporter(conn, "identities", tlp_max)),
                           ("mentions", MentionsExporter(conn, tlp_max)),
                           ("graphml", GraphmlExporter(conn, 1, tlp_max)), ("ftm", FtmExporter(conn, tlp_max))):
        buffer = io.StringIO()
        exporter.write(buffer)
        out[name] = buffer.getvalue()
    return out


def test_exports_are_the_same_on_postgresql_and_sqlite(tmp_path, postgres_db):
    lite, pg = connect(tmp_path / "s.db"), connect(postgres_db)
    try:
        for conn in (lite, pg):
            for record in hand_records():  # the attack report marked TLP:AMBER
                amber = record.document.title.startswith("Brigade blamed")
                save_record(conn, record, handling=Handling(tlp="amber") if amber else None)
        here, there = exported(lite, "red"), exported(pg, "red")
        here_green, there_green = exported(lite, "green"), exported(pg, "green")
    finally:
        lite.close()
        pg.close()
    assert here["events"].count("\n") == 4  # header and three events
    assert here_green["events"].count("\n") == 3  # the amber report's attack left out
    for name in here:
        assert there[name] == here[name], name
        assert there_green[name] == here_green[name], name
        assert here_green[name] != here[name] or name == "claims", name
