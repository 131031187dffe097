"""Paraphrase that holds on unseen stories: figures need shared content, headlines meet
ledes, links carry a confidence, non-prose lines never link, and the engine says its name.

The lexical engine runs in every test here (`tests/conftest.py` sets it); the semantic
signal's own tests are in ``test_semantic.py``.
"""

from __future__ import annotations

import pytest

from tests.stories import compared, story_of
from tui.core.alignment import semantic, tiers
from tui.core.alignment.align import Link, StoryAligner
from tui.core.language.sentences import BYLINE, CAPTION, DATELINE, segment
from tui.core.language.tokens import stem

WIRE = """Harbour Council Delays Ferry Tender Over Storm Damage

VARDO — The harbour council voted on Tuesday to delay the ferry tender by three months \
after storm damage to the north pier, officials said in a statement.

By Ingrid Solberg.

Published 14 March 2023, 10:32.

Repairs to the pier are expected to cost the town more than 4.2 million kroner. The mayor \
said the town would ask the county for help.

Photo: Harbour office
"""
DAILY = """Ferry contract postponed

By Ingrid Solberg.

Published 14 March 2023, 10:32.

The harbour council postponed its ferry tender on Tuesday. Fishermen welcomed the pause. \
Repairs to the north pier will cost more than 4.2 million kroner, the county engineer told \
the council.

Photo: Harbour office
"""


def linked(links: tuple[Link, ...], text_a: str, a: str, text_b: str, b: str) -> Link | None:
    """The link between the sentences starting with ``a`` and ``b``, if any."""
    for link in links:
        if link.a.slice(text_a).startswith(a) and link.b.slice(text_b).startswith(b):
            return link
    return None


def test_a_shared_figure_in_another_mouth_is_no_pair(seed_texts: dict[str, str]) -> None:
    """Seed 000's lede promises the loan; 001's ``She later said`` condemns the same loan."""
    a, b = seed_texts["000"], seed_texts["001"]
    links = compared(a, b).links
    she = "She later said Lukashenko should be personally liable"
    assert linked(links, a, "Russian President Vladimir Putin on Monday", b, she) is None
    assert not any(link.b.slice(b).startswith(she) for link in links)
    # The lede still has its copy.
    lede = linked(links, a, "Russian President Vladimir Putin on Monday", b, "President Vladimir")
    assert lede is not None and lede.tier == "copy"


def test_a_figure_alone_links_nothing() -> None:
    a = "Officials confirmed the budget on Monday. The new tunnel will cost $380 million."
    b = "Anna Berg wrote a novel about winter. Critics found $380 million in unpaid fines."
    assert compared(a, b).links == ()


def test_the_same_figure_in_the_same_statement_links() -> None:
    a = "The new tunnel under the fjord will cost 380 million kroner, the roads agency said."
    b = "Building the fjord tunnel will cost 380 million kroner, according to the roads agency."
    (link,) = compared(a, b).links
    assert link.tier in ("edit", "paraphrase")


def test_a_headline_links_to_the_lede_that_restates_it() -> None:
    comparison = compared(WIRE, DAILY)
    lede = "The harbour council postponed its ferry tender on Tuesday."
    link = linked(comparison.links, WIRE, "VARDO — The harbour council voted", DAILY, lede)
    assert link is not None and link.tier == "paraphrase"
    headline = linked(comparison.links, WIRE, "Harbour Council Delays Ferry Tender", DAILY, lede)
    assert headline is not None


def test_headline_against_a_longer_lede_counts_what_the_headline_holds() -> None:
    """Directional containment: the headline is almost all in the lede, the lede is not."""
    head = "Ferry Tender Delayed After Pier Storm Damage\n\nOther news follows here today."
    lede = (
        "Kelp farmers met.\n\nThe council said the ferry tender was delayed by three months "
        "because storm damage to the pier must be repaired first, and the mayor promised "
        "new quotes from five shipyards before the summer season begins in June."
    )
    context = ["Kelp farmers met the council.", "The mayor spoke about the summer season."]
    link = linked(compared(head, lede, context).links, head, "Ferry Tender", lede, "The council")
    assert link is not None and link.tier == "paraphrase"


