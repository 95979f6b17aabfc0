"""Small syntactic tests for event arguments read off the event's own clause (`roles.py`): who can be threatened,
the parties named after "between", a country after a passive's "by", a town naming the site of an event, an event
noun as subject, and "that" after a verb of telling."""

from __future__ import annotations

from spacy.tokens import Token

from newsintel.extract.args import MentionIndex, is_country, is_place, with_conjuncts
from newsintel.extract.describe import actor_words
from newsintel.extract.lexicon import lexicon
from newsintel.extract.non_participants import force_noun
from newsintel.extract.parse import ParsedSentence
from newsintel.resources import load_yaml

TELL_VERBS = {"tell", "inform", "assure", "warn", "remind", "notify", "convince", "persuade", "reassure"}
HOLIDAY_HEADS = {"eve", "day", "night", "holiday", "holidays", "weekend"}  # a named day the NER model calls EVENT
ORDER_VERBS = {"order", "command", "instruct", "direct"}  # "ordered them to be evacuated": the orderer causes it
RELATIVE_WORDS = {"that", "which"}  # "a decree which ordered": a thing orders nothing done


def lemma_of(token: Token) -> str:
    return token.lemma_.lower()


def someone(ps: ParsedSentence, token: Token, mentions: MentionIndex) -> bool:
    """A person, group, organisation or place (named, a pronoun, or a word for people: "journalists", "the
    government"), who can be threatened; not a thing or an act ("legal action", "sanctions")."""
    words = actor_words()
    lemma = lemma_of(token)
    return token.pos_ in ("PRON", "PROPN") or mentions.type_at(ps, token) is not None or lemma in words.role_of \
        or lemma in words.person_nouns or lemma in words.group_nouns or lemma in words.collective_nouns \
        or is_place(ps, token, mentions)


def parties_between(objects: list[Token], args: dict, event_type: str) -> None:
    """"talks between Hamas and Fatah", "fighting between Kyiv and Moscow": the parties (named countries too), not
    places; a fight's first party acts on the others (as "fought with" makes a target)."""
    parties = [t for obj in objects for t in with_conjuncts(obj) if t.ent_type_ not in ("DATE", "TIME")]
    if len(parties) < 2:
        return
    if event_type == "AGREE":
        args["actors"] += parties
    else:
        args["actors"], args["targets"] = parties[:1], parties[1:]


def passive_agent(item: Token) -> bool:
    """The object of a passive's "by" (spaCy's `agent`), also a coordinated one ("by Qatar and Egypt")."""
    while item.dep_ == "conj" and item.head.i != item.i:
        item = item.head
    return item.head.dep_ == "agent"


def place_modifiers(ps: ParsedSentence, item: Token, mentions: MentionIndex, craft: bool = False) -> list[Token]:
    """The town, region or country named as a modifier of a common noun ("at an Ohio zoo", "on a Bay Area
    commuter train", "at a Las Vegas music festival", and as the possessor of a site or gathering: "at Munich's
    Christmas market"): where the event happened, the noun itself being no place a map shows. Not an organisation
    or person ("at a Google office", "at a Trump rally"), nor a country naming the
    owner or flag of a craft ("on US helicopters": `owned_craft_nouns` in data/event_places.yaml)."""
    out, words = [], load_yaml("event_places.yaml")
    craft = craft or lemma_of(item) in words["owned_craft_nouns"]
    sited = lemma_of(item) in words["site_nouns"] or lemma_of(item) in words["gathering_nouns"]
    for child in item.children:
        if (child.dep_ == "compound" or (child.dep_ == "poss" and sited)) and child.pos_ == "PROPN" and \
                mentions.type_at(ps, child) in ("GPE", "LOC"):  # also "at Munich's market", "at Lyon's festival"
            if not (craft and is_country(ps, child, mentions)):
                out.append(child)
        elif child.dep_ == "compound" and child.pos_ == "NOUN":  # "a Boston commuter train"
            out += place_modifiers(ps, child, mentions, craft)
    return out


def event_noun(token: Token) -> bool:
    """An event named as the subject ("the stabbing killed a man", "the strikes killed several children") is
    what happened, not who did it."""
    return token.pos_ == "NOUN" and lemma_of(token) in lexicon().noun_index


def told_complement(verb: Token, obj: Token) -> bool:
    """"tells the paper that he fought with the man": after a verb of telling, "that" opens what was told (the
    parser often reads it as a relative pronoun object, making the addressee the one fought)."""
    return obj.lower_ == "that" and verb.dep_ == "relcl" and verb.head.dep_ in ("dobj", "dative") and lemma_of(
        verb.head.head) in TELL_VERBS


