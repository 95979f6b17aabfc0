"""Who an event is attributed to (issue 12, judged dev rounds 12-16: wrong speaker). The scene of a saying is the
writer's: an event in a modifier of the reporting verb that tells when, where or while it was said ("speaking
during a visit", "said while driving", "calling for calm following the shooting", "claimed victory as ...") has no
speaker, and a reporting verb with an object of its own ("he pledged allegiance to ...") reports that object, not
the clause beside it. What the verb carries (its clause, "warned of", "admitted to", "claimed responsibility
for", "in a statement that") keeps the speaker. Every sentence here is written for these tests."""

from helpers import events_of


def said_by(text: str, type_: str) -> list[str | None]:
    return [(e.get("attribution") or {}).get("speaker", {}).get("text") for e in events_of(text, type_)]


def test_a_visit_in_a_participle_opening_the_sentence_is_the_writers():
    text = "Speaking during a visit to the port city of Bergen, the foreign minister urged Moscow to pull back."
    assert said_by(text, "TRAVEL") == [None]


def test_a_trip_in_a_while_clause_after_the_quotation_is_the_writers():
    text = '"It is only a matter of time," Jens Holm said while driving his truck to Stockholm last week.'
    assert said_by(text, "TRAVEL") == [None]


def test_a_killing_after_following_is_not_the_caller_s():
    text = "The singer is calling for calm following the killing of her brother, who was shot on Friday."
    assert set(said_by(text, "ATTACK")) == {None}


def test_an_as_clause_after_a_claim_of_victory_is_the_writers():
    text = "The governor has claimed victory as lawmakers concluded their inquiry into the bombing of the depot."
    assert said_by(text, "ATTACK") == [None]


def test_reportedly_gives_no_speaker_to_the_subject_of_a_non_report():
    text = "Italian troops reportedly called in artillery after being attacked by militants at the bridge."
    assert said_by(text, "ATTACK") == [None]


def test_a_clause_before_a_verb_with_its_own_object_is_not_reported_by_it():
    text = "The driver was shot dead in a firefight with soldiers; he pledged loyalty to the rebels."
    assert set(said_by(text, "ATTACK") + said_by(text, "FIGHT")) == {None}


def test_what_the_verb_carries_keeps_its_speaker():
    assert said_by("Police said the suspect fled the city after he attacked a guard.", "ATTACK") == ["Police"]
    assert said_by("The rebels attacked the town, police said.", "ATTACK") == ["police"]
    assert said_by("The mayor warned of attacks on the city.", "ATTACK") == ["mayor"]


def test_responsibility_claimed_for_a_bombing_is_the_claimants():
    text = "The rebel front claimed responsibility for the bombing of a bus station in Kano."
    assert said_by(text, "ATTACK") == ["rebel front"]


def test_a_statement_named_by_its_medium_keeps_its_speaker():
    text = "The militia claimed in a radio broadcast that its fighters had captured two officers."
    assert said_by(text, "ARREST") == ["militia"]


def test_the_closing_speaker_keeps_a_when_clause_before_it():
    text = "The clash began when the patrol was ambushed by gunmen near the dam, reports Radio Nova."
    assert said_by(text, "ATTACK") == ["Radio Nova"]


def test_the_addressee_of_told_is_no_object_of_its_own():
    text = "The boy was freed without charge on Tuesday, his uncle, Omar Haddad, told the state news agency."
    assert said_by(text, "RELEASE") == ["Omar Haddad"]


def test_a_statement_hung_on_the_time_of_saying_keeps_its_speaker():
    got = said_by("Both pilots claimed at the time that they had been beaten by the guards.", "ATTACK")
    assert got in (["pilots"], ["Both pilots"])

