"""Settings a student changes with `revise config`: the rollover hour and the learn-ahead
limit (one each for all decks), and each deck's new cards a day and desired retention.
Deck options set for every deck are kept for the decks made afterwards too."""

from __future__ import annotations

from revise.errors import ReviseError

# key → what it means
KEYS = {
    "rollover-hour": "hour (0-23) at which a new revision day starts [default: 4]",
    "new-per-day": "new cards a deck brings in each day [default: 20]",
    "retention": "desired retention: the chance of recall FSRS plans for, 0.70-0.99 "
                 "[default: 0.9]",
    "learn-ahead": "minutes a learning card may be shown before it is due when nothing "
                   "else is left [default: 20]",
}
# deck options: key → the decks table's column (also the settings key of its default)
DECK_OPTIONS = {"new-per-day": "new_per_day", "retention": "desired_retention"}
FOR_NEW_DECKS = "decks made from now on"


def configure(store, key: str | None = None, value: str | None = None,
              deck: str | None = None) -> list[tuple[str, object, str | None]]:
    """Set `key` to `value` (on `deck`, or every deck and the decks made afterwards, for
    the deck options) if a value is given; then the settings asked for as (key, value,
    what it applies to: "deck NAME", FOR_NEW_DECKS, or None for all) rows."""
    from revise.progress import ROLLOVER_SETTING, rollover_hour
    from revise.review import LEARN_AHEAD_MAX_MINUTES, LEARN_AHEAD_SETTING, learn_ahead
    from revise.store.decks import deck_ids, set_deck_option
    from revise.store.settings import set_setting, setting

    if key is not None and key not in KEYS:
        raise ReviseError(f"unknown setting {key!r}; choose from {', '.join(KEYS)}")
    if value is not None:
        if key in ("rollover-hour", "learn-ahead") and deck is not None:
            raise ReviseError(f"{key} is one setting for all decks: drop --deck")
        if key == "rollover-hour":
            set_setting(store, ROLLOVER_SETTING, str(_number(value, int, 0, 23, key)))
        elif key == "learn-ahead":
            minutes = _number(value, int, 0, LEARN_AHEAD_MAX_MINUTES, key)
            set_setting(store, LEARN_AHEAD_SETTING, str(minutes))
        else:
            ids = deck_ids(store, deck)
            number = (_number(value, int, 0, 10_000, key) if key == "new-per-day"
                      else _number(value, float, 0.7, 0.99, key))
            with store.transaction():
                set_deck_option(store, DECK_OPTIONS[key], number, ids)
                if deck is None:
                    set_setting(store, DECK_OPTIONS[key], str(number))
    decks = [row for row in store.decks() if deck in (None, row["name"])]
    if deck is not None and not decks:
        deck_ids(store, deck)  # raises with the known decks' names
    rows: list[tuple[str, object, str | None]] = []
    if deck is None:
        if key in (None, "rollover-hour"):
            rows.append(("rollover-hour", rollover_hour(store), None))
        if key in (None, "learn-ahead"):
            rows.append(("learn-ahead", round(learn_ahead(store).total_seconds() / 60), None))
        for name, column in DECK_OPTIONS.items():
            default = setting(store, column)
            if key in (None, name) and default is not None:
                number = float(default) if column == "desired_retention" else int(default)
                rows.append((name, number, FOR_NEW_DECKS))
    for row in decks:
        if key in (None, "new-per-day"):
            rows.append(("new-per-day", row["new_per_day"], f"deck {row['name']}"))
        if key in (None, "retention"):
            rows.append(("retention", row["desired_retention"], f"deck {row['name']}"))
    return rows


def _number(text: str, kind: type, low: float, high: float, key: str):
    try:
        number = kind(text)
    except ValueError:
        raise ReviseError(f"{key} must be a number from {low} to {high}, not {text!r}") from None
    if not low <= number <= high:
        raise ReviseError(f"{key} must be from {low} to {high}, not {text}")
    return number
