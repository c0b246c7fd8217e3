"""A term and what the notes say of it: the notations that pair them, and the question
each relation calls for.

`split_term` finds the pair in `Term: meaning`, `Term – meaning`, `Term - meaning`,
`Term = meaning`, `Term (meaning)` and `Term → meaning` (where the right side defines);
`sentence_pair` in sentences (`X is …`, `X is called Y`, `known as`, `stands for`,
`means`). `term_facts` then asks what the relation calls for: what an acronym stands
for, who held a role, what a case decided, what a part contains or is made of, or what
a term means and which term a meaning names.
"""

from __future__ import annotations

import functools
import itertools
import re
from dataclasses import dataclass

from revise.extract.phrasing import (
    article,
    capitalised,
    does,
    drop_parentheses,
    has_words,
    is_base_verb,
    is_plural,
    mid_sentence,
    past_base,
    quoted,
    shows,
    split_clauses,
    split_parenthetical,
    verb_base,
)
from revise.notes import trim_ends


@dataclass(frozen=True, slots=True)
class Fact:
    kind: str
    question: str
    answer: str


_MAX_TERM_WORDS = 6
_MAX_ANSWER_WORDS = 40
_MAX_REVERSE_WORDS = 14

# Separators between a term and its meaning, most telling first at equal positions.
_SEPARATOR = re.compile(r"\s[–—]\s|\s-\s|\s=\s|:\s|\s→\s|\s->\s|–(?=\s)|—|(?<=\w)-\s(?=\w)")
# A character each of those separators holds: a line with none is quickly told apart.
_SEPARATOR_MARK = re.compile(r"[–—=:→-]")
_ARTICLES = re.compile(r"^(?:a|an|the|when|where|process|type|kind|form|way|word|term|name|"
                       r"part|method|substance|idea|belief|period|time)\b", re.IGNORECASE)
_NOT_TERM_START = frozenset(
    """
    it this that these they there he she we you i if when then so but and or because as also
    only eg e.g. e.g ie i.e. why how what which who where vs unlike whereas
""".split()
)


@functools.lru_cache(maxsize=4096)
def split_term(text: str) -> tuple[str, str, str] | None:
    """(term, separator, meaning) of a bullet that pairs a term with what it means."""
    if not _SEPARATOR_MARK.search(text):
        return _bracketed_meaning(text)
    for m in _SEPARATOR.finditer(text):
        if _inside_brackets(text, m.start()):
            continue
        sep = m.group().strip()
        term, meaning = trim_ends(text[: m.start()]), trim_ends(text[m.end() :])
        if not term or not meaning:
            continue
        if sep in ("→", "->") and not _ARTICLES.match(meaning) and not _is_acronym(term) \
                and not (verb_base(meaning.split()[0]) and looks_like_term(term)
                         and not re.match(r"(?:leads|causes|results)\b", meaning)) \
                and not (re.fullmatch(r"[a-z]{3,}ing", meaning.split()[0]) and term.islower()
                         and len(term.split()) == 1 and "->" not in meaning
                         and ", " not in meaning):
            # (`anaphora -> repeating a word at the start of sentences`: what it is)
            return None  # an arrow here is a cause or a step, not a definition (`vena cava ->
            # brings blood …` says what it does)
        if sep == ":" and term[-1:].isdigit() and meaning[:1].isdigit():
            return None  # a time, 10:30
        if _is_term(term) or is_case(term) or is_citation(term):
            return term, sep, meaning
        return None
    whole = _bracketed_meaning(text)
    if whole:
        return whole
    return None


def _inside_brackets(text: str, at: int) -> bool:
    before = text[:at]
    return before.count("(") > before.count(")")


def _bracketed_meaning(text: str) -> tuple[str, str, str] | None:
    """`cell wall (made of cellulose)`: a term whose brackets explain it."""
    head, aside = split_parenthetical(text)
    if (not aside or len(head.split()) > 3 or not looks_like_term(head)
            or len(aside.split()) < 2 or re.search(r"\d", head + aside) or aside[:1].isupper()):
        return None
    if (re.search(r"\s&\s|,\s", aside) and not _RELATION.match(aside)
            and not verb_base(aside.split()[0]) and " = " not in aside):
        return None  # `mineral storage (calcium & phosphorus)`: examples, not a meaning
    if head.split()[-1].lower() in ("v", "vs") or re.fullmatch(r"[\d\s,–-]+", aside) \
            or aside.split()[0].lower() in _NOT_GLOSS_START or aside[:1] in "+&" \
            or aside.split()[0].lower() in _CONDITION_START or aside.split()[-1] == "only":
        # (`alcohol (with an acid catalyst)`: a condition, not a meaning)
        return None  # (`the pathway (still only ms tho)`: a remark, not a meaning)
    return head, "()", aside


def _is_term(term: str) -> bool:
    words = drop_parentheses(term).split() or term.split()
    if not words or len(words) > _MAX_TERM_WORDS or len(term) > 70:
        return False
    if (words[0].lower() in _NOT_TERM_START and not (words[0].isupper() and len(words[0]) > 1)
            or any(c in term for c in ";!?")):  # `WHERE - the condition`: a keyword
        return False
    if not has_words(term) and not _is_acronym(term):
        return False
    if len(words) == 1 and words[0].lower().endswith("ed") and words[0][1:].islower():
        return False  # `agreed: …`, `Measured: …` label what follows
    # `1928: …` is a dated event, not a term
    return not _YEAR_FIRST.match(term)


_YEAR_FIRST = re.compile(r"^\d{3,4}\b")


def _is_acronym(term: str) -> bool:
    term = term.strip()
    if len(re.findall(r"[A-Z][a-z]?\d+", term)) >= 2:
        return False  # `C10H22`: a chemical formula
    return _ACRONYM.fullmatch(term) is not None


_ACRONYM = re.compile(r"[A-Z][A-Z0-9&/.]{1,9}s?")


def is_case(term: str) -> bool:
    return _VERSUS.search(term) is not None and term[:1].isupper()


_VERSUS = re.compile(r"\S \s?v\.? \S")
# `Marbury v Madison (1803) established judicial review`: a case, its year, what it did
_CASE_SENTENCE = re.compile(r"(?P<case>[A-Z][^()]{1,60}?\sv\.?\s[A-Z][^()]{1,60}?\s\(\d{4}\))"
                            r",?\s(?P<did>[a-z][\w-]+\s.+)")


def case_sentence(text: str) -> tuple[str, str] | None:
    """The case and what it did, in a sentence that names a case with its year."""
    m = _CASE_SENTENCE.fullmatch(text.rstrip(". "))
    if m and _did(m.group("did")):
        return m.group("case"), m.group("did")
    return None


_CITATION = re.compile(
    r"^(?P<who>[A-Z][\w’'-]*(?: [A-Z][\w’'-]+)?(?:(?:,| &| and| \+) [A-Z][\w’'-]+)*"
    r"(?: et al\.?)?) \((?P<year>(?:(?:early|mid|late|c\.?|approx)\s)?\d{4}s?[a-z]?(?:,[^()]*)?)\)$"
)


_EVENT_NOUNS = frozenset(
    """
    plan act acts treaty pact putsch crisis war wars conference agreement doctrine
    revolution rebellion rising uprising crash strike movement party report bill
    reform reforms league union alliance blockade airlift speech mutiny massacre battle
    campaign election elections constitution days affair offensive decree theses plot coup
    riots famine purges trials invasion landings rally rides migration rush referendum fire
    expedition boycott march protest raid occupation scandal depression recession riot
    compromise declaration charter proclamation edict statute summit revolt boom ultimatum
    settlement entente accords incident shootings bombing bombings
    telegram wall
""".split())
_PLURAL_EVENTS = frozenset("days theses riots purges trials landings rides acts wars reforms "
                           "elections shootings bombings accords".split())


def is_citation(term: str) -> bool:
    if "(" not in term:
        return False  # (no year in brackets: quicker said than by the pattern)
    m = _CITATION.match(term.strip())
    if m is None or m.group("who").split()[-1].lower() in _EVENT_NOUNS:
        return False
    who = m.group("who").split()
    # `Freedom Rides (1961)`: a plural names a thing; `Loftus (1979)`, `Bahrick et al.` people
    return not (len(who) == 2 and who[-1].endswith("s") and not who[-1].endswith("us"))


# ---------------------------------------------------------------------------- sentences

_SENTENCE = re.compile(
    r"^(?P<subject>(?:(?:a|an|the)\s)?[\w’'()/+-]+(?:\s[\w’'()/+-]+){0,4}?)"
    r",?\s(?P<verb>is called|are called|was called|were called|is known as|are known as"
    r"|was known as|were known as|known as|stands for|stand for|means|refers to|is defined as"
    r"|is|are)\s(?P<rest>.+)$",
    re.IGNORECASE,
)
_DEFINING_START = re.compile(
    r"^(?:a|an|the|when|where|how|what|one|any|each)\b|^\w+(?:ing|tion|ment|ness|ity|ance|ence)\b",
    re.IGNORECASE,
)


_NAMED = re.compile(
    r"^(?P<subject>[^\W\d_](?:[\w’'()/+-]*\s){0,11}?[\w’'()/+-]+),?\s(?P<verb>is called|are called|"
    r"was called|were called|is known as|are known as|was known as|were known as)\s"
    r"(?P<rest>.+)$", re.IGNORECASE)


# A word every verb of `_SENTENCE` and `_NAMED` starts with: a sentence without one is
# no definition, and this finds that out sooner than the full patterns do.
_DEFINING_VERB = re.compile(r"\s(?:is|are|was|were|known|stands?|means|refers)\s", re.IGNORECASE)


_PHRASAL_BY = re.compile(r"^(?P<verb>paid|sent|set|called|looked|taken|brought|carried|put)\s"
                         r"(?P<prep>for|up|out|off|over|in)\sby\s(?P<who>.+)$")
_ONE_OF_A_KIND = re.compile(r"the\s(?:only|main|first|last|same|other)\b")
_SUPERLATIVE_WORD = r"(?:[a-z]+est|best|worst|most\s[a-z]+|least\s[a-z]+)"
_SUPERLATIVE = re.compile(_SUPERLATIVE_WORD + r"\s(?P<when>when|if|in|at|during)\s(?P<rest>.+)$")


_VAGUE_SUBJECTS = frozenset("answer the answer result the result it this that one thing".split())


def sentence_pair(sentence: str) -> tuple[str, str, str] | None:
    """(subject, verb, rest) of a defining sentence: `Inflation is a sustained rise …`."""
    if not _DEFINING_VERB.search(sentence):
        return None
    m = _SENTENCE.match(sentence.strip()) or _NAMED.match(sentence.strip())
    if not m:
        return None
    subject, verb, rest = m.group("subject"), m.group("verb").lower(), trim_ends(m.group("rest"))
    if subject.count("(") > subject.count(")"):
        return None  # `Holy Communion (also known as the Eucharist) …`: an aside, no name
    subject = re.sub(r"\s[-–—]$", "", subject.strip())  # `Freiburg (Germany) - known as`
    first = subject.split()[0].lower()
    if first in _NOT_TERM_START or first in ("there", "here") or not has_words(rest) or \
            subject.lower() in _VAGUE_SUBJECTS:
        return None  # (`answer is always negative`: the answer to what, the line above says)
    if verb in ("is", "are") and not _DEFINING_START.match(rest) and not _names_a_class(
            subject, rest):
        return None  # `velocity is higher…` states a fact but defines nothing
    if verb in ("is", "are") and (_SUPERLATIVE.match(rest) or _ONE_OF_A_KIND.match(rest)):
        return None  # `decay is fastest when it's warm`, `polymer is the only product`
    return subject, verb, rest


def _names_a_class(subject: str, rest: str) -> bool:
    """`Hyperinflation is extremely rapid inflation, eg …`: a short noun phrase without an
    article can define too."""
    core = re.split(r",\s|;\s|\s(?:eg|e\.g\.|b/c|because|tho|but)\s", rest)[0].split()
    return (len(subject.split()) <= 3 and 2 <= len(core) <= 8
            and core[0].lower() not in _NOT_DEFINITION_START | _STATEMENT_WORDS | _COMPARATIVES
            and not (core[0].lower() in _STATES_OF and core[1].lower() in _PLACE_WORDS)
            and not any(re.search(r"\d|ing$|ed$|^mainly$|^usually$|^often$|^than$", w.lower())
                        or verb_base(w) or w.lower() in _PARTICIPLES for w in core))


# `column is hot at the bottom`: how a thing is somewhere, not what it is
_STATES_OF = frozenset("hot cold cool warm high low thick thin dense wet dry dark bright soft hard "
                       "full empty open closed".split())
_PLACE_WORDS = frozenset("at in on near inside outside above below".split())
_COMPARATIVES = frozenset("higher lower bigger smaller faster slower greater fewer larger "
                          "stronger weaker cheaper dearer fine ok okay".split())
_PARTICIPLES = frozenset("made found used known seen given shown taken built held kept "
                         "paid sold told sent won lost".split())


_USED = re.compile(r"^(?P<subject>(?:(?:a|an|the)\s)?[\w’'-]+(?:\s[\w’'-]+){0,3})"
                   r"\s(?P<be>is|are|was|were)\s(?:(?:mainly|mostly|often|usually|only)\s)?used\s(?P<how>to|for)\s"
                   r"(?P<rest>.+?)\.?$", re.IGNORECASE)


_EVENT_SENTENCE = re.compile(
    r"^(?P<event>(?:The\s)?[A-Z][\w’'-]*(?:\s(?:of|the|[A-Z][\w’'-]*)){1,5})"
    r"(?:\s\((?P<when>[^()]*\d{4}[^()]*)\))?\s(?P<did>[a-z]+\s.+?)\.?$")


