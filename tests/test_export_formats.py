"""`revise export`: the apkg, anki-txt, csv and md formats, and the command's refusals."""

from __future__ import annotations

import csv
import io
import json
import sqlite3
import zipfile
from datetime import UTC, datetime, timedelta

import pytest

from revise.exporters import anki_tags, html_field, topic_tag
from revise.exporters.apkg import CLOZE_MODEL_ID, MODEL_ID, deck_id
from revise.exporters.markdown import render
from revise.store import Store
from revise.times import iso
from tests.share_support import NOTES, NOW, TRICKY, drafts, review, seed


def collection(package, tmp_path):
    """The SQLite collection inside an .apkg, opened read-only."""
    target = tmp_path / "unpacked.anki2"
    with zipfile.ZipFile(package) as archive:
        assert set(archive.namelist()) == {"collection.anki2", "media"}
        target.write_bytes(archive.read("collection.anki2"))
    return sqlite3.connect(target)


# --- shared helpers ----------------------------------------------------------------


def test_topic_becomes_a_hierarchical_tag_with_spaces_made_safe():
    assert topic_tag(["Rise to power", "Round 1 – Trotsky"]) == "Rise_to_power::Round_1_–_Trotsky"


def test_colons_inside_a_title_do_not_nest_the_tag():
    assert topic_tag(["Terror:: 1937 ", "Why?"]) == "Terror:_1937::Why?"


def test_imported_tags_follow_the_topic_tag():
    card = {"topic": ["Purges"], "tags": ["history", "Purges", "two words"]}
    assert anki_tags(card) == ["Purges", "history", "two_words"]


def test_html_field_escapes_markup_and_keeps_line_breaks():
    assert html_field('a < b & "c" > d\nnext') == 'a &lt; b &amp; "c" &gt; d<br>next'


# --- apkg --------------------------------------------------------------------------


def test_apkg_has_one_note_per_card_with_guid_from_the_card_id(revise, db_file, tmp_path):
    cards = seed(db_file)
    out = tmp_path / "deck.apkg"
    result = revise("export", "--format", "apkg", "-o", out)
    assert result.exit_code == 0, result.output
    assert "3 cards" in result.stdout
    col = collection(out, tmp_path)
    notes = col.execute("SELECT guid, mid, flds, tags FROM notes ORDER BY guid").fetchall()
    assert sorted(guid for guid, *_ in notes) == sorted(card["id"] for card in cards)
    assert {mid for _, mid, _, _ in notes} == {MODEL_ID}
    assert col.execute("SELECT count(*) FROM cards").fetchone() == (3,)
    fields = {flds.split("\x1f")[0]: flds.split("\x1f") for _, _, flds, _ in notes}
    assert fields["Who formed the United Opposition?"] == [
        "Who formed the United Opposition?",
        "Trotsky &amp; \"Left\" &lt;United Opposition&gt; '1926'",
        "Rise to power › Round 2 – Left",
        "1926 Trotsky, Zinoviev, Kamanev – ‘United Opposition’",
        "definition",
        "stalin.txt:2",
    ]
    assert {tags.strip() for *_, tags in notes} == {
        "Rise_to_power::Round_1_–_Trotsky", "Rise_to_power::Round_2_–_Left", "Purges"}


def test_apkg_model_and_deck_ids_are_fixed(db_file, tmp_path, revise):
    seed(db_file)
    revise("export", "-f", "apkg", "-o", tmp_path / "deck.apkg")
    col = collection(tmp_path / "deck.apkg", tmp_path)
    models_json, decks_json = col.execute("SELECT models, decks FROM col").fetchone()
    models = json.loads(models_json)
    assert sorted(models) == sorted([str(MODEL_ID), str(CLOZE_MODEL_ID)])
    assert [field["name"] for field in models[str(MODEL_ID)]["flds"]] == [
        "Question", "Answer", "Topic", "Source", "Kind", "Bullet"]
    decks = {deck["name"]: deck["id"] for deck in json.loads(decks_json).values()}
    assert decks["Stalin::Rise"] == deck_id("Stalin::Rise")
    assert deck_id("Stalin::Rise") == deck_id("Stalin::Rise") != deck_id("Stalin")


