"""Modality of events from the audited error categories (issue 12): a coordinated clause of its own, a subject that
is nobody, a plan said with "was supposed to", a journey under way, a past habit, and stopped or unstopped events.
Each rule is tested both ways."""

import pytest
from helpers import modality_of


@pytest.mark.parametrize(("text", "type_", "trigger", "expected"), [
    # a clause with its own auxiliary or subject is not governed by the verb it is coordinated with
    ("Samir Haddad tried to cross into Bulgaria last week but was caught by border police near Svilengrad.",
     "ARREST", "caught", "asserted"),
    ("Samir Haddad tried to cross into Bulgaria last week but was caught by border police near Svilengrad.",
     "CROSS_BORDER", "cross", "attempted"),
    ("Lejla Begic did not leave Sarajevo in March but was arrested there in May.", "ARREST", "arrested", "asserted"),
    ("Lejla Begic did not leave Sarajevo in March but was arrested there in May.", "TRAVEL", "leave", "negated"),
    # ... while a bare conjunct shares what governs the first verb
    ("The two cousins planned to travel to Idlib and fight for the brigade.", "FIGHT", "fight", "intended"),
    ("Yusuf Demir will fly to Vienna and meet the recruiters there.", "TRAVEL", "fly", "future"),
    # a subject that is nobody negates the clause
    ("None of the smugglers crossed into Greece that night.", "CROSS_BORDER", "crossed", "negated"),
    ("The governor promised that nobody would be arrested at the rally.", "ARREST", "arrested", "negated"),
    ("Some of the smugglers crossed into Greece that night.", "CROSS_BORDER", "crossed", "asserted"),
    # "was supposed to" is a plan, the active "suppose" a belief
    ("Arben Krasniqi was supposed to fly from Tirana to Hamburg on Friday.", "TRAVEL", "fly", "intended"),
    ("Police suppose that Arben Krasniqi flew from Tirana to Hamburg on Friday.", "TRAVEL", "flew", "hedged"),
    # a journey under way towards a place has not reached it (attempted: under way, not planned); a walk down a
    # street is no destination
    ("Emir Mujanovic was travelling to Gaziantep when police stopped his bus.", "TRAVEL", "travelling", "attempted"),
    ("Emir Mujanovic travelled to Gaziantep in May.", "TRAVEL", "travelled", "asserted"),
    # "would" with a frequency word is a past habit, without one a future in the past
    ("Fjolla Zeqiri would travel to Skopje every summer to see her aunt.", "TRAVEL", "travel", "asserted"),
    ("Fjolla Zeqiri said she would travel to Skopje next summer.", "TRAVEL", "travel", "future"),
    # what is due or scheduled has not happened; what has happened has
    ("Lejla Begic was due to travel to Vienna on Monday.", "TRAVEL", "travel", "future"),
    ("Lejla Begic has returned to Sarajevo from Vienna.", "RETURN", "returned", "asserted"),
    ("Lejla Begic will return to Sarajevo from Vienna.", "RETURN", "return", "future"),
    # "under attack" after a copula is the state of being attacked: the copula's negation is the event's
    ("The convoy was not under attack when it left Mosul, officials said.", "ATTACK", "attack", "negated"),
    ("The convoy came under attack near Mosul on Monday.", "ATTACK", "attack", "asserted"),
    # knowing of an event presupposes it: not knowing does not deny it; not doing it does
    ("The ministry did not learn of the attack on the convoy until Tuesday.", "ATTACK", "attack", "asserted"),
    ("The militia did not carry out the attack on the convoy.", "ATTACK", "attack", "negated"),
])
def test_modality_categories(text: str, type_: str, trigger: str, expected: str) -> None:
    assert modality_of(text, type_, trigger) == expected
