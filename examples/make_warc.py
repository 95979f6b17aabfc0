#!/usr/bin/env python3
"""Build examples/corpus/feeds/feed-capture.warc.gz for the newsintel demo corpus.

The corpus is fictional: the people and the group are invented; places and
agencies are real. Re-run with:  .venv/bin/python examples/make_warc.py

Output: one warcinfo record, one request record and three HTML response
records. Record IDs and dates are fixed, so re-running gives the same records.
"""
import uuid
from io import BytesIO
from pathlib import Path

from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

OUT = Path(__file__).resolve().parent / "corpus" / "feeds" / "feed-capture.warc.gz"
NS = uuid.UUID("6f1c2d0e-5b7a-4e3c-9a10-3c2b1d4e5f60")


def rec_id(key):
    return "<urn:uuid:%s>" % uuid.uuid5(NS, key)


PAGES = [
    {
        "url": "https://www.capitalcourier.example/brussels/2024/06/13/molenbeek-searches-benali-network",
        "date": "2024-06-13T18:42:10Z",
        "html": """<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>Police search Molenbeek homes in hunt for Benali's network | The Capital Courier</title>
<meta property="og:title" content="Police search Molenbeek homes in hunt for Benali's network">
<meta property="og:site_name" content="The Capital Courier">
<meta name="author" content="Thomas Declercq">
<meta property="article:published_time" content="2024-06-13T17:30:00+02:00">
<link rel="canonical" href="https://www.capitalcourier.example/brussels/2024/06/13/molenbeek-searches-benali-network">
</head>
<body>
<header id="masthead"><div class="logo"><a href="/">The Capital Courier</a></div>
<nav><ul class="menu"><li><a href="/belgium">Belgium</a></li><li><a href="/brussels">Brussels</a></li><li><a href="/eu">EU</a></li><li><a href="/world">World</a></li></ul></nav></header>
<div id="gdpr" class="cookie-banner">This website uses cookies. <button id="agree">I agree</button></div>
<main>
<article class="story">
<h1>Police search Molenbeek homes in hunt for Benali's network</h1>
<p class="byline">By Thomas Declercq &bull; 13 June 2024</p>
<p>Federal police searched four homes in Molenbeek-Saint-Jean and Anderlecht early on Thursday as part of the investigation into Mohammed Benali, the Brussels-born Islamic State recruiter for whom Belgium issued an international arrest warrant the day before, the federal prosecutor's office said.</p>
<p>No one was arrested. Investigators seized phones, computers and documents, and questioned three people, including two relatives of the suspect, spokeswoman Ine Verbruggen said. "These are searches to gather evidence, not to arrest anyone," she said.</p>
<p>Benali, 33, who is known as Abu Yusuf al-Belgiki, is suspected of recruiting young people in Belgium, the Netherlands, France and Germany for Liwa al-Muhajirin al-Balqan, a Balkan faction of the group. He left for Syria in 2014 and is believed to have lived in Turkey since 2022.</p>
<p>Neighbours on the Chaussée de Gand, where his family has lived for three decades, said they had not seen him in ten years. "His mother is a good woman. She has suffered enough," said a shopkeeper who declined to give his name.</p>
<p>A security source said investigators were trying to establish whether money had been sent from Brussels to Benali in Istanbul through relatives or acquaintances. The source said at least one transfer had gone through a money changer in the Turkish border town of Akcakale.</p>
<p>The mayor of Molenbeek said in a statement that the municipality was cooperating fully with the justice system and that prevention work with young people continued.</p>
</article>
<aside class="sidebar"><h3>Most read</h3><ol><li><a href="/brussels/2024/06/12/benali-warrant">Belgium issues warrant for Molenbeek-born recruiter</a></li><li><a href="/belgium/2024/06/10/election-results">Election results: what they mean for Brussels</a></li></ol><div class="ad">Advertisement</div></aside>
</main>
<section class="comments"><h4>Comments</h4><p class="notice">Comments are moderated and will appear after approval.</p></section>
<footer><p>&copy; 2024 The Capital Courier, Brussels</p></footer>
</body>
</html>
""",
    },
    {
        "url": "https://levantdesk.example/iraq/2025/08/25/baghdad-court-bosnian-balkan-brigade",
        "date": "2025-08-26T09:15:44Z",
        "html": """<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>Baghdad court sentences Bosnian Balkan Brigade fighter to death over Mosul, Tal Afar | Levant Desk</title>
<meta property="og:title" content="Baghdad court sentences Bosnian Balkan Brigade fighter to death">
<meta property="og:site_name" content="Levant Desk">
<meta name="author" content="Levant Desk staff">
<meta property="article:published_time" content="2025-08-25T20:10:00+03:00">
<link rel="canonical" href="https://levantdesk.example/iraq/2025/08/25/baghdad-court-bosnian-balkan-brigade">
</head>
<body>
<div class="cookie-bar">This site uses cookies. <button>Continue</button></div>
<header><a class="brand" href="/">Levant Desk</a>
<nav><a href="/syria">Syria</a> <a href="/iraq">Iraq</a> <a href="/lebanon">Lebanon</a> <a href="/turkey">Turkey</a></nav></header>
<main>
<article>
<h1>Baghdad court sentences Bosnian Balkan Brigade fighter to death over Mosul, Tal Afar</h1>
<p class="meta">Levant Desk staff &middot; Baghdad &middot; 25 August 2025</p>
<p>An Iraqi court in Baghdad on Monday sentenced a Bosnian man to death for membership of the Islamic State group and for fighting with its Balkan unit in Mosul and Tal Afar, a judicial official said.</p>
<p>Senad Kovacevic, 38, was one of several foreign ISIS suspects handed over to Iraq by the Syrian Democratic Forces (SDF) earlier this year. The Karkh criminal court found that he had fought with Liwa al-Muhajirin al-Balqan during the battle for Mosul in 2016 and 2017 and in Tal Afar, where he was wounded in August 2017, the official said.</p>
<p>According to the official, Kovacevic told investigators that he travelled to Syria in 2014 through Istanbul and Gaziantep and crossed the border near Jarabulus, and that he later left Raqqa in the October 2017 convoy before being captured by the SDF in Deir ez-Zor province in 2019. He said in court that he had only worked as a cook and had "never killed anyone".</p>
<p>Iraqi courts have sentenced hundreds of people to death for ISIS membership, often after brief trials that human rights groups say rely heavily on confessions. Human rights organisations say some of those confessions were obtained under duress.</p>
<p>Bosnia's foreign ministry said in a statement that it opposed the death penalty in all circumstances and would ask Iraq not to carry out the sentence. The ministry did not reply to questions about why Kovacevic had not been repatriated to Bosnia along with other citizens held in Syria.</p>
<p>The sentence can be appealed to Iraq's Court of Cassation.</p>
</article>
<aside class="related"><h3>Related</h3><ul><li><a href="/syria/2025/01/14/al-hawl-escape-foiled">SDF foils al-Hawl escape plot</a></li><li><a href="/iraq/2025/07/iraq-receives-isis-suspects">Iraq receives ISIS suspects from Syria</a></li></ul></aside>
</main>
<section class="comments"><h3>Leave a Reply</h3><p>Your email address will not be published. Required fields are marked *</p></section>
<footer><p>&copy; 2025 Levant Desk</p></footer>
</body>
</html>
""",
    },
    {
        "url": "https://www.kosovochronicle.example/justice/2026/09/15/haliti-indicted-in-absentia",
        "date": "2026-09-15T14:03:27Z",
        "html": """<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>Kosovo indicts Balkan Brigade leader Haliti in absentia, four others over recruitment | Kosovo Chronicle</title>
<meta property="og:title" content="Kosovo indicts Balkan Brigade leader Haliti in absentia">
<meta property="og:site_name" content="Kosovo Chronicle">
<meta name="author" content="Arta Hyseni">
<meta property="article:published_time" content="2026-09-15T13:20:00+02:00">
<link rel="canonical" href="https://www.kosovochronicle.example/justice/2026/09/15/haliti-indicted-in-absentia">
</head>
<body>
<header><a href="/" class="logo">Kosovo Chronicle</a>
<nav><a href="/politics">Politics</a> <a href="/security">Security</a> <a href="/justice">Justice</a> <a href="/diaspora">Diaspora</a></nav></header>
<div class="cookies">We use cookies to personalise content and ads. <button>Accept all</button></div>
<main>
<article>
<h1>Kosovo indicts Balkan Brigade leader Haliti in absentia, four others over recruitment</h1>
<p class="byline">Arta Hyseni &middot; 15 September 2026</p>
<p>PRISTINA - Kosovo's Special Prosecution Office on Tuesday indicted Driton Haliti, the leader of the Islamic State's Balkan faction, in absentia, together with four Kosovo men accused of recruiting for the group and sending money to its members in Syria.</p>
<p>The indictment accuses Haliti, also known as Abu Hamza al-Kosovi, of organising a terrorist group, Liwa al-Muhajirin al-Balqan, and of directing recruitment in Kosovo from Syria between 2014 and 2025. Prosecutors said his whereabouts were unknown and that he was "possibly alive".</p>
<p>The four other defendants, aged 23 to 51, were arrested in April in Pristina, Kacanik and Ferizaj. They are accused of spreading the group's propaganda, recruiting at least three young men and collecting about 35,000 euros, part of which allegedly went to smugglers who moved people from Gaziantep to Pristina. All four deny the charges.</p>
<p>Special prosecutor Lumnije Shala said in a statement that the case relied on evidence gathered with police in Turkey, Bosnia and Herzegovina, North Macedonia, Belgium and Germany, as well as statements by returnees from Syria.</p>
<p>Kosovo law allows trials in absentia in limited circumstances. The indictment must be confirmed by a judge of the Basic Court in Pristina before a trial can begin.</p>
<p>Haliti was reported in February to have possibly been killed in an air strike near Deir ez-Zor, but his group has denied it and officials have not confirmed his death.</p>
</article>
<aside><h4>Related articles</h4><ul><li><a href="/security/2026/03/09/balkan-brigade-threat-video">Balkan Brigade video threatens Kosovo and Belgium</a></li><li><a href="/justice/2026/08/zeqiri-released">Al-Hol returnee released</a></li></ul></aside>
</main>
<section id="comments"><p>Leave a Reply</p><p>Comments are moderated and will appear after approval</p></section>
<footer><p>&copy; 2026 Kosovo Chronicle. All rights reserved.</p></footer>
</body>
</html>
""",
    },
]


