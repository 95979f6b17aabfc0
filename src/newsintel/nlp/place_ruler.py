"""A spaCy component that corrects and completes place entities from the gazetteer.

The small English model often tags transliterated places ("Raqqa", "Jarabulus") as PERSON or misses them.
After NER, every capitalised 1-4 token span whose folded name is in the gazetteer is a candidate:
- inside an existing GPE/LOC/FAC entity: left alone, unless the entity is a list of places ("Raqqa to Kobani");
- exactly covering a PERSON/ORG/... entity: relabelled GPE only with evidence, namely a locative cue word
  before it ("fled to Raqqa") or the same name tagged as a place elsewhere in the document;
- not covered by any entity: added when the context supports it (cue word, several tokens, a populous place
  not at the start of a sentence), never for stop-listed ordinary words ("Deal", "March", "Police").
Candidates that cut through a longer entity ("Baghdadi" in "Abu Bakr al-Baghdadi") are ignored.
The chosen place's GeoNames id, when it has one, goes into the span's `kb_id`.
Names NER cut at "and" are joined again: a facility's two nouns ("the Coral Bay Resort and Casino") and a country's
two names ("Trinidad and Tobago", "the Court of Bosnia and Herzegovina").
"""

from __future__ import annotations

from collections.abc import Iterable
from itertools import pairwise

from spacy.attrs import SENT_START
from spacy.language import Language
from spacy.tokens import Doc, Span
from spacy.util import filter_spans

from newsintel.nlp.facility_places import facility_nouns
from newsintel.nlp.gazetteer import Gazetteer, Place, fold, load_gazetteer, place_key
from newsintel.resources import load_yaml

MAX_TOKENS = 5
PLACE_LABELS = {"GPE", "LOC", "FAC"}
RELABELLABLE = {"PERSON", "ORG", "NORP", "PRODUCT", "WORK_OF_ART", "EVENT", "LAW", "LANGUAGE"}


def _starts_name(words: list[str], i: int, articles: frozenset[str]) -> bool:
    """A name starts with a capital, or with a hyphenated article ("al-Raqqa"); never with a plain "as".
    `words`: the texts of the document's tokens."""
    text = words[i]
    if text.lower() in articles:
        hyphenated = i + 1 < len(words) and words[i + 1] == "-"
        return hyphenated or (text in ("Al", "El") and i + 1 < len(words) and words[i + 1][:1].isupper())
    return text[:1].isupper()


