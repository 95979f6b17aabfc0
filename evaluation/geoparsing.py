"""Geoparsing evaluation on LGL (US local news), TR-News and GeoVirus (international news); the sets and their
halves: `evaluation/geoparsing_corpora.py`.

Metrics as in Gritta, Pilehvar & Collier, "A Pragmatic Guide to Geoparsing Evaluation", LRE 54 (2020):

- accuracy@161 km: share of gold toponyms with coordinates whose predicted point is under 161 km away;
- mean and median error (km) and AUC: the area under the sorted log(1 + km) errors, trapezoidal rule,
  normalised by log(20039) x (n - 1); lower is better. An unresolved toponym counts as 20,039 km.

Two settings:
(a) gold toponyms: every gold span is given (as a place mention) and resolved with the others of its document as
    context — geocoding alone;
(b) end to end: newsintel's own NER + gazetteer find the toponyms in the raw text. Toponym precision/recall/F1 by
    span overlap (and exact span); accuracy@161 over the matched toponyms, and over all gold toponyms with
    coordinates (a missed toponym is wrong). The latter is the headline.

Each set is printed by half: LGL's tuning half is its even docids (odd held out); TR-News and GeoVirus have frozen
halves drawn before tuning. Rules are tuned on error categories of the dev halves only (`--errors N` lists dev
errors; held-out documents are never listed). `--dev-only` neither reads nor computes the held-out halves.
`--dev-fold a|b` scores one of two fixed folds of the dev half (a seeded hash of the unit:
`geoparsing_corpora.dev_fold`), so that a rule chosen on one fold's errors can be checked on the other before any
held-out figure is printed; each publisher's focus is then taken from that fold alone.
The source focus (`nlp/focus.py`) is each publisher's, taken once from all its documents of the set before any is
geocoded (as a store's statistics at a stable point), so no figure depends on the documents' order.
Run `python -m evaluation.geoparsing` from the repository root.
"""

from __future__ import annotations

import argparse
import itertools
import math
import statistics
import sys
import time
from collections.abc import Sequence

from evaluation.geoparsing_corpora import PATHS, Doc, Gold, bench_dir, dev_fold, halves, load

MAX_KM = 20039.0
ACC_KM = 161.0
NO_ADJECTIVES = frozenset({"geovirus"})  # its gold marks no place adjectives (0 of 50 in dev); LGL and TR-News do
HALF_NAMES = {"lgl": {"dev": "even (tuning half)", "heldout": "odd (held out)"},
              "trnews": {"dev": "dev", "heldout": "held out (frozen)"},
              "geovirus": {"dev": "dev", "heldout": "held out (frozen)"}}
TITLES = {"lgl": "LGL (US local news)", "trnews": "TR-News (international news)",
          "geovirus": "GeoVirus (WikiNews, epidemics; Wikipedia points)"}


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


def publisher_focus(docs: list[Doc], evidence: list[set]) -> dict[str, dict]:
    """Each publisher's focus from the regions each of its documents of the set names without doubt, taken before
    any is geocoded (as `newsintel reprocess` takes it from a store: `store/focus.py`)."""
    from newsintel.nlp.focus import FocusTable

    table = FocusTable.from_settings()
    for doc, regions in zip(docs, evidence, strict=True):
        table.record(doc.source, regions)
    return {source: table.focus(source) for source in {d.source for d in docs}}


def gold_spans(docs: list[Doc]) -> list[tuple[Doc, list]]:
    """(a) resolve every gold span with the document's other gold spans as context."""
    from newsintel.nlp.geocode import load_resolver

    resolver = load_resolver()
    mentions = [[(g.start, g.end, "GPE") for g in doc.toponyms] for doc in docs]
    focus = publisher_focus(docs, [resolver.evidence(doc.text, found) for doc, found in zip(docs, mentions,
                                                                                            strict=True)])
    return [(doc, resolver.resolve(doc.text, found, focus[doc.source]))
            for doc, found in zip(docs, mentions, strict=True)]


GEOCODING_SECONDS = [0.0]  # time spent in toponym finding and resolution, after the spaCy pipeline


def predicted_toponyms(docs: list[Doc], adjectives: bool = True) -> list[list[tuple[int, int, object]]]:
    """(b) newsintel's toponyms per document: (start, end, place or None); without place adjectives ("French")
    unless `adjectives` (a set whose gold never marks them does not count them: GeoVirus)."""
    from newsintel.nlp import raw_mentions, sentences_of
    from newsintel.nlp.chunks import document_docs
    from newsintel.nlp.geocode import load_resolver
    from newsintel.nlp.pipeline import load_nlp
    from newsintel.nlp.toponyms import document_evidence, document_toponyms

    nlp = load_nlp()
    found = []
    for doc, _ in document_docs(nlp, ((d.text, d.docid) for d in docs), batch_size=32):
        found.append((doc.text, raw_mentions(doc, [s.start for s in sentences_of(doc)])))
    started = time.perf_counter()
    focus = publisher_focus(docs, [document_evidence(text, mentions) for text, mentions in found])
    out = []
    for doc, (text, mentions) in zip(docs, found, strict=True):
        _, toponyms = document_toponyms(text, mentions, focus=focus[doc.source])
        gazetteer = load_resolver().gazetteer
        out.append([(t.start, t.end, t.place) for t in toponyms if adjectives
                    or not (gazetteer.adjective(t.text) and not gazetteer.lookup(t.text))])
    GEOCODING_SECONDS[0] += time.perf_counter() - started
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


