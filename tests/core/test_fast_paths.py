"""The speed paths give the answers of the slow ones they shortcut.

Each shortcut here settles most inputs without the general computation (a filter by
word runs instead of a case-blind pattern, clause pairs settled from the sentences'
shared keys, a copy diffed in one step, a sentence without a reporting verb). A
figure missed, a clause score moved or a diff changed would show in the compare
screen and every report, so each is checked against the general path.
"""

from __future__ import annotations

import pickle
from itertools import combinations, pairwise
from pathlib import Path

from hypothesis import given
from hypothesis import strategies as st

from tui.core.alignment.diff import SentenceWords, word_diff
from tui.core.alignment.tiers import (
    clause_score,
    contained_only,
    literal_tier,
    loose_tier,
    measure,
    paraphrase_score,
)
from tui.core.alignment.units import Unit, Weights, _unit, cut_units, key_weights
from tui.core.language.captions import _CREDIT, is_caption
from tui.core.language.figures import _may_hold, may_hold_figures
from tui.core.language.sentences import segment
from tui.core.language.speakers import find_speaker
from tui.core.language.tokens import (
    _SCAN,
    _TOKEN,
    TextTokens,
    clause_keys,
    diff_tokens,
    keys,
    tokenize,
)
from tui.core.reading.articles import Article
from tui.core.reading.bundled import bundled_story
from tui.core.reading.loading import load_paths
from tui.core.reports.comparison import comparison_dict, format_comparison
from tui.core.reports.records import dumps
from tui.core.spans import Span
from tui.core.story.model import Story

_PIECES = st.sampled_from(
    ["five", "Five", "FIVE", "fifty", "tens", "dozens", "ſeven", "fıve", "FİVE", "Kelvin",
     "K", "x", "_", "é", " ", "-", "’", "“", ".", "7", "\u00a0", "twenty", "ﬁve", "Ⅰ"]
)  # fmt: skip
"""Number words, case variants, the letters that fold to ASCII, and what sits around them."""


@given(st.lists(_PIECES, max_size=12).map("".join), st.data())
def test_the_figure_filter_answers_as_its_pattern(text: str, data: st.DataObject) -> None:
    """A sentence may hold a figure exactly when the number-word pattern says so.

    Spans start anywhere, in the middle of a word too: a word run that continues a
    word before the sentence is no number word.
    """
    start = data.draw(st.integers(0, len(text)))
    end = data.draw(st.integers(start, len(text)))
    expected = _may_hold().search(text, start, end) is not None
    assert may_hold_figures(text, Span(start, end)) == expected


_CAPTION_PIECES = st.sampled_from(
    ["Photo", "PHOTO", "photos", "graph", ":", " by", "by", " courtesy", "Images", "Video",
     "foto", "Credit", "picture", "ıllustration", "İmage", "iMAGE", "graphic", "ſ", "©", "x",
     " ", "\n", "-", "é", "_"]
)  # fmt: skip
"""A credit's words in every case, what follows them, and letters that fold to ASCII ones."""


@given(st.lists(_CAPTION_PIECES, max_size=10).map("".join))
def test_the_caption_test_answers_as_its_pattern(text: str) -> None:
    """A line is a caption exactly when the credit pattern says so, ASCII or not."""
    assert is_caption(text) == ("©" in text or _CREDIT.search(text) is not None)


ARTICLE = (
    "Ministers agreed on Tuesday to raise the fuel levy by 12 percent, and the opposition "
    "said the rise would hit rural drivers hardest. The levy, which funds road repairs, "
    "has not changed since 2015; officials said the new rate starts in March. Rural "
    "drivers already pay more for fuel, the opposition added, while the ministers said "
    "road repairs could not wait. Officials expect the rise to bring in $1.5 billion."
)
OTHER = (
    "The fuel levy will rise by 12 percent from March, ministers decided on Tuesday, "
    "while rural drivers, who pay more for fuel already, would be hit hardest, critics "
    "warned. Road repairs are funded by the levy; it has been unchanged since 2015. "
    "The rise should bring in $1.5 billion, officials estimate, for road repairs."
)


def test_clause_scores_settled_from_shared_keys_are_the_same() -> None:
    """Every sentence pair of two articles scores its clauses alike with the shortcut."""
    units_a, units_b = cut_units(ARTICLE), cut_units(OTHER)
    # A story of two weighs every word under the clauses' threshold: spread the weights
    # as a long story's are, so that clause pairs do count.
    weigh = Weights({key: 4 * value for key, value in key_weights([units_a, units_b]).items()})
    scored = 0
    for ua in units_a.units:
        for ub in units_b.units:
            plain = clause_score(ua.clauses, ub.clauses, weigh)
            assert clause_score(ua.clauses, ub.clauses, weigh, ua.keys & ub.keys) == plain
            scored += plain > 0
    assert scored  # the articles share clauses: the shortcut was not only ever zero


