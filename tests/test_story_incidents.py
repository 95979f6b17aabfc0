"""Stories keep similar but different incidents apart and join reports of one incident written differently.

Every report below was written for this test, in wire style. Each DIFFERENT pair is two incidents of one kind that
share most words and places (two earthquakes in one province a year apart, two arrests of different people in one
city, two launches by one company, two tram crashes in two cities ...); each SAME pair is one incident told by two
outlets. Some reports carry no publication date: their date is the one their text states, or unknown. All reports
go into one store in publication order (undated ones last, as a feed without dates arrives), so a report may also
join through a third one."""

import pytest

from newsintel.model import Failure, RawDocument
from newsintel.pipeline import process_batch
from newsintel.resolve.story_incidents import date_factor, days_apart, stated_date
from newsintel.store import connect, save_record

REPORTS = {
    # Earthquakes in one Turkish province a year apart (dated).
    "quake-2023": ("2023-03-14", "Strong earthquake shakes Malatya in eastern Turkey",
                   "A magnitude 5.6 earthquake struck Malatya province in eastern Turkey on Tuesday, damaging "
                   "dozens of buildings and sending residents into the streets, the disaster agency AFAD said. "
                   "Interior Minister Suleyman Soylu said 14 people were injured and search teams were checking "
                   "collapsed homes in the Yesilyurt district."),
    "quake-2023-other": ("2023-03-15", "Turkey: 14 hurt as quake damages homes in Malatya",
                         "Fourteen people were hurt when a 5.6-magnitude quake hit the eastern province of Malatya "
                         "on Tuesday, Turkey's AFAD emergency agency reported. Rescuers searched damaged houses in "
                         "Yesilyurt, where several old buildings collapsed, Suleyman Soylu told reporters."),
    "quake-2024": ("2024-03-19", "Earthquake rattles Malatya province, buildings damaged",
                   "A magnitude 5.9 earthquake shook Malatya province in eastern Turkey on Tuesday, damaging "
                   "buildings and sending frightened residents into the streets, the AFAD disaster agency said. "
                   "Officials said 11 people were injured and teams were inspecting homes in the Dogansehir "
                   "district."),
    # Earthquakes in one province, no publication date: the years are stated.
    "van-2022": (None, "Earthquake hits Van province in eastern Turkey",
                 "A magnitude 5.8 earthquake struck Van province in eastern Turkey on 9 November 2022, damaging "
                 "houses in several villages, the AFAD disaster agency said. Two people were injured and tents "
                 "were sent to the villages near Lake Van."),
    "van-2023": (None, "Quake damages villages in Turkey's Van province",
                 "A magnitude 5.4 earthquake struck Van province in eastern Turkey on 12 October 2023, damaging "
                 "houses in several villages, the AFAD disaster agency said. Three people were injured and tents "
                 "were sent to the villages near Lake Van."),
    # Two arrests in one city for the same crime, different people (dated, days apart).
    "lyon-dubois": ("2024-05-06", "Lyon police arrest man over cocaine trafficking",
                    "French police arrested Marc Dubois in Lyon on Monday on suspicion of cocaine trafficking, "
                    "prosecutors said. Officers found two kilograms of cocaine and cash in his flat in the city's "
                    "eighth district, the prosecutor's office said."),
    "lyon-dubois-other": (None, "Suspected cocaine dealer held in Lyon",
                          "Marc Dubois, 34, was arrested by police in Lyon on suspicion of trafficking cocaine, "
                          "the city prosecutor's office said. Two kilograms of the drug and a large sum in cash "
                          "were seized at his flat, it said."),
    "lyon-benhadj": ("2024-05-09", "Lyon police arrest man over cocaine trafficking",
                     "French police arrested Karim Benhadj in Lyon on Thursday on suspicion of cocaine trafficking, "
                     "prosecutors said. Officers found three kilograms of cocaine and cash in a garage in the "
                     "city's ninth district, the prosecutor's office said."),
    # Two arrests in one city for burglary, different people, no publication dates.
    "hamburg-keller": (None, "Hamburg police arrest suspected burglar",
                       "Police in Hamburg arrested Jonas Keller on suspicion of a series of burglaries on Tuesday, "
                       "a police spokesman said. Jewellery and laptops taken from homes in Altona were found in "
                       "his car, the spokesman said."),
    "hamburg-brandt": (None, "Hamburg police arrest suspected burglar",
                       "Police in Hamburg arrested Lukas Brandt on suspicion of a series of burglaries on Friday, "
                       "a police spokesman said. Jewellery and laptops taken from homes in Eimsbuettel were found "
                       "in his flat, the spokesman said."),
    # Two product launches by one company months apart (dated).
    "veltra-phone": ("2024-02-20", "Veltra unveils new Orion smartphone in Seoul",
                     "South Korean electronics maker Veltra unveiled its new Orion smartphone at an event in Seoul "
                     "on Tuesday, betting on a brighter screen and a longer battery life to win back buyers. The "
                     "phone goes on sale in South Korea next month, Veltra said."),
    "veltra-phone-other": ("2024-02-21", "Veltra bets on battery life with Orion phone",
                           "Veltra launched the Orion, its latest smartphone, in Seoul on Tuesday with a longer "
                           "battery life and a brighter screen, hoping to win back buyers. The Seoul-based company "
                           "said the phone will be sold in South Korea from next month."),
    "veltra-tablet": ("2024-09-10", "Veltra unveils new Halo tablet in Seoul",
                      "South Korean electronics maker Veltra unveiled its new Halo tablet at an event in Seoul on "
                      "Tuesday, betting on a lighter body and a longer battery life to win back buyers. The tablet "
                      "goes on sale in South Korea next month, Veltra said."),
    # Two launches by one company, no publication dates: the months are stated.
    "norda-2023": (None, "Norda launches electric van",
                   "Swedish carmaker Norda launched its first electric delivery van in Gothenburg in May 2023, "
                   "promising a range of 400 kilometres. The van will be built at the company's plant in "
                   "Gothenburg, Norda said."),
    "norda-2024": (None, "Norda launches electric van",
                   "Swedish carmaker Norda launched a larger electric delivery van in Gothenburg in June 2024, "
                   "promising a range of 450 kilometres. The van will be built at the company's plant in "
                   "Gothenburg, Norda said."),
    # Two bombings in one city months apart (dated).
    "quetta-jan": ("2024-01-10", "Bomb blast kills six in Quetta market",
                   "A bomb exploded in a crowded market in Quetta on Wednesday, killing six people and wounding "
                   "20, police in the Pakistani city said. No group has claimed the attack, said police officer "
                   "Abdul Razzaq."),
    "quetta-jan-other": ("2024-01-10", "Six dead in Quetta market bombing",
                         "Six people were killed and 20 wounded when a bomb went off in a busy Quetta market on "
                         "Wednesday, Pakistani police said. Police officer Abdul Razzaq said no one had claimed "
                         "responsibility for the blast."),
    "quetta-jun": ("2024-06-05", "Bomb blast kills four in Quetta market",
                   "A bomb exploded in a crowded market in Quetta on Wednesday, killing four people and wounding "
                   "15, police in the Pakistani city said. No group has claimed the attack, police said."),
    # Two ship collisions in one month, in two ports some 80 km apart (dated).
    "ships-rotterdam": ("2024-10-03", "Cargo ships collide off Rotterdam",
                        "ROTTERDAM, Netherlands (Reuters) - Two cargo ships collided near the port on Thursday, "
                        "spilling fuel into the North Sea, the Dutch coast guard said. None of the 40 crew "
                        "members was hurt, and tugs towed both vessels into the harbour."),
    "ships-antwerp": ("2024-10-11", "Cargo ships collide off Antwerp",
                      "ANTWERP, Belgium (Reuters) - Two cargo ships collided near the port on Friday, spilling "
                      "fuel into the Scheldt river, the Belgian maritime police said. None of the 40 crew "
                      "members was hurt, and tugs towed both vessels into the harbour."),
    # Two tram crashes on one day in two cities (dated).
    "tram-graz": ("2024-11-05", "Tram crash injures 12 in Austria",
                  "A tram collided with a bus in the Austrian city of Graz on Tuesday morning, injuring 12 "
                  "passengers, police said. The tram driver was taken to hospital and the line was closed for "
                  "several hours."),
    "tram-graz-other": ("2024-11-05", "Twelve hurt as tram hits bus in Graz",
                        "Twelve passengers were injured on Tuesday when a tram ran into a bus in Graz, Austrian "
                        "police said. The driver of the tram was taken to hospital and the line stayed closed for "
                        "hours."),
    "tram-linz": ("2024-11-05", "Tram crash injures 9 in Austria",
                  "A tram collided with a lorry in the Austrian city of Linz on Tuesday morning, injuring nine "
                  "passengers, police said. The tram driver was taken to hospital and the line was closed for "
                  "several hours."),
    # Shootings on one day in two cities, no publication dates.
    "shooting-malmo": (None, "Three killed in shooting at Swedish shopping centre",
                       "A gunman killed three people at a shopping centre in Malmo on Saturday, Swedish police "
                       "said. The suspect, a 19-year-old man, was detained at the scene, police said."),
    "shooting-malmo-other": (None, "Gunman kills three at Malmo mall",
                             "Three people were shot dead at a shopping centre in Malmo on Saturday and a 19-year-old "
                             "man was detained at the scene, police in southern Sweden said."),
    "shooting-uppsala": (None, "Three killed in shooting at Swedish shopping centre",
                         "A gunman killed three people at a shopping centre in Uppsala on Saturday, Swedish police "
                         "said. The suspect, a 22-year-old man, was detained at the scene, police said."),
    # Floods in two states of one country in one week (dated).
    "flood-bavaria": ("2024-06-03", "Floods force thousands from homes in Germany",
                      "Floods forced thousands of people from their homes in Bavaria on Monday after days of heavy "
                      "rain, officials said. Rivers burst their banks in several towns and rescuers used boats to "
                      "reach trapped residents."),
    "flood-saxony": ("2024-06-06", "Floods force thousands from homes in Germany",
                     "Floods forced thousands of people from their homes in Saxony on Thursday after days of heavy "
                     "rain, officials said. Rivers burst their banks in several towns and rescuers used boats to "
                     "reach trapped residents."),
}

