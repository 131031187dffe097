"""What the screens call each article: its outlet, or the shortest form of its file name.

An article whose text names no outlet falls back to its file name in the core
(``002_854cd6e9c4ecd428``). A person scanning a list tells such files apart by the
shortest part that differs (``002``), so every screen labels them so; where that
part is a long hash, by its first few characters, as one abbreviates a commit.
Labels are unique within a story (``AFP``, ``AFP #2``), and `abbreviate` shortens
one to a column's width (``themoscowtimes.com`` to ``themoscowtimes``, then ``themos…``).
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator, Sequence

from rich.cells import cell_len

from tui.core.reading.articles import Article
from tui.core.reading.formats.raw import fallback_name
from tui.core.text.safe import one_line

_PART = re.compile(r"[^\s_.:-]+")
"""A part of a file name, as a person reads it: the text between separators."""
_HASH = re.compile(r"[0-9a-f]{8,}")
"""A part that is a hash: told apart by its first characters."""
HASH_MIN = 4
"""Fewest characters of a hash a label keeps."""
_HOST_PREFIXES = ("www.", "m.", "amp.", "mobile.")
_SECOND_LEVEL = frozenset({"co", "com", "org", "net", "gov", "ac", "edu"})
"""Labels before a country code that are part of the suffix (``bbc.co.uk``)."""


def has_outlet(article: Article) -> bool:
    """Whether the outlet was found, rather than being the file name standing in for it."""
    return article.outlet != fallback_name(article.path)


def _file_key(article: Article) -> str:
    """The file name (stem) a label is cut from, with its line for one article of many."""
    name = one_line(article.outlet)
    return name if article.part is None else f"{name}:{article.part}"


def _prefixes(key: str) -> Iterator[str]:
    """The ways ``key`` can be cut short, in the order a label prefers them.

    Its words first, hashes left out (``002`` of ``002_854cd6e9c4ecd428``, ``carrow``
    of ``4f9c02ab7e_carrow``), the first word alone, then with the next; then the key
    cut after each part, and inside a hash from `HASH_MIN` characters on; the whole
    key last.
    """
    parts = list(_PART.finditer(key))
    words = [part for part in parts if not _HASH.fullmatch(part.group())]
    if words and len(words) < len(parts):
        label = ""
        for word in words:
            if label:
                gap = key[word.start() - 1]  # the separator before it, if any
                label += gap if not gap.isalnum() else "-"
            label += word.group()
            yield label
    for part in parts:
        if _HASH.fullmatch(part.group()):
            for length in range(HASH_MIN, len(part.group())):
                yield key[: part.start() + length]
        yield key[: part.end()]
    yield key


class Labeller:
    """Labels for a growing list of articles, kept up to date as files are read.

    Each article's ways of being cut short are worked out once, when it arrives,
    and an article's name (`names`) changes only when a newcomer shares its cut: a
    folder of ten thousand files is labelled as it loads at a few microseconds a
    file, and the widest name is known without measuring them all again.
    """

    def __init__(self) -> None:
        self.names: list[str] = []
        """Per article: its outlet, or the shortest cut of its file name no other file's
        is. Not unique (`labels` is): the library's outlet column shows these."""
        self.widest = 0
        """Cells of the widest of `names`."""
        self._cuts: dict[int, list[str]] = {}
        """Per article without an outlet, its `_prefixes`, shortest first."""
        self._counts: Counter[str] = Counter()
        """How many articles each prefix could stand for."""
        self._owner: dict[str, int] = {}
        """Each cut that is an article's name, and that article."""
        self._labels: tuple[str, ...] = ()

    def extend(self, articles: Sequence[Article]) -> None:
        """Take in articles read since the last call."""
        for article in articles:
            index = len(self.names)
            if has_outlet(article):
                self.names.append(one_line(article.outlet))
            else:
                cuts = self._cuts[index] = list(dict.fromkeys(_prefixes(_file_key(article))))
                self._counts.update(cuts)
                self.names.append("")
                for cut in cuts:  # names this one now shares grow to their next cut
                    owner = self._owner.get(cut)
                    if owner is not None:
                        self._rename(owner)
                self._rename(index)
            self.widest = max(self.widest, cell_len(self.names[index]))
        self._labels = ()

    def _rename(self, index: int) -> None:
        """Give article ``index`` the shortest cut of its file name that no other file's is."""
        cuts, counts = self._cuts[index], self._counts
        name = next((cut for cut in cuts if counts[cut] == 1), cuts[-1])
        old = self.names[index]
        if self._owner.get(old) == index:
            del self._owner[old]
        self.names[index] = name
        self._owner[name] = index
        self.widest = max(self.widest, cell_len(name))

    @property
    def labels(self) -> tuple[str, ...]:
        """One label per article taken in, unique (repeats numbered ``AFP #2``)."""
        if not self._labels and self.names:
            seen: Counter[str] = Counter()
            unique = []
            for name in self.names:
                seen[name] += 1
                unique.append(name if seen[name] == 1 else f"{name} #{seen[name]}")
            self._labels = tuple(unique)
        return self._labels


def short_labels(articles: Sequence[Article]) -> tuple[str, ...]:
    """One label per article, unique: the outlet, else the shortest distinct file name part.

    Repeated outlets are numbered in load order (``AFP``, ``AFP #2``), as the reports do.
    """
    labeller = Labeller()
    labeller.extend(articles)
    return labeller.labels


def _site_name(label: str) -> str:
    """``themoscowtimes.com`` → ``themoscowtimes``; ``news.bbc.co.uk`` → ``bbc``."""
    if " " in label or "." not in label.strip("."):
        return label
    host = label.lower()
    for prefix in _HOST_PREFIXES:
        host = host.removeprefix(prefix)
    parts = [part for part in host.split(".") if part]
    if len(parts) > 1:
        parts.pop()  # the top-level domain
    if len(parts) > 1 and parts[-1] in _SECOND_LEVEL:
        parts.pop()
    return parts[-1] if parts else label


def abbreviate(label: str, width: int) -> str:
    """``label`` in at most ``width`` cells.

    A web address becomes its site's name, a leading "The" goes, then it is cut with
    an ellipsis.
    """
    if cell_len(label) <= width:
        return label
    for shorter in (_site_name(label), label.removeprefix("The ")):
        if cell_len(shorter) <= width:
            return shorter
    short = _site_name(label).removeprefix("The ")
    if width <= 1:
        return short[:width]
    while cell_len(short) > width - 1:
        short = short[:-1]
    return short.rstrip(" ._-") + "…"