def infinitive_of_thing(clause: Token) -> bool:
    """"the decision to attack the convoy", "the use of a stolen van to kill", "efforts to free them": an infinitive
    (without its own subject) describing a noun for no person or group; that noun does not do the act (a person or
    group noun does: "the first country to recognise", "gunmen to attack")."""
    if clause.dep_ != "acl" or not any(c.dep_ == "aux" and c.lower_ == "to" for c in clause.children) or any(
            c.dep_ in ("nsubj", "nsubjpass") for c in clause.children):
        return False
    noun, words = clause.head, actor_words()
    lemma = lemma_of(noun)
    return noun.pos_ == "NOUN" and not noun.ent_type_ and lemma not in words.role_of and lemma not in \
        words.person_nouns and lemma not in words.group_nouns and lemma not in words.collective_nouns and \
        lemma not in words.country_nouns


def when_not_who(item: Token) -> bool:
    """"on Thursday", "Sunday's bombing", "New Year's Eve assaults": a time (or a named day the NER model calls an
    event) is when the event happened, never a participant."""
    if item.ent_type_ in ("DATE", "TIME"):
        return True
    named = next((e for e in item.doc.ents if e.start <= item.i < e.end), None) if item.ent_type_ == "EVENT" else None
    if named is None:
        return False
    words = [t for t in named if t.tag_ != "POS"]  # "New Year's" (+ "Eve" left out of the entity): a holiday
    after = named.doc[named.end] if named.end < len(named.doc) else None
    return bool(words) and (lemma_of(words[-1]) in HOLIDAY_HEADS | {"year"} or (
        after is not None and lemma_of(after) in HOLIDAY_HEADS))


def ordering_party(verb: Token) -> list[Token]:
    """"Putin ordered 1,500 Russians to be evacuated", "the court ordered him to be released": who orders a passive
    act causes it (GUIDELINES.md: caused motion, actor = the causer); not when the order is itself passive or
    names who carries it out ("were ordered to be released by the court")."""
    head = verb.head
    if verb.dep_ != "xcomp" or lemma_of(head) not in ORDER_VERBS or not any(
            c.dep_ == "auxpass" for c in verb.children) or any(c.dep_ == "agent" for c in verb.children):
        return []
    subject = next((c for c in head.children if c.dep_ == "nsubj"), None)
    return with_conjuncts(subject) if subject is not None and subject.lower_ not in RELATIVE_WORDS else []


def along_with(verb: Token) -> list[Token]:
    """"sentenced X to three years along with 19 other defendants", "fled along with his brother": who shares the
    object's (or, with none, the subject's) role."""
    return [t for c in verb.children if c.dep_ in ("prep", "advmod") and c.lower_ in ("along", "together")
            for w in c.children if w.dep_ == "prep" and w.lower_ == "with"
            for g in w.children if g.dep_ == "pobj" for t in with_conjuncts(g)]


def attack_clause_doer(verb: Token) -> list[Token]:
    """"Eleven villagers were killed when gunmen stormed a wedding", "six were killed when militants carried out an
    attack": who did the attack of a "when"/"as" clause did the killing its passive main clause reports (not a
    vehicle or a weapon, which the clause may name as subject)."""
    lex = lexicon()
    for clause in verb.children:
        marks = {c.lower_ for c in clause.children if c.dep_ in ("mark", "advmod")}
        if clause.dep_ != "advcl" or not marks & {"when", "as"} or any(
                c.dep_ in ("auxpass", "nsubjpass") for c in clause.children):
            continue
        lemma = lemma_of(clause)
        obj = next((c for c in clause.children if c.dep_ == "dobj"), None)
        rams = lemma in lex.types["ATTACK"].vehicle_attack_verbs and obj is not None and lemma_of(
            obj) in lex.vehicles  # "a man ploughed a truck into the crowd" (not "when he ran across the road")
        forceful = rams or any(etype.name in ("ATTACK", "FIGHT") for etype, _ in lex.verb_index.get(lemma, ())) or (
            obj is not None and lemma_of(obj) in lex.noun_index and lex.noun_index[lemma_of(obj)].name == "ATTACK")
        subject = next((c for c in clause.children if c.dep_ == "nsubj"), None)
        if forceful and subject is not None and subject.pos_ in ("NOUN", "PROPN") and not force_noun(subject):
            return with_conjuncts(subject)
    return []


def hands_of(token: Token) -> list[Token]:
    """"killed at the hands of the militia", "bombings at the hands of": the ones whose hands did it."""
    return [t for prep in token.children if prep.dep_ == "prep" and prep.lower_ == "at"
            for hands in prep.children if hands.dep_ == "pobj" and lemma_of(hands) == "hand"
            for of in hands.children if of.dep_ == "prep" and of.lower_ == "of"
            for g in of.children if g.dep_ == "pobj" for t in with_conjuncts(g)]
