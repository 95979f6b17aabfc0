"""HTML to article text and metadata, through trafilatura, then the same line rules as plain text."""

from __future__ import annotations

from dataclasses import dataclass

import trafilatura

from newsintel.clean.text import clean_text, normalise_line


@dataclass(slots=True)
class Page:
    text: str
    title: str | None = None
    author: str | None = None
    published: str | None = None
    site: str | None = None
    url: str | None = None


def _drop_leading_title(text: str, title: str | None) -> str:
    """trafilatura repeats the <h1> as the first line; the headline is metadata, not body text."""
    if not title:
        return text
    first, _, rest = text.partition("\n")
    return rest if normalise_line(first).casefold() == normalise_line(title).casefold() else text


def extract_page(html: str, url: str | None = None) -> Page:
    """The article body (paragraphs separated by blank lines) and its metadata; empty text if none found."""
    doc = trafilatura.bare_extraction(
        html, url=url, with_metadata=True, include_comments=False, include_tables=True,
        include_images=False, include_links=False,
    )
    if doc is None:
        return Page(text="")
    body = _drop_leading_title(doc.text or "", doc.title)
    return Page(
        text=clean_text(body), title=doc.title or None, author=doc.author or None,
        published=doc.date or None, site=doc.sitename or doc.hostname or None, url=doc.url or url,
    )


def extract_body(html: str, url: str | None = None) -> str:
    """Just the cleaned article body: what the article-extraction benchmark scores."""
    return extract_page(html, url).text
