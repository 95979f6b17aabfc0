"""Claims that must not reach an analyst as someone's statement, and speakers that are not who speaks.

A reporting verb with a subject is not always a statement by that subject: hearsay and lore ("according to local
legend", "rumours suggested"), leaks or warnings with nothing saying whose ("previous leaks had suggested",
"repeated warnings have suggested") name no source; a saying that is itself denied or counterfactual ("did not say
when", "has not confirmed the names", "would then have claimed") states nothing. And a pronoun speaker of a
closing verb stands for someone outside what is said ("It is possible a tired nurse could miss it, she said": not
the nurse).
Word lists are data (`data/attribution.yaml`).
"""

from __future__ import annotations

import functools
from typing import Any

from spacy.tokens import Token

from newsintel.extract.antecedents import syntactic_antecedent
from newsintel.extract.args import MentionIndex, noun_phrase
from newsintel.extract.describe import describe
from newsintel.extract.lexicon import lexicon
from newsintel.extract.modality import statement_modality
from newsintel.extract.parse import ParsedSentence

NAMED = ("PERSON", "ORG", "GPE", "NORP")
COUNTERFACTUAL_AUXILIARIES = frozenset({"would", "could", "should", "'d"})
REFERRING_WORDS = frozenset({"that", "that's", "it", "it's", "this", "this's", "so", "these", "those"})


def no_source(speaker: Token) -> bool:
    """The speaker names hearsay or lore (`hearsay_speakers`), or leaks or warnings whose only modifiers say
    nothing of whose they are (`vague_source_nouns`, `vague_source_modifiers`)."""
    att = lexicon().attribution
    if speaker.ent_type_ in NAMED:
        return False
    if speaker.lower_ in att["hearsay_speakers"]:
        return True
    if speaker.lower_ not in att["vague_source_nouns"] and speaker.lemma_.lower() not in att["vague_source_nouns"]:
        return False
    vague = set(att["vague_source_modifiers"])
    return all(c.lower_ in vague for c in speaker.children if not c.is_punct)


def unsaid(verb: Token) -> bool:
    """The saying itself did not happen: negated ("did not say when", "has not yet confirmed the identities",
    "could not say how many") or counterfactual ("would then have claimed that ..."). A denial ("denied that ...")
    is a statement of its own, negated in its content, and stays."""
    if verb.lemma_.lower() in lexicon().modality["negated"]["governors"]:
        return False
    if statement_modality(verb) == "negated":
        return True
    auxiliaries = {c.lower_ for c in verb.children if c.dep_ == "aux"}
    return verb.tag_ == "VBN" and "have" in auxiliaries and bool(auxiliaries & COUNTERFACTUAL_AUXILIARIES)


def refers_back(content: str) -> bool:
    """Content that only points at what was said elsewhere ("That's according to a new poll", "pointed it out"):
    nothing stated in this sentence."""
    words = content.lower().replace("’", "'").strip(" .,").split()
    return bool(words) and all(w in REFERRING_WORDS for w in words)


def antecedent_in_content(ps: ParsedSentence, speaker: Token, content: str, mentions: MentionIndex) -> bool:
    """Does the pronoun speaker take its antecedent, in its own sentence, from the words it is said to say? Only a
    described one counts ("a tired nurse"): the parse may run a clause naming the speaker into the content."""
    if not content:
        return False
    antecedent = syntactic_antecedent(speaker, functools.partial(mentions.type_at, ps))
    if antecedent is None or antecedent.pos_ == "PROPN" or mentions.type_at(ps, antecedent) is not None:
        return False  # a name may be both ("Smith will appeal, he said"): only "a tired nurse" is certainly not
    start = ps.doc.text.find(content)
    return start >= 0 and start <= antecedent.idx < start + len(content)


def unresolved_speaker(ps: ParsedSentence, speaker: Token, mentions: MentionIndex) -> dict[str, Any]:
    """The pronoun speaker left for the whole document's reading (`speakers.py`), as `speaker_arg` leaves one whose
    antecedent is in another sentence."""
    start, end = noun_phrase(speaker)
    return {"text": speaker.text, "entity": None,
            "_d": describe(ps, speaker, start, end, lambda t: mentions.at(*ps.char_span(t.i, t.i + 1))),
            "_at": ps.char_span(speaker.i, speaker.i + 1)}


