"""Extraction evaluation: events, quantities, claims and relations against hand-annotated gold.

Gold lives in ``tests/gold/`` (rules in ``tests/gold/GUIDELINES.md``):

* ``written/<name>.txt`` + ``written/<name>.json``: short articles written for this set (first line headline,
  blank line, body; the body is what is annotated and what the extractor receives);
* ``real/<name>.json``: annotations of articles of the Giveme5W1H gold standard, read in place from the shared
  folder (``<repo root>/../shared/bench/5w1h/data``, or ``$NEWSINTEL_SHARED/bench/...``); the texts are never
  copied. ``annotated_chars`` limits a long article to its first N characters: only predictions that start
  before that offset are counted;
* ``heldout/<name>.json``: the frozen held-out set (same format, real articles of ``../shared/bench``; see its
  README.md). It is scored only with ``--heldout`` (``make eval`` passes it), printed apart from the development
  subsets ``written`` and ``real``, as aggregates only: no per-document figures, no gold text, also not in
  ``--json`` output or validation messages. Developers never open these files.

The extractor (``newsintel.pipeline.extract_text``) only ever receives the text, title and date.

Matching, per document, greedy and one-to-one:

* event: same type, trigger overlaps (character spans overlap, or same sentence and similar trigger tokens),
  every gold actor is matched by a predicted actor (normalised token overlap with the ARG text or with its
  linked entity's name/aliases), and every gold place (location, origin, destination and via pooled) is matched
  by a predicted place; a lenient score needs only type + trigger. Predictions repeating an already counted
  event (same type, same trigger) count once.
* exact-argument event ("exact-arg"): type and trigger as above, and in each of three argument groups — actors,
  targets, places (location, origin, destination and via pooled) — every gold argument is matched by a predicted
  one AND every predicted argument matches a gold one (same token-overlap test). A wrong extra argument, a
  missing target or a predicted argument where gold has none makes the event a miss and a false alarm. Time,
  modality and attribution are not part of it (they have their own accuracies).
* modality, attribution and time accuracy are measured over strictly matched events;
* quantity: value (or low/high) equal or number tokens shared, and the counted ARG overlaps when gold has one;
  a predicted quantity repeated verbatim (same text, values and counted, at another position) counts once, as
  the guidelines list it once;
* claim: speaker overlaps and at least half of the gold content quote's tokens occur in the predicted content;
* relation: same type, subject and object overlap (either direction for symmetric types); predictions of the
  same type and pair (entities, else texts) count once, as the guidelines list one per type and pair.
* facts read from the title (``"section": "headline"``) are not scored: the gold annotates the body only.

Run ``python -m evaluation.extraction`` from the repository root for the development subsets (what developers
run while working); ``--heldout`` adds the frozen held-out set (``make eval`` does; the lead records it). The
printed report holds only aggregate figures, never gold text.
"""

from __future__ import annotations

import argparse
import fnmatch
import json
import math
import os
import re
import sys
import time
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

EVENT_TYPES = ("TRAVEL", "CROSS_BORDER", "FLEE", "RETURN", "SMUGGLE", "EVACUATE", "ARREST", "RELEASE", "CHARGE",
               "SURRENDER", "AGREE", "ATTACK", "FIGHT", "RECRUIT", "THREATEN")
MODALITIES = ("asserted", "hedged", "intended", "attempted", "future", "conditional", "negated")
RELATION_TYPES = ("MEMBER", "POSITION", "FAMILY", "SPOUSE", "ASSOCIATE", "ALIAS", "OPPOSES")
SYMMETRIC_RELATIONS = frozenset({"FAMILY", "SPOUSE", "ASSOCIATE", "ALIAS"})
PLACE_ROLES = ("location", "origin", "destination", "via")
ARG_ROLES = ("actors", "targets", *PLACE_ROLES)
SUBSETS = ("written", "real")  # development gold: tuned on, shown per document by evaluation.diff
HELDOUT = "heldout"  # frozen held-out gold: aggregates only, never per document
SHARED_PREFIX = "../shared/"

Extractor = Callable[[str, "str | None", "str | None"], dict]


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


# --------------------------------------------------------------------------
# Text helpers (pure)
# --------------------------------------------------------------------------

_WS_RE = re.compile(r"\s+")
_TOKEN_RE = re.compile(r"\d+(?:[,.]\d+)*|[^\W\d_]+")

def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


STOPWORDS = _words("""
a an the of and or but nor in on at to from for with by into onto as via about than that this these those
he she it they we you i him her them us me his hers its their our your my who whom whose which what
is are was were be been being has have had do does did not no s al el
some any each all both either one
city town village province region district area country capital
""")
QUANTITY_WORDS = _words("""
about around roughly nearly approximately almost some up to more than over at least fewer less no between and
as many much estimated an a of the
""")


