"""Outline → card drafts.

Each bullet is read for the relation its notation states, and that relation decides the
question: a term and its meaning, a person and a role, a case and its principle, a quote
and its speaker, a formula, a word pair, a table cell, a chain of steps, a cause. Dates
and figures are asked as the bullet with the number blanked. A title that asks for a set
over a few short items gives a list card. A bullet with no relation that makes a good
question gives no card: no card beats a bad card.

The rules live one relation a module (`terms`, `vocab`, `formulas`, `arrows`, `tables`,
`lists`, `numbers`, `names`, and `written` for the cards a student writes), with the
wording they share in `phrasing`; this module walks the outline and turns facts into
drafts. All of it is pure and offline: regular expressions and string rules only.
"""

from __future__ import annotations

import dataclasses
import functools
import itertools
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from revise.extract import (
    arrows,
    formulas,
    headed,
    lists,
    names,
    numbers,
    tables,
    terms,
    vocab,
    written,
)
from revise.extract.numbers import Figure, find_dates, find_figures
from revise.extract.phrasing import (
    BLANK,
    article,
    capitalised,
    deed_present_base,
    drop_parentheses,
    has_words,
    is_base_verb,
    is_plural,
    lead_title,
    mid_sentence,
    quoted,
    shows,
    verb_base,
    why_question,
    with_lead,
)
from revise.extract.terms import Fact
from revise.models import CardDraft, Kind
from revise.notes import Bullet, NotesPiece, Outline, Section, parse_notes, trim_ends

__all__ = [
    "BLANK",
    "Figure",
    "BulletCards",
    "explain",
    "extract_cards",
    "extract_from_outline",
    "extract_piece",
    "find_dates",
    "find_figures",
    "unique_pieces",
]

_MAX_SOURCE = 2000  # characters of a giant bullet kept as a card's source, around its answer
_MAX_ANSWER = 400
_MAX_FACTS = 40  # per bullet: more is not notes, and would flood the deck
_MAX_RELATION = 2000  # characters: a longer "bullet" is a pasted page; only its numbers are read
_MAX_NUMBERS = 4  # dates and figures asked of one bullet: past that, one line is a quiz


def extract_cards(text: str, deck: str) -> list[CardDraft]:
    """Cards for `deck` from notes `text`, deduplicated, in file order."""
    return extract_from_outline(parse_notes(text), deck)


def extract_from_outline(outline: Outline, deck: str) -> list[CardDraft]:
    """Cards for `deck` from a parsed outline, deduplicated, in file order."""
    return _unique(_drafts(outline, deck))


def extract_piece(piece: NotesPiece, deck: str) -> list[CardDraft]:
    """The cards of one piece of a notes file (see `notes.split_notes`) in file order,
    not yet deduplicated: `unique_pieces` does that across the whole file."""
    return _drafts(parse_notes(piece.text, offset=piece.offset, first_line=piece.first_line),
                   deck)


def unique_pieces(drafts_by_piece: Iterable[list[CardDraft]]) -> Iterator[list[CardDraft]]:
    """Each piece's cards as the whole file keeps them, a piece at a time (together,
    exactly what `extract_cards` gives for the whole text)."""
    seen: tuple[dict, set] = ({}, set())
    for drafts in drafts_by_piece:
        yield _unique(drafts, seen)


@dataclass(frozen=True, slots=True)
class BulletCards:
    """One line of the notes and the cards it gave (none: it was skipped)."""

    line: int
    text: str
    cards: list[CardDraft]
    in_list: bool = False  # an item of the list card its title gave


def explain(text: str, deck: str) -> list[BulletCards]:
    """Every bullet and section title of `text` with the cards it gave, in file order."""
    outline = parse_notes(text)
    by_position: dict[int, list[CardDraft]] = {}
    for draft in extract_from_outline(outline, deck):
        by_position.setdefault(draft.position, []).append(draft)
    listed = {d.position for drafts in by_position.values() for d in drafts
              if d.kind == Kind.LIST}
    homes = {s.position for s in outline.sections if s.position in listed}
    section_of = {id(b): s.position for s in outline.sections for b in s.bullets}

    def in_list(bullet: Bullet) -> bool:
        parent = bullet.parent
        return (parent is not None and parent.position in listed) or \
            section_of.get(id(bullet)) in homes

    rows = [BulletCards(b.line, b.text, by_position.pop(b.position, []), in_list(b))
            for b in outline.bullets if not b.intro or by_position.get(b.position)]
    rows += [BulletCards(s.line, s.title, cards) for s in outline.sections
             if (cards := by_position.pop(s.position, []))]
    return sorted(rows, key=lambda row: row.line)


# ---------------------------------------------------------------------------- walking


def _drafts(outline: Outline, deck: str) -> list[CardDraft]:
    homes = _homes(outline)
    is_vocab = _vocab_sections(outline)
    counts = _column_counts(outline.bullets)
    drafts: list[CardDraft] = []
    for section in outline.sections:
        drafts.extend(_section_list(section, deck))
    answers = _written_answers(outline.bullets)
    historical: dict[int, bool] = {}
    title = _file_title(outline)
    weighed = _pros_and_cons(outline)
    glossed = _glossing_arrows(outline)
    for bullet in outline.bullets:
        if bullet.detached or bullet is title:
            continue
        if id(bullet) in weighed:
            drafts.extend(_draft(deck, bullet.topic, fact, bullet.text, bullet.position,
                                 bullet.line, slot)
                          for slot, fact in enumerate(weighed[id(bullet)]))
            continue
        if id(bullet) in answers:
            answer = answers[id(bullet)]
            if answer is not None:  # a `Q:` line: its card, with the `A:` line's answer
                question = written.question_line(bullet.text) or ""
                lead = lead_title(bullet.topic)
                if lead and _BARE_ASKED.fullmatch(question):
                    # `Q: Coordination?` under `FITNESS TESTS`: which test, not what it is
                    question = with_lead(drop_parentheses(lead) or lead, question)
                drafts.append(_draft(deck, bullet.topic, Fact("basic", question, answer),
                                     bullet.text, bullet.position, bullet.line, 0))
            continue
        home = homes.get(id(bullet), outline.root)
        language = is_vocab.get(id(home))
        if language is None and is_vocab and len(vocab.split_pairs(bullet.text)) >= 3:
            # `müssen = must ; dürfen = to be allowed to ; …` among a grammar section's rules
            language = _file_language(is_vocab)
        if id(home) not in historical:
            historical[id(home)] = _historical(home)
        # (under `Key words` in dated notes, `Royalist - supporter of the king` is a term)
        glossary = bool(bullet.topic) and _GLOSSARY_TITLE.fullmatch(bullet.topic[-1]) is not None
        drafts.extend(_bullet_cards(bullet, deck, language, counts,
                                    historical=historical[id(home)] and not glossary,
                                    glossed=id(bullet) in glossed))
    drafts.sort(key=lambda d: d.position)
    return drafts


_GLOSSARY_TITLE = re.compile(r"(?:key\s?(?:words?|terms?)|glossary|definitions?|keywords?"
                             r"|words to know|terms to know)\s?:?", re.IGNORECASE)


def _glossing_arrows(outline: Outline) -> set[int]:
    """In notes outlined by indentation alone, bullets whose one arrow parts a thing from
    what is told of it, as a mind map's branches do (`cranium → brain`, `synovial fluid →
    lubricates, reduces friction`): three or more points side by side, most of them so
    written, none a change that brings another (`higher temp → faster rate`)."""
    siblings: dict[tuple[int, int], list[Bullet]] = {}
    for bullet in outline.bullets if outline.indented else ():
        if not bullet.cells and not bullet.prose:
            key = (id(bullet.parent), hash(bullet.topic))
            siblings.setdefault(key, []).append(bullet)
    found: set[int] = set()
    for group in siblings.values():
        if len(group) < 3:
            continue
        named = [b for b in group if _names_by_arrow(b.text)]
        if len(named) * 3 >= len(group) * 2:
            found.update(id(b) for b in named)
    return found


_GLOSSING_ARROW = re.compile(r"\s(?:→|->)\s")


def _names_by_arrow(text: str) -> bool:
    parts = _GLOSSING_ARROW.split(text)
    if len(parts) != 2:
        return False
    thing, told = parts[0].strip(), parts[1].strip()
    words = (drop_parentheses(thing) or thing).split()
    return 1 <= len(words) <= 3 and not _COMPARED.match(thing) and not _COMPARED.match(told) \
        and not any(verb_base(w.lower()) or w.endswith("ed") for w in words) \
        and not re.search(r"[=:]|\s[-–—]\s", thing)


def _pros_and_cons(outline: Outline) -> dict[int, list[Fact]]:
    """Runs of `+` and `-` lines, the pros and cons of what the line or title above them
    names (`STAR - every device connected to a central switch` over `+ easy to add new
    devices`, `- if the switch fails …`): their cards, "What are the advantages of a star
    topology?", by the first line of each run; every other line of a run gives none."""
    found: dict[int, list[Fact]] = {}
    for section in [outline.root, *outline.sections]:
        siblings = section.bullets
        for parent in [None, *[b for b in section.bullets if b.children]]:
            items = siblings if parent is None else parent.children
            _weigh_runs(items, parent, section, found)
    return found


def _weigh_runs(items: list[Bullet], parent: Bullet | None, section: Section,
                found: dict[int, list[Fact]]) -> None:
    i = 0
    while i < len(items):
        if not items[i].sign:
            i += 1
            continue
        j = i
        while j < len(items) and items[j].sign:
            j += 1
        run = items[i:j]
        if {b.sign for b in run} == {"+", "-"}:
            above = items[i - 1] if i else parent
            subject = _weighed_subject(above, section)
            if subject:
                facts = []
                sides = ("strengths", "weaknesses") if _EVALUATION.search(section.title) \
                    else ("advantages", "disadvantages")
                for sign, side in zip(("+", "-"), sides, strict=True):
                    told = [trim_ends(b.text) for b in run if b.sign == sign]
                    facts.append(Fact("list", f"What are the {side} of {subject}?",
                                      "\n".join(told)))
                found[id(run[0])] = facts
                found.update((id(b), []) for b in run[1:])
        i = j


_EVALUATION = re.compile(r"\s*\b(?:evaluation|evaluate|evaluating|eval|AO3)\b\s*",
                         re.IGNORECASE)


def _weighed_subject(above: Bullet | None, section: Section) -> str:
    """What a run of pros and cons is about: the term of the line above it, or the title."""
    if above is not None:
        pair = terms.split_term(above.text)
        name = pair[0] if pair else above.text
    else:
        name = section.title
    name = trim_ends(drop_parentheses(name) or name)
    if _EVALUATION.fullmatch(name) and above is None and len(section.path) >= 2:
        # `evaluation` under `Working memory model – Baddeley & Hitch (1974)`: the model's
        name = re.split(r"\s[-–—]\s|:\s", section.path[-2])[0]
        name = trim_ends(drop_parentheses(name) or name)
    if _EVALUATION.fullmatch(name):
        return ""  # `EVALUATE - "a claim"` over its points: for and against what, unsaid
    name = _EVALUATION.sub("", name).strip() or name  # `MSM EVALUATION`: the MSM's
    if not name or len(name.split()) > 5 or not has_words(name):
        return ""
    words = name.split()
    if words[0].isupper() and len(words) == 1 and len(name) >= 3 and name.isalpha() \
            and re.search(r"[AEIOU]", name):  # (`MSM` is an acronym, `STAR` a word)
        name = name.lower()  # `STAR` over its pros and cons: a star, not an acronym
    named = terms.decapitalised(name)
    the = "" if is_plural(named) or named[:1].isupper() or re.fullmatch(
        r"[a-z-]+(?:less|ed|al|ic|ive|ous)", named) else "the "  # (`wireless`, `wired`)
    kind = section.title.split()[-1].lower() if section.title.split() else ""
    kind = re.sub(r"ies$", "y", kind) if kind.endswith("ies") else re.sub(r"s$", "", kind)
    if kind and kind not in named.lower() and len(named.split()) == 1 and kind.isalpha() \
            and section.title.isupper() and len(section.title.split()) == 1:
        named = f"{named} {kind}"  # `STAR` under `TOPOLOGIES`: the star topology
    return f"{the}{named}"


def _file_title(outline: Outline) -> Bullet | None:
    """`Computer Science - Data Representation & Logic (Paper 1)` on the first line, above
    the notes' headings: the file's title, which states no fact."""
    if not outline.bullets or not outline.sections:
        return None
    first = outline.bullets[0]
    words = len(first.text.split())
    if first.topic or first.children or words > 24:
        return None
    if _COURSE.search(first.text):
        return first  # (a course's title may say where the notes came from)
    before_headings = first.prose and first.position < outline.sections[0].position
    return first if before_headings and words <= 14 else None


# A title names the course it is for (`RUSSIA 1917 - REVISION`, `Bio Paper 2 notes`)
_COURSE = re.compile(r"\b(?:revision|notes|paper\s\d|unit\s\d|topic\s\d|gcse|a-level|ks[345]"
                     r"|chapter\s\d)\b", re.IGNORECASE)


def _written_answers(bullets: list[Bullet]) -> dict[int, str | None]:
    """`Q: …` lines with the answer on the `A: …` line after them: bullet → its answer,
    and the `A:` bullet → None (it gives no card of its own)."""
    paired: dict[int, str | None] = {}
    for bullet, following in zip(bullets, bullets[1:], strict=False):
        if written.question_line(bullet.text) is None:
            continue
        answer = written.answer_line(following.text)
        if answer is not None:
            paired[id(bullet)] = answer
            paired[id(following)] = None
    return paired


