"""`revise.cli`: the entry point, and the plain commands it runs without typer."""

from __future__ import annotations

import ast
import json
import os
import subprocess
import sys
import time
from datetime import timedelta
from pathlib import Path

import pytest

from revise import cli
from revise.db import Store
from tests.review_support import NOW, add_cards, answer


@pytest.fixture(autouse=True)
def fixed_clock(monkeypatch):
    monkeypatch.setenv("REVISE_NOW", NOW.isoformat())
    monkeypatch.setenv("TZ", "UTC")
    time.tzset()
    yield
    monkeypatch.undo()
    time.tzset()


@pytest.fixture
def studied(db_file) -> Path:
    """Two decks with new cards and a few days of reviews."""
    with Store(db_file) as store:
        ids = add_cards(store, 6, deck="stalin") + add_cards(store, 4, deck="lenin")
        for day, card_id in enumerate(ids[:7]):
            answer(store, card_id, 1 + day % 4, NOW - timedelta(days=day, hours=1))
    return db_file


def run_main(monkeypatch, capsys, *args: str) -> tuple[int, str, str]:
    """`revise ARGS` through `cli.main`, as the installed command runs it."""
    monkeypatch.setattr(sys, "argv", ["revise", *args])
    with pytest.raises(SystemExit) as exit_info:
        cli.main()
    out, err = capsys.readouterr()
    return exit_info.value.code or 0, out, err


@pytest.mark.parametrize("argv", [
    ["due", "--json"],
    ["due", "--db", "x.db", "--json"],
    ["due", "--json", "--db=x.db"],
    ["stats", "--json", "--deck", "stalin"],
    ["stats", "-d", "stalin", "--json", "--db", "x.db"],
    ["stats", "--deck=stalin", "--json"],
    ["review"],
    ["review", "--db", "x.db", "-d", "stalin", "-t", "purges"],
])
def test_plain_forms_run_without_typer(argv):
    assert cli._quick_command(argv) is not None


@pytest.mark.parametrize("argv", [
    [],
    ["--help"],
    ["--db", "x.db", "due", "--json"],  # the app's own --db
    ["due"],  # a table, drawn by rich
    ["stats", "--deck", "stalin"],
    ["due", "--json", "--help"],
    ["due", "--json", "--deck", "stalin"],  # due has no --deck: typer says so
    ["due", "--json", "--json"],
    ["stats", "--json", "-d", "a", "--deck", "b"],  # repeated
    ["stats", "--json", "--deck"],  # no value
    ["stats", "--json", "--deck", "--json"],  # typer would take --json as the deck
    ["stats", "--json", "-dstalin"],
    ["stats", "--json", "--json=yes"],
    ["review", "--new", "5"],
    ["review", "--type"],
    ["review", "--", "x"],
    ["cards", "--json"],
])
def test_other_forms_go_to_typer(argv):
    assert cli._quick_command(argv) is None


def test_a_folder_as_database_goes_to_typer_which_says_so(tmp_path, monkeypatch, capsys):
    assert cli._quick_command(["due", "--json", "--db", str(tmp_path)]) is None
    monkeypatch.setenv("REVISE_DB", str(tmp_path))
    assert cli._quick_command(["due", "--json", "--db", str(tmp_path / "x.db")]) is None
    code, _, err = run_main(monkeypatch, capsys, "due", "--json")
    assert code == 2 and "is a directory" in err


def test_the_database_comes_from_db_then_the_environment(tmp_path, monkeypatch):
    monkeypatch.setenv("REVISE_DB", str(tmp_path / "env.db"))
    assert cli._quick_command(["due", "--json"])[1]["--db"] == tmp_path / "env.db"
    assert cli._quick_command(["due", "--json", "--db", "x.db"])[1]["--db"] == Path("x.db")
    monkeypatch.setenv("REVISE_DB", "")
    assert cli._quick_command(["due", "--json"])[1]["--db"] is None


