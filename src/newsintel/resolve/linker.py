"""Incremental cross-document resolution: each in-document entity joins an identity or starts one.

Runs inside the transaction that stores a document, so a document is never stored without its links. Candidates
come from blocking keys (index lookups, bounded), are scored on name similarity plus shared context (other
identities in the document), minus attribute conflicts that mark namesakes. Analyst judgements constrain it:
an entity never joins an identity holding a ref it was judged not to be, and merges are applied as they apply.
Weights live in `data/resolution.yaml`.
"""

from __future__ import annotations

import functools
import json
from collections import Counter
from collections.abc import Sequence
from typing import Any

from newsintel.resolve import profiles
from newsintel.resolve.context import context_of, dominant, weights
from newsintel.resolve.identity_index import IdentityIndex, IdentityRow
from newsintel.resolve.in_report import ReportNames, defined_acronyms, introduced_as_kin
from newsintel.resolve.keys import identities_for_keys, new_identity_id, store_keys
from newsintel.resolve.known_orgs import (
    absorb_earlier_persons,
    read_as_known_org,
    read_place_as_kept_org,
    settle_new_identity,
)
from newsintel.resolve.mistyped_surnames import surname_bearers
from newsintel.resolve.names import (
    ORG,
    PERSON,
    PLACE,
    SHORT_FORM,
    NameForm,
    blocking_keys,
    similarity,
)
from newsintel.resolve.org_context import read_in_context, report_context
from newsintel.resolve.place_agreement import places_agree
from newsintel.resolve.types import settle_kind
from newsintel.resolve.units import (
    Unit,
    document_units,
    initial_and_surname,
    lone_org_word,
    lone_surname,
    lone_word,
    may_cross,
    name_form,
    report_surname,
    settings,
    stated_gender,
)

UNDECIDED = ""  # joins the bearers of a lone name when nothing in its report decides which one it is


def _candidates(index: IdentityIndex, unit: Unit, fuzzy: bool) -> list[IdentityRow]:
    """Identities sharing a blocking key with the unit; `fuzzy` adds the one-letter-off surname keys."""
    keys: set[str] = set()
    keys |= {"g:id:" + a["place"] for a in unit.attributes if a.get("place")}
    for form in unit.forms:  # initials keys are stored for every name but looked up only for initials ("E.M.")
        keys |= {k for k in blocking_keys(form) if (fuzzy or not k.startswith("p:del:"))
                 and (form.is_initials or not k.startswith("p:ini:"))
                 and (len(form.tokens) == 1 or not k.startswith("o:w:"))}  # short forms look for longer names
    if unit.kind == PLACE:  # a person tagged GPE ("Haliti, 41, ..."): look for the person too; an acronym, the org
        if may_cross(unit, ORG):
            keys |= {"o:" + f.full for f in (name_form(ORG, n) for n in unit.names) if f is not None}
        for name in unit.names:
            form = name_form(PERSON, name)
            if form is not None and not form.is_initials:
                keys |= {k for k in blocking_keys(form) if not k.startswith("p:del:")}
    if unit.kind in (ORG, PERSON):  # NER often tags a person ORG and back: look for the exact name as the other
        other = ORG if unit.kind == PERSON else PERSON
        form = name_form(other, unit.names[0])
        if form is not None and not form.is_initials:
            keys.add(("p:" if other == PERSON else "o:") + form.full)
    return identities_for_keys(index, keys, settings()["max_candidates"])


def _forbidden(index: IdentityIndex, unit: Unit, identity_id: str) -> bool:
    """True when a judgement says one of the unit's refs is not the same as a member of `identity_id`."""
    opposite: set[str] = set()
    for ref in unit.refs:
        for j in index.judgements_with_ref(ref, ("split", "not-same")):
            opposite |= set(j.right) if ref in j.left else set(j.left)
    if not opposite:
        return False
    return index.holds_any_ref(identity_id, opposite)


def _full(forms: Sequence[NameForm]) -> list[NameForm]:
    return [f for f in forms if len(f.tokens) > 1 and not f.is_initials]