_LED_BY_END = re.compile(r",\s(?:led|organised|organized|started)\sby\s([A-Z][\w’' -]{2,40})$")


_HAS_A = re.compile(r"^(?P<x>(?:(?:a|an|the)\s)?[\w’' -]{2,40}?)\s(?:has|have)\s(?:a|an)\s"
                    r"(?P<y>[\w ]{1,25}?)\sof\s(?:exactly\s|about\s|approx\.?\s|around\s)?"
                    r"(?P<z>[^,;]{1,30})")


_ALSO_KNOWN = re.compile(r"(?P<x>[A-Z][^()]{2,40}?)\s\((?:also\s)?(?:known as|called|aka)\s"
                         r"(?P<y>[^()]{2,40})\)")
_HAPPENS = re.compile(r"(?P<subject>[\w’'() -]{2,40}?)\s(?P<verb>happens?|occurs?|forms?)\s"
                      r"(?P<place>(?:in|at|on|where|when|inside|within|between)\s.+)$")
_WORKS_BEST = re.compile(r"(?P<subject>[\w’'() -]{2,40}?)\s(?:works?|is most active)\sbest\s"
                         r"(?P<where>(?:in|at|when)\s.+)$")


_CONDITIONAL = re.compile(r"^(?P<cond>[Ii]f|[Ww]hen|[Ww]henever|[Oo]nce)\s(?P<x>[^,;]{6,80}),\s"
                          r"(?P<y>[^;]{3,120})$")
_REFERS_BACK = re.compile(r"(?:(?:These|This|Those|That|Such)\s[a-z]+|(?i:when|where|if|because"
                          r"|as|so))\s")
_AT_ITS_BEST = re.compile(r"^(?P<x>[\w’' -]{2,30}?)\s(?P<be>is|are)\s(?P<sup>"
                          + _SUPERLATIVE_WORD + r")\s(?P<how>(?:when|if|in|at|during)\s.+)$")


def statement_facts(sentence: str, *, historical: bool = False) -> list[Fact]:
    """`Acids produce hydrogen ions in water`, `A burette is used to add the acid`: what a
    thing does, asked of the thing; `The Act of Supremacy (1534) made Henry …`: what a
    named event did."""
    sentence = trim_ends(sentence)
    conditional = _CONDITIONAL.match(sentence) if "," in sentence else None
    if conditional:  # `If the temperature rises, the rate increases`: what then happens
        return _clean([Fact("cause", f"What happens {conditional.group('cond').lower()} "
                                     f"{conditional.group('x')}?",
                            trim_ends(conditional.group("y")))])
    if _REFERS_BACK.match(sentence):
        # `These forces act in all directions`: which forces, the line before says;
        # `when river loses energy …`: a condition, with no subject to ask of
        return []
    aka = _ALSO_KNOWN.match(sentence) if "(" in sentence else None
    if aka:  # `Holy Communion (also known as the Eucharist or Mass) remembers …`
        return _clean([Fact("definition", f"What is another name for {aka.group('x')}?",
                            aka.group("y"))])
    best = _AT_ITS_BEST.match(sentence) if "est " in sentence or "most " in sentence \
        or "worst " in sentence else None
    if best and len(best.group("x").split()) <= 4:
        # `decay is fastest when its warm, moist …`: "When is decay fastest?"
        ask = "When" if best.group("how").split()[0] in ("when", "if", "during") else "Where"
        x = best.group("x")
        x = x[0].lower() + x[1:] if x[:1].isupper() and x[1:2].islower() else x
        return _clean([Fact("definition", f"{ask} {best.group('be')} {x} {best.group('sup')}?",
                            trim_ends(best.group("how")))])
    happens = _HAPPENS.match(sentence) if "happen" in sentence or "occur" in sentence \
        or " form" in sentence else None
    if happens and len(happens.group("subject").split()) <= 4:
        # `Profit max happens where MC = MR`: "Where does profit max happen?"
        noun = _subject_noun(happens.group("subject"))
        place = happens.group("place")
        ask = "When" if place.startswith("when") else "Between what" \
            if place.startswith("between") else "Where"
        verb = re.sub(r"s$", "", happens.group("verb"))
        place = re.sub(r"^(?:where|when)\s", "", place)
        if ask == "Between what":  # `… between a metal and a non-metal, covalent …`
            place = split_clauses(place[len("between "):])[0]
        elif len(split_clauses(place)) > 1 and re.search(r"\s(?:at|in|on)\s",
                                                         split_clauses(place)[1]):
            place = split_clauses(place)[0]  # `metal forms at the cathode, non-metal at …`
        return _clean([Fact("definition", f"{ask} {does(noun)} {noun} {verb}?",
                            trim_ends(place))])
    best = _WORKS_BEST.match(sentence) if "best" in sentence else None
    if best and len(best.group("subject").split()) <= 4:
        # `pepsin works best in acidic conditions (approx pH 2)`
        noun = _subject_noun(best.group("subject"))
        return _clean([Fact("definition", f"In what conditions {does(noun)} {noun} work best?",
                            trim_ends(best.group("where")))])
    m = _EVENT_SENTENCE.match(sentence)
    if m and _is_event_name(m.group("event")):
        name = m.group("event")
        name = name[0].lower() + name[1:] if name.startswith("The ") else f"the {name}"
        did, led = m.group("did"), None
        led_by = _LED_BY_END.search(did)
        if led_by:  # `…, led by Robert Aske`
            did, led = did[: led_by.start()], led_by
        was = re.match(r"^(?:was|were)\s(?P<what>(?:a|an|the)\s.+)$", did)
        if _did(did):
            facts = [Fact("definition", f"What did {name} do?", trim_ends(did))]
        elif was:  # `The Pilgrimage of Grace (1536) was a northern rebellion …`
            facts = [Fact("definition", f"What was {name}?", trim_ends(was.group("what")))]
        else:
            facts = []
        if facts and led:
            facts.append(Fact("person", f"Who {led.group(0).split()[1]} {name}?",
                              trim_ends(led.group(1))))
        if facts and m.group("when"):
            facts.append(Fact("date", f"When was {name}?", m.group("when")))
        return _clean(facts)
    m = _USED.match(sentence) if "used" in sentence.lower() else None
    if m:
        noun = _subject_noun(m.group("subject"))
        past = m.group("be").lower() in ("was", "were")
        be = ("were" if past else "are") if is_plural(noun) else ("was" if past else "is")
        ask = f"What {be} {noun} used for?"
        rest = _DASHED.split(m.group("rest"))[0]
        answer = f"to {rest}" if m.group("how") == "to" else rest
        return _clean([Fact("definition", ask, trim_ends(_cut_so(answer)))])
    if historical:
        return []  # in dated notes a subject is a person or a label, not a thing that acts
    has = _HAS_A.match(sentence)
    if has and looks_like_term(re.sub(r"^(?:a|an|the)\s", "", has.group("x"))):
        # `A neutral solution has a pH of exactly 7`
        thing = has.group("x")
        thing = thing[0].lower() + thing[1:] if thing.split()[0] in ("A", "An", "The") else thing
        return _clean([Fact("figure", f"What is the {has.group('y')} of {thing}?",
                            trim_ends(has.group("z")))])
    words = sentence.rstrip(".").split()
    for i in range(1, min(4, len(words) - 1)):
        subject = " ".join(words[:i])
        adverb = words[i] if words[i].endswith("ly") and i + 2 < len(words) and not (
            is_base_verb(words[i]) or verb_base(words[i])) else ""  # (`supply` is no adverb)
        verb = words[i + 1] if adverb else words[i]
        if verb not in _PLURAL_VERBS and verb_base(verb) is None and not is_base_verb(verb):
            continue  # no verb here (the test below, before reading the subject)
        if "," in subject:
            return []  # `muscles contract, glands secrete hormones`: two statements
        obj = " ".join(words[i + 2:] if adverb else words[i + 1:])
        noun = _subject_noun(subject)
        bare = re.sub(r"^(?:a|an|the)\s", "", noun)
        base = verb_base(verb) or (verb if is_plural(noun) and (
            verb in _PLURAL_VERBS or is_base_verb(verb) and i <= 2) else None)
        if base is None:
            continue
        if re.match(r"^by\b:?\s", obj) and looks_like_term(bare) and len(obj.split()) <= 13:
            # `an offer ends by: revocation, rejection, …`
            return _clean([Fact("definition", f"How {does(noun)} {noun} {base}?",
                                trim_ends(re.sub(r"^by\b:?\s", "", obj)))])
        if subject.split()[-1].lower() in ("always", "never", "often", "usually", "also") \
                or _NO_OBJECT.match(obj):
            # `always start w/ …`, `savers lose out …`, `vapour goes into the column`,
            # `vapours rise + condense`: no thing acted on to ask for
            return []
        if (base in ("have", "do", "be") or not looks_like_term(bare) or not obj
                or len(obj.split()) > 12 or obj.split()[0].lower() in _PRONOUNS
                or obj.split()[0].lower() in _NOT_DEFINITION_START):
            return []  # `fully ionises in water`: nothing done to an object to ask for
        adverb = f" {adverb}" if adverb else ""
        noun = drop_parentheses(noun) or noun
        obj = _before_next_verb(obj)
        if base == "make" and obj.startswith("sure "):  # `whips make sure MPs vote …`
            return _clean([Fact("definition", f"What {does(noun)} {noun}{adverb} do?",
                                trim_ends(_cut_so(f"{verb} {obj}")))])
        return _clean([Fact("definition", f"What {does(noun)} {noun}{adverb} {base}?",
                            trim_ends(_cut_so(obj)))])
    return []


_SAY_SO = re.compile(r"(?P<who>[A-Z][\w’'-]*(?:\s[A-Z][\w’'-]*)?)\s(?P<verb>says?|argues?|claims?"
                     r"|believes?|think|thinks)\s(?:that\s)?(?P<what>.+)")
_ABSTRACT_NOUN = re.compile(r"(?:ence|ance|ity|tion|sion|ism|ment|ness|ing|ship|acy|ure|ery)$",
                            re.IGNORECASE)


def sentence_facts(subject: str, verb: str, rest: str) -> list[Fact]:
    rest = trim_ends(re.split(r"\.\s(?=[A-Z])|;\s|\s[-–—]\s(?![^()]*\))", rest)[0])
    said = _SAY_SO.fullmatch(subject)
    if said and verb in ("is", "are"):
        # `Marxists say meritocracy is a myth`: what the school of thought says of it
        do = "does" if said.group("verb").endswith("s") else "do"
        return _clean([Fact("definition", f"What {do} {said.group('who')} say about "
                            f"{said.group('what')}?", f"it {verb} {trim_ends(rest)}")])
    whole = rest
    rest, examples = _split_examples(rest)
    if examples and "," not in examples and not re.search(r",\s?(?:eg|e\.g\.|such as)\s",
                                                          whole):
        examples = ""  # (`… a related key eg the dominant`: an illustration, not a set)
    rest = trim_ends(re.split(r",\s(?:so|which|because|but|and so)\s", rest)[0])
    core = trim_ends(rest)
    if not core:
        return []
    if "called" in verb or "known as" in verb:
        name = drop_parentheses(core)
        noun = _subject_noun(subject)
        past = verb.startswith(("was", "were"))
        ask = "called" if "called" in verb else "known as"
        be = "was" if past else ("are" if verb.startswith("are") else "is")
        facts = [Fact("definition", f"What {be} {noun} {ask}?", name)]
        if len(noun.split()) <= _MAX_REVERSE_WORDS:
            facts.append(Fact("definition", f"What is {quoted(name)}?", noun))
        return _clean(facts)
    if verb in ("stands for", "stand for"):
        return _clean([Fact("definition", f"What does {subject} stand for?", core)])
    if verb in ("means", "refers to", "is defined as"):
        return _clean([Fact("definition", f"What does {quoted(decapitalised(subject))} mean?",
                            core)])
    noun = _subject_noun(subject)
    be = "are" if verb == "are" else "is"
    if verb in ("is", "are") and re.match(r"[a-z]{3,}ing\s", core) and \
            not core.startswith(("being", "nothing", "something", "anything", "everything")) \
            and not _ABSTRACT_NOUN.search(subject):
        # `Plato is pointing up`: what it is doing, no meaning of it (but `Obedience is
        # following a direct order …` defines it)
        return []
    facts = [Fact("definition", f"What {be} {noun}?", core)]
    bare = re.sub(r"^(?:a|an|the)\s", "", subject, flags=re.IGNORECASE)
    if len(core.split()) <= _MAX_REVERSE_WORDS and not core.lower().startswith(("when", "how")):
        facts.append(Fact("definition", term_question(_lowered(core)),
                          decapitalised(bare)))
    if examples:
        facts.append(Fact("list", f"Give an example of {_lowered(bare)}.", examples))
    return _clean(facts)


def _subject_noun(subject: str) -> str:
    subject = subject.strip()
    if subject[:1].isupper() and subject.split()[0].lower() in (
            "a", "an", "the", "some", "many", "most", "all"):
        return subject[0].lower() + subject[1:]
    return decapitalised(subject)


def _lowered(text: str) -> str:
    first = text.split()[0] if text.split() else ""
    if first[:1].isupper() and first[1:].islower() and first.lower() in ("a", "an", "the", "when",
                                                                          "where"):
        return text[0].lower() + text[1:]
    return text


# ---------------------------------------------------------------------------- relations

