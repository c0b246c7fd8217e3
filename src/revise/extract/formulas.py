"""Formulas and equations: `F = m × a`, `speed = distance / time`, exact values
(`sin 30° = 1/2`) and word equations (`carbon dioxide + water → glucose + oxygen`).

A formula is asked whole, as the thing it calculates: "What is the equation for
resultant force?", "How do you calculate speed?", "What is the exact value of sin 30°?".
Numbers inside a formula are never blanked on their own.
"""

from __future__ import annotations

import functools
import re

from revise.extract.phrasing import drop_parentheses, in_own_script, shows
from revise.extract.terms import Fact
from revise.notes import trim_ends

_OPERATOR = re.compile(
    r"[+×÷*/^²³√⁻]|\s[−-]\s|\b\d\s?[a-zθ]\b|\b[a-zθ]\s[a-zθ]\b|\bsin|\bcos|\btan")
_EXACT_VALUE = re.compile(r"[-−]?(?:[\d.,/√½¼¾π°\s]|undefined)+(?:\s?=\s?[-−\d.,/√π°\s]+)?")
_STRONG_OPERATOR = re.compile(r"[×÷*/^²³√⁻]|\s[−-]\s|(?<=\w)\sx\s(?=[\w(])")  # (`mass x g`)
_FUNCTIONS = frozenset("""
    sin cos tan log ln exp sqrt
""".split())


_SUM_OF_NUMBERS = re.compile(r"\d\s?[+×x*/÷−-]\s?\d")
_SHORTHAND = re.compile(r"\b(?:b/c|w/out|w/o|w/|and/or|s/he|n/a)", re.IGNORECASE)


_WORKED = re.compile(r"\s*\((?:so|eg|e\.g\.|ie|i\.e\.)\s[^()]*\)")


_TITLE_WORDS = re.compile(r"[A-Z][a-z]{2,}\s(?:[A-Z][a-z]+|of|the)\b")


@functools.lru_cache(maxsize=4096)
def is_formula(text: str) -> bool:
    if "=" not in text or "=>" in text:
        return False
    text = _SHORTHAND.sub(" ", text)
    lhs, _, rhs = text.partition("=")
    lhs, rhs = lhs.strip(), rhs.strip()
    if not lhs or not rhs or re.fullmatch(r"[A-Za-z]+\s\d+", lhs):
        return False  # (`Category 5 = winds over 252 km/h - …`: a label, no quantity)
    if _is_symbolic(lhs):
        # (`UV = skin cancer + premature ageing of skin`: a name and what it does;
        # `E = Supreme Governor of the Church`: a person's title, no quantity)
        return not (len(lhs) >= 2 and lhs.isupper() and "=" not in rhs
                    and len(re.findall(r"[A-Za-z]{3,}", rhs)) >= 4
                    or _TITLE_WORDS.match(rhs))
    # `speed = distance / time`, not `lower course = lateral erosion + deposition`, nor
    # `Eudaimonia = happiness / flourishing` (a slash between words can mean "or")
    if len(lhs.split()) > 5 or _STRONG_OPERATOR.search(rhs) is None:
        return False
    if re.search(r"[\"“”]", rhs) or len(re.findall(r"[A-Za-z]{3,}", rhs)) > 12:
        return False  # `criticism = "child of its time" - Perrin …`: prose, not a formula
    operators = _STRONG_OPERATOR.findall(rhs)
    # (`mass/volume` divides; `regulation of … a cell/organism to …` says "or")
    operands = rhs.split(" / ")
    if operators == ["/"] and len(operands) == 2 and all("%" in o for o in operands):
        return True  # `PED = % change in quantity demanded / % change in price`
    return not (operators == ["/"] and (lhs[:1].isupper() or "," in rhs
                                        or len(operands) < 2 and len(rhs.split()) > 5
                                        or any(len(o.split()) > 4 for o in operands)))


def _is_value(side: str) -> bool:
    words = re.findall(r"[A-Za-z]{3,}", side)
    return all(w.lower() in _FUNCTIONS or w == "undefined" for w in words)


def _is_symbolic(side: str) -> bool:
    words = re.findall(r"[A-Za-z]{3,}", side)
    return all(w.lower() in _FUNCTIONS for w in words) and len(side) <= 20 \
        and not in_own_script(side)  # (`了 le = completed action`: a word, not a symbol)


_ASSIGNMENT = re.compile(r"(?<![\d.])\b([A-Za-z][^\s=,;]{0,11})\s?=\s?([^\s=;]+)(?=\s|$)")
_QUANTITY_BEFORE = re.compile(r"(?:^|[,;]\s)[\d.]+\s$")


