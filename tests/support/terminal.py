"""A revise command in a pseudo-terminal of its own, as a user runs it: keys go in,
the screen comes out, Ctrl-C is a real SIGINT. Error output goes to the terminal, as
it does for a user, or is kept apart (`errors_apart`) for a test to check."""

from __future__ import annotations

import os
import pty
import re
import select
import signal
import sys
import tempfile
import time
from datetime import datetime
from pathlib import Path

from revise.times import iso
from tests.review_support import NOW

# the installed command, as a user runs it; `python -m revise` where there is none
_SCRIPT = Path(sys.executable).with_name("revise")
REVISE = [str(_SCRIPT)] if _SCRIPT.exists() else [sys.executable, "-m", "revise"]

QUESTION = "show the answer"  # the hint under a question
PROMPT = "Enter alone to just show it"  # the hint under a question, answers typed
ANSWER = "1-4: rate"  # the hint under an answer
SAVED = re.compile(rb"Answer (\d+) saved")
OVER = re.compile(rb"Session over: \d+ cards?, (\d+) answers?")
SKIPPED = re.compile(rb"(\d+) answered in another session meanwhile")


class Terminal:
    """`revise review --db DB_FILE ARGS` (or another `command`) in a pseudo-terminal."""

    def __init__(self, db_file: Path, *args: str, command: str = "review",
                 now: datetime = NOW, env: dict | None = None, columns: int = 80,
                 errors_apart: bool = False):
        environment = {**os.environ, "REVISE_NOW": iso(now), "REVISE_FUZZ": "0",
                       "TERM": "xterm", "COLUMNS": str(columns), "LINES": "40", "TZ": "UTC",
                       **(env or {})}
        argv = [*REVISE, command, "--db", str(db_file), *args]
        self._errors = tempfile.TemporaryFile()  # noqa: SIM115 (closed with the terminal)
        self.pid, self.fd = pty.fork()
        if self.pid == 0:  # the child: its own session, with this terminal as its own
            try:
                if errors_apart:
                    os.dup2(self._errors.fileno(), 2)
                os.execve(argv[0], argv, environment)
            finally:
                os._exit(127)
        self.output = b""
        self.closed = False
        self.returncode: int | None = None
        self.error_output = ""

    @property
    def text(self) -> str:
        return self.output.decode(errors="replace")

    def read(self, timeout: float = 0.02) -> None:
        while not self.closed and select.select([self.fd], [], [], timeout)[0]:
            try:
                chunk = os.read(self.fd, 65536)
            except OSError:  # the other end is gone
                chunk = b""
            if not chunk:
                self.closed = True
                return
            self.output += chunk
            timeout = 0

    def wait_for(self, text: str | bytes, count: int = 1, timeout: float = 30) -> bool:
        """True once `text` has been shown `count` times; False if revise exits first."""
        wanted = text.encode() if isinstance(text, str) else text
        deadline = time.monotonic() + timeout
        while self.output.count(wanted) < count:
            if self.closed or (self.poll() is not None and not self._pending()):
                self.read(0)
                return self.output.count(wanted) >= count
            if time.monotonic() > deadline:
                raise AssertionError(f"never saw {text!r} x{count}:\n{self.text[-2000:]}")
            self.read()
        return True

    def _pending(self) -> bool:
        return not self.closed and bool(select.select([self.fd], [], [], 0)[0])

    def send(self, keys: str) -> None:
        os.write(self.fd, keys.encode())

    def poll(self) -> int | None:
        """The exit code once revise has exited, else None."""
        if self.returncode is None:
            pid, status = os.waitpid(self.pid, os.WNOHANG)
            if pid:
                self.returncode = os.waitstatus_to_exitcode(status)
        return self.returncode

    def kill(self) -> None:
        """SIGKILL, as a crash or a power cut would stop it."""
        if self.poll() is None:
            os.kill(self.pid, signal.SIGKILL)
            self.returncode = os.waitstatus_to_exitcode(os.waitpid(self.pid, 0)[1])
        self.read(0.05)  # what it wrote before it died was on the screen
        self.close()

    def finish(self, timeout: float = 30) -> int:
        """Read until revise exits; its exit code."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            self.read()
            if self.poll() is not None and not self._pending():
                self.close()
                return self.returncode
        self.kill()
        raise AssertionError(f"revise did not exit:\n{self.text[-2000:]}")

    def close(self) -> None:
        """After revise has exited: keep what it wrote to stderr, free the terminal."""
        if self.fd >= 0:
            os.close(self.fd)
            self.fd = -1
            self.closed = True
            self._errors.seek(0)
            self.error_output = self._errors.read().decode(errors="replace")
            self._errors.close()

    def acknowledged(self) -> int:
        """Answers the screen showed as saved."""
        counts = [int(n) for n in SAVED.findall(self.output) + OVER.findall(self.output)]
        return max(counts, default=0)

    def skipped(self) -> int:
        """Answers the screen said another session gave meanwhile."""
        return sum(int(n) for n in SKIPPED.findall(self.output))
