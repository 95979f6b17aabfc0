"""Speakers of claims: pronouns resolved or shown unresolved, quotations over paragraphs, furniture, modality.

Every sentence here is written for these tests."""


from helpers import record

from newsintel.extract.args import MentionIndex
from newsintel.extract.quotations import quotations
from newsintel.extract.speakers import Speakers
from newsintel.model import Entity, Mention


def claims_of(text: str, cue: str) -> list[dict]:
    return [c for c in record(text)["claims"] if c["cue"] == cue]


# -- quotations ----------------------------------------------------------------------------------------------------

def test_a_quotation_left_open_and_reopened_in_the_next_paragraph_is_one_quotation():
    text = 'Ilse Brandt said: "We packed at night.\n\n"By morning the road was empty," she added.'
    (quote,) = quotations(text)
    assert quote.continued and quote.text == "We packed at night. By morning the road was empty,"
    assert text[quote.start] == '"' and text[quote.end - 1] == '"'


def test_straight_quotes_pair_within_their_paragraph_after_a_continued_quotation():
    text = ('Ilse Brandt said: "We packed at night.\n\n"By morning the road was empty."\n\n'
            'The mayor disagreed. "Nobody left," he said.')
    assert [q.text for q in quotations(text)] == ["We packed at night. By morning the road was empty.",
                                                  "Nobody left,"]


def test_an_opening_mark_never_closed_is_no_quotation():
    text = 'He called it "a disgrace.\n\nThe council met on Monday. "We will vote," a member said.'
    assert [q.text for q in quotations(text)] == ["We will vote,"]


def test_wrapped_lines_inside_a_paragraph_do_not_end_a_quotation():
    text = '"We waited at the\ncrossing for hours," a driver said.\n\nThe border reopened.'
    assert [q.text for q in quotations(text)] == ["We waited at the\ncrossing for hours,"]


def test_a_quotation_over_paragraphs_keeps_the_speaker_who_introduced_it():
    text = ('Farid Qasemi, a teacher from Herat, said: "Our group crossed into Iran near Islam Qala.\n\n'
            '"Then the smugglers drove us to Tehran in a closed truck."\n\n'
            '"Nobody checked the papers," Omid Rahimi told reporters.')
    record_ = record(text)
    (claim,) = [c for c in record_["claims"] if "Qasemi" in c["speaker"]["text"]]
    assert "Islam Qala" in claim["content"] and "closed truck" in claim["content"]
    second = (text.index("Then the smugglers"), text.index("closed truck"))
    inside = [e for e in record_["events"] if second[0] <= e["start"] <= second[1]]
    assert inside and all("Qasemi" in e["attribution"]["speaker"]["text"] for e in inside)


# -- pronoun speakers ----------------------------------------------------------------------------------------------

def test_he_said_continues_the_previous_speaker():
    text = 'Fire chief Omar Vance said the bridge was closed. "Nobody could cross it," he said.'
    (claim,) = [c for c in record(text)["claims"] if c["content"].startswith("Nobody")]
    assert claim["speaker"]["text"].endswith("Omar Vance") and claim["speaker"]["mention"] == "he"


def test_a_title_rules_out_a_person_of_the_other_gender():
    text = ("Ms. Hanna Lund met Mr. Piet Vos in Bergen on Friday. "
            "Afterwards she told reporters that the talks had gone well.")
    (claim,) = claims_of(text, "told")
    assert claim["speaker"]["text"] == "Hanna Lund"


def test_a_pronoun_that_could_be_two_people_is_shown_unresolved():
    text = "Tomas Reyes and Ivan Petrov met in Lyon on Friday. Later he said the deal was off."
    (claim,) = claims_of(text, "said")
    assert claim["speaker"]["text"] == "he" and claim["speaker"]["entity"] is None
    assert "Ivan Petrov" in claim["speaker"]["unresolved"] and "Tomas Reyes" in claim["speaker"]["unresolved"]


def test_a_pronoun_with_no_one_before_it_is_shown_unresolved():
    (claim,) = claims_of('"The water came in minutes," she said.', "said")
    assert claim["speaker"]["text"] == "she" and claim["speaker"]["entity"] is None
    assert claim["speaker"]["unresolved"]


def test_a_person_named_only_inside_a_quotation_is_not_the_speaker():
    text = ('Police spokesman Karl Dorn spoke on Monday. "We are looking for Anna Weiss," he said.')
    (claim,) = [c for c in record(text)["claims"] if "Anna Weiss" in c["content"]]
    assert claim["speaker"]["text"] == "Karl Dorn"


