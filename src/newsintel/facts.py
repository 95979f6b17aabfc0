"""The shapes of the facts a `Record` carries: events, claims, quantities, relations and described actors.

Extraction builds each fact as a plain dict, the store writes it (some columns, and the whole fact as JSON in
`data`), views and exports read it back and `extract --json` prints it: these TypedDicts are that one definition,
under the names the JSON uses (a TypedDict is a dict at run time, so nothing changes in what is built or printed).
`model.check_record` compares a record's facts with them.

Shared pieces: `Located` (provenance inside the document: the document is the record's), `Scored` (how sure, and
why), `Modality`. Offsets (`start`, `end`) index the document's clean text (`DocumentInfo.text`); a fact read from
the title (`section: "headline"`, sentence -1) indexes the title instead. Facts a partner's STIX bundle brought in
(ingest/partner_records.py) carry `reported_by` and fewer of the optional keys.

No `from __future__ import annotations` here: Python 3.11 reads `NotRequired` only from evaluated annotations.
"""

from typing import Literal, NotRequired, TypedDict

Modality = Literal["asserted", "hedged", "intended", "attempted", "future", "conditional", "negated"]
"""How the text holds a fact: as happened (asserted), as uncertain (hedged), planned or wanted (intended), tried
(attempted), to come (future), if something else holds (conditional), denied or not happened (negated)."""

Precision = Literal["day", "week", "month", "season", "year", "decade", "range"]
"""How precise a normalised date value is, read off its shape (datevalues.precision_of)."""

ArgumentKind = Literal["named", "described", "pronoun", "other"]
"""A participant named by an entity, described by words ("three Belgian men"), a pronoun, or no person at all."""


class Located(TypedDict):
    """Where a fact is stated in its document."""

    sentence: int  # index into `Record.sentences`; -1 for a fact of the title
    start: int  # character offsets into the clean text (into the title for a fact of the title)
    end: int


class Scored(TypedDict):
    """How sure extraction is of a fact (extract/confidence.py): one factor per weakness found."""

    confidence: float  # in [0, 1]; 1.0 for a partner's fact
    why: list[str]  # the weaknesses and the evidence behind the score, for a person


class GroupRef(TypedDict):
    """The organisation a participant belongs to ("a commander of the Free Syrian Army")."""

    text: str
    entity: str | None  # `Entity.id`, None when the group is not an entity of the document


class CountRecord(TypedDict, total=False):
    """How many people a participant is: one of `value` (exact), `min`/`max` bounds, or `vague` words with
    bounds ("dozens": min 24)."""

    value: int | float
    approximate: bool  # "about 40"
    min: int | float | None
    max: int | float | None
    vague: str  # the vague words as written, lower case


class ArgumentRecord(TypedDict):
    """One participant or place of a fact: an event's argument, a speaker, what a quantity counts, a relation's
    subject or object. Participants (`actors`, `targets`, speakers, counted) carry the description keys; places
    carry `text` and `entity` only."""

    text: str  # the phrase as written (a pronoun's antecedent's name when it was resolved: see `mention`)
    entity: str | None  # `Entity.id` of the named entity, else None
    kind: NotRequired[ArgumentKind]
    group: NotRequired[GroupRef | None]
    nationality: NotRequired[str | None]  # a country name ("Belgium")
    role: NotRequired[str | None]  # a role noun of data/actors.yaml ("fighter", "smuggler")
    count: NotRequired[CountRecord | None]
    actor: NotRequired[str]  # `ActorRecord.id` of the described actor this phrase is a mention of
    mention: NotRequired[str]  # the pronoun as written when `text` names whom it stands for
    unresolved: NotRequired[str]  # a speaker pronoun left unresolved, and why (extract/speakers.py)


class AttributionRecord(TypedDict):
    """Who the text says a fact comes from ("..., police said")."""

    speaker: ArgumentRecord
    cue: str | None  # the reporting verb or phrase as written; None for a partner's fact


class TimeRecord(TypedDict):
    """An event's own date expression, normalised against the publication date (extract/timex.py)."""

    text: str | None  # as written; None when undated or from a partner's first/last seen
    start: NotRequired[int | None]  # offsets of `text` (absent in a partner's fact)
    end: NotRequired[int | None]
    value: str | None  # ISO date, or a range "start/end"; None when it cannot be placed
    precision: Precision | None
    undated: NotRequired[bool]  # background ("two decades ago"): the event must not take its report's day


