"""Quotations and speakers across a document, once every sentence has its claims.

A quotation belongs to the speaker named right after it or right before it in the same paragraph ('"We crossed at
night." Haliti told the court' / 'Haliti said: "..."'); one continued over paragraphs to the speaker introduced
before it. A reporting verb with no content of its own takes the quotation as its content, and events inside the
quotation get that speaker. Claims left without content are dropped. Then every speaker is settled
(`speakers.py`): pronouns resolved or marked unresolved, furniture dropped, places that are people relinked.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from typing import Any

from newsintel.extract.antecedents import PERSON_PRONOUNS
from newsintel.extract.args import MentionIndex, pronoun_gender
from newsintel.extract.lexicon import inflections, lexicon
from newsintel.extract.quotations import Quotation, quotations
from newsintel.extract.speakers import FIRST_PERSON, SECOND_PERSON, SUBJECT_PRONOUNS, Speakers, bare_pronoun, unresolved
from newsintel.resources import load_yaml

OWNER_REACH = 120  # characters between a quotation and the reporting verb that introduces or closes it
ISSUED_REACH = 2  # sentences back to the claim whose medium a later "the statement said" names
SUBJECT_FORM = {"him": "he", "her": "she", "them": "they"}  # "quoting him", "according to her"
MIN_CONTENT_WORDS = 4  # a quotation shorter than this is a title or a scare quote, not a statement
GUESSES = ("hedged", "future", "conditional")  # modalities of a verb that says nothing yet ("we could call it")
CLOSING_REACH = 40  # characters from a quotation's closing mark to the cue of who closes it ('," the mayor said')
CUT_REACH = 40  # characters from a reporting verb to the quotation that finishes its unfinished content
_INNER_QUOTE = re.compile(r"(?:^|[\s,:])['‘]\w")  # a quotation inside a quotation: the inner speaker's own words


def _same_person(a: dict[str, Any], b: dict[str, Any]) -> bool:
    """Same entity, or names sharing a word ("Claire Dumont" / "Dumont" when NER split them)."""
    if a.get("entity") and a.get("entity") == b.get("entity"):
        return True
    return bool({w for w in a["text"].split() if w[:1].isupper()} & {w for w in b["text"].split() if w[:1].isupper()})


def _speaker_pronouns(event: dict[str, Any], speaker: dict[str, Any], mentions: MentionIndex) -> None:
    """In a quotation, "I"/"we" are the speaker ("We will strike you", the man says), and "he"/"she" someone else
    ("She wanted to come home," her lawyer said): re-resolve a third-person pronoun that was linked to the speaker."""
    if speaker.get("unresolved"):
        return
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


def _owner(text: str, quote: Quotation, claims: list[dict[str, Any]], inside: set[int],
           by_start: _Positions, by_end: _Positions, starts: list[int]) -> dict[str, Any] | None:
    """The claim whose speaker says the quotation: named after it in the same paragraph, else before it; before
    it first for a quotation continued over paragraphs (the speaker introduced it). A quotation inside the writer's
    sentence ('an inquiry into "gross neglect"') is said by no one in another sentence, who says something else."""
    after = [i for i in by_start.within(quote.end, quote.end + OWNER_REACH)
             if i not in inside and "\n" not in text[quote.end:claims[i]["start"]]]
    before = [i for i in by_end.within(quote.start - OWNER_REACH, quote.start) if i not in inside and (
        "\n" not in text[claims[i]["end"]:quote.start] or text[claims[i]["end"]:quote.start].strip() == ":")]
    if not quote.continued and _embedded(text, quote):
        after = [i for i in after if not _sentence_between(text, quote.end, claims[i]["start"], starts)]
        before = [i for i in before if not _sentence_between(text, claims[i]["end"], quote.start, starts)]
    introduced = [i for i in before if text[claims[i]["end"]:quote.start].strip() == ":"]
    if introduced:  # 'X said: "A." Y wrote: "B."': the colon hands A to X, whoever speaks after it
        return claims[max(introduced)]
    closing = [i for i in after if len(text[quote.end:claims[i]["start"]]) <= CLOSING_REACH
               and not _sentence_between(text, quote.end, claims[i]["start"], starts)]
    if quote.continued and closing:  # '"A.¶"B," she said': closed by its speaker, not by a claim before it
        return claims[min(closing)]
    first, second = (max(before, default=None), min(after, default=None))
    if not quote.continued:
        first, second = second, first
    index = first if first is not None else second
    return claims[index] if index is not None else None


def _embedded(text: str, quote: Quotation) -> bool:
    """Does the quotation go on a sentence of the writer's ('police opened an inquiry into "gross neglect"')? Words
    of the same paragraph right before its opening mark, not a colon that introduces it nor another sentence's end."""
    before = text[:quote.start].rstrip(" \t")
    return bool(before) and before[-1] not in ".!?:\n\"“”'‘’"


