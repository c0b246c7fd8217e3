"""A teacher's deck file → a deck in the store (and, if asked, a file to hand out)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

from revise.errors import ReviseError

if TYPE_CHECKING:
    from revise.store import Store


@dataclass
class Built:
    """What building a deck did: the deck's name, each notes file's sync report, and how
    many cards went into the output file (None without one)."""

    deck: str
    reports: list[tuple[Path, object]]
    exported: int | None = None


def build_deck(store: Store, deck_file: Path, *, now: datetime, output: Path | None = None,
               force: bool = False, allow_outside: bool = False) -> Built:
    """Sync the deck file's cards into its deck, in one transaction, then write them to
    `output` (format from its suffix) if given. The deck is marked built: it keeps the
    cards' ids from one build to the next (so students' re-imports update in place)
    but stays out of the builder's own review unless asked for by name. The deck file
    reads notes only from its own folder and below unless `allow_outside` (see
    `revise.decks`)."""
    from revise.decks import deck_drafts, load_deck
    from revise.export import check_output, export_cards, output_format
    from revise.store.decks import mark_built, set_deck_description

    deck = load_deck(deck_file, allow_outside=allow_outside)
    if output is not None:
        format_name = output_format(output, format_option=False)
        check_output(output, force)
    batches = deck_drafts(deck)
    if not any(drafts for _, drafts in batches):
        raise ReviseError(f"{deck_file}: no cards match its topics and kinds")
    with store.transaction():
        plans = [store.sync_cards(deck.name, notes.resolve(), drafts, now=now, notes_moved=True)
                 for notes, drafts in batches]
        set_deck_description(store, deck.name, deck.description, now=now)
        mark_built(store, deck.name, now=now)
    built = Built(deck.name, [(notes, plan.report)
                              for plan, (notes, _) in zip(plans, batches, strict=True)])
    if output is not None:
        built.exported = export_cards(store, output, format_name, deck=deck.name,
                                      force=force)
    return built
