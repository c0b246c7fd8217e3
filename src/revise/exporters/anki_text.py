"""Anki's text import format: tab-separated notes behind `#` headers that tell Anki
the separator, that fields are HTML, the note type, and which columns hold the
GUID, deck and tags, so Anki imports the file without asking how to map it.

Notes use Anki's built-in Basic note type (Front, Back), which every collection
has; the GUID is the card's id, as in the apkg export.
"""

from __future__ import annotations

import csv
from pathlib import Path

from revise.exporters import anki_tags, atomic_output, html_field

NOTETYPE = "Basic"
COLUMNS = ("GUID", "Deck", "Tags", "Front", "Back")
HEADERS = (
    "#separator:tab",
    "#html:true",
    f"#notetype:{NOTETYPE}",
    "#columns:" + "\t".join(COLUMNS),
    "#guid column:1",
    "#deck column:2",
    "#tags column:3",
)


def rows(cards: list[dict]) -> list[list[str]]:
    return [[card["id"], card["deck"], " ".join(anki_tags(card)), html_field(card["question"]),
             html_field(card["answer"])] for card in cards]


def write(cards: list[dict], path: Path) -> None:
    with atomic_output(path, encoding="utf-8", newline="") as out:
        out.write("\n".join(HEADERS) + "\n")
        table = csv.writer(out, delimiter="\t", lineterminator="\n")
        table.writerows(rows(cards))
