"""Read-side queries behind the CLI. All take an open store (a gateway `Database`, either backend; a bare sqlite3
connection is wrapped) and return plain rows/dicts. The SQL is portable (see store/gateway.py); where the dialects
differ (full-text search, reading a field of a fact's JSON) the dialect picks the statement."""

from __future__ import annotations

import json
import re
from collections.abc import Sequence
from typing import Any

from newsintel.extract.headlines import HEADLINE_SENTENCE
from newsintel.model import DocumentInfo
from newsintel.store.gateway import POSTGRESQL, Database, wrap

UNDETERMINED = "und"  # ISO 639-2 "undetermined": documents whose language could not be told, or not yet identified


def stats(conn: Database) -> dict[str, Any]:
    """Row counts, and documents by language (most first; NULL counted as "und")."""
    conn = wrap(conn)
    tables = ("documents", "sentences", "entities", "mentions", "events", "claims", "quantities", "relations")
    result: dict[str, Any] = {t: conn.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in tables}
    rows = conn.execute("SELECT coalesce(language, ?) AS code, count(*) AS n FROM documents GROUP BY code"
                        " ORDER BY n DESC, code", (UNDETERMINED,))
    result["languages"] = {r["code"]: r["n"] for r in rows}
    return result


RESOLVED_TYPES = ("PERSON", "ORG", "GPE", "LOC", "FAC")


def top_entities(conn: Database, type_: str | None = None, top: int = 20) -> list[dict[str, Any]]:
    """People, groups and places by the number of documents mentioning them, counted per resolved identity (all
    spellings together); other types (NORP, EVENT, ...) by exact name."""
    conn = wrap(conn)
    if type_ is None or type_.upper() in RESOLVED_TYPES:
        sql = ("SELECT i.name, i.type, i.id AS identity, i.documents, count(m.id) AS mentions FROM identities i"
               " JOIN entity_links l ON l.identity_id = i.id JOIN mentions m ON m.entity_id = l.entity_id"
               + " WHERE i.suppressed = 0" + (" AND i.type = ?" if type_ else "")
               + " GROUP BY i.id ORDER BY i.documents DESC, mentions DESC, i.name LIMIT ?")
        return [dict(r) for r in conn.execute(sql, (type_.upper(), top) if type_ else (top,))]
    sql = (
        "SELECT e.name, e.type, count(DISTINCT e.document_id) AS documents, count(m.id) AS mentions"
        " FROM entities e JOIN mentions m ON m.entity_id = e.id"
        + (" WHERE e.type = ?" if type_ else "")
        + " GROUP BY e.type, e.name ORDER BY documents DESC, mentions DESC, e.name LIMIT ?"
    )
    params: tuple[Any, ...] = (type_.upper(), top) if type_ else (top,)
    return [dict(r) for r in conn.execute(sql, params)]


def find_document(conn: Database, doc_id: str) -> Any:
    """A document by id or unambiguous id prefix (at least 4 characters)."""
    conn = wrap(conn)
    row = conn.execute("SELECT * FROM documents WHERE id = ?", (doc_id,)).fetchone()
    if row or not 4 <= len(doc_id) <= 64 or not re.fullmatch(r"[0-9a-f]+", doc_id):
        return row
    rows = conn.execute("SELECT * FROM documents WHERE id LIKE ? LIMIT 2", (doc_id + "%",)).fetchall()
    return rows[0] if len(rows) == 1 else None


def identity_list(conn: Database, type_: str | None = None, top: int = 20) -> list[dict[str, Any]]:
    """The identities named in most documents (suppressed ones left out): id, name, type, documents and every name
    seen for it, longest first."""
    conn = wrap(conn)
    where, params = ("WHERE suppressed = 0 AND type = ?", (type_.upper(),)) if type_ else ("WHERE suppressed = 0", ())
    return [{"id": r["id"], "name": r["name"], "type": r["type"], "documents": r["documents"],
             "names": sorted(json.loads(r["profile"]).get("names", {}), key=len, reverse=True)}
            for r in conn.execute(f"SELECT * FROM identities {where} ORDER BY documents DESC, name LIMIT ?",
                                  (*params, top))]


def stored_documents(conn: Database) -> list[DocumentInfo]:
    """Every stored document as it came in (for re-extraction), in ingest order."""
    rows = wrap(conn).execute("SELECT id, title, source, url, published, text, author, origin, format, language"
                        " FROM documents ORDER BY rowid").fetchall()
    return [DocumentInfo(**dict(row)) for row in rows]


