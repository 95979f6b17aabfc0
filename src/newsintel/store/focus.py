"""The publishers' focus in the store (table `publisher_focus`, migration 0010; what it is: `nlp/focus.py`).

It is rebuilt from every stored document at a stable point (`rebuild_focus`, run by `newsintel reprocess` before
any document is re-read) and installed read-only before workers fork (`install_stored_focus`), so the same
document geocodes the same way alone, in a batch, in any order or worker split.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

from newsintel.nlp.focus import FocusTable, install
from newsintel.nlp.grouping import RawMention
from newsintel.nlp.toponyms import document_evidence


def load_focus(conn: sqlite3.Connection) -> FocusTable:
    rows = conn.execute("SELECT source, country, admin1, documents FROM publisher_focus").fetchall()
    documents = {source: n for source, country, _, n in rows if country == ""}
    return FocusTable.from_counts(documents, [tuple(r) for r in rows if r[1] != ""])


def rebuild_focus(conn: sqlite3.Connection) -> FocusTable:
    """Count, for every publisher, the documents naming each region without doubt (read from each stored
    document's text and mentions as geocoding reads them); replace the table with it in one transaction."""
    table = FocusTable.from_settings()
    documents = conn.execute("SELECT id, source, text FROM documents WHERE source IS NOT NULL AND source != ''"
                             " ORDER BY rowid")
    for doc_id, source, text in documents:
        mentions = [RawMention(m_text, start, end, sentence, label) for m_text, start, end, sentence, label in
                    conn.execute("SELECT text, start, end, sentence, label FROM mentions WHERE document_id = ?"
                                 " ORDER BY start, end", (doc_id,))]
        table.record(source, document_evidence(text, mentions))
    with conn:
        conn.execute("DELETE FROM publisher_focus")
        conn.executemany("INSERT INTO publisher_focus(source, country, admin1, documents) VALUES (?, '', '', ?)",
                         sorted(table.documents.items()))
        conn.executemany("INSERT INTO publisher_focus(source, country, admin1, documents) VALUES (?, ?, ?, ?)",
                         sorted((source, country, admin1 or "", n) for source, counts in table.regions.items()
                                for (country, admin1), n in counts.items()))
    return table


def install_stored_focus(path: str | Path, rebuild: bool = False) -> None:
    """Install the store's publisher focus in this process (rebuilt first when `rebuild`); no store, no focus."""
    from newsintel.store import connect

    if not Path(path).exists():
        install(None)
        return
    conn = connect(path)
    try:
        install(rebuild_focus(conn) if rebuild else load_focus(conn))
    finally:
        conn.close()
