"""Long documents: processed in chunks with every offset into the whole text, no length limit below the documented
one, and the same record as one whole Doc gives where chunking cannot matter (speed is measured in
benchmarks/long_document.py, not here)."""

import random
import re

import numpy as np
import pytest
from spacy.tokens import Doc

from newsintel.annotate import annotate
from newsintel.extract.parse import grammatical_parts, span_docs
from newsintel.model import DocumentInfo, Record
from newsintel.nlp.chunks import chunk_ends, split_text
from newsintel.nlp.pipeline import load_nlp
from tests.helpers import synthetic_article


def _record(text: str, **kwargs) -> Record:
    return next(annotate([DocumentInfo("doc", None, None, None, None, text)], **kwargs))


def _news(articles: int, seed: int = 0) -> str:
    return "\n\n".join(synthetic_article(i, seed=seed + i) for i in range(articles))


def _assert_offsets_index(record: Record, text: str) -> None:
    """Every offset in the record points at the text it claims, and sentences come in order inside the text."""
    previous_end = 0
    for i, s in enumerate(record.sentences):
        assert s.index == i
        assert previous_end <= s.start < s.end <= len(text)
        assert text[s.start:s.end] == text[s.start:s.end].strip()
        previous_end = s.end
    starts = [s.start for s in record.sentences]
    for entity in record.entities:
        for m in entity.mentions:
            assert text[m.start:m.end] == m.text
            assert record.sentences[m.sentence].start <= m.start < record.sentences[m.sentence].end
            assert m.sentence == max(i for i, start in enumerate(starts) if start <= m.start)
    for event in record.events:
        assert text[event["start"]:event["end"]] == event["trigger"]
        for actor in event["actors"]:
            assert actor["text"] in text
    for item in record.quantities:
        assert text[item["start"]:item["end"]] == item["text"]
    for claim in record.claims:
        assert text[claim["start"]:claim["end"]] == claim["cue"]
        assert claim["content"] in text


@pytest.mark.parametrize("limit", [500, 2000, 7000])
def test_chunks_give_the_text_back_and_end_after_a_paragraph(limit):
    text = _news(40)
    ends = chunk_ends(text, limit)
    assert ends[-1] == len(text) and ends == sorted(set(ends))
    chunks = split_text(text, limit)
    assert "".join(chunks) == text
    assert all(0 < len(c) <= limit for c in chunks)
    # articles (~700 chars) are blank-line apart, their lines one newline apart: a cut follows a blank line
    # where one lies in the second half of a chunk's reach, else a line break
    assert all(c.endswith("\n\n" if limit >= 2000 else "\n") for c in chunks[:-1])


def test_a_text_without_newlines_is_cut_after_sentences_then_spaces_then_anywhere():
    one_line = " ".join(_news(30).split())
    chunks = split_text(one_line, 1500)
    assert "".join(chunks) == one_line and len(chunks) > 5
    assert all(re.search(r"[.!?][\"'”’)\]]* $", c) for c in chunks[:-1])
    words = " ".join("".join(random.Random(i).choices("abcdefgh", k=9)) for i in range(2000))
    chunks = split_text(words, 1000)
    assert "".join(chunks) == words and all(c.endswith(" ") and len(c) <= 1000 for c in chunks[:-1])
    solid = "x" * 10_500
    assert [len(c) for c in split_text(solid, 4000)] == [4000, 4000, 2500]


@pytest.mark.parametrize("one_line", [False, True])
def test_offsets_of_a_chunked_document_index_the_whole_text(one_line):
    text = _news(60, seed=7)
    if one_line:
        text = " ".join(text.split())
    assert len(split_text(text, 3000)) > 4
    record = _record(text, chunk_chars=3000)
    _assert_offsets_index(record, text)
    assert record.sentences[-1].end > len(text) - 200  # the last chunk was processed too
    assert record.events and record.entities


def test_rules_still_see_the_whole_document_across_chunks():
    """A surname alone in a late chunk is the person named in full in an early one (name_echo runs on the
    joined Doc), and every mention of a person is one entity."""
    first = "Driton Haliti, 44, was arrested in Pristina in March, police said."
    filler = "\n\n".join(f"The court heard evidence about case number {i} on Tuesday." for i in range(200))
    text = f"{first}\n\n{filler}\n\nHaliti denied the charges, his lawyer said."
    record = _record(text, chunk_chars=2000)
    _assert_offsets_index(record, text)
    haliti = [e for e in record.entities if e.name == "Driton Haliti"]
    assert len(haliti) == 1
    assert text.rindex("Haliti") in {m.start for m in haliti[0].mentions}


def test_a_text_longer_than_spacys_old_limit_is_processed():
    """Over 2M characters (spaCy's max_length was 2M and refused it with E088): long runs of one unbroken
    "word" between the articles keep the model's work small while the text is long."""
    parts = [synthetic_article(i, seed=i) for i in range(21)]
    text = "\n\n".join(f"{article}\n\n{'x' * 100_000}" for article in parts)
    assert len(text) > 2_000_000
    record = _record(text)
    _assert_offsets_index(record, text)
    last = text.rindex(parts[-1])
    assert any(m.start >= last for e in record.entities for m in e.mentions)


@pytest.mark.parametrize("seed", [0, 1, 2])
def test_a_short_text_gets_nearly_the_same_record_in_small_chunks(seed):
    """Paragraphs that stand alone, cut into chunks between them: the same sentences and events; the NER model
    sees less context at a cut, so a few mentions near one may differ (typed differently or missed)."""
    text = _news(6, seed=seed * 10)
    whole, chunked = _record(text), _record(text, chunk_chars=800)
    assert len(split_text(text, 800)) > 2
    assert chunked.sentences == whole.sentences

    def mentions(record: Record) -> set:
        return {(m.start, m.end, e.type) for e in record.entities for m in e.mentions}

    def events(record: Record) -> set:
        return {(e["type"], e["start"], e["end"]) for e in record.events}

    assert events(chunked) == events(whole) and events(whole)
    same = mentions(chunked) & mentions(whole)
    assert len(same) >= 0.9 * len(mentions(chunked) | mentions(whole))


def test_sentence_docs_are_what_span_as_doc_gives():
    """span_docs copies sentences from one array of the Doc instead of Span.as_doc (quadratic over a long
    document); the copies must be the same, entities cut by a span's edge included."""
    nlp = load_nlp()
    doc = nlp(_news(5, seed=3))
    spans = [part for sent in doc.sents for part in grammatical_parts(sent)]
    spans += [doc[e.start + 1:e.end + 2] for e in doc.ents if len(e) > 1]  # cut an entity at the start
    spans += [doc[max(0, e.start - 2):e.end - 1] for e in doc.ents if len(e) > 1]  # ... and at the end
    assert len(spans) > 20
    attrs = Doc._get_array_attrs()
    for span, copy in zip(spans, span_docs(doc, spans), strict=True):
        expected = span.as_doc()
        assert copy.text == expected.text
        assert np.array_equal(copy.to_array(attrs), expected.to_array(attrs))
        assert [(e.start, e.end, e.label_, e.kb_id_) for e in copy.ents] == \
            [(e.start, e.end, e.label_, e.kb_id_) for e in expected.ents]
