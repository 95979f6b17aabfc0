"""Photo-gallery furniture inside running scraped text (`data/boilerplate.yaml`, `gallery`).

Some scrapes flatten a whole gallery into one paragraph: each slide's caption between a slide counter ("Hide
Caption 4 of 25") and the gallery's title repeated before it ("Photos: <title> "). Whole-line rules cannot remove
these, and left in place they glue into the captions' sentences ("truck attack in Nice A woman cries", "25
Photos" read as a target). The captions themselves are kept: they are often reporting.
"""

from __future__ import annotations

import functools
import re

from newsintel.resources import load_yaml

MIN_TITLE_CHARS = 8
TITLE_WINDOW = 200


@functools.cache
def _rules() -> tuple[re.Pattern[str], re.Pattern[str]]:
    data = load_yaml("boilerplate.yaml")["gallery"]
    marks = re.compile("|".join(f"(?:{p})" for p in data["slide_marks"]), re.IGNORECASE)
    return marks, re.compile(data["title_lead"])


def _common_prefix(texts: list[str]) -> str:
    first, last = min(texts), max(texts)  # the prefix all share is the one the extremes share
    n = next((i for i, (a, b) in enumerate(zip(first, last, strict=False)) if a != b), min(len(first), len(last)))
    return first[:n]


def gallery_title(paragraphs: list[str], lead: re.Pattern[str]) -> str:
    """The words every "Photos: " lead is followed by (at least two of them), up to the last space they share."""
    following = list(dict.fromkeys(p[m.end():m.end() + TITLE_WINDOW] for p in paragraphs for m in lead.finditer(p)))
    if len(following) < 2:  # distinct ones: a caption printed twice is no title
        return ""
    shared = _common_prefix(following)
    shared = shared[:shared.rfind(" ") + 1] if " " in shared else ""
    return shared if len(shared.strip()) >= MIN_TITLE_CHARS else ""


def strip_slide_furniture(paragraphs: list[str]) -> list[str]:
    """Paragraphs without slide counters and, where there are counters, without the repeated gallery title."""
    marks, lead = _rules()
    if not any(marks.search(p) for p in paragraphs):
        return paragraphs
    title = gallery_title(paragraphs, lead)
    out = []
    for paragraph in paragraphs:
        if title:
            paragraph = re.sub(lead.pattern + re.escape(title), "", paragraph)
        paragraph = re.sub(r"\s{2,}", " ", marks.sub(" ", paragraph)).strip()
        if paragraph:
            out.append(paragraph)
    return out
