"""Questions a heading implies of the `term - explanation` lines under it.

Under `Factors affecting rate`, `Temperature — particles move faster …` explains how
temperature affects the rate: it is no definition of temperature. The heading names the
relation, so the question comes from it: "How does temperature affect the rate?".
"""

from __future__ import annotations

import re

from revise.extract.phrasing import article as with_article
from revise.extract.phrasing import (
    does,
    drop_parentheses,
    has_words,
    is_base_verb,
    split_parenthetical,
    verb_base,
)
from revise.extract.terms import Fact, clause_relation

# `Factors affecting rate`, `Factors that affect the rate of photosynthesis`
_FACTORS = re.compile(r"^(?:the\s)?(?:main\s|key\s)?factors?\s(?:that\s|which\s)?"
                      r"(?:affect(?:ing|s)?|influenc(?:e|es|ing)|increas(?:e|es|ing)|"
                      r"limit(?:ing|s)?)\s(?P<what>[\w\s'’-]{2,40}?)\s*$", re.IGNORECASE)
# `Uses of EM waves`, `Uses`, `What they're used for`
_USES = re.compile(r"^(?:(?:main\s|common\s)?uses(?:\sof\s(?P<what>[\w\s'’-]{2,40}?))?"
                   r"|what (?:they'?re|they are|it'?s|it is) used for)\s*$", re.IGNORECASE)
# `Food tests`, `Tests for ions`, `Chemical tests`
_TESTS = re.compile(r"^(?:(?:other|more|key|main)\s)?(?:food|chemical|ion|gas)?\s?tests"
                    r"(?:\sfor\s[\w\s-]{2,30}|\sto\sremember)?\s*$", re.IGNORECASE)
# `Causes of WW1`, `Long-term causes`, `Why did the Weimar Republic fail?`
_CAUSES = re.compile(r"^(?:(?:long|short)[- ]term\s|main\s)?(?:causes|reasons)\s(?:of|for)\s"
                     r"(?P<what>[\w\s'’-]{2,50}?)\s*$", re.IGNORECASE)

# `HUMAN CAUSES`, `Long-term causes`: causes of what the notes are about
_KINDS_OF_CAUSE = re.compile(r"^(?:human|natural|physical|economic|political|social|long[- ]term"
                             r"|short[- ]term)\s(?:causes|reasons)\s*$", re.IGNORECASE)

# `Non-specific defences (1st line)`, `Plant defences`, `Barriers to infection`
_DEFENCES = re.compile(r"\bdefen[cs]es\b|^barriers\b", re.IGNORECASE)

# `Characteristics of phobias` over `behavioural: panic, avoidance, endurance`
_TRAITS = re.compile(r"^(?:the\s)?(?:(?:main|key)\s)?(?P<aspect>characteristics|features|symptoms"
                     r"|signs|opportunities|challenges|impacts|effects|causes|consequences"
                     r"|advantages|disadvantages|problems|benefits|responses|strategies"
                     r"|factors|issues)\s(?P<of>of|in|for|on)\s(?P<what>[\w\s'’-]{2,40}?)\s*$",
                     re.IGNORECASE)
_ADJECTIVE = re.compile(r"^[a-z-]+(?:al|ive|ic|ory|ous)$")
# `Product life cycle`: each line a stage and what happens at it
_LIFE_CYCLE = re.compile(r"\blife cycle\b", re.IGNORECASE)
# `Adaptations`, `How plants are adapted`: what each part or living thing has, and why
_ADAPTATIONS = re.compile(r"\badaptations\b|\badapted\b", re.IGNORECASE)
# `Dangers`, `Risks of EM waves`: what each thing under it can do to you
_DANGERS = re.compile(r"^(?:the\s)?(?:dangers|risks|hazards|harmful effects)\b", re.IGNORECASE)
# `Language devices`, `Techniques`: a device and an example of it from the text
_DEVICES = re.compile(r"\b(?:devices|techniques|language|methods|terminology)\b", re.IGNORECASE)
# `Endocrine system (hormones)`, `Hormones`, `Plant hormones`
_HORMONES = re.compile(r"\bhormones?\b|\bendocrine\b", re.IGNORECASE)

