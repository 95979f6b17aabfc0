"""The STIX round trip of issue 14 item 3 on a real store: export store A as STIX (every TLP), import the bundle
into an empty store B, and compare what `profile` shows for every identity of A with its counterpart in B:
where / heading / associates, each line with its grades, TLP and source. Prints counts (identities with something in
a section, and how many of them are equal) and each difference, so a regression names the identity and the lines.

An identity of A is matched with an identity of B of the same name and type, else, once every such pair is made,
with one of the same name (a town typed PERSON in one report and GPE elsewhere is two identities: each finds its
own); namesakes (two identities of A with one name and type) are each matched with a different one of B, the one
whose sections agree most. Each difference that a documented choice of the export explains (README, STIX section)
names that cause: a place with neither point nor country (STIX cannot hold it), a relation of someone with
themself. Run: `python -m benchmarks.round_trip --db STORE [--keep DIR] [--json]`.
"""

from __future__ import annotations

import argparse
import contextlib
import io
import json
import sys
import tempfile
from collections import Counter
from pathlib import Path
from typing import Any

SECTIONS = ("where", "heading", "associates")
PARTNER = "Round Trip"
LIMIT = 1000  # every line of a section, not the views' first 20
UNPLACED = "a place with neither point nor country: no STIX location holds it"
ITSELF = "a relation of someone with themself: not exported"


def where_lines(p: dict[str, Any]) -> list[str]:
    return sorted(
        json.dumps(
            [
                w["place"],
                w["date"],
                w["event"],
                w["status"],
                w["said_by"],
                w["source"]["title"],
                w["source"]["publisher"],
                w["tlp"],
                w["source_reliability"],
                w["credibility"],
            ]
        )
        for w in p.get("where", [])
    )


def heading_lines(p: dict[str, Any]) -> list[str]:
    def names(args: list[dict[str, Any]]) -> list[str]:
        return [a.get("name") or a.get("text") for a in args]

    return sorted(
        json.dumps(
            [
                f["type"],
                f["trigger"],
                f["status"],
                f["date"],
                names(f["origin"]),
                names(f["destination"]),
                f["source"]["title"],
                f["tlp"],
                f["source_reliability"],
                f["credibility"],
            ]
        )
        for f in p.get("heading", [])
    )


def associate_lines(p: dict[str, Any]) -> list[str]:
    return sorted(
        json.dumps(
            [
                a["kind"],
                a.get("type"),
                a.get("name") or a["other"]["name"],
                a.get("role"),
                a.get("tlp"),
                a.get("credibility"),
            ]
            + ([a["source"]["title"]] if a["kind"] == "relation" else [])
        )
        for a in p.get("associates", [])
    )


LINES = {"where": where_lines, "heading": heading_lines, "associates": associate_lines}


def profiles(db: str) -> list[dict[str, Any]]:
    """Every identity of the store (not suppressed) with its sections as comparable lines."""
    from newsintel.store import connect
    from newsintel.views.grading import grade_facts
    from newsintel.views.group_profile import build_group_profile
    from newsintel.views.profile import build_profile

    conn = connect(db)
    placed = {r[0] for r in conn.execute(
        "SELECT DISTINCT l.identity_id FROM entity_links l JOIN entities e ON e.id = l.entity_id"
        " WHERE e.lat IS NOT NULL OR e.country IS NOT NULL")}
    out = []
    for row in conn.execute("SELECT * FROM identities WHERE suppressed = 0 ORDER BY name, id").fetchall():
        build = build_group_profile if row["type"] == "ORG" else build_profile
        p = build(conn, row, LIMIT)
        grade_facts(conn, p)  # tlp, source_reliability and credibility, as `profile` prints them
        itself = [a for a in p.get("associates", []) if a["kind"] == "relation"
                  and (a.get("other") or {}).get("identity") == row["id"]]
        out.append({"id": row["id"], "name": row["name"], "type": row["type"],
                    "unplaced": row["kind"] == "place" and row["id"] not in placed,
                    "itself": associate_lines({"associates": itself}),
                    **{s: LINES[s](p) for s in SECTIONS}})
    conn.close()
    return out


def _agree(a: dict[str, Any], b: dict[str, Any]) -> int:
    return sum(a[s] == b[s] for s in SECTIONS)


