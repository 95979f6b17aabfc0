"""Described and collective actors (extract/actors.py): written wire-style reports about unnamed fighters."""

import sqlite3

from helpers import ingest_reports, record


def events(text: str, type_: str) -> list[dict]:
    return [e for e in record(text)["events"] if e["type"] == type_]


def actor(text: str, actor_id: str) -> dict:
    return next(a for a in record(text)["actors"] if a["id"] == actor_id)


def entity_id(text: str, name: str) -> str:
    return next(e["id"] for e in record(text)["entities"] if e["name"] == name)


LEAVING = ("Dozens of militants are believed to be travelling towards the Sahel after being driven out of Sirte, a "
           "regional security official said on Monday. The militants reportedly left the city in pickup trucks.")
BORDER = ("Three Belgian fighters tried to cross into Turkey near Kilis on Sunday, border officials said. One of them "
          "was detained at a border post and he later handed himself in to police. A woman travelling with them was "
          "freed.")
SMUGGLER = ("A Tunisian smuggler was arrested in Ben Gardane on Friday, police said. The smuggler had taken at least "
            "three foreign fighters across the border into Libya, according to prosecutors.")
RETURNING = ("Some 2,500 foreign fighters have returned to Europe since 2015, officials estimate. Several hundred of "
             "them came back to France.")
THREAT = ("The Islamic State group threatened to attack Paris on Tuesday. The militant group said in a statement that "
          "its fighters would strike again.")
AUSTRALIAN = ("An Australian man who fought with al-Shabaab returned to Sydney last week, the broadcaster reported. He "
              "was questioned by federal police at the airport.")
WOMEN = ("Two Dutch women and their children were smuggled out of al-Hol camp into Iraq, a Kurdish official said. The "
         "women may have paid smugglers thousands of dollars.")
RIVER = ("Police detained four men at the Evros river crossing on Wednesday. The men were allegedly trying to reach "
         "Greece with forged passports.")
MOSUL = ("Islamic State fighters fled Mosul overnight, residents said. The fighters are thought to have crossed into "
         "Syria.")
JIHADIST = ("A British jihadist threatened to carry out attacks in London, according to court documents. The jihadist, "
            "a former student, is believed to be living in Idlib.")
OUR_UNIT = '"Our unit will return to Raqqa," a commander of the Free Syrian Army told reporters on Thursday.'
NO_ANTECEDENT = "Officials said the men had left Tripoli in May. They were later stopped near the border."
REPORTS = [LEAVING, BORDER, SMUGGLER, RETURNING, THREAT, AUSTRALIAN, WOMEN, RIVER, MOSUL, JIHADIST, OUR_UNIT,
           NO_ANTECEDENT]


def test_vague_count_and_a_repeated_description_are_one_actor():
    travel, _driven, left = events(LEAVING, "TRAVEL")
    arg = travel["actors"][0]
    assert (arg["kind"], arg["role"], arg["count"]) == ("described", "militant", {"vague": "dozens", "min": 24})
    assert left["modality"] == "hedged" and left["actors"][0]["actor"] == arg["actor"]
    assert [m["text"] for m in actor(LEAVING, arg["actor"])["mentions"]] == ["Dozens of militants", "militants"]


def test_one_of_them_is_a_member_of_the_set_and_carries_its_nationality():
    (cross,) = events(BORDER, "CROSS_BORDER")
    fighters = cross["actors"][0]
    assert (fighters["nationality"], fighters["role"], fighters["count"]) == ("BE", "fighter", {"value": 3})
    assert cross["modality"] == "attempted"
    (arrest,) = events(BORDER, "ARREST")
    one = arrest["targets"][0]
    assert one["text"] == "One of them" and one["count"] == {"value": 1} and one["nationality"] == "BE"
    assert actor(BORDER, one["actor"])["part_of"] == fighters["actor"]
    (surrender,) = events(BORDER, "SURRENDER")
    assert surrender["actors"][0]["actor"] == one["actor"]


def test_a_woman_is_one_person_of_her_own():
    (release,) = events(BORDER, "RELEASE")
    woman = release["targets"][0]
    assert (woman["role"], woman["count"], woman["nationality"]) == ("woman", {"value": 1}, None)
    assert actor(BORDER, woman["actor"])["part_of"] is None
    (cross,) = events(BORDER, "CROSS_BORDER")
    assert actor(BORDER, woman["actor"])["with"] == cross["actors"][0]["actor"]  # travelling with them


