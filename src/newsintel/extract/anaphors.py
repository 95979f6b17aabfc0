"""Record-level checks of who a pronoun or plural anaphor stands for, once every event of a document is read.

Precision first (tests/gold/GUIDELINES.md: pronouns resolve to their antecedent; evaluation/AUDIT.md: a wrong
resolution is worse than a pronoun shown as written):

- "they" carried to the actors of an earlier event is left as written when someone else who could be "they" is
  named in between ("Traffickers moved families. Dozens of guerrillas stay in the hills. They will flee": not
  the traffickers) (`plural_candidate_between`);
- a person a paragraph brings in as its subject without a name ("a witness", "the driver" with no one named just
  before) may be what a later "he"/"she" stands for, so a name from further back is not given to it
  (`note_described_subjects`, read by `args.MentionIndex.unnamed_between`);
- a name token of a person whose full name (or stated gender) tells the gender carries it into the sentence
  parse, so that "Okafor seized the girl as she walked" (the name was "Paul Okafor") makes the girl "she"
  (`mark_genders`, read by `antecedents.token_gender`); a "he"/"she" still given to a person of the other gender
  is shown as written (`undo_gender_clashes`);
- "both", "the pair", "the two" (data/anaphors.yaml) stand for the two people coordinated just before them, in
  their own sentence or the one before ("Jo Roe and Al Poe were held. Both were charged") (`resolve_pairs`);
- an epithet ("the tech giant", "the 45-year-old") is tied to the one company or person the nearest sentence
  before it names, its words kept as written (`tie_epithets`).
"""

from __future__ import annotations

import functools
import re
from typing import Any

from spacy.tokens import Token

from newsintel.extract.antecedents import GENDER_EXTENSION, PERSON_PRONOUNS, given_name_gender
from newsintel.extract.args import MentionIndex, make_arg, with_conjuncts
from newsintel.extract.describe import ActorWords, actor_words
from newsintel.extract.lexicon import lexicon
from newsintel.extract.parse import ParsedSentence
from newsintel.model import Entity
from newsintel.resources import load_yaml

GROUP_TYPES = ("ORG", "NORP")
EPITHET_REACH = 2  # sentences back to look for what an epithet stands for
AGE_EPITHET = re.compile(r"\d{1,3}-year-old")
SUBJECTS = ("nsubj", "nsubjpass")
GENDERS = {
    "he": "male",
    "him": "male",
    "his": "male",
    "himself": "male",
    "she": "female",
    "her": "female",
    "hers": "female",
    "herself": "female",
}


@functools.cache
def pair_words() -> frozenset[str]:
    return frozenset(load_yaml("anaphors.yaml")["pair_words"])


def plural_candidate_between(
    start: int, end: int, taken: set[str], sentences: range, mentions: MentionIndex, parsed: dict[int, ParsedSentence]
) -> list[dict[str, Any]] | None:
    """Who else "they" may stand for, named as a subject or object in the characters [start, end) besides the
    entities `taken`: None when no one; the argument of the one plural subject named there ("Dozens of guerrillas
    stay in the hills. They will flee"); an empty list when it is unclear (two groups, two people, a name in a sentence
    that was not parsed, a group only acted on)."""
    people: set[str] = set()
    found: dict[tuple[int, int], tuple[ParsedSentence, Token]] = {}
    unclear = False
    for (s, e, entity), index in zip(mentions.spans, mentions.sentences, strict=True):
        if not (start <= s and e <= end and entity.id not in taken) or entity.type not in (*GROUP_TYPES, "PERSON"):
            continue
        ps = parsed.get(index)
        head = _mention_head(ps, s, e) if ps is not None else None
        if ps is not None and (head is None or _clause_role(head) is None):
            continue  # "the Turkish side", "at the al-Tanf crossing": no participant
        if entity.type == "PERSON":
            people.add(entity.id)
        elif ps is None or _clause_role(head) != "subject":
            unclear = True
        else:
            found[(index, head.i)] = (ps, head)
    words = actor_words()
    for index in sentences:
        ps = parsed.get(index)
        for token in ps.doc if ps is not None else ():
            if start <= ps.offset + token.idx < end and token.dep_ in SUBJECTS and _people_noun(token, words):
                found[(index, token.i)] = (ps, token)
    if not found and not people and not unclear:
        return None
    if unclear or people or len(found) > 1:
        return []
    ((ps, token),) = found.values()
    return [make_arg(ps, t, mentions) for t in with_conjuncts(token)]


