"""Relations between entities (POSITION, MEMBER, FAMILY, SPOUSE, ASSOCIATE, ALIAS, OPPOSES) and attributes of
people (age, nationality, gender), from appositions, compounds, possessives and cue phrases in
`data/relations.yaml`, plus what events imply (joining a group = MEMBER, fighting it = OPPOSES)."""

from __future__ import annotations

import re
from typing import Any

from spacy.tokens import Token

from newsintel.extract.antecedents import NAMING_VERBS, name_of_naming_verb
from newsintel.extract.antecedents import person_nouns as all_person_nouns
from newsintel.extract.args import MentionIndex, make_arg
from newsintel.extract.lexicon import lexicon
from newsintel.extract.namesakes import role_after
from newsintel.extract.parse import ParsedSentence
from newsintel.model import Entity

GROUP_TYPES = {"ORG", "NORP", "GPE"}
_AGE_AFTER = re.compile(r"^,\s*(?:aged\s+|an?\s+)?(\d{1,2})(?:,|-year-old\b)")
_AGE_BEFORE = re.compile(r"(\d{1,2})-year-old(?:\s+[a-z]+)?,?\s*$")


def _role_kind(noun: Token) -> tuple[str, str] | None:
    rel = lexicon().relations
    lemma = noun.lemma_.lower()
    for kind, key in (("POSITION", "position_nouns"), ("MEMBER", "member_nouns"), ("FAMILY", "family_nouns"),
                      ("SPOUSE", "spouse_nouns"), ("ASSOCIATE", "associate_nouns")):
        if lemma in rel[key] or noun.lower_ in rel[key]:
            return kind, lemma
    return None


def _owner(noun: Token) -> Token | None:
    """Whose role it is: "spokesman for Y", "Y's spokesman", "the Y spokesman", "a member of Y"."""
    for child in noun.children:
        if child.dep_ == "poss":
            return child
        if child.dep_ == "prep" and child.lower_ in ("for", "of", "with", "in", "to", "at"):
            obj = next((g for g in child.children if g.dep_ == "pobj"), None)
            if obj is not None:
                return obj
    modifiers = set(lexicon().relations.get("title_modifiers", ()))
    for child in noun.children:
        if child.dep_ in ("compound", "amod") and child.ent_type_ in ("ORG", "NORP", "GPE", "PERSON") and \
                child.lemma_.lower() not in modifiers:
            return child
    for child in noun.children:  # "police chief X": the organisation is an ordinary noun
        if child.dep_ == "compound" and child.pos_ in ("NOUN", "PROPN") and child.lemma_.lower() not in modifiers:
            return child  # but "Foreign Minister X", "Brigadier General X": part of the title
    return None


def _person_at(ps: ParsedSentence, token: Token, mentions: MentionIndex) -> Entity | None:
    start, end = ps.char_span(token.i, token.i + 1)
    entity = mentions.at(start, end)
    return entity if entity is not None and entity.type == "PERSON" else None


def _relation(ps: ParsedSentence, kind: str, subject: Token, obj: Token, role: str | None,
              mentions: MentionIndex) -> dict[str, Any]:
    start, end = ps.char_span(min(subject.i, obj.i), max(subject.i, obj.i) + 1)
    return {"type": kind, "subject": make_arg(ps, subject, mentions), "object": make_arg(ps, obj, mentions),
            "role": role, "sentence": ps.index, "start": start, "end": end}


def _owner_is_person(ps: ParsedSentence, owner: Token, mentions: MentionIndex) -> bool:
    if owner.lower_ in ("his", "her"):
        return True
    entity = make_arg(ps, owner, mentions)["entity"]
    return entity is not None and any(e.id == entity and e.type == "PERSON" for _, _, e in mentions.spans)


