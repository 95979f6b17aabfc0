"""Inputs for fuzzing the readers, and the contract they must keep.

Every reader format (.txt, .html, .json, .jsonl, .warc, each also gzipped) gets: any bytes; any JSON shape (deep
nesting, huge integers, wrong field types, surrogates escaped in JSON); valid files mutated (cut at any byte, bytes
flipped, a chunk dropped or repeated, a valid gzip or WARC cut anywhere); odd encodings (UTF-16/32 with and without
a BOM). The same builders serve two drivers: hypothesis strategies (the quick test in `make test`) and a seeded
generator, `random_input(rng)`, for the fixed-count long run (`make fuzz`, benchmarks/fuzz.py).
"""

from __future__ import annotations

import codecs
import gzip
import io
import json
import random
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from hypothesis import strategies as st

FORMATS = (".txt", ".html", ".json", ".jsonl", ".warc")
FIELD_KEYS = ("text", "body", "html", "title", "url", "published", "date", "source", "author", "content")
ENCODINGS = ("utf-16-le", "utf-16-be", "utf-32-le", "utf-32-be", "latin-1", "cp1252", "shift_jis", "koi8-r")
BOMS = {"utf-16-le": codecs.BOM_UTF16_LE, "utf-16-be": codecs.BOM_UTF16_BE,
        "utf-32-le": codecs.BOM_UTF32_LE, "utf-32-be": codecs.BOM_UTF32_BE}

PEOPLE = ["Arben Krasniqi", "Lejla Begic", "Samir Haddad", "Yusuf Demir", "Fjolla Zeqiri", "Dennis Koehler"]
PLACES = ["Pristina", "Sarajevo", "Gaziantep", "Vienna", "Brussels", "Skopje", "Hamburg", "Tirana"]
ACTS = ["was detained at the border crossing near {p}", "travelled by bus from {p} to {q}",
        "appeared before a court in {p}", "was seen at a market in {p}", "returned to {p} after two years in {q}"]
ODD_TEXT = ["é", "ß", "Ω", "—", "\u202e", "\u200b", "\x00", "\ufeff", "😀", "\u0301", "\r", "\x1b[31m", "\\", '"']
ODD_NAMES = ["two\nlines", "caf\udce9", "tab\there", "\u202eevil", "bell\x07", "back\\slash", "caf\u00e9"]
"""File name stems; "\udce9" is how Python names the byte 0xE9 of a file name that is not UTF-8."""


@dataclass(frozen=True, slots=True)
class FuzzInput:
    kind: str  # the generator that made it, for the report
    name: str  # file name; its suffix picks the reader
    data: bytes


@dataclass(frozen=True, slots=True)
class Digits:
    """A JSON number too long for Python's int/str conversion (4,300 digits): written as text, never as an int."""

    count: int


# ---- valid inputs ------------------------------------------------------------------------------------------------

def article_text(rng: random.Random) -> str:
    """A short wire report: headline, blank line, a few sentences."""
    who, place = rng.choice(PEOPLE), rng.choice(PLACES)
    lines = [f"{who} reported in {place}", ""]
    for _ in range(rng.randint(2, 5)):
        act = rng.choice(ACTS).format(p=rng.choice(PLACES), q=rng.choice(PLACES))
        lines.append(f"{rng.choice(PEOPLE)}, {rng.randint(19, 60)}, {act} in {rng.randint(2014, 2026)}, officials "
                     f"said (ref {rng.randint(0, 10**6)}).")
    return "\n".join(lines) + "\n"


def article_html(text: str) -> str:
    title, _, body = text.partition("\n\n")
    paras = "".join(f"<p>{line}</p>" for line in body.splitlines() if line)
    return (f"<!doctype html><html><head><meta charset='utf-8'><title>{title}</title></head>"
            f"<body><nav>Home | World</nav><article><h1>{title}</h1>{paras}</article></body></html>")


def json_record(rng: random.Random, text: str) -> dict[str, Any]:
    record: dict[str, Any] = {"text": text} if rng.random() < 0.7 else {"html": article_html(text)}
    for key, value in (("title", text.split("\n", 1)[0]), ("url", f"https://news.example/{rng.randint(0, 9999)}"),
                       ("published", f"20{rng.randint(10, 26)}-0{rng.randint(1, 9)}-1{rng.randint(0, 9)}"),
                       ("source", "Example Wire"), ("author", rng.choice(PEOPLE))):
        if rng.random() < 0.6:
            record[key] = value
    return record


