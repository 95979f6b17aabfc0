"""Plain-text cleaning: drop scraper junk lines by the rules in `data/boilerplate.yaml`, collapse repeats.

Rules match whole lines only, so article sentences survive even when they contain a junk word ("did not reply"); the
few that cut furniture out of a line match the whole line too.
Text that came as plain text (`scraped=True`: a .txt file, a JSON "text" field) also loses the page furniture a
scraper leaves around the article (`scraped_text_lines`: share and comment prompts, sign-up boxes, feed and credit
lines, "More:" links, ad markers; `furniture_in_lines`: a caption's leading credit); text extracted from HTML
keeps to the general rules, as the page's structure has already removed most furniture. Changing these rules changes
stored texts: rebuild the resolution gold's offsets (`tests/gold/resolution/build.py`) in the same commit.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from dataclasses import dataclass

from newsintel.clean.gallery import strip_slide_furniture
from newsintel.resources import load_yaml

_SPACES = re.compile(r"[ \t\u00a0\u2000-\u200b\u202f\u205f\u3000]+")
_SENTENCE_END = re.compile(r"[.!?:;\"'”’»)\]]$")
MAX_LINK_TITLE = 140
WRAP_COLUMNS = (60, 140)  # terminal and e-mail widths at which plain-text feeds hard-wrap their lines
WRAPPED_SHARE = 0.75  # a line this close to the wrap column was cut by the wrap, not by the writer
MIN_WRAPPED_LINES = 3
MIN_ARTICLE_CHARS = 200  # less than this left by the furniture rules: the scrape holds no article around it


@dataclass(frozen=True, slots=True)
class Rules:
    drop: re.Pattern[str]
    caption: re.Pattern[str]
    link_heading: re.Pattern[str]
    scraped: re.Pattern[str]
    cuts: tuple[re.Pattern[str], ...]  # `furniture_in_lines`


def _alternation(patterns: list[str]) -> re.Pattern[str]:
    return re.compile("|".join(f"(?:{p})" for p in patterns), re.IGNORECASE)


@functools.cache
def rules() -> Rules:
    data = load_yaml("boilerplate.yaml")
    return Rules(
        drop=_alternation(data["drop_lines"]),
        caption=_alternation(data["caption_lines"]),
        link_heading=_alternation(data["link_list_headings"]),
        scraped=_alternation(data["scraped_text_lines"]),
        cuts=tuple(re.compile(p, re.IGNORECASE) for p in data["furniture_in_lines"]),
    )


def normalise_line(line: str) -> str:
    return _SPACES.sub(" ", line).strip()


def is_junk(line: str, scraped: bool = False) -> bool:
    """True for a whole line that is scraper boilerplate or an image caption (or, in plain-text scrapes, page
    furniture)."""
    r = rules()
    return bool(r.drop.fullmatch(line) or r.caption.fullmatch(line) or (scraped and r.scraped.fullmatch(line)))


def without_furniture(line: str) -> str:
    """A scraped line without the furniture run into it (`furniture_in_lines`): the photo credit a caption starts
    with ("AFP Police made ..." -> "Police made ..."), which would read as part of a name or an actor; an embedded
    post's byline after its caption."""
    for pattern in rules().cuts:
        m = pattern.fullmatch(line)
        if m is not None:
            return normalise_line(line[:m.start("cut")] + " " + line[m.end("cut"):])
    return line


def _looks_like_link_title(line: str) -> bool:
    return len(line) <= MAX_LINK_TITLE and not _SENTENCE_END.search(line)


def _blocks(text: str) -> list[list[str]]:
    """Split into blocks (separated by blank lines) of normalised, non-empty lines."""
    blocks: list[list[str]] = [[]]
    for raw in text.split("\n"):
        line = normalise_line(raw)
        if line:
            blocks[-1].append(line)
        elif blocks[-1]:
            blocks.append([])
    return [b for b in blocks if b]


