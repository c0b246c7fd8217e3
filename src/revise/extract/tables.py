"""Table rows: each cell asked from its row's first cell and its column's heading
("What is the relative charge of the electron?"), and a cell unique in its column
asked the other way ("Which particle has relative charge −1?")."""

from __future__ import annotations

import re

from revise.extract.phrasing import (
    article,
    capitalised,
    has_words,
    is_base_verb,
    is_plural,
    shows,
)
from revise.extract.terms import Fact, decapitalised, verb_base
from revise.extract.vocab import language_of
from revise.notes import trim_ends

_ASIDE_COLUMN = re.compile(r"^(?:notes?|comments?|extra|tips?|remarks?|other|misc\w*|\?)$",
                           re.IGNORECASE)
_PARTICIPLE = re.compile(r"^(?:used|made|found|measured|caused|produced|known|called)\b",
                         re.IGNORECASE)


def row_facts(cells: tuple[str, ...], header: tuple[str, ...],
              column_counts: dict[tuple[int, str], int]) -> list[Fact]:
    if len(cells) < 2 or not cells[0].strip():
        return []
    key = trim_ends(cells[0])
    first = trim_ends(header[0]).lower() if header else ""
    if first in _VIEW_COLUMN and len(header) > 2:
        return _view_row(key, cells, header)
    attributes = bool(header) and (first in _ATTRIBUTE_COLUMN
                                   or not first and len(header) > 1)
    if key.endswith("?") and not attributes or key.lower().rstrip("?") in (
            "why", "how", "notes", "note", "eg", "example"):
        return []  # `why?` explains the row above it: no question of its own
    if len(key) == 1 and (not header or len(trim_ends(header[0])) == 1):
        return []  # `| 0 | 1 | 0 | 1 |` under `| A | B | AND | OR |`: one input names no row
    if re.fullmatch(r"[\d.,\s]+", key) and header and (
            column_counts.get((0, key.casefold()), 0) > 1
            or re.fullmatch(r"[a-z_]{1,5}", trim_ends(header[0]))):
        return []  # `| 0 | 8 | 4 |` under `| low | high | mid |`: a trace table's step
    if attributes:
        # (an empty first heading over `| Where | Philippines | USA |`: the columns are
        # the things, the rows what is told of each)
        return _attribute_row(key, cells, header)
    effect = _change_and_effect(key, cells, header)
    if effect is not None:
        return [effect]
    facts: list[Fact] = []
    reverse: Fact | None = None
    language = language_of(list(header[:1]))
    for j in range(1, min(len(cells), len(header) or len(cells))):
        value = trim_ends(cells[j])
        heading = trim_ends(header[j]) if j < len(header) else ""
        if not value or value in ("-", "–", "?") or not heading or _ASIDE_COLUMN.match(heading) \
                or _REASON_COLUMN.match(heading):
            continue  # (a reason is asked with what it explains, never as "the why of X")
        if _GENDER_COLUMN.match(heading):
            continue  # `| le pain | bread | m |`: the article shows it, the word asks it
        if language and language_of([heading]) == "" and j == 1:
            facts.append(Fact("vocabulary", f"What does ‘{key}’ mean?", value))
            facts.append(Fact("vocabulary", f"What is the {language} for ‘{value}’?", key))
            continue
        first = trim_ends(header[0]) if header else ""
        kind = _KIND_COLUMN.fullmatch(first)
        if kind and _PLACE_HEADING.match(heading):
            # `| variable type | in this practical |` over `| independent | concentration |`
            noun = kind.group("noun").lower()
            if ", " in value:  # several of them: asked for, never asked back
                facts.append(Fact("fact", f"What are the {key.lower()} {noun}s "
                                  f"{heading.lower()}?", value))
                continue
            facts.append(Fact("fact", f"What is the {key.lower()} {noun} {heading.lower()}?",
                              value))
            reverse = Fact("fact", f"What type of {noun} is {decapitalised(value)} "
                           f"{heading.lower()}?", key)
            continue
        facts.append(Fact("fact", _ask(key, heading), value))
        if (first and column_counts.get((j, value.casefold()), 0) == 1
                and has_words(first) and len(value) > 1):
            verb = "is" if _PARTICIPLE.match(heading) else "has"
            which = "What" if first.lower() in _GENERIC_COLUMN else f"Which {first.lower()}"
            reverse = Fact("fact", f"{which} {verb} {heading.lower()} {value}?", key)
            if heading.lower() in ("example", "examples", "eg", "e.g."):
                reverse = Fact("fact", f"{value} is an example of which {first.lower()}?", key)
    if reverse is not None:  # one row asked the other way, by its last telling cell
        facts.append(reverse)
    return [f for f in facts if not shows(f.question, f.answer)]


