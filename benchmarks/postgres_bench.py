"""PostgreSQL against SQLite on the same corpus, in one run: ingest throughput, two concurrent ingests, the store's
own cost per document (the write transaction every writer takes in turn), and `newsintel copy`.

    python -m benchmarks.postgres_bench [--docs N] [--workers W] [--profile-docs M] [--only store|profile]

Corpus: the first N JSON articles of ../shared/bench/5w1h/data (by file name); only speed is measured, nothing of
their content is printed. The PostgreSQL
server is a throwaway one started from this machine's binaries (`tools/local_postgres.py`), with fsync on
(`durable`), as a real server runs; SQLite runs as newsintel opens it (WAL, synchronous NORMAL).

Rows: whole `newsintel ingest` processes (start-up and model load included) into a new SQLite file and a new
PostgreSQL database; two processes at once, each on half of the corpus (every other article), into one store of
each kind; then one process on one core storing already-annotated records, which times `save_record` alone:
its mean is how long each writer holds the store's write lock, which bounds how many concurrent ingests gain, with the
statements each document costs (SQLite: statements run; PostgreSQL: statements the server runs, and the calls
the client makes: an `executemany` is one call, its rows pipelined).

`profile` latency at size: M generated reports (`synthetic.py`, the scale benchmark's generator, NLP bypassed)
stored in SQLite, copied to PostgreSQL with `newsintel copy`, then `build_profile` p50/p95 on both stores for the
same identities (the 10 most reported people and groups and 30 drawn at random), read on a fresh read-only
connection as `newsintel profile` opens it: a first pass after the store is built, then a second (warm caches).
"""

from __future__ import annotations

