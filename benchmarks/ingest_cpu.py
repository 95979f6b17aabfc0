"""CPU seconds per document of `newsintel ingest` against spaCy alone, on the same documents, side by side.

Wall time on a loaded machine is noise; CPU time (user + sys) moves much less with load. Three measurements:
- whole processes: `newsintel ingest --workers 2` and `benchmarks.spacy_alone` (2 processes) on the same DOCS
  documents (half pages, half JSON articles of the ingest benchmark's corpus), alternately, ROUNDS times; the CPU
  of each process tree (start-up and model load included) comes from `getrusage(RUSAGE_CHILDREN)`, which sums every
  descendant once it has been waited for (pool workers and spaCy's processes are joined by their parents);
- per stage in one process (`--stages`): read, clean, each spaCy component, the headline pass, the sentence
  parse, extraction, records, store, with `time.process_time` (this process, every thread);
- `--sizes`: pickled bytes of a chunk of raw documents and of its records (what crosses between processes).
"""

from __future__ import annotations

import copy
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from collections import Counter
from collections.abc import Callable
from pathlib import Path
from typing import Any

from benchmarks.ingest_bench import corpus

DOCS = 150
ROUNDS = 2
WORKERS = 2


def subset(into: Path, docs: int = DOCS) -> tuple[Path, Path]:
    """A folder of links to `docs` inputs (a third pages, the rest JSON articles) and a JSONL of the same
    documents' texts for spaCy alone (a page's gold body stands for its text)."""
    pages, stories = corpus()[0]
    gold = json.loads((pages.parent / "ground-truth.json").read_text(encoding="utf-8"))
    chosen_pages = sorted(pages.iterdir())[: docs // 3]
    chosen_stories = sorted(stories.glob("*.json"))[: docs - docs // 3]
    folder = into / "docs"
    folder.mkdir()
    texts = []
    for path in chosen_pages + chosen_stories:
        (folder / path.name).symlink_to(path)
    for path in chosen_pages:
        key = path.name.split(".")[0]
        texts.append(gold[key]["articleBody"] if key in gold else "")
    for path in chosen_stories:
        texts.append(json.loads(path.read_text(encoding="utf-8"))["text"])
    jsonl = into / "texts.jsonl"
    jsonl.write_text("".join(json.dumps({"text": t}) + "\n" for t in texts), encoding="utf-8")
    return folder, jsonl


def _tree_cpu(cmd: list[str]) -> dict[str, Any]:
    """Run `cmd`; CPU seconds (user + sys) of it and all its waited-for descendants, and wall seconds."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(["src", "."])}
    t0 = time.perf_counter()
    run = subprocess.run(cmd, capture_output=True, text=True, env=env)
    wall = time.perf_counter() - t0
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if run.returncode != 0:
        raise RuntimeError(run.stderr[-2000:])
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return {"cpu": cpu, "wall": wall, "stdout": run.stdout}


def whole_runs(folder: Path, jsonl: Path, rounds: int) -> list[dict[str, Any]]:
    runs = []
    for n in range(rounds):
        base = _tree_cpu([sys.executable, "-m", "benchmarks.spacy_alone", str(jsonl), str(WORKERS)])
        runs.append({"system": "spaCy alone", "round": n + 1, **base})
        with tempfile.TemporaryDirectory() as tmp:
            db = Path(tmp) / "s.db"
            ours = _tree_cpu([sys.executable, "-m", "newsintel", "ingest", str(folder), "--db", str(db),
                              "--workers", str(WORKERS), "--quiet"])
        runs.append({"system": "newsintel ingest", "round": n + 1, **ours})
        # start-up alone: load the model and gazetteer, fork the pool, close it (no document)
        start = _tree_cpu([sys.executable, "-c", "from newsintel.pipeline import Processor\n"
                           f"with Processor({WORKERS}): pass"])
        runs.append({"system": "newsintel start-up", "round": n + 1, **start})
        print(f"round {n + 1}: spaCy {base['cpu']:.1f} s CPU, newsintel {ours['cpu']:.1f} s CPU "
              f"(start-up {start['cpu']:.1f})", file=sys.stderr)
    return runs


class _Clock:
    """Exclusive CPU seconds per named stage: a stage's time excludes the stages timed inside it."""

    def __init__(self) -> None:
        self.spent: Counter[str] = Counter()
        self.stack: list[list[Any]] = []

    def wrap(self, name: str, fn: Callable[..., Any]) -> Callable[..., Any]:
        def timed(*args: Any, **kwargs: Any) -> Any:
            frame = [name, time.process_time(), 0.0]
            self.stack.append(frame)
            try:
                return fn(*args, **kwargs)
            finally:
                self.stack.pop()
                total = time.process_time() - frame[1]
                self.spent[name] += total - frame[2]
                if self.stack:
                    self.stack[-1][2] += total
        return timed

    def patch(self, module: Any, attr: str, name: str) -> None:
        setattr(module, attr, self.wrap(name, getattr(module, attr)))


def _body_docs(clock: _Clock, nlp: Any, infos: list[Any], batch_size: int) -> list[Any]:
    """The body Docs as `annotate` makes them, one component at a time over the batch so each is timed (a long
    document goes through `long_doc` whole)."""
    from newsintel.nlp.chunks import CHUNK_CHARS, long_doc

    out: list[Any] = [None] * len(infos)
    short = [i for i, info in enumerate(infos) if len(info.text) <= CHUNK_CHARS]
    for i in set(range(len(infos))) - set(short):
        out[i] = clock.wrap("spaCy, long documents (chunks)", long_doc)(nlp, infos[i].text)
    docs = [clock.wrap("spaCy make_doc (tokenizer)", nlp.make_doc)(infos[i].text) for i in short]
    for name, proc in nlp.pipeline:
        if hasattr(proc, "pipe"):
            docs = clock.wrap(f"spaCy {name}", lambda p=proc, d=docs: list(p.pipe(d, batch_size=batch_size)))()
        else:
            docs = [clock.wrap(f"spaCy {name}", proc)(d) for d in docs]
    for i, doc in zip(short, docs, strict=True):
        out[i] = doc
    return out


def stages(folder: Path) -> dict[str, Any]:
    """CPU seconds per stage, one process: what one ingest worker and the writer do, in `annotate`'s order."""
    import newsintel.annotate as annotate_mod
    import newsintel.extract as extract_mod
    import newsintel.extract.headlines as headlines_mod
    from newsintel.batch import list_inputs
    from newsintel.clean import clean
    from newsintel.extract import fact_sentences
    from newsintel.extract.parse import parse_documents
    from newsintel.ingest import read_path
    from newsintel.model import RawDocument
    from newsintel.nlp import to_record
    from newsintel.nlp.pipeline import load_nlp
    from newsintel.store import connect, save_record

    clock = _Clock()
    t0 = time.process_time()
    nlp = load_nlp()
    load = time.process_time() - t0
    from newsintel.pipeline import _freeze_loaded

    _freeze_loaded()  # as a Processor does before it forks its workers (language profiles: in the clean stage)
    parse = "extraction: sentence parse (tok2vec, tagger, parser, lemmas)"
    clock.patch(headlines_mod, "parse_sentences", "headline: " + parse.split(": ", 1)[1])
    clock.patch(headlines_mod, "extract_facts", "headline: extraction rules")
    files, _ = list_inputs([str(folder)])
    read = clock.wrap("read", lambda: [i for f in files for i in read_path(f) if isinstance(i, RawDocument)])
    raws = read()
    infos = []
    for raw in raws:
        try:
            infos.append(clock.wrap("clean", clean)(raw))
        except Exception:  # the ingest stores a failure; nothing to annotate
            continue
    headlines = clock.wrap("headline: plan and spaCy pipe", annotate_mod._headline_docs)(
        nlp, infos, annotate_mod.BATCH_SIZE)
    docs = _body_docs(clock, nlp, infos, annotate_mod.BATCH_SIZE)
    records = []
    group = annotate_mod.PARSE_GROUP
    for at in range(0, len(docs), group):
        parsed = clock.wrap(parse, parse_documents)(nlp, [(d, fact_sentences(d)) for d in docs[at:at + group]])
        for i, sentences in enumerate(parsed, start=at):
            record = clock.wrap("records: sentences, mentions, places, grouping", to_record)(docs[i], infos[i])
            clock.wrap("extraction: rules", extract_mod.extract_facts)(nlp, docs[i], record, sentences)
            if i in headlines:
                clock.wrap("headline: merge, records", annotate_mod._read_headline)(nlp, *headlines[i], record)
            records.append(record)
    with tempfile.TemporaryDirectory() as tmp:
        conn = connect(Path(tmp) / "stage.db")
        store = clock.wrap("store", save_record)
        for record in records:
            store(conn, record, record.document.raw_hash)
        conn.close()
    return {"documents": len(records), "load": load, "spent": dict(clock.spent)}


def paired(folder: Path, chunk: int = 8, only28: bool = False) -> dict[str, float]:
    """NLP and extraction CPU seconds with the speed-ups off and on (sessions 27 and 28, or 28's alone), in this
    process, chunk by chunk (`chunk` documents, as an ingest worker gets them), the two orders alternating: load
    slows both alike."""
    from benchmarks.same_output import session28_off, speedups_off
    from newsintel.annotate import annotate
    from newsintel.batch import list_inputs
    from newsintel.clean import clean
    from newsintel.ingest import read_path
    from newsintel.model import RawDocument

    files, _ = list_inputs([str(folder)])
    infos = []
    for raw in (i for f in files for i in read_path(f) if isinstance(i, RawDocument)):
        try:
            infos.append(clean(raw))
        except Exception:
            continue
    spent = {"off": 0.0, "on": 0.0}
    for n, at in enumerate(range(0, len(infos), chunk)):
        for mode in (("off", "on") if n % 2 == 0 else ("on", "off")):
            batch = [copy.deepcopy(info) for info in infos[at:at + chunk]]  # a record keeps warnings on its info
            t0 = time.process_time()
            if mode == "off":
                with session28_off() if only28 else speedups_off():
                    list(annotate(batch))
            else:
                list(annotate(batch))
            spent[mode] += time.process_time() - t0
    return {"documents": len(infos), **spent}


def sizes(folder: Path, chunk_size: int, chunks: int = 3) -> list[dict[str, Any]]:
    """Pickled bytes in and out per chunk (benchmarks/dask_cpu.py measures them the same way)."""
    from benchmarks.dask_cpu import sizes as chunk_sizes

    return chunk_sizes(folder, chunk_size, chunks)["chunks"]


def main(rounds: int, with_stages: bool, with_sizes: bool, docs: int, ab: bool = False,
         only28: bool = False) -> dict[str, Any]:
    report: dict[str, Any] = {"docs": docs}
    with tempfile.TemporaryDirectory() as tmp:
        folder, jsonl = subset(Path(tmp), docs)
        if ab:
            pair = report["paired"] = paired(folder, only28=only28)
            n = pair["documents"]
            which = "session 28 speed-ups" if only28 else "speed-ups"
            print(f"NLP and extraction, {which} off / on, paired by chunk: {1000 * pair['off'] / n:.1f} / "
                  f"{1000 * pair['on'] / n:.1f} ms CPU per document ({n} documents)")
        if rounds:
            runs = whole_runs(folder, jsonl, rounds)
            report["runs"] = runs
            print(f"{'CPU ms per document':22}" + "".join(f"{r['system'][:14] + ' #' + str(r['round']):>19}"
                                                          for r in runs))
            print(f"{'CPU (user+sys)':22}" + "".join(f"{1000 * r['cpu'] / docs:19.1f}" for r in runs))
            print(f"{'wall s (under load)':22}" + "".join(f"{r['wall']:19.1f}" for r in runs))
            by = {s: [r["cpu"] for r in runs if r["system"] == s] for s in {r["system"] for r in runs}}
            ours, base = min(by["newsintel ingest"]), min(by["spaCy alone"])
            print(f"CPU ratio spaCy/newsintel (best of each): {base / ours:.2f}   "
                  f"(newsintel {ours:.1f} s, spaCy {base:.1f} s, start-up {min(by['newsintel start-up']):.1f} s)")
        if with_stages:
            st = stages(folder)
            report["stages"] = st
            n = st["documents"]
            print(f"per stage, one process ({n} documents; model load {st['load']:.1f} s CPU):")
            for name, secs in sorted(st["spent"].items(), key=lambda kv: -kv[1]):
                print(f"  {name:48} {1000 * secs / n:8.1f} ms/doc")
            print(f"  {'total':48} {1000 * sum(st['spent'].values()) / n:8.1f} ms/doc")
        if with_sizes:
            from newsintel.pipeline import CHUNK

            report["sizes"] = sizes(folder, CHUNK)
            print(json.dumps(report["sizes"]))
    return report


if __name__ == "__main__":
    import argparse

    parser = argparse.ArgumentParser(prog="python -m benchmarks.ingest_cpu", description=__doc__.split("\n")[0])
    parser.add_argument("--rounds", type=int, default=ROUNDS, help="whole-process rounds (0: none)")
    parser.add_argument("--stages", action="store_true", help="also CPU per stage in one process")
    parser.add_argument("--sizes", action="store_true", help="also the pickled bytes of a chunk and its records")
    parser.add_argument("--docs", type=int, default=DOCS)
    parser.add_argument("--ab", action="store_true", help="also NLP and extraction with speed-ups off and on, paired")
    parser.add_argument("--ab28", action="store_true", help="--ab with session 28's speed-ups alone")
    parser.add_argument("--off", action="store_true",
                        help="stages with session 27's speed-ups off (benchmarks/same_output.py), for before/after")
    parser.add_argument("--json", type=Path, help="write the figures here")
    args = parser.parse_args()
    if args.off:
        from benchmarks.same_output import speedups_off

        with speedups_off():
            result = main(args.rounds, args.stages, args.sizes, args.docs, args.ab or args.ab28, args.ab28)
    else:
        result = main(args.rounds, args.stages, args.sizes, args.docs, args.ab or args.ab28, args.ab28)
    if args.json:
        args.json.write_text(json.dumps(result, indent=2, default=str))
