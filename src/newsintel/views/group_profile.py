"""A group's profile covers its members: the events of its named members (MEMBER / POSITION relations to the group)
and of the described actors that belong to it ("three Belgian fighters of the group", "its fighters"), each line
marked with the member it comes from. The same sections serve a described set across documents ("Belgian
fighters": a nationality and a role, no identity).

Precision first: an actor joins a group only through its own group entity (or as a part of a set that has one),
never by sharing a report with the group; a hedged movement stays hedged, each line keeps its speaker and source.
"""

from __future__ import annotations

import json
import re
from collections import defaultdict
from typing import Any

from newsintel.extract.describe import actor_words, country_of
from newsintel.resources import event_types_meaning
from newsintel.store.actors import (
    PLACE_ROLES,
    actor_event_rows,
    described_set_rows,
    group_actor_rows,
    named_member_rows,
)
from newsintel.store.fact_reads import identity_of_entities, latest_members
from newsintel.store.gateway import Database
from newsintel.views.common import (
    MOVEMENT_TYPES,
    STATUS,
    Sources,
    fact_date,
    heads_somewhere,
    said_by,
    status_of,
)
from newsintel.views.confidence import confident, default_min_confidence
from newsintel.views.profile import INTENT_MODALITIES, _events, _facts, _where, build_profile

HEADING_ORDER = ("done", "attempted", "intended", "hedged", "conditional", "denied")
INVOLVING = event_types_meaning("done_to_member")  # done *to* a member (events.yaml `means`)
ARG_ROLES = ("actors", "targets")


def count_text(count: dict[str, Any] | None) -> str:
    """A described actor's count as an analyst reads it: "about 2,500", "dozens", "at least 3", "3-5"."""
    if not count:
        return ""
    if "value" in count:
        return f"{'about ' if count.get('approximate') else ''}{count['value']:g}"
    if count.get("vague"):
        return count["vague"]
    low, high = count.get("min"), count.get("max")
    return f"{low:g}-{high:g}" if low is not None and high is not None else \
        f"at least {low:g}" if low is not None else f"at most {high:g}"


def _actor_fact(sources: Sources, row: Any, actor: dict[str, Any]) -> dict[str, Any]:
    """An event of a described member, as the profile shows it: the fact, its status, speaker, source and member."""
    fact = sources.fact(row["document_id"], row["data"])
    fact["status"] = status_of(fact, row["role"])
    fact["said_by"] = said_by(fact)
    fact["date"] = fact_date(fact)
    fact["member"] = {"kind": "described", "actor": actor["id"], "text": actor["text"], "as": row["role"]}
    return fact


def _name_args(conn: Database, facts: list[dict[str, Any]]) -> None:
    """Each linked argument gets the identity, name and kind (person / organisation / place) it resolved to."""
    names = identity_of_entities(conn, [a.get("entity") for f in facts for r in PLACE_ROLES + ARG_ROLES
                                        for a in f.get(r, [])])
    for fact in facts:
        for arg in (a for r in PLACE_ROLES + ARG_ROLES for a in fact.get(r, [])):
            if arg.get("entity") in names:
                arg["identity"], arg["name"], arg["kind"] = names[arg["entity"]]