# Pairs of similar but different incidents: never in one story.
DIFFERENT = [("quake-2023", "quake-2024"), ("quake-2023-other", "quake-2024"), ("van-2022", "van-2023"),
             ("lyon-dubois", "lyon-benhadj"), ("lyon-dubois-other", "lyon-benhadj"),
             ("hamburg-keller", "hamburg-brandt"), ("veltra-phone", "veltra-tablet"), ("norda-2023", "norda-2024"),
             ("quetta-jan", "quetta-jun"), ("ships-rotterdam", "ships-antwerp"), ("tram-graz", "tram-linz"),
             ("shooting-malmo", "shooting-uppsala"), ("flood-bavaria", "flood-saxony")]
# Pairs of reports of one incident written differently: one story.
SAME = [("quake-2023", "quake-2023-other"), ("lyon-dubois", "lyon-dubois-other"),
        ("veltra-phone", "veltra-phone-other"), ("quetta-jan", "quetta-jan-other"), ("tram-graz", "tram-graz-other"),
        ("shooting-malmo", "shooting-malmo-other")]


@pytest.fixture(scope="module")
def stories(tmp_path_factory):
    raws = [RawDocument(origin=name, format="json", raw_hash=name, text=text, title=title, published=published,
                        source=f"Wire {i % 3}") for i, (name, (published, title, text)) in enumerate(REPORTS.items())]
    records = dict(zip(REPORTS, process_batch(raws), strict=True))
    assert not any(isinstance(r, Failure) for r in records.values())
    conn = connect(tmp_path_factory.mktemp("incidents") / "s.db")
    for name in sorted(REPORTS, key=lambda n: (REPORTS[n][0] is None, REPORTS[n][0] or "", n)):
        save_record(conn, records[name], records[name].document.raw_hash)
    story = dict(conn.execute("SELECT document_id, story_id FROM story_docs"))
    return {name: story[record.document.id] for name, record in records.items()}


