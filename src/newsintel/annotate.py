"""Annotation: NLP then extraction over cleaned documents, in order, each title read as its own short text.

It sits above both `nlp` and `extract` so that neither imports the other's caller: `nlp` gives sentences, entities
and places, `extract` the facts, and this module runs them over a batch with spaCy loaded once per process. Long
documents go through in chunks (`nlp/chunks.py`) with offsets into the whole text.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from itertools import islice
from typing import TypeVar

from spacy.language import Language
from spacy.tokens import Doc

from newsintel.extract import extract_facts, fact_sentences
from newsintel.extract.headlines import HeadlinePlan, add_headline_facts, plan_headline
from newsintel.extract.parse import parse_documents
from newsintel.model import DocumentInfo, Record
from newsintel.nlp import to_record
from newsintel.nlp.chunks import CHUNK_CHARS, document_docs
from newsintel.nlp.pipeline import load_nlp

BATCH_SIZE = 32
PARSE_GROUP = 8  # documents whose fact sentences are dependency-parsed together (extract/parse.py)
T = TypeVar("T")


def _plan(info: DocumentInfo) -> HeadlinePlan | None:
    try:
        return plan_headline(info)
    except Exception as err:  # a title that trips the headline rules costs the headline, not the document
        info.warnings.append(f"headline not read: {type(err).__name__}: {err}")
        return None


def _headline_docs(nlp: Language, infos: list[DocumentInfo], batch_size: int
                   ) -> dict[int, tuple[HeadlinePlan, Doc]]:
    """Position of a document -> its title's reading plan and Doc: one short extra text each, in one batch."""
    plans = [(i, plan) for i, info in enumerate(infos) if (plan := _plan(info)) is not None]
    docs = nlp.pipe((plan.text for _, plan in plans), batch_size=batch_size)
    return {i: (plan, doc) for (i, plan), doc in zip(plans, docs, strict=True)}


def _read_headline(nlp: Language, plan: HeadlinePlan, doc: Doc, record: Record) -> None:
    """The title's facts into `record` (extract/headlines.py); a failure there costs the headline, not the
    document."""
    try:
        info = record.document
        title = DocumentInfo(id=info.id + "-h", title=None, source=info.source, url=None, published=info.published,
                             text=doc.text, language=info.language)
        add_headline_facts(nlp, doc, plan, record, to_record(doc, title).entities)
    except Exception as err:  # the body's facts are kept whatever the title holds
        record.document.warnings.append(f"headline not read: {type(err).__name__}: {err}")


def annotate(infos: Iterable[DocumentInfo], batch_size: int = BATCH_SIZE,
             chunk_chars: int = CHUNK_CHARS) -> Iterator[Record]:
    """Run the pipeline over cleaned documents, in order; texts over `chunk_chars` go in chunks. Each title is
    read as its own short text (extract/headlines.py)."""
    nlp = load_nlp()
    infos = list(infos)
    headlines = _headline_docs(nlp, infos, batch_size)
    pairs = ((info.text, (i, info)) for i, info in enumerate(infos))
    for group in _groups(document_docs(nlp, pairs, batch_size, chunk_chars), PARSE_GROUP):
        parsed = parse_documents(nlp, [(doc, fact_sentences(doc)) for doc, _ in group])
        for (doc, (i, info)), sentences in zip(group, parsed, strict=True):
            record = to_record(doc, info)
            extract_facts(nlp, doc, record, sentences)
            if i in headlines:
                _read_headline(nlp, *headlines[i], record)
            yield record


def _groups(items: Iterable[T], size: int) -> Iterator[list[T]]:
    it = iter(items)
    while group := list(islice(it, size)):
        yield group
