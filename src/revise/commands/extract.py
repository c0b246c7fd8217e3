"""`revise extract`: notes files → cards in the database."""

import functools
from collections.abc import Iterator
from contextlib import contextmanager, nullcontext
from itertools import chain
from pathlib import Path
from typing import Annotated

import typer

from revise.cli import DbOption, cores, db_path, open_store, write_json
from revise.errors import NotesError, ReviseError
from revise.files import check_input_file

# Larger notes than this are almost certainly not notes (or need splitting).
MAX_NOTES_BYTES = 16 * 1024 * 1024
# Notes are read in pieces side by side only when each piece is worth a process.
PIECE_MIN_CHARS = 256 * 1024
PIECES_PER_WORKER = 4


def read_notes(path: Path) -> str:
    """The text of a notes file, or a NotesError that says what is wrong with it."""
    from revise.notes import decode_notes

    check_input_file(path, "notes file", NotesError, MAX_NOTES_BYTES)
    if path.suffix.lower() == ".toml":
        raise NotesError(f"{path} is a deck file, not notes: build it with  revise build {path}")
    try:
        data = path.read_bytes()
    except OSError as error:
        raise NotesError(f"cannot read {path}: {error.strerror}") from None
    try:
        return decode_notes(data)
    except NotesError as error:
        raise NotesError(f"{path} {error}") from None


def extract(
    paths: Annotated[list[Path], typer.Argument(help="Notes files to read.", show_default=False)],
    deck: Annotated[
        str | None,
        typer.Option("--deck", "-d", help="Deck to file the cards in [default: the file's name]."),
    ] = None,
    dry_run: Annotated[
        bool, typer.Option("--dry-run", help="Show what would change; write nothing.")
    ] = False,
    as_json: Annotated[
        bool, typer.Option("--json", help="Print the cards as a JSON array.")
    ] = False,
    db: DbOption = None,
) -> None:
    """Turn bullet notes into cards (dates, figures, causes, terms, lists).

    Running it again on edited notes updates the cards, keeps their review
    history, and retires cards whose bullets were removed.

    Example: revise extract data/notes.txt --deck stalin
    """
    from revise.db import plan_sync, utc_now

    now = utc_now()
    texts = [(path, deck or path.stem, read_notes(path)) for path in paths]
    digests = [] if dry_run else [_digest(*item) for item in texts]
    if not (dry_run or as_json) and _report_if_unchanged(texts, digests, db):
        return
    plans = []
    pieces = [_pieces(text) for _, _, text in texts]
    with _reading_processes(any(len(each) > 1 for each in pieces)) as pool:
        # Short notes are read here, before anything is written: notes with no cards
        # stop the command with the database untouched. Long ones are read in pieces
        # while the cards of the pieces before are written.
        readings = [(path, deck_name, NotesReading(text, deck_name, each, pool))
                    for (path, deck_name, text), each in zip(texts, pieces, strict=True)]
        batches = [(path, deck_name, reading.drafts) for path, deck_name, reading in readings]
        for path, _, reading in readings:
            if reading.whole:
                _check_found(path, reading)
        if dry_run:
            from revise.changes import change_lines

            changes: list[list[str]] = []
            target = db_path(db)
            with open_store(db, readonly=True) if target.exists() else nullcontext() as store:
                for path, deck_name, reading in readings:
                    stored = store.stored_cards(deck_name, path.name) if store else {}
                    plans.append(plan_sync(stored, list(chain.from_iterable(reading.pieces()))))
                    changes.append(change_lines(plans[-1], stored))
            for path, _, reading in readings:
                if not reading.whole:  # (whole ones were checked above)
                    _check_found(path, reading)
        else:
            from revise.db import remember_extract

            with open_store(db, bulk=True) as store, store.transaction():
                for path, deck_name, reading in readings:
                    plans.append(store.sync_pieces(deck_name, path.resolve(), reading.pieces(),
                                                   now=now))
                    _check_found(path, reading)  # (rolling back what its pieces wrote)
                for (path, deck_name, _), digest in zip(texts, digests, strict=True):
                    if digest is not None:
                        remember_extract(store, deck_name, path.name, digest)

    if as_json:
        cards = [
            {**draft.to_dict(), "id": plan.ids.get(draft.id, draft.id)}
            for plan, (_, _, drafts) in zip(plans, batches, strict=True)
            for draft in drafts
        ]
        write_json(cards)
        if dry_run:
            return  # stdout holds only the JSON array
    for index, (plan, (path, deck_name, _)) in enumerate(zip(plans, batches, strict=True)):
        suffix = " (dry run: nothing written)" if dry_run else ""
        typer.echo(f"{path} → deck {deck_name}: {plan.report}{suffix}", err=as_json)
        if dry_run:
            for line in changes[index]:
                typer.echo(line)


