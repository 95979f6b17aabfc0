"""Claim speakers (issue 12, session 24): the person named beside a role for someone named speaks ("an aide to
Senator X, Y, said": Y), speakers coordinated by "and" are shown together ("Officials and witnesses said", not
"Officials" alone; "Jo and Al Roe" is no one called "Jo"), and a speaker that names nobody ("no one denies", "Who
would claim ...?") makes no claim. Each category both ways where it has two.

Every sentence here is written for these tests."""

from helpers import record


def claims(text: str) -> list[dict]:
    return record(text)["claims"]


def speakers(text: str) -> list[str]:
    return [c["speaker"]["text"] for c in claims(text)]


def speaker_entity(text: str) -> str | None:
    rec = record(text)
    entity = rec["claims"][0]["speaker"].get("entity")
    return next((e["name"] for e in rec["entities"] if e["id"] == entity), None)


# -- a name apposed to the owner of a role ----------------------------------------------------------------------


def test_the_name_after_a_role_of_a_named_person_speaks():
    text = "An aide to Senator Ruth Kelso, Tom Albers, said the bill would pass next week."
    assert speakers(text) == ["Tom Albers"]
    assert speaker_entity(text) == "Tom Albers"


def test_a_role_of_an_owner_named_by_a_noun_keeps_the_role():
    # "the mayor, Dan Pike": the name may be the mayor's, so the spokesman stays as written
    assert speakers("A spokesman for the mayor, Dan Pike, said the road would reopen.") == ["spokesman"]


# -- speakers coordinated by "and" ----------------------------------------------------------------------------


def test_coordinated_groups_speak_together():
    assert speakers("Officials and rescue workers said the bridge had collapsed at dawn.") == [
        "Officials and rescue workers"
    ]


def test_coordinated_names_speak_together_linked_to_the_first():
    text = "Hal Brenner and Ines Varga said the merger talks had collapsed."
    assert speakers(text) == ["Hal Brenner and Ines Varga"]
    assert speaker_entity(text) == "Hal Brenner"


def test_a_given_name_sharing_the_family_name_is_no_one_alone():
    text = "Pedro and Lucia Ferreira said their shop had been looted twice."
    assert speakers(text) == ["Pedro and Lucia Ferreira"]
    assert speaker_entity(text) is None


def test_either_speaker_is_not_both():
    assert speakers("Police or witnesses said the van was white.") == ["Police"]


# -- speakers that name nobody ------------------------------------------------------------------------------


def test_no_one_denies_is_no_claim():
    assert claims("No one denies that the levee is failing.") == []
    assert claims("Now no one can ignore the risk and deny that the levee is failing.") == []


def test_a_question_who_said_is_no_claim():
    assert claims("Fans were stunned: Who would claim the singer was never there?") == []


def test_a_relative_who_still_speaks():
    assert speakers("The dancer, who said she had trained for years, won the prize.") == ["dancer"]


def test_both_is_not_part_of_who_speaks():
    assert speakers("Both Lina Osei and Carl Brandt called for calm on Sunday.") == ["Lina Osei and Carl Brandt"]


def test_a_relative_who_claiming_something_still_speaks():
    assert speakers("A Syrian who had entered the country in 2015 claiming to be a student was arrested.") != []


# -- a subject the parse lost to the opening phrase ------------------------------------------------------------


def test_a_name_closing_an_opening_phrase_speaks():
    text = "In Dover, Delaware, Pastor Owen Ridley of Grace Chapel said three members of the choir were missing."
    assert speakers(text) == ["Pastor Owen Ridley"]


# -- a pronoun whose antecedent is clear ------------------------------------------------------------------------


def test_he_after_a_sentence_opened_by_a_newly_named_person():
    text = (
        '"We ask every state to act," Foreign Secretary Ben Jonas said. Prime Minister Mark Tully was also quick '
        'to condemn the launch. "This is a reckless act," he said in an interview.'
    )
    last = claims(text)[-1]
    assert last["speaker"]["text"] == "Mark Tully"
    assert "unresolved" not in last["speaker"]


def test_he_stays_unresolved_when_the_opening_name_is_only_a_possessive():
    text = (
        '"We ask every state to act," Foreign Secretary Ben Jonas said. Mark Tully\'s office did not comment on '
        'the launch. "This is a reckless act," he said in an interview.'
    )
    assert claims(text)[-1]["speaker"]["text"] == "he"


def test_he_stays_unresolved_when_the_opening_name_tells_no_gender():
    text = (
        '"We ask every state to act," Foreign Secretary Ben Jonas said. Minister Okonkwo was also quick to condemn '
        'the launch. "This is a reckless act," he said in an interview.'
    )
    assert claims(text)[-1]["speaker"]["text"] == "he"


def test_she_stays_unresolved_when_another_candidate_is_named_in_that_sentence():
    text = (
        "Singer Lena Moor posted photos of her cousin. Anna Brandt died after being shot in Dover, where Lena Moor "
        'grew up. "I will miss you," she wrote.'
    )
    assert claims(text)[-1]["speaker"]["text"] != "Anna Brandt"


# -- a name closing a description's clause ------------------------------------------------------------------------


def test_the_name_closing_a_clause_about_a_nameless_noun_speaks():
    text = "The witness, whom the radio station identified only by first name, Greta, said the lights went out first."
    assert speakers(text) == ["Greta"]


def test_he_stays_unresolved_when_the_quotation_talks_about_the_opening_name():
    text = (
        '"We ask every state to act," Foreign Secretary Ben Jonas said. Prime Minister Mark Tully was also quick to '
        'condemn the launch. "Mark did his best, but this is a reckless act," he said in an interview.'
    )
    assert claims(text)[-1]["speaker"]["text"] == "he"


# -- whose a role or a document is -----------------------------------------------------------------------------


def test_the_statement_said_is_the_statement_of_who_made_it():
    text = (
        "Three sailors were hurt in a fire near Bahrain, the US military said in a written statement late on Friday. "
        '"The cause is under investigation," the statement said.'
    )
    assert speakers(text)[-1] == "US military statement"


def test_a_statement_made_by_no_earlier_speaker_stays_as_written():
    text = 'Two soldiers died in a crash near Kandahar. "The cause is under investigation," the statement said.'
    assert speakers(text) == ["statement"]


def test_a_role_at_a_named_body_keeps_the_body():
    assert speakers("Analysts at Harlow Brothers have estimated that bank profits will rise by a tenth.") == [
        "Analysts at Harlow Brothers"
    ]
    assert speakers("Police at the scene said two men were arrested.") == ["Police"]


# -- figures and conjunctions say nothing -----------------------------------------------------------------------


def test_a_figure_is_no_speaker():
    assert claims("In adults over 30, the number who said they had smoked in the past month rose by a fifth.") == []
    assert speakers("A survey found that 63 percent of the nurses said they had worked unpaid overtime.") == ["nurses"]


def test_considering_that_is_no_statement():
    assert (
        claims("Considering that Berlin has led the way on refugees, any shift could trigger a chain reaction.") == []
    )
    assert speakers("The court is considering whether the law is valid.") == ["court"]
