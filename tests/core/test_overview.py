"""Story overview on the bundled story and on a small hand-made story with a known answer."""

from __future__ import annotations

import random
from itertools import combinations, permutations
from pathlib import Path

import pytest

from tests.paths import HANDMADE, SEEDS
from tests.stories import article_of
from tui.core.alignment.align import Link
from tui.core.alignment.units import cut_units
from tui.core.language.tokens import STOP_KEYS, keys
from tui.core.reading.articles import Article
from tui.core.reading.loading import load_paths
from tui.core.reports.overview import format_overview
from tui.core.spans import Span
from tui.core.story.copy_groups import AGENCY, COPY, CREDITS, LEAD
from tui.core.story.figure_groups import FigureGroup
from tui.core.story.model import Story
from tui.core.story.overview import (
    STAGES,
    Overview,
    OverviewCancelledError,
    Progress,
    build_overview,
    iter_overview,
)
from tui.core.story.quote_groups import QuoteGroup, QuoteMention, group_quotes


@pytest.fixture(scope="module")
def seeds() -> Overview:
    return build_overview(Story(load_paths([SEEDS]).articles))


@pytest.fixture(scope="module")
def handmade() -> Overview:
    return build_overview(Story(load_paths([HANDMADE]).articles))


def index_of(overview: Overview, prefix: str) -> int:
    return next(i for i, a in enumerate(overview.articles) if a.path.name.startswith(prefix))


def written(overview: Overview, group: FigureGroup) -> dict[str, set[str]]:
    """Each article's figures in the group as written in its text (by file prefix)."""
    found: dict[str, set[str]] = {}
    for mention in group.mentions:
        article = overview.articles[mention.article]
        found.setdefault(article.path.name[:3], set()).add(mention.figure.span.slice(article.text))
    return found


def figure_group(overview: Overview, article: int, text: str) -> FigureGroup:
    """The group holding the figure written ``text`` in ``article``."""
    return next(
        group
        for group in overview.figures or ()
        for mention in group.mentions
        if mention.article == article
        and mention.figure.span.slice(overview.articles[article].text) == text
    )


def quote_group(overview: Overview, words: str) -> QuoteGroup:
    return next(
        group for group in overview.quotes or () if any(words in m.text for m in group.mentions)
    )


# The bundled story


def test_matrix_rows_of_the_bundled_story(seeds: Overview) -> None:
    afp, moscow = index_of(seeds, "000"), index_of(seeds, "001")
    cell = seeds.cell(afp, moscow)
    assert cell is not None
    assert (cell.shared, cell.sentences) == (16, 16)
    assert cell.tier("copy").sentences == 16
    assert seeds.cell(afp, afp) is None
    for a in range(5):
        for b in range(5):
            found = seeds.cell(a, b)
            if found is not None:
                assert (
                    found.shared
                    == sum(share.sentences for share in found.by_tier)
                    <= found.sentences
                    == seeds.totals[a]
                )
                links = seeds.pair_links.get((min(a, b), max(a, b)), ())
                side = [link.a if a < b else link.b for link in links]
                assert found.shared == len(set(side))


def test_the_copy_pair_sits_together_in_the_order(seeds: Overview) -> None:
    order = list(seeds.order)
    assert sorted(order) == list(range(5))
    assert abs(order.index(0) - order.index(1)) == 1


def test_afp_copy_group(seeds: Overview) -> None:
    assert seeds.copy_groups is not None
    (group,) = seeds.copy_groups
    assert group.members == (0, 1)
    assert (group.name, group.named_by) == ("AFP", AGENCY)
    # Both credit AFP and neither is AFP's own site (an agency is never an outlet):
    # the dated one leads.
    assert dict(zip(group.members, group.roles, strict=True)) == {0: CREDITS, 1: LEAD}


def test_only_here_of_the_bundled_story(seeds: Overview) -> None:
    afp, moscow = 0, 1
    assert seeds.only_here[afp] == ()
    texts = [span.slice(seeds.articles[moscow].text) for span in seeds.only_here[moscow]]
    assert any(text.startswith("Lukashenko first raised this") for text in texts)
    carried = {
        link.a if a == moscow else link.b
        for (a, b), links in seeds.pair_links.items()
        if moscow in (a, b)
        for link in links
    }
    assert not carried & set(seeds.only_here[moscow])


def test_sunday_detentions_grouped_and_disagreeing(seeds: Overview) -> None:
    group = figure_group(seeds, 0, "more than 500")
    assert group.disagree
    assert written(seeds, group) == {
        "000": {"more than 500"},
        "001": {"more than 500"},
        "002": {"774"},
        "004": {"More than 700"},
    }
    assert [value.normal for value in group.values] == ["500", "700", "774"]


