"""Hostile inputs: every reader turns any file into documents or one-line failures, never an exception, a hang or
an unbounded read. Each input is generated here; reads that could hang run in a subprocess under a timeout."""

import gzip
import io
import json
import os
import socket
import subprocess
import sys
from pathlib import Path

import pytest
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from newsintel.ingest import discover, read_path, readers
from newsintel.ingest.discover import display_path
from newsintel.model import Failure, RawDocument

ARTICLE = "Border guards stopped two men near Akcakale on Tuesday, officials said."
PAGE = f"<html><head><title>T</title></head><body><article><p>{ARTICLE}</p></article></body></html>"
GOOD_LINE = json.dumps({"text": ARTICLE})


def read_all(path: Path) -> tuple[list[RawDocument], list[Failure]]:
    items = list(read_path(path))
    assert all(isinstance(i, RawDocument | Failure) for i in items)
    return [i for i in items if isinstance(i, RawDocument)], [i for i in items if isinstance(i, Failure)]


def read_in_subprocess(path: Path, timeout: float = 120) -> tuple[list[str], float]:
    """Failure lines and documents' origins from reading `path` in a fresh process, and its peak memory in MB;
    a hang fails the test by timeout instead of stalling the suite."""
    code = ("import json, resource, sys\nfrom newsintel.ingest import read_path\n"
            "out = [getattr(i, 'reason', None) and i.line() or 'doc ' + i.origin for i in read_path(sys.argv[1])]\n"
            "print(json.dumps([out, resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024]))")
    done = subprocess.run([sys.executable, "-c", code, str(path)], capture_output=True, text=True, timeout=timeout,
                          check=True)
    assert done.stderr == ""
    lines, peak = json.loads(done.stdout)
    return lines, peak


def baseline_memory() -> float:
    return read_in_subprocess(Path(os.devnull))[1]


# 1. Regular files only


@pytest.mark.parametrize("name", ["pipe.jsonl", "pipe.txt"])
def test_fifo_is_refused_without_blocking(tmp_path, name):
    fifo = tmp_path / name
    os.mkfifo(fifo)
    lines, _ = read_in_subprocess(fifo, timeout=60)
    assert lines == [f"error: {fifo}: not a regular file: a FIFO (named pipe)"]


def test_special_files_in_a_folder_are_refused_by_type(tmp_path):
    (tmp_path / "good.txt").write_text(ARTICLE)
    os.mkfifo(tmp_path / "pipe.jsonl")
    os.symlink("/dev/zero", tmp_path / "zero.jsonl")
    sock = socket.socket(socket.AF_UNIX)
    try:
        sock.bind(str(tmp_path / "sock.json"))
        found = list(discover([str(tmp_path)]))
    finally:
        sock.close()
    reasons = {Path(f.origin).name: f.reason for f in found if isinstance(f, Failure)}
    assert reasons == {"pipe.jsonl": "not a regular file: a FIFO (named pipe)",
                       "zero.jsonl": "not a regular file: a character device",
                       "sock.json": "not a regular file: a socket"}
    assert [p.name for p in found if isinstance(p, Path)] == ["good.txt"]
    assert read_all(tmp_path / "zero.jsonl")[1][0].reason == "not a regular file: a character device"


# 2. Byte limits while decompressing and reading


def test_gzip_bomb_one_huge_line_is_refused_early_with_little_memory(tmp_path):
    path = tmp_path / "bomb.jsonl.gz"
    block = gzip.compress(b"a" * (1 << 20), 9)  # gzip members concatenate: ~1 MB of file, 1 GB of one line
    path.write_bytes(gzip.compress(b'{"text": "', 9) + block * 1024)
    assert path.stat().st_size < 2 * 1024 * 1024
    lines, peak = read_in_subprocess(path)
    assert len(lines) == 1 and "decompression bomb" in lines[0]
    assert peak < baseline_memory() + 100


