"""Reported statements as claims: who said what, with which cue, in which medium and modality.

Every reporting verb with a speaker makes a claim, and so does "according to X"; not a verb asked of someone ("must
indicate"), a guess at a belief ("may still believe"), something not said yet ("would allow them to claim"), a verb
in another sense ("claimed 20 lives", "welcomed a baby") or no one in particular ("many claimed"); nor hearsay, a
saying that did not happen or a speaker inside what is said (`claim_sources.py`). A claim keeps the modality of its
reporting verb as well as its content's ("if he says ...", "may have told").
"""

from __future__ import annotations

from typing import Any

from spacy.tokens import Token

from newsintel.extract.args import MentionIndex, make_arg, resolve_relative
from newsintel.extract.attribution import (
    MAX_STEPS,
    according_to,
    is_reporting,
    reports_through,
    shows_statement,
    speaker_arg,
    speaker_of,
)
from newsintel.extract.claim_bounds import continued_speaker, own_words
from newsintel.extract.claim_citing import citations, only_subject_of, relayed, without_citation
from newsintel.extract.claim_content import (
    QUOTES,
    claim_cue,
    closing_subject,
    content_of,
    inverted_speaker,
    speaker_phrase_start,
)
from newsintel.extract.claim_sources import (
    antecedent_in_content,
    bare_thing,
    describing_relative,
    inherited_subject,
    naming_not_saying,
    no_source,
    own_subject,
    refers_back,
    scene_subject,
    thing_participle,
    unresolved_speaker,
    unsaid,
)
from newsintel.extract.claim_subjectless import subjectless
from newsintel.extract.lexicon import lexicon
from newsintel.extract.modality import PRECEDENCE, modality_of, statement_modality
from newsintel.extract.parse import ParsedSentence
from newsintel.extract.speaker_phrases import fuller_speaker
from newsintel.resources import load_yaml


