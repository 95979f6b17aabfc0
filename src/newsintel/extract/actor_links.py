"""The document's described actors and the links between their mentions (see `actors.py` for the rules):
an `ActorBuilder` reads each participant phrase in document order and finds the earlier actor it repeats
("the fighters"), the set it is part of ("one of them") or with ("a woman with them"), the actor a pronoun
stands for, and its count."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from newsintel.extract.antecedents import PERSON_PRONOUNS, PLURAL_PRONOUNS
from newsintel.extract.describe import actor_words, canonical_group, furniture_lines
from newsintel.extract.org_kinds import fits
from newsintel.extract.role_words import to_is_party
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
    side_only: bool = True  # every mention is the side gone over to ("surrendered to police"), no one's companion
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
        self.side_ends = {_arg_end(arg) for event in record.events if to_is_party(event["type"])
                          for arg in event["targets"]}

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

    def org_before(self, offset: int, sentence: int, noun: str | None = None) -> Entity | None:
        """The organisation "the group" (`noun`) stands for; only one whose kind fits the noun: a news agency
        credited in the report is never "the army" (extract/org_kinds.py)."""
        return self._one_before(offset, sentence, lambda e: e.type == "ORG" and (noun is None or fits(e.name, noun)))

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
            org = self.org_before(d["group_ref"], sentence, (self.text[d["group_ref"]:].split() or [""])[0].lower())
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
        actor.side_only = actor.side_only and end in self.side_ends
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
            same = [a for a in self._recent(sentence, d["start"], 1, lambda a: compatible(a) and gender_fits(
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
        if ref["pronoun"]:  # not the side the movers gave themselves up to ("handed themselves in to police")
            sets = self._recent(sentence, ref["start"], SENTENCE_REACH, lambda a: a.plural and a.participant
                                and not a.side_only and not self.group_named_between(a, ref["start"]))
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
            fits = self._recent(sentence, start, SENTENCE_REACH, lambda a: not a.plural and gender_fits(a, gender)
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


def _arg_end(arg: dict[str, Any]) -> int | None:
    """Where an event argument's phrase or pronoun ends, as the builder's mentions record it."""
    if "_pron" in arg:
        return arg["_pron"][1]
    return arg["_d"]["end"] if "_d" in arg else None


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


def gender_fits(actor: Actor, gender: str | None) -> bool:
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
