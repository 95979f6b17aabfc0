"""Assault words from the session 26 recall study (issue 12), after names in credits stop being antecedents.

1. A name in a photo credit, a wire story's reporting/editing tail or a byline is no antecedent of a later
   "he"/"she" and no speaker (extract/credits.py, data/anaphors.yaml credit_parts).
2. Pushing or shoving someone down or to the ground, and spraying bullets, are assaults; push, shove and bite are
   assaults only coordinated with another assault verb (data/events.yaml coordinated_only).
Written sentences, both ways for each rule."""

from helpers import events_of, texts

from newsintel.extract.credits import credit_spans


def triggers(text: str, type_: str) -> list[str]:
    return [e["trigger"] for e in events_of(text, type_)]


def credits(text: str) -> list[str]:
    return [text[s:e] for s, e in credit_spans(text)]


def test_credit_parts_are_found_and_sentences_are_not():
    assert credits("The ferry docked at noon. (Wire Photo/Tomas Vrba, File)") == ["(Wire Photo/Tomas Vrba, File)"]
    assert credits("Farmers met in the square. Lena Kortz/AP") == ["Lena Kortz/AP"]
    tail = "(Reporting by Ines Moll; Editing by Piet Sand)"
    assert credits(f"The port reopened on Sunday. {tail}") == [tail]
    assert credits("By Harriet Olsen\nThe council met.") != []
    assert credits("By Thursday, Harriet Olsen had left the council.") == []
    assert credits("Photos of the flood spread online as Olsen spoke.") == []


def test_a_photographer_in_a_caption_credit_is_not_the_next_she():
    text = ("Marta Kovic, 17, was charged on Monday with assaulting two guards at the checkpoint.\n\n"
            "Marta Kovic arrives at the court in Velden. (Wire Photo/Tomas Vrba, File)\n\n"
            "She was filmed outside the gate, kicking and punching a guard.")
    kicks = [e for e in events_of(text, "ATTACK") if e["trigger"] == "kicking"]
    assert kicks and all("Vrba" not in texts(e["actors"]) for e in kicks)
    assert any("Kovic" in texts(e["actors"]) for e in kicks)


def test_a_writer_in_a_wire_tail_is_not_the_next_he():
    text = ("Anton Gereke punched a referee after the match on Saturday, the club said. "
            "(Reporting by Jakob Lind; Editing by Paul Hesse)\n\n"
            "He kicked a steward outside the stadium, police said.")
    (kick,) = [e for e in events_of(text, "ATTACK") if e["trigger"] == "kicked"]
    assert "Hesse" not in texts(kick["actors"]) and "Lind" not in texts(kick["actors"])


def test_pushing_a_person_down_is_an_assault():
    (event,) = events_of("A man pushed the elderly shopkeeper down and ran off with the till on Tuesday.", "ATTACK")
    assert event["targets"][0]["text"] == "elderly shopkeeper"
    (event,) = events_of("A police officer was shoved to the ground by two protesters in the square.", "ATTACK")
    assert event["actors"][0]["text"] == "two protesters"


def test_pushing_prices_or_for_talks_is_no_assault():
    assert events_of("Cheaper fuel pushed down inflation in the eurozone last month, the bank said.", "ATTACK") == []
    assert events_of("The unions are pushing for talks with the transport minister this week.", "ATTACK") == []
    assert events_of("The senator shoved the budget bill through the committee on Monday.", "ATTACK") == []


def test_an_assault_word_beside_an_assault_verb_is_one_too():
    text = "Video showed the man shoving, punching and kicking a security guard outside the club."
    assert triggers(text, "ATTACK") == ["shoving", "punching", "kicking"]
    text = "The suspect kicked and bit an officer who had stopped his car, police said."
    assert "bit" in triggers(text, "ATTACK")


def test_the_same_word_alone_or_beside_another_kind_of_verb_is_no_assault():
    assert events_of("New tariffs began to bite and exporters pushed for relief in May.", "ATTACK") == []
    assert events_of("The mayor pushed and lobbied for a new stadium for years.", "ATTACK") == []


def test_a_gunman_spraying_bullets_attacks():
    (event,) = events_of("The gunman sprayed bullets into the crowded market from a rooftop.", "ATTACK")
    assert event["actors"][0]["text"] == "gunman"
    assert events_of("Firefighters sprayed foam on the burning tanker for an hour.", "ATTACK") == []


def test_a_quoted_he_with_two_men_named_before_stays_as_written():
    text = ('Lena Marsh described a meeting with the producer Victor Bram, and with his lawyer, Tom Haller, in Paris. '
            '"He pushed me to the ground," Marsh said.')
    (event,) = events_of(text, "ATTACK")
    assert texts(event["actors"]) == "He"


def test_a_quoted_he_with_one_man_named_before_is_named():
    text = ('Lena Marsh described a meeting with the producer Victor Bram in a Paris hotel in 2001. '
            '"He pushed me to the ground," Marsh said.')
    (event,) = events_of(text, "ATTACK")
    assert texts(event["actors"]) == "Victor Bram"


def test_a_shooter_the_tagger_reads_as_a_participle_is_not_the_one_hit():
    text = "As the gunman sprayed bullets from the roof of the mall, shoppers began to run."
    assert all("gunman" not in texts(e["targets"]) for e in events_of(text, "ATTACK"))
