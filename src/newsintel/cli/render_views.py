"""Printing the analyst's views. Every fact line shows its status/modality and who says it; its source is under it."""

from __future__ import annotations

from typing import Any

from rich.text import Text

from newsintel.cli.render import console, safe, table
from newsintel.cli.render_facts import (
    MODALITY_STYLE,
    date_text,
    event_line,
    print_facts,
    print_hidden,
    source_line,
    speaker_label,
)


def _plain(text: str, style: str = "") -> None:
    """Untrusted text as plain text: never parsed as rich markup."""
    console.print(Text(text, style=style))


def _heading(title: str) -> None:
    console.print()
    _plain(title, "bold underline")


def _claim_line(claim: dict[str, Any]) -> Text:
    line = Text(f"{safe(speaker_label(claim['speaker']), 40)} {safe(claim['cue'])}: ")
    line.append(f"[{claim['modality']}] ", style=MODALITY_STYLE.get(claim["modality"], ""))
    line.append(safe(claim["content"], 200))
    if claim.get("medium"):
        line.append(f" ({safe(claim['medium'])})", style="dim")
    return line


def _when(item: dict[str, Any]) -> str:
    """The date column of a view line: "2013-05-03", "2013 (year)", "summer 2013", or "undated"."""
    return safe(date_text(item.get("date"), item.get("date_precision")) or "undated")


def _where_line(item: dict[str, Any]) -> Text:
    line = Text(f"{_when(item):<10} ")
    line.append(safe(item["place"], 40), style="bold")
    if item.get("geo"):
        line.append(f" ({item['geo']['lat']:.3f}, {item['geo']['lon']:.3f})", style="dim")
    line.append(f" — {item['event']} {safe(item['trigger'])!r} ")
    line.append(f"[{item['status']}]", style=MODALITY_STYLE.get(item["status"], ""))
    line.append(f"; says {safe(item['said_by'] or 'reporter', 40)}", style="dim")
    return line


def _relation_line(rel: dict[str, Any]) -> Text:
    role = f" ({safe(rel['role'])})" if rel.get("role") else ""
    return Text(f"{rel['type']}{role}: {safe(rel['subject']['text'], 40)} → {safe(rel['object']['text'], 40)}")


def print_profile(profile: dict[str, Any], others: list[dict[str, Any]]) -> None:
    who = profile["who"]
    console.print(Text(f"{safe(who['name'])}  [{who['type']}, {who['id']}, in {who['documents']} documents]",
                       style="bold"))
    if others:
        _plain("  other matches: " + "; ".join(f"{safe(o['name'])} ({o['id']})" for o in others), "dim")
    print_hidden(profile.get("hidden", 0), profile["min_confidence"])
    _heading("Who")
    _plain("  names: " + ", ".join(f"{safe(n['name'])} ×{n['mentions']}" for n in who["names"][:12]))
    for attribute, values in who["attributes"].items():
        for value in values[:5]:
            src = value["source"]
            line = Text(f"  {attribute}: {safe(value['value'])}")
            line.append(f"   ↳ {safe(src['title'] or '(untitled)', 60)} ({safe(src['published'] or 'undated')},"
                        f" doc {src['document']}): {safe(src['sentence_text'], 120)}", style="dim")
            console.print(line)
    print_facts(who["roles"], _relation_line, "  (no roles or aliases stated)")
    _heading("Where (latest first)")
    print_facts(profile["where"], _where_line, "  (no located events)")
    _heading("Heading (movements: done / attempted / intended / hedged)")
    print_facts(profile["heading"], event_line, "  (no movements)")
    _heading("Intent (intended, future and threatened)")
    print_facts(profile["intent"]["events"], event_line, "  (no intended or threatened events)")
    print_facts(profile["intent"]["claims"], _claim_line, "")
    _heading("Associates")
    typed = [a for a in profile["associates"] if a["kind"] == "relation"]
    print_facts(typed, _relation_line, "  (no typed relations)")
    co = [a for a in profile["associates"] if a["kind"] == "co-mentioned"]
    if co:
        _plain("  co-mentioned: " + ", ".join(f"{safe(a['name'])} ({a['shared_documents']} docs)" for a in co[:10]))
    _heading("What is said")
    print_facts(profile["said"]["by"], _claim_line, "  (no statements by it)")
    print_facts(profile["said"]["about"], _claim_line, "  (no statements about it)")


def print_timeline(name: str, facts: list[dict[str, Any]]) -> None:
    console.print(Text(f"Timeline: {safe(name)}", style="bold"))
    if not facts:
        _plain("  (no events)")
    for fact in facts:
        console.print(Text(f"{_when(fact):<10} ").append(event_line(fact)))
        console.print(source_line(fact))


def _span(flow: dict[str, Any]) -> str:
    """A flow's dates: its oldest and latest source's ("2013 (year) – 2025-03-10"), each at its own precision."""
    first, last = (_when(flow[k]) if flow.get(k) else "undated" for k in ("first", "last"))
    return first if first == last else f"{first} – {last}"


def print_flows(flows: list[dict[str, Any]]) -> None:
    rows = [[" → ".join(f["path"]), f["count"], ", ".join(f"{k} {v}" for k, v in f["status"].items()),
             _span(f), len(f["sources"])] for f in flows]
    console.print(table("Movements", ["route", "events", "status", "dates", "sources"], rows))


def print_conflicts(groups: list[dict[str, Any]]) -> None:
    if not groups:
        _plain("No conflicting figures.")
    for group in groups:
        _heading(f"{group['about']} — {len(group['values'])} figures from {group['documents']} documents")
        for value in group["values"]:
            line = Text(f"  {safe(value['text'], 30):<24} ")
            line.append(f"[{value['modality']}]", style=MODALITY_STYLE.get(value["modality"], ""))
            if value.get("dated_by") == "event":
                line.append(f" dated {_when(value)}")
            line.append(f" says {safe(value['said_by'] or 'reporter', 40)}", style="dim")
            console.print(line)
            console.print(source_line(value))


def print_identities(rows: list[dict[str, Any]]) -> None:
    console.print(table("Identities", ["id", "name", "type", "documents", "also written"],
                        [[r["id"], safe(r["name"], 40), r["type"], r["documents"],
                          safe(", ".join(r["names"][:5]), 60)] for r in rows]))
