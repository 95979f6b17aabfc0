"""Claim speakers and content (issue 12, session 21): a description speaker linked to the entity the text gave
those words ("the circus" after "the Winslow Brothers Circus", "the chipmaker" after "chipmaker Qorvex", kin
nouns), "according to X" after a claim of the same sentence (X vouches for that claim's words, not for "Y said"; a
translation relays them), "according to X" closing the first of two coordinated clauses, a time between the verb
and "that", a label before a colon, a plural possessive inside a single-quoted quotation. Each category both ways
where it has two.

Every sentence here is written for these tests."""

from helpers import record

from newsintel.extract.quotations import quotations


def claims(text: str) -> list[dict]:
    return record(text)["claims"]


def by_cue(text: str, cue: str) -> dict:
    return next(c for c in claims(text) if c["cue"] == cue)


def entity_name(text: str, cue: str) -> str | None:
    rec = record(text)
    claim = next(c for c in rec["claims"] if c["cue"] == cue)
    return next((e["name"] for e in rec["entities"] if e["id"] == claim["speaker"].get("entity")), None)


# -- a description speaker is the entity the text gave those words -------------------------------------------------

def test_the_noun_a_name_ends_with_links_the_description():
    text = ("The moves ended a Winslow Brothers Circus tradition, said Jo Lange. "
            "The circus announced in March that it would stop touring with horses.")
    assert entity_name(text, "announced") == "Winslow Brothers Circus"


def test_the_noun_written_before_a_name_links_the_description():
    text = ("Shares of chipmaker Qorvex rose on Monday. Analysts expect more gains. "
            "The chipmaker said its sales would double.")
    assert entity_name(text, "said") == "Qorvex"


def test_a_noun_given_to_no_one_stays_unlinked():
    text = "Shares of Qorvex rose on Monday. Analysts expect more gains. The chipmaker said its sales would double."
    claim = by_cue(text, "said")
    assert claim["speaker"]["text"] == "chipmaker" and claim["speaker"].get("entity") is None


def test_a_kin_noun_continues_the_relative_who_spoke():
    text = ("The suspect kept to himself, said his brother, Tom Hadley. Tom Hadley said he was shocked by the news. "
            "The brother told reporters that the suspect owned two rifles.")
    assert entity_name(text, "told") == "Tom Hadley"


# -- "according to X" after a claim of the same sentence --------------------------------------------------------------

def test_according_to_after_a_closing_claim_vouches_for_its_words_not_for_the_reporting():
    text = ("The probe is being tested and will be ready for launch in May, the state newspaper said, citing the "
            "national space agency.")
    source = by_cue(text, "according to")  # "citing" gives the same cue
    assert source["speaker"]["text"].endswith("national space agency")
    assert source["content"] == "The probe is being tested and will be ready for launch in May"


def test_according_to_after_a_quotation_vouches_for_the_quotation():
    text = ('"Most people would never fall for such a trick, but banks report heavy losses to these schemes," the '
            "city police said in a release, according to the Daily Courier.")
    assert by_cue(text, "according to")["content"] == (
        "Most people would never fall for such a trick, but banks report heavy losses to these schemes")


def test_according_to_after_an_opening_claim_vouches_for_the_telling():
    text = "A woman detained on Friday told guards that her husband had paid the smugglers, according to an official."
    assert by_cue(text, "according to")["content"] == (
        "A woman detained on Friday told guards that her husband had paid the smugglers")


def test_according_to_before_the_claim_keeps_the_whole_report():
    text = "According to police, the driver said he had not seen the cyclist."
    assert by_cue(text, "according to")["content"] == "the driver said he had not seen the cyclist"


def test_a_translation_relays_the_speakers_words_and_speaks_for_no_one():
    text = ('"We must all work together for a lasting peace," Jo Kemal said, according to a BBC translation of '
            "his speech.")
    found = claims(text)
    assert [c["cue"] for c in found] == ["said"]
    assert found[0]["speaker"]["text"] == "Jo Kemal" and found[0]["medium"] == "translation"


# -- the scope of "according to X" -----------------------------------------------------------------------------------

def test_according_to_closing_the_first_clause_leaves_out_the_writers_second():
    text = ("The group has been raising money since 2015, according to its website, but this month it announced "
            "three new projects.")
    assert by_cue(text, "according to")["content"] == "The group has been raising money since 2015"


