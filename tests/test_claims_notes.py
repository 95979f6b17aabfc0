"""Claims from round-4 audit categories: page furniture and words that look like reports but state nothing — an
article's correction or amendment note ("An earlier version said ..."), a refusal ("denied entry to the ships"),
"said" as the determiner ("to find said relic"), and a bare "according to a statement" beside the speaker's own
verb (the statement is the medium, not who spoke). Each category both ways.

Every sentence here is written for these tests."""

from helpers import record


def claims(text: str) -> list[dict]:
    return record(text)["claims"]


def speakers(text: str) -> list[str]:
    return [c["speaker"]["text"] for c in claims(text)]


# -- correction and amendment notes are page furniture ---------------------------------------------------------

def test_a_correction_note_is_no_ones_statement():
    assert claims("Correction appended March 3, 2025: The map beside the story wrongly placed the dam north of "
                  "the town.") == []
    assert claims("Clarification added on Friday: The report first stated that the mayor had resigned.") == []


def test_an_earlier_version_of_the_article_is_no_speaker():
    assert claims("An earlier version of this story said the bridge opened in 1962.") == []


def test_a_new_version_of_a_bill_or_a_person_still_speaks():
    assert speakers("The mayor said the bridge opened in 1962.") == ["mayor"]
    assert speakers("A new version of the bill says the levy will rise in 2027.") == ["new version"]


# -- "denied entry", "denied bail": a refusal, not a denial of something said ------------------------------------

def test_denying_access_or_bail_is_a_refusal_not_a_claim():
    assert claims("The border agency denied entry to three trawlers accused of illegal fishing.") == []
    assert claims("The court denied bail to the two suspects on Tuesday.") == []
    assert claims("The regulator denied the company access to the archive.") == []


def test_denying_an_allegation_or_wrongdoing_stays_a_claim():
    assert [c["content"] for c in claims("The company denied any wrongdoing.")] == ["any wrongdoing"]
    found = claims("The minister denied the allegations and said the contract was lawful.")
    assert [c["content"] for c in found] == ["the allegations", "the contract was lawful"]


# -- "said relic": the determiner, not a report ----------------------------------------------------------------

def test_said_as_a_determiner_states_nothing():
    assert claims("The plot of racing across the desert to recover a relic, only to learn said relic was cursed, "
                  "feels tired.") == []
    assert claims("The owner of said house was fined.") == []


def test_said_after_a_subject_or_a_comma_is_a_report():
    assert speakers("Residents who fled said troops had burned the market.") == ["Residents"]
    assert speakers("Prices had risen, said officials in the port.") == ["officials"]
    assert speakers("Witnesses at the scene said troops fired.") == ["Witnesses"]


# -- "..., he told them, according to a statement": the statement is the medium -----------------------------------

def test_a_bare_statement_beside_the_speakers_own_verb_is_its_medium():
    (claim,) = claims('"This is a proud day for our town," he told the volunteers, according to a statement.')
    assert claim["speaker"]["text"] == "he" and claim["medium"] == "statement"
    (claim,) = claims('"We will rebuild," the mayor said, according to a written statement.')
    assert claim["speaker"]["text"] == "mayor" and claim["medium"] == "statement"


def test_a_statement_alone_or_one_whose_author_is_named_keeps_its_claim():
    assert speakers("The bridge will reopen in May, according to a statement.") == ["statement"]
    found = claims('"We will rebuild the school," she told parents, according to a report in the local paper.')
    assert sorted(c["cue"] for c in found) == ["according to", "told"]


# -- "X said in statements that apologized ...": the medium is no second speaker ----------------------------------

def test_a_medium_of_another_report_is_no_speaker_of_its_own():
    found = claims("The captain returned to the gate under safety rules, the airline said in posts that regretted "
                   "the delay but stood by the call.")
    assert [c["speaker"]["text"] for c in found] == ["airline"]


def test_a_statement_that_speaks_on_its_own_keeps_its_claim():
    found = claims("The statement, which warned of further strikes, was read out on state television.")
    assert [c["speaker"]["text"] for c in found] == ["statement"]


def test_a_fact_inside_an_amendment_note_is_not_the_writers():
    (event,) = record("An earlier version of this story said the suspect was arrested in Leeds.")["events"]
    assert event["attribution"] is not None and event["attribution"]["speaker"]["text"] == "earlier version"
