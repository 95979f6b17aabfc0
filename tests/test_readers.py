"""Every input format, and every kind of bad input: one clear failure each, the rest goes on."""

import gzip
import io
import json
import os
from pathlib import Path

import pytest
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from newsintel.ingest import discover, read_path
from newsintel.model import Failure, RawDocument

ARTICLE = "Border guards stopped two men near Akcakale on Tuesday, officials said."
PAGE = f"<html><head><title>T</title></head><body><article><p>{ARTICLE}</p></article></body></html>"


def read_all(path: Path) -> tuple[list[RawDocument], list[Failure]]:
    items = list(read_path(path))
    return [i for i in items if isinstance(i, RawDocument)], [i for i in items if isinstance(i, Failure)]


def make_warc(path: Path, pages: list[tuple[str, str]], truncate: int | None = None) -> None:
    buf = io.BytesIO()
    writer = WARCWriter(buf, gzip=True)
    writer.write_record(writer.create_warcinfo_record("x.warc.gz", {"software": "test"}))
    for url, html in pages:
        headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html; charset=utf-8")], protocol="HTTP/1.1")
        writer.write_record(writer.create_warc_record(url, "response", payload=io.BytesIO(html.encode()),
                                                      http_headers=headers))
    data = buf.getvalue()
    path.write_bytes(data[:truncate] if truncate else data)


def test_txt_html_json_jsonl_gz(tmp_path):
    (tmp_path / "a.txt").write_text(ARTICLE)
    (tmp_path / "b.html").write_text(PAGE)
    (tmp_path / "c.json").write_text(json.dumps([{"text": ARTICLE, "url": "u1"}, {"html": PAGE, "title": "T2"}]))
    (tmp_path / "d.jsonl").write_text(json.dumps({"text": ARTICLE, "published": "2025-01-02"}) + "\n\n")
    (tmp_path / "e.txt.gz").write_bytes(gzip.compress(ARTICLE.encode()))
    docs, failures = [], []
    for path in discover([str(tmp_path)]):
        d, f = read_all(path)
        docs += d
        failures += f
    assert not failures
    assert [d.format for d in docs] == ["txt", "html", "json", "json", "json", "txt"]
    assert docs[2].url == "u1" and docs[3].html and docs[3].title == "T2" and docs[4].published == "2025-01-02"
    assert docs[5].text == ARTICLE


def test_warc_response_records_become_documents(tmp_path):
    path = tmp_path / "crawl.warc.gz"
    make_warc(path, [("https://a.example/1", PAGE), ("https://a.example/2", PAGE.replace("two", "three"))])
    docs, failures = read_all(path)
    assert not failures
    assert [d.url for d in docs] == ["https://a.example/1", "https://a.example/2"]
    assert docs[0].published and docs[0].html.startswith("<html>")


def test_truncated_warc_keeps_earlier_records_and_reports(tmp_path):
    path = tmp_path / "cut.warc.gz"
    big = PAGE.replace("</p>", os.urandom(3000).hex() + "</p>")  # incompressible, so the cut lands inside it
    make_warc(path, [("https://a.example/1", PAGE), ("https://a.example/2", big)])
    make_warc(path, [("https://a.example/1", PAGE), ("https://a.example/2", big)], truncate=path.stat().st_size - 2000)
    docs, failures = read_all(path)
    assert [d.url for d in docs] == ["https://a.example/1"]
    assert len(failures) == 1 and "truncated or corrupt" in failures[0].reason
    assert failures[0].origin == f"{path}#3"  # records count from 1 in file order: warcinfo, response, response


def test_malformed_jsonl_line_fails_that_record_only(tmp_path):
    path = tmp_path / "feed.jsonl"
    path.write_text("\n".join([json.dumps({"text": ARTICLE}), "{not json", json.dumps({"title": "no text"}),
                               "[1, 2]", json.dumps({"text": ARTICLE + " Again."})]) + "\n")
    docs, failures = read_all(path)
    assert len(docs) == 2
    assert [f.origin for f in failures] == [f"{path}:2", f"{path}:3", f"{path}:4"]
    assert "malformed JSON" in failures[0].reason and "no 'text' or 'html'" in failures[1].reason


@pytest.mark.parametrize(("name", "content", "reason"), [
    ("empty.txt", b"", "empty file"),
    ("blank.txt", b"   \n\n ", "empty file"),
    ("binary.txt", bytes(range(256)) * 20, "binary data"),
    ("latin.txt", bytes(range(128, 256)) * 40, "undecodable"),
    ("bad.json", b'{"text": "unterminated', "malformed JSON"),
    ("cut.txt.gz", gzip.compress(ARTICLE.encode() * 200)[:60], "truncated or corrupt"),
    ("notgzip.txt.gz", b"\x1f\x8b\x08\x00garbage-not-deflate" * 3, "truncated or corrupt"),
])
def test_bad_input_gives_one_clear_failure(tmp_path, name, content, reason):
    path = tmp_path / name
    path.write_bytes(content)
    docs, failures = read_all(path)
    assert docs == []
    assert len(failures) == 1 and reason in failures[0].reason
    assert failures[0].line().startswith(f"error: {path}: ")


def test_fifty_megabyte_file_is_refused_without_reading_it_all(tmp_path):
    path = tmp_path / "huge.txt"
    with path.open("wb") as f:
        f.truncate(50 * 1024 * 1024)  # sparse: 50 MB of NULs, written instantly
    docs, failures = read_all(path)
    assert docs == [] and "too large" in failures[0].reason


def test_unreadable_entries_in_a_directory_are_reported(tmp_path):
    (tmp_path / "good.txt").write_text(ARTICLE)
    os.symlink(tmp_path / "missing.txt", tmp_path / "dangling.txt")
    (tmp_path / "folder.txt").mkdir()  # a directory with a document's name
    found = list(discover([str(tmp_path), str(tmp_path / "nope.txt")]))
    failures = [f for f in found if isinstance(f, Failure)]
    results = [item for p in found if isinstance(p, Path) for item in read_path(p)]
    assert [r.text for r in results if isinstance(r, RawDocument)] == [ARTICLE]
    reasons = {Path(f.origin).name: f.reason for f in failures + [r for r in results if isinstance(r, Failure)]}
    assert reasons["nope.txt"] == "no such file or directory"
    assert "dangling.txt" in reasons


def test_dated_file_name_gives_the_publication_date(tmp_path):
    from newsintel.ingest import read_path

    dated = tmp_path / "2024-05-22_hamburg-arrest.txt"
    plain = tmp_path / "2024-report.txt"
    for path in (dated, plain):
        path.write_text("Headline\n\nBody text.\n", encoding="utf-8")
    assert next(iter(read_path(dated))).published == "2024-05-22"
    assert next(iter(read_path(plain))).published is None
