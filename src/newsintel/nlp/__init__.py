"""NLP: sentences, entities and their places for a parsed document. The spaCy pipeline is built in `pipeline.py`;
running it and extraction over documents is `newsintel.annotate` (one layer up, so NLP never imports extraction)."""

from __future__ import annotations

from collections import Counter

from spacy.tokens import Doc

from newsintel.model import DocumentInfo, Record, Sentence, sentence_at
from newsintel.nlp.gazetteer import Place
from newsintel.nlp.grouping import RawMention, group_mentions
from newsintel.nlp.toponyms import document_toponyms

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
    text = doc.text  # spaCy joins every token's text for each read of Doc.text: read it once
    resolved = resolve_places(text, mentions, info.source)
    at = {(mentions[i].start, mentions[i].end): place for i, place in resolved.items() if place is not None}
    entities = group_mentions(mentions, info.id, text)
    for entity in entities:
        votes = Counter(at[(m.start, m.end)] for m in entity.mentions if (m.start, m.end) in at)
        if votes:
            entity.geo = votes.most_common(1)[0][0].as_geo()
    return Record(document=info, sentences=sentences, entities=entities)
