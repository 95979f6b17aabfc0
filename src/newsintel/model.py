"""The one record model every stage shares.

A `RawDocument` comes out of ingest, a `CleanDocument` out of cleaning, and a `Record` out of NLP; the store
writes a `Record` and `extract --json` prints one. Offsets always index into `CleanDocument.text`. The facts a
record carries are typed dicts whose shapes are in `facts.py`; `check_record` says where a record departs from them.
"""

from __future__ import annotations

import types
import typing
from bisect import bisect_right
from dataclasses import asdict, dataclass, field
from typing import Any, ClassVar, TypedDict

from newsintel.facts import ActorRecord, ClaimRecord, EventRecord, QuantityRecord, RelationRecord


@dataclass(slots=True)
class RawDocument:
    """One document as read from an input file, before any cleaning."""

    origin: str  # "path" or "path#record-number" for multi-document files
    format: str  # txt, html, json, warc
    raw_hash: str  # sha256 of the record's bytes: the cheap "seen before?" key
    text: str | None = None
    html: str | None = None
    title: str | None = None
    url: str | None = None
    published: str | None = None
    source: str | None = None
    author: str | None = None
    warnings: list[str] = field(default_factory=list)  # things a person should know, printed as `warning:` lines


@dataclass(slots=True)
class _Message:
    """One line for a person about one input: `LEVEL: ORIGIN: REASON`."""

    origin: str
    reason: str
    level: ClassVar[str] = "error"

    def line(self) -> str:
        return f"{self.level}: {self.origin}: {self.reason}"


@dataclass(slots=True)
class Failure(_Message):
    """An input (file or record) that could not be turned into a document."""


@dataclass(slots=True)
class Notice(_Message):
    """Something about an input that was still processed: a date dropped, a language with no pipeline."""

    level: ClassVar[str] = "warning"


@dataclass(slots=True)
class DocumentInfo:
    id: str
    title: str | None
    source: str | None
    url: str | None
    published: str | None
    text: str
    author: str | None = None
    origin: str | None = None
    format: str | None = None
    raw_hash: str | None = None  # hash of the input record it was cleaned from
    language: str | None = None  # ISO 639-1 code identified from the text ("en"); None when not identified
    warnings: list[str] = field(default_factory=list)  # carried from reading and cleaning; not stored


@dataclass(slots=True)
class Sentence:
    index: int
    start: int
    end: int


@dataclass(slots=True)
class Mention:
    text: str
    start: int
    end: int
    sentence: int
    label: str = ""  # the NER label this mention came with, before grouping


@dataclass(slots=True)
class Entity:
    id: str
    name: str
    type: str
    aliases: list[str] = field(default_factory=list)
    mentions: list[Mention] = field(default_factory=list)
    attributes: dict[str, Any] = field(default_factory=dict)
    # Places (and place adjectives): {"name", "lat", "lon", "geonameid", "country", "kind"}; None if unresolved.
    geo: dict[str, Any] | None = None


@dataclass(slots=True)
class Record:
    """Everything newsintel knows about one document; serialised as the `extract --json` output."""

    document: DocumentInfo
    sentences: list[Sentence] = field(default_factory=list)
    entities: list[Entity] = field(default_factory=list)
    events: list[EventRecord] = field(default_factory=list)
    quantities: list[QuantityRecord] = field(default_factory=list)
    claims: list[ClaimRecord] = field(default_factory=list)
    relations: list[RelationRecord] = field(default_factory=list)
    actors: list[ActorRecord] = field(default_factory=list)  # described actors: see extract/actors.py

    def to_json(self) -> RecordJSON:
        data = asdict(self)
        doc = data["document"]
        data["document"] = {k: doc[k] for k in ("id", "title", "source", "url", "published", "language", "text")}
        for entity in data["entities"]:
            for mention in entity["mentions"]:
                mention.pop("label", None)
        return {
            "document": data["document"],
            "entities": data["entities"],
            "events": data["events"],
            "quantities": data["quantities"],
            "claims": data["claims"],
            "relations": data["relations"],
            "actors": data["actors"],
            "sentences": data["sentences"],
        }


class RecordJSON(TypedDict):
    """`Record.to_json()`, as `extract --json` prints it: the facts as they are, the document without what is not
    stored (warnings) and mentions without their NER label."""

    document: dict[str, Any]
    entities: list[dict[str, Any]]
    events: list[EventRecord]
    quantities: list[QuantityRecord]
    claims: list[ClaimRecord]
    relations: list[RelationRecord]
    actors: list[ActorRecord]
    sentences: list[dict[str, Any]]


