"""An event's own time: the date expression of the trigger's clause, normalised against the publication day.

Why so careful: a date shown beside an event is read as that event's date, so a date the sentence gives for
something else is worse than none (issue 12, audit category "wrong time"). Only a date of the trigger's own clause
counts: the reporting verb's date ("police said on Friday that ..."), a relative clause's ("strikes which killed
..."), another noun's ("the 2015 raid") belong to other events. A participle that continues its clause ("stormed
the club in June, opening fire") shares that clause's date, and so do verbs of one act ("was convicted and
sentenced last Thursday"), though not the steps of a story ("fled to Syria and returned last month"). A duration
or an age ("for about ten minutes", "aged 12 to 17") is no date at all, and a bound ("since 2014", "until May")
is not when the event happened.

An event with no date of its own is dated by its report (views/common.py), unless it is plainly background: its own
time expression cannot be placed ("nearly two decades ago", "days later"), or it is subordinate in a sentence that
dates its events well before the report ("... in April 2014 -- a kidnapping that ...").
Nor is it dated by its report when the sentence dates what governs it on another day ("police said on Tuesday
that ..."). Such an event gets `"undated": true` in its time: no date is shown rather than the report's day. An
event noun's own clause of happening dates it ("the bombing that took place on Friday"); a time of day with a bound
("before dawn") still tells when. Dates taken from next to the clause (an infinitive, an "in which" clause, a
bracketed gloss, a dated statement) and events told as old are read in event_time_links.py; participles whose
moment the parser hides (a list of participles, a participant's "-ing" clause), event nouns a clause's date passes
by and events told as before their clause ("since a bomber killed ...") in event_time_moment.py; which spans of the
sentence are dates at all in event_time_spans.py.
"""

from __future__ import annotations

import re
from functools import cache
from typing import Any

from spacy.tokens import Span, Token

from newsintel.extract import event_time_links as links
from newsintel.extract import event_time_moment as moment
from newsintel.extract import event_time_scope as scope
from newsintel.extract.event_time_scope import SAME_MOMENT_MARKS
from newsintel.extract.event_time_spans import TIME_LABELS, TIME_OF_DAY, time_spans
from newsintel.extract.event_time_spans import is_date_expression as is_date_expression  # read by tests
from newsintel.extract.lexicon import lexicon
from newsintel.extract.parse import ParsedSentence
from newsintel.extract.scene_places import event_noun_heads
from newsintel.extract.timex import normalise, time_value, without_offset
from newsintel.resources import load_yaml

CLAUSE_POS = {"VERB", "AUX"}
SAME_TIME_PREPOSITIONS = {"in", "during", "at", "amid", "on"}
# "agreement on an offensive", "plans for an attack": what another occurrence is about
TOPIC_PREPOSITIONS = {"on", "for", "about", "over", "against", "of"}
# "since 2014", "until May", "before Friday": a bound of a state or of another time, not when the event happened
BOUND_PREPOSITIONS = {"since", "until", "till", "before", "after"}
# a part of a day ("during the night", "overnight", "in the early hours"): a time of the report's news, unplaced
_PART_OF_DAY = re.compile(r"\b(?:night|overnight|morning|afternoon|evening|dawn|dusk|midnight|noon|hours?|"
                          r"o'clock|[ap]\.?m\.?)\b", re.I)
# "arrested on Monday and later released": the second verb's time is not the first's
SEQUENCE_WORDS = {"later", "then", "subsequently", "afterwards", "afterward", "eventually", "since", "now", "again",
                  "finally", "soon", "ultimately"}
UNDATED = {"text": None, "start": None, "end": None, "value": None, "precision": None, "undated": True}


def _clause_of(token: Token) -> Token | None:
    """The verb whose clause the token is in: itself when a verb, else the nearest verb above it."""
    while token.pos_ not in CLAUSE_POS:
        if token.head.i == token.i:
            return None
        token = token.head
    return token


def _continues_its_head(verb: Token) -> bool:
    """A bare participle clause ("..., opening fire", "..., killing five") tells more of its head's event and
    shares its time; so does a clause of the same moment ("arrested in 2021 as he tried to leave", "when",
    "while"); one with its own subject and another conjunction ("after he crossed") does not."""
    if verb.dep_ != "advcl" or verb.head.i == verb.i:
        return False
    marks = scope.clause_marks(verb)
    if marks:
        return marks <= SAME_MOMENT_MARKS
    return verb.tag_ == "VBG" and not any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children)


