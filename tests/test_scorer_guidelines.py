"""The scorer follows tests/gold/GUIDELINES.md where a rule concerns counting (written for the fixes made there)."""

from evaluation import extraction as ex

TEXT = "Five people were shot. Police said five people were shot near the market."


def quantity(start: int) -> dict:
    return {"text": "Five", "value": 5, "low": 5, "high": 5, "approximate": False,
            "counted": {"text": "people", "entity": None}, "attribution": None, "start": start, "end": start + 4}


def test_a_quantity_repeated_verbatim_counts_once():
    gold = {"quantities": [{"text": "five", "value": 5, "low": 5, "high": 5, "approximate": False,
                            "counted": "people"}]}
    record = {"document": {"text": TEXT}, "quantities": [quantity(0), quantity(35)], "sentences": []}
    res = ex.score_document(gold, record, TEXT)
    assert (res.quantities.tp, res.quantities.fp, res.quantities.fn) == (1, 0, 0)


def test_different_quantities_still_count_separately():
    gold = {"quantities": [{"text": "five", "value": 5, "low": 5, "high": 5, "approximate": False,
                            "counted": "people"}]}
    other = {**quantity(35), "text": "six", "value": 6, "low": 6, "high": 6}
    record = {"document": {"text": TEXT}, "quantities": [quantity(0), other], "sentences": []}
    res = ex.score_document(gold, record, TEXT)
    assert (res.quantities.tp, res.quantities.fp) == (1, 1)


def test_one_relation_per_type_and_pair():
    def rel(subject, obj, start):
        return {"type": "SPOUSE", "subject": {"text": subject, "entity": "d-e1" if "Ali" in subject else "d-e2"},
                "object": {"text": obj, "entity": "d-e2" if "Sara" in obj else "d-e1"}, "role": None,
                "sentence": 0, "start": start, "end": start + 5}
    gold = {"relations": [{"type": "SPOUSE", "subject": "Ali Demir", "object": "Sara Demir"}]}
    record = {"document": {"text": TEXT}, "relations": [rel("Ali Demir", "Sara Demir", 0), rel("Sara", "Ali", 30)],
              "sentences": []}
    res = ex.score_document(gold, record, TEXT)
    assert (res.relations.tp, res.relations.fp, res.relations.fn) == (1, 0, 0)
