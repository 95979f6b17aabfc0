"""`newsintel import FILE`: a partner's STIX 2.1 bundle into the store (issue 14 item 3; README "Sharing").

Reading and checking: ingest/partner_bundle.py; what the objects mean: ingest/partner_records.py (places taking
part, in our own export's objects: ingest/partner_places.py); storing, in one
transaction: store/partner_import.py. One summary line (objects read, imported, skipped by reason); a bundle that
cannot be imported at all is one `error:` line and exit 1, with nothing stored.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

from newsintel.cli import render
from newsintel.cli.common import EXIT_FAILED, EXIT_OK, error, open_store

UNMARKED_DEFAULT = "amber"  # partner data with no TLP marking, no --tlp and no registered TLP: not for sharing on
# --max-bytes: a bundle is read whole (about ten times its size in memory: our 10k-document export, 81 MB, peaked at
# 0.9 GB), so the bound keeps an import under about 1 GB; it holds our own export of some 11k documents, and refuses
# a 100 MB bundle with one line naming the option (the default of ingest/partner_bundle.py was 50 MB: too small for
# our own 10k export).
MAX_BYTES = 90 * 1024 * 1024


def cmd_import(args: argparse.Namespace) -> int:
    from newsintel.ingest.partner_bundle import BundleError, bundle_creator, missing_references, read_bundle
    from newsintel.ingest.partner_places import PartnerMapper
    from newsintel.store.partner_import import import_documents, known_objects
    from newsintel.store.sharing import registered_tlp

    try:
        bundle = read_bundle(args.file, args.max_bytes)
    except BundleError as err:
        error(str(err))
        return EXIT_FAILED
    partner = " ".join((args.source or bundle_creator(bundle) or Path(args.file).stem).split())
    conn = open_store(args, readonly=False)
    unmarked = args.tlp or registered_tlp(conn, partner) or UNMARKED_DEFAULT
    known = known_objects(conn, missing_references(bundle))
    mapper = PartnerMapper(bundle, partner, unmarked, args.tlp, known)
    docs = mapper.documents()
    nodes = {i: bundle.objects[i] for i in sorted(mapper.used_nodes) if i in bundle.objects}
    changed: list[str] = []
    counts = import_documents(conn, docs, partner, nodes, changed, bundle.objects, known,
                              own_ids(conn, set(nodes) | set(known)))
    alerts = _alerts(conn, changed, bundle.path)
    skipped = bundle.skipped + mapper.skipped
    summary: dict[str, Any] = {
        "file": bundle.path, "partner": partner, "read": bundle.read,
        "imported": len({i for d in docs for i in d.object_ids}) + len(nodes), "documents": len(docs),
        "new": counts["new"], "updated": counts["updated"], "unchanged": counts["unchanged"], "unmarked_tlp": unmarked,
        "skipped": dict(sorted(skipped.items())), "alerts": alerts[0], "alerted_identities": alerts[1]}
    if args.json:
        print(json.dumps(summary, ensure_ascii=False))
    else:
        print(render.safe(line(summary)), file=sys.stderr)
        if alerts[0]:  # as ingest ends: "3 alerts for 2 watched identities: newsintel alerts"
            print(f"{alerts[0]} alert{'s' if alerts[0] != 1 else ''} for {alerts[1]} watched identit"
                  f"{'ies' if alerts[1] != 1 else 'y'}: newsintel alerts", file=sys.stderr)
    return EXIT_OK


def own_ids(conn: Any, stix_ids: set[str]) -> dict[str, str]:
    """Those of `stix_ids` that our own export gave an identity of this store (exports/stix.py: the same store
    gives the same ids), -> that identity: our bundle coming back links to the identities it came from."""
    from newsintel.exports.stix_objects import stix_id

    wanted = {i for i in stix_ids if i.split("--")[0] in ("identity", "threat-actor")}
    out: dict[str, str] = {}
    if not wanted:
        return out
    for row in conn.execute("SELECT id FROM identities"):
        identity = row[0]
        for kind in ("identity", "threat-actor"):
            if (ref := stix_id(kind, identity)) in wanted:
                out[ref] = identity
    return out


def _alerts(conn: Any, doc_ids: list[str], origin: str) -> tuple[int, int]:
    """Watchlist alerts of the imported documents, as ingest makes them once a document is committed (a failure
    is a warning: the import stands); returns (alerts made, watched identities they are about)."""
    from newsintel.store.watch import alert_counts_after, last_alert_id
    from newsintel.views.alerts import after_store

    def warn(_kind: str, notice: object) -> None:
        print(render.safe(notice.line() if hasattr(notice, "line") else str(notice)), file=sys.stderr)

    before = last_alert_id(conn)
    for doc_id in doc_ids:
        after_store(conn, doc_id, f"{origin}: {doc_id}", warn)
    return alert_counts_after(conn, before)


def line(s: dict[str, Any]) -> str:
    skipped = sum(s["skipped"].values())
    reasons = "; ".join(f"{reason} {n}" for reason, n in s["skipped"].items())
    return (f"imported {s['file']} as partner {s['partner']}: {s['read']} objects read, {s['imported']} imported "
            f"into {s['documents']} documents ({s['new']} new, {s['updated']} updated, {s['unchanged']} unchanged), "
            f"{skipped} skipped"
            + (f" ({reasons})" if reasons else "") + f"; unmarked objects: TLP:{s['unmarked_tlp'].upper()}")


def add_command(add: Any, json_flag: argparse.ArgumentParser) -> None:
    from newsintel.cli.args import positive
    from newsintel.cli.sharing import tlp_arg

    p = add("import", cmd_import, "import a partner's STIX 2.1 bundle: its facts, marked and graded, under the "
            "partner as source", json_flag)
    p.add_argument("file", metavar="FILE", help="the bundle (JSON)")
    p.add_argument("--source", metavar="NAME", help="the partner (default: the identity that created most objects)")
    p.add_argument("--tlp", type=tlp_arg, metavar="LEVEL",
                   help="TLP of unmarked objects, and the least any object gets (default for unmarked: the "
                        f"partner's registered TLP, else {UNMARKED_DEFAULT})")
    p.add_argument("--max-bytes", type=positive, default=MAX_BYTES, metavar="N",
                   help=f"refuse a bundle larger than this (default {MAX_BYTES:,}; it is read whole, about ten "
                        "times its size in memory)")
