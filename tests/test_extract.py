"""Specs for revise.extract: which cards a bullet gives, and how their questions read."""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from revise.extract import (
    extract_cards,
    extract_from_outline,
    extract_piece,
    find_dates,
    unique_pieces,
)
from revise.models import Kind
from revise.notes import parse_notes, split_notes

ROOT = Path(__file__).resolve().parent.parent
NOTES = ROOT / "data" / "notes.txt"
FIXTURES = Path(__file__).resolve().parent / "fixtures"


def cards(notes: str, kind: Kind | None = None):
    return [c for c in extract_cards(notes, "deck") if kind is None or c.kind == kind]


def qa(notes: str, kind: Kind) -> list[tuple[str, str]]:
    return [(c.question, c.answer) for c in cards(notes, kind)]


def answers(notes: str, kind: Kind) -> list[str]:
    return [c.answer for c in cards(notes, kind)]


@pytest.fixture(scope="module")
def shipped():
    return extract_cards(NOTES.read_text(encoding="utf-8"), "stalin")


# ---------------------------------------------------------------------------- dates


def test_year_is_blanked_and_asked_for():
    assert qa("# Round 1\n- Lenin dies 1924", Kind.DATE) == [
        ("Round 1: Lenin dies ____. In what year?", "1924")
    ]


@pytest.mark.parametrize(
    ("bullet", "answer"),
    [
        ("grain crisis 1927-28", "1927-28"),
        ("purge 1936-39", "1936-39"),
        ("clashes 1938/39", "1938/39"),
        ("rationing 1929-1935", "1929-1935"),
        ("harvest fell early/mid 1930’s", "1930’s"),
        ("the 1970s boom", "1970s"),
        ("armistice 9 November 1918", "9 November 1918"),
        ("armistice November 9, 1918", "November 9, 1918"),
        ("liquidation, Dec 1929", "Dec 1929"),
        ("Congress April 1929", "April 1929"),
        ("arrests in Sept. 1937", "Sept. 1937"),
        ("generals arrested April-May 1937", "April-May 1937"),
        ("occupied Winter 1939-40", "Winter 1939-40"),
        ("Rome founded 753 BC", "753 BC"),
        ("revolution in the 19th century", "19th century"),
    ],
)
def test_date_forms(bullet, answer):
    assert answers(f"# T\n- {bullet}", Kind.DATE) == [answer]


@pytest.mark.parametrize(
    ("bullet", "ask"),
    [
        ("Lenin dies 1924", "In what year?"),
        ("grain crisis 1927-28", "When?"),
        ("armistice 9 November 1918", "On what date?"),
        ("harvest fell in the 1930s", "In what decade?"),
    ],
)
def test_date_question_asks_for_the_kind_of_date(bullet, ask):
    assert cards(f"# T\n- {bullet}", Kind.DATE)[0].question.endswith(ask)


@pytest.mark.parametrize(
    "bullet",
    [
        "Sept. NKVD boss arrested",
        "April-May leading Generals arrested",
        "membership 801,000",
        "3000 troops landed",
        "16th Party Congress",
        "a 1936x model",
    ],
)
def test_no_date_without_a_plausible_year(bullet):
    assert cards(f"# T\n- {bullet}", Kind.DATE) == []


def test_every_date_in_a_bullet_gives_a_card():
    assert answers("# P\n- 1st 1928-32; 2nd 1933-37; 3rd 1938-41", Kind.DATE) == [
        "1928-32",
        "1933-37",
        "1938-41",
    ]


def test_other_dates_stay_in_the_question():
    (first, _) = qa("# P\n- 801,000 (1925); 1.5mil (1929)", Kind.DATE)
    assert first == ("P: 801,000 (____); 1.5mil (1929). In what year?", "1925")


def test_find_dates_reports_spans():
    text = "Kirov murdered Dec 1934"
    assert [(text[s:e], kind) for s, e, kind in find_dates(text)] == [("Dec 1934", "my")]


# ---------------------------------------------------------------------------- figures


