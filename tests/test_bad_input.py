"""Bad input gets a clear error and loses nothing: one case per test, library and CLI."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from typer.testing import CliRunner

import cleaner
from cleaner.cli import EXIT_INPUT, EXIT_OK, app
from cleaner.pipeline import DEFAULT_MAX_BYTES

runner = CliRunner()
BODY = "The body of the article is a sentence long enough to be prose, which anchors the page."
PNG = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01"


@pytest.fixture()
def folder(tmp_path: Path) -> Path:
    """A batch with one good file, so every test also shows the batch went on."""
    (tmp_path / "good.txt").write_text(f"Support SouthFront\n{BODY}\n", encoding="utf-8")
    return tmp_path


def run_batch(folder: Path, *extra: str) -> tuple[int, str]:
    result = runner.invoke(app, ["clean", str(folder), *extra])
    assert (folder / "good.clean.txt").read_text(encoding="utf-8") == BODY + "\n", "the good file was still cleaned"
    return result.exit_code, result.output


def assert_no_outputs(folder: Path, stem: str) -> None:
    assert not (folder / f"{stem}.clean.txt").exists()
    assert not (folder / f"{stem}.manifest.json").exists()
    assert not list(folder.glob(".cleaner-tmp-*"))


@pytest.mark.parametrize(("data", "reason"), [
    (b"text\x00with a NUL byte\n", "binary content (NUL bytes), skipped"),
    (PNG, "binary content (a PNG image), skipped"),
    (b"%PDF-1.7\n", "binary content (a PDF document), skipped"),
])
def test_binary_content(folder: Path, data: bytes, reason: str) -> None:
    with pytest.raises(cleaner.BinaryContent, match=r"binary content"):
        cleaner.clean(data)
    (folder / "photo.txt").write_bytes(data)
    code, output = run_batch(folder)
    assert code == EXIT_INPUT
    assert f"{folder / 'photo.txt'}: {reason}" in output
    assert_no_outputs(folder, "photo")


def test_invalid_utf8_is_decoded_by_detection_with_a_warning(folder: Path) -> None:
    data = f"Caf\xe9 society\n{BODY}\n".encode("latin-1")
    result = cleaner.clean(data)
    assert result.text.startswith("Café society")
    assert result.warnings[0]["code"] == "decode-guessed"
    (folder / "latin.txt").write_bytes(data)
    code, output = run_batch(folder)
    assert code == EXIT_OK
    assert "latin.txt: warning: not valid UTF-8" in output
    assert (folder / "latin.clean.txt").read_text(encoding="utf-8").startswith("Café society")


@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-le", "utf-16-be", "utf-8-sig"])
def test_utf16_with_and_without_bom_and_utf8_bom(encoding: str) -> None:
    data = f"Überschrift mit Umlauten\n{BODY}\n".encode(encoding)
    result = cleaner.clean(data)
    assert result.text == f"Überschrift mit Umlauten\n\n{BODY}\n"
    assert result.manifest["source"]["encoding"].startswith(encoding[:5])


def test_legacy_encoded_html_declares_its_charset() -> None:
    from cleaner.decode import decode

    page = '<html><head><meta charset="windows-1251"></head><body><p>Привет, мир</p></body></html>'
    decoded = decode(page.encode("cp1251"), html=True)
    assert "Привет, мир" in decoded.text and decoded.encoding == "cp1251"
    assert not decoded.warnings


@pytest.mark.parametrize(("declared", "codec"), [
    ("windows-1251", "cp1251"), ("iso-8859-1", "cp1252"), ("koi8-r", "koi8-r"), ("shift_jis", "shift_jis"),
])
def test_a_page_saved_as_utf8_under_its_old_declaration_is_read_as_utf8(declared: str, codec: str) -> None:
    # A scraper decoded the page and saved UTF-8, keeping the page's <meta charset>: read as
    # declared, every letter outside ASCII would be mojibake (ÐÑÐ¸...).
    from cleaner.decode import decode

    page = f'<html><head><meta charset="{declared}"></head><body><p>Привет, мир. Café.</p></body></html>'
    decoded = decode(page.encode("utf-8"), html=True)
    assert "Привет, мир. Café." in decoded.text and decoded.encoding == "utf-8"
    assert [(w.code, w.message) for w in decoded.warnings] == [
        ("decode-declaration-ignored", f"declares {codec}, but its bytes are UTF-8; read as UTF-8")]
    # Pure ASCII reads the same either way: no note.
    assert not decode(f'<meta charset="{declared}"><p>plain ascii</p>'.encode(), html=True).warnings


def test_a_declared_utf16_is_read_as_utf8_as_browsers_do() -> None:
    from cleaner.decode import decode

    decoded = decode('<meta charset="utf-16"><p>Grüße</p>'.encode("utf-8"), html=True)
    assert decoded.text.endswith("<p>Grüße</p>") and decoded.encoding == "utf-8" and not decoded.warnings


def test_mixed_line_endings() -> None:
    result = cleaner.clean(f"Title line\r\n{BODY}\rSecond short line\n\nEnd of the piece.\r\n".encode())
    assert result.text == f"Title line\n\n{BODY}\n\nSecond short line\n\nEnd of the piece.\n"


@pytest.mark.parametrize("data", [b"", b"  \n\t\r\n \xc2\xa0 \n"])
def test_empty_and_whitespace_only_files(folder: Path, data: bytes) -> None:
    result = cleaner.clean(data)
    assert result.text == "" and result.warnings[-1]["code"] == "empty-input"
    (folder / "blank.txt").write_bytes(data)
    code, output = run_batch(folder)
    assert code == EXIT_OK
    assert "blank.txt: warning: the input holds no text" in output
    assert (folder / "blank.clean.txt").read_bytes() == b""


def test_file_over_the_size_limit(folder: Path) -> None:
    assert DEFAULT_MAX_BYTES == 20 * 1024 * 1024
    with pytest.raises(cleaner.InputTooLarge):
        cleaner.Cleaner(max_bytes=100).clean(BODY * 3)
    (folder / "huge.txt").write_text(BODY * 50, encoding="utf-8")
    code, output = run_batch(folder, "--max-bytes", "1000")
    assert code == EXIT_INPUT
    size = (folder / "huge.txt").stat().st_size
    assert f"huge.txt: {size:,} bytes is over the 1,000-byte limit, skipped" in output
    assert_no_outputs(folder, "huge")


def test_directory_that_cannot_be_read(folder: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    locked = folder / "locked"
    locked.mkdir()
    real_scandir = os.scandir

    def scandir(path: object = ".") -> object:  # root ignores permission bits, so refuse as the OS would
        if Path(str(path)) == locked:
            raise PermissionError(13, "Permission denied", str(path))
        return real_scandir(path)  # type: ignore[arg-type]

    monkeypatch.setattr(os, "scandir", scandir)
    code, output = run_batch(folder)
    assert code == EXIT_INPUT
    assert f"{locked}: cannot read directory (Permission denied), skipped" in output


def test_symlink_loop(folder: Path) -> None:
    (folder / "loop").symlink_to(folder, target_is_directory=True)
    (folder / "a.txt").symlink_to(folder / "b.txt")
    (folder / "b.txt").symlink_to(folder / "a.txt")
    code, output = run_batch(folder)
    assert code == EXIT_INPUT
    assert "a.txt: cannot read (Too many levels of symbolic links), skipped" in output
    # The directory loop is not followed: good.txt is cleaned once, not once per trip round the loop.
    assert "3 files: 1 cleaned, 0 unchanged, 0 skipped (current), 2 failed" in output


def test_symlink_loop_or_broken_link_named_alone(folder: Path) -> None:
    (folder / "a.txt").symlink_to(folder / "b.txt")
    (folder / "b.txt").symlink_to(folder / "a.txt")
    (folder / "gone.txt").symlink_to(folder / "deleted.txt")
    with pytest.raises(cleaner.UnreadableInput, match="a broken symbolic link"):
        cleaner.Cleaner().clean_file(folder / "gone.txt")
    result = runner.invoke(app, ["clean", str(folder / "a.txt"), str(folder / "gone.txt"), str(folder / "good.txt")])
    assert result.exit_code == EXIT_INPUT
    assert f"{folder / 'a.txt'}: cannot read (Too many levels of symbolic links), skipped" in result.output
    assert f"{folder / 'gone.txt'}: a broken symbolic link (its target does not exist), skipped" in result.output
    assert (folder / "good.clean.txt").read_text(encoding="utf-8") == BODY + "\n"


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="named pipes are a POSIX feature")
def test_named_pipe_is_refused_without_opening_it(folder: Path) -> None:
    # Opening a pipe waits for a writer: were it opened, this test would hang, not fail.
    pipe = folder / "feed.txt"
    os.mkfifo(pipe)
    with pytest.raises(cleaner.UnreadableInput, match=r"not a regular file \(a named pipe\)"):
        cleaner.Cleaner().clean_file(pipe)
    code, output = run_batch(folder)
    assert code == EXIT_INPUT
    assert f"{pipe}: not a regular file (a named pipe), skipped" in output
    assert_no_outputs(folder, "feed")
    # Named alone on the command line, it gets the same reason, not "no such file".
    result = runner.invoke(app, ["clean", str(pipe)])
    assert result.exit_code == EXIT_INPUT
    assert f"{pipe}: not a regular file (a named pipe), skipped" in result.output
    assert "1 file: 0 cleaned, 0 unchanged, 0 skipped (current), 1 failed" in result.output
    # check says the same, and does not call it stale: cleaning it again would fail again.
    result = runner.invoke(app, ["check", str(folder)])
    assert result.exit_code == EXIT_INPUT
    assert f"{pipe}: not a regular file (a named pipe), skipped" in result.output
    assert "stale" not in result.output


def test_a_device_under_an_input_name_is_refused(folder: Path) -> None:
    # /dev/zero never ends: read, it would fill the memory; its size says 0, under any limit.
    device = Path(os.devnull).with_name("zero")
    (folder / "endless.txt").symlink_to(device)
    code, output = run_batch(folder)
    assert code == EXIT_INPUT
    assert f"{folder / 'endless.txt'}: not a regular file (a character device), skipped" in output


def test_a_file_that_grows_past_the_limit_while_read_is_cut_off(folder: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    grown = folder / "grown.txt"
    grown.write_text(BODY * 50, encoding="utf-8")
    real_stat = Path.stat

    def small_then(path: Path, **kwargs: object) -> os.stat_result:  # the size seen before the file grew
        status = real_stat(path, **kwargs)  # type: ignore[arg-type]
        return os.stat_result((status.st_mode, *status[1:6], 10, *status[7:])) if path == grown else status

    monkeypatch.setattr(Path, "stat", small_then)
    with pytest.raises(cleaner.InputTooLarge, match="grew past the 1,000-byte limit while being read"):
        cleaner.Cleaner(max_bytes=1000).clean_file(grown)


def test_names_with_spaces_and_non_ascii(folder: Path) -> None:
    name = folder / "Статья с пробелами é.txt"
    name.write_text(f"{BODY}\n", encoding="utf-8")
    code, _ = run_batch(folder)
    assert code == EXIT_OK
    assert (folder / "Статья с пробелами é.clean.txt").read_text(encoding="utf-8") == BODY + "\n"


def evil_rules(folder: Path, pattern: str) -> Path:
    rules = folder.parent / f"{folder.name}-evil-rules"  # beside the batch, not in it
    rules.mkdir()
    (rules / "evil.toml").write_text(
        '[pack]\nid = "evil"\nsummary = "s"\n[[rule]]\nid = "evil.x"\nsummary = "s"\nwhy = "w"\nkind = "line"\n'
        f"pattern = '{pattern}'\n", encoding="utf-8")
    return rules


def test_catastrophic_pattern_is_stopped_and_reported(folder: Path) -> None:
    # The look-ahead fails at every split of the a's, so the `regex` module backtracks through all
    # of them; RE2's wider form of the pattern, `(?:a|aa)+a`, accepts the line and cannot rule it out.
    rules = evil_rules(folder, "(a|aa)+(?=b)a")
    document = f"{BODY}\n{'a' * 60}\n"
    result = cleaner.Cleaner(rules_dirs=[rules], rule_seconds=0.2).clean(document)
    assert result.text == f"{BODY}\n\n{'a' * 60}\n"
    assert result.warnings == [{"code": "rule-timeout", "message": "rule evil.x ran out of its 0.2 s time budget; not applied", "rule": "evil.x"}]
    (folder / "slow.txt").write_text(document, encoding="utf-8")
    code, output = run_batch(folder, "--rules", str(rules))
    assert code == EXIT_OK
    assert "slow.txt: warning: rule evil.x ran out of its 1 s time budget" in output


def test_catastrophic_pattern_on_lines_the_prefilter_rules_out_costs_nothing(folder: Path) -> None:
    # RE2 matches in linear time: no wider form of `(a|aa)+(b|c)` takes a line of a's, so the
    # backtracking `regex` module is never asked and no budget runs out.
    rules = evil_rules(folder, "(a|aa)+(b|c)")
    document = f"{BODY}\n{'a' * 60}\n"
    result = cleaner.Cleaner(rules_dirs=[rules], rule_seconds=0.2).clean(document)
    assert result.text == f"{BODY}\n\n{'a' * 60}\n"
    assert result.warnings == []


def test_guard_keeps_the_article_and_warns() -> None:
    rules = cleaner.load_rules()
    second = "A second paragraph that is long enough to be prose and belongs to the article too, clearly."
    # `Notify of` over a name: a thread's start (straight over prose, the marker alone would go).
    document = f"{BODY}\nNotify of\nKaren D.\n{second}\nAnd a third paragraph, also long enough to be prose, is still the article."
    result = cleaner.Cleaner(rules).clean(document)
    assert second in result.text and "Notify of" in result.text
    (warning,) = result.warnings
    assert warning["code"] == "guard" and warning["rule"] == "comments.thread"
    assert "of the document's prose; kept" in warning["message"]


@pytest.mark.parametrize("sentence", [
    "The council voted on Tuesday to close the old bridge, after engineers found the cables had corroded. ",
    "市议会周二投票决定关闭这座老桥，此前工程师发现主缆已经严重腐蚀，继续通车存在安全隐患。",
])
def test_megabytes_of_text_on_one_line_run_out_of_no_builtin_rule_budget(sentence: str) -> None:
    # Every built-in pattern bounds the line it reads: `.*` over a 1.7 MB line once took
    # promo.wire-credit past its budget, so it was not applied and a warning said so.
    line = sentence * (1_700_000 // len(sentence))
    result = cleaner.clean(line, format="text")
    assert result.text == line.strip() + "\n"
    assert [w for w in result.warnings if w["code"] == "rule-timeout"] == []


HTML_BODY = f"<p>{BODY}</p><p>A second paragraph, long enough to be prose, follows the first one here.</p>"


@pytest.mark.parametrize(("name", "page"), [
    ("malformed", "<html><body><div><p>Unclosed <b>bold <i>italic</p></div></span></table>" + HTML_BODY + "</td>"),
    ("one-line", "<html><body>" + "".join(f"<p>Paragraph number {i} of a long page, all on one line.</p>" for i in range(20000))
     + HTML_BODY + "</body></html>"),
])
def test_html_that_is_malformed_or_megabytes_on_one_line(folder: Path, name: str, page: str) -> None:
    result = cleaner.clean(page, format="html")
    assert BODY in result.text
    (folder / f"{name}.html").write_text(page, encoding="utf-8")
    code, _ = run_batch(folder)
    assert code == EXIT_OK
    assert BODY in (folder / f"{name}.clean.txt").read_text(encoding="utf-8")


def test_html_nested_100000_deep_is_refused_quickly(folder: Path) -> None:
    page = "<html><body>" + "<div>" * 100_000 + HTML_BODY + "</div>" * 100_000 + "</body></html>"
    with pytest.raises(cleaner.InputError, match=r"HTML nested 100,000 elements deep \(over the 2,500 limit\)"):
        cleaner.clean(page, format="html")
    (folder / "deep.html").write_text(page, encoding="utf-8")
    code, output = run_batch(folder)
    assert code == EXIT_INPUT
    assert f"{folder / 'deep.html'}: HTML nested 100,000 elements deep (over the 2,500 limit), skipped" in output
    assert_no_outputs(folder, "deep")


def test_old_pages_with_unclosed_paragraphs_are_not_deep() -> None:
    page = "<html><body>" + "<p>Short unclosed paragraph of an old page" * 5000 + f"<p>{BODY}</body></html>"
    assert BODY in cleaner.clean(page, format="html").text
