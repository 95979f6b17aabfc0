"""Definite descriptions as speakers: "the agency said", "said the actor", "a report by X".

A description is linked to the one entity of the document it refers back to (an apposed name, an organisation of a
fitting kind named since the previous sentence, the person the noun was given to, the previous speaker while reported
speech goes on, the one entity the text gave the description's words: "the circus" after "the Barnum Circus", "the
chipmaker" after "chipmaker Acme"); when none or more than one fits it stays unlinked, its text kept as written: an
unresolved description costs less than a wrong name. Mixed into `speakers.Speakers`, which holds the document's
text, mentions and sentences.
"""

from __future__ import annotations

import re
from typing import Any

from newsintel.extract.args import MentionIndex
from newsintel.extract.lexicon import lexicon
from newsintel.extract.org_kinds import fits
from newsintel.model import Entity

_CLOSES_APPOSITION = re.compile(r"\s*(?:[,;.)—–]|--)")  # the end of "..., Roe & Co, ..." / "..., Roe & Co -- ..."


def _name_kinds(name: str) -> set[str]:
    """The kinds of organisation a name's words show ("... Space Agency": public), from attribution.yaml."""
    words = {w.strip(".,").lower() for w in name.split()}
    return {k for k, ws in lexicon().attribution.get("org_kind_name_words", {}).items() if words & set(ws)}


