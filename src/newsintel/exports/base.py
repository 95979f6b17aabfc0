"""What every exporter shares: the store it reads, writing a file whole or not at all, and a fact's provenance.

An `Exporter` streams: `write(out)` reads the store a page or a document at a time (store/export_pages.py) and
writes as it goes, so memory stays bounded however large the store. `write_file` writes into a temporary file
beside the target and renames it over only when the export finished, so a failed export leaves no half file.

A `Ceiling` is what an export may carry (`--tlp-max`, default clear as for STIX: an export is a file that leaves
the analyst's hands): documents whose effective TLP (the stricter of their own and their source's level, as
store/sharing.py rules) is above it are left out with everything derived from them, and an identity is exported
only when an admitted document names it, under a name, aliases and attributes those documents give.
"""

from __future__ import annotations

import json
import os
import sys
import tempfile
from collections import Counter
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TextIO

from newsintel import datevalues
from newsintel.extract.headlines import HEADLINE_SENTENCE
from newsintel.facts import Fact
from newsintel.store import export_pages
from newsintel.store.gateway import wrap
from newsintel.store.sharing import (
    TLP_LEVELS,
    UNKNOWN_SOURCE,
    DocHandling,
    default_reliability,
    handling_of,
    strictest,
    tlp_rank,
)

DEFAULT_TLP_MAX = "clear"  # as `export stix`: nothing marked above clear leaves unless the analyst says so


class Exporter:
    """One export format. Subclasses set `name` and implement `write`, which returns counts of what it wrote."""

    name = ""

    def __init__(self, conn: Any, tlp_max: str = DEFAULT_TLP_MAX) -> None:
        self.db = wrap(conn)
        self.ceiling = Ceiling(self.db, tlp_max)

    def write(self, out: TextIO) -> dict[str, int]:
        raise NotImplementedError

    def write_file(self, target: str | Path) -> dict[str, int]:
        """Export into `target` ("-": standard output), whole or not at all."""
        if str(target) == "-":
            return self.write(sys.stdout)
        with atomic_output(Path(target)) as out:
            return self.write(out)


def unwritable(path: Path) -> str | None:
    """Why `path` cannot be an output file, checked before any work; None when it can."""
    if str(path) == "-":
        return None
    if path.is_dir():
        return "it is a directory"
    if path.exists() and not path.is_file():
        return "it is not a regular file"
    if not path.parent.is_dir():
        return "its folder does not exist"
    return None


@contextmanager
def atomic_output(path: Path) -> Iterator[TextIO]:
    """A text file (UTF-8, no newline translation) that replaces `path` when the block ends without error."""
    handle, temp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".part", dir=path.parent)
    try:
        os.chmod(temp, 0o666 & ~_umask())  # as an ordinary new file (mkstemp makes it private)
        with os.fdopen(handle, "w", encoding="utf-8", newline="") as out:
            yield out
        os.replace(temp, path)
    except BaseException:
        Path(temp).unlink(missing_ok=True)
        raise


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def effective_tlp(row: Any) -> str:
    """The TLP a document row of store/export_pages.py is handled under: the stricter of its own and its
    source's registered level (store/sharing.handling_of)."""
    return strictest([row["tlp"] or "clear", row["source_tlp"] or "clear"])


