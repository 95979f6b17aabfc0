"""Who does what a verb says: its subject, looked for through the clauses that lend it one.

A controlling verb ("planned to travel", "recruited him to join"), a relative or reduced relative clause ("the man,
who fled", "fighters fleeing Raqqa"), a purpose noun ("his plan to travel"), and a charge or responsibility
("arrested two men on suspicion of smuggling", "claimed responsibility for the bombing") each name the doer
elsewhere; the voice is the verb's own. The sense, modality and completion rules ask for the subject too, so it
sits below the role readers.
"""

from __future__ import annotations

from functools import cache

from spacy.tokens import Token

from newsintel.extract.accused import charge_object_subject, facing_subject
from newsintel.extract.addressees import addressee
from newsintel.extract.antecedents import person_nouns
from newsintel.extract.lexicon import lexicon
from newsintel.extract.partitives import partitive_subject
from newsintel.extract.triggers import lemma_of
from newsintel.resources import load_yaml

SUBJECTS = {"nsubj", "nsubjpass", "csubj"}
RESPONSIBILITY_VERBS = {"claim", "accept", "take", "admit", "assume", "bear"}
# verbs never used without their object: "Twelve soldiers killed in ambush" can only be a headline's passive
OBJECT_ONLY_VERBS = {"kill", "injure", "wound", "murder", "massacre", "slaughter", "behead", "execute", "arrest",
                     "detain", "jail", "imprison", "kidnap", "abduct", "free", "release", "rescue", "evacuate",
                     "charge", "sentence", "convict", "indict", "deport", "capture", "seize"}


def is_passive(token: Token) -> bool:
    """Passive voice, also without an auxiliary: "fighters captured in Raqqa", "when surrounded by rebels", "was
    reported killed", and a headline's "Twelve soldiers killed in ambush" (a counted subject, no object)."""
    own_active = any(c.dep_ in ("nsubj", "aux") for c in token.children)  # "a sign that he had pledged": a clause
    return any(c.dep_ in ("auxpass", "nsubjpass") for c in token.children) or (token.tag_ == "VBN" and (
        (token.dep_ == "acl" and not own_active) or (token.dep_ in ("advcl", "xcomp") and not any(
            c.dep_ == "aux" for c in token.children))
        or any(c.dep_ == "agent" for c in token.children) or _counted_headline_subject(token))) or \
        _absolute_participle(token)


def _absolute_participle(verb: Token) -> bool:
    """"with more than 300 women attacked in the city", "without a shot fired": a participle with its own subject
    and no auxiliary after "with"/"without" is a passive (the active would be "with 300 men attacking"); its
    subject was acted on (audit: victims of an absolute clause shown as the attackers)."""
    return verb.dep_ == "pcomp" and verb.head.lower_ in ("with", "without") and verb.tag_ in ("VBN", "VBD") and \
        not any(c.dep_ in ("aux", "auxpass", "dobj", "obj") for c in verb.children) and \
        any(c.dep_ == "nsubj" for c in verb.children)


def _counted_headline_subject(verb: Token) -> bool:
    """"More than 40 miners killed in clashes", "Twelve soldiers killed in ambush, officials say": a participle with
    a counted subject and neither auxiliary nor object is a headline's passive; its subject is who was acted on."""
    if lemma_of(verb) not in OBJECT_ONLY_VERBS or any(c.dep_ in ("aux", "dobj", "obj", "dative", "prt")
                                                       for c in verb.children):
        return False  # "Three militants attacked at dawn", "Two gunmen shot at the crowd": they act
    subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    return subject is not None and (subject.like_num or any(
        c.dep_ in ("nummod", "quantmod") for c in subject.children))


def direct_object(token: Token) -> Token | None:
    return next((c for c in token.children if c.dep_ in ("dobj", "obj")), None)


