"""Sense cues read off a clause the trigger governs (extract/senses.py `_cues`): a view held in a that-clause shows
no event, an undertaking or an infinitive does."""

from helpers import events_of


def test_agreeing_with_a_view_is_no_accord():
    assert not events_of("The two ministers agreed that the pipeline poses a serious risk to the coast.", "AGREE")
    assert events_of("The two ministers agreed that their navies would patrol the coast together.", "AGREE")
    assert events_of("The two ministers agreed to patrol the coast together.", "AGREE")


def test_a_title_in_quotation_marks_is_released_no_one_is_freed():
    assert not events_of("Ticket sales rose after the release of \"Harbour Lights\" last spring.", "RELEASE")
    assert events_of("Crowds cheered the release of the jailed union leader last spring.", "RELEASE")
