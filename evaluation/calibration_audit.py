"""Does confidence separate right from wrong on judged audit items? Re-extract, match, and count per band.

The judged audit rounds (`--audit DIR`, one folder per round with `events.jsonl` and `claims.jsonl`; only development
rounds, never a held-out sheet) say which sampled events and claims were right, partly right or wrong, for the code of
their day. This re-extracts the documents behind the items with the CURRENT code, finds each item's current fact (same
sentence text, type and trigger for an event; same sentence, cue and most of the content for a claim), and prints:

* per confidence band and at each threshold: how many items remain and the share fully right (and right or partly);
* with `--features`: the share right per evidence label (`evaluation.calibration_features`), to find which evidence
  the factors in `data/confidence.yaml` should weaken.

An item whose fact the current code no longer extracts is counted apart (by its judgement): a dropped wrong event is
a gain of the rules, not of confidence. `--cache FILE` keeps the extracted records (with the parse evidence the
scorer needs), so factors can be re-set and re-scored without re-extracting (`--rescore`).
"""

from __future__ import annotations

import argparse
import json
import pickle
import re
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import asdict
from pathlib import Path
from typing import Any

from benchmarks.shared import bench_dir
from evaluation.calibration_features import claim_features, event_features, sentence_text

THRESHOLDS = (0.0, 0.5, 0.6, 0.7, 0.8, 0.9)
BANDS = ((0.0, 0.5), (0.5, 0.6), (0.6, 0.7), (0.7, 0.8), (0.8, 0.9), (0.9, 1.01))
KINDS = ("events", "claims")


def _norm(text: str) -> str:
    return re.sub(r"\s+", " ", text or "").strip().lower()


def _words(text: str) -> set[str]:
    return set(re.findall(r"\w+", (text or "").lower()))


def load_items(folder: Path) -> dict[str, list[dict[str, Any]]]:
    out = {}
    for kind in KINDS:
        path = folder / f"{kind}.jsonl"
        out[kind] = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    return out


def document_path(name: str) -> Path | None:
    for folder in (bench_dir("story-clustering") / "data", bench_dir("article-extraction") / "html"):
        if (folder / name).exists():
            return folder / name
    return None


def extract_files(names: Sequence[str]) -> dict[str, dict[str, Any]]:
    """Records (JSON shape) of the named documents, each event keeping its trigger evidence under `_evidence`."""
    from newsintel.extract import confidence
    from newsintel.ingest.readers import read_path
    from newsintel.model import Failure
    from newsintel.pipeline import process_batch

    original = confidence.score_event

    def keeping(event: dict[str, Any], evidence: Any, *context: Any) -> None:
        event["_evidence"] = asdict(evidence) if evidence is not None else None
        original(event, evidence, *context)

    confidence.score_event = keeping
    records: dict[str, dict[str, Any]] = {}
    try:
        for name in names:
            path = document_path(name)
            raws = [r for r in read_path(path)] if path else []
            raws = [r for r in raws if not isinstance(r, Failure)]
            if not raws:
                continue
            result = process_batch(raws[:1])[0]
            if not isinstance(result, Failure):
                records[name] = result.to_json()
    finally:
        confidence.score_event = original
    return records


def _weaken_headline(fact: dict[str, Any], kind: str) -> None:
    from newsintel.extract.headlines import _weaken

    _weaken(fact, kind)


def context_of(record: dict[str, Any]) -> Any:
    """The scorer's `ReportContext` of a record in its JSON shape."""
    from newsintel.extract.confidence import ReportContext

    return ReportContext.build(record["document"]["text"], [(s["start"], s["end"]) for s in record["sentences"]],
                               [(e["id"], e.get("type"), [(m["sentence"], m["text"]) for m in e.get("mentions") or []])
                                for e in record.get("entities") or []],
                               [e["type"] for e in record.get("events") or [] if e.get("sentence", 0) >= 0])