_ROLE_WORDS = re.compile(
    r"\b(?:king|queen|prince|princess|emperor|empress|tsar|czar|kaiser|president|chancellor"
    r"|minister|secretary|leader|general|admiral|commander|thane|lord|lady|duke|earl|count"
    r"|bishop|archbishop|pope|cardinal|monk|priest|wife|husband|son|daughter|father|mother"
    r"|brother|sister|friend|servant|author|writer|poet|playwright|scientist|inventor|founder"
    r"|governor|mayor|ambassador|diplomat|boss|head|chief|dictator|premier|prime|foreign"
    r"|deputy|commissar|marshal|philosopher|economist|psychologist|composer|painter|artist"
    r"|explorer|revolutionary|activist|campaigner|protester|nurse|doctor|surgeon|judge"
    r"|character|protagonist|narrator|villain|hero|heroine|soldier|knight|heir|successor"
    r"|advisor|adviser|spy|assassin|murderer|rival|ally|Führer|Fuhrer|chairman|governor)s?\b",
    re.IGNORECASE,
)
_ONE_NAME = r"[A-Z][\w’'.-]+(?:\s[A-Z][\w’'.-]+)?"
_PEOPLE = re.compile(rf"{_ONE_NAME}(?:(?:,\s|\s?\+\s|\s&\s|\sand\s|,?\sthen\s){_ONE_NAME}){{1,6}}")
_NAME_WORD = r"(?:[A-Z][\w’'.-]*|of|the|de|von|van|der|da|di|du|la|le|al|bin|ibn)"
_PERSON = re.compile(rf"^[A-Z][\w’'.-]+(?: {_NAME_WORD}){{0,4}}$")
_RELATION_VERBS = {
    "made of": "What is {t} made of?",
    "made from": "What is {t} made from?",
    "made up of": "What is {t} made up of?",
    "consists of": "What does {t} consist of?",
    "composed of": "What is {t} composed of?",
    "measured in": "What is {t} measured in?",
    "found in": "Where is {t} found?",
    "used for": "What is {t} used for?",
    "used to": "What is {t} used to do?",
    "caused by": "What causes {t}?",
    "site of": "What is {t} the site of?",
    "controlled by": "What controls {t}?",
    "produced by": "What produces {t}?",
    "produced in": "Where is {t} produced?",
}
_RELATION = re.compile(r"^(?:(?:is|are|was|were)\s)?(" + "|".join(map(re.escape, _RELATION_VERBS))
                       + r")\s(.+)$", re.IGNORECASE)
_LIST_ITEM = re.compile(r"^[\w’'()/-]+(?:\s[\w’'()/-]+){0,3}$")


_FIRST_SENTENCE_END = re.compile(r"(?<=[a-z)])(?<!\be\.g)(?<!\bi\.e)(?<!\betc)(?<!\beg)\.\s")


_ACRONYM_AND_NOUN = re.compile(r"^(?P<short>[A-Z]{2,6})\s(?P<noun>[a-z]{3,})$")  # `MAC address`


def expands(term: str, meaning: str) -> bool:
    """Whether `meaning` spells out `term`: `DNS = Domain Name System`, `MAC address = Media
    Access Control address`."""
    short = _ACRONYM_AND_NOUN.match(term)
    if short:
        return _expands(short.group("short"), meaning)
    return _is_acronym(term) and _expands(term, meaning)


# Which course or paper a term is for: the student's note, not part of its name
_TIER_ASIDE = re.compile(r"\s*\((?:[^()]*\b(?:only|tier|HT|FT|triple|higher|foundation|"
                         r"extension|A-?level|AS|separate science|chem only|bio only)\b[^()]*)\)",
                         re.IGNORECASE)


_SPELLING_ASIDE = re.compile(r"\s*\((?:NOT|sp\.?|spelling)\s[^()]*\)")


def term_facts(term: str, sep: str, meaning: str, *, historical: bool = False) -> list[Fact]:
    """The cards a term and its meaning call for. In `historical` notes (dated events) a
    capitalised label before a colon is a name or a heading, not a term to define."""
    term = re.sub(r"^(?:each|every)\s(?=\S)", "", term)  # `each nucleotide = …`
    held = _BELIEVED.match(term)
    if held:  # `catholics believe in purgatory - place where …`: what purgatory is
        term = held.group("term")
    term = _TIER_ASIDE.sub("", term) or term  # `condensation polymerisation (triple only)`
    term = _SPELLING_ASIDE.sub("", term) or term  # `catalyst (NOT catalist)`
    if is_citation(term):
        return _citation_facts(term, meaning)
    if is_case(term):
        return _case_facts(term, meaning)
    short = _ACRONYM_AND_NOUN.match(term)
    if short and _expands(short.group("short"), meaning) \
            and re.search(rf"\s{short.group('noun')}\b", meaning):
        # `MAC address = Media Access Control address - unique 48-bit address …`
        cut = re.search(r"\s[-–—]\s", meaning)
        expansion = meaning[:cut.start()] if cut else meaning
        expansion = re.sub(rf"\s{short.group('noun')}\b.*$", "", expansion)
        facts = [Fact("definition", f"What does {short.group('short')} stand for in {term}?",
                      trim_ends(expansion))]
        if cut:
            told = _FIRST_SENTENCE_END.split(meaning[cut.end():])[0]
            facts += [f for f in _described(term, told) if "stand for" not in f.question]
        return _clean(facts)
    if _is_acronym(term) and _expands(term, meaning):
        cut = re.search(r"\s[-–—]\s", meaning)
        expansion, told = (meaning[:cut.start()], meaning[cut.end():]) if cut else (meaning, "")
        told = _FIRST_SENTENCE_END.split(told)[0]  # (its first sentence)
        expansion, aside = split_parenthetical(expansion)
        expansion = trim_ends(re.split(r",\s|;\s", expansion)[0])
        facts = [Fact("definition", f"What does {term} stand for?", expansion)]
        if aside and has_words(aside, 2):
            facts += _aside_facts(term, aside)
        if told and has_words(told, 2):
            # `NIC = Network Interface Card - hardware that lets a device connect …`
            facts += [f for f in _described(term, told) if "stand for" not in f.question]
        return _clean(facts)
    if is_person(term, meaning):
        return _person_facts(term, meaning, past=historical)
    people = drop_parentheses(meaning) or meaning
    if (_PEOPLE.fullmatch(people) and term[:1].isupper()
            and re.search(r"\b[A-Z][a-z]", people) and not any(c.isdigit() for c in people)):
        # `Potsdam (July-Aug 1945): Stalin, Truman, Churchill then Attlee`
        return _clean([Fact("person", f"Who were the key figures of {term}?", meaning)])
    name, _, role = term.partition(", ")
    if role and _PERSON.match(name) and _ROLE_WORDS.search(role) and len(role.split()) <= 8:
        # `Kirov, Leningrad Communist Party boss: murdered Dec 1934`
        return _clean([Fact("person", f"Who was {role}?", name)])
    deed = _deed_of(term, meaning)
    if deed is not None:
        return deed
    conversion = _CONVERSION.fullmatch(term.strip())
    if conversion and meaning.split() and (is_base_verb(meaning.split()[0])
                                           or meaning.split()[0].lower() in _METHOD_STARTS):
        # `binary to denary: add up the place values …`: how to convert one into the other
        return _clean([Fact("definition", f"How do you convert {conversion.group('a')} to "
                            f"{conversion.group('b')}?", meaning)])
    numbered = _SAYING.fullmatch(term.strip())
    if numbered and has_words(meaning, 3):
        # `Clause 39 - no free man can be imprisoned …`: what the numbered part says
        name = numbered.group(0)
        return _clean([Fact("definition", f"What does {name[0].lower()}{name[1:]} say?",
                            meaning)])
    literal = _LITERAL.match(meaning)
    if literal and term[:1].isupper() and len(term.split()) == 1 and (
            literal.group(2) or literal.group(1).islower() and len(literal.group(1).split()) <= 2):
        # `Renaissance = "rebirth" (French), renewed interest in …`: what the word means
        return _clean([Fact("definition", f"What does ‘{term}’ mean?", literal.group(1))])
    group = _group_facts(term, meaning)
    if group or historical and not _defined_in_history(term, meaning):
        return group
    if sep not in ("=", "()") and len(term.split()) == 1 and _ASSOCIATED.fullmatch(meaning) \
            and not _starts_with_verb(meaning):
        return []  # `pancreas – insulin + glucagon`: what it goes with, not what it means
    if historical and _one_name(term) and _names_a_kind(meaning):
        head = trim_ends(split_clauses(drop_parentheses(meaning) or meaning)[0])
        name = term.removeprefix("The ")
        if _PEOPLE_KIND.match(head):  # `The Medici = banking family who ran Florence`
            return _clean([Fact("person", f"Who were the {name}?", head)])
        return _clean([Fact("definition", f"What was the {name}?", head)])  # `Witan = …`
    return _meaning_facts(term, meaning)


_LED_BY = re.compile(r"^(?:(?:was|were|is|are)\s)?(?P<verb>led|founded|set up|run|headed|backed"
                     r"|supported|organised|organized|planned|opposed|formed|started)"
                     r"(?:\s(?:first|mainly|mostly))?\sby\s(?P<who>.+)$", re.IGNORECASE)
_WANTED = re.compile(r"^(?:they\s)?(?:wanted|wants|aimed to|demanded)\s(?P<what>.+)$",
                     re.IGNORECASE)


def _group_facts(term: str, meaning: str) -> list[Fact]:
    """`Mensheviks - also Marxist, led by Martov - wanted a mass party`: in dated notes, who
    led or backed a named group, and what it wanted."""
    name = drop_parentheses(term) or term
    if not (name[:1].isupper() and is_plural(name.split()[-1]) and len(name.split()) <= 4):
        return []
    group = f"the {term}" if not term.lower().startswith("the ") else term
    facts = []
    for clause in split_clauses(meaning, r",\s|;\s|\s[-–—]\s"):
        led = _LED_BY.match(trim_ends(clause))
        if led and len(led.group("who").split()) <= 6 and (
                led.group("who")[:1].isupper() or led.group("verb").lower() == "supported"):
            facts.append(Fact("person", f"Who {led.group('verb').lower()} {group}?",
                              trim_ends(led.group("who"))))
        wanted = _WANTED.match(trim_ends(clause))
        if wanted and 2 <= len(wanted.group("what").split()) <= 10:
            facts.append(Fact("definition", f"What did {group} want?",
                              trim_ends(wanted.group("what"))))
    return _clean(facts)


def _expands(acronym: str, meaning: str) -> bool:
    letters = [c for c in acronym if c.isalpha() and c.isupper()]
    initials = [w[0].upper() for w in re.findall(r"[A-Za-z][\w-]*", meaning)[: len(letters) + 3]]
    if not letters or not initials or initials[0] != letters[0]:
        return False
    # every letter in order somewhere in the words (`DNA = deoxyribonucleic acid`, not
    # `DNA = double helix`)
    rest = iter(meaning.upper())
    return all(letter in rest for letter in letters)


# (`Objectives - what the character wants`, `Multi-roling - one actor plays several parts`)
_NOT_A_ROLE_START = frozenset("what where when how why which one two each every any".split())


def is_person(term: str, meaning: str) -> bool:
    name = drop_parentheses(term)
    if not _PERSON.match(name) or _is_acronym(name) or _is_event_name(term) \
            or name.lower() in _LABELS:
        return False  # (`Findings: 65% …` is a label)
    first_part = re.split(r"\s/\s|;\s|,\s(?![^()]*\))", meaning)[0]
    if re.search(r"(?:al|ism|ist|ics|ology|tion|ness|ity|ship|hood|ment)$",
                 name.split()[-1].lower()):
        return False  # `Deontological: judges actions by duty`: a theory, not a person
    first_part = drop_parentheses(first_part) or first_part  # (`community (monks, …)`)
    role = _ROLE_WORDS.search(first_part)
    if role and role.start() == 0 and first_part.split()[0].lower().endswith("s"):
        role = None  # `judges actions …`: a verb, not a role
    if role and (first_part.split()[0].lower() in _NOT_A_ROLE_START or ":" not in first_part
                 and re.search(r"\b(?:of|for)\s", first_part[:role.start()])):
        role = None  # `the killing of a king`, `nickname for a Royalist soldier`: no one
    if role and re.match(r"\s(?:is|are|was|were)\s", first_part[role.end():]):
        role = None  # `Christ's head is the vanishing point`: a statement, its subject no role
    if _names_a_kind(first_part) and not (role and role.start() < 25):
        return False  # `Witan = council of nobles … who advised the king`: a body, not a person
    kin = any(_KIN.match(trim_ends(part)) for part in re.split(r",\s|\.\s", meaning))
    return bool(role) or kin or (
        first_part[:1].isupper() and len(first_part.split()) <= 6 and " of " in first_part)


