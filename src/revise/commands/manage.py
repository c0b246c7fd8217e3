"""`revise suspend`, `unsuspend`, `edit`, `delete`, `restore-card` and `add`: a user's
own changes to cards. Each takes a card's id or any unique start of it, as `revise
cards` shows it; an id that fits no card, or several, changes nothing."""

import sys
from typing import Annotated

import typer

from revise.commands.common import (
    DbOption,
    DeckOption,
    KindOption,
    TopicOption,
    count,
    open_store,
)

IdsArgument = Annotated[
    list[str] | None,
    typer.Argument(help="Card ids, or any unique start of them, as `revise cards` shows.",
                   show_default=False),
]
SearchOption = Annotated[
    str | None, typer.Option("--search", "-s", help="Cards containing this text.")
]


def _now():
    from revise.environment import clock_from_env

    return clock_from_env()()


def _chosen(store, ids: list[str] | None, deck: str | None, topic: str | None,
            kind: str | None, search: str | None) -> list[str]:
    """The ids a command acts on: those named, or those the filters fit."""
    from revise.errors import ReviseError
    from revise.store.manage import matching_ids, resolve_card_ids

    filters = (deck, topic, kind, search)
    if ids and any(value is not None for value in filters):
        raise ReviseError("give card ids or --search/--topic/--deck/--kind, not both")
    if ids:
        return resolve_card_ids(store, ids)
    if all(value is None for value in filters):
        raise ReviseError("name the cards: their ids, or --search, --topic, --deck or --kind")
    if kind is not None:
        kind = _kind(kind)
    return matching_ids(store, deck=deck, topic=topic, kind=kind, search=search)


def _kind(name: str) -> str:
    from revise.errors import ReviseError
    from revise.models import Kind

    for kind in Kind:
        if kind.value == name.strip().lower():
            return kind.value
    raise ReviseError(f"unknown kind {name!r}; kinds: {', '.join(Kind)}")


def _suspend(ctx: typer.Context, ids, deck, topic, kind, search, database, suspended: bool):
    from revise.store.manage import set_suspended

    with open_store(ctx, database) as store:
        chosen = _chosen(store, ids, deck, topic, kind, search)
        changed = set_suspended(store, chosen, suspended)
    done = "suspended" if suspended else "unsuspended"
    already = len(chosen) - changed
    tail = (f" ({already} {'already suspended' if suspended else 'not suspended'})"
            if already else "")
    typer.echo(f"{count(changed, 'card')} {done}{tail}" if chosen else "No cards match.")


def suspend(
    ctx: typer.Context,
    ids: IdsArgument = None,
    deck: DeckOption = None,
    topic: TopicOption = None,
    kind: KindOption = None,
    search: SearchOption = None,
    database: DbOption = None,
) -> None:
    """Keep cards out of review until unsuspended; their history and schedule stay.

    Example: revise suspend 3fa2c1   or   revise suspend --search "Yezhov"
    """
    _suspend(ctx, ids, deck, topic, kind, search, database, True)


def unsuspend(
    ctx: typer.Context,
    ids: IdsArgument = None,
    deck: DeckOption = None,
    topic: TopicOption = None,
    kind: KindOption = None,
    search: SearchOption = None,
    database: DbOption = None,
) -> None:
    """Bring suspended cards back into review (`revise cards --suspended` lists them).

    Example: revise unsuspend 3fa2c1   or   revise unsuspend --deck stalin
    """
    _suspend(ctx, ids, deck, topic, kind, search, database, False)


EDIT_HELP = """\
# Edit the card, save and close. Lines starting with # are left out.
# The question goes above the line of three dashes, the answer below it.
"""


def edit(
    ctx: typer.Context,
    card_id: Annotated[str, typer.Argument(metavar="ID", help="The card's id or its start.",
                                           show_default=False)],
    question: Annotated[str | None, typer.Option("--question", "-q",
                                                 help="The new question.")] = None,
    answer: Annotated[str | None, typer.Option("--answer", "-a", help="The new answer.")] = None,
    database: DbOption = None,
) -> None:
    """Change a card's question or answer (with neither option: in your $EDITOR).

    The edit is yours: extracting the notes again keeps it. If the bullet the card
    came from changes, the card stays as you wrote it and `revise extract` says so.

    Example: revise edit 3fa2c1 --answer "1 December 1934"
    """
    from revise.store.manage import card, edit_card, resolve_card_ids, short_ids

    with open_store(ctx, database) as store:
        [card_id] = resolve_card_ids(store, [card_id])
        if question is None and answer is None:
            before = card(store, card_id)
            question, answer = _in_editor(before["question"], before["answer"], before)
        edited = edit_card(store, card_id, question=question, answer=answer, now=_now())
        shown = short_ids(store, [card_id])[card_id]
    typer.echo(f"card {shown}: {edited['question']} → {edited['answer']}")


