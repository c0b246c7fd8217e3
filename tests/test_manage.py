"""A user's own cards and decks, through the command line on a real database: short ids,
suspend, edit, delete, add, decks, moved notes and built decks. Every operation keeps
the review log of the cards it touches."""

from __future__ import annotations

import json
import sqlite3
import sys
from datetime import UTC, datetime
from pathlib import Path

import pytest

from revise.store import Store
from tests.conftest import cards_json
from tests.review_support import answer

NOW = datetime(2026, 3, 2, 9, 0, tzinfo=UTC)
RIVALS = "* Rivals\n- Lenin dies 1924\n- Trotsky exiled 1929\n- Kirov murdered 1934\n"


@pytest.fixture
def rivals(revise, tmp_path) -> Path:
    """Notes of three cards, extracted, with an answer given to each card."""
    notes = tmp_path / "rivals.txt"
    notes.write_text(RIVALS, encoding="utf-8")
    assert revise("extract", notes).exit_code == 0
    return notes


@pytest.fixture
def answered(rivals, db_file) -> dict[str, str]:
    """Each card's id by its answer, every card answered once."""
    ids = {card["answer"]: card["id"] for card in _cards(db_file)}
    with Store(db_file) as store:
        for card_id in ids.values():
            answer(store, card_id, 3, NOW)
    return ids


def _cards(db_file: Path) -> list[dict]:
    with Store(db_file, readonly=True) as store:
        return store.cards(include_retired=True)


def review_log(db_file: Path) -> list[tuple]:
    with sqlite3.connect(db_file) as conn:
        return conn.execute("SELECT id, card_id, rating, reviewed_at, state_after FROM reviews"
                            " ORDER BY id").fetchall()


def snapshot(db_file: Path) -> list[tuple]:
    with sqlite3.connect(db_file) as conn:
        return conn.execute("SELECT * FROM cards ORDER BY id").fetchall()


def one_line_error(result) -> str:
    assert result.exit_code == 1, result.output
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    return lines[0]


# --- short ids ---------------------------------------------------------------------------


def test_any_unique_start_of_an_id_names_the_card(revise, db_file, answered):
    card_id = answered["1924"]
    assert revise("suspend", card_id[:6]).exit_code == 0
    assert {card["id"] for card in cards_json(revise, "--suspended")} == {card_id}


def insert_cards(db_file: Path, card_ids: list[str]) -> None:
    with Store(db_file) as store:
        store.conn.execute("INSERT INTO decks (name, created) VALUES ('d', 'now')")
        for card_id in card_ids:
            store.conn.execute(
                "INSERT INTO cards (id, deck_id, source_name, kind, topic, question, answer,"
                " source, created, updated) VALUES (?, 1, 'n', 'basic', '[]', 'q', 'a', 's',"
                " 'now', 'now')", [card_id])


def test_short_ids_are_the_shortest_starts_no_other_card_shares(db_file):
    from revise.store.manage import short_ids

    insert_cards(db_file, ["abcdef0011", "abcdef0099", "ffff000000"])
    with Store(db_file) as store:
        shown = short_ids(store, ["abcdef0011", "abcdef0099", "ffff000000"])
    assert shown == {"abcdef0011": "abcdef001", "abcdef0099": "abcdef009",
                     "ffff000000": "ffff00"}


def test_an_ambiguous_start_lists_the_cards_it_fits_and_changes_nothing(revise, db_file):
    insert_cards(db_file, ["abcdef0011", "abcdef0099", "ffff000000"])
    before = snapshot(db_file)
    message = one_line_error(revise("delete", "ffff", "abc"))
    assert "'abc' fits several cards: abcdef001 (d: q); abcdef009 (d: q)" in message
    assert "empty card id" in one_line_error(revise("delete", ""))
    assert snapshot(db_file) == before
    assert revise("delete", "abcdef00", "abcdef001").exit_code == 1
    assert revise("delete", "abcdef009").exit_code == 0


def test_an_unknown_id_changes_nothing_even_beside_good_ones(revise, db_file, answered):
    before, log = snapshot(db_file), review_log(db_file)
    message = one_line_error(revise("delete", answered["1924"], "zzzz"))
    assert "no card has an id starting with 'zzzz'" in message
    assert snapshot(db_file) == before and review_log(db_file) == log


