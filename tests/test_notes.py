"""Specs for revise.notes: reading a notes file's bytes, and parsing text into an outline."""

from __future__ import annotations

import codecs
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from revise.errors import NotesError
from revise.notes import clean_text, decode_notes, parse_notes, split_notes, trim_ends

ROOT = Path(__file__).resolve().parent.parent
NOTES = ROOT / "data" / "notes.txt"
FIXTURES = Path(__file__).resolve().parent / "fixtures"


def texts(notes: str) -> list[str]:
    return [b.text for b in parse_notes(notes).bullets]


def topics(notes: str) -> dict[str, tuple[str, ...]]:
    return {b.text: b.topic for b in parse_notes(notes).bullets}


def titles(notes: str) -> list[str]:
    return [s.title for s in parse_notes(notes).sections]


# ---------------------------------------------------------------------------- decode_notes


def test_decode_plain_utf8():
    assert decode_notes(b"- Lenin dies 1924\n") == "- Lenin dies 1924\n"


def test_decode_strips_utf8_bom():
    assert decode_notes(codecs.BOM_UTF8 + b"- a 1924") == "- a 1924"


@pytest.mark.parametrize("codec", ["utf-16-le", "utf-16-be"])
def test_decode_utf16_with_bom(codec):
    bom = codecs.BOM_UTF16_LE if codec.endswith("le") else codecs.BOM_UTF16_BE
    assert decode_notes(bom + "* Round 1\n- Lenin dies 1924".encode(codec)) == (
        "* Round 1\n- Lenin dies 1924"
    )


def test_decode_normalises_crlf_and_cr_to_lf():
    assert decode_notes(b"- a\r\n- b\r- c\n") == "- a\n- b\n- c\n"


def test_decode_replaces_control_characters_with_spaces_but_keeps_tabs():
    assert decode_notes(b"- Lenin\x07 dies\x1b 1924\n\t- b") == "- Lenin  dies  1924\n\t- b"


def test_decode_rejects_nul_bytes_as_binary():
    with pytest.raises(NotesError, match="looks like a binary file, not text notes"):
        decode_notes(b"- Lenin dies 1924\x00\x00")


def test_decode_rejects_binary_content():
    with pytest.raises(NotesError, match="binary"):
        decode_notes(bytes(range(1, 32)) * 20)


def test_decode_rejects_invalid_utf8_with_the_offset():
    with pytest.raises(NotesError, match=r"is not UTF-8 text \(invalid byte at offset 8\)"):
        decode_notes(b"- caf\xc3\xa9 \xff opened")


def test_decode_offset_counts_the_bom():
    with pytest.raises(NotesError, match="offset 4"):
        decode_notes(codecs.BOM_UTF8 + b"a\xff")


@pytest.mark.parametrize("data", [b"", b"   ", b" \n\t\r\n  \n", codecs.BOM_UTF8])
def test_decode_rejects_empty_notes(data):
    with pytest.raises(NotesError, match="^is empty$"):
        decode_notes(data)


def test_decode_strips_terminal_colour_codes():
    assert decode_notes(b"- Lenin dies \x1b[31m1924\x1b[0m") == "- Lenin dies 1924"


def test_decode_error_messages_are_one_short_line():
    with pytest.raises(NotesError) as info:
        decode_notes(b"\xff\xfe\x00")  # odd-length UTF-16
    message = str(info.value)
    assert "\n" not in message and "Traceback" not in message and len(message) < 80


# ---------------------------------------------------------------------------- clean_text


def test_clean_collapses_whitespace():
    assert clean_text("  Lenin \t dies   1924 ") == "Lenin dies 1924"


def test_clean_drops_an_equals_sign_left_by_a_broken_arrow():
    assert clean_text("801,000 (1925) =; 1.5mil (1929)") == "801,000 (1925); 1.5mil (1929)"


def test_clean_drops_a_stray_footnote_star():
    assert (
        clean_text("shot, deported or arrested) *quelled") == "shot, deported or arrested) quelled"
    )


def test_clean_keeps_equals_between_words():
    assert clean_text("education=educated workforce") == "education=educated workforce"


def test_clean_removes_markdown_bold():
    assert clean_text("**Mitochondria**: respiration") == "Mitochondria: respiration"


def test_clean_trims_unmatched_brackets_at_the_ends():
    assert clean_text("Trotsky not)") == "Trotsky not"
    assert clean_text("(chief mourner)") == "(chief mourner)"


def test_clean_keeps_a_trailing_apostrophe():
    assert clean_text("the students’") == "the students’"


# ---------------------------------------------------------------------------- clean outlines


def test_dash_bullets():
    assert texts("- a fact\n- another fact\n") == ["a fact", "another fact"]


@pytest.mark.parametrize("marker", ["-", "*", "+", "•", "1.", "2)", "–"])
def test_each_bullet_marker(marker):
    assert texts(f"{marker} Lenin dies 1924") == ["Lenin dies 1924"]


def test_hyphen_without_space_is_not_a_bullet():
    outline = parse_notes("-5 degrees at night")
    assert outline.bullets[0].prose


def test_year_ending_a_sentence_is_not_a_numbered_bullet():
    assert parse_notes("1936. The constitution").bullets[0].prose


def test_markdown_heading_levels_build_the_topic_path():
    notes = "# Purges\n## Show Trials\n### 1937\n- 353,000 executed\n"
    assert topics(notes) == {"353,000 executed": ("Purges", "Show Trials", "1937")}


def test_a_shallower_heading_closes_deeper_ones():
    notes = "# A\n## B\n- x\n# C\n- y\n"
    assert topics(notes) == {"x": ("A", "B"), "y": ("C",)}


def test_closing_hashes_are_not_part_of_the_title():
    assert titles("## Results ##\n- x") == ["Results"]


def test_hashtag_without_space_is_not_a_heading():
    outline = parse_notes("#revision\n\n- x")
    assert outline.sections == [] and outline.bullets[0].prose


def test_setext_headings():
    notes = "Purges\n======\nShow Trials\n-----------\n- x\n"
    assert topics(notes) == {"x": ("Purges", "Show Trials")}


def test_arrow_and_star_lines_are_sections_and_sub_topics():
    notes = "* Strengths\n- card index\n=> Purges\n* Show Trials\n- 353,000 executed\n"
    assert topics(notes) == {
        "card index": ("Strengths",),
        "353,000 executed": ("Purges", "Show Trials"),
    }


def test_star_bullets_without_dash_bullets_stay_bullets():
    assert texts("* one\n* two\n") == ["one", "two"]


def test_arrow_line_without_bullets_after_it_is_prose():
    outline = parse_notes("- a\n=> so the war began\n")
    assert outline.sections == [] and outline.bullets[-1].text == "=> so the war began"