def test_detentions_since_the_election_are_another_fact(seeds: Overview) -> None:
    group = figure_group(seeds, 1, "nearly 7,000")
    assert group is not figure_group(seeds, 0, "more than 500")
    assert group.disagree
    assert {value.normal for value in group.values} == {"7,000", "10,000"}


def test_the_loan_in_every_notation_is_one_figure(seeds: Overview) -> None:
    group = figure_group(seeds, 0, "$1.5 billion")
    assert not group.disagree
    assert group.articles == (0, 1, 2, 3, 4)
    found = written(seeds, group)
    assert "$1.5 billion" in found["000"]
    assert "\\$1.5 billion" in found["001"]
    assert "1.5 billion dollars" in found["004"]
    assert group.unit == "dollar"
    assert group.label == "loan"


def test_other_money_stays_apart_from_the_loan(seeds: Overview) -> None:
    loan = figure_group(seeds, 0, "$1.5 billion")
    assert figure_group(seeds, 2, "$1 billion") is not loan
    assert figure_group(seeds, 3, "€1.26 billion") is not loan


def test_every_figure_points_at_its_sentence(seeds: Overview) -> None:
    for group in seeds.figures or ():
        for mention in group.mentions:
            figure = mention.figure
            assert figure.sentence.start <= figure.span.start < figure.span.end
            assert figure.span.end <= figure.sentence.end


def test_one_statement_three_translations(seeds: Overview) -> None:
    group = quote_group(seeds, "usurper and not with the Belarusian people")
    assert group.articles == (1, 2, 3)
    assert [variant.articles for variant in group.variants] == [(1,), (2,), (3,)]
    texts = [variant.text for variant in group.variants]
    assert texts[0].startswith("I really regret you decided to hold dialogue with a usurper")
    assert texts[1].startswith("I'm very sorry that you have opted to have a dialogue with the")
    assert texts[2].startswith("I am very sorry that you have decided to engage in dialogue")
    assert group.speaker.endswith("Tikhanovskaya")


def test_copied_quotes_are_one_variant(seeds: Overview) -> None:
    group = quote_group(seeds, "we need to stick closer to our elder brother")
    assert set(group.articles) >= {0, 1, 3}
    assert group.variants[0].articles == (0, 1)


def test_quote_spans_are_the_quoted_words(seeds: Overview) -> None:
    for group in seeds.quotes or ():
        for mention in group.mentions:
            text = seeds.articles[mention.article].text
            assert " ".join(mention.span.slice(text).split()) == mention.text
            assert mention.sentence.start <= mention.span.start < mention.span.end
            assert mention.span.end <= mention.sentence.end


def test_links_in_both_directions_mirror_each_other(seeds: Overview) -> None:
    forward, backward = seeds.links(0, 3), seeds.links(3, 0)
    assert {(link.a, link.b, link.tier) for link in forward} == {
        (link.b, link.a, link.tier) for link in backward
    }
    assert [link.a.start for link in backward] == sorted(link.a.start for link in backward)


# A hand-made story: a wire report, its reprint, a rewrite and a blog post


def test_handmade_matrix(handmade: Overview) -> None:
    wire, reprint, daily, blog = range(4)
    assert handmade.totals == (5, 4, 5, 4)
    reprinted = handmade.cell(reprint, wire)
    assert reprinted is not None
    assert [share.sentences for share in reprinted.by_tier] == [3, 0, 0, 0]
    assert handmade.cell(wire, reprint).shared == 3
    assert handmade.cell(wire, daily).shared == 4
    assert handmade.cell(blog, wire).shared == 1
    assert handmade.cell(blog, daily).shared == 0
    assert handmade.order.index(blog) == 3


def test_handmade_copy_group_is_named_by_the_agency(handmade: Overview) -> None:
    (group,) = handmade.copy_groups or ()
    assert group.members == (0, 1)
    assert (group.name, group.named_by, group.lead) == ("NWA", AGENCY, 0)
    assert group.roles == (LEAD, COPY)


def test_handmade_only_here(handmade: Overview) -> None:
    def starts(article: int) -> list[str]:
        text = handmade.articles[article].text
        return [" ".join(span.slice(text).split()[:3]) for span in handmade.only_here[article]]

    assert starts(0) == []
    assert starts(1) == ["Local schools will"]
    assert starts(2) == ["Many families spent"]
    assert starts(3) == ["The disaster revives", "The town council", '"It is a']


