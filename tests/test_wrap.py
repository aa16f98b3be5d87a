"""Hard-wrapped text: each wrapped paragraph is one block; text with a paragraph per line is never joined."""

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import cleaner
from cleaner.audit import replay
from cleaner.canonical import canonical_paragraph
from cleaner.document import text_blocks
from cleaner.wrap import has_spaced_marks, join_lines, wrap_width

from bridge_article import ARTICLE

ROOT = Path(__file__).resolve().parent.parent
HEAD = ["Home | News | Sport | Business | Culture", "Skip to content"]
TAIL = ["Share this article", "Facebook", "Twitter", "© 2024 Example Media. All rights reserved."]


def wrapped(paragraphs: list[str], width: int, gap: str) -> str:
    return gap.join(textwrap.fill(p, width) for p in paragraphs)


@pytest.mark.parametrize("width", [60, 72, 78, 100])
@pytest.mark.parametrize("gap", ["\n\n", "\n"])
def test_a_wrapped_article_comes_out_one_paragraph_per_line(width: int, gap: str) -> None:
    source = "\n".join(HEAD) + "\n\n" + wrapped(ARTICLE, width, gap) + "\n\n" + "\n".join(TAIL) + "\n"
    found = wrap_width(source.split("\n"))
    assert found is not None and width - 3 <= found <= width  # the longest line may fall short of the width
    result = cleaner.clean(source)
    # The same outcome as the text with a paragraph per line: the article whole, the same furniture gone.
    assert result.text == cleaner.clean("\n".join(HEAD + ARTICLE + TAIL)).text
    assert all(paragraph in result.text.split("\n") for paragraph in ARTICLE)
    assert "Share this article" not in result.text
    for removal in result.removed:  # the furniture, each removal honest about its source
        assert removal["text"] == source[removal["start"]:removal["end"]]
        assert not any(paragraph[:40] in removal["text"].replace("\n", " ") for paragraph in ARTICLE)
    assert cleaner.clean(result.text).text == result.text


def test_each_wrapped_paragraph_is_one_block_spanning_its_lines() -> None:
    source = wrapped(ARTICLE, 72, "\n\n")
    blocks = text_blocks(source)
    assert [b.text for b in blocks] == ARTICLE
    for block in blocks:
        assert canonical_paragraph(join_lines(source[block.start:block.end].split("\n"))) == block.text
    assert source[blocks[0].start:blocks[0].end].count("\n") >= 2


def test_crlf_line_ends_and_a_hyphen_at_the_break() -> None:
    source = wrapped(ARTICLE, 72, "\r\n\r\n").replace("\n", "\r\n").replace("\r\r", "\r")
    assert [b.text for b in text_blocks(source)] == ARTICLE
    # textwrap breaks `well-known` after its hyphen at some widths: the word comes back whole.
    assert join_lines(["the market, well-", "known on Saturdays"]) == "the market, well-known on Saturdays"
    assert join_lines(["a pause -", "then more"]) == "a pause - then more"


FRENCH = [
    "Le ministre de l'Économie a présenté mardi le budget de l'an prochain devant les députés réunis en séance.",
    "Interrogé sur la hausse des taxes sur le carburant, il a répondu sans détour : « Nous ne reculerons pas », "
    "avant d'ajouter que les agriculteurs seraient reçus ; la séance a ensuite été suspendue pendant une heure.",
    "L'opposition a dénoncé un budget injuste ; plusieurs élus ont annoncé qu'ils voteraient contre le texte.",
]