def normalise_ws(text: str) -> tuple[str, list[int]]:
    """``text`` with every whitespace run collapsed to one space, and the original index of each character."""
    out: list[str] = []
    index: list[int] = []
    for m in re.finditer(r"\s+|\S+", text):
        if m.group().isspace():
            out.append(" ")
            index.append(m.start())
        else:
            out.append(m.group())
            index.extend(range(m.start(), m.end()))
    return "".join(out), index


def find_all(haystack: str, needle: str, *, ignore_case: bool = False) -> list[tuple[int, int]]:
    """All (start, end) spans of ``needle`` in ``haystack``, insensitive to whitespace differences."""
    needle_n = _WS_RE.sub(" ", needle.strip())
    if not needle_n:
        return []
    hay_n, index = normalise_ws(haystack)
    if ignore_case:
        hay_n, needle_n = hay_n.lower(), needle_n.lower()
    spans = []
    start = hay_n.find(needle_n)
    while start != -1:
        end = start + len(needle_n)
        spans.append((index[start], index[end - 1] + 1))
        start = hay_n.find(needle_n, start + 1)
    return spans


def find_span(haystack: str, needle: str) -> tuple[int, int] | None:
    """First span of ``needle`` (exact case first, then any case), whitespace-insensitive."""
    spans = find_all(haystack, needle) or find_all(haystack, needle, ignore_case=True)
    return spans[0] if spans else None


def raw_tokens(text: str | None) -> list[str]:
    """Lower-cased word and number tokens; digit groups lose their separators ("4,000" -> "4000")."""
    return [t.replace(",", "") for t in _TOKEN_RE.findall((text or "").lower())]


def _is_stop(token: str) -> bool:
    """A stop word, unless written as an acronym ("US", "UN", "IS" are names)."""
    return token.lower() in STOPWORDS and not (len(token) > 1 and token.isupper())


def _stem(token: str) -> str:
    if len(token) > 4 and token.endswith("ies"):
        return token[:-3] + "y"
    if len(token) > 3 and token.endswith("s") and not token.endswith("ss"):
        return token[:-1]
    return token


def tokens(text: str | None) -> set[str]:
    """Content tokens of an argument text: stop words and one-letter tokens dropped, plural -s stripped."""
    return {_stem(t.lower().replace(",", "")) for t in _TOKEN_RE.findall(text or "")
            if not _is_stop(t) and (len(t) > 1 or t.isdigit())}


def number_tokens(text: str | None) -> set[str]:
    """Tokens of a quantity text without its modifiers ("about 300" -> {"300"})."""
    return {_stem(t) for t in raw_tokens(text) if t not in QUANTITY_WORDS}


def similar_token(a: str, b: str) -> bool:
    """Crude morphology: equal, or sharing a prefix of 5+ characters, or one a 4+ character prefix of the other."""
    if a == b:
        return True
    common = next((i for i, (x, y) in enumerate(zip(a, b, strict=False)) if x != y), min(len(a), len(b)))
    return common >= 5 or (common >= 4 and common == min(len(a), len(b)))


def trigger_tokens_similar(gold: str | None, pred: str | None) -> bool:
    g, p = tokens(gold) or set(raw_tokens(gold)), tokens(pred) or set(raw_tokens(pred))
    return any(similar_token(a, b) for a in g for b in p)


# --------------------------------------------------------------------------
# Arguments
# --------------------------------------------------------------------------


def entity_index(record: dict) -> dict[str, dict]:
    return {e["id"]: e for e in record.get("entities") or [] if isinstance(e, dict) and e.get("id")}


def arg_text(arg: Any) -> str | None:
    if arg is None:
        return None
    if isinstance(arg, str):
        return arg
    if isinstance(arg, dict):
        return arg.get("text")
    return str(arg)


def arg_tokens(arg: Any, entities: dict[str, dict] | None = None) -> set[str]:
    """Tokens of a predicted ARG: its text, plus the name and aliases of the entity it is linked to."""
    toks = tokens(arg_text(arg))
    if isinstance(arg, dict) and entities and arg.get("entity") in entities:
        ent = entities[arg["entity"]]
        toks |= tokens(ent.get("name"))
        for alias in ent.get("aliases") or []:
            toks |= tokens(alias if isinstance(alias, str) else arg_text(alias))
    return toks


def arg_match(gold: str | None, pred: Any, entities: dict[str, dict] | None = None) -> bool:
    """A gold ARG string matches a predicted ARG when they share a content token."""
    if gold is None:
        return pred is None
    return bool(tokens(gold) & arg_tokens(pred, entities))


def args_covered(gold: Sequence[str], preds: Sequence[Any], entities: dict[str, dict] | None = None) -> bool:
    """Every gold argument is matched by some predicted argument (empty gold needs nothing)."""
    return all(any(arg_match(g, p, entities) for p in preds) for g in gold)


def args_exact(gold: Sequence[str], preds: Sequence[Any], entities: dict[str, dict] | None = None) -> bool:
    """The predicted arguments equal the gold ones under `arg_match`: each side's every item matched by the other."""
    return (args_covered(gold, preds, entities)
            and all(any(arg_match(g, p, entities) for g in gold) for p in preds))