def _name_score(ours: Sequence[NameForm], theirs: Sequence[NameForm], fuzzy_factor: float) -> float:
    """Best pair similarity. Full names are compared with full names only when both sides have some: a lone
    "Haliti" once linked to one Haliti must not become a bridge to every other Haliti."""
    if _full(ours) and _full(theirs):
        ours, theirs = _full(ours), _full(theirs)
    return max((similarity(a, b, fuzzy_factor) for a in ours for b in theirs), default=0.0)


@functools.lru_cache(maxsize=20_000)
def _read_profile(kind: str, profile_json: str, max_names: int) -> tuple[dict[str, Any], tuple[NameForm, ...]]:
    """A candidate's profile and the forms of its most frequent names; cached by the profile's text, since the
    same well-known identities are candidates again and again. Callers must not change the returned profile."""
    profile = json.loads(profile_json)
    names = [n for n, _ in Counter(profile.get("names", {})).most_common(max_names)]
    return profile, tuple(f for f in (name_form(kind, n) for n in names) if f is not None)


def name_match(unit: Unit, candidate: IdentityRow) -> tuple[float, dict[str, Any]]:
    """Name similarity of the unit to a candidate identity (0 when the kinds cannot match), and its profile."""
    cfg = settings()
    kind = candidate.kind
    if kind != unit.kind and not may_cross(unit, kind):
        return 0.0, {}
    profile, theirs_forms = _read_profile(kind, candidate.profile_json, cfg["max_candidate_names"])
    if unit.kind == PLACE and kind == PLACE:
        ours = {a["place"] for a in unit.attributes if a.get("place")}
        theirs_places = set(profile.get("place", {}))
        if ours & theirs_places:  # the same gazetteer entry ("Raqqah" = "ar-Raqqa"), whatever the spelling
            return 1.0, profile
        if (ours or theirs_places) and not places_agree(ours, theirs_places, cfg["place_agree_km"]):
            return 0.0, profile  # a namesake elsewhere, or an unplaced word that would inherit a namesake's point
        if ours:  # near, not the same entry: by name, below an identity holding the mention's own entry
            forms = [f for f in (name_form(kind, n) for n in unit.names) if f is not None]
            return cfg["place_near_factor"] * _name_score(forms, theirs_forms, cfg["fuzzy_factor"]), profile
    forms = [f for f in (name_form(kind, n) for n in unit.names) if f is not None]
    name_score = _name_score(forms, theirs_forms, cfg["fuzzy_factor"])
    if kind != unit.kind and name_score < (0.75 if unit.kind == PLACE and kind == PERSON else 1.0):
        return 0.0, profile
    if kind != unit.kind and kind == PERSON and lone_word(unit) and any(len(f.tokens) > 1 for f in theirs_forms):
        return 0.0, profile  # "Ford" the company is not Gerald Ford: only a person known by that one word alone
    return name_score, profile


def _lone_bearer(unit: Unit, kind: str, profile: dict[str, Any]) -> bool:
    """A person named in full meeting an identity known only by a lone name ("Vasko" of an earlier report)."""
    return unit.kind == kind == PERSON and bool(_full(unit.forms)) and not any(
        len(n.split()) > 1 for n in profile.get("names", {}))


def score(index: IdentityIndex, unit: Unit, candidate: IdentityRow, name_score: float, profile: dict[str, Any],
          context: set[str], published: str | None, contexts: dict[str, set[str]]) -> float:
    """Name similarity plus shared context, minus namesake conflicts (places: name or gazetteer entry only)."""
    cfg = settings()
    kind = candidate.kind
    if unit.kind == PLACE and kind == PLACE:
        return name_score
    theirs = context_of(index, candidate.id, contexts, cfg["context_documents"])
    shared = context & theirs
    evidence = weights(index, shared)
    if _lone_bearer(unit, kind, profile) and evidence < cfg["lone_name_min_evidence"]:
        return 0.0  # a full name meets a person known only by the surname: the same evidence as the other way
    bonus = min(cfg["context_cap"], cfg["context_weight"] * evidence)
    penalty = profiles.conflict_penalty(profile, unit.attributes, published, cfg)
    if not shared and min(len(context), len(theirs)) >= cfg["no_shared_context_min"]:
        penalty += cfg["no_shared_context_penalty"]
    if kind != unit.kind:
        penalty += 0.05  # the entity's own type first: a same-named person beats an ORG-typed duplicate
    return name_score + bonus - penalty


