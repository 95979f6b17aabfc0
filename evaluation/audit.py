"""Sampled precision audit (issue 12 item 8): random events, claims and where/heading lines from a store of all real
articles in ``../shared/bench``, written as judging sheets for a judge who did not write the rules.

* ``build --db PATH``: ingest the story-clustering articles (``data/``, not ``data_damaged/``) and the
  article-extraction HTML pages into a fresh store with the normal CLI (two workers); the commit of the code is
  kept beside the store (``PATH.audit.json``).
* ``sample --db PATH --seed N --out DIR``: ``events.jsonl`` (100), ``claims.jsonl`` (100) and ``lines.jsonl`` (50
  where/heading lines of profiles), each item with what the analyst sees, its sentence and the sentences around it,
  and empty ``judgement`` (right | partly | wrong), ``category`` and ``note`` fields; ``meta.json`` holds the seed,
  the commit and how many facts were available and hidden. Only facts the views show are drawn: events and claims
  at or over the views' default ``--min-confidence`` (events after story corroboration, as profiles rank them);
  lines exactly as ``profile`` shows them (its default limit of 20 per section).
* ``score DIR``: counts and shares per kind, and the error categories the judge wrote, most frequent first.
* ``dev JUDGED OUT``: the judged items a developer may study: every item whose document is the source of a frozen
  held-out extraction gold article (``tests/gold/heldout*/``) is left out, so judged items never leak held-out text
  into development (rounds 2–6 had to be cleaned by hand for this).

Why lines are drawn by entity: an analyst meets where/heading lines through one profile at a time, so an entity
(person, organisation, described set such as "Belgian fighters") is drawn with weight = its number of lines, then
one of its lines.
"""

from __future__ import annotations

import argparse
import json
import random
import subprocess
import sys
from collections import Counter
from pathlib import Path
from typing import Any

from benchmarks.shared import ROOT, bench_dir

KINDS = {"events": 100, "claims": 100, "lines": 50}
JUDGEMENTS = ("right", "partly", "wrong")
ROLES = ("actors", "targets", "location", "origin", "destination", "via")
EMPTY = {"judgement": "", "category": "", "note": ""}


def corpus_paths() -> list[Path]:
    """The real articles: story-clustering ``data/`` (never ``data_damaged/``) and the article-extraction pages."""
    return [bench_dir("article-extraction") / "html", bench_dir("story-clustering") / "data"]


def code_commit() -> str:
    try:
        head = subprocess.run(["git", "-C", str(ROOT), "rev-parse", "HEAD"], capture_output=True, text=True,
                              check=True).stdout.strip()
        dirty = subprocess.run(["git", "-C", str(ROOT), "status", "--porcelain", "--", "src"], capture_output=True,
                               text=True, check=True).stdout.strip()
    except (OSError, subprocess.CalledProcessError):
        return "unknown"
    return head + ("+uncommitted src changes" if dirty else "")


def build(db: Path, commit: str | None = None, workers: int = 2) -> int:
    if db.exists():
        print(f"error: {db} exists: the audit needs a fresh store", file=sys.stderr)
        return 2
    meta = {"commit": commit or code_commit(), "inputs": [str(p) for p in corpus_paths()]}
    cmd = [sys.executable, "-m", "newsintel", "ingest", *meta["inputs"], "--db", str(db), "--workers", str(workers),
           "--quiet"]
    status = subprocess.run(cmd).returncode
    Path(f"{db}.audit.json").write_text(json.dumps(meta, indent=1) + "\n", encoding="utf-8")
    return 0 if status in (0, 1) else status  # 1: some input was refused (languages, bad pages): said on stderr


# --- what the judge sees -------------------------------------------------------------------------------------------

def _arg(arg: dict[str, Any], names: dict[str, tuple[str, str, str]]) -> dict[str, Any]:
    out = {"text": arg.get("text"), "kind": arg.get("kind")}
    if arg.get("entity") in names:
        out["resolved_to"] = names[arg["entity"]][1]
    for key in ("nationality", "role", "count", "group"):
        if arg.get(key):
            out[key] = arg[key]
    return out


def _context(sources: Any, doc_id: str, sentence: int) -> dict[str, Any]:
    from newsintel.store.queries import find_document

    here = sources.source(doc_id, sentence)
    doc = sources.document(doc_id)
    origin = find_document(sources.conn, doc_id)["origin"] or ""
    return {"sentence": here["sentence_text"],
            "previous": sources.source(doc_id, sentence - 1)["sentence_text"] if sentence > 0 else "",
            "next": sources.source(doc_id, sentence + 1)["sentence_text"],
            "document": {"id": doc_id, "title": here["title"], "published": here["published"],
                         "publisher": here["publisher"], "sentence_index": sentence,
                         "chars": len(doc["text"] or ""), "file": origin.replace("\\", "/").rsplit("/", 1)[-1]}}


