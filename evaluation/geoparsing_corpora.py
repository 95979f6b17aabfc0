"""The geoparsing gold sets in `../shared/bench/geoparsing/` (each folder's SOURCE.md) and their frozen halves.

- LGL (US local news): the gold spans index the text exactly; tuning half = even docids, held out = odd (as since
  the geocoder was first tuned).
- TR-News (international news): 117 spans lie 1-10 characters left of their given offset and 2 are nowhere near:
  the span is the annotated phrase found nearest the given offset within `TRNEWS_SLACK` characters (dropped when not
  found). Adjectives ("Turkish") are annotated as toponyms of their country.
- GeoVirus (WikiNews on epidemics): every span is one character right (`text[start-1:end-1]`); gold points are
  Wikipedia's, and a country's or continent's can lie hundreds of km from GeoNames' point, so accuracy is also
  given without them. Several `<article>`s are paragraphs of one WikiNews report (the same `source`): the report is
  the unit of the split, so no report has paragraphs on both sides.

The TR-News and GeoVirus halves were drawn once, before any tuning on these sets, by the rule in `half_of` (a
seeded hash of the document or report id) and written to `geoparsing_split.json`, which the evaluation reads: the
held-out halves are frozen there and only their aggregate is printed.
"""

from __future__ import annotations

import gzip
import hashlib
import json
import os
import re
import xml.etree.ElementTree as ET
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import unquote

SPLIT_SEED = "newsintel-geoparsing-2026-12-06"
SPLIT_FILE = Path(__file__).resolve().parent / "geoparsing_split.json"
TRNEWS_SLACK = 12


@dataclass(slots=True)
class Gold:
    start: int
    end: int
    phrase: str
    lat: float | None = None
    lon: float | None = None
    area: bool = False  # a country or continent (GeoVirus: scored also without them)


@dataclass(slots=True)
class Doc:
    docid: str
    text: str
    source: str = ""  # the publisher's site (focus: nlp/focus.py)
    toponyms: list[Gold] = field(default_factory=list)
    unit: str = ""  # the unit of the dev/held-out split (GeoVirus: the WikiNews report)


def bench_dir() -> Path:
    shared = os.environ.get("NEWSINTEL_SHARED")
    base = Path(shared) if shared else Path(__file__).resolve().parent.parent.parent / "shared"
    return base / "bench" / "geoparsing"


PATHS = {"lgl": "lgl/lgl.xml.gz", "trnews": "trnews/tr-news.xml.gz", "geovirus": "geovirus/geovirus.xml.gz"}


def _root(path: Path) -> ET.Element:
    with gzip.open(path) as f:
        return ET.parse(f).getroot()


def _gaztag(gold: Gold, tag: ET.Element | None) -> Gold:
    if tag is not None:
        gold.lat, gold.lon = float(tag.findtext("lat") or 0), float(tag.findtext("lon") or 0)
    return gold


def load_lgl(path: Path) -> list[Doc]:
    docs = []
    for article in _root(path).iter("article"):
        doc = Doc(article.get("docid") or "", article.findtext("text") or "", article.findtext("domain") or "")
        doc.unit = doc.docid
        for t in article.iter("toponym"):
            gold = Gold(int(t.findtext("start") or 0), int(t.findtext("end") or 0), t.findtext("phrase") or "")
            doc.toponyms.append(_gaztag(gold, t.find("gaztag")))
        docs.append(doc)
    return docs


def _near(text: str, phrase: str, start: int) -> int | None:
    """Where `phrase` occurs nearest `start` (within TRNEWS_SLACK), None when nowhere near."""
    if text[start:start + len(phrase)] == phrase:
        return start
    best = None
    for m in re.finditer(re.escape(phrase), text[max(0, start - TRNEWS_SLACK):start + len(phrase) + TRNEWS_SLACK]):
        at = max(0, start - TRNEWS_SLACK) + m.start()
        if best is None or abs(at - start) < abs(best - start):
            best = at
    return best


