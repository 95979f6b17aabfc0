"""Scoring quantities, claims and relations: their matchers, and counting each repeated prediction once as the
guidelines list it once."""

from __future__ import annotations

import math
from collections.abc import Callable, Iterable, Sequence
from typing import Any

from evaluation.extraction_counts import Counts, greedy_match
from evaluation.extraction_gold import SYMMETRIC_RELATIONS
from evaluation.extraction_tokens import arg_match, arg_text, number_tokens, raw_tokens, tokens


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
