"""Clean: a `RawDocument` becomes a `DocumentInfo` with the article's own text and normalised metadata."""

from __future__ import annotations

import hashlib

from newsintel.clean.dates import DateProblem, date_warning, parse_published, stamped_published
from newsintel.clean.html import extract_page
from newsintel.clean.language import identify
from newsintel.clean.text import clean_text, split_title
from newsintel.ingest.decode import InputError
from newsintel.model import DocumentInfo, RawDocument

MIN_TEXT_CHARS = 20


def document_id(text: str) -> str:
    """Content address: the same cleaned text always gets the same id, wherever it came from."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]


def normalise_date(value: object, language: str | None = None) -> str | None:
    """ISO 8601 (date, or date and time when one is given); None for a value that is not a plausible date."""
    try:
        return parse_published(value, language)
    except DateProblem:
        return None


def clean(raw: RawDocument) -> DocumentInfo:
    """Clean one raw document; raises `InputError` when nothing article-like is left."""
    title, author, site, url, published = raw.title, raw.author, raw.source, raw.url, raw.published
    if raw.html is not None:
        page = extract_page(raw.html, raw.url)
        text = page.text
        title = title or page.title
        author = author or page.author
        site = site or page.site
        url = url or page.url
        published = published or page.published
    else:
        body = raw.text or ""
        if raw.format == "txt" and not title:
            title, body = split_title(body)
        text = clean_text(body, scraped=True)
    if len(text) < MIN_TEXT_CHARS:
        raise InputError("no article text found" if not text else f"article text too short ({len(text)} chars)")
    warnings = list(raw.warnings)
    language = identify(text)
    try:
        date = parse_published(published, language)
    except DateProblem as problem:
        date = None
        warnings.append(date_warning(published, problem))
    if (stamped := stamped_published(date, title, url)) != date:  # a page re-stamped weeks after it was written
        warnings.append(f"published date {date} is days after the page's own stamp; dated {stamped}")
        date = stamped
    return DocumentInfo(
        id=document_id(text), title=title, source=site, url=url, published=date, text=text, author=author,
        origin=raw.origin, format=raw.format, raw_hash=raw.raw_hash, language=language, warnings=warnings,
    )
