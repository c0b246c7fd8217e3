"""One module a command (or a pair of close ones), each with `register(app)`: the
command parses its options, makes one library call and prints the result.

A new command is a new module here, named in MODULES."""

from importlib import import_module

# The order of `revise --help`.
MODULES = ("extract", "review", "due", "stats", "config", "optimize", "cards", "manage",
           "decks", "export", "import_cmd", "build", "maintenance", "doctor")


def register_all(app) -> None:
    for name in MODULES:
        import_module(f"{__name__}.{name}").register(app)
