"""What revise exports, imported by Anki's own engine into a fresh collection, headless.

The `anki` package is a test dependency (`pip install -e '.[test,anki]'`, which
`make test` runs); these tests are the proof that Anki reads our files as meant.
"""

from __future__ import annotations

import html
from datetime import UTC, datetime, timedelta

import pytest

from revise.store import Store
from revise.store.reviews import suspend_card
from tests.conftest import ROOT, cards_json
from tests.share_support import NOTES, NOW, TRICKY, drafts, review, seed

pytest.importorskip("anki")

from anki.collection import (  # noqa: E402
    Collection,
    ExportAnkiPackageOptions,
    ImportAnkiPackageOptions,
    ImportAnkiPackageRequest,
    ImportCsvRequest,
)
from anki.import_export_pb2 import ExportLimit  # noqa: E402


@pytest.fixture
def col(tmp_path):
    folder = tmp_path / "anki"
    folder.mkdir()
    collection = Collection(str(folder / "collection.anki2"))
    yield collection
    collection.close()


def import_apkg(col, path, *, with_scheduling=False):
    request = ImportAnkiPackageRequest(
        package_path=str(path),
        options=ImportAnkiPackageOptions(with_scheduling=with_scheduling, merge_notetypes=True))
    return col.import_anki_package(request).log


def notes(col) -> dict[str, object]:
    return {note.guid: note for note in (col.get_note(nid) for nid in col.find_notes(""))}


def deck_names(col) -> set[str]:
    return {deck.name for deck in col.decks.all_names_and_ids()} - {"Default"}


# --- apkg ----------------------------------------------------------------------------


def test_anki_imports_apkg_with_counts_decks_tags_and_exact_text(col, revise, db_file, tmp_path):
    cards = seed(db_file)
    revise("export", "-f", "apkg", "-o", tmp_path / "deck.apkg")
    log = import_apkg(col, tmp_path / "deck.apkg")
    assert len(log.new) == 3
    assert (col.note_count(), col.card_count()) == (3, 3)
    assert deck_names(col) == {"Stalin", "Stalin::Rise"}
    found = notes(col)
    assert set(found) == {card["id"] for card in cards}
    tricky = found[cards[1]["id"]]
    assert tricky.note_type()["name"] == "revise"
    assert html.unescape(tricky["Answer"]) == TRICKY
    assert tricky["Topic"] == "Rise to power › Round 2 – Left"
    assert tricky.tags == ["Rise_to_power::Round_2_–_Left"]
    assert sorted(col.tags.all()) == ["Purges", "Rise_to_power::Round_1_–_Trotsky",
                                      "Rise_to_power::Round_2_–_Left"]
    card = col.get_card(col.find_cards(f"nid:{tricky.id}")[0])
    assert TRICKY in html.unescape(card.answer())


def test_exporting_again_after_editing_updates_anki_notes_in_place(col, revise, db_file,
                                                                    tmp_path):
    cards = seed(db_file)
    revise("export", "-f", "apkg", "-o", tmp_path / "first.apkg")
    import_apkg(col, tmp_path / "first.apkg")
    with Store(db_file) as store:  # the notes were edited: every answer changed
        store.sync_cards("Stalin::Rise", NOTES, drafts(answer_suffix=" (edited)"),
                         now=NOW + timedelta(days=1))
        assert [card["id"] for card in store.cards()] == [card["id"] for card in cards]
    revise("export", "-f", "apkg", "-o", tmp_path / "second.apkg")
    log = import_apkg(col, tmp_path / "second.apkg")
    assert (len(log.new), len(log.updated)) == (0, 3)
    assert (col.note_count(), col.card_count()) == (3, 3)
    assert html.unescape(notes(col)[cards[1]["id"]]["Answer"]) == TRICKY + " (edited)"


