"""Long documents: per-character cost and peak memory of one long article against normal articles, side by side.

Text: real reporting from ../shared/bench (the story-clustering articles and the article-extraction gold bodies),
articles joined by blank lines into one document of the wanted size in UTF-8 bytes; where the corpus runs out it
starts again with every paragraph opened by a connective ("Meanwhile, ..."), since cleaning drops repeated
paragraphs. The "one line" variant is the same text with every run of whitespace made one space: no newline at all.
Normal articles are the corpus articles of 3,000-5,000 characters, one .txt file each.

Each case is one fresh process that loads the model first (not timed), then runs `newsintel ingest --workers 1`
(read, clean, NLP, extraction, store) and reports its CPU and wall time (after one warm-up article, so that
lexicons and the gazetteer loaded on first use are not counted); the parent samples its peak RSS. Normal
articles run first and last, so a change of machine load shows. Target (issue 10): a 4.9 MB article at no more
than 2x the per-character cost of a normal article, within 2 GB. `NEWSINTEL_LONG_SIZES=250000,1000000` runs
fewer sizes (bytes).
"""

from __future__ import annotations

import json
import os
import re
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from benchmarks.procmon import run_measured
from benchmarks.shared import bench_dir

SIZES = [int(s) for s in os.environ.get("NEWSINTEL_LONG_SIZES", "250000,1000000,4900000").split(",")]
NORMAL_CHARS = (3000, 5000)
NORMAL_COUNT = 60
CONNECTIVES = ["Meanwhile", "Separately", "Earlier", "Later", "Elsewhere", "Again"]
TARGET_RATIO, TARGET_RSS_MB = 2.0, 2048
WARM_UP = ("Police arrested two men in Gaziantep on Tuesday, the governor's office said. The men, aged 24 and 31, "
           "had travelled from Istanbul and planned to cross into Syria, according to Reuters.\n")


def corpus() -> list[str]:
    stories = sorted((bench_dir("story-clustering") / "data").glob("*.json"))
    texts = [json.loads(p.read_text(encoding="utf-8"))["text"] for p in stories]
    gold = bench_dir("article-extraction") / "ground-truth.json"
    texts += [item["articleBody"] for _, item in sorted(json.loads(gold.read_text(encoding="utf-8")).items())]
    return [t.strip() for t in texts if t.strip()]


def long_text(texts: list[str], size: int, one_line: bool) -> str:
    """About `size` bytes (UTF-8) of the corpus as one document, cut at a whole character."""
    parts, total, round_ = [], 0, 0
    while total < size:
        for text in texts:
            if round_:
                word = CONNECTIVES[(round_ - 1) % len(CONNECTIVES)]
                text = "\n\n".join(f"{word}, {p.strip()}" for p in re.split(r"\n\s*\n", text) if p.strip())
            parts.append(text)
            total += len(text.encode("utf-8")) + 2
            if total >= size:
                break
        round_ += 1
    text = "\n\n".join(parts)
    if one_line:
        text = " ".join(text.split())
    return text.encode("utf-8")[:size].decode("utf-8", errors="ignore")


def child(folder: str) -> None:
    """In the measured process: load the model, then ingest every .txt file in `folder`, timed."""
    from newsintel.cli.main import main
    from newsintel.nlp.pipeline import load_nlp

    load_nlp()
    files = sorted(str(p) for p in Path(folder).glob("*.txt"))
    with tempfile.TemporaryDirectory() as warm:  # lexicons, gazetteer and store code load on first use
        Path(warm, "warm.txt").write_text(WARM_UP, encoding="utf-8")
        main(["ingest", "--quiet", "--workers", "1", "--db", str(Path(warm) / "store.db"), str(Path(warm, "warm.txt"))])
    cpu, wall = time.process_time(), time.perf_counter()
    code = main(["ingest", "--quiet", "--workers", "1", "--db", str(Path(folder) / "store.db"), *files])
    print(json.dumps({"code": code, "cpu": time.process_time() - cpu, "wall": time.perf_counter() - wall}))


def measure(name: str, texts: list[str], size: int = 0) -> dict[str, Any]:
    with tempfile.TemporaryDirectory() as tmp:
        for i, text in enumerate(texts):
            Path(tmp, f"doc{i:04d}.txt").write_text(text, encoding="utf-8")
        run = run_measured([sys.executable, "-m", "benchmarks.long_document", "--child", tmp])
    if run.returncode != 0:
        return {"name": name, "error": (run.stderr.strip().splitlines() or ["?"])[-1]}
    result = json.loads(run.stdout.strip().splitlines()[-1])
    chars = sum(len(t) for t in texts)
    return {"name": name, "size": size, "chars": chars, "bytes": sum(len(t.encode("utf-8")) for t in texts), **result,
            "cpu_us": result["cpu"] / chars * 1e6, "wall_us": result["wall"] / chars * 1e6, "rss_mb": run.peak_rss_mb}


def main() -> list[dict[str, Any]]:
    try:
        texts = corpus()
    except OSError:
        print(f"benchmark data not found under {bench_dir('')} (see DEVELOPERS.md)")
        return []
    normal = [t for t in texts if NORMAL_CHARS[0] <= len(t) <= NORMAL_CHARS[1]][:NORMAL_COUNT]
    print(f"long documents: per-character cost of ingesting one long article vs {len(normal)} normal articles "
          f"({NORMAL_CHARS[0]:,}-{NORMAL_CHARS[1]:,} chars); one fresh process each, model load not counted")
    rows = [measure("normal articles (first)", normal)]
    for size in SIZES:
        for one_line in (False, True):
            label = f"{size / 1e6:g} MB, {'one line' if one_line else 'paragraphs'}"
            rows.append(measure(label, [long_text(texts, size, one_line)], size))
    rows.append(measure("normal articles (last)", normal))
    base = [r for r in (rows[0], rows[-1]) if "error" not in r]
    cpu_base = sum(r["cpu_us"] for r in base) / len(base) if base else float("nan")
    wall_base = sum(r["wall_us"] for r in base) / len(base) if base else float("nan")
    print(f"{'case':28} {'chars':>10} {'CPU s':>7} {'wall s':>7} {'CPU us/char':>11} {'x normal':>8} "
          f"{'wall us/char':>12} {'x normal':>8} {'peak RSS MB':>11}")
    for r in rows:
        if "error" in r:
            print(f"{r['name']:28} failed: {r['error']}")
            continue
        print(f"{r['name']:28} {r['chars']:10,} {r['cpu']:7.1f} {r['wall']:7.1f} {r['cpu_us']:11.1f} "
              f"{r['cpu_us'] / cpu_base:8.2f} {r['wall_us']:12.1f} {r['wall_us'] / wall_base:8.2f} {r['rss_mb']:11.0f}")
    longest = [r for r in rows[1:-1] if "error" not in r and r["size"] == max(SIZES)]
    if longest:
        worst = max(r["cpu_us"] / cpu_base for r in longest)
        rss = max(r["rss_mb"] for r in longest)
        print(f"target: {max(SIZES) / 1e6:g} MB at <= {TARGET_RATIO:g}x the normal CPU cost per character "
              f"(worst {worst:.2f}x) within {TARGET_RSS_MB} MB (peak {rss:.0f} MB): "
              f"{'met' if worst <= TARGET_RATIO and rss <= TARGET_RSS_MB else 'MISSED'}")
    return rows


if __name__ == "__main__":
    if len(sys.argv) == 3 and sys.argv[1] == "--child":
        child(sys.argv[2])
    else:
        main()
