"""A person the name tagger missed, opening the sentence before a "he said": the pronoun may stand for them.

"He said" continues the previous statement's speaker only while nobody else becomes the subject. A sentence in
between that opens with a name no entity holds ("Rahul and his family fled the scene." after a spokesman's quotation)
introduces someone the tagger did not see; the pronoun is then left unresolved rather than given to the earlier
speaker. A capitalised opening word counts as such a name only when the text also writes it capitalised inside a
sentence (a name, not a sentence's first word like "Apparently") and never in lower case ("Police"), it is no word of
a person's or a place's name and no nationality ("French"), and no word of `not_name_openers` (data/attribution.yaml).
"""

from __future__ import annotations

import re
from bisect import bisect_right

from newsintel.extract.args import MentionIndex
from newsintel.extract.describe import country_of
from newsintel.extract.lexicon import lexicon

KNOWN_TYPES = frozenset({"PERSON", "GPE", "LOC", "FAC"})  # people `speakers.py` weighs already, and places
_OPENING = re.compile(r"[\s\"“‘'(]*([A-Z][a-z]+)\b(?![.'’-])")


def unnamed_subject(text: str, sentence_starts: list[int], mentions: MentionIndex, sentence: int,
                    since: int, speaker_words: set[str]) -> str | None:
    """The name no entity holds that opens one of the two sentences before `sentence` (indices into
    `sentence_starts`) after the one holding offset `since` (the previous statement), else None. `speaker_words`:
    the previous speaker's name, which may open a sentence as itself."""
    first = bisect_right(sentence_starts, since)  # the sentence after the statement's start
    known = {w for _, _, e in mentions.spans if e.type in KNOWN_TYPES for w in re.findall(r"\w+", e.name)} \
        | speaker_words  # a name typed an organisation or a nationality may be a person's all the same
    stop = {w.lower() for w in lexicon().attribution.get("not_name_openers", ())}
    for index in range(max(first, sentence - 2), sentence):
        low = sentence_starts[index]
        high = sentence_starts[index + 1] if index + 1 < len(sentence_starts) else len(text)
        found = _OPENING.match(text, low, high)
        if found is None or found.group(1) in known or found.group(1).lower() in stop or country_of(found.group(1)):
            continue  # "French", "Britons": a nationality, no one
        if _titles_person(mentions, found.end(1)):
            continue  # "Mr Roe left", "President Roe flew home": a title before a person the tagger found
        word = re.escape(found.group(1))
        if re.search(r"\b" + word.lower() + r"\b", text) is not None:
            continue  # "Police arrived": a common word, written in lower case elsewhere
        if re.search(r"(?<=[\w,;:] )" + word + r"\b", text) is not None:
            return found.group(1)  # capitalised inside a sentence too ("Brit Rahul Mehta, from Leeds, ..."): a name
    return None


def _titles_person(mentions: MentionIndex, end: int) -> bool:
    """Does a person's mention start right after offset `end` (one space on)?"""
    i = bisect_right(mentions.starts, end + 1) - 1
    return i >= 0 and end < mentions.spans[i][0] <= end + 1 and mentions.spans[i][2].type == "PERSON"
