"""A group's profile covers its members (views/group_profile.py): written wire-style reports about the unnamed
fighters of one group, ingested into a fresh store, then `profile GROUP` and `profile "Belgian fighters"`."""

import json

import pytest
from helpers import ingest_reports

from newsintel.cli.main import main
from newsintel.views.group_profile import described_set_query

REPORTS = [
    ("Convoy leaves Raqqa", "2025-03-02",
     "Dozens of Islamic State fighters left Raqqa on Saturday in a convoy of pickup trucks, residents said. The "
     "fighters are believed to be heading towards Deir ez-Zor."),
    ("Belgians stopped at the border", "2025-03-05",
     "Three Belgian fighters of Islamic State tried to cross into Turkey near Kilis on Tuesday, border officials "
     "said. One of them was detained at a border post. A woman travelling with them was freed."),
    ("Smuggler held in Gaziantep", "2025-03-07",
     "A Syrian smuggler was arrested in Gaziantep after he had smuggled Islamic State fighters across the border "
     "into Turkey, police said."),
    ("Returnees to Tunisia", "2025-03-10",
     "About 40 Islamic State fighters have returned to Tunisia since January, the interior ministry said. Some 60 "
     "fighters of the group returned to Tunisia, according to a security source."),
    ("Threat against Baghdad", "2025-03-12",
     "Islamic State fighters threatened to attack Baghdad, police said on Wednesday. The group said its fighters "
     "would strike again."),
    ("Crossing near Qaim", "2025-03-14",
     "Islamic State militants reportedly crossed into Iraq near Qaim on Thursday, a local official said."),
    ("Commander arrested", "2025-03-15",
     "Abu Khalid al-Tunisi, a commander of Islamic State, travelled to Idlib in February, prosecutors said. He was "
     "arrested in Idlib on Friday."),
    ("Messages intercepted", "2025-03-18",
     "Islamic State fighters planned to travel to Libya, according to intercepted messages."),
    ("Clashes near Hasakah", "2025-03-20",
     "Kurdish forces fought Islamic State fighters near Hasakah on Sunday, the Kurdish command said."),
    ("Arrests in Antwerp", "2025-03-22",
     "Four Belgian fighters were arrested in Antwerp on Monday, police said. The men had returned from Syria in "
     "January."),
    ("French pair detained", "2025-03-24",
     "Two French fighters of Islamic State were detained in Ankara on Monday, Turkish police said."),
    ("Fighting near Kobani", "2025-03-25",
     "Kurdish forces fought Islamic State near Kobani on Friday, the army said."),
    ("Drone strike near Mayadin", "2025-03-27",
     "A drone attacked Islamic State fighters near Mayadin on Sunday, officials said."),
    ("Convert held in Hamburg", "2025-03-26",
     "A German convert, Lukas Brandt, tried to join Islamic State in Syria last year, prosecutors in Hamburg said on "
     "Monday. Brandt was arrested at Frankfurt airport."),
]
NO_GROUP = "Arrests in Antwerp"


@pytest.fixture(scope="module")
def store(tmp_path_factory):
    folder = tmp_path_factory.mktemp("group")
    return ingest_reports(folder, [{"title": t, "published": p, "text": x} for t, p, x in REPORTS])


def _json(store, capsys, name: str) -> dict:
    capsys.readouterr()
    assert main(["profile", name, "--db", str(store), "--json"]) == 0
    return json.loads(capsys.readouterr().out)


def _lines(profile: dict) -> list[dict]:
    m = profile["members"]
    return [*m["where"], *(f for v in m["heading"].values() for f in v), *m["intent"], *m["associates"],
            *(v for g in m["figures"] for v in g["values"])]


def test_every_section_of_the_groups_profile_is_filled_from_its_members(store, capsys):
    profile = _json(store, capsys, "Islamic State")
    members = profile["who"]["members"]
    assert {m["name"]: m["membership"] for m in members["named"]} == {"Abu Khalid al-Tunisi": "done",
                                                                      "Lukas Brandt": "attempted"}
    belgians = next(e for e in members["described"] if (e["nationality"], e["role"]) == ("BE", "fighter"))
    (three,) = belgians["actors"]
    assert three["count"] == {"value": 3} and [d["status"] for d in three["did"]] == ["attempted"]
    (one,) = three["parts"]
    assert one["text"] == "One of them" and ("ARREST", "done") in [(d["type"], d["status"]) for d in one["did"]]
    (woman,) = three["with"]  # "a woman travelling with them: freed", shown with them, not as a member
    assert [(d["type"], d["status"]) for d in woman["did"]] == [("RELEASE", "done")]
    m = profile["members"]
    assert {"Idlib", "Ankara", "Kilis", "Qaim"} <= {w["place"].split(",")[0] for w in m["where"]}
    assert {"done", "attempted", "intended", "hedged"} <= set(m["heading"])
    assert {f["type"] for f in m["intent"]} >= {"THREATEN", "TRAVEL"}
    how = {(a["name"], a["how"]) for a in m["associates"]}
    assert {("Syrian smuggler", "SMUGGLE them"), ("Kurdish forces", "FIGHT them")} <= how
    assert "drone" not in {a["name"] for a in m["associates"]}  # no one: not an associate
    fought_the_group = [a for a in m["associates"] if a["member"]["kind"] == "group"]
    assert [(a["name"], a["how"], a["source"]["title"]) for a in fought_the_group] == [
        ("Kurdish forces", "FIGHT them", "Fighting near Kobani")]
    (returned,) = [g for g in m["figures"] if g["disagree"]]
    assert sorted(v["count"]["value"] for v in returned["values"]) == [40, 60]
    assert {v["said_by"] for v in returned["values"]} == {"interior ministry", "security source"}


