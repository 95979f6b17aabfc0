"""Does an ingest speed-up leave the store unchanged? Ingest the same documents twice in this process, once with
the speed-ups of session 27 switched off (each document's sentences parsed alone, spaCy's own lemma cache only)
and once as shipped, and compare every table of the two stores row by row (ISO time stamps masked).

Usage: python -m benchmarks.same_output [FOLDER ...]   (default: the 150 documents of benchmarks.ingest_cpu)
Exits 1 and prints the first differences when the stores differ.
"""

from __future__ import annotations

import re
import sqlite3
import sys
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

STAMP = re.compile(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(?:\.\d+)?(?:[+-]\d\d:\d\d|Z)?")


@contextmanager
def speedups_off() -> Iterator[None]:
    """One document per sentence-parse batch and the lemmatizer's uncached rules, as before session 27, and the
    speed-ups of session 28 undone (`session28_off`)."""
    import newsintel.annotate as annotate
    from newsintel.nlp.pipeline import load_nlp

    lemmatizer = load_nlp().get_pipe("lemmatizer")
    group, cached = annotate.PARSE_GROUP, lemmatizer.lemmatize
    annotate.PARSE_GROUP, lemmatizer.lemmatize = 1, lemmatizer.rule_lemmatize
    try:
        with session28_off():
            yield
    finally:
        annotate.PARSE_GROUP, lemmatizer.lemmatize = group, cached


@contextmanager
def session28_off() -> Iterator[None]:
    """The speed-ups of session 28 undone: the lemmatizer's base forms searched as the model's lists, a parsed
    sentence's text joined from its tokens at each read, a text's quotations scanned at each call, the loaded
    model's objects left in the garbage collector's generations."""
    import gc

    from spacy.tokens import Doc

    import newsintel.extract.parse as parse
    import newsintel.extract.quotations as quotations
    import newsintel.pipeline as pipeline
    from newsintel.nlp.pipeline import load_nlp

    table = load_nlp().get_pipe("lemmatizer").lookups.get_table("lemma_index", {})
    sets, sentence_doc, remembered = dict(table.items()), parse.SENTENCE_DOC, quotations._quotations
    for key, forms in sets.items():
        dict.__setitem__(table, key, sorted(forms))
    parse.SENTENCE_DOC = Doc
    quotations._quotations = remembered.__wrapped__  # type: ignore[assignment]
    frozen, pipeline.FREEZE_LOADED = gc.get_freeze_count(), False
    gc.unfreeze()
    try:
        yield
    finally:
        pipeline.FREEZE_LOADED = True
        if frozen:
            gc.freeze()
        for key, forms in sets.items():
            dict.__setitem__(table, key, forms)
        parse.SENTENCE_DOC = sentence_doc
        quotations._quotations = remembered


def ingest_into(paths: list[str], db: Path) -> int:
    from newsintel.batch import ingest
    from newsintel.pipeline import Processor
    from newsintel.store import connect

    conn = connect(db)
    with Processor(1) as processor:
        summary = ingest(paths, conn, processor)
    conn.close()
    return summary.ingested


def dump(db: Path) -> dict[str, list[tuple]]:
    """Every table's rows, sorted, with time stamps masked (they say when, not what)."""
    with sqlite3.connect(db) as conn:
        tables = [name for (name,) in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")]
        out = {}
        for table in tables:
            rows = conn.execute(f'SELECT * FROM "{table}"').fetchall()
            out[table] = sorted((tuple(STAMP.sub("<time>", v) if isinstance(v, str) else v for v in row)
                                 for row in rows), key=repr)
    return out


def compare(paths: list[str]) -> list[str]:
    with tempfile.TemporaryDirectory() as tmp:
        with speedups_off():
            before_n = ingest_into(paths, Path(tmp) / "before.db")
        after_n = ingest_into(paths, Path(tmp) / "after.db")
        before, after = dump(Path(tmp) / "before.db"), dump(Path(tmp) / "after.db")
    problems = [] if before_n == after_n else [f"documents stored: {before_n} before, {after_n} after"]
    for table in sorted(set(before) | set(after)):
        a, b = before.get(table, []), after.get(table, [])
        if a != b:
            only_a = [r for r in a if r not in b][:2]
            only_b = [r for r in b if r not in a][:2]
            problems.append(f"{table}: {len(a)} rows before, {len(b)} after; before only {only_a}; after only {only_b}")
    print(f"{after_n} documents, {sum(len(rows) for rows in after.values())} rows in {len(after)} tables compared")
    return problems


def main(paths: list[str]) -> int:
    if not paths:
        from benchmarks.ingest_cpu import subset

        with tempfile.TemporaryDirectory() as tmp:
            folder, _ = subset(Path(tmp))
            return main([str(folder)])
    problems = compare(paths)
    for line in problems:
        print(line[:2000])
    print("stores identical" if not problems else f"stores DIFFER in {len(problems)} tables")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
