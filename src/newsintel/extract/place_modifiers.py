"""A town's name before an event noun that the NER model took for a person's: "the Kano bombing", "the Dapchi
kidnapping". A lone capitalised word the gazetteer knows as a town or province, which the document never writes as a
longer person's name, says where the event happened; read as a person it became the bomber or the one kidnapped
(audit: a town shown as the target of its kidnapping). "the Khashoggi murder" stays a person (no such place), and so
does "the Kennedy assassination" in a report that names John F. Kennedy."""

from __future__ import annotations

from spacy.tokens import Token

from newsintel.extract.args import MentionIndex
from newsintel.extract.parse import ParsedSentence

TOWN_KINDS = ("city", "province", "town", "village")


def town_read_as_person(ps: ParsedSentence, word: Token, mentions: MentionIndex) -> bool:
    """Whether a one-word name typed PERSON, in compound before a noun, is a town or province of the gazetteer
    whose entity in the document has no longer (person's) name."""
    if word.ent_type_ != "PERSON" or word.pos_ != "PROPN" or any(c.dep_ == "compound" for c in word.children):
        return False
    start, end = ps.char_span(word.i, word.i + 1)
    entity = mentions.at(start, end)
    if entity is not None and (entity.type != "PERSON" or len(entity.name.split()) > 1):
        return False
    from newsintel.nlp.gazetteer import load_gazetteer  # here: newsintel.nlp imports this package

    places = load_gazetteer().lookup(word.text)
    return bool(places) and places[0].kind in TOWN_KINDS and places[0].name == word.text