def test_french_typography_keeps_its_space_before_a_mark_that_starts_a_line() -> None:
    # A wrap breaks at a space, and French puts one before `:` and `;`: a line may start with the mark.
    source = "Accueil > Économie > Budget\n\n" + "\n\n".join(textwrap.fill(p, 40) for p in FRENCH) + "\n"
    assert any(line.startswith((": ", "; ")) for line in source.split("\n"))
    result = cleaner.clean(source)
    assert result.text.rstrip("\n").split("\n\n") == FRENCH
    assert result.removed and replay(source, result.manifest) == result.text
    assert cleaner.clean(result.text).text == result.text
    # A text with no spaced mark inside a line glues a line that starts with one to the line before.
    assert not has_spaced_marks("The minister said\n: we will not give in; and left.")
    assert join_lines(["The minister said", ": we will not give in, and left."]) == "The minister said: we will not give in, and left."
    assert has_spaced_marks("Il a dit\n: « non » ; puis il est parti.")
    assert join_lines(["Il a dit", ": « non » ; puis"], spaced_marks=True) == "Il a dit : « non » ; puis"


def test_list_items_after_a_full_line_start_their_own_paragraph() -> None:
    items = ["- the first item of the list, which is long enough to wrap onto the next line of text",
             "- the second item of the list, which is also long enough to wrap onto the next line"]
    source = wrapped(ARTICLE, 72, "\n\n") + "\n\n" + "\n".join(textwrap.fill(i, 72, subsequent_indent="  ") for i in items)
    texts = [b.text for b in text_blocks(source)]
    assert texts[-2:] == items


@pytest.mark.parametrize("whole", [
    "  * promotes hatred and discrimination on racial, ethnic, sexual, religious or social basis or violates rights",
    "LB | Joe Schobert | 74 | 100% | 7 tackles, 3 assists (10 combined). 1 sack, 2 TFL, 2 QH, 2 INT",
])
def test_a_list_item_or_a_table_row_left_whole_does_not_set_the_width(whole: str) -> None:
    # html2text wraps paragraphs at 78 columns and leaves list items and table rows whole: a width
    # read off such a line joined none of the paragraphs' lines.
    source = wrapped(ARTICLE, 78, "\n\n") + "\n\n" + whole + "\n"
    assert len(whole) > 90 and wrap_width(source.split("\n")) == max(map(len, wrapped(ARTICLE, 78, "\n").split("\n")))
    assert [b.text for b in text_blocks(source)] == [*ARTICLE, whole.strip()]


def test_a_terminal_dump_whose_headlines_wrap_without_a_sentence_end_is_read_as_wrapped() -> None:
    # lynx and w3m indent every paragraph and wrap a teaser's headline over two lines, a blank
    # line after it, ending with no sentence end (`... - Photo`). Those runs end a paragraph all
    # the same; counted as unended, twelve of them around a short article read the dump line by line.
    teasers = [f"Council {verb} the plan for the new bridge over the river in {place} after a long public hearing - Photo"
               for verb in ("approves", "rejects", "delays", "debates") for place in ("spring", "autumn", "town")]

    def fill(text: str) -> str:
        return textwrap.fill(text, 74, initial_indent="   ", subsequent_indent="   ")

    source = "\n\n".join([*map(fill, teasers[:6]), *map(fill, ARTICLE[:2]), *map(fill, teasers[6:])]) + "\n"
    assert wrap_width(source.split("\n")) == 74
    texts = [b.text for b in text_blocks(source)]
    assert texts[6:8] == ARTICLE[:2] and texts[0] == teasers[0]

    # A long run before a blank line is no headline: lines of one length in lower case, one
    # endless run, are still read a line each, with or without a blank line after them.
    rows = [f"of the report number {n} and of the annex to the report of the council" for n in range(40)]
    for after in ("", "\n\nThe end of the report.\n"):
        assert wrap_width(("\n".join(rows) + after).split("\n")) is None