@pytest.mark.parametrize(
    ("bullet", "answer", "ask"),
    [
        ("Party membership 801,000 (1925)", "801,000", "How many?"),
        ("membership 1.5mil (1929)", "1.5mil", "How many?"),
        ("120million people involved", "120million", "How many?"),
        ("14million collectivized households", "14million", "How many?"),
        ("only 2 million tons of grain", "2 million tons", "How much?"),
        ("90% USSR rural land collectivized", "90%", "What percentage?"),
        ("7-14% growth", "7-14%", "What percentage?"),
        ("cost $13 billion", "$13 billion", "How much?"),
        ("5mill died in Ukraine", "5mill", "How many?"),
        ("2.8 million party members", "2.8 million", "How many?"),
        ("8-9million arrests", "8-9million", "How many?"),
        ("urban population 27-57 million", "27-57 million", "How many?"),
        ("353,000 executed", "353,000", "How many?"),
        ("increased no. of republics (11)", "11", "How many?"),
        ("17 leading Communists executed", "17", "How many?"),
        ("trials completed within 10 days", "10 days", "How long?"),
        ("18+ years vote", "18+ years", "What age?"),
        ("(1/2 USSR cattle lost)", "1/2", "What proportion?"),
        ("two thirds of officers shot", "two thirds", "What proportion?"),
        ("each step is 10x stronger", "10x", "How many times?"),
        ("enzymes denature above 45°C", "45°C", "How much?"),
    ],
)
def test_figure_answer_and_ask(bullet, answer, ask):
    (card,) = cards(f"# T\n- {bullet}", Kind.FIGURE)
    assert card.answer == answer and card.question.endswith(ask)
    assert "____" in card.question


@pytest.mark.parametrize(
    "bullet",
    [
        "1st Five-Year Plan",
        "16th Party Congress",
        "Round 1 of talks",
        "Chapter 4 summary",
        "H2O and CO2",
        "only 1 candidate",
        "COVID-19 spread",
    ],
)
def test_labels_ordinals_and_formulas_are_not_figures(bullet):
    assert cards(f"# T\n- {bullet}", Kind.FIGURE) == []


def test_year_in_brackets_stays_in_the_figure_question():
    assert qa("# Strengths\n- Party membership 801,000 (1925)", Kind.FIGURE) == [
        ("Strengths: Party membership ____ (1925). How many?", "801,000")
    ]


def test_small_number_inside_a_year_in_the_topic_takes_its_noun():
    notes = "# 1924 Constitution\n- federation of 4 Republics, and 16 autonomous republics"
    assert answers(notes, Kind.FIGURE) == ["4 Republics", "16"]


# ---------------------------------------------------------------------------- causes


def test_arrow_gives_a_card_each_way():
    assert qa("# End\n- Germany invades USSR => Operation Barbarossa", Kind.CAUSE) == [
        ("End: What did “Germany invades USSR” lead to?", "Operation Barbarossa"),
        ("End: What led to “Operation Barbarossa”?", "Germany invades USSR"),
    ]


def test_arrow_chain_gives_each_adjacent_pair():
    pairs = answers("# C\n- run Party => run government => run country", Kind.CAUSE)
    assert pairs == ["run government", "run Party", "run country", "run government"]


def test_cause_is_the_nearest_clause_before_the_arrow():
    notes = "# S\n- outlawed parties; Secret Police (Cheka) => OGPU =>NKVD."
    assert qa(notes, Kind.CAUSE)[:1] == [
        ("S: What did “Secret Police (Cheka)” lead to?", "OGPU"),
    ]
    assert answers(notes, Kind.CAUSE)[2:] == ["NKVD", "OGPU"]


def test_label_before_a_colon_is_not_part_of_the_cause():
    notes = "# End\n- June 1941: Germany invades USSR => Operation Barbarossa"
    assert answers(notes, Kind.CAUSE)[1] == "Germany invades USSR"


def test_effect_stops_at_the_end_of_its_sentence():
    notes = "# R\n- USSR demanded land in Finland => war. USSR expelled from League"
    assert answers(notes, Kind.CAUSE)[0] == "war"


@pytest.mark.parametrize(
    ("bullet", "cause", "effect"),
    [
        ("Osmosis leads to water entering the cell", "Osmosis", "water entering the cell"),
        ("the famine led to mass migration", "the famine", "mass migration"),
        ("drought resulted in crop failure", "drought", "crop failure"),
        ("harvests failed because of the drought", "the drought", "harvests failed"),
        ("prices rose due to shortages", "shortages", "prices rose"),
        (
            "Five-Year Plans were a major cause of Germany’s defeat",
            "Five-Year Plans",
            "Germany’s defeat",
        ),
        ("wages fell, so workers struck", "wages fell", "workers struck"),
    ],
)
def test_linking_words_give_cause_cards(bullet, cause, effect):
    assert answers(f"# T\n- {bullet}", Kind.CAUSE) == [effect, cause]


