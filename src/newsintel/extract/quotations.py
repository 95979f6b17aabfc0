"""Quotations of a document: where each opens and closes, paragraph by paragraph.

News style continues a quotation over several paragraphs by leaving it open at the end of a paragraph and opening
it again at the start of the next one, with no closing mark in between ('Haliti said: "We left at dawn.¶"Then we
walked for two days."'). Read quote by quote over the whole text, straight quotes would pair the wrong way from
there on; read per paragraph, with that continuation, they pair as written. An opening mark never closed and not
continued is left alone rather than paired with a mark paragraphs later. Scraped text that lost those paragraph
breaks keeps the marks in one line ('said: "We left at dawn. "Then we walked."'): a straight mark after a sentence's
end and before a capital reopens the same quotation there.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

OPENING = "“«"
CLOSING = "”»"
STRAIGHT = '"'
MIN_CHARS = 3
MAX_CHARS = 2000  # one paragraph's quotation; a continued one may hold this much per paragraph


@dataclass(frozen=True, slots=True)
class Quotation:
    start: int  # offset of the opening mark
    end: int  # offset just after the closing mark
    text: str  # the quoted words, paragraphs joined by a space, without the marks
    paragraphs: int = 1  # more than 1: continued over paragraph breaks

    @property
    def continued(self) -> bool:
        return self.paragraphs > 1


_BLANK_LINE = re.compile(r"\n[ \t]*\n\s*")


def _paragraphs(text: str) -> list[tuple[int, int]]:
    """(start, end) of each paragraph, blanks at its ends left out. Text with blank lines has its paragraphs
    between them (a single line break inside is a wrapped line); text without has one paragraph per line."""
    breaks = _BLANK_LINE if _BLANK_LINE.search(text) else re.compile(r"\n\s*")
    out, pos = [], 0
    for m in [*breaks.finditer(text), None]:
        end = m.start() if m is not None else len(text)
        chunk = text[pos:end]
        if chunk.strip():
            start = pos + (len(chunk) - len(chunk.lstrip()))
            out.append((start, start + len(chunk.strip())))
        pos = m.end() if m is not None else end
    return out


def quotations(text: str) -> list[Quotation]:
    """Every quotation of `text`, in order."""
    out: list[Quotation] = []
    opened: int | None = None  # offset of the opening mark of the quotation being read
    reopened: int | None = None  # offset of its last mark reopening it after a sentence ('. "')
    pieces: list[str] = []  # the quoted text of its earlier paragraphs
    piece_start = 0
    paragraphs = _paragraphs(text)
    for n, (start, end) in enumerate(paragraphs):
        i = start
        if opened is not None:  # continued from the paragraph before: skip its opening mark again
            i += 1
            piece_start = i
        while i < end:
            ch = text[i]
            if opened is None and (ch in OPENING or ch == STRAIGHT):
                opened, piece_start, pieces, reopened = i, i + 1, [], None
            elif opened is not None and ch == STRAIGHT and _reopens(text, i, start, end):
                pieces.append(text[piece_start:i].strip())  # 'said: "We left. "Then we walked."': one quotation
                piece_start, reopened = i + 1, i
            elif opened is not None and (ch in CLOSING or ch == STRAIGHT):
                words = " ".join([*pieces, text[piece_start:i].strip()]).strip()
                if len(text[piece_start:i]) >= MIN_CHARS and len(words) <= MAX_CHARS * (len(pieces) + 1):
                    out.append(Quotation(opened, i + 1, words, len(pieces) + 1))
                opened = None
            i += 1
        if opened is None:
            continue
        following = paragraphs[n + 1][0] if n + 1 < len(paragraphs) else None
        if following is not None and (text[following] in OPENING or text[following] == STRAIGHT):
            pieces.append(text[piece_start:end].strip())  # open at the end, reopened next: one quotation
        else:
            if reopened is not None and pieces:  # reopened sentence by sentence: it runs up to the last reopening
                out.append(Quotation(opened, reopened, " ".join(pieces).strip(), len(pieces)))
            opened = None  # never closed: no guess at where it ends
    return out


def _reopens(text: str, i: int, low: int, high: int) -> bool:
    """A straight mark at `i` inside an open quotation that opens the next sentence of it rather than closing it:
    after a sentence's end and a space, before a capital ('launch. "The UK ...'), as when the paragraph breaks
    of a quotation continued paragraph by paragraph were lost."""
    before = text[low:i]
    return before.endswith((". ", "! ", "? ")) and i + 1 < high and text[i + 1].isupper()

