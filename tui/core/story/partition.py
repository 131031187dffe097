"""Partition: items joined into groups pair by pair (union-find), for the story's groupings.

Copy groups join articles, figure groups and quote groups join mentions: each
grows groups from pairs the same way, transitively.
"""

from __future__ import annotations


class Partition:
    """``count`` items, each in a group of its own until pairs join them."""

    __slots__ = ("_parent",)

    def __init__(self, count: int) -> None:
        self._parent = list(range(count))

    def root(self, item: int) -> int:
        """The item that stands for ``item``'s group (paths are halved on the way)."""
        parent = self._parent
        while parent[item] != item:
            parent[item] = parent[parent[item]]
            item = parent[item]
        return item

    def join(self, first: int, second: int) -> int:
        """Put the groups of ``first`` and ``second`` together; the new group's root."""
        root = self.root(second)
        self._parent[self.root(first)] = root
        return root

    def groups(self) -> dict[int, list[int]]:
        """Every group by its root, its items in order; groups in order of their first item."""
        members: dict[int, list[int]] = {}
        for item in range(len(self._parent)):
            members.setdefault(self.root(item), []).append(item)
        return members
