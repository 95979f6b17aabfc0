"""Where the shared evaluation data lives: `../shared/bench/` beside the repo, or $NEWSINTEL_SHARED/bench."""

from __future__ import annotations

import os
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def bench_dir(name: str) -> Path:
    base = Path(os.environ["NEWSINTEL_SHARED"]) if os.environ.get("NEWSINTEL_SHARED") else ROOT.parent / "shared"
    return base / "bench" / name