_KIND_COLUMN = re.compile(r"(?P<noun>[A-Za-z]+)\s(?:type|kind)s?", re.IGNORECASE)
_PLACE_HEADING = re.compile(r"(?:in|for|during|at|on)\s", re.IGNORECASE)
_GENDER_COLUMN = re.compile(r"^(?:gender|genre|genus|g|m/f|m or f)$", re.IGNORECASE)
_REASON_COLUMN = re.compile(r"^(?:why|reasons?|because|explanation|how)\??$", re.IGNORECASE)
_EFFECT_COLUMN = re.compile(r"^effect\s(?:on|of)\s(?P<on>.+)$", re.IGNORECASE)


def _change_and_effect(key: str, cells: tuple[str, ...], header: tuple[str, ...]) -> Fact | None:
    """`| Temperature | increase | increases | more collisions |` under `| Factor | Change |
    Effect on rate | Why |`: one card a row, "Temperature: what is the effect on rate of an
    increase?", answered with the effect and its reason."""
    names = [trim_ends(h).lower() for h in header]
    if len(cells) != len(header) or "change" not in names:
        return None
    effect = next((j for j, h in enumerate(names) if _EFFECT_COLUMN.match(h)), None)
    if effect is None:
        return None
    change = trim_ends(cells[names.index("change")])
    outcome = trim_ends(cells[effect])
    if not change or not outcome:
        return None
    reason = next((trim_ends(cells[j]) for j, h in enumerate(names) if _REASON_COLUMN.match(h)
                   and trim_ends(cells[j])), "")
    what = _EFFECT_COLUMN.match(names[effect]).group("on")
    first = change.split()[0].lower()
    of = "adding it" if first in ("add", "added", "adding") else \
        "removing it" if first in ("remove", "removed", "removing") else \
        f"{'an' if change[0].lower() in 'aeiou' else 'a'} {change}"
    answer = f"{outcome} – {reason}" if reason else outcome
    return Fact("fact", f"{key}: what is the effect on {what} of {of}?", answer)


# A first column headed by one of these names nothing a question can ask "which" of.
_GENERIC_COLUMN = frozenset("name names item items term terms word words thing things".split())
# A first column of these holds attributes, and the other columns' headings are the things
# (`| property | ionic | covalent |`): a cell is asked as "Ionic: what is the melting point?".
_ATTRIBUTE_COLUMN = frozenset(
    "property properties feature features characteristic characteristics attribute "
    "aspect criterion".split())


# A first column of these holds what groups or thinkers take a view on, and the other
# columns' headings are who (`| Topic | Catholic | Protestant |`)
_VIEW_COLUMN = frozenset("topic topics issue issues belief beliefs view views area areas "
                         "theme themes question questions".split())