def test_links_carry_a_confidence() -> None:
    links = compared(WIRE, DAILY).links
    assert links
    for link in links:
        assert 0.0 <= link.confidence <= 1.0
        if link.tier in ("copy", "edit"):
            assert link.confidence == 1.0
    loose = sorted((link for link in links if link.tier == "paraphrase"), key=lambda x: x.score)
    assert loose and all(0.5 <= link.confidence <= 1.0 for link in loose)
    assert [link.confidence for link in loose] == sorted(link.confidence for link in loose)


def test_bylines_date_lines_and_captions_never_link() -> None:
    comparison = compared(WIRE, DAILY)
    linked_text = {link.a.slice(WIRE) for link in comparison.links}
    assert not linked_text & {"By Ingrid Solberg.", "Published 14 March 2023, 10:32."}
    assert not any(text.startswith("Photo") for text in linked_text)
    kinds = {s.span.slice(WIRE): s.kind for s in segment(WIRE)}
    assert kinds["By Ingrid Solberg."] == BYLINE
    assert kinds["Published 14 March 2023, 10:32."] == DATELINE
    assert kinds["Photo: Harbour office"] == CAPTION


@pytest.mark.parametrize(
    "line",
    ["By then the council had voted.", "By Tuesday the pier was shut.", "On 14 March it rained."],
)
def test_sentences_that_start_like_bylines_or_dates_stay_prose(line: str) -> None:
    (sentence,) = segment(line)
    assert sentence.kind == "sentence"


def test_the_engine_says_its_name(monkeypatch: pytest.MonkeyPatch) -> None:
    aligner = story_of(WIRE, DAILY).aligner
    assert aligner.engine == semantic.LEXICAL
    assert aligner.engine_note is None  # asked for the lexical engine: nothing amiss
    monkeypatch.setenv(semantic.ENGINE_VARIABLE, semantic.SEMANTIC)
    monkeypatch.setattr(semantic, "installed", lambda: False)
    monkeypatch.setattr(semantic, "_loaded", None)
    fallback = StoryAligner({})
    assert fallback.engine == semantic.LEXICAL
    assert fallback.engine_note is not None and semantic.INSTALL_HINT in fallback.engine_note


def test_the_same_short_phrase_quoted_on_both_sides_links_as_a_quote() -> None:
    """Two outlets quote the mayor's three words: too short for a statement, the same words."""
    a = (
        'Mayor Lund praised the new ferry contract on Tuesday, calling it "a fair deal." '
        "The harbour opens in May."
    )
    b = (
        "After the council vote, the mayor said on the radio that the ferry contract was "
        '"a fair deal." Fishermen were not asked.'
    )
    context = ["Lund spoke about the harbour.", "The council met the fishermen in May."]
    (link,) = compared(a, b, context).links
    assert link.tier == "quote"
    assert link.a.slice(a).startswith("Mayor Lund") and link.b.slice(b).startswith("After")


def test_one_speakers_statement_worded_twice_is_a_quote_and_in_two_mouths_is_not() -> None:
    """Two renderings of the mayor's words share too little for a quote on their own:
    the same speaker named in both makes them one; another speaker's words stay apart."""
    a = (
        '"The old swing bridge has done its job for ninety long years," Mayor Alvarez said '
        "at the council meeting on Monday."
    )
    same = (
        "The council will vote on a replacement next week, Alvarez told reporters, adding "
        'that "the old swing bridge has served its purpose and must close."'
    )
    other = same.replace("Alvarez", "the engineer")
    context = [
        "The ferry runs twice a day across the river.",
        "Traffic on the ring road grew in May.",
        "The bridge opened in 1931 and carries 9,000 cars a day.",
        "Shops near the river closed early.",
    ]
    (link,) = compared(a, same, context).links
    assert link.tier == "quote"
    assert tiers.QUOTE_SAME_SPEAKER <= link.score < tiers.QUOTE  # short of a quote alone
    assert not compared(a, other, context).links