def _person_facts(name: str, meaning: str, *, past: bool = False) -> list[Fact]:
    name = drop_parentheses(name) or name  # `Anne Boleyn (m. 1533)`: the name alone
    if re.search(r":\s?[\"“]", meaning):
        return []  # `Russell – fallacy of composition: "every man …"`: a point and its quote
    parts = [trim_ends(p) for p in re.split(r"\s/\s|;\s|\.\s", meaning) if trim_ends(p)]
    facts: list[Fact] = []
    be = "was" if past or re.search(r"\d", meaning) else "is"
    role = parts[0]
    role_core = trim_ends(re.split(r",\s(?![^()]*\))", role)[0])  # (not inside brackets)
    steps = [trim_ends(s) for s in re.split(r"\s?(?:->|→)\s?", role_core)]
    if len(steps) > 1 and all(_PERSON.match(s) and len(s.split()) <= 5 for s in steps):
        # `Thane of Glamis -> Thane of Cawdor -> King of Scotland`
        facts.append(Fact("sequence", f"What titles does {name} hold, in order?",
                          " → ".join(steps)))
    elif len(steps) == 1 and len(role_core.split()) <= 10 and _does(role_core):
        facts.append(Fact("person", f"Who {role_core}?", name))  # `gave Henry his son`
    elif len(steps) == 1 and 2 <= len(role_core.split()) <= 10:
        if _SINGLES_OUT.search(role_core) or len(role_core.split()) >= 3:
            # `chief minister 1532-40` is one person; `Austrian monk` could be many
            the = "" if re.match(r"^(?:a|an|the|his|her|their|its)\b|^\S+[’']s\b|^[A-Z][a-z]",
                                 role_core) else "the "
            facts.append(Fact("person", f"Who {be} {the}{role_core}?", name))
        facts.append(Fact("person", f"Who {be} {name}?", role_core))
    for part in parts[1:] + re.split(r",\s", role)[1:]:
        for clause in re.split(r",\s", part):
            clause = trim_ends(clause)
            known = _KNOWN_AS.match(clause)
            if known:  # `known as the "hunger chancellor" b/c …`
                facts.append(Fact("person", f"What {be} {name} known as?", known.group("as")))
                continue
            kin = _KIN.match(clause)
            if kin and not shows(clause, name):  # `widow of Henry's brother Arthur`
                facts.append(Fact("person", f"Who {be} the {clause[0].lower()}{clause[1:]}?", name))
                continue
            if not _does(clause) or not 2 <= len(clause.split()) <= 12 or shows(clause, name):
                continue
            clause = clause[0].lower() + clause[1:]
            if re.match(r"^\w+ed\s(?:[A-Z]|\d)", clause) and (
                    re.search(r"\d", clause) or len(clause.split()) < 5):
                continue  # `assassinated Memphis 1968`: a place or a time, not who was acted on
            if _MADE_TITLE.match(clause):  # `made Lord Burghley 1571`: a title given them
                facts.append(Fact("person", f"Who {be} {clause}?", name))
                continue
            if _PASSIVE.match(clause):  # `accused of adultery`: what was done to them
                if not re.search(r"\d", clause):
                    facts.append(Fact("person", f"Who {be} {clause}?", name))
            else:
                facts.append(Fact("person", f"Who {clause}?", name))
    return _clean(facts)


_KNOWN_AS = re.compile(r"^(?:known|nicknamed|called)\sas\s(?:the\s)?[\"“‘']?(?P<as>[^\"”’']{3,40})"
                       r"[\"”’']?(?:\s(?:b/c|because)\s.+)?$")
_KIN = re.compile(r"^(?:[Ww]idow|[Mm]other|[Ff]ather|[Ss]on|[Dd]aughter|[Ww]ife|[Hh]usband"
                  r"|[Bb]rother|[Ss]ister|[Nn]ephew|[Nn]iece|[Cc]ousin|[Hh]eir|[Ff]ounder"
                  r"|[Ll]eader)\s(?:of|to)\s[A-Z][\w’' ]{1,40}$")
_SINGLES_OUT = re.compile(r"\d|\b(?:of|to|in|for|who|first|last|only)\b|[’']s\b|\b[A-Z]{2,}\b")
# `executed 1536`, `accused of treason`: done to the person, not by them
_MADE_TITLE = re.compile(r"^(?:made|created|crowned|appointed|named|elected|knighted)\s[A-Z]")
_PASSIVE = re.compile(r"^\w+ed\s(?:\d|for\b|by\b|after\b|in\b|of\b|to\b|at\b|as\b)")


_CONVERSION = re.compile(r"(?P<a>[a-z][\w-]*(?:\s[\w-]+)?)\s(?:to|into)\s"
                         r"(?P<b>[a-z][\w-]*(?:\s[\w-]+)?)", re.IGNORECASE)
_METHOD_STARTS = frozenset("first take add split divide multiply convert group write use read "
                           "start find count".split())
_SAYING = re.compile(r"(?:[Cc]lause|[Aa]rticle|[Aa]mendment|[Ss]ection|[Cc]ommandment|[Rr]ule)"
                     r"\s\d{1,3}")


_BELIEVED = re.compile(r"^[\w ]{2,30}?\s(?:believe|believes)\s(?:in\s)?(?P<term>[\w'’ -]{2,30})$",
                       re.IGNORECASE)


def _deed_of(term: str, meaning: str) -> list[Fact] | None:
    """`Edward Jenner - developed the smallpox vaccine`, `Pope Innocent III - fell out w/
    John over Stephen Langton`: who did it (a person by a name of two or more words)."""
    name = drop_parentheses(term) or term
    words = name.split()
    clause = trim_ends(re.split(r",\s|;\s|\s[-–—]\s|\.\s", meaning)[0])
    if len(words) < 2 or not _PERSON.match(name) or not all(
            w[:1].isupper() or w in ("of", "the", "de", "von", "van", "da") for w in words) \
            or words[0] in ("The", "A", "An") or _did(words[0]) or any(
            re.fullmatch(r"[A-Z]{2,}", w) and not re.fullmatch(r"[IVX]+", w) for w in words) \
            or _is_event_name(term) or not _did(clause) or _MADE_TITLE.match(clause) \
            or _PASSIVE.match(clause) or not 2 <= len(clause.split()) <= 14 \
            or re.match(r"\w+\s(?:up|down|out|off)(?:\s(?:in|at|on|by|to|for)\b|$)", clause):
        return None  # (`set up in the South`: done to it, not by it)
    return _clean([Fact("person", f"Who {clause}?", name)])


def _did(clause: str) -> bool:
    """Whether a clause starts with a past action (`banned segregation`, `made Henry …`)."""
    verb = clause.split()[0].lower() if clause.split() else ""
    return bool(past_base(verb) or (verb.endswith("ed") and len(verb) > 4
                                    and verb not in _ED_NOUNS))


def _does(clause: str) -> bool:
    """Whether a clause starts with what someone did or does (`kills Macbeth`, `gave
    Henry his son`), not with what they were."""
    verb = clause.split()[0].lower() if clause.split() else ""
    return bool(verb_base(verb) or past_base(verb) or
                (verb.endswith("ed") and len(verb) > 4 and verb not in _ED_NOUNS))


_STATEMENT = re.compile(r"\s(?:is|are|was|were|can|cannot|can't|must|only|not|counts?|"
                        r"counted|=|≠|doesn't|isn't|needs?|has|have|had)\s")


def _case_facts(case: str, principle: str) -> list[Fact]:
    rule = trim_ends(re.split(r";\s|\.\s", principle)[0])
    founded = re.match(r"(?:established|set out|created)\s(?!that\s)", rule)
    rule = re.sub(r"^(?:established|held|decided|ruled|showed|set out|created)\s(?:that\s)?",
                  "", rule)
    rule_core = drop_parentheses(rule) or rule
    if len(rule_core.split()) > 30 or not has_words(rule_core, 2):
        return []
    name, year = split_parenthetical(case)
    did = _did(rule_core)
    states = _STATEMENT.search(f" {rule_core} ") or verb_base(rule_core.split()[0])
    which = (f"Which case {founded.group().strip()} {rule_core}?" if founded
             else f"Which case {rule_core}?" if did  # `ended segregation in schools`
             else f"Which case decided that {_lowered(rule_core)}?" if states
             else f"Which case is about {_lowered(rule_core)}?")
    what = f"What did the ruling in {case} do?" if did else f"What did {case} establish?"
    facts = [
        Fact("case", what, rule_core),
        Fact("case", which, drop_parentheses(case) or case),
    ]
    if re.fullmatch(r"\d{4}", year):
        facts.append(Fact("date", f"In what year was {name} decided?", year))
    return _clean(facts)


_FINDING_VERB = re.compile(r"^(?:discovered|found|showed|proposed|suggested|developed|"
                           r"invented|identified|proved|argued|introduced|created|coined)\b")


def _citation_facts(citation: str, finding: str) -> list[Fact]:
    """`Miller (1956): …`, `Chadwick (1932) – discovered the neutron`: what the study
    found, and who found a discovery."""
    who = _CITATION.match(citation.strip())
    name = who.group("who") if who else citation
    facts: list[Fact] = []
    if ";" in finding:  # `Miller (1956): review of research; STM capacity 7±2 items`
        finding = finding.split(";")[-1] if not re.search(r"\s?(?:->|→)", finding.split(";")[-1]) \
            or len(finding.split(";")) == 2 else finding
        finding = trim_ends(finding)
    pieces = [trim_ends(p) for p in re.split(r"\s?(?:->|→)\s?", finding) if trim_ends(p)]
    for k, piece in enumerate(pieces):
        first = trim_ends(re.split(r";\s|\.\s", piece)[0])
        clause = trim_ends(re.split(r",\s", first)[0])
        inner = split_term(piece) if k else None
        theory = _THEORY_NAMED.fullmatch(clause) if k == 0 else None
        if theory:
            # `Merton (1938) - strain theory`, `Christiansen (1977) - twin study, Denmark`
            noun = theory.group("noun").lower()
            if noun in ("study", "experiment"):
                facts.append(Fact("definition", f"What kind of {noun} did {citation} do?",
                                  clause))
            else:
                facts.append(Fact("definition", f"Which {noun} did {name} put forward?",
                                  clause))
                facts.append(Fact("person", f"Who put forward {clause}?", name))
        elif inner is not None and not is_citation(inner[0]):
            facts += term_facts(*inner)
        elif _FINDING_VERB.match(clause) and len(clause.split()) <= 10:
            facts.append(Fact("person", f"Who {clause}?", name))
        elif k == len(pieces) - 1 and k and 2 <= len(first.split()) <= 15:
            facts.append(Fact("definition", f"What did {citation} conclude?", first))
        elif k == 0 and _SAMPLE.match(first):
            # `Peterson & Peterson (1959) – 24 students, consonant trigrams, …`: a method,
            # not a finding
            facts.append(Fact("definition", f"What was the method of {citation}?",
                              _FIRST_SENTENCE_END.split(piece)[0]))
        elif k == 0 and 3 <= len(first.split()) <= 15 and _states(first):
            facts.append(Fact("definition", f"What did {citation} find?", first))
            if len(clause.split()) >= 3 and not re.search(r"\d", clause):
                facts.append(Fact("person", f"Which study found {_lowered(clause)}?", citation))
    return _clean(facts)


_SAMPLE = re.compile(r"^(?:a\s)?(?:sample of\s)?\d[\d,]*\s(?:\w+\s){0,2}(?:students"
                     r"|participants|ppl|people|adults|children|babies|infants|men|women|pps"
                     r"|patients|twins|mothers|schools|pupils)\b", re.IGNORECASE)
# What a study's line names, not a finding: `strain theory`, `social control / social bond
# theory`, `twin study`
_THEORY_NAMED = re.compile(r"(?:the\s)?[\w'’ /-]{2,50}?\s(?P<noun>theory|model|approach|hypothesis"
                           r"|principle|study|experiment)", re.IGNORECASE)
_PROPOSED = re.compile(r"^(?P<what>.{3,60}?)\s[-–—:]\s(?P<who>[A-Z][^()]{1,50}\(\d{4}\))$")


def is_discovery(finding: str) -> bool:
    return _FINDING_VERB.match(finding.strip()) is not None


def _states(clause: str) -> bool:
    """Whether a clause says something happened or holds (a finding), not just what was
    studied (`banding in a comprehensive school`)."""
    for word in clause.lower().split():
        if word in _STATEMENT_WORDS or verb_base(word) or is_base_verb(word) or \
                (word.endswith("ed") and len(word) > 4) or re.search(r"\d|[<>≠=±]", word):
            return True
    return False


def title_facts(title: str) -> list[Fact]:
    """`Multi-store model (MSM) – Atkinson & Shiffrin (1968)`: who proposed it."""
    pair = split_term(title.strip())
    if pair is not None and is_citation(pair[0]) and (
            len(pair[2].split()) >= 3 or _THEORY_NAMED.fullmatch(pair[2].strip())):
        # `Parsons (1961): school is the bridge …` over the points that follow it
        return _citation_facts(pair[0], pair[2])
    if pair is not None and pair[1] == "=" and 1 <= len(pair[2].split()) <= 6 and \
            looks_like_term(pair[0]) and not re.search(r"[\d+/]", title):
        # `Magna Carta = "Great Charter"` as a title: what the name means
        name = pair[0].strip()
        if _is_acronym(name) and not _expands(name, pair[2]):
            return []  # `SER = permanent-ish things`: a word in capitals, no initials
        ask = "stand for" if _is_acronym(name) else "mean"
        return _clean([Fact("definition", f"What does {name} {ask}?",
                            pair[2].strip(" \"“”'‘’"))])
    m = _PROPOSED.match(title.strip())
    if not m or not is_citation(m.group("who")):
        return []
    what = decapitalised(m.group("what"))
    return _clean([Fact("person", f"Who proposed the {what}?" if not what.lower().startswith(
        "the ") else f"Who proposed {what}?", m.group("who"))])


_PROS_CONS = re.compile(r"(?:^|\s/\s)([+-])\s(.+?)(?=\s/\s[+-]\s|$)")
_PARTICIPLE = re.compile(
    r"^(?P<verb>\w+ed|written|made|known|found|built|set|held|run|sent|kept|given|taken|seen|"
    r"spread|caught|bred|fed|"
    r"done|grown|shown|drawn|spoken|chosen|worn|born|caught|bought|brought|paid|sold|told)"
    r"\s(?:(?P<adverb>\w+ly)\s)?(?P<prep>in|by|from|of|into|to|for|with|at|on|as|when|where|if)"
    r"\s(?P<rest>.+)$")
_BECAUSE = re.compile(r"^(?P<verb>\w+)\s(?:b/c|because|bc)\s(?P<rest>.+)$")
_VERB_FORMS = ("releases", "makes", "stores", "produces", "contains", "absorbs", "carries",
               "breaks", "controls", "secretes", "pumps", "kills", "moves", "sends", "adds",
               "removes", "checks", "turns", "converts", "holds", "forms", "allows", "helps")