# --- suspend -----------------------------------------------------------------------------


def test_suspend_by_search_and_unsuspend_by_deck_keep_the_history(revise, db_file, answered):
    log = review_log(db_file)
    result = revise("suspend", "--search", "trotsky")
    assert result.exit_code == 0 and "1 card suspended" in result.stdout
    assert [card["answer"] for card in cards_json(revise, "--suspended")] == ["1929"]
    due = json.loads(revise("due", "--json").stdout)
    assert due["active_cards"] == 2
    result = revise("unsuspend", "--deck", "RIVALS")  # deck names match in any case
    assert result.exit_code == 0 and "1 card unsuspended" in result.stdout
    assert cards_json(revise, "--suspended") == []
    assert review_log(db_file) == log


def test_suspend_needs_cards_named(revise, answered):
    assert "name the cards" in one_line_error(revise("suspend"))
    assert "no deck named 'nope'; decks: rivals" in one_line_error(
        revise("suspend", "--deck", "nope"))


# --- edit --------------------------------------------------------------------------------


def test_an_edit_survives_extracting_the_unchanged_notes_again(revise, db_file, rivals,
                                                              answered):
    card_id, log = answered["1924"], review_log(db_file)
    result = revise("edit", card_id[:7], "--answer", "January 1924")
    assert result.exit_code == 0, result.output
    assert revise("extract", rivals).exit_code == 0
    card = next(card for card in cards_json(revise) if card["id"] == card_id)
    assert card["answer"] == "January 1924"
    assert review_log(db_file) == log


def test_when_an_edited_cards_bullet_changes_extract_says_so_and_keeps_the_edit(
        revise, db_file, rivals, answered):
    card_id, log = answered["1924"], review_log(db_file)
    assert revise("edit", card_id, "--question", "When did Lenin die?").exit_code == 0
    rivals.write_text(RIVALS.replace("Lenin dies", "Lenin dies, aged 53, in"), encoding="utf-8")
    result = revise("extract", rivals)
    assert result.exit_code == 0, result.output
    assert f"card {card_id[:6]}" in result.stdout and "bullet has changed" in result.stdout
    card = next(card for card in cards_json(revise) if card["id"] == card_id)
    assert (card["question"], card["answer"]) == ("When did Lenin die?", "1924")
    assert "aged 53" in card["source"]
    assert review_log(db_file) == log


def test_edit_in_the_editor(revise, db_file, answered, tmp_path, monkeypatch):
    script = tmp_path / "editor.py"
    script.write_text("import sys, pathlib\np = pathlib.Path(sys.argv[1])\n"
                      "text = p.read_text()\np.write_text(text.replace('\\n1924\\n', "
                      "'\\nin 1924\\n'))\n")
    monkeypatch.setenv("EDITOR", f"{sys.executable} {script}")
    monkeypatch.delenv("VISUAL", raising=False)
    assert revise("edit", answered["1924"]).exit_code == 0
    card = next(card for card in cards_json(revise) if card["id"] == answered["1924"])
    assert card["answer"] == "in 1924"


def test_an_empty_answer_is_refused(revise, db_file, answered):
    before = snapshot(db_file)
    assert "cannot be empty" in one_line_error(revise("edit", answered["1924"], "--answer", " "))
    assert snapshot(db_file) == before


# --- delete and restore ------------------------------------------------------------------


def test_a_deleted_card_stays_deleted_through_extracts_and_comes_back_with_its_history(
        revise, db_file, rivals, answered):
    card_id, log = answered["1929"], review_log(db_file)
    assert revise("delete", card_id[:6]).exit_code == 0
    assert card_id not in {card["id"] for card in cards_json(revise)}
    assert [card["id"] for card in cards_json(revise, "--deleted")] == [card_id]
    rivals.write_text(RIVALS.replace("exiled", "exiled from the USSR"), encoding="utf-8")
    assert revise("extract", rivals).exit_code == 0
    assert card_id not in {card["id"] for card in cards_json(revise)}
    assert json.loads(revise("due", "--json").stdout)["active_cards"] == 2
    assert revise("restore-card", card_id[:6]).exit_code == 0
    assert card_id in {card["id"] for card in cards_json(revise)}
    assert review_log(db_file) == log


