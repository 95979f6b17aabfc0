"""The scale benchmark's probe reports must be new to the store it measures, about the same people."""

from benchmarks.synthetic import Generator


def test_probe_reports_are_unseen_but_about_the_same_population() -> None:
    stored = Generator(people=300)
    probes = Generator(people=300, reports_seed=20261206)
    assert [(p.first, p.last) for p in stored.people] == [(p.first, p.last) for p in probes.people]
    seen = {record.document.text for record in stored.records(0, 400)}
    fresh = [record.document.text for record in probes.records(10**9, 10**9 + 100)]
    assert not seen.intersection(fresh)
    stored_names = {e.name for r in Generator(people=300).records(0, 400) for e in r.entities if e.type == "PERSON"}
    probe_names = {e.name for r in Generator(people=300, reports_seed=5).records(0, 100) for e in r.entities
                   if e.type == "PERSON"}
    assert len(probe_names & stored_names) > len(probe_names) // 2  # the probes revisit known people