class BlockedRecord(TypedDict):
    """What stopped an event ("stopped them from crossing")."""

    text: str
    start: int
    end: int
    negated: bool  # "did not stop them": the event went ahead


class GenericRecord(TypedDict):
    """Why an event is about no particular occurrence ("militias often kidnap"): kept, marked (extract/generic.py)."""

    rule: str  # habitual, generic subject, general condition, kind of event, standing, capability, policy, ...
    cue: str  # the words that show it


class ReportedBy(TypedDict):
    """A partner's fact: who sent it and how they graded it."""

    partner: str
    stix_id: str
    credibility: int  # Admiralty credibility 1-6 (ours, or read from the STIX confidence)
    confidence: NotRequired[int]  # the STIX confidence 0-100, when given
    their_source_reliability: NotRequired[str]  # Admiralty A-F, when given


class EventRecord(Located, Scored):
    """Something that happened, or is said, planned or denied to (data/events.yaml types)."""

    type: str  # newsintel's event type (TRAVEL, ARREST, ATTACK, ...)
    plover: str  # the PLOVER type it maps to
    trigger: str  # the word(s) that name the event, as written (from `start` to `end`)
    actors: list[ArgumentRecord]  # who does it
    targets: list[ArgumentRecord]  # to whom or what
    location: list[ArgumentRecord]  # named places only, in the four place roles
    origin: list[ArgumentRecord]
    destination: list[ArgumentRecord]
    via: list[ArgumentRecord]
    time: TimeRecord | None  # None: no date of its own (its report's date may stand for it)
    modality: Modality
    attribution: AttributionRecord | None
    blocked_by: NotRequired[BlockedRecord]
    generic: NotRequired[GenericRecord]
    headline: NotRequired[bool]  # the title states it too
    headline_modality: NotRequired[Modality]  # how the title holds it
    section: NotRequired[Literal["headline"]]  # stated only in the title
    reported_by: NotRequired[ReportedBy]


class ClaimRecord(Located, Scored):
    """A reported statement: who said what, and how ("said", "according to")."""

    speaker: ArgumentRecord
    cue: str  # the reporting verb or phrase as written
    content: str  # what was said, as written ("" when the words are not in the sentence)
    medium: str | None  # how it was said ("statement", "on X"), when the text names it
    modality: Modality
    section: NotRequired[Literal["headline"]]
    reported_by: NotRequired[ReportedBy]


class QuantityRecord(Located, Scored):
    """A number of people or things, or money (tests/gold/GUIDELINES.md section 4)."""

    text: str  # as written
    value: int | float | None  # exact value; None for a range or vague words
    low: int | float | None  # bounds ("at least 5", "between 3 and 7", "dozens")
    high: int | float | None
    approximate: bool
    counted: ArgumentRecord | None  # what is counted
    attribution: AttributionRecord | None


class RelationRecord(Located, Scored):
    """A lasting tie between two participants (ALIAS, MEMBER, POSITION, FAMILY, SPOUSE, ASSOCIATE, OPPOSES ...)."""

    type: str
    subject: ArgumentRecord
    object: ArgumentRecord
    role: str | None  # the role or kin word ("spokesman", "brother", "recruited by")
    checked: NotRequired[bool]  # no other person between the two: the linker may trust it however far apart
    reported_by: NotRequired[ReportedBy]


class ActorMention(Located):
    """One place a described actor is mentioned (offsets of the phrase)."""

    text: str


# "with" is a Python keyword: the key is declared in the functional form and inherited
_Companion = TypedDict("_Companion", {"with": str | None})


class ActorRecord(_Companion):
    """An unnamed participant followed through the document ("three Belgian men" ... "the men"; extract/actors.py).
    `with`: the id of the set this actor travels with without being one of it ("a woman travelling with them")."""

    id: str
    text: str  # the first description
    kind: Literal["described"]
    group: GroupRef | None
    nationality: str | None
    role: str | None
    count: CountRecord | None
    part_of: str | None  # id of the set this actor is one member of ("one of them")
    mentions: list[ActorMention]


Fact = EventRecord | ClaimRecord | QuantityRecord | RelationRecord | ActorRecord
"""Any one fact, as the store keeps it whole (the `data` column) and exports read it back."""
