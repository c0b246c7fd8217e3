"""Arrows and linking words: what an arrow means decides the card it gives.

In notes an arrow is a cause (`low interest rates -> cheaper borrowing`), a step of a
sequence (`source → upper course → … → mouth`), a new name (`Germany invades USSR =>
Operation Barbarossa`), an example (`=> eg rigged elections`) or a result stated after
an event. Causes are asked forwards only ("What did … lead to?"); linking words
(`because`, `due to`, `b/c`) give "Why …?"; a chain of short steps gives "What comes
after …?" and, when the notes name it, the whole order once.
"""

from __future__ import annotations

import re

from revise.extract.phrasing import has_words, is_plural, quoted, shows, why_question
from revise.extract.terms import Fact
from revise.notes import trim_ends

_ARROWS = r"=>|->|→|⇒|⟹"
ARROW = re.compile(rf"\s?(?:{_ARROWS})\s?")
# The arrows without the spaces around them: whether there is one is found sooner.
_ARROW_MARK = re.compile(_ARROWS)
_STEP = re.compile(r"^[^\s,;:]+(?:\s[^\s,;:]+){0,5}$")
_NAME_WORD = r"(?:[A-Z][\w’'-]*|of|the|and|in|de|v)"
_NAME = re.compile(rf"^{_NAME_WORD}(?:\s(?:{_NAME_WORD}|\d+))*$")
_EXAMPLE = re.compile(r"^(?:e\.?g\.?|eg|for example|such as)\s", re.IGNORECASE)
_PREPOSITION = re.compile(r"^(?:in|on|at|to|into|from|with|by|of|for|as)\b", re.IGNORECASE)
_BECAUSE = re.compile(r"\s(?:because of|because|b/c|bc|due to|as a result of|owing to)\s",
                      re.IGNORECASE)
_LED_TO = re.compile(r"\s(?:led to|leads to|resulted in|results in|caused|causes)\s",
                     re.IGNORECASE)
_CAUSED_BY = re.compile(r"\s(is|are|was|were)\s(?:mainly\s|mostly\s|usually\s)?caused\sby\s",
                        re.IGNORECASE)
_MAX_SIDE = 16


def has_arrow(text: str) -> bool:
    return _ARROW_MARK.search(text) is not None


# A side that states a change (`AD up`, `cheaper borrowing`, `prices rise`): an arrow
# from or to one is a cause, where an arrow between two facts may only mean "then".
_CHANGE = re.compile(
    r"\b(?:up|down|rise[sn]?|rose|fall[s]?|fell|increase[sd]?|decrease[sd]?|more|less|fewer"
    r"|higher|cheaper|dearer|weaker|stronger|faster|slower|bigger|smaller|larger|reduce[sd]?"
    r"|grow[sn]?|grew|shrink[s]?|gain[s]?|loss|lose[s]?|cut[s]?|raise[sd]?|boost[s]?|shortage"
    r"|surplus|worse|better|↑|↓)\b", re.IGNORECASE)
_MAX_CHAIN_CARDS = 3
_SAYS_SO = re.compile(r"^(?:leads? to|led to|causes|caused|results? in|resulted in)\s",
                      re.IGNORECASE)


def _cut_example(text: str) -> str:
    return trim_ends(re.split(r"\s\((?:eg|e\.g\.)\s|,?\s(?:eg|e\.g\.)\s", text)[0])


