"""Name forms for matching people and organisations across documents.

A name is transliterated to Latin (anyascii), folded, stripped of titles and Arabic articles, its particles glued
("Ben Ali" = "Benali"), its given-name variants mapped (Mohammed = Muhammad) and each word reduced to a
spelling skeleton (Zeqiri = Zekiri, Kosowi = Kosovi). Blocking keys built from the form find candidates by index
lookup, so the cost of a new mention does not grow with the store; `similarity` then scores a candidate pair.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from anyascii import anyascii
from rapidfuzz.distance import JaroWinkler

from newsintel.nlp.gazetteer import fold, place_key
from newsintel.nlp.grouping import org_aliases
from newsintel.resources import load_yaml

PERSON, ORG, PLACE = "person", "org", "place"
PLACE_TYPES = frozenset({"GPE", "LOC", "FAC"})
ORG_TYPES = frozenset({"ORG"})  # NORP ("Belgian", "Kurds") is a nationality, not a group


@dataclass(frozen=True, slots=True)
class NameForm:
    kind: str
    tokens: tuple[str, ...]
    surname_first: bool = False  # "Moon Jae-in": the family name is the first word

    @property
    def full(self) -> str:
        return " ".join(self.tokens)

    @property
    def is_initials(self) -> bool:
        return all(len(t) == 1 for t in self.tokens)

    @property
    def last(self) -> str:
        """The family name: the last word, or the first where the name is written family name first."""
        return self.tokens[0] if self.surname_first and len(self.tokens) > 1 else self.tokens[-1]

    @property
    def first(self) -> str | None:
        """The given name (None for a one-word name)."""
        if len(self.tokens) < 2:
            return None
        return self.tokens[-1] if self.surname_first else self.tokens[0]


@dataclass(frozen=True, slots=True)
class _Rules:
    given: dict[str, str]
    titles: frozenset[str]
    title_words: frozenset[str]
    title_names: frozenset[str]
    articles: frozenset[str]
    particles: frozenset[str]
    dropped_particles: frozenset[str]
    skeleton: tuple[tuple[re.Pattern[str], str], ...]
    org_stopwords: frozenset[str]
    org_suffixes: frozenset[str]
    org_prefixes: frozenset[str]
    org_descriptive: frozenset[str]
    org_not_alone: frozenset[str]
    credit_tail: re.Pattern[str]


@functools.cache
def _rules() -> _Rules:
    data = load_yaml("name_variants.yaml")
    parts = load_yaml("name_parts.yaml")
    given: dict[str, str] = {}
    for key, variants in data["given_names"].items():
        for variant in [key, *variants]:
            given[variant.replace(" ", "")] = key
    return _Rules(
        given=given,
        titles=frozenset(parts["titles"]),
        title_words=frozenset(parts["title_words"]),
        title_names=frozenset(data["titles_also_given_names"]),
        articles=frozenset(parts["articles"]),
        particles=frozenset(data["joined_particles"]),
        dropped_particles=frozenset(data["dropped_particles"]),
        skeleton=tuple((re.compile(a), b) for a, b in data["skeleton_rules"]),
        org_stopwords=frozenset(data["org_stopwords"]),
        org_suffixes=frozenset(data["org_suffixes"]),
        org_prefixes=frozenset(data["org_country_prefixes"]),
        org_descriptive=frozenset(data["org_descriptive_suffixes"]),
        org_not_alone=frozenset(data["org_not_alone"]),
        credit_tail=re.compile(r"\s[-–—]\s+(?:" + "|".join(map(re.escape, data["credit_roles"]))
                               + r")\b.*$", re.IGNORECASE | re.DOTALL),
    )


def kind_of(entity_type: str) -> str | None:
    if entity_type == "PERSON":
        return PERSON
    if entity_type in ORG_TYPES:
        return ORG
    if entity_type in PLACE_TYPES:
        return PLACE
    return None


_QUOTES = "\"'`"


def _words(name: str) -> list[str]:
    """Folded words, quotes around them dropped ('the "Balkan Brigade"' = "the Balkan Brigade")."""
    words = (w.strip(_QUOTES) for w in fold(anyascii(name)).replace("&", " & ").split())
    return [w for w in words if w]


# A two-word-or-longer name ending in a hyphenated given name whose second part is lower case ("Moon Jae-in",
# "Kim Jong-un", "Ban Ki-moon"): Korean order, family name first.
_GIVEN_LAST = re.compile(r"\s[A-Z][a-z]{0,5}-[a-z]{1,5}\s*$")
_HYPHENATED = re.compile(r"[^\W\d_]+(?:[-‐‑][^\W\d_]+)+")


def _person_words(name: str) -> list[str]:
    """Folded words of a person's name, a hyphenated word kept as one ("Ki-moon" -> "kimoon", "Ben-Ali" ->
    "benali"): a part of a hyphenated name is not a name of its own ("Moon" is not Ban Ki-moon). A leading
    Arabic article is a word apart, as written without the hyphen ("al-Sisi" = "al Sisi")."""
    articles = _rules().articles
    words: list[str] = []
    for raw in name.split():
        parts = _words(raw)
        if len(parts) > 1 and _HYPHENATED.fullmatch(anyascii(raw).strip(_QUOTES + ".,;:()")):
            while len(parts) > 1 and parts[0] in articles:
                words.append(parts.pop(0))
            parts = ["".join(parts)]
        words += parts
    return words


def skeleton(word: str) -> str:
    for pattern, replacement in _rules().skeleton:
        word = pattern.sub(replacement, word)
    return word


_POSSESSIVE = re.compile(r"(?:['’]s|(?<=s)['’])$")


def without_possessive(name: str) -> str:
    """"Obama's", "Texans'" -> "Obama", "Texans": a possessive the NER span kept is no part of the name."""
    return _POSSESSIVE.sub("", name.strip())


def _without_titles(words: list[str]) -> list[str]:
    """Leading titles dropped ("sen", "president"), with the words that continue them ("secretary of state",
    "former defence minister"); never the last word, nor a title that is also a given name before a surname."""
    rules = _rules()
    run = 0
    while run < len(words) - 1 and (words[run] in rules.titles or words[run] in rules.title_words):
        run += 1
    if not any(w in rules.titles for w in words[:run]):
        return words
    if len(words) - run == 1 and words[run - 1] in rules.title_names:
        run -= 1  # "Emir Haliti": the given name, not a title
    return words[run:]


def person_form(name: str) -> NameForm | None:
    rules = _rules()
    name = without_possessive(name).replace("U.S.", "US")
    raw = name.split()  # "Thomas de Maizière": a particle in lower case before the surname is dropped
    name = " ".join(w for i, w in enumerate(raw) if i == len(raw) - 1 or w not in rules.dropped_particles)
    words = [w for w in _person_words(name) if w not in rules.articles and w not in ("s", "jr", "sr")]
    words = _without_titles(words)
    glued: list[str] = []
    for word in words:
        if glued and glued[-1] in rules.particles and len(glued[-1]) > 1:
            glued[-1] += word
        else:
            glued.append(word)
    tokens = tuple(skeleton(rules.given.get(w, w)) for w in glued)
    surname_first = len(tokens) > 1 and _GIVEN_LAST.search(anyascii(name)) is not None
    return NameForm(PERSON, tokens, surname_first) if tokens else None


def _acronym_written_out(raw: str) -> list[str]:
    """The folded words of one word of an organisation's name; an acronym the alias table lists ("UN", "U.N.")
    as its full name's words."""
    words = _words(raw)
    if len(words) > 1 and all(len(w) == 1 for w in words):
        words = ["".join(words)]  # "U.N." -> "un"
    letters = anyascii(raw).replace(".", "")
    if len(words) == 1 and letters.isupper() and len(letters) <= 5 and words[0] in org_aliases():
        return _words(org_aliases()[words[0]])
    return words


