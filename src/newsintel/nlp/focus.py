"""What a publisher usually writes about: the "local lexicon" of a local paper (Lieberman et al., 2010).

A local paper's "Alexandria" or "Athens" is the one in its own state, often with nothing else in the article to say
so. A publisher's focus is, for each region (a country, or a state or province), the share of its documents that
name the region without doubt (a state named, a town whose every reading lies in that state: `Resolver.evidence`).
Only the regions named in at least `focus_min_share` of at least `focus_min_documents` documents count. Nothing is
learnt from how names were resolved, so a wrong reading never feeds itself.

The focus is deterministic: a document's places never depend on which documents were geocoded before it, in what
order or by which worker. It is read from a `FocusTable` of statistics taken at a stable point (all of a publisher's
documents of a gold set before any is geocoded; the documents of a store), installed before workers fork and only
read while geocoding. A document with no publisher has no focus; neither has a publisher the table does not know.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping

from newsintel.resources import load_yaml

Region = tuple[str, str | None]
Focus = dict[Region, float]


class FocusTable:
    """Per publisher: the number of documents and how many of them named each region without doubt."""

    def __init__(self, min_share: float, min_documents: int) -> None:
        self.min_share = min_share
        self.min_documents = min_documents
        self.documents: Counter[str] = Counter()
        self.regions: dict[str, Counter[Region]] = {}

    @classmethod
    def from_settings(cls) -> FocusTable:
        cfg = load_yaml("geocoding.yaml")
        return cls(cfg["focus_min_share"], cfg["focus_min_documents"])

    @classmethod
    def from_counts(cls, documents: Mapping[str, int],
                    regions: Iterable[tuple[str, str, str | None, int]]) -> FocusTable:
        """A table from stored statistics: documents per publisher, and (publisher, country, admin1, documents)."""
        table = cls.from_settings()
        table.documents.update({k: v for k, v in documents.items() if k})
        for source, country, admin1, count in regions:
            if source:
                table.regions.setdefault(source, Counter())[(country, admin1 or None)] += count
        return table

    def focus(self, source: str | None) -> Focus:
        """{region: share of the publisher's documents naming it}, for the regions that pass the thresholds."""
        n = self.documents.get(source or "", 0)
        if not source or n < self.min_documents:
            return {}
        return {region: count / n for region, count in self.regions.get(source, Counter()).items()
                if count / n >= self.min_share}

    def record(self, source: str | None, regions: set[Region]) -> None:
        """Count one more document of `source` naming `regions` (when building a table, never while geocoding)."""
        if not source:
            return
        self.documents[source] += 1
        self.regions.setdefault(source, Counter()).update(regions)


_INSTALLED: list[FocusTable | None] = [None]


def install(table: FocusTable | None) -> None:
    """Make `table` the publishers' focus of this process (before workers fork); None: no focus at all."""
    _INSTALLED[0] = table


def installed() -> FocusTable | None:
    """The table installed in this process: what a distributed engine ships to its workers."""
    return _INSTALLED[0]


def publisher_focus(source: str | None) -> Focus:
    """The installed focus of `source`; empty with no publisher or no table."""
    table = _INSTALLED[0]
    return table.focus(source) if table is not None and source else {}
