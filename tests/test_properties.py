"""Properties that hold for any text: no unexpected exception, idempotence, honest spans."""

from __future__ import annotations

import textwrap

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import cleaner
from cleaner.audit import replay

CLEANER = cleaner.Cleaner()
SENTENCES = [
    "The ministry said on Tuesday that the ceasefire would hold for another day, officials confirmed.",
    "Residents described long queues at the checkpoints, where soldiers searched every single car.",
    "Aid convoys were expected to reach the eastern districts by evening, according to the UN office.",
    "Short line",
    "Russia warns against Daesh terrorists fleeing Iraq’s Mosul for Syria",
    # What keeps a run of short lines inside the article: a paragraph announcing it, interview turns.
    "The council listed the four rules under which the bridge had been closed over the years:",
    "Q: Favorite apps?", "A: Bleacher Report and Uber Eats",
    # Chinese: no spaces between words, its own sentence ends and date lines.
    "市议会周二投票决定关闭这座老桥，此前工程师发现主缆已经严重腐蚀，继续通车存在安全隐患。", "首页",
    "2019年11月20日 10:32 来源：本报记者",
]
FURNITURE = [
    "0 $", "2,500 $", "Support SouthFront", "Notify of", "Inline Feedbacks", "View all comments",
    "No comments:", "Post a Comment", "Related News", "Related Articles", "Copyright 2024 . All rights reserved",
    "Date: Nov 3, 2016", "Source: The Daily Star", "FRI 26 - 4 - 2024", "Readers Comments (0)",
    "Enter the security code below*", "Share", "", "   ", "\u00a0",
    # Markers of cut rules and page-end furniture: a cut must settle as idempotently as a line rule.
    "© 2019 CBS Interactive Inc. All Rights Reserved.", "Tinggalkan Balasan Batalkan balasan", "32M ago",
    "Privacy Overview", "This story has been shared 44,976 times. 44,976", "Artigos relacionados",
]
LINES = st.one_of(st.sampled_from(SENTENCES), st.sampled_from(FURNITURE), st.text(max_size=60))
DOCUMENTS = st.lists(LINES, max_size=30).flatmap(
    lambda lines: st.sampled_from(["\n", "\n\n", "\r\n"]).map(lambda sep: sep.join(lines))
)
# The same lines hard-wrapped, as terminal browsers and HTML-to-text converters write them.
# The paragraphs of the wrapped, Markdown and lynx documents: one to four sentences (long enough to
# wrap at these widths), the same few prose sentences recombined (`A A`, `A B`, `B A`: what makes
# duplicate collapse and the guard weigh copies that contain each other), the lines around an
# article, and text of any kind.
RECOMBINED = st.lists(st.sampled_from(SENTENCES[:3]), min_size=1, max_size=3).map(" ".join)
PARAGRAPHS = st.one_of(st.lists(st.sampled_from(SENTENCES), min_size=1, max_size=4).map(" ".join), RECOMBINED,
                       LINES)  # prose most of the time
WRAPPED_DOCUMENTS = st.tuples(st.lists(PARAGRAPHS, min_size=4, max_size=20), st.integers(min_value=40, max_value=90),
                              st.sampled_from(["\n", "\n\n"])).map(
    lambda drawn: drawn[2].join(textwrap.fill(line, drawn[1]) for line in drawn[0]))
