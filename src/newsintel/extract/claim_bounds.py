"""Where a claim's content ends: one speaker's words, never two statements joined into one (issue 12).

The parse often hangs a second reporting verb inside the first one's clause ("said the roads were shut and added:
'...'", "told reporters it was reviewing the loans and said, '...'") or lets a participle glossing the statement run
on ("claiming that X, hinting at Y"). Left in, the content mixes two statements or the writer's gloss; cut, it is a
shorter but right one. A continuation verb ("added") with no subject of its own is spoken by the first verb's speaker.
Word lists: data/claim_bounds.yaml.
"""

from __future__ import annotations

import re

from spacy.tokens import Token

from newsintel.extract.attribution import is_reporting, speaker_of
from newsintel.extract.parse import ParsedSentence
from newsintel.resources import load_yaml

SUBJECTS = ("nsubj", "nsubjpass", "csubj", "expl")
OPENING = ("``",)
CLOSING = ("''",)
STRIP = " ,.;:\"“”«»‘’'"
SENTENCE_END = re.compile(r"\s*[.!?]")  # right after the cue: its sentence ended there
NEW_QUOTED_SENTENCE = re.compile(r"[.!?]\s*[\"“]\s*(?=[A-Z])")  # 'said."What', 'said. "What'


def _bounds() -> dict:
    return load_yaml("claim_bounds.yaml")


def _own_subject(verb: Token) -> bool:
    return any(c.dep_ in SUBJECTS for c in verb.children)


def _joined_by(verb: Token) -> Token | None:
    """The conjunction or comma right before a verb (an adverb between allowed: "and then said")."""
    k = verb.i - 1
    while k > 0 and verb.doc[k].dep_ == "advmod" and verb.doc[k].head.i == verb.i:
        k -= 1
    before = verb.doc[k] if k >= 0 else None
    return before if before is not None and (before.dep_ == "cc" or before.text == ",") else None


def _in_quotation(ps: ParsedSentence, low: int, i: int) -> bool:
    """Is token `i` inside a quotation opened after `low` and not yet closed?"""
    depth = 0
    for t in ps.doc[low:i]:
        depth += 1 if t.tag_ in OPENING else -1 if t.tag_ in CLOSING and depth > 0 else 0
    return depth > 0


def _second_statement(ps: ParsedSentence, cue: Token, t: Token, low: int) -> Token | None:
    """The conjunction or comma that opens a second statement or a gloss at `t`, if it does."""
    b = _bounds()
    lemma = t.lemma_.lower()
    if t.i == cue.i or t.pos_ not in ("VERB", "AUX") or _own_subject(t) or _in_quotation(ps, low, t.i):
        return None
    joint = _joined_by(t)
    if joint is None or joint.i <= low:
        return None
    if t.tag_ == "VBG" and joint.text == "," and t.dep_ in ("advcl", "conj", "xcomp") and \
            lemma in b["gloss_participles"]:
        return joint  # "claiming that X, hinting at Y"
    if joint.dep_ == "cc" and joint.lower_ in b["second_statement_joints"] and lemma in b["second_cue_verbs"] and \
            is_reporting(t) and t.dep_ in ("conj", "ccomp") and _top(t.head, cue, low):
        return joint  # "said X and added: ...", "told N X and said, ..." (not "nothing he has done or said")
    return None


def _top(verb: Token, cue: Token, low: int) -> bool:
    """Is `verb` the cue or the content's own verb (hung on the cue, or the first word of the content's clause on),
    not one deep inside it ("nothing he has done or said")?"""
    return verb.i == cue.i or (verb.head.i == cue.i and verb.dep_ in ("ccomp", "xcomp", "advcl", "conj")) or (
        verb.left_edge.i <= low and verb.pos_ in ("VERB", "AUX"))


def own_words(ps: ParsedSentence, cue: Token, content: str) -> str:
    """The content up to a second statement or gloss that the parse ran into it; no conjunction left hanging; none
    of another sentence the parse joined to the cue's ('..., officials said."We ...," said X': a lost space)."""
    if not content:
        return content
    start = ps.doc.text.find(content)
    if start < 0:
        return content
    if start >= cue.idx + len(cue.text) and SENTENCE_END.match(ps.doc.text, cue.idx + len(cue.text), start):
        return _before_cue(ps, cue)  # 'officials said."We ...': the next sentence is not what they said
    if start < cue.idx:
        opened = [m.end() for m in NEW_QUOTED_SENTENCE.finditer(ps.doc.text, start, start + len(content))]
        if opened:  # '..., officials said."We found ...," said X': X's words start after the sentence's end
            start, content = opened[-1], ps.doc.text[opened[-1]:start + len(content)]
    end = start + len(content)
    span = [t for t in ps.doc if start <= t.idx < end]
    if not span:
        return content
    low = span[0].i
    for t in span[1:]:
        joint = _second_statement(ps, cue, t, low)
        if joint is not None:
            content = ps.doc.text[start:joint.idx].rstrip(" ,;:")
            break
    kept = [t for t in span if t.idx < start + len(content)]
    trailing = _trailing_attribution(ps, cue, kept, low) or _writers_framing(ps, kept, low)
    if trailing is not None:
        content = ps.doc.text[start:trailing.idx].rstrip(STRIP)
    return _without_dangling(_closed_quotation(ps.doc.text, start, content))