def _sentence_between(text: str, low: int, high: int, starts: list[int]) -> bool:
    """Does a sentence end between two offsets: a full stop, question or exclamation mark in the text between
    and, when the parse's sentence starts are known, one of them there too (so "U.S." alone is no end)?"""
    if not any(c in text[low:high] for c in ".!?"):
        return False
    return not starts or bisect_right(starts, high) > bisect_right(starts, low)


def attribute_quotations(text: str, events: list[dict[str, Any]], claims: list[dict[str, Any]],
                         mentions: MentionIndex | None = None, quantities: list[dict[str, Any]] | None = None,
                         sentence_starts: list[int] | None = None) -> None:
    """Attribute every quotation, then settle every speaker of claims, events and figures (see the module)."""
    quotes = quotations(text)
    by_start = _Positions([c["start"] for c in claims])  # looked up by offset: a long document has many quotations
    by_end = _Positions([c["end"] for c in claims])
    event_starts = _Positions([e["start"] for e in events])
    inside_of: dict[int, Quotation] = {}  # claim index -> the quotation it is reported in ("men who said ...")
    for quote in quotes:
        for i in by_start.within(quote.start + 1, quote.end):
            if claims[i]["end"] <= quote.end:
                inside_of.setdefault(i, quote)
    owners: dict[Quotation, dict[str, Any]] = {}
    for quote in quotes:
        owner = _owner(text, quote, claims, set(inside_of), by_start, by_end, sentence_starts or [])
        if owner is None:
            continue
        owners[quote] = owner
        owner["_said_until"] = max(owner.get("_said_until", 0), quote.end)
        statement = len(quote.text.split()) >= MIN_CONTENT_WORDS or _said_right_after(text, quote, owner)
        if statement and (not owner["content"] or (len(owner["content"].split()) > 1
                                                   and owner["content"] in quote.text)):
            owner["content"] = quote.text.strip()  # the whole quotation, over several sentences
            if owner["modality"] != "negated" and _opens_with_condition(owner["content"]):
                owner["modality"] = "conditional"  # '"If he comes back, he will be tried," she said
        for event in (events[i] for i in sorted(event_starts.within(quote.start + 1, quote.end - 1))):
            if event["attribution"] is None:  # `_claim`: takes that claim's speaker once it is settled
                event["attribution"] = {"speaker": owner["speaker"], "cue": owner["cue"], "_claim": owner}
    for quote in quotes:  # 'It will, X predicted, "be ..."', 'recalled that he said, "I will ..."'
        for i in by_end.within(quote.start - CUT_REACH, quote.start):
            claim = claims[i]
            if i not in inside_of and (_unfinished(claim["content"]) or _runs_into(text, claim, quote)) \
                    and len(quote.text.split()) >= MIN_CONTENT_WORDS \
                    and not any(c in text[claim["end"]:quote.start] for c in ".!?\n") \
                    and " ".join(quote.text.split()[:3]) not in _unquoted(claim["content"]):  # not in it already
                claim["content"] = f'{claim["content"].rstrip(", ")} {quote.text.strip()}'
    nested = {id(claims[i]): owners.get(q) for i, q in inside_of.items()}
    kept = [c for c in claims if c["content"]]
    if mentions is None:
        claims[:] = kept
        return
    settle_speakers(Speakers(text, mentions, quotes, sentence_starts or []), kept, nested,
                    [*events, *(quantities or [])])
    claims[:] = [c for c in kept if c["speaker"] is not None]
    for quote, owner in owners.items():  # "I"/"we" in the quotation are its speaker, once the speaker is settled
        if owner["speaker"] is None:
            continue
        for event in (events[i] for i in sorted(event_starts.within(quote.start + 1, quote.end - 1))):
            _speaker_pronouns(event, (event["attribution"] or {"speaker": owner["speaker"]})["speaker"], mentions)


