"""Where the parser hides an event's moment: participles that share their head clause's date though it hangs them
elsewhere, and event nouns that a clause's date passes by.

Why: the audit (issue 12, "wrong time", rounds 13-14) found events shown with no date though the sentence dates them,
and events shown with the date of what surrounds them. A gerund coordinated with one that continues its clause
("stormed the camp on Friday, arresting ten men and seizing weapons"), or with a verb of seeing or filming ("was
caught on camera in June shoving and punching a steward": the parser often coordinates the gerunds with "caught"),
happens at that moment; so does a participle of a "with" clause after a comma ("... on Boxing Day, with dozens of
shoppers robbed in the arcade"). But an event noun named only as what a place, a group of people or a day belongs to
("police stayed at the site of the blast on Sunday", "survivors of the bombing testified on Monday", "the second day
of the offensive") is not dated by that clause: the clause's date is when the police stayed, the survivors spoke,
the day fell. Rounds 14-18 added: a list of passive participles shares the date the parser hangs on its last item,
a date hung on a participant's "-ing" clause ("thugs carrying clubs ... in May") is the event's, and an event under
"since" or "N weeks after" lies before its clause, so with no date of its own it is not given the report's day.
Cue words are in data/dates.yaml (`seen_doing_verbs`, `absolute_prepositions`, `beside_event_nouns`).
"""

from __future__ import annotations

from collections.abc import Callable, Collection
from datetime import date, timedelta
from functools import cache

from spacy.tokens import Span, Token

from newsintel.extract.timex import normalise
from newsintel.resources import load_yaml

_CLAUSE_POS = ("VERB", "AUX")
_TIME_TYPES = ("DATE", "TIME")
# a date next to an event noun this long before the report is the old event's, not what its scene or people do now
OLD_DAYS = 60


@cache
def _words(key: str) -> frozenset[str]:
    return frozenset(w.lower() for w in load_yaml("dates.yaml").get(key) or [])


def _bare(verb: Token, sequence_words: Collection[str]) -> bool:
    """No subject, auxiliary, conjunction or word of sequence of its own ("and then seized": another step)."""
    return not any(c.dep_ in ("nsubj", "nsubjpass", "aux", "auxpass", "mark") or (
        c.dep_ == "advmod" and c.lower_ in sequence_words) for c in verb.children)


def _absolute_head(verb: Token) -> Token | None:
    """The clause verb a participle of a "with" clause after a comma belongs to (", with 40 shoppers robbed in the
    arcade", parsed as the object of "with" or as a participle on that object)."""
    if verb.tag_ not in ("VBN", "VBG"):
        return None
    prep = verb.head if verb.dep_ == "pcomp" else verb.head.head if (
        verb.dep_ == "acl" and verb.head.dep_ == "pobj") else None
    if prep is None or prep.lower_ not in _words("absolute_prepositions") or prep.dep_ != "prep" or prep.i == 0:
        return None
    if prep.doc[prep.i - 1].text != "," or prep.head.pos_ not in _CLAUSE_POS:
        return None
    if any(c.dep_ in ("nsubj", "nsubjpass") and c.lemma_.lower() in _words("media_nouns") for c in prep.head.children):
        return None  # "the toll rose to six on Friday, with 100 wounded": the count's day, not the wounding's
    return prep.head


def long_before(span: Span, published: str | None) -> bool:
    """The date ends long before the report ("last year", "in 2015" in a report of today's news)."""
    value = normalise(span.text, published)
    try:
        last = date.fromisoformat((value or "").rpartition("/")[2][:10])
        return last < date.fromisoformat((published or "")[:10]) - timedelta(days=OLD_DAYS)
    except ValueError:
        return False


