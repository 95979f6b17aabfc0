"""The entity-resolution gold (tests/gold/resolution/) and the B³ scorer (evaluation/resolution.py)."""

from __future__ import annotations

import importlib.util
import json
import re
from functools import cache
from pathlib import Path

import pytest

from evaluation.extraction import repo_root
from evaluation.resolution import (
    GOLD,
    IDENTITY,
    REAL_DEV,
    REAL_HELDOUT,
    SHARED_PREFIX,
    GoldError,
    align,
    b_cubed,
    document_path,
    gold_counts,
    load_gold,
)
from newsintel.clean import clean
from newsintel.ingest import read_path
from newsintel.model import Failure

# --------------------------------------------------------------------------
# B³ on examples computed by hand
# --------------------------------------------------------------------------

GOLD3 = {"a": "X", "b": "X", "c": "Y"}


def approx(*values: float):
    return pytest.approx(values, abs=1e-9)


def test_b_cubed_perfect():
    assert b_cubed(GOLD3, {"a": 1, "b": 1, "c": 2}) == approx(1.0, 1.0, 1.0)


def test_b_cubed_everything_merged():
    # precision: a 2/3, b 2/3, c 1/3 -> 5/9; recall 1; F1 = 2 * 5/9 / (14/9) = 5/7
    assert b_cubed(GOLD3, {"a": 0, "b": 0, "c": 0}) == approx(5 / 9, 1.0, 5 / 7)


def test_b_cubed_nothing_predicted_is_all_singletons():
    # precision 1; recall: a 1/2, b 1/2, c 1 -> 2/3; F1 = 4/5
    assert b_cubed(GOLD3, {}) == approx(1.0, 2 / 3, 0.8)


def test_b_cubed_bagga_baldwin_merge_of_two_clusters():
    # gold {1..5} {6,7} {8..12}; the system merges the last two. precision: 5 x 1, 2 x 2/7, 5 x 5/7 -> 16/21
    gold = {i: "A" if i <= 5 else "B" if i <= 7 else "C" for i in range(1, 13)}
    pred = {i: "p" if i <= 5 else "q" for i in range(1, 13)}
    p, r, f = b_cubed(gold, pred)
    assert (p, r) == approx(16 / 21, 1.0)
    assert f == pytest.approx(2 * (16 / 21) / (16 / 21 + 1))


def test_b_cubed_split_cluster():
    # gold one cluster of 4, predicted 3 + 1: recall 3 x 3/4 + 1 x 1/4 -> 10/16; precision 1
    gold = dict.fromkeys("abcd", "X")
    assert b_cubed(gold, {"a": 1, "b": 1, "c": 1, "d": 2})[:2] == approx(1.0, 10 / 16)


def test_b_cubed_missing_gold_key_is_a_singleton_and_extra_keys_are_ignored():
    gold = {"a": "X", "b": "X"}
    # "z" is no gold mention: it must not count, so a is alone in its cluster; b is missing: a singleton
    assert b_cubed(gold, {"a": 7, "z": 7}) == approx(1.0, 0.5, 2 / 3)
    # a missing key must not join a predicted cluster whose id happens to equal the key
    assert b_cubed({"a": "X", "b": "Y"}, {"a": "b"}) == approx(1.0, 1.0, 1.0)


def test_b_cubed_is_not_fooled_by_cluster_ids_equal_to_identities():
    assert b_cubed(GOLD3, {"a": "X", "b": "Y", "c": "X"}) == approx(2 / 3, 2 / 3, 2 / 3)


def test_align_takes_the_cluster_of_the_most_overlapping_prediction():
    gold = [("d", 4, 28), ("d", 40, 46), ("d", 60, 66), ("e", 0, 5)]
    pred = {("d", 0, 28): "the-sdf", ("d", 40, 46): "exact", ("d", 38, 44): "worse", ("d", 55, 61): "small",
            ("d", 61, 70): "large", ("f", 0, 5): "other-doc"}
    assert align(gold, pred) == {("d", 4, 28): "the-sdf", ("d", 40, 46): "exact", ("d", 60, 66): "large"}


def test_b_cubed_empty_gold():
    assert b_cubed({}, {"a": 1}) == (0.0, 0.0, 0.0)


# --------------------------------------------------------------------------
# The loader
# --------------------------------------------------------------------------

GOOD = {"doc": "examples/x.txt", "title": "T", "start": 0, "end": 6, "text": "Haliti", "type": "PERSON",
        "identity": "person:driton-haliti"}