def event_view(fact: dict[str, Any], names: dict[str, tuple[str, str, str]]) -> dict[str, Any]:
    from newsintel.views.common import STATUS, date_fields, said_by

    dates = date_fields(fact)
    return {"type": fact["type"], "trigger": fact["trigger"],
            **{role: [_arg(a, names) for a in fact.get(role, [])] for role in ROLES},
            "time": {"text": (fact.get("time") or {}).get("text"), "shown": dates["date"],
                     "precision": dates["date_precision"], "dated_by": dates["dated_by"]},
            "modality": fact["modality"], "status": STATUS.get(fact["modality"], fact["modality"]),
            "said_by": said_by(fact), "confidence": fact.get("confidence"), "why": fact.get("why", [])}


def claim_view(fact: dict[str, Any], names: dict[str, tuple[str, str, str]]) -> dict[str, Any]:
    speaker = fact.get("speaker") or {}
    return {"speaker": {**_arg(speaker, names), "unresolved": bool(speaker.get("unresolved"))},
            "cue": fact.get("cue"), "content": fact.get("content"), "medium": fact.get("medium"),
            "modality": fact.get("modality"), "confidence": fact.get("confidence"), "why": fact.get("why", [])}


def _names(conn: Any, facts: list[dict[str, Any]], roles: tuple[str, ...]) -> dict[str, tuple[str, str, str]]:
    from newsintel.views.common import identity_of_entities

    ids = [a.get("entity") for f in facts for r in roles for a in
           (f.get(r) if isinstance(f.get(r), list) else [f.get(r) or {}])]
    return identity_of_entities(conn, sorted({i for i in ids if i}))


def _order(fact: dict[str, Any]) -> tuple:
    return fact["source"]["document"], fact["start"], fact["end"], json.dumps(fact, sort_keys=True)


# --- drawing -------------------------------------------------------------------------------------------------------

def shown_events(conn: Any, threshold: float) -> tuple[list[dict[str, Any]], int]:
    """Every event the views would show (after story corroboration), in a fixed order; and how many are hidden."""
    from newsintel.store.queries import list_events
    from newsintel.views.confidence import confident, corroborate

    facts = sorted(list_events(conn, limit=sys.maxsize), key=_order)
    corroborate(conn, facts)
    return confident(facts, threshold)


def shown_claims(conn: Any, threshold: float) -> tuple[list[dict[str, Any]], int]:
    from newsintel.store.queries import list_claims
    from newsintel.views.confidence import confident

    return confident(sorted(list_claims(conn, limit=sys.maxsize), key=_order), threshold)


def profile_lines(conn: Any, limit: int = 20) -> tuple[dict[str, list[dict[str, Any]]], int]:
    """Entity label -> the where/heading lines its profile shows; and the events hidden under the threshold."""
    from newsintel.store.actors import list_actors
    from newsintel.store.queries import top_entities
    from newsintel.views.common import find_identities
    from newsintel.views.group_profile import build_group_profile, build_set_profile
    from newsintel.views.profile import build_profile

    out: dict[str, list[dict[str, Any]]] = {}
    hidden = 0
    for type_ in ("PERSON", "ORG"):
        for entry in top_entities(conn, type_, sys.maxsize):
            rows = find_identities(conn, entry["identity"], 1)
            if not rows:
                continue
            profile = (build_group_profile if type_ == "ORG" else build_profile)(conn, rows[0], limit)
            hidden += profile.get("hidden", 0)
            label = f"{type_} {entry['name']} [{entry['identity']}]"
            lines = [{"section": "where", **w} for w in profile["where"]]
            lines += [{"section": "heading", **h} for h in profile["heading"]]
            lines += _member_lines(profile.get("members"))
            if lines:
                out[label] = lines
    sets = sorted({(a.get("nationality"), a["role"]) for a in list_actors(conn, limit=sys.maxsize) if a.get("role")},
                  key=lambda s: (s[0] or "", s[1]))
    for nationality, role in sets:
        name = f"{nationality or ''} {role}".strip()
        lines = _member_lines(build_set_profile(conn, name, nationality, role, limit)["members"])
        if lines:
            out[f"SET {name}"] = lines
    return out, hidden


def _member_lines(members: dict[str, Any] | None) -> list[dict[str, Any]]:
    if not members:
        return []
    lines = [{"section": "where (member)", **w} for w in members["where"]]
    return lines + [{"section": f"heading (member, {status})", **h} for status, facts in members["heading"].items()
                    for h in facts]


