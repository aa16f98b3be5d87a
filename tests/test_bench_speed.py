"""bench/speed.py's measure taking turns: what the goals are judged on."""

from __future__ import annotations

import json
import math
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from bench import speed

DOCUMENTS = ["first line of one\n", "second document here\n", "a third\n", "and the fourth one\n", "fifth\n"]


def tiny_bench(folder: Path) -> Path:
    (folder / "text-main").mkdir()
    gold = {}
    for number, text in enumerate(DOCUMENTS):
        page_id = f"page{number}"
        (folder / "text-main" / f"{page_id}.txt").write_text(text, encoding="utf-8")
        gold[page_id] = {"url": "", "articleBody": text}
    (folder / "gold.json").write_text(json.dumps(gold), encoding="utf-8")
    return folder


def test_turns_give_each_tool_every_document_once_a_pass_the_peer_half_the_list_away(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    calls: list[tuple[str, str]] = []

    def recording(tool: str) -> Callable[[str], str]:
        def extract(document: str) -> str:
            calls.append((tool, document))
            return document
        return extract

    monkeypatch.setattr(speed, "extractor", recording)
    result = speed.paired_worker(("ours", "peer"), "text-main", tiny_bench(tmp_path), passes=2)
    count = len(DOCUMENTS)
    warm_up, measured = calls[:2 * count], calls[2 * count:]
    assert warm_up == [("ours", d) for d in DOCUMENTS] + [("peer", d) for d in DOCUMENTS]
    assert len(measured) == 2 * 2 * count
    for number in range(2):
        turns = measured[number * 2 * count:(number + 1) * 2 * count]
        for index in range(count):
            pair = turns[2 * index:2 * index + 2]
            ours_first = (number + index) % 2 == 0
            assert [tool for tool, _ in pair] == (["ours", "peer"] if ours_first else ["peer", "ours"])
            assert dict(pair) == {"ours": DOCUMENTS[index], "peer": DOCUMENTS[(index + count // 2) % count]}
    for tool in ("ours", "peer"):
        times = result[tool]["each_best"]
        assert len(times) == count and all(math.isfinite(t) and t >= 0 for t in times)
        assert result[tool]["collector"] >= 0


def test_collections_are_charged_to_the_tool_that_ran() -> None:
    clock = speed.CollectorClock("ours")
    try:
        clock._tick("start", {})
        clock._tick("stop", {})
        clock.charged_to = "peer"
        clock._tick("start", {})
        clock._tick("stop", {})
    finally:
        clock.stop()
    assert set(clock.by_tool) == {"ours", "peer"}
    assert clock.seconds == pytest.approx(clock.by_tool["ours"] + clock.by_tool["peer"])


def test_starts_are_timed_in_turn_for_every_command() -> None:
    found = speed.child_times([[sys.executable, "-c", "pass"], [sys.executable, "-c", "raise SystemExit(3)"]], 2)
    assert [code for _, _, code in found] == [0, 3]
    assert all(cpu > 0 and wall > 0 for cpu, wall, _ in found)
