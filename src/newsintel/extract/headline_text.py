"""Reading a title: what of it to parse, and its names linked to the body's (see `headlines.py`).

The title is parsed from a copy of the same length (the "parse text"), so every offset indexes the title: a label
("WATCH:"), a topic ("Brexit:"), a speaker prefix or suffix ("Police:", ": army") and a site name ("| Reuters")
are blanked; a title-case or capitalised headline is put in sentence case except the words the body writes as names
and words no common-word list knows, so title case makes no names. Conventions are data (`data/headlines.yaml`).
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from typing import Any

from spacy.lang.en.stop_words import STOP_WORDS

from newsintel.extract.lexicon import lexicon
from newsintel.model import DocumentInfo, Entity, Mention
from newsintel.resources import load_yaml

LOCAL_ID = "-h-"  # in the id of an entity the title names and the body does not (never stored)
_WORD = re.compile(r"[^\W\d_][\w'’.&-]*|\d[\w,.]*")
_POSSESSIVE_WORD = re.compile(r"(?:[^\W\d_][\w'’.&-]*?|\d[\w,.]*?)(['’]s)?(?![\w'’.&-])")  # "Haddad's": Haddad
_QUOTED = re.compile(r"[\"“‘'][^\"“”‘’]{2,}[\"”’']")  # a quotation: its hedges are the quoted speaker's
_NAME_WORD = re.compile(r"(?<![.!?:\"“‘'\n]\s)(?<!^)\b[A-Z][\w'’-]*", re.M)


@functools.cache
def conventions() -> dict[str, Any]:
    return load_yaml("headlines.yaml")


@dataclass(slots=True)
class HeadlinePlan:
    """What to parse of a title, and the conventions its wording shows."""

    title: str
    text: str  # same length as `title`: furniture blanked, title case put in sentence case; parsed instead of it
    speaker: tuple[int, int] | None  # offsets of a "Police:" prefix or ": army" suffix
    question: bool
    hedged: bool


def words(text: str) -> list[str]:
    return [w.lower() for w in _WORD.findall(text)]


def _has_phrase(text: str, phrases: list[str]) -> bool:
    low = " " + " ".join(words(text)) + " "
    return any(f" {p.lower()} " in low for p in phrases)


def _site_end(title: str, source: str | None) -> int:
    """Where the headline ends before a site name ("... | Reuters", "... - Auto News")."""
    cfg = conventions()
    end = len(title)
    for sep in cfg["site_separators"]:
        at = title.rfind(sep)
        if at <= 0:
            continue
        tail = title[at + len(sep):].strip()
        parts = tail.split()
        publisher = bool(source) and bool(parts) and set(words(tail)) <= {*words(source or ""), "news"}
        short_title_case = 0 < len(parts) <= cfg["site_name_max_words"] and all(
            w[:1].isupper() or not w[:1].isalpha() for w in parts)
        if sep.strip() == "|" or publisher or (short_title_case and len(title[:at].split()) >= 3):
            end = min(end, at)
    return end


def _blank(text: str, start: int, end: int) -> str:
    return text[:start] + " " * (end - start) + text[end:]


def _is_speaker(words: list[str], names: set[str]) -> bool:
    """A short prefix or suffix that names who says it: a speaker noun, or a name the body writes as one."""
    cfg = conventions()
    if not words or len(words) > cfg["speaker_max_words"]:
        return False
    phrase = " ".join(words)
    nouns = {n.lower() for n in cfg["speaker_nouns"]}
    return phrase in nouns or words[-1] in nouns or phrase in names


def body_name_words(body: str) -> set[str]:
    """Words the body writes capitalised where no sentence starts: its names ("Haliti", "Raqqa", "UN")."""
    return {m.group() for m in _NAME_WORD.finditer(body)}


def _common_words(body: str) -> frozenset[str]:
    """Lower-case words a title-case headline may hold: English stop words, trigger and cue words in any
    inflection, and every word the body writes in lower case."""
    return frozenset(STOP_WORDS) | lexicon().surface_words | frozenset(re.findall(r"\b[a-z][a-z'’-]*\b", body))


def _sentence_case(text: str, names: set[str], start: int, common: frozenset[str]) -> str:
    """A title-case or capitalised headline in sentence case: a word the body writes as a name keeps the body's
    spelling, a common word is put in lower case, any other word (a name the body lacks) keeps its capital; each
    word keeps its length, so offsets hold."""
    lower_names = {n.lower(): n for n in names}
    out = list(text)
    first = True
    for m in _WORD.finditer(text):
        word = m.group()
        if m.start() < start or not word[:1].isalpha():
            continue
        low = word.lower()
        known = lower_names.get(low)
        if known is not None:
            new = known
        elif first or low not in common:
            new = word[0] + low[1:] if word.isupper() and len(word) > 4 else word  # "TURKEY"; "UN" stays
        else:
            new = low
        first = False
        if len(new) == len(word):
            out[m.start():m.end()] = new
    return "".join(out)


def title_cased(text: str) -> bool:
    words = [w for w in _WORD.findall(text) if w[:1].isalpha()][1:]
    if len(words) < 3:
        return False
    if all(w.isupper() for w in words if len(w) > 1):
        return True
    return sum(1 for w in words if w[:1].isupper()) >= 0.75 * len(words)


def _copies_lead(title: str, body: str) -> bool:
    cfg = conventions()
    title_words = words(title)
    lead = words(body[: cfg["copy_window_chars"]])
    if not title_words:
        return True
    n = sum(1 for a, b in zip(title_words, lead, strict=False) if a == b)
    return n >= cfg["copy_share"] * len(title_words)


def plan_headline(info: DocumentInfo) -> HeadlinePlan | None:
    """The title to read for facts, or None: no title, too long, a copy of the body's opening, an opinion."""
    cfg = conventions()
    title = (info.title or "").replace("\n", " ")
    if not title.strip() or len(title) > cfg["max_chars"] or len(title) > len(info.text):
        return None
    if _copies_lead(title, info.text):
        return None
    text = _blank(title, _site_end(title, info.source), len(title))
    names = body_name_words(info.text)
    body_names = {w.lower() for w in names}
    speaker = None
    suffix = re.search(r":\s*([^:]{1,40})\s*$", text)
    if suffix and _is_speaker(words(suffix.group(1)), body_names):  # "... punched a soldier: army"
        speaker = (suffix.start(1), suffix.end(1))
        text = _blank(text, suffix.start(), len(text))
    for _ in range(2):  # "UPDATE: Police: ..." — a label, then a speaker or a topic
        colon = re.match(r"\s*([^:|]{1,40}?)\s*[:|]\s+", text)
        if not colon:
            break
        prefix = words(colon.group(1))
        phrase = " ".join(prefix)
        if phrase in {w.lower() for w in cfg["no_fact_labels"]}:
            return None
        if phrase in {w.lower() for w in cfg["labels"]}:
            text = _blank(text, 0, colon.end())
            continue
        if speaker is None and _is_speaker(prefix, body_names):
            speaker = (colon.start(1), colon.end(1))
        elif len(prefix) > cfg["topic_max_words"] and not _QUOTED.fullmatch(colon.group(1)):
            break  # a clause before a colon is the statement itself
        text = _blank(text, 0, colon.end())  # a topic ("Brexit:") or the speaker: neither is in the statement
        break
    body = text.strip()
    if not body or len(words(body)) < 2:
        return None
    if not re.search(r"\d", body) and lexicon().surface_words.isdisjoint(re.findall(r"[^\W\d_]+", body.lower())):
        return None  # no trigger, cue or number: nothing the extraction could read (as parse.py's test)
    if body[:1] in "\"“‘'" and body[-1:] in "\"”’'" and speaker is None:
        return None  # a quoted headline with no speaker: who says it is unknown
    first = len(text) - len(text.lstrip())
    if title_cased(body):
        text = _sentence_case(text, names, first, _common_words(info.text))
    opening = words(body)
    question = body.endswith("?") or (opening[0] in cfg["question_openers"] and not body.endswith("."))
    return HeadlinePlan(title, text, speaker, question, _has_phrase(_QUOTED.sub(" ", body), cfg["hedges"]))