def moment_head(verb: Token, continues: Callable[[Token], bool], sequence_words: Collection[str]) -> Token | None:
    """The verb whose moment this participle shares though the parser hangs it otherwise (see the module's
    docstring): the gerund a bare gerund is coordinated with when that one continues its clause or is a verb of
    seeing ("seen in March carrying rifles and attacking a post"), or a "with" clause's verb; None otherwise."""
    if verb.head.i == verb.i:
        return None
    if verb.dep_ == "conj" and verb.tag_ == "VBG" and _bare(verb, sequence_words):
        head = verb.head
        if head.tag_ == "VBG" and head.pos_ == "VERB" and (continues(head) or moment_head(
                head, continues, sequence_words) is not None):
            return head  # also along a list of gerunds: "kicking and punching" after "filmed in March pushing"
        if head.tag_ == "NN" and head.lower_.endswith("ing") and head.dep_ == "pobj" and head.head.dep_ == "prep":
            head = head.head.head  # "seen in March pushing, kicking ...": the first gerund read as a noun of "in"
        if head.pos_ == "VERB" and head.tag_ in ("VBN", "VBD") and head.lemma_.lower() in _words("seen_doing_verbs"):
            return head  # "caught on camera in June shoving and punching a steward", read as one list
        return None
    return _absolute_head(verb)


def beside_the_event(trigger: Token, clause: Collection[Token]) -> bool:
    """An event noun named only as what a place, a group of people or a day belongs to, on its way up to the clause
    ("stayed at the site of the blast", "survivors of the bombing", "the second day of the offensive"): the
    clause's date is not its own (data/dates.yaml `beside_event_nouns`). Not when the clause says they became so
    ("became victims of a robbery on Boxing Day", "fell victim to a raid"): that is the event's moment."""
    if trigger.pos_ != "NOUN":
        return False
    nouns = _words("beside_event_nouns")
    token = trigger
    while token not in clause and token.head.i != token.i:
        if token.dep_ != "pobj" or token.head.dep_ != "prep":
            return False
        holder = token.head.head
        if holder.pos_ in ("NOUN", "PROPN") and holder.lemma_.lower() in nouns:
            return holder.dep_ not in ("attr", "oprd") and holder.head.lemma_.lower() not in _words("becoming_verbs")
        if holder.pos_ != "NOUN":
            return False
        token = holder
    return False


def relative_antecedent(trigger: Token) -> Token | None:
    """The event noun a clause opened by "which"/"that" tells more of when the parser hangs that clause elsewhere
    ("army strikes earlier this month which killed 14 farmers", read as a clause of the verb the strikes depend on;
    "the raid on Monday, which freed two hostages", read as a clause of "Monday"): the noun right before the pronoun,
    past a date with its preposition and a comma. None for any other clause."""
    if trigger.pos_ != "VERB" or (trigger.dep_ in ("relcl", "acl") and trigger.head.ent_type_ not in _TIME_TYPES):
        return None
    subjects = [c for c in trigger.children if c.dep_ in ("nsubj", "nsubjpass")]
    if len(subjects) != 1 or subjects[0].lower_ not in ("which", "that") or subjects[0].i > trigger.i:
        return None
    doc, j = trigger.doc, subjects[0].i - 1
    while j > 0 and doc[j].text == ",":
        j -= 1
    if doc[j].ent_type_ in _TIME_TYPES:
        while j > 0 and doc[j].ent_type_ in _TIME_TYPES:
            j -= 1
        j -= 1 if doc[j].pos_ == "ADP" and j > 0 else 0  # "the bombing in March that ...": past "in"
    return doc[j] if j >= 0 and doc[j].pos_ == "NOUN" and doc[j].i != trigger.i else None


def _no_clause_of_its_own(verb: Token) -> bool:
    """A verb with no subject, auxiliary or conjunction of its own: it goes on its neighbour's clause."""
    return verb.pos_ == "VERB" and not any(
        c.dep_ in ("nsubj", "nsubjpass", "aux", "auxpass", "mark") for c in verb.children)


