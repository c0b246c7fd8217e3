"""Reading other programs' flashcards: Anki packages, Anki text files and CSV.

Each reader turns a file into `ImportedCard`s: plain-text question and answer,
deck, topic, tags and a stable id. The id comes from the Anki note's GUID (and the
cloze number), so importing the same file again, or a newer version of it, finds the
same cards; notes that revise exported itself keep their revise card id.

An Anki package is a zip holding an SQLite collection. Reading it takes SQL on that
foreign file, which is why this module has some: it never touches revise's database.
"""

from __future__ import annotations

import csv
import hashlib
import html
import io
import json
import re
import sqlite3
import tempfile
import zipfile
from dataclasses import dataclass, field, replace
from datetime import datetime
from html.parser import HTMLParser
from pathlib import Path
from typing import TYPE_CHECKING

from revise.errors import ReviseError
from revise.exporters import TOPIC_SEPARATOR
from revise.exporters.apkg import FIELDS as REVISE_FIELDS
from revise.files import check_input_file
from revise.models import Kind

if TYPE_CHECKING:
    from revise.store import Store, SyncReport

# A larger file than this is not a deck someone means to import.
MAX_IMPORT_BYTES = 512 * 1024 * 1024
REVISE_ID = re.compile(r"^[0-9a-f]{16}$")
CLOZE = re.compile(r"\{\{c(\d+)::(.*?)(?:::(.*?))?\}\}", re.DOTALL)
ZIP_MAGIC = b"PK\x03\x04"
CARD_KINDS = {str(kind) for kind in Kind}


class ImportFileError(ReviseError):
    """A file cannot be read as flashcards."""


@dataclass(frozen=True)
class ImportedCard:
    deck: str
    question: str
    answer: str
    kind: str = "basic"
    topic: tuple[str, ...] = ()
    tags: tuple[str, ...] = ()
    source: str = ""
    id: str = ""
    line: int = 1
    slot: int = 0


# --- text ------------------------------------------------------------------------


class _TextOnly(HTMLParser):
    BREAKS = {"br", "div", "p", "li", "tr"}
    SKIPPED = {"style", "script"}

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.skipping = 0

    def handle_starttag(self, tag: str, attrs) -> None:
        if tag in self.SKIPPED:
            self.skipping += 1
        elif tag in self.BREAKS:
            self.parts.append("\n")

    def handle_endtag(self, tag: str) -> None:
        if tag in self.SKIPPED:
            self.skipping = max(0, self.skipping - 1)
        elif tag in self.BREAKS - {"br"}:
            self.parts.append("\n")

    def handle_data(self, data: str) -> None:
        if not self.skipping:
            self.parts.append(data)


def html_to_text(text: str) -> str:
    """An HTML field as the plain text it shows: tags dropped, entities decoded,
    line breaks kept, Anki's `[sound:...]` references removed."""
    if "<" not in text and "&" not in text:
        plain = text
    else:
        parser = _TextOnly()
        parser.feed(text)
        parser.close()
        plain = "".join(parser.parts)
    plain = re.sub(r"\[sound:[^\]]*\]", "", plain).replace("\xa0", " ")
    lines = [re.sub(r"[ \t]+", " ", line).strip() for line in plain.splitlines()]
    return "\n".join(line for line in lines if line)


def cloze_cards(text: str) -> list[tuple[int, str, str]]:
    """(cloze number, question, answer) for each deletion number in a cloze note's text:
    that deletion hidden as `[...]` (or `[hint]`), the others shown."""
    numbers = sorted({int(match.group(1)) for match in CLOZE.finditer(text)})
    cards = []
    for number in numbers:
        answers: list[str] = []

        def hide(match: re.Match, number: int = number, answers: list[str] = answers) -> str:
            if int(match.group(1)) != number:
                return match.group(2)
            answers.append(match.group(2))
            return f"[{match.group(3) or '...'}]"

        question = CLOZE.sub(hide, text)
        cards.append((number, question, "; ".join(answers)))
    return cards


def card_id(guid: str, slot: int = 0) -> str:
    """A revise card id for an Anki note (and cloze number): the note's own GUID when
    revise exported it, else one derived from the GUID."""
    if slot == 0 and REVISE_ID.match(guid):
        return guid
    return hashlib.blake2b(f"anki\x1f{guid}\x1f{slot}".encode(), digest_size=8).hexdigest()


