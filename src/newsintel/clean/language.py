"""Language identification (py3langid): which language a cleaned text is in, and whether newsintel has an NLP
pipeline for it.

Precision and recall pull apart here: reading a French report with the English pipeline gives junk facts, while
calling an English report something else loses all its facts. So a supported language in reach wins (see
`supported_floor` in data/languages.yaml), and a text too short or too uncertain to tell is "not identified"
(None) and processed as usual.
"""

from __future__ import annotations

import functools
from typing import Any

from newsintel.resources import load_yaml


def config() -> dict[str, Any]:
    return load_yaml("languages.yaml")


@functools.cache
def identifier() -> Any:
    """The model with normalised probabilities; loaded once per process (~1 s), before workers fork."""
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    return LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)


def load() -> None:
    identifier()


def identify(text: str) -> str | None:
    """The language code of `text` (ISO 639-1, or 639-3 where there is none), or None when it cannot be told."""
    cfg = config()
    sample = text[: cfg["prefix_chars"]]
    if sum(c.isalpha() for c in sample) < cfg["min_letters"]:
        return None
    ranked = identifier().rank(sample)
    top, confidence = ranked[0]
    if top in cfg["supported"]:
        return top
    supported = set(cfg["supported"])
    for code, probability in ranked:
        if probability < cfg["supported_floor"]:
            break
        if code in supported:
            return code
    return top if confidence >= cfg["min_confidence"] else None


def is_supported(code: str | None) -> bool:
    """Whether the NLP pipeline runs: a supported language, or one that could not be identified."""
    return code is None or code in config()["supported"]


def name(code: str) -> str:
    return config()["names"].get(code, code)


def skipped_warning(code: str) -> str:
    """The warning for a document stored without facts because of its language."""
    language = name(code)
    return (f"language is {language} ({code}); stored and searchable, no facts extracted "
            f"(no {language} pipeline)")
