"""Trigger classes added to the lexicon (data/events.yaml) with their sense limits (data/senses.yaml): register
variants of core verbs, physical assault (GUIDELINES.md decision 3), the nouns of listed verbs, the "<verb> fire"
family. Each class is tested on sentences of our own, for the event sense and for the other senses it must not
take."""

from helpers import events_of


def _triggers(text: str, etype: str) -> list[str]:
    return [e["trigger"] for e in events_of(text, etype)]


def test_physical_assault_of_a_person_is_an_attack():
    (beat,) = events_of("Three youths beat a shopkeeper with a bat in Leeds on Friday.", "ATTACK")
    assert [a["text"] for a in beat["targets"]] == ["shopkeeper"]  # the bat is the weapon, no target
    assert _triggers("Two men beat up a taxi driver outside the station.", "ATTACK")
    assert _triggers("A drunk passenger punched a flight attendant on the plane.", "ATTACK")
    assert _triggers("The suspect kicked a nurse in the stomach.", "ATTACK")
    assert _triggers("She slapped a police officer during the protest.", "ATTACK")
    assert _triggers("The farmer was hacked to death with a machete.", "ATTACK")
    assert _triggers("Villagers clubbed the thief to death.", "ATTACK")


def test_beating_winning_and_other_blows_are_no_attacks():
    assert not events_of("Arsenal beat Chelsea 2-0 on Saturday.", "ATTACK")
    assert not events_of("The firm beat analysts' expectations for the quarter.", "ATTACK")
    assert not events_of("Stocks took a beating on Wall Street on Monday.", "ATTACK")
    assert not events_of("The drill punched a hole in the wall.", "ATTACK")
    assert not events_of("The festival kicked off the season in Austin.", "ATTACK")
    assert not events_of("Washington slapped tariffs on Chinese steel.", "ATTACK")
    assert not events_of("The firm was slapped with a lawsuit by its rivals.", "ATTACK")
    assert not events_of("Hackers hacked the company's servers last year.", "ATTACK")


def test_nouns_of_attack_verbs_name_the_act():
    assert _triggers("The beating of the student was filmed by a bystander.", "ATTACK") == ["beating"]
    assert _triggers("The slaying of the shop owner shocked the town.", "ATTACK") == ["slaying"]
    (event,) = events_of("The destruction of the bridge by the rebels cut the town off.", "ATTACK")
    assert [a["text"] for a in event["actors"]] == ["rebels"]
    assert not events_of("Weapons of mass destruction were never found.", "ATTACK")
    assert not events_of("The destruction caused by the storm was vast.", "ATTACK")
    assert not events_of("Scenes of destruction greeted the visitors.", "ATTACK")


def test_register_variants_of_killing_and_bombing():
    assert _triggers("A man was slain in his home in Omaha late Sunday.", "ATTACK") == ["slain"]
    assert _triggers("Government forces bombarded the district overnight.", "ATTACK") == ["bombarded"]
    assert _triggers("The bombardment of Homs continued for a week.", "ATTACK") == ["bombardment"]
    assert _triggers("Militiamen slaughtered forty villagers in the night.", "ATTACK")
    assert not events_of("Viewers are bombarded with ads every day.", "ATTACK")
    assert not events_of("Farmers slaughtered 300 sheep for the festival.", "ATTACK")
    assert not events_of("They slaughtered their rivals 5-0 in the final.", "ATTACK")


def test_weapon_discharge_phrases_share_one_family():
    assert _triggers("Officers returned fire and wounded the gunman.", "ATTACK") == ["returned fire"]
    (event,) = events_of("The gunman traded fire with deputies in Tulsa.", "ATTACK")
    assert [a["text"] for a in event["targets"]] == ["deputies"]
    assert not events_of("The minister came under fire for the remarks.", "ATTACK")
    assert not events_of("The building caught fire overnight.", "ATTACK")


def test_thrown_projectiles_are_attacks_other_throws_are_not():
    assert _triggers("Protesters hurled stones at police in Hebron.", "ATTACK") == ["hurled"]
    assert not events_of("The couple threw a party for their neighbours.", "ATTACK")
    assert not events_of("Fans hurled insults at the referee.", "ATTACK")


def test_police_register_and_subduing_are_arrests():
    (event,) = events_of("Detectives busted two dealers at a motel in Reno.", "ARREST")
    assert [a["text"] for a in event["actors"]] == ["Detectives"]
    assert events_of("Passengers overpowered the attacker before police arrived.", "ARREST")
    assert not events_of("The show busted the myth about sharks.", "ARREST")


def test_surrender_agreement_allegiance_and_court_phrases():
    assert _triggers("Rebels laid down their arms in Goma on Monday.", "SURRENDER")
    assert _triggers("The fighters swore allegiance to the militia.", "RECRUIT")
    assert _triggers("The two countries signed a peace treaty in Oslo.", "AGREE") == ["treaty"]
    assert not events_of("The treaty of 1920 set the border.", "AGREE")
    (event,) = events_of("Prosecutors launched proceedings against the mayor.", "CHARGE")
    assert [a["text"] for a in event["targets"]] == ["mayor"]
    assert not events_of("The proceedings of the conference were published.", "CHARGE")


def test_invasion_and_storming_take_territory():
    assert _triggers("Iraq invaded Kuwait in 1990.", "FIGHT") == ["invaded"]
    assert _triggers("The storming of the palace by rebels lasted an hour.", "FIGHT") == ["storming"]
    assert not events_of("Fans invaded the pitch after the final whistle.", "FIGHT")
    assert not events_of("The invasion of privacy angered users.", "FIGHT")


def test_beaten_by_people_who_use_force_but_not_by_a_rival_team():
    (event,) = events_of("Protesters said they were beaten by police in Minsk.", "ATTACK")
    assert [a["text"] for a in event["actors"]] == ["police"]
    assert not events_of("The champions were beaten by Arsenal on Sunday.", "ATTACK")


def test_detention_as_custody_is_a_state_the_act_is_an_arrest():
    assert not events_of("Two journalists remain in pretrial detention in Ankara.", "ARREST")
    assert not events_of("He spent six months in administrative detention.", "ARREST")
    assert not events_of("He was released from detention on Monday.", "ARREST")
    assert events_of("Police confirmed the detention of three suspects in Lyon.", "ARREST")
