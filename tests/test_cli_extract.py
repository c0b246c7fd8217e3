"""`revise extract`, `revise cards` and `revise export --format json`, run as a user would."""

from __future__ import annotations

import json
import os
import pty
import sqlite3
import subprocess
import sys

import pytest

from tests.conftest import FIXTURES, NOTES, cards_json

SCRAPED = FIXTURES / "notes-as-scraped.txt"
PURGES_1937 = ["Purges – impact on society", "Show Trials", "1937"]


def dry_run_cards(revise, path) -> list[dict]:
    result = revise("extract", path, "--dry-run", "--json")
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


def test_extract_stores_cards_and_reports_counts(revise):
    result = revise("extract", NOTES)
    assert result.exit_code == 0, result.output
    assert "new, 0 updated, 0 retired, 0 unchanged" in result.stdout
    stored = cards_json(revise)
    assert len(stored) > 80
    assert {card["deck"] for card in stored} == {"notes"}


def test_named_cards_exist_with_question_answer_and_topic(revise):
    revise("extract", NOTES)
    executed = [card for card in cards_json(revise, "--search", "executed")
                if card["answer"] == "353,000"]
    assert len(executed) == 1
    assert executed[0]["topic"] == PURGES_1937
    assert executed[0]["kind"] == "figure"
    assert "353,000" not in executed[0]["question"]
    assert "executed" in executed[0]["question"]
    right = [card for card in cards_json(revise, "--kind", "person")
             if card["answer"] == "Tomsky, Rykov & Bukharin"]
    assert len(right) == 1 and "Right" in right[0]["question"]


def test_dry_run_json_prints_only_cards_and_writes_nothing(revise, db_file):
    cards = dry_run_cards(revise, NOTES)
    assert not db_file.exists()
    fields = {"id", "deck", "topic", "kind", "question", "answer", "source", "position"}
    assert all(fields <= set(card) for card in cards)
    assert all(isinstance(card["topic"], list) for card in cards)
    assert len({card["id"] for card in cards}) == len(cards)


def test_scraped_page_gives_the_same_cards_as_the_clean_notes(revise):
    def essentials(cards):
        return sorted((tuple(c["topic"]), c["kind"], c["question"], c["answer"]) for c in cards)

    scraped = dry_run_cards(revise, SCRAPED)
    assert essentials(scraped) == essentials(dry_run_cards(revise, NOTES))
    assert not any("Dora" in card["question"] + card["answer"] for card in scraped)
    assert not any("Click here" in card["question"] + card["answer"] for card in scraped)


def test_reextracting_unchanged_notes_changes_nothing(revise):
    first = revise("extract", NOTES)
    new = int(first.stdout.split(": ")[-1].split(" new")[0])
    again = revise("extract", NOTES)
    assert f"0 new, 0 updated, 0 retired, {new} unchanged" in again.stdout


def test_edited_notes_keep_ids_retire_removed_and_add_new(revise, tmp_path):
    notes = tmp_path / "history.txt"
    notes.write_text("* Round 1\n- Lenin dise 1924\n- Trotsky resigns as Commissar for War 1925\n")
    revise("extract", notes)
    before = {card["source"]: card["id"] for card in cards_json(revise)}
    notes.write_text("* Round 1\n- Lenin dies 1924\n- Kirov murdered Dec 1934\n")
    result = revise("extract", notes)
    assert "1 new, 1 updated, 1 retired, 0 unchanged" in result.stdout, result.stdout
    after = {card["source"]: card["id"] for card in cards_json(revise)}
    assert after["Lenin dies 1924"] == before["Lenin dise 1924"]
    retired = [c for c in cards_json(revise, "--retired") if c["retired"]]
    assert [card["source"] for card in retired] == ["Trotsky resigns as Commissar for War 1925"]


def test_cards_filters_by_kind_topic_and_search(revise):
    revise("extract", NOTES)
    figures = cards_json(revise, "--kind", "figure", "--topic", "show trials")
    assert figures and all(card["kind"] == "figure" for card in figures)
    assert all("show trials" in " ".join(card["topic"]).lower() for card in figures)
    assert all("Bukharin" in c["question"] + c["answer"] + c["source"]
               for c in cards_json(revise, "--search", "bukharin"))