def extract_claims(ps: ParsedSentence, mentions: MentionIndex) -> list[dict[str, Any]]:
    claims = []
    closers: list[tuple[Token, Token]] = []  # (cue, speaker) of the claims closing their statement
    cues: list[Token] = []  # the reporting verbs of the claims made
    for token in ps.doc:
        if not is_reporting(token) and not claim_cue(token):
            continue
        if any(c.dep_ == "aux" and c.lower_ in lexicon().attribution["obligation_auxiliaries"]
               for c in _auxiliaries(token)):
            continue  # "China must indicate its opposition", "people should stop and consider": asked of someone
        if token.lemma_.lower() in lexicon().attribution["belief_verbs"] and any(
                c.dep_ == "aux" and c.lower_ in lexicon().attribution["guess_auxiliaries"] for c in token.children):
            continue  # "its leaders may still believe ...": the writer's guess at a belief, no one's statement
        if _said_as_determiner(ps, token):
            continue  # "only to find said relic was cursed": "said" means the aforementioned, nothing is said
        if _asked(token):
            continue  # "Can you tell me what this is about?", "Did the minister say that?": a question
        if _reduced_relative(token):
            continue  # "The rocket, believed to be a long-range missile, flew ...": no one said or believed it here
        if _thing_said(token) or describing_relative(token):
            continue  # "the single she wrote for the film", "files that reveal payments": the thing, no statement
        if token.dep_ == "xcomp" and token.head.lemma_.lower() in lexicon().attribution["unsaid_governors"]:
            continue  # "a deal that would allow leaders to claim victory": nothing said yet
        if any(c.dep_ == "dobj" and (c.ent_type_ in ("PERCENT", "MONEY", "QUANTITY", "CARDINAL") or c.lemma_.lower()
                                     in lexicon().attribution["not_statement_objects"]) and not any(
                    g.dep_ == "ccomp" and g.i > c.i for g in token.children) for c in token.children):
            continue  # "the stock added 2%", "claimed 20 lives", "welcomed a baby boy": nothing stated (but "said
            # two of the pumps are broken": the parse made the clause's subject an object)
        refused = [*lexicon().attribution.get("refusal_objects", {}).get(token.lemma_.lower(), ()),
                   *lexicon().attribution.get("shown_objects", {}).get(token.lemma_.lower(), ())]
        if any(c.dep_ == "dobj" and (c.lemma_.lower() in refused or c.lower_ in refused) for c in token.children):
            continue  # "denied entry to the ships", "denied him bail": a refusal; "revealed numbers": a thing shown
        if token.lower_ in lexicon().attribution["conjunction_participles"] and token.tag_ == "VBG" and not any(
                c.dep_ in ("nsubj", "aux") for c in token.children):
            continue  # "Considering that Berlin led the way, any shift could ...": given that, no one says it
        quoting = _quoted_as_saying(token)  # '"...," the agency quoted Omar as saying': Omar's words
        speaker = next((c for c in quoting.children if c.dep_ in ("dobj", "nsubjpass")), None) if quoting is not None \
            else inverted_speaker(token) or closing_subject(token) or speaker_of(token)  # "..., an official said"
        if quoting is None and (continued := continued_speaker(token)) is not None:
            speaker = continued  # "the mayor said X and added: ...": the mayor adds, not X's subject
        speaker = inherited_subject(token, own_subject(token, speaker))  # "the driver, who witnesses said was
        # drunk": the witnesses; "the coach's comments followed as the chairman scrapped it, branding ...": him
        if not shows_statement(token, speaker):
            continue  # "the video shows a crowd", a caption's "... show Fireworks light up ...": nothing stated
        anyone = resolve_relative(speaker) if speaker is not None else None  # "anyone who says": "anyone"
        if anyone is not None and anyone.lower_ in lexicon().attribution["indefinite_speakers"] and not any(
                c.lower_ == "of" for c in anyone.children):
            continue  # "many claimed", "others warned", "some insist": no one in particular (not "some of the men")
        if speaker is not None and _no_one(token, speaker):
            continue  # "no one can deny", "no official has confirmed", "Who would say that?": nobody says it
        figure = speaker.head.head if speaker is not None and speaker.tag_ in ("WP", "WDT") and \
            speaker.head.dep_ == "relcl" else speaker  # "the number who said": "number"
        if figure is not None and figure.lemma_.lower() in lexicon().attribution["figure_speakers"]:
            speaker = next((g for c in figure.children if c.dep_ == "prep" and c.lower_ == "of"
                            for g in c.children if g.dep_ == "pobj"), None)  # "63 percent of the nurses": the nurses
            if speaker is None:
                continue  # "the share who said they owned one fell": a statistic
        if speaker is not None and no_source(speaker):
            continue  # "rumours suggested", "previous leaks suggested": hearsay, no one who says it
        if speaker is not None and unsaid(token):
            continue  # "did not say when", "has not confirmed the names", "would then have claimed": nothing said
        if speaker is not None and _medium_of_another(token, speaker):
            continue  # "the airline said in statements that apologized to ...": the airline's claim, told once
        if speaker is not None and (_hypothetical_anyone(token, speaker) or _unsourced_evidence(token, speaker)):
            continue
        content, head = content_of(ps, quoting if quoting is not None and any(
            c.dep_ == "ccomp" for c in quoting.children) else token)  # "cited X as saying that ...": "saying"'s
        if token.lemma_.lower() in lexicon().attribution["threat_verbs"] and any(
                c.dep_ == "prep" and c.lower_ == "with" for c in token.children) and not any(
                c.dep_ in ("ccomp", "xcomp") for c in token.children):
            continue  # "threatened them with legal action", "threatening him with a knife": a threat, no statement
        if naming_not_saying(token) or (speaker is not None and thing_participle(ps, token, speaker, mentions)) or \
                subjectless(token, head, content):
            continue  # "a subsidiary also called X", "wrote as X"; "the vessel ..., revealing how": no statement;
            # "she said could serve as ...": a clause without its subject (claim_subjectless.py)
        if speaker is not None and scene_subject(ps, token, speaker, head, mentions):
            continue  # "the costumes revealed a joyful side": the writer's narration, no one's statement
        if speaker is None or (head is not None and head.head.i == token.i and (
                not reports_through(token, head) or head.dep_ == "dobj")
                               and token.lemma_.lower() in lexicon().attribution["threat_verbs"]):
            # no speaker: a claim without content may still own an adjacent quotation (see attribute_quotations);
            # "threatened to attack", "threatened the launch" are events or risks, not claims ("pledged to hire"
            # is one)
            continue
        start, end = ps.char_span(token.i, token.i + 1)
        if content and head is not None and head.i < token.i and speaker.i < token.i + 3 and \
                ps.doc.text.strip(QUOTES + " ").startswith(content[:40]):
            closers.append((token, speaker))  # '"...," X said': the statement before its speaker
        content = own_words(ps, token, content)  # "said X and added: '...'": X only, "added" is a claim of its own
        if refers_back(content):
            content = ""  # "pointed it out": the statement may be an adjacent quotation (quoted.py), else none
        said_by = unresolved_speaker(ps, speaker, mentions) if antecedent_in_content(ps, speaker, content, mentions) \
            else fuller_speaker(ps, speaker, speaker_arg(ps, speaker, mentions), mentions)  # "A nurse could miss
        # it, she said": not the nurse; "a group representing farmers": not "group"
        cues.append(token)
        claims.append({
            "speaker": said_by, "cue": token.text, "content": content,
            "medium": _relay_of(ps, quoting, mentions) if quoting is not None else _medium(ps, token, mentions),
            "sentence": ps.index, "start": start, "end": end,
            "modality": claim_modality(token, head),
            "_framed": any(t.dep_ in ("advcl", "relcl", "acl") for t in (token, *token.ancestors)),
        })
    found = according_to(ps)
    if found is not None and (no_source(found[1]) or bare_thing(ps, found[1], mentions)):
        found = None  # "according to previous leaks": no one vouches for it
    if found is not None and claims and (_bare_medium(found[1]) or _relay(found[1])):
        if len(claims) == 1 and claims[0]["medium"] is None:
            claims[0]["medium"] = found[1].lower_
        found = None  # '"...," he told them, according to a statement': the statement is how he said it, not who
    if found is not None:
        cue, speaker = found
        stop = min((v.i for v in cues if v.i > speaker.right_edge.i and ps.doc[v.i - 1].text == ","), default=None)
        rest, scope = _according_content(ps, cue, speaker, stop)  # "X, according to Y, said Z": not "said Z"
        if refers_back(rest):
            return claims  # "That's according to a new poll": what the poll found is in another sentence
        closing = [s for v, s in closers if v.i < cue.i and s.i < cue.i]
        if closing and cue.i > 0 and ps.doc[cue.i - 1].text == ",":  # '"...," X said, according to Reuters',
            cut = min(speaker_phrase_start(ps, s.left_edge.i) for s in closing)  # "..., X said, citing Y": what
            rest = ps.doc[:cut].text.strip(" ,." + QUOTES) or rest  # Y vouches for is X's words, not "X said"
        for phrase in citations(ps, cue, speaker):  # "reported that troops crossed, citing officials": the
            for claim in claims:  # citation is no part of what is reported
                claim["content"] = without_citation(claim["content"], phrase)
            rest = without_citation(rest, phrase)
        if (cited := relayed(cue, cues, claims)) is not None:
            rest = cited["content"]  # "the paper claimed X, citing sources": the sources vouch for X
        elif only_subject_of(ps, rest, stop):
            return claims  # "According to X, one user posted: ...": the user's claim; X vouches for no words here
        start, end = ps.char_span(cue.i, cue.i + 2)
        claims.append({"speaker": fuller_speaker(ps, speaker, speaker_arg(ps, speaker, mentions), mentions),
                       "cue": "according to", "content": rest,
                       "medium": None, "modality": cited["modality"] if cited is not None else modality_of(
                           scope) if scope is not None else "asserted",
                       "sentence": ps.index, "start": start, "end": end})
    return claims