def subject_of(token: Token) -> tuple[Token | None, bool]:
    """The subject of a verb, looking through xcomp/conj/advcl chains; (token, passive?).

    Only the verb's own clause (and its coordination) can make it passive: the subject of a governing verb is the
    doer of the verb it controls, whatever the governing verb's voice ("the men are suspected of smuggling
    migrants", "he was arrested after trying to cross": the men smuggle, he tries to cross)."""
    current, own, adverbial = token, True, False
    for _ in range(6):
        for child in current.children:
            if child.dep_ in SUBJECTS:
                return child, own and child.dep_ == "nsubjpass"
        stray = _stray_subject(current) or partitive_subject(current)  # "five of whom -- including X -- were fined"
        if stray is not None:
            return stray, own and any(c.dep_ == "auxpass" for c in current.children)
        addressed = addressee(current)  # "called on the rebels to free them": the rebels would free them
        if addressed is not None:
            return addressed, False
        if current.dep_ in ("acl", "relcl") and current.head.i != current.i:
            owner = purpose_owner(current) or _accused_of_compound(current)
            if owner is not None:
                return owner, False
            return current.head, own and current.dep_ == "acl" and current.tag_ == "VBN"
        if current.dep_ == "xcomp" and lemma_of(current.head) in lexicon().object_control and not adverbial:
            # not for a gerund hung on the controlled verb: "forced her to hide while threatening her parents": he
            # threatens (the parse hangs "while threatening" on "hide"; the forcer's manner, not the forced one's)
            obj = next((c for c in current.head.children if c.dep_ == "dative"), None) or direct_object(
                current.head)  # "recruited him to join": he joins; "charged each man $500 to cross": the man
            if obj is not None:
                return obj, False
        if current.dep_ == "acomp" and current.head.i != current.i:  # "were able to arrest", "is eager to leave"
            own, current = False, current.head
            continue
        if current.dep_ == "ccomp" and reporting_head(current):
            gap = _reported_gap(current.head)  # "the spokesman said troops were ... preparing to evacuate": not him
            if gap is not None:
                return gap, own and any(c.dep_ == "auxpass" for c in current.children)
            break
        described = reduced_relative_noun(current)  # "holding towns once liberated from the rebels": the towns
        if described is not None:
            return described, own
        if current.dep_ in ("xcomp", "conj", "advcl", "ccomp") and current.head.i != current.i:
            # "had been captured and had not defected": a conjunct with its own auxiliary has its own voice
            own = own and current.dep_ == "conj" and not any(c.dep_ == "aux" for c in current.children)
            adverbial = current.dep_ == "advcl" and current.tag_ == "VBG"
            current = current.head
            continue
        if current.dep_ in ("pcomp", "pobj") and current.head.dep_ == "prep":  # "before boarding", "after escaping"
            party = accused_party(current) or responsible_party(current)
            if party is not None:
                return party, False
            own = False
            current = current.head.head
            continue
        break
    return None, False


def _stray_subject(verb: Token) -> Token | None:
    """"damaged the embassy and soldiers were securing it": a coordinated verb with its own finite auxiliary but no
    subject, where the parser took the noun just before the auxiliary for a conjunct of the previous object; that
    noun is the subject."""
    if verb.dep_ != "conj":
        return None
    aux = next((c for c in verb.children if c.dep_ in ("aux", "auxpass") and c.i < verb.i), None)
    if aux is None or aux.tag_ not in ("VBD", "VBZ", "VBP", "MD") or aux.i == 0:
        return None
    before = verb.doc[aux.i - 1]
    if before.dep_ != "conj" or before.pos_ not in ("NOUN", "PROPN") or before.head.dep_ not in ("dobj", "obj", "pobj"):
        return None
    return before


@cache
def clause_openers() -> frozenset[str]:
    """Words that open an adverbial clause before a bare participle ("when surrounded", "if convicted"): the
    participle is then no description of the noun before it (`clause_openers` in data/event_roles.yaml)."""
    return frozenset(load_yaml("event_roles.yaml").get("clause_openers") or ())


