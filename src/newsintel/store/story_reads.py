"""Reads of stories for the `stories` command and views: the stories by size, their members, the entities their
members name (with what each resolved to)."""

from __future__ import annotations

from typing import Any

from newsintel.store.gateway import Database, wrap


def stories_by_size(conn: Database, min_size: int, limit: int) -> list[dict[str, Any]]:
    """Stories of at least `min_size` members, largest and latest first: id, size, first_day, last_day."""
    return [dict(r) for r in wrap(conn).execute(
        "SELECT id, size, first_day, last_day FROM stories WHERE size >= ?"
        " ORDER BY size DESC, last_day DESC NULLS LAST, id LIMIT ?", (min_size, limit))]


def story_documents(conn: Database, story_id: int) -> list[dict[str, Any]]:
    """A story's members in date order: id, title, published, source, joined_by."""
    return [{"id": m[0], "title": m[1], "published": m[2], "source": m[3], "joined_by": m[4]}
            for m in wrap(conn).execute(
                "SELECT d.id, d.title, d.published, d.source, s.joined_by FROM story_docs s"
                " JOIN documents d ON d.id = s.document_id WHERE s.story_id = ? ORDER BY s.day, d.rowid",
                (story_id,))]


def story_entity_rows(conn: Database, story_id: int) -> list[tuple[str, str, str, str | None, str | None,
                                                                            str | None]]:
    """(name, type, document id, identity id, identity name, identity type) of every entity the story's members
    name, leaving out suppressed identities; the identity fields are None for unresolved entities."""
    return [tuple(r) for r in wrap(conn).execute(
        "SELECT e.name, e.type, e.document_id, i.id, i.name, i.type FROM story_docs s"
        " JOIN entities e ON e.document_id = s.document_id LEFT JOIN entity_links l ON l.entity_id = e.id"
        " LEFT JOIN identities i ON i.id = l.identity_id WHERE s.story_id = ? AND coalesce(i.suppressed, 0) = 0"
        " ORDER BY e.document_id, e.rowid",
        (story_id,))]


def singleton_count(conn: Database) -> int:
    """How many stories have one member."""
    return wrap(conn).execute("SELECT count(*) FROM stories WHERE size = 1").fetchone()[0]
