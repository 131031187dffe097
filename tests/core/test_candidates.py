"""The candidate index: alignment on candidate sentences only gives the links of full alignment."""

from __future__ import annotations

from itertools import combinations

from tests.core.conftest import SEEDS
from tui.core.align import align_prepared
from tui.core.candidates import candidate_pairs, pair_weights, restrict
from tui.core.prepare import prepare, story_weights


def test_restricted_alignment_matches_full_alignment_on_the_seeds() -> None:
    texts = [path.read_text(encoding="utf-8") for path in sorted(SEEDS.glob("*.txt"))]
    prepared = [prepare(text) for text in texts]
    weights = story_weights(prepared)
    found = {(pair.a, pair.b): pair for pair in candidate_pairs(prepared, weights)}
    for a, b in combinations(range(len(texts)), 2):
        full = {(l.a, l.b, l.tier) for l in align_prepared(prepared[a], prepared[b], weights)}
        if not full:
            continue
        pair = found[a, b]
        pa, pb = restrict(prepared[a], pair.units_a), restrict(prepared[b], pair.units_b)
        part = align_prepared(pa, pb, pair_weights(weights, pa, pb))
        assert {(l.a, l.b, l.tier) for l in part} == full
        assert len(pair.units_a) < len(prepared[a].units)


def test_unrelated_articles_are_no_candidates() -> None:
    texts = [
        "The harbour froze early this winter. Ferries stopped running to the islands.",
        "A new library opened downtown. Its reading room seats two hundred visitors.",
        "Ferries stopped running to the islands after the harbour froze early this winter.",
    ]
    prepared = [prepare(text) for text in texts]
    pairs = candidate_pairs(prepared, story_weights(prepared))
    assert [(pair.a, pair.b) for pair in pairs] == [(0, 2)]


def test_a_headline_alone_keeps_the_whole_article() -> None:
    prepared = prepare("Ferries stop as the harbour freezes\n\nThe harbour froze. Boats wait.")
    assert restrict(prepared, [0]) is prepared
    assert restrict(prepared, [1]).units == (prepared.units[1],)


def test_cancelled_search_returns_what_it_has() -> None:
    prepared = [prepare("The harbour froze early this winter.")] * 3
    assert candidate_pairs(prepared, story_weights(prepared), cancelled=lambda: True) == []
