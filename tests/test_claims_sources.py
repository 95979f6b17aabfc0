"""Claims from round-3 audit categories: a body's leader described by title ("the NATO leader said"), hypothetical
reports by anyone ("if the patient reports"), evidence no one vouches for ("the results indicate") and a speaker's
aside inside their own quotation. Each category both ways.

Every sentence here is written for these tests."""

from helpers import record


def claims(text: str) -> list[dict]:
    return record(text)["claims"]


def entity_name(text: str, claim: dict) -> str | None:
    names = {e["id"]: e["name"] for e in record(text)["entities"]}
    return names.get(claim["speaker"].get("entity"))


# -- "the NATO leader said": the one person named just before whose title holds "NATO" -----------------------------

TITLED = ("NATO Secretary-General Lena Vik announced new patrols over the Baltic on Monday. "
          "Vik urged member states to share the cost of the mission. ")


def test_the_bodys_leader_is_the_person_named_before_with_that_title():
    text = TITLED + "The NATO leader said she would visit the region next week."
    (claim,) = [c for c in claims(text) if c["content"].startswith("she would visit")]
    assert claim["speaker"]["text"] == "NATO leader" and entity_name(text, claim) == "Lena Vik"


def test_the_bodys_leader_is_not_another_leader_called_by_the_same_noun():
    text = ("Rebel leader Omar Dade rejected the truce on Sunday. " + TITLED
            + "The NATO leader said she would visit the region next week.")
    (claim,) = [c for c in claims(text) if c["content"].startswith("she would visit")]
    assert entity_name(text, claim) == "Lena Vik"


def test_the_bodys_leader_stays_a_description_when_no_title_names_the_body():
    text = ("Lena Vik, a doctor from Bergen, announced new patrols over the Baltic on Monday. "
            "The NATO leader said she would visit the region next week.")
    (claim,) = [c for c in claims(text) if c["content"].startswith("she would visit")]
    assert claim["speaker"]["text"] == "NATO leader" and claim["speaker"]["entity"] is None


def test_the_bodys_leader_stays_a_description_when_two_people_with_that_title_are_named():
    text = ("NATO Secretary-General Lena Vik and former NATO Secretary-General Piet Mols met on Monday. "
            "The NATO leader said she would visit the region next week.")
    (claim,) = [c for c in claims(text) if c["content"].startswith("she would visit")]
    assert claim["speaker"]["entity"] is None


# -- a hypothetical report by anyone ------------------------------------------------------------------------------

def test_anyone_reporting_in_a_condition_makes_no_claim():
    assert not [c for c in claims("The allergy is often missed if the patient reports no contact with pets.")
                if c["cue"] == "reports"]


def test_a_named_role_reporting_in_a_condition_keeps_its_conditional_claim():
    (claim,) = [c for c in claims("If the mayor says the bridge is safe, the buses will run again.")
                if c["cue"] == "says"]
    assert claim["modality"] == "conditional"


# -- evidence no one vouches for ----------------------------------------------------------------------------------

def test_bare_results_indicating_something_are_no_ones_claim():
    assert not claims("The results indicate that the reef may recover within a decade.")


def test_owned_or_qualified_evidence_keeps_its_claim():
    assert [c["speaker"]["text"] for c in claims("Official figures show that unemployment rose to 6 percent.")] == [
        "Official figures"]
    assert claims("Police records show that burglaries fell sharply last year.")


def test_evidence_inside_someones_statement_is_their_claim_alone():
    text = 'Dr Anne Roy said that hospital records showed the ward "was closed in May" for repairs.'
    assert [c["cue"] for c in claims(text)] == ["said"]


# -- an aside inside one's own quotation ----------------------------------------------------------------------------

def test_an_aside_of_the_speaker_inside_their_quotation_is_not_a_claim_of_its_own():
    text = '"The trouble is, we warn drivers all the time, they ignore the signs on the bridge," Tom Hale said.'
    assert [c["cue"] for c in claims(text)] == ["said"]



def test_a_statement_of_the_speaker_inside_their_quotation_keeps_its_claim():
    text = '"We can say that the storm has passed the valley," Tom Hale said.'
    assert sorted((c["cue"], c["speaker"]["text"]) for c in claims(text)) == [("said", "Tom Hale"),
                                                                              ("say", "Tom Hale")]


def test_evidence_that_carries_a_report_itself_keeps_its_claim():
    text = "The police log shows that a driver told officers the bridge was icy."
    assert "shows" in [c["cue"] for c in claims(text)]


# -- "the authority said" after two organisations: the one whose name shows it is an authority ---------------------

def test_of_two_organisations_named_the_description_takes_the_one_whose_name_shows_its_kind():
    text = ("Engineers from the Tarn Water Authority and from Bluefin Labs tested the river with Omnitek on Monday. "
            "The authority said the water was safe to drink.")
    (claim,) = [c for c in claims(text) if c["content"].startswith("the water")]
    assert entity_name(text, claim) == "Tarn Water Authority"


def test_of_two_organisations_of_the_kind_named_the_description_stays_unlinked():
    text = ("The Tarn Water Authority and the Kerry Road Authority tested the river on Monday. "
            "The authority said the water was safe to drink.")
    (claim,) = [c for c in claims(text) if c["content"].startswith("the water")]
    assert claim["speaker"]["entity"] is None


def test_files_are_evidence_a_speaker_reports_or_a_source_of_their_own():
    text = 'Dale Croft said that files indicated the buyer "was Austrian" but that other details were missing.'
    assert [c["cue"] for c in claims(text)] == ["said"]
    assert [c["speaker"]["text"] for c in claims("Court files show that the buyer was Austrian.")] == ["Court files"]
