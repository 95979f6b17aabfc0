"""Incremental cross-document resolution: each in-document entity joins an identity or starts one.

Runs inside the transaction that stores a document, so a document is never stored without its links. Candidates
come from blocking keys (index lookups, bounded), are scored on name similarity plus shared context (other
identities in the document), minus attribute conflicts that mark namesakes. Analyst judgements constrain it:
an entity never joins an identity holding a ref it was judged not to be, and merges are applied as they apply.
Weights live in `data/resolution.yaml`.
"""

from __future__ import annotations

import functools
import hashlib
import json
import sqlite3
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from newsintel.nlp.gazetteer import load_gazetteer
from newsintel.nlp.grouping import corrected_label
from newsintel.resolve import profiles
from newsintel.resolve.context import context_of, dominant, weights
from newsintel.resolve.in_report import ReportNames, defined_acronyms
from newsintel.resolve.keys import identities_for_keys, store_keys
from newsintel.resolve.known_orgs import absorb_earlier_persons, read_as_known_org, settle_new_identity
from newsintel.resolve.names import (
    ORG,
    PERSON,
    PLACE,
    SHORT_FORM,
    NameForm,
    blocking_keys,
    form_of,
    kind_of,
    similarity,
)
from newsintel.resolve.place_names import place_ref
from newsintel.resolve.types import settle_kind
from newsintel.resources import load_yaml


@functools.cache
def settings() -> dict[str, Any]:
    return dict(load_yaml("resolution.yaml"))


@functools.lru_cache(maxsize=200_000)
def _form(kind: str, name: str) -> NameForm | None:
    return form_of(kind, name)


@dataclass(slots=True)
class Unit:
    """Entities of one document resolved together: one entity, or several the document says are aliases."""

    kind: str
    entity_ids: list[str]
    names: list[str]
    types: Counter[str]
    attributes: list[dict[str, Any]]
    refs: list[str] = field(default_factory=list)
    mentions: Counter[str] = field(default_factory=Counter)  # mention texts, for the type its words vote for

    @property
    def forms(self) -> list[NameForm]:
        return [f for f in (_form(self.kind, n) for n in self.names) if f is not None]

    @property
    def rank(self) -> tuple[int, int, int]:
        """Known places first (cheap, exact context), then organisations, then people (the context a person's
        name is read in), full names before lone names, then initials."""
        forms = self.forms
        if self.kind == PLACE:  # a "place" not geocoded may be a person ("Bowie" said): after the people
            return (0, 0, 0) if any(a.get("place") for a in self.attributes) else (2, 2, 0)
        if forms and all(f.is_initials for f in forms):
            return (3, 0, 0)
        full = any(len(f.tokens) > 1 for f in forms)
        return (1 if self.kind == ORG else 2, 0 if full else 1, -max((len(f.tokens) for f in forms), default=0))


def _known_place(unit: Unit) -> bool:
    """Geocoded, or a name the gazetteer knows: a place, not a person the NER model took for one."""
    return any(a.get("place") for a in unit.attributes) or any(load_gazetteer().lookup(n) for n in unit.names)


def entity_ref(document_id: str, kind: str, name: str) -> str:
    form = _form(kind, name)
    return f"{document_id}:{kind}:{form.full if form else name.lower()}"


