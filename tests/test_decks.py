"""Deck files: reading and checking them, choosing cards, and `revise build`."""

from __future__ import annotations

import sqlite3
import zipfile
from pathlib import Path

import pytest

from revise.decks import DeckFile, DeckFileError, load_deck, parse_deck
from revise.models import CardDraft, Kind
from tests.conftest import ROOT, cards_json

DECKS = ROOT / "decks"
GOOD = """\
name = "The Purges"
description = "Show trials and the Terror."
notes = ["notes.txt"]
include = ["purges"]
exclude = ["background"]
kinds = ["date", "figure"]
max_cards = 2
"""


@pytest.fixture
def folder(tmp_path) -> Path:
    (tmp_path / "notes.txt").write_text("* Kirov\n- murdered Dec 1934\n", encoding="utf-8")
    return tmp_path


def error_of(text: str, folder: Path) -> str:
    with pytest.raises(DeckFileError) as caught:
        parse_deck(text, folder / "deck.toml")
    return str(caught.value)


def draft(topic: tuple[str, ...], kind: Kind = Kind.DATE) -> CardDraft:
    return CardDraft(deck="d", topic=topic, kind=kind, question="q", answer="a", source="s")


# --- reading ----------------------------------------------------------------------------


def test_a_deck_file_names_deck_notes_topics_kinds_and_cap(folder):
    deck = parse_deck(GOOD, folder / "deck.toml")
    assert deck == DeckFile(path=folder / "deck.toml", name="The Purges",
                            description="Show trials and the Terror.",
                            notes=(folder / "notes.txt",), include=("purges",),
                            exclude=("background",), kinds=("date", "figure"), max_cards=2)


def test_notes_paths_are_relative_to_the_deck_file(folder):
    (folder / "decks").mkdir()
    (folder / "decks" / "unit").mkdir()
    (folder / "decks" / "unit" / "notes.txt").write_text("- a 1924\n", encoding="utf-8")
    deck = parse_deck('name = "x"\nnotes = ["unit/notes.txt"]\n', folder / "decks" / "x.toml")
    assert deck.notes == (folder / "decks" / "unit" / "notes.txt",)


@pytest.mark.parametrize(("text", "message"), [
    ('name = "x"\nnotes = ["notes.txt"\n', "line 3: "),
    ('name = "x"\nnotes = ["notes.txt"]\ntopics = ["a"]\n',
     "line 3: unknown key 'topics'; a deck file has name, description, notes, include, "
     "exclude, kinds, max_cards"),
    ('notes = ["notes.txt"]\n', "line 1: missing 'name'"),
    ('name = "x"\n', "line 1: missing 'notes'"),
    ('name = ""\nnotes = ["notes.txt"]\n', "line 1: 'name' must be a non-empty string"),
    ('name = "x"\nnotes = [\n  "notes.txt",\n  "gone.txt",\n]\n',
     "line 4: notes file 'gone.txt' not found"),
    ('name = "x"\nnotes = ["notes.txt"]\nkinds = ["date", "essay"]\n',
     "line 3: unknown kind 'essay'; choose from date, figure"),
    ('name = "x"\nnotes = ["notes.txt"]\ninclude = [1]\n',
     "line 3: 'include' must be a list of strings"),
    ('name = "x"\nnotes = ["notes.txt"]\n\nmax_cards = 0\n',
     "line 4: 'max_cards' must be a whole number above 0"),
    ('name = "x"\nnotes = []\n', "line 2: 'notes' names no notes file"),
])
def test_a_bad_deck_file_is_an_error_naming_file_line_and_problem(folder, text, message):
    error = error_of(text, folder)
    assert error.startswith(f"{folder / 'deck.toml'}, {message}")
    assert "\n" not in error


def test_a_toml_syntax_error_gives_its_line_and_column(folder):
    error = error_of('name = "x"\nnotes = ["notes.txt"]\nmax_cards = = 3\n', folder)
    assert error == f"{folder / 'deck.toml'}, line 3: invalid value (column 13)"


