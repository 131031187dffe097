"""Outlet names: one outlet, one name, however its sources spell it.

Data sets spell one outlet several ways (``HPO``, ``hpo``; ``www.nytimes.com``,
``nytimes.com``), and the library, the overview's labels and its copy groups would
show each spelling as another outlet. Two rules make one name of them:

- `normal_outlet`: a web address or host name becomes the bare host in lower case
  (``www.NYTimes.com/`` is ``nytimes.com``); any other name keeps its letters, with
  runs of spaces made one, and without the publisher's legal form and what follows
  it (``St. Peter Tagblatt AG``, ``Harbour Media GmbH & Co. KG, Hamburg``): a page's
  site name is often its company's, and the outlet is the paper, not the company.
- Names that differ only in case are one outlet, shown in one spelling: within one
  file, the most frequent (`common_spellings`, ties to the first met); across the
  files of one load, the first met (`Spellings`), so a streaming load never renames
  an article it already gave out.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable

_HOST = re.compile(
    r"(?:https?://)?(?:www\d*\.|m\.|mobile\.|amp\.)?(?P<host>[a-z0-9-]+(?:\.[a-z0-9-]+)*\.[a-z]{2,})"
    r"(?::\d+)?/?",
    re.IGNORECASE,
)
"""A bare host or a web address with nothing after the host: ``www.example.com``."""


_LEGAL_FORM = re.compile(
    r",?\s+(?:GmbH|mbH|AG|KGaA|KG|Ltd|Inc|LLC|LLP|PLC|Corp|S\.A\.|S\.p\.A\.|S\.r\.l\.|SARL"
    r"|B\.V\.|N\.V\.|Sp\. ?z ?o\.o\.(?: S\.K\.A?\.?)?|e\. ?V\.|Pty|Oy|A/S)\.?(?=$|\s*[,&|/–—]|\s+-\s)",
    re.IGNORECASE,
)
"""A company's legal form ending a name, or followed by more of the company's details."""


def normal_outlet(name: str) -> str:
    """``name`` as one outlet's name: a host in lower case without ``www.``, spaces made one.

    A name that is a company's loses its legal form and what follows.
    """
    name = " ".join(name.split())
    host = _HOST.fullmatch(name) if "." in name and " " not in name else None
    if host:
        return host["host"].lower()
    legal = _LEGAL_FORM.search(name)
    return name[: legal.start()] if legal and legal.start() >= 2 else name


def common_spellings(names: Iterable[str]) -> dict[str, str]:
    """Each outlet (its case-folded name) with its most frequent spelling; ties to the first."""
    best: dict[str, tuple[int, str]] = {}
    for name, count in Counter(names).items():  # in the order first met
        key = name.casefold()
        if key not in best or count > best[key][0]:
            best[key] = (count, name)
    return {key: name for key, (_, name) in best.items()}


class Spellings:
    """The spelling of each outlet met first in one load: later spellings follow it."""

    def __init__(self) -> None:
        self._names: dict[str, str] = {}

    def spell(self, name: str) -> str:
        """The spelling this load shows for the outlet ``name``."""
        return self._names.setdefault(name.casefold(), name)