def test_indented_paragraphs_under_wider_headings_are_read_at_their_own_width() -> None:
    # lynx indents paragraphs by three columns and wraps them at 74, its headings (not indented)
    # at 77. Read at 77, the paragraphs' breaks where the next word would fit at 77 are missed,
    # and with a list of wrapped teasers beside them the text did not read as wrapped at all.
    heads = [f"Council {verb} the plan for the new bridge over the river in {place} after the long public "
             f"hearing in the town hall" for verb in ("approves", "rejects", "delays", "debates")
             for place in ("spring", "autumn", "town")]
    teasers = "\n".join(textwrap.fill(h, 74, initial_indent=" " * 20 + "# ", subsequent_indent=" " * 22) for h in heads)
    source = "\n\n".join([*(textwrap.fill(h + " and more", 77) for h in heads[:3]), teasers,
                           *(textwrap.fill(p, 74, initial_indent="   ", subsequent_indent="   ") for p in ARTICLE)]) + "\n"
    assert wrap_width(source.split("\n")) == 74
    texts = [b.text for b in text_blocks(source)]
    assert all(paragraph in texts for paragraph in ARTICLE)


def test_title_cased_headlines_are_no_evidence_against_a_wrap() -> None:
    # A site that writes its headlines in title case: each wrapped teaser breaks before a capital,
    # as a paragraph per line does. Counted against the wrap, twelve teasers around a short article
    # read a lynx dump line by line; when the text fails the test with them, it is asked without them.
    heads = [f"Council {verb} The Plan For The New Bridge Over The River In {place} After A Long Public Hearing"
             for verb in ("Approves", "Rejects", "Delays", "Debates") for place in ("Spring", "Autumn", "Town")]
    article = ["The council voted on Tuesday to close the old bridge to traffic, after engineers found that the "
               "main cables had corroded beyond repair.",
               "Residents who live on the east bank said they were worried about the longer journey to the "
               "hospital and to the schools in town."]

    def fill(text: str) -> str:
        return textwrap.fill(text, 74, initial_indent="   ", subsequent_indent="   ")

    source = "\n\n".join([*map(fill, heads[:6]), *map(fill, article), *map(fill, heads[6:])]) + "\n"
    assert wrap_width(source.split("\n")) == 74
    assert [b.text for b in text_blocks(source)][6:8] == article
    # Such headlines alone are no evidence for a wrap either.
    assert wrap_width("\n\n".join(map(fill, heads)).split("\n")) is None


def test_a_line_before_a_rule_is_no_evidence_of_a_wrap() -> None:
    # lynx draws a form's text field and a horizontal rule as a row of underscores, as long as the
    # width or not: a column of headlines over such rows read as a wrap's breaks, none of them
    # mid-sentence, and a short wrapped article under them was read line by line. A paragraph
    # still never takes a rule on its own line as its last words.
    heads = [f"Council {verb} the new bridge plan in {place}" for verb in ("approves", "rejects", "delays", "debates")
             for place in ("spring", "autumn", "town")]
    rule = "   " + "_" * 66
    fill = [textwrap.fill(p, 74, initial_indent="   ", subsequent_indent="   ") for p in ARTICLE[:2]]
    source = "\n\n".join(fill) + "\n" + "\n".join([rule, *(f"[{n}]{h}\n{rule}" for n, h in enumerate(heads))]) + "\n"
    assert wrap_width(source.split("\n")) == 74
    texts = [b.text for b in text_blocks(source)]
    assert texts[:2] == ARTICLE[:2] and texts[2].startswith("_")


def test_a_terminal_dump_s_list_of_addresses_does_not_set_the_paragraphs_indentation() -> None:
    # lynx closes a dump with its links' addresses, numbered and indented by two (`  12. https://...`):
    # more lines than a short article's, and none a paragraph. The article's indentation is read off
    # its own lines.
    heads = [f"Council {verb} the plan for the new bridge over the river in {place} after the long public "
             f"hearing in the town hall" for verb in ("approves", "rejects", "delays", "debates")
             for place in ("spring", "autumn", "town")]
    addresses = [f"  {n}. https://www.example.com/2018/10/council-{n}-approves-the-plan-for-the-bridge.html"
                 for n in range(10, 70)]
    teasers = "\n".join(textwrap.fill(h, 74, initial_indent=" " * 20 + "# ", subsequent_indent=" " * 22) for h in heads)
    source = "\n\n".join([*(textwrap.fill(h + " and more", 77) for h in heads[:3]), teasers,
                           *(textwrap.fill(p, 74, initial_indent="   ", subsequent_indent="   ") for p in ARTICLE),
                           "References", "\n".join(addresses)]) + "\n"
    assert wrap_width(source.split("\n")) == 74