def _no_one(verb: Token, speaker: Token) -> bool:
    """A speaker that names nobody: denied by its determiner ("no one", "no official"; `no_speaker_determiners`),
    or asked about ("Who would say ...?", "asked who said it"): a "who" whose verb (the reporting verb, or the one it
    shares a subject with: "a man who arrived claiming ...") opens no relative clause."""
    determiners = lexicon().attribution["no_speaker_determiners"]
    if any(c.dep_ == "det" and c.lower_ in determiners for c in speaker.children):
        return True
    return speaker.tag_ == "WP" and speaker.dep_ in ("nsubj", "nsubjpass") and speaker.head.dep_ != "relcl"


def _auxiliaries(verb: Token) -> list[Token]:
    """The verb's auxiliaries, and those of the verb it is coordinated with when it has no subject or auxiliary of
    its own ("should pause for a minute and imagine ...": "imagine" shares "should")."""
    own = [c for c in verb.children if c.dep_ in ("aux", "auxpass", "nsubj", "nsubjpass")]
    if own or verb.dep_ != "conj" or verb.head.pos_ not in ("VERB", "AUX"):
        return [c for c in own if c.dep_ == "aux"]
    return [c for c in verb.head.children if c.dep_ == "aux"]


def _asked(verb: Token) -> bool:
    """Is the reporting verb asked about, not used ("Can you tell me what this is about?", "Did the minister say
    that?")? An auxiliary before its subject, the subject before the verb: a question states nothing."""
    subject = next((c for c in verb.children if c.dep_ == "nsubj" and c.i < verb.i), None)
    return subject is not None and any(c.dep_ == "aux" and c.i < subject.i for c in verb.children)