def scene_subject(ps: ParsedSentence, verb: Token, speaker: Token, content: Token | None,
                  mentions: MentionIndex) -> bool:
    """Is "X revealed <a thing>" the writer's narration, not a statement? A verb of `scene_verbs` whose content is
    only its noun object, said by a thing that speaks for no one ("the costumes revealed a joyful side", "the murals
    reveal a proud past"): not a name, a pronoun, a person, a group or body, nor evidence or a document ("the
    ministry revealed its plans", "records reveal the cost" stay)."""
    att = lexicon().attribution
    if verb.lemma_.lower() not in att.get("scene_verbs", ()) or content is None or content.dep_ != "dobj" \
            or content.head.i != verb.i:
        return False
    return _thing(ps, speaker, mentions)


def _thing(ps: ParsedSentence, speaker: Token, mentions: MentionIndex) -> bool:
    """Does the speaker name a thing that speaks for no one: not a name, a pronoun, a person, a group or body, nor
    evidence, a document or a medium?"""
    att = lexicon().attribution
    if speaker.pos_ != "NOUN" or speaker.ent_type_ or mentions.at(*ps.char_span(speaker.i, speaker.i + 1)):
        return False
    words = {speaker.lemma_.lower(), speaker.lower_}
    sources = {*att["evidence_nouns"], *att["media_nouns"], *att["authored_nouns"], *att["definite_person_nouns"],
               *att.get("scene_sources", ()),
               *att["anonymous_speakers"], *(n for nouns in att["definite_org_nouns"].values() for n in nouns)}
    if words & sources:
        return False
    start, end = noun_phrase(speaker)
    d = describe(ps, speaker, start, end, lambda t: mentions.at(*ps.char_span(t.i, t.i + 1)))
    return not (d["person"] or d["group_noun"] or d["collective"] or d["group"] or d["role"])


def thing_participle(ps: ParsedSentence, verb: Token, speaker: Token, mentions: MentionIndex) -> bool:
    """"The vessel has been gathering samples, revealing how the reefs are dying": a participle with no subject of
    its own takes the main clause's, and when that is a thing (`_thing`) the participle is the writer's narration
    of what it shows, no one's statement ("the ministry published figures, revealing ..." stays)."""
    if verb.lemma_.lower() not in lexicon().attribution.get("narrating_participles", ()):
        return False  # "critics posted messages, claiming ...": a verb of speech needs someone who speaks
    return verb.tag_ == "VBG" and verb.dep_ in ("advcl", "xcomp", "conj") and speaker.i < verb.i and not any(
        c.dep_ in ("nsubj", "nsubjpass") for c in verb.children) and _thing(ps, speaker, mentions) and not any(
        t.pos_ == "PROPN" or mentions.at(*ps.char_span(t.i, t.i + 1)) for t in speaker.subtree)
    # not "Crystal Rovers football (club) sent sympathy, tweeting ...", "the head of the party, Jo Roe, ...,
    # calling it ...": a name in the phrase is who speaks


def bare_thing(ps: ParsedSentence, speaker: Token, mentions: MentionIndex) -> bool:
    """"according to chosen target and purpose": a singular thing with no determiner or possessor names no
    source ("according to the report", "according to the country's alert system", "according to guidance from the
    clinic" keep theirs)."""
    return speaker.tag_ == "NN" and all(c.dep_ in ("amod", "cc", "conj") for c in speaker.children) and \
        _thing(ps, speaker, mentions)  # not "according to guidance from the clinic": whose it is


def naming_not_saying(verb: Token) -> bool:
    """A naming, not a statement: a verb of `naming_participles` giving a name ("oprd"), as a participle on a noun
    ("a subsidiary also called Delta Services") or with no subject or object of its own; or a verb of `alias_verbs`
    whose only complement is "as" a name ("who wrote as Peter Vance": a pen name)."""
    att = lexicon().attribution
    lemma = verb.lemma_.lower()
    deps = {c.dep_ for c in verb.children}
    if lemma in att.get("naming_participles", ()) and "oprd" in deps and (
            (verb.tag_ == "VBN" and verb.dep_ == "acl") or (verb.tag_ != "VBG" and not deps & {
                "dobj", "nsubj", "nsubjpass"})):  # not "..., calling it a farce": the subject's words
        return True  # the parse may leave "also called X" a verb without subject or object: only its name
    if lemma not in att.get("alias_verbs", ()):
        return False
    kids = [c for c in verb.children if c.dep_ in ("dobj", "ccomp", "xcomp", "prep", "advcl", "parataxis")]
    return bool(kids) and all(c.dep_ == "prep" and c.lower_ == "as" and any(
        g.dep_ == "pobj" and g.pos_ == "PROPN" for g in c.children) for c in kids)


