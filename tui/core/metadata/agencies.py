"""Wire agencies: telling an agency's name from any other word at the edge of an article.

Agencies sign their copy (a final ``AFP``), put themselves in datelines
(``MOSCOW (Reuters) -``) and in bylines (``Anna Malpas for AFP``). A name counts as an
agency when it is a known wire service, or a short all-capital token, which is how
most of them write their names; words that close press releases are excluded.
"""

from __future__ import annotations

import re

WIRE_AGENCIES = frozenset(
    name.casefold()
    for name in (
        "AFP", "Agence France-Presse", "Agence France Presse", "AP", "Associated Press",
        "Reuters", "Thomson Reuters", "dpa", "Deutsche Presse-Agentur", "Bloomberg",
        "Xinhua", "Kyodo", "Kyodo News", "Yonhap", "TASS", "Interfax", "RIA Novosti",
        "Sputnik", "Anadolu", "Anadolu Agency", "EFE", "ANSA", "PTI", "IANS", "ANI",
        "UPI", "AAP", "PA", "PA Media", "Press Association", "Canadian Press", "Bernama",
        "Antara", "Ukrinform", "APA", "SDA", "Belga", "NTB", "TT", "Ritzau", "CTK",
    )
)  # fmt: skip
"""Known wire services, case-folded; any short all-capital token is also accepted."""

_CAPS_TOKEN = re.compile(r"[A-Z]{2,6}")
_NOT_AGENCIES = frozenset({"END", "ENDS", "MORE", "NOTE", "PHOTO", "VIDEO", "UPDATE"})
"""All-capital words that close or label copy without naming who wrote it."""


def is_agency(name: str) -> bool:
    """True when ``name`` (already stripped of brackets) names a wire agency."""
    if name.casefold() in WIRE_AGENCIES:
        return True
    return _CAPS_TOKEN.fullmatch(name) is not None and name not in _NOT_AGENCIES