def warc_bytes(pages: list[tuple[str, bytes, str]], compress: bool = False) -> bytes:
    """A WARC file of HTML response records (url, body, content type), written by warcio in memory."""
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    out = io.BytesIO()
    writer = WARCWriter(out, gzip=compress)
    for url, body, ctype in pages:
        headers = StatusAndHeaders("200 OK", [("Content-Type", ctype)], protocol="HTTP/1.1")
        writer.write_record(writer.create_warc_record(url, "response", payload=io.BytesIO(body),
                                                      http_headers=headers))
    return out.getvalue()


def raw_warc_record(rec_type: str, payload: bytes, extra: str = "") -> bytes:
    """A WARC record written by hand, for records warcio would refuse to write (no HTTP status line, wrong length)."""
    head = (f"WARC/1.0\r\nWARC-Type: {rec_type}\r\nWARC-Target-URI: https://news.example/x\r\n"
            f"WARC-Date: 2024-05-01T10:00:00Z\r\nWARC-Record-ID: <urn:uuid:00000000-0000-0000-0000-000000000001>\r\n"
            f"Content-Type: application/http; msgtype=response\r\n{extra}Content-Length: {len(payload)}\r\n\r\n")
    return head.encode() + payload + b"\r\n\r\n"


def gz(data: bytes) -> bytes:
    return gzip.compress(data, mtime=0)


def valid_file(rng: random.Random, suffix: str) -> bytes:
    """A well-formed file of the format, holding one to three reports."""
    texts = [article_text(rng) for _ in range(rng.randint(1, 3))]
    if suffix == ".txt":
        return texts[0].encode()
    if suffix == ".html":
        return article_html(texts[0]).encode()
    if suffix == ".json":
        records = [json_record(rng, t) for t in texts]
        return json.dumps(records if len(records) > 1 else records[0]).encode()
    if suffix == ".jsonl":
        return "".join(json.dumps(json_record(rng, t)) + "\n" for t in texts).encode()
    pages = [(f"https://news.example/{i}", article_html(t).encode(), "text/html; charset=utf-8")
             for i, t in enumerate(texts)]
    return warc_bytes(pages, compress=rng.random() < 0.5)


# ---- JSON shapes -------------------------------------------------------------------------------------------------

def dump_json(value: Any) -> str:
    """JSON text for `value`, where `Digits` become very long numbers; lone surrogates come out escaped."""
    if isinstance(value, Digits):
        return "9" * value.count
    if isinstance(value, dict):
        return "{" + ",".join(f"{json.dumps(str(k))}:{dump_json(v)}" for k, v in value.items()) + "}"
    if isinstance(value, list):
        return "[" + ",".join(dump_json(v) for v in value) + "]"
    return json.dumps(value)  # NaN and Infinity too: Python's own reader accepts them


def deep_json(depth: int, style: str = "list") -> str:
    """Nesting `depth` levels deep: [[[...]]] or {"a":{"a":...}}."""
    if style == "list":
        return "[" * depth + "]" * depth
    return '{"a":' * depth + "1" + "}" * depth


def random_scalar(rng: random.Random) -> Any:
    pick = rng.randrange(9)
    if pick == 0:
        return None
    if pick == 1:
        return rng.random() < 0.5
    if pick == 2:
        return rng.randint(-(2**70), 2**70)
    if pick == 3:
        return Digits(rng.choice([20, 400, 4300, 4301, 5000, 20000]))
    if pick == 4:
        return rng.choice([0.5, -1e308, 1e-320, float("inf"), float("nan"), -0.0])
    if pick == 5:
        return chr(rng.choice([0xD800, 0xDBFF, 0xDC00, 0xDFFF]))  # a lone surrogate, escaped by dump_json
    if pick == 6:
        return "".join(rng.choice(ODD_TEXT) for _ in range(rng.randint(1, 12)))
    if pick == 7:
        return rng.choice(["-1", "0", "9999-99-99", "the day after tomorrow next year", "2024-02-30", "x" * 5000])
    return article_text(rng)


def random_json(rng: random.Random, depth: int = 0) -> Any:
    """Any JSON shape, often an object with the reader's own field names holding values of the wrong type."""
    roll = rng.random()
    if depth > 5 or roll < 0.35:
        return random_scalar(rng)
    if roll < 0.55:
        return [random_json(rng, depth + 1) for _ in range(rng.randint(0, 4))]
    keys = [rng.choice(FIELD_KEYS) if rng.random() < 0.8 else rng.choice(ODD_TEXT) for _ in range(rng.randint(0, 6))]
    return {k: random_json(rng, depth + 1) for k in keys}


def json_shape_file(rng: random.Random, suffix: str) -> bytes:
    if suffix == ".jsonl":
        lines = [dump_json(random_json(rng)) for _ in range(rng.randint(1, 6))]
        return ("\n".join(lines) + rng.choice(["", "\n", "\r\n"])).encode("utf-8", "surrogatepass")
    return dump_json(random_json(rng)).encode("utf-8", "surrogatepass")


