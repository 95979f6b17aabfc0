"""Confidence and "why" for every extracted fact, from the evidence in its own report (`data/confidence.yaml`).

Precision comes before recall for an analyst, but a rule set cannot drop every doubtful fact without losing good
ones. So every event, claim, quantity and relation says how sure the extraction is (`confidence` in [0, 1]) and
which evidence made it and which weakened it (`why`); views rank by it and hide what is under a threshold. The
score is a product of factors, one per weakness, so each can be checked against judged facts and re-set as data
(`python -m evaluation.calibration_fit`, which reads the weaknesses through `event_weaknesses` and
`claim_weaknesses`, the same functions the scorer uses).
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
STATE_TYPES = frozenset({"GPE", "NORP"})
SENTENCE_ENDS = (".", "!", "?", ":", ";")
CLOSING_MARKS = "\"'”’) "
QUOTE_MARKS = "\"“”"
FIRST_PERSON = frozenset({"i", "we", "me", "us", "my", "our"})
WORD_EDGES = ",.;:!?\"'“”‘’()[]"
PRONOUN_WORDS = frozenset({"he", "she", "they", "him", "her", "them", "it", "we", "us", "i", "you", "his", "their",
                           "its", "who", "whom", "himself", "herself", "themselves"})

Weakness = tuple[str, str]  # (factor name in confidence.yaml, detail shown in `why`)


@dataclass(frozen=True, slots=True)
class TriggerEvidence:
    """What the parse knew about an event's trigger, which the JSON shape does not keep."""

    lemma: str
    nominal: bool
    sentence_tokens: int


@dataclass(frozen=True, slots=True)
class ReportContext:
    """What a fact's own report says around it, which the fact's JSON shape does not hold: its sentences and where
    place and person names are mentioned. Built once per report (`of`); facts of a report scored without it lose
    only the sentence evidence."""

    text: str = ""
    sentences: tuple[tuple[int, int], ...] = ()
    places: dict[int, tuple[str, ...]] = field(default_factory=dict)  # sentence -> place names mentioned in it
    people: dict[int, tuple[str, ...]] = field(default_factory=dict)  # sentence -> person names mentioned in it
    types: dict[str, str] = field(default_factory=dict)  # entity id -> entity type
    event_types: tuple[str, ...] = ()  # the type of every event of the report

    @classmethod
    def of(cls, record: Record) -> ReportContext:
        return cls.build(record.document.text, [(s.start, s.end) for s in record.sentences],
                         [(e.id, e.type, [(m.sentence, m.text) for m in e.mentions]) for e in record.entities],
                         [e["type"] for e in record.events])

    @classmethod
    def build(cls, text: str, sentences: list[tuple[int, int]],
              entities: list[tuple[str, str, list[tuple[int, str]]]], event_types: list[str]) -> ReportContext:
        """From a report's text, sentence offsets, (entity id, type, [(sentence, mention text)]) per entity and the
        types of its events."""
        places: dict[int, list[str]] = {}
        people: dict[int, list[str]] = {}
        for _, kind, mentions in entities:
            into = places if kind in PLACE_TYPES else people if kind == "PERSON" else None
            if into is not None:
                for sentence, mention in mentions:
                    into.setdefault(sentence, []).append(mention)
        return cls(text, tuple(sentences), {k: tuple(v) for k, v in places.items()},
                   {k: tuple(v) for k, v in people.items()}, {i: kind for i, kind, _ in entities}, tuple(event_types))

    def sentence(self, index: int | None) -> str | None:
        if index is None or not 0 <= index < len(self.sentences):
            return None
        start, end = self.sentences[index]
        return self.text[start:end]

    def words(self, index: int | None, lower_only: bool = False) -> set[str]:
        """The sentence's words, lower-cased; with `lower_only` only those written in lower case and the first (so
        the month "May" is not the verb "may")."""
        sentence = self.sentence(index)
        if sentence is None:
            return set()
        words = [w.strip(WORD_EDGES) for w in sentence.split()]
        return {w.lower() for i, w in enumerate(words) if not lower_only or i == 0 or w.islower()}

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
        return bool(set(personal) & self.words(index))

    def quoted(self, index: int | None) -> bool:
        """The sentence holds quotation marks: someone's words, where figures of speech and rhetoric are common."""
        sentence = self.sentence(index)
        return sentence is not None and any(mark in sentence for mark in QUOTE_MARKS)


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
        value = float(self.spec["factors"].get(factor, 1.0))
        if value >= 1.0:  # switched off (or not set) in the data file: no weakness to show
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