def settle_speakers(ctx: Speakers, claims: list[dict[str, Any]], nested: dict[int, dict[str, Any] | None],
                    facts: list[dict[str, Any]]) -> None:
    """Claims in document order: furniture out (speaker None), pronouns resolved or marked unresolved; then the
    speakers of events and figures, the same way (the claim of the same reporting verb first)."""
    earlier: list[dict[str, Any]] = []  # claims outside quotations whose speaker is settled, in order
    ordered = sorted(claims, key=lambda c: c["start"])
    for claim in ordered:
        claim["speaker"] = None if ctx.amendment_note(claim["speaker"]) else ctx.tidy(claim["speaker"])
        if claim["speaker"] is not None and id(claim) not in nested:
            claim["speaker"] = ctx.definite(claim["speaker"], claim["start"])
    for claim in (c for c in ordered if id(c) not in nested and c["speaker"] is not None):
        speaker = claim["speaker"]
        word = SUBJECT_FORM.get(bare_pronoun(speaker) or "", bare_pronoun(speaker))
        if word in SUBJECT_PRONOUNS:
            at = speaker.get("_at") or (claim["start"], claim["end"])
            claim["speaker"] = _keep_description(ctx.resolve(word, at[0], claim["sentence"], earlier), speaker)
        elif word in FIRST_PERSON:
            claim["speaker"] = unresolved(speaker["text"], "the writer or the publication")
        elif word is not None:
            claim["speaker"] = None  # "you say": a person addressed or anyone, no reported statement
        elif speaker.get("entity") is None and (noun := ctx.person_noun(speaker)):
            claim["speaker"] = ctx.continuing(noun, speaker, claim["sentence"], earlier)
        elif (issuer := _issuer(ctx, speaker, claim, earlier)) is not None:
            claim["speaker"] = issuer  # "X said in a statement ... The statement said": X's statement
        elif ctx.described_person(speaker):  # "the 46-year-old Brazilian": a person, not the nationality
            found = ctx.continuing("someone", speaker, claim["sentence"], earlier, described=True)
            claim["speaker"] = found if found.get("entity") != speaker.get("entity") else {**speaker, "entity": None}
        if word is None and claim["speaker"] is not None and claim["speaker"].get("entity") is None:
            claim["speaker"] = ctx.named_next(claim["speaker"])  # "... said the spokeswoman, Jo Roe" next
        if claim["speaker"] is not None and not claim["speaker"].get("unresolved"):
            earlier.append(claim)
    for claim in (c for c in ordered if id(c) in nested and c["speaker"] is not None):
        word, owner = bare_pronoun(claim["speaker"]), nested[id(claim)]  # reported inside someone's quotation
        if word in FIRST_PERSON and owner is not None and owner["speaker"] is not None and _unquoted(
                claim["content"]) in _unquoted(owner["content"]) and (owner["speaker"].get("unresolved") or _aside(
                    ctx.text, claim) or (claim["modality"] in GUESSES and claim.get("_framed"))):
            claim["speaker"] = None  # '"The trouble is, we warn them, they never listen," X said': X's own claim;
            # '"... weeks remain before we could call it safe," X said': a guess framed by X's words, which X's
            # claim keeps whole (alone, "we could call it safe" says the opposite)
        elif word in FIRST_PERSON:
            mention = claim["speaker"]["text"]
            claim["speaker"] = {**owner["speaker"], "mention": mention} if owner and owner["speaker"] \
                and not owner["speaker"].get("unresolved") else unresolved(mention, "in a quotation by someone unknown")
        elif word in SECOND_PERSON:
            claim["speaker"] = None  # "you cannot say ...": no one's statement
        elif word is not None:
            claim["speaker"] = unresolved(claim["speaker"]["text"], "someone the quoted speaker talks about")
        elif owner is not None and owner["speaker"] is not None and _unquoted(claim["content"]) in _unquoted(
                owner["content"]) and not _INNER_QUOTE.search(claim["content"]):
            claim["speaker"] = None  # '"The UK has condemned the launch," X said': X's words, in X's claim
            # (but '"The rules state, 'No one may enter'," X said': the rules' words, quoted by X)
    ordered = [c for c in ordered if c["speaker"] is not None]
    starts = [c["start"] for c in ordered]
    for fact in facts:
        att = fact["attribution"]
        if att and "_claim" in att:
            speaker = att.pop("_claim")["speaker"]
            fact["attribution"] = {**att, "speaker": speaker} if speaker is not None else None
            continue
        if not att:
            continue
        speaker = ctx.tidy(att["speaker"])
        if speaker is None:
            fact["attribution"] = None
            continue
        word = SUBJECT_FORM.get(bare_pronoun(speaker) or "", bare_pronoun(speaker))
        if word is None:
            att["speaker"] = speaker
            continue
        same = next((c for c in ordered if c["cue"] == att["cue"] and c["sentence"] == fact["sentence"]
                     and c["speaker"].get("mention", c["speaker"]["text"]) == speaker["text"]), None)
        if same is not None:
            att["speaker"] = same["speaker"]
        elif word in SUBJECT_PRONOUNS:
            at = speaker.get("_at") or (fact["start"], fact["end"])
            before = [c for c in ordered[:bisect_left(starts, at[0])] if id(c) not in nested
                      and not c["speaker"].get("unresolved")]
            att["speaker"] = _keep_description(ctx.resolve(word, at[0], fact["sentence"], before), speaker)
        else:
            att["speaker"] = unresolved(speaker["text"], "not resolved")
    for arg in [c["speaker"] for c in ordered] + [f["attribution"]["speaker"] for f in facts if f["attribution"]]:
        ctx.unlink_place_person(arg)  # "Kim said": Kim, never the town Kim


