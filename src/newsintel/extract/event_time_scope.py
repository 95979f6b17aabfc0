"""Two dates near an event's own clause that event_time.py reads besides the clause's own: the date of a clause of
the same moment below it, and a period the event happened over.

Why: the audit (wrong time) found events shown on the report's day though the sentence dates them: "vowed to
destroy the group when he took office last year" (a "when"/"as"/"while" clause is of its head's moment, as
event_time.py already reads it upwards: "arrested in 2021 as he tried to leave"), and "has killed 20,000 people
in the past seven years" or "has attacked police posts since 2014" (the event is spread over a stretch of time,
most of it long before the report: no single day is its date, and the report's day least of all).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date, timedelta
from functools import cache

from spacy.tokens import Span, Token

from newsintel.datevalues import precision_of
from newsintel.extract.charged_deeds import accused_doer, charged_deed
from newsintel.extract.timex import MONTHS, holiday_of, normalise
from newsintel.resources import load_yaml

# "arrested as he tried to leave", "when", "while": the subordinate clause is of its head clause's moment
SAME_MOMENT_MARKS = {"as", "when", "while"}
# "in the past seven years", "over the last two decades", "in recent months": a stretch up to the report ("last
# year" without an article or amount is a date: event_time.py reads it)
_PERIOD = re.compile(r"^(?:(?:in|over|during|within|throughout|for)\s+)?(?P<the>the\s+)?(?:past|last|previous"
                     r"|(?P<recent>recent))\s+(?P<amount>(?:\d+|few|several|couple\s+of|two|three|four|five|six"
                     r"|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|forty|fifty)\s+)?"
                     r"(?P<unit>weeks?|months?|years?|decades?|century|centuries)$", re.I)
# a bound this long before the report makes the event a stretch, not a day ("since Friday" may be the news)
SINCE_DAYS = 30


def clause_marks(verb: Token) -> set[str]:
    """The words that open a subordinate clause: its marks, and a first "when" that the parser hangs as an
    adverb."""
    first = min(verb.subtree, key=lambda t: t.i)
    return {c.lower_ for c in verb.children if c.dep_ == "mark" or (
        c.dep_ == "advmod" and c.i == first.i and c.lower_ in SAME_MOMENT_MARKS)}


def same_moment_clauses(clause: set[Token]) -> set[Token]:
    """The "when"/"as"/"while" clauses hanging from the trigger's own clause verbs: "vowed ... when he took office
    last year", "arrested him as he boarded the plane on Friday" (not a clause of an earlier time: "when he had
    returned")."""
    out = set()
    for verb in clause:
        for child in verb.children:
            if child.dep_ != "advcl":
                continue
            marks = clause_marks(child)
            earlier = any(c.dep_ == "aux" and c.lower_ == "had" for c in child.children)
            if marks and marks <= SAME_MOMENT_MARKS and not earlier:
                out.add(child)
    return out


def told_through_media(trigger: Token) -> bool:
    """The event noun is what news or pictures are of ("a video of the attack", "news of the shooting", "reports of
    clashes") or what a toll counts ("the toll from the bombing rose on Friday"): the clause's date is theirs."""
    nouns = set(load_yaml("dates.yaml").get("media_nouns", ()))
    prep = trigger.head
    return trigger.dep_ == "pobj" and prep.lower_ in ("of", "about", "on", "from") and prep.head.lower_ in nouns


def _is_period(span: Span) -> bool:
    """"the past seven years", "in recent months", "the last decade", "last five years" (not "last year")."""
    text = " ".join(span.text.split())
    if span.start > 0 and span.doc[span.start - 1].lower_ == "the":
        text = "the " + text
    match = _PERIOD.match(text)
    return match is not None and any((match.group("the"), match.group("recent"), match.group("amount"),
                                      match.group("unit").lower().endswith(("s", "ies"))))


