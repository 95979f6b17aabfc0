"""Missing arguments (issue 12, task Y3): a passive's "by" the parser hung on a noun of one of the verb's phrases
still names the doer, unless that noun is another event, something authored or a landmark. Sentences written for
these tests."""

from helpers import events_of, texts


def test_by_hung_on_the_noun_of_a_passive_gerunds_phrase_is_the_doer():
    text = ("Okafor spent three seasons in Lagos before being drafted in the fourth round of the 2011 draft by the "
            "Utah Jazz.")
    (recruit,) = events_of(text, "RECRUIT")
    assert texts(recruit["actors"]) == "the Utah Jazz"


def test_by_hung_on_the_place_noun_of_a_passive_is_the_doer():
    text = "The journalist was detained at a checkpoint on the outskirts of the capital by border guards."
    (arrest,) = events_of(text, "ARREST")
    assert texts(arrest["actors"]) == "border guards"
    assert texts(arrest["targets"]) == "journalist"


def test_by_on_something_authored_is_its_author_not_the_doer():
    (attack,) = events_of("Three guards were killed overnight, according to a statement by the army.", "ATTACK")
    assert texts(attack["actors"]) == ""


def test_by_on_a_landmark_stays_no_doer():
    (attack,) = events_of("The tourist was attacked in the park by the old fountain.", "ATTACK")
    assert "fountain" not in texts(attack["actors"])


def test_a_route_hung_on_the_thing_smuggled_is_the_smugglings():
    (smuggle,) = events_of("The militants smuggled weapons from Libyan ports to Gaza.", "SMUGGLE")
    assert texts(smuggle["destination"]) == "Gaza"
    assert texts(smuggle["location"]) == ""
    (smuggle,) = events_of("Smugglers are moving diesel from Chinese ports to Syria.", "SMUGGLE")
    assert texts(smuggle["destination"]) == "Syria"


def test_people_carried_keep_their_own_from_phrase():
    (smuggle,) = events_of("The gang smuggled workers from Nepal to Qatar.", "SMUGGLE")
    assert texts(smuggle["destination"]) == "Qatar"
