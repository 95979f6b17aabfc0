"""`--engine dask`: cleaning, NLP and extraction on Dask workers; records stream back to this process's writer.

The same interface as `pipeline.Processor` (`run(items, work)` yields one result per input, in input order, with a
bounded number of chunks in flight), so `batch.ingest` and `reprocess` do not know which engine runs the work.
Without a scheduler address a `LocalCluster` of worker processes starts on 127.0.0.1; with one (`tcp://HOST:8786`)
the work goes to that cluster, whose workers need newsintel and its model installed.

Nothing learnt lives in a worker: the publishers' focus is read from the store by this process and sent with the
work, so a restarted or added worker geocodes exactly as the others. A worker that dies mid-task loses nothing: the
scheduler runs its tasks again elsewhere; a chunk that keeps killing workers comes back as one failure per input,
and the batch goes on. Only this process writes to the store.
"""

from __future__ import annotations

import logging
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from typing import Any

from newsintel.model import DocumentInfo, Failure, RawDocument, Record
from newsintel.nlp.focus import FocusTable, install, installed
from newsintel.pipeline import CHUNK, IN_FLIGHT_PER_WORKER, chunks, process_batch

RETRIES = 2  # a task whose worker died is rerun by the scheduler anyway; these cover errors raised in the task
POLL = 5.0  # seconds between checks that a local cluster still has a worker while a result is awaited
WARM_MODULE = "newsintel.dask_warm"
NO_WORKER_GRACE = 180.0  # a local cluster with no worker for this long will not get one back: its inputs fail
# A local cluster shares the cores with this process's writer, so what Dask spends besides the work is throughput
# lost (benchmarks/dask_cpu.py). Measured: workers forked with glibc's trim threshold at 64 KiB (Dask's default for
# spawned workers) took 3x the page faults of the local engine's; an idle 2-worker cluster's event loops took 74 ms
# of CPU a second (the workers' stack profiler every 10 ms, a 20 ms tick, memory checks every 100 ms, system
# monitor every 0.5 s) and 14 ms with these settings, which serve only the dashboard and its warnings.
LOCAL_SETTINGS = {
    "distributed.nanny.pre-spawn-environ.MALLOC_TRIM_THRESHOLD_": None,  # glibc's default, as the local engine
    "distributed.worker.profile.enabled": False,
    "distributed.admin.tick.interval": "1s",
    "distributed.admin.system-monitor.interval": "5s",
    "distributed.worker.memory.monitor-interval": "1s",  # the nanny still restarts a worker past 95 % of memory
}


def _on_worker(work: Callable[[list], list[Record | Failure]], chunk: list, focus: FocusTable | None
               ) -> list[Record | Failure]:
    install(focus)  # the focus this run was started with, whatever ran on this worker before
    return work(chunk)


def _preload_model() -> None:
    """Have the forkserver import `newsintel.dask_warm` (the model) beside what Dask preloads there. Dask sets its
    list once per process on first use; the forkserver itself starts with the first worker, so this must run before
    the cluster. A forkserver already running (a second cluster in one process) keeps what it loaded."""
    from multiprocessing import forkserver

    from distributed.utils import get_mp_context

    context = get_mp_context()  # sets Dask's own preload list
    preload = list(getattr(forkserver._forkserver, "_preload_modules", None) or ["distributed"])
    if WARM_MODULE not in preload:
        context.set_forkserver_preload([*preload, WARM_MODULE])


def _origin(item: Any) -> str:
    if isinstance(item, RawDocument):
        return item.origin
    if isinstance(item, DocumentInfo):
        return item.origin or item.id
    return repr(item)[:80]


