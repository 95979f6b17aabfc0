"""The figures conflicts are looked for in: each counted figure with what it is about and what qualifies it.

What a figure is about comes from the events of its sentence, else of the nearest of the sentences just before it,
else of the document's lead (a figure deep in a report with no event near it is usually about the event the
report opens with). Each event gives its family (TRAVEL, FLEE and EVACUATE are one "leaving") and, per role, the
resolved identities of its arguments: a place by its gazetteer entry when geocoded (so "Raqqa" and "Raqqah" are
one place even when resolution kept them apart), anything else by its identity, never by the words used.

What qualifies a figure (whose figure it is) is the nationalities and places of the counted phrase ("300
Belgian fighters") and the places of its sentence ("Bosnia saw 300 citizens travel to Syria"), by country for
countries and nationality adjectives, else by gazetteer entry or identity; when two figures are compared, the
places where their shared event goes are taken out (`conflicts.same_qualifiers`).

A figure's date is its events' stated time, else its report's publication day; but a figure with no time of its own
in a report that recalls a past incident has an unknown date (`undated`): a report published in 2025 that retells
a 2017 convoy without restating the year is not about a convoy of 2025. The report recalls one when it dates events
of the figure's family only long before it was published ("the evacuation ... in October 2017" beside "he had left
the city"; one of them dated near its publication day and the family is today's news too), when every dated event
of its head is that old (a retrospective), or when the figure's sentence states such an old date ("officials said
in 2017 that fewer than 300 had left"). A figure with no time of its own whose report dates events of its family
long before and also near its publication keeps the report's day but `recalls`: outside the head it may be about
either. The tense is no sign: reported speech puts today's deaths in the past
perfect ("police said five people had died").
"""

from __future__ import annotations

import functools
import math
import re
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from newsintel.nlp.country_words import country_words
from newsintel.nlp.gazetteer import fold
from newsintel.resolve.place_names import place_ref
from newsintel.resolve.story_incidents import stated_date
from newsintel.resources import load_yaml
from newsintel.store import document_reads as reads
from newsintel.store.gateway import Database

Anchor = tuple[str, str, str]  # (event family, role, place or group key)
WHO = "who"  # the role holding the identities of the named people an event is done by or to


@functools.cache
def config() -> dict[str, Any]:
    data = dict(load_yaml("conflicts.yaml"))
    data["classes"] = {word: name for name, words in data["counted_classes"].items() for word in words}
    data["families"] = {t: name for name, types in data["event_families"].items() for t in types}
    return data


@dataclass(slots=True)
class Figure:
    """One counted figure, its range, what it is about and what qualifies it."""

    document: str
    sentence: int
    kind: str  # counted class: people, euros, ...
    range: tuple[float, float]
    fact: dict[str, Any]
    story: int | None = None
    anchors: set[Anchor] = field(default_factory=set)  # (family, role, key) of places and groups
    events: dict[str, dict[str, set[str]]] = field(default_factory=dict)  # family -> role -> every linked key
    qualifiers: frozenset[str] = frozenset()
    lead: frozenset[str] = frozenset()  # keys of what the document's first sentences name (its main places)
    from_lead: bool = False  # no event near it: it is taken to be about the document's lead event
    when: tuple[str, str] | None = None  # first and last ISO day of its events' stated time, if any
    published: str | None = None  # ISO day the document was published
    outcome: str | None = None  # what happened to the counted: killed, injured, ... (data/conflicts.yaml)
    head: bool = False  # in its report's first sentences: about the incident the report is on
    undated: bool = False  # no time of its own in a report recalling a past incident: its date is unknown
    recalls: bool = False  # no time of its own, and its report dates events of its family long before publication


def counted_class(counted: str) -> str | None:
    classes = config()["classes"]
    for word in reversed(counted.lower().replace('"', " ").split()):
        if word in classes:
            return classes[word]
    return None


def value_range(q: dict[str, Any]) -> tuple[float, float] | None:
    """(low, high) of a figure. A lower bound ("at least 59", "more than 50") is open above; an upper bound
    ("up to 5,000", "as many as") is an estimate of its value, as reporters use it. Vague plurals ("dozens",
    "thousands": no value) are nobody's figure: None."""
    value, low, high = q.get("value"), q.get("low"), q.get("high")
    if value is None:
        return None
    if high is not None:
        return float(low if low is not None else high), float(high)
    if low is not None:
        return float(low), math.inf
    return float(value), float(value)


@dataclass(slots=True)
class _Entity:
    identity: str | None
    kind: str | None  # identity kind: person, org, place
    key: str  # what the entity is, for comparing across documents
    named_place: bool  # a place named as such (not a nationality adjective: "most were Syrians")


def _entities(conn: Database, doc_id: str) -> dict[str, _Entity]:
    out = {}
    for r in reads.entity_links(conn, doc_id):
        ref = place_ref(r["geonameid"], r["lat"], r["lon"])
        geo = f"g:{ref}" if ref else None
        country = f"c:{r['country']}" if r["geo_kind"] == "country" and r["country"] else None
        key = country or geo or (r["identity_id"] and f"i:{r['identity_id']}") or f"e:{r['id']}"
        kind = r["kind"] or ("place" if geo else None)
        out[r["id"]] = _Entity(r["identity_id"], kind, key, kind == "place" and r["type"] in config()["place_types"])
    return out


