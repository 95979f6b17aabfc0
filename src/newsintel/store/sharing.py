"""Handling and grading (issue 14): the source registry, each document's TLP, and the grades every fact carries.

A document is stored under a source (its publisher, or `ingest --source`) and a TLP 2.0 level (`ingest --tlp`, else
the source's registered level, else clear: public news). Its effective TLP is the stricter of the two, so an
analyst who later marks a source `amber` makes all of its documents amber at once, and nothing ever becomes less
strict by itself. A fact carries the strictest TLP of the documents behind it, its source's Admiralty reliability
(A-F, F when nobody graded the source) and an information-credibility grade 1-6 from its evidence
(data/credibility.yaml). SQL is portable (store/gateway.py): the same code runs on SQLite and PostgreSQL.
"""

from __future__ import annotations

import functools
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from newsintel.model import DocumentInfo
from newsintel.resources import load_yaml
from newsintel.store.db import now
from newsintel.store.gateway import wrap

TLP_LEVELS = ("clear", "green", "amber", "amber+strict", "red")  # least to most strict
RELIABILITY = ("A", "B", "C", "D", "E", "F")
UNKNOWN_SOURCE = "unknown"
_ALIASES = {"white": "clear", "amber-strict": "amber+strict", "amber_strict": "amber+strict"}


def tlp_level(text: str) -> str | None:
    """A TLP level as stored ("clear" ... "red") from what a person types ("TLP:AMBER+STRICT", "white"), or None."""
    value = text.strip().lower().removeprefix("tlp:")
    value = _ALIASES.get(value, value)
    return value if value in TLP_LEVELS else None


def tlp_rank(level: str) -> int:
    return TLP_LEVELS.index(level)


def strictest(levels: Iterable[str]) -> str:
    """The strictest of `levels` (clear when there are none)."""
    return max(levels, key=tlp_rank, default="clear")


def allowed(level: str, tlp_max: str) -> bool:
    return tlp_rank(level) <= tlp_rank(tlp_max)


@dataclass(frozen=True, slots=True)
class Handling:
    """How `ingest` marks what it stores: an explicit TLP and/or source name (None: the defaults)."""

    tlp: str | None = None
    source: str | None = None


# --- the registry ---------------------------------------------------------------------------------------------

def source_of(doc: DocumentInfo, handling: Handling | None) -> str:
    return (handling and handling.source) or doc.source or UNKNOWN_SOURCE


def mark_document(conn: Any, doc: DocumentInfo, handling: Handling | None) -> None:
    """Record the source and TLP of a stored document (inside the writer's transaction). A document stored again
    with a stricter explicit TLP becomes stricter; it never becomes less strict."""
    db = wrap(conn)
    source = source_of(doc, handling)
    explicit = handling.tlp if handling and handling.tlp else None
    db.execute(  # one statement per document (a round trip each on PostgreSQL): a stored mark is kept
        "INSERT OR IGNORE INTO document_handling(document_id, source, tlp)"
        " VALUES (?, ?, coalesce(?, (SELECT tlp FROM sources WHERE name = ?), 'clear'))",
        (doc.id, source, explicit, source))
    weaker = TLP_LEVELS[:tlp_rank(explicit)] if explicit else ()
    if weaker:  # an explicit level stricter than the stored one replaces it
        marks = ",".join("?" * len(weaker))
        db.execute(f"UPDATE document_handling SET tlp = ? WHERE document_id = ? AND tlp IN ({marks})",
                   (explicit, doc.id, *weaker))


def registered_tlp(conn: Any, source: str) -> str | None:
    row = wrap(conn).execute("SELECT tlp FROM sources WHERE name = ?", (source,)).fetchone()
    return row["tlp"] if row else None


def set_source(conn: Any, name: str, reliability: str | None, tlp: str | None) -> dict[str, Any]:
    """Register or re-grade a source; a value not given keeps its stored one (new sources: F and clear)."""
    db = wrap(conn)
    with db.transaction():
        row = db.execute("SELECT reliability, tlp FROM sources WHERE name = ?", (name,)).fetchone()
        reliability = reliability or (row["reliability"] if row else default_reliability())
        tlp = tlp or (row["tlp"] if row else "clear")
        if row is None:
            db.execute("INSERT INTO sources(name, reliability, tlp, updated_at) VALUES (?, ?, ?, ?)",
                       (name, reliability, tlp, now()))
        else:
            db.execute("UPDATE sources SET reliability = ?, tlp = ?, updated_at = ? WHERE name = ?",
                       (reliability, tlp, now(), name))
    return {"name": name, "reliability": reliability, "tlp": tlp}