def test_apkg_note_modification_time_is_the_cards_last_change(db_file, tmp_path, revise):
    seed(db_file)
    later = NOW + timedelta(days=3)
    with Store(db_file) as store:
        store.sync_cards("Stalin::Rise", NOTES, drafts(answer_suffix=" (Jan)")[:1], now=later)
    revise("export", "-f", "apkg", "-o", tmp_path / "deck.apkg")
    col = collection(tmp_path / "deck.apkg", tmp_path)
    # the other two cards were retired by that sync, and retired cards are not exported
    assert col.execute("SELECT mod FROM notes").fetchall() == [(int(later.timestamp()),)]


def test_apkg_without_scheduling_has_only_new_cards(db_file, tmp_path, revise):
    cards = seed(db_file)
    review(db_file, cards[0]["id"])
    revise("export", "-f", "apkg", "-o", tmp_path / "deck.apkg")
    col = collection(tmp_path / "deck.apkg", tmp_path)
    assert col.execute("SELECT DISTINCT type, queue, ivl FROM cards").fetchall() == [(0, 0, 0)]
    assert col.execute("SELECT count(*) FROM revlog").fetchone() == (0,)


def test_apkg_with_scheduling_carries_state_memory_and_history(db_file, tmp_path, revise):
    cards = seed(db_file)
    review(db_file, cards[0]["id"])
    result = revise("export", "-f", "apkg", "--with-scheduling", "-o", tmp_path / "deck.apkg")
    assert result.exit_code == 0, result.output
    col = collection(tmp_path / "deck.apkg", tmp_path)
    rows = col.execute(
        "SELECT notes.guid, type, queue, ivl, reps, cards.data FROM cards"
        " JOIN notes ON notes.id = cards.nid").fetchall()
    state = {guid: rest for guid, *rest in rows}
    kind, queue, interval, reps, data = state[cards[0]["id"]]
    assert (kind, queue, interval, reps) == (2, 2, 12, 2)
    assert json.loads(data)["s"] == 11.8 and json.loads(data)["d"] == 4.6
    assert state[cards[1]["id"]][:3] == [0, 0, 0]
    history = col.execute("SELECT ease, ivl, type, time FROM revlog ORDER BY id").fetchall()
    assert history == [(3, 3, 0, 5200), (3, 12, 1, 3100)]


def answer(db_file, card_id: str, *rows: tuple, state: str = "review") -> None:
    """Give a card reviews, each (reviewed at, rating, ms taken, state before, state
    after, due after), and leave it in `state`, due after its last."""
    with Store(db_file) as store, store.transaction():
        store.db["reviews"].insert_all([
            {"card_id": card_id, "rating": rating, "reviewed_at": at, "duration_ms": took,
             "state_before": json.dumps({"state": before}),
             "state_after": json.dumps({"state": after, "due": due})}
            for at, rating, took, before, after, due in rows])
        store.db["cards"].update(card_id, {"state": state, "due": rows[-1][-1],
                                           "last_review": rows[-1][0], "reps": len(rows)})


def revlog(package, tmp_path) -> list[tuple]:
    """(id, note guid, ease, ivl, lastIvl, factor, time, type) of each revlog row, by id."""
    return collection(package, tmp_path).execute(
        "SELECT revlog.id, notes.guid, ease, revlog.ivl, lastIvl, revlog.factor, time,"
        " revlog.type FROM revlog JOIN cards ON cards.id = revlog.cid"
        " JOIN notes ON notes.id = cards.nid ORDER BY revlog.id").fetchall()


def ms(moment) -> int:
    return int(moment.timestamp()) * 1000


def test_apkg_revlog_has_each_answer_with_its_interval_and_the_one_before(
        db_file, tmp_path, revise):
    cards = seed(db_file)
    first, second, third = (NOW - timedelta(days=days) for days in (6, 5, 2))
    answer(db_file, cards[0]["id"],
           (iso(first), 1, 5200, "new", "learning", iso(first + timedelta(minutes=10))),
           (iso(second), 3, 800, "learning", "review", iso(second + timedelta(days=3))),
           (iso(third), 4, 90_000, "review", "review", iso(third + timedelta(days=12))))
    revise("export", "-f", "apkg", "--with-scheduling", "-o", tmp_path / "deck.apkg")
    card = cards[0]["id"]
    assert revlog(tmp_path / "deck.apkg", tmp_path) == [
        (ms(first), card, 1, -600, 0, 0, 5200, 0),  # a learning step: negative seconds
        (ms(second), card, 3, 3, -600, 0, 800, 0),
        (ms(third), card, 4, 12, 3, 2500, 60_000, 1),  # Anki takes a minute at most
    ]


