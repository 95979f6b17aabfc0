"""Rule components that complete NER: organisations from `data/org_aliases.yaml`, kept organisations and people of
`data/kept_names.yaml` where NER left them untagged, acronyms a document defines, and echoed surnames.

Matching is on exact spelling (so "Isis" the given name is not "ISIS" unless written so), and aliases of two
letters or fewer ("IS", "UN") are tagged only in a document that also names the organisation in a longer form:
alone they are too ambiguous to tag by rule.
"""

from __future__ import annotations

import re

from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span, Token
from spacy.util import filter_spans

from newsintel.resources import load_yaml

MIN_ALIAS_CHARS = 3
# The news agency in a wire dateline: "GAZIANTEP, Turkey, Jan 17 (Reuters) - ", "PRISTINA, March 3 (Wire) -".
_DATELINE_AGENCY = re.compile(
    r"[A-Z][A-Z'’. -]{2,}(?:,\s*[A-Z][\w'’. -]+){0,2},?\s*(?:[A-Z][a-z]{2,8}\.?\s+\d{1,2}\s*)?"
    r"\(([A-Z][\w&'’. -]{0,38})\)\s*[-—–]{1,2}\s")
DATELINE_WINDOW = 400  # the dateline opens the body, after the headline


# Match keys of kept names (`data/kept_names.yaml`) and of kind nouns (`data/org_names.yaml`), apart from the
# canonical names of `org_aliases.yaml`.
_KEPT = {"ORG": "\x00kept ORG", "PERSON": "\x00kept PERSON"}
_KIND = "\x00kind noun"
MAX_KIND_NAMED_WORDS = 4
# Types the NER model gives a company's name after its kind noun that no company has ("law firm Harlow Quist" as a
# work of art); a PERSON there may be the subject of a clause ("the company Dana Marsh founded") and stays.
_NOT_AFTER_KIND = frozenset({"WORK_OF_ART", "PRODUCT", "EVENT", "LAW", "FAC"})


def _kind_named(doc: Doc, end: int, taken: set[int]) -> Span | None:
    """"the law firm Harlow Quist": the capitalised words right after a kind noun ending at token `end`, when the
    NER model left them untagged: one to four title-case words, no function word, no title ("the company
    President ..."), not at a line start, not a possessive's owner ("the bank's"). After "a ... firm," too, when
    the name closes the apposition ("a Panamanian law firm, Harlow Quist, which ...")."""
    from newsintel.nlp.name_index import cues

    if end < len(doc) - 1 and doc[end].text == "," and any(
            t.lower_ in ("a", "an") for t in doc[max(0, end - 5):end]):
        named = _kind_named(doc, end + 1, taken)
        close = named.end if named is not None else len(doc)
        return named if close == len(doc) or doc[close].text in (",", ".", ";") else None
    stop = end
    while stop < len(doc) and stop - end < MAX_KIND_NAMED_WORDS and stop not in taken:
        token = doc[stop]
        if not (token.is_alpha and token.text[:1].isupper() and not token.text.isupper()) or token.is_stop \
                or token.lower_ in cues().titles or (stop > end and token.is_sent_start):
            break
        stop += 1
    if stop == end or (doc[end].is_sent_start and doc[end - 1].text != ",") or "\n" in doc[end - 1].whitespace_:
        return None
    if stop < len(doc) and (stop in taken or (doc[stop].is_alpha and doc[stop].text[:1].isupper())):
        return None  # runs into an entity or a longer capitalised stretch: not clearly a name of its own
    return Span(doc, end, stop, label="ORG")


def _named_before_kind(doc: Doc, start: int, taken: set[int]) -> Span | None:
    """"the Harlow Quist firm": one to three untagged title-case words between "the" and a kind noun starting at
    token `start`, no function word, not at a sentence start."""
    first = start
    while first > 0 and start - first < 3 and first - 1 not in taken and doc[first - 1].is_alpha \
            and doc[first - 1].is_title and not doc[first - 1].is_stop and not doc[first - 1].is_sent_start:
        first -= 1
    if first == start or first == 0 or doc[first - 1].lower_ != "the":
        return None
    return Span(doc, first, start, label="ORG")