def formula_facts(text: str) -> list[Fact]:
    text = _WORKED.sub("", text)  # `T = 1/f (so f = 50Hz -> T = 0.02 s)`: the formula alone
    assignments = [m.groups() for m in _ASSIGNMENT.finditer(text)
                   if not _QUANTITY_BEFORE.search(text, 0, m.start())]  # not `1 mm = 1000 µm`
    if len(assignments) >= 2 and text.count("=") == len(assignments) and \
            not _STRONG_OPERATOR.search(text) and \
            all(_is_value(value) and not _OPERATOR.search(value) for _, value in assignments):
        return [Fact("formula", f"What is {name} equal to?", value)  # `Na = 2,8,1 Cl = 2,8,7`
                for name, value in assignments if not shows(name, value)]
    parts = [p.strip() for p in re.split(r",\s", text)]
    if len(parts) >= 2 and all("=" in p and len(p) <= 40 and _is_value(p.partition("=")[2])
                               for p in parts):
        facts = []
        for part in parts:
            facts += _one_formula(part, "")
        return facts
    symbolic, description = _split_description(text)
    return _one_formula(symbolic, description)


def _split_description(text: str) -> tuple[str, str]:
    """`F = m × a resultant force (N) = mass (kg) × …` → the formula and the words after."""
    bracketed = re.match(r"^(?P<formula>[^()]+?)\s\((?P<words>[a-z][^()]*=[^()]*)\)$", text)
    if bracketed:  # `V = I × R (p.d. = current × resistance)`
        return bracketed.group("formula"), bracketed.group("words")
    lhs, _, rhs = text.partition("=")
    if not _is_symbolic(lhs.strip()):
        return text, ""
    tokens = rhs.split()
    for k, token in enumerate(tokens):
        bare = token.strip("(),")
        if len(bare) >= 3 and bare.isalpha() and bare.lower() not in _FUNCTIONS:
            description = " ".join(tokens[k:])
            if k == 0 or not re.search(r"\(|=", description):
                break  # `sin θ = opp / hyp`: words in the formula, not after it
            formula = f"{lhs.strip()} = {' '.join(tokens[:k])}".strip()
            return formula, description
    return text, ""


def _one_formula(formula: str, description: str) -> list[Fact]:
    lhs, _, rhs = formula.partition("=")
    lhs, rhs = trim_ends(lhs), trim_ends(rhs)
    lhs = re.sub(r"^(?:then|so|and|therefore)\s(?=\S)", "", lhs)  # `then v = f x λ`
    if lhs.split() and lhs.split()[0].istitle() and len(lhs.split()[0]) > 1 and \
            lhs.split()[0][1:].islower() and not _is_symbolic(lhs):
        lhs = lhs[0].lower() + lhs[1:]  # `Revenue = price x quantity`: "… calculate revenue?"
    if not any(c.isalnum() for c in lhs) or not any(c.isalnum() for c in rhs):
        return []
    facts: list[Fact] = []
    name = ""
    if description:
        m = re.match(r"^([a-z][a-z ’'-]{2,40}?)(?:\s\(|\s=|,|$)", description)
        if m:
            name = trim_ends(m.group(1))
    bare_rhs = drop_parentheses(rhs) or rhs
    first = bare_rhs.split("=")[0]
    if "=" in bare_rhs and _SUM_OF_NUMBERS.search(first) and \
            not re.fullmatch(r"\s*[\d.]+/[\d.]+\s*", first) and \
            not re.search(r"\b(?:sin|cos|tan)\b", lhs):
        return []  # `moles = 88 / 44 = 2 mol`: a worked calculation, no relation to learn
    if "=" in (drop_parentheses(rhs) or rhs) and not description:
        # `a / sin A = b / sin B = c / sin C`: one relation stated as a chain
        return [Fact("formula", f"Complete the equation: {lhs} = ?", rhs)]
    if _is_symbolic(lhs):
        if name:
            facts.append(Fact("formula", f"What is the equation for {name}?", formula))
        elif _EXACT_VALUE.fullmatch(rhs) and re.search(r"\b(?:sin|cos|tan)", lhs):
            facts.append(Fact("formula", f"What is the exact value of {lhs}?", rhs))
        else:
            facts.append(Fact("formula", f"What is {lhs} equal to?", rhs))
    elif _OPERATOR.search(lhs) and not re.search(r"[a-z]{3,}", lhs):
        facts.append(Fact("formula", f"Complete the equation: {lhs} = ?", rhs))
    elif re.match(r"^[~≈]?\s?(?:approx\s)?[\d.,]+", rhs):
        if re.match(r"^\d", lhs):
            return []  # `3 inputs = 8 rows`: a worked case, not a quantity's value
        # `speed of light = 3 x 10^8 m/s`: a value, not a way to work it out
        value = trim_ends(re.split(r"\s\(|,\s|;\s", rhs)[0])
        facts.append(Fact("figure", f"What is the {drop_parentheses(lhs) or lhs}?"
                          if lhs[:1].islower() else f"What is {lhs}?", value))
    else:
        facts.append(Fact("formula", f"How do you calculate {drop_parentheses(lhs) or lhs}?",
                          rhs))
    for m in re.finditer(r"(?<![a-z])([a-z][a-z ’'-]{2,60}?)\s\(([^()]{1,12})\)", description):
        quantity, unit = trim_ends(m.group(1)), m.group(2).strip()
        quantity = re.sub(r"^(?:[a-z]\s=\s|=\s|×\s)", "", quantity)
        if re.fullmatch(r"[A-Za-z/²³ ]{1,10}", unit) and quantity:
            facts.append(Fact("formula", f"What is {quantity} measured in?", unit))
    return [f for f in facts if not shows(f.question, f.answer)]


