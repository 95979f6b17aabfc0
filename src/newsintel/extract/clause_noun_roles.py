"""Participants an event noun takes from the clause around it, when its own phrase names none (issue 12, the
"missing argument" class of the audits).

- an attack noun with a clause saying whom it hit: "the airstrike that hit the hospital", "raids that wounded
  two nurses" (an active relative or participle clause whose subject is the noun, with a verb of hitting);
- an attack noun in the "in"/"during" phrase of a verb saying what befell its subject: "two guards were wounded in
  an ambush", "a child died in the shelling";
  not through a verb that is an attack trigger itself in the "in" case ("were killed in an ambush": its own event
  names them), but through its relative clause ("a stabbing that killed a commuter": the analyst reading the
  stabbing's line asks whom it hit, and the clause says it of the noun itself);
- a trial in a phrase of a verdict: "she was convicted in a second trial", "after a week-long trial a jury acquitted
  him" (the one convicted or acquitted is the one tried);
- where, for an event noun naming no place: the named places of a participle recording it ("assaults reported in
  Lyon") or of a verb of spreading it is the subject of ("a wave of riots swept through several cities, including
  Lyon and Nice", "attacks rocked Lyon").
Word lists: data/event_roles.yaml (`aimed_clause_verbs`, `suffered_in_verbs`, `trial_nouns`, `verdict_verbs`,
`recording_participles`, `spreading_verbs`).
"""

from __future__ import annotations

from functools import cache

from spacy.tokens import Token

from newsintel.extract.args import MentionIndex, is_named_place, with_conjuncts
from newsintel.extract.describe import role_of
from newsintel.extract.parse import ParsedSentence
from newsintel.extract.subjects import direct_object, is_passive, subject_of
from newsintel.extract.triggers import lemma_of
from newsintel.resources import load_yaml

RELATIVES = {"that", "which"}
SCENE_PREPS = {"in", "during"}
TRIAL_PREPS = {"in", "at", "during", "after", "following"}
# how a verdict verb is reached from the verb a trial's phrase hangs on: "after a trial, a jury took an hour to
# convict him", "deliberated before convicting him" (not across a reported or relative clause)
VERDICT_PATH = {"xcomp", "advcl", "prep", "pcomp", "conj"}
SPREAD_PREPS = {"in", "across", "through", "throughout", "over", "around"}


@cache
def _words(key: str) -> frozenset[str]:
    value = load_yaml("event_roles.yaml")[key]
    return frozenset(w for ws in value.values() for w in ws) if isinstance(value, dict) else frozenset(value)


@cache
def _suffered(voice: str) -> frozenset[str]:
    return frozenset(load_yaml("event_roles.yaml")["suffered_in_verbs"][voice])