def test_a_clause_score_left_out_decides_nothing() -> None:
    """Every sentence pair of the bundled story gets its tier and score as with its clause
    overlap measured, whatever the semantic signal adds: `measure` leaves it out only
    where it cannot count."""
    units = [
        cut_units(article.text, article.body) for article in load_paths([bundled_story()]).articles
    ]
    weigh = Weights(key_weights(units))
    left_out = 0
    for units_a, units_b in combinations(units, 2):
        for ua in units_a.linkable_units:
            for ub in units_b.linkable_units:
                mass = (weigh(ua.keys) * weigh(ub.keys)) ** 0.5
                shared = ua.keys & ub.keys
                found = measure(0, ua, 0, ub, weigh(shared) / mass, weigh, mass, shared)
                full = found._replace(clause=clause_score(ua.clauses, ub.clauses, weigh, shared))
                left_out += found.clause != full.clause
                for semantic, soft in ((0.0, 0.0), (-0.3, 0.2), (0.2, 0.9)):
                    one, other = (m._replace(semantic=semantic, soft=soft) for m in (found, full))
                    assert literal_tier(one) == literal_tier(other)
                    assert loose_tier(one) == loose_tier(other)
                    if loose_tier(one)[0] == "paraphrase":
                        assert paraphrase_score(one) == paraphrase_score(other)
                        assert contained_only(one) == contained_only(other)
    assert left_out  # the shortcut was taken where the clause overlap was not zero


def test_a_copy_is_diffed_as_one_run_at_the_words_offsets() -> None:
    """A sentence copied word for word (spacing and case aside) is one equal run."""
    a = "  The levy  has not changed since 2015."
    b = "The LEVY has not changed since 2015 ."
    diff = word_diff(
        SentenceWords(diff_tokens(a, 0, len(a))), SentenceWords(diff_tokens(b, 0, len(b)))
    )
    assert [(op.op, op.a.slice(a), op.b.slice(b)) for op in diff] == [
        ("equal", "The levy  has not changed since 2015", "The LEVY has not changed since 2015")
    ]


def test_a_changed_figure_is_still_found_beside_the_shortcut() -> None:
    """Sentences that differ take the general path: the changed figure is marked."""
    a, b = "Officials expect $1.5 billion.", "Officials expect $2 billion."
    diff = word_diff(
        SentenceWords(diff_tokens(a, 0, len(a))), SentenceWords(diff_tokens(b, 0, len(b)))
    )
    changed = [op for op in diff if op.op != "equal"]
    assert len(changed) == 1 and changed[0].numeric
    assert changed[0].a.slice(a) == "$1.5 billion"


def test_speakers_are_found_with_and_without_a_reporting_verb() -> None:
    """A sentence names its speaker beside a verb; one without such a verb names nobody."""
    text = (
        '"We will not wait," Ms Ortega said. The levy rises in March. '
        "Repairs start at once, according to the Ministry of Transport."
    )
    cuts = [0, *(i + 2 for i, c in enumerate(text) if c == "." and i + 1 < len(text)), len(text)]
    found = [find_speaker(text, Span(start, end), []) for start, end in pairwise(cuts)]
    assert found == ["Ortega", "", "Ministry"]


_WORDING = st.sampled_from(
    ["Minsk", "minsk", "And", "and", "but", "While", "since", "ands", "Eeeee", "it’s", "don't",
     "’", "'", "5", "1,500", "1.5", "7,000", "2019", "$", "\\$", "€", "£", "%", " %", "m",
     " m", "mn", " million", "bn", "k", "½", "٣", "_", " ", "  ", "\n", "\n\n", ".", ". ",
     ",", ", ", ";", ":", "(", ")", " - ", "—", '"', "“", "”", "Mr", "U.S.", "x"]
)  # fmt: skip
"""Words, conjunctions, numbers with scales and currencies, quotes and clause stops."""


def _shape(unit: Unit) -> tuple[object, ...]:
    """Everything a unit holds, its key sets in their iteration order (sums follow it)."""
    return (
        unit.span,
        unit.text,
        unit.kind,
        list(unit.keys),
        unit.norm,
        [(q.span, list(q.keys), q.words) for q in unit.quotes],
        [list(clause) for clause in unit.clauses],
        sorted(unit.figures),
        list(unit.words),
    )