def _as_list(value: Any) -> list:
    if value is None:
        return []
    if isinstance(value, list | tuple):
        return list(value)
    return [value]


def gold_places(event: dict) -> list[str]:
    return [p for role in PLACE_ROLES for p in event.get(role) or []]


def pred_places(event: dict) -> list[Any]:
    return [p for role in PLACE_ROLES for p in _as_list(event.get(role))]


# --------------------------------------------------------------------------
# Scores
# --------------------------------------------------------------------------


@dataclass
class Counts:
    tp: int = 0
    fp: int = 0
    fn: int = 0

    def add(self, other: Counts) -> None:
        self.tp += other.tp
        self.fp += other.fp
        self.fn += other.fn

    def prf(self) -> dict[str, float | int]:
        return prf(self.tp, self.fp, self.fn)


def prf(tp: int, fp: int, fn: int) -> dict[str, float | int]:
    """Precision, recall and F1 (0.0 when undefined) with the raw counts."""
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return {"precision": p, "recall": r, "f1": f, "tp": tp, "fp": fp, "fn": fn,
            "gold": tp + fn, "predicted": tp + fp}


@dataclass
class Accuracy:
    correct: int = 0
    total: int = 0

    def add(self, ok: bool) -> None:
        self.total += 1
        self.correct += int(ok)

    def merge(self, other: Accuracy) -> None:
        self.correct += other.correct
        self.total += other.total

    def value(self) -> float | None:
        return self.correct / self.total if self.total else None


def greedy_match(golds: Sequence[Any], preds: Sequence[Any],
                 score: Callable[[Any, Any], float | None]) -> list[tuple[int, int]]:
    """One-to-one pairs (gold index, pred index): best-scoring compatible pairs first (``score`` None = no)."""
    candidates = []
    for gi, g in enumerate(golds):
        for pi, p in enumerate(preds):
            s = score(g, p)
            if s is not None:
                candidates.append((-s, gi, pi))
    candidates.sort()
    used_g: set[int] = set()
    used_p: set[int] = set()
    pairs = []
    for _, gi, pi in candidates:
        if gi not in used_g and pi not in used_p:
            used_g.add(gi)
            used_p.add(pi)
            pairs.append((gi, pi))
    return sorted(pairs)


# --------------------------------------------------------------------------
# Events
# --------------------------------------------------------------------------


def sentence_of(offset: int | None, sentences: Sequence[dict]) -> int | None:
    if offset is None:
        return None
    for s in sentences:
        if s.get("start", 0) <= offset < s.get("end", 0):
            return s.get("index")
    # between sentences (whitespace): the next sentence
    following = [s for s in sentences if s.get("start", 0) > offset]
    return min(following, key=lambda s: s["start"]).get("index") if following else None


def locate_gold_event(event: dict, text: str, sentences: Sequence[dict]) -> dict:
    """Copy of a gold event with the trigger's character span and sentence index in ``text``."""
    located = dict(event)
    start = end = None
    sq = find_span(text, event.get("sentence_quote") or "")
    if sq is not None:
        inner = find_span(text[sq[0]:sq[1]], event["trigger"])
        if inner is not None:
            start, end = sq[0] + inner[0], sq[0] + inner[1]
    if start is None:
        span = find_span(text, event["trigger"])
        if span is not None:
            start, end = span
    located["_start"], located["_end"] = start, end
    located["_sentence"] = sentence_of(start, sentences)
    return located


def pred_event_position(event: dict, sentences: Sequence[dict]) -> tuple[int | None, int | None, int | None]:
    start, end = event.get("start"), event.get("end")
    start = start if isinstance(start, int) else None
    end = end if isinstance(end, int) else None
    sent = event.get("sentence")
    if not isinstance(sent, int):
        sent = sentence_of(start, sentences)
    return start, end, sent


def trigger_match(gold: dict, pred: dict, sentences: Sequence[dict] = ()) -> bool:
    """Spans overlap, or same sentence and similar trigger tokens (case-insensitive)."""
    g_start, g_end, g_sent = gold.get("_start"), gold.get("_end"), gold.get("_sentence")
    p_start, p_end, p_sent = pred_event_position(pred, sentences)
    if None not in (g_start, g_end, p_start, p_end) and p_start < g_end and g_start < p_end:
        return True
    return g_sent is not None and p_sent == g_sent and trigger_tokens_similar(gold.get("trigger"),
                                                                              pred.get("trigger"))


def event_match(gold: dict, pred: dict, entities: dict[str, dict] | None = None, sentences: Sequence[dict] = (),
                *, lenient: bool = False, exact: bool = False) -> bool:
    """Strict (default), lenient (type + trigger) or exact-argument match of one gold and one predicted event."""
    if gold.get("type") != pred.get("type") or not trigger_match(gold, pred, sentences):
        return False
    if lenient:
        return True
    if exact:
        return (args_exact(gold.get("actors") or [], _as_list(pred.get("actors")), entities)
                and args_exact(gold.get("targets") or [], _as_list(pred.get("targets")), entities)
                and args_exact(gold_places(gold), pred_places(pred), entities))
    return (args_covered(gold.get("actors") or [], _as_list(pred.get("actors")), entities)
            and args_covered(gold_places(gold), pred_places(pred), entities))


