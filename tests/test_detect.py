"""The article detector's decisions: each id removes what it should and keeps what it must."""

from __future__ import annotations

import re
import sys

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import cleaner
from cleaner.block_features import DetectMemo, features_of, folds_as_lower, is_known_language, is_teaser_card
from cleaner.detect import MAX_DETECT_CONTENT_SHARE, REMOVED_MAX_COST, detect, gap_costs, is_content
from cleaner.words import is_title_cased
from cleaner.document import text_blocks
from cleaner.stopwords import STOP_WORDS

PARAGRAPHS = [
    "The council voted on Tuesday to close the old bridge to traffic, after engineers found that the main cables had corroded.",
    "Residents who live on the east bank said they were worried about the longer journey to the hospital and the schools.",
    "The mayor said that a ferry service would run from next month, and that the repairs would take at least two years.",
]
MENU = ["Home", "World", "Business", "Sport", "Culture", "Weather"]
HEADLINE = "Old bridge closes for two years"


def removed_by(text: str) -> dict[str, str]:
    result = cleaner.clean(text, format="text")
    return {r["text"]: r["rule"] for r in result.removed}


def test_head_menu_goes_and_headline_stays() -> None:
    text = "\n".join(MENU + [HEADLINE] + PARAGRAPHS)
    result = cleaner.clean(text, format="text")
    assert result.text.startswith(HEADLINE + "\n\n" + PARAGRAPHS[0])
    assert {r["rule"] for r in result.removed} == {"detect.head"}
    assert result.removed[0]["detail"]["kind"] == "short"


@pytest.mark.parametrize("line", ["Community Voices Forum", "Skip this section", "Breaking News Alerts"])
def test_a_line_above_a_headline_on_the_article_s_topic_goes(line: str) -> None:
    # The headline shares the article's words and so starts the core; the line above it is no
    # second headline but the page's.
    result = cleaner.clean("\n\n".join([line, HEADLINE] + PARAGRAPHS), format="text")
    assert result.text.startswith(HEADLINE + "\n\n" + PARAGRAPHS[0])
    assert [r["rule"] for r in result.removed] == ["detect.head"]


@pytest.mark.parametrize("line", [
    # A share panel ends with the page's own link.
    "https://www.example.com/news/old-bridge-closes-50470672",
    # Bylines and time stamps the rules cannot read whole.
    "November 20, 2019 / 1:07 AM / CBS News / Politics / World",
    "Catherine Shu @catherineshu / 2 days",
    "LinkNaija August 08, 2018",
    "Nitin Sharma / TNN / 28.05.2024",
])
def test_a_line_standing_where_a_headline_would_is_not_always_one(line: str) -> None:
    result = cleaner.clean("\n".join(MENU + [line] + PARAGRAPHS), format="text")
    assert result.text.startswith(PARAGRAPHS[0])
    assert [r["rule"] for r in result.removed if line in r["text"]] == ["detect.head"]


@pytest.mark.parametrize("headline", [
    "2018 boys state swim results: 12 records fall in 2 days",
    "3:10 to Yuma rides again",
    "John 3:16 signs return",
])
def test_a_headline_with_a_number_in_it_stays(headline: str) -> None:
    result = cleaner.clean("\n".join(MENU + [headline] + PARAGRAPHS), format="text")
    assert result.text.startswith(headline + "\n\n")


def test_tail_list_after_last_paragraph_goes() -> None:
    tail = ["Most read", "Storm floods the harbour", "Prices rise again", "Team wins the cup"]
    result = cleaner.clean("\n".join(PARAGRAPHS + tail), format="text")
    assert result.text.strip().endswith(PARAGRAPHS[-1])
    assert all(r["rule"] in ("detect.tail", "related.list") for r in result.removed)


def test_short_line_between_paragraphs_stays() -> None:
    text = "\n".join([PARAGRAPHS[0], "What happens next", PARAGRAPHS[1], PARAGRAPHS[2]])
    assert cleaner.clean(text, format="text").text.count("What happens next") == 1


def test_link_run_inside_article_goes() -> None:
    links = ["Storm floods the harbour", "Prices rise again in city", "Team wins the cup final", "New school opens in town"]
    blocks = text_blocks("\n".join([PARAGRAPHS[0]] + links + PARAGRAPHS[1:]))
    decisions = detect(blocks).decisions
    assert {d.rule for d in decisions} == {"detect.link-run"}
    assert [d.index for d in decisions] == [1, 2, 3, 4]
    assert decisions[0].detail == {"run": 4}


def test_sub_headlines_inside_article_stay() -> None:
    text = "\n".join([PARAGRAPHS[0], "The cables", PARAGRAPHS[1], "The ferry", PARAGRAPHS[2]])
    assert detect(text_blocks(text)).decisions == []


def test_list_on_the_article_topic_stays() -> None:
    steps = ["Ferry to the hospital", "Bridge repairs on the cables", "Schools on the east bank"]
    assert detect(text_blocks("\n".join(PARAGRAPHS + steps))).decisions == []


def test_clean_article_loses_nothing() -> None:
    text = "\n\n".join([HEADLINE] + PARAGRAPHS) + "\n"
    result = cleaner.clean(text, format="text")
    assert result.text == text
    assert result.removed == []


def test_too_little_prose_is_left_alone() -> None:
    assert detect(text_blocks("\n".join(MENU + ["A short note."]))).decisions == []


def test_guard_keeps_the_article_when_most_prose_would_go() -> None:
    # Three prose regions split by long menus: the densest run holds a third of the prose, and
    # dropping the other two would lose more than the guard allows.
    regions = [[p.replace("bridge", word) for p in PARAGRAPHS[:2]] for word in ("bridge", "tunnel", "road")]
    blocks = text_blocks("\n".join(regions[0] + MENU * 10 + regions[1] + MENU * 10 + regions[2]))
    detection = detect(blocks)
    assert MAX_DETECT_CONTENT_SHARE < 1
    assert detection.decisions == []
    assert detection.warning is not None and "content" in detection.warning


def test_features() -> None:
    assert features_of(PARAGRAPHS[0]).kind == "prose"
    assert features_of("Home").kind == "short"
    assert features_of("1 Kyle Busch 5040 5 1 17 27").kind == "data"
    assert features_of("He declined to comment.").kind == "sentence"


def test_detection_is_deterministic_and_idempotent() -> None:
    text = "\n".join(MENU + [HEADLINE] + PARAGRAPHS + ["Most read", "Storm floods the harbour", "Prices rise"])
    first = cleaner.clean(text, format="text")
    assert first.manifest_json() == cleaner.clean(text, format="text").manifest_json()
    assert cleaner.clean(first.text, format="text").text == first.text


INTRO = "Here are the deals we liked best this week, with a link to each one:"
DEALS = ["A wooden train set with forty pieces", "A board game about trading spices", "A camera that prints photos",
         "A box set of the old detective series", "A kite shaped like a dragon"]


def test_numbered_list_after_the_article_stays() -> None:
    # Items numbered 1, 2, 3..., each followed by its link: the article's own list, not a tail.
    items = [line for n, deal in enumerate(DEALS, 1) for line in (f"{n}) {deal}", f"http://example.com/d{n}")]
    text = "\n".join(PARAGRAPHS + [INTRO] + items)
    blocks = text_blocks(text)
    assert detect(blocks).decisions == []
    assert cleaner.clean(text, format="text").text.count("http://example.com/d5") == 1


