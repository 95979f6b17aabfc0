"""Headline facts: the title read as its own short text, with headline conventions, merged with the body.

Headlines often carry a report's main claim, hedged ("... may have fled to ..."), planned ("Minister to resign"),
asked ("Did X ...?") or attributed ("Police: two held after raid"). The title is parsed apart from the body (body
offsets never move: every gold set and stored mention keys on them), by the same pipeline and the same event and
claim extraction. Conventions of headline English are data (`data/headlines.yaml`).

Precision first, because a headline fact is wrong more often than a body fact (puns, wordplay, title case):
- what is parsed of the title, and how its names link to the body's entities, is `headline_text.py`; a name the
  body does not have makes no entity (the argument keeps its text, with no entity);
- a headline event that is a body event (same type, a shared resolved participant or place, compatible dates, or
  with nothing resolved the body lead's event of that type) is not a second fact: the body event records
  `"headline": true` and `"headline_modality"`; the rest stay as facts with `"section": "headline"`, offsets into
  the title, sentence -1 and confidence weakened by `headline_only` (`data/confidence.yaml`).
"""

from __future__ import annotations

from typing import Any

from spacy.language import Language
from spacy.tokens import Doc, Token

from newsintel.extract import extract_facts
from newsintel.extract.confidence import settings as confidence_settings
from newsintel.extract.headline_text import LOCAL_ID, HeadlinePlan, conventions, link_entities, plan_headline, words
from newsintel.extract.parse import parse_sentences
from newsintel.model import DocumentInfo, Entity, Record, Sentence

__all__ = ["HeadlinePlan", "add_headline_facts", "body_match", "plan_headline"]
HEADLINE_SENTENCE = -1  # facts of the title: their offsets index the title, not the body
PLACE_ROLES = ("location", "origin", "destination", "via")


# --------------------------------------------------------------------------
# Facts of the title, with headline modality
# --------------------------------------------------------------------------


class _TitleParse:
    """The title's dependency parse, made only when a headline event needs its trigger's word (most titles hold
    no event, and the parse `extract_facts` made is not kept)."""

    def __init__(self, nlp: Language, doc: Doc) -> None:
        self.nlp, self.doc = nlp, doc
        self._parsed: list | None = None

    def token(self, start: int) -> Token | None:
        if self._parsed is None:
            self._parsed = parse_sentences(self.nlp, self.doc, [(0, self.doc[:])])
        for ps in self._parsed:
            for token in ps.doc:
                if ps.offset + token.idx == start:
                    return token
        return None


def _to_infinitive(token: Token | None) -> bool:
    """"Minister to resign": the trigger is a verb with "to" and no verb governing it."""
    if token is None or token.pos_ not in ("VERB", "AUX"):
        return False
    has_to = any(c.dep_ == "aux" and c.lower_ == "to" for c in token.children)
    return has_to and (token.dep_ == "ROOT" or token.head.pos_ in ("NOUN", "PROPN"))


def _bare_passive(event: dict[str, Any], token: Token | None) -> None:
    """"Smuggler arrested in raid", "Driver arrested", "Two held": a participle with no auxiliary (nor object) is a
    passive in headline English; its noun is the target, not the actor, for the types in `passive_types`."""
    if token is None or event["type"] not in conventions()["passive_types"] or any(
            c.dep_ in ("aux", "auxpass", "agent", "dobj") for c in token.children):
        return
    if token.tag_ == "VBN" and token.dep_ == "acl":
        head = token.head.lower_
    elif token.tag_ in ("VBN", "VBD") and token.lower_.endswith("ed"):
        subject = next((c for c in token.children if c.dep_ == "nsubj"), None)
        if subject is None:
            return
        head = subject.lower_
    else:
        return
    moved = [a for a in event["actors"] if (words(a.get("text") or "") or [""])[-1] == head]
    event["actors"] = [a for a in event["actors"] if a not in moved]
    event["targets"] = event["targets"] + [a for a in moved if a not in event["targets"]]


def _stands_alone(event: dict[str, Any], token: Token | None) -> bool:
    """A headline event kept as a fact of its own. Precision first: wordplay and other senses are common in
    headlines, so only a finite verb or participle (a noun such as "Gaziantep raid" or "trafficking" names an event
    too loosely), not conditional, with a participant that is a name or a described person or group (not only
    "who", "we", "decision"); a word with common other senses (`ambiguous_triggers` of data/confidence.yaml:
    "captures", "storming", "killed" in a crash) also needs a participant the body names and a place."""
    if token is None or token.pos_ not in ("VERB", "AUX") or token.tag_ == "VBG":
        return False
    if event["modality"] == "conditional":
        return False
    named = any(a.get("entity") for role in ("actors", "targets") for a in event[role])
    placed = any(event[role] for role in PLACE_ROLES)
    if token.lemma_.lower() in confidence_settings()["events"]["ambiguous_triggers"] and not (named and placed):
        return False  # "return", "leave" need a name the body knows and a place: "Haddad to return to Syria"
    for role in ("actors", "targets"):
        event[role] = [a for a in event[role] if a.get("kind") != "other"]
    return any(a.get("kind") in ("named", "described") and words(a.get("text") or "")
               and words(a["text"])[-1] not in conventions()["not_participants"]
               for role in ("actors", "targets") for a in event[role])


