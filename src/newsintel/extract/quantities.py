"""Quantities: "about 300 fighters", "up to 5,000", "more than a dozen", "scores of militants", "two hundred".

Each gets a value (or bounds), whether it is approximate, what is counted (the noun the number modifies) and who
says so. Only counts of people or things and money are quantities (tests/gold/GUIDELINES.md section 4): dates, times,
ordinals, ages, the number one, units of measure, durations, occurrences, percentages, scores and numbers that are
part of a name or a model ("Resolution 2375", "S&P 500", "787-9", "Big Ten") are not (`_not_a_count`).
"""

from __future__ import annotations

import re
from typing import Any

from spacy.tokens import Token

from newsintel.extract.args import MentionIndex, make_arg
from newsintel.extract.attribution import attribution_for
from newsintel.extract.lexicon import lexicon
from newsintel.extract.parse import ParsedSentence

NOT_QUANTITY = {"DATE", "TIME", "ORDINAL"}
# NER labels that put a number inside a name or a measure: "Channel 10" (ORG), "600 tons" (QUANTITY), "2%"
NAME_TYPES = {"ORG", "PRODUCT", "LAW", "WORK_OF_ART", "FAC", "EVENT", "PERSON", "GPE", "LOC", "NORP", "QUANTITY",
              "PERCENT"}
_NUMBER = re.compile(r"^\d{1,3}(,\d{3})+(\.\d+)?$|^\d+(\.\d+)?$")


def _word_value(words: list[str]) -> float | None:
    """Value of number words ("two hundred", "3.5 million", "a dozen"); None if they are not a number."""
    q = lexicon().quantities
    units, scales = q["units"], q["scales"]
    text = " ".join(words)
    if text in units:
        return float(units[text])
    total, current, seen = 0.0, 0.0, False
    for word in words:
        word = word.replace(",", "")
        if word in ("and", "a", "-"):
            continue
        if _NUMBER.match(word):
            current += float(word)
        elif word in units:
            current += units[word]
        elif "-" in word and all(p in units for p in word.split("-")):
            current += sum(units[p] for p in word.split("-"))
        elif word in scales:
            current = (current or 1) * scales[word]
            if scales[word] >= 1000:
                total, current = total + current, 0.0
        else:
            return None
        seen = True
    return total + current if seen else None


def _number_tokens(ps: ParsedSentence) -> list[list[Token]]:
    """Runs of number tokens ("5,000", "two hundred", "3.5 million"), outside dates and times."""
    q = lexicon().quantities
    words = set(q["units"]) | set(q["scales"])
    runs: list[list[Token]] = []
    for token in ps.doc:
        glued = bool(runs) and runs[-1][-1].i == token.i - 1 and runs[-1][-1].text == "-"
        numeric = token.like_num or token.lower_ in words or (
            "-" in token.lower_ and all(p in q["units"] for p in token.lower_.split("-")))
        if token.text == "-" and runs and runs[-1][-1].i == token.i - 1 and _hyphen_joins(token):
            runs[-1].append(token)  # "Forty-two", split by the tokenizer into "Forty", "-", "two"
            continue
        if not numeric or token.ent_type_ in NOT_QUANTITY or (
                token.lower_ in ("one",) and token.dep_ != "nummod" and not glued):
            continue
        if runs and runs[-1][-1].i == token.i - 1 and _continues(runs[-1][-1], token, set(q["scales"])):
            runs[-1].append(token)
        else:
            runs.append([token])
    return runs


def _digits(token: Token) -> bool:
    return token.text[:1].isdigit()


def _continues(prev: Token, token: Token, scales: set[str]) -> bool:
    """Does `token` continue the number that `prev` ends? A scale word does ("3.5 million", "two hundred"), and a
    number word after a number word ("twenty one"); a number after digits does not: two numbers side by side are a
    phone number, a model after a count ("400 737 Max jets") or a year before a name ("1967 Six-Day War")."""
    if token.lower_ in scales or prev.text == "-":
        return True
    return not _digits(token) and not _digits(prev)


