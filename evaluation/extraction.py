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

This module runs the extractor and prints the report; the scorer is split by responsibility, so that each part
can be read on its own: ``extraction_gold`` (locations, labels, loading and checking the gold),
``extraction_tokens`` (text search, tokens, argument matchers), ``extraction_counts`` (tallies, one-to-one
matching), ``extraction_events`` (event matchers and scores), ``extraction_items`` (quantities, claims,
relations) and ``extraction_document`` (one record against one annotation). Their names are re-exported here.
"""

from __future__ import annotations

import argparse
import fnmatch
import json
import sys
import time
from collections import Counter
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

# The scorer's parts live in the extraction_* modules; their names stay importable from here, where the
# evaluation scripts and the tests have always found them.
from evaluation.extraction_counts import Accuracy, Counts, greedy_match, prf
from evaluation.extraction_document import DocResult, map_offset, score_document
from evaluation.extraction_events import (
    EventResult,
    _count_events,
    _event_score,
    attribution_match,
    event_match,
    gold_places,
    locate_gold_event,
    pred_event_position,
    pred_places,
    same_event,
    score_events,
    sentence_of,
    time_match,
    trigger_match,
)
from evaluation.extraction_gold import (
    ARG_ROLES,
    EVENT_TYPES,
    HELDOUT,
    HELDOUT_B,
    HELDOUT_SETS,
    MODALITIES,
    PLACE_ROLES,
    RELATION_TYPES,
    SUBSETS,
    SYMMETRIC_RELATIONS,
    GoldDoc,
    _real_available,
    gold_root,
    is_heldout,
    load_gold,
    repo_root,
    resolve_source,
    shared_dir,
    validate_gold,
)
from evaluation.extraction_items import (
    claim_match,
    content_overlap,
    dedupe,
    dedupe_by,
    quantity_key,
    quantity_match,
    relation_key,
    relation_match,
    score_items,
)
from evaluation.extraction_tokens import (
    _as_list,
    arg_match,
    arg_text,
    arg_tokens,
    args_covered,
    args_exact,
    entity_index,
    find_all,
    find_span,
    normalise_ws,
    number_tokens,
    raw_tokens,
    similar_token,
    tokens,
    trigger_tokens_similar,
)

__all__ = [
    "ARG_ROLES", "EVENT_TYPES", "HELDOUT", "HELDOUT_ALL", "HELDOUT_B", "HELDOUT_SETS", "MODALITIES",
    "PLACE_ROLES", "RELATION_TYPES", "SUBSETS", "SYMMETRIC_RELATIONS", "Accuracy", "Counts", "DocResult",
    "EventResult", "Extractor", "GoldDoc", "_as_list",
    "_count_events", "_event_score", "arg_match", "arg_text", "arg_tokens", "args_covered", "args_exact",
    "attribution_match", "claim_match", "content_overlap", "dedupe", "dedupe_by", "entity_index", "evaluate",
    "event_match", "find_all", "find_span", "format_report", "gold_places", "gold_root", "greedy_match",
    "load_gold", "locate_gold_event", "main", "map_offset", "newsintel_extractor", "normalise_ws",
    "number_tokens", "pred_event_position", "pred_places", "prf", "quantity_key", "quantity_match", "raw_tokens",
    "relation_key", "relation_match", "repo_root", "resolve_source", "same_event", "score_document",
    "score_events", "score_items", "sentence_of", "shared_dir", "similar_token", "time_match", "tokens",
    "trigger_match", "trigger_tokens_similar", "validate_gold",
]

HELDOUT_ALL = "heldout_all"  # the frozen sets together
HELDOUT_LABELS = {
    HELDOUT: "Held-out real articles, set A (frozen 2026-12-06)",
    HELDOUT_B: "Held-out real articles, set B (fresh articles of held-out story clusters, frozen 2026-12-06)",
    HELDOUT_ALL: "Held-out sets A and B together",
}

Extractor = Callable[[str, "str | None", "str | None"], dict]


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
            errors.append(f"{doc.subset}: a document raised {type(err).__name__}" if is_heldout(doc.subset)
                          else f"{doc.subset}/{doc.name}: {type(err).__name__}: {err}")
            record = {}
        res = score_document(doc.gold, record if isinstance(record, dict) else {}, doc.text, doc.annotated_chars)
        per_subset.setdefault(doc.subset, DocResult()).merge(res)
        if not is_heldout(doc.subset):
            documents.append({"name": doc.name, "subset": doc.subset, "events": res.events.total().prf(),
                              "events_lenient": res.events.total(True).prf()})
    dev = [name for name in per_subset if not is_heldout(name)]
    frozen = [name for name in per_subset if is_heldout(name)]
    results = {name: _summary(res) for name, res in per_subset.items()}
    if len(dev) > 1:
        results["all"] = _summary(_combined(per_subset, dev))
    if len(frozen) > 1:
        results[HELDOUT_ALL] = _summary(_combined(per_subset, frozen))
    return {"subsets": results, "documents": documents, "errors": errors,
            "counts": dict(Counter(d.subset for d in docs))}


def _combined(per_subset: dict[str, DocResult], names: Sequence[str]) -> DocResult:
    combined = DocResult()
    for name in names:
        combined.merge(per_subset[name])
    return combined


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
    counts = results["counts"]
    for name in (*HELDOUT_SETS, HELDOUT_ALL):
        if name in res:
            lines.append("")
            n = (sum(counts.get(s, 0) for s in HELDOUT_SETS) if name == HELDOUT_ALL else counts.get(name, 0))
            lines += _format_heldout(res[name], n, HELDOUT_LABELS[name])
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


def _format_heldout(summary: dict[str, Any], n_docs: int, label: str) -> list[str]:
    """A frozen held-out set: overall figures only (no per-type rows, which would point at single events)."""
    head = f"{'HELD-OUT (frozen)':<18} | {'gold':>5} {'pred':>5} {'P':>5} {'R':>5} {'F1':>5}"
    lines = [f"{label} ({n_docs} documents, never tuned on; aggregates only)", head, "-" * len(head)]
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
                        help="also score the frozen held-out sets, printed apart, aggregates only (`make eval`)")
    parser.add_argument("--json", type=Path, help="also write the full results to this file")
    parser.add_argument("--names", metavar="GLOB", action="append",
                        help="score only development documents whose name matches (e.g. 'r[123]*'); repeatable")
    args = parser.parse_args(argv)
    subsets = SUBSETS if args.subset == "all" else (args.subset,)
    if args.heldout:
        subsets = (*subsets, *HELDOUT_SETS)
    if "real" in subsets and not _real_available():
        print(f"real and held-out gold skipped: 5W1H data not found under {shared_dir()} (set NEWSINTEL_SHARED)",
              file=sys.stderr)
        subsets = tuple(s for s in subsets if s != "real" and not is_heldout(s))
    docs, messages = load_gold(subsets=subsets)
    if args.names:
        docs = [d for d in docs if is_heldout(d.subset) or any(fnmatch.fnmatch(d.name, g) for g in args.names)]
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
