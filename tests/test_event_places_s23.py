"""Event places from the audit rounds 6-8 ("wrong place", "missing place", "place from another clause", issue 12): a
named person's home town after "of" is not where the event was; a verb of what an event set off does not place it;
the clause of happening or the verb that coordinated event nouns share places all of them; a place possessing a
gathering places what happened there; a bare participle continuing an act places the act too. Each next to the case
that must not change. Sentences written for these tests."""

from helpers import events_of

PLACE_ROLES = ("location", "origin", "destination", "via")


def one(text: str, type_: str, trigger: str) -> dict:
    return next(e for e in events_of(text, type_) if e["trigger"].startswith(trigger))


def places(event: dict, roles: tuple[str, ...] = PLACE_ROLES) -> set[str]:
    return {a["text"] for role in roles for a in event[role]}


def test_a_named_persons_home_town_is_not_the_place_of_the_event():
    event = one("Deputies arrested Mark R. Olsen, 41, of Springfield, after a traffic stop on Route 9.", "ARREST",
                "arrested")
    assert "Springfield" not in places(event)
    event = one("Police detained Anna Berg, 29, of Uppsala, at the train station in Stockholm.", "ARREST", "detained")
    assert places(event) == {"Stockholm"}
    # the arrest's own "of" phrase still names its target and its "in" phrase its place
    event = one("The arrest of Jonas Velde in Oslo surprised his neighbours.", "ARREST", "arrest")
    assert places(event) == {"Oslo"}


def test_a_verb_of_what_the_event_set_off_does_not_place_it():
    event = one("His attack opened a new chapter of terrorism in Europe and Asia.", "ATTACK", "attack")
    assert not places(event)
    # a verb telling the event itself or its harm still does
    event = one("The attack left three soldiers dead near Kunduz.", "ATTACK", "attack")
    assert places(event) == {"Kunduz"}
    event = one("The bombing took place outside a hotel in Mogadishu.", "ATTACK", "bombing")
    assert places(event) == {"Mogadishu"}


def test_coordinated_event_nouns_share_their_clause_of_happening_and_their_verb():
    event = one("Police are looking into reports of thefts and assaults that happened outside Bremen's old town hall.",
                "ATTACK", "assaults")
    assert places(event) == {"Bremen"}
    event = one("New checks were ordered after thefts and assaults were carried out at a fair in Kassel last year.",
                "ATTACK", "assaults")
    assert places(event) == {"Kassel"}


def test_a_place_possessing_a_gathering_places_what_happened_there():
    event = one("Many assaults were carried out at Bremen's carnival party last year.", "ATTACK", "assaults")
    assert places(event) == {"Bremen"}
    # the possessor of a demand or a decision is whose it is
    event = one("The talks may collapse if the chancellor agrees to Ankara's demands.", "AGREE", "agrees")
    assert "Ankara" not in places(event)


def test_a_bare_participle_continuing_an_act_places_the_act():
    event = one("A man drove his van into a crowd, injuring 11 people in Lyon, France.", "ATTACK", "drove")
    assert places(event, ("location",)) == {"Lyon", "France"}
    event = one("A gunman opened fire on shoppers, wounding nine people at a market in Bremen.", "ATTACK", "opened")
    assert places(event) == {"Bremen"}
    # not a participle of a consequence, nor one with a subject of its own
    event = one("Troops stormed the compound, prompting alarm in Kabul.", "FIGHT", "stormed")
    assert "Kabul" not in places(event)
    event = one("Gunmen attacked the depot, police arresting two of them in Herat.", "ATTACK", "attacked")
    assert "Herat" not in places(event)
    event = one("Militants attacked a checkpoint, killing two guards in Herat.", "ATTACK", "attacked")
    assert places(event) == {"Herat"}


def test_a_place_in_the_phrase_of_one_end_of_a_route_belongs_to_that_end():
    event = one("In 1990, a student named Karl Berg was returning to Canada from a long holiday in Portugal.",
                "RETURN", "returning")
    assert places(event, ("origin",)) == {"Portugal"}
    assert not places(event, ("location",))
    event = one("The minister flew to a summit in Geneva on Monday.", "TRAVEL", "flew")
    assert places(event, ("destination",)) == {"Geneva"}
    # a "to" hung on the noun is the verb's own phrase: it keeps its role
    event = one("Refugees fled from the fighting in Aleppo to Turkey.", "FLEE", "fled")
    assert places(event, ("origin",)) == {"Aleppo"}
    assert places(event, ("destination",)) == {"Turkey"}


def test_a_quantity_over_event_nouns_stands_for_them():
    event = one("Police are checking reports of dozens of thefts and assaults that occurred outside Bremen's old "
                "cathedral.", "ATTACK", "assaults")
    assert places(event) == {"Bremen"}
    event = one("Checks were ordered after large numbers of assaults were carried out at Bremen's carnival "
                "celebrations.", "ATTACK", "assaults")
    assert places(event) == {"Bremen"}


def test_an_arrest_happened_where_its_after_being_clause_puts_the_arrested():
    event = one("A courier was arrested after being injured in a shootout near the harbour in Benghazi.", "ARREST",
                "arrested")
    assert places(event) == {"Benghazi"}
    # not another type: a killing may have happened elsewhere
    event = one("The driver was killed after being kidnapped in Mosul.", "ATTACK", "killed")
    assert "Mosul" not in places(event)
