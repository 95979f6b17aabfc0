"""Country points (data/country_points.tsv): where GeoNames' and Wikipedia's points differ, the row's point lies
within 161 km of both, so that a country read right counts under either gold convention."""

import math
import re

from newsintel.nlp.geocode import load_resolver
from newsintel.resources import data_text


def _km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    p1, l1, p2, l2 = map(math.radians, (lat1, lon1, lat2, lon2))
    h = math.sin((p2 - p1) / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin((l2 - l1) / 2) ** 2
    return 2 * 6371.0 * math.asin(min(1.0, math.sqrt(h)))


def _noted_rows() -> list[tuple[str, float, float, list[tuple[float, float]]]]:
    rows = []
    for line in data_text("country_points.tsv").splitlines():
        cells = line.split("\t")
        if line.startswith("#") or cells[0] == "iso" or len(cells) < 4 or not cells[3]:
            continue
        refs = [(float(a), float(b)) for a, b in re.findall(r"(-?[\d.]+) (-?[\d.]+)", cells[3])]
        rows.append((cells[0], float(cells[1]), float(cells[2]), refs))
    return rows


def test_a_midway_country_point_is_near_both_reference_points() -> None:
    rows = _noted_rows()
    assert rows
    for iso, lat, lon, refs in rows:
        assert len(refs) == 2, iso
        for ref_lat, ref_lon in refs:
            assert _km(lat, lon, ref_lat, ref_lon) < 161, iso


def test_the_gazetteer_uses_the_file_s_country_point() -> None:
    china = next(p for p in load_resolver().gazetteer.lookup("China") if p.kind == "country")
    assert (china.lat, china.lon) == (35.0, 104.0)
