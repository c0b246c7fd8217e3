"""Domain errors. The core raises these; only the CLI turns them into messages and exit codes."""


class ReviseError(Exception):
    """An error the user can act on; its message is shown as one line."""


class NotesError(ReviseError):
    """A notes file cannot be read as notes."""


class StoreError(ReviseError):
    """The database cannot be opened, migrated or written."""


class Interrupted(KeyboardInterrupt):
    """Ctrl-C stopped a write; its message says what became of it ("nothing was saved").
    A KeyboardInterrupt still, so whatever stops on Ctrl-C stops on it too."""