def _context_weaknesses(event: dict[str, Any], context: ReportContext, spec: dict[str, Any]) -> list[Weakness]:
    out: list[Weakness] = []
    sentence = event.get("sentence")
    if event.get("type") in spec["place_types"] and not any(event.get(role) for role in PLACE_ROLES):
        loose = _loose_places(event, context)
        if loose:
            out.append(("place_not_held", loose[0]))
    if context.is_fragment(sentence):
        out.append(("fragment", ""))
    if context.in_person(sentence, spec["personal_words"]):
        out.append(("personal_voice", ""))
    if context.quoted(sentence):
        out.append(("quoted", ""))
    events = len(context.event_types)
    if events and len(context.sentences) > 1 and events < spec.get("sparse_events", 0) * len(context.sentences):
        # a report (not a title read alone) with few events for its length is seldom a report of such events: a
        # trigger read there has its other sense more often
        out.append(("sparse_events", f"{events} in {len(context.sentences)} sentences"))
    kinds = {context.types.get(a.get("entity") or "") for a in event.get("actors", []) if a.get("kind") == "named"}
    if kinds & STATE_TYPES:  # "Moscow attacked the plan": a country or people as doer, often a figure of speech
        out.append(("state_actor", ""))
    if (event.get("modality") or "asserted") == "asserted":  # words the modality rules did not read as settling it
        words = context.words(sentence)
        doubt = sorted(set(spec.get("doubt_words", ())) & context.words(sentence, lower_only=True))
        if doubt:
            out.append(("doubt_word", doubt[0]))
        negation = sorted(w for w in words if w in spec.get("negation_words", ()) or w.endswith(("n't", "n’t")))
        if negation:
            out.append(("negation_word", negation[0]))
    return out


def _participant_weaknesses(event: dict[str, Any], spec: dict[str, Any]) -> tuple[list[str], list[Weakness]]:
    reasons: list[str] = []
    out: list[Weakness] = []
    participants = [a for role in PARTICIPANT_ROLES for a in event.get(role, [])]
    named = [a for a in participants if a.get("kind") == "named" or (a.get("entity") and not a.get("kind"))]
    if not participants:
        out.append(("no_participant", ""))
    elif named:
        reasons.append("named participant: " + ", ".join(a["text"] for a in named[:3]))
    elif all(_is_pronoun(a) for a in participants):
        out.append(("pronoun_only", ""))
    else:
        out.append(("described_only", ""))
    if participants and not event.get("actors"):
        out.append(("no_actor", ""))
    targets = event.get("targets", [])
    if participants and not targets and event["type"] in spec.get("target_types", ()):
        out.append(("no_target", ""))
    if any(_is_thing(a) for a in event.get("actors", [])):
        out.append(("thing_actor", next(a["text"] for a in event["actors"] if _is_thing(a))))
    if event["type"] in spec["people_targets"] and targets and all(_is_thing(a) for a in targets):
        out.append(("thing_target", targets[0]["text"]))
    return reasons, out


def event_weaknesses(event: dict[str, Any], evidence: TriggerEvidence | None,
                     context: ReportContext | None = None) -> tuple[list[str], list[Weakness]]:
    """The evidence for an event (reasons) and its weaknesses, each a factor of `data/confidence.yaml` `events`
    (whatever its value: a factor of 1 is a weakness switched off)."""
    spec = settings()["events"]
    kind = "noun" if evidence is not None and evidence.nominal else "verb"
    reasons = [f"trigger {event['trigger']!r} ({event['type']} {kind})"]
    out: list[Weakness] = []
    if evidence is not None:
        if evidence.nominal:
            out.append(("nominal_trigger", ""))
        if evidence.lemma in spec["ambiguous_triggers"]:
            out.append(("ambiguous_trigger", evidence.lemma))
        if evidence.sentence_tokens > spec["long_sentence_tokens"]:
            out.append(("long_sentence", f"{evidence.sentence_tokens} words"))
    out.append((f"type:{event['type']}", ""))  # a factor only for the types listed in `type_factors`
    more, weak = _participant_weaknesses(event, spec)
    reasons += more
    out += weak
    if event.get("type") in spec["place_types"] and not any(event.get(role) for role in PLACE_ROLES):
        out.append(("no_place", ""))
    if context is not None:
        out += _context_weaknesses(event, context, spec)
        if (event.get("sentence") or 0) >= spec["lead_sentences"]:
            out.append(("past_lead", ""))
    if not event.get("time") or event["time"].get("undated"):
        out.append(("no_time", ""))
    modality = event.get("modality") or "asserted"
    reasons.append(f"modality {modality}")
    if modality != "asserted":
        out.append((modality, ""))
    generic = event.get("generic")
    if generic:  # "militias often kidnap aid workers": no event that took place (extract/generic.py)
        out.append(("generic", f"{generic.get('rule')}: {generic.get('cue')}"))
    attribution = event.get("attribution")
    if attribution and attribution.get("speaker"):
        reasons.append(f"attributed to {attribution['speaker'].get('text')!r}")
    return reasons, out