def _view_row(key: str, cells: tuple[str, ...], header: tuple[str, ...]) -> list[Fact]:
    """`| Purgatory | yes | no |` under `| Topic | Catholic | Protestant |`: "What is the
    Catholic view on salvation?"; a bare yes or no tells nothing asked so."""
    facts = []
    for j in range(1, min(len(cells), len(header))):
        value, who = trim_ends(cells[j]), trim_ends(header[j])
        if not value or not who or value.lower() in ("yes", "no", "-", "–", "?"):
            continue
        question = f"What is the {who} view on {key}?"  # (as written: `Mary` is a name)
        if not shows(question, value):
            facts.append(Fact("fact", question, value))
    return facts


_MODAL_KEY = re.compile(r"(?P<who>[A-Za-z][\w ]{1,20}?)\s(?P<modal>should|must|can|will|does|do)"
                        r"\s?(?:…|\.\.\.)?")


# A case and number, as a table of a noun's forms names its rows (`gen sg`, `abl pl`)
_FORM_KEY = re.compile(r"(?:nom|acc|gen|dat|abl|voc|loc|nominative|accusative|genitive|dative"
                       r"|ablative|vocative)\.?\s?(?:sg|pl|sing|plur|singular|plural)\.?",
                       re.IGNORECASE)
_MODEL_WORD = re.compile(r"\(([^\W\d_]+)\)")
# The persons of a verb table's rows, in the languages taught at school
_PERSONS = frozenset("""yo tú tu él ella él/ella usted nosotros vosotros ellos ellas ellos/ellas
    ustedes je j' il elle il/elle on nous vous ils elles ils/elles ich du er sie er/sie/es wir ihr
    sie/sie io lui lei lui/lei noi voi loro""".split())
_THEY_KEY = re.compile(r"(?P<wh>where|when|how|what|why)\s(?:they|it)\s(?P<rest>\w.*)",
                       re.IGNORECASE)
_WH_KEY = re.compile(r"(?:how|what|who|when|where|why|which)\s", re.IGNORECASE)


def _attribute_row(key: str, cells: tuple[str, ...], header: tuple[str, ...]) -> list[Fact]:
    if _ASIDE_COLUMN.match(key) or re.match(r"^key\s(?:facts?|points?)$", key, re.IGNORECASE):
        return []  # `| Key fact | … |`: no question a student could answer
    facts = []
    values = [trim_ends(c) for c in cells[1:len(header)]]
    how = _grade([v for v in values if v not in ("", "-", "–", "?")])
    for j in range(1, min(len(cells), len(header))):
        value, thing = trim_ends(cells[j]), trim_ends(header[j])
        if value and thing and value not in ("-", "–", "?"):
            if key.lower() in ("where", "when"):
                question = f"{key.capitalize()} was {thing}?"  # `Where was Typhoon Haiyan?`
            elif key.lower() in _PERSONS:  # `| yo | hablé | comí |` under `| | -ar | -er |`
                question = f"What is the {key} form of {thing}?"
            elif _FORM_KEY.fullmatch(key) and _MODEL_WORD.search(thing):
                # `| gen sg | puellae | servi |` under `| | 1st (puella) | 2nd m (servus) |`
                word = _MODEL_WORD.search(thing).group(1)
                facts.append(Fact("vocabulary", f"What is the {key} of {word}?", value))
                continue
            elif _THEY_KEY.match(key):  # `| where they mature | bone marrow | thymus |`
                m = _THEY_KEY.match(key)
                do = "do" if is_plural(thing) else "does"
                question = f"{m.group('wh').capitalize()} {do} {thing} {m.group('rest')}?"
            elif key[:1].islower() and len(key.split()) <= 3 \
                    and (verb_base(key.split()[0]) or is_base_verb(key.split()[0])):
                do = "do" if is_plural(thing) else "does"
                question = f"What {do} {thing} {key}?"  # `| bind to | free antigens | … |`
            elif key.endswith("?") and len({v.lower() for v in values if v}) == 1:
                continue  # `| memory cells? | yes | yes |`: the same for each, nothing told
            elif key.endswith("?") or _WH_KEY.match(key):
                # `| Can block bills? | Yes | No - can only delay |`, `| How chosen | … |`
                question = f"{capitalised(thing)}: {decapitalised(key).rstrip('?')}?"
            elif how:
                question = f"{capitalised(thing)}: what is the {how} of the " \
                           f"{decapitalised(key)}?"
            elif _MODAL_KEY.fullmatch(key):
                # `| Audience should… | empathise |`: "Stanislavski: what should the audience do?"
                m = _MODAL_KEY.fullmatch(key)
                question = f"{capitalised(thing)}: what {m.group('modal').lower()} " \
                           f"the {m.group('who').lower()} do?"
            else:
                be = "are" if is_plural(key) else "is"
                question = f"{capitalised(thing)}: what {be} the {decapitalised(key)}?"
            if not shows(question, value):
                facts.append(Fact("fact", question, value))
    return facts