def list_sources(conn: Any) -> list[dict[str, Any]]:
    """Every registered source and every source documents were stored under: reliability, registered TLP, and
    how many documents it has at each effective TLP. Most documents first."""
    db = wrap(conn)
    out: dict[str, dict[str, Any]] = {}
    for r in db.execute("SELECT name, reliability, tlp, updated_at FROM sources"):
        out[r["name"]] = {"name": r["name"], "reliability": r["reliability"], "tlp": r["tlp"], "registered": True,
                          "updated_at": r["updated_at"], "documents": 0, "by_tlp": {}}
    for r in db.execute(  # a document stored without a handling row (by an older newsintel): its publisher, clear
            "SELECT coalesce(h.source, nullif(d.source, ''), ?) AS source, coalesce(h.tlp, 'clear') AS tlp,"
            " count(*) AS n FROM documents d LEFT JOIN document_handling h ON h.document_id = d.id GROUP BY 1, 2",
            (UNKNOWN_SOURCE,)):
        entry = out.setdefault(r["source"], {"name": r["source"], "reliability": default_reliability(),
                                             "tlp": None, "registered": False, "updated_at": None,
                                             "documents": 0, "by_tlp": {}})
        level = strictest([r["tlp"], entry["tlp"] or "clear"])
        entry["by_tlp"][level] = entry["by_tlp"].get(level, 0) + r["n"]
        entry["documents"] += r["n"]
    return sorted(out.values(), key=lambda e: (-e["documents"], e["name"]))


@dataclass(frozen=True, slots=True)
class DocHandling:
    document: str
    source: str
    tlp: str  # effective: the stricter of the document's and its source's registered level
    reliability: str


def handling_of(conn: Any, doc_ids: Iterable[str]) -> dict[str, DocHandling]:
    """The handling of each document (documents stored by an older newsintel without one: their publisher, clear)."""
    ids = sorted({d for d in doc_ids if d})
    out: dict[str, DocHandling] = {}
    db = wrap(conn)
    for start in range(0, len(ids), 500):
        chunk = ids[start:start + 500]
        marks = ",".join("?" * len(chunk))
        for r in db.execute(
                "SELECT d.id, coalesce(h.source, nullif(d.source, ''), ?) AS source, coalesce(h.tlp, 'clear') AS tlp,"
                " s.tlp AS source_tlp, s.reliability FROM documents d"
                " LEFT JOIN document_handling h ON h.document_id = d.id"
                " LEFT JOIN sources s ON s.name = coalesce(h.source, nullif(d.source, ''), ?)"
                f" WHERE d.id IN ({marks})", (UNKNOWN_SOURCE, UNKNOWN_SOURCE, *chunk)):
            out[r["id"]] = DocHandling(r["id"], r["source"] or UNKNOWN_SOURCE,
                                       strictest([r["tlp"], r["source_tlp"] or "clear"]),
                                       r["reliability"] or default_reliability())
    return out


# --- grading --------------------------------------------------------------------------------------------------

@functools.cache
def rules() -> dict[str, Any]:
    return load_yaml("credibility.yaml")


def default_reliability() -> str:
    return str(rules()["default_reliability"])


def credibility(modality: str | None, confirmations: int = 0, contradicted: bool = False) -> int:
    """The Admiralty information-credibility grade (1-6) of a fact: see data/credibility.yaml."""
    r = rules()
    if contradicted:
        return int(r["contradicted"])
    if modality not in r["modality"]:
        return int(r["unknown"])
    grade = int(r["modality"][modality])
    if confirmations <= 0:
        return grade
    if grade > int(r["confirmable_up_to"]):
        return min(grade, int(r["hedged_confirmed"])) if modality == "hedged" else grade
    reached = [int(n) for n in r["confirmed"] if confirmations >= int(n)]
    return min(grade, int(r["confirmed"][max(reached)])) if reached else grade


def stix_confidence(grade: int) -> int | None:
    value = rules()["stix_confidence"].get(grade)
    return None if value is None else int(value)