def split_topic(text: str) -> tuple[str, ...]:
    return tuple(part.strip() for part in text.split(TOPIC_SEPARATOR.strip()) if part.strip())


def note_cards(
    fields: list[str],
    *,
    deck: str,
    tags: tuple[str, ...] = (),
    guid: str | None = None,
    cloze: bool = False,
    topic: tuple[str, ...] = (),
    source: str = "",
    line: int = 1,
) -> list[ImportedCard]:
    """The cards one note gives: one for a front/back note (its first two fields), one
    per deletion for a cloze note (its first field). Fields are plain text."""
    if cloze or (fields and CLOZE.search(fields[0])):
        text = fields[0] if fields else ""
        revealed = CLOZE.sub(lambda match: match.group(2), text)
        return [
            ImportedCard(deck=deck, question=question, answer=answer, kind="cloze",
                         topic=topic, tags=tags, source=source or revealed,
                         id=card_id(guid, number) if guid else "", line=line, slot=number)
            for number, question, answer in cloze_cards(text)
        ]
    if len(fields) < 2 or not fields[0] or not fields[1]:
        return []
    return [ImportedCard(deck=deck, question=fields[0], answer=fields[1], topic=topic,
                         tags=tags, source=source or fields[0],
                         id=card_id(guid) if guid else "", line=line)]


# --- Anki packages ---------------------------------------------------------------


def read_package(path: Path) -> list[ImportedCard]:
    """The cards of an Anki package (.apkg or .colpkg), as Anki 2.1 and later write them."""
    try:
        with zipfile.ZipFile(path) as package:
            names = set(package.namelist())
            with tempfile.TemporaryDirectory() as folder:
                collection = Path(folder) / "collection"
                if "collection.anki21b" in names:
                    collection.write_bytes(_unzstd(package.read("collection.anki21b"), path))
                elif "collection.anki21" in names:
                    collection.write_bytes(package.read("collection.anki21"))
                elif "collection.anki2" in names:
                    collection.write_bytes(package.read("collection.anki2"))
                else:
                    raise ImportFileError(f"{path} is not an Anki package (no collection inside)")
                return _read_collection(collection, path)
    except zipfile.BadZipFile:
        raise ImportFileError(f"{path} is not an Anki package (not a zip file)") from None


def _unzstd(data: bytes, path: Path) -> bytes:
    import zstandard

    try:
        return zstandard.ZstdDecompressor().stream_reader(io.BytesIO(data)).read()
    except zstandard.ZstdError as error:
        raise ImportFileError(f"{path}: damaged Anki package ({error})") from None


def _read_collection(collection: Path, path: Path) -> list[ImportedCard]:
    conn = sqlite3.connect(f"{collection.as_uri()}?mode=ro", uri=True)
    try:
        tables = {row[0] for row in conn.execute("SELECT name FROM sqlite_master")}
        if "notes" not in tables:
            raise ImportFileError(f"{path} is not an Anki package (no notes in its collection)")
        if "notetypes" in tables:
            models, decks = _schema18(conn)
        else:
            models, decks = _schema11(conn)
        # A note's deck is the deck of its first card.
        note_decks = dict(conn.execute(
            "SELECT nid, did FROM cards WHERE id IN (SELECT min(id) FROM cards GROUP BY nid)"))
        cards: list[ImportedCard] = []
        for number, (note_id, guid, model_id, tags, fields) in enumerate(conn.execute(
                "SELECT id, guid, mid, tags, flds FROM notes ORDER BY id"), start=1):
            names, cloze = models.get(model_id, ([], False))
            values = [html_to_text(value) for value in fields.split("\x1f")]
            named = dict(zip(names, values, strict=False))
            ours = tuple(names[:len(REVISE_FIELDS)]) == REVISE_FIELDS
            cards += note_cards(
                values, deck=decks.get(note_decks.get(note_id), "Default"),
                tags=tuple(tags.split()), guid=guid, cloze=cloze,
                topic=split_topic(named["Topic"]) if ours else (),
                source=named["Source"] if ours else "", line=number)
        return cards
    except sqlite3.DatabaseError as error:
        raise ImportFileError(f"{path}: cannot read its collection ({error})") from None
    finally:
        conn.close()


def _schema11(conn: sqlite3.Connection) -> tuple[dict, dict]:
    """Note types and decks of a collection that keeps them as JSON in `col`."""
    models_json, decks_json = conn.execute("SELECT models, decks FROM col").fetchone()
    models = {}
    for model in json.loads(models_json).values():
        names = [item["name"] for item in sorted(model["flds"], key=lambda item: item["ord"])]
        models[int(model["id"])] = (names, model.get("type") == 1)
    decks = {int(deck["id"]): deck["name"] for deck in json.loads(decks_json).values()}
    return models, decks


