"""Revision notes made up for tests and the benchmark, deterministic for a given seed.

`write_notes` reads like a student's notes at any size: units and topics as headings,
bullets with dates, figures, causes and definitions, some plain bullets that give no
card, and the odd short list. `event_notes` is smaller and plainer, for tests that
edit notes between runs: a dated event a bullet, and an edited version of it in which
every bullet keeps its card.
"""

from __future__ import annotations

import random
from pathlib import Path

SUBJECTS = ["History", "Biology", "Geography", "Chemistry", "Economics", "Politics",
            "Physics", "Literature", "Religious Studies", "Sociology"]
PEOPLE = ["Stalin", "Trotsky", "Bukharin", "Kirov", "Yezhov", "Beria", "Lenin", "Zinoviev",
          "Kamenev", "Rykov", "Tomsky", "Molotov", "Darwin", "Mendel", "Franklin", "Crick",
          "Curie", "Faraday", "Keynes", "Smith", "Ricardo", "Marx", "Bismarck", "Cavour",
          "Garibaldi", "Peel", "Gladstone", "Disraeli", "Elizabeth", "Cromwell"]
THINGS = ["the grain quota", "the harvest", "the party congress", "the central committee",
          "the Five-Year Plan", "the secret police", "the Red Army", "the trade unions",
          "the peasantry", "urban workers", "the state budget", "the railway network",
          "the coal industry", "steel output", "the export trade", "the League of Nations",
          "the treaty", "the census", "the cell membrane", "the enzyme", "the river basin",
          "the glacier", "the coastline", "the reaction", "the catalyst", "inflation",
          "the central bank", "the tariff", "the parliament", "the electorate"]
VERBS = ["reformed", "abolished", "expanded", "reorganised", "purged", "founded",
         "doubled", "restricted", "nationalised", "opposed", "supported", "replaced",
         "measured", "described", "discovered", "financed", "blocked", "approved"]
PLACES = ["Moscow", "Leningrad", "Kiev", "Magnitogorsk", "Berlin", "Paris", "London",
          "Vienna", "Warsaw", "Prague", "Rome", "Madrid", "Norwich", "Manchester",
          "Glasgow", "the Urals", "Siberia", "the Ukraine", "the Volga", "the Caucasus"]
UNITS = ["tonnes of grain", "workers", "members", "deaths", "arrests", "peasants",
         "factories", "kilometres of track", "soldiers", "households", "votes", "species"]
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August",
          "September", "October", "November", "December"]
CAUSES = ["poor harvests", "falling prices", "the war scare", "rapid industrialisation",
          "forced requisitioning", "the murder of an official", "a run on the banks",
          "heavy rainfall", "a change of leadership", "foreign invasion",
          "a shortage of labour", "rising tariffs", "the new constitution"]
EFFECTS = ["bread riots", "mass arrests", "a famine", "strikes in the factories",
           "the collapse of the market", "flooding downstream", "a wave of emigration",
           "higher taxes", "a fall in output", "the expulsion of the opposition",
           "shortages in the towns", "a new treaty", "the spread of disease"]
TERMS = ["Kulak", "Gosplan", "Stakhanovite", "Nomenklatura", "Osmosis", "Diffusion",
         "Mitosis", "Meiosis", "Tariff", "Oligopoly", "Monopsony", "Erosion", "Isotope",
         "Catalyst", "Sovnarkom", "Comintern", "Politburo", "Orgburo", "Gulag",
         "Collectivisation", "Autarky", "Photosynthesis", "Respiration", "Mandate"]
DEFINITIONS = ["a body that planned the output of every industry",
               "the movement of particles from high to low concentration",
               "a peasant wealthy enough to hire labour",
               "a worker who beat the production norm",
               "the list of posts filled only with approval from above",
               "a tax on goods brought in from abroad",
               "a market with only a few large sellers",
               "the wearing away of land by water, wind or ice",
               "a substance that speeds a reaction without being used up",
               "the system of labour camps run by the secret police"]


SYLLABLES = ["ka", "ro", "vi", "nes", "to", "ma", "vel", "dra", "lin", "so", "pe", "gor",
             "ta", "mir", "ul", "zen"]


