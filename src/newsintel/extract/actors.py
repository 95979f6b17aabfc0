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
country" likewise the one country.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from newsintel.extract.antecedents import PERSON_PRONOUNS, PLURAL_PRONOUNS
from newsintel.extract.describe import actor_words, canonical_group, country_of, furniture_lines, role_of
from newsintel.model import Entity, Record

SENTENCE_REACH = 2  # a pronoun or a generic description refers at most this many sentences back
DESCRIPTION_REACH = 8  # "the foreign fighters" repeats an actor named at most this many sentences back
GENERIC_HEADS = {"man", "woman", "person", "people", "individual", "suspect", "men", "women"}
FEMALE_ROLES = {"woman", "wife"}
MEMBER_ROLES = {"member", "fighter", "militant", "commander", "recruiter", "soldier"}  # "its fighters": the group's
HELD_ROLES = {"hostage"}  # held by the organisation named with them, not its members


@dataclass
class Actor:
    id: str
    text: str
    head: str
    plural: bool
    gender: str | None
    group: dict[str, Any] | None
    nationality: str | None
    role: str | None
    count: dict[str, Any] | None
    part_of: str | None = None
    companion_of: str | None = None  # "a woman travelling with them": the set she is with (not one of it)
    participant: bool = False  # named as an event's actor or target or as what a number counts, not only a source
    mentions: list[dict[str, Any]] = field(default_factory=list)

    def json(self) -> dict[str, Any]:
        return {"id": self.id, "text": self.text, "kind": "described", "group": self.group,
                "nationality": self.nationality, "role": self.role, "count": self.count, "part_of": self.part_of,
                "with": self.companion_of, "mentions": self.mentions}

    @property
    def last(self) -> int:
        return self.mentions[-1]["sentence"]

    @property
    def last_end(self) -> int:
        return self.mentions[-1]["end"]


