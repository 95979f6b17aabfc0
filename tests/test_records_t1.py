"""Typed fact records (issue 13 item 1): the shapes in src/newsintel/facts.py and `model.check_record`.

Every record extracted from the written dev reports and the demo corpus conforms, and so does every fact a partner's
bundle brings in (`newsintel import`); a hand-made record conforms, and with an unknown key, a missing key and a
wrong type gives exactly those three problems; `extract --check` turns a departure into an error."""

import json
import uuid
from pathlib import Path

import pytest

from newsintel.model import DocumentInfo, Record, check_record

ROOT = Path(__file__).resolve().parents[1]
WRITTEN = ROOT / "tests" / "gold" / "written"
DEMO = ROOT / "examples" / "corpus"
KINDS = ("events", "quantities", "claims", "relations", "actors")


def extracted_records(paths: list[Path]) -> list[Record]:
    """The records `extract` makes of these files (read, cleaned, annotated), in order."""
    from newsintel.ingest import read_path
    from newsintel.model import Failure
    from newsintel.pipeline import process_batch

    out: list[Record] = []
    for path in paths:
        raws = [r for r in read_path(path) if not isinstance(r, Failure)]
        out += [r for r in process_batch(raws) if not isinstance(r, Failure)]
    return out


@pytest.fixture(scope="module")
def extracted() -> list[Record]:
    demo = sorted(p for p in DEMO.rglob("*") if p.is_file() and p.name != "README.md")
    return extracted_records(sorted(WRITTEN.glob("*.txt")) + demo)


def test_every_extracted_record_conforms(extracted) -> None:
    assert len(extracted) > 40
    assert all(any(getattr(r, kind) for r in extracted) for kind in KINDS)  # every kind was checked
    problems = [f"{r.document.origin}: {p}" for r in extracted for p in check_record(r)]
    assert problems == []


def test_optional_parts_were_seen(extracted) -> None:
    """The corpus exercises the optional and nullable parts the check must accept, not only the plain ones."""
    events = [e for r in extracted for e in r.events]
    assert any(e["time"] is None for e in events) and any(e["time"] and e["time"].get("undated") for e in events)
    assert any(e["attribution"] for e in events) and any("headline" in e for e in events)
    args = [a for e in events for role in ("actors", "targets") for a in e[role]]
    assert any(a.get("count") for a in args) and any("actor" in a for a in args)
    assert any(r.actors and any(a["count"] for a in r.actors) for r in extracted)


def arg(text: str, entity: str | None = None, **description) -> dict:
    return {"text": text, "entity": entity, **description}


def described(text: str, role: str | None = None, **more) -> dict:
    return arg(text, None, **{"kind": "described", "group": None, "nationality": None, "role": role, "count": None,
                              **more})


def hand_made() -> Record:
    """A record written by hand (no extraction): one fact of each kind, in their shapes."""
    text = "Coast guards stopped two boats off Lesbos on Monday, a spokeswoman for the port authority told reporters."
    record = Record(DocumentInfo("d1", None, None, None, "2025-06-03", text))

    def at(words: str) -> dict:
        start = text.index(words)
        return {"sentence": 0, "start": start, "end": start + len(words)}

    scored = {"confidence": 0.7, "why": ["written by hand"]}

    def speaker() -> dict:
        return described("a spokeswoman", role="spokesperson", group={"text": "the port authority", "entity": None})

    record.events.append({
        "type": "ARREST", "plover": "ARREST", "trigger": "stopped",
        "actors": [described("Coast guards", role="guard", actor="d1-a1")],
        "targets": [described("two boats", count={"value": 2})], "location": [arg("Lesbos", "d1-e1")],
        "origin": [], "destination": [], "via": [],
        "time": {"text": "Monday", **{k: v for k, v in at("Monday").items() if k != "sentence"}, "value": "2025-06-02",
                 "precision": "day"},
        "modality": "asserted", "attribution": {"speaker": speaker(), "cue": "told"}, **at("stopped"), **scored})
    record.quantities.append({
        "text": "two", "value": 2, "low": None, "high": None, "approximate": False,
        "counted": described("two boats", count={"value": 2}), "attribution": None, **at("two"), **scored})
    record.claims.append({"speaker": speaker(), "cue": "told", "content": "", "medium": None, "modality": "asserted",
                          **at("told"), **scored})
    record.relations.append({"type": "POSITION", "subject": speaker(), "object": arg("the port authority"),
                             "role": "spokeswoman", **at("a spokeswoman for the port authority"), **scored})
    record.actors.append({"id": "d1-a1", "text": "Coast guards", "kind": "described", "group": None,
                          "nationality": None, "role": "guard", "count": None, "part_of": None, "with": None,
                          "mentions": [{"text": "Coast guards", **at("Coast guards")}]})
    return record


def test_a_hand_made_record_conforms() -> None:
    assert check_record(hand_made()) == []


def test_an_unknown_key_a_missing_key_and_a_wrong_type_are_the_three_problems() -> None:
    record = hand_made()
    record.events[0]["actors"][0]["nickname"] = "the watch"
    del record.claims[0]["cue"]
    record.quantities[0]["approximate"] = "yes"
    assert check_record(record) == ["events[0].actors[0]: unknown key 'nickname'",
                                    "quantities[0].approximate: expected bool, got 'yes'",
                                    "claims[0]: missing key 'cue'"]


def _spoil_time(r: Record) -> None:
    r.events[0]["time"]["precision"] = "hour"


