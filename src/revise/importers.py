"""Reading other programs' flashcards: Anki packages, Anki text files and CSV.

Each reader turns a file into `ImportedCard`s: plain-text question and answer,
deck, topic, tags and a stable id. The id comes from the Anki note's GUID (and the
cloze number), so importing the same file again, or a newer version of it, finds the
same cards; notes that revise exported itself keep their revise card id.

An Anki package is a zip holding an SQLite collection. Reading it takes SQL on that
foreign file, which is why this module has some: it never touches revise's database.

Every file is someone else's and may be broken or hostile. A package's members are
held to size and compression-ratio limits and only the collection is unpacked, as a
stream, into a temporary file named by revise; the collection is opened read-only,
immutable and untrusted on a connection of its own. Text files are read row by row
within limits on lines and field length. All text (after HTML is stripped) loses its
control characters and escape sequences (`revise.text`). A file breaking a rule is
refused whole, with one line, before anything is stored.
"""

from __future__ import annotations

import csv
import functools
import hashlib
import html
import itertools
import json
import re
import sqlite3
import tempfile
import zipfile
import zlib
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field, replace
from datetime import datetime
from html.parser import HTMLParser
from pathlib import Path
from typing import TYPE_CHECKING, TextIO

from revise.errors import ReviseError
from revise.exporters import TOPIC_SEPARATOR
from revise.exporters.apkg import CLOZE_FIELDS as REVISE_CLOZE_FIELDS
from revise.exporters.apkg import FIELDS as REVISE_FIELDS
from revise.files import check_input_file
from revise.models import CardDraft, Kind
from revise.text import strip_control_sequences

if TYPE_CHECKING:
    from revise.store import Store, SyncReport

# A larger file than this is not a deck someone means to import.
MAX_IMPORT_BYTES = 512 * 1024 * 1024
# Nor is a file of more notes (or lines, or cards) than this: the work and the
# database it would take are refused before anything is read or written.
MAX_IMPORT_NOTES = 500_000
# A cloze note makes one card per deletion, each as long as the note: past this many
# characters in all, the note is built to make work, not cards.
MAX_CLOZE_CHARS = 50_000_000
PROGRESS_EVERY = 1000  # notes between two calls of a progress callback
REVISE_ID = re.compile(r"^[0-9a-f]{16}$")
CLOZE = re.compile(r"\{\{c(\d+)::(.*?)(?:::(.*?))?\}\}", re.DOTALL)
ZIP_MAGIC = b"PK\x03\x04"
KINDS = {str(kind): kind for kind in Kind}
CARD_KINDS = set(KINDS)


class ImportFileError(ReviseError):
    """A file cannot be read as flashcards."""


# Called as notes are read: (notes read, all the notes or None when not known yet);
# then, all read, (cards, cards) while they are saved.
Progress = Callable[[int, int | None], None]


# not frozen: a large package makes a hundred thousand of these, and a frozen
# dataclass sets each field through object.__setattr__
@dataclass(slots=True)
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
    # where the card's bullet is, when revise exported it ("notes.txt:12"): the cards
    # of one bullet are kept apart in review
    bullet: str = ""


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


SOUND = re.compile(r"\[sound:[^\]]*\]")
SPACES = re.compile(r"[ \t]+")


