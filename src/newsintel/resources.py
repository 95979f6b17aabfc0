"""Access to the editable data files (lexicons, rules, aliases) shipped in `newsintel/data/`."""

from __future__ import annotations

import functools
from importlib import resources
from typing import Any

import yaml


@functools.cache
def load_yaml(name: str) -> Any:
    """Load `data/<name>` once per process; the files are meant to be edited by domain experts."""
    text = resources.files("newsintel").joinpath("data", name).read_text(encoding="utf-8")
    return yaml.safe_load(text)


def data_text(name: str) -> str:
    return resources.files("newsintel").joinpath("data", name).read_text(encoding="utf-8")