@given(st.lists(_WORDING, max_size=40).map("".join))
def test_sentences_cut_from_one_scan_are_the_sentences_read_alone(text: str) -> None:
    """Each unit read from its article's tokens is the unit its sentence gives on its own.

    A scan that covers nothing makes every sentence and quote read itself.
    """
    alone = TextTokens(text, len(text))
    expected = [_shape(_unit(text, sentence, alone, True)) for sentence in segment(text)]
    assert [_shape(unit) for unit in cut_units(text).units] == expected


@given(st.lists(_WORDING, max_size=30).map("".join), st.data())
def test_a_fragment_held_by_the_scan_reads_as_on_its_own(text: str, data: st.DataObject) -> None:
    """Keys, clauses and diff words sliced from the scan are the fragment's own, anywhere."""
    start = data.draw(st.integers(0, len(text)))
    end = data.draw(st.integers(start, len(text)))
    tokens = TextTokens(text)
    held = tokens.span(text, start, end)
    if held is None:
        return
    fragment = text[start:end]
    found, parts = tokens.clause_keys(*held)
    expected_keys, expected_parts = clause_keys(fragment)
    assert list(found) == expected_keys == keys(fragment)
    assert [list(part) for part in parts if part] == [part for part in expected_parts if part]
    sliced, alone = SentenceWords.of(tokens, *held), SentenceWords(diff_tokens(text, start, end))
    for field in ("starts", "ends", "words", "numbers"):
        assert list(getattr(sliced, field)) == list(getattr(alone, field))
    assert sliced.values == alone.values


@given(st.lists(st.one_of(_WORDING, st.text(max_size=3)), max_size=30).map("".join))
def test_keys_read_through_the_memo_are_each_tokens_key(text: str) -> None:
    """`keys` gives each token's own key, as `tokenize` reads it, in order."""
    assert keys(text) == [token.key for token in tokenize(text)]


@given(st.lists(st.one_of(_WORDING, st.text(max_size=3)), max_size=30).map("".join))
def test_the_scan_finds_the_tokens_the_token_pattern_finds(text: str) -> None:
    """The scan's character class first, lookbehinds after, match exactly as `_TOKEN` does."""
    assert [m.span() for m in _SCAN.finditer(text)] == [m.span() for m in _TOKEN.finditer(text)]


def test_the_scan_holds_every_sentence_of_an_article() -> None:
    """The fast path is the one taken: no word of a plain article crosses a sentence's edge."""
    tokens = TextTokens(ARTICLE)
    assert all(tokens.span(ARTICLE, *sentence.span) for sentence in segment(ARTICLE))


@given(st.lists(_WORDING, max_size=20).map("".join), st.lists(_WORDING, max_size=20).map("".join))
def test_diffs_of_sliced_words_are_the_diffs_of_each_sentence_alone(a: str, b: str) -> None:
    """`SentenceWords.of` feeds `word_diff` exactly what a sentence's own tokens do."""
    scan_a, scan_b = TextTokens(a), TextTokens(b)
    held_a, held_b = scan_a.span(a, 0, len(a)), scan_b.span(b, 0, len(b))
    assert held_a is not None and held_b is not None
    alone_a, alone_b = (
        SentenceWords(diff_tokens(a, 0, len(a))),
        SentenceWords(diff_tokens(b, 0, len(b))),
    )
    sliced = word_diff(SentenceWords.of(scan_a, *held_a), SentenceWords.of(scan_b, *held_b))
    assert sliced == word_diff(alone_a, alone_b)


def test_compact_json_is_the_encoded_report_byte_for_byte() -> None:
    """The links written as text read exactly as `json.dumps` writes them, controls escaped."""
    articles = [
        Article(path=Path(name), text=text, title="t\x1b[31m", outlet="\u202eo", sha256="")
        for name, text in (("a.txt", ARTICLE), ("b.txt", OTHER))
    ]
    pair = Story(articles).comparison(0, 1)
    assert any(op.op != "equal" for link in pair.links for op in link.diff)
    assert format_comparison(pair, "json") == dumps(comparison_dict(pair))


def test_a_comparison_crosses_processes_without_its_token_columns() -> None:
    """A comparison made in another process pickles small and diffs as it did there."""
    articles = [
        Article(path=Path(name), text=text, title="t", outlet=name, sha256="")
        for name, text in (("a.txt", ARTICLE * 20), ("b.txt", OTHER * 20))
    ]
    pair = Story(articles).comparison(0, 1)  # as `compared_alone` sends it: no diff built yet
    sent = pickle.dumps(pair, protocol=pickle.HIGHEST_PROTOCOL)
    assert len(sent) < 2 * (len(articles[0].text) + len(articles[1].text))
    assert [link.diff for link in pickle.loads(sent).links] == [link.diff for link in pair.links]
