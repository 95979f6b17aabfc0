"""Processes opening one new SQLite store at the same moment all get it, created and migrated once.

Switching a new file to WAL answers "database is locked" at once when another process holds the file during its
own switch (sqlite does not apply the busy timeout there); an ingest started beside another on a new store then
failed before reading a file. The race is narrow, so the test repeats it on many new stores.
"""

from __future__ import annotations

import multiprocessing

from newsintel.store import StoreError, connect
from newsintel.store.db import latest_version, schema_version

ROUNDS = 40
PROCESSES = 4


def open_store(path: str) -> str:
    try:
        conn = connect(path)
    except StoreError as err:
        return str(err)
    try:
        return "ok" if schema_version(conn) == latest_version() else "not migrated"
    finally:
        conn.close()


def test_processes_opening_a_new_sqlite_store_at_once_all_open_it(tmp_path):
    context = multiprocessing.get_context("spawn")  # no fork of the test process and its threads
    with context.Pool(PROCESSES) as pool:
        for n in range(ROUNDS):
            path = str(tmp_path / f"store{n}.db")
            outcomes = pool.map(open_store, [path] * PROCESSES, chunksize=1)
            assert outcomes == ["ok"] * PROCESSES, (n, outcomes)
