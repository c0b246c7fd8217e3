"""Specs for revise.extract: which cards a bullet gives, and how their questions read.

Each notation students use has its tiny cases here; the corpus tests
(tests/test_extract_corpus.py) hold the extractor to whole files."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from revise.extract import (
    explain,
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


def qa(notes: str, kind: Kind | None = None) -> list[tuple[str, str]]:
    return [(c.question, c.answer) for c in extract_cards(notes, "deck")
            if kind is None or c.kind == kind]


def shows(text: str, answer: str) -> bool:
    return re.search(rf"(?<!\w){re.escape(answer)}(?!\w)", text, re.IGNORECASE) is not None


# ---------------------------------------------------------------------------- terms


@pytest.mark.parametrize("separator", [": ", " – ", " — ", " - ", " = "])
def test_term_and_meaning_with_every_separator(separator):
    notes = f"# Cells\n- Osmosis{separator}movement of water through a partially permeable membrane"
    assert qa(notes, Kind.DEFINITION) == [
        ("What is meant by ‘osmosis’?", "movement of water through a partially permeable membrane"),
        ("What is the term for the movement of water through a partially permeable membrane?",
         "osmosis"),
    ]


def test_bold_term_with_a_hyphen():
    assert ("What is meant by ‘diffusion’?", "net movement of particles from high to low") in qa(
        "- **Diffusion** - net movement of particles from high to low")


def test_arrow_that_defines():
    assert ("What is meant by ‘photosynthesis’?", "the process plants use to make glucose") in qa(
        "- Photosynthesis → the process plants use to make glucose")


def test_brackets_that_explain_the_term():
    assert qa("# Cells\n- cell wall (made of cellulose)") == [
        ("What is the cell wall made of?", "cellulose")]


@pytest.mark.parametrize(("bullet", "question", "answer"), [
    ("Nucleus – contains DNA", "What does the nucleus contain?", "DNA"),
    ("Ribosomes – make proteins", "What do ribosomes make?", "proteins"),
    ("Cytoplasm — site of most chemical reactions", "What is the cytoplasm the site of?",
     "most chemical reactions"),
    ("Cytoplasm — site of most chemical reactions", "What is the site of most chemical reactions?",
     "cytoplasm"),
    ("pressure - measured in pascals", "What is pressure measured in?", "pascals"),
    ("IPv6 = 128 bits, written in hex", "What is IPv6 written in?", "hex"),
    ("IPv6 = 128 bits, needed b/c IPv4 ran out", "Why is IPv6 needed?", "IPv4 ran out"),
])
def test_a_part_and_its_job_is_asked_as_its_relation(bullet, question, answer):
    assert (question, answer) in qa(f"# Cells\n- {bullet}")


@pytest.mark.parametrize(("bullet", "question", "answer"), [
    ("small intestine (makes more enzymes, absorbs food)", "What does the small intestine make?",
     "more enzymes"),
    ("pancreas (makes amylase, protease + lipase, releases them into the gut)",
     "What does the pancreas make?", "amylase, protease + lipase"),
    ("large intestine (absorbs water from undigested food -> forms faeces)",
     "What does the large intestine absorb?", "water from undigested food"),
    ("mitosis - cell division making 2 identical cells", "What is meant by ‘mitosis’?",
     "cell division making 2 identical cells"),
    ("oxygen debt – extra O2 needed after exercise", "What is meant by ‘oxygen debt’?",
     "extra O2 needed after exercise"),
])
def test_what_a_bracket_or_a_meaning_says_a_part_does(bullet, question, answer):
    assert (question, answer) in qa(f"# Digestion\n- {bullet}")


def test_a_line_saying_where_it_happens_is_asked_of_the_heading():
    notes = ("# Respiration\n## Aerobic (w/ oxygen)\n- happens in mitochondria\n"
             "## Photosynthesis\n- takes place in chloroplasts")
    assert qa(notes) == [("Where does aerobic respiration happen?", "in mitochondria"),
                         ("Where does photosynthesis take place?", "in chloroplasts")]


@pytest.mark.parametrize("bullet", [
    "chlorophyll (green pigment) absorbs light – mostly red + blue",
    "TODO: practical – pondweed + lamp, count bubbles",
    "essay Q practise: how far do you agree?",
    "light microscope: max magnification x2000, resolution 200 nm",
])
def test_statements_notes_to_self_and_measurements_are_not_defined(bullet):
    assert not any(q.startswith("What is meant by") for q, _ in qa(f"# Plants\n- {bullet}"))


@pytest.mark.parametrize(("bullet", "question", "answer"), [
    ("Relational database: data split into separate tables that are linked",
     "What is meant by ‘relational database’?", "data split into separate tables that are linked"),
    ("Table (entity): stores data about one type of thing", "What does the table store?",
     "data about one type of thing"),
    ("WHERE - the condition", "What is meant by ‘WHERE’?", "the condition"),
    ("Scramble for Africa - competition for colonies", "What was the Scramble for Africa?",
     "competition for colonies"),
    ("relative atomic mass: takes isotopes + their abundance into account",
     "What does the relative atomic mass take into account?", "isotopes + their abundance"),
])
def test_terms_that_read_like_other_words_are_still_terms(bullet, question, answer):
    assert (question, answer) in qa(f"# Notes\n- {bullet}")


def test_a_reason_given_for_a_past_act_is_asked_without_guessing_the_verb():
    assert qa("- The Pope refused b/c Charles V controlled Rome") == [
        ("What was the reason the Pope refused?", "Charles V controlled Rome")]
    assert qa("- prices rose because demand increased") == [
        ("Why did prices rise?", "demand increased")]


def test_a_statement_before_a_dash_is_asked_of_its_subject():
    assert qa("# Plants\n- chlorophyll (green pigment) absorbs light – mostly red + blue, "
              "reflects green") == [("What does chlorophyll absorb?", "light – mostly red + blue")]


def test_a_labelled_equation_is_asked_of_its_heading():
    notes = ("# Photosynthesis\n- word eq: carbon dioxide + water → glucose + oxygen\n"
             "- symbol eq: 6CO2 + 6H2O → C6H12O6 + 6O2 (light over the arrow)\n"
             "# Respiration\n## Anaerobic\n- in muscles: glucose → lactic acid\n"
             "# Weimar\n- in Germany: prices up → savings lost\n")
    made = qa(notes)
    assert made[:3] == [
        ("What is the word equation for photosynthesis?",
         "carbon dioxide + water → glucose + oxygen"),
        ("What is the symbol equation for photosynthesis?", "6CO2 + 6H2O → C6H12O6 + 6O2"),
        ("What is the word equation for anaerobic respiration in muscles?",
         "glucose → lactic acid")]
    assert not any("equation" in q for q, _ in made[3:])


@pytest.mark.parametrize("bullet", [
    "past paper June 2019 Q4 !!",
    "see the textbook ch.3 pp. 54-61 for the sources on 1917",
    "TODO - learn the 16 mark essay plan",
    "ask Mr H about the Kornilov thing",
    "the Kornilov affair of 1917 comes up in 12 markers",
])
def test_notes_to_self_give_no_card(bullet):
    assert qa(f"# Russia\n- {bullet}") == []


def test_a_row_of_values_is_not_blanked_one_by_one():
    assert qa("- Place values for 8 bit binary - 128 64 32 16 8 4 2 1") == []


def test_an_amount_is_not_asked_as_a_year_nor_a_year_the_title_shows():
    made = qa("# Russia 1917\n- Kilobyte: 1000 bytes\n- kibibyte = 1024\n"
              "- Tsar abdicated in March 1917, Lenin returned in 1917\n")
    assert not any(q.endswith("In what year?") for q, _ in made)
    assert ("When did Tsar abdicate?", "March 1917") in made


@pytest.mark.parametrize(("bullet", "question", "answer"), [
    ("Rasputin (a \"holy man\" monk) had huge influence over the Tsarina, murdered Dec 1916",
     "When was Rasputin murdered?", "Dec 1916"),
    ("Edward the Confessor - King of England, died 5 Jan 1066 w/ no children",
     "On what date did Edward the Confessor die?", "5 Jan 1066"),
    ("Thomas Wolsey – Lord Chancellor. Failed to get an annulment → fell from power 1529.",
     "In what year did Thomas Wolsey fall from power?", "1529"),
    ("William Cecil: made Lord Burghley 1571", "In what year was William Cecil made Lord Burghley?",
     "1571"),
    ("Trade unions banned May 1933 -> replaced by the DAF", "When were Trade unions banned?",
     "May 1933"),
    ("armistice signed 11 November 1918 by the new government",
     "On what date was the armistice signed?", "11 November 1918"),
    ("Cattle industry - Joseph McCoy set up the cow town of Abilene in 1867 next to the railroad",
     "In what year did Joseph McCoy set up the cow town of Abilene?", "1867"),
    ("California Gold Rush: gold found at Sutter's Mill 1848",
     "California Gold Rush: in what year was the gold found at Sutter's Mill?", "1848"),
    ("Alexander Fleming discovered penicillin in 1928 when mould killed bacteria on a dish",
     "In what year did Alexander Fleming discover penicillin?", "1928"),
    ("Revolt of the Northern Earls, Nov 1569", "When was the Revolt of the Northern Earls?",
     "Nov 1569"),
    ("Constituent Assembly elections Nov 1917: Bolsheviks got 25% of the vote",
     "When were the Constituent Assembly elections?", "Nov 1917"),
    ("In 1645 Parliament created the New Model Army, a professional army",
     "In what year did Parliament create the New Model Army?", "1645"),
    ("In 1641 the Grand Remonstrance was passed, a list of complaints",
     "In what year was the Grand Remonstrance passed?", "1641"),
    ("Charles II was crowned King of Scotland in 1651 and invaded England",
     "In what year was Charles II crowned King of Scotland?", "1651"),
    ("Pride's Purge: in December 1648 Colonel Thomas Pride removed MPs who wanted a deal",
     "When did Colonel Thomas Pride remove MPs?", "December 1648"),
])
def test_a_date_is_asked_of_what_the_clause_before_it_tells(bullet, question, answer):
    assert (question, answer) in qa(f"- {bullet}")


@pytest.mark.parametrize("bullet", [
    "Birling: the Titanic sank in April 1912",  # a simple past: no "When was … sank?"
    "Gregor Mendel – Austrian monk, published 1866",  # published what, the line doesn't say
    "William – said Edward promised him the throne in 1051",  # the date is the promise's
    "The SS was led by Heinrich Himmler from 1929",
    "defences built after the 2005 floods",
    "The government tried to stop this with the Ordinance of Labourers in 1349",
    "On 30 June 1934 SS units arrested and shot Röhm",  # arrested whom: the clause is cut
    "Charles II was invited back and the monarchy was restored in 1660",
    "The war lasted from 1642 to 1651",
])
def test_a_date_whose_clause_cannot_be_asked_stays_a_blank(bullet):
    assert all("____" in q or not q.startswith(("When", "In what", "On what"))
               for q, _ in qa(f"- {bullet}", Kind.DATE))


@pytest.mark.parametrize("bullet", [
    "humans have 23 pairs (46 total)", "4 bases: A, T, C, G",
    "triplet of 3 bases -> codes for one amino acid", "25% BB, 50% Bb, 25% bb",
])
def test_a_number_the_rest_of_the_line_gives_away_is_not_blanked(bullet):
    assert qa(f"# DNA\n- {bullet}", Kind.FIGURE) == []


def test_a_figure_with_the_year_it_was_taken_is_still_asked():
    assert ("Nazi seats: ____ (1928) -> 107 (1930). How many?", "12") in qa(
        "- Nazi seats: 12 (1928) -> 107 (1930)")


def test_what_something_is_caused_by():
    assert qa("# Variation\n- variation is caused by genes, environment or both") == [
        ("What is variation caused by?", "genes, environment or both")]


def test_letters_that_are_not_an_acronym_s_expansion_are_not_asked_as_one():
    assert ("What does DNA stand for?", "double helix") not in qa("- DNA = double helix")
    assert qa("- DNA = deoxyribonucleic acid") == [
        ("What does DNA stand for?", "deoxyribonucleic acid")]


def test_a_role_many_people_share_is_not_asked_whose_it_is():
    made = qa("# Genetics\n## Mendel\n- Gregor Mendel – Austrian monk\n"
              "- Thomas Cromwell - chief minister 1532-40\n")
    assert ("Who was the chief minister 1532-40?", "Thomas Cromwell") in made
    assert not any(q == "Who is Austrian monk?" for q, _ in made)


def test_a_heading_naming_the_answer_is_not_shown_above_it():
    cards = extract_cards("# Genetics\n## Mendel\n- Gregor Mendel – Austrian monk\n", "d")
    assert [c.topic for c in cards if c.answer == "Gregor Mendel"] in ([], [("Genetics",)])
    assert all("Mendel" not in " ".join(c.topic) for c in cards if "Mendel" in c.answer)


def test_the_title_line_of_a_file_and_a_truth_table_s_rows_give_no_card():
    notes = ("Computer Science - Data Representation & Logic (Paper 1)\n\n# Logic gates\n"
             "| A | B | AND | OR |\n|---|---|---|---|\n| 0 | 1 | 0 | 1 |\n"
             "- XOR: output 1 only if inputs are diff\n")
    assert qa(notes) == [("What is meant by ‘XOR’?", "output 1 only if inputs are diff")]


def test_definitions_in_notes_that_cite_studies_are_still_definitions():
    notes = ("# Types of conformity\nKelman (1958) said there are 3 types\n"
             "- Homozygous – two alleles the same (BB or bb)\n"
             "- Normative social influence (NSI) = conforming to be liked\n"
             "- Compliance - going along with the group in public\n")
    made = qa(notes)
    assert ("What is meant by ‘homozygous’?", "two alleles the same") in made
    assert ("What is meant by ‘normative social influence’?", "conforming to be liked") in made
    assert ("What does NSI stand for?", "normative social influence") in made
    assert ("What is meant by ‘compliance’?", "going along with the group in public") in made


def test_how_something_ends_by():
    assert qa("- an offer ends by: revocation, rejection, lapse of time") == [
        ("How does an offer end?", "revocation, rejection, lapse of time")]


def test_who_led_a_group_and_what_it_wanted():
    notes = ("Opposition groups 1905-17:\n- Mensheviks - also Marxist, led by Martov - wanted a "
             "mass party\n- Socialist Revolutionaries (SRs) - supported by peasants\n")
    made = qa(notes)
    assert ("Who led the Mensheviks?", "Martov") in made
    assert ("What did the Mensheviks want?", "a mass party") in made
    assert ("Who supported the Socialist Revolutionaries (SRs)?", "peasants") in made


def test_a_named_event_in_the_plural():
    assert qa("- July Days (July 1917) - armed demos in Petrograd - failed") == [
        ("When were the July Days?", "July 1917"),
        ("What were the July Days?", "armed demos in Petrograd")]


def test_a_kind_given_by_its_examples_and_what_it_is_for():
    made = qa("# Bones\n- long bones – eg femur, humerus -> used for movement\n"
              "- short bones – eg carpals, tarsals -> weight bearing\n"
              "- cartilage – covers ends of bones, acts as shock absorber\n")
    assert made[:4] == [("Give examples of long bones.", "femur, humerus"),
                        ("What are long bones used for?", "movement"),
                        ("Give examples of short bones.", "carpals, tarsals"),
                        ("What is the job of short bones?", "weight bearing")]
    assert ("What does the cartilage act as?", "shock absorber") in made


def test_in_history_a_name_starting_the_line_is_a_person():
    notes = ("Kornilov Affair 1917:\n- Kerensky armed the Red Guards to defend the city\n"
             "- Tsar Nicholas II was an autocrat and ruled alone\n")
    assert qa(notes) == [
        ("____ armed the Red Guards to defend the city. Who?", "Kerensky"),
        ("____ was an autocrat and ruled alone. Who?", "Tsar Nicholas II")]
    assert qa("# Cells\n- Mitochondria produced energy") == []


def test_a_count_and_its_items_are_asked_as_a_list():
    assert qa("- 3 key things for minority influence: consistency, commitment, flexibility") == [
        ("What are the 3 key things for minority influence?",
         "consistency, commitment, flexibility")]


def test_several_definitions_in_one_line_of_sentences():
    made = qa("- Agentic state = seeing yourself as an agent, so you don't feel responsible. "
              "Opposite = autonomous state. Agentic shift = moving from autonomous to agentic.")
    assert made == [
        ("What is meant by ‘agentic state’?",
         "seeing yourself as an agent, so you don't feel responsible"),
        ("What is meant by ‘agentic shift’?", "moving from autonomous to agentic")]


def test_an_arrow_the_notes_call_a_cause():
    assert qa('- "snowball effect" -> leads to social change (eg suffragettes)') == [
        ("What does ‘snowball effect’ lead to?", "social change")]


def test_in_history_a_named_body_is_asked_what_it_was():
    notes = "England 1066:\n- Witan = council of nobles who chose the new king\n"
    assert qa(notes) == [("What was the Witan?", "council of nobles who chose the new king")]


def test_words_glossed_in_a_long_line_with_an_example_after_it():
    made = qa("# Deutsch\n## Adjektive\nstreng (strict), langweilig (boring), lustig (funny), "
              "hilfsbereit (helpful)\neg Herr Braun ist sehr streng\n")
    assert ("What is the German for ‘helpful’?", "hilfsbereit") in made


@pytest.mark.parametrize(("bullet", "question", "answer"), [
    ("Binary: base 2 number system, only uses the digits 0 and 1", "What is meant by ‘binary’?",
     "base 2 number system"),
    ("Most significant bit (MSB): the leftmost bit",
     "What is meant by ‘most significant bit’?", "the leftmost bit"),
    ("Most significant bit (MSB): the leftmost bit", "What does MSB stand for?",
     "most significant bit"),
    ("AND gate: output is 1 only if both inputs are 1", "What is meant by ‘AND gate’?",
     "output is 1 only if both inputs are 1"),
    ("Why computers use binary: circuits made of switches", "Why do computers use binary?",
     "circuits made of switches"),
])
def test_definitions_and_reasons_in_computing_notes(bullet, question, answer):
    assert (question, answer) in qa(f"# Data representation\n{bullet}\n")


def test_a_named_event_told_in_a_sentence_and_who_led_it():
    assert qa("- The Pilgrimage of Grace (1536) was a northern rebellion against the closing "
              "of the monasteries, led by Robert Aske.") == [
        ("What was the Pilgrimage of Grace?",
         "a northern rebellion against the closing of the monasteries"),
        ("Who led the Pilgrimage of Grace?", "Robert Aske"),
        ("When was the Pilgrimage of Grace?", "1536")]


def test_a_person_known_by_their_family():
    made = qa("Wives 1509-47:\n- Catherine of Aragon (m. 1509) – Spanish, widow of Henry's "
              "brother Arthur. Mother of Mary.")
    assert ("Who was the widow of Henry's brother Arthur?", "Catherine of Aragon") in made
    assert ("Who was the mother of Mary?", "Catherine of Aragon") in made
    assert not any(answer == "Spanish" for _, answer in made)


def test_who_led_a_dated_event_who_crushed_it_and_why_it_failed():
    made = qa("Weimar 1918-33:\n- Spartacist uprising Jan 1919 - communists led by Rosa "
              "Luxemburg, crushed by the Freikorps\n- Kapp Putsch March 1920 - Wolfgang Kapp "
              "took over Berlin; failed b/c the workers went on a general strike\n")
    assert made == [
        ("When was the Spartacist uprising?", "Jan 1919"),
        ("Who led the Spartacist uprising?", "Rosa Luxemburg"),
        ("Who crushed the Spartacist uprising?", "the Freikorps"),
        ("When was the Kapp Putsch?", "March 1920"),
        ("Why did the Kapp Putsch fail?", "the workers went on a general strike")]


def test_what_a_person_was_known_as_and_what_they_did_to_someone():
    made = qa("Weimar 1918-33:\n- Heinrich Brüning - chancellor 1930-32, known as the \"hunger "
              "chancellor\" b/c he cut benefits\n- Franz von Papen - chancellor 1932, persuaded "
              "Hindenburg to make Hitler chancellor\n")
    assert ("What was Heinrich Brüning known as?", "hunger chancellor") in made
    assert ("Who persuaded Hindenburg to make Hitler chancellor?", "Franz von Papen") in made


def test_a_line_listing_people_and_their_roles():
    made = qa("Russia 1917:\n- Key people - Nicholas II = last Tsar - Kerensky = PM of Prov Govt")
    assert ("Who was the last Tsar?", "Nicholas II") in made
    assert ("Who was the PM of Prov Govt?", "Kerensky") in made


def test_a_course_name_is_not_part_of_a_question():
    made = qa("# Social Influence - Psychology revision (AQA Paper 1)\n"
              "Kelman (1958) said there are 3 types:\n- Compliance\n- Identification\n"
              "- Internalisation\n")
    assert made == [("What are the three types of Social Influence?",
                     "Compliance\nIdentification\nInternalisation")]


def test_a_ratio_is_kept_whole():
    assert qa("- Bb x Bb -> 3:1 ratio dominant : recessive") == [
        ("Bb x Bb -> ____ ratio dominant : recessive. What ratio?", "3:1")]
    assert qa("- John 3:16 is often quoted") == []


def test_each_before_a_term_and_only_before_a_meaning():
    made = qa("# Genetics\n- each nucleotide = sugar + phosphate + base\n"
              "- Recessive – only expressed if 2 copies present\n- (mock is the 14th!!)\n")
    assert ("What is meant by ‘nucleotide’?", "sugar + phosphate + base") in made
    assert ("What is meant by ‘recessive’?", "only expressed if 2 copies present") in made
    assert not any("mock" in q for q, _ in made)


def test_a_sentence_defining_without_an_article():
    made = qa("- Hyperinflation is extremely rapid inflation, eg Germany 1923.")
    assert ("What is hyperinflation?", "extremely rapid inflation") in made
    for sentence in ("velocity is higher at the surface", "chromosomes are made of DNA",
                     "Alloys are harder than pure metals"):
        assert not any(q.startswith("What is the term") for q, _ in qa(f"- {sentence}"))


def test_what_a_thing_has_a_value_of():
    assert qa("# Acids\n- A neutral solution has a pH of exactly 7, eg pure water.") == [
        ("What is the pH of a neutral solution?", "7")]


def test_in_history_a_lowercase_word_and_its_meaning_and_a_role_held_by_a_name():
    made = qa("England 1066:\n- housecarls = Harold's professional, well trained soldiers\n"
              "- assassin = Gavrilo Princip, a Bosnian Serb\n"
              "- Governor Orval Faubus used the National Guard to block them\n")
    assert ("What is meant by ‘housecarls’?", "Harold's professional, well trained soldiers") \
        in made
    assert ("Who was the assassin?", "Gavrilo Princip") in made
    assert ("Who used the National Guard to block them?", "Governor Orval Faubus") in made


def test_a_term_s_other_name_and_a_reason_for_its_kind():
    made = qa("# Photosynthesis\n- light-independent reaction (Calvin cycle) – makes glucose\n"
              "- endothermic reaction b/c energy is taken in from the environment\n")
    assert ("What is another name for light-independent reaction?", "Calvin cycle") in made
    assert ("Why is photosynthesis an endothermic reaction?",
            "energy is taken in from the environment") in made


def test_a_title_holding_most_of_the_answer_is_left_out_of_its_topic():
    cards = extract_cards("# Social Influence\n## Explanations\n"
                          "- Normative social influence (NSI) = conforming to be liked\n"
                          "# Ionic bonding\n- ionic bond = the attraction between ions\n", "d")
    shown = {c.answer: c.topic for c in cards}
    assert shown["normative social influence"] == ("Explanations",)
    assert shown["ionic bond"] == ()


def test_a_number_written_twice_is_not_blanked_and_a_year_is_no_range_backwards():
    assert qa("- heart has 4 chambers – 2 atria (top) + 2 ventricles (bottom)") == [
        ("heart has ____ chambers – 2 atria (top) + 2 ventricles (bottom). How many?", "4")]
    assert ("Julian calendar until ____ - 13 days behind. In what year?", "1918") in qa(
        "- Julian calendar until 1918 - 13 days behind")


def test_a_file_s_course_title_gives_no_card():
    assert qa("RUSSIA 1917 - REVISION (copied off a revision site)\n\n- Lenin dies 1924\n") == [
        ("Lenin dies ____. In what year?", "1924")]


def test_code_a_worked_case_and_a_reminder_give_no_blank():
    assert qa("- SELECT Name FROM Students WHERE Age >= 15") == []
    assert not any(q.startswith("What is") for q, _ in qa("- 2 inputs = 4 rows, 3 inputs = 8 rows"))
    assert qa("# Databases\nData types (learn these!!)\n") == []


@pytest.mark.parametrize(("bullet", "question", "answer"), [
    ("vena cava -> brings deoxygenated blood into right atrium", "What does the vena cava bring?",
     "deoxygenated blood into right atrium"),
    ("valves stop backflow", "What do valves stop?", "backflow"),
    ("coronary arteries supply the heart muscle w/ oxygen", "What do coronary arteries supply?",
     "the heart muscle w/ oxygen"),
    ("Groynes - wooden barriers at right angles to the beach - trap sediment - cheap",
     "What is meant by ‘groynes’?", "wooden barriers at right angles to the beach"),
    ("Rock armour - large boulders piled at foot of cliff - absorb wave energy",
     "What is meant by ‘rock armour’?", "large boulders piled at foot of cliff"),
])
def test_what_a_part_does_and_a_definition_that_runs_on(bullet, question, answer):
    assert (question, answer) in qa(f"# Notes\n- {bullet}")


def test_a_capitalised_common_noun_is_no_group_led_by_someone():
    assert not any(q.startswith("Who") for q, _ in qa(
        "# Coasts\n- Spits - long ridge of sand into the sea - formed by longshore drift"))


def test_web_page_furniture_gives_no_card_nor_title():
    notes = ("Home > Geography > Coasts\nSkip to content  Menu  Search\n# Waves\n"
             "- fetch = the distance the wind blows over open water\nAdvertisement\n"
             "- Test yourself Q1 Name 4 processes of erosion\n© Revision site 2023  Privacy\n")
    cards = extract_cards(notes, "d")
    assert [(c.question, c.topic) for c in cards] == [
        ("What is meant by ‘fetch’?", ("Waves",)),
        ("What is the term for the distance the wind blows over open water?", ("Waves",))]


def test_a_comparison_is_a_cause_and_the_example_after_eg_is_the_term():
    made = qa("# Coasts\n- longer fetch = bigger more powerful waves\n"
              "- mechanical weathering eg freeze-thaw: water gets into cracks and freezes\n"
              "- lower course = lateral erosion + deposition\n")
    assert ("What does a longer fetch lead to?", "bigger more powerful waves") in made
    assert ("What is meant by ‘freeze-thaw’?", "water gets into cracks and freezes") in made
    assert ("What is meant by ‘lower course’?", "lateral erosion + deposition") in made


def test_a_title_s_year_range_is_not_shown_above_its_end_nor_cut_inside_a_number():
    cards = extract_cards("# Nazi Germany 1933-39 – Paper 3 revision\n## Economy\n"
                          "- Unemployment fell to under 0.5 million by 1939\n"
                          "- only 3 Nazis in the cabinet\n", "d")
    topics = {c.answer: c.topic for c in cards}
    assert topics["1939"] == ("Nazi Germany – Paper 3 revision", "Economy")
    assert topics["3"] == ("Economy",)  # (`Paper revision` less its 3 would be no title)


def test_labels_are_no_people_nor_terms():
    made = qa("# Strange Situation\n- Findings: 65% first attached to mother\n"
              "- Measured: proximity seeking, exploration\n")
    assert not any(q.startswith(("Who", "What is meant")) for q, _ in made)


def test_word_pairs_with_a_slash_or_an_equals_are_no_sums():
    made = qa("# French vocab\nen haut = upstairs / en bas = downstairs\n"
              "il y a = there is / there are\nla pièce = room\n")
    assert ("What does ‘en bas’ mean?", "downstairs") in made
    assert ("What does ‘il y a’ mean?", "there is / there are") in made
    assert not any(kind in q for q, _ in made for kind in ("equation", "equal", "calculate"))


def test_lines_that_name_no_meaning_are_not_defined():
    made = qa("# Nervous system\n- neurones carry electrical impulses — v fast\n"
              "- pancreas – insulin + glucagon\n"
              "- ovaries – oestrogen; testes – testosterone\n- obesity = risk factor\n"
              "- homeostasis = regulation of conditions in a cell/organism\n")
    assert made == [
        ("What is meant by ‘homeostasis’?", "regulation of conditions in a cell/organism"),
        ("What is the term for the regulation of conditions in a cell/organism?", "homeostasis")]
    assert ("How do you calculate magnification?", "size of image / size of real object") in qa(
        "- magnification = size of image / size of real object")


def test_examples_of_what_a_part_covers():
    assert ("Medulla: give examples of unconscious activities.", "heartbeat, breathing") in qa(
        "# Brain\n- medulla – unconscious activities eg heartbeat, breathing")


def test_a_name_s_number_an_age_a_relative_clause_and_a_proved_cause():
    assert not any(a == "606" or q.startswith("Who") for q, a in qa(
        "- magic bullets: Paul Ehrlich - Salvarsan 606 - treated syphilis"))
    assert qa("- he infected James Phipps (8 yrs old) w/ cowpox") == [
        ("he infected James Phipps (____ old) w/ cowpox. How old?", "8 yrs")]
    assert not any("lead to" in q for q, _ in qa(
        "- Robert Koch identified the bacterium that causes tuberculosis"))
    assert ("What did microbes in the air cause?", "decay") in qa(
        "- Louis Pasteur published his germ theory - proved microbes in the air caused decay")
    assert not any("calculate" in q for q, _ in qa(
        "- miasma theory = bad air / bad smells caused disease (so ppl carried flowers)"))


def test_an_aspect_of_a_heading_is_asked_of_it():
    assert qa("# Medieval medicine\n- treatment = bloodletting + purging to rebalance the humours"
              ) == [("Medieval medicine: what is the treatment?",
                     "bloodletting + purging to rebalance the humours")]


@pytest.mark.parametrize(("bullet", "question", "answer"), [
    ("The NAACP was founded in 1909", "When was the NAACP founded?", "1909"),
    ("the NHS was set up in 1948 by Aneurin Bevan", "When was the NHS set up?", "1948"),
    ("Hitler was appointed Chancellor on 30 January 1933",
     "When was Hitler appointed Chancellor?", "30 January 1933"),
    ("the heart has 4 chambers", "How many chambers does the heart have?", "4"),
])
def test_a_date_or_count_in_a_plain_sentence_is_asked_directly(bullet, question, answer):
    assert qa(f"- {bullet}") == [(question, answer)]


def test_a_web_page_heading_run_into_its_first_line_is_left_out():
    made = qa("- Megacities A megacity is a city with over 10 million people\n"
              "- Weathering and mass movement Weathering = the breakdown of rocks in situ\n"
              "- Balfour v Balfour (1919) – promise of an allowance not binding\n")
    assert ("What is a megacity?", "a city with over 10 million people") in made
    assert ("What is meant by ‘weathering’?", "the breakdown of rocks in situ") in made
    assert ("What did Balfour v Balfour (1919) establish?",
            "promise of an allowance not binding") in made


def test_a_table_of_substances_by_name():
    assert qa("| name | formula |\n|---|---|\n| methane | CH4 |\n") == [
        ("What is the formula of methane?", "CH4"), ("What has formula CH4?", "methane")]


def test_an_age_range_and_a_lead_that_is_a_sentence_of_its_own():
    assert ("RAD - men ____ had to do 6 months work. What age?", "18-25") in qa(
        "- RAD - men 18-25 had to do 6 months work")
    made = qa("- Women were expected to follow the 3 Ks - Kinder, Küche, Kirche. The Law for the "
              "Encouragement of Marriage gave loans to newly weds and couples kept 250 for each "
              "child born, which was a lot of money at the time for most families")
    assert [q for q, a in made if a == "250" and q.startswith("Women were expected")] == []
    assert any(a == "250" for _, a in made)


def test_a_table_of_changes_and_their_effects_asks_one_card_a_row():
    notes = ("# Factors affecting rate\n| Factor | Change | Effect on rate | Why |\n"
             "|---|---|---|---|\n| Temperature | increase | increases | more collisions |\n"
             "| Catalyst | add | increases | lower activation energy |\n")
    assert qa(notes) == [
        ("Temperature: what is the effect on rate of an increase?",
         "increases – more collisions"),
        ("Catalyst: what is the effect on rate of adding it?",
         "increases – lower activation energy")]


def test_how_a_disease_spreads_and_aspects_of_a_heading():
    made = qa("# Pathogens\n- measles – spread by droplets from sneezes/coughs, red rash\n"
              "- prevent: stop mosquitoes breeding, nets\n"
              "# Drugs\n- origins – digitalis from foxgloves, aspirin from willow\n")
    assert made == [
        ("What is measles spread by?", "droplets from sneezes/coughs"),
        ("What are the symptoms of measles?", "red rash"),
        ("Drugs: what are the origins?", "digitalis from foxgloves, aspirin from willow")]


def test_stages_under_a_long_label_are_asked_in_order():
    assert qa("- stars the size of the Sun: main sequence → red giant → white dwarf") == [
        ("Stars the size of the Sun: what are the stages, in order?",
         "main sequence → red giant → white dwarf")]


@pytest.mark.parametrize(("sentence", "question", "answer"), [
    ("Inflation is a sustained rise in the general price level.", "What is inflation?",
     "a sustained rise in the general price level"),
    ("Inflation is a sustained rise in the general price level.",
     "What is the term for a sustained rise in the general price level?", "inflation"),
    ("The powerhouse of the cell is called the mitochondria.",
     "What is the powerhouse of the cell called?", "the mitochondria"),
    ("The Weimar Republic, known as the first German democracy",
     "What is the Weimar Republic known as?", "the first German democracy"),
    ("CPI stands for Consumer Prices Index", "What does CPI stand for?", "Consumer Prices Index"),
    ("Entropy means the disorder of a system", "What does ‘entropy’ mean?",
     "the disorder of a system"),
    ("Disinflation is when inflation falls but stays positive, so prices still rise.",
     "What is disinflation?", "when inflation falls but stays positive"),
])
def test_defining_sentences(sentence, question, answer):
    assert (question, answer) in qa(sentence)


@pytest.mark.parametrize("bullet", ["TCP – Transmission Control Protocol",
                                    "TCP = Transmission Control Protocol"])
def test_acronyms_ask_what_they_stand_for(bullet):
    assert qa(f"- {bullet}") == [("What does TCP stand for?", "Transmission Control Protocol")]


def test_several_acronyms_on_one_line():
    assert qa("- HTTP = Hypertext Transfer Protocol, FTP = File Transfer Protocol") == [
        ("What does HTTP stand for?", "Hypertext Transfer Protocol"),
        ("What does FTP stand for?", "File Transfer Protocol"),
    ]


@pytest.mark.parametrize("bullet", [
    "right opposed: wanted NEP", "prices low: peasants had no incentive",
    "not so united: previous opposition", "agreed: Germany split into zones",
])
def test_a_statement_before_a_colon_is_not_a_term(bullet):
    assert qa(f"- {bullet}", Kind.DEFINITION) == []


# ---------------------------------------------------------------------------- vocabulary


def test_vocabulary_pairs_in_every_notation_both_ways():
    notes = ("# French vocab\nla maison - the house\nle salon = living room\n"
             "la cuisine: kitchen\n")
    assert qa(notes) == [
        ("What does ‘la maison’ mean?", "the house"),
        ("What is the French for ‘the house’?", "la maison"),
        ("What does ‘le salon’ mean?", "living room"),
        ("What is the French for ‘living room’?", "le salon"),
        ("What does ‘la cuisine’ mean?", "kitchen"),
        ("What is the French for ‘kitchen’?", "la cuisine"),
    ]


def test_several_pairs_on_one_line_and_the_language_from_the_title():
    assert qa("# Spanish\nel perro - dog, el gato - cat")[:4] == [
        ("What does ‘el perro’ mean?", "dog"),
        ("What is the Spanish for ‘dog’?", "el perro"),
        ("What does ‘el gato’ mean?", "cat"),
        ("What is the Spanish for ‘cat’?", "el gato"),
    ]


def test_gender_marks_stay_with_the_word_and_asides_leave_the_answer():
    made = qa("# vocab\nles toilettes (f pl) = toilet (also les WC)\n"
              "le bureau = study (also desk!)")
    assert ("What is the French for ‘toilet’?", "les toilettes (f pl)") in made
    assert ("What does ‘le bureau’ mean?", "study") in made


def test_words_glossed_in_brackets_several_to_a_line():
    made = qa("# German - adjectives\nstreng (strict), langweilig (boring)\n"
              "nützlich (useful), schwierig (difficult)\n")
    assert ("What does ‘streng’ mean?", "strict") in made
    assert ("What is the German for ‘difficult’?", "schwierig") in made


def test_english_written_first_is_still_asked_as_the_meaning():
    made = qa("# German\nto do homework = Hausaufgaben machen, to repeat a year = sitzenbleiben\n"
              "die Pause - break\n")
    assert ("What does ‘sitzenbleiben’ mean?", "to repeat a year") in made
    assert ("What is the German for ‘to do homework’?", "Hausaufgaben machen") in made


def test_vocabulary_without_a_title_is_known_by_its_articles():
    notes = "la maison - the house\nle jardin - garden\nla cave - cellar\n"
    assert ("What does ‘le jardin’ mean?", "garden") in qa(notes)


# ---------------------------------------------------------------------------- formulas


@pytest.mark.parametrize(("bullet", "question", "answer"), [
    ("F = m × a", "What is F equal to?", "m × a"),
    ("F = m × a resultant force (N) = mass (kg) × acceleration (m/s²)",
     "What is the equation for resultant force?", "F = m × a"),
    ("F = m × a resultant force (N) = mass (kg) × acceleration (m/s²)",
     "What is resultant force measured in?", "N"),
    ("speed = distance / time", "How do you calculate speed?", "distance / time"),
    ("carbon dioxide + water → glucose + oxygen",
     "Complete the word equation: carbon dioxide + water → ?", "glucose + oxygen"),
    ("sin 30° = 1/2, cos 60° = 0.5", "What is the exact value of cos 60°?", "0.5"),
    ("Na = 2,8,1 Cl = 2,8,7", "What is Cl equal to?", "2,8,7"),
])
def test_formulas_are_asked_whole(bullet, question, answer):
    assert (question, answer) in qa(f"- {bullet}")


def test_numbers_inside_a_formula_are_not_blanked():
    assert qa("- v² − u² = 2 a s", Kind.FIGURE) == []


# ---------------------------------------------------------------------------- sequences


def test_a_named_chain_is_asked_once_whole():
    made = qa("# Rivers\n- long profile: source → upper course → middle course → mouth")
    assert made == [("What is the order of the long profile?",
                     "source → upper course → middle course → mouth")]


def test_a_chain_of_changes_asks_what_each_leads_to():
    made = qa("# Demand-pull\n- low interest rates -> cheaper borrowing -> more spending")
    assert made == [  # the topic, shown above each card, says what the chain is about
        ("What does ‘low interest rates’ lead to?", "cheaper borrowing"),
        ("What does ‘cheaper borrowing’ lead to?", "more spending"),
    ]


def test_numbered_steps_give_their_order():
    made = qa("# Method\n1. heat the water\n2. add the salt\n3. stir until dissolved")
    assert made == [("Method: give all three, in order.",
                     "heat the water\nadd the salt\nstir until dissolved")]


# ---------------------------------------------------------------------------- tables


def test_table_cells_are_asked_by_row_and_column():
    notes = ("| particle | relative mass | relative charge |\n|---|---|---|\n"
             "| proton | 1 | +1 |\n| electron | 1/1836 | -1 |\n")
    made = qa(notes)
    assert ("What is the relative charge of the electron?", "-1") in made
    assert ("What is the relative mass of the proton?", "1") in made
    assert ("Which particle has relative charge -1?", "electron") in made


def test_a_participle_heading_reads_as_a_verb():
    notes = "| protocol | port | used for |\n|---|---|---|\n| SMTP | 25 | sending email |\n"
    made = qa(notes)
    assert ("What is SMTP used for?", "sending email") in made
    assert ("Which protocol is used for sending email?", "SMTP") in made


# ---------------------------------------------------------------------------- people, cases, quotes


def test_a_person_and_a_role_both_ways():
    assert qa("# Tudors\n- Thomas Cromwell - chief minister 1532-40")[:2] == [
        ("Who was the chief minister 1532-40?", "Thomas Cromwell"),
        ("Who was Thomas Cromwell?", "chief minister 1532-40"),
    ]


def test_a_person_and_what_they_do():
    made = qa("- Macduff: Thane of Fife / kills Macbeth")
    assert ("Who is Thane of Fife?", "Macduff") in made
    assert ("Who kills Macbeth?", "Macduff") in made


def test_a_name_with_its_role_in_apposition():
    made = qa("- Kirov, Leningrad Communist Party boss: murdered Dec 1934")
    assert made == [("Who was Leningrad Communist Party boss?", "Kirov"),
                    ("When was Kirov murdered?", "Dec 1934")]


def test_a_researcher_and_a_finding():
    # The year a study was published is a reference, not a fact to learn.
    assert qa("- Miller (1956): STM capacity 7±2 items") == [
        ("What did Miller (1956) find?", "STM capacity 7±2 items")]


def test_a_discovery_asks_who_and_when():
    assert qa("- Chadwick (1932) – discovered the neutron") == [
        ("Who discovered the neutron?", "Chadwick"),
        ("Chadwick (____) – discovered the neutron. In what year?", "1932"),
    ]


def test_a_case_and_its_principle():
    made = qa("- Fisher v Bell (1961) – goods in a shop window = invitation to treat")
    assert made == [
        ("What did Fisher v Bell (1961) establish?",
         "goods in a shop window = invitation to treat"),
        ("Which case decided that goods in a shop window = invitation to treat?", "Fisher v Bell"),
        ("In what year was Fisher v Bell decided?", "1961"),
    ]


def test_a_quote_asks_who_says_it_and_where():
    assert qa('"Fair is foul, and foul is fair" – the witches, Act 1 Scene 1') == [
        ("Who says “Fair is foul, and foul is fair”?", "the witches"),
        ("Where in the text is “Fair is foul, and foul is fair” said?", "Act 1 Scene 1"),
    ]
    assert qa('"Out, damned spot!" - Lady Macbeth, 5.1 (sleepwalking scene)') == [
        ("Who says “Out, damned spot!”?", "Lady Macbeth"),
        ("Where in the text is “Out, damned spot!” said?", "5.1")]  # (an act and scene)


def test_a_students_own_question_is_kept():
    assert qa("why layers? each layer does one job") == [("Why layers?", "each layer does one job")]


# ---------------------------------------------------------------------------- dates and figures


@pytest.mark.parametrize(("bullet", "question", "answer"), [
    ("Lenin dies 1924", "Lenin dies ____. In what year?", "1924"),
    ("Kiel Mutiny 28 October 1918", "When was the Kiel Mutiny?", "28 October 1918"),
    ("Munich Putsch 8-9 November 1923", "When was the Munich Putsch?", "8-9 November 1923"),
    ("rationing 1940-54", "rationing ____. When?", "1940-54"),
    ("war lasted 6 years", "war lasted ____. How long?", "6 years"),
    ("radius approx 0.1 nm (1 x 10^-10 m)", "radius approx 0.1 nm (____). What value?",
     "1 x 10^-10 m"),
    ("electron mass ~1/1836", "electron mass ~____. What fraction?", "1/1836"),
    ("1937: 353,000 executed", "1937: ____ executed. How many?", "353,000"),
    ("65% of sheep lost", "____ of sheep lost. What percentage?", "65%"),
])
def test_numbers_are_kept_whole_and_asked_for_what_they_are(bullet, question, answer):
    assert (question, answer) in qa(f"- {bullet}")


def test_the_year_a_figure_was_taken_is_not_asked():
    made = qa("- Party membership 801,000 (1925); 1.5mil (1929)")
    assert [a for _, a in made] == ["801,000", "1.5mil"]


def test_the_topic_never_shows_the_answer():
    card = [c for c in extract_cards("# Round 3 – Right (1928-29)\n- Stalin proposes NEP end 1928",
                                     "d") if c.answer == "1928"][0]
    assert all("1928" not in title for title in card.topic)
    assert "1928" not in card.question


def test_worked_examples_give_no_figures():
    assert qa("- eg 60 kg person: W = 60 × 9.8 = 588 N") == []


def test_find_dates_reports_spans():
    assert find_dates("from 1924 to March 1925") == [(5, 23, "range")]  # a range: whole
    assert find_dates("1924 to March 1925") == [(0, 4, "year"), (8, 18, "my")]


# ---------------------------------------------------------------------------- causes


def test_an_arrow_between_events_asks_forwards_only():
    assert qa("- low interest rates -> cheaper borrowing") == [
        ("What does ‘low interest rates’ lead to?", "cheaper borrowing")]


def test_an_arrow_to_a_name_asks_what_it_was_called():
    assert qa("- Germany invades USSR => Operation Barbarossa") == [
        ("What was ‘Germany invades USSR’ called?", "Operation Barbarossa")]


def test_a_chain_of_names_is_a_succession_not_a_cause():
    assert qa("- Cheka => OGPU => NKVD", Kind.CAUSE) == []


def test_an_arrow_to_an_example_asks_for_one():
    made = qa("- rigged elections => eg Poland")
    assert ("Give an example of ‘rigged elections’.", "Poland") in made


def test_because_asks_why():
    assert qa("- velocity increases downstream because there is less friction") == [
        ("Why does velocity increase downstream?", "there is less friction")]


# ---------------------------------------------------------------------------- lists


def test_a_title_that_asks_for_a_set_of_short_items_gives_a_list():
    notes = "# Why do rivers flood?\n- heavy rain\n- steep slopes\n- deforestation"
    assert qa(notes, Kind.LIST) == [
        ("Why do rivers flood? Give three.", "heavy rain\nsteep slopes\ndeforestation")]


def test_no_list_of_long_items_or_of_more_than_six():
    long_items = "# Causes\n" + "".join(f"- a long item number {i} that goes on and on\n"
                                         for i in range(3))
    many = "# Causes\n" + "".join(f"- item {chr(97 + i)}\n" for i in range(7))
    assert qa(long_items, Kind.LIST) == [] and qa(many, Kind.LIST) == []


def test_no_vague_questions_anywhere():
    for card in extract_cards(NOTES.read_text(encoding="utf-8"), "d"):
        assert "What about" not in card.question
        assert not re.search(r"name the \d+ points", card.question, re.IGNORECASE)


# ---------------------------------------------------------------------------- explain


def test_explain_shows_every_bullet_with_its_cards_or_none():
    rows = explain("# T\n- Lenin dies 1924\n- a thought with nothing to ask\n", "d")
    assert [(row.text, [c.answer for c in row.cards]) for row in rows] == [
        ("Lenin dies 1924", ["1924"]), ("a thought with nothing to ask", [])]


# ---------------------------------------------------------------------------- identity


def test_identical_bullets_in_one_topic_give_one_card():
    assert len(qa("# T\n- Lenin dies 1924\n- Lenin dies 1924")) == 1


def test_extracting_twice_gives_the_same_ids():
    notes = NOTES.read_text(encoding="utf-8")
    assert [c.id for c in extract_cards(notes, "d")] == [c.id for c in extract_cards(notes, "d")]


def test_cards_come_in_file_order():
    positions = [c.position for c in extract_cards("# T\n- b 1925\n- a 1924\n", "d")]
    assert positions == sorted(positions)


def test_scraped_copy_gives_the_same_cards_as_the_notes():
    scraped = (FIXTURES / "notes-as-scraped.txt").read_text(encoding="utf-8")
    notes = NOTES.read_text(encoding="utf-8")
    assert [c.to_dict() for c in extract_cards(scraped, "d")] == [
        c.to_dict() for c in extract_cards(notes, "d")]


def test_advert_after_the_notes_gives_no_cards():
    notes = "# T\n- Lenin dies 1924\n\nGet 20% off: offer ends 2025!\nClick here\n"
    assert [a for _, a in qa(notes)] == ["1924"]


# ---------------------------------------------------------------------------- any text

NOTE_PIECES = st.sampled_from([
    "\n", "\n\n", "- ", "* ", "  ", "=>", "->", "→", " – ", " = ", "| a | b |\n|---|---|\n",
    "1. ", "# ", ":", "?", ".", ";", "(", ")", "“", "”", '"', "1924", "1936-39", "Dec 1929",
    "801,000", "90%", "2 million tons", "4", "Lenin", "dies", "la maison", "TCP", "Miller (1956)",
    "v", "led to", "because", "Why?", "Results", "x", "____", "eg", "F = m × a",
])


def check_cards(text: str) -> None:
    made = extract_from_outline(parse_notes(text), "deck")
    assert len({c.id for c in made}) == len(made)
    assert len({(c.question, c.answer) for c in made}) == len(made)
    for c in made:
        assert c.question.strip() and c.answer.strip()
        assert not shows(c.question, c.answer)
        assert not any(shows(title, c.answer) for title in c.topic)


@settings(max_examples=200, deadline=None)
@given(st.text())
def test_any_text_gives_well_formed_cards(text):
    check_cards(text)


@settings(max_examples=300, deadline=None)
@given(st.lists(NOTE_PIECES, max_size=80))
def test_note_like_text_gives_well_formed_cards(pieces):
    check_cards("".join(pieces))


# ---------------------------------------------------------------------------- pieces

_LINES = [
    "# Unit A", "# Unit B:", "# ", "#", "## Aims", "### Results of the war", "**Key terms**",
    "- Stalin took power in 1928", "- 5 million died => famine", "- Term: a meaning",
    "  - nested 45% of farms", "* Sub-topic", "=> Section", "plain line after",
    "continued lowercase text", "Why?", "1. first point 1930", "- Tomsky, Rykov & Bukharin",
    "", "", "---", "===", "* Topic- bullet 1924- bullet 1925=> Next", "Closing advert text.",
    "la maison - the house", "| a | b |", "|---|---|", "| x | 1 |",
]


def read_in_pieces(pieces) -> list:
    return [card for cards in unique_pieces(extract_piece(piece, "d") for piece in pieces)
            for card in cards]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(_LINES), max_size=80), st.integers(2, 5))
def test_pieces_give_exactly_the_cards_of_the_whole_file(lines, parts):
    text = "\n".join(lines) + "\n"
    assert read_in_pieces(split_notes(text, parts)) == extract_cards(text, "d")


def test_pieces_agree_where_only_an_earlier_part_shows_the_notes_language():
    text = "\n".join(["- 5 million died => famine", "la maison - the house", "# Unit A",
                      "- 5 million died => famine", "la maison - the house", "# Unit A",
                      "- 5 million died => famine", "- Term: a meaning"]) + "\n"
    assert read_in_pieces(split_notes(text, 2)) == extract_cards(text, "d")


def test_pieces_of_the_fixtures_give_the_same_cards():
    text = "\n".join(f"# {path.stem}\n\n{path.read_text(encoding='utf-8')}"
                     for path in sorted(FIXTURES.glob("*.md")) * 3)
    pieces = split_notes(text, 4)
    assert len(pieces) == 4
    assert read_in_pieces(pieces) == extract_cards(text, "d")


# ---------------------------------------------------------------------------- written cards


@pytest.mark.parametrize("notes", ["- capital of France :: Paris", "capital of France::Paris"])
def test_a_card_written_with_two_colons(notes):
    assert qa(notes, Kind.BASIC) == [("capital of France", "Paris")]


def test_three_colons_write_a_card_each_way():
    assert qa("- mitochondria ::: powerhouse of the cell") == [
        ("mitochondria", "powerhouse of the cell"), ("powerhouse of the cell", "mitochondria")]


@pytest.mark.parametrize("notes", ["Q: What is the capital of France?\nA: Paris",
                                   "- Q: What is the capital of France?\n- A: Paris",
                                   "* Q: What is the capital of France? A: Paris"])
def test_question_and_answer_lines(notes):
    assert qa(notes) == [("What is the capital of France?", "Paris")]


def test_cloze_groups_make_one_card_each():
    notes = "- {{c1::Paris}} is the capital of {{c2::France}}, {{c1::Lyon}} its second city"
    assert qa(notes, Kind.CLOZE) == [
        ("____ is the capital of France, ____ its second city", "Paris, Lyon"),
        ("Paris is the capital of ____, Lyon its second city", "France"),
    ]


def test_highlights_are_deletions():
    assert qa("- The ==mitochondria== release ==energy== in 2024") == [
        ("The ____ release energy in 2024", "mitochondria"),
        ("The mitochondria release ____ in 2024", "energy"),
    ]


def test_a_written_card_replaces_the_rule_made_ones():
    assert qa("# Cells\n- Nucleus – contains DNA :: what the nucleus holds") == [
        ("Nucleus – contains DNA", "what the nucleus holds")]


def test_a_named_event_asks_when_and_what_happened():
    assert qa("- Battle of Hastings (14 Oct 1066) - William beats Harold") == [
        ("When was the Battle of Hastings?", "14 Oct 1066"),
        ("What happened at the Battle of Hastings?", "William beats Harold"),
    ]


@pytest.mark.parametrize("notes", [
    "| property | ionic | covalent |\n|---|---|---|\n| state at room temp | solid | gas |\n"
    "| why? | strong bonds | weak forces |",
])
def test_a_table_of_properties_asks_each_thing_for_its_property(notes):
    assert qa(notes) == [("Ionic: what is the state at room temp?", "solid"),
                         ("Covalent: what is the state at room temp?", "gas")]


def test_a_property_told_in_levels_asks_for_the_level():
    table = ("| property | ionic | covalent | metallic |\n|---|---|---|---|\n"
             "| melting point | high | low | high |\n| why? | strong bonds | weak forces | - |")
    assert qa(table) == [("Ionic: what is the level of the melting point?", "high"),
                         ("Covalent: what is the level of the melting point?", "low"),
                         ("Metallic: what is the level of the melting point?", "high")]


def test_a_comparison_on_one_line_asks_each_side():
    notes = ("Comparison (aerobic vs anaerobic)\n"
             "- products: aerobic = CO2 + water, anaerobic = lactic acid\n"
             "- energy: aerobic = lots, anaerobic = a small amount")
    assert qa(notes) == [
        ("What are the products of aerobic?", "CO2 + water"),
        ("What are the products of anaerobic?", "lactic acid"),
        ("What is the amount of energy for aerobic?", "lots"),
        ("What is the amount of energy for anaerobic?", "a small amount"),
    ]


def test_a_lifespan_is_not_a_date_to_learn():
    assert qa("- Immanuel Kant (1724-1804), German philosopher.", Kind.DATE) == []


def test_explain_marks_the_items_of_a_list():
    rows = explain("# Why do rivers flood?\n- heavy rain\n- steep slopes\n", "d")
    assert [(row.text, row.in_list) for row in rows] == [
        ("Why do rivers flood?", False), ("heavy rain", True), ("steep slopes", True)]


def test_a_long_subject_is_called_a_name():
    assert ("What is the process by which plants make food called?", "photosynthesis") in qa(
        "The process by which plants make food is called photosynthesis.")


def test_a_chain_without_a_name_is_asked_for_its_steps_between_its_ends():
    assert qa("# Rivers\n- source → upper course → middle course → lower course → mouth") == [
        ("What comes between ‘source’ and ‘mouth’, in order?",
         "upper course → middle course → lower course")]
    assert qa("# Blood glucose\n- too high -> insulin released -> glucose moves into cells") == [
        ("What happens when blood glucose is too high?",
         "insulin released → glucose moves into cells")]


def test_what_a_person_did_and_what_was_done_to_them():
    made = qa("# Wives\n- Jane Seymour (m. 1536) – gave Henry his son Edward\n"
              "- Anne Boleyn (m. 1533) – mother of Elizabeth. Accused of adultery + treason")
    assert ("Who gave Henry his son Edward?", "Jane Seymour") in made
    assert ("Who was the mother of Elizabeth?", "Anne Boleyn") in made
    assert ("Who was accused of adultery + treason?", "Anne Boleyn") in made


@pytest.mark.parametrize(("sentence", "question", "answer"), [
    ("Acids produce hydrogen ions in water.", "What do acids produce?", "hydrogen ions in water"),
    ("Hydrochloric acid makes chlorides.", "What does hydrochloric acid make?", "chlorides"),
    ("A burette is used to add the acid drop by drop.", "What is a burette used for?",
     "to add the acid drop by drop"),
])
def test_what_a_thing_does_in_a_sentence(sentence, question, answer):
    assert qa(sentence) == [(question, answer)]


def test_a_thing_that_does_nothing_to_an_object_gives_no_card():
    assert qa("A strong acid fully ionises in water, eg hydrochloric acid.") == []


def test_a_line_under_a_named_thing_says_what_it_does():
    notes = ("# Algorithms\n- Linear search\n  - checks each item in turn\n"
             "  - works on unsorted lists\n")
    assert qa(notes) == [("What does the linear search check?", "each item in turn")]


@pytest.mark.parametrize("notes", [
    "- Civil Rights Act 1964 - banned segregation in public places",
    "The Civil Rights Act (1964) banned segregation in public places.",
])
def test_a_named_act_asks_when_and_what_it_did(notes):
    assert sorted(qa(notes)) == sorted([
        ("When was the Civil Rights Act?", "1964"),
        ("What did the Civil Rights Act do?", "banned segregation in public places"),
    ])


def test_the_students_asides_are_left_out_of_cards():
    made = qa("# Politics\n- 2015 - UKIP won 12.6% of the vote (!!) but only 1 seat\n"
              "- (Mr Patel says the 1851 treaty vs 1868 treaty comes up a LOT)\n"
              "- Permanent Indian Frontier (1834) - land given to the Indians "
              "(lol it didnt last)\n")
    assert made and not any("!!" in q or "Patel" in q or "lol" in q or "lol" in a
                            for q, a in made)
    assert any(a == "1834" for _, a in made) and any(a == "12.6%" for _, a in made)


def test_a_bracketed_fact_and_a_gloss_in_brackets_are_no_asides():
    assert ("What is the German for ‘useful’?", "nützlich") in qa(
        "# German - adjectives\nstreng (strict), nützlich (useful)\n")
    assert any(a == "1980" for _, a in qa(
        "# Conformity\n- (criticism - Perrin & Spencer 1980 found v little conformity)\n"))


def test_an_event_named_after_its_year_is_asked_when_it_was():
    made = qa("# The West\n- 1843 = \"the Great Migration\", about 1000 people made the trip\n"
              "- 1917 - Russian Revolution\n")
    assert ("When was the Great Migration?", "1843") in made
    assert ("When was the Russian Revolution?", "1917") in made
    assert not any(q.startswith("What is 1843") for q, _ in made)


def test_a_course_title_that_says_where_it_came_from_gives_no_card():
    notes = ("The American West c1835-c1895 - GCSE History revision notes (copied from the "
             "revision site + my own bits added)\n# Settlers\n- Homestead Act 1862 - 160 acres\n")
    assert not any("GCSE" in a for _, a in qa(notes))


@pytest.mark.parametrize("notes, question, answer", [
    ("# Factors affecting rate\n- Temperature — particles move faster so collide more often\n",
     "How does temperature affect the rate?", "particles move faster so collide more often"),
    ("# Uses of EM waves\n- Radio waves - TV and radio communication\n"
     "- X-rays: medical imaging of bones\n",
     "Uses of EM waves: what are X-rays for?", "medical imaging of bones"),
    ("# Food tests\n- Starch - iodine turns blue-black\n- Protein: Biuret, turns purple\n",
     "What is the test for starch?", "iodine turns blue-black"),
    ("# Causes of WW1\n- Militarism - arms race between Britain and Germany\n",
     "How did militarism contribute to WW1?", "arms race between Britain and Germany"),
])
def test_a_heading_that_names_a_relation_asks_it_of_the_lines_under_it(notes, question, answer):
    made = qa(notes)
    assert (question, answer) in made
    assert not any(q.startswith("What is meant by") for q, _ in made)


def test_uses_and_tests_give_no_list_of_their_items():
    assert not any(q.startswith("What are the two") for q, _ in qa(
        "# Uses of EM waves\n- Radio waves - communication\n- X-rays - imaging bones\n"))


@pytest.mark.parametrize("bullet, question, answer", [
    ("Fort Laramie Treaty 1851 - Plains Indians agreed to let migrants cross safely in return "
     "for $50,000 of goods a year - tribal land boundaries agreed - first reservations soon after",
     "Fort Laramie Treaty 1851: Plains Indians agreed to let migrants cross safely in return "
     "for ____ of goods a year. How much?", "$50,000"),
    ("Sand Creek Massacre 1864 - Colonel Chivington attacked Black Kettle's Cheyenne camp, "
     "approx 150 killed mostly women + children even though they were flying the US flag",
     "When was the Sand Creek Massacre?", "1864"),
    ("Hippocrates + Galen said the body had 4 humours (blood, phlegm, yellow bile, black bile), "
     "illness came when they were out of balance so doctors bled patients",
     "Hippocrates + Galen said the body had ____ humours. How many?", "4"),
    ("Case study: Rio de Janeiro (NEE) Rio is in south-east Brazil - 2nd largest city in Brazil "
     "after Sao Paulo - population approx 6.7 million",
     "Rio de Janeiro: population approx ____. How many?", "6.7 million"),
])
def test_a_number_in_a_long_line_is_asked_in_its_own_clause(bullet, question, answer):
    assert (question, answer) in qa(f"# Notes\n- {bullet}\n")


def test_defences_are_asked_how_they_defend_and_a_clause_is_no_term():
    made = qa("# Non-specific defences (1st line)\n- skin – physical barrier, secretes "
              "antimicrobial substances\n- nose – hairs + mucus trap particles\n"
              "- trachea & bronchi – mucus traps pathogens\n")
    assert ("How does the nose act as a defence?", "hairs + mucus trap particles") in made
    assert ("How do trachea & bronchi act as a defence?", "mucus traps pathogens") in made
    assert not any(q.startswith(("What is the term for", "What is meant by")) for q, _ in made)


@pytest.mark.parametrize("line", [
    "double blind trial – neither doctors nor patients know who gets placebo",
    "clinical trials – healthy volunteers first at very low dose, then patients",
    "producing antibodies – specific to the antigen on the pathogen",
])
def test_no_term_is_asked_for_a_description_that_is_no_definition(line):
    assert not any(q.startswith("What is the term for") for q, _ in qa(f"# Drugs\n- {line}\n"))


def test_a_long_line_above_a_blanked_one_lends_it_only_its_subject():
    made = qa("# Causes\n- Schlieffen Plan - German plan to avoid a war on two fronts at once\n"
              "  - knock out France in 6 weeks by going through Belgium\n"
              "- Since the 1970s there has been class dealignment and partisan dealignment\n"
              "  - Tony Blair won a 179 seat majority\n")
    assert ("Schlieffen Plan: knock out France in ____ by going through Belgium. How long?",
            "6 weeks") in made
    assert not any("dealignment" in q and "179" in a for q, a in made)


@pytest.mark.parametrize("line, question, answer", [
    ("cellulose – strengthens cell walls", "What does cellulose strengthen?", "cell walls"),
    ("LH – stimulates ovulation", "What does LH stimulate?", "ovulation"),
    ("resistance – anything that opposes the flow of current",
     "What is the term for anything that opposes the flow of current?", "resistance"),
])
def test_what_a_thing_does_and_a_definition_with_a_relative_clause(line, question, answer):
    assert (question, answer) in qa(f"# Biology\n- {line}\n")


def test_a_diseases_symptoms_are_one_card_and_a_disease_takes_no_article():
    made = qa("# Pathogens\n- gonorrhoea – STD, thick yellow/green discharge, pain when urinating\n"
              "- salmonella – food poisoning — fever, vomiting, diarrhoea, stomach cramps\n")
    assert ("What are the symptoms of gonorrhoea?",
            "thick yellow/green discharge, pain when urinating") in made
    assert ("What are the symptoms of salmonella?", "vomiting, diarrhoea, stomach cramps") in made
    assert not any(q.startswith("What is the term for") for q, _ in made)


def test_what_is_done_to_a_thing_is_asked_under_the_line_that_names_it():
    made = qa("# Pathogens\n- rose black spot – purple/black spots on leaves\n"
              "  - treated w/ fungicides + removing affected leaves\n"
              "# Glucose\n- used for respiration\n")
    assert ("What is the rose black spot treated with?",
            "fungicides + removing affected leaves") in made
    assert ("What is glucose used for?", "respiration") in made


def test_an_arrow_that_says_what_a_thing_does():
    assert qa("# Pathogens\n- Bacteria -> reproduce v quickly, release toxins that damage "
              "tissues\n") == [
        ("What do bacteria do?", "reproduce v quickly, release toxins that damage tissues"),
        ("What reproduces v quickly and releases toxins that damage tissues?", "bacteria"),
        ("What do bacteria release?", "toxins that damage tissues")]


def test_a_part_and_its_jobs_are_asked_whole_and_the_other_way():
    made = qa("## Cell parts\n- Nucleus – contains DNA, controls the activities of the cell\n"
              "- Cell membrane – controls what goes in and out of the cell\n")
    assert ("What does the nucleus do?", "contains DNA, controls the activities of the cell") \
        in made
    assert ("What contains DNA and controls the activities of the cell?", "nucleus") in made
    assert ("What does the nucleus contain?", "DNA") in made
    assert ("What controls what goes in and out of the cell?", "cell membrane") in made


def test_prose_sentences_name_their_subject_once_and_it_carries_on():
    made = qa("Voting systems\n--------------\nThe Single Transferable Vote (STV) is used for "
              "the Northern Ireland Assembly since 2007. It uses multi-member constituencies.\n"
              "The Supplementary Vote (SV) was used for electing mayors - voters got 2 choices.\n")
    assert ("What is STV used for?", "the Northern Ireland Assembly since 2007") in made
    assert ("What was SV used for?", "electing mayors") in made


def test_glands_under_a_hormones_heading_are_asked_what_they_secrete():
    made = qa("## Endocrine system (hormones)\n- thyroid – thyroxine (controls metabolic rate)\n"
              "- pancreas – insulin + glucagon\n- ovaries – oestrogen; testes – testosterone\n")
    assert ("Which hormone does the thyroid secrete?", "thyroxine") in made
    assert ("What does thyroxine control?", "metabolic rate") in made
    assert ("Which hormones does the pancreas secrete?", "insulin + glucagon") in made
    assert ("What secretes testosterone?", "testes") in made


def test_joined_subjects_are_plural_and_a_study_reminder_gives_no_card():
    made = qa("# Cycle\n- oestrogen + progesterone – maintain uterus lining\n"
              "- label the diagram!! lost 2 marks on the mock for mixing sensory/motor\n"
              "- effectors = muscles or glands\n  - muscles contract, glands secrete hormones\n")
    assert ("What do oestrogen + progesterone maintain?", "uterus lining") in made
    assert not any("mock" in q or "contract" in q for q, _ in made)


def test_labels_that_name_what_their_line_gives():
    made = qa("Products of cracking: alkanes + alkenes\n"
              "Test for alkenes: add bromine water -> orange to colourless\n"
              "Uses of alkenes: make polymers\n")
    assert ("What are the products of cracking?", "alkanes + alkenes") in made
    assert ("What is the test for alkenes?", "add bromine water") in made
    assert ("What happens when bromine water is added to alkenes?", "orange to colourless") in made
    assert ("What are the uses of alkenes?", "make polymers") in made


def test_changes_under_an_as_x_increases_heading():
    made = qa("Properties as chain length increases:\n1. boiling point increases\n"
              "2. flammability decreases (harder to ignite)\n")
    assert ("How does the boiling point change with a rise in chain length?", "increases") in made
    assert ("How does flammability change with a rise in chain length?",
            "decreases (harder to ignite)") in made


@pytest.mark.parametrize("line", ["vapour goes into the fractionating column",
                                  "vapours rise + condense at different temperatures"])
def test_no_object_asked_of_a_verb_of_movement(line):
    assert qa(f"# Distillation\n- {line}\n") == []


def test_a_definition_that_runs_on_past_dashes_is_read_a_statement_at_a_time():
    made = qa("What is urbanisation? Urbanisation is the increase in the proportion of people "
              "living in towns and cities - it is caused by rural-urban migration and natural "
              "increase - natural increase = when the birth rate is higher than the death rate\n")
    assert made[:4] == [
        ("What is urbanisation?",
         "the increase in the proportion of people living in towns and cities"),
        ("What is the term for the increase in the proportion of people living in towns and "
         "cities?", "urbanisation"),
        ("What is urbanisation caused by?", "rural-urban migration and natural increase"),
        ("What is meant by ‘natural increase’?",
         "when the birth rate is higher than the death rate")]


def test_a_number_after_a_definition_is_led_by_the_term():
    made = qa("- A megacity is a city with over 10 million people - in 1950 there were only two "
              "megacities (Tokyo and New York)\n")
    assert ("megacity: in ____ there were only two megacities (Tokyo and New York). In what year?",
            "1950") in made


@pytest.mark.parametrize("line, question, answer", [
    ("Edward Jenner developed the smallpox vaccine in 1796. He noticed that milkmaids …",
     "Who developed the smallpox vaccine?", "Edward Jenner"),
    ("William Harvey - 1628 - discovered the circulation of the blood (heart acts as a pump)",
     "Who discovered the circulation of the blood?", "William Harvey"),
    ("anaesthetics: James Simpson discovered chloroform in 1847",
     "Who discovered chloroform?", "James Simpson"),
    ("In 1854 John Snow investigated a cholera outbreak in Soho",
     "Who investigated a cholera outbreak in Soho?", "John Snow"),
])
def test_a_person_and_their_deed_is_asked_who(line, question, answer):
    made = qa(f"# Medicine\n- {line}\n")
    assert (question, answer) in made
    assert any(a.isdigit() for _, a in made)  # the date is still asked


def test_a_term_glossed_by_a_few_words_that_each_mean_it():
    made = qa("=== Three marks of existence ===\n"
              "Dukkha: suffering, dissatisfaction, unsatisfactoriness\n"
              "hinge joint – knee, elbow\n")
    assert ("What is meant by ‘dukkha’?", "suffering, dissatisfaction, unsatisfactoriness") in made
    assert not any(a == "knee, elbow" and "meant" in q for q, a in made)


def test_food_tests_and_where_an_enzyme_works_best():
    made = qa("food tests (req practical):\n"
              "• starch - iodine solution, orange/brown -> blue-black\n"
              "• pepsin works best in acidic conditions (approx pH 2)\n")
    assert ("What is the test for starch?", "iodine solution") in made
    assert ("What is a positive result in the test for starch?",
            "orange/brown -> blue-black") in made
    assert ("In what conditions does pepsin work best?",
            "in acidic conditions (approx pH 2)") in made


def test_what_raises_a_quantity_and_a_law_with_its_equation_after_an_arrow():
    made = qa("## Stopping distance\n* braking distance ↑ by wet/icy roads, worn tyres\n"
              "Newton's 2nd law: acceleration is proportional to the resultant force -> F = m a\n")
    assert ("What increases braking distance?", "wet/icy roads, worn tyres") in made
    assert ("What is meant by ‘Newton's 2nd law’?",
            "acceleration is proportional to the resultant force") in made


def test_a_statement_before_a_list_title_is_a_point_and_a_study_names_its_author():
    made = qa("Social Influence\n================\n\nConformity is when a person changes their "
              "beliefs because of group pressure. Kelman (1958) said there are 3 types:\n"
              "- Compliance - going along with the group in public\n"
              "- Identification - conforming b/c you value the group\n\n"
              "Asch (1951)\n-----------\nAsch tested 123 American male students on a line "
              "judgement task.\n")
    assert ("What is conformity?",
            "when a person changes their beliefs because of group pressure") in made
    assert ("Who tested 123 American male students on a line judgement task?", "Asch") in made


def test_a_bare_order_an_advantage_and_a_students_remark():
    made = qa("## Blood vessels into/out of heart (the big 4 – LEARN)\n"
              "- order: vena cava -> RA -> RV -> pulm artery -> lungs\n"
              "## Double circulatory system\n- advantage – blood goes back to heart to be "
              "re-pressurised\n- valves\n  - bicuspid / mitral (left side) – either name is fine "
              "apparently\n")
    assert ("Blood vessels into/out of heart: what is the order?",
            "vena cava → RA → RV → pulm artery → lungs") in made
    assert ("Double circulatory system: what is the advantage?",
            "blood goes back to heart to be re-pressurised") in made
    assert not any("apparently" in a for _, a in made)


@pytest.mark.parametrize("line, question, answer", [
    ("Edward Jenner developed the smallpox vaccine in 1796. He noticed milkmaids …",
     "In what year did Edward Jenner develop the smallpox vaccine?", "1796"),
    ("Germany invaded Poland on 1 September 1939", "When did Germany invade Poland?",
     "1 September 1939"),
    ("The Nazis banned trade unions in 1933", "In what year did the Nazis ban trade unions?",
     "1933"),
])
def test_the_date_of_a_deed_is_asked_directly(line, question, answer):
    assert (question, answer) in qa(f"# History\n- {line}\n")


def test_no_date_is_asked_of_a_state_or_of_a_passive_without_its_be():
    made = qa("# Causes\n- France wanted revenge for losing Alsace-Lorraine in 1871\n"
              "- Hitler appointed Chancellor 30 January 1933\n")
    assert not any(q.startswith(("In what year did", "When did")) for q, _ in made)


def test_a_unit_made_of_a_count_of_smaller_ones():
    made = qa("# Data\nNibble: 4 bits\nkibibyte = 1024 bytes\n")
    assert ("How many bits are in a nibble?", "4") in made
    assert ("How many bytes are in a kibibyte?", "1024") in made


def test_a_year_before_a_dash_keeps_its_clause_and_where_defines_a_place():
    made = qa("# Round 2\n- 1926 – ‘left’ defeated in Central Committee => met in secret\n"
              "# Cells\n- Ribosomes – where proteins are made (protein synthesis)\n"
              "- mass number = protons + neutrons\n")
    assert ("When was the ‘left’ defeated in Central Committee?", "1926") in made
    assert ("What is the term for where proteins are made?", "ribosomes") in made
    assert ("What is the term for protons + neutrons?", "mass number") in made


def test_what_a_place_is_known_as_stops_at_the_next_dash():
    made = qa("# Sustainable\n- Freiburg (Germany) - known as the \"green city\" - Vauban district "
              "built on old military barracks - car-free district\n")
    assert any(a == 'the "green city"' for _, a in made)


def test_parts_of_the_notes_and_the_kinds_of_characteristics():
    made = qa("Part A - Definitions of abnormality\n1) Statistical infrequency = behaviour is "
              "abnormal if it is rare\n2) Deviation from social norms = behaviour that goes "
              "against unwritten rules\n\nCharacteristics of phobias\n"
              "- behavioural: panic, avoidance\n- emotional: anxiety + fear\n\n"
              "Part C - Depression\n1) Beck's negative triad (1967): negative view of the self, "
              "the world + the future\n2) Ellis's ABC model (1962) - A = activating event\n")
    assert ("What are the behavioural characteristics of phobias?", "panic, avoidance") in made
    assert ("What is Beck's negative triad?",
            "negative view of the self, the world + the future") in made
    assert not any("give all" in q for q, _ in made)


def test_quotes_with_their_speaker_first_and_a_web_page_s_leftovers():
    made = qa("Key quotes Birling: \"The Titanic... unsinkable, absolutely unsinkable\" (dramatic "
              "irony) - Sheila to Gerald: \"You were the wonderful Fairy Prince\" Read more\n"
              "Characters Arthur Birling - \"a heavy-looking, rather portentous man\"\n"
              "Context An Inspector Calls was written by J.B. Priestley in 1945. Advertisement\n")
    assert ("Who says “The Titanic... unsinkable, absolutely unsinkable”?", "Birling") in made
    assert ("Who says “You were the wonderful Fairy Prince”?", "Sheila") in made
    assert ("Who is described as “a heavy-looking, rather portentous man”?",
            "Arthur Birling") in made
    assert not any("Read more" in q or "Advertisement" in q or q.startswith("Context")
                   for q, _ in made)


def test_another_name_in_brackets_and_a_place_keeps_its_capital():
    made = qa("# Sacraments\nHoly Communion (also known as the Eucharist or Mass) remembers the "
              "Last Supper.\n- Freiburg (Germany) - known as the \"green city\" - car-free\n")
    assert ("What is another name for Holy Communion?", "the Eucharist or Mass") in made
    assert ("What is Freiburg known as?", 'the "green city"') in made


def test_kinds_of_an_aspect_under_its_heading_and_a_short_form_with_its_meaning():
    made = qa("# Opportunities in Rio\n- Economic: jobs in manufacturing + services\n"
              "# Tempo\n- rit. = ritardando -> gradually slowing down\n")
    assert ("What are the economic opportunities in Rio?",
            "jobs in manufacturing + services") in made
    assert ("What does ‘ritardando’ mean?", "gradually slowing down") in made
    assert not any("turn" in q for q, _ in made)


@pytest.mark.parametrize("line, question, answer", [
    ("speed of sound in air is about 330 m/s", "speed of sound in air is about ____. What value?",
     "330 m/s"),
    ("Ultrasound: sound w/ frequency higher than 20 000 Hz",
     "Ultrasound: sound w/ frequency higher than ____. What value?", "20 000 Hz"),
    ("human hearing range = 20 Hz to 20 000 Hz", "What is the human hearing range?",
     "20 Hz to 20 000 Hz"),
    ("T = 1/f  (so f = 50Hz -> T = 0.02 s)", "What is T equal to?", "1/f"),
])
def test_numbers_with_their_units_and_spaced_thousands_stay_whole(line, question, answer):
    assert (question, answer) in qa(f"# Waves\n- {line}\n")


def test_dangers_an_equality_and_a_change_with_age():
    made = qa("# Waves\n- reflection: angle of incidence = angle of reflection\n"
              "- range\n  - range gets smaller w/ age\n## Dangers\n"
              "- UV = skin cancer + premature ageing of skin\n")
    assert ("What are the dangers of UV?", "skin cancer + premature ageing of skin") in made
    assert not any(q.startswith(("What is the term for angle", "What does range get"))
                   for q, _ in made)


def test_a_table_of_case_studies_side_by_side_asks_each_of_its_own():
    made = qa("# Case studies\n| | Typhoon Haiyan | Hurricane Katrina |\n|---|---|---|\n"
              "| Where | Philippines (Tacloban) | USA (New Orleans) |\n"
              "| Date | 8 Nov 2013 | 29 Aug 2005 |\n| Key fact | 90% destroyed | levees failed |\n")
    assert ("Where was Typhoon Haiyan?", "Philippines (Tacloban)") in made
    assert ("Hurricane Katrina: what is the date?", "29 Aug 2005") in made
    assert not any("key fact" in q.lower() for q, _ in made)


def test_a_study_or_theory_named_after_its_author():
    made = qa("10) Merton (1938) - strain theory\n   - gap between goals and means\n"
              "4) Christiansen (1977) - twin study, Denmark, 3586 twin pairs\n"
              "   - concordance: MZ 35% vs DZ 13%\n")
    assert ("Which theory did Merton put forward?", "strain theory") in made
    assert ("Who put forward strain theory?", "Merton") in made
    assert ("What kind of study did Christiansen (1977) do?", "twin study") in made
    assert not any(q.startswith("What did Christiansen") for q, _ in made)


def test_a_count_and_its_items_with_an_aside_after_them():
    made = qa("# Eysenck\n"
              "- 3 dimensions: extraversion, neuroticism, psychoticism (P added later??)\n"
              "- crime needs 3 things: motivated offender, suitable target, absence of capable "
              "guardian\n")
    assert ("What are the 3 dimensions?", "extraversion, neuroticism, psychoticism") in made
    assert not any("____" in q for q, _ in made)  # (each count is shown by its items)


def test_numbered_quiz_questions_with_the_answer_in_brackets_and_a_glossary_line():
    made = qa("Quick quiz Qs\n1 What is the name for malware that spreads by itself? (worm)\n"
              "2 Which law made hacking illegal in the UK? (Computer Misuse Act 1990)\n"
              "\n# Glossary\n"
              "Key terms glossary - Hacker: person who gains unauthorised access - Botnet: "
              "network of infected computers controlled remotely\n")
    assert ("What is the name for malware that spreads by itself?", "worm") in made
    assert ("Which law made hacking illegal in the UK?", "Computer Misuse Act 1990") in made
    assert ("What is meant by ‘botnet’?", "network of infected computers controlled remotely") \
        in made
    assert not any("____" in q for q, _ in made)


def test_a_language_device_and_its_example_and_no_deed_of_a_passive():
    made = qa("Language devices\nHyde described with animal imagery -> \"like a monkey\" • "
              "pathetic fallacy - the fog\n")
    assert ("Give an example of pathetic fallacy.", "the fog") in made
    assert not any(q.startswith("Who described") or "meant by ‘pathetic" in q for q, _ in made)


def test_an_arrow_to_where_something_goes_is_no_change_into():
    made = qa("# Electrodes\nCathode: NEGATIVE electrode -> positive ions (cations) go here\n")
    assert not any("turn" in q for q, _ in made)


def test_a_long_chain_of_causes_is_asked_whole_after_its_first_link():
    made = qa("## Why ionic compounds conduct\nsolid ionic compound -> ions held in fixed "
              "positions -> cant move -> no current\n")
    assert made == [
        ("What does ‘solid ionic compound’ lead to?", "ions held in fixed positions"),
        ("What follows from ‘solid ionic compound’, in order?",
         "ions held in fixed positions → cant move → no current")]


def test_what_a_form_is_used_after_and_how_to_form_it_are_asked_of_its_heading():
    made = qa("GRAMMAR 2 - present subjunctive (grade 8/9 stuff, miss said use it)\n"
              "used after: es importante que, quiero que, ojalá\n"
              "how to form: take yo form of present, drop the -o, add opposite ending\n")
    assert ("What is the present subjunctive used after?",
            "es importante que, quiero que, ojalá") in made
    assert ("How do you form the present subjunctive?",
            "take yo form of present, drop the -o, add opposite ending") in made
    assert not any("GRAMMAR" in q or "used after" in a for q, a in made)


def test_where_a_thing_happens_and_an_example_label_and_an_aside_that_runs_on():
    made = qa("## Profit\n- **Profit max** happens where MC = MR (!!! learn this, comes up EVERY "
              "yr)\n- ex: UK supermarkets (Tesco, Asda)\n")
    assert made == [("Where does profit max happen?", "MC = MR")]


def test_a_definition_told_as_where_a_sum_holds():
    assert qa("## Key defs\n- Normal profit = where AR = AC, the min profit needed\n") == [
        ("What is meant by ‘normal profit’?", "where AR = AC, the min profit needed")]


def test_changes_under_a_heading_ask_what_happens_to_each():
    assert qa("Response to exercise:\n- heart rate increases, breathing rate increases\n") == [
        ("Response to exercise: what happens to the heart rate?", "increases"),
        ("Response to exercise: what happens to the breathing rate?", "increases")]


def test_a_reason_for_an_amount_reads_as_a_passive():
    made = qa("Anaerobic:\n- much less energy released than aerobic bc glucose is only partly "
              "oxidised\n- Also the Church lost respect because priests died\n")
    assert ("Why is much less energy released than aerobic?",
            "glucose is only partly oxidised") in made
    assert ("Why did the Church lose respect?", "priests died") in made


def test_a_cause_asked_or_quoted_is_not_told():
    assert qa("Hume\n- we can't say what causes the universe\n"
              "- Aquinas avoids the \"what caused God\" question\n", Kind.CAUSE) == []


def test_a_name_and_the_title_of_a_work_define_nothing():
    assert qa("- Aquinas – Five Ways\n- Russell – fallacy of composition: \"every man has a "
              "mother\"\n", Kind.DEFINITION) == []


def test_a_reference_after_an_idea_asks_who_described_it_not_the_year():
    made = qa("## Family types\n- Beanpole family – many generations, few aunts and uncles "
              "(Brannen 2003)\n")
    assert ("Who described the beanpole family?", "Brannen (2003)") in made
    assert not any(answer == "2003" for _, answer in made)


def test_a_statistic_asks_the_figure_not_the_year_of_its_source():
    assert qa("## Housework\n- ONS 2016: women do on average 60% more unpaid work than men\n") \
        == [("ONS 2016: women do on average ____ more unpaid work than men. What percentage?",
             "60%")]


def test_gender_articles_ask_which_article_goes_with_a_gender():
    made = qa("# German\nder = masc, die = fem, das = neut\n¨ = add umlaut\n")
    assert ("Which article goes with masculine nouns?", "der") in made
    assert ("Which gender does ‘das’ mark?", "neuter") in made
    assert not any("umlaut" in q for q, _ in made)


def test_a_gender_in_the_meaning_stays_in_the_reverse_question():
    made = qa("# German\nder Lehrer = teacher (m), die Lehrerin = teacher (f)\n")
    assert ("What is the German for ‘teacher (f)’?", "die Lehrerin") in made


def test_word_pairs_in_a_language_file_are_vocabulary_under_any_title():
    notes = ("# German\n## Places\ndie Schule – school\ndas Labor – lab\n"
             "## People\nder Lehrer – teacher\nder Freund – friend\n"
             "## SUBJECTS\nMathe – maths, Deutsch – German\nKunst – art\n")
    assert ("What is the German for ‘maths’?", "Mathe") in qa(notes)


def test_a_number_the_line_shows_twice_is_not_blanked():
    assert qa("## Facts\n- a lesson lasts 45 mins, a break 45 mins too\n", Kind.FIGURE) == []


def test_a_time_of_day_is_asked_as_a_time():
    assert qa("## School day\n- school starts about 7.45 every day\n") == [
        ("school starts about ____ every day. At what time?", "7.45")]


def test_what_a_thing_happens_between():
    assert qa("Ionic bonding happens between a metal and a non-metal, covalent bonding "
              "between non-metals.\n") == [
        ("Between what does ionic bonding happen?", "a metal and a non-metal")]


def test_a_statement_about_this_or_these_needs_the_line_before():
    assert qa("## Lattices\n- These forces act in all directions in the lattice.\n") == []


def test_a_web_byline_and_share_buttons_give_no_cards():
    notes = ("Bonding: The Complete Guide\nBy Hannah Price | Chemistry | Updated 14 March 2023 "
             "| 7 min read\nShare  •  Tweet  •  Save for later\n\n"
             "An ion is an atom or group of atoms with an electrical charge.\n")
    assert all("2023" not in q and "Tweet" not in a for q, a in qa(notes))


def test_a_label_before_a_term_and_its_meaning_is_left_out():
    assert qa("## Plains Indians\n- Beliefs - Wakan Tanka = the Great Spirit\n") == [
        ("What is meant by ‘Wakan Tanka’?", "the Great Spirit")]


def test_a_word_a_sentence_explains_in_brackets():
    made = qa("## Plains Indians\n- Lived on the Great Plains in bands (groups of extended "
              "families)\n- no wood so they built sod houses (made of earth)\n"
              "- the pathway (still only ms tho)\n")
    assert made == [("What are bands?", "groups of extended families"),
                    ("What are sod houses made of?", "earth")]


def test_a_date_in_brackets_cites_nobody():
    assert not any(q.startswith("Who described")
                   for q, _ in qa("## Inflation\n- loaf of bread: 250 marks (Nov 1923)\n"))


def test_a_term_over_its_meaning_in_an_outline_by_indentation():
    notes = ("RIVERS\n\tPROCESSES\n\t\terosion\n"
             "\t\t\thydraulic action\n\t\t\t\tforce of the water hitting the banks\n"
             "\t\t\tabrasion\n\t\t\t\trocks carried by the river wear away the bed and banks\n"
             "\t\t\t\t(sandpaper effect - Mr H)\n"
             "\t\ttransportation\n\t\t\tsaltation\n\t\t\t\tpebbles bounce along the bed\n"
             "\t\t\tsolution\n\t\t\t\tdissolved minerals carried in the water\n")
    cards = extract_cards(notes, "deck")
    made = [(c.question, c.answer) for c in cards]
    assert ("What is meant by ‘hydraulic action’?", "force of the water hitting the banks") \
        in made
    assert ("What is meant by ‘abrasion’?",
            "rocks carried by the river wear away the bed and banks") in made
    saltation = next(c for c in cards if c.answer == "pebbles bounce along the bed")
    assert saltation.topic[-2:] == ("transportation", "saltation")


def test_a_timeline_asks_when_each_event_happened():
    made = qa("=== TIMELINE ===\n"
              "12 March 1947   Truman Doctrine - US will support free peoples resisting "
              "communism\n"
              "June 1947       Marshall Plan announced\n"
              "Feb 1948        communist takeover in Czechoslovakia\n"
              "Aug 1949        USSR tests its first atomic bomb\n"
              "13 Aug 1961     Berlin Wall put up overnight\n")
    assert ("When was the Truman Doctrine?", "12 March 1947") in made
    assert ("When was the Marshall Plan announced?", "June 1947") in made
    assert ("When was the communist takeover in Czechoslovakia?", "Feb 1948") in made
    assert ("When did the USSR test its first atomic bomb?", "Aug 1949") in made
    assert ("When was the Berlin Wall put up overnight?", "13 Aug 1961") in made


def test_the_key_to_an_equations_symbols_asks_each_with_its_unit():
    made = qa("## Weight\n- W = weight (N), m = mass (kg), g = gravitational field strength "
              "(N/kg)\n")
    assert ("What does g stand for, and in what unit?",
            "gravitational field strength (N/kg)") in made


def test_a_proportion_asks_what_each_side_is_proportional_to():
    assert qa("## Newton\n- acceleration is directly proportional to resultant force, inversely "
              "proportional to mass\n") == [
        ("What is acceleration directly proportional to?", "resultant force"),
        ("What is acceleration inversely proportional to?", "mass")]


def test_a_question_the_student_wrote_gives_no_blank_of_its_numbers():
    assert qa("## Weight\n- What is the weight of a 60 kg person on Earth?\n") == []


def test_a_gender_column_is_shown_by_the_article_and_not_asked():
    made = qa("# French food\n| French | English | gender |\n|---|---|---|\n"
              "| le pain | bread | m |\n| les frites | chips | f pl |\n")
    assert ("What is the French for ‘bread’?", "le pain") in made
    assert not any("gender" in q.lower() for q, _ in made)


def test_plus_and_minus_lines_are_the_pros_and_cons_of_the_line_above():
    made = qa("TOPOLOGIES\n\nSTAR - every device connected to a central switch\n"
              "+ easy to add new devices\n+ fast\n- if the central switch fails the whole "
              "network goes down\n\nwireless\n+ devices can move around\n- slower\n")
    assert ("What are the advantages of the star topology?", "easy to add new devices\nfast") \
        in made
    assert ("What are the disadvantages of the star topology?",
            "if the central switch fails the whole network goes down") in made
    assert ("What are the disadvantages of wireless?", "slower") in made
    assert not any(q.startswith("What does the central switch") for q, _ in made)


def test_when_a_thing_is_at_its_fastest_is_no_definition():
    assert qa("## Cycles\n- decay is fastest when its warm and moist\n") == [
        ("When is decay fastest?", "when its warm and moist")]


def test_a_theme_is_asked_how_it_is_shown():
    assert qa("THEMES\nGuilt - blood imagery, sleeplessness, LM's handwashing\n") == [
        ("How is the theme of guilt shown?", "blood imagery, sleeplessness, LM's handwashing")]


def test_a_passage_quoted_whole_and_remarks_give_no_cards():
    assert qa("## Tawhid\n- \"Say, He is God the One. No one is comparable to Him.\"\n"
              "- use it for any Tawhid question. Miss says always give the reference\n"
              "- colour code: green = Sunni, purple = Shia\n") == []


def test_an_acronym_and_what_it_does():
    made = qa("--- ACRONYMS ---\nNIC = Network Interface Card - hardware that lets a device "
              "connect to a network\nMAC address = Media Access Control address - unique "
              "48-bit address given to each NIC\n")
    assert ("What does NIC stand for?", "Network Interface Card") in made
    assert ("What is meant by ‘NIC’?", "hardware that lets a device connect to a network") \
        in made
    assert ("What does MAC stand for in MAC address?", "Media Access Control") in made
    assert not any(q.startswith("How do you calculate") for q, _ in made)


def test_a_count_and_what_happened_to_it():
    made = qa("## Effects\n- Hungarian Uprising, crushed by Soviet tanks, about 20,000 Hungarians "
              "killed\n- about 55,000 homes flooded\n- 13 people died (UK total)\n")
    assert ("Hungarian Uprising: how many Hungarians were killed?", "20,000") in made
    assert ("How many homes were flooded?", "55,000") in made
    assert ("How many people died?", "13") in made


def test_a_definition_keeps_its_few_examples():
    assert ("What is meant by ‘medulla’?", "unconscious activities eg heartbeat, breathing") in \
        qa("## Brain\n- medulla – unconscious activities eg heartbeat, breathing\n")


def test_language_notes_endings_tenses_titles_and_pairs_spaced_apart():
    made = qa("# Spanish\n## VOCAB\nla cartera = wallet    robar = to steal\n"
              "el billete de ida y vuelta = return ticket ; billete sencillo = single ticket\n"
              "GRAMMAR - PRETERITE VS IMPERFECT\n-ar: -aba, -abas, -aba\n"
              "weather = imperfect: hacía calor, llovía\nla playa = beach\n")
    assert ("What is the Spanish for ‘to steal’?", "robar") in made
    assert ("What does ‘el billete de ida y vuelta’ mean?", "return ticket") in made
    assert ("What are the endings for -ar verbs?", "-aba, -abas, -aba") in made
    assert ("Which tense do you use for weather?", "imperfect: hacía calor, llovía") in made
    assert not any("GRAMMAR" in q for q, _ in made)


def test_a_studys_sample_is_its_method_not_its_finding():
    assert qa("## STM\n- Peterson & Peterson (1959) – 24 students, consonant trigrams, counted "
              "backwards in 3s\n") == [
        ("What was the method of Peterson & Peterson (1959)?",
         "24 students, consonant trigrams, counted backwards in 3s")]


def test_an_aspect_of_the_heading_is_asked_of_it():
    assert qa("LTM\n- duration: up to a lifetime\n- capacity: unlimited\n") == [
        ("LTM: what is the duration?", "up to a lifetime"),
        ("LTM: what is the capacity?", "unlimited")]


def test_formulas_conditions_and_places_are_not_meanings():
    assert qa("## Organic\n- C10H22 → C8H18 + C2H4\n- column is hot at the bottom, cooler at "
              "the top\n- alcohol (with an acid catalyst) → ester + water\n",
              Kind.DEFINITION) == []


def test_a_title_given_to_a_person():
    assert ("Who was made Lord Burghley 1571?", "William Cecil") in qa(
        "GOVT\nWilliam Cecil = Secretary of State 1558, made Lord Burghley 1571\n")


def test_an_event_with_its_year_is_asked_by_its_name():
    made = qa("PLOTS\n Throckmorton plot 1583 - Francis Throckmorton, French invasion led by Duke "
              "of Guise, paid for by Spain + Pope -> Throckmorton executed 1584\n"
              "Tilbury speech, Aug 1588 - rallied the troops\n")
    assert ("When was the Throckmorton plot?", "1583") in made
    assert ("When was the Tilbury speech?", "Aug 1588") in made


def test_who_paid_for_a_thing():
    assert ("Who paid for the fleet?", "Philip II") in qa(
        "## Spain\n- fleet - 130 ships, paid for by Philip II\n")


def test_tests_to_remember_and_a_students_joke_and_a_teachers_words():
    made = qa("## Other tests to remember\n- CO2 → limewater turns milky/cloudy\n"
              "## Alkanes\n- first four: \"Mice Eat Peanut Butter\" lol\n"
              "- (topic 7 AQA — Mr Patel said this is like 10% of the paper so LEARN IT)\n")
    assert made == [("What is the test for CO2?", "limewater turns milky/cloudy")]


def test_a_condition_and_what_follows_it():
    assert qa("## Circuits\nIf one bulb breaks, all the bulbs go out.\n"
              "- fractions used for fuels (petrol, diesel)\n") == [
        ("What happens if one bulb breaks?", "all the bulbs go out")]


def test_a_key_dates_line_copied_off_a_page():
    notes = ("Key dates at a glance\n"
             "30 January 1933 - Hitler appointed Chancellor by President Hindenburg • 27 February "
             "1933 - Reichstag Fire • 23 March 1933 - Enabling Act passed • 2 May 1933 - trade "
             "unions banned • 30 June 1934 - Night of the Long Knives • 2 August 1934 - death of "
             "Hindenburg, Hitler becomes Führer • 14 July 1933 - Nazis the only legal party\n")
    made = qa(notes)
    assert ("When was Hitler appointed Chancellor by President Hindenburg?", "30 January 1933") \
        in made
    assert ("When was the Reichstag Fire?", "27 February 1933") in made
    assert ("When was the Night of the Long Knives?", "30 June 1934") in made
    assert not any(q.startswith("When was the Nazis") for q, _ in made)


def test_a_trace_tables_steps_give_no_cards():
    table = ("| low | high | mid | what happens |\n|---|---|---|---|\n"
             "| 0 | 8 | 4 | 19 < 23 so low = 5 |\n| 5 | 8 | 6 | found |\n")
    assert qa(table) == []


def test_a_title_is_not_shown_with_a_word_cut_out_of_its_middle():
    cards = extract_cards("# Bio Paper 2 – DNA, protein synthesis & inheritance\n## Basics\n"
                          "- DNA unzips, the 2 strands seperate\n"
                          "- the genetic material = DNA\n", "d")
    assert all("–," not in " ".join(c.topic) and "Bio Paper –" not in " ".join(c.topic)
               for c in cards)
    assert cards


def test_no_blank_led_by_a_bare_pronoun_nor_a_ratio_its_parts_show():
    assert qa("## Enabling Act\n- It needed a two-thirds majority\n"
              "## Cross\n- offspring ratio 3:1 (3 black : 1 white)\n", Kind.FIGURE) == []


def test_a_plan_or_problems_under_a_heading_are_the_headings():
    assert qa("## THE ARMADA 1588 (sequence)\n- plan - sail up the Channel, meet Parma's army\n"
              "## Welfare state\n- problems: too expensive, long waiting lists\n") == [
        ("THE ARMADA 1588: what was the plan?", "sail up the Channel, meet Parma's army"),
        ("Welfare state: what are the problems?", "too expensive, long waiting lists")]


def test_a_kind_of_cause_under_its_heading_asks_how_it_contributes():
    assert qa("HUMAN CAUSES\n1. Deforestation - trees absorb CO2 so less is taken in\n"
              "2. Cement production - releases CO2 in the kiln\n", Kind.CAUSE) == [
        ("Human causes: how does deforestation contribute?",
         "trees absorb CO2 so less is taken in"),
        ("Human causes: how does cement production contribute?", "releases CO2 in the kiln")]


def test_a_terms_course_note_is_left_out_of_its_question():
    assert qa("## Polymers\n- condensation polymerisation (triple only) - monomers have 2 "
              "functional groups each\n", Kind.DEFINITION)[0][0] == \
        "What is meant by ‘condensation polymerisation’?"


def test_cornell_notes_read_the_cue_column_as_the_term():
    notes = ("CUE            | NOTES\n"
             "---------------+--------------------------\n"
             "isotope        | same no. of protons, diff no. of neutrons\n"
             "activity       | rate at which a source decays\n"
             "               | measured in becquerels (Bq)\n"
             "count rate     | no. of decays recorded each second\n")
    made = qa(notes)
    assert any(q == "What is meant by ‘activity’?" and a.startswith("rate at which a source")
               for q, a in made)
    assert ("What is meant by ‘count rate’?", "no. of decays recorded each second") in made
    assert not any("|" in q + a or "CUE" in q for q, a in made)


def test_the_notes_title_names_the_language_of_the_word_pairs_under_other_titles():
    notes = ("LATIN VOCAB - set 1\n\nNOUNS 1st decl\npuella, puellae (f) - girl\n"
             "via: road, street\nnauta = sailor (m)\n\nNOUNS 2nd decl\nservus, servi (m) - slave\n"
             "dominus = master\nvinum - wine\n")
    made = qa(notes)
    assert ("What is the Latin for ‘girl’?", "puella, puellae (f)") in made
    assert ("What does ‘dominus’ mean?", "master") in made
    assert ("What is the Latin for ‘wine’?", "vinum") in made


def test_a_thing_described_by_a_few_words_is_asked_what_it_is_like():
    made = qa("### Hardwoods\n- Oak: tough, hard, durable - furniture, flooring\n"
              "- Cedar: naturally weather resistant - outdoor cladding\n- adagio - slow\n")
    assert ("What is oak like?", "tough, hard, durable") in made
    assert ("What is cedar like?", "naturally weather resistant") in made
    assert not any(q.startswith("What is the term for naturally") for q, _ in made)
    assert not any(q == "What is adagio like?" for q, _ in made)


def test_a_meaning_that_says_what_a_thing_can_do_is_quoted_in_the_reverse_card():
    made = qa("- ductility: can be drawn out into a wire without breaking\n")
    assert ("What term means ‘can be drawn out into a wire without breaking’?", "ductility") \
        in made


def test_a_glossary_run_together_keeps_each_name_with_its_meaning():
    line = ("Key people Oliver Cromwell - leader of the New Model Army and later Lord Protector"
            " - Sir Thomas Fairfax - commander-in-chief of the New Model Army - Prince Rupert"
            " of the Rhine - the king's nephew and a Royalist cavalry commander - John Pym -"
            " leader of the opposition to the king in Parliament")
    made = qa(line)
    assert ("Who is Sir Thomas Fairfax?", "commander-in-chief of the New Model Army") in made
    assert ("Who is the leader of the opposition to the king in Parliament?", "John Pym") in made
    assert not any("Key people Oliver" in q for q, _ in made)


def test_key_words_in_dated_notes_are_defined_and_no_one_is_a_kind_of_deed():
    notes = ("Civil War 1642-1651\nThe war begins • Charles raised his standard in August 1642"
             " • Edgehill in October 1642\nKey words Royalist - supporter of the king •"
             " Regicide - the killing of a king • Cavalier - nickname for a Royalist soldier\n")
    made = qa(notes)
    assert ("What is meant by ‘regicide’?", "the killing of a king") in made
    assert ("What is meant by ‘cavalier’?", "nickname for a Royalist soldier") in made
    assert not any(q.startswith("Who") for q, _ in made)


def test_own_questions_are_capitalised_and_lose_the_dash_before_their_answer():
    made = qa("Q: what is a variable? A: a named location in memory\n"
              "What is iteration? - repeating a section of code\n")
    assert ("What is a variable?", "a named location in memory") in made
    assert ("What is iteration?", "repeating a section of code") in made


def test_code_copied_into_notes_makes_no_titles():
    notes = ("DATA TYPES\ninteger - whole number\n\ne.g. (copied from board):\n"
             "for i in range(1, 6):\n    print(i * 2)\n# outputs 2 4 6 8 10\n\n"
             "nesting = putting one construct inside another\n")
    cards = extract_cards(notes, "deck")
    nesting = [c for c in cards if "nesting" in c.question]
    assert nesting and all(c.topic == ("DATA TYPES",) for c in nesting)


@pytest.mark.parametrize(("bullet", "question", "answer"), [
    ("Boolean - only True or False", "What is meant by ‘boolean’?", "only True or False"),
    ("real / float - number w/ decimal point e.g. 3.14", "What is meant by ‘real / float’?",
     "number w/ decimal point"),
    ("local variable - only exists inside the subroutine",
     "What is meant by ‘local variable’?", "only exists inside the subroutine"),
])
def test_definitions_that_start_with_only_or_end_with_one_example(bullet, question, answer):
    assert any(q == question and a.startswith(answer) for q, a in qa(f"- {bullet}"))


def test_a_meaning_naming_a_kind_of_the_title_defines_a_term_not_an_aspect():
    made = qa("## SUBROUTINES\n- procedure - subroutine that does NOT return a value\n"
              "- function - subroutine that DOES return a value\n")
    assert ("What is meant by ‘function’?", "subroutine that DOES return a value") in made


def test_italics_are_removed_and_a_description_is_no_role():
    made = qa("## Techniques\n- **Objectives** - what the character wants in a scene\n"
              "- **Placards** - signs that tell the audience so they focus on *why* not *what*\n")
    assert ("What is meant by ‘objectives’?", "what the character wants in a scene") in made
    assert not any(q.startswith("Who") or "*" in q + a for q, a in made)


def test_lines_under_adaptations_are_asked_how_the_thing_is_adapted():
    made = qa("## Adaptations\n- cacti - thick stem stores water\n"
              "- xylem - lignin makes it strong so it can withstand pressure\n"
              "\n## Water uptake\n- root hair cells - large surface area so more water absorbed\n")
    assert ("How are cacti adapted?", "thick stem stores water") in made
    assert any(q == "How is the xylem adapted?" for q, _ in made)
    assert ("Why do root hair cells have a large surface area?", "so more water absorbed") \
        in made  # a feature and its reason: no "What is meant by ‘root hair cells’?"
    assert not any(q.startswith("What is meant by ‘root") for q, _ in made)


def test_short_and_long_term_labels_ask_for_the_titles_items():
    made = qa("## Consequences\n- short term: failure - the Pope cancelled it\n"
              "- long term: idea that the king is not above the law\n")
    assert ("What are the short-term consequences?", "failure - the Pope cancelled it") in made
    assert not any(a == "short term\nlong term" for _, a in made)


def test_a_person_named_with_a_deed_is_asked_who_did_it():
    made = qa("## Key people\n- **Pope Innocent III** - fell out w/ John over Stephen Langton\n"
              "- Attacked NEP - supported rapid industrialization\n")
    assert ("Who fell out w/ John over Stephen Langton?", "Pope Innocent III") in made
    assert not any(a == "Attacked NEP" for _, a in made)


def test_a_title_that_says_what_its_name_means_asks_it():
    made = qa('## Magna Carta = "Great Charter"\n- written in Latin\n')
    assert ("What does Magna Carta mean?", "Great Charter") in made


def test_a_numbered_clause_is_asked_what_it_says_and_its_number_is_no_blank():
    made = qa("## Important clauses\n- Clause 39 - no free man can be imprisoned except by "
              "lawful judgement of his peers\n")
    assert made == [("What does clause 39 say?",
                     "no free man can be imprisoned except by lawful judgement of his peers")]


@pytest.mark.parametrize(("line", "question"), [
    ("- 1200 John marries Isabella of Angoulême", "When did John marry Isabella of Angoulême?"),
    ("- 1209 John is excommunicated by the Pope", "When was John excommunicated by the Pope?"),
    ("- June 1963 JFK visits West Berlin", "When did JFK visit West Berlin?"),
])
def test_a_key_date_asks_what_happened_in_the_present_tense_too(line, question):
    assert question in [q for q, _ in qa(f"## Key dates\n{line}\n")]


def test_an_aspect_indented_under_a_term_is_asked_of_that_term():
    made = qa("language techniques\nalliteration - repetition of the same sound at the start "
              "of words e.g. \"big bad bear\"\n  effect: makes it memorable, harsh sounds can "
              "sound aggressive\n")
    assert ("Alliteration: what is the effect?",
            "makes it memorable, harsh sounds can sound aggressive") in made
    made = qa('- sibilance - repetition of s sounds e.g. "the snake slithered silently"\n')
    assert ("What is the term for the repetition of s sounds?", "sibilance") in made


@pytest.mark.parametrize(("line", "question"), [
    ("anaphora -> repeating a word at the start of sentences", "What is meant by ‘anaphora’?"),
    ("zoom in / zoom out - focus moves from wide setting to small detail",
     "What is meant by ‘zoom in / zoom out’?"),
    ("force = mass x acceleration", "How do you calculate force?"),
    ("`moles = mass / Mr`   (mass in g)", "How do you calculate moles?"),
])
def test_more_term_and_formula_notations(line, question):
    assert question in [q for q, _ in qa(f"techniques\n{line}\n")]


def test_web_page_furniture_and_exam_marks_give_no_cards():
    notes = ("We use cookies to improve your experience. Accept all   Manage settings\n"
             "Reading time: 8 mins   Last updated 12 March 2024\n"
             "Related video: Lagos - the city that never stops growing (4:32)\n"
             "conclusion - give both sides THEN say which is stronger (12 marks, SPaG +3)\n"
             "Augustine - evil came from free will (the Fall), God is not to blame\n")
    assert qa(notes) == []


@pytest.mark.parametrize(("line", "question", "answer"), [
    ("about 65% of divorce petitions come from women",
     "What percentage of divorce petitions come from women?", "65%"),
    ("Statistical infrequency: only about 2% of the population have an IQ below 70",
     "Statistical infrequency: what percentage of the population have an IQ below 70?", "2%"),
    ("Labour won 411 seats on just 33.7% of the vote", "How many seats did Labour win?", "411"),
])
def test_a_figure_is_asked_of_what_it_counts(line, question, answer):
    assert (question, answer) in qa(f"- {line}")


def test_a_figure_said_of_this_or_they_from_the_line_before_is_no_blank():
    assert qa("- By 2018 this had risen to 55%.\n- By 1914 they had around 50,000 members\n") == []


def test_a_quote_with_its_chapter_and_verse_asks_which_verse_says_it():
    made = qa('- "With God all things are possible" (Matthew 19:26) - omnipotence\n'
              '- "God is love" (1 John 4:8)\n')
    assert ("Which verse says “With God all things are possible”?", "Matthew 19:26") in made
    assert ("What does “With God all things are possible” (Matthew 19:26) show?",
            "omnipotence") in made
    assert ("Which verse says “God is love”?", "1 John 4:8") in made


def test_a_worked_calculation_is_no_formula_but_a_fraction_is_a_value():
    assert not any(k == Kind.FORMULA for k in
                   [c.kind for c in extract_cards("moles = 88 / 44 = 2 mol\n", "d")])
    assert ("Complete the equation: probability of bb = ?", "1/4 = 25%") in qa(
        "- probability of bb = 1/4 = 25%\n")


def test_a_table_row_headed_by_what_someone_should_do_asks_it():
    made = qa("| | Stanislavski | Brecht |\n|---|---|---|\n"
              "| Audience should… | empathise, feel emotion | think critically |\n")
    assert ("Stanislavski: what should the audience do?", "empathise, feel emotion") in made


def test_something_done_is_no_event():
    made = qa("## Techniques\n- Breaking the fourth wall - talking directly to the audience\n")
    assert ("What is meant by ‘breaking the fourth wall’?",
            "talking directly to the audience") in made


@pytest.mark.parametrize(("line", "question"), [
    ("osmosis - movement of water through a partially permeable membrane",
     "What is the term for the movement of water through a partially permeable membrane?"),
    ("foreshadowing - hints at what will happen later",
     "What term means ‘hints at what will happen later’?"),
    ("habitat - the place where an organism lives",
     "What is the term for the place where an organism lives?"),
])
def test_the_reverse_question_is_worded_to_fit_its_meaning(line, question):
    assert question in [q for q, _ in qa(f"- {line}")]


def test_levels_define_a_term_and_a_life_cycle_asks_what_happens_at_each_stage():
    made = qa("## Boston Matrix\n- cash cow = high market share, low growth\n"
              "## Product life cycle (in order!)\n1. growth - sales rise quickly, profits start\n"
              "2. decline - sales fall, product may be withdrawn\n")
    assert ("What is meant by ‘cash cow’?", "high market share, low growth") in made
    assert not any(q.startswith("What is the term for high") for q, _ in made)
    assert ("What happens at the growth stage?", "sales rise quickly, profits start") in made


@pytest.mark.parametrize(("line", "question"), [
    ("1960 -- National Liberation Front (NLF) set up in the South",
     "When was the National Liberation Front?"),
    ("1968 Jan - Tet Offensive, VC attack 100+ towns & cities", "When was the Tet Offensive?"),
    ("1969 = Nixon announces Vietnamisation", "When did Nixon announce Vietnamisation?"),
    ("1970 - Kent State shootings, 4 students killed", "When were the Kent State shootings?"),
    ("1973 (Jan): Paris Peace Accords, US troops withdraw", "When were the Paris Peace Accords?"),
    ("Feb 1945 Yalta conference - Germany split into 4 zones", "When was the Yalta conference?"),
])
def test_timeline_lines_in_more_notations(line, question):
    made = qa(f"TIMELINE\n{line}\n1954 - French defeated at Dien Bien Phu\n")
    assert question in [q for q, _ in made]
    assert not any(q.startswith("Who set up") for q, _ in made)


def test_an_arrow_under_a_heading_that_names_a_relation_is_asked_as_the_heading_says():
    made = qa("## EM spectrum\n### uses\n- radio waves -> TV + radio broadcasting\n"
              "## Body's defences\n- trachea & bronchi -> cilia waft mucus up to the throat\n")
    assert ("What are radio waves used for?", "TV + radio broadcasting") in made
    assert ("How do trachea & bronchi act as a defence?",
            "cilia waft mucus up to the throat") in made


def test_a_value_and_its_meaning_a_quoted_formula_and_a_worked_example():
    notes = ("## Price Elasticity of Demand (PED)\n"
             "> PED = % change in quantity demanded / % change in price\n\n"
             "- answer is always negative (ignore the minus sign when comparing)\n"
             "- PED = 1 = unitary elasticity, revenue doesn't change\n"
             "### Worked example\nPrice of a coffee goes from £2.00 to £2.50, sales fall from 400"
             " to 300 a day.\nPED = -25 / 25 = -1 so unitary elastic.\n")
    made = qa(notes)
    assert ("How do you calculate PED?",
            "% change in quantity demanded / % change in price") in made
    assert ("What does PED = 1 mean?", "unitary elasticity, revenue doesn't change") in made
    assert not any("answer" in q.lower() or "____" in q or "-25" in q for q, _ in made)


def test_word_pairs_two_spaces_apart_and_a_pair_in_brackets_after_a_label():
    made = qa("SPANISH VOCAB\nel instituto - school\nla clase = class\n"
              "aprobar = to pass (an exam)  suspender = to fail  (easy to mix up)\n"
              "vamos = we go  vais = you go  van = they go\nreasons (porque = because)\n")
    for pair in [("What does ‘suspender’ mean?", "to fail"), ("What does ‘vais’ mean?", "you go"),
                 ("What is the Spanish for ‘because’?", "porque")]:
        assert pair in made
    assert not any("suspender" in a and "aprobar" in q for q, a in made)


def test_a_conversion_and_its_method_asks_how_to_convert():
    made = qa("NUMBER BASES\nbinary to denary: add up the place values where there is a 1\n"
              "hex to denary: first digit x 16 + second digit\n")
    assert ("How do you convert binary to denary?",
            "add up the place values where there is a 1") in made
    assert ("How do you convert hex to denary?", "first digit x 16 + second digit") in made


def test_singular_and_plural_rows_of_endings_ask_for_the_forms():
    made = qa("1st declension endings\nsg: nom -a, acc -am, gen -ae\n"
              "pl: nom -ae, acc -as, gen -arum\n")
    assert ("1st declension endings: what are the singular forms?", "nom -a, acc -am, gen -ae") \
        in made
    assert not any(q.startswith("What is meant by") for q, _ in made)



def test_words_in_a_script_of_their_own_are_vocabulary_under_a_first_line_naming_the_language():
    notes = ("GCSE Mandarin – vocab list 3\ntest on Friday!! learn characters\n\n"
             "FOOD\n吃 chī: to eat\n饺子 jiǎozi – dumplings\n面条 (miàntiáo) noodles\n"
             "鸡肉 jīròu – chicken (meat)\n\nGRAMMAR\n"
             "了 le = completed action, goes after the verb\n")
    made = qa(notes)
    assert ("What does ‘吃 chī’ mean?", "to eat") in made
    assert ("What is the Mandarin for ‘dumplings’?", "饺子 jiǎozi") in made
    assert ("What is the Mandarin for ‘noodles’?", "面条") in made
    assert ("What is the Mandarin for ‘chicken (meat)’?", "鸡肉 jīròu") in made
    assert not any("equal to" in q for q, _ in made)  # a word, not a symbol in a formula
    # one Greek letter is a symbol, not a word
    assert qa("- λ = wavelength\n- Δ = change in\n", Kind.VOCABULARY) == []


def test_a_short_bracket_that_tells_two_meanings_apart_stays_with_the_meaning():
    made = qa("# Mandarin\n- 爷爷 yéye: grandad (dad's dad)\n- 外公 wàigōng: grandad (mum's dad)\n"
              "- 牛奶 niúnǎi: milk (lit. cow milk)\n- 碗 wǎn – bowl, 一碗米饭 a bowl of rice\n")
    assert ("What is the Mandarin for ‘grandad (dad's dad)’?", "爷爷 yéye") in made
    assert ("What is the Mandarin for ‘grandad (mum's dad)’?", "外公 wàigōng") in made
    assert ("What does ‘牛奶 niúnǎi’ mean?", "milk") in made  # an aside, left out
    # the example shows the word asked for: no reverse card
    assert [q for q, a in made if a == "碗 wǎn"] == []


def test_a_range_of_decades_or_of_years_bc_is_one_date_and_a_section_number_no_figure():
    made = qa("- Impressionism: c. 1860s-1880s, mainly in Paris\n"
              "- Twelve Tables 451-450 BC – first written law code\n"
              "2.4 Aediles – in charge of public games and markets\n")
    answers = [a for _, a in made]
    assert "1860s-1880s" in answers and "1860s" not in answers
    assert "451-450 BC" in answers and "450 BC" not in answers
    assert "2.4" not in answers


def test_a_name_given_with_its_year_is_asked_without_the_year():
    notes = ("## Second Punic War\n- Cannae 216 BC – worst Roman defeat\n"
             "- Zama 202 BC – Scipio beat Hannibal\n\n## Cognitive approach\n"
             "- Beck's negative triad (1967) - negative view of the self, the world + the future\n")
    made = qa(notes)
    assert ("What was Cannae?", "worst Roman defeat") in made
    assert ("What is Beck's negative triad?",
            "negative view of the self, the world + the future") in made
    assert not any("216 BC’" in q for q, _ in made)


def test_a_toggle_s_label_is_the_topic_of_its_lines_and_what_its_lack_causes():
    notes = ("## Macronutrients\n- ▸ Protein\n"
             "    - main function = growth and repair of body cells\n"
             "    - deficiency → kwashiorkor (swollen stomach, children)\n"
             "- ▸ Vitamin D\n    - deficiency → rickets in children\n")
    cards = extract_cards(notes, "deck")
    made = [(c.question, c.answer) for c in cards]
    assert ("Protein: what is the main function?", "growth and repair of body cells") in made
    assert ("What does a lack of protein cause?",
            "kwashiorkor (swollen stomach, children)") in made
    assert ("What does a lack of Vitamin D cause?", "rickets in children") in made
    assert {c.topic for c in cards} == {("Macronutrients", "Protein"),
                                        ("Macronutrients", "Vitamin D")}
    assert not any("▸" in q for q, _ in made)


def test_names_parted_by_dots_on_a_pasted_line_head_their_own_points_and_works():
    notes = ("Key artists • Claude Monet (1840-1926) - painted Impression, Sunrise (1872) - "
             "Women in the Garden (1866) - later lived at Giverny • Pierre-Auguste Renoir "
             "(1841-1919) - Luncheon of the Boating Party (1880-81) - known for figures\n"
             "Edgar Degas (1834-1917) - famous for ballet dancers - often worked in pastel • "
             "Camille Pissarro (1830-1903) - the father of the group - rural scenes\n")
    cards = extract_cards(notes, "deck")
    made = [(c.question, c.answer) for c in cards]
    assert ("Who painted ‘Impression, Sunrise’ (1872)?", "Claude Monet") in made
    assert ("Whose work is ‘Luncheon of the Boating Party’ (1880-81)?",
            "Pierre-Auguste Renoir") in made
    assert not any(q.startswith("Key artists: give") for q, _ in made)
    topics = {c.topic[-1] for c in cards if c.topic}
    assert not any("Degas" in t and "Pissarro" in t for t in topics)
    parsed = {b.text: b.topic for b in parse_notes(notes).bullets}
    assert parsed["rural scenes"] == ("Camille Pissarro (1830-1903)",)
    assert parsed["often worked in pastel"] == ("Edgar Degas (1834-1917)",)


def test_who_did_it_to_the_title_of_a_pasted_line():
    made = qa("Mormons • The Mormons - founded by Joseph Smith 1830 - moved west - led by "
              "Brigham Young to the Great Salt Lake\n")
    assert ("Who founded the Mormons?", "Joseph Smith") in made
    assert ("When were the Mormons founded?", "1830") in made


def test_a_line_under_a_name_that_leaves_out_its_doer_is_asked_of_the_name():
    made = qa("## Julius Caesar\n- Born 100 BC, patrician family (Julii)\n"
              "- Feb 44 BC made dictator perpetuo (dictator for life)\n"
              "- Defeated Pompey at Pharsalus 48 BC; Pompey fled to Egypt\n"
              "- Assassinated on the Ides of March, 15 March 44 BC\n")
    assert ("When was Julius Caesar born?", "100 BC") in made
    assert ("When was Julius Caesar made dictator perpetuo?", "Feb 44 BC") in made
    assert ("When did Julius Caesar defeat Pompey at Pharsalus?", "48 BC") in made
    assert "15 March 44 BC" in [a for _, a in made]  # a day, a month and a year BC: one date
    assert "15" not in [a for _, a in made]
    # a date that opens a line leads its clause
    assert ("When did Germany invade Poland?", "September 1939") in qa(
        "## Results\n- September 1939 Germany invaded Poland\n")


def test_a_key_term_label_and_a_verb_before_a_glossed_word_are_no_part_of_the_term():
    made = qa("## Consuls\n- KEY TERM: SPQR – Senatus Populusque Romanus\n"
              "- held imperium (power to command armies + enforce law)\n")
    assert ("What does SPQR stand for?", "Senatus Populusque Romanus") in made
    assert ("What is imperium?", "power to command armies + enforce law") in made
    assert not any("KEY TERM" in q or "held imperium" in q for q, _ in made)


def test_a_thing_named_with_its_maker_and_year_asks_who_came_up_with_it():
    made = qa("## Inventions\nJohn Kay's flying shuttle (1733) made weaving much faster. "
              "Richard Arkwright's water frame (1769) was powered by a water wheel.\n"
              "1769 – James Watt patents the separate condenser\n"
              "c.1764 – James Hargreaves invents the spinning jenny\n")
    assert ("Who came up with the flying shuttle (1733)?", "John Kay") in made
    assert ("Who came up with the water frame (1769)?", "Richard Arkwright") in made
    assert ("When did James Watt patent the separate condenser?", "1769") in made
    assert ("When did James Hargreaves invent the spinning jenny?", "c.1764") in made


def test_ranges_told_in_words_and_rates_per_a_number_stay_whole():
    made = qa("## Factories\n- Shifts of 12 to 14 hours a day were common\n"
              "- Between about 1750 and 1900 Britain changed from a mainly rural country\n"
              "- unless their death rate was above 23 per 1,000\n")
    answers = [a for _, a in made]
    assert "12 to 14 hours" in answers and "14 hours" not in answers
    assert "1750 and 1900" in answers and "1900" not in answers
    assert "23 per 1,000" in answers and "1,000" not in answers


def test_an_adjective_under_a_one_word_title_names_a_kind_of_it():
    made = qa("WEATHERING:\nbiological = plant roots grow into cracks + burrowing animals\n\n"
              "### Disadvantages\n- disproportional - favours big parties\n")
    assert ("What is meant by ‘biological weathering’?",
            "plant roots grow into cracks + burrowing animals") in made
    assert not any("disproportional disadvantages" in q + a for q, a in made)


def test_the_script_of_the_words_names_their_language():
    made = qa("-- school --\nшкола – school\nучитель (m) = teacher\nурок (urok) – lesson\n\n"
              "GRAMMAR NOTES\n1) gender: ends in consonant = masc (стол), ends -а/-я = fem "
              "(школа), ends -о/-е = neuter (окно)\n")
    assert ("What is the Russian for ‘school’?", "школа") in made
    assert not any("consonant" in q + a for q, a in made)


def test_what_a_law_or_treaty_did_and_how_many_a_count_that_opens_its_line_tells():
    made = qa("## Reform\nThe 1833 Factory Act banned children under 9 from working in textile "
              "factories. The first Public Health Act (1848) set up a General Board of Health.\n"
              "- Treaty of Versailles 1919 reduced the German army to 100,000 men\n"
              "- Second major show trial: 17 leading Communists tried and executed\n"
              "- 60 conspirators led by Brutus and Cassius\n"
              "- about 72 kids watched adult hit doll\n")
    assert ("What did the 1833 Factory Act ban?",
            "children under 9 from working in textile factories") in made
    assert ("What did the Public Health Act set up?", "a General Board of Health") in made
    assert ("What did the Treaty of Versailles 1919 reduce?",
            "the German army to 100,000 men") in made
    assert ("Second major show trial: how many leading Communists were tried and executed?",
            "17") in made
    assert ("How many conspirators were led by Brutus and Cassius?", "60") in made
    assert ("How many kids watched adult hit doll?", "72") in made  # they did it


def test_a_case_named_with_its_year_in_a_sentence_is_asked_by_what_it_did():
    made = qa("## Cases\n- Marbury v Madison (1803) established judicial review\n"
              "- Brown v Board of Education (1954) – ended segregation in schools\n")
    assert ("What did Marbury v Madison (1803) establish?", "judicial review") in made
    assert ("Which case established judicial review?", "Marbury v Madison") in made
    assert ("Which case ended segregation in schools?", "Brown v Board of Education") in made
    assert ("What did the ruling in Brown v Board of Education (1954) do?",
            "ended segregation in schools") in made


def test_works_named_with_their_years_on_a_line_that_opens_with_their_maker():
    made = qa("EARLY RENAISSANCE\n"
              "Masaccio (1401-1428) died young, The Holy Trinity (c.1427) in Santa Maria Novella\n"
              "Donatello (c.1386-1466) sculptor, bronze David (c.1440s), made for the Medici\n"
              "Vasari (Giorgio Vasari, 1511-1574) wrote Lives of the Artists (1550)\n"
              "Leonardo da Vinci (1452-1519) born in Vinci (1452), trained with Verrocchio\n")
    assert ("Whose work is ‘The Holy Trinity’ (c.1427)?", "Masaccio") in made
    assert ("Who made the bronze David (c.1440s)?", "Donatello") in made
    assert ("Who wrote ‘Lives of the Artists’ (1550)?", "Vasari") in made
    assert not any("Vinci (" in q and a == "Leonardo da Vinci" for q, a in made)
    assert not any("c.____" in q for q, a in made)  # (no lifespans blanked beside them)


def test_a_family_a_word_meaning_and_a_remark_in_brackets_in_dated_notes():
    made = qa("# Florence c.1400\n"
              "The Medici = banking family who ran Florence, biggest patrons\n"
              "Renaissance = \"rebirth\" (French), renewed interest in the art of Greece and Rome\n"
              "Balkans = \"powder keg of Europe\"\n")
    assert ("Who were the Medici?", "banking family who ran Florence") in made
    assert ("What does ‘Renaissance’ mean?", "rebirth") in made
    assert not any(q == "What does ‘Balkans’ mean?" for q, a in made)


def test_a_factor_with_a_remark_in_brackets_over_its_one_point():
    made = qa("## Factors affecting rate\n- **Concentration** (of solutions)\n"
              "  * higher conc → faster rate because more particles in the same volume\n"
              "- **Catalysts**\n  * catalyst (NOT catalist) = substance that speeds up a "
              "reaction without being used up\n"
              "- mean rate = amount of product formed / time\n  * units: g/s or cm³/s\n"
              "  * or: mean rate = amount of reactant used / time\n")
    assert ("How does concentration affect the rate?",
            "higher conc → faster rate because more particles in the same volume") in made
    assert ("What is meant by ‘catalyst’?",
            "substance that speeds up a reaction without being used up") in made
    assert not any("catalist" in a for q, a in made)
    assert ("Mean rate: what are the units?", "g/s or cm³/s") in made
    assert not any("or:" in q for q, a in made)


def test_a_table_of_kinds_in_a_setting_and_a_yes_no_row_of_attributes():
    made = qa("## Practical\n| variable type | in this practical |\n|---|---|\n"
              "| independent | concentration of sodium thiosulfate |\n"
              "| control | volume of HCl, temperature |\n\n"
              "## Houses\n| Feature | Commons | Lords |\n|---|---|---|\n"
              "| Can block bills? | Yes | No - can only delay |\n")
    assert ("What is the independent variable in this practical?",
            "concentration of sodium thiosulfate") in made
    assert ("What type of variable is concentration of sodium thiosulfate in this practical?",
            "independent") in made
    assert ("What are the control variables in this practical?",
            "volume of HCl, temperature") in made
    assert ("Lords: can block bills?", "No - can only delay") in made


def test_a_reigns_timeline_asks_what_the_monarch_did_and_people_without_the():
    made = qa("HENRY VIII (r. 1509-1547)\n1540 – marries Anne of Cleves (Jan)\n"
              "Feb 1542 – Catherine Howard executed (adultery)\n"
              "Why? did Wolsey fall? → he failed to get the annulment from the Pope\n"
              "Why? did Henry want an annulment?\n  no male heir\n"
              "  fell in love with Anne Boleyn\n  believed the marriage was cursed\n"
              "1761 – Bridgewater Canal opens\n")
    assert ("When did Henry VIII marry Anne of Cleves?", "1540") in made
    assert ("When was Catherine Howard executed?", "Feb 1542") in made
    assert ("Why did Wolsey fall?", "he failed to get the annulment from the Pope") in made
    assert ("Why did Henry want an annulment?", "no male heir; fell in love with Anne Boleyn; "
            "believed the marriage was cursed") in made
    assert ("When did the Bridgewater Canal open?", "1761") in made


def test_a_set_something_has_and_grammar_told_in_english_is_no_word_pair():
    made = qa("## Functions\nParliament has several key functions:\n- Legislation\n"
              "- Scrutiny\n- Representation\n\n## Vocab - Spanish irregulars\n"
              "- ir AND ser are the same: fui, fuiste, fue\n- la playa = beach\n")
    assert ("What are the three key functions of Parliament?",
            "Legislation\nScrutiny\nRepresentation") in made
    assert not any("are the same" in q + a for q, a in made)
    assert ("What does ‘la playa’ mean?", "beach") in made


def test_what_a_thing_is_doing_and_a_statement_about_it_define_nothing():
    made = qa("## High Renaissance c.1500\n"
              "- Last Supper: Christ's head is the vanishing point, apostles in threes\n"
              "- Plato is pointing up (to the world of ideas)\n"
              "- Obedience is following a direct order from someone in authority\n")
    assert not any(q.startswith("Who") for q, a in made)
    assert not any("plato" in q.lower() for q, a in made)
    assert ("What is obedience?", "following a direct order from someone in authority") in made


def test_two_numbers_either_side_of_or_are_one_answer_and_a_bit_is_no_amount():
    made = qa("## Notes\n- Masaccio died at only 26 or 27\n- bit = a single binary digit (0 or 1)\n"
              "- Michelangelo also designed the dome of St Peter's Basilica\n")
    assert ("Masaccio died at only ____. How many?", "26 or 27") in made
    assert not any(a in ("0 or 1", "1", "0") for q, a in made)
    assert ("Who designed the dome of St Peter's Basilica?", "Michelangelo") in made


def test_a_verbs_forms_and_a_tables_persons_are_asked_as_forms():
    made = qa("## Present tense\n- **-ar** (hablar = to speak): hablo, hablas, habla, hablamos, "
              "habláis, hablan\n- Types: virus, worm, trojan, ransomware, spyware\n\n"
              "## Preterite\n| | -ar (hablar) | -er (comer) |\n|---|---|---|\n"
              "| yo | hablé | comí |\n\n"
              "**SER** = permanent-ish things → remember **DOCTOR**\n"
              "Description, Occupation, Characteristic\n")
    assert ("Present tense: what are the forms of hablar?",
            "hablo, hablas, habla, hablamos, habláis, hablan") in made
    assert not any("forms of types" in q.lower() for q, a in made)
    assert ("What is the yo form of -ar (hablar)?", "hablé") in made
    assert not any("SER stand" in q for q, a in made)


def test_cornell_notes_give_the_cue_questions_and_the_terms_their_cards():
    from tests.test_notes import CORNELL

    made = qa(CORNELL)
    assert ("What makes a wave?", "waves formed by wind blowing over the sea; size of wave "
            "depends on wind speed") in made
    assert ("What is meant by ‘activity’?", "rate at which source decays") in made
    assert ("What is 1 Bq equal to?", "1 decay per second") in made
    assert not any(a == "?" for q, a in made)


def test_an_inline_card_with_a_highlight_and_an_exam_question_without_an_answer():
    made = qa("## Immune\n- Antigen:: a molecule (usually a ==protein==) on a cell\n"
              "- the ==thymus== is where T cells mature\n"
              "Q: \"Evaluate the view that taxation is the most effective way\" [25]\n"
              "(plan, write up in timed conditions. aim ~1000 words)\n")
    assert ("Antigen", "a molecule (usually a protein) on a cell") in made
    assert ("the ____ is where T cells mature", "thymus") in made
    assert not any("25" in a or "1000" in a or "Evaluate" in q for q, a in made)


def test_an_algorithms_bounds_are_asked_one_by_one_and_code_is_no_equation():
    made = qa("Common complexities:\n- O(1) constant\n- O(log n) logarithmic\n- O(n) linear\n\n"
              "## LINEAR SEARCH\n- best case O(1), worst + average case O(n)\n"
              "- function search(list, t) for i = 0 to n - 1 if list[i] == t then return i "
              "endif next i return -1 endfunction\n\n## MERGE SORT – divide and conquer\n"
              "- time complexity O(n log n) in best, average AND worst case\n- space O(n)\n")
    assert ("Common complexities: give all three.",
            "O(1) constant\nO(log n) logarithmic\nO(n) linear") in made
    assert ("What is the best case time complexity of linear search?", "O(1)") in made
    assert ("What is the average case time complexity of linear search?", "O(n)") in made
    assert ("What is the worst case time complexity of merge sort?", "O(n log n)") in made
    assert ("What is the space complexity of merge sort?", "O(n)") in made
    assert not any("endfunction" in q + a for q, a in made)


def test_a_vocab_apps_export_pairs_with_examples_lined_up_beside_them():
    made = qa("Export: \"GCSE German - Thema 1 Familie\"\n\n"
              "der Vater, die Väter – father\ndie Mutter, die Mütter – mother\n\n"
              "--- REFLEXIVE VERBS ---\n"
              "sich freuen auf + acc = to look forward to\n"
              "sich interessieren für = to be interested in\n"
              "sich kümmern um = to look after / take care of\n\n"
              "--- SEPARABLE VERBS ---\n"
              "aufstehen – to get up          Ich stehe um 7 Uhr auf.\n"
              "fernsehen – to watch TV        Wir sehen jeden Abend zusammen fern.\n"
              "vorbereiten – to prepare\n\n"
              "--- OPINIONS ---\nich glaube = I think / ich meine = I think\n")
    assert ("What does ‘sich freuen auf + acc’ mean?", "to look forward to") in made
    assert ("What is the German for ‘to be interested in’?", "sich interessieren für") in made
    assert ("What is the German for ‘to look after / take care of’?", "sich kümmern um") in made
    assert ("What is the German for ‘to get up’?", "aufstehen") in made
    assert not any("7" in a for q, a in made)
    assert ("What is the German for ‘I think’?", "ich glaube / ich meine") in made


def test_a_tables_rows_that_say_what_its_columns_do():
    made = qa("## Lymphocytes\n| | B cells | T cells |\n|---|---|---|\n"
              "| where they mature | bone marrow | thymus |\n"
              "| bind to | free antigens | antigens on body cells |\n"
              "| memory cells? | yes | yes |\n")
    assert ("Where do B cells mature?", "bone marrow") in made
    assert ("What do T cells bind to?", "antigens on body cells") in made
    assert not any(a == "yes" for q, a in made)


def test_a_change_and_what_it_brings_and_a_point_led_by_an_arrow():
    made = qa("## Fetch\n- fetch = distance of open water the wind blows over. longer fetch = "
              "bigger waves\n\n## HIV\n- → AIDS = immune system fails, opportunistic infections\n")
    assert ("What does a longer fetch lead to?", "bigger waves") in made
    assert not any("term for longer fetch" in q for q, a in made)
    assert ("What is meant by ‘AIDS’?", "immune system fails, opportunistic infections") in made


def test_a_paragraph_that_opens_with_a_term_is_read_a_sentence_at_a_time():
    made = qa("## Marketing\nProduct- the good or service the business sells. Businesses must "
              "think about design, quality, features and branding when they plan a product. "
              "A brand is a name, logo or design that makes a product easy to recognise. "
              "Strong brands can charge higher prices and keep customers loyal.\n")
    assert ("What is a brand?", "a name, logo or design that makes a product easy to "
            "recognise") in made


def test_words_glossed_after_a_label_in_notes_on_a_language_and_a_words_other_forms():
    made = qa("# Français – Les vacances\n## Vocab\n"
              "- transport: en avion (by plane), en voiture (by car), en train, en bateau "
              "(by boat) BUT à pied (on foot)\n\n### Irregular pp's\n"
              "avoir → eu, être → été, faire → fait, prendre → pris\n\n# Biology\n"
              "- 4 bases: A (adenine), T (thymine), C (cytosine), G (guanine)\n")
    assert ("What is the French for ‘on foot’?", "à pied") in made
    assert ("What does ‘en avion’ mean?", "by plane") in made
    assert ("What is the past participle of prendre?", "pris") in made
    assert not any(q == "What does ‘T’ mean?" for q, a in made)


def test_a_mind_maps_arrows_part_a_thing_from_what_is_told_of_it():
    made = qa("PE - SKELETON\n\tMuscles to learn\n\t\tbiceps → flexion at elbow\n"
              "\t\ttriceps → extension at elbow\n\t\thamstrings → flexion at knee\n"
              "\tReactions\n\t\thigher temp → faster rate\n\t\tmore particles → more collisions\n"
              "\t\tlower pressure → slower rate\n")
    assert ("What is meant by ‘biceps’?", "flexion at elbow") in made
    assert not any("biceps’ lead to" in q for q, a in made)
    assert not any(q == "What is meant by ‘higher temp’?" for q, a in made)


def test_a_table_of_views_asks_each_groups_view():
    made = qa("## Catholic vs Protestant\n| Topic | Catholic | Protestant |\n|---|---|---|\n"
              "| Authority | Bible + Tradition | Bible alone |\n| Purgatory | yes | no |\n")
    assert ("What is the Catholic view on Authority?", "Bible + Tradition") in made
    assert ("What is the Protestant view on Authority?", "Bible alone") in made
    assert not any(a in ("yes", "no") for q, a in made)


def test_a_quote_with_its_analysis_asks_its_work_and_technique_not_who_says_it():
    made = qa("## 1. Ozymandias – Percy Bysshe Shelley\nKey quotes:\n"
              "- \"sneer of cold command\" – sibilance + alliteration, shows arrogance\n"
              "- \"vast and trunkless legs of stone\" – statue broken, only the legs left\n"
              "- \"Fair is foul\" – the witches, Act 1 Scene 1\n")
    assert ("Which text is “sneer of cold command” from?", "Ozymandias") in made
    assert ("What technique is used in “sneer of cold command”?",
            "sibilance + alliteration") in made
    assert ("What does “vast and trunkless legs of stone” show?",
            "statue broken, only the legs left") in made
    assert ("Who says “Fair is foul”?", "the witches") in made
    assert not any(q.startswith("Who says “sneer") for q, a in made)


def test_evaluation_labels_a_school_of_thoughts_claim_and_a_table_lined_up_with_spaces():
    made = qa("## Functionalism\n- AO3 evaluation: Wrong (1961) – functionalists have an "
              "over-socialised view of people\n- Marxists say meritocracy is a myth\n\n"
              "## Units table\nquantity            symbol    unit\n"
              "current             I         amp\nresistance          R         ohm\n\n"
              "## NOUN ENDINGS\n            1st (puella)     2nd m (servus)\n"
              "gen sg      puellae          servi\nabl pl      puellis          servis\n\n"
              "## Latin\ntest on thurs = nouns + verbs\nNOUNS (nom, gen, gender – meaning)\n")
    assert ("What did Wrong (1961) find?",
            "functionalists have an over-socialised view of people") in made
    assert ("What do Marxists say about meritocracy?", "it is a myth") in made
    assert ("What is the unit of the current?", "amp") in made or \
        ("What is the unit of current?", "amp") in made
    assert ("What is the gen sg of puella?", "puellae") in made
    assert not any("AO3" in q or "thurs" in q + a or "NOUNS" in q + a for q, a in made)


def test_the_points_announced_before_a_paragraph_that_weighs_them_are_a_set():
    made = qa("## Murdock (1949)\nHe said it is universal because it performs four essential "
              "functions for society:\n - reproduction of the next generation\n"
              " - socialisation of the young\n - meeting economic needs\n"
              " - stable satisfaction of the sex drive\n\n"
              "Evaluation: these functions could be performed by other institutions, eg a lone "
              "parent can socialise a child, so the family is not the only way.\n")
    assert ("What are the four essential functions for society?",
            "reproduction of the next generation\nsocialisation of the young\n"
            "meeting economic needs\nstable satisfaction of the sex drive") in made


def test_a_question_line_answered_after_an_arrow():
    made = qa("## Fitness\nQ: coordination -> ability to use 2 or more body parts together\n")
    assert ("Coordination", "ability to use 2 or more body parts together") in made


def test_a_written_question_of_a_word_or_two_is_asked_under_its_heading():
    made = qa("## FITNESS TESTS (which test for which component)\n"
              "Q: Coordination? A: wall toss test\nQ: what is agility? A: changing direction\n")
    assert ("FITNESS TESTS: Coordination?", "wall toss test") in made
    assert ("What is agility?", "changing direction") in made


def test_a_question_answered_by_a_paragraph_and_labels_inside_it():
    made = qa("Astronomy\n\n9.1 Where do stars form? Stars form inside nebulae, which are huge "
              "clouds of gas and dust. Gravity pulls the gas and dust together. A protostar is "
              "not yet a star because nuclear fusion has not started. Key fact: When the core "
              "reaches about 10 million K, hydrogen fuses into helium. Check your "
              "understanding: Which force causes a nebula to collapse? ✓ gravity\n")
    assert ("Where do stars form?",
            "Stars form inside nebulae, which are huge clouds of gas and dust") in made
    assert ("Which force causes a nebula to collapse?", "gravity") in made
    assert not any("‘key fact’" in q.lower() or "understanding" in q for q, a in made)


def test_an_adjective_under_a_title_of_types_names_a_kind_of_its_noun():
    made = qa("## THREE rock types\n- igneous - formed from cooling magma\n"
              "- metamorphic - existing rock changed by heat\n\n## Types of waves\n"
              "- longitudinal - oscillations parallel to the direction of energy transfer\n")
    assert ("What is igneous rock formed from?", "cooling magma") in made
    assert ("What is meant by ‘metamorphic rock’?", "existing rock changed by heat") in made
    assert ("What is meant by ‘longitudinal waves’?",
            "oscillations parallel to the direction of energy transfer") in made


def test_advantages_told_after_a_term_in_a_paragraph_are_the_terms():
    made = qa("## External sources\nBank loan: a fixed sum borrowed from a bank, repaid with "
              "interest. Advantages: the business knows what it will repay each month. "
              "Disadvantages: interest makes it expensive.\n")
    assert ("Bank loan: what are the advantages?",
            "the business knows what it will repay each month") in made


def test_a_table_row_whose_first_cell_is_only_punctuation_gives_no_card():
    assert qa(":| a | b |\n|---|---|\n:| a | b |\n|---|---|\n") == []
