"""One sense per discourse for names (nlp/name_echoes.py): further occurrences of a name the document already
names, its capitals, handles and lone given name, one type per name. Entities are set by hand so that the rules
are tested whatever the NER model says; sentences written for these tests."""

from newsintel.annotate import annotate
from newsintel.model import DocumentInfo
from newsintel.nlp.grouping import RawMention, group_mentions
from newsintel.nlp.name_echoes import name_echoes
from newsintel.nlp.pipeline import load_nlp


def _doc(text: str, spans: list[tuple[str, str, int]]):
    """Sentences from the pipeline's sentence components, entities (text, label, occurrence) set by hand."""
    nlp = load_nlp()
    with nlp.select_pipes(enable=["senter", "newsintel_paragraphs"]):
        doc = nlp(text)
    ents = []
    for words, label, nth in spans:
        start = -1
        for _ in range(nth + 1):
            start = text.index(words, start + 1)
        span = doc.char_span(start, start + len(words), label=label)
        assert span is not None, words
        ents.append(span)
    doc.ents = ents
    return doc


def _echoed(text: str, spans: list[tuple[str, str, int]]) -> list[tuple[str, str, int]]:
    """(text, label, start character) of every entity after the component."""
    return [(e.text, e.label_, e.start_char) for e in name_echoes(_doc(text, spans)).ents]


def _labels(text: str, spans: list[tuple[str, str, int]]) -> list[tuple[str, str]]:
    return [(t, label) for t, label, _ in _echoed(text, spans)]


def test_a_name_tagged_once_is_tagged_wherever_it_recurs():
    text = ("Orbitra launched its second rocket on Friday. Engineers at Orbitra said the flight went well, and "
            "Kaveh Doran thanked them. Doran called Orbitra a partner.")
    assert _labels(text, [("Orbitra", "ORG", 0), ("Kaveh Doran", "PERSON", 0)]) == [
        ("Orbitra", "ORG"), ("Orbitra", "ORG"), ("Kaveh Doran", "PERSON"), ("Doran", "PERSON"), ("Orbitra", "ORG")]


def test_no_echo_inside_a_longer_capitalised_name_or_a_hyphenated_word():
    text = ("Nadia Sorel joined Vantor in May. Nadia Kemp, a rival, said Grand Vantor Hotels lost money. "
            "She bought a Vantor-branded phone.")
    found = _labels(text, [("Nadia Sorel", "PERSON", 0), ("Vantor", "ORG", 0)])
    assert found == [("Nadia Sorel", "PERSON"), ("Vantor", "ORG")]


def test_an_ordinary_word_is_no_echo_where_capitals_say_nothing():
    text = ("Beacon raised its prices. Shares of Beacon fell. Beacon lights were lit along the coast, where a "
            "beacon had stood for years.")
    found = _echoed(text, [("Beacon", "ORG", 0)])
    assert [(t, start) for t, _, start in found] == [("Beacon", 0), ("Beacon", text.index("Beacon fell"))]


def test_a_name_in_capitals_and_transcript_speaker_labels():
    text = ("Our correspondent Maria Delgado Ruiz joined us. Good morning, Karen.\n\n"
            "MARIA DELGADO RUIZ, BYLINE: Good morning.\n\nKAREN LOWE, HOST: What happened?\n\n"
            "RUIZ: Crowds gathered.\n\nLOWE: Thank you.")
    found = _labels(text, [("Maria Delgado Ruiz", "PERSON", 0), ("Karen", "PERSON", 0), ("HOST", "ORG", 0)])
    assert found == [("Maria Delgado Ruiz", "PERSON"), ("Karen", "PERSON"), ("MARIA DELGADO RUIZ", "PERSON"),
                     ("KAREN LOWE", "PERSON"), ("RUIZ", "PERSON"), ("LOWE", "PERSON")]


def test_one_word_in_capitals_is_a_person_only_as_a_speaker_label():
    text = "Officers named Tom Hale. HALE MOTORS STAYS OPEN, the sign said."
    assert _labels(text, [("Tom Hale", "PERSON", 0)]) == [("Tom Hale", "PERSON")]


def test_handles_stand_for_the_person_or_organisation_named():
    text = ("Dana Whitfield thanked Orbitra. \"See you soon @danawhitfield,\" wrote a fan; Dana Whitfield "
            "(@DanaKWhitfield) replied, and so did @Orbitra_com and @whitfield.")
    doc = name_echoes(_doc(text, [("Dana Whitfield", "PERSON", 0), ("Orbitra", "ORG", 0),
                                  ("Dana Whitfield", "PERSON", 1)]))
    handles = [(e.text, e.label_, e.kb_id_) for e in doc.ents if e.text.startswith("@")]
    assert handles == [("@danawhitfield", "PERSON", "Dana Whitfield"), ("@DanaKWhitfield", "PERSON", "Dana Whitfield"),
                       ("@Orbitra_com", "ORG", "Orbitra"), ("@whitfield", "PERSON", "Dana Whitfield")]


def test_a_handle_that_fits_two_people_or_no_one_stays_out():
    text = "Ann Reyes and Tom Reyes spoke. Follow @reyes and @annareyesfan for more."
    assert _labels(text, [("Ann Reyes", "PERSON", 0), ("Tom Reyes", "PERSON", 0)]) == [
        ("Ann Reyes", "PERSON"), ("Tom Reyes", "PERSON")]