class DescriptionLinks:
    """Linking definite descriptions to entities; the document state comes from `speakers.Speakers`."""

    text: str
    mentions: MentionIndex
    entities: dict[str, Entity]

    def sentence_start(self, sentence: int) -> int:
        raise NotImplementedError

    def sentence_of(self, offset: int) -> int:
        raise NotImplementedError

    def quoted(self, offset: int) -> bool:
        raise NotImplementedError

    def resolve(self, pronoun: str, offset: int, sentence: int, earlier: list[dict[str, Any]]) -> dict[str, Any]:
        raise NotImplementedError

    def _people_between(self, low: int, high: int, types: set[str]) -> dict[str, tuple[Entity, set[int]]]:
        raise NotImplementedError

    def definite(self, arg: dict[str, Any], cue: int) -> dict[str, Any]:
        """"The agency said", "said the actor", "according to a new report by E! News": the description is linked
        to the one entity it refers back to (see `definite_org_nouns` in attribution.yaml), its text kept as
        written (GUIDELINES decision 11); left unlinked when none or more than one fits. `cue`: the reporting
        word's offset."""
        at = arg.get("_at")
        shown, arg = arg, {**arg, "text": arg.get("_core", arg["text"])}  # "the family of X": "family" is read
        words = arg["text"].lower().split()
        if at is None or arg.get("entity") is not None or not words or arg.get("unresolved"):
            return shown
        att, noun = lexicon().attribution, words[-1]
        sentence = self.sentence_of(at[0])
        found: Entity | None = None
        if noun in att.get("authored_nouns", ()):
            found = self._author(at[1], min(len(self.text), at[1] + 60), noun in att.get("authored_by_of", ()))
        elif self._after_the(arg):
            kinds = {k for k, nouns in att.get("definite_org_nouns", {}).items() if noun in nouns}
            if kinds:
                found = self._apposed(at[1], cue, {"ORG"}, frozenset(kinds))
                if found is None and (found := self._org_before(at[0], sentence, kinds)) is not None and not fits(
                        found.name, noun):
                    found = None  # "the army said" after only "Taliban" or "Reuters": kept as written
            elif self.person_noun(arg):
                found = self._apposed(at[1], cue, {"PERSON"}) or self._person_called(noun, at[0])
        named = [w for w in arg["text"].split()[:-1] if w[:1].isupper()]  # "the Nice prosecutor": Nice's
        if found is not None and any(w not in found.name for w in named) and not self._home_place(noun, named):
            found = None  # "the UN leader" is not "North Korean leader Kim"
        if found is None and not named and self._after_the(arg) and noun not in att.get("authored_nouns", ()):
            found = self._given_noun(arg["text"].split(), at[0])  # "the circus": "the Barnum Circus" before
        if found is None and named and self._after_the(arg) and (
                noun in att.get("definite_person_nouns", ()) or noun in att.get("leader_nouns", ())):
            titled = self._titled(noun, named, at[0], sentence)  # "the UN leader": "UN Secretary-General X" named
            if titled is not None:
                return {"text": shown["text"], "entity": titled.id, "_at": at}
        if found is None or ("_core" in shown and found.type == "PERSON" and noun not in att.get("authored_nouns", ())):
            return shown  # "the brother of Jo Roe" is not Jo Roe
        return {"text": shown["text"], "entity": found.id, "_at": at}

    @staticmethod
    def _home_place(noun: str, named: list[str]) -> bool:
        """"The New York bank", "the Seattle company": a business described by the place it is based in, which its
        name need not hold (a prosecutor or a police force of a place is that place's, not another's)."""
        from newsintel.extract.describe import is_place_name

        kinds = {k for k, nouns in lexicon().attribution.get("definite_org_nouns", {}).items() if noun in nouns}
        return kinds == {"business"} and is_place_name(" ".join(named))

    def _after_the(self, arg: dict[str, Any]) -> bool:
        """The speaker phrase as written follows "the" ("the credit firm"), no possessive in it ("the
        president's office" is someone's)."""
        words = arg["text"].split()
        if any(w.endswith(("'s", "’s")) for w in words):
            return False
        line = self.text[self.sentence_start(self.sentence_of(arg["_at"][0])):arg["_at"][0]]
        return re.search(r"\b[Tt]he\s+" + "".join(re.escape(w) + r"\s+" for w in words[:-1]) + "$", line) is not None

    def person_noun(self, arg: dict[str, Any]) -> str | None:
        """The noun of a definite person description speaker ("the actor", "the 41-year-old singer"), else None."""
        words, at = arg["text"].lower().split(), arg.get("_at")
        if at is None or arg.get("entity") is not None or len(words) > 2 or not words:
            return None
        noun = words[-1]
        if noun not in lexicon().attribution.get("definite_person_nouns", ()):
            return None
        return noun if self._after_the(arg) else None

    def described_person(self, arg: dict[str, Any]) -> bool:
        """"The 46-year-old Brazilian", "the Canadian": a person described by nationality (NER links the demonym
        to the nationality), not the nation speaking. Singular only: an age, or a demonym of one person
        ("-an", "-ian", "-i"); "the French said" is a government."""
        entity = self.entities.get(arg.get("entity") or "")
        words = arg["text"].split()
        if entity is None or entity.type != "NORP" or arg.get("_at") is None or not self._after_the(
                {"text": arg["text"], "_at": arg["_at"]}) or not words or words[-1].endswith("s"):
            return False
        aged = re.match(r"\d+-year-old$", words[0]) is not None
        return aged or (len(words) <= 2 and words[-1].lower().endswith(("an", "i")))

    def continuing(self, noun: str, arg: dict[str, Any], sentence: int,
                   earlier: list[dict[str, Any]], described: bool = False) -> dict[str, Any]:
        """"... said the actor" with no apposition: the previous speaker when reported speech goes on and no one
        else of the noun's gender is named since (resolved as a pronoun would be), else the description kept.
        `described`: a person described by nationality, whose words are not one noun."""
        if len(arg["text"].split()) > 1 and not described:  # "the UN leader": someone else than who spoke before
            return arg
        found = self.resolve(noun, arg["_at"][0], sentence, earlier)
        last = earlier[-1]["speaker"].get("entity") if earlier else None
        if found.get("unresolved") or last is None or found.get("entity") != last:
            return arg
        called = self._nouns_beside(self.entities[last]) if last in self.entities else set()
        if called and noun not in called:  # "X, a farmer, said ... The official said": someone else
            return arg
        if not called and not described and set(self._people_between(earlier[-1]["start"], arg["_at"][0],
                                                                     {"PERSON"})) - {last}:
            return arg  # "X said Y had talked her into it. The director said": X is not known as one, Y may be
        return {"text": arg["text"], "entity": found["entity"], "_at": arg["_at"]}

    def _nouns_beside(self, entity: Entity) -> set[str]:
        """The person nouns the document gives `entity`: its occupation, or a noun beside a mention ("farmer Jo Roe",
        "Jo Roe, a farmer")."""
        from newsintel.extract.antecedents import person_nouns

        nouns = person_nouns() | set(lexicon().attribution.get("definite_person_nouns", ()))
        occupation = (entity.attributes or {}).get("occupation")
        out: set[str] = {occupation.split()[-1].lower()} if isinstance(occupation, str) and occupation else set()
        for mention in entity.mentions:
            before = self.text[max(0, mention.start - 30):mention.start].split()
            after = re.match(r",\s+(?:the|a|an)\s+((?:[\w'’-]+\s+){0,4}?)([\w'’-]+)\s*(?:,|for\b|of\b|at\b|from\b)",
                             self.text[mention.end:mention.end + 80])
            words = ([before[-1].lower()] if before else []) + ([after.group(2).lower()] if after else [])
            out |= {w for w in words if w in nouns}
        return out

    def _apposed(self, end: int, cue: int, types: set[str], kinds: frozenset[str] = frozenset()) -> Entity | None:
        """"The company that runs it, Acme Ltd, denies": a name between commas right before the reporting word."""
        for start, stop, entity in self.mentions.spans:
            if end < start and stop <= cue and (entity.type in types or _name_kinds(entity.name) & kinds) \
                    and self.text[start - 2:start] == ", " \
                    and self.text[stop:cue].strip() in (",", ""):
                return entity
        return None

    def _author(self, end: int, limit: int, of: bool = False) -> Entity | None:
        """"a report by X", "a commentary run by the state-run X", `of`: "the findings of X": X, named right after
        the noun."""
        preps = "by|from|of" if of else "by|from"
        for start, _, entity in self.mentions.spans:
            if end <= start < limit and entity.type in ("ORG", "PERSON") and re.fullmatch(
                    r"\s+(?:(?:run|published|released|issued|carried|written)\s+)?(?:" + preps + r")\s+(?:the\s+)?"
                    r"(?:[\w'’-]+\s+){0,2}", self.text[end:start]):
                return entity
        return None

    def _org_before(self, offset: int, sentence: int, kinds: set[str]) -> Entity | None:
        """The one organisation of a fitting kind named since the start of the previous sentence; of several, the one
        whose name shows the kind ("... Space Administration" for "the agency"). None named there: the one of the
        whole report before it, when it names only one ("Acme ... [a quotation] ... The company also said"), or one
        the report is about: named `dominant_org_mentions` times or more, over twice as often as any other that
        may fit ("Acme" throughout a story of Acme, a newspaper quoted once: "the firm now says"); a business only,
        since a story names international bodies often beside a government it calls "the government"."""
        low = self.sentence_start(sentence - 1)
        found = self._org_since(low, offset, kinds)
        if found is None and self._org_since(low, offset, kinds, every=True) is None:
            found = self._org_since(0, offset, kinds, only=True) or (
                self._dominant(offset, kinds) if "business" in kinds else None)  # not "the government": the UN
        return found

    def _dominant(self, offset: int, kinds: set[str]) -> Entity | None:
        from newsintel.extract.describe import is_place_name

        fits = [e for e, _ in self._people_between(0, offset, {"ORG"}).values() if not is_place_name(e.name)
                and not (_name_kinds(e.name) and not _name_kinds(e.name) & kinds)]
        counts = sorted(((len([m for m in e.mentions if m.start < offset and not self.quoted(m.start)]), e)
                         for e in fits), key=lambda c: -c[0])
        least = lexicon().attribution.get("dominant_org_mentions", 3)
        if counts and counts[0][0] >= least and (len(counts) == 1 or counts[0][0] > 2 * counts[1][0]):
            return counts[0][1]
        return None

    def _org_since(self, low: int, offset: int, kinds: set[str], every: bool = False,
                   only: bool = False) -> Entity | None:
        """`_org_before` from `low`: `every`, any organisation; `only`, none when several of any kind are named."""
        from newsintel.extract.describe import is_place_name

        modifiers = set(lexicon().attribution.get("org_modifier_nouns", ()))
        named = self._people_between(low, offset, {"ORG"})
        for start, end, entity in self.mentions.spans:  # "a Bloomberg report": not the organisation acting
            if low <= start < offset and entity.id in named and (self.text[end:end + 30].split() or [""])[0].strip(
                    ".,;:").lower() in modifiers:
                named.pop(entity.id)
        fits = [e for e, _ in named.values() if not is_place_name(e.name) and not e.name.startswith("@") and (
            every or not (_name_kinds(e.name) and not _name_kinds(e.name) & kinds))]  # a handle signs a post
        if every:
            return fits[0] if fits else None
        if only:  # the report's one body of that kind: its name shows the kind, or a firm named more than once
            fits = [e for e in fits if _name_kinds(e.name) & kinds or (kinds == {"business"} and len(
                [m for m in e.mentions if m.start < offset]) > 1)] if len(fits) == 1 else []
        if len(fits) > 1:  # "NASA's Operation IceBridge ... the space agency said": the one whose name shows the kind
            fits = [e for e in fits if _name_kinds(e.name) & kinds]
        return fits[0] if len(fits) == 1 else None

    def _titled(self, noun: str, named: list[str], offset: int, sentence: int) -> Entity | None:
        """"The UN leader said" after "UN Secretary-General Jo Roe ... Roe called for ...": the one person named
        (outside quotations) since the start of the previous sentence whose title, written before one of their
        mentions, holds the description's name words ("UN") and its noun, or any title when the noun is a
        leader's (`leader_nouns`: "leader", "chief"). Else None: the description is kept."""
        people = self._people_between(self.sentence_start(sentence - 1), offset, {"PERSON"})
        fits = [e for e, _ in people.values() if self._title_fits(e, noun, named, offset)]
        return fits[0] if len(fits) == 1 else None

    def _title_fits(self, entity: Entity, noun: str, named: list[str], offset: int) -> bool:
        att = lexicon().attribution
        connectors = set(att.get("title_connectors", ()))
        wanted = {w.replace(".", "").lower() for w in named}
        for mention in entity.mentions:
            if mention.start >= offset:
                continue
            words: list[str] = []
            for word in reversed(self.text[max(0, mention.start - 80):mention.start].split()):
                if word[-1:] in ",.;:)\"”" or len(words) >= 6 or not (word[:1].isupper() or word in connectors):
                    break
                words.append(word)
            extra = mention.text.split()[:-len(entity.name.split())] if mention.text != entity.name else []
            title = {p.replace(".", "").lower() for w in words + extra for p in re.split(r"[-–]", w)}
            if wanted <= title and (noun in title or (title - wanted and noun in att.get("leader_nouns", ()))):
                return True
        return False

    def _given_noun(self, words: list[str], offset: int) -> Entity | None:
        """The one organisation or person the text gave the description's words before `offset`: a name ending
        with them ("the circus": "the Barnum & Bailey Circus"), the words right before a name ("chipmaker Acme"),
        a name with them in apposition ("Acme, the chipmaker,"), or them with the name in apposition ("the law firm
        at the centre of the leak, Roe & Co"). None when no entity or more than one was given them, counting a name
        the words may only follow (", a student living in Nice", ", a source close to the talks said")."""
        phrase = r"\s+".join(re.escape(w) for w in words)
        before = re.compile(rf"\b{phrase}\s+$", re.I)
        after = re.compile(rf"^,\s+(?:the|a|an)\s+(?:[\w'’-]+\s+){{0,3}}?{phrase}\b(\s*[,;.—–)])?", re.I)
        apposed = re.compile(rf"\b[Tt]he\s+{phrase}\b[^.;:\"“”]{{0,80}},\s+$")
        ending = [w.lower() for w in words]
        fits: dict[str, Entity] = {}
        maybe: set[str] = set()
        for start, end, entity in self.mentions.spans:
            if end > offset or entity.type not in ("ORG", "PERSON"):
                continue
            named = [w.lower() for w in self.text[start:end].split()]
            follows = after.match(self.text[end:end + 60])
            if (len(named) > len(ending) and named[-len(ending):] == ending) or before.search(
                    self.text[max(0, start - 40):start]) or (follows and follows.group(1)) or (
                    apposed.search(self.text[max(0, start - 120):start]) and _CLOSES_APPOSITION.match(self.text, end)):
                fits[entity.id] = entity
            elif follows:
                maybe.add(entity.id)
        return next(iter(fits.values())) if len(fits) == 1 and not maybe - set(fits) else None

    def named_next(self, arg: dict[str, Any]) -> dict[str, Any]:
        """"A spokeswoman for the ministry said ... 'We ...,' said the spokeswoman, Jo Roe": a person description
        that the text names right after, by a name apposed to "the" and the same noun, before the end of the next
        sentence; linked to that one person (text kept as written), else `arg` unchanged."""
        at, words = arg.get("_at"), arg.get("_core", arg["text"]).lower().split()
        if at is None or arg.get("unresolved") or not words or words[-1] not in lexicon().attribution.get(
                "definite_person_nouns", ()):
            return arg
        after = self.sentence_of(at[0]) + 2
        limit = self.sentence_start(after) if self.sentence_start(after) > self.sentence_start(after - 1) \
            else len(self.text)  # the last sentences: to the end
        apposed = re.compile(rf"\b[Tt]he\s+(?:[\w'’-]+\s+){{0,3}}?{re.escape(words[-1])},\s+$")
        fits = {entity.id: entity for start, _, entity in self.mentions.spans
                if at[1] <= start < limit and entity.type == "PERSON"
                and apposed.search(self.text[max(0, start - 60):start])}
        if len(fits) != 1:
            return arg
        return {**arg, "entity": next(iter(fits))}

    def _person_called(self, noun: str, offset: int) -> Entity | None:
        """The one person named before `offset` with `noun` beside a mention ("actor Jane Roe", "Jane Roe, the
        actor")."""
        before = re.compile(rf"\b{re.escape(noun)}s?\s+$", re.I)
        after = re.compile(rf"^,\s+(?:the|a|an)\s+(?:[\w'’-]+\s+){{0,3}}{re.escape(noun)}\b", re.I)
        fits: dict[str, Entity] = {}
        for start, end, entity in self.mentions.spans:
            if entity.type == "PERSON" and end <= offset and (before.search(self.text[max(0, start - 30):start])
                                                               or after.search(self.text[end:end + 50])):
                fits[entity.id] = entity
        return next(iter(fits.values())) if len(fits) == 1 else None