def over_a_period(spans: list[Span], since_value: dict[int, str | None], published: str | None) -> bool:
    """One of the clause's time spans is a stretch up to the report ("in the past seven years") or a bound long
    before it ("since 2014"); `since_value` maps a bound span's start to its normalised value."""
    try:
        base = date.fromisoformat((published or "")[:10])
    except ValueError:
        base = None
    for span in spans:
        if _is_period(span):
            return True
        value = since_value.get(span.start)
        if base is not None and value and (span[0].lower_ == "since" or (
                span.root.dep_ == "pobj" and span.root.head.lower_ == "since")):
            try:
                first = date.fromisoformat(value.partition("/")[0][:10])
            except ValueError:
                continue
            if first < base - timedelta(days=SINCE_DAYS):
                return True
    return False


_WORDS = re.compile(r"[a-z]+", re.I)
_YEAR_WRITTEN = re.compile(r"\b(?:1[89]|20)\d\d\b")


def anchored_publication(chosen: Span, own: list[Span], published: str | None) -> str | None:
    """The day to resolve a date without a year against: the last day of the year another date of the same clause
    gives ("at the New Year's Eve celebrations two years ago", "in June last year" as two phrases), or N years back
    from it for a clause under "N years after", else the publication day itself."""
    if _YEAR_WRITTEN.search(chosen.text) or not (holiday_of(chosen.text) or any(
            (w.lower() in MONTHS and w.lower() != "may") or w == "May" for w in _WORDS.findall(chosen.text))):
        return published
    for other in own:
        value = normalise(other.text, published) if other is not chosen else None
        if value and precision_of(value) == "year":
            return value.partition("/")[2]
    return _years_before(chosen, published) or published


_NUMBER_WORDS = {"one": 1, "a": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
                 "nine": 9, "ten": 10}


def _years_before(chosen: Span, published: str | None) -> str | None:
    """"two years after women were robbed during the New Year's Eve celebrations": the clause under "N years after"
    lies N years before the sentence's own time, taken as the report's: the last day of the year N years before the
    report's, as for "two years ago" (`anchored_publication`)."""
    token = chosen.root
    while token.head.i != token.i:
        token = token.head
        after = [c for c in token.children if c.dep_ in ("mark", "prep") and c.lower_ == "after"]
        if token.pos_ in ("VERB", "AUX") and after:
            amounts = [c for c in (*token.children, *after[0].children) if c.dep_ == "npadvmod"
                       and c.lemma_.lower() == "year" and c.i < after[0].i]  # also hung on "after" itself
            break
    else:
        amounts = _final_years_after(chosen, token)
    counts = [n for a in amounts for n in a.children if n.dep_ == "nummod"]
    if len(counts) != 1 or (published or "")[4:5] != "-":
        return None
    word = counts[0].lower_
    years = int(word) if word.isdigit() else _NUMBER_WORDS.get(word)
    if not years or years > 50:
        return None
    try:
        return f"{date.fromisoformat(published[:10]).year - years}-12-31"
    except ValueError:
        return None


def _final_years_after(chosen: Span, root: Token) -> list[Token]:
    """The "N years" of an "N years after" clause that ends the sentence and holds the date, when the parser hangs a
    verb of that clause on the main one ("The move comes two years after X were robbed, beaten and stabbed during
    the Boxing Day sales", "beaten" read as a conjunct of "comes"): after the main verb, all words are the clause's."""
    doc = chosen.doc
    for after in (t for t in doc[root.i + 1:chosen.start] if t.lower_ == "after" and t.dep_ in ("mark", "prep")):
        if any(t.text == ";" for t in doc[after.i:chosen.start]):
            continue
        before = doc[after.i - 1] if after.i > 0 else None
        if before is not None and before.lemma_.lower() == "year" and before.dep_ == "npadvmod":
            return [before]
    return []


# "sentenced on Tuesday to ten years", "jailed on Friday for six years": NER may run a date into the term that
# follows it; the term is a duration, not part of the date
_TERM_TAIL = re.compile(r"\s+(?:to|for)\s+\S")


def without_term(span: Span, is_date: Callable[[str], bool]) -> Span:
    """The date part of a span that NER ran on into a duration ("Tuesday to ten years" -> "Tuesday"); the span
    itself when it has no such tail."""
    match = _TERM_TAIL.search(span.text)
    if match is None:
        return span
    head, tail = span.text[:match.start()], span.text[match.start():].split(None, 1)[1]
    if not is_date(head) or is_date(tail):
        return span
    trimmed = span.doc.char_span(span.start_char, span.start_char + len(head), label=span.label_,
                                 alignment_mode="contract")
    return trimmed if trimmed is not None and len(trimmed) else span


