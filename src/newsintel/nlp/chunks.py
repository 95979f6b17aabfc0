"""Long documents in chunks, so that NLP time and memory grow in proportion to a document's length.

The statistical components (sentence recogniser, NER) run on chunks of at most `CHUNK_CHARS` characters cut at
paragraph breaks (else line breaks, sentence ends, spaces; a text with no space at all is cut anywhere); their
Docs are joined back into one Doc whose text is exactly the document's, so every offset indexes the full text.
The rule components after NER then run on the joined Doc, so what they decide per document (one sense per
document for a place, a surname echoing a full name, an acronym defined once) still holds across chunks.
A document no longer than one chunk takes `nlp.pipe` as before.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from itertools import groupby
from typing import TypeVar

from spacy.language import Language
from spacy.pipeline import TrainablePipe
from spacy.tokens import Doc

CHUNK_CHARS = 20_000  # longest text a statistical component sees at once (~4,500 tokens of news prose)
CHUNK_BATCH = 2  # chunks per model batch: memory for activations stays near that of one 40k-character text
_GAP = re.compile(r"\s+(?=\S)")  # a run of whitespace; a chunk ends after one
_SENTENCE_END = re.compile(r"[.!?][\"'”’)\]]*$")
T = TypeVar("T")


def _break_rank(text: str, gap: re.Match[str]) -> int:
    """How good a place to cut the end of this whitespace run is: 3 blank line, 2 line break, 1 sentence end."""
    newlines = gap.group().count("\n")
    if newlines >= 2:
        return 3
    if newlines == 1:
        return 2
    return 1 if _SENTENCE_END.search(text, max(0, gap.start() - 4), gap.start()) else 0


def chunk_ends(text: str, limit: int = CHUNK_CHARS) -> list[int]:
    """End offsets of consecutive chunks covering `text`, each at most `limit` characters: after the best
    break in the second half of the chunk's reach, so chunks are at least half `limit` long where breaks allow."""
    ends: list[int] = []
    start, n = 0, len(text)
    while n - start > limit:
        hard = start + limit
        best: dict[int, int] = {}  # rank -> the last cut of that rank
        for gap in _GAP.finditer(text, start + limit // 2, hard + 1):
            if gap.end() <= hard:
                best[_break_rank(text, gap)] = gap.end()
        cut = best[max(best)] if best else hard
        ends.append(cut)
        start = cut
    ends.append(n)
    return ends


def split_text(text: str, limit: int = CHUNK_CHARS) -> list[str]:
    """`text` as consecutive chunks (joined, they give `text` back)."""
    ends = chunk_ends(text, limit)
    return [text[a:b] for a, b in zip([0, *ends[:-1]], ends, strict=True)]


def _models_end(nlp: Language) -> int:
    """Index after the last statistical component: those before it run per chunk, the rules after on the whole."""
    return 1 + max(i for i, (_, proc) in enumerate(nlp.pipeline) if isinstance(proc, TrainablePipe))


def long_doc(nlp: Language, text: str, limit: int = CHUNK_CHARS) -> Doc:
    """The Doc of a long text: models over chunks, joined into one Doc, then the rule components over it."""
    split = _models_end(nlp)
    docs: Iterable[Doc] = (nlp.make_doc(chunk) for chunk in split_text(text, limit))
    for _, proc in nlp.pipeline[:split]:
        docs = proc.pipe(docs, batch_size=CHUNK_BATCH) if hasattr(proc, "pipe") else map(proc, docs)
    doc = Doc.from_docs(list(docs), ensure_whitespace=False)
    if doc.text != text:  # cannot happen when chunks are cut from the text: a bug, not bad input
        raise RuntimeError("joined chunks do not give the document's text back")
    for _, proc in nlp.pipeline[split:]:
        doc = proc(doc)
    return doc


def document_docs(nlp: Language, items: Iterable[tuple[str, T]], batch_size: int,
                  limit: int = CHUNK_CHARS) -> Iterator[tuple[Doc, T]]:
    """(Doc, context) for each (text, context), in order: `nlp.pipe` over runs of texts up to `limit`
    characters, `long_doc` for each longer one."""
    for long, run in groupby(items, key=lambda item: len(item[0]) > limit):
        if long:
            for text, context in run:
                yield long_doc(nlp, text, limit), context
        else:
            yield from nlp.pipe(run, as_tuples=True, batch_size=batch_size)


def document_doc(nlp: Language, text: str, limit: int = CHUNK_CHARS) -> Doc:
    """The Doc of one text, long or not."""
    return long_doc(nlp, text, limit) if len(text) > limit else nlp(text)
