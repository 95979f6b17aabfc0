"""The package's layers (README "Layout"): imports flow down the pipeline and no package has an import cycle.

The contracts live in pyproject.toml ([tool.importlinter]); this runs import-linter's own checker on them, so a new
upward import or cycle fails the suite with the module and line that made it."""

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def test_import_contracts_are_kept() -> None:
    lint = Path(sys.executable).with_name("lint-imports")
    result = subprocess.run([str(lint), "--no-cache"], cwd=ROOT, capture_output=True, text=True, timeout=600)
    assert result.returncode == 0, result.stdout[-4000:] + result.stderr[-2000:]