@pytest.mark.parametrize(
    "bullet",
    ["Not so united", "=> war", "war =>", "this led to it", "run Party => run Party again"],
)
def test_no_cause_without_two_real_sides(bullet):
    assert cards(f"# T\n- {bullet}", Kind.CAUSE) == []


# ---------------------------------------------------------------------------- definitions


def test_term_colon_names_asks_who():
    assert qa("# Round 3 – Right(1928-29)\n- Right: Tomsky, Rykov & Bukharin", Kind.DEFINITION) == [
        ("Round 3 – Right(1928-29): Who were “Right”?", "Tomsky, Rykov & Bukharin")
    ]


def test_term_colon_text_asks_about_the_term():
    assert qa("# Five-Year Plans\n- Gosplan: proposed ambitious plan", Kind.DEFINITION) == [
        ("Five-Year Plans: What about “Gosplan”?", "proposed ambitious plan")
    ]


def test_lowercase_term_never_asks_who():
    assert qa("# Party\n- dominated all committees: Politburo and Orgburo", Kind.DEFINITION) == [
        ("Party: What about “dominated all committees”?", "Politburo and Orgburo")
    ]


# ---------------------------------------------------------------------------- years in headings


def test_year_in_a_heading_is_taken_out_not_blanked():
    assert qa("# Kirov’s murder, 1934\n- murdered Dec 1934", Kind.DATE) == [
        ("Kirov’s murder: murdered ____. When?", "Dec 1934")
    ]


def test_year_range_in_brackets_is_taken_out_of_the_heading():
    assert qa("# Round 3 – Right(1928-29)\n- 1928: Stalin proposes replacing NEP", Kind.DATE) == [
        ("Round 3 – Right: ____: Stalin proposes replacing NEP. In what year?", "1928")
    ]


def test_heading_that_is_only_the_year_is_left_out():
    assert qa("# Show Trials\n## 1937\n- purge began 1937 in earnest", Kind.DATE) == [
        ("Show Trials: purge began ____ in earnest. In what year?", "1937")
    ]


@pytest.mark.parametrize(
    "bullet",
    [
        "1928: Stalin proposes replacing NEP",
        "1936-39: unprecedented purge of Party",
        "August: Politburo legalized torture",
        "Trotsky, Bukharin, Kamanev, Zinoviev all underestimated Stalin: ‘great blur’",
        "had occurred before 1930: less",
        "Propaganda and bonus pay employed to inspire work rate and productivity: Stakhanov",
        "met at 10:30 sharp",
        "Power in Party => Lenin: Sovnarkom",
        "Products:",
    ],
)
def test_not_definitions(bullet):
    assert cards(f"# T\n- {bullet}", Kind.DEFINITION) == []


def test_bold_term_is_a_definition():
    assert answers("# Cells\n- **Mitochondria**: site of respiration", Kind.DEFINITION) == [
        "site of respiration"
    ]


def test_prose_outside_any_topic_gives_no_definition():
    assert cards("Contact: our support team", Kind.DEFINITION) == []


# ---------------------------------------------------------------------------- lists


def test_section_titled_why_gives_a_list_card():
    notes = "# Nazi Soviet Pact\n## Why?\n- rearmament\n- war in the west\n- territory\n"
    (card,) = cards(notes, Kind.LIST)
    assert card.question == "Nazi Soviet Pact › Why? Name the 3 points."
    assert card.answer == "rearmament\nwar in the west\nterritory"
    assert card.topic == ("Nazi Soviet Pact", "Why?")


@pytest.mark.parametrize(
    "title",
    [
        "Why?",
        "What?",
        "Aims",
        "Results",
        "Impact of the Purges",
        "Reasons for defeat",
        "Causes",
        "Effects",
        "Consequences",
        "Features",
        "Types of rock",
        "How did it end",
        "Why did they happen (diff. interpretations)",
    ],
)
def test_set_naming_titles_give_lists(title):
    assert len(cards(f"## {title}\n- one\n- two\n", Kind.LIST)) == 1


def test_question_title_without_mark_gets_one():
    (card,) = cards("## How did it end\n- one\n- two\n", Kind.LIST)
    assert card.question == "How did it end? Name the 2 points."