def test_bulleted_list_the_article_announces_stays() -> None:
    ingredients = ["• 2 cups of flour", "• 1 egg", "• a pinch of salt", "• 200 ml of milk", "• butter for the pan"]
    text = "\n".join(PARAGRAPHS + ["For the batter you need:"] + ingredients)
    assert detect(text_blocks(text)).decisions == []


def test_list_after_the_article_without_announcement_or_numbers_goes() -> None:
    related = ["• Storm floods the harbour", "• Prices rise again", "• Team wins the cup", "• New school opens"]
    decisions = detect(text_blocks("\n".join(PARAGRAPHS + related))).decisions
    assert [d.rule for d in decisions] == ["detect.tail"] * 4


def test_numbered_steps_inside_the_article_are_not_a_link_run() -> None:
    steps = ["1. Heat the pan", "2. Pour in the batter", "3. Turn it over", "4. Serve it warm"]
    text = "\n".join([PARAGRAPHS[0], "Method"] + steps + PARAGRAPHS[1:])
    assert detect(text_blocks(text)).decisions == []


def test_a_numbered_list_the_core_ends_inside_stays_whole() -> None:
    # Items long enough to read as prose (a product and its link on one line) take the core into
    # the list; the items after it count on from there and stay, not only those up to the last long one.
    long_deals = [f"{deal}, on sale this week at the shop downtown http://example.com/d{n}" for n, deal in enumerate(DEALS, 1)]
    others = ["Ghostbusters (Blu-Ray)", "Indiana Jones Collection", "Magnum P.I. (45 DVD)", "Thriller (Vinyl)"]
    items = [f"{n}) {deal}" for n, deal in enumerate(long_deals[:3], 1)]
    items += [line for n, other in enumerate(others, 4) for line in (f"{n}) {other}", f"http://example.com/d{n}")]
    intro = "Here are the deals we liked best this week, with a link to each one."
    share = ["Share this article", "Facebook", "Twitter", "Email"]
    blocks = text_blocks("\n".join(PARAGRAPHS + [intro] + items + share))
    taken = [blocks[d.index].text for d in detect(blocks).decisions]
    assert taken == share


def test_a_numbered_list_of_headlines_the_core_reached_over_is_not_counted_on() -> None:
    # A numbered feed of other stories that the core reaches over (a long promo stands after its
    # second item): no item reads as prose, so the items past the core are not the article's.
    feed = ["1. [image]", "Storm floods the harbour", "2. [image]", "Prices rise again",
            "Join our forums to keep talking about the news of the day, and tell us what you think of the stories.",
            "3. [image]", "Team wins the cup", "4. [image]", "New school opens on the hill"]
    blocks = text_blocks("\n".join(PARAGRAPHS + feed))
    taken = [blocks[d.index].text for d in detect(blocks).decisions]
    assert taken[-4:] == feed[-4:]


def test_a_list_that_does_not_start_at_one_is_not_the_article_list() -> None:
    ranked = ["4) Storm floods the harbour", "5) Prices rise again", "6) Team wins the cup", "7) New school opens"]
    decisions = detect(text_blocks("\n".join(PARAGRAPHS + ranked))).decisions
    assert [d.rule for d in decisions] == ["detect.tail"] * 4


def test_meal_plan_written_to_one_template_loses_nothing() -> None:
    # Three days of a plan: the same labels every day, short lines between, a little prose on top.
    days = []
    for day, dish in (("Monday", "Barley soup with carrots"), ("Tuesday", "Baked fish with potatoes"),
                      ("Wednesday", "Lentil stew with spinach")):
        days += [f"Plan for {day}", "Breakfast", "Eat within an hour of waking up", "Oats with milk and a spoon of honey",
                 "Lunch", "Eat every three to four hours", dish, "Dinner", "Eat at least two hours before bed",
                 "A green salad with eggs and bread"]
    text = "\n\n".join(PARAGRAPHS + days) + "\n"
    result = cleaner.clean(text, format="text")
    assert result.removed == []
    assert result.text == text


FEED = [  # a section's feed of other stories: each teaser filed under the section's name
    ("Agency signs franchise agreement with writers", "The agency is the fifth company to break ranks with the "
     "other talent agencies over the new code of conduct."),
    ("Justice Department drops old film rules", "The decrees have governed how films reach the cinemas for "
     "decades, and the department says they are no longer needed."),
    ("Racetrack comes to life in the desert", "The locations in the south of the state play a key role in the "
     "film, which the studio shot over the summer of last year."),
    ("Studio hires a former rival executive", "The executive, who ran distribution at another studio, replaces "
     "the head of the division at the end of the month."),
]
LONG_ARTICLE = PARAGRAPHS + [
    "Engineers from the county said that the cables had been inspected every year, and that the corrosion had "
    "spread faster than any of the models had predicted for a bridge of this age.",
    "The council will meet again in the spring to choose between two designs for a new crossing, one of them a "
    "tunnel under the river that would take longer to build but cost less to keep.",
    "Until then the buses that used the bridge will run by the northern road, which adds about twenty minutes "
    "to every journey into the town centre at the busiest times of the day.",
    "Shop owners on the east bank said that they had already seen fewer customers since the first closures "
    "last autumn, and asked the council for help with their rents while the work goes on.",
]


TEASERS = ["There is a galaxy hurtling towards our own that could wipe out life on another planet",
           "No need to install: a browser maker has a controversial news filter built into its phones",
           "Pay to breathe? Oxygen bars open in a capital as the country chokes under its worst smog",
           "A drunk man drives a tank through the streets of a small town on a quiet Sunday",
           "Worst deal ever? A government fumes as its ally tries to raise the price of its troops"]


def test_headlines_of_other_stories_that_end_the_core_go() -> None:
    # Teasers written as sentences read as prose and drew the core over them; they end like no
    # sentence, speak of other things and stand among a page's short lines.
    tail = ["Follow us on", "Trends: bridge closures", "Partner Network"] + TEASERS[:2] + [
        "Where to watch", "Podcasts"] + TEASERS[2:]
    result = cleaner.clean("\n".join([HEADLINE] + LONG_ARTICLE + tail), format="text")
    assert result.text.splitlines()[-1] == LONG_ARTICLE[-1]
    # The follow label whose icons were dropped is a rule's (share.follow); the rest the detector's.
    assert {(r["rule"], r["text"]) for r in result.removed if not r["rule"].startswith("detect.")} == {
        ("share.follow", "Follow us on")}
    assert any(r["rule"] == "detect.tail" and TEASERS[0] in r["text"] for r in result.removed)


def test_title_cased_headlines_of_other_stories_go() -> None:
    titled = ["Large Format Cameras Are Changing the Language of Film From the Start",
              "How Fear Destroyed a Director's Original Artistic Vision for the Club",
              "Four Things We Learned at the Hearings on Tuesday in the Capital",
              "A Studio Plots the Remake of a Classic and a New Take on an Old Novel"]
    result = cleaner.clean("\n".join([HEADLINE] + LONG_ARTICLE + ["Newswire"] + titled), format="text")
    assert result.text.splitlines()[-1] == LONG_ARTICLE[-1]
    assert {r["rule"] for r in result.removed} == {"detect.tail"}