def rescore(record: dict[str, Any]) -> None:
    """Score a cached record again with the current factors (headline facts keep their `headline_only`; they were
    scored on the title alone, so without the body's sentence evidence)."""
    from newsintel.extract import confidence

    try:
        context = context_of(record)
    except ImportError:  # a scorer from before the sentence evidence: comparing with older factors
        context = None

    def sentence_evidence(fact: dict[str, Any]) -> tuple[Any, ...]:
        return () if context is None else (None if fact.get("sentence", 0) < 0 else context,)

    for event in record.get("events") or []:
        headline = "-headline_only" in (event.get("why") or [])
        ev = event.get("_evidence")
        confidence.score_event(event, confidence.TriggerEvidence(**ev) if ev else None, *sentence_evidence(event))
        if headline:
            _weaken_headline(event, "events")
    for claim in record.get("claims") or []:
        headline = "-headline_only" in (claim.get("why") or [])
        confidence.score_claim(claim, *sentence_evidence(claim))
        if headline:
            _weaken_headline(claim, "claims")


def match_event(item: dict[str, Any], record: dict[str, Any]) -> dict[str, Any] | None:
    sentence, trigger = _norm(item["sentence"]), _norm(item["trigger"])
    for event in record.get("events") or []:
        if (event["type"] == item["type"] and _norm(event["trigger"]) == trigger
                and _norm(sentence_text(record, event.get("sentence", 0))) == sentence):
            return event
    return None


def match_claim(item: dict[str, Any], record: dict[str, Any]) -> dict[str, Any] | None:
    sentence, said = _norm(item["sentence"]), _words(item["content"])
    best, best_share = None, 0.5
    for claim in record.get("claims") or []:
        if _norm(sentence_text(record, claim.get("sentence", 0))) != sentence:
            continue
        share = len(said & _words(claim.get("content"))) / max(1, len(said | _words(claim.get("content"))))
        if share >= best_share:
            best, best_share = claim, share
    return best


def matched_rows(items: list[dict[str, Any]], records: dict[str, dict[str, Any]], kind: str
                 ) -> tuple[list[tuple[dict, dict, dict]], dict[str, int]]:
    """(item, current fact, record) for every item found again; the judgements of those no longer extracted."""
    rows, gone = [], defaultdict(int)
    match = match_event if kind == "events" else match_claim
    for item in items:
        record = records.get(item["document"]["file"])
        fact = match(item, record) if record else None
        if fact is None:
            gone[item["judgement"]] += 1
        else:
            rows.append((item, fact, record))
    return rows, dict(gone)


ROLES = ("actors", "targets", "location", "origin", "destination", "via")


def unchanged(item: dict[str, Any], fact: dict[str, Any], record: dict[str, Any]) -> bool:
    """Whether the current fact shows what the judge saw: the same arguments (event) or speaker (claim), so the
    judgement still holds for it."""
    if "speaker" in item:
        was, now = item.get("speaker") or {}, fact.get("speaker") or {}
        names = {e["id"]: e.get("name") for e in record.get("entities") or []}
        return (_norm(was.get("text")) == _norm(now.get("text"))
                and (was.get("resolved_to") or None) == (names.get(now.get("entity")) or None)
                and _words(item.get("content")) == _words(fact.get("content")))
    return all(sorted(_norm(a.get("text")) for a in item.get(role) or [])
               == sorted(_norm(a.get("text")) for a in fact.get(role) or []) for role in ROLES)


def _shares(rows: list[tuple[dict, dict, dict]]) -> str:
    n = len(rows)
    if not n:
        return f"{0:>5} {'':>7} {'':>7}"
    right = sum(r[0]["judgement"] == "right" for r in rows) / n
    usable = sum(r[0]["judgement"] in ("right", "partly") for r in rows) / n
    return f"{n:>5} {right:>7.2f} {usable:>7.2f}"


