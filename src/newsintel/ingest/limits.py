"""The bounds every reader works within, so no input can make a read unbounded in time or memory.

Each limit is checked while reading (and while decompressing), never after a whole file is in memory.
"""

from __future__ import annotations

MAX_DOCUMENT_BYTES = 5 * 1024 * 1024
"""Largest single document: a .txt/.html file, a JSON record or JSONL line, a WARC payload (decompressed)."""

MAX_FILE_BYTES = 1024 * 1024 * 1024
"""Largest decompressed size of a multi-record file (.jsonl, .warc); reading stops with a failure past it."""

MAX_JSON_FILE_BYTES = 100 * 1024 * 1024
"""Largest .json file (decompressed): it is parsed whole, so it is held in memory; bigger collections go in .jsonl."""

MAX_COMPRESSION_RATIO = 100
"""Decompressed bytes per compressed byte beyond which gzip data is taken for a decompression bomb (text: ~3-10)."""

RATIO_CHECK_AFTER = 1024 * 1024
"""The ratio is checked only once this many bytes are decompressed, so small repetitive files are fine."""

MAX_JSON_DEPTH = 100
"""Deepest nesting of arrays and objects accepted in a JSON document (a news record needs 3 or 4)."""

MAX_NUMBER_DIGITS = 100
"""Longest JSON number literal accepted (Python refuses integers over 4,300 digits, and slowly)."""

MAX_FIELD_CHARS = 4096
"""Longest metadata value (title, url, published, source, author) kept; a longer one is dropped with a warning."""

MAX_WARC_LINE_BYTES = 16 * 1024 * 1024
"""Longest run of WARC bytes without a line break: warcio reads header lines whole, in time quadratic in their
length, so this bounds both (binary payloads have line-break bytes every few hundred bytes)."""

READ_CHUNK = 1024 * 1024
"""Bytes read at a time when a line is skipped or a stream is scanned."""


def mb(n: int) -> str:
    """A byte count as people read it in a message."""
    for unit, size in (("GB", 1024 ** 3), ("MB", 1024 ** 2), ("KB", 1024)):
        if n >= size:
            return f"{n / size:.1f} {unit}"
    return f"{n} bytes"
