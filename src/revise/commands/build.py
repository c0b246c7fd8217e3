"""`revise build`: a teacher's deck file → a deck in the database, or a file to hand out."""

from pathlib import Path
from typing import Annotated

import typer

from revise.cli import DbOption, open_store
from revise.errors import ReviseError

# output file suffix → export format
SUFFIX_FORMATS = {".apkg": "apkg", ".txt": "anki-txt", ".csv": "csv", ".json": "json",
                  ".md": "md"}


def build(
    deck_file: Annotated[Path, typer.Argument(help="A deck file (.toml), e.g. decks/purges.toml.",
                                              show_default=False)],
    output: Annotated[
        Path | None,
        typer.Option("--output", "-o", dir_okay=False,
                     help="Also write the deck to this file: .apkg, .txt (Anki text), .csv, "
                          ".json or .md (worksheet)."),
    ] = None,
    force: Annotated[bool, typer.Option("--force", help="Overwrite an existing file.")] = False,
    allow_outside: Annotated[
        bool,
        typer.Option("--allow-outside",
                     help="Let the deck file read notes outside its own folder (an absolute "
                          "path, or one leaving it by .. or a link): only for a file you trust."),
    ] = False,
    db: DbOption = None,
) -> None:
    """Build a deck from a deck file: its notes, topics, kinds and cap.

    The deck is kept in the database under its name, so building again after the
    notes changed updates its cards (and a package built again updates them in
    Anki in place). With -o the deck is also written to a file to hand out.

    A deck file reads notes from its own folder and below; the shipped ones in decks/
    draw on data/notes.txt, so they need --allow-outside.

    Example: revise build decks/purges.toml --allow-outside -o purges.apkg
    """
    from revise.commands.export import check_output, export_cards
    from revise.db import set_deck_description, utc_now
    from revise.decks import deck_drafts, load_deck

    deck = load_deck(deck_file, allow_outside=allow_outside)
    if output is not None:
        if output.suffix.lower() not in SUFFIX_FORMATS:
            raise ReviseError(f"cannot tell the format of {output}; end it with "
                              f"{', '.join(SUFFIX_FORMATS)}")
        check_output(output, force)
    batches = deck_drafts(deck)
    if not any(drafts for _, drafts in batches):
        raise ReviseError(f"{deck_file}: no cards match its topics and kinds")
    now = utc_now()
    with open_store(db) as store, store.transaction():
        plans = [store.sync_cards(deck.name, notes.resolve(), drafts, now=now)
                 for notes, drafts in batches]
        set_deck_description(store, deck.name, deck.description, now=now)
    for plan, (notes, _) in zip(plans, batches, strict=True):
        typer.echo(f"{notes} → deck {deck.name}: {plan.report}")
    if output is not None:
        export_cards(output, SUFFIX_FORMATS[output.suffix.lower()], deck=deck.name,
                     force=force, db=db)


def register(app: typer.Typer) -> None:
    app.command()(build)
