"""The fact-coverage measure of CARDS.md, on tiny hand-made cards."""

from __future__ import annotations

from dataclasses import dataclass

from tests.support.coverage import (
    content_words,
    coverage,
    covers,
    fold,
    is_vague,
    leaks,
    tokens,
    vague,
)

MASS_NUMBER = ("mass number", "total number of protons and neutrons")
CHADWICK_YEAR = ("1932", "Chadwick discovered the neutron")
CHADWICK = ("Chadwick", "discovered the neutron 1932")


@dataclass(frozen=True)
class Card:
    question: str
    answer: str
    topic: tuple[str, ...] = ()


def test_a_card_asking_for_the_short_side_covers_the_pair():
    card = Card(
        "What is the total number of protons and neutrons in an atom called?", "the mass number"
    )
    assert covers(card, MASS_NUMBER)


def test_a_card_asking_the_other_way_round_covers_the_pair_too():
    card = Card("What is the mass number of an atom?", "the total number of protons and neutrons")
    assert covers(card, MASS_NUMBER)


def test_an_answer_padded_with_much_more_than_the_fact_does_not_cover_it():
    card = Card(
        "What is the total number of protons and neutrons called?",
        "the mass number, written above the symbol in the periodic table, differs between isotopes",
    )
    assert not covers(card, MASS_NUMBER)


def test_an_answer_with_a_few_extra_words_still_covers_the_fact():
    card = Card("Who discovered the neutron in 1932?", "James Chadwick, a physicist")
    assert covers(card, CHADWICK)


def test_a_question_that_shows_its_answer_does_not_cover_the_fact_and_is_a_leak():
    card = Card("Chadwick discovered the neutron in 1932. Who?", "Chadwick")
    assert not covers(card, CHADWICK)
    assert leaks([card]) == [card]


def test_a_topic_that_shows_the_answer_is_a_leak_too():
    card = Card("Who discovered the neutron in 1932?", "Chadwick", topic=("History", "Chadwick"))
    assert not covers(card, CHADWICK)
    assert leaks([card]) == [card]


def test_a_card_that_hides_its_answer_is_no_leak():
    assert leaks([Card("Who discovered the neutron in 1932?", "Chadwick")]) == []


def test_a_question_without_most_key_words_does_not_cover_the_fact():
    assert not covers(Card("What is it called?", "the mass number"), MASS_NUMBER)
    assert not covers(Card("What is the total called?", "the mass number"), MASS_NUMBER)


def test_the_topic_above_the_question_supplies_key_words():
    card = Card("What is its relative charge?", "−1", topic=("Subatomic particles", "electron"))
    assert covers(card, ("−1", "electron relative charge"))


def test_a_wrong_year_does_not_cover_a_date():
    question = "When did Chadwick discover the neutron?"
    assert not covers(Card(question, "1923"), CHADWICK_YEAR)
    assert covers(Card(question, "1932"), CHADWICK_YEAR)


def test_every_number_of_the_fact_must_be_in_the_answer():
    pair = ("17 protons, 20 neutrons", "chlorine-37")
    assert covers(Card("What is in a chlorine-37 nucleus?", "17 protons, 20 neutrons"), pair)
    assert not covers(Card("What is in a chlorine-37 nucleus?", "17 protons, 18 neutrons"), pair)


def test_a_number_kept_whole_is_not_one_of_its_parts():
    pair = ("7±2 items", "STM capacity")
    assert "7±2" in tokens("STM capacity = 7±2 items")
    assert not covers(Card("What is the capacity of STM?", "7 items"), pair)
    assert covers(Card("What is the capacity of STM?", "7±2 items"), pair)


def test_units_shown_in_the_question_do_not_hide_a_number_answer():
    card = Card("What is the momentum, in kg m/s, of a 0.5 kg ball at 8 m/s?", "4 kg m/s")
    assert covers(card, ("4 kg m/s", "0.5 kg ball at 8 m/s momentum"))
    assert leaks([card]) == []