def _moment_head(verb: Token) -> Token | None:
    """The verb whose clause a verb completes or continues, or whose moment a participle shares (event_time_moment)."""
    if verb.head.i != verb.i and (verb.dep_ in ("xcomp", "aux", "auxpass") or _continues_its_head(verb)):
        return verb.head
    return moment.moment_head(verb, _continues_its_head, SEQUENCE_WORDS)


def _clause_of_trigger(trigger: Token) -> set[Token]:
    """The verbs a date in the trigger's own clause hangs from: the trigger's verb and the verbs it completes
    ("tried to cross on Friday", "was due to leave on Monday") or continues ("stormed ..., opening fire"); a noun
    trigger's governing verb ("the attack happened on Friday")."""
    verb = _clause_of(trigger)
    out = {verb} if verb is not None else set()
    while verb is not None and (above := _moment_head(verb)) is not None and above not in out:
        verb = above
        out.add(verb)
    # "killed in the attack that took place on Friday": the clause of happening of the occurrence it happened in
    within = {n for v in out for p in v.children if p.dep_ == "prep" and p.lower_ in SAME_TIME_PREPOSITIONS
              for n in p.children if n.dep_ == "pobj" and n.pos_ == "NOUN" and _occurrence(n)}
    return out | _happening_clauses(trigger) | {c for n in within for c in _happening_clauses(n)}


def _happening_clauses(trigger: Token) -> set[Token]:
    """An event noun's own relative clause saying when it happened or was made: "the bombing that took place on
    Friday", "the attack which occurred during the festival", "the truce announced in October" (its subject is
    the event: "which"/"that", or none in a reduced clause)."""
    if trigger.pos_ != "NOUN":
        return set()
    verbs = set(load_yaml("dates.yaml").get("happening_verbs", ()))
    out = set()
    # also the clause of the head standing for it: "dozens of assaults and thefts that occurred on New Year's Eve"
    heads = event_noun_heads(trigger)
    for clause in (c for head in heads for c in head.children if head.i == trigger.i or c.i > trigger.i):
        if clause.dep_ not in ("relcl", "acl") or clause.lemma_.lower() not in verbs:
            continue
        subjects = [c for c in clause.children if c.dep_ in ("nsubj", "nsubjpass")]
        if all(c.lower_ in ("which", "that") for c in subjects) and (subjects or clause.tag_ == "VBN"):
            out.add(clause)
    return out | links.scene_clauses(trigger)  # "the attack, in which a van hit a crowd on May 2"


def _shares_subject(verb: Token, other: Token) -> bool:
    """Two verbs of one act: side by side ("shot and killed", "convicted and sentenced") or passives of one
    auxiliary ("were arrested in Leeds and charged"). Steps of a story ("fled to Syria and returned last month"),
    a conjunct with its own subject or auxiliary ("... and they agreed") or a word of sequence ("and later
    released") are not."""
    if not (verb.dep_ == "conj" and verb.head.i == other.i) or other.pos_ != "VERB" or verb.pos_ != "VERB" or (
            scope.other_steps(verb, other)):
        return False  # "arrested in 2019 and sentenced on Monday": steps of a case, on different days
    if any(c.dep_ in ("nsubj", "nsubjpass", "mark", "aux", "auxpass") or (
            c.dep_ == "advmod" and c.lower_ in SEQUENCE_WORDS) for c in verb.children):
        return False
    between = verb.doc[other.i + 1:verb.i]
    side_by_side = all(t.dep_ == "cc" for t in between) and len(between) == 1
    one_passive = other.tag_ == verb.tag_ == "VBN" and any(c.dep_ == "auxpass" for c in other.children)
    return side_by_side or one_passive


def _coordinated_verbs(trigger: Token) -> set[Token]:
    """The verbs coordinated with the trigger's own verb under one subject: "was convicted and sentenced on
    Thursday" dates both; used only when the trigger's clause has no date of its own."""
    verb = _clause_of(trigger)
    if verb is None:
        return set()
    out = {c for c in verb.children if _shares_subject(c, verb)}
    if _shares_subject(verb, verb.head):
        out |= {verb.head} | {c for c in verb.head.children if c.i != verb.i and _shares_subject(c, verb.head)}
    return out


@cache
def _occurrence_nouns() -> frozenset[str]:
    return frozenset(load_yaml("dates.yaml").get("occurrence_nouns", [])) | frozenset(lexicon().noun_index)