def _event_score(gold: dict, pred: dict, entities: dict[str, dict] | None, sentences: Sequence[dict],
                 lenient: bool, exact: bool = False) -> float | None:
    if not event_match(gold, pred, entities, sentences, lenient=lenient, exact=exact):
        return None
    score = 1.0
    g_start, g_end = gold.get("_start"), gold.get("_end")
    p_start, p_end, _ = pred_event_position(pred, sentences)
    if None not in (g_start, g_end, p_start, p_end) and p_start < g_end and g_start < p_end:
        score += 1.0
    score += 0.1 * (gold.get("modality") == pred.get("modality"))
    score += 0.1 * attribution_match(gold.get("attribution"), pred.get("attribution"), entities)
    return score


def attribution_match(gold: dict | None, pred: Any, entities: dict[str, dict] | None = None) -> bool:
    """Both null, or both present with overlapping speakers."""
    if not gold:
        return not pred
    if not isinstance(pred, dict):
        return False
    return arg_match(gold.get("speaker"), pred.get("speaker"), entities)


def time_match(gold: str | None, pred: Any) -> bool:
    pred_text = arg_text(pred)
    if not gold:
        return not pred_text
    return bool(pred_text) and bool(tokens(gold) & tokens(pred_text))


def same_event(a: dict, b: dict, sentences: Sequence[dict] = ()) -> bool:
    """Two predictions of the same type on the same trigger (a duplicate)."""
    if a.get("type") != b.get("type"):
        return False
    a_start, a_end, a_sent = pred_event_position(a, sentences)
    b_start, b_end, b_sent = pred_event_position(b, sentences)
    if None not in (a_start, a_end, b_start, b_end):
        return a_start < b_end and b_start < a_end
    return a_sent == b_sent and trigger_tokens_similar(a.get("trigger"), b.get("trigger"))


@dataclass
class EventResult:
    by_type: dict[str, Counts] = field(default_factory=dict)
    lenient_by_type: dict[str, Counts] = field(default_factory=dict)
    exact_by_type: dict[str, Counts] = field(default_factory=dict)
    modality: Accuracy = field(default_factory=Accuracy)
    attribution: Accuracy = field(default_factory=Accuracy)
    time: Accuracy = field(default_factory=Accuracy)
    modality_confusion: Counter = field(default_factory=Counter)

    def merge(self, other: EventResult) -> None:
        for mine, theirs in ((self.by_type, other.by_type), (self.lenient_by_type, other.lenient_by_type),
                             (self.exact_by_type, other.exact_by_type)):
            for t, c in theirs.items():
                mine.setdefault(t, Counts()).add(c)
        self.modality.merge(other.modality)
        self.attribution.merge(other.attribution)
        self.time.merge(other.time)
        self.modality_confusion.update(other.modality_confusion)

    def total(self, lenient: bool = False, exact: bool = False) -> Counts:
        total = Counts()
        by_type = self.lenient_by_type if lenient else self.exact_by_type if exact else self.by_type
        for c in by_type.values():
            total.add(c)
        return total


def _count_events(golds: Sequence[dict], preds: Sequence[dict], entities: dict[str, dict] | None,
                  sentences: Sequence[dict], lenient: bool,
                  exact: bool = False) -> tuple[dict[str, Counts], list[tuple[int, int]]]:
    pairs = greedy_match(golds, preds, lambda g, p: _event_score(g, p, entities, sentences, lenient, exact))
    counts: dict[str, Counts] = {}
    matched_g = {gi for gi, _ in pairs}
    matched_p = {pi for _, pi in pairs}
    for gi, _ in pairs:
        counts.setdefault(golds[gi]["type"], Counts()).tp += 1
    for gi, g in enumerate(golds):
        if gi not in matched_g:
            counts.setdefault(g["type"], Counts()).fn += 1
    counted = [preds[pi] for pi in sorted(matched_p)]
    for pi, p in enumerate(preds):
        if pi in matched_p or any(same_event(p, q, sentences) for q in counted):
            continue  # a duplicate of an event already counted counts once
        counted.append(p)
        counts.setdefault(str(p.get("type")), Counts()).fp += 1
    return counts, pairs


def score_events(gold_events: Sequence[dict], pred_events: Sequence[dict], entities: dict[str, dict] | None = None,
                 sentences: Sequence[dict] = ()) -> EventResult:
    """Score located gold events (see `locate_gold_event`) against predicted events of one document."""
    preds = [p for p in pred_events if isinstance(p, dict)]
    result = EventResult()
    result.by_type, pairs = _count_events(gold_events, preds, entities, sentences, lenient=False)
    result.lenient_by_type, _ = _count_events(gold_events, preds, entities, sentences, lenient=True)
    result.exact_by_type, _ = _count_events(gold_events, preds, entities, sentences, lenient=False, exact=True)
    for gi, pi in pairs:
        g, p = gold_events[gi], preds[pi]
        result.modality.add(g.get("modality") == p.get("modality"))
        result.modality_confusion[(g.get("modality"), p.get("modality"))] += 1
        result.attribution.add(attribution_match(g.get("attribution"), p.get("attribution"), entities))
        result.time.add(time_match(g.get("time"), p.get("time")))
    return result