def test_cards_piped_are_tab_separated_lines(revise):
    revise("extract", NOTES)
    result = revise("cards", "--topic", "Show Trials", "--kind", "figure")
    assert result.exit_code == 0
    rows = [line.split("\t") for line in result.stdout.splitlines()]
    assert all(len(row) == 5 for row in rows)
    assert ["figure", "Purges – impact on society › Show Trials › 1937", "353,000"] in [
        [row[1], row[2], row[4]] for row in rows]


def test_cards_in_a_terminal_are_a_table(revise, db_file):
    revise("extract", NOTES)
    leader, follower = pty.openpty()
    process = subprocess.run(
        [sys.executable, "-m", "revise", "cards", "--search", "353,000", "--db", str(db_file)],
        stdout=follower, stderr=subprocess.PIPE, env={**os.environ, "COLUMNS": "160"},
        timeout=60)
    os.close(follower)
    screen = os.read(leader, 65536).decode()
    os.close(leader)
    assert process.returncode == 0, process.stderr
    assert "353,000" in screen and "question" in screen and "1 card" in screen


def test_export_json_has_cards_and_scheduling_fields(revise, tmp_path):
    revise("extract", NOTES)
    out = tmp_path / "deck.json"
    result = revise("export", "--format", "json", "-o", out)
    assert result.exit_code == 0, result.output
    exported = json.loads(out.read_text())
    assert len(exported) == len(cards_json(revise))
    card = exported[0]
    for field in ("reps", "lapses", "state", "due", "stability", "difficulty", "last_review",
                  "suspended", "retired", "topic", "question", "answer"):
        assert field in card
    assert card["state"] == "new" and card["reps"] == 0


def test_export_refuses_to_overwrite_without_force(revise, tmp_path):
    revise("extract", NOTES)
    out = tmp_path / "deck.json"
    out.write_text("keep me")
    result = revise("export", "--format", "json", "-o", out)
    assert result.exit_code == 1 and "--force" in result.stderr
    assert out.read_text() == "keep me"
    assert revise("export", "--format", "json", "-o", out, "--force").exit_code == 0


def one_line_error(result) -> str:
    assert result.exit_code != 0
    assert "Traceback" not in result.output
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    return lines[0]


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("empty.txt", b"", "empty"),
        ("blank.txt", b"  \n\t\n", "empty"),
        ("binary.txt", bytes(range(256)) * 4, "binary"),
        ("broken-utf8.txt", "- Café opened 1924 \xff\n".encode() + b"\xff", "UTF-8"),
        ("huge.txt", b"- Lenin dies 1924\n" * (20 * 1024 * 1024 // 18 + 1), "too large"),
    ],
)
def test_bad_notes_get_one_line_error_and_leave_store_alone(revise, tmp_path, name, content,
                                                            message):
    revise("extract", NOTES)
    before = cards_json(revise)
    path = tmp_path / name
    path.write_bytes(content)
    assert message in one_line_error(revise("extract", path))
    assert cards_json(revise) == before


RTF = (b"{\\rtf1\\ansi\\ansicpg1252\\cocoartf2761\n"
       b"{\\fonttbl\\f0\\fswiss\\fcharset0 Helvetica;}\n"
       b"\\f0\\fs24 \\cf0 - Lenin dies 1924\\\n- Stalin becomes General Secretary 1922}")
TEXT_PDF = (b"%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n"
            b"2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n"
            b"4 0 obj<</Length 44>>stream\nBT /F1 12 Tf (- Lenin dies 1924) Tj ET\n"
            b"endstream endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n")


