"""Reproduce the choice of the held-out articles h16-h30 from ``../shared/bench/story-clustering/data`` (prints
file names only).

Rule (README.md here, section h16-h30): among the articles of ``data/`` whose ``dId`` occurs in no gold file of
``tests/gold/real``, ``tests/gold/resolution`` or h01-h15 here, nor in any plausible reading of the seed-7 audit
sample of BENCHMARKS.md ("Described actors on unseen real news"), keep those whose first 2,500 characters of
``text`` contain a word of the h01-h15 trigger list (``select_5w1h.TRIGGER_WORDS``), sort the file names, shuffle
them with ``random.Random(1216)`` and take them in that order, at most 2 per story group (``newsCluster.EventId``)
and no text twice, until 15 are chosen.
"""

from __future__ import annotations

import json
import random
import re
import sys
from pathlib import Path

from select_5w1h import SPAN, WORD_RE

SEED = 1216
COUNT = 15
PER_GROUP = 2
AUDIT_SEED = 7
AUDIT_SIZE = 20
DID_RE = re.compile(r"\b[0-9a-f]{56}\b")


def gold_ids(gold: Path) -> tuple[set[str], set[str]]:
    """dIds in the development and resolution gold, and those in the whole gold minus h16-h30 (this half)."""
    resolution = set()
    for path in (gold / "resolution").iterdir():
        if path.suffix in {".yaml", ".jsonl"}:
            resolution |= set(DID_RE.findall(path.read_text(encoding="utf-8")))
    others = set(resolution)
    for path in [*(gold / "real").glob("*.json"), *(gold / "heldout").glob("h*.json")]:
        if int(path.name[1:3]) <= 15 or path.parent.name == "real":
            others |= set(DID_RE.findall(path.read_text(encoding="utf-8")))
    return resolution, others


def audit_ids(files: list[Path], resolution: set[str], others: set[str]) -> set[str]:
    """Every article the seed-7 audit may have read: it sampled 20 with ``random.seed(7)``; ``random.sample`` from
    the sorted list without the resolution gold. Which gold and whether only ``world`` articles is not recorded,
    so all readings are excluded."""
    category = {f.stem: json.loads(f.read_text(encoding="utf-8"))["newsCluster"]["Category"] for f in files}
    real_names = set(DID_RE.findall((files[0].parents[3] / "main" / "tests" / "gold" / "resolution"
                                     / "real_names.yaml").read_text(encoding="utf-8"))) if False else None
    del real_names
    out: set[str] = set()
    for excluded in (resolution, others):
        for world_only in (False, True):
            pool = [f.name for f in files
                    if f.stem not in excluded and (not world_only or category[f.stem] == "world")]
            random.seed(AUDIT_SEED)
            out |= {Path(n).stem for n in random.sample(pool, AUDIT_SIZE)}
    return out