def test_nested_bullets_by_indentation():
    outline = parse_notes("- parent\n  - child\n    - grandchild\n- sibling\n")
    parent, child, grandchild, sibling = outline.bullets
    assert parent.children == [child] and child.children == [grandchild]
    assert grandchild.parent is child and sibling.parent is None


def test_tabs_indent_like_four_spaces():
    outline = parse_notes("- parent\n\t- child\n    - also child\n")
    assert [c.text for c in outline.bullets[0].children] == ["child", "also child"]


def test_bullet_ending_in_colon_is_a_parent_in_its_childrens_topic():
    outline = parse_notes("# Photosynthesis\n- Products:\n  - glucose\n  - oxygen\n")
    products, glucose, _ = outline.bullets
    assert products.intro and products.text == "Products"
    assert glucose.topic == ("Photosynthesis", "Products")


def test_line_ending_in_colon_heads_the_bullets_after_it():
    notes = "# Pact\nWhy:\n- rearmament\n- territory\n"
    assert topics(notes) == {"rearmament": ("Pact", "Why"), "territory": ("Pact", "Why")}
    assert parse_notes(notes).sections[-1].intro


def test_line_followed_by_indented_bullets_heads_them():
    notes = "Causes of the war\n  - alliances\n  - militarism\n"
    assert topics(notes)["alliances"] == ("Causes of the war",)


def test_short_line_right_before_bullets_heads_them():
    notes = "# Power\nTraditional View\n- efficient dictatorship\n"
    assert topics(notes) == {"efficient dictatorship": ("Power", "Traditional View")}


def test_sentence_before_a_blank_line_is_prose_not_a_heading():
    outline = parse_notes("The purges were long and bloody.\n\n- 353,000 executed\n")
    assert outline.sections == [] and outline.bullets[0].prose


def test_bold_line_is_a_heading():
    assert topics("**Results**\n- famine 1933")["famine 1933"] == ("Results",)


def test_indented_line_continues_the_bullet_above():
    assert texts("- Lenin died in\n  January 1924\n- next") == [
        "Lenin died in January 1924",
        "next",
    ]


def test_wrapped_lowercase_line_continues_the_bullet_above():
    assert texts("- Lenin died in\njanuary 1924") == ["Lenin died in january 1924"]


def test_crlf_line_endings():
    outline = parse_notes("# A\r\n- one 1924\r\n- two\r\n")
    assert [(b.text, b.line) for b in outline.bullets] == [("one 1924", 2), ("two", 3)]


def test_bom_and_curly_quotes_survive():
    assert texts("\ufeff- Stalin’s “comrade card index”") == ["Stalin’s “comrade card index”"]


def test_checkbox_is_not_part_of_the_text():
    assert texts("- [x] revise Kirov") == ["revise Kirov"]


def test_fenced_code_is_skipped():
    assert texts("```\n- not a note\n```\n- a note") == ["a note"]


def test_positions_point_at_the_bullet_text():
    notes = "# Title\n\n- first\n  - second"
    for bullet in parse_notes(notes).bullets:
        assert notes[bullet.position :].startswith(bullet.text)


def test_lines_are_one_based():
    assert [b.line for b in parse_notes("# T\n- a\n\n- b").bullets] == [2, 4]


def test_markers_only_give_no_bullets():
    assert parse_notes("- - - * * =>\n=> => *\n- \n* \n=>\n").bullets == []


def test_stray_word_hyphen_in_clean_notes_is_text():
    assert texts("- a well- known fact") == ["a well- known fact"]


def test_rule_marks_around_a_title_make_a_heading():
    notes = "=== Rooms ===\nla cuisine: kitchen\n--- les meubles (m) ---\nle lit - bed\n"
    assert topics(notes) == {
        "la cuisine: kitchen": ("Rooms",),
        "le lit - bed": ("les meubles (m)",),
    }


def test_numbered_markdown_heading_drops_its_number():
    outline = parse_notes("## 1) definitions\n- x\n## 2) the target (CPI)\n- y\n")
    assert [(s.title, s.numbered) for s in outline.sections] == [
        ("definitions", True),
        ("the target (CPI)", True),
    ]


def test_numbered_line_with_items_under_it_is_a_heading():
    notes = "1. Animal and plant cells – the basics\n- nucleus – contains DNA\n2. Microscopy\n- x\n"
    outline = parse_notes(notes)
    assert [(s.title, s.numbered) for s in outline.sections] == [
        ("Animal and plant cells – the basics", True),
        ("Microscopy", True),
    ]
    assert topics(notes)["x"] == ("Microscopy",)


def test_run_of_numbered_lines_is_an_ordered_list():
    notes = "## Elements\n1. offer\n2. acceptance\n3) consideration\n(also: legality)\n"
    outline = parse_notes(notes)
    assert titles(notes) == ["Elements"]
    assert [(b.text, b.numbered) for b in outline.bullets] == [
        ("offer", True),
        ("acceptance", True),
        ("consideration", True),
        ("(also: legality)", False),
    ]


def test_dash_bullets_are_not_numbered():
    assert not parse_notes("- a\n- b\n").bullets[0].numbered


def test_all_caps_line_is_a_heading():
    notes = "# Rivers\n\nCASE STUDY – Storm Desmond\n\nwhen: 5–6 December 2015\n"
    assert topics(notes) == {"when: 5–6 December 2015": ("Rivers", "CASE STUDY – Storm Desmond")}


def test_all_caps_title_with_a_lowercase_aside():
    notes = "# Geo\nRIVERS + FLOODING (paper 1 physical)\n\n- gradient gets less steep\n"
    assert titles(notes) == ["Geo", "RIVERS + FLOODING (paper 1 physical)"]


def test_acronym_and_its_meaning_is_not_a_heading():
    notes = "# Networks\nIMAP – Internet Message Access Protocol\nTCP – Transmission Control\n"
    assert titles(notes) == ["Networks"]
    assert len(parse_notes(notes).bullets) == 2


def test_bold_line_heads_star_bullets():
    notes = "# FORCES\n\n**Scalars vs vectors**\n* scalar = size only\n"
    assert topics(notes) == {"scalar = size only": ("FORCES", "Scalars vs vectors")}


def test_first_line_set_apart_is_the_files_title():
    notes = "digestive system - b2 organisation\n\nthe organs:\n• mouth (teeth chew food)\n"
    assert topics(notes) == {
        "mouth (teeth chew food)": ("digestive system - b2 organisation", "the organs")
    }


def test_title_holds_the_markdown_headings_under_it():
    notes = "FRENCH - ma maison\n\n=== types of home ===\nla ferme - farm\n"
    assert topics(notes) == {"la ferme - farm": ("FRENCH - ma maison", "types of home")}


def test_first_line_of_vocabulary_is_not_a_title():
    notes = "la maison - the house\n\n- la ferme - farm\n"
    assert titles(notes) == []


def test_heading_titles_keep_emoji():
    assert titles("# Trigonometry 📐 (higher)\n- x") == ["Trigonometry 📐 (higher)"]