def write_rows(tmp_path: Path, rows: list) -> Path:
    path = tmp_path / "m.jsonl"
    path.write_text("".join((r if isinstance(r, str) else json.dumps(r)) + "\n" for r in rows), encoding="utf-8")
    return path


def test_loader_reads_a_good_line(tmp_path):
    (m,) = load_gold(write_rows(tmp_path, [GOOD]))
    assert (m.key, m.type, m.identity) == (("examples/x.txt", 0, 6), "PERSON", "person:driton-haliti")


@pytest.mark.parametrize("change, reason", [
    ({"end": 7}, "offsets"),
    ({"type": "GPE"}, "unknown type"),
    ({"identity": "Driton Haliti"}, "identity"),
    ({"identity": "org:driton-haliti"}, "does not match"),
    ({"start": "0"}, "field 'start'"),
    ({"text": " Haliti", "end": 17}, "spaces"),
])
def test_loader_rejects_bad_lines_naming_the_line(tmp_path, change, reason):
    with pytest.raises(GoldError, match=rf"m\.jsonl:2: .*{reason}"):
        load_gold(write_rows(tmp_path, [GOOD, {**GOOD, "start": 10, "end": 16, **change}]))


def test_loader_rejects_malformed_json_and_overlaps(tmp_path):
    with pytest.raises(GoldError, match=r"m\.jsonl:1: malformed JSON"):
        load_gold(write_rows(tmp_path, ["{nope"]))
    overlapping = {**GOOD, "start": 3, "end": 9}
    with pytest.raises(GoldError, match="overlap"):
        load_gold(write_rows(tmp_path, [GOOD, overlapping]))


# --------------------------------------------------------------------------
# The gold file itself
# --------------------------------------------------------------------------


GOLD_FILES = (GOLD, REAL_DEV, REAL_HELDOUT)


@cache
def gold(path: Path = GOLD):
    return load_gold(path)


def shared_available() -> bool:
    return any(m.doc.startswith(SHARED_PREFIX) and document_path(m.doc).is_file() for m in gold())


@cache
def cleaned_documents(path: Path = GOLD) -> dict[str, tuple[str | None, str]]:
    """origin -> (title, text) exactly as newsintel cleans it (the text `extract --json` prints)."""
    out = {}
    for file in sorted({re.sub(r"(:\d+|#\d+)$", "", m.doc) for m in gold(path)}):
        path = document_path(file)
        if not path.is_file():
            continue
        for raw in read_path(path):
            assert not isinstance(raw, Failure), raw.line()
            info = clean(raw)
            out[file + raw.origin[len(str(path)):]] = (info.title, info.text)  # origin as run from the repo root
    return out


def build_module():
    spec = importlib.util.spec_from_file_location("resolution_build", GOLD.parent / "build.py")
    build = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(build)
    return build


def test_gold_is_big_enough_and_has_the_hard_cases():
    counts = gold_counts(gold())
    assert counts["mentions"] >= 300
    assert counts["documents"] >= 40
    assert counts["documents_real"] >= 10
    assert counts["identities_cross_document"] >= 20
    assert counts["identities_with_variants"] >= 20
    assert len(counts["namesake_groups"]) >= 3


@pytest.mark.parametrize("path", [REAL_DEV, REAL_HELDOUT], ids=["dev", "heldout"])
def test_each_real_half_is_big_enough(path):
    counts = gold_counts(gold(path))
    assert counts["documents"] == counts["documents_real"] >= 30
    assert counts["mentions"] >= 400
    assert counts["identities_cross_document"] >= 30
    assert counts["identities_with_variants"] >= 25


def test_real_halves_are_split_by_story_group_and_new():
    """The halves share no document and no story group, and none of their documents is in mentions.jsonl."""
    import yaml

    spec = yaml.safe_load((GOLD.parent / "real_names.yaml").read_text(encoding="utf-8"))
    group_of = {entry["doc"]: entry["group"] for entry in spec["documents"]}
    docs = {path: {m.doc for m in gold(path)} for path in (REAL_DEV, REAL_HELDOUT)}
    assert docs[REAL_DEV] and docs[REAL_HELDOUT] and not docs[REAL_DEV] & docs[REAL_HELDOUT]
    assert docs[REAL_DEV] | docs[REAL_HELDOUT] == set(group_of)
    groups = {path: {group_of[d] for d in ds} for path, ds in docs.items()}
    assert not groups[REAL_DEV] & groups[REAL_HELDOUT]
    for path, split in ((REAL_DEV, "dev"), (REAL_HELDOUT, "heldout")):
        assert all(spec["groups"][g]["split"] == split for g in groups[path])
    assert not (docs[REAL_DEV] | docs[REAL_HELDOUT]) & {m.doc for m in gold()}
    assert len(groups[REAL_DEV]) + len(groups[REAL_HELDOUT]) >= 14 and len(group_of) >= 60


