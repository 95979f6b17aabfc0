import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))


@pytest.fixture(autouse=True)
def _fresh_source_focus():
    """Each test starts with no publisher focus installed (nlp/focus.py)."""
    from newsintel.nlp.focus import install

    install(None)
    yield