def html_to_text(text: str) -> str:
    """An HTML field as the plain text it shows: tags dropped, entities decoded,
    line breaks kept, Anki's `[sound:...]` references removed."""
    if text.isprintable() and "<" not in text and "&" not in text and "  " not in text \
            and "[sound:" not in text:
        return text.strip()  # plain text on one line, as most fields are
    if "<" not in text and "&" not in text:
        plain = text
    else:
        parser = _TextOnly()
        parser.feed(text)
        parser.close()
        plain = "".join(parser.parts)
    plain = SOUND.sub("", plain).replace("\xa0", " ")
    lines = [SPACES.sub(" ", line).strip() for line in plain.splitlines()]
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
    kind: str = "basic",
    bullet: str = "",
) -> list[ImportedCard]:
    """The cards one note gives: one for a front/back note (its first two fields), one
    per deletion for a cloze note (its first field). Fields are plain text; control
    characters and escape sequences are removed from everything shown (fields, deck,
    topic and tags)."""
    fields = [strip_control_sequences(value).strip() for value in fields]
    deck = _deck_name(deck)
    if tags:
        tags = tuple(tag for tag in (_one_line(tag).strip() for tag in tags) if tag)
    if topic:
        topic = tuple(part for part in (_one_line(part).strip() for part in topic) if part)
    if source:
        source = strip_control_sequences(source).strip()
    if cloze or (fields and "{{c" in fields[0] and CLOZE.search(fields[0])):
        text = fields[0] if fields else ""
        numbers = len({match.group(1) for match in CLOZE.finditer(text)})
        if numbers * len(text) > MAX_CLOZE_CHARS:
            raise ImportFileError(f"note {line}: {numbers:,} cloze deletions in "
                                  f"{len(text):,} characters are more than revise reads")
        revealed = CLOZE.sub(lambda match: match.group(2), text)
        return [
            ImportedCard(deck=deck, question=question, answer=answer, kind="cloze",
                         topic=topic, tags=tags, source=source or revealed,
                         id=card_id(guid, number) if guid else "", line=line, slot=number,
                         bullet=bullet)
            for number, question, answer in cloze_cards(text)
        ]
    if len(fields) < 2 or not fields[0] or not fields[1]:
        return []
    return [ImportedCard(deck=deck, question=fields[0], answer=fields[1], topic=topic,
                         tags=tags, source=source or fields[0],
                         id=card_id(guid) if guid else "", line=line,
                         kind=kind if kind in CARD_KINDS and kind != "cloze" else "basic",
                         bullet=bullet)]


# --- Anki packages ---------------------------------------------------------------

# What a package may unpack to. A collection is a SQLite file, which compresses well
# where its pages are empty; past the first RATIO_FREE_BYTES a member expanding more
# than MAX_RATIO times its compressed size is a zip bomb, not a deck.
MAX_UNPACKED_BYTES = 2 * 1024 * 1024 * 1024
MAX_RATIO = 100
RATIO_FREE_BYTES = 16 * 1024 * 1024
CHUNK_BYTES = 1024 * 1024
COLLECTIONS = ("collection.anki21b", "collection.anki21", "collection.anki2")  # newest first


@dataclass(frozen=True)
class UnpackLimits:
    """How large a package's members may become when unpacked."""

    max_bytes: int = MAX_UNPACKED_BYTES
    max_ratio: int = MAX_RATIO
    ratio_free_bytes: int = RATIO_FREE_BYTES

    def allows(self, unpacked: int, packed: int) -> bool:
        return unpacked <= self.max_bytes and (
            unpacked <= self.ratio_free_bytes or unpacked <= self.max_ratio * max(packed, 1))


def read_package(path: Path, *, limits: UnpackLimits = UnpackLimits(),
                 progress: Progress | None = None) -> list[ImportedCard]:
    """The cards of an Anki package (.apkg or .colpkg), as Anki 2.1 and later write them.

    The package's members are checked against `limits` by the sizes its directory
    declares; the collection is then streamed to a temporary file of revise's naming,
    counted as it goes, and read from there. Nothing else in the package is unpacked.
    """
    try:
        with zipfile.ZipFile(path) as package, tempfile.TemporaryDirectory(
                prefix="revise-import-") as folder:
            members = {info.filename: info for info in package.infolist()}
            for info in members.values():
                if not limits.allows(info.file_size, info.compress_size):
                    raise _too_large(path, limits)
            name = next((name for name in COLLECTIONS if name in members), None)
            if name is None:
                raise ImportFileError(f"{path} is not an Anki package (no collection inside)")
            collection = Path(folder) / "collection.sqlite"
            _unpack(package, members[name], collection, path, limits,
                    zstd=name.endswith("b"))
            return _read_collection(collection, path, progress)
    except (zipfile.BadZipFile, zipfile.LargeZipFile, EOFError, zlib.error) as error:
        raise ImportFileError(f"{path} is not an Anki package (not a whole zip file: "
                              f"{_one_line(error)})") from None
    except (RuntimeError, NotImplementedError) as error:  # encrypted, unknown compression
        raise ImportFileError(f"{path}: cannot unpack it ({_one_line(error)})") from None
    except OSError as error:
        raise ImportFileError(f"cannot read {path}: {error.strerror or error}") from None


