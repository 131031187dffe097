"""Photo captions and credits: lines that describe a picture, never the story's prose.

One rule for the whole core: the segmenter keeps such lines out of alignment, and
the header reader never takes one for a headline.
"""

from __future__ import annotations

import re

CAPTION_WORDS = ("photo", "picture", "image", "video", "illustration", "graphic", "credit", "foto")
"""Words that introduce a credit: ``Photo: x``, ``Images by x``, ``Picture courtesy of x``."""


def _credit_pattern(words: tuple[str, ...]) -> str:
    r"""``\b(?:photo|...)(?:graph)?s?\s*(?:by\b|courtesy\b|:)`` ignoring case, made fast.

    The pattern starts with a class of the words' first letters (``İ`` and ``ı``
    included where ``i`` is, as ignoring case matches them), so the regex engine
    jumps from candidate letter to candidate letter instead of trying every
    position; the lookbehind after that letter stands for the word boundary.
    """
    firsts = sorted({word[0] for word in words})
    letters = "".join(first + first.upper() for first in firsts) + ("İı" if "i" in firsts else "")
    rests = "|".join(
        f"(?<={first})(?:{'|'.join(word[1:] for word in words if word[0] == first)})"
        for first in firsts
    )
    return rf"[{letters}](?<!\w[{letters}])(?i:(?:{rests})(?:graph)?s?\s*(?:by\b|courtesy\b|:))"


_CREDIT = re.compile(_credit_pattern(CAPTION_WORDS))


def is_caption(text: str) -> bool:
    """True for a caption or credit: ``... Photo: VCG``, ``Images by AFP``, ``© Reuters``."""
    if "©" in text:
        return True
    if text.isascii():  # ASCII ignores case as `lower` does: no credit without its word
        lower = text.lower()
        if not any(word in lower for word in CAPTION_WORDS):
            return False
    return _CREDIT.search(text) is not None


_PICTURE = re.compile(
    r"(?:In (?:a|an|the|this|these) |(?:A|An|The|This|These) )"
    r"(?:[\w-]+ ){0,3}?(?:photo(?:graph)?|picture|image)s?\b"
    r"[^.!?]{0,160}?\b(?:shows?|showing|taken)\b"
)


def describes_picture(text: str) -> bool:
    """True for a line that tells what a picture shows, as a caption under it does.

    ``A photograph released by the agency shows the leader at a party meeting``, ``In
    this file photo taken in May, ...``. Only for a line of its own (the caller's
    test): the same words inside a paragraph are the story telling of a picture.
    """
    return _PICTURE.match(text) is not None
