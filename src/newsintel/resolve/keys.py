"""Blocking keys of identities: stored with a rank, read most specific first and best-known first, bounded.

A key is a name form ("p:driton haliti"), a first initial and surname ("p:fl:d haliti"), a surname ("p:last:haliti"),
a surname one letter off ("p:del:..."), initials ("p:ini:dh"), an organisation form or acronym ("o:", "o:acr:"), a
place form or gazetteer entry ("g:", "g:id:"). Its rank is the identity's document count, refreshed as it doubles,
so a lookup reads through the (key, rank) index and stops at a limit however common the name.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable

from newsintel.resolve.identity_index import IdentityIndex, IdentityRow

# Most specific first: an exact name form or gazetteer id (0), a first initial and surname or an acronym (1), a
# surname alone or initials (2), a surname one letter off (3).
_KEY_PRIORITY = (("p:del:", 3), ("p:last:", 2), ("p:ini:", 2), ("p:fl:", 1), ("o:acr:", 1))


def key_priority(key: str) -> int:
    return next((rank for prefix, rank in _KEY_PRIORITY if key.startswith(prefix)), 0)


def identity_ids_for_keys(index: IdentityIndex, keys: set[str], limit: int) -> list[str]:
    """At most `limit` identities stored under any of `keys`: the most specific keys first and, within a key, the
    best-known identities first. Each key is read through the (key, rank) index and stops at `limit`, so the cost
    does not depend on how common a name is or how large the store has grown."""
    found: dict[str, None] = {}
    for key in sorted(keys, key=lambda k: (key_priority(k), k)):
        if len(found) >= limit:
            break
        for identity_id in index.key_identities(key, limit):
            found.setdefault(identity_id)
    return list(found)[:limit]


def identities_for_keys(index: IdentityIndex, keys: set[str], limit: int) -> list[IdentityRow]:
    """The identities of `identity_ids_for_keys`, in its order."""
    return index.identities(identity_ids_for_keys(index, keys, limit))


def store_keys(index: IdentityIndex, identity_id: str, keys: Iterable[str], documents: int) -> None:
    """Add keys to an identity (existing ones keep their rank) at the rank of its document count."""
    index.add_keys(identity_id, keys, documents)


def new_identity_id(index: IdentityIndex, ref: str) -> str:
    """A short stable id from the first reference, stepping along its digest past ids already taken."""
    digest = hashlib.sha1(ref.encode("utf-8")).hexdigest()
    for i in range(0, len(digest) - 12):
        candidate = "I" + digest[i:i + 12]
        if not index.identity_exists(candidate):
            return candidate
    raise RuntimeError(f"no free identity id for {ref}")