@pytest.mark.parametrize(("name", "content", "kind"), [
    ("notes.rtf", RTF, "RTF"),
    ("notes.txt", RTF, "RTF"),
    ("notes.pdf", TEXT_PDF, "PDF"),
])
def test_rtf_and_pdf_notes_are_refused_with_what_to_do(revise, tmp_path, name, content, kind):
    path = tmp_path / name
    path.write_bytes(content)
    line = one_line_error(revise("extract", path))
    assert kind in line and "plain text" in line
    assert not (tmp_path / "revise.db").exists() or cards_json(revise) == []


@pytest.mark.parametrize("encoding", ["cp1252", "latin-1"])
def test_notes_saved_in_the_windows_code_page_are_read(revise, tmp_path, encoding):
    path = tmp_path / "notes.txt"
    text = "# Café society\n\n- Lenin dies 1924\n- Stalin’s “Great Break” began 1929\n"
    if encoding == "latin-1":
        text = text.replace("’", "'").replace("“", '"').replace("”", '"')
    path.write_bytes(text.encode(encoding))
    result = revise("extract", path)
    assert result.exit_code == 0, result.output
    stored = cards_json(revise)
    assert {card["answer"] for card in stored} >= {"1924", "1929"}
    assert all(card["topic"][0] == "Café society" for card in stored)
    if encoding == "cp1252":
        assert any("Stalin’s “Great Break”" in card["question"] for card in stored)


def test_missing_file_and_folder_are_one_line_errors(revise, tmp_path):
    assert "no such notes file" in one_line_error(revise("extract", tmp_path / "nope.txt"))
    assert "folder" in one_line_error(revise("extract", tmp_path))


def test_one_bad_file_among_several_writes_nothing(revise, tmp_path, db_file):
    bad = tmp_path / "bad.txt"
    bad.write_bytes(b"\x00\x01")
    one_line_error(revise("extract", NOTES, bad))
    assert not db_file.exists() or cards_json(revise) == []


def test_database_that_is_not_sqlite_is_refused_and_kept(revise, tmp_path):
    not_db = tmp_path / "essay.db"
    not_db.write_text("my essay")
    assert "not an SQLite file" in one_line_error(revise("extract", NOTES, db=not_db))
    assert not_db.read_text() == "my essay"


def test_unwritable_database_path_is_one_line_error(revise, tmp_path):
    assert "does not exist" in one_line_error(
        revise("extract", NOTES, db=tmp_path / "missing" / "revise.db"))


def test_db_path_comes_from_environment_then_user_data_folder(tmp_path, isolated_home):
    env = {**os.environ, "HOME": str(isolated_home), "XDG_DATA_HOME": str(tmp_path / "xdg")}
    env.pop("REVISE_DB", None)
    command = [sys.executable, "-m", "revise", "extract", str(NOTES)]
    subprocess.run(command, env=env, check=True, capture_output=True)
    assert (tmp_path / "xdg" / "revise" / "revise.db").exists()
    env["REVISE_DB"] = str(tmp_path / "env.db")
    subprocess.run(command, env=env, check=True, capture_output=True)
    assert (tmp_path / "env.db").exists()


def test_help_of_every_command_has_an_example(revise):
    from typer.main import get_command

    from revise.cli import app

    for name in get_command(app).commands:
        result = revise(name, "--help", db=None)
        assert result.exit_code == 0
        assert "Example:" in result.stdout, f"{name} --help has no example"


def test_long_notes_read_in_pieces_side_by_side_give_the_same_cards(revise, tmp_path,
                                                                    monkeypatch):
    from revise import extract_files
    from revise.notes import split_notes

    units = [f"# Unit {n}: {path.stem}\n\n{path.read_text(encoding='utf-8')}\n"
             for n, path in enumerate(sorted(FIXTURES.glob("*.md")) * 4)]
    notes = tmp_path / "course.md"
    notes.write_text("".join(units), encoding="utf-8")
    monkeypatch.setattr(extract_files, "PIECE_MIN_CHARS", 2000)
    assert len(split_notes(notes.read_text(encoding="utf-8"), 3, min_chars=2000)) == 3

    stored = {}
    for workers in ("1", "3"):
        monkeypatch.setenv("REVISE_WORKERS", workers)
        database = tmp_path / f"workers-{workers}.db"
        result = revise("extract", notes, db=database)
        assert result.exit_code == 0, result.output
        cards = json.loads(revise("cards", "--json", db=database).stdout)
        stored[workers] = [{k: v for k, v in card.items() if k not in ("created", "updated")}
                           for card in cards]
    assert len(stored["1"]) > 30
    assert stored["3"] == stored["1"]