def _unpack(package: zipfile.ZipFile, info: zipfile.ZipInfo, target: Path, path: Path,
            limits: UnpackLimits, *, zstd: bool) -> None:
    """Stream one member to `target`, a piece at a time, stopping at the limits."""
    import zstandard

    written = 0
    with package.open(info) as member, target.open("wb") as out:
        stream = zstandard.ZstdDecompressor().stream_reader(member) if zstd else member
        try:
            while piece := stream.read(CHUNK_BYTES):
                written += len(piece)
                if not limits.allows(written, info.compress_size):
                    raise _too_large(path, limits)
                out.write(piece)
        except zstandard.ZstdError as error:
            raise ImportFileError(f"{path}: damaged Anki package ({_one_line(error)})") from None


def _too_large(path: Path, limits: UnpackLimits) -> ImportFileError:
    return ImportFileError(
        f"{path} unpacks to more than a package may (at most {limits.max_bytes // 2**20} MB, "
        f"and {limits.max_ratio} times its packed size past {limits.ratio_free_bytes // 2**20}"
        " MB); refused as a possible zip bomb")


@functools.lru_cache(maxsize=1024)
def _deck_name(name: str) -> str:
    """A deck name as shown: one line, no control characters (most notes share a few)."""
    return _one_line(name).strip() or "Default"


def _one_line(text: object) -> str:
    return strip_control_sequences(str(text), keep_newlines=False, keep_tabs=False)


def _open_collection(collection: Path) -> sqlite3.Connection:
    """A read-only connection of its own to a foreign collection: `immutable` (no locks,
    no journal), schema objects not trusted to call functions, no attaching."""
    conn = sqlite3.connect(f"{collection.as_uri()}?mode=ro&immutable=1", uri=True)
    conn.execute("PRAGMA trusted_schema = OFF")
    conn.setlimit(sqlite3.SQLITE_LIMIT_ATTACHED, 0)
    return conn


def _read_collection(collection: Path, path: Path,
                     progress: Progress | None = None) -> list[ImportedCard]:
    conn = _open_collection(collection)
    try:
        try:
            return _read_notes(conn, path, progress)
        except sqlite3.OperationalError as error:
            if "UTF-8" not in str(error):
                raise
        # Text that is not UTF-8: read again, its bad bytes as U+FFFD. (Decoding
        # forgivingly from the start would call back into Python for every value.)
        conn.text_factory = functools.partial(str, encoding="utf-8", errors="replace")
        return _read_notes(conn, path, progress)
    except sqlite3.DatabaseError as error:
        raise ImportFileError(f"{path}: cannot read its collection ({_one_line(error)})") from None
    finally:
        conn.close()


def _read_notes(conn: sqlite3.Connection, path: Path,
                progress: Progress | None) -> list[ImportedCard]:
    tables = {row[0] for row in conn.execute(
        "SELECT name FROM sqlite_master WHERE type = 'table'")}
    if "notes" not in tables:
        raise ImportFileError(f"{path} is not an Anki package (no notes in its collection)")
    try:
        models, decks = _schema18(conn) if "notetypes" in tables else _schema11(conn)
    except (ValueError, TypeError, KeyError, AttributeError, RecursionError) as error:
        raise ImportFileError(f"{path}: cannot read its note types or decks "
                              f"({type(error).__name__})") from None
    # A note's deck is the deck of its first card: read last to first, each note's
    # first card is the last to set it (one pass, where grouping by note sorts).
    note_decks = dict(conn.execute(
        "SELECT nid, did FROM cards WHERE id IS NOT NULL ORDER BY id DESC"
    )) if "cards" in tables else {}
    total = conn.execute("SELECT count(*) FROM notes").fetchone()[0]
    if total > MAX_IMPORT_NOTES:
        raise _too_many(path, "notes")
    cards: list[ImportedCard] = []
    rows = conn.execute(
        "SELECT id, CAST(guid AS TEXT), mid, CAST(coalesce(tags, '') AS TEXT),"
        " CAST(coalesce(flds, '') AS TEXT) FROM notes ORDER BY id")
    # revise's own note types: question (or cloze text), answer, topic, source and,
    # from packages of this revise on, the card's kind and bullet
    ours = {model for model, (names, _) in models.items()
            if tuple(names[:4]) in (REVISE_FIELDS[:4], REVISE_CLOZE_FIELDS[:4])}
    for number, (note_id, guid, model_id, tags, fields) in enumerate(rows, start=1):
        cloze = models.get(model_id, ((), False))[1]
        deck = decks.get(note_decks.get(note_id))
        deck = deck if isinstance(deck, str) else "Default"
        if model_id in ours:
            wanted = len(REVISE_FIELDS)
            values = [html_to_text(value) for value in fields.split("\x1f", wanted)[:wanted]]
            question, answer, topic, source, kind, bullet = (values + [""] * wanted)[:wanted]
            cards += note_cards(
                [question, answer], deck=deck, tags=tuple(tags.split()), guid=guid,
                cloze=cloze, topic=split_topic(topic) if topic else (), source=source,
                line=number, kind=_one_line(kind).strip().lower(),
                bullet=_one_line(bullet).strip())
        else:  # the first two fields: the rest go unread
            values = [html_to_text(value) for value in fields.split("\x1f", 2)[:2]]
            cards += note_cards(values, deck=deck, tags=tuple(tags.split()), guid=guid,
                                cloze=cloze, line=number)
        if len(cards) > MAX_IMPORT_NOTES:
            raise _too_many(path)
        if progress is not None and number % PROGRESS_EVERY == 0:
            progress(number, total)
    return cards