def load_trnews(path: Path) -> list[Doc]:
    docs = []
    for article in _root(path).iter("article"):
        text = article.findtext("text") or ""
        doc = Doc(article.get("docid") or "", text, (article.findtext("domain") or "").strip())
        doc.unit = doc.docid
        for t in article.iter("toponym"):
            phrase = t.findtext("phrase") or ""
            at = _near(text, phrase, int(t.findtext("start") or 0))
            if at is None:
                continue
            tag = t.find("gaztag")
            gold = _gaztag(Gold(at, at + len(phrase), phrase), tag)
            gold.area = tag is not None and (tag.findtext("fcode") or "").startswith(("PCL", "CONT"))
            doc.toponyms.append(gold)
        docs.append(doc)
    return docs


def _wiki_title(page: str) -> str:
    return unquote(page.rsplit("/", 1)[-1]).replace("_", " ")


def load_geovirus(path: Path) -> list[Doc]:
    from newsintel.nlp.gazetteer import load_gazetteer

    gazetteer = load_gazetteer()
    docs = []
    for i, article in enumerate(_root(path).iter("article")):
        text = article.findtext("text") or ""
        source = (article.findtext("source") or "").strip()
        doc = Doc(f"gv{i:03d}", text, "en.wikinews.org", unit=_wiki_title(source))
        for loc in article.iter("location"):
            start, end = int(loc.findtext("start") or 1) - 1, int(loc.findtext("end") or 1) - 1
            gold = Gold(start, end, loc.findtext("name") or "", float(loc.findtext("lat") or 0),
                        float(loc.findtext("lon") or 0))
            title = _wiki_title(loc.findtext("page") or "")
            gold.area = any(p.kind in ("country", "continent") for p in gazetteer.lookup(title))
            doc.toponyms.append(gold)
        doc.toponyms.sort(key=lambda g: g.start)
        docs.append(doc)
    return docs


LOADERS = {"lgl": load_lgl, "trnews": load_trnews, "geovirus": load_geovirus}


def half_of(unit: str) -> str:
    """The split rule: "dev" or "heldout" from a seeded hash of the unit's id (about half each)."""
    digest = hashlib.sha256(f"{SPLIT_SEED}:{unit}".encode()).digest()
    return "dev" if digest[0] % 2 == 0 else "heldout"


FOLD_SEED = "newsintel-geoparsing-devfold-2026-12-06"


def dev_fold(unit: str) -> str:
    """"a" or "b": a fixed split of the dev half in two, to estimate how a rule fitted on one fold generalises."""
    return "a" if hashlib.sha256(f"{FOLD_SEED}:{unit}".encode()).digest()[0] % 2 == 0 else "b"


def write_split(corpora: dict[str, list[Doc]]) -> None:
    """Freeze the halves of TR-News and GeoVirus (run once; the file is committed)."""
    split = {name: {"seed": SPLIT_SEED, "unit": "report (source URL title)" if name == "geovirus" else "docid",
                    "dev": sorted({d.unit for d in docs if half_of(d.unit) == "dev"}),
                    "heldout": sorted({d.unit for d in docs if half_of(d.unit) == "heldout"})}
             for name, docs in corpora.items() if name != "lgl"}
    SPLIT_FILE.write_text(json.dumps(split, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")


def halves(name: str, docs: list[Doc]) -> dict[str, list[Doc]]:
    """{"dev": [...], "heldout": [...]}: LGL by docid parity, the others by the frozen split file."""
    if name == "lgl":
        return {"dev": [d for d in docs if int(d.docid or 0) % 2 == 0],
                "heldout": [d for d in docs if int(d.docid or 0) % 2 == 1]}
    split = json.loads(SPLIT_FILE.read_text(encoding="utf-8"))[name]
    dev, held = set(split["dev"]), set(split["heldout"])
    unknown = {d.unit for d in docs} - dev - held
    if unknown:
        raise ValueError(f"{name}: {len(unknown)} documents in no half of {SPLIT_FILE.name}")
    return {"dev": [d for d in docs if d.unit in dev], "heldout": [d for d in docs if d.unit in held]}


def load(name: str) -> list[Doc]:
    return LOADERS[name](bench_dir() / PATHS[name])
