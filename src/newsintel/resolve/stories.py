"""Stories: articles about the same event grouped incrementally, as each one is stored.

A new article finds its candidates by index lookup only (MinHash LSH band hashes, entity/place keys and title
words within a date window, nearest in time first, a bounded number per key), so the cost per article does not
grow with the store. It joins the story of the most similar candidate when the similarity reaches `join` in
`data/stories.yaml`: copies (MinHash Jaccard of word shingles) always join; otherwise IDF-weighted overlap of
entities, places and content words (and sentence embeddings when installed), damped by the time apart. An article
close to two stories joins them. Everything lives in the store (`StoryIndex`, `resolve/story_index.py`) and is
written in the caller's transaction, so a killed run loses nothing committed and a rerun resumes.
"""

from __future__ import annotations

import hashlib
import math
from collections import Counter, defaultdict

import numpy as np

from newsintel.model import Record
from newsintel.resolve import story_embed, story_incidents
from newsintel.resolve.story_features import ACTOR_PREFIX, GROUP_PREFIX, StoryDoc, from_record, settings
from newsintel.resolve.story_index import UNDATED_DAY, Candidate, NewMember, StoryIndex


def band_hashes(signature: np.ndarray) -> list[int]:
    """One signed 64-bit hash per LSH band (the band number is part of the hash)."""
    cfg = settings()["minhash"]
    rows = cfg["rows"]
    out = []
    for band in range(cfg["bands"]):
        chunk = signature[band * rows:(band + 1) * rows].tobytes() + band.to_bytes(2, "little")
        out.append(int.from_bytes(hashlib.blake2b(chunk, digest_size=8).digest(), "little", signed=True))
    return out


def _candidates(index: StoryIndex, doc: StoryDoc, bands: list[int]) -> list[Candidate]:
    cand = settings()["candidates"]
    per_key, window = cand["per_key"], cand["window_days"]
    hits: Counter[str] = Counter()
    copies = set(index.band_documents(bands, per_key * 4))
    for key in doc.retrieval:
        undated = index.key_documents(key, UNDATED_DAY, UNDATED_DAY, False, per_key)
        if doc.dated:  # the nearest in time on each side of its day, and reports of no known day
            before = index.key_documents(key, doc.day - window, doc.day, True, per_key)
            after = index.key_documents(key, doc.day + 1, doc.day + window, False, per_key)
        else:  # no day to be near: the latest dated reports, and the other undated ones
            before = index.key_documents(key, UNDATED_DAY + 1, None, True, per_key)
            after = []
        for doc_id in [*before, *after, *undated]:
            hits[doc_id] += 1
    chosen = list(copies) + [d for d, _ in hits.most_common(cand["max_docs"]) if d not in copies]
    return index.candidates([d for d in chosen if d != doc.id])


def _idf(index: StoryIndex, keys: set[str]) -> dict[str, float]:
    """Smoothed IDF from the store's document frequencies (the key '' holds the document count)."""
    df = index.document_frequencies(["", *keys])
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


def _score_stories(index: StoryIndex, doc: StoryDoc, candidates: list[Candidate]
                   ) -> dict[int, tuple[float, bool]]:
    """Best (similarity, copy?) per candidate story."""
    keys = set(doc.profile)
    for c in candidates:
        keys.update(c.profile)
    idf = _idf(index, {k for k in keys if not story_incidents.is_mark(k)})
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


def _merge(index: StoryIndex, stories: list[int]) -> int:
    """Join `stories` into the largest (oldest on ties); returns its id."""
    sizes = {s: index.story_size(s) for s in stories}
    keep = max(stories, key=lambda s: (sizes[s], -s))
    for story in stories:
        if story != keep:
            index.move_members(story, keep)
    return keep


def _counted(profile: dict[str, float]) -> list[str]:
    """The keys whose document frequencies a member adds to: '' (the document count) and its evidence keys."""
    return [k for k in ["", *profile] if not story_incidents.is_mark(k)]


def place(index: StoryIndex, doc: StoryDoc, reuse_story: int | None = None) -> int:
    """Find the story for `doc` and store it there; returns the story id."""
    if doc.embedding is None:
        doc.embedding = story_embed.embed(doc.lead)
    bands = band_hashes(doc.signature)
    scores = _score_stories(index, doc, _candidates(index, doc, bands))
    ranked = sorted(scores.items(), key=lambda kv: kv[1][0], reverse=True)
    cfg = settings()
    if ranked and ranked[0][1][0] >= cfg["join"]:
        story, (score, copy) = ranked[0]
        joined_by = "duplicate" if copy else "similar"
        close = [s for s, (v, _) in ranked if v >= cfg["merge"]]
        if len(close) > 1 and score >= cfg["merge"]:
            story = _merge(index, close)
            joined_by = "merged" if not copy else joined_by
    else:
        story, score, joined_by = index.new_story(doc.day, reuse_story), None, "new"
    index.add_member(NewMember(doc.id, story, doc.day, doc.dated, doc.signature, doc.profile, doc.embedding, bands,
                               list(dict.fromkeys(doc.retrieval)), _counted(doc.profile), joined_by, score))
    index.refresh_story(story)
    return story


def assign_story(index: StoryIndex, record: Record) -> int:
    """Put a newly stored (and resolved) document into a story, inside the caller's transaction; returns the
    story id."""
    return place(index, from_record(record, index.entity_links(record.document.id)))


def _remove(index: StoryIndex, doc_id: str) -> int | None:
    """Take a document out of story grouping (its keys, counts and membership); returns its former story."""
    member = index.member_profile(doc_id)
    if member is None:
        return None
    story, profile = member
    index.remove_member(doc_id, _counted(profile))
    index.refresh_story(story)
    return story


def reassign_story(index: StoryIndex, record: Record) -> int:
    """After re-extraction: recompute the document's evidence and place it again (inside the caller's
    transaction). A document alone in its story keeps the story id when it still stands alone."""
    former = _remove(index, record.document.id)
    alive = former is not None and index.story_exists(former)
    return place(index, from_record(record, index.entity_links(record.document.id)), None if alive else former)