def _described(conn: Database, sources: Sources, rows: list[Any],
               threshold: float) -> tuple[list, list, int]:
    """(who entries grouped by nationality and role, member facts, facts hidden under `threshold`) for described
    actor rows; a hidden fact is in no section, "what each did" included."""
    actors = {r["id"]: {**json.loads(r["data"]), "document_id": r["document_id"]} for r in rows}
    facts, did, hidden = [], defaultdict(list), 0
    event_rows = actor_event_rows(conn, list(actors))
    sources.prefetch([r["document_id"] for r in [*rows, *event_rows]])
    for row in event_rows:
        fact = _actor_fact(sources, row, actors[row["actor_id"]])
        if not confident([fact], threshold)[0]:
            hidden += 1
            continue
        if actors[row["actor_id"]].get("with") not in actors:  # one with the members is no member: "who" only
            facts.append(fact)
        did[row["actor_id"]].append({"type": fact["type"], "trigger": fact["trigger"], "as": row["role"],
                                     "status": fact["status"], "modality": fact["modality"],
                                     "said_by": fact["said_by"], "source": fact["source"],
                                     "start": fact["start"], "end": fact["end"]})
    _name_args(conn, facts)
    entries: dict[tuple, dict[str, Any]] = {}
    for actor_id, actor in actors.items():
        if actor.get("part_of") in actors or actor.get("with") in actors:
            continue  # shown under its set
        first = min((m for m in actor.get("mentions", [])), key=lambda m: m["start"], default=None)
        item = {"actor": actor_id, "text": actor["text"], "count": actor.get("count"),
                "count_text": count_text(actor.get("count")), "did": did.get(actor_id, []),
                "source": sources.source(actor["document_id"], first["sentence"] if first else 0),
                "parts": [{"actor": p_id, "text": p["text"], "count": p.get("count"), "did": did.get(p_id, [])}
                          for p_id, p in actors.items() if p.get("part_of") == actor_id],
                "with": [{"actor": c_id, "text": c["text"], "count": c.get("count"), "did": did.get(c_id, [])}
                         for c_id, c in actors.items() if c.get("with") == actor_id]}
        key = (actor.get("nationality"), actor.get("role"))
        entries.setdefault(key, {"nationality": key[0], "role": key[1], "actors": []})["actors"].append(item)
    return list(entries.values()), facts, hidden


def _named(conn: Database, sources: Sources, identity_id: str, limit: int) -> tuple[list, list]:
    """(named members with the relation that makes them members, their facts)."""
    members: dict[str, dict[str, Any]] = {}
    rows = named_member_rows(conn, identity_id, limit)
    sources.prefetch([r["document_id"] for r in rows])
    for row in rows:
        rel = sources.fact(row["document_id"], row["data"])
        # "planned to join": a would-be member, shown with that status, never as a plain member
        rel["membership"] = STATUS.get(row["joining"], row["joining"]) if row["joining"] else "done"
        members.setdefault(row["member_id"], {"identity": row["member_id"], "name": row["member_name"],
                                              "relations": []})["relations"].append(rel)
    facts = []
    for member in members.values():
        statuses = [r["membership"] for r in member["relations"]]
        member["membership"] = "done" if "done" in statuses else statuses[0]
        latest = latest_members(conn, member["identity"])  # read once for every role
        for role in ARG_ROLES:
            for fact in _facts(conn, sources, _events(conn, latest, (role,), 2 * limit), role):
                if role == "targets" and fact["type"] not in INVOLVING and fact["type"] not in MOVEMENT_TYPES:
                    continue
                fact["member"] = {"kind": "named", "identity": member["identity"], "text": member["name"],
                                  "as": role, "membership": member["membership"]}
                facts.append(fact)
    return list(members.values()), facts


def _is_member_arg(arg: dict[str, Any], fact: dict[str, Any], members: set[str]) -> bool:
    return arg.get("actor") in members or arg.get("identity") in members or \
        (fact["member"]["kind"] != "described" and arg.get("identity") == fact["member"]["identity"])


def _someone(arg: dict[str, Any]) -> bool:
    return bool(arg.get("actor")) or arg.get("kind") in ("person", "org")