def test_a_reviewed_card_arrives_with_its_progress_and_history(col, revise, db_file, tmp_path):
    now = datetime.now(UTC).replace(microsecond=0)  # Anki counts days from its own today
    cards = seed(db_file, now=now)
    review(db_file, cards[0]["id"], now=now)
    result = revise("export", "-f", "apkg", "--with-scheduling", "-o", tmp_path / "deck.apkg")
    assert result.exit_code == 0, result.output
    import_apkg(col, tmp_path / "deck.apkg", with_scheduling=True)
    found = notes(col)
    card = col.get_card(col.find_cards(f"nid:{found[cards[0]['id']].id}")[0])
    assert (card.type, card.queue, card.ivl, card.reps, card.lapses) == (2, 2, 12, 2, 0)
    assert card.due - col.sched.today in (9, 10, 11)  # due in ten days, whatever the hour
    assert round(card.memory_state.stability, 2) == 11.8
    assert round(card.memory_state.difficulty, 2) == 4.6
    history = col.db.all("SELECT ease, ivl, type FROM revlog WHERE cid = ? ORDER BY id", card.id)
    assert history == [[3, 3, 0], [3, 12, 1]]
    new = col.get_card(col.find_cards(f"nid:{found[cards[1]['id']].id}")[0])
    assert (new.type, new.queue) == (0, 0)


def test_several_decks_arrive_with_suspended_cards_progress_and_every_answer(
        col, revise, db_file, tmp_path):
    now = datetime.now(UTC).replace(microsecond=0)
    cards = seed(db_file, now=now)
    other = [card for card in seed(db_file, now=now, deck="Other") if card["deck"] == "Other"]
    # answered at the same moments: Anki's review log tells them apart by a millisecond
    review(db_file, cards[0]["id"], now=now)
    review(db_file, other[1]["id"], now=now)
    with Store(db_file) as store:
        suspend_card(store, other[1]["id"])
        suspend_card(store, cards[2]["id"])
    result = revise("export", "-f", "apkg", "--with-scheduling", "-o", tmp_path / "all.apkg")
    assert result.exit_code == 0, result.output
    import_apkg(col, tmp_path / "all.apkg", with_scheduling=True)
    assert (col.note_count(), col.card_count()) == (6, 6)
    assert deck_names(col) == {"Stalin", "Stalin::Rise", "Other"}
    found = notes(col)

    def card(card_id):
        return col.get_card(col.find_cards(f"nid:{found[card_id].id}")[0])

    assert col.decks.name(card(other[0]["id"]).did) == "Other"
    assert col.decks.name(card(cards[0]["id"]).did) == "Stalin::Rise"
    assert (card(cards[0]["id"]).type, card(cards[0]["id"]).queue) == (2, 2)
    assert (card(other[1]["id"]).type, card(other[1]["id"]).queue) == (2, -1)
    assert (card(cards[2]["id"]).type, card(cards[2]["id"]).queue) == (0, -1)
    assert (card(other[0]["id"]).type, card(other[0]["id"]).queue) == (0, 0)
    assert col.db.scalar("SELECT count(*) FROM revlog") == 4
    for card_id in (cards[0]["id"], other[1]["id"]):
        assert col.db.all("SELECT ease, ivl, type FROM revlog WHERE cid = ? ORDER BY id",
                          card(card_id).id) == [[3, 3, 0], [3, 12, 1]]


# --- anki-txt ------------------------------------------------------------------------


def test_anki_imports_the_text_file_by_its_own_headers(col, revise, db_file, tmp_path):
    cards = seed(db_file)
    out = tmp_path / "deck.txt"
    revise("export", "-f", "anki-txt", "-o", out)
    metadata = col.get_csv_metadata(str(out), None)
    assert metadata.is_html
    assert (metadata.guid_column, metadata.deck_column, metadata.tags_column) == (1, 2, 3)
    log = col.import_csv(ImportCsvRequest(path=str(out), metadata=metadata)).log
    assert len(log.new) == 3
    assert (col.note_count(), col.card_count()) == (3, 3)
    assert deck_names(col) == {"Stalin", "Stalin::Rise"}
    found = notes(col)
    assert set(found) == {card["id"] for card in cards}
    tricky = found[cards[1]["id"]]
    assert tricky.note_type()["name"] == "Basic"
    assert html.unescape(tricky["Back"]) == TRICKY
    assert tricky.tags == ["Rise_to_power::Round_2_–_Left"]


# --- what Anki writes, revise reads ----------------------------------------------------