# --------------------------------------------------------------------------
# Quantities, claims, relations
# --------------------------------------------------------------------------


def _num(value: Any) -> float | None:
    if isinstance(value, bool) or value is None:
        return None
    try:
        return float(str(value).replace(",", ""))
    except ValueError:
        return None


def quantity_match(gold: dict, pred: dict, entities: dict[str, dict] | None = None) -> bool:
    values = False
    for key in ("value", "low", "high"):
        g, p = _num(gold.get(key)), _num(pred.get(key))
        if g is not None and p is not None and math.isclose(g, p):
            values = True
    text = bool(number_tokens(gold.get("text")) & number_tokens(arg_text(pred.get("text"))))
    counted = gold.get("counted") is None or arg_match(gold["counted"], pred.get("counted"), entities)
    return (values or text) and counted


def content_overlap(gold_quote: str | None, pred_content: Any) -> bool:
    """At least half of the gold quote's content tokens (and at least one) occur in the predicted content."""
    g = tokens(gold_quote) or set(raw_tokens(gold_quote))
    p = tokens(arg_text(pred_content)) | set(raw_tokens(arg_text(pred_content)))
    return bool(g) and len(g & p) >= max(1, math.ceil(len(g) / 2))


def claim_match(gold: dict, pred: dict, entities: dict[str, dict] | None = None) -> bool:
    return arg_match(gold.get("speaker"), pred.get("speaker"), entities) and content_overlap(
        gold.get("content_quote"), pred.get("content"))


def relation_match(gold: dict, pred: dict, entities: dict[str, dict] | None = None) -> bool:
    if gold.get("type") != pred.get("type"):
        return False
    s, o = pred.get("subject"), pred.get("object")
    if arg_match(gold.get("subject"), s, entities) and arg_match(gold.get("object"), o, entities):
        return True
    return gold.get("type") in SYMMETRIC_RELATIONS and arg_match(gold.get("subject"), o, entities) and arg_match(
        gold.get("object"), s, entities)


def _freeze(value: Any) -> Any:
    if isinstance(value, dict):
        return tuple(sorted((k, _freeze(v)) for k, v in value.items()))
    if isinstance(value, list | tuple):
        return tuple(_freeze(v) for v in value)
    return value


def dedupe(items: Iterable[Any]) -> list[dict]:
    """Dict items with exact duplicates removed (a repeated prediction counts once)."""
    seen: set = set()
    out = []
    for item in items:
        if not isinstance(item, dict):
            continue
        key = _freeze(item)
        if key not in seen:
            seen.add(key)
            out.append(item)
    return out


def quantity_key(item: dict) -> tuple:
    """What makes two quantities the same for GUIDELINES.md section 4 ("a quantity repeated verbatim (same text,
    values and counted) is listed once"): text, value, low, high and counted text, not the position."""
    return (arg_text(item.get("text")), *(_num(item.get(k)) for k in ("value", "low", "high")),
            arg_text(item.get("counted")))


def relation_key(item: dict) -> tuple:
    """GUIDELINES.md section 6: "one per type and pair" (symmetric types in either order); a pair is its entities
    when linked, else its texts."""
    ends = [(a.get("entity") or arg_text(a)) if isinstance(a, dict) else arg_text(a)
            for a in (item.get("subject"), item.get("object"))]
    if item.get("type") in SYMMETRIC_RELATIONS:
        ends = sorted(ends, key=str)
    return (item.get("type"), *ends)


def dedupe_by(items: Iterable[Any], key: Callable[[dict], tuple]) -> list[dict]:
    """Predicted items with repeats under `key` counted once, as the gold lists them once (quantities: verbatim
    repeats; relations: one per type and pair)."""
    seen: set = set()
    out = []
    for item in items:
        if isinstance(item, dict) and key(item) not in seen:
            seen.add(key(item))
            out.append(item)
    return out


def score_items(golds: Sequence[dict], preds: Sequence[Any], match: Callable[[dict, dict, Any], bool],
                entities: dict[str, dict] | None = None) -> tuple[Counts, list[tuple[int, int]]]:
    preds = dedupe(preds)
    pairs = greedy_match(golds, preds, lambda g, p: 1.0 if match(g, p, entities) else None)
    return Counts(tp=len(pairs), fp=len(preds) - len(pairs), fn=len(golds) - len(pairs)), pairs


# --------------------------------------------------------------------------
# Documents
# --------------------------------------------------------------------------


@dataclass
class GoldDoc:
    name: str
    subset: str
    text: str
    title: str | None
    published: str | None
    annotated_chars: int | None
    gold: dict