def _historical(section: Section) -> bool:
    """A section of dated events: there `Label: what happened` is a fact about the label,
    not a definition of it (`Money: exported grain buys western machinery`)."""
    dated = sum(1 for b in section.bullets if _YEAR.search(_without_citation(b.text)))
    titles = " ".join(_without_citation(title) for title in section.path)
    return bool(_YEAR.search(titles)) or dated * 4 >= max(len(section.bullets), 1)


def _without_citation(text: str) -> str:
    """`Parsons (1961): school is …` without its citation: a study's year dates no event."""
    if "(" not in text:
        return text  # (every citation has its year in brackets: most lines need no search)
    m = _CITATION_LEAD.match(text)
    text = text[m.end():] if m and terms.is_citation(m.group(1)) else text
    return _CITED.sub("", text)  # `Kelman (1958) said …`


_CITED = re.compile(r"\b[A-Z][\w’'-]+(?:\s(?:&|and|\+)\s[A-Z][\w’'-]+)?(?:\set al\.?)?"
                    r"(?:[’']s(?:\s[\w-]+){1,3})?"  # (`Beck's negative triad (1967)`)
                    r"\s\((?:c\.\s?)?\d{4}[a-z]?(?:\s?[-–]\s?\d{2,4})?\)")  # and lifespans
_CITATION_LEAD = re.compile(r"^([^:()]{2,60}\([^()]{4,20}\))\s?[:\-–—]")


def _homes(outline: Outline) -> dict[int, Section]:
    """Each bullet (by id) → the section it was written under (two sections may share a
    title, and so a path: they are told apart by identity)."""
    homes: dict[int, Section] = {}
    for section in [outline.root, *outline.sections]:
        stack = list(section.bullets)
        while stack:
            bullet = stack.pop()
            homes[id(bullet)] = section
            stack.extend(bullet.children)
    return homes


def _vocab_sections(outline: Outline) -> dict[int, str]:
    """Section (by id) → language name ("" when unknown) for the sections of word pairs.

    What one section says of the notes' language reaches the others only up to the next
    `# ` heading: long notes are read in pieces cut there, and each piece must give the
    cards the whole file gives."""
    found: dict[int, str] = {}
    for block in _blocks(outline):
        found.update(_block_vocab(block))
    return found


def _blocks(outline: Outline) -> list[list[Section]]:
    """The notes' sections, from each top heading (`# `) to the next."""
    blocks: list[list[Section]] = [[outline.root]]
    for section in outline.sections:
        if section.top and (len(blocks) > 1 or len(blocks[0]) > 1):
            blocks.append([])  # (the first top heading shares a block with what is above it)
        blocks[-1].append(section)
    return blocks


def _block_vocab(block: list[Section]) -> dict[int, str]:
    found: dict[int, str] = {}
    first = block[1] if len(block) > 1 and not block[0].bullets and not (
        block[1].level == 1 and block[1].explicit) else None
    # (`LATIN VOCAB - set 1-4` over `NOUNS 1st decl`: the notes' own title names the language)
    heading = [first.title] if first is not None and not first.bullets else []
    opening = block[0].bullets[0] if block[0].bullets else None
    if not heading and opening is not None and opening.line == 1 and len(opening.text) <= 80 \
            and vocab.language_of([opening.text]):
        heading = [opening.text]  # `GCSE Mandarin – vocab list 3` on a line of its own, first
    for section in block:
        lines = [b.text for b in section.bullets if not b.cells]
        titles = [*heading, *section.path] if section.path else [section.title]
        if lines and vocab.is_vocab_section(titles, lines):
            found[id(section)] = vocab.language_of(titles) or _language_of_lines(lines)
    language = _file_language(found)
    if language:
        # Word pairs the sections of a language's notes hold are that language's too
        # (`Mathe – maths, Deutsch – German` under `SUBJECTS`)
        for section in block:
            lines = [b.text for b in section.bullets if not b.cells]
            if id(section) not in found and section.path and lines and vocab.is_vocab_section(
                    [*section.path, language], lines):
                found[id(section)] = language
    return found


def _file_language(found: dict[int, str]) -> str:
    """The one language the notes' word-pair sections name, or ""."""
    languages = [language for language in found.values() if language]
    if len(languages) < 2 or len(set(languages)) > 1:
        return ""
    return languages[0]


def _language_of_lines(lines: list[str]) -> str:
    votes: dict[str, int] = {}
    for line in lines:
        for word, _meaning in vocab.split_pairs(line):
            language = vocab.looks_foreign(word)
            if language and language != "?":
                votes[language] = votes.get(language, 0) + 1
    return max(votes, key=votes.get) if votes else ""


def _column_counts(bullets: list[Bullet]) -> dict[tuple[int, str], int]:
    counts: dict[tuple[int, str], int] = {}
    for bullet in bullets:
        for j, cell in enumerate(bullet.cells):
            key = (j, trim_ends(cell).casefold())
            counts[key] = counts.get(key, 0) + 1
    return counts


def _section_list(section: Section, deck: str) -> Iterator[CardDraft]:
    for slot, fact in enumerate(terms.title_facts(section.title)):
        yield _draft(deck, section.path[:-1], fact, section.title, section.position,
                     section.line, slot)
    items = [b for b in section.bullets if not b.prose and not b.cells]
    if section.intro and items and len(items) != len(section.bullets):
        # `… it performs four essential functions:` over its points, then a paragraph
        # weighing them: the points up to the paragraph are the set
        items = list(itertools.takewhile(lambda b: not b.prose and not b.cells,
                                         section.bullets))
        if len(items) < 2:
            return
    elif len(items) != len(section.bullets) or not items:
        return
    fact = lists.list_fact(section.title, section.path[:-1], [b.text for b in items],
                           intro=section.intro, numbered=all(b.numbered for b in items))
    answer = "; ".join(b.text for b in items)
    if fact is None and _ASKED_TITLE.fullmatch(section.title) and len(items) <= 4 \
            and len(answer) <= _MAX_ASKED_ANSWER:
        # `What makes a wave?` over the points that answer it (a Cornell cue, say)
        fact = Fact("fact", section.title, answer)
    if fact is not None:
        yield _draft(deck, section.path, fact, section.title, section.position, section.line, 0)


_MAX_ASKED_ANSWER = 250  # characters: more is a section of notes, not an answer to recall
_ASKED_TITLE = re.compile(r"(?:why|what|how|which|who|when|where)\s[^?]{3,100}\?", re.IGNORECASE)


# ---------------------------------------------------------------------------- bullets


def bullet_facts(bullet: Bullet, language: str | None = None,
                 counts: dict[tuple[int, str], int] | None = None, *,
                 historical: bool = False, glossed: bool = False) -> list[Fact]:
    """What one bullet states that is worth a card, each fact with its question. Where
    `glossed`, the line's arrow parts a thing from what is told of it (see
    `_glossing_arrows`)."""
    text = _GLOSSING_ARROW.sub(" – ", bullet.text, count=1) if glossed else bullet.text
    if bullet.cells:
        return tables.row_facts(bullet.cells, bullet.header, counts or {})
    if bullet.intro:
        children = [c for c in bullet.children if not c.prose]
        if any(c.intro for c in children):
            return []  # `Key artists:` over names with points of their own: no set to give
        fact = lists.list_fact(text, bullet.topic, [c.text for c in children], intro=True,
                               numbered=all(c.numbered for c in children))
        lead = lead_title(bullet.topic)
        if fact and lead and len(text.split()) <= 3 and text[:1].islower():
            fact = Fact(fact.kind, with_lead(lead, fact.question), fact.answer)
        said = _sentences(text)[:-1]  # `Conformity is when … . Kelman said there are 3 types:`
        before = [f for sentence in said for f in _relation_facts(
            sentence, past=_is_past(bullet), historical=historical)]
        return before + ([fact] if fact else [])
    if text[:1] in "-→=" and (arrow := _LEADING_ARROW.match(text)):
        text = text[arrow.end():]  # `→ AIDS = immune system fails`
    if text[:1] in "oaOA" and (other := _ALTERNATIVE.match(text)):
        text = text[other.end():]  # `or: mean rate = …`: another way
    paradigm = _PARADIGM.fullmatch(text) if ": " in text and text.count(", ") >= 4 else None
    if paradigm and _INFINITIVE.fullmatch(paradigm.group("verb") or paradigm.group("label")):
        # `-ar (hablar = to speak): hablo, hablas, habla, …` under `Present tense`: a
        # verb's forms, asked as one set
        verb = paradigm.group("verb") or paradigm.group("label")
        return [Fact("vocabulary", with_lead(lead_title(bullet.topic),
                                             f"what are the forms of {verb}?"),
                     paradigm.group("forms"))]
    if "O(" in text and bullet.topic:
        bounds = _complexities(text, lead_title(bullet.topic))
        if bounds:
            return bounds
    mapped = _mapping_facts(text, lead_title(bullet.topic)) if text.count("→") >= 3 else []
    if mapped:
        return mapped
    if text[:3].isupper() and _LEGEND.fullmatch(text):
        return []  # `NOUNS (nom, gen, gender – meaning)`: a list's title and how it is set out
    mine = written.written_facts(text)
    if mine is not None:  # the student wrote the cards: exactly those, and no others
        lead = lead_title(bullet.topic)
        return [Fact(f.kind, with_lead(drop_parentheses(lead) or lead, f.question), f.answer)
                if lead and _BARE_ASKED.fullmatch(f.question) else f for f in mine]
    if text[:1] == "Q" and written.question_line(text):
        return []  # `Q: "Evaluate the view that …" [25]`: a question with no answer written
    work = _work_of(text, bullet.topic) if text.endswith(")") or "), " in text else []
    if work:
        return work
    ruling = terms.case_sentence(text) if " v" in text else None
    if ruling:
        return terms.term_facts(ruling[0], "-", ruling[1])
    done = _DONE_BY.match(text) if " by " in text and bullet.parent is not None \
        and bullet.parent.intro else None
    if done and lead_title(bullet.topic):
        # `founded by Joseph Smith 1830` under `The Mormons:`: who did it to the title
        subject = mid_sentence(lead_title(bullet.topic))
        facts = [Fact("person", f"Who {_DONE_BY_VERBS[done.group('verb')]} {subject}?",
                      done.group("who"))]
        if done.group("year"):
            be = "were" if terms.is_plural(subject) else "was"
            facts.append(Fact("date", f"When {be} {subject} {done.group('verb')}?",
                              done.group("year")))
        return facts
    timeline = _TIMELINE.match(text) if text[:1].isdigit() or text[:3] in _MONTHS \
        or text[:2] == "c." else None
    timeline_date: list[Fact] = []
    if timeline:
        # `12 March 1947   Truman Doctrine - US will support …`: a timeline's line, the
        # event asked by its name where it has one ("When was the Truman Doctrine?")
        text, timeline_date = _timeline_event(timeline.group("when"), timeline.group("rest"),
                                              _ruler(bullet.topic))
    label = _label_above(bullet)
    if label and not _LACK.match(text):  # (`deficiency → rickets` under it: see _LACK)
        # `hydraulic action` over `force of the water hitting the banks, …`: a term and
        # its meaning, written one under the other
        meaning = _without_asides(text) if "(" in text else text
        above = [t for t in bullet.topic if trim_ends(drop_parentheses(t) or t) != label]
        # (`Concentration` over its one point, under `Factors affecting rate`)
        found = headed.headed_facts(label, meaning, above[-1]) if above else []
        found = found or terms.term_facts(label, "-", meaning, historical=historical)
        if found:
            return found
    text = _without_run_in_title(text)
    labelled = _TERM_LABEL.match(text) if text[:1] in "KkDdTtVvAaEeCc" else None
    if labelled:
        text = text[labelled.end():]  # `KEY TERM: SPQR – Senatus Populusque Romanus`
    if "(" in text:
        if _ASIDE.fullmatch(text):
            return []  # `(Mr Patel says this comes up a lot)`: the student's aside
        text = _without_asides(text)
    if _YEAR_EQUALS.match(text):
        text = text.replace("=", "-", 1)  # `1843 = the Great Migration`: a date line, no sum
    if _NOTE_TO_SELF_START.match(text) or _NOTE_TO_SELF_WORDS.search(text):
        return []  # `past paper June 2019 Q4`, `see textbook p.45`: study admin, no fact
    if "end" in text and len(_CODE_WORD.findall(text)) >= 2:
        return []  # `function linearSearch(list, t) for i = 0 to … endfunction`: code
    if _WORKED_EXAMPLE.match(text):
        return []  # a worked example shows a method; its numbers are not facts to learn
    if text[:1] in "\"“" and _QUOTED_WHOLE.fullmatch(text):
        return []  # a passage quoted whole (a scripture, a speech): learnt, not asked in parts
    if text[:1].isdigit() and _ASKED.match(text):
        # `2 Which law made hacking illegal? (Computer Misuse Act 1990)`: the question it
        # asks, and no number of its own
        return _relation_facts(text, past=False)
    if bullet.topic and formulas.is_labelled_equation(text):
        equation = formulas.labelled_equation(text, _subject_of(bullet.topic))
        if equation:
            return equation
    if language is None and text.count("(") >= 3 and (
            vocab.glossed_line(text) or vocab.language_of(list(bullet.topic))
            and vocab.glossed_line(text, labelled=True)):
        language = vocab.language_of(list(bullet.topic))
    cited = _TRAILING_CITATION.search(text) if text.endswith(")") else None
    if cited and _MONTH.match(cited.group("who")):
        cited = None  # `(Nov 1923)` dates the line; it cites nobody
    described: list[Fact] = []
    if cited and len(text) > cited.end() - cited.start() + 10:
        # `Beanpole family – lots of generations … (Brannen 2003)`: the idea and who
        # described it; the year of the reference is no fact to learn
        text = text[: cited.start()].rstrip(" ,;")
        idea = terms.split_term(text)
        if idea is not None and terms.looks_like_term(idea[0]) and len(idea[0].split()) <= 4 \
                and not _ASPECT.match(idea[0]):  # (`capacity: 7 ± 2 (Miller 1956)`)
            name = terms.decapitalised(drop_parentheses(idea[0]) or idea[0])
            the = "" if is_plural(name) or name[:1].isupper() else "the "
            described.append(Fact("person", f"Who described {the}{name}?",
                                  f"{cited.group('who')} ({cited.group('year')})"))
    source = _SOURCE_YEAR.match(text) if text[:2].isupper() else None
    if source:  # `ONS 2016: women do …`: the figure is the fact, the year its source's
        text = text[source.end():]
    mathematical = formulas.is_formula(text) and _MATHS.search(text) is not None
    if language is not None and not mathematical and not arrows.has_arrow(text):
        found = vocab.vocab_facts(text, language)
        if found:
            return found
    facts = [] if len(text) > _MAX_RELATION else _relation_facts(
        text, past=_is_past(bullet), lead=_lead(bullet),
        causal=_about_causes(bullet.topic), historical=historical,
        title=_aspect_owner(bullet) or lead_title(bullet.topic))
    if not facts and not historical and len(text) <= _MAX_RELATION:
        facts = _said_of_subject(bullet)
    if len(text) <= _MAX_RELATION and ("ed" in text or "built" in text or "wrote" in text
                                       or "ran" in text or "set up" in text) \
            and names.DEED.search(text):  # (every deed but these ends in -ed)
        facts += _deeds(text, {f.question for f in facts})
    if "s " in text and "(" in text and ("'s " in text or "’s " in text):
        facts += _credited(text, {f.question for f in facts})
    if _DOCUMENT.search(text):
        facts += _what_it_did(text, {f.question for f in facts})
    if formulas.is_formula(text):
        return facts[:_MAX_FACTS]
    lead = source.group("source") if source else _lead(bullet)
    pair = terms.split_term(text) if len(text) <= _MAX_RELATION else None
    if pair is None and "(" in text and len(text) <= _MAX_RELATION and terms.has_gloss(text):
        facts += terms.glossed_in_sentence(text, past=historical,
                                           asked=" ".join(f.question for f in facts))
    dated = terms.event_date(pair[0]) if pair is not None else None
    year_first = _YEAR_FIRST.match(text) if dated is None else None
    if year_first:
        # `1843 - "the Great Migration", about 1000 …`: the event named after its year
        name = re.split(r",\s|\s[-–—]\s|\s\(", year_first.group("rest"))[0]
        if not re.search(r"[:;+&]", name):
            dated = terms.event_date(f"{name.strip(_QUOTES)} ({year_first.group('year')})")
    if dated is not None:
        facts.insert(0, dated)
    said = " ".join(f.answer for f in facts)
    if pair is not None and terms.is_citation(pair[0]) and not terms.is_discovery(pair[2]):
        # The year a study was published is a reference, not a fact to learn; the
        # year of a discovery is.
        text, lead = pair[2], pair[0]
    worked = bool(bullet.topic) and _WORKED_TITLE.search(bullet.topic[-1]) is not None
    doer = lead_title(bullet.topic) if not lead else ""
    told = numbers.with_doer(text, doer) if _DOER_TITLE.fullmatch(doer) else text
    for kind, question, answer in [] if worked else numbers.number_cards(
            told, lead, asked=said, shown=" ".join(bullet.topic), limit=_MAX_NUMBERS):
        # (under `Worked example`, the numbers are the example's, no facts to learn)
        facts.append(Fact(kind, question, answer))
    if not facts and not timeline_date and len(text) <= _MAX_RELATION:
        # (a name only where nothing better was)
        facts += [Fact(*card) for card in names.name_cards(text, lead, said,
                                                           historical=historical)]
    if worked:
        facts = [f for f in facts if f.kind not in ("formula", "figure", "date")]
    made = _works_on_line(text) if "(" in text else []
    if made:  # whose each work is, not the years of the artist's life and works
        facts = made + [f for f in facts if f.kind not in ("date", "figure", "person")]
    return _kinds_of_title(timeline_date + facts + described, bullet.topic)[:_MAX_FACTS]


