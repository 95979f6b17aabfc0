"""Story clustering against `../shared/bench/story-clustering/` (its SOURCE.md): 383 English articles, each
labelled with the real-world event it reports (`newsCluster.EventId`).

The articles are read by newsintel's own JSON reader, processed by the real pipeline (two workers) and stored in
`date_publish` order into a fresh temporary store, so stories form incrementally as at ingest. Scores: BCubed
precision/recall/F1 (per article, averaged), pair-counting precision/recall/F1 and, when scikit-learn happens to
be installed, ARI and AMI. Runs on the whole set and on the set's own split (`sampling.json`: training 242 and
test 61 articles, each stored alone), and on the training part once more with every publication date dropped
(reports with no date: what the text states, or unknown); with and without sentence embeddings when the
[embeddings] extra is installed. Run: `python -m evaluation.stories`.
"""

from __future__ import annotations

import dataclasses
import json
import os
import random
import sys
import tempfile
import time
from collections import defaultdict
from collections.abc import Iterable, Sequence
from pathlib import Path

from benchmarks.shared import bench_dir

SET = "story-clustering"


def articles(root: Path) -> list[tuple[str, str, int]]:
    """(file name, date_publish, gold event id) of every article, in publication order."""
    out = []
    for path in sorted((root / "data").glob("*.json")):
        item = json.loads(path.read_text(encoding="utf-8"))
        out.append((path.name, item.get("date_publish") or "", int(item["newsCluster"]["EventId"])))
    return sorted(out, key=lambda a: (a[1], a[0]))


def process(root: Path, names: list[str], workers: int = 2) -> dict[str, object]:
    """File name -> Record (or Failure), through the normal reader and pipeline."""
    from newsintel.ingest import read_path
    from newsintel.model import Failure
    from newsintel.pipeline import Processor

    raws, out = [], {}
    for name in names:
        for item in read_path(root / "data" / name):
            if isinstance(item, Failure):
                out[name] = item
            else:
                raws.append((name, item))
    with Processor(workers) as processor:
        for (name, _), result in zip(raws, processor.run(raw for _, raw in raws), strict=True):
            out[name] = result
    return out


def cluster(records: Iterable[tuple[str, object]]) -> tuple[dict[str, int], float]:
    """Store the records in order into a fresh store; (file name -> story id, seconds spent storing)."""
    from newsintel.model import Record
    from newsintel.store import connect, save_record

    with tempfile.TemporaryDirectory() as tmp:
        conn = connect(Path(tmp) / "stories.db")
        doc_of: dict[str, str] = {}
        started = time.perf_counter()
        for name, record in records:
            if isinstance(record, Record):
                save_record(conn, record, record.document.raw_hash)
                doc_of[name] = record.document.id
        seconds = time.perf_counter() - started
        story = dict(conn.execute("SELECT document_id, story_id FROM story_docs").fetchall())
        conn.close()
    return {name: story[doc] for name, doc in doc_of.items()}, seconds


def bcubed(pred: dict[str, int], gold: dict[str, int]) -> tuple[float, float, float]:
    by_pred, by_gold = defaultdict(set), defaultdict(set)
    for item in pred:
        by_pred[pred[item]].add(item)
        by_gold[gold[item]].add(item)
    p = r = 0.0
    for item in pred:
        same = len(by_pred[pred[item]] & by_gold[gold[item]])
        p += same / len(by_pred[pred[item]])
        r += same / len(by_gold[gold[item]])
    p, r = p / len(pred), r / len(pred)
    return p, r, 2 * p * r / (p + r) if p + r else 0.0


def pairwise(pred: dict[str, int], gold: dict[str, int]) -> tuple[float, float, float]:
    items = sorted(pred)
    tp = fp = fn = 0
    for i, a in enumerate(items):
        for b in items[i + 1:]:
            same_pred, same_gold = pred[a] == pred[b], gold[a] == gold[b]
            tp += same_pred and same_gold
            fp += same_pred and not same_gold
            fn += same_gold and not same_pred
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    return p, r, 2 * p * r / (p + r) if p + r else 0.0


def chance_corrected(pred: dict[str, int], gold: dict[str, int]) -> tuple[float, float] | None:
    """(ARI, AMI) when scikit-learn is installed (it is not a dependency)."""
    try:
        from sklearn.metrics import adjusted_mutual_info_score, adjusted_rand_score
    except ImportError:
        return None
    items = sorted(pred)
    g, p = [gold[i] for i in items], [pred[i] for i in items]
    return adjusted_rand_score(g, p), adjusted_mutual_info_score(g, p)