def stored_cards(database) -> dict[str, tuple]:
    with sqlite3.connect(database) as conn:
        return {row[0]: row[1:] for row in conn.execute(
            "SELECT id, question, answer, position, line, slot, retired FROM cards")}


def test_long_notes_edited_and_read_in_pieces_again_keep_each_card(revise, tmp_path,
                                                                   monkeypatch):
    """A file the deck already has cards from is matched whole, not written piece by
    piece: an edited bullet keeps its card, a removed one retires it."""
    from revise import extract_files

    unit = (FIXTURES / "stalin-slice.md").read_text(encoding="utf-8")
    units = [f"# Part {n}\n\n{unit.replace('19', f'1{n}')}\n" for n in range(10)]
    edited = list(units)
    edited[2] = edited[2].replace("Party membership 801,000", "Party membrship 801,000")
    edited[7] = edited[7].replace("* By end of 1738 two thirds of Red Army’s senior officers had"
                                  " been arrested and shot.\n", "")
    notes = tmp_path / "course.md"
    monkeypatch.setattr(extract_files, "PIECE_MIN_CHARS", 1000)

    stored = {}
    for workers in ("1", "2"):
        monkeypatch.setenv("REVISE_WORKERS", workers)
        database = tmp_path / f"workers-{workers}.db"
        notes.write_text("".join(units), encoding="utf-8")
        assert revise("extract", notes, db=database).exit_code == 0
        first = stored_cards(database)
        notes.write_text("".join(edited), encoding="utf-8")
        result = revise("extract", notes, db=database)
        assert result.exit_code == 0, result.output
        stored[workers] = (first, stored_cards(database), result.stdout.split(":")[-1])
    assert stored["2"] == stored["1"]
    first, second, report = stored["2"]
    # the typo's bullet: 2 cards updated; the removed bullet: its 2 cards retired
    assert report.startswith(" 0 new, 2 updated, 2 retired,")
    assert set(second) == set(first)  # the edited cards kept their ids (and history)
    assert sum(row[-1] for row in second.values()) == 2
    assert [card_id for card_id in first if first[card_id] != second[card_id]]


def test_long_notes_with_nothing_to_make_cards_from_write_nothing(revise, tmp_path,
                                                                  monkeypatch, db_file):
    from revise import extract_files

    monkeypatch.setattr(extract_files, "PIECE_MIN_CHARS", 1000)
    monkeypatch.setenv("REVISE_WORKERS", "2")
    revise("extract", NOTES)
    before = cards_json(revise)
    prose = tmp_path / "prose.md"
    prose.write_text("".join(f"# Part {n}\n\nsome thoughts on the reading, none of them"
                             " facts yet\n\n" for n in range(200)), encoding="utf-8")
    assert len(extract_files._pieces(prose.read_text(encoding="utf-8"), 2)) > 1
    for options in ((), ("--dry-run",)):
        assert "found nothing to make cards from" in one_line_error(
            revise("extract", prose, *options))
    assert cards_json(revise) == before


def test_a_new_database_is_filled_in_one_write_and_left_in_wal_mode(revise, tmp_path,
                                                                     monkeypatch):
    from revise import extract_files

    monkeypatch.setattr(extract_files, "PIECE_MIN_CHARS", 2000)
    monkeypatch.setenv("REVISE_WORKERS", "2")
    notes = tmp_path / "course.md"
    notes.write_text("".join(f"# Unit {n}\n\n{NOTES.read_text(encoding='utf-8')}\n"
                             for n in range(3)), encoding="utf-8")
    database = tmp_path / "new.db"
    assert revise("extract", notes, db=database).exit_code == 0
    assert sorted(path.name for path in tmp_path.glob("new.db*")) == ["new.db"]
    with sqlite3.connect(database) as conn:
        assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        assert conn.execute("SELECT count(*) FROM cards").fetchone()[0] > 80


