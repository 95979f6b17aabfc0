"""The indexed attribute ruler (nlp/attributes.py) gives every token the same part of speech, morphology, lemma,
tag and dependency as the model's own spaCy AttributeRuler, exceptions included."""

from __future__ import annotations

import pytest

from newsintel.nlp.pipeline import load_nlp

TEXTS = [
    "Police arrested two men in Antwerp on Friday, and prosecutors said they had travelled to Syria in 2014.",
    "I ain't gonna tell y'all nothin' about it, the smuggler said, but he was doin' fine.\n\nThere is no border post.",
    "There were dozens of fighters who had been detained; it's unclear whether they'll be freed.",
    "The minister, who does not comment on cases, did say that the ship got stuck and that she gets calls daily.",
    "  Reporting by  staff;\n\n\nediting by the desk .  ",
    "Did the commander leave Raqqa? He did, but only because the convoy had already gone, and I saw him go.",
]


def _parsed(nlp, text: str):
    doc = nlp.make_doc(text)
    for name in ("tok2vec", "tagger", "parser"):
        doc = nlp.get_pipe(name)(doc)
    return doc


def _attributes(doc) -> list[tuple]:
    return [(t.text, t.pos_, t.tag_, str(t.morph), t.lemma_, t.dep_) for t in doc]


@pytest.mark.parametrize("text", TEXTS)
def test_same_attributes_as_the_models_ruler(text):
    nlp = load_nlp()
    ours, theirs = _parsed(nlp, text), _parsed(nlp, text)
    nlp.get_pipe("newsintel_attributes")(ours)
    nlp.get_pipe("attribute_ruler")(theirs)
    assert _attributes(ours) == _attributes(theirs)
    assert all(t.pos_ for t in ours)  # the ruler did set parts of speech (the tagger alone sets none)


def test_exception_patterns_fire():
    nlp = load_nlp()
    doc = _parsed(nlp, TEXTS[1])
    nlp.get_pipe("newsintel_attributes")(doc)
    lemmas = {t.text.lower(): t.lemma_ for t in doc}
    assert lemmas["gon"] == "go" and lemmas["na"] == "to" and lemmas["ai"] == "be"
    assert [t.pos_ for t in doc if t.is_space and "\n" in t.text] == ["SPACE"]
