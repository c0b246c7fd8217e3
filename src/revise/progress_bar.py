"""A progress bar for long work: drawn by rich on stderr when stderr is a terminal, and
nothing at all when it is piped or redirected (so scripts and logs stay clean). The
work reports how far it is through `advance`; the core never draws anything itself."""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager

# Less work than this is over before a bar is worth drawing.
MIN_ITEMS = 2_000


@contextmanager
def progress_bar(description: str, total: int | None = None, *, unit: str = "cards",
                 min_items: int = MIN_ITEMS, stream=None) -> Iterator[Callable[[int], None]]:
    """A function to call with how many more items are done. With no `total` the bar
    pulses and counts. The bar is left off the screen when the work ends."""
    stream = sys.stderr if stream is None else stream
    if not _is_terminal(stream) or (total is not None and total < min_items):
        yield _nothing
        return
    from rich.console import Console
    from rich.progress import (
        BarColumn,
        MofNCompleteColumn,
        Progress,
        TextColumn,
        TimeElapsedColumn,
    )

    done = (MofNCompleteColumn() if total is not None
            else TextColumn(f"{{task.completed:,}} {unit}"))
    columns = [TextColumn("{task.description}"), BarColumn(), done, TimeElapsedColumn()]
    with Progress(*columns, console=Console(file=stream), transient=True) as bar:
        task = bar.add_task(description, total=total)
        yield lambda done: bar.advance(task, done)


def _nothing(done: int) -> None:
    pass


def _is_terminal(stream) -> bool:
    try:
        return stream.isatty()
    except (AttributeError, ValueError):
        return False
