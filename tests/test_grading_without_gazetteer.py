"""Graded views do not load the gazetteer: the country a counted phrase's word names ("300 Dutch volunteers") comes
from a small table derived from the gazetteer (nlp/country_words.py), with the gazetteer's own answers."""

import json
import subprocess
import sys

import pytest

from newsintel.cli.main import main
from newsintel.nlp.country_words import country_words, from_gazetteer
from newsintel.nlp.gazetteer import load_gazetteer

REPORTS = {  # one departure counted twice by two outlets, each count qualified by a nationality: contradicted
    "a": ("Fighters leave Narva", "Commander Pieter Vos and about 300 Dutch fighters left Narva on Sunday night, "
          "officials said."),
    "b": ("Narva exodus", "Commander Pieter Vos and up to 5,000 Dutch fighters left Narva on Sunday night, "
          "a monitor said."),
}

BLOCKED_PROFILE = """
import sys
from newsintel.nlp import gazetteer

def refuse(*args, **kwargs):
    raise RuntimeError("the gazetteer was loaded")

gazetteer.Gazetteer.__init__ = refuse
gazetteer.Gazetteer.build = refuse
from newsintel.cli.main import main
sys.exit(main(["profile", sys.argv[1], "--json", "--db", sys.argv[2]]))
"""


def _gazetteer_answer(word: str) -> str | None:
    """What views/figures asked the whole gazetteer before: its adjective, else its best place when a country."""
    gazetteer = load_gazetteer()
    place = gazetteer.adjective(word)
    if place is None:
        places = gazetteer.lookup(word)
        place = places[0] if places and places[0].kind == "country" else None
    return place.country if place is not None and place.country else None


@pytest.mark.parametrize("word", ["Dutch", "Belgian", "Kosovo", "Texan", "European", "Georgia", "Jordan", "US",
                                  "Britain", "Narva", "Smith", "Volunteers", "Chechen", "Gazan", "Asian"])
def test_the_table_gives_the_gazetteers_answers(word):
    assert country_words().country_of(word) == _gazetteer_answer(word)


def test_the_table_agrees_on_every_adjective_and_country_name():
    table = from_gazetteer(load_gazetteer())
    words = [*table.adjectives, *table.countries]
    assert len(words) > 300
    assert all(table.country_of(w) == _gazetteer_answer(w) for w in words)


@pytest.fixture(scope="module")
def store(tmp_path_factory):
    folder = tmp_path_factory.mktemp("grading")
    files = []
    for name, (title, body) in REPORTS.items():
        path = folder / f"{name}.json"
        report = {"title": title, "text": body, "published": "2025-06-01", "source": f"Outlet {name}",
                  "url": f"https://news.example/{name}"}
        path.write_text(json.dumps(report), encoding="utf-8")
        files.append(str(path))
    db = folder / "store.db"
    assert main(["ingest", "--quiet", "--workers", "1", "--db", str(db), *files]) == 0
    return db


def _profile(store, env_blocked: bool) -> dict:
    if env_blocked:
        country_words()  # the table is cached once (here, from the gazetteer); the graded view reads only it
        code = BLOCKED_PROFILE
    else:
        code = "import sys\nfrom newsintel.cli.main import main\n" \
               "sys.exit(main(['profile', sys.argv[1], '--json', '--db', sys.argv[2]]))"
    run = subprocess.run([sys.executable, "-c", code, "Pieter Vos", str(store)], capture_output=True, text=True,
                         timeout=300)
    assert run.returncode == 0, run.stderr[-2000:]
    return json.loads(run.stdout)


def _grades(data) -> list[tuple]:
    out = []
    if isinstance(data, list):
        for item in data:
            out += _grades(item)
    elif isinstance(data, dict):
        if "credibility" in data:
            out.append((json.dumps(data.get("source"), sort_keys=True), data["tlp"], data["credibility"]))
        for value in data.values():
            out += _grades(value)
    return out


def test_a_graded_profile_does_not_load_the_gazetteer(store):
    graded = _profile(store, env_blocked=True)
    grades = _grades(graded)
    assert grades, "the profile shows graded facts"
    assert {g[2] for g in grades} == {5}, "each report's figure contradicts the other's (same qualifier: Dutch)"
    assert graded == _profile(store, env_blocked=False)


def test_the_refusing_gazetteer_does_refuse(store):
    """The check above can fail: a profile that needs the gazetteer (a place under a name no report used) stops."""
    run = subprocess.run([sys.executable, "-c", BLOCKED_PROFILE, "Ar Raqqah", str(store)], capture_output=True,
                         text=True, timeout=300)
    assert "the gazetteer was loaded" in run.stderr
