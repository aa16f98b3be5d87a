"""The guard that keeps the article: where a rule is stopped, and where a cut may go on."""

from __future__ import annotations

import pytest

import cleaner
from cleaner.canonical import paragraphs_of
from cleaner.engine import CUT_MIN_ARTICLE_BLOCKS, CUT_MIN_ARTICLE_CHARS

ARTICLE = [
    f"Paragraph {n} of the article reports what the ministry said about the ceasefire, the convoys "
    f"and the checkpoints, in enough words to be prose that a reader came for."
    for n in range(1, 8)
]
COMMENTS = [
    f"Reader {n} wrote a long comment disagreeing with the report, with several sentences about the war, "
    f"the ceasefire and the media, longer than any paragraph of the article itself, and then some more."
    for n in range(1, 12)
]
# A thread as engines print it: each comment under its writer's name and its time.
THREAD = [line for n, comment in enumerate(COMMENTS, 1) for line in (f"reader{n}", f"{n} days ago", comment)]


def test_a_long_thread_after_a_whole_article_goes() -> None:
    assert sum(map(len, ARTICLE)) >= CUT_MIN_ARTICLE_CHARS and len(ARTICLE) >= CUT_MIN_ARTICLE_BLOCKS
    result = cleaner.clean("\n".join([*ARTICLE, "Top Rated Comments", *THREAD]))
    assert paragraphs_of(result.text) == ARTICLE
    assert result.removed[-1]["rule"] == "comments.thread"
    assert not [w for w in result.warnings if w["code"] == "guard"]


def test_a_marker_under_the_lead_does_not_cut_the_article() -> None:
    document = "\n".join([ARTICLE[0], "5 Comments", "Photo: Reuters", *ARTICLE[1:]])
    result = cleaner.clean(document)
    assert all(paragraph in result.text for paragraph in ARTICLE)
    assert [w["rule"] for w in result.warnings if w["code"] == "guard"] == ["comments.thread"]


def test_a_cut_stopped_at_a_marker_under_the_lead_goes_from_the_threads_own_heading() -> None:
    # The count under the lead would cut the whole article: the guard stops it there, and the cut
    # is asked again past it, where the thread's heading follows a whole article.
    document = "\n".join([ARTICLE[0], "5 Comments", "Photo: Reuters", *ARTICLE[1:], "5 Comments", *THREAD])
    result = cleaner.clean(document)
    assert paragraphs_of(result.text) == ARTICLE
    cut = [r["text"] for r in result.removed if r["rule"] == "comments.thread"]
    assert cut[0] == "reader1" and cut[-1].endswith(COMMENTS[-1])
    assert [w["message"] for w in result.warnings if w["code"] == "guard"] == [
        "rule comments.thread would remove 95% of the document's prose from its first marker; it cuts from a later one"]
    assert cleaner.clean(result.text).text == result.text


def test_a_cut_stopped_at_every_marker_keeps_the_text_and_says_so_once() -> None:
    # Two counts inside a short article, and no thread: each cut would take most of the prose.
    document = "\n".join([ARTICLE[0], "5 Comments", "Photo: Reuters", ARTICLE[1], "5 Comments", "Photo: AP",
                          *ARTICLE[2:4]])
    result = cleaner.clean(document)
    assert all(paragraph in result.text for paragraph in ARTICLE[:4])
    assert [w["message"] for w in result.warnings if w["rule"] == "comments.thread"] == [
        "rule comments.thread would remove 75% of the document's prose; kept"]


@pytest.mark.parametrize(("marker", "rule"), [
    ("Kommentare (12)", "comments.thread"),
    ("© 2019 Getty Images. All rights reserved.", "copyright.page-end"),
])
def test_a_marker_between_paragraphs_goes_alone(marker: str, rule: str) -> None:
    # A thread never opens with a paragraph, and a legal line follows a footer's links: a short
    # marker with prose on both sides stands inside the article, wherever it stands (past half the
    # prose the guard would let the cut take the article's end), and the thread after it still goes.
    for at in (1, 4, 6):
        document = "\n".join([*ARTICLE[:at], marker, *ARTICLE[at:], "12 Comments", *THREAD])
        result = cleaner.clean(document)
        assert paragraphs_of(result.text) == ARTICLE
        start = len("\n".join(ARTICLE[:at])) + 1
        assert result.removed[0] == {"rule": rule, "start": start, "end": start + len(marker), "text": marker}
        assert result.removed[1]["text"].startswith("12 Comments")
        assert not result.warnings
        assert cleaner.clean(result.text).text == result.text