def test_too_long_line_is_skipped_in_pieces_and_the_next_line_read(tmp_path):
    path = tmp_path / "long.jsonl"
    with path.open("wb") as f:
        f.write(GOOD_LINE.encode() + b"\n" + b'{"text": "')
        f.truncate(f.tell() + 300 * 1024 * 1024)  # 300 MB of one line (sparse: NUL bytes)
        f.seek(0, os.SEEK_END)
        f.write(b'"}\n' + GOOD_LINE.encode() + b"\n")
    lines, peak = read_in_subprocess(path)
    assert lines == [f"doc {path}:1", f"error: {path}:2: line too long: over 5.0 MB (limit per document); "
                     "skipped to the next line", f"doc {path}:3"]
    assert peak < baseline_memory() + 100


def test_whole_files_over_their_limit_are_refused(tmp_path):
    big_json = tmp_path / "big.json"
    with big_json.open("wb") as f:
        f.truncate(150 * 1024 * 1024)  # sparse: refused by size before a byte is read
    text_gz = tmp_path / "big.txt.gz"
    text_gz.write_bytes(gzip.compress(os.urandom(3 * 1024 * 1024).hex().encode(), 1))  # 6 MB, ratio ~2
    assert [f.reason for f in read_all(big_json)[1]] == [
        "too large: over 100.0 MB (limit per .json file; use .jsonl for more)"]
    assert [f.reason for f in read_all(text_gz)[1]] == ["too large: over 5.0 MB (limit per document)"]


def test_millions_of_blank_lines_finish_and_say_no_documents(tmp_path):
    path = tmp_path / "blank.jsonl"
    path.write_bytes(b"\n \r\n" * 5_000_000)
    lines, _ = read_in_subprocess(path)
    assert lines == [f"error: {path}: no documents in file"]


def test_line_numbers_count_blank_lines(tmp_path):
    path = tmp_path / "feed.jsonl"
    path.write_text(f"\n\n{GOOD_LINE}\n\n   \n{{bad\n\n{GOOD_LINE}")
    docs, failures = read_all(path)
    assert [d.origin for d in docs] == [f"{path}:3", f"{path}:8"] and [f.origin for f in failures] == [f"{path}:6"]


def test_per_file_cap_stops_reading(tmp_path, monkeypatch):
    monkeypatch.setattr(readers, "MAX_FILE_BYTES", 10 * len(GOOD_LINE))
    path = tmp_path / "many.jsonl"
    path.write_bytes(gzip.compress((GOOD_LINE + "\n").encode() * 30))
    docs, failures = read_all(path)
    assert 5 <= len(docs) < 10
    assert len(failures) == 1 and failures[0].origin == str(path) and "limit per file" in failures[0].reason


@pytest.mark.parametrize("size", [999, 1000, 1001, 5000])
def test_a_limit_is_never_a_silent_end_of_file(tmp_path, size):
    from newsintel.ingest.streams import open_input

    path = tmp_path / "a.bin"
    path.write_bytes(b"x" * size)
    with open_input(path, 1000, "per test") as reader:
        if size <= 1000:
            assert reader.read_all() == b"x" * size
        else:
            with pytest.raises(Exception, match="too large: over 1000 bytes"):
                while reader.read(1000 if size < 2000 else 7):
                    pass


def test_many_bad_lines_in_a_row_end_the_file(tmp_path):
    path = tmp_path / "junk.jsonl"
    path.write_text(GOOD_LINE + "\n" + "x\n" * (readers.MAX_BAD_LINES_IN_A_ROW + 500))
    docs, failures = read_all(path)
    assert len(docs) == 1 and len(failures) == readers.MAX_BAD_LINES_IN_A_ROW + 1
    assert "bad lines in a row" in failures[-1].reason


# 3. JSON depth and number size


def deep(n: int) -> str:
    return "[" * n + "]" * n


@pytest.mark.parametrize("value", [deep(100_000), "[" * 100_000, deep(101)])
def test_deep_json_is_one_failure_everywhere(tmp_path, value):
    (tmp_path / "deep.json").write_text(value)
    (tmp_path / "field.json").write_text(f'{{"text": "{ARTICLE}", "extra": {value}}}')
    (tmp_path / "feed.jsonl").write_text(f'{GOOD_LINE}\n{{"text": "x", "extra": {value}}}\n{GOOD_LINE}\n')
    for name in ("deep.json", "field.json"):
        docs, failures = read_all(tmp_path / name)
        assert docs == [] and len(failures) == 1 and "nested too deeply" in failures[0].reason
    docs, failures = read_all(tmp_path / "feed.jsonl")
    assert len(docs) == 2 and [f.origin for f in failures] == [f"{tmp_path / 'feed.jsonl'}:2"]


