"""Helpers shared by the tests (and the benchmark): the one pseudo-terminal harness, the
one database snapshot, the one notes generator."""