def _kept_names() -> dict[str, list[str]]:
    """Kept organisations and people to tag where the NER model left them untagged: not the `not_ruled` names
    (also ordinary words, given names, places...) and not those shorter than `MIN_ALIAS_CHARS`."""
    data = load_yaml("kept_names.yaml")
    skipped = {" ".join(str(n).split()) for n in data.get("not_ruled", ())}
    out: dict[str, list[str]] = {}
    for type_ in _KEPT:
        names = {" ".join(str(n).split()) for section in data.get(type_, {}).values() for n in section}
        out[type_] = sorted(n for n in names - skipped if len(n) >= MIN_ALIAS_CHARS)
    return out


def _kept_fill(doc: Doc, start: int, end: int, taken: set[int], type_: str) -> bool:
    """A kept name's untagged occurrence is that name: not over an entity, not a hashtag or handle ("#Twitter"),
    not inside a longer capitalised name ("Twitter Moments Team"; a person's title before the name may be)."""
    if any(t in taken for t in range(start, end)):
        return False
    before = doc[start - 1] if start > 0 else None
    if before is not None and before.text in ("#", "@") and not before.whitespace_:
        return False
    if type_ != "PERSON" and before is not None and not doc[start].is_sent_start and before.is_alpha \
            and before.is_title and not before.is_stop and "\n" not in before.whitespace_:
        return False
    after = doc[end] if end < len(doc) else None
    return after is None or after.is_sent_start or not (after.is_alpha and after.is_title and not after.is_stop)


def _kind_named_echoes(doc: Doc, named: list[Span], ents: list[Span]) -> list[Span]:
    """The names found after a kind noun, and their other occurrences that are untagged or tagged as a work or
    product: one more pass over the tokens, only in documents with such a name."""
    words = {tuple(t.text for t in n): n for n in named}
    firsts = {w[0] for w in words}
    label_at = {t: e.label_ for e in ents for t in range(e.start, e.end)}
    starts = {e.start: e for e in ents}
    out = list(named)
    for token in doc:
        if token.text not in firsts:
            continue
        for w in words:
            end = token.i + len(w)
            if w[0] != token.text or end > len(doc) or tuple(t.text for t in doc[token.i:end]) != w:
                continue
            ent = starts.get(token.i)
            exact = ent is not None and ent.end == end and ent.label_ in _NOT_AFTER_KIND
            if exact or not any(t in label_at for t in range(token.i, end)):
                out.append(Span(doc, token.i, end, label="ORG"))
    return filter_spans(out)


