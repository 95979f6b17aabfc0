"""Evidence features of an extracted event or claim, for measuring which evidence separates right facts from wrong.

Used by `evaluation.calibration_audit` (judged audit items) and `evaluation.calibration` (development gold): each
fact gets a few `name=value` labels computed from its record (argument kinds, entity types, place present, sentence
shape, modality, time, ...), and the reports print the share of right facts per label. Generic evidence only: no
label names a word of one judged sentence.
"""

from __future__ import annotations

from typing import Any

PLACE_ROLES = ("location", "origin", "destination", "via")
PLACE_TYPES = {"GPE", "LOC", "FAC"}


def _entity_types(record: dict[str, Any]) -> dict[str, str]:
    return {e["id"]: e.get("type", "") for e in record.get("entities") or []}


def sentence_text(record: dict[str, Any], index: int) -> str:
    if index is None or index < 0:
        return record["document"].get("title") or ""
    sentences = record.get("sentences") or []
    if index >= len(sentences):
        return ""
    s = sentences[index]
    return record["document"]["text"][s["start"]:s["end"]]


def _arg_kind(arg: dict[str, Any], types: dict[str, str]) -> str:
    kind = arg.get("kind") or "?"
    if arg.get("entity") and types.get(arg["entity"]):
        return f"{kind}:{types[arg['entity']]}"
    return kind


def _mentions_in_sentence(record: dict[str, Any], index: int, wanted: set[str]) -> list[str]:
    out = []
    for entity in record.get("entities") or []:
        if entity.get("type") in wanted:
            out += [m["text"] for m in entity.get("mentions") or [] if m.get("sentence") == index]
    return out


def _length_band(words: int) -> str:
    return "<=12" if words <= 12 else "13-25" if words <= 25 else "26-45" if words <= 45 else ">45"


def event_features(event: dict[str, Any], record: dict[str, Any]) -> list[str]:
    types = _entity_types(record)
    out = [f"type={event['type']}"]
    for reason in event.get("why") or []:
        if reason.startswith("-"):
            out.append("why=" + reason[1:].split(":")[0])
        elif reason.startswith("trigger"):
            out.append("pos=" + reason.rsplit(" ", 1)[-1].rstrip(")"))
    for role in ("actors", "targets"):
        args = event.get(role) or []
        out.append(f"{role}=" + ("none" if not args else "+".join(sorted({_arg_kind(a, types) for a in args}))))
    for role in ("actors", "targets"):
        for arg in event.get(role) or []:
            if arg.get("kind") == "other":
                number = any(c.isdigit() for c in arg.get("text") or "")
                out.append(f"{role}_other=" + ("number" if number else "thing"))
                out.append(f"{role}_other_in={event['type']}")
    places = [a for role in PLACE_ROLES for a in event.get(role) or []]
    out.append("place=" + ("yes" if places else "no"))
    sentence = event.get("sentence", 0)
    loose = [m for m in _mentions_in_sentence(record, sentence, PLACE_TYPES)
             if not any(m in (p.get("text") or "") for p in places)]
    out.append("place_in_sentence_unattached=" + ("yes" if loose else "no"))
    time = event.get("time")
    out.append("time=" + ("own" if time else "report"))
    out.append(f"modality={event.get('modality')}")
    out.append("attributed=" + ("yes" if event.get("attribution") else "no"))
    text = sentence_text(record, sentence)
    out += _sentence_shape(text)
    out.append("section=" + ("headline" if sentence == -1 else "lead" if sentence < 3 else "body"))
    events = record.get("events") or []
    same = sum(1 for e in events if e is not event and e["type"] == event["type"])
    out.append("same_type_in_report=" + ("0" if not same else "1-2" if same <= 2 else "3+"))
    out.append("events_in_report=" + ("1" if len(events) <= 1 else "2-4" if len(events) <= 4 else "5+"))
    return out


def _sentence_shape(text: str) -> list[str]:
    words = text.split()
    out = [f"words={_length_band(len(words))}"]
    stripped = text.rstrip("\"'”’ )")
    out.append("ends_with_stop=" + ("yes" if stripped.endswith((".", "!", "?")) else "no"))
    out.append("question=" + ("yes" if stripped.endswith("?") else "no"))
    upper_run = run = 0
    for word in words:
        run = run + 1 if word.isupper() and sum(c.isalpha() for c in word) > 1 else 0
        upper_run = max(upper_run, run)
    out.append("caps_run=" + ("yes" if upper_run >= 3 else "no"))
    out.append("colons=" + ("2+" if text.count(":") >= 2 else str(text.count(":"))))
    out.append("label_colon=" + ("yes" if ":" in " ".join(words[:5]) else "no"))
    quoted = any(q in text for q in "\"“”")
    out.append("quote_marks=" + ("yes" if quoted else "no"))
    first = {w.lower().strip(",.;:\"“”'’") for w in words}
    out.append("first_or_second_person=" + ("yes" if first & {"i", "we", "you", "my", "our", "your"} else "no"))
    return out


def claim_features(claim: dict[str, Any], record: dict[str, Any]) -> list[str]:
    types = _entity_types(record)
    speaker = claim.get("speaker") or {}
    out = ["speaker=" + (_arg_kind(speaker, types) if speaker.get("text") else "none")]
    if speaker.get("unresolved"):
        out.append("speaker_unresolved=yes")
    for reason in claim.get("why") or []:
        if reason.startswith("-"):
            out.append("why=" + reason[1:].split(":")[0])
    sentence = claim.get("sentence", 0)
    people = _mentions_in_sentence(record, sentence, {"PERSON"})
    named_nearby = [p for p in people if p not in (speaker.get("text") or "")]
    if speaker.get("kind") not in ("named", None) or not speaker.get("entity"):
        out.append("unnamed_speaker_person_in_sentence=" + ("yes" if named_nearby else "no"))
    content = claim.get("content") or ""
    words = len(content.split())
    out.append("content_words=" + ("<4" if words < 4 else "4-7" if words < 8 else "8+"))
    out.append("content_quote_marks=" + ("yes" if any(q in content for q in "\"“”‘’'") else "no"))
    out.append(f"modality={claim.get('modality')}")
    said = {w.lower().strip(",.;:\"“”'’") for w in content.split()}
    out.append("content_first_person=" + ("yes" if said & {"i", "we", "my", "our", "me", "us"} else "no"))
    out.append(f"cue={(claim.get('cue') or '').lower()}")
    out += _sentence_shape(sentence_text(record, sentence))
    out.append("section=" + ("headline" if sentence == -1 else "lead" if sentence < 3 else "body"))
    return out