def _schema18(conn: sqlite3.Connection) -> tuple[dict, dict]:
    """Note types and decks of a collection that keeps them in tables. Their settings
    are protobuf; a cloze note type is told by `{{cloze:` in its template's text."""
    fields: dict[int, list[str]] = {}
    for notetype, name in conn.execute("SELECT ntid, name FROM fields ORDER BY ntid, ord"):
        fields.setdefault(notetype, []).append(name)
    cloze = {notetype for notetype, config in conn.execute("SELECT ntid, config FROM templates")
             if b"cloze:" in bytes(config or b"")}
    models = {notetype: (names, notetype in cloze) for notetype, names in fields.items()}
    decks = {deck: name.replace("\x1f", "::") for deck, name in
             conn.execute("SELECT id, name FROM decks")}
    return models, decks


# --- text and CSV files ------------------------------------------------------------

SEPARATORS = {"tab": "\t", "comma": ",", "semicolon": ";", "pipe": "|", "space": " ",
              "colon": ":"}
# header-row names → what the column holds
COLUMN_NAMES = {"question": "question", "front": "question", "text": "question",
                "answer": "answer", "back": "answer", "deck": "deck", "topic": "topic",
                "tags": "tags", "source": "source", "kind": "kind", "id": "guid",
                "guid": "guid"}


def read_text(path: Path, default_deck: str) -> list[ImportedCard]:
    """The cards of an Anki text file (its `#key:value` headers honoured) or of a CSV
    file whose first row names the columns (question/front, answer/back, deck, topic,
    tags, id/guid) or which has question and answer as its first two columns."""
    try:
        text = path.read_bytes().decode("utf-8-sig")
    except UnicodeDecodeError:
        raise ImportFileError(f"{path} is not UTF-8 text") from None
    lines = text.splitlines(keepends=True)
    headers: dict[str, str] = {}
    start = 0
    while start < len(lines) and lines[start].startswith("#"):
        key, _, value = lines[start][1:].rstrip("\r\n").partition(":")
        headers[key.strip().lower()] = value.strip()
        start += 1
    body = "".join(lines[start:])
    separator = _separator(headers.get("separator"), body)
    rows = list(csv.reader(io.StringIO(body), delimiter=separator))
    columns = _named_columns(rows[0]) if rows and "columns" not in headers else {}
    if columns:
        rows, start = rows[1:], start + 1  # a header row, not a note
    else:
        columns = _header_columns(headers, rows, separator)
    is_html = headers.get("html", "false").lower() == "true"
    deck_default = headers.get("deck") or default_deck
    global_tags = tuple(headers.get("tags", "").split())
    cards: list[ImportedCard] = []
    for number, row in enumerate(rows, start=start + 1):
        cells = {name: row[index].strip() if index < len(row) else ""
                 for name, index in columns.items()}
        if is_html:
            cells = {name: html_to_text(value) if name in ("question", "answer", "source")
                     else html.unescape(value) for name, value in cells.items()}
        made = note_cards(
            [cells.get("question", ""), cells.get("answer", "")],
            deck=cells.get("deck") or deck_default,
            tags=global_tags + tuple(cells.get("tags", "").split()),
            guid=cells.get("guid") or None, topic=split_topic(cells.get("topic", "")),
            source=cells.get("source", ""), line=number)
        if cells.get("kind") in CARD_KINDS:  # a revise CSV export says what kind each card is
            made = [replace(card, kind=cells["kind"]) if card.kind == "basic" else card
                    for card in made]
        cards += made
    return cards


def _separator(named: str | None, body: str) -> str:
    if named:
        return SEPARATORS.get(named.lower(), named[:1])
    first = body.split("\n", 1)[0]
    return next((candidate for candidate in ("\t", ";", ",", "|") if candidate in first), "\t")


def _named_columns(first_row: list[str]) -> dict[str, int]:
    """Columns named by a header row, if the first row is one (it names a question and
    an answer column)."""
    columns: dict[str, int] = {}
    for index, name in enumerate(first_row):
        known = COLUMN_NAMES.get(name.strip().lower())
        if known:
            columns.setdefault(known, index)
    return columns if {"question", "answer"} <= columns.keys() else {}


