"""`newsintel geoparse FILE...`: the toponyms of each file, resolved to gazetteer places; nothing is stored.

Offsets index into the cleaned text of each document; for a plain-text file (.txt, .text, gzipped or not) that
is the file's own text, unchanged (cleaning would drop lines and the headline, so it is not applied there).
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Iterator
from pathlib import Path

from newsintel.cli import render
from newsintel.model import Failure

PLAIN_TEXT = {".txt", ".text"}


def documents(path: Path) -> Iterator[tuple[str, str] | Failure]:
    """(origin, text) for each document of the file, or a Failure naming it and the reason; never raises, so one
    bad file (or record) costs one error line and the files after it are still read."""
    from newsintel.clean import clean
    from newsintel.ingest import read_path
    from newsintel.ingest.decode import InputError
    from newsintel.ingest.discover import base_suffix

    plain = base_suffix(path) in PLAIN_TEXT
    for item in read_path(path):
        if isinstance(item, Failure):
            yield item
        elif plain:
            yield item.origin, item.text or ""
        else:
            try:
                yield item.origin, clean(item).text
            except InputError as err:
                yield Failure(item.origin, str(err))
            except Exception as err:  # a pathological page must not stop the run
                yield Failure(item.origin, f"cleaning failed: {type(err).__name__}: {err}")


def geoparse_text(text: str) -> list[dict]:
    """The toponyms of one text, as `geoparse --json` prints them."""
    from newsintel.nlp import raw_mentions, sentences_of
    from newsintel.nlp.chunks import document_doc
    from newsintel.nlp.pipeline import load_nlp
    from newsintel.nlp.toponyms import document_toponyms

    doc = document_doc(load_nlp(), text)
    mentions = raw_mentions(doc, [s.start for s in sentences_of(doc)])
    return [t.as_json() for t in document_toponyms(text, mentions)[1]]


def cmd_geoparse(args: argparse.Namespace) -> int:
    from newsintel.nlp.geocode import load_resolver
    from newsintel.nlp.pipeline import load_nlp

    load_nlp()
    load_resolver()
    failed = False
    for name in args.files:
        for item in documents(Path(name)):
            if isinstance(item, Failure):
                print(render.safe(item.line()), file=sys.stderr, flush=True)
                failed = True
                continue
            origin, text = item
            try:
                toponyms = geoparse_text(text)
            except Exception as err:  # one bad document must not stop the batch
                print(render.safe(f"error: {origin}: geoparsing failed: {type(err).__name__}: {err}"),
                      file=sys.stderr, flush=True)
                failed = True
                continue
            if args.json:
                print(json.dumps({"file": origin, "toponyms": toponyms}, ensure_ascii=False), flush=True)
            else:
                _print_table(origin, toponyms)
    return 1 if failed else 0


def _print_table(origin: str, toponyms: list[dict]) -> None:
    rows = [[t["text"], f"{t['start']}-{t['end']}", t["name"] or "(unresolved)", t["country"] or "",
             "" if t["lat"] is None else f"{t['lat']:.4f}, {t['lon']:.4f}", t["geonameid"] or ""]
            for t in toponyms]
    render.console.print(render.table(origin, ["toponym", "offsets", "place", "country", "lat, lon", "geonameid"],
                                      rows))


def add_parser(sub, common: argparse.ArgumentParser, json_flag: argparse.ArgumentParser) -> None:
    """Register `geoparse` on the main parser's subcommands."""
    help_ = "print the toponyms of files with their places (offsets into the cleaned text; nothing is stored)"
    p = sub.add_parser("geoparse", help=help_, description=help_, parents=[common, json_flag])
    p.add_argument("files", nargs="+", metavar="FILE")
    p.set_defaults(func=cmd_geoparse)
