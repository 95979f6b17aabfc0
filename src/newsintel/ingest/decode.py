"""Bytes to text: refuse binary data and undecodable text with a reason a person can act on."""

from __future__ import annotations

import codecs

from charset_normalizer import from_bytes


class InputError(Exception):
    """Raised for input that cannot become a document; the message is the one-line reason."""


def _looks_binary(data: bytes) -> bool:
    head = data[:8192]
    if b"\x00" in head and not head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return True
    controls = sum(1 for b in head if b < 32 and b not in (9, 10, 12, 13, 27))
    return bool(head) and controls / len(head) > 0.05


def decode_text(data: bytes, declared: str | None = None) -> str:
    """Decode `data`: BOM, then the declared charset, then UTF-8, then a confident detection.

    Anything else is refused rather than guessed: a mis-decoded name is worse than a reported failure.
    """
    if not data.strip():
        raise InputError("empty file")
    for bom, enc in ((codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"),
                     (codecs.BOM_UTF16_BE, "utf-16")):
        if data.startswith(bom):
            return data.decode(enc, errors="strict")
    if _looks_binary(data):
        raise InputError("binary data, not text")
    for enc in (declared, "utf-8"):
        if not enc:
            continue
        try:
            return data.decode(enc)
        except (UnicodeDecodeError, LookupError):
            continue
    best = from_bytes(data[:200_000]).best()
    if best is None or best.chaos > 0.1:
        raise InputError("undecodable text: not UTF-8 and no reliable encoding detected")
    return data.decode(best.encoding, errors="replace")