def _mention_head(ps: ParsedSentence, start: int, end: int) -> Token | None:
    inside = [t for t in ps.doc if start <= ps.offset + t.idx < end]
    return next((t for t in inside if t.head not in inside or t.head.i == t.i), None)


def _clause_role(head: Token) -> str | None:
    """ "subject" or "object" for a noun that is one (or is coordinated with or stands beside one), else None."""
    while head.dep_ in ("conj", "appos") and head.head.i != head.i:
        head = head.head
    return "subject" if head.dep_ in SUBJECTS else "object" if head.dep_ == "dobj" else None


def _people_noun(token: Token, words: ActorWords) -> bool:
    """A plural noun for people or groups ("fighters", "hundreds of fighters", "the militias")."""
    of = next((c for c in token.children if c.dep_ == "prep" and c.lower_ == "of"), None)
    heads = [token, *(g for g in (of.children if of is not None else ()) if g.dep_ == "pobj")]
    return any(
        h.tag_ in ("NNS", "NNPS")
        and (
            h.lemma_.lower() in words.role_of
            or h.lemma_.lower() in words.person_nouns
            or h.lemma_.lower() in words.group_nouns
        )
        for h in heads
    )


def _gender(entity: Entity) -> str | None:
    """ "male"/"female" as the document states it ("her husband, X") or the given name of the full name tells."""
    known = (entity.attributes or {}).get("gender")
    if known is None:
        words = entity.name.split()
        given = given_name_gender(words[0]) if len(words) > 1 else None
        known = {"m": "male", "f": "female"}.get(given or "")
    return known


def may_stand_for(entity: Entity, pronoun: str) -> bool:
    """Whether the gender the document or the given name tells allows `pronoun` to stand for `entity`."""
    return not _clashes(entity, pronoun)


def _clashes(entity: Entity, pronoun: str) -> bool:
    gender, known = GENDERS.get(pronoun), _gender(entity)
    return gender is not None and known is not None and known != gender


def mark_genders(parsed: list[ParsedSentence], mentions: MentionIndex) -> None:
    """Give every name token of a person whose gender the document tells (`antecedents.GENDER_EXTENSION`), so that
    "Marsh met the victim, and she fled" does not make a man named Colin Marsh "she"."""
    for ps in parsed:
        for token in ps.doc:
            if token.pos_ != "PROPN":
                continue
            entity = mentions.at(*ps.char_span(token.i, token.i + 1))
            if entity is not None and entity.type == "PERSON":
                gender = _gender(entity)
                token._.set(GENDER_EXTENSION, {"male": "m", "female": "f"}.get(gender or ""))
    note_described_subjects(parsed, mentions)


def _introduced(noun: Token) -> bool:
    """A person brought in as a sentence's topic: an indefinite subject ("a witness", "another man") of the main
    clause (or of a verb coordinated with it)."""
    verb = noun.head
    while verb.dep_ == "conj" and verb.head.i != verb.i:
        verb = verb.head
    return verb.dep_ == "ROOT" and any(c.dep_ == "det" and c.lower_ in ("a", "an", "another", "one")
                                       for c in noun.children)


def _unnamed_topic(ps: ParsedSentence, noun: Token, mentions: MentionIndex) -> bool:
    """"The attacker drove on. Then he accelerated": a definite subject of the main clause naming a doer by what he
    does ("the driver", "the gunman"; not a title such as "the minister", nor kin), when no person is named in its
    own sentence before it nor in the sentence before: a fresh topic, so a later "he" is not a name from further
    back that merely matches in gender (audit: a spokesman named paragraphs before shown as the driver)."""
    verb = noun.head
    while verb.dep_ == "conj" and verb.head.i != verb.i:
        verb = verb.head
    if verb.dep_ != "ROOT" or not any(c.dep_ == "det" and c.lower_ == "the" for c in noun.children) or any(
            c.dep_ == "poss" for c in noun.children) or noun.lemma_.lower() in _titles_and_kin():
        return False
    start = ps.char_span(noun.i, noun.i + 1)[0]
    return not any(e.type == "PERSON" and s < start and ps.index - 1 <= i <= ps.index
                   for (s, _, e), i in zip(mentions.spans, mentions.sentences, strict=True))


