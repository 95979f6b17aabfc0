"""HTML to article text and metadata, through trafilatura.

One parse, two trafilatura passes: a precision-oriented one and a fast recall-oriented one. A recall line is kept
when the precision pass has it too, when it is a long paragraph, or when it is a sentence between two kept lines;
this recovers paragraphs the precise pass drops without taking the page furniture the recall pass lets in.
Then the headline, bylines and date lines at the top and short furniture lines anywhere are removed (patterns in
`data/boilerplate.yaml`), and the same line rules as plain text apply. On the Zyte article-extraction benchmark
this scores above plain trafilatura; `make eval` measures both side by side.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from typing import Any

import trafilatura
from trafilatura.metadata import extract_metadata
from trafilatura.xpaths import BODY_XPATH

from newsintel.clean.text import clean_text
from newsintel.ingest.decode import InputError
from newsintel.resources import load_yaml

_WORD = re.compile(r"\w+")
_END = re.compile(r"[.!?…:;\"”’»)\]]\s*$")
_MONTHS = (r"(jan(uary)?|feb(ruary)?|mar(ch)?|apr(il)?|may|june?|july?|aug(ust)?|sep(t(ember)?)?|oct(ober)?"
           r"|nov(ember)?|dec(ember)?)")
_DATE = re.compile(
    r"(?i)(\b\d{1,2}[/.-]\d{1,2}[/.-]\d{2,4}\b|\b\d{4}-\d{2}-\d{2}\b|\b\d{1,2}:\d{2}\b"
    rf"|\b{_MONTHS}\.?\s+\d{{1,2}}\b|\b\d{{1,2}}\s+{_MONTHS}\b)"
)
LONG_PARAGRAPH_WORDS = 30  # a recall-only line this long is article text
SHORT_SENTENCE_WORDS = 8  # a shorter recall-only sentence is kept only between two kept lines
DATELINE_MAX_WORDS = 16
MAX_ELEMENTS = 20_000
"""Article pages have a few thousand elements (under 2,000 on the article-extraction benchmark); extraction costs
more than linearly in trafilatura (20,000 tiny paragraphs about 6 s, 40,000 about 25 s), so a page with far more
elements than any article is refused rather than parsed for minutes."""


@dataclass(slots=True)
class Page:
    text: str
    title: str | None = None
    author: str | None = None
    published: str | None = None
    site: str | None = None
    url: str | None = None


@dataclass(frozen=True, slots=True)
class _HtmlRules:
    line_starts: re.Pattern[str]
    bylines: re.Pattern[str]
    short_line_words: int
    head_lines: int


@functools.cache
def _rules() -> _HtmlRules:
    data = load_yaml("boilerplate.yaml")
    return _HtmlRules(
        line_starts=re.compile("|".join(f"(?:{p})" for p in data["line_starts"]), re.IGNORECASE),
        bylines=re.compile("|".join(f"(?:{p})" for p in data["byline_starts"])),
        short_line_words=data["short_line_words"],
        head_lines=data["head_lines"],
    )


def _tokens(text: str) -> list[str]:
    return [t.lower() for t in _WORD.findall(text)]


def _contains_run(seq: list[str], sub: list[str]) -> bool:
    n = len(sub)
    return 0 < n <= len(seq) and any(seq[i : i + n] == sub for i in range(len(seq) - n + 1))


def _merge_body_chunks(tree: Any) -> None:
    """An article split into several same-class containers (ads between them) becomes one container,
    so trafilatura does not stop at the first chunk."""
    hits = [h for h in BODY_XPATH[0](tree) if h is not None]
    if len(hits) < 2 or not hits[0].get("class"):
        return
    first = hits[0]
    ancestors = set(first.iterancestors())
    for hit in hits[1:]:
        if hit.tag != first.tag or hit.get("class") != first.get("class") or hit in ancestors:
            continue
        if any(a is first for a in hit.iterancestors()):
            continue
        for child in list(hit):
            first.append(child)
        hit.getparent().remove(hit)


def _titles(tree: Any) -> list[list[str]]:
    found = [t if isinstance(t, str) else t.text_content() for t in tree.xpath("//title//text()|//h1")]
    found += tree.xpath('//meta[@property="og:title" or @name="og:title" or @name="twitter:title"'
                        ' or @property="twitter:title"]/@content')
    return [tokens for tokens in map(_tokens, found) if tokens]


def _is_title(line: list[str], titles: list[list[str]]) -> bool:
    """The headline, alone or as "Headline - Site name"."""
    for title in titles:
        if line == title:
            return True
        if len(line) >= 3 and len(line) >= 0.5 * len(title) and _contains_run(title, line):
            return True
        if len(title) >= 3 and len(title) >= 0.8 * len(line) and _contains_run(line, title):
            return True
    return False


def _is_dateline(line: str, n_words: int) -> bool:
    """A short date, time or byline line ("By Ana Kovac", "Updated 12:40, 3 March")."""
    if n_words > DATELINE_MAX_WORDS:
        return False
    if _END.search(line) and not _DATE.search(line[-12:]):
        return False
    return bool(_DATE.search(line) or _rules().bylines.match(line))


class _TokenIndex:
    """Where each word occurs in a token sequence, so "is this run in it?" costs the occurrences of the line's
    rarest word rather than a scan of the whole text (a page of 100,000 tiny paragraphs stays linear)."""

    def __init__(self, tokens: list[str]) -> None:
        self.tokens = tokens
        self.at: dict[str, list[int]] = {}
        for i, token in enumerate(tokens):
            self.at.setdefault(token, []).append(i)

    def contains(self, run: list[str]) -> bool:
        if not run:
            return True
        k = min(range(len(run)), key=lambda j: len(self.at.get(run[j], ())))
        n = len(run)
        return any(self.tokens[i - k : i - k + n] == run for i in self.at.get(run[k], ()) if i >= k)


def _combine(recall_text: str, precise_text: str) -> list[str]:
    lines = [ln.strip() for ln in recall_text.split("\n") if _WORD.search(ln)]
    if not precise_text:
        return lines
    precise = _TokenIndex(_tokens(precise_text))
    keep = [len(t) >= LONG_PARAGRAPH_WORDS or precise.contains(t) for t in map(_tokens, lines)]
    for k in range(1, len(lines) - 1):
        if not keep[k] and keep[k - 1] and keep[k + 1] and len(_tokens(lines[k])) >= SHORT_SENTENCE_WORDS \
                and _END.search(lines[k]):
            keep[k] = True
    return [line for line, kept in zip(lines, keep, strict=True) if kept]


def _drop_furniture(lines: list[str], titles: list[list[str]]) -> list[str]:
    rules = _rules()
    out = []
    for k, line in enumerate(lines):
        tokens = _tokens(line)
        if k < rules.head_lines and (_is_title(tokens, titles) or _is_dateline(line, len(tokens))):
            continue
        if len(tokens) <= rules.short_line_words and rules.line_starts.match(line):
            continue
        out.append(line)
    return out


def _body_lines(tree: Any, url: str | None) -> list[str]:
    common = {"url": url, "include_comments": False, "include_tables": True}
    precise = trafilatura.extract(tree, favor_precision=True, **common) or ""
    recall = trafilatura.extract(tree, favor_recall=True, fast=True, **common) or ""
    if recall:
        return _combine(recall, precise)
    return [ln.strip() for ln in precise.split("\n") if _WORD.search(ln)]


def extract_page(html: str, url: str | None = None) -> Page:
    """The article body (paragraphs separated by blank lines) and its metadata; empty text if none found."""
    tree = trafilatura.load_html(html)
    if tree is None:
        return Page(text="")
    if any(n > MAX_ELEMENTS for n, _ in enumerate(tree.iter())):
        raise InputError(f"page too complex: over {MAX_ELEMENTS:,} HTML elements (no article page has so many)")
    meta = extract_metadata(tree, default_url=url)
    titles = _titles(tree)
    _merge_body_chunks(tree)
    body = "\n\n".join(_drop_furniture(_body_lines(tree, url), titles))
    return Page(
        text=clean_text(body), title=meta.title or None, author=meta.author or None,
        published=meta.date or None, site=meta.sitename or meta.hostname or None, url=meta.url or url,
    )


def extract_body(html: str, url: str | None = None) -> str:
    """Just the cleaned article body: what the article-extraction benchmark scores."""
    return extract_page(html, url).text
