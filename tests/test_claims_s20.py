"""Claim content and claim recall (issue 12, session 20): British single-quote quotations, a colon handing a
quotation to its cue, closing reporting verbs the parse gave two subjects or two clauses, reporting verbs inside
relative clauses, the writer's "according to" note and a dash before the reporting clause, threats with a noun
object. Each category both ways where it has two.

Every sentence here is written for these tests."""

from helpers import record

from newsintel.extract.quotations import quotations


def claims(text: str) -> list[dict]:
    return record(text)["claims"]


def by_cue(text: str, cue: str) -> dict:
    return next(c for c in claims(text) if c["cue"] == cue)


def quoted(text: str) -> list[str]:
    return [q.text for q in quotations(text)]


# -- single quotation marks: British papers quote with them; apostrophes are no quotations -------------------------

def test_single_marks_quote_after_a_colon():
    assert quoted("The baker wrote: 'We have run out of flour again.' Then he shut the shop.") == [
        "We have run out of flour again."]


def test_apostrophes_open_and_close_nothing():
    text = "The girls' school shut in the '90s, and the teachers' union said it can't reopen. Rock 'n' roll stayed."
    assert quoted(text) == []


def test_a_plural_possessive_inside_a_single_quotation_does_not_close_it():
    assert quoted("She said: 'The nurses' pay offer is an insult to every ward.' The talks ended.") == [
        "The nurses' pay offer is an insult to every ward."]


def test_single_marks_inside_a_double_quotation_are_its_inner_quote():
    text = "He said: \"They told me 'we will look into it' and nothing happened.\" She agreed."
    assert quoted(text) == ["They told me 'we will look into it' and nothing happened."]


def test_a_single_quotation_continued_over_paragraphs():
    text = "The coach said: 'We trained for months.\n\n'Then the season was cancelled,' he added."
    (quote,) = quotations(text)
    assert quote.continued and quote.text.startswith("We trained for months. Then the season")


def test_single_quoted_statements_get_their_speakers():
    text = ("Comedian Rob Dale led the protest, saying: 'First the fares and now this.' "
            "Marta Lind tweeted: 'First the bus, now the tram. They are taking away everything I use.'")
    found = {c["speaker"]["text"]: c["content"] for c in claims(text)}
    assert found["Comedian Rob Dale"] == "First the fares and now this."
    assert found["Marta Lind"].startswith("First the bus, now the tram.")


def test_a_single_quotation_before_its_cue_is_its_content():
    claim = by_cue("'We have never seen a fire like it,' the fire chief told reporters.", "told")
    assert claim["content"] == "We have never seen a fire like it,"


# -- a colon hands the quotation to the cue before it, whoever speaks after it -------------------------------------

def test_colon_introduced_quotations_keep_their_own_speakers():
    text = 'The mayor said: "We will rebuild the bridge." The governor wrote: "There is no money for it this year."'
    found = {c["speaker"]["text"]: c["content"] for c in claims(text)}
    assert found == {"mayor": "We will rebuild the bridge.", "governor": "There is no money for it this year."}


def test_a_quotation_without_a_colon_still_goes_to_the_speaker_named_after_it():
    text = 'The ferry left late. "We waited for three hours in the rain," one passenger said.'
    assert by_cue(text, "said")["content"] == "We waited for three hours in the rain,"


# -- closing reporting verbs: two subjects, two clauses ------------------------------------------------------------

def test_closing_speaker_after_the_comma_when_the_parse_gave_two_subjects():
    claim = by_cue("The convoy left before sunrise in the northern town of Arlit, near the border, a local "
                   "official said.", "said")
    assert claim["speaker"]["text"] == "local official"
    assert claim["content"].startswith("The convoy left before sunrise")


def test_closing_report_of_two_clauses_holds_both():
    claim = by_cue("Details of the accord were not made public at once, but no jailed union leaders were freed "
                   "as part of the deal, a person familiar with the negotiations said.", "said")
    assert claim["content"].endswith("no jailed union leaders were freed as part of the deal")


# -- reporting verbs inside relative clauses ----------------------------------------------------------------------

