"""Abbreviated ranks and titles ("Sgt.", "Lt.", "Det.", "Gov.") stay one token and never end a sentence.

Why: the tokenizer knows only some titles ("Gov.", "Dr."), so "Sgt." became "Sgt" + "." and the statistical
sentence recogniser took that period for a full stop. "... said sheriff's Sgt." and "Ana Ruiz." then were two
sentences: the claim lost its speaker, the event its actor, and police-blotter text lost most of its names. The
list lives in `data/title_abbreviations.yaml`. Each entry becomes a tokenizer special case, and after the sentence
recogniser a sentence start right after one of them is cleared when a capitalised word follows on the same line (a
blank line or a line break still ends the sentence, so a heading that ends in "Gov." is left alone). A title right
after a full stop starts a sentence ("... the car. Capt. Lee said"), which the recogniser misses more often once the
title is one token.
"""

from __future__ import annotations

import functools

import numpy as np
from spacy.attrs import ORTH, SENT_START
from spacy.language import Language
from spacy.tokens import Doc

from newsintel.resources import load_yaml


@functools.cache
def title_abbreviations() -> tuple[str, ...]:
    return tuple(load_yaml("title_abbreviations.yaml")["titles"])


def add_title_tokens(nlp: Language) -> None:
    """Make every listed abbreviation one token, period included, as the tokenizer already does for "Gov."."""
    for title in title_abbreviations():
        nlp.tokenizer.add_special_case(title, [{ORTH: title}])


def _title_hashes(doc: Doc) -> np.ndarray:
    return np.fromiter((doc.vocab.strings.add(title) for title in title_abbreviations()), dtype=np.uint64)


_STOPS = {".", "!", "?"}
_CLOSING_QUOTES = {'"', "'", "”", "’"}


def _after_full_stop(doc: Doc, i: int) -> bool:
    """Does token i follow a full stop ("... the car. Capt. Lee", '... he said." Det. Ruiz')?"""
    before = doc[i - 1].text if i >= 1 else ""
    if before in _CLOSING_QUOTES and i >= 2:
        before = doc[i - 2].text
    return before in _STOPS


@Language.component("newsintel_title_abbreviations")
def keep_names_after_titles(doc: Doc) -> Doc:
    """Clear the sentence start after a title abbreviation followed by a capitalised word on the same line; a
    title right after a full stop starts a sentence (the recogniser misses some of those once the title is one
    token)."""
    if len(doc) < 2:
        return doc
    titles = np.flatnonzero(np.isin(doc.to_array([ORTH]).reshape(-1), _title_hashes(doc)))
    if not len(titles):
        return doc
    starts = doc.to_array([SENT_START]).astype(np.int64)
    for i in titles.tolist():
        if i + 1 < len(doc) and "\n" not in doc[i].whitespace_ and doc[i + 1].text[:1].isupper():
            starts[i + 1] = -1
        if i >= 1 and _after_full_stop(doc, i):
            starts[i] = 1
    doc.from_array([SENT_START], starts.astype(np.uint64))
    return doc
