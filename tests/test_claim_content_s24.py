"""Claim content bounds (issue 12, session 24): a content is one speaker's words. A second reporting verb the parse
ran into the first one's clause ("said X and added: ...") or a participle glossing the statement ("claiming X,
hinting at Y") ends it; a continuation verb with no subject of its own is spoken by the first verb's speaker. Each
category both ways where it has two.

Every sentence here is written for these tests."""

from helpers import record


def claims(text: str) -> list[dict]:
    return record(text)["claims"]


def by_cue(text: str, cue: str) -> dict:
    return next(c for c in claims(text) if c["cue"] == cue)


def test_a_colon_quotation_after_and_added_is_a_claim_of_its_own():
    text = 'The coach said the players were exhausted after the long trip and added: "We will rest on Sunday."'
    said = by_cue(text, "said")
    assert said["content"] == "the players were exhausted after the long trip"
    added = by_cue(text, "added")
    assert added["speaker"]["text"] == "coach"
    assert "rest on Sunday" in added["content"]


def test_and_added_that_is_spoken_by_the_first_speaker_not_the_reported_subject():
    text = "The governor said the bridge would reopen in May and added that tolls would stay the same."
    assert by_cue(text, "said")["content"] == "the bridge would reopen in May"
    added = by_cue(text, "added")
    assert added["speaker"]["text"] == "governor"
    assert "tolls would stay the same" in added["content"]


def test_a_second_said_with_a_quotation_is_not_part_of_what_was_told():
    text = 'The bank told reporters it was reviewing the loans and said, "Our rules forbid such payments to staff."'
    told = by_cue(text, "told")
    assert told["content"] == "it was reviewing the loans"


def test_a_glossing_participle_after_a_comma_is_not_part_of_the_claim():
    text = "Critics posted messages online, claiming that the senator had lied about his taxes, hinting at a motive."
    assert by_cue(text, "claiming")["content"] == "that the senator had lied about his taxes"


def test_coordinated_clauses_with_no_second_report_stay_whole():
    text = "The farmers said the harvest failed and the prices rose sharply."
    assert by_cue(text, "said")["content"] == "the harvest failed and the prices rose sharply"


def test_a_report_inside_a_relative_clause_does_not_cut_the_content():
    text = "Police said the suspect, who had insisted he was innocent, fled the scene."
    assert by_cue(text, "said")["content"] == "the suspect, who had insisted he was innocent, fled the scene"


def test_a_report_inside_the_quotation_does_not_cut_it():
    text = 'The chef said: "We cooked all night and told nobody about the menu."'
    assert "told nobody about the menu" in by_cue(text, "said")["content"]


def test_a_consequence_participle_stays_in_the_content():
    text = "Officials said the flood swept through the valley, destroying dozens of farms."
    assert "destroying dozens of farms" in by_cue(text, "said")["content"]


# -- a sentence glued to the next one (a lost space after the closing mark) ----------------------------------------

GLUED = 'The river is rising fast, the engineers said."We have never seen water like this," said Ortiz, a builder.'


def test_a_closing_cue_does_not_take_the_next_glued_sentence_for_its_content():
    assert by_cue(GLUED, "said")["content"] == "The river is rising fast"


def test_the_next_speaker_does_not_take_the_narration_before_his_quotation():
    ortiz = next(c for c in claims(GLUED) if c["speaker"]["text"].startswith("Ortiz"))
    assert ortiz["content"].startswith("We have never seen water like this")


def test_a_date_between_cue_and_clause_is_no_sentence_end():
    assert by_cue("The mayor said on Jan. 5 that the roads would reopen.", "said")["content"] == \
        "that the roads would reopen"


def test_a_reporting_verb_deep_inside_the_content_does_not_cut_it():
    text = "The auditors testified that the ledger was whole and nothing the treasurer has done or said breaks a rule."
    assert by_cue(text, "testified")["content"].endswith("breaks a rule")


def test_a_content_ending_on_a_noun_that_can_be_a_conjunction_stays_whole():
    text = "The forecaster predicts the heat will stay over the plains for a while."
    assert by_cue(text, "predicts")["content"].endswith("for a while")