class OrgRuler:
    def __init__(self, nlp: Language) -> None:
        self.matcher = PhraseMatcher(nlp.vocab, attr="ORTH")
        self.short: dict[str, list[str]] = {}  # canonical -> its aliases too short to tag alone ("IS", "UN")
        for canonical, aliases in load_yaml("org_aliases.yaml").items():
            names = {n for n in [canonical, *aliases] if len(n) >= MIN_ALIAS_CHARS}
            self.matcher.add(canonical, [nlp.make_doc(n) for n in sorted(names)])
            short = sorted({n for n in aliases if len(n) < MIN_ALIAS_CHARS and n.isupper()})
            if short:
                self.short[canonical] = short
        for type_, names in _kept_names().items():  # one matcher: still one pass over the tokens
            self.matcher.add(_KEPT[type_], [nlp.make_doc(n) for n in names])
        self.matcher.add(_KIND, [nlp.make_doc(n) for n in load_yaml("org_names.yaml")["kind_nouns"]])
        self.kept_keys = {nlp.vocab.strings[key]: type_ for type_, key in _KEPT.items()}
        self.kind_key = nlp.vocab.strings[_KIND]

    def __call__(self, doc: Doc) -> Doc:
        """Known organisation names win over what NER tagged inside or exactly on them ("Islamic" NORP in
        "Islamic State"), never over a longer entity that contains them. A short alias ("IS") is an organisation
        where the document also names it in a longer form ("Islamic State ... IS fighters"). A kept name of
        `data/kept_names.yaml` only fills what NER left untagged (`type_fixes` corrects the type of a tagged one)."""
        all_matches = self.matcher(doc)
        kept = [(self.kept_keys[key], s, e) for key, s, e in all_matches if key in self.kept_keys]
        kind_spans = [(s, e) for key, s, e in all_matches if key == self.kind_key]
        kinds = [e for _, e in kind_spans]
        after = {*kinds, *(e + 1 for s, e in kind_spans if e < len(doc) and doc[e].text == "," and any(
            t.lower_ in ("a", "an") for t in doc[max(0, s - 4):s]))}  # "a law firm, X, which"
        matches = [m for m in all_matches if m[0] not in self.kept_keys and m[0] != self.kind_key]
        found = [Span(doc, s, e, label="ORG") for _, s, e in matches]
        named = {doc.vocab.strings[key] for key, _, _ in matches}
        short = {alias for canonical in named for alias in self.short.get(canonical, ())}
        if short:  # not over a place: "EU" the NER model tagged as a place stays one
            taken = {t for e in doc.ents if e.label_ in ("GPE", "LOC", "FAC") or len(e) > 1
                     for t in range(e.start, e.end)}
            found += [Span(doc, t.i, t.i + 1, label="ORG") for t in doc if t.text in short and t.i not in taken]
        found = filter_spans(found)
        if found:
            doc.ents = filter_spans([*found, *doc.ents])
        if kept:  # over untagged words, or over shorter entities inside a kept name ("Theresa" GPE of "Theresa May")
            taken = {t for e in doc.ents for t in range(e.start, e.end)}
            inside = {t for _, s, e in kept if e - s > 1 for ent in doc.ents if s <= ent.start and ent.end <= e
                      and len(ent) < e - s for t in range(ent.start, ent.end)}
            filled = filter_spans([Span(doc, s, e, label=type_) for type_, s, e in kept
                                   if _kept_fill(doc, s, e, taken - inside, type_)])
            if filled:
                covered = {t for f in filled for t in range(f.start, f.end)}
                doc.ents = [*(e for e in doc.ents if not any(t in covered for t in range(e.start, e.end))),
                            *filled]
        if kinds:  # "the law firm Harlow Quist", untagged or tagged as a work or product
            ents = [e for e in doc.ents if not (e.label_ in _NOT_AFTER_KIND and e.start in after)]
            taken = {t for e in ents for t in range(e.start, e.end)}
            named = filter_spans([s for end in kinds if (s := _kind_named(doc, end, taken)) is not None]
                                 + [s for start, _ in kind_spans if (s := _named_before_kind(doc, start, taken))])
            if named:  # and the same words elsewhere in the document ("... ordered Harlow Quist to ...")
                named = _kind_named_echoes(doc, named, ents)
                covered = {t for n in named for t in range(n.start, n.end)}
                doc.ents = [*(e for e in doc.ents if not any(t in covered for t in range(e.start, e.end))), *named]
        return doc


@Language.factory("newsintel_orgs")
def make_org_ruler(nlp: Language, name: str) -> OrgRuler:
    return OrgRuler(nlp)


@Language.component("newsintel_dateline_agency")
def dateline_agency(doc: Doc) -> Doc:
    """The agency named in a wire dateline is an organisation, and so is every later bare mention of it ("told
    Reuters", "Reporting by Wire staff"): the NER model rarely tags either."""
    text = doc.text  # built from the tokens at each call: once only
    head = text[:DATELINE_WINDOW]
    for line_start in [0, *(i + 1 for i, c in enumerate(head) if c == "\n")]:
        match = _DATELINE_AGENCY.match(text, line_start)
        if match:
            break
    else:
        return doc
    name = match[1]
    spans = []
    for found in re.finditer(r"\b" + re.escape(name) + r"\b", text):
        span = doc.char_span(found.start(), found.end(), label="ORG")
        if span is not None:
            spans.append(span)
    if spans:
        covered = {t for s in spans for t in range(s.start, s.end)}
        taken = [e for e in doc.ents if not any(t in covered for t in range(e.start, e.end))]
        doc.ents = filter_spans([*spans, *taken])
    return doc


