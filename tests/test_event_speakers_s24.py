"""Who an event is attributed to (issue 12, judged dev round 10: wrong speaker). A reporting clause beside the main
one reports only its own clause; a coordinated clause is not reported by the verb it is coordinated with; a speaker
after its verb ("..., reported state television") speaks. Every sentence here is written for these tests."""

from helpers import events_of


def said_by(text: str, type_: str) -> list[str | None]:
    return [(e.get("attribution") or {}).get("speaker", {}).get("text") for e in events_of(text, type_)]


def test_a_contrast_clause_with_its_own_speaker_does_not_report_the_main_clause():
    text = "The families did not return to the village, although the mayor said the roads were safe."
    assert said_by(text, "RETURN") == [None]


def test_a_time_clause_with_its_own_speaker_does_not_report_the_main_clause():
    text = "Last week the rebels attacked a convoy near the border, after the minister said the army would withdraw."
    assert said_by(text, "ATTACK") == [None]


def test_the_clause_the_time_clause_reports_keeps_its_speaker():
    text = "Last week the rebels attacked a convoy near the border, after the minister said the army would withdraw."
    assert said_by(text, "EVACUATE") == ["minister"]


def test_a_trailing_speaker_still_reports_the_main_clause():
    assert said_by("The suspect fled the city on Sunday, police said.", "FLEE") == ["police"]


def test_a_clause_coordinated_with_an_apology_is_said_by_the_trailing_speaker():
    text = "A hotel manager apologized to the guests and they later traveled by bus to Denver, Harmon said."
    assert said_by(text, "TRAVEL") == ["Harmon"]


def test_what_is_added_after_an_inverted_report_is_the_outlets():
    text = "The ministry confirmed the blast, reported state television, adding that two soldiers were killed."
    assert said_by(text, "ATTACK") == ["state television"]


def test_an_inverted_report_after_the_main_clause_attributes_it_to_the_outlet():
    assert said_by("Gunmen killed four guards at the prison, reported local media.", "ATTACK") == ["local media"]


def test_the_addressee_of_told_is_no_inverted_speaker():
    text = "Gunmen killed four guards at the prison, told Reuters."
    assert "Reuters" not in said_by(text, "ATTACK")


def test_an_event_in_a_named_persons_claim_is_theirs():
    assert said_by("The prosecutor rejected Lopez's claim that guards had beaten him.", "ATTACK") == ["Lopez"]


def test_an_event_in_her_allegation_is_not_the_spokesmans_who_answers_it():
    text = ("Asked about the complaint filed by Sarah Collins, a spokesman said the manager was shocked by her "
            "allegation of assault.")
    assert said_by(text, "ATTACK") == ["Sarah Collins"]


def test_the_one_answering_an_allegation_is_never_its_owner():
    text = "A spokesman for Tom Baker said he was saddened by her allegation of assault."
    assert not {"spokesman", "Tom Baker", "spokesman for Tom Baker"} & set(said_by(text, "ATTACK"))
