"""A writer's lead-in before "X said," and a quotation is not part of what X said: 'Of the budget, the mayor said,
"..."' gives only the quoted words. A statement split around its reporting verb keeps both parts. Sentences written
for these tests."""

from helpers import record


def contents(text: str) -> list[str]:
    return [c["content"] for c in record(text)["claims"]]


def test_a_topic_lead_in_before_the_quotation_is_the_writers():
    assert contents("Of the reason for the move, Garcia said, \u201cMoney is a big one.\u201d") == [
        "Money is a big one."]
    assert contents("On the budget, Garcia said, \u201cWe have no money left.\u201d") == ["We have no money left."]


def test_an_unquoted_statement_around_its_verb_keeps_both_parts():
    assert contents("Already, she said, they are leaving.") == ["Already, they are leaving"]



def test_a_quotation_interrupted_by_its_attribution_goes_on_after_it():
    text = "\u201cWe are not leaving,\u201d she said, \u201cbecause this is our home.\u201d"
    assert contents(text) == ["We are not leaving, because this is our home"]
    text = "\u201cWe will rebuild,\u201d said Amal Nour, a council member, \u201cbut we need help.\u201d"
    assert contents(text) == ["We will rebuild, but we need help"]