_MAX_TERM_WORDS = 5


# `Products of cracking`, `Uses of alkenes`, `Test for alkenes`: a label that names what
# its line gives
_ASPECT_OF = re.compile(r"^(?P<aspect>products|causes|effects|uses|advantages|disadvantages"
                        r"|features|properties|symptoms|functions|stages|sources|signs|reasons"
                        r"|aims|results|consequences|impacts|limitations|strengths|weaknesses)"
                        r"\sof\s(?P<what>[\w\s()'’-]{2,40})$", re.IGNORECASE)
_TEST_FOR = re.compile(r"^(?:the\s)?test\sfor\s(?P<what>[\w\s()'’-]{2,30})$", re.IGNORECASE)
# `Properties as chain length increases` over `boiling point increases`
_AS_CHANGES = re.compile(r"\bas\s(?P<cause>[\w\s]{2,30}?)\s(?P<way>increases|decreases|rises|falls"
                         r"|goes up|goes down|gets bigger|gets smaller)\b", re.IGNORECASE)
_WAYS = {"increases": "a rise in", "rises": "a rise in", "goes up": "a rise in",
         "gets bigger": "a rise in", "decreases": "a fall in", "falls": "a fall in",
         "goes down": "a fall in", "gets smaller": "a fall in"}
_CHANGES = re.compile(r"^(?P<what>[a-z][\w\s-]{1,30}?)\s(?P<how>increases|decreases|rises|falls"
                      r"|goes up|goes down|stays the same|gets bigger|gets smaller)\b(?P<rest>.*)$")


def labelled_facts(term: str, meaning: str) -> list[Fact]:
    """`Products of cracking: alkanes + alkenes`: "What are the products of cracking?";
    `Test for alkenes: add bromine water …`: "What is the test for alkenes?"."""
    aspect = _ASPECT_OF.match(term.strip())
    if aspect:
        what = aspect.group("what").strip()
        return [Fact("definition", f"What are the {aspect.group('aspect').lower()} of {what}?",
                     meaning)]
    test = _TEST_FOR.match(term.strip())
    if test:
        what = test.group("what").strip()
        done, arrow, result = meaning.partition("->") if "->" in meaning else \
            meaning.partition("→")
        if not arrow or not has_words(done, 1) or not has_words(result, 1):
            return [Fact("definition", f"What is the test for {what}?", meaning)]
        # `add bromine water -> orange to colourless`: the test, and what shows it
        added = re.match(r"add(?:ing)?\s(?P<reagent>[\w\s()'’-]{2,30}?)\s*$", done.strip())
        ask = (f"What happens when {added.group('reagent')} is added to {what}?" if added
               else f"What is the result of the test for {what}?")
        return [Fact("definition", f"What is the test for {what}?", done.strip()),
                Fact("definition", ask, drop_parentheses(result.strip()) or result.strip())]
    return []


# `used after: es importante que, …`, `how to form: take the yo form …` under a heading
# that names the thing (`GRAMMAR 2 - present subjunctive`)
_USED_LABEL = re.compile(r"(?P<verb>used|found|formed|followed|made)\s"
                         r"(?P<prep>after|with|for|in|from|by|before)$", re.IGNORECASE)
_HOW_TO = re.compile(r"how to (?P<verb>form|make|use|calculate|find|work out)(?:\sit)?$",
                     re.IGNORECASE)
_TITLE_LABEL = re.compile(r"^[A-Z]{3,}\s?\d{0,2}\s?[-–—:]\s")


