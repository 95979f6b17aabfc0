"""Confidence and "why" for every extracted fact, from the evidence in its own report (`data/confidence.yaml`).

Precision comes before recall for an analyst, but a rule set cannot drop every doubtful fact without losing good
ones. So every event, claim, quantity and relation says how sure the extraction is (`confidence` in [0, 1]) and
which evidence made it and which weakened it (`why`); views rank by it and hide what is under a threshold. The
score is a product of factors, one per weakness, so each can be checked against the gold and re-set as data.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass, field
from typing import Any

from newsintel.model import Record
from newsintel.resources import load_yaml

PARTICIPANT_ROLES = ("actors", "targets")
PLACE_ROLES = ("location", "origin", "destination", "via")
PLACE_TYPES = frozenset({"GPE", "LOC", "FAC"})
SENTENCE_ENDS = (".", "!", "?", ":", ";")
CLOSING_MARKS = "\"'”’) "
FIRST_PERSON = frozenset({"i", "we", "me", "us", "my", "our"})
WORD_EDGES = ",.;:!?\"'“”‘’()[]"
PRONOUN_WORDS = frozenset({"he", "she", "they", "him", "her", "them", "it", "we", "us", "i", "you", "his", "their",
                           "its", "who", "whom", "himself", "herself", "themselves"})


@dataclass(frozen=True, slots=True)
class TriggerEvidence:
    """What the parse knew about an event's trigger, which the JSON shape does not keep."""

    lemma: str
    nominal: bool
    sentence_tokens: int


@dataclass(frozen=True, slots=True)
class ReportContext:
    """What a fact's own report says around it, which the fact's JSON shape does not hold: its sentences and where
    place names are mentioned. Built once per report (`of`); facts of a report scored without it lose only the
    sentence evidence."""

    text: str = ""
    sentences: tuple[tuple[int, int], ...] = ()
    places: dict[int, tuple[str, ...]] = field(default_factory=dict)  # sentence -> place names mentioned in it

    @classmethod
    def of(cls, record: Record) -> ReportContext:
        places: dict[int, list[str]] = {}
        for entity in record.entities:
            if entity.type in PLACE_TYPES:
                for mention in entity.mentions:
                    places.setdefault(mention.sentence, []).append(mention.text)
        return cls(record.document.text, tuple((s.start, s.end) for s in record.sentences),
                   {k: tuple(v) for k, v in places.items()})

    def sentence(self, index: int | None) -> str | None:
        if index is None or not 0 <= index < len(self.sentences):
            return None
        start, end = self.sentences[index]
        return self.text[start:end]

    def is_fragment(self, index: int | None) -> bool:
        """A sentence with no closing punctuation in a report of several sentences: a caption, a heading, a list
        item or page furniture kept in the body, where facts are misread more often (a title read alone is scored
        by `headline_only` instead)."""
        sentence = self.sentence(index)
        return len(self.sentences) > 1 and sentence is not None and not sentence.rstrip(CLOSING_MARKS).endswith(
            SENTENCE_ENDS)


    def in_person(self, index: int | None, personal: list[str]) -> bool:
        """The sentence speaks in the first or second person ("I", "we", "you"): someone's own story or a generic
        "you" (guides, reviews) rather than a report of what others did."""
        sentence = self.sentence(index)
        return sentence is not None and bool(set(personal) & {w.strip(WORD_EDGES).lower() for w in sentence.split()})


@functools.cache
def settings() -> dict[str, Any]:
    return load_yaml("confidence.yaml")


class _Score:
    """A running product of factors with the reasons for it."""

    def __init__(self, kind: str) -> None:
        self.spec = settings()[kind]
        self.value = float(self.spec["base"])
        self.why: list[str] = []

    def evidence(self, reason: str) -> None:
        self.why.append(reason)

    def weaken(self, factor: str, detail: str = "") -> None:
        value = float(self.spec["factors"][factor])
        if value >= 1.0:  # switched off in the data file: no weakness to show
            return
        self.value *= value
        self.why.append(f"-{factor}" + (f": {detail}" if detail else ""))

    def put(self, fact: dict[str, Any]) -> None:
        fact["confidence"] = round(min(1.0, max(0.0, self.value)), 2)
        fact["why"] = self.why


def _is_pronoun(arg: dict[str, Any]) -> bool:
    return arg.get("kind") == "pronoun" or (not arg.get("entity") and not arg.get("actor")
                                             and arg.get("text", "").lower() in PRONOUN_WORDS)


def _is_thing(arg: dict[str, Any]) -> bool:
    """A participant that is a common noun for no person or group ("the video", "charging bricks"); a bare count
    ("the 21 were freed") stands for people."""
    text = arg.get("text") or ""
    return arg.get("kind") == "other" and not arg.get("actor") and not any(c.isdigit() for c in text)


def _loose_places(event: dict[str, Any], context: ReportContext) -> list[str]:
    """Place names of the event's sentence that the event holds neither as a place nor as a participant."""
    held = " ".join(a.get("text") or "" for role in (*PLACE_ROLES, *PARTICIPANT_ROLES) for a in event.get(role, []))
    return [p for p in context.places.get(event.get("sentence"), ()) if p not in held]


def _weaken_by_context(score: _Score, event: dict[str, Any], context: ReportContext) -> None:
    spec = score.spec
    if event.get("type") in spec["place_types"] and not any(event.get(role) for role in PLACE_ROLES):
        loose = _loose_places(event, context)
        if loose:
            score.weaken("place_not_held", loose[0])
    if context.is_fragment(event.get("sentence")):
        score.weaken("fragment")
    if context.in_person(event.get("sentence"), spec["personal_words"]):
        score.weaken("personal_voice")
    if (event.get("sentence") or 0) >= spec["lead_sentences"]:
        score.weaken("past_lead")