@pytest.mark.parametrize("crosshead", ["About Face", "About Those Numbers", "About Town:", "About 2024"])
def test_an_about_crosshead_between_paragraphs_stays(crosshead: str) -> None:
    # A release's `About Acme` is followed by its description, which names Acme; an article's own
    # sub-heading `About ...` need not name anything the paragraph after it names. Before, past half
    # the prose, the crosshead cut the article's end.
    for at in (1, 4, 6):
        document = "\n".join([*ARTICLE[:at], crosshead, *ARTICLE[at:]])
        result = cleaner.clean(document)
        assert paragraphs_of(result.text) == [*ARTICLE[:at], crosshead, *ARTICLE[at:]]
        assert not result.removed and not result.warnings


@pytest.mark.parametrize(("heading", "description"), [
    ("About Ascom", "Ascom is a global solutions provider focused on healthcare ICT and mobile workflow solutions."),
    ("About 3M", "At 3M, we apply science in collaborative ways to improve lives daily, with 93,000 employees."),
    ("About XYZ-Tech:", "Founded in 2009 and based in Austin, XYZ-Tech builds software for hospitals and clinics."),
])
def test_a_releases_about_section_still_ends_it(heading: str, description: str) -> None:
    document = "\n".join([*ARTICLE, heading, description, "Media contact: Jane Doe, jane@example.com"])
    result = cleaner.clean(document)
    assert paragraphs_of(result.text) == ARTICLE
    (cut,) = [r for r in result.removed if r["rule"] == "promo.press-boilerplate"]
    assert cut["text"].startswith(f"{heading}\n{description}")


def test_a_legal_line_after_a_footers_links_still_ends_the_page() -> None:
    footer = ["Terms of Use", "Privacy Policy", "© 2019 The Daily Paper. All rights reserved.",
              "Why farmers may want to paint their cows like zebras, according to a new study from Japan."]
    result = cleaner.clean("\n".join([*ARTICLE, *footer]))
    assert paragraphs_of(result.text) == ARTICLE
    assert result.removed[-1]["rule"] == "copyright.page-end" and result.removed[-1]["text"].startswith("©")


def test_a_line_rule_is_still_held_to_half_the_prose(tmp_path) -> None:  # type: ignore[no-untyped-def]
    (tmp_path / "greedy.toml").write_text(
        '[pack]\nid = "greedy"\nsummary = "s"\n[[rule]]\nid = "greedy.paragraphs"\nsummary = "s"\nwhy = "w"\n'
        "kind = \"line\"\npattern = 'Paragraph [2-7] .*'\n", encoding="utf-8")
    result = cleaner.Cleaner(rules_dirs=[tmp_path]).clean("\n".join(ARTICLE))
    assert paragraphs_of(result.text) == ARTICLE
    assert result.warnings[0]["rule"] == "greedy.paragraphs"


def test_a_cut_starts_at_a_marker_an_earlier_rule_took() -> None:
    # A related-topics run ends in `Show Comments`: the run keeps its reason for that line, and the
    # comment thread after it still goes with the cut (before, the run swallowed the marker and the
    # whole thread stayed).
    document = "\n".join([*ARTICLE, "Related Topics:", "Security", "Show Comments", *THREAD])
    result = cleaner.clean(document)
    assert paragraphs_of(result.text) == ARTICLE
    rules = {removal["text"].split("\n")[0]: removal["rule"] for removal in result.removed}
    assert rules["Related Topics:"] == "related.list"
    assert rules[COMMENTS[0]] == "comments.thread"
    assert not result.warnings


def test_a_marker_an_earlier_rule_took_under_the_lead_cuts_nothing() -> None:
    # The guard holds for such a marker too: one under the lead would take the article.
    document = "\n".join([ARTICLE[0], "Related Topics:", "Security", "Show Comments", "Photo: Reuters", *ARTICLE[1:]])
    result = cleaner.clean(document)
    assert all(paragraph in result.text for paragraph in ARTICLE)
    assert [w["rule"] for w in result.warnings if w["code"] == "guard"] == ["comments.thread"]


def test_a_page_that_is_only_a_bot_check_keeps_its_text_and_says_so() -> None:
    # No article to protect, but the guard cannot know that: the text stays, and the warning names
    # the rule, so a corpus builder can drop such pages by their manifest.
    document = "\n".join(["Checking your browser before accessing example.com.",
                          "This process is automatic. Your browser will redirect to your requested content shortly.",
                          "Please allow up to 5 seconds…", "DDoS protection by Cloudflare", "Ray ID: 7d2a8b9c1e3f4a5b"])
    result = cleaner.clean(document)
    assert paragraphs_of(result.text) == document.split("\n")
    assert [w["rule"] for w in result.warnings if w["code"] == "guard"] == ["captcha.prompt"]


