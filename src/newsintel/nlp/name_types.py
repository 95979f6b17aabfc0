"""One type per name (`name_echoes.py`, steps 1 and 2): a name's occurrences take the type most of them carry;
a company's name without its legal form is the company ("Harwick Sachs" beside "Harwick Sachs Group Inc.");
a product or work opening with an organisation's name ("Tesla Roadster") is the organisation and the rest; a
transcript's speaker label in capitals ("RENEE MONTAGNE, HOST:") is the person the document names.
"""

from __future__ import annotations

from collections import Counter, defaultdict

from spacy.tokens import Doc, Span, Token

from newsintel.nlp.name_index import NAME_LABELS, Name, at_line_start, core, cues, span_words, without_legal_form
from newsintel.nlp.type_fixes import kept_type


def _surnames(doc: Doc) -> frozenset[str]:
    return frozenset(e[-1].text for e in doc.ents if e.label_ == "PERSON" and len(e) > 1)


def unified_types(doc: Doc, ents: list[Span]) -> tuple[list[Span], bool]:
    """Each name's occurrences take the label most of them carry, when that is PERSON or ORG."""
    from newsintel.nlp.gazetteer import load_gazetteer

    votes: dict[tuple[str, ...], Counter[str]] = defaultdict(Counter)
    for ent in ents:
        votes[span_words(doc, core(ent))][ent.label_] += 1
    winners: dict[tuple[str, ...], str] = {}
    surnames = _surnames(doc)
    for words, count in votes.items():
        if len(count) < 2:
            continue
        (top, n), (_, m) = count.most_common(2)
        if top in NAME_LABELS and n > m:
            winners[words] = top
    for words, count in list(votes.items()):  # "Harwick Sachs Group Inc." names the company "Harwick Sachs" too
        short = without_legal_form(words) if count["ORG"] else None
        if short is not None and short in votes and set(votes[short]) - {"ORG"}:
            winners[short] = "ORG"
    if not winners:
        return ents, False
    out, changed = [], False
    retyped = cues().retyped
    for ent in ents:
        words = span_words(doc, core(ent))
        label = winners.get(words)
        if label is None or label == ent.label_:
            out.append(ent)
            continue
        text = " ".join(words)
        if ent.label_ in NAME_LABELS:  # PERSON <-> ORG: not a surname ("Bloomberg"), not a kept name's type
            keep = (len(words) == 1 and text in surnames) or kept_type(text) is not None
        else:
            keep = ent.label_ not in retyped or (
                ent.label_ in ("GPE", "LOC", "FAC") and bool(load_gazetteer().lookup(text)))
        if keep:
            out.append(ent)
        else:
            out.append(Span(doc, ent.start, ent.end, label=label, kb_id=ent.kb_id))
            changed = True
    return out, changed


def split_names(doc: Doc, ents: list[Span], names: dict[tuple[str, ...], Name]) -> tuple[list[Span], bool]:
    """A known name at the head of an entity of another type is that name: "Tesla Roadster" (PRODUCT) in a
    document naming the organisation Tesla is Tesla (ORG) and Roadster; "Musk, 46" (DATE) is Musk and 46."""
    c = cues()
    out, changed = [], False
    for ent in ents:
        parts = None
        if ent.label_ not in NAME_LABELS:
            start, end = core(ent)
            for cut in range(end - 1, start, -1):
                name = names.get(span_words(doc, (start, cut)))
                if name is None:
                    continue
                if doc[cut].text == "," and cut + 1 < end:  # a name, then an age or a date
                    parts = [Span(doc, start, cut, label=name.label), Span(doc, cut + 1, end, label=ent.label_)]
                elif name.label == "ORG" and ent.label_ in c.maker_named and end - cut <= c.max_product_rest \
                        and any(t.is_alpha or t.is_digit for t in doc[cut:end]):
                    parts = [Span(doc, start, cut, label="ORG"), Span(doc, cut, end, label=ent.label_)]
                break
        if parts is None:
            out.append(ent)
        else:
            out += parts
            changed = True
    return out, changed


def speaker_labels(doc: Doc, ents: list[Span], persons: frozenset[str]) -> tuple[list[Span], bool]:
    """Transcript speaker labels in capitals at a line start ("RENEE MONTAGNE, HOST:", "GERMANY THOMAS DE
    MAIZIERE:") naming a person the document names (one of the words is a word of a person's name): the label is
    that person's full name in capitals; leading place names are dropped, and so is an entity on the role.
    `persons`: lower-case words of the document's person names."""
    from newsintel.nlp.gazetteer import load_gazetteer

    found: list[Span] = []
    roles: set[int] = set()
    i = 0
    while i < len(doc):
        if not _caps_word(doc[i]) or not at_line_start(doc, i):  # the cheap test first
            i += 1
            continue
        end = i
        while end < len(doc) and end - i < 5 and _caps_word(doc[end]) and (end == i or not at_line_start(doc, end)):
            end += 1
        label = end < len(doc) and (doc[end].text == ":" or (doc[end].text == "," and end + 2 < len(doc)
                                    and _caps_word(doc[end + 1]) and doc[end + 2].text == ":"))
        start = i
        while start < end - 1 and doc[start].lower_ not in persons and load_gazetteer().lookup(doc[start].text):
            start += 1
        if label and end - start >= 2 and any(t.lower_ in persons for t in doc[start:end]):
            found.append(Span(doc, start, end, label="PERSON"))
            if doc[end].text == ",":
                roles.add(end + 1)  # "HOST", "BYLINE": the speaker's role, no organisation
        i = end + 1
    if not found:
        return ents, False
    inside = {t for f in found for t in range(f.start, f.end)} | roles
    return [*(e for e in ents if not any(t in inside for t in range(e.start, e.end))), *found], True


def _caps_word(token: Token) -> bool:
    return token.is_alpha and token.text.isupper() and len(token.text) > 1