def _associates(facts: list[dict[str, Any]], members: set[str]) -> list[dict[str, Any]]:
    """Who acted on the members or with them, read off the events' roles: the smuggler who moved them, the police
    who detained them, the forces that fought them, those they travelled with, those they acted on. Each with the
    event, its status, speaker and source. What is no one ("air strikes", a truck: kind "other") is no associate."""
    out, seen = [], set()
    for fact in facts:
        mine = fact["member"]["as"]
        if mine == "targets":
            others = [(a, f"{fact['type']} them") for a in fact["actors"]]
        else:
            # those with them, and what they acted on, count only when someone: a person, a group, a described actor
            others = [(a, f"{fact['type']} with them") for a in fact["actors"] if _someone(a)]
            others += [(a, f"{fact['type']} by them") for a in fact["targets"] if _someone(a)]
        for arg, how in others:
            if _is_member_arg(arg, fact, members) or arg.get("kind") in ("pronoun", "place", "other"):
                continue
            key = (fact["source"]["document"], fact["start"], arg["text"])
            if key in seen:
                continue
            seen.add(key)
            out.append({"kind": "event", "name": arg.get("name") or arg["text"], "identity": arg.get("identity"),
                        "actor": arg.get("actor"), "how": how, "event": fact["type"], "trigger": fact["trigger"],
                        "status": fact["status"], "modality": fact["modality"], "said_by": fact["said_by"],
                        "member": fact["member"], "source": fact["source"], "sentence": fact["sentence"],
                        "start": fact["start"], "end": fact["end"]})
    return out