def score_event(event: dict[str, Any], evidence: TriggerEvidence | None,
                context: ReportContext | None = None) -> None:
    score = _Score("events")
    spec = score.spec
    kind = "noun" if evidence is not None and evidence.nominal else "verb"
    score.evidence(f"trigger {event['trigger']!r} ({event['type']} {kind})")
    if evidence is not None:
        if evidence.nominal:
            score.weaken("nominal_trigger")
        if evidence.lemma in spec["ambiguous_triggers"]:
            score.weaken("ambiguous_trigger", evidence.lemma)
        if evidence.sentence_tokens > spec["long_sentence_tokens"]:
            score.weaken("long_sentence", f"{evidence.sentence_tokens} words")
    participants = [a for role in PARTICIPANT_ROLES for a in event.get(role, [])]
    named = [a for a in participants if a.get("kind") == "named" or (a.get("entity") and not a.get("kind"))]
    if not participants:
        score.weaken("no_participant")
    elif named:
        score.evidence("named participant: " + ", ".join(a["text"] for a in named[:3]))
    elif all(_is_pronoun(a) for a in participants):
        score.weaken("pronoun_only")
    else:
        score.weaken("described_only")
    if any(_is_thing(a) for a in event.get("actors", [])):
        score.weaken("thing_actor", next(a["text"] for a in event["actors"] if _is_thing(a)))
    targets = event.get("targets", [])
    if event["type"] in spec["people_targets"] and targets and all(_is_thing(a) for a in targets):
        score.weaken("thing_target", targets[0]["text"])
    if context is not None:
        _weaken_by_context(score, event, context)
    modality = event.get("modality") or "asserted"
    score.evidence(f"modality {modality}")
    if modality == "hedged":
        score.weaken("hedged")
    elif modality == "conditional":
        score.weaken("conditional")
    generic = event.get("generic")
    if generic:  # "militias often kidnap aid workers": no event that took place (extract/generic.py)
        score.weaken("generic", f"{generic.get('rule')}: {generic.get('cue')}")
    attribution = event.get("attribution")
    if attribution and attribution.get("speaker"):
        score.evidence(f"attributed to {attribution['speaker'].get('text')!r}")
    score.put(event)


def score_claim(claim: dict[str, Any], context: ReportContext | None = None) -> None:
    score = _Score("claims")
    speaker = claim.get("speaker")
    cue = claim.get("cue") or ""
    score.evidence(f"cue {cue!r}")
    if cue.lower() in score.spec["ambiguous_cues"]:
        score.weaken("ambiguous_cue", cue)
    if not speaker or not speaker.get("text"):
        score.weaken("no_speaker")
    elif _is_pronoun(speaker):
        score.weaken("pronoun_speaker", speaker["text"])
    elif speaker.get("kind") == "described":
        score.weaken("described_speaker", speaker["text"])
    elif speaker.get("kind") == "other":
        score.weaken("common_noun_speaker", speaker["text"])
    else:
        score.evidence(f"speaker named: {speaker['text']!r}")
    words = (claim.get("content") or "").split()
    if len(words) < score.spec["short_content_words"]:
        score.weaken("short_content")
    if FIRST_PERSON & {w.strip(WORD_EDGES).lower() for w in words}:
        score.weaken("first_person_content")
    if context is not None and context.is_fragment(claim.get("sentence")):
        score.weaken("fragment")
    if claim.get("modality") == "hedged":
        score.weaken("hedged")
    score.put(claim)


def score_quantity(quantity: dict[str, Any]) -> None:
    score = _Score("quantities")
    counted = quantity.get("counted")
    if counted:
        score.evidence(f"counts {counted.get('text')!r}")
    else:
        score.weaken("nothing_counted")
    if quantity.get("approximate") or quantity.get("low") is not None:
        score.weaken("approximate")
    if quantity.get("attribution"):
        score.evidence(f"attributed to {quantity['attribution']['speaker'].get('text')!r}")
    else:
        score.weaken("unattributed")
    score.put(quantity)


def score_relation(relation: dict[str, Any], from_event: bool) -> None:
    score = _Score("relations")
    score.evidence(f"{relation['type']} relation" + (f" ({relation['role']})" if relation.get("role") else ""))
    if from_event:
        score.weaken("from_event")
    if _is_pronoun(relation.get("subject") or {}):
        score.weaken("pronoun_subject")
    score.put(relation)


def score_record(events: list[dict[str, Any]], evidence: dict[tuple[int, int], TriggerEvidence],
                 claims: list[dict[str, Any]], quantities: list[dict[str, Any]], relations: list[dict[str, Any]],
                 event_relations: set[int], record: Record | None = None) -> None:
    """Fill `confidence` and `why` on every fact of one report. `evidence` is keyed by an event's trigger offsets;
    `event_relations` holds the ids of relation dicts read from events; `record` (the report) gives the sentence
    evidence."""
    context = ReportContext.of(record) if record is not None else None
    for event in events:
        score_event(event, evidence.get((event["start"], event["end"])), context)
    for claim in claims:
        score_claim(claim, context)
    for quantity in quantities:
        score_quantity(quantity)
    for relation in relations:
        score_relation(relation, id(relation) in event_relations)


def corroborated(confidence: float, other_reports: int) -> float:
    """Confidence raised by `other_reports` further reports of the same story stating the same kind of fact."""
    spec = settings()["corroboration"]
    doubt = 1.0 - confidence
    for _ in range(min(other_reports, int(spec["max_reports"]))):
        doubt *= float(spec["per_report"])
    return round(1.0 - doubt, 2)