def _events(conn: Database, doc_id: str, entities: dict[str, _Entity]
            ) -> dict[int, dict[str, dict[str, set[str]]]]:
    """sentence -> event family -> role -> keys of its linked arguments (a family with no linked argument is
    still there, with no roles). A place argument named but not linked ("at the Brussels airport") counts as an
    unknown place ("u:brussels airport"): a place, though not one to anchor on; "the city" counts as none. The
    resolved people it is done by or to are under `WHO` too (two attacks by different men are two incidents)."""
    cfg = config()
    roles = cfg["roles"]
    out: dict[int, dict[str, dict[str, set[str]]]] = defaultdict(dict)
    for sentence, event, _ in reads.events(conn, doc_id):
        family = cfg["families"].get(event["type"], event["type"])
        by_role = out[sentence].setdefault(family, {})
        for role, short in roles.items():
            for arg in event.get(role) or []:
                entity = entities.get(arg.get("entity") or "")
                if entity is not None:
                    by_role.setdefault(short, set()).add(entity.key)
                    if entity.kind == "person" and entity.identity and role in ("actors", "targets"):
                        by_role.setdefault(WHO, set()).add(entity.key)
                elif role in cfg["place_roles"] and any(w[:1].isupper() for w in (arg.get("text") or "").split()):
                    by_role.setdefault(short, set()).add("u:" + fold(arg["text"]))
    return out


def _about(events: dict[int, dict[str, dict[str, set[str]]]], sentence: int
           ) -> tuple[dict[str, dict[str, set[str]]], list[int], bool]:
    """(the events a figure is about, the sentences they are in, whether they are the lead's): its sentence's,
    else the nearest ones before it, else the lead's."""
    cfg = config()
    for back in range(cfg["sentence_window"] + 1):
        if events.get(sentence - back):
            return events[sentence - back], [sentence - back], False
    lead: dict[str, dict[str, set[str]]] = {}
    for s in range(cfg["lead_sentences"]):
        for family, roles in events.get(s, {}).items():
            for role, keys in roles.items():
                lead.setdefault(family, {}).setdefault(role, set()).update(keys)
            lead.setdefault(family, {})
    return lead, list(range(cfg["lead_sentences"])), True


def _word_key(word: str) -> str | None:
    """A capitalised word of the counted phrase as a qualifier: its country when it names one ("Belgian",
    "Kosovo"), else the folded word. The gazetteer's answer, from its small cached table (no gazetteer load)."""
    country = country_words().country_of(word)
    if country:
        return f"c:{country}"
    folded = fold(word)
    return f"w:{folded}" if folded and folded not in config()["not_qualifiers"] else None


def _phrase_qualifiers(counted: str, number_text: str) -> set[str]:
    number = {w.lower() for w in number_text.split()}
    out = set()
    for word in counted.replace('"', " ").split():
        if word[:1].isupper() and word.lower() not in number and not word[:1].isdigit():
            key = _word_key(word)
            if key:
                out.add(key)
    return out


def _sentence_places(conn: Database, doc_id: str, sentence: int, entities: dict[str, _Entity]) -> set[str]:
    """Every place of the figure's sentence (where the event goes is taken out when two figures are compared)."""
    out = set()
    for entity_id in reads.entities_mentioned(conn, doc_id, sentence=sentence):
        entity = entities.get(entity_id)
        if entity is not None and entity.named_place:
            out.add(entity.key)
    return out


def _outcome(text: str, start: int) -> str | None:
    """What happened to the counted ("killed", "injured", ...): the outcome word nearest the figure in its sentence
    ("84 people have died and 18 are critically injured": 84 died). Figures with different outcomes, or one with
    and one without, are not about the same thing."""
    best: tuple[int, str] | None = None
    for outcome, words in config()["outcomes"].items():
        for word in words:
            for m in re.finditer(rf"\b{re.escape(word)}\b", text, flags=re.IGNORECASE):
                distance = abs(m.start() - start)
                if best is None or distance < best[0]:
                    best = (distance, outcome)
    return best[1] if best else None


def toll_class(text: str, start: int, end: int) -> str | None:
    """The class of a number that counts nothing by name but is a toll: "Five dead, 12 injured", "the death toll
    rose to seven" count people (`toll_words` in data/conflicts.yaml)."""
    cfg = config()["toll_words"]
    after = re.findall(r"[a-z]+", text[end:end + 30].lower())[:1]
    before = re.findall(r"[a-z]+", text[max(0, start - 200):start].lower())[-cfg["toll_before_words"]:]
    return "people" if (after and after[0] in cfg["after"]) or set(before) & set(cfg["before"]) else None


