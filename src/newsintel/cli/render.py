"""Human-readable output. Text from documents is untrusted: it is printed as plain text, never as markup,
and stripped of control characters so a document cannot drive the terminal."""

from __future__ import annotations

import re
from typing import Any

from rich.console import Console
from rich.table import Table
from rich.text import Text

_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")
_LINE_BREAKS = re.compile("[\n\r\x0b\x0c\u2028\u2029]")

console = Console(highlight=False)


def safe(value: object, limit: int | None = None, *, multiline: bool = False) -> str:
    """Untrusted text made safe to print: no control or bidi-override characters, optionally shortened.

    Line breaks become visible escapes (`\\n`, `\\r`), so no field can split a printed line or forge one;
    `multiline=True` keeps newlines (and drops carriage returns) for text shown as a block.
    """
    text = "" if value is None else str(value)
    if multiline:
        text = text.replace("\r\n", "\n").replace("\r", "")
    else:
        text = _LINE_BREAKS.sub(lambda m: ascii(m[0])[1:-1], text)
    text = _CONTROL.sub("", text)
    if limit and len(text) > limit:
        text = text[: limit - 1] + "…"
    return text


def table(title: str, columns: list[str], rows: list[list[Any]]) -> Table:
    t = Table(title=title, title_justify="left", show_edge=False, pad_edge=False)
    for col in columns:
        t.add_column(col, overflow="fold")
    for row in rows:
        t.add_row(*(Text(safe(c)) for c in row))
    return t


def print_stats(stats: dict[str, Any]) -> None:
    from newsintel.clean.language import name

    counts = {k: v for k, v in stats.items() if k != "languages"}
    console.print(table("Store", ["what", "count"], [[k, f"{v:,}"] for k, v in counts.items()]))
    languages = stats.get("languages") or {}
    if languages:
        rows = [[code, "not identified" if code == "und" else name(code), f"{n:,}"] for code, n in languages.items()]
        console.print(table("Documents by language", ["code", "language", "documents"], rows))


def print_entities(rows: list[dict[str, Any]], title: str = "Entities") -> None:
    console.print(table(title, ["name", "type", "documents", "mentions"],
                        [[r["name"], r["type"], r["documents"], r["mentions"]] for r in rows]))


MODALITIES = ("asserted", "hedged", "intended", "attempted", "future", "conditional", "negated")


def print_event_counts(rows: list[dict[str, Any]]) -> None:
    short = [m[:5] for m in MODALITIES]
    console.print(table("Events by type and modality", ["type", "total", *short],
                        [[r["type"], r["total"], *(r.get(m, "") for m in MODALITIES)] for r in rows]))


def print_search(rows: list[dict[str, Any]], query: str) -> None:
    if not rows:
        console.print(Text(f"no documents match {safe(query)!r}"))
        return
    for r in rows:
        line = Text()
        line.append(safe(r["id"]), style="bold")
        line.append(f"  {safe(r['published'] or '-')}  {safe(r['title'] or '(untitled)', 90)}")
        console.print(line)
        console.print(Text("    " + safe(r["snippet"], multiline=True).replace("\n", " ")))


def print_document(detail: dict[str, Any]) -> None:
    doc = detail["document"]
    head = Text()
    head.append(safe(doc["title"] or "(untitled)"), style="bold")
    console.print(head)
    for key in ("id", "published", "source", "author", "url", "origin", "story"):
        if doc.get(key):
            console.print(Text(f"  {key}: {safe(doc[key])}"))
    console.print()
    console.print(Text(safe(doc["text"], multiline=True)))
    console.print()
    rows = [[e["type"], e["name"], ", ".join(e["aliases"]), len(e["mentions"]),
             ", ".join(str(m["sentence"]) for m in e["mentions"][:8])] for e in detail["entities"]]
    console.print(table("Entities", ["type", "name", "aliases", "mentions", "sentences"], rows))


def print_record_summary(record: dict[str, Any]) -> None:
    doc = record["document"]
    console.print(Text(f"{safe(doc['title'] or '(untitled)')}  [{doc['id']}]"))
    console.print(Text(f"{len(record['sentences'])} sentences, {len(record['entities'])} entities"))
    rows = [[e["type"], e["name"], ", ".join(e["aliases"]), len(e["mentions"])] for e in record["entities"]]
    console.print(table("Entities", ["type", "name", "aliases", "mentions"], rows))