def score(pred: dict[str, int], gold: dict[str, int]) -> dict[str, float]:
    out = dict(zip(("bcubed_p", "bcubed_r", "bcubed_f1"), bcubed(pred, gold), strict=True))
    out.update(zip(("pair_p", "pair_r", "pair_f1"), pairwise(pred, gold), strict=True))
    extra = chance_corrected(pred, gold)
    if extra:
        out["ari"], out["ami"] = extra
    out["articles"] = len(pred)
    out["stories"] = len(set(pred.values()))
    out["events"] = len({gold[i] for i in pred})
    return out


def subsets(root: Path, order: list[str]) -> dict[str, list[str]]:
    split = json.loads((root / "sampling.json").read_text(encoding="utf-8"))
    out = {"all": order, "all, random order": random.Random(1).sample(order, len(order))}
    for part in ("training", "test"):
        wanted = set(split.get(part, []))
        out[part] = [n for n in order if n in wanted]
    out[UNDATED] = out["training"]
    return out


UNDATED = "training, no publication dates"  # the same articles with their dates dropped: dates from the text only


def undated(record: object) -> object:
    """A copy of a record without its publication date (a failure as it is)."""
    from newsintel.model import Record

    if not isinstance(record, Record):
        return record
    return dataclasses.replace(record, document=dataclasses.replace(record.document, published=None))


def evaluate(root: Path) -> tuple[list[tuple[str, str, dict[str, float], float]], float, int]:
    from newsintel.model import Failure
    from newsintel.resolve import story_embed

    items = articles(root)
    gold = {name: event for name, _, event in items}
    order = [name for name, _, _ in items]
    started = time.perf_counter()
    records = process(root, order)
    process_seconds = time.perf_counter() - started
    failed = sum(isinstance(r, Failure) for r in records.values())
    modes = ["without embeddings"]
    saved = os.environ.get(story_embed.ENV)
    os.environ[story_embed.ENV] = "1"
    if story_embed.available():
        modes.append("with embeddings")
    rows = []
    try:
        for mode in modes:
            os.environ[story_embed.ENV] = "1" if mode == "with embeddings" else "0"
            for subset, names in subsets(root, order).items():
                if subset in ("all, random order", UNDATED) and mode == "with embeddings":
                    continue
                strip = undated if subset == UNDATED else (lambda r: r)
                pred, seconds = cluster((n, strip(records[n])) for n in names)
                rows.append((mode, subset, score(pred, {n: gold[n] for n in pred}), seconds))
    finally:
        if saved is None:
            os.environ.pop(story_embed.ENV, None)
        else:
            os.environ[story_embed.ENV] = saved
    return rows, process_seconds, failed


def format_rows(rows: Sequence[tuple[str, str, dict[str, float], float]]) -> str:
    has_ari = any("ari" in r[2] for r in rows)
    head = ("| mode | articles | events | stories | B³ P | B³ R | B³ F1 | pair P | pair R | pair F1 |"
            + (" ARI | AMI |" if has_ari else "") + " store s |")
    lines = [head, "|" + " --- |" * (head.count("|") - 1)]
    for mode, subset, s, seconds in rows:
        cells = [f"{mode}, {subset}", str(s["articles"]), str(s["events"]), str(s["stories"])]
        cells += [f"{s[k]:.3f}" for k in ("bcubed_p", "bcubed_r", "bcubed_f1", "pair_p", "pair_r", "pair_f1")]
        if has_ari:
            cells += [f"{s.get('ari', float('nan')):.3f}", f"{s.get('ami', float('nan')):.3f}"]
        cells.append(f"{seconds:.1f}")
        lines.append("| " + " | ".join(cells) + " |")
    return "\n".join(lines)


def main(argv: Sequence[str] | None = None) -> int:
    import argparse

    argparse.ArgumentParser(prog="python -m evaluation.stories", description=__doc__.split("\n")[0]).parse_args(
        list(argv or []))
    print()  # after the other evaluations' tables
    root = bench_dir(SET)
    if not (root / "data").is_dir():
        print(f"story clustering: {root} not found, skipped")
        return 0
    rows, process_seconds, failed = evaluate(root)
    print(f"story clustering: {root} ({process_seconds:.0f} s NLP for all articles, {failed} failed to read)")
    print(format_rows(rows))
    if not any(r[0] == "with embeddings" for r in rows):
        print("(sentence embeddings not installed: pip install -e '.[embeddings]' for the second mode)")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
