"""Vocabulary: word pairs in any notation, asked both ways.

A section is vocabulary when its title names a language or vocabulary, or when most of
its lines pair a short word or phrase with another, the left side in a foreign language
(an article like `la`, `el`, `der`, or accented letters). Gender marks stay with the
word (`l'appartement (m)`); asides (`(also means desk!)`) are left out of the answer.
"""

from __future__ import annotations

import re

from revise.extract.phrasing import drop_parentheses, in_own_script, quoted, shows
from revise.extract.terms import Fact
from revise.notes import trim_ends

_LANGUAGES = {
    "french": "French", "français": "French", "spanish": "Spanish", "español": "Spanish",
    "german": "German", "deutsch": "German", "italian": "Italian", "italiano": "Italian",
    "latin": "Latin", "portuguese": "Portuguese", "dutch": "Dutch", "welsh": "Welsh",
    "irish": "Irish", "russian": "Russian", "japanese": "Japanese", "chinese": "Chinese",
    "mandarin": "Mandarin", "arabic": "Arabic", "greek": "Greek", "polish": "Polish",
}
_VOCAB_TITLE = re.compile(r"\b(?:vocab\w*|words|phrases|glossary)\b", re.IGNORECASE)
_ARTICLE_LANG = [
    ("French", re.compile(r"^(?:le|la|les|l['’]|un|une|des|du|au|aux|en)\b", re.IGNORECASE)),
    ("Spanish", re.compile(r"^(?:el|los|las|unos|unas|una)\b", re.IGNORECASE)),
    ("German", re.compile(r"^(?:der|die|das|ein|eine|einen)\b", re.IGNORECASE)),
    ("Italian", re.compile(r"^(?:il|gli)\b", re.IGNORECASE)),  # (`lo`, `uno`: Spanish too)
]
_FOREIGN_LETTERS = re.compile(r"[àâçéèêëîïôûùüÿœæñáíóúäöß¿¡āēīōūǎěǐǒǔǖǘǚǜąęłńśźżčřšžőű]",
                              re.IGNORECASE)
_PAIR_SEPARATOR = re.compile(r"\s[-–—=:]\s|:\s|\s=|=\s|\s→\s|\s->\s")
# (in the order they are tried: a `;` parts pairs before a `/` parts a pair's synonyms)
_PAIR_SPLITTERS = (re.compile(r"\s?;\s"), re.compile(r",\s"), re.compile(r"\s/\s"))
_GENDER = re.compile(r"\((?:m|f|n|nt|pl|m pl|f pl|m/f|mf|m or f)\b[^)]{0,30}\)", re.IGNORECASE)
_MAX_SIDE_WORDS = 6


def language_of(titles: list[str]) -> str:
    for title in titles:
        for word in re.findall(r"[^\W\d_]+", title.lower()):
            if word in _LANGUAGES:
                return _LANGUAGES[word]
    return ""


def split_pairs(text: str) -> list[tuple[str, str]]:
    """The (word, meaning) pairs on one line: `le salon = living room`, or several
    separated by ` / ` or commas (`en haut = upstairs / en bas = downstairs`)."""
    if not _PAIR_SEPARATOR.search(text):
        spoken = _SOUNDED.fullmatch(text)
        if spoken and in_own_script(spoken.group(1)) and not in_own_script(spoken.group(3)):
            return [(f"{spoken.group(1)} ({spoken.group(2)})", spoken.group(3))]  # `辣 (là) spicy`
        return _glossed_pairs(text)  # (no piece of it can hold a pair with a separator)
    pieces = [text]
    for splitter in _PAIR_SPLITTERS:  # the cut that gives the most pairs
        parts = splitter.split(text)
        if len(parts) > len(pieces) and all(_PAIR_SEPARATOR.search(p) for p in parts):
            pieces = parts
    pairs = []
    for piece in pieces:
        m = _PAIR_SEPARATOR.search(piece)
        if not m:
            return _glossed_pairs(text)
        word, meaning = trim_ends(piece[: m.start()]), trim_ends(piece[m.end() :])
        if not word or not meaning:
            return []
        if max(_words(word), _words(meaning)) > _MAX_SIDE_WORDS:
            return []
        pairs.append(_foreign_first(word, meaning))
    return pairs


