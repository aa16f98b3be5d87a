"""`cleaner explain`: every removal marked with its rule, duplicates with their kept copy."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

from typer.testing import CliRunner

from cleaner.cli import app
from cleaner.explain import Mark, render
from batch_corpus import BODY

ANSI = re.compile(r"\x1b\[[0-9;]*m")
DOC = f"Support SouthFront\n\n{BODY}\n\nA second paragraph, long enough to be kept as prose by every rule.\n\n{BODY}\n"


def explain(*args: str):  # type: ignore[no-untyped-def]
    return CliRunner().invoke(app, ["explain", *args])


def test_marks_removals_and_duplicates_from_memory_then_from_the_manifest(tmp_path: Path) -> None:
    page = tmp_path / "page.txt"
    page.write_text(DOC, encoding="utf-8")
    fresh = explain(str(page), "--no-color")
    assert fresh.exit_code == 0, fresh.output
    lines = fresh.stdout.splitlines()
    assert lines[0] == "1 -  Support SouthFront  <- southfront.support-banner"
    assert lines[2] == f"3    {BODY}"
    assert lines[6] == f"7 =  {BODY}  <- dedup.exact, copy of line 3"
    assert "cleaned in memory" in fresh.stderr and "no clean text" in fresh.stderr
    assert not (tmp_path / "page.clean.txt").exists(), "explain writes nothing"

    assert CliRunner().invoke(app, ["clean", str(page), "-q"]).exit_code == 0
    from_manifest = explain(str(page), "--no-color")
    assert from_manifest.stdout == fresh.stdout
    assert f"from {tmp_path / 'page.manifest.json'} (current)" in from_manifest.stderr
    assert "2 removals (" in from_manifest.stderr and "1 of them duplicates" in from_manifest.stderr


def test_rule_limits_the_marks_and_context_the_lines(tmp_path: Path) -> None:
    page = tmp_path / "page.txt"
    page.write_text(DOC + "\n" + "\n".join(f"Filler line {n} of ordinary words here." for n in range(20)) + "\n", encoding="utf-8")
    result = explain(str(page), "--no-color", "--rule", "dedup.exact", "--context", "0")
    assert result.stdout.splitlines() == ["     ...", f" 7 =  {BODY}  <- dedup.exact, copy of line 3", "     ..."]
    assert "by rule dedup.exact" in result.stderr
    unknown = explain(str(page), "--rule", "no.such-rule")
    assert unknown.exit_code == 2 and "no rule 'no.such-rule'" in unknown.stderr


def test_partial_line_removals_are_marked_inline() -> None:
    source = "keep this, drop this, keep\n"
    lines = [ANSI.sub("", line) for line in render(source, [Mark(11, 20, "x.rule")])]
    assert lines == ["1 ~  keep this, [-drop this-], keep  <- x.rule"]


def test_colour_on_request_and_plain_in_a_pipe(tmp_path: Path) -> None:
    page = tmp_path / "page.txt"
    page.write_text(DOC, encoding="utf-8")
    coloured = explain(str(page), "--color")
    assert "\x1b[31m" in coloured.stdout and "\x1b[36msouthfront.support-banner" in coloured.stdout
    piped = subprocess.run([str(Path(sys.executable).parent / "cleaner"), "explain", str(page)], capture_output=True, text=True)
    assert piped.returncode == 0 and "\x1b[" not in piped.stdout
    assert "1 -  Support SouthFront  <- southfront.support-banner" in piped.stdout


def test_refuses_what_is_not_one_document(tmp_path: Path) -> None:
    missing = explain(str(tmp_path / "missing.txt"))
    assert missing.exit_code == 2 and "missing.txt: no such file" in missing.stderr
    assert "a folder; explain shows one document" in explain(str(tmp_path)).stderr
    records = tmp_path / "pages.jsonl"
    records.write_text("{}\n", encoding="utf-8")
    assert explain(str(records)).exit_code == 2
    binary = tmp_path / "image.txt"
    binary.write_bytes(b"\x89PNG\r\n\x1a\n\0\0")
    result = explain(str(binary))
    assert result.exit_code == 3 and "binary content" in result.stderr


def test_a_manifest_elsewhere(tmp_path: Path) -> None:
    source = tmp_path / "in" / "page.txt"
    source.parent.mkdir()
    source.write_text(DOC, encoding="utf-8")
    CliRunner().invoke(app, ["clean", str(tmp_path / "in"), "--out", str(tmp_path / "out"), "-q"])
    result = explain(str(source), "--manifest", str(tmp_path / "out" / "page.manifest.json"), "--no-color")
    assert result.exit_code == 0 and "(current)" in result.stderr


def test_blank_and_white_space_lines_inside_a_removal_stay_unmarked() -> None:
    source = "<div>\n   \n</div>\nkept\n"
    lines = [ANSI.sub("", line) for line in render(source, [Mark(0, 16, "extract.trafilatura")])]
    assert lines == ["1 -  <div>  <- extract.trafilatura", "2       ", "3 -  </div>  <- extract.trafilatura", "4    kept"]


def test_a_record_of_a_jsonl_file_by_its_line(tmp_path: Path) -> None:
    records = tmp_path / "pages.jsonl"
    second = {"url": "https://example.org/a", "body": DOC}
    # The first record holds a raw U+2028: it ends no line, here as in `clean`.
    first = json.dumps({"body": "Only one\u2028paragraph here."}, ensure_ascii=False)
    records.write_text(first + "\r\n\n" + json.dumps(second) + "\n", encoding="utf-8")
    result = explain(str(records), "--line", "3", "--field", "body", "--no-color")
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    assert lines[0] == "1 -  Support SouthFront  <- southfront.support-banner"
    assert lines[6] == f"7 =  {BODY}  <- dedup.exact, copy of line 3"
    assert "record on line 3, field 'body', cleaned in memory" in result.stderr
    assert sorted(p.name for p in tmp_path.iterdir()) == ["pages.jsonl"], "explain writes nothing"


def test_a_jsonl_record_that_is_not_there_or_holds_no_document(tmp_path: Path) -> None:
    records = tmp_path / "pages.jsonl"
    records.write_text('{"text": "A line."}\n\n[1, 2]\n{"title": "no text"}\n', encoding="utf-8")
    for line, reason in (("9", "no record on line 9 (the file has 4 lines)"), ("2", "no record on line 2"),
                         ("3", "a JSON list, not an object"), ("4", "field 'text' is missing")):
        result = explain(str(records), "--line", line)
        assert result.exit_code == 3 and reason in result.stderr, (line, result.output)
    assert explain(str(records)).exit_code == 2  # which record? --line says
    page = tmp_path / "page.txt"
    page.write_text(DOC, encoding="utf-8")
    assert explain(str(page), "--line", "1").exit_code == 2  # one document has no records
