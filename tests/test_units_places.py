"""In-document units: an alias the parse reads between two places the gazetteer put apart does not make one place."""

from newsintel.resolve.identity_index import EntityRow
from newsintel.resolve.units import document_units


class _Index:
    def __init__(self, rows: list[EntityRow], aliases: list[tuple[str, str]]) -> None:
        self.rows, self.aliases = rows, aliases

    def document_entities(self, document_id: str) -> list[EntityRow]:
        return self.rows

    def alias_pairs(self, document_id: str, max_span: int) -> list[tuple[str, str]]:
        return self.aliases

    def mention_texts(self, document_id: str) -> list[tuple[str, str]]:
        return [(r.id, r.name) for r in self.rows]


def _place(entity_id: str, name: str, geonameid: int | None, lat: float | None, lon: float | None) -> EntityRow:
    return EntityRow(entity_id, name, "GPE", [], {}, geonameid, lat, lon)


def test_two_gazetteer_places_stay_two_units_whatever_the_alias() -> None:
    rows = [_place("d-e1", "Northland", 101, 40.0, 127.0), _place("d-e2", "NL", 202, 36.0, 128.0)]
    units = document_units(_Index(rows, [("d-e2", "d-e1")]), "d")
    assert sorted(len(u.entity_ids) for u in units) == [1, 1]


def test_an_alias_of_the_same_place_or_of_an_ungeocoded_name_still_joins() -> None:
    same = [_place("d-e1", "Northland", 101, 40.0, 127.0), _place("d-e2", "NL", 101, 40.0, 127.0)]
    assert [len(u.entity_ids) for u in document_units(_Index(same, [("d-e2", "d-e1")]), "d")] == [2]
    loose = [_place("d-e1", "Northland", 101, 40.0, 127.0), _place("d-e2", "the North", None, None, None)]
    assert [len(u.entity_ids) for u in document_units(_Index(loose, [("d-e2", "d-e1")]), "d")] == [2]
