"""`revise extract`: notes files → cards in the database."""

from __future__ import annotations

import functools
from pathlib import Path
from typing import Annotated

import typer

from revise.cli import DbOption, db_path, json_text, open_store
from revise.errors import NotesError, ReviseError
from revise.files import check_input_file

# Larger notes than this are almost certainly not notes (or need splitting).
MAX_NOTES_BYTES = 16 * 1024 * 1024
# Notes are read in pieces side by side only when each piece is worth a process.
PIECE_MIN_CHARS = 256 * 1024
MAX_WORKERS = 8


def read_notes(path: Path) -> str:
    """The text of a notes file, or a NotesError that says what is wrong with it."""
    from revise.notes import decode_notes

    check_input_file(path, "notes file", NotesError, MAX_NOTES_BYTES)
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
    batches = []
    for path, deck_name, text in texts:
        drafts = extract_drafts(text, deck_name)
        if not drafts:
            raise NotesError(f"{path}: found nothing to make cards from")
        batches.append((path, deck_name, drafts))

    plans = []
    if dry_run:
        target = db_path(db)
        store = open_store(db, readonly=True) if target.exists() else None
        for path, deck_name, drafts in batches:
            stored = store.stored_cards(deck_name, path.name) if store else {}
            plans.append(plan_sync(stored, drafts))
        if store:
            store.close()
    else:
        from revise.db import remember_extract

        with open_store(db) as store, store.transaction():
            plans = [store.sync_cards(deck_name, path.resolve(), drafts, now=now)
                     for path, deck_name, drafts in batches]
            for (path, deck_name, _), digest in zip(texts, digests, strict=True):
                if digest is not None:
                    remember_extract(store, deck_name, path.name, digest)

    if as_json:
        cards = [
            {**draft.to_dict(), "id": plan.ids.get(draft.id, draft.id)}
            for plan, (_, _, drafts) in zip(plans, batches, strict=True)
            for draft in drafts
        ]
        typer.echo(json_text(cards))
        if dry_run:
            return  # stdout holds only the JSON array
    for plan, (path, deck_name, _) in zip(plans, batches, strict=True):
        suffix = " (dry run: nothing written)" if dry_run else ""
        typer.echo(f"{path} → deck {deck_name}: {plan.report}{suffix}", err=as_json)


def extract_drafts(text: str, deck: str) -> list:
    """The cards of `text`, the pieces of long Markdown notes read by several processes
    at once (the same cards as reading it whole; see `notes.split_notes`)."""
    from revise.extract import extract_cards, extract_piece, merge_pieces
    from revise.notes import split_notes

    pieces = split_notes(text, _workers(), min_chars=PIECE_MIN_CHARS)
    if len(pieces) == 1:
        return extract_cards(text, deck)
    import multiprocessing

    from revise.models import CardDraft

    # fork: the workers start at once, with revise already imported
    with multiprocessing.get_context("fork").Pool(len(pieces) - 1, _quiet_worker) as pool:
        rest = pool.starmap_async(_piece_values, [(piece, deck) for piece in pieces[1:]])
        first = extract_piece(pieces[0], deck)  # this process reads a piece too
        return merge_pieces([first, *([CardDraft(*values) for values in piece]
                                      for piece in rest.get())])


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
    """Processes for reading notes: REVISE_WORKERS, else one per available core."""
    import os
    import sys

    if not sys.platform.startswith("linux"):
        return 1  # forking is only dependable on Linux
    setting = os.environ.get("REVISE_WORKERS", "").strip()
    if setting.isdigit() and int(setting) > 0:
        return min(int(setting), MAX_WORKERS)
    return min(len(os.sched_getaffinity(0)), MAX_WORKERS)


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
