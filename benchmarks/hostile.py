"""The hostile set: malformed, huge, special and oddly named inputs beside 20 good reports, in ONE `newsintel ingest`.

Target (issue 10): exit 1, no traceback, one `error:` line per bad input, every good report stored, under 2 minutes
and 2 GB (peak RSS of the whole process tree). Each input's file name starts with a token (g01.., h01..) so every
printed line and every stored document can be traced to the input it came from.

    python -m benchmarks.hostile          # build the set in a temporary folder, run, print the table
    python -m benchmarks.hostile --each   # each hostile input alone (diagnosis: which ones break, and how)
"""

from __future__ import annotations

import gzip
import io
import os
import re
import sqlite3
import sys
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

from benchmarks.procmon import run_measured

TIME_LIMIT, MEMORY_LIMIT_MB = 120.0, 2048.0
KILL_AT_MB = 4096.0  # the run is stopped past this, so a runaway read cannot take the machine down
CHUNK = 8 << 20

# what a case must give: "error" one error line, nothing stored; "stored" stored, no error line; "warned" stored with
# a warning line, no error; "said" one error line and nothing stored, or stored with a warning; "either" stored with
# no error, or one error line and nothing stored
EXPECT = ("error", "stored", "warned", "said", "either")


@dataclass(slots=True)
class Case:
    token: str
    kind: str
    expect: str
    lines: list[str] = field(default_factory=list)
    stored: int = 0


PEOPLE = ["Arben Krasniqi", "Lejla Begic", "Samir Haddad", "Yusuf Demir", "Fjolla Zeqiri", "Dennis Koehler",
          "Emir Mujanovic", "Nadia Rahman", "Jan de Vries", "Marc Lambert"]
PLACES = ["Pristina", "Sarajevo", "Gaziantep", "Vienna", "Brussels", "Skopje", "Hamburg", "Tirana", "Sofia", "Mosul"]
EVENTS = ["was arrested at the border crossing near {p} on suspicion of smuggling weapons",
          "travelled by bus from {p} to {q} using a forged passport, according to the prosecutor",
          "appeared before a court in {p} charged with financing a militant group",
          "was released on bail in {p} after three months in detention",
          "returned to {p} after two years in {q}, police said"]

FRENCH = """Deux combattants arrêtés à la frontière belge

Deux hommes soupçonnés d'avoir combattu en Syrie ont été interpellés mardi soir au poste-frontière de Quiévrain, \
a annoncé mercredi le parquet fédéral à Bruxelles. Les deux suspects, âgés de 27 et 31 ans, rentraient de Turquie \
à bord d'un autocar. Selon les enquêteurs, ils auraient rejoint un groupe armé en 2015 avant de gagner la Belgique \
par la route des Balkans. Ils ont été placés sous mandat d'arrêt par un juge d'instruction. Leur avocat n'a pas \
souhaité commenter.
"""


def good_report(n: int) -> tuple[str, str]:
    """(headline, body) of a short English news report, distinct for each `n`."""
    who, other = PEOPLE[n % len(PEOPLE)], PEOPLE[(n * 3 + 1) % len(PEOPLE)]
    p, q = PLACES[n % len(PLACES)], PLACES[(n * 7 + 3) % len(PLACES)]
    first = EVENTS[n % len(EVENTS)].format(p=p, q=q)
    second = EVENTS[(n + 2) % len(EVENTS)].format(p=q, q=p)
    headline = f"{who} detained in {p}" if n % 2 else f"Court hears case of {who}"
    body = (f"{who}, {24 + n}, {first}. Investigators said {other} {second}. The case, file GR-{n:02d}, is one of "
            f"{n + 3} opened this year by the regional prosecutor in {p}. A lawyer for {who} did not reply.")
    return headline, body


def html_page(headline: str, body: str) -> str:
    return (f"<!doctype html><html><head><meta charset='utf-8'><title>{headline}</title></head><body>"
            f"<nav>Home | World | Sport</nav><article><h1>{headline}</h1><p>{body}</p></article>"
            f"<footer>Copyright Example Wire</footer></body></html>")


