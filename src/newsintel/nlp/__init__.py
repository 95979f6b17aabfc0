"""NLP: sentences and entities for cleaned documents, with spaCy loaded once per process; long documents are
processed in chunks (`chunks.py`) with offsets into the whole text."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Iterator

from spacy.language import Language
from spacy.tokens import Doc

from newsintel.extract import extract_facts
from newsintel.extract.headlines import HeadlinePlan, add_headline_facts, plan_headline
from newsintel.model import DocumentInfo, Record, Sentence, sentence_at
from newsintel.nlp.chunks import CHUNK_CHARS, document_docs
from newsintel.nlp.gazetteer import Place
from newsintel.nlp.grouping import RawMention, group_mentions
from newsintel.nlp.pipeline import load_nlp
from newsintel.nlp.toponyms import document_toponyms

BATCH_SIZE = 32
POSSESSIVES = ("'s", "’s")
QUOTES = "\"“”‘’'«» "


def sentences_of(doc: Doc) -> list[Sentence]:
    """Sentence spans as character offsets, trimmed of surrounding whitespace."""
    out: list[Sentence] = []
    for sent in doc.sents:
        tokens = [t for t in sent if not t.is_space]
        if tokens:
            out.append(Sentence(len(out), tokens[0].idx, tokens[-1].idx + len(tokens[-1].text)))
    return out


def raw_mentions(doc: Doc, starts: list[int]) -> list[RawMention]:
    """The entity mentions of `doc`, trimmed of possessive endings and quotes."""
    mentions = []
    for ent in doc.ents:
        text, start, end = ent.text, ent.start_char, ent.end_char
        if text.endswith(POSSESSIVES) and len(text) > 2:  # "al-Assad's" -> "al-Assad"
            text, end = text[:-2], end - 2
        stripped = text.strip(QUOTES)
        if not stripped:
            continue
        start += len(text) - len(text.lstrip(QUOTES))
        end -= len(text) - len(text.rstrip(QUOTES))
        text = stripped
        mentions.append(RawMention(text, start, end, sentence_at(starts, start), ent.label_,
                                   ent.kb_id_))
    return mentions


def resolve_places(text: str, mentions: list[RawMention], source: str | None = None) -> dict[int, Place | None]:
    """Mention index -> the place it names (None when unresolved), for place mentions and place adjectives."""
    return document_toponyms(text, mentions, source)[0]


def to_record(doc: Doc, info: DocumentInfo) -> Record:
    sentences = sentences_of(doc)
    mentions = raw_mentions(doc, [s.start for s in sentences])
    resolved = resolve_places(doc.text, mentions, info.source)
    at = {(mentions[i].start, mentions[i].end): place for i, place in resolved.items() if place is not None}
    entities = group_mentions(mentions, info.id)
    for entity in entities:
        votes = Counter(at[(m.start, m.end)] for m in entity.mentions if (m.start, m.end) in at)
        if votes:
            entity.geo = votes.most_common(1)[0][0].as_geo()
    return Record(document=info, sentences=sentences, entities=entities)


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
    for doc, (i, info) in document_docs(nlp, pairs, batch_size, chunk_chars):
        record = to_record(doc, info)
        extract_facts(nlp, doc, record)
        if i in headlines:
            _read_headline(nlp, *headlines[i], record)
        yield record
