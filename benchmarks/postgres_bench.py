"""PostgreSQL against SQLite on the same corpus, in one run: ingest throughput, two concurrent ingests, the store's
own cost per document (the write transaction every writer takes in turn), and `newsintel copy`.

    python -m benchmarks.postgres_bench [--docs N] [--workers W]

Corpus: the first N JSON articles of ../shared/bench/5w1h/data (by file name); only speed is measured, nothing of
their content is printed. The PostgreSQL
server is a throwaway one started from this machine's binaries (`tools/local_postgres.py`), with fsync on
(`durable`), as a real server runs; SQLite runs as newsintel opens it (WAL, synchronous NORMAL).

Rows: whole `newsintel ingest` processes (start-up and model load included) into a new SQLite file and a new
PostgreSQL database; two processes at once, each on half of the corpus (every other article), into one store of
each kind; then one process on one core storing already-annotated records, which times `save_record` alone:
its mean is how long each writer holds the store's write lock, which bounds how many concurrent ingests gain.
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
import tempfile
import time
import uuid
from pathlib import Path
from typing import Any

from benchmarks.shared import ROOT, bench_dir


def corpus(n: int) -> list[Path]:
    paths = sorted((bench_dir("5w1h") / "data").glob("*.json"))
    return [p for p in paths if p.exists()][:n]


def new_database(server_url: str) -> str:
    import psycopg

    name = "b" + uuid.uuid4().hex[:12]
    with psycopg.connect(server_url, autocommit=True) as admin:
        admin.execute(f"CREATE DATABASE {name}")
    return server_url.rsplit("/", 1)[0] + "/" + name


def ingest(db: str, files: list[Path], workers: int) -> subprocess.Popen:
    cmd = [sys.executable, "-m", "newsintel", "ingest", "--quiet", "--workers", str(workers), "--db", db,
           *map(str, files)]
    return subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, cwd=ROOT)


def timed(*procs: subprocess.Popen) -> float:
    started = time.perf_counter()
    for proc in procs:
        _, err = proc.communicate()
        if proc.returncode not in (0, 1):  # 1: some inputs failed (counted below), not the run
            raise RuntimeError(err[-2000:])
    return time.perf_counter() - started


def documents(db: str) -> int:
    from newsintel.store import connect

    conn = connect(db)
    try:
        return int(conn.execute("SELECT count(*) FROM documents").fetchone()[0])
    finally:
        conn.close()


def store_cost(files: list[Path], targets: dict[str, str]) -> dict[str, dict[str, float]]:
    """Milliseconds per `save_record` (mean, p50, p95), records annotated once beforehand, one process."""
    from newsintel.annotate import annotate
    from newsintel.batch import list_inputs
    from newsintel.clean import clean
    from newsintel.ingest import read_path
    from newsintel.model import RawDocument
    from newsintel.store import connect, save_record

    found, _ = list_inputs([str(f) for f in files])
    raws = [item for f in found for item in read_path(f) if isinstance(item, RawDocument)]
    records = list(annotate([clean(r) for r in raws]))
    out = {}
    for name, db in targets.items():
        conn = connect(db)
        times = []
        for record in records:
            t0 = time.perf_counter()
            save_record(conn, record, record.document.raw_hash)
            times.append((time.perf_counter() - t0) * 1000)
        conn.close()
        times.sort()
        out[name] = {"mean": statistics.fmean(times), "p50": times[len(times) // 2],
                     "p95": times[min(len(times) - 1, int(len(times) * 0.95))]}
    return out


def main(argv: list[str] | None = None) -> dict[str, Any]:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.postgres_bench")
    parser.add_argument("--docs", type=int, default=40)
    parser.add_argument("--workers", type=int, default=1, help="worker processes per ingest (default 1)")
    args = parser.parse_args(argv)
    sys.path.insert(0, str(ROOT))
    from tools.local_postgres import LocalPostgres

    files = corpus(args.docs)
    if not files:
        print("benchmark data not found (../shared/bench)")
        return {}
    first, second = files[0::2], files[1::2]
    rows: dict[str, Any] = {}
    with LocalPostgres(durable=True) as server, tempfile.TemporaryDirectory() as tmp:
        stores = {"sqlite": lambda name: str(Path(tmp) / f"{name}.db"),
                  "postgresql": lambda name: new_database(server.url)}
        for backend, make in stores.items():
            db = make("one")
            rows[f"{backend}, one ingest"] = (timed(ingest(db, files, args.workers)), documents(db))
            db = make("two")
            rows[f"{backend}, two at once"] = (timed(ingest(db, first, args.workers), ingest(db, second,
                                                                                             args.workers)),
                                               documents(db))
        cost = store_cost(files, {backend: make("cost") for backend, make in stores.items()})
        source = str(Path(tmp) / "one.db")
        t0 = time.perf_counter()
        copied = subprocess.run([sys.executable, "-m", "newsintel", "copy", "--from", source, "--to",
                                 new_database(server.url)], capture_output=True, text=True, cwd=ROOT)
        copy_seconds = time.perf_counter() - t0
    print(f"PostgreSQL vs SQLite: {len(files)} real articles, {args.workers} worker(s) per ingest, whole processes")
    print(f"{'run':28} {'docs':>5} {'seconds':>8} {'docs/s':>7}")
    for name, (seconds, docs) in rows.items():
        print(f"{name:28} {docs:5d} {seconds:8.1f} {docs / seconds:7.2f}")
    one = {b: rows[f"{b}, one ingest"] for b in stores}
    ratio = (one["postgresql"][1] / one["postgresql"][0]) / (one["sqlite"][1] / one["sqlite"][0])
    print(f"ratio PostgreSQL/SQLite, one ingest (docs/s): {ratio:.2f}  (target: >= 0.90)")
    print("save_record alone, one process (ms per document; the write lock is held this long):")
    for backend, figures in cost.items():
        print(f"  {backend:10} mean {figures['mean']:6.1f}  p50 {figures['p50']:6.1f}  p95 {figures['p95']:6.1f}")
    print(f"copy SQLite -> PostgreSQL (whole process): {copy_seconds:.1f}s  {copied.stdout.strip()}")
    result = {"rows": rows, "store_ms": cost, "ratio": ratio, "copy_seconds": copy_seconds}
    print(json.dumps({k: v for k, v in result.items() if k != "rows"}))
    return result


if __name__ == "__main__":
    main()
