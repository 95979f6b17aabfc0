"""Claims from the sampled audit's error categories (issue 12 item 3): descriptions of named speakers, content
limited to what was said, statements that are none. Each category both ways.

Every sentence here is written for these tests."""

from helpers import record


def claims(text: str) -> list[dict]:
    return record(text)["claims"]


def entity_name(text: str, claim: dict) -> str | None:
    names = {e["id"]: e["name"] for e in record(text)["entities"]}
    return names.get(claim["speaker"].get("entity"))


# -- a description standing for a named person or organisation ---------------------------------------------------

def test_the_official_said_is_the_one_official_named_before():
    text = ("Karl Obst, a senior interior ministry official, said the camp would close in May. "
            "The farmers protested outside the ministry on Friday. "
            "The official said the decision was final.")
    (claim,) = [c for c in claims(text) if c["content"].startswith("the decision")]
    assert claim["speaker"]["text"] == "official" and entity_name(text, claim) == "Karl Obst"


def test_the_official_said_stays_unlinked_when_no_official_is_named():
    text = ("Karl Obst, a farmer from the valley, said the camp would close in May. "
            "The official said the decision was final.")
    (claim,) = [c for c in claims(text) if c["content"].startswith("the decision")]
    assert claim["speaker"]["entity"] is None


def test_the_official_said_stays_unlinked_when_two_officials_are_named():
    text = ("Karl Obst, a senior interior ministry official, met Lena Vogt, a finance ministry official, on Monday. "
            "The official said the decision was final.")
    (claim,) = [c for c in claims(text) if c["content"].startswith("the decision")]
    assert claim["speaker"]["entity"] is None


def test_a_bank_described_by_its_home_city_is_the_bank_named_before():
    text = ("Norvik Bank reported a loss of $2 billion on Tuesday. "
            "The Oslo bank said that higher taxes had caused most of it.")
    (claim,) = [c for c in claims(text) if "taxes" in c["content"]]
    assert claim["speaker"]["text"] == "Oslo bank" and entity_name(text, claim) == "Norvik Bank"


def test_a_prosecutor_of_another_city_is_not_the_office_named_before():
    text = ("The Lyon prosecutor's office opened an inquiry on Monday. "
            "The Marseille prosecutor said that no charges had been filed.")
    (claim,) = [c for c in claims(text) if "charges" in c["content"]]
    assert claim["speaker"]["entity"] is None


def test_a_person_described_by_age_and_nationality_continues_the_previous_speaker():
    text = ("Ines Duarte said the vote had been fair. "
            "The 52-year-old Brazilian also predicts that turnout will rise next year.")
    (claim,) = [c for c in claims(text) if "turnout" in c["content"]]
    assert entity_name(text, claim) == "Ines Duarte" and "Brazilian" in claim["speaker"]["text"]


def test_a_person_described_by_nationality_is_never_the_nationality():
    text = ("Ines Duarte and Tomas Lindqvist met in Porto on Monday. "
            "The 52-year-old Brazilian said that turnout will rise next year.")
    (claim,) = [c for c in claims(text) if "turnout" in c["content"]]
    entities = {e["id"]: e for e in record(text)["entities"]}
    linked = entities.get(claim["speaker"].get("entity"))
    assert linked is None or linked["type"] == "PERSON"


# -- content: what the speaker said, not the writer's narration ----------------------------------------------------

def test_according_to_in_a_second_clause_vouches_for_that_clause_only():
    text = "At first sight the water looks green, but according to the park service the lake is perfectly clean."
    (claim,) = [c for c in claims(text) if c["cue"] == "according to"]
    assert claim["content"] == "the lake is perfectly clean"


def test_according_to_at_the_end_vouches_for_the_whole_sentence():
    text = "The ferry to the island will sail again on Monday, according to the port authority."
    (claim,) = [c for c in claims(text) if c["cue"] == "according to"]
    assert claim["content"] == "The ferry to the island will sail again on Monday"


def test_an_organisation_in_the_speakers_title_is_not_part_of_what_was_said():
    text = "Prices will keep rising in the spring, Acme Vice President Dana Whitlow said on Monday."
    (claim,) = [c for c in claims(text) if c["cue"] == "said"]
    assert claim["content"] == "Prices will keep rising in the spring"


def test_a_name_after_a_comma_that_is_the_speaker_itself_is_kept_out_of_the_content_too():
    text = "The bridge will reopen in June, Mayor Dana Whitlow said on Monday."
    (claim,) = [c for c in claims(text) if c["cue"] == "said"]
    assert claim["content"] == "The bridge will reopen in June"


