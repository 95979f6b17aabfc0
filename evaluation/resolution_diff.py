"""Developer diff of cross-document resolution against the gold: aggregate error categories, then (on request)
each gold identity split over several predicted identities and each predicted identity joining several gold ones.
For diagnosis only (not used by tests or `make eval`).

    python -m evaluation.resolution_diff               # categories of lost recall and precision
    python -m evaluation.resolution_diff --show        # also the split and merged clusters, with their mentions
    python -m evaluation.resolution_diff --real --show
    python -m evaluation.resolution_diff --dev --show  # the real dev half (never the frozen held-out half)

Categories per gold mention (first that applies): ``not found`` (no stored person, organisation or place mention
overlaps it), ``typed <TYPE>`` (found, but stored with a type resolution does not link: NORP, DATE...),
``alone`` (found and linked, but its predicted identity holds no other mention of its gold identity although the
gold identity has others), ``split`` (its predicted identity holds only part of its gold identity), ``ok``.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from collections import Counter, defaultdict
from pathlib import Path

from evaluation.resolution import REAL_DEV, SHARED_PREFIX, GoldMention, Key, b_cubed, load_gold, origin_file


def _predict(mentions: list[GoldMention]) -> dict[Key, tuple[str | None, str, str, str]]:
    """Every stored mention of the gold documents: (identity or None, entity id, entity type, entity name)."""
    from newsintel.batch import ingest
    from newsintel.pipeline import Processor
    from newsintel.store import connect

    paths = sorted({origin_file(m.doc) for m in mentions})
    with tempfile.TemporaryDirectory() as tmp:
        conn = connect(Path(tmp) / "diff.db")
        with Processor(workers=1) as processor:
            ingest(paths, conn, processor)
        rows = conn.execute(
            "SELECT d.origin, m.start, m.end, l.identity_id, e.id, e.type, e.name FROM mentions m"
            " JOIN documents d ON d.id = m.document_id JOIN entities e ON e.id = m.entity_id"
            " LEFT JOIN entity_links l ON l.entity_id = m.entity_id").fetchall()
        conn.close()
    return {(r[0], r[1], r[2]): (r[3], r[4], r[5], r[6]) for r in rows}


def _overlap(key: Key, pred: dict[str, list[Key]]) -> Key | None:
    doc, start, end = key
    best = max(pred.get(doc, ()), default=None, key=lambda k: min(end, k[2]) - max(start, k[1]))
    return best if best is not None and min(end, best[2]) > max(start, best[1]) else None


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--show", action="store_true", help="print split and merged clusters")
    parser.add_argument("--real", action="store_true", help="only the real articles")
    parser.add_argument("--dev", action="store_true", help="the real dev half (real_dev.jsonl) instead")
    parser.add_argument("--missed", action="store_true", help="print each gold mention not found or mistyped")
    args = parser.parse_args(argv)
    mentions = load_gold(REAL_DEV) if args.dev else load_gold()
    predicted = _predict(mentions)
    if args.real:
        mentions = [m for m in mentions if m.doc.startswith(SHARED_PREFIX)]
    by_doc: dict[str, list[Key]] = defaultdict(list)
    for key in predicted:
        by_doc[key[0]].append(key)
    linked = {"PERSON", "ORG", "GPE", "LOC", "FAC"}
    cluster: dict[Key, str] = {}
    info: dict[Key, tuple[str, str]] = {}
    categories: Counter[str] = Counter()
    missed: list[str] = []
    for m in mentions:
        hit = _overlap(m.key, by_doc)
        if hit is None:
            categories["not found"] += 1
            missed.append(f"  not found  {m.text!r} ({m.identity}) @{Path(m.doc).name[:12]}:{m.start}")
            continue
        identity, entity, type_, name = predicted[hit]
        info[m.key] = (type_, name)
        if type_ not in linked:
            categories[f"typed {type_}"] += 1
            missed.append(f"  typed {type_:<5} {m.text!r} ({m.identity}) @{Path(m.doc).name[:12]}:{m.start}")
            continue
        cluster[m.key] = identity or entity
    gold = {m.key: m.identity for m in mentions}
    members: dict[str, set[Key]] = defaultdict(set)
    for key, c in cluster.items():
        members[c].add(key)
    gold_members: dict[str, set[Key]] = defaultdict(set)
    for m in mentions:
        gold_members[m.identity].add(m.key)
    for m in mentions:
        if m.key not in cluster:
            continue
        same = {k for k in members[cluster[m.key]] if gold[k] == m.identity}
        if len(gold_members[m.identity]) == 1 or same == gold_members[m.identity]:
            categories["ok"] += 1
        elif len(same) == 1:
            categories["alone"] += 1
        else:
            categories["split"] += 1
    lost: Counter[str] = Counter()
    for m in mentions:
        c = cluster.get(m.key)
        same = sum(1 for k in members[c] if gold[k] == m.identity) if c else 1
        lost[m.identity] += 1 - same / len(gold_members[m.identity])
    wrong = sum(1 for m in mentions if m.key in cluster
                and any(gold[k] != m.identity for k in members[cluster[m.key]]))
    p, r, f = b_cubed(gold, cluster)
    print(f"B³ P {p:.3f} R {r:.3f} F1 {f:.3f} over {len(mentions)} gold mentions")
    print("Recall categories per gold mention:")
    for name, count in categories.most_common():
        print(f"  {name:<22} {count}")
    print(f"Precision: {wrong} gold mentions share a predicted identity with another gold identity")
    print("Recall lost per gold identity (sum over its mentions of 1 - B³ recall; of " f"{len(mentions)}):")
    for identity, value in lost.most_common(25):
        if value > 0:
            print(f"  {identity:<40} {value:6.1f}  ({len(gold_members[identity])} mentions)")
    if args.missed:
        print("\n== gold mentions not found or typed so that resolution does not link them")
        print("\n".join(missed))
    if not args.show:
        return
    print("\n== gold identities split over several predicted identities (mention text, type, [cluster])")
    for identity, keys in sorted(gold_members.items()):
        parts: dict[str, list[str]] = defaultdict(list)
        for key in sorted(keys):
            c = cluster.get(key)
            label = f"{Path(key[0]).name[:28]}:{key[1]}"
            text = next(m.text for m in mentions if m.key == key)
            typed = info.get(key, ("-", ""))[0]
            parts[c or f"<{typed}>"].append(f"{text!r}/{typed}@{label}")
        if len(parts) > 1:
            print(f"-- {identity}")
            for c, items in parts.items():
                print(f"   [{c[:10]}] " + "; ".join(items))
    print("\n== predicted identities joining several gold identities")
    for c, keys in sorted(members.items()):
        ids = Counter(gold[k] for k in keys)
        if len(ids) > 1:
            texts = defaultdict(list)
            for k in sorted(keys):
                texts[gold[k]].append(f"{next(m.text for m in mentions if m.key == k)!r}@"
                                      f"{Path(k[0]).name[:28]}:{k[1]}")
            print(f"-- [{c[:10]}] " + " | ".join(f"{i} ({n}): " + "; ".join(texts[i]) for i, n in ids.items()))


if __name__ == "__main__":
    main(sys.argv[1:])
