"""The factor fit of `evaluation.calibration_fit`: it recovers the factors that made judged facts right, keeps
factors in (0, 1], and its leave-one-round-out check scores rounds it did not fit on."""

from __future__ import annotations

import random

from evaluation.calibration_fit import Row, fit, validate


def _rows(seed: int = 3) -> list[Row]:
    """Facts right with probability 0.8, x0.5 with a weakness "weak", x1 with a weakness "harmless"."""
    draw = random.Random(seed)
    rows = []
    for i in range(3000):
        names = [n for n, share in (("weak", 0.4), ("harmless", 0.5)) if draw.random() < share]
        p = 0.8 * (0.5 if "weak" in names else 1.0)
        right = draw.random() < p
        rows.append(Row(f"round{i % 3}", names, float(right), right, 0.8))
    return rows


def test_the_fit_recovers_base_and_factors():
    model = fit(_rows(), "events", min_n=5, ridge=0.5)
    assert abs(model.base - 0.8) < 0.05
    assert abs(model.factors["weak"] - 0.5) < 0.07
    assert model.factors["harmless"] > 0.93
    assert all(0 < f <= 1 for f in model.factors.values())


def test_rare_weaknesses_are_not_fitted_and_fixed_ones_are_kept():
    rows = _rows()
    rows[0].weaknesses.append("seen_once")
    model = fit(rows, "events", min_n=5, ridge=0.5, fixed={"weak": 0.3})
    assert model.factors["weak"] == 0.3 and "seen_once" not in model.factors


def test_each_round_is_scored_by_a_fit_on_the_others():
    lines = validate(_rows(), "events", min_n=5, ridge=0.5, fixed=None)
    assert sum("round" in line for line in lines) >= 3
    assert any(line.split()[0] == "0.50" for line in lines)  # the curve has the views' default threshold