def drop_junk(blocks: list[list[str]], scraped: bool = False) -> list[list[str]]:
    """Remove junk lines, and the headline-like link list that follows a "Read more"/"Related" heading."""
    heading = rules().link_heading
    kept: list[list[str]] = []
    in_link_list = False
    for block in blocks:
        out: list[str] = []
        for line in block:
            if heading.fullmatch(line):
                in_link_list = True
                continue
            if in_link_list and _looks_like_link_title(line):
                continue
            in_link_list = False
            if not is_junk(line, scraped):
                out.append(without_furniture(line) if scraped else line)
        if out:
            kept.append(out)
    return kept


def _key(line: str) -> str:
    return re.sub(r"\W+", " ", line.casefold()).strip()


def drop_repeats(paragraphs: list[str]) -> list[str]:
    """Keep the first of repeated paragraphs (captions printed twice, paragraphs duplicated by a scraper)."""
    seen: set[str] = set()
    kept: list[str] = []
    for paragraph in paragraphs:
        key = _key(paragraph)
        if key and key in seen:
            continue
        seen.add(key)
        kept.append(paragraph)
    return kept


def wrap_width(lines: list[str]) -> int | None:
    """The column a block was hard-wrapped at, or None: its longest line is of terminal width and several lines
    reach near it (a block of free-length paragraphs has no such column)."""
    if not lines:
        return None
    width = max(len(line) for line in lines)
    near = sum(len(line) >= WRAPPED_SHARE * width for line in lines)
    return width if WRAP_COLUMNS[0] <= width <= WRAP_COLUMNS[1] and near >= MIN_WRAPPED_LINES else None


def join_block(lines: list[str]) -> list[str]:
    """Turn a block's lines into paragraphs, re-joining hard-wrapped lines: a line that ends no sentence continues
    on the next when that starts in lower case, or, in a block wrapped at a column, when the line reaches near
    that column (a wrap before a capitalised name; a short line without a full stop stays a line of its own)."""
    width = wrap_width(lines)
    paragraphs: list[str] = []
    previous = ""
    for line in lines:
        wrapped = width is not None and len(previous) >= WRAPPED_SHARE * width
        if paragraphs and not _SENTENCE_END.search(paragraphs[-1]) and (line[:1].islower() or wrapped):
            paragraphs[-1] += " " + line
        else:
            paragraphs.append(line)
        previous = line
    return paragraphs


def clean_text(text: str, scraped: bool = False) -> str:
    """Article text with junk lines removed, repeats collapsed, paragraphs separated by a blank line; `scraped`
    for text that came as plain text (page furniture removed too, unless that leaves less than
    `MIN_ARTICLE_CHARS`: a scrape that caught only a gallery's captions or a widget is kept as the general rules
    leave it, not turned into an empty document)."""
    text = unicodedata.normalize("NFC", text.replace("\r\n", "\n").replace("\r", "\n"))
    blocks = _blocks(text)
    if scraped:
        trimmed = _joined(drop_junk(blocks, scraped=True))
        if len(trimmed) >= MIN_ARTICLE_CHARS:
            return trimmed
    return _joined(drop_junk(blocks))


def _joined(blocks: list[list[str]]) -> str:
    paragraphs = strip_slide_furniture([p for block in blocks for p in join_block(block)])
    return "\n\n".join(drop_repeats(paragraphs))


def split_title(text: str) -> tuple[str | None, str]:
    """A plain-text file's first line is its title when it stands alone and reads like a headline."""
    stripped = text.lstrip("\ufeff \t\r\n")
    first, sep, rest = stripped.partition("\n")
    first = normalise_line(first)
    if not sep or not rest.strip():
        return None, text
    next_is_blank = rest.replace("\r", "").startswith("\n") or not rest.split("\n", 1)[0].strip()
    headline = 0 < len(first) <= 200 and not first.endswith((".", ",", ";")) and len(first.split()) >= 2
    if headline and next_is_blank:
        return first, rest
    return None, text
