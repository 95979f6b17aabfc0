"""A spaCy component that tags the organisations named in `data/org_aliases.yaml` when NER missed them.

Matching is on exact spelling (so "Isis" the given name is not "ISIS" unless written so), and aliases of two
letters or fewer ("IS", "UN") are left to the NER model: alone they are too ambiguous to tag by rule.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span
from spacy.util import filter_spans

from newsintel.resources import load_yaml

MIN_ALIAS_CHARS = 3


class OrgRuler:
    def __init__(self, nlp: Language) -> None:
        self.matcher = PhraseMatcher(nlp.vocab, attr="ORTH")
        for canonical, aliases in load_yaml("org_aliases.yaml").items():
            names = {n for n in [canonical, *aliases] if len(n) >= MIN_ALIAS_CHARS}
            self.matcher.add(canonical, [nlp.make_doc(n) for n in sorted(names)])

    def __call__(self, doc: Doc) -> Doc:
        taken = {t for e in doc.ents for t in range(e.start, e.end)}
        found = [Span(doc, s, e, label="ORG") for _, s, e in self.matcher(doc)
                 if not any(t in taken for t in range(s, e))]
        if found:
            doc.ents = filter_spans([*doc.ents, *filter_spans(found)])
        return doc


@Language.factory("newsintel_orgs")
def make_org_ruler(nlp: Language, name: str) -> OrgRuler:
    return OrgRuler(nlp)
