"""Quotations of a document: where each opens and closes, paragraph by paragraph.

News style continues a quotation over several paragraphs by leaving it open at the end of a paragraph and opening
it again at the start of the next one, with no closing mark in between ('Haliti said: "We left at dawn.¶"Then we
walked for two days."'). Read quote by quote over the whole text, straight quotes would pair the wrong way from
there on; read per paragraph, with that continuation, they pair as written. An opening mark never closed and not
continued is left alone rather than paired with a mark paragraphs later. Scraped text that lost those paragraph
breaks keeps the marks in one line ('said: "We left at dawn. "Then we walked."'): a straight mark after a sentence's
end and before a capital reopens the same quotation there.

British papers quote with single marks ("Haliti said: 'We left at dawn.'"), which are also apostrophes ("don't",
"the girls' school", "'90s"). Outside double-quoted passages, a single mark opens a quotation only at the start of a
word ("said: 'We"), and closes it only at the end of one, before a space or punctuation ("dawn.' He"): an
apostrophe inside a word never does, nor one of a plural possessive before a lower-case word ("girls' school").
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable
from dataclasses import dataclass

OPENING = "“«"
CLOSING = "”»"
STRAIGHT = '"'
SINGLE_OPENING = "‘"
SINGLE_MARKS = "'’"  # straight single mark and right single mark: closing marks and apostrophes
MIN_CHARS = 3
MAX_CHARS = 2000  # one paragraph's quotation; a continued one may hold this much per paragraph
_ELISIONS = re.compile(r"(?:em|n|til|tis|twas|cause|bout|\d0s|\d\d)\b", re.I)  # "'em", "rock 'n' roll", "'90s"
_BEFORE_OPENING = " \t\n([{:;,—–-"  # a single mark after one of these (or first in its paragraph) opens a quotation
_AFTER_CLOSING = " \t\n.,;:!?)]}—–-…"  # a single mark before one of these (or last in its paragraph) closes one


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


@dataclass(frozen=True, slots=True)
class _Marks:
    """How one style of quotation marks opens, closes and reopens a quotation (position `i` in a paragraph)."""
    opens: Callable[[str, int, int, int], bool]
    closes: Callable[[str, int, int, int], bool]
    reopens: Callable[[str, int, int, int], bool]


def _double_opens(text: str, i: int, low: int, high: int) -> bool:
    return text[i] in OPENING or text[i] == STRAIGHT


def _double_closes(text: str, i: int, low: int, high: int) -> bool:
    return text[i] in CLOSING or text[i] == STRAIGHT


def _reopens(text: str, i: int, low: int, high: int) -> bool:
    """A straight mark at `i` inside an open quotation that opens the next sentence of it rather than closing it:
    after a sentence's end and a space, before a capital ('launch. "The UK ...'), as when the paragraph breaks
    of a quotation continued paragraph by paragraph were lost."""
    before = text[low:i]
    return text[i] == STRAIGHT and before.endswith((". ", "! ", "? ")) and i + 1 < high and text[i + 1].isupper()


def _single_opens(text: str, i: int, low: int, high: int) -> bool:
    """A single mark at the start of a word ("said: 'We ...", "‘We ..."), not an elision ("'em", "'90s")."""
    if text[i] not in SINGLE_OPENING + "'" or i + 1 >= high or not text[i + 1].isalnum():
        return False
    return (i == low or text[i - 1] in _BEFORE_OPENING) and not _ELISIONS.match(text, i + 1)


def _single_closes(text: str, i: int, low: int, high: int) -> bool:
    """A single mark at the end of a word, before a space or punctuation ("dawn.' He", "this'."), not a plural
    possessive before a lower-case word ("the girls' school")."""
    if text[i] not in SINGLE_MARKS or i == low or text[i - 1].isspace():
        return False
    after = text[i + 1] if i + 1 < high else ""
    if after and after not in _AFTER_CLOSING:
        return False
    if text[i - 1] in "sS" and after == " " and text[i + 2:i + 3].isupper() and _closes_later(text, i, low, high):
        return False  # "'Last year the United States' Energy Council said ...,' the paper wrote": a possessive
    return not (text[i - 1] in "sS" and after == " " and text[i + 2:i + 3].islower())


MIN_SENTENCE_WORDS = 4  # words a quotation holds before a possessive for it to be a sentence, not a name
_LATER_CLOSE = re.compile(r"[.,!?…][’']")
_NEXT_OPENS = re.compile(r"\s*\n\s*['‘]")


def _closes_later(text: str, i: int, low: int, high: int) -> bool:
    """Can the quotation open at a plural possessive before a name ("the States' Energy Council") close later, after
    a sentence's punctuation in the same paragraph or by going on into the next one opened again? Only a quotation
    of a few words so far: "the 'Birds' Nest" quotes a name."""
    opened = max(text.rfind("'", low, i), text.rfind("‘", low, i))
    return len(text[opened:i].split()) >= MIN_SENTENCE_WORDS and (
        _LATER_CLOSE.search(text, i + 1, high) is not None or _NEXT_OPENS.match(text, high) is not None)


def _single_reopens(text: str, i: int, low: int, high: int) -> bool:
    before = text[low:i]
    return text[i] in SINGLE_OPENING + "'" and before.endswith((". ", "! ", "? ")) and i + 1 < high \
        and text[i + 1].isupper()


DOUBLE = _Marks(_double_opens, _double_closes, _reopens)
SINGLE = _Marks(_single_opens, _single_closes, _single_reopens)


def quotations(text: str) -> list[Quotation]:
    """Every quotation of `text`, in order: double-quoted ones, then single-quoted ones outside them."""
    return list(_quotations(text))


@functools.lru_cache(maxsize=4)
def _quotations(text: str) -> tuple[Quotation, ...]:
    """Remembered for the last few texts: a document's text is scanned by three rules in turn, character by
    character (about 1 % of the ingest's CPU each); quotations are frozen, the list a new one each call."""
    paragraphs = _paragraphs(text)
    double = _scan(text, paragraphs, DOUBLE, [])
    single = _scan(text, paragraphs, SINGLE, [(q.start, q.end) for q in double])
    return tuple(sorted(double + single, key=lambda q: q.start))


def _scan(text: str, paragraphs: list[tuple[int, int]], marks: _Marks,
          covered: list[tuple[int, int]]) -> list[Quotation]:
    """The quotations of one style of marks, never opening or closing inside the `covered` spans."""
    out: list[Quotation] = []
    opened: int | None = None  # offset of the opening mark of the quotation being read
    reopened: int | None = None  # offset of its last mark reopening it after a sentence ('. "')
    pieces: list[str] = []  # the quoted text of its earlier paragraphs
    piece_start = 0
    spans = iter(sorted(covered))
    span = next(spans, None)
    for n, (start, end) in enumerate(paragraphs):
        i = start
        if opened is not None:  # continued from the paragraph before: skip its opening mark again
            i += 1
            piece_start = i
        while i < end:
            while span is not None and span[1] <= i:
                span = next(spans, None)
            if span is not None and span[0] <= i:  # inside a quotation of the other style: read past it
                i = span[1]
                continue
            if opened is None and marks.opens(text, i, start, end):
                opened, piece_start, pieces, reopened = i, i + 1, [], None
            elif opened is not None and marks.reopens(text, i, start, end):
                pieces.append(text[piece_start:i].strip())  # 'said: "We left. "Then we walked."': one quotation
                piece_start, reopened = i + 1, i
            elif opened is not None and marks.closes(text, i, start, end):
                words = " ".join([*pieces, text[piece_start:i].strip()]).strip()
                if len(text[piece_start:i]) >= MIN_CHARS and len(words) <= MAX_CHARS * (len(pieces) + 1):
                    out.append(Quotation(opened, i + 1, words, len(pieces) + 1))
                opened = None
            i += 1
        if opened is None:
            continue
        following = paragraphs[n + 1][0] if n + 1 < len(paragraphs) else None
        if following is not None and marks.opens(text, following, following, paragraphs[n + 1][1]):
            pieces.append(text[piece_start:end].strip())  # open at the end, reopened next: one quotation
        else:
            if reopened is not None and pieces:  # reopened sentence by sentence: it runs up to the last reopening
                out.append(Quotation(opened, reopened, " ".join(pieces).strip(), len(pieces)))
            opened = None  # never closed: no guess at where it ends
    return out
