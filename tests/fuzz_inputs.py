"""Inputs for fuzzing the readers: valid files of every format, JSON shapes, mutations, odd encodings, bombs.

Every reader format (.txt, .html, .json, .jsonl, .warc, each also gzipped) gets: any bytes; any JSON shape (deep
nesting, huge integers, wrong field types, surrogates escaped in JSON); valid files mutated (cut at any byte, bytes
flipped, a chunk dropped or repeated, a valid gzip or WARC cut anywhere); odd encodings (UTF-16/32 with and without
a BOM); gzip bombs; WARC records with lying headers; hostile HTML. The builders serve two drivers: the hypothesis
strategies of fuzz_strategies.py (the quick test in `make test`) and `random_input(rng)`, a seeded generator for the
fixed-count long run (`make fuzz`, benchmarks/fuzz.py). No hypothesis here, only `random.Random`.
"""

from __future__ import annotations

import codecs
import gzip
import io
import json
import random
from dataclasses import dataclass
from typing import Any

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
    for i, (url, body, ctype) in enumerate(pages):
        headers = StatusAndHeaders("200 OK", [("Content-Type", ctype)], protocol="HTTP/1.1")
        # fixed id and date: the same pages give the same bytes (a random id or the clock would change the
        # compressed length between runs, and hypothesis refuses a strategy whose draws depend on outside state)
        fixed = {"WARC-Record-ID": f"<urn:uuid:00000000-0000-0000-0000-{i:012d}>", "WARC-Date": "2024-05-01T10:00:00Z"}
        writer.write_record(writer.create_warc_record(url, "response", payload=io.BytesIO(body),
                                                      warc_headers_dict=fixed, http_headers=headers))
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


# ---- bombs, lying WARC headers, hostile HTML ---------------------------------------------------------------------

def bomb(rng: random.Random, suffix: str) -> bytes:
    """A small gzip file expanding to 6-300 MB of one repeated pattern (identical members: cheap to build)."""
    fill = rng.choice([b"a", b"\n", b" \n", b"[", b'{"text": "x"}\n', b"\x00", b"<div>"])
    head = {".json": b'{"text": "', ".jsonl": b'{"text": "', ".warc": b"WARC/1.0\r\n"}.get(suffix, b"")
    member = gzip.compress(fill * ((1 << 20) // len(fill)), compresslevel=9, mtime=0)
    return gzip.compress(head, mtime=0) + member * rng.choice([6, 40, 300])


LYING_HEADERS = [("Content-Length", v) for v in ("-1", "99999999999999", "abc", "", "1e9", "0x10")] + [
    ("WARC-Type", "response\x00"), ("WARC-Date", "9999-99-99T99:99:99Z"), ("WARC-Target-URI", "\u202e" * 50),
    ("Content-Type", "application/http; msgtype=response; charset=" + "x" * 300)]


def lying_warc(rng: random.Random) -> bytes:
    """WARC records whose headers lie: impossible lengths, junk status lines, unknown charsets, no headers at all."""
    page = article_html(article_text(rng)).encode()
    pick = rng.randrange(4)
    if pick == 0:
        key, value = rng.choice(LYING_HEADERS)
        record = raw_warc_record("response", b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n" + page)
        record = record.replace(f"{key}: ".encode(), f"X-Old-{key}: ".encode(), 1)
        record = record.replace(b"\r\n\r\n", f"\r\n{key}: {value}\r\n\r\n".encode("utf-8", "surrogatepass"), 1)
    elif pick == 1:
        status = rng.choice([b"HTTP/1.1 999", b"garbage", b"", b"HTTP/1.1 200 OK\r\nContent-Type: text/html; "
                             b"charset=no-such-charset", b"HTTP/1.1 200 OK\r\nContent-Encoding: gzip"])
        record = raw_warc_record("response", status + b"\r\n\r\n" + page)
    elif pick == 2:
        record = raw_warc_record(rng.choice(["response", "resource", "revisit", "nonsense"]), page)
    else:
        record = raw_warc_record("response", b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n" + page)
        record = record.replace(b"WARC/1.0", rng.choice([b"WARC/9.9", b"WARC/1.0 extra", b"warc/1.0", b"ARC"]), 1)
    return valid_file(rng, ".warc") + record if rng.random() < 0.5 else record


def hostile_html(rng: random.Random) -> bytes:
    text = article_text(rng)
    pick = rng.randrange(5)
    if pick == 0:
        depth = rng.choice([300, 3000, 30000])
        return ("<html><body>" + "<div>" * depth + f"<p>{text}</p>" + "</div>" * depth).encode()
    if pick == 1:
        return f'<html><head><meta charset="{rng.choice(["x" * 200, "utf-7", "ebcdic", ""])}"></head><body><p>' \
               f"{text}</p></body></html>".encode()
    if pick == 2:
        return ("<p>" + "&#xFFFFFFFF;&#0;&#xD800;&bogus;" * rng.randint(1, 2000) + text + "</p>").encode()
    if pick == 3:
        return f'<html><body><p title="{"a" * rng.choice([1000, 1_000_000])}">{text}</p></body></html>'.encode()
    return ("<script>" + "x" * 100_000 + "</script><style>" + "y" * 1000 + "</style><p>" + text).encode()


# ---- the seeded generator (make fuzz) ----------------------------------------------------------------------------

def random_bytes(rng: random.Random) -> bytes:
    size = int(2 ** rng.uniform(0, 16))
    if rng.random() < 0.3:  # text-like: mostly printable, some controls
        return bytes(rng.choice(b"abc def\n\t{}[]\":,<>/\x00\x1b\xff\xe9") for _ in range(size))
    return rng.randbytes(size)


def random_input(rng: random.Random) -> FuzzInput:
    """One malformed (sometimes valid) input of a random format, reproducible from the generator's state."""
    suffix = rng.choice(FORMATS)
    kind = rng.choices(["bytes", "json-shape", "deep", "mutated", "cut-archive", "encoding", "valid", "bomb",
                        "lying-warc", "hostile-html"], weights=[15, 20, 5, 30, 12, 12, 6, 2, 5, 5])[0]
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
    elif kind == "bomb":
        suffix = rng.choice(FORMATS)
        return FuzzInput(kind, f"input{suffix}.gz", bomb(rng, suffix))
    elif kind == "lying-warc":
        suffix, data = ".warc", lying_warc(rng)
    elif kind == "hostile-html":
        suffix, data = ".html", hostile_html(rng)
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