class NotesReading:
    """The cards of one notes file. Short notes are read at once, in this process. Long
    Markdown notes are cut into pieces that worker processes read side by side (the
    same cards as reading them whole; see `notes.split_notes`), and `pieces()` gives
    each piece's cards as soon as it and every piece before it are read. `drafts`
    gathers the cards given so far."""

    def __init__(self, text: str, deck: str, pieces: list, pool) -> None:
        from revise.extract import extract_cards

        self.deck = deck
        self._pieces = pieces
        self._pool = pool
        self.whole = len(pieces) < 2  # (there is a pool whenever some file has pieces)
        self.drafts = extract_cards(text, deck) if self.whole else []

    def pieces(self) -> Iterator[list]:
        if self.whole:
            yield self.drafts
            return
        from revise.extract import unique_pieces
        from revise.models import CardDraft

        read = self._pool.imap(functools.partial(_piece_values, deck=self.deck), self._pieces)
        for drafts in unique_pieces([CardDraft(*values) for values in piece] for piece in read):
            self.drafts += drafts
            yield drafts


def _check_found(path: Path, reading: NotesReading) -> None:
    if not reading.drafts:
        raise NotesError(f"{path}: found nothing to make cards from")


def _pieces(text: str) -> list:
    """The pieces to read `text` in: one, unless there are processes to share them."""
    from revise.notes import split_notes

    workers = _workers()
    # more pieces than processes, so the first are written while the last are read
    parts = 1 if workers < 2 else PIECES_PER_WORKER * workers
    return split_notes(text, parts, min_chars=PIECE_MIN_CHARS)


@contextmanager
def _reading_processes(needed: bool) -> Iterator:
    """A pool of processes for reading long notes in pieces (None if not `needed`).
    They are forked before any database is open: a child process must not hold a copy
    of an open SQLite connection."""
    if not needed:
        yield None
        return
    import multiprocessing

    # fork: the workers start at once, with revise already imported
    with multiprocessing.get_context("fork").Pool(_workers(), _quiet_worker) as pool:
        yield pool


def _piece_values(piece, deck: str) -> list[tuple]:
    """A worker's cards as tuples of their fields: they pass between processes in half
    the time objects take."""
    from dataclasses import fields
    from operator import attrgetter

    from revise.extract import extract_piece
    from revise.models import CardDraft

    values = attrgetter(*(field.name for field in fields(CardDraft)))
    return [values(draft) for draft in extract_piece(piece, deck)]


def _quiet_worker() -> None:
    """Ctrl-C is for this process to act on (it stops the workers); a worker ignores it
    rather than print a traceback of its own."""
    import signal

    signal.signal(signal.SIGINT, signal.SIG_IGN)


def _workers() -> int:
    """Processes for reading notes: one per core revise may use (`cli.cores`)."""
    import sys

    if not sys.platform.startswith("linux"):
        return 1  # forking is only dependable on Linux
    return cores()


def _report_if_unchanged(texts: list[tuple[Path, str, str]], digests: list[str | None],
                         db: Path | None) -> bool:
    """When every file is as it was at its last extract (and so are its cards), say so
    and return True: there is nothing to parse and nothing to write."""
    from revise.db import SyncReport, unchanged_since_extract

    if not db_path(db).exists() or None in digests:
        return False
    reports = []
    try:
        store = open_store(db, readonly=True)
    except ReviseError:
        return False  # e.g. a database to migrate: the full extract opens it for writing
    with store:
        for (path, deck_name, _), digest in zip(texts, digests, strict=True):
            count = unchanged_since_extract(store, deck_name, path.name, digest)
            if count is None:
                return False
            reports.append(f"{path} → deck {deck_name}: {SyncReport(unchanged=count)}")
    for line in reports:
        typer.echo(line)
    return True


def _digest(path: Path, deck: str, text: str) -> str | None:
    """What an extract depends on: the notes, the deck, the file's path and the code that
    turns notes into cards (so a new revise reads unchanged notes again)."""
    import hashlib

    code = _code_digest()
    if code is None:
        return None
    digest = hashlib.blake2b(digest_size=16)
    for part in (code, deck, str(path.resolve()), text):
        digest.update(part.encode("utf-8", "surrogatepass"))
        digest.update(b"\x00")
    return digest.hexdigest()


@functools.cache
def _code_digest() -> str | None:
    import hashlib

    package = Path(__file__).resolve().parent.parent
    digest = hashlib.blake2b(digest_size=16)
    try:
        for name in ("notes.py", "extract.py", "models.py", "db.py"):
            digest.update((package / name).read_bytes())
    except OSError:
        return None  # not installed as files: always extract in full
    return digest.hexdigest()


def register(app: typer.Typer) -> None:
    app.command()(extract)