def _role_relations(ps: ParsedSentence, mentions: MentionIndex) -> list[dict[str, Any]]:
    """"X, spokesman for Y" / "Y spokesman X" / "X's brother Y" / "Y, the wife of X"."""
    out = []
    for token in ps.doc:
        person = _person_at(ps, token, mentions)
        if person is None or token.dep_ == "compound":
            continue
        candidates = [c for c in token.children if c.dep_ in ("appos", "compound")]
        if token.dep_ == "appos":
            candidates.append(token.head)
        for noun in candidates:
            found = _role_kind(noun)
            if found is None:
                continue
            kind, role = found
            owner = _owner(noun)
            if owner is None or owner.i == token.i:
                continue
            if owner.pos_ == "PRON" and make_arg(ps, owner, mentions)["entity"] is None:
                continue  # "its spokesman": whose is unknown
            if kind == "POSITION" and _owner_is_person(ps, owner, mentions):
                kind = "ASSOCIATE"  # "her lawyer, X": a role towards a person, not in an organisation
            out.append(_relation(ps, kind, token, owner, role if kind in ("POSITION", "FAMILY", "SPOUSE",
                                                                         "ASSOCIATE") else None, mentions))
    return out


def _cue_matches(text: str, cues: list[str], patterns: list[str]) -> list[re.Match[str]]:
    regexes = [re.escape(c) for c in cues] + patterns
    return [m for r in regexes for m in re.finditer(r"\b" + r + r"\b", text)]


def _entity_type(ps: ParsedSentence, token: Token, mentions: MentionIndex) -> str | None:
    return mentions.type_at(ps, token)


def _org_right_before(ps: ParsedSentence, cue_start: int, mentions: MentionIndex) -> Token | None:
    """The organisation named just before an alias cue, only a comma between: "the Brigade, also called X"."""
    before = [t for t in ps.doc if t.idx + len(t) <= cue_start and not t.is_punct and not t.is_space]
    if not before or _entity_type(ps, before[-1], mentions) != "ORG":
        return None
    gap = ps.doc.text[before[-1].idx + len(before[-1]):cue_start]
    return before[-1] if re.fullmatch(r"\s*,\s*(?:also\s+)?|\s*\(\s*", gap) else None


def _alias_after(ps: ParsedSentence, cue_end: int) -> Token | None:
    after = [t for t in ps.doc if t.idx >= cue_end and (t.ent_type_ or t.text[:1].isupper())]
    return after[0] if after and after[0].idx - cue_end <= 25 else None


def _second_alias(ps: ParsedSentence, alias: Token, mentions: MentionIndex) -> Token | None:
    """"known as A or B", "known as A - or B in Arabic": B is another name of A (same entity type)."""
    kind = _entity_type(ps, alias, mentions)
    if kind is None:
        return None
    start, end = ps.char_span(alias.i, alias.i + 1)
    entity = mentions.at(start, end)
    last = max((e for s, e, ent in mentions.spans if ent is entity and s <= start < e), default=end)
    rest = ps.doc.text[last - ps.offset:]
    match = re.match(r"[\"'”’]?\s*[-–—,]?\s*or\s+[\"'“‘]?", rest)
    if match is None:
        return None
    offset = last - ps.offset + match.end()
    nxt = next((t for t in ps.doc if t.idx >= offset), None)
    if nxt is None or nxt.idx - offset > 4 or _entity_type(ps, nxt, mentions) != kind:
        return None
    other_start, other_end = ps.char_span(nxt.i, nxt.i + 1)
    return nxt if mentions.at(other_start, other_end) is not entity else None


_REPORTING = frozenset({"say", "believe", "allege", "claim", "tell", "report", "think", "suspect", "state"})