# --- add ---------------------------------------------------------------------------------


def test_add_one_card_and_more_from_standard_input(revise, db_file, rivals, answered):
    log = review_log(db_file)
    result = revise("add", "--deck", "Rivals", "Who led the NKVD in 1937?", "Yezhov")
    assert result.exit_code == 0 and "to deck rivals" in result.stdout
    result = revise("add", "--deck", "rivals", input="Q one\tA one\nQ two\tA two\n")
    assert result.exit_code == 0 and "2 cards added" in result.stdout
    added = cards_json(revise, "--kind", "BASIC")
    assert [card["answer"] for card in added] == ["Yezhov", "A one", "A two"]
    assert revise("extract", rivals).exit_code == 0  # notes know nothing of them
    assert len(cards_json(revise, "--kind", "basic")) == 3
    assert review_log(db_file) == log


def test_add_refuses_a_line_without_a_tab_and_adds_nothing(revise, db_file, answered):
    before = snapshot(db_file)
    message = one_line_error(revise("add", "--deck", "rivals", input="Q one\tA one\nQ two\n"))
    assert "line 2" in message
    assert snapshot(db_file) == before


# --- decks -------------------------------------------------------------------------------


def test_decks_lists_notes_and_cards_by_state(revise, db_file, rivals, answered):
    assert revise("suspend", answered["1934"]).exit_code == 0
    listed = json.loads(revise("decks", "--json").stdout)
    assert listed == [{"deck": "rivals", "notes": [str(rivals.resolve())], "new": 0,
                       "learning": 2, "review": 0, "suspended": 1, "due_today": 2,
                       "built": False}]


def test_deck_rename_keeps_cards_and_history(revise, db_file, answered):
    log, ids = review_log(db_file), sorted(answered.values())
    result = revise("deck", "rename", "RIVALS", "Rivals of Stalin")
    assert result.exit_code == 0, result.output
    assert sorted(card["id"] for card in cards_json(revise, "--deck", "rivals of stalin")) == ids
    assert review_log(db_file) == log
    assert "no deck named 'rivals'" in one_line_error(revise("deck", "rename", "rivals", "x"))


def test_deck_delete_asks_first_and_backs_up(revise, db_file, answered):
    before = snapshot(db_file)
    result = revise("deck", "delete", "rivals", input="n\n")
    assert result.exit_code != 0 and snapshot(db_file) == before
    result = revise("deck", "delete", "Rivals", "--yes")
    assert result.exit_code == 0, result.output
    assert snapshot(db_file) == [] and review_log(db_file) == []
    backups = list(db_file.parent.glob("revise-*.backup.db"))
    assert len(backups) == 1 and len(review_log(backups[0])) == 3


# --- notes moved or emptied --------------------------------------------------------------


def test_a_moved_notes_file_keeps_its_cards_and_history(revise, db_file, rivals, answered,
                                                        tmp_path):
    log = review_log(db_file)
    moved = tmp_path / "topics" / "rivals of stalin.md"
    moved.parent.mkdir()
    rivals.rename(moved)
    found = revise("doctor").stdout
    assert "revise extract NEW_PATH --deck rivals" in found
    result = revise("extract", moved, "--deck", "Rivals")
    assert result.exit_code == 0, result.output
    assert "0 new" in result.stdout and "came over from" in result.stdout
    assert sorted(card["id"] for card in cards_json(revise)) == sorted(answered.values())
    assert review_log(db_file) == log
    assert revise("doctor").exit_code == 0


def test_emptied_notes_retire_their_cards(revise, db_file, rivals, answered):
    log = review_log(db_file)
    rivals.write_text("", encoding="utf-8")
    result = revise("extract", rivals)
    assert result.exit_code == 0, result.output
    assert "3 cards retired" in result.stdout
    assert cards_json(revise) == [] and review_log(db_file) == log


# --- teachers ----------------------------------------------------------------------------


