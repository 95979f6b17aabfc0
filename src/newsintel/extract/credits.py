"""Names in photo credits, bylines and wire credit tails are set aside: no pronoun stands for them, no one speaks.

A credit names who took a picture or wrote and edited the story ("(Wire Photo/Jo Roe, File)", "Jo Roe/Wire",
"(Reporting by Jo Roe; Editing by Al Poe)", a line "By Jo Roe"), not anyone the story tells of. Left in the
document's mention index, the photographer of a caption printed between two paragraphs became the nearest person
before the next paragraph's "she", and a "he" in a quotation read as the man in the credit. The cleaning stage
drops whole furniture lines (clean/text.py); what reaches extraction are credits run into a caption or a sentence,
and furniture lines of texts the cleaner treats as HTML. Both are found here: credit parts by the patterns in
data/anaphors.yaml `credit_parts`, short lines by the cleaning stage's own furniture test (`clean.text.is_junk`
with the scraped-text rules). The entities stay in the record; only their mentions inside a credit leave the
index the pronoun and speaker lookups read (`args.MentionIndex`).
"""

from __future__ import annotations

import functools
import re

from newsintel.clean.text import is_junk
from newsintel.extract.args import MentionIndex
from newsintel.resources import load_yaml

MAX_LOWER_WORDS = 2  # a furniture line with more lower-case words is a caption, whose own names may be meant


@functools.cache
def _credit_parts() -> re.Pattern[str]:
    return re.compile("|".join(f"(?:{p})" for p in load_yaml("anaphors.yaml").get("credit_parts", [])))


def credit_spans(text: str) -> list[tuple[int, int]]:
    """Character ranges of the credits and bylines of a document text."""
    spans = [m.span() for m in _credit_parts().finditer(text) if m.end() > m.start()]
    at = 0
    for line in text.split("\n"):
        words = line.split()
        if words and sum(w[:1].islower() for w in words) <= MAX_LOWER_WORDS and is_junk(" ".join(words), scraped=True):
            spans.append((at, at + len(line)))
        at += len(line) + 1
    return sorted(spans)


def set_aside_credits(text: str, mentions: MentionIndex) -> None:
    """Remove from `mentions` every mention lying inside a credit or byline of `text`."""
    spans = credit_spans(text)
    if not spans:
        return
    keep = [i for i, (start, end, _) in enumerate(mentions.spans)
            if not any(s <= start and end <= e for s, e in spans)]
    if len(keep) == len(mentions.spans):
        return
    mentions.starts[:] = [mentions.starts[i] for i in keep]
    mentions.spans[:] = [mentions.spans[i] for i in keep]
    mentions.sentences[:] = [mentions.sentences[i] for i in keep]
