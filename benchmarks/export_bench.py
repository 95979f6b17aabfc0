"""Exports at 1k and 10k documents (issue 14: "a 10k-document store exported in under a minute and in bounded
memory"): wall time and peak RSS of each `newsintel export ...` run as its own process, sizes side by side.

The stores are grown by the scale benchmark's generator (benchmarks/synthetic.py: people at real gazetteer places,
TRAVEL events with speakers), each report given one claim per sentence (what its group said) and one membership
relation per sentence, so every export has rows to write; one report in 20 is marked TLP:AMBER and one in 50
TLP:RED, so the exports' TLP ceilings (default clear) do real work. Building 10k documents takes several minutes,
so the stores are cached under build/bench-cache/ (keyed by the generator and what this file adds) and reused
by later runs; the build time is printed when a store is built.

Each export runs as a child process; its peak RSS is the kernel's maximum resident set of that child (os.wait4),
its time the wall and CPU time of the whole command (Python start and imports included; CPU time is the steadier
figure on a shared machine). Bounded memory means the peak does
not grow with the store: compare the 1k and 10k columns. Run: `python -m benchmarks.export_bench [--sizes 1000,10000]
[--only csv-events,ftm]`; part of `make bench`.
"""

from __future__ import annotations

import argparse
import hashlib
import inspect
import json
import os
import sqlite3
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
CACHE = ROOT / "build" / "bench-cache"
SIZES = (1000, 10000)
PEOPLE = 5000  # one population for both sizes: the 1k store is the first 1k reports of the 10k one
EXPORTS: dict[str, list[str]] = {
    "stix": ["stix"],
    "ftm": ["ftm"],
    "csv-events": ["csv", "--what", "events"],
    "csv-claims": ["csv", "--what", "claims"],
    "csv-identities": ["csv", "--what", "identities"],
    "graphml": ["graphml"],
    "geojson": ["geojson"],
    "mentions": ["mentions"],
}


def _tlp_of(n: int) -> str | None:
    return "red" if n % 50 == 49 else "amber" if n % 20 == 19 else None


def _cache_key() -> str:
    """Changes when the generated stores would: the generator, the enrichment and TLP marks here. (A newer
    schema does not: a cached store is migrated in place when opened.)"""
    digest = hashlib.sha256(f"{PEOPLE}".encode() + inspect.getsource(enrich).encode()
                            + inspect.getsource(_tlp_of).encode())
    digest.update((ROOT / "benchmarks" / "synthetic.py").read_bytes())
    return digest.hexdigest()[:12]


def _store_paths(sizes: tuple[int, ...]) -> dict[int, Path]:
    key = _cache_key()
    return {size: CACHE / f"exports-{size}-{key}.db" for size in sizes}


def enrich(record: Any) -> Any:
    """One claim and one membership relation per generated sentence: "<group> said" becomes that group's claim,
    and the travelling person a member of it (the generator makes events only)."""
    text = record.document.text
    for event in record.events:
        speaker = event["attribution"]["speaker"]
        actor = event["actors"][0]
        where = {"sentence": event["sentence"], "start": event["start"], "end": event["end"]}
        record.claims.append({**where, "speaker": dict(speaker), "cue": "said", "medium": None,
                              "modality": event["modality"], "content": text[event["start"]:event["end"]].strip(),
                              "confidence": None})
        record.relations.append({**where, "type": "MEMBER", "subject": dict(actor), "object": dict(speaker),
                                 "role": "member", "confidence": None})
    return record


