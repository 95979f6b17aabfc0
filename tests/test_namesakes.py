"""Namesakes: one name, two people, told apart by what reports say about them (sentences written for the tests)."""

import re

from newsintel.extract.namesakes import role_after, split_namesakes
from newsintel.model import Entity, Mention
from newsintel.pipeline import extract_text
from newsintel.store import connect
from tests.helpers import ingest_reports

TWO_IN_ONE = ("Arben Krasniqi, a computer science student from Tetovo, said he was held at the airport because his "
              "name matched an alert for Arben Krasniqi, the Macedonia-born commander who leads a militia in Syria.")


def test_occupation_in_apposition():
    text = "X Y, the Kosovo-born commander, Z W, a former student, V U, the brother of a fighter, T S, a teacher"
    assert role_after(text, text.index(", the Kosovo"))[:2] == ("commander", "militant")
    assert role_after(text, text.index(", a former")) is None  # a past role says nothing about now
    assert role_after(text, text.index(", the brother")) is None  # the fighter is someone else
    assert role_after(text, text.index(", a teacher"))[:2] == ("teacher", "civilian")


def test_one_name_described_as_two_people_in_one_report_is_two_entities():
    people = [e for e in extract_text(TWO_IN_ONE)["entities"] if e["name"] == "Arben Krasniqi"]
    assert len(people) == 2
    assert {p["attributes"].get("occupation") for p in people} == {"student", "commander"}


def test_split_by_stated_ages_keeps_undescribed_mentions_apart():
    text = "Ilir Gashi, 24, was stopped. Police wanted Ilir Gashi, 43, instead. Ilir Gashi complained."
    starts = [m.start() for m in re.finditer("Ilir Gashi", text)]
    entities = [Entity("d-e1", "Ilir Gashi", "PERSON",
                       mentions=[Mention("Ilir Gashi", s, s + 10, n, "PERSON") for n, s in enumerate(starts)])]
    assert split_namesakes(text, entities, "d")
    assert sorted(len(e.mentions) for e in entities) == [1, 1, 1]
    assert len({e.id for e in entities}) == 3
    same = [Entity("d-e1", "Ilir Gashi", "PERSON", mentions=[Mention("Ilir Gashi", s, s + 10, 0, "PERSON")
                                                               for s in starts[:1]])]
    assert not split_namesakes(text, same, "d")


def test_occupation_conflict_keeps_namesakes_apart_across_reports(tmp_path):
    reports = [
        {"title": "Commander indicted", "published": "2025-01-05",
         "text": "Prosecutors in Pristina indicted Arben Krasniqi, the Kosovo-born commander of the Mountain Legion, "
                 "in absentia on Monday. The Mountain Legion fought for Islamic State in Syria."},
        {"title": "Commander named", "published": "2025-02-07",
         "text": "Arben Krasniqi still leads the Mountain Legion in Syria, officials in Pristina said. The group "
                 "fought for Islamic State."},
        {"title": "Student stopped", "published": "2025-03-01",
         "text": "Arben Krasniqi, a computer science student from Pristina, said border officers stopped him "
                 "because he shares a name with the leader of the Mountain Legion, which fought for Islamic State."},
    ]
    db = ingest_reports(tmp_path, reports)
    conn = connect(db)
    ids = {title: identity for title, identity in conn.execute(
        "SELECT d.title, l.identity_id FROM entities e JOIN documents d ON d.id = e.document_id"
        " JOIN entity_links l ON l.entity_id = e.id WHERE e.name = 'Arben Krasniqi'")}
    assert ids["Commander indicted"] == ids["Commander named"]  # same name, shared context, nothing against it
    assert ids["Student stopped"] != ids["Commander indicted"]  # shared context, but a student is no commander


def test_relatives_sharing_a_surname_lone_surname_is_the_one_named_last():
    from newsintel.nlp.grouping import RawMention, group_mentions

    mentions = [RawMention("Tomas Brandt", 0, 12, 0, "PERSON"), RawMention("Brandt", 20, 26, 0, "PERSON"),
                RawMention("Lukas Brandt", 40, 52, 1, "PERSON"), RawMention("Brandt", 60, 66, 2, "PERSON"),
                RawMention("Brandt", 80, 86, 3, "PERSON")]
    names = {e.name: [m.start for m in e.mentions] for e in group_mentions(mentions, "d")}
    assert names == {"Tomas Brandt": [0, 20], "Lukas Brandt": [40, 60, 80]}


def test_lone_surname_before_either_relative_is_named_stays_alone():
    from newsintel.nlp.grouping import RawMention, group_mentions

    mentions = [RawMention("Brandt", 0, 6, 0, "PERSON"), RawMention("Tomas Brandt", 20, 32, 1, "PERSON"),
                RawMention("Lukas Brandt", 40, 52, 1, "PERSON")]
    names = {e.name: [m.start for m in e.mentions] for e in group_mentions(mentions, "d")}
    assert names == {"Brandt": [0], "Tomas Brandt": [20], "Lukas Brandt": [40]}

