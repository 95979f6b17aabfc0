"""Fit the confidence factors of `data/confidence.yaml` to judged audit items, with leave-one-round-out validation.

The scorer (`extract/confidence.py`) gives every event and claim a confidence = base x the factor of each weakness
it has (a nominal trigger, no place held, a pronoun speaker, its type, ...). This reads the judged development rounds
(`--audit DIR`, repeatable; never a held-out sheet) and the records re-extracted by `evaluation.calibration_audit`
(`--cache FILE`), lists each matched fact's weaknesses with the scorer's own `event_weaknesses` / `claim_weaknesses`,
and fits base and factors by maximum likelihood of "judged fully right" (a log-link model, so the fitted product is
the share right itself; factors kept in [0.05, 1], shrunk towards 1 by `--ridge`; weaknesses seen fewer than
`--min-n` times keep the data file's value).

It prints, for each round held out in turn (fitted on the others): how many of its judged facts the views' default
threshold keeps and the share of them judged fully right, against the current factors; the curve of kept against
right over thresholds; then the factors fitted on all rounds, as lines to put in the data file.
"""

from __future__ import annotations

import argparse
import math
import pickle
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np
from scipy.optimize import minimize

from evaluation.calibration_audit import KINDS, context_of, load_items, matched_rows, unchanged

THRESHOLDS = (0.3, 0.35, 0.4, 0.45, 0.5, 0.55, 0.6, 0.65, 0.7, 0.8)
LOWEST = math.log(0.05)


@dataclass
class Row:
    round: str
    weaknesses: list[str]
    right: float  # 1 judged fully right, `partly` credit for partly right, 0 wrong
    fully: bool
    current: float  # the confidence with the factors in the data file today


def weaknesses_of(kind: str, fact: dict[str, Any], record: dict[str, Any]) -> list[str]:
    from newsintel.extract import confidence

    headline = (fact.get("sentence") or 0) < 0
    context = None if headline else context_of(record)
    if kind == "events":
        ev = fact.get("_evidence")
        evidence = confidence.TriggerEvidence(**ev) if ev else None
        _, weak = confidence.event_weaknesses(fact, evidence, context)
    else:
        _, weak = confidence.claim_weaknesses(fact, context)
    names = sorted({name for name, _ in weak})
    return names + (["headline_only"] if headline else [])


def current_confidence(kind: str, names: list[str]) -> float:
    from newsintel.extract import confidence

    spec = confidence.settings()[kind]
    value = float(spec["base"])
    for name in names:
        value *= confidence._factor(spec, name)
    return value


def collect(rounds: dict[str, dict[str, list]], records: dict[str, dict], kind: str, partly: float,
            only_unchanged: bool) -> list[Row]:
    rows = []
    for folder, items in rounds.items():
        found, _ = matched_rows(items[kind], records, kind)
        for item, fact, record in found:
            if only_unchanged and not unchanged(item, fact, record):
                continue
            names = weaknesses_of(kind, fact, record)
            judgement = item["judgement"]
            credit = 1.0 if judgement == "right" else partly if judgement == "partly" else 0.0
            rows.append(Row(folder, names, credit, judgement == "right", current_confidence(kind, names)))
    return rows


@dataclass
class Fit:
    base: float
    factors: dict[str, float]

    def predict(self, names: list[str]) -> float:
        value = self.base
        for name in names:
            value *= self.factors.get(name, 1.0)
        return value


