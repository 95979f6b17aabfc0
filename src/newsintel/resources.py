"""Access to the editable data files (lexicons, rules, aliases) shipped in `newsintel/data/`."""

from __future__ import annotations

import functools
from importlib import resources
from typing import Any

import yaml

# libyaml's parser when PyYAML was built with it: the same data (the constructor and resolver are PyYAML's own
# either way) for a fifth of the CPU. Each process reads every data file it uses once, each ingest worker too.
_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def _parse(text: str) -> Any:
    return yaml.load(text, Loader=_LOADER)  # a safe loader


@functools.cache
def load_yaml(name: str) -> Any:
    """Load `data/<name>` once per process; the files are meant to be edited by domain experts."""
    text = resources.files("newsintel").joinpath("data", name).read_text(encoding="utf-8")
    return _parse(text)


def word_set(spec: dict, key: str) -> frozenset[str]:
    """A word list of a data file section, lower-cased for lookups (a missing or empty list: no words)."""
    return frozenset(str(w).lower() for w in spec.get(key) or ())


def data_text(name: str) -> str:
    return resources.files("newsintel").joinpath("data", name).read_text(encoding="utf-8")


EVENT_MEANINGS = frozenset({"movement", "mover", "of_is_actor", "country_party", "done_to_member"})


@functools.cache
def event_types_meaning(meaning: str) -> frozenset[str]:
    """Event types whose ``means`` in events.yaml holds ``meaning``: what a type means is data, stated once, read by
    extraction, views and conflicts alike (a new movement type needs one line there, no code)."""
    if meaning not in EVENT_MEANINGS:
        raise KeyError(f"unknown event meaning {meaning!r}; known: {sorted(EVENT_MEANINGS)}")
    events = _parse(data_text("events.yaml"))
    return frozenset(name for name, spec in events.items()
                     if isinstance(spec, dict) and meaning in (spec.get("means") or ()))