@pytest.mark.parametrize(("a", "b"), DIFFERENT, ids=[f"{a}/{b}" for a, b in DIFFERENT])
def test_similar_but_different_incidents_stay_apart(stories, a, b):
    assert stories[a] != stories[b]


@pytest.mark.parametrize(("a", "b"), SAME, ids=[f"{a}/{b}" for a, b in SAME])
def test_reports_of_one_incident_join(stories, a, b):
    assert stories[a] == stories[b]


def test_dates_stated_without_a_publication_date():
    assert stated_date("A quake struck Van on 9 November 2022, officials said.") == "2022-11-09"
    assert stated_date("Norda launched a van in June 2024.") == "2024-06-01/2024-06-30"
    assert stated_date("The attack in 2019 was the worst.") == "2019-01-01/2019-12-31"
    assert stated_date("Police arrested him on Tuesday, last March.") is None  # needs a publication date


def test_date_spans_apart_with_their_precision():
    day = (738000, 738000)
    assert days_apart(day, (737990, 738010)) == 0  # the day lies inside the span
    assert days_apart(day, (738030, 738030)) == 30
    assert days_apart((737790, 738154), (738155, 738520)) > 150  # two consecutive years are months apart
    cfg = {"tau_days": 30, "floor": 0.5, "far_days": 120, "far": 0.1, "undated": 0.75}
    assert date_factor(day, None, cfg) == 0.75  # unknown is not the same
    assert date_factor(day, day, cfg) == 1.0
    assert date_factor(day, (738400, 738400), cfg) == 0.1
