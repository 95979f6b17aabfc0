"""The time expressions of a sentence that may date an event, and what NER tags as a date but dates nothing.

Why: a duration ("for years", "about ten minutes"), an age, a street or badge number, a page's time stamp or a
surname ("Oliver Weeks") shown as an event's time is a wrong time (issue 12, audit "wrong time"); a holiday NER
missed ("during the Bastille Day celebrations") or split from its year ("Boxing Day 2021") and a time of day with a
bound ("before dawn") are dates. event_time.py picks among these spans the event's own.
"""

from __future__ import annotations

import re
from functools import cache

from spacy.tokens import Span

from newsintel.extract import event_time_scope as scope
from newsintel.extract.event_time_names import part_of_a_name
from newsintel.extract.parse import ParsedSentence
from newsintel.extract.timex import find_phrases, holiday_of, holiday_pattern
from newsintel.resources import load_yaml

TIME_LABELS = {"DATE", "TIME"}
_UNIT = r"(?:seconds?|minutes?|hours?|days?|nights?|weeks?|months?|years?|decades?|centuries|century)"
_AMOUNT = (r"(?:\d[\d,.]*|an?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty"
           r"|forty|fifty|sixty|hundreds?|thousands?|several|few|couple|many|dozens?|half)")
# "about 10 minutes", "the past two weeks", "20-year", "three days long": how long, not when. "last week" has no
# amount, so it stays a date; "two years ago" does not end on the unit, so it stays one too.
_DURATION = re.compile(rf"^(?:[a-z-]+\s+){{0,3}}{_AMOUNT}(?:[\s-]+(?:of|and|a|half|more))*[\s-]+(?:[a-z-]+[\s-]+)?"
                       rf"{_UNIT}(?:[\s-]+(?:old|long))?$")
_POINTS_IN_TIME = re.compile(r"\b(?:ago|earlier|later|january|february|march|april|june|july|august"
                             r"|september|october|november|december|jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec)\b")
_AGE = re.compile(r"\b(?:ages?|aged|old)\b")
# "45", and a four-digit number that is no year ("of 1119 Eighth Street", a badge number): no date
_BARE_NUMBER = re.compile(r"^(?:\d{1,3}|(?!1[89]|20)\d{4})$")
# "for years", "within minutes", "hours": a unit without an amount is how long, never when
_BARE_UNIT = re.compile(rf"^(?:(?:for|within|in|over|after|from)\s+)?(?:(?:many|several|some|long)\s+)?{_UNIT}$")
# "November 20, 2019 - 11:28", "Nov 20 2019 | 10:02": a page's time stamp (of posting or updating), no event's time
_PAGE_STAMP = re.compile(r"\b(?:19|20)\d\d,?\s*[-–|]\s*\d{1,2}:\d\d\b")
# "freed before dawn", "struck after dark": a time of the day, said with a bound but telling when
TIME_OF_DAY = re.compile(r"(?:(?:shortly|just|soon|right|long|well)\s+)?(?:before|after|at|by)\s+"
                         r"(?:dawn|dusk|daybreak|sunrise|sunset|nightfall|dark|first light)\b", re.I)


def is_date_expression(text: str) -> bool:
    """False for what NER tags DATE/TIME but dates nothing: durations ("for years", "about ten minutes"), ages,
    numbers that are no years ("June 12 last year", "two years ago" are dates)."""
    low = " ".join(text.lower().split())
    if _POINTS_IN_TIME.search(low):
        return True
    return not (_DURATION.match(low) or _AGE.search(low) or _BARE_NUMBER.match(low) or _BARE_UNIT.match(low))


def time_spans(ps: ParsedSentence) -> list[Span]:
    """The sentence's date and time expressions (NER's, else simple phrases found by pattern), without durations,
    names and page stamps, with the times of day and holidays NER missed."""
    ents = [scope.without_term(e, is_date_expression) if e.label_ == "DATE" else e for e in ps.doc.ents]
    spans = [e for e in ents if ((e.label_ in TIME_LABELS and is_date_expression(e.text))
             or (e.label_ == "EVENT" and holiday_of(e.text) is not None))  # "New Year's Eve" tagged an event
             and not _PAGE_STAMP.search(e.text) and not part_of_a_name(e)]
    if not spans:
        spans = [s for s in (ps.doc.char_span(a, b, alignment_mode="expand") for a, b in find_phrases(ps.doc.text))
                 if s is not None and not part_of_a_name(s)]  # not "Mr. Sunday"
    missed = [*TIME_OF_DAY.finditer(ps.doc.text), *_holidays().finditer(ps.doc.text)]
    extra = [s for s in (ps.doc.char_span(*m.span(), alignment_mode="expand") for m in missed) if s is not None]
    # "on Boxing Day 2021" with only the year tagged: the holiday with its year is the date, not the year alone
    spans = [s for s in spans if not any(x.start <= s.start and s.end <= x.end and len(x) > len(s) for x in extra)]
    taken = {t.i for span in spans for t in span}
    return spans + [s for s in extra if not any(t.i in taken for t in s)]  # "before dawn", a holiday NER missed


@cache
def _holidays() -> re.Pattern[str]:
    """The fixed-date holidays of data/dates.yaml by name ("during the Bastille Day celebrations", which NER may tag
    as a facility), longest first, with a year written after them."""
    names = sorted(load_yaml("dates.yaml").get("holidays") or {}, key=len, reverse=True)
    return re.compile(r"(?:" + "|".join(holiday_pattern(n) for n in names) + r")"
                      r"(?:,?\s+(?:of\s+)?(?:19|20)\d\d\b)?", re.I)  # "Boxing Day 2021": the year is the holiday's
