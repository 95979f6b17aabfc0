"""Generated reports for the resolution scale test: many people (Zipf-distributed, so some recur in thousands of
reports and most in a few), spelled in varied ways, at real gazetteer places, with ages and nationalities.

The generator builds `Record`s directly, with exact offsets, so a 100k-document store can be made in minutes: it
measures resolution and the store at scale, not the NLP (whose throughput `ingest_bench` measures on real text).
"""

from __future__ import annotations

import hashlib
import random
from collections.abc import Iterator
from dataclasses import dataclass

from newsintel.model import DocumentInfo, Entity, Mention, Record, Sentence
from newsintel.nlp.gazetteer import load_gazetteer

FIRST = ["Mohammed", "Ahmad", "Yusuf", "Omar", "Ali", "Hassan", "Ibrahim", "Khalid", "Mustafa", "Driton", "Arben",
         "Blerim", "Emir", "Senad", "Jasmin", "Fjolla", "Lejla", "Amina", "Aisha", "Fatima", "Dennis", "Jan",
         "Marc", "Sophie", "Ercan", "Mehmet", "Samir", "Karim", "Walid", "Said", "Bilal", "Hamza", "Anton", "Igor",
         "Sergei", "Dmitri", "Elvira", "Mirela", "Besim", "Kushtrim", "Leutrim", "Almir", "Adnan", "Tarik", "Nadia"]
VARIANTS = {"Mohammed": ["Mohamed", "Muhammad", "Mohammad"], "Ahmad": ["Ahmed"], "Yusuf": ["Youssef", "Yousef"],
            "Omar": ["Umar"], "Hassan": ["Hasan"], "Khalid": ["Khaled"], "Mustafa": ["Moustafa"],
            "Sergei": ["Sergey"], "Dmitri": ["Dmitry"]}
SYLLABLES = ["ha", "li", "ti", "be", "na", "mu", "ja", "no", "vic", "ze", "qi", "ri", "as", "lan", "og", "lu",
             "kra", "sni", "ki", "do", "ra", "ma", "ko", "ser", "bar", "zi", "ha", "dad", "kur", "to", "vi", "ć"]
NATIONALITIES = ["Belgian", "Bosnian", "Kosovar", "Albanian", "Turkish", "German", "Dutch", "French", "Syrian",
                 "Iraqi", "Tunisian", "Moroccan", "Russian", "Serbian", "Macedonian"]
ORGS = ["Islamic State", "Europol", "Interpol", "Kosovo Police", "Syrian Democratic Forces", "Border Police",
        "Special Prosecution Office", "State Investigation and Protection Agency", "Federal Prosecutor's Office"]


@dataclass(slots=True)
class Person:
    first: str
    last: str
    born: int
    nationality: str

    def spelled(self, rng: random.Random) -> str:
        first = rng.choice([self.first, *VARIANTS.get(self.first, [])])
        last = self.last.replace("q", "k") if "q" in self.last and rng.random() < 0.3 else self.last
        return f"{first} {last}" if rng.random() < 0.85 else last


def _surname(rng: random.Random) -> str:
    word = "".join(rng.choice(SYLLABLES) for _ in range(rng.randint(2, 4)))
    return word[:1].upper() + word[1:]


