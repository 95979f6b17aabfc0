"""A share of a set named through a relative pronoun: "25 defendants, five of whom -- including two activists --
were fined". Set off by dashes or commas, the parser often makes "five" an apposition of the set and leaves the
verb after the parenthesis without a subject, so the fined were lost (audit: "missing argument" on a fine imposed on
the people the sentence names). The share is that verb's subject."""

from __future__ import annotations

from spacy.tokens import Token

RELATIVES = ("whom", "which")
BREAKS = ("--", "—", "–", ",", ")")
REACH = 40  # tokens between the share and the verb's auxiliary: a parenthesis of names, not another sentence


def _share_of_relative(token: Token) -> bool:
    """"five of whom", "most of which": a word with an "of" phrase whose object is a relative pronoun."""
    return any(p.dep_ == "prep" and p.lower_ == "of" and any(
        g.dep_ == "pobj" and g.lower_ in RELATIVES for g in p.children) for p in token.children)


def partitive_subject(verb: Token) -> Token | None:
    """The share ("five of whom") a verb with a finite auxiliary but no subject of its own belongs to, when the
    parser hung the share on the set as an apposition and a parenthesis set off by dashes or commas ends right
    before the auxiliary; else None."""
    if any(c.dep_ in ("nsubj", "nsubjpass", "csubj") for c in verb.children):
        return None
    aux = next((c for c in verb.children if c.dep_ in ("aux", "auxpass") and c.i < verb.i), None)
    if aux is None or aux.tag_ not in ("VBD", "VBZ", "VBP", "MD") or aux.i == 0:
        return None
    if verb.doc[aux.i - 1].text not in BREAKS:
        return None
    for share in reversed(verb.doc[max(0, aux.i - REACH):aux.i - 1]):
        if share.dep_ == "appos" and _share_of_relative(share):
            after = share.doc[share.i + 3] if share.i + 3 < len(share.doc) else None  # "five of whom --"
            return share if after is not None and after.text in BREAKS else None
        if share.pos_ in ("VERB", "AUX") and share.dep_ not in ("prep", "amod", "acl") and share.tag_ != "VBG":
            return None  # another clause lies between: its own subject, not this share
    return None


def share_whole(share: Token) -> Token | None:
    """The set a "five of whom" share is taken from: the noun the parser made it an apposition of, or the noun
    the relative clause it opens describes ("30 activists, eight of whom were fined"); None for another word."""
    if not _share_of_relative(share):
        return None
    if share.dep_ == "appos" and _a_set(share.head):
        return share.head
    clause = share.head
    if clause.dep_ in ("relcl", "acl") and _a_set(clause.head) and clause.head.i < share.i:
        return clause.head
    before = share.doc[share.i - 2] if share.i >= 2 and share.doc[share.i - 1].text == "," else None
    if before is not None and _a_set(before) and before.dep_ != "compound":
        return before  # "held their 40 neighbours, ten of whom were released", parsed as a clause of the verb
    return None


def _a_set(noun: Token) -> bool:
    """A plural noun a share can be taken from ("defendants"), not the town the parser hung the clause on."""
    return noun.tag_ in ("NNS", "NNPS")


def share_text(share: Token, whole_span: tuple[int, int], share_start: int) -> str:
    """"five of the 25 defendants" for "five of whom": the share's words before "of", then the set's phrase (token
    range `whole_span`), which is definite (it was just named) unless it has its own determiner or possessor."""
    doc = share.doc
    words = doc[share_start:share.i + 1].text
    whole = doc[whole_span[0]:whole_span[1]]
    own = whole[0].dep_ in ("det", "poss", "predet") or whole[0].lower_ in ("the", "their", "its", "his", "her")
    return f"{words} of {'' if own else 'the '}{whole.text}"
