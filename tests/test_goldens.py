"""Golden cases: fixtures/<case>/input.(txt|html) -> expected.txt and expected.manifest.json.

Refresh with `pytest tests/test_goldens.py --update-golden` and review the diff like code.
The manifest comparison leaves out what changes with every rule edit (the rules digest and
version) and the paths, which depend on where the fixture is cleaned from.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

import cleaner
from conftest import FIXTURES

CASES = sorted(p for p in FIXTURES.iterdir() if p.is_dir())


def comparable(manifest: dict[str, Any]) -> dict[str, Any]:
    manifest = json.loads(json.dumps(manifest))
    manifest.pop("cleaner")
    manifest["source"].pop("path")
    manifest["output"].pop("path")
    return manifest


def input_of(case: Path) -> Path:
    return next(p for p in sorted(case.iterdir()) if p.name.startswith("input."))


@pytest.mark.parametrize("case", CASES, ids=lambda p: p.name)
def test_golden(case: Path, default_cleaner: cleaner.Cleaner, update_golden: bool) -> None:
    source = input_of(case)
    result = default_cleaner.clean(source.read_bytes(), name=source.name)
    expected_text = case / "expected.txt"
    expected_manifest = case / "expected.manifest.json"
    got_manifest = json.dumps(comparable(result.manifest), ensure_ascii=False, indent=2) + "\n"
    if update_golden:
        expected_text.write_text(result.text, encoding="utf-8")
        expected_manifest.write_text(got_manifest, encoding="utf-8")
    assert result.text == expected_text.read_text(encoding="utf-8")
    assert got_manifest == expected_manifest.read_text(encoding="utf-8")