class PlaceRuler:
    def __init__(self, gazetteer: Gazetteer) -> None:
        cfg = load_yaml("places.yaml")
        self.gazetteer = gazetteer
        self.cues = frozenset(cfg["locative_cues"])
        self.place_nouns = frozenset(cfg["place_nouns"])
        self.resident_nouns = frozenset(cfg["resident_nouns"])
        self.state_abbreviations = frozenset(fold(k) for k in load_yaml("geocoding.yaml")["us_state_abbreviations"])
        self.list_links = frozenset(cfg["list_links"])
        self.list_joints = frozenset(cfg["entity_list_joints"])
        self.name_joints = frozenset(cfg["toponym_cues"]["name_joints"])
        self.stoplist = frozenset(cfg["stoplist"])
        self.min_population = cfg["min_population_without_context"]
        self.min_detect_population = cfg["min_population_to_detect"]
        self.articles = frozenset(load_yaml("name_parts.yaml")["articles"])

    def candidates(self, doc: Doc) -> Iterable[tuple[Span, Place]]:
        """Longest gazetteer matches, left to right, never overlapping. The tokens' texts, offsets and breaks
        are read once (a Span and its tokens made for each of the five sizes at every capitalised word cost
        more than the lookups)."""
        i, n = 0, len(doc)
        text = doc.text
        tokens = list(doc)
        words = [t.text for t in tokens]
        starts = [t.idx for t in tokens]
        breaks = [t.is_space or (t.is_punct and t.text != "-") for t in tokens]
        while i < n:
            found = None
            if _starts_name(words, i, self.articles):
                for size in range(min(MAX_TOKENS, n - i), 0, -1):
                    end = i + size
                    if not words[end - 1][:1].isupper() or any(breaks[i:end]):
                        continue
                    span_text = text[starts[i]:starts[end - 1] + len(words[end - 1])]  # what Span.text gives
                    places = [p for p in self.gazetteer.by_key(place_key(span_text)) if self._detectable(p)]
                    if places:
                        found = (doc[i:end], places[0])
                        break
            if found:
                yield found
                i = found[0].end
            else:
                i += 1

    def _detectable(self, place: Place) -> bool:
        """Small towns (the gazetteer holds towns over 500 people) resolve names NER found, but do not make
        a capitalised word a place on their own ("Congress", Arizona)."""
        return place.kind != "city" or place.population >= self.min_detect_population

    def _qualified(self, span: Span) -> bool:
        """Followed by a comma and a state or country: "Gainesville, Ga.", "Paris, Texas", "Kobani, Syria"."""
        doc, end = span.doc, span.end
        if end + 1 >= len(doc) or doc[end].text != ",":
            return False
        for size in (1, 2, 3):
            words = doc[end + 1 : end + 1 + size]
            abbreviated = "." in words.text and fold(words.text) in self.state_abbreviations
            if len(words) == size and (abbreviated or any(
                    p.kind in ("state", "country") for p in self.gazetteer.lookup(words.text))):
                return words[0].text[:1].isupper()
        return False

    def _has_cue(self, span: Span, place_ends: set[int], place_starts: frozenset[int] = frozenset()) -> bool:
        """Context that says "place": a cue word before, a place noun after, or a list of places."""
        doc, start = span.doc, span.start
        if span.end < len(doc) and (doc[span.end].lower_ in self.place_nouns or doc[span.end].lower_ in
                                    self.resident_nouns):
            return True  # "Idlib province", "a Raqqa man", "Gaziantep police"
        if start > 0 and doc[start - 1].lower_ == "the":
            start -= 1
        if start > 0 and doc[start - 1].lower_ in self.cues:
            return True
        if start > 1 and doc[start - 1].lower_ == "of" and doc[start - 2].lower_ in self.place_nouns:
            return True  # "the town of Akcakale", "the province of Idlib"
        if start > 1 and doc[start - 1].lower_ == "of" and doc[start - 2].text == ",":
            return True  # "Ali Hassan, 34, of Gaziantep"
        if self._qualified(span):
            return True  # "Gainesville, Ga.", "Kobani, Syria"
        end = span.end
        while end < len(doc) and doc[end].lower_ in self.list_links:
            end += 1
        if end > span.end and end in place_starts:
            return True  # "Lovejoy, Jonesboro and Riverdale": the first of a list of places
        while start > 0 and doc[start - 1].lower_ in self.list_links:
            start -= 1
        return start < span.start and start in place_ends

    def _trusted_alone(self, span: Span, place: Place, key: str) -> bool:
        if key in self.stoplist:
            return False
        if len(span) > 1 or place.kind == "country":
            return True
        doc = span.doc
        dateline = span.end < len(doc) and doc[span.end].text in (",", "(", "-", "—", "–")
        if dateline and span[0].is_sent_start and span.text.isupper():
            return True  # an all-capitals dateline: "TORRINGTON — ..."
        return (dateline or not span[0].is_sent_start) and place.population >= self.min_population

    def __call__(self, doc: Doc) -> Doc:
        entities = list(doc.ents)
        candidates = list(self.candidates(doc))
        known = {place_key(e.text) for e in entities if e.label_ in PLACE_LABELS}
        new, replaced, accepted = self._decide(doc, entities, candidates, known)
        if accepted - known:  # one sense per document: a name accepted once as a place is a place throughout
            new, replaced, _ = self._decide(doc, entities, candidates, known | accepted)
        if new:
            kept = [e for e in entities if e not in replaced]
            doc.ents = filter_spans([*new, *kept])
        joined = self._joined_facilities(doc)
        if joined:
            doc.ents = filter_spans([*joined, *doc.ents])
        return doc

    def _split_area(self, doc: Doc, span: Span, place: Place, covering: set[Span], kb: str) -> Span | None:
        """A country or state whose name holds "and" ("Bosnia and Herzegovina", "Trinidad and Tobago") that NER cut
        at the "and": into two places, which become the one; or into the end of a body's name and a place ("the
        Court of Bosnia and" + "Herzegovina"), which become the body's whole name. None when the entities over
        the name are anything else."""
        if place.kind not in ("country", "state", "province") or not any(
                t.lower_ in self.name_joints for t in span[1:-1]):
            return None
        inner = [e for e in covering if span.start <= e.start and e.end <= span.end]
        outer = [e for e in covering if e not in inner]
        if not inner or any(e.label_ not in PLACE_LABELS for e in inner):
            return None
        if not outer:
            return Span(doc, span.start, span.end, label="GPE", kb_id=kb)
        (body,) = outer if len(outer) == 1 else (None,)
        if body is None or body.label_ not in RELABELLABLE or not body.start < span.start < body.end <= span.end:
            return None
        return Span(doc, body.start, span.end, label=body.label_, kb_id=body.kb_id_)

    def _joined_facilities(self, doc: Doc) -> list[Span]:
        """A facility named with two nouns joined by "and" ("the Coral Bay Resort and Casino", "the Elm Hotel &
        Spa") is one facility: NER stops at "and", and the second noun alone then reads as a town's name (a town
        called Casino) in a list of places. Returns the joined spans (FAC), which replace both parts."""
        nouns = facility_nouns()
        out: list[Span] = []
        for entity in doc.ents:
            end = entity.end
            if (entity.label_ not in PLACE_LABELS or fold(entity[-1].text) not in nouns or end + 1 >= len(doc)
                    or doc[end].lower_ not in self.name_joints):
                continue
            last = end + 1
            while last < len(doc) and last - end <= 3 and doc[last].text[:1].isupper() and not doc[last].is_punct:
                last += 1
            if last > end + 1 and fold(doc[last - 1].text) in nouns:
                out.append(Span(doc, entity.start, last, label="FAC", kb_id=entity.kb_id_))
        return out

    def _decide(
        self, doc: Doc, entities: list[Span], candidates: list[tuple[Span, Place]], place_keys: set[str],
    ) -> tuple[list[Span], set[Span], set[str]]:
        """(new place spans, entities they replace, keys accepted as places)."""
        by_token: dict[int, Span] = {t: e for e in entities for t in range(e.start, e.end)}
        place_ends = {e.end for e in entities if e.label_ in PLACE_LABELS}
        place_starts = frozenset(e.start for e in entities if e.label_ in PLACE_LABELS)
        new: list[Span] = []
        replaced: set[Span] = set()
        accepted: set[str] = set()
        inside: dict[Span, list[tuple[Span, str]]] = {}
        for span, place in candidates:
            key = place_key(span.text)
            kb = str(place.geonameid) if place.geonameid else ""
            covering = {by_token[t] for t in range(span.start, span.end) if t in by_token}
            target: Span | None = None
            if not covering:
                if (self._has_cue(span, place_ends, place_starts) or key in place_keys
                        or self._trusted_alone(span, place, key)):
                    target = span
            elif len(covering) == 1:
                (entity,) = covering
                exact = (entity.start, entity.end) == (span.start, span.end) or (
                    entity.end == span.end and entity.start == span.start - 1 and doc[entity.start].lower_ == "the")
                if entity.label_ in PLACE_LABELS:
                    longer = span.start <= entity.start and entity.end <= span.end and len(span) > len(entity)
                    if (exact and not entity.kb_id_) or longer:  # "Mazar" tagged, "Mazar-i-Sharif" meant
                        replaced.add(entity)
                        new.append(Span(doc, span.start, span.end, label=entity.label_, kb_id=kb))
                    elif not exact and not longer:  # "Raqqa to Kobani" tagged as one place
                        inside.setdefault(entity, []).append((span, kb))
                    continue
                if exact and entity.label_ in RELABELLABLE and (
                        self._has_cue(span, place_ends, place_starts) or key in place_keys):
                    replaced.add(entity)
                    target = entity
                elif not exact and entity.label_ in RELABELLABLE:
                    inside.setdefault(entity, []).append((span, kb))
            elif (joined := self._split_area(doc, span, place, covering, kb)) is not None:
                replaced.update(covering)
                new.append(joined)
                accepted.add(key)
            if target is not None:
                new.append(Span(doc, target.start, target.end, label="GPE", kb_id=kb))
                place_ends.add(target.end)
                accepted.add(key)
        for entity, parts in inside.items():
            # "Skopje to Pristina" tagged as one ORG or GPE: every capitalised word is a place, so it is a list of
            # places (one place only when the entity is not itself a place: "Mazar" in "Mazar-i-Sharif" is not)
            covered = {t for span, _ in parts for t in range(span.start, span.end)}
            if entity.label_ in PLACE_LABELS and len(parts) < 2:
                continue
            if any(place_key(span.text) in self.stoplist for span, _ in parts):
                continue  # "Police Union" is not Police (Poland) and Union (New Jersey)
            if any(b.start <= a.end or any(t.lower_ not in self.list_joints for t in doc[a.end:b.start])
                   for (a, _), (b, _) in pairwise(parts)):
                continue  # places side by side ("Concordia College") or joined by "of" ("Bank of America") are one name
            if all(t.i in covered for t in entity if t.text[:1].isupper()):
                replaced.add(entity)
                new.extend(Span(doc, span.start, span.end, label="GPE", kb_id=kb) for span, kb in parts)
        return new, replaced, accepted


@Language.factory("newsintel_places")
def make_place_ruler(nlp: Language, name: str) -> PlaceRuler:
    return PlaceRuler(load_gazetteer())


@Language.component("newsintel_paragraphs")
def paragraph_breaks(doc: Doc) -> Doc:
    """A blank line always ends a sentence: headlines and captions must not run into the next paragraph.
    (Set through one array: setting `Token.is_sent_start` scans the whole document each time.)"""
    after_break = [t.i + 1 for t in doc[:-1] if t.is_space and "\n" in t.text]
    if after_break:
        starts = doc.to_array(SENT_START)
        starts[after_break] = 1
        doc.from_array([SENT_START], starts)
    return doc
