"""Cross-document entity resolution: the gold mentions and the mention-level B³ scorer.

Gold: ``tests/gold/resolution/mentions.jsonl`` (format and annotation rules in that folder's README.md), one
line per person or organisation mention with the document's ``origin``, character offsets into the cleaned text
(as ``newsintel extract --json`` prints it) and the ``identity`` of the real-world referent. Real articles are
read in place from the shared folder and never copied; the gold holds only offsets and the mention strings.

B³ (Bagga & Baldwin 1998), mention level: for every gold mention m, precision(m) = |pred(m) ∩ gold(m)| /
|pred(m)| and recall(m) = |pred(m) ∩ gold(m)| / |gold(m)|, where gold(m) and pred(m) are the sets of gold
mentions in m's gold and predicted clusters; the scores are the means over all gold mentions. A gold mention the
system did not predict is its own singleton; predicted mentions that are not gold mentions are ignored.

Real story groups: ``tests/gold/resolution/real_dev.jsonl`` and ``real_heldout.jsonl``, 64 real articles from
``../shared/bench/story-clustering`` in 15 story groups, split by group with a fixed seed before any annotation
(``real_names.yaml``). The held-out half is frozen: it is scored, never tuned on. ``main`` prints each half on its
own (its documents ingested into a store of their own), beside the exact-string baseline.

Run ``python -m evaluation.resolution`` from the repository root.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections import defaultdict
from collections.abc import Hashable, Iterable, Mapping
from dataclasses import dataclass
from itertools import pairwise
from pathlib import Path

from evaluation.extraction import repo_root, shared_dir

GOLD = repo_root() / "tests" / "gold" / "resolution" / "mentions.jsonl"
REAL_DEV = GOLD.parent / "real_dev.jsonl"
REAL_HELDOUT = GOLD.parent / "real_heldout.jsonl"
REAL_HALVES = (("real dev", REAL_DEV), ("real held-out, frozen", REAL_HELDOUT))
TYPES = ("PERSON", "ORG")
IDENTITY = re.compile(r"^(person|org):[a-z0-9]+(?:-[a-z0-9]+)*$")
SHARED_PREFIX = "../shared/"

Key = tuple[str, int, int]  # (origin, start, end)


@dataclass(frozen=True, slots=True)
class GoldMention:
    doc: str  # the document's origin: "path", "path:LINE" (JSONL) or "path#N" (JSON list, WARC)
    title: str | None
    start: int
    end: int
    text: str
    type: str
    identity: str

    @property
    def key(self) -> Key:
        return (self.doc, self.start, self.end)


class GoldError(ValueError):
    """The gold file is malformed; the message names the file, line and reason."""


def load_gold(path: Path = GOLD) -> list[GoldMention]:
    """Read and check the gold file (fields, types, identity slugs, offsets, no duplicate or overlapping spans).

    Offsets are checked against the document text only by the tests (that needs the cleaner), not here.
    """
    mentions: list[GoldMention] = []
    with open(path, encoding="utf-8") as f:
        for n, line in enumerate(f, 1):
            if not line.strip():
                continue
            where = f"{path}:{n}"
            try:
                row = json.loads(line)
            except json.JSONDecodeError as err:
                raise GoldError(f"{where}: malformed JSON ({err.msg})") from None
            mentions.append(_mention(row, where))
    by_doc: dict[str, list[GoldMention]] = defaultdict(list)
    for m in mentions:
        by_doc[m.doc].append(m)
    for doc, ms in by_doc.items():
        ms.sort(key=lambda m: m.start)
        for a, b in pairwise(ms):
            if b.start < a.end:
                raise GoldError(f"{path}: {doc}: mentions at {a.start}-{a.end} and {b.start}-{b.end} overlap")
        if len({m.title for m in ms}) > 1:
            raise GoldError(f"{path}: {doc}: mentions disagree on the document title")
    return mentions


def _mention(row: object, where: str) -> GoldMention:
    if not isinstance(row, dict):
        raise GoldError(f"{where}: not a JSON object")
    fields = {"doc": str, "start": int, "end": int, "text": str, "type": str, "identity": str}
    for name, kind in fields.items():
        if not isinstance(row.get(name), kind) or isinstance(row.get(name), bool):
            raise GoldError(f"{where}: field {name!r} missing or not {kind.__name__}")
    if row.get("title") is not None and not isinstance(row["title"], str):
        raise GoldError(f"{where}: field 'title' not a string")
    m = GoldMention(row["doc"], row.get("title"), row["start"], row["end"], row["text"], row["type"],
                    row["identity"])
    if not 0 <= m.start < m.end or m.end - m.start != len(m.text):
        raise GoldError(f"{where}: offsets {m.start}-{m.end} do not fit the text {m.text!r}")
    if m.text != m.text.strip():
        raise GoldError(f"{where}: mention text has surrounding spaces")
    if m.type not in TYPES:
        raise GoldError(f"{where}: unknown type {m.type!r}")
    if not IDENTITY.match(m.identity):
        raise GoldError(f"{where}: identity {m.identity!r} is not 'person:slug' or 'org:slug'")
    if (m.type == "PERSON") != m.identity.startswith("person:"):
        raise GoldError(f"{where}: type {m.type} does not match identity {m.identity!r}")
    return m


def origin_file(origin: str) -> str:
    """The file part of an origin ("feed.jsonl:3", "crawl.warc.gz#2" -> the file)."""
    return re.sub(r"(:\d+|#\d+)$", "", origin)


def document_path(origin: str) -> Path:
    """The file an origin names, relative paths taken from the repository root; '../shared/' is the shared dir."""
    path = origin_file(origin)
    if path.startswith(SHARED_PREFIX):
        return shared_dir() / path[len(SHARED_PREFIX):]
    return repo_root() / path


def b_cubed(gold: Mapping[Hashable, str], pred: Mapping[Hashable, Hashable]) -> tuple[float, float, float]:
    """Mention-level B³ precision, recall and F1 of `pred` (key -> cluster id) against `gold` (key -> identity).

    Only gold keys are scored: a gold key missing from `pred` is a singleton, extra predicted keys are ignored.
    """
    if not gold:
        return 0.0, 0.0, 0.0
    gold_clusters: dict[str, set] = defaultdict(set)
    pred_clusters: dict[tuple[bool, Hashable], set] = defaultdict(set)
    for key, identity in gold.items():
        gold_clusters[identity].add(key)
        cluster = (True, pred[key]) if key in pred else (False, key)  # missing: a singleton of its own
        pred_clusters[cluster].add(key)
    pred_of = {key: members for members in pred_clusters.values() for key in members}
    precision = recall = 0.0
    for key, identity in gold.items():
        g, p = gold_clusters[identity], pred_of[key]
        both = len(g & p)
        precision += both / len(p)
        recall += both / len(g)
    precision /= len(gold)
    recall /= len(gold)
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return precision, recall, f1


def align(gold: Iterable[Key], pred: Mapping[Key, Hashable]) -> dict[Key, Hashable]:
    """Predicted cluster for each gold key, taken from the predicted mention that best overlaps it.

    Spans rarely agree to the character (spaCy puts "the" inside organisation names, the gold does not), so a
    gold mention takes the cluster of the predicted mention in the same document with the largest character
    overlap; an exact match wins, no overlap means no prediction (a singleton for `b_cubed`).
    """
    by_doc: dict[str, list[Key]] = defaultdict(list)
    for key in pred:
        by_doc[key[0]].append(key)
    out: dict[Key, Hashable] = {}
    for key in gold:
        if key in pred:
            out[key] = pred[key]
            continue
        doc, start, end = key
        best = max(by_doc.get(doc, ()), default=None, key=lambda k: min(end, k[2]) - max(start, k[1]))
        if best is not None and min(end, best[2]) > max(start, best[1]):
            out[key] = pred[best]
    return out


def namesake_groups(mentions: Iterable[GoldMention]) -> list[tuple[str, list[str]]]:
    """Surnames shared by different persons: the last word of each multi-word name, and each one-word name."""
    owners: dict[str, set[str]] = defaultdict(set)
    for m in mentions:
        if m.type != "PERSON" or m.text.endswith("."):
            continue  # initials ("E.M.", "Dennis K.") say nothing about a surname
        owners[m.text.split()[-1].casefold()].add(m.identity)
    return sorted((name, sorted(ids)) for name, ids in owners.items() if len(ids) > 1)


def gold_counts(mentions: list[GoldMention]) -> dict[str, object]:
    """The figures `main` prints: size of the gold and how hard it is."""
    docs_of: dict[str, set[str]] = defaultdict(set)
    strings_of: dict[str, set[str]] = defaultdict(set)
    ids_of_string: dict[str, set[str]] = defaultdict(set)
    for m in mentions:
        docs_of[m.identity].add(m.doc)
        strings_of[m.identity].add(m.text)
        ids_of_string[m.text].add(m.identity)
    docs = {m.doc for m in mentions}
    return {
        "documents": len(docs),
        "documents_real": sum(d.startswith(SHARED_PREFIX) for d in docs),
        "mentions": len(mentions),
        "mentions_person": sum(m.type == "PERSON" for m in mentions),
        "mentions_org": sum(m.type == "ORG" for m in mentions),
        "identities": len(docs_of),
        "identities_cross_document": sum(len(d) > 1 for d in docs_of.values()),
        "identities_with_variants": sum(len(s) > 1 for s in strings_of.values()),
        "name_strings": sum(len(s) for s in strings_of.values()),
        "ambiguous_strings": sorted(s for s, ids in ids_of_string.items() if len(ids) > 1),
        "namesake_groups": namesake_groups(mentions),
    }


def resolve_gold_documents(mentions: list[GoldMention]) -> tuple[dict[Key, str], dict[Key, str]]:
    """Ingest the gold's documents into a temporary store with the full pipeline (never reading the gold while
    doing it) and return, for every stored mention, its identity and its in-document entity."""
    import tempfile

    from newsintel.batch import ingest
    from newsintel.pipeline import Processor
    from newsintel.store import connect

    paths = sorted({origin_file(m.doc) for m in mentions})
    with tempfile.TemporaryDirectory() as tmp:
        conn = connect(Path(tmp) / "resolution.db")
        with Processor(workers=1) as processor:
            summary = ingest(paths, conn, processor)
        if summary.failed:
            print(f"  warning: {summary.failed} gold documents failed to ingest", file=sys.stderr)
        rows = conn.execute(
            "SELECT d.origin, m.start, m.end, m.entity_id, l.identity_id FROM mentions m"
            " JOIN documents d ON d.id = m.document_id LEFT JOIN entity_links l ON l.entity_id = m.entity_id"
            " JOIN entities e ON e.id = m.entity_id WHERE e.type IN ('PERSON', 'ORG', 'NORP', 'GPE', 'LOC', 'FAC')"
        ).fetchall()
        conn.close()
    identity = {(r[0], r[1], r[2]): r[4] or r[3] for r in rows}
    entity = {(r[0], r[1], r[2]): r[3] for r in rows}
    return identity, entity


def score_resolver(mentions: list[GoldMention]) -> dict[str, tuple[float, float, float]]:
    identity, entity = resolve_gold_documents(mentions)
    gold = {m.key: m.identity for m in mentions}
    resolved = align(gold, identity)
    in_document = align(gold, entity)
    scores = {"all": b_cubed(gold, resolved), "in-document entities only (baseline)": b_cubed(gold, in_document)}
    for label, keep in (("PERSON", lambda m: m.type == "PERSON"), ("ORG", lambda m: m.type == "ORG"),
                        ("real articles", lambda m: m.doc.startswith(SHARED_PREFIX)),
                        ("without the demo's wire credit lines", lambda m: m.identity != "org:wire")):
        subset = {m.key: m.identity for m in mentions if keep(m)}
        scores[label] = b_cubed(subset, resolved)
    return scores


def exact_string_baseline(mentions: Iterable[GoldMention]) -> dict[Key, str]:
    """The simplest resolver: one cluster per exact mention string (across documents, whatever the type)."""
    return {m.key: m.text for m in mentions}


def score_real_half(mentions: list[GoldMention]) -> dict[str, tuple[float, float, float]]:
    """B³ of newsintel on one real half (its documents alone in a store), beside the exact-string baseline."""
    gold = {m.key: m.identity for m in mentions}
    identity, _ = resolve_gold_documents(mentions)
    return {"newsintel": b_cubed(gold, align(gold, identity)),
            "exact string on the gold spans (baseline)": b_cubed(gold, exact_string_baseline(mentions))}


def print_real_halves(halves: tuple[tuple[str, Path], ...] = REAL_HALVES
                      ) -> dict[str, dict[str, tuple[float, float, float]]]:
    """Each real half on its own: size, then B³ of newsintel and of the exact-string baseline."""
    out = {}
    for label, path in halves:
        try:
            mentions = load_gold(path)
        except (OSError, GoldError) as err:
            print(f"resolution gold, {label}: {err}", file=sys.stderr)
            continue
        c = gold_counts(mentions)
        print(f"  {label} ({path.name}): documents {c['documents']}, mentions {c['mentions']}"
              f" ({c['mentions_person']} person, {c['mentions_org']} org), identities {c['identities']}"
              f" ({c['identities_cross_document']} in more than one document)")
        print("    B³ (mention-level)                         precision  recall     F1")
        out[label] = score_real_half(mentions)
        for name, (p, r, f) in out[label].items():
            print(f"      {name:<41} {p:8.3f} {r:7.3f} {f:7.3f}")
    return out


def main(argv: list[str] | None = None) -> dict[str, object]:
    """Print the size of the gold, then B³ of newsintel's cross-document resolution on it; then the real halves.

    ``--dev-only`` scores the real dev half alone: the held-out half is neither read nor computed (for tuning).
    """
    parser = argparse.ArgumentParser(prog="python -m evaluation.resolution", description=__doc__.split("\n")[0])
    parser.add_argument("--dev-only", action="store_true",
                        help="score the real dev half alone; the held-out half is neither read nor computed")
    dev_only = parser.parse_args(sys.argv[1:] if argv is None else argv).dev_only
    try:
        mentions = load_gold()
    except (OSError, GoldError) as err:
        print(f"resolution gold: {err}", file=sys.stderr)
        return {}
    counts = gold_counts(mentions)
    print("Entity resolution gold (tests/gold/resolution/mentions.jsonl)")
    print(f"  documents {counts['documents']} ({counts['documents_real']} real), mentions {counts['mentions']}"
          f" ({counts['mentions_person']} person, {counts['mentions_org']} org)")
    print(f"  identities {counts['identities']}, in more than one document {counts['identities_cross_document']},"
          f" with several spellings/names {counts['identities_with_variants']} ({counts['name_strings']} strings)")
    groups = counts["namesake_groups"]
    print(f"  namesake groups (persons sharing a surname) {len(groups)}: "
          + "; ".join(f"{name}: {len(ids)}" for name, ids in groups))
    print(f"  strings naming more than one identity {len(counts['ambiguous_strings'])}")
    print("  B³ (mention-level; target F1 >= 0.90)      precision  recall     F1")
    for label, (p, r, f) in score_resolver(mentions).items():
        print(f"    {label:<40} {p:9.3f} {r:7.3f} {f:7.3f}")
    print("Real story groups, each half on its own (target on the held-out half: F1 >= 0.92, recall >= 0.85 at"
          " precision >= 0.97)")
    counts["real"] = print_real_halves(REAL_HALVES[:1] if dev_only else REAL_HALVES)
    return counts


if __name__ == "__main__":
    main()
