"""Scene places an event inherits from its sentence: the place a sentence opens with, and the place of the verb
it is coordinated with.

"In the southern city of Basra, soldiers shot two men who had refused to stop and then opened fire on them": the
opening phrase is the scene of the shooting (its own phrase, read by the argument finders) and also of what the
clause tells around it: a relative clause on a participant, a coordinated verb, a participle or a "when"/"after"
clause. The argument finders read only each trigger's own phrase, so these events came out with no place.

Not inherited (precision first): reported content ("In Basra, officials said militants had attacked ..." is said in
Basra, not done there), a separate statement after a colon or dash, a condition ("if", "unless"), an earlier event
told in the past perfect ("a man who had attacked a guard": maybe elsewhere), and any event that names a place of
its own. Only a sentence-opening phrase with a named place followed by a comma counts.

A bare coordinated verb (no subject of its own) continues where the verbs before it left off: "the driver pulled
into a lot on Elm Street, jumped out and fled on foot", "gunmen drove to Dover and shot a clerk" (`conjunct_places`).
Only where the earlier verbs are (in/at/near) or arrive (to/into), never where they left from ("left Paris and
attacked a guard" is not in Paris).

Also read off the sentence around the trigger: the place of an arrest's "after being ..." clause (`undergone_places`)
and the route end a movement's nested place belongs to (`nested_route_roles`).
"""

from __future__ import annotations

from spacy.tokens import Token

from newsintel.extract.args import MentionIndex, is_named_place, is_place
from newsintel.extract.parse import ParsedSentence
from newsintel.extract.prep_roles import DESTINATION_PREPS, LOCATION_PREPS, ORIGIN_PREPS
from newsintel.extract.triggers import TRANSFERS, Trigger, lemma_of
from newsintel.resources import load_yaml

FRAME_PREPS = {"in", "at", "near", "outside", "inside"}
ARRIVAL_PREPS = {"to", "into", "onto"}
SUBJECTS = {"nsubj", "nsubjpass", "csubj", "expl"}
# dependency labels through which an event stays in the statement the opening phrase frames
CLOSED_CLAUSES = {"ccomp", "parataxis", "csubj", "csubjpass"}
CONDITION_MARKS = {"if", "unless", "whether"}
# dependency labels that open a clause of another verb
CLAUSE_LINKS = {"relcl", "acl", "advcl", "ccomp", "xcomp", "csubj", "parataxis", "pcomp"}


def _earlier_or_hypothetical(clause: Token) -> bool:
    """A clause told as earlier ("who had attacked"), as a condition ("if they attack"), or as an open question."""
    if clause.dep_ in ("relcl", "acl", "advcl", "conj") and any(
            c.dep_ == "aux" and c.lower_ in ("had", "'d") for c in clause.children):
        return True
    return clause.dep_ == "advcl" and any(
        c.dep_ == "mark" and c.lower_ in CONDITION_MARKS for c in clause.children)


def _root_of_statement(token: Token) -> Token | None:
    """The root of the sentence when the event is told inside its main statement, else None."""
    current = token
    for _ in range(12):
        if current.head.i == current.i:
            return current
        if current.dep_ in CLOSED_CLAUSES or _earlier_or_hypothetical(current):
            return None
        current = current.head
    return None


def _opening_phrase(root: Token) -> Token | None:
    """The sentence-opening locative phrase on the root ("In Basra, ..."), followed by a comma."""
    sent_start = root.sent.start
    first = next((t for t in root.sent if not (t.is_punct or t.is_space)), None)
    if first is None:
        return None
    for prep in root.children:
        if prep.dep_ != "prep" or prep.lower_ not in FRAME_PREPS or prep.i != first.i or prep.i >= root.i:
            continue
        end = max(t.i for t in prep.subtree)
        if end + 1 < len(root.doc) and root.doc[end + 1].text == "," and end + 1 > sent_start:
            return prep
    return None


def frame_places(ps: ParsedSentence, token: Token, mentions: MentionIndex) -> list[Token]:
    """Named places of the sentence-opening phrase that frames the statement the event is told in."""
    root = _root_of_statement(token)
    if root is None or root.i == token.i:
        return []  # the root reads its own phrases
    prep = _opening_phrase(root)
    if prep is None:
        return []
    out = []
    for obj in (g for g in prep.children if g.dep_ == "pobj"):
        for item in [obj, *(c for c in obj.children if c.dep_ in ("appos", "conj"))]:
            if is_named_place(ps, item, mentions) and is_place(ps, item, mentions):
                out.append(item)
    return out


def _named_places_of(ps: ParsedSentence, verb: Token, mentions: MentionIndex) -> list[Token]:
    """Named places where a verb is or arrives: its in/at/near/to/into phrases, their appositions, and a named
    place in the phrase's own phrase ("into a lot on Elm Street")."""
    out = []
    for prep in verb.children:
        if prep.dep_ != "prep" or prep.lower_ not in FRAME_PREPS | ARRIVAL_PREPS:
            continue
        for obj in (g for g in prep.children if g.dep_ == "pobj"):
            out += [t for t in _nested(obj) if is_named_place(ps, t, mentions) and is_place(ps, t, mentions)]
    return out


