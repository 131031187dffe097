"""The comparison model the compare screen navigates."""

from __future__ import annotations

from tests.paths import SEEDS
from tui.core.alignment.comparison import Comparison, link_at, next_link, pair_text, visible
from tui.core.reading.loading import load_paths
from tui.core.story.model import Story


def compare(first: str, second: str) -> Comparison:
    """Seeds ``first`` and ``second`` (by prefix) compared as a story of two."""
    paths = [next(SEEDS.glob(f"{prefix}_*.txt")) for prefix in (first, second)]
    return Story(load_paths(paths).articles).comparison(0, 1)


def test_only_here_sentences_are_linkable_sentences_in_no_link() -> None:
    comparison = compare("000", "001")
    linked_b = [link.b for link in comparison.links]
    assert comparison.only_b, "001 adds paragraphs AFP's short version lacks"
    for span in comparison.only_b:
        assert not any(span.overlaps(other) for other in linked_b)
    texts = [span.slice(comparison.b.text) for span in comparison.only_b]
    assert any("Tikhanovskaya" in text for text in texts)
    assert comparison.summary.b.shared + len(comparison.only_b) == comparison.summary.b.sentences


def test_swapped_mirrors_links_diffs_and_summary() -> None:
    comparison = compare("000", "001")
    mirror = comparison.swapped()
    assert mirror.a is comparison.b and mirror.b is comparison.a
    assert {(link.a, link.b) for link in mirror.links} == {
        (link.b, link.a) for link in comparison.links
    }
    original = next(link for link in comparison.links if any(op.op == "delete" for op in link.diff))
    turned = next(link for link in mirror.links if (link.a, link.b) == (original.b, original.a))
    deleted = next(op.a for op in original.diff if op.op == "delete")
    # What A dropped is what the other side added once the sides are swapped.
    assert any(op.op in ("insert", "replace") and op.b.overlaps(deleted) for op in turned.diff)
    assert mirror.summary.a == comparison.summary.b
    assert mirror.swapped().links == comparison.links


def test_visible_filters_tiers_and_keeps_order() -> None:
    comparison = compare("000", "001")
    shown = visible(comparison.links, {"paraphrase"})
    assert shown and all(link.tier == "paraphrase" for link in shown)
    assert shown == sorted(shown, key=lambda link: (link.a.start, link.b.start))


def test_link_at_finds_the_pair_under_an_offset_and_cycles_repeats() -> None:
    comparison = compare("000", "001")
    links = list(comparison.links)
    lead = links[0].a
    on_lead = [i for i, link in enumerate(links) if link.a == lead]
    assert len(on_lead) >= 2  # the lead is linked to the headline, the copy and the loan
    first = link_at(links, "a", lead.start + 5)
    assert first == on_lead[0]
    second = link_at(links, "a", lead.start + 5, prefer=first)
    assert second == on_lead[1]
    assert link_at(links, "a", 3) is None  # the photo caption is in no link


def test_next_link_wraps_both_ways() -> None:
    links = list(compare("000", "001").links)
    assert next_link(links, None, 1) == 0
    assert next_link(links, None, -1) == len(links) - 1
    assert next_link(links, len(links) - 1, 1) == 0
    assert next_link([], None, 1) is None


def test_pair_text_names_both_outlets() -> None:
    comparison = compare("000", "001")
    text = pair_text(comparison, comparison.links[1])
    assert text.startswith("000_02b2830ff24b6d49 (000_")
    assert "themoscowtimes.com (001_" in text
    assert comparison.links[1].a.slice(comparison.a.text) in text
