"""`make fuzz`: thousands of generated malformed inputs through the readers and the cleaner, one at a time.

A worker process reads each input (`read_path`, then `clean` on what it yields) and checks the contract
(tests/fuzz_strategies.py: records or Failure, one-line errors, nothing else escapes). The parent generates the
inputs from a seed (input N is the same on every run), gives the worker one at a time with a time limit, kills and
restarts it on a hang or a crash, and saves every failing input under build/fuzz-failures/ with a note of what
happened. Peak RSS is the worker's `ru_maxrss` (and that of workers killed on the way).

Then the first thousand inputs go through one `newsintel ingest` together (the store and the command included):
exit 0 or 1, no traceback, no internal error, every stderr line an `error:` or `warning:` line.

    python -m benchmarks.fuzz [--count 10000] [--seed 0] [--timeout 10] [--cli 1000]
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import random
import resource
import select
import shutil
import subprocess
import sys
import tempfile
import time
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from benchmarks.shared import ROOT

sys.path.insert(0, str(ROOT / "tests"))
from fuzz_inputs import FuzzInput, random_input
from fuzz_strategies import check_contract, describe

FAILURES_DIR = ROOT / "build" / "fuzz-failures"
REPORT = ROOT / "build" / "fuzz-report.json"
SLOW = 2.0  # seconds; inputs slower than this are counted (not failures unless over the time limit)
MEMORY_CAP = 4 * 1024**3  # the worker's address space: runaway memory becomes a MemoryError, not a dead machine


# ---- worker ------------------------------------------------------------------------------------------------------

def warm_up() -> None:
    """Load what the first input would otherwise pay for (cleaner, date parser, language model)."""
    from newsintel.clean import clean
    from newsintel.model import RawDocument

    text = "Police in Skopje said on Tuesday that two men were arrested at the border crossing near Tabanovce."
    for html in (None, f"<html><body><article><p>{text}</p></article></body></html>"):
        raw = RawDocument(origin="warm-up", format="json", raw_hash="", text=None if html else text, html=html,
                          published="5 May 2024")
        with contextlib.suppress(Exception):
            clean(raw)


def worker() -> None:
    """Read input paths (hex of their bytes) on stdin; answer one JSON line each on the original stdout."""
    resource.setrlimit(resource.RLIMIT_AS, (MEMORY_CAP, MEMORY_CAP))
    answer = os.fdopen(os.dup(1), "w")
    os.dup2(2, 1)  # stray prints from libraries must not corrupt the answers
    stray = tempfile.TemporaryFile()  # noqa: SIM115  (lives as long as the worker)
    saved_stderr = os.dup(2)
    warm_up()

    for line in sys.stdin:
        path = Path(os.fsdecode(bytes.fromhex(line.strip())))
        stray.seek(0)
        stray.truncate()
        os.dup2(stray.fileno(), 2)
        started = time.perf_counter()
        escaped, problems = None, []
        try:
            problems = check_contract(path)
        except BaseException as err:  # anything: the point is to see it
            escaped = describe(err)
        sys.stderr.flush()
        os.dup2(saved_stderr, 2)
        stray.seek(0)
        printed = stray.read(300).decode("utf-8", "replace").strip()
        answer.write(json.dumps({
            "escaped": escaped, "problems": problems, "stray": printed.splitlines()[0] if printed else None,
            "seconds": time.perf_counter() - started,
            "rss_kb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss,
        }) + "\n")
        answer.flush()


# ---- parent ------------------------------------------------------------------------------------------------------

@dataclass
class Results:
    inputs: int = 0
    escaped: Counter[str] = field(default_factory=Counter)
    problems: Counter[str] = field(default_factory=Counter)
    stray: Counter[str] = field(default_factory=Counter)
    hangs: int = 0
    crashes: int = 0
    peak_rss_kb: int = 0
    slowest: tuple[float, int, str] = (0.0, -1, "")  # seconds, input number, kind
    slow: int = 0  # inputs over SLOW seconds
    by_kind: Counter[str] = field(default_factory=Counter)
    failed_by_kind: Counter[str] = field(default_factory=Counter)
    saved: list[str] = field(default_factory=list)


class Worker:
    def __init__(self) -> None:
        self.proc = subprocess.Popen([sys.executable, "-m", "benchmarks.fuzz", "--worker"], cwd=ROOT,
                                     stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL)

    def ask(self, path: Path, timeout: float) -> dict | str:
        """The worker's answer for `path`, or "hang" / "crash"."""
        assert self.proc.stdin and self.proc.stdout
        try:
            self.proc.stdin.write(os.fsencode(path).hex().encode() + b"\n")
            self.proc.stdin.flush()
        except BrokenPipeError:
            return "crash"
        ready, _, _ = select.select([self.proc.stdout], [], [], timeout)
        if not ready:
            return "hang"
        line = self.proc.stdout.readline()
        return json.loads(line) if line else "crash"

    def stop(self) -> None:
        self.proc.kill()
        self.proc.wait()


