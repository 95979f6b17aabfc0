"""Headline facts: the title read as its own short text, with headline conventions, merged with the body.

Headlines often carry a report's main claim, hedged ("... may have fled to ..."), planned ("Minister to resign"),
asked ("Did X ...?") or attributed ("Police: two held after raid"). The title is parsed apart from the body (body
offsets never move: every gold set and stored mention keys on them), by the same pipeline and the same event and
claim extraction. Conventions of headline English are data (`data/headlines.yaml`).

Precision first, because a headline fact is wrong more often than a body fact (puns, wordplay, title case):
- the title is parsed from a copy of the same length ("parse text") where page labels ("WATCH:"), a speaker
  prefix or suffix and a site name are blanked, and a title-case or capitalised headline is put in sentence case
  except for the words the body writes as names, so title case makes no names;
- headline names link to the body's entities (full name, alias or a surname only one body person bears); a name
  the body does not have makes no entity (the argument keeps its text, with no entity);
- a headline event that is a body event (same type, a shared resolved participant or place, compatible dates, or
  with nothing resolved the body lead's event of that type) is not a second fact: the body event records
  `"headline": true` and `"headline_modality"`; the rest stay as facts with `"section": "headline"`, offsets into
  the title, sentence -1 and confidence weakened by `headline_only` (`data/confidence.yaml`).
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from typing import Any

from spacy.lang.en.stop_words import STOP_WORDS
from spacy.language import Language
from spacy.tokens import Doc, Token

from newsintel.extract import extract_facts
from newsintel.extract.confidence import settings as confidence_settings
from newsintel.extract.lexicon import lexicon
from newsintel.extract.parse import parse_sentences
from newsintel.model import DocumentInfo, Entity, Mention, Record, Sentence
from newsintel.resources import load_yaml

HEADLINE_SENTENCE = -1  # facts of the title: their offsets index the title, not the body
LOCAL_ID = "-h-"  # in the id of an entity the title names and the body does not (never stored)
PLACE_ROLES = ("location", "origin", "destination", "via")
_WORD = re.compile(r"[^\W\d_][\w'’.&-]*|\d[\w,.]*")
_NAME_WORD = re.compile(r"(?<![.!?:\"“‘'\n]\s)(?<!^)\b[A-Z][\w'’-]*", re.M)


@functools.cache
def conventions() -> dict[str, Any]:
    return load_yaml("headlines.yaml")


@dataclass(slots=True)
class HeadlinePlan:
    """What to parse of a title, and the conventions its wording shows."""

    title: str
    text: str  # same length as `title`: furniture blanked, title case put in sentence case; parsed instead of it
    speaker: tuple[int, int] | None  # offsets of a "Police:" prefix or ": army" suffix
    question: bool
    hedged: bool


def _words(text: str) -> list[str]:
    return [w.lower() for w in _WORD.findall(text)]


def _has_phrase(text: str, phrases: list[str]) -> bool:
    low = " " + " ".join(_words(text)) + " "
    return any(f" {p.lower()} " in low for p in phrases)


def _site_end(title: str, source: str | None) -> int:
    """Where the headline ends before a site name ("... | Reuters", "... - Auto News")."""
    cfg = conventions()
    end = len(title)
    for sep in cfg["site_separators"]:
        at = title.rfind(sep)
        if at <= 0:
            continue
        tail = title[at + len(sep):].strip()
        words = tail.split()
        publisher = bool(source) and _words(tail) and set(_words(tail)) <= {*_words(source or ""), "news"}
        short_title_case = 0 < len(words) <= cfg["site_name_max_words"] and all(
            w[:1].isupper() or not w[:1].isalpha() for w in words)
        if sep.strip() == "|" or publisher or (short_title_case and len(title[:at].split()) >= 3):
            end = min(end, at)
    return end


def _blank(text: str, start: int, end: int) -> str:
    return text[:start] + " " * (end - start) + text[end:]


def _is_speaker(words: list[str], names: set[str]) -> bool:
    """A short prefix or suffix that names who says it: a speaker noun, or a name the body writes as one."""
    cfg = conventions()
    if not words or len(words) > cfg["speaker_max_words"]:
        return False
    phrase = " ".join(words)
    nouns = {n.lower() for n in cfg["speaker_nouns"]}
    return phrase in nouns or words[-1] in nouns or phrase in names


def body_name_words(body: str) -> set[str]:
    """Words the body writes capitalised where no sentence starts: its names ("Haliti", "Raqqa", "UN")."""
    return {m.group() for m in _NAME_WORD.finditer(body)}


def _common_words(body: str) -> frozenset[str]:
    """Lower-case words a title-case headline may hold: English stop words, trigger and cue words in any
    inflection, and every word the body writes in lower case."""
    return frozenset(STOP_WORDS) | lexicon().surface_words | frozenset(re.findall(r"\b[a-z][a-z'’-]*\b", body))


def _sentence_case(text: str, names: set[str], start: int, common: frozenset[str]) -> str:
    """A title-case or capitalised headline in sentence case: a word the body writes as a name keeps the body's
    spelling, a common word is put in lower case, any other word (a name the body lacks) keeps its capital; each
    word keeps its length, so offsets hold."""
    lower_names = {n.lower(): n for n in names}
    out = list(text)
    first = True
    for m in _WORD.finditer(text):
        word = m.group()
        if m.start() < start or not word[:1].isalpha():
            continue
        low = word.lower()
        known = lower_names.get(low)
        if known is not None:
            new = known
        elif first or low not in common:
            new = word[0] + low[1:] if word.isupper() and len(word) > 4 else word  # "TURKEY"; "UN" stays
        else:
            new = low
        first = False
        if len(new) == len(word):
            out[m.start():m.end()] = new
    return "".join(out)


def _title_cased(text: str) -> bool:
    words = [w for w in _WORD.findall(text) if w[:1].isalpha()][1:]
    if len(words) < 3:
        return False
    if all(w.isupper() for w in words if len(w) > 1):
        return True
    return sum(1 for w in words if w[:1].isupper()) >= 0.75 * len(words)


def _copies_lead(title: str, body: str) -> bool:
    cfg = conventions()
    words = _words(title)
    lead = _words(body[: cfg["copy_window_chars"]])
    if not words:
        return True
    n = sum(1 for a, b in zip(words, lead, strict=False) if a == b)
    return n >= cfg["copy_share"] * len(words)


def plan_headline(info: DocumentInfo) -> HeadlinePlan | None:
    """The title to read for facts, or None: no title, too long, a copy of the body's opening, an opinion."""
    cfg = conventions()
    title = (info.title or "").replace("\n", " ")
    if not title.strip() or len(title) > cfg["max_chars"] or len(title) > len(info.text):
        return None
    if _copies_lead(title, info.text):
        return None
    text = _blank(title, _site_end(title, info.source), len(title))
    names = body_name_words(info.text)
    body_names = {w.lower() for w in names}
    speaker = None
    suffix = re.search(r":\s*([^:]{1,40})\s*$", text)
    if suffix and _is_speaker(_words(suffix.group(1)), body_names):  # "... punched a soldier: army"
        speaker = (suffix.start(1), suffix.end(1))
        text = _blank(text, suffix.start(), len(text))
    for _ in range(2):  # "UPDATE: Police: ..." — a label, then a speaker or a topic
        colon = re.match(r"\s*([^:|]{1,40}?)\s*[:|]\s+", text)
        if not colon:
            break
        words = _words(colon.group(1))
        phrase = " ".join(words)
        if phrase in {w.lower() for w in cfg["no_fact_labels"]}:
            return None
        if phrase in {w.lower() for w in cfg["labels"]}:
            text = _blank(text, 0, colon.end())
            continue
        if speaker is None and _is_speaker(words, body_names):
            speaker = (colon.start(1), colon.end(1))
        elif len(words) > cfg["topic_max_words"]:
            break  # a clause before a colon is the statement itself
        text = _blank(text, 0, colon.end())  # a topic ("Brexit:") or the speaker: neither is in the statement
        break
    body = text.strip()
    if not body or len(_words(body)) < 2:
        return None
    if body[:1] in "\"“‘'" and body[-1:] in "\"”’'" and speaker is None:
        return None  # a quoted headline with no speaker: who says it is unknown
    first = len(text) - len(text.lstrip())
    if _title_cased(body):
        text = _sentence_case(text, names, first, _common_words(info.text))
    words = _words(body)
    question = body.endswith("?") or (words[0] in cfg["question_openers"] and not body.endswith("."))
    return HeadlinePlan(title, text, speaker, question, _has_phrase(body, cfg["hedges"]))