class Ceiling:
    """The strictest TLP an export may carry, and what follows from it for documents and identities."""

    def __init__(self, db: Any, tlp_max: str = DEFAULT_TLP_MAX) -> None:
        self.db = db
        self.tlp_max = tlp_max
        self.levels = TLP_LEVELS[:tlp_rank(tlp_max) + 1]  # the levels that may leave
        self.withheld: set[str] = set()  # documents seen and left out (ids only: reported as a count)

    def admits(self, row: Any, key: str = "id") -> bool:
        """Whether a document row (or a row carrying its document's `tlp`, `source_tlp` and id in `key`) may
        leave."""
        if tlp_rank(effective_tlp(row)) <= tlp_rank(self.tlp_max):
            return True
        self.withheld.add(row[key])
        return False

    def admitted(self, doc_ids: Iterable[str]) -> set[str]:
        """Those of `doc_ids` that may leave."""
        ids = set(doc_ids)
        handled = handling_of(self.db, ids)
        out = {d for d, h in handled.items() if tlp_rank(h.tlp) <= tlp_rank(self.tlp_max)}
        self.withheld |= ids - out
        return out

    def identities(self, rows: list[Any]) -> dict[str, IdentityView]:
        """Identity id -> what the admitted documents say of it, for identity rows (id, kind, name, documents,
        profile) of store/export_pages.identities; identities no admitted document names are left out."""
        links: dict[str, list[Any]] = {}
        admitted: dict[str, list[Any]] = {}
        for link in export_pages.identity_links(self.db, [r["id"] for r in rows]):
            links.setdefault(link["identity_id"], []).append(link)
            if self.admits(link, "document_id"):
                admitted.setdefault(link["identity_id"], []).append(link)
        out = {}
        for row in rows:
            if row["id"] in admitted:
                out[row["id"]] = IdentityView.of(row, admitted[row["id"]],
                                                 restricted=len(admitted[row["id"]]) < len(links[row["id"]]))
        return out

    def renamed(self, linked: dict[str, tuple[str, str, str]]) -> dict[str, tuple[str, str, str]]:
        """entity id -> (identity id, name, kind), as store/fact_reads.identity_of_entities gives it, with each
        identity named as the admitted documents name it (identities they do not name are left out)."""
        ids = sorted({v[0] for v in linked.values()})
        rows = [{"id": i, "name": linked_name, "kind": kind, "documents": None, "profile": None}
                for i, linked_name, kind in {v for v in linked.values()}]
        names: dict[str, str] = {}  # only the names are kept, a page of views at a time
        for start in range(0, len(ids), export_pages.PAGE):
            page = set(ids[start:start + export_pages.PAGE])
            names |= {i: v.name for i, v in self.identities([r for r in rows if r["id"] in page]).items()}
        return {e: (v[0], names[v[0]], v[2]) for e, v in linked.items() if v[0] in names}


def _spellings(link: Any) -> list[str]:
    return [" ".join(n.split()) for n in [link["name"], *json.loads(link["aliases"] or "[]")] if n]


@dataclass
class IdentityView:
    """An identity as the admitted documents show it: their count, first and last publication date, the first of
    them stored, a point where the geocoder placed one of its mentions, and (when a withheld document names it
    too) the name, spellings and attributes those documents give instead of the stored profile's."""

    documents: set[str] = field(default_factory=set)
    restricted: bool = False  # a withheld document names it too
    first: str | None = None
    last: str | None = None
    first_document: str | None = None
    point: tuple[float, float, str | None] | None = None
    name: str = ""
    names: Counter = field(default_factory=Counter)
    attributes: dict[str, Counter] = field(default_factory=dict)
    count: int = 0

    @staticmethod
    def of(row: Any, links: list[Any], restricted: bool) -> IdentityView:
        """The view of identity `row` from its admitted `links`; `restricted` when a withheld document names it."""
        view = IdentityView(restricted=restricted)
        first_rowid = None
        for link in links:
            view.documents.add(link["document_id"])
            published = link["published"]
            if published is not None:
                view.first = published if view.first is None else min(view.first, published)
                view.last = published if view.last is None else max(view.last, published)
            if first_rowid is None or link["rowid"] < first_rowid:
                first_rowid, view.first_document = link["rowid"], link["document_id"]
            if view.point is None and link["lat"] is not None:
                view.point = (link["lat"], link["lon"], link["country"])
        if not restricted:  # every document naming it may leave: the stored name and profile
            profile = json.loads(row["profile"] or "{}")
            view.count = row["documents"] if row["documents"] is not None else len(view.documents)
            view.name = row["name"]
            view.names = Counter(profile.get("names", {}))
            view.attributes = {k: Counter(profile.get(k, {})) for k in ("nationality", "gender", "birth_year")}
            return view
        for link in links:
            view._fold_in(link)
        view.count = len(view.documents)
        stored = row["name"].split(", ")[0]  # a place's name carries its country ("Raqqa, Syria")
        if stored in view.names:
            view.name = row["name"]
        else:  # the most frequent full spelling they give
            view.name = max(view.names, key=lambda n: (len(n.split()) > 1, view.names[n], len(n), n))
        return view

    def _fold_in(self, link: Any) -> None:
        """Spellings and attributes of one admitted entity (as resolve/profiles.py folds them into a profile)."""
        published = link["published"]
        self.names.update(_spellings(link))
        attributes = json.loads(link["attributes"] or "{}")
        for key in ("nationality", "gender"):
            if attributes.get(key):
                self.attributes.setdefault(key, Counter())[str(attributes[key])] += 1
        age = attributes.get("age")
        if isinstance(age, int) and published and published[:4].isdigit():
            self.attributes.setdefault("birth_year", Counter())[str(int(published[:4]) - age)] += 1

    def profile(self, key: str) -> list[str]:
        return sorted(self.attributes.get(key, {}))


