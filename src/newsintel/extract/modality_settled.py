"""Words whose modal sense is settled by their own tense or negation: a past ability is an achievement ("was able
to escape": he escaped; "would be able to escape" stays a capability), and a negated denial denies nothing ("we
cannot deny that it was an attack": it was; "did not deny that he attacked": not denied, not asserted either:
hedged).

Why: `able` and the denial verbs are cues of data/modality.yaml (hedged and negated governors), right for "able to
reach the bases" and "denied that he attacked", wrong for these uses, which the audit found shown as hedged or
denied though the sentence says the event happened.
"""

from __future__ import annotations

from spacy.tokens import Token

from newsintel.extract.lexicon import lexicon


def _negation_of(token: Token) -> Token | None:
    contracted = set(lexicon().modality["negated"].get("contracted", ()))
    return next((c for c in token.children if c.dep_ == "neg" or c.lower_ in contracted), None)


def _achieved_ability(token: Token) -> bool:
    """"was able to escape", "had been able to flee": the past of an ability word with its infinitive, under no
    modal auxiliary ("would have been able to" stays a capability)."""
    cues = lexicon().modality.get("settled", {})
    if token.lemma_.lower() not in cues.get("past_achievement", ()) or token.dep_ != "acomp":
        return False
    copula = token.head
    if copula.lemma_ != "be" or any(c.tag_ == "MD" for c in copula.children):
        return False
    past = copula.tag_ == "VBD" or (copula.tag_ == "VBN" and any(c.lower_ in ("had", "has", "have")
                                                                  for c in copula.children if c.dep_ == "aux"))
    return past and any(c.dep_ == "xcomp" and any(d.dep_ == "aux" and d.lower_ == "to" for d in c.children)
                        for c in token.children)


def settled_cue(token: Token) -> str | None:
    """The label a governing word stands for when its tense or negation settles it (replacing the cues read on it),
    else None: "asserted" for a past ability ("was able to") or a denial that cannot be made ("cannot deny"),
    "negated" for a past ability denied ("was not able to"), "hedged" for a denial not made ("did not deny")."""
    cues = lexicon().modality.get("settled", {})
    if _achieved_ability(token):
        return "negated" if _negation_of(token.head) or _negation_of(token) else "asserted"
    if token.lemma_.lower() in cues.get("denials", ()) and token.pos_ == "VERB" and _negation_of(token):
        could = any(c.dep_ == "aux" and c.lower_ in cues.get("impossible_auxiliaries", ()) for c in token.children)
        return "asserted" if could else "hedged"
    return None
