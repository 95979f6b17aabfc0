"""Ingest speed-ups that must not change any output (session 27): sentences of several documents parsed in shared
batches (extract/parse.py `parse_documents`, annotate.py `PARSE_GROUP`) and every lemma cached by what the rule
lemmatizer reads (nlp/pipeline.py `cache_lemmas`). Texts written for these tests."""

import newsintel.annotate as annotate
from newsintel.extract import fact_sentences
from newsintel.extract.parse import parse_documents, parse_sentences
from newsintel.model import DocumentInfo
from newsintel.nlp.pipeline import cache_lemmas, load_nlp

TEXTS = [
    "Police arrested three men in Lisbon on Tuesday after a raid on a warehouse. The men were charged with "
    "smuggling 40 kilograms of cocaine, a spokesman said.\n\nThe harbour was closed for two hours.",
    "Heavy rain flooded the northern district. Officials said 12 people had been evacuated and one woman died.",
    "The minister resigned on Friday. She had been accused of lying to parliament about the contracts, and "
    "opposition leaders welcomed the decision. Nothing else happened.",
]


def _parse_view(parsed):
    return [(ps.index, ps.offset, [(t.text, t.tag_, t.dep_, t.head.i, t.lemma_, str(t.morph)) for t in ps.doc])
            for ps in parsed]


def test_documents_parsed_together_parse_as_each_alone():
    nlp = load_nlp()
    docs = list(nlp.pipe(TEXTS))
    alone = [_parse_view(parse_sentences(nlp, doc, fact_sentences(doc))) for doc in docs]
    together = [_parse_view(p) for p in parse_documents(nlp, [(doc, fact_sentences(doc)) for doc in docs])]
    assert together == alone
    assert all(alone)  # every text has a sentence worth parsing, so the comparison is not empty


def test_a_sentence_without_a_fact_word_is_left_out_of_the_shared_batch():
    nlp = load_nlp()
    docs = list(nlp.pipe(TEXTS))
    parsed = parse_documents(nlp, [(doc, fact_sentences(doc)) for doc in docs])
    last = docs[2]
    assert len(parsed[2]) < len(fact_sentences(last))  # "Nothing else happened." is not parsed
    for doc, sentences in zip(docs, parsed, strict=True):  # each parse belongs to its own document
        assert all(doc.text[ps.offset:ps.offset + len(ps.doc.text)] == ps.doc.text for ps in sentences)


def _records(group: int) -> list[dict]:
    infos = [DocumentInfo(id=f"d{i}", title=None, source=None, url=None, published="2025-03-04", text=t,
                          language="en") for i, t in enumerate(TEXTS)]
    kept, annotate.PARSE_GROUP = annotate.PARSE_GROUP, group
    try:
        return [r.to_json() for r in annotate.annotate(infos)]
    finally:
        annotate.PARSE_GROUP = kept


def test_records_do_not_depend_on_how_many_documents_are_parsed_together():
    one_by_one, grouped = _records(1), _records(len(TEXTS))
    assert grouped == one_by_one
    assert sum(len(r["events"]) for r in grouped) >= 2  # facts were compared, not empty lists


def test_cached_lemmas_are_the_rules_lemmas():
    nlp = load_nlp()
    lemmatizer = nlp.get_pipe("lemmatizer")
    doc = nlp.get_pipe("tagger")(nlp.get_pipe("tok2vec")(nlp.make_doc(
        "The striking workers were striking again; the strikes closed mines and the mines stayed closed.")))
    doc = nlp.get_pipe("attribute_ruler")(doc)
    first = [lemmatizer.lemmatize(t) for t in doc]
    again = [lemmatizer.lemmatize(t) for t in doc]
    rules = [lemmatizer.rule_lemmatize(t) for t in doc]
    assert first == again == rules
    first[0].append("changed")  # a caller changing the list it got does not change the cache
    assert lemmatizer.lemmatize(doc[0]) == rules[0]


def test_the_rules_run_once_per_word_tag_and_morphology():
    nlp = load_nlp()
    doc = nlp.get_pipe("attribute_ruler")(nlp.get_pipe("tagger")(nlp.get_pipe("tok2vec")(
        nlp.make_doc("Guards opened the gates and the guards opened the gates."))))

    class Rules:
        def __init__(self):
            self.calls = []

        def lemmatize(self, token):
            self.calls.append(token.text)
            return [token.lower_]

    rules = Rules()
    cache_lemmas(rules)
    lemmas = [rules.lemmatize(t)[0] for t in doc]
    assert lemmas == [t.lower_ for t in doc]
    assert len(rules.calls) == len({(t.orth, t.pos, t.morph.key) for t in doc}) < len(doc)


def test_every_data_file_reads_the_same_with_the_fast_yaml_parser():
    from importlib import resources as files

    import yaml

    from newsintel import resources

    names = [p.name for p in files.files("newsintel").joinpath("data").iterdir() if p.name.endswith(".yaml")]
    assert len(names) > 10
    for name in names:
        text = resources.data_text(name)
        assert resources._parse(text) == yaml.load(text, Loader=yaml.SafeLoader), name