def test_one_speakers_two_statements_sharing_one_word_are_no_quote() -> None:
    """The mayor said two different things; one rare word in common does not make them one."""
    a = (
        '"Nobody in this town could know how hard the winter storm would hit," Mayor Alvarez '
        "said on Monday."
    )
    b = 'Alvarez told reporters on the pier that "we know the river well."'
    context = [
        "The ferry runs twice a day across the river.",
        "Traffic on the ring road grew in May.",
        "The bridge opened in 1931 and carries 9,000 cars a day.",
        "Shops near the river closed early.",
        "Schools stayed open all week.",
        "The council met in the old hall.",
        "Rain fell for three days.",
        "Farmers moved their cattle to higher fields.",
        "The train to the coast was cancelled.",
        "Volunteers filled sandbags at the depot.",
        "The museum lent its vans to the clinic.",
        "Buses ran late on Tuesday.",
        "The harbour office reopened.",
        "Power returned to most homes by noon.",
        "The library stayed shut.",
        "Police closed two roads.",
        "The bakery gave away bread.",
        "A crane was brought from the city.",
        "Insurers sent assessors.",
    ]
    story = story_of(a, b, *context)
    ua, ub = story.units(0).units[0], story.units(1).units[0]
    assert tiers.named_alike(ua, ub)  # one speaker,
    assert tiers.quote_score(ua, ub, story.aligner._weigh, 1.0) >= tiers.QUOTE_SAME_SPEAKER
    assert not story.comparison(0, 1).links  # but one shared word: no quote


def test_the_same_words_in_two_named_mouths_are_no_quote() -> None:
    """A mayor and an engineer both say the repairs are going well: two statements.

    The same quotation given to a pronoun on one side (``she said``, someone named
    earlier) is still one quote: a pronoun tells nothing against it.
    """
    a = '"The repairs on the old bridge are going very well," Mayor Alvarez said on Monday.'
    b = (
        "Speaking at the depot after the inspection, the engineer Tom Reid said that "
        '"the repairs on the old bridge are going well."'
    )
    pronoun = b.replace("the engineer Tom Reid", "she")
    context = [
        "The ferry runs twice a day across the river.",
        "Traffic on the ring road grew in May.",
        "Shops near the river closed early.",
    ]
    story = story_of(a, b, *context)
    ua, ub = story.units(0).units[0], story.units(1).units[0]
    assert tiers.quote_score(ua, ub, story.aligner._weigh, 1.0) >= tiers.QUOTE
    assert tiers.named_apart(ua, ub) and not tiers.literal_tier(
        story.aligner._measure(0, ua, 0, ub, 0.5)
    )
    assert not [link for link in story.comparison(0, 1).links if link.tier == "quote"]
    (link,) = compared(a, pronoun, context).links
    assert link.tier == "quote"
    # A name written surname first is one person with its short form.
    full = story_of(a.replace("Mayor Alvarez", "Mayor Lee Jae Won"), b.replace("Tom Reid", "Lee"))
    assert not tiers.named_apart(full.units(0).units[0], full.units(1).units[0])


def test_a_quoted_term_of_two_words_is_no_quote() -> None:
    """The same scare-quoted name in two different statements links neither as a quote."""
    a = 'The "green corridor" will carry freight to the north pier from June, the port said.'
    b = 'Critics of the port say the "green corridor" to the north pier has cost too much.'
    context = [
        "The freight depot closed.",
        "The town budget grew again.",
        "Ferries will sail twice a day.",
        "The mayor met the harbour board.",
    ]
    assert not [link for link in compared(a, b, context).links if link.tier == "quote"]


def test_news_is_not_new() -> None:
    assert stem("news") != stem("new")
    assert stem("ferries") == stem("ferry") and stem("halts") == stem("halt")