@pytest.mark.parametrize("ending", [
    ["Key takeaways", "Ferries get the largest share of the new money in more than a decade of budgets",
     "Transit advocates say the longer detours will hurt workers who have no cars",
     "Schools on the east bank will start later in the morning while the work goes on",
     "Shops near the bridge can ask the city for help with their rents until it opens"],
    ["The poem read at the meeting", "When the river rises and the bridges fall into the water below",
     "We will build again with our hands and our hearts and the stones of the old town",
     "For every street that floods there is a neighbour with a boat and a lantern",
     "And every child who waits at the window will see the morning come again"],
    # A timeline of the story's own coverage (and a leftover costs less than a loss).
    ["Council votes to close the old bridge after engineers find corroded cables",
     "Engineers say the corrosion spread faster than models predicted for the bridge",
     "Shop owners on the east bank ask the council for help with rents during closure",
     "Council to choose between two designs for a new crossing over the river"],
    ["The report lists what has to be done first:",
     "the main cables on both sides of the river, which carry the deck and its traffic",
     "every rail along the footpath that the divers found bent after the floods in spring",
     "the old joints at each end of the deck, where rain got in and rusted the steel",
     "a new coat of paint on all the steel that faces the weather from the west",
     "lights on the towers that the pilots of the river boats asked for last year"],
], ids=["key-points", "poem", "own-timeline", "announced-list"])
def test_a_list_the_article_ends_with_stays(ending: list[str]) -> None:
    # Lines without full stops after the article: key points or a poem speak of other things than
    # the paragraphs, but no page's short lines stand among them and they are not title-cased; a
    # timeline is on the article's topic; a list the article announces is its own.
    text = "\n\n".join([HEADLINE] + LONG_ARTICLE + ending) + "\n"
    assert cleaner.clean(text, format="text").text == text


def test_a_feed_filed_under_one_section_label_goes() -> None:
    # The teasers read as prose and so draw the core over them; the repeated label says they are a feed.
    feed = [line for headline, teaser in FEED for line in ("Company Town", headline, teaser)]
    result = cleaner.clean("\n".join([HEADLINE] + LONG_ARTICLE + feed), format="text")
    assert result.text.splitlines()[-1] == LONG_ARTICLE[-1]
    assert [r["text"] for r in result.removed] == feed
    assert {r["rule"] for r in result.removed} == {"detect.feed"}
    assert result.removed[0]["detail"]["label"] == "Company Town"


def test_a_buyers_guide_filed_under_one_label_stays() -> None:
    # Each item says where to buy it: the items are half the article (too little for the guard to
    # stop a cut), no feed after it.
    items = [line for headline, teaser in FEED[:3] for line in (headline, "See it now: Amazon", teaser)]
    text = "\n\n".join(PARAGRAPHS + items) + "\n"
    assert cleaner.clean(text, format="text").text == text


def test_an_author_over_each_entry_of_a_live_blog_files_no_feed() -> None:
    # Entries of more lines than a teaser under one name are the article's, after a long summary too.
    entries = [line for (headline, teaser), place in zip(FEED, ("bridge", "ferry", "tunnel")) for line in (
        "Sam Reed", headline, teaser, f"We will bring you more on the {place} as we hear it.",
        f"Send us your pictures of the {place}.")]
    text = "\n\n".join(LONG_ARTICLE + entries) + "\n"
    assert detect(text_blocks(text)).decisions == []


@pytest.mark.parametrize("records", [
    # A match's timeline: the minute, `GOAL`, what happened.
    [("12'", "GOAL", "Smith scores from the edge of the box after a quick break down the left."),
     ("55'", "GOAL", "Jones equalises with a header from a corner that the keeper should have claimed."),
     ("88'", "GOAL", "Smith again, this time a penalty after a foul in the box by the visiting captain.")],
    # Updates under one label, and a speaker's answers under his name.
    [("Update", "The club said on Monday that the injured striker would miss at least three weeks."),
     ("Update", "Tickets for the cup tie go on sale on Tuesday morning, with prices held at last season's level."),
     ("Update", "The stadium's new screen will be switched on for the first time at the cup tie, the club said.")],
    [("MANAGER", "We were patient and we got our reward in the end, which is what good teams do every week."),
     ("MANAGER", "The players deserve the credit for the way they kept going when it would have been easy to settle."),
     ("MANAGER", "Wednesday is a different competition, and we will rotate the squad as we always said we would.")],
], ids=["timeline", "updates", "speaker"])
def test_labels_over_sentences_alone_file_no_feed(records: list[tuple[str, ...]]) -> None:
    # A teaser names its story in a headline; these records hold none, and are the article's.
    text = "\n\n".join(LONG_ARTICLE + [line for record in records for line in record]) + "\n"
    assert cleaner.clean(text, format="text").text == text


def test_labels_that_take_turns_are_a_template_not_a_feed() -> None:
    # Two labels in turn are the article's own records, even after a long article: the core
    # shortened at the first label is extended over the records again.
    records = [line for headline, teaser in FEED for line in ("Agency", headline, "Summary", teaser)]
    assert detect(text_blocks("\n".join(LONG_ARTICLE + records))).decisions == []


def test_a_feed_filed_under_two_sections_in_no_order_is_no_template() -> None:
    # A site's list of other stories files each teaser under its section (`AUTO NEWS`,
    # `FEATURES`) in whatever order the stories came: the labels recur but never in turn.
    sections = ["AUTO NEWS", "FEATURES"] * 3 + ["FEATURES"] + ["AUTO NEWS"] * 3
    feed = [line for number, section in enumerate(sections)
            for line in (section, f"Sedan number {number} reaches the dealers", f"November {number + 10}, 2016")]
    decisions = detect(text_blocks("\n".join(LONG_ARTICLE + feed))).decisions
    assert [d.rule for d in decisions] == ["detect.tail"] * len(feed)


def test_names_that_recur_far_apart_are_no_template() -> None:
    # Two writers' names over a feed's teasers happen to alternate, but the first stands under
    # the article and the rest far below it: a template's records run about as long as each other.
    feed = ["Dana Whitfield"] + [f"Teaser headline number {n} of the site" for n in range(30)]
    for n, writer in enumerate(["Luis Quispe", "Dana Whitfield"] * 2 + ["Luis Quispe"]):
        feed += [f"Another story number {n} reaches the front page", writer]
    decisions = detect(text_blocks("\n".join(LONG_ARTICLE + feed))).decisions
    assert [d.rule for d in decisions] == ["detect.tail"] * len(feed)