def test_depth_limit_ignores_brackets_in_strings_and_allows_normal_nesting(tmp_path):
    path = tmp_path / "ok.json"
    path.write_text(json.dumps({"text": ARTICLE + " [[[[{{{{" * 50, "meta": {"a": [[{"b": [1]}]]}}))
    docs, failures = read_all(path)
    assert failures == [] and len(docs) == 1


@pytest.mark.parametrize("field", ["text", "published"])
def test_huge_numbers_are_refused_by_length(tmp_path, field):
    record = {"text": ARTICLE, field: 0}
    path = tmp_path / "num.jsonl"
    path.write_text(json.dumps(record).replace("0}", "7" * 5000 + "}") + "\n" + GOOD_LINE + "\n")
    docs, failures = read_all(path)
    assert len(docs) == 1 and len(failures) == 1
    assert failures[0].origin == f"{path}:1" and "number of 5,000 characters" in failures[0].reason


# 4. Field types


@pytest.mark.parametrize(("record", "reason"), [
    ({"text": [1, 2, 3]}, "field 'text' must be a string, got list"),
    ({"body": {"p": ARTICLE}}, "field 'body' must be a string, got object"),
    ({"html": 12}, "field 'html' must be a string, got number"),
    ({"text": True}, "field 'text' must be a string, got boolean"),
])
def test_text_and_html_must_be_strings(tmp_path, record, reason):
    path = tmp_path / "r.json"
    path.write_text(json.dumps(record))
    docs, failures = read_all(path)
    assert docs == [] and [f.reason for f in failures] == [reason]


def test_metadata_of_the_wrong_type_is_dropped_with_a_warning(tmp_path):
    path = tmp_path / "r.json"
    path.write_text(json.dumps({"text": ARTICLE, "title": "", "headline": "T", "url": {"href": "x"},
                                "source": "Wire", "author": ["Ana Lee", "Bo Chan"], "published": 1716336000}))
    [doc], failures = read_all(path)
    assert failures == []
    assert (doc.title, doc.url, doc.source, doc.author, doc.published) == (
        "T", None, "Wire", "Ana Lee, Bo Chan", "1716336000")
    assert doc.warnings == ["field 'url' ignored: expected a string, got object"]
    path.write_text(json.dumps({"text": ARTICLE, "title": ["a", "b"], "author": [1], "date": "x" * 10_000}))
    [doc], _ = read_all(path)
    assert doc.title is None and doc.author is None and doc.published is None
    assert doc.warnings == ["field 'title' ignored: expected a string, got list",
                            "field 'date' ignored: 10,000 characters (limit 4,096)",
                            "field 'author' ignored: expected a string or a list of strings, got list"]


def test_nul_and_lone_surrogates_in_json_strings(tmp_path):
    path = tmp_path / "r.jsonl"
    path.write_text('{"text": "Border\\u0000 guards \\ud800 stopped two men near Akcakale on Tuesday."}\n')
    [doc], _ = read_all(path)
    assert "\x00" not in doc.text and "\ufffd" in doc.text
    doc.text.encode("utf-8")  # storable
    assert len(doc.warnings) == 2


# 5. Empty inputs said out loud


@pytest.mark.parametrize(("name", "content"), [
    ("e.jsonl", b""), ("e.jsonl.gz", gzip.compress(b"")), ("blank.jsonl", b"\n\n  \n"),
    ("e.warc", b""), ("e.warc.gz", gzip.compress(b"")), ("e.json", b"[]"), ("e.json.gz", gzip.compress(b" [ ] ")),
])
def test_empty_inputs_give_one_failure(tmp_path, name, content):
    path = tmp_path / name
    path.write_bytes(content)
    docs, failures = read_all(path)
    assert docs == [] and len(failures) == 1 and failures[0].reason.startswith("no documents in file")


# 6. Encodings


