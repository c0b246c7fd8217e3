"""Files from others: every broken or hostile package, CSV or Anki text file gives cards
or one line and exit 1, never a traceback, and a refused file leaves the database as it
was. Inputs are built here, small, rather than stored in git."""

from __future__ import annotations

import io
import json
import os
import sqlite3
import subprocess
import sys
import time
import zipfile
from collections.abc import Callable
from pathlib import Path

import genanki
import pytest
import zstandard

from revise.importers import read_package
from tests.conftest import cards_json
from tests.share_support import seed

ESCAPES = ("\x1b]0;PWNED\x07", "\x1b]52;c;aGFja2Vk\x07", "\x1b[31m", "\x1b[2J", "\x9b1m")

BASIC = {"id": 1, "type": 0, "flds": [{"name": "Front", "ord": 0}, {"name": "Back", "ord": 1}]}
CLOZE = {"id": 2, "type": 1, "flds": [{"name": "Text", "ord": 0}, {"name": "Extra", "ord": 1}]}


# --- building packages --------------------------------------------------------------------


def collection_bytes(notes: list[tuple], *, models: object = None, decks: object = None,
                     schema: str | None = None) -> bytes:
    """A schema-11 Anki collection (the tables revise reads, nothing else) holding
    `notes` as (guid, model id, tags, fields) rows, each with one card in deck 1."""
    conn = sqlite3.connect(":memory:")
    conn.executescript(schema or """
        CREATE TABLE col (models TEXT, decks TEXT);
        CREATE TABLE notes (id INTEGER PRIMARY KEY, guid TEXT, mid INTEGER, tags TEXT,
                            flds TEXT);
        CREATE TABLE cards (id INTEGER PRIMARY KEY, nid INTEGER, did INTEGER);
    """)
    if models is None:
        models = json.dumps({"1": BASIC, "2": CLOZE})
    if decks is None:
        decks = json.dumps({"1": {"id": 1, "name": "Sent"}})
    tables = {row[0] for row in conn.execute("SELECT name FROM sqlite_master")}
    if "col" in tables:
        conn.execute("INSERT INTO col VALUES (?, ?)", (models, decks))
    for number, note in enumerate(notes, start=1):
        conn.execute("INSERT INTO notes VALUES (?, ?, ?, ?, ?)", (number, *note))
        if "cards" in tables:
            conn.execute("INSERT INTO cards VALUES (?, ?, 1)", (number, number))
    conn.commit()
    data = conn.serialize()
    conn.close()
    return data


def package(path: Path, members: dict[str, bytes | Callable], *,
            method: int = zipfile.ZIP_DEFLATED) -> Path:
    """A zip of `members`; a callable member writes itself to the open member stream."""
    with zipfile.ZipFile(path, "w", method) as archive:
        for name, data in members.items():
            with archive.open(name, "w", force_zip64=True) as member:
                if callable(data):
                    data(member)
                else:
                    member.write(data)
    return path


def zeros(megabytes: int) -> Callable:
    def write(member) -> None:
        block = bytes(1024 * 1024)
        for _ in range(megabytes):
            member.write(block)
    return write


def note(front: str, back: str = "back", *, guid: str = "g1", model: int = 1,
         tags: str = "") -> tuple:
    return (guid, model, tags, f"{front}\x1f{back}")


def genanki_package(path: Path) -> Path:
    deck = genanki.Deck(2059400110, "Sent")
    deck.add_note(genanki.Note(model=genanki.BASIC_MODEL, fields=["Capital?", "Paris"],
                               guid="k9#Qx!2zLp"))
    genanki.Package(deck).write_to_file(str(path))
    return path


# --- the corpus ---------------------------------------------------------------------------


def cloze_of(count: int) -> str:
    return " ".join(f"{{{{c{number}::word{number}}}}}" for number in range(1, count + 1))


