"""One sense per discourse: a name the document already names is that name wherever else it occurs.

The small NER model tags a name in one sentence and misses it in the next ("SpaceX", "Twitter", "Pavel Durov"),
types it PRODUCT or GPE in one place and ORG or PERSON elsewhere, and never reads a transcript's capitals
("SORAYA SARHADDI NELSON", the speaker label "NELSON:"), a social handle ("@elonmusk") or a lone given name
("Sarah" after "Sarah Silverman"). This component, run after NER and the rule components that correct it, reads
the document's own PERSON and ORG names as evidence and:

1. retypes a name's other occurrences to the type the majority of its occurrences carry (a place the gazetteer
   knows stays a place; a one-word name that is the surname of a person named in full keeps its types);
2. splits a product or work that opens with an organisation's name ("Tesla Roadster") into the organisation and
   the rest;
3. adds the further occurrences of each name: the same words, or the same words in capitals; a handle whose
   letters are the person's name parts ending in the surname ("@SarahKSilverman", "@durov") or the organisation's
   name ("@SpaceX"); a given name alone when only one person named in the document has it. Never over an entity,
   never inside a longer capitalised name ("Sarah Jones" is not "Sarah"), never a word that is also an ordinary
   word where capitals say nothing (a sentence start, a line in capitals).

A handle's span carries the name it stands for as `kb_id`, so in-document grouping puts it with that name.
One pass over the tokens with dictionary look-ups: linear in the document's length. The document's names and
cues: `name_index.py`; steps 1 and 2: `name_types.py`; step 3 here.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc, Span, Token
from spacy.util import filter_spans

from newsintel.nlp.name_index import (
    Index,
    Name,
    at_line_start,
    build_index,
    capitalised,
    cues,
)
from newsintel.nlp.name_types import speaker_labels, split_names, unified_types

# -- 3: further occurrences ---------------------------------------------------------------------------------------

def _match(doc: Doc, i: int, name: Name) -> int | None:
    """End of `name` written at token i as it is or in capitals, else None."""
    end = i + len(name.words)
    if end > len(doc):
        return None
    tokens = doc[i:end]
    if all(t.text == w for t, w in zip(tokens, name.words, strict=True)):
        return end
    if all(t.text.isupper() and t.lower_ == w.lower() for t, w in zip(tokens, name.words, strict=True)):
        return end
    return None


def _plain_word(index: Index, token: Token) -> bool:
    """A word whose capitals say nothing here and that is also an ordinary word."""
    uninformative = token.text.isupper() or at_line_start(token.doc, token.i)
    return uninformative and (token.lower_ in cues().ambiguous or token.lower_ in index.lower_words)


def _echo_at(doc: Doc, i: int, index: Index, taken: set[int]) -> tuple[int, Name] | None:
    for name in index.by_first.get(doc[i].lower_, ()):
        end = _match(doc, i, name)
        if end is None or any(t in taken for t in range(i, end)):
            continue
        if len(name.words) == 1 and _plain_word(index, doc[i]):
            continue
        if name.short and len(name.words) == 1 and (doc[i].text.isupper() or at_line_start(doc, i)):
            continue  # "Pool tables ..." after "Pool Corp.": a one-word short form only where capitals tell
        if name.label == "PERSON" and len(name.words) == 1 and doc[i].text.isupper() and (
                end == len(doc) or doc[end].text != ":"):
            continue  # one word in capitals is a person only as a transcript's speaker label ("NELSON:")
        return end, name
    return None


def _inside_longer(doc: Doc, start: int, end: int, label: str, caps: bool) -> bool:
    """The words are part of a longer capitalised name: a capitalised word before them inside the sentence, or,
    for a person, after them ("Sarah Jones"). In a line of capitals neighbours say nothing and do not count."""
    if _hyphened(doc, start - 1) or _hyphened(doc, end):
        return True  # "Blu" of "Blu-Ray"
    before = doc[start - 1] if start > 0 and not at_line_start(doc, start) else None
    after = doc[end] if end < len(doc) and not doc[end].is_sent_start else None
    if before is not None and capitalised(before) and not (caps and before.text.isupper()):
        return True
    return label == "PERSON" and after is not None and capitalised(after) and not (caps and after.text.isupper())


def _owned_handles(ents: list[Span], index: Index) -> tuple[list[Span], bool]:
    """A handle the NER model tagged ("@elonmusk" as ORG) takes the type and name of the one it stands for."""
    out, changed = [], False
    for ent in ents:
        owner = index.handle_owner(ent[0]) if len(ent) == 1 else None
        if owner is None or (owner.label == ent.label_ and ent.kb_id_ == owner.text):
            out.append(ent)
        else:
            out.append(Span(ent.doc, ent.start, ent.end, label=owner.label, kb_id=owner.text))
            changed = True
    return out, changed


def _hyphened(doc: Doc, i: int) -> bool:
    """Token i is a hyphen joined to the word next to it (no space between)."""
    if i < 0 or i >= len(doc) or doc[i].text not in ("-", "‐", "–"):
        return False
    return not doc[i].whitespace_ or (i > 0 and not doc[i - 1].whitespace_)


def _echoes(doc: Doc, index: Index, taken: set[int]) -> list[Span]:
    found: list[Span] = []
    pending: list[tuple[int, int, Name]] = []  # adjacent person matches join: "SORAYA" + "SARHADDI NELSON"
    i = 0
    while i < len(doc):
        if i in taken:
            i += 1
            continue
        owner = index.handle_owner(doc[i])
        if owner is not None:
            found.append(Span(doc, i, i + 1, label=owner.label, kb_id=owner.text))
            i += 1
            continue
        hit = _echo_at(doc, i, index, taken)
        if hit is None:
            i += 1
            continue
        end, name = hit
        if pending and pending[-1][1] == i and name.label == "PERSON" == pending[-1][2].label:
            pending[-1] = (pending[-1][0], end, max(pending[-1][2], name, key=lambda n: len(n.words)))
        else:
            pending.append((i, end, name))
        i = end
    for start, end, name in pending:
        caps = all(t.text.isupper() for t in doc[start:end])
        if name.label == "PERSON" and len(name.words) == 1 and not name.given and _given_before(doc, index, start,
                                                                                               taken):
            start -= 1  # "Pavel Durov" where the document names "Durov"
        if not _inside_longer(doc, start, end, name.label, caps):
            found.append(Span(doc, start, end, label=name.label))
    return found


def _given_before(doc: Doc, index: Index, start: int, taken: set[int]) -> bool:
    """"Pavel" of "Pavel Durov", where the document names "Durov" alone: a capitalised word before a one-word
    person name, in no entity, no ordinary word, itself not part of a longer capitalised name."""
    if start == 0 or start - 1 in taken or at_line_start(doc, start):
        return False
    before = doc[start - 1]
    if not (before.is_alpha and before.is_title and len(before) > 1) or _plain_word(index, before) \
            or before.lower_ in cues().ambiguous or before.lower_ in index.lower_words:
        return False
    return at_line_start(doc, start - 1) or not capitalised(doc[start - 2])


@Language.component("newsintel_name_echoes")
def name_echoes(doc: Doc) -> Doc:
    """One sense per discourse for the document's PERSON and ORG names (see the module docstring)."""
    ents, unified = unified_types(doc, list(doc.ents))
    persons = frozenset(t.lower_ for e in ents if e.label_ == "PERSON" for t in e if t.is_alpha and len(t) > 1)
    ents, labelled = speaker_labels(doc, ents, persons)
    index = build_index(doc, ents)
    names = {n.words: n for group in index.by_first.values() for n in group if not n.given}
    ents, split = split_names(doc, ents, names)
    ents, handles = _owned_handles(ents, index)
    taken = {t for e in ents for t in range(e.start, e.end)}
    found = _echoes(doc, index, taken)
    if found or unified or labelled or split or handles:
        doc.ents = filter_spans([*ents, *found])
    return doc
