"""Long work shows a progress bar on stderr at a terminal, and nothing when piped."""

from __future__ import annotations

import io
import os
import subprocess
import sys
from pathlib import Path

import pytest

from revise.export import counted
from revise.progress_bar import progress_bar
from revise.store import Store
from tests.review_support import add_cards

REVISE = Path(sys.executable).with_name("revise")
needs_revise = pytest.mark.skipif(not REVISE.exists(), reason="revise is not installed")


class FakeTerminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_a_bar_counts_the_items_that_go_by():
    out = FakeTerminal()
    with progress_bar("Writing", 5_000, stream=out) as advance:
        assert list(counted(range(5_000), advance)) == list(range(5_000))
    assert "Writing" in out.getvalue()


def test_no_bar_when_the_output_is_not_a_terminal_or_the_work_is_short():
    piped = io.StringIO()
    with progress_bar("Writing", 5_000, stream=piped) as advance:
        list(counted(range(5_000), advance))
    assert piped.getvalue() == ""
    short = FakeTerminal()
    with progress_bar("Writing", 10, stream=short) as advance:
        list(counted(range(10), advance))
    assert short.getvalue() == ""


def in_a_terminal(argv: list[str], env: dict) -> tuple[int, str]:
    """Run `argv` with its output on a pseudo-terminal; its exit code and what it wrote."""
    import pty
    import select

    pid, fd = pty.fork()
    if pid == 0:
        os.execve(argv[0], argv, env)
    output = b""
    while True:
        ready, _, _ = select.select([fd], [], [], 30)
        if not ready:
            break
        try:
            chunk = os.read(fd, 65536)
        except OSError:
            break
        if not chunk:
            break
        output += chunk
    _, status = os.waitpid(pid, 0)
    os.close(fd)
    return os.waitstatus_to_exitcode(status), output.decode(errors="replace")


@pytest.fixture
def many_cards(db_file) -> Path:
    with Store(db_file) as store:
        add_cards(store, 3_000)
    return db_file


@needs_revise
@pytest.mark.parametrize("name", ["big.csv", "big.apkg", "big.json"])
def test_a_long_export_shows_a_bar_at_a_terminal_and_nothing_piped(many_cards, tmp_path, name):
    env = {**os.environ, "TERM": "xterm", "COLUMNS": "80"}
    code, shown = in_a_terminal(
        [str(REVISE), "export", "-o", str(tmp_path / name), "--db", str(many_cards)], env)
    assert code == 0, shown
    assert f"Writing {name}" in shown
    assert "3000 cards" in shown
    piped = subprocess.run(
        [str(REVISE), "export", "-o", str(tmp_path / f"piped-{name}"), "--db",
         str(many_cards)], capture_output=True, text=True, env=env, timeout=60)
    assert piped.returncode == 0 and piped.stderr == ""


@needs_revise
def test_a_long_import_shows_a_bar_at_a_terminal_and_nothing_piped(many_cards, tmp_path):
    package = tmp_path / "big.apkg"
    env = {**os.environ, "TERM": "xterm", "COLUMNS": "80"}
    assert subprocess.run([str(REVISE), "export", "-o", str(package), "--db", str(many_cards)],
                          capture_output=True, env=env, timeout=60).returncode == 0
    code, shown = in_a_terminal(
        [str(REVISE), "import", str(package), "--db", str(tmp_path / "one.db")], env)
    assert code == 0, shown
    assert "Importing big.apkg" in shown
    piped = subprocess.run([str(REVISE), "import", str(package), "--db", str(tmp_path / "two.db")],
                           capture_output=True, text=True, env=env, timeout=60)
    assert piped.returncode == 0 and piped.stderr == ""


@needs_revise
@pytest.mark.parametrize("workers", ["1", "2"])
def test_a_long_extract_shows_a_bar_at_a_terminal_and_nothing_piped(tmp_path, workers):
    from tests.conftest import FIXTURES

    unit = (FIXTURES / "stalin-slice.md").read_text(encoding="utf-8")
    notes = tmp_path / "course.md"
    notes.write_text("".join(f"# Unit {n}\n\n{unit}\n" for n in range(200)), encoding="utf-8")
    env = {**os.environ, "TERM": "xterm", "COLUMNS": "80", "REVISE_WORKERS": workers}
    code, shown = in_a_terminal(
        [str(REVISE), "extract", str(notes), "--db", str(tmp_path / "one.db")], env)
    assert code == 0, shown
    assert "Reading notes" in shown
    piped = subprocess.run([str(REVISE), "extract", str(notes), "--db", str(tmp_path / "two.db")],
                           capture_output=True, text=True, env=env, timeout=120)
    assert piped.returncode == 0 and piped.stderr == ""