@pytest.mark.parametrize("encoding", ["utf-32", "utf-32-be", "utf-16", "utf-16-be", "utf-8-sig"])
def test_byte_order_marks_pick_the_encoding(tmp_path, encoding):
    path = tmp_path / "a.txt"
    data = ARTICLE.encode(encoding)
    if encoding.endswith("-be"):  # Python writes no BOM for explicit-endian codecs
        data = ("\ufeff" + ARTICLE).encode(encoding)
    path.write_bytes(data)
    [doc], failures = read_all(path)
    assert failures == [] and doc.text == ARTICLE


@pytest.mark.parametrize(("data", "reason"), [
    (ARTICLE.encode("utf-16-le"), "without a byte-order mark"),
    (ARTICLE.encode("utf-32-be"), "without a byte-order mark"),
    (b"\xff\xfe" + ARTICLE.encode("utf-16-le") + b"x", "invalid UTF-16"),
    (ARTICLE.encode() + b"\x00" + ARTICLE.encode() * 400, "binary data"),
    (b"\xef\xbb\xbf" + ARTICLE.encode() + b"\x00", "NUL characters"),
])
def test_wide_text_without_bom_and_nuls_are_refused(tmp_path, data, reason):
    path = tmp_path / "a.txt"
    path.write_bytes(data)
    docs, failures = read_all(path)
    assert docs == [] and reason in failures[0].reason


def test_jsonl_must_be_utf8(tmp_path):
    path = tmp_path / "a.jsonl"
    path.write_bytes((GOOD_LINE + "\n").encode("utf-16"))
    docs, failures = read_all(path)
    assert docs == [] and "JSONL must be UTF-8" in failures[0].reason
    path.write_bytes(b"\xef\xbb\xbf" + GOOD_LINE.encode() + b"\n" + b'{"text": "\xff"}\n')
    docs, failures = read_all(path)
    assert len(docs) == 1 and failures[0].reason.startswith("line is not valid UTF-8")


# 7. WARC


def warc_bytes(pages: list[tuple[str, str]], gzipped: bool = False) -> bytes:
    buf = io.BytesIO()
    writer = WARCWriter(buf, gzip=gzipped)
    writer.write_record(writer.create_warcinfo_record("x.warc", {"software": "test"}))
    for url, html in pages:
        headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html; charset=utf-8")], protocol="HTTP/1.1")
        writer.write_record(writer.create_warc_record(url, "response", payload=io.BytesIO(html.encode()),
                                                      http_headers=headers))
    return buf.getvalue()


def record_starts(data: bytes) -> list[int]:
    return [i for i in range(len(data)) if data.startswith(b"WARC/1.0\r\n", i)]


@pytest.mark.parametrize("cut", [10, 60, 120])
@pytest.mark.parametrize("gzipped", [False, True])
def test_warc_cut_inside_a_record_header(tmp_path, capfd, cut, gzipped):
    data = warc_bytes([("https://a.example/1", PAGE), ("https://a.example/2", PAGE)])
    data = data[: record_starts(data)[2] + cut]
    path = tmp_path / ("cut.warc.gz" if gzipped else "cut.warc")
    path.write_bytes(gzip.compress(data) if gzipped else data)
    docs, failures = read_all(path)
    assert [d.url for d in docs] == ["https://a.example/1"]
    assert len(failures) == 1 and failures[0].origin == f"{path}#3" and "truncated or corrupt" in failures[0].reason
    assert capfd.readouterr().err == ""


def test_text_named_warc_is_not_a_warc_file(tmp_path, capfd):
    path = tmp_path / "notes.warc"
    path.write_text("Just some notes\nabout nothing\n" * 20)
    docs, failures = read_all(path)
    assert docs == [] and len(failures) == 1 and failures[0].reason.startswith("not a WARC file")
    assert capfd.readouterr().err == ""


def test_response_without_http_status_line_is_a_failure(tmp_path):
    body = b"<html><body>no status line here</body></html>"
    record = (b"WARC/1.0\r\nWARC-Type: response\r\nWARC-Target-URI: https://b.example/x\r\n"
              b"WARC-Record-ID: <urn:uuid:1>\r\nContent-Type: application/http; msgtype=response\r\n"
              b"Content-Length: " + str(len(body)).encode() + b"\r\n\r\n" + body + b"\r\n\r\n")
    path = tmp_path / "a.warc"
    path.write_bytes(warc_bytes([("https://a.example/1", PAGE)]) + record)
    docs, failures = read_all(path)
    assert len(docs) == 1 and [(f.origin, f.reason) for f in failures] == [
        (f"{path}#3", "WARC response record has no HTTP status line")]