_STATE_PARTICIPLES = frozenset(
    """
    needed used important useful required necessary called done made introduced built chosen
    kept allowed banned popular unpopular successful unsuccessful
""".split())
_MORE_OR_LESS = re.compile(
    r"(?:more|less|fewer|longer|shorter|bigger|smaller|larger|higher|lower|faster|slower"
    r"|greater|stronger|weaker|warmer|colder|hotter|wider|narrower|deeper|shallower|steeper"
    r"|heavier|lighter|thicker|thinner|older|younger|richer|poorer|cheaper|better|worse)\s\w",
    re.IGNORECASE)
_NAMING = re.compile(r"^(?P<what>.{6,80}?)\s=\s(?P<name>[^=]{2,40})$")


_SYMPTOM = re.compile(
    r"\b(?:rash|fever|pain|aches?|cough(?:ing)?|vomiting|diarrh(?:o)?ea|swelling|discharge"
    r"|cramps|headaches?|fatigue|tiredness|sneezing|itching|nausea|wilting|jaundice|blisters"
    r"|lesions|stunted growth|spots on (?:the )?leaves|mosaic pattern)\b", re.IGNORECASE)


def clause_relation(noun: str, clause: str) -> Fact | None:
    """The question one clause of a meaning answers, asked of `noun`, or None."""
    clause = trim_ends(clause)
    words = clause.split()
    if _SYMPTOM.search(clause) and len(words) <= 10 and not _starts_with_verb(clause) \
            and not re.search(r"\s[-–—]\s", clause):
        # `measles – spread by droplets, red skin rash + fever`: the signs of a disease
        return Fact("definition", f"What are the symptoms of {noun}?", clause)
    if len(words) < 2:
        return None
    relation = _RELATION.match(clause)
    if relation:
        template = _RELATION_VERBS[relation.group(1).lower()]
        return Fact("definition", template.format(t=noun),
                    trim_ends(_DASHED.split(relation.group(2))[0]))
    m = _BECAUSE.match(clause)
    if m and m.group("verb").lower() in _STATE_PARTICIPLES:
        return Fact("cause", f"Why is {noun} {m.group('verb')}?", trim_ends(m.group("rest")))
    m = _PHRASAL_BY.match(clause)
    if m:  # `paid for by Spain + Pope`: "Who paid for the Throckmorton plot?"
        who = trim_ends(re.split(r"\s?(?:->|=>|→)\s?|;\s", m.group("who"))[0])
        return Fact("person", f"Who {m.group('verb')} {m.group('prep')} {noun}?", who)
    m = _PARTICIPLE.match(clause)
    if m and m.group("verb").lower() not in _NOT_PARTICIPLES:
        prep = m.group("prep")
        adverb = f" {m.group('adverb')}" if m.group("adverb") else ""
        if prep in ("when", "where", "if"):
            return Fact("definition", f"When is {noun} {m.group('verb')}{adverb}?",
                        f"{prep} {m.group('rest')}")
        if prep == "by" and m.group("verb").lower() not in ("made",):
            be = "are" if is_plural(noun) else "is"
            return Fact("definition", f"What {be} {noun} {m.group('verb')}{adverb} by?",
                        trim_ends(m.group("rest")))
        be = "are" if is_plural(noun) else "is"
        return Fact("definition", f"What {be} {noun} {m.group('verb')}{adverb} {prep}?",
                    trim_ends(_DASHED.split(m.group("rest"))[0]))
    m = _NAMING.match(clause)
    if m and _MORE_OR_LESS.match(m.group("what")) and _MORE_OR_LESS.match(m.group("name")):
        # `longer fetch = bigger waves`: what a change brings, no name for it
        a = "" if m.group("what").split()[0].lower() in ("more", "less", "fewer") else "a "
        return Fact("cause", f"What does {a}{m.group('what')} lead to?", trim_ends(m.group("name")))
    if (m and len(m.group("name").split()) <= 3 and len(m.group("what").split()) >= 2
            and m.group("what").split()[0] != m.group("name").split()[0]  # (`angle of …`)
            and not re.search(r"\d", m.group("what"))
            and not re.match(r"(?:where|when|if)\s", m.group("what"))  # (`where AR = AC`)
            and not re.search(r"[\d+×/=−]", m.group("name"))):
        return Fact("definition", term_question(_lowered(m.group("what"))),
                    trim_ends(m.group("name")))
    m = re.match(r"^(?:acts|act|works|work|serves|serve)\sas\s(?:an?\s)?(.+)$", clause)
    if m and len(m.group(1).split()) <= 6:  # `acts as a shock absorber`
        return Fact("definition", f"What {does(noun)} {noun} act as?", _cut_so(m.group(1)))
    m = _WHERE_IT_HAPPENS.match(clause)
    if m:  # `happens in chloroplasts`
        verb = re.sub(r"^(\w+?)s?\b", r"\1", m.group("verb").lower())
        return Fact("definition", f"Where {does(noun)} {noun} {verb}?",
                    _cut_so(m.group("place")))
    if words[0].lower() in ("lasts", "last", "takes", "take") and len(words) <= 14 and \
            _DURATION.search(clause):
        # `lasts less than half a sec`
        verb = "last" if words[0].lower().startswith("last") else "take"
        return Fact("definition", f"How long {does(noun)} {noun} {verb}?",
                    _cut_so(" ".join(words[1:])))
    base = verb_base(words[0])
    if base and clause.lower().endswith(" into account") and len(words) > 3:
        # `takes isotopes + their abundance into account`
        return Fact("definition", f"What {does(noun)} {noun} {base} into account?",
                    " ".join(words[1:-2]))
    if base is None and is_plural(noun) and words[0].lower() in _PLURAL_VERBS:
        base = words[0].lower()  # `Ribosomes – make proteins`
    if base in ("stay", "turn", "go", "remain", "become", "get") and len(words) <= 6:
        # `alkane: stays orange`: what happens to it, not what it stays
        return Fact("definition", f"What happens to {noun}?", _cut_so(clause))
    if (base and base not in ("have", "do", "be") and words[1].lower() not in _PRONOUNS
            and not _NO_OBJECT.match(" ".join(words[1:]))
            and (words[1].lower() in ("more", "less")
                 or words[1].lower().strip(":,;") not in
                 _NOT_DEFINITION_START | {"when", "if", "until"})):
        return Fact("definition", f"What {does(noun)} {noun} {base}?",
                    _cut_so(" ".join(words[1:])))
    return None


_DURATION = re.compile(r"\d|\b(?:sec|second|min|minute|hour|hr|day|week|month|year|yr|ages"
                       r"|long|short)s?\b", re.IGNORECASE)
_WHERE_IT_HAPPENS = re.compile(r"^(?P<verb>happens?|occurs?|takes? place)"
                               r"\s(?P<place>(?:in|at|on|inside|within|where)\s.+)$", re.IGNORECASE)
# What parts do (`Ribosomes – make proteins`): a bare verb after a plural term. Other
# words could as well be adjectives (`lower course`), so they are not read as verbs.
# What a verb's object never starts with: a preposition of place or a joining sign
_NO_OBJECT = re.compile(r"(?:(?:out|up|off|down|back|away|on|into|onto|through|across|over|best"
                        r"|smaller|bigger|larger|higher|lower|worse|better|faster|slower|longer"
                        r"|shorter|weaker|stronger|louder|quieter|hotter|colder"
                        r"|towards?|along|around|past)\b|[+(&])")
_PLURAL_VERBS = frozenset("""
    make produce carry contain store control break digest absorb release protect transport
    pump kill secrete filter convert detect send receive hold allow help increase decrease
    maintain stimulate strengthen regulate trap waft engulf attach cause prevent reduce
""".split())


def _cut_so(answer: str) -> str:
    """An answer without the consequence or example the notes add after it (`… so usually
    higher`, `…, eg pure water`)."""
    return trim_ends(_CONSEQUENCE.split(answer)[0])


_CONSEQUENCE = re.compile(r",?\s(?:so|which means|meaning|but)\s|,\s(?:eg|e\.g\.)\s"
                          r"|\s?(?:->|→|=>)\s?")


_PRONOUNS = frozenset("""
    it them this that these those they he she him her its their
""".split())


_NOT_PARTICIPLES = frozenset("""
    need feed seed bed red speed indeed
""".split())


def _defined_in_history(term: str, meaning: str) -> bool:
    """In dated notes, only a lowercase term explained by a description (`kulak – a
    peasant wealthy enough to hire labour`) or a named plan, act or event is defined."""
    if _is_event_name(term):
        return True
    words = meaning.lower().split()
    first = words[0] if words else ""
    if _one_name(term) and len(words) >= 3 and _names_a_kind(meaning):
        return True  # `Witan = council of nobles & churchmen who advised the king`
    if term[:1].islower() and len(term.split()) <= 2 and len(words) >= 3 and \
            _defines(split_clauses(meaning)[0]) and not _did(meaning):
        return True  # `housecarls = Harold's professional, well trained soldiers`
    return term[:1].islower() and (first in ("a", "an", "the", "when", "where") or
                                   bool(_ABSTRACT_HEAD.match(first)))


_LITERAL = re.compile(r"[\"“‘']([^\"“”‘’']{2,30})[\"”’']"
                      r"(\s\((?:French|Latin|Greek|Italian|German|Spanish|Arabic)\))?(?:$|,\s|;\s)")


def _one_name(term: str) -> bool:
    """`Witan`, `The Medici`: a name of one word."""
    return term[:1].isupper() and (len(term.split()) == 1 or bool(
        re.fullmatch(r"The [A-Z][\w'’-]+", term)))


# A kind of people (`banking family who …`), asked "Who were …?"
_PEOPLE_KIND = re.compile(r"(?:an?\s|the\s)?(?:[\w-]+\s)?(?:family|dynasty|tribe|people|clan)\b")


def _names_a_kind(meaning: str) -> bool:
    """`council of nobles …`, `a part-time army …`: a meaning that says what kind of thing."""
    words = [w.strip(",.") for w in meaning.lower().split()]
    if words[:1] and words[0] in ("a", "an", "the"):
        words = words[1:]
    return bool(words) and (words[0] in _KIND_NOUNS or len(words) > 1 and words[1] in _KIND_NOUNS)


# What a named thing in history is a kind of (`Witan = council of …`, `Cheka - secret police`).
_KIND_NOUNS = frozenset("""
    council group body system policy plan law tax army party organisation organization
    movement idea belief court assembly parliament police church ship weapon fort castle
    document book treaty agreement list tribe people dynasty title family clan guild
""".split())


_ABSTRACT_HEAD = re.compile(r"^(?:\w+(?:tion|sion|ment|ance|ence|ity|ism|ness|ure|ship)|"
                            r"policy|system|process|idea|belief|term|name|group|body|plan)$")


def _named_in_meaning(term: str, meaning: str) -> list[Fact] | None:
    """`assassin = Gavrilo Princip, a Bosnian Serb`: a role whose meaning is a person."""
    name = re.match(r"^(?:[A-Z][\w’'-]+\s){1,3}[A-Z][\w’'-]+(?=$|,|\s\(|\s[-–—]\s)", meaning)
    if not name or not term.islower() or len(term.split()) > 2 or is_plural(term):
        return None
    return [Fact("person", f"Who was the {term}?", name.group())]


def _meaning_facts(term: str, meaning: str) -> list[Fact]:
    if not (looks_like_term(term) or _is_event_name(term) or _is_acronym(term)):
        return []
    named = _named_in_meaning(term, meaning)
    if named is not None:
        return named
    facts = _term_aside_facts(term)
    if facts:
        term = drop_parentheses(term) or term
    return facts + _described(term, meaning)


def _term_aside_facts(term: str) -> list[Fact]:
    """`amylase (a carbohydrase)`: the kind of thing the term is."""
    name, aside = split_parenthetical(term)
    if re.fullmatch(r"(?:a|an)\s[a-z]+", aside):
        return [Fact("definition", f"{capitalised(decapitalised(name))} is a type of what?",
                     aside.split()[1])]
    if _is_acronym(aside) and _expands(aside, name) and len(name.split()) >= 2:
        # `Normative social influence (NSI) = …`
        return [Fact("definition", f"What does {aside} stand for?", decapitalised(name))]
    if (re.fullmatch(r"[A-Z][\w’'-]+(?:\s[\w’'-]+){1,3}", aside) and not re.search(r"\d", aside)
            and not any(verb_base(w) for w in aside.split())
            and aside.split()[0].lower() not in _NOT_GLOSS_START):  # (`(NOT catalist)`)
        # `light-independent reaction (Calvin cycle)`: the other name it goes by
        return [Fact("definition", f"What is another name for {article(decapitalised(name))}?",
                     aside)]
    return []


_CONVERTS = re.compile(r"^(?P<what>[\w ]{2,30}?)\s?(?:->|→)\s?(?P<into>[^,;→>]{2,40})$")


def _job_facts(term: str, noun: str, head: str, clauses: list[str]) -> list[Fact]:
    """`Nucleus – contains DNA, controls the activities of the cell`: a part and its jobs,
    asked whole ("What does the nucleus do?") and the other way ("What contains DNA and
    controls the activities of the cell?"), beside the card each job gets of its own."""
    name = decapitalised(drop_parentheses(term) or term)
    plural = is_plural(name)
    parts = [p for c in clauses for p in re.split(r"\s(?:\+|&|and)\s(?=[a-z]+s?\s)", c)]
    if len(parts) < 2 or not looks_like_term(term) or len(name.split()) > 4 \
            or len(head.split()) > 20 or any(re.search(r"\d|[=→>]", p) for p in parts):
        return []
    told = []
    for part in parts:
        verb, _, rest = part.partition(" ")
        third = _third_person(verb.lower(), plural)
        if third is None or not rest:
            return []
        told.append(f"{third} {rest}")
    joined = ", ".join(told[:-1]) + " and " + told[-1]
    head = _FIRST_SENTENCE_END.split(head)[0]  # (`… leads to his downfall. LM's ambition too`)
    return [Fact("definition", f"What {does(noun)} {noun} do?", trim_ends(head)),
            Fact("definition", f"What {joined}?", name)]


