"""The frame of every HTML report: one self-contained document, nothing fetched.

The style sheet and the script (``report.css``, ``report.js`` beside this module)
are inlined, and a Content-Security-Policy meta tag allows exactly those two, by
hash, and nothing else: no request leaves the page when it is opened, and a
``<script>`` that slipped into article text would not run either.

The tiers look as in the terminal: the same Okabe-Ito colours (``tui/app/app.tcss``),
tinted as strongly, and the same marks (``=`` copy, ``~`` edit, ``"`` quote, ``≈``
paraphrase) before each linked sentence, so tiers read without colour and on paper.
"""

from __future__ import annotations

import base64
import hashlib
from functools import cache
from importlib.resources import files

from tui import __version__
from tui.core.alignment.marks import TIER_COLOURS, TIER_MARKS, TIER_TINTS
from tui.core.alignment.tiers import TIERS, Tier
from tui.core.reports.html_markup import label


def page(title: str, body: str) -> str:
    """A complete HTML document of ``body`` (trusted markup), titled ``title`` (raw text)."""
    style, script = _style(), _script()
    policy = (
        f"default-src 'none'; style-src '{_digest(style)}'; script-src '{_digest(script)}'; "
        "base-uri 'none'; form-action 'none'"
    )
    return (
        "<!DOCTYPE html>\n"
        '<html lang="en">\n<head>\n<meta charset="utf-8">\n'
        f'<meta http-equiv="Content-Security-Policy" content="{policy}">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        '<meta name="referrer" content="no-referrer">\n'
        f'<meta name="generator" content="storyreader {__version__}">\n'
        f"<title>{label(title)}</title>\n<style>{style}</style>\n</head>\n"
        f"<body>\n{body}\n<script>{script}</script>\n</body>\n</html>"
    )


def tier_badge(tier: Tier) -> str:
    """A tier's mark and name, tinted: ``= copy``."""
    return f'<span class="tier t-{tier}">{_mark_text(tier)} {tier}</span>'


@cache
def _style() -> str:
    return _asset("report.css") + _tier_rules()


@cache
def _script() -> str:
    return _asset("report.js")


def _asset(name: str) -> str:
    return files("tui.core.reports").joinpath(name).read_text(encoding="utf-8")


def _tier_rules() -> str:
    """A tint and a mark per tier; the quote tier is also italic, as on screen."""
    rules = []
    for tier in TIERS:
        red, green, blue = (int(TIER_COLOURS[tier][i : i + 2], 16) for i in (1, 3, 5))
        tint = f"rgb({red} {green} {blue} / {TIER_TINTS[tier]}%)"
        style = "font-style: italic; " if tier == "quote" else ""
        rules.append(f".t-{tier} {{ background: {tint}; {style}}}")
        rules.append(f'a.s.t-{tier}[id]::before {{ content: "{_css_string(TIER_MARKS[tier])}"; }}')
    return "\n" + "\n".join(rules) + "\n"


def _css_string(text: str) -> str:
    return text.replace("\\", "\\\\").replace('"', '\\"')


def _mark_text(tier: Tier) -> str:
    return label(TIER_MARKS[tier])


def _digest(text: str) -> str:
    """The CSP source expression allowing exactly ``text`` as an inline block."""
    return "sha256-" + base64.b64encode(hashlib.sha256(text.encode("utf-8")).digest()).decode()