def test_relative_clause_report_has_its_antecedent_not_its_cue():
    claim = by_cue('The mayor signed an emergency order which she said would release "funds for the families."',
                   "said")
    assert claim["content"].startswith("an emergency order would release")
    assert "she said" not in claim["content"]


def test_relative_who_report_names_whom_it_is_about():
    claim = by_cue("The man, who police said fled the scene on foot, was arrested on Tuesday.", "said")
    assert claim["content"] == "The man fled the scene on foot"


def test_plain_report_keeps_its_whole_clause():
    claim = by_cue("The minister said the bridge would reopen in May.", "said")
    assert claim["content"] == "the bridge would reopen in May"


# -- the writer's words around a report ----------------------------------------------------------------------------

def test_closing_according_to_note_is_no_part_of_the_statement_and_no_second_speaker():
    found = claims("The observatory, a university team that follows space debris, said the booster was unlikely "
                   "to survive the descent but was highly unlikely to injure people, according to a post on the "
                   "team's website updated on Friday.")
    assert [c["cue"] for c in found] == ["said"]
    assert found[0]["content"].endswith("highly unlikely to injure people")
    assert found[0]["medium"] == "post"


def test_according_to_a_named_source_stays_a_claim():
    assert [c["cue"] for c in claims("According to the harbour police, the ferry sank within minutes.")] == [
        "according to"]


def test_a_dash_before_the_reporting_clause_leaves_the_words_before_it_out():
    claim = by_cue("If the rumours are true, the senator would be worried -- the files reveal a trail of payments "
                   "routed through a shell company.", "reveal")
    assert claim["content"] == "a trail of payments routed through a shell company"


# -- threats: with a noun object a risk or an event, with a clause a statement ------------------------------------

def test_a_threat_to_a_thing_is_no_statement():
    assert claims("Frost on the runway threatened the launch when the storm arrived.") == []


def test_a_threat_with_a_clause_is_a_statement():
    claim = by_cue("The rebels threatened that they would shell the port if the navy came closer.", "threatened")
    assert claim["content"].startswith("that they would shell the port")


def test_closing_speaker_the_parse_hung_on_a_place_keeps_the_report():
    claim = by_cue("The 12 were moved before dawn to the northern town of Arlit, near the border with Niger, a "
                   "source close to the talks said on condition of anonymity.", "said")
    assert claim["speaker"]["text"] == "source"
    assert claim["content"].startswith("The 12 were moved before dawn")


# -- verbs that report in some uses only (data/claim_content.yaml cue_verbs) --------------------------------------

def test_concluding_pointing_out_and_blaming_report_statements():
    assert by_cue("As officials in Oslo quickly concluded that sabotage was the likely cause, the port was closed.",
                  "concluded")["content"] == "that sabotage was the likely cause"
    claim = by_cue("The union denied the strike was political, but it pointed out the pay offer was poor.",
                   "pointed")
    assert claim["content"] == "the pay offer was poor"
    assert by_cue("The mayor blamed the flooding on the broken dam.", "blamed")["content"] == \
        "the flooding on the broken dam"
    assert by_cue("The owner, a Swiss firm, attributes the closure to a sharp fall in visitors.",
                  "attributes")["content"] == "the closure to a sharp fall in visitors"


def test_the_same_verbs_in_other_senses_state_nothing():
    text = ("She concluded her speech with a poem. He blamed himself for the crash. The coach pointed at the "
            "scoreboard. The meeting concluded at noon.")
    assert claims(text) == []


def test_a_demand_is_a_wanted_not_a_done_thing():
    claim = by_cue("Opposition lawmakers reacted angrily and demanded quick action on the files.", "demanded")
    assert claim["content"].startswith("quick action") and claim["modality"] == "intended"


# -- "described X as Y" however the parse hangs the "as"; one report per reporting clause ------------------------

def test_described_as_with_the_as_hung_on_the_object():
    claim = by_cue('Norway described the move as a "training exercise" after the talks.', "described")
    assert claim["content"].startswith("the move as a")


def test_described_as_in_a_relative_clause_without_an_object():
    claim = by_cue('The club raised its ticket prices again, in a step supporters have described as "greedy" and '
                   '"absurd".', "described")
    assert claim["content"].startswith("as")


