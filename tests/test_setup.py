"""The first minutes of a fresh clone: `make review` in a terminal, `make install`, and a
build that prints no packaging warnings."""

from __future__ import annotations

import os
import pty
import re
import select
import shutil
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tests.conftest import ROOT

VENV = Path(sys.executable).parent.parent
needs_make = pytest.mark.skipif(shutil.which("make") is None, reason="make is not installed")


class Emulated:
    """A command in a pseudo-terminal whose output is read by a terminal emulator, so a
    test sees what a person would see on screen."""

    def __init__(self, argv: list[str], env: dict, columns: int = 100, lines: int = 40):
        import pyte

        self.screen = pyte.Screen(columns, lines)
        self.stream = pyte.ByteStream(self.screen)
        self.pid, self.fd = pty.fork()
        if self.pid == 0:
            os.chdir(ROOT)
            os.execvpe(argv[0], argv, {**env, "COLUMNS": str(columns), "LINES": str(lines),
                                       "TERM": "xterm"})
        self.raw = b""

    def read(self, timeout: float = 0.05) -> None:
        while select.select([self.fd], [], [], timeout)[0]:
            try:
                chunk = os.read(self.fd, 65536)
            except OSError:
                return
            if not chunk:
                return
            self.raw += chunk
            self.stream.feed(chunk)

    @property
    def shown(self) -> str:
        return "\n".join(line.rstrip() for line in self.screen.display)

    def wait_for(self, text: str, timeout: float = 30) -> None:
        deadline = time.monotonic() + timeout
        while text not in self.shown:
            if time.monotonic() > deadline:
                raise AssertionError(f"never saw {text!r} on screen:\n{self.shown}")
            self.read()

    def send(self, keys: str) -> None:
        os.write(self.fd, keys.encode())

    def finish(self, timeout: float = 30) -> int:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            self.read()
            pid, status = os.waitpid(self.pid, os.WNOHANG)
            if pid:
                self.read()
                os.close(self.fd)
                return os.waitstatus_to_exitcode(status)
        os.kill(self.pid, signal.SIGKILL)
        raise AssertionError(f"did not exit:\n{self.shown}")


@needs_make
def test_make_review_reviews_the_shipped_notes_in_a_demo_database_of_its_own(
        tmp_path, isolated_home):
    pytest.importorskip("pyte")
    demo = tmp_path / "demo.db"
    env = {**os.environ, "REVISE_FUZZ": "0", "TZ": "UTC"}
    env.pop("REVISE_DB", None)
    # -o: the app is installed already; make must not reinstall it for the test
    term = Emulated(["make", "--no-print-directory", "-o", f"{VENV}/.installed-app",
                     f"VENV={VENV}", f"DEMO_DB={demo}", "review"], env)
    summary = "data/notes.txt → deck notes: "
    term.wait_for("show the answer")
    assert summary in term.shown
    for rating in "34":
        term.send(" ")
        term.wait_for("1-4: rate")
        term.send(rating)
        term.wait_for("Answer")
    assert summary in term.shown  # still on screen after two cards
    assert re.search(r" [1-9]\d+ new, 0 updated", term.shown)
    term.send("q")
    term.wait_for("make install")
    assert term.finish() == 0
    assert "Session over: 2 cards" in term.shown
    assert f"{VENV.name}/bin/revise review --db" in term.shown or "revise review --db" in (
        term.shown)
    with sqlite3.connect(demo) as conn:
        assert conn.execute("SELECT count(*) FROM reviews").fetchone()[0] == 2
    assert not list(isolated_home.rglob("revise.db"))  # the user's own database: untouched


def fake_program(folder: Path, name: str, log: Path) -> None:
    """An executable `name` in `folder` that appends its arguments to `log`."""
    folder.mkdir(exist_ok=True)
    program = folder / name
    program.write_text(f'#!/bin/sh\necho "{name} $*" >> "{log}"\n'
                       'case "$*" in *--user-base*) echo /home/someone/.local ;; esac\n')
    program.chmod(0o755)


@needs_make
def test_make_install_uses_pipx_when_it_is_there(tmp_path):
    log = tmp_path / "calls"
    fake_program(tmp_path / "bin", "pipx", log)
    result = subprocess.run(
        ["make", "--no-print-directory", "install"], cwd=ROOT, capture_output=True, text=True,
        env={**os.environ, "PATH": f"{tmp_path / 'bin'}:/usr/bin:/bin"}, timeout=60)
    assert result.returncode == 0, result.stderr
    assert log.read_text().splitlines()[0] == "pipx install --force ."
    assert "not on your PATH yet" in result.stdout


@needs_make
def test_make_install_falls_back_to_pip_user_and_says_where_revise_went(tmp_path):
    log = tmp_path / "calls"
    fake_program(tmp_path / "bin", "python", log)
    result = subprocess.run(
        ["make", "--no-print-directory", "install", f"PYTHON={tmp_path / 'bin' / 'python'}"],
        cwd=ROOT, capture_output=True, text=True,
        env={**os.environ, "PATH": "/usr/bin:/bin"}, timeout=60)
    assert result.returncode == 0, result.stderr
    assert log.read_text().splitlines()[0] == "python -m pip install --user ."
    assert "add /home/someone/.local/bin" in result.stdout


def test_building_the_package_prints_no_packaging_warnings(tmp_path):
    source = tmp_path / "source"
    source.mkdir()
    for name in ("pyproject.toml", "README.md"):
        shutil.copy(ROOT / name, source / name)
    shutil.copytree(ROOT / "src", source / "src",
                    ignore=shutil.ignore_patterns("__pycache__", "*.egg-info"))
    result = subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "--quiet", "-w",
         str(tmp_path / "wheel"), str(source)], capture_output=True, text=True, timeout=300)
    if result.returncode != 0 and "No matching distribution" in result.stderr:
        pytest.skip("no package index to build with")
    assert result.returncode == 0, result.stderr
    warnings = [line for line in (result.stdout + result.stderr).splitlines()
                if "Warning" in line or "deprecated" in line]
    assert warnings == []


def test_the_readme_is_a_users_page_under_300_lines():
    lines = (ROOT / "README.md").read_text(encoding="utf-8").splitlines()
    assert len(lines) < 300
    first = lines.index("```sh")  # the first block holds the two commands, and only them
    assert [line.split()[:2] for line in lines[first + 1:first + 4]] == [
        ["make", "review"], ["make", "test"], ["```"]]
