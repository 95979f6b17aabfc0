"""`save_record` into PostgreSQL stores the rows it stores into SQLite: documents with their sentences, entities,
mentions, facts and actors, and the derived resolution (identities, links, keys) and stories, table by table."""

import pytest

from newsintel.store import connect, save_record

TEXTS = {
    "a.txt": "Police in Tallinn arrested two men on Monday after a shooting near the harbour, "
             "officers said. Inspector Maret Kask said the men had fled in a stolen car.\n",
    "b.txt": "Maret Kask told reporters on Tuesday that the two men arrested in Tallinn would appear in court. "
             "Dozens of residents protested outside the police station.\n",
}

# (table, columns compared, order) -- timestamps and PostgreSQL's explicit rowid columns are left out.
TABLES = [
    ("documents", "id, title, source, url, published, author, origin, format, text, language", "id"),
    ("inputs", "raw_hash, document_id, origin", "raw_hash"),
    ("sentences", 'document_id, idx, start, "end"', "document_id, idx"),
    ("entities", "id, document_id, name, type, aliases, attributes, geonameid, lat, lon, country, geo_kind", "id"),
    ("mentions", 'id, entity_id, document_id, sentence, start, "end", text, label', "id"),
    ("events", 'id, document_id, type, plover, trigger, modality, sentence, start, "end", time_text, time_value,'
               " speaker, speaker_entity, cue, data", "id"),
    ("event_args", "event_id, role, text, entity_id, actor_id", "event_id, role, text"),
    ("claims", 'id, document_id, sentence, start, "end", speaker, speaker_entity, cue, medium, modality, content,'
               " data", "id"),
    ("quantities", 'id, document_id, sentence, start, "end", text, value, low, high, approximate, counted,'
                   " counted_entity, speaker, data", "id"),
    ("relations", 'id, document_id, type, subject, subject_entity, object, object_entity, role, sentence, start,'
                  ' "end", data', "id"),
    ("actors", "id, document_id, text, role, nationality, group_text, group_entity, count_value, count_min,"
               " count_max, count_vague, part_of, data", "id"),
    ("actor_mentions", 'actor_id, document_id, sentence, start, "end", text', 'actor_id, start'),
    ("identities", "id, kind, type, name, documents, profile, suppressed, retyped", "id"),
    ("entity_links", "entity_id, identity_id, document_id, ref, score, method", "entity_id"),
    ("identity_keys", "key, identity_id, rank", "key, identity_id"),
    ("stories", "id, size, first_day, last_day", "id"),
    ("story_docs", "document_id, story_id, day, dated, signature, profile, embedding, joined_by, score",
     "document_id"),
    ("story_bands", "band, document_id", "band, document_id"),
    ("story_keys", "key, day, document_id", "key, day, document_id"),
    ("story_df", "key, df", "key"),
]


@pytest.fixture(scope="module")
def records():
    from newsintel.annotate import annotate
    from newsintel.clean import clean
    from newsintel.model import RawDocument

    raws = [clean(RawDocument(name, "txt", "h-" + name, text=text)) for name, text in TEXTS.items()]
    return list(annotate(raws))


def rows(conn, table: str, columns: str, order: str) -> list[tuple]:
    out = []
    for row in conn.execute(f"SELECT {columns} FROM {table} ORDER BY {order}"):
        out.append(tuple(bytes(v) if isinstance(v, memoryview) else v for v in row))
    return out


def test_save_record_stores_the_same_rows_in_postgresql_as_in_sqlite(records, tmp_path, postgres_db) -> None:
    lite, pg = connect(tmp_path / "s.db"), connect(postgres_db)
    for record in records:
        assert save_record(lite, record, "raw-" + record.document.id) == "ingested"
        assert save_record(pg, record, "raw-" + record.document.id) == "ingested"
    assert save_record(pg, records[0], "raw-again") == "unchanged"
    assert save_record(lite, records[0], "raw-again") == "unchanged"
    counted = {}
    for table, columns, order in TABLES:
        expected = rows(lite, table, columns, order)
        assert rows(pg, table, columns, order) == expected, table
        counted[table] = len(expected)
    for table in ("documents", "sentences", "entities", "mentions", "events", "identities", "entity_links",
                  "story_docs"):
        assert counted[table] > 0, table  # the comparison compared something
    pg.close()
    lite.close()
