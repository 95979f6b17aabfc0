"""Non-specific statements: an event word that tells of no event that took place (`data/generic.yaml`).

Sense rules (`senses.py`) ask whether a trigger word is used in its event sense. This module asks a different
question of any trigger, in its event sense or not: does its clause report something that happened, or what
happens in general ("militias often kidnap aid workers", "such groups recruit online", "attacks like this kill
thousands every year"), what a law or a tool allows ("the law allows police to detain suspects"), what someone
has the power to do ("the right to return"), a kind of event ("efforts to prevent assaults"), a yes-no question
("will they strike?") or a story's plot ("in the film a soldier returns home")? It reads tense and aspect, the
genericity of the subject and the kind of clause, with the cue words kept as data.

Such an event is not dropped: `non_specific` gives the rule and cue that `events.event_record` keeps as the
event's `generic` mark, and `confidence.py` weakens it (`generic` in confidence.yaml) under the views' default
threshold. An analyst does not see it by default and can still list it with its sentence (`--min-confidence 0`).
"""

from __future__ import annotations

import functools
from dataclasses import dataclass
from typing import Any

from spacy.tokens import Token

from newsintel.extract.generic_kinds import kind_rules
from newsintel.resources import load_yaml, word_set

PRESENT_TAGS = frozenset({"VBZ", "VBP"})
RELATIVE_PRONOUNS = frozenset({"who", "which", "that", "whom"})
ANCHOR_ENTITIES = frozenset({"DATE", "TIME"})
PLACE_ENTITIES = frozenset({"GPE", "LOC", "FAC"})
WH_TAGS = frozenset({"WDT", "WP", "WP$", "WRB"})
SPECIFIC_MODIFIERS = frozenset({"det", "poss", "nummod", "quantmod"})
CLAUSE_LINKS = frozenset({"xcomp", "conj"})
KIND_DEPS = frozenset({"det", "amod", "predet"})  # "such groups": the tagger reads "such" as an adjective


@dataclass(frozen=True, slots=True)
class GenericCues:
    habitual: frozenset[str]
    rate_words: frozenset[str]
    rate_nouns: frozenset[str]
    pronouns: frozenset[str]
    determiners: frozenset[str]
    specific_plurals: frozenset[str]
    conditions: frozenset[str]
    prevention: frozenset[str]
    frequency: frozenset[str]
    policy_governors: frozenset[str]
    policy_subjects: frozenset[str]
    capability: frozenset[str]
    definition: frozenset[str]
    fiction: frozenset[str]
    modals: frozenset[str]
    having: frozenset[str]
    instruction: frozenset[str]
    trend: frozenset[str]


@functools.cache
def cues() -> GenericCues:
    data = load_yaml("generic.yaml")
    words = functools.partial(word_set, data)

    return GenericCues(words("habitual_words"), words("rate_words"), words("rate_nouns"), words("generic_pronouns"),
                       words("generic_determiners"), words("specific_plural_heads"), words("general_conditions"),
                       words("prevention_governors"), words("frequency_adjectives"), words("policy_governors"),
                       words("policy_subjects"), words("capability_nouns"), words("definition_governors"),
                       words("fiction_nouns"), words("modals_of_kind"),
                       words("having_verbs"), words("instruction_words"), words("trend_words"))


def _lemma(token: Token) -> str:
    return token.lemma_.lower()


def clause_head(token: Token) -> Token:
    """The finite verb whose tense and subject the trigger shares: "want to strike" -> want, "fled and crossed"
    -> fled."""
    head = token
    while head.dep_ in CLAUSE_LINKS and head.head.i != head.i and head.head.pos_ in ("VERB", "AUX"):
        head = head.head
    return head


def subject(verb: Token) -> Token | None:
    """The subject of a clause; in a relative clause whose subject is the relative pronoun, the noun it describes
    ("terrorists who want to strike": terrorists)."""
    found = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if found is not None and found.lower_ in RELATIVE_PRONOUNS and verb.dep_ == "relcl":
        return verb.head
    return found