def test_a_built_deck_stays_out_of_the_builders_review_and_keeps_its_ids(revise, db_file,
                                                                        tmp_path):
    notes = tmp_path / "class.txt"
    notes.write_text(RIVALS, encoding="utf-8")
    deck_file = tmp_path / "class.toml"
    deck_file.write_text('name = "Class"\nnotes = ["class.txt"]\n', encoding="utf-8")
    assert revise("build", deck_file, "-o", tmp_path / "class.apkg").exit_code == 0
    due = json.loads(revise("due", "--json").stdout)
    assert due["left_today"] == 0 and due["decks"] == []
    first = {card["answer"]: card["id"] for card in cards_json(revise)}
    notes.write_text(RIVALS.replace("exiled", "exiled to Alma-Ata"), encoding="utf-8")
    assert revise("build", deck_file, "-o", tmp_path / "class2.apkg", "--force").exit_code == 0
    assert {card["answer"]: card["id"] for card in cards_json(revise)} == first


def test_a_package_gives_a_student_the_kinds_and_the_bullets(revise, db_file, tmp_path):
    notes = tmp_path / "dates.txt"
    notes.write_text("* Rivals\n- Lenin dies 1924 and Trotsky is exiled 1929\n"
                     "- kulak: a peasant wealthy enough to hire labour\n", encoding="utf-8")
    assert revise("extract", notes).exit_code == 0
    kinds = sorted(card["kind"] for card in cards_json(revise))
    assert revise("export", "-o", tmp_path / "out.apkg").exit_code == 0
    student = tmp_path / "student.db"
    assert revise("import", tmp_path / "out.apkg", db=student).exit_code == 0
    imported = cards_json(lambda *args: revise(*args, db=student))
    assert sorted(card["kind"] for card in imported) == kinds
    with Store(student, readonly=True) as store:
        places = store.conn.execute("SELECT position, count(*) FROM cards GROUP BY position"
                                    " ORDER BY position").fetchall()
    assert [count for _, count in places] == [2, 2]  # the two cards of a bullet share its place


def test_a_cloze_card_goes_to_anki_as_a_cloze_note(db_file, tmp_path):
    from revise.export import export_cards
    from revise.exporters.apkg import CLOZE_MODEL_ID
    from revise.models import CardDraft, Kind

    text = "{{c1::Lenin}} died in {{c2::1924}}"
    drafts = [CardDraft(deck="d", topic=(), kind=Kind.CLOZE, question=text, answer=answer,
                        source="Lenin died in 1924", slot=slot)
              for slot, answer in enumerate(("Lenin", "1924"))]
    with Store(db_file) as store:
        store.sync_cards("d", tmp_path / "n.md", drafts, now=NOW)
        out = tmp_path / "c.apkg"
        assert export_cards(store, out, "apkg", deck="d") == 2
    import zipfile

    with zipfile.ZipFile(out) as package:
        package.extract("collection.anki2", tmp_path)
    with sqlite3.connect(tmp_path / "collection.anki2") as conn:
        notes = conn.execute("SELECT mid, flds FROM notes").fetchall()
        cards = conn.execute("SELECT ord FROM cards ORDER BY ord").fetchall()
    assert [mid for mid, _ in notes] == [CLOZE_MODEL_ID]
    assert notes[0][1].split("\x1f")[0] == text
    assert cards == [(0,), (1,)]


def test_a_renamed_deck_is_where_its_notes_go_on_being_extracted(revise, db_file, rivals,
                                                                 answered):
    assert revise("deck", "rename", "rivals", "Stalin's rivals").exit_code == 0
    result = revise("extract", rivals)
    assert result.exit_code == 0 and "→ deck Stalin's rivals: 0 new" in result.stdout
    assert [deck["deck"] for deck in json.loads(revise("decks", "--json").stdout)] == [
        "Stalin's rivals"]


def test_with_only_a_built_deck_due_and_the_dashboard_say_why_nothing_is_due(revise,
                                                                            tmp_path):
    (tmp_path / "class.txt").write_text(RIVALS, encoding="utf-8")
    deck_file = tmp_path / "class.toml"
    deck_file.write_text('name = "Class"\nnotes = ["class.txt"]\n', encoding="utf-8")
    assert revise("build", deck_file).exit_code == 0
    assert "Only decks built to hand out (Class)" in revise("due").stdout
    assert "Only decks built to hand out (Class)" in revise().stdout
    listed = json.loads(revise("decks", "--json").stdout)
    assert [(deck["deck"], deck["built"], deck["due_today"]) for deck in listed] == [
        ("Class", True, None)]
