"""Lists: a title that asks for a set over a few short items gives one card for the set
("What are the four erosion processes?"); a numbered list asks for its order."""

from __future__ import annotations

import re

from revise.extract.phrasing import drop_parentheses, lead_title, shows
from revise.extract.terms import Fact, split_term
from revise.notes import trim_ends

_GENERIC = re.compile(r"^(?:key\s+)?(?:terms?|words?|vocab\w*|definitions?|facts?|points?|"
                      r"notes?|glossary)$", re.IGNORECASE)
_MAX_ITEMS = 6
_MAX_ITEM_WORDS = 6
# fmt: off
_SET_WORDS = frozenset((
    "reasons", "causes", "effects", "consequences", "results", "aims", "objectives", "goals",
    "features", "types", "kinds", "impacts", "factors", "characteristics", "advantages",
    "disadvantages", "benefits", "problems", "methods", "examples", "stages", "steps",
    "functions", "roles", "properties", "uses", "outcomes", "strengths", "weaknesses",
    "successes", "failures", "limitations", "achievements", "motives", "arguments",
    "criticisms", "changes", "components", "symptoms", "treatments", "products", "reactants",
    "requirements", "ways", "policies", "differences", "similarities", "processes", "elements",
    "parts", "layers", "laws", "principles", "rules", "organs", "structures", "groups",
    "categories", "forms", "terms", "conditions", "phases", "levels", "sources", "measures",
    "functions", "responsibilities", "powers", "duties", "rights", "values", "beliefs",
))
# fmt: on
_QUESTION = re.compile(r"^(?:why|what|how|which|who|when|where)\b", re.IGNORECASE)
_NUMBER_WORDS = ["", "one", "two", "three", "four", "five", "six"]


_NAMED_BY_USE = re.compile(r"^(?:(?:main\s|common\s)?uses\b|(?:food|chemical|ion|gas)?\s?tests\b)",
                           re.IGNORECASE)


# A part of the whole notes, whose points are numbered for the student's sake
_PART = re.compile(r"(?:key\s)?(?:topic|unit|chapter|section|part|module|lesson|theme)\s\w{1,3}\b",
                   re.IGNORECASE)


_HAS_SET = re.compile(r"(?P<owner>[A-Z][\w'’ ]{1,40}?)\s(?:has|have|had)\s(?:several\s|many\s"
                      r"|a number of\s|some\s|\w+\s)?(?P<what>(?:key\s|main\s|important\s)?"
                      r"[a-z]+)")


_COUNTED_SET = re.compile(
    r"\b(?:two|three|four|five|six|seven|eight|\d)\s(?P<adj>(?:[a-z]+\s){0,2}?)"
    rf"(?P<set>{'|'.join(sorted(_SET_WORDS | {'needs', 'aims'}))})"
    r"(?P<rest>\s(?:of|for|in)\s[^:]{2,40})?$")
_SET_OWNER = re.compile(r"([A-Z]?[a-z][\w ]{2,30}?)\s(?:has|have|had|needs?)\s$")


