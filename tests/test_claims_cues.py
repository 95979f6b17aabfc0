"""Claims on general news: participle and coordinated cues, stance verbs, what a noun object states.

Every sentence here is written for these tests."""


from helpers import record


def claims(text: str) -> list[tuple[str, str, str]]:
    return [(c["speaker"]["text"], c["cue"], c["content"]) for c in record(text)["claims"]]


def test_a_participle_cue_speaks_for_the_subject_of_its_verb():
    found = claims("Mayor Lena Ortiz said the bridge would reopen in May, adding that the repairs had cost more.")
    assert any(s.endswith("Lena Ortiz") and cue == "adding" and "repairs" in content for s, cue, content in found)


def test_a_coordinated_cue_shares_the_subject():
    found = claims("The ministry condemned the shelling of the market and called for an immediate ceasefire.")
    speakers = {cue: (s, content) for s, cue, content in found}
    assert speakers["condemned"][0] == "ministry" and "shelling" in speakers["condemned"][1]
    assert speakers["called"][0] == "ministry" and speakers["called"][1].startswith("for an immediate ceasefire")


def test_an_object_described_as_something_is_stated_with_its_complement():
    found = claims("Colleagues described the pilot as calm and very experienced.")
    assert [(s, content) for s, _, content in found] == [("Colleagues", "the pilot as calm and very experienced")]


def test_who_is_urged_belongs_to_the_statement():
    (found,) = claims("Officials urged residents to stay indoors overnight.")
    assert found[2] == "residents to stay indoors overnight"


def test_a_condemned_attack_is_no_ones_report():
    rec = record("The ministry condemned the attack on the convoy near Tal Abyad.")
    assert [c["cue"] for c in rec["claims"]] == ["condemned"]
    assert all(e["attribution"] is None for e in rec["events"] if e["type"] == "ATTACK")


def test_rejecting_an_offer_states_nothing_but_rejecting_accusations_does():
    assert claims("The union rejected the offer on Friday.") == []
    assert [cue for _, cue, _ in claims("The union rejected the accusations on Friday.")] == ["rejected"]


def test_a_denial_in_a_while_clause_is_not_about_the_main_clause():
    found = claims("The army said it had withdrawn, while the rebels deny any losses in the valley.")
    (deny,) = [content for _, cue, content in found if cue == "deny"]
    assert "withdrawn" not in deny and "losses" in deny


def test_a_pledge_to_act_is_a_claim_and_pledged_allegiance_is_none():
    assert [cue for _, cue, _ in claims("The airline pledged to review its training of cabin staff.")] == ["pledged"]
    assert claims("Three brothers pledged allegiance to the group in 2015.") == []


def test_footage_showing_something_is_no_statement_but_figures_showing_that_are():
    assert claims("The footage shows a man running across the square.") == []
    assert [s for s, _, _ in claims("Police figures show that burglaries fell sharply last year.")] == [
        "Police figures"]


def test_you_is_no_speaker():
    assert all(s.lower() != "you" for s, _, _ in claims("You say the plan is sound, but nobody has read it."))


def test_a_name_between_commas_after_a_quotation_is_its_speaker_and_a_place_after_of_is_not():
    found = claims('"The road was blocked for hours," a local councillor, Maren Holt, told Radio Nord.')
    assert [(s, cue) for s, cue, _ in found] == [("Maren Holt", "told")]
    assert found[0][2].startswith("The road was blocked")
    assert all(s != "Vestby" for s, _, _ in claims('"We have no list yet," the mayor of Vestby, said on Monday.'))


def test_a_figure_or_a_newborn_as_object_states_nothing():
    assert claims("Shares of the airline added 3% on Monday after the results.") == []
    assert claims("The singer welcomed a baby girl on New Year's Eve.") == []
    assert [cue for _, cue, _ in claims("The union welcomed the decision to reopen the plant.")] == ["welcomed"]


def test_asking_for_something_is_an_intended_claim_and_calling_it_something_is_not():
    (urged,) = record("Officials urged residents to stay indoors overnight.")["claims"]
    assert urged["modality"] == "intended"
    called = [c for c in record("The minister called the vote a disgrace.")["claims"] if c["cue"] == "called"]
    assert all(c["modality"] != "intended" for c in called)


def test_an_indefinite_pronoun_is_no_speaker_but_some_of_a_group_is():
    assert claims("Many insisted that the vote had been rigged.") == []
    assert [cue for _, cue, _ in claims("Some of the farmers said that the vote had been rigged.")] == ["said"]


def test_content_ending_on_said_is_completed_by_the_quotation_right_after_it():
    claims = [c for c in record('The guard who took the call recalled that he said, "I will burn the whole place '
                                'down tonight," the sheriff\'s office said.')["claims"] if c["cue"] == "recalled"]
    assert claims and "burn the whole place down" in claims[0]["content"]