def _another_person_between(ps: ParsedSentence, subject: Token, cue_start: int) -> bool:
    """A person noun between the name and the cue that is not the name's own apposition: "X met a man known as
    Y", "X's phone led to its leader, known as Y" name someone else. "X, a recruiter for the group known as Y" and
    "X, who fought with Z under the name Y" do not."""
    nouns = all_person_nouns()
    for token in ps.doc:
        if not subject.i < token.i or token.idx >= cue_start or token.pos_ not in ("NOUN", "PROPN"):
            continue
        if token.dep_ == "nsubj" and token.head.lemma_.lower() in _REPORTING:
            continue  # "X, who officials say fought ...": the speakers, not a second referent
        if token.lemma_.lower() in nouns or token.lower_ in nouns:
            head = token
            while head.dep_ in ("appos", "conj") and head.head.i != head.i and head.i != subject.i:
                head = head.head
            if head.i != subject.i and not (token.dep_ == "appos" and subject.i <= token.head.i < token.i
                                            and token.head.ent_type_ == "PERSON"):
                return True
    return False


def _alias_relations(ps: ParsedSentence, mentions: MentionIndex) -> list[dict[str, Any]]:
    """"X, also known as Y", "X, alias Y", "X (aka Y)", "X, whose nom de guerre is Y"; for organisations also
    "the Brigade, also called Y"; and "known as Y or Z"."""
    out = []
    text = ps.doc.text.lower()
    rel = lexicon().relations
    patterns = list(rel.get("alias_cue_patterns", []))
    for match in _cue_matches(text, rel["alias_cues"], patterns):
        alias = _alias_after(ps, match.end())
        if alias is None:
            continue
        people = [t for t in ps.doc if t.idx + len(t) <= match.start() and _person_at(ps, t, mentions)]
        org = _org_right_before(ps, match.start(), mentions)
        if org is not None and _entity_type(ps, alias, mentions) == "ORG":
            out.append(_relation(ps, "ALIAS", org, alias, match.group(0), mentions))
        elif people and _entity_type(ps, alias, mentions) not in ("ORG", "GPE", "LOC", "FAC") \
                and not _another_person_between(ps, people[-1], match.start()):
            relation = _relation(ps, "ALIAS", people[-1], alias, match.group(0), mentions)
            relation["checked"] = True  # no other person between: the linker trusts it however long
            out.append(relation)
        second = _second_alias(ps, alias, mentions)
        if second is not None:
            out.append(_relation(ps, "ALIAS", alias, second, "or", mentions))
    for match in _cue_matches(text, rel.get("org_alias_cues", []), []):
        alias = _alias_after(ps, match.end())
        org = _org_right_before(ps, match.start(), mentions)
        if alias is not None and org is not None and _entity_type(ps, alias, mentions) == "ORG":
            out.append(_relation(ps, "ALIAS", org, alias, match.group(0), mentions))
    return out


def retype_people(ps: ParsedSentence, mentions: MentionIndex) -> None:
    """A name in apposition with a person noun is a person, whatever NER said: "a 31-year-old woman, Hanne Vilde",
    "Hanne Vilde, a recruiter"."""
    rel = lexicon().relations
    person_nouns = set(rel["gender_words"]["male"]) | set(rel["gender_words"]["female"]) | set(
        rel["position_nouns"]) | set(rel["member_nouns"]) | set(rel["family_nouns"]) | set(rel["spouse_nouns"]) | {
        w for words in rel.get("role_classes", {}).values() for w in words}  # "X, a computer science student"
    for token in ps.doc:
        if token.dep_ == "acl" and token.head.lemma_.lower() in all_person_nouns():  # "a smuggler known as Abu Hamza"
            name = name_of_naming_verb(token) if token.lemma_.lower() in NAMING_VERBS else None
            if name is not None:
                start, end = ps.char_span(name.i, name.i + 1)
                entity = mentions.at(start, end)
                if entity is not None and entity.type != "PERSON":
                    entity.type = "PERSON"
            continue
        if token.dep_ != "appos" or token.pos_ not in ("PROPN", "NOUN"):
            continue
        for name, noun in ((token, token.head), (token.head, token)):
            if noun.lemma_.lower() in person_nouns and name.pos_ == "PROPN":
                start, end = ps.char_span(name.i, name.i + 1)
                entity = mentions.at(start, end)
                if entity is not None and entity.type in ("ORG", "NORP", "PRODUCT", "WORK_OF_ART"):
                    entity.type = "PERSON"


