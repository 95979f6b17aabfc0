"""Event recall, from the fresh dev gold's missed events grouped by cause (session 20): vehicles speeding through
crowds, a noun that only restates the trigger noun, charges as a noun, verdicts and freeing phrases, gunfights and
muggings. Each with a near miss that must stay no event (or keep its modality)."""


from helpers import events_of, texts


def test_a_vehicle_tearing_or_barrelling_through_a_crowd_is_an_attack():
    (event,) = events_of("A grey van barrelled for a kilometre through a crowd of fans outside the arena.", "ATTACK")
    assert "crowd" in texts(event["targets"]) and not event["actors"]
    (event,) = events_of("Camera footage showed a lorry speeding up and tearing through the crowd.", "ATTACK")
    assert "crowd" in texts(event["targets"])
    (event,) = events_of("A pickup hurtled into a group of runners near the finish line.", "ATTACK")
    assert "runners" in texts(event["targets"])
    # no crowd, or a rail vehicle, or people tearing through a defence: no attack
    assert not events_of("The car hurtled into a ditch after the bend.", "ATTACK")
    assert not events_of("A tram careered into a crowd of commuters after its brakes failed.", "ATTACK")
    assert not events_of("The home side tore through the visitors' defence in the first half.", "ATTACK")


def test_a_crowd_rammed_by_a_vehicle_or_by_one_that_ran_into_it():
    (event,) = events_of("The van rammed the crowd outside the stadium.", "ATTACK")
    assert "crowd" in texts(event["targets"])
    (event,) = events_of("Officers stand beside a truck that ran into a crowd of pilgrims.", "ATTACK")
    assert not event["actors"]  # the truck is the weapon, not the attacker
    assert not events_of("The van rammed the gate outside the stadium.", "ATTACK")


def test_a_noun_that_restates_the_trigger_noun_keeps_the_event():
    (event,) = events_of("The judge escaped an assassination attempt by a gunman in 1998.", "ATTACK")
    assert event["modality"] == "attempted" and "gunman" in texts(event["actors"])
    assert events_of("Police were called to a stabbing incident at a bar on Friday.", "ATTACK")
    assert not events_of("The army showed off its new attack helicopter.", "ATTACK")


def test_charges_against_someone_or_faced_are_a_charge():
    (event,) = events_of("Investigators concluded no criminal charges were justified against the coach.", "CHARGE")
    assert event["modality"] == "negated" and "coach" in texts(event["targets"])
    (event,) = events_of("The two pilots could face criminal charges, officials said.", "CHARGE")
    assert "pilots" in texts(event["targets"]) and not event["actors"]
    assert not events_of("The phone lasts two days on a single charge.", "CHARGE")
    assert not events_of("The bank raised its charges for overdrafts.", "CHARGE")
    assert not events_of("The engineer in charge of the project resigned.", "CHARGE")


def test_a_guilty_verdict_is_a_charge_and_acquittal_is_not():
    (event,) = events_of("A jury found her guilty of fraud in March.", "CHARGE")
    assert "her" in texts(event["targets"]) and "jury" in texts(event["actors"])
    (event,) = events_of("He was found guilty of theft last year.", "CHARGE")
    assert "He" in texts(event["targets"])
    assert not events_of("The court found the two brothers not guilty of theft.", "CHARGE")


def test_going_or_walking_free_is_a_release_of_the_subject():
    (event,) = events_of("Four of the captives will go free next week.", "RELEASE")
    assert event["modality"] == "future" and not event["actors"]
    assert "Four of the captives" in texts(event["targets"])
    (event,) = events_of("The banker walked free from court on Monday.", "RELEASE")
    assert "banker" in texts(event["targets"])
    assert not events_of("The children went to the park on Monday.", "RELEASE")


def test_gunfights_and_muggings():
    (event,) = [e for e in events_of("The gunman exchanged fire with officers before he was killed.", "ATTACK")
                if e["trigger"] == "exchanged fire"]
    assert "gunman" in texts(event["actors"]) and "officers" in texts(event["targets"])
    (event,) = events_of("He died in a shootout with police in Marseille.", "FIGHT")
    assert "police" in texts(event["targets"])
    assert events_of("Muggings near the station were reported to police on Sunday.", "ATTACK")
    assert not events_of("Mugging for the cameras, the singer waved to fans.", "ATTACK")


def test_physical_and_sexual_assault_of_a_person_is_an_attack():
    (event,) = events_of("Three men assaulted a cyclist outside the pub on Sunday.", "ATTACK")
    assert "men" in texts(event["actors"]) and "cyclist" in texts(event["targets"])
    (event,) = events_of("The two tourists were set upon by a gang of youths.", "ATTACK")
    assert "tourists" in texts(event["targets"])
    (event,) = events_of("Several passengers said they were groped by a man on the night bus.", "ATTACK")
    assert "man" in texts(event["actors"])
    assert not events_of("The team set off for Lisbon on Monday.", "ATTACK")


def test_handing_over_captives_releases_them_and_oneself_surrenders():
    (event,) = events_of("The kidnappers handed over nine hostages to the Red Cross on Friday.", "RELEASE")
    assert "kidnappers" in texts(event["actors"]) and "hostages" in texts(event["targets"])
    assert not events_of("The kidnappers handed over nine hostages to the Red Cross on Friday.", "SURRENDER")
    (event,) = events_of("The fugitive handed himself over to police in Derby.", "SURRENDER")
    assert "fugitive" in texts(event["actors"])
    assert not events_of("The fugitive handed himself over to police in Derby.", "RELEASE")
    # suspects handed to the police or another state are transferred: no event
    assert not events_of("The three suspects were handed over to French police.", "RELEASE")
    assert not events_of("The three suspects were handed over to French police.", "SURRENDER")


def test_rape_as_a_noun_needs_a_participant():
    assert events_of("He was jailed for the rape of a student in 2019.", "ATTACK")
    assert not events_of("Offences ranged from shoplifting to rape.", "ATTACK")