@pytest.mark.parametrize("count", [1, 9])
def test_lists_need_two_to_eight_bullets(count):
    notes = "## Results\n" + "".join(f"- point {i}\n" for i in range(count))
    assert cards(notes, Kind.LIST) == []


def test_plain_title_gives_no_list():
    assert cards("## Reality\n- one\n- two\n", Kind.LIST) == []


def test_colon_title_gives_a_list_whatever_its_words():
    (card,) = cards("Stages of photosynthesis:\n  - light reactions\n  - Calvin cycle\n", Kind.LIST)
    assert card.question == "Stages of photosynthesis: name the 2 points."


def test_parent_bullet_ending_in_colon_gives_a_list_of_its_children():
    notes = "# Cells\n- Organelles:\n  - nucleus\n  - ribosome\n- other"
    (card,) = cards(notes, Kind.LIST)
    assert card.question == "Cells › Organelles: name the 2 points."
    assert card.answer == "nucleus\nribosome"


def test_prose_is_not_a_list_item():
    notes = "## Causes\n- one\n- two\n\nThis is a paragraph about them.\n\n## Next\n- x"
    assert cards(notes, Kind.LIST)[0].answer == "one\ntwo"


# ---------------------------------------------------------------------------- questions


def test_question_shows_the_whole_topic_path():
    notes = "=> Purges – impact on society* Show Trials1936- a- b1937- 353,000 executed"
    (card,) = cards(notes, Kind.FIGURE)
    assert (
        card.question == "Purges – impact on society › Show Trials › 1937: ____ executed. How many?"
    )


def test_question_without_topic_has_no_leading_colon():
    assert cards("- Lenin dies 1924", Kind.DATE)[0].question == "Lenin dies ____. In what year?"


def test_answer_is_blanked_in_the_topic_too():
    (card,) = cards("# 1924\n- Lenin dies 1924", Kind.DATE)
    assert "1924" not in card.question


def test_nested_bullet_question_shows_its_parent():
    notes = "# Cells\n- Nucleus holds the DNA\n  - double helix found in 1953"
    (card,) = cards(notes, Kind.DATE)
    assert card.question == (
        "Cells › Nucleus holds the DNA: double helix found in ____. In what year?"
    )


def test_long_bullet_question_is_cut_to_the_clause():
    filler = "; ".join(f"point number {i} about the economy" for i in range(30))
    notes = f"# T\n- {filler}; Lenin dies 1924; {filler}"
    (card,) = cards(notes, Kind.DATE)
    assert "Lenin dies ____" in card.question and len(card.question) < 200


def test_giant_word_still_leaves_words_around_the_blank():
    notes = "- " + "x" * 5000 + " 1924 " + "y" * 5000
    (card,) = cards(notes, Kind.DATE)
    assert "x ____ y" in card.question and len(card.question) < 400
    assert card.answer in card.source and len(card.source) <= 2000


def test_card_fields():
    (card,) = cards("# T\n\n- Lenin dies 1924", Kind.DATE)
    assert (card.deck, card.topic, card.source, card.position, card.line, card.slot) == (
        "deck",
        ("T",),
        "Lenin dies 1924",
        7,
        3,
        0,
    )


def test_slots_count_cards_of_one_kind_in_a_bullet():
    assert [c.slot for c in cards("# T\n- 1924 then 1925", Kind.DATE)] == [0, 1]


# ---------------------------------------------------------------------------- duplicates


def test_identical_bullets_in_one_topic_give_one_card():
    assert len(cards("# T\n- Lenin dies 1924\n- Lenin dies 1924", Kind.DATE)) == 1


def test_identical_bullets_in_two_topics_give_two_cards():
    notes = "# A\n- Lenin dies 1924\n# B\n- Lenin dies 1924"
    assert len(cards(notes, Kind.DATE)) == 2


def test_ids_are_unique_even_when_questions_differ_only_by_parent():
    notes = "# T\n- first\n  - in 1924\n- second\n  - in 1924"
    made = cards(notes, Kind.DATE)
    assert len(made) == 2 and len({c.id for c in made}) == 2


def test_extracting_twice_gives_the_same_ids():
    notes = NOTES.read_text(encoding="utf-8")
    assert [c.id for c in extract_cards(notes, "d")] == [c.id for c in extract_cards(notes, "d")]


def test_cards_come_in_file_order():
    positions = [c.position for c in cards("# T\n- b 1925\n- a 1924\n")]
    assert positions == sorted(positions)


