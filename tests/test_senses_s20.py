"""Trigger senses (data/senses.yaml), session 20: performance judged as "execution", undertakings "executed", a
rescue of trapped people, a bomb squad's controlled explosion, results in sport, quarrels over prices, an abstract
foe, a work released in a participle after a comma, pictures shot with a device, a verb the tagger read as a noun,
a campaign or a title in capitals. Each with the event sense kept beside it; all sentences are our own."""

from helpers import events_of


def test_execution_judged_as_performance_is_no_killing():
    assert not events_of("The reviewers liked the story, but in the end it all comes down to execution.", "ATTACK")
    assert not events_of("Where the sequel stumbles is the execution.", "ATTACK")
    assert not events_of("The execution of the new strategy was left to a small team.", "ATTACK")
    assert not events_of("The finale felt rushed, though it was brilliantly executed.", "ATTACK")
    assert events_of("The execution of two prisoners was carried out at dawn.", "ATTACK")
    assert events_of("Video of the execution was posted online by the militants.", "ATTACK")
    assert events_of("Soldiers of the militia executed three farmers in the square.", "ATTACK")


def test_an_operation_executed_is_no_execution():
    events = events_of("The group said its fighter executed the operation on the orders of its leaders.", "ATTACK")
    assert not any(e["trigger"].startswith("execut") for e in events)


def test_freeing_people_trapped_is_a_rescue_not_a_release():
    assert not events_of("Crews were still working to free four people trapped under the collapsed roof.", "RELEASE")
    assert not events_of("Firefighters freed two men from the rubble of the bakery.", "RELEASE")
    assert not events_of("Volunteers freed the stranded hikers before nightfall.", "RELEASE")
    assert events_of("Gunmen freed three hostages held in the compound.", "RELEASE")
    assert events_of("The army freed twelve captives held by the rebels.", "RELEASE")


def test_a_bomb_squads_controlled_explosion_is_no_attack():
    assert not events_of("A bomb squad detonated a suspicious package left near the station.", "ATTACK")
    assert not events_of("Army sappers detonated the old shells on the beach.", "ATTACK")
    assert events_of("The bomber detonated his vest outside the mosque, killing nine.", "ATTACK")


def test_escaping_with_a_result_in_sport_is_no_flight():
    assert not events_of("The Hawks escaped with a narrow victory over Denver on Sunday.", "FLEE")
    assert not events_of("United escaped with a draw after a late penalty.", "FLEE")
    assert events_of("Two inmates escaped from the prison overnight.", "FLEE")


def test_quarrels_over_prices_are_no_fighting():
    assert not events_of("Several suppliers joined the brewer in a long battle over price rises.", "FIGHT")
    assert not events_of("The retailer and the farmers are locked in a fight over fees.", "FIGHT")
    assert events_of("Rebels and troops fought over the town for a week.", "FIGHT")


def test_fighting_an_abstract_foe_is_no_combat():
    assert not events_of("The minister vowed the state would spare no effort to fight against terrorism.", "FIGHT")
    assert not events_of("The new unit will fight extremism in the prisons.", "FIGHT")
    assert events_of("The militants fought against government troops near the border.", "FIGHT")


def test_a_work_released_in_a_participle_after_a_comma_is_no_freeing():
    assert not events_of("She is the author of the novel, 'Winter in the Old Harbour,' released in 2011.", "RELEASE")
    assert not events_of("He wrote the memoir, released last spring, about his years at sea.", "RELEASE")
    assert events_of("The prisoners, released in 2011, returned to Gaza.", "RELEASE")
    assert events_of("He was released in 2011 after ten years in jail.", "RELEASE")


def test_images_shot_with_a_device_are_no_shooting():
    assert not events_of("The update makes images shot with the handset look brighter at night.", "ATTACK")
    assert events_of("Police shot two men near the station.", "ATTACK")


def test_a_verb_read_as_a_noun_keeps_its_object():
    assert not events_of("The government did not build a fair court system and battle corruption, critics say.",
                         "FIGHT")


def test_a_campaign_or_title_in_capitals_is_a_name():
    assert not events_of('Her aunt was among the loudest voices of the "Bring Back Our Sons" campaign.', "RETURN")
    assert not events_of("Thousands marched with the Bring Back Our Sons movement in the capital.", "RETURN")
    assert events_of("The families urged the government to bring back their sons from the camps.", "RETURN")


def test_launches_targeted_for_a_time_are_scheduled_not_attacked():
    assert not events_of("The last two launches are targeted for early next spring.", "ATTACK")
    assert events_of("The convoy was targeted for the third time this week.", "ATTACK")
    assert events_of("Shia pilgrims were targeted for their faith near the shrine.", "ATTACK")


def test_a_deal_said_of_something_is_a_judgement():
    assert not events_of("The new keyboard is a big deal for the company.", "AGREE")
    assert not events_of('"That\'s a deal," the trader said, "if the price holds."', "AGREE")
    assert events_of("This was a deal between the rebels and the army to end the siege.", "AGREE")
    assert events_of("The two sides signed the deal in Geneva on Monday.", "AGREE")


def test_political_and_legal_battles_are_no_fighting():
    assert not events_of("The senator hinted at political battles ahead over the budget.", "FIGHT")
    assert not events_of("The family won a long legal battle against the insurer.", "FIGHT")
    assert events_of("A fierce battle between the army and the rebels raged near the dam.", "FIGHT")


def test_sanctions_target_an_economy_and_an_attack_destroys_lives_figuratively():
    assert not events_of("The new measures directly target the country's economy, the minister said.", "ATTACK")
    events = events_of("The bombing destroyed the lives of dozens of families, the governor said.", "ATTACK")
    assert not any(e["trigger"].startswith("destroy") for e in events)
    assert events_of("Militants destroyed the bridge near the border on Monday.", "ATTACK")


def test_one_person_surrounded_is_no_battle():
    assert not events_of("A tourist said she was surrounded by a dozen men outside the station.", "FIGHT")
    assert events_of("The soldiers were surrounded by militants near the base.", "FIGHT")


def test_a_tram_turned_over_and_logs_released_are_no_events():
    assert not events_of("Five died after a bus skidded and turned over in a ditch.", "SURRENDER")
    assert not events_of("The police logs, released yesterday, showed how the night unfolded.", "RELEASE")
    assert events_of("The gunman turned himself in to police in Denver.", "SURRENDER")


def test_a_free_trial_of_a_product_is_no_court_case():
    assert not events_of("Readers can sign up for a free seven-day trial of the streaming service.", "CHARGE")
    assert events_of("After a two-day trial in May, the jury convicted the smuggler of fraud.", "CHARGE")


def test_a_things_release_or_execution_is_no_event():
    assert not events_of("The studio said its release would slip to the spring.", "RELEASE")
    assert not events_of("Other firms offer the same feature, but its execution stands apart.", "ATTACK")
    assert events_of("The rebels said his release would come after the talks.", "RELEASE")


def test_play_in_a_video_game_is_no_event():
    assert not events_of("You can parry the guards' blows and then strike them down in one hit.", "ATTACK")
    assert not events_of("Fighting two knights at once makes sense for a boss fight, not a corridor.", "FIGHT")
    assert events_of("The gunman, who spent hours playing video games, killed nine people.", "ATTACK")
