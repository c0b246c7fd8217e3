"""`revise extract` of notes that have not changed answers without parsing them again,
and only then: any change to the notes, the deck, or the cards since makes it do the
full work."""

from __future__ import annotations

import json
import sqlite3

import pytest

from revise import models

NOTES = "* Rivals\n- Lenin dies 1924\n- Trotsky resigns as Commissar for War 1925\n"


@pytest.fixture
def notes(tmp_path):
    path = tmp_path / "rise.txt"
    path.write_text(NOTES, encoding="utf-8")
    return path


def report(result) -> str:
    assert result.exit_code == 0, result.output
    return result.stdout.strip()


@pytest.fixture
def parses(monkeypatch) -> list[str]:
    """Each time notes are parsed into cards, the deck they were parsed for."""
    from revise import extract

    calls: list[str] = []
    real = extract.extract_cards

    def counting(text: str, deck: str):
        calls.append(deck)
        return real(text, deck)

    monkeypatch.setattr(extract, "extract_cards", counting)
    return calls


def test_unchanged_notes_are_not_parsed_again(revise, notes, parses):
    assert "2 new" in report(revise("extract", notes))
    assert report(revise("extract", notes)).endswith(
        "0 new, 0 updated, 0 retired, 2 unchanged")
    assert parses == ["rise"]


def test_edited_notes_are_extracted_in_full(revise, notes):
    revise("extract", notes)
    notes.write_text(NOTES + "- Stalin General Secretary from 1922\n", encoding="utf-8")
    assert "1 new, 0 updated, 0 retired, 2 unchanged" in report(revise("extract", notes))


def test_cards_changed_since_by_other_means_are_synced_again(revise, notes, db_file):
    revise("extract", notes)
    with sqlite3.connect(db_file) as conn:
        conn.execute("UPDATE cards SET retired = 1, updated = 'later' WHERE answer = '1924'")
    assert "0 new, 1 updated, 0 retired, 1 unchanged" in report(revise("extract", notes))


def test_another_deck_or_another_extractor_version_reads_the_notes_again(revise, notes, parses,
                                                              monkeypatch):
    revise("extract", notes)
    assert "2 new" in report(revise("extract", notes, "--deck", "other"))
    monkeypatch.setattr(models, "EXTRACTOR_VERSION", models.EXTRACTOR_VERSION + 1)
    assert "2 unchanged" in report(revise("extract", notes))
    assert parses == ["rise", "other", "rise"]


def test_dry_run_and_json_always_read_the_notes(revise, notes, parses):
    revise("extract", notes)
    assert "dry run" in report(revise("extract", notes, "--dry-run"))
    cards = json.loads(revise("extract", notes, "--json").stdout)
    assert "1924" in [card["answer"] for card in cards]
    assert parses == ["rise"] * 3
