"""Entity resolution reaches the store only through its port (`resolve/identity_index.py`): no module of resolve/
imports sqlite3 or holds SQL, so another backend needs only another `IdentityIndex` (issue 13, step 1)."""

import ast
import re
from pathlib import Path

from newsintel.resolve.identity_index import IdentityIndex
from newsintel.store import connect, save_record
from newsintel.store.identity_index import SqlIdentityIndex, find_identity, rebuild
from tests.test_resolution import _record

RESOLVE = Path(__file__).resolve().parents[1] / "src" / "newsintel" / "resolve"
SQL = re.compile(r"\b(?:SELECT\s.+\sFROM|INSERT\s+(?:OR\s+\w+\s+)?INTO|UPDATE\s+\w+\s+SET|DELETE\s+FROM)\b", re.S)


def _strings_and_imports(path: Path) -> tuple[list[str], set[str]]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    strings = [n.value for n in ast.walk(tree) if isinstance(n, ast.Constant) and isinstance(n.value, str)]
    imported = {a.name for n in ast.walk(tree) if isinstance(n, ast.Import) for a in n.names}
    imported |= {n.module or "" for n in ast.walk(tree) if isinstance(n, ast.ImportFrom)}
    return strings, imported


def test_resolve_holds_no_sql_and_no_database_driver():
    offenders = []
    for path in sorted(RESOLVE.glob("*.py")):
        strings, imported = _strings_and_imports(path)
        if imported & {"sqlite3", "psycopg"} or any(m.startswith("newsintel.store") for m in imported):
            offenders.append(f"{path.name}: imports {sorted(imported)}")
        offenders += [f"{path.name}: {s[:60]!r}" for s in strings if SQL.search(s)]
    assert offenders == []


def test_the_sql_index_keeps_the_whole_protocol():
    wanted = {n for n in dir(IdentityIndex) if not n.startswith("_")}
    assert wanted <= {n for n in dir(SqlIdentityIndex) if not n.startswith("_")}


def test_rebuild_through_the_port_gives_the_same_links(store_db):
    conn = connect(store_db)
    save_record(conn, _record("a" * 16, "2025-01-01", ["Mirela Doshi", "Arben Kola"]))
    save_record(conn, _record("b" * 16, "2025-01-02", ["Mirela Doshi"]))
    before = conn.execute("SELECT entity_id, identity_id FROM entity_links ORDER BY 1").fetchall()
    assert len({i for _, i in before}) == 2
    assert rebuild(conn) == 2
    assert conn.execute("SELECT entity_id, identity_id FROM entity_links ORDER BY 1").fetchall() == before
    assert find_identity(conn, before[0][1][:6]).id == before[0][1]