def attack_clause_targets(noun: Token, own_verbs: frozenset[str]) -> list[Token]:
    """Whom an attack noun hit, as its relative or participle clause says, else as the verb whose "in"/"during"
    phrase it is says (module docstring); [] when neither does. Not through a verb of the noun's own type
    (`own_verbs`) but in its relative clause ("the attack that killed 12": the attack's line names them too):
    "were killed in an ambush" is an event of its own, which names them."""
    for clause in noun.children:
        if clause.dep_ not in ("relcl", "acl") or clause.i < noun.i or lemma_of(clause) not in _words(
                "aimed_clause_verbs") or (lemma_of(clause) in own_verbs and clause.dep_ != "relcl") or is_passive(
                clause):
            continue
        subject = next((c for c in clause.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        if clause.dep_ == "relcl" and (subject is None or subject.lower_ not in RELATIVES):
            continue  # "the attack the rebels launched", "the raid police said hit ...": not the noun's clause
        if clause.dep_ == "acl" and (subject is not None or clause.tag_ != "VBG"):
            continue  # "raids targeting convoys"; not "the attack blamed on ..."
        obj = direct_object(clause)
        if obj is not None and obj.lower_ not in RELATIVES and obj.pos_ in ("NOUN", "PROPN", "PRON", "NUM"):
            return with_conjuncts(obj)
    return _sufferers(noun, own_verbs)


def _sufferers(noun: Token, own_verbs: frozenset[str]) -> list[Token]:
    """"were wounded in an ambush", "died in the shelling": the subject of the verb the noun's phrase hangs on."""
    while noun.dep_ == "conj" and noun.head.i != noun.i:  # "killed in raids and shelling"
        noun = noun.head
    if noun.dep_ != "pobj" or noun.head.dep_ != "prep" or noun.head.lower_ not in SCENE_PREPS:
        return []
    verb = noun.head.head
    if verb.pos_ not in ("VERB", "AUX"):
        return []
    lemma, passive = lemma_of(verb), is_passive(verb)
    if lemma in own_verbs:
        return []
    if not ((passive and lemma in _suffered("passive")) or (not passive and lemma in _suffered("intransitive"))):
        return []
    subject = next((c for c in verb.children if c.dep_ == ("nsubjpass" if passive else "nsubj")), None)
    if subject is None or subject.lower_ in RELATIVES or subject.i > noun.i or role_of(lemma_of(subject)) == "attacker":
        return []  # "the bomber died in the blast": who made the attack, not whom it hit
    return with_conjuncts(subject)


def trial_defendants(noun: Token) -> list[Token]:
    """Who a trial tried, from the verdict its phrase belongs to: the passive subject or the object of "convicted",
    "sentenced", "acquitted" (module docstring); [] otherwise."""
    if lemma_of(noun) not in _words("trial_nouns") or noun.dep_ != "pobj" or noun.head.dep_ != "prep":
        return []
    word, verb = noun.head.lower_, noun.head.head
    if word not in TRIAL_PREPS or verb.pos_ not in ("VERB", "AUX"):
        return []
    verbs = [verb] if word in ("in", "at") else _clause_verbs(verb)
    for candidate in verbs:
        if not _verdict(candidate):
            continue
        subject, passive = subject_of(candidate)
        tried = subject if passive else direct_object(candidate)
        if tried is not None and tried.i != noun.i and tried.lower_ not in RELATIVES:
            return with_conjuncts(tried)
    return []


def _verdict(verb: Token) -> bool:
    lemma = lemma_of(verb)
    if lemma == "find":  # "was found guilty after a trial"
        return any(c.dep_ in ("acomp", "oprd", "xcomp") and c.lower_ in ("guilty", "innocent") for c in verb.children)
    return verb.pos_ == "VERB" and lemma in _words("verdict_verbs")


def _clause_verbs(verb: Token) -> list[Token]:
    """The verb and the verbs its own clause leads to (module constant VERDICT_PATH), nearest first."""
    out, frontier = [verb], [verb]
    while frontier:
        nxt = [c for t in frontier for c in t.children if c.dep_ in VERDICT_PATH]
        out += [t for t in nxt if t.pos_ in ("VERB", "AUX")]
        frontier = nxt
    return out


def clause_places(ps: ParsedSentence, noun: Token, run: Token, mentions: MentionIndex) -> list[Token]:
    """Where an event noun happened, from a participle recording it or a verb of spreading whose subject it (or the
    run `run` it is one of: "a wave of assaults") is (module docstring): named places only; [] otherwise."""
    heads = [noun] if run.i == noun.i else [noun, run]
    phrases = [p for c in heads for a in c.children if a.dep_ == "acl" and a.tag_ == "VBN" and a.i > c.i
               and lemma_of(a) in _words("recording_participles") for p in a.children]
    if run.dep_ == "nsubj" and lemma_of(run.head) in _words("spreading_verbs"):
        phrases += list(run.head.children)
    phrases += [p for c in heads for a in c.children if a.dep_ == "acl" and a.i > c.i and lemma_of(a) in _words(
        "spreading_verbs") for p in a.children]  # "a wave of riots sweeping through", a headline's "swept"
    objects = [g for p in phrases if p.dep_ == "prep" and p.lower_ in SPREAD_PREPS for g in p.children
               if g.dep_ == "pobj"]
    objects += [p for p in phrases if p.dep_ in ("dobj", "obj") and p.head.i != noun.i]  # "attacks rocked Lyon"
    out: list[Token] = []
    for obj in objects:
        named = [t for t in with_conjuncts(obj) if is_named_place(ps, t, mentions)]
        out += named or _listed_places(ps, obj, mentions)
    return out


def _listed_places(ps: ParsedSentence, obj: Token, mentions: MentionIndex) -> list[Token]:
    """"several cities, including Lyon and Nice": the named places a place word lists."""
    return [t for p in obj.children if p.dep_ == "prep" and p.lower_ == "including" for g in p.children
            if g.dep_ == "pobj" for t in with_conjuncts(g) if is_named_place(ps, t, mentions)]
