"""What an article contributes to story grouping: a MinHash signature, entity and place keys, content words, its
date. Built from a fresh `Record` at ingest or from one read back from the store (backfill), with the same result.

An entity already resolved (resolution runs first, in the same transaction) also counts by the normalised name of
what it resolved to (`identity_keys: add` in `data/stories.yaml`): a person or group by its identity's name, so
"Muhammad Ben Ali" in one article and "Mohammed Benali" in another share a key; a geocoded place by its gazetteer
name, so "Raqqa" and "Raqqah" do even where resolution kept them apart. Names rather than identity ids: two
articles whose entities of one name were geocoded or linked apart still share the key the name gives (ids lost
that evidence on the story-clustering set, see BENCHMARKS.md). The key is the identity's name when the article was
placed; a later merge does not rewrite it (`newsintel reprocess` does).
"""

from __future__ import annotations

import functools
import re
import zlib
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from typing import Any

import numpy as np

from newsintel.model import Record
from newsintel.nlp.gazetteer import fold, place_key
from newsintel.nlp.grouping import person_words
from newsintel.resolve import story_incidents
from newsintel.resolve.story_index import EntityLink
from newsintel.resolve.story_keys import entity_key
from newsintel.resources import load_yaml

GROUP_PREFIX = {"entities": "e:", "places": "p:", "terms": "t:"}
ACTOR_PREFIX = "a:"  # surname of a person the article is about (named in the title or more than once)
_WORD = re.compile(r"\w+")


@functools.cache
def settings() -> dict[str, Any]:
    return load_yaml("stories.yaml")


@dataclass(slots=True)
class StoryDoc:
    """One article as story grouping sees it."""

    id: str
    day: int  # proleptic ordinal of the publication date (of the ingest date when unknown)
    dated: bool
    signature: np.ndarray  # MinHash values, uint32
    profile: dict[str, float]  # prefixed key -> weight in this article (mentions, word counts)
    retrieval: list[str] = field(default_factory=list)  # keys used to find candidates
    title: str = ""
    lead: str = ""  # title and first words, the text an embedding model sees
    embedding: np.ndarray | None = None


def day_of(published: str | None) -> tuple[int, bool]:
    """(ordinal day, dated): the publication day, else today."""
    if published:
        try:
            return date.fromisoformat(published[:10]).toordinal(), True
        except ValueError:
            pass
    return datetime.now(UTC).date().toordinal(), False


def _singular(word: str) -> str:
    """A crude plural fold, enough to match "missiles" with "missile" across articles."""
    if len(word) > 4 and word.endswith("ies"):
        return word[:-3] + "y"
    if len(word) > 4 and word.endswith("es") and word[-3] in "sxh":
        return word[:-2]
    if len(word) > 3 and word.endswith("s") and word[-2] not in "su":
        return word[:-1]
    return word


@functools.cache
def _ignored() -> tuple[frozenset[str], frozenset[str]]:
    """(words that are never content: spaCy's stop words and the data file's, entities that are never evidence)."""
    from spacy.lang.en.stop_words import STOP_WORDS

    cfg = settings()
    return frozenset(cfg["ignore_words"]) | STOP_WORDS, frozenset(fold(e) for e in cfg["ignore_entities"])


def content_words(text: str) -> list[str]:
    ignore = _ignored()[0]
    out = []
    for word in _WORD.findall(fold(text)):
        if word.isdigit():
            if len(word) >= 2:
                out.append(word)
        elif len(word) >= 3 and word not in ignore:
            word = _singular(word)
            if word not in ignore:
                out.append(word)
    return out


def _in_title(name: str, title: str | None) -> bool:
    return bool(title) and person_words(name)[-1:] != () and person_words(name)[-1] in fold(title).split()


@functools.cache
def _permutations() -> Any:
    """The hash permutations, made once (they depend only on the settings)."""
    from datasketch import MinHash

    cfg = settings()["minhash"]
    return MinHash(num_perm=cfg["num_perm"], seed=cfg["seed"], scheme="affine32").permutations


def signature(words: list[str]) -> np.ndarray:
    from datasketch import MinHash  # imported here: listing stories needs none of it

    cfg = settings()["minhash"]
    n = cfg["shingle"]
    shingles = {" ".join(words[i:i + n]).encode() for i in range(max(1, len(words) - n + 1))}
    mh = MinHash(num_perm=cfg["num_perm"], seed=cfg["seed"], scheme="affine32", permutations=_permutations(),
                 hashfunc=zlib.crc32)  # a 32-bit hash in C: the permutations do the mixing
    mh.update_batch(sorted(shingles))
    return mh.hashvalues.astype(np.uint32)


