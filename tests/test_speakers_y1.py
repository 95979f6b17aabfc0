"""Claim speakers (issue 12, task Y1): things are no speakers, and a description is linked to the earlier speaker
only when nothing suggests it is someone else. Each category both ways.

Every sentence here is written for these tests."""

from helpers import claim_by_cue as by_cue
from helpers import claim_cues as cues
from helpers import claims_of as claims
from helpers import record


def entity_name(text: str, cue: str) -> str | None:
    data = record(text)
    speaker = next(c for c in data["claims"] if c["cue"] == cue)["speaker"]
    return next((e["name"] for e in data["entities"] if e["id"] == speaker.get("entity")), None)


# -- a thing's participle is narration -----------------------------------------------------------------------------
def test_a_thing_whose_participle_reveals_is_no_speaker():
    assert "revealing" not in cues(
        "Since spring the survey ship has been hauling up tonnes of mud from the lake bed, revealing how the fish "
        "died.")


def test_a_body_whose_participle_reveals_keeps_the_claim():
    claim = by_cue("The ministry published its yearly figures on Monday, revealing that exports fell by a third.",
                   "revealing")
    assert claim["speaker"]["text"] == "ministry"


# -- "according to" a bare thing --------------------------------------------------------------------------------
def test_according_to_a_bare_thing_names_no_source():
    assert "according to" not in cues("The drone can change its height according to chosen route and weather.")


def test_according_to_a_determined_source_keeps_the_claim():
    assert by_cue("Rents in the old town rose by a fifth last year, according to the report.",
                  "according to")["speaker"]["text"] == "report"


# -- naming, not saying -------------------------------------------------------------------------------------------
def test_also_called_is_a_naming_not_a_claim():
    assert "called" not in cues(
        "The breach hit Delmar Ltd., a Norvik subsidiary also called Norvik Payroll Services, where thieves stole tax "
        "forms.")


def test_called_with_an_object_keeps_the_claim():
    assert "called" in cues("The mayor called the new tax a disgrace.")


def test_a_pen_name_is_no_claim():
    assert "wrote" not in cues("Her uncle, the late Oscar Lindqvist, who wrote as Erik Stone, died in 2004.")


def test_writing_a_clause_keeps_the_claim():
    assert "wrote" in cues("Lindqvist wrote that the harbour would flood within a decade.")


# -- a description after someone else is named ------------------------------------------------------------------
def test_a_role_noun_is_not_the_last_speaker_when_another_person_was_named_since():
    text = ("In a radio interview, Clara Voss said she had worried about the stunt, but that Tom Hale had "
            "talked her into it. Speaking to a podcast, the director said the stunt had looked safe.")
    claim = [c for c in claims(text) if c["cue"] == "said"][-1]
    assert claim["speaker"]["text"] == "director"
    assert claim["speaker"].get("entity") is None


def test_a_role_noun_continues_the_last_speaker_when_no_one_else_is_named():
    text = ("In a radio interview, Clara Voss said she had worried about the stunt. Speaking to a podcast, "
            "the director said the stunt had looked safe.")
    data = record(text)
    claim = [c for c in data["claims"] if c["cue"] == "said"][-1]
    names = {e["id"]: e["name"] for e in data["entities"]}
    assert names.get(claim["speaker"].get("entity")) == "Clara Voss"


def test_a_participle_calling_something_keeps_the_claim():
    assert "calling" in cues('Senator Ada Quint attacked the budget, calling it "a reckless gamble" with pensions.')


def test_a_named_body_whose_participle_tweets_keeps_the_claim():
    assert "tweeting" in cues(
        'Nearby Crystal Palace football also sent condolences, tweeting: "We are thinking of everyone hurt today."')


def test_a_participle_after_a_head_named_in_apposition_keeps_the_claim():
    assert "calling" in cues(
        "The leader of the Green Party, Mira Holt, voiced anger at the ruling, calling it a blow to the coast.")