_ACRONYM = re.compile(r"\s*\(([A-Z][A-Z0-9&.-]{1,9})\)")


def _acronym_relations(ps: ParsedSentence, mentions: MentionIndex) -> list[dict[str, Any]]:
    """"the Syrian Democratic Forces (SDF)": the bracketed acronym is an alias."""
    out = []
    for token in ps.doc:
        if token.text != "(" or token.i == 0 or token.i + 2 >= len(ps.doc):
            continue
        match = _ACRONYM.match(ps.doc.text[token.idx:token.idx + 14])
        name = ps.doc[token.i - 1]
        if match and name.ent_type_ in ("ORG", "GPE", "NORP", "PERSON", "FAC"):
            out.append(_relation(ps, "ALIAS", name, ps.doc[token.i + 1], "acronym", mentions))
    return out


def _associate_verbs(ps: ParsedSentence, mentions: MentionIndex) -> list[dict[str, Any]]:
    """"X met Y", "X worked with Y", "X was linked to Y": people associated by what they did together."""
    verbs = set(lexicon().relations["associate_verbs"]) | {"work", "link", "cooperate", "collaborate"}
    out = []
    for token in ps.doc:
        if token.lemma_.lower() not in verbs or token.pos_ != "VERB":
            continue
        subjects = [c for c in token.children if c.dep_ in ("nsubj", "nsubjpass")]
        partners = [c for c in token.children if c.dep_ == "dobj"] + [
            g for c in token.children if c.dep_ == "prep" and c.lower_ in ("with", "to") for g in c.children
            if g.dep_ == "pobj"]
        for subject in subjects:
            for partner in partners:
                if _person_at(ps, subject, mentions) and _person_at(ps, partner, mentions):
                    out.append(_relation(ps, "ASSOCIATE", subject, partner, token.lemma_.lower(), mentions))
    return out


def extract_relations(ps: ParsedSentence, mentions: MentionIndex) -> list[dict[str, Any]]:
    return (_role_relations(ps, mentions) + _alias_relations(ps, mentions) + _acronym_relations(ps, mentions)
            + _associate_verbs(ps, mentions))


def relations_from_events(events: list[dict[str, Any]], entities: dict[str, Entity]) -> list[dict[str, Any]]:
    """Joining a group makes a member; fighting or attacking a group opposes it; moving with someone associates."""
    out = []
    for event in events:
        actors = [a for a in event["actors"] if a["entity"]]
        if event["type"] == "RECRUIT":
            groups = [t for t in event["targets"] if t["entity"] and entities[t["entity"]].type in GROUP_TYPES]
            people = [a for a in actors if entities[a["entity"]].type == "PERSON"]
            out += [_event_relation("MEMBER", p, g, None, event) for p in people for g in groups]
            recruits = [t for t in event["targets"] if t["entity"] and entities[t["entity"]].type == "PERSON"]
            out += [_event_relation("ASSOCIATE", r, p, "recruited by", event) for p in people for r in recruits]
        elif event["type"] in ("FIGHT", "ATTACK"):
            targets = [t for t in event["targets"] if t["entity"] and entities[t["entity"]].type in GROUP_TYPES]
            out += [_event_relation("OPPOSES", a, t, None, event) for a in actors for t in targets
                    if entities[a["entity"]].type in GROUP_TYPES and a["entity"] != t["entity"]]
        elif event["type"] == "SMUGGLE":
            moved = [t for t in event["targets"] if t["entity"]]
            out += [_event_relation("ASSOCIATE", a, t, "smuggled", event) for a in actors for t in moved]
        if event["type"] in ("TRAVEL", "CROSS_BORDER", "FLEE", "RETURN") and len(actors) > 1:
            first = actors[0]
            out += [_event_relation("ASSOCIATE", first, other, "travelled with", event) for other in actors[1:]
                    if entities[first["entity"]].type == entities[other["entity"]].type == "PERSON"]
    return out


