"""Selection of the general development articles r13-r36 (evening session 2026-12-06), reproducible.

Run: ``.venv/bin/python tests/gold/real/select_dev.py`` from the repository root; prints ``rNN <bucket> <path>``.

Rule: articles of ``../shared/bench/story-clustering/data`` (its ``training`` split only; the ``test`` split is
what ``evaluation/stories.py`` scores) and of ``../shared/bench/5w1h/data``, never one the held-out selection
scripts (``tests/gold/heldout/select_*.py``, run as programs, their output only) picked, never one of a story
cluster (story-clustering ``EventId``, 5W1H ``category``) a held-out article belongs to, and none of r01-r12's
articles or stories (consulate attack, Seattle shooting, tram, Clinton cleared). Articles of 120-700 words.
Every story cluster below is assigned by hand to one news bucket; per bucket, with ``random.Random(SEED)``,
clusters are shuffled and articles drawn round-robin over them (at most two per cluster) until the quota is met.
"""

from __future__ import annotations

import json
import random
import subprocess
import sys
from pathlib import Path

SEED = 20261206
MIN_WORDS, MAX_WORDS, PER_CLUSTER = 120, 700, 2
ROOT = Path(__file__).resolve().parents[3]
BENCH = ROOT.parent / "shared" / "bench"
QUOTAS = {"politics": 6, "crime": 4, "conflict": 4, "accident": 4, "business": 3, "sport_ent": 3}
# story clusters by bucket: story-clustering EventId (int) or 5W1H category (str)
BUCKETS: dict[str, list[int | str]] = {
    "politics": [3, 19, 34, "clinton clear"],
    "crime": [8, 20, 22, 69],
    "conflict": [64, 66, 68, 70, 71],
    "accident": [4, 6, 35, 77],
    "business": [5, 18, 23, 24, "toberone-gate"],
    "sport_ent": [12, 13, 14, 30, 41, 43, 44],
}
DEV_STORIES = {"tram victims"}  # besides the stories of r01-r12 themselves (read from their source files)


def heldout_files() -> set[str]:
    """File names the held-out selection scripts print (the scripts are run, the held-out folder is not read)."""
    names: set[str] = set()
    for script in ("select_5w1h.py", "select_story_clustering.py"):
        out = subprocess.run([sys.executable, str(ROOT / "tests/gold/heldout" / script)], cwd=ROOT,
                             capture_output=True, text=True, check=True).stdout
        names |= {w for w in out.split() if w.endswith(".json")}
    return names


def candidates() -> dict[int | str, list[str]]:
    """Eligible article paths (``../shared/...``) per story cluster."""
    held = heldout_files()
    sc = {p.name: json.loads(p.read_text(encoding="utf-8"))
          for p in sorted((BENCH / "story-clustering/data").glob("*.json"))}
    w5 = {p.name: json.loads(p.read_text(encoding="utf-8")) for p in sorted((BENCH / "5w1h/data").glob("*.json"))}
    bad_events = {sc[f]["newsCluster"]["EventId"] for f in held if f in sc}
    dev = {json.loads(p.read_text(encoding="utf-8"))["source"]["path"].rsplit("/", 1)[-1]
           for p in sorted(Path(__file__).parent.glob("r[0-9][0-9]_*.json")) if int(p.name[1:3]) <= 12}
    held |= dev
    bad_cats = {w5[f].get("category") for f in held if f in w5} | DEV_STORIES
    # a 5W1H story with a copy in story-clustering excludes that cluster too, and the other way round
    bad_events |= {sc[f]["newsCluster"]["EventId"] for f in set(sc) & set(w5) if w5[f].get("category") in bad_cats}
    bad_cats |= {w5[f].get("category") for f in set(sc) & set(w5) if sc[f]["newsCluster"]["EventId"] in bad_events}
    train = set(json.loads((BENCH / "story-clustering/sampling.json").read_text(encoding="utf-8"))["training"])
    out: dict[int | str, list[str]] = {}
    for name, d in sc.items():
        ev = d["newsCluster"]["EventId"]
        size_ok = MIN_WORDS <= len(d["text"].split()) <= MAX_WORDS
        if name in train and name not in held and ev not in bad_events and size_ok:
            out.setdefault(ev, []).append(f"../shared/bench/story-clustering/data/{name}")
    for name, d in w5.items():
        cat = d.get("category")
        if cat and name not in held and name not in sc and cat not in bad_cats \
                and MIN_WORDS <= len(d["text"].split()) <= MAX_WORDS:
            out.setdefault(cat, []).append(f"../shared/bench/5w1h/data/{name}")
    return out


def select() -> list[tuple[str, str]]:
    rng = random.Random(SEED)
    pool = candidates()
    chosen: list[tuple[str, str]] = []
    for bucket, quota in QUOTAS.items():
        clusters = [c for c in BUCKETS[bucket] if pool.get(c)]
        rng.shuffle(clusters)
        queues = {c: rng.sample(pool[c], len(pool[c]))[:PER_CLUSTER] for c in clusters}
        picked: list[str] = []
        while len(picked) < quota and any(queues.values()):
            for c in clusters:
                if queues[c] and len(picked) < quota:
                    picked.append(queues[c].pop(0))
        chosen += [(bucket, p) for p in picked]
    return chosen


if __name__ == "__main__":
    for i, (bucket, path) in enumerate(select(), start=13):
        print(f"r{i:02d} {bucket} {path}")