DOCUMENT_PAGE = 100  # documents read (with their sentences, entities and facts) a page at a time


class DocumentContext:
    """One stored document as the exporters need it: its row (with handling, store/export_pages.documents),
    sentence spans, entities with their identities, and the facts of the tables asked for."""

    def __init__(self, row: Any, spans: dict[int, tuple[int, int]], entities: dict[str, Any],
                 facts: dict[str, list[Any]]) -> None:
        self.row = row
        self.id: str = row["id"]
        self.spans = spans
        self.entities = entities
        self.facts = facts  # table -> rows (id, data)
        # TLP and source reliability, as store/sharing.handling_of gives them
        self.handling = DocHandling(self.id, row["source"] or UNKNOWN_SOURCE, effective_tlp(row),
                                    row["reliability"] or default_reliability())

    @staticmethod
    def admitted(db: Any, ceiling: Ceiling, tables: tuple[str, ...]) -> Iterator[DocumentContext]:
        """Every document under the ceiling in ingest order, read `DOCUMENT_PAGE` at a time (a few queries a
        page, not a few per document: each is a round trip on PostgreSQL)."""
        page: list[Any] = []
        for row in export_pages.documents(db, page=DOCUMENT_PAGE):
            if ceiling.admits(row):
                page.append(row)
            if len(page) == DOCUMENT_PAGE:
                yield from DocumentContext._page(db, page, tables)
                page = []
        yield from DocumentContext._page(db, page, tables)

    @staticmethod
    def _page(db: Any, rows: list[Any], tables: tuple[str, ...]) -> Iterator[DocumentContext]:
        ids = [r["id"] for r in rows]
        spans, entities = export_pages.sentence_spans(db, ids), export_pages.entities(db, ids)
        facts = {t: export_pages.facts(db, ids, t) for t in tables}
        for row in rows:
            yield DocumentContext(row, spans[row["id"]], entities[row["id"]],
                                  {t: facts[t][row["id"]] for t in tables})

    def sentence_text(self, index: int) -> str:
        """The sentence as one line (a headline fact's sentence is the title)."""
        if index == HEADLINE_SENTENCE:
            return " ".join((self.row["title"] or "").split())
        start, end = self.spans.get(index, (0, 0))
        return " ".join(self.row["text"][start:end].split())

    def identity(self, entity_id: str | None) -> Any:
        """The entity's row when it resolved to an identity that is not suppressed, else None."""
        row = self.entities.get(entity_id) if entity_id else None
        return row if row is not None and row["identity"] else None


def fact_date(fact: Fact, published: str | None) -> dict[str, Any]:
    """A fact's date as the views give it: `date` no more precise than stated ("2013", "2013-05", "summer 2013"),
    `date_precision`, `date_start`/`date_end` (ISO days it covers) and `dated_by` ("event": its own time
    expression; "report": the publication day, for a fact with no date of its own; None: no date at all)."""
    time = fact.get("time") or {}
    value, precision, by = time.get("value"), time.get("precision"), "event"
    if time.get("undated") and not value:  # background, or a time of its own that cannot be placed: no date
        value, precision, by = None, None, None
    elif value and datevalues.precision_of(value):
        precision = precision or datevalues.precision_of(value)
    else:
        value, precision, by = (published[:10], "day", "report") if published else (None, None, None)
    first, _, last = (value or "").partition("/")
    return {"date": datevalues.label(value, precision), "date_precision": precision,
            "date_start": first[:10] or None, "date_end": (last or first)[:10] or None, "dated_by": by}
