"""`newsintel export ftm`: FollowTheMoney entities, one JSON object a line, to load into Aleph (`ftm` / alephclient).

- people and groups: `Person` / `Organization` (name, other spellings as `alias`, nationalities, gender when the
  reports agree), places: `Address` (name, country, coordinates where the geocoder put it);
- each stored report: `Article` (title, publisher, date, URL, author, language, body text), and a `Documentation`
  linking it to every person, group and place it names (role "mentioned");
- events: `Event` (type and trigger, modality in the name unless asserted, the sentence as summary, who did what to
  whom, speaker, confidence and offsets in the description, `involved` people and groups, `addressEntity` places,
  `date` only from the event's own time expression, as precise as stated, `proof` its Article);
- relations between resolved identities: `Membership` (MEMBER, POSITION to a group), `Family` (FAMILY, SPOUSE),
  `Associate` (ASSOCIATE), else `UnknownLink` (OPPOSES), each with its sentence and `proof`.
Ids are deterministic (same store, same ids), so a re-export updates a collection instead of duplicating it. Every
value goes through followthemoney's own cleaning for its property type; a value it refuses (a URL it cannot parse)
is left out and counted in `dropped`. Suppressed identities are never exported; unresolved names are not entities.
Only documents at or under the TLP ceiling (`--tlp-max`, default clear) are exported, and an identity only when one
of them names it, with the name, spellings and attributes they give (exports/base.Ceiling).
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable
from typing import Any, TextIO

from newsintel.exports.base import DEFAULT_TLP_MAX, DocumentContext, Exporter, fact_date
from newsintel.facts import EventRecord, RelationRecord
from newsintel.resources import load_yaml
from newsintel.store import export_pages

PREFIX = "newsintel"
SCHEMA_OF_KIND = {"person": "Person", "org": "Organization", "place": "Address"}
ROLE_WORDS = {"actors": "actors", "targets": "targets", "location": "at", "origin": "from", "destination": "to",
              "via": "via"}
PLACE_ROLES = ("location", "origin", "destination", "via")
CLEAN_CACHE = 50_000  # values remembered per property type
_UNSEEN = object()


def entity_id(*parts: str) -> str:
    """A stable FtM id: PREFIX-<identity id>, PREFIX-doc-<document id>, or PREFIX-<kind>-<hash of what
    identifies it>."""
    if len(parts) == 1 or (len(parts) == 2 and parts[0] == "doc"):
        return "-".join((PREFIX, *parts))
    digest = hashlib.sha1("\x1f".join(parts).encode("utf-8")).hexdigest()[:24]
    return f"{PREFIX}-{parts[0]}-{digest}"


def _country_codes() -> dict[str, str]:
    """Demonym ("Belgian") -> lower-case ISO country code, from data/demonyms.yaml."""
    out = {}
    for key, words in load_yaml("demonyms.yaml").items():
        if isinstance(key, str) and len(key) == 2 and key.isupper():
            out.update({w.lower(): key.lower() for w in words})
    return out


class FtmExporter(Exporter):
    name = "ftm"

    def __init__(self, conn: Any, tlp_max: str = DEFAULT_TLP_MAX) -> None:
        super().__init__(conn, tlp_max)
        from followthemoney import model  # the `sharing` extra

        self.model = model
        self.countries = _country_codes()
        self.counts: dict[str, int] = {"dropped": 0}
        self._cleaned: dict[str, dict[str, str | None]] = {}  # type -> short value -> cleaned
        self._cleaners: dict[tuple[str, str], Callable[[Any], str | None]] = {}

    def entity(self, schema: str, id_: str, properties: dict[str, list[Any]]) -> dict[str, Any]:
        """The entity as FtM JSON, every value cleaned by its property's type (refused values counted)."""
        props: dict[str, list[str]] = {}
        for name, values in properties.items():
            kept: list[str] = []
            clean = None
            for value in values:
                if value is None or value == "":
                    continue
                if clean is None:
                    clean = self._cleaner(schema, name)
                cleaned = clean(value)
                if cleaned is None:
                    self.counts["dropped"] += 1
                elif cleaned not in kept:
                    kept.append(cleaned)
            if kept:
                props[name] = kept
        self.counts[schema] = self.counts.get(schema, 0) + 1
        return {"id": id_, "schema": schema, "properties": props}

    def _cleaner(self, schema: str, name: str) -> Callable[[Any], str | None]:
        """followthemoney's cleaning for the property's type, remembering short text values (the same identity,
        article and country values recur in thousands of entities) in a bounded memory per type."""
        key = (schema, name)
        if key not in self._cleaners:
            type_ = self.model.get(schema).get(name).type
            memory = self._cleaned.setdefault(type_.name, {})

            def clean(value: Any) -> str | None:
                if not isinstance(value, str) or len(value) > 200:
                    return type_.clean(value)
                found = memory.get(value, _UNSEEN)
                if found is _UNSEEN:
                    if len(memory) >= CLEAN_CACHE:
                        memory.clear()
                    found = memory[value] = type_.clean(value)
                return found

            self._cleaners[key] = clean
        return self._cleaners[key]

    def write(self, out: TextIO) -> dict[str, int]:
        def emit(entity: dict[str, Any]) -> None:
            out.write(json.dumps(entity, ensure_ascii=False, sort_keys=True) + "\n")

        batch: list[Any] = []
        for row in export_pages.identities(self.db):
            batch.append(row)
            if len(batch) == export_pages.PAGE:
                for entity in self._identities(batch):
                    emit(entity)
                batch = []
        for entity in self._identities(batch):
            emit(entity)
        for doc in DocumentContext.admitted(self.db, self.ceiling, ("events", "relations")):
            for entity in self._document(doc):
                emit(entity)
        return dict(self.counts)

    def _identities(self, rows: list[Any]):
        views = self.ceiling.identities(rows)
        for row in rows:
            view = views.get(row["id"])
            if view is None:  # no admitted document names it
                continue
            names = sorted(n for n in view.names if n != view.name)
            props: dict[str, list[Any]] = {"name": [view.name], "alias": names,
                                           "description": [f"newsintel identity {row['id']}, named in"
                                                           f" {view.count} report"
                                                           + ("" if view.count == 1 else "s")]}
            if row["kind"] == "person":
                props["nationality"] = sorted({c for n in view.profile("nationality")
                                               if (c := self.countries.get(n.lower()))})
                genders = view.profile("gender")
                props["gender"] = genders if len(genders) == 1 else []
            if row["kind"] == "place":
                point = view.point
                props = {"full": [view.name], "name": [view.name], "alias": names,
                         "description": props["description"]}
                if point:
                    props |= {"latitude": [f"{point[0]:.5f}"], "longitude": [f"{point[1]:.5f}"],
                              "country": [(point[2] or "").lower()]}
            yield self.entity(SCHEMA_OF_KIND[row["kind"]], entity_id(row["id"]), props)

    def _document(self, doc: DocumentContext):
        row = doc.row
        article = entity_id("doc", doc.id)
        yield self.entity("Article", article, {
            "name": [row["title"] or doc.id], "title": [row["title"]], "publisher": [row["source"]],
            "publishedAt": [row["published"]], "sourceUrl": [row["url"]], "author": [row["author"]],
            "language": [row["language"]], "bodyText": [row["text"]],
            "description": [f"newsintel document {doc.id}, read from {row['origin']}"]})
        named = sorted({r["identity"] for r in doc.entities.values() if r["identity"]})
        for identity in named:
            yield self.entity("Documentation", entity_id("mention", doc.id, identity), {
                "document": [article], "entity": [entity_id(identity)], "role": ["mentioned"]})
        for fact_row in doc.facts["events"]:
            yield self._event(json.loads(fact_row["data"]), doc, article)
        for fact_row in doc.facts["relations"]:
            link = self._relation(json.loads(fact_row["data"]), doc, article)
            if link is not None:
                yield link

    def _event(self, fact: EventRecord, doc: DocumentContext, article: str) -> dict[str, Any]:
        modality = fact.get("modality") or "asserted"
        name = f"{fact['type']}: {fact.get('trigger')}" if modality == "asserted" else \
            f"{fact['type']} ({modality}): {fact.get('trigger')}"
        involved, places, countries, said = [], [], [], []
        for role in ("actors", "targets", *PLACE_ROLES):
            for arg in fact.get(role) or []:
                linked = doc.identity(arg.get("entity"))
                said.append(f"{ROLE_WORDS[role]}: {arg.get('text')}")
                if linked is None:
                    continue
                if linked["identity_kind"] in ("person", "org") and role in ("actors", "targets"):
                    involved.append(entity_id(linked["identity"]))
                elif linked["identity_kind"] == "place" and role in PLACE_ROLES:
                    places.append(entity_id(linked["identity"]))
                    countries.append((linked["country"] or "").lower())
        attribution = fact.get("attribution") or {}
        speaker = (attribution.get("speaker") or {}).get("text")
        when = fact_date(fact, doc.row["published"])
        dated = when["dated_by"] == "event"
        exact = dated and when["date_precision"] in ("day", "month", "year")
        description = "; ".join([*said, f"modality: {modality}",
                                 f"said by: {speaker} ({attribution.get('cue')})" if speaker else "said by: the report",
                                 f"confidence: {fact.get('confidence')}",
                                 f"when: {when['date'] or 'not stated'}"
                                 + (f" ({when['date_precision']})" if dated else ""),
                                 f"source: document {doc.id}, sentence {fact['sentence']},"
                                 f" characters {fact['start']}-{fact['end']}"])
        return self.entity("Event", entity_id("event", doc.id, str(fact["start"]), str(fact["end"]), fact["type"]), {
            "name": [name], "summary": [doc.sentence_text(fact["sentence"])], "description": [description],
            "involved": involved, "addressEntity": places, "country": countries,
            "location": [a.get("text") for r in PLACE_ROLES for a in fact.get(r) or []],
            "date": [when["date"]] if exact else [],
            "startDate": [when["date_start"]] if dated and not exact else [],
            "endDate": [when["date_end"]] if dated and not exact else [],
            "proof": [article], "publisher": [doc.row["source"]], "sourceUrl": [doc.row["url"]]})

    def _relation(self, fact: RelationRecord, doc: DocumentContext, article: str) -> dict[str, Any] | None:
        subject = doc.identity((fact.get("subject") or {}).get("entity"))
        obj = doc.identity((fact.get("object") or {}).get("entity"))
        if subject is None or obj is None or subject["identity"] == obj["identity"]:
            return None
        kinds, kind = (subject["identity_kind"], obj["identity_kind"]), fact["type"]
        if "place" in kinds or kind == "ALIAS":
            return None
        a, b = entity_id(subject["identity"]), entity_id(obj["identity"])
        common = {"summary": [doc.sentence_text(fact["sentence"])], "proof": [article],
                  "description": [f"{kind} ({fact.get('role') or 'no role stated'}); confidence:"
                                  f" {fact.get('confidence')}; source: document {doc.id}, sentence"
                                  f" {fact['sentence']}, characters {fact['start']}-{fact['end']}"]}
        id_ = entity_id("link", doc.id, kind, str(fact["start"]), str(fact["end"]), a, b)
        if kind in ("MEMBER", "POSITION") and kinds[1] == "org":
            return self.entity("Membership", id_, {"member": [a], "organization": [b], "role": [fact.get("role")],
                                                   **common})
        if kind in ("FAMILY", "SPOUSE") and kinds == ("person", "person"):
            return self.entity("Family", id_, {"person": [a], "relative": [b],
                                               "relationship": [fact.get("role") or kind.lower()], **common})
        if kind == "ASSOCIATE" and kinds == ("person", "person"):
            return self.entity("Associate", id_, {"person": [a], "associate": [b],
                                                  "relationship": [fact.get("role") or "associate"], **common})
        return self.entity("UnknownLink", id_, {"subject": [a], "object": [b], "role": [kind.lower()], **common})