def test_a_lone_given_name_is_the_one_person_named_in_full_with_it():
    text = "Lena Marsh left the band. Fans asked how Lena was doing, and Lena Ortiz did not answer."
    assert _labels(text, [("Lena Marsh", "PERSON", 0)]) == [("Lena Marsh", "PERSON"), ("Lena", "PERSON")]
    both = "Lena Marsh met Lena Ortiz. Fans asked how Lena was doing."
    assert _labels(both, [("Lena Marsh", "PERSON", 0), ("Lena Ortiz", "PERSON", 0)]) == [
        ("Lena Marsh", "PERSON"), ("Lena Ortiz", "PERSON")]


def test_a_lone_surname_with_a_given_name_before_it_is_the_full_name():
    text = "Yuri Kessin, the founder, was absent. Later Kessin said the app would return."
    assert _labels(text, [("Kessin", "PERSON", 1)]) == [("Yuri Kessin", "PERSON"), ("Kessin", "PERSON")]


def test_one_type_per_name_by_majority_but_a_known_place_stays_a_place():
    text = ("Orbitra said sales rose. Orbitra hired staff. Buyers praised Orbitra. Jordan Pike met officials in "
            "Jordan. Jordan said the talks went well, and Jordan agreed.")
    found = _labels(text, [("Orbitra", "ORG", 0), ("Orbitra", "ORG", 1), ("Orbitra", "PRODUCT", 2),
                           ("Jordan", "GPE", 1), ("Jordan", "PERSON", 2), ("Jordan", "PERSON", 3)])
    assert found == [("Orbitra", "ORG"), ("Orbitra", "ORG"), ("Orbitra", "ORG"), ("Jordan", "GPE"),
                     ("Jordan", "PERSON"), ("Jordan", "PERSON")]


def test_a_product_named_with_its_maker_and_a_name_with_an_age():
    text = "Velora unveiled the Velora Roadster on Monday. Kessler, 46, drove it. Ilse Kessler smiled."
    found = _labels(text, [("Velora", "ORG", 0), ("Velora Roadster", "PRODUCT", 0), ("Kessler, 46", "DATE", 0),
                           ("Ilse Kessler", "PERSON", 0)])
    assert found == [("Velora", "ORG"), ("Velora", "ORG"), ("Roadster", "PRODUCT"), ("Kessler", "PERSON"),
                     ("46", "DATE"), ("Ilse Kessler", "PERSON")]


def test_a_handle_groups_with_the_name_it_stands_for():
    mentions = [RawMention("Dana Whitfield", 0, 14, 0, "PERSON"),
                RawMention("@DanaKWhitfield", 30, 45, 1, "PERSON", kb_id="Dana Whitfield"),
                RawMention("Orbitra", 50, 57, 1, "ORG"), RawMention("@Orbitra_com", 60, 72, 2, "ORG", kb_id="Orbitra")]
    entities = {e.name: [m.text for m in e.mentions] for e in group_mentions(mentions, "d")}
    assert entities == {"Dana Whitfield": ["Dana Whitfield", "@DanaKWhitfield"], "Orbitra": ["Orbitra", "@Orbitra_com"]}


def test_through_the_pipeline_the_echoes_join_the_entity():
    text = ("Telvanna Systems founder Mirela Ostrova spoke on Tuesday. \"We will be back,\" she wrote. "
            "— Mirela Ostrova (@mirelaostrova) March 3, 2024\n\nOstrova said Telvanna Systems would appeal.")
    rec = next(annotate([DocumentInfo("doc", None, None, None, None, text)]))
    people = {e.name: sorted(m.text for m in e.mentions) for e in rec.entities if e.type == "PERSON"}
    assert people.get("Mirela Ostrova", []) == ["@mirelaostrova", "Mirela Ostrova", "Mirela Ostrova", "Ostrova"]


def test_a_company_is_named_without_its_legal_form_at_its_other_occurrences():
    text = "Quantix Inc. raised its offer on Monday. The board said Quantix would not wait, and shares of Quantix rose."
    assert _labels(text, [("Quantix Inc.", "ORG", 0)]) == [
        ("Quantix Inc.", "ORG"), ("Quantix", "ORG"), ("Quantix", "ORG")]


def test_the_short_form_of_a_company_tagged_person_is_the_company():
    text = "Harwick Sachs Group Inc. took a charge on Tuesday. Shares of Harwick Sachs fell 1 percent."
    assert _labels(text, [("Harwick Sachs Group Inc.", "ORG", 0), ("Harwick Sachs", "PERSON", 1)]) == [
        ("Harwick Sachs Group Inc.", "ORG"), ("Harwick Sachs", "ORG")]


def test_no_short_form_echo_for_an_ordinary_word_or_a_name_without_legal_form():
    text = "Pool Corp. sold pumps. Pool tables were cheap. Northwind Traders said Northwind would hire."
    assert _labels(text, [("Pool Corp.", "ORG", 0), ("Northwind Traders", "ORG", 0)]) == [
        ("Pool Corp.", "ORG"), ("Northwind Traders", "ORG")]


def test_a_name_ending_in_a_legal_form_tagged_person_is_an_organisation():
    mentions = [RawMention("Harwick Sachs Group Inc.", 0, 24, 0, "PERSON")]
    assert [e.type for e in group_mentions(mentions, "d")] == ["ORG"]
