"""A finished movement undone before arrival (issue 12, wrong status on where/heading lines): a coordinated clause
about the same movers that says they were stopped or taken off makes the journey attempted; a sequel after arrival
("and was arrested", "and later returned") leaves it done. Sentences written for these tests."""

import pytest
from helpers import modality_of


@pytest.mark.parametrize(
    ("text", "type_", "trigger", "expected"),
    [
        # stopped on the way: attempted
        ("Amina Yusuf boarded a flight to Kampala but was removed by the crew before it took off.", "TRAVEL",
         "boarded", "attempted"),
        ("Paul Kato boarded a flight to Nairobi but was kicked off the plane in Cairo.", "TRAVEL", "boarded",
         "attempted"),
        ("Amina Yusuf set off for Rafah but was turned back at the checkpoint.", "TRAVEL", "set", "attempted"),
        ("Paul Kato left for Goma, but he was stopped at the border by soldiers.", "TRAVEL", "left", "attempted"),
        ("Amina Yusuf and Paul Kato left for Minsk but they were denied boarding in Riga.", "TRAVEL", "left",
         "attempted"),
        # a verb of arriving reached the place, whatever happened there
        ("Amina Yusuf and Paul Kato flew to Minsk but they were denied entry at the airport.", "TRAVEL", "flew",
         "asserted"),
        # arrived, then something else happened: still done
        ("Paul Kato flew to Nairobi and was arrested on Monday.", "TRAVEL", "flew", "asserted"),
        ("Paul Kato boarded a flight to Nairobi and later returned to Cairo.", "TRAVEL", "boarded", "asserted"),
        ("Paul Kato boarded a flight to Nairobi.", "TRAVEL", "boarded", "asserted"),
        # an active verb of stopping or taking off goes on with the journey
        ("Amina Yusuf set off for Kampala and stopped in Jinja for lunch.", "TRAVEL", "set", "asserted"),
        ("Paul Kato boarded a flight to Nairobi and took off an hour late.", "TRAVEL", "boarded", "asserted"),
    ],
)
def test_undone_moves_s28(text: str, type_: str, trigger: str, expected: str) -> None:
    assert modality_of(text, type_, trigger) == expected
