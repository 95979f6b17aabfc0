"""What a trigger word needs around it to count: the words of a multi-word trigger ("slipped into", "hand
themselves in", "came under fire", "pushed her down"), for movement words a place ("went to Raqqa", not "went on
trial"), and for words that are assaults only beside another assault, that other verb ("pushing and kicking the
guard"; not "pushing for reform").

Split from `events.py`, which finds the triggers; these read only the word's dependents."""

from __future__ import annotations

from spacy.tokens import Token

from newsintel.extract.args import MentionIndex, is_place
from newsintel.extract.lexicon import EventType, lexicon
from newsintel.extract.parse import ParsedSentence
from newsintel.extract.sense_participants import denotes_people
from newsintel.extract.subjects import direct_object, subject_of
from newsintel.extract.triggers import LIGHT_VERBS, lemma_of


def dependents(token: Token) -> list[Token]:
    """Children that can complete a multi-word trigger ("slipped into": into; "warn of": of); not the infinitive's
    "to" ("rallied to condemn the leader" is no "condemn to")."""
    return [c for c in token.children if c.dep_ not in ("aux", "auxpass")]


def required_found(token: Token, required: list[str]) -> list[Token] | None:
    """The dependents a multi-word trigger needs, in order; a word after a needed preposition may be that
    preposition's object ("came under fire", "took him into custody"), one level below the verb. "<person>" is
    someone undergoing it, the object or a passive's subject ("pushed her down", "was shoved to the ground"); it
    is checked, not made part of the trigger's words."""
    found: list[Token] = []
    for word in required:
        if word == "<person>":
            if not _person_undergoes(token):
                return None
            continue
        if word == "<vehicle>":
            match = next((c for c in token.children if c.dep_ in ("dobj", "obj") and lemma_of(c) in lexicon().vehicles),
                         None)
        else:
            match = next((c for c in dependents(token) if c.lower_ == word or lemma_of(c) == word), None)
            if match is None and found and found[-1].dep_ == "prep":
                match = next((g for g in found[-1].children if g.dep_ == "pobj" and (
                    g.lower_ == word or lemma_of(g) == word)), None)
        if match is None:
            return None
        found.append(match)
    return found


def has_place_arg(ps: ParsedSentence, token: Token, mentions: MentionIndex) -> bool:
    """A place among the word's arguments, one level into a non-place object ("on a passport via Sofia") or,
    for a noun after a light verb ("made the journey to Raqqa"), among the verb's."""
    heads = [token]
    if token.pos_ in ("NOUN", "PROPN") and token.dep_ in ("dobj", "attr") and lemma_of(token.head) in LIGHT_VERBS:
        heads.append(token.head)
    heads += [g for h in list(heads) for c in h.children if c.dep_ in ("prep", "dobj") for g in [c, *c.children]
              if g.dep_ in ("pobj", "dobj") and g.pos_ in ("NOUN", "PROPN")]
    return any(has_direct_place_arg(ps, head, mentions) for head in heads)


def has_direct_place_arg(ps: ParsedSentence, token: Token, mentions: MentionIndex) -> bool:
    for child in token.children:
        if child.dep_ in ("dobj", "npadvmod", "advmod") and (is_place(ps, child, mentions) or child.lower_ in (
                "home", "abroad", "north", "south", "east", "west", "back")):
            return True
        if child.dep_ in ("prep", "prt", "agent") or child.pos_ == "ADP":
            for grand in child.children:
                if grand.dep_ == "pobj" and is_place(ps, grand, mentions):
                    return True
                if grand.dep_ == "prep" and any(  # "out of Syria"
                        g.dep_ == "pobj" and is_place(ps, g, mentions) for g in grand.children):
                    return True
    return False


def _person_undergoes(verb: Token) -> bool:
    subject, passive = subject_of(verb)
    patient = subject if passive else direct_object(verb)
    return patient is not None and denotes_people(patient)


def coordination_fits(verb: Token, lemma: str, etype: EventType) -> bool:
    """A word of `coordinated_only` counts only beside a verb of the same type that is a trigger on its own, in one
    coordination ("pushing, kicking and slapping the guard", "shoved and punched him"): "pushed for reform" and
    "bit into the apple" are none."""
    if lemma not in etype.coordinated_only:
        return True
    first = verb
    while first.dep_ == "conj" and first.head.i != first.i:
        first = first.head
    members, todo = [], [first]
    while todo:
        member = todo.pop()
        members.append(member)
        todo += [c for c in member.children if c.dep_ == "conj"]
    return any(m.i != verb.i and "" in etype.verbs.get(lemma_of(m), []) and lemma_of(m) not in etype.coordinated_only
               for m in members)