def _matches(a_rows: list[dict[str, Any]], b_rows: list[dict[str, Any]]) -> dict[str, dict[str, Any]]:
    """A's id -> its counterpart in B: same name and type first, for every identity of A, then the same name."""
    by_name: dict[str, list[dict[str, Any]]] = {}
    for b in b_rows:
        by_name.setdefault(b["name"], []).append(b)
    used: set[str] = set()
    out: dict[str, dict[str, Any]] = {}
    for same_type in (True, False):
        for a in a_rows:
            if a["id"] in out or not any(a[s] for s in SECTIONS):
                continue
            pool = [b for b in by_name.get(a["name"], []) if b["id"] not in used
                    and (b["type"] == a["type"] or not same_type)]
            match = max(pool, key=lambda b: _agree(a, b), default=None)
            if match is not None:
                used.add(match["id"])
                out[a["id"]] = match
    return out


def _cause(a: dict[str, Any], b: dict[str, Any] | None, only_in_a: list[str], only_in_b: list[str]) -> str | None:
    """The documented choice of the export that explains a difference, if one does."""
    if a["unplaced"] and b is None:
        return UNPLACED
    if only_in_a and not only_in_b and set(only_in_a) <= set(a["itself"]):
        return ITSELF
    return None


def compare(a_rows: list[dict[str, Any]], b_rows: list[dict[str, Any]]) -> dict[str, Any]:
    """Per section: identities of A with lines there (or whose match in B has), how many equal, the differences
    (each with the documented cause that explains it, or None)."""
    matches = _matches(a_rows, b_rows)
    counts = {s: {"identities": 0, "equal": 0} for s in SECTIONS}
    differences = []
    for a in a_rows:
        if not any(a[s] for s in SECTIONS):
            continue
        match = matches.get(a["id"])
        b = match or {s: [] for s in SECTIONS}
        for s in SECTIONS:
            if not (a[s] or b[s]):
                continue
            counts[s]["identities"] += 1
            if a[s] == b[s]:
                counts[s]["equal"] += 1
            else:
                only_in_a, only_in_b = sorted(set(a[s]) - set(b[s])), sorted(set(b[s]) - set(a[s]))
                differences.append(
                    {
                        "name": a["name"],
                        "type": a["type"],
                        "a": a["id"],
                        "b": b.get("id"),
                        "section": s,
                        "cause": _cause(a, match, only_in_a, only_in_b),
                        "only_in_a": only_in_a,
                        "only_in_b": only_in_b,
                    }
                )
    return {"counts": counts, "differences": differences}


def round_trip(db: str, work: Path) -> dict[str, Any]:
    """Export `db`, import into a new store under `work`, compare; the CLI's own output is kept out of sight."""
    from newsintel.cli.main import main

    bundle, store_b = work / "bundle.json", work / "b.db"
    quiet = io.StringIO()
    with contextlib.redirect_stdout(quiet), contextlib.redirect_stderr(quiet):
        if main(["export", "stix", "--out", str(bundle), "--db", db, "--tlp-max", "red"]) != 0:
            raise SystemExit(f"export failed: {quiet.getvalue()}")
        if main(["import", str(bundle), "--db", str(store_b), "--source", PARTNER]) != 0:
            raise SystemExit(f"import failed: {quiet.getvalue()}")
    result = compare(profiles(db), profiles(str(store_b)))
    result["store_b"] = str(store_b)
    return result


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--db", required=True, help="store A")
    parser.add_argument("--keep", metavar="DIR", help="keep the bundle and store B here (default: a temporary dir)")
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(args.keep or tmp)
        work.mkdir(parents=True, exist_ok=True)
        for old in ("bundle.json", "b.db"):
            (work / old).unlink(missing_ok=True)
        result = round_trip(args.db, work)
    if args.json:
        print(json.dumps(result, ensure_ascii=False, indent=1))
        return 0
    for d in result["differences"]:
        print(f"{d['section']}: {d['name']} ({d['type']}) A {d['a']} / B {d['b']}"
              + (f" — {d['cause']}" if d["cause"] else ""))
        for line in d["only_in_a"]:
            print(f"  only in A: {line}")
        for line in d["only_in_b"]:
            print(f"  only in B: {line}")
    print(
        "; ".join(f"{s} {c['equal']}/{c['identities']} identities equal" for s, c in result["counts"].items()),
        file=sys.stderr,
    )
    explained = Counter(d["cause"] for d in result["differences"] if d["cause"])
    unexplained = sum(1 for d in result["differences"] if not d["cause"])
    print(f"differences: {unexplained} unexplained, {sum(explained.values())} by a documented choice"
          + "".join(f"; {n} {cause}" for cause, n in sorted(explained.items())), file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
