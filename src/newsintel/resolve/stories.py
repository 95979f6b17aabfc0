"""Stories: articles about the same event grouped incrementally, as each one is stored.

A new article finds its candidates by index lookup only (MinHash LSH band hashes, entity/place keys and title
words within a date window, nearest in time first, a bounded number per key), so the cost per article does not
grow with the store. It joins the story of the most similar candidate when the similarity reaches `join` in
`data/stories.yaml`: copies (MinHash Jaccard of word shingles) always join; otherwise IDF-weighted overlap of
entities, places and content words (and sentence embeddings when installed), damped by the time apart. An article
close to two stories joins them. Everything lives in the store and is written in the caller's transaction, so a
killed run loses nothing committed and a rerun resumes.
"""

from __future__ import annotations

import hashlib
import json
import math
import sqlite3
from collections import Counter, defaultdict
from dataclasses import dataclass
from datetime import UTC, datetime

import numpy as np

from newsintel.model import Record
from newsintel.resolve import story_embed, story_incidents
from newsintel.resolve.story_features import ACTOR_PREFIX, GROUP_PREFIX, StoryDoc, from_record, from_store, settings

SQL_CHUNK = 500
UNDATED_DAY = 0  # the day under which a report with no publication date is indexed: found from any date


@dataclass(slots=True)
class Candidate:
    id: str
    story: int
    day: int
    dated: bool
    signature: np.ndarray
    profile: dict[str, float]
    embedding: np.ndarray | None


def _now() -> str:
    return datetime.now(UTC).replace(microsecond=0).isoformat()


def band_hashes(signature: np.ndarray) -> list[int]:
    """One signed 64-bit hash per LSH band (the band number is part of the hash)."""
    cfg = settings()["minhash"]
    rows = cfg["rows"]
    out = []
    for band in range(cfg["bands"]):
        chunk = signature[band * rows:(band + 1) * rows].tobytes() + band.to_bytes(2, "little")
        out.append(int.from_bytes(hashlib.blake2b(chunk, digest_size=8).digest(), "little", signed=True))
    return out


def _candidates(conn: sqlite3.Connection, doc: StoryDoc, bands: list[int]) -> list[Candidate]:
    cand = settings()["candidates"]
    per_key, window = cand["per_key"], cand["window_days"]
    hits: Counter[str] = Counter()
    copies: set[str] = set()
    marks = ",".join("?" * len(bands))
    for (doc_id,) in conn.execute(f"SELECT document_id FROM story_bands WHERE band IN ({marks}) LIMIT ?",
                                  (*bands, per_key * 4)):
        copies.add(doc_id)
    for key in doc.retrieval:
        undated = conn.execute("SELECT document_id FROM story_keys WHERE key = ? AND day = ? LIMIT ?",
                               (key, UNDATED_DAY, per_key)).fetchall()
        if doc.dated:  # the nearest in time on each side of its day, and reports of no known day
            before = conn.execute(
                "SELECT document_id FROM story_keys WHERE key = ? AND day BETWEEN ? AND ? ORDER BY day DESC LIMIT ?",
                (key, doc.day - window, doc.day, per_key))
            after = conn.execute(
                "SELECT document_id FROM story_keys WHERE key = ? AND day > ? AND day <= ? ORDER BY day LIMIT ?",
                (key, doc.day, doc.day + window, per_key))
        else:  # no day to be near: the latest dated reports, and the other undated ones
            before = conn.execute("SELECT document_id FROM story_keys WHERE key = ? AND day > ? ORDER BY day DESC"
                                  " LIMIT ?", (key, UNDATED_DAY, per_key))
            after = []
        for (doc_id,) in [*before, *after, *undated]:
            hits[doc_id] += 1
    chosen = list(copies) + [d for d, _ in hits.most_common(cand["max_docs"]) if d not in copies]
    chosen = [d for d in chosen if d != doc.id]
    out = []
    for start in range(0, len(chosen), SQL_CHUNK):
        part = chosen[start:start + SQL_CHUNK]
        marks = ",".join("?" * len(part))
        for row in conn.execute(
                f"SELECT document_id, story_id, day, dated, signature, profile, embedding FROM story_docs"
                f" WHERE document_id IN ({marks})", part):
            emb = np.frombuffer(row[6], dtype=np.float32) if row[6] else None
            out.append(Candidate(row[0], row[1], row[2], bool(row[3]), np.frombuffer(row[4], dtype=np.uint32),
                                 json.loads(row[5]), emb))
    return out


def _idf(conn: sqlite3.Connection, keys: set[str]) -> dict[str, float]:
    """Smoothed IDF from the store's document frequencies (the key '' holds the document count)."""
    wanted = ["", *keys]
    df: dict[str, int] = {}
    for start in range(0, len(wanted), SQL_CHUNK):
        part = wanted[start:start + SQL_CHUNK]
        marks = ",".join("?" * len(part))
        df.update(conn.execute(f"SELECT key, df FROM story_df WHERE key IN ({marks})", part).fetchall())
    n = df.get("", 0)
    return {k: math.log((n + 1) / (df.get(k, 0) + 1)) + 1.0 for k in keys}