@pytest.mark.parametrize("spoil, problem", [
    (lambda r: r.events[0].update(modality="probably"),
     "events[0].modality: expected one of 'asserted', 'hedged', 'intended', 'attempted', 'future', 'conditional', "
     "'negated', got 'probably'"),
    (_spoil_time, "events[0].time.precision: expected one of 'day', 'week', 'month', 'season', 'year', 'decade', "
                  "'range', got 'hour'"),  # inside an optional part: the part's own problem, not "expected ... | None"
    (lambda r: r.events[0].update(why=["fine", 3]), "events[0].why[1]: expected str, got 3"),
    (lambda r: r.events[0].update(confidence=True), "events[0].confidence: expected float, got True"),
    (lambda r: r.claims[0].update(speaker=None), "claims[0].speaker: expected ArgumentRecord, got None"),
    (lambda r: r.relations[0]["subject"].update(_d={}), "relations[0].subject: unknown key '_d'"),  # private, leaked
    (lambda r: r.actors[0].pop("with"), "actors[0]: missing key 'with'"),
    (lambda r: r.actors[0]["mentions"][0].update(start="4"), "actors[0].mentions[0].start: expected int, got '4'"),
    (lambda r: r.quantities[0]["counted"].update(count={"value": "2"}),
     "quantities[0].counted.count.value: expected int | float, got '2'"),
])
def test_each_kind_of_departure_is_named_where_it_is(spoil, problem) -> None:
    record = hand_made()
    spoil(record)
    assert check_record(record) == [problem]


@pytest.mark.parametrize("loosen", [
    lambda r: r.events[0].update(confidence=1, time=None, attribution=None),  # an int is a JSON number too
    lambda r: r.events[0]["time"].update(undated=True, value=None, precision=None),
    lambda r: [r.events[0]["time"].pop(k) for k in ("start", "end")],  # a partner's time has no offsets
    lambda r: r.events[0].update(generic={"rule": "habitual", "cue": "often"}, section="headline"),
    lambda r: r.quantities[0].update(value=None, low=1.5, high=None, counted=None),
])
def test_what_the_shapes_allow_passes(loosen) -> None:
    record = hand_made()
    loosen(record)
    assert check_record(record) == []


def stix(kind: str, **fields) -> dict:
    return {"type": kind, "spec_version": "2.1", "id": f"{kind}--{uuid.uuid4()}", "created": "2025-06-01T00:00:00.000Z",
            "modified": "2025-06-01T00:00:00.000Z", **fields}


def test_a_partners_facts_conform() -> None:
    """What `newsintel import` stores of a bundle (ingest/partner_records.py): a sighting with our extension's
    roles, time and speaker, a note, a relationship, and a sighting from another tool's bundle."""
    from newsintel.ingest.partner_bundle import check_bundle
    from newsintel.ingest.partner_places import PartnerMapper
    from newsintel.ingest.partner_records import OUR_EXTENSION

    skipper = stix("identity", name="Oskar Lind", identity_class="individual")
    crew = stix("threat-actor", name="Dock Wolves", threat_actor_types=["criminal"])
    tallinn = stix("location", name="Tallinn", latitude=59.437, longitude=24.7536, country="EE")
    riga = stix("location", name="Riga", latitude=56.9496, longitude=24.1052, country="LV")
    ours = {OUR_EXTENSION: {"extension_type": "property-extension", "event_type": "TRAVEL", "trigger": "sailed",
                            "modality": "hedged", "role": "actor", "said_by": "harbour police",
                            "places": [{"role": "origin", "location_ref": tallinn["id"], "text": "Tallinn"},
                                       {"role": "destination", "location_ref": riga["id"], "text": "Riga"}],
                            "unplaced": [{"role": "via", "text": "the gulf", "at": 0}],
                            "when": {"text": "last week", "value": "2025-05-19/2025-05-25", "dated_by": "event"},
                            "credibility": 3, "source_reliability": "B"}}
    sailed = stix("sighting", sighting_of_ref=skipper["id"], where_sighted_refs=[tallinn["id"], riga["id"]],
                  confidence=60, extensions=ours)
    seen = stix("sighting", sighting_of_ref=skipper["id"], where_sighted_refs=[riga["id"]],
                first_seen="2025-05-20T08:00:00Z", last_seen="2025-05-21T08:00:00Z")
    note = stix("note", content="Oskar Lind runs the crossings.", authors=["a harbour official"],
                object_refs=[skipper["id"]])
    member = stix("relationship", relationship_type="member-of", source_ref=skipper["id"], target_ref=crew["id"],
                  description="member, captain")
    bundle = check_bundle({"type": "bundle", "id": f"bundle--{uuid.uuid4()}",
                           "objects": [skipper, crew, tallinn, riga, sailed, seen, note, member]}, "b.json")
    records = [d.record for d in PartnerMapper(bundle, "Partner West", "amber").documents()]
    assert sum(len(getattr(r, kind)) for r in records for kind in KINDS) == 4  # two sightings, a note, a relation
    assert [p for r in records for p in check_record(r)] == []


def test_extract_check_turns_a_departure_into_an_error(capsys, monkeypatch) -> None:
    from newsintel.cli.main import main

    path = str(sorted(WRITTEN.glob("*.txt"))[0])
    assert main(["extract", path, "--json", "--check"]) == 0
    out, err = capsys.readouterr()
    assert json.loads(out)["events"] and "fact shape" not in err
    monkeypatch.setattr("newsintel.extract.actors.strip_private", lambda record: None)  # extraction's own keys stay
    assert main(["extract", path, "--json", "--check"]) == 1
    out, err = capsys.readouterr()
    assert json.loads(out)["events"]  # the record is still printed
    assert any(line.startswith("error: ") and ": fact shape: " in line and "unknown key '_" in line
               for line in err.splitlines())
    assert main(["extract", path, "--json"]) == 0  # without --check: no check, as before
