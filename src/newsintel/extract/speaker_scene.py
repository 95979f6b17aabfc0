"""What a reporting verb does not report: the scene of its saying, and a clause beside it with its own statement.

A speaker owns what their reporting verb carries (its clause, its object, "warned of ..."), not the writer's words
around the act of saying: "Speaking during a trip to Oslo, she said ...", "he said while driving to the airport",
"she said after the crash", "they are calling for calm following the shooting". An event in such a modifier is the
reporter's (GUIDELINES "Decisions": precision first, when unsure the reporter). Likewise a reporting verb beside
the main clause that has its own object or clause ("The gunman died in a shootout; he pledged allegiance to the
group") reports that object, not the clause beside it. Used by `attribution.py`; the lists are in
data/attribution.yaml (`scene_marks`, `statement_preps`, `prep_contents`, `object_complement_preps`).
"""

from __future__ import annotations

from collections.abc import Callable

from spacy.tokens import Token

from newsintel.extract.lexicon import lexicon
from newsintel.extract.speaker_order import inverted_speaker


def sets_the_scene(verb: Token, via: Token, addressee: Callable[[Token, Token], bool]) -> bool:
    """Is `via`, a child of the reporting verb `verb`, a modifier saying when, where or while it was said rather
    than what was said? A preposition other than one that carries a statement ("warned of", "spoke about",
    "admitted to"), a clause opening with a mark of time or circumstance ("while", "after", "as"), a participle
    read as a preposition ("following the shooting"), or a participle clause ("Speaking in Oslo, she urged ...":
    its own scene, told by the writer); a clause before a verb with an object of its own."""
    marks = set(lexicon().attribution["scene_marks"])
    if via.dep_ in ("prep", "advcl") and via.i < verb.i and not _states_after(verb, addressee):
        return False  # "Y happened when X called, reports Z": a closing verb's statement lies before it
    if via.dep_ == "prep":
        return via.lower_ not in _carrying_preps(verb) and not _medium(via) and not _misparsed_that(via)
    if via.dep_ == "advcl":
        return via.lower_ in marks or (via.i < verb.i and _participle(via)) or any(
            c.dep_ in ("mark", "advmod") and c.lower_ in marks for c in via.children)  # "when": an advmod
    if via.dep_ == "ccomp" and via.i < verb.i:  # "X died in a shootout; he pledged allegiance to Y"
        return says_its_own(verb, addressee)
    return False


def _carrying_preps(verb: Token) -> set[str]:
    """The prepositions by which `verb` carries a statement ("warned of", "called for", "described it as")."""
    att, lemma = lexicon().attribution, verb.lemma_.lower()
    return {*att["statement_preps"], *att["prep_contents"].get(lemma, ()),
            *(p for p, verbs in att["object_complement_preps"].items() if not verbs or lemma in verbs)}


def _states_after(verb: Token, addressee: Callable[[Token, Token], bool]) -> bool:
    """Does the reporting verb's statement follow it (a clause, an object, "warned of ...")? Then what opens the
    sentence before it sets the scene ("After the raid, police said ..."); else it closes a statement before it."""
    preps = _carrying_preps(verb)
    return says_its_own(verb, addressee) or any(c.i > verb.i and (c.dep_ in ("ccomp", "xcomp") or (
        c.dep_ == "prep" and c.lower_ in preps)) for c in verb.children)


def _participle(clause: Token) -> bool:
    """A participle clause opening the sentence, no subject, no mark ("Speaking in Oslo, she urged ..."): had it
    been a report the speaker owns, its own verb would have been found first. Not "citing"/"quoting" a source."""
    return clause.tag_ in ("VBG", "VBN") and clause.lower_ not in lexicon().attribution["according_to"] and not any(
        c.dep_ in ("nsubj", "nsubjpass", "mark", "aux", "auxpass") for c in clause.children)


def _misparsed_that(prep: Token) -> bool:
    """"claimed at the time that they were ...", "said at a news conference that ...": the parse hangs the
    statement on the noun as a relative clause; a "that" opening it as no subject or object of its own is the
    statement's (not "spoke at the rally that drew thousands")."""
    return any(t.lower_ == "that" and t.dep_ in ("mark", "advmod") and t.head.dep_ in ("relcl", "acl", "ccomp")
               for t in prep.subtree)


def _medium(prep: Token) -> bool:
    """"claimed in a broadcast that ...", "said in a statement on the raid": the medium carries the statement."""
    att = lexicon().attribution
    return prep.lower_ in att["media_preps"] and any(
        g.dep_ == "pobj" and g.lemma_.lower() in att["media_nouns"] for g in prep.children)


def says_its_own(verb: Token, addressee: Callable[[Token, Token], bool]) -> bool:
    """Does a reporting verb beside the main clause have its own object ("he pledged allegiance to the group", "she
    announced the arrests")? Then it reports that, not the clause beside it; an addressee ("police told
    reporters", `addressee`) is no object of what is said."""
    if verb.lemma_.lower() in lexicon().attribution["addressee_verbs"]:
        return False  # "told the state news agency": whoever is told, the object is no statement
    speaker = inverted_speaker(verb)  # "..., reports BBC News": the parse's object is who speaks
    return any(c.dep_ == "dobj" and c.i > verb.i and (speaker is None or c.i != speaker.i) and not addressee(verb, c)
               for c in verb.children)


def not_reported(verb: Token, via: Token, token: Token, addressee: Callable[[Token, Token], bool]) -> bool:
    """Does `verb` not report `token`, reached through its child `via`? The scene of its saying (`sets_the_scene`),
    or a narrating clause the parse hung inside what is said (`narrated_beside`)."""
    return sets_the_scene(verb, via, addressee) or narrated_beside(verb, token)


def narrated_beside(verb: Token, token: Token) -> bool:
    """Is `token` in a clause that opens with "as" after a comma (`narration_marks`), hung on a verb of the statement
    ("police said guns were seized, as crowds cheered the bombing")? The parse puts it inside what is said; it is
    the writer telling what went on meanwhile, as a claim's content ends there (`claim_content.py`)."""
    marks = set(lexicon().attribution["narration_marks"])
    node = token
    while node.i != verb.i and node.head.i != node.i:
        if node.dep_ == "advcl" and node.head.i != verb.i and node.i > node.head.i and any(
                c.dep_ == "mark" and c.lower_ in marks and c.i > 0 and c.doc[c.i - 1].text == ","
                for c in node.children):
            return True
        node = node.head
    return False


def impersonal(verb: Token) -> bool:
    """"it is feared that ...", "it was reported that ...": a passive reporting frame with "it" for subject and no
    agent names no one; no subject of a clause beside it speaks through it."""
    return not any(c.dep_ == "agent" for c in verb.children) and any(
        c.dep_ in ("nsubjpass", "expl") and c.lower_ == "it" for c in verb.children)