import argparse
import json
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
import uuid
from contextlib import closing
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
        count = StatementCount()
        restore = count.sqlite(conn) if name == "sqlite" else count.psycopg()
        times = []
        try:
            for record in records:
                t0 = time.perf_counter()
                save_record(conn, record, record.document.raw_hash)
                times.append((time.perf_counter() - t0) * 1000)
        finally:
            if restore:
                restore()
        conn.close()
        times.sort()
        out[name] = {"mean": statistics.fmean(times), "p50": times[len(times) // 2],
                     "p95": times[min(len(times) - 1, int(len(times) * 0.95))],
                     "statements": count.statements / len(records), "calls": count.calls / len(records)}
    return out


class StatementCount:
    """Statements a store connection sends while counting: SQLite's trace callback sees each one run; for psycopg,
    `execute` is one statement and one call, `executemany` one statement per row in one call (pipelined)."""

    def __init__(self) -> None:
        self.statements = self.calls = 0

    def sqlite(self, conn: Any) -> None:
        conn.set_trace_callback(lambda _sql: setattr(self, "statements", self.statements + 1))

    def psycopg(self) -> Any:
        import psycopg

        execute, executemany = psycopg.Cursor.execute, psycopg.Cursor.executemany
        count = self

        def counted_execute(cursor, query, params=None, **kw):
            count.statements += 1
            count.calls += 1
            return execute(cursor, query, params, **kw)

        def counted_executemany(cursor, query, rows, **kw):
            rows = list(rows)
            count.statements += len(rows)
            count.calls += 1
            return executemany(cursor, query, rows, **kw)

        psycopg.Cursor.execute, psycopg.Cursor.executemany = counted_execute, counted_executemany
        return lambda: (setattr(psycopg.Cursor, "execute", execute),
                        setattr(psycopg.Cursor, "executemany", executemany))


def profile_latencies(targets: dict[str, str], samples: int = 40, seed: int = 3) -> dict[str, dict[str, float]]:
    """`build_profile` milliseconds (p50, p95, max) per store for the same identities, twice: `first` reads each
    identity once after the store was built (pages maybe still on disk, as for an analyst's first look), `again`
    reads them all a second time (the server's and the OS's caches warm, as for identities analysts keep opening)."""
    import random

    from newsintel.store.db import open_database
    from newsintel.views.profile import build_profile

    first = open_database(next(iter(targets.values())), readonly=True)
    top = [r[0] for r in first.execute("SELECT id FROM identities WHERE kind != 'place' AND suppressed = 0"
                                       " ORDER BY documents DESC, id LIMIT 10")]
    rest = [r[0] for r in first.execute("SELECT id FROM identities WHERE kind != 'place' AND suppressed = 0"
                                        " ORDER BY id")]
    first.close()
    picks = top + random.Random(seed).sample(rest, min(len(rest), samples - len(top)))
    out = {}
    for name, target in targets.items():
        for read in ("first", "again"):
            db = open_database(target, readonly=True)
            times = []
            for identity_id in picks:
                identity = db.execute("SELECT * FROM identities WHERE id = ?", (identity_id,)).fetchone()
                started = time.perf_counter()
                build_profile(db, identity)
                times.append((time.perf_counter() - started) * 1000)
            db.close()
            times.sort()
            out[f"{name} {read}"] = {"p50": times[len(times) // 2],
                                     "p95": times[min(len(times) - 1, int(len(times) * 0.95))], "max": times[-1]}
    return out


def generated_store(path: Path, size: int) -> float:
    """A SQLite store of `size` generated reports (the scale benchmark's); returns the seconds it took."""
    from benchmarks.synthetic import Generator
    from newsintel.store import connect, save_record

    started = time.perf_counter()
    conn = connect(path)
    for record in Generator(people=max(1, size // 2)).records(0, size):
        save_record(conn, record)
    conn.close()
    return time.perf_counter() - started


def profile_at_size(server_url: str, tmp: str, size: int, store: Path | None = None) -> dict[str, Any]:
    """Profile latency on both backends; `store`: an existing SQLite store instead of `size` generated reports."""
    if store is None:
        source = Path(tmp) / f"generated-{size}.db"
        built = generated_store(source, size)
    else:
        source, built = store, 0.0
        with closing(sqlite3.connect(f"file:{store}?mode=ro", uri=True)) as conn:
            size = conn.execute("SELECT count(*) FROM documents").fetchone()[0]
    target = new_database(server_url)
    started = time.perf_counter()
    copied = subprocess.run([sys.executable, "-m", "newsintel", "copy", "--from", str(source), "--to", target],
                            capture_output=True, text=True, cwd=ROOT)
    if copied.returncode != 0:
        raise RuntimeError(copied.stderr[-2000:])
    copy_seconds = time.perf_counter() - started
    latencies = profile_latencies({"sqlite": str(source), "postgresql": target})
    return {"documents": size, "build_seconds": built, "copy_seconds": copy_seconds, "profile_ms": latencies}


def main(argv: list[str] | None = None) -> dict[str, Any]:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.postgres_bench")
    parser.add_argument("--docs", type=int, default=40)
    parser.add_argument("--workers", type=int, default=1, help="worker processes per ingest (default 1)")
    parser.add_argument("--profile-docs", type=int, default=10_000,
                        help="generated reports in the store `profile` is timed on (default 10000; 0: skip)")
    parser.add_argument("--profile-store", type=Path,
                        help="time `profile` on this existing SQLite store (copied to PostgreSQL) instead")
    parser.add_argument("--only", choices=("ingest", "store", "profile"),
                        help="one part: whole ingests, save_record alone, or profile at size")
    args = parser.parse_args(argv)
    sys.path.insert(0, str(ROOT))
    from tools.local_postgres import LocalPostgres

    files = corpus(args.docs)
    if not files and args.only != "profile":
        print("benchmark data not found (../shared/bench)")
        return {}
    result: dict[str, Any] = {}
    with LocalPostgres(durable=True) as server, tempfile.TemporaryDirectory() as tmp:
        stores = {"sqlite": lambda name: str(Path(tmp) / f"{name}.db"),
                  "postgresql": lambda name: new_database(server.url)}
        if args.only in (None, "ingest"):
            result.update(whole_ingests(files, args.workers, stores, server.url, tmp))
        if args.only in (None, "store"):
            result["store"] = store_cost(files, {backend: make("cost") for backend, make in stores.items()})
            print("save_record alone, one process (ms per document; the write lock is held this long):")
            for backend, figures in result["store"].items():
                print(f"  {backend:10} mean {figures['mean']:6.1f}  p50 {figures['p50']:6.1f}"
                      f"  p95 {figures['p95']:6.1f}  statements/doc {figures['statements']:5.0f}"
                      + (f"  calls/doc {figures['calls']:4.0f}" if backend == "postgresql" else ""))
        if args.only in (None, "profile") and args.profile_docs:
            at_size = result["profile"] = profile_at_size(server.url, tmp, args.profile_docs, args.profile_store)
            print(f"profile at {at_size['documents']:,} generated reports (built in {at_size['build_seconds']:.0f}s,"
                  f" copied to PostgreSQL in {at_size['copy_seconds']:.0f}s), same 40 identities:")
            for backend, figures in at_size["profile_ms"].items():
                print(f"  {backend:18} p50 {figures['p50']:6.1f} ms  p95 {figures['p95']:6.1f} ms"
                      f"  max {figures['max']:6.1f} ms  (target on PostgreSQL: p95 < 100 ms)")
    print(json.dumps({k: v for k, v in result.items() if k != "rows"}))
    return result


def whole_ingests(files: list[Path], workers: int, stores: dict[str, Any], server_url: str,
                  tmp: str) -> dict[str, Any]:
    first, second = files[0::2], files[1::2]
    rows: dict[str, Any] = {}
    for backend, make in stores.items():
        db = make("one")
        rows[f"{backend}, one ingest"] = (timed(ingest(db, files, workers)), documents(db))
        db = make("two")
        rows[f"{backend}, two at once"] = (timed(ingest(db, first, workers), ingest(db, second, workers)),
                                           documents(db))
    source = str(Path(tmp) / "one.db")
    t0 = time.perf_counter()
    copied = subprocess.run([sys.executable, "-m", "newsintel", "copy", "--from", source, "--to",
                             new_database(server_url)], capture_output=True, text=True, cwd=ROOT)
    copy_seconds = time.perf_counter() - t0
    print(f"PostgreSQL vs SQLite: {len(files)} real articles, {workers} worker(s) per ingest, whole processes")
    print(f"{'run':28} {'docs':>5} {'seconds':>8} {'docs/s':>7}")
    for name, (seconds, docs) in rows.items():
        print(f"{name:28} {docs:5d} {seconds:8.1f} {docs / seconds:7.2f}")
    one = {b: rows[f"{b}, one ingest"] for b in stores}
    ratio = (one["postgresql"][1] / one["postgresql"][0]) / (one["sqlite"][1] / one["sqlite"][0])
    print(f"ratio PostgreSQL/SQLite, one ingest (docs/s): {ratio:.2f}  (target: >= 0.90)")
    print(f"copy SQLite -> PostgreSQL (whole process): {copy_seconds:.1f}s  {copied.stdout.strip()}")
    return {"rows": rows, "ratio": ratio, "copy_seconds": copy_seconds}


if __name__ == "__main__":
    main()
