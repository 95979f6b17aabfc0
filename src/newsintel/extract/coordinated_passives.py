"""Coordinated passive verbs share the "by" phrase and the scene said once after the last of them.

"Dozens were beaten, robbed and harassed by a mob during a concert in Leipzig": the parser hangs "by a mob" and
"during a concert in Leipzig" on the last verb only, yet every verb of the run was done by the mob, there. A verb
event still lacking a doer takes the "by" of the first later verb of its coordination with a "by" or a scene
phrase, and, when it names no place and has no scene phrase of its own, that verb's places ("were assaulted or
robbed during a fair in Utrecht").

Precision first: only between passive participles sharing the subject (no later verb with a subject of its own),
and only when every verb from the event's to the one with the "by" is a harm done to the same people (a trigger
verb of the event's own type or one of `shared_agent_harms`, data/event_roles.yaml): "were kidnapped and later
freed by soldiers" gives the soldiers to no kidnapping.
"""

from __future__ import annotations

import functools

from spacy.tokens import Token

from newsintel.extract.args import MentionIndex
from newsintel.extract.parse import ParsedSentence
from newsintel.extract.prep_roles import LOCATION_PREPS, prep_args
from newsintel.extract.subjects import is_passive
from newsintel.extract.triggers import MOVERS, ROLES, Trigger, lemma_of
from newsintel.resources import load_yaml

Args = dict[str, list[Token]]
PLACE_ROLES = ("location", "origin", "destination", "via")
SCENE_PREPS = LOCATION_PREPS | {"during"}


@functools.cache
def _harms() -> frozenset[str]:
    return frozenset(load_yaml("event_roles.yaml")["shared_agent_harms"])


def _members(verb: Token) -> list[Token]:
    """The verbs of the coordination `verb` belongs to, in text order."""
    first = verb
    while first.dep_ == "conj" and first.head.pos_ == "VERB" and first.head.i != first.i:
        first = first.head
    out, stack = [], [first]
    while stack:
        t = stack.pop()
        out.append(t)
        stack.extend(c for c in t.children if c.dep_ == "conj" and c.pos_ == "VERB")
    return sorted(out, key=lambda t: t.i)


def _own_subject(verb: Token) -> bool:
    return any(c.dep_ in ("nsubj", "nsubjpass", "csubj", "expl") for c in verb.children)


def _agent(verb: Token) -> bool:
    return any(c.dep_ == "agent" for c in verb.children)


def _passive(trigger: Trigger) -> bool:
    """A passive verb, also a bare participle coordinated with one ("were robbed, beaten and ...")."""
    verb = trigger.token
    return trigger.passive or is_passive(verb) or (verb.dep_ == "conj" and verb.tag_ == "VBN" and not any(
        c.dep_ in ("aux", "nsubj") for c in verb.children) and is_passive(_members(verb)[0]))


def agent_bearer(trigger: Trigger) -> Token | None:
    """The later verb of the trigger's coordination whose "by" and scene the trigger shares (module docstring), or
    None."""
    verb = trigger.token
    if trigger.nominal or verb.pos_ != "VERB" or _agent(verb):
        return None
    harms = _harms() | frozenset(trigger.type.verbs)
    later = [m for m in _members(verb) if m.i > verb.i]
    if any(c.dep_ not in ("cc", "conj", "punct", "advmod", "neg") for c in verb.rights if c.i < later[-1].i) \
            if later else True:
        return None  # "was stabbed in Lyon and robbed by two teenagers": each verb its own phrases
    for member in later:  # a bare participle after a passive is often tagged as a past tense ("robbed")
        if member.tag_ not in ("VBN", "VBD") or _own_subject(member) or lemma_of(member) not in harms or any(
                c.dep_ in ("aux", "dobj", "obj") for c in member.children):
            return None  # "were kidnapped and later freed by soldiers", "was beaten and police arrested him"
        if _agent(member) or _scene(member):
            return member
    return None


def _scene(verb: Token) -> bool:
    return any(c.dep_ == "prep" and c.lower_ in SCENE_PREPS for c in verb.children)


def share_passive_agents(ps: ParsedSentence, events: list[tuple[Trigger, Args]], mentions: MentionIndex) -> None:
    """Fill a passive verb event's empty doer (and empty place) from its coordination (module docstring)."""
    for trigger, args in events:
        if trigger.type.name in MOVERS or not _passive(trigger):
            continue
        bearer = agent_bearer(trigger)
        if bearer is None:
            continue
        found: Args = {role: [] for role in ROLES}
        prep_args(ps, bearer, mentions, found, Trigger(trigger.token, trigger.type, False, passive=True))
        by = {t.i for c in bearer.children if c.dep_ == "agent" for t in c.subtree}
        if not args["actors"]:
            args["actors"] = [t for t in found["actors"] if t.i in by]
        if not _scene(trigger.token) and not any(args[role] for role in PLACE_ROLES):
            for role in PLACE_ROLES:
                args[role] = [t for t in found[role] if t.i not in by]