def _units(conn: sqlite3.Connection, document_id: str) -> list[Unit]:
    rows = conn.execute("SELECT id, name, type, aliases, attributes, geonameid, lat, lon FROM entities"
                        " WHERE document_id = ?", (document_id,)).fetchall()
    parent = {r["id"]: r["id"] for r in rows}

    def root(x: str) -> str:
        while parent[x] != x:
            x = parent[x]
        return x

    types = {r["id"]: corrected_label(r["name"], r["type"]) for r in rows}
    for subj, obj in conn.execute(
            "SELECT subject_entity, object_entity FROM relations WHERE document_id = ? AND type = 'ALIAS'"
            " AND subject_entity IS NOT NULL AND object_entity IS NOT NULL"
            " AND (end - start <= ? OR json_extract(data, '$.checked') = 1)",
            (document_id, settings()["alias_max_span"])):
        if subj in parent and obj in parent and kind_of(types[subj]) == kind_of(types[obj]):
            parent[root(subj)] = root(obj)
    texts: dict[str, Counter[str]] = {}
    for entity_id, text in conn.execute("SELECT entity_id, text FROM mentions WHERE document_id = ?",
                                        (document_id,)):
        texts.setdefault(entity_id, Counter())[" ".join(text.split())] += 1
    grouped: dict[tuple[str, str], Unit] = {}
    for r in rows:
        kind = kind_of(corrected_label(r["name"], r["type"]))  # "Liwa al-..." tagged PERSON is a group
        if kind is None:
            continue
        unit = grouped.setdefault((root(r["id"]), kind), Unit(kind, [], [], Counter(), []))
        unit.entity_ids.append(r["id"])
        unit.names += [r["name"], *json.loads(r["aliases"])]
        unit.types[r["type"]] += 1
        attributes = json.loads(r["attributes"])
        if kind == PLACE and r["lat"] is not None:  # the gazetteer entry it resolved to is the place's identity
            attributes["place"] = place_ref(r["geonameid"], r["lat"], r["lon"])
        unit.attributes.append(attributes)
        unit.refs.append(entity_ref(document_id, kind, r["name"]))
        unit.mentions.update(texts.get(r["id"], Counter({r["name"]: 1})))
    return sorted(grouped.values(), key=lambda u: u.rank)


def _candidates(conn: sqlite3.Connection, unit: Unit, fuzzy: bool) -> list[sqlite3.Row]:
    """Identities sharing a blocking key with the unit; `fuzzy` adds the one-letter-off surname keys."""
    keys: set[str] = set()
    keys |= {"g:id:" + a["place"] for a in unit.attributes if a.get("place")}
    for form in unit.forms:  # initials keys are stored for every name but looked up only for initials ("E.M.")
        keys |= {k for k in blocking_keys(form) if (fuzzy or not k.startswith("p:del:"))
                 and (form.is_initials or not k.startswith("p:ini:"))
                 and (len(form.tokens) == 1 or not k.startswith("o:w:"))}  # short forms look for longer names
    if unit.kind == PLACE:  # a person tagged GPE ("Haliti, 41, ..."): look for the person too
        for name in unit.names:
            form = _form(PERSON, name)
            if form is not None and not form.is_initials:
                keys |= {k for k in blocking_keys(form) if not k.startswith("p:del:")}
    if unit.kind in (ORG, PERSON):  # NER often tags a person ORG and back: look for the exact name as the other
        other = ORG if unit.kind == PERSON else PERSON
        form = _form(other, unit.names[0])
        if form is not None and not form.is_initials:
            keys.add(("p:" if other == PERSON else "o:") + form.full)
    return identities_for_keys(conn, keys, settings()["max_candidates"])


def _forbidden(conn: sqlite3.Connection, unit: Unit, identity_id: str) -> bool:
    """True when a judgement says one of the unit's refs is not the same as a member of `identity_id`."""
    opposite: set[str] = set()
    for ref in unit.refs:
        for left, right in conn.execute(
                "SELECT left_refs, right_refs FROM judgements WHERE kind IN ('split', 'not-same')"
                " AND (left_refs LIKE ? OR right_refs LIKE ?)", (f'%"{ref}"%', f'%"{ref}"%')):
            left, right = json.loads(left), json.loads(right)
            opposite |= set(right) if ref in left else set(left)
    if not opposite:
        return False
    marks = ",".join("?" * len(opposite))
    return conn.execute(f"SELECT 1 FROM entity_links WHERE identity_id = ? AND ref IN ({marks}) LIMIT 1",
                        (identity_id, *opposite)).fetchone() is not None


