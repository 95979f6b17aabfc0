"""Abbreviated ranks and titles ("Sgt.", "Det.", "Capt.") keep their name in the sentence (nlp/title_abbreviations.py):
police-blotter names, speakers and actors were cut at the title's period. Sentences written for the tests."""

from helpers import events_of, record, texts

from newsintel.nlp.pipeline import load_nlp


def sentences(text: str) -> list[str]:
    return [s.text.strip() for s in load_nlp()(text).sents]


def test_a_rank_abbreviation_does_not_end_the_sentence():
    assert sentences("The van was stopped by county sheriff's Sgt. Tom Baxter near the mill, Lt. Anne Kerr said.") \
        == ["The van was stopped by county sheriff's Sgt. Tom Baxter near the mill, Lt. Anne Kerr said."]
    assert sentences("Det. Carla Ruiz and Cpl. Ben Ames found the van. Insp. Walter Gray confirmed it.") \
        == ["Det. Carla Ruiz and Cpl. Ben Ames found the van.", "Insp. Walter Gray confirmed it."]


def test_a_title_after_a_full_stop_still_starts_a_sentence():
    assert sentences('The mayor met Gov. Ross. Capt. John Lee said nothing. He said, "We are done." Det. Amy Shaw '
                     "agreed.") == ["The mayor met Gov. Ross.", "Capt. John Lee said nothing.",
                                    'He said, "We are done."', "Det. Amy Shaw agreed."]


def test_a_title_at_the_end_of_a_line_or_before_a_lower_case_word_is_left_alone():
    assert sentences("He was promoted to Lt.\n\nThe next day he left.")[-1] == "The next day he left."
    assert len(sentences("The post went to a Capt. the next year. It was vacant before.")) == 2


def test_the_name_after_a_rank_is_the_arresting_officer_and_the_speaker():
    text = "Harbor Police Department Sgt. Mark Hollis arrested the driver on Friday, said Lt. Anne Kerr."
    (event,) = events_of(text, "ARREST")
    assert "Mark Hollis" in texts(event["actors"])
    (claim,) = record(text)["claims"]
    assert claim["speaker"]["text"].endswith("Anne Kerr")
