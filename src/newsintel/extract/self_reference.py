"""Record-level checks that one person is not read as two parties of one event, once speakers are settled.

Precision first (evaluation/AUDIT.md: a wrong agent is the worst error an analyst sees; a pronoun shown as written
is better than a wrong name):

- an event whose actor is also its target with no reflexive ("I blamed him for trying to hurt me", the quotation's
  "I" and "me" both its speaker, read as the speaker hurting the speaker) keeps the target and loses the actor
  (`drop_self_actors`); "he hurt himself" keeps both;
- inside a quotation, "he"/"she" is never its speaker ('"He attacked me," Roe said' is not Roe attacking): one still
  linked to the speaker after `quoted.py` looked for someone else is shown as written (`unlink_speaker_pronouns`);
- under a speaker who is a bare "she"/"he" left unresolved, a pronoun of the other gender that was taken for the
  person the speaker pronoun itself would stand for ('Roe met him in 2010. "I knew him before he hit me," she
  said': he is not Roe) is shown as written (`unlink_speaker_pronouns`): one person is not both "she" and "he".
"""

from __future__ import annotations

import functools
from typing import Any

from newsintel.extract.anaphors import show_as_written
from newsintel.extract.args import MentionIndex, pronoun_gender
from newsintel.extract.quotations import quotations
from newsintel.resources import load_yaml

THIRD_PERSON = {"he", "him", "his", "she", "her", "hers"}
SPEAKER_PRONOUNS = {"he", "she"}


@functools.cache
def reflexives() -> frozenset[str]:
    """Reflexive pronouns (data/anaphors.yaml): an actor that is its own target by one of these is meant."""
    return frozenset(load_yaml("anaphors.yaml")["reflexives"])


def _reflexive(arg: dict[str, Any]) -> bool:
    return str(arg.get("mention") or arg.get("text") or "").lower() in reflexives()


def drop_self_actors(events: list[dict[str, Any]]) -> None:
    """Drop an actor that names the same entity as a target of its event, unless one of the two is a reflexive."""
    for event in events:
        targets = {a["entity"]: a for a in event.get("targets", ()) if a.get("entity")}
        kept = []
        for actor in event.get("actors", ()):
            target = targets.get(actor.get("entity") or "")
            if target is not None and not _reflexive(actor) and not _reflexive(target):
                continue
            kept.append(actor)
        event["actors"] = kept


def unlink_speaker_pronouns(events: list[dict[str, Any]], mentions: MentionIndex, text: str) -> None:
    """Show as written a "he"/"she" (or "him", "her") that names the speaker of the quotation it stands in, or that
    was taken across sentences for the person an unresolved speaker pronoun of the other gender would stand for (the
    person named last before the event)."""
    spans = [(q.start, q.end) for q in quotations(text)]
    for event in events:
        speaker = (event.get("attribution") or {}).get("speaker") or {}
        if speaker.get("entity"):
            if any(s < event["start"] and event["end"] <= e for s, e in spans):
                for arg in _third_persons(event):
                    if arg["entity"] == speaker["entity"]:
                        show_as_written(arg)
            continue
        said_by = str(speaker.get("text") or "").lower()
        if not speaker.get("unresolved") or said_by not in SPEAKER_PRONOUNS:
            continue
        speaker_gender = pronoun_gender(said_by)
        for arg in _third_persons(event):
            if not arg.get("_across") or pronoun_gender(arg["mention"].lower()) == speaker_gender:
                continue
            nearest = mentions.recent_person(event["start"], event["sentence"], gender=speaker_gender)
            if nearest is not None and nearest.id == arg["entity"]:
                show_as_written(arg)


def _third_persons(event: dict[str, Any]) -> list[dict[str, Any]]:
    """The participants that are a third-person singular pronoun linked to an entity."""
    return [arg for role in ("actors", "targets") for arg in event.get(role, ())
            if str(arg.get("mention") or "").lower() in THIRD_PERSON and arg.get("entity")]
