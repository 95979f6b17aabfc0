"""Claims (issue 12, Z1): who speaks and what they said. Written sentences only."""

from tests.helpers import claim_by_cue, claim_cues, claims_of, record


def _speaker_entity(text: str, cue: str) -> str | None:
    """The name of the entity the claim of `cue` links its speaker to (None when unlinked)."""
    names = {e["id"]: e["name"] for e in record(text)["entities"]}
    return names.get(claim_by_cue(text, cue)["speaker"].get("entity"))


# --- a description stands only for a body of its kind ------------------------------------------------------------

def test_the_army_is_never_a_news_agency_credited_before():
    text = "Gunmen stormed a market in the north on Monday, Reuters reported. The army said nine soldiers died."
    assert _speaker_entity(text, "said") is None


def test_the_army_is_no_armed_group_whose_name_shows_no_army():
    text = "Taliban fighters overran a checkpoint on Monday. The army said nine soldiers died in the fighting."
    assert _speaker_entity(text, "said") is None


def test_an_army_named_so_is_still_the_army():
    text = "Units of the Malian National Army held the town on Monday. The army said nine soldiers died."
    assert _speaker_entity(text, "said") == "Malian National Army"


def test_the_group_is_the_armed_group_not_the_agency_beside_it():
    text = "Hezbollah fighters crossed into the valley on Tuesday, Reuters reported. The group said five men died."
    assert _speaker_entity(text, "said") == "Hezbollah"


# --- a guess inside someone's quotation is no claim of its own -----------------------------------------------------

def test_a_guess_framed_inside_a_quotation_is_no_claim():
    text = ('"This engine was built for cargo ships. Years of work remain before we could call it a jet '
            'engine," Ortiz said.')
    assert claim_cues(text) == ["said"]


def test_a_statement_told_inside_a_quotation_keeps_its_claim():
    text = '"I told the inspectors that the valves were broken," Ortiz said.'
    assert sorted(claim_cues(text)) == ["said", "told"]


# --- a cited source vouches for what is reported, and is no part of it ---------------------------------------------

def test_a_citation_is_no_part_of_what_is_reported():
    text = "On Monday the Daily Ledger reported that troops had crossed the river, citing officials in the capital."
    assert claim_by_cue(text, "reported")["content"] == "that troops had crossed the river"


def test_the_cited_source_vouches_for_the_report_not_the_reporting():
    text = "The weekly Northern Star, quoting two unnamed officials, said the bridge would close for a year."
    content = claim_by_cue(text, "according to")["content"]
    assert "bridge would close" in content and "Northern Star" not in content


def test_according_to_a_source_of_someone_elses_post_gives_no_claim_of_a_name():
    text = 'According to Reuters, one resident of the town, a teacher, posted: "We have had no water for a week.'
    assert "according to" not in claim_cues(text)


# --- speaker and content as the parse may split them ----------------------------------------------------------------

def test_who_says_inside_a_relative_clause_is_its_own_subject():
    text = "The minister said the driver, who witnesses said was drunk, had fled the scene."
    claims = [c for c in claims_of(text) if c["content"] == "the driver was drunk"]
    assert [c["speaker"]["text"] for c in claims] == ["witnesses"]


def test_a_number_opening_the_reported_clause_keeps_the_claim():
    text = "Maria Lopez, an engineer at the plant, said two of the four pumps — the oldest ones — are broken."
    assert claim_by_cue(text, "said")["content"].endswith("are broken")


def test_a_relative_clause_on_what_documents_show_is_no_claim():
    assert claim_cues("The auditors found boxes of files that reveal secret payments to the mayor.") == []


def test_revealing_numbers_or_a_view_is_no_claim():
    assert claim_cues("Officials revealed new numbers on Monday.") == []
    assert "revealed" in claim_cues("The carmaker revealed plans to close two plants in Ohio.")


def test_a_quotation_over_paragraphs_closed_by_its_speaker_is_theirs_whole():
    text = ('Flood waters rose in the valley on Monday. Elena Marsh, the regional governor, told reporters that the '
            'situation was grave. "We moved four villages to safety before dawn.\n\n"Then the river broke through the '
            'levee near the school. Nobody was hurt," she said.')
    said = claim_by_cue(text, "said")
    assert said["content"].startswith("We moved four villages") and "Nobody was hurt" in said["content"]


def test_a_quotation_over_paragraphs_keeps_the_speaker_who_introduced_it():
    text = ('Flood waters rose in the valley on Monday. The regional governor, Elena Marsh, said: "We moved four '
            'villages to safety before dawn.\n\n"Then the river broke through the levee near the school."\n\n'
            'A farmer, Tom Reed, said the water came fast.')
    said = [c for c in claims_of(text) if c["content"].startswith("We moved four villages")]
    assert len(said) == 1 and said[0]["speaker"]["text"] == "Elena Marsh" and "levee" in said[0]["content"]


def test_a_name_announcing_in_a_relative_clause_keeps_its_claim():
    text = "Dealers now side with Corvane, which last week announced a new supply deal with the carmaker."
    assert "announced" in claim_cues(text)


def test_a_cited_source_beside_a_coordinated_report_vouches_for_its_content():
    text = ("The mayor's anger came after the weekly Northern Star, quoting unnamed officials, reported that the "
            "bridge would close for a year.")
    assert all("anger" not in c["content"] and "anger" not in c["speaker"]["text"] for c in claims_of(text))


def test_a_quotation_closed_before_the_writers_scene_ends_the_content():
    text = "At the gala, the organiser Tom Hale said “the hall was full by nine” when pressed about the tickets."
    assert claim_by_cue(text, "said")["content"] == "the hall was full by nine"


def test_a_speaker_after_an_opening_medium_phrase_is_the_verbs_subject():
    text = 'In a statement to Reuters, a lawyer for Dalton said, "My client denies the charge. He will fight this."'
    assert [c["speaker"]["text"] for c in claims_of(text) if c["cue"] == "said"] == ["lawyer for Dalton"]


def test_the_statement_is_the_one_made_before_its_quotation_over_sentences():
    text = ('Four hikers died in the avalanche, said Pastor Mark Ellison in a statement posted on Facebook.\n'
            '"This loss hits our town very hard. They were loved by all." the statement said.')
    names = {e["id"]: e["name"] for e in record(text)["entities"]}
    statement = [c for c in claims_of(text) if c["content"].startswith("This loss")]
    assert [names.get(c["speaker"].get("entity")) for c in statement] == ["Mark Ellison"]
