"""Claims from round 3 of the audit (issue 12): statements that are none ("the footage shows", a caption's noun
"show", a reason cited, the writer's guess at a belief) and contents that are no quote (only the addressee, only a
gist such as "expressed her sympathy"). Each category both ways.

Every sentence here is written for these tests."""

from helpers import record


def claims(text: str) -> list[dict]:
    return record(text)["claims"]


def cues(text: str) -> list[str]:
    return [c["cue"] for c in claims(text)]


# -- "X shows": evidence states, a scene or a caption does not -------------------------------------------------------

def test_footage_showing_a_scene_is_no_statement():
    assert "shows" not in cues("Security camera footage shows two men running from the bank.")


def test_a_caption_noun_show_is_no_statement():
    assert "show" not in cues("Photos: The harbour festival parade show Fireworks light up the bay as the band plays.")


def test_figures_and_polls_showing_something_are_statements():
    (claim,) = claims("Official figures show that unemployment rose to 6 percent in March.")
    assert claim["content"].startswith("that unemployment rose")
    assert "show" in cues("New polls show the governor trailing her rival by ten points.")


# -- "citing X": a source vouches, a reason does not ---------------------------------------------------------------

def test_citing_a_reason_gives_no_claim():
    assert claims("Brightline canceled its contract two months later, citing supply problems.") == []


def test_citing_officials_is_a_source():
    (claim,) = claims("The ferry service was suspended on Monday, citing port officials.")
    assert claim["speaker"]["text"].endswith("officials") and "ferry service was suspended" in claim["content"]


# -- the writer's guess at a belief ----------------------------------------------------------------------------------

def test_may_still_believe_is_the_writers_guess():
    assert claims("The city's leaders may still believe the bridge is worth the cost.") == []


def test_believes_is_still_a_hedged_claim():
    (claim,) = claims("Mayor Tilda Reyes believes the bridge is worth the cost.")
    assert claim["modality"] == "hedged" and claim["content"] == "the bridge is worth the cost"


# -- content that is only a gist or only the addressee ----------------------------------------------------------------

def test_expressed_sympathy_is_a_gist_not_a_statement():
    assert claims("Mayor Tilda Reyes expressed her sympathy on Twitter.") == []
    assert claims("But other engineers stressed caution over speed.") == []


def test_expressed_concern_with_a_clause_or_a_stance_is_a_statement():
    (claim,) = claims("Mayor Tilda Reyes expressed concern that the bridge would not reopen.")
    assert claim["content"] == "concern that the bridge would not reopen"
    (claim,) = claims("The head of the farmers' union, Ida Brun, voiced opposition to the new levy.")
    assert claim["content"].startswith("opposition")


def test_told_visiting_officials_keeps_what_was_told_not_the_addressee():
    (claim,) = claims("Mayor Tilda Reyes told visiting Danish officials they would need to wait until spring.")
    assert claim["content"] == "they would need to wait until spring"


def test_told_reporters_keeps_the_clause():
    (claim,) = claims("Mayor Tilda Reyes told reporters the bridge would reopen in June.")
    assert claim["content"] == "the bridge would reopen in June"


def test_a_website_showing_figures_is_a_statement():
    text = "Copper traded at $9,000 a tonne on Friday, the exchange's website showed."
    (claim,) = [c for c in claims(text) if c["cue"] == "showed"]
    assert claim["content"].startswith("Copper traded")


def test_a_citing_clause_is_not_the_speaker_of_the_quotation():
    text = ("Citing the treaty with Peru and the size of the navy, Admiral Rosa Lind said, "
            "\u201cI can say that today there is no threat to the country.\u201d")
    assert all(c["speaker"]["text"].lower() != "citing" for c in claims(text))


# -- a document issued by someone: the issuer speaks ------------------------------------------------------------------

def test_a_release_from_the_aquarium_is_the_aquariums_statement():
    (claim,) = claims("Two keepers were treated for bites, according to a news release from the aquarium.")
    assert claim["speaker"]["text"] == "aquarium" and claim["speaker"]["entity"] is None


