"""Deck files: a teacher's recipe for a deck, in TOML, kept in `decks/`.

    name = "The Purges"
    description = "Kirov's murder, the show trials, the Great Terror and its toll."
    notes = ["notes.txt"]                # in the deck file's folder or below it
    include = ["purges", "show trials"]  # topics whose path contains any of these
    exclude = ["background"]             # ... and none of these
    kinds = ["date", "figure"]           # which kinds of card (default: all)
    max_cards = 40                       # keep the first 40, in notes order (optional)

Topic text is matched case-insensitively against the card's topic path (titles
joined by " › "). Errors name the file, the line and the problem.

A deck file may come from anyone, so it reads notes only from its own folder and
below: an absolute path, or one leaving the folder by `..` or a symbolic link, is
refused unless the user says they trust the file (`allow_outside`). Its name and
description are shown, so their control characters are removed.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass
from pathlib import Path

from revise.errors import ReviseError
from revise.exporters import topic_path
from revise.files import check_input_file
from revise.models import CardDraft, Kind
from revise.text import strip_control_sequences

KEYS = ("name", "description", "notes", "include", "exclude", "kinds", "max_cards")
TOML_POSITION = re.compile(r"\s*\(at line (\d+), column (\d+)\)$")
END_OF_FILE = " (at end of document)"


class DeckFileError(ReviseError):
    """A deck file that cannot be read or makes no sense."""


@dataclass(frozen=True)
class DeckFile:
    path: Path
    name: str
    notes: tuple[Path, ...]
    description: str = ""
    include: tuple[str, ...] = ()
    exclude: tuple[str, ...] = ()
    kinds: tuple[str, ...] = ()
    max_cards: int | None = None

    def wants(self, draft: CardDraft) -> bool:
        """Whether a card belongs in the deck by its topic and kind (the cap aside)."""
        path = topic_path(draft.topic).lower()
        if self.include and not any(text.lower() in path for text in self.include):
            return False
        if any(text.lower() in path for text in self.exclude):
            return False
        return not self.kinds or str(draft.kind) in self.kinds


def load_deck(path: Path, *, allow_outside: bool = False) -> DeckFile:
    """Read and check a deck file (see `parse_deck`)."""
    check_input_file(path, "deck file", DeckFileError)
    try:
        text = path.read_bytes().decode("utf-8")
    except OSError as error:
        raise DeckFileError(f"cannot read {path}: {error.strerror}") from None
    except UnicodeDecodeError:
        raise DeckFileError(f"{path}: not UTF-8 text") from None
    return parse_deck(text, path, allow_outside=allow_outside)


def parse_deck(text: str, path: Path, *, allow_outside: bool = False) -> DeckFile:
    """A deck file's text as a DeckFile; note paths are resolved against `path`'s folder
    and must stay inside it unless `allow_outside`."""
    import tomllib

    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        message = str(error)
        found = TOML_POSITION.search(message)
        if found:
            problem = TOML_POSITION.sub("", message)
            raise DeckFileError(f"{path}, line {found.group(1)}: {_lower_first(problem)} "
                                f"(column {found.group(2)})") from None
        if message.endswith(END_OF_FILE):
            problem = _lower_first(message.removesuffix(END_OF_FILE))
            raise DeckFileError(f"{path}, line {text.count(chr(10)) + 1}: {problem} "
                                "(at the end of the file)") from None
        raise DeckFileError(f"{path}: {_lower_first(message)}") from None

    def fail(key: str, problem: str, value: str | None = None) -> DeckFileError:
        return DeckFileError(f"{path}, line {_line_of(text, key, value)}: {problem}")

    for key in data:
        if key not in KEYS:
            raise fail(key, f"unknown key {key!r}; a deck file has {', '.join(KEYS)}")
    for key in ("name", "notes"):
        if key not in data:
            raise DeckFileError(f"{path}, line 1: missing {key!r}")

    name = data["name"]
    if not isinstance(name, str) or not name.strip():
        raise fail("name", "'name' must be a non-empty string")
    description = data.get("description", "")
    if not isinstance(description, str):
        raise fail("description", "'description' must be a string")
    lists = {}
    for key in ("notes", "include", "exclude", "kinds"):
        value = data.get(key, [])
        if isinstance(value, str):
            value = [value]
        if not isinstance(value, list) or not all(isinstance(item, str) for item in value):
            raise fail(key, f"{key!r} must be a list of strings")
        lists[key] = tuple(value)
    if not lists["notes"]:
        raise fail("notes", "'notes' names no notes file")
    notes = []
    for item in lists["notes"]:
        note_path = Path(os.path.normpath(path.parent / item))
        if not allow_outside and not _inside(item, path.parent):
            raise fail("notes", f"notes file {_shown(item)} is outside the deck file's folder; "
                                "pass --allow-outside if you trust this deck file", item)
        if not note_path.is_file():
            raise fail("notes", f"notes file {_shown(item)} not found (looked for "
                                f"{_one_line(str(note_path))})", item)
        notes.append(note_path)
    kinds = {str(kind) for kind in Kind}
    for item in lists["kinds"]:
        if item.strip().lower() not in kinds:
            raise fail("kinds", f"unknown kind {item!r}; choose from {', '.join(Kind)}", item)
    lists["kinds"] = tuple(item.strip().lower() for item in lists["kinds"])
    max_cards = data.get("max_cards")
    if max_cards is not None and (isinstance(max_cards, bool) or not isinstance(max_cards, int)
                                  or max_cards < 1):
        raise fail("max_cards", "'max_cards' must be a whole number above 0")
    return DeckFile(path=path, name=_one_line(name), description=_one_line(description),
                    notes=tuple(notes), include=lists["include"], exclude=lists["exclude"],
                    kinds=lists["kinds"], max_cards=max_cards)


def _inside(item: str, folder: Path) -> bool:
    """Whether the relative path `item`, symbolic links followed, is in `folder` or
    below it."""
    if Path(item).is_absolute():
        return False
    try:
        return (folder / item).resolve().is_relative_to(folder.resolve())
    except (OSError, ValueError):  # a loop of links, a NUL in the name
        return False


def _shown(item: str) -> str:
    return repr(strip_control_sequences(item, keep_newlines=False, keep_tabs=False))


def _one_line(text: str) -> str:
    return strip_control_sequences(text, keep_newlines=False, keep_tabs=False).strip()


def _line_of(text: str, key: str, value: str | None = None) -> int:
    """The line where `key` is set (and, given `value`, where that value is written)."""
    lines = text.splitlines()
    pattern = re.compile(rf"""^\s*(["']?){re.escape(key)}\1\s*=""")
    start = next((number for number, line in enumerate(lines) if pattern.match(line)), 0)
    if value is not None:
        for number in range(start, len(lines)):
            if value in lines[number]:
                return number + 1
    return start + 1


def _lower_first(text: str) -> str:
    return text[:1].lower() + text[1:]


def deck_drafts(deck: DeckFile) -> list[tuple[Path, list[CardDraft]]]:
    """The deck's cards from each of its notes files, filtered, capped across all files."""
    from revise.extract import extract_cards
    from revise.extract_files import read_notes

    batches = []
    room = deck.max_cards
    for notes in deck.notes:
        chosen = [draft for draft in extract_cards(read_notes(notes), deck.name)
                  if deck.wants(draft)]
        if room is not None:
            chosen = chosen[:room]
            room -= len(chosen)
        batches.append((notes, chosen))
    return batches