def test_a_missing_deck_file_is_an_error(tmp_path):
    with pytest.raises(DeckFileError, match="no such deck file"):
        load_deck(tmp_path / "none.toml")


# --- choosing cards -------------------------------------------------------------------------


def test_topics_match_case_insensitively_anywhere_in_the_path(folder):
    deck = parse_deck(GOOD, folder / "deck.toml")
    assert deck.wants(draft(("Purges – impact on society", "Show Trials")))
    assert not deck.wants(draft(("Purges – impact", "Background")))  # excluded
    assert not deck.wants(draft(("Foreign relations",)))  # not included
    assert not deck.wants(draft(("The PURGES",), Kind.CAUSE))  # kind not chosen


def test_no_include_means_every_topic(folder):
    deck = parse_deck('name = "x"\nnotes = ["notes.txt"]\n', folder / "deck.toml")
    assert deck.wants(draft(())) and deck.wants(draft(("Anything",), Kind.LIST))


# --- revise build ----------------------------------------------------------------------------


@pytest.fixture
def extractor():
    return pytest.importorskip("revise.extract")


def test_build_refuses_a_bad_deck_file_in_one_line(revise, folder):
    (folder / "bad.toml").write_text('name = "x"\nnotes = ["notes.txt"]\ncolour = 1\n')
    result = revise("build", folder / "bad.toml")
    assert result.exit_code == 1
    assert result.stderr.startswith(f"error: {folder / 'bad.toml'}, line 3: unknown key")
    assert result.stderr.count("\n") == 1


@pytest.mark.parametrize("deck_file", sorted(DECKS.glob("*.toml")), ids=lambda path: path.stem)
def test_shipped_deck_files_build_from_the_shipped_notes(revise, extractor, deck_file):
    deck = load_deck(deck_file, allow_outside=True)
    result = revise("build", deck_file, "--allow-outside")
    assert result.exit_code == 0, result.output
    cards = cards_json(revise, "--deck", deck.name)
    assert len(cards) >= 10, f"{deck_file.name} chose only {len(cards)} cards"
    assert all(deck.wants(CardDraft(deck=deck.name, topic=tuple(card["topic"]),
                                    kind=Kind(card["kind"]), question="", answer="", source=""))
               for card in cards)
    if deck.max_cards:
        assert len(cards) <= deck.max_cards


def test_the_four_decks_are_shipped():
    assert sorted(load_deck(path, allow_outside=True).name for path in DECKS.glob("*.toml")) == [
        "Collectivization and the Five-Year Plans", "Foreign policy 1934-41",
        "Stalin's USSR: the whole unit", "The Purges"]


def test_build_again_after_editing_notes_keeps_the_cards(revise, extractor, tmp_path):
    notes = tmp_path / "notes.txt"
    notes.write_text((ROOT / "data" / "notes.txt").read_text(encoding="utf-8"),
                     encoding="utf-8")
    deck_file = tmp_path / "purges.toml"
    deck_file.write_text((DECKS / "purges.toml").read_text(encoding="utf-8").replace(
        "../data/notes.txt", "notes.txt"), encoding="utf-8")
    assert revise("build", deck_file).exit_code == 0
    before = {card["id"] for card in cards_json(revise, "--deck", "The Purges")}
    again = revise("build", deck_file)
    assert again.exit_code == 0
    assert ": 0 new, 0 updated, 0 retired" in again.stdout
    assert {card["id"] for card in cards_json(revise, "--deck", "The Purges")} == before


def test_build_straight_to_a_package(revise, extractor, tmp_path):
    out = tmp_path / "purges.apkg"
    result = revise("build", DECKS / "purges.toml", "--allow-outside", "-o", out)
    assert result.exit_code == 0, result.output
    with zipfile.ZipFile(out) as archive:
        (tmp_path / "c.anki2").write_bytes(archive.read("collection.anki2"))
    col = sqlite3.connect(tmp_path / "c.anki2")
    count = col.execute("SELECT count(*) FROM notes").fetchone()[0]
    assert count == len(cards_json(revise, "--deck", "The Purges")) > 0
    assert "The Purges" in col.execute("SELECT decks FROM col").fetchone()[0]
    again = revise("build", DECKS / "purges.toml", "--allow-outside", "-o", out)
    assert again.exit_code == 1  # exists


