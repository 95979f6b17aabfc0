"""Claims (issue 12): a reported clause the parse left without its subject ("she said could serve as a model",
"the crash, which she said injured her back") is no whole statement: its content would show what is said of no one
named, so an analyst cannot tell what the speaker spoke about. Precision first: such a claim is not shown."""

from __future__ import annotations

from spacy.tokens import Token

SUBJECTS = ("nsubj", "nsubjpass", "expl", "csubj", "csubjpass")
FINITE = ("VBD", "VBZ", "VBP", "MD")
LEAD_IN = ("aux", "auxpass", "neg", "advmod", "punct")  # what may stand between the cue and the bare verb


def subjectless(cue: Token, head: Token | None, content: str) -> bool:
    """True when the content is a finite clause after the cue that starts at its own verb: no subject is said, none
    was parsed as the cue's object ("said two of the pumps are broken" keeps its subject) and none was supplied
    ("the man, who police said fled": "The man fled", see claim_content._relative_content)."""
    if head is None or head.dep_ != "ccomp" or head.head.i != cue.i or head.i <= cue.i:
        return False
    if any(c.dep_ in SUBJECTS for c in head.children):
        return False
    if head.tag_ not in FINITE and not any(c.dep_ == "aux" and c.tag_ in FINITE for c in head.children):
        return False  # "urged to leave", "said leaving": no finite clause that would need a subject
    between = cue.doc[cue.i + 1: head.i]
    if not content.startswith(cue.doc[cue.i + 1].text):
        return False  # the content was given its subject
    return all(t.head.i == head.i and t.dep_ in LEAD_IN for t in between)