# Markdown, as converters and crawlers write a page: links in the text, images, link-only menus;
# a paragraph per line or hard-wrapped (a wrap may break a link's address at a hyphen).
MARKDOWN_LINES = st.one_of(
    PARAGRAPHS,
    st.sampled_from(SENTENCES).map(lambda s: s.replace(" the ", " [the ceasefire](https://example.com/news/cease-fire-holds) ", 1)),
    st.sampled_from(["![A photo](https://example.com/img/photo-1.jpg)", "[![](https://example.com/a.png)](https://example.com/a)",
                     "[Home](/) [News](/news) [Sport](/sport)", "[](https://example.com/empty)", "Text [with](#anchor) (parens)",
                     "## Related Articles", "**Bold** words, _emphasis_ and 2 * 3 * 4 in snake_case_name",
                     "**[A bold link](https://example.com/a_b_c)**", "_Eat every 2–3 hours_", "# ", "*"]),
)
MARKDOWN_MENU = "[Home](/) [News](/news) [Sport](/sport)"  # three links: the text is read as Markdown
MARKDOWN_DOCUMENTS = st.tuples(st.lists(MARKDOWN_LINES, min_size=3, max_size=12), st.sampled_from([0, 50, 78]),
                               st.integers(min_value=0, max_value=12)).map(
    lambda drawn: "\n\n".join(textwrap.fill(line, drawn[1]) if drawn[1] else line
                               for line in drawn[0][:drawn[2]] + [MARKDOWN_MENU] + drawn[0][drawn[2]:]))
# lynx dumps: link numbers glued to words, citation marks after them, the list of addresses at the end.
LYNX_LINES = st.one_of(
    PARAGRAPHS,
    st.tuples(st.sampled_from(SENTENCES), st.integers(min_value=1, max_value=999)).map(
        lambda drawn: drawn[0].replace(" the ", f" the [{drawn[1]}]", 1)),
    st.sampled_from(["A fact.[12] Another fact.", "[3]Home [4]News [5]Sport", "   12. https://www.example.com/a",
                     "References", "[IMG]", "IFRAME: https://www.youtube.com/embed/x"]),
)
LYNX_DOCUMENTS = st.tuples(st.lists(LYNX_LINES, min_size=3, max_size=14), st.sampled_from([0, 74])).map(
    lambda drawn: "\n\n".join(textwrap.fill(line, drawn[1]) if drawn[1] else line for line in drawn[0]))
SETTINGS = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def assert_honest(source: str, result: cleaner.CleanResult) -> None:
    previous_end = 0
    for removal in result.removed:
        assert source[removal["start"]:removal["end"]] == removal["text"]
        assert removal["start"] >= previous_end, "removals are in source order and do not overlap"
        previous_end = removal["end"]
    # What the removals leave is exactly the clean text: nothing else went (read as the manifest says).
    assert replay(source, result.manifest) == result.text


# Short documents of recombined sentences around comment markers, related-list headings and other
# furniture, as a paragraph a line or hard-wrapped: a cut the guard stops on a first cleaning must be
# stopped again on the second, whose document is smaller.
RECOMBINED_DOCUMENTS = st.tuples(st.lists(st.one_of(RECOMBINED, st.sampled_from(FURNITURE)), min_size=2, max_size=10),
                                 st.sampled_from([0, 40, 78]), st.sampled_from(["\n", "\n\n"])).map(
    lambda drawn: drawn[2].join(textwrap.fill(line, drawn[1]) if drawn[1] else line for line in drawn[0]))


def broken_at(paragraph: str, gaps: set[int]) -> str:
    """`paragraph` as a dump of text nodes gives it: a line break before each comma and at the word
    gaps in `gaps`, as if a link or an emphasis began or ended there."""
    words = paragraph.replace(", ", " \n, ").split(" ")
    return "".join(word if not index else ("\n" if index in gaps else " ") + word for index, word in enumerate(words))


# Text broken at inline elements (a line per text node), among furniture.
BROKEN_DOCUMENTS = st.lists(st.tuples(PARAGRAPHS, st.sets(st.integers(min_value=1, max_value=40), max_size=6)),
                            min_size=2, max_size=12).map(
    lambda drawn: "\n".join(broken_at(paragraph, gaps) for paragraph, gaps in drawn))