def tense(verb: Token) -> str:
    """"simple" (present simple, also "do not attack" and the present passive "are detained"), "progressive"
    (present), "modal", or "other" (past, perfect, infinitive without a finite verb)."""
    auxes = [c for c in verb.children if c.dep_ in ("aux", "auxpass")]
    if any(_lemma(a) == "have" for a in auxes):
        return "other"  # "have fled", "might have fled": one past occasion, however sure
    if any(a.tag_ == "MD" for a in auxes):
        return "modal"
    if not auxes:
        return "simple" if verb.tag_ in PRESENT_TAGS else "other"
    if any(_lemma(a) == "have" or a.tag_ in ("VBD", "VBN") or a.lower_ == "to" for a in auxes):
        return "other"
    if not all(a.tag_ in PRESENT_TAGS or _lemma(a) == "do" for a in auxes):
        return "other"
    if verb.tag_ == "VBG":
        return "progressive"
    return "simple" if all(a.tag_ in PRESENT_TAGS for a in auxes) else "other"


def _bare(noun: Token, determiners: frozenset[str]) -> bool:
    """A noun without article, possessive, number or name before it, or with a determiner of a kind ("such")."""
    for child in noun.children:
        if child.dep_ in KIND_DEPS and child.lower_ in determiners:
            return True
        if child.dep_ in SPECIFIC_MODIFIERS or (child.dep_ in ("compound", "amod") and (
                child.ent_type_ or child.pos_ == "PROPN")):
            return False
    return not noun.ent_type_


def _like_this(noun: Token) -> bool:
    """"attacks like this", "raids like these": a kind named by an example."""
    return any(c.dep_ == "prep" and c.lower_ == "like" and any(g.lower_ in ("this", "these", "that", "those")
               for g in c.children) for c in noun.children)


def generic_subject(noun: Token | None) -> str | None:
    """The subject stands for anyone or for a kind: "you", "such groups", "militias" (a bare plural)."""
    if noun is None:
        return None
    c = cues()
    if noun.lower_ in c.pronouns and noun.pos_ == "PRON":
        return noun.lower_
    kind = next((ch.lower_ for ch in noun.children if ch.dep_ in KIND_DEPS and ch.lower_ in c.determiners), None)
    if kind:
        return f"{kind} {noun.lower_}"
    if _like_this(noun):
        return f"{noun.lower_} like this"
    if noun.tag_ == "NNS" and _lemma(noun) not in c.specific_plurals and noun.lower_ not in c.specific_plurals \
            and _bare(noun, c.determiners):
        return noun.lower_
    return None


def _trend(noun: Token | None) -> str | None:
    """A bare plural counted by a comparative is a trend over a population, no one's act: "with more people
    moving to the coast", "fewer families return each year" (not "more than 20 people", a count)."""
    if noun is None or noun.tag_ != "NNS" or noun.ent_type_:
        return None
    if any(c.dep_ in SPECIFIC_MODIFIERS for c in noun.children):
        return None
    more = next((c for c in noun.children if c.dep_ in ("amod", "advmod") and c.lower_ in cues().trend), None)
    return f"{more.lower_} {noun.lower_}" if more is not None else None


def _modal_of_kind(verb: Token) -> bool:
    """A modal of ability or possibility ("such groups can recruit online"), not of one future ("will", "would":
    modality.py says what is to come)."""
    return any(a.tag_ == "MD" and a.lower_ in cues().modals for a in verb.children if a.dep_ in ("aux", "auxpass"))


def _habitual_cue(verb: Token, trigger: Token) -> str | None:
    """An adverb of frequency or a rate on the clause ("often", "every year", "a year")."""
    c = cues()
    for head in {verb, trigger}:
        for child in head.children:
            if child.dep_ in ("advmod", "neg") and child.lower_ in c.habitual:
                return child.lower_
            if child.dep_ in ("npadvmod", "advmod", "pobj", "prep") and _lemma(child) in c.rate_nouns | {"per"}:
                words = [child, *child.children] if child.dep_ != "prep" else list(child.subtree)
                if any(w.lower_ in c.rate_words or (w.lower_ == "a" and w.head.i == child.i) for w in words):
                    return " ".join(w.text for w in sorted(words, key=lambda w: w.i))
    return None


def _finite_ancestor(token: Token) -> Token | None:
    """The nearest governing verb with a tense of its own (past an infinitive: "takes ... to claim attacks")."""
    for ancestor in token.ancestors:
        if ancestor.pos_ in ("VERB", "AUX") and (ancestor.tag_ in ("VBZ", "VBP", "VBD") or any(
                c.dep_ in ("aux", "auxpass") and c.lower_ != "to" for c in ancestor.children)):
            return ancestor
    return None


def _no_matter(trigger: Token) -> str | None:
    """"no matter how much they want to attack us": a concession over any case, no event."""
    for ancestor in trigger.ancestors:
        if ancestor.lower_ == "matter" and ancestor.i > 0 and ancestor.doc[ancestor.i - 1].lower_ == "no":
            return "no matter"
    return None