class ActorBuilder:
    """One pass over a record's argument slots in document order."""

    def __init__(self, record: Record, sentence_of: Any) -> None:
        self.record, self.text, self.sentence_of = record, record.document.text, sentence_of
        self.actors: list[Actor] = []
        self.by_span: dict[tuple[int, int], Actor] = {}
        self.entities = {e.id: e for e in record.entities}
        self.mentions = sorted(((m.start, m.end, m.sentence, e) for e in record.entities for m in e.mentions),
                               key=lambda m: m[0])
        self._furniture: list[tuple[int, int]] | None = None

    def in_furniture(self, offset: int) -> bool:
        """Is the offset on a line of page furniture (a photo caption, a byline, a list of other headlines)?"""
        if self._furniture is None:
            self._furniture = furniture_lines(self.text)
        return any(start <= offset < end for start, end in self._furniture)

    # --- context: organisations, countries, people named before an offset -------------------------------------
    def _one_before(self, offset: int, sentence: int, accept: Any) -> Entity | None:
        """The one entity accepted by `accept` in the nearest sentence (up to SENTENCE_REACH back) naming any."""
        found: dict[int, dict[str, Entity]] = {}
        for _start, end, sent, entity in self.mentions:
            if end <= offset and sentence - SENTENCE_REACH <= sent <= sentence and accept(entity):
                found.setdefault(sent, {})[entity.id] = entity
        if not found:
            return None
        nearest = found[max(found)]
        return next(iter(nearest.values())) if len(nearest) == 1 else None

    def org_before(self, offset: int, sentence: int) -> Entity | None:
        return self._one_before(offset, sentence, lambda e: e.type == "ORG")

    def country_before(self, offset: int, sentence: int) -> Entity | None:
        return self._one_before(offset, sentence, lambda e: e.type == "GPE" and (e.geo or {}).get("kind") == "country")

    def person_named_between(self, start: int, end: int) -> bool:
        return any(start <= s and e <= end and entity.type == "PERSON" for s, e, _, entity in self.mentions)

    def group_named_between(self, actor: Actor, end: int) -> bool:
        """A group or people named between the actor and `end` ("a crackdown on Islamists ... them"): "they" may
        stand for it (not the actor's own group: "three fighters of Islamic State ... one of them")."""
        own = (actor.group or {}).get("entity")
        return any(actor.last_end <= s and e <= end and entity.id != own and (entity.type == "ORG" or (
            entity.type == "NORP" and self.text[e - 1:e] == "s"))  # "Islamists", "Kurds"; not "a Moroccan man"
            for s, e, _, entity in self.mentions)

    def group_entity(self, name: str) -> str | None:
        """A document ORG entity that the alias list makes the same organisation as `name` ("ISIS")."""
        canonical = canonical_group(name)
        for entity in self.record.entities:
            if entity.type == "ORG" and canonical and any(
                    canonical_group(n) == canonical for n in [entity.name, *entity.aliases]):
                return entity.id
        return None

    # --- counts ------------------------------------------------------------------------------------------------
    def count_of(self, d: dict[str, Any]) -> dict[str, Any] | None:
        for q in self.record.quantities:
            if d["start"] <= q["end"] and q["start"] < d["end"] and q["start"] >= d["start"] - 20:
                if " times " in self.text[q["start"]:d["end"]].lower():
                    return None  # "10 times as many officers" counts no officers
                return quantity_count(q)
        phrase = self.text[d["start"]:d["end"]].lower()
        for words, bounds in sorted(actor_words().vague.items(), key=lambda v: -len(v[0])):
            if phrase.startswith(words + " ") or self.text[max(0, d["start"] - len(words) - 1):d["start"]].lower(
                    ).strip() == words:
                return {"vague": words, **bounds}
        return {"value": 1} if d["one"] else None

    def _text_start(self, d: dict[str, Any]) -> int:
        """Where the actor's text starts: its number's start when the parse cut the number ("Forty-two people")."""
        for q in self.record.quantities:
            if q["start"] < d["start"] < q["end"] and q["end"] <= d["end"]:
                return q["start"]
        return d["start"]

    # --- actors ------------------------------------------------------------------------------------------------
    def _new(self, d: dict[str, Any], sentence: int, arg: dict[str, Any]) -> Actor:
        group = d["group"] if d["role"] not in HELD_ROLES else None  # "Boko Haram captives" are no members
        if group is not None and group["entity"] is None:
            group = {**group, "entity": self.group_entity(group["text"])}
        if group is None and d["poss_group"] is not None and d["role"] in MEMBER_ROLES:
            group = d["poss_group"]  # "Hamas said its fighters ..."
        if group is None and d["group_ref"] is not None:  # "members of the group", "the group said its fighters"
            org = self.org_before(d["group_ref"], sentence)
            group = {"text": org.name, "entity": org.id} if org is not None else None
        if group is None and d["first_second"]:
            group = self.speaker_group(arg)
        actor = Actor(f"{self.record.document.id}-a{len(self.actors) + 1}", self.text[self._text_start(d):d["end"]],
                      d["head"], d["plural"], d["gender"], group, d["nationality"], d["role"], self.count_of(d))
        self.actors.append(actor)
        return actor

    def speaker_group(self, arg: dict[str, Any]) -> dict[str, Any] | None:
        """"our unit", said by a speaker who is an organisation or a member of one."""
        speaker = arg.get("_speaker")
        if speaker and speaker.get("_d") and (speaker["_d"]["group"] or {}).get("entity"):
            return speaker["_d"]["group"]  # "a commander of the Free Syrian Army"
        if not speaker or not speaker.get("entity"):
            return None
        entity = self.entities.get(speaker["entity"])
        if entity is not None and entity.type == "ORG":
            return {"text": entity.name, "entity": entity.id}
        for rel in self.record.relations:
            if rel["type"] == "MEMBER" and rel["subject"].get("entity") == speaker["entity"] and rel["object"].get(
                    "entity"):
                return {"text": rel["object"]["text"], "entity": rel["object"]["entity"]}
        return None

    def _mention(self, actor: Actor, start: int, end: int) -> None:
        if any(m["start"] == start for m in actor.mentions):
            return
        actor.mentions.append({"text": self.text[start:end], "start": start, "end": end,
                               "sentence": self.sentence_of(start)})
        actor.mentions.sort(key=lambda m: m["start"])

    def _recent(self, sentence: int, offset: int, reach: int, fits: Any) -> list[Actor]:
        return [a for a in self.actors if sentence - reach <= a.last <= sentence and a.mentions[0]["start"] < offset
                and fits(a)]

    def _antecedent(self, d: dict[str, Any], sentence: int, count: dict[str, Any] | None) -> Actor | None:
        """The earlier actor a definite description repeats, if exactly one fits."""
        def compatible(a: Actor) -> bool:  # "the 21 girls" repeat a set of that size, not an uncounted one
            return a.plural == d["plural"] and (d["nationality"] is None or a.nationality in (
                None, d["nationality"])) and not _counts_differ(a.count, count) and (
                count is None or not d["plural"] or a.count is not None)

        same = self._recent(sentence, d["start"], DESCRIPTION_REACH,
                            lambda a: compatible(a) and (a.head == d["head"] or (d["role"] and a.role == d["role"]
                                                                                  and d["head"] not in GENERIC_HEADS)))
        if not same and d["head"] in GENERIC_HEADS and not d["restricted"]:
            # "the men": the one set of people just before, no name or group between ("the men behind the attack"
            # are new)
            same = [a for a in self._recent(sentence, d["start"], 1, lambda a: compatible(a) and _gender_fits(
                a, d["gender"]) and a.part_of is None and a.participant)
                if not self.person_named_between(a.last_end, d["start"]) and not self.group_named_between(
                    a, d["start"])]
        ids = {a.id for a in same}
        return max(same, key=lambda a: a.last_end) if len(ids) == 1 else None

    def _whole(self, d: dict[str, Any], sentence: int, count: dict[str, Any] | None) -> Actor | None:
        """The set a member or subset is taken from: "one of them", "several of the men", "the two other women"."""
        if d["of_pronoun"]:
            sets = self._recent(sentence, d["start"], SENTENCE_REACH, lambda a: a.plural and a.participant
                                and not _skips(a, d["plural_before"], d["start"])
                                and not self.group_named_between(a, d["start"]))
        else:
            sets = self._recent(sentence, d["start"], DESCRIPTION_REACH, lambda a: a.plural and (
                a.head == d["head"] or (d["role"] is not None and a.role == d["role"])))
        if count and "value" in count:  # a subset is smaller than its set
            sets = [a for a in sets if not (a.count and "value" in a.count and a.count["value"] <= count["value"])]
        return max(sets, key=lambda a: a.last_end) if sets else None

    def _companion_set(self, d: dict[str, Any], sentence: int) -> str | None:
        """The one set a person is with: "them" is the participant set just before (as for "one of them"), "the
        fighters" the set with that head; none when two fit."""
        ref = d["with"]
        if ref is None:
            return None
        if ref["pronoun"]:
            sets = self._recent(sentence, ref["start"], SENTENCE_REACH, lambda a: a.plural and a.participant
                                and not self.group_named_between(a, ref["start"]))
            nearest = [a for a in sets if sets and a.last == max(b.last for b in sets)]
        else:
            nearest = self._recent(sentence, ref["start"], DESCRIPTION_REACH,
                                   lambda a: a.plural and a.head == ref["head"])
        return nearest[0].id if len({a.id for a in nearest}) == 1 else None

    def described(self, arg: dict[str, Any], sentence: int) -> Actor | None:
        d = arg["_d"]
        span = (d["start"], d["end"])
        same_end = next((a for (s, e), a in self.by_span.items() if e == d["end"] and s <= d["start"] + 40
                         and (s <= d["start"] or a.head == d["head"])), None)  # "Dozens of X" and "X"
        if span in self.by_span or same_end is not None:
            return self.by_span.get(span) or same_end
        actor, count = None, self.count_of(d)
        if (d["quantified"] and (d["of_pronoun"] or d["definite"])) or (d["definite"] and d["other"]):
            whole = self._whole(d, sentence, count)  # a member or subset, never the set itself
            actor = self._new(d, sentence, arg)
            if d["one"]:
                actor.plural, actor.count = False, {"value": 1}
            if whole is not None:
                actor.part_of = whole.id
                actor.group = actor.group or whole.group
                actor.nationality = actor.nationality or whole.nationality
                actor.role = actor.role or whole.role
        elif d["definite"]:
            actor = self._antecedent(d, sentence, count)
            if actor is not None:
                actor.nationality = actor.nationality or d["nationality"]
                actor.role = actor.role or d["role"]
        if actor is None:
            companion = self._companion_set(d, sentence)  # read before the new actor joins the list
            actor = self._new(d, sentence, arg)
            actor.companion_of = companion
        self._mention(actor, self._text_start(d), d["end"])
        self.by_span[span] = actor
        return actor

    def pronoun(self, word: str, start: int, end: int, sentence: int, participant: bool,
                plural_before: int | None = None) -> Actor | None:
        """The one actor a pronoun can stand for in the sentences just before, with no name between; a pronoun
        taking part in an event stands for a participant, not for the source quoted in between; "they" cannot skip
        a plural noun of its own sentence that is no actor ("on Islamists, jailing thousands of them")."""
        if word in PLURAL_PRONOUNS:
            fits = self._recent(sentence, start, SENTENCE_REACH - 1, lambda a: a.plural and (
                a.participant or not participant) and not _skips(a, plural_before, start))
        elif word in PERSON_PRONOUNS:
            gender = gender_of_pronoun(word)
            fits = self._recent(sentence, start, SENTENCE_REACH, lambda a: not a.plural and _gender_fits(a, gender)
                                and (a.participant or not participant))
        else:
            return None
        fits = [a for a in fits if not self.person_named_between(a.last_end, start) and not (
            word in PLURAL_PRONOUNS and self.group_named_between(a, start))]
        if not fits:
            return None
        nearest = max(fits, key=lambda a: max(m["end"] for m in a.mentions if m["start"] < start))
        if word in PLURAL_PRONOUNS and len({a.id for a in fits if a.last == nearest.last}) > 1:
            return None  # two sets in the same sentence: "they" is unclear
        self._mention(nearest, start, end)
        return nearest


