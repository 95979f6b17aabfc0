"""Participants of event nouns named by the verb around the noun (dev audit: missing target, wrong agent, missing
agent): whoever faces or suffers the event is its target, never its doer; whoever makes, seeks or reaches a deal,
or buys through one, is a side of it. Each rule on sentences of our own, with a near case it must leave alone."""

from helpers import events_of, texts


def test_who_faces_prosecution_is_its_target_not_its_doer():
    (event,) = events_of("The retired judge faced prosecution for bribery in 2015.", "CHARGE")
    assert "judge" in texts(event["targets"]) and "judge" not in texts(event["actors"])


def test_who_will_stand_or_await_trial_is_its_target():
    (event,) = events_of("The two suspects will stand trial in March, prosecutors said.", "CHARGE")
    assert "suspects" in texts(event["targets"]) and not event["actors"]
    (event,) = events_of("The guard now awaits trial on charges of theft.", "CHARGE")
    assert "guard" in texts(event["targets"])


def test_a_coordinated_event_noun_after_faces_keeps_the_subject_as_target():
    events = events_of("The governor who faces impeachment and prosecution left the country.", "CHARGE")
    assert events and all("governor" in texts(e["targets"]) and not e["actors"] for e in events)


def test_victims_of_an_event_noun_are_its_targets():
    (event,) = events_of("Some 40 students became victims of assault near the campus on Saturday.", "ATTACK")
    assert "students" in texts(event["targets"])
    (event,) = events_of("Dozens of tourists fell victim to an attack by armed men near the hotel.", "ATTACK")
    assert "tourists" in texts(event["targets"]) and "armed men" in texts(event["actors"])


def test_a_battle_faced_keeps_its_side_as_actor():
    (event,) = events_of("The army faced a fierce battle near the river.", "FIGHT")
    assert "army" in texts(event["actors"]) and not event["targets"]


def test_a_suffered_attack_has_the_sufferer_as_target():
    events = events_of("The patrol suffered an ambush and heavy shelling near the border.", "ATTACK")
    assert events and all("patrol" in texts(e["targets"]) and not e["actors"] for e in events)


def test_who_comes_to_or_enters_into_an_agreement_is_a_side():
    (event,) = events_of("The two firms came to an agreement on prices last week.", "AGREE")
    assert "firms" in texts(event["actors"])
    (event,) = events_of("Both airlines entered into a code-sharing agreement in 2019.", "AGREE")
    assert "airlines" in texts(event["actors"])


def test_who_buys_through_a_deal_is_a_side_but_not_its_backer():
    (event,) = events_of("Northwind Capital bought the paper mill in a deal backed by a pension fund.", "AGREE")
    assert "Northwind Capital" in texts(event["actors"]) and "fund" not in texts(event["actors"])


def test_who_wants_a_deal_is_a_side():
    (event,) = events_of("The senator said he wants a deal with the unions before the summer.", "AGREE")
    assert "senator" in texts(event["actors"]) and "unions" in texts(event["actors"])


def test_a_deal_in_a_phrase_of_another_verb_gives_no_side():
    (event,) = events_of("Reporters asked questions about the deal at the press conference.", "AGREE")
    assert "Reporters" not in texts(event["actors"])


def test_the_suspect_in_a_deed_is_its_doer():
    (event,) = events_of("The driver was the prime suspect in the killing of two border guards.", "ATTACK")
    assert "driver" in texts(event["actors"]) and "guards" in texts(event["targets"])
    (event,) = events_of("The suspects in most of the robberies and assaults were teenagers.", "ATTACK")
    assert "teenagers" in texts(event["actors"])


def test_the_group_behind_a_deed_is_its_doer():
    (event,) = events_of("The militia behind the bombing of the market has not commented.", "ATTACK")
    assert "militia" in texts(event["actors"])


def test_a_place_behind_an_event_word_is_no_doer():
    for event in events_of("Smoke rose from the hill behind the shelling positions.", "ATTACK"):
        assert "hill" not in texts(event["actors"])


def test_victims_named_as_such_are_targets():
    (event,) = events_of("Three cousins from Ohio were named on Monday as victims of the massacre.", "ATTACK")
    assert "cousins" in texts(event["targets"])


def test_a_run_of_events_takes_the_light_verb_subject_or_the_sufferer():
    (event,) = events_of("The insurgents carried out a wave of assaults on border posts in March.", "ATTACK")
    assert "insurgents" in texts(event["actors"])
    (event,) = events_of("The gang launched a wave of robberies and assaults across the district.", "ATTACK")
    assert "gang" in texts(event["actors"])
    (event,) = events_of("The country has faced a series of militant attacks in the past year.", "ATTACK")
    assert "country" in texts(event["targets"]) and "country" not in texts(event["actors"])


def test_at_the_hands_of_names_the_doer():
    (event,) = events_of("The village suffered repeated bombings at the hands of the militia.", "ATTACK")
    assert "militia" in texts(event["actors"]) and "village" in texts(event["targets"])
    (event,) = events_of("Two soldiers were killed at the hands of insurgents near the base.", "ATTACK")
    assert "insurgents" in texts(event["actors"])


def test_a_describing_participle_names_the_doer_by():
    (event,) = events_of("The indictments handed down by the grand jury name four officers.", "CHARGE")
    assert "grand jury" in texts(event["actors"])
    (event,) = events_of("The raid carried out by special forces freed two hostages.", "ATTACK")
    assert "special forces" in texts(event["actors"])


def test_a_participle_that_does_not_do_the_event_names_no_doer():
    (event,) = events_of("Northwind Capital bought the paper mill in a deal backed by a pension fund.", "AGREE")
    assert "fund" not in texts(event["actors"])


def test_against_after_the_attacks_a_killing_happened_in_is_what_the_attacks_hit():
    text = "Twelve people were killed in attacks in March 2016 against a newspaper office and a bakery in Lyon."
    attacks = next(e for e in events_of(text, "ATTACK") if e["trigger"] == "attacks")
    killed = next(e for e in events_of(text, "ATTACK") if e["trigger"] == "killed")
    assert "newspaper office" in texts(attacks["targets"]) and "bakery" in texts(attacks["targets"])
    assert "Twelve people" in texts(killed["targets"]) and "bakery" not in texts(killed["targets"])


def test_who_has_faced_trial_is_its_target_however_the_verb_is_parsed():
    (event,) = events_of("Since his removal, Ortega has since faced trial on a number of charges, including bribery.",
                         "CHARGE")
    assert "Ortega" in texts(event["targets"]) and not event["actors"]
    # the parser sometimes reads "faced" as the noun's modifier, its subject still under it
    from spacy.tokens import Doc
    from spacy.vocab import Vocab

    from newsintel.extract.noun_roles import undergoer

    words = ["Ortega", "has", "faced", "trial"]
    doc = Doc(Vocab(), words=words, heads=[2, 2, 3, 3], deps=["nsubj", "aux", "amod", "ROOT"],
              pos=["PROPN", "AUX", "VERB", "NOUN"], lemmas=["Ortega", "have", "face", "trial"])
    assert [t.text for t in undergoer(doc[3], "CHARGE")] == ["Ortega"]
    assert undergoer(doc[3], "FIGHT") == []