# --------------------------------------------------------------------------
# Names: the title's entities linked to the body's
# --------------------------------------------------------------------------


def _fold(text: str) -> str:
    text = re.sub(r"['’]s$", "", text.strip())
    return " ".join(words(text))


def _body_keys(entities: list[Entity]) -> dict[str, Entity]:
    """Folded name, alias, mention text, or the surname of one body person -> the body entity (unique keys only)."""
    keys: dict[str, set[str]] = {}
    by_id = {e.id: e for e in entities}
    for entity in entities:
        forms = {entity.name, *entity.aliases, *(m.text for m in entity.mentions)}
        if entity.type == "PERSON":
            forms |= {f.split()[-1] for f in list(forms) if len(f.split()) > 1}
        for form in forms:
            key = _fold(form)
            if len(key) >= 2:
                keys.setdefault(key, set()).add(entity.id)
    return {k: by_id[next(iter(ids))] for k, ids in keys.items() if len(ids) == 1}


def _copy_of(body: Entity, mentions: list[Mention]) -> Entity:
    return Entity(body.id, body.name, body.type, list(body.aliases), mentions, dict(body.attributes), body.geo)


def link_entities(title_entities: list[Entity], body: list[Entity], plan: HeadlinePlan) -> list[Entity]:
    """The title's entities as body entities (same id) where the body names them; a name only the title has is kept
    (a local id, never stored) unless it is a lone word tagged PERSON, or the headline is in title case and it is
    no place the gazetteer resolves."""
    keys = _body_keys(body)
    longest = max((len(k.split()) for k in keys), default=0)
    linked: dict[str, Entity] = {}
    taken: list[tuple[int, int]] = []
    spans = [(m.start(), m.end() - len(m.group(1) or ""), m.group().lower()[:len(m.group()) - len(m.group(1) or "")])
             for m in _POSSESSIVE_WORD.finditer(plan.text)]
    for n in range(min(longest, len(spans)), 0, -1):  # body names the NER missed in the headline, longest first
        for i in range(len(spans) - n + 1):
            start, end = spans[i][0], spans[i + n - 1][1]
            entity = keys.get(" ".join(w for _, _, w in spans[i:i + n]))
            if entity is None or any(start < e and s < end for s, e in taken):
                continue
            if not plan.title[start].isupper() and (end - start < 4 or not plan.title.islower()):
                continue  # "us", "will", "may" in lower case are words, not names
            taken.append((start, end))
            mention = Mention(plan.title[start:end], start, end, 0, entity.type)
            linked.setdefault(entity.id, _copy_of(entity, [])).mentions.append(mention)
    title_case = title_cased(plan.title)
    local: list[Entity] = []
    for entity in title_entities:
        mentions = [m for m in entity.mentions if not any(m.start < e and s < m.end for s, e in taken)]
        if not mentions:
            continue
        found = next((keys[k] for k in (_fold(m.text) for m in mentions) if k in keys), None)
        if found is not None:
            linked.setdefault(found.id, _copy_of(found, [])).mentions.extend(mentions)
        elif (entity.geo is not None if title_case else not (entity.type == "PERSON" and len(entity.name.split()) < 2)):
            local.append(Entity(entity.id, entity.name, entity.type, [], mentions, {}, entity.geo))
    return [*linked.values(), *local]
