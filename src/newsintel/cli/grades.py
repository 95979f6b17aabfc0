"""The grades (`tlp`, `source_reliability`, `credibility`: issue 14) on every sourced fact a view prints, in JSON
and in the human renderings. Its own module so `common` and `analyst` can use it without import cycles."""

from __future__ import annotations

import argparse
from typing import Any

from newsintel.store import connect, db_path


def graded(args: argparse.Namespace, data: Any) -> Any:
    """`data` with the grades on every sourced fact (a view's output; opens the store only when there is one)."""
    from newsintel.views.grading import documents_of, grade_facts

    if documents_of(data):
        grade_facts(connect(db_path(args.db), readonly=True), data)
    return data


def grade_tag(fact: dict[str, Any]) -> str:
    """"TLP:AMBER B3" for a graded fact ('' when not graded), as the human renderings show it."""
    if "credibility" not in fact:
        return ""
    return f"TLP:{fact['tlp'].upper()} {fact['source_reliability']}{fact['credibility']}"
