"""Where and heading lines of profiles (issue 12): a line comes only from the entity's own part in an event that
happened, at a place that event's role puts it at, with a status read from the event's modality and that role.
Each rule is tested both ways on written reports ingested into a fresh store."""

import json

import pytest
from helpers import ingest_reports

from newsintel.cli.main import main

REPORTS = [
    # a threat's place is no place of the one threatening; a journey that happened is
    ("Threat to Vienna", "2025-04-01",
     "Driton Haliti threatened to attack Vienna, police said. Driton Haliti travelled to Skopje on Monday."),
    # a remote strike does not put its agent at the target's place; the target was there
    ("Strikes on Mayadin", "2025-04-02",
     "The Northern Front shelled the Sham Brigade in Mayadin on Sunday, officials said."),
    ("Raid on Tal Afar", "2025-04-03",
     "Fighters of the Northern Front attacked a checkpoint in Tal Afar on Tuesday, officials said."),
    # stopped: attempted; not stopped: no line at all
    ("Turned back at Kapitan Andreevo", "2025-04-04",
     "Bulgarian border guards prevented Arben Krasniqi from crossing into Bulgaria near Svilengrad on Friday."),
    ("Camp exits", "2025-04-05",
     "Lejla Begic said the guards are not preventing Samir Haddad from leaving Rukban."),
    # "was supposed to": intended; a journey under way: attempted; neither gives a where line at the destination
    ("Missed flight", "2025-04-06",
     "Yusuf Demir was supposed to fly from Istanbul to Hamburg on Friday. Yusuf Demir was travelling to Sofia when "
     "police stopped his bus."),
    # a journey under way that nothing cut short: it happened, yet the traveller was not at its end
    ("On the road", "2025-04-11",
     "Goran Petrovski was driving to Ohrid on Saturday, his brother said. "
     "Goran Petrovski travelled to Bitola on Friday."),
    # a clause of its own keeps its own status: the catching happened, the crossing was tried
    ("Caught in Edirne", "2025-04-07",
     "Emir Mujanovic tried to cross into Greece on Monday but was caught by police in Edirne."),
    # the owner of a consulate is not where its consulate is
    ("Consulate attacked", "2025-04-08",
     "Gunmen of the Sham Brigade attacked Germany's consulate in Mazar-i-Sharif on Thursday."),
    # an attack on computers puts its target nowhere, one on the ground does
    ("Data stolen", "2025-04-10",
     "Hackers stole the data of two million customers in a cyber attack on the Baltic Credit Union in Riga. "
     "Gunmen attacked the Baltic Credit Union in Tallinn on Friday."),
    # a group's own claim of an attack: hedged for it; the victim was there whatever the claim
    ("Claim of the bombing", "2025-04-09",
     "The Sham Brigade claimed responsibility for the bombing that killed Mohammed Benali in Idlib."),
]


@pytest.fixture(scope="module")
def store(tmp_path_factory):
    folder = tmp_path_factory.mktemp("where")
    return ingest_reports(folder, [{"title": t, "published": p, "text": x} for t, p, x in REPORTS])


def _profile(store, capsys, name: str) -> dict:
    capsys.readouterr()
    assert main(["profile", name, "--db", str(store), "--json", "--min-confidence", "0"]) == 0
    return json.loads(capsys.readouterr().out)


def _where(profile: dict) -> dict[str, str]:
    """Place -> status of the where lines, the members' included."""
    lines = profile["where"] + (profile.get("members") or {}).get("where", [])
    return {w["place"].split(",")[0]: w["status"] for w in lines}


def _heading(profile: dict) -> list[tuple[str, str]]:
    return [(h["trigger"], h["status"]) for h in profile["heading"]]


def test_threat_gives_no_place_but_a_journey_does(store, capsys):
    where = _where(_profile(store, capsys, "Driton Haliti"))
    assert "Vienna" not in where
    assert where.get("Skopje") == "done"


def test_remote_strike_puts_its_target_not_its_agent_at_the_place(store, capsys):
    where = _where(_profile(store, capsys, "Northern Front"))
    assert "Mayadin" not in where
    assert where.get("Tal Afar") == "done"  # an attack on the ground puts its agent there
    assert _where(_profile(store, capsys, "Sham Brigade")).get("Mayadin") == "done"


def test_stopped_crossing_is_attempted(store, capsys):
    profile = _profile(store, capsys, "Arben Krasniqi")
    assert ("crossing into", "attempted") in _heading(profile)
    assert "Bulgaria" not in _where(profile)


