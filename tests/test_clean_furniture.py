"""Page furniture in plain-text scrapes: share, comment, sign-up, feed and credit lines go; every sentence of the
article stays, including sentences that share words with furniture. Lines written for these tests."""

import pytest

from newsintel.clean.text import clean_text, is_junk

ARTICLE = [
    "VALLETTA, May 3 - Maltese police detained two men at the port on Friday after a tip-off, officials said.",
    "The men were questioned about a consignment of forged passports, a spokesman said.",
    "Both deny wrongdoing, their lawyer told reporters.",
]

FURNITURE = [
    "Advertisement Continue reading the main story",
    "Scroll down for video",
    "Photo",
    "Slideshow (4 Images)",
    "Enlarge this image toggle caption Marta Vella/AP Marta Vella/AP",
    "Image copyright Reuters Image caption The port was closed for hours",
    "Dana Borg/Getty Images",
    "Officers search a van at the port on Friday. (Ines Camilleri/AFP)",
    "Getty - Contributor Officers search a van at the port",
    "Reuters - AFP",
    "Read or Share this story: https://short.example/x1",
    "More: Ferry operators warn of delays after port checks",
    "Related: Three held over fake visas in Catania",
    "[Police dismantle a forgery ring in Naples]",
    "Port checks tightened after arrests Read more",
    "Sign up for our Morning Briefing newsletter and get the news in your inbox",
    "Thanks for subscribing!",
    "Get unlimited access for 99 cents",
    "Share this article",
    "Follow Lina Grech on Twitter: @linagrech",
    "Contact the reporter at lina.grech@news.example",
    "Lina Grech can be reached at lina.grech@news.example.",
    "Got a news tip? Email tips@news.example or call our newsroom.",
    "We want your pictures. Click here to send them.",
    "Join the conversation",
    "Let us know what you think in the comments below.",
    "Information from: The Harbour Gazette, http://harbour.example",
    "This article originally appeared on Harbour Gazette.",
    "(Reporting by Lina Grech; Editing by Paul Zammit)",
    "Ana Borg in Rome contributed to this report.",
    "By Lina Grech",
    "https://www.facebook.com/harbourgazette",
    "This story has been updated.",
    "___",
    "JUST WATCHED Harbour raid: what we know Replay More Videos ... MUST WATCH Harbour raid: what we know 01:12",
    "Skip in Skip x Embed x Share CLOSE HARBOUR NEWS Harbour raid explained | 1:10 Officers searched a van.",
]

NEAR_MISSES = [  # sentences of an article that share words with furniture: never removed
    "Smugglers told the men to click here to pay, investigators said.",
    "Follow us to the border, the smugglers told them.",
    "By Tuesday the men had reached Sicily.",
    "More than 40 migrants were rescued off Lampedusa.",
    "Reuters reported that the ferry had been diverted.",
    "The photo was taken in Tripoli in 2014, according to court papers.",
    "Militants posted the video via Telegram.",
    "He said he would join the conversation on migration at the summit.",
    "Police said the passports were made in Sofia (Bulgaria/Romania border).",
    "The research appears in Marine Policy (doi.org/10.1000/182).",
    "The ministry said the report would be updated next week.",
    "Several people contributed to the fund, the charity said.",
    "The UN and the World Bank contributed to the report.",
    "With assistance from the UN, the families returned home.",
    "Courtesy of the ministry, the men were flown home.",
    "Photos by the agency showed the bodies.",
    "Users can avoid the adverts by subscribing.",
    "This report was published in The Lancet on Tuesday.",
    "This report will be updated every year, the ministry said.",
]


@pytest.mark.parametrize("line", FURNITURE)
def test_furniture_lines_are_dropped_from_plain_text(line):
    assert is_junk(line, scraped=True), line


@pytest.mark.parametrize("line", NEAR_MISSES + ARTICLE)
def test_article_sentences_are_never_dropped(line):
    assert not is_junk(line, scraped=True), line


def test_a_scraped_text_keeps_its_article_and_loses_its_tail():
    text = "\n".join([ARTICLE[0], "Photo", ARTICLE[1], "Advertisement Continue reading the main story", ARTICLE[2],
                      "", *FURNITURE[10:20]])
    assert clean_text(text, scraped=True).split("\n\n") == ARTICLE


def test_furniture_rules_are_only_for_plain_text():
    text = "\n".join([*ARTICLE, "More: Ferry news"])
    assert clean_text(text, scraped=True).split("\n\n") == ARTICLE
    assert "More: Ferry news" in clean_text(text)  # the general rules (text extracted from HTML)


def test_a_scrape_of_furniture_only_is_not_emptied():
    captions = "\n".join(f"Photos: Harbour raid Officers search a van at the port. Hide Caption {i} of 9"
                          for i in range(1, 10))
    assert clean_text(captions, scraped=True) == clean_text(captions)


def test_a_gallery_flattened_into_a_paragraph_keeps_its_captions_only():
    text = ("Police searched the port on Friday. Hide Caption 1 of 3 Photos: Harbour raid: pictures from Valletta "
            "Officers search a van at the port. Hide Caption 2 of 3 Photos: Harbour raid: pictures from Valletta "
            "A dog handler waits by the gate. Hide Caption 3 of 3")
    assert clean_text(text, scraped=True) == ("Police searched the port on Friday. Officers search a van at the port. "
                                              "A dog handler waits by the gate.")


def test_photos_without_slide_counters_stay():
    text = "Photos: the minister said the pictures were fake. Photos: more pictures were released on Monday."
    assert clean_text(text, scraped=True) == text
