"""Who the speaker is, decided once the whole document is read: pronouns, places, photo credits.

"he said" names nobody: the speaker is the one person the pronoun can stand for since the last statement before it
(the previous speaker, reported speech continuing, or a person named since), of the pronoun's gender when a title,
a stated gender, an earlier "he"/"she" or a given name (`data/given_names.yaml`) tells it. People named inside
quotations are talked about, not speaking.
When no single person fits, the speaker stays the pronoun, marked `"unresolved"` with the reason, never a guess;
an "I"/"we" reporting inside someone's quotation is that quotation's speaker. A speaker tagged as a place that
shares its name with a person of the document ("Maynard said", "Thane Maynard" named before) is that person; a
caption word ("Harrowing images of ...") or a byline is no speaker at all, and a photo agency's credit before a
name ("EPA South Korea fears ...") is not part of it. Definite descriptions ("the agency said") are linked in
`speaker_descriptions.py`.
"""

from __future__ import annotations

import functools
import re
from bisect import bisect_right
from dataclasses import dataclass, field
from typing import Any

from newsintel.extract.antecedents import PERSON_PRONOUNS, PLURAL_PRONOUNS
from newsintel.extract.args import MentionIndex, pronoun_gender
from newsintel.extract.lexicon import lexicon
from newsintel.extract.place_people import person_place_gender
from newsintel.extract.quotations import Quotation
from newsintel.extract.speaker_descriptions import DescriptionLinks
from newsintel.extract.speaker_unnamed import unnamed_subject
from newsintel.model import Entity
from newsintel.nlp.grouping import person_words
from newsintel.resources import load_yaml

FIRST_PERSON = {"i", "we", "me", "us", "our", "my", "ourselves", "myself"}
SECOND_PERSON = {"you"}
SUBJECT_PRONOUNS = {"he", "she", "they"}
PLACE_TYPES = {"GPE", "LOC", "FAC"}
GROUP_TYPES = {"ORG", "NORP"}
REACH = 3  # sentences back to the previous statement that a "he said" continues
BULLETS = "•·*►▪●-–—|"
_CREDIT = re.compile(r"\((?:[A-Z][\w.]*\s+)?(?:Photo|Photograph|Image|Picture|Pool)s?\s*/[^()]*$")
FAR_REACH = 5  # sentences back to look for the one person a pronoun can stand for when none is nearer
_TITLE_WORDS = re.compile(r"(?:[A-Z][\w.'’-]*\s+){0,5}")  # "Prime Minister ", "Former Gov. " before a name
_DESCRIBED = re.compile(r"\b(?:[Aa]n?|[Tt]he|[Hh]is|[Hh]er|[Tt]heir|[Ii]ts)\s+([a-z][\w-]*)(?:\s+([a-z]+))?\b")


@functools.cache
def _given_names() -> dict[str, str]:
    return {name: gender for gender, names in load_yaml("given_names.yaml").items() for name in names}


def _given_name_gender(entity: Entity) -> str | None:
    """"James Roe": male, from the given name of a full name (data/given_names.yaml); a lone name tells nothing."""
    words = person_words(entity.name) if entity.type == "PERSON" else ()
    return _given_names().get(words[0]) if len(words) > 1 else None


def bare_pronoun(arg: dict[str, Any]) -> str | None:
    """The pronoun a speaker is, lower-cased, when it names no entity ("he", "they", "I"); else None."""
    word = arg["text"].lower()
    if arg.get("entity") is None and word in PERSON_PRONOUNS | PLURAL_PRONOUNS | FIRST_PERSON | SECOND_PERSON:
        return word
    return None


def unresolved(pronoun: str, reason: str, like: dict[str, Any] | None = None) -> dict[str, Any]:
    """The pronoun as speaker, with why it names no one; `like`'s description of the pronoun is kept for
    `actors.py`, which may still find the described person it stands for ("a witness ... she said")."""
    out: dict[str, Any] = {"text": pronoun, "entity": None, "unresolved": reason}
    if like is not None and "_d" in like and pronoun.lower() in PERSON_PRONOUNS | PLURAL_PRONOUNS:
        out["_d"] = like["_d"]
    return out


