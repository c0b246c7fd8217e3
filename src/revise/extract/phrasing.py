"""Small text rules the extractor's relations share: blanking an answer, clauses,
quoting a term, the article a noun takes, and turning a statement into a question."""

from __future__ import annotations

import functools
import re

from revise.notes import trim_ends

BLANK = "____"

# Titles that say nothing about what is under them: a question never leans on them.
_GENERIC_TITLES = re.compile(
    r"^(?:key\s+(?:words?|terms?|facts?|dates?|people|points|quotes?|vocab(?:ulary)?)"
    r"|definitions?|glossary|vocab(?:ulary)?|acronyms?|abbreviations?|terms?|notes?|misc\w*"
    r"|summary|revision|overview|intro(?:duction)?|basics|the basics|numbers to learn"
    r"|equations?.*|formulae?|formulas|facts|other|extra|general|things to learn"
    r"|exam tips?|tips?|evaluation|keywords?)$",
    re.IGNORECASE,
)


@functools.lru_cache(maxsize=1024)
def lead_title(topic: tuple[str, ...], answer: str = "") -> str:
    """The nearest title of `topic` worth showing before a question, or ""."""
    for title in reversed(topic):
        title = trim_ends(_TITLE_ASIDE.sub("", _COURSE_TAIL.sub("", title)))
        if not title or _GENERIC_TITLES.match(title) or title[:1] == "(":
            continue
        if answer and shows(title, answer):
            continue
        if len(title) > 80:
            continue
        return title
    return ""


# `Blood vessels (the big 4 – LEARN)`, `Uses (remember "RCSFP"?? – check w/ Sam)`: asides
_TITLE_ASIDE = re.compile(r"\s*\([^()]*(?:\blearn\b|\bexam\b|\brevise\b|\bcheck\b|\bask\b"
                          r"|\bremember\b|!|\?\?)[^()]*\)", re.IGNORECASE)
# `Social Influence - Psychology revision (AQA Paper 1)`: the course, not the topic
_COURSE_TAIL = re.compile(r"\s[-–—:|]\s[^-–—:|]*\b(?:revision|notes|paper|unit|gcse|a-?level|aqa"
                          r"|ocr|edexcel|wjec|spec|exam)\b.*$", re.IGNORECASE)


def with_lead(lead: str, question: str) -> str:
    if not lead:
        return question
    return f"{lead}: {question}" if lead[-1] not in "?:" else f"{lead} {question}"


def shows(text: str, answer: str) -> bool:
    """Whether `answer` appears in `text` as whole words (case ignored)."""
    return bool(_whole_words(text, answer.strip()))


def blank_out(text: str, answer: str) -> str:
    """`text` with every whole-word occurrence of `answer` replaced by the blank."""
    spans = _whole_words(text, answer.strip())
    for start, end in reversed(spans):
        text = text[:start] + BLANK + text[end:]
    return text


def _whole_words(text: str, answer: str) -> list[tuple[int, int]]:
    """Where `answer` stands in `text` as whole words, case ignored. Plain string search:
    a regular expression built per answer would be compiled anew for every card."""
    if not answer:
        return []
    folded, target = text.lower(), answer.lower()
    if len(folded) != len(text) or len(target) != len(answer):  # a dotted İ, say
        pattern = re.compile(r"(?<!\w)" + re.escape(answer) + r"(?!\w)", re.IGNORECASE)
        return [m.span() for m in pattern.finditer(text)]
    spans = []
    at = folded.find(target)
    while at >= 0:
        end = at + len(target)
        if not _word_char(folded, at - 1) and not _word_char(folded, end):
            spans.append((at, end))
            at = folded.find(target, end)
        else:
            at = folded.find(target, at + 1)
    return spans


def _word_char(text: str, i: int) -> bool:
    return 0 <= i < len(text) and (text[i].isalnum() or text[i] == "_")


def quoted(term: str) -> str:
    return f"‘{term.strip(QUOTE_MARKS)}’"


QUOTE_MARKS = "\"“”‘’'"


def has_words(text: str, count: int = 1) -> bool:
    if count == 1:  # the usual question, answered at the first word
        return _WORD.search(text) is not None
    return len(_WORD.findall(text)) >= count


_WORD = re.compile(r"[^\W\d_]{2,}")


def in_own_script(text: str) -> bool:
    """Whether `text` holds a word in a script other than the Latin alphabet."""
    return bool(_OWN_SCRIPT.search(text))