def test_revise_imports_a_package_written_by_current_anki(col, revise, tmp_path):
    basic = col.models.by_name("Basic")
    note = col.new_note(basic)
    note["Front"], note["Back"] = "Capital of <b>France</b>?", "Paris &amp; more"
    note.tags = ["geo::europe"]
    col.add_note(note, col.decks.id("Geography::Europe"))
    cloze = col.new_note(col.models.by_name("Cloze"))
    cloze["Text"] = "{{c1::Kirov}} was murdered in {{c2::1934::year}}"
    col.add_note(cloze, col.decks.id("History"))
    package = tmp_path / "anki.apkg"
    col.export_anki_package(out_path=str(package), limit=ExportLimit(whole_collection={}),
                            options=ExportAnkiPackageOptions(with_scheduling=False,
                                                             with_media=False, legacy=False))

    result = revise("import", package)
    assert result.exit_code == 0, result.output
    imported = {card["question"]: card for card in cards_in(revise)}
    assert set(imported) == {"Capital of France?", "[...] was murdered in 1934",
                             "Kirov was murdered in [year]"}
    assert imported["Capital of France?"]["answer"] == "Paris & more"
    assert imported["Capital of France?"]["deck"] == "Geography::Europe"
    assert imported["Kirov was murdered in [year]"]["answer"] == "1934"
    assert imported["Kirov was murdered in [year]"]["kind"] == "cloze"
    again = revise("import", package)
    assert "0 new, 0 updated, 0 retired, 1 unchanged" in again.stdout
    assert len(cards_in(revise)) == 3


def cards_in(revise) -> list[dict]:
    return cards_json(revise)


# --- the shipped unit, end to end -------------------------------------------------------


def test_the_whole_shipped_unit_goes_to_anki_and_back(col, revise, tmp_path):
    deck_file = ROOT / "decks" / "stalin-unit.toml"
    package = tmp_path / "unit.apkg"
    result = revise("build", deck_file, "--allow-outside", "-o", package)
    assert result.exit_code == 0, result.output
    built = cards_json(revise)
    import_apkg(col, package)
    assert (col.note_count(), col.card_count()) == (len(built), len(built))
    assert {html.unescape(note["Question"]) for note in notes(col).values()} == {
        card["question"] for card in built}

    other = tmp_path / "student.db"
    assert revise("import", package, db=other).exit_code == 0
    back = cards_json(revise, "--db", other)
    assert [(card["question"], card["answer"], card["deck"], card["topic"]) for card in back] \
        == [(card["question"], card["answer"], card["deck"], card["topic"]) for card in built]


def test_anki_reads_a_cloze_card_as_a_cloze_note_and_the_kind_and_bullet_fields(
        col, db_file, tmp_path):
    from revise.export import export_cards
    from revise.models import CardDraft, Kind

    text = "{{c1::Lenin}} died in {{c2::1924}}"
    cloze = [CardDraft(deck="d", topic=("Rivals",), kind=Kind.CLOZE, question=text,
                       answer=answer, source="Lenin died in 1924", slot=slot)
             for slot, answer in enumerate(("Lenin", "1924"))]
    date = CardDraft(deck="d", topic=("Rivals",), kind=Kind.DATE, question="Kirov murdered?",
                     answer="1934", source="Kirov murdered 1934", position=40, line=2)
    with Store(db_file) as store:
        store.sync_cards("d", tmp_path / "n.md", [*cloze, date], now=NOW)
        assert export_cards(store, tmp_path / "c.apkg", "apkg", deck="d") == 3
    import_apkg(col, tmp_path / "c.apkg")
    found = notes(col)
    assert len(found) == 2 and col.card_count() == 3
    by_type = {note.note_type()["name"]: note for note in found.values()}
    assert by_type["revise cloze"]["Text"] == text
    assert [card.ord for card in by_type["revise cloze"].cards()] == [0, 1]
    assert (by_type["revise"]["Kind"], by_type["revise"]["Bullet"]) == ("date", "n.md:2")
    question = by_type["revise cloze"].cards()[1].question()
    assert ">Lenin</span> died in" in question and ">[...]</span>" in question
