"""A two-word demonym before a noun stays whole in the phrase an analyst reads ("Costa Rican investigators", "South
African police"): the parser hangs the first word on the second, and the phrase used to start at the second."""

from __future__ import annotations

from newsintel.pipeline import extract_text


def _speakers(text: str) -> list[str]:
    return [c["speaker"]["text"] for c in extract_text(text)["claims"]]


def test_a_two_word_demonym_stays_whole_in_a_described_speaker():
    assert "Sri Lankan officials" in _speakers("Sri Lankan officials said on Tuesday that the ferry had sunk.")
    assert "South African police" in _speakers("South African police said the three men were held at a roadblock.")


def test_an_adverb_before_an_adjective_stays_out():
    speakers = _speakers("Very senior officials said the talks had failed.")
    assert speakers and not any(s.lower().startswith("very") for s in speakers)
