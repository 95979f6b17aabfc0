"""Categories of wrong events found by the real-article audit (filming, devices, adjectives, dates, warnings,
vows, contracts, failures), each with its event sense kept: data/senses.yaml. Sentences written for these tests."""

from helpers import events_of, texts


def test_filming_and_photography_are_no_shooting_or_capture():
    assert not events_of("Footage shot by a neighbour and shared online shows the burnt van.", "ATTACK")
    assert not events_of("The crew spent April shooting the courtroom sequences in Leeds.", "ATTACK")
    assert not events_of("The comet was captured on camera by an amateur astronomer in Kent.", "ARREST")
    assert not events_of("The convoy was captured in satellite images taken on Friday.", "ARREST")
    (shot,) = events_of("A guard was shot by a sniper near the gate in Kherson.", "ATTACK")
    assert texts(shot["targets"]) == "guard"
    assert events_of("Soldiers captured two fighters near the bridge on Sunday.", "ARREST")


def test_charging_devices_or_charging_ahead_is_no_criminal_charge():
    assert not events_of("The new dock lets you keep charging a laptop and a phone at the same time.", "CHARGE")
    assert not events_of("Ten minutes of charging gives the earbuds three hours of music.", "CHARGE")
    assert not events_of("The kiosk sells a fast charging cable for five dollars.", "CHARGE")
    assert not events_of("A man with a knife charged into the shop just after noon.", "CHARGE")
    (event,) = events_of("Prosecutors charged the former mayor with bribery on Monday.", "CHARGE")
    assert "former mayor" in texts(event["targets"])
    assert events_of("Two guards were charged with falsifying records.", "CHARGE")


def test_striking_as_an_adjective_or_an_impression_is_no_attack():
    assert not events_of("It is striking that nearly every bank missed the forecast, the economist said.", "ATTACK")
    assert not events_of("The striking blue facade of the museum draws crowds.", "ATTACK")
    assert not events_of("The decision struck me as rushed, the senator said.", "ATTACK")
    assert not events_of("Tragedy struck the village when the dam failed.", "ATTACK")
    assert events_of("Drones struck a fuel depot near Belgorod overnight.", "ATTACK")


def test_targeting_a_date_or_a_market_is_no_attack():
    assert not events_of("The company said it was targeting March for the first flight.", "ATTACK")
    assert not events_of("The brand will target fans with new offers this season.", "ATTACK")
    assert events_of("Gunmen targeted a police checkpoint in Peshawar on Monday.", "ATTACK")


def test_defending_a_decision_or_a_title_is_no_fight():
    assert not events_of("The minister defended the handling of the floods in parliament.", "FIGHT")
    assert not events_of("The defending champion lost in the first round in Paris.", "FIGHT")


def test_a_warning_of_danger_or_a_vow_to_help_is_no_threat():
    assert not events_of("The agency was warning of a flood risk along the coast.", "THREATEN")
    assert not events_of("Experts warned of the growing cyber threat to hospitals.", "THREATEN")
    assert not events_of("The governor vowed to help the families of the victims.", "THREATEN")
    assert events_of("The rebel leader vowed to punish the traitors in Goma.", "THREATEN")


def test_contract_documents_are_no_agreement_between_parties():
    assert not events_of("New staff must sign nondisclosure agreements before they start.", "AGREE")
    assert events_of("Kenya and Ethiopia signed a border agreement in Addis Ababa.", "AGREE")


def test_a_failure_or_refusal_to_act_is_no_event():
    assert not events_of("The army's failure to free the hostages angered their families.", "RELEASE")
    assert not events_of("Their refusal to leave the square surprised the police.", "TRAVEL")
    assert events_of("The army freed the hostages near Maiduguri on Sunday.", "RELEASE")


def test_a_fee_charged_to_someone_is_no_criminal_charge():
    assert not events_of("Members who cancel late will be charged a small fee by the gym.", "CHARGE")
    assert events_of("The driver was charged with dangerous driving in Leeds.", "CHARGE")


def test_things_do_not_threaten_or_surround():
    assert not events_of("Rising costs are threatening to push the bakery out of business.", "THREATEN")
    assert not events_of("She was cleared by an inquiry that threatened to end her career.", "THREATEN")
    assert not events_of("The questions surrounding the contract have not gone away.", "FIGHT")
    assert not events_of("The lake was surrounded by a thick white fog at dawn.", "FIGHT")
    assert events_of("The gang threatened to burn the shop in Turin.", "THREATEN")
    assert events_of("Rebel fighters surrounded the town of Kalehe on Friday.", "FIGHT")


def test_a_capability_or_a_figurative_destruction_is_no_attack():
    assert not events_of("The navy has the power to destroy any ship in the strait, the admiral said.", "ATTACK")
    assert not events_of("Critics say the reform will destroy the economy of the region.", "ATTACK")
    assert events_of("Artillery destroyed a bridge near Izium on Tuesday.", "ATTACK")


def test_an_intercepted_quarterback_is_no_arrest():
    assert not events_of("Rams quarterback Dale Pruitt was intercepted three times and fumbled once.", "ARREST")