def test_meal_plan_with_a_meal_missing_keeps_its_days() -> None:
    # The days name their meals in one order; a day without lunch breaks no turn of the others.
    dishes = iter(["Oats with milk and honey", "Barley soup with carrots", "A green salad with eggs",
                   "Rye toast with cheese", "Baked fish with potatoes", "Yoghurt with berries",
                   "Lentil stew with spinach", "Rice with grilled chicken"])
    days = []
    for day, meals in (("Monday", ("Breakfast", "Lunch", "Dinner")), ("Tuesday", ("Breakfast", "Dinner")),
                       ("Wednesday", ("Breakfast", "Lunch", "Dinner"))):
        days.append(f"Plan for {day}")
        for meal in meals:
            days += [meal, next(dishes)]
    text = "\n\n".join(PARAGRAPHS + days) + "\n"
    assert cleaner.clean(text, format="text").text == text


STANDINGS = ["Pos Driver Points Wins Poles", "1 Kyle Busch 5040 5 1", "2 Martin Truex 5035 7 0",
             "3 Kevin Harvick 5033 4 6", "4 Denny Hamlin 5027 6 3", "5 Joey Logano 2380 2 3"]


def test_table_the_article_announces_stays() -> None:
    # A short intro ending with a colon, then the table it announces, then a menu.
    intro = ["The final standings of the season after thirty-six races, as published by the series on Monday:"]
    text = "\n".join([HEADLINE, PARAGRAPHS[0]] + intro + STANDINGS + MENU)
    kept = cleaner.clean(text, format="text").text.splitlines()
    assert set(STANDINGS) <= set(kept)
    assert not set(MENU) & set(kept)


def test_figures_the_article_announces_stay() -> None:
    results = ["Anna: 165 votes", "Boris: 250 votes", "Clara: 437 votes"]
    text = "\n".join(PARAGRAPHS + ["The readers voted as follows:"] + results)
    assert detect(text_blocks(text)).decisions == []


LEAD = "Lawmakers approved the government's flagship climate bill early on Thursday after a 20-hour debate."
KEY_POINTS = ["Key points", "• Emissions must fall 65% by 2030", "• Coal plants close by 2033",
              "• Households get grants for heat pumps", "• A new agency will check progress"]
BODY = ["The bill passed by 312 votes to 250, with several members of the ruling coalition voting against it or "
        "abstaining after a day of tense negotiations.",
        "The opposition said it would challenge parts of the law in the constitutional court, arguing that the "
        "grants had not been properly costed."]


@pytest.mark.parametrize("points", [KEY_POINTS, ["What the bill does", "Cuts emissions by 65% by 2030",
                                                 "Closes coal plants by 2033", "Gives households grants for heat pumps"]])
def test_a_lead_above_a_list_stays_with_the_article(points: list[str]) -> None:
    # The list costs the core more than the short lead above it weighs: both went as the head.
    article = ["Parliament passes climate bill after marathon session", LEAD] + points + BODY
    result = cleaner.clean("\n".join(MENU + article + ["Share", "Related"]), format="text")
    assert result.text.splitlines()[::2] == article
    assert cleaner.clean(result.text).text == result.text


def test_a_header_above_a_list_of_other_stories_is_no_lead() -> None:
    # A tagline over a list of other stories: none of their words are the article's.
    tagline = "The Daily Example has been the independent voice of the valley since it was founded in 1901."
    others = ["Storm knocks out power to thousands", "School board names a new superintendent",
              "Two injured in a fire on the east side", "Local bakery wins a national prize"]
    kept = cleaner.clean("\n".join([tagline] + others + [HEADLINE] + PARAGRAPHS), format="text").text.splitlines()
    assert tagline not in kept and not set(others[:3]) & set(kept)
    assert kept[-5::2] == PARAGRAPHS


def test_a_table_one_cell_a_line_between_paragraphs_keeps_the_paragraph_after_it() -> None:
    # A text dump of a table puts every cell on a line; its figures (`38,512`, `+0.4%`) are data, so
    # the article's core reaches over the table to the paragraph that closes the article.
    cells = ["Index", "Change", "Dow", "38,512", "+0.4%", "S&P 500", "5,021", "+0.6%", "Nasdaq", "15,990", "+0.9%",
             "Oil", "$78.20", "-1.2%"]
    closing = "Analysts said the gains were broad, with technology and retail shares leading the way."
    text = "\n".join(MENU + [HEADLINE, PARAGRAPHS[0]] + cells + [closing] + MENU)
    kept = cleaner.clean(text, format="text").text.splitlines()
    assert closing in kept and {"38,512", "+0.4%", "$78.20"} <= set(kept)
    assert not set(MENU) & set(kept)
    assert features_of("+0.4%").kind == features_of("$78.20").kind == features_of("5,021").kind == "data"
    # A bare count is no figure of a table: rankings and pagination number their entries so.
    assert features_of("12").kind == features_of("3").kind == "short"
    ranked = ["Most Read", "1", "Viking shield-maiden gets a face", "2", "What sugar does to your brain", "3",
              "A glitch sparks a days-long hunt", "4", "Objective reality does not exist, study shows"]
    decisions = detect(text_blocks("\n".join(PARAGRAPHS * 2 + ranked))).decisions
    assert [d.rule for d in decisions] == ["detect.tail"] * len(ranked)


def test_a_standings_table_of_bare_figures_one_cell_a_line_keeps_the_lead_above_it() -> None:
    # BeautifulSoup's get_text writes a table one cell a line. Runs of three bare figures or more
    # are a row's cells, and a name between two of them is the row's name: all data, so the lead
    # above the table no longer goes with the head (before, the table cost the core more than the
    # lead weighed). Two figures together are no table: a ranking in two columns, a story's counts.
    lead = "The season ended on Sunday, and the final standings after thirty-six races are below."
    header = ["Pos.", "Driver", "Points", "Wins", "Poles"]
    rows = [cell for n, name in enumerate(["Kyle Busch", "Martin Truex Jr.", "Kevin Harvick", "Denny Hamlin",
                                           "Joey Logano", "Ryan Blaney", "Kyle Larson", "Chase Elliott"], 1)
            for cell in (str(n), name, str(5050 - 7 * n), str(9 - n), str(n % 4))]
    text = "\n".join(MENU + [HEADLINE, lead, *header, *rows, *PARAGRAPHS])
    kept = cleaner.clean(text, format="text").text.splitlines()
    assert lead in kept and all(paragraph in kept for paragraph in PARAGRAPHS)
    assert {"Martin Truex Jr.", "5036"} <= set(kept) and not set(MENU) & set(kept)
    two_columns = ["Most Read", "1", "2", "Viking shield-maiden gets a face", "3", "4", "What sugar does to your brain",
                   "5", "Objective reality does not exist, study shows", "Filed to: Weird medicine", "438.3K", "57", "4"]
    decisions = detect(text_blocks("\n".join(PARAGRAPHS * 2 + two_columns))).decisions
    assert [d.rule for d in decisions] == ["detect.tail"] * len(two_columns)


def test_guard_counts_rows_of_data_as_content() -> None:
    # Stats rows before a core found further down: cutting them as head would take most of the content.
    stats = [f"{n} Player Name{n} {50 + n} {n * 7}% {n} tackles {n} sacks" for n in range(1, 16)]
    blocks = text_blocks("\n".join(stats + PARAGRAPHS))
    detection = detect(blocks)
    assert detection.decisions == []
    assert detection.warning is not None and "content" in detection.warning


