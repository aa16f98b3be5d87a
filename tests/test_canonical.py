from __future__ import annotations

import cleaner
from cleaner.canonical import canonical_paragraph, canonical_text


def test_paragraph_folds_space_and_drops_invisible_characters() -> None:
    assert canonical_paragraph("  a\u00a0\tb\u200b c\u00ad  ") == "a b c"


def test_nfc_and_typography_kept() -> None:
    assert canonical_paragraph("Cafe\u0301 “quoted” – dash") == "Café “quoted” – dash"


def test_text_form() -> None:
    assert canonical_text(["one", "", "two"]) == "one\n\ntwo\n"
    assert canonical_text([]) == ""


def test_clean_output_is_canonical() -> None:
    body = "A paragraph long enough to be taken as prose, which is what an article is made of here."
    result = cleaner.clean(f"\ufeff  Title\u00a0line \r\n\r\n{body}\r\n\n\n")
    assert result.text == f"Title line\n\n{body}\n"
    assert not result.text.startswith("\ufeff")
    assert cleaner.clean(result.text).text == result.text