def org_form(name: str) -> NameForm | None:
    """Folded words without stop words and without trailing legal forms ("Qualcomm Inc." -> "qualcomm"); a name
    the alias table knows ("ISIS", "Daesh") takes its canonical name's form."""
    rules = _rules()
    name = without_possessive(rules.credit_tail.sub("", name))  # "Getty - Contributor": the agency's credit
    words = _words(name)
    canonical = org_aliases().get(" ".join(words[1:] if words[:1] == ["the"] else words))
    if canonical is not None:
        words = _words(canonical)
    elif len(words) > 1:  # "UN Security Council" = "United Nations Security Council": listed acronyms written out
        words = [w for raw in name.split() for w in _acronym_written_out(raw)]
    tokens = [t for t in (w.strip("()[]") for w in words) if t and t not in rules.org_stopwords]
    while len(tokens) > 1 and (tokens[-1] in rules.org_suffixes or (
            tokens[-1] in rules.org_descriptive and tokens[0] not in rules.org_not_alone and len(tokens[0]) > 2)):
        tokens.pop()
    return NameForm(ORG, tuple(tokens)) if tokens else None


def place_form(name: str) -> NameForm | None:
    key = place_key(name)
    return NameForm(PLACE, tuple(key.split())) if key else None


def form_of(kind: str, name: str) -> NameForm | None:
    return {PERSON: person_form, ORG: org_form, PLACE: place_form}[kind](name)