def test_handmade_figures(handmade: Overview) -> None:
    evacuated = figure_group(handmade, 0, "more than 3,000")
    assert evacuated.disagree
    assert [(v.normal, v.articles) for v in evacuated.values] == [
        ("3,000", (0, 1)),
        ("3,500", (2,)),
    ]
    dead = figure_group(handmade, 0, "At least 12")
    assert dead.disagree and dead.articles == (0, 1, 2)
    assert "died" in dead.label
    fund = figure_group(handmade, 0, "€40 million")
    assert not fund.disagree and fund.unit == "euro" and fund.articles == (0, 1, 2)
    assert fund.values[0].written == ("€40 million", "40 million euros")
    metres = figure_group(handmade, 3, "two")
    assert metres.articles == (3,) and metres.label == "metres"
    assert len(handmade.figures or ()) == 4


def test_handmade_quotes(handmade: Overview) -> None:
    rebuild, tragedy = handmade.quotes or ()
    assert rebuild.articles == (0, 2)
    assert rebuild.speaker == "Ingrid Kessler"
    assert len(rebuild.variants) == 2
    assert tragedy.articles == (3,)
    assert tragedy.speaker == "Marta Lind"


# Streaming, for the UI worker


def test_parts_arrive_in_order() -> None:
    articles = load_paths([HANDMADE]).articles
    steps = list(iter_overview(Story(articles)))
    parts = [step for step in steps if isinstance(step, Overview)]
    assert [p.copy_groups is None for p in parts] == [True, False, False, False]
    assert [p.figures is None for p in parts] == [True, True, False, False]
    assert [p.quotes is None for p in parts] == [True, True, True, False]
    assert parts[-1].complete and not parts[0].complete
    stages = [step.stage for step in steps if isinstance(step, Progress)]
    assert [stage for stage in STAGES if stage in stages] == list(dict.fromkeys(stages))
    assert parts[0].cells == parts[-1].cells


def test_progress_reaches_every_stage_total() -> None:
    seen: dict[str, tuple[int, int]] = {}
    articles = load_paths([HANDMADE]).articles
    build_overview(
        Story(articles), progress=lambda stage, done, total: seen.update({stage: (done, total)})
    )
    assert set(seen) == set(STAGES)
    assert all(done == total for done, total in seen.values())


def test_cancelled_stops_early() -> None:
    articles = load_paths([SEEDS]).articles
    with pytest.raises(OverviewCancelledError):
        build_overview(Story(articles), cancelled=lambda: True)
    calls = iter(range(1_000))
    with pytest.raises(OverviewCancelledError):
        build_overview(Story(articles), cancelled=lambda: next(calls) > 6)


def test_no_articles_and_one_article() -> None:
    empty = build_overview(Story([]))
    assert empty.cells == () and empty.order == () and empty.figures == ()
    one = build_overview(Story(load_paths([HANDMADE / "4_blog.md"]).articles))
    assert one.cells == ((None,),)
    assert len(one.only_here[0]) == one.totals[0] == 4
    assert one.copy_groups == ()


def test_text_without_prose_takes_part_in_nothing() -> None:
    junk = Article(path=Path("junk.txt"), text="word", title="junk", outlet="x", sha256="0")
    articles = [*load_paths([HANDMADE]).articles, junk]
    overview = build_overview(Story(articles))
    assert overview.totals[-1] == 0
    assert all(cell is None or cell.shared == 0 for cell in overview.cells[-1])


# A folder of many stories


def invented_story(rng: random.Random, event: int, articles: int) -> list[str]:
    """``articles`` reports of one invented event: its own words, English function words.

    Each event draws on a vocabulary of its own, so two events share no wording and
    the reports of one share many of its words.
    """
    letters = "bdfgklmnprstvz"
    words = [
        f"{letters[event % 14]}{'aeiou'[n % 5]}{letters[n // 5 % 14]}{'aeiou'[n // 70]}n"
        for n in range(140)
    ][:40]
    glue = ["the", "of", "in", "and", "to", "a", "was", "for"]
    texts = []
    for _ in range(articles):
        chosen = rng.sample(words, 24)
        sentences = [
            " ".join(f"{word} {rng.choice(glue)}" for word in rng.sample(chosen, 6)).capitalize()
            + f" {rng.choice(chosen)}."
            for _ in range(6)
        ]
        texts.append(" ".join(chosen[:5]).title() + "\n\n" + " ".join(sentences) + "\n")
    return texts