def document_detail(conn: Database, doc_id: str) -> dict[str, Any] | None:
    conn = wrap(conn)
    doc = find_document(conn, doc_id)
    if doc is None:
        return None
    sentences = [dict(r) for r in conn.execute(
        'SELECT idx, start, "end" FROM sentences WHERE document_id = ? ORDER BY idx', (doc["id"],))]
    entities = []
    for e in conn.execute("SELECT * FROM entities WHERE document_id = ? ORDER BY rowid", (doc["id"],)):
        mentions = [dict(m) for m in conn.execute(
            'SELECT id, text, start, "end", sentence FROM mentions WHERE entity_id = ? ORDER BY start, id', (e["id"],))]
        link = conn.execute("SELECT identity_id FROM entity_links WHERE entity_id = ?", (e["id"],)).fetchone()
        entities.append({"id": e["id"], "name": e["name"], "type": e["type"],
                         "aliases": json.loads(e["aliases"]), "attributes": json.loads(e["attributes"]),
                         "identity": link[0] if link else None, "mentions": mentions})
    keys = ("id", "title", "source", "url", "published", "language", "author", "origin", "format", "text")
    document = {k: doc[k] for k in keys}
    story = conn.execute("SELECT story_id FROM story_docs WHERE document_id = ?", (doc["id"],)).fetchone()
    document["story"] = story[0] if story else None
    return {"document": document, "sentences": sentences, "entities": entities, **document_facts(conn, doc["id"])}


def _search_terms(query: str) -> tuple[list[str], list[str]]:
    """("quoted phrases" as their words joined by spaces, the other words) of a search: user text is only ever
    words, so it is always a valid query on either backend (no syntax, no injection)."""
    phrases = [" ".join(re.findall(r"\w+", p)) for p in re.findall(r'"([^"]+)"', query) if re.search(r"\w", p)]
    rest = re.sub(r'"[^"]*"', " ", query)
    return phrases, re.findall(r"\w+", rest)


SEARCH_LIMIT_WORDS = 16  # the snippet's length in words

# PostgreSQL: the generated tsvector column documents.search (configuration `newsintel_search`, migration 0012: no
# stemming and accents folded, as FTS5's unicode61 tokenizer) with its GIN index; websearch_to_tsquery reads every
# term and "phrase" quoted, so no word of the user's (or, -, ...) is an operator; ts_headline marks the hits as
# FTS5's snippet does.
_PG_SEARCH = (
    "SELECT d.id, d.title, d.published, d.source, ts_headline('newsintel_search', d.text, q, 'StartSel=[, StopSel=],"
    f' MaxWords={SEARCH_LIMIT_WORDS:d}, MinWords={SEARCH_LIMIT_WORDS // 3:d}, MaxFragments=1,'
    """ FragmentDelimiter=" … "') AS snippet"""
    " FROM documents d, websearch_to_tsquery('newsintel_search', ?) q WHERE d.search @@ q"
    " ORDER BY ts_rank(d.search, q) DESC, d.rowid LIMIT ?"
)


def search(conn: Database, query: str, limit: int = 20) -> list[dict[str, Any]]:
    """Documents matching `query` (all terms; "quoted phrases" kept), best first, with a snippet: FTS5 on SQLite,
    the `search` tsvector on PostgreSQL (each ranks by its own relevance measure)."""
    conn = wrap(conn)
    phrases, words = _search_terms(query)
    if not phrases and not words:
        return []
    if conn.dialect == POSTGRESQL:
        text = " ".join('"' + t + '"' for t in [*phrases, *words])  # \w+ words: no quote inside
        return [dict(r) for r in conn.execute(_PG_SEARCH, (text, limit))]
    match = " ".join([*('"' + p + '"' for p in phrases), *('"' + w + '"' for w in words)])
    sql = (
        "SELECT d.id, d.title, d.published, d.source,"
        f" snippet(documents_fts, 1, '[', ']', ' … ', {SEARCH_LIMIT_WORDS:d}) AS snippet"
        " FROM documents_fts JOIN documents d ON d.rowid = documents_fts.rowid"
        " WHERE documents_fts MATCH ? ORDER BY rank LIMIT ?"
    )
    return [dict(r) for r in conn.execute(sql, (match, limit))]


def escape_like(value: str) -> str:
    """`value` matched literally by `LIKE ? ESCAPE '\\'`: its %, _ and \\ are not wildcards."""
    return value.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


def _like(value: str) -> str:
    return "%" + escape_like(value) + "%"


