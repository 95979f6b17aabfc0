"""Run a command as a whole process and measure its wall time and peak RSS (summed over its process tree)."""

from __future__ import annotations

import contextlib
import os
import signal
import subprocess
import threading
import time
from dataclasses import dataclass


@dataclass
class ProcessRun:
    seconds: float
    peak_rss_mb: float
    returncode: int
    stdout: str
    stderr: str
    killed: str | None = None  # why the run was stopped ("over 120 s", "over 4,096 MB"), None when it ended itself


def _tree_rss_kb(root: int) -> int:
    children: dict[int, list[int]] = {}
    rss: dict[int, int] = {}
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            with open(f"/proc/{entry}/status") as f:
                fields = dict(line.split(":", 1) for line in f if ":" in line)
        except OSError:
            continue
        pid, ppid = int(entry), int(fields.get("PPid", "0").strip())
        children.setdefault(ppid, []).append(pid)
        rss[pid] = int(fields.get("VmRSS", "0 kB").split()[0]) if "VmRSS" in fields else 0
    total, stack = 0, [root]
    while stack:
        pid = stack.pop()
        total += rss.get(pid, 0)
        stack.extend(children.get(pid, []))
    return total


def run_measured(cmd: list[str], env: dict[str, str] | None = None, interval: float = 0.1,
                 timeout: float | None = None, kill_at_mb: float | None = None) -> ProcessRun:
    """Run `cmd` in its own process group, sampling the tree's RSS; past `timeout` seconds or `kill_at_mb` the
    whole group is killed (and any workers a crashed parent leaves behind are killed at the end anyway)."""
    started = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env, start_new_session=True)
    peak, killed = 0, None
    done = threading.Event()

    def sample() -> None:
        nonlocal peak, killed
        while not done.is_set():
            peak = max(peak, _tree_rss_kb(proc.pid))
            over_time = timeout is not None and time.perf_counter() - started > timeout
            if over_time or (kill_at_mb is not None and peak / 1024 > kill_at_mb):
                killed = f"over {timeout:.0f} s" if over_time else f"over {kill_at_mb:,.0f} MB"
                os.killpg(proc.pid, signal.SIGKILL)
                return
            done.wait(interval)

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    out, err = proc.communicate()
    seconds = time.perf_counter() - started
    done.set()
    sampler.join()
    with contextlib.suppress(ProcessLookupError):
        os.killpg(proc.pid, signal.SIGKILL)
    return ProcessRun(seconds, peak / 1024, proc.returncode, out.decode("utf-8", "replace"),
                      err.decode("utf-8", "replace"), killed)
