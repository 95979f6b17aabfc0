"""A "he"/"she" inside a quotation that only a guess across sentences named is shown as written when the guess had
rivals.

A quoted person's "he" stands for someone in their own story; the writer names people around a quotation for other
reasons (the interviewer it was told to, the person who answers it, others the story is about). Across sentences
the argument lookup takes the first person of the nearest sentence naming one (`args.MentionIndex.recent_person`;
`quoted.py` likewise when that was the speaker), which is sound in the writer's narration and a guess inside a
quotation. Precision first (evaluation/AUDIT.md: a
pronoun shown as written is better than a wrong name): when two or more people the pronoun may stand for (its gender
allows them; the quotation's speaker is not one) are named in the sentences the lookup reads, the pronoun stays as
written. One person named there, or an antecedent the sentence's own parse gave, is kept.
"""

from __future__ import annotations

from typing import Any

from newsintel.extract.anaphors import may_stand_for, show_as_written
from newsintel.extract.args import MentionIndex
from newsintel.extract.quotations import quotations

THIRD_PERSON = {"he", "him", "his", "she", "her", "hers"}
REACH = 2  # sentences back, as `MentionIndex.recent_person` reads them


def unsure_quoted_pronouns(events: list[dict[str, Any]], mentions: MentionIndex, text: str) -> None:
    """Show as written a quoted "he"/"she" linked across sentences when it had rivals (module docstring)."""
    spans = [(q.start, q.end) for q in quotations(text)]
    if not spans:
        return
    for event in events:
        speaker = ((event.get("attribution") or {}).get("speaker") or {}).get("entity")
        for role in ("actors", "targets"):
            for arg in event.get(role, ()):
                pronoun = str(arg.get("mention") or "").lower()
                if pronoun not in THIRD_PERSON or not arg.get("entity"):
                    continue
                if "_pron" in arg and not arg.get("_across"):
                    continue  # the sentence's own parse gave it
                at = arg.get("_pron") or (event["start"], event["end"])  # else re-resolved in its quotation
                if not any(s <= at[0] and at[1] <= e for s, e in spans):
                    continue
                if len(_people_before(mentions, at[0], event["sentence"], pronoun, speaker)) > 1:
                    show_as_written(arg)


def _people_before(mentions: MentionIndex, offset: int, sentence: int, pronoun: str,
                   speaker: str | None) -> set[str]:
    """The people, other than `speaker`, the pronoun may stand for, named before `offset` in its sentence and the
    `REACH` before it."""
    found: set[str] = set()
    for (start, end, entity), index in zip(mentions.spans, mentions.sentences, strict=True):
        if start >= offset:
            break
        if sentence - REACH <= index <= sentence and end <= offset and entity.type == "PERSON" \
                and entity.id != speaker and may_stand_for(entity, pronoun):
            found.add(entity.id)
    return found
