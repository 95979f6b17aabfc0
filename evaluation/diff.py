"""Developer diff of extraction against gold: per document, gold vs predicted events with their roles, and
aggregate error categories. For diagnosis only (not used by tests or `make eval`).

    python -m evaluation.diff                 # aggregate categories over all gold documents
    python -m evaluation.diff --show w02      # also print the documents whose name contains "w02"
    python -m evaluation.diff --real --show all --only SMUGGLE

Categories per gold event (first that applies): ``no trigger`` (no prediction overlaps it), ``type mismatch``
(a prediction on the trigger has another type), then, for a type + trigger match that fails strictly,
``missing actor`` (predicted no actor), ``wrong actor`` (predicted actors, none matching), ``missing place``,
``wrong place``. Predictions matched by no gold event are ``spurious <TYPE>``. Attribution errors over strictly
matched events are counted as ``attr: missing``, ``attr: spurious`` and ``attr: wrong speaker``. A strictly
matched event that fails the exact-argument test is counted by what differs, per argument group (actors, targets,
places): ``exact: extra <group>`` (a predicted argument no gold one matches), ``exact: missing <group>`` (a gold
argument not predicted; targets only, as strict already needs actors and places).
"""

from __future__ import annotations

import argparse
import fnmatch
from collections import Counter
from collections.abc import Sequence
from typing import Any

from evaluation import extraction as ex


def _fmt_args(args: Sequence[Any]) -> str:
    return ", ".join(ex.arg_text(a) or "?" for a in args)


def _fmt_roles(event: dict, entities: dict[str, dict] | None = None) -> str:
    parts = []
    for role in ex.ARG_ROLES:
        values = ex._as_list(event.get(role))
        if values:
            parts.append(f"{role[:4]}=[{_fmt_args(values)}]")
    att = event.get("attribution")
    if att:
        parts.append(f"attr={ex.arg_text(att.get('speaker'))}/{att.get('cue')}")
    parts.append(f"mod={event.get('modality')}")
    return " ".join(parts)


def categorise(gold: dict, preds: Sequence[dict], entities: dict, sentences: Sequence[dict]) -> tuple[str, int | None]:
    """The error category of one gold event, and the index of the prediction it is compared with."""
    same_trigger = [i for i, p in enumerate(preds) if ex.trigger_match(gold, p, sentences)]
    typed = [i for i in same_trigger if preds[i].get("type") == gold.get("type")]
    if not same_trigger:
        return "no trigger", None
    if not typed:
        return f"type mismatch {gold['type']}->{preds[same_trigger[0]].get('type')}", same_trigger[0]
    for i in typed:
        if ex.event_match(gold, preds[i], entities, sentences):
            return "ok", i
    i = typed[0]
    p = preds[i]
    if not ex.args_covered(gold.get("actors") or [], ex._as_list(p.get("actors")), entities):
        return ("wrong actor" if ex._as_list(p.get("actors")) else "missing actor"), i
    return ("wrong place" if ex.pred_places(p) else "missing place"), i


def exact_differences(gold: dict, pred: dict, entities: dict) -> list[tuple[str, str]]:
    """What keeps a strictly matched event from the exact-argument match: (category, argument text) pairs."""
    groups = (("actors", gold.get("actors") or [], ex._as_list(pred.get("actors"))),
              ("targets", gold.get("targets") or [], ex._as_list(pred.get("targets"))),
              ("places", ex.gold_places(gold), ex.pred_places(pred)))
    out = []
    for name, golds, preds in groups:
        out += [(f"exact: extra {name}", ex.arg_text(p) or "?") for p in preds
                if not any(ex.arg_match(g, p, entities) for g in golds)]
        out += [(f"exact: missing {name}", g) for g in golds if not any(ex.arg_match(g, p, entities) for p in preds)]
    return out