# -- what is no statement ------------------------------------------------------------------------------------------

def test_according_to_plan_names_no_source():
    text = "The ferry will sail on Sunday if everything goes according to plan."
    assert not [c for c in claims(text) if c["cue"] == "according to"]


def test_according_to_a_report_still_names_one():
    text = "The new bridge will open in May, according to a report by the Harbour Gazette."
    assert [c for c in claims(text) if c["cue"] == "according to"]


def test_revealing_pictures_states_nothing():
    text = "Earlier this week the minister revealed pictures of the new stadium."
    assert not claims(text)


def test_revealing_a_plan_is_still_a_statement():
    text = "Earlier this week the minister revealed that the new stadium would cost twice as much."
    assert [c for c in claims(text) if c["cue"] == "revealed"]


def test_an_organisation_before_a_title_stays_out_of_a_clause_said_before_the_verb():
    text = ("Change is coming to every port in the north, Acme Senior Vice President Lina Berg said this year "
            "after the company closed its yard.")
    (claim,) = [c for c in claims(text) if c["cue"] == "said"]
    assert claim["content"] == "Change is coming to every port in the north"


# -- pronoun speakers ----------------------------------------------------------------------------------------------

def test_a_pronoun_after_someone_described_since_the_name_is_left_unresolved():
    text = ("Lena Park spoke at the wedding on Saturday. She posted a video of her brother dancing with the guests. "
            'In the video he says, "This is the best day of my life."')
    (claim,) = [c for c in claims(text) if "best day" in c["content"]]
    assert claim["speaker"]["entity"] is None and claim["speaker"]["unresolved"]


def test_a_pronoun_with_only_the_named_man_before_it_is_resolved():
    text = ("Omar Vance spoke to the villagers on Saturday. "
            'Later he said, "The bridge will be rebuilt by the spring."')
    (claim,) = [c for c in claims(text) if "bridge" in c["content"]]
    assert entity_name(text, claim) == "Omar Vance"


def test_a_name_typed_as_a_town_but_owning_his_plans_is_a_man():
    from newsintel.extract.place_people import person_place_gender
    from newsintel.model import Entity, Mention

    text = "Tarn declared his programme complete. Tarn said the tests would go on."
    tarn = Entity("d-e1", "Tarn", "GPE", mentions=[Mention("Tarn", 0, 4, 0), Mention("Tarn", 38, 42, 1)],
                  geo={"name": "Tarn", "kind": "city", "country": "US"})
    assert person_place_gender(text, tarn, [0, 38]) == "male"
    town = "Tarn raised its taxes. Tarn said the tests would go on."
    assert person_place_gender(town, tarn, [0, 23]) is None
    country = Entity("d-e2", "Tarn", "GPE", mentions=tarn.mentions, geo={"name": "Tarn", "kind": "country"})
    assert person_place_gender(text, country, [0, 38]) is None


def test_a_speaker_typed_as_a_town_but_a_man_is_not_shown_as_the_town():
    from newsintel.extract.args import MentionIndex
    from newsintel.extract.quotations import quotations
    from newsintel.extract.speakers import Speakers
    from newsintel.model import Entity, Mention

    text = "Tarn declared his programme complete. Tarn said the tests would go on."
    tarn = Entity("d-e1", "Tarn", "GPE", mentions=[Mention("Tarn", 0, 4, 0), Mention("Tarn", 38, 42, 1)],
                  geo={"name": "Tarn", "kind": "city", "country": "US"})
    ctx = Speakers(text, MentionIndex.build([tarn]), quotations(text), [0, 38])
    arg = {"text": "Tarn", "entity": "d-e1"}
    ctx.unlink_place_person(arg)
    assert arg == {"text": "Tarn", "entity": None}
    town = "Tarn raised its taxes. Tarn said the tests would go on."
    arg = {"text": "Tarn", "entity": "d-e1"}
    Speakers(town, MentionIndex.build([tarn]), quotations(town), [0, 23]).unlink_place_person(arg)
    assert arg["entity"] == "d-e1"


# -- nested statements ---------------------------------------------------------------------------------------------

def test_a_statement_inside_a_quotation_is_the_quoted_speakers_words():
    text = '"The council and the mayor have condemned the attack on the clinic," Ilse Brandt said on Monday.'
    found = claims(text)
    assert [c["speaker"]["text"] for c in found] == ["Ilse Brandt"]
    assert "condemned the attack" in found[0]["content"]


