"""`.jsonl` inputs: one output line per record, in order; bad records become error lines."""

from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner

from cleaner import Cleaner
from cleaner.batch import clean_target, discover, staleness, target_for
from cleaner.cli import app
from batch_corpus import BODY

RECORDS = [
    {"id": "a", "text": f"Support SouthFront\n\n{BODY}\n"},
    {"id": "b", "text": f"{BODY}\n", "url": "https://southfront.org/b"},
    "not an object",
    {"id": "d", "body": "no text field"},
]


def write_records(path: Path) -> None:
    lines = [json.dumps(r) for r in RECORDS]
    lines.insert(3, "{broken json")
    lines.insert(1, "")  # a blank line is not a record
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


def test_one_line_per_record_in_order_with_errors_in_place(tmp_path: Path) -> None:
    source = tmp_path / "pages.jsonl"
    write_records(source)
    outcome = clean_target(target_for(source, tmp_path, None), Cleaner())
    assert outcome.status == "cleaned"
    out = [json.loads(line) for line in (tmp_path / "pages.clean.jsonl").read_text(encoding="utf-8").splitlines()]
    assert [r["line"] for r in out] == [1, 3, 4, 5, 6]
    first, second, not_object, broken, no_field = out
    assert first["id"] == "a" and first["text"] == BODY + "\n"
    assert first["manifest"]["removed"][0]["rule"] == "southfront.support-banner"
    assert first["manifest"]["source"]["path"] == "pages.jsonl:1"
    assert second["url"] == "https://southfront.org/b"
    # The record's url reaches the site packs: southfront matches by domain, not by fingerprint.
    assert {"id": "southfront", "why": "domain", "evidence": "southfront.org"} in second["manifest"]["packs"]
    assert not_object == {"line": 4, "error": "a JSON str, not an object"}
    assert broken["line"] == 5 and broken["error"].startswith("not JSON")
    assert no_field == {"line": 6, "id": "d", "body": "no text field", "error": "field 'text' is missing"}
    assert outcome.problems == (
        "line 4: a JSON str, not an object",
        f"line 5: {broken['error']}",
        "line 6: field 'text' is missing",
    )
    manifest = json.loads((tmp_path / "pages.manifest.json").read_text(encoding="utf-8"))
    assert manifest["records"] == {"total": 5, "failed": 3}
    assert manifest["stats"]["removed_by_rule"]["southfront.support-banner"] > 0


def test_a_record_holding_unicode_line_separators_is_one_record(tmp_path: Path) -> None:
    # JSON allows U+2028, U+2029 and U+0085 unescaped in a string (json.dumps(ensure_ascii=False)
    # writes them so), and scraped text holds them: only "\n" ends a record, "\r\n" too.
    source = tmp_path / "pages.jsonl"
    texts = [f"First part\u2028second part. {BODY}", f"A next-line\x85character. {BODY}", f"Para\u2029graph. {BODY}"]
    source.write_bytes("\r\n".join(json.dumps({"text": t}, ensure_ascii=False) for t in texts).encode("utf-8"))
    outcome = clean_target(target_for(source, tmp_path, None), Cleaner())
    assert outcome.status == "cleaned" and outcome.problems == ()
    out = [json.loads(line) for line in (tmp_path / "pages.clean.jsonl").read_text(encoding="utf-8").split("\n") if line]
    assert [r["line"] for r in out] == [1, 2, 3]
    assert out[0]["text"].startswith("First part second part.")


def test_jsonl_is_incremental_and_its_output_is_never_an_input(tmp_path: Path) -> None:
    source = tmp_path / "pages.jsonl"
    write_records(source)
    cleaner = Cleaner()
    target = target_for(source, tmp_path, None)
    clean_target(target, cleaner)
    assert staleness(target, cleaner) is None
    assert clean_target(target, cleaner).status == "skipped"
    targets, problems = discover([tmp_path])
    assert [t.source.name for t in targets] == ["pages.jsonl"] and problems == []


def test_field_option_and_exit_code_through_the_cli(tmp_path: Path) -> None:
    source = tmp_path / "pages.jsonl"
    source.write_text(json.dumps({"html_or_text": f"Support SouthFront\n\n{BODY}"}) + "\n", encoding="utf-8")
    result = CliRunner().invoke(app, ["clean", str(tmp_path), "--field", "html_or_text", "--json"])
    assert result.exit_code == 0, result.output
    record = json.loads((tmp_path / "pages.clean.jsonl").read_text(encoding="utf-8"))
    assert record["html_or_text"] == BODY + "\n"
    bad = tmp_path / "bad.jsonl"
    bad.write_text("[1, 2]\n", encoding="utf-8")
    result = CliRunner().invoke(app, ["clean", str(tmp_path), "--field", "html_or_text"])
    assert result.exit_code == 3
    assert "bad.jsonl: line 1: a JSON list, not an object" in result.output


class _Echo:
    """A stand-in for Cleaner that returns each document as it is: the test measures the reading."""

    class rules:  # noqa: N801 - Cleaner.rules.digest is all the file manifest asks of the rules
        digest = "echo"

    class _Result:
        def __init__(self, text: str) -> None:
            self.text, self.manifest = text, {"stats": {"removed_by_rule": {}}}

        def with_paths(self, source: str, output: str) -> _Echo._Result:
            return self

    def clean(self, content: str, url: object = None, format: object = "auto") -> _Echo._Result:
        return self._Result(content)


def test_a_large_jsonl_file_is_cleaned_a_record_at_a_time(tmp_path: Path) -> None:
    import tracemalloc

    source = tmp_path / "crawl.jsonl"
    record = json.dumps({"text": "word " * 200}) + "\n"
    with source.open("w", encoding="utf-8") as stream:
        for _ in range(12_000):
            stream.write(record)
    size = source.stat().st_size
    assert size > 12_000_000
    tracemalloc.start()
    try:
        outcome = clean_target(target_for(source, tmp_path, None), _Echo())  # type: ignore[arg-type]
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert outcome.status == "cleaned"
    assert (tmp_path / "crawl.clean.jsonl").stat().st_size > size  # every record written, with its line number
    assert peak < size / 10, f"peak {peak:,} bytes for a {size:,}-byte file: the file was held whole"
    manifest = json.loads((tmp_path / "crawl.manifest.json").read_text(encoding="utf-8"))
    assert manifest["records"] == {"total": 12_000, "failed": 0} and manifest["source"]["bytes"] == size