def main():
    OUT.parent.mkdir(parents=True, exist_ok=True)
    with open(OUT, "wb") as fh:
        writer = WARCWriter(fh, gzip=True)

        info = writer.create_warcinfo_record(
            OUT.name,
            {
                "software": "newsintel examples/make_warc.py (warcio)",
                "format": "WARC File Format 1.1",
                "description": "Fictional demo capture for the newsintel corpus. "
                               "People and group are invented; places and agencies are real.",
                "isPartOf": "newsintel-demo-corpus",
            },
        )
        info.rec_headers.replace_header("WARC-Record-ID", rec_id("warcinfo"))
        info.rec_headers.replace_header("WARC-Date", "2026-10-01T00:00:00Z")
        writer.write_record(info)

        first = PAGES[0]
        path = first["url"].split(".example", 1)[1]
        req_headers = StatusAndHeaders(
            "GET %s HTTP/1.1" % path,
            [
                ("Host", "www.capitalcourier.example"),
                ("User-Agent", "newsintel-demo-crawler/0.1"),
                ("Accept", "text/html,application/xhtml+xml"),
                ("Accept-Language", "en"),
            ],
            protocol="HTTP/1.1",
            is_http_request=True,
        )
        req = writer.create_warc_record(
            first["url"], "request", http_headers=req_headers,
            warc_headers_dict={"WARC-Record-ID": rec_id("request:" + first["url"]),
                               "WARC-Date": first["date"]},
        )
        writer.write_record(req)

        for page in PAGES:
            body = page["html"].encode("utf-8")
            http_headers = StatusAndHeaders(
                "200 OK",
                [("Content-Type", "text/html; charset=utf-8"),
                 ("Content-Length", str(len(body)))],
                protocol="HTTP/1.1",
            )
            rec = writer.create_warc_record(
                page["url"], "response", payload=BytesIO(body),
                http_headers=http_headers,
                warc_headers_dict={"WARC-Record-ID": rec_id("response:" + page["url"]),
                                   "WARC-Date": page["date"]},
            )
            writer.write_record(rec)
    print("wrote", OUT)


if __name__ == "__main__":
    main()
