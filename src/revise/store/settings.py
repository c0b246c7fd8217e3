"""Settings that belong to no deck (the rollover hour), by name."""

from __future__ import annotations

from revise.store.connection import Store


def setting(store: Store, key: str) -> str | None:
    row = store.conn.execute("SELECT value FROM settings WHERE key = ?", [key]).fetchone()
    return row[0] if row else None


def set_setting(store: Store, key: str, value: str) -> None:
    with store.transaction():
        store.conn.execute("INSERT INTO settings (key, value) VALUES (?, ?)"
                           " ON CONFLICT (key) DO UPDATE SET value = excluded.value",
                           [key, value])
