"""Article-body extraction evaluation against the Zyte/Scrapinghub benchmark.

The benchmark data lives *outside* the repository, in the shared folder next to
it: ``<repo root>/../shared/bench/article-extraction`` (``ground-truth.json`` and
``html/<id>.html.gz``).  Set ``NEWSINTEL_SHARED`` to point at another
``shared`` folder.  The data is read in place and never copied.

The scoring re-implements the benchmark's metric as described in the data's
``SOURCE.md`` ("How to score"):

* tokens: ``re.findall(r"\\w+", text)`` (case kept);
* a text is a multiset (``Counter``) of 4-token shingles; a text with fewer
  than 4 tokens is one shingle of all its tokens; an empty text has none;
* per document: TP/FP/FN over the shingle multisets, normalised to sum 1;
* per-document precision tp/(tp+fp) and recall tp/(tp+fn); macro averages over
  documents with tp+fp > 0 (precision) resp. tp+fn > 0 (recall);
* F1 = harmonic mean of the averaged precision and recall;
* accuracy = share of documents whose token sequence equals the gold's;
* "±" = standard deviation over 1000 bootstrap resamples (fixed seed).

Run ``python -m evaluation.article_body`` from the repository root.
"""

from __future__ import annotations

import gzip
import json
import os
import random
import re
import sys
import time
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Sequence
from pathlib import Path

Extractor = Callable[[str, "str | None"], str]
Triple = tuple[float, float, float]

SHINGLE_SIZE = 4
BOOTSTRAP_SAMPLES = 1000
BOOTSTRAP_SEED = 42
BENCH_SUBDIR = Path("bench") / "article-extraction"

_TOKEN_RE = re.compile(r"\w+")


# --------------------------------------------------------------------------
# Metric (pure functions)
# --------------------------------------------------------------------------


def tokenize(text: str | None) -> list[str]:
    """Unicode word tokens, punctuation dropped, case kept."""
    return _TOKEN_RE.findall(text or "")


def shingles(text: str | None, n: int = SHINGLE_SIZE) -> Counter:
    """Multiset of contiguous ``n``-token shingles of ``text``.

    Fewer than ``n`` tokens gives a single shingle made of all tokens; an empty
    text gives an empty Counter.
    """
    tokens = tokenize(text)
    if not tokens:
        return Counter()
    if len(tokens) < n:
        return Counter([tuple(tokens)])
    return Counter(tuple(tokens[i : i + n]) for i in range(len(tokens) - n + 1))


def shingle_match(gold: str | None, pred: str | None, n: int = SHINGLE_SIZE) -> Triple:
    """(tp, fp, fn) of ``pred`` against ``gold``, normalised to sum 1.

    Returns (0, 0, 0) when both texts are empty.
    """
    g = shingles(gold, n)
    p = shingles(pred, n)
    tp = fp = fn = 0
    for key in g.keys() | p.keys():
        gc, pc = g.get(key, 0), p.get(key, 0)
        tp += min(gc, pc)
        fp += max(0, pc - gc)
        fn += max(0, gc - pc)
    total = tp + fp + fn
    if total == 0:
        return (0.0, 0.0, 0.0)
    return (tp / total, fp / total, fn / total)


def doc_precision(triple: Triple) -> float | None:
    """tp/(tp+fp), or None when the system output nothing (tp+fp == 0)."""
    tp, fp, _ = triple
    return tp / (tp + fp) if tp + fp > 0 else None


def doc_recall(triple: Triple) -> float | None:
    """tp/(tp+fn), or None when the gold is empty (tp+fn == 0)."""
    tp, _, fn = triple
    return tp / (tp + fn) if tp + fn > 0 else None


def _mean(values: Iterable[float]) -> float:
    values = list(values)
    return sum(values) / len(values) if values else 0.0


def macro_precision_recall(triples: Sequence[Triple]) -> tuple[float, float]:
    """Macro-averaged precision and recall over the documents where defined."""
    precision = _mean(p for p in map(doc_precision, triples) if p is not None)
    recall = _mean(r for r in map(doc_recall, triples) if r is not None)
    return precision, recall


def f1(precision: float, recall: float) -> float:
    """Harmonic mean (0 if both are 0)."""
    return 2 * precision * recall / (precision + recall) if precision + recall > 0 else 0.0


def exact_match(gold: str | None, pred: str | None) -> bool:
    """True when both texts have exactly the same token sequence."""
    return tokenize(gold) == tokenize(pred)


def aggregate(triples: Sequence[Triple], matches: Sequence[bool]) -> dict[str, float]:
    """Precision, recall, F1 and accuracy of a set of documents."""
    precision, recall = macro_precision_recall(triples)
    return {
        "precision": precision,
        "recall": recall,
        "f1": f1(precision, recall),
        "accuracy": _mean(float(m) for m in matches),
    }


def _std(values: Sequence[float]) -> float:
    m = _mean(values)
    return (sum((v - m) ** 2 for v in values) / len(values)) ** 0.5 if values else 0.0


def bootstrap_std(
    triples: Sequence[Triple],
    matches: Sequence[bool],
    samples: int = BOOTSTRAP_SAMPLES,
    seed: int = BOOTSTRAP_SEED,
) -> dict[str, float]:
    """Std of each metric over ``samples`` bootstrap resamples of the documents."""
    rng = random.Random(seed)
    n = len(triples)
    runs: dict[str, list[float]] = {k: [] for k in ("precision", "recall", "f1", "accuracy")}
    if n == 0:
        return {k: 0.0 for k in runs}
    for _ in range(samples):
        idx = [rng.randrange(n) for _ in range(n)]
        res = aggregate([triples[i] for i in idx], [matches[i] for i in idx])
        for k, v in res.items():
            runs[k].append(v)
    return {k: _std(v) for k, v in runs.items()}


