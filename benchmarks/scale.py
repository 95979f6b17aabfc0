"""Resolution at scale: one store grown to 1k, 10k and 100k generated reports (see `synthetic.py`).

At each size it prints the store rate (documents/s, writing plus resolution), the resolution time per new document
(CPU time, mean and p95 over the last 500 documents before that size), `profile` latency p50/p95 over a mix of the most
reported and random identities, and peak RSS. Targets (issue 5): resolution time per document at 100k within 2x of
that at 1k; profile p95 < 200 ms at 100k. `NEWSINTEL_SCALE_SIZES=1000,10000` runs smaller sizes.

The growth figures above are taken minutes apart, and a shared machine's load changes in between, so the ratio is
also measured side by side: the same held-out reports are resolved, in alternating blocks, against this store and
against a copy kept at the first size, each block inside a transaction that is rolled back.
"""

from __future__ import annotations

import json
import os
import random
import resource
import sqlite3
import statistics
import tempfile
import time
from collections import Counter
from pathlib import Path

import newsintel.store.writer as writer
from benchmarks.synthetic import Generator
from newsintel.store import connect, save_record
from newsintel.views.profile import build_profile

SIZES = [int(s) for s in os.environ.get("NEWSINTEL_SCALE_SIZES", "1000,10000,100000").split(",")]
WINDOW = 500
PROBE_BLOCKS, PROBE_BLOCK = 8, 25  # held-out reports resolved side by side against the first-size copy
PROBE_SEED = 20261206  # the probes' report stream; the store's reports come from the generator's default seed


def _percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(q * len(ordered)))]


def _profile_latencies(conn, rng: random.Random, samples: int = 40) -> list[float]:
    top = conn.execute("SELECT * FROM identities WHERE kind != 'place' ORDER BY documents DESC LIMIT 10").fetchall()
    count = conn.execute("SELECT count(*) FROM identities").fetchone()[0]
    picks = list(top)
    while len(picks) < samples:
        row = conn.execute("SELECT * FROM identities WHERE rowid = ?", (rng.randint(1, count),)).fetchone()
        if row is not None and row["kind"] != "place":
            picks.append(row)
    out = []
    for identity in picks:
        started = time.perf_counter()
        build_profile(conn, identity)
        out.append((time.perf_counter() - started) * 1000)
    return out


def _truth_store(path: Path) -> sqlite3.Connection:
    """Which generated person each person entity names: kept in its own file, outside the measured store."""
    truth = sqlite3.connect(path)
    truth.execute("PRAGMA synchronous = OFF")
    truth.execute("CREATE TABLE truth (entity_id TEXT PRIMARY KEY, person INTEGER NOT NULL)")
    return truth


def _quality(conn: sqlite3.Connection, truth_path: Path) -> dict:
    """B³ (Bagga & Baldwin 1998) of the identities given to person entities, against the generator's truth.

    Lone surnames are in the truth too, and the resolver rightly leaves most of them alone when several people
    share the surname, so recall here has a ceiling well under 1."""
    conn.execute("ATTACH DATABASE ? AS truth", (str(truth_path),))
    try:
        cells = conn.execute("SELECT l.identity_id, t.person, count(*) FROM truth.truth t"
                             " JOIN entity_links l ON l.entity_id = t.entity_id GROUP BY 1, 2").fetchall()
    finally:
        conn.execute("DETACH DATABASE truth")
    by_identity: Counter[str] = Counter()
    by_person: Counter[int] = Counter()
    for identity, person, n in cells:
        by_identity[identity] += n
        by_person[person] += n
    total = sum(by_identity.values()) or 1
    p = sum(n * n / by_identity[identity] for identity, _, n in cells) / total
    r = sum(n * n / by_person[person] for _, person, n in cells) / total
    return {"truth_entities": total, "b3_p": round(p, 3), "b3_r": round(r, 3),
            "b3_f1": round(2 * p * r / (p + r), 3) if p + r else 0.0}


def _probe(conn, records, resolve) -> list[float]:
    """CPU seconds of resolving each record against the store as it is; rolled back, so the store is unchanged."""
    out = []
    conn.execute("BEGIN IMMEDIATE")
    try:
        for record in records:
            writer._insert(conn, record, "probe")
            started = time.process_time()
            resolve(conn, record.document.id)
            out.append(time.process_time() - started)
    finally:
        conn.execute("ROLLBACK")
    return out


def _side_by_side(conn, reference, records, resolve) -> tuple[float, float]:
    """Mean resolution CPU ms per document against (this store, the reference store), blocks alternating."""
    here: list[float] = []
    there: list[float] = []
    for i in range(0, len(records), PROBE_BLOCK):
        block = records[i:i + PROBE_BLOCK]
        here += _probe(conn, block, resolve)
        there += _probe(reference, block, resolve)
    return statistics.mean(here) * 1000, statistics.mean(there) * 1000