def _general_condition(verb: Token) -> str | None:
    """A present-tense condition of a kind ("unless they're provoked", "whenever they cross")."""
    for clause in (c for c in verb.children if c.dep_ == "advcl"):
        mark = next((m for m in clause.children if m.dep_ == "mark" and m.lower_ in cues().conditions), None)
        if mark is not None and tense(clause) in ("simple", "progressive"):
            return mark.lower_
    return None


def _anchored(trigger: Token, args: dict[str, list[Token]]) -> bool:
    """A date, a named place or a named participant ties the clause to one occasion."""
    if any(args.get(role) for role in ("location", "origin", "destination", "via")):
        return True
    head = clause_head(trigger)
    if any(t.ent_type_ in ANCHOR_ENTITIES and t.lower_ not in cues().rate_words for t in head.subtree):
        return True
    return any(t.ent_type_ in PLACE_ENTITIES or t.ent_type_ in ("PERSON", "ORG") for role in ("actors", "targets")
               for t in args.get(role, []))


def _verb_rules(trigger: Token, args: dict[str, list[Token]]) -> dict[str, str] | None:
    head = clause_head(trigger)
    conceded = _no_matter(trigger)
    if conceded:
        return {"rule": "general condition", "cue": conceded}
    trend = _trend(subject(head))
    if trend:
        return {"rule": "trend", "cue": trend}
    form = tense(head)
    if form == "other":
        return None
    subj = subject(head)
    generic = generic_subject(subj)
    if subj is not None and subj.lower_ in ("one", "you") and generic:
        return {"rule": "generic subject", "cue": generic}  # "when you are fighting", "one cannot flee"
    if form == "progressive":
        return None  # "people are fleeing the town": going on now
    if form == "modal" and not _modal_of_kind(head):
        return None  # "defectors would be hunted down", "fighters will hand themselves in": told of one future
    habitual = _habitual_cue(head, trigger)
    if habitual and form == "simple":
        return {"rule": "habitual", "cue": habitual}
    condition = _general_condition(head) if form == "simple" else None
    if condition:
        return {"rule": "general condition", "cue": condition}
    if generic and not _anchored(trigger, args) and not (form == "simple" and _passive(head)):
        return {"rule": "generic subject", "cue": generic}  # not "wounded people are evacuated": a caption
    return None


def _passive(verb: Token) -> bool:
    return any(c.dep_ in ("auxpass", "nsubjpass") for c in verb.children)


def _noun_rules(trigger: Token, args: dict[str, list[Token]]) -> dict[str, str] | None:
    c = cues()
    standing = _standing(trigger)
    if standing:
        return standing
    if not _bare(trigger, c.determiners):
        return None
    if trigger.tag_ == "NNS":  # "it typically takes the group hours to claim attacks abroad": a kind, in a habit
        verb = _finite_ancestor(trigger)
        habitual = _habitual_cue(verb, verb) if verb is not None and tense(verb) == "simple" else None
        if habitual:
            return {"rule": "habitual", "cue": habitual}
    if any(args.get(role) for role in args):
        return None
    governor = trigger.head
    if trigger.dep_ == "pobj":  # "safe from assault", "protection against attacks"
        governor = governor if governor.lower_ in c.prevention else governor.head
    if governor.i != trigger.i and (_lemma(governor) in c.prevention or governor.lower_ in c.prevention):
        return {"rule": "kind of event", "cue": governor.lower_}
    if trigger.dep_ == "conj":  # "to prevent or stop sexual assaults": the first verb's object is shared
        return None
    if trigger.dep_ in ("nsubj", "nsubjpass") and trigger.tag_ == "NNS":
        verb = trigger.head
        if _like_this(trigger) or any(ch.dep_ in KIND_DEPS and ch.lower_ in c.determiners for ch in trigger.children):
            return {"rule": "generic subject", "cue": trigger.lower_}
        said = {_lemma(ch) for ch in verb.children if ch.dep_ in ("acomp", "attr")}
        if _lemma(verb) == "be" and said & c.frequency:
            return {"rule": "kind of event", "cue": sorted(said & c.frequency)[0]}
        habitual = _habitual_cue(verb, trigger)
        if habitual and tense(verb) == "simple":
            return {"rule": "habitual", "cue": habitual}
    return None


