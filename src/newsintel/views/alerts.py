"""Alerts for watched identities: what a newly stored document adds to the profile of each identity it names.

The facts are read through the profile (`views.profile.build_profile`), so an alert says exactly what the analyst's
profile will now show, with the same precision rules: a place only from a `where` line (nothing from a plan, a
denial or a threat), a movement only from a heading line, intent from intended/future events and claims, an
associate only from a typed relation (never a title, never mere co-mention), all above the profile's confidence
threshold. Every document naming a watched identity also gives one `report` alert (where it is first named).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from newsintel.model import Notice
from newsintel.store import fact_reads
from newsintel.store.gateway import wrap
from newsintel.store.watch import NewAlert, add_alerts, first_sentence, watched_in_document
from newsintel.views.profile import build_profile

# a title ("U.S. President Donald Trump": POSITION) is a role, not an associate; co-mention alone is none either
ASSOCIATE_RELATIONS = ("FAMILY", "SPOUSE", "ASSOCIATE", "OPPOSES", "MEMBER")
PROFILE_LIMIT = 200  # the profile sections read latest first: the new document's facts are among them


def alerts_for_document(conn: Any, document_id: str) -> int:
    """Make the alerts of a stored (committed) document; returns how many are new. One small transaction."""
    db = wrap(conn)
    watched = watched_in_document(db, document_id)
    found: list[tuple[int, NewAlert]] = []
    for watch_id, identity_id in watched:
        rows = fact_reads.identities_by_id(db, identity_id)
        if not rows:
            continue  # suppressed since it was watched
        found += [(watch_id, alert) for alert in document_alerts(db, rows[0], document_id)]
    return add_alerts(db, document_id, found)


def document_alerts(db: Any, identity: Any, document_id: str) -> list[NewAlert]:
    """The alerts one document gives about one identity, in profile order."""
    ident = identity["id"]
    profile = build_profile(db, identity, PROFILE_LIMIT)
    title = _row_title(db, document_id)
    out = [NewAlert(ident, first_sentence(db, document_id, ident), "report", f"named in {title}")]

    def here(fact: dict[str, Any]) -> bool:
        return (fact.get("source") or {}).get("document") == document_id

    places: set[str] = set()
    for line in profile["where"]:
        if here(line) and line["place"] not in places:  # one alert per new place, from its first line
            places.add(line["place"])
            out.append(NewAlert(ident, line["source"]["sentence"], "place",
                                f"at {line['place']} ({line['event'].lower()}, {line['status']}{_by(line)})"))
    seen: set[tuple[int, str]] = set()
    for kind, facts in (("movement", profile["heading"]), ("intent", profile["intent"]["events"])):
        for fact in facts:
            if here(fact) and (fact["sentence"], fact["trigger"]) not in seen:  # a planned journey: intent, once
                seen.add((fact["sentence"], fact["trigger"]))
                said = "intent" if fact["status"] == "intended" else kind
                out.append(NewAlert(ident, fact["sentence"], said, _event(fact)))
    for claim in profile["intent"]["claims"]:
        if here(claim):
            out.append(NewAlert(ident, claim["sentence"], "intent",
                                f"{claim['speaker']['text']} {claim['cue']}: {_short(claim['content'])}"))
    for item in profile["associates"]:
        if item.get("kind") == "relation" and item["type"] in ASSOCIATE_RELATIONS and here(item):
            out.append(NewAlert(ident, item["sentence"], "associate",
                                f"{item['type'].lower()} {item['other']['name']}"))
    return out


def _event(fact: dict[str, Any]) -> str:
    places = [f"{role} {p.get('name') or p['text']}" for role, word in (("from", "origin"), ("to", "destination"),
                                                                        ("via", "via"))
              for p in fact.get(word, [])]
    return " ".join([fact["type"].lower(), f"'{fact['trigger']}'", *places, f"({fact['status']}{_by(fact)})"])


def _by(fact: dict[str, Any]) -> str:
    said = fact.get("said_by")
    return f", says {said}" if isinstance(said, str) and said else ""


def _short(text: str, width: int = 120) -> str:
    text = " ".join(str(text).split())
    return text if len(text) <= width else text[:width - 1] + "…"


def _row_title(db: Any, document_id: str) -> str:
    rows = fact_reads.document_rows(db, [document_id])
    doc = rows[0] if rows else None
    if doc is None:
        return document_id
    title = _short(doc["title"] or document_id, 100)
    return f"'{title}'" + (f" ({doc['source']})" if doc["source"] else "")


def after_store(conn: Any, document_id: str, origin: str, report: Callable[[str, object], None]) -> None:
    """Ingest's call once a new document is committed: its alerts, or a warning when they cannot be made (the
    document stays stored either way; `newsintel alerts` lists what was made)."""
    try:
        alerts_for_document(conn, document_id)
    except Exception as err:  # an alert failure must never stop or undo an ingest
        report("warning", Notice(origin, f"alerts not made: {type(err).__name__}: {' '.join(str(err).split())}"))