def _occurrence(noun: Token) -> bool:
    """A noun naming something that happens at a time: "election", "raid", "the sting", "crossing"."""
    lemma = noun.lemma_.lower()
    return lemma in _occurrence_nouns() or noun.lower_ in _occurrence_nouns() or (
        len(lemma) > 5 and lemma.endswith(("ing", "tion", "sion", "ment")))


def _same_time(noun: Token, clause: set[Token]) -> bool:
    """"killed in an attack on Friday", "arrested during a raid on Monday": the occurrence the event happened in
    or during shares its date (unlike "since his election in 2016")."""
    prep = noun.head
    return noun.dep_ == "pobj" and prep.lower_ in SAME_TIME_PREPOSITIONS and prep.head in clause


def _same_event(noun: Token, trigger: Token) -> bool:
    """"The bombing late Thursday was a revenge attack": the subject of the trigger's copula is the same event;
    "a shooting in Leeds and a shooting in Hull this weekend": coordinated nouns share their date."""
    if noun.dep_ in ("nsubj", "nsubjpass") and trigger.dep_ == "attr" and noun.head.i == trigger.head.i:
        return True
    if noun.dep_ == "nsubj" and noun.head.i == trigger.i and trigger.pos_ == "VERB":
        return True  # "the 2015 attacks killed 130 people": the occurrence that did it is this event's moment
    return trigger.pos_ == "NOUN" and ((noun.dep_ == "conj" and noun.head.i == trigger.i)
                                       or (trigger.dep_ == "conj" and trigger.head.i == noun.i))


