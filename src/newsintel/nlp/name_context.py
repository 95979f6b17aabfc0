"""What the words around a place name say about which place it is, before any scoring (`nlp/geocode.py`).

- A qualifier right after the name restricts its candidates to that state or country ("Paris, Texas",
  "Springfield, Ill.", "Kobani (Syria)"); a country followed by another name is a list, not a qualifier, and so is
  a state in a list of states ("Utah, Washington, West Virginia and Wyoming").
- A lowercase kind noun after the name says its kind ("Washington state", "Hubei province"), and a name listed
  among areas of one kind is one too when it can be ("Oregon, Washington and Idaho").
- A wire dateline names the town the story was filed from ("NEW YORK (Reuters) -", "KABUL, Afghanistan —").
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from newsintel.nlp.gazetteer import Place, within

if TYPE_CHECKING:
    from newsintel.nlp.geo_candidates import Candidate
    from newsintel.nlp.geo_candidates import CandidateFinder as Resolver

LISTED_KINDS = frozenset({"state", "province", "country"})
QUALIFIER = re.compile(r"\s*[,(]\s*((?:[A-Z][\w.]*\.?\s?){1,3})")
_LIST_GAP = re.compile(r"\s*(?:,|,?\s+(?:and|or))\s*")
_KIND_AFTER = re.compile(r"\s+(state|province|governorate|county|parish)\b")
_DATELINE_TAIL = re.compile(r"(?:,\s[A-Z][\w.]*(?:\s[A-Z][\w.]*)?)?\s*(?:\([A-Z][\w ]*\)\s*)?(?:--|—|–|-\s)")
Mentions = list[tuple[int, int, str]]


def _in_list_of_areas(resolver: Resolver, text: str, mentions: Mentions, i: int,
                      cands: list[list[Candidate]]) -> bool:
    """The name can be a state or province itself and stands in a list of names (a list link before it, or one
    after the name that follows it): "Virginia, Washington, West Virginia", "in Washington, Pennsylvania and
    California" list states, where "Washington, Pa." names a town."""
    if not any(c.place.kind in ("state", "province") for c in cands[i]):
        return False
    start, end, _ = mentions[i]
    ends = [e for s, e, _ in mentions if e <= start]
    if ends and _LIST_GAP.fullmatch(text[max(ends):start]) and max(ends) > start - 6:
        return True
    later = sorted(s for s, _, _ in mentions if s >= end)
    if len(later) < 2:
        return False
    after = next((e for s, e, _ in mentions if s == later[0]), later[0])
    if "." in text[later[0]:after]:
        return False  # an abbreviation is a qualifier: "Washington, D.C., and Virginia"
    return bool(_LIST_GAP.fullmatch(text[after:later[1]]))


def apply_qualifiers(resolver: Resolver, text: str, mentions: Mentions, surfaces: list[str],
                     cands: list[list[Candidate]]) -> set[int]:
    """Keep only the candidates inside the state or country named right after the name; the indexes so qualified."""
    qualified: set[int] = set()
    for i, (_, end, _) in enumerate(mentions):
        if _in_list_of_areas(resolver, text, mentions, i, cands):
            continue
        qualifier: Place | None = None
        if ", " in surfaces[i]:  # "Springfield, Ill." tagged as one span
            head, tail = surfaces[i].rsplit(", ", 1)
            qualifier = resolver.qualifier_place(tail, postal=True)
            if qualifier is not None:
                cands[i] = resolver.candidates(head, mentions[i][2])
        else:
            match = QUALIFIER.match(text, end)
            if match:
                words = match.group(1).split()
                for n in range(len(words), 0, -1):
                    qualifier = resolver.qualifier_place(" ".join(words[:n]), postal=True)
                    if qualifier is not None:
                        break
        if qualifier is None or not cands[i] or any(c.place.kind == "country" for c in cands[i]):
            continue  # "Mexico, China, Japan" is a list of countries, not Mexico in China
        inside = [c for c in cands[i] if c.place is not qualifier and within(c.place, qualifier)]
        if inside:
            cands[i] = inside
            qualified.add(i)
            if match := QUALIFIER.match(text, end):
                _qualifier_is_area(mentions, cands, match.start(1))
    return qualified


def _qualifier_is_area(mentions: Mentions, cands: list[list[Candidate]], start: int) -> None:
    """The name qualifying another ("Bronx, New York", "Columbia, Missouri") is the state, province or country of
    its name, not a town of it."""
    for j, (s, _, _) in enumerate(mentions):
        if s == start:
            areas = [c for c in cands[j] if c.place.kind in LISTED_KINDS]
            cands[j] = areas or cands[j]


def apply_kind_context(resolver: Resolver, text: str, mentions: Mentions, keys: list[str],
                       cands: list[list[Candidate]], qualified: set[int]) -> None:
    """A name before a lowercase kind noun ("Washington state", "Hubei province") is a place of that kind; a name
    listed among areas of one kind ("Oregon and Washington", "Utah, Virginia, Washington and Wyoming") is an area
    of that kind too, when it can be."""
    def kind_of(i: int) -> str | None:
        options = cands[i]
        return max(options, key=lambda o: resolver.prior(o.place, options, keys[i])).place.kind if options else None

    order = sorted(range(len(mentions)), key=lambda i: mentions[i][0])
    kinds = [kind_of(i) for i in range(len(mentions))]
    for at, i in enumerate(order):
        if i in qualified or len(cands[i]) < 2:
            continue
        start, end, _ = mentions[i]
        noun = _KIND_AFTER.match(text, end)
        wanted = set(resolver.kind_nouns.get(noun.group(1), ())) if noun else set()
        if not wanted:
            neighbours = order[max(0, at - 1):at] + order[at + 1:at + 2]
            listed = {kinds[j] for j in neighbours if _LIST_GAP.fullmatch(
                text[mentions[j][1]:start] if mentions[j][0] < start else text[end:mentions[j][0]])}
            if len(listed) == 1 and listed <= LISTED_KINDS:
                wanted = listed
        if wanted:
            # a name listed among countries or states is one ("Benin, Ghana, Niger and Togo", "West Virginia and
            # Wyoming"), whatever its other readings and whatever context they have
            kept = [c for c in cands[i] if c.place.kind in wanted]
            if kept:
                cands[i] = kept


def apply_datelines(text: str, mentions: Mentions, surfaces: list[str], cands: list[list[Candidate]]) -> None:
    """An all-capitals name opening the text or a line before a dateline's dash is a town, when it can be."""
    for i, (start, end, _) in enumerate(mentions):
        if surfaces[i].isupper() and _DATELINE_TAIL.match(text, end) and (start == 0 or text[start - 1] == "\n"):
            towns = [c for c in cands[i] if c.place.kind == "city"]
            cands[i] = towns or cands[i]