# Chinese, Japanese or Korean (one character is a word), or two letters of Greek,
# Cyrillic, Hebrew, Arabic, Devanagari or Thai (one alone is more often a symbol in a
# formula: `λ = wavelength`).
_OWN_SCRIPT = re.compile(r"[\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af]"
                         r"|[\u0370-\u03ff\u0400-\u04ff\u0590-\u06ff\u0900-\u097f"
                         r"\u0e00-\u0e7f]{2}")


@functools.lru_cache(maxsize=4096)
def drop_parentheses(text: str) -> str:
    return trim_ends(" ".join(_PARENS.sub(" ", text).split()))


_PARENS = re.compile(r"\s*\([^()]*\)")


def split_parenthetical(text: str) -> tuple[str, str]:
    """(`text` without a closing bracketed aside, the aside) — `("X (Y)")` → `("X", "Y")`."""
    text = text.strip()
    if not text.endswith(")"):
        return text, ""
    depth = 0
    for i in range(len(text) - 1, -1, -1):
        if text[i] == ")":
            depth += 1
        elif text[i] == "(":
            depth -= 1
            if depth == 0:
                head, aside = text[:i].strip(), text[i + 1 : -1].strip()
                return (head, aside) if head else (text, "")
    return text, ""


def article(noun: str) -> str:
    """`noun` with the article a question puts before it: `the nucleus`, but `abrasion`,
    `hydraulic action` and `enzymes` as they are."""
    first = noun.split()[0] if noun.split() else ""
    if not first or first.lower() in _DETERMINERS or first[:1].isupper() or first[:1].isdigit():
        return noun
    last = (drop_parentheses(noun) or noun).split()[-1].lower().strip("()")
    if _ABSTRACT.search(last) or is_plural(noun) or last in _SINGULAR_IN_S or \
            _DISEASE.search(last):
        return noun
    return f"the {noun}"


_ABSTRACT = re.compile(r"(?:tion|sion|ment|ance|ence|ity|ism|ness|ing|ation|ure|ics|ogy|ysis"
                       r"|osis|esis|(?:cellul|gluc|sucr|fruct|lact|malt|galact|rib)ose"
                       r"|(?:meth|eth|prop|but|pent|hex)(?:ane|ene|yne|anol)|oxide|chloride"
                       r"|bromide|iodide|fluoride|sulfide|sulphide|ium|ogen)$")  # (substances)


def is_plural(noun: str) -> bool:
    head, of, _ = noun.partition(" of ")
    if of and head.strip():
        noun = head  # `no. of firms` is one number, `types of rock` several types
    last = (drop_parentheses(noun) or noun).split()[-1].lower() if noun.split() else ""
    if _JOINED.search(noun):
        return True  # `oestrogen + progesterone`, `trachea & bronchi`
    return last in _LATIN_PLURALS or last.endswith("s") and not last.endswith(
        ("ss", "us", "is", "ics", "sis", "as")) and last not in _SINGULAR_IN_S


# Diseases take no article: `malaria`, `salmonella`, `gonorrhoea`, `chickenpox`, `arthritis`
_DISEASE = re.compile(r"(?:malaria|cholera|influenza|flu|polio|cancer|ella|oea|pox|itis|aemia"
                      r"|emia|plague|typhoid|tuberculosis|dysentery|scurvy|rickets)$")
_JOINED = re.compile(r"\s(?:\+|&|and)\s")
_LATIN_PLURALS = frozenset("bacteria fungi data criteria phenomena stimuli larvae algae".split())
# Singular words that end in s (diseases, subjects).
_SINGULAR_IN_S = frozenset("measles mumps rabies herpes diabetes news maths series species "
                           "lens gas bus".split())


def capitalised(text: str) -> str:
    """`what is a variable?` → "What is a variable?": only the first letter changes."""
    return text[:1].upper() + text[1:]


def mid_sentence(name: str) -> str:
    """`The Nazis` as it reads inside a question: `the Nazis`."""
    return "the " + name[4:] if name.startswith("The ") else name


def does(noun: str) -> str:
    """`does` or `do`, as `noun` asks."""
    return "do" if is_plural(noun) else "does"


def split_clauses(text: str, pattern: str = r",\s|;\s") -> list[str]:
    """`text` cut at `pattern`, but never inside brackets: `fine particles (silt, clay)
    carried in the flow, this is why…` → two clauses."""
    if "(" not in text and "[" not in text:
        return [c.strip() for c in re.split(pattern, text) if c.strip()]
    clauses, depth, start = [], 0, 0
    splitter = re.compile(pattern)
    i = 0
    while i < len(text):
        ch = text[i]
        if ch in "([":
            depth += 1
        elif ch in ")]" and depth:
            depth -= 1
        elif depth == 0:
            m = splitter.match(text, i)
            if m and m.end() > i:
                clauses.append(text[start:i])
                start = i = m.end()
                continue
        i += 1
    clauses.append(text[start:])
    return [c.strip() for c in clauses if c.strip()]