def _hyphen_joins(hyphen: Token) -> bool:
    """A hyphen with no space on either side, between a number word and another ("forty-two")."""
    doc = hyphen.doc
    before, after = doc[hyphen.i - 1], doc[hyphen.i + 1] if hyphen.i + 1 < len(doc) else None
    return (after is not None and not before.whitespace_ and not hyphen.whitespace_ and before.like_num
            and after.like_num and not before.is_digit and not after.is_digit)


def _bounds(ps: ParsedSentence, first: Token) -> tuple[str, int]:
    """The bound or approximation words just before a number, and where they start."""
    q = lexicon().quantities
    doc = ps.doc
    if first.i > 0 and _currency_sign(doc[first.i - 1]):
        first = doc[first.i - 1]  # "more than $700 million": the bound comes before the sign
    for size in (4, 3, 2, 1):
        start = first.i - size
        if start < 0:
            continue
        phrase = doc[start:first.i].text.lower()
        phrase = re.sub(r"\s+(a|an)$", "", phrase) if phrase not in q["approximate"] else phrase
        if phrase in q["approximate"] or phrase in q["lower_bound"] or phrase in q["upper_bound"]:
            return phrase, start
    return "", first.i


def _counted(tokens: list[Token]) -> Token | None:
    head = tokens[-1]
    while head.dep_ in ("nummod", "quantmod", "compound") and head.head.i != head.i and head.head.like_num:
        head = head.head
    if head.dep_ in ("nummod", "quantmod") and head.head.pos_ in ("NOUN", "PROPN"):
        return head.head
    of = next((c for c in head.children if c.lower_ == "of"), None)  # "a dozen of them", "300 of the fighters"
    if of is not None:
        return next((g for g in of.children if g.dep_ == "pobj"), None)
    return None


def _quantity(ps: ParsedSentence, tokens: list[Token], mentions: MentionIndex) -> dict[str, Any] | None:
    q = lexicon().quantities
    words = [t.lower_ for t in tokens]
    if len(tokens) == 1 and re.fullmatch(r"(1[89]|20)\d\d", words[0]):
        return None  # a bare year
    first = tokens[0]
    if first.i > 0 and ps.doc[first.i - 1].lower_ in ("a", "an") and words[0] in ("dozen", "couple", "pair"):
        first = ps.doc[first.i - 1]
        tokens = [first, *tokens]
        words = ["a", *words]
    value = _word_value(words)
    if value is None or _not_a_count(ps, tokens, _counted(tokens), value):
        return None
    bound, start = _bounds(ps, first)
    low = high = None
    if bound in q["lower_bound"]:
        low = value
    if bound in q["upper_bound"]:
        high = value
    counted = _counted(tokens)
    return _record(ps, start, tokens[-1].i + 1, value, low, high, bound in q["approximate"], counted, mentions)


def _record(ps: ParsedSentence, start: int, end: int, value: float | None, low: float | None, high: float | None,
            approximate: bool, counted: Token | None, mentions: MentionIndex) -> dict[str, Any]:
    char_start, char_end = ps.char_span(start, end)
    anchor = counted if counted is not None else ps.doc[end - 1]

    def clean(v: float | None) -> int | float | None:
        return int(v) if v is not None and float(v).is_integer() else v

    return {"text": ps.doc.text[char_start - ps.offset:char_end - ps.offset], "value": clean(value),
            "low": clean(low), "high": clean(high), "approximate": approximate,
            "counted": make_arg(ps, counted, mentions) if counted is not None else None,
            "attribution": attribution_for(ps, anchor, mentions),
            "sentence": ps.index, "start": char_start, "end": char_end}