# What a unit looks like (`g/s`, `hertz (Hz)`), so `units - sections of a script` is a term
_UNITS = re.compile(r"\b[a-zA-Z³²]{1,4}/[a-zA-Z³²]{1,4}\b"
                    r"|\b(?:[kKmMcμn]?[gmsJNWVAL]|Hz|Pa|mol|°C|dm³|cm³|m³|m²)\b|metres?|seconds?"
                    r"|joules?|newtons?|hertz|watts?|volts?|amps?|ohms?|pascals?|kelvin|grams?")
_PARADIGM = re.compile(r"(?P<label>[^():,]{1,25}?)"
                       r"(?:\s\((?P<verb>[^()=,]{2,20}?)(?:\s=\s[^()]*)?\))?:\s(?P<forms>[^\s,()]+(?:,\s[^\s,()]+){4,7})")
# A verb as a grammar names it: `hablar`, `-er`, `avoir`, `haben`, `essere`
_INFINITIVE = re.compile(r"-?[a-zà-ÿ]*(?:ar|er|ir|re|en|ere|ire)|-[a-z]{2,3}")
# `worst + average case O(n)`, `space O(1)`: how an algorithm's time or memory grows
_COMPLEXITY = re.compile(r"(?P<cases>(?:(?:best|worst|average)(?:\s(?:\+|and|&)\s|\s(?:case\s)?)?)+"
                         r"|space\s)(?:is\s|=\s|:\s)?(?P<o>O\([^()]{1,12}\))", re.IGNORECASE)


_COMPLEXITY_IN = re.compile(r"(?P<o>O\([^()]{1,12}\))\s(?:in|for)\s(?:the\s)?"
                            r"(?P<cases>(?:best|worst|average)(?:,?\s(?:and\s|&\s)?"
                            r"(?:best|worst|average))*)\scases?", re.IGNORECASE)


def _complexities(text: str, algorithm: str) -> list[Fact]:
    """`best case O(1), worst + average case O(n)` under `LINEAR SEARCH`: "What is the best
    case time complexity of linear search?", one card a bound."""
    name = trim_ends(re.split(r"\s[-–—:]\s|\s\(", algorithm)[0])  # (`QUICK SORT – also …`)
    name = name.lower() if name.isupper() else name
    if not name or len(name.split()) > 4:
        return []
    facts = []
    for m in [*_COMPLEXITY.finditer(text), *_COMPLEXITY_IN.finditer(text)]:
        cases = m.group("cases").lower()
        if cases.startswith("space"):
            facts.append(Fact("fact", f"What is the space complexity of {name}?", m.group("o")))
            continue
        for case in re.findall(r"best|worst|average", cases):
            facts.append(Fact("fact", f"What is the {case} case time complexity of {name}?",
                              m.group("o")))
    return facts


# Pseudocode's own words: a line holding them is a program, no fact to blank
_CODE_WORD = re.compile(r"\b(?:endif|endwhile|endfunction|endprocedure|endfor|endswitch|elseif"
                        r"|until|next\s[a-z]\b)")
_LEADING_ARROW = re.compile(r"(?:->|→|=>)\s?(?=\S)")
# `avoir → eu, être → été, faire → fait`: each word and what it becomes
_MAPPED = re.compile(r"([^\s,→()]+(?:\s[^\s,→()]+)?)\s?→\s?([^\s,→()]+(?:\s[^\s,→()]+)?)")
_PAST_PARTICIPLE = re.compile(r"\bpp'?s?\b|past participles?", re.IGNORECASE)


def _mapping_facts(text: str, title: str) -> list[Fact]:
    """`avoir → eu, être → été, faire → fait` under `Irregular pp's`: "What is the past
    participle of faire?", a card for each word a line maps to another."""
    label = re.match(r"[^:→]{2,40}:\s", text)
    body = text[label.end():] if label else text
    pieces = [p.strip() for p in re.split(r",\s", body.rstrip("."))]
    found = [_MAPPED.fullmatch(p) for p in pieces]
    if len(found) < 3 or not all(found) or not title:
        return []
    name = trim_ends(drop_parentheses(title) or title)
    facts = []
    for m in found:
        if _PAST_PARTICIPLE.search(title):
            facts.append(Fact("vocabulary", f"What is the past participle of {m.group(1)}?",
                              m.group(2)))
        else:
            facts.append(Fact("fact", f"{name}: {m.group(1)} → ?", m.group(2)))
    return facts


_LEGEND = re.compile(r"[A-Z]{3,}[A-Z ]*\s\([^()]*\b(?:meaning|english|translation)\)",
                     re.IGNORECASE)
# `Coordination?`: a question of a word or two, which its heading says what it asks of
_BARE_ASKED = re.compile(r"(?!(?:what|who|when|where|why|how|which)\b)[\w'’-]+(?:\s[\w'’-]+)?\?",
                         re.IGNORECASE)
_LONG_PROSE = 200  # characters
_ALTERNATIVE = re.compile(r"(?:or|also|alternatively|alt)\s?:\s+(?=\S)", re.IGNORECASE)


def _kinds_of_title(facts: list[Fact], topic: tuple[str, ...]) -> list[Fact]:
    """`biological = plant roots grow into cracks` under WEATHERING: the term is the kind
    of weathering its adjective names ("What is meant by ‘biological weathering’?")."""
    title = topic[-1].strip().lower() if topic else ""
    kinds = _TYPES_OF.fullmatch(title)
    if kinds:  # `igneous - formed from cooling magma` under `THREE rock types`
        noun = kinds.group("noun") or kinds.group("of")
        def named(m: re.Match[str]) -> str:
            return f"{m.group('ask') or m.group('ask2')}{m.group('adj')} {noun}{m.group('end')}"
        return [Fact(f.kind, _ADJECTIVE_ASKED.sub(named, f.question), f.answer) for f in facts]
    if not _KIND_TITLE.fullmatch(title) or _CLASSIFIER.fullmatch(title) or _ASPECT.match(title):
        return facts
    kept = []
    for fact in facts:
        term = _MEANING_ASKED.fullmatch(fact.question)
        word = term.group(1) if term else fact.answer if fact.question.startswith(
            ("What is the term for", "What term means")) else ""
        if _CLASSIFIER.fullmatch(word) and word.lower() != title:
            whole = f"{word} {title}"
            fact = Fact(fact.kind, f"What is meant by ‘{whole}’?", fact.answer) if term else \
                Fact(fact.kind, fact.question, whole)
        kept.append(fact)
    return kept


_MEANING_ASKED = re.compile(r"What is meant by ‘([^’]+)’\?")
# `rock types`, `three types of rock`: a title that names the kinds of a thing
_TYPES_OF = re.compile(r"(?:\w+\s)?(?:(?P<noun>[a-z]{3,})\s(?:types|kinds)"
                       r"|(?:types|kinds)\sof\s(?P<of>[a-z]{3,}))")
# `the igneous`, `‘metamorphic’`: an adjective asked alone, which names a kind
_ADJECTIVE_ASKED = re.compile(
    r"^(?:(?P<ask>What (?:is|are) )(?:the )?|(?P<ask2>What is meant by ‘))"
    r"(?P<adj>(?:non-)?[a-z]{3,}(?:ous|al|ive|ary|ic))"
    r"(?P<end>’| (?=formed|made|used|found|caused|produced)\b)")
# one word, of which there are kinds: `weathering`, `adaptations`, `metals` (not `genetics`)
_KIND_TITLE = re.compile(r"[a-z]{3,}(?:[^cs]s|ing)")
_CLASSIFIER = re.compile(r"(?:non-)?[a-z]{3,}(?:al|ous|ive)")  # `structural`, `ferrous`


# A title that can do what a line under it tells: a name of a few capitalised words
_DOER_TITLE = re.compile(r"(?!(?:The|Key|Unit|Topic|Part|Paper|Section|Chapter)\b)"
                         r"[A-Z][\w'’-]+(?:\s(?:[A-Z][\w'’-]+|I{1,3}|IV|V|VI{1,3})){1,3}")
_GRAMMAR_NUMBER = re.compile(r"sg|sing|singular|pl|plur|plural", re.IGNORECASE)
_TERM_SPAN = re.compile(r"(short|long|medium)[- ]term", re.IGNORECASE)


def _a_kind_of(meaning: str, title: str) -> bool:
    """`function - subroutine that DOES return a value` under `SUBROUTINES`: the meaning
    names a kind of what the title names, so the line defines a term."""
    first = re.sub(r"^(?:a|an|the)\s", "", meaning.lower()).split()[:1]
    last = title.lower().split()[-1:] if title.split() else []
    return bool(first and last) and first[0].rstrip("s") == last[0].rstrip("s")