def _ask(key: str, heading: str) -> str:
    if heading.lower() in ("example", "examples", "eg", "e.g."):
        return f"Give an example: {key}."
    if heading.endswith("?"):
        return f"{key}: {heading}"
    if _PARTICIPLE.match(heading):
        return f"What is {article(key)} {heading.lower()}?"
    be = "are" if is_plural(heading) else "is"
    return f"What {be} the {heading.lower()} of {article(key)}?"


# Words that grade a level or an amount: a row or a comparison told in them asks for the
# level or the amount ("Perf comp: what is the level of the barriers?"), since "what are
# the barriers?" invites a list of barriers.
_GRADES = (
    ("level", re.compile(r"^(?:very\s|quite\s)?(?:high|low|none)$", re.IGNORECASE)),
    ("speed", re.compile(r"^(?:very\s|quite\s)?(?:fast|slow|quick)$", re.IGNORECASE)),
    ("strength", re.compile(r"^(?:very\s|quite\s)?(?:strong|weak)$", re.IGNORECASE)),
    ("amount", re.compile(r"^(?:very\s|quite\s)?(?:lots|a lot|little|much|a small amount"
                        r"|a large amount|none)$", re.IGNORECASE)),
)


def _grade(values: list[str]) -> str | None:
    """"level" when every value is a level (`none`, `low`, `very high`), "amount" when every
    one is an amount, and so on; None when the values are not graded."""
    for how, grade in _GRADES:
        if len({v.casefold() for v in values}) >= 2 and all(grade.match(v) for v in values):
            return how
    return None


_COMPARISON = re.compile(r"^(?P<label>[A-Za-z][\w ]{1,30}?):\s+(?P<rest>.+)$")
_COMPARED_PART = re.compile(r"^(?P<name>[^=,;:]{1,25}?)\s+=\s+(?P<value>[^=]+)$")


def compared_line(text: str) -> list[Fact] | None:
    """`energy: aerobic = lots, anaerobic = a small amount`: a table's row written on one line,
    each value asked of what it belongs to ("What is the amount of energy for anaerobic?" when
    the values are amounts, "What are the products of anaerobic?" when not)."""
    found = _COMPARISON.match(text)
    if found is None or "=" not in text or len(found.group("label").split()) > 4:
        return None
    parts = [_COMPARED_PART.match(p.strip()) for p in re.split(r",\s|;\s", found.group("rest"))]
    if len(parts) < 2 or not all(parts) or any(len(p.group("name").split()) > 3 for p in parts):
        return None
    if any(verb_base(p.group("name").split()[0]) for p in parts if p):
        return []  # `gender: ends in consonant = masc, …`: rules, no things compared
    label = found.group("label").strip()
    be = "are" if is_plural(label) else "is"
    values = [trim_ends(p.group("value")) for p in parts]
    how = _grade(values)
    facts = []
    label = decapitalised(label)
    for part, value in zip(parts, values, strict=True):
        name = part.group("name").strip()
        question = f"What is the {how} of {label} for {name}?" if how else \
            f"What {be} the {label} of {name}?"
        if not shows(question, value):
            facts.append(Fact("fact", question, value))
    return facts
