"""The pipeline: raw documents in, records out (clean -> NLP), in this process or across worker processes.

Failures never escape as exceptions: a document that cannot be cleaned or annotated becomes a `Failure`
naming its origin, and the batch goes on.
"""

from __future__ import annotations

import gc
import multiprocessing as mp
import os
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from itertools import islice

from newsintel.annotate import annotate
from newsintel.clean import clean, language
from newsintel.ingest.decode import InputError
from newsintel.model import DocumentInfo, Failure, RawDocument, Record
from newsintel.nlp.pipeline import load_nlp

CHUNK = 8  # documents per task sent to a worker
IN_FLIGHT_PER_WORKER = 3  # bounded read-ahead, so memory does not grow with the input
FREEZE_LOADED = True  # `_freeze_loaded` (benchmarks/same_output.py turns it off to compare)


def _clean_all(raws: list[RawDocument]) -> tuple[list[Record | Failure | None], list[tuple[int, DocumentInfo]]]:
    results: list[Record | Failure | None] = [None] * len(raws)
    cleaned: list[tuple[int, DocumentInfo]] = []
    for i, raw in enumerate(raws):
        try:
            cleaned.append((i, clean(raw)))
        except InputError as err:
            results[i] = Failure(raw.origin, str(err))
        except Exception as err:  # a bug or a pathological page must not stop the batch
            results[i] = Failure(raw.origin, f"cleaning failed: {type(err).__name__}: {err}")
    return results, cleaned


def _without_facts(info: DocumentInfo) -> Record:
    """A document in a language with no pipeline: stored and searchable, but no facts (they would be junk)."""
    info.warnings.append(language.skipped_warning(info.language or ""))
    return Record(document=info)


def _annotate_each(infos: list[DocumentInfo], origins: list[str]) -> list[Record | Failure]:
    """NLP for documents in a supported language, one result each; after a failure in the batch, one by one
    to find the culprit."""
    try:
        return list(annotate(infos))
    except Exception:
        out: list[Record | Failure] = []
        for info, origin in zip(infos, origins, strict=True):
            try:
                out.append(next(annotate([info])))
            except Exception as err:
                out.append(Failure(origin, f"NLP failed: {type(err).__name__}: {err}"))
        return out


def _annotate_supported(infos: list[DocumentInfo], origins: list[str]) -> list[Record | Failure]:
    results: list[Record | Failure | None] = [None] * len(infos)
    todo = []
    for i, info in enumerate(infos):
        if language.is_supported(info.language):
            todo.append(i)
        else:
            results[i] = _without_facts(info)
    annotated = _annotate_each([infos[i] for i in todo], [origins[i] for i in todo])
    for i, record in zip(todo, annotated, strict=True):
        results[i] = record
    return [r for r in results if r is not None]


def process_batch(raws: list[RawDocument]) -> list[Record | Failure]:
    """Clean and annotate `raws`, returning one result per input, in order."""
    results, cleaned = _clean_all(raws)
    annotated = _annotate_supported([info for _, info in cleaned], [raws[i].origin for i, _ in cleaned])
    for (i, _), record in zip(cleaned, annotated, strict=True):
        results[i] = record
    return [r for r in results if r is not None]


def annotate_batch(infos: list[DocumentInfo]) -> list[Record | Failure]:
    """NLP and extraction for documents that are already clean (re-extraction of stored documents); documents
    stored before language identification are identified now."""
    for info in infos:
        if info.language is None:
            info.language = language.identify(info.text)
    return _annotate_supported(infos, [info.origin or info.id for info in infos])


def extract_text(text: str, *, title: str | None = None, published: str | None = None,
                 source: str | None = None, url: str | None = None) -> dict:
    """The `extract --json` record for one plain text (cleaned as a .txt body would be); for tests and notebooks."""
    raw = RawDocument(origin="<text>", format="json", raw_hash="", text=text, title=title, published=published,
                      source=source, url=url)
    result = process_batch([raw])[0]
    if isinstance(result, Failure):
        raise InputError(result.reason)
    return result.to_json()


def default_workers() -> int:
    return max(1, min(os.cpu_count() or 1, 8))


def chunks(items: Iterable, size: int) -> Iterator[list]:
    it = iter(items)
    while chunk := list(islice(it, size)):
        yield chunk


def _freeze_loaded() -> None:
    """Once per process, after the model, gazetteer and language profiles are loaded: their objects (about 200,000
    the garbage collector tracks) leave its generations for good (`gc.freeze`). Every full collection walked them
    again, about 3 % of a worker's CPU; they live as long as the process, and a forked worker no longer writes
    their collector fields into the pages it shares with its parent. Nothing is freed that could be: garbage is
    collected first."""
    if FREEZE_LOADED and gc.get_freeze_count() == 0:
        gc.collect()
        gc.freeze()


class Processor:
    """Processes raw documents with `workers` processes (forked after the model is loaded, so it is shared)."""

    def __init__(self, workers: int = 1) -> None:
        load_nlp()
        language.load()
        _freeze_loaded()
        self.workers = workers
        self.pool = mp.get_context("fork").Pool(workers) if workers > 1 else None

    def __enter__(self) -> Processor:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close(terminate=exc[0] is not None)

    def close(self, terminate: bool = False) -> None:
        if self.pool is not None:
            if terminate:
                self.pool.terminate()
            else:
                self.pool.close()
            self.pool.join()
            self.pool = None

    def run(self, items: Iterable, work: Callable[[list], list[Record | Failure]] = process_batch,
            ) -> Iterator[Record | Failure]:
        """`work` over chunks of `items` (raw documents by default), results in input order; at most a few
        chunks per worker are read ahead."""
        if self.pool is None:
            for chunk in chunks(items, CHUNK):
                yield from work(chunk)
            return
        pending: deque = deque()
        for chunk in chunks(items, CHUNK):
            pending.append(self.pool.apply_async(work, (chunk,)))
            while len(pending) >= self.workers * IN_FLIGHT_PER_WORKER:
                yield from pending.popleft().get()
        while pending:
            yield from pending.popleft().get()