_DETERMINERS = frozenset(
    """
    a an the this that these those his her their its our my your some any each every le la
    les l' un une el los las der die das
""".split()
)


# ---------------------------------------------------------------------------- verbs

_AUXILIARIES = {
    "is": "is", "are": "are", "was": "was", "were": "were", "can": "can", "could": "could",
    "will": "will", "would": "would", "has": "has", "have": "have", "had": "had",
    "should": "should", "must": "must", "may": "may", "might": "might",
}
_IRREGULAR_PAST = {
    "began": "begin", "became": "become", "brought": "bring", "built": "build",
    "bought": "buy", "came": "come", "chose": "choose", "did": "do", "drew": "draw",
    "fell": "fall", "felt": "feel", "fled": "flee", "fought": "fight", "found": "find",
    "gave": "give", "got": "get", "grew": "grow", "held": "hold", "kept": "keep", "knew": "know",
    "led": "lead", "left": "leave", "lost": "lose", "made": "make", "meant": "mean",
    "met": "meet", "paid": "pay", "ran": "run", "rose": "rise", "said": "say", "sank": "sink",
    "saw": "see", "sent": "send", "set": "set", "shot": "shoot", "sold": "sell", "spent": "spend",
    "split": "split", "stood": "stand", "struck": "strike", "taught": "teach", "took": "take",
    "told": "tell", "thought": "think", "threw": "throw", "won": "win", "wrote": "write",
    "forced": "force", "put": "put", "cut": "cut", "hit": "hit", "let": "let", "shut": "shut",
}


# Verbs that state what a thing does in notes (`Nucleus – contains DNA`); a word ending
# in -s is taken for a verb only when its base is here, so `atoms` and `cells` are not.
_VERBS = frozenset("""
    absorb accept add adjust affect agree allocate allow announce argue arrive attack
    attract become begin believe bind block boost break bring build buy carry cause change
    check chew choose churn claim close collect combine come communicate connect contain
    control convert cover create cut decide decrease defeat deliver depend describe destroy
    detect determine develop die digest direct discover dissolve divide do drive eat emit
    emulsify enable encode end enter escape establish excrete exist expand explain fall feed
    feel fight filter find flee flow follow force form free gain get give go grow guarantee
    help hide hit hold identify improve include increase join keep kill know lead leave let
    limit link live lose lower make manage mean measure meet move need neutralise neutralize
    offer open own pass pay plant play point produce protect provide pull pump push raise
    reach read receive reduce refer reflect reject release remain remove replace represent
    require resend resist rest return reveal rise rule run say secrete see sell send
    separate serve set shape show shrink speed split spread squeeze start stay stop store
    suggest supply support surround take teach tell test think transmit transport travel
    trigger turn undergo use vary want win work write ionise ionize react compare swap search
    sort merge repeat heat cool melt boil evaporate condense happen occur trap waft engulf
    attach clot infect invade damage multiply reproduce survive prevent treat cure warn
    strengthen stimulate maintain regulate coordinate inhibit activate widen narrow dilate
    constrict contract relax reabsorb generate insulate anchor catalyse catalyze oppose
    monitor harden soften stabilise stabilize encourage discourage promote restrict
    enforce abolish introduce fund finance invest borrow lend earn
""".split())


def is_base_verb(word: str) -> bool:
    return word.lower() in _VERBS


def verb_base(word: str) -> str | None:
    """The base form of a third-person present verb (`contains` → `contain`), or None."""
    w = word.lower().strip(",.;:")
    if not w.endswith("s") or len(w) < 4 or not w.isalpha():
        return None
    for base in (w[:-1], w[:-2], w[:-3] + "y" if w.endswith("ies") else ""):
        if base in _VERBS:
            return base
    return "have" if w == "has" else ("do" if w == "does" else None)


# Verbs whose regular past a question may turn back (`developed` → `develop`): known
# words only, so no base is ever guessed from spelling alone.
_DEED_VERBS = frozenset("""
    publish invade sign declare murder assassinate elect appoint pass launch found crown
    marry execute arrest annex occupy surrender invent ban legalise legalize nationalise
    nationalize unite abdicate visit bomb capture conquer complete isolate propose observe
    classify pioneer coin design investigate conduct introduce establish discover develop
    identify create destroy defeat attack kill open close start end announce abolish
    order organise organize join leave raise refuse reject agree support oppose invite
    restore escape dissolve recall try remove negotiate replace reform defend protest
    submit annul put patent build win lose strike riot engineer write paint compose seize
    storm fund
""".split())


