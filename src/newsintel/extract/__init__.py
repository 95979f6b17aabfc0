"""Extract: events, modality, attribution, time, quantities, claims, relations, person attributes and described
actors.

Runs on the spaCy Doc of a document after NER and grouping, and fills the `Record`'s lists. Only sentences that
can hold a fact are dependency-parsed (see `parse.py`).
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc

from newsintel.extract.actors import build_actors
from newsintel.extract.anaphors import (
    mark_genders,
    plural_candidate_between,
    resolve_pairs,
    tie_epithets,
    undo_gender_clashes,
)
from newsintel.extract.args import PLURAL_PRONOUNS, MentionIndex
from newsintel.extract.attribution import attribution_for
from newsintel.extract.claims import extract_claims
from newsintel.extract.confidence import TriggerEvidence, score_record
from newsintel.extract.credits import set_aside_credits
from newsintel.extract.event_time import event_time
from newsintel.extract.events import event_record, extract_events
from newsintel.extract.modality import blocked_by, modality_of
from newsintel.extract.namesakes import split_namesakes
from newsintel.extract.parse import ParsedSentence, parse_sentences
from newsintel.extract.quantities import extract_quantities
from newsintel.extract.quoted import attribute_quotations
from newsintel.extract.quoted_pronouns import unsure_quoted_pronouns
from newsintel.extract.relations import extract_relations, person_attributes, relations_from_events, retype_people
from newsintel.extract.self_reference import drop_self_actors, unlink_speaker_pronouns
from newsintel.extract.speakers import finish_speakers
from newsintel.extract.triggers import lemma_of
from newsintel.model import Record, sentence_at
from newsintel.resources import load_yaml


def resolve_plural_pronouns(events: list[dict[str, Any]], people: dict[str, str], reach: int = 2,
                            between: Callable[[int, int, set[str], range], list[dict[str, Any]] | None] | None = None
                            ) -> None:
    """"The two brothers reached Gaziantep. They crossed into Syria": an actor "they" stands for the actors of the
    nearest earlier event (at most `reach` sentences back) that named them, unless `between` finds someone else
    who could be "they" named after that event: then that one, or no one when it is unclear
    (`anaphors.plural_candidate_between`)."""
    last: tuple[int, list[dict[str, Any]], int] | None = None
    for event in sorted(events, key=lambda e: e["start"]):
        actors = event["actors"]
        word = actors[0]["text"].lower().split()[-1] if len(actors) == 1 else ""
        if word in PLURAL_PRONOUNS and actors[0]["text"].lower().startswith(("one ", "another ", "each ")):
            continue  # "one of them" is one member of the set: a described actor (actors.py), not all of them
        if word in PLURAL_PRONOUNS and actors[0]["entity"] is None:  # "they", "none of them"
            at = (actors[0].get("_d") or {}).get("start", event["start"])
            if last is not None and event["sentence"] - last[0] <= reach:
                named = None if between is None else between(
                    last[2], at, {a["entity"] for a in last[1] if a["entity"]}, range(last[0], event["sentence"] + 1))
                event["actors"] = [{**a, "mention": actors[0]["text"]} for a in (last[1] if named is None else named)
                                   ] or actors
        elif (moved := _moved_people(event, people)) is not None:
            last = (event["sentence"], moved, event["end"]) if moved else None
        elif _can_be_they(actors, people):
            last = (event["sentence"], actors, event["end"])


def _can_be_they(args: list[dict[str, Any]], people: dict[str, str]) -> bool:
    """Named participants, no pronoun among them, that are not one named person (who cannot be "they")."""
    return bool(args) and not any(a["text"].lower() in PLURAL_PRONOUNS for a in args) and not (
        len(args) == 1 and people.get(args[0]["entity"] or "") == "PERSON")


def _moved_people(event: dict[str, Any], people: dict[str, str]) -> list[dict[str, Any]] | None:
    """The people a caused movement moved, as who a later "they" may be (`moved_target_types`): its targets when
    they are the clause's subject ("40 men were sent back by the army": not the army); an empty list when the mover
    and the moved are both named the other way round ("the army sent back 40 men": "they" is unclear); None when the
    event moved no one named (its actors are read as before)."""
    targets, actors = event["targets"], event["actors"]
    if event["type"] not in moved_target_types() or not _can_be_they(targets, people):
        return None
    first = min(_arg_start(a, event["start"]) for a in targets)
    if not actors or first < event["start"] <= min(_arg_start(a, event["end"]) for a in actors):
        return targets
    return []


def _arg_start(arg: dict[str, Any], default: int) -> int:
    return (arg.get("_d") or {}).get("start", default)


@functools.cache
def moved_target_types() -> frozenset[str]:
    """Event types whose targets are the people moved (data/event_roles.yaml)."""
    return frozenset(load_yaml("event_roles.yaml").get("moved_target_types", []))


def _dedupe(items: list[dict[str, Any]], key: Any) -> list[dict[str, Any]]:
    seen, out = set(), []
    for item in items:
        k = key(item)
        if k not in seen:
            seen.add(k)
            out.append(item)
    return out


def fact_sentences(doc: Doc) -> list:
    """(index, sentence span) of every sentence of `doc`, as `extract_facts` hands them to `parse_sentences`."""
    return _trimmed([(i, s) for i, s in enumerate(s for s in doc.sents if any(not t.is_space for t in s))])


def extract_facts(nlp: Language, doc: Doc, record: Record, parsed: list[ParsedSentence] | None = None) -> None:
    """Fill `record.events`, `quantities`, `claims`, `relations` and person attributes from `doc`; `parsed`:
    its sentences already parsed (`parse_documents` over a batch of documents), else they are parsed here."""
    text, published = record.document.text, record.document.published
    starts = [s.start for s in record.sentences]
    mentions = MentionIndex.build(record.entities)
    if parsed is None:
        parsed = parse_sentences(nlp, doc, fact_sentences(doc))
    for ps in parsed:
        retype_people(ps, mentions)
    if split_namesakes(text, record.entities, record.document.id):  # after retyping: it splits people only
        mentions = MentionIndex.build(record.entities)
    ages = person_attributes(text, record.entities, lambda offset: sentence_at(starts, offset))
    set_aside_credits(text, mentions)  # a photographer or a byline's writer is no antecedent nor speaker
    mark_genders(parsed, mentions)  # after the genders stated beside names ("her husband, X")
    evidence: dict[tuple[int, int], TriggerEvidence] = {}
    for ps in parsed:
        for trigger, args in extract_events(ps, mentions):
            event = event_record(ps, trigger, args, mentions)
            evidence[(event["start"], event["end"])] = TriggerEvidence(
                lemma_of(trigger.token), trigger.nominal, sum(1 for t in ps.doc if not t.is_punct))
            event["modality"] = modality_of(trigger.token)
            if (blocked := blocked_by(trigger.token)) is not None:  # "stopped them from crossing": views/common.py
                start, end = ps.char_span(blocked[0].i, blocked[0].i + 1)
                event["blocked_by"] = {"text": blocked[0].text, "start": start, "end": end, "negated": blocked[1]}
            event["attribution"] = attribution_for(ps, trigger.token, mentions)
            event["time"] = event_time(ps, trigger.token, published, event["modality"])
            record.events.append(event)
        record.claims.extend(extract_claims(ps, mentions))
        record.quantities.extend(extract_quantities(ps, mentions, ages))
        record.relations.extend(extract_relations(ps, mentions))
    by_index = {ps.index: ps for ps in parsed}
    entities = {e.id: e for e in record.entities}
    resolve_plural_pronouns(record.events, {e.id: e.type for e in record.entities}, between=functools.partial(
        plural_candidate_between, mentions=mentions, parsed=by_index))
    undo_gender_clashes(record.events, entities)
    resolve_pairs(record.events, mentions, by_index)
    tie_epithets(record.events, mentions, by_index)
    attribute_quotations(text, record.events, record.claims, mentions, record.quantities, starts)
    unlink_speaker_pronouns(record.events, mentions, text)  # speakers are settled now
    unsure_quoted_pronouns(record.events, mentions, text)
    drop_self_actors(record.events)
    from_events = relations_from_events(record.events, {e.id: e for e in record.entities})
    record.relations.extend(from_events)
    record.relations[:] = _dedupe(record.relations, lambda r: (r["type"], r["subject"]["text"], r["object"]["text"]))
    record.quantities[:] = _dedupe(record.quantities, lambda q: (q["start"], q["end"]))
    build_actors(record, lambda offset: sentence_at(starts, offset))
    finish_speakers(record)
    score_record(record.events, evidence, record.claims, record.quantities, record.relations,
                 {id(r) for r in from_events}, record)


def _trimmed(spans: list) -> list:
    """Sentence spans without leading/trailing whitespace tokens, so offsets match `record.sentences`."""
    out = []
    for i, span in spans:
        tokens = [t for t in span if not t.is_space]
        out.append((i, span.doc[tokens[0].i: tokens[-1].i + 1]))
    return out
