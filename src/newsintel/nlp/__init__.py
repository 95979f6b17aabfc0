"""NLP: sentences and entities for cleaned documents, with spaCy loaded once per process."""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Iterable, Iterator

from spacy.tokens import Doc

from newsintel.model import DocumentInfo, Record, Sentence
from newsintel.nlp.grouping import RawMention, group_mentions
from newsintel.nlp.pipeline import load_nlp

BATCH_SIZE = 32


def sentences_of(doc: Doc) -> list[Sentence]:
    """Sentence spans as character offsets, trimmed of surrounding whitespace."""
    out: list[Sentence] = []
    for sent in doc.sents:
        tokens = [t for t in sent if not t.is_space]
        if tokens:
            out.append(Sentence(len(out), tokens[0].idx, tokens[-1].idx + len(tokens[-1].text)))
    return out


def to_record(doc: Doc, info: DocumentInfo) -> Record:
    sentences = sentences_of(doc)
    starts = [s.start for s in sentences]
    mentions = [
        RawMention(e.text, e.start_char, e.end_char, sentence_at(starts, e.start_char), e.label_, e.kb_id_)
        for e in doc.ents
    ]
    return Record(document=info, sentences=sentences, entities=group_mentions(mentions, info.id))


def sentence_at(starts: list[int], offset: int) -> int:
    """Index of the sentence containing `offset`, given the sorted sentence start offsets."""
    return max(0, bisect_right(starts, offset) - 1)


def annotate(infos: Iterable[DocumentInfo], batch_size: int = BATCH_SIZE) -> Iterator[Record]:
    """Run the pipeline over cleaned documents, in order."""
    nlp = load_nlp()
    pairs = ((info.text, info) for info in infos)
    for doc, info in nlp.pipe(pairs, as_tuples=True, batch_size=batch_size):
        yield to_record(doc, info)