def test_a_coordinated_report_with_its_own_subject_is_its_own_claim():
    found = claims("He said the cause of the fire was clear, and he described the blocking of the road as "
                   "a disgrace.")
    assert {c["cue"]: c["content"] for c in found} == {
        "said": "the cause of the fire was clear", "described": "the blocking of the road as a disgrace"}


def test_a_coordinated_clause_without_a_report_stays_in_the_statement():
    claim = by_cue("She said the rain was heavy and the river rose quickly.", "said")
    assert claim["content"] == "the rain was heavy and the river rose quickly"


# -- a short quotation right after a cue with nothing said of its own ---------------------------------------------

def test_a_short_quotation_right_after_the_cue_is_what_it_says():
    claim = by_cue("The row deepened, with the envoy Mary Stone declaring 'enough is enough' on Tuesday.",
                   "declaring")
    assert claim["content"] == "enough is enough"


def test_a_short_quotation_after_a_naming_verb_is_a_name():
    assert claims('Critics called "Kill Bill" a violent film.') == []


# -- "quoted X as saying": the quoter reports, X speaks -----------------------------------------------------------

def test_quoted_as_saying_gives_the_quoted_one_the_words():
    found = claims('"The first raid on the depot began a long campaign," the agency quoted Omar Haddad as saying.')
    speakers = {c["speaker"]["text"]: c["content"] for c in found}
    assert speakers["Omar Haddad"].startswith("The first raid on the depot began a long campaign")
    assert speakers["agency"].startswith("The first raid on the depot")


def test_cited_and_quoted_in_other_senses_report_nothing():
    assert claims("She cited rising costs as the main reason. The paper quoted the mayor at length.") == []


# -- a question states nothing -------------------------------------------------------------------------------------

def test_a_question_about_saying_is_no_statement():
    assert claims("Did the minister say that the tax would rise? Nobody knows.") == []
    assert claims("Brightline, can you tell me why the doors are still shut? Half the train is missing!") == []


def test_an_emphatic_or_perfect_report_is_a_statement():
    found = claims("The minister did say that the tax would rise. Officials have said the fees would rise.")
    assert [c["cue"] for c in found] == ["say", "said"]


def test_blamed_on_with_the_on_hung_inside_the_object():
    claim = by_cue("The firm blamed the strike and the weak pound on price rises across its range.", "blamed")
    assert claim["content"] == "the strike and the weak pound on price rises across its range"


def test_a_closing_quotation_mark_ends_a_closing_report():
    found = claims('"It was sad to read such news. I hope the boy will be found alive," one user called Mama Lin '
                   'wrote.')
    assert all("one user called" not in c["content"] for c in found)


def test_a_report_with_its_own_clause_after_it_does_not_take_the_narration_before_it():
    claim = by_cue('Senior Republicans accused the mayor of meddling, Smith said she found the letter "deeply '
                   'troubling" and Jones predicted a scandal.', "said")
    assert claim["content"].startswith("she found the letter")
    assert by_cue("But one thing is clear even now: Okafor says the spring harvest will be a good one.",
                  "says")["content"] == "the spring harvest will be a good one"


def test_a_quotation_before_the_cue_stays_its_content():
    assert by_cue('"We will win this fight," he said.', "said")["content"] == "We will win this fight,"


# -- the speaker after a closing verb; a participle describing a noun ---------------------------------------------

def test_speaker_named_after_a_closing_verb_the_parse_took_for_its_object():
    claim = by_cue("The ministry treated the blast as sabotage, reported Dutch media, adding that two guards were "
                   "hurt.", "reported")
    assert claim["speaker"]["text"] == "Dutch media"
    assert claim["content"] == "The ministry treated the blast as sabotage"


def test_a_reported_object_stays_what_is_reported():
    claim = by_cue("The firm cut its prices and reported earnings of two billion dollars.", "reported")
    assert claim["speaker"]["text"] == "firm"


def test_a_participle_describing_a_noun_is_nobody_s_claim():
    assert claims("The rocket, believed to be a long-range missile, flew over the island.") == []
    claim = by_cue("Officials believed the man to be the group's leader.", "believed")
    assert claim["modality"] == "hedged"