def _words(side: str) -> int:
    """How many words a side of a pair has, its bracket and the `/` between synonyms aside."""
    return sum(1 for w in _bare(side).split() if w != "/")


# a word, how it sounds in brackets, and its meaning
_SOUNDED = re.compile(r"(\S{1,12})\s?\(([^()]{1,30})\)\s([^()]{1,40})")
_GLOSSED = re.compile(r"^(?P<word>[^()]{1,40}?)\s?\((?P<meaning>[^()]{1,40})\)$")
_GLOSSED_FIRST = re.compile(r"^(?P<word>[^()\s]{1,40})\s?\((?P<meaning>[^()]{1,40})\)"
                            r"\s(?:eg|e\.g\.)\s")


def glossed_line(text: str, *, labelled: bool = False) -> bool:
    """A line of three or more words glossed in brackets: vocabulary wherever it is; in
    notes on a language, after a label too, with a word or two left unglossed
    (`transport: en avion (by plane), en train, en bateau (by boat) BUT à pied (on foot)`)."""
    return len(_glossed_pairs(text, labelled=labelled)) >= 3


def _glossed_pairs(text: str, *, labelled: bool = False) -> list[tuple[str, str]]:
    """`streng (strict), langweilig (boring)`: words glossed in brackets, two or more a
    line (one alone is as likely a term with an aside)."""
    if text.count("(") < 2:
        return []  # (each glossed word has its bracket: most lines are passed over here)
    label = _LIST_LABEL.match(text) if labelled else None
    if label:
        text = text[label.end():]
    pieces = [trim_ends(p) for p in re.split(
        r",\s|;\s|\s(?:and|BUT|but|or)\s" if labelled else r",\s|;\s", text)]
    found = [_GLOSSED.match(p) for p in pieces[:-1]]
    found.append(_GLOSSED.match(pieces[-1]) or _GLOSSED_FIRST.match(pieces[-1]))  # `… eg …`
    if labelled and len(found) >= 4 and sum(1 for m in found if m) * 10 >= len(found) * 6:
        found = [m for m in found if m]
    if len(found) < 2 or not all(found):
        return []
    pairs = []
    for m in found:
        word, meaning = trim_ends(m.group("word")), trim_ends(m.group("meaning"))
        if _GENDER.fullmatch(f"({meaning})") or not word or not meaning \
                or re.search(r"\d", meaning) or meaning.isupper():
            return []  # (`water (H2O)`: a formula, no meaning)
        if max(len(word.split()), len(meaning.split())) > _MAX_SIDE_WORDS // 2:
            return []
        pairs.append((word, meaning))
    return pairs


_LIST_LABEL = re.compile(r"[a-z][\w ]{2,40}:\s")
_ENGLISH_START = re.compile(r"^(?:to|the)\s", re.IGNORECASE)


def _foreign_first(word: str, meaning: str) -> tuple[str, str]:
    """`to repeat a year = sitzenbleiben`: the English side written first is put second."""
    if _ENGLISH_START.match(word) and not _ENGLISH_START.match(meaning) \
            and not looks_foreign(word):
        return meaning, word
    if in_own_script(drop_parentheses(meaning) or meaning) and not in_own_script(word):
        return meaning, word  # `(cooked) rice = 米饭`
    return word, meaning


def looks_foreign(word: str) -> str:
    """The language `word` looks to be in, from its article or letters; "" if English-looking."""
    for language, pattern in _ARTICLE_LANG:
        if pattern.match(word):
            return language
    if in_own_script(word):
        return _script_language(word)
    return "?" if _FOREIGN_LETTERS.search(word) else ""


# The language a script says, where one language is far the likeliest in notes
_SCRIPTS = (("Ukrainian", re.compile(r"[іїєґІЇЄҐ]")),
            ("Russian", re.compile(r"[а-яА-ЯёЁ]{2}")),
            ("Greek", re.compile(r"[α-ωΑ-Ω]{2}")),
            ("Arabic", re.compile(r"[\u0600-\u06ff]{2}")),
            ("Hebrew", re.compile(r"[\u0590-\u05ff]{2}")),
            ("Hindi", re.compile(r"[\u0900-\u097f]")),
            ("Japanese", re.compile(r"[\u3040-\u30ff]")),
            ("Korean", re.compile(r"[\uac00-\ud7af]")))


