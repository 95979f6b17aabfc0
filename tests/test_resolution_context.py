"""Cross-document resolution decided by a report's context and by the store's types: a lone surname or short form
with no full name in its report joins the bearer its context clearly points to, never just any bearer; a company
the NER model tagged as a person in one report is the company the store knows; two people of one report who
share name parts stay two. Sentences written for these tests; records built by hand so that the NER model's
choices do not enter."""

from newsintel.model import DocumentInfo, Entity, Mention, Record, Sentence
from newsintel.resolve.names import org_form, similarity
from newsintel.store import connect, save_record

P, G = "PERSON", "ORG"


def _record(doc_id: str, text: str, entities: list[tuple[str, str, list[str]]]) -> Record:
    """A record of `text`; each entity is (name, type, the texts of its mentions), each mention at its next place
    in the text after the previous mention of the same entity ("Name@2": its second place)."""
    built = []
    for i, (name, type_, texts) in enumerate(entities):
        mentions, searched = [], 0
        for written in texts:  # "Name@2": the second time the text writes it
            text_, _, nth = written.partition("@")
            for _ in range(int(nth or 1)):
                start = text.index(text_, searched)
                searched = start + 1
            searched = start + len(text_)
            mentions.append(Mention(text_, start, start + len(text_), 0, type_))
        built.append(Entity(id=f"{doc_id}-e{i}", name=name, type=type_, mentions=mentions))
    info = DocumentInfo(id=doc_id, title=doc_id, source=None, url=None, published="2025-06-01", text=text,
                        origin=doc_id, format="test")
    return Record(document=info, sentences=[Sentence(0, 0, len(text))], entities=built)


def _save(conn, doc_id: str, text: str, *names: tuple[str, str]) -> None:
    """One mention per entity, written as its name."""
    save_record(conn, _record(doc_id, text, [(n, t, [n]) for n, t in names]))


def _identity(conn, doc_id: str, name: str) -> str:
    row = conn.execute("SELECT l.identity_id FROM entities e JOIN entity_links l ON l.entity_id = e.id"
                       " WHERE e.document_id = ? AND e.name = ?", (doc_id, name)).fetchone()
    assert row is not None, (doc_id, name)
    return row[0]


def _two_vaskos(conn) -> None:
    """Two people called Vasko in two stories: a rocket builder and a cook."""
    _save(conn, "a" * 16, "Orlan Vasko showed the new rocket of Corvane Aerospace to Brightwell Launch Services.",
          ("Orlan Vasko", P), ("Corvane Aerospace", G), ("Brightwell Launch Services", G))
    _save(conn, "b" * 16, "Mira Vasko, head cook of the Copper Pot Bistro, won the Saffron Guild prize.",
          ("Mira Vasko", P), ("Copper Pot Bistro", G), ("Saffron Guild", G))


def test_a_lone_surname_joins_the_bearer_its_story_context_points_to(tmp_path):
    conn = connect(tmp_path / "s.db")
    _two_vaskos(conn)
    _save(conn, "c" * 16, "Vasko said Corvane Aerospace and Brightwell Launch Services would fly again in May.",
          ("Vasko", P), ("Corvane Aerospace", G), ("Brightwell Launch Services", G))
    _save(conn, "d" * 16, "The Saffron Guild and the Copper Pot Bistro thanked Vasko for the new menu.",
          ("Saffron Guild", G), ("Copper Pot Bistro", G), ("Vasko", P))
    assert _identity(conn, "c" * 16, "Vasko") == _identity(conn, "a" * 16, "Orlan Vasko")
    assert _identity(conn, "d" * 16, "Vasko") == _identity(conn, "b" * 16, "Mira Vasko")


def test_a_lone_surname_with_no_or_split_context_stays_apart(tmp_path):
    conn = connect(tmp_path / "s.db")
    _two_vaskos(conn)
    _save(conn, "e" * 16, "Vasko was seen at the harbour of Quellmoor Shipping on Tuesday.",
          ("Vasko", P), ("Quellmoor Shipping", G))
    _save(conn, "f" * 16, "Vasko spoke to Corvane Aerospace and to the Saffron Guild.",
          ("Vasko", P), ("Corvane Aerospace", G), ("Saffron Guild", G))
    bearers = {_identity(conn, "a" * 16, "Orlan Vasko"), _identity(conn, "b" * 16, "Mira Vasko")}
    assert _identity(conn, "e" * 16, "Vasko") not in bearers  # nothing in common with either: not any bearer
    assert _identity(conn, "f" * 16, "Vasko") not in bearers  # as much of one as of the other: not guessed