# LIKE ignores ASCII case in SQLite, not in PostgreSQL: both sides are lowered (SQLite's lower() folds ASCII only,
# so its matches stay exactly what they were).
def like_sql(column: str) -> str:
    """The portable, case-blind test that `column` matches a `_like` parameter."""
    return f"lower({column}) LIKE lower(?) ESCAPE '\\'"


ENTITY_IDS_BY_NAME = f"SELECT id FROM entities WHERE {like_sql('name')} OR {like_sql('aliases')}"


def _sentence_text(conn: Database, cache: dict, doc_id: str, sentence: int) -> str:
    """The sentence's text; a headline fact's "sentence" is the title (`extract/headlines.py`)."""
    conn = wrap(conn)
    key = (doc_id, sentence)
    if key not in cache and sentence == HEADLINE_SENTENCE:
        row = conn.execute("SELECT title FROM documents WHERE id = ?", (doc_id,)).fetchone()
        cache[key] = (row[0] or "") if row else ""
    if key not in cache:
        row = conn.execute(
            'SELECT substr(d.text, s.start + 1, s."end" - s.start) FROM sentences s JOIN documents d'
            " ON d.id = s.document_id WHERE s.document_id = ? AND s.idx = ?", (doc_id, sentence)).fetchone()
        cache[key] = row[0] if row else ""
    return cache[key]


def _with_source(conn: Database, rows: list[Any]) -> list[dict[str, Any]]:
    """Each fact as extracted, plus where it comes from: document id, title, date, source, sentence text."""
    cache: dict = {}
    out = []
    for row in rows:
        fact = json.loads(row["data"])
        fact["source"] = {"document": row["document_id"], "title": row["title"], "published": row["published"],
                          "publisher": row["publisher"],
                          "sentence_text": _sentence_text(conn, cache, row["document_id"], row["sentence"])}
        out.append(fact)
    return out


def json_field(dialect: str, column: str, key: str) -> str:
    """SQL reading the value at `key` of the JSON text in `column` (a number stays a number on SQLite, is text on
    PostgreSQL: cast it there). `key` is a name written in store/, never input."""
    assert re.fullmatch(r"\w+", key)
    return f"({column}::json ->> '{key}')" if dialect == POSTGRESQL else f"json_extract({column}, '$.{key}')"


def confident_sql(alias: str, dialect: str = "sqlite") -> str:
    """The SQL test that a fact's confidence is at least a parameter (facts stored before confidence: always)."""
    value = json_field(dialect, f"{alias}.data", "confidence")
    if dialect == POSTGRESQL:
        value = f"CAST({value} AS DOUBLE PRECISION)"
    return f"coalesce({value}, 1) >= ?"


def _event_filters(type_: str | None, entity: str | None, modality: str | None) -> tuple[list[str], list[Any]]:
    where: list[str] = []
    params: list[Any] = []
    if type_:
        where.append("e.type = ?")
        params.append(type_.upper())
    if modality:
        where.append("e.modality = ?")
        params.append(modality.lower())
    if entity:
        like = _like(entity)
        where.append(
            f"EXISTS (SELECT 1 FROM event_args a WHERE a.event_id = e.id AND (a.entity_id IN ({ENTITY_IDS_BY_NAME})"
            f" OR {like_sql('a.text')}))")
        params += [like, like, like]
    return where, params


def _claim_filters(speaker: str | None) -> tuple[list[str], list[Any]]:
    if not speaker:
        return [], []
    like = _like(speaker)
    return [f"({like_sql('c.speaker')} OR c.speaker_entity IN ({ENTITY_IDS_BY_NAME}))"], [like, like, like]


def _listed(conn: Database, table: str, alias: str, filters: tuple[list[str], list[Any]], limit: int,
            min_confidence: float | None) -> tuple[list[dict[str, Any]], int]:
    """Facts of `table` matching `filters`, latest documents first, and how many matched under `min_confidence`."""
    conn = wrap(conn)
    where, params = filters
    hidden = 0
    if min_confidence is not None:
        test = f"NOT ({confident_sql(alias, conn.dialect)})"
        hidden = conn.execute(f"SELECT count(*) FROM {table} {alias} WHERE " + " AND ".join([*where, test]),
                              (*params, min_confidence)).fetchone()[0]
        where, params = [*where, confident_sql(alias, conn.dialect)], [*params, min_confidence]
    sql = (f"SELECT {alias}.*, d.title, d.published, d.source AS publisher FROM {table} {alias} JOIN documents d"
           f" ON d.id = {alias}.document_id" + (" WHERE " + " AND ".join(where) if where else "")
           + f" ORDER BY d.published DESC NULLS LAST, {alias}.document_id, {alias}.start, {alias}.id LIMIT ?")
    return _with_source(conn, conn.execute(sql, (*params, limit)).fetchall()), hidden