# ---------------------------------------------------------------------------- junk


def test_scraped_copy_gives_the_same_cards_as_the_notes():
    scraped = (FIXTURES / "notes-as-scraped.txt").read_text(encoding="utf-8")
    notes = NOTES.read_text(encoding="utf-8")
    assert [c.to_dict() for c in extract_cards(scraped, "d")] == [
        c.to_dict() for c in extract_cards(notes, "d")
    ]


def test_advert_with_facts_after_the_notes_gives_no_cards():
    notes = "# T\n- Lenin dies 1924\n\nGet 20% off: offer ends 2025!\nClick here\n"
    assert [c.answer for c in cards(notes)] == ["1924"]


def test_question_line_after_the_notes_is_not_a_list_title():
    notes = "- a fact\n\nWould you like a custom essay?\n- Click here\n- Sign up\n"
    assert cards(notes, Kind.LIST) == []


# ---------------------------------------------------------------------------- shipped notes

DIGITS = re.compile(r"(?<![0-9])[0-9]+(?![0-9])(?!st|nd|rd|th)")


def test_shipped_every_number_in_a_bullet_is_in_some_date_or_figure_answer(shipped):
    outline = parse_notes(NOTES.read_text(encoding="utf-8"))
    by_source: dict[str, list[str]] = {}
    for c in shipped:
        if c.kind in (Kind.DATE, Kind.FIGURE):
            by_source.setdefault(c.source, []).append(c.answer)
    missing = []
    for bullet in outline.bullets:
        for m in DIGITS.finditer(bullet.text):
            found = by_source.get(bullet.text, [])
            if not any(re.search(rf"(?<![0-9]){m.group()}(?![0-9])", a) for a in found):
                missing.append((bullet.text, m.group()))
    assert missing == []


def test_shipped_every_arrow_gives_cause_cards_both_ways(shipped):
    outline = parse_notes(NOTES.read_text(encoding="utf-8"))
    causes = Counter(c.source for c in shipped if c.kind == Kind.CAUSE)
    for bullet in outline.bullets:
        arrows = bullet.text.count("=>")
        assert causes[bullet.text] >= 2 * arrows, bullet.text


def test_shipped_353000_executed(shipped):
    (card,) = [c for c in shipped if c.answer == "353,000"]
    assert card.kind == Kind.FIGURE
    assert card.topic == ("Purges – impact on society", "Show Trials", "1937")


def test_shipped_right_definition(shipped):
    assert any(
        c.kind == Kind.DEFINITION and c.answer == "Tomsky, Rykov & Bukharin" for c in shipped
    )


def test_shipped_why_list_under_the_pact(shipped):
    (card,) = [
        c for c in shipped if c.kind == Kind.LIST and c.topic == ("Nazi Soviet Pact", "Why?")
    ]
    assert card.answer.split("\n") == [
        "Time for rearmament program",
        "Hopeful: Germany in long & exhausting war w France & Britain",
        "Extend USSR territory & influence over Eastern Europe",
    ]


def test_shipped_cards_are_well_formed(shipped):
    assert {c.kind for c in shipped} == {
        Kind.DATE,
        Kind.FIGURE,
        Kind.CAUSE,
        Kind.DEFINITION,
        Kind.LIST,
    }
    assert all(c.answer.casefold() not in c.question.casefold() for c in shipped)
    assert len({(c.question, c.answer) for c in shipped}) == len(shipped)
    assert len({c.id for c in shipped}) == len(shipped)
    assert all(c.answer in c.source for c in shipped if c.kind != Kind.LIST)


# ---------------------------------------------------------------------------- other notes


def test_markdown_rendition_gives_the_same_key_cards():
    made = cards((FIXTURES / "stalin-slice.md").read_text(encoding="utf-8"))
    (executed,) = [c for c in made if c.answer == "353,000"]
    assert executed.topic == ("Purges – impact on society", "Show Trials", "1937")
    assert any(c.kind == Kind.DEFINITION and c.answer == "Tomsky, Rykov & Bukharin" for c in made)
    assert any(c.kind == Kind.LIST and c.topic == ("Nazi Soviet Pact", "Why?") for c in made)
    assert {"Operation Barbarossa", "Germany invades USSR"} <= {c.answer for c in made}


