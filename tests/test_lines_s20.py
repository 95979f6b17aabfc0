"""Where lines (issue 12, round-4 audit: "wrong place", "wrong entity"): a country named as a party of the event
("a war with Peru", "treaties with Chile and the U.K.") is not where it happened, and an agreement puts its
parties at no place. Facts are written by hand in the shape extraction stores them, with their sentence."""

import pytest

from newsintel.views.common import through_unsure_pronoun, where_places


def _fact(sentence: str, location: tuple[str, ...], *, type_: str = "TRAVEL", trigger: str = "flew") -> dict:
    return {"type": type_, "modality": "asserted", "trigger": trigger, "actors": [{"text": "A"}], "targets": [],
            "origin": [], "via": [], "destination": [], "location": [{"text": t, "kind": "place"} for t in location],
            "source": {"sentence_text": sentence}}


def _texts(places: list[dict]) -> list[str]:
    return [p["text"] for p in places]


@pytest.mark.parametrize("sentence, place", [
    ("As a young pilot she flew transport planes in the 1995 border war with Peru.", "Peru"),
    ("The minister flew home after signing treaties with Chile and the U.K. last year.", "U.K."),
    ("The minister flew home after signing treaties with Chile and the U.K. last year.", "Chile"),
    ("He flew combat missions in the campaign against Serbia, his memoir says.", "Serbia"),
])
def test_a_country_named_as_a_party_is_no_place(sentence, place):
    assert where_places(_fact(sentence, (place,)), "actors") == []


def test_a_party_also_named_as_the_place_stays():
    fact = _fact("She flew to Peru for the talks with Peru on the border dispute.", ("Peru",))
    assert _texts(where_places(fact, "actors")) == ["Peru"]


def test_a_place_after_with_that_is_not_its_object_stays():
    fact = _fact("The envoy flew with two aides to Lima on Monday.", ("Lima",))
    assert _texts(where_places(fact, "actors")) == ["Lima"]
    fact = _fact("The envoy met with rebels in Lima on Monday.", ("Lima",), type_="TRAVEL", trigger="met")
    assert _texts(where_places(fact, "actors")) == ["Lima"]


@pytest.mark.parametrize("role", ["actors", "targets"])
def test_an_agreement_puts_its_parties_nowhere(role):
    fact = _fact("Its cabinet approved trade deals with governments in Chile and Peru.", ("Chile", "Peru"),
                 type_="AGREE", trigger="deals")
    assert where_places(fact, role) == []


def test_a_journey_in_the_same_sentence_keeps_its_place():
    fact = _fact("The premier flew to Santiago, where he later signed a trade deal.", ("Santiago",))
    assert _texts(where_places(fact, "actors")) == ["Santiago"]


def _group_fact(sentence: str, text: str, mention: str | None) -> dict:
    actor = {"text": text, "entity": "d-e1", "identity": "I1", **({"mention": mention} if mention else {})}
    return {"type": "ATTACK", "modality": "asserted", "trigger": "attacked", "actors": [actor], "targets": [],
            "origin": [], "via": [], "destination": [], "location": [{"text": "Tal Afar", "kind": "place"}],
            "source": {"sentence_text": sentence}}


def test_an_it_read_from_another_sentence_puts_the_group_nowhere():
    fact = _group_fact("On Friday it attacked a checkpoint in Tal Afar.", "Radio Nord", "it")
    assert through_unsure_pronoun(fact, "actors", "I1")


def test_an_it_whose_name_is_in_the_sentence_and_a_plain_name_stay():
    said = _group_fact("The Northern Front said it attacked a checkpoint in Tal Afar.", "Northern Front", "it")
    named = _group_fact("The Northern Front attacked a checkpoint in Tal Afar.", "Northern Front", None)
    other = _group_fact("On Friday it attacked a checkpoint in Tal Afar.", "Radio Nord", "it")
    assert not through_unsure_pronoun(said, "actors", "I1") and not through_unsure_pronoun(named, "actors", "I1")
    assert not through_unsure_pronoun(other, "actors", "I2")  # not the profiled identity's part
