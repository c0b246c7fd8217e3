"""`revise import`: Anki packages, Anki text files and CSV into the database, idempotently."""

from __future__ import annotations

import json
import re
import zipfile

import genanki
import pytest

from revise.importers import card_id, cloze_cards, html_to_text, read_text
from tests.conftest import cards_json
from tests.share_support import TRICKY, review, seed

# --- pieces ----------------------------------------------------------------------------


@pytest.mark.parametrize(("field", "text"), [
    ("plain", "plain"),
    ("a &lt;b&gt; &amp; &quot;c&quot;", 'a <b> & "c"'),
    ("<b>bold</b> and <i>it</i>", "bold and it"),
    ("one<br>two<div>three</div>", "one\ntwo\nthree"),
    ("x&nbsp;y [sound:a.mp3]<img src='p.png'>", "x y"),
    ("<style>.c{}</style>shown", "shown"),
])
def test_html_fields_become_the_text_they_show(field, text):
    assert html_to_text(field) == text


def test_each_cloze_number_is_one_card_with_the_others_shown():
    assert cloze_cards("{{c1::Kirov}} died {{c2::1934::year}} in {{c1::Leningrad}}") == [
        (1, "[...] died 1934 in [...]", "Kirov; Leningrad"),
        (2, "Kirov died [year] in Leningrad", "1934"),
    ]


def test_card_ids_come_from_the_guid_and_keep_revise_ids():
    assert card_id("0123456789abcdef") == "0123456789abcdef"
    assert card_id("Ab!x#9") == card_id("Ab!x#9") != card_id("Ab!x#8")
    assert card_id("0123456789abcdef", 2) != "0123456789abcdef"


# --- round trip ----------------------------------------------------------------------------


def test_apkg_round_trip_gives_the_same_questions_answers_decks_and_topics(
        revise, db_file, tmp_path):
    cards = seed(db_file)
    review(db_file, cards[0]["id"])
    revise("export", "-f", "apkg", "--with-scheduling", "-o", tmp_path / "deck.apkg")
    other = tmp_path / "other.db"
    result = revise("import", tmp_path / "deck.apkg", db=other)
    assert result.exit_code == 0, result.output
    assert result.stdout.startswith(f"{tmp_path / 'deck.apkg'} → deck Stalin::Rise: 3 new")

    def key(card):
        return (card["id"], card["question"], card["answer"], card["deck"], card["topic"],
                card["source"])

    assert [key(card) for card in cards_json(revise, "--db", other)] == [
        key(card) for card in cards]


def test_importing_the_same_file_twice_creates_no_duplicates(revise, db_file, tmp_path):
    seed(db_file)
    revise("export", "-f", "apkg", "-o", tmp_path / "deck.apkg")
    other = tmp_path / "other.db"
    revise("import", tmp_path / "deck.apkg", db=other)
    again = revise("import", tmp_path / "deck.apkg", db=other)
    assert "0 new, 0 updated, 0 retired, 3 unchanged" in again.stdout
    assert len(cards_json(revise, "--db", other)) == 3


def test_importing_cards_revise_already_has_skips_them(revise, db_file, tmp_path):
    seed(db_file)
    revise("export", "-f", "apkg", "-o", tmp_path / "deck.apkg")
    result = revise("import", tmp_path / "deck.apkg")
    assert "3 cards already in revise from elsewhere, skipped" in result.stdout
    assert len(cards_json(revise)) == 3


def test_anki_text_and_csv_exports_import_back(revise, db_file, tmp_path):
    cards = seed(db_file)
    for format_name, name in (("anki-txt", "deck.txt"), ("csv", "deck.csv")):
        revise("export", "-f", format_name, "-o", tmp_path / name)
        other = tmp_path / f"{name}.db"
        assert revise("import", tmp_path / name, db=other).exit_code == 0
        back = cards_json(revise, "--db", other)
        assert [(card["id"], card["question"], card["answer"], card["deck"]) for card in back] \
            == [(card["id"], card["question"], card["answer"], card["deck"]) for card in cards]
    assert back[1]["topic"] == ["Rise to power", "Round 2 – Left"]  # csv keeps topic and kind
    assert [card["kind"] for card in back] == [card["kind"] for card in cards]
    assert back[1]["answer"] == TRICKY


# --- packages written by others ---------------------------------------------------------------