def label_of_heading(term: str, meaning: str, title: str) -> list[Fact]:
    """`used after: es importante que, …` under `GRAMMAR 2 - present subjunctive`: "What
    is the present subjunctive used after?"; `how to form: …`: "How do you form the
    present subjunctive?"."""
    if not title:
        return []
    used, how = _USED_LABEL.fullmatch(term.strip()), _HOW_TO.fullmatch(term.strip())
    if not used and not how:
        return []
    subject = drop_parentheses(_TITLE_LABEL.sub("", title)) or title
    subject = with_article(subject.strip()) if subject[:1].islower() else subject.strip()
    if used:
        return [Fact("definition", f"What is {subject} {used.group('verb').lower()} "
                                   f"{used.group('prep').lower()}?", meaning)]
    return [Fact("definition", f"How do you {how.group('verb').lower()} {subject}?", meaning)]


_CHANGE_WORD = re.compile(r"\b(?:increases|decreases|rises|falls|goes|gets|stays)\b")


def change_facts(text: str, title: str) -> list[Fact]:
    """`boiling point increases (…)` under `Properties as chain length increases`: "How
    does the boiling point change as chain length increases?"."""
    cause = _AS_CHANGES.search(title) if title and "as " in title.lower() else None
    change = _CHANGES.match(text) if cause else None
    if cause is None and title and _CHANGE_WORD.search(text):
        # `heart rate increases, breathing rate increases` under `Response to exercise`:
        # what happens to each, in the heading's setting
        clauses = [_CHANGES.fullmatch(c) for c in re.split(r",\s|;\s|\sand\s", text)]
        if all(c and not c.group("rest") and len(c.group("what").split()) <= 4
               and not re.search(r"\b(?:as|goes|gets|increases|decreases|rises|falls)\b",
                                 c.group("what")) for c in clauses):
            return [Fact("fact", f"{title}: what happens to {with_article(c.group('what'))}?",
                         c.group("how")) for c in clauses]
    if cause is None or change is None:
        return []
    what = with_article(change.group("what").strip())
    does_ = "do" if re.search(r"[^s]s$", what) else "does"
    way = _WAYS[cause.group("way").lower()]
    # (`with a rise in chain length`: the answer `increases` is not in the question)
    return [Fact("cause", f"How {does_} {what} change with {way} {cause.group('cause')}?",
                 f"{change.group('how')}{change.group('rest')}".strip())]


_THEMES = re.compile(r"^(?:key\s|main\s)?(?:themes?|motifs?)\b", re.IGNORECASE)