def _deletions(word: str) -> set[str]:
    """The word with one letter deleted, each way: two spellings one letter apart share one of these."""
    return {word[:i] + word[i + 1:] for i in range(len(word))}


def blocking_keys(form: NameForm) -> set[str]:
    """Index keys under which this name is stored and looked up."""
    if form.kind == PLACE:
        return {"g:" + form.full}
    if form.kind == ORG:  # no acronym keys: "CHT" joins a name only where a report or the alias table says so
        keys = {"o:" + form.full, "o:sq:" + squashed(form)}
        if (rest := without_country(form)) is not None:
            keys.add("o:" + rest.full)
        return keys | {"o:w:" + w for w in {form.tokens[0], form.tokens[-1]} if short_form_word(w)}
    initials = form.first[0] + form.last[0] if form.first else None
    if form.is_initials:
        return {"p:ini:" + "".join(form.tokens[:1] + form.tokens[-1:])}
    keys = {"p:" + form.full, "p:last:" + form.last}
    if form.first:  # "Dritan Haliti" finds "Driton Haliti" among the D. Halitis, not among all Halitis
        keys.add(f"p:fl:{form.first[0]} {form.last}")
    if len(form.last) >= 5:
        keys |= {"p:del:" + d for d in _deletions(form.last)}
    if initials:
        keys.add("p:ini:" + initials)
    return keys


_VOWELS = re.compile(r"[aeiouy]")


def _word_similarity(a: str, b: str) -> float:
    """Jaro-Winkler, but words that differ only in vowels ("Driton"/"Dritan", "Emir"/"Amir") score 0.92."""
    if a == b:
        return 1.0
    score = JaroWinkler.similarity(a, b)
    consonants = _VOWELS.sub("", a)
    if len(consonants) >= 2 and consonants == _VOWELS.sub("", b):
        score = max(score, 0.92)
    return score


@functools.cache
def _generic_org_words() -> frozenset[str]:
    data = load_yaml("org_names.yaml")
    return (frozenset(data["first_words"]) | frozenset(data["last_words"]) | _rules().org_suffixes
            | frozenset(data["alone_another_body"]))


@functools.cache
def names_another_body(word: str) -> bool:
    """A word that alone names another body than the longer name it is part of ("House" / "White House")."""
    return word in load_yaml("org_names.yaml")["alone_another_body"]


def short_form_word(word: str) -> bool:
    """A word an organisation may be called by alone ("Texans", "Getty", "Qualcomm"): not a generic word
    ("Police", "Ministry", "Group"), not a number or a letter or two."""
    return len(word) >= 3 and word.isalpha() and word not in _generic_org_words()