def score(golds: Sequence[str], preds: Sequence[str], *, bootstrap: int = BOOTSTRAP_SAMPLES,
          seed: int = BOOTSTRAP_SEED) -> dict[str, float]:
    """Full benchmark scoring of parallel gold / predicted texts.

    Returns precision, recall, f1, accuracy and their bootstrap stds
    (``<metric>_std``; skipped when ``bootstrap`` is 0).
    """
    if len(golds) != len(preds):
        raise ValueError("golds and preds must have the same length")
    triples = [shingle_match(g, p) for g, p in zip(golds, preds, strict=False)]
    matches = [exact_match(g, p) for g, p in zip(golds, preds, strict=False)]
    result = aggregate(triples, matches)
    if bootstrap:
        for k, v in bootstrap_std(triples, matches, bootstrap, seed).items():
            result[f"{k}_std"] = v
    return result


# --------------------------------------------------------------------------
# Data
# --------------------------------------------------------------------------


def repo_root() -> Path:
    """The repository root (the folder holding ``evaluation/``)."""
    return Path(__file__).resolve().parent.parent


def bench_dir() -> Path:
    """Folder of the benchmark: $NEWSINTEL_SHARED/bench/... or <repo>/../shared/bench/..."""
    shared = os.environ.get("NEWSINTEL_SHARED")
    base = Path(shared) if shared else repo_root().parent / "shared"
    return base / BENCH_SUBDIR


def load_pages(root: Path | None = None) -> Iterator[tuple[str, str, str, str | None]]:
    """Yield ``(id, html, gold_body, url)`` for every benchmark page, sorted by id."""
    root = Path(root) if root is not None else bench_dir()
    with open(root / "ground-truth.json", encoding="utf-8") as fh:
        truth = json.load(fh)
    for item_id in sorted(truth):
        with gzip.open(root / "html" / f"{item_id}.html.gz", "rb") as fh:
            html = fh.read().decode("utf-8", errors="replace")
        item = truth[item_id]
        yield item_id, html, item.get("articleBody") or "", item.get("url")


# --------------------------------------------------------------------------
# Systems
# --------------------------------------------------------------------------


def trafilatura_plain(html: str, url: str | None = None) -> str:
    """Baseline: ``trafilatura.extract`` with default settings."""
    import trafilatura

    return trafilatura.extract(html, url=url) or ""


def newsintel_extractor() -> Extractor | None:
    """``newsintel.clean.html.extract_body`` if importable, else None."""
    try:
        from newsintel.clean.html import extract_body
    except ImportError:
        return None
    return extract_body


def default_extractors() -> tuple[dict[str, Extractor], list[str]]:
    """Default systems and the names of those that are unavailable."""
    systems: dict[str, Extractor] = {"trafilatura (plain)": trafilatura_plain}
    missing: list[str] = []
    ni = newsintel_extractor()
    if ni is None:
        missing.append("newsintel")
    else:
        systems["newsintel"] = ni
    return systems, missing


def evaluate(
    extractors: dict[str, Extractor],
    pages: Iterable[tuple[str, str, str, str | None]] | None = None,
    *,
    bootstrap: int = BOOTSTRAP_SAMPLES,
    seed: int = BOOTSTRAP_SEED,
) -> dict[str, dict]:
    """Run every extractor over the same pages and score them.

    Returns ``{name: {precision, recall, f1, accuracy, *_std, seconds,
    ms_per_page, pages, errors, predictions}}``.  An extractor raising an
    exception on a page counts as an empty prediction for that page.
    """
    pages = list(load_pages() if pages is None else pages)
    golds = [gold for _, _, gold, _ in pages]
    results: dict[str, dict] = {}
    for name, fn in extractors.items():
        preds: dict[str, str] = {}
        errors = 0
        elapsed = 0.0
        for item_id, html, _, url in pages:
            start = time.perf_counter()
            try:
                out = fn(html, url) or ""
            except Exception:
                out = ""
                errors += 1
            elapsed += time.perf_counter() - start
            preds[item_id] = out
        res = score(golds, [preds[i] for i, _, _, _ in pages], bootstrap=bootstrap, seed=seed)
        res.update(
            seconds=elapsed,
            ms_per_page=1000 * elapsed / len(pages) if pages else 0.0,
            pages=len(pages),
            errors=errors,
            predictions=preds,
        )
        results[name] = res
    return results


def format_table(results: dict[str, dict]) -> str:
    """Plain-text table of the results."""
    width = max([len("system")] + [len(name) for name in results])
    head = (f"{'system':<{width}} {'F1':>13} {'precision':>9} {'recall':>7} "
            f"{'accuracy':>8} {'ms/page':>8} {'errors':>6}")
    lines = [head, "-" * len(head)]
    for name, r in results.items():
        f1_txt = f"{r['f1']:.3f} ± {r.get('f1_std', 0.0):.3f}"
        lines.append(
            f"{name:<{width}} {f1_txt:>13} {r['precision']:>9.3f} {r['recall']:>7.3f} "
            f"{r['accuracy']:>8.3f} {r['ms_per_page']:>8.1f} {r['errors']:>6}"
        )
    return "\n".join(lines)


def main(argv: Sequence[str] | None = None) -> int:
    root = bench_dir()
    if not (root / "ground-truth.json").is_file():
        print(f"benchmark not found at {root} (set NEWSINTEL_SHARED)", file=sys.stderr)
        return 2
    systems, missing = default_extractors()
    results = evaluate(systems)
    n = next(iter(results.values()))["pages"] if results else 0
    print(f"article-body benchmark: {n} pages from {root}")
    print(format_table(results))
    for name in missing:
        print(f"{name}: unavailable (newsintel.clean.html.extract_body not importable)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