def headed_facts(term: str, meaning: str, title: str) -> list[Fact]:
    """The card a heading's relation asks of `term - meaning`, or none."""
    bare = drop_parentheses(term) or term
    title = drop_parentheses(title) or title  # `food tests (req practical)`
    if not title or len(bare.split()) > _MAX_TERM_WORDS:
        return []
    if _HORMONES.search(title):
        return _hormone_facts(term, meaning)
    if not has_words(meaning, 2):
        return []
    if _THEMES.search(title) and len(bare.split()) <= 4:
        # `Guilt - blood imagery, sleeplessness …` under THEMES: how the text shows it
        return [Fact("definition", f"How is the theme of {_noun(term, article=False)} shown?",
                     meaning)]
    factors = _FACTORS.match(title)
    if factors:
        what = with_article(factors.group("what").strip())
        return [Fact("cause", f"How does {_noun(term)} affect {what}?", meaning)]
    uses = _USES.match(title)
    if uses:
        be = "are" if bare.lower().endswith("s") and not bare.lower().endswith("ss") else "is"
        if uses.group("what"):
            # `Uses of glucose` over `starch - insoluble storage`: what starch is made for
            return [Fact("definition", f"{title}: what {be} {_noun(term, article=False)} for?",
                         meaning)]
        return [Fact("definition", f"What {be} {_noun(term)} used for?", meaning)]
    if _TESTS.match(title):
        return _test_facts(_noun(term, article=False), meaning)
    if _DEVICES.search(title) and re.fullmatch(r"(?:the|a|an)\s[\w' -]{2,30}", meaning.strip()):
        # `pathetic fallacy - the fog` under `Language devices`: an example, no meaning
        return [Fact("list", f"Give an example of {_noun(term, article=False)}.", meaning)]
    if _LIFE_CYCLE.search(title) and len(term.split()) <= 2 and term.islower() and \
            not re.search(r"[\d()]|\bstage\b", term) and re.search(r",\s", meaning) and \
            not term.strip().endswith("s"):
        # `growth - sales rise quickly, profits start` under `Product life cycle`
        return [Fact("definition", f"What happens at the {term.strip()} stage?", meaning)]
    if _ADAPTATIONS.search(title) and not _ADJECTIVE.match(bare.strip().lower()) and \
            not re.match(r"(?:\w+\s)?(?:that|which|who)\s", meaning):
        # `root hair cells - large surface area so more water absorbed` under Adaptations
        plural = re.search(r"[^s]s$|\bcacti$|\bfungi$", bare.strip()) is not None
        noun = _noun(term, article=not plural)
        return [Fact("definition", f"How {'are' if plural else 'is'} {noun} adapted?", meaning)]
    if _DANGERS.match(title):
        return [Fact("definition", f"What are the dangers of {_noun(term)}?", meaning)]
    if _DEFENCES.search(title):
        noun = _noun(term)
        does = "do" if re.search(r"[^s]s$|\s(?:&|and|\+)\s", noun) else "does"
        return [Fact("definition", f"How {does} {noun} act as a defence?", meaning)]
    traits = _TRAITS.match(title)
    if traits and _ADJECTIVE.match(bare.strip().lower()):
        # (`Opportunities in Rio` over `Economic: jobs in manufacturing + services`)
        return [Fact("definition", f"What are the {bare.strip().lower()} "
                     f"{traits.group('aspect').lower()} {traits.group('of').lower()} "
                     f"{traits.group('what')}?", meaning)]
    causes = _CAUSES.match(title)
    if causes:
        return [Fact("cause", f"How did {_noun(term)} contribute to {causes.group('what')}?",
                     meaning)]
    if _KINDS_OF_CAUSE.match(title) and len(bare.split()) <= 4:
        # `Deforestation - trees absorb CO2 …` under HUMAN CAUSES: how it adds to them
        return [Fact("cause", f"{title.strip().capitalize()}: how does {_noun(bare)} "
                              f"contribute?", meaning)]
    return []


def _test_facts(what: str, meaning: str) -> list[Fact]:
    """`starch - iodine solution, orange/brown -> blue-black`: the test, and the colour
    change that shows it."""
    reagent, comma, change = meaning.partition(", ")
    if not comma or not re.search(r"->|→", change):
        return [Fact("definition", f"What is the test for {what}?", meaning)]
    return [Fact("definition", f"What is the test for {what}?", reagent.strip()),
            Fact("definition", f"What is a positive result in the test for {what}?",
                 change.strip())]


def _hormone_facts(gland: str, meaning: str) -> list[Fact]:
    """`thyroid – thyroxine (controls metabolic rate)` under Hormones: the hormone a gland
    secretes, the gland that secretes it, and what the hormone does."""
    hormone, aside = split_parenthetical(meaning)
    hormone = hormone.strip()
    words = hormone.split()
    if not 1 <= len(words) <= 4 or '"' in hormone or len(gland.split()) > 3 or any(
            is_base_verb(w) or verb_base(w) for w in words):
        return []
    several = re.search(r"\s(?:\+|&|and)\s|,", hormone) is not None
    which = "Which hormones" if several else "Which hormone"
    organ = _noun(gland)
    facts = [Fact("definition", f"{which} {does(organ)} {organ} secrete?", hormone),
             Fact("definition", f"What secretes {hormone}?", gland)]
    if aside and not several:
        done = clause_relation(hormone, aside)
        if done is not None:
            facts.append(done)
    return facts


def _noun(term: str, *, article: bool = True) -> str:
    """`Temperature` → `temperature`, `Surface area (of solids)` → `the surface area (of
    solids)`; a name (`Schlieffen Plan`, `UV`) keeps its capitals."""
    words = term.split()
    first = words[0]
    if first[:1].isupper() and first[1:2].islower() and first[1:].islower() and (
            len(words) == 1 or not words[1][:1].isupper()):
        term = first.lower() + term[len(first):]
    return with_article(term) if article else term
