"""Random HTML-ish text through the HTML path: never an unexpected exception, honest spans, and
cleaning the clean output again (it is plain text) changes nothing."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import cleaner

CLEANER = cleaner.Cleaner()
TAGS = ["p", "div", "span", "b", "a", "li", "ul", "h1", "h2", "article", "section", "aside", "footer",
        "nav", "script", "style", "table", "tr", "td", "br", "img", "!--", "html", "body", "head", "title"]
WORDS = ["The ministry said on Tuesday that the ceasefire would hold for another day, officials confirmed.",
         "Residents described long queues at the checkpoints, where soldiers searched every single car.",
         "Share", "Related News", "Notify of", "Copyright 2024 . All rights reserved", "&amp;", "&#8217;", "&nbsp;",
         "<", ">", "\"", "'", "=", "\n", " "]
ATTRS = ["", ' class="comments"', ' id="related"', ' class="share-bar"', " data-x='1'", ' class="', " hidden"]


@st.composite
def html_ish(draw: st.DrawFn) -> str:
    pieces = []
    for _ in range(draw(st.integers(0, 40))):
        kind = draw(st.integers(0, 3))
        if kind == 0:
            pieces.append(f"<{draw(st.sampled_from(TAGS))}{draw(st.sampled_from(ATTRS))}>")
        elif kind == 1:
            pieces.append(f"</{draw(st.sampled_from(TAGS))}>")
        elif kind == 2:
            pieces.append(draw(st.sampled_from(WORDS)))
        else:
            pieces.append(draw(st.text(max_size=20)))
    return "".join(pieces)


@settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(html_ish())
def test_html_ish_text(page: str) -> None:
    try:
        result = CLEANER.clean(page, format="html")
    except cleaner.InputError:
        return
    source = page  # a str is cleaned as given: spans index into it
    for removal in result.removed:
        assert source[removal["start"]:removal["end"]] == removal["text"]
    assert CLEANER.clean(result.text, format="text").text == result.text