def _lone_word(unit: Unit) -> bool:
    """A one-word name ("Ramović", "Zeqiri"), often left alone by the NER model's type or the in-document step."""
    return all(len(n.split()) == 1 for n in unit.names)


def _full(forms: Sequence[NameForm]) -> list[NameForm]:
    return [f for f in forms if len(f.tokens) > 1 and not f.is_initials]


def _name_score(ours: Sequence[NameForm], theirs: Sequence[NameForm], fuzzy_factor: float) -> float:
    """Best pair similarity. Full names are compared with full names only when both sides have some: a lone
    "Haliti" once linked to one Haliti must not become a bridge to every other Haliti."""
    if _full(ours) and _full(theirs):
        ours, theirs = _full(ours), _full(theirs)
    return max((similarity(a, b, fuzzy_factor) for a in ours for b in theirs), default=0.0)


def _may_cross(unit: Unit, kind: str) -> bool:
    """NER mixes up types: a person tagged ORG (or back) may join a same-named identity of the other kind, and a
    "place" the gazetteer does not know ("Haliti, 41," tagged GPE) may join a person."""
    if {unit.kind, kind} == {ORG, PERSON}:
        return True
    return unit.kind == PLACE and kind == PERSON and not _known_place(unit)


@functools.lru_cache(maxsize=20_000)
def _read_profile(kind: str, profile_json: str, max_names: int) -> tuple[dict[str, Any], tuple[NameForm, ...]]:
    """A candidate's profile and the forms of its most frequent names; cached by the profile's text, since the
    same well-known identities are candidates again and again. Callers must not change the returned profile."""
    profile = json.loads(profile_json)
    names = [n for n, _ in Counter(profile.get("names", {})).most_common(max_names)]
    return profile, tuple(f for f in (_form(kind, n) for n in names) if f is not None)


def name_match(unit: Unit, candidate: sqlite3.Row) -> tuple[float, dict[str, Any]]:
    """Name similarity of the unit to a candidate identity (0 when the kinds cannot match), and its profile."""
    cfg = settings()
    kind = candidate["kind"]
    if kind != unit.kind and not _may_cross(unit, kind):
        return 0.0, {}
    profile, theirs_forms = _read_profile(kind, candidate["profile"], cfg["max_candidate_names"])
    if unit.kind == PLACE and kind == PLACE:
        ours = {a["place"] for a in unit.attributes if a.get("place")}
        theirs_places = set(profile.get("place", {}))
        if ours and theirs_places:  # both geocoded: the same gazetteer entry ("Raqqah" = "ar-Raqqa") or not at all
            return (1.0 if ours & theirs_places else 0.0), profile
    forms = [f for f in (_form(kind, n) for n in unit.names) if f is not None]
    name_score = _name_score(forms, theirs_forms, cfg["fuzzy_factor"])
    if kind != unit.kind and name_score < (0.75 if unit.kind == PLACE else 1.0):
        return 0.0, profile
    if kind != unit.kind and kind == PERSON and _lone_word(unit) and any(len(f.tokens) > 1 for f in theirs_forms):
        return 0.0, profile  # "Ford" the company is not Gerald Ford: only a person known by that one word alone
    return name_score, profile


def _lone_bearer(unit: Unit, kind: str, profile: dict[str, Any]) -> bool:
    """A person named in full meeting an identity known only by a lone name ("Vasko" of an earlier report)."""
    return unit.kind == kind == PERSON and bool(_full(unit.forms)) and not any(
        len(n.split()) > 1 for n in profile.get("names", {}))