def fit(rows: list[Row], kind: str, min_n: int, ridge: float, fixed: dict[str, float] | None = None) -> Fit:
    """Maximum likelihood of a log-link model: log p = log base + sum of log factors, each <= 0."""
    counts = Counter(name for row in rows for name in row.weaknesses)
    names = sorted(n for n, c in counts.items() if c >= min_n and n not in (fixed or {}))
    rare = {n: current for n, c in counts.items() if c < min_n and n not in (fixed or {})
            and (current := round(current_confidence(kind, [n]) / current_confidence(kind, []), 2)) < 1.0}
    fixed = {**rare, **(fixed or {})}  # too rare to fit: kept at the data file's value
    index = {n: i + 1 for i, n in enumerate(names)}
    x = np.zeros((len(rows), len(names) + 1))
    offset = np.zeros(len(rows))
    for r, row in enumerate(rows):
        x[r, 0] = 1.0
        for name in row.weaknesses:
            if name in index:
                x[r, index[name]] = 1.0
            elif name in fixed:
                offset[r] += math.log(fixed[name])
    y = np.array([row.right for row in rows])

    def loss(theta: np.ndarray) -> tuple[float, np.ndarray]:
        eta = np.minimum(x @ theta + offset, -1e-6)
        p = np.exp(eta)
        nll = -np.sum(y * eta + (1 - y) * np.log1p(-p))
        d_eta = -(y - (1 - y) * p / (1 - p))
        penalty = ridge * np.sum(theta[1:] ** 2)
        grad = x.T @ d_eta
        grad[1:] += 2 * ridge * theta[1:]
        return nll + penalty, grad

    start = np.full(len(names) + 1, -0.1)
    start[0] = math.log(max(0.05, min(0.95, y.mean() * 1.5)))
    bounds = [(LOWEST, -1e-6)] * (len(names) + 1)
    result = minimize(loss, start, jac=True, method="L-BFGS-B", bounds=bounds)
    factors = {n: round(math.exp(result.x[i]), 2) for n, i in index.items()}
    return Fit(round(math.exp(result.x[0]), 2), {**fixed, **factors})


def _share(rows: list[tuple[float, Row]], threshold: float) -> tuple[int, float]:
    kept = [row for p, row in rows if p >= threshold]
    return len(kept), (sum(row.fully for row in kept) / len(kept) if kept else float("nan"))


def validate(rows: list[Row], kind: str, min_n: int, ridge: float, fixed: dict[str, float] | None) -> list[str]:
    """Leave one round out: fit on the others, score the round held out; pooled curve of kept against right."""
    lines = [f"  {'round held out':<28} {'n':>4} {'right':>6}   {'current: kept':>13} {'right':>6}"
             f"   {'fitted: kept':>12} {'right':>6}"]
    pooled: list[tuple[float, Row]] = []
    for held in sorted({row.round for row in rows}):
        train = [row for row in rows if row.round != held]
        test = [row for row in rows if row.round == held]
        model = fit(train, kind, min_n, ridge, fixed)
        scored = [(model.predict(row.weaknesses), row) for row in test]
        pooled += scored
        now = [(row.current, row) for row in test]
        kept_now, right_now = _share(now, 0.5)
        kept_fit, right_fit = _share(scored, 0.5)
        lines.append(f"  {held[-28:]:<28} {len(test):>4} {sum(r.fully for r in test) / len(test):>6.2f}   "
                     f"{kept_now:>13} {right_now:>6.2f}   {kept_fit:>12} {right_fit:>6.2f}")
    lines.append(f"  curve over the rounds held out ({len(pooled)} facts, "
                 f"{sum(r.fully for _, r in pooled) / max(1, len(pooled)):.2f} right):")
    lines.append(f"  {'threshold':>9} {'current kept':>13} {'right':>6} {'fitted kept':>12} {'right':>6}"
                 f" {'mean conf':>9}")
    current = [(row.current, row) for _, row in pooled]
    for threshold in THRESHOLDS:
        n_now, r_now = _share(current, threshold)
        n_fit, r_fit = _share(pooled, threshold)
        mean = [p for p, _ in pooled if p >= threshold]
        lines.append(f"  {threshold:>9.2f} {n_now:>6} {n_now / len(pooled):>5.0%} {r_now:>6.2f} "
                     f"{n_fit:>5} {n_fit / len(pooled):>5.0%} {r_fit:>6.2f} "
                     f"{(sum(mean) / len(mean) if mean else float('nan')):>9.2f}")
    lines.append("  calibration of the fitted confidence (rounds held out): band, n, mean confidence, share right")
    for low, high in ((0, 0.2), (0.2, 0.35), (0.35, 0.5), (0.5, 0.65), (0.65, 0.8), (0.8, 1.01)):
        band = [(p, r) for p, r in pooled if low <= p < high]
        if band:
            lines.append(f"    {low:.2f}-{min(high, 1):.2f} {len(band):>5} {sum(p for p, _ in band) / len(band):>6.2f}"
                         f" {sum(r.fully for _, r in band) / len(band):>6.2f}")
    return lines


