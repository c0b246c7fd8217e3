"""The worksheet as one HTML page to print: the questions with room to write, the answers
on a page of their own (or left out for a test paper). Print styles set the page
margins, keep a question with its lines and hide nothing a printer needs; the page
needs no network, no script and no other file."""

from __future__ import annotations

from html import escape
from pathlib import Path

from revise.exporters import atomic_output
from revise.exporters.markdown import sections, title_of

STYLE = """
body { font: 12pt/1.45 Georgia, "Times New Roman", serif; max-width: 46em; margin: 2em auto;
       padding: 0 1em; color: #111; }
h1 { font-size: 1.6em; margin-bottom: .2em; }
h2 { font-size: 1.15em; margin: 1.4em 0 .4em; border-bottom: 1px solid #999; }
.name { margin: 0 0 1.5em; }
.name span { display: inline-block; width: 16em; border-bottom: 1px solid #111; }
ol { padding-left: 2em; }
li { margin: 0 0 .9em; break-inside: avoid; page-break-inside: avoid; }
.space { height: 2.4em; border-bottom: 1px dotted #777; }
.answers { break-before: page; page-break-before: always; }
.answers li { margin-bottom: .3em; }
@page { margin: 18mm 16mm; }
@media print {
  body { margin: 0; max-width: none; font-size: 11pt; }
  h2 { break-after: avoid; page-break-after: avoid; }
}
"""


def render(cards: list[dict], title: str | None = None, *, answers: bool = True) -> str:
    title = title_of(cards, title)
    parts = ["<!doctype html>", '<html lang="en">', "<head>", '<meta charset="utf-8">',
             f"<title>{escape(title)}</title>", f"<style>{STYLE}</style>", "</head>", "<body>",
             f"<h1>{escape(title)}</h1>",
             f'<p class="name">{len(cards)} questions. Name: <span></span></p>']
    for heading, numbered in sections(cards):
        parts.append(f"<h2>{escape(heading)}</h2>")
        parts.append("<ol>")
        parts += [f'<li value="{number}">{_lines(question)}<div class="space"></div></li>'
                  for number, question in numbered]
        parts.append("</ol>")
    if answers:
        parts += ['<section class="answers">', "<h2>Answers</h2>", "<ol>"]
        parts += [f"<li>{_lines(card['answer'])}</li>" for card in cards]
        parts += ["</ol>", "</section>"]
    parts += ["</body>", "</html>", ""]
    return "\n".join(parts)


def _lines(text: str) -> str:
    return escape(text, quote=False).replace("\r\n", "\n").replace("\n", "<br>")


def write(cards: list[dict], path: Path, *, answers: bool = True) -> None:
    with atomic_output(path, encoding="utf-8") as out:
        out.write(render(cards, answers=answers))
