"""What every analyst view shares: finding an identity by name, its member entities, and the source of a fact.

An identity an analyst suppressed (`newsintel suppress`: page furniture, a headline fragment) is found by no
lookup here and named on no fact, so no view shows it.

A fact is shown exactly as extracted (the JSON stored with it) plus its `source`: document id, title, date,
publisher and the sentence it came from, so every line of every view can be checked against the report.
"""

from __future__ import annotations

import json
import re
from collections.abc import Collection
from typing import Any

from newsintel import datevalues
from newsintel.facts import Fact
from newsintel.nlp.gazetteer import load_gazetteer
from newsintel.resolve.names import ORG, PERSON, PLACE, blocking_keys, form_of, similarity
from newsintel.resolve.place_names import place_ref
from newsintel.resources import event_types_meaning, load_yaml
from newsintel.store import fact_reads
from newsintel.store.fact_reads import identity_of_entities  # noqa: F401  (read from here by evaluation/audit.py)
from newsintel.store.gateway import Database, wrap
from newsintel.store.identity_index import identities_for_keys

MOVEMENT_TYPES = tuple(sorted(event_types_meaning("movement")))  # events.yaml `means`
STATUS = {"asserted": "done", "attempted": "attempted", "intended": "intended", "future": "intended",
          "hedged": "hedged", "conditional": "conditional", "negated": "denied"}
NOT_STOPPED = "not stopped"  # "is not preventing them from leaving": no one is said to have left
# Where someone is comes only from what happened or was tried (also when hedged): never from a denied, conditional,
# planned or future event ("if he were to go to Syria" puts no one in Syria).
WHERE_STATUSES = ("done", "attempted", "hedged")


LOOKUP_LIMIT = 200  # identities read per name looked up: the best-known first, however common the name


def find_identities(conn: Database, query: str, limit: int = 5) -> list[Any]:
    """Identities for an id, id prefix or name (the name shown, such as a place's "Raqqa, Syria", any spelling the
    resolver knows, or for a place any name the gazetteer knows), best match first."""
    conn = wrap(conn)
    rows = fact_reads.identities_by_id(conn, query)
    if len(rows) == 1:
        return rows
    found: dict[str, tuple[float, Any]] = {}
    for row in fact_reads.identities_named(conn, " ".join(query.split()), limit):
        found[row["id"]] = (2.0 + row["documents"] / 1e6, row)  # the shown name, exactly: ahead of spellings
    _match_names(conn, query, found, ())
    if not found:  # a place under a name no report used: any name the gazetteer knows ("Ar Raqqah")
        refs = {ref for p in load_gazetteer().lookup(query.split(",")[0])
                if (ref := place_ref(p.geonameid, p.lat, p.lon))}
        _match_names(conn, query, found, refs)
    ranked = sorted(found.values(), key=lambda t: (-t[0], -t[1]["documents"]))
    return [r for _, r in ranked[:limit]]


def _match_names(conn: Database, query: str, found: dict[str, tuple[float, Any]],
                 refs: Collection[str]) -> None:
    """Add to `found` the identities whose names are like `query` (or, for places, that resolved to one of the
    gazetteer entries `refs`), scored by name similarity."""
    for kind in (PERSON, ORG, PLACE):
        form = form_of(kind, query)
        if form is None:
            continue
        extra = {f"g:id:{r}" for r in refs} if kind == PLACE else set()
        for row in identities_for_keys(conn, blocking_keys(form) | extra, LOOKUP_LIMIT):
            if row["kind"] != kind or row["suppressed"]:
                continue
            profile = json.loads(row["profile"])
            best = max((similarity(form, f) for n in profile.get("names", {})
                        if (f := form_of(kind, n)) is not None), default=0.0)
            if kind == PLACE and set(refs) & set(profile.get("place", {})):
                best = max(best, 0.9)
            if best >= 0.7 and best + row["documents"] / 1e6 > found.get(row["id"], (0.0,))[0]:
                found[row["id"]] = (best + row["documents"] / 1e6, row)