def test_guard_counts_list_items_as_content() -> None:
    # Short bulleted items (not prose) before the article's paragraphs, more text than they hold.
    steps = [f"• Step {n}: stir the sauce slowly" for n in range(20)]
    blocks = text_blocks("\n".join(steps + ["Share", "Tweet"] + PARAGRAPHS))
    assert detect(blocks).decisions == []


def test_teaser_cards_are_not_content_and_go_after_a_short_report() -> None:
    # A feed of other stories' cards after the article, more text than the article holds: a dump
    # prints a card's picture link and headline link one after the other, or the story's comment
    # count after its title. Counted as list items, they kept the guard from letting the feed go.
    titles = ["Court dismisses Abbo objection, admits CCTV footage", "GAC Motors visit Lagos for feasibility studies",
              "Senate confirms new budget chief", "Flooding closes schools across Lagos state", "Boy kills brother, removes eyes"]
    twice = [f"* {title} {title}\nNovember 19, 2019" for title in titles]
    counted = [f"* {title} {n} comments" for n, title in enumerate(titles * 2, 10)]
    # Cards that print the article's own headline twice (its picture's alt text), glued together,
    # before another story's title: on the article's topic by their words, and prose by their length.
    own = "Senate adjourns plenary over the deaths of two former lawmakers"
    glued = [f"• {own}{own} {title}" for title in titles * 2]
    for feed in (twice, counted, glued):
        blocks = text_blocks("\n".join(PARAGRAPHS + ["Share", "Recent"] + feed))
        assert sum(len(b.text) for b in blocks[5:]) > len("".join(PARAGRAPHS))  # what the guard weighs
        detection = detect(blocks)
        assert detection.warning is None
        removed = {d.index for d in detection.decisions}
        assert [b.text for b in blocks if b.index not in removed] == PARAGRAPHS
    assert all(map(is_teaser_card, twice + counted + glued))
    # An item that says two things, or counts something else, is still the article's.
    assert not any(map(is_teaser_card, ["* New York, New York", "* Stir the sauce, stir the sauce", "1. Add 10 comments",
                                        "Court dismisses Abbo objection Court dismisses Abbo objection"]))
    steps = [f"* Stir the sauce {n} times and taste it, then stir the sauce again" for n in range(20)]
    assert detect(text_blocks("\n".join(steps + ["Share", "Tweet"] + PARAGRAPHS))).decisions == []
    assert detect(text_blocks("\n".join([f"* Step {n}: add {n} cups of water" for n in range(20)] + ["Share", "Tweet"]
                                         + PARAGRAPHS))).decisions == []


def test_bulleted_menus_are_not_content_and_still_go() -> None:
    # Terminal browsers and HTML-to-text converters print a site's menus as bulleted lists: entries
    # in title case, more text than the article holds. A list in sentence case is still content.
    sections = ["Risk & Compliance", "Heard on the Street", "Dow Jones Newswires", "Best of the Web Newsletter"]
    menus = [f"{bullet} {entry} {n}" for n in range(12) for bullet, entry in zip("*•-*", sections)]
    blocks = text_blocks("\n".join(menus + [HEADLINE] + PARAGRAPHS + menus))
    detection = detect(blocks)
    assert detection.warning is None
    assert {b.text for b in blocks} - {b.text for b in blocks if b.index in {d.index for d in detection.decisions}} \
        == {HEADLINE, *PARAGRAPHS}
    steps = [f"* step {n}: stir the sauce slowly and taste it" for n in range(20)]
    assert detect(text_blocks("\n".join(steps + ["Share", "Tweet"] + PARAGRAPHS))).decisions == []


def test_title_cased_markdown_headings_and_menus_in_any_script_are_not_content() -> None:
    # Menu entries without case (`中文`) or with an apostrophe (`What's`) are title-cased as well:
    # counted as content, they outweighed the article and kept the detector from taking them.
    entries = ["中文 (Chinese)", "日本語 (Japanese)", "What's News Podcast", "Heard on the Street"]
    menus = [f"* {entry} {n}" for n in range(8) for entry in entries]
    blocks = text_blocks("\n".join(menus + [HEADLINE] + PARAGRAPHS))
    detection = detect(blocks)
    assert detection.warning is None
    removed = {d.index for d in detection.decisions}
    # (The headline is on the article's topic and starts the core: the entry above it goes too.)
    assert {b.text for b in blocks if b.index not in removed} == {HEADLINE, *PARAGRAPHS}
    assert not is_title_cased("中文") and not is_title_cased("What's new in the budget")
    # A converter's card title (`#### Standoff at ...`, a heading indented inside a list item, which
    # no Markdown reading takes) is a headline, though long enough to read as prose; a heading in
    # sentence case is what the article says.
    card = "#### Standoff at a Hong Kong University Following Night of Violence"
    assert features_of(card).kind == "prose" and not is_content(text_blocks(card)[0], features_of(card))
    heading = "## The council voted on the budget after a long night"
    assert is_content(text_blocks(heading)[0], features_of(heading))


def test_lynx_s_list_of_addresses_neither_hides_the_language_nor_counts_as_content() -> None:
    # `lynx -dump` lists a page's link addresses after its text; some hold spaces, as a script's
    # call does (`javascript:loadVideo('Aidan Gantenbein 100 backstroke', ...)`), and read as long
    # lines of words. Their parts (`https`, `cloudfront`) drew a short English article's stop words
    # under the known-language share, so every long line read as prose, and the list, counted as
    # list items, outweighed the article for the guard: the whole dump was kept.
    addresses = [f"{n}. javascript:loadVideo('Heat {n} 100 backstroke final','https://d2pvy{n}.cloudfront.net/KWCH/"
                 f"v5a88e42d9ab70/Heat{n}Backstroke.mp4','https://d2pvy{n}.cloudfront.net/KWCH/v5a88e42d9ab70/Heat{n}.jpg','')"
                 for n in range(1, 41)]
    blocks = text_blocks("\n".join([HEADLINE, *PARAGRAPHS, *MENU, "References", *addresses]))
    assert is_known_language(blocks)
    detection = detect(blocks)
    assert detection.warning is None
    removed = {d.index for d in detection.decisions}
    assert [b.text for b in blocks if b.index not in removed] == [HEADLINE, *PARAGRAPHS]


def test_a_short_line_announcing_what_follows_the_article_stays_with_it() -> None:
    # `See more photos:` after the last paragraph announces the article's own pictures, which a
    # text dump leaves out: it is the article's (in the gold as well). A label in title case
    # (`Related Stories:`) and a long line are not such announcements.
    tail = ["Tags:", "Politics", "Transport", "Share", "Facebook", "Twitter"]
    for announcement, stays in (("See more photos:", True), ("Related Stories:", False)):
        blocks = text_blocks("\n".join([*MENU, HEADLINE, *PARAGRAPHS, announcement, *tail]))
        removed = {d.index for d in detect(blocks).decisions}
        kept = [b.text for b in blocks if b.index not in removed]
        assert kept == [HEADLINE, *PARAGRAPHS] + [announcement] * stays


