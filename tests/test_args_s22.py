"""Arguments of events whose trigger is found but whose participants or place sit outside its own phrase (session 22
recall study, classes of missed arguments on fresh dev gold): the accused of a deed charged, the sides of a deal or a
fight named around the noun, who is responsible for a deed, and the place a sentence opens with. Each with a near
miss that must keep its old reading. Sentences written for the tests."""

from helpers import events_of, texts


def event(text: str, type_: str, trigger: str) -> dict:
    return next(e for e in events_of(text, type_) if e["trigger"].startswith(trigger))


def test_the_deed_charged_is_done_by_the_charged_not_by_who_charges():
    flight = event("Deputies charged Dale Brant with fleeing police.", "FLEE", "fleeing")
    assert texts(flight["actors"]) == "Dale Brant"
    stab = event("Two men were charged with murder in the stabbing of a clerk.", "ATTACK", "stabbing")
    assert texts(stab["actors"]) == "Two men" and "clerk" in texts(stab["targets"])
    shot = event("A man charged in the shooting of a cashier was freed on bail.", "ATTACK", "shooting")
    assert texts(shot["actors"]) == "man"


def test_every_offence_of_a_comma_list_of_charges_is_the_charged_persons():
    text = ("Trooper Dan Rogers charged Ed Baker with reckless driving, fleeing police in a truck, driving "
            "without insurance, fleeing police on foot and possession of cocaine.")
    flights = events_of(text, "FLEE")
    assert len(flights) == 2 and all(texts(f["actors"]) == "Ed Baker" and f["modality"] == "hedged" for f in flights)
    flight = event("Rogers charged Baker with speeding and fleeing police.", "FLEE", "fleeing")
    assert texts(flight["actors"]) == "Baker" and flight["modality"] == "hedged"


def test_a_deed_beside_a_charge_but_not_charged_keeps_its_doer():
    # the deputies did the arresting; nothing is charged here
    arrest = event("Deputies arrested Dale Brant after a chase.", "ARREST", "arrested")
    assert texts(arrest["actors"]) == "Deputies"


def test_the_sides_of_a_deal_named_around_the_noun():
    deal = event("He tried to conclude a weapons deal with two buyers.", "AGREE", "deal")
    assert {"He", "two buyers"} <= set(texts(deal["actors"]).split(" | "))
    deal = event("The rebels signed a truce deal with the government on Sunday.", "AGREE", "deal")
    assert set(texts(deal["actors"]).split(" | ")) == {"rebels", "government"}


def test_who_dies_in_a_fight_was_a_side_of_it():
    fight = event("A robber was killed in a shootout with troopers.", "FIGHT", "shootout")
    assert texts(fight["actors"]) == "robber" and texts(fight["targets"]) == "troopers"
    # a clause that tells of no one's fate in the fight gives it no side
    fight = event("The mayor spoke in the city after the clashes with militants.", "FIGHT", "clashes")
    assert not fight["actors"]


def test_who_is_responsible_for_a_deed_did_it():
    attack = event("The group is responsible for the attack on the embassy.", "ATTACK", "attack")
    assert texts(attack["actors"]) == "group"
    attack = event("The man responsible for the bombing of the depot was caught.", "ATTACK", "bombing")
    assert texts(attack["actors"]) == "man"


def test_the_place_a_sentence_opens_with_is_the_scene_of_its_statement():
    text = "In the port city of Basra, police arrested a man who attacked a guard."
    assert texts(event(text, "ATTACK", "attacked")["location"]) == "Basra"
    text = "In Dover, a man was arrested after he fled from police."
    assert texts(event(text, "FLEE", "fled")["location"]) == "Dover"


def test_the_opening_place_does_not_reach_reported_earlier_or_placed_events():
    assert not event("In Mosul, officials said militants attacked a checkpoint.", "ATTACK", "attacked")["location"]
    assert not event("In Basra, police arrested a man who had attacked a guard.", "ATTACK", "attacked")["location"]
    placed = event("In Basra, police arrested a man who attacked a guard in Kirkuk.", "ATTACK", "attacked")
    assert texts(placed["location"]) == "Kirkuk"


def test_a_bare_coordinated_verb_continues_where_the_verbs_before_it_are_or_arrive():
    text = "The driver pulled into a parking lot on Elm Street in Dover, jumped out of the car and fled on foot."
    assert set(texts(event(text, "FLEE", "fled")["location"]).split(" | ")) == {"Elm Street", "Dover"}
    assert texts(event("Gunmen drove to Dover and shot a clerk.", "ATTACK", "shot")["location"]) == "Dover"
    # not where the earlier verb left from, and not across a clause with its own subject
    assert not event("Gunmen left Dover and shot a clerk.", "ATTACK", "shot")["location"]
    assert not event("Gunmen drove to Dover, and police arrested them.", "ARREST", "arrested")["location"]


def test_a_flight_has_no_target_and_the_sides_of_an_agreement_are_its_actors():
    flight = event("The driver fled police after the crash.", "FLEE", "fled")
    assert not flight["targets"] and texts(flight["actors"]) == "driver"
    talks = event("The hostages were freed after talks between the rebels and the government brokered by Norway.",
                  "AGREE", "brokered")
    assert not talks["targets"] and {"Norway", "government"} <= set(texts(talks["actors"]).split(" | "))


def test_a_deed_named_in_a_charge_is_hedged_but_a_finding_of_guilt_is_not():
    assert event("Deputies charged Dale Brant with fleeing police.", "FLEE", "fleeing")["modality"] == "hedged"
    assert event("Brant was arrested on three counts of assault.", "ATTACK", "assault")["modality"] == "hedged"
    counts = event("Dale Brant was charged with four counts of assault.", "ATTACK", "assault")
    assert counts["modality"] == "hedged" and texts(counts["actors"]) == "Dale Brant"
    stab = event("Two men were charged with murder in the stabbing of a clerk.", "ATTACK", "stabbing")
    assert stab["modality"] == "hedged"
    assert event("Brant was convicted of assault last year.", "ATTACK", "assault")["modality"] == "asserted"
    # accused of plotting it: alleged (hedged wins over the plot's intended); a plot admitted stays intended
    text = "Officers detained two students accused of plotting a bomb attack on a market in Harwich."
    assert event(text, "ATTACK", "attack")["modality"] == "hedged"
    assert event("He admitted plotting an attack on the base.", "ATTACK", "attack")["modality"] == "intended"
    # the charge itself is told as done
    assert event("Deputies charged Dale Brant with fleeing police.", "CHARGE", "charged")["modality"] == "asserted"


def test_failing_or_refusing_does_not_negate_a_verb_only_coordinated_with_it():
    text = "The soldiers shot two men who failed to stop and began shooting at the checkpoint."
    assert event(text, "ATTACK", "shooting")["modality"] == "asserted"
    assert event("The gunmen refused to stop and opened fire on the soldiers.", "ATTACK", "opened")["modality"] \
        == "asserted"
    assert event("He denied the charges and fled to Spain.", "FLEE", "fled")["modality"] == "asserted"
    # what the failing or refusing governs stays negated
    assert event("The rebels refused to surrender in Homs.", "SURRENDER", "surrender")["modality"] == "negated"
    assert event("He denied fleeing to Spain last year.", "FLEE", "fleeing")["modality"] == "negated"