@dataclass
class Speakers(DescriptionLinks):
    """One document's speakers: its text, entities, quotations and what earlier "he"/"she" said of gender."""

    text: str
    mentions: MentionIndex
    quotes: list[Quotation]
    sentence_starts: list[int]
    learned: dict[str, str] = field(default_factory=dict)  # entity id -> gender, from pronouns resolved to it

    def __post_init__(self) -> None:
        self.entities: dict[str, Entity] = {e.id: e for _, _, e in self.mentions.spans}
        self._quote_starts = [q.start for q in self.quotes]
        self._mention_starts = sorted(start for start, _, _ in self.mentions.spans)
        self._place_people: dict[str, str | None] = {}
        self._furniture: list[tuple[int, int]] | None = None
        self._starts = {m.end() for m in re.finditer(r"(?:^|(?<=[.!?\n]))[\s\"“‘']*(?=\w)", self.text)}

    def place_person(self, entity: Entity) -> str | None:
        """The gender of a place-typed entity the text treats as a person ("Kim declared his ..."), else None."""
        if entity.id not in self._place_people:
            self._place_people[entity.id] = person_place_gender(self.text, entity, self._mention_starts)
        return self._place_people[entity.id]

    def is_person(self, entity: Entity) -> bool:
        return entity.type == "PERSON" or self.place_person(entity) is not None

    def unlink_place_person(self, arg: dict[str, Any] | None) -> None:
        """A speaker that is a person typed as a place is shown by name, never linked to the place."""
        entity = self.entities.get((arg or {}).get("entity") or "")
        if arg is not None and entity is not None and entity.type != "PERSON" and self.place_person(entity):
            arg["entity"] = None

    # -- where things are ------------------------------------------------------------------------------------
    def quoted(self, offset: int) -> bool:
        i = bisect_right(self._quote_starts, offset) - 1
        return i >= 0 and self.quotes[i].start < offset < self.quotes[i].end

    def sentence_start(self, sentence: int) -> int:
        return self.sentence_starts[max(0, min(sentence, len(self.sentence_starts) - 1))] \
            if self.sentence_starts else 0

    def gender(self, entity: Entity) -> str | None:
        """Stated ("her husband, X"), from a title ("Mr", "Ms"), or learned from an earlier pronoun."""
        known = (entity.attributes or {}).get("gender") or (self.place_person(entity) if entity.type != "PERSON"
                                                             else None)
        if known:
            return known
        titles = {w: g for g, ws in lexicon().attribution.get("gender_titles", {}).items() for w in ws}
        for mention in entity.mentions:  # the title inside the mention ("Mr Moon", "Prince Jo") or just before it
            words = (self.text[max(0, mention.start - 9):mention.start] + " " + mention.text).split()
            for word in words[:-1] if len(words) > 1 else ():
                if word.rstrip(".").lower() in titles:
                    return titles[word.rstrip(".").lower()]
        return self.learned.get(entity.id) or _given_name_gender(entity)

    # -- pronouns --------------------------------------------------------------------------------------------
    def sentence_of(self, offset: int) -> int:
        return max(0, bisect_right(self.sentence_starts, offset) - 1)

    def _people_between(self, low: int, high: int, types: set[str]) -> dict[str, tuple[Entity, set[int]]]:
        """Entities of `types` named in [low, high) outside quotations, with the sentences naming them."""
        out: dict[str, tuple[Entity, set[int]]] = {}
        i = bisect_right(self.mentions.starts, high) - 1
        while i >= 0 and self.mentions.spans[i][0] >= low:
            start, end, entity = self.mentions.spans[i]
            if "PERSON" in types and entity.type in PLACE_TYPES:  # "Rihanna" typed a place here, a person there
                entity = self._person_named(entity.name, exact=True) or entity
            if (entity.type in types or ("PERSON" in types and self.place_person(entity))) and end <= high \
                    and not self.quoted(start) and not self._in_credit(start) and not self._titled_thing(entity):
                out.setdefault(entity.id, (entity, set()))[1].add(self.mentions.sentences[i])
            i -= 1
        return out

    def resolve(self, pronoun: str, offset: int, sentence: int, earlier: list[dict[str, Any]]) -> dict[str, Any]:
        """The speaker a subject pronoun at `offset` stands for, or the pronoun marked unresolved. `earlier`: the
        statements before it (outside quotations, speakers settled), whose speaker reported speech may be
        continuing: the latest whose speaker can be what the pronoun stands for, if it ends (its quotation
        included: sentences quoted do not break it) at most `REACH` sentences back."""
        plural = pronoun == "they"
        types = GROUP_TYPES if plural else {"PERSON"}
        gender = None if plural else pronoun_gender(pronoun)
        prev = None
        for claim in reversed(earlier):
            if self.sentence_of(max(claim["end"], claim.get("_said_until", 0))) < sentence - REACH:
                break
            if self._fits(claim["speaker"], plural, gender):
                prev = claim
                break
        found: dict[str, dict[str, Any]] = {}
        if prev is not None:
            found[_key(prev["speaker"])] = prev["speaker"]  # reported speech going on: only names since count
            named = self._people_between(prev["start"], offset, types)
            if sentence - prev["sentence"] <= 1:  # "X said ... about Y. He added": Y is talked about
                named = {k: v for k, v in named.items() if v[1] != {prev["sentence"]}}
        else:
            named = self._people_between(self.sentence_start(sentence - REACH), offset, types)
        if not found and not named:
            named = self._people_between(self.sentence_start(sentence - FAR_REACH), offset, types)
        for entity, _ in named.values():
            if plural or self._gender_fits(entity, gender):
                found.setdefault(entity.id, {"text": entity.name, "entity": entity.id})
        if prev is not None and not plural and list(found) == [_key(prev["speaker"])] and (other := unnamed_subject(
                self.text, self.sentence_starts, self.mentions, sentence, max(prev["end"], prev.get("_said_until", 0)),
                set(re.findall(r"\w+", prev["speaker"]["text"])))):  # a name the tagger missed opens a sentence since
            return unresolved(pronoun, f"could be {prev['speaker']['text']} or {other} named since")
        if len(found) == 1 and not plural and (noun := self._described_since(next(iter(found.values())), offset,
                                                                             gender)):
            return unresolved(pronoun, f"could be {next(iter(found.values()))['text']} or the {noun} named since")
        if len(found) == 1:
            speaker = next(iter(found.values()))
            if gender and speaker.get("entity"):
                self.learned.setdefault(speaker["entity"], gender)
            return {**{k: v for k, v in speaker.items() if k not in ("mention", "_at")}, "mention": pronoun}
        if not found:
            return unresolved(pronoun, "no one named before it that it can stand for")
        lead = None if plural else self._opening_subject(found, offset, gender)
        if lead is not None:  # "Jo Roe was quick to condemn it. '...,' he said": the one just introduced
            return {**{k: v for k, v in lead.items() if k not in ("mention", "_at")}, "mention": pronoun}
        names = sorted({s["text"] for s in found.values()})
        return unresolved(pronoun, "could be any of " + ", ".join(names[:4]))

    def _opening_subject(self, found: dict[str, dict[str, Any]], offset: int,
                         gender: str | None) -> dict[str, Any] | None:
        """Of several people a "he"/"she" can stand for, the one whose name opens the sentence before the pronoun's
        (titles before it allowed: "Prime Minister Jo Roe was quick to ...", "Jo Roe, who ..., was fired ...") when
        no other of them is named there, nor any in the pronoun's sentence before it (its opening quotation left
        out), and their gender is known to be the pronoun's: the subject just introduced, whom a pronoun opening
        the next sentence continues. Else None."""
        anchor, i = offset, bisect_right(self._quote_starts, offset) - 1
        if i >= 0 and self.quotes[i].end <= offset and not self.text[self.quotes[i].end:offset].strip(" ,"):
            anchor = self.quotes[i].start  # '"...," he said': the sentence the quotation opens
        here = self.sentence_of(anchor)
        low, high = self.sentence_start(here - 1), self.sentence_start(here)
        ids = {s.get("entity") for s in found.values()} - {None}
        if here == 0 or low >= high or len(ids) < len(found):
            return None  # a candidate that is no entity ("the spokesman") may be the one as well
        named = [(start, entity) for start, _, entity in self.mentions.spans
                 if entity.id in ids and low <= start < offset and not self.quoted(start)]
        if any(start >= high for start, _ in named) or len({e.id for _, e in named}) != 1:
            return None
        first, entity = min(named, key=lambda n: n[0])
        others = {w for v in found.values() if v.get("entity") != entity.id and v["entity"] in self.entities
                  for w in person_words(self.entities[v["entity"]].name)}  # their names' words, not titles
        words = set(re.findall(r"\w+", self.text[low:high].lower()))
        if gender is None or self.gender(entity) != gender or others & words:
            return None  # "Jo Roe died where Al Poe was born. She wrote": Al Poe is named there too
        if self.text[low:high].rstrip()[-1:] not in ".!?\"”’'":
            return None  # a caption or a video's title ("Jo Roe talks about ...") opens no narrative
        after = self.sentence_of(offset) + 1
        stop = self.sentence_starts[after] if after < len(self.sentence_starts) else len(self.text)
        said = " ".join(q.text for q in self.quotes if q.end > high and q.start < stop).lower()
        if set(person_words(entity.name)) & set(re.findall(r"\w+", said)):
            return None  # 'He added: "... Jo did a great job"': Jo Roe is talked about, not speaking
        if len(entity.name.split()) < 2 and all(m.start in self._starts for m in entity.mentions):
            return None  # a lone capitalised word opening sentences only ("Flags will fly ...") may be no one
        end = next(stop for start, stop, e in self.mentions.spans if start == first and e is entity)
        if not _TITLE_WORDS.fullmatch(self.text[low:first].lstrip()) or self.text[end:end + 2] in ("'s", "’s"):
            return None  # not "Jo Roe's lawyers declined to comment": Jo Roe is no subject there
        return next(s for s in found.values() if s.get("entity") == entity.id)

    def _described_since(self, speaker: dict[str, Any], offset: int, gender: str | None) -> str | None:
        """A person described, not named, after the sentence that last names `speaker` and before `offset` ("X posted
        a clip of her cousin ... he says"): the pronoun may stand for them as well; the noun, else None."""
        from newsintel.extract.antecedents import person_nouns

        entity = self.entities.get(speaker.get("entity") or "")
        if entity is None:
            return None
        last = max((m.start for m in entity.mentions if m.start < offset and not self.quoted(m.start)), default=None)
        if last is None:
            return None
        low, nouns = self.sentence_start(self.sentence_of(last) + 1), person_nouns()
        for found in _DESCRIBED.finditer(self.text, low, offset):  # "her cousin", "a young man"
            noun = found.group(1) if found.group(1) in nouns else found.group(2)
            if noun in nouns and not self.quoted(found.start()) and pronoun_gender(noun) in (None, gender):
                return noun
        return None

    def _titled_thing(self, entity: Entity) -> bool:
        """A "person" named only as "the X" ("told the Enquirer"): a title, no one a pronoun stands for."""
        return entity.type == "PERSON" and all(self.text[max(0, m.start - 4):m.start].lower() == "the "
                                               for m in entity.mentions)

    def _gender_fits(self, entity: Entity, gender: str | None) -> bool:
        known = self.gender(entity)
        return gender is None or known is None or known == gender

    def _fits(self, speaker: dict[str, Any], plural: bool, gender: str | None) -> bool:
        """Can the previous statement's speaker be what the pronoun stands for?"""
        if speaker.get("unresolved"):
            return False
        entity = self.entities.get(speaker.get("entity") or "")
        if entity is not None and speaker.get("_person"):  # "a spokesman for X, Jo Roe": a person, however typed
            return not plural and self._gender_fits(entity, gender)
        if entity is not None:
            if plural:
                return entity.type in GROUP_TYPES
            return self.is_person(entity) and self._gender_fits(entity, gender)
        d = speaker.get("_d") or {}
        if plural:
            return bool(d.get("plural") or d.get("group_noun"))
        if d.get("person"):
            return not d.get("plural") and d.get("gender") in (None, gender)
        words = speaker["text"].split()  # a name NER missed ("Whit Honea"), or a surname of a person named ("Kim")
        if len(words) == 1 and words[0][:1].isupper() and self._person_named(words[0]) is not None:
            return plural is False and self._gender_fits(self._person_named(words[0]), gender)
        return not d.get("plural") and len(words) >= 2 and all(w[:1].isupper() for w in words)

    # -- places, captions, credits ---------------------------------------------------------------------------
    @staticmethod
    def amendment_note(arg: dict[str, Any] | None) -> bool:
        """Is the speaker the article's own amendment note ("An earlier version said", "Correction added")? Its claim
        is no one's statement; a fact inside keeps the note as source (not the writer's, and not true)."""
        if arg is None:
            return False
        att = lexicon().attribution
        text = arg.get("_core", arg["text"]).lower()
        head = text.split()[-1] if text.split() else ""
        return head in att.get("amendment_note_nouns", ()) or any(
            note in text for note in att.get("amendment_note_speakers", ()))

    def tidy(self, arg: dict[str, Any]) -> dict[str, Any] | None:
        """The speaker as it should be shown: a person mistyped as a place relinked, a credit cut off; None when
        it is page furniture, not a speaker."""
        att = lexicon().attribution
        if arg["text"][:1] in BULLETS:
            arg = {**arg, "text": arg["text"].lstrip(BULLETS + " ")}
        words = arg["text"].split()
        core = arg.get("_core", arg["text"]).split()  # "photos of Jo Roe": the head noun, not the owner's
        if core and core[-1].lower() in att.get("not_speaker_nouns", ()):
            return None
        at = arg.get("_at")
        if at is not None and (self._in_byline(at[0]) or self._in_credit(at[0]) or self._in_link_list(at[0])):
            return None
        if len(words) > att.get("longest_speaker_words", 15):  # a category menu read as one noun phrase
            return None
        credits = att.get("credit_names", ())
        for credit in credits:
            n = len(credit.split())
            if len(words) > n and " ".join(words[:n]) == credit and words[n][:1].isupper():
                arg = {**arg, "text": " ".join(words[n:])}
                break
        entity = self.entities.get(arg.get("entity") or "")
        mention = str(arg.get("mention") or "")
        if entity is not None and self.gender(entity) not in (None, pronoun_gender(mention) or self.gender(entity)):
            # "Prince Jo ... because she described him": the "she" its own sentence gave Jo is someone else
            return {"text": mention, "entity": None, **({"_at": at} if at is not None else {})}
        if entity is not None and entity.type in PLACE_TYPES and words and words[-1].lower() in att.get(
                "compass_speakers", ()):  # "The North says": a state named by its side, not a town called North
            return {**arg, "entity": None}
        if entity is not None and entity.type in PLACE_TYPES and (entity.geo or {}).get("kind") != "country":
            person = self._person_named(arg["text"])
            if person is not None:
                return {**arg, "text": person.name, "entity": person.id}
        if entity is not None and entity.type in PLACE_TYPES and (entity.geo or {}).get("kind") in att.get(
                "speaking_for_state_kinds", ()):  # "Beijing denies": the government, not the city; shown as written
            return {**arg, "entity": None}
        return arg

    def _person_named(self, name: str, exact: bool = False) -> Entity | None:
        """The one person of the document whose name holds `name` as its last word(s) ("Thane Maynard"), or,
        `exact`, is `name`."""
        words = name.split()
        fits = {e.id: e for e in self.entities.values() if e.type == "PERSON" and e.name.split()[-len(words):] == words
                and (len(e.name.split()) > len(words) or exact)}
        return next(iter(fits.values())) if len(fits) == 1 else None

    def _in_credit(self, offset: int) -> bool:
        """In a photo credit in brackets ("(AP Photo/Thibault Camus, File)"): the photographer is no one a later
        "he said" can stand for, nor a speaker."""
        line_start = self.text.rfind("\n", 0, offset) + 1
        return _CREDIT.search(self.text[max(line_start, offset - 60):offset]) is not None

    def _in_link_list(self, offset: int) -> bool:
        """On a line of page furniture ("Photos: ...", a "MOST READ" list; `describe.furniture_lines`) or in a run
        of other stories' headlines joined by "|" in one sentence ("Senators call for X | Facebook gets questions |
        ..."): nothing there is the report's statement."""
        from newsintel.extract.describe import furniture_lines

        if self._furniture is None:
            self._furniture = furniture_lines(self.text)
        att = lexicon().attribution
        if any(low <= offset < high and high - low <= att.get("furniture_line_chars", 300)
               for low, high in self._furniture):  # a short line: a text scraped as one line is no caption
            return True
        sentence = self.sentence_of(offset)
        high = self.sentence_start(sentence + 1) if sentence + 1 < len(self.sentence_starts) else len(self.text)
        return self.text[self.sentence_start(sentence):high].count(" | ") >= att.get("link_list_bars", 2)

    def _in_byline(self, offset: int) -> bool:
        """In the names right after a byline or credit marker at the start of a line ("By Jane Doe and John Roe",
        "Photo: Jane Doe/Agency"): every word from the marker to the speaker capitalised, no bracket or dash
        closing the credit before it ("By Monday, officials said" is no byline)."""
        line_start = self.text.rfind("\n", 0, offset) + 1
        line = self.text[line_start:offset + 1]
        marker = next((m for m in lexicon().attribution.get("byline_markers", ()) if line.startswith(m)), None)
        if marker is None:
            return False
        run = line[len(marker):].replace("/", " ").split()
        return all(w[:1].isupper() or w[:1].isdigit() or w in ("and", "of", "|") for w in run) and not any(
            c in line[len(marker):] for c in ")—–")


def _key(speaker: dict[str, Any]) -> str:
    return speaker.get("entity") or speaker["text"].lower()


def finish_speakers(record: Any) -> None:
    """After described actors are built: a pronoun speaker that `actors.py` linked to one ("a witness ... she
    said") is shown as that actor; one still unresolved keeps the pronoun and the reason."""
    actors = {a["id"]: a for a in record.actors}
    args = [c["speaker"] for c in record.claims] + [f["attribution"]["speaker"] for f in (
        *record.events, *record.quantities) if f.get("attribution")]
    for arg in args:
        if arg.get("unresolved") and arg.get("actor") in actors:
            arg["mention"] = arg["text"]
            arg["text"] = actors[arg["actor"]]["text"]
            del arg["unresolved"]

