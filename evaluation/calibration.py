"""Is `confidence` honest? Precision of extracted events and claims by confidence band, on the development gold.

The factors in `data/confidence.yaml` claim that a fact scored 0.6 is right less often than one scored 0.9. This
prints, for the written and real (development) gold only, how many events and claims fall in each band and what
share of them the scorer of `evaluation.extraction` matches (strict: type, trigger and arguments; lenient: type and
trigger; exact: strict with no wrong extra argument), then the same per weakness named in `why` (and with
`--features`, per evidence label of `evaluation.calibration_features`). The frozen held-out gold is never read here.
"""

from __future__ import annotations

import argparse
from collections import defaultdict
from collections.abc import Sequence
from typing import Any

from evaluation.calibration_features import claim_features, event_features
from evaluation.extraction import (
    _count_events,
    claim_match,
    entity_index,
    load_gold,
    locate_gold_event,
    map_offset,
    newsintel_extractor,
    pred_event_position,
    score_items,
)

BANDS = ((0.0, 0.5), (0.5, 0.7), (0.7, 0.8), (0.8, 0.9), (0.9, 1.01))
DEV_SUBSETS = ("written", "real")
THRESHOLDS = (0.5, 0.6, 0.7, 0.8)


def _kept_events(record: dict, text: str, source: str, annotated_chars: int | None) -> list[dict]:
    events = [e for e in record.get("events") or [] if isinstance(e, dict)]
    if annotated_chars is None:
        return events
    cutoff = map_offset(source, text, annotated_chars)
    sentences = record.get("sentences") or []
    kept = []
    for event in events:
        start, _, _ = pred_event_position(event, sentences)
        if start is None or start < cutoff:
            kept.append(event)
    return kept


def collect(docs: Sequence[Any], with_records: bool = False
            ) -> tuple[list[tuple[dict, bool, bool]], list[tuple[dict, bool]]]:
    """(event, strictly, leniently and exact-argument matched) and (claim, matched) for every prediction in the
    gold docs (each row ending with the fact's record when `with_records`)."""
    extract = newsintel_extractor()
    events_out, claims_out = [], []
    for doc in docs:
        record = extract(doc.text, doc.title, doc.published)
        text = record["document"]["text"]
        sentences = record.get("sentences") or []
        entities = entity_index(record)
        events = _kept_events(record, text, doc.text, doc.annotated_chars)
        golds = [locate_gold_event(e, text, sentences) for e in doc.gold.get("events") or []]
        strict = {pi for _, pi in _count_events(golds, events, entities, sentences, lenient=False)[1]}
        lenient = {pi for _, pi in _count_events(golds, events, entities, sentences, lenient=True)[1]}
        exact = {pi for _, pi in _count_events(golds, events, entities, sentences, lenient=False, exact=True)[1]}
        tail = (record,) if with_records else ()
        events_out += [(e, i in strict, i in lenient, i in exact, *tail) for i, e in enumerate(events)]
        cutoff = map_offset(doc.text, text, doc.annotated_chars) if doc.annotated_chars else None
        claims = [c for c in record.get("claims") or [] if cutoff is None or c.get("start", 0) < cutoff]
        _, pairs = score_items(doc.gold.get("claims") or [], claims, claim_match, entities)
        matched = {pi for _, pi in pairs}
        claims_out += [(c, i in matched, *tail) for i, c in enumerate(claims)]
    return events_out, claims_out


def _band(value: float) -> str:
    low, high = next(b for b in BANDS if b[0] <= value < b[1])
    return f"{low:.1f}-{min(high, 1.0):.1f}"


def table(rows: list[tuple[dict, bool, ...]], title: str) -> list[str]:
    by_band: dict[str, list[tuple]] = defaultdict(list)
    by_reason: dict[str, list[tuple]] = defaultdict(list)
    for row in rows:
        by_band[_band(row[0].get("confidence", 0.0))].append(row)
        for reason in row[0].get("why", []):
            if reason.startswith("-"):
                by_reason[reason[1:].split(":")[0]].append(row)
    width = len(rows[0]) - 1 if rows else 1
    heads = ["matched"] if width == 1 else ["strict P", "lenient P", "exact P"]
    lines = [f"{title:<22} {'n':>5} " + " ".join(f"{h:>10}" for h in heads) + f" {'mean conf':>10}"]

    def line(label: str, group: list[tuple]) -> str:
        shares = [sum(r[k] for r in group) / len(group) for k in range(1, width + 1)]
        mean = sum(r[0].get("confidence", 0.0) for r in group) / len(group)
        return f"  {label:<20} {len(group):>5} " + " ".join(f"{s:>10.2f}" for s in shares) + f" {mean:>10.2f}"

    for band in sorted(by_band):
        lines.append(line(band, by_band[band]))
    for threshold in THRESHOLDS:
        kept = [r for r in rows if r[0].get("confidence", 0.0) >= threshold]
        if kept:
            lines.append(line(f">= {threshold:.1f}", kept))
    lines.append(f"  {'-- by weakness':<20}")
    for reason in sorted(by_reason):
        lines.append(line(reason, by_reason[reason]))
    if rows:
        lines.append(line("all", list(rows)))
    return lines


def feature_table(rows: list[tuple], kind: str, min_n: int = 5) -> list[str]:
    """Precision per evidence label (`evaluation.calibration_features`); rows end with their record."""
    features = event_features if kind == "events" else claim_features
    groups: dict[str, list[tuple]] = defaultdict(list)
    for row in rows:
        for label in features(row[0], row[-1]):
            groups[label].append(row[:-1])
    return table_of_groups(groups, min_n)


def table_of_groups(groups: dict[str, list[tuple]], min_n: int) -> list[str]:
    lines = []
    for label in sorted(groups):
        group = groups[label]
        if len(group) < min_n:
            continue
        width = len(group[0]) - 1
        shares = [sum(r[k] for r in group) / len(group) for k in range(1, width + 1)]
        mean = sum(r[0].get("confidence", 0.0) for r in group) / len(group)
        lines.append(f"  {label[:40]:<40} {len(group):>5} " + " ".join(f"{s:>10.2f}" for s in shares)
                     + f" {mean:>10.2f}")
    return lines


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m evaluation.calibration", description=__doc__.split("\n")[0])
    parser.add_argument("--features", action="store_true", help="precision per evidence label as well")
    args = parser.parse_args(argv)
    docs, messages = load_gold(subsets=DEV_SUBSETS)
    for message in messages:
        print(message)
    events, claims = collect(docs, with_records=True)
    print(f"Confidence against precision on the development gold ({len(docs)} documents: written and real)")
    print("\n".join(table([r[:-1] for r in events], "events by confidence")))
    if args.features:
        print("\n".join(feature_table(events, "events")))
    print("\n".join(table([r[:-1] for r in claims], "claims by confidence")))
    if args.features:
        print("\n".join(feature_table(claims, "claims")))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
