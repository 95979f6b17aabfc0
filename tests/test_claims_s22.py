"""Claims an analyst must not see as someone's statement, and what belongs to the saying rather than to what is
said (audit categories "speaker not a source", "no statement", "wrong speaker", "content includes narration").

Every sentence here is written for these tests."""

from helpers import record


def claims(text: str) -> list[tuple[str, str, str]]:
    return [(c["speaker"]["text"], c["cue"], c["content"]) for c in record(text)["claims"]]


# -- hearsay, lore, leaks and warnings with no one behind them name no source ---------------------------------------

def test_hearsay_and_lore_are_no_speakers():
    assert claims("Rumours suggested the striker was unhappy with his contract.") == []
    assert all(s != "local legend" for s, _, _ in claims(
        "According to local legend, a shepherd swore that the spring would never run dry."))
    assert claims("Word of the merger spread after the chairman hinted at it, warning that jobs would go.") == []


def test_leaks_or_warnings_with_nothing_saying_whose_are_no_speakers():
    assert claims("Prior leaks had suggested the phone was due for an April launch.") == []
    assert claims("Repeated warnings suggested the old levee might give way this week.") == []


def test_sources_that_say_whose_they_are_keep_their_claim():
    assert [s for s, _, _ in claims("Leaks from the ministry suggested the budget would be cut.")] == ["Leaks"]
    assert [s for s, _, _ in claims("Some studies suggest that coffee may protect the liver.")] == ["Some studies"]
    assert [s for s, _, _ in claims("A survey by the national statistics office suggests that rents rose.")] == [
        "survey by the national statistics office"]  # whose survey it is stays with it (tests/test_claims_s23.py)


# -- a saying that did not happen states nothing --------------------------------------------------------------------

def test_a_negated_saying_is_no_claim():
    assert claims("The mayor did not say whether the curfew would be lifted.") == []
    assert claims("Police have not yet confirmed the names of the victims.") == []
    assert claims("The carmaker says the model is a prototype, but the carmaker did not say when it goes on sale.") \
        == [("carmaker", "says", "the model is a prototype")]


def test_a_counterfactual_saying_is_no_claim():
    assert claims("The former aide would then have claimed that a colleague had approved the payment.") == []


def test_a_denial_and_a_later_saying_stay_claims():
    ((_, _, content),) = claims("The army denied that the village had been shelled.")
    assert content == "that the village had been shelled"
    assert [cue for _, cue, _ in claims("Mr. Ortiz would later say that he had never met the envoy.")] == ["say"]


def test_sports_tallies_are_no_statements():
    assert claims("Rivera scored twice and Jones added three assists to lead the home side.") == []


# -- the speaker is not someone inside what is said -----------------------------------------------------------------

def test_a_closing_pronoun_speaker_is_not_a_person_described_in_the_statement():
    (claim,) = record("It is possible that a tired nurse might miss the alarm and give the wrong dose, she said.")[
        "claims"]
    assert "nurse" not in claim["speaker"]["text"]


# -- the saying's time, medium and the writer's words after a quotation are not what was said -----------------------

def test_the_time_of_the_saying_is_not_part_of_what_was_said():
    assert claims("The governor said on Monday the bridge would reopen.") == [
        ("governor", "said", "the bridge would reopen")]
    assert claims("Lopez said earlier this month she was planning a second trip.") == [
        ("Lopez", "said", "she was planning a second trip")]
    assert claims("Officials said Tuesday's storm had cut power to 4,000 homes.") == [
        ("Officials", "said", "Tuesday's storm had cut power to 4,000 homes")]


def test_a_quotation_ends_where_the_writer_goes_on_with_a_clause_of_their_own():
    assert claims('Haley added "something has to give" as tensions rose across the region.') == [
        ("Haley", "added", "something has to give")]
    ((_, _, content),) = claims('The chief told reporters, "there is a plot to bring down" the council.')
    assert content.endswith("the council")


def test_the_source_phrase_of_according_to_is_not_part_of_the_content():
    assert claims("The drop in sales was modest, according to AP reports.") == [
        ("AP", "according to", "The drop in sales was modest")]


def test_who_is_told_is_not_what_was_told():
    ((_, _, content),) = claims("The singer has reportedly told relatives and colleagues that the concert held on "
                                "Sunday was a triumph.")
    assert content == "that the concert held on Sunday was a triumph"


def test_another_speakers_claim_ends_the_first_ones_content():
    found = claims("A statement from the mayor's office said the fund was a trust for his children and paid no tax, "
                   "while a spokesman for the governor said the governor had never held a share in it.")
    assert [content for _, _, content in found] == [
        "the fund was a trust for his children and paid no tax", "the governor had never held a share in it"]


def test_the_subject_the_parse_gave_to_the_source_stays_in_what_it_vouches_for():
    assert claims("According to the local daily Le Courrier, Jean Morel, 61, died of his wounds.") == [
        ("local daily Le Courrier", "according to", "Jean Morel, 61, died of his wounds")]
    assert claims("According to John Ames, a police spokesman, the man fled on foot.") == [
        ("John Ames", "according to", "the man fled on foot")]


def test_content_that_only_points_back_states_nothing():
    assert claims("That's according to a new poll from the Harris firm.") == []
    assert claims("And if you missed the problem, plenty of readers on Twitter pointed it out.") == []


def test_a_condition_of_what_is_said_stays_in_it():
    ((_, _, content),) = claims("After the launch the president said the North would face ruin if it threatened the "
                                "islands.")
    assert content == "the North would face ruin if it threatened the islands"
