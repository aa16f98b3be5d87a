"""The library call: returns text and manifest, writes nothing, keeps no state between calls."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

import cleaner
from cleaner.manifest import SCHEMA

BODY = "The body of the article is a sentence long enough to be prose, which anchors the page."
REQUIRED = ["schema", "source", "output", "cleaner", "packs", "metadata", "removed", "duplicates", "warnings", "stats"]


def test_clean_returns_text_and_manifest_with_the_agreed_keys() -> None:
    result = cleaner.clean(f"Support SouthFront\n\n{BODY}\n")
    assert result.text == BODY + "\n"
    assert list(result.manifest) == REQUIRED
    assert result.manifest["schema"] == SCHEMA
    assert set(result.manifest["source"]) == {"path", "sha256", "bytes", "format", "encoding"}
    assert set(result.manifest["output"]) == {"path", "sha256", "bytes", "paragraphs"}
    assert set(result.manifest["cleaner"]) == {"version", "rules_digest"}
    assert result.manifest["cleaner"]["version"] == cleaner.__version__
    assert result.manifest["output"]["paragraphs"] == 1
    json.dumps(result.manifest)  # JSON-ready as it is


def test_clean_writes_nothing(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    cleaner.clean(f"Support SouthFront\n\n{BODY}\n")
    assert os.listdir(tmp_path) == []


def test_same_input_same_bytes_and_no_state_between_calls() -> None:
    texts = [f"Support SouthFront\n\n{BODY}\n", f"Other text entirely.\n\n{BODY}\n\n{BODY}\n"]
    first = [cleaner.clean(t).manifest_json() for t in texts]
    again = [cleaner.clean(t).manifest_json() for t in reversed(texts)][::-1]
    assert first == again


def test_cleaner_object_loads_rules_once_and_matches_clean() -> None:
    reusable = cleaner.Cleaner()
    assert reusable.clean(BODY).manifest == cleaner.clean(BODY).manifest
    assert reusable.rules is reusable.rules


def test_bytes_and_str_give_the_same_text() -> None:
    assert cleaner.clean(BODY.encode("utf-8")).text == cleaner.clean(BODY).text


def test_any_bytes_like_content_is_accepted() -> None:
    text = "Some text here that is long enough.\n"
    assert {cleaner.clean(kind(text.encode())).text for kind in (bytes, bytearray, memoryview)} == {text}
    page = b"<html><body><p>Hi there</p></body></html>"
    assert cleaner.clean(memoryview(page)).manifest["source"]["format"] == "html"


@pytest.mark.parametrize("content", [None, 123, ["a line"], Path("page.txt")])
def test_content_of_another_type_is_a_type_error_that_names_it(content: object) -> None:
    with pytest.raises(TypeError, match=f"content must be str or bytes, not {type(content).__name__}"):
        cleaner.clean(content)  # type: ignore[arg-type]


def test_an_unknown_format_is_a_value_error_not_a_silent_default() -> None:
    with pytest.raises(ValueError, match="format must be one of 'auto', 'text', 'html', not 'pdf'"):
        cleaner.clean("text", format="pdf")  # type: ignore[arg-type]


def test_user_rules_add_to_the_builtin_ones(tmp_path: Path) -> None:
    (tmp_path / "mine.toml").write_text(
        '[pack]\nid = "mine"\nsummary = "My site."\n\n[[rule]]\nid = "mine.promo"\nsummary = "Promo."\n'
        'why = "Ads."\nkind = "line"\nexact = ["Buy our app"]\n', encoding="utf-8")
    result = cleaner.Cleaner(rules_dirs=[tmp_path]).clean(f"Buy our app\n\n{BODY}\n")
    assert result.removed[0]["rule"] == "mine.promo"


def test_public_api_is_typed() -> None:
    assert (Path(cleaner.__file__).parent / "py.typed").is_file()


def test_empty_input_gives_empty_text_and_a_warning() -> None:
    result = cleaner.clean("   \n\n")
    assert result.text == ""
    assert result.warnings[0]["code"] == "empty-input"