@functools.cache
def _titles_and_kin() -> frozenset[str]:
    """Titles and words of kin (data/relations.yaml): "the minister", "his mother" stand for someone known."""
    rel = lexicon().relations
    return frozenset(w for key in ("position_nouns", "family_nouns", "spouse_nouns") for w in rel.get(key, ()))


def note_described_subjects(parsed: list[ParsedSentence], mentions: MentionIndex) -> None:
    """Record each person a sentence introduces by an indefinite common noun as its subject ("A witness described
    the scene", "another man then fled"), with the gender its word tells: a later "he"/"she" may stand for that
    unnamed person rather than for someone named before it (`args.make_arg` then leaves the pronoun as written)."""
    words = actor_words()
    out = []
    for ps in parsed:
        for token in ps.doc:
            if token.dep_ not in SUBJECTS or token.pos_ != "NOUN" or token.tag_ != "NN" or token.ent_type_:
                continue
            if not _introduced(token) and not _unnamed_topic(ps, token, mentions):
                continue  # "the pilot mentioned": not the sentence's topic; "Jo Roe fled. The gunman ...": known
            lemma = token.lemma_.lower()
            if (lemma not in words.role_of and lemma not in words.person_nouns) or lemma in words.group_nouns:
                continue
            if any(c.dep_ in ("compound", "appos", "flat") and c.pos_ == "PROPN" for c in token.children) or \
                    mentions.at(*ps.char_span(token.i, token.i + 1)) is not None:
                continue  # "witness Jane Roe", "the minister, Al Poe": a named person
            gender = "female" if lemma in words.female else "male" if lemma in words.male else None
            out.append((ps.char_span(token.i, token.i + 1)[0], ps.index, gender))
    mentions.described_subjects = sorted(out)


def undo_gender_clashes(events: list[dict[str, Any]], entities: dict[str, Entity]) -> None:
    """A person pronoun given to a person of the other gender is shown as written, unresolved."""
    for event in events:
        for role in ("actors", "targets"):
            for arg in event[role]:
                pronoun = str(arg.get("mention") or "").lower()
                entity = entities.get(arg.get("entity") or "")
                if pronoun in PERSON_PRONOUNS and entity is not None and _clashes(entity, pronoun):
                    show_as_written(arg)


def show_as_written(arg: dict[str, Any]) -> None:
    """Undo the name a pronoun argument was given: the pronoun is shown as written, unresolved."""
    arg.update({"text": arg.pop("mention"), "entity": None, "kind": "pronoun", "group": None, "nationality": None,
                "role": None, "count": None})
    for key in ("_across", "_pron", "_d"):
        arg.pop(key, None)


def _coordinated_pair(ps: ParsedSentence, before: int, mentions: MentionIndex) -> list[Any] | None:
    """The nearest coordination of exactly two people named before character `before` in a sentence."""
    best = None
    for token in ps.doc:
        if ps.offset + token.idx >= before or token.dep_ == "conj" or not any(c.dep_ == "conj" for c in token.children):
            continue
        members = with_conjuncts(token)
        if (
            all(ps.offset + m.idx < before for m in members)
            and len(members) == 2
            and all(mentions.type_at(ps, m) == "PERSON" for m in members)
        ):
            best = [mentions.at(*ps.char_span(m.i, m.i + 1)) for m in members]
    if best is None or None in best or best[0].id == best[1].id:
        return None
    return best


