"""Two speaker causes (issue 12): the one told ("..., told Reuters") is never the speaker, in claims as in events;
and a quoted term inside the writer's own sentence ('an inquiry into "attempted murder"') is said by no one in a
neighbouring sentence who says something else. Every sentence here is written for these tests."""

from helpers import events_of, record

OUTLETS = {"Reuters", "The Associated Press", "the Daily Courier"}


def claim_speakers(text: str) -> list[str | None]:
    return [(c["speaker"] or {}).get("text") for c in record(text)["claims"]]


def said_by(text: str, type_: str) -> list[str | None]:
    return [((e.get("attribution") or {}).get("speaker") or {}).get("text") for e in events_of(text, type_)]


def test_the_outlet_told_after_a_long_description_is_not_the_speaker():
    text = ('"We have asked for help many times," a senior official in the northern district of Kalla, Omar Said, '
            'told The Associated Press. He said the town needed more trucks.')
    assert not OUTLETS & set(claim_speakers(text))
    assert "Omar Said" in claim_speakers(text)


def test_the_outlet_told_after_a_bare_description_is_not_the_speaker():
    text = ('"We have asked for help many times," a spokesperson for the ministry, told Reuters. '
            'He said the town needed more trucks.')
    assert not OUTLETS & set(claim_speakers(text))


def test_the_named_teller_stays_the_speaker():
    text = '"Nobody warned us about the flood," a resident, Lena Fox, told the Daily Courier.'
    assert claim_speakers(text) == ["Lena Fox"]


def test_an_outlet_after_a_reporting_verb_that_is_no_telling_still_speaks():
    text = "Two bridges collapsed under the weight of the water, reported state radio."
    assert "state radio" in claim_speakers(text)


def test_a_quoted_term_in_narration_is_not_said_by_the_next_sentences_speaker():
    text = ('Police opened an inquiry into "attempted murder" after the stabbing at the market. '
            'A neighbour said the victim had been threatened for weeks.')
    assert said_by(text, "ATTACK") == [None, None]


def test_a_quoted_term_in_narration_is_not_said_by_the_previous_sentences_speaker():
    text = ('A neighbour said the men had argued for weeks. '
            'Police have opened an inquiry into "attempted murder and arson" at the flat.')
    assert said_by(text, "ATTACK") == [None]


def test_a_quoted_term_in_narration_gives_no_claim_to_a_speaker_who_said_nothing_of_it():
    text = ('The family said little on Monday. '
            'The court will hear the case of "armed robbery and kidnapping" next month.')
    assert not any("robbery" in c["content"] for c in record(text)["claims"])


def test_a_quotation_closed_by_its_speaker_in_the_same_sentence_keeps_that_speaker():
    text = 'The fighters were "shelling the houses from the hills all night long," the mayor told reporters.'
    assert "mayor" in said_by(text, "ATTACK")


def test_a_quotation_its_speaker_introduces_with_a_colon_keeps_that_speaker():
    text = 'The mayor told reporters: "The fighters shelled the houses from the hills all night."'
    assert said_by(text, "ATTACK") == ["mayor"]
