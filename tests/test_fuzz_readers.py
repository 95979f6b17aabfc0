"""Property tests: whatever the bytes, the readers give documents or one-line failures, never an exception.

Quick and reproducible (derandomized, a few hundred examples); `make fuzz` runs the long version
(benchmarks/fuzz.py) and benchmarks/hostile.py the hand-made hostile set through the real command.
"""

import tempfile
from pathlib import Path

import pytest
from fuzz_inputs import FuzzInput, raw_warc_record, warc_bytes
from fuzz_strategies import (
    any_bytes,
    any_json,
    check_contract,
    deep_or_huge,
    lying_or_hostile,
    mutated,
    odd_encoding,
    odd_name,
)
from hypothesis import HealthCheck, given, settings

QUICK = settings(max_examples=60, deadline=None, derandomize=True, database=None,
                 suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])


def holds(item: FuzzInput) -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / item.name
        path.write_bytes(item.data)
        assert check_contract(path) == []


@QUICK
@given(any_bytes())
def test_any_bytes_in_any_format(item):
    holds(item)


@QUICK
@given(any_json())
def test_any_json_shape(item):
    holds(item)


@settings(QUICK, max_examples=20)
@given(deep_or_huge())
def test_deep_nesting_and_huge_numbers(item):
    holds(item)


@QUICK
@given(mutated())
def test_valid_files_cut_flipped_or_repeated(item):
    holds(item)


@QUICK
@given(odd_encoding())
def test_utf16_utf32_and_legacy_encodings(item):
    holds(item)


@settings(QUICK, max_examples=30)
@given(lying_or_hostile())
def test_warc_headers_that_lie_and_hostile_html(item):
    holds(item)


@settings(QUICK, max_examples=20)
@given(odd_name())
def test_file_names_with_newlines_controls_or_bytes_not_utf8(item):
    holds(item)


def test_every_cut_of_a_warc_record_header(tmp_path):
    """A WARC cut at each byte of its second record's header (where the library itself failed)."""
    page = b"<html><body><p>" + b"A report about a crossing at the border near Skopje. " * 5 + b"</p></body></html>"
    whole = warc_bytes([("https://news.example/1", page, "text/html"), ("https://news.example/2", page, "text/html")])
    second = whole.index(b"WARC/1.0", 10)
    for cut in range(second, second + 400, 3):
        holds(FuzzInput("cut", "cut.warc", whole[:cut]))
    holds(FuzzInput("no-status", "bare.warc", raw_warc_record("response", page)))


def test_the_seeded_generator_through_the_fuzz_runner(tmp_path):
    """A sample of `make fuzz`: the same worker, per-input time limit and checks, 120 inputs."""
    from benchmarks.fuzz import met, report, run

    results = run(120, seed=1, timeout=30, out=tmp_path / "failures", progress=False)
    assert results.inputs == 120
    assert len(results.saved) == len(list((tmp_path / "failures").glob("*.note")))
    assert met(results), "\n".join(report(results, 0.0))


@pytest.mark.slow
def test_hostile_set_in_one_ingest_run(tmp_path):
    """The issue's hostile set beside 20 good reports, one `newsintel ingest`: see benchmarks/hostile.py."""
    from benchmarks.hostile import run_hostile

    outcome = run_hostile(tmp_path, timeout=240)
    assert outcome.failures() == [], "\n".join(outcome.table())
