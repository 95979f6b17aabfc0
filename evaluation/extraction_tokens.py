"""How gold strings and predicted arguments are compared: whitespace-insensitive search, content tokens, and
the argument matchers (one argument, "every gold argument covered", "exactly the gold arguments").

Pure functions shared by the event, quantity, claim and relation scorers, and by the gold checks.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any

# --------------------------------------------------------------------------
# Text helpers (pure)
# --------------------------------------------------------------------------

_WS_RE = re.compile(r"\s+")
_TOKEN_RE = re.compile(r"\d+(?:[,.]\d+)*|[^\W\d_]+")

def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


STOPWORDS = _words("""
a an the of and or but nor in on at to from for with by into onto as via about than that this these those
he she it they we you i him her them us me his hers its their our your my who whom whose which what
is are was were be been being has have had do does did not no s al el
some any each all both either one
city town village province region district area country capital
""")
QUANTITY_WORDS = _words("""
about around roughly nearly approximately almost some up to more than over at least fewer less no between and
as many much estimated an a of the
""")


def normalise_ws(text: str) -> tuple[str, list[int]]:
    """``text`` with every whitespace run collapsed to one space, and the original index of each character."""
    out: list[str] = []
    index: list[int] = []
    for m in re.finditer(r"\s+|\S+", text):
        if m.group().isspace():
            out.append(" ")
            index.append(m.start())
        else:
            out.append(m.group())
            index.extend(range(m.start(), m.end()))
    return "".join(out), index


def find_all(haystack: str, needle: str, *, ignore_case: bool = False) -> list[tuple[int, int]]:
    """All (start, end) spans of ``needle`` in ``haystack``, insensitive to whitespace differences."""
    needle_n = _WS_RE.sub(" ", needle.strip())
    if not needle_n:
        return []
    hay_n, index = normalise_ws(haystack)
    if ignore_case:
        hay_n, needle_n = hay_n.lower(), needle_n.lower()
    spans = []
    start = hay_n.find(needle_n)
    while start != -1:
        end = start + len(needle_n)
        spans.append((index[start], index[end - 1] + 1))
        start = hay_n.find(needle_n, start + 1)
    return spans


def find_span(haystack: str, needle: str) -> tuple[int, int] | None:
    """First span of ``needle`` (exact case first, then any case), whitespace-insensitive."""
    spans = find_all(haystack, needle) or find_all(haystack, needle, ignore_case=True)
    return spans[0] if spans else None


def raw_tokens(text: str | None) -> list[str]:
    """Lower-cased word and number tokens; digit groups lose their separators ("4,000" -> "4000")."""
    return [t.replace(",", "") for t in _TOKEN_RE.findall((text or "").lower())]


def _is_stop(token: str) -> bool:
    """A stop word, unless written as an acronym ("US", "UN", "IS" are names)."""
    return token.lower() in STOPWORDS and not (len(token) > 1 and token.isupper())


def _stem(token: str) -> str:
    if len(token) > 4 and token.endswith("ies"):
        return token[:-3] + "y"
    if len(token) > 3 and token.endswith("s") and not token.endswith("ss"):
        return token[:-1]
    return token


def tokens(text: str | None) -> set[str]:
    """Content tokens of an argument text: stop words and one-letter tokens dropped, plural -s stripped."""
    return {_stem(t.lower().replace(",", "")) for t in _TOKEN_RE.findall(text or "")
            if not _is_stop(t) and (len(t) > 1 or t.isdigit())}


def number_tokens(text: str | None) -> set[str]:
    """Tokens of a quantity text without its modifiers ("about 300" -> {"300"})."""
    return {_stem(t) for t in raw_tokens(text) if t not in QUANTITY_WORDS}


def similar_token(a: str, b: str) -> bool:
    """Crude morphology: equal, or sharing a prefix of 5+ characters, or one a 4+ character prefix of the other."""
    if a == b:
        return True
    common = next((i for i, (x, y) in enumerate(zip(a, b, strict=False)) if x != y), min(len(a), len(b)))
    return common >= 5 or (common >= 4 and common == min(len(a), len(b)))


def trigger_tokens_similar(gold: str | None, pred: str | None) -> bool:
    g, p = tokens(gold) or set(raw_tokens(gold)), tokens(pred) or set(raw_tokens(pred))
    return any(similar_token(a, b) for a in g for b in p)


# --------------------------------------------------------------------------
# Arguments
# --------------------------------------------------------------------------


def entity_index(record: dict) -> dict[str, dict]:
    return {e["id"]: e for e in record.get("entities") or [] if isinstance(e, dict) and e.get("id")}


def arg_text(arg: Any) -> str | None:
    if arg is None:
        return None
    if isinstance(arg, str):
        return arg
    if isinstance(arg, dict):
        return arg.get("text")
    return str(arg)


def arg_tokens(arg: Any, entities: dict[str, dict] | None = None) -> set[str]:
    """Tokens of a predicted ARG: its text, plus the name and aliases of the entity it is linked to."""
    toks = tokens(arg_text(arg))
    if isinstance(arg, dict) and entities and arg.get("entity") in entities:
        ent = entities[arg["entity"]]
        toks |= tokens(ent.get("name"))
        for alias in ent.get("aliases") or []:
            toks |= tokens(alias if isinstance(alias, str) else arg_text(alias))
    return toks


def arg_match(gold: str | None, pred: Any, entities: dict[str, dict] | None = None) -> bool:
    """A gold ARG string matches a predicted ARG when they share a content token."""
    if gold is None:
        return pred is None
    return bool(tokens(gold) & arg_tokens(pred, entities))


def args_covered(gold: Sequence[str], preds: Sequence[Any], entities: dict[str, dict] | None = None) -> bool:
    """Every gold argument is matched by some predicted argument (empty gold needs nothing)."""
    return all(any(arg_match(g, p, entities) for p in preds) for g in gold)


def args_exact(gold: Sequence[str], preds: Sequence[Any], entities: dict[str, dict] | None = None) -> bool:
    """The predicted arguments equal the gold ones under `arg_match`: each side's every item matched by the other."""
    return (args_covered(gold, preds, entities)
            and all(any(arg_match(g, p, entities) for g in gold) for p in preds))


def _as_list(value: Any) -> list:
    if value is None:
        return []
    if isinstance(value, list | tuple):
        return list(value)
    return [value]