def _vectors(profile: dict[str, float], idf: dict[str, float]) -> dict[str, dict[str, float]]:
    by_group: dict[str, dict[str, float]] = {g: {} for g in GROUP_PREFIX}
    groups = {p: g for g, p in GROUP_PREFIX.items()}
    for key, weight in profile.items():
        group = groups.get(key[:2])
        if group:
            by_group[group][key] = (1.0 + math.log(weight) if weight >= 1 else weight) * idf[key]
    return by_group


def _cosine(a: dict[str, float], b: dict[str, float]) -> float:
    if len(b) < len(a):
        a, b = b, a
    dot = sum(w * b.get(k, 0.0) for k, w in a.items())
    if not dot:
        return 0.0
    return dot / math.sqrt(sum(w * w for w in a.values()) * sum(w * w for w in b.values()))


def similarity(doc: StoryDoc, other: Candidate, vec_doc: dict, vec_other: dict) -> tuple[float, bool]:
    """(similarity in [0, 1], copy?) of a new article and a stored one."""
    cfg = settings()
    minhash = cfg["minhash"]
    factor, apart = story_incidents.incident_factor(
        doc.profile, story_incidents.when(doc.profile, doc.day, doc.dated),
        other.profile, story_incidents.when(other.profile, other.day, other.dated), cfg["incidents"])
    if len(other.signature) == len(doc.signature) and not apart:
        jaccard = float(np.mean(other.signature == doc.signature))
        if jaccard >= minhash["duplicate"]:
            return 1.0, True
    use_emb = doc.embedding is not None and other.embedding is not None
    weights = cfg["weights_with_embeddings"] if use_emb else cfg["weights"]
    parts: dict[str, float] = {}
    for group in ("entities", "places", "terms"):
        if vec_doc[group] and vec_other[group] and weights.get(group):
            parts[group] = _cosine(vec_doc[group], vec_other[group])
    if use_emb:
        floor = cfg["embedding_floor"]
        parts["embeddings"] = max(0.0, (float(np.dot(doc.embedding, other.embedding)) - floor) / (1 - floor))
    total = sum(weights[g] for g in parts)
    score = sum(weights[g] * v for g, v in parts.items()) / total if total else 0.0
    return score * factor, False


def _score_stories(conn: sqlite3.Connection, doc: StoryDoc, candidates: list[Candidate]
                   ) -> dict[int, tuple[float, bool]]:
    """Best (similarity, copy?) per candidate story."""
    keys = set(doc.profile)
    for c in candidates:
        keys.update(c.profile)
    idf = _idf(conn, {k for k in keys if not story_incidents.is_mark(k)})
    vec_doc = _vectors(doc.profile, idf)
    per_story: dict[int, list[tuple[float, bool]]] = defaultdict(list)
    story_actors: dict[int, set[str]] = defaultdict(set)
    for c in candidates:
        per_story[c.story].append(similarity(doc, c, vec_doc, _vectors(c.profile, idf)))
        story_actors[c.story].update(k for k in c.profile if k.startswith(ACTOR_PREFIX))
    cfg = settings()
    share = cfg["link_average"]
    actors = {k for k in doc.profile if k.startswith(ACTOR_PREFIX)}
    out = {}
    for story, scores in per_story.items():
        top, copy = max(scores)
        mean = sum(v for v, _ in scores) / len(scores)
        score = top if copy else (1 - share) * top + share * mean
        if not copy and actors and story_actors[story] and not actors & story_actors[story]:
            score *= cfg["different_actors"]  # the article and the story are about named people, not the same ones
        out[story] = (score, copy)
    return out


def _new_story(conn: sqlite3.Connection, day: int, story_id: int | None = None) -> int:
    stamp = _now()
    cur = conn.execute("INSERT INTO stories(id, size, first_day, last_day, created_at, updated_at)"
                       " VALUES (?, 0, ?, ?, ?, ?)", (story_id, day, day, stamp, stamp))
    return int(cur.lastrowid)


def _refresh_story(conn: sqlite3.Connection, story_id: int) -> None:
    """Size and date span from the members; an empty story is deleted."""
    size, first, last = conn.execute(
        "SELECT count(*), min(iif(dated, day, NULL)), max(iif(dated, day, NULL)) FROM story_docs"
        " WHERE story_id = ?", (story_id,)).fetchone()
    if size == 0:
        conn.execute("DELETE FROM stories WHERE id = ?", (story_id,))
    else:
        conn.execute("UPDATE stories SET size = ?, first_day = ?, last_day = ?, updated_at = ? WHERE id = ?",
                     (size, first, last, _now(), story_id))


def _merge(conn: sqlite3.Connection, stories: list[int]) -> int:
    """Join `stories` into the largest (oldest on ties); returns its id."""
    sizes = {s: conn.execute("SELECT size FROM stories WHERE id = ?", (s,)).fetchone()[0] for s in stories}
    keep = max(stories, key=lambda s: (sizes[s], -s))
    for story in stories:
        if story != keep:
            conn.execute("UPDATE story_docs SET story_id = ?, joined_by = 'merged' WHERE story_id = ?",
                         (keep, story))
            conn.execute("DELETE FROM stories WHERE id = ?", (story,))
    return keep


