"""Event scoring: locating gold triggers in the text, the strict, lenient and exact-argument event matchers,
and the per-type counts and accuracies (modality, attribution, time) of one document.

The matching rules are described in `evaluation.extraction`.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from evaluation.extraction_counts import Accuracy, Counts, greedy_match
from evaluation.extraction_gold import PLACE_ROLES
from evaluation.extraction_tokens import (
    _as_list,
    arg_match,
    arg_text,
    args_covered,
    args_exact,
    find_span,
    tokens,
    trigger_tokens_similar,
)


def gold_places(event: dict) -> list[str]:
    return [p for role in PLACE_ROLES for p in event.get(role) or []]


def pred_places(event: dict) -> list[Any]:
    return [p for role in PLACE_ROLES for p in _as_list(event.get(role))]


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