def test_apkg_answers_in_one_second_take_the_next_milliseconds_by_card_then_time(
        db_file, tmp_path, revise):
    cards = seed(db_file)
    at, due = iso(NOW - timedelta(days=1)), iso(NOW + timedelta(days=3))
    # the later card's answer is stored first; the earlier card answered twice
    answer(db_file, cards[2]["id"], (at, 3, 1000, "new", "review", due))
    answer(db_file, cards[0]["id"], (at, 1, 1000, "new", "learning", due),
           (at, 3, 1000, "learning", "review", due))
    revise("export", "-f", "apkg", "--with-scheduling", "-o", tmp_path / "deck.apkg")
    rows = revlog(tmp_path / "deck.apkg", tmp_path)
    start = ms(NOW - timedelta(days=1))
    assert [(row_id, guid, ease) for row_id, guid, ease, *_ in rows] == [
        (start, cards[0]["id"], 1), (start + 1, cards[0]["id"], 3),
        (start + 2, cards[2]["id"], 3)]


def test_apkg_a_second_of_over_a_thousand_answers_runs_into_the_next(
        db_file, tmp_path, revise):
    cards = seed(db_file)
    moment = NOW - timedelta(days=1)
    due = iso(NOW + timedelta(days=3))
    answer(db_file, cards[2]["id"], (iso(moment + timedelta(seconds=1)), 3, 0, "new", "review",
                                     due))
    answer(db_file, cards[0]["id"], *[(iso(moment), 3, 0, "review", "review", due)] * 1002)
    revise("export", "-f", "apkg", "--with-scheduling", "-o", tmp_path / "deck.apkg")
    rows = revlog(tmp_path / "deck.apkg", tmp_path)
    start = ms(moment)
    # the earlier card's answers are placed first, past the next second's first
    # millisecond, which the later card's answer then finds taken
    assert [row_id for row_id, guid, *_ in rows if guid == cards[0]["id"]] == [
        start + n for n in range(1002)]
    assert [row_id for row_id, guid, *_ in rows if guid == cards[2]["id"]] == [start + 1002]


def test_apkg_answers_written_with_other_offsets_are_placed_by_their_time(
        db_file, tmp_path, revise):
    cards = seed(db_file)
    due = iso(NOW + timedelta(days=3))
    # as text these sort 08:00-02:00, 09:00+00:00, 09:30+00:00, 12:00+03:00
    answer(db_file, cards[2]["id"], ("2026-11-20T09:00:00+00:00", 3, 0, "new", "review", due),
           ("2026-11-20T09:30:00+00:00", 4, 0, "review", "review", due))
    answer(db_file, cards[0]["id"], ("2026-11-20T12:00:00+03:00", 2, 0, "new", "review", due),
           ("2026-11-20T08:00:00-02:00", 3, 0, "review", "review", due))
    revise("export", "-f", "apkg", "--with-scheduling", "-o", tmp_path / "deck.apkg")
    nine = ms(datetime(2026, 11, 20, 9, tzinfo=UTC))
    assert [(row_id, guid, ease) for row_id, guid, ease, *_ in revlog(
        tmp_path / "deck.apkg", tmp_path)] == [
        (nine, cards[0]["id"], 2), (nine + 1, cards[2]["id"], 3),
        (nine + 1_800_000, cards[2]["id"], 4), (nine + 3_600_000, cards[0]["id"], 3)]


def test_apkg_answers_stored_out_of_time_order_are_taken_in_time_order(
        db_file, tmp_path, revise):
    cards = seed(db_file)
    early, late = NOW - timedelta(days=9), NOW - timedelta(days=4)
    # the later answer was stored first
    answer(db_file, cards[0]["id"],
           (iso(late), 3, 0, "review", "review", iso(late + timedelta(days=8))))
    answer(db_file, cards[0]["id"],
           (iso(early), 3, 0, "new", "review", iso(early + timedelta(days=2))))
    with Store(db_file) as store:
        store.db["cards"].update(cards[0]["id"], {"due": iso(late + timedelta(days=8)),
                                                  "last_review": iso(late)})
    revise("export", "-f", "apkg", "--with-scheduling", "-o", tmp_path / "deck.apkg")
    assert [(row_id, ivl, last) for row_id, _, _, ivl, last, *_ in revlog(
        tmp_path / "deck.apkg", tmp_path)] == [(ms(early), 2, 0), (ms(late), 8, 2)]


