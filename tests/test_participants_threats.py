"""Whom a threat is aimed at (dev audit: missing target of THREATEN, a threatened country shown as where): the
object of the threatened act when it is a person, a group or a country; a town taken stays where."""

from helpers import events_of, texts


def test_a_country_the_threatened_act_would_hit_is_the_target_not_the_place():
    (event,) = events_of("The rebel leader threatened to destroy France if the strikes continued.", "THREATEN")
    assert "France" in texts(event["targets"]) and "France" not in texts(event["location"])


def test_a_ruler_the_threatened_act_would_hit_is_the_target():
    (event,) = events_of("The navy also threatened to eliminate the ageing dictator.", "THREATEN")
    assert "dictator" in texts(event["targets"])


def test_a_town_to_be_stormed_stays_the_place():
    (event,) = events_of("The militia threatened to storm Mosul within days.", "THREATEN")
    assert not event["targets"] and "Mosul" in texts(event["location"])
