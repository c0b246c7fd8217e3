"""Cards from a store → a file in one of the formats of `revise.exporters`."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from contextlib import AbstractContextManager, contextmanager
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, TypeVar

from revise.errors import ReviseError

if TYPE_CHECKING:
    from revise.store import Store

Item = TypeVar("Item")

# output file suffix → export format
SUFFIX_FORMATS = {".apkg": "apkg", ".txt": "anki-txt", ".csv": "csv", ".json": "json",
                  ".md": "md", ".html": "html", ".htm": "html"}


def check_output(output: Path, force: bool) -> None:
    """A ReviseError unless `output` can be written (a file, in a folder that exists,
    not there already unless `force`)."""
    if output.is_dir():
        raise ReviseError(f"{output} is a folder; give a file name")
    if output.exists() and not force:
        raise ReviseError(f"{output} exists; add --force to overwrite it")
    if not output.parent.is_dir():
        raise ReviseError(f"folder {output.parent} does not exist")


def output_format(output: Path, format_name: str | None = None, *,
                  format_option: bool = True) -> str:
    """The format to write `output` in: `format_name` if given, else the one its suffix
    names. A format that contradicts the suffix is an error, so `-f csv -o x.apkg`
    never writes a file that Anki refuses. `format_option`: the command has --format."""
    from revise.exporters import FORMATS

    named = SUFFIX_FORMATS.get(output.suffix.lower())
    if format_name is None:
        if named is None:
            choose = f" or give --format ({', '.join(FORMATS)})" if format_option else ""
            raise ReviseError(f"cannot tell the format of {output.name}; end it with "
                              f"{', '.join(SUFFIX_FORMATS)}{choose}")
        return named
    if format_name not in FORMATS:
        raise ReviseError(f"unknown format {format_name!r}; choose from {', '.join(FORMATS)}")
    if named is not None and named != format_name:
        raise ReviseError(f"--format {format_name} does not match {output.name} (by its name "
                          f"{named}); drop --format or change the file name")
    return format_name


def check_format(format_name: str, with_scheduling: bool = False,
                 answers: bool = True) -> None:
    from revise.exporters import FORMATS, WORKSHEETS

    if format_name not in FORMATS:
        raise ReviseError(f"unknown format {format_name!r}; choose from {', '.join(FORMATS)}")
    if with_scheduling and format_name != "apkg":
        raise ReviseError("--with-scheduling works with --format apkg only")
    if not answers and format_name not in WORKSHEETS:
        raise ReviseError("--no-answers works with the worksheets only: md and html")


# Told how many cards there are to write, gives the function told of each one written.
Progress = Callable[[int], AbstractContextManager[Callable[[int], None]]]


def export_cards(store: Store, output: Path, format_name: str, *, deck: str | None = None,
                 topic: str | None = None, kind: str | None = None,
                 with_scheduling: bool = False, answers: bool = True, force: bool = False,
                 progress: Progress | None = None) -> int:
    """Write the matching cards to `output` (whole or not at all); the number written.
    `answers=False` leaves a worksheet's answers out; `progress` follows the writing."""
    from revise.exporters import WORKSHEETS, writer

    check_format(format_name, with_scheduling, answers)
    check_output(output, force)
    progress = progress or _no_progress
    if deck is not None:  # any case; a name that fits no deck lists those there are
        from revise.store.decks import find_deck

        deck = find_deck(store, deck)["name"]
    filters = {"deck": deck, "topic": topic,
               "kind": kind.strip().lower() if kind is not None else None}
    if format_name == "apkg":
        return _write_apkg(store, output, filters, with_scheduling, progress)
    found = store.cards(**filters, include_retired=format_name == "json")
    if not found:
        raise ReviseError("no cards match: nothing to export")
    with _writing(output), progress(len(found)) as advance:
        if format_name in WORKSHEETS:  # (they go through their cards more than once)
            writer(format_name)(found, output, answers=answers)
        else:
            writer(format_name)(counted(found, advance), output)
    return len(found)


def _write_apkg(store: Store, output: Path, filters: dict, with_scheduling: bool,
                progress: Progress) -> int:
    """The package is written as its cards (and reviews) are read, so they are never
    all in memory; one snapshot of the database gives them all."""
    from revise.exporters import writer
    from revise.store import read_snapshot
    from revise.store.share import (
        count_cards,
        export_card_rows,
        export_decks,
        export_review_rows,
    )

    with read_snapshot(store):
        decks = export_decks(store, **filters)
        if not decks:
            raise ReviseError("no cards match: nothing to export")
        cards = export_card_rows(store, **filters, progress=with_scheduling)
        total = count_cards(store, **filters)
        with _writing(output), progress(total) as advance:
            return writer("apkg")(counted(cards, advance), output, decks=decks,
                                  with_scheduling=with_scheduling,
                                  history=partial(export_review_rows, store, **filters))


@contextmanager
def _no_progress(total: int) -> Iterator[Callable[[int], None]]:
    yield lambda done: None


def counted(items: Iterable[Item], advance: Callable[[int], None],
            batch: int = 100) -> Iterator[Item]:
    """`items` as they are, telling `advance` every `batch` of them that went by."""
    pending = 0
    for item in items:
        yield item
        pending += 1
        if pending == batch:
            advance(pending)
            pending = 0
    if pending:
        advance(pending)


@contextmanager
def _writing(output: Path) -> Iterator[None]:
    """A failure to write `output` as one line."""
    try:
        yield
    except OSError as error:
        raise ReviseError(f"cannot write {output}: {error.strerror or error}") from None