def deed_base(word: str) -> str | None:
    """The base of the regular past of a verb that tells an event (`developed` → `develop`,
    `stopped` → `stop`, `carried` → `carry`), or None."""
    w = word.lower()
    if not w.endswith("ed") or len(w) < 5:
        return None
    for base in (w[:-1], w[:-2], w[:-3], w[:-3] + "y"):
        if base in _DEED_VERBS:
            return base
    return None


def deed_present_base(word: str) -> str | None:
    """The base of the present of a verb that tells an event (`marries` → `marry`,
    `annuls` → `annul`, `puts` → `put`), or None."""
    w = word.lower()
    if not w.endswith("s") or len(w) < 4:
        return None
    for base in (w[:-1], w[:-2], w[:-3] + "y"):
        if base in _DEED_VERBS:
            return base
    return None


def past_base(word: str) -> str | None:
    """The base form of an irregular past-tense verb (`fled` → `flee`), or None.

    Regular `-ed` forms are left alone: their base cannot be told from spelling
    (`collapsed`, `stopped`, `travelled`), and a misspelt question is worse than none.
    """
    return _IRREGULAR_PAST.get(word.lower())


def why_question(clause: str) -> str | None:
    """`Why …?` asked of a statement (`prices rose` → `Why did prices rise?`), or None."""
    clause = re.sub(r"^(?:also|and)\s(?=\S+\s)", "", trim_ends(clause),
                    flags=re.IGNORECASE)  # `Also the Church lost …`: the statement after it
    tokens = clause.split()
    if len(tokens) < 2 or len(tokens) > 25:
        return None
    if tokens[0].lower() in ("it", "they", "he", "she", "this", "these", "that", "those", "we"):
        return None  # `It was meant to last …`: whose reason, the question can't say
    for i, token in enumerate(tokens[:6]):
        low = token.lower().strip(",")
        subject = " ".join(tokens[:i])
        rest = " ".join(tokens[i + 1 :])
        if i == 0:
            continue
        if low in _AUXILIARIES or low in ("do", "does", "did") and rest.startswith("not "):
            # (`… do not conduct` → "Why do … not conduct?")
            return _tidy(f"Why {low} {_lower_first(subject)} {rest}?")
        base = verb_base(low)
        if base in _NOUN_LIKE_VERBS:
            base = None  # `high melting and boiling points`: a noun, no verb
        if base and i <= 4:
            return _tidy(f"Why does {_lower_first(subject)} {base} {rest}?")
        base = past_base(low)
        if base and i <= 4:
            return _tidy(f"Why did {_lower_first(subject)} {base} {rest}?")
        if low in _VERBS and i <= 3 and low not in _NOUN_LIKE_VERBS and is_plural(subject):
            return _tidy(f"Why do {_lower_first(subject)} {low} {rest}?")  # `computers use`
        if (_REGULAR_PAST.match(low) and i <= 4 and len(tokens) <= 16 and low not in _STATES
                and not re.search(r"ly$|^(?:already|then|also|still|just|not|never)$",
                                  tokens[i - 1].lower())):
            # `the Pope refused`: its base can't be told from spelling, so the past stays
            if re.match(r"(?:much|more|less|little|no|lots|a lot)\b", subject, re.IGNORECASE):
                be = "are" if is_plural(subject) else "is"  # `much less energy released`: a
                return _tidy(f"Why {be} {_lower_first(subject)} {low} {rest}?")  # passive
            subject = re.sub(r"^The\s", "the ", clause)
            return _tidy(f"What was the reason {subject}?")
    return None


_REGULAR_PAST = re.compile(r"^[a-z]{3,}(?<!e)ed$|^[a-z]{3,}ied$")
_STATES = frozenset("needed used wanted called based linked related united concerned".split())


# Base verbs that are as often nouns after a plural (`plants store`, but `trade links`).
_NOUN_LIKE_VERBS = frozenset("plant link point rest set test turn work play cover end rule".split())


def _lower_first(text: str) -> str:
    if len(text) > 1 and text[0].isupper() and text[1].islower() and " " not in text[:4]:
        first = text.split()[0]
        if first.lower() in ("the", "a", "an", "some", "many", "most", "all"):
            return text[0].lower() + text[1:]
    return text


def _tidy(question: str) -> str:
    return " ".join(question.replace(" ?", "?").split())