def test_with_them_needs_one_clear_set():
    rec = record("Police detained three Belgian fighters in Kilis. A woman with them was released.")
    woman = next(a for a in rec["actors"] if a["role"] == "woman")
    assert woman["with"] is None  # the police or the fighters: unclear


def test_demonym_nationality_and_the_definite_repeat():
    (arrest,) = events(SMUGGLER, "ARREST")
    (smuggle,) = events(SMUGGLER, "SMUGGLE")
    smuggler = arrest["targets"][0]
    assert (smuggler["nationality"], smuggler["role"], smuggler["count"]) == ("TN", "smuggler", {"value": 1})
    assert smuggle["actors"][0]["actor"] == smuggler["actor"]
    moved = smuggle["targets"][0]
    assert (moved["role"], moved["count"]) == ("fighter", {"min": 3})  # "at least three"
    assert moved["actor"] != smuggler["actor"]


def test_approximate_count():
    returned = events(RETURNING, "RETURN")[0]["actors"][0]
    assert returned["count"] == {"value": 2500, "approximate": True}
    assert returned["role"] == "fighter"


def test_the_group_is_the_organisation_just_named_and_its_fighters_belong_to_it():
    group = entity_id(THREAT, "Islamic State")
    speaker = next(c["speaker"] for c in record(THREAT)["claims"] if c["speaker"]["text"] == "militant group")
    assert speaker["entity"] == group
    strike = next(e for e in events(THREAT, "ATTACK") if e["trigger"] == "strike")
    fighters = strike["actors"][0]
    assert fighters["group"]["entity"] == group
    assert fighters["role"] == "fighter" and fighters["kind"] == "described"


def test_an_australian_man():
    (ret,) = events(AUSTRALIAN, "RETURN")
    man = ret["actors"][0]
    assert (man["kind"], man["nationality"], man["count"]) == ("described", "AU", {"value": 1})


def test_women_and_children_are_two_actors():
    (smuggle,) = events(WOMEN, "SMUGGLE")
    women, children = smuggle["actors"] + smuggle["targets"]
    assert (women["nationality"], women["role"], women["count"]) == ("NL", "woman", {"value": 2})
    assert children["role"] == "child" and children["count"] is None and children["actor"] != women["actor"]


def test_the_men_are_the_four_men_detained():
    (arrest,) = events(RIVER, "ARREST")
    police, men = arrest["actors"][0], arrest["targets"][0]
    assert police["role"] == "police" and men["count"] == {"value": 4}
    (travel,) = events(RIVER, "TRAVEL")
    assert travel["modality"] in ("hedged", "attempted") and travel["actors"][0]["actor"] == men["actor"]


def test_group_from_a_named_organisation_before_the_noun():
    (flee,) = events(MOSUL, "FLEE")
    (cross,) = events(MOSUL, "CROSS_BORDER")
    fighters = flee["actors"][0]
    assert fighters["group"]["entity"] == entity_id(MOSUL, "Islamic State")
    assert cross["actors"][0]["actor"] == fighters["actor"] and cross["modality"] == "hedged"


def test_a_british_jihadist_threatening():
    (threat,) = events(JIHADIST, "THREATEN")
    who = threat["actors"][0]
    assert (who["nationality"], who["role"], who["count"]) == ("GB", "fighter", {"value": 1})
    assert threat["attribution"] is not None


def test_our_unit_is_the_speakers_organisation():
    (ret,) = events(OUR_UNIT, "RETURN")
    assert ret["actors"][0]["entity"] == entity_id(OUR_UNIT, "Free Syrian Army")


def test_the_men_with_no_antecedent_stay_alone():
    (travel,) = events(NO_ANTECEDENT, "TRAVEL")
    men = travel["actors"][0]
    assert men["entity"] is None and men["kind"] == "described" and men["group"] is None
    assert men["nationality"] is None and men["count"] is None
    speakers = {a["id"] for a in record(NO_ANTECEDENT)["actors"] if a["role"] == "official"}
    assert men["actor"] not in speakers


def test_mentions_index_the_text_and_no_private_keys_leak():
    for text in REPORTS:
        rec = record(text)
        for a in rec["actors"]:
            for m in a["mentions"]:
                assert text[m["start"]:m["end"]] == m["text"]
            assert a["part_of"] is None or a["part_of"] in {b["id"] for b in rec["actors"]}
        for event in rec["events"]:
            for arg in event["actors"] + event["targets"]:
                assert not any(k.startswith("_") for k in arg)
                assert arg["kind"] in ("named", "described", "pronoun", "other")
                assert arg.get("actor") is None or arg["actor"] in {b["id"] for b in rec["actors"]}


