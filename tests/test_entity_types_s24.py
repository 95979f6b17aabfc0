"""People typed as organisations, roles and streets typed as organisations (issue 12, session 24): the type rules of
nlp/type_fixes.py and the given-name / kin rules of nlp/grouping.py. Sentences written for these tests."""

import pytest

from newsintel.nlp.grouping import RawMention, group_mentions
from tests.test_entity_types import _fixed


def _mentions(text: str, names: list[tuple[str, str]]) -> list[RawMention]:
    out, at = [], 0
    for name, label in names:
        start = text.index(name, at)
        out.append(RawMention(name, start, start + len(name), text.count(".", 0, start), label))
        at = start + len(name)
    return out


def _entities(text: str, names: list[tuple[str, str]]) -> dict[str, tuple[str, int]]:
    """name -> (type, number of mentions)."""
    return {e.name: (e.type, len(e.mentions)) for e in group_mentions(_mentions(text, names), "d", text)}


# -- roles and streets (type_fixes) -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "span"),
    [
        ("After the engine warning the Captain chose to divert to Halden.", "the Captain"),
        ("She was named Coach of the Season twice.", "Coach"),
        ("The Pilot radioed the tower at once.", "Pilot"),
        ("Walkers filled the Promenade again by noon.", "Promenade"),
    ],
)
def test_a_role_or_street_word_alone_typed_org_is_no_entity(text, span):
    assert _fixed(text, [(span, "ORG")]) == []


@pytest.mark.parametrize(
    ("text", "span", "label"),
    [
        ("A van struck cyclists on the Harbour Promenade in Marlow.", "the Harbour Promenade", "ORG"),
        ("Police sealed off Rue des Tanneurs before dawn.", "Rue des Tanneurs", "PERSON"),
        ("Shops along Kessler Avenue stayed shut.", "Kessler Avenue", "ORG"),
        ("The march ended on Via Lunga near the station.", "Via Lunga", "ORG"),
    ],
)
def test_a_street_typed_org_or_person_is_a_facility(text, span, label):
    assert _fixed(text, [(span, label)]) == [(span, "FAC")]


@pytest.mark.parametrize(
    ("text", "span"),
    [
        ("Downing Street said the talks would resume.", "Downing Street"),  # stands for the government
        ("Grant and Road Holdings bought the depot.", "Grant and Road Holdings"),
        ("Kessler Street Bank raised its rates.", "Kessler Street Bank"),  # an organisation's word
        ("The Captain Morgan Foundation gave a grant.", "The Captain Morgan Foundation"),
    ],
)
def test_organisations_named_after_streets_or_roles_stay_organisations(text, span):
    assert _fixed(text, [(span, "ORG")]) == [(span, "ORG")]


# -- given names and kin (grouping) -----------------------------------------------------------------------------

SIBLINGS = (
    "Tomas Vireo grew up in Leeds with his brother Arlo Vireo. Arlo wrote that the two rarely spoke. "
    "Arlo said they met again in 2010."
)


def test_a_lone_given_name_typed_org_joins_the_person_named_in_full():
    names = [("Tomas Vireo", "PERSON"), ("Arlo Vireo", "PERSON"), ("Arlo", "ORG"), ("Arlo", "ORG")]
    entities = _entities(SIBLINGS, names)
    assert entities["Arlo Vireo"] == ("PERSON", 3)
    assert "Arlo" not in entities


def test_a_given_name_after_a_determiner_is_no_person_alone():
    text = "Sergeant Falcon Brightwater led the drill. The army moved its Falcon launchers north."
    entities = _entities(text, [("Falcon Brightwater", "PERSON"), ("Falcon", "ORG")])
    assert entities["Falcon"] == ("ORG", 1)
    assert entities["Falcon Brightwater"] == ("PERSON", 1)


def test_a_given_name_two_people_share_joins_neither():
    text = "Arlo Vireo and Arlo Penn met in May. Arlo said the plan was sound."
    entities = _entities(text, [("Arlo Vireo", "PERSON"), ("Arlo Penn", "PERSON"), ("Arlo", "ORG")])
    assert entities["Arlo Vireo"] == ("PERSON", 1) and entities["Arlo Penn"] == ("PERSON", 1)


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("The crash killed two people. Her brother, Kesh, was driving.", "Kesh"),
        ("Kesh's wife said he had left the house at six.", "Kesh"),
    ],
)
def test_a_one_word_org_with_kin_is_a_person(text, name):
    assert _entities(text, [(name, "ORG")]) == {name: ("PERSON", 1)}


def test_every_mention_of_a_name_introduced_as_kin_is_the_person():
    text = "Her uncle Kesh drove her to school. Kesh told reporters she was calm."
    assert _entities(text, [("Kesh", "ORG"), ("Kesh", "ORG")]) == {"Kesh": ("PERSON", 2)}


@pytest.mark.parametrize(
    "text",
    [
        "Lumo signed a deal with its partner Kesh on Monday.",  # companies have partners
        "Kesh said on Monday that its sales fell.",  # speaking alone says nothing
        "Kesh's subsidiary said sales fell.",
    ],
)
def test_a_one_word_org_without_kin_stays_an_organisation(text):
    assert _entities(text, [("Kesh", "ORG")]) == {"Kesh": ("ORG", 1)}