def _schema11(conn: sqlite3.Connection) -> tuple[dict, dict]:
    """Note types and decks of a collection that keeps them as JSON in `col`."""
    models_json, decks_json = conn.execute("SELECT models, decks FROM col").fetchone()
    models = {}
    for model in json.loads(models_json).values():
        names = [str(item["name"]) for item in sorted(model["flds"], key=lambda item: item["ord"])]
        models[int(model["id"])] = (names, model.get("type") == 1)
    decks = {int(deck["id"]): str(deck["name"]) for deck in json.loads(decks_json).values()}
    return models, decks


def _schema18(conn: sqlite3.Connection) -> tuple[dict, dict]:
    """Note types and decks of a collection that keeps them in tables. Their settings
    are protobuf; a cloze note type is told by `{{cloze:` in its template's text."""
    fields: dict[int, list[str]] = {}
    for notetype, name in conn.execute(
            "SELECT ntid, CAST(name AS TEXT) FROM fields ORDER BY ntid, ord"):
        fields.setdefault(notetype, []).append(name)
    cloze = {notetype for notetype, config in conn.execute(
                 "SELECT ntid, CAST(config AS BLOB) FROM templates")
             if b"cloze:" in (config or b"")}
    models = {notetype: (names, notetype in cloze) for notetype, names in fields.items()}
    decks = {deck: name.replace("\x1f", "::") for deck, name in
             conn.execute("SELECT id, CAST(name AS TEXT) FROM decks")}
    return models, decks


# --- text and CSV files ------------------------------------------------------------

SEPARATORS = {"tab": "\t", "comma": ",", "semicolon": ";", "pipe": "|", "space": " ",
              "colon": ":"}
# header-row names → what the column holds
COLUMN_NAMES = {"question": "question", "front": "question", "text": "question",
                "answer": "answer", "back": "answer", "deck": "deck", "topic": "topic",
                "tags": "tags", "source": "source", "kind": "kind", "id": "guid",
                "guid": "guid"}
# A field longer than this is not a flashcard's (an unclosed quote swallowing the rest
# of the file, more likely). The csv module's own default, 128 KB, is too small for an
# Anki export with a picture kept inline.
MAX_FIELD_CHARS = 1024 * 1024


def read_text(path: Path, default_deck: str, *,
              progress: Progress | None = None) -> list[ImportedCard]:
    """The cards of an Anki text file (its `#key:value` headers honoured) or of a CSV
    file whose first row names the columns (question/front, answer/back, deck, topic,
    tags, id/guid) or which has question and answer as its first two columns.

    The file is read row by row, never whole."""
    if _more_lines_than(path, MAX_IMPORT_NOTES):
        raise _too_many(path, "lines")
    limit = csv.field_size_limit(MAX_FIELD_CHARS)
    try:
        with path.open(encoding="utf-8-sig", newline="") as handle:
            return _read_rows(handle, path, default_deck, progress)
    except UnicodeDecodeError:
        raise ImportFileError(f"{path} is not UTF-8 text") from None
    except OSError as error:
        raise ImportFileError(f"cannot read {path}: {error.strerror or error}") from None
    finally:
        csv.field_size_limit(limit)


