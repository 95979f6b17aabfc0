"""`newsintel export csv --what events|claims|identities`: one row per fact (or identity) for a spreadsheet.

Every fact row carries its provenance: document id, title, publisher, publication date, URL, the input it was read
from, sentence index and text, character offsets, modality, speaker and confidence, with its date as the views give
it (`date` no more precise than stated, its precision, first and last ISO day, and whether the event or the report
dates it), and the document's handling (`tlp`, `source_reliability`; store/sharing.py). Only documents at or under
the TLP ceiling (`--tlp-max`, default clear) give rows; an identity row is written when one of them names it, with
what they say of it (exports/base.Ceiling). Report text is untrusted: a text
cell that a spreadsheet would read as a formula (starting with = + - @, a tab or a carriage return, also after
spaces or as full-width forms) is prefixed with a single quote (OWASP, CSV injection); numbers newsintel computes
are written as numbers.
"""

from __future__ import annotations

import csv
import json
from typing import Any, TextIO

from newsintel.exports.base import DEFAULT_TLP_MAX, Ceiling, DocumentContext, Exporter, fact_date
from newsintel.facts import ClaimRecord, EventRecord
from newsintel.store import export_pages

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r", "\n", "＝", "＋", "－", "＠")
PROVENANCE = ["document", "title", "publisher", "published", "url", "input", "sentence", "start", "end",
              "sentence_text", "tlp", "source_reliability"]
DATES = ["date", "date_precision", "date_start", "date_end", "dated_by"]
ROLES = ("actors", "targets", "location", "origin", "destination", "via")
EVENT_COLUMNS = ["type", "plover", "trigger", "modality", *(c for r in ROLES for c in (r, f"{r}_identities")),
                 *DATES, "time_text", "speaker", "speaker_identity", "cue", "confidence", "section", *PROVENANCE]
CLAIM_COLUMNS = ["speaker", "speaker_identity", "cue", "medium", "modality", "content", *DATES, "confidence",
                 "section", *PROVENANCE]
IDENTITY_COLUMNS = ["identity", "kind", "type", "name", "documents", "names", "nationalities", "genders",
                    "birth_years", "first_published", "last_published", "first_document", "lat", "lon", "country"]
WHAT = {"events": EVENT_COLUMNS, "claims": CLAIM_COLUMNS, "identities": IDENTITY_COLUMNS}


def safe_cell(value: Any) -> Any:
    """A cell no spreadsheet evaluates: text that would start a formula gets a leading single quote."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return int(value)
    if isinstance(value, int | float):
        return value
    text = str(value)
    if text.startswith(FORMULA_STARTS) or text.lstrip(" ").startswith(FORMULA_STARTS):
        return "'" + text
    return text


class CsvExporter(Exporter):
    """Events, claims or identities as CSV (UTF-8, a header row, RFC 4180 quoting)."""

    name = "csv"

    def __init__(self, conn: Any, what: str, tlp_max: str = DEFAULT_TLP_MAX) -> None:
        super().__init__(conn, tlp_max)
        if what not in WHAT:
            raise ValueError(f"cannot export {what!r} as CSV (events, claims or identities)")
        self.what = what

    def write(self, out: TextIO) -> dict[str, int]:
        columns = WHAT[self.what]
        writer = csv.writer(out, lineterminator="\r\n")
        writer.writerow(columns)
        rows = 0
        for record in self.records():
            writer.writerow([safe_cell(record.get(c)) for c in columns])
            rows += 1
        return {self.what: rows}

    def records(self):
        if self.what == "identities":
            yield from self._identities()
            return
        for doc in DocumentContext.admitted(self.db, self.ceiling, (self.what,)):
            for fact_row in doc.facts[self.what]:
                fact = json.loads(fact_row["data"])
                yield (_event if self.what == "events" else _claim)(fact, doc) | _provenance(fact, doc)

    def _identities(self):
        batch: list[Any] = []
        for row in export_pages.identities(self.db):
            batch.append(row)
            if len(batch) == export_pages.PAGE:
                yield from _identity_rows(self.ceiling, batch)
                batch = []
        yield from _identity_rows(self.ceiling, batch)


def _provenance(fact: EventRecord | ClaimRecord, doc: DocumentContext) -> dict[str, Any]:
    row = doc.row
    return {"document": doc.id, "title": row["title"], "publisher": row["source"], "published": row["published"],
            "url": row["url"], "input": row["origin"], "sentence": fact["sentence"], "start": fact["start"],
            "end": fact["end"], "sentence_text": doc.sentence_text(fact["sentence"]),
            "confidence": fact.get("confidence"), "section": fact.get("section") or "body",
            "tlp": doc.handling.tlp if doc.handling else None,
            "source_reliability": doc.handling.reliability if doc.handling else None,
            **fact_date(fact, row["published"])}


def _joined(values: list[Any]) -> str:
    return "; ".join(str(v) for v in values if v)


def _event(fact: EventRecord, doc: DocumentContext) -> dict[str, Any]:
    out = {k: fact.get(k) for k in ("type", "plover", "trigger", "modality")}
    for role in ROLES:
        args = fact.get(role) or []
        out[role] = _joined(a.get("text") for a in args)
        out[f"{role}_identities"] = _joined((doc.identity(a.get("entity")) or {"identity": None})["identity"]
                                            for a in args)
    attribution = fact.get("attribution") or {}
    speaker = attribution.get("speaker") or {}
    linked = doc.identity(speaker.get("entity"))
    return out | {"time_text": (fact.get("time") or {}).get("text"), "speaker": speaker.get("text"),
                  "speaker_identity": linked["identity"] if linked else None, "cue": attribution.get("cue")}


def _claim(fact: ClaimRecord, doc: DocumentContext) -> dict[str, Any]:
    speaker = fact.get("speaker") or {}
    linked = doc.identity(speaker.get("entity"))
    return {"speaker": speaker.get("text"), "speaker_identity": linked["identity"] if linked else None,
            "cue": fact.get("cue"), "medium": fact.get("medium"), "modality": fact.get("modality"),
            "content": fact.get("content")}


def _identity_rows(ceiling: Ceiling, rows: list[Any]):
    views = ceiling.identities(rows)
    for row in rows:
        view = views.get(row["id"])
        if view is None:  # no admitted document names it
            continue
        point = view.point or (None, None, None)
        yield {"identity": row["id"], "kind": row["kind"], "type": row["type"], "name": view.name,
               "documents": view.count,
               "names": _joined(sorted(view.names, key=lambda n: (-len(n), n))),
               "nationalities": _joined(view.profile("nationality")),
               "genders": _joined(view.profile("gender")),
               "birth_years": _joined(view.profile("birth_year")),
               "first_published": view.first, "last_published": view.last,
               "first_document": view.first_document, "lat": point[0], "lon": point[1],
               "country": point[2]}
