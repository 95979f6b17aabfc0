"""Non-event senses read off the clause around a trigger rather than off its own words (`data/senses.yaml`).

`senses.py` reads a trigger's object and dependents; these tests read what the trigger is done for ("fought to
gain access": a struggle, no combat), what it hangs on ("the plane crashed, killing ten": an accident, no attack)
and how it is written ("The Real Deal", "Attack on Titan": a name, no event).
"""

from __future__ import annotations

import functools
import re

from spacy.tokens import Token

from newsintel.extract.subjects import direct_object
from newsintel.extract.triggers import lemma_of
from newsintel.resources import load_yaml


def purpose_clause(token: Token, lemmas: frozenset[str]) -> str | None:
    """An infinitive the trigger governs whose verb is one of `lemmas`: "fought to gain access to the files",
    "agreed to play the lead": what the trigger is for shows its sense."""
    for clause in token.children:
        if (
            clause.dep_ in ("xcomp", "advcl")
            and clause.i > token.i
            and lemma_of(clause) in lemmas
            and any(c.dep_ == "aux" and c.lower_ == "to" for c in clause.children)
        ):
            return lemma_of(clause)
    return None


@functools.cache
def _accidents() -> tuple[frozenset[str], frozenset[str], frozenset[str]]:
    data = load_yaml("senses.yaml").get("accidents") or {}
    return (
        frozenset(data.get("triggers") or ()),
        frozenset(data.get("verbs") or ()),
        frozenset(data.get("vehicles") or ()),
    )


@functools.cache
def _accident_nouns() -> tuple[frozenset[str], frozenset[str]]:
    data = load_yaml("senses.yaml").get("accidents") or {}
    return frozenset(data.get("nouns") or ()), frozenset(data.get("deliberate") or ())


def _no_killer(token: Token) -> bool:
    """Deaths told with no one who killed: a bare participle or passive ("those killed", "were killed")."""
    if any(c.dep_ == "agent" for c in token.children) or any(c.dep_ == "nsubj" for c in token.children):
        return False
    return token.tag_ == "VBN"


def accident_noun(token: Token) -> str | None:
    """Deaths with no killer in a sentence that speaks of an accident and of nothing done on purpose: "the names of
    those killed in the crash", "the crash site ... those killed". An attack word anywhere keeps it ("killed when
    the plane was shot down and crashed")."""
    nouns, deliberate = _accident_nouns()
    if not _no_killer(token):
        return None
    words = {t.lower_ for t in token.doc} | {lemma_of(t) for t in token.doc}
    if words & deliberate:
        return None
    noun = next((t for t in token.doc if t.pos_ == "NOUN" and lemma_of(t) in nouns), None)
    return f"accident: {noun.lower_}" if noun is not None else None


def accident_clause(token: Token, key: str) -> str | None:
    """Deaths with no one who killed, in a sentence where a vehicle of transport crashes: "the plane crashed soon
    after takeoff, killing all on board", "nine were killed after a tram, said to be speeding, derailed". Deaths in
    an accident are no attack (GUIDELINES.md section 1). The parser hangs such clauses anywhere, so the sentence is
    read, not the tree; a killer of its own with a victim keeps the event ("gunmen killed nine after the bus
    stopped", "nine were killed by gunmen after ..."), and a truck or car driven into people is judged by the
    vehicle-attack rules (none of them is in `vehicles`)."""
    triggers, verbs, vehicles = _accidents()
    if (
        key not in triggers
        or any(c.dep_ == "agent" for c in token.children)
        or (any(c.dep_ == "nsubj" for c in token.children) and direct_object(token) is not None)
    ):
        return None  # someone killed someone ("one woman killed when ..." is a misparsed passive: no object)
    for verb in token.doc:
        if verb.pos_ != "VERB" or lemma_of(verb) not in verbs:
            continue
        vehicle = next((t for t in token.doc[: verb.i] if lemma_of(t) in vehicles or t.lower_ in vehicles), None)
        if vehicle is not None:
            return f"accident: {vehicle.lower_} {verb.lower_}"
    return accident_noun(token)


TITLE_START_MARKS = frozenset({'"', "“", "‘", "'", "(", "[", "-", "—", "–", "…", ":", ";", "|", "•"})


