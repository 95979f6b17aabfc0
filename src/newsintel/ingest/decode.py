"""Bytes to text: refuse binary data and undecodable text with a reason a person can act on."""

from __future__ import annotations

import codecs

from charset_normalizer import from_bytes


class InputError(Exception):
    """Raised for input that cannot become a document; the message is the one-line reason."""


# UTF-32-LE's BOM begins with UTF-16-LE's, so the longer BOMs are tried first.
_BOMS = ((codecs.BOM_UTF32_LE, "utf-32"), (codecs.BOM_UTF32_BE, "utf-32"), (codecs.BOM_UTF8, "utf-8-sig"),
         (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16"))

# Text codecs that are not character sets (or decode in quadratic time): never taken from a declaration.
_NOT_CHARSETS = {"punycode", "idna", "unicode-escape", "raw-unicode-escape", "undefined"}


def _wide_without_bom(head: bytes) -> bool:
    """ASCII text in UTF-16 or UTF-32 without a BOM: NULs at every second (or every other but one) byte."""
    if len(head) < 8:
        return False
    for width in (2, 4):
        for first in range(width):
            lanes = [head[i::width] for i in range(width) if i != first]
            if all(lane.count(0) >= 0.9 * len(lane) for lane in lanes) and head[first::width].count(0) < len(head) / 8:
                return True
    return False


def _looks_binary(data: bytes) -> bool:
    head = data[:8192]
    if b"\x00" in head:
        return True
    controls = sum(1 for b in head if b < 32 and b not in (9, 10, 12, 13, 27))
    return bool(head) and controls / len(head) > 0.05


def _charset(declared: str | None) -> str | None:
    try:
        name = codecs.lookup(declared).name if declared else None
    except LookupError:
        return None
    return None if name in _NOT_CHARSETS else name


def _no_nuls(text: str) -> str:
    if "\x00" in text:
        raise InputError("text contains NUL characters: binary data or a wrong encoding")
    return text


def decode_text(data: bytes, declared: str | None = None) -> str:
    """Decode `data`: BOM, then the declared charset, then UTF-8, then a confident detection.

    Anything else is refused rather than guessed: a mis-decoded name is worse than a reported failure. Text with
    NUL characters is refused too: it is binary data, or text in an encoding that was not recognised.
    """
    if not data.strip():
        raise InputError("empty file")
    for bom, enc in _BOMS:
        if data.startswith(bom):
            try:
                return _no_nuls(data.decode(enc, errors="strict"))
            except UnicodeDecodeError as err:
                raise InputError(f"invalid {enc.upper().removesuffix('-SIG')} text: {err.reason} at byte "
                                 f"{err.start}") from None
    if _wide_without_bom(data[:8192]):
        raise InputError("UTF-16 or UTF-32 text without a byte-order mark: save it as UTF-8")
    if _looks_binary(data):
        raise InputError("binary data, not text")
    for enc in (_charset(declared), "utf-8"):
        if not enc:
            continue
        try:
            return _no_nuls(data.decode(enc))
        except (UnicodeDecodeError, LookupError):
            continue
    best = from_bytes(data[:200_000]).best()
    if best is None or best.chaos > 0.1:
        raise InputError("undecodable text: not UTF-8 and no reliable encoding detected")
    try:
        return _no_nuls(data.decode(best.encoding, errors="replace"))
    except LookupError:
        raise InputError("undecodable text: not UTF-8 and no reliable encoding detected") from None