def test_build_to_a_file_of_unknown_kind_is_refused(revise, tmp_path):
    result = revise("build", DECKS / "purges.toml", "--allow-outside", "-o",
                    tmp_path / "deck.docx")
    assert result.exit_code == 1
    assert "cannot tell the format" in result.stderr


# --- deck files from others --------------------------------------------------------------


@pytest.fixture
def sent(tmp_path) -> Path:
    """A deck file someone sent, in its own folder, beside a private file of the user."""
    (tmp_path / "private.txt").write_text("* Secrets\n- the secret key hunter2 was set in 1934\n",
                                          encoding="utf-8")
    (tmp_path / "sent").mkdir()
    (tmp_path / "sent" / "notes.txt").write_text("* Kirov\n- murdered Dec 1934\n",
                                                 encoding="utf-8")
    return tmp_path / "sent"


@pytest.mark.parametrize("item", ["../private.txt", "sub/../../private.txt", "{private}"])
def test_a_deck_file_cannot_read_notes_outside_its_folder(sent, item):
    item = item.format(private=sent.parent / "private.txt")
    text = f'name = "x"\nnotes = ["notes.txt", "{item}"]\n'
    (sent / "sub").mkdir()
    error = error_of(text, sent)
    assert error == (f"{sent / 'deck.toml'}, line 2: notes file {item!r} is outside the deck "
                     "file's folder; pass --allow-outside if you trust this deck file")


def test_a_symbolic_link_out_of_the_folder_is_outside_too(sent):
    (sent / "link").symlink_to(sent.parent)
    (sent / "mine.txt").symlink_to(sent.parent / "private.txt")
    for item in ("link/private.txt", "mine.txt"):
        assert "is outside the deck file's folder" in error_of(
            f'name = "x"\nnotes = ["{item}"]\n', sent)


def test_allow_outside_lets_a_trusted_deck_file_read_anywhere(sent):
    deck = parse_deck('name = "x"\nnotes = ["../private.txt"]\n', sent / "deck.toml",
                      allow_outside=True)
    assert deck.notes == (sent.parent / "private.txt",)


def test_build_refuses_a_sent_deck_file_reading_a_private_file(revise, sent):
    deck_file = sent / "deck.toml"
    deck_file.write_text('name = "sent"\nnotes = ["../private.txt", "/etc/hostname"]\n',
                         encoding="utf-8")
    result = revise("build", deck_file)
    assert result.exit_code == 1
    assert result.stderr == (
        f"error: {deck_file}, line 2: notes file '../private.txt' is outside the deck file's "
        "folder; pass --allow-outside if you trust this deck file\n")
    assert cards_json(revise) == []


def test_build_with_allow_outside_reads_the_files_the_user_trusts(revise, extractor, sent):
    deck_file = sent / "deck.toml"
    deck_file.write_text('name = "mine"\nnotes = ["../private.txt"]\n', encoding="utf-8")
    assert revise("build", deck_file, "--allow-outside").exit_code == 0
    cards = cards_json(revise)
    assert {card["deck"] for card in cards} == {"mine"}
    assert any("hunter2" in card["question"] + card["answer"] for card in cards)


def test_a_deck_files_name_and_description_lose_their_control_sequences(folder):
    deck = parse_deck('name = "Purges\\u001b]0;PWNED\\u0007\\u001b[31m"\n'
                      'description = "red\\u001b[0m\\nline"\nnotes = ["notes.txt"]\n',
                      folder / "deck.toml")
    assert (deck.name, deck.description) == ("Purges", "red line")
