"""What a pronoun stands for (dev audit: wrong agent): a person whose given name tells the other gender is never
what "he" or "she" stands for, also when no one of the right gender is named nearby."""

from helpers import events_of, texts


def test_he_is_not_a_woman_named_before():
    text = ('The plane turned back over the Pacific, airline spokeswoman Laura Kent said. '
            '"He made the right decision to return to Denver," the company added.')
    for event in events_of(text, "RETURN"):
        assert "Laura Kent" not in texts(event["actors"])


def test_she_still_stands_for_the_woman_named_before():
    (event,) = events_of("Laura Kent and her brother left the city. She returned to Denver on Friday.", "RETURN")
    assert "Laura Kent" in texts(event["actors"])