def own_subject(verb: Token, speaker: Token | None) -> Token | None:
    """The speaker of a reporting verb set inside a relative clause ("the driver, who witnesses said was drunk, ...",
    "a man police say was shot"): the parse gives the verb two subjects, the relative pronoun (the reported clause's
    subject) and the noun before the verb, who says it."""
    if speaker is None:
        return _opening_apposition(verb)
    if speaker.tag_ not in ("WP", "WDT"):
        return speaker
    said_by = [c for c in verb.children if c.dep_ == "nsubj" and c.i < verb.i and c.i > speaker.i
               and c.tag_ not in ("WP", "WDT")]
    return said_by[-1] if said_by else speaker


def describing_relative(verb: Token) -> bool:
    """"leaked files that reveal secret payments", "a map which shows the route": a relative clause describing what
    the noun shows (`narrating_participles`), with a noun and no clause of its own, is the writer's description of
    the noun, no statement ("a report that says the talks failed" keeps its claim). Not a name's or one set off by a
    comma ("Acme, which announced a deal"): a speaker's own statement."""
    if verb.dep_ != "relcl" or verb.lemma_.lower() not in lexicon().attribution["narrating_participles"]:
        return False
    subject = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if subject is None or subject.tag_ not in ("WDT", "WP") or subject.i == 0 or verb.doc[subject.i - 1].text == ",":
        return False
    return not verb.head.ent_type_ and verb.head.pos_ != "PROPN" and not any(
        c.dep_ in ("ccomp", "xcomp", "parataxis") or c.tag_ == "WRB" for c in verb.children)


def inherited_subject(verb: Token, speaker: Token | None) -> Token | None:
    """Who speaks when the parse gave a reporting participle or coordinated verb the main clause's subject, a remark
    or a feeling (`unspeaking_nouns`: "the coach's comments followed as the chairman scrapped the deal, branding it
    ..."): the subject of the clause between them, or the noun after "after"/"as" ("the mayor's anger came after the
    weekly, citing aides, reported ..."); None when there is none (no claim: a remark says nothing by itself)."""
    if speaker is None or speaker.head.i == verb.i or (
            speaker.lemma_.lower() not in lexicon().attribution["unspeaking_nouns"]
            and speaker.lower_ not in lexicon().attribution["unspeaking_nouns"]):
        return speaker
    found = []
    for c in speaker.head.children:
        if not speaker.i < c.i < verb.i:
            continue
        if c.dep_ in ("advcl", "conj") and c.pos_ in ("VERB", "AUX"):
            found += [g for g in c.children if g.dep_ == "nsubj" and g.tag_ not in ("WP", "WDT")]
        elif c.dep_ == "prep" and c.lower_ in ("after", "as", "before", "since"):
            found += [g for g in c.children if g.dep_ == "pobj"]
    return max(found, key=lambda t: t.i, default=None)


def _opening_apposition(verb: Token) -> Token | None:
    """"In a statement to Reuters, a lawyer for the family said, ...": the parse made the speaker an apposition of
    the opening phrase's last noun and left the verb without a subject; a noun phrase after a comma, ending right
    before the verb, is who speaks."""
    doc = verb.doc
    for opening in (c for c in verb.children if c.dep_ == "prep" and c.i < verb.i and c.right_edge.i == verb.i - 1):
        for noun in opening.subtree:
            if noun.dep_ == "appos" and noun.pos_ in ("NOUN", "PROPN") and noun.right_edge.i == verb.i - 1 \
                    and noun.left_edge.i > 0 and doc[noun.left_edge.i - 1].text == "," \
                    and noun.lower_ not in lexicon().attribution["not_speaker_words"]:
                return noun
    return None