def test_line_ending_in_colon_heads_the_lines_after_it():
    notes = "# Vocab\nrooms:\nla cuisine: kitchen\nle salon = living room\n"
    assert topics(notes) == {
        "la cuisine: kitchen": ("Vocab", "rooms"),
        "le salon = living room": ("Vocab", "rooms"),
    }


def test_short_line_over_lines_of_terms_heads_them():
    notes = "- a\n\nwhere is it? (prepositions)\ndans = in, sur = on\n"
    assert topics(notes)["dans = in, sur = on"] == ("where is it? (prepositions)",)


def test_formula_before_bullets_is_not_a_heading():
    notes = "# SOHCAHTOA\nsin θ = opp / hyp\ntan θ = opp / adj\n- hyp = longest side\n"
    assert titles(notes) == ["SOHCAHTOA"]
    assert texts(notes)[1] == "tan θ = opp / adj"


@pytest.mark.parametrize(
    "notes",
    [
        "la maison - the house\nla ferme - farm\n",
        "le salon = living room\nla salle à manger = dining room\n",
        "la cuisine: kitchen\nla chambre: bedroom\n",
        "le lit - bed\nl'armoire (f) - wardrobe\n",
    ],
)
def test_vocabulary_lines_are_one_item_each(notes):
    outline = parse_notes(notes)
    assert [b.text for b in outline.bullets] == notes.strip().split("\n")
    assert all(b.prose and not b.detached for b in outline.bullets)


def test_short_lowercase_line_is_an_item_of_its_own():
    assert texts("g on Earth = 9.8 N/kg\nmass is the same everywhere\n") == [
        "g on Earth = 9.8 N/kg",
        "mass is the same everywhere",
    ]


def test_line_after_an_open_phrase_continues_it():
    assert texts("Trotsky was expelled from the\nparty in 1927") == [
        "Trotsky was expelled from the party in 1927"
    ]


def test_indented_arrow_line_is_a_child_of_the_prose_line_above():
    outline = parse_notes("Newton's 1st law: zero force, no change\n  -> inertia = carrying on\n")
    law, inertia = outline.bullets
    assert inertia.text == "inertia = carrying on" and inertia.parent is law
    assert law.children == [inertia] and law.prose and not inertia.prose


def test_indented_example_is_a_child_of_the_bullet_above():
    outline = parse_notes("- % change = (new − old) / old × 100\n    eg index 120 -> 126: 5%\n")
    change, example = outline.bullets
    assert example.text == "eg index 120 -> 126: 5%" and example.parent is change


def test_indented_bullet_under_a_prose_line_is_its_child():
    outline = parse_notes("rain: 341 mm in 24 hrs\n    + 405 mm at Thirlmere\n")
    rain, more = outline.bullets
    assert more.parent is rain and outline.sections == []


@pytest.mark.parametrize("arrow", ["->", "→", "=>"])
def test_each_arrow_opens_a_child(arrow):
    outline = parse_notes(f"- scalar = size only\n  {arrow} speed, mass\n")
    assert [c.text for c in outline.bullets[0].children] == ["speed, mass"]


def test_table_body_rows_are_bullets_with_cells_and_header():
    notes = (
        "## Particles\n| particle | relative mass |\n|----------|:---:|\n"
        "| proton   | 1 |\n| electron | very small (~1/1836) |\n"
    )
    outline = parse_notes(notes)
    assert [(b.text, b.cells, b.header, b.topic) for b in outline.bullets] == [
        ("proton | 1", ("proton", "1"), ("particle", "relative mass"), ("Particles",)),
        (
            "electron | very small (~1/1836)",
            ("electron", "very small (~1/1836)"),
            ("particle", "relative mass"),
            ("Particles",),
        ),
    ]
    for bullet in outline.bullets:
        assert notes[bullet.position :].startswith(bullet.cells[0])


def test_table_without_outer_pipes():
    outline = parse_notes("protocol | port\n---|---\nHTTP | 80\nHTTPS | 443\n")
    assert [(b.cells, b.header) for b in outline.bullets] == [
        (("HTTP", "80"), ("protocol", "port")),
        (("HTTPS", "443"), ("protocol", "port")),
    ]


def test_table_without_a_header_row():
    outline = parse_notes("| Na | 2,8,1 |\n| Cl | 2,8,7 |\n")
    assert [(b.cells, b.header) for b in outline.bullets] == [
        (("Na", "2,8,1"), ()),
        (("Cl", "2,8,7"), ()),
    ]


def test_table_ends_at_the_first_line_without_pipes():
    outline = parse_notes("| a | b |\n|---|---|\n| x | 1 |\n- radius 0.1 nm\n")
    assert [(b.text, b.cells) for b in outline.bullets] == [
        ("x | 1", ("x", "1")),
        ("radius 0.1 nm", ()),
    ]


def test_pipes_in_a_line_outside_a_table_are_text():
    notes = "STM: coding = acoustic | capacity = 7±2 items\nLTM: coding = semantic | unlimited\n"
    outline = parse_notes(notes)
    assert [(b.text, b.cells) for b in outline.bullets] == [
        ("STM: coding = acoustic | capacity = 7±2 items", ()),
        ("LTM: coding = semantic | unlimited", ()),
    ]


def test_closing_line_of_facts_after_the_bullets_is_not_detached():
    outline = parse_notes("- a fact\n- another\n\nrain: 341 mm in 24 hrs\n")
    assert not any(b.detached for b in outline.bullets)


def test_notes_of_headings_and_prose_are_not_detached():
    outline = parse_notes("# Inflation\n\nInflation is a rise in prices.\n\nDeflation is a fall.\n")
    assert not any(b.detached for b in outline.bullets)


def test_words_after_the_bullets_are_still_detached():
    outline = parse_notes("- a fact\n- another\n\nClick here\n")
    assert outline.bullets[-1].detached


def test_an_advert_with_numbers_after_the_bullets_is_detached():
    outline = parse_notes("- a fact 1924\n\nGet 20% off: offer ends 2025!\nClick here\n")
    assert [b.detached for b in outline.bullets] == [False, True, True]


# ---------------------------------------------------------------------------- flattened notes

FLAT = "* Strengths- card index- posts held- 801,000 members"


def test_line_with_glued_markers_is_read_as_flattened():
    outline = parse_notes(FLAT)
    assert outline.flattened
    assert [(b.text, b.topic) for b in outline.bullets] == [
        ("card index", ("Strengths",)),
        ("posts held", ("Strengths",)),
        ("801,000 members", ("Strengths",)),
    ]


def test_glued_arrow_opens_a_major_section():
    notes = "* A- x- y- in December=> Collectivization* Aims- grain"
    assert topics(notes) == {
        "x": ("A",),
        "y": ("A",),
        "in December": ("A",),
        "grain": ("Collectivization", "Aims"),
    }


