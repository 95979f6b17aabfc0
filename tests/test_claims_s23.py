"""Claim speakers (issue 12, session 23): a speaker named only by a role or a document keeps whose it is ("a
spokesperson for X", "the family of X", "a memo by X", "the findings of X"; audit category "vague speaker, named
nearby"), a name apposed to the organisation of a role speaks ("a spokesman for the navy, Commander X, said"),
and someone "quoted as saying" / "cited as saying" speaks (a recall class). Each category both ways where it has
two.

Every sentence here is written for these tests."""

from helpers import record


def claims(text: str) -> list[dict]:
    return record(text)["claims"]


def speakers(text: str) -> list[str]:
    return [c["speaker"]["text"] for c in claims(text)]


def entity_name(text: str) -> str | None:
    rec = record(text)
    entity = rec["claims"][0]["speaker"].get("entity")
    return next((e["name"] for e in rec["entities"] if e["id"] == entity), None)


# -- a role or a document keeps whose it is ----------------------------------------------------------------------

def test_a_role_for_a_named_owner_keeps_the_owner():
    assert speakers("A spokeswoman for Governor Hal Brenner said the road would stay closed.") == [
        "spokeswoman for Governor Hal Brenner"]
    assert speakers("The family of the late singer Ines Varga said the song had never been recorded.") == [
        "family of the late singer Ines Varga"]


def test_a_role_of_no_one_named_stays_as_written():
    # session 28 (issue 12 brief): an owner named by a noun is still shown, never a shorter speaker than the text's
    assert speakers("A spokeswoman for the department said the road would stay closed.") == [
        "spokeswoman for the department"]
    assert speakers("A study of 400 nurses suggests that night shifts raise the risk.") == ["study"]


def test_a_document_speaks_for_whoever_issued_it():
    text = "A memo by the Tarrow Valley Water Board warns that the dam could fail within a decade."
    assert speakers(text) == ["memo by the Tarrow Valley Water Board"]
    assert entity_name(text) == "Tarrow Valley Water Board"
    text = "The findings of the Marine Accident Board show the ferry's ramp had not been secured."
    assert speakers(text) == ["findings of the Marine Accident Board"]
    assert entity_name(text) == "Marine Accident Board"


def test_research_by_an_unnamed_body_keeps_the_body():
    assert speakers("Research by the reporters' network suggests that the funds were moved offshore.") == [
        "Research by the reporters' network"]


def test_a_kin_noun_of_a_named_person_is_not_that_person():
    text = "Oskar Lind was arrested on Monday. The brother of Oskar Lind said the police had the wrong man."
    claim = next(c for c in claims(text) if c["cue"] == "said")
    assert claim["speaker"]["text"] == "brother of Oskar Lind"
    assert claim["speaker"].get("entity") is None


# -- a name apposed to the organisation of a role speaks -----------------------------------------------------------

def test_a_name_apposed_after_the_organisation_of_a_role_speaks():
    text = "A spokesman for the Hellenic Coast Guard, Captain Petros Lianis, said the boat sank in minutes."
    assert speakers(text) == ["Captain Petros Lianis"]


def test_a_role_of_an_organisation_without_a_name_stays_the_role():
    assert speakers("A spokesman for the Hellenic Coast Guard said the boat sank in minutes.") == [
        "spokesman for the Hellenic Coast Guard"]


# -- quoted or cited as saying -------------------------------------------------------------------------------------

def test_someone_cited_as_saying_speaks():
    found = claims("The Marlow Gazette cited Edda Holm as saying that the ferry would resume in June.")
    assert [(c["speaker"]["text"], c["content"]) for c in found] == [
        ("Edda Holm", "that the ferry would resume in June")]


def test_someone_quoted_as_saying_speaks_in_the_passive_too():
    found = claims("Edda Holm, the harbour master, was quoted as saying that the ferry would resume in June.")
    assert [(c["speaker"]["text"], c["content"]) for c in found] == [
        ("Edda Holm", "that the ferry would resume in June")]


def test_quoted_without_saying_anything_is_no_claim():
    assert claims("Edda Holm was quoted in the Marlow Gazette last week.") == []


def test_a_document_about_a_named_person_is_not_theirs():
    found = claims("According to a new biography of Senator Alma Ruiz by the historian Tom Vell, the deal collapsed.")
    assert all("Alma Ruiz" not in c["speaker"]["text"] for c in found)


def test_an_issuer_keeps_its_whole_name():
    text = "A survey by the Union of Coastal Fishermen suggests that catches fell by a third."
    assert speakers(text) == ["survey by the Union of Coastal Fishermen"]


def test_the_head_of_a_body_keeps_the_body():
    assert speakers("The state broadcaster quoted the head of the space agency as saying the launch went well.") \
        == ["head of the space agency"]


def test_who_quotes_someone_as_saying_is_the_medium_of_the_quoted_one():
    text = '"The harbour will stay closed all winter," the Marlow Gazette quoted Edda Holm as saying.'
    found = {c["speaker"]["text"]: c["medium"] for c in claims(text)}
    assert found["Edda Holm"] == "Marlow Gazette"  # and the Gazette's own claim stays (GUIDELINES: two claims)


def test_who_quotes_a_document_still_quotes_it():
    found = claims("The senator quoted the report, which said the harbour would stay closed all winter.")
    assert any(c["speaker"]["text"] == "report" for c in found)


# -- "the firm" in a report about one firm ------------------------------------------------------------------------

FIRM_STORY = ("Quillon Robotics opened a plant in Ohio on Monday. Quillon Robotics hired 300 workers there. "
              "Critics told the Dayton Ledger the plant was too small. Quillon Robotics plans a second plant. "
              "Work on the roof was delayed by snow. The firm says the second plant will open in May.")


def test_the_firm_is_the_one_the_report_is_about():
    rec = record(FIRM_STORY)
    claim = next(c for c in rec["claims"] if c["cue"] == "says")
    names = {e["id"]: e["name"] for e in rec["entities"]}
    assert (claim["speaker"]["text"], names.get(claim["speaker"].get("entity"))) == ("firm", "Quillon Robotics")


def test_the_firm_stays_unlinked_when_two_firms_share_the_report():
    text = ("Quillon Robotics opened a plant in Ohio on Monday. Varda Motors opened one in Texas. Quillon Robotics "
            "hired 300 workers. Varda Motors hired 400. Work on the roof was delayed by snow. The firm says it will "
            "hire more.")
    claim = next(c for c in record(text)["claims"] if c["cue"] == "says")
    assert claim["speaker"].get("entity") is None


def test_the_government_is_not_the_body_the_report_names_most():
    text = ("The United Nations met on Monday. The United Nations condemned the test. The United Nations asked for "
            "calm. Sirens sounded in the north. A message from the government said people should stay indoors.")
    claim = next(c for c in record(text)["claims"] if c["cue"] == "said")
    assert claim["speaker"].get("entity") is None
