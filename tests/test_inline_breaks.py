"""Text broken at inline elements (a line per text node): each paragraph's pieces are one block;
text with a paragraph per line, and labels between the pieces, are never joined."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import cleaner
from bench.metric import Page
from cleaner.audit import replay
from cleaner.document import text_blocks
from cleaner.inline_breaks import detect_inline_breaks, joins_next

from bridge_article import ARTICLE

ROOT = Path(__file__).resolve().parent.parent
HEAD = ["Home", "News", "Sport", "Business", "Skip to content"]
TAIL = ["Share this article", "Facebook", "Twitter", "© 2024 Example Media. All rights reserved."]
# The article as `get_text("\n")` gives it: its links (`old river bridge`, `the transport department`,
# `ring road`), its emphasis and a link in brackets each on a line of its own.
BROKEN = [
    "The city council voted on Tuesday evening to close the",
    "old river bridge",
    "to all traffic, after engineers found that two of its main cables had corroded far beyond what last year",
    "'s inspection had shown, and that the deck could no longer carry the weight of buses and delivery lorries.",
    "Residents who cross the bridge every day to reach the hospital and the railway station will have to take the",
    "ring road",
    "instead, which adds about twenty minutes to the journey at rush hour, the",
    "transport department",
    "said in a statement published on its website shortly after the vote.",
    "The mayor said the decision had not been an easy one, but that the safety of the people who use the bridge had",
    "to come before every other consideration, including the cost to local shops that depend on customers from the other side of the river and the",
    "well-known market on Saturdays",
    ".",
    "Work on a replacement is expected to start next spring and to take at least two years, according to the council",
    "'s own estimate, which several members of the opposition called optimistic given the delays that held up the",
    "construction of the new library",
    "and the sports centre last decade.",
]


def test_a_broken_article_comes_out_one_paragraph_per_line() -> None:
    source = "\n".join(HEAD + BROKEN + TAIL) + "\n"
    assert detect_inline_breaks(source) is not None
    result = cleaner.clean(source)
    # The same outcome as the text with a paragraph per line: the article whole, the same furniture gone.
    assert result.text == cleaner.clean("\n".join(HEAD + ARTICLE + TAIL)).text
    assert all(paragraph in result.text.split("\n") for paragraph in ARTICLE)
    assert result.manifest["source"]["inline_breaks"] == {"continuations": 3}
    assert replay(source, result.manifest) == result.text
    assert cleaner.clean(result.text).text == result.text


# A French article so broken: a space before `;`, `:` and a closing `»`, which the pieces keep.
BROKEN_FRENCH = [
    "Le conseil municipal a voté mardi soir la fermeture du",
    "vieux pont",
    ", après que les ingénieurs ont découvert que deux de ses câbles principaux étaient rongés par la rouille",
    "; le maire a déclaré à la presse",
    ": « La sécurité de ceux qui traversent le pont passe avant tout le reste. »",
    "Les habitants devront désormais emprunter le",
    "périphérique",
    ", ce qui allonge le trajet d'une vingtaine de minutes aux heures de pointe ; les commerçants s'inquiètent.",
]
FRENCH = [
    "Le conseil municipal a voté mardi soir la fermeture du vieux pont, après que les ingénieurs ont découvert que "
    "deux de ses câbles principaux étaient rongés par la rouille ; le maire a déclaré à la presse : « La sécurité "
    "de ceux qui traversent le pont passe avant tout le reste. »",
    "Les habitants devront désormais emprunter le périphérique, ce qui allonge le trajet d'une vingtaine de minutes "
    "aux heures de pointe ; les commerçants s'inquiètent.",
]


def test_a_broken_french_article_keeps_its_spaces_before_marks() -> None:
    source = "\n".join(["Accueil", "Actualités", "Société"] + BROKEN_FRENCH + ["Partager", "Facebook"]) + "\n"
    assert detect_inline_breaks(source) is not None
    result = cleaner.clean(source)
    assert result.text.rstrip("\n").split("\n\n") == FRENCH
    assert replay(source, result.manifest) == result.text
    assert cleaner.clean(result.text).text == result.text


def test_each_paragraph_is_one_block_spanning_its_pieces() -> None:
    source = "\n".join(BROKEN)
    blocks = text_blocks(source)
    assert [b.text for b in blocks] == ARTICLE
    assert source[blocks[0].start:blocks[0].end] == "\n".join(BROKEN[:4])


@pytest.mark.parametrize("lines", [
    # A lower-case label over a list after a headline in sentence case.
    ["Plague-ridden prairie dogs pose danger to Colorado tourists", "see also", "Two patients diagnosed with plague"],
    # A byline in lower case after a label in title case, then a count.
    ["Share it With Friends", "by India Post News Weekly", "0 Comments"],
    # A label, then a dateline in bold before the paragraph's colon: the dateline joins the paragraph only.
    ["0 Comments", "NEW DELHI", ": Their American dream shattered, nearly 150 Indians returned home."],
])
def test_labels_between_pieces_stand_alone(lines: list[str]) -> None:
    joins = joins_next(lines)
    assert joins[0] is False, "the first line is a label, not the start of a sentence"


def test_a_dateline_in_bold_joins_its_paragraph() -> None:
    lines = ["0 Comments", "NEW DELHI", ": Their American dream shattered, nearly 150 Indians returned home."]
    assert joins_next(lines) == [False, True, False]


def test_a_paragraph_of_a_hundred_thousand_pieces_is_joined_in_linear_time() -> None:
    # Joining looked for a hyphen at the end of all joined so far: 80,000 pieces took two minutes.
    source = "Word\n" + ", a\n" * 100_000
    result = cleaner.clean(source)
    assert result.text == "Word" + ", a" * 100_000 + "\n"
    assert replay(source, result.manifest) == result.text


def test_a_link_in_brackets_and_a_name_between_links_join() -> None:
    lines = ["Market data provided by Interactive Data (", "Terms & Conditions", "). Powered by Example.",
             "The most recent", "Star Trek", "film was a success at the box office.", "Related", "see more"]
    assert joins_next(lines) == [True, True, False, True, True, False, False, False]


@pytest.mark.parametrize("kind", ["seed", "text"])
def test_a_paragraph_per_line_is_never_read_as_broken(kind: str) -> None:
    if kind == "seed":
        sources = [p.read_text(encoding="utf-8") for p in sorted((ROOT / "seeds").glob("*.txt"))]
    else:  # teasers ending in an ellipsis, vote counts, a menu of `»` items, a lone `?`
        sources = ["\n".join(ARTICLE + ["...and more", "% 165 votes", "% 250 votes", "» Home", "» Forum", "?", "%d bloggers like this:"])]
    for source in sources:
        assert detect_inline_breaks(source) is None


def test_no_dev_dump_is_read_as_broken(dev_pages: list[Page]) -> None:
    # The benchmark's scrapers keep a paragraph on its line: what they give is read as before.
    for page in dev_pages:
        for kind in ("text-main", "text-all", "article"):
            assert detect_inline_breaks(page.text(kind)) is None, (page.id, kind)


WORDS = st.text(st.sampled_from("abcdefghijklmnopqrstuvwxyz"), min_size=1, max_size=10)


@settings(max_examples=200, deadline=None)
@given(st.lists(st.lists(st.lists(WORDS, min_size=2, max_size=8).map(" ".join), min_size=2, max_size=5), min_size=1, max_size=5))
def test_paragraphs_broken_before_their_commas_come_back_whole(paragraphs: list[list[str]]) -> None:
    # Each paragraph a sentence of clauses, each clause after the first on a line of its own from its comma.
    texts = [", ".join(clauses).capitalize() + "." for clauses in paragraphs]
    source = "\n".join(text.replace(", ", "\n, ") for text in texts)
    if detect_inline_breaks(source) is None:
        return  # too few pieces to tell: read line by line, as any text
    assert [b.text for b in text_blocks(source)] == texts