def _header_columns(headers: dict[str, str], rows: list[list[str]],
                    separator: str) -> dict[str, int]:
    """Columns as Anki reads them: `#guid column:N` and the like, and the notes' fields
    in the remaining columns, the first two being question and answer."""
    columns: dict[str, int] = {}
    for name in ("guid", "deck", "tags", "notetype"):
        number = headers.get(f"{name} column", "")
        if number.isdigit() and int(number) > 0:
            columns[name] = int(number) - 1
    width = max((len(row) for row in rows), default=0)
    if "columns" in headers:
        width = max(width, len(headers["columns"].split(separator)))
    free = [index for index in range(width) if index not in columns.values()]
    columns.pop("notetype", None)
    if len(free) >= 2:
        columns["question"], columns["answer"] = free[0], free[1]
    return columns


def read_cards(path: Path, default_deck: str | None = None) -> list[ImportedCard]:
    """The cards in `path`, whichever kind of file it is; an error if it has none."""
    check_input_file(path, "file", ImportFileError, MAX_IMPORT_BYTES)
    try:
        with path.open("rb") as handle:
            magic = handle.read(len(ZIP_MAGIC))
    except OSError as error:
        raise ImportFileError(f"cannot read {path}: {error.strerror}") from None
    if magic == ZIP_MAGIC or path.suffix.lower() in (".apkg", ".colpkg"):
        cards = read_package(path)
    else:
        cards = read_text(path, default_deck or path.stem)
    if not cards:
        raise ImportFileError(f"{path}: found no notes to make cards from")
    return cards


# --- into the database -------------------------------------------------------------


@dataclass
class ImportReport:
    path: Path
    decks: dict[str, SyncReport] = field(default_factory=dict)
    already: int = 0  # cards revise had from elsewhere (such as its own exports), skipped

    def __str__(self) -> str:
        lines = [f"{self.path} → deck {deck}: {report}" for deck, report in self.decks.items()]
        if self.already:
            lines.append(f"{self.already} cards already in revise from elsewhere, skipped")
        return "\n".join(lines)


def import_file(store: Store, path: Path, *, deck: str | None = None,
                now: datetime) -> ImportReport:
    """Bring the cards in `path` into the database, one deck at a time.

    The file's cards are synced like a notes file's (see `Store.sync_cards`), keyed
    by the file's name: importing it again changes nothing, a newer version updates
    the cards in place, and notes gone from it retire their cards.
    """
    from revise.models import CardDraft
    from revise.store.share import card_homes, decks_with_source, set_card_tags

    cards = read_cards(path, deck)
    report = ImportReport(path)
    with store.transaction():
        homes = card_homes(store, [card.id for card in cards if card.id])
        homes.pop("", None)
        # Decks this file filled before: notes gone from it retire their cards there.
        by_deck: dict[str, list[CardDraft]] = {
            name: [] for name in decks_with_source(store, path.name)
            if _namesake(store, name, path) is None}
        tags: dict[str, tuple[str, ...]] = {}
        seen: set[str] = set()
        for position, card in enumerate(cards):
            if card.id in homes and homes[card.id][1] != path.name:
                report.already += 1
                continue
            draft = CardDraft(deck=card.deck, topic=card.topic, kind=Kind(card.kind),
                              question=card.question, answer=card.answer, source=card.source,
                              position=position, line=card.line, slot=card.slot, id=card.id)
            if draft.id in seen:  # the same note twice in one file
                continue
            seen.add(draft.id)
            by_deck.setdefault(card.deck, []).append(draft)
            tags[draft.id] = card.tags
        for name, drafts in by_deck.items():
            other = _namesake(store, name, path)
            if other is not None:
                raise ImportFileError(
                    f"deck {name!r} already has cards from {other}, a different file with "
                    f"the same name; rename {path.name} (or import a text file with --deck)")
            plan = store.sync_cards(name, path.resolve(), drafts, now=now)
            set_card_tags(store, {plan.ids[draft.id]: list(tags[draft.id])
                                  for draft in drafts})
            report.decks[name] = plan.report
    return report


def _namesake(store: Store, deck: str, path: Path) -> str | None:
    """Another existing file of the same name whose cards the deck holds (the notes it
    was extracted from, say): cards are kept per deck and file name, so syncing this
    file's cards would overwrite those."""
    from revise.store.share import source_paths

    for other in source_paths(store, deck, path.name):
        if other and Path(other).exists() and not Path(other).samefile(path):
            return other
    return None
