"""revise: spaced-repetition flashcards extracted from revision notes.

A library with a command line on top (`revise.cli`); everything the commands do can be
done from Python. Time is always passed in; nothing here reads the clock or the
environment (`revise.environment` does that for the command line).

Open a store (one SQLite file; created, or upgraded, on open)::

    from datetime import UTC, datetime
    from pathlib import Path
    from revise.store import Store

    with Store(Path("revise.db")) as store:
        ...

Extract a notes file into it (the cards keep their history when the notes change)::

    from revise.extract_files import extract_files

    for result in extract_files(Path("revise.db"), [Path("notes.txt")],
                                now=datetime.now(UTC)):
        print(result.path, result.report)

Or turn notes into card drafts without a store, purely::

    from revise.extract import extract_cards

    drafts = extract_cards("* Rivals\\n- Lenin dies 1924\\n", deck="notes")

Run a review session (`revise.review`): a `Session(store, options, keys, screen, clock=...)`
with your own `Keys` and `Screen`, or `run_in_terminal(store, options, clock)`.

Reports as plain dicts, ready for JSON (`revise.progress`)::

    from revise.progress import due_today, stats_now

    due = due_today(store, datetime.now(UTC))
    stats = stats_now(store, datetime.now(UTC), deck="notes")

Share: `revise.export.export_cards`, `revise.importers.import_file`,
`revise.build.build_deck` (teachers' deck files); fit the scheduler:
`revise.optimize.optimize_decks`; settings: `revise.config.configure`.
Errors the user can act on are `revise.errors.ReviseError` and its subclasses.
"""

__version__ = "0.1.0"