def foreign_package(path, *, back="Paris"):
    deck = genanki.Deck(2059400110, "Geography::Europe")
    deck.add_note(genanki.Note(model=genanki.BASIC_MODEL, fields=["Capital of <b>France</b>?",
                                                                  back],
                               guid="k9#Qx!2zLp", tags=["geo::europe", "capitals"]))
    deck.add_note(genanki.Note(model=genanki.CLOZE_MODEL,
                               fields=["{{c1::Kirov}} was murdered in {{c2::1934}}", ""],
                               guid="Zz0-cloze1"))
    genanki.Package(deck).write_to_file(str(path))


def test_basic_and_cloze_notes_keep_their_deck_and_tags(revise, tmp_path):
    foreign_package(tmp_path / "geo.apkg")
    result = revise("import", tmp_path / "geo.apkg")
    assert result.exit_code == 0, result.output
    cards = {card["question"]: card for card in cards_json(revise)}
    assert set(cards) == {"Capital of France?", "[...] was murdered in 1934",
                          "Kirov was murdered in [...]"}
    capital = cards["Capital of France?"]
    assert (capital["deck"], capital["kind"], capital["answer"]) == (
        "Geography::Europe", "basic", "Paris")
    assert cards["Kirov was murdered in [...]"]["kind"] == "cloze"
    assert cards["Kirov was murdered in [...]"]["answer"] == "1934"
    from revise.store import Store

    with Store(tmp_path / "revise.db") as store:
        tags = {card["question"]: card["tags"] for card in store.cards()}
    assert tags["Capital of France?"] == ["geo::europe", "capitals"]


def test_a_newer_version_of_a_package_updates_its_cards_in_place(revise, tmp_path):
    foreign_package(tmp_path / "geo.apkg")
    revise("import", tmp_path / "geo.apkg")
    before = {card["question"]: card["id"] for card in cards_json(revise)}
    foreign_package(tmp_path / "geo.apkg", back="Paris (since 508)")
    result = revise("import", tmp_path / "geo.apkg")
    assert "0 new, 1 updated, 0 retired, 2 unchanged" in result.stdout
    after = {card["question"]: (card["id"], card["answer"]) for card in cards_json(revise)}
    assert after["Capital of France?"] == (before["Capital of France?"], "Paris (since 508)")


# --- text files --------------------------------------------------------------------------------


def test_plain_csv_with_a_header_row(tmp_path):
    path = tmp_path / "class.csv"
    path.write_text("Front,Back,Tags\n\"Who, in 1934?\",Kirov,purges\nEmpty,,\n",
                    encoding="utf-8")
    cards = read_text(path, "class")
    assert [(card.question, card.answer, card.deck, card.tags) for card in cards] == [
        ("Who, in 1934?", "Kirov", "class", ("purges",))]
    assert cards[0].line == 2


def test_anki_text_headers_set_separator_deck_and_html(tmp_path):
    path = tmp_path / "notes.txt"
    path.write_text("#separator:semicolon\n#html:true\n#deck:Russia\n#tags:unit1\n"
                    "\"a &amp; b\";<i>c</i>\n", encoding="utf-8")
    [card] = read_text(path, "notes")
    assert (card.question, card.answer, card.deck, card.tags) == ("a & b", "c", "Russia",
                                                                  ("unit1",))


def test_text_without_headers_is_question_tab_answer(tmp_path):
    path = tmp_path / "quick.txt"
    path.write_text("When did Lenin die?\t1924\n{{c1::Kirov}} murdered 1934\t\n",
                    encoding="utf-8")
    cards = read_text(path, "quick")
    assert [(card.kind, card.question, card.answer) for card in cards] == [
        ("basic", "When did Lenin die?", "1924"), ("cloze", "[...] murdered 1934", "Kirov")]


# --- refusals --------------------------------------------------------------------------------


def test_a_missing_file_is_a_one_line_error(revise, tmp_path):
    result = revise("import", tmp_path / "none.apkg")
    assert result.exit_code == 1
    assert result.stderr == f"error: {tmp_path / 'none.apkg'}: no such file\n"


def test_a_zip_that_is_not_a_package_is_refused(revise, tmp_path):
    with zipfile.ZipFile(tmp_path / "x.apkg", "w") as archive:
        archive.writestr("readme.txt", "hello")
    result = revise("import", tmp_path / "x.apkg")
    assert result.exit_code == 1
    assert "is not an Anki package (no collection inside)" in result.stderr