def warc(records: list[tuple[str, bytes]], warcinfo: bool = False) -> bytes:
    """An uncompressed WARC of HTML responses (url, page), written by warcio in memory."""
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    out = io.BytesIO()
    writer = WARCWriter(out, gzip=False)
    if warcinfo:
        writer.write_record(writer.create_warcinfo_record("crawl.warc", {"software": "hostile-set"}))
    for url, page in records:
        headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html; charset=utf-8")], protocol="HTTP/1.1")
        writer.write_record(writer.create_warc_record(url, "response", payload=io.BytesIO(page), http_headers=headers))
    return out.getvalue()


def bare_response(page: bytes) -> bytes:
    """A WARC response record whose block has no HTTP status line or headers, only the page."""
    head = ("WARC/1.0\r\nWARC-Type: response\r\nWARC-Target-URI: https://news.example/bare\r\n"
            "WARC-Date: 2024-05-01T10:00:00Z\r\nWARC-Record-ID: <urn:uuid:5d7c1a2e-0000-4000-8000-000000000001>\r\n"
            f"Content-Type: application/http; msgtype=response\r\nContent-Length: {len(page)}\r\n\r\n")
    return head.encode() + page + b"\r\n\r\n"


def gzip_repeated(path: Path, head: bytes, fill: bytes, total: int, tail: bytes = b"") -> None:
    """A gzip file expanding to `head + fill... + tail` of `total` bytes, made of identical members (fast to build)."""
    member = gzip.compress(fill * (CHUNK // len(fill)), compresslevel=9, mtime=0)
    with path.open("wb") as f:
        f.write(gzip.compress(head, mtime=0))
        for _ in range(max(1, (total - len(head) - len(tail)) // CHUNK)):
            f.write(member)
        f.write(gzip.compress(tail, mtime=0))


def record(n: int, **fields: object) -> dict:
    headline, body = good_report(n)
    return {"title": headline, "text": body, "published": "2024-05-22", **fields}


def json_text(obj: dict, raw_fields: dict[str, str] | None = None) -> str:
    """JSON for `obj`, with some fields given as raw JSON text (too deep or too long for json.dumps)."""
    import json

    text = json.dumps(obj)
    for key, raw in (raw_fields or {}).items():
        text = text[:-1] + f', "{key}": {raw}}}'
    return text


def build(folder: Path) -> list[Case]:
    """Write the set into `folder`; the cases, good reports first."""
    import json

    folder.mkdir(parents=True, exist_ok=True)
    cases: list[Case] = []

    def case(token: str, kind: str, expect: str, name: str, data: bytes | str | None = None) -> Path:
        assert expect in EXPECT
        cases.append(Case(token, kind, expect))
        path = folder / f"{token}-{name}"
        if data is not None:
            path.write_bytes(data.encode() if isinstance(data, str) else data)
        return path

    for n in range(1, 21):  # four good reports in each format
        headline, body = good_report(n)
        fmt = ("txt", "json", "jsonl", "html", "warc")[n % 5]
        data = {"txt": f"{headline}\n\n{body}\n", "json": json.dumps(record(n)), "jsonl": json.dumps(record(n)) + "\n",
                "html": html_page(headline, body),
                "warc": warc([(f"https://news.example/{n}", html_page(headline, body).encode())])}[fmt]
        case(f"g{n:02d}", f"good report ({fmt})", "stored", f"report.{fmt}", data)

    deep = "[" * 100_000 + "]" * 100_000
    digits = "7" * 5_000
    case("h01", "JSON nested 100,000 deep (.json)", "error", "deep.json", deep)
    case("h02", "JSON nested 100,000 deep inside a field", "error", "deep-field.json",
         json_text(record(21), {"title": deep}))
    case("h03", "JSON nested 100,000 deep as a .jsonl line", "error", "deep-line.jsonl", deep + "\n")
    case("h04", "5,000-digit integer as text", "error", "huge-int-text.json", f'{{"text": {digits}}}')
    case("h05", "5,000-digit integer as published", "said", "huge-int-date.json",
         json_text({k: v for k, v in record(22).items() if k != "published"}, {"published": digits}))
    page = html_page(*good_report(23)).encode()
    whole = warc([("https://news.example/23", page)], warcinfo=True)
    second = whole.index(b"WARC/1.0", 10)
    case("h06", "WARC cut inside a record header", "error", "cut-header.warc", whole[: second + 60])
    headline, body = good_report(24)
    cases.append(Case("h07", "good report, file name not UTF-8", "stored"))
    with open(os.fsencode(folder) + b"/h07-caf\xe9-report.txt", "wb") as f:
        f.write(f"{headline}\n\n{body}\n".encode())
    case("h08", "file name with a newline (binary content)", "error", "two\nlines.txt", os.urandom(2048))
    os.mkfifo(case("h09", "FIFO named .txt", "error", "fifo.txt"))
    os.mkfifo(case("h10", "FIFO named .jsonl", "error", "fifo.jsonl"))
    os.symlink("/dev/zero", case("h11", "symlink to /dev/zero named .jsonl", "error", "zero.jsonl"))
    gzip_repeated(case("h12", "1.1 MB .jsonl.gz expanding to one 1.1 GB line", "error", "bomb-line.jsonl.gz"),
                  b'{"text": "', b"a", 1_100_000_000, b'"}\n')
    gzip_repeated(case("h13", ".jsonl.gz of only blank lines (100 MB)", "said", "blank.jsonl.gz"),
                  b"", b"\n", 100_000_000)
    case("h14", "1 MB published string", "said", "long-date.json",
         json.dumps(record(25, published="next Tuesday " * 80_000)))
    case("h15", "empty .jsonl", "said", "empty.jsonl", b"")
    case("h16", "empty .warc", "said", "empty.warc", b"")
    case("h17", "empty .gz (gzip of nothing)", "said", "empty.txt.gz", gzip.compress(b"", mtime=0))
    case("h18", "JSON [] (no records)", "said", "empty-list.json", "[]")
    case("h19", 'JSON {"text": [1, 2, 3]}', "error", "text-list.json", '{"text": [1, 2, 3]}')
    headline, body = good_report(26)
    case("h20", "UTF-32 file with BOM (good report)", "stored", "utf32.txt", f"{headline}\n\n{body}\n".encode("utf-32"))
    case("h21", "plain text named .warc", "error", "plain.warc", "\n\n".join(good_report(27)))
    case("h22", "WARC response without an HTTP status line", "said", "bare.warc", bare_response(page))
    case("h23", "published -1", "warned", "date-minus-one.json", json.dumps(record(28, published=-1)))
    case("h24", 'published "the day after tomorrow next year"', "warned", "date-words.json",
         json.dumps(record(29, published="the day after tomorrow next year")))
    case("h25", "published 9999-99-99", "warned", "date-nines.json", json.dumps(record(30, published="9999-99-99")))
    case("h26", "French wire report", "warned", "french.txt", FRENCH)
    case("h27", "truncated gzip", "error", "cut.txt.gz", gzip.compress("\n\n".join(good_report(31)).encode())[:-30])
    case("h28", "binary junk named .txt", "error", "junk.txt", os.urandom(4096))
    case("h29", "binary junk, gzipped, named .html.gz", "error", "junk.html.gz", gzip.compress(os.urandom(4096)))
    case("h30", "malformed JSON", "error", "malformed.json", '{"text": "Police said', )
    case("h31", ".jsonl line that is not UTF-8", "error", "latin1.jsonl",
         json.dumps(record(32), ensure_ascii=False).replace("Court", "Cour\u00e9").encode("latin-1", "replace") + b"\n")
    case("h32", "article text too short", "error", "short.json", '{"text": "Police said."}')
    gzip_repeated(case("h33", "50 MB .txt.gz (over the 5 MB document limit)", "error", "big.txt.gz"),
                  b"", b"a ", 50 << 20)
    case("h34", "lone surrogate escaped in JSON text", "either", "surrogate.json",
         json.dumps(record(33, text=good_report(33)[1] + " \ud800 end.")))
    case("h35", 'JSON {"html": {"a": 1}} (html not a string)', "error", "html-object.json", '{"html": {"a": 1}}')
    case("h36", "UTF-16 without a BOM (good report)", "either", "utf16-nobom.txt",
         "\n\n".join(good_report(34)).encode("utf-16-le"))
    case("h37", "HTML nested 5,000 <div> deep", "either", "deep.html",
         "<html><body>" + "<div>" * 5000 + "<p>" + good_report(35)[1] + "</p>" + "</div>" * 5000 + "</body></html>")
    case("h38", "gzip of random bytes named .warc.gz", "error", "junk.warc.gz", gzip.compress(os.urandom(4096)))
    return cases


# ---- the run -----------------------------------------------------------------------------------------------------

@dataclass(slots=True)
class Outcome:
    cases: list[Case]
    returncode: int
    seconds: float
    peak_mb: float
    killed: str | None
    stray: list[str]
    unattributed: list[str]
    traceback: bool

    def verdict(self, c: Case) -> str:
        errors = sum(line.startswith("error:") for line in c.lines)
        warnings = sum(line.startswith("warning:") for line in c.lines)
        ok = {
            "error": errors == 1 and not c.stored,
            "stored": c.stored == 1 and errors == 0,
            "warned": c.stored == 1 and errors == 0 and warnings >= 1,
            "said": (errors == 1 and not c.stored) or (c.stored == 1 and errors == 0 and warnings >= 1),
            "either": (c.stored == 1 and errors == 0) or (errors == 1 and not c.stored),
        }[c.expect]
        return "ok" if ok else "FAIL"

    def failures(self) -> list[str]:
        out = [f"{c.token} {c.kind}: expected {c.expect}, got {len(c.lines)} lines, stored {c.stored}"
               for c in self.cases if self.verdict(c) != "ok"]
        if self.killed:
            out.append(f"run killed: {self.killed}")
        if self.returncode != 1:
            out.append(f"exit status {self.returncode}, expected 1")
        if self.traceback:
            out.append("a Python traceback on stderr")
        out += [f"stray stderr line: {line[:100]}" for line in self.stray[:10]]
        out += [f"line naming no input: {line[:100]}" for line in self.unattributed[:10]]
        if self.seconds > TIME_LIMIT:
            out.append(f"took {self.seconds:.0f} s (limit {TIME_LIMIT:.0f} s)")
        if self.peak_mb > MEMORY_LIMIT_MB:
            out.append(f"peak RSS {self.peak_mb:,.0f} MB (limit {MEMORY_LIMIT_MB:,.0f} MB)")
        return out

    def table(self) -> list[str]:
        rows = ["| input | kind | expected | stored | printed | verdict |", "| --- | --- | --- | ---: | --- | --- |"]
        for c in self.cases:
            printed = " / ".join(re.sub(r"^(\w+): \S*?/[gh]\d\d-", r"\1: …", line)[:110] for line in c.lines)
            rows.append(f"| {c.token} | {c.kind} | {c.expect} | {c.stored} | {printed.replace('|', '¦') or '—'} | "
                        f"{self.verdict(c)} |")
        return rows

    def summary(self) -> list[str]:
        bad = [c for c in self.cases if c.token.startswith("h")]
        good = [c for c in self.cases if c.token.startswith("g")]
        return [
            f"inputs: {len(bad)} hostile + {len(good)} good; exit status {self.returncode}"
            + (f"; KILLED: {self.killed}" if self.killed else ""),
            f"good reports stored: {sum(c.stored == 1 for c in good)}/{len(good)}",
            f"hostile inputs as expected: {sum(self.verdict(c) == 'ok' for c in bad)}/{len(bad)}",
            f"traceback: {'YES' if self.traceback else 'no'}; stray stderr lines: {len(self.stray)};"
            f" lines naming no input: {len(self.unattributed)}",
            f"wall time: {self.seconds:.1f} s (limit {TIME_LIMIT:.0f}); peak RSS: {self.peak_mb:,.0f} MB"
            f" (limit {MEMORY_LIMIT_MB:,.0f})",
        ]


def ingest_watched(folder: Path, db: Path, timeout: float) -> tuple[int, float, float, str | None, str, str]:
    """`newsintel ingest folder` as a user runs it, stopped (whole process group) past `timeout` or KILL_AT_MB."""
    run = run_measured([sys.executable, "-m", "newsintel", "ingest", str(folder), "--db", str(db)],
                       env={**os.environ, "HF_HUB_OFFLINE": "1"}, timeout=timeout, kill_at_mb=KILL_AT_MB)
    return run.returncode, run.seconds, run.peak_rss_mb, run.killed, run.stdout, run.stderr


def stored_by_token(db: Path) -> dict[str, int]:
    counts: dict[str, int] = {}
    if not db.exists():
        return counts
    with sqlite3.connect(f"file:{db}?mode=ro", uri=True) as conn:
        for (origin,) in conn.execute("SELECT origin FROM documents"):
            match = re.search(r"/([gh]\d\d)-", origin)
            key = match[1] if match else "?"
            counts[key] = counts.get(key, 0) + 1
    return counts


def run_hostile(work: Path, timeout: float = 300.0) -> Outcome:
    folder, db = work / "hostile-set", work / "store" / "hostile.db"
    db.parent.mkdir(parents=True, exist_ok=True)
    cases = build(folder)
    returncode, seconds, peak, killed, _out, err = ingest_watched(folder, db, timeout)
    by_token = {c.token: c for c in cases}
    stray, unattributed = [], []
    for line in err.splitlines():
        if not line.startswith(("error:", "warning:")):
            if line.strip():
                stray.append(line)
            continue
        match = re.search(r"/([gh]\d\d)-", line)
        if match and match[1] in by_token:
            by_token[match[1]].lines.append(line)
        else:
            unattributed.append(line)
    for token, n in stored_by_token(db).items():
        if token in by_token:
            by_token[token].stored = n
    return Outcome(cases, returncode, seconds, peak, killed, stray, unattributed, "Traceback" in err)


def run_each(work: Path, timeout: float = 60.0) -> list[str]:
    """Each hostile input in its own `newsintel ingest`, for diagnosis: what it alone prints and costs."""
    cases = [c for c in build(work / "all") if c.token.startswith("h")]
    rows = ["| input | kind | exit | seconds | peak MB | stderr (first line) |",
            "| --- | --- | ---: | ---: | ---: | --- |"]
    for c in cases:
        alone = work / c.token
        alone.mkdir()
        for entry in os.listdir(os.fsencode(work / "all")):
            if entry.startswith(c.token.encode() + b"-"):
                os.rename(os.fsencode(work / "all") + b"/" + entry, os.fsencode(alone) + b"/" + entry)
        code, seconds, peak, killed, _out, err = ingest_watched(alone, work / f"{c.token}.db", timeout)
        first = next((line for line in err.splitlines() if line.strip()), "")
        first = re.sub(r"\S*/[gh]\d\d-", "…", first)[:120].replace("|", "¦")
        rows.append(f"| {c.token} | {c.kind} | {killed or code} | {seconds:.1f} | {peak:,.0f} | {first or '—'} |")
    return rows


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    if "--each" in argv:
        print("## Hostile inputs one at a time (diagnosis)")
        with tempfile.TemporaryDirectory(prefix="newsintel-hostile-") as work:
            print("\n".join(run_each(Path(work))))
        return 0
    print("## Hostile input: one `newsintel ingest` over the hostile set and 20 good reports")
    with tempfile.TemporaryDirectory(prefix="newsintel-hostile-") as work:
        outcome = run_hostile(Path(work))
    print("\n".join(outcome.table()))
    print("\n".join(outcome.summary()))
    for line in outcome.stray[:15]:
        print(f"  stray: {line[:150]}")
    failures = outcome.failures()
    print("target (exit 1, no traceback, one error line per bad input, all good stored, < 2 min, < 2 GB): "
          + ("met" if not failures else f"NOT met ({len(failures)} problems)"))
    return 0 if not failures else 1


if __name__ == "__main__":
    sys.exit(main())