_PROPORTIONAL = re.compile(r"^(?P<x>[a-z][\w ]{1,30}?)\s(?:is|are)\s(?P<rest>(?:(?:directly|"
                           r"inversely)\s)?proportional to\s.+)$", re.IGNORECASE)
_MONTHS = frozenset("Jan Feb Mar Apr May Jun Jul Aug Sep Oct Nov Dec".split())
_QUOTED_WHOLE = re.compile(r"[\"“][^\"“”]{20,}[\"”]")
_MONTH_NAME = (r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?"
               r"|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?(?![a-z])")
_WORKED_TITLE = re.compile(r"\bworked\s(?:example|eg|e\.g\.)|\bexample calculation", re.IGNORECASE)
# `PED = 1 = unitary elasticity`: a value of a quantity, and what that value means
_VALUE_MEANS = re.compile(r"^(?P<value>[A-Za-z][\w ]{0,12}?\s?(?:=|>|<|≥|≤)\s?[-−]?[\d.]+)\s?=\s?"
                          r"(?P<means>[a-z].{2,})$")
_TIME_PHRASE = re.compile(r"(?:(?:early|mid|late|end of|start of|beginning of)\s)?"
                          + _MONTH_NAME + r"(?:\s(?:1[0-9]{3}|20[0-9]{2}))?", re.IGNORECASE)
_TIMELINE = re.compile(rf"^(?P<when>(?:c\.\s?)?(?:\d{{1,2}}(?:-\d{{1,2}})?\s)?"
                       rf"(?:{_MONTH_NAME}(?:-{_MONTH_NAME})?\s)?"
                       r"(?:1[0-9]{3}|20[0-9]{2})(?:\s?[-–]\s?\d{2,4})?"
                       rf"(?:\s\(?{_MONTH_NAME}\)?)?"  # `1968 Jan`, `1973 (Jan)`
                       rf"|\d{{1,2}}(?:-\d{{1,2}})?\s{_MONTH_NAME})"
                       r"(?:\s?[:–—=]\s|\s--?\s|\s)(?P<rest>[^\d\s(=\"“–—-].{3,})$")
_NOT_AN_EVENT_START = frozenset(
    "was were is are saw had has when then and but so in on at by to of it this the a an "
    "after before during until".split())


def _ruler(topic: tuple[str, ...]) -> str:
    """`HENRY VIII (r. 1509-1547)`: the monarch a reign's heading names, or ""."""
    m = _REIGN.fullmatch(topic[-1].strip()) if topic else None
    if m is None:
        return ""
    return " ".join(w if re.fullmatch(r"[IVX]+", w) else w.capitalize()
                    for w in m.group("name").split())


_REIGN = re.compile(r"(?P<name>(?:[A-Z][A-Za-z'’-]+\s){1,2}(?:I{1,3}|IV|VI{0,3}|IX|X))"
                    r"(?:\s\((?:r\.|reigned|ruled)\s?\d{3,4}[^()]*\))?")


def _timeline_event(when: str, rest: str, ruler: str = "") -> tuple[str, list[Fact]]:
    """A timeline line's text to read on without its date, and its date card: a named event
    by its name ("When was the Truman Doctrine?"), anything else by what happened ("When
    did the USSR test its first atomic bomb?"), and under a reign's heading, what the
    monarch did ("When did Henry VIII marry Anne of Cleves?")."""
    whole = f"{when} {rest}"
    cut = re.search(r"\s[-–—]\s|[,:;]\s|\s?(?:->|=>|→)\s?|\s\(", rest)
    name = trim_ends(rest[:cut.start()] if cut else rest)
    first = name.split()[0] if ruler and name[:1].islower() and len(name.split()) > 1 else ""
    done = first and (verb_base(first) or deed_present_base(first))
    if done:  # `1540 – marries Anne of Cleves` under `HENRY VIII (r. 1509-1547)`
        return rest, [Fact("date", f"When did {ruler} {done} {name.split(maxsplit=1)[1]}?", when)]
    if not name.split() or name.split()[0].lower() in _NOT_AN_EVENT_START:
        return whole, []  # `1945 was the year …`: a sentence, no event
    dated = terms.event_date(f"{name} ({when})")
    if _named_event(name) or dated is not None and not re.search(
            r"\s(?:the|a|an|only|is|are|was|were)\s", name):  # (`Nazis the only legal party`)
        after = rest[cut.start():] if cut else ""
        aside, _, tail = after.strip().partition(")") if after.strip().startswith("(") \
            else ("", "", after)
        date = dated or Fact(
            "date", f"When was {'' if name.lower().startswith('the ') else 'the '}{name}?", when)
        if aside[1:2].isupper():
            name, aside = f"{name} {aside})", ""  # `Cat and Mouse Act (Prisoners … Act)`
        told = re.sub(r"^(?:[,:]|[-–—]|->|=>|→)\s?", "", tail.strip()) or aside.lstrip("(")
        return (f"{name} - {told}" if told else name), [date]
    question = _when_question(name)
    if question is None:
        return whole, []  # (the date is then asked in its line, as any other)
    return rest, [Fact("date", question, when)]


_ACTOR_DOES = re.compile(r"^(?P<actor>[A-Z][\w-]*(?:\s[A-Z][\w-]*){0,2})\s(?P<verb>[a-z]{3,}s)\s"
                         r"(?P<rest>[^,;]+)$")
def _named_event(name: str) -> bool:
    """`Truman Doctrine`, `Night of the Long Knives`: an event by its name, its words
    capitalised (`Nazis the only legal party` says what happened, it names nothing)."""
    words = [w for w in name.split() if w.lower() not in ("of", "the", "and", "for", "in", "on")]
    if not words or sum(w[:1].isupper() or w[:1].isdigit() for w in words) * 3 < len(words) * 2:
        return False
    return terms._is_event_name(name) or len(words) >= 3 and all(w[:1].isupper() for w in words)


_PASSIVE_DONE = re.compile(r"^(?P<subject>.+?)\s(?P<verb>[a-z]+ed|set up|put up|built|begun|shot"
                           r"|sent|held|won|lost|taken|made|given|sunk|hit|begins|starts|opens"
                           r"|ends)(?P<rest>(?:\s(?:in|on|at|by|up|overnight|down|off|out)\b.*)?"
                           r"|\s[^,;]*\sby\s.+)$")


def _person_name(subject: str) -> bool:
    """`Catherine Howard`, `Sir Thomas More`: a person, asked of without "the" (`Red Army`,
    `Berlin Wall`, `Spanish Armada` take it)."""
    words = subject.split()
    return 2 <= len(words) <= 4 and all(w[:1].isupper() and not w.isupper() for w in words) \
        and words[-1] not in _BODIES and not words[0].endswith(("ish", "ian", "ese", "an")) \
        and not terms._is_event_name(subject)


# What a name of capitalised words ending in these is: a body or a thing, not a person
_BODIES = frozenset("""Army Navy Parliament Armada Church Crown Government Party Council Fleet
    Republic Empire Union Front Wall Revolution Rebellion War Court Assembly League Bank
    Company Committee Congress Senate House Guard Guards Movement Alliance Office Canal Railway
    Bridge Tower Castle Palace Abbey Cathedral Line Road Station Museum Mill Factory Works
    Exhibition Society School College University Hospital Institute Trust Service Agency""".split())
_PEOPLE_BY_INITIALS = frozenset("JFK FDR LBJ MLK RFK JR".split())  # no "the" before them


def _when_question(clause: str) -> str | None:
    """`USSR tests its first atomic bomb` → "When did the USSR test its first atomic
    bomb?"; `communist takeover in Czechoslovakia` → "When was the communist takeover in
    Czechoslovakia?"."""
    clause = trim_ends(drop_parentheses(clause) or clause)
    if not has_words(clause, 2) or len(clause.split()) > 14:
        return None
    done = _PASSIVE_DONE.match(clause)
    if done and len(done.group("subject").split()) <= 5:
        # `Marshall Plan announced`, `Berlin Wall put up overnight`: done to it, and when
        subject, verb = done.group("subject"), done.group("verb")
        subject = re.sub(r"\s(?:is|are|was|were|gets|got)$", "", subject)  # `John is …ed`
        the = "" if subject.lower().startswith("the ") or len(subject.split()) == 1 and \
            subject[:1].isupper() and (not subject.isupper() or not subject.isalpha()) \
            or _person_name(subject) else "the "
        if verb in ("begins", "starts", "opens", "ends"):
            return f"When did {the}{subject} {verb[:-1]}{done.group('rest')}?"
        be = "were" if is_plural(subject) else "was"
        return f"When {be} {the}{subject} {verb}{done.group('rest')}?"
    acting = _ACTOR_DOES.match(clause)
    verb = verb_base(acting.group("verb")) or deed_present_base(acting.group("verb")) \
        if acting else None
    if acting and verb:  # `US tests H-bomb`: "When did the US test H-bomb?"
        actor = acting.group("actor")
        the = "the " if actor.isupper() and actor.isalpha() and actor not in _PEOPLE_BY_INITIALS \
            else ""
        return f"When did {the}{actor} {verb} {acting.group('rest')}?"
    why = why_question(clause)
    if why:
        asked = re.sub(r"^Why (?:does|do|did)\s", "When did ", why)
        asked = re.sub(r"^Why (?:is|was)\s", "When was ", asked)
        asked = re.sub(r"^Why (?:are|were)\s", "When were ", asked)
        return asked if asked.startswith("When") else None
    if (clause[:1].islower() or clause.split()[0].isupper()) \
            and not deed_present_base(clause.split()[0]) and not any(
            re.search(r"(?:[^s]s|ed)$", w) for w in clause.split()[1:2]) and not any(
            is_plural(a) and is_base_verb(b)  # (`first US troops land at …`: a clause)
            for a, b in zip(clause.split(), clause.split()[1:], strict=False)):
        the = "" if clause.lower().startswith("the ") else "the "
        return f"When was {the}{clause}?"
    return None


_TRAILING_CITATION = re.compile(r"\s?\((?P<who>[A-Z][\w’'-]+(?:\s(?:&|and)\s[A-Z][\w’'-]+)?"
                                r"(?:\set al\.?)?),?\s(?P<year>\d{4})[a-z]?"
                                r"(?:\s?[-–—,]\s?[^()]*)?\)$")
_MONTH = re.compile(r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec|spring|summer|autumn"
                    r"|winter|early|late|mid)", re.IGNORECASE)
_SOURCE_YEAR = re.compile(r"^(?P<source>[A-Z]{2,}[\w ]{0,20}\s(?:19|20)\d{2}):\s(?=\S)")


_MATHS = re.compile(r"\d|[×÷*^²³√]")  # (`en haut = upstairs / en bas = downstairs` is no sum)
_ASKED = re.compile(r"^(?:\d{1,2}[.)]?\s+)?"
                    r"(?P<q>(?:why|what|how|when|where|who|which)\b[^?]{3,120}\?)"
                    r"\s*:?\s*(?P<a>\S.*)$", re.IGNORECASE)
# what the lack of the heading's subject brings: `deficiency → rickets`
_LACK = re.compile(r"^(?:deficiency|lack(?:\sof\sit)?|too\slittle)\s?(?:→|->|=|:|[-–—]|causes)"
                   r"\s?(?P<effect>[^→;]{3,80})$", re.IGNORECASE)
_WHY_LABEL = re.compile(r"^why\s(?P<clause>[^:?]{3,80}):\s(?P<a>\S.{2,})$", re.IGNORECASE)
# What a heading's subject has, rather than a term: `treatment = …`, `Causes: …`.
_ASPECTS = (r"treatments?|causes?|uses?|symptoms?|effects?|impacts?|consequences?|aims?"
            r"|purpose|significance|outcomes?|results?|function|role|prevention"
            r"|origins?|advantages?|disadvantages?|benefits?|drawbacks?|capacity"
            r"|duration|encoding|size|location|structure|strengths?|weaknesses?"
            r"|limitations?|evaluation|criticisms?|products|reactants|conditions?"
            r"|catalysts?|monomers?|reign|plan|goals?|motives?|reasons?|response"
            r"|reaction|legacy|importance|problems?|solutions?|features?"
            r"|characteristics?|units?|rule of thumb|symbols?")
# (`main function`, `main source`: a word before the aspect says which)
_ASPECT = re.compile(rf"^(?:(?:main|key|primary|secondary|major|other)\s(?:sources?|{_ASPECTS})"
                     rf"|{_ASPECTS})$",
                     re.IGNORECASE)
_COMPARED = re.compile(r"^(?:longer|shorter|higher|lower|bigger|smaller|faster|slower|greater"
                       r"|stronger|weaker|steeper|warmer|colder|hotter|wider|narrower|more|less"
                       r"|fewer)\s\w", re.IGNORECASE)
# `HTTP = Hypertext…, HTTPS = HTTP Secure`: several acronyms defined on one line.
_NEXT_ACRONYM = re.compile(r",\s(?=[A-Z][A-Z0-9]{1,7}\s?(?:=|[-–—]\s))|,\s(?=[^,=]{2,30}\s=\s)"
                           r"|\s[-–—]\s(?=[^-–—=,]{2,30}\s=\s)|;\s(?=[^;]{2,30}\s[-–—=:]\s)"
                           r"|\s[-–—]\s(?=[A-Z][\w ]{1,25}:\s)")  # (`… - Botnet: network of …`)