def written_as_a_name(token: Token) -> bool:
    """A noun trigger capitalised inside a sentence in running text names something: a publication ("seen by The
    Real Deal"), a game or a film ("Attack on Titan", "Final Battle 2"). A title-case line (no lower-case content
    words) and a word after a quotation mark, a colon or a dash that starts a clause say nothing."""
    if not token.is_title or token.tag_ not in ("NNP", "NNPS"):
        return False
    words = [t for t in token.doc if t.is_alpha]
    if not words or words[0].i == token.i:
        return False
    if token.i > 0 and token.doc[token.i - 1].text in TITLE_START_MARKS:
        return False
    running = sum(1 for t in words if t.is_lower and t.pos_ in ("NOUN", "VERB", "ADJ", "ADV"))
    return running >= 1  # a title-case line ("Police Arrest Two After Attack on Market") has no lower-case words


QUOTES = frozenset({'"', "“", "”", "‘", "’", "'"})
NAME_DETERMINERS = frozenset({"the", "a", "an", "its", "his", "her", "their", "our", "my", "your"})
NAME_FUNCTION_WORDS = frozenset({"of", "on", "the", "a", "an", "and", "in", "to", "for", "at", "from", "with", "or"})


def in_title_case_name(token: Token) -> bool:
    """A verb trigger capitalised inside running text, in a run of capitalised words, names something: a
    campaign, a film or a song ("the Bring Back Our Girls movement", "a screening of \"Kill the Messenger\"").
    Not the sentence's first word, nor a title-case line (no lower-case content words), nor one word alone."""
    if not token.is_title or token.pos_ not in ("VERB", "AUX"):
        return False
    words = [t for t in token.doc if t.is_alpha]
    if not words or words[0].i == token.i:
        return False
    if sum(1 for t in words if t.is_lower and t.pos_ in ("NOUN", "VERB", "ADJ", "ADV")) < 2:
        return False
    doc, start, end = token.doc, token.i, token.i
    while start > 0 and (
        doc[start - 1].is_title
        or (doc[start - 1].lower_ in NAME_FUNCTION_WORDS and start - 1 > 0 and doc[start - 2].is_title)
    ):
        start -= 1
    while end + 1 < len(doc) and (
        doc[end + 1].is_title
        or (doc[end + 1].lower_ in NAME_FUNCTION_WORDS and end + 2 < len(doc) and doc[end + 2].is_title)
    ):
        end += 1
    if end == start:
        return False
    before = doc[start - 1] if start > 0 else None
    # in quotation marks, or after an article or a possessive ("the Bring Back Our Girls movement"); not a
    # heading glued into the sentence ("Update: Police Arrest Two", "he said Police Arrest Two")
    return before is not None and (before.text in QUOTES or before.lower_ in NAME_DETERMINERS)


def misparsed_object(token: Token) -> Token | None:
    """A bare noun trigger right after "and", "or" or "to" and before a noun is a verb the tagger read as a noun,
    with its object after it ("did not establish the rule of law and battle corruption"): that noun."""
    if token.pos_ != "NOUN" or token.tag_ != "NN" or token.i == 0 or token.i + 1 >= len(token.doc):
        return None
    if token.doc[token.i - 1].lower_ not in ("and", "or", "to") or any(
        c.dep_ in ("det", "poss", "amod", "nummod", "compound") for c in token.children
    ):
        return None
    after = token.doc[token.i + 1]
    return after if after.pos_ == "NOUN" and not (after.head.i == token.i and after.dep_ == "compound") else None


def described_nouns(token: Token) -> set[str]:
    """A participle set off by a comma or a closing quotation mark, with no subject or auxiliary of its own, tells
    about the noun phrase before it, which the parser may not link it to ("the author of a novel, 'Winter',
    released in 2011": the novel was released). The lemmas of the common nouns back to that phrase's verb."""
    if token.tag_ != "VBN" or token.dep_ not in ("advcl", "acl", "conj") or token.i == 0:
        return set()
    if any(c.dep_ in ("nsubj", "nsubjpass", "aux", "auxpass") for c in token.children):
        return set()
    if token.doc[token.i - 1].text not in {",", *QUOTES}:
        return set()
    out: set[str] = set()
    for before in reversed(token.doc[: token.i - 1]):
        if before.pos_ in ("VERB", "AUX"):
            break
        if before.pos_ == "NOUN":
            out.add(lemma_of(before))
    return out


@functools.cache
def time_nouns() -> frozenset[str]:
    return frozenset(load_yaml("senses.yaml").get("time_nouns") or ())