def test_actors_are_stored_with_their_mentions(tmp_path):
    db = ingest_reports(tmp_path, [{"title": "Border", "text": BORDER, "published": "2025-06-12"}])
    conn = sqlite3.connect(db)
    rows = conn.execute("SELECT id, role, nationality, count_value, part_of FROM actors ORDER BY id").fetchall()
    assert ("fighter", "BE", 3.0) in [r[1:4] for r in rows]
    assert any(r[4] is not None for r in rows)
    linked = conn.execute("SELECT COUNT(*) FROM event_args WHERE actor_id IN (SELECT id FROM actors)").fetchone()[0]
    assert linked >= 3
    mentions = conn.execute("SELECT m.start, m.end, m.text, d.text FROM actor_mentions m JOIN documents d"
                            " ON d.id = m.document_id").fetchall()
    assert mentions and all(doc[s:e] == t for s, e, t, doc in mentions)


COURT = ("A Belgian court convicted two Syrian nationals of smuggling fighters across the Turkish border, prosecutors "
         "said on Tuesday.")
SUBSET = ("Five Kosovar women and seven children were flown home from northern Syria on Monday, the ministry said. "
          "Police detained one of the women on arrival, and the three other women were released.")
RESTRICTED = ("More than 200 people left the town to fight abroad, officials said. Several of the men behind last "
              "year's bombing grew up there.")
SOURCE_BETWEEN = ("Police arrested Marek Dvorak in Brno on Monday. He had travelled to Syria twice, according to "
                  "one of the investigators. He allegedly fled to Turkey in 2016.")


def test_a_court_or_the_media_is_no_actor_but_nationals_are():
    rec = record(COURT)
    assert not any(a["text"].endswith("court") for a in rec["actors"])
    nationals = next(a for a in rec["actors"] if "nationals" in a["text"])
    assert (nationals["nationality"], nationals["count"]) == ("SY", {"value": 2})


def test_the_other_women_are_a_subset_not_the_whole_set():
    rec = record(SUBSET)
    women = next(a for a in rec["actors"] if a["text"].startswith("Five"))
    others = next(a for a in rec["actors"] if "other women" in a["text"])
    one = next(a for a in rec["actors"] if a["text"].startswith("one of"))
    assert others["id"] != women["id"] and others["part_of"] == women["id"] and others["count"] == {"value": 3}
    assert one["part_of"] == women["id"] and one["count"] == {"value": 1}


def test_a_description_with_its_own_modifier_is_a_new_actor():
    rec = record(RESTRICTED)
    people = next(a for a in rec["actors"] if "200 people" in a["text"])
    assert len(people["mentions"]) == 1


def test_a_pronoun_does_not_jump_to_a_source_quoted_in_between():
    for event in record(SOURCE_BETWEEN)["events"]:
        for arg in event["actors"]:
            if arg.get("actor"):
                quoted = next(a for a in record(SOURCE_BETWEEN)["actors"] if a["id"] == arg["actor"])
                assert quoted["role"] != "prosecutor" and "investigators" not in quoted["text"]


def test_actors_command_lists_unnamed_actors_with_events_and_sources(tmp_path, capsys):
    import json

    from newsintel.cli.main import main

    db = ingest_reports(tmp_path, [
        {"title": "Fighters at the border", "text": BORDER, "published": "2025-06-09"},
        {"title": "Mosul", "text": MOSUL, "published": "2025-06-10"},
        {"title": "Smuggler held", "text": SMUGGLER, "published": "2025-06-11"},
    ])
    capsys.readouterr()
    assert main(["actors", "--db", str(db), "--nationality", "be", "--role", "fighter", "--json"]) == 0
    rows = json.loads(capsys.readouterr().out)
    assert {r["text"] for r in rows} == {"Three Belgian fighters", "One of them"}
    one = next(r for r in rows if r["text"] == "One of them")
    assert one["part_of_text"] == "Three Belgian fighters" and one["with_text"] is None
    assert {e["type"] for e in one["events"]} >= {"ARREST"}
    arrest = next(e for e in one["events"] if e["type"] == "ARREST")
    assert arrest["as"] == "targets" and "detained" in arrest["sentence_text"]
    assert one["source"]["title"] == "Fighters at the border"
    assert one["source"]["published"].startswith("2025-06-09")
    assert main(["actors", "--db", str(db), "--group", "ISIS", "--json"]) == 0  # an alias of Islamic State
    rows = json.loads(capsys.readouterr().out)
    assert [r["text"] for r in rows] == ["Islamic State fighters"]
    assert [e["modality"] for e in rows[0]["events"]] == ["asserted", "hedged"]
    assert main(["actors", "--db", str(db), "--role", "smuggler"]) == 0
    out = capsys.readouterr().out
    assert "Tunisian smuggler" in out and "Smuggler held" in out and "ARREST (asserted)" in out