def reduced_relative_noun(verb: Token) -> Token | None:
    """"struggled to hold towns once liberated from the rebels", "freed the hostages seized in May": a bare participle
    the parser hung on the main verb as an adverbial clause, right after an object (only adverbs between), describes
    that object, which underwent it; the main clause's subject did not (audit: the army shown as the liberated)."""
    if verb.dep_ != "advcl" or verb.tag_ != "VBN" or any(
            c.dep_ in SUBJECTS or c.dep_ in ("aux", "auxpass", "mark") for c in verb.children):
        return None
    i = verb.i - 1
    while i >= 0 and verb.doc[i].dep_ == "advmod" and verb.doc[i].head.i == verb.i:
        if verb.doc[i].lower_ in clause_openers():
            return None  # "called for reinforcements when surrounded by gunmen": a clause of its own, on the subject
        i -= 1
    noun = verb.doc[i] if i >= 0 else None
    if noun is None or noun.pos_ not in ("NOUN", "PROPN") or noun.dep_ not in ("dobj", "obj", "pobj") or \
            noun.ent_type_ in ("DATE", "TIME") or noun.head.i == verb.i:
        return None
    return noun


def stray_subject_noun(noun: Token) -> bool:
    """"shelled the base and soldiers were forced to flee": a noun the parser coordinated with an object although a
    finite auxiliary right after it begins a clause of its own, whose subject it is (`_stray_subject`)."""
    if noun.pos_ not in ("NOUN", "PROPN") or noun.i + 1 >= len(noun.doc):
        return False
    aux = noun.doc[noun.i + 1]
    verb = aux.head
    return aux.dep_ in ("aux", "auxpass") and aux.tag_ in ("VBD", "VBZ", "VBP", "MD") and verb.dep_ == "conj" and \
        not any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children)


def reporting_head(clause: Token) -> bool:
    """Is the clause what a verb of saying reports (data/attribution.yaml `verbs`)? Its subject is the speaker, no
    participant of the clause's events unless the clause names them itself ("she said she would return")."""
    head = clause.head
    return head.i != clause.i and head.pos_ in ("VERB", "AUX") and lemma_of(head) in lexicon().attribution["verbs"]


def _reported_gap(said: Token) -> Token | None:
    """The noun a reported clause without a subject is about, when the verb of saying is a relative clause on it
    ("a man police say was shot": the man), also when the parser glued that noun to the speaker as a compound
    ("man" of "man authorities say was shot"); otherwise None: the speaker is not the doer."""
    if said.dep_ == "relcl" and said.head.i != said.i:
        return said.head
    speaker = next((c for c in said.children if c.dep_ == "nsubj"), None)
    glued = next((c for c in speaker.children if c.dep_ == "compound"), None) if speaker is not None else None
    if glued is not None and glued.i == speaker.left_edge.i + (speaker.left_edge.dep_ == "det") and \
            glued.pos_ == "NOUN" and lemma_of(glued) in person_nouns():
        return glued
    return None


def _accused_of_compound(clause: Token) -> Token | None:
    """"detained on suspicion of people smuggling", "charges of drug trafficking": the parser reads the deed's own
    object as a noun the gerund describes ("people" doing the smuggling); the accused do it (`accused_party`)."""
    noun = clause.head
    if clause.dep_ != "acl" or clause.tag_ != "VBG" or noun.i != clause.i - 1 or noun.dep_ != "pobj":
        return None
    return accused_party(noun)


def is_purpose_infinitive(clause: Token) -> bool:
    """"a mission to destroy", "his plan to travel": an infinitive (without its own subject) stating a purpose noun."""
    return clause.dep_ in ("acl", "relcl") and lemma_of(clause.head) in lexicon().purpose_nouns and any(
        c.dep_ == "aux" and c.lower_ == "to" for c in clause.children) and not any(
        c.dep_ in SUBJECTS for c in clause.children)


