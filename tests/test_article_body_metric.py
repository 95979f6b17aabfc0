"""Tests of the article-body benchmark metric on tiny hand-made texts."""

from collections import Counter

import pytest

from evaluation.article_body import (
    aggregate,
    bootstrap_std,
    doc_precision,
    doc_recall,
    exact_match,
    f1,
    macro_precision_recall,
    score,
    shingle_match,
    shingles,
    tokenize,
)


def approx_triple(t, expected):
    assert t == pytest.approx(expected)


def test_tokenize_drops_punctuation_keeps_case():
    assert tokenize("Hello, World! It's 3.5") == ["Hello", "World", "It", "s", "3", "5"]
    assert tokenize("") == []
    assert tokenize(None) == []


def test_shingles_basic_and_short_and_empty():
    assert shingles("a b c d e") == Counter({("a", "b", "c", "d"): 1, ("b", "c", "d", "e"): 1})
    assert shingles("a b c d") == Counter({("a", "b", "c", "d"): 1})
    # fewer than 4 tokens: a single shingle of all tokens
    assert shingles("a, b c") == Counter({("a", "b", "c"): 1})
    assert shingles("word") == Counter({("word",): 1})
    assert shingles("  ... ") == Counter()


def test_perfect_match():
    gold = "The quick brown fox jumps over the lazy dog."
    approx_triple(shingle_match(gold, "The quick brown fox\n\njumps over the lazy dog"), (1, 0, 0))
    res = score([gold], [gold], bootstrap=0)
    assert res == pytest.approx({"precision": 1, "recall": 1, "f1": 1, "accuracy": 1})


def test_empty_prediction():
    t = shingle_match("a b c d e", "")
    approx_triple(t, (0, 0, 1))
    assert doc_precision(t) is None  # not counted in the precision average
    assert doc_recall(t) == 0
    # two docs, one empty prediction: precision averages over the other only
    res = score(["a b c d e", "x y z w v"], ["", "x y z w v"], bootstrap=0)
    assert res["precision"] == pytest.approx(1.0)
    assert res["recall"] == pytest.approx(0.5)
    assert res["f1"] == pytest.approx(2 * 1 * 0.5 / 1.5)
    assert res["accuracy"] == pytest.approx(0.5)


def test_both_empty_is_excluded():
    t = shingle_match("", "")
    assert t == (0.0, 0.0, 0.0)
    assert doc_precision(t) is None and doc_recall(t) is None


def test_partial_overlap_hand_computed():
    # gold shingles {abcd, bcde}; pred {abcd, bcdx}: tp=1, fp=1, fn=1 -> 1/3 each
    t = shingle_match("a b c d e", "a b c d x")
    approx_triple(t, (1 / 3, 1 / 3, 1 / 3))
    assert doc_precision(t) == pytest.approx(0.5)
    assert doc_recall(t) == pytest.approx(0.5)
    # truncated prediction: gold has 3 shingles, pred 2 of them -> P=1, R=2/3
    t2 = shingle_match("one two three four five six", "one two three four five")
    approx_triple(t2, (2 / 3, 0, 1 / 3))
    assert doc_precision(t2) == pytest.approx(1.0)
    assert doc_recall(t2) == pytest.approx(2 / 3)


def test_repeated_text_counts_as_false_positive():
    # pred shingles: abcd x2, bcda, cdab, dabc; gold: abcd -> tp=1, fp=4
    t = shingle_match("a b c d", "a b c d a b c d")
    approx_triple(t, (0.2, 0.8, 0))
    assert doc_precision(t) == pytest.approx(0.2)
    assert doc_recall(t) == pytest.approx(1.0)


def test_short_texts():
    approx_triple(shingle_match("Hello world", "Hello world!"), (1, 0, 0))
    approx_triple(shingle_match("Hello world", "hello world"), (0, 0.5, 0.5))  # case kept
    approx_triple(shingle_match("a b c", "a b c d"), (0, 0.5, 0.5))
    approx_triple(shingle_match("a b c d e", "a b"), (0, 1 / 3, 2 / 3))


def test_macro_average_over_two_docs():
    golds = ["one two three four five six", "a b c d e"]
    preds = ["one two three four five", "a b c d x"]
    triples = [shingle_match(g, p) for g, p in zip(golds, preds, strict=False)]
    p, r = macro_precision_recall(triples)
    assert p == pytest.approx((1.0 + 0.5) / 2)
    assert r == pytest.approx((2 / 3 + 0.5) / 2)
    res = score(golds, preds, bootstrap=0)
    # F1 is the harmonic mean of the averaged P and R, not the mean of per-doc F1s
    assert res["f1"] == pytest.approx(2 * 0.75 * (7 / 12) / (0.75 + 7 / 12))
    assert res["f1"] == pytest.approx(0.65625)
    mean_of_f1s = (f1(1.0, 2 / 3) + f1(0.5, 0.5)) / 2
    assert res["f1"] != pytest.approx(mean_of_f1s)
    assert res["accuracy"] == 0.0


def test_long_and_short_docs_weigh_the_same():
    long_gold = " ".join(f"w{i}" for i in range(400))
    res = score([long_gold, "a b c d e"], [long_gold, "a b c d x"], bootstrap=0)
    assert res["precision"] == pytest.approx(0.75)
    assert res["recall"] == pytest.approx(0.75)


def test_exact_match_ignores_punctuation_and_whitespace_only():
    assert exact_match("Hello, world.\n\nBye!", "Hello world Bye")
    assert not exact_match("Hello world", "Hello world Bye")
    assert not exact_match("Hello world", "hello world")


def test_bootstrap_is_deterministic_and_zero_for_identical_docs():
    golds = ["one two three four five six", "a b c d e", "p q r s t"]
    preds = ["one two three four five", "a b c d x", "p q r s t"]
    triples = [shingle_match(g, p) for g, p in zip(golds, preds, strict=False)]
    matches = [exact_match(g, p) for g, p in zip(golds, preds, strict=False)]
    s1 = bootstrap_std(triples, matches, samples=200, seed=1)
    s2 = bootstrap_std(triples, matches, samples=200, seed=1)
    assert s1 == s2
    assert s1["f1"] > 0
    same = bootstrap_std([(1.0, 0.0, 0.0)] * 3, [True] * 3, samples=50)
    assert same == pytest.approx({"precision": 0, "recall": 0, "f1": 0, "accuracy": 0})
    res = score(golds, preds, bootstrap=100)
    assert set(res) >= {"f1_std", "precision_std", "recall_std", "accuracy_std"}
    assert res == pytest.approx({**aggregate(triples, matches), **{k: res[k] for k in res if k.endswith("_std")}})