# Lines of text and furniture; the same hard-wrapped; Markdown; lynx dumps; recombined sentences
# around furniture; text broken at inline elements; any text at all.
TEXTS = {"structured": DOCUMENTS, "hard-wrapped": WRAPPED_DOCUMENTS, "markdown": MARKDOWN_DOCUMENTS,
         "lynx": LYNX_DOCUMENTS, "recombined": RECOMBINED_DOCUMENTS, "inline-broken": BROKEN_DOCUMENTS,
         "arbitrary": st.text()}


@pytest.mark.parametrize("kind", list(TEXTS))
@SETTINGS
@given(data=st.data())
def test_text_cleans_honestly_to_itself(kind: str, data: st.DataObject) -> None:
    source = data.draw(TEXTS[kind], label=kind)
    result = CLEANER.clean(source, format="text")
    assert_honest(source, result)
    assert CLEANER.clean(result.text, format="text").text == result.text


@SETTINGS
@given(st.binary(max_size=300))
def test_arbitrary_bytes_give_a_result_or_a_documented_error(data: bytes) -> None:
    try:
        result = CLEANER.clean(data, format="text")
    except cleaner.InputError:
        return
    assert CLEANER.clean(result.text, format="text").text == result.text


# Small HTML pages: paragraphs, headings, tables, lists and furniture in any order and nesting.
HTML_TEXT = st.one_of(st.sampled_from(SENTENCES), st.sampled_from([f for f in FURNITURE if f.strip()]))
HTML_CELLS = st.lists(st.one_of(st.sampled_from(["1", "Kyle Busch", "5040", "Top 10", "85%"]), HTML_TEXT),
                      min_size=1, max_size=4)
HTML_ELEMENTS = st.one_of(
    HTML_TEXT.map(lambda t: f"<p>{t}</p>"),
    HTML_TEXT.map(lambda t: f"<h2>{t}</h2>"),
    st.lists(HTML_CELLS, min_size=1, max_size=4).map(
        lambda rows: "<table>" + "".join("<tr>" + "".join(f"<td>{c}</td>" for c in row) + "</tr>" for row in rows)
        + "</table>"),
    st.lists(HTML_TEXT, min_size=1, max_size=4).map(lambda items: "<ul>" + "".join(f"<li>{i}</li>" for i in items) + "</ul>"),
    HTML_TEXT.map(lambda t: f'<div class="share-buttons"><a href="/s">{t}</a></div>'),
)
HTML_PAGES = st.tuples(st.lists(HTML_ELEMENTS, max_size=12), st.lists(HTML_ELEMENTS, max_size=3)).map(
    lambda parts: "<!DOCTYPE html><html><head><title>A page</title></head><body><nav><a href='/'>Home</a></nav>"
    f"<article>{''.join(parts[0])}</article><footer>{''.join(parts[1])}</footer></body></html>")
HTML_SETTINGS = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@HTML_SETTINGS
@given(HTML_PAGES)
def test_html_pages_clean_to_text_that_cleans_to_itself(source: str) -> None:
    result = CLEANER.clean(source, format="html")
    assert CLEANER.clean(result.text, format="text").text == result.text
    previous_end = 0
    for removal in result.removed:
        assert source[removal["start"]:removal["end"]] == removal["text"]
        assert removal["start"] >= previous_end, "removals are in source order and do not overlap"
        previous_end = removal["end"]


@settings(max_examples=300, deadline=None)
@given(st.text(st.characters(blacklist_categories=("Cs",), blacklist_characters="\x00"), max_size=80),
       st.sampled_from(["utf-8", "windows-1251", "iso-8859-1", "koi8-r", "shift_jis", "gb2312", "utf-16"]))
def test_a_page_saved_as_utf8_decodes_to_its_text_whatever_it_declares(text: str, declared: str) -> None:
    from cleaner.decode import decode

    page = f'<html><head><meta charset="{declared}"></head><body><p>{text}</p></body></html>'
    decoded = decode(page.encode("utf-8"), html=True)
    assert decoded.text == page and decoded.encoding in ("utf-8", "cp1251", "cp1252", "koi8-r", "shift_jis", "gb2312")