def start_long_extract(tmp_path) -> tuple[subprocess.Popen, object]:
    """`revise extract` of notes long enough to be read in pieces by two processes,
    started in a process group of its own; the process and its database."""
    unit = (FIXTURES / "stalin-slice.md").read_text(encoding="utf-8")
    notes = tmp_path / "course.md"
    notes.write_text("".join(f"# Unit {n}\n\n{unit.replace('19', f'1{n % 10}')}\n"
                             for n in range(700)), encoding="utf-8")
    assert notes.stat().st_size > 600_000  # read in pieces by several processes
    database = tmp_path / "revise.db"
    process = subprocess.Popen(
        [sys.executable, "-m", "revise", "extract", str(notes), "--db", str(database)],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
        env={**os.environ, "REVISE_WORKERS": "2"}, start_new_session=True)
    return process, database


def test_a_first_extract_killed_part_way_leaves_an_empty_database(tmp_path):
    import signal
    import time

    process, database = start_long_extract(tmp_path)
    deadline = time.monotonic() + 30
    journal = tmp_path / "revise.db-journal"
    while time.monotonic() < deadline:  # until the cards' write has begun (the schema's
        if journal.exists() and database.stat().st_size > 0:  # is written by then)
            break
        time.sleep(0.01)
    time.sleep(0.2)
    os.killpg(process.pid, signal.SIGKILL)
    process.communicate(timeout=30)
    assert journal.exists()  # killed mid-write, not after
    with sqlite3.connect(database) as conn:  # opening rolls the half-write back
        assert conn.execute("SELECT count(*) FROM cards").fetchone()[0] == 0
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"


def test_ctrl_c_while_long_notes_are_read_in_pieces_is_one_line(tmp_path):
    """The signal may land before the cards are written or after their commit: either
    none or all of them are stored, never some."""
    import signal
    import time

    process, database = start_long_extract(tmp_path)
    deadline = time.monotonic() + 30
    journal = tmp_path / "revise.db-journal"
    while time.monotonic() < deadline:  # until the cards' write has begun, as above
        if journal.exists() and database.stat().st_size > 0:
            break
        time.sleep(0.01)
    os.killpg(process.pid, signal.SIGINT)  # as a terminal sends it: to every process
    _, stderr = process.communicate(timeout=60)
    if process.returncode == 0:  # finished before the signal came
        stored = "all"
    else:
        assert process.returncode == 130, stderr
        assert stderr.strip().splitlines()[-1].startswith("interrupted"), stderr
        assert len(stderr.strip().splitlines()) == 1, stderr
        stored = "none"
        if database.exists():
            with sqlite3.connect(database) as conn:
                count = conn.execute("SELECT count(*) FROM cards").fetchone()[0]
            stored = "none" if count == 0 else "some"
    if stored != "none":
        notes = tmp_path / "course.md"
        again = subprocess.run(
            [sys.executable, "-m", "revise", "extract", str(notes), "--dry-run", "--db",
             str(database)], capture_output=True, text=True, timeout=120)
        assert again.returncode == 0, again.stderr
        assert " 0 new, 0 updated, 0 retired" in again.stdout, (stored, again.stdout)


@pytest.mark.parametrize("columns", [80, 100])
def test_cards_at_a_terminal_fit_one_line_a_card(revise, db_file, columns):
    pytest.importorskip("pyte")
    from tests.test_setup import Emulated

    revise("extract", NOTES)
    revise_program = os.path.join(os.path.dirname(sys.executable), "revise")
    term = Emulated([revise_program, "cards", "--topic", "Show Trials", "--db", str(db_file)],
                    dict(os.environ), columns=columns, lines=60)
    assert term.finish() == 0
    lines = [line for line in term.shown.splitlines() if line.strip()]
    header, rows = lines[0], lines[2:-1]
    assert header.split() == ["id", "deck", "kind", "question", "answer", "due"]
    shown = cards_json(revise, "--topic", "Show Trials")
    assert len(rows) == len(shown)  # one line a card
    # each card's short id: the start of its id, at least 6 characters, fitting no other
    short = [row.split()[0] for row in rows]
    assert all(len(prefix) >= 6 for prefix in short)
    assert sorted(next(card["id"] for card in shown if card["id"].startswith(prefix))
                  for prefix in short) == sorted(card["id"] for card in shown)
    assert not any("Show Trials" in row for row in rows)  # the topic path is not repeated
    assert all(row.rstrip().endswith("new") for row in rows)


