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