def test_glued_arrow_after_a_question_mark():
    notes = "* However- a- b- caught up with west?=> Nature* The State- one party"
    assert topics(notes)["caught up with west?"] == ("However",)
    assert topics(notes)["one party"] == ("Nature", "The State")


def test_spaced_arrow_inside_a_bullet_is_text():
    notes = "* S- a- Committee => met in secret- (Cheka) => OGPU =>NKVD."
    assert texts(notes)[1:] == ["Committee => met in secret", "(Cheka) => OGPU =>NKVD."]


def test_spaced_star_before_a_word_is_text():
    assert texts("* R- a- b- arrested) *quelled- c")[2] == "arrested) quelled"


def test_hyphens_inside_words_and_numbers_are_text():
    assert texts("* P- Non-Aggression Pact- 1936-39 purge- Five-Year Plan") == [
        "Non-Aggression Pact",
        "1936-39 purge",
        "Five-Year Plan",
    ]


def test_en_dash_is_text():
    assert titles("* Round 1 – Trotsky- a- b") == ["Round 1 – Trotsky"]


def test_marker_glued_to_a_closing_quote():
    assert texts("* S- “comrade card index”- Held posts- c") == [
        "“comrade card index”",
        "Held posts",
        "c",
    ]


def test_glued_year_after_a_title_is_a_sub_heading():
    notes = "=> Purges* Show Trials1936- first major- Confessions"
    assert topics(notes)["first major"] == ("Purges", "Show Trials", "1936")


def test_glued_year_after_a_bullet_replaces_the_previous_sub_heading():
    notes = "=> P* Show Trials1936- a- Great Purge/Yezhovschina1937- 353,000 executed"
    assert topics(notes) == {
        "a": ("P", "Show Trials", "1936"),
        "Great Purge/Yezhovschina": ("P", "Show Trials", "1936"),
        "353,000 executed": ("P", "Show Trials", "1937"),
    }


def test_glued_year_after_a_full_stop():
    assert topics("* T- a- arrested and shot.1938- Third trial")["Third trial"] == ("T", "1938")


def test_glued_capitalised_words_after_a_lowercase_letter_are_a_sub_heading():
    notes = "* Power- a- than Mussolini or HitlerRevisionist Views- Extent of efficiency"
    assert topics(notes) == {
        "a": ("Power",),
        "than Mussolini or Hitler": ("Power",),
        "Extent of efficiency": ("Power", "Revisionist Views"),
    }


def test_glued_heading_after_a_question_mark():
    notes = "=> E* What was extent of his power?Traditional View- Creator- b"
    assert topics(notes)["Creator"] == ("E", "What was extent of his power?", "Traditional View")


def test_glued_heading_on_a_major_section_title():
    notes = "* A- x- y=> Nature of Soviet StateBackground* The State- one party"
    assert titles(notes) == ["A", "Nature of Soviet State", "Background", "The State"]
    assert topics(notes)["one party"] == ("Nature of Soviet State", "The State")


@pytest.mark.parametrize("name", ["McDonald", "iPhone", "YouTube", "GitHub"])
def test_camel_cased_names_are_not_split(name):
    notes = f"* A- x- y- bought by {name}- z"
    assert f"bought by {name}" in texts(notes)


def test_year_in_brackets_is_not_split_off():
    assert titles("* Round 3 – Right(1928-29)- a- b") == ["Round 3 – Right(1928-29)"]


def test_year_after_a_space_is_not_a_sub_heading():
    assert titles("* Kirov’s murder, 1934- a- b- Lenin dies 1924- c") == ["Kirov’s murder, 1934"]


def test_long_tail_is_not_a_heading():
    notes = "* A- x- y- he saidThe Party Was Always Right About Everything- z"
    assert titles(notes) == ["A"]


def test_glued_markers_in_one_clean_line_do_not_flatten_it():
    assert not parse_notes("- a well- known fact\n- more").flattened


def test_shipped_notes_are_flattened():
    assert parse_notes(NOTES.read_text(encoding="utf-8")).flattened


def test_shipped_notes_put_353000_executed_under_1937():
    outline = parse_notes(NOTES.read_text(encoding="utf-8"))
    (bullet,) = [b for b in outline.bullets if b.text == "353,000 executed"]
    assert bullet.topic == ("Purges – impact on society", "Show Trials", "1937")


def test_shipped_notes_glued_sub_headings():
    outline = parse_notes(NOTES.read_text(encoding="utf-8"))
    paths = {s.path for s in outline.sections}
    assert {
        ("Nature of Soviet State and Cult of Personality", "Background"),
        ("Extent of Stalin’s power", "What was extent of his power?", "Traditional View"),
        ("Extent of Stalin’s power", "What was extent of his power?", "Revisionist Views"),
        ("Purges – impact on society", "Show Trials", "1938"),
        ("Purges – impact on society", "Show Trials", "1939"),
    } <= paths


def test_shipped_notes_start_without_a_major_section():
    first = parse_notes(NOTES.read_text(encoding="utf-8")).bullets[0]
    assert first.text == "“comrade card index”" and first.topic == ("Stalin’s strengths",)


SPACED = (FIXTURES / "cold-war-spaced.txt").read_text(encoding="utf-8")


def test_long_line_with_spaced_markers_is_read_as_flattened():
    outline = parse_notes(SPACED)
    assert outline.flattened
    assert topics(SPACED)["$400 million aid to Greece + Turkey"] == (
        "COLD WAR 1945-1991 revision (paper 2)",
        "Tension grows 1946-47",
        "Truman Doctrine (March 1947)",
    )


def test_spaced_flattened_line_keeps_arrows_inside_bullets():
    assert "April 1945 FDR dies => Truman president, much tougher on Stalin" in texts(SPACED)
    assert titles(SPACED)[3] == "Conferences of 1945"


def test_spaced_arrow_before_a_sub_topic_opens_a_section():
    notes = "* A- x- y- tested a bomb => arms race => Khrushchev + Hungary* Thaw?- Stalin dies 1953"
    assert topics(notes) == {
        "x": ("A",),
        "y": ("A",),
        "tested a bomb => arms race": ("A",),
        "Stalin dies 1953": ("Khrushchev + Hungary", "Thaw?"),
    }


def test_spaced_arrow_before_a_sentence_is_an_arrow():
    notes = "* A- x- y- Bay of Pigs fails => Castro moves closer to USSR* B- z"
    assert "Bay of Pigs fails => Castro moves closer to USSR" in texts(notes)
    assert titles(notes) == ["A", "B"]


def test_spaced_arrow_before_lowercase_words_is_an_arrow():
    notes = "* S- a- run Party => run government => run country* What?- b"
    assert "run Party => run government => run country" in texts(notes)


