"""The manifest's title of a plain text: the headline as the page prints it (cleaner/title.py)."""

from __future__ import annotations

import pytest

import cleaner
from cleaner.document import text_blocks
from cleaner.title import title_of

ARTICLE = (
    "The council voted on Tuesday to extend the bus lane along the river road by two miles, after a year in which"
    " journeys on the route grew shorter by a fifth.\n\n"
    "Residents who had opposed the plan said the consultation had been too short, and asked for a review of the"
    " parking spaces the lane would take.\n"
)


def title_of_text(text: str) -> str | None:
    blocks = text_blocks(text)
    return title_of(blocks, blocks)


def test_a_full_page_dump_is_titled_with_the_headline_its_page_title_repeats():
    page = (
        "Council extends river road bus lane - The Riverside Post\n\nHome\nNews\nSport\nLog In\n\n"
        "Council extends river road bus lane\n\n" + ARTICLE
    )
    assert title_of_text(page) == "Council extends river road bus lane"
    assert cleaner.clean(page).manifest["metadata"]["title"] == "Council extends river road bus lane"


def test_the_headline_is_preferred_to_the_sites_name_when_both_stand_alone():
    # The site's name is also a menu line; the longer piece of the page title is the headline.
    page = "Council extends bus lane | Riverside Post\n\nRiverside Post\nNews\n\nCouncil extends bus lane\n\n" + ARTICLE
    assert title_of_text(page) == "Council extends bus lane"


@pytest.mark.parametrize("first_line", [
    "Opinion | Council extends the river road bus lane - The Riverside Post",
    "The Riverside Post | Council extends the river road bus lane",
    "Council extends the river road bus lane :: News :: The Riverside Post",
])
def test_any_arrangement_of_headline_and_site_is_read(first_line: str):
    page = first_line + "\n\nMenu\n\nCouncil extends the river road bus lane\n\n" + ARTICLE
    assert title_of_text(page) == "Council extends the river road bus lane"


def test_the_headline_is_kept_as_the_page_prints_it_above_the_article():
    # The page title may differ in case; the title is the line of the page, not of the <title>.
    page = "COUNCIL EXTENDS RIVER ROAD BUS LANE - Riverside Post\n\nNews\n\nCouncil Extends River Road Bus Lane\n\n" + ARTICLE
    assert title_of_text(page) == "Council Extends River Road Bus Lane"


def test_a_page_title_that_is_not_repeated_gives_its_headline_part():
    page = "Council extends the river road bus lane - Riverside Post\n\nLog In\nSubscribe\n\n" + ARTICLE
    assert title_of_text(page) == "Council extends the river road bus lane"


def test_a_menu_in_the_first_line_is_not_read_as_a_page_title():
    # Its parts are single words: no headline stands beside a site's name, so the title is the
    # first line cleaning kept.
    blocks = text_blocks("Home | News | Sport | Weather\n\nNews\n\nCouncil extends river road bus lane\n\n" + ARTICLE)
    assert title_of(blocks, blocks[2:]) == "Council extends river road bus lane"


def test_a_dump_without_a_page_title_is_titled_with_its_first_kept_line():
    text = "Council extends river road bus lane\n\n" + ARTICLE
    assert cleaner.clean(text).manifest["metadata"]["title"] == "Council extends river road bus lane"


def test_a_text_that_starts_with_prose_has_no_title():
    assert "title" not in cleaner.clean(ARTICLE).manifest["metadata"]