def build_stores(sizes: tuple[int, ...]) -> dict[int, Path]:
    """The cached store of each size, building (and caching) the missing ones: the largest is grown from the
    next smaller one, so 1k and 10k share their first 1k reports."""
    from benchmarks.synthetic import Generator
    from newsintel.store import connect, save_record
    from newsintel.store.sharing import Handling

    CACHE.mkdir(parents=True, exist_ok=True)
    paths = _store_paths(sizes)
    missing = [s for s in sorted(sizes) if not paths[s].exists()]
    for size in sizes:
        if size not in missing:
            connect(paths[size]).close()  # migrated to this newsintel's schema
    if not missing:
        return paths
    generator = Generator(people=PEOPLE)
    work = CACHE / f".building-{_cache_key()}.db"
    work.unlink(missing_ok=True)
    conn = connect(work)
    done, started = 0, time.perf_counter()
    for size in sorted(sizes):
        if size > max(missing):
            break
        for record in generator.records(done, size):
            tlp = _tlp_of(done)
            save_record(conn, enrich(record), handling=Handling(tlp=tlp) if tlp else None)
            done += 1
        if size in missing:
            part = paths[size].with_suffix(".part")
            target = sqlite3.connect(part)
            conn.backup(target)
            target.close()
            os.replace(part, paths[size])
            print(f"built the {size:,}-document store in {time.perf_counter() - started:.0f} s (cached as"
                  f" {paths[size].relative_to(ROOT)})", flush=True)
    conn.close()
    for suffix in ("", "-wal", "-shm"):
        Path(f"{work}{suffix}").unlink(missing_ok=True)
    return paths


@dataclass
class Run:
    seconds: float
    cpu_seconds: float
    peak_rss_mb: float
    returncode: int
    size_bytes: int
    summary: str


def run_export(store: Path, name: str, out_dir: Path) -> Run:
    """One `newsintel export` as a child process: wall and CPU time, that child's peak RSS, the file's size."""
    out = out_dir / f"{name}.out"
    cmd = [sys.executable, "-m", "newsintel", "export", *EXPORTS[name], "--db", str(store), "--out", str(out)]
    with tempfile.TemporaryFile() as err:
        started = time.perf_counter()
        proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=err, cwd=ROOT)
        _, status, usage = os.wait4(proc.pid, 0)
        seconds = time.perf_counter() - started
        proc.returncode = os.waitstatus_to_exitcode(status)
        err.seek(0)
        message = err.read().decode("utf-8", "replace").strip().splitlines()
    size = out.stat().st_size if out.exists() else 0
    out.unlink(missing_ok=True)
    return Run(seconds, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024, proc.returncode, size,
               message[-1] if message else "")


def main(argv: list[str] | None = None) -> dict:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", default=",".join(map(str, SIZES)))
    parser.add_argument("--only", default=",".join(EXPORTS), help="exports to run (comma-separated)")
    parser.add_argument("--build-only", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    sizes = tuple(int(s) for s in args.sizes.split(","))
    names = [n for n in args.only.split(",") if n]
    if args.build_only:
        build_stores(sizes)
        return {}
    print("\n## Exports (generated stores; each export a child process: wall time and its peak RSS)", flush=True)
    # built in a child: a child forked from a parent that grew large would inherit its peak in ru_maxrss
    subprocess.run([sys.executable, "-m", "benchmarks.export_bench", "--build-only", "--sizes", args.sizes],
                   cwd=ROOT, check=True)
    stores = _store_paths(sizes)
    results: dict[str, dict[int, dict[str, Any]]] = {}
    header = f"{'export':<16}" + "".join(f"{f'{s:,} docs: s':>16}{'CPU s':>7}{'MB':>6}{'file MB':>9}"
                                         for s in sizes)
    print(header, flush=True)
    with tempfile.TemporaryDirectory() as tmp:
        for name in names:
            line = f"{name:<16}"
            for size in sizes:
                run = run_export(stores[size], name, Path(tmp))
                results.setdefault(name, {})[size] = {"seconds": round(run.seconds, 2),
                                                      "cpu_seconds": round(run.cpu_seconds, 2),
                                                      "peak_rss_mb": round(run.peak_rss_mb),
                                                      "file_mb": round(run.size_bytes / 2**20, 1),
                                                      "returncode": run.returncode, "summary": run.summary}
                failed = "" if run.returncode == 0 else "!"
                line += (f"{run.seconds:>15.1f}{failed or ' '}{run.cpu_seconds:>7.1f}{run.peak_rss_mb:>6.0f}"
                         f"{run.size_bytes / 2**20:>9.1f}")
            print(line, flush=True)
            for size in sizes:
                if results[name][size]["returncode"] != 0:
                    print(f"  {name} at {size:,} failed: {results[name][size]['summary']}", flush=True)
    (ROOT / "build").mkdir(exist_ok=True)
    (ROOT / "build" / "bench-exports.json").write_text(json.dumps(results, indent=2), encoding="utf-8")
    return {"exports": results}


if __name__ == "__main__":
    main()