def test_first_person_reporting_inside_a_quotation_is_the_quotation_speaker():
    text = '"I told the guards we had no papers," Selma Hadzic said on Tuesday.'
    (claim,) = claims_of(text, "told")
    assert claim["speaker"]["text"] == "Selma Hadzic" and claim["speaker"]["mention"] == "I"


def test_third_person_reporting_inside_a_quotation_is_not_the_quotation_speaker():
    text = '"He said the boat was safe," Selma Hadzic told the court.'
    inner = [c for c in record(text)["claims"] if c["cue"] == "said"]
    assert all(c["speaker"]["text"] != "Selma Hadzic" for c in inner)
    assert all(c["speaker"].get("unresolved") for c in inner if c["speaker"]["text"].lower() == "he")


# -- what is no speaker --------------------------------------------------------------------------------------------

def test_lets_say_and_a_demonstrative_are_no_speakers():
    assert not claims_of("Let's say the ferry leaves at noon and the storm comes early.", "say")
    assert not claims_of("If the lorry is weighed at the border, that would reveal the cargo.", "reveal")


def test_an_organisation_is_a_speaker():
    (claim,) = claims_of("The interior ministry said the camp would be closed in March.", "said")
    assert claim["speaker"]["text"] == "interior ministry" and claim["modality"] == "future"


def _speakers(text: str, entities: list[Entity]) -> Speakers:
    return Speakers(text, MentionIndex.build(entities), quotations(text), [0])


def test_a_place_sharing_a_persons_name_is_that_person_as_speaker():
    text = "Park director Lionel Ashby spoke at noon. Ashby said the bears were calm."
    person = Entity("d-e1", "Lionel Ashby", "PERSON", mentions=[Mention("Lionel Ashby", 14, 26, 0)])
    town = Entity("d-e2", "Ashby", "GPE", mentions=[Mention("Ashby", 42, 47, 1)],
                  geo={"name": "Ashby", "kind": "city", "country": "GB"})
    tidy = _speakers(text, [person, town]).tidy({"text": "Ashby", "entity": "d-e2"})
    assert tidy == {"text": "Lionel Ashby", "entity": "d-e1"}


def test_a_country_stays_the_speaker():
    text = "Norway said the border would stay open."
    country = Entity("d-e1", "Norway", "GPE", mentions=[Mention("Norway", 0, 6, 0)],
                     geo={"name": "Norway", "kind": "country", "country": "NO"})
    assert _speakers(text, [country]).tidy({"text": "Norway", "entity": "d-e1"})["entity"] == "d-e1"


def test_caption_words_bylines_and_photo_credits_are_no_speakers():
    text = "By Clara Holm and Jon Berg\nOfficials said the dam held."
    speakers = _speakers(text, [])
    assert speakers.tidy({"text": "Dramatic images", "entity": None}) is None
    assert speakers.tidy({"text": "Clara Holm", "entity": None, "_at": (3, 13)}) is None
    assert speakers.tidy({"text": "Officials", "entity": None, "_at": (27, 36)}) is not None
    assert speakers.tidy({"text": "EPA South Korea", "entity": None})["text"] == "South Korea"
    assert speakers.tidy({"text": "AP", "entity": None})["text"] == "AP"
    text = "By Monday, officials said the dam held."
    assert _speakers(text, []).tidy({"text": "officials", "entity": None, "_at": (11, 20)}) is not None


# -- modality and content ------------------------------------------------------------------------------------------

def test_a_hypothetical_report_keeps_its_modality_and_an_unsaid_one_is_no_claim():
    (claim,) = claims_of("If the minister says the border is open, the lorries will move.", "says")
    assert claim["modality"] == "conditional"
    # the audit judges a negated saying "no statement" (rounds 5-7): nothing the army said is shown as its claim
    assert claims_of("The army did not say that the village had been shelled.", "say") == []
    (claim,) = claims_of("The governor reportedly told aides that the talks were over.", "told")
    assert claim["modality"] == "hedged"


def test_what_the_reporting_verb_is_coordinated_with_does_not_change_its_modality():
    text = "The pilot thought he could land in the fog, but he says the tower sent him away."
    (claim,) = claims_of(text, "says")
    assert claim["modality"] == "asserted"


def test_a_parenthetical_speaker_leaves_the_whole_statement_as_content():
    text = "Maria Lopez runs a shelter in Tijuana. Already, she said, they are turning families away."
    (claim,) = claims_of(text, "said")
    assert claim["content"] == "Already, they are turning families away"
    assert claim["speaker"]["text"] == "Maria Lopez"


