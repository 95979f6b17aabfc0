"""Claims (issue 12, session 25): the writer's narration is no claim, and a described speaker is shown as fully as
its sentence names it. Each category both ways where it has two.

Every sentence here is written for these tests."""

from helpers import claim_by_cue as by_cue
from helpers import claim_cues as cues
from helpers import claims_of as claims


# -- the writer's narration ----------------------------------------------------------------------------------------
def test_a_thing_revealing_a_noun_is_narration_not_a_claim():
    assert "revealed" not in cues("The bright costumes of the festival dancers revealed an even more joyful side!")
    assert "reveal" not in cues("The colourful murals of the old station reveal a proud past.")


def test_a_body_or_a_document_revealing_a_noun_keeps_its_claim():
    assert "revealed" in cues("The ministry revealed its plans for the new port on Monday.")
    assert "revealed" in cues("Court records revealed payments to three consultants in 2019.")


def test_advice_to_anyone_who_considers_something_is_no_claim():
    assert "considering" not in cues("Let this be a lesson to anyone who may be considering buying a boat in winter.")
    assert "says" not in cues("Anybody who says the bridge is safe has not crossed it in a storm.")


def test_a_named_speaker_who_considers_something_keeps_the_claim():
    assert "considers" in cues("The minister considers the tax a mistake, her office said.")


# -- a content that runs on into a second speaker's attribution ----------------------------------------------------
def test_according_to_content_stops_before_a_closing_said_with_its_own_speaker():
    text = "The ship sank in minutes, according to the coast guard, said John Smith, a spokesman for the port."
    according = by_cue(text, "according to")
    assert according["content"] == "The ship sank in minutes"
    assert by_cue(text, "said")["speaker"]["text"] == "John Smith"


def test_according_to_content_without_a_closing_said_is_unchanged():
    text = "The ship sank in minutes after it hit the rocks, according to the coast guard."
    assert by_cue(text, "according to")["content"] == "The ship sank in minutes after it hit the rocks"


# -- speakers shown as fully as the sentence names them -------------------------------------------------------------
def test_a_ministry_keeps_its_portfolio():
    text = "Two nurses died in the fire, said the department of public health."
    assert by_cue(text, "said")["speaker"]["text"] == "department of public health"


def test_a_ministry_of_a_named_place_keeps_only_its_own_words():
    text = "The ministry of Ghana said two nurses died in the fire."
    assert "fire" not in by_cue(text, "said")["speaker"]["text"]


def test_a_restricting_participle_stays_with_the_speaker():
    text = "Thousands of homes lost power, according to a group representing farmers in Oregon."
    assert by_cue(text, "according to")["speaker"]["text"] == "group representing farmers in Oregon"
    text = "The captain knew about the leak, according to emails obtained by the newspaper."
    assert by_cue(text, "according to")["speaker"]["text"] == "emails obtained by the newspaper"


def test_a_participle_outside_the_list_is_not_taken_into_the_speaker():
    text = "Officials wearing masks said the road would reopen on Friday."
    assert by_cue(text, "said")["speaker"]["text"] == "Officials"


def test_a_nationality_in_apposition_is_not_the_speaker():
    text = "One passenger, a Canadian who was sitting near the door, said the pilot shouted at the crew."
    speaker = by_cue(text, "said")["speaker"]
    assert speaker["text"].endswith("passenger, a Canadian")
    assert speaker.get("entity") is None


def test_a_name_in_apposition_is_still_the_speaker():
    text = "His neighbour, Maria Lopez, said the house had been empty for weeks."
    assert by_cue(text, "said")["speaker"]["text"] == "Maria Lopez"


def test_a_post_on_someones_page_shows_whose_page():
    text = 'A post on the union\'s Facebook page said it was "very pleased" with the offer.'
    assert by_cue(text, "said")["speaker"]["text"] == "post on the union's Facebook page"


# -- "he said" after a sentence opened by a name the tagger missed ------------------------------------------------
def _pronoun_speaker(text: str) -> dict:
    return next(c for c in claims(text) if c["content"].startswith("I'm still"))["speaker"]


def test_he_said_after_a_missed_name_opens_a_sentence_is_not_the_earlier_speaker():
    text = ('Rebel leader Omar Haddad urged: "Burn their fields and leave nothing."\n'
            "Local shopkeeper Anvesh Lurati saw the crash with his sister.\n"
            "Anvesh and his family managed to escape and leave the area.\n"
            'He said: "I\'m still shaking."')
    speaker = _pronoun_speaker(text)
    assert "Haddad" not in speaker["text"]
    assert speaker.get("unresolved")


def test_he_said_after_a_sentence_opened_by_a_common_word_continues_the_speaker():
    text = ('Rebel leader Omar Haddad urged: "Burn their fields and leave nothing."\n'
            "Apparently the message reached many in the region.\n"
            'He said: "I\'m still shaking."')
    assert "Haddad" in _pronoun_speaker(text)["text"]


def test_an_examination_revealing_a_finding_keeps_its_claim():
    assert "revealed" in cues("The autopsy revealed a fracture at the base of the skull.")


# -- a work named by who made it ------------------------------------------------------------------------------------
def test_a_song_someone_wrote_is_no_claim():
    text = "But there was no avoiding “Keep the Lights On!,” the relentlessly cheerful single she wrote for the film."
    assert "wrote" not in cues(text)


def test_a_relative_clause_with_a_statement_of_its_own_keeps_its_claim():
    text = "The claims, which the mayor said were false, spread quickly online."
    assert "said" in cues(text)


def test_a_participle_the_parse_hung_on_a_body_is_not_taken_into_the_speaker():
    text = "The report that the agency released on Monday said the dam was safe."
    assert all("released" not in c["speaker"]["text"] for c in claims(text))


def test_an_envoy_keeps_where_it_is_sent_and_a_court_where_it_sits():
    text = "The Dutch Ambassador to the United Nations said on Friday that the draft resolution was dead."
    assert by_cue(text, "said")["speaker"]["text"] == "Dutch Ambassador to the United Nations"
    text = "The court in Munich said earlier this week that the driver had lied."
    assert by_cue(text, "said")["speaker"]["text"] == "court in Munich"


def test_a_body_in_an_unnamed_place_stays_as_written():
    text = "The police in the city said the road was closed."
    assert by_cue(text, "said")["speaker"]["text"] == "police"


def test_threatening_someone_with_something_is_a_threat_not_a_claim():
    assert "threatening" not in cues('The lawyers replied that the reporter was threatening them with "wild claims '
                                     'from unnamed people."')


def test_a_threat_with_a_clause_keeps_its_claim():
    assert "threatened" in cues("The governor threatened that the state would sue the company.")