def save_reproducer(n: int, item: FuzzInput, what: str, out: Path) -> str:
    """Keep the failing input under a safe name, with a note of its real name and what happened."""
    out.mkdir(parents=True, exist_ok=True)
    suffix = "".join(Path(item.name).suffixes[-2:]) if item.name.endswith(".gz") else Path(item.name).suffix
    path = out / f"{n:05d}-{item.kind}{suffix}"
    path.write_bytes(item.data)
    path.with_name(path.name + ".note").write_text(
        json.dumps({"input": n, "kind": item.kind, "name": item.name, "what": what}, ensure_ascii=True) + "\n")
    return str(path.relative_to(ROOT)) if path.is_relative_to(ROOT) else str(path)


def run(count: int, seed: int, timeout: float, out: Path = FAILURES_DIR, progress: bool = True) -> Results:
    results = Results()
    if out.exists():
        shutil.rmtree(out)
    work = Path(tempfile.mkdtemp(prefix="newsintel-fuzz-"))
    worker = Worker()
    try:
        for n in range(count):
            item = random_input(random.Random(f"{seed}-{n}"))
            folder = work / str(n)
            folder.mkdir()
            path = folder / item.name
            path.write_bytes(item.data)
            answer = worker.ask(path, timeout)
            results.inputs += 1
            results.by_kind[item.kind] += 1
            what = None
            if isinstance(answer, str):
                worker.stop()
                results.peak_rss_kb = max(results.peak_rss_kb, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)
                if answer == "hang":
                    results.hangs += 1
                    what = f"hang: no answer within {timeout:.0f} s"
                else:
                    results.crashes += 1
                    what = f"worker died (exit {worker.proc.returncode})"
                worker = Worker()
            else:
                results.peak_rss_kb = max(results.peak_rss_kb, answer["rss_kb"])
                results.slowest = max(results.slowest, (answer["seconds"], n, f"{item.kind} {item.name!r}"))
                results.slow += answer["seconds"] > SLOW
                if answer["stray"]:
                    results.stray[answer["stray"][:120]] += 1
                if answer["escaped"]:
                    results.escaped[answer["escaped"]] += 1
                    what = f"escaped: {answer['escaped']}"
                elif answer["problems"]:
                    for problem in answer["problems"]:
                        results.problems[problem.split(":", 1)[0]] += 1
                    what = "contract: " + "; ".join(answer["problems"])[:400]
            if what:
                results.failed_by_kind[item.kind] += 1
                results.saved.append(save_reproducer(n, item, what, out))
            shutil.rmtree(folder, ignore_errors=True)
            if progress and (n + 1) % 500 == 0:
                print(f"  {n + 1:,} inputs, {len(results.saved)} failing", file=sys.stderr, flush=True)
    finally:
        worker.stop()
        shutil.rmtree(work, ignore_errors=True)
    return results


