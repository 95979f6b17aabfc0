"""Pronouns inside quotations (issue 12, P1: wrong agent): "he" in a speaker's own quotation is not the speaker,
an unresolved "she" who speaks is not the "he" of her quotation, and one person is not both the actor and the
target of one event without a reflexive."""

from helpers import events_of, texts

from newsintel.extract.self_reference import drop_self_actors


def test_he_in_the_speakers_own_quotation_is_not_the_speaker():
    text = ('The actress Ines Marchetti spoke about the producer on Friday. Marchetti met him at a festival in '
            '2009. "We had worked together for years until he assaulted me," she said.')
    (event,) = events_of(text, "ATTACK")
    assert "Marchetti" not in texts(event["actors"])
    assert "Marchetti" in texts(event["targets"])


def test_he_in_a_named_speakers_quotation_is_not_the_speaker():
    text = 'Tamsin Ferreira said the coach had been a mentor. "He attacked me in the locker room," she said.'
    (event,) = events_of(text, "ATTACK")
    assert "Ferreira" not in texts(event["actors"])


def test_he_in_an_indirect_report_still_named():
    (event,) = events_of("Paul Okafor was arrested on Monday. Police said he attacked a guard at the prison.",
                         "ATTACK")
    assert "Paul Okafor" in texts(event["actors"])


def test_i_and_me_in_one_quotation_are_not_actor_and_target():
    text = ('Kowalczyk, a shop owner, spoke to reporters on Tuesday. '
            '"I blamed him for trying to kill me," Kowalczyk said.')
    for event in events_of(text, "ATTACK"):
        assert "Kowalczyk" not in texts(event["actors"])


def test_actor_equal_to_target_without_reflexive_dropped():
    event = {"actors": [{"text": "Jo Roe", "entity": "e1", "mention": "I"}, {"text": "Al Poe", "entity": "e2"}],
             "targets": [{"text": "Jo Roe", "entity": "e1", "mention": "me"}]}
    drop_self_actors([event])
    assert texts(event["actors"]) == "Al Poe"
    assert texts(event["targets"]) == "Jo Roe"


def test_reflexive_keeps_actor():
    event = {"actors": [{"text": "Jo Roe", "entity": "e1", "mention": "he"}],
             "targets": [{"text": "Jo Roe", "entity": "e1", "mention": "himself"}]}
    drop_self_actors([event])
    assert texts(event["actors"]) == "Jo Roe"
