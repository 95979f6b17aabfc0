"""Extraction gold: where it lives, its labels, loading it with its texts, and checking it is well-formed.

The gold format and its rules are in ``tests/gold/GUIDELINES.md``; the subsets are described in
`evaluation.extraction`. Kept apart from the scoring so that the checks on the annotation do not depend on how
predictions are matched.
"""

from __future__ import annotations

import gzip
import json
import os
import re
import xml.etree.ElementTree as ET
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from evaluation.extraction_tokens import find_all, tokens

EVENT_TYPES = ("TRAVEL", "CROSS_BORDER", "FLEE", "RETURN", "SMUGGLE", "EVACUATE", "ARREST", "RELEASE", "CHARGE",
               "SURRENDER", "AGREE", "ATTACK", "FIGHT", "RECRUIT", "THREATEN")
MODALITIES = ("asserted", "hedged", "intended", "attempted", "future", "conditional", "negated")
RELATION_TYPES = ("MEMBER", "POSITION", "FAMILY", "SPOUSE", "ASSOCIATE", "ALIAS", "OPPOSES")
SYMMETRIC_RELATIONS = frozenset({"FAMILY", "SPOUSE", "ASSOCIATE", "ALIAS"})
PLACE_ROLES = ("location", "origin", "destination", "via")
ARG_ROLES = ("actors", "targets", *PLACE_ROLES)
SUBSETS = ("written", "real")  # development gold: tuned on, shown per document by evaluation.diff
HELDOUT = "heldout"  # frozen held-out gold: aggregates only, never per document
HELDOUT_B = "heldout_b"  # second frozen held-out set (fresh articles of held-out story clusters), same rules
HELDOUT_SETS = (HELDOUT, HELDOUT_B)


def is_heldout(subset: str) -> bool:
    """Whether a gold subset is frozen held-out (scored in aggregate only, never shown per document)."""
    return subset in HELDOUT_SETS
SHARED_PREFIX = "../shared/"


# --------------------------------------------------------------------------
# Locations
# --------------------------------------------------------------------------


def repo_root() -> Path:
    return Path(__file__).resolve().parent.parent


def shared_dir() -> Path:
    """The shared folder: $NEWSINTEL_SHARED or <repo>/../shared."""
    shared = os.environ.get("NEWSINTEL_SHARED")
    return Path(shared) if shared else repo_root().parent / "shared"


def gold_root() -> Path:
    return repo_root() / "tests" / "gold"


def resolve_source(path: str, root: Path | None = None, shared: Path | None = None) -> Path:
    """A gold ``source.path``: repo-root relative, ``../shared/...`` mapped onto the shared folder."""
    if path.startswith(SHARED_PREFIX):
        return (shared or shared_dir()) / path[len(SHARED_PREFIX):]
    return (root or repo_root()) / path


@dataclass
class GoldDoc:
    name: str
    subset: str
    text: str
    title: str | None
    published: str | None
    annotated_chars: int | None
    gold: dict


# --------------------------------------------------------------------------
# Loading gold
# --------------------------------------------------------------------------


def _read_written_text(path: Path) -> tuple[str, str]:
    raw = path.read_text(encoding="utf-8")
    parts = raw.split("\n", 2)
    if len(parts) < 3 or parts[1].strip():
        raise ValueError(f"{path}: expected a headline, a blank line, then the body")
    return parts[0].strip(), parts[2]


def _read_corpus_article(path: Path, docid: str) -> tuple[str, str | None]:
    """One ``<article docid=...>`` of a geoparsing corpus (LGL, TR-News: gzipped XML), read in place.

    Its ``text`` is the body as the corpus gives it (LGL's starts with the headline sentence), so no separate
    title is passed: the headline is annotated where it stands in the text.
    """
    with gzip.open(path) as handle:
        for _, element in ET.iterparse(handle):
            if element.tag == "article" and element.get("docid") == docid:
                return element.findtext("text") or "", None
    raise ValueError(f"{path}: no article with docid {docid}")


def load_gold(root: Path | None = None, shared: Path | None = None,
              subsets: Sequence[str] = SUBSETS) -> tuple[list[GoldDoc], list[str]]:
    """Gold documents with their texts, and messages about what could not be loaded."""
    root = root or gold_root()
    repo = root.parent.parent
    docs: list[GoldDoc] = []
    messages: list[str] = []
    for subset in subsets:
        folder = root / subset
        for path in sorted(folder.glob("*.json")):
            gold = json.loads(path.read_text(encoding="utf-8"))
            src = gold["source"]
            text_path = resolve_source(src["path"], repo, shared)
            if not text_path.exists():
                messages.append(f"{subset}: source not found for {path.name}: {text_path}")
                continue
            if src.get("docid"):
                text, title = _read_corpus_article(text_path, src["docid"])
            elif src.get("field"):
                data = json.loads(text_path.read_text(encoding="utf-8"))
                text, title = data[src["field"]], data.get("title")
            else:
                title, text = _read_written_text(text_path)
            docs.append(GoldDoc(path.stem, subset, text, title, gold.get("published"), gold.get("annotated_chars"),
                                gold))
    return docs, messages


def _real_available(shared: Path | None = None) -> bool:
    return ((shared or shared_dir()) / "bench" / "5w1h" / "data").is_dir()


