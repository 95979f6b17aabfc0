"""Invariants every identity of a real store must keep (issue 12, task X7): what an analyst would read as two
different referents merged into one file.

* ``countries``: a place identity whose members are geocoded to places of different countries ("Korea" holding
  both North and South Korea, "Georgia" the state and the country). A continent or an ocean has no country.
* ``person+place``: a place identity holding a member typed PERSON, or a person or organisation identity whose
  profile holds a place (a member the NER model typed as a place and the geocoder placed, "Obama" read as the
  town in Japan, kept as a place of the person's file).

Usage: ``python -m evaluation.identity_invariants --db STORE [--show N]``; exit status 1 when any identity breaks
an invariant. The store is only read.
"""

from __future__ import annotations

import argparse
import sqlite3
import sys
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass

PLACE_TYPES = frozenset({"GPE", "LOC"})


@dataclass(frozen=True, slots=True)
class Member:
    identity: str
    kind: str  # the identity's kind: person, org, place
    name: str
    type: str  # the member entity's NER type
    country: str | None  # the geocoded place's country, None when not geocoded (or no country: a continent)
    profile_places: int = 0  # how many places the identity's profile holds


@dataclass(frozen=True, slots=True)
class Breach:
    identity: str
    rule: str
    members: tuple[Member, ...]


def breaches(members: Iterable[Member]) -> list[Breach]:
    """The identities whose members break an invariant, each with the members that show it."""
    by_identity: dict[str, list[Member]] = defaultdict(list)
    for member in members:
        by_identity[member.identity].append(member)
    found: list[Breach] = []
    for identity, group in sorted(by_identity.items()):
        kind = group[0].kind
        placed = [m for m in group if m.country]
        if kind == "place" and len({m.country for m in placed}) > 1:
            found.append(Breach(identity, "countries", tuple(placed)))
        people = [m for m in group if m.type == "PERSON"]
        if kind == "place" and people:
            found.append(Breach(identity, "person+place", (*people, *placed)))
        elif kind != "place" and group[0].profile_places:
            found.append(Breach(identity, "person+place", tuple(placed or group)))
    return found


def store_members(conn: sqlite3.Connection) -> list[Member]:
    rows = conn.execute(
        "SELECT l.identity_id, i.kind, e.name, e.type, CASE WHEN e.lat IS NULL THEN NULL ELSE e.country END, "
        "(SELECT COUNT(*) FROM json_each(i.profile, '$.place')) "
        "FROM entity_links l JOIN entities e ON e.id = l.entity_id "
        "JOIN identities i ON i.id = l.identity_id WHERE i.suppressed = 0")
    return [Member(*row) for row in rows]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--db", required=True)
    parser.add_argument("--show", type=int, default=20, help="identities to print per rule")
    args = parser.parse_args(argv)
    conn = sqlite3.connect(f"file:{args.db}?mode=ro", uri=True)
    found = breaches(store_members(conn))
    for rule in ("countries", "person+place"):
        of_rule = [b for b in found if b.rule == rule]
        print(f"{rule}: {len(of_rule)} identities")
        for breach in of_rule[:args.show]:
            shown = sorted({(m.name, m.type, m.country or "-") for m in breach.members})
            print("  ", breach.identity, "; ".join(f"{n} [{t} {c}]" for n, t, c in shown)[:300])
    return 1 if found else 0


if __name__ == "__main__":
    sys.exit(main())
