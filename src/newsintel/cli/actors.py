"""`newsintel actors`: unnamed and collective actors ("three Belgian fighters", "a woman with them") with what
they did and where it is said."""

from __future__ import annotations

import argparse
from typing import Any

from rich.text import Text

from newsintel.cli import render
from newsintel.cli.args import min_confidence, positive
from newsintel.cli.common import emit, open_store, refuse_bad_text, threshold


def count_text(count: dict[str, Any] | None) -> str:
    """A count as a reader says it: "3", "about 2500", "at least 3", "150-200", "dozens (24+)"."""
    if not count:
        return ""
    fmt = lambda v: f"{v:g}" if isinstance(v, float) else str(v)  # noqa: E731
    if "vague" in count:
        bounds = f"{fmt(count['min'])}+" if count.get("min") is not None and count.get("max") is None else (
            f"{fmt(count.get('min', 0))}-{fmt(count['max'])}" if count.get("max") is not None else "")
        return f"{count['vague']} ({bounds})" if bounds else count["vague"]
    if "value" in count:
        return ("about " if count.get("approximate") else "") + fmt(count["value"])
    if count.get("min") is not None and count.get("max") is not None:
        return f"{fmt(count['min'])}-{fmt(count['max'])}"
    return f"at least {fmt(count['min'])}" if count.get("min") is not None else f"up to {fmt(count['max'])}"


def print_actors(actors: list[dict[str, Any]]) -> None:
    console = render.console
    if not actors:
        console.print(Text("no described actors match"))
    for actor in actors:
        head = Text()
        head.append(render.safe(actor["text"], 80), style="bold")
        facts = [f"role {actor['role']}" if actor["role"] else "", f"nationality {actor['nationality']}"
                 if actor["nationality"] else "", f"group {render.safe(actor['group']['text'], 60)}"
                 if actor.get("group") else "", f"count {count_text(actor['count'])}" if actor["count"] else ""]
        head.append("  " + ", ".join(f for f in facts if f))
        console.print(head)
        src = actor["source"]
        when = (src["published"] or "")[:10] or "undated"
        if actor.get("part_of_text"):
            console.print(Text(f"  one of: {render.safe(actor['part_of_text'], 80)}"))
        if actor.get("with_text"):
            console.print(Text(f"  with: {render.safe(actor['with_text'], 80)}"))
        title = render.safe(src["title"] or "(untitled)", 80)
        console.print(Text(f"  source: {title} ({when}, {src['document'][:10]})"))
        for event in actor["events"]:
            places = "; ".join(f"{k} {', '.join(render.safe(p, 40) for p in v)}" for k, v in event["places"].items())
            said = f", said by {render.safe(event['speaker'], 40)}" if event["speaker"] else ""
            console.print(Text(f"  {event['type']} ({event['modality']}) as {event['as'][:-1]}"
                               f"{': ' + places if places else ''}{said}"))
            console.print(Text(f"    \"{render.safe(event['sentence_text'], 160)}\"", style="dim"))
        console.print()


def cmd_actors(args: argparse.Namespace) -> int:
    from newsintel.store.actors import list_actors

    if refuse_bad_text((args.group, "--group"), (args.nationality, "--nationality"), (args.role, "--role")):
        return 1
    rows = list_actors(open_store(args), args.group, args.nationality, args.role, args.limit, threshold(args))
    return emit(args, rows, lambda: print_actors(rows))


def add_parser(add: Any, json_flag: argparse.ArgumentParser) -> None:
    p = add("actors", cmd_actors, "unnamed actors (\"three Belgian fighters\") with their events and sources",
            json_flag)
    p.add_argument("--group", metavar="NAME", help="organisation the actors belong to (any spelling)")
    p.add_argument("--nationality", metavar="CC", help="ISO 3166 country code, e.g. BE")
    p.add_argument("--role", metavar="ROLE", help="fighter, militant, smuggler, wife, child, official, ...")
    p.add_argument("--limit", type=positive, default=50)
    min_confidence(p, "events (and actors with none left)")