def main() -> dict:
    timings: list[float] = []  # CPU seconds of resolution per document: steady on a busy machine, unlike wall time
    original = writer.resolve_document

    def timed(conn, doc_id):
        started = time.process_time()
        original(conn, doc_id)
        timings.append(time.process_time() - started)

    writer.resolve_document = timed
    results = []
    print("\n## Resolution at scale (generated reports; NLP bypassed, see benchmarks/synthetic.py)")
    print(f"{'documents':>10} {'docs/s':>8} {'resolve CPU ms':>15} {'p95':>7} {'profile p50 ms':>15} {'p95':>7}"
          f" {'identities':>11} {'peak RSS MB':>12}")
    try:
        with tempfile.TemporaryDirectory() as tmp:
            conn = connect(Path(tmp) / "scale.db")
            generator = Generator(people=max(SIZES) // 2)
            # same people, another stream of reports: the store has never seen these texts
            probes = Generator(people=max(SIZES) // 2, reports_seed=PROBE_SEED)
            held_out = list(probes.records(10**9, 10**9 + PROBE_BLOCKS * PROBE_BLOCK))
            reference = None
            truth = _truth_store(Path(tmp) / "truth.db")
            rng = random.Random(3)
            done = 0
            for size in SIZES:
                elapsed = 0.0
                for record in generator.records(done, size):
                    started = time.perf_counter()
                    save_record(conn, record)
                    elapsed += time.perf_counter() - started
                    truth.executemany("INSERT INTO truth VALUES (?, ?)", generator.last_truth.items())
                truth.commit()
                rate = (size - done) / elapsed
                done = size
                window = timings[-WINDOW:]
                latencies = _profile_latencies(conn, rng)
                row = {"documents": size, "docs_per_s": round(rate, 1),
                       "resolve_ms_mean": round(statistics.mean(window) * 1000, 2),
                       "resolve_ms_p95": round(_percentile(window, 0.95) * 1000, 2),
                       "profile_ms_p50": round(_percentile(latencies, 0.5), 1),
                       "profile_ms_p95": round(_percentile(latencies, 0.95), 1),
                       "identities": conn.execute("SELECT count(*) FROM identities").fetchone()[0],
                       "peak_rss_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024)}
                row.update(_quality(conn, Path(tmp) / "truth.db"))
                if reference is None:  # keep the first size for side-by-side measurement
                    reference = connect(Path(tmp) / "reference.db")
                    conn.backup(reference)
                else:
                    here, there = _side_by_side(conn, reference, held_out, original)
                    row.update(side_by_side_ms=round(here, 2), reference_ms=round(there, 2),
                               side_by_side_ratio=round(here / there, 2))
                results.append(row)
                print(f"{size:>10} {row['docs_per_s']:>8} {row['resolve_ms_mean']:>15} {row['resolve_ms_p95']:>7}"
                      f" {row['profile_ms_p50']:>15} {row['profile_ms_p95']:>7} {row['identities']:>11}"
                      f" {row['peak_rss_mb']:>12}", flush=True)
                print(f"{'':>10} people resolved, B3 over {row['truth_entities']:,} person entities against the"
                      f" generator's truth: P {row['b3_p']} R {row['b3_r']} F1 {row['b3_f1']}", flush=True)
                if "side_by_side_ratio" in row:
                    print(f"{'':>10} side by side, {len(held_out)} held-out reports in alternating blocks:"
                          f" {row['side_by_side_ms']} ms/doc here vs {row['reference_ms']} ms/doc at"
                          f" {SIZES[0]:,} = {row['side_by_side_ratio']}x", flush=True)
            conn.close()
            truth.close()
            if reference is not None:
                reference.close()
    finally:
        writer.resolve_document = original
    if len(results) > 1:
        last, first = results[-1], results[0]
        ratio = last["resolve_ms_mean"] / first["resolve_ms_mean"]
        print(f"resolution time per document at {last['documents']:,} / at {first['documents']:,}: while growing"
              f" {ratio:.2f}x, side by side {last['side_by_side_ratio']:.2f}x (target <= 2x);"
              f" profile p95 at {last['documents']:,}: {last['profile_ms_p95']} ms (target < 200 ms)")
    Path("build").mkdir(exist_ok=True)
    Path("build/bench-scale.json").write_text(json.dumps(results, indent=2), encoding="utf-8")
    return {"scale": results}


if __name__ == "__main__":
    main()