KENYA = ("Fighters from al-Shabaab crossed into Kenya on Monday, officials said. Kenya said it had closed its border. "
         "The country detained six members of the group near Mandera.")


def test_the_country_and_members_of_the_group():
    shabaab = next(e["id"] for e in record(KENYA)["entities"] if e["type"] == "ORG")
    kenya = next(e["id"] for e in record(KENYA)["entities"] if e["name"] == "Kenya")
    (cross,) = events(KENYA, "CROSS_BORDER")
    assert cross["actors"][0]["group"]["entity"] == shabaab and cross["actors"][0]["role"] == "fighter"
    (arrest,) = events(KENYA, "ARREST")
    country, members = arrest["actors"][0], arrest["targets"][0]
    assert country["entity"] == kenya and "actor" not in country
    assert members["group"]["entity"] == shabaab and members["count"] == {"value": 6}
    assert members["role"] == "member"


# --- precision on general news (categories from an audit of unseen real articles; sentences written here) ---

TWO_WORD = ("Two South Korean soldiers were detained near the border on Friday, officials said. A New Zealander was "
            "arrested in Istanbul, and three Sri Lankan fighters returned to Colombo.")


def test_two_word_nationalities():
    by_text = {a["text"]: a for a in record(TWO_WORD)["actors"]}
    assert by_text["Two South Korean soldiers"]["nationality"] == "KR"
    assert by_text["New Zealander"]["nationality"] == "NZ" and by_text["New Zealander"]["count"] == {"value": 1}
    assert by_text["three Sri Lankan fighters"]["nationality"] == "LK"


ITS_SOLDIERS = ("Reuters filmed the convoy on Sunday. Turkey said its soldiers crossed into Syria on Monday.")
ITS_FIGHTERS = ("Hamas said its fighters crossed into Israel on Monday, according to Reuters.")


def test_its_soldiers_belong_to_the_subject_not_to_any_organisation_named_nearby():
    soldiers = next(a for a in record(ITS_SOLDIERS)["actors"] if a["text"] == "its soldiers")
    assert soldiers["group"] is None  # Turkey is no organisation, and Reuters is not whose soldiers
    fighters = next(a for a in record(ITS_FIGHTERS)["actors"] if a["text"] == "its fighters")
    assert fighters["group"] is not None and fighters["group"]["text"] == "Hamas"


def test_a_place_is_no_group():
    from newsintel.extract.describe import is_place_name

    assert is_place_name("Kilis") and is_place_name("Mosul")
    assert not is_place_name("Hamas") and not is_place_name("Islamic State")


COUNTS = ("More than 300 pupils were abducted from a school in Dapchi in February. The 21 pupils freed on Sunday "
          "were flown to the capital, officials said.")
CRACKDOWN = ("Police launched a crackdown on Islamists in March, jailing hundreds of them. They were later released.")


def test_a_repeat_with_another_count_is_another_set():
    rec = record(COUNTS)
    big = next(a for a in rec["actors"] if "300 pupils" in a["text"])
    small = next(a for a in rec["actors"] if "21 pupils" in a["text"])
    assert big["id"] != small["id"] and small["count"] == {"value": 21}
    assert len(big["mentions"]) == 1


def test_them_does_not_skip_a_plural_noun_of_its_sentence():
    rec = record(CRACKDOWN)
    police = next(a for a in rec["actors"] if a["text"] == "Police")
    assert len(police["mentions"]) == 1  # neither "them" nor "They" is the police
    assert all(a["part_of"] != police["id"] for a in rec["actors"])


