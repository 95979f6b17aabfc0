"""Alias relations that let cross-document resolution pool names, on sentences written for the tests."""

from newsintel.pipeline import extract_text
from tests.helpers import ingest_reports


def aliases(text: str) -> list[tuple[str, str, bool]]:
    rec = extract_text(text, published="2025-06-12")
    return [(r["subject"]["text"], r["object"]["text"], bool(r.get("checked"))) for r in rec["relations"]
            if r["type"] == "ALIAS" and r["subject"]["entity"] and r["object"]["entity"]]


def test_organisation_alias_after_a_comma():
    for cue in ("also called", "known in the region as"):
        found = aliases(f"Police said he fought with the Northern Lions Brigade, {cue} the Mountain Legion, in 2019.")
        assert ("the Northern Lions Brigade", "the Mountain Legion", False) in found


def test_second_name_after_or():
    found = aliases("He joined a unit known as the Mountain Legion - or Katibat al-Jabal in Arabic.")
    assert ("the Mountain Legion", "Katibat al-Jabal", False) in found


def test_long_person_alias_is_checked_when_no_other_person_intervenes():
    found = aliases("Mohammed Farouk, who officials say fought with the Northern Lions Brigade, known in the region "
                    "as the Mountain Legion, under the name Abu Bilal al-Masri, was killed.")
    assert ("Mohammed Farouk", "Abu Bilal al-Masri", True) in found


def test_alias_of_someone_else_named_in_between_is_not_taken():
    assert aliases("Police said Mohammed Farouk's phone would help them find other members, including its "
                   "Kosovo-born leader, who is known as Abu Bilal al-Masri.") == []
    assert not any(s == "Mohammed Farouk" for s, _, _ in aliases(
        "Mohammed Farouk met a man known as Abu Bilal al-Masri in Gaziantep, police said."))


def test_telephone_call_is_not_an_alias():
    assert aliases("Mohammed Farouk also called Besnik Gashi on Monday, police said.") == []


def test_quotes_around_a_name_do_not_make_another_name():
    from newsintel.resolve.names import org_form

    assert org_form('the "Mountain Legion') == org_form("Mountain Legion") == org_form("the “Mountain Legion”")


def test_report_naming_both_names_joins_organisations_found_apart(tmp_path):

    from newsintel.store import connect

    reports = [
        {"title": "Raid", "published": "2025-01-05",
         "text": "Police in Skopje arrested two men linked to the Northern Lions Brigade on Monday."},
        {"title": "Verdict", "published": "2025-02-07",
         "text": "The court said the Mountain Legion had sent fighters to Syria since 2014."},
        {"title": "Profile", "published": "2025-03-01",
         "text": "Police said he fought with the Northern Lions Brigade, also called the Mountain Legion, until 2019."},
    ]
    db = ingest_reports(tmp_path, reports)
    conn = connect(db)
    ids = {name: identity for name, identity in conn.execute(
        "SELECT e.name, l.identity_id FROM entities e JOIN entity_links l ON l.entity_id = e.id WHERE e.type = 'ORG'")}
    assert ids["Northern Lions Brigade"] == ids["Mountain Legion"]
    assert conn.execute("SELECT count(*) FROM identities WHERE kind = 'org'").fetchone()[0] == 1
