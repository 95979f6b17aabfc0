"""`--engine dask`: the same documents and facts as a local ingest, and nothing lost when a worker dies."""

import os
import sqlite3
from functools import partial
from pathlib import Path

import pytest

from newsintel.cli.main import main

pytestmark = pytest.mark.slow

CORPUS = Path(__file__).resolve().parents[1] / "examples" / "corpus" / "wire"


def _store_facts(db: Path) -> dict[str, list]:
    """Every stored document and fact, in a form that does not depend on storage order or row ids."""
    conn = sqlite3.connect(db)
    try:
        return {
            "documents": sorted(conn.execute("SELECT id, title, published, text FROM documents").fetchall()),
            "events": sorted(conn.execute("SELECT document_id, type, trigger, modality, start, time_value, speaker"
                                          " FROM events").fetchall()),
            "arguments": sorted(conn.execute("SELECT e.document_id, e.start, a.role, a.text FROM event_args a"
                                             " JOIN events e ON e.id = a.event_id").fetchall()),
            "claims": sorted(conn.execute("SELECT document_id, start, speaker, content FROM claims").fetchall()),
            "places": sorted(conn.execute("SELECT document_id, start, text, label FROM mentions").fetchall()),
        }
    finally:
        conn.close()


def test_dask_ingest_stores_what_a_local_ingest_stores(tmp_path: Path) -> None:
    local, dask = tmp_path / "local.db", tmp_path / "dask.db"
    assert main(["ingest", "--quiet", "--workers", "1", "--db", str(local), str(CORPUS)]) == 0
    assert main(["ingest", "--quiet", "--engine", "dask", "--workers", "2", "--db", str(dask), str(CORPUS)]) == 0
    expected, got = _store_facts(local), _store_facts(dask)
    assert len(expected["documents"]) >= 10 and expected["events"]
    assert got == expected


def test_scheduler_without_dask_engine_is_a_usage_error(tmp_path: Path, capsys) -> None:
    assert main(["ingest", "--scheduler", "tcp://127.0.0.1:1", "--db", str(tmp_path / "s.db"), str(CORPUS)]) == 2
    assert "--scheduler needs --engine dask" in capsys.readouterr().err


def _dies_once(marks: Path, chunk: list) -> list:
    """Kill this worker process the first time a chunk is seen; answer on the retry."""
    mark = marks / str(chunk[0])
    if not mark.exists():
        mark.write_text("seen")
        os._exit(1)
    return [n * 10 for n in chunk]


def _always_dies(chunk: list) -> list:
    if 13 in chunk:
        os._exit(1)
    return [n * 10 for n in chunk]


@pytest.fixture(scope="module")
def processor():
    """One local cluster for the worker-death tests; a task is given up after its second dead worker (the
    scheduler.s default is after the fourth)."""
    import dask

    from newsintel.dask_engine import DaskProcessor

    with dask.config.set({"distributed.scheduler.allowed-failures": 2}), DaskProcessor(workers=2) as processor:
        yield processor


def test_a_worker_killed_mid_task_loses_nothing(processor, tmp_path: Path) -> None:
    got = list(processor.run(range(20), partial(_dies_once, tmp_path)))
    assert got == [n * 10 for n in range(20)]  # every input once, in order
    assert len(list(tmp_path.iterdir())) == 3  # three chunks of eight: each killed a worker once


def test_an_input_that_keeps_killing_workers_fails_alone(processor) -> None:
    from newsintel.model import Failure

    got = list(processor.run(range(20), _always_dies))
    failed = [r for r in got if isinstance(r, Failure)]
    assert [f.origin for f in failed] == [repr(n) for n in range(8, 16)]  # the chunk holding 13
    assert "Dask worker died" in failed[0].reason
    assert [r for r in got if not isinstance(r, Failure)] == [n * 10 for n in [*range(8), *range(16, 20)]]


def _sleeps(chunk: list) -> list:
    import time

    time.sleep(20)
    return chunk


def test_a_local_cluster_without_workers_fails_its_inputs_instead_of_waiting_forever(processor, monkeypatch) -> None:
    """A nanny that cannot restart its worker leaves the cluster empty; the inputs then fail with the reason."""
    from newsintel import dask_engine
    from newsintel.model import Failure

    monkeypatch.setattr(dask_engine, "POLL", 0.2)
    monkeypatch.setattr(dask_engine, "NO_WORKER_GRACE", 0.6)
    monkeypatch.setattr(processor.client, "scheduler_info", lambda **kw: {"workers": {}})
    try:
        got = list(processor.run(range(3), _sleeps))
    finally:
        processor._gone = ""
    assert [type(r) for r in got] == [Failure] * 3
    assert "no Dask worker left" in got[0].reason


def _worker_settings() -> tuple:
    import dask

    return (dask.config.get("distributed.worker.profile.enabled"),
            dask.config.get("distributed.worker.memory.monitor-interval"))


def _exit_now() -> None:
    os._exit(1)


def test_local_workers_spend_their_cpu_on_the_work_after_a_restart_too(processor) -> None:
    """The settings that keep a local cluster's own CPU small reach its nannies and workers, a worker restarted
    by its nanny included (the nanny reads the configuration again then)."""
    import time

    from newsintel.dask_engine import LOCAL_SETTINGS

    nannies = list(processor.cluster.workers.values())
    assert nannies and all("MALLOC_TRIM_THRESHOLD_" not in nanny.pre_spawn_env for nanny in nannies)
    client = processor.client
    before = set(client.scheduler_info()["workers"])
    with pytest.raises(Exception):  # noqa: B017 (the connection to the worker breaks; its type varies)
        client.run(_exit_now, workers=[sorted(before)[0]], nanny=False)
    deadline = time.monotonic() + 300  # a bound for a stuck restart, not a timing expectation
    while not (len(now := set(client.scheduler_info()["workers"])) == len(before) and now != before):
        assert time.monotonic() < deadline, "the killed worker was not restarted"
        time.sleep(0.2)
    expected = (False, LOCAL_SETTINGS["distributed.worker.memory.monitor-interval"])
    assert set(client.run(_worker_settings).values()) == {expected}
