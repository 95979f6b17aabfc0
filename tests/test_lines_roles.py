"""Where and heading lines by role (issue 12, round-4 audit categories): a heading to a place is not being there
("was heading to Leeds", "a flight to Omaha, Nebraska" puts no one in Nebraska), and an actor who moves others
("soldiers moved residents out of the square") is not the one heading anywhere. Facts are written by hand in the
shape extraction stores them, with the sentence they came from."""

import pytest

from newsintel.views.common import heads_somewhere, moves_others, where_places


def _fact(trigger: str, sentence: str, *, targets: tuple[str, ...] = (), location: tuple[str, ...] = (),
          destination: tuple[str, ...] = (), modality: str = "asserted", type_: str = "TRAVEL") -> dict:
    def args(texts: tuple[str, ...]) -> list[dict]:
        return [{"text": t, "kind": "place"} for t in texts]

    return {"type": type_, "modality": modality, "trigger": trigger, "actors": [{"text": "A"}],
            "targets": [{"text": t} for t in targets], "origin": [], "via": [],
            "location": args(location), "destination": args(destination),
            "source": {"sentence_text": sentence}}


def _texts(places: list[dict]) -> list[str]:
    return [p["text"] for p in places]


@pytest.mark.parametrize("trigger", ["heading", "headed", "heads", "bound"])
def test_heading_to_a_place_is_not_being_there(trigger):
    fact = _fact(trigger, f"She queued at platform 3, {trigger} to Leeds, by mistake.", destination=("Leeds",))
    assert where_places(fact, "actors") == []
    assert heads_somewhere(fact, "actors")  # still a heading line


def test_region_naming_an_unreached_destination_is_no_where():
    sentence = "Two players boarded the late flight from Chicago to Omaha, Nebraska, a spokesman said."
    fact = _fact("boarded the late flight", sentence, location=("Nebraska",), destination=("Omaha",))
    assert where_places(fact, "actors") == []


def test_region_of_a_reached_destination_and_a_real_location_stay():
    arrived = _fact("flew", "Two players flew to Omaha, Nebraska, on Sunday.", location=("Nebraska",),
                    destination=("Omaha",))
    assert _texts(where_places(arrived, "actors")) == ["Nebraska"]
    left = _fact("boarded", "In Chicago the players boarded a plane to Omaha.", location=("Chicago",),
                 destination=("Omaha",))
    assert _texts(where_places(left, "actors")) == ["Chicago"]


def test_actor_moving_others_is_not_heading_anywhere_but_was_at_the_place():
    fact = _fact("move", "Armed soldiers move residents away from the main square in Antwerp.",
                 targets=("residents",), location=("Antwerp",))
    assert moves_others(fact)
    assert not heads_somewhere(fact, "actors", ("destination", "origin", "via", "location"))
    assert _texts(where_places(fact, "actors")) == ["Antwerp"]


def test_actor_moving_others_is_not_put_at_their_destination():
    fact = _fact("moved", "The army moved hundreds of villagers to Kabul on Tuesday.", targets=("villagers",),
                 destination=("Kabul",))
    assert where_places(fact, "actors") == [] and not heads_somewhere(fact, "actors")


@pytest.mark.parametrize("trigger", ["moved", "travelled", "visited"])
def test_actor_moving_itself_keeps_its_lines(trigger):
    moved_alone = _fact(trigger, f"The minister {trigger} to Kabul on Tuesday.", destination=("Kabul",))
    assert not moves_others(moved_alone)
    assert heads_somewhere(moved_alone, "actors") and _texts(where_places(moved_alone, "actors")) == ["Kabul"]
