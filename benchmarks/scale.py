"""Resolution at scale: one store grown to 1k, 10k and 100k generated reports (see `synthetic.py`).

At each size it prints the store rate (documents/s, writing plus resolution), the resolution time per new document
(CPU time, mean and p95 over the last 500 documents before that size), `profile` latency p50/p95 over a mix of the most
reported and random identities, and peak RSS. Targets (issue 5): resolution time per document at 100k within 2x of
that at 1k; profile p95 < 200 ms at 100k. `NEWSINTEL_SCALE_SIZES=1000,10000` runs smaller sizes.
"""

from __future__ import annotations

import json
import os
import random
import resource
import statistics
import tempfile
import time
from pathlib import Path

import newsintel.store.writer as writer
from benchmarks.synthetic import Generator
from newsintel.store import connect, save_record
from newsintel.views.profile import build_profile

SIZES = [int(s) for s in os.environ.get("NEWSINTEL_SCALE_SIZES", "1000,10000,100000").split(",")]
WINDOW = 500


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
            rng = random.Random(3)
            done = 0
            for size in SIZES:
                started = time.perf_counter()
                for record in generator.records(done, size):
                    save_record(conn, record)
                elapsed = time.perf_counter() - started
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
                results.append(row)
                print(f"{size:>10} {row['docs_per_s']:>8} {row['resolve_ms_mean']:>15} {row['resolve_ms_p95']:>7}"
                      f" {row['profile_ms_p50']:>15} {row['profile_ms_p95']:>7} {row['identities']:>11}"
                      f" {row['peak_rss_mb']:>12}", flush=True)
            conn.close()
    finally:
        writer.resolve_document = original
    if len(results) > 1:
        ratio = results[-1]["resolve_ms_mean"] / results[0]["resolve_ms_mean"]
        print(f"resolution time per document at {results[-1]['documents']:,} / at {results[0]['documents']:,}:"
              f" {ratio:.2f}x (target <= 2x); profile p95 at {results[-1]['documents']:,}:"
              f" {results[-1]['profile_ms_p95']} ms (target < 200 ms)")
    Path("build").mkdir(exist_ok=True)
    Path("build/bench-scale.json").write_text(json.dumps(results, indent=2), encoding="utf-8")
    return {"scale": results}


if __name__ == "__main__":
    main()
