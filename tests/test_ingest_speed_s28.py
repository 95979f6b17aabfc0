"""Ingest speed-ups of session 28 that must not change any output: the lemmatizer's base forms held as sets
(nlp/pipeline.py `index_lemmas`) and a parsed sentence's text joined once (extract/parse.py `SentenceDoc`).
Texts written for these tests."""

import spacy
from spacy.tokens import Doc

from benchmarks.same_output import session28_off
from newsintel.extract import fact_sentences
from newsintel.extract.parse import SentenceDoc, parse_documents, span_docs
from newsintel.nlp.pipeline import index_lemmas, load_nlp

TEXT = ("Rebels seized two villages near the river on Sunday, the army said. Its spokesmen denied that soldiers "
        "had fled, but the fleeing families told reporters they were leaving their houses. Prices rose.")


def _tagged(nlp, text):
    doc = nlp.make_doc(text)
    for name in ("tok2vec", "tagger", "attribute_ruler"):
        doc = nlp.get_pipe(name)(doc)
    return doc


def test_base_forms_held_as_sets_give_the_lemmas_the_lists_give():
    nlp = load_nlp()
    lemmatizer = nlp.get_pipe("lemmatizer")
    table = lemmatizer.lookups.get_table("lemma_index")
    assert all(isinstance(forms, frozenset) for forms in table.values())
    doc = _tagged(nlp, TEXT)
    with_sets = [lemmatizer.rule_lemmatize(t) for t in doc]
    with session28_off():
        assert all(isinstance(forms, list) for forms in table.values())
        lemmatizer.cache.clear()  # spaCy's own cache of suffix-rule lemmas: worked out again from the lists
        with_lists = [lemmatizer.rule_lemmatize(t) for t in doc]
    assert with_sets == with_lists
    assert any(lemmas != [t.lower_] for t, lemmas in zip(doc, with_sets, strict=True))  # rules did something


def test_index_lemmas_turns_only_lists_into_sets():
    class Lemmatizer:
        def __init__(self):
            self.lookups = spacy.lookups.Lookups()
            self.lookups.add_table("lemma_index", {"noun": ["cat", "dog"], "verb": ["run"]})

    lemmatizer = Lemmatizer()
    index_lemmas(lemmatizer)
    index_lemmas(lemmatizer)  # twice: still the same sets
    table = lemmatizer.lookups.get_table("lemma_index")
    assert table.get("noun") == frozenset({"cat", "dog"}) and "run" in table.get("verb")
    assert "cow" not in table.get("noun")


def test_a_sentence_docs_text_is_the_joined_tokens_text():
    nlp = load_nlp()
    doc = nlp(TEXT)
    sentences = [s for _, s in fact_sentences(doc)]
    made = span_docs(doc, sentences)
    assert all(isinstance(d, SentenceDoc) for d in made)
    for sent, copy in zip(sentences, made, strict=True):
        joined = "".join(t.text_with_ws for t in copy)
        assert copy.text == joined == sent.text_with_ws
        assert copy.text == joined  # read again: the same
        assert copy[0].doc.text == joined and copy[1:3].text == joined[copy[1].idx:copy[2].idx + len(copy[2])]


def test_parsed_sentences_are_the_same_with_spacys_doc():
    nlp = load_nlp()
    doc = nlp(TEXT)

    def view():
        parsed = parse_documents(nlp, [(doc, fact_sentences(doc))])[0]
        return [(ps.index, ps.offset, ps.doc.text, [(t.text, t.dep_, t.head.i, t.lemma_) for t in ps.doc])
                for ps in parsed]

    fast = view()
    with session28_off():
        plain = parse_documents(nlp, [(doc, fact_sentences(doc))])[0]
        assert all(type(ps.doc) is Doc for ps in plain)
        slow = view()
    assert fast == slow and len(fast) >= 2


def test_the_loaded_model_leaves_the_collectors_generations_once(monkeypatch):
    import gc

    import newsintel.pipeline as pipeline

    calls = []
    freeze = gc.freeze
    monkeypatch.setattr(gc, "freeze", lambda: calls.append(1) or freeze())
    gc.unfreeze()
    try:
        with pipeline.Processor(1):
            assert gc.get_freeze_count() > 10_000  # the model's and gazetteer's objects at least
        with pipeline.Processor(1):
            pass
        assert len(calls) == 1  # a second processor freezes nothing more
    finally:
        gc.unfreeze()  # the rest of the test session collects as usual
