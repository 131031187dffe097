"""The story index: it proposes every article pair that has links, and few others."""

from __future__ import annotations

import random
from itertools import combinations

import pytest

from tests.paths import SEEDS
from tui.core.alignment import story_index as candidates
from tui.core.alignment.align import StoryAligner
from tui.core.alignment.story_index import candidate_pairs
from tui.core.alignment.units import ArticleUnits, cut_units, key_weights


def search(prepared: list[ArticleUnits]) -> candidates.Candidates:
    return candidate_pairs(prepared, StoryAligner(key_weights(prepared)))


def qualifying(prepared: list[ArticleUnits]) -> set[tuple[int, int, int, int]]:
    """Every sentence pair of two articles that qualifies for a tier, by brute force."""
    aligner = StoryAligner(key_weights(prepared))
    return {
        (a, i, b, j)
        for a, b in combinations(range(len(prepared)), 2)
        for i, ua in enumerate(prepared[a].units)
        for j, ub in enumerate(prepared[b].units)
        if prepared[a].has_prose and prepared[b].has_prose
        if ua.linkable and ub.linkable and aligner.may_link(ua, ub)
    }


def found(
    result: candidates.Candidates, prepared: list[ArticleUnits]
) -> set[tuple[int, int, int, int]]:
    """The qualifying pairs among the sentences the index kept."""
    aligner = StoryAligner(key_weights(prepared))
    return {
        (pair.a, i, pair.b, j)
        for pair in result.pairs
        for i in pair.units_a
        for j in pair.units_b
        if aligner.may_link(prepared[pair.a].units[i], prepared[pair.b].units[j])
    }


def test_every_seed_pair_with_links_is_proposed() -> None:
    texts = [path.read_text(encoding="utf-8") for path in sorted(SEEDS.glob("*.txt"))]
    prepared = [cut_units(text) for text in texts]
    aligner = StoryAligner(key_weights(prepared))
    proposed = {(pair.a, pair.b) for pair in search(prepared).pairs}
    linked = {
        (a, b)
        for a, b in combinations(range(len(texts)), 2)
        if aligner.align(prepared[a], prepared[b])
    }
    assert linked
    assert linked <= proposed


def test_every_qualifying_sentence_pair_is_found_when_no_key_is_too_common() -> None:
    """The bound only skips what cannot reach the floor: nothing that qualifies is lost."""
    rng = random.Random(7)
    words = [f"w{n}" for n in range(60)] + ["harbour", "ferry", "council"] * 10
    texts = [
        " ".join(
            " ".join(rng.choice(words) for _ in range(rng.randint(3, 12))).capitalize() + "."
            for _ in range(rng.randint(2, 8))
        )
        for _ in range(12)
    ]
    prepared = [cut_units(text) for text in texts]
    truth = qualifying(prepared)
    assert len(truth) > 20
    result = search(prepared)
    assert found(result, prepared) == truth
    assert sum(pair.pairs for pair in result.pairs) == len(truth)
    assert result.weighed >= len(truth)


def test_a_copy_made_of_common_words_is_found_by_its_shingles(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Keys in more sentences than the cap are not indexed; the copy's phrases find it.

    The second article has the same words in another order: it shares no phrase, so
    with every key over the cap it is not found (the price of short posting lists).
    """
    monkeypatch.setattr(candidates, "KEY_CAP", 2)
    copy = "Ferries stopped running to the islands after the harbour froze early."
    texts = [
        f"{copy} The ferries wait.",
        "Islands, ferries, harbour: early running stopped, froze.",
        f"A new library opened downtown. {copy}",
    ]
    prepared = [cut_units(text) for text in texts]
    result = search(prepared)
    assert found(result, prepared) == {(0, 0, 2, 1)}
    assert {(0, 0, 2, 1), (0, 0, 1, 0)} <= qualifying(prepared)


def test_unrelated_articles_are_no_candidates() -> None:
    texts = [
        "The harbour froze early this winter. Ferries stopped running to the islands.",
        "A new library opened downtown. Its reading room seats two hundred visitors.",
        "Ferries stopped running to the islands after the harbour froze early this winter.",
    ]
    prepared = [cut_units(text) for text in texts]
    assert [(pair.a, pair.b) for pair in search(prepared).pairs] == [(0, 2)]


def test_cancelled_search_returns_what_it_has() -> None:
    prepared = [cut_units("The harbour froze early this winter.")] * 3
    aligner = StoryAligner(key_weights(prepared))
    assert candidate_pairs(prepared, aligner, cancelled=lambda: True).pairs == []


def test_across_stories_only_reused_wording_is_proposed() -> None:
    """A reprinted sentence joins two stories; the same fact in other words does not."""
    strike = (
        "Ferry crews in Port Aldric stopped work on Monday, stranding about 4,200 commuters. "
        "The Seafarers' Guild said its members would stay off the boats until Aldric Lines "
        "dropped a plan to add unpaid night shifts."
    )
    reprint = (
        "Wildfire crews in the Kessing Valley worked through the night near Tarrow. "
        "Ferry crews in Port Aldric stopped work on Monday, stranding about 4,200 commuters."
    )
    reworded = (
        "Fire chief Oskar Lind said the Kessing Valley blaze was ten per cent contained. "
        "About 4,200 estuary commuters were stranded in Port Aldric when ferry crews walked out."
    )
    prepared = [cut_units(text) for text in (strike, reprint, reworded)]
    aligner = StoryAligner(key_weights(prepared))
    assert aligner.may_link(prepared[0].units[0], prepared[2].units[1])  # a paraphrase...
    found = candidates.reused_pairs(prepared, [[0], [1, 2]], aligner)
    assert [(pair.a, pair.b, pair.units_a, pair.units_b) for pair in found.pairs] == [
        (0, 1, (0,), (1,))
    ]  # ...but only the reprint crosses the stories
    assert candidates.reused_pairs(prepared, [[0, 1, 2]], aligner).pairs == []
