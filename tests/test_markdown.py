"""Markdown in plain text: link targets and images go with a rule id each, link texts stay."""

from __future__ import annotations

import textwrap

import pytest

import cleaner
from cleaner.audit import replay
from cleaner.canonical import paragraphs_of
from cleaner.document import Block, text_blocks
from cleaner.markdown import EMPHASIS_RULE, ESCAPE_RULE, HEADING_RULE, IMAGE_RULE, LINK_RULE, QUOTE_RULE, markdown_removals

from bridge_article import ARTICLE as BRIDGE_ARTICLE

ARTICLE = BRIDGE_ARTICLE[:3]  # each of the three gets a link

LINKED = [
    ARTICLE[0].replace("two of its main cables", "[two of its main cables](https://example.com/news/2024/bridge-cables-report)"),
    ARTICLE[1].replace("in a statement", "in [a statement](https://example.com/transport/statement \"Statement\")"),
    ARTICLE[2].replace("the well-known market", "the [well-known market](/markets/saturday-market_(old-town))"),
]
IMAGES = ["![The old bridge at dusk](https://example.com/img/old-bridge-dusk-1200x800.jpg)",
          "[![](https://example.com/img/thumb-200x200.jpg)](https://example.com/img/full.jpg)"]


@pytest.mark.parametrize("width", [0, 72, 78])
def test_links_keep_their_text_and_images_go(width: int) -> None:
    paragraphs = [LINKED[0], IMAGES[0], LINKED[1], IMAGES[1], LINKED[2]]
    source = "\n\n".join(textwrap.fill(p, width) if width else p for p in paragraphs) + "\n"
    result = cleaner.clean(source)
    assert result.text == "\n\n".join(ARTICLE) + "\n"
    rules = {r["rule"] for r in result.removed}
    assert rules == {LINK_RULE, IMAGE_RULE}
    assert all(r["text"] == source[r["start"]:r["end"]] for r in result.removed)
    assert [r["text"] for r in result.removed if r["rule"] == IMAGE_RULE] == [
        source[source.index(IMAGES[0][:12]):source.index(IMAGES[0][-12:]) + 12] if width else IMAGES[0],
        source[source.index(IMAGES[1][:12]):source.index(IMAGES[1][-12:]) + 12] if width else IMAGES[1]]
    assert replay(source, result.manifest) == result.text
    assert cleaner.clean(result.text).text == result.text


def test_a_few_brackets_before_parentheses_are_prose() -> None:
    source = "\n".join([ARTICLE[0], "The index [2024 edition](/) ranks the city 12th.", ARTICLE[1]])
    assert markdown_removals(source, text_blocks(source)) == []
    assert cleaner.clean(source).removed == []


def test_a_paragraph_a_rule_removes_takes_its_links_with_it() -> None:
    menu = "[Share on Facebook](https://facebook.com/share) [Share on Twitter](https://twitter.com/share)"
    source = "\n\n".join([LINKED[0], LINKED[1], "Share this article", menu, LINKED[2]])
    result = cleaner.clean(source)
    assert result.text == "\n\n".join(ARTICLE) + "\n"
    spans = [(r["start"], r["end"]) for r in result.removed]
    assert all(end <= start for (_, end), (start, _) in zip(spans, spans[1:])), "no removal overlaps another"
    menu_start = source.index(menu)
    assert not any(menu_start < start < menu_start + len(menu) for start, _ in spans), "the menu goes as one span"
    assert replay(source, result.manifest) == result.text


def test_a_link_that_a_line_break_splits_between_two_paragraphs_stays() -> None:
    # Read a paragraph per line, a link whose address goes on on the next line lies in two
    # paragraphs: its markup is left rather than one span removed across both.
    source = "\n".join([LINKED[0], LINKED[1], "Read [the full report](https://example.com/reports/bridge-",
                        "cables-2024) on the council's website.", LINKED[2]])
    result = cleaner.clean(source)
    assert "[the full report](https://example.com/reports/bridge-" in result.text
    assert replay(source, result.manifest) == result.text


def test_headings_and_emphasis_lose_their_marks_and_rules_then_read_the_text() -> None:
    paragraphs = [f"## {'Old bridge closes'}", LINKED[0], f"**{ARTICLE[1][:40]}**{ARTICLE[1][40:]}", LINKED[2],
                  "## Related Articles", "[Council approves the budget](/news/budget)", "[New bridge opens](/news/bridge)"]
    source = "\n\n".join(paragraphs) + "\n"
    result = cleaner.clean(source)
    assert result.text == "\n\n".join(["Old bridge closes", *ARTICLE]) + "\n"
    rules = [r["rule"] for r in result.removed]
    assert {HEADING_RULE, EMPHASIS_RULE, LINK_RULE} <= set(rules)
    assert "related.list" in rules  # `## Related Articles` read as `Related Articles`
    assert replay(source, result.manifest) == result.text