def _headed_arrow(sentence: str, title: str) -> list[Fact]:
    """`trachea & bronchi -> cilia waft mucus …` under `Body's defences`: what the heading
    asks of the thing before the arrow ("How do trachea & bronchi act as a defence?")."""
    parts = re.split(r"\s?(?:->|→)\s?", sentence, maxsplit=1)
    if not title or len(parts) != 2 or len(parts[0].split()) > 4 or \
            arrows.has_arrow(parts[1]) or any(verb_base(w) for w in parts[0].split()):
        return []
    return headed.headed_facts(parts[0].strip(), parts[1].strip(), title)


def _relation_facts(text: str, *, past: bool, lead: str = "", causal: bool = False,
                    historical: bool = False, title: str = "") -> list[Fact]:
    labelled = _TERM_LABEL.match(text) if text[:1] in "KkCcQq" else None
    if labelled:  # `Key fact: When the core reaches …`, inside a paragraph too
        text = text[labelled.end():]
    valued = _VALUE_MEANS.match(text) if "=" in text else None
    if valued:  # `PED = 1 = unitary elasticity`: "What does PED = 1 mean?"
        return [Fact("definition", f"What does {valued.group('value')} mean?",
                     trim_ends(valued.group("means")))]
    lacking = _LACK.match(text) if title else None
    owner = terms.decapitalised(drop_parentheses(title) or title) if lacking else ""
    if lacking and len(owner.split()) <= 3 and not re.search(r"[-–—:,]", owner):
        # `deficiency → kwashiorkor` under Protein
        return [Fact("cause", f"What does a lack of {owner} cause?",
                     trim_ends(lacking.group("effect")))]
    asked = _ASKED.match(text)
    if asked and terms.sentence_pair(_DASHES.split(asked.group("a"))[0]):
        # `What is urbanisation? Urbanisation is the increase …`: a web page's heading asks
        # what the sentence after it defines
        return _relation_facts(asked.group("a"), past=past, lead=lead, causal=causal,
                               historical=historical, title=title)
    if asked:  # `why layers? each layer does one job`: the student's own question
        question = asked.group("q")
        answer = re.sub(r"^(?:[-–—=✓]|->|→)\s", "", asked.group("a"))  # `What is iteration? - …`
        if answer.startswith("(") and answer.endswith(")"):
            answer = answer[1:-1]  # `1 What does DDoS stand for? (distributed denial …)`
        told = _sentences(answer)
        if len(answer) > _LONG_PROSE and len(told) >= 3:
            # `Where do stars form? Stars form inside nebulae … . Gravity pulls …`: the first
            # sentence answers it, the rest are read as the paragraph they are
            rest = answer[answer.index(told[1]):] if told[1] in answer else ""
            return [Fact("fact", question[0].upper() + question[1:], trim_ends(told[0])),
                    *_relation_facts(rest, past=past, lead=lead, causal=causal,
                                     historical=historical, title=title)]
        return [Fact("fact", question[0].upper() + question[1:], trim_ends(answer))]
    why = _WHY_LABEL.match(text)
    if why and why_question(why.group("clause")):
        # `Why computers use binary: circuits made of switches`
        return [Fact("cause", why_question(why.group("clause")) or "",
                     trim_ends(why.group("a")))]
    quote = _quote_facts(text, title)
    if quote is not None:
        return quote
    sentences = _sentences(text)
    if len(sentences) > 1 and all(terms.split_term(s) for s in sentences) \
            and not any(_ABBREVIATION_END.search(s) for s in sentences[:-1]):
        # `Agentic state = … Opposite = autonomous state. Agentic shift = …`: one each
        # (`Bank loan: … . Advantages: …`: what is told of the term before)
        found, owner = [], ""
        for sentence in sentences:
            asked_under, owner = _aspect_owner_in(terms.split_term(sentence)[0], owner, title)
            found += _relation_facts(sentence, past=past, lead=lead, causal=causal,
                                     historical=historical, title=asked_under)
        return found
    compared = tables.compared_line(text) if "=" in text else None
    if compared is not None:
        return compared  # (none: rules told as a comparison, no card to make of them)
    symbols = formulas.symbol_key(text) if "=" in text and "(" in text else []
    if symbols:
        return symbols
    related = _PROPORTIONAL.match(text) if "proportional" in text else None
    if related:
        # `acceleration is directly proportional to resultant force, inversely …`
        found = []
        for part in re.split(r",\s|;\s|\sand\s(?=(?:directly|inversely)\b)", related.group("rest")):
            how = re.match(r"(?:(?P<how>directly|inversely)\s)?proportional to\s(?P<to>.+)$",
                           part.strip())
            if how:
                found.append(Fact("formula", f"What is {related.group('x')} "
                                  f"{how.group('how') or 'directly'} proportional to?",
                                  trim_ends(how.group("to"))))
        if found:
            return found
    counted = lists.counted_list(text)
    if counted is not None:
        return [counted]
    changed = headed.change_facts(text, title)
    if changed:
        return changed
    parts = _NEXT_ACRONYM.split(text)
    if any(p.count("(") != p.count(")") for p in parts):
        parts = [text]  # never cut inside brackets
    if len(parts) >= 2 and len(parts[0].split()) <= (5 if len(parts) > 2 else 3) \
            and not re.search(r"[=:]", parts[0]) \
            and not terms.split_term(parts[0]) and all(terms.split_term(p) for p in parts[1:]):
        parts = parts[1:]  # `Key people quick list - Nicholas II = last Tsar - …`
        if len(parts) == 1:  # `Warfare - Counting coup = touching an enemy …`
            return _relation_facts(parts[0], past=past, lead=lead, causal=causal,
                                   historical=historical, title=title)
    if len(parts) > 1 and all(terms.split_term(p) for p in parts):
        return [f for p in parts for f in _relation_facts(p, past=past, lead=lead, causal=causal,
                                                          historical=historical, title=title)]
    # (a paragraph of several sentences is read a sentence at a time, even where its first
    # words make a term: `Product- the good or service … . A brand is a name …`)
    pair = terms.split_term(text)
    if pair is not None and len(text) > _LONG_PROSE and len(sentences) >= 3 \
            and pair[2][:1] not in _QUOTES:  # (`English note: "Last summer …"`: one passage)
        pair = None
    if pair is None and title and text[:7].lower() == "how to ":
        label, colon, rest = text.partition(": ")  # `how to form: take the yo form …`
        found = headed.label_of_heading(label, rest, title) if colon else []
        if found:
            return found
    if pair is not None and pair[1] == "=" and formulas.is_formula(text) \
            and not terms.expands(pair[0], pair[2]):
        pair = None  # `speed = distance / time` is a formula, not a term (`DNS = Domain …` is)
    raised = _RAISED_BY.match(text)
    if raised and pair is None:
        # `thinking distance ↑ by tiredness, alcohol, drugs (reaction time …)`
        verb = "increases" if raised.group("way") in ("↑", "increased", "raised") else "decreases"
        return [Fact("cause", f"What {verb} {raised.group('what')}?",
                     trim_ends(drop_parentheses(raised.group("by")) or raised.group("by")))]
    if pair is None:
        acts = _ARROW_ACTS.match(text) if "->" in text or "→" in text else None
        if acts and terms.looks_like_term(acts.group("term")) and \
                terms.starts_with_verb(acts.group("does"), acts.group("term")):
            # `Bacteria -> reproduce v quickly, release toxins …`: the arrow says what it does
            found = [f for f in terms.term_facts(acts.group("term"), "->", acts.group("does"))
                     if not f.question.startswith("What is meant by")]
            if found:
                return found
        if formulas.is_formula(text):
            found = formulas.formula_facts(text)
            if found or not _HAPPENS_WHERE.search(text):
                return found  # (`profit max happens where MC = MR` is said, not a sum)
        equation = formulas.word_equation(text)
        if equation:
            return equation
    if pair is not None and _LABEL.match(pair[0]):
        text, pair = pair[2], None  # `Context: …` labels prose, it defines nothing
    if pair is not None and _TIME_PHRASE.fullmatch(pair[0].strip()):
        # `late July - Armada spotted off the Lizard`: when it happened, asked of what
        asked = _when_question(re.split(r";\s|\.\s", pair[2])[0])
        return [Fact("date", asked, pair[0].strip())] if asked else []
    number = _GRAMMAR_NUMBER.fullmatch(pair[0].strip()) if pair is not None and title else None
    if number and re.search(r"(?:^|\s)-\w", pair[2]):
        # `sg: nom -a, acc -am, …` under `1st declension endings`: the singular endings
        which = "singular" if number.group(0).lower().startswith("s") else "plural"
        return [Fact("vocabulary", f"{title}: what are the {which} forms?", pair[2])]
    span = _TERM_SPAN.fullmatch(pair[0].strip()) if pair is not None and title else None
    if span and re.fullmatch(r"[A-Za-z ]*[a-rt-z]s", title.strip()):
        # `short term: failure - …` under Consequences: "What were the short-term
        # consequences?"
        be = "were" if past else "are"
        return [Fact("definition", f"What {be} the {span.group(1).lower()}-term "
                     f"{title.strip().lower()}?", pair[2])]
    if pair is not None and title and _ASPECT.match(pair[0]) and 1 <= len(pair[2].split()) <= 25 \
            and not _a_kind_of(pair[2], title) \
            and not (pair[0].lower().startswith("unit") and not _UNITS.search(pair[2])):
        # `treatment = bloodletting + purging` under Medieval medicine
        aspect = pair[0].lower()
        be = ("were" if past else "are") if aspect.endswith("s") else ("was" if past else "is")
        named = drop_parentheses(title) or title  # (`THE ARMADA 1588 (sequence)`)
        return [Fact("definition", f"{capitalised(named)}: what {be} the {aspect}?", pair[2])]
    if pair is not None and pair[1] == "=" and _COMPARED.match(pair[0]) and \
            _COMPARED.match(pair[2]) and len(pair[2].split()) <= 8:
        # `longer fetch = bigger more powerful waves`: a cause, not a definition
        a = "" if pair[0].split()[0].lower() in ("more", "less", "fewer") else "a "
        return [Fact("cause", f"What does {a}{pair[0]} lead to?", pair[2])]
    if pair is not None and re.search(r"\s(?:eg|e\.g\.)\s", pair[0]):
        # `mechanical weathering eg freeze-thaw: water gets into cracks …`: the example
        pair = (re.split(r"\s(?:eg|e\.g\.)\s", pair[0])[-1], pair[1], pair[2])
    if pair is not None:
        term, sep, meaning = pair
        head, arrow, tail = meaning.rpartition(" -> ") if " -> " in meaning else \
            meaning.rpartition(" → ")
        if arrow and has_words(head, 4) and formulas.is_formula(tail):
            meaning = head  # `Newton's 2nd law: acceleration is proportional … -> F = m a`
        if len(arrows.ARROW.findall(meaning)) >= 2 and not terms.is_person(term, meaning):
            return arrows.arrow_facts(meaning, term, past=past, lead=term, causal=causal,
                                      title=title)
        attributes = terms.attribute_facts(term, meaning)
        if attributes:
            return attributes
        short = _SHORT_FOR.fullmatch(meaning.strip())
        if short and short.group("full").lower().startswith(term.rstrip(".").lower()) \
                and len(short.group("full")) > len(term.rstrip(".")):
            # `rit. = ritardando -> gradually slowing down`
            full = short.group("full")
            return [Fact("definition", f"What does {term} stand for?", full),
                    Fact("definition", f"What does {quoted(full)} mean?",
                         trim_ends(short.group("gloss")))]
        span = _VALUE_RANGE.fullmatch(meaning.strip())
        if span and terms.looks_like_term(term) and len(term.split()) <= 4:
            # `human hearing range = 20 Hz to 20 000 Hz`: the range whole
            return [Fact("figure", f"What is {article(terms.decapitalised(term))}?",
                         meaning.strip())]
        made_of = _COUNT_OF.fullmatch(meaning.strip())
        if made_of and terms.looks_like_term(term) and len(term.split()) <= 3:
            # `Nibble: 4 bits`: "How many bits are in a nibble?"
            noun = terms.decapitalised(term)
            a = "an" if noun[:1].lower() in "aeiou" else "a"
            return [Fact("figure", f"How many {made_of.group('unit')} are in {a} {noun}?",
                         made_of.group("count"))]
        if formulas.is_formula(meaning) and not re.match(r"(?:where|when)\s", meaning):
            return formulas.formula_facts(meaning)  # (`Normal profit = where AR = AC` defines)
        facts = (headed.labelled_facts(term, meaning)
                 or headed.label_of_heading(term, meaning, title)
                 or headed.headed_facts(term, meaning, title))
        if facts:
            return facts
        facts = terms.term_facts(term, sep, meaning, historical=historical)
        if not facts and arrows.has_arrow(meaning):
            facts = arrows.arrow_facts(meaning, term, past=past, lead=term, causal=causal)
        if facts or not _STATEMENT_BEFORE.match(term):
            return facts
        # `chlorophyll absorbs light – mostly red + blue`: a statement, read as one
    facts: list[Fact] = []
    previous = ""  # the last sentence's subject, for an `It …` or `They …` after it
    owner = ""  # the last term a sentence defined, which an `Advantages: …` after it is of
    for sentence in _segments(_sentences(text)):
        if previous and _PRONOUN_SUBJECT.match(sentence):
            sentence = previous + sentence[sentence.index(" "):]
        elif _PRONOUN_SUBJECT.match(sentence) and facts and facts[0].kind == "definition":
            # `Urbanisation is … - it is caused by …`: the term the line defined
            defined = terms.sentence_pair(text)
            if defined:
                sentence = _common(defined[0]) + sentence[sentence.index(" "):]
        subject = _NAMED_SUBJECT.match(sentence) if sentence[:1].isupper() else None
        if subject:  # (`The Single Transferable Vote (STV) is …`: STV, for short)
            previous = subject.group("short") or _common(subject.group("name"))
            sentence = previous + sentence[subject.end("name"):] if subject.group("short") \
                else sentence
        found = terms.sentence_pair(sentence)
        if found:
            facts += terms.sentence_facts(*found)
        elif sentence != text and (pair := terms.split_term(sentence)):
            # `… - natural increase = when the birth rate is higher …`: a term of its own;
            # `Bank loan: a fixed sum … . Advantages: …`: what is told of the term before
            asked_under, owner = _aspect_owner_in(pair[0], owner, title)
            facts += _relation_facts(sentence, past=past, lead=lead, causal=causal,
                                     historical=historical, title=asked_under)
        elif arrows.has_arrow(sentence):
            facts += _headed_arrow(sentence, title) or arrows.arrow_facts(
                sentence, past=past, lead=lead, causal=causal, title=title)
        else:
            linked = arrows.linked_facts(sentence)
            facts += linked or terms.statement_facts(sentence, historical=historical)
    return facts