def test_the_guard_does_not_count_a_forms_repeats_as_more_article() -> None:
    # Two passages that take turns three times each read as a form's labels, and duplicate collapse
    # keeps them; the guard's measure of the article must still count each only once. When it
    # counted every repeat, it kept the comment thread at the end the first time (half the prose)
    # and let it go on a second cleaning, once a repeat had left: cleaning was not idempotent.
    one = "The ministry said on Tuesday that the ceasefire would hold for another day, officials confirmed."
    two = f"{one} {one}"
    lead = f"{one} Residents described long queues at the checkpoints, where soldiers searched every single car."
    source = "\n\n".join([lead, two, one, "Related News", "Notify of", two, one, "Notify of", two])
    result = cleaner.clean(source)
    assert cleaner.clean(result.text).text == result.text
    assert result.warnings == []


def test_a_cut_the_guard_stopped_is_asked_again_of_the_clean_text() -> None:
    # The comment cut from the first `Notify of` would take 60% of the prose: stopped. The run of
    # short lines then takes that marker, and on the clean text the cut starts at the second one.
    # That second cut goes on the first cleaning, so that cleaning the clean text changes nothing.
    a, b, c = [
        "The ministry said on Tuesday that the ceasefire would hold for another day, officials confirmed.",
        "Residents described long queues at the checkpoints, where soldiers searched every single car.",
        "Aid convoys were expected to reach the eastern districts by evening, according to the UN office.",
    ]
    document = "\n\n".join([f"{a} {a}", "Short line", "Short line", "Short line", "Notify of", "Karen D.", b,
                             "Notify of", "Karen D.", f"{a} {c}"])
    result = cleaner.clean(document)
    assert paragraphs_of(result.text) == [f"{a} {a}", b]
    assert result.removed[-1]["rule"] == "comments.thread" and result.removed[-1]["text"].startswith("Notify of")
    assert not [w for w in result.warnings if w["code"] == "guard"]
    assert cleaner.clean(result.text).text == result.text


def test_a_pass_applies_rules_by_kind_then_as_the_packs_list_them() -> None:
    from cleaner.engine import KIND_RANK, match_packs, rules_in_order

    rules = cleaner.load_rules()
    ordered = rules_in_order(match_packs(rules, None, []))
    listed = [rule for pack in rules.packs if pack.generic for rule in pack.rules if rule.kind in KIND_RANK]
    assert sorted(map(id, ordered)) == sorted(map(id, listed))  # every text rule, once
    assert [KIND_RANK[r.kind] for r in ordered] == sorted(KIND_RANK[r.kind] for r in ordered)
    for kind in KIND_RANK:  # within a kind, the packs' and files' order
        assert [r.id for r in ordered if r.kind == kind] == [r.id for r in listed if r.kind == kind]


def greedy_rules(folder, pattern: str):  # type: ignore[no-untyped-def]
    (folder / "greedy.toml").write_text(
        '[pack]\nid = "greedy"\nsummary = "s"\n[[rule]]\nid = "greedy.lines"\nsummary = "s"\nwhy = "w"\n'
        f"kind = \"line\"\npattern = '{pattern}'\n", encoding="utf-8")
    return cleaner.Cleaner(rules_dirs=[folder])


def test_without_prose_the_guard_weighs_all_the_text(tmp_path) -> None:  # type: ignore[no-untyped-def]
    # A page of short lines has no prose: the guard's measure is all of its text, and a rule
    # taking most of it is stopped, though none of what it takes is prose.
    lines = [f"Short line number {n}" for n in range(10)]
    result = greedy_rules(tmp_path, "Short line number [1-9]").clean("\n".join(lines))
    assert paragraphs_of(result.text) == lines
    assert [w["rule"] for w in result.warnings if w["code"] == "guard"] == ["greedy.lines"]