def _bounds(count: dict[str, Any]) -> tuple[float, float]:
    if count.get("value") is not None and not count.get("approximate"):
        return count["value"], count["value"]
    if count.get("value") is not None:  # "some 2,500": within a fifth either way
        return count["value"] * 0.8, count["value"] * 1.2
    low, high = count.get("min"), count.get("max")
    return (low if low is not None else 0), (high if high is not None else float("inf"))


def _counts_differ(a: dict[str, Any] | None, b: dict[str, Any] | None) -> bool:
    """Two counts that cannot be the same set: "eight children" are not "her three children", "the 21 girls" are
    not "more than 270 girls"."""
    if not a or not b:
        return False
    (low_a, high_a), (low_b, high_b) = _bounds(a), _bounds(b)
    return high_a < low_b or high_b < low_a


def _skips(actor: Actor, plural_before: int | None, offset: int) -> bool:
    """Would linking skip a plural noun that stands between the actor's last mention and `offset`?"""
    return plural_before is not None and not any(
        m["start"] < plural_before <= m["end"] for m in actor.mentions) and actor.last_end < plural_before <= offset


def gender_of_pronoun(word: str) -> str | None:
    return "male" if word in ("he", "him", "his", "himself") else "female" if word in (
        "she", "her", "hers", "herself") else None


