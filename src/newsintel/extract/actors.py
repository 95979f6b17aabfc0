"""Described and collective actors: the unnamed participants of a report, one thing across its sentences.

Most reporting on fighters names nobody: "three Belgian fighters", "one of them", "he", "the group". Every actor,
target or speaker argument gets `kind` (named, described, pronoun), `group`, `nationality` (ISO 3166 code), `role`
(data/actors.yaml) and `count`; a described person or set becomes a document actor with an id, and the arguments
that refer to it carry `"actor": id`. Counts:
  {"value": 3}                      "three fighters", "a woman" (value 1), "one of them" (value 1)
  {"value": 2500, "approximate": true}     "some 2,500 fighters"
  {"min": 3} / {"max": 5} / {"min": 150, "max": 200}   "at least three", "up to five", "between 150 and 200"
  {"vague": "dozens", "min": 24}    vague words, with the bounds of data/actors.yaml (or quantities.yaml)
  null                              a plural with no number ("the men", "foreign fighters"), or not said
In-document coreference, precision first (a link needs one clear antecedent, else the actor stands alone):
a definite description ("the foreign fighters") is the earlier actor with the same head noun and number; a generic
one ("the men") the one person set of the sentences just before; "one of them" is a member (`part_of`) of the set
named just before; "he"/"she"/"they" the one agreeing actor of the sentences just before when no name is nearer;
"the group" and "members of the group" the one organisation named in the nearest sentence that names one; "the
country" likewise the one country; "a woman travelling with them" is `with` the one set "them" can be.
Precision on general news: an argument whose head is no person or group ("the decision", "a truck") is kind
`other`; a body of people ("the crowd", "security forces") is `described` with no actor of its own; "we", "you",
"my son" make no actor unless the quoted speaker is an organisation or its member ("our unit"); "no fighters" is
nobody; nothing on a line of page furniture (captions, bylines, "MOST READ" lists) becomes an actor. The links
themselves are made in `actor_links.py`.
"""

from __future__ import annotations

import functools
from typing import Any

from newsintel.extract.actor_links import Actor, ActorBuilder, gender_fits, gender_of_pronoun
from newsintel.extract.antecedents import GROUP_PRONOUNS, PERSON_PRONOUNS, PLURAL_PRONOUNS
from newsintel.extract.describe import actor_words, country_of, role_of
from newsintel.model import Record
from newsintel.resources import load_yaml

AGENT_SUFFIXES = ("er", "ers", "or", "ors", "ist", "ists", "ee", "ees", "ian", "ians", "ant", "ants", "ent", "ents")
FIRST_SINGULAR = {"i", "me", "my", "mine", "myself"}  # one person


def _slots(record: Record) -> list[tuple[dict[str, Any], int, bool]]:
    """(argument, sentence, is an event actor/target) for every participant slot."""
    out: list[tuple[dict[str, Any], int, bool]] = []
    for event in record.events:
        for role in ("actors", "targets"):
            out += [(arg, event["sentence"], True) for arg in event[role]]
        if event["attribution"]:
            out.append((event["attribution"]["speaker"], event["sentence"], False))
    for claim in record.claims:
        out.append((claim["speaker"], claim["sentence"], False))
    for q in record.quantities:
        if q["counted"]:
            out.append((q["counted"], q["sentence"], True))
        if q["attribution"]:
            out.append((q["attribution"]["speaker"], q["sentence"], False))
    return out


def _offset(arg: dict[str, Any]) -> int:
    if "_pron" in arg:
        return arg["_pron"][0]
    return arg["_d"]["start"] if "_d" in arg else 1 << 60


def _speakers(record: Record) -> None:
    """Each event argument learns who says the event happened ("'Our unit will strike,' a commander said")."""
    for event in record.events:
        if event["attribution"]:
            for arg in event["actors"] + event["targets"]:
                arg["_speaker"] = event["attribution"]["speaker"]


def build_actors(record: Record, sentence_of: Any) -> None:
    """Fill `record.actors` and the public keys of every participant argument; drop the private ones."""
    _speakers(record)
    builder = ActorBuilder(record, sentence_of)
    slots = sorted(_slots(record), key=lambda s: (_offset(s[0]), s[1]))
    for arg, sentence, participant in slots:
        annotate(builder, arg, sentence, participant)
        if participant and arg.get("actor"):
            next(a for a in builder.actors if a.id == arg["actor"]).participant = True
    drop_things(record)
    record.actors = [a.json() for a in builder.actors]
    strip_private(record)


@functools.cache
def _person_roles() -> tuple[frozenset[str], frozenset[str]]:
    data = load_yaml("actors.yaml")
    return frozenset(data["person_actor_types"]), frozenset(data["person_target_types"])


def is_thing(arg: dict[str, Any]) -> bool:
    """An argument headed by no person or group (kind `other`), not a name, not a pronoun."""
    word = arg["text"].lower()
    head = word.split()[-1] if word.split() else word
    return arg.get("kind") == "other" and not arg.get("entity") and not arg.get("mention") and word not in (
        PERSON_PRONOUNS | PLURAL_PRONOUNS | GROUP_PRONOUNS | actor_words().first_second) and not head.endswith(
        AGENT_SUFFIXES)  # a word for a doer the lists lack ("the smelter", "the investor") may be a person