def score(conn: sqlite3.Connection, unit: Unit, candidate: sqlite3.Row, name_score: float, profile: dict[str, Any],
          context: set[str], published: str | None, contexts: dict[str, set[str]]) -> float:
    """Name similarity plus shared context, minus namesake conflicts (places: name or gazetteer entry only)."""
    cfg = settings()
    kind = candidate["kind"]
    if unit.kind == PLACE and kind == PLACE:
        return name_score
    theirs = context_of(conn, candidate["id"], contexts, cfg["context_documents"])
    shared = context & theirs
    evidence = weights(conn, shared)
    if _lone_bearer(unit, kind, profile) and evidence < cfg["lone_name_min_evidence"]:
        return 0.0  # a full name meets a person known only by the surname: the same evidence as the other way
    bonus = min(cfg["context_cap"], cfg["context_weight"] * evidence)
    penalty = profiles.conflict_penalty(profile, unit.attributes, published, cfg)
    if not shared and min(len(context), len(theirs)) >= cfg["no_shared_context_min"]:
        penalty += cfg["no_shared_context_penalty"]
    if kind != unit.kind:
        penalty += 0.05  # the entity's own type first: a same-named person beats an ORG-typed duplicate
    return name_score + bonus - penalty


def _new_identity_id(conn: sqlite3.Connection, ref: str) -> str:
    digest = hashlib.sha1(ref.encode("utf-8")).hexdigest()
    for i in range(0, len(digest) - 12):
        candidate = "I" + digest[i:i + 12]
        if conn.execute("SELECT 1 FROM identities WHERE id = ?", (candidate,)).fetchone() is None:
            return candidate
    raise RuntimeError(f"no free identity id for {ref}")


def link(conn: sqlite3.Connection, unit: Unit, document_id: str, identity_id: str | None, published: str | None,
         score_: float, method: str) -> str:
    """Attach the unit's entities to `identity_id` (None: a new identity) and update its keys and profile."""
    if identity_id is None:
        identity_id = _new_identity_id(conn, unit.refs[0])
        conn.execute("INSERT INTO identities(id, kind, type, name) VALUES (?, ?, ?, ?)",
                     (identity_id, unit.kind, unit.types.most_common(1)[0][0], unit.names[0]))
    new_document = conn.execute("SELECT 1 FROM entity_links WHERE identity_id = ? AND document_id = ? LIMIT 1",
                                (identity_id, document_id)).fetchone() is None
    conn.executemany(
        "INSERT OR REPLACE INTO entity_links(entity_id, identity_id, document_id, ref, score, method)"
        " VALUES (?, ?, ?, ?, ?, ?)",
        [(e, identity_id, document_id, ref, round(score_, 3), method) for e, ref in zip(unit.entity_ids, unit.refs,
                                                                                        strict=True)])
    documents = profiles.add_to_identity(conn, identity_id, unit.names, unit.types, unit.attributes, published,
                                         1 if new_document else 0)
    kind = conn.execute("SELECT kind FROM identities WHERE id = ?", (identity_id,)).fetchone()[0]
    keys = {k for n in unit.names if (f := _form(kind, n)) is not None for k in blocking_keys(f)}
    keys |= {"g:id:" + a["place"] for a in unit.attributes if a.get("place")}
    if new_document and documents & (documents - 1) == 0:  # the count doubled: lookups should see it higher
        conn.execute("UPDATE identity_keys SET rank = ? WHERE identity_id = ?", (documents, identity_id))
    store_keys(conn, identity_id, keys, documents)
    return identity_id