def _add(conn: sqlite3.Connection, doc: StoryDoc, story_id: int, bands: list[int], joined_by: str,
         score: float | None) -> None:
    emb = doc.embedding.astype(np.float32).tobytes() if doc.embedding is not None else None
    conn.execute(
        "INSERT INTO story_docs(document_id, story_id, day, dated, signature, profile, embedding, joined_by, score,"
        " assigned_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        (doc.id, story_id, doc.day, int(doc.dated), doc.signature.astype(np.uint32).tobytes(),
         json.dumps(doc.profile, ensure_ascii=False), emb, joined_by, score, _now()))
    conn.executemany("INSERT OR IGNORE INTO story_bands(band, document_id) VALUES (?, ?)",
                     [(b, doc.id) for b in bands])
    day = doc.day if doc.dated else UNDATED_DAY
    conn.executemany("INSERT OR IGNORE INTO story_keys(key, day, document_id) VALUES (?, ?, ?)",
                     [(k, day, doc.id) for k in dict.fromkeys(doc.retrieval)])
    conn.executemany("INSERT INTO story_df(key, df) VALUES (?, 1) ON CONFLICT(key) DO UPDATE SET df = df + 1",
                     [(k,) for k in ["", *doc.profile] if not story_incidents.is_mark(k)])
    _refresh_story(conn, story_id)


def _place(conn: sqlite3.Connection, doc: StoryDoc, reuse_story: int | None = None) -> int:
    """Find the story for `doc` and store it there; returns the story id."""
    if doc.embedding is None:
        doc.embedding = story_embed.embed(doc.lead)
    bands = band_hashes(doc.signature)
    scores = _score_stories(conn, doc, _candidates(conn, doc, bands))
    ranked = sorted(scores.items(), key=lambda kv: kv[1][0], reverse=True)
    cfg = settings()
    if ranked and ranked[0][1][0] >= cfg["join"]:
        story, (score, copy) = ranked[0]
        joined_by = "duplicate" if copy else "similar"
        close = [s for s, (v, _) in ranked if v >= cfg["merge"]]
        if len(close) > 1 and score >= cfg["merge"]:
            story = _merge(conn, close)
            joined_by = "merged" if not copy else joined_by
    else:
        story, score, joined_by = _new_story(conn, doc.day, reuse_story), None, "new"
    _add(conn, doc, story, bands, joined_by, score)
    return story


def assign_story(conn: sqlite3.Connection, record: Record) -> int:
    """Put a newly stored document into a story, inside the caller's transaction; returns the story id."""
    return _place(conn, from_record(record, conn))


def _remove(conn: sqlite3.Connection, doc_id: str) -> int | None:
    """Take a document out of story grouping (its keys, counts and membership); returns its former story."""
    row = conn.execute("SELECT story_id, profile FROM story_docs WHERE document_id = ?", (doc_id,)).fetchone()
    if row is None:
        return None
    conn.execute("DELETE FROM story_bands WHERE document_id = ?", (doc_id,))
    conn.execute("DELETE FROM story_keys WHERE document_id = ?", (doc_id,))
    keys = [(k,) for k in ["", *json.loads(row[1])] if not story_incidents.is_mark(k)]
    conn.executemany("UPDATE story_df SET df = df - 1 WHERE key = ?", keys)
    conn.executemany("DELETE FROM story_df WHERE key = ? AND df <= 0", keys)
    conn.execute("DELETE FROM story_docs WHERE document_id = ?", (doc_id,))
    _refresh_story(conn, row[0])
    return int(row[0])


def reassign_story(conn: sqlite3.Connection, record: Record) -> int:
    """After re-extraction: recompute the document's evidence and place it again (inside the caller's
    transaction). A document alone in its story keeps the story id when it still stands alone."""
    former = _remove(conn, record.document.id)
    alive = former is not None and conn.execute("SELECT 1 FROM stories WHERE id = ?", (former,)).fetchone()
    return _place(conn, from_record(record, conn), None if alive else former)


def backfill_stories(conn: sqlite3.Connection) -> int:
    """Place every stored document that has no story yet (stores from before stories, or written by another
    version), oldest publication first, one transaction each; returns how many were placed."""
    from newsintel.store.db import transaction

    missing = [r[0] for r in conn.execute(
        "SELECT d.id FROM documents d WHERE NOT EXISTS (SELECT 1 FROM story_docs s WHERE s.document_id = d.id)"
        " ORDER BY d.published, d.rowid")]
    placed = 0
    for doc_id in missing:
        with transaction(conn):
            if conn.execute("SELECT 1 FROM story_docs WHERE document_id = ?", (doc_id,)).fetchone() is None:
                _place(conn, from_store(conn, doc_id))
                placed += 1
    return placed