def _not_a_report(claim: dict[str, Any], parse: _TitleParse) -> bool:
    """"Moroccan accused of helping fighters": a reporting participle with no auxiliary describes, it reports
    nothing (and its noun is no speaker); "Hackers feared to have stolen": the verb with "to" says what others
    fear of its subject."""
    token = parse.token(claim["start"])
    if token is None:
        return False
    participle = token.tag_ == "VBN" and not any(c.dep_ in ("aux", "auxpass") for c in token.children)
    raising = token.i + 1 < len(token.doc) and token.nbor().lower_ == "to"
    return participle or raising


def _claim_stands_alone(claim: dict[str, Any], title: str) -> bool:
    """A headline claim kept as a fact of its own: a speaker that is a name or a described person or group (not
    "Panama leak", "First map"), content of at least `short_content_words` words (shorter ones in headlines are
    mostly another sense: "Steelers claim a playoff bye"), and not a clause before a cue that has its own after it
    ("ISIS claims attack, FBI says gunman had no connection") or is followed by a speaker that was not found
    ("..., claim passengers")."""
    if (claim["speaker"].get("kind") or "named") not in ("named", "described"):
        return False
    content = claim.get("content") or ""
    if len(words(content)) < confidence_settings()["claims"]["short_content_words"]:
        return False
    at = title.find(content)
    tail = words(title[claim["end"]:])
    speaker = set(words(claim["speaker"].get("text") or ""))
    before_cue = at >= 0 and at + len(content) <= claim["start"]
    # "... crash that killed seven, claim passengers": the speaker is after the cue, and was not found
    return not (before_cue and (len(tail) > 2 or (tail and not speaker & set(tail))))


def _headline_modality(current: str, plan: HeadlinePlan, token: Token | None) -> str:
    if current in ("negated", "conditional"):
        return current
    if plan.question:
        return "hedged"
    if current != "asserted":
        return current
    if plan.hedged:
        return "hedged"
    return conventions()["to_infinitive_modality"] if _to_infinitive(token) else current


def _speaker_arg(plan: HeadlinePlan, entities: list[Entity]) -> dict[str, Any] | None:
    if plan.speaker is None:
        return None
    start, end = plan.speaker
    entity = next((e for e in entities if LOCAL_ID not in e.id and any(
        m.start < end and start < m.end for m in e.mentions)), None)
    return {"text": plan.title[start:end], "entity": entity.id if entity else None,
            "kind": "named" if entity else "described", "group": None, "nationality": None, "role": None,
            "count": None}


def _public_arg(arg: dict[str, Any], title: str, parse_text: str) -> dict[str, Any]:
    """An argument of a title fact: body entity ids only, no title-local actor, the title's own spelling."""
    out = {k: v for k, v in arg.items() if k != "actor"}
    if out.get("entity") and LOCAL_ID in out["entity"]:
        out["entity"] = None
    text = out.get("text") or ""
    at = parse_text.find(text) if text else -1
    if at >= 0:
        out["text"] = title[at: at + len(text)]
    if isinstance(out.get("group"), dict) and LOCAL_ID in (out["group"].get("entity") or ""):
        out["group"] = {**out["group"], "entity": None}
    return out


def _publish(fact: dict[str, Any], plan: HeadlinePlan, roles: tuple[str, ...]) -> None:
    for role in roles:
        value = fact.get(role)
        if isinstance(value, list):
            fact[role] = [_public_arg(a, plan.title, plan.text) for a in value]
        elif isinstance(value, dict) and "text" in value:
            fact[role] = _public_arg(value, plan.title, plan.text)
    if fact.get("attribution"):
        fact["attribution"] = {**fact["attribution"],
                               "speaker": _public_arg(fact["attribution"]["speaker"], plan.title, plan.text)}
    if "trigger" in fact:
        fact["trigger"] = plan.title[fact["start"]:fact["end"]]
    content = fact.get("content")
    at = plan.text.find(content) if isinstance(content, str) and content else -1
    if at >= 0:
        fact["content"] = plan.title[at: at + len(content)]
    fact["section"] = "headline"
    fact["sentence"] = HEADLINE_SENTENCE


# --------------------------------------------------------------------------
# Merging with the body
# --------------------------------------------------------------------------


def _ids(event: dict[str, Any], roles: tuple[str, ...]) -> set[str]:
    return {a["entity"] for r in roles for a in event.get(r, []) if a.get("entity")}


