"""Cleaning: junk lines go, article sentences stay, repeats collapse, HTML metadata comes through."""

import pytest

from newsintel.clean import clean, normalise_date
from newsintel.clean.html import extract_page
from newsintel.clean.text import clean_text, is_junk, split_title
from newsintel.model import RawDocument

SCRAPED = """Share on Facebook
Tweet
WhatsApp
ANKARA, June 2 - Turkish police detained four men near the Syrian border, officials said.

Police escort a suspect in Gaziantep. (Photo: AFP)
Police escort a suspect in Gaziantep. (Photo: AFP)

The interior ministry did not reply to requests for comment.
Leave a Reply
Your email address will not be published. Required fields are marked *
Comments are moderated and will appear after approval.
Read more:
Smugglers held in Skopje raid
Kosovo repatriates families from camp
We use cookies to improve your experience on our site. Accept
Advertisement
A lawyer for the men said they would share evidence of their innocence in court.
A lawyer for the men said they would share evidence of their innocence in court.
"""


def test_scraped_junk_is_removed_and_real_sentences_kept():
    text = clean_text(SCRAPED)
    paragraphs = text.split("\n\n")
    assert paragraphs == [
        "ANKARA, June 2 - Turkish police detained four men near the Syrian border, officials said.",
        "The interior ministry did not reply to requests for comment.",
        "A lawyer for the men said they would share evidence of their innocence in court.",
    ]


def test_junk_rules_match_whole_lines_only():
    for junk in ["Leave a Reply", "Share this article", "Tweet", "Read more: Police raid flats in Molenbeek",
                 "Comments are closed.", "Advertisement", "Facebook Twitter Email", "Required fields are marked *"]:
        assert is_junk(junk), junk
    for sentence in ["He did not reply to a request for comment.", "Leave a reply, the judge told the court.",
                     "Officials declined to comment on the share of funds sent to Syria.",
                     "The site uses cookies, investigators found, to track visitors from Raqqa.",
                     "Read the full indictment, prosecutors urged reporters."]:
        assert not is_junk(sentence), sentence


def test_hard_wrapped_lines_are_rejoined_but_paragraphs_kept():
    text = clean_text("Three men crossed\ninto Turkey on Tuesday.\n\nA second paragraph.")
    assert text == "Three men crossed into Turkey on Tuesday.\n\nA second paragraph."


def test_title_is_first_line_only_when_it_reads_like_a_headline():
    assert split_title("Fighters cross border\n\nBody text here.") == ("Fighters cross border", "\nBody text here.")
    assert split_title("The men crossed the border.\n\nBody.")[0] is None
    assert split_title("Fighters cross border\nstraight into a body line")[0] is None


def test_html_article_body_and_metadata():
    html = """<html><head><title>Arrests - Adriatic Herald</title>
    <meta property="og:title" content="Four held over Balkan smuggling route">
    <meta name="author" content="Ana Kovac"><meta property="og:site_name" content="Adriatic Herald">
    <meta property="article:published_time" content="2025-04-02T08:30:00Z">
    <link rel="canonical" href="https://www.adriaticherald.example/balkans/route"></head>
    <body><nav><a href="/">Home</a> <a href="/world">World</a></nav>
    <div class="cookie">We use cookies to improve your experience. Accept</div>
    <article><h1>Four held over Balkan smuggling route</h1>
    <p>Police in Skopje arrested four men suspected of smuggling fighters from Gaziantep to Pristina.</p>
    <p>The men were detained on Tuesday after a months-long investigation, prosecutors said.</p></article>
    <aside><h3>Related</h3><ul><li><a href="/a">Other story</a></li></ul></aside>
    <footer>Copyright 2025 Adriatic Herald</footer></body></html>"""
    page = extract_page(html)
    assert page.title == "Four held over Balkan smuggling route"
    assert page.author == "Ana Kovac"
    assert page.site == "Adriatic Herald"
    assert page.published == "2025-04-02"
    assert page.url == "https://www.adriaticherald.example/balkans/route"
    assert page.text.startswith("Police in Skopje arrested four men")
    assert "prosecutors said." in page.text
    assert "cookies" not in page.text and "Copyright" not in page.text and "Home" not in page.text


def test_clean_gives_content_addressed_ids_and_normalised_dates():
    raw = RawDocument(origin="a.json", format="json", raw_hash="x", text="Men crossed into Syria at dawn, police said.",
                      published="3 March 2025")
    doc = clean(raw)
    again = clean(RawDocument(origin="b.json", format="json", raw_hash="y", text=raw.text))
    assert doc.id == again.id and len(doc.id) == 16
    assert doc.published == "2025-03-03"
    assert normalise_date("2025-03-04T10:00:00+00:00") == "2025-03-04T10:00:00+00:00"
    assert normalise_date("not a date at all") is None  # never kept as written (see test_dates.py)


def test_page_with_far_more_elements_than_an_article_is_refused():
    from newsintel.clean.html import MAX_ELEMENTS, extract_page
    from newsintel.ingest.decode import InputError

    paragraphs = "".join(f"<p>item {i}</p>" for i in range(MAX_ELEMENTS + 10))
    with pytest.raises(InputError, match="page too complex"):
        extract_page(f"<html><body><article>{paragraphs}</article></body></html>")


def test_recall_lines_are_kept_when_the_precise_text_holds_their_words_in_a_run():
    from newsintel.clean.html import _TokenIndex

    index = _TokenIndex(["the", "convoy", "left", "raqqa", "at", "dawn", "and", "the", "convoy", "reached", "tabqa"])
    assert index.contains(["the", "convoy", "reached"])
    assert index.contains(["convoy", "left", "raqqa"])
    assert not index.contains(["raqqa", "reached"])
    assert not index.contains(["convoy", "left", "tabqa"])
    assert index.contains([])


def test_lines_wrapped_at_a_column_rejoin_before_capitalised_words():
    wrapped = (
        "Border guards in the north stopped a convoy of four lorries early on Friday near the town of\n"
        "            Kirkstall, where the road from the coast meets the old mountain pass to the valley of\n"
        "            Ostrava, and questioned the drivers for several hours before the lorries could go on.\n"
        "            Warning\n"
        "            The ministry of transport said the checks would continue through the winter months and\n"
        "            Mayor Ilse Brandt welcomed them."
    )
    paragraphs = clean_text(wrapped).split("\n\n")
    assert paragraphs[0].startswith("Border guards") and "town of Kirkstall, where" in paragraphs[0]
    assert "valley of Ostrava, and" in paragraphs[0]
    assert paragraphs[1] == "Warning"  # a short line without a full stop is not a wrapped line
    assert paragraphs[2].endswith("and Mayor Ilse Brandt welcomed them.")


def test_free_length_paragraphs_are_not_joined_across_capitals():
    text = ("A short heading without a stop\n"
            "Police in the capital said on Monday that two men had been detained after a long search of the "
            "harbour district and its warehouses, which lasted for most of the weekend.\n"
            "Officers declined to say more")
    assert clean_text(text).split("\n\n")[0] == "A short heading without a stop"
