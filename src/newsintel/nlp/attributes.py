"""The model's attribute ruler (tag -> part of speech and morphology, and its exceptions), indexed.

spaCy's `AttributeRuler` runs a general token `Matcher` over every parsed sentence to apply 179 patterns that are
almost all one token long and keyed on the fine tag or the lower-case word. That general matcher was a tenth of
the ingest time. This component applies the same patterns, in the same order, with the same attribute setter, but
looks up only the patterns a token can match (by its tag and its lower-case form); a test compares it with
spaCy's ruler token by token.
"""

from __future__ import annotations

import re
from typing import Any

from spacy.language import Language
from spacy.pipeline import AttributeRuler
from spacy.tokens import Doc
from spacy.tokens._retokenize import set_token_attrs

COLUMNS = ("TAG", "LOWER", "DEP", "IS_SPACE")  # what the model's patterns test, read once per sentence as hashes
INDEXED = (1, 2, 0, 3)  # a pattern is filed under the first of these columns its first token pins down
Check = tuple[int, str, Any]  # (column, operator, value): operator "==", "in", "not in" or "regex"
MAX_ROWS_REMEMBERED = 50_000  # distinct (tag, word, dependency, space) rows whose one-token matches are kept


class IndexedAttributeRuler:
    """Applies an `AttributeRuler`'s patterns with an index on the first token's tag or lower-case form."""

    def __init__(self, ruler: AttributeRuler) -> None:
        self.strings = ruler.vocab.strings
        self.rules: list[tuple[list[list[Check]], dict, int]] = []
        self.index: dict[int, dict[int, list[int]]] = {column: {} for column in INDEXED}
        self.always: list[int] = []
        for number, entry in enumerate(ruler.patterns):
            alternatives = [[self._checks(tp) for tp in alternative] for alternative in entry["patterns"]]
            # the ruler's own normalised attributes, set by spaCy's own setter: same effect as the ruler's
            self.rules.append((alternatives, ruler.attrs[number], ruler.indices[number]))
            for column in INDEXED:
                keys = [self._keys(alternative[0], column) for alternative in alternatives]
                if all(k is not None for k in keys):
                    for key in {k for ks in keys for k in ks}:
                        self.index[column].setdefault(key, []).append(number)
                    break
            else:
                self.always.append(number)
        self._single = frozenset(n for n, (alternatives, _, _) in enumerate(self.rules)
                                 if all(len(a) == 1 for a in alternatives))
        self._by_row: dict[tuple[int, ...], tuple[list[int], list[int]]] = {}

    def _hash(self, value: Any) -> Any:
        return self.strings.add(value) if isinstance(value, str) else int(value)

    def _check(self, key: str, wanted: Any) -> Check:
        """One attribute test of a Matcher token pattern: a value, {"IN": [...]}, {"NOT_IN": [...]}, {"REGEX": ...}."""
        if key not in COLUMNS:
            raise ValueError(f"attribute pattern not supported: {key}")
        column = COLUMNS.index(key)
        if not isinstance(wanted, dict):
            return column, "==", self._hash(wanted)
        (operator, value), = wanted.items()
        if operator in ("IN", "NOT_IN"):
            return column, operator.lower().replace("_", " "), frozenset(self._hash(v) for v in value)
        if operator == "REGEX":
            return column, "regex", re.compile(value)
        raise ValueError(f"attribute pattern not supported: {key}: {wanted}")

    def _checks(self, token_pattern: dict[str, Any]) -> list[Check]:
        return [self._check(key, wanted) for key, wanted in token_pattern.items()]

    @staticmethod
    def _keys(checks: list[Check], column: int) -> list[int] | None:
        """The values `column` must have for the first token to match, or None when the pattern leaves it open."""
        for col, operator, value in checks:
            if col == column and operator == "==":
                return [value]
            if col == column and operator == "in":
                return list(value)
        return None

    def _passes(self, row: list[int], checks: list[Check]) -> bool:
        for column, operator, value in checks:
            have = row[column]
            if operator == "==":
                ok = have == value
            elif operator == "in":
                ok = have in value
            elif operator == "not in":
                ok = have not in value
            else:
                ok = value.search(self.strings[have]) is not None
            if not ok:
                return False
        return True

    def _for_row(self, row: list[int]) -> tuple[list[int], list[int]]:
        """(the one-token patterns a token with these columns matches, the longer patterns it may start): the
        same for every token with the same tag, word, dependency and space flag, so worked out once each."""
        key = tuple(row)
        known = self._by_row.get(key)
        if known is None:
            if len(self._by_row) >= MAX_ROWS_REMEMBERED:
                self._by_row.clear()
            candidates = [n for column, index in self.index.items() for n in index.get(row[column], ())]
            single = [n for n in (*candidates, *self.always) if n in self._single
                      and any(self._passes(row, alternative[0]) for alternative in self.rules[n][0])]
            longer = [n for n in (*candidates, *self.always) if n not in self._single]
            known = self._by_row[key] = (single, longer)
        return known

    def _matches(self, doc: Doc) -> list[tuple[int, int, int]]:
        rows = doc.to_array(list(COLUMNS)).tolist()
        found = []
        for i, row in enumerate(rows):
            single, longer = self._for_row(row)
            found += [(number, i, i + 1) for number in single]
            for number in longer:
                for alternative in self.rules[number][0]:
                    end = i + len(alternative)
                    if end > len(rows):
                        continue
                    for k, checks in enumerate(alternative):
                        if not self._passes(rows[i + k], checks):
                            break
                    else:
                        found.append((number, i, end))
        found = sorted(set(found))  # pattern order: a later pattern's attributes win, as in spaCy's ruler
        return found

    def __call__(self, doc: Doc) -> Doc:
        for number, start, end in self._matches(doc):
            _, attrs, index = self.rules[number]
            set_token_attrs(doc[(start if index >= 0 else end) + index], attrs)
        return doc


@Language.factory("newsintel_attributes")
def make_indexed_attributes(nlp: Language, name: str) -> IndexedAttributeRuler:
    """Built from the loaded model's own attribute ruler, so its patterns stay the model's."""
    return IndexedAttributeRuler(nlp.get_pipe("attribute_ruler"))