def _third_person(verb: str, plural: bool) -> str | None:
    """`contains` as it is, or `absorb` said of chloroplasts as `absorbs`; None for a word
    that is not a verb of a thing's job."""
    if verb.endswith("s") and not verb.endswith("ss") and not plural and verb_base(verb):
        return verb
    if plural and is_base_verb(verb):
        if verb.endswith(("s", "sh", "ch", "x")):
            return verb + "es"
        if verb.endswith("y") and verb[-2:-1] not in "aeiou":
            return verb[:-1] + "ies"
        return verb + "s"
    return None


def _reversed_job(term: str, clause: str) -> Fact | None:
    """`Cell membrane – controls what goes in and out`: "What controls what goes in and
    out of the cell?", answered with the part."""
    name = decapitalised(drop_parentheses(term) or term)
    verb, _, rest = clause.partition(" ")
    third = _third_person(verb.lower(), is_plural(name))
    if (third is None or not looks_like_term(term) or len(name.split()) > 4
            or re.match(r"(?:flown|known|shown|grown|thrown|done|gone|seen|[a-z]+ed)\b", rest)
            or len(clause.split()) < 3 or len(clause.split()) > 14
            or re.search(r"\d|[=→>]", clause)):
        return None
    return Fact("definition", f"What {third} {rest}?", name)


_DIGIT = re.compile(r"\d")


def _described(term: str, meaning: str) -> list[Fact]:
    named = decapitalised(term)  # (before its brackets go: `Freiburg (Germany)` is a place)
    if _is_event_name(term):
        named = _YEAR_AFTER.sub("", named).strip() or named  # `Throckmorton plot 1583`
    noun = article(drop_parentheses(named) or named)
    if _is_event_name(term) and named[:1].isupper() and not noun.lower().startswith("the "):
        noun = f"the {noun}"  # `Who paid for the Throckmorton plot?`
    kinds = _kind_examples(term, meaning)
    if kinds is not None:
        return _clean(kinds)
    converts = _CONVERTS.match(drop_parentheses(meaning) or meaning)
    if (converts and len(converts.group("what").split()) <= 3
            and not any(w in _STATEMENT_WORDS or verb_base(w) for w in
                        converts.group("what").lower().split())
            and not any(is_base_verb(w) or verb_base(w) for w in
                        converts.group("into").lower().split()[1:])
            and not converts.group("what").split()[0].isupper()):
        # (`NEGATIVE electrode -> positive ions go here` says where ions go, no change)
        # `protease - proteins -> amino acids`
        return _clean([Fact("definition", f"What {does(noun)} {noun} turn "
                            f"{converts.group('what').strip()} into?",
                            trim_ends(converts.group("into")))])
    pros_cons = _PROS_CONS.findall(meaning)
    if pros_cons and meaning.lstrip()[:1] in "+-":
        facts = []
        for sign, text in pros_cons:
            side = "advantages" if sign == "+" else "disadvantages"
            facts.append(Fact("list", f"What are the {side} of {noun}?", trim_ends(text)))
        return _clean(facts)
    facts: list[Fact] = []
    head, aside = split_parenthetical(meaning)
    whole_head = head
    head, examples = _split_examples(head)
    # (`alloys - …, eg steel` lists what it is; `number w/ decimal point e.g. 3.14` shows it)
    listed = bool(examples) and ("," in examples or re.search(
        r",\s?(?:eg|e\.g\.|such as)\s", whole_head) is not None)
    clauses = [trim_ends(c) for c in split_clauses(
        head, r",\s(?=[a-z])|;\s|(?<=[a-z]{3})(?<!\betc)(?<!approx)(?<!\bfig)\.\s(?=[a-z])"
        r"|\s/\s(?=[^,;/]*\s[^,;/]*\s)|\s\+\s(?=(?:" + "|".join(_VERB_FORMS)
        + r")\b)")
        if trim_ends(c)]
    clauses = _joined_objects(clauses)
    if not clauses:
        return []
    facts += _job_facts(term, noun, head, clauses)
    definition = clauses[0]
    first = clause_relation(noun, definition)
    if first is not None:
        facts.append(first)
        if len(clauses) == 1 and len(facts) == 1 and first.question.startswith(("What does",
                                                                         "What do")):
            reverse = _reversed_job(term, definition)
            if reverse is not None:
                facts.append(reverse)
        site = re.match(r"^(?:the\s)?site of\s(.+)$", definition)
        if site:
            facts.append(Fact("definition", f"What is the site of {site.group(1)}?",
                              decapitalised(term)))
    elif _is_list(head) and len(head.split(",")) >= 3 and (is_plural(term) or term.endswith(
            ("by", "include", "includes", "are"))):
        items = [trim_ends(i) for i in head.split(",")]
        facts.append(Fact("list", f"{capitalised(term)}: give all {len(items)}.",
                          "\n".join(items)))
        clauses = []
    elif looks_like_term(term) and len(term.split()) <= 3 and _names_a_thing(term) and \
            _described_only(traits := trim_ends(re.split(r"\s[-–—]\s", head)[0])):
        # `Oak: tough, hard, durable - furniture, flooring`: what it is like
        facts.append(Fact("definition", f"What is {decapitalised(term)} like?", traits))
        clauses = []
    elif (looks_like_term(term) and not is_plural(term) and len(term.split()) == 1
          and _SYNONYMS.fullmatch(head) and not re.search(r"\d|\b[A-Z]", head)
          and any(" " in item.strip() or _ABSTRACT_NOUN.search(item.strip())
                  for item in re.split(r",|\s/\s", head))  # (`knee, elbow` are examples)
          and not any(verb_base(w) or is_base_verb(w) or re.search(r"(?:ed|en)$", w)
                      for w in head.replace(",", " ").split())):
        # `Dukkha: suffering, dissatisfaction, unsatisfactoriness`, `Anatta: no fixed self /
        # no soul`: words that each say what the term means
        facts.append(Fact("definition", f"What is meant by {quoted(decapitalised(term))}?",
                          head))
        clauses = []
    elif _is_event_name(term) and len(head.split()) <= 20 and (
            _defines(definition) or term.split()[0].lower() in ("battle", "siege", "war")):
        name = _YEAR_AFTER.sub("", drop_parentheses(term) or term)
        the = "" if name.lower().startswith("the ") else "the "
        ask = "What happened at" if name.split()[0].lower() in ("battle", "siege") else \
            "What were" if name.split()[-1].lower() in _PLURAL_EVENTS else "What was"
        whole = head
        head = trim_ends(re.split(r"\s[-–—]\s", head)[0])  # `armed demos … - failed - …`
        done = _event_clauses(f"{the}{name}", whole)
        if _did(head) and ask == "What was":  # `Civil Rights Act 1964 - banned segregation`
            facts.append(Fact("definition", f"What did {the}{name} do?", head))
        elif not done:
            facts.append(Fact("definition", f"{ask} {the}{name}?", head))
        facts += done
        clauses = []
    elif looks_like_term(term) and _defines(definition) and not (
            term[:1].isupper() and _TITLE_CASE.fullmatch(drop_parentheses(head) or head)):
        # (`Aquinas – Five Ways`: a name and the title of a work, nothing defined)
        rest = [clause_relation(noun, c) for c in clauses[1:]]
        answer = definition if any(rest) or ";" in head or not _few_numbers(head) else head
        if answer is definition and not any(rest) and ";" not in head \
                and _has_verb(" ".join(definition.split()[1:3])) \
                and len(head.split()) <= 30 and _few_numbers(head):
            answer = head  # `water gets into cracks, freezes and expands, …`: one process
        if re.search(r"\s[-–—]\s", answer):  # `wooden barriers - trap sediment - …`
            answer = trim_ends(re.split(r"\s[-–—]\s", answer)[0])
        whole = answer == head or answer == definition and len(clauses) == 1
        if whole and examples and len(examples.split()) <= 5 and not _DIGIT.search(examples):
            answer = f"{answer} eg {examples}"  # `unconscious activities eg heartbeat, …`
        if len(answer.split()) <= _MAX_ANSWER_WORDS and _few_numbers(answer):
            event = _YEAR_AFTER.sub("", drop_parentheses(term) or term).strip()
            asked = (f"What was {'' if event.lower().startswith('the ') else 'the '}{event}?"
                     if _is_event_name(term) and event[:1].isupper()
                     else f"What is meant by {quoted(decapitalised(term))}?")
            dated = _DATED_NAME.fullmatch(term)
            if dated and not _is_event_name(term):  # `Cannae 216 BC – worst Roman defeat`
                name = dated.group("name")
                if re.search(r"['’]s\b", name):  # `Beck's negative triad (1967)`: still held
                    asked = f"What is {name}?"
                else:
                    asked = f"What were the {name}?" if is_plural(name) else f"What was {name}?"
            like = _described_only(answer) and len(term.split()) <= 3 and _names_a_thing(term)
            if like:  # `balsa – v light, soft`: what it is like, not what the word means
                asked = f"What is {decapitalised(term)} like?"
            feature = _FEATURE_AND_WHY.match(definition)
            words = feature.group("feature").lower().split() if feature else []
            if feature and not like and not words[0].endswith("s") and not any(
                    verb_base(w) or is_base_verb(w) or w.endswith(("ing", "ed")) for w in words):
                # `root hair cells - large surface area so more water absorbed`: a feature
                # and what it is for, no meaning of the term: "Why do root hair cells have
                # a large surface area?"
                a = "" if is_plural(feature.group("feature")) else "a "
                why = trim_ends(definition[feature.end():])
                if len(words) <= 4 and has_words(why, 2) and \
                        re.fullmatch(r"[\w' -]+", feature.group("feature")):
                    facts.append(Fact("cause", f"Why {does(noun)} {noun} have "
                                      f"{a}{feature.group('feature')}?", f"so {why}"))
                return _clean(facts)
            facts.append(Fact("definition", asked, answer))
            described = _lowered(re.split(r"\s(?:e\.g\.|eg|for example)\s",
                                          _DASHED.split(definition)[0])[0])
            if not like and _reversible(term, definition, meaning) and \
                    len(described.split()) >= 3:
                facts.append(Fact("definition", term_question(described), decapitalised(term)))
    for clause in clauses[1:]:
        fact = clause_relation(noun, clause)
        if fact is not None:
            facts.append(fact)
    kind = decapitalised(term)
    described = trim_ends(head)
    if listed and kind.islower() and "(" not in kind and not re.search(r"[<>=]", examples):
        if described and is_plural(described) and not is_plural(kind) \
                and len(described.split()) <= 4 and not _has_verb(described) \
                and not re.search(r"\d", described):
            # `medulla – unconscious activities eg heartbeat`: examples of what it covers
            facts.append(Fact("list", f"{capitalised(kind)}: give examples of {described}.",
                              examples))
        else:
            # `alloys - …, eg steel`: examples of a kind of thing, not of a keyword's use
            facts.append(Fact("list", f"Give examples of {_plural(kind)}.", examples))
    if aside and has_words(aside, 2):
        facts += _aside_facts(term, aside)
    return _clean(_merged(facts))


def _merged(facts: list[Fact]) -> list[Fact]:
    """Two clauses that answer one question (`thick discharge, pain when urinating`) are
    one card."""
    merged: dict[str, Fact] = {}
    for fact in facts:
        seen = merged.get(fact.question)
        merged[fact.question] = fact if seen is None else Fact(
            seen.kind, seen.question, f"{seen.answer}, {fact.answer}")
    return list(merged.values())


_ABSTRACT_NOUN = re.compile(r"(?:tion|sion|ness|ity|ence|ance|ment|ism|ing|ship|dom)$")
_SYNONYMS = re.compile(r"[\w'’-]+(?:\s[\w'’-]+){0,2}"
                       r"(?:(?:,|\s/)\s[\w'’-]+(?:\s[\w'’-]+){0,2}){1,3}")


def _joined_objects(clauses: list[str]) -> list[str]:
    """`makes amylase, protease + lipase, releases them …`: the pieces a comma cut from
    what a verb acts on go back to it."""
    joined: list[str] = []
    for clause in clauses:
        if joined and _starts_with_verb(joined[-1]) and not _starts_with_verb(clause) \
                and len(clause.split()) <= 3:
            joined[-1] = f"{joined[-1]}, {clause}"
        else:
            joined.append(clause)
    return joined


def _before_next_verb(text: str) -> str:
    """`light – mostly red + blue, reflects green`: what the first verb acts on ends where
    the next verb starts."""
    clauses = split_clauses(text, r",\s(?=[a-z])|;\s")
    kept = clauses[:1]
    for clause in clauses[1:]:
        if _starts_with_verb(clause):
            break
        kept.append(clause)
    return ", ".join(kept) if kept else text


def starts_with_verb(clause: str, subject: str) -> bool:
    """Whether `clause` says what `subject` does: `releases toxins`, or for a plural
    subject `release toxins`."""
    first = clause.split()[0].lower() if clause.split() else ""
    return _starts_with_verb(clause) or is_plural(subject) and is_base_verb(first)


def _starts_with_verb(clause: str) -> bool:
    first = clause.split()[0].lower() if clause.split() else ""
    return bool(verb_base(first) or _RELATION.match(clause))


