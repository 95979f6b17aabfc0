"""A span not written as a name is no entity, whatever label the NER model gave it (nlp/type_fixes.py). Sentences
written for these tests."""

import pytest

from tests.test_entity_types import _fixed


@pytest.mark.parametrize(
    ("text", "span", "label"),
    [
        ("The defendant was sentenced in absentia last spring.", "absentia", "GPE"),
        ("They couldn't say when the convoy would leave.", "n't", "GPE"),
        ("The crowd met the verdict with groans.", "groans", "LOC"),
        ("Send your stories to desk@example-news.org today.", "desk@example-news.org", "NORP"),
        ("Fans replied to @harbourfc within minutes.", "@harbourfc", "ORG"),
        ("The fleet still flies the 2004 models.", "2004", "EVENT"),
    ],
)
def test_a_span_not_written_as_a_name_is_no_entity(text, span, label):
    assert _fixed(text, [(span, label)]) == []


@pytest.mark.parametrize(
    ("text", "span", "label"),
    [
        ("Jihadist cells were named in the report; jihadist recruiters too.", "jihadist", "NORP"),
        ("Officials in Halden confirmed the count.", "Halden", "GPE"),
        ("The eBay listing was removed.", "eBay", "ORG"),
    ],
)
def test_names_and_group_adjectives_keep_their_label(text, span, label):
    assert _fixed(text, [(span, label)]) == [(span, label)]


@pytest.mark.parametrize(
    ("text", "span"),
    [
        ("Prosecutors identified the driver only by the initials T.B. on Monday.", "T.B."),
        ("A courier named as K.L. was detained at the border.", "K.L."),
        ("The ministry described the organiser only as R.V., a citizen aged 40.", "R.V."),
    ],
)
def test_initials_after_a_cue_are_a_person_with_a_withheld_name(text, span):
    assert _fixed(text, [(span, "GPE")]) == [(span, "PERSON")]


@pytest.mark.parametrize(
    ("text", "span"),
    [
        ("The adviser was identified as U.S. envoy last week.", "U.S."),  # a place the gazetteer knows
        ("Flights to L.A. were cancelled.", "L.A."),  # no cue
    ],
)
def test_initials_of_places_stay_places(text, span):
    assert _fixed(text, [(span, "GPE")]) == [(span, "GPE")]