def _vague_phrases() -> dict[str, list[tuple[list[str], dict]]]:
    """First word -> [(phrase words, bounds)], longest first."""
    table: dict[str, list[tuple[list[str], dict]]] = {}
    for phrase, spec in lexicon().quantities["vague"].items():
        words = phrase.split()
        table.setdefault(words[0], []).append((words, spec))
    for options in table.values():
        options.sort(key=lambda o: -len(o[0]))
    return table


def _vague(ps: ParsedSentence, mentions: MentionIndex) -> list[dict[str, Any]]:
    """"dozens of", "scores of", "hundreds of", "a handful of", "several" ..."""
    out = []
    table = _vague_phrases()
    doc = ps.doc
    words = [t.lower_ for t in doc]
    used = -1  # last token of the phrase read before: "thousands" in "tens of thousands" is no phrase of its own
    for i, word in enumerate(words):
        for phrase, spec in table.get(word, ()) if i > used else ():
            size = len(phrase)
            if words[i:i + size] != phrase:
                continue
            last = doc[i + size - 1]
            of = doc[last.i + 1] if last.i + 1 < len(doc) and words[last.i + 1] == "of" else None
            counted = next((g for g in of.children if g.dep_ == "pobj"), None) if of is not None else (
                last.head if last.head.pos_ == "NOUN" and last.head.i != last.i else None)
            alone = of is None and counted is None and last.dep_ in ("nsubj", "nsubjpass", "dobj", "pobj", "ROOT") \
                and word != "scores" and not any(c.dep_ in ("compound", "poss", "nummod") or (
                    c.dep_ == "amod" and c.lower_ != "more") for c in last.children)  # not "test scores"
            if (counted is not None and counted.lower_ not in lexicon().quantities["not_counted"]) or alone:
                # alone: "Dozens more were injured", "the millions it is getting"
                out.append(_record(ps, i, last.i + 1, None, spec.get("low"), spec.get("high"), True, counted,
                                   mentions))
                used = last.i
            break
    return out


def _currency_sign(token: Token) -> bool:
    return token.text in lexicon().quantities["currency_signs"] or token.text.endswith("$")


def _money(ps: ParsedSentence, tokens: list[Token]) -> bool:
    """A currency sign before the number or a currency word after it ("$5 billion", "300 euros")."""
    doc, first, last = ps.doc, tokens[0], tokens[-1]
    after = doc[last.i + 1].lower_ if last.i + 1 < len(doc) else ""
    return (first.i > 0 and _currency_sign(doc[first.i - 1])) or after in lexicon().quantities["currency_words"]


def _glued(left: Token, right: Token) -> bool:
    """Adjacent tokens written with no space between them ("two" + "-" in "two-room")."""
    return right.i == left.i + 1 and not left.whitespace_


def _not_a_count(ps: ParsedSentence, tokens: list[Token], counted: Token | None, value: float) -> bool:
    """Is this number no quantity in the sense of the guidelines, whatever its value? See the module docstring;
    the word lists are in data/quantities.yaml."""
    q = lexicon().quantities
    doc, first, last = ps.doc, tokens[0], tokens[-1]
    before = doc[first.i - 1] if first.i > 0 else None
    after = doc[last.i + 1] if last.i + 1 < len(doc) else None
    if _money(ps, tokens):
        return False  # money is a quantity ("$1", "2,500 dinars" however the NER labels it)
    if value in (0, 1) or any(t.ent_type_ in NAME_TYPES for t in tokens):
        return True  # "one", "zero"; "Channel 10", "600 tons", "2%"
    following = {after.lower_ if after is not None else "", counted.lower_ if counted is not None else ""}
    if following & set(q["not_counted"]) or not float(value).is_integer():
        return True  # "20 miles", "three years", "30 times", "14 per cent"; "27,934.02" (an index, a rate)
    if following & set(q["fractions"]) or following & set(q["months"]):
        return True  # "two thirds of"; "29 Dec 2017"
    if after is not None and after.text == "-" and _glued(last, after) and after.i + 1 < len(doc) \
            and _glued(after, doc[after.i + 1]) and not doc[after.i + 1].like_num:
        return True  # a compound modifier: "two-room", "16-game", "one-time", "two-thirds", "12-year-old"
    if before is None:
        return False
    if before.text == "-" and before.i > 0 and _glued(doc[before.i - 1], before) and _glued(before, first):
        return True  # the right half of a code or a score: "787-9", "A350-900"
    if before.lower_.rstrip(".") in q["months"]:
        return True  # a date the NER missed: "Nov. 5"
    if _digits(first) and before.text not in q["count_after_capital"] and any(c.isupper() for c in before.text) \
            and any(c.isalpha() for c in before.text) and (before.i > 0 or before.pos_ == "PROPN"):
        return True  # "Resolution 2375", "iPhone 6", "S&P 500", "Channel 10"
    return first.text[:1].isupper() and not _digits(first) and before.text[:1].isupper()
    # a capitalised number word after a capitalised word is part of a name: "the Big Ten", "Channel Four"


