"""One type per identity: from its members' votes, or from an analyst's `retype`, which votes no longer change.

An identity's type is the type most of its entities carry (one vote per entity, so about one per document): a
name the NER model tagged ORG in one report and PERSON in five is a person. An analyst's retype (stored on the
identity as `retyped`, re-applied from the judgements after every rebuild) always wins.
"""

from __future__ import annotations

import sqlite3
from typing import Any

# Entity type -> identity kind (the kinds the resolver compares names by).
KIND_OF_TYPE = {"PERSON": "person", "ORG": "org", "GPE": "place", "LOC": "place", "FAC": "place"}


def voted_type(types: dict[str, int]) -> str:
    """The most voted type; a tie goes to the alphabetically last, so the result never depends on order."""
    return max(types, key=lambda t: (types[t], t)) if types else "ORG"


def identity_type(conn: sqlite3.Connection, identity_id: str, profile: dict[str, Any]) -> str:
    """The type to show for an identity: the analyst's retype if any, else its members' vote."""
    row = conn.execute("SELECT retyped FROM identities WHERE id = ?", (identity_id,)).fetchone()
    if row is not None and row[0]:
        return str(row[0])
    return voted_type(profile.get("types", {}))


def set_type(conn: sqlite3.Connection, identity_id: str, type_: str) -> None:
    """Give an identity the analyst's type: its kind follows (a person retyped ORG is compared as an organisation
    from now on); the caller refreshes its profile and keys."""
    conn.execute("UPDATE identities SET retyped = ?, type = ?, kind = ? WHERE id = ?",
                 (type_, type_, KIND_OF_TYPE[type_], identity_id))


def set_suppressed(conn: sqlite3.Connection, identity_id: str) -> None:
    conn.execute("UPDATE identities SET suppressed = 1 WHERE id = ?", (identity_id,))
