"""The grades (`tlp`, `source_reliability`, `credibility`: issue 14) on every sourced fact a view prints, in JSON
and in the human renderings, and the handling (`tlp`, `handling_source`, `source_reliability`) of the documents
`show` and `search` print. Its own module so `common` and `analyst` can use it without import cycles."""

from __future__ import annotations

import argparse
from typing import Any

from newsintel.store import connect, db_path


def graded(args: argparse.Namespace, data: Any) -> Any:
    """`data` with the grades on every sourced fact (a view's output; opens the store only when there is one)."""
    from newsintel.views.grading import documents_of, grade_facts

    documents = _documents_shown(data)
    if documents or documents_of(data):
        conn = connect(db_path(args.db), readonly=True)
        if documents:
            _add_handling(conn, documents)
        grade_facts(conn, data)
    return data


def _documents_shown(data: Any) -> list[dict[str, Any]]:
    """The documents `show` (one, under "document") and `search` (a list of hits) print."""
    if isinstance(data, dict) and isinstance(data.get("document"), dict) and "text" in data["document"]:
        return [data["document"]]
    if isinstance(data, list) and data and all(isinstance(d, dict) and "snippet" in d and "id" in d for d in data):
        return data
    return []


def _add_handling(conn: Any, documents: list[dict[str, Any]]) -> None:
    from newsintel.store.sharing import handling_of

    marks = handling_of(conn, [d["id"] for d in documents])
    for doc in documents:
        if (mark := marks.get(doc["id"])) is not None:
            doc.update({"tlp": mark.tlp, "handling_source": mark.source, "source_reliability": mark.reliability})


def grade_tag(fact: dict[str, Any]) -> str:
    """"TLP:AMBER B3" for a graded fact ('' when not graded), as the human renderings show it."""
    if "credibility" not in fact:
        return ""
    return f"TLP:{fact['tlp'].upper()} {fact['source_reliability']}{fact['credibility']}"