class Sources:
    """Adds a `source` to facts; caches documents with their sentence spans, read a batch of documents at a time
    (`prefetch`) so a view makes a few queries, not a few per fact (each one a round trip on PostgreSQL)."""

    def __init__(self, conn: Database) -> None:
        self.conn = wrap(conn)
        self._docs: dict[str, Any] = {}
        self._spans: dict[str, dict[int, tuple[int, int]]] = {}

    def prefetch(self, doc_ids: Collection[str]) -> None:
        """Read the documents (and their sentence spans) not read yet."""
        missing = sorted({d for d in doc_ids if d not in self._docs})
        for start in range(0, len(missing), fact_reads.BATCH):
            batch = missing[start:start + fact_reads.BATCH]
            rows = {r["id"]: r for r in fact_reads.document_rows(self.conn, batch)}
            spans: dict[str, dict[int, tuple[int, int]]] = {d: {} for d in batch}
            for doc_id, idx, first, end in fact_reads.sentence_spans(self.conn, batch):
                spans[doc_id][idx] = (first, end)
            for doc_id in batch:
                self._docs[doc_id], self._spans[doc_id] = rows.get(doc_id), spans[doc_id]

    def document(self, doc_id: str) -> Any:
        self.prefetch((doc_id,))
        return self._docs[doc_id]

    def source(self, doc_id: str, sentence: int) -> dict[str, Any]:
        doc = self.document(doc_id)
        span = self._spans[doc_id].get(sentence)
        text = doc["text"][span[0]:span[1]] if span else ""
        if sentence < 0:  # a fact read from the headline (extract/headlines.py): its sentence is the title
            text = doc["title"] or ""
        return {"document": doc_id, "title": doc["title"], "published": doc["published"],
                "publisher": doc["source"], "sentence": sentence, "sentence_text": " ".join(text.split())}

    def fact(self, doc_id: str, data: str | Fact) -> dict[str, Any]:
        fact = json.loads(data) if isinstance(data, str) else dict(data)
        fact["source"] = self.source(doc_id, fact["sentence"])
        if "reported_by" in fact:  # a partner's fact (`newsintel import`): who reports it, with its grades
            fact["source"]["reported_by"] = fact.pop("reported_by")
        return fact


def status_of(fact: dict[str, Any], role: str | None = None) -> str:
    """The status a view shows for an event, seen from its participant in `role` ("actors", "targets"; None: the
    event as a whole): done, attempted, intended (planned or future), hedged, conditional, denied. An event that was
    stopped ("border guards prevented them from crossing") was attempted; one that nobody stopped ("the army is not
    preventing civilians from leaving") is NOT_STOPPED: no one is said to have done it. An actor whose part rests on
    its own claim ("the group claimed responsibility for the bombing") is hedged."""
    blocked = fact.get("blocked_by")
    if blocked and fact["modality"] == "negated":
        return NOT_STOPPED if blocked.get("negated") else "attempted"
    status = STATUS.get(fact["modality"], fact["modality"])
    if status == "done" and role != "targets" and _self_claimed(fact):
        return "hedged"
    return status


def _self_claimed(fact: dict[str, Any]) -> bool:
    att = fact.get("attribution") or {}
    if (att.get("cue") or "").lower() not in whereabouts()["self_claim_cues"]:
        return False
    speaker = att.get("speaker") or {}
    return any((speaker.get("entity") and a.get("entity") == speaker["entity"]) or a.get("text") == speaker.get("text")
               for a in fact.get("actors", []))


def whereabouts() -> dict[str, Any]:
    """The rules of data/whereabouts.yaml: which events put a participant at the event's place."""
    return load_yaml("whereabouts.yaml")


def _words(words: list[str]) -> re.Pattern[str]:
    return re.compile(r"\b(?:" + "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True)) + r")s?\b",
                      re.I)


def remote_attack(fact: dict[str, Any], words: str = "remote_attack_words") -> bool:
    """An attack by remote means (air strikes, missiles, shelling): its agent is not at the target's place. With
    `words="virtual_attack_words"`: an attack on computers, which puts nobody anywhere."""
    pattern = _words(whereabouts()[words])
    texts = [fact.get("trigger") or "", *(a.get("text") or "" for a in fact.get("actors", [])),
             (fact.get("source") or {}).get("sentence_text") or ""]
    return any(pattern.search(t) for t in texts)


