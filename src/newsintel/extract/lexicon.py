"""The editable word lists behind extraction, loaded once into lookup tables."""

from __future__ import annotations

import functools
from dataclasses import dataclass, field

from newsintel.resources import load_yaml


@dataclass(slots=True)
class EventType:
    name: str
    plover: str
    verbs: dict[str, list[str]] = field(default_factory=dict)  # lemma -> required dependent lemmas ([] = none)
    nouns: frozenset[str] = frozenset()
    needs_place: frozenset[str] = frozenset()
    passive_only: frozenset[str] = frozenset()
    not_with_object: frozenset[str] = frozenset()
    place_object: str | None = None
    join_objects: frozenset[str] = frozenset()
    noun_not_with_compound: frozenset[str] = frozenset()
    in_is_destination: frozenset[str] = frozenset()
    vehicle_verbs: frozenset[str] = frozenset()
    smuggler_nouns: frozenset[str] = frozenset()
    transport_verbs: frozenset[str] = frozenset()
    not_passive: frozenset[str] = frozenset()
    town_object: dict | None = None
    not_with_money: frozenset[str] = frozenset()
    vehicle_attack_verbs: frozenset[str] = frozenset()
    vehicle_subject_verbs: frozenset[str] = frozenset()
    crowd_nouns: frozenset[str] = frozenset()
    rampage_vehicles: frozenset[str] = frozenset()
    noun_needs_participant: frozenset[str] = frozenset()
    instruments: frozenset[str] = frozenset()
    needs_aim: frozenset[str] = frozenset()
    noun_governors: dict[str, frozenset[str]] = field(default_factory=dict)
    plural_only: frozenset[str] = frozenset()
    with_is_target: frozenset[str] = frozenset()
    not_reflexive: frozenset[str] = frozenset()
    reflexive_only: frozenset[str] = frozenset()
    not_with_person: dict[str, frozenset[str]] = field(default_factory=dict)
    coordinated_only: frozenset[str] = frozenset()  # triggers only beside another trigger of the type


@dataclass(slots=True)
class Lexicon:
    types: dict[str, EventType]
    verb_index: dict[str, list[tuple[EventType, list[str]]]]  # lemma -> candidate (type, required dependents)
    noun_index: dict[str, EventType]
    modality: dict
    attribution: dict
    relations: dict
    quantities: dict
    irregular_forms: frozenset[str]
    surface_words: frozenset[str]
    vehicles: frozenset[str]
    collectives: frozenset[str]
    object_control: frozenset[str]
    accusation_nouns: frozenset[str]
    non_agents: frozenset[str]
    purpose_nouns: frozenset[str]
    generic_determiners: frozenset[str] = frozenset()
    restating_heads: frozenset[str] = frozenset()
    lemma_fixes: dict[str, str] = field(default_factory=dict)  # word form -> its lemma, where the tagger errs


def inflections(lemma: str) -> set[str]:
    """Regular English inflections of a verb or noun lemma (arrest -> arrests, arrested, arresting)."""
    forms = {lemma, lemma + "s", lemma + "es", lemma + "ed", lemma + "d", lemma + "ing"}
    if lemma.endswith("e"):
        forms |= {lemma[:-1] + "ing", lemma + "d"}
    if lemma.endswith("y") and len(lemma) > 2 and lemma[-2] not in "aeiou":
        forms |= {lemma[:-1] + "ied", lemma[:-1] + "ies"}
    if len(lemma) >= 3 and lemma[-1] not in "aeiouwxy" and lemma[-2] in "aeiou" and lemma[-3] not in "aeiou":
        forms |= {lemma + lemma[-1] + "ed", lemma + lemma[-1] + "ing"}  # slip -> slipped, slipping
    return forms


def _split(entry: str) -> tuple[str, list[str]]:
    words = entry.split()
    return words[0], words[1:]