def _read_rows(handle: TextIO, path: Path, default_deck: str,
               progress: Progress | None) -> list[ImportedCard]:
    headers: dict[str, str] = {}
    header_lines = 0
    first = handle.readline()
    while first.startswith("#"):
        key, _, value = first[1:].rstrip("\r\n").partition(":")
        headers[key.strip().lower()] = value.strip()
        header_lines += 1
        first = handle.readline()
    separator = _separator(headers.get("separator"), first)
    reader = csv.reader(itertools.chain([first], handle), delimiter=separator)
    rows = _numbered_rows(reader, path, header_lines)
    columns: dict[str, int] = {}
    pending: list[tuple[int, list[str]]] = []
    if "columns" not in headers:
        head = next(rows, None)
        if head is not None:
            columns = _named_columns(head[1])
            if not columns:
                pending.append(head)  # not a header row: a note
    if not columns:
        columns = _header_columns(headers)
    is_html = headers.get("html", "false").lower() == "true"
    deck_default = headers.get("deck") or default_deck
    global_tags = tuple(headers.get("tags", "").split())
    cards: list[ImportedCard] = []
    for count, (number, row) in enumerate(itertools.chain(pending, rows), start=1):
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
        if len(cards) > MAX_IMPORT_NOTES:
            raise _too_many(path)
        if progress is not None and count % PROGRESS_EVERY == 0:
            progress(count, None)
    return cards


def _more_lines_than(path: Path, limit: int) -> bool:
    """Whether `path` has more than `limit` lines: counted in large binary pieces, far
    quicker than reading its rows."""
    lines = 0
    try:
        with path.open("rb") as handle:
            while piece := handle.read(CHUNK_BYTES):
                lines += piece.count(b"\n")
                if lines > limit:
                    return True
    except OSError as error:
        raise ImportFileError(f"cannot read {path}: {error.strerror or error}") from None
    return False


def _numbered_rows(reader, path: Path, header_lines: int) -> Iterator[tuple[int, list[str]]]:
    """Each row with the line it starts on; a row the csv module cannot read is an
    error naming that line."""
    line = header_lines + 1
    while True:
        try:
            row = next(reader)
        except StopIteration:
            return
        except csv.Error as error:
            problem = str(error)
            if "field larger than field limit" in problem:
                problem = (f"a field longer than {MAX_FIELD_CHARS:,} characters "
                           "(a quote left open?)")
            raise ImportFileError(f"{path}, line {line}: {_one_line(problem)}") from None
        yield line, row
        line = header_lines + reader.line_num + 1


def _separator(named: str | None, first_line: str) -> str:
    if named:
        return SEPARATORS.get(named.lower(), named[:1])
    return next((candidate for candidate in ("\t", ";", ",", "|") if candidate in first_line),
                "\t")


def _named_columns(first_row: list[str]) -> dict[str, int]:
    """Columns named by a header row, if the first row is one (it names a question and
    an answer column)."""
    columns: dict[str, int] = {}
    for index, name in enumerate(first_row):
        known = COLUMN_NAMES.get(strip_control_sequences(name).strip().lower())
        if known:
            columns.setdefault(known, index)
    return columns if {"question", "answer"} <= columns.keys() else {}


def _header_columns(headers: dict[str, str]) -> dict[str, int]:
    """Columns as Anki reads them: `#guid column:N` and the like, and the notes' fields
    in the remaining columns, the first two being question and answer."""
    columns: dict[str, int] = {}
    for name in ("guid", "deck", "tags", "notetype"):
        number = headers.get(f"{name} column", "")
        if number.isdigit() and len(number) < 7 and int(number) > 0:
            columns[name] = int(number) - 1
    free = [index for index in range(len(columns) + 2) if index not in columns.values()]
    columns.pop("notetype", None)
    columns["question"], columns["answer"] = free[0], free[1]
    return columns


def _too_many(path: Path, what: str = "cards") -> ImportFileError:
    return ImportFileError(f"{path} holds more than {MAX_IMPORT_NOTES:,} {what}, more than "
                           "revise imports from one file; split it")


