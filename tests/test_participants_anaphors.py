"""Who a pronoun or plural anaphor stands for (issue 12, wrong agent / wrong target): gender tells the girl from
the man, "they" is not carried past another group named in between, a family name in the plural is "they", a name
a "who" clause describes is a person, and "both" / "the pair" stand for the two people just named."""

from helpers import events_of, record, texts


def test_she_is_the_girl_not_the_man_who_grabbed_her():
    text = "Paul Okafor seized the young girl while she was walking to school in Leeds on Friday."
    (walk,) = [e for e in events_of(text, "TRAVEL") if e["trigger"].startswith("walk")]
    assert "Okafor" not in texts(walk["actors"])
    assert "girl" in texts(walk["actors"])


def test_a_subject_of_the_pronouns_gender_still_comes_first():
    (walk,) = events_of("Maria Lopez grabbed the boy as she was walking to the market in Lyon.", "TRAVEL")
    assert "Maria Lopez" in texts(walk["actors"])


def test_the_attacker_is_not_the_woman_he_shot():
    text = "A masked man stepped out of a van in Dover and shot her in the arm, the woman told police."
    (shot,) = [e for e in events_of(text, "ATTACK") if e["trigger"].startswith("shot")]
    assert "man" not in texts(shot["targets"])


def test_a_name_of_the_other_gender_is_left_as_written():
    text = (
        "Colin Marsh was questioned in Bristol. Later Marsh met the victim, and police say she fled to Cardiff "
        "after he threatened her."
    )
    for flight in events_of(text, "FLEE"):
        assert "Marsh" not in texts(flight["actors"])


def test_they_is_not_carried_past_another_group_named_between():
    text = (
        "Traffickers moved dozens of families across the river into Albania last week. "
        "Dozens of guerrillas remain in the hills near Korce. "
        '"They will flee to Greece soon," a local commander said.'
    )
    (flight,) = events_of(text, "FLEE")
    assert "Traffickers" not in texts(flight["actors"])


def test_they_still_stands_for_the_actors_of_the_event_before():
    text = "Two brothers reached Gaziantep on Monday. They crossed into Syria two days later."
    (crossing,) = events_of(text, "CROSS_BORDER")
    assert "brothers" in texts(crossing["actors"])


def test_a_family_in_the_plural_is_they():
    (back,) = events_of("The Kowalskis say they will return to Glasgow in the spring.", "RETURN")
    assert "Kowalskis" in texts(back["actors"])


def test_a_name_a_who_clause_describes_is_he():
    text = (
        "Tarik Osman said little at the hearing. Kovacs, who was stopped in Zagreb as he tried to leave for "
        "Vienna, denied all charges."
    )
    (leaving,) = events_of(text, "TRAVEL")
    assert "Kovacs" in texts(leaving["actors"])


def test_both_stands_for_the_two_people_named_before():
    text = "Police in Hull detained Anna Reyes and Tom Baxter on Monday. Both were charged with arson on Wednesday."
    (charge,) = events_of(text, "CHARGE")
    assert texts(charge["targets"]) == "Anna Reyes | Tom Baxter"


def test_both_stays_as_written_when_no_two_people_were_named():
    text = "Three guards and a driver were hurt in Lagos. Both were charged with theft the next day."
    for charge in events_of(text, "CHARGE"):
        assert texts(charge["targets"]) in ("", "Both")


def test_the_pair_stands_for_the_two_people_named_before():
    text = "Border guards in Narva detained Lena Ots and Mart Kask on Friday. The pair were charged with smuggling."
    (charge,) = events_of(text, "CHARGE")
    assert texts(charge["targets"]) == "Lena Ots | Mart Kask"


def _entity_names(text: str, type_: str, role: str) -> list[str]:
    rec = record(text)
    names = {e["id"]: e["name"] for e in rec["entities"]}
    return [names.get(a.get("entity"), "") for e in rec["events"] if e["type"] == type_ for a in e[role]]


def test_a_company_epithet_is_the_company_named_before():
    text = "Nokia sued two suppliers in Oslo on Monday. The telecoms giant agreed to a settlement with the state."
    assert "Nokia" in _entity_names(text, "AGREE", "actors")


def test_an_age_epithet_is_the_person_acted_on_before():
    text = "Police arrested Darren Pike in Leeds on Friday. The 45-year-old was charged with arson in York on Sunday."
    assert _entity_names(text, "CHARGE", "targets") == ["Darren Pike"]


def test_an_age_epithet_is_not_the_spokesman_named_before():
    text = "A man was stabbed in Hull, police spokesman Jo Roe said. The 45-year-old was attacked again on Sunday."
    assert "Jo Roe" not in _entity_names(text, "ATTACK", "targets")
