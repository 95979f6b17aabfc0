"""`newsintel import` keeps apart what the bundle keeps apart (issue 14 item 3): two people of one name and type
(namesakes an analyst split in store A) stay two identities in store B with the same profiles, a re-import adds
no third, and our own bundle coming back links each to the identity it came from, by STIX id."""

import pytest

from benchmarks.round_trip import compare, profiles
from newsintel.cli.main import main
from newsintel.store import connect, save_record
from newsintel.store.identity_index import split
from newsintel.store.sharing import Handling

NAME = "Mart Kask"
REPORTS = [  # (publisher, title, text): two different men of one name, written for this test
    (
        "Border Daily",
        "Courier stopped at Narva crossing",
        "Border guards arrested Mart Kask in Narva on Tuesday. Police said Mart Kask had travelled from Tartu to "
        "Narva by bus.\n",
    ),
    (
        "Harbour Gazette",
        "Chess club wins in Riga",
        "The chess player Mart Kask travelled from Parnu to Riga on Sunday, the club said. Mart Kask is a member of "
        "the Parnu Chess Club.\n",
    ),
]


def namesakes(conn) -> list[str]:
    return [
        r[0] for r in conn.execute("SELECT id FROM identities WHERE name = ? AND type = 'PERSON' ORDER BY id", (NAME,))
    ]


@pytest.fixture(scope="module")
def store_a(tmp_path_factory) -> str:
    from newsintel.annotate import annotate
    from newsintel.clean import clean
    from newsintel.model import RawDocument

    raws = [
        clean(
            RawDocument(
                f"k{i}.txt",
                "txt",
                f"k{i}",
                text=text,
                title=title,
                source=publisher,
                published=f"2025-06-0{i + 1}",
                url=f"https://example.org/k{i}",
            )
        )
        for i, (publisher, title, text) in enumerate(REPORTS)
    ]
    path = str(tmp_path_factory.mktemp("a") / "a.db")
    conn = connect(path)
    records = list(annotate(raws))
    for (publisher, _title, _text), record in zip(REPORTS, records, strict=True):
        save_record(conn, record, record.document.raw_hash, Handling(tlp="clear", source=publisher))
    if len(namesakes(conn)) == 1:  # resolution took them for one man: the analyst splits the second report off
        second = records[1].document.id
        mention = conn.execute(
            "SELECT m.id FROM mentions m JOIN entities e ON e.id = m.entity_id WHERE"
            " e.document_id = ? AND e.name = ? ORDER BY m.id LIMIT 1",
            (second, NAME),
        ).fetchone()
        split(conn, namesakes(conn)[0], mention[0])
    assert len(namesakes(conn)) == 2
    conn.close()
    return path


@pytest.fixture(scope="module")
def bundle(store_a, tmp_path_factory):
    out = tmp_path_factory.mktemp("bundle") / "bundle.json"
    assert main(["export", "stix", "--out", str(out), "--db", store_a, "--tlp-max", "red"]) == 0
    return out


def import_into(db: str, bundle, capsys) -> None:
    capsys.readouterr()
    assert main(["import", str(bundle), "--db", db, "--source", "Partner East"]) == 0, capsys.readouterr().err


def test_namesakes_stay_apart_with_the_same_profiles(store_a, bundle, tmp_path, capsys) -> None:
    store_b = str(tmp_path / "b.db")
    import_into(store_b, bundle, capsys)
    conn = connect(store_b)
    assert len(namesakes(conn)) == 2
    conn.close()
    a_rows = [p for p in profiles(store_a) if p["name"] == NAME]
    b_rows = [p for p in profiles(store_b) if p["name"] == NAME]
    assert a_rows[0]["where"] != a_rows[1]["where"]  # two men: different facts
    result = compare(a_rows, b_rows)
    assert result["differences"] == []
    assert result["counts"]["where"] == {"identities": 2, "equal": 2}
    import_into(store_b, bundle, capsys)  # again: by STIX id, each to its own identity
    conn = connect(store_b)
    assert len(namesakes(conn)) == 2
    conn.close()
    assert compare(a_rows, [p for p in profiles(store_b) if p["name"] == NAME])["differences"] == []
    assert main(["check", "--db", store_b]) == 0  # links, identities and keys consistent after the pinning


def test_our_own_bundle_links_back_to_the_identities_it_came_from(store_a, bundle, tmp_path, capsys) -> None:
    import shutil

    db = str(tmp_path / "a-again.db")
    shutil.copy(store_a, db)
    conn = connect(db)
    before = {
        i: conn.execute("SELECT documents FROM identities WHERE id = ?", (i,)).fetchone()[0] for i in namesakes(conn)
    }
    conn.close()
    import_into(db, bundle, capsys)
    conn = connect(db)
    after = {
        i: conn.execute("SELECT documents FROM identities WHERE id = ?", (i,)).fetchone()[0] for i in namesakes(conn)
    }
    conn.close()
    assert set(after) == set(before)  # no third Mart Kask, neither one lost
    assert all(after[i] == before[i] + 1 for i in before)  # each got the partner's copy of its own report