def test_a_file_with_no_notes_is_refused(revise, tmp_path):
    (tmp_path / "empty.csv").write_text("question,answer\n", encoding="utf-8")
    result = revise("import", tmp_path / "empty.csv")
    assert result.exit_code == 1
    assert result.stderr == (f"error: {tmp_path / 'empty.csv'}: found no notes to make cards "
                             "from (import reads Anki .apkg packages, Anki text, .csv and "
                             "revise's own .json)\n")


def test_a_file_named_like_the_notes_of_a_deck_is_not_synced_over_them(revise, tmp_path):
    notes = tmp_path / "notes" / "unit.txt"
    notes.parent.mkdir()
    notes.write_text("* Kirov\n- murdered Dec 1934\n", encoding="utf-8")
    assert revise("extract", notes).exit_code == 0  # deck "unit"
    before = cards_json(revise)
    other = tmp_path / "unit.txt"
    other.write_text("When did Lenin die?\t1924\n", encoding="utf-8")
    result = revise("import", other)
    assert result.exit_code == 1
    assert "already has cards from" in result.stderr and "rename unit.txt" in result.stderr
    assert cards_json(revise) == before
    assert revise("import", other, "--deck", "quiz").exit_code == 0


# --- revise's own JSON, and files import does not read -----------------------------------


def test_a_json_export_imports_back_into_another_database(revise, db_file, tmp_path):
    from tests.conftest import NOTES

    revise("extract", NOTES)
    exported = tmp_path / "cards.json"
    assert revise("export", "-o", exported).exit_code == 0
    other = tmp_path / "other.db"
    result = revise("import", exported, "--db", other, db=None)
    assert result.exit_code == 0, result.output
    assert re.search(r" [1-9]\d+ new, 0 updated", result.stdout)
    mine = {(card["id"], card["question"], card["answer"], card["kind"], tuple(card["topic"]))
            for card in cards_json(revise)}
    theirs = revise("cards", "--json", "--db", other, db=None)
    assert {(card["id"], card["question"], card["answer"], card["kind"], tuple(card["topic"]))
            for card in json.loads(theirs.stdout)} == mine
    again = revise("import", exported, "--db", other, db=None)
    assert re.search(r"0 new, 0 updated, 0 retired, [1-9]\d+ unchanged", again.stdout)


def test_json_that_is_not_cards_says_what_import_reads(revise, tmp_path):
    path = tmp_path / "settings.json"
    path.write_text('{"theme": "dark"}')
    result = revise("import", path)
    assert result.exit_code == 1
    assert "not cards as revise export writes them" in result.stderr
    assert ".apkg" in result.stderr and result.stderr.count("\n") == 1


# --- a first import ----------------------------------------------------------------------------


def _stored(db_file) -> list[tuple]:
    """Every card as stored (its deck by name), but those of the deck `seed` fills."""
    import sqlite3

    conn = sqlite3.connect(db_file)
    conn.row_factory = sqlite3.Row
    rows = conn.execute("SELECT decks.name AS deck_name, cards.* FROM cards JOIN decks"
                        " ON decks.id = cards.deck_id WHERE decks.name != 'Elsewhere'"
                        " ORDER BY cards.rowid").fetchall()
    conn.close()
    return [tuple(value for key, value in zip(row.keys(), row, strict=True) if key != "deck_id")
            for row in rows]


@pytest.mark.parametrize("kind", ["foreign", "revise", "csv"])
def test_a_first_import_stores_what_an_import_beside_other_cards_stores(tmp_path, kind):
    from revise.exporters.apkg import write
    from revise.importers import import_file
    from revise.store import Store
    from revise.store.share import export_card_rows, export_decks
    from tests.share_support import NOW

    if kind == "foreign":
        path = tmp_path / "geo.apkg"
        foreign_package(path)
    elif kind == "revise":
        path = tmp_path / "stalin.apkg"
        seed(tmp_path / "made.db")
        with Store(tmp_path / "made.db") as store:
            write(export_card_rows(store), path, decks=export_decks(store))
    else:
        path = tmp_path / "class.csv"
        path.write_text("question,answer,deck,tags\nq1,a1,A,x y\nq2,a2,B,\nq1,a1,A,x y\n"
                        "q3,a3,A,z\n", encoding="utf-8")
    stored, reports = [], []
    for name, others in (("first.db", False), ("beside.db", True)):
        if others:
            seed(tmp_path / name, deck="Elsewhere")
        with Store(tmp_path / name, bulk=True) as store:
            reports.append(str(import_file(store, path, now=NOW)))
        stored.append(_stored(tmp_path / name))
    assert stored[0] == stored[1] and len(stored[0]) >= 3
    assert reports[0] == reports[1]
