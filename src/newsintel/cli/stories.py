"""`newsintel stories`: the stories in the store, largest and latest first, with their key entities and articles."""

from __future__ import annotations

import argparse
import sqlite3
from collections import Counter, defaultdict
from datetime import date
from typing import Any

from rich.text import Text

from newsintel.cli import render
from newsintel.cli.args import positive
from newsintel.cli.common import emit, open_store
from newsintel.store.story_reads import singleton_count, stories_by_size, story_documents, story_entity_rows

KEY_ENTITIES = 6
TITLES_SHOWN = 8


def _iso(day: int | None) -> str | None:
    return date.fromordinal(day).isoformat() if day else None


def key_entities(conn: sqlite3.Connection, story_id: int, top: int = KEY_ENTITIES) -> list[dict[str, Any]]:
    """Entities named in most of the story's articles, each under its identity's display name ("Mohammed Benali"
    whether an article wrote "Muhammad Ben Ali"; a place by its gazetteer name); entities that are not resolved
    (nationalities, events) by their normalised name ("al-Baghdadi" = "Baghdadi"), under their commonest
    spelling. Each carries its `identity` id (None when not resolved)."""
    from newsintel.resolve.story_features import settings
    from newsintel.resolve.story_keys import entity_key

    groups = settings()["entity_groups"]
    docs: dict[tuple[str, str], set[str]] = defaultdict(set)
    names: dict[tuple[str, str], Counter[str]] = defaultdict(Counter)
    for name, type_, doc_id, identity, identity_name, identity_type in story_entity_rows(conn, story_id):
        group = groups.get(type_)
        key = entity_key(name, type_) if group else ""
        if not key:
            continue
        if identity:
            group, key, name, type_ = "identity", identity, identity_name, identity_type
        docs[(group, key)].add(doc_id)
        names[(group, key)][f"{name}\t{type_}"] += 1
    ranked = sorted(docs, key=lambda k: (-len(docs[k]), -sum(names[k].values()), k))[:top]
    out = []
    for k in ranked:
        name, type_ = names[k].most_common(1)[0][0].split("\t")
        out.append({"name": name, "type": type_, "documents": len(docs[k]),
                    "identity": k[1] if k[0] == "identity" else None})
    return out


def list_stories(conn: sqlite3.Connection, min_size: int = 2, limit: int = 20) -> list[dict[str, Any]]:
    return [{"id": row["id"], "size": row["size"], "first_date": _iso(row["first_day"]),
             "last_date": _iso(row["last_day"]), "key_entities": key_entities(conn, row["id"]),
             "documents": story_documents(conn, row["id"])}
            for row in stories_by_size(conn, min_size, limit)]


def print_stories(stories: list[dict[str, Any]], min_size: int, alone: int) -> None:
    console = render.console
    if not stories:
        console.print(Text(f"no stories with {min_size} or more articles"))
    for story in stories:
        span = story["first_date"] or "undated"
        if story["last_date"] != story["first_date"]:
            span += f" .. {story['last_date']}"
        head = Text()
        head.append(f"story {story['id']}", style="bold")
        head.append(f"  {story['size']} articles  {span}")
        console.print(head)
        entities = ", ".join(f"{render.safe(e['name'])} ({e['documents']})" for e in story["key_entities"])
        if entities:
            console.print(Text(f"  key entities: {entities}"))
        for doc in story["documents"][:TITLES_SHOWN]:
            when = (doc["published"] or "")[:10] or "-"
            console.print(Text(f"  {doc['id'][:10]}  {when}  {render.safe(doc['title'] or '(untitled)', 90)}"))
        if len(story["documents"]) > TITLES_SHOWN:
            console.print(Text(f"  ... and {len(story['documents']) - TITLES_SHOWN} more"))
        console.print()
    if min_size > 1 and alone:
        console.print(Text(f"{alone} articles stand alone (--min-size 1 lists them)"))


def cmd_stories(args: argparse.Namespace) -> int:
    conn = open_store(args)
    stories = list_stories(conn, args.min_size, args.limit)
    return emit(args, stories, lambda: print_stories(stories, args.min_size, singleton_count(conn)))


def add_parser(add: Any, json_flag: argparse.ArgumentParser) -> None:
    p = add("stories", cmd_stories, "articles grouped into stories, largest and latest first", json_flag)
    p.add_argument("--min-size", type=positive, default=2, metavar="N", help="only stories of N or more articles")
    p.add_argument("--limit", type=positive, default=20, metavar="N")