def _aspect_owner_in(term: str, owner: str, title: str) -> tuple[str, str]:
    """For a sentence of a paragraph that opens with `term`: the title its facts are asked
    under, and the term the sentences after it are of. An aspect (`Advantages: …`) is of
    the last term defined before it (`Bank loan: …`), else of the title."""
    term = term.strip()
    if _ASPECT.match(term):
        return owner or title, owner
    return title, trim_ends(drop_parentheses(term) or term) if terms.looks_like_term(term) \
        else owner


def _deeds(text: str, asked: set[str]) -> list[Fact]:
    """"Who discovered …?" of each sentence that opens with a person and their deed, and of
    a labelled one (`anaesthetics: James Simpson discovered chloroform in 1847`)."""
    found = []
    for sentence in _sentences(text):
        label = _LABEL_BEFORE.match(sentence)
        for candidate in (sentence, sentence[label.end():] if label else ""):
            for kind, question, answer in names.doer_facts(candidate):
                if question not in asked:
                    asked.add(question)
                    found.append(Fact(kind, question, answer))
    return found


_LABEL_BEFORE = re.compile(r"[^:]{2,30}:\s")


def _segments(sentences: list[str]) -> list[str]:
    """`Urbanisation is the increase … - it is caused by … - natural increase = …`: a
    defining sentence that runs on past spaced dashes is one statement a segment."""
    found = []
    for sentence in sentences:
        head, *rest = _DASHES.split(sentence)
        if rest and terms.sentence_pair(head) and all(p.count("(") == p.count(")")
                                                      for p in (head, *rest)):
            found += [head, *rest]
        else:
            found.append(sentence)
    return found


_DASHES = re.compile(r"\s[-–—]\s")
_COMMON_NOUN_END = re.compile(r"(?:tion|sion|ment|ism|ity|ness|ance|ence|ing|ogy|isation)$")


def _common(subject: str) -> str:
    """`Urbanisation` opening a sentence is `urbanisation` inside one; a name keeps its
    capital."""
    if " " not in subject and _COMMON_NOUN_END.search(subject) and subject[1:].islower():
        return subject.lower()
    return subject
_PRONOUN_SUBJECT = re.compile(r"(?:[Ii]t|[Tt]hey)\s(?=[a-z])")
# A named subject at the head of a sentence, with the short name it is given in brackets
_NAMED_SUBJECT = re.compile(r"(?:The\s)?(?P<name>[A-Z][\w’'-]*(?:\s[A-Z][\w’'-]*){0,5}"
                            r"(?:\s\((?P<short>[A-Z]{2,6})\))?)\s(?=is\s|are\s|was\s|were\s"
                            r"|uses\s|used\s|has\s|had\s)")
# A subject and a present-tense verb before the separator: `chlorophyll absorbs light`.
_STATEMENT_BEFORE = re.compile(r"^[\w()’' -]{2,40}?\s(?:[a-z]+s)\s[\w ]+$")
_LABEL = re.compile(r"^(?:context|background|note|notes|nb|tip|remember|summary|overview|"
                    r"intro|introduction|evaluation|evaluate|conclusion|example|examples|eg|e\.g\.|ex"
                    r"|case study|example case study"
                    r"|egs)$", re.IGNORECASE)
# (the stop first and the letter before it looked back at: re then jumps from stop to stop)
_SENTENCE_END = re.compile(r"[.!?](?<=[a-z0-9)’'][.!?])\s+(?=[A-Z])")


_NEXT_NAMING = re.compile(r",\s(?=[^,]{1,30}\s(?:is|are)\scalled\s)")


def _sentences(text: str) -> list[str]:
    return [part.strip() for s in _SENTENCE_END.split(text) for part in _NEXT_NAMING.split(s)
            if part.strip()]


_CAUSE_TITLE = re.compile(r"\b(?:causes|why|effects|consequences|results|impacts|reasons"
                          r"|factors|led|leads)\b", re.IGNORECASE)


@functools.lru_cache(maxsize=1024)
def _about_causes(topic: tuple[str, ...]) -> bool:
    return any(_CAUSE_TITLE.search(title) for title in topic[-2:])


_CLOSING = {'"': '"', "“": "”", "„": "“", "«": "»", "‘": "’"}
_WHERE = re.compile(r"\b(?:Act\s\w+(?:,?\s(?:Scene|sc\.?)\s\w+)?|\d{1,2}\.\d{1,2}(?:\.\d+)?"
                    r"|(?:ch|chapter|chap\.?)\s?\d{1,2}|stanza\s\d{1,2}|verse\s\d{1,2})\b",
                    re.IGNORECASE)
_SPEAKER_END = re.compile(r",|\(|\s(?:about|to|on|of|when|after|before|as|in)\s|\s[-–—]\s"
                          r"|\s(?:ch|chapter|chap\.?)\s?\d|$", re.IGNORECASE)


# A quote and its chapter and verse: `"God is love" (1 John 4:8)`, `(Surah 2:255)`
_VERSE = re.compile(r"^[\"“](?P<quote>[^\"“”]{3,200})[\"”]\s*\((?P<ref>(?:[1-3]\s?)?[A-Z][a-z]+\.?"
                    r"(?:\s[A-Z][a-z]+)?\s\d{1,3}:\d{1,3}(?:[-–]\d{1,3})?)\)"
                    r"(?:\s*(?:[-–—]|->|→)\s*(?P<note>.+))?$")


def _quote_facts(text: str, title: str = "") -> list[Fact] | None:
    """`"Fair is foul…" – the witches, Act 1 Scene 1`: who says it, and where; and the
    speaker written first (`Sheila: "But these girls aren't cheap labour - they're people"`)."""
    verse = _VERSE.match(text) if text[:1] in "\"“" else None
    if verse:
        # `"God is love" (1 John 4:8) - God's nature`: which verse says it, and what it shows
        quote, ref, note = verse.group("quote"), verse.group("ref"), verse.group("note")
        facts = [Fact("quote", f"Which verse says “{quote}”?", ref)]
        note = re.sub(r"^(?:shows?|means?|so)\s", "", trim_ends(note or ""))
        if note and 1 <= len(note.split()) <= 8:
            facts.append(Fact("quote", f"What does “{quote}” ({ref}) show?", note))
        return facts
    if ('"' in text or "“" in text) and _SPEAKER_FIRST.match(text):
        facts = []
        for said in _SPEAKER_FIRST.finditer(text):
            who, quote = said.group("who"), said.group("quote").strip().rstrip(",")
            if any(verb_base(w) for w in who.split()) or _EVALUATION.fullmatch(who):
                continue  # (`EVALUATE - "God cannot be …"`: a task, no speaker)
            if said.group("sep") == ":":
                facts.append(Fact("quote", f"Who says “{quote}”?", who))
            else:  # `Arthur Birling - "a heavy-looking, rather portentous man"`: described
                facts.append(Fact("quote", f"Who is described as “{quote}”?", who))
        return facts or None
    opening = text[:1]
    closing = _CLOSING.get(opening)
    if closing is None:
        return None
    end = text.find(closing, 1)
    if opening == "‘":  # a closing ’ is also an apostrophe: the last one before a separator
        m = re.search(r"’(?=\s?[-–—:,]\s)", text)
        end = m.start() if m else -1
    if end < 6:
        return None
    quote = text[1:end].strip().rstrip(",")
    rest = text[end + 1 :].lstrip(" .…")
    if not rest or rest[0] not in "-–—:,":
        return None
    rest = rest[1:].strip()
    m = _SPEAKER_END.search(rest)
    speaker = trim_ends(rest[: m.start()]) if m else trim_ends(rest)
    where = _WHERE.search(rest)
    facts = []
    after = rest[m.start():] if m else ""
    if after and not re.match(r"^(?:,|\(|\s(?:about|to|on|of|when|after|before|as|in)\s|"
                              r"\s[-–—]\s|\s(?:ch|chapter|chap\.?)\s?\d)", after, re.IGNORECASE):
        speaker = ""
    if not where and not _SPEAKER.match(speaker):
        # `"half sunk, a shattered visage lies" – imagery of decay, power in ruins` under
        # `Ozymandias – Percy Bysshe Shelley`: what the line does, and the work it comes
        # from; nobody says it
        analysed = _analysed_quote(quote, rest, title)
        if analysed:
            return analysed
    if speaker and len(speaker.split()) <= 4 and speaker[:1].isalpha() and \
            not _WHERE.fullmatch(speaker) and not any(verb_base(w) for w in speaker.split()[1:]):
        facts.append(Fact("quote", f"Who says “{quote}”?", speaker))
    if where:
        facts.append(Fact("quote", f"Where in the text is “{quote}” said?", where.group()))
    return [f for f in facts if not shows(f.question, f.answer)] or None


# Who speaks a line: a name (`Lady Macbeth`), or a group or role (`the witches`)
_SPEAKER = re.compile(r"(?!(?:AO\d|NB)\b)[A-Z][\w.’'-]*(?:\s[A-Z][\w.’'-]*){0,3}(?:$|,|\s\()"
                      r"|the\s[a-z]+(?:\s[a-z]+)?$")
# What a line does, in the words an English teacher uses
_TECHNIQUE = re.compile(
    r"\b(?:metaphors?|similes?|imagery|alliteration|sibilance|assonance|repetition|anaphora"
    r"|personification|caesura|enjambment|oxymoron|juxtaposition|irony|hyperbole|onomatopoeia"
    r"|rhetorical question|imperative|semantic field|symbolism|symbol|pathetic fallacy"
    r"|plosives?|listing|contrast|antithesis|euphemism|direct address|volta|rhyme|tricolon"
    r"|emotive language|colloquial|dialect|monologue|framing narrative)\b", re.IGNORECASE)


def _analysed_quote(quote: str, analysis: str, title: str) -> list[Fact]:
    facts = []
    work = _WORK_AND_WRITER.fullmatch(title.strip()) if title else None
    if work:
        facts.append(Fact("quote", f"Which text is “{quote}” from?", work.group("work")))
    first = trim_ends(re.split(r",\s|;\s|\s[-–—=]\s|\s->\s|\s→\s", analysis)[0])
    if _TECHNIQUE.search(first) and len(first.split()) <= 6:
        facts.append(Fact("quote", f"What technique is used in “{quote}”?", first))
    elif work and 2 <= len(analysis.split()) <= 25:
        facts.append(Fact("quote", f"What does “{quote}” show?", trim_ends(analysis)))
    return [f for f in facts if not shows(f.question, f.answer)]


# `1. Ozymandias – Percy Bysshe Shelley`: a work and who wrote it
_WORK_AND_WRITER = re.compile(r"(?:\d{1,2}[.)]\s)?(?P<work>[A-Z][^–—:]{1,50}?)\s[-–—]\s"
                              r"(?:[A-Z][a-z'’.-]+\s){1,3}[A-Z][a-z'’-]+")


# `Birling: "…"`, `Sheila to Gerald: "…"`, `Mrs Birling - "…"`
_SPEAKER_FIRST = re.compile(r"(?:^|(?<=\s[-–—•]\s))(?P<who>[A-Z][\w.’']*(?:\s[A-Z][\w.’']*){0,2})"
                            r"(?:\sto\s[A-Z][\w’']*)?\s?(?P<sep>:|\s[–—-])\s[\"“]"
                            r"(?P<quote>[^\"“”]{6,200})[\"”]")
# A year, with no word character either side: `\b` before the digits is asked after them
# (`(?<!\w\d{4})`) so the pattern starts with a digit, which re finds by a quick scan.
_YEAR = re.compile(r"(?:1[0-9]{3}|20[0-9]{2})(?<!\w\d{4})\b")
_ABBREVIATION_END = re.compile(r"\b(?:e\.g|eg|i\.e|ie|etc|approx|no|vs|St|Dr|Mr|Mrs|Ms)\.?$",
                               re.IGNORECASE)