@pytest.mark.parametrize("args", [
    ("due", "--json"),
    ("stats", "--json"),
    ("stats", "--json", "--deck", "lenin"),
    ("stats", "--json", "--deck", "trotsky"),  # no such deck: an error line, exit 1
])
def test_reports_are_the_same_with_and_without_typer(args, studied, revise, monkeypatch,
                                                     capsys):
    quick = run_main(monkeypatch, capsys, *args, "--db", str(studied))
    through_typer = revise(*args)
    assert quick == (through_typer.exit_code, through_typer.stdout, through_typer.stderr)
    assert quick[0] or quick[1].startswith("{")


def test_review_without_a_terminal_fails_as_through_typer(studied, revise, monkeypatch,
                                                          capsys):
    assert not sys.stdin.isatty()  # pytest's
    quick = run_main(monkeypatch, capsys, "review", "--db", str(studied))
    assert quick == (1, "", "error: review needs an interactive terminal (standard input is"
                            " not one)\n")
    assert revise("review").stderr == quick[2]


@pytest.mark.parametrize("command", ["due", "stats"])
def test_due_and_stats_json_load_neither_typer_nor_rich_nor_orjson(studied, command):
    code = (f"import sys; from revise import cli; sys.argv = ['revise', '{command}', '--json'];\n"
            "try: cli.main()\nexcept SystemExit: pass\n"
            "print(sorted(name for name in ('typer', 'click', 'rich', 'orjson')"
            " if name in sys.modules), file=sys.stderr)")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                          env={**os.environ, "REVISE_DB": str(studied)}, check=True)
    assert done.stderr.strip() == "[]"
    report = json.loads(done.stdout)
    if command == "due":
        assert [deck["deck"] for deck in report["decks"]] == ["lenin", "stalin"]
    else:
        assert report["reviews_total"] == 7
        assert sum(topic["cards"] for topic in report["topics"]) == 10


@pytest.mark.parametrize("items", [3, cli.LONG_LIST + 1])
def test_json_is_compact_for_programs_whichever_library_writes_it(items, capsys):
    data = [{"question": "Who led the USSR in 1930? ›", "stability": 0.1, "due": None}] * items
    cli.write_json(data)
    out = capsys.readouterr().out
    assert out == "[" + ",".join(['{"question":"Who led the USSR in 1930? ›","stability":0.1,'
                                  '"due":null}'] * items) + "]\n"
    cli.write_json('{"already":"JSON"}')
    assert capsys.readouterr().out == '{"already":"JSON"}\n'


def test_the_typer_app_is_still_reachable_from_cli():
    from typer.main import get_command

    assert {"due", "stats", "review", "extract"} <= set(get_command(cli.app).commands)


def _help_in_a_process(columns: str | None) -> tuple[str, list[str]]:
    """What `revise --help` prints, run as the installed command runs it, and which of
    typer, click and rich it loaded."""
    code = ("import sys; from revise import cli; sys.argv = ['revise', '--help'];\n"
            "try: cli.main()\nexcept SystemExit: pass\n"
            "print(sorted(name for name in ('typer', 'click', 'rich') if name in sys.modules),"
            " file=sys.stderr)")
    env = {key: value for key, value in os.environ.items() if key != "COLUMNS"}
    if columns is not None:
        env["COLUMNS"] = columns
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                          env=env, check=True)
    return done.stdout, ast.literal_eval(done.stderr)


def test_the_help_page_kept_is_the_page_typer_prints():
    from revise import helptext

    assert helptext.typer_page() == helptext.PAGE
    assert helptext.typer_page(columns=200) == helptext.PAGE  # wider changes nothing
    assert "Commands:" in helptext.PAGE and "extract" in helptext.PAGE


@pytest.mark.parametrize("columns", [None, "80", "132"])
def test_help_is_printed_without_loading_typer(columns):
    from revise import helptext

    assert _help_in_a_process(columns) == (helptext.PAGE, [])


def test_help_on_a_narrow_terminal_is_typers_own():
    from revise import helptext

    page, loaded = _help_in_a_process("60")
    assert page == helptext.typer_page(columns=60) != helptext.PAGE
    assert "typer" in loaded