def _name(number: int) -> str:
    """A made-up place name, different for every number: it keeps bullets apart (real
    notes rarely repeat a bullet word for word) without adding a figure to the bullet."""
    parts = []
    while True:
        number, digit = divmod(number, len(SYLLABLES))
        parts.append(SYLLABLES[digit])
        if not number:
            break
    return ("".join(parts) + "sk").capitalize()


def _phrase(rng: random.Random, number: int) -> str:
    return (f"{rng.choice(PEOPLE)} {rng.choice(VERBS)} {rng.choice(THINGS)} "
            f"in {_name(number)}")


def _bullet(rng: random.Random, number: int) -> str:
    """One bullet; about one card per bullet on average, as in real notes."""
    roll = rng.random()
    year = rng.randint(1820, 1990)
    if roll < 0.33:
        if rng.random() < 0.5:
            return f"In {year} {_phrase(rng, number)}"
        return f"{_phrase(rng, number)} in {rng.choice(MONTHS)} {year}"
    if roll < 0.58:
        amount = rng.choice([f"{rng.randint(2, 999):,}", f"{rng.randint(1000, 9_999_999):,}",
                             f"{rng.randint(1, 99)}%"])
        if amount.endswith("%"):
            return f"{amount} of {rng.choice(UNITS)} left {_name(number)}"
        return (f"{rng.choice(THINGS).capitalize()} counted {amount} {rng.choice(UNITS)}"
                f" across {_name(number)}")
    if roll < 0.68:
        cause, effect = rng.choice(CAUSES), rng.choice(EFFECTS)
        link = rng.choice(["led to", "=>", "caused"])
        return f"{cause.capitalize()} in {_name(number)} {link} {effect}"
    if roll < 0.95:
        return f"{rng.choice(TERMS)} in {_name(number)}: {rng.choice(DEFINITIONS)}"
    return f"{_phrase(rng, number)}, as the sources agree"


def write_notes(path: Path, bullets: int, *, seed: int = 1) -> int:
    """Write notes with `bullets` bullets to `path` (Markdown: units, topics, bullets,
    a few nested bullets and short lists); the number of bytes written."""
    rng = random.Random(seed)
    lines: list[str] = []
    written = 0
    unit = 0
    while written < bullets:
        unit += 1
        lines.append(f"# Unit {unit}: {rng.choice(SUBJECTS)}\n")
        for topic in range(1, rng.randint(8, 16) + 1):
            if written >= bullets:
                break
            lines.append(f"\n## Topic {unit}.{topic}: {rng.choice(THINGS).capitalize()}\n\n")
            for _ in range(rng.randint(10, 40)):
                if written >= bullets:
                    break
                if rng.random() < 0.02 and bullets - written >= 4:
                    lines.append(f"- Effects of {rng.choice(CAUSES)} in {_name(written)}:\n")
                    for item in range(3):
                        lines.append(f"  - {rng.choice(EFFECTS)} in {_name(written + item)}\n")
                    written += 4
                    continue
                lines.append(f"- {_bullet(rng, written)}\n")
                written += 1
                if rng.random() < 0.05 and written < bullets:
                    lines.append(f"  - {_bullet(rng, written)}\n")
                    written += 1
    text = "".join(lines)
    path.write_text(text, encoding="utf-8")
    return len(text.encode())


def event_notes(path: Path, bullets: int, *, edited: bool = False, variant: int = 0,
                figures: bool = False, topic_every: int = 10) -> None:
    """A topic heading every `topic_every` bullets and a dated event a bullet (with a
    figure too, if `figures`). `edited` fixes a typo in every bullet (so each card keeps
    its identity) and drops the last bullet (so its card is retired); another `variant`
    changes every date and figure."""
    lines = []
    for n in range(bullets):
        if n % topic_every == 0:
            lines.append(f"* Topic {n // topic_every}")
        happened = "happenned" if edited else "happened"
        if figures:
            lines.append(f"- Event {n} (v{variant}) {happened} in"
                         f" {1000 + (n * 7 + variant) % 900} and cost {n % 97 + variant}"
                         " million tons")
        else:
            lines.append(f"- Event {n} {happened} in {1000 + n * 7}")
    if not edited and not figures:
        lines.append("- The last event came in 1999")
    path.write_text("\n".join(lines) + "\n")
