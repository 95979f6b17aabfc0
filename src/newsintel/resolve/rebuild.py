"""Resolve the whole store again from scratch, keeping analyst judgements."""

from __future__ import annotations

from newsintel.resolve.identity_index import IdentityIndex
from newsintel.resolve.judgements import replay_merges
from newsintel.resolve.linker import resolve_document


def rebuild(index: IdentityIndex) -> None:
    """Forget every automatic link and resolve all documents again in ingest order; judgements are kept: split
    and not-same constrain the linker, merges are re-applied. Runs in the caller's transaction
    (`store.identity_index.rebuild` opens it)."""
    index.clear_resolution()
    for doc_id in index.document_ids():
        resolve_document(index, doc_id)
    replay_merges(index)