def scheduled_for(token: Token) -> Token | None:
    """A time the trigger is set for: "for November", "for next spring", "for late in the month" (the object of
    "for", or what an adverb after it leads to); not "for the third time this week"."""
    for prep in (c for c in token.children if c.dep_ == "prep" and c.lower_ == "for"):
        for obj in prep.children:
            words = [obj] if obj.dep_ == "pobj" else list(obj.subtree) if obj.dep_ == "pcomp" else []
            for word in words:
                if (word.ent_type_ in ("DATE", "TIME") and word.dep_ != "amod") or lemma_of(word) in time_nouns():
                    return word
    return None


def predicate_judgement(token: Token, words: frozenset[str]) -> str | None:
    """A noun trigger said of something with "be" is a judgement of it, no event, when a modifier or the subject
    is among `words`: "the new keyboard is a big deal", "\"That's a deal,\" she said" (a bargain); so is one a thing
    is measured against ("nothing more than a huge deal", "felt like a big deal")."""
    measured = token.dep_ == "pobj" and token.head.lower_ in ("than", "like")
    if token.pos_ != "NOUN" or not ((token.dep_ == "attr" and lemma_of(token.head) == "be") or measured):
        return None
    if any(c.dep_ == "prep" and c.lower_ in ("between", "with", "among", "by") for c in token.children):
        return None  # its parties named: "this was a deal between the rebels and the army"
    said = {c.lower_ for c in token.children if c.dep_ in ("amod", "det", "advmod")}
    if measured:
        said = {c.lower_ for c in token.children if c.dep_ == "amod"}
    else:
        said |= {c.lower_ for c in token.head.children if c.dep_ == "nsubj"}
    return next(iter(sorted(said & words)), None)


@functools.cache
def one_person_keys() -> frozenset[str]:
    return frozenset(load_yaml("senses.yaml").get("one_person") or ())


ONE_PERSON_PRONOUNS = frozenset({"she", "he", "her", "him", "i", "me", "herself", "himself"})
ONE_PERSON_NOUNS = frozenset(
    {
        "woman",
        "man",
        "girl",
        "boy",
        "person",
        "victim",
        "child",
        "teenager",
        "officer",
        "journalist",
        "reporter",
        "tourist",
        "student",
        "passenger",
        "driver",
    }
)


def one_person(patient: Token) -> bool:
    """Who undergoes the trigger is one person: "she", a named person, "a woman" (not "two women", "the troops")."""
    if patient.lower_ in ONE_PERSON_PRONOUNS or patient.ent_type_ == "PERSON":
        return True
    return (
        patient.tag_ == "NN"
        and lemma_of(patient) in ONE_PERSON_NOUNS
        and not any(c.dep_ == "nummod" for c in patient.children)
    )


@functools.cache
def _game_words() -> tuple[frozenset[str], tuple[tuple[str, ...], ...]]:
    words = [str(w).lower() for w in load_yaml("senses.yaml").get("game_words") or ()]
    return frozenset(w for w in words if " " not in w), tuple(tuple(w.split()) for w in words if " " in w)


def in_a_game(token: Token) -> str | None:
    """The trigger's sentence speaks of playing a video game ("parry the troopers' bolts, killing them in one
    hit", "fight someone in a multiplayer match", "makes sense for a boss fight"): what happens there is play."""
    single, phrases = _game_words()
    lowered = [t.lower_ for t in token.doc]
    for word in lowered:
        if word in single:
            return word
    for phrase in phrases:
        n = len(phrase)
        if any(tuple(lowered[i : i + n]) == phrase for i in range(len(lowered) - n + 1)):
            return " ".join(phrase)
    return None


@functools.cache
def _sport() -> dict[str, re.Pattern[str] | frozenset[str]]:
    data = load_yaml("senses.yaml")

    def pattern(key: str) -> re.Pattern[str]:
        words = sorted((re.escape(str(w).lower()) for w in data.get(key) or ()), key=len, reverse=True)
        return re.compile(r"(?<![\w-])(" + "|".join(words or ["(?!)"]) + r")(?![\w-])")

    out: dict[str, re.Pattern[str] | frozenset[str]] = {
        key: pattern(key) for key in ("sport_words", "sport_players", "sport_violence", "sport_injuries",
                                      "sport_game_parts", "sport_positions")}
    out |= {key: frozenset(str(w) for w in data.get(key) or ()) for key in (
        "sport_triggers", "sport_player_triggers", "sport_bare_triggers")}
    return out


