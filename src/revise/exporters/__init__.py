"""One module per export format. Each has `write(cards, path)`; cards are dicts from `Store.cards`.

The helpers here are what several formats share: how a topic path is shown, how it
becomes an Anki tag, and how plain text becomes an HTML field.
"""

from __future__ import annotations

import html
import os
import re
import tempfile
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

from revise.models import TOPIC_SEPARATOR


@contextmanager
def atomic_output(path: Path, mode: str = "w", **open_args) -> Iterator:
    """Write to a temporary file beside `path` and move it into place only when complete,
    so a failed export never leaves a half-written file (or clobbers a good one)."""
    handle, temp_name = tempfile.mkstemp(prefix=f".{path.name}.", dir=path.parent)
    try:
        with os.fdopen(handle, mode, **open_args) as out:
            yield out
        os.replace(temp_name, path)
    except BaseException:
        Path(temp_name).unlink(missing_ok=True)
        raise


def writer(format_name: str) -> Callable:
    """The `write` function of an export format, imported only when used."""
    from importlib import import_module

    return import_module(f"revise.exporters.{FORMATS[format_name]}").write


# format name → module
FORMATS = {"apkg": "apkg", "anki-txt": "anki_text", "csv": "csv", "json": "json",
           "md": "markdown"}


def topic_path(topic: list[str] | tuple[str, ...]) -> str:
    return TOPIC_SEPARATOR.join(topic)


def topic_tag(topic: list[str] | tuple[str, ...]) -> str:
    """A topic path as one hierarchical Anki tag: `Topic::Sub_topic`.

    Anki splits tags at spaces and nests them at `::`, so spaces become `_` and a
    run of colons inside a title shrinks to one.
    """
    parts = []
    for title in topic:
        part = re.sub(r"\s+", "_", title.strip())
        part = re.sub(r":{2,}", ":", part).strip(":_")
        if part:
            parts.append(part)
    return "::".join(parts)


def anki_tags(card: dict) -> list[str]:
    """The card's topic as a tag, then any tags it was imported with."""
    tags = [topic_tag(card["topic"])] if card.get("topic") else []
    for tag in card.get("tags") or []:
        tag = re.sub(r"\s+", "_", tag.strip())
        if tag and tag not in tags:
            tags.append(tag)
    return [tag for tag in tags if tag]


def html_field(text: str) -> str:
    """Plain text as an Anki field: `<`, `>` and `&` escaped so they show as written,
    line breaks as `<br>`."""
    if "&" not in text and "<" not in text and ">" not in text and "\n" not in text:
        return text  # most fields: four scans instead of five replacements
    return html.escape(text, quote=False).replace("\r\n", "\n").replace("\n", "<br>")
