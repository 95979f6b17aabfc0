"""A throwaway PostgreSQL server for tests and benchmarks, started from this machine's server binaries.

Nothing is installed or configured by hand: the server gets a fresh data directory under a temporary folder, a
free port on 127.0.0.1 and trust authentication for one local user, and is stopped and deleted on exit. PostgreSQL
refuses to run as root, so under root the server commands run as the `postgres` system user (`runuser`), which then
owns the temporary folder.

    with LocalPostgres() as pg:
        connect(pg.url)   # postgresql://newsintel@127.0.0.1:PORT/newsintel

The binaries are looked up in `NEWSINTEL_PG_BIN`, then `pg_config --bindir`, then `/usr/lib/postgresql/*/bin`
(newest first). When none is found, `find_bindir` returns None and `LocalPostgres` raises `PostgresUnavailable`
with the places it looked, so a caller can fail loudly instead of skipping silently.
"""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import tempfile
import time
from pathlib import Path
from types import TracebackType

USER = "newsintel"
DATABASE = "newsintel"
SEARCHED = ("$NEWSINTEL_PG_BIN", "pg_config --bindir", "/usr/lib/postgresql/*/bin")
START_TIMEOUT_S = 60
PREFIX = "newsintel-pg-"  # temporary folders of servers started here; an orphan's is reaped by the next start


class PostgresUnavailable(RuntimeError):
    """No usable PostgreSQL server binaries, or the server did not start."""


def find_bindir() -> Path | None:
    """The folder holding `initdb` and `pg_ctl`, or None."""
    candidates: list[Path] = []
    if os.environ.get("NEWSINTEL_PG_BIN"):
        candidates.append(Path(os.environ["NEWSINTEL_PG_BIN"]))
    if shutil.which("pg_config"):
        out = subprocess.run(["pg_config", "--bindir"], capture_output=True, text=True, check=False)
        if out.returncode == 0:
            candidates.append(Path(out.stdout.strip()))
    versions = sorted(Path("/usr/lib/postgresql").glob("*/bin"), key=lambda p: _version(p.parent.name), reverse=True)
    candidates += versions
    return next((c for c in candidates if (c / "initdb").is_file() and (c / "pg_ctl").is_file()), None)


def _version(name: str) -> tuple[int, ...]:
    return tuple(int(part) for part in name.split(".") if part.isdigit())


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def free_port() -> int:
    """A port nothing listens on at this moment (the server binds it a moment later)."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class LocalPostgres:
    """Start with `start()` or `with`; `url` names the database; `stop()` removes everything."""

    def __init__(self, bindir: Path | None = None, durable: bool = False) -> None:
        self.bindir = bindir or find_bindir()
        if self.bindir is None:
            raise PostgresUnavailable("no PostgreSQL server binaries (initdb, pg_ctl) found; looked in "
                                      + ", ".join(SEARCHED))
        if not all((self.bindir / name).is_file() for name in ("initdb", "pg_ctl", "createdb")):
            raise PostgresUnavailable(f"no PostgreSQL server binaries (initdb, pg_ctl, createdb) in {self.bindir}")
        self.durable = durable  # fsync on: for crash tests; off by default, a throwaway server needs no durability
        self.port = 0
        self.root: Path | None = None
        self._as_postgres = os.geteuid() == 0

    @property
    def url(self) -> str:
        return f"postgresql://{USER}@127.0.0.1:{self.port}/{DATABASE}"

    def _run(self, *args: str, timeout: float = START_TIMEOUT_S) -> subprocess.CompletedProcess:
        command = [str(self.bindir / args[0]), *args[1:]]
        if self._as_postgres:
            command = ["runuser", "-u", "postgres", "--", *command]
        return subprocess.run(command, capture_output=True, text=True, timeout=timeout, check=False)

    def start(self) -> LocalPostgres:
        self._reap_orphans()
        self.root = Path(tempfile.mkdtemp(prefix=PREFIX))
        (self.root / "owner.pid").write_text(str(os.getpid()))
        if self._as_postgres:
            shutil.chown(self.root, "postgres")
        data, log = self.root / "data", self.root / "server.log"
        made = self._run("initdb", "-D", str(data), "-U", USER, "--auth=trust", "-E", "UTF8", "--locale=C")
        if made.returncode != 0:
            self._discard()
            raise PostgresUnavailable(f"initdb failed: {made.stderr.strip()[-500:]}")
        options = (f"-p {{port}} -c listen_addresses=127.0.0.1 -k {self.root} -c max_connections=50"
                   f" -c fsync={'on' if self.durable else 'off'}")
        for _ in range(3):  # a port taken between choosing and binding: choose again
            self.port = free_port()
            started = self._run("pg_ctl", "-D", str(data), "-l", str(log), "-w", "-t", str(START_TIMEOUT_S),
                                "-o", options.format(port=self.port), "start")
            if started.returncode == 0:
                break
        else:
            detail = log.read_text(errors="replace")[-800:] if log.exists() else started.stderr
            self._discard()
            raise PostgresUnavailable(f"PostgreSQL did not start: {detail.strip()}")
        created = self._run("createdb", "-h", "127.0.0.1", "-p", str(self.port), "-U", USER, DATABASE)
        if created.returncode != 0:
            self.stop()
            raise PostgresUnavailable(f"createdb failed: {created.stderr.strip()[-500:]}")
        return self

    def _reap_orphans(self) -> None:
        """Stop and delete servers whose owning process died without stopping them (a killed test session)."""
        for root in Path(tempfile.gettempdir()).glob(PREFIX + "*"):
            try:
                owner = int((root / "owner.pid").read_text())
            except (OSError, ValueError):
                continue
            if _alive(owner):
                continue
            if (root / "data" / "postmaster.pid").exists():
                self._run("pg_ctl", "-D", str(root / "data"), "-m", "immediate", "-w", "stop")
            shutil.rmtree(root, ignore_errors=True)

    def stop(self) -> None:
        if self.root is not None and (self.root / "data" / "postmaster.pid").exists():
            self._run("pg_ctl", "-D", str(self.root / "data"), "-m", "fast", "-w", "stop")
        self._discard()

    def _discard(self) -> None:
        if self.root is not None:
            shutil.rmtree(self.root, ignore_errors=True)
            self.root = None

    def __enter__(self) -> LocalPostgres:
        return self.start()

    def __exit__(self, kind: type[BaseException] | None, err: BaseException | None, tb: TracebackType | None) -> None:
        self.stop()


def wait_until_closed(port: int, timeout: float = 10.0) -> bool:
    """True once nothing accepts connections on 127.0.0.1:`port` (bounded wait)."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
            sock.settimeout(0.5)
            if sock.connect_ex(("127.0.0.1", port)) != 0:
                return True
        time.sleep(0.1)
    return False
