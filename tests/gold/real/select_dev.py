"""Selection of the general development articles r13-r36 (evening session 2026-12-06), reproducible.

Run: ``.venv/bin/python tests/gold/real/select_dev.py`` from the repository root; prints ``rNN <bucket> <path>``.

Rule: articles of ``../shared/bench/story-clustering/data`` (its ``training`` split only; the ``test`` split is
what ``evaluation/stories.py`` scores) and of ``../shared/bench/5w1h/data``, never one the held-out selection
scripts (``tests/gold/heldout/select_*.py``, run as programs, their output only; kept below) picked, never
one of a story cluster (story-clustering ``EventId``, 5W1H ``category``) a held-out article belongs to, and none of
r01-r12's articles or stories (consulate attack, Seattle shooting, tram, Clinton cleared). Articles of 120-700 words.
Every story cluster below is assigned by hand to one news bucket; per bucket, with ``random.Random(SEED)``,
clusters are shuffled and articles drawn round-robin over them (at most two per cluster) until the quota is met.

Second stage, added after a first draw had picked three articles of the entity-resolution held-out story groups
(``tests/gold/resolution/README.md`` lists them; the frozen files are not read): a pick of one of those groups
(``RESOLUTION_HELDOUT_EVENTS``) is replaced, in order, by an article drawn with ``random.Random(SEED + 1)`` from
the same bucket's other eligible articles (the two-per-cluster limit kept).
"""

from __future__ import annotations

import json
import random
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
# story groups of tests/gold/resolution/real_heldout.jsonl, from the public table of that folder's README.md
RESOLUTION_HELDOUT_EVENTS = {5, 13, 14, 24, 35, 52, 59, 62}
DEV_STORIES = {"tram victims"}  # besides the stories of r01-r12 themselves (read from their source files)


# What the held-out selection scripts (tests/gold/heldout/select_5w1h.py, select_story_clustering.py) printed when
# run as programs at 15:51 UTC on 2026-12-06, before r13-r36 existed (the held-out folder itself is not read). The
# story-clustering script's draw depends on the dev gold present, so running it again now prints another list:
# these constants keep this selection reproducible.
HELDOUT_5W1H = frozenset(f"{d}.json" for d in (
    "97da54fcf8b32ec38ce6b48b05ecb3a959319da47f3e934f35657546",
    "1e582ad25294607005ccb6d7abe2806c90b39eec91baeb1082072c81",
    "8c28a3d0e8758e8694a1454ce4421d79cbd953bd7a51e9157c83b6bd",
    "1667b720a919a4cd7904557320d4f7572f2c55bdfb26cd0bf7946a5a",
    "e1e4eaed9a50cb09878bd2740ae8aefcfdd3e9dfd485b197619f8716",
    "ba38e52fb1cb4d5008d3c8f16d3c3f405fd86e63272246f9d3dfea6f",
    "883e31031f9266f4e6a62aceb8807e8fd447306d20850d9f417238cb",
    "189af426dcbdb42921a716cf136f75554e4befad28c088f3d930b6c4",
    "6743f0f01f2f28e2994e3e566102476df382b6bf8a676b7531dfb368",
    "e38562d1610245f71913a283779c24d3ce55007e9022bc5240459e2c",
    "6bbfe02d07023f3952efb7f1061ea0259694c9e44285d16a07fbb206",
    "36ed35f8c78eda121afe93cbe867946d07b7e59278d2a125a23ec1bd",
    "83c0cf4e59d1b03e8ce0b8a0c5ad37a8e4e183cb950de461db3391b6",
    "2f066d10237b0b78e684f593c83797e313ba4364ec984395373c9a9c",
    "dc32a2c6d5ca11c5e6b73e43e3a5d327b28b4ee1ef2ac9cda7c0635f",
))
HELDOUT_STORY_CLUSTERING = frozenset(f"{d}.json" for d in (
    "dd06e8a0cdc32a4f4d1c87425c90148c5f278a519fe381f07561f9ea",
    "79855f6156d1bf7032168cdda0990269b097aec9bcc57c3895dcf10e",
    "e9b4065e969efabac4f6d7ddba478fbbe4ae14a46b58e7b9e66313e8",
    "8c9b29cd27637c7db20792acbcb554139e9f91c9ae7f8c0ae0671c5c",
    "e8f99dba78d92238a950e1546491354e98b58b369741d67e74f5cf00",
    "51bd183bdd5c2ea99cdc5f0dfe49feb816b0185371c8f30842549c33",
    "a24d26ed3e10f886bf718acdc97edd838808a2891d102f2891be2ed4",
    "409a3093cee20b5071b7396b5721433a80c0dd6af60fa8eed80a72b5",
    "047dcb1a6c7d4047eed066daf288e66f955e20920b8fc040143c9188",
    "a84cfd5b897f965ae9d3373a2c9482caec42f998b87a575763e61670",
    "3a4da57f7b53d48b94b8fe7f096dee9348003d68f8874865e5a2b55a",
    "0302058689a7d4ed34fcc2e78c4addbcf35932b4df5d16c44869da0d",
    "872c4e597a458ce076ff1015bde681872726b55d82d9388b18afeb3e",
    "9287df2a03193755b45c21eaf4ea823235dd72fe66478d5c16d01611",
    "399df6571de4ed3df334ed412ff7814442e2b2eac850d0e9aff29d49",
))


def heldout_files() -> set[str]:
    """File names of the held-out articles (h01-h15 from 5W1H, h16-h30 from story-clustering)."""
    return set(HELDOUT_5W1H | HELDOUT_STORY_CLUSTERING)


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


def first_draw(pool: dict[int | str, list[str]]) -> list[tuple[str, int | str, str]]:
    """(bucket, cluster, path) per pick of the first stage."""
    rng = random.Random(SEED)
    chosen: list[tuple[str, int | str, str]] = []
    for bucket, quota in QUOTAS.items():
        clusters = [c for c in BUCKETS[bucket] if pool.get(c)]
        rng.shuffle(clusters)
        queues = {c: rng.sample(pool[c], len(pool[c]))[:PER_CLUSTER] for c in clusters}
        picked: list[tuple[int | str, str]] = []
        while len(picked) < quota and any(queues.values()):
            for c in clusters:
                if queues[c] and len(picked) < quota:
                    picked.append((c, queues[c].pop(0)))
        chosen += [(bucket, c, p) for c, p in picked]
    return chosen


def select() -> list[tuple[str, str]]:
    pool = candidates()
    chosen = first_draw(pool)
    rng = random.Random(SEED + 1)
    for i, (bucket, cluster, _) in enumerate(chosen):
        if cluster not in RESOLUTION_HELDOUT_EVENTS:
            continue
        taken = {p for _, _, p in chosen}
        per_cluster = {c: sum(1 for _, c2, _ in chosen if c2 == c) for c in BUCKETS[bucket]}
        options = sorted(((c, p) for c in BUCKETS[bucket] if c not in RESOLUTION_HELDOUT_EVENTS
                         and per_cluster[c] < PER_CLUSTER for p in pool.get(c, []) if p not in taken), key=str)
        c, p = rng.choice(options)
        chosen[i] = (bucket, c, p)
    return [(bucket, p) for bucket, _, p in chosen]


if __name__ == "__main__":
    for i, (bucket, path) in enumerate(select(), start=13):
        print(f"r{i:02d} {bucket} {path}")