def _script_language(word: str) -> str:
    """The language a word in a script of its own is likely in, or "?" (Chinese characters
    alone are Chinese or Japanese)."""
    for language, letters in _SCRIPTS:
        if letters.search(word):
            return language
    return "?"


def is_vocab_section(titles: list[str], lines: list[str]) -> bool:
    short = sum(1 for line in lines if len(line) <= 80 or len(split_pairs(line)) >= 3)
    if short * 10 < len(lines) * 6:
        return False  # word pairs are short lines
    paired = []
    unpaired = 0
    for line in lines:
        pairs = split_pairs(line)
        if pairs:
            paired.append(pairs)
        else:
            unpaired += 1
            if unpaired * 10 > len(lines) * 4:
                return False  # too few pairs already: the rest cannot make it 60%
    if sum(len(p) for p in paired) < 2 or len(paired) * 10 < len(lines) * 6:
        return False
    if language_of(titles) or any(_VOCAB_TITLE.search(t) for t in titles):
        return True
    foreign = sum(1 for p in paired if looks_foreign(p[0][0]))
    return foreign * 2 >= len(paired)


# English a rule of grammar is told in, never part of a word to learn
_GRAMMAR_TALK = re.compile(r"\b(?:are|is|the same|only|irregulars?|endings|tenses?)\b",
                           re.IGNORECASE)


def vocab_facts(text: str, language: str) -> list[Fact]:
    facts: list[Fact] = []
    bracketed = re.fullmatch(r"[\w ]{2,20}\s\((?P<pair>[^()]+\s=\s[^()]+)\)", text)
    if bracketed:
        text = bracketed.group("pair")  # `reasons (porque = because)`: the pair in brackets
    label, colon, rest = text.partition(": ")
    if colon and "=" in rest and "=" not in label and len(split_pairs(rest)) >= 2:
        text = rest  # `other negs: ne...jamais = never, ne...plus = no longer`
    pairs = split_pairs(text)
    if language and (not pairs or ": " in text) and not _GRAMMAR_TALK.search(label) \
            and glossed_line(text, labelled=True):
        # `transport: en avion (by plane), en voiture (by car), …`
        pairs = _glossed_pairs(text, labelled=True) or pairs
    for word, meaning in pairs:
        foreign = _keep_gender(re.sub(r"^(?:BUT|NB|AND|ALSO)\s", "", word))
        english = _meaning(meaning)
        if not foreign or not english or not re.search(r"[^\W\d_]", foreign):
            continue  # (`¨ = add umlaut` is a sign, no word)
        if _GENDER.search(meaning) and not _GENDER.search(english):
            # `die Lehrerin = teacher (f)`: which teacher is asked for stays in the question
            english = f"{english} {_GENDER.search(meaning).group()}"
        lang = language or (looks_foreign(word) if looks_foreign(word) not in ("", "?") else "")
        if _CAPS.fullmatch(word) and _CAPS.fullmatch(meaning):
            continue  # `GRAMMAR - PRETERITE VS IMPERFECT`: a title, no word pair
        if _GRAMMAR_TALK.search(foreign) or re.match(r"[A-Z]{3,}\s\(", foreign):
            # (`NOUNS (nom, gen, gender – meaning)`: the list's own title and key;
            continue  # `ir AND ser are the same: fui, fuiste, …`: a rule told in English)
        ending = _ENDING.fullmatch(foreign)
        if ending:  # `-ar: -aba, -abas, …`: the endings a class of verbs takes
            facts.append(Fact("vocabulary", f"What are the endings for {foreign} verbs?",
                              meaning))
            continue
        tense = _TENSE_USED.match(meaning)
        if tense and len(foreign.split()) <= _MAX_SIDE_WORDS and not language_of([foreign]):
            # `weather = imperfect: hacía calor, …`: which tense a use of it takes
            facts.append(Fact("vocabulary", f"Which tense do you use for {foreign}?",
                              meaning))
            continue
        gender = _GENDER_NAME.match(english)
        if gender and len(english.split()) == 1 and len(foreign.split()) > 1:
            continue  # `ends in consonant = masc`: a rule for genders, no word to translate
        if gender and len(foreign.split()) == 1:
            # `der = masc, die = fem`: the article of each gender, not a word to translate
            name = _GENDERS[gender.group(1).lower().rstrip(".")]
            facts.append(Fact("vocabulary", f"Which article goes with {name} nouns?", foreign))
            facts.append(Fact("vocabulary", f"Which gender does {quoted(foreign)} mark?", name))
            continue
        facts.append(Fact("vocabulary", f"What does {quoted(foreign)} mean?", english))
        written = foreign.split()[0]
        if in_own_script(written) and written in english:
            continue  # `碗 wǎn – bowl, 一碗米饭 a bowl of rice`: its example shows the word
        ask = f"What is the {lang} for {quoted(english)}?" if lang else \
            f"What is the word for {quoted(english)}?"
        facts.append(Fact("vocabulary", ask, foreign))
    return [f for f in _one_answer_an_ask(facts) if not shows(f.question, f.answer)]