def resolve_pairs(events: list[dict[str, Any]], mentions: MentionIndex, parsed: dict[int, ParsedSentence]) -> None:
    """ "both", "the pair" as a participant: the two people coordinated before it in its sentence, else in the
    sentence before; nothing when no such two are found."""
    for event in events:
        for role in ("actors", "targets"):
            new: list[dict[str, Any]] = []
            for arg in event[role]:
                word, d = arg["text"].lower(), arg.get("_d") or {}
                if d.get("definite"):
                    word = f"the {word}"  # the phrase lost its article: "the pair" reads "pair"
                pair = None
                if word in pair_words() and not arg.get("entity"):
                    at = d.get("start", event["start"])
                    for index in (event["sentence"], event["sentence"] - 1):
                        ps = parsed.get(index)
                        pair = _coordinated_pair(ps, at, mentions) if ps is not None else None
                        if pair is not None:
                            break
                if pair is None:
                    new.append(arg)
                    continue
                new += [{"text": entity.name, "entity": entity.id, "mention": arg["text"]} for entity in pair]
            event[role] = new


@functools.cache
def company_words() -> frozenset[str]:
    return frozenset(load_yaml("anaphors.yaml")["company_words"])


def _a_company(entity: Entity) -> bool:
    """An organisation that may be "the company": not a public body or an outlet by its name's words."""
    kinds = lexicon().attribution.get("org_kind_name_words", {})
    words = {w.strip(".,()'’").lower() for w in entity.name.split()}
    return entity.type == "ORG" and not words & (set(kinds.get("public", ())) | set(kinds.get("media", ())))


def _one_before(mentions: MentionIndex, offset: int, sentence: int, accept: Any) -> Entity | None:
    """The one entity `accept`s in the nearest sentence (up to EPITHET_REACH back) naming any, else None."""
    found: dict[int, dict[str, Entity]] = {}
    for (_start, end, entity), sent in zip(mentions.spans, mentions.sentences, strict=True):
        if end <= offset and sentence - EPITHET_REACH <= sent <= sentence and accept(entity):
            found.setdefault(sent, {})[entity.id] = entity
    nearest = found[max(found)] if found else {}
    return next(iter(nearest.values())) if len(nearest) == 1 else None


def tie_epithets(events: list[dict[str, Any]], mentions: MentionIndex, parsed: dict[int, ParsedSentence]) -> None:
    """ "the tech giant", "the airline" (`company_words`, data/anaphors.yaml) for the one company, "the 45-year-old"
    for the one person, the nearest sentence before names (a person only as the subject or object of a verb that
    does not report: "..., spokesman Jo Roe said. The 45-year-old ..." is not Jo Roe); the text stays as written,
    the entity is added."""
    for event in events:
        for role in ("actors", "targets"):
            for arg in event[role]:
                d = arg.get("_d")
                if arg.get("entity") or not d or not d["definite"] or d["possessor"] or d["restricted"]:
                    continue
                if d["quantified"] or d["plural"] or d["group"]:
                    continue
                text = arg["text"].lower()
                if AGE_EPITHET.fullmatch(text):
                    accept = _a_person
                elif d["head"] in company_words():
                    accept = _a_company
                else:
                    continue
                entity = _one_before(mentions, d["start"], event["sentence"], accept)
                if entity is not None and (accept is _a_company or _an_actor(entity, d["start"], mentions, parsed)):
                    arg["entity"] = entity.id


def _a_person(entity: Entity) -> bool:
    return entity.type == "PERSON"


def _an_actor(entity: Entity, before: int, mentions: MentionIndex, parsed: dict[int, ParsedSentence]) -> bool:
    """Whether the last mention of `entity` before character `before` is, in a parsed sentence, the subject or
    object of a verb that does not report speech."""
    spans = zip(mentions.spans, mentions.sentences, strict=True)
    last = max(((s, e, i) for (s, e, ent), i in spans if ent is entity and e <= before), default=None)
    ps = parsed.get(last[2]) if last is not None else None
    head = _mention_head(ps, last[0], last[1]) if ps is not None else None
    if head is None or _clause_role(head) is None:
        return False
    while head.dep_ in ("conj", "appos") and head.head.i != head.i:
        head = head.head
    return head.head.lemma_.lower() not in lexicon().attribution["verbs"]
