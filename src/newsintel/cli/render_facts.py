"""Facts for people: every event and claim line shows its modality, who said it, and its source."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from rich.text import Text

from newsintel import datevalues
from newsintel.cli.grades import grade_tag
from newsintel.cli.render import console, safe
from newsintel.extract.headlines import HEADLINE_SENTENCE

ROLE_LABELS = (("actors", "by"), ("targets", "on"), ("origin", "from"), ("via", "via"), ("destination", "to"),
               ("location", "at"))
MODALITY_STYLE = {"asserted": "green", "negated": "red", "hedged": "yellow", "intended": "cyan",
                  "attempted": "cyan", "future": "cyan", "conditional": "magenta"}


def _args(event: dict[str, Any]) -> str:
    parts = []
    for role, label in ROLE_LABELS:
        names = ", ".join(safe(a["text"], 40) for a in event.get(role, []))
        if names:
            parts.append(f"{label} {names}")
    return "; ".join(parts)


def speaker_label(speaker: dict[str, Any]) -> str:
    """A speaker's text, and "[unresolved]" after a pronoun that names no one (extract/speakers.py)."""
    return f"{speaker['text']} [unresolved]" if speaker.get("unresolved") else speaker["text"]


def _said(attribution: dict[str, Any] | None) -> str:
    if not attribution:
        return "reporter"
    return f"{safe(speaker_label(attribution['speaker']), 40)} ({safe(attribution['cue'])})"


SELF_EVIDENT = (None, "day", "season", "decade")  # precisions a label shows by itself ("summer 2013", "2010s")


def date_text(shown: str | None, precision: str | None) -> str | None:
    """A date label with its precision named when the label alone could be misread: "2013 (year)", "2013-05
    (month)", but "2013-05-03", "summer 2013"."""
    if shown is None or precision in SELF_EVIDENT:
        return shown
    return f"{shown} ({precision})"


def time_label(time: dict[str, Any]) -> str | None:
    """An event time's value as shown, no more precise than it is ("2013 (year)", never 2013-01-01)."""
    value = time.get("value")
    precision = time.get("precision") or datevalues.precision_of(value)
    return date_text(datevalues.label(value, precision), precision)


def event_line(event: dict[str, Any]) -> Text:
    line = Text()
    line.append(f"{event['type']:<12}", style="bold")
    line.append(f" {safe(event['trigger'], 30)!r} ")
    line.append(f"[{event['modality']}]", style=MODALITY_STYLE.get(event["modality"], ""))
    line.append(f" {_args(event)}")
    if (event.get("time") or {}).get("text"):
        time = event["time"]
        line.append(f"; when {safe(time['text'], 30)}" + (f" = {safe(when)}" if (when := time_label(time)) else ""))
    line.append(f"; says {_said(event.get('attribution'))}", style="dim")
    if event.get("confidence") is not None:
        line.append(f"; confidence {event['confidence']:.2f}", style="dim")
    return line


def source_line(fact: dict[str, Any]) -> Text:
    src = fact.get("source") or {}
    title = safe(src.get("title") or "(untitled)", 70)
    sentence = fact.get("sentence", src.get("sentence"))
    where = "headline" if sentence == HEADLINE_SENTENCE else f"sentence {sentence}"
    graded = f" [{grade_tag(fact)}]" if grade_tag(fact) else ""  # TLP, source reliability, credibility
    partner = src.get("reported_by") or {}  # a partner's fact (`newsintel import`)
    reports = f"partner {safe(partner['partner'], 60)} reports: " if partner.get("partner") else ""
    return Text(f"    ↳ {reports}{title} ({safe(src.get('published') or 'undated')}, doc {src.get('document')},"
                f" {where}){graded}: {safe(src.get('sentence_text', ''), 160)}", style="dim")


def print_facts(facts: list[dict[str, Any]], line: Callable[[dict[str, Any]], Text], empty: str) -> None:
    """Each fact on a line, its source under it."""
    if not facts:
        console.print(empty)
    for fact in facts:
        console.print(line(fact))
        console.print(source_line(fact))


def hidden_note(hidden: int, threshold: float, what: str = "events") -> str:
    """What a view left out under the confidence threshold, so nothing disappears silently ("" when nothing)."""
    return (f"{hidden} {what} under confidence {threshold:.2f} not shown (--min-confidence 0 shows them)"
            if hidden else "")


def print_hidden(hidden: int, threshold: float, what: str = "events") -> None:
    if note := hidden_note(hidden, threshold, what):
        console.print(Text("  " + note, style="dim"))


def print_events(events: list[dict[str, Any]]) -> None:
    print_facts(events, event_line, "no events match")


def claim_line(claim: dict[str, Any]) -> Text:
    line = Text()
    line.append(safe(speaker_label(claim["speaker"]), 40), style="bold")
    line.append(f" {safe(claim['cue'])}")
    if claim.get("medium"):
        line.append(f" ({safe(claim['medium'], 30)})")
    line.append(f" [{claim['modality']}]", style=MODALITY_STYLE.get(claim["modality"], ""))
    line.append(f": {safe(claim['content'], 200)}")
    return line


def print_claims(claims: list[dict[str, Any]]) -> None:
    print_facts(claims, claim_line, "no claims match")


def print_document_facts(detail: dict[str, Any]) -> None:
    for title, key, render in (("Events", "events", event_line), ("Claims", "claims", claim_line)):
        if detail.get(key):
            console.print(Text(title, style="bold underline"))
            for fact in detail[key]:
                console.print(Text(f"  s{fact['sentence']} ").append(render(fact)))
    if detail.get("quantities"):
        console.print(Text("Quantities", style="bold underline"))
        for q in detail["quantities"]:
            counted = safe((q.get("counted") or {}).get("text") or "?", 40)
            bounds = " ".join(f"{k}={q[k]}" for k in ("value", "low", "high") if q.get(k) is not None)
            approx = " approx." if q["approximate"] else ""
            console.print(Text(f"  s{q['sentence']} {safe(q['text'])} {counted}: {bounds}{approx};"
                               f" says {_said(q.get('attribution'))}"))
    if detail.get("relations"):
        console.print(Text("Relations", style="bold underline"))
        for r in detail["relations"]:
            role = f" ({safe(r['role'])})" if r.get("role") else ""
            console.print(Text(f"  s{r['sentence']} {safe(r['subject']['text'], 40)} —{r['type']}{role}→"
                               f" {safe(r['object']['text'], 40)}"))