def test_menus_are_not_content_and_still_go() -> None:
    # Menus are short title-like lines, not data rows or list items: the head and tail cuts stay.
    text = "\n".join(MENU * 3 + [HEADLINE] + PARAGRAPHS + MENU * 3)
    rules = {d.rule for d in detect(text_blocks(text)).decisions}
    assert rules == {"detect.head", "detect.tail"}


def test_fact_box_after_the_article_stays() -> None:
    facts = ["Opening night 2018.04.05", "Tue – Sat 4PM", "Tickets", "VIP : 60,000 won", "R : 50,000 won", "Inquiry",
             "02-751-1500"]
    assert detect(text_blocks("\n".join(PARAGRAPHS * 2 + facts))).decisions == []


def test_teasers_that_start_with_their_number_are_not_a_fact_box() -> None:
    teasers = ["15 Amazing Images of Stars", "11 Fascinating Facts About Our Galaxy", "Most read", "More from Space",
               "7 Questions About Dark Matter"]
    decisions = detect(text_blocks("\n".join(PARAGRAPHS * 2 + teasers))).decisions
    assert [d.rule for d in decisions] == ["detect.tail"] * len(teasers)


def test_other_stories_with_a_summary_that_reads_as_prose_are_not_a_fact_box() -> None:
    # Image names, model numbers and years put a figure in every line of this list of other
    # stories, as in a lynx dump of a business page; its one summary reads as prose, which no fact
    # box holds. Once the rules took the footer's prose after it, the list passed for a fact box.
    teasers = ["2. [150][103688330-GettyImages-534641856.jpg?v=1532564103] Boeing Clinches Second Dreamliner Order",
               "3. [154][106199533-1571865955660jet.jpg?v=1571865985] Airbus Says Max Grounding Is Not Good",
               "4. Will hyperloop threaten aviation? 'Not in my lifetime,' says the exec, who has worked at the firm "
               "since 2001.",
               "5. Turkish airline gives Boeing 737 Max vote of confidence",
               "6. Emirates Orders 50 Boeing 787 Dreamliners In $16 Billion Deal"]
    decisions = detect(text_blocks("\n".join(PARAGRAPHS * 6 + teasers))).decisions
    assert [d.rule for d in decisions] == ["detect.tail"] * len(teasers)


def test_a_line_a_rule_parted_from_the_article_stays_as_its_headline_only_if_it_names_its_topic() -> None:
    # A rule takes the comment link under the line; the line stood apart from the article on the
    # page. An account menu's last line names nothing the article speaks of, and goes; the
    # headline names the bridge, and stays.
    for line, stays in (("Account Settings Log Out", False), (HEADLINE, True)):
        text = "\n".join([line, "Leave a comment", *PARAGRAPHS])
        result = cleaner.clean(text, format="text")
        assert (line in result.text.split("\n")) is stays, line
        assert all(paragraph in result.text for paragraph in PARAGRAPHS)
    # Without a gap the line right above the article is read as its headline, as before.
    assert cleaner.clean("\n".join(["Account Settings Log Out", *PARAGRAPHS]), format="text").text.startswith(
        "Account Settings Log Out")


def test_interview_turns_inside_the_article_are_not_a_link_run() -> None:
    turns = ["Q: Favorite childhood memory?", "A: Trip to Disney World", "Q: Favorite apps?",
             "A: Bleacher Report and Uber Eats"]
    text = "\n".join([PARAGRAPHS[0]] + turns + PARAGRAPHS[1:])
    assert detect(text_blocks(text)).decisions == []


def test_a_list_the_paragraph_before_announces_is_not_a_link_run() -> None:
    announcing = ("The council said the bridge had been closed under four different rules over the years, "
                  "and it listed them in its report:")
    laws = ["Section 4 of the Roads Act", "Section 9 of the Bridges Act", "Rule 12 of the county code",
            "Rule 30 of the city code"]
    text = "\n".join([PARAGRAPHS[0], announcing] + laws + PARAGRAPHS[1:])
    assert detect(text_blocks(text)).decisions == []


@pytest.mark.parametrize("announcing, items", [
    ("The stores to be acquired are in:", ["Abingdon, Va.", "Marion, Va.", "Wytheville, Va.", "Boone, N.C."]),
    ("Here are the key specs:", ["7-inch E Ink display at 300ppi", "32GB of storage", "USB-C charging",
                                 "IPX8 water resistance"]),
])
def test_a_list_a_short_sentence_announces_is_not_a_link_run(announcing: str, items: list[str]) -> None:
    # Capitalised items (places, a product's specs) after a short sentence of the article that
    # ends with a colon: the article's list, though every item reads like a link.
    text = "\n".join([PARAGRAPHS[0], announcing, *items, *PARAGRAPHS[1:]])
    assert detect(text_blocks(text)).decisions == []


def test_a_heading_with_a_colon_does_not_keep_the_links_after_it() -> None:
    links = ["Storm floods the harbour", "Prices rise again in city", "Team wins the cup final", "New school opens in town"]
    blocks = text_blocks("\n".join([PARAGRAPHS[0], "See also:"] + links + PARAGRAPHS[1:]))
    removed = {blocks[d.index].text for d in detect(blocks).decisions if d.rule == "detect.link-run"}
    assert set(links) <= removed


LOWER_CASE_LIST = ["the cost of the annual maintenance fee", "whether the new ferry can carry lorries",
                   "who will pay for the repairs to the east bank"]


def test_a_list_a_short_line_announces_in_lower_case_is_not_a_link_run() -> None:
    # A sub-heading, a short line with a colon and the list's items: five short lines in a row.
    text = "\n".join([PARAGRAPHS[0], "Questions from the floor", "Speakers raised three main concerns:",
                      *LOWER_CASE_LIST, *PARAGRAPHS[1:]])
    assert detect(text_blocks(text)).decisions == []


def test_a_list_a_short_line_announces_in_lower_case_ends_the_article_with_its_last_sentence() -> None:
    closing = "The ferry will start running on the first Monday of next month."
    text = "\n".join([*PARAGRAPHS, "Residents are demanding:", *LOWER_CASE_LIST, closing, *MENU])
    blocks = text_blocks(text)
    removed = {blocks[d.index].text for d in detect(blocks).decisions}
    assert removed == set(MENU)


@pytest.mark.parametrize("label, items", [
    ("Read more about:", ["raw milk", "herd shares", "food freedom"]),  # a title-cased label over tags
    ("Also available at these addresses:", ["www.example.org", "www.example.net", "www.example.tv"]),
    ("Stories you may have missed:", ["Storm floods the harbour", "Prices rise again in city", "Team wins the cup"]),
])
def test_what_a_line_with_a_colon_announces_is_not_the_articles_unless_written_in_lower_case(
        label: str, items: list[str]) -> None:
    blocks = text_blocks("\n".join([*PARAGRAPHS, label, *items]))
    removed = {blocks[d.index].text for d in detect(blocks).decisions}
    assert set(items) <= removed


RUSSIAN_PARAGRAPHS = [
    "Совет города во вторник проголосовал за то, чтобы закрыть старый мост, после того как инженеры нашли ржавчину на тросах.",
    "Жители восточного берега сказали, что они боятся долгой дороги до больницы и до школ, которая теперь займёт час.",
    "Мэр сказал, что паром будет ходить уже со следующего месяца, а ремонт моста займёт не меньше двух лет.",
]


