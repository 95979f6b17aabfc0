"""Cross-document resolution on the forms real reporting uses: corporate suffixes, short and long names, acronyms
a report defines, lone given names, names written family name first, namesakes told apart by middle names.
Sentences written for these tests; records built by hand so that the NER model's choices do not enter."""

import pytest

from newsintel.resolve.in_report import defined_acronyms
from newsintel.resolve.names import org_form, person_form, similarity
from newsintel.store import connect
from newsintel.store.identity_index import SqlIdentityIndex


@pytest.mark.parametrize(("a", "b", "same"), [
    ("Northwind Traders Inc.", "Northwind Traders", True),
    ("Northwind Traders Group Inc.", "Northwind Traders Corp.", True),
    ("Harbour Bank PLC", "Harbour Bank (UK) Ltd", True),
    ("Wal-Mart", "Walmart", True),
    ("the UN Refugee Office", "United Nations Refugee Office", True),
    ("Harbour Broadcasting Corporation", "HBC", False),  # an acronym is no name of its own across reports
    ("Group of 20", "20", False),  # a legal-form word is dropped at the end only, never the whole name
])
def test_organisation_forms(a, b, same):
    assert (similarity(org_form(a), org_form(b)) >= 0.9) is same


@pytest.mark.parametrize(("a", "b", "same"), [
    ("Park Min-seo", "Seo", False),  # a part of a hyphenated given name is not the person's name
    ("Park Min-seo", "Min", False),
    ("Park Min-seo", "Park", True),  # written family name first
    ("Yaw Mensah Boateng", "Yaw Kofi Boateng", False),  # father and son: the middle names differ
    ("Ama Serwaa Boateng", "Ama S. Boateng", True),
    ("Ama Serwaa Boateng", "Ama Boateng", True),
    ("Hassan Ben-Amar", "Hassan Benamar", True),
])
def test_person_forms(a, b, same):
    assert (similarity(person_form(a), person_form(b)) >= 0.75) is same


def _record(doc_id: str, text: str, names: list[tuple[str, str]]):
    """A record of `text` whose entities are the given (name, type) pairs, each at its first place in the text."""
    from newsintel.model import DocumentInfo, Entity, Mention, Record, Sentence

    entities, searched = [], 0
    for i, (name, type_) in enumerate(names):
        start = text.index(name, searched)
        searched = start + len(name)
        entities.append(Entity(id=f"{doc_id}-e{i}", name=name, type=type_,
                               mentions=[Mention(name, start, start + len(name), 0, type_)]))
    info = DocumentInfo(id=doc_id, title=doc_id, source=None, url=None, published="2025-05-01", text=text,
                        origin=doc_id, format="test")
    return Record(document=info, sentences=[Sentence(0, 0, len(text))], entities=entities)


def _links(conn) -> dict[tuple[str, str], str]:
    return {(r[0][:1], r[1]): r[2] for r in conn.execute(
        "SELECT e.document_id, e.name, l.identity_id FROM entities e JOIN entity_links l ON l.entity_id = e.id")}


P, G = "PERSON", "ORG"


def test_short_forms_join_the_one_full_name_of_their_report(tmp_path):
    from newsintel.store import save_record

    conn = connect(tmp_path / "s.db")
    save_record(conn, _record("a" * 16, "Ama Serwaa Boateng spoke for the Lakeside Otters. Ama said the Otters won.",
                              [("Ama Serwaa Boateng", P), ("Lakeside Otters", G), ("Ama", P), ("Otters", G)]))
    save_record(conn, _record("b" * 16, "The Lakeside Otters beat the Riverside Otters. The Otters were tired.",
                              [("Lakeside Otters", G), ("Riverside Otters", G), ("Otters", G)]))
    link = _links(conn)
    assert link[("a", "Ama")] == link[("a", "Ama Serwaa Boateng")]
    assert link[("a", "Otters")] == link[("a", "Lakeside Otters")] == link[("b", "Lakeside Otters")]
    assert link[("b", "Otters")] not in {link[("b", "Lakeside Otters")], link[("b", "Riverside Otters")]}