def test_crossing_nobody_stopped_gives_no_line(store, capsys):
    profile = _profile(store, capsys, "Samir Haddad")
    assert not profile["heading"] and "Rukban" not in _where(profile)


def test_supposed_journey_is_intended_and_one_under_way_attempted(store, capsys):
    profile = _profile(store, capsys, "Yusuf Demir")
    statuses = dict(_heading(profile))
    # "was travelling to Sofia when police stopped his bus": under way, not a plan (audit category: wrong modality)
    assert statuses.get("fly") == "intended" and statuses.get("travelling") == "attempted"
    assert not {"Hamburg", "Sofia"} & set(_where(profile))


def test_journey_under_way_is_done_but_puts_no_one_at_its_end(store, capsys):
    profile = _profile(store, capsys, "Goran Petrovski")
    assert ("driving", "done") in _heading(profile)
    where = _where(profile)
    assert "Ohrid" not in where and where.get("Bitola") == "done"


def test_caught_after_a_tried_crossing_is_done(store, capsys):
    profile = _profile(store, capsys, "Emir Mujanovic")
    assert _where(profile).get("Edirne") == "done"
    assert ("cross into", "attempted") in _heading(profile) or ("cross", "attempted") in _heading(profile)


def test_consulate_owner_is_not_at_the_consulate(store, capsys):
    where = _where(_profile(store, capsys, "Sham Brigade"))
    assert where.get("Mazar-i-Sharif") == "done"
    assert "Germany" not in where


def test_cyber_attack_puts_its_target_nowhere(store, capsys):
    where = _where(_profile(store, capsys, "Baltic Credit Union"))
    assert "Riga" not in where and where.get("Tallinn") == "done"


def test_own_claim_is_hedged_for_the_claimer_not_for_the_victim(store, capsys):
    assert _where(_profile(store, capsys, "Sham Brigade")).get("Idlib") == "hedged"
    assert _where(_profile(store, capsys, "Mohammed Benali")).get("Idlib") == "done"


def test_flows_count_a_stopped_crossing_as_attempted_and_leave_out_an_unstopped_one(store, capsys):
    capsys.readouterr()
    assert main(["movements", "--db", str(store), "--json", "--min-confidence", "0"]) == 0
    flows = json.loads(capsys.readouterr().out)
    statuses = {tuple(f["path"]): f["status"] for f in flows}
    assert any(s.get("attempted") for path, s in statuses.items() if "Bulgaria" in " ".join(path))
    assert not any("Rukban" in " ".join(path) for path in statuses)


def test_setting_out_for_a_place_is_not_being_there(tmp_path, capsys):
    store = ingest_reports(tmp_path, [
        {"title": "Departure", "published": "2025-05-03",
         "text": "Ercan Aslanoglu boarded a plane for Vienna on Monday. Lejla Begic flew to Vienna on Monday."}])
    leaving = _profile(store, capsys, "Ercan Aslanoglu")
    assert "Vienna" not in _where(leaving) and [h["status"] for h in leaving["heading"]] == ["done"]
    assert _where(_profile(store, capsys, "Lejla Begic")).get("Vienna") == "done"


def test_heading_is_the_movers_not_the_visited(tmp_path, capsys):
    store = ingest_reports(tmp_path, [
        {"title": "Visit", "published": "2025-05-01",
         "text": "Fjolla Zeqiri visited Dennis Koehler in Tirana on Monday."},
        {"title": "Repatriated", "published": "2025-05-02",
         "text": "Albania repatriated Dennis Koehler from Syria to Tirana on Tuesday."}])
    visited = _profile(store, capsys, "Dennis Koehler")
    assert [h["trigger"] for h in visited["heading"]] == ["repatriated"]
    assert _where(_profile(store, capsys, "Fjolla Zeqiri")).get("Tirana") == "done"  # the visitor was there


@pytest.mark.parametrize(("type_", "role", "moves"), [
    ("TRAVEL", "actors", True), ("TRAVEL", "targets", False),  # the visitor travels, the visited does not
    ("RETURN", "targets", True), ("SMUGGLE", "targets", True), ("EVACUATE", "targets", True)])
def test_who_a_movement_moves(type_, role, moves):
    from newsintel.views.common import heads_somewhere

    fact = {"type": type_, "modality": "asserted", "trigger": "x", "actors": [{"text": "A"}],
            "targets": [{"text": "B"}], "origin": [], "via": [], "location": [], "destination": [{"text": "Tirana"}]}
    assert heads_somewhere(fact, role) is moves