BRIEF = ["It was the shot heard round the league. In the closing seconds of last week's game in Cleveland, "
         "the defensive end pulled off the quarterback's helmet, then swung it at him and hit him in the head "
         "as both teams ran onto the field.",
         "The quarterback did not suffer a concussion. Still, the defensive end, who was the first pick of "
         "the 2017 draft, has been suspended without pay for the rest of the season and may face more "
         "discipline from the league."]


def test_a_brief_of_six_wrapped_lines_is_read_as_wrapped() -> None:
    """Two short paragraphs wrapped at 100 columns: six lines, four breaks, two of them mid-sentence.
    Read a line at a time, its last line (`from the league.`) went as a short line after the article."""
    source = wrapped(BRIEF, 100, "\n\n")
    assert len(source.splitlines()) == 7 and wrap_width(source.split("\n")) == 100
    assert cleaner.clean(source).text == "\n\n".join(BRIEF) + "\n"


@pytest.mark.parametrize("kind", ["text", "seed"])
def test_a_paragraph_per_line_is_never_joined(kind: str) -> None:
    if kind == "seed":
        sources = [p.read_text(encoding="utf-8") for p in sorted((ROOT / "seeds").glob("*.txt"))
                   if not p.name.endswith(".clean.txt")]
    else:  # short lines near one length, none ending a sentence: headlines, a menu, a short article
        headlines = [f"Council {verb} the plan for the new bridge over the river in {place}"
                     for verb in ("approves", "rejects", "delays", "debates") for place in ("spring", "autumn", "town")]
        sources = ["\n".join(headlines), "\n".join(headlines + ARTICLE)]
    for source in sources:
        assert wrap_width(source.split("\n")) is None
        assert [b.text for b in text_blocks(source)] == [
            text for line in source.splitlines() if (text := canonical_paragraph(line))]


WORDS = st.text(st.sampled_from("abcdefghijklmnopqrstuvwxyzé"), min_size=1, max_size=12)


@settings(max_examples=200, deadline=None)
@given(st.lists(st.lists(WORDS, min_size=30, max_size=80), min_size=2, max_size=5),
       st.integers(min_value=40, max_value=120), st.sampled_from(["\n", "\n\n"]))
def test_random_wrapped_paragraphs_come_back_whole(paragraphs: list[list[str]], width: int, gap: str) -> None:
    texts = [" ".join(words) for words in paragraphs]
    source = wrapped(texts, width, gap)
    if wrap_width(source.split("\n")) is None:
        return  # too few breaks to tell: read line by line, as any text
    blocks = [b.text for b in text_blocks(source)]
    if gap == "\n\n":
        assert blocks == texts
    else:  # a paragraph whose last line is full runs on into the next: no word is lost or moved
        assert " ".join(blocks) == " ".join(texts)


def test_the_manifest_says_how_a_wrapped_text_was_read() -> None:
    source = wrapped(ARTICLE, 72, "\n\n") + "\n\nShare this article\nFacebook\nTwitter\n"
    result = cleaner.clean(source)
    longest = max(map(len, source.splitlines()))  # the width as the text shows it: 72 or just under
    assert result.manifest["source"]["wrap"] == {"width": longest, "blank_lines_separate": True}
    assert result.manifest["stats"]["paragraphs_in"] == len(ARTICLE) + 3
    gapless = cleaner.clean(wrapped(ARTICLE, 72, "\n"))
    assert gapless.manifest["source"]["wrap"] == {"width": longest, "blank_lines_separate": False}
    assert "wrap" not in cleaner.clean("\n".join(ARTICLE)).manifest["source"]
    assert "wrap" not in cleaner.clean(f"<html><body><p>{ARTICLE[0]}</p></body></html>").manifest["source"]