# A one-word organisation name that is the first or last word of a longer one ("Texans" / "Houston Texans",
# "American" / "American Airlines"): weak alone, it needs shared context to join.
SHORT_FORM = 0.6


# An organisation's name with a country word in front and the same name without it ("U.S. Environmental
# Protection Agency"): above the link threshold, below an exact name.
COUNTRY_LEFT_OUT = 0.9


def without_country(form: NameForm) -> NameForm | None:
    """The organisation's name without a leading country word ("us", "british"), when two words or more remain."""
    if form.kind != ORG or len(form.tokens) < 3 or form.tokens[0] not in _rules().org_prefixes:
        return None
    return NameForm(ORG, form.tokens[1:])


def squashed(form: NameForm) -> str:
    """The name without spaces or hyphens: "Wal-Mart" = "Walmart", "Face Book" = "Facebook"."""
    return "".join(form.tokens)


def _middles_differ(a: NameForm, b: NameForm) -> bool:
    """Both names give middle names and they disagree: "John Addo Kufuor" is not "John Agyekum Kufuor", nor
    "Denis Christel Sassou Nguesso" "Denis Sassou Nguesso" (an initial fits its word: "John F." = "John Fitzgerald")."""
    am, bm = a.tokens[1:-1], b.tokens[1:-1]
    if not am or not bm:
        return False
    if len(am) != len(bm):
        return True
    return any(x != y and not ((len(x) == 1 or len(y) == 1) and x[0] == y[0]) for x, y in zip(am, bm, strict=True))


def similarity(a: NameForm, b: NameForm, fuzzy_factor: float = 0.85) -> float:
    """How well two names of the same kind fit one referent, 0..1, before any context.

    Exact forms score 1; a surname alone against a full name 0.75; spelling variants that survive the
    skeleton (one letter apart) are scaled by `fuzzy_factor` so they need context to be linked.
    """
    if a.full == b.full:
        return 1.0
    if a.kind == PERSON and squashed(a) == squashed(b) and a.last == b.last and len(a.tokens) > 1 < len(b.tokens):
        return 1.0  # "Jean-Claude Juncker" = "Jean Claude Juncker"
    if a.kind == ORG:
        if squashed(a) == squashed(b):
            return 1.0
        short, long_ = (a, b) if len(a.tokens) < len(b.tokens) else (b, a)
        if without_country(long_) == short:
            return COUNTRY_LEFT_OUT
        if len(short.tokens) == 1 and short.full in (long_.tokens[0], long_.tokens[-1]) and short_form_word(
                short.full):
            return SHORT_FORM
        return fuzzy_factor * _word_similarity(a.full, b.full) if _word_similarity(a.full, b.full) >= 0.93 else 0.0
    if a.kind == PLACE:
        return 0.0
    if a.is_initials or b.is_initials:
        ai = a.tokens[0][0] + a.last[0] if not a.is_initials else a.tokens[0] + a.tokens[-1]
        bi = b.tokens[0][0] + b.last[0] if not b.is_initials else b.tokens[0] + b.tokens[-1]
        return 0.5 if ai == bi and len(a.tokens) > 1 and len(b.tokens) > 1 else 0.0
    if (len(a.last) == 1 or len(b.last) == 1) and a.first and a.first == b.first:
        return 0.8 if a.last[0] == b.last[0] else 0.0
    last = _word_similarity(a.last, b.last)
    if last < 0.9 or _middles_differ(a, b):
        return 0.0
    if last < 1.0:
        last *= fuzzy_factor
    if a.first is None or b.first is None:
        return 0.75 * last
    if a.first == b.first:
        return last
    if (len(a.first) == 1 or len(b.first) == 1) and a.first[0] == b.first[0]:
        return 0.9 * last
    first = _word_similarity(a.first, b.first)
    return first * last * fuzzy_factor if first >= 0.88 else 0.0