def _issuer(ctx: Speakers, speaker: dict[str, Any], claim: dict[str, Any],
            earlier: list[dict[str, Any]]) -> dict[str, Any] | None:
    """"X said in a statement ... 'The cause is unknown,' the statement said": "the statement" (a medium noun after
    "the") is the one an earlier claim at most `ISSUED_REACH` sentences back was made in, the latest claim made in
    any medium: linked to that claim's speaker, or shown as theirs ("US military statement") when no entity is."""
    noun = speaker["text"].lower()
    if speaker.get("entity") is not None or speaker.get("_at") is None or noun not in lexicon().attribution[
            "media_nouns"] or not ctx._after_the(speaker):
        return None
    made = next((c for c in reversed(earlier) if c.get("medium")), None)
    if made is None or made["speaker"].get("unresolved") or made["speaker"].get("mention"):
        return None
    said_until = ctx.sentence_of(made["_said_until"] - 1) if made.get("_said_until") else made["sentence"]
    opened = ctx.text.rfind(claim["content"][:40], 0, claim["start"]) if claim["content"] else -1
    first = ctx.sentence_of(opened) if opened >= 0 else claim["sentence"]  # '"A. B," the statement said': A's
    if first - max(made["sentence"], said_until) > ISSUED_REACH or noun not in str(
            made["medium"]).lower().split():  # "in a statement to Reuters, X said, '...' [over sentences]"
        return None
    if made["speaker"].get("entity") is not None:
        return {"text": speaker["text"], "entity": made["speaker"]["entity"], "_at": speaker["_at"]}
    return {**speaker, "text": f"{made['speaker']['text']} {speaker['text']}"}


def _keep_description(speaker: dict[str, Any], pronoun: dict[str, Any]) -> dict[str, Any]:
    """The pronoun as written stays visible ("him" in "quoting him"); an unresolved one keeps what `actors.py`
    needs to try it against the described actors."""
    if speaker.get("unresolved"):
        return unresolved(pronoun["text"], speaker["unresolved"], pronoun)
    return {**speaker, "mention": pronoun["text"]}


def _said_right_after(text: str, quote: Quotation, claim: dict[str, Any]) -> bool:
    """Is a short quotation what a cue with nothing said of its own says, right after it ('declaring "enough is
    enough"')? Not a single word, nor the name a naming verb gives ('called "Kill Bill"'): shorter than
    `MIN_CONTENT_WORDS`, a quotation is otherwise a title or a scare quote."""
    naming = {form for verb in load_yaml("claim_content.yaml")["naming_verbs"] for form in inflections(verb)}
    return not claim["content"] and len(quote.text.split()) >= 2 and claim["end"] <= quote.start \
        and not text[claim["end"]:quote.start].strip(" :") and claim["cue"].lower() not in naming


def _aside(text: str, claim: dict[str, Any]) -> bool:
    """A first-person cue whose content is the words before it ("The trouble is, we warn them, ..."): an aside in
    the speaker's own quotation, no statement of its own."""
    before = text[max(0, claim["start"] - len(claim["content"]) - 8):claim["start"]]
    return bool(claim["content"]) and claim["content"] in before


def _unfinished(content: str) -> bool:
    """Content that stops where a quotation after the cue goes on ("It will", "that he said")."""
    words = content.rstrip(" ,:").split()
    return bool(words) and words[-1].lower() in lexicon().attribution.get("unfinished_endings", ())


def _runs_into(text: str, claim: dict[str, Any], quote: Quotation) -> bool:
    """Content that a quotation right after it goes on, in lower case ('declaring his wish "for peace with
    ..."'): the words quoted are part of what was said."""
    before = text[claim["end"]:quote.start].rstrip(" ,:")
    return bool(claim["content"]) and before.endswith(claim["content"]) and quote.text[:1].islower()


def _unquoted(content: str) -> str:
    return " ".join(content.translate({ord(c): " " for c in "\"“”‘’'"}).split())


def _opens_with_condition(quoted: str) -> bool:
    """A quotation that opens on an if/unless clause states a hypothetical (the reporting verb, outside it,
    carries no cue of its own)."""
    first = quoted.split(maxsplit=1)[0].lower().strip(",") if quoted.split() else ""
    return first in lexicon().modality["conditional"]["markers"] and first != "should"