def link(index: IdentityIndex, unit: Unit, document_id: str, identity_id: str | None, published: str | None,
         score_: float, method: str) -> str:
    """Attach the unit's entities to `identity_id` (None: a new identity) and update its keys and profile."""
    if identity_id is None:
        identity_id = new_identity_id(index, unit.refs[0])
        index.new_identity(identity_id, unit.kind, unit.types.most_common(1)[0][0], unit.names[0])
    new_document = not index.has_document(identity_id, document_id)
    index.link_entities(identity_id, document_id, list(zip(unit.entity_ids, unit.refs, strict=True)),
                        round(score_, 3), method)
    kind = index.kind_of(identity_id)
    attributes = unit.attributes if kind == PLACE else [  # a person or a body read as a place: no place of its own
        {k: v for k, v in a.items() if k != "place"} for a in unit.attributes]
    documents = profiles.add_to_identity(index, identity_id, unit.names, unit.types, attributes, published,
                                         1 if new_document else 0)
    keys = {k for n in unit.names if (f := name_form(kind, n)) is not None for k in blocking_keys(f)}
    keys |= {"g:id:" + a["place"] for a in attributes if a.get("place")}
    if new_document and documents & (documents - 1) == 0:  # the count doubled: lookups should see it higher
        index.set_key_rank(identity_id, documents)
    store_keys(index, identity_id, keys, documents)
    return identity_id


def _best(index: IdentityIndex, unit: Unit, context: set[str], published: str | None,
          contexts: dict[str, set[str]], constrained: bool) -> tuple[float, str | None]:
    """The best candidate identity and its score, or (score, None) when none is good enough or two tie."""
    threshold = settings()["link_threshold"]
    best: tuple[float, str | None, float] = (0.0, None, 0.0)
    runner_up = 0.0
    seen: set[str] = set()
    for fuzzy in (False, True):  # exact keys first; one-letter-off surnames only if nothing fits well
        if fuzzy and best[2] >= 0.9:
            break
        named = []
        for candidate in _candidates(index, unit, fuzzy):
            if candidate.id in seen or (constrained and _forbidden(index, unit, candidate.id)):
                continue
            seen.add(candidate.id)
            name_score, profile = name_match(unit, candidate)
            if name_score > 0.0:
                named.append((name_score, candidate.documents, candidate, profile))
        named.sort(key=lambda t: (-t[0], -t[1]))  # context is costly: only for the best names
        for name_score, _, candidate, profile in named[:settings()["max_scored"]]:
            value = score(index, unit, candidate, name_score, profile, context, published, contexts)
            if candidate.id in context and value < settings()["same_document_min"] and not (
                    lone_word(unit) and name_score >= 0.75):
                continue  # in-document grouping kept them apart: only an exact name or a lone surname joins
            if value > best[0]:
                runner_up, best = best[0], (value, candidate.id, name_score)
            else:
                runner_up = max(runner_up, value)
    ambiguous = best[2] < 1.0 and runner_up >= threshold and best[0] - runner_up < settings()["ambiguity_margin"]
    return best[0], (best[1] if best[0] >= threshold and not ambiguous else None)