def test_apkg_with_scheduling_leaves_out_the_answers_of_cards_not_exported(
        db_file, tmp_path, revise):
    cards = seed(db_file)
    other = [card for card in seed(db_file, deck="Other") if card["deck"] == "Other"]
    review(db_file, cards[0]["id"])
    review(db_file, other[0]["id"])
    at, due = iso(NOW - timedelta(days=1)), iso(NOW + timedelta(days=3))
    # answered, then reset to new: exported as new, without its answers
    answer(db_file, cards[1]["id"], (at, 3, 1000, "new", "review", due), state="new")
    result = revise("export", "-f", "apkg", "--with-scheduling", "--deck", "Stalin::Rise",
                    "-o", tmp_path / "deck.apkg")
    assert result.exit_code == 0, result.output
    assert {guid for _, guid, *_ in revlog(tmp_path / "deck.apkg", tmp_path)} == {
        cards[0]["id"]}


def test_with_scheduling_is_only_for_apkg(db_file, tmp_path, revise):
    seed(db_file)
    result = revise("export", "-f", "csv", "--with-scheduling", "-o", tmp_path / "x.csv")
    assert result.exit_code == 1
    assert result.stderr == "error: --with-scheduling works with --format apkg only\n"


# --- anki-txt ----------------------------------------------------------------------


def test_anki_text_has_headers_anki_reads_and_one_row_per_card(db_file, tmp_path, revise):
    cards = seed(db_file)
    out = tmp_path / "deck.txt"
    assert revise("export", "-f", "anki-txt", "-o", out).exit_code == 0
    text = out.read_text(encoding="utf-8")
    headers = [line for line in text.splitlines() if line.startswith("#")]
    assert headers == ["#separator:tab", "#html:true", "#notetype:Basic",
                       "#columns:GUID\tDeck\tTags\tFront\tBack", "#guid column:1",
                       "#deck column:2", "#tags column:3"]
    rows = list(csv.reader(io.StringIO(text.split("\n", len(headers))[-1]), delimiter="\t"))
    assert [row[0] for row in rows] == [card["id"] for card in cards]
    assert rows[1][1:] == ["Stalin::Rise", "Rise_to_power::Round_2_–_Left",
                           "Who formed the United Opposition?",
                           "Trotsky &amp; \"Left\" &lt;United Opposition&gt; '1926'"]


# --- csv ---------------------------------------------------------------------------


def test_csv_has_text_deck_topic_kind_tags_and_scheduling_columns(db_file, tmp_path, revise):
    cards = seed(db_file)
    review(db_file, cards[0]["id"])
    out = tmp_path / "deck.csv"
    assert revise("export", "-f", "csv", "-o", out).exit_code == 0
    assert out.read_bytes().startswith(b"\xef\xbb\xbf")  # spreadsheets need it for UTF-8
    rows = list(csv.DictReader(io.StringIO(out.read_text(encoding="utf-8-sig"))))
    assert list(rows[0])[:6] == ["question", "answer", "deck", "topic", "kind", "tags"]
    assert rows[0]["state"] == "review" and rows[0]["stability"] == "11.8"
    assert rows[0]["reps"] == "2" and rows[0]["due"].startswith("2026-12-07")
    assert rows[1]["answer"] == TRICKY
    assert rows[1]["topic"] == "Rise to power › Round 2 – Left"
    assert rows[1]["kind"] == "definition" and rows[1]["state"] == "new"


# --- md ----------------------------------------------------------------------------


def test_worksheet_numbers_questions_by_topic_and_puts_answers_at_the_end():
    cards = [
        {"deck": "d", "topic": ["Rise", "Round 1"], "question": "When did Lenin die?",
         "answer": "1924"},
        {"deck": "d", "topic": ["Rise", "Round 1"], "question": "Who was *chief* mourner?",
         "answer": "Stalin"},
        {"deck": "d", "topic": ["Purges"], "question": "Executed in 1937?", "answer": "353,000"},
    ]
    assert render(cards, "Stalin") == "\n".join([
        "# Stalin", "", "3 questions. Name: ____________________", "",
        "## Rise › Round 1", "", "1. When did Lenin die?", "2. Who was \\*chief\\* mourner?", "",
        "## Purges", "", "3. Executed in 1937?", "",
        "---", "", "## Answers", "", "1. 1924", "2. Stalin", "3. 353,000", "",
    ])


