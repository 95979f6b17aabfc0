"""Dependency-parse only the sentences that can hold a fact.

Sentence boundaries and NER run on every sentence; tagging, parsing and lemmas cost as much again, so they run
only on sentences with a possible trigger, reporting cue, number or relation cue (a cheap surface test on
lower-cased words). Each chosen sentence is parsed as its own small Doc; `ParsedSentence` maps its tokens back to
character offsets in the document. The small Docs are copied from one array of the document (`span_docs`):
`Span.as_doc` converts the whole document and lists all its entities for every span, which made a long document's
cost grow with the square of its length.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

import numpy as np
from spacy.attrs import ENT_IOB, LIKE_NUM, LOWER
from spacy.language import Language
from spacy.tokens import Doc, Span
from spacy.vocab import Vocab

from newsintel.extract.lexicon import lexicon

PARSE_PIPES = ("tok2vec", "tagger", "parser", "newsintel_attributes", "lemmatizer")
_DIGIT = re.compile(r"\d")
_DATELINE = re.compile(  # "PRISTINA, March 3 (Wire) - ", "SANLIURFA, Turkey, Sept 19 (Reuters) -- "
    r"^[A-Z][A-Z'’. -]{2,}(?:,\s*[A-Z][\w'’. -]+){0,2}(?:,?\s*[A-Z][a-z]{2,8}\.?\s+\d{1,2})?\s*"
    r"(?:\([^)]{1,40}\))?\s*[-—–]{1,2}\s+")

_PAGE_FURNITURE = re.compile(
    r"^(?:(?:Image copyright\s+(?:\S+\s+){0,4}?)?Image caption\s+|(?:Photo|Video|Image)\s+(?=[A-Z]{3})"
    r"|Advertisement\s+(?:Continue reading the main story\s+)?)")
_RUN_ON = re.compile(r"(?<=[a-z]) (?=(?:A|An|The) [a-z])")


@dataclass(slots=True)
class ParsedSentence:
    index: int  # sentence index in the document
    offset: int  # character offset of the sentence in the document
    doc: Doc  # the parsed sentence

    def char_span(self, start_token: int, end_token: int) -> tuple[int, int]:
        """Document character offsets of tokens [start_token, end_token) of this sentence."""
        first, last = self.doc[start_token], self.doc[end_token - 1]
        return self.offset + first.idx, self.offset + last.idx + len(last.text)


@functools.cache
def _form_hashes(vocab: Vocab) -> np.ndarray:
    return np.fromiter((vocab.strings.add(form) for form in lexicon().surface_words), dtype=np.uint64)


def parse_worthy(doc: Doc) -> np.ndarray:
    """Per token: is it an inflected form of a trigger or cue word, or a number? (vectorised over the Doc)"""
    array = doc.to_array([LOWER, LIKE_NUM])
    return np.isin(array[:, 0], _form_hashes(doc.vocab)) | (array[:, 1] == 1)


def worth_parsing(sent: Span) -> bool:
    """A sentence is parsed when a word in it is an inflected form of a trigger or cue, or a number."""
    return bool(parse_worthy(sent.doc)[sent.start:sent.end].any())


def _after(sent: Span, chars: int) -> Span:
    rest = sent.doc.char_span(sent.start_char + chars, sent.end_char, alignment_mode="expand")
    return rest if rest is not None and len(rest) > 2 else sent


def without_dateline(sent: Span) -> Span:
    """A wire dateline ("PRISTINA, March 3 (Wire) -") is not part of the first sentence's grammar."""
    match = _DATELINE.match(sent.text)
    return _after(sent, match.end()) if match else sent


def grammatical_parts(sent: Span) -> list[Span]:
    """The sentence without page furniture glued to its start by scraping ("Photo KUNDUZ, Afghanistan -- ...",
    "Image copyright EPA Image caption <caption> A suicide bomber has ..."): a caption has no full stop, so the
    sentence after it starts at the first capitalised article following a lower-case word."""
    caption = False
    for _ in range(3):
        match = _PAGE_FURNITURE.match(sent.text)
        if not match:
            break
        caption = caption or "caption" in match.group()
        sent = _after(sent, match.end())
    sent = without_dateline(sent)
    if not caption:
        return [sent]
    parts, start = [], sent.start_char
    for m in _RUN_ON.finditer(sent.text):
        part = sent.doc.char_span(start, sent.start_char + m.start(), alignment_mode="expand")
        if part is not None and len(part) > 2:
            parts.append(part)
            start = sent.start_char + m.end()
    last = sent.doc.char_span(start, sent.end_char, alignment_mode="expand")
    return [*parts, last] if last is not None and len(last) > 0 else parts or [sent]