def in_sport(token: Token, key: str) -> str | None:
    """The trigger's sentence speaks of a game of sport ("came back in the ninth inning to take the pennant", "a
    wrist shot past the goalie"): a shot, a comeback or a battle there is play, no event. Read on the
    sentence's text, since the words that show it are seldom the trigger's own; a weapon, a killing or the police
    in the sentence keep the event ("a gunman fired at supporters after the playoff game"), and so does a named place
    gone to or from. A player's position shows a game only to a shot ("the goalkeeper flew back to Madrid")."""
    sport = _sport()
    if key not in sport["sport_triggers"]:
        return None
    text = token.sent.text.lower()
    found = sport["sport_words"].search(text)
    if found is None and key in sport["sport_player_triggers"]:
        found = sport["sport_players"].search(text)
    if found is None and key in sport["sport_bare_triggers"] and _bare_movement(token):
        found = sport["sport_players"].search(text) or sport["sport_positions"].search(text)  # "the cornerback
        # hurt his knee and didn't return"
        if found is None and sport["sport_game_parts"].search(text):
            found = sport["sport_injuries"].search(text)  # "injured his ankle in the third quarter and didn't return"
    if found is None or sport["sport_violence"].search(text) or _to_or_from_a_place(token):
        return None
    return found.group(1)


def _bare_movement(token: Token) -> bool:
    """A return with nothing after it saying where to or from ("didn't return", "never came back"): in a game,
    back into play."""
    return not any(c.dep_ in ("prep", "dobj", "obj", "npadvmod", "advcl") or (c.dep_ == "advmod" and c.lower_ not in (
        "back", "never", "not")) for c in token.children)


def _to_or_from_a_place(token: Token) -> bool:
    """The trigger goes to or from a named place ("the striker came back from Madrid for the playoffs"): a journey,
    whatever game it is for."""
    heads = [token, *(c for c in token.children if c.dep_ in ("prt", "advmod"))]
    return any(g.ent_type_ in ("GPE", "LOC") for h in heads for c in h.children if c.dep_ == "prep"
               for g in c.children if g.dep_ == "pobj")


OPENING_QUOTES = frozenset({'"', "“", "‘", "'"})
NAMED_BEINGS = frozenset({"PERSON", "NORP", "ORG", "GPE"})


def quoted_title(patient: Token) -> bool:
    """What undergoes the trigger is a title in quotation marks: a film, a book, a song ("the release of
    \"Harbour Lights\"", "captured \"Winter Light\" on film"); not a nickname of a person or a group ("the capture
    of 'El Chapo'": a person's name) and not a common noun in quotes."""
    first = min(patient.subtree, key=lambda t: t.i)
    if first.text in OPENING_QUOTES and first.i < patient.i:  # the parser hangs the mark on the title
        first = patient.doc[first.i + 1]
    elif first.i == 0 or patient.doc[first.i - 1].text not in OPENING_QUOTES:
        return False
    if patient.ent_type_ in NAMED_BEINGS or not patient.is_title:
        return False
    if patient.pos_ == "PROPN" or patient.ent_type_ == "WORK_OF_ART":
        return True
    # a one-word title the tagger read as an adjective or a noun ("the release of \"Blackfish\""), closed by a
    # quotation mark after it
    after = [t for t in patient.doc[patient.i + 1 : patient.i + 3] if t.text not in (",", ".")]
    return first.i == patient.i and bool(after) and after[0].text in QUOTES


NOT_CODES = frozenset({"PERSON", "NORP", "DATE", "TIME", "MONEY"})
_CODE = re.compile(r"^[A-Za-z](?=.*\d)[A-Za-z0-9]*(?:-[A-Za-z0-9]+)*$")


def code_name(patient: Token) -> bool:
    """What undergoes the trigger is named by a code of letters and digits, which names a substance, a model or a
    file, never a person: "the release of IL-6", "released the XR-7"; not a year or a sum (digits only), nor a
    person's or a group's name as the tagger reads it."""
    if patient.pos_ not in ("PROPN", "NOUN", "NUM", "X") or patient.ent_type_ in NOT_CODES:
        return False
    return bool(_CODE.match(patient.text)) and not any(
        c.dep_ == "compound" and c.pos_ == "NOUN" for c in patient.children
    )

