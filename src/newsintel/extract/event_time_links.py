"""Dates an event takes from a phrase next to its own clause, and events told as plainly not new.

Why: the audit (issue 12, "wrong time" / "missing time", rounds 10-12) found events shown with the report's day or
with no time though the sentence dates them: the date sits in an infinitive that completes a past verb ("returned
home to coach the team in 2016", "threatened to shoot him in March": the parser hangs the date on the infinitive),
in a clause "in which" the event noun happened ("the attack, in which a van hit a crowd on May 2, ..."), or a
relative day is glossed by a calendar date in brackets ("last Sunday (May 3)": the writer's own correction). And
an event retold as old ("had previously attacked", "a previous raid") must not take the report's day: no date is
better than a wrong one. A time counted from a speaker's moment ("last night") in a statement the sentence dates
("..., he said on Saturday") is counted from that day. The cue words are in data/dates.yaml.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date, timedelta
from functools import cache

from spacy.tokens import Span, Token

from newsintel.extract.timex import MONTHS, holiday_of, normalise
from newsintel.resources import load_yaml

# times counted from the speaker's moment ("last night", "this morning"): a statement the sentence dates anchors them
_DEICTIC = re.compile(r"^(?:(?:late|early)\s+)?(?:last night|yesterday|today|tonight|overnight"
                      r"|this (?:morning|afternoon|evening)|(?:earlier|later) today)$", re.I)
# how long before the report a dated sentence's events must lie to be background for its undated events
BACKGROUND_DAYS = 60


@cache
def _words(key: str) -> frozenset[str]:
    return frozenset(w.lower() for w in load_yaml("dates.yaml").get(key) or [])


def _calendar_date(span: Span) -> bool:
    """A date written with a month name or a year ("May 3", "3 May 2019"), not a relative one."""
    return any((t.lower_.rstrip(".") in MONTHS and t.lower_ != "may") or t.text == "May" or (
        t.like_num and len(t.text) == 4 and t.text[:2] in ("19", "20")) for t in span)


def glossed(chosen: Span) -> Span | None:
    """The calendar date in brackets right after a relative one ("last Sunday (May 3)", "on Tuesday (Nov. 5)"):
    the writer's gloss, which dates the event more surely than a weekday counted from the report."""
    doc = chosen.doc
    if _calendar_date(chosen) or chosen.end >= len(doc) or doc[chosen.end].text != "(":
        return None
    for ent in doc.ents:
        if ent.start == chosen.end + 1 and ent.label_ == "DATE" and ent.end < len(doc) and (
                doc[ent.end].text == ")") and _calendar_date(ent):
            return ent
    return None


def scene_clauses(noun: Token) -> set[Token]:
    """The relative clause telling what happened in or during an event noun ("the attack, in which a van hit a
    crowd on May 2"): its date is the event's. Not for what lasts long ("the war, in which he lost a son in 2014":
    a day of a war is not its date; `lasting_occurrences` in data/dates.yaml)."""
    if noun.pos_ != "NOUN" or noun.lemma_.lower() in _words("lasting_occurrences"):
        return set()
    out = set()
    for clause in noun.children:
        if clause.dep_ != "relcl" or clause.pos_ not in ("VERB", "AUX"):
            continue
        if any(p.dep_ == "prep" and p.lower_ in ("in", "during") and any(
                o.dep_ == "pobj" and o.lower_ == "which" for o in p.children) for p in clause.children):
            out.add(clause)
    return out


def _past(verb: Token) -> bool:
    """The verb tells of the past: a past tense, a past auxiliary, or a gerund under a past verb ("pleaded guilty
    to threatening ...")."""
    current = verb
    for _ in range(4):
        if current.tag_ == "VBD" or any(c.dep_ in ("aux", "auxpass") and c.tag_ == "VBD" for c in current.children):
            return not any(c.dep_ == "aux" and c.tag_ == "MD" for c in current.children)
        if current.tag_ != "VBG" or current.dep_ not in ("pcomp", "pobj") or current.head.i == current.i:
            return False
        current = current.head.head if current.head.dep_ == "prep" else current.head
    return False


def completing_infinitives(verb: Token | None) -> set[Token]:
    """The infinitives without a subject of their own that complete or give the purpose of a past verb ("returned
    home to coach the team in 2016", "threatened to shoot him in March"): the parser hangs on them a date that is
    also the verb's. Only for a past verb; a date after the report is the infinitive's own ("vowed to leave next
    year", `dated_before` checks it)."""
    if verb is None or verb.pos_ != "VERB" or not _past(verb) or verb.lemma_.lower() in _words("forward_verbs"):
        return set()  # "agreed to free them in March": the freeing's date, after the agreement
    return {c for c in verb.children if c.dep_ in ("xcomp", "advcl") and c.tag_ == "VB" and any(
        a.dep_ == "aux" and a.lower_ == "to" for a in c.children) and not any(
        s.dep_ in ("nsubj", "nsubjpass") for s in c.children)}