# --------------------------------------------------------------------------
# Names: the title's entities linked to the body's
# --------------------------------------------------------------------------


def _fold(text: str) -> str:
    text = re.sub(r"['’]s$", "", text.strip())
    return " ".join(_words(text))


def _body_keys(entities: list[Entity]) -> dict[str, Entity]:
    """Folded name, alias, mention text, or the surname of one body person -> the body entity (unique keys only)."""
    keys: dict[str, set[str]] = {}
    by_id = {e.id: e for e in entities}
    for entity in entities:
        forms = {entity.name, *entity.aliases, *(m.text for m in entity.mentions)}
        if entity.type == "PERSON":
            forms |= {f.split()[-1] for f in list(forms) if len(f.split()) > 1}
        for form in forms:
            key = _fold(form)
            if len(key) >= 2:
                keys.setdefault(key, set()).add(entity.id)
    return {k: by_id[next(iter(ids))] for k, ids in keys.items() if len(ids) == 1}


def _copy_of(body: Entity, mentions: list[Mention]) -> Entity:
    return Entity(body.id, body.name, body.type, list(body.aliases), mentions, dict(body.attributes), body.geo)


def link_entities(title_entities: list[Entity], body: list[Entity], plan: HeadlinePlan) -> list[Entity]:
    """The title's entities as body entities (same id) where the body names them; a name only the title has is kept
    (a local id, never stored) unless it is a lone word tagged PERSON, or the headline is in title case and it is
    no place the gazetteer resolves."""
    keys = _body_keys(body)
    linked: dict[str, Entity] = {}
    taken: list[tuple[int, int]] = []
    text = plan.text.lower()
    for key in sorted(keys, key=len, reverse=True):  # body names the NER missed in the headline
        for m in re.finditer(rf"(?<![\w-]){re.escape(key)}(?![\w-])", text):
            if any(m.start() < e and s < m.end() for s, e in taken):
                continue
            if len(key) < 4 and plan.title[m.start():m.end()].lower() == plan.title[m.start():m.end()]:
                continue  # "us", "un" in lower case are words
            taken.append((m.start(), m.end()))
            entity = keys[key]
            mention = Mention(plan.title[m.start():m.end()], m.start(), m.end(), 0, entity.type)
            linked.setdefault(entity.id, _copy_of(entity, [])).mentions.append(mention)
    title_case = _title_cased(plan.title)
    local: list[Entity] = []
    for entity in title_entities:
        mentions = [m for m in entity.mentions if not any(m.start < e and s < m.end for s, e in taken)]
        if not mentions:
            continue
        found = next((keys[k] for k in (_fold(m.text) for m in mentions) if k in keys), None)
        if found is not None:
            linked.setdefault(found.id, _copy_of(found, [])).mentions.extend(mentions)
        elif (entity.geo is not None if title_case else not (entity.type == "PERSON" and len(entity.name.split()) < 2)):
            local.append(Entity(entity.id, entity.name, entity.type, [], mentions, {}, entity.geo))
    return [*linked.values(), *local]


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
    moved = [a for a in event["actors"] if (_words(a.get("text") or "") or [""])[-1] == head]
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
    return any(a.get("kind") in ("named", "described") and _words(a.get("text") or "")
               and _words(a["text"])[-1] not in conventions()["not_participants"]
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
    ("ISIS claims attack, FBI says gunman had no connection")."""
    if (claim["speaker"].get("kind") or "named") not in ("named", "described"):
        return False
    content = claim.get("content") or ""
    if len(_words(content)) < confidence_settings()["claims"]["short_content_words"]:
        return False
    at = title.find(content)
    return not (at >= 0 and at + len(content) <= claim["start"] and len(_words(title[claim["end"]:])) > 2)


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
    return {(_words(a["text"]) or [""])[-1] for r in ("actors", "targets") for a in event.get(r, [])
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
    words = set(_words(claim.get("content") or ""))
    speaker = claim["speaker"]
    for other in body:
        who = other["speaker"]
        same_speaker = (speaker.get("entity") and speaker["entity"] == who.get("entity")) or (
            set(_words(speaker.get("text") or "")) & set(_words(who.get("text") or "")))
        if same_speaker and len(words & set(_words(other.get("content") or ""))) >= 0.5 * max(1, len(words)):
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
