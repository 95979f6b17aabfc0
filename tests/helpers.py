"""Test helpers: a generator of varied synthetic news texts (for volume tests, not for quality)."""

import random

PEOPLE = ["Driton Haliti", "Mohammed Benali", "Emir Mujanovic", "Fjolla Zeqiri", "Ercan Aslanoglu", "Dennis Koehler",
          "Arben Krasniqi", "Samir Haddad", "Lejla Begic", "Yusuf Demir"]
PLACES = ["Raqqa", "Gaziantep", "Istanbul", "Pristina", "Skopje", "Sarajevo", "Vienna", "Brussels", "Idlib",
          "Mosul", "Thessaloniki", "Sofia", "Hamburg", "Tirana", "Akcakale"]
VERBS = ["travelled from {a} to {b}", "was arrested in {a}", "crossed into Turkey near {a}",
         "returned to {a} from {b}", "is believed to be hiding in {a}", "planned to reach {b} via {a}"]


def synthetic_article(n: int, seed: int = 0) -> str:
    rng = random.Random(seed * 100_003 + n)
    lines = [f"Report {n}: {rng.choice(PEOPLE)} seen in {rng.choice(PLACES)}", ""]
    for _ in range(rng.randint(3, 7)):
        who, a, b = rng.choice(PEOPLE), rng.choice(PLACES), rng.choice(PLACES)
        verb = rng.choice(VERBS).format(a=a, b=b)
        lines.append(f"{who}, {rng.randint(19, 60)}, {verb} in {rng.choice(['March', 'May', 'October'])} "
                     f"{rng.randint(2014, 2026)}, officials said (case {n}-{rng.randint(0, 10**6)}).")
    return "\n".join(lines) + "\n"