def test_according_to_at_the_end_covers_the_whole_sentence():
    text = "The bridge was closed on Monday and traffic was diverted, according to police."
    assert by_cue(text, "according to")["content"] == "The bridge was closed on Monday and traffic was diverted"


# -- where the content starts ------------------------------------------------------------------------------------------

def test_a_time_between_the_verb_and_that_is_the_announcings():
    text = ("The firm has worked on the engine for years, and announced this spring that a larger model was already "
            "being built.")
    assert by_cue(text, "announced")["content"] == "that a larger model was already being built"


def test_a_label_before_a_colon_is_the_writers():
    text = "In plain words: the car will circle the sun for a very long time, said Ada Kline, an astronomer."
    assert by_cue(text, "said")["content"] == "the car will circle the sun for a very long time"


def test_a_colon_inside_the_statement_stays():
    text = "The panel found two faults: the brakes were worn and the lights were broken, the inspector said."
    assert by_cue(text, "said")["content"].startswith("The panel found two faults")


# -- a plural possessive before a name inside a single-quoted quotation -------------------------------------------

def test_a_possessive_before_a_name_does_not_close_a_single_quotation():
    text = ("The paper was blunt. 'Only last year, the Western States' Energy Council announced a plan to build ten "
            "reactors. Our nation also has plans of its own,' said the official daily.")
    assert [q.text for q in quotations(text)] == [
        "Only last year, the Western States' Energy Council announced a plan to build ten reactors. "
        "Our nation also has plans of its own,"]


def test_a_quoted_name_before_a_possessive_still_closes():
    text = "She called it the 'Birds' Nest in the park. 'It is lovely,' she said."
    assert [q.text for q in quotations(text)] == ["Birds", "It is lovely,"]


def test_according_to_before_a_verb_sharing_its_subject_covers_both():
    text = ("The driver held a haulage permit, according to the transport ministry, and had three lorries registered "
            "to his firm.")
    assert by_cue(text, "according to")["content"] == (
        "The driver held a haulage permit and had three lorries registered to his firm")


def test_a_that_opening_the_quotation_stays_in_it():
    text = 'The envoy, Han Li, said: "Now that the talks have failed, we will act alone."'
    assert by_cue(text, "said")["content"].startswith("Now that the talks have failed")


def test_a_noun_given_to_two_people_links_neither():
    text = ("Grieving student Maria Gonzalez, 22, was near the stage. Emily Carter, an exchange student living "
            "nearby, saw the truck. The student said the crowd ran towards the sea.")
    claim = by_cue(text, "said")
    assert claim["speaker"]["text"] == "student" and claim["speaker"].get("entity") is None


def test_a_kind_noun_keeps_the_organisation_of_the_report():
    text = ("Photo: Harbor Pressphoto Agency\n\nThe Federal Bureau of Investigation reviewed the new emails on Sunday. "
            "The agency concluded that the case should be closed.")
    assert entity_name(text, "concluded") == "Federal Bureau of Investigation"


# -- a capitalised title with the name in apposition: the named person speaks --------------------------------------

def test_a_title_with_a_name_in_apposition_is_that_person():
    text = ('"Phone makers are running an experiment on our children," said Kid Safe\'s CEO, Martin Ostrow, warning '
            "that the apps may harm young users.")
    assert entity_name(text, "said") == "Martin Ostrow"


def test_a_title_with_no_name_stays_as_written():
    text = '"Phone makers are running an experiment on our children," said Kid Safe\'s CEO on Monday.'
    claim = by_cue(text, "said")
    assert "CEO" in claim["speaker"]["text"] and claim["speaker"].get("entity") is None


# -- a coordinated verb shares its auxiliary: "should ... and consider" is asked of people, not said -----------------

def test_a_verb_sharing_should_states_nothing():
    text = ("Perhaps more readers should pause for a minute and imagine what the city would be like without a free "
            "press.")
    assert claims(text) == []


def test_a_coordinated_verb_with_its_own_subject_keeps_its_claim():
    text = "The board should meet soon, and the chairman said a vote was likely."
    assert by_cue(text, "said")["content"] == "a vote was likely"


def test_a_closing_speaker_after_a_name_is_not_given_to_that_name():
    text = ("The captives were let go close to the frontier with Chad, a source familiar with the negotiations said. "
            "The terms were kept secret, the source said.")
    claim = claims(text)[-1]
    assert claim["speaker"]["text"] == "source" and claim["speaker"].get("entity") is None
