"""What the commands share: the --db option, the store it names, and writing output.

The database is the command's own --db, else the one given before the command
(`revise --db PATH COMMAND`), else $REVISE_DB, else revise.db in the user data folder.
"""

from __future__ import annotations

import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Annotated

import typer

from revise.errors import StoreError

DbOption = Annotated[
    Path | None,
    typer.Option(
        "--db",
        help="Database file (default: --db before the command, else $REVISE_DB, else "
             "revise.db in your user data folder).",
        show_default=False,
        dir_okay=False,
    ),
]

DeckOption = Annotated[str | None, typer.Option("--deck", "-d", help="Only this deck.")]
TopicOption = Annotated[
    str | None, typer.Option("--topic", "-t", help="Only topics containing this text.")
]
KindOption = Annotated[
    str | None,
    typer.Option("--kind", "-k", help="Only this kind: definition, person, case, quote, "
                 "vocabulary, formula, sequence, fact, date, figure, cause, list, basic, cloze."),
]
JsonOption = Annotated[bool, typer.Option("--json", help="Print JSON instead of a table.")]


def database_path(ctx: typer.Context, database: Path | None) -> Path:
    """The database a command works on (see the module docstring)."""
    if database is not None:
        return database
    given = ctx.find_root().params.get("database")
    if given is not None:
        return Path(given)
    from revise.environment import default_db_path

    path = default_db_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    return path


def open_store(ctx: typer.Context, database: Path | None, *, bulk: bool = False):
    """The store a command writes to, created or upgraded as needed."""
    from revise.store import Store

    return Store(database_path(ctx, database), bulk=bulk)


def read_store(ctx: typer.Context, database: Path | None):
    """The store a command only reads: opened read-only, never created. A database
    written by an older revise is upgraded first, as any command would."""
    from revise.store import NeedsUpgrade, Store

    path = database_path(ctx, database)
    if not path.parent.is_dir():
        raise StoreError(f"folder {path.parent} does not exist")
    if not path.exists():
        raise StoreError(f"no database at {path}: make one with `revise extract NOTES.txt`")
    try:
        return Store(path, readonly=True)
    except NeedsUpgrade:
        Store(path).close()
        return Store(path, readonly=True)


@contextmanager
def bulk_work() -> Iterator[None]:
    """Python's cycle collector paused for work that makes an object or two per card
    of a large collection: none of them is in a cycle, and the collector would walk
    the growing heap of them again and again. Reference counting still frees
    whatever the work drops; the collector runs again afterwards."""
    import gc

    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def console(stderr: bool = False):
    from rich.console import Console

    return Console(stderr=stderr, highlight=False, soft_wrap=False)


LONG_LIST = 1000  # items: from here, orjson's speed is worth its loading time


def write_json(data: dict | list | str) -> None:
    """`data` as JSON on stdout: indented for a person at a terminal, compact for a
    program. A str is JSON text already. A long list (`cards --json` on 100,000 cards)
    goes through orjson, which writes it in a tenth of the standard library's time."""
    import json

    at_terminal = sys.stdout.isatty()
    if isinstance(data, list) and len(data) > LONG_LIST:
        import orjson

        option = orjson.OPT_APPEND_NEWLINE | (orjson.OPT_INDENT_2 if at_terminal else 0)
        out = orjson.dumps(data, option=option)
    else:
        if at_terminal:
            data = json.dumps(json.loads(data) if isinstance(data, str) else data, indent=2,
                              ensure_ascii=False)
        elif not isinstance(data, str):
            data = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
        out = (data + "\n").encode()
    sys.stdout.flush()
    sys.stdout.buffer.write(out)
    sys.stdout.flush()


def count(number: int, noun: str) -> str:
    """'1 card', '2,000 cards'."""
    return f"{number:,} {noun}{'' if number == 1 else 's'}"
