"""Printing what a group's members (or a described set) did: members by nationality and role, then where, heading
by status, intent, associates and figures — each line with its status, speaker, the member it comes from, and its
source under it."""

from __future__ import annotations

from typing import Any

from rich.text import Text

from newsintel.cli.render import console, safe
from newsintel.cli.render_facts import MODALITY_STYLE, event_line, print_facts, print_hidden, source_line
from newsintel.cli.render_views import _heading, _plain, _where_line
from newsintel.views.group_profile import count_text


def _from(member: dict[str, Any]) -> str:
    joined = member.get("membership", "done")
    return f" (from {safe(member['text'], 40)}{'' if joined == 'done' else f', membership {joined}'})"


def _did(items: list[dict[str, Any]]) -> str:
    return ", ".join(f"{d['type'].lower()} {safe(d['trigger'], 20)!r} [{d['status']}]" for d in items) or "no events"


def print_members(members: dict[str, Any]) -> None:
    """Named members (with the relation that makes them members), then described members by nationality and role."""
    for named in members["named"]:
        rel = next(r for r in named["relations"] if r["membership"] == named["membership"])
        role = f", {safe(rel['role'])}" if rel.get("role") else ""
        joined = "" if named["membership"] == "done" else f" [membership {named['membership']}]"
        _plain(f"  member: {safe(named['name'], 50)}{role}{joined}")
        console.print(source_line(rel))
    for entry in members["described"]:
        label = " ".join(x for x in (entry["nationality"], entry["role"]) if x) or "members"
        _plain(f"  {label}:", "bold")
        for actor in entry["actors"]:
            count = f" [{count_text(actor['count'])}]" if actor["count"] else ""
            _plain(f"    {safe(actor['text'], 50)}{count}: {_did(actor['did'])}")
            for part in actor["parts"]:
                _plain(f"      {safe(part['text'], 40)}: {_did(part['did'])}")
            for other in actor.get("with", []):  # not a member: said to be with them
                _plain(f"      with them, {safe(other['text'], 40)}: {_did(other['did'])}")
            console.print(source_line(actor))


def _figure_line(value: dict[str, Any]) -> Text:
    line = Text(f"    {count_text(value['count']):<10} {safe(value['text'], 40)} ")
    line.append(f"[{value['status']}]", style=MODALITY_STYLE.get(value["modality"], ""))
    line.append(f" says {safe(value['said_by'] or 'reporter', 40)}", style="dim")
    return line


def print_member_sections(sections: dict[str, Any]) -> None:
    _heading("Members: where (latest first)")
    print_facts(sections["where"], lambda i: _where_line(i).append(_from(i["member"])), "  (no located events)")
    _heading("Members: heading (done / attempted / intended / hedged)")
    if not sections["heading"]:
        _plain("  (no movements)")
    for status, facts in sections["heading"].items():
        _plain(f"  {status}:", "bold")
        print_facts(facts, lambda f: event_line(f).append(_from(f["member"])), "")
    _heading("Members: intent (intended, future and threatened)")
    print_facts(sections["intent"], lambda f: event_line(f).append(_from(f["member"])), "  (none)")
    _heading("Members: associates (who acted on them or with them)")
    print_facts(sections["associates"], lambda a: Text(
        f"  {safe(a['name'], 40)}: {a['how']} [{a['status']}]{_from(a['member'])};"
        f" says {safe(a['said_by'] or 'reporter', 40)}"), "  (none)")
    _heading("Members: figures (moving or leaving)")
    if not sections["figures"]:
        _plain("  (no counts)")
    for group in sections["figures"]:
        _plain(f"  {safe(group['about'], 60)}{'  — figures disagree' if group['disagree'] else ''}", "bold")
        print_facts(group["values"], _figure_line, "")


def print_group(profile: dict[str, Any]) -> None:
    """After a group's own profile: its members and what they did."""
    _heading("Members")
    if not profile["who"]["members"]["named"] and not profile["who"]["members"]["described"]:
        _plain("  (no named or described members)")
    print_members(profile["who"]["members"])
    print_member_sections(profile["members"])


def print_set_profile(profile: dict[str, Any]) -> None:
    """`profile "Belgian fighters"`: a described set across documents."""
    what = profile["set"]
    console.print(Text(f"{safe(what['name'])}  [described actors: nationality {what['nationality'] or 'any'},"
                       f" role {what['role']}]", style="bold"))
    print_hidden(profile["hidden"], profile["min_confidence"])
    _heading("Who")
    if not profile["who"]["members"]["described"]:
        _plain("  (no described actors of that nationality and role)")
    print_members(profile["who"]["members"])
    print_member_sections(profile["members"])