def independent_confirmations(conn: Any, doc_id: str, event_type: str, entity_ids: list[str],
                              may_use: set[str] | None = None, identity_ids: list[str] | None = None) -> int:
    """How many other publishers report, in the document's story, an event of `event_type` whose actor or target
    is resolved to the identity of one of `entity_ids` (or one of `identity_ids`). `may_use`: only these documents
    count (an export's)."""
    ids = [e for e in entity_ids if e]
    if ids:
        marks = ",".join("?" * len(ids))
        who, params = f"(SELECT identity_id FROM entity_links WHERE entity_id IN ({marks}))", ids
    elif identity_ids:
        who, params = f"({','.join('?' * len(identity_ids))})", list(identity_ids)
    else:
        return 0
    rows = wrap(conn).execute(
        "SELECT DISTINCT e2.document_id, coalesce(h.source, d2.source, e2.document_id) AS publisher"
        " FROM story_docs s1 JOIN story_docs s2 ON s2.story_id = s1.story_id AND s2.document_id != s1.document_id"
        " JOIN events e2 ON e2.document_id = s2.document_id AND e2.type = ?"
        " JOIN event_args a2 ON a2.event_id = e2.id AND a2.role IN ('actors', 'targets')"
        " JOIN entity_links l2 ON l2.entity_id = a2.entity_id"
        " JOIN documents d2 ON d2.id = e2.document_id LEFT JOIN document_handling h ON h.document_id = d2.id"
        f" WHERE s1.document_id = ? AND l2.identity_id IN {who}",
        (event_type, doc_id, *params)).fetchall()
    own = handling_of(conn, [doc_id]).get(doc_id)
    publishers = {r["publisher"] for r in rows if may_use is None or r["document_id"] in may_use}
    return len(publishers - {own.source if own else None})


class Grader:
    """Adds `tlp`, `source_reliability` and `credibility` to facts that carry a `source` (a view's fact, a where
    line). `contradicted`: (document id, sentence) of figures another report's figure disagrees with."""

    def __init__(self, conn: Any, contradicted: set[tuple[str, int]] | None = None) -> None:
        self.conn = conn
        self.contradicted = contradicted or set()
        self._handling: dict[str, DocHandling] = {}

    def handling(self, doc_id: str) -> DocHandling | None:
        if doc_id not in self._handling:
            self._handling.update(handling_of(self.conn, [doc_id]))
        return self._handling.get(doc_id)

    def grade(self, fact: dict[str, Any], identity: str | None = None) -> None:
        """Grade one fact; a line with no participants of its own (a profile's where line: `event`, `status`) is
        confirmed through the profiled `identity`."""
        source = fact.get("source")
        doc_id = source.get("document") if isinstance(source, dict) else None
        if not doc_id or "credibility" in fact:
            return
        handling = self.handling(doc_id)
        if handling is None:
            return
        fact["tlp"] = handling.tlp
        fact["source_reliability"] = handling.reliability
        partner = source.get("reported_by")
        if isinstance(partner, dict) and isinstance(partner.get("credibility"), int):
            fact["credibility"] = partner["credibility"]  # a partner's fact keeps the partner's grade
            return
        modality = fact.get("modality") or _MODALITY_OF_STATUS.get(fact.get("status") or "") or "asserted"
        entities = [a.get("entity") for role in ("actors", "targets") for a in fact.get(role) or []
                    if isinstance(a, dict)]
        event_type = fact.get("type") if isinstance(fact.get("type"), str) else fact.get("event")
        confirmations = 0
        if isinstance(event_type, str) and (entities or identity):
            confirmations = independent_confirmations(self.conn, doc_id, event_type, entities,
                                                      identity_ids=[identity] if identity else None)
        contradicted = (doc_id, source.get("sentence", fact.get("sentence"))) in self.contradicted
        fact["credibility"] = credibility(modality, confirmations, contradicted)

    def grade_tree(self, data: Any, identity: str | None = None) -> None:
        """Grade every sourced fact found anywhere in a view's output (lists and dicts, any depth); a profile's
        identity (`who.id`) confirms its where lines."""
        if isinstance(data, list):
            for item in data:
                self.grade_tree(item, identity)
        elif isinstance(data, dict):
            who = data.get("who")
            if isinstance(who, dict) and isinstance(who.get("id"), str):
                identity = who["id"]
            for key, value in data.items():
                if key != "source":
                    self.grade_tree(value, identity)
            self.grade(data, identity)


_MODALITY_OF_STATUS = {"done": "asserted", "attempted": "attempted", "intended": "intended", "hedged": "hedged",
                       "conditional": "conditional", "denied": "negated"}
