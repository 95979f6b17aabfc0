"""Which named organisation a noun for a body may stand for: "the army" is no news agency credited in the report,
"the gang" no firm. The kinds come from the words of a name (`org_kind_name_words` in data/attribution.yaml) and
of the noun (`definite_org_nouns`, `group_noun_kinds`); an unlinked description costs less than a wrong body."""

from __future__ import annotations

from newsintel.extract.lexicon import lexicon


def name_kinds(name: str) -> set[str]:
    """The kinds of organisation a name's words show ("... Space Agency": public; "Reuters": media)."""
    words = {w.strip(".,()").lower() for w in name.split()}
    return {k for k, ws in lexicon().attribution.get("org_kind_name_words", {}).items() if words & set(ws)}


def noun_kinds(noun: str) -> set[str]:
    """The kinds a noun for a body may name: `group_noun_kinds` first ("the militia": none shown by a name), else
    the kinds `definite_org_nouns` lists it under."""
    att = lexicon().attribution
    if noun in att.get("group_noun_kinds", {}):
        return set(att["group_noun_kinds"][noun] or ())
    return {k for k, nouns in att.get("definite_org_nouns", {}).items() if noun in nouns}


def fits(name: str, noun: str) -> bool:
    """May `noun` ("army", "group", "company") stand for the organisation called `name`? A name showing kinds fits
    when one is the noun's; a name showing none fits, except for `kind_shown_nouns` ("the army", "the ministry":
    only a name saying so, not "Taliban")."""
    shown = name_kinds(name)
    if not shown:
        return noun not in lexicon().attribution.get("kind_shown_nouns", ())
    return bool(shown & noun_kinds(noun))
