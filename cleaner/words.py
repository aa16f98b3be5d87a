"""What the layout, the detector and duplicate collapse read off a block: its words, and whether it
ends like a sentence. One definition of each, so that the three count the same words and agree on
what a sentence's end is."""

from __future__ import annotations

import re

from .stopwords import STOP_WORDS

# A word is a run of `\w`: letters, digits and the underscore, in every script.
WORD = re.compile(r"\w+")
# Quotes and brackets that may close a text after its last mark (`... he said.”`).
CLOSING_MARKS = "\"'”’»)]」』）】"
CLOSING_MARKS_AND_SPACES = CLOSING_MARKS + " \u00a0\u202f"
# The end of a sentence, or of a clause that announces what follows (`... as follows:`).
SENTENCE_ENDS = (".", "!", "?", "…", ":", ";", "。", "！", "？", "：", "；")
# The end of a sentence or a clause, or a pause that goes on in the next block (`Washington,`).
CLAUSE_ENDS = SENTENCE_ENDS + (",", "，", "、")
# The marks that end a statement and never a title (a title may ask or exclaim): a run of related
# titles ends at them, in Chinese and Japanese too, whose paragraphs end in `。`.
FULL_STOPS = (".", "…", "。", "．")


def ends_with(text: str, marks: tuple[str, ...]) -> bool:
    """Whether `text` (a block: no line break) ends with one of `marks`, before any closing quotes
    and brackets, and the spaces French typography puts before them (`... le reste. »`)."""
    return text.rstrip(CLOSING_MARKS_AND_SPACES).endswith(marks)


def is_title_cased(text: str) -> bool:
    """Every word that is not a stop word starts with a capital or has no case (`中文`), and one at
    least starts with a capital: a headline or a menu entry. A letter after an apostrophe
    (`What's`) is no word of its own."""
    words = [word for word in WORD.findall(text)
             if len(word) > 1 and word.lower() not in STOP_WORDS and not word.isdigit()]
    return any(word[0].isupper() for word in words) and not any(word[0].islower() for word in words)
