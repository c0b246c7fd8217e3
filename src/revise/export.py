"""Cards from a store → a file in one of the formats of `revise.exporters`."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING

from revise.errors import ReviseError

if TYPE_CHECKING:
    from revise.store import Store

# output file suffix → export format
SUFFIX_FORMATS = {".apkg": "apkg", ".txt": "anki-txt", ".csv": "csv", ".json": "json",
                  ".md": "md"}


def check_output(output: Path, force: bool) -> None:
    """A ReviseError unless `output` can be written (a file, in a folder that exists,
    not there already unless `force`)."""
    if output.is_dir():
        raise ReviseError(f"{output} is a folder; give a file name")
    if output.exists() and not force:
        raise ReviseError(f"{output} exists; add --force to overwrite it")
    if not output.parent.is_dir():
        raise ReviseError(f"folder {output.parent} does not exist")


def format_of(output: Path) -> str:
    """The export format a file name's suffix asks for."""
    suffix = output.suffix.lower()
    if suffix not in SUFFIX_FORMATS:
        raise ReviseError(f"cannot tell the format of {output}; end it with "
                          f"{', '.join(SUFFIX_FORMATS)}")
    return SUFFIX_FORMATS[suffix]


def check_format(format_name: str, with_scheduling: bool = False) -> None:
    from revise.exporters import FORMATS

    if format_name not in FORMATS:
        raise ReviseError(f"unknown format {format_name!r}; choose from {', '.join(FORMATS)}")
    if with_scheduling and format_name != "apkg":
        raise ReviseError("--with-scheduling works with --format apkg only")


def export_cards(store: Store, output: Path, format_name: str, *, deck: str | None = None,
                 topic: str | None = None, kind: str | None = None,
                 with_scheduling: bool = False, force: bool = False) -> int:
    """Write the matching cards to `output` (whole or not at all); the number written."""
    from revise.exporters import writer

    check_format(format_name, with_scheduling)
    check_output(output, force)
    filters = {"deck": deck, "topic": topic, "kind": kind}
    if format_name == "apkg":
        return _write_apkg(store, output, filters, with_scheduling)
    found = store.cards(**filters, include_retired=format_name == "json")
    if not found:
        raise ReviseError("no cards match: nothing to export")
    with _writing(output):
        writer(format_name)(found, output)
    return len(found)


def _write_apkg(store: Store, output: Path, filters: dict, with_scheduling: bool) -> int:
    """The package is written as its cards (and reviews) are read, so they are never
    all in memory; one snapshot of the database gives them all."""
    from revise.exporters import writer
    from revise.store import read_snapshot
    from revise.store.share import export_card_rows, export_decks, export_review_rows

    with read_snapshot(store):
        decks = export_decks(store, **filters)
        if not decks:
            raise ReviseError("no cards match: nothing to export")
        cards = export_card_rows(store, **filters, progress=with_scheduling)
        with _writing(output):
            return writer("apkg")(cards, output, decks=decks, with_scheduling=with_scheduling,
                                  history=partial(export_review_rows, store, **filters))


@contextmanager
def _writing(output: Path) -> Iterator[None]:
    """A failure to write `output` as one line."""
    try:
        yield
    except OSError as error:
        raise ReviseError(f"cannot write {output}: {error.strerror or error}") from None