def _lone_bearers(index: IdentityIndex, unit: Unit, published: str | None, constrained: bool
                  ) -> list[str] | None:
    """The identities a lone surname, given name or short form with no full name in its report may stand for,
    best-named first; which one (if any) is for its report's context to say (`context.dominant`). None when
    this is not such a name: an organisation's or a place's one-word name that an identity of its kind has
    exactly ("Tesla") is its name, not a short form; a person's surname only organisations bear is a type the NER
    model mixed up."""
    cfg = settings()
    floor = SHORT_FORM if unit.kind == ORG else 0.75  # the exact surname or word, not one letter off
    bearers: list[tuple[float, int, str]] = []
    own_kind = False
    for candidate in _candidates(index, unit, False):
        if constrained and _forbidden(index, unit, candidate.id):
            continue
        name_score, profile = name_match(unit, candidate)
        if unit.kind != PERSON and candidate.kind == unit.kind and name_score >= 1.0:
            return None
        if name_score >= floor and not profiles.conflict_penalty(profile, unit.attributes, published, cfg):
            bearers.append((-name_score, -candidate.documents, candidate.id))
            own_kind = own_kind or candidate.kind == unit.kind
    if bearers and not own_kind:
        return None
    return [i for *_, i in sorted(bearers)[:cfg["max_scored"]]]  # context is costly: the best-named only


def _join_alias_identities(index: IdentityIndex, unit: Unit, identity: str, constrained: bool) -> None:
    """A report that says "the Brigade, also called the Mountain Legion" joins an organisation found earlier
    under only one of its names: another identity holding exactly one of the unit's other names (of two words or
    more) is merged into this one. Organisations only: for people a wrong alias would merge two people's files."""
    fulls = {f.full for f in unit.forms if len(f.tokens) > 1}  # names, not acronyms: "MIT" is many things
    if unit.kind != ORG or len(fulls) < 2:
        return
    from newsintel.resolve.judgements import blocked, merge_identities

    for candidate in _candidates(index, unit, False):
        if candidate.id == identity or candidate.kind != ORG or (
                constrained and blocked(index, identity, candidate.id) is not None):
            continue  # an analyst's split or not-same between the two always wins
        names = candidate.profile().get("names", {})
        if fulls & {f.full for f in (name_form(ORG, n) for n in names) if f is not None}:
            merge_identities(index, identity, candidate.id, method="alias")


