"""revise: spaced-repetition flashcards extracted from revision notes."""

__version__ = "0.1.0"