def drop_things(record: Record) -> None:
    """A thing is no actor of an arrest, charge or release ("the sting arrested 17 men"), nor the one arrested,
    charged, released, recruited or threatened (`data/actors.yaml`: person_actor_types, person_target_types)."""
    actor_types, target_types = _person_roles()
    for event in record.events:
        if event["type"] in actor_types:
            event["actors"] = [a for a in event["actors"] if not is_thing(a)]
        if event["type"] in target_types:
            event["targets"] = [a for a in event["targets"] if not is_thing(a)]


def annotate(builder: ActorBuilder, arg: dict[str, Any], sentence: int, participant: bool) -> None:
    if "kind" in arg:
        return
    word = arg["text"].lower()
    keys: dict[str, Any] = {"kind": "described", "group": None, "nationality": None, "role": None, "count": None}
    if arg.get("entity") and arg.get("_across") and "_pron" in arg:  # "he" taken for a name sentences back
        actor = builder.pronoun(arg["mention"].lower(), *arg["_pron"], sentence, True)
        if actor is not None:  # a described participant is nearer than the name: the pronoun is that person
            arg.update({"text": arg.pop("mention"), "entity": None, **_from_actor(actor, "pronoun")})
            return
    if arg.get("entity"):
        entity = builder.entities.get(arg["entity"])
        keys["kind"] = "named"
        if entity is not None and entity.type == "PERSON":
            attrs = entity.attributes or {}
            keys["nationality"] = country_of(attrs["nationality"]) if attrs.get("nationality") else None
            occupation = (attrs.get("occupation") or "").lower().split()
            keys["role"] = role_of(occupation[-1], occupation[-2] if len(occupation) > 1 else None) \
                if occupation else None
        arg.update(keys)
        return
    d = arg.get("_d")
    if d is not None and d["first_second"] and d["head"] in actor_words().first_second:
        # "we", "you": whoever speaks; a group only when the quoted speaker is one or a member of one
        group = builder.speaker_group(arg)
        arg.update({**keys, "kind": "pronoun", "group": group, "entity": group["entity"] if group else None})
        return
    if word in PERSON_PRONOUNS | PLURAL_PRONOUNS and d is not None and d["head"] == word:
        actor = builder.pronoun(word, d["start"], d["end"], sentence, participant, d["plural_before"])
        arg.update(_from_actor(actor, "pronoun") if actor is not None else {**keys, "kind": "pronoun"})
        return
    if d is None:
        arg.update(keys)
        return
    if d["group_noun"] or d["country_noun"]:
        if d["possessor"] in ("our", "my"):  # "our unit": the speaker's organisation, when known
            group = builder.speaker_group(arg)
            arg["entity"] = group["entity"] if group is not None else None
        elif d["definite"] or d["possessor"]:
            entity = builder.org_before(d["start"], sentence, d["head"]) if d["group_noun"] else \
                builder.country_before(d["start"], sentence)
            if entity is not None:
                arg["entity"] = entity.id  # "the group" is the organisation just named
        arg.update(keys)
        return
    if not d["person"]:
        # a body of people ("the crowd", "security forces") is a participant with no actor of its own; anything
        # else ("the decision", "help", "a truck") is no participant at all
        arg.update({**keys, "kind": "described" if d["collective"] else "other"})
        return
    if builder.in_furniture(d["start"]) or d["nobody"] or (d["first_second"] and builder.speaker_group(arg) is None):
        # page furniture ("Photos: ...", a "MOST READ" list), "no fighters", or "my son", "our readers": no actor
        arg.update({**keys, "nationality": d["nationality"], "role": d["role"]})
        return
    actor = builder.described(arg, sentence)
    pronoun = (arg.get("mention") or "").lower()  # a pronoun another stage took for this phrase
    if pronoun and actor is not None and not _pronoun_fits(builder, actor, pronoun, arg.get("_pron")):
        # "she" is not "my son", "I" not "police", "they" not "a smuggler"
        arg.update({"text": arg.pop("mention"), **keys, "kind": "pronoun"})
        arg.pop("_pron", None)
        return
    if "_pron" in arg and actor is not None:
        builder._mention(actor, *arg["_pron"])
    arg.update(_from_actor(actor, "described"))


def _pronoun_fits(builder: ActorBuilder, actor: Actor, pronoun: str, span: tuple[int, int] | None) -> bool:
    """Gender and number agree, and "they" skips no group named between."""
    if not gender_fits(actor, gender_of_pronoun(pronoun)):
        return False
    if (pronoun in PLURAL_PRONOUNS and not actor.plural) or (
            pronoun in PERSON_PRONOUNS | FIRST_SINGULAR and actor.plural):
        return False  # ("we" said by one man may be his group: either number)
    return not (pronoun in PLURAL_PRONOUNS and span is not None and builder.group_named_between(actor, span[0]))


def _from_actor(actor: Actor, kind: str) -> dict[str, Any]:
    return {"kind": kind, "group": actor.group, "nationality": actor.nationality, "role": actor.role,
            "count": actor.count, "actor": actor.id}


def strip_private(record: Record) -> None:
    """Remove the "_"-keys extraction used internally from every fact."""
    def walk(value: Any) -> None:
        if isinstance(value, dict):
            for key in [k for k in value if k.startswith("_")]:
                del value[key]
            for v in value.values():
                walk(v)
        elif isinstance(value, list):
            for v in value:
                walk(v)

    for facts in (record.events, record.claims, record.quantities, record.relations):
        walk(facts)