def test_worksheet_titles_itself_after_the_deck(db_file, tmp_path, revise):
    seed(db_file)
    out = tmp_path / "sheet.md"
    assert revise("export", "-f", "md", "-o", out).exit_code == 0
    text = out.read_text(encoding="utf-8")
    assert text.startswith("# Worksheet: Stalin::Rise\n")
    assert "## Rise to power › Round 2 – Left\n\n2. Who formed the United Opposition?" in text
    assert text.index("## Answers") > text.index("3. How many were executed")


# --- the command's refusals ---------------------------------------------------------


def test_unknown_format_is_a_one_line_error(db_file, tmp_path, revise):
    seed(db_file)
    result = revise("export", "-f", "docx", "-o", tmp_path / "x.docx")
    assert result.exit_code == 1
    assert result.stderr == ("error: unknown format 'docx'; choose from apkg, anki-txt, csv, "
                             "json, md, html\n")


@pytest.mark.parametrize("format_name", ["apkg", "anki-txt", "csv", "md"])
def test_existing_file_needs_force(db_file, tmp_path, revise, format_name):
    seed(db_file)
    out = tmp_path / "out"
    out.write_text("keep me")
    result = revise("export", "-f", format_name, "-o", out)
    assert result.exit_code == 1 and "exists; add --force" in result.stderr
    assert out.read_text() == "keep me"
    assert revise("export", "-f", format_name, "-o", out, "--force").exit_code == 0
    assert out.read_bytes() != b"keep me"


def test_empty_selection_writes_nothing(db_file, tmp_path, revise):
    seed(db_file)
    result = revise("export", "-f", "apkg", "--topic", "no such topic", "-o", tmp_path / "x.apkg")
    assert result.exit_code == 1
    assert result.stderr == "error: no cards match: nothing to export\n"
    assert not (tmp_path / "x.apkg").exists()


def test_path_in_a_missing_folder_or_under_a_file_is_refused(db_file, tmp_path, revise):
    seed(db_file)
    (tmp_path / "file").write_text("")
    for target in (tmp_path / "nope" / "x.csv", tmp_path / "file" / "x.csv"):
        result = revise("export", "-f", "csv", "-o", target)
        assert result.exit_code == 1 and "does not exist" in result.stderr
        assert result.stderr.count("\n") == 1


def test_filters_choose_the_cards(db_file, tmp_path, revise):
    seed(db_file)
    out = tmp_path / "x.csv"
    assert revise("export", "-f", "csv", "--topic", "round", "--kind", "date", "-o",
                  out).exit_code == 0
    rows = list(csv.DictReader(io.StringIO(out.read_text(encoding="utf-8-sig"))))
    assert [row["answer"] for row in rows] == ["1924"]


# --- the format from the file name, and the file's mode -------------------------------


@pytest.mark.parametrize(("name", "check"), [
    ("chem.apkg", lambda path: zipfile.is_zipfile(path)),
    ("cards.csv", lambda path: path.read_text(encoding="utf-8-sig").startswith("question,")),
    ("cards.json", lambda path: isinstance(json.loads(path.read_text()), list)),
    ("sheet.md", lambda path: path.read_text().startswith("# ")),
    ("anki.txt", lambda path: path.read_text().startswith("#separator:tab")),
])
def test_the_format_comes_from_the_file_name(db_file, tmp_path, revise, name, check):
    seed(db_file)
    out = tmp_path / name
    result = revise("export", "-o", out)
    assert result.exit_code == 0, result.output
    assert check(out)


def test_a_format_that_contradicts_the_file_name_is_a_one_line_error(db_file, tmp_path, revise):
    seed(db_file)
    result = revise("export", "-f", "csv", "-o", tmp_path / "x.apkg")
    assert result.exit_code == 1
    assert result.stderr == ("error: --format csv does not match x.apkg (by its name apkg); "
                             "drop --format or change the file name\n")
    assert not (tmp_path / "x.apkg").exists()


def test_a_file_name_that_names_no_format_asks_for_one(db_file, tmp_path, revise):
    seed(db_file)
    result = revise("export", "-o", tmp_path / "cards.docx")
    assert result.exit_code == 1
    assert result.stderr.startswith("error: cannot tell the format of ")
    assert "--format" in result.stderr and result.stderr.count("\n") == 1


@pytest.mark.parametrize("umask", [0o022, 0o077, 0o002])
@pytest.mark.parametrize("name", ["x.apkg", "x.csv", "x.json", "x.md", "x.txt"])
def test_exported_files_honour_the_umask(db_file, tmp_path, revise, umask, name):
    import os
    import stat

    seed(db_file)
    before = os.umask(umask)
    try:
        assert revise("export", "-o", tmp_path / name).exit_code == 0
    finally:
        os.umask(before)
    assert stat.S_IMODE((tmp_path / name).stat().st_mode) == 0o666 & ~umask