@pytest.fixture(scope="module")
def mixed() -> Overview:
    """The bundled story among eight invented events of four reports: 37 articles.

    The first invented report reprints a sentence of seed 001 word for word, as wire
    copy travels between stories.
    """
    rng = random.Random(11)
    seeds = load_paths([SEEDS]).articles
    reprinted = next(
        unit.span.slice(seeds[1].text)
        for unit in cut_units(seeds[1].text, seeds[1].body).units
        if unit.linkable and len(unit.keys) > 8
    )
    texts = [text for event in range(8) for text in invented_story(rng, event, 4)]
    texts[0] += "\n" + " ".join(reprinted.split()) + "\n"
    invented = [
        article_of(text, f"event{index // 4}_{index % 4}.txt") for index, text in enumerate(texts)
    ]
    return build_overview(Story([*seeds, *invented]))


def test_a_mixed_folder_is_overviewed_story_by_story(mixed: Overview) -> None:
    """Each story's pairs are its comparisons; two stories share a cell only through reuse."""
    stories = mixed.stories
    assert sorted(index for story in stories for index in story) == list(range(37))
    assert (0, 1, 2, 3, 4) in stories  # the bundled story is one story
    assert len(stories) >= 9
    story_of = {index: number for number, story in enumerate(stories) for index in story}
    for a, b in permutations(range(37), 2):
        cell = mixed.cell(a, b)
        assert cell is not None
        if story_of[a] == story_of[b]:
            assert cell == mixed.story.comparison(a, b).summary.a
        elif {a, b} == {1, 5}:
            assert cell.tier("copy").sentences == 1  # the reprinted wire sentence
            assert cell == mixed.story.comparison(a, b).summary.a
        else:
            assert cell.shared == 0
    assert mixed.stats.aligned_pairs < mixed.stats.pairs / 5


def test_the_bundled_story_keeps_its_links_in_a_mixed_folder(mixed: Overview) -> None:
    """Every seed pair with links in the mixed folder's story is in its overview."""
    for a, b in combinations(range(5), 2):
        links = mixed.story.comparison(a, b).links
        assert mixed.pair_links.get((a, b), ()) == links
        assert links or (a, b) not in mixed.pair_links
    assert mixed.copy_groups is not None
    assert any(group.members[:2] == (0, 1) for group in mixed.copy_groups)


def test_a_small_folder_is_one_story(seeds: Overview, handmade: Overview) -> None:
    """Up to ONE_STORY articles nothing is split: an article unlike the rest keeps its links."""
    assert seeds.stories == ((0, 1, 2, 3, 4),)
    assert handmade.stories == ((0, 1, 2, 3),)


def test_figures_of_unrelated_articles_stay_apart_and_read_as_written() -> None:
    """Two articles of one folder that share no sentence: "five sites" in each is no fact
    they agree on, and each figure only one source gives reads as its sentence words it."""
    story = Story(
        [
            article_of(
                "Inspectors visited five sites near the harbour on Monday. The port authority "
                "said the cranes would be replaced by spring. Dock workers welcomed the plan.",
                "port.txt",
            ),
            article_of(
                "The orchestra will tour five sites across the valley this summer. Tickets go "
                "on sale next week. The conductor said rehearsals had begun.",
                "music.txt",
            ),
        ]
    )
    overview = build_overview(story)
    assert [group.articles for group in overview.figures or ()] == [(0,), (1,)]
    report = format_overview(overview, "text")
    assert "visited five sites" in report and "tour five sites" in report


def quotes_of(*mentions: tuple[int, str, str]) -> tuple[QuoteGroup, ...]:
    """`group_quotes` of one mention per article, ``(article, speaker, words)``, every
    pair of their sentences linked as a quote."""
    found = [
        QuoteMention(
            article,
            Span(0, len(words)),
            Span(0, len(words)),
            words,
            speaker,
            True,
            frozenset(keys(words)) - STOP_KEYS,
        )
        for article, speaker, words in mentions
    ]
    links = {
        (a.article, b.article): [Link(a.sentence, b.sentence, "quote", 0.5, 0.5, (None, None))]  # type: ignore[arg-type]
        for a, b in combinations(found, 2)
    }
    rare = {key: 3.0 for mention in found for key in mention.keys}  # each word weighs
    return group_quotes(found, links, rare)


def test_one_word_in_common_is_one_statement_only_in_one_mouth() -> None:
    apart = quotes_of(
        (0, "Anna Berg", "a problem for the whole world"), (1, "", "had a problem with him")
    )
    assert len(apart) == 2
    (one,) = quotes_of(
        (0, "Putin", "committed to all its obligations"),
        (1, "Putin", "remains committed to all agreements"),
    )
    assert one.articles == (0, 1)
    (two_words,) = quotes_of(
        (0, "", "the harbour bridge must close"), (1, "Berg", "close the old harbour road")
    )
    assert two_words.articles == (0, 1)