def diff_document(doc: ex.GoldDoc, record: dict, show: bool, only: str | None, counts: Counter) -> None:
    text = (record.get("document") or {}).get("text") or doc.text
    sentences = [s for s in record.get("sentences") or [] if isinstance(s, dict)]
    entities = ex.entity_index(record)
    preds = [e for e in record.get("events") or [] if isinstance(e, dict)]
    if doc.annotated_chars is not None:
        cutoff = ex.map_offset(doc.text, text, doc.annotated_chars)
        preds = [p for p in preds if (p.get("start") or 0) < cutoff]
    golds = [ex.locate_gold_event(e, text, sentences) for e in doc.gold.get("events") or []]
    strict = ex.greedy_match(golds, preds, lambda g, p: ex._event_score(g, p, entities, sentences, False))
    lenient = ex.greedy_match(golds, preds, lambda g, p: ex._event_score(g, p, entities, sentences, True))
    matched_p = {pi for _, pi in strict} | {pi for _, pi in lenient}
    lines = []
    for gi, g in enumerate(golds):
        pi = next((p for gg, p in strict if gg == gi), None)
        if pi is not None:
            cat = "ok"
            p = preds[pi]
            ga, pa = g.get("attribution"), p.get("attribution")
            if not ex.attribution_match(ga, pa, entities):
                cat = "attr: missing" if ga and not pa else "attr: spurious" if pa and not ga else "attr: wrong speaker"
                counts[cat] += 1
            if g.get("modality") != p.get("modality"):
                counts[f"modality {g.get('modality')}->{p.get('modality')}"] += 1
            differences = exact_differences(g, p, entities)
            for kind, _ in differences:
                counts[kind] += 1
                counts[f"{kind} [{g['type']}]"] += 1
            if differences:
                counts["exact: events failing"] += 1
                cat = "exact: " + "; ".join(f"{k[7:]} {a!r}" for k, a in differences)
        else:
            cat, pi = categorise(g, preds, entities, sentences)
            counts[cat] += 1
            counts[f"{cat} [{g['type']}]"] += 1 if cat != "ok" else 0
        counts["gold events"] += 1
        if not show or (only and g["type"] != only):
            continue
        lines.append(f"  [{cat}] GOLD {g['type']} {g['trigger']!r}: {_fmt_roles(g)}")
        lines.append(f"      quote: {g.get('sentence_quote')!r}")
        if pi is not None:
            p = preds[pi]
            lines.append(f"      PRED {p.get('type')} {p.get('trigger')!r}: {_fmt_roles(p)}")
    for pi, p in enumerate(preds):
        if pi in matched_p:
            continue
        counts[f"spurious {p.get('type')}"] += 1
        counts["spurious (all)"] += 1
        if show and (not only or p.get("type") == only):
            sent = next((s for s in sentences if s.get("index") == p.get("sentence")), None)
            quote = text[sent["start"]:sent["end"]] if sent else ""
            lines.append(f"  [spurious] PRED {p.get('type')} {p.get('trigger')!r}: {_fmt_roles(p)}")
            lines.append(f"      sentence: {quote[:200]!r}")
    if show and lines:
        print(f"=== {doc.subset}/{doc.name}")
        print("\n".join(lines))


def main(argv: Sequence[str] | None = None) -> None:
    parser = argparse.ArgumentParser(prog="python -m evaluation.diff", description=__doc__.split("\n")[0])
    group = parser.add_mutually_exclusive_group()
    group.add_argument("--real", action="store_true", help="real documents only")
    group.add_argument("--written", action="store_true", help="written documents only")
    parser.add_argument("--show", help="print documents whose name contains this ('all' for every one)")
    parser.add_argument("--only", help="print only events of this type")
    parser.add_argument("--names", metavar="GLOB", action="append",
                        help="only documents whose name matches (e.g. 'r1[3-9]*'); repeatable")
    args = parser.parse_args(argv)
    subsets = ("real",) if args.real else ("written",) if args.written else ex.SUBSETS
    docs, messages = ex.load_gold(subsets=subsets)
    if args.names:
        docs = [d for d in docs if any(fnmatch.fnmatch(d.name, g) for g in args.names)]
    for m in messages:
        print(m)
    extract = ex.newsintel_extractor()
    counts: Counter = Counter()
    for doc in docs:
        record = extract(doc.text, doc.title, doc.published)
        show = bool(args.show) and (args.show == "all" or args.show in doc.name)
        diff_document(doc, record, show, args.only, counts)
    print("\n=== error categories")
    for key, n in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0])):
        if "[" not in key:
            print(f"  {n:4d}  {key}")
    print("\n=== by type")
    for key, n in sorted(counts.items(), key=lambda kv: (kv[0].split("[")[-1], -kv[1])):
        if "[" in key:
            print(f"  {n:4d}  {key}")


if __name__ == "__main__":
    main()