def cli_pass(count: int, seed: int, timeout: float) -> tuple[list[str], bool]:
    """The first `count` inputs in one folder through `newsintel ingest`: exit 0 or 1, every stderr line ours."""
    from benchmarks.hostile import ingest_watched

    with tempfile.TemporaryDirectory(prefix="newsintel-fuzz-cli-") as work:
        folder = Path(work) / "inputs"
        folder.mkdir()
        for n in range(count):
            item = random_input(random.Random(f"{seed}-{n}"))
            (folder / f"{n:05d}-{item.name}").write_bytes(item.data)
        code, seconds, peak, killed, out, err = ingest_watched(folder, Path(work) / "fuzz.db", timeout)
    lines = err.splitlines()
    foreign = [line for line in lines if line.strip() and not line.startswith(("error:", "warning:"))]
    internal = [line for line in lines if "internal error" in line]
    ok = code in (0, 1) and not killed and not foreign and not internal and "Traceback" not in err
    summary = out.strip().splitlines()[-1] if out.strip() else ""
    return [
        f"one `newsintel ingest` over the first {count} inputs: exit {killed or code}, {seconds:.1f} s,"
        f" peak RSS {peak:,.0f} MB; {summary}",
        f"  stderr lines: {sum(line.startswith('error:') for line in lines)} error, "
        f"{sum(line.startswith('warning:') for line in lines)} warning, {len(foreign)} other, "
        f"{len(internal)} internal errors, traceback: {'YES' if 'Traceback' in err else 'no'}",
        *(f"  other: {line[:150]}" for line in foreign[:10]),
        *(f"  internal: {line[:150]}" for line in internal[:10]),
    ], ok


def report(results: Results, seconds: float) -> list[str]:
    lines = [
        f"inputs: {results.inputs:,} (" + ", ".join(f"{k} {v}" for k, v in sorted(results.by_kind.items())) + ")",
        f"escaped exceptions: {sum(results.escaped.values())}",
        *(f"  {n} x {what}" for what, n in results.escaped.most_common()),
        f"contract breaches (no exception): {sum(results.problems.values())}",
        *(f"  {n} x {what}" for what, n in results.problems.most_common()),
        f"hangs (no answer within the limit): {results.hangs}",
        f"worker crashes: {results.crashes}",
        f"inputs that printed to stderr themselves: {sum(results.stray.values())}",
        *(f"  {n} x {what!r}" for what, n in results.stray.most_common(5)),
        f"failing inputs by kind: {dict(sorted(results.failed_by_kind.items()))}",
        f"peak RSS: {results.peak_rss_kb / 1024:.0f} MB",
        f"slowest input: {results.slowest[0]:.2f} s (input {results.slowest[1]}, {results.slowest[2]});"
        f" inputs over {SLOW:.0f} s: {results.slow}",
        f"elapsed: {seconds:.1f} s",
    ]
    if results.saved:
        lines.append(f"reproducers: {len(results.saved)} in {Path(results.saved[0]).parent}/"
                     f" (first: {results.saved[0]})")
    return lines


def met(results: Results) -> bool:
    return (not results.escaped and not results.hangs and not results.crashes and not results.problems
            and results.peak_rss_kb < 2 * 1024**2)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--count", type=int, default=10_000)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--timeout", type=float, default=10.0, help="seconds allowed per input")
    parser.add_argument("--cli", type=int, default=1000, help="inputs then run through one `newsintel ingest`")
    parser.add_argument("--worker", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.worker:
        worker()
        return 0
    print(f"## Fuzz: {args.count:,} generated inputs, seed {args.seed}, {args.timeout:.0f} s per input")
    started = time.perf_counter()
    results = run(args.count, args.seed, args.timeout)
    lines = report(results, time.perf_counter() - started)
    cli_ok = True
    if args.cli:
        cli_lines, cli_ok = cli_pass(args.cli, args.seed, timeout=600)
        lines += cli_lines
    print("\n".join(lines))
    REPORT.parent.mkdir(parents=True, exist_ok=True)
    REPORT.write_text(json.dumps({"seed": args.seed, "lines": lines, "reproducers": results.saved}, indent=1) + "\n")
    target = met(results) and cli_ok
    print("target (0 escaped, 0 hangs, 0 crashes, 0 breaches, peak RSS < 2 GB; the command prints only error and"
          " warning lines): " + ("met" if target else "NOT met"))
    return 0 if target else 1


if __name__ == "__main__":
    sys.exit(main())
