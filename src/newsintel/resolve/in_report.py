"""What one report says about its own names, read before any other report: the full names a shorter mention
may stand for, and the acronyms and tickers it defines in brackets.

A lone surname or given name ("Silverman", "Sarah"), an initial and surname ("D. Haliti"), or one word of an
organisation's name ("Texans", "Getty") is first read against the full names of the same report: when exactly one
fits, it is that one; when several fit, it stays on its own rather than being guessed. An acronym or a ticker joins
an organisation only where the report writes it in brackets right after the name ("... Children (NCMEC)",
"Goldman Sachs (GS)"): the same letters elsewhere may be any organisation.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from newsintel.resolve.identity_index import IdentityIndex
from newsintel.resolve.names import NameForm

# "(NCMEC)", "(GS)", "(NASDAQ: AAPL)": capitals in brackets, an exchange prefix allowed; or capitals before a
# bracket that opens on the name ("NCMEC (National Center ...)").
_BRACKETED = re.compile(r"\((?:[A-Z]{2,8}\s*:\s*)?([A-Z][A-Z0-9&]{1,5})\)")
_BEFORE_BRACKET = re.compile(r"\b([A-Z][A-Z0-9&]{1,5}) ?\(")
_MAX_GAP = 40  # characters between the organisation's name and the bracket: "Goldman Sachs Group Inc. (GS)"


def fitting(surnames: dict[str, set[tuple[str, str]]], initial: tuple[str, str]) -> set[str]:
    """Identities of the report's full names that an initial and surname, or initials, may stand for."""
    first, last = initial
    if len(last) > 1:
        return {i for i, name in surnames.get(last, set()) if name[:1] == first}
    return {i for word, named in surnames.items() if word[0] == last for i, name in named if name[:1] == first}


@dataclass(slots=True)
class ReportNames:
    """The full names a report has linked so far, by the word a shorter mention may use: the family name and the
    given name of people, the first and last word of organisations."""

    surnames: dict[str, set[tuple[str, str]]] = field(default_factory=dict)  # family name -> (identity, given)
    given: dict[str, set[str]] = field(default_factory=dict)
    org_words: dict[str, set[str]] = field(default_factory=dict)

    def add_person(self, forms: list[NameForm], identity: str) -> None:
        for form in forms:
            if len(form.tokens) > 1 and not form.is_initials:
                self.surnames.setdefault(form.last, set()).add((identity, form.first or ""))
                if form.first and len(form.first) > 1:
                    self.given.setdefault(form.first, set()).add(identity)

    def add_org(self, forms: list[NameForm], identity: str) -> None:
        for form in forms:
            if len(form.tokens) > 1:
                for word in {form.tokens[0], form.tokens[-1]}:
                    self.org_words.setdefault(word, set()).add(identity)

    def person(self, word: str | None, initial: tuple[str, str] | None) -> set[str]:
        """Identities a lone word (read as a family name and as a given name: "Kim" in a report naming Kim Jong-un
        and Soyoung Kim fits both) or an initial and surname may stand for."""
        if initial is not None:
            return fitting(self.surnames, initial)
        if word is None:
            return set()
        return {i for i, _ in self.surnames.get(word, set())} | self.given.get(word, set())

    def org(self, word: str | None) -> set[str]:
        return set(self.org_words.get(word, set())) if word else set()


def defined_acronyms(index: IdentityIndex, document_id: str) -> dict[str, str]:
    """Acronym or ticker -> the organisation entity whose name the report writes just before it in brackets,
    when that name starts with the acronym's first letter."""
    text = index.document_text(document_id) or ""
    if "(" not in text:
        return {}
    spans = index.org_mention_spans(document_id)
    defined: dict[str, str] = {}
    for match in _BRACKETED.finditer(text):
        acronym = match.group(1)
        before = [s for s in spans if s[1] <= match.start() and match.start() - s[1] <= _MAX_GAP]
        if not before:
            continue
        start, end, entity = before[-1]
        gap = text[end:match.start()]
        if any(c in gap for c in ".;()\n") and not re.fullmatch(r"[\s,]*(?:[A-Z][a-z]*\.?\s*)*", gap):
            continue  # another sentence or clause between the name and the bracket
        if text[start:start + 1].upper() == acronym[0] and text[start:end] != acronym:
            defined.setdefault(acronym, entity)
    starts = {s[0]: (s[1], s[2]) for s in spans}
    for match in _BEFORE_BRACKET.finditer(text):
        acronym = match.group(1)
        start = match.end()
        if start in starts and text[start:start + 1] == acronym[0] and text[start:starts[start][0]] != acronym:
            defined.setdefault(acronym, starts[start][1])
    return defined
