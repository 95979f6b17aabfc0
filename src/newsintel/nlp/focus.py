"""What a news source usually writes about: the "local lexicon" of a local paper (Lieberman et al., 2010).

A local paper's "Alexandria" or "Athens" is the one in its own state, often with nothing else in the article to say
so. A source's focus is learnt from its earlier documents, incrementally: for each region (a country, or a state or
province) the share of the source's documents that name it without doubt (a state named, a town whose every reading
lies in that state). Only the regions named in at least `focus_min_share` of at least `focus_min_documents`
documents count. Nothing is learnt from how names were resolved, so a wrong reading never feeds itself.
"""

from __future__ import annotations

import functools
from collections import Counter

from newsintel.resources import load_yaml

Region = tuple[str, str | None]


class SourceFocus:
    """Per source: the number of documents seen and how many of them named each region without doubt."""

    def __init__(self, min_share: float, min_documents: int) -> None:
        self.min_share = min_share
        self.min_documents = min_documents
        self.documents: Counter[str] = Counter()
        self.regions: dict[str, Counter[Region]] = {}

    def focus(self, source: str | None) -> dict[Region, float]:
        """{region: share of the source's documents naming it}, for the regions that pass the thresholds."""
        n = self.documents.get(source or "", 0)
        if not source or n < self.min_documents:
            return {}
        return {region: count / n for region, count in self.regions[source].items()
                if count / n >= self.min_share}

    def record(self, source: str | None, regions: set[Region]) -> None:
        """Count one more document of `source` naming `regions`."""
        if not source:
            return
        self.documents[source] += 1
        self.regions.setdefault(source, Counter()).update(regions)


@functools.cache
def source_focus() -> SourceFocus:
    """The focus memory of this process (one ingest run)."""
    cfg = load_yaml("geocoding.yaml")
    return SourceFocus(cfg["focus_min_share"], cfg["focus_min_documents"])