def test_a_dry_run_lists_the_cards_that_would_be_added_updated_and_retired(revise, tmp_path):
    notes = tmp_path / "unit.txt"
    notes.write_text("- Lenin dies 1924\n- Trotsky resigns as Commissar for War 1925\n"
                     "- Kirov murdered December 1934\n")
    assert revise("extract", notes).exit_code == 0
    notes.write_text("- Lenin dies 1924\n- Trotsky resigns as Commissar for War 1926\n"
                     "- Show trials begin 1936\n")
    result = revise("extract", notes, "--dry-run")
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    assert "(dry run: nothing written)" in lines[0]
    assert any(line.startswith("  + new") and "Show trials begin" in line for line in lines)
    updated = [line for line in lines if line.startswith("  ~ updated")]
    assert updated and "1926" in updated[0] and "(was: " in updated[0] and "1925" in updated[0]
    assert any(line.startswith("  - retired") and "Kirov" in line for line in lines)
    assert not any("Lenin" in line for line in lines[1:])  # unchanged: not listed


def test_a_deck_file_given_to_extract_suggests_build(revise):
    from tests.conftest import ROOT

    deck_file = ROOT / "decks" / "purges.toml"
    line = one_line_error(revise("extract", deck_file))
    assert f"revise build {deck_file}" in line


def test_ctrl_c_during_the_write_says_nothing_was_saved(revise, db_file, monkeypatch):
    from revise.store import cards as store_module

    def interrupted(*args, **kwargs):
        raise KeyboardInterrupt

    monkeypatch.setattr(store_module, "remember_extract", interrupted)  # after the cards' write
    result = revise("extract", NOTES)
    assert result.exit_code == 130
    assert result.stderr == "interrupted: nothing was saved\n"
    assert cards_json(revise) == []


def test_ctrl_c_while_exporting_says_the_file_was_not_written(revise, tmp_path, monkeypatch):
    from revise.exporters import csv as csv_format

    revise("extract", NOTES)

    def interrupted(*args, **kwargs):
        raise KeyboardInterrupt

    monkeypatch.setattr(csv_format, "row", interrupted)
    out = tmp_path / "cards.csv"
    result = revise("export", "-o", out)
    assert result.exit_code == 130
    assert result.stderr == f"interrupted: nothing was written to {out}\n"
    assert not out.exists() and not list(tmp_path.glob(".cards.csv.*"))


def test_explain_shows_each_line_with_its_cards_and_writes_nothing(revise, db_file, tmp_path):
    notes = tmp_path / "cells.md"
    notes.write_text("# Cells\n- Nucleus – contains DNA\n- a thought with nothing to ask\n",
                     encoding="utf-8")
    result = revise("extract", notes, "--explain")
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    assert lines[0] == f"{notes}: 1 of 2 lines give cards"
    assert "What does the nucleus contain?" in result.stdout and "DNA" in result.stdout
    skipped = lines.index("    3  a thought with nothing to ask")
    assert lines[skipped + 1].strip().startswith("(no card")
    assert not db_file.exists()


def test_explain_piped_into_a_reader_that_stops_early_is_not_an_error(tmp_path):
    shown = subprocess.run(
        f"{sys.executable} -m revise extract {NOTES} --explain | head -n 2",
        shell=True, capture_output=True, text=True, timeout=60)
    assert len(shown.stdout.splitlines()) == 2
    assert "error" not in shown.stderr