def read_cards(path: Path, default_deck: str | None = None, *,
               progress: Progress | None = None) -> list[ImportedCard]:
    """The cards in `path`, whichever kind of file it is; an error if it has none.

    Everything in the file is treated as untrusted: packages are unpacked within
    limits, text has its control characters removed, and a file that breaks a rule
    is refused whole (ImportFileError) before anything is stored."""
    check_input_file(path, "file", ImportFileError, MAX_IMPORT_BYTES)
    try:
        with path.open("rb") as handle:
            magic = handle.read(len(ZIP_MAGIC))
    except OSError as error:
        raise ImportFileError(f"cannot read {path}: {error.strerror}") from None
    try:
        if magic == ZIP_MAGIC or path.suffix.lower() in (".apkg", ".colpkg"):
            cards = read_package(path, progress=progress)
        elif path.suffix.lower() == ".json":
            from revise.import_json import read_json

            cards = read_json(path)
        else:
            cards = read_text(path, default_deck or path.stem, progress=progress)
    except RecursionError:
        raise ImportFileError(f"{path}: nested too deeply to read") from None
    except ImportFileError as error:
        if str(error).startswith("note "):  # a note's own problem: say which file
            raise ImportFileError(f"{path}, {error}") from None
        raise
    if not cards:
        raise ImportFileError(f"{path}: found no notes to make cards from (import reads Anki "
                              ".apkg packages, Anki text, .csv and revise's own .json)")
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


def import_file(store: Store, path: Path, *, deck: str | None = None, now: datetime,
                progress: Progress | None = None) -> ImportReport:
    """Bring the cards in `path` into the database, one deck at a time.

    The file's cards are synced like a notes file's (see `Store.sync_cards`), keyed
    by the file's name: importing it again changes nothing, a newer version updates
    the cards in place, and notes gone from it retire their cards.
    """
    from revise.store.cards import has_cards
    from revise.store.share import card_homes, decks_with_source, set_card_tags

    cards = read_cards(path, deck, progress=progress)
    if progress is not None:
        progress(len(cards), len(cards))
    report = ImportReport(path)
    with store.transaction():
        if not has_cards(store):
            _first_import(store, path, cards, report, now)
            return report
        homes = card_homes(store, [card.id for card in cards if card.id])
        homes.pop("", None)
        # Decks this file filled before: notes gone from it retire their cards there.
        by_deck: dict[str, list[CardDraft]] = {
            name: [] for name in decks_with_source(store, path.name)
            if _namesake(store, name, path) is None}
        tags: dict[str, tuple[str, ...]] = {}
        seen: set[str] = set()
        # the cards of one bullet share a place, so review keeps them apart
        bullets: dict[tuple[str, str], int] = {}
        for index, card in enumerate(cards):
            position = (bullets.setdefault((card.deck, card.bullet), index) if card.bullet
                        else index)
            if card.id in homes and homes[card.id][1] != path.name:
                report.already += 1
                continue
            draft = _draft(card, position)
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
            new = {draft.id for draft in plan.new}  # stored without tags a moment ago
            set_card_tags(store, {plan.ids[draft.id]: list(tags[draft.id]) for draft in drafts
                                  if tags[draft.id] or draft.id not in new})
            report.decks[name] = plan.report
    return report


def _draft(card: ImportedCard, position: int) -> CardDraft:
    return CardDraft(deck=card.deck, topic=card.topic, kind=KINDS[card.kind],
                     question=card.question, answer=card.answer, source=card.source,
                     position=position, line=card.line, slot=card.slot, id=card.id)


def _first_import(store: Store, path: Path, cards: list[ImportedCard], report: ImportReport,
                  now: datetime) -> None:
    """The cards into a database holding none yet, where there is nothing to pair them
    with or skip: what syncing them would store, written without drafts and plans."""
    from revise.store.cards import insert_cards

    by_deck: dict[str, list[tuple]] = {}
    seen: set[str] = set()
    bullets: dict[tuple[str, str], int] = {}  # as in import_file
    for index, card in enumerate(cards):
        position = (bullets.setdefault((card.deck, card.bullet), index) if card.bullet
                    else index)
        card_id = card.id or _draft(card, position).id
        if card_id in seen:
            continue
        seen.add(card_id)
        by_deck.setdefault(card.deck, []).append((
            card_id, card.kind, card.topic, card.question, card.answer,
            card.source, position, card.line, card.slot, card.tags))
    for name, rows in by_deck.items():
        report.decks[name] = insert_cards(store, name, path.resolve(), rows, now=now)


def _namesake(store: Store, deck: str, path: Path) -> str | None:
    """Another existing file of the same name whose cards the deck holds (the notes it
    was extracted from, say): cards are kept per deck and file name, so syncing this
    file's cards would overwrite those."""
    from revise.store.share import source_paths

    for other in source_paths(store, deck, path.name):
        if other and Path(other).exists() and not Path(other).samefile(path):
            return other
    return None
