"""Reproduce the choice of the held-out articles h16-h30 from ``../shared/bench/story-clustering/data`` (prints
file names only).

Rule (README.md here, section h16-h30): among the articles of ``data/`` whose ``dId`` occurs in no gold file of
``tests/gold/resolution``, ``tests/gold/real`` or h01-h15 here, nor in any reading of the seed-7 audit sample of
BENCHMARKS.md ("Described actors on unseen real news"), keep those whose first 2,500 characters of ``text`` contain
a word of the h01-h15 trigger list (``select_5w1h.WORD_RE``), sort the file names, shuffle them with
``random.Random(1216)`` and take them in that order, at most 2 per story group (``newsCluster.EventId``) and no
text twice, until 15 are chosen.
"""

from __future__ import annotations

import json
import random
import re
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from select_5w1h import SPAN, WORD_RE

SEED = 1216
COUNT = 15
PER_GROUP = 2
AUDIT_SEED = 7
AUDIT_SIZE = 20
DID_RE = re.compile(r"[0-9a-f]{56}")


def ids_in(paths: list[Path]) -> set[str]:
    return {m for p in paths for m in DID_RE.findall(p.read_text(encoding="utf-8"))}


def audit_ids(files: list[Path], readings: list[set[str]]) -> set[str]:
    """Every article the seed-7 audit may have read. It drew 20 with ``random.seed(7)`` and ``random.sample`` from
    the sorted file list after removing "the resolution gold"; which gold files, and whether only ``world``
    articles, is not recorded, so every reading is excluded."""
    category = {f.stem: json.loads(f.read_text(encoding="utf-8"))["newsCluster"]["Category"] for f in files}
    out: set[str] = set()
    for excluded in readings:
        for world_only in (False, True):
            pool = [f.name for f in files
                    if f.stem not in excluded and (not world_only or category[f.stem] == "world")]
            random.seed(AUDIT_SEED)
            out |= {Path(n).stem for n in random.sample(pool, AUDIT_SIZE)}
    return out


def choose(data_dir: Path, gold: Path) -> list[str]:
    files = sorted(data_dir.glob("*.json"))
    real_names = ids_in([gold / "resolution" / "real_names.yaml"])
    resolution = ids_in(sorted(p for p in (gold / "resolution").iterdir() if p.suffix in {".yaml", ".jsonl"}))
    real = ids_in(sorted((gold / "real").glob("*.json")))
    first_half = ids_in(sorted(p for p in (gold / "heldout").glob("h*.json") if int(p.name[1:3]) <= 15))
    excluded = resolution | real | first_half
    excluded |= audit_ids(files, [real_names, resolution, resolution | real])
    names, group, opening = [], {}, {}
    for path in files:
        if path.stem in excluded:
            continue
        data = json.loads(path.read_text(encoding="utf-8"))
        text = data.get("text") or ""
        if WORD_RE.search(text[:SPAN]):
            names.append(path.name)
            group[path.name] = data["newsCluster"]["EventId"]
            opening[path.name] = text.strip()[:200]
    random.Random(SEED).shuffle(names)
    chosen: list[str] = []
    for name in names:
        same_group = sum(group[c] == group[name] for c in chosen)
        if same_group < PER_GROUP and all(opening[c] != opening[name] for c in chosen):
            chosen.append(name)
        if len(chosen) == COUNT:
            break
    return chosen


if __name__ == "__main__":
    repo = Path(__file__).resolve().parents[3]
    shared = Path(sys.argv[1]) if len(sys.argv) > 1 else repo.parent / "shared"
    for i, name in enumerate(choose(shared / "bench" / "story-clustering" / "data", repo / "tests" / "gold"), 16):
        print(f"h{i} {name}")