class DaskProcessor:
    """Runs `work` over chunks on a Dask cluster; `workers` sizes the local cluster when no scheduler is given."""

    def __init__(self, workers: int = 2, scheduler: str | None = None) -> None:
        try:
            from distributed import Client, LocalCluster
        except ImportError as err:  # an optional extra
            raise RuntimeError("--engine dask needs Dask: pip install 'newsintel[dask]'") from err
        self.cluster = None
        self._settings: Any = None  # the local cluster's Dask configuration, restored by `close`
        if scheduler:
            self.client = Client(scheduler, timeout="30s")
        else:
            import dask

            # one task per worker at a time: a worker's death then blames only the task it was running; workers
            # forked from a forkserver that has loaded the model (dask_warm) instead of each loading its own. Held
            # until `close`: a nanny reads the global configuration again when it restarts a worker (released
            # earlier, restarted workers were spawned, loaded their own model and ran with Dask's defaults).
            self._settings = dask.config.set({"distributed.scheduler.worker-saturation": 1.0,
                                              "distributed.worker.multiprocessing-method": "forkserver",
                                              **LOCAL_SETTINGS})
            try:
                _preload_model()
                self.cluster = LocalCluster(n_workers=workers, threads_per_worker=1, processes=True,
                                            host="127.0.0.1", dashboard_address=None, silence_logs=logging.ERROR)
            except BaseException:
                self._release_settings()
                raise
            self.client = Client(self.cluster)
        self.workers = max(1, len(self.client.scheduler_info()["workers"]))
        self._gone = ""  # set when a local cluster has lost every worker for good

    def __enter__(self) -> DaskProcessor:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self, terminate: bool = False) -> None:
        """Stop the client and any local cluster; on a shared cluster, cancel what this run still has queued."""
        if self.client is not None:
            self.client.close()
            self.client = None
        if self.cluster is not None:
            self.cluster.close()
            self.cluster = None
        self._release_settings()

    def _release_settings(self) -> None:
        if self._settings is not None:
            self._settings.__exit__(None, None, None)
            self._settings = None

    def run(self, items: Iterable, work: Callable[[list], list[Record | Failure]] = process_batch,
            ) -> Iterator[Record | Failure]:
        from distributed import KilledWorker

        focus = installed()
        pending: deque = deque()

        def submit(chunk: list) -> Any:
            return self.client.submit(_on_worker, work, chunk, focus, pure=False, retries=RETRIES)

        def finished(chunk: list, future: Any) -> list[Record | Failure]:
            try:
                try:
                    return self._result(future)
                except KilledWorker:
                    # The scheduler blames every task a dying worker held, queued ones too: a chunk queued beside
                    # one that kills its worker can be given up with it (seen under load). One more run from scratch
                    # tells the bystander, which now passes, from the culprit, which dies again.
                    return self._result(submit(chunk))
            except KilledWorker:
                return [Failure(_origin(item), "a Dask worker died on every try of this input") for item in chunk]
            except _NoWorkers as err:
                return [Failure(_origin(item), str(err)) for item in chunk]

        for chunk in chunks(items, CHUNK):
            pending.append((chunk, submit(chunk)))
            while len(pending) >= self.workers * IN_FLIGHT_PER_WORKER:
                yield from finished(*pending.popleft())
        while pending:
            yield from finished(*pending.popleft())

    def _result(self, future: Any) -> list[Record | Failure]:
        """The task's result. A local cluster whose workers all died and were not restarted (a nanny gives up when
        a restart fails, e.g. on an overloaded machine) would leave the wait without end: after `NO_WORKER_GRACE`
        seconds without any worker its inputs fail, so the batch ends with failures a rerun takes up. A remote
        cluster may get workers later, so there the wait is unbounded."""
        if self.cluster is None:
            return future.result()
        idle = 0.0
        while True:
            if self._gone:
                raise _NoWorkers(self._gone)
            try:
                return future.result(timeout=POLL)
            except TimeoutError:
                if self.client.scheduler_info()["workers"]:
                    idle = 0.0
                    continue
                idle += POLL
                if idle >= NO_WORKER_GRACE:
                    self._gone = f"no Dask worker left after {NO_WORKER_GRACE:.0f} s (all died and none restarted)"


class _NoWorkers(RuntimeError):
    pass
