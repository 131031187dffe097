"""Files people keep beside their articles that are not articles: read-mes, licences, logs.

A folder of downloaded or scraped articles often comes with the repository's
``README.md``, a ``LICENSE``, a ``CHANGELOG``, a ``requirements.txt``. Read as
articles they would be listed, aligned and counted in the overview, so they are
skipped with a note instead. Recognised by name only (the text is never opened):

- a name that is one of `WHOLE_NAMES` (``AUTHORS.md``, ``TODO.txt``, ``package.json``);
- a name that opens with one of `LEADING_NAMES` and at most one short word more
  (``README.md``, ``README_en.md``, ``LICENSE-MIT.txt``; ``license-plate-scandal.txt``
  is still read), or that ends with one (``mixed_folder.README.md``).

Words are what the name (without its extension) holds between ``.``, ``_``, ``-``
and spaces, compared in upper case.
"""

from __future__ import annotations

import re

LEADING_NAMES = frozenset(
    ("README", "READ_ME", "LICENSE", "LICENCE", "CHANGELOG", "COPYING", "CONTRIBUTING")
)
"""Words that make a file a repository document wherever they open or close its name."""
WHOLE_NAMES = frozenset((
    "CHANGES", "HISTORY", "RELEASE_NOTES", "AUTHORS", "CONTRIBUTORS", "MAINTAINERS", "NOTICE",
    "CODE_OF_CONDUCT", "SECURITY", "SUPPORT", "FUNDING", "INSTALL", "TODO", "MANIFEST",
    "CITATION", "REQUIREMENTS", "ROBOTS", "PACKAGE", "PACKAGE_LOCK", "TSCONFIG", "COMPOSER",
))  # fmt: skip
"""Names (words joined by ``_``) of files that are never articles."""
_SHORT_WORD = 6
"""Longest word beside a leading name (``README_en``, ``LICENSE-MIT``, ``README_FIRST``)."""
_WORDS = re.compile(r"[._\s-]+")


def not_an_article(name: str) -> str | None:
    """The reason to skip the file called ``name``, or ``None`` when it may be an article."""
    words = [word for word in _WORDS.split(name.rsplit(".", 1)[0].upper()) if word]
    if not words:
        return None
    joined = "_".join(words)
    if joined in WHOLE_NAMES:
        return _reason(joined)
    first, last = words[0], words[-1]
    if first in LEADING_NAMES and len(words) <= 2 and len(last) <= max(_SHORT_WORD, len(first)):
        return _reason(first)
    if last in LEADING_NAMES:
        return _reason(last)  # ``mixed_folder.README``: named for the folder it describes
    return None


def _reason(kind: str) -> str:
    return f"skipped: not an article ({kind.replace('_', ' ')} file)"