def _figures(facts: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Counts of members moving or leaving, one group per movement and place; differing counts side by side."""
    groups: dict[tuple, list[dict[str, Any]]] = defaultdict(list)
    for fact in facts:
        if fact["type"] not in MOVEMENT_TYPES or fact["member"]["as"] != "actors":
            continue
        arg = next((a for a in fact["actors"] if a.get("actor") == fact["member"].get("actor")), None)
        if not arg or not arg.get("count"):
            continue
        place = next((p["text"] for r in ("destination", "origin", "location") for p in fact.get(r, [])), "")
        groups[(fact["type"], place.lower())].append(
            {"count": arg["count"], "text": arg["text"], "status": fact["status"], "modality": fact["modality"],
             "said_by": fact["said_by"], "source": fact["source"], "sentence": fact["sentence"],
             "start": fact["start"], "end": fact["end"], "place": place, "member": fact["member"]})
    out = []
    for (kind, _), values in groups.items():
        counts = {json.dumps(v["count"], sort_keys=True) for v in values}
        out.append({"about": f"{kind} {values[0]['place']}".strip(), "values": values, "disagree": len(counts) > 1})
    return sorted(out, key=lambda g: (not g["disagree"], g["about"]))


def _sections(conn: Database, facts: list[dict[str, Any]], members: set[str],
              limit: int) -> dict[str, Any]:
    facts = sorted(facts, key=lambda f: f["date"] or "", reverse=True)
    # where they were: what they did and what was done to them, as far as their part puts them at the event's
    # place (common.where_places: no threat's place, no remote strike's target, no place of a group joined)
    movements = [f for f in facts
                 if heads_somewhere(f, f["member"]["as"], ("destination", "origin", "via", "location"))]
    by_status: dict[str, list] = {s: [] for s in HEADING_ORDER}
    for fact in movements:
        by_status.setdefault(fact["status"], []).append(fact)
    return {"where": _where_with_members(conn, facts)[:limit],
            "heading": {s: v[:limit] for s, v in by_status.items() if v},
            "intent": [f for f in facts if f["member"]["as"] == "actors"
                       and (f["modality"] in INTENT_MODALITIES or f["type"] == "THREATEN")][:limit],
            "associates": _associates(facts, members)[:2 * limit],
            "figures": _figures(facts)}


def _where_with_members(conn: Database, facts: list[dict[str, Any]]) -> list[dict[str, Any]]:
    out = []
    for fact in facts:
        for item in _where(conn, [fact]):
            item["member"] = fact["member"]
            item.update({k: fact[k] for k in ("sentence", "start", "end", "modality")})
            out.append(item)
    return sorted(out, key=lambda x: x["date"] or "", reverse=True)


def build_group_profile(conn: Database, identity: Any, limit: int = 20,
                        min_confidence: float | None = None) -> dict[str, Any]:
    """The group's own profile (views/profile.py) with its members' events added to every section; events under
    `min_confidence` (default: `views.min_confidence`) are hidden everywhere and counted in `hidden`."""
    threshold = default_min_confidence() if min_confidence is None else min_confidence
    profile = build_profile(conn, identity, limit, threshold)
    sources = Sources(conn)
    named, named_facts = _named(conn, sources, identity["id"], limit)
    named_facts, hidden_named = confident(named_facts, threshold)
    described, described_facts, hidden_described = _described(
        conn, sources, group_actor_rows(conn, identity["id"], 4 * limit), threshold)
    members = {m["identity"] for m in named} | {a["actor"] for e in described for a in e["actors"]} \
        | {p["actor"] for e in described for a in e["actors"] for p in a["parts"]}
    members.add(identity["id"])  # the group is no associate of its own members
    sections = _sections(conn, named_facts + described_facts, members, limit)
    # who fought, smuggled or dealt with the group itself ("Kurdish forces fought Islamic State"), read the same way
    # (those joining it, RECRUIT with the group as target, are would-be members, not associates)
    latest = latest_members(conn, identity["id"])
    own, hidden_own = confident(
        _facts(conn, sources, _events(conn, latest, ("targets",), 2 * limit), "targets"), threshold)
    own = [{**fact, "member": {"kind": "group", "identity": identity["id"], "text": identity["name"], "as": "targets"}}
           for fact in own if fact["type"] != "RECRUIT"]
    sections["associates"] = (_associates(own, members) + sections["associates"])[:2 * limit]
    profile["who"]["members"] = {"named": named, "described": described}
    profile["members"] = sections
    profile["hidden"] += hidden_named + hidden_described + hidden_own
    return profile


_PLURAL = re.compile(r"(?<=m)en$")


def described_set_query(name: str) -> tuple[str | None, str] | None:
    """(nationality, role) for "Belgian fighters", "fighters", "Tunisian smuggler"; None when the name is not an
    optional demonym followed by a role noun of data/actors.yaml."""
    words = name.split()
    if not 1 <= len(words) <= 3:
        return None
    noun = words[-1].lower()
    lemmas = [noun, _PLURAL.sub("an", noun), noun[:-1] if noun.endswith("s") else noun]
    modifier = words[-2].lower() if len(words) >= 2 else None
    known = actor_words().role_of
    two_word = next((known[f"{modifier} {lemma}"] for lemma in lemmas if f"{modifier} {lemma}" in known), None)
    role = two_word or next((r for lemma in lemmas if (r := known.get(lemma))), None)
    if role is None:
        return None
    before = words[:-2] if two_word else words[:-1]  # "Turkish border guards": the demonym before the two words
    if not before:
        return None, role
    nationality = country_of(" ".join(before))
    return (nationality, role) if nationality else None


def build_set_profile(conn: Database, name: str, nationality: str | None, role: str,
                      limit: int = 20, min_confidence: float | None = None) -> dict[str, Any]:
    """The profile of a described set across documents: who (by report), where, heading, intent, associates,
    figures, from the actors of that nationality and role (events under `min_confidence` hidden and counted)."""
    threshold = default_min_confidence() if min_confidence is None else min_confidence
    sources = Sources(conn)
    described, facts, hidden = _described(conn, sources, described_set_rows(conn, role, nationality, 4 * limit),
                                          threshold)
    members = {a["actor"] for e in described for a in e["actors"]} \
        | {p["actor"] for e in described for a in e["actors"] for p in a["parts"]}
    return {"set": {"name": name, "nationality": nationality, "role": role},
            "who": {"members": {"named": [], "described": described}},
            "members": _sections(conn, facts, members, limit), "min_confidence": threshold, "hidden": hidden}
