"""Geoparsing evaluation on LGL (Local-Global Lexicon; `../shared/bench/geoparsing/lgl/`, see its SOURCE.md).

Metrics as in Gritta, Pilehvar & Collier, "A Pragmatic Guide to Geoparsing Evaluation", LRE 54 (2020):

- accuracy@161 km: share of gold toponyms with GeoNames coordinates whose predicted point is under 161 km away;
- mean and median error (km) and AUC: the area under the sorted log(1 + km) errors, trapezoidal rule,
  normalised by log(20039) x (n - 1); lower is better. An unresolved toponym counts as 20,039 km.

Two settings:
(a) gold toponyms: every gold span is given (as a place mention) and resolved with the others of its document as
    context — geocoding alone;
(b) end to end: newsintel's own NER + gazetteer find the toponyms in the raw text. Toponym precision/recall/F1 by
    span overlap (and exact span); accuracy@161 over the matched toponyms, and over all gold toponyms with
    coordinates (a missed toponym is wrong). The latter is the headline.

The resolver's settings were tuned by looking at aggregate error counts on the even document ids; the odd ids are
held out and reported separately. Run `python -m evaluation.geoparsing` from the repository root.
"""

from __future__ import annotations

import argparse
import gzip
import itertools
import math
import os
import statistics
import sys
import time
import xml.etree.ElementTree as ET
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

MAX_KM = 20039.0
ACC_KM = 161.0


@dataclass(slots=True)
class Gold:
    start: int
    end: int
    phrase: str
    lat: float | None = None
    lon: float | None = None


@dataclass(slots=True)
class Doc:
    docid: str
    text: str
    source: str = ""  # the newspaper's site: its earlier articles give the source focus (nlp/focus.py)
    toponyms: list[Gold] = field(default_factory=list)


def data_path() -> Path:
    shared = os.environ.get("NEWSINTEL_SHARED")
    base = Path(shared) if shared else Path(__file__).resolve().parent.parent.parent / "shared"
    return base / "bench" / "geoparsing" / "lgl" / "lgl.xml.gz"


def load_lgl(path: Path) -> list[Doc]:
    with gzip.open(path) as f:
        root = ET.parse(f).getroot()
    docs = []
    for article in root.iter("article"):
        doc = Doc(article.get("docid") or "", article.findtext("text") or "", article.findtext("domain") or "")
        for t in article.iter("toponym"):
            gold = Gold(int(t.findtext("start") or 0), int(t.findtext("end") or 0), t.findtext("phrase") or "")
            tag = t.find("gaztag")
            if tag is not None:
                gold.lat, gold.lon = float(tag.findtext("lat") or 0), float(tag.findtext("lon") or 0)
            doc.toponyms.append(gold)
        docs.append(doc)
    return docs


