"""Shared context: which identities a report names alongside a candidate's earlier reports, and how much that says.

A rare identity shared with a candidate says more than a common one ("Islamic State", "US"): each shared identity
counts `1 / log2(2 + its document count)`. The linker adds this to a name's score; a lone surname or short form
with no full name in its report is decided by it alone (`dominant`): the candidate whose earlier reports share
clearly the most of this report's context is the one meant, which keeps a lone "Musk" in a rocket story with the
rocket Musk and one in a cookery story apart, whatever order the stories come in. No candidate clearly ahead, the
name stays on its own rather than joining any bearer.
"""

from __future__ import annotations

import math
from collections.abc import Iterable
from typing import Any

from newsintel.resolve.identity_index import IdentityIndex


def context_of(index: IdentityIndex, identity_id: str, cache: dict[str, set[str]], documents: int
               ) -> set[str]:
    """Identities mentioned alongside `identity_id` in its latest `documents` documents (cached in `cache`)."""
    if identity_id in cache:
        return cache[identity_id]
    cache[identity_id] = index.co_mentioned(identity_id, documents)
    return cache[identity_id]


def weights(index: IdentityIndex, ids: set[str]) -> float:
    """The evidence of shared identities: rare ones count more."""
    if not ids:
        return 0.0
    counts = index.document_counts(ids)
    return sum(1.0 / math.log2(2 + c) for c in counts)


def dominant(index: IdentityIndex, candidates: Iterable[str], context: set[str],
             cache: dict[str, set[str]], cfg: dict[str, Any]) -> tuple[str | None, float]:
    """The candidate this report's context points to, and its evidence; None when the evidence is below
    `lone_name_min_evidence` or the runner-up has more than 1 / `lone_name_dominance` of it.

    A candidate the report itself already names (in `context`) is the one meant, unless it names two."""
    candidates = list(dict.fromkeys(candidates))
    named = [c for c in candidates if c in context]
    if named:
        return (named[0], 1.0) if len(named) == 1 else (None, 0.0)
    evidence = sorted(((weights(index, context & context_of(index, c, cache, cfg["context_documents"])), c)
                       for c in candidates), reverse=True)
    if not evidence:
        return None, 0.0
    best, identity = evidence[0]
    runner_up = evidence[1][0] if len(evidence) > 1 else 0.0
    if best < cfg["lone_name_min_evidence"] or best < cfg["lone_name_dominance"] * runner_up:
        return None, best
    return identity, best