# A note to self, by how it starts and by what it mentions anywhere. (Two patterns: as
# one, re tried the opening words at every character of every line. Every word looked
# for anywhere starts with a letter or digit, so `(?<!\w)` is the `\b` before it, and
# cheaper.)
_NOTE_TO_SELF_START = re.compile(
    r"\(?(?:todo|to do\s?[:!-]|ask\s|check\s|remember to|learn\s|revise\s"
    r"|[^:(]{1,40}(?::\s|\s\()(?:learn|revise) (?:these|this|them|it)\b"
    r"|practi[cs]e\s|flashcards\b|finish\s|mock\b|hw\b|homework\b|colou?r[- ]?(?:code|key)"
    r"|exam tip\b|(?:test|quiz|exam|mock)\s(?:on|next|this|tomorrow)\b)", re.IGNORECASE)
_NOTE_TO_SELF_WORDS = re.compile(
    r"(?<!\w)(?:past papers?|textbook|workbook|revision guide|p\.\s?\d|pp\.\s?\d|page\s\d"
    r"|(?:in|on) (?:the |my )?(?:spec|mocks?)|spec point|exam board|essay (?:q|qs|question|plan)"
    r"|\d+ mark (?:q|question|essay)|\d+[ -]?markers?|mock (?:is|exam|on)"
    r"|don'?t (?:forget|mix up)|lost \d+ marks?|label the diagram"
    r"|(?:miss|sir|mr\.? \w+|mrs\.? \w+|ms\.? \w+) (?:says|said))\b",
    re.IGNORECASE)
_WORKED_EXAMPLE = re.compile(r"^(?:e\.?g\.?|for example|worked example)[\s:,]", re.IGNORECASE)


def _is_past(bullet: Bullet) -> bool:
    return bool(_YEAR.search(bullet.text)) or _dated(bullet.topic)


@functools.lru_cache(maxsize=1024)
def _dated(topic: tuple[str, ...]) -> bool:
    return any(_YEAR.search(title) for title in topic)


def _label_above(bullet: Bullet) -> str:
    """The short label a line is the only point under (`abrasion` over `rocks carried by
    the river scrape …`), or ""."""
    parent = bullet.parent
    if parent is None or parent.intro or not parent.text or bullet.children:
        return ""
    points = [c for c in parent.children if not re.fullmatch(r"\([^()]*\)", c.text)]
    label = trim_ends(parent.text)
    if "(" in label and not terms.split_term(label):
        label = drop_parentheses(label) or label  # `Pressure (gases only)`: a remark
    if points != [bullet] or len(label.split()) > 4 or terms.split_term(label) \
            or re.search(r"\d|[:=→>]", label) or not terms.looks_like_term(label) \
            or terms.split_term(bullet.text):
        return ""
    return label


def _said_of_subject(bullet: Bullet) -> list[Fact]:
    """`Linear search` over `- checks each item in turn …`: a line that starts with what
    something does, under a bullet or heading that names the thing, is asked of it."""
    subject = ""
    parent = bullet.parent
    pair = terms.split_term(parent.text) if parent is not None and not parent.intro else None
    if parent is not None and not parent.intro and len(parent.text.split()) <= 4:
        subject = parent.text
    elif pair is not None and len(pair[0].split()) <= 4 and pair[1] not in ("=", "()"):
        subject = pair[0]  # `rose black spot – purple spots …` over `treated w/ fungicides`
    elif bullet.topic and len(bullet.topic[-1].split()) <= 3:
        subject = _qualified(bullet.topic)
    subject = trim_ends(subject)
    named = pair is not None and subject == trim_ends(pair[0])  # (a term its line defines)
    if not subject or not (named or terms.looks_like_term(subject)) \
            or lead_title((subject,)) != subject:
        return []
    first = bullet.text.split()[0].lower() if bullet.text.split() else ""
    why = _KIND_BECAUSE.match(bullet.text)
    if why and not any(verb_base(w) for w in why.group("what").split()):
        # `endothermic reaction b/c energy is taken in` under Photosynthesis
        what = why.group("what")
        a = "an" if what[0] in "aeiou" else "a"
        noun = article(terms.decapitalised(subject))
        return [Fact("cause", f"Why is {noun} {a} {what}?", trim_ends(why.group("why")))]
    text = bullet.text
    if _DONE_TO.match(text):
        text = re.sub(r"\bw/\s?", "with ", text, count=1)  # `treated w/ fungicides`
    elif not verb_base(first):
        return []
    fact = terms.clause_relation(article(terms.decapitalised(subject)), text)
    return [fact] if fact is not None and not shows(fact.question, fact.answer) else []


_ADJECTIVE = re.compile(r"^[A-Za-z-]+(?:ic|al|ive|ous|ary|ar)$")
# What is done to a thing, said under it: `treated w/ fungicides`, `spread by mosquitoes`
_DONE_TO = re.compile(r"(?:treated|caused|spread|prevented|controlled|made|produced"
                      r"|stored|used|measured|tested|carried|transmitted|detected)"
                      r"\s(?:w/|with|by|in|using|from|for)\s")


def _qualified(topic: tuple[str, ...]) -> str:
    """The thing a heading names: `Respiration › Aerobic (w/ oxygen)` is aerobic
    respiration."""
    title = drop_parentheses(topic[-1]) or topic[-1]
    if len(topic) >= 2 and _ADJECTIVE.match(title) and len(topic[-2].split()) <= 2:
        return f"{title} {trim_ends(topic[-2]).lower()}"
    return topic[-1]


def _subject_of(topic: tuple[str, ...]) -> str:
    """What the nearest heading is about, as a question names it (`Respiration › Aerobic
    (w/ oxygen)` → `aerobic respiration`)."""
    subject = trim_ends(drop_parentheses(_qualified(topic)) or topic[-1])
    return subject if subject[:2].isupper() else subject.lower()


_KIND_BECAUSE = re.compile(r"^(?P<what>[a-z][\w-]*\s(?:reaction|process|change|system|element"
                           r"|compound|mixture|organ|tissue|gas|metal|acid|base|feature|type)s?)"
                           r"\s(?:b/c|bc|because)\s(?P<why>.{3,})$")


_GENERIC_RUN_IN = re.compile(
    r"(?:Context|Characters|Key (?:quotes|terms|people|events|ideas|facts|dates)|Themes"
    r"|Structure(?:\s\+\s\w+)?|Stagecraft|Setting|Plot(?: summary)?|Summary|Overview|Background"
    r"|Introduction|Timeline|Evaluation)\s(?=[A-Z][\w’']*[\s:])")
# A label that says the line is a term and its meaning, not part of either
_TERM_LABEL = re.compile(r"(?:key\s?(?:terms?|words?|concepts?|facts?|points?)|definition|def"
                         r"|term|vocab|(?:AO\d\s)?evaluation|AO\d|eval|concept"
                         r"|check your understanding|quick check)\s?[:–—-]\s(?=\S)",
                         re.IGNORECASE)
_JOINING = frozenset("v vs x and & + of the for in to with".split())
_RUN_IN = re.compile(r"^(?P<title>[A-Z][\w-]*(?:\s[\w-]+){0,4}?)\s(?P<rest>[A-Z][\w-]*\s.{8,})$")


# A bracketed remark of the student's, not part of the fact: `(lol it didnt last)`,
# `(!!)`, `(massive)`, `(check this w/ Mrs O)`, `(teacher said this comes up)`.
_ASIDE = re.compile(
    r"\s?\((?:[^()]*(?:!|\?\?|\blol\b)[^()]*"
    r"|(?:lol|haha|omg|ugh|check|ask|need to|teacher|sir|miss|mrs?|ms|i think"
    r"|not sure|tbc|todo|comes up|exam|learn|remember|plan|write up|revise|practi[cs]e)\b[^()]*"
    r"|(?:v\.?|very|really|so|super)\s(?:important|imp|useful|key)|massive|sic|\?+)\)",
    re.IGNORECASE)
_YEAR_EQUALS = re.compile(r"(?:1[0-9]{3}|20[0-9]{2})s?\s?=\s?(?!\d)")
_ARROW_ACTS = re.compile(r"(?P<term>[^-=>→:]{2,40}?)\s?(?:->|→)\s?(?P<does>[a-z][^→>]+)")
_RAISED_BY = re.compile(r"(?P<what>[a-z][\w\s-]{2,30}?)\s?(?P<way>↑|↓|increased|decreased|raised"
                        r"|lowered|reduced)\s(?:by\s)(?P<by>.{3,})$")
_SHORT_FOR = re.compile(r"(?P<full>[a-z]{4,})\s?(?:->|→|[-–—:]|=)\s?(?P<gloss>\S.+)")
_VALUE_RANGE = re.compile(r"(?:approx\.?\s|about\s)?[0-9][0-9 ,.]*\s?[^\W\d]{0,6}\s(?:to|-|–)\s"
                          r"[0-9][0-9 ,.]*\s?[^\W\d]{0,6}(?:\s\([^()]*\))?")
_HAPPENS_WHERE = re.compile(r"\s(?:happens?|occurs?)\s(?:where|when)\s")
_COUNT_OF = re.compile(r"(?:approx\.?\s)?(?P<count>\d[\d,.]*)\s(?P<unit>[a-z]{3,}s)")
_YEAR_FIRST = re.compile(r"(?P<year>1[0-9]{3}|20[0-9]{2})\s?[-–—:]\s(?P<rest>\S.*)")
_QUOTES = "\"“”'‘’ "


def _without_asides(text: str) -> str:
    kept = _ASIDE.sub("", text).strip()
    return kept if has_words(kept, 2) else text


def _without_run_in_title(text: str) -> str:
    """`Megacities A megacity is …`, `Weathering and mass movement Weathering = …`: a web
    page's heading run into its first line, known by the line taking up its word, or by
    being a heading every such page has (`Context An Inspector Calls was written …`)."""
    generic = _GENERIC_RUN_IN.match(text)
    if generic:
        return text[generic.end():]
    m = _RUN_IN.match(text)
    if m is None or ":" in m.group("title") or "-" in m.group("title").split()[-1] \
            or m.group("title").split()[-1].lower() in _JOINING:
        return text  # (`Thomas v Thomas`, `Bb x Bb` join two names)
    title = {_fold(w) for w in m.group("title").lower().split()}
    rest = m.group("rest").split()
    first = rest[1] if rest[0] in ("A", "An", "The") and len(rest) > 1 else rest[0]
    return m.group("rest") if _fold(first.lower().strip(",.:")) in title else text


# A person with their dates (`Claude Monet (1840-1926)`), and a work of theirs with its year
_LIVED = re.compile(r"(?P<name>[A-Z][\w'’.-]*(?:\s[\w'’.-]+){1,4})\s\((?:c\.\s?|b\.\s?)?"
                    r"1[0-9]{3}\s?[-–]\s?(?:1[0-9]|20)?[0-9]{2}\)")
_WORK = re.compile(r"(?:(?P<verb>painted|wrote|composed|designed|built|sculpted|directed)\s)?"
                   r"(?P<work>[A-Z](?:[^(),;]|[,;]\s(?=[A-Z])){1,60}?)"
                   r"\s\((?P<year>1[0-9]{3}(?:\s?[-–]\s?[0-9]{2,4})?)\)"
                   r"(?:,\s[^()]{3,80})?")


def _work_of(text: str, topic: tuple[str, ...]) -> list[Fact]:
    """`Women in the Garden (1866)` under `Claude Monet (1840-1926)`: whose work it is,
    rather than the year of every work."""
    person = _LIVED.fullmatch(topic[-1]) if topic else None
    work = _WORK.fullmatch(text) if person else None
    if work is None:
        return []
    verb, name = work.group("verb"), person.group("name")
    title = f"‘{work.group('work')}’ ({work.group('year')})"
    if not verb:
        return [Fact("person", f"Whose work is {title}?", name)]
    return [Fact("person", f"Who {verb} {title}?", name),
            Fact("date", f"When did {name} {_MADE[verb]} ‘{work.group('work')}’?",
                 work.group("year"))]


# `Masaccio (1401-1428) died young, The Holy Trinity (c.1427) in …`: a line that opens
# with a person and their dates, then their works with their years
_LINE_OF_LIFE = re.compile(r"(?:[A-Z][a-z]+:\s)?(?P<name>[A-Z][\w'’.-]*(?:\s[\w'’.-]+){0,3})"
                           r"\s\((?:[^()]{3,40},\s)?(?:c\.\s?|b\.\s?)?1[0-9]{3}(?:/[0-9]{2})?"
                           r"\s?[-–]\s?(?:1[0-9]|20)?[0-9]{2}\)\s(?P<rest>.+)")
_LINE_WORK = re.compile(r"(?:^|,\s|\sand\s|;\s)(?:(?P<verb>painted|wrote|composed|designed"
                        r"|built|sculpted|carved|made)\s)?(?P<work>(?:[a-z]+\s){0,3}[A-Z][^(),;]"
                        r"{1,50}?)\s\((?:[^()]{3,40},\s)?(?P<year>(?:c\.\s?)?1[0-9]{3}s?"
                        r"(?:\s?[-–]\s?[0-9]{2,4})?)\)")
_MAKERS = {"architect": "designed", "sculptor": "made", "painter": "painted",
           "composer": "composed", "writer": "wrote", "poet": "wrote", "playwright": "wrote"}


