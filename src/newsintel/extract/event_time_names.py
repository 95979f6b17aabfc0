"""A time word that is part of a person's name dates nothing: "Oliver Weeks", "Kenneth May", "Mr. Sunday".

Why: the audit (wrong time) found events dated by a surname that is also a time word ("... and Weeks were
abducted" shown with the time "Weeks"). A unit word inside a date is written lower-case ("weeks later"), a month or
weekday right after a person's name or a title ("Mr. Sunday") is the rest of the name. The words come from
data/dates.yaml (`name_titles`, `time_units`).
"""

from __future__ import annotations

from functools import cache

from spacy.tokens import Span

from newsintel.resources import load_yaml


@cache
def _words(key: str) -> frozenset[str]:
    return frozenset(w.lower() for w in load_yaml("dates.yaml").get(key) or [])


def part_of_a_name(span: Span) -> bool:
    """True when the time expression is (part of) a person's name rather than a date."""
    if any(t.ent_type_ == "PERSON" for t in span):  # a phrase found by pattern inside a name the NER model tagged
        return True
    first = span[0]
    if not first.text[:1].isupper() or any(c.isdigit() for c in span.text):
        return False
    before = span.doc[first.i - 1] if first.i > span.sent.start else None
    if before is not None and before.text.rstrip(".").lower() in _words("name_titles"):
        return True  # "Mr. Sunday", "Dr May"
    if len(span) == 1 and first.lower_ in _words("time_units") and before is not None and not before.is_punct:
        return True  # "Weeks" written capitalised inside a sentence is a name ("King and Weeks were freed")
    return before is not None and before.ent_type_ == "PERSON" and before.whitespace_ != "" and (
        first.lower_ in _words("time_units") or first.lower_ == "may")  # "Kenneth May", "Oliver Weeks"
