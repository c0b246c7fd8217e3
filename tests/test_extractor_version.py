"""The extractor's version is raised whenever the cards it makes change, so that notes a
user has not edited are read again by the next extract (see `EXTRACTOR_VERSION`)."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

from revise.extract import extract_cards
from revise.models import EXTRACTOR_VERSION
from revise.notes import decode_notes

ROOT = Path(__file__).resolve().parents[1]
FINGERPRINT = Path(__file__).with_name("extractor_fingerprint.json")


def cards_fingerprints() -> dict[str, str]:
    """A digest of the cards the extractor makes from each notes file kept in the
    repository, by its path."""
    files = [ROOT / "data" / "notes.txt",
             *sorted((ROOT / "tests" / "corpus" / "holdout").glob("*.md")),
             *sorted((ROOT / "tests" / "corpus" / "holdout").glob("*.txt"))]
    digests = {}
    for path in files:
        digest = hashlib.blake2b(digest_size=16)
        for card in extract_cards(decode_notes(path.read_bytes()), "deck"):
            for part in (card.id, " › ".join(card.topic), card.kind, card.question,
                         card.answer):
                digest.update(str(part).encode())
                digest.update(b"\x00")
        digests[path.relative_to(ROOT).as_posix()] = digest.hexdigest()
    return digests


def test_the_version_is_raised_when_the_cards_change():
    kept = json.loads(FINGERPRINT.read_text())
    now = cards_fingerprints()
    # (a notes file added to the corpus changes no card a user has: only files kept
    # before are compared)
    changed = sorted(path for path, digest in kept["cards"].items()
                     if path in now and now[path] != digest)
    if changed:
        assert kept["version"] < EXTRACTOR_VERSION, (
            f"the extractor makes other cards than it did from {changed[0]}: raise "
            "EXTRACTOR_VERSION in src/revise/models.py, then run "
            "`python tests/test_extractor_version.py` to record the new fingerprints")


if __name__ == "__main__":
    FINGERPRINT.write_text(json.dumps({"version": EXTRACTOR_VERSION,
                                       "cards": cards_fingerprints()}, indent=1) + "\n")
