"""What every exporter shares: the store it reads, writing a file whole or not at all, and a fact's provenance.

An `Exporter` streams: `write(out)` reads the store a page or a document at a time (store/export_pages.py) and
writes as it goes, so memory stays bounded however large the store. `write_file` writes into a temporary file
beside the target and renames it over only when the export finished, so a failed export leaves no half file.
"""

from __future__ import annotations

import os
import sys
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any, TextIO

from newsintel import datevalues
from newsintel.extract.headlines import HEADLINE_SENTENCE
from newsintel.store import export_pages
from newsintel.store.gateway import wrap
from newsintel.store.sharing import handling_of


class Exporter:
    """One export format. Subclasses set `name` and implement `write`, which returns counts of what it wrote."""

    name = ""

    def __init__(self, conn: Any) -> None:
        self.db = wrap(conn)

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


class DocumentContext:
    """One stored document as the exporters need it: its row, sentence spans and entities with their identities."""

    def __init__(self, db: Any, row: Any) -> None:
        self.row = row
        self.id: str = row["id"]
        self.spans = export_pages.sentence_spans(db, self.id)
        self.entities = export_pages.entities(db, self.id)
        self.handling = handling_of(db, [self.id]).get(self.id)  # TLP and source reliability (store/sharing.py)

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


def fact_date(fact: dict[str, Any], published: str | None) -> dict[str, Any]:
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
