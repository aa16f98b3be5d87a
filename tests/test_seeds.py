"""The acceptance test of the seeds, stated as the team agreed it (the goldens pin the bytes)."""

from __future__ import annotations

from pathlib import Path

import pytest

import cleaner
from cleaner.canonical import paragraphs_of
from conftest import SEEDS


def seed(prefix: str) -> Path:
    (path,) = [p for p in SEEDS.glob(f"{prefix}_*.txt") if not p.name.endswith(".clean.txt")]
    return path


@pytest.fixture(scope="module")
def results(default_cleaner: cleaner.Cleaner) -> dict[str, cleaner.CleanResult]:
    return {p: default_cleaner.clean_file(seed(p)) for p in ("000", "001", "002", "003", "004")}


def removed_rules(result: cleaner.CleanResult) -> set[str]:
    return {r["rule"] for r in result.removed}


@pytest.mark.parametrize("prefix", ["000", "002"])
def test_southfront_furniture_goes(results: dict[str, cleaner.CleanResult], prefix: str) -> None:
    result = results[prefix]
    paragraphs = paragraphs_of(result.text)
    source = seed(prefix).read_text(encoding="utf-8")
    headline = source.split("\n")[5]
    assert paragraphs[0] == headline, "the headline stays as the first paragraph"
    assert paragraphs.count(headline) == 1, "its repeat (the image caption) goes"
    for furniture in ("0 $", "2,500 $", "5,000 $", "Support SouthFront", "Notify of", "Inline Feedbacks",
                      "View all comments", "Would love your thoughts, please comment.x"):
        assert furniture not in paragraphs
    assert not any(p.endswith(" $") for p in paragraphs), "the current donation amount goes too"
    assert {"southfront.donation-bar", "southfront.support-banner", "comments.thread", "dedup.exact"} <= removed_rules(result)
    assert result.manifest["packs"][0] == {"id": "southfront", "why": "fingerprint", "evidence": "^Support SouthFront$"}


def test_southfront_comment_goes_with_its_widget(results: dict[str, cleaner.CleanResult]) -> None:
    text = results["002"].text
    assert "1 Comment" not in text and "Newest Most Voted" not in text
    assert "The Syrian-Russian exit corridors" not in text, "the reader's comment is not article text"
    assert text.rstrip().endswith("in the evening of October 20.")


def test_every_article_paragraph_of_southfront_stays(results: dict[str, cleaner.CleanResult]) -> None:
    for prefix in ("000", "002"):
        source_lines = [line for line in seed(prefix).read_text(encoding="utf-8").split("\n") if len(line) > 80]
        article = [line for line in source_lines if "Syrian-Russian exit corridors" not in line]
        for line in article:
            assert line.strip() in results[prefix].text


def test_scraped_twice_collapses_to_first_copy(results: dict[str, cleaner.CleanResult]) -> None:
    lines = [line for line in seed("001").read_text(encoding="utf-8").split("\n") if line]
    article = lines[:13]
    assert paragraphs_of(results["001"].text) == article, "each paragraph once, in its first position"
    assert "Russia warns against Daesh terrorists fleeing Iraq’s Mosul for Syria" in article
    assert len(results["001"].manifest["duplicates"]) == 12
    assert "No comments:" not in results["001"].text and "Post a Comment" not in results["001"].text


def test_clean_article_is_untouched(results: dict[str, cleaner.CleanResult]) -> None:
    source = seed("003").read_text(encoding="utf-8")
    assert paragraphs_of(results["003"].text) == [line.strip() for line in source.split("\n") if line.strip()]
    assert results["003"].removed == []
    assert len(paragraphs_of(results["003"].text)) == 7


def test_daily_star_header_footer_and_metadata(results: dict[str, cleaner.CleanResult]) -> None:
    result = results["004"]
    paragraphs = paragraphs_of(result.text)
    assert paragraphs[0] == "Syria rebels reject Russian offer to leave Aleppo"
    assert paragraphs[-1].startswith("“If this is the way our American partners think")
    assert result.metadata["date"] == "Nov 3, 2016"
    assert result.metadata["source_name"] == "The Daily Star"
    for gone in ("FRI 26 - 4 - 2024", "Date: Nov 3, 2016", "Source: The Daily Star", "Readers Comments (0)",
                 "Add your comment", "Enter the security code below*", "Related News", "Related Articles",
                 "Assad losing battle for food security", "Copyright 2024 . All rights reserved"):
        assert gone not in result.text
    assert "Can't read this?" not in result.text


@pytest.mark.parametrize(("quote", "prefixes"), [
    ("This is completely out of the question", ("000", "004")),
    ("The factions completely reject any exit", ("001", "003")),
])
def test_quotes_shared_by_outlets_stay_everywhere(results: dict[str, cleaner.CleanResult], quote: str,
                                                  prefixes: tuple[str, ...]) -> None:
    for prefix in prefixes:
        assert quote in results[prefix].text


def test_southfront_pack_recognises_any_page_without_comments() -> None:
    body = "A paragraph of a SouthFront report that is long enough to count as the article's prose text."
    page = f"0 $\n2,500 $\n5,000 $\n3,742 $\n\nSome headline\n\nSupport SouthFront\n\n{body}\n\nSupport SouthFront\n"
    result = cleaner.clean(page)
    assert paragraphs_of(result.text) == ["Some headline", body]


def test_southfront_pack_matches_by_domain_too() -> None:
    body = "A paragraph of a SouthFront report that is long enough to count as the article's prose text."
    result = cleaner.clean(f"1,000 $\n\nHeadline\n\n{body}\n", url="https://southfront.press/some-report/")
    assert result.manifest["packs"][0] == {"id": "southfront", "why": "domain", "evidence": "southfront.press"}
    assert "1,000 $" not in result.text