HEADLINE_WITH_STOP = """Harbour council to delay the ferry tender after storm.

Council pauses ferry tender

VARDO — The harbour council voted on Tuesday to delay the ferry tender by three months \
after storm damage to the north pier, officials said in a statement.

Repairs to the pier are expected to cost the town more than 4.2 million kroner.
"""


def test_a_headline_ending_with_a_stop_and_its_deck_link_to_the_lede() -> None:
    """Both are headlines (containment counts for them): each links to the other's lede."""
    comparison = compared(HEADLINE_WITH_STOP, DAILY)
    lede = "The harbour council postponed its ferry tender on Tuesday."
    for headline in ("Harbour council to delay", "Council pauses ferry tender"):
        assert linked(comparison.links, HEADLINE_WITH_STOP, headline, DAILY, lede) is not None


ISLAND_LEDE = (
    "SKALA — The island ferry will stop for the winter after a storm tore up its pier, the port "
    "authority said on Monday, and engineers do not expect the repairs to be finished before April."
)
ISLAND_SCHOOL = (
    "With the ferry stopped for the winter, parents at the village school have asked the county "
    "council for a bus along the narrow fjord road twice a day until Easter, and the head teacher "
    "warned that older pupils could miss the spring examinations held each May in the secondary "
    "school across the water."
)
ISLAND_LATER = [
    "The authority expects the pier to reopen in April.",
    "Fishermen said the storm was the worst in a decade.",
    "The shop on the quay will close early on weekdays.",
    "A choir from the mainland cancelled its concert.",
    "Tourists were told to book rooms in town instead.",
    "The church bells were silent on Sunday.",
    "The island's doctor will visit twice a week by boat.",
    "Volunteers cleared the beach on Saturday.",
]
ISLAND_DAILY = """Island ferry stops for the winter after pier storm

Parents at the village school want the county council to send a bus every school day until \
Easter, the head teacher said.

Repairs to the storm-damaged pier will take until April.
"""
ISLAND_CONTEXT = [
    "The county council meets on Thursday to discuss roads and the budget.",
    "A school in the north opened a new library on Friday.",
    "Ferry timetables change in summer.",
]


def island_wire(school_first: bool) -> str:
    """The wire's story, its school sentence second or after eight later sentences."""
    body = [ISLAND_LEDE, ISLAND_SCHOOL, *ISLAND_LATER]
    if not school_first:
        body = [ISLAND_LEDE, *ISLAND_LATER, ISLAND_SCHOOL]
    return "Storm Wrecks Island Pier\n\n" + "\n\n".join(body) + "\n"


def test_a_headline_links_to_each_sentence_of_the_opening_that_carries_it() -> None:
    """The daily's headline is in the wire's lede and, in part, in its second sentence.

    That sentence pairs better with the daily's school sentence, and the lede carries
    the headline better: containment alone would give the headline the lede only. A
    headline sums up the other article's opening, so both of its sentences link to it.
    """
    wire = island_wire(school_first=True)
    links = compared(wire, ISLAND_DAILY, ISLAND_CONTEXT).links
    headline = "Island ferry stops"
    for sentence in ("SKALA — The island ferry", "With the ferry stopped"):
        link = linked(links, wire, sentence, ISLAND_DAILY, headline)
        assert link is not None and link.tier == "paraphrase"
    school = linked(links, wire, "With the ferry stopped", ISLAND_DAILY, "Parents at the")
    assert school is not None


def test_a_headline_carried_in_part_deep_in_the_other_article_stays_with_its_best() -> None:
    """The same sentence after the opening: the headline keeps only the lede."""
    wire = island_wire(school_first=False)
    links = compared(wire, ISLAND_DAILY, ISLAND_CONTEXT).links
    headline = "Island ferry stops"
    assert linked(links, wire, "SKALA — The island ferry", ISLAND_DAILY, headline) is not None
    assert linked(links, wire, "With the ferry stopped", ISLAND_DAILY, headline) is None
    assert linked(links, wire, "With the ferry stopped", ISLAND_DAILY, "Parents at the") is not None
