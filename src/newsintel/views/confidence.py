"""Confidence in the views: corroboration by other reports of the same story, and the analyst's threshold.

Extraction scores each fact from the evidence in its own report (`extract/confidence.py`). A view can add what one
report cannot know: whether other reports of the same story state the same kind of event about the same people.
Facts under the threshold are hidden, and the view says how many, so nothing disappears silently. Facts stored
before confidence existed have none and are always shown.
"""

from __future__ import annotations

import functools
from typing import Any

from newsintel.extract.confidence import corroborated, settings
from newsintel.store.gateway import Database
from newsintel.store.queries import story_reports_with_events

PARTICIPANTS = ("actors", "targets")


@functools.cache
def default_min_confidence() -> float:
    return float(settings()["views"]["min_confidence"])


def corroborate(conn: Database, facts: list[dict[str, Any]]) -> None:
    """Raise the confidence of events other reports of their story repeat (and say so in `why`): other reports of
    the fact's story with an event of its type sharing a participant identity."""
    scored = [f for f in facts if f.get("confidence") is not None]
    asks = [(f["source"]["document"], f["type"],
             [a["entity"] for role in PARTICIPANTS for a in f.get(role, []) if a.get("entity")]) for f in scored]
    for fact, others in zip(scored, story_reports_with_events(conn, asks), strict=True):
        if others:
            fact["confidence"] = corroborated(fact["confidence"], others)
            fact.setdefault("why", []).append(f"+corroborated by {others} other report(s) of the story")


def confident(facts: list[dict[str, Any]], min_confidence: float) -> tuple[list[dict[str, Any]], int]:
    """The facts at or over the threshold (unscored facts always), and how many were hidden."""
    kept = [f for f in facts if f.get("confidence") is None or f["confidence"] >= min_confidence]
    return kept, len(facts) - len(kept)
