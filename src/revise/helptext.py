"""`revise --help` as typer prints it on a terminal at least WIDTH columns wide, or to
a pipe or file.

Loading typer takes longer than everything else `revise --help` does, yet the page
changes only when a command's help does. So `cli.main` prints this copy of it, and
tests/test_cli.py checks that it is still what typer prints. After changing a command's
help, write typer's page here again with:

    python -m revise.helptext
"""

# click wraps help to the terminal's columns (80 when not a terminal), at most 80, less
# 2: the page is the same at any width from this one up
WIDTH = 80

PAGE = """\
Usage: revise [OPTIONS] COMMAND [ARGS]...

  Spaced-repetition flashcards from your revision notes.

Options:
  --db <file>  Database file (default: $REVISE_DB, else revise.db in your user
               data folder).  [env var: REVISE_DB]
  -h, --help   Show this message and exit.

Commands:
  extract   Turn bullet notes into cards (dates, figures, causes, terms,...
  review    Review today's cards: learning cards first, then due reviews...
  due       Show what is left to review today, per deck: new, learning,...
  stats     Show reviews, streak, retention, a 30-day forecast, a...
  config    Show or change settings: rollover hour, new cards a day,...
  optimize  Fit the scheduler to your reviews: FSRS parameters from your...
  cards     List cards as a table.
  export    Export cards to a file: an Anki package or text file, CSV,...
  import    Bring in cards from Anki (.apkg, basic and cloze notes) or a...
  build     Build a deck from a deck file: its notes, topics, kinds and cap.
  backup    Copy the database safely, even while a review session is...
  restore   Replace the database with a backup.
  doctor    Check the database for damage and repair what is safe to repair.
"""


def typer_page(columns: int = WIDTH) -> str:
    """The page typer prints on a terminal `columns` wide."""
    import os
    import subprocess
    import sys

    app = "from revise.app import app; app(prog_name='revise')"
    return subprocess.run([sys.executable, "-c", app, "--help"], capture_output=True,
                          text=True, check=True,
                          env={**os.environ, "COLUMNS": str(columns)}).stdout


def _rewrite_this_file() -> None:
    from pathlib import Path

    path = Path(__file__)
    head, _, rest = path.read_text().partition('PAGE = """\\\n')
    _, _, tail = rest.partition('"""\n')
    page = typer_page()
    if '"""' in page or "\\" in page:
        raise SystemExit("help text with triple quotes or backslashes: quote it by hand")
    path.write_text(f'{head}PAGE = """\\\n{page}"""\n{tail}')


if __name__ == "__main__":
    _rewrite_this_file()