def _best(conn: sqlite3.Connection, unit: Unit, context: set[str], published: str | None,
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
        for candidate in _candidates(conn, unit, fuzzy):
            if candidate["id"] in seen or (constrained and _forbidden(conn, unit, candidate["id"])):
                continue
            seen.add(candidate["id"])
            name_score, profile = name_match(unit, candidate)
            if name_score > 0.0:
                named.append((name_score, candidate["documents"], candidate, profile))
        named.sort(key=lambda t: (-t[0], -t[1]))  # context is costly: only for the best names
        for name_score, _, candidate, profile in named[:settings()["max_scored"]]:
            value = score(conn, unit, candidate, name_score, profile, context, published, contexts)
            if candidate["id"] in context and value < settings()["same_document_min"] and not (
                    _lone_word(unit) and name_score >= 0.75):
                continue  # in-document grouping kept them apart: only an exact name or a lone surname joins
            if value > best[0]:
                runner_up, best = best[0], (value, candidate["id"], name_score)
            else:
                runner_up = max(runner_up, value)
    ambiguous = best[2] < 1.0 and runner_up >= threshold and best[0] - runner_up < settings()["ambiguity_margin"]
    return best[0], (best[1] if best[0] >= threshold and not ambiguous else None)


def _lone_bearers(conn: sqlite3.Connection, unit: Unit, published: str | None, constrained: bool
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
    for candidate in _candidates(conn, unit, False):
        if constrained and _forbidden(conn, unit, candidate["id"]):
            continue
        name_score, profile = name_match(unit, candidate)
        if unit.kind != PERSON and candidate["kind"] == unit.kind and name_score >= 1.0:
            return None
        if name_score >= floor and not profiles.conflict_penalty(profile, unit.attributes, published, cfg):
            bearers.append((-name_score, -candidate["documents"], candidate["id"]))
            own_kind = own_kind or candidate["kind"] == unit.kind
    if bearers and not own_kind:
        return None
    return [i for *_, i in sorted(bearers)[:cfg["max_scored"]]]  # context is costly: the best-named only


def _initial_and_surname(unit: Unit) -> tuple[str, str] | None:
    """("d", "haliti") for a person named by an initial and a surname ("D. Haliti"), ("d", "h") for initials
    ("D.H."), else None."""
    forms = unit.forms
    if unit.kind != PERSON or not forms or not all(len(f.tokens) == 2 and len(f.tokens[0]) == 1 for f in forms):
        return None
    return forms[0].tokens[0], forms[0].last


def _join_alias_identities(conn: sqlite3.Connection, unit: Unit, identity: str, constrained: bool) -> None:
    """A report that says "the Brigade, also called the Mountain Legion" joins an organisation found earlier
    under only one of its names: another identity holding exactly one of the unit's other names (of two words or
    more) is merged into this one. Organisations only: for people a wrong alias would merge two people's files."""
    fulls = {f.full for f in unit.forms if len(f.tokens) > 1}  # names, not acronyms: "MIT" is many things
    if unit.kind != ORG or len(fulls) < 2:
        return
    from newsintel.resolve.judgements import blocked, merge_identities

    for candidate in _candidates(conn, unit, False):
        if candidate["id"] == identity or candidate["kind"] != ORG or (
                constrained and blocked(conn, identity, candidate["id"]) is not None):
            continue  # an analyst's split or not-same between the two always wins
        names = json.loads(candidate["profile"]).get("names", {})
        if fulls & {f.full for f in (_form(ORG, n) for n in names) if f is not None}:
            merge_identities(conn, identity, candidate["id"], method="alias")


def _lone_surname(unit: Unit) -> str | None:
    """The word of a one-word name that may be a person's surname ("Haliti", even when tagged as a place)."""
    if not _lone_word(unit) or unit.kind == ORG or (unit.kind == PLACE and not _may_cross(unit, PERSON)):
        return None
    form = _form(PERSON, unit.names[0])
    return form.last if form is not None and not form.is_initials else None


def _report_surname(unit: Unit) -> str | None:
    """The word a lone name may be read by against the full names of its own report: a lone surname, or a
    one-word "place" the geocoder did not place ("Bowie" in a report naming David Bowie; a place name the
    gazetteer knows is often a surname too)."""
    if unit.kind == PLACE and _lone_word(unit) and not any(a.get("place") for a in unit.attributes):
        form = _form(PERSON, unit.names[0])
        return form.last if form is not None and not form.is_initials else None
    return _lone_surname(unit)


def _lone_org_word(unit: Unit) -> str | None:
    """The one word of a one-word organisation name ("Texans", "Getty"), None for an acronym or a longer name."""
    if unit.kind != ORG or not _lone_word(unit):
        return None
    form = _form(ORG, unit.names[0])
    if form is None or len(form.tokens) != 1 or unit.names[0].isupper() or len(form.full) < 3:
        return None  # "CHT" is no short form: an acronym joins a name only where a report defines it
    return form.full


def resolve_document(conn: sqlite3.Connection, document_id: str) -> None:
    """Link every person, organisation and place entity of a stored document. Call inside its transaction.

    A lone surname (or given name) is first read against the people this report names in full: one of them, it is
    that person; two or more ("Driton and Besim Haliti"), it stays on its own rather than being given to a third
    Haliti. An initial and a surname ("D. Haliti") or initials ("D.H.") are read the same way against the full
    names they fit, and a one-word organisation name ("Texans") against the report's longer ones ("Houston Texans").
    """
    row = conn.execute("SELECT published FROM documents WHERE id = ?", (document_id,)).fetchone()
    published = row["published"] if row else None
    constrained = conn.execute("SELECT 1 FROM judgements WHERE kind != 'merge' LIMIT 1").fetchone() is not None
    context: set[str] = set()
    contexts: dict[str, set[str]] = {}
    report = ReportNames()
    acronyms = defined_acronyms(conn, document_id)
    identity_of: dict[str, str] = {}  # entity id -> identity, for the acronyms the report defines
    deferred: list[Unit] = []  # lone names decided by context: once the rest of the report is linked

    def settle(unit: Unit, linked: str | None, value: float, initial: tuple[str, str] | None) -> None:
        identity = link(conn, unit, document_id, linked, published, value if linked else 1.0,
                        "name" if linked else "new")
        _join_alias_identities(conn, unit, identity, constrained)
        if unit.kind == ORG and _lone_org_word(unit) is not None:
            absorb_earlier_persons(conn, identity, unit.names[0])
        context.add(identity)
        contexts.pop(identity, None)
        identity_of.update(dict.fromkeys(unit.entity_ids, identity))
        if unit.kind == PERSON and initial is None:
            report.add_person(unit.forms, identity)
        elif unit.kind == ORG:
            report.add_org(unit.forms, identity)

    for unit in _units(conn, document_id):
        if not read_as_known_org(conn, unit):  # "Equifax" tagged PERSON where the store knows the company
            settle_kind(conn, unit)  # a one-word name is read as the type the store's documents vote for
        initial = _initial_and_surname(unit)
        if unit.kind == ORG:
            defining = acronyms.get(unit.names[0]) if _lone_word(unit) else None
            named = {identity_of[defining]} if defining in identity_of else report.org(_lone_org_word(unit))
        else:
            named = report.person(_report_surname(unit), initial)
        if len(named) == 1:
            settle(unit, next(iter(named)), 0.75, initial)
        elif len(named) > 1:
            settle(unit, None, 1.0, initial)
        elif initial is None and (_lone_surname(unit) or _lone_org_word(unit)) and _lone_bearers(
                conn, unit, published, constrained) is not None:
            deferred.append(unit)
        else:
            value, linked = _best(conn, unit, context, published, contexts, constrained)
            settle(unit, linked, value, initial)
    cfg = settings()
    for unit in deferred:  # bearers read again: an earlier lone name of this report may be one now
        bearers = _lone_bearers(conn, unit, published, constrained)
        if bearers is None:  # now a name of another kind's identity: scored as any name
            value, linked = _best(conn, unit, context, published, contexts, constrained)
        else:
            linked, evidence = dominant(conn, bearers, context, contexts, cfg)
            value = 0.75 + min(cfg["context_cap"], cfg["context_weight"] * evidence)
        settle(unit, linked, value, None)
    for identity in set(identity_of.values()):
        settle_new_identity(conn, identity)
    from newsintel.resolve.judgements import apply_merges_for

    apply_merges_for(conn, document_id)
