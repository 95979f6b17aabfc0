"""Photo credits, map labels and capitalised common nouns are no names (issue 12, session 25): the caption and
graphic rules of data/boilerplate.yaml and clean/text.py (scraped text) and the generic-people rule of
nlp/type_fixes.py. Sentences and lines written for these tests."""

import pytest

from newsintel.clean.text import clean_text, is_junk, without_furniture
from tests.helpers import events_of, record
from tests.test_entity_types import _fixed

# -- captions led by an agency credit, graphics flattened into a line (clean) ------------------------------------


@pytest.mark.parametrize(
    ("line", "caption"),
    [
        ("Reuters Crowds gathered outside the stadium long after the final whistle",
         "Crowds gathered outside the stadium long after the final whistle"),
        ("AFP Police cordoned off the harbour road in Marlow before dawn",
         "Police cordoned off the harbour road in Marlow before dawn"),
        ("EPA Firefighters work through the night at the depot in Halden",
         "Firefighters work through the night at the depot in Halden"),
        ("EFE Mourners leave flowers near the bridge on Sunday", "Mourners leave flowers near the bridge on Sunday"),
        ("AP Officers escort a handcuffed man out of the court building",
         "Officers escort a handcuffed man out of the court building"),
        ("EPA-EFE Divers search the lake near Halden on Monday", "Divers search the lake near Halden on Monday"),
        ("Reuters Defiant... The union leader addresses strikers at the gates",
         "Defiant... The union leader addresses strikers at the gates"),
    ],
)
def test_a_caption_loses_the_credit_it_starts_with(line, caption):
    assert not is_junk(line, scraped=True)
    assert without_furniture(line) == caption


@pytest.mark.parametrize(
    "line",
    [
        "BRIDGE ST. MARKET HALL 3 2 Riders fled this way EAST By The New York Times",
        "OLD PIER FERRY GATE The van stopped near the gate. Graphic by Ana Ruiz | Source: port authority",
    ],
)
def test_a_flattened_map_or_graphic_is_furniture(line):
    assert is_junk(line, scraped=True)
    assert not is_junk(line)  # HTML text keeps to the general rules


@pytest.mark.parametrize(
    "line",
    [
        "Reuters reported that the convoy had been stopped at the border",
        "EPA Administrator Lena Marsh said on Monday that the rule would stay.",
        "AP Stylebook editors changed the entry in March.",
        "Reuters Breakingviews",  # no sentence after the name: left to the NER rules
        "Reuters TV showed the convoy crossing the bridge",  # the agency's own service
        "EPA Chief Quits Over Spending",  # a headline in title case, no caption
        "The attack was described in a report by The New York Times",
        "Trucks waited at the NORTH GATE for hours, drivers said.",
    ],
)
def test_sentences_that_start_with_an_agency_or_mention_a_paper_stay(line):
    assert not is_junk(line, scraped=True)
    assert without_furniture(line) == line


def test_a_credit_led_caption_among_paragraphs_loses_its_credit_and_the_article_stays():
    body = ("Workers at the Halden depot walked out on Tuesday over unpaid wages, the union said.\n\n"
            "The company said talks with the workers would resume on Thursday at the town hall, and that no "
            "deliveries had been cancelled so far.\n\n"
            "Reuters People queue outside the depot gates in Halden\n\n"
            "Reuters said the strike would last at least a week.")
    text = clean_text(body, scraped=True)
    assert "Reuters People" not in text and "\n\nPeople queue outside the depot gates" in text
    assert "walked out on Tuesday" in text and "Reuters said the strike" in text
    assert "Reuters People" in clean_text(body)  # HTML text keeps to the general rules


# -- capitalised common nouns typed PERSON (type_fixes) -----------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "span"),
    [
        ("Gunmen stormed the clinic in Halden before dawn.", "Gunmen"),
        ("Suspect fled on foot towards the river.", "Suspect"),
        ("Police sealed the square on Sunday.", "Police"),
        ("Witnesses said the van swerved twice.", "Witnesses"),
        ("The Attacker was never identified.", "The Attacker"),
    ],
)
def test_a_capitalised_common_noun_typed_person_is_no_name(text, span):
    assert _fixed(text, [(span, "PERSON")]) == []


@pytest.mark.parametrize(
    ("text", "spans", "kept"),
    [
        # a surname that is also a common noun, once the report gives the full name
        ("Driver said the crossing was calm, according to the ferry's owner, Tom Driver.",
         [("Driver", "PERSON"), ("Tom Driver", "PERSON")], "Driver"),
        # a name that only begins like a common noun
        ("Gunnar Holm and Ada Gunn met in Oslo.", [("Gunnar Holm", "PERSON"), ("Ada Gunn", "PERSON")], "Ada Gunn"),
        ("Police Chief Lena Marsh spoke first.", [("Lena Marsh", "PERSON")], "Lena Marsh"),
    ],
)
def test_real_names_beside_common_nouns_stay_people(text, spans, kept):
    assert (kept, "PERSON") in _fixed(text, spans)


def test_a_credit_run_into_a_common_noun_is_the_credit_alone():
    text = "Reuters People queued at the gates of the depot."
    assert _fixed(text, [("Reuters People", "PERSON")]) == [("Reuters", "ORG")]


def test_the_agency_named_in_a_sentence_stays_an_organisation():
    text = "Reuters reported the raid on Monday."
    assert _fixed(text, [("Reuters", "ORG")]) == [("Reuters", "ORG")]


def test_a_capitalised_common_noun_stays_an_unnamed_actor_of_the_event():
    text = ("A car bomb exploded outside a police station in Halden on Tuesday, officials said.\n\n"
            "Gunman attacked the station after the blast, firing at the guards.")
    people = [e for e in record(text)["entities"] if e["type"] == "PERSON"]
    assert not any(e["name"] == "Gunman" for e in people)
    attacks = [e for e in events_of(text, "ATTACK") if e["trigger"] == "attacked"]
    assert attacks and all(a["kind"] != "named" for e in attacks for a in e["actors"])


def test_an_embedded_post_keeps_its_caption_and_loses_its_byline():
    line = "Lanterns over the harbour A post shared by Ana Ruiz (@ana.ruiz) on Jun 3, 2019 at 9:14pm PDT"
    assert without_furniture(line) == "Lanterns over the harbour"
    assert is_junk("A post shared by Ana Ruiz (@ana.ruiz) on Jun 3, 2019 at 9:14pm PDT", scraped=True)


def test_captions_run_into_one_line_each_led_by_its_credit_are_furniture():
    line = ("Getty Images Crowds gathered near the pier in the evening Getty Images Officers checked bags at the gates "
            "as the square filled up and more people arrived from the station Reuters Members of a choir sang near the "
            "fountain while others left flowers at the gates and candles on the steps of the town hall")
    assert len(line) > 300 and is_junk(line, scraped=True)
    sentence = ("Getty Images CEO Ana Ruiz said the agency would buy a rival in a deal announced on Monday in New "
                "York, to the surprise of many in the industry who had expected a bid from another quarter of the "
                "market entirely, and analysts at banks in London and Paris agreed, while Reuters Breakingviews said "
                "the deal looked cheap.")
    assert len(sentence) > 300 and not is_junk(sentence, scraped=True)
