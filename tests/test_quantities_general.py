"""Quantities on general news: only counts of people or things and money (tests/gold/GUIDELINES.md section 4).

Every sentence here is written for these tests."""

from functools import cache

import pytest

from newsintel.pipeline import extract_text


@cache
def texts(text: str) -> list[str]:
    return [q["text"] for q in extract_text(text, published="2025-03-04")["quantities"]]


@pytest.mark.parametrize("text, number", [
    ("The ferry carried 40 passengers and sailed 20 miles to the island.", "20"),
    ("Prices rose 14 per cent in the capital, where 300 shops closed.", "14"),
    ("The tanker held 600 tons of diesel when 12 sailors were detained.", "600"),
    ("Residents have lived there for three years, and 30 families stayed.", "three"),
    ("Inspectors visited the site 30 times before 45 workers were hired.", "30"),
    ("The council passed Resolution 2375 after 18 members voted for it.", "2375"),
    ("The carrier ordered 50 jets of its new 787-9 model on Monday.", "9"),
    ("The hosts won 34-6 as 60,000 fans watched.", "34"),
    ("Call the hotline on 0207 555 0142 if you saw the 3 suspects.", "555"),
    ("The league's two-room offices house 25 staff.", "two"),
    ("Only one witness came forward, and 11 officers searched the park.", "one"),
    ("Shares closed at 27,934.02 while 200 traders watched.", "27,934.02"),
])
def test_numbers_that_count_no_people_or_things_are_no_quantities(text, number):
    found = texts(text)
    assert number not in found
    assert found  # the real count of the sentence is still read


def test_several_and_a_few_alone_are_no_quantities_but_several_thousand_is_one():
    found = extract_text("Several thousand farmers marched while several shops and a few banks closed.",
                         published="2025-03-04")["quantities"]
    assert [(q["text"], q["low"]) for q in found] == [("Several thousand", 3000)]


def test_money_stays_a_quantity_whatever_its_value_or_unit_word():
    found = texts("Each of them paid 2,500 dinars, and the bus fare rose to $1 a ticket.")
    assert "2,500" in " ".join(found) and any("1" in t for t in found)


def test_a_bound_before_a_currency_sign_is_kept():
    (quantity,) = extract_text("The firm reported debt of more than $700 million last year.",
                               published="2025-03-04")["quantities"]
    assert quantity["low"] == 700_000_000 and quantity["text"].startswith("more than")


def test_a_vague_plural_standing_alone_is_a_quantity():
    found = extract_text("Dozens were injured when the stand collapsed.", published="2025-03-04")["quantities"]
    assert [(q["text"], q["low"]) for q in found] == [("Dozens", 24)]


def test_a_plural_noun_spelled_like_a_vague_number_is_no_quantity():
    assert texts("The board will stop using lower test scores to rank schools.") == []