# ---- mutations ---------------------------------------------------------------------------------------------------

def truncate(rng: random.Random, data: bytes) -> bytes:
    return data[: rng.randint(0, max(0, len(data) - 1))]


def flip(rng: random.Random, data: bytes) -> bytes:
    if not data:
        return bytes([rng.randrange(256)])
    out = bytearray(data)
    for _ in range(rng.randint(1, 8)):
        out[rng.randrange(len(out))] = rng.randrange(256)
    return bytes(out)


def drop_chunk(rng: random.Random, data: bytes) -> bytes:
    a = rng.randint(0, len(data))
    return data[:a] + data[min(len(data), a + rng.randint(1, 64)):]


def repeat_chunk(rng: random.Random, data: bytes) -> bytes:
    a = rng.randint(0, len(data))
    chunk = data[a: a + rng.randint(1, 256)]
    return data[:a] + chunk * rng.randint(2, 50) + data[a:]


def insert_junk(rng: random.Random, data: bytes) -> bytes:
    a = rng.randint(0, len(data))
    junk = rng.choice([b"\x00" * 8, b"\xff\xfe", b"\xef\xbb\xbf", b"\n" * 100, b"\x1f\x8b\x08", b"WARC/1.0\r\n",
                       b'{"text":', b"]]]]", rng.randbytes(rng.randint(1, 32))])
    return data[:a] + junk + data[a:]


MUTATIONS = (truncate, flip, drop_chunk, repeat_chunk, insert_junk)


def mutate(rng: random.Random, data: bytes) -> bytes:
    for _ in range(rng.randint(1, 3)):
        data = rng.choice(MUTATIONS)(rng, data)
    return data


def reencode(text: str, encoding: str, bom: bool) -> bytes:
    return (BOMS.get(encoding, b"") if bom else b"") + text.encode(encoding, errors="replace")


# ---- the seeded generator (make fuzz) ----------------------------------------------------------------------------

def random_bytes(rng: random.Random) -> bytes:
    size = int(2 ** rng.uniform(0, 16))
    if rng.random() < 0.3:  # text-like: mostly printable, some controls
        return bytes(rng.choice(b"abc def\n\t{}[]\":,<>/\x00\x1b\xff\xe9") for _ in range(size))
    return rng.randbytes(size)


def random_input(rng: random.Random) -> FuzzInput:
    """One malformed (sometimes valid) input of a random format, reproducible from the generator's state."""
    suffix = rng.choice(FORMATS)
    kind = rng.choices(["bytes", "json-shape", "deep", "mutated", "cut-archive", "encoding", "valid"],
                       weights=[15, 20, 5, 30, 12, 12, 6])[0]
    if kind == "bytes":
        data = random_bytes(rng)
    elif kind == "json-shape":
        suffix = rng.choice([".json", ".jsonl"])
        data = json_shape_file(rng, suffix)
    elif kind == "deep":
        depth = rng.choice([100, 1000, 5000, 50_000, 200_000])
        inner = deep_json(depth, rng.choice(["list", "dict"]))
        suffix = rng.choice([".json", ".jsonl"])
        data = rng.choice([inner, '{"text": "' + article_text(rng).replace("\n", " ") + '", "title": ' + inner + "}"
                           ]).encode()
    elif kind == "mutated":
        data = mutate(rng, valid_file(rng, suffix))
    elif kind == "cut-archive":
        suffix = rng.choice([".warc", ".warc", *FORMATS])
        whole = valid_file(rng, suffix)
        whole = whole if whole[:2] == b"\x1f\x8b" else gz(whole)
        data = truncate(rng, whole)
        return FuzzInput(kind, f"input{suffix}.gz", data)
    elif kind == "encoding":
        suffix = rng.choice([".txt", ".html", ".json", ".jsonl"])
        data = reencode(valid_file(rng, suffix).decode(), rng.choice(ENCODINGS), rng.random() < 0.5)
    else:
        data = valid_file(rng, suffix)
    stem = "input"
    if rng.random() < 0.05:  # a name that must be escaped to print or store: a newline, bytes that are not UTF-8
        kind, stem = "odd-name", rng.choice(ODD_NAMES)
    if rng.random() < 0.2:
        return FuzzInput(kind, f"{stem}{suffix}.gz", gz(data))
    return FuzzInput(kind, f"{stem}{suffix}", data)


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


def fuzz_inputs() -> st.SearchStrategy[FuzzInput]:
    return any_bytes() | any_json() | deep_or_huge() | mutated() | odd_encoding()


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