# "the State Investigation and Protection Agency (SIPA)": an organisation, then its acronym in brackets.
_DEFINED_ACRONYM = re.compile(r"\s?\(([A-Z][A-Z0-9]{1,5})\)")


@Language.component("newsintel_defined_acronyms")
def defined_acronyms(doc: Doc) -> Doc:
    """An acronym the document defines after an organisation's name ("... Agency (SIPA)") is an organisation
    there and everywhere later in the document ("SIPA said"); the NER model rarely tags a bare acronym."""
    acronyms = set()
    text = doc.text  # built from the tokens at each call: once only
    for ent in doc.ents:
        if ent.label_ == "ORG":
            match = _DEFINED_ACRONYM.match(text, ent.end_char)
            if match and match[1] != ent.text:
                acronyms.add(match[1])
    if not acronyms:
        return doc
    kept = [e for e in doc.ents if not (e.label_ != "ORG" and e[-1].text in acronyms and len(e) <= 2)]  # "The BIA"
    taken = {t for e in kept for t in range(e.start, e.end)}
    found = [Span(doc, t.i, t.i + 1, label="ORG") for t in doc if t.text in acronyms and t.i not in taken]
    if found or len(kept) < len(doc.ents):
        doc.ents = filter_spans([*kept, *found])
    return doc


_ARTICLES = frozenset({"al", "el", "ad", "ash", "as", "ar", "an", "at", "az", "ul", "wal", "-", "'"})
MAX_GROUP_WORDS = 6


@Language.component("newsintel_group_names")
def group_names(doc: Doc) -> Doc:
    """An armed group's name opening with a word such as "Liwa", "Jaish" or "Katibat" (`data/org_names.yaml`)
    and going on in capitalised words and Arabic articles ("Liwa al-Muhajirin al-Balqan") is one organisation,
    however the NER model cut it ("Liwa" as a place and the rest as nothing)."""
    from newsintel.nlp.grouping import org_first_words

    first = org_first_words()
    found = []
    for token in doc:
        if token.lower_ not in first or not token.text[:1].isupper():
            continue
        end, words, article = token.i + 1, 1, False
        for nxt in doc[token.i + 1:token.i + 3 * MAX_GROUP_WORDS]:
            if nxt.text[:1].isupper() and nxt.is_alpha and words < MAX_GROUP_WORDS:
                end, words = nxt.i + 1, words + 1
            elif nxt.lower_ not in _ARTICLES or (nxt.whitespace_ and nxt.text == "-"):
                break
            else:
                article = article or nxt.lower_ not in ("-", "'")
        if words > 1 and article:  # "Jaish al-Islam", not "Tahrir Square"
            found.append(Span(doc, token.i, end, label="ORG"))
    if found:  # an entity gives way to a group name over it at least as long
        longest: dict[int, int] = {}  # token -> length of the longest group name over it
        for f in found:
            for t in range(f.start, f.end):
                longest[t] = max(longest.get(t, 0), len(f))
        doc.ents = filter_spans([*found, *(e for e in doc.ents if not any(
            longest.get(t, 0) >= len(e) for t in range(e.start, e.end)))])
    return doc


_CREDIT_WORDS = frozenset({"photo", "photos", "images", "image", "video", "file", "pool", "handout"})


def _agency_acronym(token: Token) -> bool:
    return token.is_upper and token.is_alpha and 2 <= len(token) <= 6


def _credit_parts(doc: Doc, start: int, end: int) -> list[tuple[int, int, str | None]]:
    """Token ranges of an entity cut at "/" with their labels: an agency's acronym ("AP") is an organisation,
    credit words ("Photo", "File") are dropped, the rest keeps the entity's label (None)."""
    parts: list[tuple[int, int, str | None]] = []
    i = start
    while i < end:
        j = i
        while j < end and doc[j].text != "/":
            j += 1
        k = i
        while k < j:
            token = doc[k]
            if token.lower_ in _CREDIT_WORDS:
                k += 1
                continue
            if _agency_acronym(token):
                parts.append((k, k + 1, "ORG"))
                k += 1
                continue
            m = k + 1  # at least this token: the loop always moves on
            while m < j and not _agency_acronym(doc[m]) and doc[m].lower_ not in _CREDIT_WORDS:
                m += 1
            a, b = k, m
            while a < b and doc[a].is_punct:
                a += 1
            while b > a and doc[b - 1].is_punct:
                b -= 1
            if a < b:
                parts.append((a, b, None))
            k = m
        i = j + 1
    return parts