def test_a_quotation_inside_a_quotation_keeps_its_own_speaker():
    text = ('"The park rules clearly state that, \'No visitor may enter the reserve after dark,\'" '
            "the warden Ilse Brandt said on Monday.")
    speakers = {c["speaker"]["text"] for c in claims(text)}
    assert any("rules" in s for s in speakers), speakers


def test_a_quotation_reopened_sentence_by_sentence_on_one_line_is_one_quotation():
    from newsintel.extract.quotations import quotations

    text = ('Ilse Brandt said: "The ferry sank near the pier. "The council and the port have condemned the delays. '
            '"We want answers."')
    (quote,) = quotations(text)
    assert quote.text.startswith("The ferry sank") and quote.text.endswith("We want answers.")
    found = claims(text)
    assert [c["speaker"]["text"] for c in found] == ["Ilse Brandt"]


def test_quotations_closed_after_each_sentence_stay_apart():
    from newsintel.extract.quotations import quotations

    text = 'The mayor said "we will rebuild." "Nobody will leave," a farmer added.'
    assert [q.text for q in quotations(text)] == ["we will rebuild.", "Nobody will leave,"]


def _parsed(words: list[str], heads: list[int], deps: list[str], tags: list[str]):
    from spacy.tokens import Doc
    from spacy.vocab import Vocab

    pos = ["PUNCT" if t in (",", "''", ".") else "VERB" if t.startswith("VB") else "NOUN" for t in tags]
    return Doc(Vocab(), words=words, heads=heads, deps=deps, tags=tags, pos=pos)


def test_a_subject_inside_the_quotation_is_not_the_speaker_after_it():
    from newsintel.extract.attribution import speaker_of

    # a parse seen on real text: the end of a quotation opened sentences before, its list taken as a subject
    doc = _parsed(["from", "politicians", ",", "officials", ",", "”", "the", "paper", "wrote", "."],
                  [8, 0, 1, 8, 8, 8, 7, 8, 8, 8],
                  ["prep", "pobj", "punct", "nsubj", "punct", "punct", "det", "nsubj", "ROOT", "punct"],
                  ["IN", "NNS", ",", "NNS", ",", "''", "DT", "NN", "VBD", "."])
    assert speaker_of(doc[8]).text == "paper"


def test_a_subject_before_the_quotation_it_opens_is_the_speaker():
    text = 'Ilse Brandt, a nurse from the clinic, told the court "we were never paid for the night shifts."'
    (claim,) = [c for c in claims(text) if c["cue"] == "told"]
    assert claim["speaker"]["text"] == "Ilse Brandt"


# -- content cut ---------------------------------------------------------------------------------------------------

def test_a_noun_object_that_a_quotation_goes_on_takes_the_quotation():
    text = 'In her speech the governor declared her hope "for a quick end to the strike at the harbour."'
    (claim,) = [c for c in claims(text) if c["cue"] == "declared"]
    assert "quick end to the strike" in claim["content"] and claim["content"].startswith("her hope")


def test_a_quotation_that_is_a_new_sentence_does_not_complete_a_noun_object():
    text = 'The governor denied the claims. "Nobody was paid to stay away from the vote," she said.'
    (claim,) = [c for c in claims(text) if c["cue"] == "denied"]
    assert claim["content"] == "the claims"


def test_a_name_only_ever_written_with_the_is_no_one_a_pronoun_stands_for():
    from newsintel.extract.args import MentionIndex
    from newsintel.extract.quotations import quotations
    from newsintel.extract.speakers import Speakers
    from newsintel.model import Entity, Mention

    text = "Mara Lind told the Courier about the fire. Later she said the smoke was thick."
    mara = Entity("d-e1", "Mara Lind", "PERSON", mentions=[Mention("Mara Lind", 0, 9, 0)])
    paper = Entity("d-e2", "Courier", "PERSON", mentions=[Mention("Courier", 19, 26, 0)])
    ctx = Speakers(text, MentionIndex.build([mara, paper]), quotations(text), [0, 43])
    assert ctx.resolve("she", text.index("she"), 1, [])["entity"] == "d-e1"
    text2 = "Mara Lind told Courier about the fire. Later she said the smoke was thick."
    both = Entity("d-e2", "Courier", "PERSON", mentions=[Mention("Courier", 15, 22, 0)])
    ctx = Speakers(text2, MentionIndex.build([mara, both]), quotations(text2), [0, 39])
    assert ctx.resolve("she", text2.index("she"), 1, []).get("unresolved")