def test_a_lone_word_that_fits_two_people_of_the_report_stays_apart(tmp_path):
    from newsintel.store import save_record

    conn = connect(tmp_path / "s.db")
    text = "Lee Min-ho met Daniel Lee and Lee Jun-ki. Lee left."
    save_record(conn, _record("a" * 16, text, [("Lee Min-ho", P), ("Daniel Lee", P), ("Lee Jun-ki", P), ("Lee", P)]))
    link = _links(conn)
    assert len({link[("a", n)] for n in ("Lee Min-ho", "Daniel Lee", "Lee Jun-ki", "Lee")}) == 4


def test_a_name_part_is_not_the_name(tmp_path):
    from newsintel.store import save_record

    conn = connect(tmp_path / "s.db")
    save_record(conn, _record("a" * 16, "Ban Ki-moon met Moon Jae-in in Seoul.", [("Ban Ki-moon", P),
                                                                                 ("Moon Jae-in", P)]))
    save_record(conn, _record("b" * 16, "Moon praised the talks.", [("Moon", P)]))
    save_record(conn, _record("c" * 16, "Ban Ki-moon and Moon Jae-in spoke. Moon smiled.",
                              [("Ban Ki-moon", P), ("Moon Jae-in", P), ("Moon", P)]))
    link = _links(conn)
    assert link[("a", "Ban Ki-moon")] != link[("a", "Moon Jae-in")]
    assert link[("b", "Moon")] != link[("a", "Ban Ki-moon")]
    assert link[("c", "Moon")] == link[("c", "Moon Jae-in")] == link[("a", "Moon Jae-in")]


def test_acronyms_join_only_where_a_report_defines_them(tmp_path):
    from newsintel.store import save_record

    conn = connect(tmp_path / "s.db")
    save_record(conn, _record("a" * 16, "The Harbour Broadcasting Corporation (HBC) aired it. HBC said so.",
                              [("Harbour Broadcasting Corporation", G), ("HBC", G)]))
    save_record(conn, _record("b" * 16, "HBC said the show was sold out.", [("HBC", G)]))
    save_record(conn, _record("c" * 16, "The Hollow Bridge Circus came to town.", [("Hollow Bridge Circus", G)]))
    save_record(conn, _record("d" * 16, "Shares of Northwind Traders Inc. (NWT) rose, NWT said.",
                              [("Northwind Traders Inc.", G), ("NWT", G)]))
    save_record(conn, _record("e" * 16, "Northwind Traders said it would hire.", [("Northwind Traders", G)]))
    link = _links(conn)
    assert link[("a", "HBC")] == link[("a", "Harbour Broadcasting Corporation")] == link[("b", "HBC")]
    assert link[("c", "Hollow Bridge Circus")] != link[("a", "HBC")]
    assert link[("d", "NWT")] == link[("d", "Northwind Traders Inc.")] == link[("e", "Northwind Traders")]


def test_defined_acronyms_need_the_bracket_next_to_the_name(tmp_path):
    from newsintel.store import save_record

    conn = connect(tmp_path / "s.db")
    text = "The Harbour Broadcasting Corporation aired it. Later the panel (HBC) met. NWT (Northwind Traders) rose."
    save_record(conn, _record("a" * 16, text, [("Harbour Broadcasting Corporation", G), ("HBC", G),
                                               ("NWT", G), ("Northwind Traders", G)]))
    assert defined_acronyms(SqlIdentityIndex(conn), "a" * 16) == {"NWT": "a" * 16 + "-e3"}


def test_a_company_typed_as_a_person_joins_the_company(tmp_path):
    from newsintel.store import save_record

    conn = connect(tmp_path / "s.db")
    save_record(conn, _record("a" * 16, "Quillfeather said profits rose.", [("Quillfeather", G)]))
    save_record(conn, _record("b" * 16, "Quillfeather cut prices.", [("Quillfeather", P)]))
    save_record(conn, _record("c" * 16, "Tom Ford spoke.", [("Tom Ford", P)]))
    save_record(conn, _record("d" * 16, "Ford recalled cars.", [("Ford", G)]))
    link = _links(conn)
    assert link[("b", "Quillfeather")] == link[("a", "Quillfeather")]
    assert link[("d", "Ford")] != link[("c", "Tom Ford")]  # a person known by a full name is not the company