def _truncated(tmp: Path) -> bytes:
    data = genanki_package(tmp / "whole.apkg").read_bytes()
    return data[: len(data) // 2]


def _million_rows() -> bytes:
    return b"question,answer\n" + b"".join(b"q%d,a%d\n" % (n, n) for n in range(1_000_000))


# name → (file name, function of a scratch folder giving the file's bytes)
CORPUS: dict[str, tuple[str, Callable[[Path], bytes]]] = {
    "truncated-zip": ("x.apkg", _truncated),
    "not-a-zip": ("x.apkg", lambda tmp: b"\x00\x01garbage" * 100),
    "zip-without-collection": ("x.apkg", lambda tmp: package(
        tmp / "p.zip", {"media": b"{}", "readme.txt": b"hi"}).read_bytes()),
    "collection-not-sqlite": ("x.apkg", lambda tmp: package(
        tmp / "p.zip", {"collection.anki2": b"not a database" * 1000}).read_bytes()),
    "collection-without-notes": ("x.apkg", lambda tmp: package(tmp / "p.zip", {
        "collection.anki2": collection_bytes([], schema="CREATE TABLE col (models, decks);")}
        ).read_bytes()),
    "collection-without-col-or-cards": ("x.apkg", lambda tmp: package(tmp / "p.zip", {
        "collection.anki2": collection_bytes([note("Q?")], schema="""
            CREATE TABLE notes (id INTEGER PRIMARY KEY, guid, mid, tags, flds);""")}
        ).read_bytes()),
    "notes-as-a-view": ("x.apkg", lambda tmp: package(tmp / "p.zip", {
        "collection.anki2": collection_bytes([], schema="""
            CREATE TABLE col (models TEXT, decks TEXT);
            CREATE VIEW notes AS WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1
                FROM n) SELECT i AS id, i AS guid, 1 AS mid, '' AS tags, 'a' AS flds
                FROM n;""")}).read_bytes()),
    "wrong-column-types": ("x.apkg", lambda tmp: package(tmp / "p.zip", {
        "collection.anki2": collection_bytes(
            [(b"\xff\xfe", "1", None, 12345), (7, 1.5, 3, b"Q\xff?\x1fA\x00!"),
             (None, None, None, None), ("g", 1, "t", "Good?\x1fYes")],
            schema="""CREATE TABLE col (models, decks);
                      CREATE TABLE notes (id INTEGER PRIMARY KEY, guid, mid, tags, flds);
                      CREATE TABLE cards (id INTEGER PRIMARY KEY, nid, did);""")}
        ).read_bytes()),
    "models-not-json": ("x.apkg", lambda tmp: package(tmp / "p.zip", {
        "collection.anki2": collection_bytes([note("Q?")], models="{not json")}).read_bytes()),
    "models-the-wrong-shape": ("x.apkg", lambda tmp: package(tmp / "p.zip", {
        "collection.anki2": collection_bytes([note("Q?")], models='{"1": [1, 2]}',
                                             decks='["x"]')}).read_bytes()),
    "models-nested-100000-deep": ("x.apkg", lambda tmp: package(tmp / "p.zip", {
        "collection.anki2": collection_bytes([note("Q?")], models="[" * 100_000)}
        ).read_bytes()),
    "nul-bytes-in-fields": ("x.apkg", lambda tmp: package(tmp / "p.zip", {
        "collection.anki2": collection_bytes([note("Lenin\x00 died?", "19\x0024")])}
        ).read_bytes()),
    "html-10000-levels": ("x.apkg", lambda tmp: package(tmp / "p.zip", {
        "collection.anki2": collection_bytes([note(
            "<div>" * 10_000 + "deep?" + "</div>" * 10_000, "<b>" * 10_000 + "yes")])}
        ).read_bytes()),
    "cloze-1000-deletions": ("x.apkg", lambda tmp: package(tmp / "p.zip", {
        "collection.anki2": collection_bytes([note(cloze_of(1000), "", model=2)])}
        ).read_bytes()),
    "cloze-made-to-make-work": ("x.apkg", lambda tmp: package(tmp / "p.zip", {
        "collection.anki2": collection_bytes([note(cloze_of(5000) + " x" * 20_000, "",
                                                   model=2)])}).read_bytes()),
    "encrypted-member": ("x.apkg", lambda tmp: _encrypted(tmp)),
    "million-row-csv": ("big.csv", lambda tmp: _million_rows()),
    "field-over-csv-module-limit": ("x.csv", lambda tmp: (
        "question,answer\nlong?," + "y" * 200_000 + "\nshort?,yes\n").encode()),
    "field-over-revise-limit": ("x.csv", lambda tmp: (
        "question,answer\nlong?," + "y" * 2_000_000 + "\n").encode()),
    "unterminated-quote": ("x.csv", lambda tmp: b'question,answer\n"open,never closed\nq,a\n'),
    "unterminated-quote-to-the-end": ("x.csv", lambda tmp: (
        b'question,answer\nq,"' + b"and on " * 300_000)),
    "mixed-delimiters": ("x.csv", lambda tmp: b"a,b\tc;d|e\nq1\ta1\nq2;a2\nq3,a3\n"),
    "bom-in-the-middle": ("x.csv", lambda tmp: "question,answer\nq1,a1\n\ufeffq2,a2\n".encode()),
    "nul-bytes-csv": ("x.csv", lambda tmp: b"question,answer\nq\x00,a\x00\n\x00\x00\x00\n"),
    "invalid-utf8": ("x.csv", lambda tmp: b"question,answer\ncaf\xe9,\xff\xfe\n"),
    "binary": ("x.txt", lambda tmp: bytes(range(256)) * 64),
    "huge-guid-column": ("x.txt", lambda tmp: ("#separator:tab\n#guid column:" + "9" * 5000
                                              + "\nq\ta\n").encode()),
    "only-headers": ("x.txt", lambda tmp: b"#separator:tab\n#html:true\n"),
}


def _encrypted(tmp: Path) -> bytes:
    data = bytearray(package(tmp / "p.zip", {
        "collection.anki2": collection_bytes([note("Q?")])}).read_bytes())
    # Set the "encrypted" flag in the local and central headers: zipfile then refuses it.
    for signature, offset in ((b"PK\x03\x04", 6), (b"PK\x01\x02", 8)):
        start = data.find(signature)
        data[start + offset] |= 1
    return bytes(data)


@pytest.mark.parametrize("name", sorted(CORPUS))
def test_broken_and_hostile_files_give_cards_or_one_line(revise, db_file, tmp_path, name):
    file_name, build = CORPUS[name]
    path = tmp_path / file_name
    path.write_bytes(build(tmp_path))
    seed(db_file)
    before = cards_json(revise)
    result = revise("import", path)
    assert result.exit_code in (0, 1), result.output
    assert "unexpected" not in result.stderr and "Traceback" not in result.stderr
    if result.exit_code == 0:
        after = cards_json(revise)
        assert len(after) > len(before)
        for card in after:
            assert card["question"].strip() and card["answer"].strip()
            assert not any(char in card["question"] + card["answer"] for char in "\x00\x1b\ufeff")
    else:
        assert result.stderr.startswith("error: ") and result.stderr.count("\n") == 1
        assert "\x1b" not in result.stderr
        assert cards_json(revise) == before


@pytest.mark.parametrize(("name", "message"), [
    ("truncated-zip", "not a whole zip file"),
    ("zip-without-collection", "no collection inside"),
    ("collection-not-sqlite", "cannot read its collection"),
    ("collection-without-notes", "no notes in its collection"),
    ("notes-as-a-view", "no notes in its collection"),
    ("models-not-json", "cannot read its note types or decks"),
    ("models-nested-100000-deep", "cannot read its note types or decks"),
    ("cloze-made-to-make-work", "note 1: 5,000 cloze deletions"),
    ("encrypted-member", "cannot unpack it"),
    ("million-row-csv", "more than 500,000 lines"),
    ("field-over-revise-limit", "line 2: a field longer than 1,048,576 characters"),
    ("unterminated-quote-to-the-end", "line 2: a field longer than"),
    ("invalid-utf8", "not UTF-8 text"),
])
def test_refused_files_say_why(revise, tmp_path, name, message):
    file_name, build = CORPUS[name]
    path = tmp_path / file_name
    path.write_bytes(build(tmp_path))
    result = revise("import", path)
    assert result.exit_code == 1
    assert message in result.stderr, result.stderr


@pytest.mark.parametrize(("name", "expected"), [
    ("nul-bytes-in-fields", {("Lenin died?", "1924")}),
    ("html-10000-levels", {("deep?", "yes")}),
    ("field-over-csv-module-limit", {("long?", "y" * 200_000), ("short?", "yes")}),
    ("bom-in-the-middle", {("q1", "a1"), ("q2", "a2")}),
    ("wrong-column-types", {("Good?", "Yes")}),
])
def test_odd_but_readable_files_give_their_cards(revise, tmp_path, name, expected):
    file_name, build = CORPUS[name]
    path = tmp_path / file_name
    path.write_bytes(build(tmp_path))
    result = revise("import", path)
    assert result.exit_code == 0, result.output
    cards = {(card["question"], card["answer"]) for card in cards_json(revise)}
    assert expected <= cards


def test_a_cloze_note_with_1000_deletions_gives_1000_cards(revise, tmp_path):
    path = tmp_path / "x.apkg"
    path.write_bytes(CORPUS["cloze-1000-deletions"][1](tmp_path))
    assert revise("import", path).exit_code == 0
    cards = cards_json(revise)
    assert len(cards) == 1000
    assert cards[-1]["answer"] == "word1000"


# --- zip bombs ----------------------------------------------------------------------------


# Runs revise's command line, then writes its own peak memory (kB) to the file named
# first: Linux's VmHWM, which starts afresh at exec, where getrusage's maximum keeps the
# size of pytest, forked to start it.
MEASURED = """
import re, resource, sys
from pathlib import Path
report, sys.argv = sys.argv[1], ["revise", *sys.argv[2:]]
try:
    from revise.cli import main
    main()
finally:
    status = Path("/proc/self/status")
    found = re.search(r"VmHWM:\\s*(\\d+)", status.read_text()) if status.exists() else None
    Path(report).write_text(found.group(1) if found else
                            str(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss))
"""


def peak_and_seconds(argv: list[str], env: dict, report: Path) -> tuple[
        subprocess.CompletedProcess, float, float]:
    """Run revise with `argv`: its result, its peak memory in MB and its seconds."""
    started = time.monotonic()
    done = subprocess.run([sys.executable, "-c", MEASURED, str(report), *argv],
                          capture_output=True, text=True, env=env, timeout=120)
    return done, int(report.read_text()) / 1024, time.monotonic() - started


@pytest.mark.parametrize("layer", ["zip", "zstd"])
def test_a_zip_bomb_is_refused_in_one_line_without_unpacking_it(tmp_path, db_file, layer):
    # 256 MB of zeros in a 256 KB package (zip), or a few KB (zstd in a stored member)
    if layer == "zip":
        bomb = package(tmp_path / "bomb.apkg", {"collection.anki21": zeros(256)})
    else:
        compressor = zstandard.ZstdCompressor(level=3)
        packed = io.BytesIO()
        with compressor.stream_writer(packed, closefd=False) as writer:
            zeros(256)(writer)
        bomb = package(tmp_path / "bomb.apkg", {"collection.anki21b": packed.getvalue()},
                       method=zipfile.ZIP_STORED)
    assert bomb.stat().st_size < 512 * 1024
    seed(db_file)
    scratch = tmp_path / "tmp"
    scratch.mkdir()
    result, peak_mb, seconds = peak_and_seconds(
        ["import", str(bomb), "--db", str(db_file)], {**os.environ, "TMPDIR": str(scratch)},
        tmp_path / "peak")
    assert result.returncode == 1
    assert result.stderr.startswith(f"error: {bomb} unpacks to more than a package may")
    assert result.stderr.endswith("refused as a possible zip bomb\n")
    print(f"{layer} bomb refused in {seconds:.2f} s, peak {peak_mb:.0f} MB")
    assert peak_mb < 150 and seconds < 20, (peak_mb, seconds)
    assert list(scratch.iterdir()) == []  # the part unpacked is gone


def test_the_collection_is_unpacked_under_revises_name_never_the_packages(tmp_path,
                                                                          monkeypatch):
    monkeypatch.setenv("TMPDIR", str(tmp_path / "tmp"))
    (tmp_path / "tmp").mkdir()
    import tempfile

    monkeypatch.setattr(tempfile, "tempdir", None)
    path = package(tmp_path / "x.apkg", {
        "collection.anki2": collection_bytes([note("Q?")]),
        "../../evil.txt": b"written outside?", "/tmp/abs.txt": b"x", "0": b"image"})
    seen: list[str] = []
    real_connect = sqlite3.connect

    def watching(database, *args, **kwargs):
        seen.append(str(database))
        return real_connect(database, *args, **kwargs)

    monkeypatch.setattr(sqlite3, "connect", watching)
    cards = read_package(path)
    assert [(card.question, card.answer) for card in cards] == [("Q?", "back")]
    [uri] = seen
    assert uri.endswith("/collection.sqlite?mode=ro&immutable=1")
    assert uri.startswith(f"file://{tmp_path / 'tmp'}/revise-import-")
    assert list((tmp_path / "tmp").iterdir()) == []  # nothing left behind
    assert not (tmp_path.parent / "evil.txt").exists()


def test_text_that_is_not_utf8_in_a_package_is_read_with_replacement_characters(tmp_path):
    conn = sqlite3.connect(":memory:")
    conn.deserialize(collection_bytes([note("Good?", "Yes"), ("g2", 1, "", "x")]))
    conn.execute("UPDATE col SET decks = CAST(? AS TEXT)",
                 [b'{"1": {"id": 1, "name": "S\xffent"}}'])
    conn.execute("UPDATE notes SET flds = CAST(? AS TEXT) WHERE guid = 'g2'",
                 [b"caf\xe9?\x1fna\xefve"])
    conn.commit()
    cards = read_package(package(tmp_path / "x.apkg", {"collection.anki2": conn.serialize()}))
    assert [(card.deck, card.question, card.answer) for card in cards] == [
        ("S\ufffdent", "Good?", "Yes"), ("S\ufffdent", "caf\ufffd?", "na\ufffdve")]


def test_a_foreign_collection_is_opened_read_only_and_untrusted(tmp_path, monkeypatch):
    from revise import importers

    opened: list[sqlite3.Connection] = []
    real_open = importers._open_collection

    def keep(collection):
        conn = real_open(collection)
        opened.append(conn)
        assert conn.execute("PRAGMA trusted_schema").fetchone() == (0,)
        with pytest.raises(sqlite3.OperationalError):
            conn.execute("CREATE TABLE written (x)")
        with pytest.raises(sqlite3.OperationalError):
            conn.execute("ATTACH ':memory:' AS other")
        return conn

    monkeypatch.setattr(importers, "_open_collection", keep)
    read_package(package(tmp_path / "x.apkg", {"collection.anki2": collection_bytes(
        [note("Q?")])}))
    assert len(opened) == 1


# --- text is text ------------------------------------------------------------------------------


def package_text(path: Path, tmp_path: Path) -> str:
    """The notes, tags and deck names in a package revise wrote."""
    collection = tmp_path / "exported.anki2"
    with zipfile.ZipFile(path) as archive:
        collection.write_bytes(archive.read("collection.anki2"))
    conn = sqlite3.connect(collection)
    rows = conn.execute("SELECT flds, tags FROM notes").fetchall()
    decks = conn.execute("SELECT decks FROM col").fetchone()[0]
    conn.close()
    return "\n".join(field for row in rows for field in row) + decks


HOSTILE_CSV = ("question,answer,tags,deck\n"
               "Who\x1b]0;PWNED\x07 was murdered?,Kirov\x1b]52;c;aGFja2Vk\x07,"
               "t\x1b[31mag,Deck\x1b[2J\n"
               "\x9b1mRed\x1b[0m?,yes,,\n")


def test_escape_sequences_in_a_csv_never_reach_any_output(revise, tmp_path):
    path = tmp_path / "class.csv"
    path.write_text(HOSTILE_CSV, encoding="utf-8")
    assert revise("import", path).exit_code == 0
    cards = cards_json(revise)
    assert {(card["question"], card["answer"], card["deck"]) for card in cards} == {
        ("Who was murdered?", "Kirov", "Deck"), ("Red?", "yes", "class")}
    outputs = [revise("cards").stdout, revise("cards", "--json").stdout]
    for format_name in ("md", "csv", "anki-txt", "json", "apkg"):
        target = tmp_path / f"out.{format_name}"
        assert revise("export", "-f", format_name, "-o", target).exit_code == 0
        if format_name == "apkg":
            outputs.append(package_text(target, tmp_path))
        else:
            outputs.append(target.read_text(encoding="utf-8"))
    for output in outputs:
        assert not any(escape in output for escape in ("\x1b", "\x07", "\x9b", "PWNED"))


def test_escape_sequences_in_package_fields_and_html_entities_are_removed(revise, tmp_path):
    path = package(tmp_path / "x.apkg", {"collection.anki2": collection_bytes([
        note("Capital\x1b]0;PWNED\x07?<br>\x1b[31mof France&#27;",
             "Par\x1b]52;c;eA==\x07is", tags="geo\x1b[1m x\x07y")])})
    assert revise("import", path).exit_code == 0
    [card] = cards_json(revise)
    assert (card["question"], card["answer"]) == ("Capital?\nof France", "Paris")
    from revise.store import Store

    with Store(tmp_path / "revise.db") as store:
        assert [card["tags"] for card in store.cards()] == [["geo", "xy"]]


def test_escape_sequences_in_anki_text_headers_and_fields_are_removed(revise, tmp_path):
    path = tmp_path / "deck.txt"
    path.write_text("#separator:tab\n#html:true\n#deck:Sent\x1b[2J\n#tags:a\x1b[1mb\n"
                    "Q\x1b]0;x\x07&#27;?\tA\x1b[31m&#x1b;&#7;!\n", encoding="utf-8")
    assert revise("import", path).exit_code == 0
    [card] = cards_json(revise)
    assert (card["question"], card["answer"], card["deck"]) == ("Q?", "A!", "Sent")


# --- progress -------------------------------------------------------------------------------


def test_import_shows_progress_on_stderr_at_a_terminal_only(tmp_path):
    import pty
    import select

    path = package(tmp_path / "x.apkg", {"collection.anki2": collection_bytes(
        [note(f"Q{number}?", guid=f"g{number}") for number in range(2500)])})
    main, terminal = pty.openpty()
    process = subprocess.Popen(
        [sys.executable, "-m", "revise", "import", str(path), "--db", str(tmp_path / "a.db")],
        stdin=subprocess.DEVNULL, stdout=subprocess.PIPE, stderr=terminal,
        env={**os.environ, "COLUMNS": "100", "TERM": "xterm"})
    os.close(terminal)
    shown = b""
    while True:
        ready, _, _ = select.select([main], [], [], 30)
        try:
            piece = os.read(main, 65536) if ready else b""
        except OSError:  # the other end closed
            piece = b""
        if not piece:
            break
        shown += piece
    os.close(main)
    assert process.wait(timeout=30) == 0
    assert "2500 new" in process.stdout.read().decode()
    process.stdout.close()
    screen = shown.decode("utf-8", "replace")
    assert "reading notes" in screen and "2500/2500" in screen  # drawn ten times a second
    piped = subprocess.run(
        [sys.executable, "-m", "revise", "import", str(path), "--db", str(tmp_path / "b.db")],
        capture_output=True, text=True, timeout=30)
    assert piped.returncode == 0 and piped.stderr == ""
