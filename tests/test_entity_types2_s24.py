"""People the NER model typed ORG, decided by the words beside the name (issue 12, session 24; nlp/org_people.py
via nlp/type_fixes.py). Companies named like people must stay organisations. Sentences written for these tests."""

import pytest

from tests.test_entity_types import _fixed


@pytest.mark.parametrize(
    ("text", "spans", "want"),
    [
        ("The samples were checked by biologist Maren Tollefsen last spring.",
         [("Maren Tollefsen", "ORG")], [("Maren Tollefsen", "PERSON")]),
        ("Her husband Oskar Brandvold declined to comment.",
         [("Oskar Brandvold", "ORG")], [("Oskar Brandvold", "PERSON")]),
        ("Denmark's Tove Kjeldsen finished third after she fell twice.",
         [("Denmark", "GPE"), ("Tove Kjeldsen", "ORG")], [("Denmark", "GPE"), ("Tove Kjeldsen", "PERSON")]),
        ("The song was written by Lise Hovland, a Norwegian singer, in one night.",
         [("Lise Hovland", "ORG")], [("Lise Hovland", "PERSON")]),
        ("Former CEO Lars Mogensen left in May.", [("Former CEO Lars Mogensen", "ORG")], [("Lars Mogensen", "PERSON")]),
        ("A spokesman said PM Ida Varga was briefed overnight.",
         [("PM Ida Varga", "ORG")], [("Ida Varga", "PERSON")]),
        ("The letter was signed by Harlow Foods COO Rina Castell and others.",
         [("Harlow Foods COO Rina Castell", "ORG")], [("Harlow Foods", "ORG"), ("Rina Castell", "PERSON")]),
    ],
)
def test_an_org_the_words_beside_show_to_be_a_person_is_one(text, spans, want):
    assert _fixed(text, spans) == want


@pytest.mark.parametrize(
    ("text", "spans"),
    [
        ("The tobacco maker Philip Morris raised its prices.", [("Philip Morris", "ORG")]),
        ("Its biggest client Hobart Lindqvist renewed the contract.", [("Hobart Lindqvist", "ORG")]),
        ("Denmark's Nordic Shipping Group filed its results.",
         [("Denmark", "GPE"), ("Nordic Shipping Group", "ORG")]),
        ("Denmark's Halvor Bryggeri raised its prices, he said.", [("Denmark", "GPE"), ("Halvor Bryggeri", "ORG")]),
        ("Denmark's Tove Kjeldsen finished third.", [("Denmark", "GPE"), ("Tove Kjeldsen", "ORG")]),
        ("London's Tamsin Bellweather, he said, is fast.", [("London", "GPE"), ("Tamsin Bellweather", "ORG")]),
        ("The tower was bought by Harlow Lindqvist, the owner of two hotels.", [("Harlow Lindqvist", "ORG")]),
        ("The deal went to Brandt Ellery, a rival of singer Ana Ruiz.", [("Brandt Ellery", "ORG")]),
        ("Analyst firm Gartner Research cut its forecast.", [("Gartner Research", "ORG")]),
        ("Acme Holdings said President Tower would be sold.", [("Acme Holdings", "ORG"), ("President Tower", "ORG")]),
        ("The rally was organised by activist group Green Dawn.", [("Green Dawn", "ORG")]),
    ],
)
def test_a_company_or_group_without_such_evidence_stays_an_org(text, spans):
    assert _fixed(text, spans) == spans
