"""Role follow-ups (issue 12): the side surrendered to is the target and never the set a companion is "with"; a
"they" after a caused movement stands for the people moved; a reporting verb's subject takes no part in what it
reports. Sentences written for these tests."""

from helpers import events_of, record

GAVE_UP = ("Four fighters fled across the border on Tuesday, a spokesman said. Two of them gave themselves up to "
           "soldiers at a checkpoint. A boy travelling with them was later freed.")


def _actor(rec: dict, actor_id: str) -> dict:
    return next(a for a in rec["actors"] if a["id"] == actor_id)


def test_the_side_surrendered_to_is_the_target():
    (surrender,) = events_of(GAVE_UP, "SURRENDER")
    assert [t["text"] for t in surrender["targets"]] == ["soldiers"]


def test_a_companion_is_with_the_movers_not_the_side_they_gave_up_to():
    rec = record(GAVE_UP)
    (flee,) = [e for e in rec["events"] if e["type"] == "FLEE"]
    (release,) = [e for e in rec["events"] if e["type"] == "RELEASE"]
    boy = _actor(rec, release["targets"][0]["actor"])
    assert boy["with"] == flee["actors"][0]["actor"]


def test_they_after_a_passive_return_are_the_people_sent_back():
    text = "Thirty Sudanese men were sent back to Chad by the army on Sunday. None of them tried to escape again."
    (flee,) = events_of(text, "FLEE")
    assert [a["text"] for a in flee["actors"]] == ["Thirty Sudanese men"]


def test_they_after_an_active_return_is_not_taken_for_who_sent_them():
    text = "The army sent thirty Sudanese men back to Chad on Sunday. They tried to escape again."
    (flee,) = events_of(text, "FLEE")
    assert "army" not in [a["text"] for a in flee["actors"]]


def test_a_speaker_is_no_participant_of_what_he_reports():
    text = "A spokesman for the army said fleeing civilians had been shot at the checkpoint."
    rec = record(text)
    assert rec["events"]
    for event in rec["events"]:
        assert "spokesman" not in " ".join(a["text"] for a in event["actors"] + event["targets"])


def test_a_speaker_who_says_what_he_will_do_still_does_it():
    (evacuate,) = events_of("The mayor said on Monday that he would evacuate the old town.", "EVACUATE")
    assert evacuate["actors"]


def test_a_reported_clause_on_a_noun_is_about_that_noun():
    # "a woman police said had fled": the woman fled, the police only say so (also when the parse glues the noun
    # to the speaker)
    (flee,) = events_of("A woman police said had fled the city was arrested on Friday.", "FLEE")
    assert [a["text"] for a in flee["actors"]] == ["woman"]
    text = "A man officials say was stabbed by a neighbour was charged on Monday."
    rec = record(text)
    for event in rec["events"]:
        assert "officials" not in " ".join(a["text"] for a in event["actors"] + event["targets"])