def _factor(spec: dict[str, Any], name: str) -> float:
    if name.startswith("type:"):
        return float(spec.get("type_factors", {}).get(name[5:], 1.0))
    return float(spec["factors"].get(name, 1.0))


def _apply(kind: str, fact: dict[str, Any], reasons: list[str], weaknesses: list[Weakness]) -> None:
    """Confidence = base x the factor of every weakness; `why` = the reasons and the weaknesses that count."""
    spec = settings()[kind]
    value = float(spec["base"])
    why = list(reasons)
    for name, detail in weaknesses:
        factor = _factor(spec, name)
        if factor >= 1.0:  # switched off in the data file: no weakness to show
            continue
        value *= factor
        why.append(f"-{name}" + (f": {detail}" if detail else ""))
    fact["confidence"] = round(min(1.0, max(0.0, value)), 2)
    fact["why"] = why


def score_event(event: dict[str, Any], evidence: TriggerEvidence | None,
                context: ReportContext | None = None) -> None:
    _apply("events", event, *event_weaknesses(event, evidence, context))


def claim_weaknesses(claim: dict[str, Any], context: ReportContext | None = None
                     ) -> tuple[list[str], list[Weakness]]:
    """The evidence for a claim (reasons) and its weaknesses, each a factor of `data/confidence.yaml` `claims`."""
    spec = settings()["claims"]
    speaker = claim.get("speaker")
    cue = claim.get("cue") or ""
    reasons = [f"cue {cue!r}"]
    out: list[Weakness] = []
    if cue.lower() in spec["ambiguous_cues"]:
        out.append(("ambiguous_cue", cue))
    if not speaker or not speaker.get("text"):
        out.append(("no_speaker", ""))
    elif _is_pronoun(speaker):
        out.append(("pronoun_speaker", speaker["text"]))
    elif speaker.get("kind") == "described":
        out.append(("described_speaker", speaker["text"]))
    elif speaker.get("kind") == "other":
        out.append(("common_noun_speaker", speaker["text"]))
    else:
        reasons.append(f"speaker named: {speaker['text']!r}")
    if speaker and speaker.get("kind") != "named" and context is not None:
        index = claim.get("sentence") or 0
        nearby = [p for i in (index - 1, index, index + 1) for p in context.people.get(i, ())
                  if p not in (speaker.get("text") or "")]
        if nearby:  # "a spokesman said" beside a named person: often the named one is the speaker
            out.append(("person_named_nearby", nearby[0]))
    content = claim.get("content") or ""
    words = content.split()
    if len(words) < spec["short_content_words"]:
        out.append(("short_content", ""))
    elif len(words) > spec.get("long_content_words", len(words)):
        out.append(("long_content", f"{len(words)} words"))
    if FIRST_PERSON & {w.strip(WORD_EDGES).lower() for w in words}:
        out.append(("first_person_content", ""))
    if not any(mark in content for mark in QUOTE_MARKS) and context is not None and not context.quoted(
            claim.get("sentence")):
        out.append(("indirect", ""))
    if context is not None and context.is_fragment(claim.get("sentence")):
        out.append(("fragment", ""))
    modality = claim.get("modality") or "asserted"
    if modality != "asserted":
        out.append((modality, ""))
    return reasons, out


def score_claim(claim: dict[str, Any], context: ReportContext | None = None) -> None:
    _apply("claims", claim, *claim_weaknesses(claim, context))


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