def line_view(line: dict[str, Any], names: dict[str, tuple[str, str, str]]) -> dict[str, Any]:
    keep = ("section", "place", "event", "type", "trigger", "status", "said_by", "date", "date_precision", "dated_by",
            "modality", "confidence")
    out = {k: line[k] for k in keep if line.get(k) is not None}
    if line.get("geo"):
        out["geo"] = line["geo"]
    for role in ROLES:
        if line.get(role):
            out[role] = [_arg(a, names) for a in line[role]]
    if line.get("member"):
        out["member"] = {k: line["member"].get(k) for k in ("kind", "text", "as", "membership") if k in line["member"]}
    return out


def _line_key(entity: str, line: dict[str, Any]) -> str:
    src = line["source"]
    return json.dumps([entity, line["section"], src["document"], src["sentence"], line.get("place"),
                       line.get("trigger"), line.get("start")], default=str)


def draw_lines(rng: random.Random, by_entity: dict[str, list[dict[str, Any]]], n: int
               ) -> list[tuple[str, dict[str, Any]]]:
    """n distinct (entity, line): an entity drawn with weight = its number of lines, then one of its lines."""
    labels = sorted(by_entity)
    weights = [len(by_entity[e]) for e in labels]
    total = len({_line_key(e, ln) for e in labels for ln in by_entity[e]})
    picked: dict[str, tuple[str, dict[str, Any]]] = {}
    while len(picked) < min(n, total):
        entity = rng.choices(labels, weights)[0]
        line = rng.choice(by_entity[entity])
        picked.setdefault(_line_key(entity, line), (entity, line))
    return list(picked.values())


def sample(db: Path, seed: int, out: Path, counts: dict[str, int] | None = None) -> dict[str, Any]:
    from newsintel.store import connect
    from newsintel.views.common import Sources
    from newsintel.views.confidence import default_min_confidence

    counts = {**KINDS, **(counts or {})}
    conn = connect(db, readonly=True)
    sources = Sources(conn)
    threshold = default_min_confidence()
    meta_path = Path(f"{db}.audit.json")
    meta: dict[str, Any] = {"seed": seed, "db": str(db), "min_confidence": threshold,
                            "commit": json.loads(meta_path.read_text())["commit"] if meta_path.exists() else "unknown"}
    out.mkdir(parents=True, exist_ok=True)
    sheets: dict[str, list[dict[str, Any]]] = {}
    for kind, (shown, hidden) in (("events", shown_events(conn, threshold)), ("claims", shown_claims(conn, threshold))):
        rng = random.Random(f"{seed}:{kind}")
        drawn = rng.sample(shown, min(counts[kind], len(shown)))
        view = event_view if kind == "events" else claim_view
        names = _names(conn, drawn, ROLES if kind == "events" else ("speaker",))
        sheets[kind] = [{"item": i + 1, **view(f, names), **_context(sources, f["source"]["document"], f["sentence"]),
                         **EMPTY} for i, f in enumerate(drawn)]
        meta[kind] = {"shown": len(shown), "hidden_under_min_confidence": hidden, "drawn": len(drawn)}
    by_entity, hidden = profile_lines(conn)
    drawn_lines = draw_lines(random.Random(f"{seed}:lines"), by_entity, counts["lines"])
    names = _names(conn, [ln for _, ln in drawn_lines], ROLES)
    sheets["lines"] = [{"item": i + 1, "entity": entity, **line_view(line, names),
                        **_context(sources, line["source"]["document"], line["source"]["sentence"]), **EMPTY}
                       for i, (entity, line) in enumerate(drawn_lines)]
    meta["lines"] = {"entities_with_lines": len(by_entity), "lines": sum(map(len, by_entity.values())),
                     "profile_events_hidden_under_min_confidence": hidden, "drawn": len(drawn_lines)}
    for kind, items in sheets.items():
        (out / f"{kind}.jsonl").write_text("".join(json.dumps(x, ensure_ascii=False) + "\n" for x in items),
                                           encoding="utf-8")
    (out / "meta.json").write_text(json.dumps(meta, indent=1) + "\n", encoding="utf-8")
    conn.close()
    return meta


# --- scoring -------------------------------------------------------------------------------------------------------

def heldout_sources() -> set[str]:
    """File names of the articles behind the frozen held-out gold (only their ``source.path``, nothing else)."""
    from evaluation.extraction_gold import HELDOUT_SETS, gold_root

    names = set()
    for subset in HELDOUT_SETS:
        for path in sorted((gold_root() / subset).glob("*.json")):
            source = json.loads(path.read_text(encoding="utf-8")).get("source") or {}
            if source.get("path"):
                names.add(source["path"].replace("\\", "/").rsplit("/", 1)[-1])
    return names


