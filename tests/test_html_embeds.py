"""html_embeds: a post the article quotes reaches the extractor without the wrappers that made
trafilatura discard it; wrappers around anything more stay."""

from __future__ import annotations

import json

import pytest

import cleaner
import cleaner.html as html_path
from cleaner.html import without
from cleaner.html_embeds import embed_wrappers
from cleaner.html_source import scan

P1 = "The state launched an anti-drug campaign on Monday, and its slogan drew attention within hours of the launch."
P2 = "A whole lot of people on Twitter pointed out what might be wrong with it, and the governor answered them."
P3 = "The governor said the campaign would run for a year and that the slogan had been tested with focus groups."
TWEET_TEXT = "Yes this is real and the state spent nearly half a million dollars on it"
TWEET = (f'<blockquote class="twitter-tweet"><p lang="en" dir="ltr">{TWEET_TEXT}</p>'
         '&mdash; Dianna E. Anderson (@diannaeanderson) <a href="https://twitter.com/x/status/1">November 18, 2019</a>'
         '</blockquote>\n<script async src="https://platform.twitter.com/widgets.js" charset="utf-8"></script>')


def cut(source: str) -> str:
    return without(source, embed_wrappers(source, scan(source)))


def page(embed: str) -> str:
    return (f"<html><head><title>Slogan</title></head><body><article><h1>Slogan</h1><p>{P1}</p><p>{P2}</p>"
            f"{embed}<p>{P3}</p></article></body></html>")


def test_a_wrapper_that_holds_only_the_post_is_cut() -> None:
    source = f'<p>{P1}</p><div class="social-media-embed" id="e1">{TWEET}</div><p>{P2}</p>'
    assert cut(source) == f"<p>{P1}</p>{TWEET}<p>{P2}</p>"


def test_nested_wrappers_are_all_cut() -> None:
    source = (f'<figure class="wp-block-embed is-provider-twitter wp-block-embed-twitter">'
              f'<div class="wp-block-embed__wrapper">\n{TWEET}\n</div></figure>')
    assert cut(source) == f"\n{TWEET}\n"


def test_posts_of_other_networks_are_found_by_their_embed_codes() -> None:
    for post in ('<blockquote class="bluesky-embed" data-bluesky-uri="at://x"><p>Posted.</p></blockquote>',
                 '<blockquote class="fb-xfbml-parse-ignore" cite="https://facebook.com/x"><p>Posted.</p></blockquote>',
                 '<blockquote class="reddit-embed-bq" style="height:316px"><a href="#">Posted.</a></blockquote>'):
        assert cut(f'<div class="post-embed">{post}</div>') == post


def test_a_wrapper_around_more_than_the_post_stays() -> None:
    sidebar = f'<div class="sidebar social"><h3>Our feed</h3>{TWEET}</div>'
    with_caption = f'<div class="social-media-embed">{TWEET}<p>The post, since deleted.</p></div>'
    for source in (sidebar, with_caption):
        assert cut(source) == source


def test_the_cut_stops_at_a_sidebar_or_widget_area() -> None:
    source = f'<div class="sidebar"><div class="twitter-widget">{TWEET}</div></div><aside><div>{TWEET}</div></aside>'
    assert cut(source) == f'<div class="sidebar">{TWEET}</div><aside>{TWEET}</aside>'


def test_a_blockquote_that_is_no_embedded_post_is_left_alone() -> None:
    source = '<div class="embed-quote"><blockquote class="pullquote">We are on it.</blockquote></div>'
    assert embed_wrappers(source, scan(source)) == []


def test_an_unclosed_post_is_left_to_the_parser() -> None:
    source = f'<div class="social-media-embed"><blockquote class="twitter-tweet"><p>{TWEET_TEXT}</p></div>'
    assert embed_wrappers(source, scan(source)) == []


WRAPPERS = ('<div class="social-media-embed">{}</div>',
            '<figure class="wp-block-embed wp-block-embed-twitter"><div class="wp-block-embed__wrapper">{}</div></figure>')


@pytest.mark.parametrize("wrapper", WRAPPERS)
def test_the_quoted_post_stays_in_the_article_and_the_manifest_stays_true(wrapper: str) -> None:
    source = page(wrapper.format(TWEET))
    result = cleaner.clean(source, format="html")
    assert TWEET_TEXT in result.text
    assert all(paragraph in result.text for paragraph in (P1, P2, P3))
    manifest = json.loads(result.manifest_json())
    assert all(source[r["start"]:r["end"]] == r["text"] for r in manifest["removed"])


@pytest.mark.parametrize("wrapper", WRAPPERS)
def test_without_the_cut_the_extractor_drops_the_post(wrapper: str, monkeypatch: pytest.MonkeyPatch) -> None:
    """Why html_embeds exists: trafilatura discards the wrapper by its class, and the post with it."""
    monkeypatch.setattr(html_path, "embed_wrappers", lambda source, scanned: [])
    result = cleaner.clean(page(wrapper.format(TWEET)), format="html")
    assert TWEET_TEXT not in result.text
    assert all(paragraph in result.text for paragraph in (P1, P2, P3))