def dated_before(span: Span, published: str | None) -> bool:
    """The date lies wholly on or before the report's day."""
    value = normalise(span.text, published)
    try:
        return bool(value) and date.fromisoformat(value.rpartition("/")[2][:10]) <= date.fromisoformat(
            (published or "")[:10])
    except ValueError:
        return False


def retold(trigger: Token, clause_verb: Token | None) -> bool:
    """The event is told as an old one, not the report's news: its clause says so ("had previously attacked",
    "was formerly jailed", "had attacked the base before", "in the past") or the event noun does ("a previous
    raid", "an earlier attack") or the old event that did it ("a previous raid killed four"). Cue words:
    `retold_adverbs`, `retold_adjectives` in data/dates.yaml."""
    adjectives, adverbs = _words("retold_adjectives"), _words("retold_adverbs")
    if trigger.pos_ == "NOUN" and any(c.dep_ == "amod" and c.lower_ in adjectives for c in trigger.children):
        return True
    if clause_verb is None or clause_verb.pos_ != "VERB":
        return False
    if trigger.i == clause_verb.i and any(s.dep_ == "nsubj" and retold(s, None) for s in clause_verb.children):
        return True  # "a previous raid killed four": what an old event did is old too
    for child in clause_verb.children:
        if child.dep_ == "advmod" and child.lower_ in adverbs and not list(child.children):
            return True
        if child.dep_ == "prep" and child.lower_ == "in" and any(
                o.dep_ == "pobj" and o.lower_ == "past" and any(d.lower_ == "the" for d in o.children)
                and len(list(o.children)) == 1 for o in child.children):
            return True  # "in the past" (not "in the past week", a stretch up to the report)
    return False


def background(trigger: Token, spans: list[Span], published: str | None,
               clause_of: Callable[[Token], Token | None]) -> bool:
    """The sentence dates its events (a year given) well before the report, and this undated event is a noun in
    apposition ("... in April 2014 -- a kidnapping that ...") or lies within the clause of that old date:
    background, not the report's news. (A past perfect alone is no sign: reported speech shifts the news into it;
    nor is an old date in a relative clause beside it: "X, who fled in 2014, was arrested".)"""
    try:
        base = date.fromisoformat((published or "")[:10])
    except ValueError:
        return False
    old = []
    for span in spans:
        if not re.search(r"\b(1[89]|20)\d\d\b", span.text):
            continue
        value = normalise(span.text, published)
        last = (value or "").rpartition("/")[2][:10]
        if last and date.fromisoformat(last) < base - timedelta(days=BACKGROUND_DAYS):
            old.append(span)
    if not old:
        return False
    if trigger.dep_ == "appos" and trigger.pos_ == "NOUN":
        return True
    return any((verb := clause_of(span.root)) is not None and verb.is_ancestor(trigger) for span in old)


def speech_day(chosen: Span, trigger: Token, published: str | None) -> str | None:
    """The day of the statement the event is told in, when the sentence dates it before the report ("'gunmen
    attacked the village last night,' the governor said on Saturday"): a time counted from the speaker's moment
    ("last night", "this morning") is counted from that day, not the report's. None otherwise."""
    if not _DEICTIC.match(" ".join(chosen.text.split())):
        return None
    verbs = frozenset(load_yaml("attribution.yaml").get("verbs") or ())
    speech = trigger
    while speech.head.i != speech.i and not (speech.pos_ == "VERB" and speech.lemma_.lower() in verbs):
        speech = speech.head
    if speech.lemma_.lower() not in verbs or speech.i == trigger.i:
        return None
    for ent in chosen.doc.ents:
        if ent.label_ != "DATE" or (ent.root.head.i != speech.i and not (
                ent.root.head.dep_ == "prep" and ent.root.head.head.i == speech.i)):
            continue
        value = normalise(ent.text, published)
        if value and "/" not in value and value < (published or "")[:10]:
            return value
    return None


