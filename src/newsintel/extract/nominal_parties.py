"""Parties of an event noun named outside its noun phrase, for every noun of the types that have two sides.

The noun finders (`noun_roles.py`) read the noun's own phrase: "Israel's deal", "the deal between A and B". Reports
often name the parties around it instead:
- "concluded a deal with the sellers", "signed an accord with the government": the "with" phrase on the noun or on
  the verb that makes the deal names the other side; the maker of the deal ("he tried to conclude a deal", "he wants
  a deal", "the firms came to an agreement") is a side too (`deal_verbs`, `deal_reaching`), and so is the doer of
  what the deal is the means of ("the fund bought the mill in a deal": `deal_means_verbs`);
- "a robber was killed in a shootout with troopers", "two soldiers died in clashes with militants": whoever the
  clause tells of, killed or dying in a fight against a named other side, was the first side of it ("a policeman
  was wounded in the shootout" may have been a bystander);
- "the gang is responsible for the shooting of two guards", "the group was held responsible for the attack": who is
  responsible for a deed did it;
- "the suspect in the stabbing", "the culprits of the arson attack", "the militia behind the bombing": a noun for the
  doer of the deed its phrase names (`doer_nouns`; after "behind" any word for people or a group).
The types and words are data (`nominal_parties` in data/events_completion.yaml). Only empty sides are filled, and
only from the same sentence.
"""

from __future__ import annotations

from functools import cache

from spacy.tokens import Token

from newsintel.extract.args import with_conjuncts
from newsintel.extract.describe import actor_words
from newsintel.extract.subjects import subject_of
from newsintel.extract.triggers import Trigger, lemma_of
from newsintel.resources import load_yaml

Args = dict[str, list[Token]]
RELATIVES = ("who", "that", "which")


@cache
def _spec() -> dict:
    return load_yaml("events_completion.yaml")["nominal_parties"]


def _with_parties(token: Token) -> list[Token]:
    """The objects of "with" on a token, without a member set aside ("a deal with Hamas and not Fatah")."""
    return [t for prep in token.children if prep.dep_ == "prep" and prep.lower_ == "with"
            for g in prep.children if g.dep_ == "pobj" for t in with_conjuncts(g) if not _set_aside(t)]


def _set_aside(token: Token) -> bool:
    before = token.doc[token.i - 1] if token.i else None
    return any(c.dep_ == "neg" for c in token.children) or (before is not None and before.lower_ in ("not", "nor"))


def _maker(noun: Token) -> tuple[Token | None, list[Token]]:
    """The verb that makes or seeks the deal ("concluded a deal", "signed a deal", "wants a deal"), that reaches it
    through a preposition ("came to an agreement", "entered into a contract"), or the deal is the means of ("bought
    the mill in a deal", "took a stake under an agreement"); and its "with" parties."""
    spec, head = _spec(), noun.head
    if noun.dep_ in ("dobj", "obj") and lemma_of(head) in spec["deal_verbs"]:
        return head, _with_parties(head)
    if noun.dep_ != "pobj" or head.dep_ != "prep" or head.head.pos_ not in ("VERB", "AUX"):
        return None, []
    verb = head.head
    if head.lower_ in spec["deal_reaching"].get(lemma_of(verb), ()) or (
            head.lower_ in spec["deal_means_preps"] and lemma_of(verb) in spec["deal_means_verbs"]):
        return verb, _with_parties(verb)
    return None, []


def _fight_scene_party(noun: Token) -> Token | None:
    """"a robber was killed in a shootout with troopers": who the clause the fight is the scene of tells of."""
    prep = noun.head
    if noun.dep_ != "pobj" or prep.dep_ != "prep" or prep.lower_ not in _spec()["scene_preps"]:
        return None
    verb = prep.head
    if verb.pos_ not in ("VERB", "AUX") or lemma_of(verb) not in _spec()["fate_verbs"]:
        return None
    subject = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    return None if subject is None or subject.lower_ in RELATIVES else subject