def validate_gold(root: Path | None = None, shared: Path | None = None,
                  include_real: bool = True) -> dict[str, Any]:
    """Check every gold file: parseable, known labels, and every quoted string occurring in its text.

    Raises AssertionError listing all problems; returns counts. The real and held-out sets are skipped (and
    reported under ``skipped``) when the shared folder is absent. Problems in held-out files are reported without
    their gold strings, so that a failing check shows nobody the held-out annotation.
    """
    root = root or gold_root()
    subsets = [*SUBSETS, *HELDOUT_SETS]
    skipped = []
    if not include_real or not _real_available(shared):
        subsets = [s for s in subsets if s != "real" and not is_heldout(s)]
        skipped += ["real", *HELDOUT_SETS]
    docs, messages = load_gold(root, shared, subsets)
    problems = list(messages)
    n_files = sum(len(list((root / s).glob("*.json"))) for s in subsets)
    if len(docs) != n_files:
        problems.append(f"loaded {len(docs)} of {n_files} gold files")
    stats: Counter = Counter()
    for doc in docs:
        problems += [f"{doc.subset}/{doc.name}: {p}"
                     for p in _validate_doc(doc, stats, redact=is_heldout(doc.subset))]
    if problems:
        raise AssertionError("gold validation failed:\n" + "\n".join(problems))
    return {"documents": len(docs), "skipped": skipped, **dict(stats)}


def _validate_doc(doc: GoldDoc, stats: Counter, redact: bool = False) -> list[str]:
    g, text = doc.gold, doc.text
    problems: list[str] = []

    def show(value: Any) -> str:
        return "<held-out string>" if redact else repr(value)

    cutoff = doc.annotated_chars if doc.annotated_chars is not None else len(text)
    if doc.annotated_chars is not None and not 0 < doc.annotated_chars <= len(text):
        problems.append(f"annotated_chars {doc.annotated_chars} outside the text ({len(text)} chars)")
    if not re.fullmatch(r"\d{4}-\d{2}-\d{2}", str(doc.published)):
        problems.append(f"published {doc.published!r} is not YYYY-MM-DD")
    for key in ("events", "quantities", "claims", "relations"):
        if not isinstance(g.get(key), list):
            problems.append(f"missing list {key!r}")
    if problems:
        return problems

    def occurs(s: Any, where: str, matchable: bool = True) -> None:
        if s is None:
            return
        if not isinstance(s, str) or not s.strip():
            problems.append(f"{where}: not a non-empty string: {show(s)}")
        elif not find_all(text, s, ignore_case=True):
            problems.append(f"{where}: {show(s)} does not occur in the text")
        elif matchable and not tokens(s):
            problems.append(f"{where}: {show(s)} has no content token, so nothing could ever match it")

    for i, e in enumerate(g["events"]):
        where = f"event {i} ({e.get('type')} {show(e.get('trigger'))})"
        if e.get("type") not in EVENT_TYPES:
            problems.append(f"{where}: unknown type")
        if e.get("modality") not in MODALITIES:
            problems.append(f"{where}: unknown modality {show(e.get('modality'))}")
        sq = e.get("sentence_quote") or ""
        spans = [s for s in find_all(text, sq) if s[0] < cutoff]
        if len(spans) != 1:
            problems.append(f"{where}: sentence_quote occurs {len(spans)} times in the annotated span")
        elif not find_all(text[spans[0][0]:spans[0][1]], e.get("trigger") or "", ignore_case=True):
            problems.append(f"{where}: trigger not inside its sentence_quote")
        for role in ARG_ROLES:
            if not isinstance(e.get(role), list):
                problems.append(f"{where}: {role} is not a list")
                continue
            for a in e[role]:
                occurs(a, f"{where} {role}")
        occurs(e.get("time"), f"{where} time", matchable=False)
        if e.get("attribution") is not None:
            occurs(e["attribution"].get("speaker"), f"{where} attribution speaker")
            occurs(e["attribution"].get("cue"), f"{where} attribution cue", matchable=False)
        stats[f"events.{e.get('type')}"] += 1
        stats[f"modality.{e.get('modality')}"] += 1
        stats["events"] += 1
    for i, q in enumerate(g["quantities"]):
        occurs(q.get("text"), f"quantity {i}", matchable=False)
        occurs(q.get("counted"), f"quantity {i} counted")
        if not any(isinstance(q.get(k), int | float) for k in ("value", "low", "high")):
            problems.append(f"quantity {i}: no value, low or high")
        if not isinstance(q.get("approximate"), bool):
            problems.append(f"quantity {i}: approximate is not a boolean")
        stats["quantities"] += 1
    for i, c in enumerate(g["claims"]):
        for key in ("speaker", "cue", "content_quote"):
            if not c.get(key):
                problems.append(f"claim {i}: missing {key}")
            occurs(c.get(key), f"claim {i} {key}", matchable=key == "speaker")
        occurs(c.get("medium"), f"claim {i} medium", matchable=False)
        if c.get("modality") not in MODALITIES:
            problems.append(f"claim {i}: unknown modality {show(c.get('modality'))}")
        stats["claims"] += 1
    for i, r in enumerate(g["relations"]):
        if r.get("type") not in RELATION_TYPES:
            problems.append(f"relation {i}: unknown type {show(r.get('type'))}")
        occurs(r.get("subject"), f"relation {i} subject")
        occurs(r.get("object"), f"relation {i} object")
        stats[f"relations.{r.get('type')}"] += 1
        stats["relations"] += 1
    return problems