def _thing_said(verb: Token) -> bool:
    """Is the verb a relative clause whose object is the noun it describes ("the single she wrote for the film",
    "the song that he wrote", "the story they told")? It names a work by who made it; nothing is stated in the
    sentence. Not "the man who said ...", "which he said was false" (a clause of its own)."""
    if verb.dep_ != "relcl" or not any(c.dep_ == "nsubj" and c.tag_ not in ("WP", "WDT") for c in verb.children):
        return False
    return not any(c.dep_ in ("ccomp", "xcomp", "parataxis", "dative") or (c.dep_ == "dobj" and c.tag_ not in (
        "WP", "WDT")) for c in verb.children)


def _reduced_relative(verb: Token) -> bool:
    """A participle describing the noun before it ("The rocket, believed to be a missile, ...", "a man, said to
    be its leader, ..."), which the parse may make the sentence's verb: its subject is who is talked about, and
    nobody is named saying it."""
    subject = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass") and c.i < verb.i), None)
    return verb.tag_ in ("VBD", "VBN") and subject is not None and subject.right_edge.i >= verb.i - 2 \
        and verb.doc[verb.i - 1].text == "," and not any(c.dep_ == "agent" for c in verb.children) and any(
            c.dep_ == "xcomp" and any(a.lower_ == "to" for a in c.children) for c in verb.children)


def _quoted_as_saying(verb: Token) -> Token | None:
    """The verb quoting someone "as saying" a quotation ('"...," the agency quoted Omar as saying', 'Reuters cited
    the website as saying that ...', 'the mayor was quoted as saying that ...'): the quoted one (its object, or its
    passive subject) speaks what "saying" (or the quoting verb) carries."""
    if verb.dep_ != "pcomp" or verb.head.lower_ != "as" or verb.head.dep_ != "prep":
        return None
    quoting = verb.head.head
    quoted = any(c.dep_ == "dobj" for c in quoting.children) or (
        quoting.tag_ == "VBN" and any(c.dep_ == "nsubjpass" for c in quoting.children))
    said = any(c.dep_ == "ccomp" for c in (*quoting.children, *verb.children))
    return quoting if quoting.pos_ in ("VERB", "AUX") and quoted and said else None


def _relay_of(ps: ParsedSentence, quoting: Token, mentions: MentionIndex) -> str | None:
    """Who relays the words of someone "quoted as saying": the quoting verb's subject ("KCNA quoted Kim as saying")
    or its passive agent ("was quoted by the Gazette as saying"), shown as the claim's medium."""
    relay = next((c for c in quoting.children if c.dep_ == "nsubj"), None)
    agent = next((c for c in quoting.children if c.dep_ == "agent"), None)
    if relay is None and agent is not None:
        relay = next((g for g in agent.children if g.dep_ == "pobj"), None)
    if relay is None or relay.lower_ in lexicon().attribution["not_speaker_words"] or relay.pos_ == "PRON":
        return None
    return make_arg(ps, relay, mentions)["text"]


def _hypothetical_anyone(verb: Token, speaker: Token) -> bool:
    """"It is often missed if the patient reports no symptoms": anyone in a condition (`generic_speakers` in an
    if/unless clause) reports nothing; "if the minister says ..." is a named role's conditional claim and stays."""
    att = lexicon().attribution
    return speaker.lemma_.lower() in att["generic_speakers"] and not speaker.ent_type_ and any(
        c.dep_ == "mark" and c.lower_ in att["hypothetical_marks"] for c in verb.children)