def score(docs: list[Doc], preds: list[list[tuple[int, int, object]]], errors: list | None = None) -> dict:
    """Span counts and error lists of one half; `errors` collects (doc, gold, prediction, km) of wrong ones."""
    h: dict = {"tp": 0, "exact": 0, "gold": 0, "pred": 0, "matched": [], "all": [], "no_areas": []}
    for doc, pred in zip(docs, preds, strict=True):
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
            if not g.area:
                h["no_areas"].append(err)
            if gi in pairs:
                h["matched"].append(err)
            if errors is not None and err >= ACC_KM:
                errors.append((doc, g, pred[pairs[gi]] if gi in pairs else None, err))
    return h


def _prf(tp: int, n_pred: int, n_gold: int) -> tuple[float, float, float]:
    p = tp / n_pred if n_pred else 0.0
    r = tp / n_gold if n_gold else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def _row(name: str, s: dict[str, float]) -> str:
    return (f"  {name:<42} {s['acc161']:6.3f}  {s['mean_km']:8.0f}  {s['median_km']:7.1f}  {s['auc']:5.3f}"
            f"  {s['n']:5d}")


HEADER = f"  {'setting':<42} {'A@161':>6}  {'mean km':>8}  {'med km':>7}  {'AUC':>5}  {'n':>5}"


def _print_errors(errors: list, limit: int) -> None:
    """Dev errors only: the gold phrase, its context, what was predicted."""
    print(f"\n  dev errors ({len(errors)}; first {limit}):")
    for doc, g, pred, err in errors[:limit]:
        context = doc.text[max(0, g.start - 40):g.end + 30].replace("\n", " ")
        place = pred[2] if pred else None
        got = "MISSED" if pred is None else (f"{place.name} ({place.kind}, {place.country}) {err:.0f} km"
                                               if place else "unresolved")
        print(f"  {doc.docid} {g.phrase!r:<24} -> {got}   | …{context}…")


def evaluate(name: str, dev_only: bool, gold_only: bool, show_errors: int, fold: str | None = None) -> None:
    docs = load(name)
    parts = halves(name, docs)
    if dev_only or fold:
        parts.pop("heldout")
    if fold:
        parts["dev"] = [d for d in parts["dev"] if dev_fold(d.unit) == fold]
    labels = HALF_NAMES[name]
    print(f"\n== {TITLES[name]}: {len(docs)} documents, {sum(len(d.toponyms) for d in docs)} gold toponyms "
          f"({', '.join(f'{labels[k]} {len(v)} docs' for k, v in parts.items())})")
    started = time.perf_counter()
    print("(a) gold toponyms given (geocoding only)\n" + HEADER)
    for half, part in parts.items():
        errs = [error_km(g, p) for doc, places in gold_spans(part)
                for g, p in zip(doc.toponyms, places, strict=True) if g.lat is not None]
        print(_row(labels[half], summarise(errs)))
    print(f"  ({time.perf_counter() - started:.1f} s)")
    if gold_only:
        return
    print("(b) end to end from raw text (newsintel NER + gazetteer)")
    scored, dev_errors = {}, []
    for half, part in parts.items():
        preds = predicted_toponyms(part, adjectives=name not in NO_ADJECTIVES)
        scored[half] = score(part, preds, dev_errors if half == "dev" else None)
    print(f"  {'toponyms':<20} {'P':>6} {'R':>6} {'F1':>6}   exact-span P/R/F1")
    for half, h in scored.items():
        p, r, f = _prf(h["tp"], h["pred"], h["gold"])
        ep, er, ef = _prf(h["exact"], h["pred"], h["gold"])
        print(f"  {labels[half]:<20} {p:6.3f} {r:6.3f} {f:6.3f}   {ep:.3f}/{er:.3f}/{ef:.3f}")
    print(HEADER)
    for half, h in scored.items():
        print(_row(f"{labels[half]}: all gold (headline)", summarise(h["all"])))
        print(_row(f"{labels[half]}: matched only", summarise(h["matched"])))
        if name == "geovirus":
            print(_row(f"{labels[half]}: no countries/continents", summarise(h["no_areas"])))
    if show_errors:
        _print_errors(dev_errors, show_errors)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m evaluation.geoparsing", description=__doc__.split("\n")[0])
    parser.add_argument("--gold-only", action="store_true", help="skip the end-to-end run (no NER)")
    parser.add_argument("--dev-only", action="store_true", help="dev halves only: held-out never read")
    parser.add_argument("--corpus", choices=[*PATHS, "all"], default="all")
    parser.add_argument("--errors", type=int, default=0, metavar="N", help="list N dev errors (end to end)")
    parser.add_argument("--dev-fold", choices=["a", "b"], help="only one fold of the dev half (implies --dev-only): "
                        "a rule chosen on one fold's errors is checked on the other")
    args = parser.parse_args(argv)
    names = list(PATHS) if args.corpus == "all" else [args.corpus]
    missing = [n for n in names if not (bench_dir() / PATHS[n]).exists()]
    if missing:
        print(f"geoparsing: {', '.join(missing)} not found under {bench_dir()} (set NEWSINTEL_SHARED)",
              file=sys.stderr)
        return 1
    print("Geoparsing (Gritta et al. 2020 metrics: accuracy@161 km, missed toponyms wrong in the headline)")
    started = time.perf_counter()
    for name in names:
        evaluate(name, args.dev_only, args.gold_only, args.errors, args.dev_fold)
    print(f"\n({time.perf_counter() - started:.1f} s, of which toponym finding and resolution "
          f"{GEOCODING_SECONDS[0]:.1f} s; the rest is the spaCy pipeline)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