def _nested(obj: Token, depth: int = 2) -> list[Token]:
    """A phrase's object, its appositions and the objects of its in/at/on phrases ("a lot on Elm Street in Dover")."""
    out = [obj, *(c for c in obj.children if c.dep_ in ("appos", "conj"))]
    if depth:
        for g in (g for p in obj.children if p.dep_ == "prep" and p.lower_ in FRAME_PREPS | {"on"}
                  for g in p.children if g.dep_ == "pobj"):
            out += _nested(g, depth - 1)
    return out


def conjunct_places(ps: ParsedSentence, token: Token, mentions: MentionIndex) -> list[Token]:
    """Named places of the verbs a bare coordinated verb continues, nearest first."""
    if token.pos_ not in ("VERB", "AUX") or token.dep_ != "conj":
        return []
    current = token
    while current.dep_ == "conj" and current.head.i != current.i and current.head.pos_ in ("VERB", "AUX"):
        if any(c.dep_ in SUBJECTS for c in current.children):
            return []  # "..., and police arrested him": a statement of its own
        current = current.head
        found = _named_places_of(ps, current, mentions)
        if found:
            return found
    return []


def undergone_places(ps: ParsedSentence, trigger: Trigger, mentions: MentionIndex) -> list[Token]:
    """An arrest naming no place happened where its "after being ..." clause puts the one arrested ("was arrested
    after being wounded in a raid near the airport in Tripoli", "detained after being stopped at a checkpoint in
    Homs"): the clause has no subject of its own, so it tells the same person's episode. Only arrests (a killing
    "after being kidnapped in Mosul" may have happened elsewhere) and only in/at/near phrases."""
    token = trigger.token
    if trigger.nominal or trigger.type.name != "ARREST":
        return []
    out: list[Token] = []
    for prep in (c for c in token.children if c.dep_ == "prep" and c.lower_ in ("after", "when", "while")):
        for clause in (g for g in prep.children if g.dep_ == "pcomp" and g.tag_ == "VBN" and any(
                a.dep_ == "auxpass" and a.lower_ == "being" for a in g.children)):
            for phrase in (c for c in clause.children if c.dep_ == "prep" and c.lower_ in FRAME_PREPS | {"on"}):
                out += [t for t in phrase.subtree if t.pos_ == "PROPN" and t.dep_ not in ("compound", "flat")
                        and _no_clause_between(t, phrase) and is_place(ps, t, mentions)]
    return out


def _no_clause_between(token: Token, top: Token) -> bool:
    """Whether only noun phrases and prepositions lie between a token and the phrase `top` it is in."""
    head = token.head
    while head.i != top.i and head.head.i != head.i:
        if (head.pos_ in ("VERB", "AUX") and head.dep_ != "prep") or head.dep_ in CLAUSE_LINKS:
            return False
        head = head.head
    return True


def nested_route_roles(trigger: Trigger, args: dict[str, list[Token]]) -> None:
    """A movement's place inside the phrase of one end of its route belongs to that end: "was returning to Canada
    from a holiday in Portugal" (Portugal is where he came from, not where he was), "flew to a summit in Geneva".
    Only one noun deep and only by a preposition of place: the place hangs by in/at/near from the noun that is the
    object of the trigger's own from/to phrase (a nested "to" is too often the verb's own phrase hung on the noun:
    "fled from the fighting in Aleppo to Turkey")."""
    if trigger.type.name not in TRANSFERS:
        return
    heads = {trigger.token.i, *(t.i for t in trigger.extra)}
    for role in ("location", "origin", "destination", "via"):
        for place in list(args[role]):
            inner = place.head
            noun = inner.head
            outer = noun.head
            if place.dep_ != "pobj" or inner.dep_ != "prep" or noun.dep_ != "pobj" or outer.dep_ != "prep" or (
                    outer.head.i not in heads) or place.pos_ != "PROPN" or noun.pos_ != "NOUN":
                continue
            end = "origin" if outer.lower_ in ORIGIN_PREPS else (
                "destination" if outer.lower_ in DESTINATION_PREPS else None)
            if end is None or end == role or inner.lower_ not in LOCATION_PREPS:
                continue
            args[role].remove(place)
            args[end].append(place)


def event_noun_heads(token: Token) -> list[Token]:
    """The event noun and the noun phrase heads that stand for it in its clause: the first noun it is coordinated with
    ("thefts and assaults") and a quantity over either ("dozens of assaults", "a spate of attacks")."""
    out = [token]
    if token.dep_ == "conj" and token.head.pos_ == "NOUN" and token.head.i != token.i:
        out.append(token.head)
    quantities = set(load_yaml("event_places.yaml")["quantity_nouns"])
    for noun in list(out):
        of = noun.head
        if noun.dep_ == "pobj" and of.lower_ == "of" and of.head.pos_ in ("NOUN", "NUM") and (
                lemma_of(of.head) in quantities or of.head.ent_type_ == "CARDINAL"):
            out.append(of.head)
    return out