def where_places(fact: dict[str, Any], role: str) -> list[dict[str, Any]]:
    """The places of an event at which its participant in `role` was (data/whereabouts.yaml): its location, or where
    a movement that happened ended; none from an event that did not happen or was only planned, from a threat, for a
    target of an event that puts no target anywhere (a group joined), for the agent of an attack by remote means,
    for anyone in a cyber attack, for the parties of an agreement (its place is mostly a party's country), at a
    country named as a party ("a war with Argentina", "agreements with Japan and the U.S."),
    at the destination of a setting out ("boarded a plane for Germany") or in a region naming a destination not
    reached ("a flight to Omaha, Nebraska"), at the destination of those an actor moved ("moved villagers to Kabul"),
    or for a place that is a facility's owner ("Germany's consulate in Mazar-i-Sharif": Germany is no place of the
    attack) or a facility taken for a place (an embassy geocoded as a town)."""
    rules = whereabouts()
    status = status_of(fact, role)
    if status not in WHERE_STATUSES or fact["type"] in rules["no_place"].get(role, ()):
        return []
    if role == "targets" and fact["type"] not in rules["target_types"]:
        return []
    if fact["type"] == "ATTACK" and ((role == "actors" and remote_attack(fact))
                                     or remote_attack(fact, "virtual_attack_words")):
        return []
    arrived = status == "done" and not _sets_out(fact) and not (role == "actors" and moves_others(fact))
    places = fact.get("location") or (fact.get("destination") if arrived else []) or []
    if not arrived:
        places = [p for p in places if not _names_destination(p, fact)]
    return [p for p in places if not _owner_or_facility(p, fact) and not _named_as_party(p, fact)]


def _trigger_starts_with(fact: dict[str, Any], key: str) -> bool:
    words = (fact.get("trigger") or "").lower().split()
    return bool(words) and words[0] in whereabouts()[key]


def _sets_out(fact: dict[str, Any]) -> bool:
    """"boarded a plane for Germany", "left for Istanbul", "heading to Dallas", "was walking to the harbour": the
    destination is not reached in this event."""
    return _trigger_starts_with(fact, "departure_words") or _under_way(fact)


def _under_way(fact: dict[str, Any]) -> bool:
    """A one-word "-ing" trigger right after "was"/"were" in its sentence (data/whereabouts.yaml)."""
    trigger = (fact.get("trigger") or "").lower()
    sentence = ((fact.get("source") or {}).get("sentence_text") or "").lower()
    if " " in trigger or not trigger.endswith("ing"):
        return False
    auxiliaries = "|".join(map(re.escape, whereabouts()["progressive_auxiliaries"]))
    return bool(re.search(rf"\b(?:{auxiliaries})\s+(?:\w+\s+)?{re.escape(trigger)}\b",
                          sentence))


def moves_others(fact: dict[str, Any]) -> bool:
    """"police moved people away from the square": a movement its actor makes others do; the one moved is the
    target, so the actor is not heading anywhere (data/whereabouts.yaml `moves_others_words`)."""
    return bool(fact.get("targets")) and _trigger_starts_with(fact, "moves_others_words")


def _names_destination(place: dict[str, Any], fact: dict[str, Any]) -> bool:
    """A "location" that only names the region of a destination not reached ("a flight to Omaha, Nebraska")."""
    sentence = (fact.get("source") or {}).get("sentence_text") or ""
    text = place.get("text") or ""
    return bool(text) and any(
        re.search(re.escape(d["text"]) + r",\s*" + re.escape(text) + r"(?!\w)", sentence)
        for d in fact.get("destination", []) if d.get("text"))


# A run of capitalised names joined by commas, "and", "or" or "&", each maybe after "the" ("Japan and the U.S.")
_NAME = r"[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*)*"
_LIST_BEFORE = r"\s+(?:the\s+)?(?:" + _NAME + r"\s*(?:,|\band\b|\bor\b|&)\s*(?:the\s+)?)*"


def _named_as_party(place: dict[str, Any], fact: dict[str, Any]) -> bool:
    """A place named as a party of the event, not where it happened: "a war with Argentina", "agreements with
    Japan and the U.S.", "sanctions against Iran" (data/whereabouts.yaml `party_prepositions`), unless the
    sentence also has it after "in", "at" or "to"."""
    sentence = (fact.get("source") or {}).get("sentence_text") or ""
    text = place.get("text") or ""
    if not text or not sentence:
        return False
    words = "|".join(re.escape(w) for w in whereabouts()["party_prepositions"])
    tail = re.escape(text) + r"(?![\w-])"
    party = re.search(r"\b(?i:" + words + ")" + _LIST_BEFORE + tail, sentence)
    return bool(party) and not re.search(r"\b(?i:in|at|to|inside|into)\s+(?:the\s+)?" + tail, sentence)


def _owner_or_facility(place: dict[str, Any], fact: dict[str, Any]) -> bool:
    facility = _words(whereabouts()["owned_facility_words"])
    text = place.get("text") or ""
    if facility.search(text):
        return True
    owner = re.compile(re.escape(text) + r"(?:'s|’s|')?\s+(?:\w+\s+){0,2}?" + facility.pattern, re.I)
    return any(owner.search(a.get("text") or "") for role in ("actors", "targets", "location")
               for a in fact.get(role, []) if a is not place)