_EXAMPLES_FIRST = re.compile(r"^(?:eg|e\.g\.|such as)\s(?P<examples>[^→>]+?)"
                             r"(?:\s?(?:->|→)\s?(?P<role>.+))?$", re.IGNORECASE)


_DASHED = re.compile(r"\s[-–—]\s")


def _kind_examples(term: str, meaning: str) -> list[Fact] | None:
    """`long bones – eg femur, humerus -> used for movement`: a kind of thing given by its
    examples, and what it is for."""
    kind = decapitalised(drop_parentheses(term) or term)
    if not kind.islower() or not looks_like_term(kind):
        return None
    head, aside = split_parenthetical(meaning)
    m = _EXAMPLES_FIRST.match(head)
    if not m or _has_verb(m.group("examples")):
        return None
    examples, role = trim_ends(m.group("examples")), trim_ends(m.group("role") or "")
    facts = [Fact("list", f"Give examples of {_plural(kind)}.", examples)]
    be = "are" if is_plural(kind) else "is"
    used = re.match(r"^used (?:for|in|to)\s(.+)$", role)
    if used:
        facts.append(Fact("definition", f"What {be} {kind} used for?", trim_ends(used.group(1))))
    elif role and len(role.split()) <= 4 and not _has_verb(role):
        facts.append(Fact("definition", f"What is the job of {kind}?", role))
    if aside and has_words(aside, 2) and not aside.lower().startswith(("eg", "e.g")):
        thing = kind if is_plural(kind) else f"{'an' if kind[0] in 'aeiou' else 'a'} {kind}"
        facts.append(Fact("definition", f"What is special about {thing}?", aside))
    return facts


# Words that make a phrase a statement (`prices low`, `right opposed`, `not so united`)
# rather than a term to define.
_STATEMENT_WORDS = frozenset(
    """
    not no so too very had has have was were is are did does do be been being will would can
    could should must may might low high rose fell up down good bad poor better worse more
    less most least also only then than think thinks believe believes say says argue argues
    anything everything something nothing
""".split()
)


def _is_event_name(term: str) -> bool:
    """`Dawes Plan (1924)`, `Treaty of Versailles`, `Battle of Hastings`: a named event,
    plan or law."""
    name = _YEAR_AFTER.sub("", drop_parentheses(term) or term)
    name = _THE.sub("", name)
    words = name.split()
    if len(words) > 2 and words[0].lower().endswith("ing") and words[1].lower() in ("the", "a"):
        return False  # `Breaking the fourth wall`: something done, not an event
    return (2 <= len(words) <= 6 and words[0][:1].isupper()
            and (words[-1].lower() in _EVENT_NOUNS | {"versailles", "rights"}
                 or _NAMED_THING.search(name) is not None)
            or len(words) >= 2 and words[0].lower() in _EVENT_FIRST)


# What tells a named thing from a person's name: `Scramble for Africa`, `Anglo-German
# naval race`.
_NAMED_THING = re.compile(r"^[A-Z][\w-]*\s(?:for|against)\s[A-Z]|^Anglo-")


# `Civil Rights Act 1964`, `Spartacist uprising Jan 1919`, `Munich Putsch 8-9 November 1923`
# a name and its year: `Cannae 216 BC`, `Twelve Tables 451-450 BC`, `Lex Hortensia (287 BC)`
_DATED_NAME = re.compile(r"(?P<name>[A-Z][\w'’-]*(?:\s[A-Za-z][\w'’-]*){0,4})\s\(?(?:c\.\s?)?"
                         r"(?:[0-9]{1,4}\s?[-–]\s?)?(?:[0-9]{1,4}\s?(?:BCE|BC|CE|AD)"
                         r"|1[0-9]{3}|20[0-9]{2})\)?")
_YEAR_AFTER = re.compile(r"\s(?:(?:\d{1,2}(?:-\d{1,2})?\s)?(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep"
                         r"|Oct|Nov|Dec)[a-z]*\.?\s)?(?:1[0-9]{3}|20[0-9]{2})$")
_EVENT_FIRST = frozenset("treaty act plan pact battle siege war peace congress dissolution "
                         "pilgrimage invasion assassination abdication reformation "
                         "restoration revolt concordat harrying".split())


_DONE_BY = re.compile(r"(?:^|\s)(?P<verb>led|crushed|organised|organized|started|planned"
                      r"|defeated|ended|put down|signed)\sby\s(?P<who>[A-Z][^,;()]{1,40}|the\s[A-Z]"
                      r"[^,;()]{1,40})(?:\s\([^()]*\))?$")
_FAILED_BECAUSE = re.compile(r"^(?:it\s)?(?P<verb>failed|collapsed|ended)\s(?:b/c|bc|because)\s"
                             r"(?P<why>.+)$")
_BLAMED_ON = re.compile(r"^(?:was\s)?blamed on\s(?P<who>.{2,40})$")


def _event_clauses(name: str, meaning: str) -> list[Fact]:
    """`Spartacist uprising Jan 1919 - communists led by Rosa Luxemburg, crushed by the
    Freikorps`: who led a named event, who crushed it, why it failed."""
    facts = []
    for clause in split_clauses(meaning, r",\s|;\s|\s[-–—]\s"):
        clause = trim_ends(clause)
        done = _DONE_BY.search(clause)
        if done:
            facts.append(Fact("person", f"Who {done.group('verb')} {name}?",
                              trim_ends(done.group("who"))))
            continue
        failed = _FAILED_BECAUSE.match(clause)
        if failed:
            verb = {"failed": "fail", "collapsed": "collapse", "ended": "end"}[failed.group("verb")]
            facts.append(Fact("cause", f"Why did {name} {verb}?", trim_ends(failed.group("why"))))
            continue
        blamed = _BLAMED_ON.match(clause)
        if blamed:
            facts.append(Fact("person", f"Who was {name} blamed on?",
                              trim_ends(drop_parentheses(blamed.group("who")) or
                                        blamed.group("who"))))
    return facts
_THE = re.compile(r"^the\s", re.IGNORECASE)


def event_date(term: str) -> Fact | None:
    """`Battle of Hastings (14 Oct 1066)`: "When was the Battle of Hastings?"."""
    name, when = split_parenthetical(term)
    if not when and _YEAR_AFTER.search(term):
        name, when = term[: _YEAR_AFTER.search(term).start()], _YEAR_AFTER.search(term).group()
        when = when.strip()
    if not _is_event_name(name) or not re.search(r"\b\d{3,4}\b", when) or \
            len(when.split()) > 4:
        return None
    name = name.strip().rstrip(",;:").strip()  # (`Tilbury speech, Aug 1588`)
    name = mid_sentence(name)
    the = "" if name.lower().startswith("the ") or re.match(r"\S+[’']s\s", name) else "the "
    be = "were" if name.split()[-1].lower() in _PLURAL_EVENTS else "was"
    return Fact("date", f"When {be} {the}{name}?", when)


def looks_like_term(term: str) -> bool:
    """Whether `term` reads as a name for something (a noun phrase) that a definition can
    explain, rather than the start of a statement."""
    words = (drop_parentheses(term) or term).split()
    if " / " in term:  # `zoom in / zoom out`, `triple / rule of three`: two names for one
        words = max((part.split() for part in term.split(" / ")), key=len)
    if not words or len(words) > 4 or (len(words) == 1 and words[0].lower() in _LABELS):
        return False
    if any(w in ("+", "&", "and") for w in words[1:-1]) and words[0][:1].isupper():
        return False  # `Kamanev + Zinoviev`: people, not a term
    if _STUDY_WORDS.search(term):
        return False  # `essay Q practise`: a note to self
    first = words[0].lower()
    if words[0].isupper() and len(words[0]) > 1:
        first = ""  # `AND gate`: a keyword, not a conjunction
    if first in _NOT_DEFINITION_START and not (first in _TERM_ADJECTIVES and 2 <= len(words) <= 3):
        return False  # `small intestine` and `high tide` are terms; `small area eg …` is not
    if first in ("towards", "toward"):
        return False
    if len(words) == 1 and words[0].lower().endswith(("ful", "less")):
        return False  # `hopeful: …` describes, it names nothing (`homozygous` is a term)
    if re.search(r"[²³^√]|^\w\(", term):
        return False  # `O(n²)`: notation, explained by its context rather than defined
    if words[0].isdigit() or _MONTH_NAME.match(words[0]):
        return False  # `1 Dukkha`: a numbered item; `August`: a date, not a term
    for i, word in enumerate(words):
        low = word.lower().strip(",.’'")
        if low in _STATEMENT_WORDS and not (i == 0 and low in ("most", "least")
                                            and len(words) >= 3) and not word.isupper():
            return False  # (`most significant bit` is a term)
        if low.endswith("ed") and len(low) > 4 and not word[:1].isupper() and low not in _ED_NOUNS:
            return False
        if verb_base(low) and (i == 0 or i < len(words) - 1 and low not in _NOUN_VERBS):
            return False  # `chlorophyll absorbs light`: a statement, not a name
        if 0 < i < len(words) - 1 and low in _PLURAL_VERBS and is_plural(words[i - 1]):
            return False  # `neurones carry electrical impulses`
        if past_base(low) and low not in ("cost", "set", "put", "cut", "hit", "let"):
            return False  # `Milgram later wrote`, `lost out`
    return True


_STUDY_WORDS = re.compile(r"\b(?:essay|exam|practi[cs]e|past papers?|homework|revision|mock|todo"
                          r"|textbook|use when)\b", re.IGNORECASE)
# Plurals that are verbs too, read as nouns inside a term (`guard cells open`, `trade plans`).
_NOUN_VERBS = frozenset("cells plants plans forms tests controls rules changes needs uses "
                        "points shows links sets turns works records cuts supplies".split())


_MONTH_NAME = re.compile(r"^(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?$",
                         re.IGNORECASE)
_ED_NOUNS = frozenset("""
    speed seed need feed bed red hundred creed breed steed reed
""".split())


_TITLE_CASE = re.compile(r"[A-Z][\w’'-]*(?:\s(?:[A-Z][\w’'-]*|of|the|and|for|in|on)){1,5}")


def _defines(definition: str) -> bool:
    """Whether a meaning's first clause reads as a definition, not an event or a figure."""
    words = definition.split()
    if len(words) >= 4 and words[0].lower() in ("when", "where"):
        # `natural increase = when the birth rate is higher than the death rate`,
        # `normal profit = where AR = AC`
        return True
    if len(words) < 2 or words[0].lower() in _NOT_DEFINITION_START and not (
            words[0].lower() == "only" and (re.match(r"\w+ed$", words[1]) or words[1][:1].isupper()
                                            or verb_base(words[1]))
            or words[0].lower() in ("large", "small", "big", "high", "low") and len(words) >= 3
            and words[1].lower() not in _NOT_DEFINITION_START | {"than", "as"}):
        # (`penetration pricing - low price to enter market`, `cash cow = high market share`)
        return False  # (`only expressed if 2 copies present`, `large boulders piled …` define)
    last = words[-1].lower().strip(".,")
    if last.endswith("ed") and len(last) > 4 and last not in _ED_NOUNS \
            and len((drop_parentheses(definition) or definition).split()) <= 4 \
            and words[-2].lower() not in ("be", "been", "being", "is", "are", "get", "gets"):
        return False  # `OGPU quelled`: an event told in the past; `to be liked` is not
    if words[0].lower() in ("each", "every") or words[0][:1].isdigit() or "=" in definition:
        return False
    if re.search(r"\b(?:is|are|was|were)\b[^,;]*\bthan\b", definition):
        return False  # `higher pleasures are better than lower ones`: a claim, not a meaning
    if _ROLE_LABEL.fullmatch(definition):
        return False  # `obesity = risk factor`: what it is to something else, not a meaning
    return len(words) <= 25 and _few_numbers(definition)


_ASSOCIATED = re.compile(r"[\w-]+(?:\s(?:\+|&)\s[\w-]+)+")  # single words joined
_ROLE_LABEL = re.compile(r"(?:a\s|an\s|the\s)?(?:main\s|key\s|big\s)?(?:risk\s)?"
                         r"(?:factor|cause|symptom|example|effect|treatment|advantage"
                         r"|disadvantage|reason)s?", re.IGNORECASE)


def _few_numbers(text: str) -> bool:
    """Numbers make a text a figure or an event, unless one small count sits in a
    description (`cell division making 2 identical cells`); `CO2` is a name, not a number."""
    numbers = set(re.findall(r"(?<![\d.,/-])[x×]?\d[\d.,/-]*", text))
    return not numbers or len(numbers) == 1 and "%" not in text and \
        re.fullmatch(r"\d{1,2}(?:-\d{1,3})?", numbers.pop()) is not None


# A meaning that starts with one of these places, dates or qualifies something: it says
# where or when, not what a term means (`enlightenment: under the Bodhi tree`).
_NOT_DEFINITION_START = frozenset(
    """
    no not only but also and or under at in on by from to for with after before during since
    until about around approx his her their its eg e.g. ie i.e. see slow fast quick big small
    easy hard simple cheap expensive good bad high low large very more less faster slower
    better worse
""".split())
# Adjectives that begin many two- or three-word terms (`small intestine`, `low pressure`).
_TERM_ADJECTIVES = frozenset("small big large high low simple fast slow".split())
_LABELS = frozenset(
    """
    criticism criticisms evaluation strengths weaknesses strength weakness internal external
    example examples note notes tip tips context background summary advantages disadvantages
    pros cons aim aims method methods results findings conclusion todo reminder reminders
    opposite problem problems issue issues limitation limitations prevent treat cure
    homework hw revise revision
""".split())