@dataclass
class DocResult:
    events: EventResult = field(default_factory=EventResult)
    quantities: Counts = field(default_factory=Counts)
    claims: Counts = field(default_factory=Counts)
    relations: Counts = field(default_factory=Counts)
    claim_modality: Accuracy = field(default_factory=Accuracy)

    def merge(self, other: DocResult) -> None:
        self.events.merge(other.events)
        self.quantities.add(other.quantities)
        self.claims.add(other.claims)
        self.relations.add(other.relations)
        self.claim_modality.merge(other.claim_modality)


def map_offset(source: str, target: str, offset: int) -> int:
    """The offset in ``target`` (a cleaned copy of ``source``) corresponding to ``offset`` in ``source``."""
    if source == target or offset <= 0:
        return offset
    for width in (80, 40, 20):
        anchor = source[max(0, offset - width):offset]
        if anchor.strip():
            spans = find_all(target, anchor)
            if len(spans) == 1 or (spans and width == 20):
                return spans[0][1]
    return offset


def _first_position(value: Any, text: str, entities: dict[str, dict]) -> int | None:
    if isinstance(value, dict) and isinstance(value.get("start"), int):
        return value["start"]
    if isinstance(value, dict) and value.get("entity") in entities:
        starts = [m.get("start") for m in entities[value["entity"]].get("mentions") or []
                  if isinstance(m.get("start"), int)]
        if starts:
            return min(starts)
    t = arg_text(value)
    span = find_span(text, t) if t else None
    return span[0] if span else None


def _in_span(item: dict, fields: Sequence[str], text: str, entities: dict[str, dict], cutoff: int) -> bool:
    """Whether a prediction without offsets lies in the annotated span (unlocatable items are kept)."""
    if isinstance(item.get("start"), int):
        return item["start"] < cutoff
    positions = [_first_position(item.get(f), text, entities) for f in fields]
    positions = [p for p in positions if p is not None]
    return not positions or max(positions) < cutoff


def score_document(gold: dict, record: dict, source_text: str | None = None,
                   annotated_chars: int | None = None) -> DocResult:
    """Score one extractor record against one gold annotation (pure; no extraction happens here)."""
    document = record.get("document") or {}
    text = document.get("text")
    if not isinstance(text, str):
        text = source_text or ""
    sentences = [s for s in record.get("sentences") or [] if isinstance(s, dict)]
    entities = entity_index(record)
    events = [e for e in record.get("events") or [] if isinstance(e, dict)]
    quantities = [q for q in record.get("quantities") or [] if isinstance(q, dict)]
    claims = [c for c in record.get("claims") or [] if isinstance(c, dict)]
    relations = [r for r in record.get("relations") or [] if isinstance(r, dict)]
    # Gold annotates the body only: facts read from the title ("section": "headline", offsets into the title,
    # extract/headlines.py) have no gold to be scored against, so they are left out on both sides.
    events = [e for e in events if e.get("section") != "headline"]
    claims = [c for c in claims if c.get("section") != "headline"]
    if annotated_chars is not None:
        cutoff = map_offset(source_text or text, text, annotated_chars)
        kept = []
        for e in events:
            start, _, sent = pred_event_position(e, sentences)
            if start is None and sent is not None:
                start = next((s.get("start") for s in sentences if s.get("index") == sent), None)
            if start is None or start < cutoff:
                kept.append(e)
        events = kept
        quantities = [q for q in quantities if _in_span(q, ("text",), text, entities, cutoff)]
        claims = [c for c in claims if _in_span(c, ("content", "speaker"), text, entities, cutoff)]
        relations = [r for r in relations if _in_span(r, ("subject", "object"), text, entities, cutoff)]

    located = [locate_gold_event(e, text, sentences) for e in gold.get("events") or []]
    result = DocResult()
    result.events = score_events(located, events, entities, sentences)
    # identical items carry no position, so they count once on both sides
    gold_claims = dedupe(gold.get("claims") or [])
    result.quantities, _ = score_items(dedupe(gold.get("quantities") or []), dedupe_by(quantities, quantity_key),
                                       quantity_match, entities)
    result.claims, claim_pairs = score_items(gold_claims, claims, claim_match, entities)
    deduped_claims = dedupe(claims)
    for gi, pi in claim_pairs:
        result.claim_modality.add(gold_claims[gi].get("modality") == deduped_claims[pi].get("modality"))
    result.relations, _ = score_items(dedupe(gold.get("relations") or []), dedupe_by(relations, relation_key),
                                      relation_match, entities)
    return result


# --------------------------------------------------------------------------
# Loading gold
# --------------------------------------------------------------------------