IOB_INSIDE, IOB_BEGIN = 1, 3  # spaCy's ENT_IOB codes


class SentenceDoc(Doc):
    """A sentence's own Doc whose text is joined once: spaCy's `Doc.text` joins every token's text again at each
    read, and the extraction rules read a parsed sentence's text over a hundred times a document. Nothing changes
    a sentence Doc's tokens after it is made (no retokenizing), so the text read first stays its text."""

    @property
    def text(self) -> str:
        try:
            return self._joined  # type: ignore[has-type]
        except AttributeError:
            self._joined: str = Doc.text.__get__(self)
            return self._joined


SENTENCE_DOC: type[Doc] = SentenceDoc  # what `span_docs` makes (benchmarks/same_output.py swaps in spaCy's Doc)


def span_docs(doc: Doc, spans: list[Span]) -> list[Doc]:
    """Each span as its own Doc, the same as `span.as_doc()` gives, in time proportional to the spans' length.

    An entity cut by a span's edge is left out (its tokens get missing entity annotation), as `as_doc` does.
    A parsed document (whose heads may point outside a span) takes `as_doc` itself."""
    if doc.has_annotation("DEP") or doc.user_data or doc.cats:
        return [s.as_doc() for s in spans]
    head = Doc._get_array_attrs()  # the attributes as_doc and DocBin copy
    array = doc.to_array(head)
    # With no word vectors and no tensor, `Span.vector` averages zero vectors got one token at a time: the same
    # zeros, made here at once (its norm is then 0.0, as `Span.vector_norm` says for a zero vector).
    no_vectors = (doc.vocab.vectors.size == 0 and doc.tensor.size == 0 and "vector" not in doc.user_span_hooks
                  and "vector" not in doc.user_token_hooks and "vector_norm" not in doc.user_span_hooks)
    iob = head.index(ENT_IOB)
    out = []
    for span in spans:
        rows = array[span.start:span.end].copy()
        cut_start = len(rows) > 0 and rows[0, iob] == IOB_INSIDE
        cut_end = span.end < len(doc) and array[span.end, iob] == IOB_INSIDE
        if cut_start:
            rows[0, iob] = IOB_BEGIN
        copy = SENTENCE_DOC(doc.vocab, words=[t.text for t in span],
                            spaces=[bool(t.whitespace_) for t in span])
        copy.from_array(head, rows)
        ents = copy.ents
        cut = ([ents[0]] if ents and cut_start else []) + ([ents[-1]] if ents and cut_end else [])
        if cut:
            copy.set_ents([], missing=cut, default="unmodified")
        copy.noun_chunks_iterator = doc.noun_chunks_iterator
        copy.user_hooks = doc.user_hooks
        copy.user_span_hooks = doc.user_span_hooks
        copy.user_token_hooks = doc.user_token_hooks
        if no_vectors:
            copy.vector = np.zeros((doc.vocab.vectors_length,), dtype="f")
            copy.vector_norm = 0.0
        else:
            copy.vector = span.vector
            copy.vector_norm = span.vector_norm
        copy.tensor = doc.tensor[span.start:span.end]
        out.append(copy)
    return out


def parse_sentences(nlp: Language, doc: Doc, sentences: list[tuple[int, Span]]) -> list[ParsedSentence]:
    """Parse the given (index, sentence) pairs; the document's own tokens and entities are left untouched."""
    return parse_documents(nlp, [(doc, sentences)])[0]


def parse_documents(nlp: Language, items: list[tuple[Doc, list[tuple[int, Span]]]]) -> list[list[ParsedSentence]]:
    """`parse_sentences` for several documents at once: their sentences go through the models in shared batches
    (fewer, fuller batches cost less per token; a sentence's parse does not depend on its batch)."""
    chosen_per_doc = []
    for doc, sentences in items:
        worthy = parse_worthy(doc)
        chosen_per_doc.append([(i, part) for i, s in sentences if worthy[s.start:s.end].any()
                               for part in grammatical_parts(s)])
    docs = [d for (doc, _), chosen in zip(items, chosen_per_doc, strict=True)
            for d in span_docs(doc, [s for _, s in chosen])]
    for name in PARSE_PIPES:
        pipe = nlp.get_pipe(name)
        docs = list(pipe.pipe(docs, batch_size=64)) if hasattr(pipe, "pipe") else [pipe(d) for d in docs]
    out, at = [], 0
    for chosen in chosen_per_doc:
        out.append([ParsedSentence(i, s.start_char, d) for (i, s), d in zip(chosen, docs[at:at + len(chosen)],
                                                                           strict=True)])
        at += len(chosen)
    return out
