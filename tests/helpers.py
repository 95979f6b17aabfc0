"""Test helpers: reports ingested into a fresh store, and a generator of varied synthetic news texts (for volume
tests, not for quality)."""

import json
import random
from functools import cache
from pathlib import Path

PEOPLE = ["Driton Haliti", "Mohammed Benali", "Emir Mujanovic", "Fjolla Zeqiri", "Ercan Aslanoglu", "Dennis Koehler",
          "Arben Krasniqi", "Samir Haddad", "Lejla Begic", "Yusuf Demir"]
PLACES = ["Raqqa", "Gaziantep", "Istanbul", "Pristina", "Skopje", "Sarajevo", "Vienna", "Brussels", "Idlib",
          "Mosul", "Thessaloniki", "Sofia", "Hamburg", "Tirana", "Akcakale"]
VERBS = ["travelled from {a} to {b}", "was arrested in {a}", "crossed into Turkey near {a}",
         "returned to {a} from {b}", "is believed to be hiding in {a}", "planned to reach {b} via {a}"]


def synthetic_article(n: int, seed: int = 0) -> str:
    rng = random.Random(seed * 100_003 + n)
    lines = [f"Report {n}: {rng.choice(PEOPLE)} seen in {rng.choice(PLACES)}", ""]
    for _ in range(rng.randint(3, 7)):
        who, a, b = rng.choice(PEOPLE), rng.choice(PLACES), rng.choice(PLACES)
        verb = rng.choice(VERBS).format(a=a, b=b)
        lines.append(f"{who}, {rng.randint(19, 60)}, {verb} in {rng.choice(['March', 'May', 'October'])} "
                     f"{rng.randint(2014, 2026)}, officials said (case {n}-{rng.randint(0, 10**6)}).")
    return "\n".join(lines) + "\n"


def ingest_reports(folder: Path, reports: list[dict]) -> Path:
    """Write each report (title, published, text) as a JSON file, ingest them in order; returns the store's path."""
    from newsintel.cli.main import main

    files = []
    for i, record in enumerate(reports):
        files.append(folder / f"r{i}.json")
        files[-1].write_text(json.dumps(record), encoding="utf-8")
    db = folder / "s.db"
    assert main(["ingest", "--quiet", "--workers", "1", "--db", str(db), *map(str, files)]) == 0
    return db


@cache
def record(text: str) -> dict:
    """`extract --json` of one written sentence or report, published on a fixed day (cached across tests)."""
    from newsintel.pipeline import extract_text

    return extract_text(text, published="2025-06-12")


def events_of(text: str, type_: str) -> list[dict]:
    return [e for e in record(text)["events"] if e["type"] == type_]


def modality_of(text: str, type_: str, trigger: str) -> str:
    """The modality of the first event of that type whose trigger starts with `trigger`."""
    return next(e["modality"] for e in events_of(text, type_) if e["trigger"].startswith(trigger))


def texts(args: list[dict]) -> str:
    return " | ".join(a["text"] for a in args)


def hand_record(doc_id: str, text: str, names: list[tuple[str, str]], published: str = "2025-06-01",
                attributes: dict[str, dict] | None = None, geo: dict[str, dict] | None = None):
    """A record of `text` whose entities are the given (name, type) pairs, each at its next place in the text (a
    name given twice is two mentions of one entity): resolution tests without the NER model's choices."""
    from newsintel.model import DocumentInfo, Entity, Mention, Record, Sentence

    entities: dict[tuple[str, str], Entity] = {}
    searched = 0
    for name, type_ in names:
        start = text.index(name, searched)
        searched = start + len(name)
        entity = entities.setdefault((name, type_), Entity(
            id=f"{doc_id}-e{len(entities)}", name=name, type=type_, mentions=[],
            attributes=dict((attributes or {}).get(name, {})), geo=(geo or {}).get(name)))
        entity.mentions.append(Mention(name, start, start + len(name), 0, type_))
    info = DocumentInfo(id=doc_id, title=doc_id, source=None, url=None, published=published, text=text,
                        origin=doc_id, format="test")
    return Record(document=info, sentences=[Sentence(0, 0, len(text))], entities=list(entities.values()))


def identity_links(conn) -> dict[tuple[str, str], str]:
    """(first letter of the document id, entity name) -> identity id."""
    return {(r[0][:1], r[1]): r[2] for r in conn.execute(
        "SELECT e.document_id, e.name, l.identity_id FROM entities e JOIN entity_links l ON l.entity_id = e.id")}


def claims_of(text: str) -> list[dict]:
    return record(text)["claims"]


def claim_cues(text: str) -> list[str]:
    return [c["cue"] for c in claims_of(text)]


def claim_by_cue(text: str, cue: str) -> dict:
    """The first claim whose cue is `cue` (StopIteration when none)."""
    return next(c for c in claims_of(text) if c["cue"] == cue)


def handled_store(path: Path, reports: list[tuple[str, str, str, str]], prefix: str) -> str:
    """A store at `path` of reports (tlp, publisher, title, text), each saved under its TLP and publisher, dated
    2025-06-01 onwards in order: the STIX round-trip tests' store A."""
    from newsintel.annotate import annotate
    from newsintel.clean import clean
    from newsintel.model import RawDocument
    from newsintel.store import connect, save_record
    from newsintel.store.sharing import Handling

    raws = [clean(RawDocument(f"{prefix}{i}.txt", "txt", f"{prefix}h{i}", text=text, title=title, source=publisher,
                              published=f"2025-06-0{i + 1}", url=f"https://example.org/{prefix}{i}"))
            for i, (_tlp, publisher, title, text) in enumerate(reports)]
    conn = connect(str(path))
    for (tlp, publisher, _title, _text), record in zip(reports, annotate(raws), strict=True):
        save_record(conn, record, record.document.raw_hash, Handling(tlp=tlp, source=publisher))
    conn.close()
    return str(path)


def export_stix(db: str, out: Path, tlp: str) -> str:
    """`newsintel export stix` of `db` up to `tlp`, as text."""
    from newsintel.cli.main import main

    assert main(["export", "stix", "--out", str(out), "--db", db, "--tlp-max", tlp]) == 0
    return out.read_text(encoding="utf-8")
