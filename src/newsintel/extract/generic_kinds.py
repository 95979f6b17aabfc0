"""More non-specific statements (`data/generic.yaml`), beside those of generic.py: kinds of deed named as examples
of a danger ("new threats, like drone attacks"), deeds a group claims as a record ("the group, which has claimed
attacks carried out in its name"), what someone does whenever something happens ("when it is threatened it
hits back"), a trend ("with more families moving to towns") and a condition on a kind ("if convicted of such
offences"). None tells of one occasion, so none is an event (GUIDELINES.md section 1); like generic.py's rules they
mark the event, whose confidence then falls under the views' threshold.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass

from spacy.tokens import Token

from newsintel.resources import load_yaml, word_set

EXAMPLE_PREPS = frozenset({"like", "as", "including"})  # "threats like ...", "dangers such as ...", "including"
ANCHORS = frozenset({"DATE", "TIME", "GPE", "LOC", "FAC"})
PRESENT = frozenset({"VBZ", "VBP"})


@dataclass(frozen=True, slots=True)
class KindCues:
    dangers: frozenset[str]
    claiming: frozenset[str]
    whenever: frozenset[str]
    trend: frozenset[str]
    determiners: frozenset[str]


@functools.cache
def kind_cues() -> KindCues:
    data = load_yaml("generic.yaml")
    words = functools.partial(word_set, data)

    return KindCues(words("danger_nouns"), words("claiming_verbs"), words("habitual_when"), words("trend_words"),
                    words("generic_determiners"))


def _bare(noun: Token) -> bool:
    """No article, possessive, number or name: a kind, not one deed ("attacks", "drone attacks")."""
    return noun.tag_ == "NNS" and not noun.ent_type_ and not any(
        c.dep_ in ("det", "poss", "nummod", "quantmod") or c.ent_type_ in ANCHORS for c in noun.children)


def example_of_a_danger(trigger: Token) -> dict[str, str] | None:
    """A noun trigger listed as an example of a danger: "prepare for new threats, like drone and chemical attacks",
    "risks such as cyber attacks" (not "the attack on the base, like the raid in May": one deed)."""
    if trigger.pos_ != "NOUN" or not _bare(trigger):
        return None
    noun = trigger
    while noun.dep_ == "conj" and noun.head.pos_ in ("NOUN", "PROPN"):  # "kidnappings and attacks", "EMP and"
        noun = noun.head
    prep = noun.head
    if noun.dep_ != "pobj" or prep.lower_ not in EXAMPLE_PREPS:
        return None
    if prep.lower_ == "as" and not any(c.lower_ == "such" for c in prep.children):
        return None
    danger = prep.head
    if danger.pos_ != "NOUN":  # "train for new dangers, like ...": the parser hangs "like" on the verb
        danger = next((t for t in reversed(prep.doc[max(0, prep.i - 2):prep.i]) if t.text != ","), danger)
    if danger.pos_ != "NOUN" or danger.lemma_.lower() not in kind_cues().dangers:
        return None
    return {"rule": "kind of event", "cue": f"{danger.lower_} {prep.lower_}"}


def claimed_record(trigger: Token, args: dict[str, list[Token]]) -> dict[str, str] | None:
    """Deeds of a kind a group claims as its record, with no place, date or target: "the group, which has claimed
    attacks carried out in its name, said nothing" (not "claimed attacks on two police posts in Kabul")."""
    if trigger.pos_ != "NOUN" or not _bare(trigger) or trigger.dep_ not in ("dobj", "obj"):
        return None
    if trigger.head.lemma_.lower() not in kind_cues().claiming:
        return None
    if any(args.get(role) for role in ("targets", "location", "origin", "destination", "time")):
        return None
    if any(t.ent_type_ in ANCHORS and t.head.lower_ != "within" for t in trigger.subtree):
        return None  # "in Kabul", "on Monday"; not "within hours of the killings": a lag
    return {"rule": "habitual", "cue": f"{trigger.head.lower_} {trigger.lower_}"}


