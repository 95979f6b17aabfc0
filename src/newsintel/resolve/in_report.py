"""What one report says about its own names, read before any other report: the full names a shorter mention
may stand for, and the acronyms and tickers it defines in brackets.

A lone surname or given name ("Silverman", "Sarah"), an initial and surname ("D. Haliti"), or one word of an
organisation's name ("Texans", "Getty") is first read against the full names of the same report: when exactly one
fits, it is that one, unless the report says otherwise: a gender stated for the lone name ("Ms. X") that the full
name's bearer does not have, or the full name written as someone's relative after the lone name's first mentions
("X says ..." before "her father, Y X", in a report whose X is named in full only in its headline). The lone
surname is then read as any lone surname, by its report's context, never as that bearer. When several fit (two
brothers, a couple), the stated gender decides, else the one bearer the report has named before each of its
mentions; when a mention comes before any of them or after two, it stays on its own rather than being the
first-named.

An acronym or a ticker joins an organisation only where the report writes it in brackets right after the name
("... Children (NCMEC)", "Goldman Sachs (GS)"): the same letters elsewhere may be any organisation.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable
from dataclasses import dataclass, field

from newsintel.resolve.identity_index import IdentityIndex
from newsintel.resolve.names import NameForm
from newsintel.resources import load_yaml

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
    starts: dict[str, list[int]] = field(default_factory=dict)  # identity -> where its mentions start
    genders: dict[str, str] = field(default_factory=dict)  # identity -> "male" / "female" when the report tells
    relatives: set[str] = field(default_factory=set)  # identities introduced as someone's kin ("her father, X")

    def add_person(self, forms: list[NameForm], identity: str, starts: Iterable[int] = (),
                   gender: str | None = None, relative: bool = False) -> None:
        self.starts.setdefault(identity, []).extend(starts)
        if gender is not None:
            self.genders.setdefault(identity, gender)
        if relative:
            self.relatives.add(identity)
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

    def which(self, bearers: set[str], starts: Iterable[int], gender: str | None) -> str | None:
        """The one of the report's `bearers` of a name that a lone mention group (its mention `starts`, its stated
        `gender`) stands for, or None when nothing decides (see the module)."""
        fitting = {b for b in bearers if gender is None or self.genders.get(b) in (None, gender)}
        if len(fitting) == 1 and len(bearers) > 1:
            return next(iter(fitting))  # the gender decided
        starts = list(starts)
        if not starts or not any(self.starts.get(b) for b in fitting):  # no order known: as before
            return next(iter(fitting)) if len(fitting) == 1 else None
        if len(bearers) == 1 and fitting and not fitting & self.relatives:
            return next(iter(fitting))  # the report's one bearer, named before or after (a name garbled at first)
        introduced: set[frozenset[str]] = set()  # at each mention, the bearers the report has named before it
        for start in starts:
            introduced.add(frozenset(b for b in fitting if any(s < start for s in self.starts.get(b, ()))))
        only = introduced.pop() if len(introduced) == 1 else frozenset()
        return next(iter(only)) if len(only) == 1 else None


@functools.cache
def _kin_cues() -> tuple[re.Pattern[str], re.Pattern[str]]:
    data = load_yaml("relations.yaml")
    words = "|".join(sorted(map(re.escape, [*data["family_nouns"], *data["spouse_nouns"]]), key=len, reverse=True))
    return (re.compile(rf"\b(?:{words}),?\s+$", re.IGNORECASE),
            re.compile(rf",\s+(?:his|her|their|the)\s+(?:[\w-]+\s+)?(?:{words})\b", re.IGNORECASE))


def introduced_as_kin(text: str, start: int, end: int) -> bool:
    """A name written as someone's relative ("her father, Y X", "Y X, his brother"): another person of the
    report may bear its surname."""
    before, after = _kin_cues()
    return bool(before.search(text, max(0, start - 30), start) or after.match(text, end, end + 40))


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