def _unsourced_evidence(verb: Token, speaker: Token) -> bool:
    """Evidence no one vouches for: "the results indicate ..." with nothing saying whose (the report's own summary,
    no source), or "files showed ..." inside someone's statement ("X said that files showed ...": X's claim)."""
    att = lexicon().attribution
    if speaker.lemma_.lower() not in att["evidence_nouns"] and speaker.lower_ not in att["evidence_nouns"]:
        return False
    if speaker.ent_type_:
        return False
    bare = speaker.lower_ in att["unsourced_evidence_nouns"] and all(
        c.dep_ == "det" and c.lower_ in ("the", "these", "those") for c in speaker.children)
    return bare or _reported_by_another(verb)


def _reported_by_another(verb: Token) -> bool:
    """Is the verb's clause inside what another reporting verb with a speaker reports ("X said that files showed
    ...")? Only up the verb's own chain of heads: not a report the verb itself carries ("the site says '... told'")."""
    current = verb
    for _ in range(MAX_STEPS):
        if current.head.i == current.i:
            return False
        current, child = current.head, current
        if is_reporting(current) and speaker_of(current) is not None and reports_through(current, child):
            return True
    return False


def _medium_of_another(verb: Token, speaker: Token) -> bool:
    """Is the speaker the medium of another reporting verb ("X said in statements that apologized ...", "wrote in a
    letter which warned ...")? Then the statement is that verb's speaker's, not the medium's own."""
    att = lexicon().attribution
    noun = verb.head if verb.dep_ == "relcl" and speaker.tag_ == "WDT" else speaker
    prep = noun.head
    return noun.dep_ == "pobj" and noun.lemma_.lower() in att["media_nouns"] and prep.lower_ in att["media_preps"] \
        and prep.head.i != verb.i and is_reporting(prep.head)


def _said_as_determiner(ps: ParsedSentence, token: Token) -> bool:
    """Is "said" the legal and jocular determiner ("to find said relic", "the owner of said house")? Right after a
    base-form verb or a preposition and right before a bare common noun; "those who fled said troops ..." (a past
    verb) and "..., said officials" (a comma) stay reports."""
    if token.lower_ != "said" or token.i == 0 or token.i + 1 >= len(ps.doc):
        return False
    before, after = ps.doc[token.i - 1], ps.doc[token.i + 1]
    return before.tag_ in ("VB", "IN") and after.tag_ in ("NN", "NNS") and after.text.islower()


def _bare_medium(token: Token) -> bool:
    """Is "according to X" only a medium with nothing naming whose it is ("according to a statement", "according to
    a post on its website"), not "according to a statement by the ministry", "according to its statement",
    "according to a report in the Times"?"""
    return token.lemma_.lower() in lexicon().attribution["media_nouns"] and token.ent_type_ == "" and all(
        (c.dep_ in ("det", "amod", "acl") and c.lower_ not in ("its", "their", "his", "her"))
        or (c.dep_ == "prep" and c.lower_ in ("on", "in") and all(
            not o.ent_type_ and o.lemma_.lower() in load_yaml("claim_content.yaml")["medium_places"]
            for o in c.children if o.dep_ == "pobj"))
        for c in token.children)


def _relay(token: Token) -> bool:
    """Is "according to X" a relay of someone's own words ("according to an official translation of her remarks",
    "according to a transcript"): the words are the speaker's, the relay no source of its own (`relay_nouns`)."""
    return token.lemma_.lower() in load_yaml("claim_content.yaml")["relay_nouns"] and not any(
        c.dep_ == "prep" and c.lower_ in ("by", "from") for c in token.children)


