"""cProfile of what an ingest does to DOCS documents, in one process: cleaning, NLP and extraction (the worker's
`process_batch`, chunk by chunk as a worker gets them) and the writer (`save_record`), each profiled apart.

Usage: python -m benchmarks.ingest_profile [--docs N] [--top N] [--stage clean|annotate|store|all] [--out DIR]
Prints the functions with the most own and cumulative time; `--out` keeps the .prof files for pstats.
"""

from __future__ import annotations

import cProfile
import pstats
import sys
import tempfile
from pathlib import Path
from typing import Any

DOCS = 150


def _profiled(profile: cProfile.Profile, fn: Any, *args: Any) -> Any:
    profile.enable()
    try:
        return fn(*args)
    finally:
        profile.disable()


def run(docs: int, stage: str) -> dict[str, cProfile.Profile]:
    from benchmarks.ingest_cpu import subset
    from newsintel.batch import list_inputs
    from newsintel.ingest import read_path
    from newsintel.model import RawDocument, Record
    from newsintel.pipeline import CHUNK, Processor, _annotate_supported, _clean_all, chunks
    from newsintel.store import connect, save_record

    profiles = {name: cProfile.Profile() for name in ("clean", "annotate", "store")}
    with tempfile.TemporaryDirectory() as tmp, Processor(1):
        folder, _ = subset(Path(tmp), docs)
        files, _ = list_inputs([str(folder)])
        raws = [i for f in files for i in read_path(f) if isinstance(i, RawDocument)]
        records: list[Record] = []
        for chunk in chunks(raws, CHUNK):
            _, cleaned = _profiled(profiles["clean"], _clean_all, chunk)
            if stage in ("annotate", "store", "all"):
                infos = [info for _, info in cleaned]
                out = _profiled(profiles["annotate"], _annotate_supported, infos, [i.origin for i in infos])
                records.extend(r for r in out if isinstance(r, Record))
        if stage in ("store", "all"):
            conn = connect(Path(tmp) / "p.db")
            for record in records:
                _profiled(profiles["store"], save_record, conn, record, record.document.raw_hash)
            conn.close()
    return profiles


def main() -> int:
    import argparse

    parser = argparse.ArgumentParser(prog="python -m benchmarks.ingest_profile")
    parser.add_argument("--docs", type=int, default=DOCS)
    parser.add_argument("--top", type=int, default=40)
    parser.add_argument("--stage", default="all", choices=("clean", "annotate", "store", "all"))
    parser.add_argument("--out", type=Path)
    args = parser.parse_args()
    profiles = run(args.docs, args.stage)
    for name, profile in profiles.items():
        if args.stage != "all" and name != args.stage:
            continue
        if args.out:
            args.out.mkdir(parents=True, exist_ok=True)
            profile.dump_stats(str(args.out / f"{name}.prof"))
        print(f"\n===== {name} =====")
        stats = pstats.Stats(profile, stream=sys.stdout).strip_dirs()
        stats.sort_stats("tottime").print_stats(args.top)
        stats.sort_stats("cumulative").print_stats(args.top)
    return 0


if __name__ == "__main__":
    sys.exit(main())