def test_one_bearer_needs_shared_context_too(tmp_path):
    conn = connect(tmp_path / "s.db")
    _save(conn, "a" * 16, "Orlan Vasko showed the rocket of Corvane Aerospace.", ("Orlan Vasko", P),
          ("Corvane Aerospace", G))
    _save(conn, "b" * 16, "Vasko opened a bakery run by Tindle Foods.", ("Vasko", P), ("Tindle Foods", G))
    _save(conn, "c" * 16, "Vasko said Corvane Aerospace would fly.", ("Vasko", P), ("Corvane Aerospace", G))
    orlan = _identity(conn, "a" * 16, "Orlan Vasko")
    assert _identity(conn, "b" * 16, "Vasko") != orlan
    assert _identity(conn, "c" * 16, "Vasko") == orlan


def test_a_full_name_joins_a_person_known_only_by_the_surname_on_the_same_evidence(tmp_path):
    conn = connect(tmp_path / "s.db")
    for doc in "uvwxy":  # a newspaper quoted everywhere: sharing it says little
        _save(conn, doc * 16, f"The Harbour Times reported on case {doc}.", ("Harbour Times", G))
    _save(conn, "a" * 16, "Vasko praised the Copper Pot Bistro and the Saffron Guild, the Harbour Times said.",
          ("Vasko", P), ("Copper Pot Bistro", G), ("Saffron Guild", G), ("Harbour Times", G))
    _save(conn, "b" * 16, "The Harbour Times said Orlan Vasko showed a rocket.", ("Harbour Times", G),
          ("Orlan Vasko", P))
    _save(conn, "c" * 16, "Mira Vasko of the Copper Pot Bistro won the Saffron Guild prize.", ("Mira Vasko", P),
          ("Copper Pot Bistro", G), ("Saffron Guild", G))
    assert _identity(conn, "b" * 16, "Orlan Vasko") != _identity(conn, "a" * 16, "Vasko")
    assert _identity(conn, "c" * 16, "Mira Vasko") == _identity(conn, "a" * 16, "Vasko")


def test_a_person_tagged_as_an_organisation_first_in_a_report_stays_a_person(tmp_path):
    conn = connect(tmp_path / "s.db")
    save_record(conn, _record("a" * 16, "Brannock met Corvane Aerospace. Brannock said the launch was late.",
                              [("Brannock", G, ["Brannock"]), ("Corvane Aerospace", G, ["Corvane Aerospace"]),
                               ("Brannock", P, ["Brannock@2"])]))
    ids = {r[0] for r in conn.execute("SELECT l.identity_id FROM entities e JOIN entity_links l"
                                      " ON l.entity_id = e.id WHERE e.name = 'Brannock'")}
    assert len(ids) == 1
    assert conn.execute("SELECT kind FROM identities WHERE id = ?", (ids.pop(),)).fetchone()[0] == "person"


def test_a_short_form_joins_the_long_name_its_context_points_to(tmp_path):
    conn = connect(tmp_path / "s.db")
    _save(conn, "a" * 16, "The Lakeside Otters signed Pavo Renn, coach Ilse Marr said.",
          ("Lakeside Otters", G), ("Pavo Renn", P), ("Ilse Marr", P))
    _save(conn, "b" * 16, "The Riverside Otters sold Dario Quist to a club abroad.",
          ("Riverside Otters", G), ("Dario Quist", P))
    _save(conn, "c" * 16, "Pavo Renn scored twice for the Otters, Ilse Marr said.",
          ("Pavo Renn", P), ("Otters", G), ("Ilse Marr", P))
    assert _identity(conn, "c" * 16, "Otters") == _identity(conn, "a" * 16, "Lakeside Otters")


def test_a_company_tagged_as_a_person_in_one_report_is_the_company_the_store_knows(tmp_path):
    conn = connect(tmp_path / "s.db")
    for doc in ("a", "b"):
        _save(conn, doc * 16, "Quorrix said the breach hit its customers.", ("Quorrix", G))
    text = "Reuters Quorrix claimed it knew nothing. Quorrix said later that Quorrix had told the police."
    save_record(conn, _record("c" * 16, text, [("Reuters Quorrix", P, ["Reuters Quorrix", "Quorrix", "Quorrix"])]))
    assert _identity(conn, "c" * 16, "Reuters Quorrix") == _identity(conn, "a" * 16, "Quorrix")
    kind = conn.execute("SELECT kind FROM identities WHERE id = ?", (_identity(conn, "a" * 16, "Quorrix"),))
    assert kind.fetchone()[0] == "org"