def _read_written_text(path: Path) -> tuple[str, str]:
    raw = path.read_text(encoding="utf-8")
    parts = raw.split("\n", 2)
    if len(parts) < 3 or parts[1].strip():
        raise ValueError(f"{path}: expected a headline, a blank line, then the body")
    return parts[0].strip(), parts[2]


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
            if src.get("field"):
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
    subsets = [*SUBSETS, HELDOUT]
    skipped = []
    if not include_real or not _real_available(shared):
        subsets = [s for s in subsets if s not in ("real", HELDOUT)]
        skipped += ["real", HELDOUT]
    docs, messages = load_gold(root, shared, subsets)
    problems = list(messages)
    n_files = sum(len(list((root / s).glob("*.json"))) for s in subsets)
    if len(docs) != n_files:
        problems.append(f"loaded {len(docs)} of {n_files} gold files")
    stats: Counter = Counter()
    for doc in docs:
        problems += [f"{doc.subset}/{doc.name}: {p}"
                     for p in _validate_doc(doc, stats, redact=doc.subset == HELDOUT)]
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


# --------------------------------------------------------------------------
# Running
# --------------------------------------------------------------------------


def newsintel_extractor() -> Extractor:
    from newsintel.pipeline import extract_text

    def extract(text: str, title: str | None, published: str | None) -> dict:
        return extract_text(text, title=title, published=published)

    return extract


def evaluate(docs: Sequence[GoldDoc], extractor: Extractor) -> dict[str, Any]:
    """Run ``extractor`` on every gold text (text, title and date only) and score the records.

    ``all`` combines the development subsets only; held-out documents get no per-document entry and their
    extractor errors name no document (aggregates only).
    """
    per_subset: dict[str, DocResult] = {}
    documents = []
    errors = []
    for doc in docs:
        try:
            record = extractor(doc.text, doc.title, doc.published)
        except Exception as err:  # a crash on one document must not hide the others' scores
            errors.append(f"{HELDOUT}: a document raised {type(err).__name__}" if doc.subset == HELDOUT
                          else f"{doc.subset}/{doc.name}: {type(err).__name__}: {err}")
            record = {}
        res = score_document(doc.gold, record if isinstance(record, dict) else {}, doc.text, doc.annotated_chars)
        per_subset.setdefault(doc.subset, DocResult()).merge(res)
        if doc.subset != HELDOUT:
            documents.append({"name": doc.name, "subset": doc.subset, "events": res.events.total().prf(),
                              "events_lenient": res.events.total(True).prf()})
    dev = [name for name in per_subset if name != HELDOUT]
    combined = DocResult()
    for name in dev:
        combined.merge(per_subset[name])
    results = {name: _summary(res) for name, res in per_subset.items()}
    if len(dev) > 1:
        results["all"] = _summary(combined)
    return {"subsets": results, "documents": documents, "errors": errors,
            "counts": dict(Counter(d.subset for d in docs))}


def _summary(res: DocResult) -> dict[str, Any]:
    ev = res.events
    types = sorted(set(ev.by_type) | set(EVENT_TYPES), key=lambda t: (t not in EVENT_TYPES, t))
    return {
        "events": {t: ev.by_type.get(t, Counts()).prf() for t in types},
        "events_overall": ev.total().prf(),
        "events_lenient": {t: ev.lenient_by_type.get(t, Counts()).prf() for t in types},
        "events_lenient_overall": ev.total(lenient=True).prf(),
        "events_exact_overall": ev.total(exact=True).prf(),
        "modality_accuracy": ev.modality.value(), "modality_n": ev.modality.total,
        "attribution_accuracy": ev.attribution.value(), "attribution_n": ev.attribution.total,
        "time_accuracy": ev.time.value(), "time_n": ev.time.total,
        "modality_confusion": {f"{g}->{p}": n for (g, p), n in sorted(ev.modality_confusion.items(), key=str)},
        "quantities": res.quantities.prf(),
        "claims": res.claims.prf(),
        "claim_modality_accuracy": res.claim_modality.value(), "claim_modality_n": res.claim_modality.total,
        "relations": res.relations.prf(),
    }


def _cell(m: dict) -> str:
    if not m["gold"] and not m["predicted"]:
        return f"{'-':>5} {'-':>5} {'-':>5}"
    return f"{m['precision']:5.2f} {m['recall']:5.2f} {m['f1']:5.2f}"


def _acc(value: float | None, n: int) -> str:
    return f"{value:.2f} (n={n})" if value is not None else f"  - (n={n})"


def format_report(results: dict[str, Any]) -> str:
    subsets = [s for s in (*SUBSETS, "all") if s in results["subsets"]]
    res = results["subsets"]
    lines = []
    counts = ", ".join(f"{n} {s}" for s, n in sorted(results["counts"].items()))
    lines.append(f"Extraction evaluation ({counts} documents)")
    lines.append("")
    if subsets:
        lines += _format_dev(res, subsets)
    if HELDOUT in res:
        if subsets:
            lines.append("")
        lines += _format_heldout(res[HELDOUT], results["counts"].get(HELDOUT, 0))
    for err in results.get("errors") or []:
        lines.append(f"extractor error: {err}")
    return "\n".join(lines)


