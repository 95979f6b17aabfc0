"""Story grouping cost as the store grows: seconds per new article at 1k, 10k and 20k stored articles.

Articles are generated (no NLP: records are built directly) from combinatorial lists of people, places and
event words, in stories of one to six reports spread over two years, so shared names, places and words really
exercise the candidate lookup. Each article goes through `save_record` (document, entities and its story in one
transaction); the figure is the mean CPU time (less disturbed by other load than wall time) over the 500
articles stored just before each mark.
Run: `python -m benchmarks.stories_scale` (about ten minutes; not part of `make bench`).
"""

from __future__ import annotations

import hashlib
import random
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

FIRST = ["Adam", "Besim", "Chloe", "Dritan", "Elif", "Farid", "Goran", "Hana", "Ilir", "Jana", "Karim", "Lina",
         "Marko", "Nora", "Omar", "Petra", "Qendrim", "Rania", "Sami", "Tariq", "Una", "Vlora", "Walid", "Yasmin"]
LAST = ["Haliti", "Benali", "Kovac", "Demir", "Haddad", "Krasniqi", "Begic", "Koehler", "Zeqiri", "Pasic",
        "Aslan", "Rama", "Hoxha", "Mansour", "Novak", "Petrov", "Said", "Toma", "Ullah", "Vidal", "Weber"]
PLACES = ["Raqqa", "Gaziantep", "Istanbul", "Pristina", "Skopje", "Sarajevo", "Vienna", "Brussels", "Idlib",
          "Mosul", "Thessaloniki", "Sofia", "Hamburg", "Tirana", "Akcakale", "Zenica", "Kacanik", "Antwerp",
          "Molenbeek", "Kilis", "Hatay", "Erbil", "Tuzla", "Mitrovica", "Prizren", "Bitola", "Ohrid", "Varna"]
ORGS = ["Islamic State", "Europol", "Interpol", "Kosovo Police", "State Court", "Red Crescent", "UNHCR"]
EVENTS = ["arrest", "trial", "raid", "smuggling", "explosion", "flood", "strike", "protest", "election", "fire",
          "kidnapping", "escape", "verdict", "deportation", "ceasefire", "convoy", "checkpoint", "shooting"]
WORDS = ["police", "officials", "court", "border", "group", "network", "suspects", "members", "families",
         "prosecutors", "witnesses", "ministry", "investigation", "security", "camp", "vehicle", "weapons"]
MARKS = (1_000, 10_000, 20_000)
WINDOW = 500


def make_story(rng: random.Random, day0: date) -> list[tuple[str, str, list[tuple[str, str, int]], str]]:
    people = [f"{rng.choice(FIRST)} {rng.choice(LAST)}" for _ in range(rng.randint(1, 3))]
    places = rng.sample(PLACES, rng.randint(1, 3))
    event = rng.choice(EVENTS)
    org = rng.choice(ORGS)
    reports = []
    for n in range(rng.randint(1, 6)):
        day = day0 + timedelta(days=rng.randint(0, 10))
        words = rng.sample(WORDS, 6)
        title = f"{people[0]} {event} in {places[0]}: {words[0]} and {words[1]}"
        body = " ".join(f"{rng.choice(people)} {rng.choice(words)} {event} {rng.choice(places)} {org} "
                        f"{rng.choice(words)} report {n} {rng.random():.6f}." for _ in range(rng.randint(8, 20)))
        ents = [(p, "PERSON", rng.randint(1, 4)) for p in people] + [(p, "GPE", rng.randint(1, 3)) for p in places]
        reports.append((title, body, [*ents, (org, "ORG", 1)], day.isoformat()))
    return reports


def articles(rng: random.Random, total: int):
    start = date(2024, 1, 1)
    count = 0
    while count < total:
        for title, body, ents, day in make_story(rng, start + timedelta(days=rng.randint(0, 730))):
            yield title, body, ents, day
            count += 1


def record(title: str, body: str, ents: list[tuple[str, str, int]], day: str):
    from newsintel.model import DocumentInfo, Entity, Mention, Record

    text = f"{title}\n\n{body}"
    doc_id = hashlib.sha256(text.encode()).hexdigest()[:16]
    info = DocumentInfo(id=doc_id, title=title, source="gen", url=None, published=day, text=text, origin="gen",
                        format="txt", raw_hash=doc_id)
    entities = [Entity(f"{doc_id}-e{i}", name, type_, mentions=[Mention(name, 0, len(name), 0)] * n)
                for i, (name, type_, n) in enumerate(ents, 1)]
    return Record(info, entities=entities)


def main() -> int:
    from newsintel.store import connect, save_record

    rng = random.Random(7)
    with tempfile.TemporaryDirectory() as tmp:
        conn = connect(Path(tmp) / "scale.db")
        times: list[float] = []
        for n, (title, body, ents, day) in enumerate(articles(rng, MARKS[-1]), 1):
            rec = record(title, body, ents, day)
            started = time.process_time()
            save_record(conn, rec, rec.document.raw_hash)
            times.append(time.process_time() - started)
            if n in MARKS:
                recent = times[-WINDOW:]
                stories = conn.execute("SELECT count(*) FROM stories").fetchone()[0]
                ms = 1000 * sum(recent) / len(recent)
                print(f"{n:>6} articles, {stories:>6} stories: {ms:.2f} ms CPU per article"
                      f" (save_record with story, mean of the last {WINDOW})", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
