"""Shared fixtures. No test touches a real home folder or database."""

from __future__ import annotations

import json
import signal
from pathlib import Path

import pytest
from typer.testing import CliRunner

from revise.cli import app

ROOT = Path(__file__).resolve().parent.parent
NOTES = ROOT / "data" / "notes.txt"
FIXTURES = Path(__file__).resolve().parent / "fixtures"


@pytest.fixture(autouse=True)
def isolated_home(tmp_path_factory, monkeypatch):
    """Point every user folder and REVISE_DB away from the real ones."""
    home = tmp_path_factory.mktemp("home")
    monkeypatch.setenv("HOME", str(home))
    monkeypatch.setenv("XDG_DATA_HOME", str(home / "data"))
    monkeypatch.delenv("REVISE_DB", raising=False)
    return home


@pytest.fixture(autouse=True)
def interruptible():
    """Ctrl-C as a user's terminal sends it: Anki's engine, which some tests load, sets
    this process to ignore SIGINT, and every command a later test starts would inherit
    that."""
    yield
    signal.signal(signal.SIGINT, signal.default_int_handler)


@pytest.fixture
def db_file(tmp_path) -> Path:
    return tmp_path / "revise.db"


@pytest.fixture
def revise(db_file):
    """Run the CLI in-process against `db_file`: revise("extract", path) → Result."""
    runner = CliRunner()

    def run(*args: str | Path, input: str | None = None, db: Path | None = db_file):
        argv = [str(arg) for arg in args]
        if db is not None:
            argv += ["--db", str(db)]
        return runner.invoke(app, argv, input=input, catch_exceptions=False)

    return run


def cards_json(revise, *args: str) -> list[dict]:
    result = revise("cards", "--json", *args)
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)
