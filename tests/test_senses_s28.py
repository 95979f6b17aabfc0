"""Session 28 senses (issue 12): figurative and political senses, things recruited, consent to talk, play in a
game, intercepted missiles (extract/senses.py, sense_figures.py, sense_context.py) and statements of no one
occasion (extract/generic_kinds.py); each with the event sense kept beside it."""

from helpers import events_of, record


def _generic(text: str, trigger: str) -> dict | None:
    return next(e.get("generic") for e in record(text)["events"] if e["trigger"] == trigger)


def test_a_life_left_behind_in_a_relative_clause_is_no_flight():
    assert not events_of("He talked about the whole life he had tried to escape.", "FLEE")
    assert not events_of("She wrote about the marriage she finally escaped.", "FLEE")
    assert not events_of("He thanks his parents, his teachers, and the whole career he tried to escape.", "FLEE")
    assert events_of("The two prisoners tried to escape from the jail on Sunday.", "FLEE")


def test_designs_and_firms_recruited_are_no_recruitment():
    assert not events_of("The agency has recruited Orion's Kite, Vega's Lark and two other rover concepts.",
                         "RECRUIT")
    assert not events_of("The ministry recruited four drone concepts and a lander design for the trial.", "RECRUIT")
    assert events_of("The militia recruited Karim, his cousin and two other boys from the village.", "RECRUIT")
    assert events_of("The rebels recruited two teenagers and a driver last year.", "RECRUIT")


def test_consent_to_negotiate_is_no_agreement():
    assert not events_of("The takeover stays on the table unless the board agrees to negotiate, he said.", "AGREE")
    assert not events_of("The union agreed to discuss the offer with its members.", "AGREE")
    assert events_of("The two parties agreed to share power until the election.", "AGREE")


def test_a_player_who_did_not_come_back_into_a_game_made_no_journey():
    assert not events_of("Dallas cornerback Ray Tull hurt his ankle in the second quarter and did not return.",
                         "RETURN")
    assert not events_of("The winger injured his hamstring in the first half and didn't return.", "RETURN")
    assert events_of("Goalkeeper Jan Ruiz returned to Lisbon on Monday after the final.", "RETURN")
    assert events_of("The soldiers returned to their base after the patrol.", "RETURN")


def test_a_politician_under_attack_in_a_campaign_is_criticised():
    assert not events_of("Senator Mara Quill was under constant attack during the last debate season.", "ATTACK")
    assert not events_of("The governor came under attack from his own party over the budget.", "ATTACK")
    assert events_of("The convoy came under attack near Mosul on Tuesday.", "ATTACK")
    assert events_of("Senator Mara Quill was under attack by two armed men outside her office.", "ATTACK")


def test_missiles_shot_down_are_intercepted_not_an_attack_on_people():
    assert not events_of("People feared the rocket launches, but the navy saw no need to shoot them down.", "ATTACK")
    assert not events_of("The air defences shot down three missiles over the capital.", "ATTACK")
    assert events_of("Rebels shot down a passenger jet over the valley.", "ATTACK")


def test_kinds_of_deed_named_as_examples_of_a_danger_are_generic():
    assert _generic("The army will prepare for new possible threats, like drone and gas attacks.", "attacks")
    assert _generic("Officials listed risks such as bomb attacks at stations.", "attacks")
    assert _generic("They will train for new dangers, like EMP and chemical attacks.", "attacks")
    assert not _generic("The attack on the depot, like the raid in May, killed four guards.", "attack")


def test_a_claimed_record_of_attacks_is_generic_but_claimed_attacks_in_a_town_are_not():
    assert _generic("The network, which has claimed attacks staged in its name before, kept silent.", "attacks")
    assert not _generic("The network claimed attacks on two police posts in Kandahar.", "attacks")


def test_what_happens_whenever_something_happens_is_generic():
    assert _generic("When it is cornered and threatened it answers with force.", "threatened")
    assert _generic("When the state is pressed and threatened it responds with anger.", "threatened")
    assert not _generic("When it was cornered and threatened it answered with force.", "threatened")
    assert not _generic("When police arrived, the gunmen attacked the station.", "attacked")


def test_a_trend_over_a_population_is_generic_but_a_counted_group_moving_is_not():
    assert _generic("With a rising population and more families moving to crowded towns, the risk is growing.",
                    "moving")
    assert not _generic("Police stopped 200 families moving to the coast on Sunday.", "moving")


def test_a_condition_on_a_kind_of_deed_is_generic_but_on_one_deed_is_not():
    assert _generic("The rule lets officials expel migrants sooner if they are convicted of such offences.",
                    "convicted")
    assert not _generic("He can be deported if he is convicted of the murder.", "convicted")


def test_a_bird_strike_is_no_attack_but_a_drone_strike_is():
    assert not events_of("The jet turned back to Oslo after a bird strike on take-off.", "ATTACK")
    assert events_of("A drone strike hit a car near the border on Friday.", "ATTACK")