class Generator:
    def __init__(self, people: int, seed: int = 7, reports_seed: int | None = None) -> None:
        """`seed` fixes the population (people, places, groups); `reports_seed`, when given, draws a different
        stream of reports about that same population, so probe reports are unseen by a store grown from `seed`."""
        self.rng = random.Random(seed)
        self.people = [Person(self.rng.choice(FIRST), _surname(self.rng), self.rng.randint(1960, 2004),
                              self.rng.choice(NATIONALITIES)) for _ in range(people)]
        gazetteer = load_gazetteer()
        cities = (gazetteer.place(row) for row in range(len(gazetteer.rows)))
        names = sorted({p.name for p in cities if p.kind == "city" and p.population >= 20_000})
        self.places = self.rng.sample(names, min(3000, len(names)))
        self.orgs = ORGS + [f"{_surname(self.rng)} Brigade" for _ in range(200)]
        self._index = {id(p): i for i, p in enumerate(self.people)}
        self.last_truth: dict[str, int] = {}  # the last record's person entities -> the person they name
        if reports_seed is not None:
            self.rng = random.Random(reports_seed)

    def _zipf(self, items: list, s: float = 1.1):
        index = int(self.rng.paretovariate(s)) - 1
        return items[index % len(items)] if self.rng.random() < 0.5 else self.rng.choice(items)

    def record(self, n: int) -> Record:
        rng = self.rng
        year = rng.randint(2015, 2026)
        published = f"{year}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
        parts: list[str] = []
        entities: dict[tuple[str, str], Entity] = {}
        events: list[dict] = []
        sentences: list[Sentence] = []
        offset = 0

        truth: dict[str, int] = {}

        def put(text: str, type_: str | None = None, sentence: int = 0, who: Person | None = None) -> dict:
            nonlocal offset
            start, end = offset, offset + len(text)
            parts.append(text)
            offset = end
            if type_ is None:
                return {}
            entity = entities.setdefault((type_, text), Entity(id=f"syn{n}-e{len(entities)}", name=text,
                                                                 type=type_))
            if who is not None:  # the same spelling for two people in one report stays the first one's
                truth.setdefault(entity.id, self._index[id(who)])
            entity.mentions.append(Mention(text, start, end, sentence, type_))
            return {"text": text, "entity": entity.id}

        for s in range(rng.randint(3, 6)):
            begin = offset
            person, other = self._zipf(self.people), self._zipf(self.people)
            a, b = rng.choice(self.places), rng.choice(self.places)
            actor = put(person.spelled(rng), "PERSON", s, person)
            put(f", {year - person.born}, a {person.nationality} national, travelled from ", None, s)
            origin = put(a, "GPE", s)
            put(" to ", None, s)
            destination = put(b, "GPE", s)
            put(" with ", None, s)
            put(other.spelled(rng), "PERSON", s, other)
            put(", ", None, s)
            org = put(self._zipf(self.orgs), "ORG", s)
            put(" said. ", None, s)
            sentences.append(Sentence(s, begin, offset))
            entity = entities[("PERSON", actor["text"])]
            entity.attributes.setdefault("age", year - person.born)
            entity.attributes.setdefault("nationality", person.nationality)
            events.append({"type": "TRAVEL", "plover": "OTHER", "trigger": "travelled", "actors": [actor],
                           "targets": [], "location": [], "origin": [origin], "destination": [destination],
                           "via": [], "time": None, "modality": rng.choice(["asserted", "hedged", "intended"]),
                           "attribution": {"speaker": org, "cue": "said"}, "sentence": s, "start": begin,
                           "end": offset})
        text = "".join(parts)
        doc_id = hashlib.sha256(f"{n}:{text}".encode()).hexdigest()[:16]
        for entity in entities.values():
            entity.id = entity.id.replace(f"syn{n}", doc_id)
        for event in events:
            for role in ("actors", "origin", "destination"):
                for arg in event[role]:
                    arg["entity"] = arg["entity"].replace(f"syn{n}", doc_id)
            event["attribution"]["speaker"]["entity"] = event["attribution"]["speaker"]["entity"].replace(
                f"syn{n}", doc_id)
        self.last_truth = {key.replace(f"syn{n}", doc_id): person for key, person in truth.items()}
        info = DocumentInfo(id=doc_id, title=f"Report {n}", source="synthetic", url=None, published=published,
                            text=text, origin=f"synthetic#{n}", format="synthetic")
        return Record(document=info, sentences=sentences, entities=list(entities.values()), events=events)

    def records(self, start: int, stop: int) -> Iterator[Record]:
        for n in range(start, stop):
            yield self.record(n)
