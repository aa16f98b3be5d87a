"""How long a text reads, counted in Latin letters.

Chinese and Japanese write no spaces between words, and one character says what three or four
Latin letters do. Thresholds written for English (a prose paragraph is 80 characters or more) would
otherwise take a Chinese paragraph of 70 characters, three English lines' worth, for a menu entry.
"""

from __future__ import annotations

import re

# Ideographs and kana, in runs: one string per clause, not one per character.
CJK_RUN = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]+")
CJK_CHAR_WIDTH = 3


def cjk_chars(text: str) -> int:
    """How many of `text`'s characters are Chinese or Japanese."""
    return 0 if text.isascii() else sum(map(len, CJK_RUN.findall(text)))


def reading_width(text: str) -> int:
    """`text`'s length with each Chinese or Japanese character counted as CJK_CHAR_WIDTH."""
    return len(text) + (CJK_CHAR_WIDTH - 1) * cjk_chars(text)