def test_the_guard_is_not_built_for_a_rule_that_takes_no_prose(tmp_path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    # Addresses are long but not prose: what the rule takes cannot reach the guard's share of the
    # article's prose, so its duplicate walk over the whole document is spared.
    import cleaner.engine as engine

    built = []
    real = engine.Guard.for_blocks.__func__  # type: ignore[attr-defined]
    monkeypatch.setattr(engine.Guard, "for_blocks", classmethod(lambda cls, *a: built.append(1) or real(cls, *a)))
    article = [ARTICLE[0], COMMENTS[0]]  # two paragraphs with few words in common: neither may be a copy
    links = [f"https://example.com/archive/2019/11/20/a-story-with-a-long-address-number-{n}" for n in range(12)]
    result = greedy_rules(tmp_path, "https://example[.]com/.*").clean("\n".join([article[0], *links, article[1]]))
    assert paragraphs_of(result.text) == article
    assert {r["rule"] for r in result.removed} == {"greedy.lines"} and not result.warnings
    assert built == []


TEASERS = [
    f"Story {n} of the ticker has a headline NEW DELHI: and the first words of its own report, which the "
    f"site cuts off after a couple of hundred characters so that readers click through to the rest of..."
    for n in range(1, 11)
]


def test_a_run_of_teasers_that_outweighs_a_whole_article_goes() -> None:
    # Ten cut-off excerpts above a short report hold most of the page's prose; a run is a shape no
    # article paragraph takes, and a real article's worth of prose stays beside it.
    assert sum(map(len, TEASERS)) > sum(map(len, ARTICLE)) >= CUT_MIN_ARTICLE_CHARS
    result = cleaner.clean("\n".join([*TEASERS, *ARTICLE]))
    assert paragraphs_of(result.text) == ARTICLE
    assert [r["rule"] for r in result.removed] == ["related.excerpts"]
    assert not result.warnings


def test_a_run_of_teasers_beside_less_than_an_article_stays_with_a_warning() -> None:
    short = ARTICLE[:CUT_MIN_ARTICLE_BLOCKS - 1]
    result = cleaner.clean("\n".join([*TEASERS, *short]))
    assert paragraphs_of(result.text) == [*TEASERS, *short]
    assert [(w["code"], w["rule"]) for w in result.warnings] == [("guard", "related.excerpts")]


def test_a_cut_marker_in_the_menu_under_a_long_headline_cuts_nothing() -> None:
    # A full-page dump: the page title is prose by length, and the menu below it says `About Us`.
    # The press release's own `About <Company>` after the article is the marker the cut takes.
    headline = "Hospital group adopts a new nurse call system across its twelve sites in the north - Health Wire"
    company = ("Ascom is a global solutions provider focused on healthcare ICT and mobile workflow solutions, "
               "with operations in 18 countries and around 1,300 employees.")
    document = "\n".join([headline, "Contact Us", "About Us", "Privacy", *ARTICLE, "About Ascom", company])
    result = cleaner.clean(document)
    assert all(paragraph in result.text for paragraph in ARTICLE)
    assert company not in result.text
    assert [r["rule"] for r in result.removed if company in r["text"]] == ["promo.press-boilerplate"]
    assert not result.warnings


# A short report, a run of classified ads, and the site's cookie policy: the policy is more of the
# page's prose than the report, so the guard keeps it from `cookies.notice`.
SHORT_REPORT = [
    "The coast road reopened to motorcycles on Monday after eight months of repairs to the bridge at Kell Point.",
    "Engineers replaced the deck and the railings, and the council says the road will stay open all winter.",
]
LISTINGS = ["Bikes for sale", "Honda NC750X with extras", "Suzuki 650S Bandit 2011", "Suzuki GZ125 Marauder",
            "Triumph Street Triple R", "Yamaha MT-07 low miles", "Kawasaki Z900RS Cafe", "BMW R1250GS Adventure",
            "Ducati Scrambler Icon", "Honda CB500X 2019", "Royal Enfield Interceptor 650", "KTM 390 Duke",
            "Harley-Davidson Street Bob", "Moto Guzzi V85 TT", "Aprilia Tuono 660", "Latest issue"]
COOKIE_POLICY = [
    "Necessary cookies are absolutely essential for the website to function properly. This category only includes "
    "cookies that ensure basic functionalities and security features of the website. These cookies do not store any "
    "personal information.",
    "Any cookies that may not be particularly necessary for the website to function and are used specifically to "
    "collect user personal data via analytics, ads and other embedded contents are termed as non-necessary cookies.",
]


def test_what_the_guard_keeps_from_a_rule_is_not_taken_for_the_article() -> None:
    # Read as prose, the policy outweighed the report and the ads between them, and the detector
    # took the report for the page's header. The guard's text stays; the report is the article.
    headline = "Riders return to the coast road as the bridge reopens"
    result = cleaner.clean("\n".join([headline, *SHORT_REPORT, *LISTINGS, "Privacy Overview", *COOKIE_POLICY]))
    assert paragraphs_of(result.text) == [headline, *SHORT_REPORT, "Privacy Overview", *COOKIE_POLICY]
    assert [w["message"] for w in result.warnings] == ["rule cookies.notice would remove 69% of the document's prose; kept"]
    assert {r["rule"] for r in result.removed} == {"detect.tail"}
    assert cleaner.clean(result.text).text == result.text