@pytest.mark.parametrize("mark", ["*", "-", "+", "*  "])
def test_rules_read_a_markdown_list_item_without_its_mark_and_the_article_keeps_its_own(mark: str) -> None:
    share = [f"  {mark} [{name}](https://example.com/news/bridge?share={name.lower()} \"Click to share on {name}\")"
             for name in ("Facebook", "Twitter", "Reddit")]
    own = [f"{mark} The east span stays shut until the spring", f"{mark} Buses take the old ferry road"]
    source = "\n\n".join([LINKED[0], LINKED[1], "\n".join(own), LINKED[2], "\n".join(share)]) + "\n"
    result = cleaner.clean(source)
    assert paragraphs_of(result.text) == [*ARTICLE[:2], *(" ".join(item.split()) for item in own), ARTICLE[2]]
    assert [r["rule"] for r in result.removed if "Facebook" in r["text"] or "Reddit" in r["text"]][-1] == "share.prompt"
    assert replay(source, result.manifest) == result.text
    assert cleaner.clean(result.text).text == result.text


def test_a_plain_texts_list_items_are_read_as_written() -> None:
    # No Markdown links: `* Facebook` is read as it stands, a list item of the article's.
    source = "\n\n".join([*ARTICLE[:2], "* Facebook\n* Twitter\n* Reddit", ARTICLE[2]]) + "\n"
    assert "* Facebook" in cleaner.clean(source).text


def test_a_backslash_escape_leaves_its_mark_but_brackets_and_underscores_keep_theirs() -> None:
    escaped = "2\\. Chris Davies \\- Nov 19, 2019 \\*Only the top 12\\* qualify, C:\\\\Temp, shot \\[again\\], \\_\\_\\_\\_"
    source = "\n\n".join([LINKED[0], escaped, LINKED[1], LINKED[2]]) + "\n"
    result = cleaner.clean(source)
    assert "2. Chris Davies - Nov 19, 2019 *Only the top 12* qualify, C:\\Temp, shot \\[again\\], \\_\\_\\_\\_" in result.text
    assert [r["text"] for r in result.removed if r["rule"] == ESCAPE_RULE] == ["\\"] * 5
    assert replay(source, result.manifest) == result.text
    assert cleaner.clean(result.text).text == result.text


def test_stars_and_underscores_that_are_no_emphasis_stay() -> None:
    text = "Multiply 2 * 3 * 4, call snake_case_name, see [the file](https://example.com/a_b_c) and note*."
    source = "\n\n".join([LINKED[0], text, LINKED[1], LINKED[2]])
    assert [r for r in markdown_removals(source, text_blocks(source)) if r.rule == EMPHASIS_RULE] == []