def test_the_company_read_as_a_person_first_joins_it_once_the_store_knows_the_company(tmp_path):
    conn = connect(tmp_path / "s.db")
    text = "Reuters Quorrix claimed it knew nothing. Quorrix said later that Quorrix had told the police."
    save_record(conn, _record("a" * 16, text, [("Reuters Quorrix", P, ["Reuters Quorrix", "Quorrix", "Quorrix"])]))
    _save(conn, "b" * 16, "Quorrix said the breach hit its customers.", ("Quorrix", G))
    assert _identity(conn, "a" * 16, "Reuters Quorrix") != _identity(conn, "b" * 16, "Quorrix")  # one report only
    _save(conn, "c" * 16, "Quorrix said the breach was over.", ("Quorrix", G))
    company = _identity(conn, "c" * 16, "Quorrix")
    assert _identity(conn, "a" * 16, "Reuters Quorrix") == _identity(conn, "b" * 16, "Quorrix") == company
    assert conn.execute("SELECT kind FROM identities WHERE id = ?", (company,)).fetchone()[0] == "org"


def test_a_person_who_shares_a_companys_name_stays_a_person(tmp_path):
    conn = connect(tmp_path / "s.db")
    for doc in ("a", "b"):
        _save(conn, doc * 16, "Halvard said profits rose.", ("Halvard", G))
    text = "Lena Halvard won the race. Halvard said Halvard had trained for a year."
    save_record(conn, _record("c" * 16, text, [("Lena Halvard", P, ["Lena Halvard", "Halvard", "Halvard"])]))
    _save(conn, "d" * 16, "Tom Quill spoke. Then Quill left.", ("Tom Quill", P))
    _save(conn, "e" * 16, "Quill sold cars.", ("Quill", G))
    _save(conn, "f" * 16, "Quill sold more cars.", ("Quill", G))
    save_record(conn, _record("g" * 16, "Quill said it would sell trucks. Quill agreed.",
                              [("Quill", P, ["Quill", "Quill"])]))
    company = _identity(conn, "a" * 16, "Halvard")
    assert _identity(conn, "c" * 16, "Lena Halvard") != company  # a given name written in the report
    assert _identity(conn, "g" * 16, "Quill") != _identity(conn, "e" * 16, "Quill")  # Tom Quill bears the name


def test_father_and_son_of_one_report_stay_two_people(tmp_path):
    conn = connect(tmp_path / "s.db")
    _save(conn, "a" * 16, "President Amadou Kone Diallo named his son Amadou Seydou Kone Diallo to the board.",
          ("Amadou Kone Diallo", P), ("Amadou Seydou Kone Diallo", P))
    _save(conn, "b" * 16, "Amadou Seydou Kone Diallo denied it; Amadou Kone Diallo did not comment.",
          ("Amadou Seydou Kone Diallo", P), ("Amadou Kone Diallo", P))
    father, son = _identity(conn, "a" * 16, "Amadou Kone Diallo"), _identity(conn, "a" * 16,
                                                                               "Amadou Seydou Kone Diallo")
    assert father != son
    assert _identity(conn, "b" * 16, "Amadou Kone Diallo") == father
    assert _identity(conn, "b" * 16, "Amadou Seydou Kone Diallo") == son


def test_a_committee_and_its_parent_body_stay_two(tmp_path):
    conn = connect(tmp_path / "s.db")
    _save(conn, "a" * 16, "The Northland Assembly and its Budget Committee met.", ("Northland Assembly", G),
          ("Budget Committee", G))
    _save(conn, "b" * 16, "The Northland Assembly voted.", ("Northland Assembly", G))
    assert _identity(conn, "a" * 16, "Budget Committee") != _identity(conn, "a" * 16, "Northland Assembly")
    assert _identity(conn, "b" * 16, "Northland Assembly") == _identity(conn, "a" * 16, "Northland Assembly")


def test_a_photo_credit_is_the_agency():
    agency = org_form("Harbour Pictures")
    assert similarity(org_form("Harbour Pictures - Contributor"), agency) == 1.0
    assert similarity(org_form("Harbour Pictures – Staff Writers"), agency) == 1.0
    assert similarity(org_form("Staff Harbour Pictures"), agency) == 0.0  # only after a spaced dash
