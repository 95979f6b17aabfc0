"""JSON parsing with limits: nesting depth and number length are checked, so hostile JSON gives a reason, not a crash.

Python's parser raises RecursionError on deep nesting and spends quadratic time on huge integers (refusing them
past 4,300 digits); here depth is checked on the bytes first, numbers are refused by length as they are parsed.
"""

from __future__ import annotations

import json
import re
from typing import Any

from newsintel.ingest.decode import InputError
from newsintel.ingest.limits import MAX_JSON_DEPTH, MAX_NUMBER_DIGITS

# A JSON string, or an unterminated one running to the end: one pass, no backtracking blow-up.
_STRING = re.compile(rb'"[^"\\]*(?:\\.[^"\\]*)*(?:"|\Z)', re.DOTALL)
_NOT_BRACKETS = bytes(b for b in range(256) if b not in b"[]{}")
_OPEN = b"[{"
_SMALL = 1 << 16


def nesting_depth_exceeds(data: bytes, limit: int = MAX_JSON_DEPTH) -> bool:
    """True when arrays and objects in `data` nest deeper than `limit` (brackets inside strings ignored).

    Brackets that do not pair up are left to the parser to report; only the running depth matters here.
    """
    if len(data.translate(None, _NOT_BRACKETS)) <= limit:  # the common case, without looking at strings
        return False
    brackets = _STRING.sub(b"", data).translate(None, _NOT_BRACKETS)
    if len(brackets) <= limit:
        return False
    if len(brackets) <= _SMALL:
        depth = 0
        for b in brackets:
            depth += 1 if b in _OPEN else -1
            if depth > limit:
                return True
        return False
    import numpy as np  # millions of brackets: a running sum, a block at a time

    depth = 0
    for start in range(0, len(brackets), _SMALL):
        block = np.frombuffer(brackets, np.uint8, count=min(_SMALL, len(brackets) - start), offset=start)
        running = np.cumsum(np.where((block == ord("[")) | (block == ord("{")), 1, -1), dtype=np.int64) + depth
        if running.max() > limit:
            return True
        depth = int(running[-1])
    return False


class _NumberTooLong(ValueError):
    pass


def _number(kind: type) -> Any:
    def parse(literal: str) -> Any:
        if len(literal) > MAX_NUMBER_DIGITS:
            raise _NumberTooLong(f"number of {len(literal):,} characters (limit {MAX_NUMBER_DIGITS})")
        return kind(literal)
    return parse


_DECODER = json.JSONDecoder(parse_int=_number(int), parse_float=_number(float))


def loads(data: bytes | str) -> Any:
    """Parse one JSON document, raising `InputError` with a one-line reason for anything malformed or too big."""
    raw = data.encode("utf-8", "surrogatepass") if isinstance(data, str) else data
    if nesting_depth_exceeds(raw):
        raise InputError(f"JSON nested too deeply (over {MAX_JSON_DEPTH} levels)")
    try:
        return _DECODER.decode(data if isinstance(data, str) else data.decode("utf-8"))
    except json.JSONDecodeError as err:
        raise InputError(f"malformed JSON: {err.msg} at line {err.lineno} column {err.colno}") from None
    except _NumberTooLong as err:
        raise InputError(f"JSON {err}") from None
    except RecursionError:
        raise InputError(f"JSON nested too deeply (over {MAX_JSON_DEPTH} levels)") from None
    except (ValueError, UnicodeDecodeError) as err:
        raise InputError(f"malformed JSON: {err}") from None


def dumps_canonical(obj: Any) -> bytes:
    """Stable bytes of a parsed record, for its input hash (the same bytes as before these limits existed)."""
    return json.dumps(obj, sort_keys=True).encode()


__all__ = ["dumps_canonical", "loads", "nesting_depth_exceeds"]