def _works_on_line(text: str) -> list[Fact]:
    """`Paolo Uccello (c.1397-1475) …, The Battle of San Romano (c.1438-40), …`: "Whose
    work is ‘The Battle of San Romano’ (c.1438-40)?", for each work named with its year."""
    life = _LINE_OF_LIFE.match(text)
    if life is None:
        return []
    rest = life.group("rest")
    first_clause = rest.split(",")[0].lower()
    role = next((verb for word, verb in _MAKERS.items() if word in first_clause), "")
    facts = []
    for work in _LINE_WORK.finditer(rest):
        title = work.group("work")
        if work.start() == 0 and not work.group("verb") and title[:1].islower():
            continue  # (`born in Vinci (1452)`: no work)
        shown = (f"‘{title}’" if title[:1].isupper() else title if title.startswith(("the ", "a "))
                 else f"the {title}")  # (`bronze David`)
        verb = work.group("verb") or role
        year = work.group("year")
        question = (f"Who {verb} {shown} ({year})?" if verb else
                    f"Whose work is {shown} ({year})?")
        facts.append(Fact("person", question, life.group("name")))
    return facts


_DONE_BY_VERBS = {"founded": "founded", "set up": "set up", "led": "led", "written": "wrote",
                  "painted": "painted", "invented": "invented", "discovered": "discovered",
                  "built": "built", "designed": "designed", "created": "created",
                  "started": "started", "formed": "formed", "introduced": "introduced",
                  "passed": "passed"}
_DONE_BY = re.compile(rf"(?P<verb>{'|'.join(_DONE_BY_VERBS)})\sby\s"
                      r"(?P<who>[A-Z][\w'’.-]+(?:\s[A-Z][\w'’.-]+){0,3})"
                      r"(?:,?\s(?:in\s)?(?P<year>1[0-9]{3}|20[0-9]{2}))?$")
_MADE = {"painted": "paint", "wrote": "write", "composed": "compose", "designed": "design",
         "built": "build", "sculpted": "sculpt", "directed": "direct"}


# `John Kay's flying shuttle (1733)`: a thing named with its maker and its year
_CREDITED = re.compile(r"(?<![\w'’])(?P<who>[A-Z][a-z]+(?:\s[A-Z][a-z]+){0,2})['’]s\s"
                       r"(?P<thing>[a-z][a-z-]+(?:\s[a-z][a-z-]+){0,3})\s"
                       r"\((?:c\.\s?)?(?P<year>1[0-9]{3}|20[0-9]{2})\)")


# `The 1833 Factory Act banned children under 9 from …`: what a law or treaty did
_DOCUMENTS = (r"(?:Act|Acts|Treaty|Pact|Law|Laws|Charter|Bill|Agreement|Decree|Edict|Accord"
              r"|Reform|Reforms)")
_DOCUMENT = re.compile(rf"(?:^|\s){_DOCUMENTS}\b")
_LAW_VERBS = {
    "banned": "ban", "limited": "limit", "gave": "give", "introduced":
    "introduce", "allowed": "allow", "created": "create", "abolished": "abolish", "reduced":
    "reduce", "raised": "raise", "required": "require", "forced": "force", "set up": "set up",
    "extended": "extend", "granted": "grant", "legalised": "legalise",
    "established": "establish", "protected": "protect", "removed": "remove", "stopped": "stop",
    "lowered": "lower", "increased": "increase", "outlawed": "outlaw", "guaranteed":
    "guarantee", "ordered": "order", "provided": "provide", "replaced": "replace",
    "restricted": "restrict", "divided": "divide", "ended": "end", "cut": "cut"}
_DID_IT = re.compile(
    r"(?:^|(?<=[.;:]\s))(?:The\s)?(?:(?:first|second|third|new)\s)?"
    rf"(?P<name>(?:(?:1[0-9]{{3}}|20[0-9]{{2}})\s)?(?:[A-Z][\w'’-]*\s){{0,4}}{_DOCUMENTS}"
    r"(?:\s(?:of|on|for)(?:\s[A-Z][\w'’-]*){1,3})?(?:\s(?:1[0-9]{3}|20[0-9]{2}))?)"
    r"(?:\s\([^()]{1,30}\))?"
    rf"\s(?P<verb>{'|'.join(_LAW_VERBS)})\s(?P<what>[^.;:(]{{5,100}}?)(?=$|[.;:(]|\s[-–—]\s)")


def _what_it_did(text: str, asked: set[str]) -> list[Fact]:
    """`The 1833 Factory Act banned children under 9 from working …`: "What did the 1833
    Factory Act ban?"."""
    facts = []
    for m in _DID_IT.finditer(re.sub(r"\s?\([^()]*\)", "", text)):
        if any(m.group("name") in other for other in asked):
            continue  # (`What did the Civil Rights Act do?` asks it already)
        question = f"What did the {m.group('name')} {_LAW_VERBS[m.group('verb')]}?"
        if not shows(question, m.group("what")):
            facts.append(Fact("definition", question, trim_ends(m.group("what"))))
    return facts


def _credited(text: str, asked: set[str]) -> list[Fact]:
    """Who came up with each thing the line names with its maker and its year:
    `Richard Arkwright's water frame (1769)` → "Who came up with the water frame (1769)?"."""
    facts = []
    for m in _CREDITED.finditer(text):
        question = f"Who came up with the {m.group('thing')} ({m.group('year')})?"
        if question not in asked and len(m.group("who").split()) >= 2:
            facts.append(Fact("person", question, m.group("who")))
    return facts


def _aspect_owner(bullet: Bullet) -> str:
    """`effect: makes it memorable` indented under `alliteration - repetition of …`: the
    term of the line it is an aspect of."""
    parent = bullet.parent
    label = re.match(r"^([\w ]{3,20}?)\s?(?::|\s[-–—=])\s", bullet.text)
    if parent is None or parent.intro or not label or not _ASPECT.match(label.group(1)):
        return ""
    pair = terms.split_term(parent.text)
    return trim_ends(drop_parentheses(pair[0]) or pair[0]) if pair else ""


def _lead(bullet: Bullet) -> str:
    """What a blanked line needs in front of it: the bullet it sits under, if any. Its
    headings are not repeated: the topic path is shown above every card."""
    parent = bullet.parent
    if parent is None or parent.intro or not parent.text:
        return ""
    if len(parent.text.split()) <= _MAX_LEAD_WORDS:
        return parent.text
    subject = _LEAD_SUBJECT.match(parent.text)
    # (a long line's subject, or nothing: a sentence cut short says nothing)
    return subject.group(1) if subject else ""


_MAX_LEAD_WORDS = 8
_REMARK_HINTS = re.compile(r"apparent|idk|think|sure|fine|know|idea|lol|lmao|haha")
_REMARK = re.compile(r"\b(?:apparently|idk|i think|not sure|either (?:name|one|way) is fine"
                     r"|don'?t know|no idea|lol|lmao|haha)\b", re.IGNORECASE)
_LEAD_SUBJECT = re.compile(r"([^:;,.]{2,50}?)(?::\s|\s[-–—=]\s)")


def _bullet_cards(bullet: Bullet, deck: str, language: str | None,
                  counts: dict[tuple[int, str], int], *, historical: bool,
                  glossed: bool = False) -> list[CardDraft]:
    slots: dict[str, int] = {}
    drafts = []
    for fact in bullet_facts(bullet, language, counts, historical=historical, glossed=glossed):
        if len(fact.answer) > _MAX_ANSWER or (_REMARK_HINTS.search(fact.answer.lower())
                                              and _REMARK.search(fact.answer)):
            continue  # (`either name is fine apparently`, a `lol`: the student's, not the fact)
        slot = slots.get(fact.kind, 0)
        slots[fact.kind] = slot + 1
        drafts.append(_draft(deck, bullet.topic, fact, bullet.text, bullet.position,
                             bullet.line, slot))
    return drafts


def _draft(deck: str, topic: tuple[str, ...], fact: Fact, source: str, position: int,
           line: int, slot: int) -> CardDraft:
    return CardDraft(deck=deck, topic=_topic_without(topic, fact.answer), kind=Kind(fact.kind),
                     question=fact.question, answer=fact.answer,
                     source=_source(source, fact.answer), position=position, line=line,
                     slot=slot)


def _topic_without(topic: tuple[str, ...], answer: str) -> tuple[str, ...]:
    """The topic path shown with a card, with the answer taken out of any title holding it
    (`Round 3 – Right (1928-29)` above a card whose answer is 1928, `Scalars vs vectors`
    above one whose answer is `scalar`)."""
    if not any(_holds(title, answer) for title in topic):
        return topic
    kept = []
    for title in topic:
        if _holds(title, answer):
            if not (shows(title, answer) or _shares_year(title, answer)):
                continue  # `Ionic bonding` above `ionic bond`: nothing to cut, the title goes
            title = _strip_answer(title, answer)
            if not title or _holds(title, answer) or not re.search(
                    r"[^\W\d_]{2,}", re.sub(r"^(?:what|who|how|why|when|where)(?:\s(?:is|are|was|"
                                          r"were|does|do|did))?\b", "", title, flags=re.I)):
                continue  # (`What is ionic bonding?` less its answer asks nothing)
        kept.append(title)
    return tuple(kept)


def _holds(title: str, answer: str) -> bool:
    if shows(title, answer) or _shares_year(title, answer):
        return True
    words = _folded_words(answer)
    if title.istitle() and len(title.split()) <= 3 and _folded_words(title) <= words:
        return True  # `Mendel` above a card whose answer is `Gregor Mendel`
    # `Social Influence` above a card whose answer is `normative social influence`
    return bool(words) and 3 * len(words & _folded_words(title)) >= 2 * len(words)


_SMALL_WORDS = frozenset("""
    a an the of and or in on to for by with le la les l un une el los las der die das
""".split())


@functools.lru_cache(maxsize=4096)
def _folded_words(text: str) -> frozenset[str]:
    """The words of `text` without small words, plurals and -ing (`Ionic bonding` holds
    `ionic bond`)."""
    return frozenset({_fold(w) for w in _WORDS.findall(text.lower()) if w not in _SMALL_WORDS})


_WORDS = re.compile(r"[^\W_]+")


def _fold(word: str) -> str:
    if word.endswith("ing") and len(word) > 5:
        return word[:-3]
    if word.endswith(("xes", "ches", "shes", "sses")) and len(word) > 5:
        return word[:-2]  # `reflexes` is `reflex`
    if word.endswith("ies") and len(word) > 4:
        return word[:-3] + "y"
    return word[:-1] if word.endswith("s") and len(word) > 3 else word


def _shares_year(title: str, answer: str) -> bool:
    years = _years(title)
    return bool(years) and any(year in years for year in _YEAR.findall(answer))


@functools.lru_cache(maxsize=4096)
def _years(title: str) -> frozenset[str]:
    """The years a title shows, the end of a range too (`1933-39` shows 1939)."""
    years = set(_YEAR.findall(title))
    for start, end in _YEAR_RANGE.findall(title):
        years.add(end if len(end) == 4 else start[:2] + end)
    return frozenset(years)


_YEAR_RANGE = re.compile(r"\b(1[0-9]{3}|20[0-9]{2})\s?[-–/]\s?([0-9]{4}|[0-9]{2})\b")


_BRACKETED_END = re.compile(r"\([^()]*\)\s*$")


def _strip_answer(title: str, answer: str) -> str:
    years = _YEAR.findall(answer)
    ranges = [re.escape(m.group()) for m in _YEAR_RANGE.finditer(title)
              if _years(m.group()) & set(years)]
    pieces = ranges + [re.escape(answer)] + [re.escape(y) for y in years]
    pattern = rf"[\s,(]*(?<![\w.])(?:{'|'.join(pieces)})(?![\w])(?:[-–/]\d{{2,4}})?(?:’s|'s|s)?\)?"
    found = re.search(pattern, title, flags=re.IGNORECASE)
    if found and not years and title[:found.start()].strip(" –-:,(") and \
            re.search(r"[^\W_]", title[found.end():]) and not _BRACKETED_END.search(title):
        return ""  # `Bio Paper 2 – DNA, …` less its `2` or its `DNA` is no title: it goes
    stripped = re.sub(pattern, "", title, flags=re.IGNORECASE)
    stripped = trim_ends(re.sub(r"\s*\([^()]*$", "", stripped).strip(" ,;:–-"))
    if not stripped or shows(stripped, answer):
        return ""
    return stripped


def _source(text: str, answer: str) -> str:
    if len(text) <= _MAX_SOURCE:
        return text
    at = max(0, text.find(answer))
    lo = max(0, at - (_MAX_SOURCE - len(answer)) // 2)
    return text[lo : lo + _MAX_SOURCE]


def _unique(drafts: Iterable[CardDraft],
            seen: tuple[dict[str, str], set[str]] | None = None) -> list[CardDraft]:
    """`drafts` against the cards already kept (here, and in `seen`, which this adds to):
    a repeated question and answer is dropped; a question already asked with another
    answer gets its topic in front; a repeated id takes the next slot."""
    seen_questions, seen_ids = ({}, set()) if seen is None else seen
    cards: list[CardDraft] = []
    for draft in drafts:
        earlier = seen_questions.get(draft.question)
        if earlier is not None:
            if earlier == draft.answer:
                continue
            lead = lead_title(draft.topic, draft.answer)
            if not lead or draft.question.startswith(f"{lead}:"):
                continue  # the same question with another answer, and nothing to tell them apart
            draft = dataclasses.replace(draft, question=with_lead(lead, draft.question), id="")
            if draft.question in seen_questions:
                continue
        while draft.id in seen_ids:
            draft = dataclasses.replace(draft, slot=draft.slot + 1, id="")
        seen_questions[draft.question] = draft.answer
        seen_ids.add(draft.id)
        cards.append(draft)
    return cards