def test_a_language_with_a_stop_word_list_gets_the_whole_detector() -> None:
    links = ["Шторм затопил гавань", "Цены снова растут", "Команда выиграла кубок", "Новая школа открылась"]
    blocks = text_blocks("\n".join([RUSSIAN_PARAGRAPHS[0]] + links + RUSSIAN_PARAGRAPHS[1:]))
    assert DetectMemo().is_known_language([b.text for b in blocks])
    assert all(features_of(p).kind == "prose" for p in RUSSIAN_PARAGRAPHS)
    assert [d.rule for d in detect(blocks).decisions] == ["detect.link-run"] * 4


@pytest.mark.parametrize("paragraph", [
    "Закон предусматривает введение прогрессивной шкалы налога на доходы физических лиц. Ставка будет зависеть от размера годового дохода.",
    "Według ministra finansów zmiany pozwolą przeznaczyć dodatkowe środki na programy społeczne, które zostały zapowiedziane w kampanii.",
    "Zastupitelstvo v úterý schválilo nový rozpočet, který zvyšuje výdaje na veřejnou dopravu o dvanáct procent, což je první navýšení za pět let.",
    "Belediye meclisi salı günü toplu taşıma harcamalarını yüzde on iki artıran yeni bütçeyi onayladı; bu, son beş yıldaki ilk artış oldu.",
    "Kritikere mener planen bygger på altfor optimistiske anslag for skatteinntektene, og advarer mot et underskudd dersom økonomien bremser opp neste år.",
    "Consiliul local a aprobat marți un nou buget care mărește cu doisprezece la sută cheltuielile pentru transportul public.",
])
def test_a_news_paragraph_in_a_language_without_articles_is_prose(paragraph: str) -> None:
    # Russian, Polish, Czech and Turkish news write few function words (no articles, case endings
    # or suffixes instead of prepositions): their lists hold the auxiliaries, pronouns and
    # relative words (`будет`, `które`, `což`, `oldu`) that such a paragraph does have, and the
    # two-letter words no English line holds (`je`, `za`, `og`, `cu`, `bu`), or it reads as one
    # short sentence and a page of two such paragraphs is left as it came.
    assert features_of(paragraph).kind == "prose"


def test_what_english_contractions_split_into_is_not_a_stop_word() -> None:
    # `Trump's`, `we've`, `I'd`, `they're`: a list in another language must not make these
    # fragments count as function words, or English menus full of them read like prose.
    assert not {"s", "ve", "d", "re", "ll", "t", "m"} & STOP_WORDS


# Under the article a list with a heading no rule knows (`编辑推荐`, editors' picks): the detector takes it.
CHINESE_PAGE = """首页
新闻
国际
财经
体育
娱乐
科技
城市老桥将封闭两年进行维修
市议会周二投票决定关闭这座老桥，此前工程师发现主缆已经严重腐蚀，继续通车存在安全隐患。
住在东岸的居民表示，他们担心去医院和学校的路程会变得更长，有些家庭每天要多花一个小时。
市长说，从下个月起将开通渡轮服务，维修工程至少需要两年时间，费用将由市政府和省里共同承担。
编辑推荐
暴雨导致港口被淹
物价再次上涨
本地球队夺得冠军
新学校正式开学"""


def test_chinese_paragraphs_are_prose_and_the_menus_around_them_go() -> None:
    # `\w+` finds a clause where English has a word: without counting characters, no Chinese or
    # Japanese paragraph was prose and the detector left such pages as they came.
    paragraph = "市议会周二投票决定关闭这座老桥，此前工程师发现主缆已经严重腐蚀，继续通车存在安全隐患。"
    assert features_of(paragraph, known_language=False).kind == "prose"
    result = cleaner.clean(CHINESE_PAGE, format="text")
    assert result.text.startswith("城市老桥将封闭两年进行维修\n\n市议会")
    assert result.text.endswith("共同承担。\n")
    assert {r["rule"] for r in result.removed} == {"detect.head", "detect.tail"}


def test_japanese_sentence_ends_count() -> None:
    assert features_of("市長は、来月からフェリーの運航を始めると述べた。", known_language=False).sentence_end
    assert features_of("「修理には少なくとも2年かかる」", known_language=False).sentence_end is False
    assert features_of("「修理には少なくとも2年かかる。」", known_language=False).sentence_end


def test_lower_casing_a_character_keeps_what_the_detector_reads_of_it() -> None:
    """folds_as_lower's premise, over all of Unicode: a character whose lower case is one character
    and its case folding is a word character, a letter or a digit exactly when it is one."""
    word = re.compile(r"\w")
    for point in range(sys.maxunicode + 1):
        char = chr(point)
        lower = char.lower()
        if lower != char and len(lower) == 1 and char.casefold() == lower:
            assert (bool(word.match(char)), char.isalpha(), char.isdigit()) == (
                bool(word.match(lower)), lower.isalpha(), lower.isdigit()), hex(point)


@settings(max_examples=400, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("abcXYZ 'ßİΣσςΑΟ_1١ﬁÉé-.\u0301Ⅰⓐ")), max_size=30))
def test_folded_words_are_the_words_in_lower_case_when_folding_is_lower_casing(text: str) -> None:
    word = re.compile(r"\w+")
    if folds_as_lower(text):
        assert word.findall(text.casefold()) == [w.lower() for w in word.findall(text)]


def test_the_detector_reads_the_same_from_folded_words_as_from_its_own() -> None:
    texts = ["Сегодня в Москве прошёл митинг, и его участники говорили о ценах на жильё и работе.",
             "“Quoted” words — with a dash, and the city’s mayor said so.", "ΑΣ'Α ΤΟΥΣ ΑΛΛΟΥΣ", "Straße und Fluß"]
    folded = {text: re.findall(r"\w+", text.casefold()) for text in texts}
    shared, alone = DetectMemo(folded=folded), DetectMemo()
    for text in texts:
        assert shared.features_of(text, True) == alone.features_of(text, True)
        assert shared.content_words(text) == alone.content_words(text)
        assert shared.word_counts(text) == alone.word_counts(text)
    # The Russian and the quoted text reuse the folded words; capital sigma and ß are read again.
    assert [shared.words_of(text) is folded[text] for text in texts] == [True, True, False, False]


def test_a_line_a_rule_removed_still_keeps_the_core_from_what_it_stood_before() -> None:
    # `Share` cost the run its length while it stood; removed by share.prompt, it must cost the
    # same, or the promo above it joins the article because a rule knew the button.
    text = "\n".join(["Get our app now.", "Share", *PARAGRAPHS])
    result = cleaner.clean(text, format="text")
    assert result.text.startswith(PARAGRAPHS[0])
    assert {r["text"]: r["rule"] for r in result.removed} == {"Get our app now.": "detect.head", "Share": "share.prompt"}