def resolve_document(index: IdentityIndex, document_id: str) -> None:
    """Link every person, organisation and place entity of a stored document. Call inside its transaction.

    A lone surname (or given name) is first read against the people this report names in full: one of them, it is
    that person (unless the report rules it out: `in_report`); two or more ("Driton and Besim Haliti"), the one a
    stated gender or the order of mentions points to, else it stays on its own rather than being given to a third
    Haliti. An initial and a surname ("D. Haliti") or initials ("D.H.") are read the same way against the full
    names they fit, and a one-word organisation name ("Texans") against the report's longer ones ("Houston Texans").
    """
    published = index.published_of(document_id)
    constrained = index.has_constraints()
    context: set[str] = set()
    contexts: dict[str, set[str]] = {}
    report = ReportNames()
    acronyms = defined_acronyms(index, document_id)
    identity_of: dict[str, str] = {}  # entity id -> identity, for the acronyms the report defines
    deferred: list[Unit] = []  # lone names decided by context: once the rest of the report is linked
    mistyped: list[Unit] = []  # small places that may be a surname ("Kim said"): after the report's people

    spans: dict[str, list[tuple[int, int]]] = {}
    for entity_id, start, end in index.mention_spans(document_id):
        spans.setdefault(entity_id, []).append((start, end))
    text = index.document_text(document_id) or ""

    def unit_spans(unit: Unit) -> list[tuple[int, int]]:
        return sorted(s for e in unit.entity_ids for s in spans.get(e, ()))

    def unit_starts(unit: Unit) -> list[int]:
        return [s for s, _ in unit_spans(unit)]

    def kin(unit: Unit) -> bool:  # introduced as someone's relative: "her father, Y X"
        first = unit_spans(unit)[:1]
        return bool(first) and introduced_as_kin(text, *first[0])

    def settle(unit: Unit, linked: str | None, value: float, initial: tuple[str, str] | None) -> None:
        identity = link(index, unit, document_id, linked, published, value if linked else 1.0,
                        "name" if linked else "new")
        _join_alias_identities(index, unit, identity, constrained)
        if unit.kind == ORG and lone_org_word(unit) is not None:
            absorb_earlier_persons(index, identity, unit.names[0])
        context.add(identity)
        contexts.pop(identity, None)
        identity_of.update(dict.fromkeys(unit.entity_ids, identity))
        if unit.kind == PERSON and initial is None:
            report.add_person(unit.forms, identity, unit_starts(unit), stated_gender(unit), kin(unit))
        elif unit.kind == ORG:
            report.add_org(unit.forms, identity)

    ruled_out: dict[int, set[str]] = {}  # lone surnames the report's one bearer of the name is not: by unit

    def lone_bearers(unit: Unit) -> list[str] | None:
        found = _lone_bearers(index, unit, published, constrained)
        return None if found is None else [b for b in found if b not in ruled_out.get(id(unit), ())]

    units = document_units(index, document_id)
    report_place = report_context(index, document_id, units)
    for unit in units:
        read_place_as_kept_org(unit)  # "the White House" tagged GPE
        read_in_context(unit, report_place)  # "Foreign Ministry" of which country; "EPA" under a photograph
        if not read_as_known_org(index, unit):  # "Equifax" tagged PERSON where the store knows the company
            settle_kind(index, unit)  # a one-word name is read as the type the store's documents vote for
        initial = initial_and_surname(unit)
        if unit.kind == ORG:
            defining = acronyms.get(unit.names[0]) if lone_word(unit) else None
            named = {identity_of[defining]} if defining in identity_of else report.org(lone_org_word(unit))
        else:
            named = report.person(report_surname(unit), initial)
            if initial is None and named:  # which of the report's bearers, if anything decides
                chosen = report.which(named, unit_starts(unit), stated_gender(unit))
                if chosen is None and len(named) == 1 and lone_surname(unit):
                    ruled_out[id(unit)], named = named, set()  # not the report's bearer: any other, by context
                else:
                    named = {chosen} if chosen is not None else named | {UNDECIDED}
        if len(named) == 1:
            settle(unit, next(iter(named)), 0.75, initial)
        elif len(named) > 1 or (id(unit) in ruled_out and lone_bearers(unit) is None):
            settle(unit, None, 1.0, initial)  # several fit and nothing decides: on its own, not the first-named
        elif initial is None and (lone_surname(unit) or lone_org_word(unit)) and _lone_bearers(
                index, unit, published, constrained) is not None:
            deferred.append(unit)
        elif unit.kind == PLACE and lone_word(unit) and surname_bearers(index, unit):
            mistyped.append(unit)
        else:
            value, linked = _best(index, unit, context, published, contexts, constrained)
            settle(unit, linked, value, initial)
    cfg = settings()
    # The one bearer of each other lone name counts as context too: "Whitfield" and "Orley" of a follow-up report
    # that names neither in full are the two people an earlier report named together.
    sole = {id(u): b[0] for u in deferred if len(b := lone_bearers(u) or []) == 1}
    undecided: list[Unit] = []
    for last_pass in (False, True):  # names decided in the first pass are context for the rest in the second
        for unit in (undecided if last_pass else deferred):  # bearers read again: an earlier lone name may be one now
            bearers = lone_bearers(unit)
            if bearers is None:  # now a name of another kind's identity: scored as any name
                value, linked = _best(index, unit, context, published, contexts, constrained)
                linked = None if linked in ruled_out.get(id(unit), ()) else linked
            else:
                hints = {b for i, b in sole.items() if i != id(unit)}
                linked, evidence = dominant(index, bearers or surname_bearers(index, unit), context | hints, contexts,
                                            cfg)
                value = 0.75 + min(cfg["context_cap"], cfg["context_weight"] * evidence)
                if linked is None and not last_pass:
                    undecided.append(unit)
                    continue
            settle(unit, linked, value, None)
    for unit in mistyped:
        linked, evidence = dominant(index, surname_bearers(index, unit), context, contexts, cfg)
        if linked is None:
            value, linked = _best(index, unit, context, published, contexts, constrained)
        else:
            value = 0.75 + min(cfg["context_cap"], cfg["context_weight"] * evidence)
        settle(unit, linked, value, None)
    for identity in set(identity_of.values()):
        settle_new_identity(index, identity)
    from newsintel.resolve.judgements import apply_merges_for

    apply_merges_for(index, document_id)
