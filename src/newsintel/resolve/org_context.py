"""Organisation names that mean different things in different reports, read in their report's context before linking.

- A generic body ("Foreign Ministry", "National Security Council", "Interior Ministry") is one body per country:
  it is named with its country ("Foreign Ministry (Russia)") taken from the name itself ("Russian Foreign
  Ministry"), the words right before a mention ("Iran's Foreign Ministry", "the U.S. National Security Council"),
  or else the country most of the report's places are in. With no country at all it stays as written.
- An agency credited under a photograph ("EPA/Jim Lo", "Photo: EPA-EFE/...") is the photo agency, not the
  government agency of the same letters: a credit-only mention of a listed credit name becomes the photo agency's
  name (`data/org_names.yaml` `photo_credits`). A credit also stands alone at the end of a caption paragraph
  ("... leaves through the back entrance EPA") or opens one ("EPA Firefighters work at the mill"), unless the word
  after it makes it the agency acting ("EPA Administrator ...", `credit_not_before`).
Both are words of `data/org_names.yaml` a domain expert can edit.
"""

from __future__ import annotations

import functools
import re
from collections import Counter
from dataclasses import dataclass, field

from newsintel.nlp.gazetteer import fold, load_gazetteer
from newsintel.nlp.grouping import org_aliases
from newsintel.resolve.identity_index import IdentityIndex
from newsintel.resolve.names import ORG, PLACE
from newsintel.resolve.place_names import country_name, place_of
from newsintel.resolve.units import Unit
from newsintel.resources import load_yaml

_BEFORE = 30  # characters read before a mention for its country ("Russia's ", "the U.S. ")
_COUNTRY_BEFORE = re.compile(r"((?:[A-Z][\w.]*\.?)(?:\s[A-Z][\w.]*)?)(?:['’]s)?\s+$")
_CREDIT_AFTER = re.compile(r"\s?(?:[-–][A-Z]{2,6})?\s?/")  # "EPA/Name", "EPA-EFE/Name", "AP /Name"
_CREDIT_BEFORE = re.compile(r"(?:/\s?|©\s?|\b(?:photo|photograph|image|picture|credit|foto)s?\s*(?:credit)?\s*:\s*)$",
                            re.IGNORECASE)
_LINE_START = re.compile(r"(?:^|\n)[ \t]*$")
_LINE_END = re.compile(r"[ \t]*(?:\n|$)")
_CAPTION_AFTER = re.compile(r" +([A-Z][\w'’-]*)")
_MIN_REPORT_SHARE = 0.5  # the report's country: at least this share of its placed mentions


@functools.cache
def _data() -> tuple[frozenset[str], dict[str, str]]:
    data = load_yaml("org_names.yaml")
    return frozenset(data["generic_body_words"]), {k.upper(): v for k, v in data["photo_credits"].items()}


@functools.cache
def _credit_not_before() -> frozenset[str]:
    return frozenset(load_yaml("org_names.yaml")["credit_not_before"])


def _credit_at(text: str, start: int, end: int) -> bool:
    """A mention written as a photo credit: with a slash or a "Photo:" label, or alone at a caption's end or start."""
    if _CREDIT_AFTER.match(text, end) or _CREDIT_BEFORE.search(text[max(0, start - 20):start]):
        return True
    if _LINE_END.match(text, end) and start > 0 and text[start - 1] in " \t" and text[:start].rstrip()[-1:].isalnum():
        return True  # "... through the back entrance EPA" closing a caption (not "said the EPA.")
    if not _LINE_START.search(text[max(0, start - 10):start]):
        return False
    if _LINE_END.match(text, end):
        return True  # a line of its own
    after = _CAPTION_AFTER.match(text, end)
    return after is not None and after.group(1).lower() not in _credit_not_before()


def _country(words: str) -> str | None:
    """The ISO code a country name or adjective names ("Russia", "Russian", "U.S."), else None."""
    gazetteer = load_gazetteer()
    place = gazetteer.adjective(words)
    if place is not None and place.kind == "country":
        return place.country
    countries = [p for p in gazetteer.lookup(words) if p.kind == "country"]
    return countries[0].country if countries else None


def _generic_rest(name: str) -> tuple[str | None, str] | None:
    """(country written in the name or None, the generic body's name) when the name is a generic body with at most
    a country word before it; None for any other name (or one the alias table knows: "Security Council")."""
    generic, _ = _data()
    words = name.split()
    if words and words[0].lower() == "the":
        words = words[1:]
    country = None
    for n in (2, 1):  # "United States National Security Council", "Russian Foreign Ministry"
        if len(words) > n and (code := _country(" ".join(words[:n]).removesuffix("'s").removesuffix("’s"))):
            country, words = code, words[n:]
            break
    rest = " ".join(words)
    folded = fold(rest).split()
    if not folded or fold(rest) in org_aliases() or fold(name) in org_aliases():
        return None
    return (country, rest) if all(w in generic for w in folded) else None


@dataclass(slots=True)
class ReportContext:
    """The report's text, where each entity is mentioned, and the country most of its placed mentions are in."""

    text: str
    spans: dict[str, list[tuple[int, int]]] = field(default_factory=dict)
    country: str | None = None


def report_context(index: IdentityIndex, document_id: str, units: list[Unit]) -> ReportContext:
    text = index.document_text(document_id)
    context = ReportContext(text if text is not None else "")
    for entity_id, start, end in index.mention_spans(document_id):
        context.spans.setdefault(entity_id, []).append((start, end))
    countries: Counter[str] = Counter()
    for unit in units:
        if unit.kind != PLACE:
            continue
        for attributes in unit.attributes:
            place = place_of(attributes["place"]) if attributes.get("place") else None
            if place is not None and place.country:
                countries[place.country] += sum(unit.mentions.values())
    if countries:
        code, count = countries.most_common(1)[0]
        if count >= _MIN_REPORT_SHARE * sum(countries.values()):
            context.country = code
    return context


def _spans(unit: Unit, context: ReportContext) -> list[tuple[int, int]]:
    return [s for e in unit.entity_ids for s in context.spans.get(e, ())]


def _credit_only(unit: Unit, context: ReportContext) -> bool:
    spans = _spans(unit, context)
    text = context.text
    return bool(spans) and all(_credit_at(text, start, end) for start, end in spans)


def _country_before(unit: Unit, context: ReportContext) -> str | None:
    """The country written right before the unit's mentions ("Iran's", "the Russian", "the United States"),
    when they agree."""
    found: set[str] = set()
    for start, _ in _spans(unit, context):
        match = _COUNTRY_BEFORE.search(context.text[max(0, start - _BEFORE):start])
        if match is None:
            continue
        words = match.group(1).split()
        code = _country(" ".join(words)) or (_country(words[-1]) if len(words) > 1 else None)
        if code:
            found.add(code)
    return next(iter(found)) if len(found) == 1 else None


def read_in_context(unit: Unit, context: ReportContext) -> None:
    """Rename an organisation unit whose name means different things in different reports (see the module)."""
    if unit.kind != ORG or not unit.names:
        return
    _, credits = _data()
    credit = credits.get(unit.names[0].upper())
    if credit is not None and _credit_only(unit, context):
        unit.names = [credit]
        return
    generic = [g for g in (_generic_rest(n) for n in unit.names) if g is not None]
    if not generic or len(generic) != len(unit.names):
        return
    written = {c for c, _ in generic if c}
    country = (next(iter(written)) if len(written) == 1 else None) if written else (
        _country_before(unit, context) or context.country)
    name = country_name(country) if country else None
    if name:
        unit.names = [f"{rest} ({name})" for _, rest in generic]