def test_points_run_together_with_spaced_dots_belong_to_the_title_before_them():
    notes = ("# Russia\nDual Power • Prov Govt shared power w/ the Soviet • Order No.1 said so\n"
             "Lenin - leader of the Bolsheviks\n")
    assert topics(notes) == {
        "Dual Power": ("Russia",),
        "Prov Govt shared power w/ the Soviet": ("Russia", "Dual Power"),
        "Order No.1 said so": ("Russia", "Dual Power"),
        "Lenin - leader of the Bolsheviks": ("Russia",),
    }


def test_a_long_line_of_points_after_a_short_title_and_its_arrow():
    notes = ("February Revolution 1917 => 23 Feb (8 March new calendar) - Women's Day march "
             "turned into mass strikes - soldiers of the garrison mutinied - Tsar abdicated on "
             "2 March 1917 - end of over 300 yrs of Romanov rule - Provisional Govt took over, "
             "led by Prince Lvov - Petrograd Soviet set up - Lenin still in exile\n")
    found = topics(notes)
    assert found["23 Feb (8 March new calendar)"] == ("February Revolution 1917",)
    assert found["soldiers of the garrison mutinied"] == ("February Revolution 1917",)


def test_text_before_the_first_section_of_a_flattened_file_is_its_title():
    notes = "HISTORY revision => Origins* Alliance- a- b"
    assert topics(notes)["a"] == ("HISTORY revision", "Origins", "Alliance")


@pytest.mark.parametrize(
    "line",
    [
        "la douche (f) - shower,  la baignoire (f) - bath",
        "(OSI model has 7 layers - physical, data link, network - not on our spec)",
        "Term - meaning - more - and more - and more",
    ],
)
def test_short_lines_with_spaced_dashes_stay_whole(line):
    outline = parse_notes(line)
    assert not outline.flattened and len(outline.bullets) == 1


# ---------------------------------------------------------------------------- junk


def test_advert_after_the_notes_is_detached():
    outline = parse_notes((FIXTURES / "notes-as-scraped.txt").read_text(encoding="utf-8"))
    detached = [b.text for b in outline.bullets if b.detached]
    assert detached == [
        "I'm Dora!",
        "Would you like to get a custom essay? How about receiving a customized one?",
        "Click here",
    ]


def test_question_line_is_not_a_heading_without_bullets_after_it():
    outline = parse_notes("- a fact\n\nWould you like a custom essay?\n")
    assert outline.sections == []


def test_prose_only_notes_are_not_detached():
    outline = parse_notes("Lenin died in 1924.\n\nStalin rose after.\n")
    assert not any(b.detached for b in outline.bullets)


# ---------------------------------------------------------------------------- robustness


@settings(max_examples=200, deadline=None)
@given(st.text())
def test_parse_never_raises(text):
    outline = parse_notes(text)
    for bullet in outline.bullets:
        assert bullet.text and 0 <= bullet.position <= len(text)


@settings(max_examples=100, deadline=None)
@given(
    st.lists(
        st.sampled_from(
            [
                "- ",
                "* ",
                "=> ",
                "=>",
                "•",
                "1936",
                "-",
                "a",
                "B",
                " ",
                "\n",
                "\t",
                ":",
                "?",
                ".",
                "(",
                ")",
                "“",
                "|",
                "|---|",
                "---|---",
                "1. ",
                "2) ",
                "=== ",
                " --- ",
                "**",
                "-> ",
                "eg ",
                " - ",
                " => ",
                "ALL CAPS",
            ]
        ),
        max_size=60,
    )
)
def test_parse_never_raises_on_marker_soup(parts):
    parse_notes("".join(parts))


def test_ten_thousand_nesting_levels():
    notes = "".join(" " * depth + f"- level {depth}\n" for depth in range(10_000))
    outline = parse_notes(notes)
    assert len(outline.bullets) == 10_000


def test_one_long_line():
    notes = "- " + "Lenin dies 1924 and " * 50_000
    assert len(parse_notes(notes).bullets) == 1


def test_one_long_flattened_line():
    notes = "* Topic" + "- a fact about 1924" * 20_000
    assert len(parse_notes(notes).bullets) == 20_000


# ---------------------------------------------------------------------------- pieces

UNITS = "".join(
    f"# Unit {n}\n\nIntro line\n\n## Causes:\n- War in 19{10 + n} led to famine\n"
    "- Term: a meaning\n"
    for n in range(6)
)


def test_split_cuts_at_top_level_headings_into_the_parts_asked_for():
    pieces = split_notes(UNITS, 3)
    assert len(pieces) == 3
    assert [piece.text.splitlines()[0] for piece in pieces] == ["# Unit 0", "# Unit 2", "# Unit 4"]
    for piece in pieces:
        assert UNITS[piece.offset:].startswith(piece.text.split("\n", 1)[0])


def test_each_piece_ends_with_the_next_pieces_heading_line():
    first, second = split_notes(UNITS, 2)
    assert first.text.endswith(second.text.split("\n", 1)[0] + "\n")
    assert second.text == UNITS[second.offset:]


def test_pieces_know_their_first_line():
    for piece in split_notes(UNITS, 3):
        assert piece.first_line == UNITS[: piece.offset].count("\n") + 1


def test_a_piece_parses_as_it_does_in_the_whole_file():
    whole = parse_notes(UNITS)
    parsed = [parse_notes(p.text, offset=p.offset, first_line=p.first_line)
              for p in split_notes(UNITS, 3)]
    bullets = [(b.text, b.topic, b.position, b.line) for o in parsed for b in o.bullets]
    assert bullets == [(b.text, b.topic, b.position, b.line) for b in whole.bullets]


@pytest.mark.parametrize("notes", [
    "- just bullets\n- and more\n" * 50,
    "# One\n- a\n```\n# Not a heading\n```\n# Two\n- b\n" * 10,
    "# One\n- a\n~~~\n# Two\n~~~\n" * 10,
])
def test_notes_without_safe_cuts_stay_whole(notes):
    assert split_notes(notes, 4) == split_notes(notes, 1)
    assert len(split_notes(notes, 4)) == 1