def band_lines(rows: list[tuple[dict, dict, dict]]) -> list[str]:
    lines = [f"  {'confidence':<14} {'n':>5} {'right':>7} {'r+part':>7}"]
    for low, high in BANDS:
        group = [r for r in rows if low <= r[1].get("confidence", 0.0) < high]
        lines.append(f"  {low:.1f}-{min(high, 1.0):.1f}{'':<7} {_shares(group)}")
    for threshold in THRESHOLDS:
        group = [r for r in rows if r[1].get("confidence", 0.0) >= threshold]
        lines.append(f"  >= {threshold:.1f}{'':<8} {_shares(group)}")
    return lines


def feature_lines(rows: list[tuple[dict, dict, dict]], kind: str, min_n: int = 3) -> list[str]:
    features = event_features if kind == "events" else claim_features
    groups: dict[str, list] = defaultdict(list)
    for row in rows:
        for label in features(row[1], row[2]):
            groups[label].append(row)
    lines = [f"  {'evidence':<40} {'n':>5} {'right':>7} {'r+part':>7} {'mean conf':>9}"]
    for label in sorted(groups):
        group = groups[label]
        if len(group) >= min_n:
            mean = sum(r[1].get("confidence", 0.0) for r in group) / len(group)
            lines.append(f"  {label[:40]:<40} {_shares(group)} {mean:>9.2f}")
    return lines


def kept_lines(records: list[dict[str, Any]]) -> list[str]:
    """How many of all events and claims of these documents each threshold keeps: the recall side of a threshold."""
    heads = " ".join(f"{'>= ' + format(t, '.1f'):>10}" for t in THRESHOLDS)
    lines = [f"  {'all facts of these documents, kept at:':<38} {heads}"]
    for kind in KINDS:
        facts = [f for record in records for f in record.get(kind) or []]
        kept = [sum(f.get("confidence", 0.0) >= t for f in facts) for t in THRESHOLDS]
        lines.append(f"  {kind:<38} " + " ".join(f"{k:>10}" for k in kept))
    return lines


def load_records(names: list[str], cache: Path | None, reuse: bool) -> dict[str, dict[str, Any]]:
    if cache is not None and reuse and cache.exists():
        records = pickle.loads(cache.read_bytes())
        for record in records.values():
            rescore(record)
        return records
    records = extract_files(names)
    if cache is not None:
        cache.write_bytes(pickle.dumps(records))
    return records


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m evaluation.calibration_audit", description=__doc__.split("\n")[0])
    parser.add_argument("--audit", type=Path, action="append", required=True,
                        help="a judged development round (folder with events.jsonl and claims.jsonl); repeatable")
    parser.add_argument("--features", action="store_true", help="share right per evidence label")
    parser.add_argument("--cache", type=Path, help="keep the extracted records here")
    parser.add_argument("--rescore", action="store_true", help="reuse --cache and score again (no extraction)")
    parser.add_argument("--original", action="store_true", help="also the bands of the confidence the judge saw")
    args = parser.parse_args(argv)
    rounds = {folder: load_items(folder) for folder in args.audit}
    names = sorted({i["document"]["file"] for items in rounds.values() for k in KINDS for i in items[k]})
    records = load_records(names, args.cache, args.rescore)
    print(f"{sum(n in records for n in names)} of {len(names)} documents re-extracted")
    print("\n".join(kept_lines([records[n] for n in names if n in records])))
    for folder, items in rounds.items():
        for kind in KINDS:
            rows, gone = matched_rows(items[kind], records, kind)
            print(f"\n{folder} {kind}: {len(rows)} of {len(items[kind])} judged items found again; "
                  f"no longer extracted: {gone or 'none'}")
            print("\n".join(band_lines(rows)))
            same = [r for r in rows if unchanged(*r)]
            print(f"  of which shown as judged (same arguments or speaker and content): {len(same)}")
            print("\n".join(band_lines(same)))
            if args.original:
                print("  as judged (the confidence of the audited code):")
                print("\n".join(band_lines([(i, i, r) for i, _, r in rows])))
            if args.features:
                print("\n".join(feature_lines(rows, kind)))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