def dev_copy(judged: Path, out: Path) -> dict[str, dict[str, int]]:
    """Copy judged sheets to ``out`` without items from held-out documents; counts kept / left out per kind."""
    held = heldout_sources()
    out.mkdir(parents=True, exist_ok=True)
    counts = {}
    for kind in KINDS:
        path = judged / f"{kind}.jsonl"
        if not path.exists():
            continue
        lines = [ln for ln in path.read_text(encoding="utf-8").splitlines() if ln.strip()]
        kept = [ln for ln in lines if json.loads(ln)["document"].get("file") not in held]
        (out / f"{kind}.jsonl").write_text("".join(ln + "\n" for ln in kept), encoding="utf-8")
        counts[kind] = {"kept": len(kept), "left_out": len(lines) - len(kept)}
    return counts


def score(folder: Path, meta_path: Path | None = None) -> dict[str, Any]:
    """Judged counts per kind; shares over the judged items; categories of the items not right. The sample's
    `meta.json` is read from the folder, else from `meta_path` (judges often write their sheets elsewhere)."""
    meta_path = meta_path or folder / "meta.json"
    if not meta_path.exists():
        raise SystemExit(f"audit: {meta_path}: no meta.json of the sample; pass --meta SHEETS/meta.json")
    meta = json.loads(meta_path.read_text(encoding="utf-8"))
    result: dict[str, Any] = {"seed": meta.get("seed"), "commit": meta.get("commit"),
                              "min_confidence": meta.get("min_confidence"), "kinds": {}}
    for kind in KINDS:
        path = folder / f"{kind}.jsonl"
        if not path.exists():
            continue
        items = [json.loads(x) for x in path.read_text(encoding="utf-8").splitlines() if x.strip()]
        counts = Counter(x.get("judgement") or "unjudged" for x in items)
        judged = sum(counts[j] for j in JUDGEMENTS)
        categories: Counter[str] = Counter()
        for x in items:
            if x.get("judgement") in ("partly", "wrong"):
                categories.update(c.strip() for c in (x.get("category") or "uncategorised").split(";") if c.strip())
        result["kinds"][kind] = {"items": len(items), "judged": judged, **{j: counts[j] for j in JUDGEMENTS},
                                 "unjudged": len(items) - judged,
                                 "right_share": counts["right"] / judged if judged else None,
                                 "categories": categories.most_common()}
    return result


def print_score(result: dict[str, Any]) -> None:
    print(f"audit: seed {result['seed']}, commit {result['commit']}, facts at or over confidence "
          f"{result['min_confidence']} only (the views' default)")
    for kind, r in result["kinds"].items():
        share = f"{100 * r['right_share']:.1f} %" if r["right_share"] is not None else "-"
        print(f"{kind:7} judged {r['judged']}/{r['items']}: right {r['right']} ({share}), partly {r['partly']},"
              f" wrong {r['wrong']}")
        for name, n in r["categories"][:10]:
            print(f"          {n:3}  {name}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m evaluation.audit", description=__doc__.split("\n")[0])
    sub = parser.add_subparsers(dest="command", required=True)
    p = sub.add_parser("build", help="ingest all real articles of ../shared/bench into a fresh store")
    p.add_argument("--db", required=True, type=Path)
    p.add_argument("--commit", help="commit of the code, when not run from a git checkout")
    p = sub.add_parser("sample", help="write the judging sheets")
    p.add_argument("--db", required=True, type=Path)
    p.add_argument("--seed", required=True, type=int)
    p.add_argument("--out", required=True, type=Path)
    p = sub.add_parser("score", help="count the judgements")
    p.add_argument("folder", type=Path)
    p.add_argument("--meta", type=Path, help="the sample's meta.json, when not in the folder")
    p.add_argument("--json", action="store_true")
    p = sub.add_parser("dev", help="copy judged sheets for development, without items from held-out documents")
    p.add_argument("judged", type=Path)
    p.add_argument("out", type=Path)
    args = parser.parse_args(argv)
    if args.command == "dev":
        print(json.dumps(dev_copy(args.judged, args.out)))
        return 0
    if args.command == "build":
        return build(args.db, args.commit)
    if args.command == "sample":
        meta = sample(args.db, args.seed, args.out)
        print(json.dumps(meta, indent=1))
        print(f"sampled only facts at or over confidence {meta['min_confidence']} (the views' default)")
        return 0
    result = score(args.folder, args.meta)
    print(json.dumps(result, indent=1)) if args.json else print_score(result)
    return 0


if __name__ == "__main__":
    sys.exit(main())
