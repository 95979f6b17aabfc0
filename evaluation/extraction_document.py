"""Scoring one extractor record against one gold annotation: the annotated span of a long article, headline
facts left out, and the per-document result that subsets add up."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from evaluation.extraction_counts import Accuracy, Counts
from evaluation.extraction_events import EventResult, locate_gold_event, pred_event_position, score_events
from evaluation.extraction_items import (
    claim_match,
    dedupe,
    dedupe_by,
    quantity_key,
    quantity_match,
    relation_key,
    relation_match,
    score_items,
)
from evaluation.extraction_tokens import arg_text, entity_index, find_all, find_span


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