def test_a_quotation_opening_on_a_condition_is_a_hypothetical_statement():
    text = ('Nadia Karimi, who runs the clinic, spoke from the camp on Sunday.\n\n"If the rain goes on like this.\n\n'
            '"The tents will be washed away," she said.')
    (claim,) = [c for c in record(text)["claims"] if "tents" in c["content"]]
    assert claim["modality"] == "conditional" and claim["speaker"]["text"] == "Nadia Karimi"


def test_a_noun_object_is_the_statement_only_for_verbs_that_state_by_it():
    assert not claims_of("The singer posted three photos of her dog on Sunday.", "posted")
    assert not claims_of("The two governments are calling a meeting of the council.", "calling")
    (claim,) = claims_of("The rebels denied the charges on Monday.", "denied")
    assert claim["content"] == "the charges"
    (claim,) = claims_of("The militia called it a reprisal for the raids.", "called")
    assert claim["content"].startswith("it a reprisal")


def test_an_object_pronoun_as_source_is_resolved_like_its_subject_form():
    text = "Police chief Arno Kessler spoke on Monday. According to him, the bridge had been closed for a week."
    (claim,) = claims_of(text, "according to")
    assert claim["speaker"]["text"] == "Arno Kessler" and claim["speaker"]["mention"] == "him"


def test_a_photographer_in_a_bracketed_credit_is_no_one_a_pronoun_stands_for():
    text = ('The mayor thanked the volunteers who cleared the river bank. (AP Photo/Lena Sorvik, File)\n'
            'In a video posted later, Tomas Brek smiles at the camera. Then he says, "We will be back next spring."')
    (claim,) = claims_of(text, "says")
    assert "Sorvik" not in claim["speaker"]["text"]


# -- definite descriptions -----------------------------------------------------------------------------------------

def _speakers_of(text: str, cue: str) -> list[tuple[str, str | None]]:
    """Each claim's speaker as written, and the name of the entity it is linked to."""
    rec = record(text)
    names = {e["id"]: e["name"] for e in rec["entities"]}
    return [(c["speaker"]["text"], names.get(c["speaker"].get("entity") or ""))
            for c in rec["claims"] if c["cue"] == cue]


def test_the_agency_is_linked_to_the_agency_named_in_the_previous_sentence_and_shown_as_written():
    assert _speakers_of("The Norwegian Coastal Agency says the ferry ran aground at dawn. "
                        "The agency said on Tuesday that nobody was hurt.", "said") == [
        ("agency", "Norwegian Coastal Agency")]


def test_the_company_stays_unlinked_when_two_companies_were_named():
    assert _speakers_of("Nordvik Shipping Inc. sued Brandlin Corp. on Monday. "
                        "The company said the contract had been broken.", "said") == [("company", None)]


def test_a_name_used_as_a_modifier_is_not_what_the_company_refers_back_to():
    assert _speakers_of("The chief executive disputed a Brandlin Corp. report on Monday. "
                        "The company said the figures were wrong.", "said") == [("company", None)]


def test_a_company_named_in_apposition_before_the_cue_is_the_speaker():
    ((_, name),) = _speakers_of("The company that owns the stadium, Brandlin Corp., denies that the sale is done.",
                                "denies")
    assert name == "Brandlin Corp."


def test_a_report_by_an_outlet_is_linked_to_the_outlet():
    assert _speakers_of("The singer has left her label, according to a new report by Variety.",
                        "according to") == [("new report by Variety", "Variety")]


def test_the_actor_continues_the_previous_speaker_when_no_one_else_is_named():
    text = ('Marco Bellini spoke about the film on Sunday. "It was hard work," Bellini said. '
            '"Every day felt long," said the actor.')
    assert _speakers_of(text, "said") == [("Bellini", "Marco Bellini"), ("actor", "Marco Bellini")]


def test_the_actor_stays_unlinked_when_another_person_was_named_since():
    text = ('"It was hard work," Marco Bellini said. His co-star Luca Ferri laughed. '
            '"Every day felt long," said the actor.')
    assert _speakers_of(text, "said")[-1] == ("actor", None)


def test_a_description_with_a_name_in_it_is_not_someone_named_before():
    text = ('"We will talk again," Marco Bellini said on Monday. '
            'The UN spokesman said the meeting had been useful.')
    assert _speakers_of(text, "said")[-1] == ("UN spokesman", None)


def test_a_state_named_by_its_side_is_not_linked_to_a_town_of_that_name():
    text = ("Talks with Seoul stalled again. The North says, as ever, that its missiles stay, "
            "calling them a shield.")
    assert _speakers_of(text, "says") == [("The North", None)]
