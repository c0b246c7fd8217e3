"""What the tests (and the benchmark) share: the one pseudo-terminal harness, the
one database snapshot, the one notes generator."""