def factor_lines(rows: list[Row], model: Fit) -> list[str]:
    counts = Counter(name for row in rows for name in row.weaknesses)
    lines = [f"  base: {model.base}"]
    for name in sorted(set(model.factors) | set(counts)):
        with_it = [row for row in rows if name in row.weaknesses]
        share = sum(row.fully for row in with_it) / len(with_it) if with_it else float("nan")
        lines.append(f"  {name:<24} {model.factors.get(name, 1.0):>5}   n={len(with_it):<4} right={share:.2f}")
    return lines


def kept_of_all(records: dict[str, dict], kind: str, model: Fit, threshold: float) -> tuple[int, int, int]:
    """All facts of the re-extracted documents: how many there are, how many the current and the fitted factors
    keep at `threshold`."""
    facts = [(f, r) for r in records.values() for f in r.get(kind) or []]
    now = sum(current_confidence(kind, weaknesses_of(kind, f, r)) >= threshold for f, r in facts)
    fitted = sum(model.predict(weaknesses_of(kind, f, r)) >= threshold for f, r in facts)
    return len(facts), now, fitted


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m evaluation.calibration_fit", description=__doc__.split("\n")[0])
    parser.add_argument("--audit", type=Path, action="append", required=True,
                        help="a judged development round (folder with events.jsonl and claims.jsonl); repeatable")
    parser.add_argument("--cache", type=Path, required=True, help="records kept by evaluation.calibration_audit")
    parser.add_argument("--kind", choices=KINDS, action="append", help="events, claims (default both)")
    parser.add_argument("--min-n", type=int, default=5, help="fewest judged facts with a weakness to fit its factor")
    parser.add_argument("--ridge", type=float, default=2.0, help="shrinks log factors towards 0 (factor 1)")
    parser.add_argument("--partly", type=float, default=0.0, help="credit of a partly right fact in the fit")
    parser.add_argument("--unchanged", action="store_true", help="only facts shown as they were judged")
    parser.add_argument("--fix", action="append", default=[], metavar="NAME=VALUE",
                        help="keep a factor at a set value (e.g. generic=0.5, a rule, not a fit); repeatable")
    args = parser.parse_args(argv)
    rounds = {str(folder): load_items(folder) for folder in args.audit}
    records = pickle.loads(args.cache.read_bytes())
    fixed = {k: float(v) for k, v in (f.split("=", 1) for f in args.fix)} or None
    for kind in args.kind or KINDS:
        rows = collect(rounds, records, kind, args.partly, args.unchanged)
        print(f"\n{kind}: {len(rows)} judged facts found again, "
              f"{sum(r.fully for r in rows) / max(1, len(rows)):.2f} fully right")
        print("leave one round out (threshold 0.5):")
        print("\n".join(validate(rows, kind, args.min_n, args.ridge, fixed)))
        model = fit(rows, kind, args.min_n, args.ridge, fixed)
        total, now, fitted = kept_of_all(records, kind, model, 0.5)
        print(f"all {total} {kind} of the documents: kept at 0.5 now {now} ({now / max(1, total):.0%}), "
              f"fitted {fitted} ({fitted / max(1, total):.0%})")
        print("factors fitted on all rounds (value, judged facts with it, share right):")
        print("\n".join(factor_lines(rows, model)))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