def purpose_owner(clause: Token) -> Token | None:
    """Whose mission, plan or order an infinitive states: "fighters with a mission to destroy the consulate",
    "his plan to travel", "they received orders to attack"."""
    noun = clause.head
    if not is_purpose_infinitive(clause):
        return None
    owner = next((c for c in noun.children if c.dep_ == "poss"), None)
    if owner is not None:
        return owner
    if noun.dep_ == "pobj" and noun.head.lower_ == "with":
        holder = noun.head.head
        return holder if holder.pos_ in ("NOUN", "PROPN", "PRON") else subject_of(holder)[0]
    if noun.dep_ in ("dobj", "attr"):
        if lemma_of(noun.head) in _plan_opposing_verbs():
            return None  # "the rebels disrupted a plan to return refugees": the plan is not theirs
        subject, passive = subject_of(noun.head)
        return subject if not passive else None
    return None


@cache
def _plan_opposing_verbs() -> frozenset[str]:
    return frozenset(load_yaml("event_roles.yaml").get("plan_opposing_verbs") or ())


def described_noun(verb: Token) -> Token | None:
    """The noun a participle describes: its head for an acl ("a deal reached on Sunday"), or the noun just before
    it for a participle the parser hung on the main verb ("Under the truce, brokered by Qatar, ...")."""
    if verb.tag_ != "VBN":
        return None
    if verb.dep_ == "acl":
        return verb.head if verb.head.pos_ in ("NOUN", "PROPN") else None
    if verb.dep_ == "advcl" and not any(c.dep_ in SUBJECTS or c.dep_ == "aux" for c in verb.children):
        before = [t for t in verb.doc[max(0, verb.i - 2):verb.i] if not t.is_punct]
        if before and before[-1].pos_ == "NOUN":
            return before[-1]
    return None


@cache
def _accusation_verbs() -> frozenset[str]:
    return frozenset(load_yaml("event_roles.yaml").get("accusation_verbs") or ())


def accused_party(token: Token) -> Token | None:
    """Who does what a verb's from/for/of phrase names: its object ("stopped 23 Syrians from crossing",
    "sentenced a preacher to nine years for recruiting", "arrested two men on suspicion of smuggling") or, in the
    passive, its subject ("two men were detained on suspicion of people smuggling")."""
    prep = token.head
    if prep.dep_ not in ("prep", "agent") or prep.lower_ not in ("from", "for", "of"):
        return None
    governor = prep.head
    if prep.lower_ == "of" and governor.pos_ == "VERB" and lemma_of(governor) in _accusation_verbs():
        pass  # "she accused him of trying to kill her": he tried; "police suspect two men of smuggling"
    elif prep.lower_ == "of":
        if lemma_of(governor) not in lexicon().accusation_nouns:
            return None
        if governor.dep_ != "pobj":
            return charge_object_subject(governor)  # "faces charges of assault"
        governor = governor.head.head  # "on suspicion of": the verb the "on" phrase hangs on
    for _ in range(3):  # "sentenced X to nine years in prison for recruiting": up to the verb
        if governor.pos_ in ("VERB", "AUX") or governor.dep_ not in ("pobj", "prep"):
            break  # not through an object: "claimed responsibility for the bombing"
        governor = governor.head
    if governor.pos_ not in ("VERB", "AUX"):
        return facing_subject(governor.head) if prep.lower_ == "of" and governor.dep_ == "dobj" else None
    obj = direct_object(governor)
    if obj is not None and lemma_of(obj) in lexicon().vehicles:
        return None  # "boarded a plane for a visit to Berlin": the plane does not visit
    if obj is not None and not obj.like_num and obj.ent_type_ != "MONEY":
        return obj
    return next((c for c in governor.children if c.dep_ == "nsubjpass"), None) or (
        facing_subject(governor) if prep.lower_ == "of" else None)  # "stands trial on charges of murder"


def responsible_party(token: Token) -> Token | None:
    """"the faction claimed responsibility for downing the jet": who claims (or accepts, takes) the
    responsibility for a deed is its doer, as said by them."""
    prep = token.head
    noun = prep.head
    if prep.lower_ != "for" or lemma_of(noun) != "responsibility" or noun.dep_ not in ("dobj", "obj"):
        return None
    if lemma_of(noun.head) not in RESPONSIBILITY_VERBS:
        return None
    subject, passive = subject_of(noun.head)
    return subject if not passive else None
