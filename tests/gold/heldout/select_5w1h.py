"""Reproduce the choice of the held-out articles h01-h15 from ``../shared/bench/5w1h/data`` (prints file names only).

Rule (README.md here): among the articles of ``data/`` not used by ``tests/gold/real/*.json``, keep those whose
first 2,500 characters of ``text`` contain at least one word of ``TRIGGER_WORDS`` (whole word, any case), sort
the file names, shuffle them with ``random.Random(SEED)`` and take the first 15.
"""

from __future__ import annotations

import json
import random
import re
import sys
from pathlib import Path

SEED = 20261206
COUNT = 15
SPAN = 2500
# Fixed for this set on 2026-12-06 (written for the selection, not taken from newsintel's lexicon).
TRIGGER_TEXT = """
attack attacks attacked attacker bomb bombing bomber shooting shot gunman gunmen killed killing murder murdered
arrest arrested arrests detained charged jailed sentenced prison trial fled flee fleeing escape escaped
protest protests protesters protesting clash clashes fighting war troops militants border refugees migrants
deported evacuated rescued smuggled threatened threat threats surrender released freed travelled traveled flew
returned
"""
TRIGGER_WORDS = TRIGGER_TEXT.split()
WORD_RE = re.compile(r"\b(?:" + "|".join(TRIGGER_WORDS) + r")\b", re.IGNORECASE)


def eligible(data_dir: Path, used: set[str]) -> list[str]:
    names = []
    for path in sorted(data_dir.glob("*.json")):
        if path.name in used:
            continue
        text = json.loads(path.read_text(encoding="utf-8")).get("text") or ""
        if WORD_RE.search(text[:SPAN]):
            names.append(path.name)
    return names


def choose(data_dir: Path, real_gold: Path) -> list[str]:
    used = {Path(json.loads(p.read_text(encoding="utf-8"))["source"]["path"]).name
            for p in real_gold.glob("*.json")}
    names = eligible(data_dir, used)
    random.Random(SEED).shuffle(names)
    return names[:COUNT]


if __name__ == "__main__":
    repo = Path(__file__).resolve().parents[3]
    shared = Path(sys.argv[1]) if len(sys.argv) > 1 else repo.parent / "shared"
    for i, name in enumerate(choose(shared / "bench" / "5w1h" / "data", repo / "tests" / "gold" / "real"), 1):
        print(f"h{i:02d} {name}")
