"""Conflicting figures: the same thing counted differently by different sources ("about 300 fighters" left Raqqa
says one, "up to 5,000 people" says another).

A figure is about something when its sentence (or one of the two before it) holds an event: the event's type
plus the place or group it is anchored to. Figures of one counted class (people, money, ...)
about the same thing, from at least two documents, whose ranges do not overlap, form a conflict. Each value keeps
its modality, who gave it and its source: the analyst decides, newsintel only shows the disagreement.
"""

from __future__ import annotations

import functools
import json
import sqlite3
from collections import defaultdict
from typing import Any

from newsintel.resources import load_yaml
from newsintel.views.common import Sources, identity_of_entities, said_by


@functools.cache
def _config() -> tuple[dict[str, str], float, int, float]:
    data = load_yaml("conflicts.yaml")
    classes = {word: name for name, words in data["counted_classes"].items() for word in words}
    return classes, float(data["min_ratio"]), int(data["sentence_window"]), float(data["min_value"])


def counted_class(counted: str) -> str | None:
    classes = _config()[0]
    for word in reversed(counted.lower().replace('"', " ").split()):
        if word in classes:
            return classes[word]
    return None


def _range(q: dict[str, Any]) -> tuple[float, float] | None:
    low = q.get("low") if q.get("low") is not None else q.get("value")
    high = q.get("high") if q.get("high") is not None else q.get("value")
    if low is None and high is None:
        return None
    low = low if low is not None else 0.0
    high = high if high is not None else low
    return float(low), float(high)


def disagree(a: tuple[float, float], b: tuple[float, float]) -> bool:
    _, min_ratio, _, min_value = _config()
    (lo, hi), (lo2, _hi2) = sorted([a, b])
    return hi < lo2 and lo2 >= max(hi, 1.0) * min_ratio and max(hi, lo) >= min_value


def _event_anchor(conn: sqlite3.Connection, doc_id: str, sentence: int, start: int) -> tuple[str, str, str] | None:
    events = conn.execute("SELECT data FROM events WHERE document_id = ? AND sentence = ?",
                          (doc_id, sentence)).fetchall()
    for data in sorted((json.loads(r[0]) for r in events), key=lambda e: abs(e["start"] - start)):
        args = [a for role in ("origin", "location", "destination", "actors") for a in data[role]]
        linked = identity_of_entities(conn, [a.get("entity") for a in args])
        for arg in args:
            if arg.get("entity") in linked:
                return data["type"], *linked[arg["entity"]][:2]
    return None


def _anchor(conn: sqlite3.Connection, doc_id: str, sentence: int, start: int) -> tuple[str, str, str] | None:
    """(event type, identity id, name) the figure is about: the event of its sentence, else of the sentences
    just before it (a figure often follows the sentence that names the event), with its place or group."""
    for back in range(_config()[2] + 1):
        found = _event_anchor(conn, doc_id, sentence - back, start if back == 0 else 10**9)
        if found:
            return found
    return None


def _qualifiers(counted: str) -> frozenset[str]:
    """Capitalised words in what is counted ("French nationals" -> {"french"}): figures about different
    nationalities or groups are not about the same thing."""
    return frozenset(w.strip('"').lower() for w in counted.split()[1:] + counted.split()[:1]
                     if w[:1].isupper() and not w[:1].isdigit())


def _places_in(conn: sqlite3.Connection, doc_id: str, sentence: int, anchor: str) -> set[str]:
    """Places in the figure's sentence that are not where the event goes ("Bosnia saw 300 citizens travel to
    Syria and Iraq" -> Bosnia): whose figure it is."""
    event_places = {a.get("entity") for r in conn.execute(
        "SELECT data FROM events WHERE document_id = ? AND sentence = ?", (doc_id, sentence))
        for role in ("origin", "location", "destination", "via") for a in json.loads(r[0])[role]}
    return {r[0] for r in conn.execute(
        "SELECT DISTINCT l.identity_id, m.entity_id FROM mentions m JOIN entity_links l ON l.entity_id = m.entity_id"
        " JOIN identities i ON i.id = l.identity_id WHERE m.document_id = ? AND m.sentence = ? AND i.kind = 'place'"
        " AND i.id != ?", (doc_id, sentence, anchor)) if r[1] not in event_places}


def _same_thing(a: dict[str, Any], b: dict[str, Any]) -> bool:
    """Same nationality/place qualifiers, or a shared one; a figure with none is only compared with another
    with none (rather show too few conflicts than invent them)."""
    qa, qb = set(a["qualifiers"]), set(b["qualifiers"])
    return qa == qb or bool(qa & qb)


def find_conflicts(conn: sqlite3.Connection, limit: int = 50) -> list[dict[str, Any]]:
    sources = Sources(conn)
    groups: dict[tuple[str, str, str], list[dict[str, Any]]] = defaultdict(list)
    names: dict[str, str] = {}
    for row in conn.execute("SELECT document_id, sentence, start, counted, data FROM quantities"
                            " WHERE counted IS NOT NULL"):
        kind = counted_class(row["counted"])
        fact = json.loads(row["data"])
        span = _range(fact)
        if kind is None or span is None:
            continue
        anchor = _anchor(conn, row["document_id"], row["sentence"], row["start"])
        if anchor is None:
            continue
        event_type, identity_id, name = anchor
        names[identity_id] = name
        fact.update(range=span, said_by=said_by(fact), modality=fact.get("modality") or "asserted",
                    source=sources.source(row["document_id"], row["sentence"]))
        fact["qualifiers"] = sorted(_qualifiers(row["counted"]) | _places_in(conn, row["document_id"], row["sentence"],
                                                                              identity_id))
        groups[(kind, event_type, identity_id)].append(fact)
    out = []
    for (kind, event_type, identity_id), values in groups.items():
        documents = {v["source"]["document"] for v in values}
        if len(documents) < 2:
            continue
        if not any(disagree(a["range"], b["range"]) for a in values for b in values
                   if a["source"]["document"] != b["source"]["document"] and _same_thing(a, b)):
            continue
        about = f"{kind} — {event_type.lower().replace('_', ' ')} — {names[identity_id]}"
        values.sort(key=lambda v: (v["range"], v["source"]["published"] or ""))
        out.append({"about": about, "class": kind, "event_type": event_type, "anchor": identity_id,
                    "documents": len(documents), "values": values})
    out.sort(key=lambda g: (-g["documents"], g["about"]))
    return out[:limit]
