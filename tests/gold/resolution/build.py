"""Rebuild the gold mention files from the annotator's name lists, or review what they cover.

`names.yaml` makes `mentions.jsonl` (demo corpus and the first 14 real articles); `real_names.yaml` makes
`real_dev.jsonl` and `real_heldout.jsonl` (real articles in story groups, each group in one half; the held-out
half is frozen).

The annotator reads each document and writes down, per document, every name string that refers to a person or an
organisation and whose it is (`names.yaml`). This script finds every occurrence of those strings in the document
text as newsintel cleans it (case-sensitive, whole words, longest name first) and writes one line per mention.
`except` drops occurrences that are not mentions, `assign` gives single occurrences another identity (namesakes).

    .venv/bin/python tests/gold/resolution/build.py            # write all three files
    .venv/bin/python tests/gold/resolution/build.py --review   # print each document with its mentions marked
    .venv/bin/python tests/gold/resolution/build.py --review real 4baed2ff  # only the real groups, one document
"""

from __future__ import annotations

import argparse
import json
import os
import re
import sys
from pathlib import Path

import yaml

from newsintel.clean import clean
from newsintel.ingest import read_path
from newsintel.model import Failure

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[2]


def documents(paths: list[str]) -> dict[str, tuple[str | None, str]]:
    """origin -> (title, cleaned text) for every document in `paths` (relative to the repository root)."""
    out: dict[str, tuple[str | None, str]] = {}
    for path in dict.fromkeys(p.split("#")[0].split(":")[0] for p in paths):
        for raw in read_path(Path(path)):
            if isinstance(raw, Failure):
                sys.exit(raw.line())
            info = clean(raw)
            out[raw.origin] = (info.title, info.text)
    return out


def find(text: str, names: dict[str, str]) -> list[tuple[int, int, str]]:
    """Non-overlapping whole-word occurrences of the names, longest first, in text order."""
    hits = []
    for name in names:
        for m in re.finditer(r"(?<!\w)" + re.escape(name) + r"(?!\w)", text):
            hits.append((m.start(), m.end(), name))
    hits.sort(key=lambda h: (-(h[1] - h[0]), h[0]))
    taken: list[tuple[int, int, str]] = []
    for hit in hits:
        if all(hit[1] <= t[0] or hit[0] >= t[1] for t in taken):
            taken.append(hit)
    return sorted(taken)


def build(spec: dict) -> tuple[list[dict], dict[str, str]]:
    docs = documents([d["doc"] for d in spec["documents"]])
    lines: list[dict] = []
    for entry in spec["documents"]:
        origin = entry["doc"]
        title, text = docs[origin]
        lexicons = entry.get("lexicon", "")
        names = {}
        for lexicon in [lexicons] if isinstance(lexicons, str) else lexicons:
            names.update(spec["lexicons"].get(lexicon, {}))
        names.update(entry.get("names") or {})
        skip = {(k, n) for k, ns in (entry.get("except") or {}).items() for n in ns}
        assign = {(k, n): v for k, d in (entry.get("assign") or {}).items() for n, v in d.items()}
        seen: dict[str, int] = {}
        used: set[tuple[str, int]] = set()
        for start, end, name in find(text, names):
            seen[name] = seen.get(name, 0) + 1
            key = (name, seen[name])
            if key in skip:
                used.add(key)
                continue
            identity = assign.get(key, names[name])
            used.add(key) if key in assign else None
            kind = "PERSON" if identity.startswith("person:") else "ORG"
            lines.append({"doc": origin, "title": title, "start": start, "end": end, "text": text[start:end],
                          "type": kind, "identity": identity})
        for key in (skip | set(assign)) - used:
            sys.exit(f"{origin}: no occurrence {key[1]} of {key[0]!r}")
        if not any(line["doc"] == origin for line in lines):
            sys.exit(f"{origin}: no mentions")
    return lines, {o: t for o, (_, t) in docs.items()}


REAL_SPLITS = ("dev", "heldout")


def build_real(spec: dict) -> tuple[dict[str, list[dict]], dict[str, str]]:
    """real_names.yaml -> {split: mention lines}; every document's split is its story group's split."""
    groups = spec["groups"]
    for entry in spec["documents"]:
        group = groups.get(entry.get("group"))
        if group is None or entry.get("split") != group["split"] or group["split"] not in REAL_SPLITS:
            sys.exit(f"{entry['doc']}: group {entry.get('group')!r} and split {entry.get('split')!r} disagree")
    lines, texts = build(spec)
    split_of = {entry["doc"]: entry["split"] for entry in spec["documents"]}
    return {split: [line for line in lines if split_of[line["doc"]] == split] for split in REAL_SPLITS}, texts


CAPITALISED = re.compile(r"(?<![\w@#])[@#]?[A-Z][\w’'.&-]*")


def review(lines: list[dict], texts: dict[str, str], only: list[str] = ()) -> None:
    """Each document with its mentions marked [text|identity], then capitalised words no mention covers."""
    by_doc: dict[str, list[dict]] = {}
    for line in lines:
        by_doc.setdefault(line["doc"], []).append(line)
    for origin, mentions in by_doc.items():
        if only and not any(o in origin for o in only):
            continue
        text = texts[origin]
        out, pos = [], 0
        for m in mentions:
            out += [text[pos:m["start"]], f"[{m['text']}|{m['identity'].split(':')[1]}]"]
            pos = m["end"]
        out.append(text[pos:])
        uncovered = sorted({hit.group() for hit in CAPITALISED.finditer(text)
                            if not any(m["start"] <= hit.start() < m["end"] for m in mentions)})
        print(f"===== {origin}\n{''.join(out)}\n----- not covered: {' | '.join(uncovered)}\n")


def main() -> None:
    os.chdir(ROOT)
    parser = argparse.ArgumentParser()
    parser.add_argument("--review", nargs="*", metavar="real|DOC",
                        help="print documents with their mentions marked; 'real' for real_names.yaml only,"
                             " other words keep the documents whose origin contains them")
    args = parser.parse_args()
    only = [w for w in args.review or () if w != "real"]
    if args.review is None or "real" not in args.review:
        spec = yaml.safe_load((HERE / "names.yaml").read_text(encoding="utf-8"))
        lines, texts = build(spec)
        if args.review is not None:
            review(lines, texts, only)
        else:
            write(HERE / "mentions.jsonl", lines)
    real_spec = yaml.safe_load((HERE / "real_names.yaml").read_text(encoding="utf-8"))
    real, texts = build_real(real_spec)
    if args.review is not None:
        review([line for split in REAL_SPLITS for line in real[split]], texts, only)
        return
    for split in REAL_SPLITS:
        write(HERE / f"real_{split}.jsonl", real[split])


def write(path: Path, lines: list[dict]) -> None:
    with open(path, "w", encoding="utf-8") as f:
        for line in lines:
            f.write(json.dumps(line, ensure_ascii=False) + "\n")
    print(f"{path.name}: {len(lines)} mentions in {len({line['doc'] for line in lines})} documents")


if __name__ == "__main__":
    main()