def list_fact(title: str, parent_topic: tuple[str, ...], items: list[str], *,
              intro: bool, numbered: bool) -> Fact | None:
    """The card for a titled set of items, or None when the title asks for no set or the
    items are too many or too long to recall as one answer."""
    if not 2 <= len(items) <= _MAX_ITEMS:
        return None
    title = trim_ends(title).rstrip(":").strip()
    if len(title.split()) > 12:  # `Conformity is when … Kelman (1958) said there are 3 types`
        title = re.split(r"(?<=[a-z)][.!?])\s+", title)[-1]
    there = re.search(r"\bthere (?:are|were) (?:\w+) (\w.{2,40})$", title)
    if there:
        title = there.group(1)  # `… said there are 3 types`: the types
    has = _HAS_SET.fullmatch(title)
    if has and has.group("what").split()[-1].lower() in _SET_WORDS:
        title = f"{has.group('what')} of {has.group('owner')}"  # `Parliament has six functions`
    if "," in title and not _QUESTION.match(title):
        title = trim_ends(title.rsplit(",", 1)[1])  # `a model of STM only, components`
    if not title:
        return None
    if _GENERIC.match(title):
        return None  # `Key terms` names no set a student would recall
    if _NAMED_BY_USE.match(title):
        return None  # `Uses of EM waves` over `Radio waves - …`: the items are no uses
    lowered = [w.strip("?:()…,.'’‘“”").casefold() for w in title.split()]
    numbered = numbered and not _PART.match(title)  # (`Part C - Depression`: no set)
    asks = (_QUESTION.match(title) or intro or numbered
            or (lowered and (lowered[-1] in _SET_WORDS or lowered[0] in _SET_WORDS)))
    if not asks:
        return None
    names = [_item_name(item) for item in items]
    if all(re.fullmatch(r"(?:short|long|medium)[- ]term", name.strip(), re.IGNORECASE)
           for name in names if name):
        return None  # `short term: …`, `long term: …`: labels of the items, no set
    if not all(names) or any(shows(title, name) for name in names):
        return None  # `abiotic vs biotic factors` over `Abiotic`, `Biotic`: no set to recall
    count = _NUMBER_WORDS[len(names)]
    order = ", in order" if numbered else ""
    if _QUESTION.match(title):
        question = title if title.endswith("?") else title + "?"
        question = f"{question[0].upper()}{question[1:]} Give {count}."
    elif has and title.endswith(has.group("owner")):
        question = f"What are the {count} {title}{order}?"
    elif lowered and lowered[-1] in _SET_WORDS or (lowered and lowered[0] in _SET_WORDS):
        possessive = re.match(r"^(\S+[’']s)\s(.+)$", title)
        if possessive:
            question = f"What are {possessive.group(1)} {count} {possessive.group(2)}{order}?"
        else:
            phrase = title[0].lower() + title[1:] if title[1:2].islower() else title
            if len(lowered) == 1:
                parent = lead_title(parent_topic)
                if parent and parent.lower().startswith(lowered[0]):
                    phrase = parent[0].lower() + parent[1:]  # `types` under `Types of conformity`
                elif parent:
                    phrase = f"{phrase} of {parent}"
            question = f"What are the {count} {phrase}{order}?"
    elif _COUNTED_SET.search(title):
        # `… it performs four essential functions for society:` → "What are the four
        # essential functions for society?"
        m = _COUNTED_SET.search(title)
        rest = m.group("rest") or ""
        owner = _SET_OWNER.search(title[:m.start()])
        owner = re.sub(r"^.*\b(?:said|says|argued|argues|thought|thinks)\s", "",
                       owner.group(1)) if owner else ""
        of = f" of {owner}" if owner and not rest and len(owner.split()) <= 3 else ""
        question = f"What are the {count} {m.group('adj')}{m.group('set')}{rest}{of}{order}?"
    elif intro or numbered:
        question = f"{title}: give all {count}{order}."
    else:
        return None
    return Fact("list", question, "\n".join(names))


def _item_name(item: str) -> str:
    pair = split_term(item)
    name = pair[0] if pair and pair[1] != "()" else item
    if not re.search(r"\w\(", name):  # (`O(n log n) linearithmic`: the brackets are its name)
        name = drop_parentheses(name) or trim_ends(name)
    else:
        name = trim_ends(name)
    if len(name.split()) > _MAX_ITEM_WORDS or re.search(r"\d", re.sub(r"\w\([^()]*\)", "", name)):
        return ""
    return name


_COUNTED = re.compile(r"^(?P<n>\d{1,2}|two|three|four|five|six|seven|eight)\s(?P<what>[^:=]{3,60}?)"
                      r"\s?[:–-]\s(?P<items>[^:;=]+)$", re.IGNORECASE)
_COUNTS = {"two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8}


def counted_list(text: str) -> Fact | None:
    """`3 key things for minority influence: consistency, commitment, flexibility`: the
    items, asked by the count the notes give."""
    m = _COUNTED.match(re.sub(r"\s*\([^()]*\)$", "", text.strip()))  # (an aside at the end)
    if not m:
        return None
    n = m.group("n").lower()
    count = int(n) if n.isdigit() else _COUNTS[n]
    items = [item.strip() for item in re.split(r",\s|\s\+\s|\sand\s", m.group("items"))]
    if count < 2 or len(items) != count or any(not item or len(item.split()) > 5
                                                or item[:1].isdigit() for item in items):
        return None
    return Fact("list", f"What are the {m.group('n')} {m.group('what').strip()}?",
                ", ".join(items))