def _responsible_party(noun: Token) -> Token | None:
    """"the gang is responsible for the shooting", "was held responsible for the attack": the one responsible."""
    prep = noun.head
    if noun.dep_ != "pobj" or prep.lower_ != "for" or prep.dep_ != "prep":
        return None
    word = prep.head
    if word.lower_ not in _spec()["responsible_words"]:
        return None
    verb = word.head if word.dep_ in ("acomp", "oprd", "xcomp", "ccomp", "amod") else None
    if verb is None or verb.i == word.i:
        return None
    if word.dep_ == "amod":  # "the man responsible for the attack"
        return verb if verb.pos_ in ("NOUN", "PROPN", "PRON") else None
    subject, _passive = subject_of(verb)
    return None if subject is None or subject.lower_ in RELATIVES else subject


def _first_conjunct(token: Token) -> Token:
    while token.dep_ == "conj" and token.head.i != token.i:
        token = token.head
    return token


def _doer_noun(noun: Token) -> Token | None:
    """"the suspect in the stabbing", "the culprits of the arson attack", "the militia behind the bombing": the
    noun for a doer the event noun's phrase hangs on, through a share of the deeds ("the suspects in most of the
    assaults"); when it is the subject of "be", the people it is said to be ("the suspects in the assaults were
    teenagers"), and when it is what a subject is said to be, that subject ("the driver was the prime suspect in")."""
    spec = _spec()
    head = _first_conjunct(noun)
    if head.dep_ != "pobj" or head.head.dep_ != "prep":
        return None
    prep = head.head
    holder = prep.head
    if holder.lower_ in spec["share_words"] and holder.dep_ == "pobj" and prep.lower_ == "of":
        prep = holder.head  # "in most of the assaults"
        holder = prep.head
    word, lemma = prep.lower_, lemma_of(holder)
    if holder.pos_ not in ("NOUN", "PROPN"):
        return None
    words = actor_words()
    doer = word in spec["doer_nouns"].get(lemma, ()) or (word in spec["behind_preps"] and (
        holder.ent_type_ in ("ORG", "NORP", "PERSON") or lemma in words.group_nouns or lemma in words.role_of
        or lemma in words.person_nouns))
    if not doer:
        return None
    verb = holder.head
    if holder.dep_ == "attr" and lemma_of(verb) == "be":  # "the driver was the prime suspect in the killing"
        subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
        return subject if subject is not None and subject.lower_ not in RELATIVES else holder
    if holder.dep_ == "nsubj" and lemma_of(verb) == "be":  # "the suspects in the assaults were teenagers"
        said = next((c for c in verb.children if c.dep_ == "attr" and c.pos_ in ("NOUN", "PROPN")), None)
        if said is not None and (said.pos_ == "PROPN" or lemma_of(said) in words.role_of or lemma_of(said) in
                                 words.person_nouns or lemma_of(said) in words.group_nouns):
            return said
    return holder


def complete_parties(events: list[tuple[Trigger, Args]]) -> None:
    """Fill the empty sides of event nouns from the words around the noun phrase (module docstring)."""
    spec = _spec()
    for trigger, args in events:
        if not trigger.nominal:
            continue
        noun, name = trigger.token, trigger.type.name
        taken = {t.i for role in ("actors", "targets") for t in args[role]}
        if name in spec["deal_types"]:
            verb, others = _maker(noun)
            maker = subject_of(verb)[0] if verb is not None else None
            found = ([maker] if maker is not None and not subject_of(verb)[1] else []) + others + _with_parties(noun)
            args["actors"] += [t for t in found if t.i not in taken and t.lower_ not in RELATIVES]
        if name in spec["fight_types"] and not args["actors"] and args["targets"]:
            party = _fight_scene_party(noun)  # only against a named other side: "wounded in the shootout" is not
            if party is not None and party.i not in taken:
                args["actors"].append(party)
        if not args["actors"] and name in spec["doer_types"]:
            party = _doer_noun(noun)  # "the suspect in the stabbing", "the group behind the attacks"
            if party is not None and party.i not in taken:
                args["actors"].append(party)
        if not args["actors"]:
            party = _responsible_party(noun)
            if party is not None and party.i not in taken:
                args["actors"].append(party)