@cache
def _steps() -> dict[str, int]:
    return {lemma: k for k, step in enumerate(load_yaml("dates.yaml").get("procedure_steps") or [])
            for lemma in step}


def other_steps(verb: Token, other: Token) -> bool:
    """Two verbs of different steps of a case ("was arrested in 2019 and sentenced on Monday"): they happened on
    different days, so a date of one is not the other's (data/dates.yaml `procedure_steps`)."""
    steps = _steps()
    first, second = steps.get(verb.lemma_.lower()), steps.get(other.lemma_.lower())
    return first is not None and second is not None and first != second


# "on suspicion of assault", "allegations of fraud": the deed these nouns name through "of" is alleged, not dated by
# the clause that tells of the suspicion
_SUSPICION_NOUNS = {"suspicion", "suspicions", "allegation", "allegations", "accusation", "accusations"}


def named_in_charge(trigger: Token) -> bool:
    """A deed named in a charge, accusation, conviction or suspicion ("charged on Friday with murder", "convicted of
    attacking a guard", "arrested on Monday on suspicion of assault"): it happened before the charge, on a day the
    charge's date does not tell."""
    if accused_doer(trigger) is not None or charged_deed(trigger):
        return True
    head = trigger.head
    return trigger.dep_ in ("pobj", "pcomp") and head.lower_ == "of" and head.head.lemma_.lower() in _SUSPICION_NOUNS


def past_schedule(trigger: Token) -> bool:
    """What was due or planned as told in the past tense ("was due to be released in September", "had planned to
    travel in March"): its date is read from the report backwards like any past date, not forward as a future one's
    ("is due to be released in September", "would travel in March" stay ahead); so is what a past verb's gerund
    tells ("admitted to threatening to kill him in March")."""
    current = trigger
    while current.dep_ in ("xcomp", "acomp") and current.head.i != current.i:
        if any(c.dep_ == "aux" and c.tag_ == "MD" for c in current.children):
            return False
        current = current.head
        if current.tag_ == "VBG" and current.dep_ == "pcomp" and current.head.dep_ == "prep":
            current = current.head.head  # "pleaded guilty to threatening to kill ...": the gerund's own verb
        past = current.tag_ == "VBD" or any(c.dep_ in ("aux", "auxpass") and c.tag_ == "VBD" for c in current.children)
        if past and not any(c.dep_ == "aux" and c.tag_ == "MD" for c in current.children):
            return True
    return False


def occurrence_of_relative(trigger: Token, is_occurrence: Callable[[Token], bool]) -> Token | None:
    """The event noun a relative clause tells more of ("raids last week which killed 12 farmers",
    "a raid last week that freed two hostages", "strikes killing 30"): the clause happened at the noun's moment, so
    the noun's own date is the clause's; None for any other clause ("the man who fled")."""
    noun = trigger.head
    if trigger.dep_ not in ("relcl", "acl") or noun.i == trigger.i or noun.pos_ != "NOUN" or not is_occurrence(noun):
        return None
    subjects = [c for c in trigger.children if c.dep_ in ("nsubj", "nsubjpass")]
    relative = all(c.lower_ in ("which", "that") for c in subjects) and (subjects or trigger.tag_ == "VBG")
    return noun if relative else None


_A_YEAR = re.compile(r"\b(?:1[89]|20)\d\d\b")


def deed_date(span: Span, deed: Token, clause_of: Callable[[Token], Token | None]) -> bool:
    """A date of a deed named in a charge: one in the deed's own phrase ("charged with the 2021 murder"), or a date
    with a year right after it that the parser hung on the accusing verb ("accused of the attack on the market in
    March 2016"); a day or week there ("charged with murder on Friday") is the charge's news."""
    if span.root in deed.subtree:
        return True
    return span.start > deed.i and _A_YEAR.search(span.text) is not None and clause_of(span.root) == clause_of(deed)
