"""CPU seconds per document of every process of an ingest, local engine against `--engine dask`, side by side.

Wall time on a loaded machine is noise; CPU time (user + sys) moves much less with load, and on saturated cores
throughput falls by whatever extra CPU an engine spends. Each engine runs `batch.ingest` over the same documents
(DOCS of the ingest benchmark's corpus, half pages and half JSON articles) in its own process, ROUNDS times,
alternately. Measured between the engine's start-up and its close: the client process split by thread (the main
thread reads and writes the store; Dask's event loop runs the client, the scheduler and the nannies), and each child
process by kind (pool worker, Dask worker, forkserver). `--sizes` adds the pickled size of a chunk and its records.
"""

from __future__ import annotations

import json
import os
import pickle
import subprocess
import sys
import tempfile
import threading
import time
from collections import Counter
from pathlib import Path
from typing import Any

import psutil

from benchmarks.ingest_bench import corpus

DOCS = 96
ROUNDS = 2
ENGINES = ("local", "dask")
TRIM = "MALLOC_TRIM_THRESHOLD_"  # glibc reads it when a process starts: a forked worker has its forkserver's


def subset(into: Path, docs: int = DOCS) -> Path:
    """A folder of links to `docs` inputs: the first pages and the first JSON articles of the benchmark corpus."""
    pages, stories = corpus()[0]
    chosen = sorted(pages.iterdir())[: docs // 3] + sorted(stories.glob("*.json"))[: docs - docs // 3]
    folder = into / "docs"
    folder.mkdir()
    for path in chosen:
        (folder / path.name).symlink_to(path)
    return folder


def _thread_names() -> dict[int, str]:
    return {t.native_id: t.name for t in threading.enumerate() if t.native_id is not None}


def _kind(proc: psutil.Process, me: int, forkservers: set[int]) -> str:
    cmd = " ".join(proc.cmdline())
    if "resource_tracker" in cmd:
        return "resource tracker"
    if "forkserver" in cmd and proc.ppid() == me:
        forkservers.add(proc.pid)
        return "forkserver"
    if proc.ppid() in forkservers:
        return "worker"
    return "pool worker" if proc.ppid() == me else "other child"


def _minor_faults(pid: int) -> int:
    with open(f"/proc/{pid}/stat") as f:
        return int(f.read().rsplit(")", 1)[1].split()[7])


def _environ(pid: int, name: str) -> str:
    with open(f"/proc/{pid}/environ", "rb") as f:
        values = [e.split(b"=", 1)[1].decode() for e in f.read().split(b"\0") if e.startswith(name.encode() + b"=")]
    return values[0] if values else "-"


def worker_threads() -> dict[str, float]:
    """Run on a Dask worker (`Client.run`): CPU seconds so far per thread kind of this worker process, and its
    minor page faults."""
    me = psutil.Process()
    names = _thread_names()
    out: Counter[str] = Counter()
    for t in me.threads():
        name = names.get(t.id, "native thread").split("-")[0].split("_")[0]
        out[f"worker: {name}"] += t.user_time + t.system_time
    out["worker page faults (k)"] = _minor_faults(me.pid) / 1000
    return dict(out)


def snapshot() -> dict[str, float]:
    """CPU seconds so far per thread of this process (by thread name) and per child process (by pid and kind)."""
    me = psutil.Process()
    names = _thread_names()
    out: dict[str, float] = {}
    for t in me.threads():
        name = names.get(t.id, "native thread")
        name = "main thread" if name == "MainThread" else name
        out[f"client: {name}"] = out.get(f"client: {name}", 0.0) + t.user_time + t.system_time
    forkservers: set[int] = set()
    children = sorted(me.children(recursive=True), key=lambda p: p.create_time())
    for child in children:
        try:
            kind, cpu = _kind(child, me.pid, forkservers), child.cpu_times()
        except psutil.NoSuchProcess:
            continue
        out[f"{kind} {child.pid}"] = cpu.user + cpu.system
        out[f"{kind} page faults (k) {child.pid}"] = _minor_faults(child.pid) / 1000
    return out


def by_kind(before: dict[str, float], after: dict[str, float]) -> dict[str, float]:
    """CPU seconds spent between two snapshots, summed per kind (pids dropped; Dask thread numbers dropped)."""
    spent: Counter[str] = Counter()
    for key, value in after.items():
        kind = key.rsplit(" ", 1)[0] if key.rsplit(" ", 1)[-1].isdigit() else key
        kind = kind.split("-")[0] if kind.startswith("client: ") else kind
        spent[kind] += value - before.get(key, 0.0)
    return dict(spent)


def measure_one(engine: str, folder: Path, db: Path, config: dict[str, Any]) -> dict[str, Any]:
    """One ingest of `folder` with `engine` in this process: CPU per kind, documents stored, wall seconds;
    `config` is Dask configuration set for the run."""
    import dask
    import distributed  # noqa: F401  (its defaults merge into the configuration on import: before setting it)

    from newsintel.batch import ingest
    from newsintel.pipeline import Processor
    from newsintel.store import connect
    from newsintel.store.focus import install_stored_focus

    install_stored_focus(db)
    t0 = time.perf_counter()
    if engine == "dask":
        from newsintel.dask_engine import DaskProcessor

        dask.config.set(config)  # for the whole run: a context left early confuses the cluster's close
        processor: Any = DaskProcessor(2)
    else:
        processor = Processor(2)
    start_seconds = time.perf_counter() - t0
    with processor:
        conn = connect(db)
        time.sleep(1.0)  # let the cluster settle: start-up is not what is measured
        before, started = snapshot(), time.perf_counter()
        threads_before = _on_workers(processor)
        summary = ingest([str(folder)], conn, processor)
        threads_after = _on_workers(processor)
        after, seconds = snapshot(), time.perf_counter() - started
        conn.close()
        env = _on_workers(processor, lambda: {TRIM: _environ(os.getpid(), TRIM)})
        t0 = time.perf_counter()
    close_seconds = time.perf_counter() - t0
    cpu = by_kind(before, after) | by_kind(threads_before, threads_after)
    return {"engine": engine, "documents": summary.ingested, "failed": summary.failed, "seconds": seconds,
            "cpu": cpu, "worker_env": env,
            "start_seconds": start_seconds, "close_seconds": close_seconds}


def _on_workers(processor: Any, fn: Any = worker_threads) -> dict[str, Any]:
    """`fn` summed over the Dask workers (nothing for the local engine)."""
    if not hasattr(processor, "client"):
        return {}
    total: Counter[str] = Counter()
    for result in processor.client.run(fn).values():
        for key, value in result.items():
            total[key] = value if isinstance(value, str) else total[key] + value
    return dict(total)


def sizes(folder: Path, chunk_size: int, chunks: int = 2) -> dict[str, Any]:
    """Pickled bytes of a chunk of raw documents and of its records, and the CPU to pickle and unpickle them."""
    from newsintel.batch import list_inputs
    from newsintel.ingest import read_path
    from newsintel.model import RawDocument
    from newsintel.pipeline import process_batch

    files, _ = list_inputs([str(folder)])
    raws = [item for f in files for item in read_path(f) if isinstance(item, RawDocument)]
    rows = []
    for n in range(chunks):
        chunk = raws[n * chunk_size:(n + 1) * chunk_size]
        records = process_batch(chunk)
        t0 = time.process_time()
        data_in, data_out = pickle.dumps(chunk, protocol=5), pickle.dumps(records, protocol=5)
        pickle.loads(data_in), pickle.loads(data_out)
        rows.append({"chunk_bytes": len(data_in), "records_bytes": len(data_out),
                     "pickle_cpu": time.process_time() - t0})
    return {"chunk_size": chunk_size, "chunks": rows}


def _child(engine: str, folder: Path, config: dict[str, Any]) -> dict[str, Any]:
    with tempfile.TemporaryDirectory() as tmp:
        env = {**os.environ, "PYTHONPATH": os.pathsep.join(["src", "."])}
        run = subprocess.run([sys.executable, "-m", "benchmarks.dask_cpu", "--one", engine, str(folder),
                              str(Path(tmp) / "store.db"), json.dumps(config)], capture_output=True, text=True, env=env)
        if run.returncode != 0:
            raise RuntimeError(run.stderr[-2000:])
        return json.loads(run.stdout.strip().splitlines()[-1])


def _total(cpu: dict[str, float]) -> float:
    """CPU seconds of every process (the worker thread rows only split the worker row; faults are no CPU)."""
    return sum(v for k, v in cpu.items() if "faults" not in k and not k.startswith("worker:"))


def table(runs: list[dict[str, Any]]) -> None:
    kinds = sorted({k for r in runs for k in r["cpu"]})
    print(f"{'CPU ms per document':28}" + "".join(f"{r['engine'] + ' #' + str(r['round']):>12}" for r in runs))
    for kind in kinds:
        print(f"{kind:28}" + "".join(f"{1000 * r['cpu'].get(kind, 0.0) / r['documents']:12.1f}" for r in runs))
    print(f"{'total CPU':28}" + "".join(f"{1000 * _total(r['cpu']) / r['documents']:12.1f}" for r in runs))
    print(f"{'wall s (under load)':28}" + "".join(f"{r['seconds']:12.1f}" for r in runs))
    print(f"{'start-up wall s (load)':28}" + "".join(f"{r['start_seconds']:12.1f}" for r in runs))
    print(f"{'close wall s (load)':28}" + "".join(f"{r['close_seconds']:12.1f}" for r in runs))
    print(f"{'documents stored':28}" + "".join(f"{r['documents']:12d}" for r in runs))
    print("(page faults (k) rows: minor page faults per document)")
    for r in runs:
        if r.get("worker_env"):
            print(f"{r['engine']} #{r['round']} workers' environment: {r['worker_env']}")


def main(rounds: int, engines: tuple[str, ...], with_sizes: bool, config: dict[str, Any]) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        folder = subset(Path(tmp))
        runs = []
        for n in range(rounds):
            for engine in engines:
                runs.append({**_child(engine, folder, config), "round": n + 1})
                print(f"{engine} round {n + 1}: {runs[-1]['seconds']:.1f} s", file=sys.stderr)
        table(runs)
        if with_sizes:
            from newsintel.pipeline import CHUNK

            print(json.dumps(sizes(folder, CHUNK)))


if __name__ == "__main__":
    import argparse

    parser = argparse.ArgumentParser(prog="python -m benchmarks.dask_cpu", description=__doc__.split("\n")[0])
    parser.add_argument("--one", nargs=4, metavar=("ENGINE", "FOLDER", "DB", "CONFIG"), help=argparse.SUPPRESS)
    parser.add_argument("--config", action="append", default=[], metavar="KEY=JSON",
                        help="Dask configuration for the Dask runs, e.g. distributed.worker.profile.enabled=false")
    parser.add_argument("--rounds", type=int, default=ROUNDS)
    parser.add_argument("--engines", default=",".join(ENGINES), help="comma-separated: local,dask")
    parser.add_argument("--sizes", action="store_true", help="also the pickled bytes of a chunk and its records")
    args = parser.parse_args()
    if args.one:
        print(json.dumps(measure_one(args.one[0], Path(args.one[1]), Path(args.one[2]), json.loads(args.one[3]))))
    else:
        settings = {key: json.loads(value) for key, value in (item.split("=", 1) for item in args.config)}
        main(args.rounds, tuple(args.engines.split(",")), args.sizes, settings)