def sentence_at(starts: list[int], offset: int) -> int:
    """Index of the sentence containing `offset`, given the sorted sentence start offsets."""
    return max(0, bisect_right(starts, offset) - 1)


FACT_SHAPES: tuple[tuple[str, type], ...] = (("events", EventRecord), ("quantities", QuantityRecord),
                                             ("claims", ClaimRecord), ("relations", RelationRecord),
                                             ("actors", ActorRecord))


def check_record(record: Record) -> list[str]:
    """Where `record`'s facts depart from their shapes in facts.py, one line each ("events[3].actors[0]: unknown
    key 'foo'", "claims[1].modality: expected str, got int"); empty when they conform. A TypedDict is not checked
    when a dict is built, so this is how a new key or a changed type in extraction shows before it reaches the
    store or an export (tests/test_records_t1.py, `newsintel extract --check`)."""
    problems: list[str] = []
    for name, shape in FACT_SHAPES:
        for i, fact in enumerate(getattr(record, name)):
            problems += _problems(fact, shape, f"{name}[{i}]")
    return problems


def _problems(value: Any, hint: Any, path: str) -> list[str]:
    """How `value` departs from the type `hint` (TypedDict, Literal, list[...], a union, a class)."""
    origin, args = typing.get_origin(hint), typing.get_args(hint)
    if hint is Any:
        return []
    if typing.is_typeddict(hint):
        return _dict_problems(value, hint, path) if isinstance(value, dict) else [_expected(value, hint, path)]
    if origin is typing.Literal:
        return [] if any(value == a and type(value) is type(a) for a in args) else [_expected(value, hint, path)]
    if origin in (typing.Union, types.UnionType):
        if any(not _problems(value, a, path) for a in args):
            return []
        near = [a for a in args if _outer_fits(value, a)]  # a dict for the one TypedDict: say what is wrong inside
        return _problems(value, near[0], path) if len(near) == 1 else [_expected(value, hint, path)]
    if origin is list:
        if not isinstance(value, list):
            return [_expected(value, hint, path)]
        return [p for i, item in enumerate(value) for p in _problems(item, args[0], f"{path}[{i}]")]
    return [] if _outer_fits(value, hint) else [_expected(value, hint, path)]


def _dict_problems(value: dict, shape: Any, path: str) -> list[str]:
    hints = typing.get_type_hints(shape, include_extras=True)
    problems = [f"{path}: unknown key {key!r}" for key in value if key not in hints]
    problems += [f"{path}: missing key {key!r}" for key in hints if key in shape.__required_keys__
                 and key not in value]
    for key, hint in hints.items():
        if key in value:
            while typing.get_origin(hint) in (typing.NotRequired, typing.Required):
                hint = typing.get_args(hint)[0]
            problems += _problems(value[key], hint, f"{path}.{key}")
    return problems


def _outer_fits(value: Any, hint: Any) -> bool:
    """Is `value` of the hint's outer type (a float may be an int, as in JSON; a bool is no number)?"""
    if typing.is_typeddict(hint):
        return isinstance(value, dict)
    if typing.get_origin(hint) is typing.Literal:
        return any(type(value) is type(a) for a in typing.get_args(hint))
    cls = typing.get_origin(hint) or hint
    if cls is type(None):
        return value is None
    if cls in (int, float) and isinstance(value, bool):
        return False
    return isinstance(value, (int, float) if cls is float else cls)


def _expected(value: Any, hint: Any, path: str) -> str:
    got = repr(value) if value is None or isinstance(value, str | int | float | bool) else type(value).__name__
    return f"{path}: expected {_name(hint)}, got {got}"


def _name(hint: Any) -> str:
    if typing.get_origin(hint) is typing.Literal:
        return "one of " + ", ".join(repr(a) for a in typing.get_args(hint))
    if typing.get_origin(hint) in (typing.Union, types.UnionType):
        return " | ".join(_name(a) for a in typing.get_args(hint))
    if typing.get_origin(hint) is list:
        return f"list[{_name(typing.get_args(hint)[0])}]"
    return "None" if hint is type(None) else getattr(hint, "__name__", str(hint))
