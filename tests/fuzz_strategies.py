"""Hypothesis strategies over the fuzz inputs (tests/fuzz_inputs.py), and the contract the readers must keep."""

from __future__ import annotations

from pathlib import Path

from fuzz_inputs import (
    ENCODINGS,
    FIELD_KEYS,
    FORMATS,
    ODD_NAMES,
    Digits,
    FuzzInput,
    deep_json,
    dump_json,
    gz,
    hostile_html,
    lying_warc,
    mutate,
    reencode,
    truncate,
    valid_file,
)
from hypothesis import strategies as st

# ---- hypothesis strategies (make test) ---------------------------------------------------------------------------

suffixes = st.sampled_from(FORMATS)
json_scalars = (st.none() | st.booleans() | st.integers() | st.floats()
                | st.builds(Digits, st.integers(4200, 6000)) | st.text(max_size=40)
                | st.characters(categories=["Cs"]))
json_values = st.recursive(
    json_scalars,
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.sampled_from(FIELD_KEYS) | st.text(max_size=8),
                                                               inner, max_size=5),
    max_leaves=12,
)


@st.composite
def any_bytes(draw: st.DrawFn) -> FuzzInput:
    suffix, zipped, data = draw(suffixes), draw(st.booleans()), draw(st.binary(max_size=4096))
    return FuzzInput("bytes", f"input{suffix}" + (".gz" if zipped else ""), gz(data) if zipped else data)


@st.composite
def any_json(draw: st.DrawFn) -> FuzzInput:
    suffix = draw(st.sampled_from([".json", ".jsonl"]))
    values = draw(st.lists(json_values, min_size=1, max_size=4 if suffix == ".jsonl" else 1))
    text = "\n".join(dump_json(v) for v in values)
    return FuzzInput("json-shape", f"input{suffix}", text.encode("utf-8", "surrogatepass"))


@st.composite
def deep_or_huge(draw: st.DrawFn) -> FuzzInput:
    suffix = draw(st.sampled_from([".json", ".jsonl"]))
    depth = draw(st.sampled_from([2000, 100_000]))
    inner = draw(st.sampled_from([deep_json(depth), deep_json(depth, "dict"), "9" * 5000]))
    field = draw(st.sampled_from(["text", "published", "title"]))
    body = inner if draw(st.booleans()) else '{"text": "A long enough report about a border crossing.", ' \
                                             f'"{field}": {inner}}}'
    return FuzzInput("deep", f"input{suffix}", body.encode())


@st.composite
def mutated(draw: st.DrawFn) -> FuzzInput:
    rng = draw(st.randoms(use_true_random=False))
    suffix = draw(suffixes)
    data = mutate(rng, valid_file(rng, suffix))
    zipped = draw(st.booleans())
    if zipped:  # a valid gzip cut anywhere, or gzip of a mutated file
        data = truncate(rng, gz(data)) if draw(st.booleans()) else gz(data)
    return FuzzInput("mutated", f"input{suffix}" + (".gz" if zipped else ""), data)


@st.composite
def odd_encoding(draw: st.DrawFn) -> FuzzInput:
    rng = draw(st.randoms(use_true_random=False))
    suffix = draw(st.sampled_from([".txt", ".html", ".json", ".jsonl"]))
    data = reencode(valid_file(rng, suffix).decode(), draw(st.sampled_from(ENCODINGS)), draw(st.booleans()))
    return FuzzInput("encoding", f"input{suffix}", data)


@st.composite
def lying_or_hostile(draw: st.DrawFn) -> FuzzInput:
    rng = draw(st.randoms(use_true_random=False))
    if draw(st.booleans()):
        return FuzzInput("lying-warc", "input.warc", lying_warc(rng))
    return FuzzInput("hostile-html", "input.html", hostile_html(rng))


@st.composite
def odd_name(draw: st.DrawFn) -> FuzzInput:
    """A valid file or junk under a name with a newline, a control character or bytes that are not UTF-8."""
    rng = draw(st.randoms(use_true_random=False))
    suffix = draw(suffixes)
    data = valid_file(rng, suffix) if draw(st.booleans()) else rng.randbytes(200)
    return FuzzInput("odd-name", draw(st.sampled_from(ODD_NAMES)) + suffix, data)


# ---- the contract ------------------------------------------------------------------------------------------------

def describe(err: BaseException) -> str:
    """`Type: message (file:line)` with the innermost frame, so equal faults group together in a report."""
    tb = err.__traceback__
    while tb is not None and tb.tb_next is not None:
        tb = tb.tb_next
    where = f" ({Path(tb.tb_frame.f_code.co_filename).name}:{tb.tb_lineno})" if tb is not None else ""
    message = str(err).replace("\n", " ")
    return f"{type(err).__name__}: {message[:200]}{where}"


def check_contract(path: Path, clean_limit: int = 20) -> list[str]:
    """Read `path` as ingest would and return every breach of the readers' contract that does not raise.

    Exceptions are not caught here: one escaping `read_path` (or a non-InputError from `clean`) is itself the breach,
    and the caller reports it. Checked: only RawDocument or Failure come out; each error line is one printable line;
    each document's origin can be stored (UTF-8 encodable); `clean` gives a document or an InputError.
    """
    from newsintel.clean import clean
    from newsintel.ingest import read_path
    from newsintel.ingest.decode import InputError
    from newsintel.model import Failure, RawDocument

    problems: list[str] = []
    cleaned = 0
    for item in read_path(path):
        if isinstance(item, Failure):
            line = item.line()
            if "\n" in line or "\r" in line:
                problems.append(f"error line spans several lines: {line[:120]!r}")
            try:
                line.encode("utf-8")
            except UnicodeEncodeError:
                problems.append(f"error line cannot be printed as UTF-8: {line[:120]!r}")
        elif isinstance(item, RawDocument):
            try:
                item.origin.encode("utf-8")
            except UnicodeEncodeError:
                problems.append(f"document origin cannot be stored as UTF-8: {item.origin[:120]!r}")
            if cleaned < clean_limit:
                cleaned += 1
                try:
                    clean(item)
                except InputError:
                    pass
                except Exception as err:  # clean's contract: a document or an InputError, nothing else
                    problems.append(f"clean raised {describe(err)}")
        else:
            problems.append(f"read_path yielded {type(item).__name__}")
    return problems