def test_biology_notes():
    made = cards((FIXTURES / "biology.md").read_text(encoding="utf-8"))
    got = {(c.kind, c.answer) for c in made}
    assert {
        (Kind.DEFINITION, "site of aerobic respiration"),
        (Kind.DATE, "1953"),
        (Kind.FIGURE, "20,000"),
        (Kind.FIGURE, "0.04%"),
        (Kind.FIGURE, "2,800 kJ"),
        (Kind.CAUSE, "water moving into the cell"),
        (Kind.CAUSE, "lactic acid"),
        (Kind.LIST, "light-dependent reactions\nlight-independent reactions (Calvin cycle)"),
    } <= got


def test_flattened_geography_notes():
    made = cards((FIXTURES / "geography-flattened.txt").read_text(encoding="utf-8"))
    (erupted,) = [c for c in made if c.answer == "18 May 1980"]
    assert erupted.topic == ("Volcanoes", "Case study: Mount St Helens", "1980")
    topics = {c.topic for c in made}
    assert ("Earthquakes", "Measuring") in topics
    assert {"2-5 cm", "$1.1 billion", "57", "600 km²", "1970s"} <= {c.answer for c in made}


# ---------------------------------------------------------------------------- properties

NOTE_PIECES = st.sampled_from(
    [
        "- ",
        "* ",
        "=> ",
        " => ",
        "\n",
        "  ",
        "\t",
        "# ",
        ":",
        "?",
        ".",
        ";",
        "(",
        ")",
        "“",
        "”",
        "1924",
        "1936-39",
        "Dec 1929",
        "801,000",
        "90%",
        "2 million tons",
        "4",
        "Lenin",
        "dies",
        "Right",
        "led to",
        "because",
        "Why?",
        "Results",
        "Non-Aggression",
        "x",
        "X",
        "____",
    ]
)


def check_cards(text: str) -> None:
    outline = parse_notes(text)
    items = {b.text for b in outline.bullets}
    made = extract_from_outline(outline, "deck")
    assert len({c.id for c in made}) == len(made)
    assert len({(c.question, c.answer) for c in made}) == len(made)
    for c in made:
        assert c.question.strip() and c.answer.strip()
        assert c.answer.casefold() not in c.question.casefold()
        if c.kind == Kind.LIST:
            assert all(item in items for item in c.answer.split("\n"))
        else:
            assert c.answer in c.source


@settings(max_examples=200, deadline=None)
@given(st.text())
def test_any_text_gives_well_formed_cards(text):
    check_cards(text)


@settings(max_examples=300, deadline=None)
@given(st.lists(NOTE_PIECES, max_size=80))
def test_note_like_text_gives_well_formed_cards(pieces):
    check_cards("".join(pieces))


def test_twenty_thousand_bullets_extract():
    lines = [
        f"# Topic {i}\n" if i % 50 == 0 else f"- fact {i}: {1000 + i % 1000} => {i}0% rise\n"
        for i in range(20_000)
    ]
    made = extract_cards("".join(lines), "deck")
    assert len(made) > 20_000


# ---------------------------------------------------------------------------- pieces

_LINES = [
    "# Unit A", "# Unit B:", "# ", "#", "## Aims", "### Results of the war", "**Key terms**",
    "- Stalin took power in 1928", "- 5 million died => famine", "- Term: a meaning",
    "  - nested 45% of farms", "* Sub-topic", "=> Section", "plain line after",
    "continued lowercase text", "Why?", "1. first point 1930", "- Tomsky, Rykov & Bukharin",
    "", "", "---", "===", "* Topic- bullet 1924- bullet 1925=> Next", "Closing advert text.",
]


def read_in_pieces(pieces) -> list:
    return [card for cards in unique_pieces(extract_piece(piece, "d") for piece in pieces)
            for card in cards]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(_LINES), max_size=80), st.integers(2, 5))
def test_pieces_give_exactly_the_cards_of_the_whole_file(lines, parts):
    text = "\n".join(lines) + "\n"
    pieces = split_notes(text, parts)
    assert read_in_pieces(pieces) == extract_cards(text, "d")


def test_pieces_of_the_fixtures_give_the_same_cards():
    fixtures = Path(__file__).parent / "fixtures"
    text = "\n".join(f"# {path.stem}\n\n{path.read_text(encoding='utf-8')}"
                     for path in sorted(fixtures.glob("*.md")) * 3)
    pieces = split_notes(text, 4)
    assert len(pieces) == 4
    assert read_in_pieces(pieces) == extract_cards(text, "d")
