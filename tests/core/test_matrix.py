"""Matrix cells (a comparison's side summary) and the similarity order."""

from __future__ import annotations

from tui.core.alignment.comparison import SideSummary, TierShare, side_summary
from tui.core.alignment.tiers import TIERS
from tui.core.spans import Span
from tui.core.story.matrix import similarity_order


def span(start: int) -> Span:
    return Span(start, start + 5)


def test_a_sentence_counts_once_at_its_most_literal_tier() -> None:
    found = side_summary(100, 4, [(span(0), "paraphrase"), (span(0), "copy"), (span(10), "quote")])
    assert (found.shared, found.sentences) == (2, 4)
    assert [share.sentences for share in found.by_tier] == [1, 0, 1, 0]
    assert found.shared_chars == 10
    assert found.tier("copy") == TierShare(1, 5)
    assert found.percent == 50


def test_an_article_without_linkable_sentences_shares_nothing() -> None:
    found = side_summary(40, 0, [])
    assert (found.share, found.percent) == (0.0, 0)


def test_order_puts_close_articles_next_to_each_other() -> None:
    def c(share: float) -> SideSummary:
        shared = round(share * 10)
        return SideSummary(
            10, shared, 100, 0, (TierShare(shared, 0),) + (TierShare(0, 0),) * (len(TIERS) - 1)
        )

    # 0 and 2 are close, 1 and 3 are close, 4 shares nothing.
    shares = {(0, 2): 0.9, (1, 3): 0.8, (0, 1): 0.1}
    cells = [
        [None if a == b else c(shares.get((min(a, b), max(a, b)), 0.0)) for b in range(5)]
        for a in range(5)
    ]
    assert similarity_order(cells) == (0, 2, 1, 3, 4)