def extract_quantities(ps: ParsedSentence, mentions: MentionIndex, ages: set[int]) -> list[dict[str, Any]]:
    """Quantities in a sentence; `ages` holds document offsets of numbers already read as ages."""
    out = []
    runs = _number_tokens(ps)
    skip: set[int] = set()
    for n in range(1, len(runs)):  # numbers side by side ("0207 782 4368", "400 737 Max jets"): no count
        if runs[n][0].i == runs[n - 1][-1].i + 1:
            skip |= {n - 1, n}
    for n, run in enumerate(runs):
        if run[0].i > 0 and ps.doc[run[0].i - 1].lower_ in ("several", "few"):
            continue  # "several thousand": a vague quantity (_vague)
        start, _ = ps.char_span(run[0].i, run[0].i + 1)
        if start in ages or n in skip:
            continue
        ranged = _range(ps, run, runs[n + 1] if n + 1 < len(runs) else None, mentions)
        if ranged is not None:
            if ranged:
                out.append(ranged)
            skip.add(n + 1)
            continue
        quantity = _quantity(ps, run, mentions)
        if quantity is not None:
            out.append(quantity)
    return out + _vague(ps, mentions)


def _range(ps: ParsedSentence, run: list[Token], following: list[Token] | None,
           mentions: MentionIndex) -> dict[str, Any] | None:
    """"between 150 and 200 fighters", "from 300 to 400 people": one quantity with bounds. Digits joined by a
    hyphen with nothing counted and no currency are a score or a code ("34-6", "(6-5, 3-4)", "787-9"): an empty
    dict, no quantity, both numbers used up."""
    doc, first, last = ps.doc, run[0], run[-1]
    if following is None or following[0].i != last.i + 2:
        return None
    opener, joiner = doc[first.i - 1].lower_ if first.i > 0 else "", doc[last.i + 1].lower_
    low, high = _word_value([t.lower_ for t in run]), _word_value([t.lower_ for t in following])
    counted = _counted(following)
    if joiner in ("-", "–") and _glued(last, doc[last.i + 1]) and _glued(doc[last.i + 1], following[0]) \
            and _digits(last) and _digits(following[0]) and opener not in ("between", "from") and (
            low is None or high is None or low >= high or not (counted is not None or _money(ps, run))):
        return {}
    paired = (opener, joiner) in (("between", "and"), ("from", "to"))
    if first.i == 0 or (not paired and joiner not in ("-", "–", "to")):
        return None
    if low is None or high is None or low >= high:
        return None
    if counted is not None and counted.lower_ in lexicon().quantities["not_counted"] and not _money(ps, run):
        return {}  # "12 to 14 per cent", "two to three hours"
    start = first.i - 1 if opener in ("between", "from") else first.i
    return _record(ps, start, following[-1].i + 1, None, low, high, False, counted, mentions)