def identity_keys(links: Iterable[EntityLink]) -> dict[str, str]:
    """Entity id -> the normalised name of what it resolved to: a geocoded place's gazetteer name ("Raqqah" and
    "Raqqa" -> "raqqah"), a resolved person's or group's identity name ("Muhammad Ben Ali" -> "mohammed benali").
    Names, not ids: two documents whose entities were geocoded or linked apart (the same name, two identities)
    still share the key their names share. Unresolved entities are left out (they count by their own name)."""
    from newsintel.resolve.place_names import place_of, place_ref

    out = {}
    for link in links:
        ref = place_ref(link.geonameid, link.lat, link.lon)
        place = place_of(ref) if ref and link.type in ("GPE", "LOC", "FAC") else None
        if place is not None:
            out[link.entity_id] = place_key(place.name)
        elif link.identity_name and link.identity_kind in ("person", "org"):
            out[link.entity_id] = entity_key(link.identity_name, link.type)
    return out


def build(doc_id: str, title: str | None, text: str, published: str | None,
          entities: list[tuple[str, str, int, str | None]], marks: dict[str, float] | None = None) -> StoryDoc:
    """`entities` are (name, type, number of mentions, identity key or None) of the article's in-document
    entities; `marks` its when/where/who evidence (`story_incidents.marks`)."""
    cfg, cand = settings(), settings()["candidates"]
    groups = cfg["entity_groups"]
    day, dated = day_of(published)
    words = _WORD.findall(text.lower())  # shingles only need to match copies: no folding (it is the costly part)
    profile: Counter[str] = Counter()
    actors: set[str] = set()
    entity_keys: Counter[str] = Counter()
    mode = cfg["identity_keys"]
    for name, type_, mentions, identity in entities:
        group = groups.get(type_)
        key = entity_key(name, type_) if group else ""
        if not key or key in _ignored()[1]:
            continue
        identity = identity if mode != "off" and identity != key else None
        if mode != "replace" or not identity:
            entity_keys[GROUP_PREFIX[group] + key] += mentions
        if identity:
            entity_keys[GROUP_PREFIX[group] + identity] += mentions
            key = identity if mode == "replace" else key
        parts = key.split()
        if type_ == "PERSON" and len(parts) > 1:  # "Trump" alone elsewhere is the same person, more or less
            entity_keys[GROUP_PREFIX[group] + parts[-1]] += mentions * 0.5
        if type_ == "PERSON" and (mentions >= cfg["principal_mentions"] or _in_title(name, title)):
            actors.add(ACTOR_PREFIX + parts[-1])
            if identity:  # the same person under another spelling is not a different actor
                actors.add(ACTOR_PREFIX + identity.split()[-1])
    profile.update(entity_keys)
    profile.update(dict.fromkeys(actors, 1.0))
    profile.update(marks or {})
    title = title or ""
    body_start = text[len(title):] if title and text.startswith(title) else text
    lead = " ".join(_WORD.findall(body_start)[: cand["lead_words"]])
    title_terms = content_words(title)
    terms: Counter[str] = Counter(content_words(lead))
    for word in title_terms:
        terms[word] += cand["title_boost"]
    for word, count in terms.most_common(cand["max_terms"]):
        profile["t:" + word] += count
    retrieval = [k for k, _ in entity_keys.most_common(cand["max_retrieval_entities"])]
    retrieval += list(dict.fromkeys("t:" + w for w in title_terms))[: cand["max_retrieval_terms"]]
    opening = " ".join(body_start.split()[: cfg["embedding_words"]])
    return StoryDoc(doc_id, day, dated, signature(words), dict(profile), retrieval, title,
                    f"{title}\n{opening}".strip())


def from_record(record: Record, links: Iterable[EntityLink] = ()) -> StoryDoc:
    """`links`: what resolution made of the record's entities in the store it was just written to (none: every
    entity counts by its own name)."""
    doc = record.document
    identities = identity_keys(links)
    entities = [(e.name, e.type, len(e.mentions), identities.get(e.id)) for e in record.entities]
    return build(doc.id, doc.title, doc.text, doc.published, entities,
                 story_incidents.marks(record, settings()["incidents"]))