def _event_relation(kind: str, subject: dict, obj: dict, role: str | None, event: dict) -> dict[str, Any]:
    return {"type": kind, "subject": subject, "object": obj, "role": role, "sentence": event["sentence"],
            "start": event["start"], "end": event["end"]}


_BORN_GAP = re.compile(r"(-born)?\s{0,2}")
_APPOSITION_GAP = re.compile(r",\s*(an?|the)\s+(\d{1,2}-year-old\s+)?")


def _nationality_of(text: str, m_start: int, m_end: int, n_start: int, n_end: int) -> bool:
    """"Belgian-born Benali", "the Belgian Benali", "Benali, a Belgian national".
    (The gaps are matched in place: slicing them out costs the distance, which grows with a document's length.)"""
    if n_end <= m_start:
        return bool(_BORN_GAP.fullmatch(text, n_end, m_start))
    if not _APPOSITION_GAP.fullmatch(text, m_end, n_start):
        return False
    demonym_person = re.search(r"(man|woman|men|women)$", text[n_start:n_end].lower())  # "a Frenchman"
    return bool(demonym_person) or bool(
        re.match(r"(-born|\s+(national|citizen|man|woman|born|passport))", text[n_end:n_end + 14]))


def person_attributes(text: str, entities: list[Entity], sentence_of: Any) -> set[int]:
    """Age, nationality, gender and occupation stated next to a person's mention; returns the offsets of numbers
    used as ages.

    Sets `entity.attributes` (first value wins) and appends every finding with its offsets to
    `entity.attributes["evidence"]`.
    """
    rel = lexicon().relations
    gender_words = {w: g for g, words in rel["gender_words"].items() for w in words if w not in (
        "he", "him", "his", "she", "her")}
    age_offsets: set[int] = set()
    nationalities = {m.text: (m.start, m.end) for e in entities if e.type == "NORP" or (
        e.type == "ORG" and re.fullmatch(r"[A-Z][a-z]+(man|woman)", e.name)) for m in e.mentions}  # "Frenchman"
    for entity in (e for e in entities if e.type == "PERSON"):
        for m in entity.mentions:
            after, before = text[m.end:m.end + 24], text[max(0, m.start - 40):m.start]
            age = _AGE_AFTER.match(after) or _AGE_BEFORE.search(before)
            if age and 10 <= int(age.group(1)) <= 99:
                offset = (m.end + age.start(1)) if age.re is _AGE_AFTER else (m.start - len(before) + age.start(1))
                age_offsets.add(offset)
                _set(entity, "age", int(age.group(1)), offset, offset + len(age.group(1)), sentence_of)
            role = role_after(text, m.end)
            if role is not None:
                _set(entity, "occupation", role[0], role[2], role[3], sentence_of)
                if entity.attributes["occupation"] == role[0]:  # the class is for comparing, not for showing
                    entity.attributes.setdefault("occupation_class", role[1])
            for norp, (s, e) in nationalities.items():
                if _nationality_of(text, m.start, m.end, s, e):
                    _set(entity, "nationality", norp, s, e, sentence_of)
            title = re.search(r"\b(mr|mrs|ms|miss|man|woman|widow|mother|father|wife|husband),?\s*$", before.lower())
            noun = re.match(r",\s*(?:an?|the)\s+(?:[\w-]+\s+){0,2}?(man|woman|widow|mother|father|wife|husband)\b",
                            text[m.end:m.end + 60].lower())
            word = (title or noun)
            if word and word.group(1) in gender_words:
                _set(entity, "gender", gender_words[word.group(1)], m.start, m.end, sentence_of)
    return age_offsets


def _set(entity: Entity, key: str, value: Any, start: int, end: int, sentence_of: Any) -> None:
    entity.attributes.setdefault(key, value)
    evidence = entity.attributes.setdefault("evidence", [])
    item = {"attribute": key, "value": value, "start": start, "end": end, "sentence": sentence_of(start)}
    if item not in evidence:
        evidence.append(item)