def heads_somewhere(fact: dict[str, Any], role: str,
                    places: tuple[str, ...] = ("destination", "origin", "via")) -> bool:
    """Does the event move its participant in `role` ("actors", "targets") and say where (a heading line)? The
    mover is the actor, or the target of a movement done to people (repatriated, smuggled, evacuated); a movement
    nobody stopped ("not preventing them from leaving") moved no one."""
    if fact["type"] not in MOVEMENT_TYPES or not any(fact.get(p) for p in places):
        return False
    if role == "targets" and fact["type"] not in whereabouts()["moved_targets"]:
        return False
    if role == "actors" and moves_others(fact):  # "police moved people away": the people moved, not the police
        return False
    return status_of(fact, role) != NOT_STOPPED


def through_unsure_pronoun(fact: dict[str, Any], role: str, identity_id: str) -> bool:
    """Does the identity take part in the event only as an "it"/"its" whose antecedent is not named in the
    sentence ("Last month it signed ..." read as a station named in the sentence before)? Such a reading is too
    often wrong for a where or heading line (data/whereabouts.yaml `unsure_pronouns`)."""
    args = [a for a in fact.get(role, []) if a.get("identity") == identity_id]
    sentence = ((fact.get("source") or {}).get("sentence_text") or "").lower()
    unsure = whereabouts()["unsure_pronouns"]
    return bool(args) and all((a.get("mention") or "").lower() in unsure and (a.get("text") or "").lower()
                              not in sentence for a in args)


def said_by(fact: dict[str, Any]) -> str | None:
    """Who a fact is attributed to, or None when the reporter states it."""
    att = fact.get("attribution")
    if not att:
        return None
    speaker = att["speaker"]  # a pronoun naming no one is shown as such (extract/speakers.py)
    return f"{speaker['text']} [unresolved]" if speaker.get("unresolved") else speaker["text"]


def _when(value: str | None, precision: str | None, published: str | None
          ) -> tuple[str | None, str | None, str | None]:
    """(normalised value, its precision, "event" or "report"): the event's own date when known, else the report's
    publication day."""
    if value and datevalues.precision_of(value):
        return value, precision or datevalues.precision_of(value), "event"
    return (published[:10], "day", "report") if published else (None, None, None)


def _date_value(fact: dict[str, Any]) -> tuple[str | None, str | None, str | None]:
    time = fact.get("time") or {}
    if time.get("undated") and not time.get("value"):  # background, or a time of its own we cannot place
        return None, None, None
    return _when(time.get("value"), time.get("precision"), (fact.get("source") or {}).get("published"))


def fact_date(fact: dict[str, Any]) -> str | None:
    """The fact's date as shown, no more precise than it is: "2013-05-03", "2013-05", "summer 2013", "2013" (never
    2013-01-01 for a year); the event's own date when known, else the report's publication day."""
    value, precision, _ = _date_value(fact)
    return datevalues.label(value, precision)


def date_fields(fact: dict[str, Any]) -> dict[str, Any]:
    """What every view adds about a fact's date: `date` (as shown), `date_precision` (day, week, month, season, year,
    decade, range), `date_range` (first and last ISO day it covers) and `dated_by` ("event": its own time
    expression; "report": the publication day, for an event with no date of its own)."""
    return _fields(*_date_value(fact))


def when_fields(value: str | None, published: str | None) -> dict[str, Any]:
    """`date_fields` of a normalised time value (a figure's events' time span), else of the publication day."""
    return _fields(*_when(value, None, published))


def _fields(value: str | None, precision: str | None, by: str | None) -> dict[str, Any]:
    first, _, last = (value or "").partition("/")
    return {"date": datevalues.label(value, precision), "date_precision": precision,
            "date_range": [first[:10], (last or first)[:10]] if value else None, "dated_by": by}


def date_order(fact: dict[str, Any]) -> tuple[str, int]:
    """Chronological sort key of a fact (as extracted, or with `date_fields`): the first day its date covers, and
    for the same first day the wider date first ("2013" before "2013-01-05"); undated first. Latest-first lists
    use it reversed."""
    if "date_range" in fact:
        span = fact["date_range"]
        return datevalues.order_key("/".join(span) if span else None)
    return datevalues.order_key(_date_value(fact)[0])