def one_act_conjuncts(trigger: Token, sequence_words: set[str]) -> set[Token]:
    """Verbs coordinated with the trigger that tell another side of one violent act ("killed 50 people and wounded
    400 on Sunday", "two were killed and dozens were injured on Friday"): they share its date, even with a subject
    or object of their own (data/dates.yaml `one_act_verbs`). Not with a word of sequence ("and later died") or a
    conjunction of its own."""
    groups = load_yaml("dates.yaml").get("one_act_verbs") or []
    group = next((set(g) for g in groups if trigger.lemma_.lower() in g), None)
    if group is None or trigger.pos_ != "VERB":
        return set()
    near = [c for c in trigger.children if c.dep_ == "conj"] + ([trigger.head] if trigger.dep_ == "conj" else [])
    return {v for v in near if v.pos_ == "VERB" and v.lemma_.lower() in group and not any(
        c.dep_ == "mark" or (c.dep_ == "advmod" and c.lower_ in sequence_words) for c in (*v.children,
                                                                                           *trigger.children))}


def older_anchor(chosen: Span, spans: list[Span], published: str | None,
                 clause_of: Callable[[Token], Token | None]) -> str | None:
    """The day to count a date without a year from when it hangs below a clause the sentence dates with a year well
    before the report ("protests held in January 2016 after the assaults on New Year's Eve": the New Year's Eve before
    January 2016; "in 2014 rebels took the town and on June 3 they shot ten men": June 3, 2014): the last day of
    that clause's date. None when no such clause governs it (a relative clause beside it has its own time: "X, who
    fled in 2014, was arrested on June 3"), or governs it only as a later step ("was arrested in 2022 and sentenced
    on June 3": only a year put before its clause frames the steps after it)."""
    try:
        base = date.fromisoformat((published or "")[:10])
    except ValueError:
        return None
    if re.search(r"\b(1[89]|20)\d\d\b", chosen.text) or not (holiday_of(chosen.text) or _calendar_date(chosen)):
        return None  # a weekday is counted from the report ("arrested in 2022 and sentenced on Monday")
    for span in spans:
        if span is chosen or not re.search(r"\b(1[89]|20)\d\d\b", span.text):
            continue
        last = (normalise(span.text, published) or "").rpartition("/")[2][:10]
        verb = clause_of(span.root)
        if last and date.fromisoformat(last) < base - timedelta(days=BACKGROUND_DAYS) and verb is not None and (
                verb.is_ancestor(chosen.root)) and (span.start < verb.i or not _through_conjunct(chosen.root, verb)):
            return last
    return None


def sequenced(trigger: Token) -> bool:
    """An event noun another clause is said to come after or before ("marched on Sunday after the killing of a
    student", "held in March following the bombing"): that clause's date is not the event's; only a date in the
    noun's own phrase is (data/dates.yaml `sequence_prepositions`)."""
    prep = trigger.head
    if trigger.pos_ != "NOUN" or trigger.dep_ != "pobj" or prep.i == trigger.i:
        return False
    words = _words("sequence_prepositions")
    before = prep.doc[prep.i - 1].lower_ if prep.i > 0 else ""
    return prep.lower_ in words or f"{before} {prep.lower_}" in words


def _through_conjunct(token: Token, verb: Token) -> bool:
    """A coordinated verb lies between the token and the verb above it."""
    while token.i != verb.i and token.head.i != token.i:
        if token.dep_ == "conj" and token.pos_ in ("VERB", "AUX"):
            return True
        token = token.head
    return False


def reason_date(span: Span, trigger: Token, published: str | None) -> bool:
    """A date hung on an occurrence noun but written after the occurrence it is a reply to ("a revenge attack for
    air raids in the hills earlier this month", "protests over the shooting last week"): the parser gives the date
    to the outer noun, but a date before the report, after the inner noun's phrase, is the inner one's (data/
    dates.yaml `reason_prepositions`). Only within one stretch of words: no comma or verb in between."""
    prep = trigger.head
    outer = prep.head
    if trigger.pos_ != "NOUN" or trigger.dep_ != "pobj" or prep.lower_ not in _words("reason_prepositions") or (
            outer.pos_ != "NOUN" or span.root.head.i != outer.i or span.start <= trigger.i):
        return False
    between = span.doc[trigger.i + 1:span.start]
    if any(t.is_punct or t.pos_ in ("VERB", "AUX") for t in between):
        return False
    value = normalise(span.text, published)
    try:
        return bool(value) and date.fromisoformat(value[:10]) < date.fromisoformat((published or "")[:10])
    except ValueError:
        return False


def reason_date_of_inner(span: Span, trigger: Token, published: str | None) -> bool:
    """The date is the reason's, not this outer occurrence's (see reason_date)."""
    return any(reason_date(span, child, published) for prep in trigger.children if prep.dep_ == "prep"
               for child in prep.children if child.dep_ == "pobj")