def _in_copula_subject(span: Span, trigger: Token) -> bool:
    """"The bombing late Thursday ... was a revenge attack for strikes this month": the subject's own date first."""
    subject = next((c for c in trigger.head.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    return trigger.dep_ == "attr" and subject is not None and span.root in subject.subtree


def _another_nouns(span: Span, trigger: Token, clause: set[Token]) -> bool:
    """The date belongs to a noun other than the trigger on its way up to the clause's verb: a noun of something
    that happens which it modifies or whose phrase holds it ("arrested over the 2015 raid", "his election in 2016",
    "the bombing in Lyon in April"), unless the event happened in or during it: then its date is the event's ("killed
    in strikes earlier this month", "stabbed during the Christmas celebrations"). A place or a person with a date
    phrase after it ("crossed into Turkey on Friday") is the parser's attachment, not that noun's date."""
    token = span.root
    while token not in clause and token.head.i != token.i:
        token = token.head
        if token.i == trigger.i:
            return False
        if token.pos_ not in ("NOUN", "PROPN") or token in clause or token.ent_type_ in TIME_LABELS or _same_event(
                token, trigger):
            continue
        if token.pos_ != "NOUN" or not _occurrence(token):
            continue
        if not _same_time(token, clause):  # "killed during the Bastille Day celebrations": the event's moment
            return True
    return False


def _nested_in_occurrence(trigger: Token, clause: set[Token]) -> bool:
    """A noun trigger inside another occurrence's phrase ("reached agreement last month on a joint offensive",
    "a revenge attack for strikes"): the clause's date is that occurrence's; only a date in its own phrase counts."""
    token = trigger
    while token not in clause and token.head.i != token.i:
        token = token.head
        if token not in clause and token.pos_ == "NOUN" and _occurrence(token) and not _same_event(token, trigger):
            return True
    prep = trigger.head  # "reached agreement last month on an offensive": the phrase hangs from the verb
    return trigger.pos_ == "NOUN" and trigger.dep_ == "pobj" and prep.lower_ in TOPIC_PREPOSITIONS and any(
        c.dep_ == "dobj" and c.pos_ == "NOUN" and _occurrence(c) for c in prep.head.children)


def _a_bound(span: Span) -> bool:
    if span.label_ == "TIME" or TIME_OF_DAY.fullmatch(span.text):  # "shortly before midnight", "before dawn"
        return False
    first = span[0].lower_
    return first in BOUND_PREPOSITIONS or (span.root.head.lower_ in BOUND_PREPOSITIONS and span.root.dep_ == "pobj")


def _dateline(span: Span) -> bool:
    """The date of a wire dateline ("BEIRUT, Jan 1 (Reuters) - ..."): the report's, not of any event."""
    after = span.doc.text[span.end_char:span.end_char + 40]
    return span.start < 12 and re.match(r"\s*(?:\([^)]{1,30}\))?\s*[-–—]", after) is not None


def _dated_elsewhere(trigger: Token, spans: list[Span], published: str | None) -> bool:
    """The sentence dates something the event depends on, on another day than the report's: the clause that
    governs it ("police said on Tuesday that the army had shelled the town", "arrested on Monday a man who had
    fled", "spoke to him on Tuesday and they agreed"; not "... and later released") or, for an event noun, a clause
    inside its phrase ("the assault, punching a guard two weeks ago", "the attack claimed on Friday"), also through a
    participle used as a preposition ("Following a trial in May, the jury deliberated before convicting him"; a
    verb's reasons are not its date: "was charged for punching a guard two weeks ago" keeps the report's day). The
    report's day would be a date the text contradicts: no date is shown."""
    base = (published or "")[:10]
    own = _clause_of(trigger)
    if len(base) != 10 or (own is not None and any(c.dep_ == "advmod" and c.lower_ in SEQUENCE_WORDS
                                                    for c in own.children)):
        return False  # "arrested on Monday and later released": the release may well be the report's news
    for span in spans:
        if _a_bound(span) or _dateline(span):
            continue
        value = normalise(span.text, published)
        if not value:
            continue
        first, _, last = value.partition("/")
        if first[:10] <= base <= (last or first)[:10]:
            continue  # the report's own day: no contradiction
        verb = _clause_of(span.root)
        while verb is not None and verb.dep_ == "prep" and verb.head.i != verb.i:
            verb = _clause_of(verb.head)  # "Following a trial in May, a jury deliberated ...": the clause's date
        if verb is None:
            continue
        if verb.is_ancestor(trigger) or (trigger.pos_ == "NOUN" and trigger.is_ancestor(verb)):
            return True
    return False


def _over_a_period(ps: ParsedSentence, clause: set[Token], spans: list[Span], published: str | None) -> bool:
    """The trigger's clause spreads the event over a stretch up to the report ("has killed 300 people in the past
    five years", "has attacked police posts since 2014"): no day of it is its date."""
    candidates = [e for e in (*spans, *(e for e in ps.doc.ents if e.label_ == "DATE"))
                  if _clause_of(e.root) in clause]
    return scope.over_a_period(candidates, {e.start: normalise(e.text, published) for e in candidates}, published)


def event_time(ps: ParsedSentence, trigger: Token, published: str | None, modality: str) -> dict[str, Any] | None:
    """The trigger's own date expression, nearest first, normalised (`text`, `start`, `end`, `value`,
    `precision`); with `undated` when the event is background and must not take its report's day; None when the
    event has no date of its own and may be dated by its report."""
    spans = time_spans(ps)
    if not spans:
        periods = any(e.label_ == "DATE" for e in ps.doc.ents) and _over_a_period(
            ps, _clause_of_trigger(trigger), spans, published)  # "in the past five years": no date, a stretch
        return dict(UNDATED) if periods or links.retold(trigger, _clause_of(trigger)) or any(
            map(moment.earlier_incident, {trigger, *_clause_of_trigger(trigger)})) else None
    if scope.named_in_charge(trigger):
        # "charged on Friday with murder", "arrested on Monday on suspicion of assault": the charge's date is not the
        # deed's, which happened before it; only a date in the deed's own phrase (or a year just after it) dates it
        own = [e for e in spans if scope.deed_date(e, trigger, _clause_of) and not _a_bound(e)]
        return _dated(ps, own, trigger, published, modality) if own else dict(UNDATED)
    clause = _clause_of_trigger(trigger)
    nested = _nested_in_occurrence(trigger, clause)
    beside = moment.beside_the_event(trigger, clause)  # "stayed at the site of the blast on Sunday": the site's date
    media = scope.told_through_media(trigger)  # "a video of the attack was released on Friday": the video's date
    media = media or links.sequenced(trigger)  # "marched on Sunday after the killing of a student": not its day
    own = [e for e in spans if _clause_of(e.root) in clause and (not _another_nouns(e, trigger, clause) or (
           links.reason_date(e, trigger, published))) and not links.reason_date_of_inner(e, trigger, published)
           and not _a_bound(e) and (not nested or e.root in trigger.subtree or e.start > trigger.i)
           and (not beside or e.root in trigger.subtree or (e.start > trigger.i and moment.long_before(e, published)))
           and (not media or e.root in trigger.subtree or e[-1].head.i == trigger.i)]
    if not own and not (nested or beside) and (siblings := _coordinated_verbs(trigger) | links.one_act_conjuncts(
            trigger, SEQUENCE_WORDS) | moment.listed_with(trigger)):  # "killed 50 and wounded 400 on Sunday"
        # "was convicted and sentenced last Thursday": a date of a verb coordinated under the same subject
        shared = _clause_of_trigger(trigger) | siblings
        own = [e for e in spans if _clause_of(e.root) in siblings and not _another_nouns(e, trigger, shared)
               and not _a_bound(e)]
    if not own and not (nested or beside or media) and (doing := moment.participant_participles(clause)):
        # "seized by thugs carrying clubs outside the bank in 2020": a date hung on what a participant was doing
        own = [e for e in spans if _clause_of(e.root) in doing and e.start > _clause_of(e.root).i
               and not _another_nouns(e, trigger, clause | doing) and not _a_bound(e)
               and normalise(e.text, published)]  # a date, not "watching the annual parade"
    if not own and not clause and trigger.pos_ == "NOUN":
        # a clause without a verb (a headline, a caption, a fragment): "Assaults in the old town on New Year's Eve"
        phrase = trigger
        while phrase.dep_ == "conj" and phrase.head.i != phrase.i:
            phrase = phrase.head
        own = [e for e in spans if e.root in phrase.subtree and not _another_nouns(e, trigger, {phrase})
               and not _a_bound(e)]
    if not own and not (nested or beside) and not media and (moments := scope.same_moment_clauses(clause)):
        # "vowed to destroy the group when he took office last year": a clause of the same moment dates its head
        own = [e for e in spans if _clause_of(e.root) in moments and not _another_nouns(e, trigger, clause | moments)
               and not _a_bound(e)]
    if not own and (noun := scope.occurrence_of_relative(trigger, _occurrence)) is not None:
        # "raids last week which killed 12 farmers": the strikes' date is the killing's
        own = [e for e in spans if e.root in noun.subtree and e.root not in trigger.subtree and not _a_bound(e)
               and _clause_of(e.root) == _clause_of(noun)]
    if not own and (noun := scope.occurrence_of_relative(trigger, _occurrence) or moment.relative_antecedent(
            trigger)) is not None and _occurrence(noun):
        # "the bombing in March that killed six", "strikes earlier this month which killed 14" (the clause hung on
        # another verb): the date the noun takes, wherever the parser hung it, is the clause's
        theirs = event_time(ps, noun, published, modality)
        if theirs and theirs.get("value"):
            return theirs
    if not own and not nested and (infinitives := links.completing_infinitives(
            trigger if trigger.pos_ == "VERB" else None)):  # "returned home to coach the team in 2016"
        own = [e for e in spans if _clause_of(e.root) in infinitives and links.dated_before(e, published)
               and not _another_nouns(e, trigger, clause | infinitives) and not _a_bound(e)]
    if not own:
        if links.background(trigger, spans, published, _clause_of) or links.retold(trigger, _clause_of(trigger)) or (
                _dated_elsewhere(trigger, spans, published) or _over_a_period(ps, clause, spans, published)
                or any(map(moment.earlier_incident, {trigger, *clause}))):  # "tense since a bomber killed 22"
            return dict(UNDATED)
        return None
    return _dated(ps, own, trigger, published, modality)


def _dated(ps: ParsedSentence, own: list[Span], trigger: Token, published: str | None,
           modality: str) -> dict[str, Any]:
    """The nearest of the event's own date expressions, normalised (a future one forward from the report)."""
    future = modality in ("future", "intended") and not scope.past_schedule(trigger)
    chosen = min(own, key=lambda e: (not _in_copula_subject(e, trigger), normalise(e.text, published, future) is None,
                                     abs(e.root.i - trigger.i)))
    chosen = links.glossed(chosen) or chosen  # "last Sunday (May 3)": the writer's own calendar date
    start, end = ps.char_span(chosen.start, chosen.end)
    anchor = scope.anchored_publication(chosen, own, published)  # "on New Year's Eve two years ago"
    anchor = links.speech_day(chosen, trigger, published) or anchor  # "'... last night,' he said on Saturday"
    if anchor == published:  # "held in January 2016 after the assaults on New Year's Eve": that one's eve
        anchor = links.older_anchor(chosen, time_spans(ps), published, _clause_of) or anchor
    # "two years after the 2015 attacks" read for the attacks: the anchor modifies the trigger, it is their date
    text = without_offset(chosen.text) if chosen[-1].head.i == trigger.i else chosen.text
    out: dict[str, Any] = {"text": chosen.text, "start": start, "end": end,
                           **time_value(text, anchor, future and anchor == published)}
    if out["value"] is None and chosen.label_ != "TIME" and not _PART_OF_DAY.search(chosen.text):
        out["undated"] = True  # "two decades ago", "days later": its own time, which we cannot place
    return out
