"""The one record model every stage shares.

A `RawDocument` comes out of ingest, a `CleanDocument` out of cleaning, and a `Record` out of NLP; the store
writes a `Record` and `extract --json` prints one. Offsets always index into `CleanDocument.text`.
"""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import asdict, dataclass, field
from typing import Any, ClassVar


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
    events: list[dict[str, Any]] = field(default_factory=list)
    quantities: list[dict[str, Any]] = field(default_factory=list)
    claims: list[dict[str, Any]] = field(default_factory=list)
    relations: list[dict[str, Any]] = field(default_factory=list)
    actors: list[dict[str, Any]] = field(default_factory=list)  # described actors: see extract/actors.py

    def to_json(self) -> dict[str, Any]:
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


def sentence_at(starts: list[int], offset: int) -> int:
    """Index of the sentence containing `offset`, given the sorted sentence start offsets."""
    return max(0, bisect_right(starts, offset) - 1)