def _gender_fits(actor: Actor, gender: str | None) -> bool:
    known = actor.gender or ("female" if actor.role in FEMALE_ROLES else None)
    return gender is None or known is None or known == gender


def quantity_count(q: dict[str, Any]) -> dict[str, Any]:
    """A quantity record as a count (see the module docstring)."""
    value, low, high = q["value"], q["low"], q["high"]
    if value is None and (low is not None or high is not None):
        if q["approximate"]:
            return {"vague": q["text"].lower(), **({"min": low} if low is not None else {}),
                    **({"max": high} if high is not None else {})}
        return {"min": low, "max": high}
    if value is not None and low is not None:
        return {"min": low}
    if value is not None and high is not None:
        return {"max": high}
    return {"value": value, "approximate": True} if q["approximate"] else {"value": value}


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
    record.actors = [a.json() for a in builder.actors]
    strip_private(record)


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
            entity = (builder.org_before if d["group_noun"] else builder.country_before)(d["start"], sentence)
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
    if "_pron" in arg and actor is not None:
        pronoun = arg.get("mention", "").lower()
        if not _gender_fits(actor, gender_of_pronoun(pronoun)) or (
                pronoun in PLURAL_PRONOUNS and builder.group_named_between(actor, arg["_pron"][0])):
            arg.update({"text": arg.pop("mention"), **keys, "kind": "pronoun"})  # "she" is not "my son"
            del arg["_pron"]
            return
        builder._mention(actor, *arg["_pron"])
    arg.update(_from_actor(actor, "described"))


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
