"""Copy groups: articles that carry the same copy, typically one wire story reprinted.

Two articles belong together when they share runs of sentences whose wording is the
same (``copy`` and ``edit`` links, the tiers where the text itself was reused): at
least `MIN_SENTENCES` such sentences, `MIN_RUN` of them consecutive in both. Groups
are the connected sets of such pairs.

A group is named after the wire agency when a member's byline, dateline or sign-off
names one; otherwise after its earliest-dated member, or its longest when no member
is dated. Each member is told apart: the ``lead`` the name points at, members that
``credit`` the agency, and those that carry the ``copy`` without saying so.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from tui.core.alignment.align import Link
from tui.core.reading.articles import Article
from tui.core.spans import Span
from tui.core.story.partition import Partition

GROUP_TIERS = ("copy", "edit")
"""The tiers where the wording itself is shared."""
MIN_SENTENCES = 3
"""Shared-wording sentences two articles need to count as copies of each other."""
MIN_RUN = 2
"""Of which this many must follow each other in both articles."""

AGENCY = "agency"
"""`CopyGroup.named_by`: a member's byline, dateline or sign-off names a wire agency."""
EARLIEST = "earliest"
"""`CopyGroup.named_by`: after the member with the earliest date."""
LONGEST = "longest"
"""`CopyGroup.named_by`: after the longest member (no member is dated)."""

LEAD = "lead"
"""Role of the member the group's name points at."""
CREDITS = "credits"
"""Role of another member that names the agency."""
COPY = "copy"
"""Role of a member that carries the copy without naming its source."""


@dataclass(frozen=True, slots=True)
class CopyGroup:
    """Articles sharing copy, and where the copy comes from."""

    members: tuple[int, ...]
    """Article indices, in the order given."""
    roles: tuple[str, ...]
    """Per member: `LEAD`, `CREDITS` or `COPY`."""
    name: str
    """The agency's name, or the lead member's outlet."""
    named_by: str
    """`AGENCY`, `EARLIEST` or `LONGEST`."""
    lead: int
    """The member the name points at: the agency's own copy, or the first member
    crediting it, or the earliest or longest member."""
    sentences: int
    """Shared-wording sentences over all pairs of members (each pair's sentences of A)."""


def copy_pairs(
    links: Mapping[tuple[int, int], Sequence[Link]],
    order: Sequence[Mapping[Span, int]],
) -> dict[tuple[int, int], int]:
    """The article pairs that share copy, with how many sentences they share.

    Args:
        links: Links per aligned pair ``(a, b)``, ``a < b``, article ``a`` on side A.
        order: For each article, the position of each linkable sentence (by span).
    """
    pairs: dict[tuple[int, int], int] = {}
    for (a, b), pair in links.items():
        steps = sorted(
            {
                (order[a][link.a], order[b][link.b])
                for link in pair
                if link.tier in GROUP_TIERS and link.a in order[a] and link.b in order[b]
            }
        )
        shared = len({step[0] for step in steps})
        if shared >= MIN_SENTENCES and _longest_run(steps) >= MIN_RUN:
            pairs[a, b] = shared
    return pairs


def copy_groups(
    articles: Sequence[Article], pairs: Mapping[tuple[int, int], int]
) -> tuple[CopyGroup, ...]:
    """The groups formed by the copy ``pairs``, largest first, then by first member."""
    partition = Partition(len(articles))
    for a, b in pairs:
        partition.join(a, b)
    sentences: Counter[int] = Counter()
    for (a, _b), shared in pairs.items():
        sentences[partition.root(a)] += shared
    groups = [
        _named(articles, tuple(members), sentences[root])
        for root, members in partition.groups().items()
        if len(members) > 1
    ]
    return tuple(sorted(groups, key=lambda group: (-len(group.members), group.members[0])))


def _named(articles: Sequence[Article], members: tuple[int, ...], sentences: int) -> CopyGroup:
    """Name a group and tell its members apart."""
    agencies = Counter(agency for i in members if (agency := articles[i].agency))
    if agencies:
        # Most members credit it; a tie goes to the agency named first.
        agency = max(agencies, key=lambda name: (agencies[name], -_first(articles, members, name)))
        crediting = [i for i in members if articles[i].agency == agency]
        own = [i for i in crediting if articles[i].outlet.casefold() == agency.casefold()]
        lead = own[0] if own else _earliest_or_longest(articles, crediting)[0]
        name, named_by = agency, AGENCY
    else:
        lead, named_by = _earliest_or_longest(articles, members)
        name = articles[lead].outlet or articles[lead].name
    agency = name if named_by == AGENCY else None
    roles = tuple(
        LEAD if i == lead else CREDITS if agency and articles[i].agency == agency else COPY
        for i in members
    )
    return CopyGroup(members, roles, name, named_by, lead, sentences)


def _earliest_or_longest(articles: Sequence[Article], members: Sequence[int]) -> tuple[int, str]:
    """The earliest-dated member (ties: the longer), else the longest; and which rule chose."""
    dated = [i for i in members if articles[i].date]
    if dated:
        return min(dated, key=lambda i: (articles[i].date, -articles[i].words, i)), EARLIEST
    return min(members, key=lambda i: (-articles[i].words, i)), LONGEST


def _first(articles: Sequence[Article], members: Sequence[int], agency: str) -> int:
    """The first member crediting ``agency``."""
    return next(i for i in members if articles[i].agency == agency)


def _longest_run(steps: Sequence[tuple[int, int]]) -> int:
    """Longest chain of sentence pairs that are consecutive on both sides."""
    present = set(steps)
    best = 0
    for a, b in steps:
        if (a - 1, b - 1) in present:
            continue  # not the start of a run
        length = 1
        while (a + length, b + length) in present:
            length += 1
        best = max(best, length)
    return best
