"""Posts the article quotes from social networks: their wrappers, cut before the lxml parse.

A page quotes a post by embedding it: a `<blockquote class="twitter-tweet">` with the post's words,
its author and its date, inside a wrapper of the site's own (`<div class="social-media-embed">`,
WordPress's `<figure class="wp-block-embed ...">`). trafilatura deletes every `<figure>` and every
element whose class or id names `social`, `embed` or `share` as page furniture, and the post goes
with its wrapper, though readers see it as part of the story (the benchmark's gold text keeps it:
"a whole lot of people on Twitter pointed it out", then the posts). So the wrappers that hold
nothing but the post are cut, start and end tag, and the post reaches the parser where its wrapper
stood. Only the embed's own wrappers: a `div`, `figure`, `span`, `section` or `p` whose class or id
says it holds an embed (`embed`, `social`, `twitter` ...) or that has neither. The cutting stops at
the first other element: a sidebar or widget area around the post keeps it, and so does a wrapper
around anything more (a feed of the site's own posts, a caption), with what trafilatura does with it.

Like html_unread, this changes only what the parser reads: the cut spans are tags, no visible
text, and the manifest records nothing for them.
"""

from __future__ import annotations

from .html_source import Scan

# The class an embed code gives the blockquote that holds the post's text (X/Twitter, Instagram,
# TikTok, Bluesky, Mastodon, Threads, Reddit, Facebook).
EMBEDDED_POST_CLASSES = ("twitter-tweet", "twitter-video", "instagram-media", "tiktok-embed", "bluesky-embed",
                         "mastodon-embed", "text-post-media", "reddit-embed-bq", "reddit-card", "fb-xfbml-parse-ignore")
# The elements an embed code or a site's template wraps a post in, and the words of a class or id
# that say the wrapper is the embed's (not a sidebar's or a widget area's).
WRAPPER_TAGS = frozenset({"div", "figure", "span", "section", "p"})
EMBED_WORDS = ("embed", "social", "tweet", "twitter", "instagram", "tiktok", "bluesky", "mastodon", "threads",
               "reddit", "fb-post", "facebook")
# Tags between the post and its wrapper's end that hold nothing a reader sees: the embed code's
# script (its content is raw text to the scan, no tags).
SILENT_TAGS = frozenset({"script", "/script"})


def embed_wrappers(source: str, scanned: Scan) -> list[tuple[int, int]]:
    """[start, end) of the start and end tag of every element that wraps an embedded post and nothing else."""
    names = scanned.tag_names
    if "blockquote" not in names:  # most pages quote nothing: one pass over the names, in C
        return []
    spans: list[tuple[int, int]] = []
    for index in [index for index, name in enumerate(names) if name == "blockquote"]:
        if not _is_embedded_post(scanned, index):
            continue
        end = scanned.end_tag(index)
        if end is None:
            continue
        before, after = index - 1, _after_silent(source, scanned, end + 1)
        while (before >= 0 and after is not None and names[after] == "/" + names[before]
               and _is_embed_wrapper(scanned, before) and not _text_between(source, scanned, before, before + 1)):
            spans += [(scanned.tag_starts[before], scanned.tag_ends[before]),
                      (scanned.tag_starts[after], scanned.tag_ends[after])]
            before, after = before - 1, _after_silent(source, scanned, after + 1)
    return sorted(spans)


def _is_embedded_post(scanned: Scan, index: int) -> bool:
    classes = scanned.tag(index).attributes().get("class", "").split()
    return any(name in classes for name in EMBEDDED_POST_CLASSES)


def _is_embed_wrapper(scanned: Scan, index: int) -> bool:
    if scanned.tag_names[index] not in WRAPPER_TAGS:
        return False
    attributes = scanned.tag(index).attributes()
    names = f"{attributes.get('class', '')} {attributes.get('id', '')}".lower()
    return not names.strip() or any(word in names for word in EMBED_WORDS)


def _after_silent(source: str, scanned: Scan, index: int) -> int | None:
    """The first tag from `index` on that is not silent, when only white space stands before it."""
    names = scanned.tag_names
    while index < len(names):
        if _text_between(source, scanned, index - 1, index):
            return None
        if names[index] not in SILENT_TAGS:
            return index
        index += 1
    return None


def _text_between(source: str, scanned: Scan, first: int, second: int) -> bool:
    """Whether anything but white space stands between two neighbouring tags (a script's code does
    not count: no reader sees it)."""
    if scanned.tag_names[first] == "script":
        return False
    return bool(source[scanned.tag_ends[first]:scanned.tag_starts[second]].strip())