FURNITURE = ("Gunmen kidnapped three aid workers near Goma on Tuesday, the United Nations said.\n"
             "Photos: Two soldiers stand guard as villagers flee the fighting near Goma.\n"
             "By Jane Roe and Peter Holm\n"
             "MOST READ\n"
             "Police arrest five smugglers at the port\n"
             "Rebels seize a mine in the east\n"
             "The workers were freed on Thursday, a local official said.\n"
             "MOST READ IN WORLD Smugglers drown migrants off Libya TRAVEL Tourists flee the floods")


def test_page_furniture_gives_no_actors():
    texts = {a["text"] for a in record(FURNITURE)["actors"]}
    assert "three aid workers" in texts
    assert not texts & {"Two soldiers", "villagers", "five smugglers", "Rebels", "Smugglers", "migrants", "Tourists"}


ABSTRACT = ("The militants threatened retaliation after the raid, officials said. Security forces attacked the "
            "hideout and the crowd fled the area.")


def test_only_people_and_groups_are_described_participants():
    for event in record(ABSTRACT)["events"]:
        for arg in event["actors"] + event["targets"]:
            if arg["kind"] == "described":
                assert arg.get("actor") or arg["text"] in ("Security forces", "crowd"), arg["text"]
            if arg["text"] in ("retaliation", "hideout", "the hideout"):
                assert arg["kind"] == "other" and "actor" not in arg


FIRST_PERSON = ('"We will return to Mosul," a resident told reporters on Monday. "My son was taken to Syria by '
                'smugglers," a woman said.')
MEMBER_SPEAKS = '"Our fighters will attack Baghdad," a commander of Islamic State said in a video on Friday.'


def test_first_and_second_person_are_no_actors_unless_a_member_speaks_for_a_group():
    rec = record(FIRST_PERSON)
    texts = {a["text"] for a in rec["actors"]}
    assert not texts & {"We", "My son"}
    kinds = {arg["text"]: arg["kind"] for e in rec["events"] for arg in e["actors"] + e["targets"]}
    assert kinds.get("We") in (None, "pronoun")
    fighters = next(a for a in record(MEMBER_SPEAKS)["actors"] if a["text"] == "Our fighters")
    assert fighters["group"]["text"] == "Islamic State" and fighters["role"] == "fighter"


HOSTAGES = "Boko Haram hostages were freed near Banki on Sunday, and two Boko Haram fighters surrendered to the army."


def test_hostages_of_a_group_are_no_members_of_it():
    by_text = {a["text"]: a for a in record(HOSTAGES)["actors"]}
    assert by_text["Boko Haram hostages"]["role"] == "hostage" and by_text["Boko Haram hostages"]["group"] is None
    assert by_text["two Boko Haram fighters"]["group"]["text"] == "Boko Haram"


NOBODY_AND_NUMBERS = ("(Wire) Kurdish fighters crossed into Iraq on Monday. No foreign fighters were released in the "
                      "exchange, the source said. Forty-two fighters were detained at the border.")


def test_no_fighters_are_nobody_and_texts_keep_their_number_and_drop_a_dateline():
    rec = record(NOBODY_AND_NUMBERS)
    texts = {a["text"] for a in rec["actors"]}
    assert not any(t.lower().startswith("no ") for t in texts)
    assert "Kurdish fighters" in texts and not any(t.startswith("(") for t in texts)
    detained = next(a for a in rec["actors"] if a["count"] == {"value": 42})
    assert detained["text"] == "Forty-two fighters" and detained["mentions"][0]["text"] == "Forty-two fighters"


INDEFINITE_GROUP = ("Boko Haram fighters raided a village on Saturday. Members of a vigilante group attacked the camp "
                    "on Sunday.")
QUOTED_I = 'Police said on Monday that two migrants drowned. "I escaped as soon as I saw the boat sink," police said.'


def test_members_of_a_new_group_are_not_members_of_the_group_named_before():
    members = next(a for a in record(INDEFINITE_GROUP)["actors"] if a["text"] == "Members")
    assert members["group"] is None and members["role"] == "member"


def test_a_pronoun_links_only_to_an_actor_of_its_number():
    (flee,) = events(QUOTED_I, "FLEE")
    arg = flee["actors"][0]
    assert arg["kind"] == "pronoun" and "actor" not in arg  # "I" is no set of police
    police = next(a for a in record(QUOTED_I)["actors"] if a["role"] == "police")
    assert all(m["text"] != "I" for m in police["mentions"])