def _present(verb: Token) -> bool:
    """A finite verb in the simple present, active or passive ("responds", "is threatened"), no modal, no past."""
    auxes = [c for c in verb.children if c.dep_ in ("aux", "auxpass")]
    if auxes:
        return all(a.tag_ in PRESENT for a in auxes) and verb.tag_ in ("VBN", "VB", "VBZ", "VBP")
    return verb.tag_ in PRESENT


def whenever_clause(trigger: Token) -> dict[str, str] | None:
    """A present-tense "when" clause with a present-tense main clause tells what happens each time: "when it is
    pressed and threatened it answers with force". A headline (no full stop), a question or a date keeps it."""
    if trigger.pos_ not in ("VERB", "AUX"):
        return None
    sent = trigger.sent
    if not sent.text.rstrip(" \"'”’)").endswith(".") or any(t.ent_type_ in ("DATE", "TIME") for t in sent):
        return None
    when = next((t for t in sent if t.lower_ in kind_cues().whenever and t.dep_ in ("advmod", "mark")
                 and t.head.pos_ in ("VERB", "AUX")), None)
    if when is None:
        return None
    clause = when.head
    clauses = {clause, *clause.conjuncts}
    head = trigger
    while head.dep_ in ("conj", "xcomp") and head.head.pos_ in ("VERB", "AUX") and head not in clauses:
        head = head.head
    finite = [t for t in sent if t.pos_ in ("VERB", "AUX") and t.dep_ not in ("aux", "auxpass")
              and (t.tag_ in PRESENT or any(c.dep_ in ("aux", "auxpass") for c in t.children))]
    if not finite or not all(_present(v) for v in finite):
        return None  # any past, modal or perfect verb ties the sentence to an occasion
    mains = [v for v in finite if v not in clauses]
    if not mains or not any(_present(c) for c in (clauses if trigger in clauses else {head})):  # "is pressed and
        # threatened": the participle shares the first verb's "is"
        return None
    return {"rule": "general condition", "cue": when.lower_}


def trend_participle(trigger: Token) -> dict[str, str] | None:
    """A participle on a bare plural counted by a comparative is a trend over a population: "with more families
    moving to crowded towns" (generic.py reads the same of a subject: "more people move")."""
    if trigger.tag_ != "VBG" or any(c.dep_ in ("aux", "auxpass") for c in trigger.children):
        return None  # "more people are moving" is generic.py's: a subject of a finite clause
    nouns = [trigger.head] if trigger.dep_ == "acl" else [
        c for c in trigger.children if c.dep_ == "nsubj"]  # "with more people moving to the towns"
    for noun in nouns:
        if noun.tag_ != "NNS" or noun.ent_type_ or any(
                c.dep_ in ("det", "poss", "nummod", "quantmod") for c in noun.children):
            continue
        more = next((c for c in noun.children if c.dep_ in ("amod", "advmod") and c.lower_ in kind_cues().trend),
                    None)
        if more is not None:
            return {"rule": "trend", "cue": f"{more.lower_} {noun.lower_}"}
    return None


def kind_in_condition(trigger: Token) -> dict[str, str] | None:
    """A present-tense condition about a kind of deed: "can be expelled if they are convicted of such offences",
    "unless they commit any crime" (not "if he was convicted of the 2015 murder")."""
    if trigger.pos_ not in ("VERB", "AUX") or not any(
            c.dep_ == "mark" and c.lower_ in ("if", "unless", "once", "when", "whenever") for c in trigger.children):
        return None
    if not _present(trigger):
        return None
    for word in (g for c in trigger.children if c.dep_ in ("prep", "agent") for g in c.children if g.dep_ == "pobj"):
        kind = next((c for c in word.children if c.dep_ in ("det", "amod", "predet")
                     and c.lower_ in kind_cues().determiners), None)
        if kind is not None:
            return {"rule": "kind of event", "cue": f"{kind.lower_} {word.lower_}"}
    return None


def kind_rules(trigger: Token, args: dict[str, list[Token]]) -> dict[str, str] | None:
    """The first of this module's rules that reads the trigger's statement as no specific event, or None."""
    return (example_of_a_danger(trigger) or claimed_record(trigger, args) or whenever_clause(trigger)
            or trend_participle(trigger) or kind_in_condition(trigger))