def test_a_statement_from_a_named_zoo_stays_linked_to_the_zoo():
    text = "A statement from the Pantheon Zoo said the girl was unhurt."
    (claim,) = claims(text)
    names = {e["id"]: e["name"] for e in record(text)["entities"]}
    assert names.get(claim["speaker"]["entity"]) == "Pantheon Zoo"


def test_a_message_without_an_issuer_keeps_the_message():
    (claim,) = claims("A brief message posted on the door said the shop would reopen on Monday.")
    assert claim["speaker"]["text"].endswith("message")


# -- content that runs into the writer's words ------------------------------------------------------------------------

def test_a_comma_and_as_ends_what_police_said():
    (claim,) = claims("Police said a large cache of rifles was found in the van, as rival gangs celebrated the attack.")
    assert claim["content"] == "a large cache of rifles was found in the van"


def test_as_without_a_comma_may_be_part_of_what_was_said():
    (claim,) = claims("Police said a large cache of rifles was found in the van as officers searched it.")
    assert claim["content"].endswith("as officers searched it")


def test_saying_and_suggesting_are_two_statements_of_one_speaker():
    text = ("The ministry rejected the claims, saying the report had nothing to do with the minister and suggesting "
            "it was part of a smear campaign.")
    said = {c["cue"]: c for c in claims(text)}
    assert said["saying"]["content"] == "the report had nothing to do with the minister"
    assert said["suggesting"]["speaker"]["text"] == "ministry"
    assert said["suggesting"]["content"] == "it was part of a smear campaign"


# -- page furniture ---------------------------------------------------------------------------------------------------

def test_a_headline_link_list_gives_no_claim():
    text = ("The council met on Monday.\nCity Desk: Farmers oppose levy over water rights | Senators call for a port "
            "inquiry | Bakers get questions over flour prices | Storm hits coast\n"
            "The mayor said the port would reopen.")
    assert [c["cue"] for c in claims(text)] == ["said"]


def test_a_line_with_one_bar_still_gives_claims():
    text = ("The council met on Monday.\nTrade news | The mayor said the port would reopen in June once the harbour "
            "walls, damaged in the winter storms, had been repaired by the regional works department.\n")
    assert "said" in [c["cue"] for c in claims(text)]


def test_a_photos_line_gives_no_claim():
    text = "The parade ended at noon.\nPhotos: The mayor says goodbye to the crowd as the band plays.\n"
    assert claims(text) == []


def test_a_dash_and_the_writers_aside_end_the_content():
    (claim,) = claims("The mayor says her approach has created jobs \u2014 and in some cases, she is right.")
    assert claim["content"] == "her approach has created jobs"


def test_a_coordinated_clause_without_a_dash_stays_in_the_content():
    (claim,) = claims("The mayor says her approach has created jobs and wages have risen.")
    assert claim["content"] == "her approach has created jobs and wages have risen"


# -- a capital speaking for its government ----------------------------------------------------------------------------

def test_a_city_speaking_is_shown_as_written_and_linked_to_no_town():
    (claim,) = claims("Pyongyang says its missile program is its only means of defence.")
    assert claim["speaker"]["text"] == "Pyongyang" and claim["speaker"]["entity"] is None


def test_a_country_speaking_stays_linked():
    text = "Japan says its missile defences are ready."
    (claim,) = claims(text)
    names = {e["id"]: e["name"] for e in record(text)["entities"]}
    assert names.get(claim["speaker"]["entity"]) == "Japan"


# -- a person named after two titles ----------------------------------------------------------------------------------

def test_two_titles_before_a_name_are_the_named_person():
    text = "Former banker and self-taught investor Tomas Lind suggests keeping a year of expenses in cash."
    (claim,) = claims(text)
    names = {e["id"]: e["name"] for e in record(text)["entities"]}
    assert names.get(claim["speaker"]["entity"]) == "Tomas Lind"


def test_a_described_person_and_a_named_one_are_two_speakers_not_the_name():
    text = "The banker and Tomas Lind said the fund would close in May."
    (claim,) = claims(text)
    names = {e["id"]: e["name"] for e in record(text)["entities"]}
    assert names.get(claim["speaker"]["entity"]) != "Tomas Lind"