def document_figures(conn: Database, doc_id: str, story: int | None) -> list[Figure]:
    """The figures of one stored document that count a known class and are about an event, or (a toll with what
    happened to the counted) stand in its first sentences: about the incident the report is on."""
    rows = reads.quantities(conn, doc_id)
    if not rows:
        return []
    sentences = _sentences(conn, doc_id)
    facts = []
    for sentence, fact in rows:
        start, text = sentences.get(sentence, (0, ""))
        counted = (fact.get("counted") or {}).get("text")
        kind = counted_class(counted) if counted else toll_class(text, fact["start"] - start, fact["end"] - start)
        span = value_range(fact)
        if kind and span is not None:
            facts.append((sentence, fact, kind, span))
    if not facts:
        return []
    stated = reads.published(conn, doc_id)
    published = stated[:10] if stated else None
    entities = _entities(conn, doc_id)
    events, times = _events(conn, doc_id, entities), _times(conn, doc_id)
    lead = _lead(conn, doc_id, entities)
    old_families, recent_families, retrospective = _dated_families(conn, doc_id, published)
    figures = []
    for sentence, fact, kind, span in facts:
        about, used, from_lead = _about(events, sentence)
        start, text = sentences.get(sentence, (0, ""))
        outcome = _outcome(text, fact["start"] - start)
        head = sentence < config()["story_lead_sentences"]
        if not about and not (head and outcome):
            continue
        qualifiers = _phrase_qualifiers((fact.get("counted") or {}).get("text") or "", fact.get("text") or "")
        qualifiers |= _sentence_places(conn, doc_id, sentence, entities)
        when = _span([t for s in used for t in times[s]])
        recalls = when is None and bool(set(about) & old_families)
        undated = when is None and published is not None and (
            retrospective or bool(set(about) & (old_families - recent_families))
            or _long_before(stated_date(text), published))
        figures.append(Figure(doc_id, sentence, kind, span, fact, story, _anchors(about, entities), about,
                              frozenset(qualifiers), lead, from_lead, when, published, outcome, head, undated,
                              recalls))
    return figures


def _long_before(value: str | None, published: str) -> bool:
    """A normalised time value ("2017-10-01/2017-10-31") that ends more than `apart_days` before `published`."""
    if not value:
        return False
    first, _, last = value.partition("/")
    try:
        return (date.fromisoformat(published) - date.fromisoformat((last or first)[:10])).days > config()["apart_days"]
    except ValueError:
        return False


def _dated_families(conn: Database, doc_id: str, published: str | None
                    ) -> tuple[set[str], set[str], bool]:
    """(the event families the report dates long before its publication, those it dates near it or later, whether
    every dated event of its head is that old: a report retelling a past incident). See the module docstring."""
    if published is None:
        return set(), set(), False
    cfg = config()
    old_families: set[str] = set()
    recent_families: set[str] = set()
    head_old = head_recent = False
    for sentence, event, value in reads.events(conn, doc_id, dated_only=True):
        old = _long_before(value, published)
        event_type = event.get("type") or ""
        (old_families if old else recent_families).add(cfg["families"].get(event_type, event_type))
        if sentence < cfg["story_lead_sentences"]:
            head_old, head_recent = head_old or old, head_recent or not old
    return old_families, recent_families, head_old and not head_recent


def _sentences(conn: Database, doc_id: str) -> dict[int, tuple[int, str]]:
    """Sentence index -> (start offset, text)."""
    return reads.sentence_texts(conn, doc_id)


def _times(conn: Database, doc_id: str) -> dict[int, list[tuple[str, str]]]:
    """Sentence -> (first, last) ISO day of each of its events' stated times ("October 2017" -> 2017-10-01,
    2017-10-31)."""
    out: dict[int, list[tuple[str, str]]] = defaultdict(list)
    for sentence, _, value in reads.events(conn, doc_id, dated_only=True):
        first, _, last = value.partition("/")
        out[sentence].append((first[:10], (last or first)[:10]))
    return out


def _span(times: list[tuple[str, str]]) -> tuple[str, str] | None:
    return (min(t[0] for t in times), max(t[1] for t in times)) if times else None


def _anchors(about: dict[str, dict[str, set[str]]], entities: dict[str, _Entity]) -> set[Anchor]:
    """Places and groups of the events, the finest only: "Nice, France" anchors on Nice (a country is shared by
    too many things to say two figures are about one)."""
    kinds = set(config()["anchor_kinds"])
    kind_of = {e.key: e.kind for e in entities.values()}
    out = set()
    for family, roles in about.items():
        for role, keys in roles.items():
            keys = {k for k in keys if kind_of.get(k) in kinds}
            finer = {k for k in keys if not k.startswith("c:")}
            out |= {(family, role, k) for k in (finer or keys)}
    return out


def _lead(conn: Database, doc_id: str, entities: dict[str, _Entity]) -> frozenset[str]:
    lead = reads.entities_mentioned(conn, doc_id, before=config()["story_lead_sentences"])
    return frozenset(entities[e].key for e in lead if e in entities)


def all_figures(conn: Database) -> list[Figure]:
    stories = reads.shared_story_of(conn)
    figures = []
    for doc_id in reads.documents_with_quantities(conn):
        figures.extend(document_figures(conn, doc_id, stories.get(doc_id)))
    return figures
