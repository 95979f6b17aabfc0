"""A lone surname and a relative who shares it (sentences written for the tests)."""

from newsintel.nlp.grouping import RawMention, group_mentions


def _mentions(text: str, names: list[str]) -> list[RawMention]:
    out, at = [], 0
    for name in names:
        start = text.index(name, at)
        out.append(RawMention(name, start, start + len(name), text.count(".", 0, start), "PERSON"))
        at = start + len(name)
    return out


def _groups(text: str, names: list[str]) -> dict[str, list[int]]:
    return {e.name: [m.start for m in e.mentions] for e in group_mentions(_mentions(text, names), "d", text)}


def _starts(text: str, word: str) -> list[int]:
    import re

    return [m.start() for m in re.finditer(rf"\b{word}\b(?! Halvorsen)", text)]


SHE_AND_HER_FATHER = ("Halvorsen says the film changed her life. On set, Halvorsen worked 16 hours a day. She grew up "
                      "in Vermont; her father, Anders Halvorsen, taught music there. Halvorsen says she left at 17.")


def test_surname_used_before_a_relative_is_introduced_is_not_the_relative():
    groups = _groups(SHE_AND_HER_FATHER, ["Halvorsen", "Halvorsen", "Anders Halvorsen", "Halvorsen"])
    lone = [s for s in _starts(SHE_AND_HER_FATHER, "Halvorsen") if s != SHE_AND_HER_FATHER.index("Halvorsen,")]
    assert groups == {"Halvorsen": lone, "Anders Halvorsen": [SHE_AND_HER_FATHER.index("Anders")]}


def test_surname_used_once_before_the_relative_is_named_is_the_relative():
    text = "The singer visited Halvorsen at home. Her cousin, Anders Halvorsen, 21, was hurt on Monday."
    assert _groups(text, ["Halvorsen", "Anders Halvorsen"]) == {
        "Anders Halvorsen": [text.index("Halvorsen"), text.index("Anders")]}


def test_surname_after_the_full_name_still_joins_it():
    text = "Anders Halvorsen, a music teacher, retired in May. Halvorsen said he would keep playing."
    assert _groups(text, ["Anders Halvorsen", "Halvorsen"]) == {"Anders Halvorsen": [0, text.rindex("Halvorsen")]}


def test_surname_before_a_full_name_that_is_no_relative_joins_it():
    text = "Halvorsen wins the vote. Halvorsen thanks voters. The councillor Anders Halvorsen won by 200 votes."
    assert _groups(text, ["Halvorsen", "Halvorsen", "Anders Halvorsen"]) == {
        "Anders Halvorsen": [0, text.index("Halvorsen thanks"), text.index("Anders")]}


def test_surname_tagged_as_an_organisation_joins_the_lone_surname_not_the_relative():
    text = "Halvorsen says she sang. Halvorsen danced. Her brother, Nils Halvorsen, played. Halvorsen laughed."
    mentions = _mentions(text, ["Halvorsen", "Halvorsen", "Nils Halvorsen", "Halvorsen"])
    mentions[3].label = "ORG"
    groups = {e.name: [m.start for m in e.mentions] for e in group_mentions(mentions, "d", text)}
    assert groups == {"Halvorsen": [0, text.index("Halvorsen danced"), text.rindex("Halvorsen")],
                      "Nils Halvorsen": [text.index("Nils")]}