def test_warcio_warnings_become_our_lines_and_nothing_reaches_stderr(tmp_path, capfd):
    data = warc_bytes([("https://a.example/1", PAGE), ("https://a.example/2 x", PAGE.replace("two", "three"))])
    start = record_starts(data)[1]
    length_at = data.index(b"Content-Length: ", start)
    end = data.index(b"\r\n", length_at)
    wrong = str(int(data[length_at + 16:end]) - 5).encode()
    path = tmp_path / "a.warc"
    path.write_bytes(data[:length_at + 16] + wrong + data[end:])
    docs, failures = read_all(path)
    assert [f.origin for f in failures] == [f"{path}#2"] and "Content-Length" in failures[0].reason
    assert docs[-1].warnings == ["WARC: Replacing spaces in invalid WARC-Target-URI: https://a.example/2 x"]
    assert capfd.readouterr().err == ""


def test_gzip_bomb_warc_is_refused(tmp_path):
    header = b"WARC/1.0\r\nWARC-Type: resource\r\nContent-Length: 2000000000\r\n\r\n"
    path = tmp_path / "bomb.warc.gz"
    path.write_bytes(gzip.compress(header) + gzip.compress(b"a" * (1 << 20), 9) * 1024)
    lines, _ = read_in_subprocess(path)
    assert len(lines) == 1 and "decompression bomb" in lines[0]


# 8. File names


@pytest.mark.parametrize(("raw_name", "shown"), [
    (b"caf\xe9.txt", "caf\\xe9.txt"), (b"two\nlines.txt", "two\\nlines.txt"), (b"bidi\xe2\x80\xaename.txt",
                                                                                 "bidi\\u202ename.txt"),
])
def test_odd_file_names_become_one_printable_line(tmp_path, raw_name, shown):
    name = os.fsdecode(raw_name)
    (tmp_path / name).write_text(ARTICLE)
    os.mkfifo(tmp_path / (name + ".jsonl"))
    [doc] = [i for i in read_path(tmp_path / name) if isinstance(i, RawDocument)]
    [failure] = [f for f in discover([str(tmp_path)]) if isinstance(f, Failure)]
    assert doc.origin == f"{tmp_path}/{shown}" and failure.origin == f"{tmp_path}/{shown}.jsonl"
    for text in (doc.origin, failure.line()):
        assert text.isprintable() and text.encode("utf-8")


def test_display_path_leaves_plain_names_alone_and_escapes_backslashes():
    assert display_path("/data/2024-05-22_hamburg-arrest.txt") == "/data/2024-05-22_hamburg-arrest.txt"
    assert display_path("/data/Zürich notes.txt") == "/data/Zürich notes.txt"
    assert display_path("a\\b.txt") == "a\\\\b.txt"


def test_safe_turns_line_breaks_into_visible_escapes():
    from newsintel.cli.render import safe

    assert safe("a\nb\r\x1b[31mc\u2028") == "a\\nb\\r[31mc\\u2028"
    assert safe("a\r\nb", multiline=True) == "a\nb"


# 9. geoparse reads through the same readers


def test_geoparse_documents_never_raise(tmp_path):
    from newsintel.cli.geo import documents

    os.mkfifo(tmp_path / "pipe.txt")
    (tmp_path / "deep.json").write_text(deep(100_000))
    (tmp_path / "feed.jsonl").write_text(f"{GOOD_LINE}\n[1]\n")
    assert [f.reason for f in documents(tmp_path / "pipe.txt")] == ["not a regular file: a FIFO (named pipe)"]
    assert ["nested too deeply" in f.reason for f in documents(tmp_path / "deep.json")] == [True]
    items = list(documents(tmp_path / "feed.jsonl"))
    assert isinstance(items[0], tuple) and isinstance(items[1], Failure)