def _writers_framing(ps: ParsedSentence, span: list[Token], low: int) -> Token | None:
    """'announced it had lost $4 million, in what appeared to be its worst year': the comma before the writer's
    framing of the whole statement (`framing_openers`), outside quotation marks, else None."""
    openers = [o.split() for o in _bounds()["framing_openers"]]
    for t in span[2:]:
        if t.text != "," or _in_quotation(ps, low, t.i):
            continue
        following = [w.lower_ for w in ps.doc[t.i + 1:t.i + 4]]
        if any(following[:len(o)] == o for o in openers):
            return t
    return None


def _trailing_attribution(ps: ParsedSentence, cue: Token, span: list[Token], low: int) -> Token | None:
    """'said the talks were "going nowhere", the agency reported': the parse hung the writer's source of the
    whole sentence inside the content; the comma before that second speaker, when its reporting verb ends the
    content (only adverbs or time words after it), else None."""
    if len(span) < 4:
        return None
    last = max(t.i for t in span if not t.is_punct)
    for t in span[2:]:
        if t.i == cue.i or not is_reporting(t) or _in_quotation(ps, low, t.i):
            continue
        subject = next((c for c in t.children if c.dep_ in ("nsubj", "nsubjpass") and c.i < t.i), None)
        if subject is None or subject.left_edge.i <= low + 1:
            continue
        comma = ps.doc[subject.left_edge.i - 1]
        after = [a for a in ps.doc[t.i + 1:last + 1] if not a.is_punct]
        if comma.text == "," and all(a.head.i == t.i or a.head in after for a in after) and \
                all(a.dep_ in _bounds()["after_trailing_cue"] or a.head.i != t.i for a in after):
            return comma
    return None


def _closed_quotation(text: str, start: int, content: str) -> str:
    """'said "the hall was full" when pressed about the tickets': a content opening a quotation right after
    the cue ends where the quotation closes, when the writer's scene follows (`after_quotation_narration`)."""
    if start < 1 or text[start - 1] not in "\"“":
        return content
    for m in re.finditer(r"[\"”]\s+(\w+)", content):
        if m.group(1).lower() in _bounds()["after_quotation_narration"]:
            return content[:m.start()].rstrip(STRIP)
    return content


def _before_cue(ps: ParsedSentence, cue: Token) -> str:
    """What a closing cue reports when the parse took the next sentence for its clause: its clause before it, up to
    its speaker ("The river is rising, the engineers said."); none when there is no such clause."""
    speaker = speaker_of(cue)
    clause = next((c for c in cue.children if c.dep_ == "ccomp" and c.i < cue.i), None)
    if clause is None or speaker is None or speaker.i > cue.i or clause.i > speaker.i:
        return ""
    return ps.doc[clause.left_edge.i: speaker.left_edge.i].text.strip(STRIP)


def _without_dangling(content: str) -> str:
    """"the players were tired after the trip and": the cut's conjunction goes."""
    words = content.split(" ")
    if len(words) < 2 or words[-1].lower() not in _bounds()["dangling_words"]:
        return content
    while len(words) > 1 and words[-1].lower() in _bounds()["dangling_words"]:
        words.pop()
    return " ".join(words).rstrip(STRIP)


def continued_speaker(verb: Token) -> Token | None:
    """The speaker of a continuation verb with no subject of its own ("said X and added that ...", parsed as
    coordinated with X's verb or as a second clause of "said"): the first reporting verb's."""
    if verb.lemma_.lower() not in _bounds()["continuation_verbs"] or _own_subject(verb) or _joined_by(verb) is None:
        return None
    head = verb.head
    if verb.dep_ == "ccomp" and is_reporting(head) and head.i < verb.i:
        first = head
    elif verb.dep_ == "conj" and head.dep_ == "ccomp" and is_reporting(head.head) and head.head.i < verb.i:
        first = head.head
    else:
        return None
    return speaker_of(first)