@functools.cache
def lexicon() -> Lexicon:
    events = load_yaml("events.yaml")
    irregular = frozenset(events.pop("irregular_forms", []))
    vehicles = frozenset(events.pop("vehicles", []))
    collectives = frozenset(events.pop("collectives", []))
    object_control = frozenset(events.pop("object_control_verbs", []))
    accusation_nouns = frozenset(events.pop("accusation_nouns", []))
    non_agents = frozenset(events.pop("non_agents", []))
    purpose_nouns = frozenset(events.pop("purpose_nouns", []))
    generic_determiners = frozenset(events.pop("generic_determiners", []))
    restating_heads = frozenset(events.pop("restating_heads", []))
    lemma_fixes = dict(events.pop("lemma_fixes", None) or {})
    types: dict[str, EventType] = {}
    verb_index: dict[str, list[tuple[EventType, list[str]]]] = {}
    noun_index: dict[str, EventType] = {}
    for name, spec in events.items():
        etype = EventType(
            name=name, plover=spec["plover"],
            nouns=frozenset(spec.get("nouns", [])), needs_place=frozenset(spec.get("needs_place", [])),
            passive_only=frozenset(spec.get("passive_only", [])),
            not_with_object=frozenset(spec.get("not_with_object", [])), place_object=spec.get("place_object"),
            join_objects=frozenset(spec.get("join_objects", [])),
            noun_not_with_compound=frozenset(spec.get("noun_not_with_compound", [])),
            in_is_destination=frozenset(spec.get("in_is_destination", [])),
            vehicle_verbs=frozenset(spec.get("vehicle_verbs", [])),
            smuggler_nouns=frozenset(spec.get("smuggler_nouns", [])),
            transport_verbs=frozenset(spec.get("transport_verbs", [])),
            not_passive=frozenset(spec.get("not_passive", [])), town_object=spec.get("town_object"),
            not_with_money=frozenset(spec.get("not_with_money", [])),
            vehicle_attack_verbs=frozenset(spec.get("vehicle_attack_verbs", [])),
            vehicle_subject_verbs=frozenset(spec.get("vehicle_subject_verbs", [])),
            crowd_nouns=frozenset(spec.get("crowd_nouns", [])),
            rampage_vehicles=frozenset(spec.get("rampage_vehicles", [])),
            noun_needs_participant=frozenset(spec.get("noun_needs_participant", [])),
            instruments=frozenset(spec.get("instruments", [])), needs_aim=frozenset(spec.get("needs_aim", [])),
            noun_governors={noun: frozenset(verbs) for noun, verbs in (spec.get("noun_governors") or {}).items()},
            plural_only=frozenset(spec.get("plural_only", [])),
            with_is_target=frozenset(spec.get("with_is_target", [])),
            not_reflexive=frozenset(spec.get("not_reflexive", [])),
            reflexive_only=frozenset(spec.get("reflexive_only", [])),
            not_with_person={lemma: frozenset(words) for lemma, words in (spec.get("not_with_person") or {}).items()},
            coordinated_only=frozenset(spec.get("coordinated_only", [])),
        )
        for entry in spec.get("verbs", []):
            lemma, required = _split(entry)
            etype.verbs.setdefault(lemma, []).append(" ".join(required))
            verb_index.setdefault(lemma, []).append((etype, required))
        for lemma in etype.vehicle_verbs:  # "took a bus to": the vehicle object completes the trigger
            verb_index.setdefault(lemma, []).append((etype, ["<vehicle>"]))
        for noun in etype.nouns:
            noun_index.setdefault(noun, etype)
        types[name] = etype
    # Triggers that need a dependent are tried first: "slip into" before a bare "slip".
    for options in verb_index.values():
        options.sort(key=lambda o: -len(o[1]))
    modality, attribution = load_yaml("modality.yaml"), load_yaml("attribution.yaml")
    relations, quantities = load_yaml("relations.yaml"), load_yaml("quantities.yaml")
    surface = set(verb_index) | set(noun_index) | set(attribution["verbs"]) | {"according"}
    surface |= set(load_yaml("claim_content.yaml")["cue_verbs"])  # claim-only cues ("concluded that")
    for etype in types.values():
        surface |= etype.transport_verbs | etype.smuggler_nouns | etype.vehicle_attack_verbs
        surface |= etype.vehicle_subject_verbs
    for key in ("governors", "words", "adverbs", "auxiliaries", "markers"):
        for cues in modality.values():
            surface |= {w.split()[0] for w in cues.get(key, [])}
    for key in ("position_nouns", "member_nouns", "family_nouns", "spouse_nouns", "associate_nouns"):
        surface |= set(relations[key])
    surface |= {w.split()[0] for w in relations["alias_cues"]}
    surface |= set(quantities["units"]) | set(quantities["scales"]) | {w.split()[0] for w in quantities["vague"]}
    forms = {form for word in surface for form in inflections(word.lower())} | irregular | set(lemma_fixes)
    return Lexicon(types, verb_index, noun_index, modality, attribution, relations, quantities, irregular,
                   frozenset(forms), vehicles, collectives, object_control, accusation_nouns,
                   non_agents, purpose_nouns, generic_determiners, restating_heads, lemma_fixes)
