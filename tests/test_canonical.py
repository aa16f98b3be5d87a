from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

import cleaner
from cleaner.canonical import canonical_paragraph, canonical_text
from cleaner.document import text_blocks


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


# Lines with the characters canonical form cares about: white space of every kind, invisible and
# control characters, combining marks, and both line ends.
_PLAIN = "ab é\u0301\t\x0b\x0c\u00a0\u2028\n"
_line_text = st.one_of(st.text(st.sampled_from(list(_PLAIN)), max_size=60),
                       st.text(st.sampled_from(list(_PLAIN + "\u200b\x01\x85\r")), max_size=60))


@settings(max_examples=300, deadline=None)
@given(_line_text)
def test_text_blocks_are_the_canonical_lines_with_their_spans(source: str) -> None:
    """text_blocks splits "\\n"-only text without a regex: both ways give the definition's blocks."""
    expected = [(text, match.start(), match.end()) for match in re.finditer(r"[^\r\n]+", source)
                if (text := canonical_paragraph(match.group()))]
    assert [(b.text, b.start, b.end) for b in text_blocks(source)] == expected
    assert [b.index for b in text_blocks(source)] == list(range(len(expected)))
