"""A small corpus of raw documents in a temporary folder, for the batch, hook and CLI tests.

Test modules import the `corpus` fixture from here (a module of its own rather than conftest.py,
which stays free for fixtures every test shares)."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
BODY = "The body of the article is a sentence long enough to be prose, which anchors the page."


def raw_seeds() -> list[Path]:
    return sorted(p for p in SEEDS.glob("*.txt") if not p.name.endswith(".clean.txt"))


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    """The seeds, a few variants of each in sub-folders, and one binary file posing as text."""
    root = tmp_path / "corpus"
    for number, seed in enumerate(raw_seeds()):
        shutil.copy(seed, root.mkdir(parents=True, exist_ok=True) or root / seed.name)
        variant = root / "more" / f"v{number}.txt"
        variant.parent.mkdir(exist_ok=True)
        variant.write_text(f"Support SouthFront\n\nVariant {number}. {BODY}\n\n" + seed.read_text(encoding="utf-8"), encoding="utf-8")
    (root / "more" / "broken.txt").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)))
    return root


def tree_bytes(root: Path) -> dict[str, bytes]:
    """Every file under root by relative path: what a run left behind, to compare byte for byte."""
    return {p.relative_to(root).as_posix(): p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file()}