def haversine(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    p1, l1, p2, l2 = map(math.radians, (lat1, lon1, lat2, lon2))
    h = math.sin((p2 - p1) / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin((l2 - l1) / 2) ** 2
    return 2 * 6371.0 * math.asin(min(1.0, math.sqrt(h)))


def error_km(gold: Gold, pred) -> float:
    """Distance from the gold point to the predicted place (`None`: unresolved, the maximal error)."""
    if pred is None or gold.lat is None or gold.lon is None:
        return MAX_KM
    return min(MAX_KM, haversine(gold.lat, gold.lon, pred.lat, pred.lon))


def summarise(errors: Sequence[float]) -> dict[str, float]:
    if not errors:
        return {"n": 0, "acc161": 0.0, "mean_km": 0.0, "median_km": 0.0, "auc": 0.0}
    logs = sorted(math.log(1 + e) for e in errors)
    area = sum((a + b) / 2 for a, b in itertools.pairwise(logs))
    auc = area / (math.log(MAX_KM) * (len(logs) - 1)) if len(logs) > 1 else logs[0] / math.log(MAX_KM)
    return {"n": len(errors), "acc161": sum(e < ACC_KM for e in errors) / len(errors),
            "mean_km": statistics.fmean(errors), "median_km": statistics.median(errors), "auc": auc}


def gold_spans(docs: list[Doc]) -> dict[str, list[float]]:
    """(a) resolve every gold span with the document's other gold spans as context; errors by document half."""
    from newsintel.nlp.focus import source_focus
    from newsintel.nlp.geocode import load_resolver

    resolver = load_resolver()
    memory = source_focus()
    errors: dict[str, list[float]] = {"even": [], "odd": []}
    for doc in docs:
        mentions = [(g.start, g.end, "GPE") for g in doc.toponyms]
        places, evidence = resolver.resolve_with_evidence(doc.text, mentions, memory.focus(doc.source))
        memory.record(doc.source, evidence)
        half = "even" if int(doc.docid or 0) % 2 == 0 else "odd"
        errors[half].extend(error_km(g, p) for g, p in zip(doc.toponyms, places, strict=True) if g.lat is not None)
    return errors


GEOCODING_SECONDS = [0.0]  # time spent in toponym finding and resolution, after the spaCy pipeline


def predicted_toponyms(docs: list[Doc]) -> list[list[tuple[int, int, object]]]:
    """(b) newsintel's toponyms per document: (start, end, place or None)."""
    from newsintel.nlp import raw_mentions, sentences_of
    from newsintel.nlp.chunks import document_docs
    from newsintel.nlp.pipeline import load_nlp
    from newsintel.nlp.toponyms import document_toponyms

    nlp = load_nlp()
    out = []
    for doc, source in document_docs(nlp, ((d.text, d.source) for d in docs), batch_size=32):
        mentions = raw_mentions(doc, [s.start for s in sentences_of(doc)])
        started = time.perf_counter()
        _, toponyms = document_toponyms(doc.text, mentions, source)
        GEOCODING_SECONDS[0] += time.perf_counter() - started
        out.append([(t.start, t.end, t.place) for t in toponyms])
    return out


def match(gold: list[Gold], pred: list[tuple[int, int, object]]) -> dict[int, int]:
    """Gold index -> predicted index, one to one, by largest character overlap."""
    pairs = sorted(((min(g.end, p[1]) - max(g.start, p[0]), gi, pi) for gi, g in enumerate(gold)
                    for pi, p in enumerate(pred) if min(g.end, p[1]) > max(g.start, p[0])), reverse=True)
    used_g: dict[int, int] = {}
    used_p: set[int] = set()
    for _, gi, pi in pairs:
        if gi not in used_g and pi not in used_p:
            used_g[gi] = pi
            used_p.add(pi)
    return used_g


def end_to_end(docs: list[Doc]) -> dict[str, dict]:
    from newsintel.nlp.focus import source_focus

    source_focus.cache_clear()  # learn the sources afresh from this run's own toponyms
    preds = predicted_toponyms(docs)
    halves: dict[str, dict] = {h: {"tp": 0, "exact": 0, "gold": 0, "pred": 0, "matched": [], "all": []}
                               for h in ("even", "odd")}
    for doc, pred in zip(docs, preds, strict=True):
        h = halves["even" if int(doc.docid or 0) % 2 == 0 else "odd"]
        pairs = match(doc.toponyms, pred)
        h["gold"] += len(doc.toponyms)
        h["pred"] += len(pred)
        h["tp"] += len(pairs)
        h["exact"] += sum((doc.toponyms[g].start, doc.toponyms[g].end) == pred[p][:2] for g, p in pairs.items())
        for gi, g in enumerate(doc.toponyms):
            if g.lat is None:
                continue
            err = error_km(g, pred[pairs[gi]][2]) if gi in pairs else MAX_KM
            h["all"].append(err)
            if gi in pairs:
                h["matched"].append(err)
    return halves


def _prf(tp: int, n_pred: int, n_gold: int) -> tuple[float, float, float]:
    p = tp / n_pred if n_pred else 0.0
    r = tp / n_gold if n_gold else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def _row(name: str, s: dict[str, float]) -> str:
    return (f"  {name:<34} {s['acc161']:6.3f}  {s['mean_km']:8.0f}  {s['median_km']:7.1f}  {s['auc']:5.3f}"
            f"  {s['n']:5d}")


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m evaluation.geoparsing", description=__doc__.split("\n")[0])
    parser.add_argument("--gold-only", action="store_true", help="skip the end-to-end run (no NER)")
    args = parser.parse_args(argv)
    path = data_path()
    if not path.exists():
        print(f"geoparsing: LGL not found at {path} (set NEWSINTEL_SHARED)", file=sys.stderr)
        return 1
    docs = load_lgl(path)
    print("Geoparsing on LGL (Gritta et al. 2020 metrics; resolver settings tuned on even docids, odd held out)")
    print(f"{len(docs)} documents, {sum(len(d.toponyms) for d in docs)} gold toponyms, "
          f"{sum(g.lat is not None for d in docs for g in d.toponyms)} with coordinates")
    header = f"  {'setting':<34} {'A@161':>6}  {'mean km':>8}  {'med km':>7}  {'AUC':>5}  {'n':>5}"
    started = time.perf_counter()
    errors = gold_spans(docs)
    print("\n(a) gold toponyms given (geocoding only)\n" + header)
    for name, errs in (("all", errors["even"] + errors["odd"]), ("even (tuning half)", errors["even"]),
                       ("odd (held out)", errors["odd"])):
        print(_row(name, summarise(errs)))
    print(f"  ({time.perf_counter() - started:.1f} s)")
    if args.gold_only:
        return 0
    started = time.perf_counter()
    halves = end_to_end(docs)
    print("\n(b) end to end from raw text (newsintel NER + gazetteer)")
    views = {"all": {k: (halves["even"][k] + halves["odd"][k]) for k in halves["even"]},
             "even (tuning half)": halves["even"], "odd (held out)": halves["odd"]}
    print(f"  {'toponyms':<20} {'P':>6} {'R':>6} {'F1':>6}   exact-span P/R/F1")
    for name, h in views.items():
        p, r, f = _prf(h["tp"], h["pred"], h["gold"])
        ep, er, ef = _prf(h["exact"], h["pred"], h["gold"])
        print(f"  {name:<20} {p:6.3f} {r:6.3f} {f:6.3f}   {ep:.3f}/{er:.3f}/{ef:.3f}")
    print(header)
    for name, h in views.items():
        print(_row(f"{name}: all gold (headline)", summarise(h["all"])))
        print(_row(f"{name}: matched only", summarise(h["matched"])))
    total = time.perf_counter() - started
    print(f"  ({total:.1f} s, of which toponym finding and resolution {GEOCODING_SECONDS[0]:.1f} s = "
          f"{1000 * GEOCODING_SECONDS[0] / len(docs):.1f} ms per document; the rest is the spaCy pipeline)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