def test_statuses_and_members_are_kept(store, capsys):
    heading = _json(store, capsys, "Islamic State")["members"]["heading"]
    hedged = {(f["trigger"], f["member"]["text"]) for f in heading["hedged"]}
    assert ("crossed into", "Islamic State militants") in hedged
    assert all(f["modality"] == "asserted" for f in heading["done"])
    assert ("Three Belgian fighters", "cross into") in {(f["member"]["text"], f["trigger"])
                                                      for f in heading["attempted"]}
    assert [f["destination"][0]["text"] for f in heading["intended"]] == ["Libya"]
    named = [f for v in heading.values() for f in v if f["member"]["kind"] == "named"]
    assert named and named[0]["member"]["text"] == "Abu Khalid al-Tunisi"


def test_a_would_be_member_is_shown_with_the_status_of_his_joining(store, capsys):
    lines = _lines(_json(store, capsys, "Islamic State"))
    brandt = [line for line in lines if line["member"]["text"] == "Lukas Brandt"]
    assert brandt and all(line["member"]["membership"] == "attempted" for line in brandt)
    capsys.readouterr()
    assert main(["profile", "Islamic State", "--db", str(store)]) == 0
    assert "Lukas Brandt [membership attempted]" in capsys.readouterr().out


def test_each_line_has_its_source_and_provenance(store, capsys):
    lines = _lines(_json(store, capsys, "Islamic State"))
    titles = {t for t, _, _ in REPORTS}
    assert len(lines) >= 15
    for line in lines:
        src = line["source"]
        assert src["title"] in titles and src["sentence_text"] and src["document"]
        assert isinstance(line["start"], int) and isinstance(line["sentence"], int)
        assert line["modality"] and "said_by" in line and line["member"]["text"]


def test_an_actor_with_no_group_is_never_under_the_group(store, capsys):
    profile = _json(store, capsys, "Islamic State")
    assert NO_GROUP not in {line["source"]["title"] for line in _lines(profile)}
    described = [a for e in profile["who"]["members"]["described"] for a in e["actors"]]
    assert "Four Belgian fighters" not in {a["text"] for a in described}
    assert "woman" not in {a["text"] for a in described}  # with them in the report, but not said to be a member


def test_a_described_set_as_the_subject(store, capsys):
    profile = _json(store, capsys, "Belgian fighters")
    assert profile["set"] == {"name": "Belgian fighters", "nationality": "BE", "role": "fighter"}
    texts = {a["text"] for e in profile["who"]["members"]["described"] for a in e["actors"]}
    assert texts == {"Three Belgian fighters", "Four Belgian fighters"}
    m = profile["members"]
    assert {"Antwerp", "Kilis"} <= {w["place"].split(",")[0] for w in m["where"]}
    assert set(m["heading"]) >= {"attempted", "done"}
    assert all(line["source"]["title"] != "French pair detained" for line in _lines(profile))


def test_text_output_names_members_and_sources(store, capsys):
    capsys.readouterr()
    assert main(["profile", "Islamic State", "--db", str(store)]) == 0
    out = " ".join(capsys.readouterr().out.split())
    for words in ("Members", "figures disagree", "SMUGGLE them", "from Three Belgian fighters", "Crossing near Qaim"):
        assert words in out
    assert "with them, woman" in out
    assert main(["profile", "Belgian fighters", "--db", str(store)]) == 0
    out = capsys.readouterr().out
    assert "Four Belgian fighters" in out and "with them, woman" in out


def test_described_set_names():
    assert described_set_query("Belgian fighters") == ("BE", "fighter")
    assert described_set_query("Turkish border guards") == ("TR", "police")
    assert described_set_query("smugglers") == (None, "smuggler")
    assert described_set_query("Mohammed Benali") is None
    assert described_set_query("Belgian") is None
    assert described_set_query("Islamic State") is None