def _standing(noun: Token) -> dict[str, str] | None:
    """A noun trigger that someone has now, in the simple present, is a standing arrangement or state, not an event
    of the report: "the two railways have a ticketing agreement", "the firm has licensing deals with both"."""
    head = noun.head
    if noun.dep_ != "dobj" or _lemma(head) not in cues().having or tense(head) != "simple":
        return None
    return {"rule": "standing", "cue": f"{head.lower_} {noun.lower_}"}


def _governed_by_policy(trigger: Token) -> dict[str, str] | None:
    """What a law or a tool allows or forbids, or what someone has the right or the power to do."""
    c = cues()
    token = trigger
    for _ in range(3):
        infinitive = any(ch.dep_ == "aux" and ch.lower_ == "to" for ch in token.children)
        head = token.head
        if head.i == token.i:
            return None
        if token.dep_ == "acl" and infinitive and _lemma(head) in c.capability:
            return {"rule": "capability", "cue": f"{head.lower_} to"}
        if token.dep_ in ("xcomp", "ccomp", "dobj") and _lemma(head) in c.policy_governors:
            subj = subject(clause_head(head))
            if subj is not None and (_lemma(subj) in c.policy_subjects or generic_subject(subj)):
                return {"rule": "policy", "cue": f"{subj.lower_} {head.lower_}"}
        if token.dep_ not in CLAUSE_LINKS and token.dep_ not in ("xcomp", "acl"):
            return None
        token = head
    return None


def _definition(trigger: Token) -> dict[str, str] | None:
    for ancestor in list(trigger.ancestors)[:3]:
        if ancestor.pos_ == "VERB" and _lemma(ancestor) in cues().definition and tense(ancestor) != "other":
            return {"rule": "definition", "cue": ancestor.lower_}
    return None


def _yes_no_question(trigger: Token) -> dict[str, str] | None:
    """"Will they strike again?", "Did the army cross the river?": asked, not told (a wh-question presupposes the
    event: "why did they attack?")."""
    doc = trigger.doc
    if not doc.text.rstrip(" \"'”’)").endswith("?"):
        return None
    head = clause_head(trigger)
    subj = subject(head)
    auxes = [a for a in head.children if a.dep_ in ("aux", "auxpass") and a.tag_ != "TO"]
    if subj is None or not auxes or auxes[0].i > subj.i:
        return None
    if any(t.tag_ in WH_TAGS for t in doc[max(0, auxes[0].i - 3):auxes[0].i]):
        return None
    return {"rule": "question", "cue": auxes[0].lower_}


def _how_to(trigger: Token) -> dict[str, str] | None:
    """"questions about how to stop the flow", "showed recruits how to build a bomb": a way of doing it, asked or
    taught, not a deed ("whether to strike back" is a hedged decision: modality.py)."""
    if not any(c.dep_ == "aux" and c.lower_ == "to" for c in trigger.children):
        return None
    cue = next((c for c in trigger.children if c.dep_ in ("advmod", "mark") and c.lower_ in cues().instruction
                and c.i < trigger.i), None)
    return {"rule": "question", "cue": f"{cue.lower_} to"} if cue is not None else None


def _plot(trigger: Token, args: dict[str, list[Token]]) -> dict[str, str] | None:
    """A present-tense clause in a sentence about a film, a book or a game tells its story (a date or a named
    place ties it to a real occasion: "a gunman storms a cinema showing a film in Aurora in July 2012")."""
    head = clause_head(trigger)
    if trigger.pos_ not in ("VERB", "AUX") or tense(head) not in ("simple", "progressive") or _anchored(trigger, args):
        return None
    noun = next((t for t in trigger.doc if t.pos_ == "NOUN" and (t.lower_ in cues().fiction
                                                                   or _lemma(t) in cues().fiction)), None)
    return {"rule": "plot", "cue": noun.lower_} if noun is not None else None


def non_specific(trigger: Any, args: dict[str, list[Token]]) -> dict[str, str] | None:
    """Why the event of `trigger` (an `roles.Trigger`) is no specific event, as {"rule", "cue"}, or None."""
    token: Token = trigger.token
    for rule in (_yes_no_question, _how_to, _governed_by_policy, _definition):
        found = rule(token)
        if found:
            return found
    found = _plot(token, args)
    if found:
        return found
    found = _noun_rules(token, args) if trigger.nominal else _verb_rules(token, args)
    return found or kind_rules(token, args)  # a danger's examples, a claimed record, "when ..." (generic_kinds.py)
