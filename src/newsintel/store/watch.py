"""Watchlists and alerts: the SQL of the `watches` and `alerts` tables (migration 0013), portable for both backends.

A watch is one identity the analyst follows; an alert is one new fact about it from an ingested document, with its
provenance (document, sentence, kind, summary, time). Alerts are written in their own small transaction after the
document's is committed (`add_alerts`), so an alert never exists without its document and a failure here never
loses a document; the UNIQUE key makes writing the same alerts twice a no-op.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from newsintel.store.db import now
from newsintel.store.gateway import wrap, write_transaction


@dataclass(frozen=True, slots=True)
class NewAlert:
    identity_id: str
    sentence: int
    kind: str  # report, place, movement, intent, associate
    summary: str


def add_watch(conn: Any, name: str, identity_id: str, note: str | None) -> bool:
    """Watch `identity_id`; False when it is watched already (its name and note are then updated)."""
    db = wrap(conn)
    with write_transaction(conn):
        found = db.execute("SELECT id FROM watches WHERE identity_id = ?", (identity_id,)).fetchone()
        if found:
            db.execute("UPDATE watches SET name = ?, note = coalesce(?, note) WHERE id = ?", (name, note, found[0]))
            return False
        db.execute("INSERT INTO watches(name, identity_id, note, created_at) VALUES (?, ?, ?, ?)",
                   (name, identity_id, note, now()))
    return True


def remove_watch(conn: Any, name_or_id: str) -> int:
    """Stop watching the identity given by watch name (as added, any case) or identity id; its alerts go too.
    Returns the number of watches removed."""
    db = wrap(conn)
    with write_transaction(conn):
        rows = db.execute("SELECT id FROM watches WHERE lower(name) = lower(?) OR identity_id = ?",
                          (name_or_id, name_or_id)).fetchall()
        db.executemany("DELETE FROM alerts WHERE watch_id = ?", [(r[0],) for r in rows])
        db.executemany("DELETE FROM watches WHERE id = ?", [(r[0],) for r in rows])
    return len(rows)


def list_watches(conn: Any) -> list[dict[str, Any]]:
    """Every watch with its identity's current name (None when the identity is gone, e.g. merged away) and its
    number of alerts."""
    rows = wrap(conn).execute(
        "SELECT w.id, w.name, w.identity_id, w.note, w.created_at, i.name AS identity_name,"
        " (SELECT count(*) FROM alerts a WHERE a.watch_id = w.id) AS alerts"
        " FROM watches w LEFT JOIN identities i ON i.id = w.identity_id ORDER BY w.id").fetchall()
    return [{"name": r["name"], "identity": r["identity_id"], "identity_name": r["identity_name"],
             "note": r["note"], "created_at": r["created_at"], "alerts": int(r["alerts"])} for r in rows]


def watched_in_document(conn: Any, document_id: str) -> list[tuple[int, str]]:
    """(watch id, identity id) of every watched identity a stored document names."""
    return [(int(r[0]), r[1]) for r in wrap(conn).execute(
        "SELECT DISTINCT w.id, w.identity_id FROM watches w JOIN entity_links l ON l.identity_id = w.identity_id"
        " WHERE l.document_id = ? ORDER BY w.id", (document_id,))]


def first_sentence(conn: Any, document_id: str, identity_id: str) -> int:
    """The first sentence of the document naming the identity (-1 when only the headline does)."""
    row = wrap(conn).execute(
        "SELECT min(m.sentence) FROM mentions m JOIN entity_links l ON l.entity_id = m.entity_id"
        " WHERE l.document_id = ? AND l.identity_id = ?", (document_id, identity_id)).fetchone()
    return int(row[0]) if row and row[0] is not None else -1


def add_alerts(conn: Any, document_id: str, found: Iterable[tuple[int, NewAlert]]) -> int:
    """Store the alerts (watch id, alert) of one stored document in one transaction; returns how many are new."""
    db = wrap(conn)
    rows = list(found)
    if not rows:
        return 0
    stamp = now()
    with write_transaction(conn):
        before = _count(db, document_id)
        db.executemany(
            "INSERT OR IGNORE INTO alerts(watch_id, identity_id, document_id, sentence, kind, summary, created_at)"
            " VALUES (?, ?, ?, ?, ?, ?, ?)",
            [(w, a.identity_id, document_id, a.sentence, a.kind, a.summary, stamp) for w, a in rows])
        return _count(db, document_id) - before


def _count(db: Any, document_id: str) -> int:
    return int(db.execute("SELECT count(*) FROM alerts WHERE document_id = ?", (document_id,)).fetchone()[0])


def last_alert_id(conn: Any) -> int:
    """The highest alert id so far (0: none): alerts made later have higher ids."""
    return int(wrap(conn).execute("SELECT coalesce(max(id), 0) FROM alerts").fetchone()[0])


def alert_counts_after(conn: Any, alert_id: int) -> tuple[int, int]:
    """(alerts, watched identities they are about) of the alerts made after `alert_id`."""
    row = wrap(conn).execute("SELECT count(*), count(DISTINCT identity_id) FROM alerts WHERE id > ?",
                             (alert_id,)).fetchone()
    return int(row[0]), int(row[1])


def list_alerts(conn: Any, since: str | None = None, limit: int = 200) -> list[dict[str, Any]]:
    """Alerts made at or after `since` (an ISO date or time; None: all), newest first, with their source."""
    rows = wrap(conn).execute(
        "SELECT a.id, a.kind, a.summary, a.sentence, a.created_at, a.document_id, a.identity_id, w.name,"
        " d.title, d.source, d.published, d.url FROM alerts a JOIN watches w ON w.id = a.watch_id"
        " JOIN documents d ON d.id = a.document_id WHERE a.created_at >= ?"
        " ORDER BY a.created_at DESC, a.id DESC LIMIT ?", (since or "", limit)).fetchall()
    return [{"id": int(r["id"]), "watch": r["name"], "identity": r["identity_id"], "kind": r["kind"],
             "summary": r["summary"], "created_at": r["created_at"],
             "source": {"document": r["document_id"], "sentence": int(r["sentence"]), "title": r["title"],
                        "publisher": r["source"], "published": r["published"], "url": r["url"]}} for r in rows]
