"""Speakers named inside their own phrase though the parse heads it with a title or a description, and a lone
surname kept apart from a relative who shares it (audit round 4: vague and wrong speakers). Every sentence here is
written for these tests."""

from helpers import record


def speakers(text: str, cue: str) -> list[tuple[str, str | None]]:
    rec = record(text)
    names = {e["id"]: e["name"] for e in rec["entities"]}
    return [(c["speaker"]["text"], names.get(c["speaker"].get("entity") or "")) for c in rec["claims"]
            if c["cue"] == cue]


def test_a_title_of_a_body_before_a_name_is_the_named_person():
    text = "Chief Executive of the Northern Harbour Authority Tom Reyes said the port would reopen on Monday."
    assert speakers(text, "said") == [("Tom Reyes", "Tom Reyes")]


def test_a_relative_of_a_named_person_is_not_that_person():
    assert speakers("The daughter of Tom Reyes said the port would reopen.", "said") == [
        ("daughter of Tom Reyes", None)]


def test_a_split_hyphenated_title_before_a_name_is_the_named_person():
    text = ("Storms are common across the region, but the coast is drier than the hills, said study co-author "
            "Piet Verhoeven, a hydrologist at Delft University.")
    assert [name for _, name in speakers(text, "said")] == ["Piet Verhoeven"]


def test_a_closing_name_after_a_relative_clause_ending_on_a_place_is_the_speaker():
    text = ("On Tuesday, while the results were still coming in, the man who led the first fishing talks with "
            "Norway, former Minister of Fisheries Arne D. Holm, argued the quotas needed a fresh look.")
    assert [name for _, name in speakers(text, "argued")] == ["Arne D. Holm"]


def test_a_name_in_apposition_with_a_person_inside_the_relative_clause_is_not_the_speaker():
    text = "The man who shot the mayor's aide, John Smith, said he was sorry."
    assert speakers(text, "said") == [("man", None)]


def test_a_surname_before_a_relative_of_the_same_name_is_not_the_relative():
    text = ("Halvorsen says the film changed her life. On set, Halvorsen worked long days. She grew up in Vermont, "
            "where her father, Anders Halvorsen, taught music. Halvorsen says she left home at 17 to study in Oslo.")
    assert {name for _, name in speakers(text, "says")} == {"Halvorsen"}


def test_she_in_the_sentence_of_a_prince_is_not_the_prince():
    text = ("Prince Henry was asked about the party. Henry spent some time explaining why he could not have been "
            "at the club, because she described him as dancing, and in those years he could not dance.")
    assert ("Henry", "Prince Henry") not in speakers(text, "described")


def test_a_victim_who_spoke_with_a_channel_is_not_the_channel():
    text = ("One passenger who spoke with the Spanish broadcaster RTVE accused the airline of leaving him on the "
            "tarmac.")
    assert [name for _, name in speakers(text, "accused")] in ([], [None])


def test_the_company_is_the_one_company_of_the_report_across_a_quotation():
    text = ('Hackers stole customer data from Microsoft on Monday. Microsoft said the breach began in May. "We are '
            'sorry," a manager said. "We will fix it." The company also said that 200 card numbers were taken.')
    assert speakers(text, "said")[-1] == ("company", "Microsoft")


def test_the_company_stays_unlinked_when_the_report_names_two():
    text = ('Hackers stole customer data from Microsoft on Monday. Microsoft said the breach began in May, and '
            'Siemens confirmed it. "We are sorry," a manager said. "We will fix it." The company also said that 200 '
            'card numbers were taken.')
    assert speakers(text, "said")[-1] == ("company", None)


def test_police_are_not_the_one_company_of_the_report():
    text = ('Hackers stole customer data from Microsoft on Monday. Microsoft said the breach began in May. "We are '
            'sorry," a manager said. "We will fix it." The police also said that 200 card numbers were taken.')
    assert speakers(text, "said")[-1] == ("police", None)


def test_a_social_media_handle_is_no_company():
    from newsintel.extract.args import MentionIndex
    from newsintel.extract.quotations import quotations
    from newsintel.extract.speakers import Speakers
    from newsintel.model import Entity, Mention

    text = ("Readers were angry. -- Kim Vale (@kimvale) June 3, 2017 The company denies the redesign is linked to "
            "the boycott.")
    at = text.index("@kimvale")
    handle = Entity("d-e1", "@kimvale", "ORG", mentions=[Mention("@kimvale", at, at + 8, 1, "ORG")])
    firm = Entity("d-e2", "Zentrix Holdings", "ORG", mentions=[Mention("Zentrix Holdings", at, at + 8, 1, "ORG")])
    start = text.index("company")
    arg = {"text": "company", "entity": None, "_at": (start, start + 7)}
    for entity, linked in ((handle, None), (firm, "d-e2")):
        ctx = Speakers(text, MentionIndex.build([entity]), quotations(text), [0, text.index("--")])
        assert ctx.definite(dict(arg), text.index("denies"))["entity"] == linked


def test_a_given_name_tells_which_of_two_people_she_stands_for():
    text = 'Maria Lindgren met James Holloway in Leeds on Monday. "We had a long talk about the mill," she said.'
    assert speakers(text, "said") == [("Maria Lindgren", "Maria Lindgren")]


def test_a_given_name_given_to_men_and_women_rules_no_one_out():
    text = 'Jordan Lindgren met James Holloway in Leeds on Monday. "We had a long talk about the mill," he said.'
    assert speakers(text, "said")[0][1] is None


def test_an_ambassador_to_a_body_before_a_name_is_the_named_person():
    text = ("Canada's ambassador to the World Trade Organization Karla Weber, talking to reporters after a late "
            "meeting in Geneva on Friday, said the vote was a mistake.")
    assert speakers(text, "said") == [("Karla Weber", "Karla Weber")]


def test_an_adviser_to_a_titled_person_is_not_that_person():
    assert speakers("An adviser to Prime Minister Karla Weber said the vote was a mistake.", "said") == [
        ("adviser", None)]