def word_equation(text: str) -> list[Fact]:
    """`carbon dioxide + water → glucose + oxygen`: asked as its products."""
    if "+" not in text:
        return []  # (no sum to the left of an arrow)
    m = re.match(r"^(?P<lhs>[^→>]+?)\s?(?:→|->|=>)\s?(?P<rhs>[^→>]+)$", text)
    if not m or "+" not in m.group("lhs"):
        return []
    lhs, rhs = trim_ends(m.group("lhs")), trim_ends(m.group("rhs"))
    if len(lhs.split()) > 10 or len(rhs.split()) > 10:
        return []
    if re.search(r"\b(?:is|are|was|were|not|can|can't|cannot|must|will)\b", rhs) \
            or re.search(r"\b(?:masc|fem|neut|pl|plural|vowel)\b", lhs) \
            or re.search(r"\([^()]*\s[^()]*\s[^()]*\)", lhs):
        return []  # `a posteriori (based on …) + inductive -> conclusion is probable`: a claim
    return [Fact("formula", f"Complete the word equation: {lhs} → ?", rhs)]


_EQUATION_LABEL = re.compile(r"^(?P<kind>(?:word|symbol|balanced(?: symbol)?|chemical|ionic)"
                             r"\s(?:eq|eqn|equation)s?|(?:eq|eqn|equation)|in\s[A-Za-z&' ]{2,30}?)"
                             r"\s?:\s(?P<equation>.+)$", re.IGNORECASE)


_REACTION = re.compile(r"respiration|reaction|synthesis|fermentation|combustion|digestion"
                       r"|electrolysis|equation|oxidation|reduction|neutralisation", re.IGNORECASE)


def is_labelled_equation(text: str) -> bool:
    return _EQUATION_LABEL.match(text) is not None


def labelled_equation(text: str, subject: str) -> list[Fact]:
    """`word eq: carbon dioxide + water → glucose + oxygen` under Photosynthesis: "What
    is the word equation for photosynthesis?"; `in muscles: glucose → lactic acid` under
    Anaerobic respiration: the word equation in muscles."""
    m = _EQUATION_LABEL.match(text)
    if not m or not subject:
        return []
    equation, _ = _without_aside(trim_ends(m.group("equation")))
    sides = re.split(r"\s?(?:→|->|=>)\s?", equation)
    if len(sides) != 2 or not all(sides) or any(len(side.split()) > 10 for side in sides):
        return []
    kind = m.group("kind").lower()
    where = ""
    if kind.startswith("in "):
        if not _REACTION.search(subject):
            return []  # `in Germany: inflation → …` is no equation
        kind, where = "word equation", f" {kind}"
    elif re.match(r"^(?:eq|eqn|equation)$", kind):
        kind = "equation"
    else:
        kind = re.sub(r"\s(?:eq|eqn|equation)s?$", " equation", kind)
    return [Fact("formula", f"What is the {kind} for {subject}{where}?", " → ".join(sides))]


def _without_aside(equation: str) -> tuple[str, str]:
    """`6CO2 + 6H2O → C6H12O6 + 6O2 (light + chlorophyll over the arrow)`: the aside is not
    part of the answer."""
    m = re.match(r"^(?P<eq>.+?)\s\((?P<aside>[^()]*)\)$", equation)
    return (trim_ends(m.group("eq")), m.group("aside")) if m else (equation, "")


_SYMBOL_MEANS = re.compile(r"^(?P<symbol>[A-Za-zΔλθρωμ][A-Za-z0-9]?)\s?=\s?"
                           r"(?P<name>[a-z][a-z ]{2,40}?)\s?\((?P<unit>[^()]{1,12})\)$")


def symbol_key(text: str) -> list[Fact]:
    """`W = weight (N), m = mass (kg), g = gravitational field strength (N/kg)`: the key to
    an equation's symbols, each asked with its unit ("What does W stand for?")."""
    parts = [p.strip() for p in re.split(r",\s|;\s", text)]
    found = [_SYMBOL_MEANS.match(p) for p in parts]
    if len(parts) < 2 or not all(found):
        return []
    return [Fact("formula", f"What does {m.group('symbol')} stand for, and in what unit?",
                 f"{m.group('name')} ({m.group('unit')})") for m in found if m]
