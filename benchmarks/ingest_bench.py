"""Ingest throughput on real reporting, against spaCy alone on the same texts, in the same run.

Corpus: the 181 HTML pages of ../shared/bench/article-extraction (gzipped HTML) and the 383 JSON articles of
../shared/bench/story-clustering. newsintel ingests those files as a user would; the spaCy baseline gets the
article texts (the pages' gold bodies and the JSON texts) and runs en_core_web_sm's full default pipeline with
`nlp.pipe(n_process=2)`. Both run as whole processes, alternately, ROUNDS times; the best run of each counts.
`newsintel ingest --engine dask` with one and with two local Dask workers runs in the same rounds (`--no-dask`
leaves it out). Per-stage figures (clean, NLP, store) come from one process on one core, so they add up.
"""

from __future__ import annotations

import json
import sqlite3
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from benchmarks.procmon import run_measured
from benchmarks.shared import ROOT, bench_dir

ROUNDS = 2
WORKERS = 2
ENGINES = {  # name -> ingest options
    "newsintel ingest": ["--workers", str(WORKERS)],
    "dask, 1 worker": ["--engine", "dask", "--workers", "1"],
    "dask, 2 workers": ["--engine", "dask", "--workers", "2"],
}


def corpus() -> tuple[list[Path], list[str]]:
    pages, stories = bench_dir("article-extraction"), bench_dir("story-clustering")
    gold = json.loads((pages / "ground-truth.json").read_text(encoding="utf-8"))
    texts = [item["articleBody"] for _, item in sorted(gold.items())]
    for path in sorted((stories / "data").glob("*.json")):
        texts.append(json.loads(path.read_text(encoding="utf-8"))["text"])
    return [pages / "html", stories / "data"], texts


def stage_timings(paths: list[Path]) -> dict[str, Any]:
    """Seconds per stage over the whole corpus, one process, one core."""
    from newsintel.annotate import annotate
    from newsintel.batch import list_inputs
    from newsintel.clean import clean
    from newsintel.ingest import read_path
    from newsintel.model import RawDocument
    from newsintel.nlp.pipeline import load_nlp
    from newsintel.store import connect, save_record

    t0 = time.perf_counter()
    load_nlp()
    load_seconds = time.perf_counter() - t0
    files, _ = list_inputs([str(p) for p in paths])
    t0 = time.perf_counter()
    raws = [item for f in files for item in read_path(f) if isinstance(item, RawDocument)]
    read_seconds = time.perf_counter() - t0
    t0 = time.perf_counter()
    cleaned = []
    for raw in raws:
        try:
            cleaned.append(clean(raw))
        except Exception:
            continue
    clean_seconds = time.perf_counter() - t0
    t0 = time.perf_counter()
    records = list(annotate(cleaned))
    nlp_seconds = time.perf_counter() - t0
    with tempfile.TemporaryDirectory() as tmp:
        conn = connect(Path(tmp) / "stage.db")
        t0 = time.perf_counter()
        for record in records:
            save_record(conn, record, record.document.raw_hash)
        store_seconds = time.perf_counter() - t0
        conn.close()
    words = sum(len(d.text.split()) for d in cleaned)
    return {"documents": len(cleaned), "words": words, "load": load_seconds, "read": read_seconds,
            "clean": clean_seconds, "nlp": nlp_seconds, "store": store_seconds}


def run_ingest(paths: list[Path], db: Path, options: list[str]) -> dict[str, Any]:
    cmd = [sys.executable, "-m", "newsintel", "ingest", *map(str, paths), "--db", str(db), *options]
    run = run_measured(cmd)
    with sqlite3.connect(db) as conn:
        docs = conn.execute("SELECT count(*) FROM documents").fetchone()[0]
        words = sum(len(t.split()) for (t,) in conn.execute("SELECT text FROM documents"))
    return {"seconds": run.seconds, "rss_mb": run.peak_rss_mb, "documents": docs, "words": words,
            "summary": run.stdout.strip().splitlines()[-1] if run.stdout.strip() else run.stderr[-300:]}


