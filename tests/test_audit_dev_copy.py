"""The audit's development copy never carries a judged item from a held-out article (evaluation/audit.py ``dev``)."""

import json
from pathlib import Path

from evaluation.audit import dev_copy, heldout_sources


def test_items_from_heldout_articles_are_left_out(tmp_path: Path) -> None:
    held = sorted(heldout_sources())
    assert len(held) >= 30  # both frozen sets name their source articles
    judged = tmp_path / "judged"
    judged.mkdir()
    items = [{"item": 1, "document": {"file": held[0]}}, {"item": 2, "document": {"file": "not-held-out.json"}}]
    (judged / "events.jsonl").write_text("".join(json.dumps(x) + "\n" for x in items), encoding="utf-8")
    counts = dev_copy(judged, tmp_path / "dev")
    assert counts == {"events": {"kept": 1, "left_out": 1}}
    kept = [json.loads(ln) for ln in (tmp_path / "dev" / "events.jsonl").read_text().splitlines()]
    assert [x["item"] for x in kept] == [2]