def _one_answer_an_ask(facts: list[Fact]) -> list[Fact]:
    """`creo que = I think that / pienso que = I think that`: one question for the meaning
    the words share, answered with both."""
    answers: dict[str, list[str]] = {}
    for fact in facts:
        answers.setdefault(fact.question, []).append(fact.answer)
    kept, asked = [], set()
    for fact in facts:
        if fact.question not in asked:
            asked.add(fact.question)
            kept.append(Fact(fact.kind, fact.question, " / ".join(answers[fact.question])))
    return kept


_CAPS = re.compile(r"[^a-z]*[A-Z]{2,}[^a-z]*")
_ENDING = re.compile(r"-[a-zé]{1,3}(?:\s?/\s?-[a-zé]{1,3})*")
_TENSE_USED = re.compile(r"(?:present|preterite|imperfect|perfect|pluperfect|future|conditional"
                         r"|subjunctive|past)(?:\s(?:tense|subjunctive))?\s?[:(]", re.IGNORECASE)
_GENDERS = {"m": "masculine", "masc": "masculine", "masculine": "masculine", "f": "feminine",
            "fem": "feminine", "feminine": "feminine", "n": "neuter", "neut": "neuter",
            "neuter": "neuter", "pl": "plural", "plural": "plural"}
_GENDER_NAME = re.compile(r"^(masc|masculine|fem|feminine|neut|neuter|m|f|n|pl|plural)\.?"
                          r"(?=$|\.?\s[a-z])", re.IGNORECASE)


def _keep_gender(word: str) -> str:
    genders = _GENDER.findall(word)
    bare = _bare(_GENDER.sub(" ", word))
    return " ".join([bare, *genders]) if bare else ""


_QUALIFIER = re.compile(r"\s?\((?!(?:lit|literally|also|not|eg|e\.g|i\.e|ie|nb|see)\b)"
                        r"[A-Za-z][\w'’]*(?:\s[\w'’]+)?\)", re.IGNORECASE)


def _meaning(text: str) -> str:
    """A meaning as asked for: asides in brackets left out, but a short one that says
    which sense is meant kept (`grandad (dad's dad)`, `chicken (meat)`): without it two
    words of the notes can share a meaning."""
    kept = [m.group() for m in _QUALIFIER.finditer(text)
            if "!" not in m.group() and not _GENDER.fullmatch(m.group().strip())]
    if not kept or len(kept) > 1:
        return _bare(text)
    marker = "\x00"
    held = text.replace(kept[0], marker, 1)
    bare = _bare(held.replace(marker, " QUALIFIERX "))
    return trim_ends(" ".join(bare.replace("QUALIFIERX", kept[0].strip()).split()))


def _bare(text: str) -> str:
    return drop_parentheses(text.replace("!", "")) or trim_ends(text)