def _heads(event: dict[str, Any]) -> set[str]:
    return {(words(a["text"]) or [""])[-1] for r in ("actors", "targets") for a in event.get(r, [])
            if not a.get("entity") and a.get("text")}


def _dates_fit(a: dict[str, Any], b: dict[str, Any]) -> bool:
    ta, tb = (a.get("time") or {}).get("value"), (b.get("time") or {}).get("value")
    if not ta or not tb:
        return True
    a0, _, a1 = ta.partition("/")
    b0, _, b1 = tb.partition("/")
    return a0[:10] <= (b1 or b0)[:10] and b0[:10] <= (a1 or a0)[:10]


def body_match(event: dict[str, Any], body: list[dict[str, Any]], people_ids: set[str]) -> dict[str, Any] | None:
    """The body event a headline event reports, or None: same type and dates that fit, then a shared resolved
    participant or place; failing that, the body lead's event of that type, unless the headline names a person
    that event lacks. Merging only drops the headline's copy, so it may be generous."""
    people, places = _ids(event, ("actors", "targets")), _ids(event, PLACE_ROLES)
    best, best_score = None, 0
    lead = conventions()["lead_sentences"]
    for other in body:
        if other["type"] != event["type"] or other.get("section") == "headline" or not _dates_fit(event, other):
            continue
        theirs = _ids(other, ("actors", "targets"))
        score = 3 * len(people & theirs) + 2 * len(places & _ids(other, PLACE_ROLES))
        if not score and other["sentence"] < lead and not (people & people_ids) - theirs:
            score = 1 + bool(_heads(event) & _heads(other))
        if score > best_score:
            best, best_score = other, score
    return best


def _same_claim(claim: dict[str, Any], body: list[dict[str, Any]]) -> bool:
    said = set(words(claim.get("content") or ""))
    speaker = claim["speaker"]
    for other in body:
        who = other["speaker"]
        same_speaker = (speaker.get("entity") and speaker["entity"] == who.get("entity")) or (
            set(words(speaker.get("text") or "")) & set(words(who.get("text") or "")))
        if same_speaker and len(said & set(words(other.get("content") or ""))) >= 0.5 * max(1, len(said)):
            return True
    return False


def _weaken(fact: dict[str, Any], kind: str) -> None:
    factor = float(confidence_settings()[kind]["factors"]["headline_only"])
    fact["confidence"] = round(fact.get("confidence", 1.0) * factor, 2)
    fact.setdefault("why", []).append("-headline_only")


def add_headline_facts(nlp: Language, doc: Doc, plan: HeadlinePlan, record: Record,
                       title_entities: list[Entity]) -> None:
    """Read `doc` (the parsed `plan.text`) for events and claims, merge them into `record` (see the module)."""
    info = record.document
    entities = link_entities(title_entities, record.entities, plan)
    tokens = [t for t in doc if not t.is_space]
    if not tokens:
        return
    sentence = Sentence(0, tokens[0].idx, tokens[-1].idx + len(tokens[-1].text))
    title_info = DocumentInfo(id=info.id, title=None, source=info.source, url=info.url, published=info.published,
                              text=plan.text, language=info.language)
    title_record = Record(document=title_info, sentences=[sentence], entities=entities)
    extract_facts(nlp, doc, title_record)
    parse = _TitleParse(nlp, doc)
    speaker = _speaker_arg(plan, entities)
    body_events = list(record.events)
    people_ids = {e.id for e in record.entities if e.type == "PERSON"}
    claims = [c for c in title_record.claims if not _not_a_report(c, parse)]
    not_reports = {(c["start"], c["end"]) for c in title_record.claims if c not in claims}
    for event in title_record.events:
        token = parse.token(event["start"])
        event["modality"] = _headline_modality(event["modality"], plan, token)
        _bare_passive(event, token)
        att = event.get("attribution")
        if att and any(att["speaker"].get("text") == c["speaker"].get("text") for c in title_record.claims
                       if (c["start"], c["end"]) in not_reports):
            event["attribution"] = None
        if speaker is not None and not event.get("attribution"):
            event["attribution"] = {"speaker": speaker, "cue": ":"}
        _publish(event, plan, ("actors", "targets", *PLACE_ROLES))
        match = body_match(event, body_events, people_ids)
        if match is not None:
            match["headline"] = True
            match["headline_modality"] = event["modality"]
        elif _stands_alone(event, token):
            _weaken(event, "events")
            record.events.append(event)
    for claim in claims:
        _publish(claim, plan, ("speaker",))
        if plan.question:
            claim["modality"] = "hedged"
        if _claim_stands_alone(claim, plan.title) and not _same_claim(claim, record.claims):
            _weaken(claim, "claims")
            record.claims.append(claim)
