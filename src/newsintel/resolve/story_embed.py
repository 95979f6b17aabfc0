"""Optional sentence embeddings for story grouping (the `[embeddings]` extra).

Used only when sentence-transformers and the packaged model are installed (and not switched off); the model is
read from its installed package, never downloaded. Without them story grouping works on the other evidence.
"""

from __future__ import annotations

import functools
import importlib
import os
from typing import Any

import numpy as np

from newsintel.resources import load_yaml

ENV = "NEWSINTEL_STORY_EMBEDDINGS"


def wanted() -> bool:
    """$NEWSINTEL_STORY_EMBEDDINGS (0/1) wins over the data file's `embeddings: auto|on|off`."""
    env = os.environ.get(ENV)
    if env is not None:
        return env.strip().lower() not in ("0", "off", "no", "false", "")
    return str(load_yaml("stories.yaml").get("embeddings", "auto")).lower() in ("auto", "on", "true")


@functools.cache
def _model() -> Any | None:
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    os.environ.setdefault("HF_HUB_DISABLE_PROGRESS_BARS", "1")
    os.environ.setdefault("TRANSFORMERS_VERBOSITY", "error")
    try:
        from sentence_transformers import SentenceTransformer

        package = importlib.import_module(load_yaml("stories.yaml")["embedding_model_package"])
        path = package.get_model_path()
    except (ImportError, AttributeError):
        return None
    return SentenceTransformer(str(path), device="cpu")


def available() -> bool:
    return wanted() and _model() is not None


def embed(text: str) -> np.ndarray | None:
    """Unit-length float32 vector for `text`, or None when embeddings are not in use."""
    if not wanted():
        return None
    model = _model()
    if model is None:
        return None
    vector = model.encode([text], normalize_embeddings=True, show_progress_bar=False)[0]
    return np.asarray(vector, dtype=np.float32)