def _format_dev(res: dict[str, Any], subsets: Sequence[str]) -> list[str]:
    """The development subsets side by side, per event type."""
    lines = []
    head = f"{'events (strict)':<16}" + "".join(f" | {s + ' gold':>11} {'P':>5} {'R':>5} {'F1':>5}" for s in subsets)
    lines.append(head)
    lines.append("-" * len(head))
    types = list(res[subsets[0]]["events"]) if subsets else []
    for t in types:
        row = f"{t:<16}"
        for s in subsets:
            m = res[s]["events"][t]
            row += f" | {m['gold']:>11d} {_cell(m)}"
        lines.append(row)
    lines.append("-" * len(head))
    for label, key in (("overall", "events_overall"), ("exact-arg", "events_exact_overall"),
                       ("lenient", "events_lenient_overall")):
        row = f"{label:<16}"
        for s in subsets:
            m = res[s][key]
            row += f" | {m['gold']:>11d} {_cell(m)}"
        lines.append(row)
    lines.append("(exact-arg = strict with actors, targets and places equal to gold's: a wrong extra argument "
                 "counts against; lenient = type + trigger only)")
    lines.append("")
    head = f"{'other':<16}" + "".join(f" | {s + ' gold':>11} {'P':>5} {'R':>5} {'F1':>5}" for s in subsets)
    lines.append(head)
    lines.append("-" * len(head))
    for key in ("quantities", "claims", "relations"):
        row = f"{key:<16}"
        for s in subsets:
            m = res[s][key]
            row += f" | {m['gold']:>11d} {_cell(m)}"
        lines.append(row)
    lines.append("")
    lines.append("accuracy over strictly matched events / matched claims")
    for key, n in (("modality_accuracy", "modality_n"), ("attribution_accuracy", "attribution_n"),
                   ("time_accuracy", "time_n"), ("claim_modality_accuracy", "claim_modality_n")):
        lines.append(f"  {key.replace('_accuracy', ''):<15}" + "".join(
            f" | {s}: {_acc(res[s][key], res[s][n]):<16}" for s in subsets))
    return lines


def _format_heldout(summary: dict[str, Any], n_docs: int) -> list[str]:
    """The frozen held-out set: overall figures only (no per-type rows, which would point at single events)."""
    head = f"{'HELD-OUT (frozen)':<18} | {'gold':>5} {'pred':>5} {'P':>5} {'R':>5} {'F1':>5}"
    lines = [f"Held-out real articles ({n_docs} documents, frozen 2026-12-06, never tuned on; aggregates only)",
             head, "-" * len(head)]
    for label, key in (("events exact-arg", "events_exact_overall"), ("events strict", "events_overall"),
                       ("events lenient", "events_lenient_overall"), ("quantities", "quantities"),
                       ("claims", "claims"), ("relations", "relations")):
        m = summary[key]
        lines.append(f"{label:<18} | {m['gold']:>5d} {m['predicted']:>5d} {_cell(m)}")
    for key, n in (("modality_accuracy", "modality_n"), ("attribution_accuracy", "attribution_n"),
                   ("time_accuracy", "time_n"), ("claim_modality_accuracy", "claim_modality_n")):
        lines.append(f"  {key.replace('_accuracy', '')} accuracy: {_acc(summary[key], summary[n])}")
    return lines


def main(argv: Sequence[str] | None = None) -> dict[str, Any]:
    parser = argparse.ArgumentParser(prog="python -m evaluation.extraction", description=__doc__.split("\n")[0])
    parser.add_argument("--subset", choices=(*SUBSETS, "all"), default="all",
                        help="development subsets to score (default: all of them)")
    parser.add_argument("--heldout", action="store_true",
                        help="also score the frozen held-out set, printed apart, aggregates only (`make eval`)")
    parser.add_argument("--json", type=Path, help="also write the full results to this file")
    parser.add_argument("--names", metavar="GLOB", action="append",
                        help="score only development documents whose name matches (e.g. 'r[123]*'); repeatable")
    args = parser.parse_args(argv)
    subsets = SUBSETS if args.subset == "all" else (args.subset,)
    if args.heldout:
        subsets = (*subsets, HELDOUT)
    if "real" in subsets and not _real_available():
        print(f"real and held-out gold skipped: 5W1H data not found under {shared_dir()} (set NEWSINTEL_SHARED)",
              file=sys.stderr)
        subsets = tuple(s for s in subsets if s not in ("real", HELDOUT))
    docs, messages = load_gold(subsets=subsets)
    if args.names:
        docs = [d for d in docs if d.subset == HELDOUT or any(fnmatch.fnmatch(d.name, g) for g in args.names)]
    for m in messages:
        print(m, file=sys.stderr)
    started = time.perf_counter()
    results = evaluate(docs, newsintel_extractor())
    results["seconds"] = round(time.perf_counter() - started, 2)
    print(format_report(results))
    print(f"\n{len(docs)} documents in {results['seconds']:.1f} s")
    if args.json:
        args.json.parent.mkdir(parents=True, exist_ok=True)
        args.json.write_text(json.dumps(results, indent=1) + "\n", encoding="utf-8")
    return results


if __name__ == "__main__":
    main()
