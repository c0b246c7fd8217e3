"""Notes files → cards in a store: reading the files, extracting long ones in pieces on
worker processes, syncing the cards, and answering at once for notes unchanged since
their last extract.

`extract_files` is what `revise extract` runs; `read_notes` is shared with deck files.
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Iterator
from contextlib import AbstractContextManager, contextmanager, nullcontext
from dataclasses import dataclass, field
from datetime import datetime
from itertools import chain
from pathlib import Path

from revise.errors import NotesError, ReviseError
from revise.files import check_input_file

# Larger notes than this are almost certainly not notes (or need splitting).
MAX_NOTES_BYTES = 16 * 1024 * 1024
# Notes are read in pieces side by side only when each piece is worth a process.
PIECE_MIN_CHARS = 256 * 1024
PIECES_PER_WORKER = 4


@dataclass
class FileExtract:
    """What extracting one notes file into a deck did (or, in a dry run, would do);
    `cards` holds its cards as dicts, under their stored ids, when they were asked for;
    `changes`, in a dry run, a line for each card that would be added, updated or retired;
    `notices`, lines about cards the user may want to look at (see `_notices`)."""

    path: Path
    deck: str
    report: object  # a SyncReport
    cards: list[dict] = field(default_factory=list)
    changes: list[str] = field(default_factory=list)
    notices: list[str] = field(default_factory=list)


def read_notes(path: Path, *, may_be_empty: bool = False) -> str:
    """The text of a notes file, or a NotesError that says what is wrong with it.
    `may_be_empty`: an empty file is read as no text (notes emptied to retire their
    cards), not refused."""
    from revise.notes import decode_notes

    check_input_file(path, "notes file", NotesError, MAX_NOTES_BYTES)
    if path.suffix.lower() == ".toml":
        raise NotesError(f"{path} is a deck file, not notes: build it with  revise build {path}"
                         "  (add --allow-outside if its notes are outside its folder)")
    try:
        data = path.read_bytes()
    except OSError as error:
        raise NotesError(f"cannot read {path}: {error.strerror}") from None
    if may_be_empty and not data.strip():
        return ""
    try:
        return decode_notes(data)
    except NotesError as error:
        raise NotesError(f"{path} {error}") from None


def extract_files(database: Path, paths: list[Path], *, now: datetime, deck: str | None = None,
                  dry_run: bool = False, with_cards: bool = False,
                  workers: int = 1, progress: Progress | None = None) -> list[FileExtract]:
    """Extract each notes file into `deck` (default: the file's name) of the database at
    `database`, in one transaction: a file with nothing to make cards from stops it all
    with nothing written. `dry_run` writes nothing (and creates no database).
    `workers` processes read long notes in pieces. `progress`, told how many parts
    there are (None: one each), follows long notes as their parts are read and
    stored."""
    from revise.store.cards import remember_extract
    from revise.sync import SyncReport

    decks, holding = _known_decks(database, paths, deck)
    texts = [(path, deck_name, read_notes(path, may_be_empty=(deck_name, path.name) in holding))
             for path, deck_name in zip(paths, decks, strict=True)]
    digests = [] if dry_run else [_digest(*item) for item in texts]
    if not (dry_run or with_cards):
        unchanged = _unchanged(database, texts, digests)
        if unchanged is not None:
            return [FileExtract(path, deck_name, SyncReport(unchanged=count))
                    for (path, deck_name, _), count in zip(texts, unchanged, strict=True)]
    plans = []
    changes: list[list[str]] = []
    notices: list[list[str]] = []
    workers = workers if _can_fork() else 1
    pieces = [_pieces(text, workers) for _, _, text in texts]
    long_notes = sum(len(text) for _, _, text in texts) >= PIECE_MIN_CHARS
    parts = sum(len(each) for each in pieces)
    following = (progress or _no_progress) if long_notes else _no_progress
    with following(parts if parts > len(texts) else None) as advance, \
            _reading_processes(any(len(each) > 1 for each in pieces), workers) as pool:
        # Short notes are read here, before anything is written: notes with no cards
        # stop the command with the database untouched. Long ones are read in pieces
        # while the cards of the pieces before are written.
        readings = [(path, deck_name, NotesReading(text, deck_name, each, pool, advance))
                    for (path, deck_name, text), each in zip(texts, pieces, strict=True)]
        for path, deck_name, reading in readings:
            if reading.whole:
                _check_found(path, reading, (deck_name, path.name) in holding)
        if dry_run:
            plans, changes = _plan_dry_run(database, readings)
        else:
            from revise.store import Store

            with Store(database, bulk=True) as store, store.transaction():
                for path, deck_name, reading in readings:
                    plans.append(store.sync_pieces(deck_name, path.resolve(), reading.pieces(),
                                                   now=now))
                    # (rolling back what its pieces wrote)
                    _check_found(path, reading, (deck_name, path.name) in holding)
                for (path, deck_name, _), digest in zip(texts, digests, strict=True):
                    remember_extract(store, deck_name, path.name, digest, now=now)
                notices = [_notices(store, plan, path) for plan, (path, _, _)
                           in zip(plans, readings, strict=True)]
    results = []
    for plan, (path, deck_name, reading) in zip(plans, readings, strict=True):
        cards = ([{**draft.to_dict(), "id": plan.ids.get(draft.id, draft.id)}
                  for draft in reading.drafts] if with_cards else [])
        results.append(FileExtract(path, deck_name, plan.report, cards,
                                   changes[len(results)] if changes else [],
                                   notices[len(results)] if not dry_run else []))
    return results


def _known_decks(database: Path, paths: list[Path], deck: str | None
                 ) -> tuple[list[str], set[tuple[str, str]]]:
    """The deck each file goes to, and which (deck, file name) pairs hold active cards
    already: their notes may be emptied to retire those cards. A deck already there
    whose name differs only in case is that deck; with no deck named, notes whose
    cards are in one deck (renamed, or named by --deck before) go on into that deck."""
    from revise.store import Store

    names = [deck or path.stem for path in paths]
    if not database.exists():
        return names, set()
    try:
        store = Store(database, readonly=True)
    except ReviseError:
        return names, set()  # a database to migrate: its decks are found as written
    with store:
        from revise.store.cards import decks_of_notes
        from revise.store.decks import existing_name

        names = [existing_name(store, name) for name in names]
        if deck is None:
            for index, path in enumerate(paths):
                if (names[index], path.name) in _holding(store, names[index], path):
                    continue
                homes = decks_of_notes(store, path.resolve())
                if len(homes) == 1:
                    names[index] = homes[0]
        holding = set().union(*(_holding(store, name, path)
                                for name, path in zip(names, paths, strict=True)))
    return names, holding


def _holding(store, deck: str, path: Path) -> set[tuple[str, str]]:
    """{(deck, file name)} if the deck holds active cards from a file of this name."""
    from revise.store.cards import holds_cards_from

    return {(deck, path.name)} if holds_cards_from(store, deck, path.name) else set()


def _notices(store, plan, path: Path) -> list[str]:
    """Lines telling the user what an extract did that they may want to look at: edited
    cards whose bullets changed, cards moved from a notes file that is gone, and cards
    retired because their notes are empty now."""
    from revise.store.manage import short_ids

    lines = []
    shown = short_ids(store, plan.edited_bullets)
    for card_id in plan.edited_bullets:
        lines.append(f"  ! card {shown[card_id]}: you edited it and its bullet has changed;"
                     f" see it with  revise edit {shown[card_id]}")
    for gone, count in plan.adopted.items():
        lines.append(f"  {count} cards (and their history) came over from {gone}, which is gone")
    if plan.retired and not plan.ids:
        lines.append(f"  {len(plan.retired)} cards retired: {path} gives no cards now"
                     " (their history is kept)")
    return lines


def _plan_dry_run(database: Path, readings: list) -> tuple[list, list[list[str]]]:
    """Each file's plan, and the lines saying which cards it would change."""
    from revise.changes import change_lines
    from revise.store import Store
    from revise.sync import plan_sync

    plans, changes = [], []
    with Store(database, readonly=True) if database.exists() else nullcontext() as store:
        for path, deck_name, reading in readings:
            stored = store.stored_cards(deck_name, path.name) if store else {}
            if store and not stored:  # a notes file moved here keeps its cards
                from revise.store.cards import cards_of_gone_files

                for rows in cards_of_gone_files(store, deck_name, path.name, []).values():
                    stored.update(rows)
            plans.append(plan_sync(stored, list(chain.from_iterable(reading.pieces()))))
            changes.append(change_lines(plans[-1], stored))
    for path, _, reading in readings:
        if not reading.whole:  # (whole ones were checked before)
            _check_found(path, reading)
    return plans, changes


# Told how many parts there are to read (None: not known), gives the function told of
# each part done.
Progress = Callable[[int | None], AbstractContextManager[Callable[[int], None]]]


@contextmanager
def _no_progress(total: int | None) -> Iterator[Callable[[int], None]]:
    yield lambda done: None


class NotesReading:
    """The cards of one notes file. Short notes are read at once, in this process. Long
    Markdown notes are cut into pieces that worker processes read side by side (the
    same cards as reading them whole; see `notes.split_notes`), and `pieces()` gives
    each piece's cards as soon as it and every piece before it are read. `drafts`
    gathers the cards given so far."""

    def __init__(self, text: str, deck: str, pieces: list, pool,
                 advance: Callable[[int], None] = lambda done: None) -> None:
        from revise.extract import extract_cards

        self.deck = deck
        self._pieces = pieces
        self._pool = pool
        self._advance = advance
        self.whole = len(pieces) < 2  # (there is a pool whenever some file has pieces)
        self.drafts = extract_cards(text, deck) if self.whole else []

    def pieces(self) -> Iterator[list]:
        if self.whole:
            yield self.drafts
            self._advance(1)
            return
        from revise.extract import unique_pieces
        from revise.models import CardDraft

        read = self._pool.imap(functools.partial(_piece_values, deck=self.deck), self._pieces)
        for drafts in unique_pieces([CardDraft(*values) for values in piece] for piece in read):
            self.drafts += drafts
            yield drafts
            self._advance(1)


def _check_found(path: Path, reading: NotesReading, emptied: bool = False) -> None:
    if not reading.drafts and not emptied:
        raise NotesError(f"{path}: found nothing to make cards from")


def _pieces(text: str, workers: int) -> list:
    """The pieces to read `text` in: one, unless there are processes to share them."""
    from revise.notes import split_notes

    # more pieces than processes, so the first are written while the last are read
    parts = 1 if workers < 2 else PIECES_PER_WORKER * workers
    return split_notes(text, parts, min_chars=PIECE_MIN_CHARS)


@contextmanager
def _reading_processes(needed: bool, workers: int) -> Iterator:
    """A pool of processes for reading long notes in pieces (None if not `needed`).
    They are forked before any database is open: a child process must not hold a copy
    of an open SQLite connection."""
    if not needed:
        yield None
        return
    import multiprocessing

    import revise.extract  # noqa: F401  (its patterns compiled once, here, not in each worker)

    # fork: the workers start at once, with revise already imported
    with multiprocessing.get_context("fork").Pool(workers, _quiet_worker) as pool:
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
    """Ctrl-C is for the parent process to act on (it stops the workers); a worker
    ignores it rather than print a traceback of its own."""
    import signal

    signal.signal(signal.SIGINT, signal.SIG_IGN)


def _can_fork() -> bool:
    import sys

    return sys.platform.startswith("linux")  # forking is only dependable on Linux


def _unchanged(database: Path, texts: list[tuple[Path, str, str]],
               digests: list[str]) -> list[int] | None:
    """When every file is as it was at its last extract (and so are its cards), the
    number of active cards each has: there is nothing to parse and nothing to write."""
    from revise.store import Store
    from revise.store.cards import unchanged_since_extract

    if not database.exists():
        return None
    try:
        store = Store(database, readonly=True)
    except ReviseError:
        return None  # e.g. a database to migrate: the full extract opens it for writing
    counts = []
    with store:
        for (path, deck_name, _), digest in zip(texts, digests, strict=True):
            count = unchanged_since_extract(store, deck_name, path.name, digest)
            if count is None:
                return None
            counts.append(count)
    return counts


def _digest(path: Path, deck: str, text: str) -> str:
    """What an extract depends on: the notes, the deck, the file's path and the version
    of the rules that turn notes into cards (so a new extractor reads them again)."""
    import hashlib

    from revise.models import EXTRACTOR_VERSION

    digest = hashlib.blake2b(digest_size=16)
    for part in (str(EXTRACTOR_VERSION), deck, str(path.resolve()), text):
        digest.update(part.encode("utf-8", "surrogatepass"))
        digest.update(b"\x00")
    return digest.hexdigest()