def _according_content(ps: ParsedSentence, cue: Token, speaker: Token,
                       stop: int | None = None) -> tuple[str, Token | None]:
    """What "according to X" vouches for: the sentence without the phrase, or, when the phrase opens the second of
    two coordinated clauses ("It looks green - but, according to X, it is clear"), that clause alone: the first is
    the writer's. Also the clause whose verb carries the content's modality. `stop`: a reporting verb after the
    phrase that closes the sentence with a speaker of its own ("X, according to files, said Jo Roe"): its cue and
    speaker are no part of what X vouches for."""
    scope = cue.head if cue.lower_ == "according" else None
    root = next((t for t in ps.doc if t.dep_ == "ROOT"), None)
    if scope is None or scope.dep_ != "conj" or scope.pos_ not in ("VERB", "AUX") or not any(
            c.dep_ == "cc" and scope.head.i < c.i < cue.i < scope.i for c in scope.head.children):
        scope, low, high = root, 0, len(ps.doc)  # no "but, according to X, ..." (a parse may coordinate anything)
        if root is not None and root.i < cue.i and any(  # 'It has run "since 2014," according to its site, but
                c.dep_ == "conj" and c.pos_ in ("VERB", "AUX") and speaker.right_edge.i < c.left_edge.i and any(
                    t.dep_ == "cc" and t.head.i == root.i and (t.lower_ == "but" or any(
                        g.dep_ in ("nsubj", "nsubjpass") for g in c.children))
                    for t in ps.doc[speaker.right_edge.i + 1:c.left_edge.i + 1])
                for c in root.children):  # this week announced ...": a contrast or a clause of its own is the writer's
            high = cue.i  # ("had a licence, according to X, and had two planes": X's both)
    else:
        low, high = min(scope.left_edge.i, cue.i), scope.right_edge.i + 1
    after = speaker.right_edge.i + 1
    subject = scope is not None and any(c.dep_ in ("nsubj", "nsubjpass", "expl") for c in scope.children)
    apposed = next((c for c in speaker.children if c.dep_ == "appos" and c.i > cue.i + 2 and
                    ps.doc[c.left_edge.i - 1].text == ","), None)
    if apposed is not None and scope is not None and scope.i > apposed.i and not subject:
        after = apposed.left_edge.i  # "According to the daily X, Jean Morel, 61, died": the parse gave the
        # subject to the source as an apposition
    while after < high and ps.doc[after].tag_ in ("NN", "NNS") and ps.doc[after].dep_ not in ("nsubj", "nsubjpass"):
        after += 1  # "according to AP reports", the parse leaving "reports" out of the source's phrase
    if stop is not None and after <= stop < high:
        high = stop
    parts = (ps.doc[low:cue.i].text, ps.doc[after:high].text)
    return " ".join(p.strip(" ,.") for p in parts if p.strip(" ,.")), scope


def claim_modality(verb: Token, content: Token | None) -> str:
    """The statement's modality: its content's ("said he may have fled": hedged), unless the reporting itself is
    not asserted ("if he says", "may have told", "reportedly said"; "did not say" gives no claim); the first in the
    order of `modality.PRECEDENCE` wins. A denial's own verb does not negate the report: its content is negated."""
    labels = {modality_of(content) if content is not None else "asserted"}
    if verb.lemma_.lower() not in lexicon().modality["negated"]["governors"]:
        labels.add(statement_modality(verb))
    directive = lexicon().attribution["directive_verbs"].get(verb.lemma_.lower(), False)
    if directive == [] or (directive and content is not None and content.lower_ in directive):
        labels.add("intended")  # "urged people to avoid travel", "called for an end to": wanted, not yet done
    return next((label for label in PRECEDENCE if label in labels), "asserted")


def _medium(ps: ParsedSentence, verb: Token, mentions: MentionIndex) -> str | None:
    """"said in a statement", "told the BBC"; "said Jo Roe in a statement" (the parse may hang it on the speaker)."""
    att = lexicon().attribution
    for child in [*verb.children, *(g for c in verb.children if c.dep_ == "nsubj" and c.i > verb.i
                                    for g in c.children)]:
        if child.dep_ in ("dobj", "dative") and verb.lemma_.lower() == "tell" and child.ent_type_ in ("ORG", "GPE"):
            return make_arg(ps, child, mentions)["text"]
        if child.dep_ == "prep" and child.lower_ in att["media_preps"]:
            for obj in child.children:
                if obj.dep_ == "pobj" and (obj.lemma_.lower() in att["media_nouns"] or obj.ent_type_ == "ORG"):
                    return make_arg(ps, obj, mentions)["text"]
    return None