@pytest.mark.parametrize("marks", [" *a", " _a", " **a", "[a](", "[\\[", "![\\[a\\]", "![[", "[\n\n![[a]]("])
def test_a_megabyte_line_of_marks_is_read_in_linear_time(marks: str) -> None:
    # Each emphasis try stops at the next mark of its kind: a line of marks that never close costs
    # one pass, not one pass per mark (which took seconds a megabyte).
    source = "[Home](/) [News](/news) [Sport](/sport)\n" + marks * (900_000 // len(marks)) + "\n"
    result = cleaner.clean(source)
    assert replay(source, result.manifest) == result.text


@pytest.mark.parametrize("nested", ["[[](http://)](http://)", "[[[](/a)](/b)](/c)", "[In [the report](/r) today](/s)"])
def test_links_inside_links_go_to_the_last_bracket(nested: str) -> None:
    # Once the inner link is gone, what stands around it is a link as well: left, it would go on a
    # second cleaning.
    source = "\n\n".join([LINKED[0], nested, LINKED[1], nested, LINKED[2]]) + "\n"
    result = cleaner.clean(source)
    text = "In the report today" if "report" in nested else ""
    assert "[" not in result.text and "](" not in result.text
    assert result.text == "\n\n".join(p for p in [ARTICLE[0], text, ARTICLE[1], text, ARTICLE[2]] if p) + "\n"
    assert {r["rule"] for r in result.removed} == {LINK_RULE}
    assert replay(source, result.manifest) == result.text
    assert cleaner.clean(result.text).text == result.text


def test_link_numbers_that_markdown_leaves_go_too() -> None:
    # A lynx-like number that a link's markup stood inside: cleaning the clean text would find it.
    numbered = [p + " [7[](http://)]Next" for p in LINKED]
    source = "\n\n".join(numbered) + "\n"
    result = cleaner.clean(source)
    assert result.text == "\n\n".join(f"{p} Next" for p in ARTICLE) + "\n"
    assert [r["text"] for r in result.removed if r["rule"] == "lynx.link-number"] == ["[7", "]"] * 3
    assert replay(source, result.manifest) == result.text
    assert cleaner.clean(result.text).text == result.text


def test_an_image_inside_a_link_split_over_two_lines_is_an_image() -> None:
    # Read a paragraph per line, the link (its address broken after the image) lies in two
    # paragraphs and stays; the image inside it lies in one, as it does in the clean text.
    split = "[![](https://example.com/img/thumb.jpg)](https://example.com/full\n.jpg)"
    source = "\n".join([LINKED[0], split, LINKED[1], split, LINKED[2], split]) + "\n"
    result = cleaner.clean(source)
    images = [r["text"] for r in result.removed if r["rule"] == IMAGE_RULE]
    assert images and set(images) == {"![](https://example.com/img/thumb.jpg)"}
    assert "![" not in result.text
    assert replay(source, result.manifest) == result.text
    assert cleaner.clean(result.text).text == result.text


def test_an_alt_text_with_escaped_brackets_is_an_image() -> None:
    # html2text escapes the brackets of an alt text that is an address; read as no image, such
    # teaser images (300 characters each) weighed as list items against a short article.
    teaser = "* [ ![\\[https://example.com/img/clip_167x94.jpg\\]](https://example.com/img/clip_167x94.jpg) ](https://example.com/video/clip)"
    source = "\n\n".join([LINKED[0], teaser, LINKED[1], teaser, LINKED[2]]) + "\n"
    result = cleaner.clean(source)
    images = [r["text"] for r in result.removed if r["rule"] == IMAGE_RULE]
    assert images == ["![\\[https://example.com/img/clip_167x94.jpg\\]](https://example.com/img/clip_167x94.jpg)"] * 2
    assert "https://" not in result.text
    assert replay(source, result.manifest) == result.text
    assert cleaner.clean(result.text).text == result.text


def test_a_link_around_an_image_on_a_line_of_its_own_goes_with_it() -> None:
    # html2text writes a teaser as `[` / `![](data:...)` / title / `](address)`, one paragraph of a
    # wrapped dump: once the image goes, its line is blank inside the link, which is still a link
    # (it stayed, address and all).
    teaser = ("[\n![](data:image/gif;base64,R0lGODlhAQABAIAAAAAAAP)\nSurgeons cut a jelly out of a bodybuilder's arms\n"
              "](https://example.com/2019/11/19/surgeons-cut-a-jelly-out-of-\nbodybuilders-arms/)")
    paragraphs = [LINKED[0], teaser, LINKED[1]]
    source = "\n\n".join(paragraphs)
    starts = [source.index(paragraph) for paragraph in paragraphs]
    blocks = [Block(i, p, start, start + len(p)) for i, (p, start) in enumerate(zip(paragraphs, starts))]
    removals = [(r.rule, source[r.start:r.end]) for r in markdown_removals(source, blocks) if r.start >= starts[1]]
    assert removals[:3] == [(LINK_RULE, "["), (IMAGE_RULE, "![](data:image/gif;base64,R0lGODlhAQABAIAAAAAAAP)"),
                            (LINK_RULE, "](https://example.com/2019/11/19/surgeons-cut-a-jelly-out-of-\nbodybuilders-arms/)")]


@pytest.mark.parametrize("target", ["whatsapp://send?text=Council%20votes%20on%20the%20budget", "tel:+15550132",
                                    "javascript:void\\(0\\);"])
def test_a_share_buttons_address_in_any_scheme_goes(target: str) -> None:
    source = "\n\n".join([LINKED[0], f"* [WhatsApp]({target})", LINKED[1], LINKED[2]]) + "\n"
    result = cleaner.clean(source)
    # The address goes as a link's; the button's text, a list item rules read as `WhatsApp`, as a
    # share button.
    assert target not in result.text and "WhatsApp" not in result.text
    assert {r["rule"] for r in result.removed} == {LINK_RULE, "share.prompt"}
    assert replay(source, result.manifest) == result.text


def test_a_colon_in_parentheses_after_brackets_is_prose() -> None:
    # A scheme needs a character right after its colon: `(note: ...)` is a parenthesis.
    line = "The index [2024 edition](note: revised) ranks the city 12th."
    source = "\n\n".join([LINKED[0], line, LINKED[1], LINKED[2]]) + "\n"
    assert line in cleaner.clean(source).text


def test_a_wrapped_quote_is_one_paragraph_without_its_marks() -> None:
    # html2text wraps a quoted paragraph at 78 columns inside its `> ` marks and writes a quote's
    # blank line as `>`: read as lines, the quote was a row of fragments, and an image inside it,
    # broken after its marks, stayed.
    quote = ("Who are we as a nation if we respond to threats of political retribution with retribution "
             "ourselves? The answer to hate is not more hate; it is compassion, and we must teach it.")
    image = "> ![](https://example.com/wp-\n> content/uploads/2019/11/26e39cee-b5eb-46cd-787c-3b3985e0d89a.01200-580x1030.jpeg)"
    quoted = image + "\n>\n" + textwrap.fill(quote, 78, initial_indent="> ", subsequent_indent="> ")
    source = "\n\n".join([*(textwrap.fill(p, 78) for p in LINKED), quoted]) + "\n"
    result = cleaner.clean(source)
    assert result.text == "\n\n".join([*ARTICLE, quote]) + "\n"
    assert {r["rule"] for r in result.removed} == {LINK_RULE, IMAGE_RULE, QUOTE_RULE}
    assert replay(source, result.manifest) == result.text
    assert cleaner.clean(result.text).text == result.text


@pytest.mark.parametrize("card", [
    # turndown (Jina Reader and many crawlers): the card's link opens on the list item's line, the
    # image and the headline stand indented inside it, each a paragraph.
    "*   [\n    \n    ![\\[https://example.com/img/clip_167x94.jpg\\]](https://example.com/img/clip_167x94.jpg)](https://example.com/video/clip)\n"
    "    \n    #### [Hong Kong students leave the campus](https://example.com/video/clip)",
    # markdownify: an image whose address the page loads later (`()`), then the headline, closing the link.
    "[![Hong Kong students leave the campus - Photo]()\n\n#### Hong Kong students leave the campus](/world/article/campus.php)",
])
def test_a_card_whose_link_spans_paragraphs_goes_to_its_text(card: str) -> None:
    # Converters write a link around block elements as paragraphs inside its brackets. Read a
    # paragraph at a time, its `](address)` and the bracketed image stayed, a line of markup that
    # weighed as prose (dev pages through turndown: F1 0.908 -> 0.932).
    source = "\n\n".join([LINKED[0], card, LINKED[1], card, LINKED[2]]) + "\n"
    result = cleaner.clean(source)
    assert "](" not in result.text and "[" not in result.text and "https://" not in result.text
    assert "Hong Kong students leave the campus" in result.text.replace("#### ", "")
    if not card.startswith("*"):  # a heading inside a link's text loses its marks (turndown's is indented as code)
        assert "#" not in result.text
    assert {r["rule"] for r in result.removed} <= {LINK_RULE, IMAGE_RULE, HEADING_RULE, "dedup.exact"}
    assert replay(source, result.manifest) == result.text
    assert cleaner.clean(result.text).text == result.text


def test_an_alt_text_with_one_pair_of_brackets_is_an_image() -> None:
    # markdownify leaves an alt text's brackets unescaped: `![[https://...jpg]](https://...jpg)`.
    image = "![[https://example.com/img/clip_167x94.jpg]](https://example.com/img/clip_167x94.jpg)"
    source = "\n\n".join([LINKED[0], f"* [{image}](https://example.com/video/clip)", LINKED[1], LINKED[2]]) + "\n"
    result = cleaner.clean(source)
    assert [r["text"] for r in result.removed if r["rule"] == IMAGE_RULE] == [f"[{image}](https://example.com/video/clip)"]
    assert "https://" not in result.text
    assert replay(source, result.manifest) == result.text


def test_a_card_link_in_a_list_a_rule_removes_is_in_the_manifest_once() -> None:
    # A rule took the paragraphs a card's link spans (a related list): the link's markup went with
    # them, and the manifest held it as well, across two removals; replay kept the cards.
    cards = [f'*   [](https://example.com/{n} "Story {n}")[\n    \n    ](https://example.com/{n} "Story {n}")\n    \n'
             f'    ##### [Story number {n} about the team](https://example.com/{n})' for n in range(1, 5)]
    source = "\n\n".join([*LINKED, "More in Minnesota Wild\n----------------------", *cards]) + "\n"
    result = cleaner.clean(source)
    assert "Story number" not in result.text
    assert replay(source, result.manifest) == result.text
    spans = sorted((r["start"], r["end"]) for r in result.removed)
    assert all(end <= start for (_, end), (start, _) in zip(spans, spans[1:])), "no removal overlaps another"
