"""Rebuild mentions.jsonl from names.yaml (the annotator's name lists), or review what they cover.

The annotator reads each document and writes down, per document, every name string that refers to a person or an
organisation and whose it is (`names.yaml`). This script finds every occurrence of those strings in the document
text as newsintel cleans it (case-sensitive, whole words, longest name first) and writes one line per mention.
`except` drops occurrences that are not mentions, `assign` gives single occurrences another identity (namesakes).

    .venv/bin/python tests/gold/resolution/build.py            # write mentions.jsonl
    .venv/bin/python tests/gold/resolution/build.py --review   # print each document with its mentions marked
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
        names = dict(spec["lexicons"].get(entry.get("lexicon", ""), {}))
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


def review(lines: list[dict], texts: dict[str, str]) -> None:
    """Each document with its mentions marked [text|identity], then capitalised words no mention covers."""
    by_doc: dict[str, list[dict]] = {}
    for line in lines:
        by_doc.setdefault(line["doc"], []).append(line)
    for origin, mentions in by_doc.items():
        text = texts[origin]
        out, pos = [], 0
        for m in mentions:
            out += [text[pos:m["start"]], f"[{m['text']}|{m['identity'].split(':')[1]}]"]
            pos = m["end"]
        out.append(text[pos:])
        print(f"===== {origin}\n{''.join(out)}\n")


def main() -> None:
    os.chdir(ROOT)
    parser = argparse.ArgumentParser()
    parser.add_argument("--review", action="store_true")
    args = parser.parse_args()
    spec = yaml.safe_load((HERE / "names.yaml").read_text(encoding="utf-8"))
    lines, texts = build(spec)
    if args.review:
        review(lines, texts)
        return
    with open(HERE / "mentions.jsonl", "w", encoding="utf-8") as f:
        for line in lines:
            f.write(json.dumps(line, ensure_ascii=False) + "\n")
    print(f"{len(lines)} mentions in {len({line['doc'] for line in lines})} documents")


if __name__ == "__main__":
    main()
