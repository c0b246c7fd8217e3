"""The command line: where the database comes from, read-only commands, help, shell
completion, and a package whose every module imports on its own."""

from __future__ import annotations

import json
import os
import pkgutil
import subprocess
import sys
from pathlib import Path

import pytest
from typer.main import get_command

import revise
from revise.cli import app
from revise.commands.common import LONG_LIST, bulk_work, write_json

ROOT = Path(__file__).resolve().parent.parent
NOTES = ROOT / "data" / "notes.txt"
REVISE = Path(sys.executable).with_name("revise")


@pytest.fixture
def one_txt(tmp_path) -> Path:
    """An Anki text file of one card, or notes giving two."""
    path = tmp_path / "one.txt"
    path.write_text("Who died in 1924?\tLenin\n", encoding="utf-8")
    return path


@pytest.fixture
def notes(tmp_path) -> Path:
    path = tmp_path / "rivals.txt"
    path.write_text("* Rivals\n- Lenin dies 1924\n", encoding="utf-8")
    return path


def default_database(isolated_home) -> Path:
    return isolated_home / "data" / "revise" / "revise.db"


def test_db_before_the_command_is_the_database_every_command_uses(revise, tmp_path, one_txt,
                                                                  notes, isolated_home):
    chosen = tmp_path / "x.db"
    result = revise("--db", chosen, "import", one_txt, db=None)
    assert result.exit_code == 0, result.output
    assert chosen.exists() and not default_database(isolated_home).exists()
    assert revise("--db", chosen, "extract", notes, db=None).exit_code == 0
    due = json.loads(revise("--db", chosen, "due", "--json", db=None).stdout)
    assert due["active_cards"] == 2
    assert not default_database(isolated_home).exists()


def test_db_after_the_command_wins_over_the_one_before(revise, tmp_path, notes):
    before, after = tmp_path / "before.db", tmp_path / "after.db"
    assert revise("--db", before, "extract", notes, "--db", after, db=None).exit_code == 0
    assert after.exists() and not before.exists()


def test_revise_db_names_the_database_when_no_db_is_given(revise, tmp_path, notes,
                                                          monkeypatch, isolated_home):
    monkeypatch.setenv("REVISE_DB", str(tmp_path / "env.db"))
    assert revise("extract", notes, db=None).exit_code == 0
    assert (tmp_path / "env.db").exists()
    assert revise("--db", tmp_path / "given.db", "extract", notes, db=None).exit_code == 0
    assert (tmp_path / "given.db").exists()
    assert not default_database(isolated_home).exists()


@pytest.mark.parametrize("command", [("due",), ("due", "--json"), ("stats", "--json"),
                                     ("cards",), ("export", "-o", "out.json")])
def test_a_command_that_only_reads_creates_no_database(revise, tmp_path, command,
                                                       monkeypatch):
    monkeypatch.chdir(tmp_path)
    missing = tmp_path / "new.db"
    result = revise(*command, db=missing)
    assert result.exit_code == 1
    assert result.stderr == f"error: no database at {missing}: make one with `revise extract" \
                            " NOTES.txt`\n"
    assert list(tmp_path.iterdir()) == []


def test_revise_alone_without_a_database_says_how_to_start_and_creates_none(revise,
                                                                            isolated_home):
    result = revise(db=None)
    assert result.exit_code == 0
    assert "No cards yet" in result.stdout
    assert not default_database(isolated_home).exists()


def test_every_command_has_help_with_an_example():
    for name, command in get_command(app).commands.items():
        assert command.help and command.help.strip(), f"{name} has no help"
        assert "Example: revise " in command.help, f"{name}'s help has no example"


@pytest.mark.parametrize(("shell", "start"), [("bash", "_revise_completion() {"),
                                             ("zsh", "#compdef revise"),
                                             ("fish", "complete --command revise")])
def test_shell_completion_script_is_shown_for_the_shell_given(shell, start):
    # typer takes the shell as the option's value only when it is told not to detect the
    # shell it runs in (as it is in a test, with no shell above it)
    done = subprocess.run([str(REVISE), "--show-completion", shell], capture_output=True,
                          text=True, env={**os.environ,
                                          "_TYPER_COMPLETE_TEST_DISABLE_SHELL_DETECTION": "1"})
    assert done.returncode == 0, done.stderr
    assert done.stdout.startswith(start) and "_REVISE_COMPLETE" in done.stdout


def test_help_runs_as_a_process_and_lists_every_command():
    done = subprocess.run([str(REVISE), "--help"], capture_output=True, text=True, check=True,
                          env={**os.environ, "COLUMNS": "100"})
    for name in get_command(app).commands:
        assert f"  {name} " in done.stdout


def package_modules() -> list[str]:
    """Every module of the package but `revise.__main__`, which runs the command line."""
    return sorted(module.name for module in
                  pkgutil.walk_packages(revise.__path__, prefix="revise.")
                  if module.name != "revise.__main__")


@pytest.mark.parametrize("module", package_modules())
def test_every_module_imports_in_a_fresh_interpreter(module):
    """The core loads neither the command line nor typer, nor rich's console (the review
    session, which draws on the terminal, aside)."""
    check = (f"import json, sys, {module}; print(json.dumps([name for name in ('typer',"
             " 'rich.console', 'revise.cli', 'revise.commands') if name in sys.modules]))")
    done = subprocess.run([sys.executable, "-c", check], capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    loaded = json.loads(done.stdout)
    if module == "revise.cli" or module.startswith("revise.commands"):
        return
    allowed = {"rich.console"} if module == "revise.review" else set()
    assert set(loaded) <= allowed, f"{module} loads {loaded}"


@pytest.mark.parametrize("items", [3, LONG_LIST + 1])
def test_json_is_compact_for_programs_whichever_library_writes_it(items, capsys):
    data = [{"question": "Who led the USSR in 1930? ›", "stability": 0.1, "due": None}] * items
    write_json(data)
    out = capsys.readouterr().out
    assert out == "[" + ",".join(['{"question":"Who led the USSR in 1930? ›","stability":0.1,'
                                  '"due":null}'] * items) + "]\n"
    write_json('{"already":"JSON"}')
    assert capsys.readouterr().out == '{"already":"JSON"}\n'


def test_bulk_work_pauses_the_cycle_collector_and_gives_it_back_as_it_was():
    import gc

    assert gc.isenabled()
    with pytest.raises(ValueError), bulk_work():
        assert not gc.isenabled()
        raise ValueError  # a failed import or export gives it back too
    assert gc.isenabled()
    gc.disable()
    try:
        with bulk_work():
            pass
        assert not gc.isenabled()  # left off by someone else: left off
    finally:
        gc.enable()