def test_pieces_are_at_least_the_minimum_size():
    pieces = split_notes(UNITS, 6, min_chars=len(UNITS) // 3)
    assert 1 < len(pieces) <= 3
    assert all(len(p.text) >= len(UNITS) // 3 for p in pieces[:-1])


def test_a_heading_that_is_really_a_flattened_line_is_not_a_cut():
    notes = "# Unit- a fact 1924- another 1925- more 1926\n" + "- filler\n" * 20
    notes = "- start\n" * 20 + notes + "# Real heading\n- x\n"
    cuts = [p.text.split("\n", 1)[0] for p in split_notes(notes, 3)[1:]]
    assert cuts == ["# Real heading"]


def test_prose_under_the_last_heading_reads_the_same_in_pieces():
    notes = UNITS + "# Closing\n\nInflation is a rise in prices.\n"
    whole = parse_notes(notes)
    parsed = [
        parse_notes(p.text, offset=p.offset, first_line=p.first_line)
        for p in split_notes(notes, 3)
    ]
    pieces = [(b.text, b.topic, b.detached) for o in parsed for b in o.bullets]
    assert pieces == [(b.text, b.topic, b.detached) for b in whole.bullets]
    assert not whole.bullets[-1].detached


def test_long_paragraph_with_a_few_spaced_dashes_stays_whole():
    line = (
        "Context: written approx 1606 - just after the Gunpowder Plot - when King James I was"
        " on the throne - he believed he was descended from Banquo - and wrote Daemonologie"
        " about witches, so killing a king was a sin against God and the play warns of it."
    )
    outline = parse_notes(line)
    assert not outline.flattened and len(outline.bullets) == 1


def test_title_above_numbered_headings():
    notes = "Cell biology – B1\n\n1. Animal and plant cells\nNucleus – contains DNA\n"
    assert topics(notes) == {
        "Nucleus – contains DNA": ("Cell biology – B1", "Animal and plant cells")
    }


def test_two_points_joined_by_one_spaced_dot_are_two_bullets():
    notes = ("# The West\nIndian Removal Act 1830 - moved eastern tribes west • Fort Laramie "
             "Treaty 1851 - safe passage for migrants\n")
    found = topics(notes)
    assert "Indian Removal Act 1830 - moved eastern tribes west" in found
    assert "Fort Laramie Treaty 1851 - safe passage for migrants" in found


def test_a_web_page_byline_and_related_links_are_not_notes():
    notes = ("Key Topic 1: The early settlement of the West\nUpdated 2023 • 12 min read\n"
             "Homestead Act 1862 - 160 acres of free land\n"
             "Related revision notes: Key Topic 3 exam questions | Sample answers\n")
    assert topics(notes) == {"Homestead Act 1862 - 160 acres of free land":
                             ("Key Topic 1: The early settlement of the West",)}


def test_a_flattened_line_after_a_titled_block_stands_beside_it():
    notes = ("Causes of the February Revolution => Long term - Tsar Nicholas II ruled alone w/ no "
             "real parliament - peasants were approx 80% of the population - workers lived in "
             "awful conditions * Short term - WW1 going badly - Tsar took personal command of "
             "the army in Sept 1915 - food & fuel shortages in Petrograd\n"
             "\nOpposition groups before 1917\nBolsheviks - led by Lenin\n"
             "\nFebruary Revolution 1917 => 23 Feb (8 March new calendar) - Women's Day march "
             "turned into mass strikes - soldiers of the garrison mutinied - Tsar abdicated on "
             "2 March 1917 - end of over 300 yrs of Romanov rule - Provisional Govt took over, "
             "led by Prince Lvov - Petrograd Soviet set up - Lenin still in exile\n")
    found = topics(notes)
    assert found["Bolsheviks - led by Lenin"] == ("Opposition groups before 1917",)
    assert found["soldiers of the garrison mutinied"] == ("February Revolution 1917",)


def test_an_indented_term_or_study_under_a_plain_line_is_a_point_of_its_own():
    notes = ("Marxist view\n------------\nBowles + Gintis (1976): the correspondence principle\n"
             "  hidden curriculum = the lessons learnt w/o being directly taught\n"
             "cultural capital = the knowledge, attitudes + skills of the middle class\n"
             "  Bourdieu (1984) came up with the term\n"
             "the Normans built castles all over England,\n"
             "  which were made of wood at first\n")
    found = topics(notes)
    assert "hidden curriculum = the lessons learnt w/o being directly taught" in found
    assert "Bourdieu (1984) came up with the term" in found
    assert "the Normans built castles all over England, which were made of wood at first" in found


def test_a_sentence_case_title_opens_a_section_and_a_statement_after_a_star_does_not():
    notes = ("P7 Space => Stars * The Sun - a star at the centre of our solar system - formed "
             "approx 4.6 billion years ago - 8 planets in order - Pluto reclassified in 2006 - "
             "a galaxy is a huge group of stars => Life cycle of a star * all stars start as a "
             "nebula -> gravity pulls the dust + gas together -> protostar - fusion starts => "
             "Orbits * gravity provides the centripetal force that keeps planets in orbit - "
             "smaller orbit => has to go faster\n")
    found = topics(notes)
    assert found["fusion starts"] == ("P7 Space", "Life cycle of a star")
    assert "all stars start as a nebula -> gravity pulls the dust + gas together -> protostar" \
        in found
    assert found["gravity provides the centripetal force that keeps planets in orbit"] == (
        "P7 Space", "Orbits")


@pytest.mark.parametrize(("text", "trimmed"), [
    ("Lenin", "Lenin"), ("(Lenin", "Lenin"), ("Lenin)", "Lenin"), ("“Peace, land", "Peace, land"),
    ("the students’", "the students’"), (" wheat, ", "wheat"), ("barley.", "barley"),
    ("\tfarms\xa0", "farms"), ('"bread', "bread"), ("(a) and (b)", "(a) and (b)"), ("", ""),
])
def test_trim_ends_drops_only_spacing_separators_and_unmatched_marks(text, trimmed):
    assert trim_ends(text) == trimmed


@given(st.text(alphabet=' ,;:."()“”’ab\t', max_size=8))
def test_trim_ends_leaves_text_whose_ends_need_nothing_as_it_is(text):
    assert trim_ends(f"a{text}b") == f"a{text}b"


def test_numbered_titles_sit_under_the_capital_title_above_them():
    notes = ("A. BIOLOGICAL THEORIES\n1) Lombroso (1876) - The Criminal Man\n"
             "   - criminals = atavistic\n2) Sheldon (1949) - somatotypes\n   - mesomorphs\n\n"
             "B. PSYCHOLOGICAL THEORIES\n3) Eysenck (1964) - criminal personality\n"
             "   - high E, high N\n")
    found = topics(notes)
    assert found["criminals = atavistic"] == ("A. BIOLOGICAL THEORIES",
                                              "Lombroso (1876) - The Criminal Man")
    assert found["mesomorphs"] == ("A. BIOLOGICAL THEORIES", "Sheldon (1949) - somatotypes")
    assert found["high E, high N"] == ("B. PSYCHOLOGICAL THEORIES",
                                       "Eysenck (1964) - criminal personality")


def test_titles_with_a_remark_after_them_and_a_short_title_over_a_paragraph():
    notes = ("TIMELINE\n1903 - WSPU formed\n\n"
             "Suffragists vs suffragettes (DONT mix these up, lost marks last time)\n"
             "The suffragists were the NUWSS, led by Millicent Fawcett. They used peaceful, "
             "legal methods such as petitions and lobbying MPs.\n\n"
             "Why did women get the vote in 1918? (6/12 marker - teacher says use 2 factors)\n"
             "- women's war work showed they could do men's jobs\n")
    found = topics(notes)
    assert found["women's war work showed they could do men's jobs"] == (
        "Why did women get the vote in 1918?",)
    assert any(topic == ("Suffragists vs suffragettes",) for topic in found.values())


def test_a_paragraph_wrapped_at_a_fixed_width_runs_on_into_a_capital():
    notes = ("What was it?\nThe Black Death was an outbreak of plague which arrived in England "
             "in 1348. It\narrived at the port of Melcombe Regis in Dorset in June 1348.\n\n"
             "Causes\nReichstag elected every 4 yrs by proportional representation -> lots of "
             "small parties\nArticle 48 let the President rule by decree in an emergency\n")
    found = topics(notes)
    assert any(text.endswith("Melcombe Regis in Dorset in June 1348.") for text in found)
    assert "Article 48 let the President rule by decree in an emergency" in found


def test_short_lines_in_a_block_are_points_of_their_own():
    notes = ("Anaerobic in muscles:\n"
             "much less energy released than aerobic bc glucose is only partly oxidised\n"
             "happens when muscles cant get enough oxygen e.g. during sprinting\n"
             "lactic acid is carried to the liver in the blood where its converted back to "
             "glucose\n")
    assert len(parse_notes(notes).bullets) == 3


def test_a_question_title_over_a_paragraph_heads_it():
    notes = ("How did they try to stop it / treat it?\n"
             "People prayed, went on pilgrimages and the flagellants whipped themselves in public "
             "to show God they were sorry.\n")
    outline = parse_notes("\n" + notes)
    assert [s.title for s in outline.sections] == ["How did they try to stop it / treat it?"]


def test_an_outline_by_indentation_alone_nests_its_lines():
    notes = ("RIVERS\n\triver basics\n\t\tdrainage basin = area drained by a river\n"
             "\t\twatershed = edge of the drainage basin\n\tlong profile\n\t\tupper course\n"
             "\t\t\tsteep gradient, V-shaped valley\n\t\t\tmainly vertical erosion\n"
             "\t\tlower course\n\t\t\twide flat valley\n")
    outline = parse_notes(notes)
    by_text = {b.text: b for b in outline.bullets}
    assert by_text["watershed = edge of the drainage basin"].parent is by_text["river basics"]
    assert [c.text for c in by_text["upper course"].children] == [
        "steep gradient, V-shaped valley", "mainly vertical erosion"]


def test_two_columns_lined_up_with_spaces_are_a_term_and_its_meaning():
    assert clean_text("der Hausmeister                   caretaker") == \
        "der Hausmeister – caretaker"
    assert clean_text("Lenin dies   1924") == "Lenin dies 1924"


def test_a_capital_title_over_indented_lines_is_their_topic():
    outline = parse_notes("MARY QUEEN OF SCOTS\n- kept prisoner for 19 yrs\nPLOTS\n"
                          " Ridolfi plot 1571 - Roberto Ridolfi, Spanish invasion\n"
                          " Babington plot 1586 - letters smuggled in beer barrels\n")
    plots = [b for b in outline.bullets if b.text.startswith(("Ridolfi", "Babington"))]
    assert [b.topic[-1] for b in plots] == ["PLOTS", "PLOTS"]


def test_numbered_titles_stand_beside_a_plain_title_before_them():
    notes = ("Share  Tweet  Print\n\nKey dates at a glance\n"
             "30 January 1933 - Hitler appointed Chancellor\n\n"
             "1. From Chancellor to dictator\nHitler called a new election for 5 March 1933.\n\n"
             "2. The police state\nThe SS was led by Himmler.\n")
    outline = parse_notes(notes)
    assert [s.path for s in outline.sections] == [
        ("Key dates at a glance",), ("From Chancellor to dictator",), ("The police state",)]


def test_arrow_lines_after_a_title_are_points_and_after_a_point_what_it_led_to():
    after_title = parse_notes("EVIDENCE\n-> Ice cores - air bubbles show CO2\n"
                              "-> Tree rings - a ring per year\n")
    assert [b.text for b in after_title.bullets] == [
        "Ice cores - air bubbles show CO2", "Tree rings - a ring per year"]
    after_point = parse_notes("- Stalin introduced 5 year plans\n-> rapid industrialisation\n")
    assert [b.text for b in after_point.bullets] == [
        "Stalin introduced 5 year plans -> rapid industrialisation"]


def test_share_buttons_a_menu_and_a_page_contents_line_are_not_notes():
    notes = ("Impressionism: revision guide\nShare this page\nFacebook Twitter Email Copy link\n"
             "Menu Search Log in\nOn this page: Key artists | Techniques | Quiz\n\n"
             "Key artists\n- Claude Monet - painted Impression, Sunrise\n")
    assert texts(notes)[-1:] == ["Claude Monet - painted Impression, Sunrise"]
    assert not any(word in text for text in texts(notes)
                   for word in ("Facebook", "Menu", "On this page", "Share"))
    assert topics(notes)["Claude Monet - painted Impression, Sunrise"][-1] == "Key artists"
    assert texts("- Email the teacher about the essay\n- Search for the source\n") == [
        "Email the teacher about the essay", "Search for the source"]


def test_o_and_a_tab_is_the_second_level_of_a_pasted_list():
    notes = "2.1 Consuls\n•\theld imperium\no\tyears were named after the two consuls\n"
    outline = parse_notes(notes)
    held = next(b for b in outline.bullets if b.text == "held imperium")
    assert [c.text for c in held.children] == ["years were named after the two consuls"]
    assert texts("- o is a letter\n- olive oil\n") == ["o is a letter", "olive oil"]


def test_a_copied_pages_heading_glued_to_its_paragraph_heads_it():
    found = topics("The House of LordsThe Lords is the unelected upper chamber of Parliament.\n"
                   "How a bill becomes lawMost bills are public bills from the government.\n"
                   "Reform since 2010The Wright reforms made select committee chairs elected.\n"
                   "McDonald was a chef in London for many years.\n"
                   "Java uses ArrayList for lists that grow as items are added.\n")
    assert found["The Lords is the unelected upper chamber of Parliament."][-1] == \
        "The House of Lords"
    assert found["Most bills are public bills from the government."][-1] == \
        "How a bill becomes law"
    assert found["The Wright reforms made select committee chairs elected."][-1] == \
        "Reform since 2010"
    assert "McDonald was a chef in London for many years." in found
    assert "Java uses ArrayList for lists that grow as items are added." in found


def test_a_pages_menu_links_to_other_pages_and_an_aside_opening_the_file_are_no_notes():
    notes = ("(copied from revisionhub - check against textbook!!)\n"
             "Home | Subjects | GCSE | A-Level | Contact\n\n"
             "## Parliament\n- Parliament is bicameral\n"
             "← Previous topic: The UK Constitution\nNext topic →: The Prime Minister\n")
    assert not any("Home" in text or "topic" in text for text in texts(notes))
    assert topics(notes)["Parliament is bicameral"] == ("Parliament",)


def test_columns_set_by_tabs_are_a_table():
    outline = parse_notes("Feature\tCommons\tLords\nMembers\t650 MPs\tc. 800 peers\n"
                          "Can block bills?\tYes\tNo - can only delay\n")
    rows = [b for b in outline.bullets if b.cells]
    assert [r.cells for r in rows] == [("Members", "650 MPs", "c. 800 peers"),
                                      ("Can block bills?", "Yes", "No - can only delay")]
    assert rows[0].header == ("Feature", "Commons", "Lords")


def test_a_question_word_cut_off_by_its_mark_joins_its_question():
    assert clean_text("Why? did Wolsey fall?") == "Why did Wolsey fall?"
    assert clean_text("Why? because it rained") == "Why? because it rained"


CORNELL = (
    "COASTS (Cornell notes)\n"
    "Name: Ellie R.   Set: 10G2     Teacher: Mr Okafor\n"
    "------------------------------------------------\n"
    "CUES / QUESTIONS          | NOTES\n"
    "------------------------------------------------\n"
    "What makes a wave?        | waves formed by wind blowing over the sea\n"
    "                          | size of wave depends on wind speed\n"
    "Fetch = ?                 | fetch = distance of open water the wind blows over\n"
    "activity                  | rate at which source decays\n"
    "                          | 1 Bq = 1 decay per second\n"
    "TYPES OF EROSION          |\n"
    "(learn all 4!!)           | abrasion - rocks thrown at the cliff\n"
)


def test_cornell_cues_head_their_rows_or_are_the_terms_the_rows_define():
    found = topics(CORNELL)
    assert found["waves formed by wind blowing over the sea"][-1] == "What makes a wave?"
    assert found["size of wave depends on wind speed"][-1] == "What makes a wave?"
    assert found["fetch = distance of open water the wind blows over"][-1] == "Fetch"
    assert "activity – rate at which source decays" in found  # (its row under it: its own)
    assert found["abrasion - rocks thrown at the cliff"][-1] == "TYPES OF EROSION"
    assert not any("Okafor" in t or "learn all" in t for t in found)


def test_an_essay_plans_points_are_its_sections_and_starred_letters_no_markers():
    notes = ("INTRO\n- define it\n\nPOINT 1 - the problem (diagram)\n"
             "- market eqm at Q1 / P1 ; social optimum Q* / P* where MSC = MSB\n"
             "POINT 2 - how a tax corrects it\n- a Pigouvian tax\nEVIDENCE\n- landfill tax\n")
    assert titles(notes) == ["INTRO", "POINT 1 - the problem (diagram)",
                             "POINT 2 - how a tax corrects it", "EVIDENCE"]
    assert topics(notes)["landfill tax"] == ("POINT 2 - how a tax corrects it", "EVIDENCE")


def test_a_cornell_terms_rows_under_it_go_on_with_its_meaning_one_by_one():
    notes = ("Constructive waves   | low height, long wavelength\n"
             "                     | strong swash, weak backwash -> material deposited\n"
             "Destructive waves    | high + steep, short wavelength\n"
             "                     | weak swash, strong backwash\n")
    assert texts(notes) == [
        "Constructive waves – low height, long wavelength; strong swash, weak backwash -> "
        "material deposited",
        "Destructive waves – high + steep, short wavelength; weak swash, strong backwash"]


def test_a_term_and_its_meaning_indented_under_a_line_is_a_point_of_its_own():
    notes = ("DATA TYPES\nquantitative data - numbers\n"
             "  discrete data – can only take certain values\n"
             "  continuous data – can take any value in a range\n"
             "Why? did it fall?\n  no male heir – no son\n  love – Anne Boleyn\n")
    assert texts(notes)[:3] == ["quantitative data - numbers",
                                "discrete data – can only take certain values",
                                "continuous data – can take any value in a range"]
    assert "Why did it fall? no male heir – no son; love – Anne Boleyn" in texts(notes)


def test_a_phones_notes_glue_each_point_to_the_last_by_its_dash():
    notes = ("WEIMAR CONSTITUTION (Aug 1919)-President elected every 7 years, appoints the "
             "chancellor-Reichstag elected every 4 yrs by proportional representation-all men "
             "+ women over 20 could vote-Article 48 = president can rule by decree in an "
             "emergency, anti-Semitic parties and the Five-Year Plan stay whole\n")
    found = texts(notes)
    assert "President elected every 7 years, appoints the chancellor" in found
    assert any(t.startswith("Article 48 = president can rule by decree") for t in found)
    assert any("anti-Semitic" in t and "Five-Year" in t for t in found)


def test_decimal_and_lettered_numbering_marks_points_and_parts():
    notes = ("1. Current\n1.1 Current = rate of flow of charge\n1.2 Q = I × t\n"
             "2. Resistance\n2.4 Non-ohmic components:\n"
             "   a) filament lamp – resistance increases as it heats up\n"
             "   b) diode – current flows one way only\n"
             "3.1 First Punic War 264-241 BC\n- Cause: fight over Sicily\n")
    found = topics(notes)
    assert found["Current = rate of flow of charge"][-1] == "Current"
    assert found["filament lamp – resistance increases as it heats up"][-1] == \
        "Non-ohmic components"
    assert found["Cause: fight over Sicily"][-1] == "First Punic War 264-241 BC"


def test_a_pages_heading_set_apart_from_its_text_by_a_wide_gap():
    notes = ("Internal sources of financeInternal sources come from inside the business.\n"
             "Owner's capital: money the owner puts into the business.\n"
             "External sources of finance   External sources come from outside the business "
             "and are needed when it is new.\n"
             "Bank loan: a fixed sum borrowed from a bank, repaid with interest.\n"
             "Feb 1945    Yalta conference - Germany split into 4 zones, free elections\n")
    found = topics(notes)
    assert found["Owner's capital: money the owner puts into the business."][-1] == \
        "Internal sources of finance"
    assert found["Bank loan: a fixed sum borrowed from a bank, repaid with interest."][-1] \
        == "External sources of finance"
    assert not any(t and t[-1].startswith("Feb 1945") for t in found.values())


def test_a_short_word_pair_two_spaces_apart_is_a_pair():
    assert clean_text("la corbata  tie") == "la corbata – tie"
    assert clean_text("WHY DID THE USA LOSE?  notes") == "WHY DID THE USA LOSE? notes"
    assert clean_text("tener → tuve,  estar → estuve,  poder → pude") == \
        "tener → tuve, estar → estuve, poder → pude"


def test_an_apps_progress_bar_and_flip_prompt_are_no_notes():
    notes = ("Astronomy | Seneca Learning | 9.1 Star formation | Progress 64% Continue >\n"
             "- A star spends most of its life on the main sequence. Tap to flip ↻\n")
    assert texts(notes) == ["A star spends most of its life on the main sequence."]