_RELATIVES = frozenset(("that", "which", "who", "where", "whose"))
_MODALS = frozenset("can cannot can't could will won't may might must should would".split())
_ADJECTIVE_END = re.compile(r"(?:ic|al|ive|ous|ful|able|ible|ent|ant)$", re.IGNORECASE)


_PLAIN_ADJECTIVES = frozenset("""
    hard soft tough strong weak light heavy cheap expensive dense brittle smooth rough warm
    cold hot dry wet thin thick fast slow durable flexible rigid shiny dull bright dark clean
    easy difficult simple safe dangerous quiet loud rare common old young rich poor high low
    big small large tall short long wide narrow deep shallow good bad kind cruel brave loyal
    ambitious proud honest greedy selfish jealous clever wise strict lazy calm fierce
    resistant absorbent waterproof magnetic ductile malleable lightweight transparent opaque
    elastic stiff porous toxic stable unstable reactive insoluble soluble renewable
""".split())
_DEGREE = frozenset("v very quite really fairly naturally extremely".split())


_FEATURE_AND_WHY = re.compile(r"^(?P<feature>(?:\S+\s){0,3}\S+)\sso\s(?!many\b|much\b|that\b)",
                              re.IGNORECASE)


def _names_a_thing(term: str) -> bool:
    """Whether `term` could be a thing a few words describe (`balsa`), not a quality
    (`omnipotent - all powerful` says what the word means)."""
    last = term.split()[-1].lower() if term.split() else ""
    return not (len(last) >= 7 and re.search(r"(?:ous|ive|ful|ible|able|ent|ant)$", last))


def _described_only(answer: str) -> bool:
    """`tough, hard, durable`, `v light, soft`: a few words of what a thing is like, and
    nothing else (no use, no process, no name)."""
    items = [trim_ends(item) for item in re.split(r",\s|\s(?:\+|&|and)\s", answer)]
    if len(items) > 6 or len(items) == 1 and len(items[0].split()) < 2:
        return False  # (`adagio - slow`: one word may be what the term means)
    for item in items:
        words = [w for w in item.lower().split() if w not in _DEGREE]
        if not 1 <= len(words) <= 2 or not (words[-1] in _PLAIN_ADJECTIVES or (
                len(words[-1]) > 5 and _ADJECTIVE_END.search(words[-1]))):
            return False
    return True


_DETERMINERS = frozenset("a an the any all each every one two three some its their his her this "
                         "that these those where when".split())
_AFTER_A_VERB = frozenset("at to the a an on in into up out down off what how that".split())


def term_question(described: str) -> str:
    """The question that asks for a term from what it means, worded to fit: "What is the
    term for the movement of water …?", and quoted where the meaning starts with a verb
    (`hints at what will happen later`, `can be drawn out into a wire`)."""
    words = described.split()
    first = words[0].lower() if words else ""
    if first in _DETERMINERS or first.endswith("ing"):
        return f"What is the term for {described}?"
    if len(words) > 1 and words[1].lower() == "of" and first.isalpha() and \
            first not in ("lots", "loads", "plenty", "most", "all", "some"):
        return f"What is the term for the {described}?"  # `movement of water …`
    if first in _MODALS or verb_base(first) or is_base_verb(first) or (
            len(words) > 1 and first.endswith("s") and not first.endswith("ss")
            and words[1].lower() in _AFTER_A_VERB):
        return f"What term means {quoted(described)}?"
    return f"What is the term for {described}?"


def _reversible(term: str, definition: str, meaning: str) -> bool:
    """Whether "What is the term for …?" can be asked: a real term (a short common noun
    phrase) and a real definition (a description with no names, numbers or verbs first)."""
    words = definition.split()
    if not 3 <= len(words) <= 12 or ";" in meaning or re.search(r"\d", meaning):
        return False
    first = list(itertools.takewhile(lambda w: w.lower() not in _RELATIVES, words[:4]))
    if words[0].lower() in ("high", "low"):
        return False  # `cash cow = high market share, low growth`: levels, not a name's meaning
    if words[0].lower() in _MODALS and words[1].lower() in ("also", "only", "still"):
        return False  # `can also be emitted`: said of it, no definition
    if len(term.split()) > 3 or words[0].lower() in _RELATIVES - {"where"} or any(
            verb_base(w) or is_base_verb(w) for w in first):
        return False  # (`anything that opposes the flow of current` is a definition)
    if any(w.lower().endswith("ed") and len(w) > 4 and w.lower() not in _ED_NOUNS
           for w in words[1:3]):
        return False  # `Politburo legalized torture` states an event
    if any(w[:1].isupper() for w in words[1:]) or term[:1].isupper() and " " in term:
        return False
    if words[-1].lower() in _NOT_DEFINITION_START | {"the", "a", "an", "of", "where", "which"}:
        return False  # cut off mid-phrase
    if re.search(r"\b(?:first|then|neither|nor)\b", definition) or re.fullmatch(
            r"[\w-]*[^s\W]\s(?:\+|&|and)\s[\w-]+", definition) or (
            _ADJECTIVE_END.search(words[0]) and words[1].lower() in ("to", "for", "with", "in")):
        # `volunteers first …`, `automatic + rapid`, `specific to …`: no term's definition
        return False
    return not re.search(r"[→>=]|\bis\b|\bwas\b", definition)


_ATTRIBUTE_SPLIT = re.compile(r"\s\|\s|;\s")
_ATTRIBUTE = re.compile(r"^(?P<name>[a-z][a-z ]{1,25}?)\s?[=:]\s?(?P<value>.+)$")


def attribute_facts(term: str, meaning: str) -> list[Fact]:
    """`STM: coding = acoustic | capacity = 7±2 items`: each attribute asked of the term."""
    segments = [trim_ends(p) for p in _ATTRIBUTE_SPLIT.split(meaning)]
    found = [_ATTRIBUTE.match(p) for p in segments]
    if len(segments) < 2 or not all(found):
        return []
    subject = drop_parentheses(term) or term
    if verb_base(subject.split()[0]):
        return []  # `ends in consonant = masc`: a rule, with no thing to ask about
    return _clean([Fact("fact", f"What is the {m.group('name')} of {subject}?",
                        trim_ends(m.group("value"))) for m in found if m])


def _split_examples(text: str) -> tuple[str, str]:
    """`size only -> speed, distance, mass` or `…, eg Germany 1923`: the meaning, the examples."""
    arrow = re.split(r"\s?(?:->|→)\s?", text)
    if (len(arrow) == 2 and "," in arrow[1] and _is_list(arrow[1])
            and len(arrow[0].split()) >= 2 and not _has_verb(arrow[1])):
        return trim_ends(arrow[0]), trim_ends(arrow[1])
    m = re.search(r"(,?)\s(?:eg|e\.g\.|such as)\s(.+)$", text)
    if m and m.start() > 0 and (m.group(1) or ("," in m.group(2) and _is_list(m.group(2)))):
        return trim_ends(text[: m.start()]), trim_ends(m.group(2))
    if m and m.start() > 0 and len(m.group(2).split()) <= 2:
        return trim_ends(text[: m.start()]), trim_ends(m.group(2))  # `… point e.g. 3.14`
    return text, ""


def _aside_facts(term: str, aside: str) -> list[Fact]:
    if aside[:1] in "\"“" and aside[-1:] in "\"”":
        return [Fact("definition", f"Which phrase sums up {quoted(decapitalised(term))}?",
                     aside.strip("\"“”"))]
    if re.match(r"^(?:a|an)\s\w+$", aside):
        return [Fact("definition", f"{capitalised(term)} is a type of what?", aside.split()[1])]
    first = aside.split()[0].lower()
    if first in ("eg", "e.g.", "e.g", "also", "not", "usually", "i.e.", "ie"):
        return []
    base = verb_base(first)
    if base and base != "do" and len(aside.split()) >= 3 and not aside.endswith("?"):
        return [Fact("definition", f"What {does(term)} {term} do?", aside)]
    return []


def _has_verb(text: str) -> bool:
    return any(verb_base(w) or w.endswith(("n't", "ed")) or w in _STATEMENT_WORDS
               for w in text.lower().replace(",", " ").split())


def _is_list(text: str) -> bool:
    items = [trim_ends(i) for i in re.split(r",\s", text)]
    return len(items) >= 2 and all(_LIST_ITEM.match(i) for i in items if i)


def _plural(noun: str) -> str:
    return noun if noun.endswith("s") else noun + "s"


def decapitalised(term: str) -> str:
    """`Atom` → `atom`, `Relative atomic mass (Ar)` → `relative atomic mass (Ar)`, but
    `Newton's 1st law`, `Thomas Cromwell` and `DNA` stay as written."""
    words = (drop_parentheses(term) or term).split()
    if not words:
        return term
    first = words[0].rstrip(".")  # (`No. of firms`)
    if not (len(first) > 1 and first[0].isupper() and first[1:].replace("-", "").isalpha()
            and first[1:].islower()):
        return term
    if any(w[:1].isupper() or w[:1].isdigit() for w in words[1:]):
        return term
    aside = split_parenthetical(term)[1]
    if len(aside) >= 4 and aside.istitle() and aside.isalpha():
        return term  # `Freiburg (Germany)`: a place, named as such
    return term[0].lower() + term[1:]


def _stems(text: str) -> set[str]:
    return {w[:-1] if w.endswith("s") and len(w) > 3 else w
            for w in re.findall(r"[^\W_]{3,}", text.lower())} - {"the", "and", "what", "for"}


_PARTICIPLE_OBJECT = re.compile(r"(?:flown|known|shown|grown|thrown|done|gone|seen|given|taken"
                                r"|[a-z]+ed)\b")
_HALF_A_DEED = re.compile(r"\s(?:let|help|enable|allow)\?$")
_KEEPS_DOING = re.compile(r"\s(?:keep|start|stop|go|continue|begin|finish)\?$")
_GERUND = re.compile(r"[a-z]+ing")


def _clean(facts: list[Fact]) -> list[Fact]:
    """Facts whose question shows neither its own answer nor nothing at all."""
    kept = []
    for fact in facts:
        answer = fact.answer.strip()
        if not answer or not has_words(fact.question.replace("What", ""), 1):
            continue
        if shows(fact.question, answer) or shows(fact.question, drop_parentheses(answer) or "\0"):
            continue
        words = _stems(answer)
        if words and words <= _stems(fact.question):
            continue  # `light year` asked as "the distance light travels in one year"
        if fact.question.startswith(("What does ", "What do ")) and (
                _PARTICIPLE_OBJECT.match(answer) and len(answer.split()) <= 3
                or _HALF_A_DEED.search(fact.question)
                or _KEEPS_DOING.search(fact.question) and _GERUND.fullmatch(answer)):
            # `supplies flown in`: a participle is no object; `lets wireless devices
            # connect`: the object is half of what it does; `keeps happening`: none
            continue
        kept.append(Fact(fact.kind, " ".join(fact.question.split()), answer))
    return kept


_CONDITION_START = frozenset("with without using under over at in on by for from via of".split())
_GLOSSED = re.compile(r"(?:^|\b(?:in|into|as|called|built|made|formed|used|using|uses|use)\s)"
                      r"(?P<noun>[a-z][a-z-]{2,}(?:\s[a-z][a-z-]{2,})?)"
                      r"\s\((?P<gloss>[a-z][^()]{5,70})\)")
_HELD = frozenset("held had has have got gave gives lost holds".split())
_NOT_GLOSS_START = frozenset(
    "eg e.g. ie i.e. approx about see lol etc which this that not only also like sir miss mr "
    "mrs ms check learn exam so but or and the a an sometimes usually often always mostly "
    "mainly normally can could will would may might must should later then now still even "
    "some only just".split())
_NOT_GLOSSED = re.compile(r"\b(?:increases|decreases|rises|falls|goes|is|are|was|were)$")
_SELF_NOTE = re.compile(r"\b(?:sheet|page|textbook|book|website|answers|notes|homework)\b")


def has_gloss(text: str) -> bool:
    return _GLOSSED.search(text) is not None


def glossed_in_sentence(text: str, *, past: bool = False, asked: str = "") -> list[Fact]:
    """`Lived on the Great Plains in bands (groups of extended families)`: a word the
    sentence explains in brackets, asked as "What were bands?"; `sod houses (made of
    earth)`: what they were made of. Words `asked` already holds are left to its cards."""
    facts = []
    for m in _GLOSSED.finditer(text):
        noun, gloss = m.group("noun"), trim_ends(m.group("gloss"))
        verb, _, thing = noun.partition(" ")
        if thing and (verb in _HELD or verb.endswith("ed") or verb_base(verb)):
            noun = thing  # `held imperium (power to command armies …)`: "What is imperium?"
        words = gloss.split()
        if (words[0].lower().rstrip(",.") in _NOT_GLOSS_START | _CONDITION_START
                or re.search(r"\d|[!?=→>]|\betc\b", gloss)
                or noun.split()[0] in _CONDITION_START | {"thru", "through", "into", "onto", "out"}
                or noun.split()[-1] in _NOT_TERM_START or not 3 <= len(words) <= 8
                and not gloss.startswith(("made of ", "made from ")) or shows(asked, noun)
                or _NOT_GLOSSED.search(noun) or _SELF_NOTE.search(gloss)):
            continue  # (nor a word another card of the line asks about)
        be = ("were" if past else "are") if is_plural(noun) else ("was" if past else "is")
        made = re.match(r"made (?:of|from)\s(?P<what>.+)$", gloss)
        if made:
            facts.append(Fact("definition", f"What {be} {noun} made of?", made.group("what")))
        elif not verb_base(words[0].lower()) and not words[0].endswith("ed"):
            facts.append(Fact("definition", f"What {be} {noun}?", gloss))
    return _clean(facts)