def _in_editor(question: str, answer: str, card: dict) -> tuple[str, str]:
    """The question and answer after the user edits them in $EDITOR (or $VISUAL)."""
    import os
    import shlex
    import subprocess
    import tempfile
    from pathlib import Path

    from revise.errors import ReviseError

    editor = os.environ.get("VISUAL") or os.environ.get("EDITOR")
    if not editor:
        raise ReviseError("no $EDITOR set: give --question and/or --answer")
    source = "".join(f"# {line}\n" for line in card["source"].splitlines())
    text = f"{EDIT_HELP}# From the notes:\n{source}\n{question}\n---\n{answer}\n"
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "card.txt"
        path.write_text(text, encoding="utf-8")
        try:
            done = subprocess.run([*shlex.split(editor), str(path)])
        except OSError as error:
            raise ReviseError(f"cannot start {editor!r}: {error.strerror}") from None
        if done.returncode != 0:
            raise ReviseError(f"{editor} exited with status {done.returncode}: nothing changed")
        written = path.read_text(encoding="utf-8")
    return parse_edited(written)


def parse_edited(text: str) -> tuple[str, str]:
    """(question, answer) from the edited file: the lines above and below `---`."""
    from revise.errors import ReviseError

    lines = [line for line in text.splitlines() if not line.startswith("#")]
    if "---" not in (line.strip() for line in lines):
        raise ReviseError("the edited card has no line of three dashes between question"
                          " and answer: nothing changed")
    split = next(index for index, line in enumerate(lines) if line.strip() == "---")
    return "\n".join(lines[:split]).strip(), "\n".join(lines[split + 1:]).strip()


def delete(
    ctx: typer.Context,
    ids: Annotated[list[str], typer.Argument(metavar="ID...", help="Card ids or their starts.",
                                             show_default=False)],
    database: DbOption = None,
) -> None:
    """Take cards out of review for good: extracting the notes again does not bring them
    back. Their history is kept; `revise cards --deleted` lists them and `revise
    restore-card` brings one back.

    Example: revise delete 3fa2c1 9b0e77
    """
    from revise.store.manage import delete_cards, resolve_card_ids

    with open_store(ctx, database) as store:
        chosen = resolve_card_ids(store, ids)
        changed = delete_cards(store, chosen, now=_now())
    already = len(chosen) - changed
    tail = f" ({already} already deleted)" if already else ""
    typer.echo(f"{count(changed, 'card')} deleted{tail}; `revise restore-card ID` brings one"
               " back")


def restore_card(
    ctx: typer.Context,
    ids: Annotated[list[str], typer.Argument(metavar="ID...", help="Card ids or their starts.",
                                             show_default=False)],
    database: DbOption = None,
) -> None:
    """Bring deleted cards back into review, with their history.

    Example: revise restore-card 3fa2c1
    """
    from revise.store.manage import resolve_card_ids, restore_cards

    with open_store(ctx, database) as store:
        chosen = resolve_card_ids(store, ids)
        changed = restore_cards(store, chosen, now=_now())
    already = len(chosen) - changed
    tail = f" ({already} were not deleted)" if already else ""
    typer.echo(f"{count(changed, 'card')} restored{tail}")


def add(
    ctx: typer.Context,
    question: Annotated[str | None, typer.Argument(help="The question (none: read standard "
                                                        "input).", show_default=False)] = None,
    answer: Annotated[str | None, typer.Argument(help="The answer.", show_default=False)] = None,
    deck: Annotated[str, typer.Option("--deck", "-d", help="The deck to add to (created if new).",
                                      show_default=False)] = ...,
    database: DbOption = None,
) -> None:
    """Add a front/back card of your own; with no question, one card per line of standard
    input, question and answer separated by a tab.

    Example: revise add --deck stalin "Who led the NKVD in 1937?" "Yezhov"
    """
    from revise.errors import ReviseError
    from revise.store.decks import existing_name
    from revise.store.manage import add_cards

    if question is not None and answer is None:
        raise ReviseError("give the answer after the question")
    if question is None:
        if sys.stdin.isatty():
            raise ReviseError("give a question and an answer, or pipe in lines of"
                              " question<TAB>answer")
        pairs = []
        for number, line in enumerate(sys.stdin.read().splitlines(), start=1):
            if not line.strip():
                continue
            if "\t" not in line:
                raise ReviseError(f"line {number}: no tab between question and answer;"
                                  " nothing added")
            front, back = line.split("\t", 1)
            if not front.strip() or not back.strip():
                raise ReviseError(f"line {number}: an empty question or answer; nothing added")
            pairs.append((front, back))
        if not pairs:
            raise ReviseError("no cards on standard input")
    else:
        pairs = [(question, answer)]
    with open_store(ctx, database) as store:
        name = existing_name(store, deck)
        added = add_cards(store, name, pairs, now=_now())
    typer.echo(f"{count(len(added), 'card')} added to deck {name}")


def register(app: typer.Typer) -> None:
    for command in (suspend, unsuspend, edit, delete):
        app.command()(command)
    app.command("restore-card")(restore_card)
    app.command()(add)