# --- worksheets people read ----------------------------------------------------------


@pytest.mark.parametrize(("text", "written"), [
    ("In ____ Stalin became General Secretary", "In ____ Stalin became General Secretary"),
    ("(____) and ____, then ____.", "(____) and ____, then ____."),
    ("snake_case stays", "snake_case stays"),
    ("_stressed_ and *bold*", "\\_stressed\\_ and \\*bold\\*"),
    ("a <b>tag</b> but 1 < 2", "a \\<b>tag\\</b> but 1 < 2"),
    ("# not a heading", "\\# not a heading"),
    ("see [1](x)", "see \\[1\\](x)"),
    ("a \\ b and \\_", "a \\ b and \\\\\\_"),
])
def test_the_worksheet_escapes_only_what_would_be_markup(text, written):
    from revise.exporters.markdown import escape

    assert escape(text) == written


@pytest.mark.parametrize(("question", "topic", "shown"), [
    ("Purges: When did Kirov die?", ["Purges"], "When did Kirov die?"),
    ("Round 3 – Right: ____: Stalin proposes. In what year?",
     ["Rise", "Round 3 – Right(1928-29)"], "____: Stalin proposes. In what year?"),
    ("Rise › Round 1: name the 5 points.", ["Rise", "Round 1"], "Name the 5 points."),
    ("Stalin: general secretary when?", ["Stalin’s strengths"],
     "Stalin: general secretary when?"),
    ("Kirov: who?", ["Purges"], "Kirov: who?"),
])
def test_the_worksheet_does_not_repeat_the_topic_its_heading_shows(question, topic, shown):
    from revise.exporters.markdown import without_topic

    assert without_topic(question, topic) == shown


def test_the_shipped_notes_make_a_worksheet_without_escapes_or_repeated_topics(
        revise, tmp_path):
    from tests.conftest import NOTES

    revise("extract", NOTES)
    out = tmp_path / "sheet.md"
    assert revise("export", "-o", out).exit_code == 0
    text = out.read_text(encoding="utf-8")
    assert "\\_" not in text and "____" in text
    heading = None
    for line in text.splitlines():
        if line.startswith("## "):
            heading = line[3:]
        elif heading and heading != "Answers" and line[:1].isdigit():
            assert not line.split(". ", 1)[1].startswith(heading + ":"), line


def test_an_html_worksheet_prints_questions_then_answers_on_a_page_of_their_own(
        db_file, tmp_path, revise):
    seed(db_file)
    out = tmp_path / "sheet.html"
    result = revise("export", "-o", out)
    assert result.exit_code == 0, result.output
    page = out.read_text(encoding="utf-8")
    assert page.startswith("<!doctype html>")
    assert "@media print" in page and "page-break-before: always" in page
    assert '<section class="answers">' in page
    assert "Who formed the United Opposition?" in page
    assert "&lt;United Opposition&gt;" in page  # text, never markup
    assert "<script" not in page and "http" not in page


@pytest.mark.parametrize("name", ["paper.md", "paper.html"])
def test_a_test_paper_leaves_the_answers_out(db_file, tmp_path, revise, name):
    seed(db_file)
    out = tmp_path / name
    result = revise("export", "-o", out, "--no-answers")
    assert result.exit_code == 0, result.output
    text = out.read_text(encoding="utf-8")
    assert "Who formed the United Opposition?" in text
    assert "Answers" not in text and "1924" not in text.split("questions", 1)[1]


def test_no_answers_is_for_worksheets_only(db_file, tmp_path, revise):
    seed(db_file)
    result = revise("export", "-o", tmp_path / "x.csv", "--no-answers")
    assert result.exit_code == 1
    assert result.stderr == "error: --no-answers works with the worksheets only: md and html\n"


def test_a_cloze_card_with_one_blank_becomes_a_deletion_of_its_answer():
    from revise.exporters.apkg import cloze_text

    card = {"kind": "cloze", "question": "Kirov was murdered in ____ 1934", "answer": "December"}
    assert cloze_text(card) == "Kirov was murdered in {{c1::December}} 1934"
    assert cloze_text({**card, "question": "____ and ____"}) is None  # which answer where?
    assert cloze_text({**card, "kind": "date"}) is None
    assert cloze_text({**card, "question": "{{c2::Kirov}} died"}) == "{{c2::Kirov}} died"
