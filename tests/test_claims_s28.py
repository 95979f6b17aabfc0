"""Claims (issue 12, session 28): the writer's source of a whole sentence ("..., the agency reported") is no part of
the quoted speaker's content even when the parse hangs it inside; a role "for" an owner no name gives ("a spokesman
for the fire service") is shown with its owner, not as a bare "spokesman". Each category both ways where it has two.

Every sentence here is written for these tests."""

from helpers import record


def claims(text: str) -> list[dict]:
    return record(text)["claims"]


def content_of(text: str, speaker: str) -> str:
    return next(c["content"] for c in claims(text) if c["speaker"]["text"] == speaker)


def speakers(text: str) -> list[str]:
    return [c["speaker"]["text"] for c in claims(text)]


# -- a trailing source of the whole sentence -------------------------------------------------------------------


def test_a_trailing_agency_after_a_closed_quotation_is_not_the_speakers_words():
    text = ("Petra Lind also said a truce with the militia was “out of the question while the shelling "
            "goes on”, the Baltic news agency reported.")
    content = content_of(text, "Petra Lind")
    assert "reported" not in content and "agency" not in content
    assert content.startswith("a truce with the militia was")


def test_a_trailing_broadcaster_is_cut_from_a_named_speakers_words():
    text = ("Omar Haddad said a deal with the union was “impossible under these terms”, Norway’s state broadcaster "
            "reported.")
    content = content_of(text, "Omar Haddad")
    assert "broadcaster" not in content and content.endswith("impossible under these terms")


def test_a_trailing_station_is_cut_from_a_described_speakers_words():
    text = "The mayor also said talks with the strikers were “pointless in a mood like this”, local radio reported."
    assert "radio" not in content_of(text, "mayor")


def test_a_reporting_verb_inside_the_words_with_more_after_it_stays():
    # the second verb is part of what was said: words follow it
    text = "Nina Vos said the clerks, who had complained for months, told the board the payroll was wrong."
    content = content_of(text, "Nina Vos")
    assert "told the board the payroll was wrong" in content


# -- a role for an owner named by a noun -----------------------------------------------------------------------


def test_a_spokesman_for_an_unnamed_body_is_shown_with_it():
    assert speakers("A spokesman for the coastal rescue service said two boats were still missing.") == [
        "spokesman for the coastal rescue service"]


def test_a_place_after_the_owner_does_not_shorten_the_speaker():
    text = "A spokeswoman for the northern army command at its base in Tromso, Norway, said the drills had ended."
    assert speakers(text) == ["spokeswoman for the northern army command"]


def test_a_lawyer_for_the_family_is_shown_with_the_family():
    assert speakers("A lawyer for the family said they would sue the hospital.") == ["lawyer for the family"]


def test_a_thing_for_an_owner_is_not_a_speaker_phrase():
    # "a plan for the city" names no one who speaks
    assert all("for the city" not in s for s in speakers("A plan for the city suggests that rents will rise."))


# -- a described speaker named right after ---------------------------------------------------------------------


def speaker_name(text: str, index: int = 0) -> str | None:
    rec = record(text)
    entity = rec["claims"][index]["speaker"].get("entity")
    return next((e["name"] for e in rec["entities"] if e["id"] == entity), None)


def test_a_spokeswoman_named_by_apposition_in_the_next_sentence_is_that_person():
    text = ("At a press conference in Bergen, a spokeswoman for the harbour authority said the pier was unsafe. "
            "“Nobody should go near it,” said the spokeswoman, Mette Sand.")
    assert speaker_name(text) == "Mette Sand"


def test_a_described_speaker_keeps_its_words_when_linked_forward():
    text = "A spokesman for the mountain rescue team said two hikers were found. The spokesman, Lars Heim, added more."
    rec = record(text)
    assert rec["claims"][0]["speaker"]["text"] == "spokesman for the mountain rescue team"
    assert speaker_name(text) == "Lars Heim"


def test_another_of_the_same_role_is_not_the_first_speaker():
    text = "A spokesman for the rail company said the line was closed. Another spokesman, Lars Heim, said it was open."
    assert speaker_name(text) is None


def test_a_name_far_after_the_statement_is_not_linked():
    text = ("A spokeswoman for the museum said the painting was a fake. The gallery opened in 1990. Its roof was "
            "repaired last year. The spokeswoman, Mette Sand, later left the museum.")
    assert speaker_name(text) is None


# -- the writer's framing after the statement --------------------------------------------------------------------


def test_the_writers_framing_after_a_comma_is_not_the_statement():
    text = "Brant Holdings said it had closed six plants, in what looked like the end of its steel business."
    content = content_of(text, "Brant Holdings")
    assert content.endswith("six plants") and "looked like" not in content


def test_framing_words_inside_a_quotation_are_the_speakers():
    text = 'Lena Morrow said: "We drew the match, in what was the longest night of my career."'
    assert "longest night" in content_of(text, "Lena Morrow")


def test_in_what_without_a_comma_is_part_of_the_words():
    text = "Lena Morrow said she did not know in what order the ballots were counted."
    assert "in what order" in content_of(text, "Lena Morrow")