def test_identities_are_well_formed_and_keep_one_type():
    """Across all three files: a slug names one referent with one type."""
    type_of = {}
    for path in GOLD_FILES:
        for m in gold(path):
            assert IDENTITY.match(m.identity), m.identity
            assert type_of.setdefault(m.identity, m.type) == m.type, m.identity
    # a slug is the name of one referent: no two slugs differing only in punctuation
    squashed = {}
    for identity in type_of:
        assert squashed.setdefault(re.sub(r"[^a-z0-9]", "", identity), identity) == identity


@pytest.mark.parametrize("path", GOLD_FILES, ids=lambda p: p.stem)
def test_every_offset_matches_the_cleaned_text(path):
    docs = cleaned_documents(path)
    if path != GOLD and not docs:
        pytest.skip("shared bench data not found")
    checked = 0
    for m in gold(path):
        if m.doc not in docs:
            assert m.doc.startswith(SHARED_PREFIX), f"{m.doc}: document not found"
            continue
        title, text = docs[m.doc]
        assert text[m.start:m.end] == m.text, f"{m.doc} {m.start}-{m.end}: {text[m.start:m.end]!r} != {m.text!r}"
        assert m.title == title, m.doc
        checked += 1
    assert checked >= 300


@pytest.mark.parametrize("path", GOLD_FILES, ids=lambda p: p.stem)
def test_annotation_is_consistent_within_a_document(path):
    """Every occurrence of an annotated name string in a document is annotated (or covered by a longer mention);
    only a hashtag ("#Eagles") is no mention of the name in it."""
    docs = cleaned_documents(path)
    by_doc: dict[str, list] = {}
    for m in gold(path):
        by_doc.setdefault(m.doc, []).append(m)
    for doc, mentions in by_doc.items():
        if doc not in docs:
            continue
        text = docs[doc][1]
        spans = [(m.start, m.end) for m in mentions]
        for name in {m.text for m in mentions}:
            for hit in re.finditer(r"(?<![\w#])" + re.escape(name) + r"(?!\w)", text):
                assert any(s <= hit.start() and hit.end() <= e for s, e in spans), f"{doc}: {name!r} at {hit.start()}"


def test_mentions_file_is_what_build_makes_from_names_yaml(monkeypatch):
    if not shared_available():
        pytest.skip("shared bench data not found")
    build = build_module()
    import yaml

    monkeypatch.chdir(build.ROOT)
    lines, _ = build.build(yaml.safe_load((GOLD.parent / "names.yaml").read_text(encoding="utf-8")))
    on_disk = [json.loads(line) for line in GOLD.read_text(encoding="utf-8").splitlines() if line.strip()]
    assert lines == on_disk


def test_real_files_are_what_build_makes_from_real_names_yaml(monkeypatch):
    if not any(document_path(m.doc).is_file() for m in gold(REAL_DEV)):
        pytest.skip("shared bench data not found")
    build = build_module()
    import yaml

    monkeypatch.chdir(build.ROOT)
    halves, _ = build.build_real(yaml.safe_load((GOLD.parent / "real_names.yaml").read_text(encoding="utf-8")))
    for split, path in (("dev", REAL_DEV), ("heldout", REAL_HELDOUT)):
        on_disk = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
        assert halves[split] == on_disk, split


def test_cleaned_text_is_the_text_extract_prints(monkeypatch):
    """The offsets index `document.text` of `extract --json`; check once that it is the cleaner's text."""
    from newsintel.pipeline import process_batch

    monkeypatch.chdir(repo_root())
    path = Path("examples/corpus/feeds/rome-arrest.json")
    (raw,) = list(read_path(path))
    (record,) = process_batch([raw])
    assert record.to_json()["document"]["text"] == clean(raw).text
    assert raw.origin == str(path) and raw.origin in {m.doc for m in gold()}