def test_unicode_dashes_quotes_superscripts_and_thousands_are_folded():
    assert tokens("Na⁺ = 2,8") == tokens("Na+ = 2,8")
    assert tokens("18–30 secs") == ["18-30", "sec"]
    assert tokens("Neptune’s ocean") == tokens("Neptune's ocean")
    assert tokens("1/10 000") == ["1/10000"]
    assert tokens("10⁻¹⁰ m") == tokens("10−10 m")
    assert tokens("déménagé") == tokens("demenage")


def test_plurals_and_simple_suffixes_fold_to_one_word():
    assert content_words("floods flooded flooding") == content_words("flood")
    assert content_words("Neutrons") == content_words("neutron")


def test_stop_words_are_not_key_words():
    assert content_words("What is the function of the mitochondria?") == content_words(
        "function mitochondria"
    )


def test_a_side_made_only_of_stop_words_can_still_be_asked_for_and_shown():
    pair = ("dans", "in")
    assert covers(Card("What is the French for 'in'?", "dans"), pair)
    assert covers(Card("What does 'dans' mean?", "in"), pair)


def test_cards_may_be_dicts():
    card = {"question": "Who discovered the neutron in 1932?", "answer": "Chadwick", "topic": ()}
    assert covers(card, CHADWICK)


def test_a_report_gives_the_covered_share_and_the_missing_pairs():
    cards = [Card("Who discovered the neutron in 1932?", "Chadwick")]
    report = coverage([CHADWICK, MASS_NUMBER], cards)
    assert report.share == 0.5
    assert report.missing == (MASS_NUMBER,)
    assert report.covered == (CHADWICK,)


def test_a_report_counts_the_cards_of_each_fact():
    cards = [
        Card("Who discovered the neutron in 1932?", "Chadwick"),
        Card("Which scientist discovered the neutron, in 1932?", "Chadwick"),
        Card("In 1932, who discovered the neutron?", "Chadwick"),
        Card("What is the mass number?", "total number of protons and neutrons"),
    ]
    report = coverage([CHADWICK, MASS_NUMBER, CHADWICK_YEAR], cards)
    assert report.counts == (3, 1, 0)
    assert report.max_cards_per_fact == 3
    assert report.crowded == (CHADWICK,)


def test_no_pairs_means_nothing_missing():
    assert coverage([], [Card("Q?", "A")]).share == 1.0


def test_what_about_and_name_the_n_points_are_vague():
    assert is_vague("Five-Year Plans › Reality: What about “Money”?")
    assert is_vague("Purges › Why did they happen? Name the 4 points.")
    assert not is_vague("How were the Five-Year Plans paid for?")
    assert not is_vague("Name the scientist who discovered the neutron.")


def test_vague_lists_the_vague_cards():
    plain = Card("How were the Five-Year Plans paid for?", "exported grain")
    template = Card("What about money?", "exported grain")
    assert vague([plain, template]) == [template]


def test_the_good_cards_of_cards_md_cover_their_facts():
    kirov = Card("Kirov, Leningrad Communist Party boss: murdered ____. When?", "Dec 1934")
    executed = Card("1937: ____ executed. How many?", "353,000", topic=("Purges", "Show Trials"))
    wall = Card("What is the plant cell wall made of?", "cellulose")
    site = Card("Which part of the cell is the site of aerobic respiration?", "mitochondria")
    assert covers(kirov, ("Dec 1934", "Kirov murdered"))
    assert covers(executed, ("353,000", "1937 executed"))
    assert covers(wall, ("cellulose", "cell wall made of"))
    assert covers(site, ("mitochondria", "site of aerobic respiration"))
    assert covers(
        Card(
            "What is the function of the mitochondria?",
            "site of aerobic respiration; releases energy",
        ),
        ("mitochondria", "site of aerobic respiration"),
    )


def test_a_past_ending_in_ied_folds_to_its_verb():
    folded = [fold(w) for w in ("died", "die", "carried", "carry")]
    assert folded == ["die", "die", "carry", "carry"]
