"""What entity resolution needs from a store, as a protocol: the linking logic lives in `resolve/` (linker, profiles,
keys, judgements, ...), the SQL in `store/identity_index.py` and `store/judgement_sql.py` (and any other backend).
Every call runs inside the caller's transaction: a document is never stored without its links."""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any, Protocol


@dataclass(slots=True, frozen=True)
class IdentityRow:
    """A stored identity. The profile stays JSON text: the linker caches candidates' parsed profiles by it."""

    id: str
    kind: str
    type: str
    name: str
    documents: int
    profile_json: str
    suppressed: bool
    retyped: str | None

    def profile(self) -> dict[str, Any]:
        return dict(json.loads(self.profile_json))


@dataclass(slots=True, frozen=True)
class EntityRow:
    """An in-document entity as resolution reads it: its names, type, stated attributes and gazetteer entry."""

    id: str
    name: str
    type: str
    aliases: list[str]
    attributes: dict[str, Any]
    geonameid: int | None
    lat: float | None
    lon: float | None


@dataclass(slots=True, frozen=True)
class MemberEntity:
    """An entity linked to an identity, with its document's publication date (birth years come from it)."""

    name: str
    type: str
    aliases: list[str]
    attributes: dict[str, Any]
    geonameid: int | None
    lat: float | None
    lon: float | None
    published: str | None


@dataclass(slots=True)
class Judgement:
    """An analyst's judgement: both sides as entity refs at the time it was made."""

    id: int
    kind: str
    left: list[str]
    right: list[str]
    note: str | None
    made_at: str
    value: str | None = None  # the type a retype gives


class IdentityIndex(Protocol):
    """Reads and writes of cross-document resolution and of analyst judgements."""

    # documents and their entities
    def published_of(self, document_id: str) -> str | None: ...

    def document_text(self, document_id: str) -> str | None: ...

    def document_ids(self) -> list[str]: ...  # every stored document, in ingest order

    def document_entities(self, document_id: str) -> list[EntityRow]: ...

    def alias_pairs(self, document_id: str, max_span: int) -> list[tuple[str, str]]: ...  # ALIAS relations

    def mention_texts(self, document_id: str) -> list[tuple[str, str]]: ...  # (entity id, text)

    def mention_spans(self, document_id: str) -> list[tuple[str, int, int]]: ...  # (entity id, start, end)

    def org_mention_spans(self, document_id: str) -> list[tuple[int, int, str]]: ...  # (start, end, entity), by end

    # identities and their blocking keys
    def key_identities(self, key: str, limit: int) -> list[str]: ...  # best-ranked first

    def identities(self, ids: Sequence[str]) -> list[IdentityRow]: ...  # in the order of `ids`, missing ones left out

    def identity(self, identity_id: str) -> IdentityRow | None: ...

    def identities_by_id_or_prefix(self, ident: str) -> list[IdentityRow]: ...  # at most two

    def identity_exists(self, identity_id: str) -> bool: ...

    def kind_of(self, identity_id: str) -> str | None: ...

    def retyped_type(self, identity_id: str) -> str | None: ...

    def profile_and_documents(self, identity_id: str) -> tuple[dict[str, Any], int]: ...

    def document_counts(self, ids: Iterable[str]) -> list[int]: ...

    def new_identity(self, identity_id: str, kind: str, type_: str, name: str) -> None: ...

    def new_identity_like(self, identity_id: str, template_id: str) -> None: ...  # same kind, type and name

    def save_profile(self, identity_id: str, profile: dict[str, Any], name: str, type_: str,
                     documents: int) -> None: ...

    def set_kind(self, identity_id: str, kind: str, type_: str) -> None: ...

    def set_type(self, identity_id: str, type_: str, kind: str) -> None: ...  # an analyst's retype

    def suppress(self, identity_id: str) -> None: ...

    def delete_identity(self, identity_id: str) -> None: ...  # with its keys

    def add_keys(self, identity_id: str, keys: Iterable[str], rank: int) -> None: ...  # existing keys keep theirs

    def set_key_rank(self, identity_id: str, rank: int) -> None: ...

    def clear_keys(self, identity_id: str) -> None: ...

    def clear_resolution(self) -> None: ...  # every link, key and identity (judgements stay)

    # links of entities to identities
    def has_document(self, identity_id: str, document_id: str) -> bool: ...

    def link_entities(self, identity_id: str, document_id: str, entity_refs: Sequence[tuple[str, str]],
                      score: float, method: str) -> None: ...

    def members(self, identity_id: str) -> list[MemberEntity]: ...

    def member_documents(self, identity_id: str) -> int: ...

    def co_mentioned(self, identity_id: str, documents: int) -> set[str]: ...  # in its latest `documents` documents

    def refs_of(self, identity_id: str) -> list[str]: ...  # sorted, distinct

    def holds_any_ref(self, identity_id: str, refs: Iterable[str]) -> bool: ...

    def identities_of_refs(self, refs: Sequence[str]) -> list[str]: ...  # the identity holding most of them first

    def merge_links(self, keep: str, gone: str, method: str) -> None: ...  # every link of `gone` moves to `keep`

    def move_ref(self, ref: str, from_identity: str, to_identity: str) -> None: ...  # marked as a judgement

    def linked_mention(self, mention_id: int) -> tuple[str, str] | None: ...  # (entity id, ref)

    # analyst judgements
    def has_constraints(self) -> bool: ...  # any judgement other than a merge

    def judgements(self, kinds: Sequence[str]) -> list[Judgement]: ...  # in the order made

    def judgements_with_ref(self, ref: str, kinds: Sequence[str]) -> list[Judgement]: ...

    def judgement_ids_for_document(self, document_id: str, kinds: Sequence[str]) -> set[int]: ...

    def record_judgement(self, kind: str, left: list[str], right: list[str], note: str | None,
                         value: str | None) -> int: ...
