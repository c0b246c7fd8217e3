"""`revise review`: a review session in this terminal. Its clock and interval fuzz come
from the environment (see `revise.environment`)."""

from typing import Annotated

import typer

from revise.commands.common import DbOption, DeckOption, TopicOption, open_store
from revise.errors import ReviseError


def review(
    ctx: typer.Context,
    deck: DeckOption = None,
    topic: TopicOption = None,
    new: Annotated[
        int | None,
        typer.Option("--new", min=0, help="New cards this session, instead of each deck's "
                     "daily limit.", show_default=False),
    ] = None,
    limit: Annotated[
        int | None,
        typer.Option("--limit", "-n", min=1, help="At most N different cards this session.",
                     show_default=False),
    ] = None,
    type_answer: Annotated[
        bool, typer.Option("--type", help="Type each answer; it is checked for you.")
    ] = False,
    database: DbOption = None,
) -> None:
    """Review today's cards: learning cards first, then due reviews with new cards mixed in.

    Space or Enter shows the answer; then 1 Again, 2 Hard, 3 Good, 4 Easy. u undoes the
    last answer, s suspends the card, q (or Ctrl-C) quits. Every answer is saved at once.

    Example: revise review --topic purges --new 5
    """
    import sys

    if not sys.stdin.isatty():
        raise ReviseError("review needs an interactive terminal (standard input is not one)")
    from revise.environment import clock_from_env, fuzz_from_env
    from revise.progress import rollover_hour
    from revise.review import Options, run_in_terminal

    with open_store(ctx, database) as store:
        options = Options(deck=deck, topic=topic, new=new, limit=limit,
                          type_answer=type_answer, rollover_hour=rollover_hour(store),
                          fuzz=fuzz_from_env())
        run_in_terminal(store, options, clock_from_env())


def register(app: typer.Typer) -> None:
    app.command()(review)