@Language.component("newsintel_photo_credits")
def photo_credits(doc: Doc) -> Doc:
    """Photo credits the NER model reads as one name: "Alastair Grant/AP Alastair Grant/AP" is a photographer and
    an agency (twice); "AP Photo/Mahmoud Illean", "File/Associated Press" likewise. Only with an agency's acronym
    or a credit word ("Photo", "File") in the name."""
    from newsintel.nlp.grouping import corrected_label

    ents, changed = [], False
    for ent in doc.ents:
        if ent.label_ not in ("PERSON", "ORG") or not any(t.text == "/" for t in ent):  # "Dallas/Fort Worth"
            ents.append(ent)
            continue
        parts = _credit_parts(doc, ent.start, ent.end)
        agency = any(label == "ORG" for _, _, label in parts) or any(t.lower_ in _CREDIT_WORDS for t in ent)
        if not agency:  # "Otter Tail/Grant", "Marshall/Bradford Woods": no agency or credit word, no credit line
            ents.append(ent)
            continue
        changed = True
        for start, end, label in parts:
            words = doc[start:end]
            if not any(t.text[:1].isupper() for t in words):
                continue
            if label is None:  # beside an agency, two or three capitalised words are the photographer
                label = corrected_label(words.text, "PERSON") if 2 <= len(words) <= 3 and all(
                    t.is_title for t in words) else ent.label_  # "AP Photo/Oakland Police Department": no one
            ents.append(Span(doc, start, end, label=label))
    if changed:
        doc.ents = filter_spans(ents)
    return doc


@Language.component("newsintel_person_demonyms")
def person_demonyms(doc: Doc) -> Doc:
    """"Bosnian Emir Mujanović" tagged as one person is a nationality and a person: the name alone is what other
    reports write, and the adjective is the person's stated nationality."""
    from newsintel.nlp.gazetteer import load_gazetteer

    gazetteer = load_gazetteer()
    ents, changed = [], False
    for ent in doc.ents:
        if ent.label_ == "PERSON" and len(ent) >= 3 and ent[0].text[:1].isupper() and ent[1].text[:1].isupper() \
                and gazetteer.adjective(ent[0].text) is not None:
            ents += [Span(doc, ent.start, ent.start + 1, label="NORP"),
                     Span(doc, ent.start + 1, ent.end, label="PERSON")]
            changed = True
        else:
            ents.append(ent)
    if changed:
        doc.ents = ents
    return doc


@Language.component("newsintel_name_echo")
def name_echo(doc: Doc) -> Doc:
    """Later bare surnames of a named person are mentions too: "Driton Haliti ... Haliti denied it".

    The NER model often misses a lone surname at a sentence start; the full name earlier in the document is
    the evidence. Grouping then decides which person each surname belongs to (or none, when two share it).
    """
    surnames = {e[-1].text for e in doc.ents if e.label_ == "PERSON" and len(e) > 1 and e[-1].text[:1].isupper()
                and len(e[-1].text) > 2}
    if not surnames:
        return doc
    taken = {t for e in doc.ents for t in range(e.start, e.end)}
    found = []
    for token in doc:
        if token.text in surnames and token.i not in taken:
            start = token.i
            if start >= 2 and doc[start - 1].text == "-" and doc[start - 2].lower_ in ("al", "el"):
                start -= 2  # "al-Baghdadi"
            if not any(t in taken for t in range(start, token.i)):
                found.append(Span(doc, start, token.i + 1, label="PERSON"))
    if found:
        doc.ents = filter_spans([*doc.ents, *found])
    return doc