def arrow_facts(text: str, label: str = "", *, past: bool = False, lead: str = "",
                causal: bool = False, title: str = "") -> list[Fact]:
    """Cards for the arrows in `text`. `label` names a chain when the notes do
    (`long profile: source → …`): then the chain is asked once, whole. `lead` is the
    context a step is asked in; `causal` says the notes' topic is about causes."""
    if ";" in text:  # `fastest flow outside → erosion; slowest inside → deposition`
        return [f for piece in text.split(";")
                for f in arrow_facts(piece, label, past=past, lead=lead, causal=causal)]
    parts = [trim_ends(p) for p in ARROW.split(text)]
    parts = [p for p in parts if not (p.startswith("(") and p.endswith(")"))]  # `-> (attention) ->`
    if len(parts) < 2 or not all(parts):
        return []
    head, colon, first = parts[0].rpartition(": ")
    if (not label and len(parts) >= 3 and colon and has_words(head) and first
            and all(_STEP.match(p) for p in [first, *parts[1:]])
            and not any(_CHANGE.search(p) for p in parts)):
        # `stars like the Sun: main sequence → red giant → …`: stages under a label
        return _clean([Fact("sequence", _order_question(head, title),
                            " → ".join([first, *parts[1:]]))])
    if len(parts) >= 3 and all(_NAME.match(p) or _NAME.match(p.split(" (")[0]) for p in parts):
        # `Secret Police (Cheka) → OGPU → NKVD`: one thing under its successive names
        return _clean([Fact("sequence", f"What did {parts[0]} become, in order?",
                            " → ".join(parts[1:]))])
    if len(parts) >= 3 and all(_STEP.match(p) for p in parts) and label and (
            all(len(p.split()) <= 3 for p in parts) or not any(_CHANGE.search(p) for p in parts)):
        return _clean([Fact("sequence", _order_question(label, title), " → ".join(parts))])
    did = "did" if past else "does"
    facts: list[Fact] = []
    for before, after in zip(parts, parts[1:], strict=False):
        cause = _last_clause(before)
        effect = _first_clause(after)
        if not cause or not effect or len(cause.split()) > _MAX_SIDE:
            continue
        if _EXAMPLE.match(effect):
            example = _EXAMPLE.sub("", effect)
            facts.append(Fact("cause", _led(lead, f"Give an example of {quoted(cause)}."),
                              example))
            continue
        if (_PREPOSITION.match(effect) or len(effect.split()) > _MAX_SIDE
                or effect[:1].isdigit() or not has_words(effect)):
            continue
        if _NAME.match(effect) and not _NAME.match(cause) and len(cause.split()) >= 2 \
                and len(effect.split()) >= 2 and len(parts) == 2 and not re.search(r"\d", cause):
            facts.append(Fact("cause", f"What was {quoted(cause)} called?", effect))
            continue
        if _NAME.match(effect) and _NAME.match(cause):
            facts.append(Fact("sequence", _led(lead, f"What came after {cause}?"), effect))
            continue
        said = _SAYS_SO.match(effect)
        if said:  # `"snowball effect" -> leads to social change`: the notes say it is a cause
            effect = _cut_example(effect[said.end():])
        elif not (causal or _CHANGE.search(cause) or _CHANGE.search(effect)):
            continue  # an arrow between two facts may mean no more than "then"
        if re.search(r"\d", cause) or len(effect.split()) < 2 and not _CHANGE.search(effect):
            continue
        facts.append(Fact("cause", _led(lead, f"What {did} {quoted(cause)} lead to?"), effect))
    if not facts and len(parts) >= 3 and all(_STEP.match(p) for p in parts):
        return _clean([_steps_fact(parts, lead, title)])
    if len(parts) >= 4 and len(facts) >= 2 and all(len(p.split()) <= _MAX_SIDE for p in parts):
        # `solid ionic compound -> ions held in place -> cant move -> no current`: its first
        # link, and the chain asked whole, not link by link
        first = [facts[0]] if len(parts[0].split()) >= 2 else []  # (not `faster -> …`)
        return _clean([*first, Fact("cause", _led(lead, f"What follows from "
                                                        f"{quoted(parts[0])}, in order?"),
                                    " → ".join(parts[1:]))])
    return _clean(facts[:_MAX_CHAIN_CARDS] if len(parts) > 2 else facts)


def _steps_fact(parts: list[str], lead: str, title: str) -> Fact:
    """`sensory register -> STM -> LTM`: the steps between the first and the last;
    `too high -> insulin released -> …` under Blood glucose: what happens then."""
    first, last = parts[0], parts[-1]
    if title and re.fullmatch(r"(?:too|very)\s\w+", first):
        return Fact("sequence", f"What happens when {title[0].lower()}{title[1:]} is {first}?",
                    " → ".join(parts[1:]))
    if len(parts) >= 4:
        return Fact("sequence", _led(lead, f"What comes between {quoted(first)} and "
                                           f"{quoted(last)}, in order?"), " → ".join(parts[1:-1]))
    return Fact("sequence", _led(lead, f"What is the order, from {quoted(first)}?"),
                " → ".join(parts[1:]))


