"""Namesakes inside one document: two mentions of one name described as different people are two entities.

In-document grouping joins every mention of an exact name ("Driton Haliti ... Driton Haliti"), which is right
unless the report is about two people of that name: "Driton Haliti, a computer science student from Prizren"
and "Driton Haliti, the Kosovo-born commander". A stated age or an occupation in apposition (classes in
`data/relations.yaml`, `role_classes`) that contradict each other split the entity; mentions that say nothing
(later bare surnames too) could be either person and become an entity of their own, as grouping does with a
short name that fits two people.
"""

from __future__ import annotations

import functools
import re
from typing import Any

from newsintel.extract.lexicon import lexicon
from newsintel.model import Entity

AGE_TOLERANCE = 3  # years: reports round and disagree a little about one person's age
_AGE_AFTER = re.compile(r"^,\s*(?:aged\s+|an?\s+)?(\d{1,2})(?:,|-year-old\b)")
_AGE_BEFORE = re.compile(r"(\d{1,2})-year-old(?:\s+[a-z]+)?,?\s*$")
_STOP = frozenset({"of", "for", "with", "in", "at", "to", "from", "and", "or", "who", "which", "whose", "by", "on"})


@functools.cache
def _roles() -> tuple[re.Pattern[str], dict[str, str], frozenset[str]]:
    rel = lexicon().relations
    classes = {word: name for name, words in rel.get("role_classes", {}).items() for word in words}
    words = "|".join(sorted((re.escape(w) for w in classes), key=len, reverse=True))
    pattern = re.compile(r"^,\s*(?:\d{1,2},\s*)?(?:an?|the|his|her)\s+((?:[\w'-]+\s+){0,4}?)(" + words + r")s?\b",
                         re.IGNORECASE)
    return pattern, classes, frozenset(rel.get("role_past_words", ()))


def role_after(text: str, end: int) -> tuple[str, str, int, int] | None:
    """The occupation in apposition right after a mention ending at `end`: (word, class, start, end), or None.
    "X, the Kosovo-born commander" -> commander/militant; "X, a former student" -> None (past); "X, the brother
    of a fighter" -> None (the fighter is someone else)."""
    pattern, classes, past = _roles()
    match = pattern.match(text[end:end + 90])
    if match is None:
        return None
    modifiers = [w.lower() for w in re.split(r"[\s-]+", match[1]) if w]
    if any(w in _STOP or w in past for w in modifiers):
        return None
    word = match[2].lower()
    return word, classes[word], end + match.start(2), end + match.end(2)


def age_near(text: str, start: int, end: int) -> int | None:
    """An age stated next to a mention: "X, 27," / "X, a 27-year-old" / "27-year-old X"."""
    after, before = text[end:end + 24], text[max(0, start - 40):start]
    age = _AGE_AFTER.match(after) or _AGE_BEFORE.search(before)
    return int(age.group(1)) if age and 10 <= int(age.group(1)) <= 99 else None


def _conflict(a: dict[str, Any], b: dict[str, Any]) -> bool:
    if "role" in a and "role" in b and a["role"] != b["role"]:
        return True
    return "age" in a and "age" in b and abs(a["age"] - b["age"]) > AGE_TOLERANCE


def split_namesakes(text: str, entities: list[Entity], doc_id: str) -> bool:
    """Split person entities whose mentions are described as different people; new entities are appended with
    the next free ids `<doc_id>-e<n>`. True when some entity was split."""
    next_n = 1 + max((int(e.id.rsplit("-e", 1)[1]) for e in entities if e.id.rsplit("-e", 1)[-1].isdigit()),
                     default=0)
    added: list[Entity] = []
    for entity in (e for e in entities if e.type == "PERSON" and len(e.mentions) > 1):
        described: list[tuple[Any, dict[str, Any]]] = []
        for m in entity.mentions:
            facts: dict[str, Any] = {}
            role = role_after(text, m.end)
            if role is not None:
                facts["role"] = role[1]
            age = age_near(text, m.start, m.end)
            if age is not None:
                facts["age"] = age
            if facts:
                described.append((m, facts))
        clusters: list[tuple[list[Any], dict[str, Any]]] = []
        for m, facts in described:
            home = next((c for c in clusters if not _conflict(c[1], facts)), None)
            if home is None:
                clusters.append(([m], dict(facts)))
            else:
                home[0].append(m)
                for key, value in facts.items():
                    home[1].setdefault(key, value)
        if len(clusters) < 2:
            continue
        placed = {id(m) for ms, _ in clusters for m in ms}
        rest = [m for m in entity.mentions if id(m) not in placed]
        entity.mentions = clusters[0][0]
        for ms, _ in clusters[1:]:
            added.append(Entity(f"{doc_id}-e{next_n}", ms[0].text, entity.type, mentions=ms))
            next_n += 1
        if rest:
            added.append(Entity(f"{doc_id}-e{next_n}", min((m.text for m in rest), key=len), entity.type,
                                mentions=rest))
            next_n += 1
        entity.name = entity.mentions[0].text if entity.name not in {m.text for m in entity.mentions} else entity.name
        entity.aliases = sorted({m.text for m in entity.mentions} - {entity.name})
    for new in added:
        new.aliases = sorted({m.text for m in new.mentions} - {new.name})
    entities.extend(added)
    return bool(added)
