"""What story grouping needs from a store, as a protocol: the grouping logic lives in `resolve/stories.py`, the
SQL in `store/story_index.py` (and any other backend). A candidate is a stored member with the evidence it was
placed with; keys index members by day so that lookups stay bounded as the store grows."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Protocol

import numpy as np

from newsintel.model import Record

UNDATED_DAY = 0  # the day under which a report with no publication date is indexed: found from any date


@dataclass(slots=True)
class Candidate:
    """A stored member of a story, with what it was placed with."""

    id: str
    story: int
    day: int
    dated: bool
    signature: np.ndarray
    profile: dict[str, float]
    embedding: np.ndarray | None


@dataclass(slots=True, frozen=True)
class EntityLink:
    """One in-document entity with what resolution made of it (identity name and kind, geocoded place)."""

    entity_id: str
    type: str
    identity_name: str | None
    identity_kind: str | None
    geonameid: int | None
    lat: float | None
    lon: float | None


@dataclass(slots=True, frozen=True)
class NewMember:
    """A document joining a story, with the evidence later documents are compared with."""

    id: str
    story: int
    day: int
    dated: bool
    signature: np.ndarray
    profile: dict[str, float]
    embedding: np.ndarray | None
    bands: Sequence[int]
    retrieval: Sequence[str]
    counted_keys: Sequence[str]  # keys whose document frequency this member adds to ('' counts documents)
    joined_by: str
    score: float | None


class StoryIndex(Protocol):
    """Reads and writes of story grouping, all inside the caller's transaction."""

    def band_documents(self, bands: Sequence[int], limit: int) -> list[str]: ...

    def key_documents(self, key: str, first_day: int, last_day: int | None, newest_first: bool,
                      limit: int) -> list[str]: ...

    def candidates(self, document_ids: Sequence[str]) -> list[Candidate]: ...

    def document_frequencies(self, keys: Iterable[str]) -> dict[str, int]: ...

    def entity_links(self, document_id: str) -> list[EntityLink]: ...

    def new_story(self, day: int, story_id: int | None = None) -> int: ...

    def story_exists(self, story_id: int) -> bool: ...

    def story_size(self, story_id: int) -> int: ...

    def move_members(self, from_story: int, to_story: int) -> None: ...

    def add_member(self, member: NewMember) -> None: ...

    def member_profile(self, document_id: str) -> tuple[int, dict[str, float]] | None: ...

    def remove_member(self, document_id: str, counted_keys: Sequence[str]) -> None: ...

    def refresh_story(self, story_id: int) -> None: ...


class StoredRecords(Protocol):
    """Stored documents read back as records (for placing documents stored before stories existed)."""

    def stored_record(self, document_id: str) -> Record: ...