def listed_with(trigger: Token) -> set[Token]:
    """The bare participles written in one list right after a passive trigger ("were punched, kicked and robbed by
    gangs during the fair"): one act told with one subject and auxiliary, whose date the parser may hang on the last
    of them while it hangs the others elsewhere (as clauses of the main verb). Only a plain list: commas and one
    closing "and"/"or", each item a past participle without a clause of its own."""
    if trigger.pos_ != "VERB" or trigger.tag_ != "VBN" or not any(c.dep_ == "auxpass" for c in trigger.children):
        return set()
    doc, out, j = trigger.doc, set(), trigger.i + 1
    while j < len(doc) and doc[j].text == ",":
        j += 1
        closing = j < len(doc) and doc[j].lower_ in ("and", "or")
        j += 1 if closing else 0
        while j < len(doc) and doc[j].pos_ == "ADV" and doc[j].lower_.endswith("ly"):
            j += 1  # "sexually assaulted"
        if j >= len(doc) or doc[j].tag_ not in ("VBN", "VBD") or not _no_clause_of_its_own(doc[j]):
            return out
        out.add(doc[j])
        j += 1
        if closing:
            return out
        if j < len(doc) and doc[j].lower_ in ("and", "or"):  # "punched, kicked and robbed": the last item
            j += 1
            while j < len(doc) and doc[j].pos_ == "ADV" and doc[j].lower_.endswith("ly"):
                j += 1
            if j < len(doc) and doc[j].tag_ in ("VBN", "VBD") and _no_clause_of_its_own(doc[j]):
                out.add(doc[j])
            return out
    return out


def participant_participles(clause: Collection[Token]) -> set[Token]:
    """Present participles describing a participant of the clause ("seized by thugs carrying clubs in the old
    town in March", "arrested a man carrying a knife on Friday"): the parser hangs a date written at the end on the
    nearest verb, the participle; what the participant was doing then is the event's moment, so the date is the
    clause's. Only a bare "-ing" form right on a noun that is the subject, object or agent of a verb of the clause."""
    out = set()
    for verb in clause:
        for arg in verb.children:
            noun = arg
            if arg.dep_ == "agent":
                noun = next((c for c in arg.children if c.dep_ == "pobj"), None)
                if noun is None:
                    continue
            elif arg.dep_ not in ("nsubj", "nsubjpass", "dobj"):
                continue
            if noun.pos_ not in ("NOUN", "PROPN"):
                continue
            out |= {c for c in noun.children if c.dep_ == "acl" and c.tag_ == "VBG" and _no_clause_of_its_own(c)
                    and c.lower_ not in _words("sequence_prepositions")}  # "one following a talk in 2010"
    return out


def earlier_incident(trigger: Token) -> bool:
    """The event is told as one before the clause it hangs from: its clause or phrase is opened by "since" ("has been
    tense since a bomber killed 22 people") or by "after" right behind a span of time ("a year after rebels ambushed
    a convoy", "weeks after the raid"). Without a date of its own, the report's day would be a date the sentence
    contradicts (data/dates.yaml `earlier_marks`, `offset_marks`, `offset_units`)."""
    token = trigger
    while token.dep_ in ("conj", "xcomp") and token.head.i != token.i:  # "since gunmen stormed and looted the town"
        token = token.head
    if token.pos_ in _CLAUSE_POS and token.dep_ == "advcl":
        opener = next((c for c in token.children if c.dep_ == "mark"), None)
    elif token.pos_ in ("NOUN", "PROPN") and token.dep_ == "pobj" and token.head.dep_ == "prep":
        opener = token.head
    else:
        return False
    if opener is None:
        return False
    if opener.lower_ in _words("earlier_marks"):
        return True
    unit = opener.doc[opener.i - 1] if opener.i > 0 else None
    if opener.lower_ not in _words("offset_marks") or unit is None or not (
            unit.lemma_.lower() in _words("offset_units") or unit.lower_.rstrip("s") in _words("offset_units")):
        return False
    # a span counted ("a year", "weeks", "three months"), not a named one ("began the week after the deal")
    return not any(c.dep_ in ("det", "amod") and c.lower_ in ("the", "this", "that", "last", "next", "same")
                   for c in unit.children)