def _led(lead: str, question: str) -> str:
    if not lead or question.startswith(f"{lead}:"):
        return question
    return f"{lead}: {question[0].lower()}{question[1:]}"


_ORDERED = re.compile(r"\b(?:order|stages?|steps?|cycle|process|sequence|chain|route|course"
                      r"|profile|hierarchy|method|procedure|timeline|path)\b", re.IGNORECASE)


def _order_question(label: str, title: str = "") -> str:
    """`life cycle of a star` names an order; `stars like the Sun` names what goes through
    one; a bare `order:` is the order of what its heading names."""
    if _ORDERED.fullmatch(label.strip()):
        return f"{title}: what is the order?" if title else "What is the order?"
    if _ORDERED.search(label):
        return f"What is the order of {_the(label)}?"
    return f"{label[0].upper()}{label[1:]}: what are the stages, in order?"


def _the(label: str) -> str:
    return label if label.split()[0].lower() in ("the", "a", "an") else f"the {label}"


_PRONOUNS = frozenset("this that it these those they he she".split())  # (a cause told before)


def linked_facts(text: str) -> list[Fact]:
    """`X because Y` → "Why X?"; `X led to Y` → "What did X lead to?"."""
    facts: list[Fact] = []
    m = _BECAUSE.search(text)
    if m:
        effect, cause = _last_clause(text[: m.start()]), _first_clause(text[m.end() :])
        cause = re.sub(r"^of\s", "", cause)  # `b/c of literacy tests`
        question = why_question(effect) if effect else None
        if question and cause and len(cause.split()) <= _MAX_SIDE:
            facts.append(Fact("cause", question, cause))
    m = _CAUSED_BY.search(text)
    if m:  # `variation is caused by genes, environment or both`
        thing, cause = _last_clause(text[: m.start()]), _first_clause(text[m.end() :])
        if thing and cause and len(thing.split()) <= 6 and len(cause.split()) <= _MAX_SIDE:
            facts.append(Fact("cause", f"What {m.group(1).lower()} {thing} caused by?",
                              re.sub(r"\s\([^()]*\)$", "", cause)))
        return _clean(facts)
    m = _LED_TO.search(text)
    if m:
        cause, effect = _last_clause(text[: m.start()]), _first_clause(text[m.end() :])
        if re.search(r"\b(?:that|which|who|what)$", cause) or cause.lower() in _PRONOUNS \
                or text[: m.start()].count('"') % 2:
            # `the bacterium that causes TB`: a description, not a cause; `can't say what
            # causes them`, `the "what caused God" q`: a cause asked or quoted, not told
            return _clean(facts)
        # `Pasteur … proved microbes in the air caused decay`: what was proved is the cause
        cause = re.split(r"\s[-–—]\s|\b(?:proved|showed|found|discovered|believed|thought)\s",
                         cause)[-1].strip()
        if cause and effect and len(cause.split()) <= _MAX_SIDE:
            verb = m.group().strip().lower()
            if verb in ("caused", "causes") and len(cause.split()) <= 4 and cause.islower():
                # `microbes in the air caused decay`: "What did microbes in the air cause?"
                do = "did" if verb == "caused" else ("do" if is_plural(cause) else "does")
                facts.append(Fact("cause", f"What {do} {cause} cause?", effect))
            else:
                facts.append(Fact("cause", f"What did {quoted(cause)} lead to?", effect))
    return _clean(facts)


_BOUNDARY = re.compile(r";|[.!?](?=\s+[^\W_a-z])|:\s")


def _last_clause(text: str) -> str:
    start = 0
    for m in _BOUNDARY.finditer(text):
        start = m.end()
    return trim_ends(text[start:])


def _first_clause(text: str) -> str:
    m = _BOUNDARY.search(text)
    return trim_ends(text[: m.start()] if m else text)


def _clean(facts: list[Fact]) -> list[Fact]:
    kept = []
    for fact in facts:
        if fact.answer and not shows(fact.question, fact.answer):
            kept.append(fact)
    return kept