def test_removed_blocks_cost_what_they_cost_as_short_lines_up_to_a_cap() -> None:
    blocks = text_blocks("\n".join(["Get our app now.", "Share", "Follow us", "A" * 80, *PARAGRAPHS]))
    kept, gaps = gap_costs(blocks, {1: "share.prompt", 2: "share.follow", 3: "promos.link"})
    assert [b.text for b in kept] == ["Get our app now.", *PARAGRAPHS]
    assert gaps.costs == {1: 12 + 12 + REMOVED_MAX_COST}  # `Follow us` is 9 characters: a short line's least cost
    assert [d.rule for d in detect(kept, gaps=gaps).decisions] == ["detect.head"]
    assert detect(kept).decisions == []  # without the gap the promo reads as the article's first line


def test_a_closing_sentence_after_a_promo_a_rule_removed_stays() -> None:
    # A long promo inside the article costs no more than REMOVED_MAX_COST: the sentence after it
    # still belongs to the article (a newspaper's `More: <teaser>` above its last line).
    closing = "The council will meet again to discuss the bridge in the spring."
    text = "\n".join([*PARAGRAPHS, "More: Storm floods the harbour as the river breaks its banks in the night", closing])
    result = cleaner.clean(text, format="text")
    assert result.text.rstrip().endswith(closing)
    assert [r["rule"] for r in result.removed] == ["promos.link"]


def test_what_was_removed_between_two_paragraphs_never_parts_them() -> None:
    # A newsletter box of six lines inside the article, under a short lead: the box's lines would
    # cost the lead's run more than the lead weighs, but paragraphs on both sides say it stood
    # inside the article.
    lead = "The old bridge will close for two years, the council said on Tuesday."
    box = ["Newsletter", "Get the morning briefing", "Enter your email", "Sign up", "No spam, ever", "Privacy policy"]
    blocks = text_blocks("\n".join([lead, *box, *PARAGRAPHS]))
    kept, gaps = gap_costs(blocks, {index: "newsletter.prompt" for index in range(1, 7)})
    assert gaps.costs[1] > len(lead)
    assert detect(kept, gaps=gaps).decisions == []


def test_a_lead_with_few_stop_words_is_not_parted_from_the_article_by_a_removed_banner() -> None:
    # An Indonesian lead writes few function words and reads as a long sentence, not prose; a
    # cookie banner removed from under it still stood inside the article.
    lead = ("Dewan kota pada hari Selasa menyetujui anggaran baru yang menaikkan belanja transportasi umum "
            "sebesar dua belas persen, kenaikan pertama dalam lima tahun terakhir.")
    rest = ("Para anggota dewan mengatakan bahwa uang itu akan digunakan untuk bus yang lebih sering di rute "
            "tersibuk dan untuk perbaikan jaringan trem yang telah lama terbengkalai.")
    banner = ["Harap konfirmasi bahwa Anda bukan robot.", "Situs ini menggunakan cookie untuk meningkatkan pengalaman Anda.",
              "Terima semua", "Tolak", "Pengaturan cookie"]
    assert features_of(lead).kind == "sentence" and features_of(rest).kind == "prose"
    result = cleaner.clean("\n\n".join([lead, *banner, rest]), format="text")
    assert result.text == f"{lead}\n\n{rest}\n"
    assert {r["rule"] for r in result.removed} == {"captcha.prompt", "cookies.notice"}


def test_a_pictures_credit_a_rule_removed_leaves_no_gap() -> None:
    # The credit stands under the lead picture, inside the article: the headline above it stays
    # as close to the article as it was.
    blocks = text_blocks("\n".join([HEADLINE, "Alex Wong | Getty Images", *PARAGRAPHS]))
    kept, gaps = gap_costs(blocks, {1: "credits.photo"}, inside_article={"credits.photo"})
    assert [b.text for b in kept] == [HEADLINE, *PARAGRAPHS] and gaps == ({}, set(), frozenset())
    assert {rule.id for rule in cleaner.load_rules().rules() if rule.inside_article} == {
        "credits.photo", "credits.gallery", "credits.caption", "dumps.escaped-markup"}
    assert gap_costs(blocks, {1: "share.prompt"})[1] == ({1: REMOVED_MAX_COST}, {1}, frozenset())


def test_a_furniture_line_a_rule_removed_from_a_link_run_still_counts_in_it() -> None:
    # A byline's row under the headline: `Follow` goes to a rule, and the three lines left are
    # still the row of four that the detector takes inside the article.
    row = ["Story by Emma Clarke", "5h ago, 3 min read", "Follow", "Comments"]
    blocks = text_blocks("\n".join([PARAGRAPHS[0], *row, *PARAGRAPHS[1:]]))
    kept, gaps = gap_costs(blocks, {3: "promos.button"})
    taken = [kept[p].text for p, block in enumerate(kept) if block.index in {d.index for d in detect(kept, gaps=gaps).decisions}]
    assert taken == ["Story by Emma Clarke", "5h ago, 3 min read", "Comments"]
    # A copy that duplicate collapse removed is no furniture line: three items stay three.
    kept, gaps = gap_costs(blocks, {3: "dedup.exact"})
    assert detect(kept, gaps=gaps).decisions == []


def test_a_long_headline_is_no_paragraph_that_furniture_under_it_stood_inside() -> None:
    # A headline with a section label reads as prose by its words, but it ends like no sentence:
    # what a rule removed under it was the page's header, and the line above it is no headline.
    title = "Business | Council Votes to Close the Old Bridge for Two Years of Repairs"
    header = ["Subscribe", "Log In", "Advertisement", "Continue reading the main story", "Supported by",
              "Continue reading the main story"]
    blocks = text_blocks("\n".join(["Today's Paper", title, *header, *PARAGRAPHS]))
    kept, gaps = gap_costs(blocks, {index: "ads.label" for index in range(2, 2 + len(header))})
    assert features_of(title).kind == "prose"
    taken = {kept[p].text for p, block in enumerate(kept) if block.index in {d.index for d in detect(kept, gaps=gaps).decisions}}
    assert taken == {"Today's Paper"}


def test_a_core_of_guarded_blocks_is_searched_for_again_only_where_it_cost_the_article() -> None:
    # Blocks a rule found and the guard kept (Gaps.guarded) weigh as furniture only where the core
    # they make up would have removed the article that the search without them finds.
    policy = ["Necessary cookies are absolutely essential for the website to function properly, and this category "
              f"only includes cookies that ensure basic functionalities and security features, part {n}." for n in (1, 2, 3)]
    blocks = text_blocks("\n".join([PARAGRAPHS[0], *MENU, *MENU, *policy]))
    kept, _ = gap_costs(blocks, {})
    guarded = frozenset(range(1 + 2 * len(MENU), len(kept)))
    taken = {d.index for d in detect(kept).decisions}
    assert 0 in taken  # the article went as the page's header
    with_guard = detect(kept, gaps=gap_costs(blocks, {}, guarded=guarded)[1]).decisions
    assert [d.index for d in with_guard] == list(range(1, 1 + 2 * len(MENU)))  # the menus; the policy stays
    # The core reads the article and the guarded blocks together: the first answer stands.
    blocks = text_blocks("\n".join([*MENU, *PARAGRAPHS, *policy]))
    kept, _ = gap_costs(blocks, {})
    guarded_gaps = gap_costs(blocks, {}, guarded=frozenset(range(len(MENU) + 3, len(kept))))[1]
    assert detect(kept, gaps=guarded_gaps).decisions == detect(kept).decisions