def list_events(conn: Database, type_: str | None = None, entity: str | None = None,
                modality: str | None = None, limit: int = 50, min_confidence: float | None = None,
                ) -> list[dict[str, Any]]:
    """Events, latest documents first; `entity` matches a linked entity's name or alias, or an argument's text;
    events under `min_confidence` are left out (see `confident_events` for how many)."""
    return confident_events(conn, type_, entity, modality, limit, min_confidence)[0]


def confident_events(conn: Database, type_: str | None = None, entity: str | None = None,
                     modality: str | None = None, limit: int = 50, min_confidence: float | None = None,
                     ) -> tuple[list[dict[str, Any]], int]:
    """`list_events` and the number of matching events under `min_confidence`."""
    return _listed(conn, "events", "e", _event_filters(type_, entity, modality), limit, min_confidence)


def list_claims(conn: Database, speaker: str | None = None, limit: int = 50,
                min_confidence: float | None = None) -> list[dict[str, Any]]:
    return confident_claims(conn, speaker, limit, min_confidence)[0]


def confident_claims(conn: Database, speaker: str | None = None, limit: int = 50,
                     min_confidence: float | None = None) -> tuple[list[dict[str, Any]], int]:
    """Claims, latest documents first, and the number of matching claims under `min_confidence`."""
    return _listed(conn, "claims", "c", _claim_filters(speaker), limit, min_confidence)


def story_reports_with_events(conn: Database, asks: Sequence[tuple[str, str, Sequence[str]]]) -> list[int]:
    """For each (document id, event type, entity ids): how many other reports of the document's story have an event
    of that type whose actor or target is resolved to the identity of one of the entities (corroboration,
    views/confidence.py). Two queries however many are asked (a profile corroborates up to a hundred events)."""
    conn = wrap(conn)
    entity_ids = sorted({e for _, _, entities in asks for e in entities if e})
    identity = {r[0]: r[1] for r in conn.execute(
        f"SELECT entity_id, identity_id FROM entity_links WHERE entity_id IN ({_marks(entity_ids)})", entity_ids)
    } if entity_ids else {}
    docs = sorted({doc for doc, _, entities in asks if any(e in identity for e in entities)})
    types = sorted({type_ for _, type_, _ in asks})
    identities = sorted(set(identity.values()))
    others: dict[tuple[str, str, str], set[str]] = {}
    if docs:
        for doc, type_, identity_id, other in conn.execute(
                "SELECT s1.document_id, e2.type, l2.identity_id, e2.document_id FROM story_docs s1"
                " JOIN story_docs s2 ON s2.story_id = s1.story_id AND s2.document_id != s1.document_id"
                " JOIN events e2 ON e2.document_id = s2.document_id"
                " JOIN event_args a2 ON a2.event_id = e2.id AND a2.role IN ('actors', 'targets')"
                " JOIN entity_links l2 ON l2.entity_id = a2.entity_id"
                f" WHERE s1.document_id IN ({_marks(docs)}) AND e2.type IN ({_marks(types)})"
                f" AND l2.identity_id IN ({_marks(identities)})", (*docs, *types, *identities)):
            others.setdefault((doc, type_, identity_id), set()).add(other)
    return [len(set().union(*(others.get((doc, type_, identity[e]), set()) for e in entities if e in identity)))
            for doc, type_, entities in asks]


def _marks(values: Sequence[Any]) -> str:
    return ",".join("?" * len(values))


def document_facts(conn: Database, doc_id: str) -> dict[str, list[dict[str, Any]]]:
    conn = wrap(conn)
    facts = {}
    for table in ("events", "claims", "quantities", "relations"):
        rows = conn.execute(f"SELECT data FROM {table} WHERE document_id = ? ORDER BY start, id", (doc_id,))
        facts[table] = [json.loads(r[0]) for r in rows]
    return facts


def event_counts(conn: Database) -> list[dict[str, Any]]:
    """Events per type, split by modality."""
    rows = wrap(conn).execute("SELECT type, modality, count(*) AS n FROM events GROUP BY type, modality"
                              " ORDER BY type, modality").fetchall()
    table: dict[str, dict[str, Any]] = {}
    for row in rows:
        entry = table.setdefault(row["type"], {"type": row["type"], "total": 0})
        entry[row["modality"]] = row["n"]
        entry["total"] += row["n"]
    return sorted(table.values(), key=lambda e: -e["total"])
