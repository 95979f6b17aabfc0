"""Who says so: the speaker behind an event or figure, and every reported statement as a claim.

A statement is attributed to the subject of the nearest reporting verb that governs it ("police said he fled"),
to the subject of a reporting verb beside it ("He fled, police said"), or to X in "according to X". Unnamed
speakers count ("sources said"). `None` means the reporter states it.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from typing import Any

from spacy.tokens import Token

from newsintel.extract.antecedents import PERSON_PRONOUNS
from newsintel.extract.args import MentionIndex, make_arg, pronoun_gender
from newsintel.extract.lexicon import lexicon
from newsintel.extract.modality import modality_of
from newsintel.extract.parse import ParsedSentence

MAX_STEPS = 8
QUOTES = "\"“”«»"


def _reporting(token: Token) -> bool:
    return token.lemma_.lower() in lexicon().attribution["verbs"] and token.pos_ in ("VERB", "AUX")


def _speaker(verb: Token) -> Token | None:
    for child in verb.children:
        if child.dep_ in ("nsubj", "csubj") and child.lower_ not in ("it", "there"):
            return child
        if child.dep_ == "agent":
            return next((g for g in child.children if g.dep_ == "pobj"), None)
    return _trailing_speaker(verb)


def _trailing_speaker(verb: Token) -> Token | None:
    """"..., the Danish Security and Intelligence Service (PET) said on Wednesday.": when the parser lost the
    subject of a closing reporting verb, the speaker is the head (last noun) of the phrase between the comma and
    the verb, parentheses left out."""
    if not _reporting(verb) or any(c.dep_ in ("ccomp", "dobj", "xcomp") for c in verb.children):
        return None
    words = []
    for t in reversed(verb.doc[max(0, verb.i - 12):verb.i]):
        if t.text == ",":
            break
        words.append(t)
    else:
        return None
    depth, heads = 0, []
    for t in reversed(words):
        depth += 1 if t.text == "(" else -1 if t.text == ")" else 0
        if depth == 0 and t.text != ")" and t.pos_ in ("NOUN", "PROPN"):
            heads.append(t)
        if t.pos_ in ("VERB", "AUX"):
            return None  # a clause, not a noun phrase
    return heads[-1] if heads else None


def according_to(ps: ParsedSentence) -> tuple[Token, Token] | None:
    """("according", speaker head) for "according to X" in the sentence."""
    for token in ps.doc:
        if token.lower_ == "according" and token.i + 1 < len(ps.doc) and ps.doc[token.i + 1].lower_ == "to":
            objects = [g for g in ps.doc[token.i + 1].children if g.dep_ == "pobj"]
            if objects:
                return token, objects[0]
        if token.lower_ in ("citing", "quoting"):
            obj = next((c for c in token.children if c.dep_ in ("dobj", "pobj")), None)
            if obj is not None:
                return token, obj
    return None


def _reports(verb: Token, via: Token) -> bool:
    """Does `verb` report what hangs off it through its child `via`? Not its own subject ("Amrani, who was
    arrested in Antwerp, denied..."), nor the infinitive of a promise or threat ("threatened to attack" is an
    intention, not a report)."""
    if via.dep_ in ("nsubj", "nsubjpass", "csubj"):
        return False
    return not (via.dep_ == "xcomp" and verb.lemma_.lower() in lexicon().attribution["commissive_verbs"])


def reporting_verb_for(token: Token) -> Token | None:
    """The reporting verb whose statement contains `token`, if any."""
    current, child = token, token
    for _ in range(MAX_STEPS):
        if current.i != token.i and _reporting(current) and _speaker(current) is not None \
                and _reports(current, child):
            return current
        if current.head.i == current.i:
            break
        current, child = current.head, current
    root = current
    for child in root.children:  # "He fled, police said": the reporting verb hangs off the root
        if (child.dep_ in ("parataxis", "ccomp", "advcl") or (child.dep_ == "conj" and _trailing_speaker(child)))\
                and _reporting(child) and _speaker(child) is not None and child.i > token.i:
            return child
    return None


def attribution_for(ps: ParsedSentence, token: Token, mentions: MentionIndex) -> dict[str, Any] | None:
    verb = reporting_verb_for(token)
    if verb is not None:
        speaker = _speaker(verb)
        if speaker is not None:
            return {"speaker": make_arg(ps, speaker, mentions, speaker=True), "cue": verb.text}
    found = according_to(ps)
    if found is not None:
        cue, speaker = found
        cue_text = "according to" if cue.lower_ == "according" else cue.text
        return {"speaker": make_arg(ps, speaker, mentions, speaker=True), "cue": cue_text}
    return None


def _medium(ps: ParsedSentence, verb: Token, mentions: MentionIndex) -> str | None:
    att = lexicon().attribution
    for child in verb.children:
        if child.dep_ in ("dobj", "dative") and verb.lemma_.lower() == "tell" and child.ent_type_ in ("ORG", "GPE"):
            return make_arg(ps, child, mentions)["text"]
        if child.dep_ == "prep" and child.lower_ in att["media_preps"]:
            for obj in child.children:
                if obj.dep_ == "pobj" and (obj.lemma_.lower() in att["media_nouns"] or obj.ent_type_ == "ORG"):
                    return make_arg(ps, obj, mentions)["text"]
    return None


def _content(ps: ParsedSentence, verb: Token) -> tuple[str, Token | None]:
    """The reported statement: the complement clause, or the quotation, or the rest of the sentence."""
    for child in verb.children:
        if child.dep_ in ("ccomp", "xcomp") and child.i != verb.i:
            span = ps.doc[child.left_edge.i: child.right_edge.i + 1]
            return span.text.strip(" ,." + QUOTES), child
    head = verb.head if verb.dep_ in ("parataxis", "ccomp", "advcl") else None
    if head is not None and head.i != verb.i and verb.left_edge.i > 0:  # '"...," police said'
        left = ps.doc[: verb.left_edge.i]
        return left.text.strip(" ,." + QUOTES), head
    for child in verb.children:  # "claimed responsibility for the attack", "denied all charges", "warned of X"
        if (child.dep_ == "dobj" and verb.lemma_.lower() != "tell" and child.ent_type_ not in ("PERSON", "ORG")) or (
                child.dep_ == "prep" and child.lower_ == "of" and verb.lemma_.lower() == "warn"):
            end = max([child.right_edge.i] + [c.right_edge.i for c in verb.children  # "called it a reprisal"
                                              if c.dep_ in ("oprd", "attr", "xcomp", "ccomp") and c.i > child.i])
            span = ps.doc[child.left_edge.i: end + 1]
            return span.text.strip(" ,." + QUOTES), child
    return "", None


def extract_claims(ps: ParsedSentence, mentions: MentionIndex) -> list[dict[str, Any]]:
    claims = []
    for token in ps.doc:
        if not _reporting(token):
            continue
        speaker = _speaker(token)
        content, head = _content(ps, token)
        if speaker is None or (head is not None and head.head.i == token.i and not _reports(token, head)):
            # no speaker: a claim without content may still own an adjacent quotation (see attribute_quotations);
            # "threatened to attack" is an event, not a claim
            continue
        start, end = ps.char_span(token.i, token.i + 1)
        claims.append({
            "speaker": make_arg(ps, speaker, mentions, speaker=True), "cue": token.text, "content": content,
            "medium": _medium(ps, token, mentions), "modality": modality_of(head) if head is not None else "asserted",
            "sentence": ps.index, "start": start, "end": end,
        })
    found = according_to(ps)
    if found is not None:
        cue, speaker = found
        phrase_end = speaker.right_edge.i + 1
        rest = (ps.doc[:cue.i].text + " " + ps.doc[phrase_end:].text).strip(" ,.")
        start, end = ps.char_span(cue.i, cue.i + 2)
        root = next((t for t in ps.doc if t.dep_ == "ROOT"), None)
        claims.append({"speaker": make_arg(ps, speaker, mentions, speaker=True), "cue": "according to", "content": rest,
                       "medium": None, "modality": modality_of(root) if root is not None else "asserted",
                       "sentence": ps.index, "start": start, "end": end})
    return claims


_QUOTE_SPAN = re.compile(r"[“\"]([^”\"]{3,2000})[”\"]")


FIRST_PERSON = {"i", "we", "me", "us", "our", "my", "ourselves", "myself"}


def _same_person(a: dict[str, Any], b: dict[str, Any]) -> bool:
    """Same entity, or names sharing a word ("Claire Dumont" / "Dumont" when NER split them)."""
    if a.get("entity") and a.get("entity") == b.get("entity"):
        return True
    return bool({w for w in a["text"].split() if w[:1].isupper()} & {w for w in b["text"].split() if w[:1].isupper()})


def _speaker_pronouns(event: dict[str, Any], speaker: dict[str, Any], mentions: MentionIndex) -> None:
    """In a quotation, "I"/"we" are the speaker ("We will strike you", the man says), and "he"/"she" someone else
    ("She wanted to come home," her lawyer said): re-resolve a third-person pronoun that was linked to the speaker."""
    for role in ("actors", "targets"):
        args = []
        for arg in event[role]:
            word = (arg.get("mention") or arg["text"]).lower()
            if word in FIRST_PERSON:
                arg = {**speaker, "mention": arg.get("mention") or arg["text"]}
            elif word in PERSON_PRONOUNS and arg.get("entity") and _same_person(arg, speaker):
                not_speaker, gender = frozenset({arg["entity"]}), pronoun_gender(word)
                other = mentions.recent_person(event["start"], event["sentence"], not_speaker, gender=gender) or \
                    mentions.salient_before(event["start"], {"PERSON"}, 2000, not_speaker, gender)
                if other is not None:
                    arg = {"text": other.name, "entity": other.id, "mention": arg.get("mention")}
            args.append(arg)
        event[role] = args


class _Positions:
    """List indices by an offset each, for the indices whose offset lies in a range."""

    def __init__(self, offsets: list[int]) -> None:
        order = sorted(range(len(offsets)), key=offsets.__getitem__)
        self.offsets = [offsets[i] for i in order]
        self.indices = order

    def within(self, low: int, high: int) -> list[int]:
        """Indices with low <= offset <= high."""
        return self.indices[bisect_left(self.offsets, low):bisect_right(self.offsets, high)]


def attribute_quotations(text: str, events: list[dict[str, Any]], claims: list[dict[str, Any]],
                         mentions: MentionIndex | None = None, quantities: list[dict[str, Any]] | None = None) -> None:
    """A quotation belongs to the speaker named right after it or right before it ('"We crossed at night."
    Haliti told the court' / 'Haliti said: "..."'): a reporting verb with no content of its own takes the quotation
    as its content, and events inside the quotation get that speaker. Claims left without content are dropped.
    A speaker left as "he" is then read from the claims before it, and so are the speakers of quoted figures."""
    spans = [(m.start(), m.end(), m.group(1)) for m in _QUOTE_SPAN.finditer(text)]
    quoted_claims: set[int] = set()  # claims reported inside someone's quotation ("men who said they were ...")
    by_start = _Positions([c["start"] for c in claims])  # looked up by offset: a long document has many quotations
    by_end = _Positions([c["end"] for c in claims])
    event_starts = _Positions([e["start"] for e in events])
    for a, b, quoted in spans:
        quoted_claims |= {id(claims[i]) for i in by_start.within(a + 1, b) if claims[i]["end"] <= b}
        after = by_start.within(b, b + 120)  # the first claim (in list order) named after it, else just before
        before = by_end.within(a - 120, a)
        owner = claims[min(after)] if after else claims[max(before)] if before else None
        if owner is None:
            continue
        if not owner["content"] or owner["content"] in quoted:  # the whole quotation, over several sentences
            owner["content"] = quoted.strip()
        for event in (events[i] for i in sorted(event_starts.within(a + 1, b - 1))):
            if event["attribution"] is None:
                event["attribution"] = {"speaker": owner["speaker"], "cue": owner["cue"]}
            if mentions is not None:
                _speaker_pronouns(event, (event["attribution"] or owner)["speaker"], mentions)
    claims[:] = [c for c in claims if c["content"]]
    _pronoun_speakers([*events, *(quantities or [])], claims, quoted_claims)


def _pronoun_speakers(facts: list[dict[str, Any]], claims: list[dict[str, Any]], quoted: set[int],
                      reach: int = 2) -> None:
    """'A Syrian man said ... "We will try again," he said': a speaker left as a bare pronoun is the speaker of the
    previous claim (at most `reach` sentences back), reported speech continuing across sentences; a claim inside
    a quotation is the quoted speaker's report, never the antecedent. Facts (events, figures) with that pronoun
    as speaker take the same person."""
    last: dict[str, Any] | None = None
    for claim in sorted(claims, key=lambda c: c["start"]):
        speaker = claim["speaker"]
        if speaker["entity"] is None and speaker["text"].lower() in PERSON_PRONOUNS | {"they"}:
            if last is not None and claim["sentence"] - last["sentence"] <= reach:
                claim["speaker"] = {**last["speaker"], "mention": speaker["text"]}
        elif id(claim) not in quoted:
            last = claim
    for event in facts:
        att = event["attribution"]
        if att and att["speaker"]["entity"] is None and att["speaker"]["text"].lower() in PERSON_PRONOUNS | {"they"}:
            match = next((c for c in claims if c["cue"] == att["cue"] and c["sentence"] == event["sentence"]
                          and c["speaker"].get("mention") == att["speaker"]["text"]), None)
            if match is not None:
                event["attribution"] = {"speaker": match["speaker"], "cue": att["cue"]}
