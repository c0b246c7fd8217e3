"""Settings a student changes with `revise config`: the rollover hour (one for all
decks), and each deck's new cards a day and desired retention."""

from __future__ import annotations

from revise.errors import ReviseError

# key → what it means
KEYS = {
    "rollover-hour": "hour (0-23) at which a new revision day starts [default: 4]",
    "new-per-day": "new cards a deck brings in each day [default: 20]",
    "retention": "desired retention: the chance of recall FSRS plans for, 0.70-0.99 "
                 "[default: 0.9]",
}


def configure(store, key: str | None = None, value: str | None = None,
              deck: str | None = None) -> list[tuple[str, object, str | None]]:
    """Set `key` to `value` (on `deck`, or every deck, for the deck options) if a value
    is given; then the settings asked for as (key, value, deck name or None) rows."""
    from revise.progress import ROLLOVER_SETTING, rollover_hour
    from revise.store.decks import deck_ids, set_deck_option
    from revise.store.settings import set_setting

    if key is not None and key not in KEYS:
        raise ReviseError(f"unknown setting {key!r}; choose from {', '.join(KEYS)}")
    if value is not None:
        if key == "rollover-hour":
            if deck is not None:
                raise ReviseError("rollover-hour is one setting for all decks: drop --deck")
            set_setting(store, ROLLOVER_SETTING, str(_number(value, int, 0, 23, key)))
        else:
            ids = deck_ids(store, deck)
            if key == "new-per-day":
                set_deck_option(store, "new_per_day",
                                _number(value, int, 0, 10_000, key), ids)
            else:
                set_deck_option(store, "desired_retention",
                                _number(value, float, 0.7, 0.99, key), ids)
    decks = [row for row in store.decks() if deck in (None, row["name"])]
    if deck is not None and not decks:
        deck_ids(store, deck)  # raises with the known decks' names
    rows: list[tuple[str, object, str | None]] = []
    if key in (None, "rollover-hour") and deck is None:
        rows.append(("rollover-hour", rollover_hour(store), None))
    for row in decks:
        if key in (None, "new-per-day"):
            rows.append(("new-per-day", row["new_per_day"], row["name"]))
        if key in (None, "retention"):
            rows.append(("retention", row["desired_retention"], row["name"]))
    return rows


def _number(text: str, kind: type, low: float, high: float, key: str):
    try:
        number = kind(text)
    except ValueError:
        raise ReviseError(f"{key} must be a number from {low} to {high}, not {text!r}") from None
    if not low <= number <= high:
        raise ReviseError(f"{key} must be from {low} to {high}, not {text}")
    return number