def run_spacy(texts_file: Path, n_docs: int, words: int) -> dict[str, Any]:
    run = run_measured([sys.executable, "-m", "benchmarks.spacy_alone", str(texts_file), str(WORKERS)])
    if run.returncode != 0:
        raise RuntimeError(run.stderr[-2000:])
    inner = json.loads(run.stdout.strip().splitlines()[-1])
    return {"seconds": run.seconds, "rss_mb": run.peak_rss_mb, "documents": n_docs, "words": words,
            "pipe_seconds": inner["pipe_seconds"]}


def main(dask: bool = True) -> dict[str, Any]:
    paths, texts = corpus()
    if not all(p.exists() for p in paths):
        print(f"benchmark data not found under {paths[0].parent.parent} (see DEVELOPERS.md)")
        return {}
    print(f"ingest benchmark: {len(texts)} real articles ({sum(len(t.split()) for t in texts):,} words); "
          f"{WORKERS} processes each; best of {ROUNDS} whole-process runs")
    engines = {name: options for name, options in ENGINES.items() if dask or "--engine" not in options}
    results: dict[str, list[dict[str, Any]]] = {name: [] for name in engines} | {"spaCy alone": []}
    with tempfile.TemporaryDirectory() as tmp_name:
        tmp = Path(tmp_name)
        texts_file = tmp / "texts.jsonl"
        texts_file.write_text("".join(json.dumps({"text": t}) + "\n" for t in texts), encoding="utf-8")
        words = sum(len(t.split()) for t in texts)
        for n in range(ROUNDS):
            results["spaCy alone"].append(run_spacy(texts_file, len(texts), words))
            for i, (name, options) in enumerate(engines.items()):
                results[name].append(run_ingest(paths, tmp / f"ingest-{n}-{i}.db", options))
    best = {name: min(runs, key=lambda r: r["seconds"]) for name, runs in results.items()}
    print(f"{'system':18} {'docs':>5} {'seconds':>8} {'docs/s':>7} {'words/s':>8} {'peak RSS MB':>11}")
    for name, r in best.items():
        print(f"{name:18} {r['documents']:5d} {r['seconds']:8.1f} {r['documents'] / r['seconds']:7.1f} "
              f"{r['words'] / r['seconds']:8.0f} {r['rss_mb']:11.0f}")
    ours, base = best["newsintel ingest"], best["spaCy alone"]
    ratio = (ours["documents"] / ours["seconds"]) / (base["documents"] / base["seconds"])
    print(f"ratio newsintel/spaCy (docs/s, whole processes incl. start-up): {ratio:.2f}  (targets: >= 0.80 foundation,"
          " >= 0.75 with extraction)")
    print(f"  newsintel summary: {ours['summary']}")
    for name in engines:
        if name != "newsintel ingest":
            rate = best[name]["documents"] / best[name]["seconds"]
            print(f"ratio {name} / local engine (docs/s): {rate / (ours['documents'] / ours['seconds']):.2f}"
                  f"  (target for 2 workers: >= 0.90)   summary: {best[name]['summary']}")
    stages = stage_timings(paths)
    print(f"per stage, one process on one core ({stages['documents']} docs, {stages['words']:,} words):")
    for stage in ("read", "clean", "nlp", "store"):
        secs = stages[stage]
        rate, words = stages["documents"] / secs, stages["words"] / secs
        print(f"  {stage:6} {secs:7.2f}s  {rate:8.1f} docs/s  {words:9.0f} words/s")
    print(f"  (model and gazetteer load: {stages['load']:.2f}s)")
    report = {"best": best, "runs": results, "ratio": ratio, "stages": stages}
    out = ROOT / "build" / "bench-ingest.json"
    out.parent.mkdir(exist_ok=True)
    out.write_text(json.dumps(report, indent=2))
    return report


if __name__ == "__main__":
    import argparse

    parser = argparse.ArgumentParser(prog="python -m benchmarks.ingest_bench", description=__doc__.split("\n")[0])
    parser.add_argument("--no-dask", action="store_true", help="leave out the Dask engine runs")
    main(dask=not parser.parse_args().no_dask)
