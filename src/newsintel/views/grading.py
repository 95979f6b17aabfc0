"""Grades in the views (issue 14): each sourced fact gets `tlp`, `source_reliability` and `credibility`.

The grading itself (data/credibility.yaml) is `store.sharing.Grader`; this module adds what only the views know:
which figures another report contradicts (`conflicts.py`). For a view that is looked up in the stories of the
facts shown (a whole-store scan per profile would not stay fast); an export passes the documents it may share, so
a figure left out of the export can never make a shared fact "contradicted".
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from newsintel.store import document_reads as reads
from newsintel.store.sharing import Grader
from newsintel.views.conflicts import _pairs, about_same, disagree
from newsintel.views.figures import Figure, document_figures

GRADES = ("tlp", "source_reliability", "credibility")
MAX_STORY_DOCUMENTS = 500  # documents whose figures are read for one view's contradictions


def documents_of(data: Any, out: set[str] | None = None) -> set[str]:
    """The documents of every sourced fact in `data`."""
    out = set() if out is None else out
    if isinstance(data, list):
        for item in data:
            documents_of(item, out)
    elif isinstance(data, dict):
        source = data.get("source")
        if isinstance(source, dict) and isinstance(source.get("document"), str):
            out.add(source["document"])
        for key, value in data.items():
            if key != "source":
                documents_of(value, out)
    return out


def contradicted(conn: Any, doc_ids: Iterable[str] | None = None,
                 may_use: set[str] | None = None) -> set[tuple[str, int]]:
    """(document, sentence) of every figure that a figure of another report, about the same thing, disagrees with.
    `doc_ids`: only figures in these documents' stories are compared (None: the whole store). `may_use`: only
    figures of these documents count at all."""
    stories = reads.shared_story_of(conn)
    if doc_ids is None:
        docs = set(reads.documents_with_quantities(conn))
    else:
        wanted = {stories[d] for d in doc_ids if d in stories}
        docs = {d for d, s in stories.items() if s in wanted} | set(doc_ids)
    if may_use is not None:
        docs &= may_use
    docs &= set(reads.documents_with_quantities(conn))
    figures: list[Figure] = []
    for doc in sorted(docs)[:MAX_STORY_DOCUMENTS if doc_ids is not None else None]:
        figures.extend(document_figures(conn, doc, stories.get(doc)))
    out: set[tuple[str, int]] = set()
    for i, j in _pairs(figures):
        a, b = figures[i], figures[j]
        if a.document != b.document and disagree(a.range, b.range, a.outcome) and about_same(a, b) is not None:
            out |= {(a.document, a.sentence), (b.document, b.sentence)}
    return out


def grade_facts(conn: Any, data: Any) -> Any:
    """Add the grades to every sourced fact in `data` (a view's output, changed in place); returns `data`."""
    docs = documents_of(data, set())
    if docs:
        Grader(conn, contradicted(conn, docs)).grade_tree(data)
    return data


def grades(fact: dict[str, Any]) -> dict[str, Any]:
    """The grades of a graded fact, to copy onto a line derived from it (a profile's where line)."""
    return {k: fact[k] for k in GRADES if k in fact}
